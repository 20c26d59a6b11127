/**
 * Engine benchmark (issue 10): the real Pulumi engine against `chime-local` throttling at the AWS quota
 * (10 requests/s per operation), with N = 250 attendees, a full meeting. Measures, side by side in one
 * run: `pulumi up` of N `Attendee` resources and of one `AttendeeBatch` of N, without and with faults
 * (3 % 500, 3 % 503, 2 % connection resets), against its floor (a no-op `up` of the same stack + N / rate);
 * `pulumi refresh --yes` (API calls, wall time); `pulumi destroy` against the same floor (what the engine
 * does for a destroy, planning and recording N steps twice, is what a no-op `up` does but running the
 * program); state bytes per attendee; the provider process's peak RSS; three stacks deployed at once
 * against one endpoint; and the plain AWS SDK client creating N attendees at once in `standard` and in
 * `adaptive` retry mode. Prints a markdown table and writes bench/results/engine.json.
 *
 * Run through `npm run bench` (it compiles, links the package and finds the engine), or alone:
 *   npm run build && bash scripts/link-self.sh && PATH=$(bash scripts/ensure-pulumi.sh | tail -n1):$PATH \
 *   node -r ts-node/register/transpile-only bench/engine.ts
 * Environment: BENCH_ATTENDEES (N, default 250), BENCH_STACK_ATTENDEES (attendees per concurrent stack,
 * default 60), BENCH_RATE (requests/s per operation, default 10), BENCH_REPORT (default
 * bench/results/engine.json).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import {
  ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { type ChimeLocal, type RequestLogEntry, startChimeLocal } from "../emulator";
import { type CliRun, runPulumi } from "../test/e2e/support/cli";
import { ISSUE_FAULTS, reconcile, seededRandom } from "../test/e2e/support/endpoint-vs-state";
import {
  makeBackend,
  PROGRAMS,
  type ProgramStack,
  programStack,
  requireEngine,
} from "../test/e2e/support/engine";

const N = Number(process.env.BENCH_ATTENDEES ?? 250);
const STACK_N = Number(process.env.BENCH_STACK_ATTENDEES ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const STACKS = 3;
const REPORT = process.env.BENCH_REPORT ?? join(__dirname, "results", "engine.json");
const PROGRAM = join(PROGRAMS, "many-attendees");

/** One CLI run and what the endpoint saw during it. */
interface Run {
  seconds: number;
  exitCode: number | null;
  requests: number;
  throttled: number;
  faultsInjected: number;
  providerPeakRssMB: number;
  /** The end of the CLI's output when it failed. */
  errorTail?: string;
}

function summarize(run: CliRun, log: RequestLogEntry[]): Run {
  return {
    seconds: round(run.seconds),
    exitCode: run.code,
    requests: log.length,
    throttled: log.filter((r) => r.status === 429).length,
    faultsInjected: log.filter((r) => r.status === 500 || r.status === 503 || r.status === undefined).length,
    providerPeakRssMB: round(run.providerPeakRssBytes / 2 ** 20, 1),
    ...(run.code === 0 ? {} : { errorTail: (run.stdout + run.stderr).slice(-1500) }),
  };
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}

/** Runs one pulumi command on `program`, with the issue's faults on or off, and reports it. */
async function measure(
  local: ChimeLocal,
  program: ProgramStack,
  args: string[],
  faults = false,
): Promise<Run> {
  local.resetCounters();
  local.setFaults(faults ? ISSUE_FAULTS : undefined);
  const run = await runPulumi(program, args, { sampleProvider: true });
  local.setFaults(undefined);
  const result = summarize(run, local.requestLog());
  console.error(`  pulumi ${args.join(" ")}${faults ? " (faults)" : ""}: ${JSON.stringify(result)}`);
  return result;
}

/** Bytes of the stack's checkpoint in the file backend. */
function checkpointBytes(backendDir: string, stackName: string): number {
  const dir = join(backendDir, ".pulumi", "stacks", "e2e-many-attendees");
  const file = readdirSync(dir).find((f) => f === `${stackName}.json`);
  return file ? statSync(join(dir, file)).size : 0;
}

interface Scenario {
  kind: "Attendee" | "AttendeeBatch";
  faults: boolean;
  up: Run;
  /** Attendees the state lacks after up; 0 = every one created. */
  failed: number;
  orphans: number;
  duplicates: number;
  stateBytesPerAttendee: number;
  noopUp: Run;
  refresh?: Run;
  destroy: Run;
}

