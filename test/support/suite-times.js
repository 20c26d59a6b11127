// A root hook plugin (loaded by .mocharc.json's `require`) that times each test file in the workers of
// a parallel run: there, root `beforeAll`/`afterAll` hooks run once per file, and the reporter in the
// main process (test/support/reporter.js) gets a file's events only after it finished, too late to
// time it. Each worker writes `{ file, seconds }` into a directory named after the main process (its
// parent), which the reporter reads at the end of the run. In a serial run this does nothing.

const { mkdirSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

/** Where the workers of the mocha process `pid` leave their files' times. */
function timesDir(pid) {
  return join(tmpdir(), `chime-mocha-suite-times-${pid}`);
}

/** Set only in a parallel run's workers (mocha's BufferedWorkerPool sets it). */
const inWorker = process.env.MOCHA_WORKER_ID !== undefined;
let started = 0;
let file;
let files = 0;

const mochaHooks = inWorker
  ? {
      beforeAll() {
        started = Date.now();
        const root = this.test?.parent;
        file = root?.suites.find((suite) => suite.file)?.file ?? root?.tests.find((test) => test.file)?.file;
      },
      afterAll() {
        if (!file) return;
        const dir = timesDir(process.ppid);
        mkdirSync(dir, { recursive: true });
        const seconds = (Date.now() - started) / 1000;
        writeFileSync(join(dir, `${process.pid}-${++files}.json`), JSON.stringify({ file, seconds }));
      },
    }
  : {};

module.exports = { mochaHooks, timesDir };
