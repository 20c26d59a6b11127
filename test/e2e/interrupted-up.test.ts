/**
 * Issue 10, "interrupted `up`": the whole process tree of a `pulumi up` (the CLI, the language host,
 * the program and the provider, each in a process group of its own) is killed while attendees are
 * being created, some of them in flight: made on the endpoint, never recorded in state. Recovering as
 * README.md says ("If `pulumi up` was interrupted": `pulumi cancel`, `pulumi refresh
 * --clear-pending-creates`, then `pulumi up`) must converge
 * with nothing orphaned and nothing duplicated (CreateAttendee adopts by ExternalUserId).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { type ChimeLocal, startChimeLocal } from "../../emulator";
import { type CliRun, killTree, pulumiOk, runPulumi } from "./support/cli";
import { reconcile } from "./support/endpoint-vs-state";
import { makeBackend, PROGRAMS, type ProgramStack, programStack, requireEngine } from "./support/engine";

const COUNT = 20;
/** CreateAttendee requests the endpoint has received when the tree is killed. */
const KILL_AFTER_CREATES = 8;
/** Each CreateAttendee is held this long before it runs, so that several are in flight at the kill. */
const LATENCY_MS = 400;

/** Resolves once `condition` holds, polling every 10 ms; rejects after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every empty `*.attrs` file (the file backend's blob metadata) under `dir`. */
function emptyAttrsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".attrs"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size === 0);
}

/** Deletes the empty `*.attrs` files of a file backend, as README.md says, saying so. */
function removeEmptyAttrs(backendDir: string): void {
  for (const file of emptyAttrsFiles(join(backendDir, ".pulumi"))) {
    console.log(`      (the kill left ${file} empty; deleted, as README.md says)`);
    rmSync(file);
  }
}

describe("End to end on the Pulumi engine: an interrupted `pulumi up`", function () {
  this.timeout(240_000);
  let local: ChimeLocal;
  let backend: ReturnType<typeof makeBackend>;
  let program: ProgramStack;
  let killed: Array<{ pid: number; command: string }> = [];
  let interrupted: CliRun;

  before(async () => {
    requireEngine();
    local = await startChimeLocal({ rateLimit: 10 });
    backend = makeBackend();
    program = await programStack(join(PROGRAMS, "many-attendees"), local, backend.url, {
      count: String(COUNT),
    });
  });

  after(async () => {
    await program?.remove();
    backend?.remove();
    await local?.close();
  });

  it(`GIVEN an up of a meeting and ${COUNT} attendees WHEN its whole process tree is killed after ${KILL_AFTER_CREATES} CreateAttendee requests THEN the CLI, the language host, the program and the provider are gone, and attendees exist that no state records`, async () => {
    local.setFaults({ latencyMs: LATENCY_MS, operations: ["CreateAttendee"] });
    interrupted = await runPulumi(program, ["up", "--yes", "--skip-preview"], {
      onSpawn: (cli) => {
        until(() => local.counters().CreateAttendee >= KILL_AFTER_CREATES, "CreateAttendee requests").then(
          () => {
            killed = killTree(cli.pid as number);
          },
        );
      },
    });
    expect(interrupted.code, "the CLI was killed, not finished").to.equal(null);
    const commands = killed.map((k) => k.command).join("\n");
    expect(commands, "the language host was killed").to.include("pulumi-language-nodejs");
    expect(commands, "the provider was killed").to.include("dynamic-provider");
    expect(killed.length, "the CLI, the language host, the program, the provider").to.be.at.least(4);
    const alive = () =>
      killed.filter(({ pid }) => {
        const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
        return stat !== "" && !/\) Z /.test(stat);
      });
    await until(() => alive().length === 0, "the killed processes to end", 10_000).catch(() => undefined);
    expect(alive(), "processes still running after the kill").to.deep.equal([]);
    // The creates in flight at the kill still run on the endpoint, LATENCY_MS after they arrived.
    const lastArrival = Math.max(...local.requestLog().map((r) => r.receivedAt));
    await until(() => performance.now() > lastArrival + LATENCY_MS + 200, "the creates in flight");
    local.setFaults(undefined);
    // README: a kill can leave a file backend's `.attrs` file empty, and then every command fails with
    // `failed to load checkpoint: EOF` until it is deleted: the first step of the recovery, done here so
    // that the state the kill left can be read.
    removeEmptyAttrs(backend.dir);
    const state = await reconcile(local, [program]).catch((error: Error) => {
      throw new Error(`the checkpoint the kill left cannot be read: ${error.message}`);
    });
    expect(state.orphans.length, "attendees made but not recorded").to.be.greaterThan(0);
    expect(state.pendingOperations, "creates the engine recorded as interrupted").to.be.greaterThan(0);
    expect(state.stateAttendees.length).to.be.lessThan(COUNT);
  });

  it("WHEN recovered as the README says (pulumi cancel, refresh --clear-pending-creates, up) THEN every attendee on the endpoint is in state and vice versa, once each, with one meeting", async () => {
    expect(killed.length, "the previous step killed the run").to.be.greaterThan(0);
    removeEmptyAttrs(backend.dir);
    const cancel = await runPulumi(program, ["cancel", "--yes"]);
    expect(cancel.code, `pulumi cancel: ${cancel.stdout}${cancel.stderr}`).to.equal(0);
    await pulumiOk(program, ["refresh", "--clear-pending-creates", "--yes"]);
    const up = await pulumiOk(program, ["up", "--yes"]);
    expect(up.stdout + up.stderr, "no interrupted operation is left to warn about").not.to.match(
      /pending operation/i,
    );

    const state = await reconcile(local, [program]);
    expect(state.stateMeetings).to.have.length(1);
    expect(state.stateAttendees).to.have.length(COUNT);
    expect(state.endpointAttendees).to.have.length(COUNT);
    expect({
      orphans: state.orphans,
      orphanMeetings: state.orphanMeetings,
      missing: state.missing,
      duplicates: state.duplicates,
      pendingOperations: state.pendingOperations,
    }).to.deep.equal({ orphans: [], orphanMeetings: [], missing: [], duplicates: [], pendingOperations: 0 });
    expect(local.counters().CreateMeeting, "the meeting was created once").to.equal(1);
    expect((await program.stack.preview()).changeSummary).to.deep.equal({ same: COUNT + 2 });
  });
});