/** A stack of N attendees of `kind` on a fresh endpoint: up, no-op up, refresh, destroy. */
async function scenario(kind: Scenario["kind"], faults: boolean): Promise<Scenario> {
  console.error(`${kind} × ${N}, faults ${faults ? "on" : "off"}`);
  const local = await startChimeLocal({ rateLimit: RATE, faultRandom: seededRandom(10) });
  const backend = makeBackend();
  const program = await programStack(PROGRAM, local, backend.url, {
    count: String(N),
    batch: String(kind === "AttendeeBatch"),
  });
  try {
    const up = await measure(local, program, ["up", "--yes"], faults);
    const state = await reconcile(local, [program]);
    const stateBytes = checkpointBytes(backend.dir, program.stack.name);
    const noopUp = await measure(local, program, ["up", "--yes"]);
    const refresh = faults ? undefined : await measure(local, program, ["refresh", "--yes"]);
    const destroy = await measure(local, program, ["destroy", "--yes"], faults);
    return {
      kind,
      faults,
      up,
      failed: N - state.stateAttendees.length,
      orphans: state.orphans.length + state.orphanMeetings.length,
      duplicates: state.duplicates.length,
      stateBytesPerAttendee: Math.round(stateBytes / N),
      noopUp,
      refresh,
      destroy,
    };
  } finally {
    await program.remove();
    backend.remove();
    await local.close();
  }
}

interface Concurrent {
  stacks: number;
  attendeesEach: number;
  seconds: number;
  failedRuns: number;
  failed: number;
  orphans: number;
  duplicates: number;
  throttled: number;
  requests: number;
  noopUp: Run;
  limitSeconds: number;
}

/** Three stacks of STACK_N attendees, `pulumi up` at the same time against one endpoint. */
async function concurrentStacks(): Promise<Concurrent> {
  console.error(`${STACKS} stacks × ${STACK_N} at once`);
  const local = await startChimeLocal({ rateLimit: RATE });
  const backend = makeBackend();
  const programs: ProgramStack[] = [];
  try {
    for (let site = 1; site <= STACKS; site++) {
      programs.push(
        await programStack(PROGRAM, local, backend.url, { count: String(STACK_N), prefix: `site${site}` }),
      );
    }
    local.resetCounters();
    const started = process.hrtime.bigint();
    const runs = await Promise.all(programs.map((program) => runPulumi(program, ["up", "--yes"])));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const log = local.requestLog();
    const state = await reconcile(local, programs);
    const noopUp = await measure(local, programs[0], ["up", "--yes"]);
    const result = {
      stacks: STACKS,
      attendeesEach: STACK_N,
      seconds: round(seconds),
      failedRuns: runs.filter((r) => r.code !== 0).length,
      failed: STACKS * STACK_N - state.stateAttendees.length,
      orphans: state.orphans.length + state.orphanMeetings.length,
      duplicates: state.duplicates.length,
      throttled: log.filter((r) => r.status === 429).length,
      requests: log.length,
      noopUp,
      limitSeconds: round(1.3 * ((STACKS * STACK_N) / RATE + noopUp.seconds)),
    };
    console.error(`  ${JSON.stringify(result)}`);
    return result;
  } finally {
    for (const program of programs) await program.remove();
    backend.remove();
    await local.close();
  }
}

interface SdkRun {
  retryMode: "standard" | "adaptive";
  seconds: number;
  created: number;
  failed: number;
  requests: number;
  throttled: number;
}

