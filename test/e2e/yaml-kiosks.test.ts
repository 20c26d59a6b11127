/**
 * examples/yaml-kiosks, a Pulumi YAML program on the provider plugin (issue 14, item 6), run as its
 * users run it: the engine built by scripts/ensure-pulumi.sh with its YAML language host
 * (pulumi-language-yaml) and `pulumi-resource-chime` (the one CHIME_PLUGIN selects: the Node script on
 * PATH, or the archive's executable installed; test/support/plugin-under-test.ts), against the local endpoint.
 * The steps of the `describe` run in order on one stack: preview, up, a second up that must change
 * nothing, the outputs, the state audit, destroy.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { pluginUnderTest, providePluginToEngine } from "../support/plugin-under-test";
import { PACKAGE_ROOT } from "../support/program-dir";
import { auditOutput, auditState } from "./support/audit";
import { pulumiOk } from "./support/cli";
import { makeBackend, type ProgramStack, programStack, requireEngine } from "./support/engine";
import { previewPlan, upWithOps } from "./support/plan";

const EXAMPLE = join(PACKAGE_ROOT, "examples", "yaml-kiosks");

/** Every JoinToken and AttendeeId the endpoint holds: what must never be seen in plaintext. */
function endpointSecrets(local: ChimeLocal): string[] {
  return local
    .meetings()
    .flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId]));
}

/**
 * Fails, with what to do, unless the YAML language host and the built plugin are where the engine
 * looks: these suites never skip silently.
 */
function requireYamlHostAndPlugin(): void {
  const pulumiDir = spawnSync("sh", ["-c", 'dirname "$(readlink -f "$(command -v pulumi)")"'], {
    encoding: "utf8",
  }).stdout.trim();
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => existsSync(join(dir, "pulumi-language-yaml")));
  if (!onPath && !existsSync(join(pulumiDir, "pulumi-language-yaml"))) {
    throw new Error(
      "YAML programs need pulumi-language-yaml beside pulumi or on PATH. Run the suites through `npm test`, " +
        "whose scripts/ensure-pulumi.sh provides it.",
    );
  }
  if (
    pluginUnderTest().kind === "script" &&
    !existsSync(join(PACKAGE_ROOT, "dist", "provider", "plugin", "main.js"))
  ) {
    throw new Error(
      "dist/provider/plugin is missing: run `npm run build` (the test command does) before this suite",
    );
  }
}

describe("examples/yaml-kiosks: a YAML program on the provider plugin, on the Pulumi engine", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  /** Everything the CLI printed, for the audit. */
  let printed = "";
  let unprovide = () => {};

  before(async () => {
    requireEngine();
    requireYamlHostAndPlugin();
    unprovide = providePluginToEngine();
    local = await startChimeLocal();
    backend = makeBackend();
    program = await programStack(EXAMPLE, local, backend.url);
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
    unprovide();
  });

  it("GIVEN a new stack WHEN previewed THEN it plans the meeting and both kiosks, and creates nothing", async () => {
    const plan = await previewPlan(program, [], (output) => {
      printed += output;
    });
    expect(plan).to.deep.equal({ meeting: "create", lobbyKiosk: "create", frontDeskKiosk: "create" });
    expect(local.meetings()).to.deep.equal([]);
  });

  it("WHEN up THEN the endpoint has the meeting and both kiosks with their capabilities, exported as a secret", async () => {
    const up = await upWithOps(program);
    printed += up.stdout + up.stderr;
    expect(up.ops).to.deep.equal({ meeting: "create", lobbyKiosk: "create", frontDeskKiosk: "create" });

    const [meeting, ...others] = local.meetings();
    expect(others).to.deep.equal([]);
    expect(meeting.externalMeetingId).to.equal("yaml-kiosks-lobby");
    const kiosks = local.attendees(meeting.meetingId);
    expect(kiosks.map((k) => k.externalUserId).sort()).to.deep.equal(["kiosk-front-desk", "kiosk-lobby"]);
    for (const kiosk of kiosks) {
      expect(kiosk.capabilities).to.deep.equal({
        Audio: "SendReceive",
        Video: "SendReceive",
        Content: "Receive",
      });
    }

    expect(up.outputs.meetingId).to.deep.equal({ value: meeting.meetingId, secret: false });
    const joinInfo = (name: string) => {
      const kiosk = kiosks.find((k) => k.externalUserId === `kiosk-${name}`);
      return { attendeeId: kiosk?.attendeeId, joinToken: kiosk?.joinToken };
    };
    expect(up.outputs.kioskJoinInfo).to.deep.equal({
      value: { lobby: joinInfo("lobby"), "front-desk": joinInfo("front-desk") },
      secret: true,
    });
  });

  it("WHEN up again THEN nothing changes (pulumi up --expect-no-changes)", async () => {
    const again = await pulumiOk(program, ["up", "--yes", "--expect-no-changes"]);
    printed += again.stdout + again.stderr;
  });

  it("THEN the stack's outputs show the join information only as [secret]", async () => {
    const shown = await pulumiOk(program, ["stack", "output", "--json"]);
    printed += shown.stdout + shown.stderr;
    const meetingId = local.meetings()[0].meetingId;
    expect(JSON.parse(shown.stdout)).to.deep.equal({ meetingId, kioskJoinInfo: "[secret]" });
  });

  it("THEN no AttendeeId or JoinToken is in plaintext in the state or in anything the CLI printed", () => {
    const secrets = endpointSecrets(local);
    expect(secrets).to.have.length(4);
    auditState(backend.dir, secrets, local.url, { dynamic: false });
    auditOutput(printed, secrets);
  });

  it("WHEN destroyed THEN the meeting is gone from the endpoint, and its kiosks with it", async () => {
    await program.stack.destroy();
    expect(local.meetings()).to.deep.equal([]);
  });
});
