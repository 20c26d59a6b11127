#!/usr/bin/env node
// `npm run bench [-- names]`: compiles, then runs each benchmark in its own process, one after the other,
// so that none measures another's leftovers. Figures go to stdout as markdown tables with date and machine.
// Names choose what runs: `emulator`, `provider`, `startup` (bench/emulator.js, bench/provider.js,
// bench/startup.js: the plugin's start-up, the archive's executable beside the Node script) and the engine
// benchmark's rows (`components mechanism shape attendees batch single plugin python go yaml`, alias `passes`; `quota`,
// `concurrent`, `sdk`: see bench/engine.ts); no name runs everything.
// The engine benchmark (bench/engine.ts) needs the Pulumi engine: scripts/ensure-pulumi.sh finds or
// builds it, as for `npm test`; it also writes bench/results/engine.json.

const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

const root = join(__dirname, "..");
const names = process.argv.slice(2);
const all = names.length === 0;
const OWN = ["emulator", "provider", "startup"];
const engineRows = names.filter((name) => !OWN.includes(name));
execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
execFileSync("bash", ["scripts/link-self.sh"], { cwd: root, stdio: "inherit" });
for (const bench of OWN) {
  if (!all && !names.includes(bench)) continue;
  // The start-up row measures the plugin archive of this checkout: built (or rebuilt) first.
  if (bench === "startup")
    execFileSync(process.execPath, ["scripts/package-plugin.js", "--if-stale"], {
      cwd: root,
      stdio: "inherit",
    });
  console.log(`\n## bench/${bench}.js\n`);
  execFileSync(process.execPath, [join(__dirname, `${bench}.js`)], { cwd: root, stdio: "inherit" });
}
if (!all && engineRows.length === 0) process.exit(0);
const engineBin = execFileSync("bash", ["scripts/ensure-pulumi.sh"], { cwd: root, encoding: "utf8" })
  .trim()
  .split("\n")
  .pop();
console.log("\n## bench/engine.ts\n");
execFileSync(
  process.execPath,
  ["-r", "ts-node/register/transpile-only", join(__dirname, "engine.ts"), ...engineRows],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PATH: `${engineBin}:${process.env.PATH}` },
  },
);
