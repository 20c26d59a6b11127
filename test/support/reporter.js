// Mocha's spec reporter, plus each test file's wall time (slowest first) and a closing line
// "N passed, N failed, N skipped" that CI reads: it stays the last line.
//
// A file's time runs from its first top-level suite starting to its last one ending, hooks included
// (an end-to-end suite spends most of its time in `before`). In a serial run the reporter sees the
// events as they happen and times them itself. In a parallel run (`--parallel`) the events of a file
// reach it only once the file is done in its worker, so the workers time their files
// (test/support/suite-times.js, a root hook plugin) and leave the times in a directory named after
// this process, which is their parent.

const { mkdirSync, readdirSync, readFileSync, rmSync } = require("node:fs");
const { relative } = require("node:path");
const Mocha = require("mocha");
const { timesDir } = require("./suite-times");

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END } = Mocha.Runner.constants;

class SpecWithTotals extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const parallel = typeof runner.isParallelMode === "function" && runner.isParallelMode();
    const dir = timesDir(process.pid);
    /** file → { start, end } in ms (serial runs). */
    const spans = new Map();
    let runStart = Date.now();
    runner.once(EVENT_RUN_BEGIN, () => {
      runStart = Date.now();
      if (parallel) mkdirSync(dir, { recursive: true });
    });
    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (parallel || !suite.file || !suite.parent?.root) return;
      const span = spans.get(suite.file) ?? { start: Date.now(), end: Date.now() };
      spans.set(suite.file, span);
    });
    runner.on(EVENT_SUITE_END, (suite) => {
      if (parallel || !suite.file || !suite.parent?.root) return;
      const span = spans.get(suite.file);
      if (span) span.end = Date.now();
    });
    runner.once(EVENT_RUN_END, () => {
      const times = parallel
        ? readParallelTimes(dir)
        : [...spans].map(([file, { start, end }]) => ({ file, seconds: (end - start) / 1000 }));
      if (parallel) rmSync(dir, { recursive: true, force: true });
      printTimes(times, (Date.now() - runStart) / 1000, parallel);
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`\n${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

/** The times the workers of a parallel run wrote, one JSON file per test file. */
function readParallelTimes(dir) {
  try {
    return readdirSync(dir).map((name) => JSON.parse(readFileSync(`${dir}/${name}`, "utf8")));
  } catch {
    return [];
  }
}

function printTimes(times, wallSeconds, parallel) {
  if (times.length === 0) return;
  const sorted = [...times].sort((a, b) => b.seconds - a.seconds);
  const sum = sorted.reduce((total, t) => total + t.seconds, 0);
  const lines = sorted.map(
    (t) => `  ${t.seconds.toFixed(1).padStart(7)} s  ${relative(process.cwd(), t.file)}`,
  );
  const mode = parallel ? "parallel" : "serial";
  process.stdout.write(
    `\nTime per test file, slowest first (${mode} run: ${sorted.length} files, ${sum.toFixed(1)} s in files, ` +
      `${wallSeconds.toFixed(1)} s wall):\n${lines.join("\n")}\n`,
  );
}

module.exports = SpecWithTotals;
