#!/usr/bin/env node
// `npm run bench`: compiles, then runs each benchmark in its own process, one after the other, so that
// none measures another's leftovers. Figures go to stdout as markdown tables with date and machine.

const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
for (const bench of ["emulator.js", "provider.js"]) {
  console.log(`\n## bench/${bench}\n`);
  execFileSync(process.execPath, [join(__dirname, bench)], { cwd: root, stdio: "inherit" });
}
