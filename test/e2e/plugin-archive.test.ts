/**
 * The plugin archive (issue 23) as a user without Node.js gets it: `npm run package:plugin`'s
 * dist/plugin/pulumi-resource-chime-v<version>-linux-amd64.tar.gz installed with
 * `pulumi plugin install resource chime <version> --file` into a fresh PULUMI_HOME, then the YAML
 * kiosks example (examples/yaml-kiosks) up, a preview that must change nothing, and destroy, against
 * the local endpoint. The CLI runs with a PATH that holds `pulumi` and `pulumi-language-yaml` and
 * nothing else: no `node`, no `pulumi-resource-chime`. Also the plugin's identity as Pulumi's tools
 * show it (`plugin ls`, `about`, `package get-schema chime`), and the message a user gets when the
 * plugin is missing (docs/plugin.md, "When the plugin is missing"). The steps of the `describe` run in
 * order on one stack.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { archiveOf, installArchive } from "../support/plugin-under-test";
import { PACKAGE_ROOT } from "../support/program-dir";
import { auditOutput, auditState } from "./support/audit";
import {
  CANARY_CREDENTIALS,
  makeBackend,
  PASSPHRASE,
  requireEngine,
  SECRET_CONFIG_CANARY,
} from "./support/engine";
import { opsOf } from "./support/plan";

const run = promisify(execFile);
const EXAMPLE = join(PACKAGE_ROOT, "examples", "yaml-kiosks");
const SCHEMA = JSON.parse(readFileSync(join(PACKAGE_ROOT, "schema.json"), "utf8"));

/** Where a program the engine needs is: beside `pulumi` (its real path) or on PATH. */
function locate(program: string): string {
  const pulumi = process.env.PATH?.split(delimiter)
    .map((dir) => join(dir, "pulumi"))
    .find((file) => existsSync(file));
  const candidates = [
    ...(pulumi ? [join(dirname(realpathSync(pulumi)), program)] : []),
    ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, program)),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      `${program} is neither beside pulumi nor on PATH: run this suite through \`npm test\`, whose ` +
        "scripts/ensure-pulumi.sh provides the engine and the YAML language host",
    );
  }
  return found;
}

describe("The plugin archive, installed with pulumi plugin install into a fresh PULUMI_HOME: a YAML program with no Node.js on PATH", function () {
  this.timeout(300_000);
  const { archive, version } = archiveOf();
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let home: ReturnType<typeof installArchive>;
  /** A folder with `pulumi` and `pulumi-language-yaml` in it, the CLI's whole PATH. */
  let bin: string;
  let program: string;
  let printed = "";

  /** The CLI in the program's folder, with PATH = `bin` only; rejects with its output unless it exits 0. */
  async function pulumi(args: string[], env: Record<string, string> = {}) {
    const { stdout, stderr } = await run("pulumi", [...args, "--non-interactive"], {
      cwd: program,
      env: {
        PATH: bin,
        HOME: process.env.HOME ?? tmpdir(),
        PULUMI_HOME: home.home,
        PULUMI_BACKEND_URL: backend.url,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        AWS_REGION: "us-east-1",
        ...CANARY_CREDENTIALS,
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`pulumi ${args.join(" ")} failed: ${error.message}\n${error.stdout}\n${error.stderr}`);
    });
    printed += stdout + stderr;
    return { stdout, stderr };
  }

  before(async () => {
    requireEngine();
    if (!existsSync(archive)) {
      throw new Error(
        `${archive} is missing: run \`npm run package:plugin\` (npm test does) before this suite`,
      );
    }
    bin = mkdtempSync(join(tmpdir(), "chime-no-node-bin-"));
    for (const name of ["pulumi", "pulumi-language-yaml"]) symlinkSync(locate(name), join(bin, name));
    home = installArchive(archive, version);
    local = await startChimeLocal();
    backend = makeBackend();
    program = mkdtempSync(join(tmpdir(), "chime-archive-yaml-"));
    cpSync(EXAMPLE, program, { recursive: true });
    await pulumi(["stack", "init", "archive"]);
    await pulumi(["config", "set", "chime:endpoint", local.url]);
    await pulumi(["config", "set", "--secret", "chime:canarySecret", SECRET_CONFIG_CANARY]);
  });

  after(async () => {
    if (program) {
      await pulumi(["stack", "rm", "--yes", "--force"]).catch(() => undefined);
      rmSync(program, { recursive: true, force: true });
    }
    home?.remove();
    if (bin) rmSync(bin, { recursive: true, force: true });
    backend?.remove();
    await local?.close();
  });

  it("GIVEN the CLI's PATH THEN it holds no node and no pulumi-resource-chime", async () => {
    for (const name of ["node", "nodejs", "pulumi-resource-chime"]) {
      const found = await run("sh", ["-c", `command -v ${name}`], { env: { PATH: bin } }).then(
        ({ stdout }) => stdout.trim(),
        () => "",
      );
      expect(found, `${name} on the CLI's PATH`).to.equal("");
    }
  });

  it("WHEN installed THEN `pulumi plugin ls` lists chime at the package's version with its size", async () => {
    const listed = JSON.parse((await pulumi(["plugin", "ls", "--json"])).stdout) as Array<{
      name: string;
      kind: string;
      version: string;
      size: number;
    }>;
    expect(listed.map(({ name, kind, version }) => ({ name, kind, version }))).to.deep.equal([
      { name: "chime", kind: "resource", version },
    ]);
    // The executable embeds Node.js: over 50 MB (128 MB for Node 22 on linux-x64).
    expect(listed[0].size).to.be.greaterThan(50e6);
    const table = (await pulumi(["plugin", "ls"])).stdout;
    expect(table).to.match(
      new RegExp(`^chime\\s+resource\\s+${version.replace(/\./g, "\\.")}\\s+\\d+ MB`, "m"),
    );
  });

  it("THEN `pulumi package get-schema chime` prints schema.json", async () => {
    const { stdout } = await pulumi(["package", "get-schema", "chime"]);
    expect(JSON.parse(stdout)).to.deep.equal(SCHEMA);
  });

  it("THEN `pulumi about` in the YAML project names chime at that version (the project's sdks/chime/chime-<version>.yaml pins it)", async () => {
    const { stdout } = await pulumi(["about"]);
    expect(stdout).to.match(new RegExp(`^resource\\s+chime\\s+${version.replace(/\./g, "\\.")}\\s*$`, "m"));
  });

  it("WHEN previewed THEN it plans the meeting and both kiosks", async () => {
    const { stdout } = await pulumi(["preview", "--json"]);
    expect(opsOf(JSON.parse(stdout).steps ?? [])).to.deep.equal({
      meeting: "create",
      lobbyKiosk: "create",
      frontDeskKiosk: "create",
    });
    expect(local.meetings()).to.deep.equal([]);
  });

  it("WHEN up THEN the endpoint has the meeting and both kiosks, and the join info is exported as a secret", async () => {
    await pulumi(["up", "--yes", "--skip-preview"]);
    const [meeting, ...others] = local.meetings();
    expect(others).to.deep.equal([]);
    expect(meeting.externalMeetingId).to.equal("yaml-kiosks-lobby");
    expect(
      local
        .attendees(meeting.meetingId)
        .map((k) => k.externalUserId)
        .sort(),
    ).to.deep.equal(["kiosk-front-desk", "kiosk-lobby"]);
    const outputs = JSON.parse((await pulumi(["stack", "output", "--json"])).stdout);
    expect(outputs).to.deep.equal({ meetingId: meeting.meetingId, kioskJoinInfo: "[secret]" });
  });

  it("WHEN previewed again THEN nothing would change (pulumi preview --expect-no-changes)", async () => {
    await pulumi(["preview", "--expect-no-changes"]);
  });

  it("THEN no run warned `using pulumi-resource-chime from $PATH`, and no secret is in plaintext in the state or the output", () => {
    expect(printed).to.not.include("from $PATH");
    const secrets = local
      .meetings()
      .flatMap((m) => local.attendees(m.meetingId).flatMap((a) => [a.joinToken, a.attendeeId]));
    expect(secrets).to.have.length(4);
    auditState(backend.dir, secrets, local.url, { dynamic: false });
    auditOutput(printed, secrets);
  });

  it("WHEN destroyed THEN the meeting and its kiosks are gone from the endpoint", async () => {
    await pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(local.meetings()).to.deep.equal([]);
  });
});

