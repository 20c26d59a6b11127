/**
 * Engine benchmark (issues 10 and 15): the real Pulumi engine against `chime-local` throttling at the
 * AWS quota (10 requests/s per operation), with N = 250 attendees, a full meeting. Rows, each chosen by
 * name (arguments, or BENCH_ROWS="a,b"; none = all):
 *
 * - Pass rows (issue 15), measured side by side: what one engine pass costs over
 *   - `components`: N `ComponentResource`s (the engine and the Node SDK alone),
 *   - `mechanism`: N trivial dynamic resources in the `Attendee`'s shape (bench/programs/mechanism),
 *   - `shape`: the same with every property an `Attendee` has (ten instead of four),
 *   - `attendees`: a `Meeting` and N `Attendee`s,
 *   - `batch`: a `Meeting` and one `AttendeeBatch` of N,
 *   - `single`: one trivial dynamic resource (and its parent: the shape of a meeting and its batch),
 *   - `plugin`: a meeting and N `Attendee`s through the provider plugin (issue 14; bench/programs/
 *     plugin-attendees, `pulumi-resource-chime` from the repo's bin/), against `components`,
 *   - `python`, `yaml`: the same stack from a Python program on the generated SDK (bench/programs/
 *     python-attendees, its virtualenv made by `pulumi install`) and from a YAML program (bench/
 *     programs/yaml-attendees, N attendees appended), against `plugin` (issue 22: the languages),
 *   each as `pulumi preview` and as a no-op `pulumi up --yes --skip-preview` (and `refresh --yes`;
 *   `components` also as a no-op `up --yes`, the floor of `up` and `destroy`): BENCH_RUNS (default 3)
 *   rounds, each running every row and mode once, in turn; medians reported. `passes` names all nine.
 * - `quota`: `pulumi up` of N `Attendee` resources and of one `AttendeeBatch` of N, without and with
 *   faults (3 % 500, 3 % 503, 2 % connection resets); `refresh --yes`; `destroy`. Floors: N / rate + the
 *   component stack's no-op `up --yes` (issue 15); issue 10's floor (a no-op `up` of the same stack +
 *   N / rate) is kept beside it. Needs `components`, which it adds.
 * - `concurrent`: three stacks deployed at once against one endpoint.
 * - `sdk`: the plain AWS SDK client creating N attendees at once in `standard` and `adaptive` retry mode.
 *
 * Every run reports the program's and the dynamic provider's peak RSS. Prints markdown tables and
 * writes bench/results/engine.json (BENCH_REPORT).
 *
 * Run through `npm run bench [-- rows]` (it compiles, links the package and finds the engine), or alone:
 *   npm run build && bash scripts/link-self.sh && PATH=$(bash scripts/ensure-pulumi.sh | tail -n1):$PATH \
 *   node -r ts-node/register/transpile-only bench/engine.ts attendees mechanism
 * Environment: BENCH_ATTENDEES (N, default 250), BENCH_RUNS (pass rounds, default 3),
 * BENCH_STACK_ATTENDEES (attendees per concurrent stack, default 60), BENCH_RATE (requests/s per
 * operation, default 10), BENCH_REPORT (default bench/results/engine.json), BENCH_CPU_PROF (a directory:
 * every measured pass runs with NODE_OPTIONS=--cpu-prof, which reaches the program's and the dynamic
 * provider's node processes; one subdirectory per pass).
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { delimiter, dirname, join } from "node:path";
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
import { pulumiInstall, rewrite } from "../test/e2e/support/python";

const N = Number(process.env.BENCH_ATTENDEES ?? 250);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STACK_N = Number(process.env.BENCH_STACK_ATTENDEES ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const STACKS = 3;
const REPORT = process.env.BENCH_REPORT ?? join(__dirname, "results", "engine.json");
const CPU_PROF = process.env.BENCH_CPU_PROF;
const PROGRAM = join(PROGRAMS, "many-attendees");
const BENCH_PROGRAMS = join(__dirname, "programs");

/**
 * Peak RSS of the program and of the dynamic provider over the passes of 250 `Attendee`s before issue
 * 15's changes (this bench, `passes`, one round; 2026-12-02 17:05 UTC, main at 7569e0b, load average
 * ~20): what "grows by no more than 10 % from today" is measured against.
 */
