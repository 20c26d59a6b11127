/**
 * The README's main command (`npm start`, i.e. scripts/main-job.js) and its companions, run as a
 * newcomer runs them, on a stack, endpoint state and backend of the test's own.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { requireEngine } from "./support/engine";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

describe("The main job (npm start, npm run destroy, npm run pulumi)", function () {
  this.timeout(240_000);
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  const mainJob = (...args: string[]) =>
    run(process.execPath, [join(ROOT, "scripts", "main-job.js"), ...args], { cwd: ROOT, env });

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

  after(async () => {
    await mainJob("pulumi", "stack", "rm", "--yes", "--force").catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("GIVEN a fresh machine's state WHEN npm start THEN it creates a meeting and 3 bots and says how to read their secrets", async () => {
    const { stdout } = await mainJob("up");
    expect(stdout).to.match(/\+ 6 created/);
    expect(stdout).to.match(/Meeting [0-9a-f-]{36} has 3 bot attendees: bot-1, bot-2, bot-3\./);
    expect(stdout).to.include("npm run pulumi -- stack output botJoinInfo --show-secrets");
    expect(stdout).not.to.match(/joinToken"?\s*:\s*"[A-Za-z0-9_-]{20,}/);
  });

  it("WHEN npm start runs again THEN it converges with no changes", async () => {
    const { stdout } = await mainJob("up");
    expect(stdout).to.match(/6 unchanged/);
  });

  it("WHEN the secrets are read as the README says THEN each bot has an AttendeeId and a JoinToken", async () => {
    const { stdout } = await mainJob("pulumi", "stack", "output", "botJoinInfo", "--show-secrets", "--json");
    const bots = JSON.parse(stdout.slice(stdout.indexOf("{")));
    expect(Object.keys(bots).sort()).to.deep.equal(["bot-1", "bot-2", "bot-3"]);
    for (const bot of Object.values(bots) as { attendeeId: string; joinToken: string }[]) {
      expect(bot.attendeeId).to.match(/^[0-9a-f-]{36}$/);
      expect(bot.joinToken.length).to.be.greaterThan(20);
    }
  });

  it("WHEN npm run destroy THEN everything is deleted", async () => {
    const { stdout } = await mainJob("destroy");
    expect(stdout).to.match(/- 6 deleted/);
  });
});
