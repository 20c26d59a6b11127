// Prints docs/mutation-testing.md's tables from a Stryker JSON report (the report or the incremental
// file: same schema): the score per folder, and for the named code (stryker.named.config.mjs), then every survivor (with
// --survivors: file:line, mutator, replacement).
// Usage: node scripts/mutation-scores.mjs [reports/mutation/mutation.json] [--survivors]
// Score as Stryker counts it: detected (killed, timed out) / valid (detected, survived, no coverage);
// mutants that do not compile (the TypeScript checker) or are ignored are not counted.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { globToRegExp, named } from "./mutation-report.mjs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(file, "utf8"));

const namedPatterns = named.map(globToRegExp);

function empty() {
  return { killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0, ignored: 0 };
}
function add(counts, status) {
  if (status === "Killed") counts.killed++;
  else if (status === "Timeout") counts.timeout++;
  else if (status === "Survived") counts.survived++;
  else if (status === "NoCoverage") counts.noCoverage++;
  else if (status === "Ignored") counts.ignored++;
  else counts.invalid++; // CompileError, RuntimeError, Pending
}
function score(c) {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? "—" : `${((100 * detected) / valid).toFixed(1)} %`;
}
function row(name, c) {
  return `| ${name} | ${score(c)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.invalid} | ${c.ignored} |`;
}

const folders = new Map();
const namedFiles = new Map();
const total = empty();
const namedTotal = empty();
for (const [path, result] of Object.entries(report.files)) {
  const folder = dirname(path);
  if (!folders.has(folder)) folders.set(folder, empty());
  const isNamed = namedPatterns.some((p) => p.test(path));
  if (isNamed && !namedFiles.has(path)) namedFiles.set(path, empty());
  for (const mutant of result.mutants) {
    add(folders.get(folder), mutant.status);
    add(total, mutant.status);
    if (isNamed) {
      add(namedFiles.get(path), mutant.status);
      add(namedTotal, mutant.status);
    }
  }
}

const header = [
  "| | score | killed | timed out | survived | no coverage | did not compile | ignored (static) |",
  "|---|---|---|---|---|---|---|---|",
];
console.log(
  [
    "**Per folder**",
    "",
    ...header,
    ...[...folders].sort().map(([f, c]) => row(`\`${f}/\``, c)),
    row("**all**", total),
  ].join("\n"),
);
console.log();
console.log(
  [
    "**The named code**",
    "",
    ...header,
    ...[...namedFiles].sort().map(([f, c]) => row(`\`${f}\``, c)),
    row("**all named**", namedTotal),
  ].join("\n"),
);

if (args.includes("--survivors")) {
  console.log();
  console.log("**Survivors and mutants no test reaches** (file:line:column, status, mutator, replacement)");
  console.log();
  for (const [path, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const m of result.mutants) {
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
      const { line, column } = m.location.start;
      const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80);
      console.log(`- ${path}:${line}:${column} ${m.status} ${m.mutatorName}: \`${replacement}\``);
    }
  }
}