const RSS_BASELINE_MB = { program: 365.8, provider: 168.9 };

const PASS_ROWS = [
  "components",
  "mechanism",
  "shape",
  "attendees",
  "batch",
  "single",
  "plugin",
  "python",
  "yaml",
] as const;
/** The rows of one stack (a meeting and N plugin attendees) in each language, compared with the fastest. */
const LANGUAGE_ROWS = ["plugin", "python", "yaml"] as const;
const OTHER_ROWS = ["quota", "concurrent", "sdk"] as const;
type PassRowName = (typeof PASS_ROWS)[number];
type RowName = PassRowName | (typeof OTHER_ROWS)[number];

/** The rows named by the arguments or BENCH_ROWS (`passes` = the six pass rows); none named = all. */
function selectedRows(): Set<RowName> {
  const names = (
    process.argv.length > 2 ? process.argv.slice(2) : (process.env.BENCH_ROWS ?? "").split(/[\s,]+/)
  )
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const all: readonly RowName[] = [...PASS_ROWS, ...OTHER_ROWS];
  if (names.length === 0 || names.includes("all")) return new Set(all);
  const rows = new Set<RowName>();
  for (const name of names) {
    if (name === "passes") for (const row of PASS_ROWS) rows.add(row);
    else if ((all as readonly string[]).includes(name)) rows.add(name as RowName);
    else {
      throw new Error(
        `unknown engine bench row ${JSON.stringify(name)}; rows: ${all.join(", ")}, passes, all`,
      );
    }
  }
  // The floors of `up` and `destroy` are the component stack's no-op `up --yes`.
  if (rows.has("quota")) rows.add("components");
  return rows;
}

/** One CLI run and what the endpoint saw during it. */
interface Run {
  seconds: number;
  exitCode: number | null;
  requests: number;
  throttled: number;
  faultsInjected: number;
  providerPeakRssMB: number;
  programPeakRssMB: number;
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
    providerPeakRssMB: mb(run.providerPeakRssBytes),
    programPeakRssMB: mb(run.programPeakRssBytes),
    ...(run.code === 0 ? {} : { errorTail: (run.stdout + run.stderr).slice(-1500) }),
  };
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}

