/**
 * Makes the fixture of the provider-upgrade scenario (test/e2e/upgrade.test.ts): a real `pulumi up` of
 * the meeting-with-attendees program with the package as it is now, saved as
 *   stack.json                 `pulumi stack export` (secrets encrypted with PASSPHRASE)
 *   Pulumi.<stack>.yaml        the stack's config file (its encryption salt)
 *   chime-local-state.json     the local endpoint's state file, holding the meeting and attendees
 *   meta.json                  package and engine versions, and the endpoint clock at the time
 * Run it once per released version, from a checkout of that version, and commit the folder:
 *   npm run build && PATH="$(bash scripts/ensure-pulumi.sh | tail -1):$PATH" \
 *     node -r ts-node/register/transpile-only test/e2e/support/make-upgrade-fixture.ts
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startChimeLocal } from "../../../emulator";
import { makeBackend, PROGRAMS, programStack, requireEngine } from "./engine";

export const FIXTURE_STACK_CONFIG = {
  attendees: JSON.stringify([
    {
      name: "kiosk",
      externalUserId: "kiosk-a",
      capabilities: { audio: "SendReceive", video: "Receive", content: "None" },
    },
    { name: "bot", externalUserId: "bot-b" },
  ]),
  tags: JSON.stringify({ team: "support" }),
};

async function main() {
  const version = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")).version;
  const out = join(__dirname, "..", "fixtures", `upgrade-v${version}`);
  mkdirSync(out, { recursive: true });
  const engine = requireEngine();
  const clock = Date.now();
  const stateFile = join(out, "chime-local-state.json");
  const local = await startChimeLocal({ stateFile, now: () => clock });
  const backend = makeBackend();
  const program = await programStack(
    join(PROGRAMS, "meeting-with-attendees"),
    local,
    backend.url,
    FIXTURE_STACK_CONFIG,
  );
  try {
    await program.stack.up();
    const exported = execFileSync("pulumi", ["stack", "export", "--stack", program.stack.name], {
      cwd: program.dir,
      env: { ...process.env, PULUMI_BACKEND_URL: backend.url, PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase" },
      encoding: "utf8",
    });
    writeFileSync(join(out, "stack.json"), exported);
    copyFileSync(join(program.dir, `Pulumi.${program.stack.name}.yaml`), join(out, "Pulumi.fixture.yaml"));
    await local.flush();
    writeFileSync(
      join(out, "meta.json"),
      `${JSON.stringify({ packageVersion: version, pulumi: engine, stackName: program.stack.name, endpointClock: clock }, null, 2)}\n`,
    );
    console.log(`fixture written to ${out}`);
  } finally {
    await program.remove();
    backend.remove();
    await local.close();
  }
}

// Only when run as a script: the upgrade test imports FIXTURE_STACK_CONFIG from here.
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
