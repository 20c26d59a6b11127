/**
 * docs/mutation-testing.md's scores are those of the committed mutation report
 * (reports/stryker-incremental-named.json), which records the source of every named file as the run saw
 * it. This suite fails when a named file's content (sha256) no longer is the one the report recorded,
 * when a file is named but not in the report (or the other way round), and when the report was taken
 * over another set of files: the score would then describe code that is not there (issue 25).
 * (Left out of Stryker's own runs, stryker.config.mjs: its sandbox holds no reports.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "chai";

// An ES module (scripts/ are plain Node): loaded once, before the tests.
let m: typeof import("../../scripts/mutation-report.mjs");
before(async () => {
  m = await import("../../scripts/mutation-report.mjs");
});

// The check that the committed report is current (`npm run mutate:check`, scripts/mutation-report.mjs)
// is not in `npm test` yet: no complete named run exists at this commit (docs/mutation-testing.md, "Not
// yet current"), so it would fail every run. It joins this suite once a complete run is committed.
describe("The mutation report's named set (issue 25)", () => {
  it("names the doors issue 25 added, among the files it checks", () => {
    const files = m.namedFiles();
    for (const door of [
      "provider/plugin/server.ts",
      "provider/dynamic/adapter.ts",
      "provider/aws/call.ts",
      "provider/shared/claims.ts",
      "provider/attendee-batch/batch-lifecycle.ts",
      "provider/validation/import-id.ts",
    ]) {
      expect(files).to.include(door);
    }
  });
});

describe("What makes a mutation report stale (a project of two files, its report written here)", () => {
  const GLOBS = ["src/*-check.ts", "lib/rules.ts"];
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** The report a run leaves with `files`' sources, and (unless told not to) the record of a complete run. */
  const report = (
    files: Record<string, string>,
    mutate: string[] = GLOBS,
    recorded: Record<string, string> | null = files,
  ) => {
    write(
      m.REPORT,
      JSON.stringify({
        config: { mutate },
        files: Object.fromEntries(Object.entries(files).map(([f, source]) => [f, { source, mutants: [] }])),
      }),
    );
    if (recorded !== null) {
      write(
        m.RECORD,
        JSON.stringify({
          files: Object.fromEntries(Object.entries(recorded).map(([f, source]) => [f, m.sha256(source)])),
        }),
      );
    }
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "mutation-report-"));
    write("src/a-check.ts", "export const a = 1;\n");
    write("lib/rules.ts", "export const r = 2;\n");
    write("src/helper.ts", "not named\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const cases: Array<[string, () => void, RegExp[]]> = [
    ["the report holds every named file as it is", () => report(ORIGINAL), []],
    [
      "a named file changed since the run",
      () => {
        report(ORIGINAL);
        write("lib/rules.ts", "export const r = 3;\n");
      },
      [/^lib\/rules\.ts: changed since the run \(sha256 [0-9a-f]{12} in the report, [0-9a-f]{12} now\)$/],
    ],
    [
      "a new file matches a named glob",
      () => {
        report(ORIGINAL);
        write("src/b-check.ts", "export const b = 1;\n");
      },
      [/^src\/b-check\.ts: named, but not in the report$/],
    ],
    [
      "a file in the report was removed (or renamed)",
      () => {
        report({ ...ORIGINAL, "src/gone-check.ts": "x" });
      },
      [/^src\/gone-check\.ts: in the report, but no longer a named file$/],
    ],
    [
      "the run was narrowed with --mutate",
      () => report({ "lib/rules.ts": ORIGINAL["lib/rules.ts"] }, ["lib/rules.ts"]),
      [/^the report was taken over other files than/, /^src\/a-check\.ts: named, but not in the report$/],
    ],
    ["there is no report", () => {}, [/^reports\/stryker-incremental-named\.json is missing/]],
    [
      "the run was interrupted (a partial report, never recorded)",
      () => report(ORIGINAL, GLOBS, null),
      [/^reports\/stryker-named-sources\.json is missing: no complete run/],
    ],
    [
      "the report was replaced after the run that recorded it",
      () => report(ORIGINAL, GLOBS, { ...ORIGINAL, "lib/rules.ts": "export const r = 1;\n" }),
      [
        /^reports\/stryker-named-sources\.json does not describe reports\/stryker-incremental-named\.json \(lib\/rules\.ts\)/,
      ],
    ],
  ];
  for (const [given, arrange, expected] of cases) {
    it(`GIVEN ${given} THEN ${expected.length === 0 ? "it is current" : "it is stale, and says why"}`, () => {
      arrange();
      const { problems } = m.staleness(root, m.REPORT, GLOBS, m.RECORD);
      expect(problems).to.have.length(expected.length, problems.join("\n"));
      expected.forEach((pattern, n) => {
        expect(problems[n]).to.match(pattern);
      });
    });
  }

  it("GIVEN a complete run's report over today's files WHEN recorded THEN it is current; a narrowed run's is not recorded", () => {
    report(ORIGINAL, GLOBS, null);
    expect(m.record(root, m.REPORT, GLOBS, m.RECORD)).to.deep.equal([]);
    expect(m.staleness(root, m.REPORT, GLOBS, m.RECORD).problems).to.deep.equal([]);
    rmSync(join(root, m.RECORD));
    report({ "lib/rules.ts": ORIGINAL["lib/rules.ts"] }, ["lib/rules.ts"], null);
    expect(m.record(root, m.REPORT, GLOBS, m.RECORD)).to.have.length(2);
  });

  it("the failure names the report, each stale file, and the exact commands that make it current", () => {
    const message = m.staleMessage(["lib/rules.ts: changed since the run"]);
    expect(message).to.include("reports/stryker-incremental-named.json");
    expect(message).to.include("  - lib/rules.ts: changed since the run");
    expect(message).to.include("npm run mutate:named");
    expect(message).to.include("node scripts/mutation-scores.mjs reports/stryker-incremental-named.json");
    expect(message).to.include("reports/stryker-named-sources.json");
  });
});

const ORIGINAL = { "src/a-check.ts": "export const a = 1;\n", "lib/rules.ts": "export const r = 2;\n" };
