// Is the committed mutation report current? `npm run mutate:named` leaves Stryker's incremental file,
// reports/stryker-incremental-named.json (committed), which holds the source of every file the run
// mutated as it was at the run, and then, only when the run completed, records the content hash
// (sha256) of each in reports/stryker-named-sources.json (committed): an interrupted run saves a partial
// incremental file, never this record. The report is current when the record and the report agree,
// were taken over today's named set (stryker.named.config.mjs), and every named file's hash is the
// one recorded: then docs/mutation-testing.md's scores describe today's code.
//
//   node scripts/mutation-report.mjs          prints each named file's hash in the report and now, and
//                                             exits 1 with what to run when the report is stale
//   node scripts/mutation-report.mjs --record records the hashes of a complete run's report (the last
//                                             step of `npm run mutate:named`)
//
// test/shared/mutation-report.test.ts runs the same check in `npm test`.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { named } from "../stryker.named.config.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const REPORT = "reports/stryker-incremental-named.json";
export const RECORD = "reports/stryker-named-sources.json";
export { named };

/** What to do when the report is stale: the same text in the test's failure and this script's output. */
export const RERUN = [
  "Run `npm run mutate:named` (incremental: it re-tests only the mutants in changed code and those whose",
  "covering tests changed; a few minutes plus ~5 min of start-up on 2 cores), then commit",
  `${REPORT} and ${RECORD} and bring docs/mutation-testing.md's scores up to date`,
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
export function staleness(root = ROOT, reportFile = REPORT, globs = named, recordFile = RECORD) {
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
  const recordPath = join(root, recordFile);
  const record = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, "utf8")) : undefined;
  if (record === undefined) {
    problems.push(
      `${recordFile} is missing: no complete run recorded the report (an interrupted run saves a partial one)`,
    );
  }
  const now = new Map(namedFiles(root, globs).map((f) => [f, sha256(readFileSync(join(root, f), "utf8"))]));
  const reported = new Map(Object.entries(report.files ?? {}).map(([f, r]) => [f, sha256(r.source)]));
  const recorded = new Map(Object.entries(record?.files ?? {}));
  if (record !== undefined) {
    const differ = [...new Set([...reported.keys(), ...recorded.keys()])].filter(
      (f) => reported.get(f) !== recorded.get(f),
    );
    if (differ.length > 0) {
      problems.push(
        `${recordFile} does not describe ${reportFile} (${differ.join(", ")}): the report was replaced after the run that recorded it, or that run did not complete`,
      );
    }
  }
  const files = [...new Set([...now.keys(), ...reported.keys()])].sort().map((file) => ({
    file,
    reported: reported.get(file),
    now: now.get(file),
  }));
  for (const { file, reported: inReport, now: current } of files) {
    if (current === undefined) problems.push(`${file}: in the report, but no longer a named file`);
    else if (inReport === undefined) problems.push(`${file}: named, but not in the report`);
    else if (inReport !== current) {
      problems.push(
        `${file}: changed since the run (sha256 ${inReport.slice(0, 12)} in the report, ${current.slice(0, 12)} now)`,
      );
    }
  }
  return { files, problems };
}

/**
 * Records the hashes of the sources in `reportFile` (a run that completed) in `recordFile`, after
 * checking that the run covered today's named set. Returns the problems that kept it from recording.
 */
export function record(root = ROOT, reportFile = REPORT, globs = named, recordFile = RECORD) {
  const report = JSON.parse(readFileSync(join(root, reportFile), "utf8"));
  const { problems } = staleness(root, reportFile, globs, recordFile);
  const blocking = problems.filter((p) => !p.startsWith(recordFile));
  if (blocking.length > 0) return blocking;
  const files = Object.fromEntries(
    Object.entries(report.files)
      .map(([f, r]) => [f, sha256(r.source)])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(
    join(root, recordFile),
    `${JSON.stringify({ report: reportFile, mutate: globs, files }, null, 2)}\n`,
  );
  return [];
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
  if (process.argv.includes("--record")) {
    const problems = record();
    if (problems.length > 0) {
      console.error(`Not recorded:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      process.exit(1);
    }
    console.log(`${RECORD}: the hashes of the ${named.length} named globs' files as ${REPORT} holds them.`);
    process.exit(0);
  }
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