/** The plain AWS SDK client creating N attendees at once, as a hand-written script would. */
async function plainSdk(retryMode: SdkRun["retryMode"]): Promise<SdkRun> {
  const local = await startChimeLocal({ rateLimit: RATE });
  const client = new ChimeSDKMeetingsClient({
    region: "us-east-1",
    endpoint: local.url,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    retryMode,
  });
  try {
    const meeting = await client.send(
      new CreateMeetingCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: `bench-${retryMode}`,
        MeetingFeatures: { Attendee: { MaxCount: 250 } },
      }),
    );
    local.resetCounters();
    const started = process.hrtime.bigint();
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, n) =>
        client.send(
          new CreateAttendeeCommand({
            MeetingId: meeting.Meeting?.MeetingId,
            ExternalUserId: `bot-${n + 1}`,
          }),
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const log = local.requestLog();
    const failed = results.filter((r) => r.status === "rejected").length;
    const result = {
      retryMode,
      seconds: round(seconds),
      created: N - failed,
      failed,
      requests: log.length,
      throttled: log.filter((r) => r.status === 429).length,
    };
    console.error(`SDK ${retryMode}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    client.destroy();
    await local.close();
  }
}

interface Target {
  what: string;
  value: string;
  target: string;
  met: boolean;
}

function targets(
  attendee: Scenario,
  attendeeFaults: Scenario,
  batch: Scenario,
  concurrent: Concurrent,
  rssMB: number,
): Target[] {
  const floor = (s: Scenario) => s.noopUp.seconds + N / RATE;
  const destroyFloor = floor;
  const upOk = (s: Scenario) => s.up.exitCode === 0 && s.failed === 0;
  const ratio = (a: number, b: number) => round(a / b);
  return [
    {
      what: `up, ${N} Attendee, no faults: wall / floor`,
      value: `${ratio(attendee.up.seconds, floor(attendee))}×, ${attendee.failed} failed, ${attendee.up.throttled} × 429`,
      target: "≤ 1.10×, 0 failed, 0 × 429",
      met:
        ratio(attendee.up.seconds, floor(attendee)) <= 1.1 && upOk(attendee) && attendee.up.throttled === 0,
    },
    {
      what: `up, ${N} Attendee, faults: wall / floor`,
      value: `${ratio(attendeeFaults.up.seconds, floor(attendeeFaults))}×, ${attendeeFaults.failed} failed, ${attendeeFaults.up.throttled} × 429`,
      target: "≤ 1.25×, 0 failed, 0 × 429",
      met:
        ratio(attendeeFaults.up.seconds, floor(attendeeFaults)) <= 1.25 &&
        upOk(attendeeFaults) &&
        attendeeFaults.up.throttled === 0,
    },
    {
      what: `up, one AttendeeBatch of ${N} / up of ${N} Attendee`,
      value: `${Math.round((100 * batch.up.seconds) / attendee.up.seconds)} %`,
      target: "≤ 10 %",
      met: batch.up.seconds <= 0.1 * attendee.up.seconds && upOk(batch),
    },
    {
      what: `refresh --yes, ${N} Attendee`,
      value: `${attendee.refresh?.requests} calls, ${attendee.refresh?.seconds} s`,
      target: "≤ 20 calls, ≤ 5 s",
      met:
        attendee.refresh?.exitCode === 0 &&
        (attendee.refresh?.requests ?? Infinity) <= 20 &&
        (attendee.refresh?.seconds ?? Infinity) <= 5,
    },
    {
      what: `destroy, ${N} Attendee: wall / floor`,
      value: `${ratio(attendee.destroy.seconds, destroyFloor(attendee))}×`,
      target: "≤ 1.15×",
      met: ratio(attendee.destroy.seconds, destroyFloor(attendee)) <= 1.15 && attendee.destroy.exitCode === 0,
    },
    { what: "provider peak RSS", value: `${rssMB} MB`, target: "≤ 200 MB", met: rssMB <= 200 },
    {
      what: `${STACKS} stacks × ${STACK_N} at once`,
      value: `${concurrent.seconds} s, ${concurrent.failed} failed, ${concurrent.throttled} × 429`,
      target: `0 failed, ≤ 1.3 × (${(STACKS * STACK_N) / RATE} s + no-op up) = ${concurrent.limitSeconds} s`,
      met:
        concurrent.failed === 0 &&
        concurrent.failedRuns === 0 &&
        concurrent.orphans === 0 &&
        concurrent.duplicates === 0 &&
        concurrent.seconds <= concurrent.limitSeconds,
    },
  ];
}

function uptime(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`;
  }
}

