/**
 * Issue 9 on the real Pulumi engine: every failure ends fast with one message that says what failed,
 * for which resource, why and what to do, and prints no sensitive value.
 */
import { spawn } from "node:child_process";
import { readdirSync, readlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { httpTimeouts, worstCaseTimeoutMs } from "../../provider/aws/client";
import { auditOutput } from "./support/audit";
import {
  CANARY_CREDENTIALS,
  makeBackend,
  PASSPHRASE,
  PROGRAMS,
  type ProgramStack,
  programStack,
  requireEngine,
} from "./support/engine";

const PROGRAM = join(PROGRAMS, "failures");
const MEETING = "3f1a9b2c-0d4e-4f5a-8b6c-7d8e9f0a1b2c";

/** What a failing Automation API command printed (its error carries stdout and stderr). */
async function failureOutput(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the command to fail");
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers. */
async function blackHole(): Promise<{
  url: string;
  connections: () => number;
  /** When each connection was accepted (Date.now() ms): one per attempt. */
  openedAt: number[];
  close(): Promise<void>;
}> {
  const sockets: Socket[] = [];
  const openedAt: number[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    openedAt.push(Date.now());
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    connections: () => sockets.length,
    openedAt,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The pids of the processes whose working directory is `dir` (the engine starts plugins there). */
function processesIn(dir: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return condition();
}

describe("End to end on the Pulumi engine: failures (issue 9)", function () {
  this.timeout(240_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  const programs: ProgramStack[] = [];
  const stackOf = async (config: Record<string, string>) => {
    const program = await programStack(PROGRAM, local, backend.url, config);
    programs.push(program);
    return program;
  };

  before(async () => {
    requireEngine();
    local = await startChimeLocal();
    backend = makeBackend();
  });

  after(async () => {
    for (const program of programs) await program.remove();
    backend?.remove();
    await local?.close();
  });

  describe("a black-holed endpoint (item 1)", () => {
    let hole: Awaited<ReturnType<typeof blackHole>>;
    before(async () => {
      hole = await blackHole();
    });
    after(async () => {
      await hole?.close();
    });

    it(`GIVEN an endpoint that accepts connections and never answers WHEN \`pulumi up\` waits on it and gets SIGTERM THEN ${httpTimeouts.timeoutAttempts} attempts ${httpTimeouts.requestMs / 1000} s apart, the run ends with one message (could not be reached, the endpoint, the timeout, what to do) within the attempts' worst case plus its own start-up time, and no plugin process is left`, async () => {
      const program = await stackOf({ scenario: "attendee", meetingId: MEETING, user: "kiosk-1" });
      await program.stack.setConfig("chime:endpoint", { value: hole.url });
      const started = Date.now();
      const cli = spawn("pulumi", ["up", "--yes", "--skip-preview", "--stack", program.stack.name], {
        cwd: program.dir,
        env: {
          ...process.env,
          PULUMI_BACKEND_URL: backend.url,
          PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
          AWS_REGION: "us-east-1",
          ...CANARY_CREDENTIALS,
        },
      });
      let printed = "";
      cli.stdout.on("data", (chunk) => (printed += chunk));
      cli.stderr.on("data", (chunk) => (printed += chunk));
      const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
      expect(await until(() => hole.connections() > 0, 60_000), "the create reached the endpoint").to.equal(
        true,
      );
      cli.kill("SIGTERM");
      const code = await exited;
      const ended = Date.now();
      expect(code).not.to.equal(0);
      expect(printed).to.include("SIGTERM received");
      expect(printed).to.include(
        `the Chime SDK Meetings endpoint ${hole.url} (stack config chime:endpoint) could not be reached: ` +
          "it accepted the connection but sent no answer within 8 s (TimeoutError, 2 attempts)",
      );
      expect(printed).to.include("Check stack config chime:endpoint");
      expect(printed).not.to.include("requestTimeout");
      expect(hole.connections()).to.equal(httpTimeouts.timeoutAttempts);
      // Before the fix the request timeout only warned: the create never ended, and neither did the run,
      // SIGTERM or not (the engine cancels gracefully: it waits for in-flight calls). The bounds come
      // from the injected timeout and from this run's own start-up (spawn to first connection: the
      // engine, the language host, the program and the provider starting on this machine, now), not
      // from a guess of how busy the machine is.
      const [first, second] = hole.openedAt;
      const startup = first - started;
      const worstCase = worstCaseTimeoutMs();
      const afterFirst = ended - first;
      const bound = worstCase + startup;
      console.log(
        `      start-up ${(startup / 1000).toFixed(1)} s; second attempt ${((second - first) / 1000).toFixed(1)} s ` +
          `after the first (timeout ${httpTimeouts.requestMs / 1000} s); run ended ${(afterFirst / 1000).toFixed(1)} s ` +
          `after the first attempt; bound ${(bound / 1000).toFixed(1)} s (worst case of the attempts ` +
          `${(worstCase / 1000).toFixed(1)} s + the start-up, allowed for the stop), margin ${((bound - afterFirst) / 1000).toFixed(1)} s`,
      );
      expect(second - first, "ms the first attempt waited before the second").to.be.at.least(
        httpTimeouts.requestMs - 50,
      );
      expect(afterFirst, "ms from the first attempt to the end of the run").to.be.at.most(bound);
      expect(
        await until(() => processesIn(program.dir).length === 0, 10_000),
        "plugins left running",
      ).to.equal(true);
    });
  });

  it("GIVEN a meeting with room for 2 WHEN the first up creates a batch of 3 THEN the engine prints the per-attendee reason: which one (by place and length), the AWS error, its message and the RequestId (item 2)", async () => {
    const program = await stackOf({ scenario: "batch-full" });
    const output = await failureOutput(() => program.stack.up());
    // Before the fix the engine printed only "some attendees of the batch could not be created or set up".
    expect(output).to.include(
      "could not be created or set up: Chime BatchCreateAttendee could not create 1 of 3",
    );
    expect(output).to.include("attendees[2].externalUserId (9 characters): ResourceLimitExceeded: Meeting");
    expect(output).to.match(/RequestId [0-9a-f-]{36}/);
    expect(output).not.to.include("bot-three");
  });

  it("GIVEN an externalUserId the program wrapped in pulumi.secret that fails validation WHEN previewed THEN the engine prints the rule and its length, never the value (item 3)", async () => {
    const value = "Secret*Kiosk*Name";
    const program = await stackOf({ scenario: "attendee", meetingId: MEETING, secretUser: "true" });
    await program.stack.setConfig("user", { value, secret: true });
    const requests = local.totalRequests();
    const output = await failureOutput(() => program.stack.preview());
    expect(output).to.include("externalUserId may contain only letters");
    expect(output).to.include("(17 characters) whose character 7 is not one of them");
    auditOutput(output, [value]);
    expect(local.totalRequests()).to.equal(requests);
  });

  it("GIVEN an Attendee and an AttendeeBatch declaring one externalUserId of a meeting created in the same up WHEN up THEN it fails naming both resources (item 6)", async () => {
    const program = await stackOf({ scenario: "duplicate" });
    // At preview the meetingId is unknown: nothing can be compared yet.
    const preview = await program.stack.preview();
    expect(preview.changeSummary).to.deep.equal({ create: 4 });
    const output = await failureOutput(() => program.stack.up());
    expect(output).to.match(
      /(AttendeeBatch \(bots\)|bots)[\s\S]*is also declared by Attendee "kiosk"|(Attendee \(kiosk\)|kiosk)[\s\S]*is also declared by AttendeeBatch "bots"/,
    );
    expect(output).to.include("Declare each attendee in one resource only");
    expect(output).not.to.include("shared-user");
  });

  it("GIVEN a media region this version does not know WHEN previewed THEN the preview succeeds with a warning naming the known ones (item 8)", async () => {
    const program = await stackOf({ scenario: "new-region", mediaRegion: "eu-south-9" });
    let printed = "";
    const preview = await program.stack.preview({ onOutput: (text) => (printed += text) });
    expect(preview.changeSummary).to.deep.equal({ create: 2 });
    expect(printed).to.include("warning");
    expect(printed).to.include('mediaRegion "eu-south-9" is not one of the Chime SDK media regions');
    expect(printed).to.include("us-east-1");
  });
});
