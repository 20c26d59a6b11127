/**
 * The `chime-local` command, run as a child process. `before` compiles emulator/ with TypeScript's
 * transpileModule into a temporary directory (about a second, against several seconds of ts-node
 * start-up per spawn), so no build is needed; `npm run build` emits the same dist/emulator/cli.js.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { expect } from "chai";
import * as ts from "typescript";
import { CREDENTIALS, expectServiceError } from "./helpers";

const ROOT = resolve(__dirname, "..", "..");
let cliPath = "";
/** The transpiled files live outside the project: they find its dependencies through NODE_PATH. */
const CHILD_ENV = { ...process.env, NODE_PATH: join(ROOT, "node_modules") };

/** Transpiles every emulator/*.ts into `outDir`, keeping the layout. */
function transpileEmulator(outDir: string): void {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith(".ts")
          ? [join(dir, entry.name)]
          : [],
    );
  for (const file of walk(join(ROOT, "emulator"))) {
    const output = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
}

interface Running {
  child: ChildProcess;
  url: string;
  firstLine: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): {
  child: ChildProcess;
  stdout: Promise<string>;
  stderr: Promise<string>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [cliPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: CHILD_ENV,
  });
  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<string>((done) => {
      let text = "";
      stream.on("data", (d) => {
        text += d;
      });
      stream.on("end", () => done(text));
    });
  return {
    child,
    stdout: collect(child.stdout!),
    stderr: collect(child.stderr!),
    exit: new Promise((done) => child.on("exit", (code) => done(code))),
  };
}

async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: CHILD_ENV,
  });
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const firstLine = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => done(line));
    child.once("exit", (code) =>
      fail(new Error(`chime-local exited (${code}) before printing its URL: ${stderr}`)),
    );
  });
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine)?.[0];
  if (url === undefined) throw new Error(`no URL in ${firstLine}`);
  return { child, url, firstLine, stderr: () => stderr, exit };
}

const clientAt = (url: string) =>
  new ChimeSDKMeetingsClient({
    region: "us-east-1",
    endpoint: url,
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });

describe("emulator: chime-local command", function () {
  this.timeout(20000);
  let dir: string;
  const children: ChildProcess[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "chime-local-cli-"));
    transpileEmulator(join(dir, "build"));
    cliPath = join(dir, "build", "emulator", "cli.js");
  });

  it("starts with a #!/usr/bin/env node line, so the bin entry runs as a command", () => {
    expect(readFileSync(cliPath, "utf8").split("\n")[0]).to.equal("#!/usr/bin/env node");
  });
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("GIVEN --port 0 --state in a directory that does not exist yet WHEN stopped by SIGTERM and restarted THEN a new process sees the same meetings", async () => {
    const state = join(dir, ".chime-local", "state.json");
    const first = await startCli(["--port", "0", "--state", state]);
    children.push(first.child);
    expect(first.firstLine).to.match(/^chime-local listening on http:\/\/127\.0\.0\.1:\d+$/);
    const client = clientAt(first.url);
    const meeting = await client.send(
      new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "cli" }),
    );
    const meetingId = meeting.Meeting!.MeetingId!;
    const attendee = await client.send(
      new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "cli-user" }),
    );
    client.destroy();

    first.child.kill("SIGTERM");
    expect(await first.exit).to.equal(0);
    expect(readFileSync(state, "utf8")).to.include(meetingId);

    const second = await startCli(["--port", "0", "--state", state, "--rate-limit", "1"]);
    children.push(second.child);
    const again = clientAt(second.url);
    try {
      const got = await again.send(
        new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendee.Attendee!.AttendeeId! }),
      );
      expect(got.Attendee!.JoinToken).to.equal(attendee.Attendee!.JoinToken);
      await again.send(new GetMeetingCommand({ MeetingId: meetingId }));
      await expectServiceError(again.send(new GetMeetingCommand({ MeetingId: meetingId })), {
        name: "ThrottlingException",
        status: 429,
      });
    } finally {
      again.destroy();
    }
    second.child.kill("SIGINT");
    expect(await second.exit).to.equal(0);
  });

  it("prints usage on stdout and exits 0 for --help", async () => {
    const { stdout, exit } = run(["--help"]);
    expect(await exit).to.equal(0);
    expect(await stdout)
      .to.include("Usage: chime-local")
      .and.include("--rate-limit");
  });

  const badFlags: Array<[string[], string]> = [
    [["--bogus"], "Unknown option '--bogus'"],
    [["--port", "abc"], "invalid value for --port: abc"],
    [["--rate-limit", "0"], "invalid value for --rate-limit: 0"],
    [["--account-id", "12"], "--account-id"],
  ];
  for (const [args, message] of badFlags) {
    it(`exits 2 with usage on stderr for ${args.join(" ")}`, async () => {
      const { stderr, stdout, exit } = run(args);
      expect(await exit).to.equal(2);
      expect(await stderr)
        .to.include(message)
        .and.include("Usage: chime-local");
      expect(await stdout).to.equal("");
    });
  }

  it("exits 1 naming the file when the state file is corrupt", async () => {
    const state = join(dir, "corrupt.json");
    writeFileSync(state, "{ this is not json");
    const { stderr, stdout, exit } = run(["--port", "0", "--state", state]);
    expect(await exit).to.equal(1);
    expect(await stderr).to.include(`State file ${state} is not valid JSON`);
    expect(await stdout).to.equal("");
  });
});
