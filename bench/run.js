#!/usr/bin/env node
// `npm run bench`: compiles, then runs each benchmark in its own process, one after the other, so that
// none measures another's leftovers. Figures go to stdout as markdown tables with date and machine.
// The engine benchmark (bench/engine.ts) needs the Pulumi engine: scripts/ensure-pulumi.sh finds or
// builds it, as for `npm test`; it also writes bench/results/engine.json.

const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
execFileSync("bash", ["scripts/link-self.sh"], { cwd: root, stdio: "inherit" });
for (const bench of ["emulator.js", "provider.js"]) {
  console.log(`\n## bench/${bench}\n`);
  execFileSync(process.execPath, [join(__dirname, bench)], { cwd: root, stdio: "inherit" });
}
const engineBin = execFileSync("bash", ["scripts/ensure-pulumi.sh"], { cwd: root, encoding: "utf8" })
  .trim()
  .split("\n")
  .pop();
console.log("\n## bench/engine.ts\n");
execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "engine.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PATH: `${engineBin}:${process.env.PATH}` },
});
