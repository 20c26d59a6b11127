// Mutation testing (`npm run mutate`): Stryker mutates provider/ and emulator/ and runs the unit suites
// (every folder `npm run test:unit` runs: no engine) against each mutant; the TypeScript checker drops mutants that
// do not compile, so the score counts only mutants a caller could write. docs/mutation-testing.md has
// the scores and the equivalent mutants.
// `npm run mutate -- --mutate 'provider/aws/pacing.ts'` narrows the run to some files. The script builds
// first: two unit suites run the compiled package (dist/), which the sandbox copies as it is.

/** The suites `npm run test:unit` runs (scripts/test.sh, UNIT). */
const UNIT_FOLDERS = ["test/provider", "test/emulator", "test/examples", "test/plugin", "test/shared"];
/** Direct, fast suites of the named code, run first (below). Mocha loads a file listed twice once. */
const FAST_FIRST = [
  "test/emulator/mutants-*.test.ts",
  "test/provider/*-check.test.ts",
  "test/provider/*-diff.test.ts",
  "test/provider/coalescing-cache.test.ts",
  "test/provider/errors.test.ts",
  "test/provider/request-pacer.test.ts",
  "test/provider/settings.test.ts",
  "test/provider/import-id.test.ts",
  "test/provider/sensitive.test.ts",
  "test/emulator/validation.test.ts",
  "test/emulator/rate-limit.test.ts",
  "test/plugin/server.test.ts",
  "test/plugin/declared-shape.test.ts",
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "mocha",
  mochaOptions: {
    config: ".mocharc.json",
    // The folders scripts/test.sh calls UNIT: a test of the plugin or of the shared input table kills
    // mutants too, and a folder left out here would score the code it tests as uncovered. The suites
    // that test the rules, the AWS layer's pieces and chime-local's validation directly come first:
    // mocha runs a mutant's covering tests in file order and stops at the first failure, and these
    // fail in milliseconds where a suite going through an endpoint takes seconds.
    spec: [...FAST_FIRST, ...UNIT_FOLDERS.map((folder) => `${folder}/**/*.test.ts`)],
    // The check that the committed report is current reads reports/, which the sandbox leaves out (below).
    ignore: ["test/shared/mutation-report.test.ts"],
  },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  mutate: [
    "provider/**/*.ts",
    "emulator/**/*.ts",
    // Start-up glue run only as a child process (test/emulator/cli.test.ts): its mutants can be reached
    // by no in-process test, so per-test coverage would count them all as "no coverage".
    "!emulator/cli.ts",
  ],
  // A static mutant (a regex, a list or a table built when a module loads) needs a fresh test process and
  // reruns every test: ~18 s each here even against mutate:named's fast tests, and a fifth of the
  // mutants are static. They are left out (reported as ignored); docs/mutation-testing.md says how the
  // tables of cases cover the named code's lists and patterns. `ignoreStatic: false` here runs them.
  ignoreStatic: true,
  // Only the tests that reach a mutant run against it; the whole unit suite takes ~35 s, this keeps a
  // mutant to a few tests.
  coverageAnalysis: "perTest",
  // The machine has 2 cores shared with other work; `npm run mutate -- --concurrency 2` on a quiet one.
  concurrency: 1,
  // Reuses the results of mutants whose code and covering tests did not change since the last run. The
  // file is to be committed once a run has made it (mutate:named's is): a full run takes hours on 2
  // cores, and with it a run after a small change re-tests only the mutants that change touches
  // (`-- --force` for a full run).
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // An interrupted run's sandbox (a copy of the project, biome.json included) would break `biome check .`.
  cleanTempDir: "always",
  // The sandbox copy needs no build output of other tools, nor state of earlier runs.
  ignorePatterns: [".pulumi-state", ".chime-local", ".cache", "reports", "bench/results", "tools/pulumi/bin"],
  // Added to a mutant's expected test time before it counts as timed out (an endless loop is detected).
  // A minute: after a timeout Stryker starts a new test runner, whose first run loads every test file
  // (ts-node, the AWS SDK) within that run's time; at load 20 on 2 cores that took over a minute, so
  // with 10 s each restart timed out again and every later mutant of that runner "timed out"
  // (2026-12-06: 43 in a row, each passing or failing in seconds when run by hand).
  timeoutMS: 60000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 75, break: null },
};
