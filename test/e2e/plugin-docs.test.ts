/**
 * Issue 20.2, 20.5 (and the commands of 20.1/20.7): every command and snippet of docs/plugin.md marked
 * `<!-- doc-test: <name> -->` runs as written, read from the doc, on the real engine against
 * chime-local, with the plugin on PATH as after `npm install -g pulumi-chime-sdk`: `get-schema`, a
 * TypeScript program with an explicit provider and a `get` (type-checked with tsc, strict, then brought
 * up), the same explicit provider in YAML, `pulumi import` and reading the imported inputs. Only the
 * placeholders of the import commands (`<meetingId>`, `<externalUserId>`) are filled in. A marker that
 * goes missing fails the suite: a snippet cannot drop out of the test silently.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreateAttendeeCommand, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { clientFor } from "../emulator/helpers";
import { PACKAGE_ROOT } from "../support/program-dir";
import { pulumiOk, runPulumi } from "./support/cli";
import { makeBackend, type ProgramStack, programStack, requireEngine } from "./support/engine";

const DOC = join(PACKAGE_ROOT, "docs", "plugin.md");
const execFileAsync = promisify(execFile);

/** The fenced block after `<!-- doc-test: name -->` in docs/plugin.md; throws naming it when missing. */
function docSnippet(name: string, doc = readFileSync(DOC, "utf8")): { lang: string; code: string } {
  const marker = `<!-- doc-test: ${name} -->`;
  const at = doc.indexOf(marker);
  const block = at < 0 ? null : /^\s*```(\w+)\n([\s\S]*?)\n```/.exec(doc.slice(at + marker.length));
  if (!block) throw new Error(`docs/plugin.md has no ${marker} followed by a fenced code block`);
  return { lang: block[1], code: `${block[2]}\n` };
}

describe("docs/plugin.md as written (issue 20.2, 20.5): its commands and snippets run", function () {
  this.timeout(300_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  const stacks: ProgramStack[] = [];
  const savedPath = process.env.PATH;
  /** A PULUMI_HOME of the suite's own: nothing is installed into ~/.pulumi. */
  const home = mkdtempSync(join(tmpdir(), "chime-docs-home-"));

  before(async () => {
    requireEngine();
    process.env.PATH = `${join(PACKAGE_ROOT, "bin")}:${savedPath}`;
    local = await startChimeLocal();
    backend = makeBackend();
  });

  after(async () => {
    for (const s of stacks) await s.remove();
    backend?.remove();
    await local?.close();
    rmSync(home, { recursive: true, force: true });
    process.env.PATH = savedPath;
  });

  /** A stack of a program whose files are `files`, its explicit providers pointed at chime-local by environment. */
  async function stackOf(files: Record<string, string>, config: Record<string, string> = {}) {
    const source = mkdtempSync(join(tmpdir(), "chime-docs-source-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(source, name), text);
    const program = await programStack(source, local, backend.url, config);
    rmSync(source, { recursive: true, force: true });
    // An explicit provider reads no stack config: the SDK's own endpoint variable points it here.
    program.stack.workspace.envVars.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS = local.url;
    stacks.push(program);
    return program;
  }

  /**
   * A doc's shell snippet, run by bash in the stack's directory with the stack's environment; never
   * synchronously: chime-local answers from this very process.
   */
  async function sh(program: ProgramStack, code: string): Promise<string> {
    const env = { ...process.env, ...program.stack.workspace.envVars, PULUMI_STACK: program.stack.name };
    const run = await execFileAsync("bash", ["-euo", "pipefail", "-c", code], {
      cwd: program.dir,
      env,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${code}\nfailed:\n${error.stdout}\n${error.stderr}`);
    });
    return run.stdout;
  }

  async function outOfBand(externalMeetingId: string, externalUserId: string) {
    const client = clientFor(local);
    const meeting = await client.send(
      new CreateMeetingCommand({ ExternalMeetingId: externalMeetingId, MediaRegion: "us-east-1" }),
    );
    const meetingId = meeting.Meeting?.MeetingId as string;
    await client.send(new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: externalUserId }));
    client.destroy();
    return meetingId;
  }

  it("get-schema: the command prints schema.json, with the plugin on PATH", () => {
    const { lang, code } = docSnippet("get-schema");
    expect(lang).to.equal("sh");
    const printed = execFileSync("bash", ["-euo", "pipefail", "-c", code], {
      env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" },
      encoding: "utf8",
    });
    expect(JSON.parse(printed)).to.deep.equal(
      JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8")),
    );
  });

  it("TypeScript: the explicit provider and `get` snippet compiles (tsc, strict) and comes up, the get reading an attendee made elsewhere", async () => {
    const { lang, code } = docSnippet("typescript");
    expect(lang).to.equal("ts");
    const lobbyMeetingId = await outOfBand("docs-lobby", "walk-in");
    const program = await stackOf(
      {
        "Pulumi.yaml": "name: docs-typescript\nruntime: nodejs\nmain: index.ts\n",
        "index.ts": code,
        "tsconfig.json": JSON.stringify({
          compilerOptions: {
            strict: true,
            module: "commonjs",
            moduleResolution: "node",
            target: "es2022",
            noEmit: true,
          },
          files: ["index.ts"],
        }),
      },
      { lobbyMeetingId },
    );
    const tsc = spawnSync(join(PACKAGE_ROOT, "node_modules", ".bin", "tsc"), ["-p", program.dir], {
      encoding: "utf8",
    });
    expect(tsc.status, `tsc: ${tsc.stdout}${tsc.stderr}`).to.equal(0);
    const up = await program.stack.up();
    const kiosk = local.attendees(
      local.meetings().find((m) => m.externalMeetingId === "eu-room")?.meetingId ?? "",
    );
    expect(up.outputs.kioskJoinToken).to.deep.equal({ value: kiosk[0]?.joinToken, secret: true });
    const walkIn = local.attendees(lobbyMeetingId).find((a) => a.externalUserId === "walk-in");
    expect(up.outputs.walkInJoinToken).to.deep.equal({ value: walkIn?.joinToken, secret: true });

    // The import commands and the read of the imported inputs, in this stack.
    const meetingId = await outOfBand("docs-front-desk", "front-desk-1");
    const commands = docSnippet("import")
      .code.replaceAll("<meetingId>/<externalUserId>", `${meetingId}/front-desk-1`)
      .replaceAll("<meetingId>", meetingId);
    await sh(program, commands);
    const inputs = JSON.parse(await sh(program, docSnippet("read-inputs").code));
    expect(inputs).to.deep.equal({
      externalMeetingId: "docs-front-desk",
      mediaRegion: "us-east-1",
      region: "us-east-1",
    });
    await pulumiOk(program, ["destroy", "--yes"]);
  });

  it("YAML: the explicit provider program comes up", async () => {
    const { lang, code } = docSnippet("yaml");
    expect(lang).to.equal("yaml");
    const program = await stackOf({ "Pulumi.yaml": code });
    const up = await runPulumi(program, ["up", "--yes"]);
    expect(up.code, up.stdout + up.stderr).to.equal(0);
    const room = local
      .meetings()
      .find((m) => m.externalMeetingId === "eu-room" && local.attendees(m.meetingId).length > 0);
    expect(room, "the YAML program's meeting, with its kiosk").to.not.equal(undefined);
    await pulumiOk(program, ["destroy", "--yes"]);
  });
});