async function main(): Promise<void> {
  const engine = requireEngine();
  const startedAt = new Date();
  const loadBefore = uptime();
  const attendee = await scenario("Attendee", false);
  const attendeeFaults = await scenario("Attendee", true);
  const batch = await scenario("AttendeeBatch", false);
  const batchFaults = await scenario("AttendeeBatch", true);
  const concurrent = await concurrentStacks();
  const sdk = [await plainSdk("standard"), await plainSdk("adaptive")];
  const loadAfter = uptime();
  const scenarios = [attendee, attendeeFaults, batch, batchFaults];
  const rssMB = Math.max(
    ...scenarios.flatMap((s) => [s.up, s.noopUp, s.refresh, s.destroy].map((r) => r?.providerPeakRssMB ?? 0)),
  );
  const met = targets(attendee, attendeeFaults, batch, concurrent, rssMB);
  const report = {
    date: startedAt.toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      pulumi: engine,
      loadBefore,
      loadAfter,
    },
    attendees: N,
    ratePerSecond: RATE,
    faults: ISSUE_FAULTS,
    scenarios,
    concurrent,
    sdk,
    providerPeakRssMB: rssMB,
    targets: met,
  };
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);

  const floor = (s: Scenario) => s.noopUp.seconds + N / RATE;
  const destroyFloor = floor;
  const label = (s: Scenario) =>
    `${s.kind === "Attendee" ? `${N} \`Attendee\`` : `\`AttendeeBatch\` of ${N}`}${s.faults ? ", faults" : ""}`;
  console.log(
    `# Engine: ${N} attendees at ${RATE} requests/s — ${startedAt.toISOString().slice(0, 10)}, ${cpus().length} cores ${cpus()[0]?.model}, node ${process.version}, pulumi ${engine}`,
  );
  console.log(`load before: ${loadBefore}\nload after:  ${loadAfter}\n`);
  console.log(
    "| run | wall s | floor s | ratio | failed | requests | 429 | faults injected | provider RSS MB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const s of scenarios) {
    const up = s.up;
    console.log(
      `| up, ${label(s)} | ${up.seconds} | ${round(floor(s))} | ${round(up.seconds / floor(s))}× | ${s.failed} | ${up.requests} | ${up.throttled} | ${up.faultsInjected} | ${up.providerPeakRssMB} |`,
    );
  }
  for (const s of scenarios.filter((x) => x.refresh)) {
    const r = s.refresh as Run;
    console.log(
      `| refresh --yes, ${label(s)} | ${r.seconds} | | | | ${r.requests} | ${r.throttled} | 0 | ${r.providerPeakRssMB} |`,
    );
  }
  for (const s of scenarios) {
    const d = s.destroy;
    console.log(
      `| destroy, ${label(s)} | ${d.seconds} | ${round(destroyFloor(s))} | ${round(d.seconds / destroyFloor(s))}× | ${d.exitCode === 0 ? 0 : `exit ${d.exitCode}`} | ${d.requests} | ${d.throttled} | ${d.faultsInjected} | ${d.providerPeakRssMB} |`,
    );
  }
  console.log(
    `| ${STACKS} stacks × ${STACK_N} \`Attendee\`, up at once | ${concurrent.seconds} | ${round(concurrent.limitSeconds / 1.3)} | ${round(concurrent.seconds / (concurrent.limitSeconds / 1.3))}× | ${concurrent.failed} | ${concurrent.requests} | ${concurrent.throttled} | 0 | |`,
  );
  for (const r of sdk) {
    console.log(
      `| plain AWS SDK client, \`${r.retryMode}\` retries, ${N} CreateAttendee at once | ${r.seconds} | ${round((N - 1) / RATE)} | ${round(r.seconds / ((N - 1) / RATE))}× | ${r.failed} | ${r.requests} | ${r.throttled} | 0 | |`,
    );
  }
  console.log(
    `\nfloor: a no-op \`up\` of the same stack + N / rate (for destroy too); for the concurrent stacks a no-op up of one + all attendees / rate; for the SDK client (N-1) / rate. No-op up: ${scenarios.map((s) => s.noopUp.seconds).join(" / ")} s.`,
  );
  console.log(
    `state bytes per attendee: ${attendee.stateBytesPerAttendee} (Attendee), ${batch.stateBytesPerAttendee} (AttendeeBatch); orphans ${scenarios.map((s) => s.orphans).join("/")}, duplicates ${scenarios.map((s) => s.duplicates).join("/")}\n`,
  );
  console.log("| target | measured | goal | met |\n|---|---|---|---|");
  for (const t of met) console.log(`| ${t.what} | ${t.value} | ${t.target} | ${t.met ? "yes" : "**no**"} |`);
  console.log(`\nreport: ${REPORT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