function mb(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : round((sorted[middle - 1] + sorted[middle]) / 2);
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

// ---------------------------------------------------------------------------------------------------
// Pass rows (issue 15)

/** How a pass is run: `up` is a no-op update alone, `upYes` a no-op `up --yes` (preview, then update). */
type Mode = "preview" | "up" | "upYes" | "refresh";
const MODES: readonly Mode[] = ["preview", "up", "upYes", "refresh"];
const MODE_ARGS: Record<Mode, string[]> = {
  preview: ["preview"],
  up: ["up", "--yes", "--skip-preview"],
  upYes: ["up", "--yes"],
  refresh: ["refresh", "--yes"],
};
const MODE_LABEL: Record<Mode, string> = {
  preview: "`preview`",
  up: "no-op `up --yes --skip-preview`",
  upYes: "no-op `up --yes`",
  refresh: "`refresh --yes`",
};

interface PassRow {
  readonly row: PassRowName;
  readonly label: string;
  readonly program: string;
  readonly config: Record<string, string>;
  readonly modes: readonly Mode[];
  /** Readies the stack's copy of the program before it is deployed (not measured). */
  readonly prepare?: (program: ProgramStack) => Promise<void>;
}

const PASS_ROW_DEFS: readonly PassRow[] = [
  {
    row: "components",
    label: `${N} \`ComponentResource\`s`,
    program: join(BENCH_PROGRAMS, "components"),
    config: { count: String(N) },
    modes: ["preview", "up", "upYes", "refresh"],
  },
  {
    row: "mechanism",
    label: `${N} trivial dynamic resources in the \`Attendee\`'s shape`,
    program: join(BENCH_PROGRAMS, "mechanism"),
    config: { count: String(N) },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "shape",
    label: `${N} trivial dynamic resources with the \`Attendee\`'s ten properties`,
    program: join(BENCH_PROGRAMS, "mechanism"),
    config: { count: String(N), shape: "attendee" },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "attendees",
    label: `a \`Meeting\` and ${N} \`Attendee\`s`,
    program: PROGRAM,
    config: { count: String(N), prefix: "pass" },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "batch",
    label: `a \`Meeting\` and one \`AttendeeBatch\` of ${N}`,
    program: PROGRAM,
    config: { count: String(N), prefix: "passbatch", batch: "true" },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "single",
    label: "one trivial dynamic resource (and its parent)",
    program: join(BENCH_PROGRAMS, "mechanism"),
    config: { count: "1" },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "plugin",
    label: `a meeting and ${N} plugin \`Attendee\`s`,
    program: join(BENCH_PROGRAMS, "plugin-attendees"),
    config: { count: String(N) },
    modes: ["preview", "up", "refresh"],
  },
  {
    row: "python",
    label: `a meeting and ${N} plugin \`Attendee\`s, from Python (\`pulumi_chime\`)`,
    program: join(BENCH_PROGRAMS, "python-attendees"),
    config: { count: String(N) },
    modes: ["preview", "up"],
    prepare: async (program) => {
      // pip builds a project in place: it gets a copy of sdk/python, in the program's copy.
      const sdk = join(program.dir, "sdk-python");
      cpSync(join(__dirname, "..", "sdk", "python"), sdk, { recursive: true });
      rewrite(program, "requirements.txt", "PULUMI_CHIME_SDK", sdk);
      const started = Date.now();
      await pulumiInstall(program);
      console.error(
        `  python: pulumi install (virtualenv, pulumi from PyPI, the SDK) took ${round((Date.now() - started) / 1000)} s`,
      );
    },
  },
  {
    row: "yaml",
    label: `a meeting and ${N} plugin \`Attendee\`s, from YAML`,
    program: join(BENCH_PROGRAMS, "yaml-attendees"),
    config: {},
    modes: ["preview", "up"],
    prepare: async (program) => {
      const attendees = Array.from(
        { length: N },
        (_, i) =>
          `  attendee-${i + 1}:\n    type: chime:index:Attendee\n    properties:\n` +
          `      meetingId: \${room.meetingId}\n      externalUserId: bench-yaml-${i + 1}\n`,
      );
      appendFileSync(join(program.dir, "Pulumi.yaml"), attendees.join(""));
    },
  },
];

/** One measured pass. */
interface Pass {
  seconds: number;
  exitCode: number | null;
  /** The engine's summary said every resource is unchanged: the pass measured what it claims to. */
  noop: boolean;
  unchanged: number;
  programPeakRssMB: number;
  providerPeakRssMB: number;
  /** The end of the CLI's output when it failed or changed something. */
  errorTail?: string;
}

interface PassResult {
  row: PassRowName;
  label: string;
  /** The stack's checkpoint after deployment, bytes per resource the engine counts (stack included). */
  stateBytesPerResource: number;
  /** Per mode: every run in order, and their median (NaN when a run failed or changed something). */
  modes: Partial<Record<Mode, { runs: Pass[]; medianSeconds: number }>>;
  programPeakRssMB: number;
  providerPeakRssMB: number;
}

/** "Resources: … 252 unchanged" and no step that changes anything. */
function noopSummary(output: string): { noop: boolean; unchanged: number } {
  const unchanged = Number(/(\d+) unchanged/.exec(output)?.[1] ?? 0);
  const changed = /\b\d+ (to create|to update|to delete|to replace|created|updated|deleted|replaced)\b/.test(
    output,
  );
  return { noop: unchanged > 0 && !changed, unchanged };
}

async function runPass(program: ProgramStack, row: PassRowName, mode: Mode, nth: number): Promise<Pass> {
  const env: Record<string, string> = {};
  if (CPU_PROF) {
    const dir = join(CPU_PROF, `${row}-${mode}-${nth}`);
    mkdirSync(dir, { recursive: true });
    // The engine ends the provider with a signal: exit-on-signal.js makes it exit, so it writes its profile.
    env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${dir} --require ${join(__dirname, "exit-on-signal.js")}`;
  }
  const run = await runPulumi(program, MODE_ARGS[mode], { sampleProvider: true, env });
  const output = run.stdout + run.stderr;
  const pass: Pass = {
    seconds: round(run.seconds),
    exitCode: run.code,
    ...noopSummary(output),
    programPeakRssMB: mb(run.programPeakRssBytes),
    providerPeakRssMB: mb(run.providerPeakRssBytes),
  };
  if (run.code !== 0 || !pass.noop) pass.errorTail = output.slice(-1500);
  console.error(`  ${row} ${MODE_ARGS[mode].join(" ")} #${nth}: ${JSON.stringify(pass)}`);
  return pass;
}

/**
 * Deploys every selected pass row's stack on one endpoint at the quota, then runs RUNS rounds, each
 * running every row's modes once in turn, so that the load of the moment falls on every row alike.
 */
async function passes(rows: readonly PassRow[]): Promise<PassResult[]> {
  const local = await startChimeLocal({ rateLimit: RATE });
  const backend = makeBackend();
  const programs = new Map<PassRowName, ProgramStack>();
  const stateBytes = new Map<PassRowName, number>();
  try {
    for (const row of rows) {
      console.error(`deploying ${row.row}`);
      const program = await programStack(row.program, local, backend.url, row.config);
      programs.set(row.row, program);
      await row.prepare?.(program);
      const up = await runPulumi(program, MODE_ARGS.up);
      if (up.code !== 0) {
        throw new Error(`deploying ${row.row} failed:\n${(up.stdout + up.stderr).slice(-3000)}`);
      }
      stateBytes.set(row.row, stackFileBytes(backend.dir, program.stack.name));
    }
    const runs = new Map<PassRowName, Partial<Record<Mode, Pass[]>>>();
    for (let nth = 1; nth <= RUNS; nth++) {
      console.error(`pass round ${nth} of ${RUNS}`);
      for (const row of rows) {
        const byMode = runs.get(row.row) ?? {};
        runs.set(row.row, byMode);
        for (const mode of row.modes) {
          const pass = await runPass(programs.get(row.row) as ProgramStack, row.row, mode, nth);
          byMode[mode] = [...(byMode[mode] ?? []), pass];
        }
      }
    }
    return rows.map((row) => {
      const byMode = runs.get(row.row) ?? {};
      const all = Object.values(byMode).flat();
      const modes: PassResult["modes"] = {};
      for (const mode of row.modes) {
        const modeRuns = byMode[mode] ?? [];
        const ok = modeRuns.every((r) => r.exitCode === 0 && r.noop);
        modes[mode] = {
          runs: modeRuns,
          medianSeconds: ok ? median(modeRuns.map((r) => r.seconds)) : Number.NaN,
        };
      }
      const resources = Math.max(1, ...all.map((r) => r.unchanged));
      return {
        row: row.row,
        label: row.label,
        stateBytesPerResource: Math.round((stateBytes.get(row.row) ?? 0) / resources),
        modes,
        programPeakRssMB: Math.max(0, ...all.map((r) => r.programPeakRssMB)),
        providerPeakRssMB: Math.max(0, ...all.map((r) => r.providerPeakRssMB)),
      };
    });
  } finally {
    for (const program of programs.values()) await program.remove();
    backend.remove();
    await local.close();
  }
}

/** Bytes of a stack's checkpoint in a file backend, whatever its project. */
function stackFileBytes(backendDir: string, stackName: string): number {
  const stacks = join(backendDir, ".pulumi", "stacks");
  for (const project of readdirSync(stacks)) {
    const file = join(stacks, project, `${stackName}.json`);
    if (existsSync(file)) return statSync(file).size;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Quota rows (issue 10)

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
    const stateBytes = stackFileBytes(backend.dir, program.stack.name);
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

/** The median of a pass row's mode, NaN when the row or mode was not run. */
function passSeconds(results: readonly PassResult[], row: PassRowName, mode: Mode): number {
  return results.find((r) => r.row === row)?.modes[mode]?.medianSeconds ?? Number.NaN;
}

/** Issue 15's targets: passes against the mechanism, runs at the quota against quota time + the components' pass. */
function passTargets(results: readonly PassResult[], attendee: Scenario | undefined): Target[] {
  const ratio = (a: number, b: number) => round(a / b);
  const targets: Target[] = [];
  const side = (row: PassRowName, base: PassRowName, mode: Mode, limit: number, what: string) => {
    const a = passSeconds(results, row, mode);
    const b = passSeconds(results, base, mode);
    if (Number.isNaN(a) || Number.isNaN(b)) return;
    targets.push({
      what: `${what}, ${MODE_LABEL[mode]}: ${a} s / ${b} s`,
      value: `${ratio(a, b)}×`,
      target: `≤ ${limit}×`,
      met: a / b <= limit,
    });
  };
  for (const mode of ["up", "preview"] as const) {
    side("attendees", "mechanism", mode, 1.15, `${N} \`Attendee\` / ${N} trivial dynamic resources`);
  }
  for (const mode of ["up", "preview"] as const) {
    side("batch", "single", mode, 1.2, `\`AttendeeBatch\` of ${N} / one trivial dynamic resource`);
  }
  // Issue 14: the plugin against the engine's own floor, and its state per resource.
  side(
    "plugin",
    "components",
    "up",
    1.3,
    `a meeting and ${N} plugin \`Attendee\` / ${N} \`ComponentResource\``,
  );
  // Issue 22: the same stack in each language against the fastest of them.
  for (const mode of ["preview", "up"] as const) {
    const timed = LANGUAGE_ROWS.map((row) => ({ row, seconds: passSeconds(results, row, mode) })).filter(
      (r) => !Number.isNaN(r.seconds),
    );
    if (timed.length < 2) continue;
    const fastest = timed.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    for (const { row, seconds } of timed) {
      if (row === fastest.row) continue;
      targets.push({
        what: `a meeting and ${N} plugin \`Attendee\`, ${row} / the fastest language (${fastest.row}), ${MODE_LABEL[mode]}: ${seconds} s / ${fastest.seconds} s`,
        value: `${ratio(seconds, fastest.seconds)}×`,
        target: "≤ 1.3×",
        met: seconds / fastest.seconds <= 1.3,
      });
    }
  }
  const plugin = results.find((r) => r.row === "plugin");
  if (plugin) {
    targets.push({
      what: `state per resource, a meeting and ${N} plugin \`Attendee\``,
      value: `${plugin.stateBytesPerResource} bytes`,
      target: "≤ 1536 bytes",
      met: plugin.stateBytesPerResource <= 1536,
    });
  }
  const components = passSeconds(results, "components", "upYes");
  if (attendee && !Number.isNaN(components)) {
    const floor = N / RATE + components;
    for (const [run, what] of [
      [attendee.up, "`up --yes`"],
      [attendee.destroy, "`destroy --yes`"],
    ] as const) {
      targets.push({
        what: `${what} of ${N} \`Attendee\` at ${RATE}/s: ${run.seconds} s / (${N / RATE} s + ${components} s)`,
        value: `${ratio(run.seconds, floor)}×`,
        target: "≤ 1.25×",
        met: run.exitCode === 0 && run.seconds / floor <= 1.25,
      });
    }
  }
  side(
    "attendees",
    "mechanism",
    "refresh",
    1.3,
    `${N} \`Attendee\` / ${N} trivial dynamic resources that read`,
  );
  const attendees = results.find((r) => r.row === "attendees");
  if (attendees) {
    for (const process of ["program", "provider"] as const) {
      const value = process === "program" ? attendees.programPeakRssMB : attendees.providerPeakRssMB;
      const baseline = RSS_BASELINE_MB[process];
      targets.push({
        what: `${process} peak RSS, passes over ${N} \`Attendee\``,
        value: `${value} MB`,
        target: `≤ 1.10 × ${baseline} MB (before issue 15)`,
        met: value <= 1.1 * baseline,
      });
    }
  }
  return targets;
}

/** Issue 10's targets, on the quota runs (floor: a no-op `up` of the same stack + N / rate). */
function quotaTargets(
  attendee: Scenario,
  attendeeFaults: Scenario,
  batch: Scenario,
  rssMB: number,
): Target[] {
  const floor = (s: Scenario) => s.noopUp.seconds + N / RATE;
  const upOk = (s: Scenario) => s.up.exitCode === 0 && s.failed === 0;
  const ratio = (a: number, b: number) => round(a / b);
  return [
    {
      what: `issue 10: up, ${N} Attendee, no faults: wall / (no-op up + N / rate)`,
      value: `${ratio(attendee.up.seconds, floor(attendee))}×, ${attendee.failed} failed, ${attendee.up.throttled} × 429`,
      target: "≤ 1.10×, 0 failed, 0 × 429",
      met:
        ratio(attendee.up.seconds, floor(attendee)) <= 1.1 && upOk(attendee) && attendee.up.throttled === 0,
    },
    {
      what: `issue 10: up, ${N} Attendee, faults: wall / (no-op up + N / rate)`,
      value: `${ratio(attendeeFaults.up.seconds, floor(attendeeFaults))}×, ${attendeeFaults.failed} failed, ${attendeeFaults.up.throttled} × 429`,
      target: "≤ 1.25×, 0 failed, 0 × 429",
      met:
        ratio(attendeeFaults.up.seconds, floor(attendeeFaults)) <= 1.25 &&
        upOk(attendeeFaults) &&
        attendeeFaults.up.throttled === 0,
    },
    {
      what: `issue 10: up, one AttendeeBatch of ${N} / up of ${N} Attendee`,
      value: `${Math.round((100 * batch.up.seconds) / attendee.up.seconds)} %`,
      target: "≤ 10 %",
      met: batch.up.seconds <= 0.1 * attendee.up.seconds && upOk(batch),
    },
    {
      what: `issue 10: refresh --yes, ${N} Attendee`,
      value: `${attendee.refresh?.requests} calls, ${attendee.refresh?.seconds} s`,
      target: "≤ 20 calls, ≤ 5 s",
      met:
        attendee.refresh?.exitCode === 0 &&
        (attendee.refresh?.requests ?? Infinity) <= 20 &&
        (attendee.refresh?.seconds ?? Infinity) <= 5,
    },
    {
      what: `issue 10: destroy, ${N} Attendee: wall / (no-op up + N / rate)`,
      value: `${ratio(attendee.destroy.seconds, floor(attendee))}×`,
      target: "≤ 1.15×",
      met: ratio(attendee.destroy.seconds, floor(attendee)) <= 1.15 && attendee.destroy.exitCode === 0,
    },
    { what: "issue 10: provider peak RSS", value: `${rssMB} MB`, target: "≤ 200 MB", met: rssMB <= 200 },
  ];
}

function concurrentTarget(concurrent: Concurrent): Target {
  return {
    what: `issue 10: ${STACKS} stacks × ${STACK_N} at once`,
    value: `${concurrent.seconds} s, ${concurrent.failed} failed, ${concurrent.throttled} × 429`,
    target: `0 failed, ≤ 1.3 × (${(STACKS * STACK_N) / RATE} s + no-op up) = ${concurrent.limitSeconds} s`,
    met:
      concurrent.failed === 0 &&
      concurrent.failedRuns === 0 &&
      concurrent.orphans === 0 &&
      concurrent.duplicates === 0 &&
      concurrent.seconds <= concurrent.limitSeconds,
  };
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

function printPasses(results: readonly PassResult[]): void {
  const modes = MODES.filter((mode) => results.some((r) => r.modes[mode]));
  const mechanism = (mode: Mode) => passSeconds(results, "mechanism", mode);
  console.log(
    `## One engine pass, side by side (median of ${RUNS} alternating runs; seconds, and × the same pass over ${N} trivial dynamic resources)\n`,
  );
  console.log(
    `| stack | ${modes.map((m) => MODE_LABEL[m]).join(" | ")} | program peak RSS MB | provider peak RSS MB | state bytes per resource |`,
  );
  console.log(`|---|${modes.map(() => "---|").join("")}---|---|---|`);
  for (const r of results) {
    const cells = modes.map((mode) => {
      const seconds = r.modes[mode]?.medianSeconds;
      if (seconds === undefined) return "";
      const base = mechanism(mode);
      const vs = Number.isNaN(base) || r.row === "mechanism" ? "" : ` (${round(seconds / base)}×)`;
      return `${seconds}${vs}`;
    });
    console.log(
      `| ${r.label} | ${cells.join(" | ")} | ${r.programPeakRssMB} | ${r.providerPeakRssMB || "—"} | ${r.stateBytesPerResource} |`,
    );
  }
  console.log(
    `\nruns: ${results
      .map(
        (r) =>
          `${r.row}: ${Object.entries(r.modes)
            .map(([mode, m]) => `${mode} ${m?.runs.map((p) => p.seconds).join("/")}`)
            .join(", ")}`,
      )
      .join("; ")}\n`,
  );
}

function printQuota(scenarios: readonly Scenario[], components: number): void {
  const floor = (_s: Scenario) => N / RATE + components;
  const oldFloor = (s: Scenario) => s.noopUp.seconds + N / RATE;
  const label = (s: Scenario) =>
    `${s.kind === "Attendee" ? `${N} \`Attendee\`` : `\`AttendeeBatch\` of ${N}`}${s.faults ? ", faults" : ""}`;
  console.log(
    `## At the quota (${RATE} requests/s); floor = N / rate + a no-op \`up --yes\` of ${N} \`ComponentResource\`s (${components} s)\n`,
  );
  console.log(
    "| run | wall s | floor s | ratio | no-op up of the same stack s | failed | requests | 429 | faults injected | program RSS MB | provider RSS MB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  const row = (what: string, s: Scenario, r: Run, f: number | undefined) =>
    console.log(
      `| ${what}, ${label(s)} | ${r.seconds} | ${f === undefined ? "" : round(f)} | ${f === undefined ? "" : `${round(r.seconds / f)}×`} | ${s.noopUp.seconds} | ${r.exitCode === 0 ? (what === "up" ? s.failed : 0) : `exit ${r.exitCode}`} | ${r.requests} | ${r.throttled} | ${r.faultsInjected} | ${r.programPeakRssMB} | ${r.providerPeakRssMB} |`,
    );
  for (const s of scenarios) row("up", s, s.up, floor(s));
  for (const s of scenarios) if (s.refresh) row("refresh --yes", s, s.refresh, undefined);
  for (const s of scenarios) row("destroy", s, s.destroy, floor(s));
  console.log(
    `\nissue 10's floor (a no-op \`up\` of the same stack + N / rate): ${scenarios.map((s) => `${label(s)} ${round(oldFloor(s))} s`).join(", ")}.`,
  );
  const attendee = scenarios.find((s) => s.kind === "Attendee" && !s.faults);
  const batch = scenarios.find((s) => s.kind === "AttendeeBatch" && !s.faults);
  console.log(
    `state bytes per attendee: ${attendee?.stateBytesPerAttendee} (Attendee), ${batch?.stateBytesPerAttendee} (AttendeeBatch); orphans ${scenarios.map((s) => s.orphans).join("/")}, duplicates ${scenarios.map((s) => s.duplicates).join("/")}\n`,
  );
}

async function main(): Promise<void> {
  const rows = selectedRows();
  // The plugin rows' engine finds `pulumi-resource-chime` on PATH: this checkout's, not an installed one.
  if (LANGUAGE_ROWS.some((row) => rows.has(row)))
    process.env.PATH = `${join(__dirname, "..", "bin")}${delimiter}${process.env.PATH}`;
  const engine = requireEngine();
  const startedAt = new Date();
  const loadBefore = uptime();
  console.error(`engine bench rows: ${[...rows].join(", ")}`);
  const passResults = await passes(PASS_ROW_DEFS.filter((row) => rows.has(row.row)));
  const scenarios: Scenario[] = [];
  if (rows.has("quota")) {
    scenarios.push(
      await scenario("Attendee", false),
      await scenario("Attendee", true),
      await scenario("AttendeeBatch", false),
      await scenario("AttendeeBatch", true),
    );
  }
  const concurrent = rows.has("concurrent") ? await concurrentStacks() : undefined;
  const sdk = rows.has("sdk") ? [await plainSdk("standard"), await plainSdk("adaptive")] : [];
  const loadAfter = uptime();

  const [attendee, attendeeFaults, batch] = scenarios;
  const providerRssMB = Math.max(
    0,
    ...passResults.map((r) => r.providerPeakRssMB),
    ...scenarios.flatMap((s) => [s.up, s.noopUp, s.refresh, s.destroy].map((r) => r?.providerPeakRssMB ?? 0)),
  );
  const programRssMB = Math.max(
    0,
    ...passResults.map((r) => r.programPeakRssMB),
    ...scenarios.flatMap((s) => [s.up, s.noopUp, s.refresh, s.destroy].map((r) => r?.programPeakRssMB ?? 0)),
  );
  const met = [
    ...passTargets(passResults, attendee),
    ...(attendee ? quotaTargets(attendee, attendeeFaults, batch, providerRssMB) : []),
    ...(concurrent ? [concurrentTarget(concurrent)] : []),
  ];
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
    rows: [...rows],
    attendees: N,
    runs: RUNS,
    ratePerSecond: RATE,
    faults: ISSUE_FAULTS,
    passes: passResults,
    scenarios,
    concurrent,
    sdk,
    programPeakRssMB: programRssMB,
    providerPeakRssMB: providerRssMB,
    rssBaselineMB: RSS_BASELINE_MB,
    targets: met,
  };
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `# Engine: N = ${N} at ${RATE} requests/s — ${startedAt.toISOString()}, ${cpus().length} cores ${cpus()[0]?.model}, node ${process.version}, pulumi ${engine}`,
  );
  console.log(`load before: ${loadBefore}\nload after:  ${loadAfter}\n`);
  if (passResults.length > 0) printPasses(passResults);
  if (scenarios.length > 0) printQuota(scenarios, passSeconds(passResults, "components", "upYes"));
  if (concurrent) {
    console.log(
      `${STACKS} stacks × ${STACK_N} \`Attendee\`, up at once: ${concurrent.seconds} s (floor ${round(concurrent.limitSeconds / 1.3)} s: all attendees / rate + a no-op up of one), ${concurrent.failed} failed, ${concurrent.requests} requests, ${concurrent.throttled} × 429\n`,
    );
  }
  for (const r of sdk) {
    console.log(
      `plain AWS SDK client, \`${r.retryMode}\` retries, ${N} CreateAttendee at once: ${r.seconds} s (ideal ${round((N - 1) / RATE)} s), ${r.failed} failed, ${r.requests} requests, ${r.throttled} × 429`,
    );
  }
  if (met.length > 0) {
    console.log("\n| target | measured | goal | met |\n|---|---|---|---|");
    for (const t of met)
      console.log(`| ${t.what} | ${t.value} | ${t.target} | ${t.met ? "yes" : "**no**"} |`);
  }
  console.log(`\nreport: ${REPORT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
