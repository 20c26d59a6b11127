/**
 * The README's main command (`npm start`, i.e. scripts/main-job.js) and its companions, run as a
 * newcomer runs them, on a stack, endpoint state and backend of the test's own.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { parseState } from "../../emulator/persisted-state";
import { auditOutput } from "./support/audit";
import { requireEngine } from "./support/engine";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

describe("The main job (npm start, npm run destroy, npm run pulumi)", function () {
  this.timeout(240_000);
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  /** Everything the main job printed (stdout and stderr) but what `--show-secrets` asked for. */
  const printed: string[] = [];
  const mainJob = async (...args: string[]) => {
    const result = await run(process.execPath, [join(ROOT, "scripts", "main-job.js"), ...args], {
      cwd: ROOT,
      env,
    });
    if (!args.includes("--show-secrets")) printed.push(result.stdout, result.stderr);
    return result;
  };
  /** The bots' AttendeeIds and JoinTokens, as the endpoint issued them (seen once the job stopped). */
  const secrets = new Set<string>();
  const auditPrinted = () => {
    for (const { attendees } of endpointState()) {
      for (const attendee of attendees) secrets.add(attendee.attendeeId).add(attendee.joinToken);
    }
    expect(secrets.size, "the audit knows the secret values to look for").to.be.at.least(6);
    auditOutput(printed.join("\n"), [...secrets]);
  };

  before(() => {
    requireEngine();
    scratch = mkdtempSync(join(tmpdir(), "chime-main-job-"));
    mkdirSync(join(scratch, "backend"));
    const stack = `e2e-main-${process.pid}`;
    env = {
      ...process.env,
      CHIME_MAIN_STACK: stack,
      CHIME_MAIN_STATE_DIR: join(scratch, "endpoint"),
      PULUMI_BACKEND_URL: `file://${join(scratch, "backend")}`,
    };
  });

  /** What the main job's endpoint holds, from its state file (written when the job stops). */
  const endpointState = () =>
    parseState(JSON.parse(readFileSync(join(scratch, "endpoint", "state.json"), "utf8"))).map((m) => ({
      meetingId: m.meetingId,
      attendees: [...m.attendees.values()],
    }));

  after(async () => {
    await mainJob("pulumi", "stack", "rm", "--yes", "--force").catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("GIVEN a fresh machine's state WHEN npm start THEN it creates a meeting and 3 bots and says how to read their secrets", async () => {
    const { stdout } = await mainJob("up");
    expect(stdout).to.match(/\+ 6 created/);
    expect(stdout).to.match(/Meeting [0-9a-f-]{36} has 3 bot attendees: bot-1, bot-2, bot-3\./);
    expect(stdout).to.include("npm run pulumi -- stack output botJoinInfo --show-secrets");
    const [meeting, ...others] = endpointState();
    expect(others).to.deep.equal([]);
    expect(stdout).to.include(`Meeting ${meeting?.meetingId} has 3 bot attendees`);
    expect(meeting?.attendees.map((a) => a.externalUserId).sort()).to.deep.equal(["bot-1", "bot-2", "bot-3"]);
    // No AttendeeId or JoinToken the endpoint issued is in what the job printed, in any form.
    auditPrinted();
  });

  it("WHEN npm start runs again THEN it converges with no changes", async () => {
    const { stdout } = await mainJob("up");
    expect(stdout).to.match(/6 unchanged/);
    auditPrinted();
  });

  it("WHEN the secrets are read as the README says THEN each bot has an AttendeeId and a JoinToken", async () => {
    const { stdout } = await mainJob("pulumi", "stack", "output", "botJoinInfo", "--show-secrets", "--json");
    const bots = JSON.parse(stdout.slice(stdout.indexOf("{")));
    expect(Object.keys(bots).sort()).to.deep.equal(["bot-1", "bot-2", "bot-3"]);
    const [meeting] = endpointState();
    expect(meeting?.attendees).to.have.length(3);
    for (const attendee of meeting?.attendees ?? []) {
      expect(bots[attendee.externalUserId]).to.deep.include({
        attendeeId: attendee.attendeeId,
        joinToken: attendee.joinToken,
      });
    }
  });

  it("WHEN npm run destroy THEN everything is deleted", async () => {
    const { stdout } = await mainJob("destroy");
    expect(stdout).to.match(/- 6 deleted/);
    expect(endpointState()).to.deep.equal([]);
    // The values seen before the destroy, against everything printed, the destroy included.
    auditPrinted();
  });
});