describe("When the plugin is missing: the message a user gets, and what docs/plugin.md says to do instead", function () {
  this.timeout(120_000);

  it("GIVEN no chime plugin installed or on PATH WHEN a YAML program on it is previewed THEN the engine fails naming the plugin, its version and the placeholder URL it could not download from; the docs quote it and say what to do", async () => {
    requireEngine();
    const { version } = archiveOf();
    const home = mkdtempSync(join(tmpdir(), "chime-pulumi-home-empty-"));
    const backend = makeBackend();
    const program = mkdtempSync(join(tmpdir(), "chime-missing-plugin-"));
    cpSync(EXAMPLE, program, { recursive: true });
    const env = {
      PATH: dirname(locate("pulumi")),
      HOME: process.env.HOME ?? tmpdir(),
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: backend.url,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      // Automatic plugin acquisition is on, as for any user; its download goes through a proxy that
      // refuses at once, so the test stays offline (the placeholder's host never resolves anyway).
      HTTPS_PROXY: "http://127.0.0.1:9",
      HTTP_PROXY: "http://127.0.0.1:9",
      NO_PROXY: "",
    };
    try {
      await run("pulumi", ["stack", "init", "missing", "--non-interactive"], { cwd: program, env });
      const failed = await run("pulumi", ["preview", "--non-interactive", "--color=never"], {
        cwd: program,
        env,
      }).then(
        () => undefined,
        (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
      );
      expect(failed, "preview must fail without the plugin").to.be.a("string");
      const url = SCHEMA.pluginDownloadURL as string;
      const message =
        `Could not automatically download and install resource plugin 'pulumi-resource-chime' at version ` +
        `v${version}, install the plugin using \`pulumi plugin install resource chime v${version} --server ${url}\``;
      expect(failed).to.include(message);
      // The troubleshooting section quotes the engine's message and says what to do instead.
      const docs = readFileSync(join(PACKAGE_ROOT, "docs", "plugin.md"), "utf8");
      const heading = /^#+ When the plugin is missing$/m.exec(docs);
      expect(heading, "docs/plugin.md has a section 'When the plugin is missing'").to.not.equal(null);
      const section = docs.slice(heading?.index ?? 0);
      expect(section).to.include(
        "Could not automatically download and install resource plugin 'pulumi-resource-chime'",
      );
      expect(section).to.include(`pulumi plugin install resource chime ${version} --file`);
    } finally {
      rmSync(program, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
      backend.remove();
    }
  });
});
