// Is the committed mutation report current? `npm run mutate:named` leaves Stryker's incremental file,
// reports/stryker-incremental-named.json (committed), which records the source of every file the run
// mutated as it was at the run. The report is current when it was taken over today's named set
// (stryker.named.config.mjs) and every named file's content hash (sha256) is the one of the source it
// recorded: then docs/mutation-testing.md's scores describe today's code.
//
//   node scripts/mutation-report.mjs          prints each named file's hash in the report and now, and
//                                             exits 1 with what to run when the report is stale
//
// test/shared/mutation-report.test.ts runs the same check in `npm test`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { named } from "../stryker.named.config.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const REPORT = "reports/stryker-incremental-named.json";
export { named };

/** What to do when the report is stale: the same text in the test's failure and this script's output. */
export const RERUN = [
  "Run `npm run mutate:named` (incremental: it re-tests only the mutants in changed code and those whose",
  "covering tests changed; a few minutes plus ~5 min of start-up on 2 cores), then commit",
  `${REPORT} and bring docs/mutation-testing.md's scores up to date`,
  `(\`node scripts/mutation-scores.mjs ${REPORT}\` prints its tables).`,
].join("\n");

/** `provider/*\/*-check.ts` → a RegExp matching the whole path; `*` never crosses a `/` (as in Stryker). */
export function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`^${escaped}$`);
}

/** Every file under `root` that one of `globs` names, as paths relative to `root` with `/`, sorted. */
export function namedFiles(root = ROOT, globs = named) {
  const patterns = globs.map(globToRegExp);
  const tops = [...new Set(globs.map((g) => g.split("/")[0]))];
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const rel = relative(root, path).split(sep).join("/");
        if (patterns.some((p) => p.test(rel))) found.push(rel);
      }
    }
  };
  for (const top of tops) if (existsSync(join(root, top))) walk(join(root, top));
  return found.sort();
}

export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/**
 * Compares the report at `root`/`reportFile` with today's named files. `files` has one row per file
 * named now or in the report (hash in the report, hash now; undefined where absent); `problems` says
 * in words what makes the report stale (empty when it is current).
 */
export function staleness(root = ROOT, reportFile = REPORT, globs = named) {
  const problems = [];
  const path = join(root, reportFile);
  if (!existsSync(path)) {
    return { files: [], problems: [`${reportFile} is missing: no mutation run has been recorded`] };
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  const mutated = report.config?.mutate ?? [];
  if (JSON.stringify(mutated) !== JSON.stringify(globs)) {
    problems.push(
      `the report was taken over other files than stryker.named.config.mjs names (a narrowed \`--mutate\` run, or the named set changed since): ${JSON.stringify(mutated)}`,
    );
  }
  const now = new Map(namedFiles(root, globs).map((f) => [f, sha256(readFileSync(join(root, f), "utf8"))]));
  const recorded = new Map(Object.entries(report.files ?? {}).map(([f, r]) => [f, sha256(r.source)]));
  const files = [...new Set([...now.keys(), ...recorded.keys()])].sort().map((file) => ({
    file,
    reported: recorded.get(file),
    now: now.get(file),
  }));
  for (const { file, reported, now: current } of files) {
    if (current === undefined) problems.push(`${file}: in the report, but no longer a named file`);
    else if (reported === undefined) problems.push(`${file}: named, but not in the report`);
    else if (reported !== current) {
      problems.push(
        `${file}: changed since the run (sha256 ${reported.slice(0, 12)} in the report, ${current.slice(0, 12)} now)`,
      );
    }
  }
  return { files, problems };
}

/** The failure text: what is stale, and what to run. */
export function staleMessage(problems, reportFile = REPORT) {
  return [
    `The committed mutation report (${reportFile}) is older than the named code:`,
    ...problems.map((p) => `  - ${p}`),
    RERUN,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, problems } = staleness();
  for (const { file, reported, now } of files) {
    const mark = reported === now ? "current" : "STALE";
    console.log(
      `${mark.padEnd(8)} ${(reported ?? "-").slice(0, 12).padEnd(12)} ${(now ?? "-").slice(0, 12).padEnd(12)} ${file}`,
    );
  }
  if (problems.length > 0) {
    console.error(`\n${staleMessage(problems)}`);
    process.exit(1);
  }
  console.log(`\n${REPORT} is current: ${files.length} named files, each as the run saw it.`);
}
