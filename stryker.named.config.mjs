// `npm run mutate:named`: the code whose surviving mutants are each killed by a unit test or listed in
// docs/mutation-testing.md as equivalent. Issue 16 named the pure rules, the AWS layer's pacing, retry,
// coalescing and error classification, and chime-local's validation and rate limiting; issue 25 added
// the doors where a mistake leaks a secret or corrupts state: the plugin, the dynamic adapter, the AWS
// call layer, the claims and the lifecycles.
//
// Against every unit folder (the base config's spec), with per-test coverage: a mutant runs only the
// tests that reached it. The run is incremental: `reports/stryker-incremental-named.json` (committed)
// keeps each mutant's result, and a later run re-tests only the mutants whose code or covering tests
// changed. `npm run mutate:named` (scripts/mutate-named.sh) records, after a run that completed, the
// hash of every named file in `reports/stryker-named-sources.json` (committed); the unit test
// test/shared/mutation-report.test.ts fails when a named file no longer matches it.
import base from "./stryker.config.mjs";

export const named = [
  "provider/validation/*.ts",
  "provider/*/*-check.ts",
  "provider/*/*-diff.ts",
  "provider/*/*-state.ts",
  // Moved out of *-check.ts and *-state.ts by the core (issue 17): sameValue, tagChanges.
  "provider/shared/values.ts",
  "provider/shared/tags.ts",
  "provider/aws/pacing.ts",
  "provider/aws/request-pacer.ts",
  "provider/aws/retry-strategy.ts",
  "provider/aws/coalescing-cache.ts",
  "provider/aws/errors.ts",
  "emulator/validation.ts",
  "emulator/legacy/validation.ts",
  "emulator/rate-limiter.ts",
  // Issue 25, the doors. The plugin: the gRPC server, its secret wrapping, the chime plugin over the core.
  "provider/plugin/server.ts",
  "provider/plugin/secrets.ts",
  "provider/plugin/chime.ts",
  // The dynamic front-end: the adapter from Pulumi's provider interface to the core, the declared
  // shapes, and the shim serialized into state.
  "provider/dynamic/adapter.ts",
  "provider/dynamic/declaration.ts",
  "provider/dynamic/shim.ts",
  // The AWS call layer: clients, one paced and classified call, both namespaces' APIs.
  "provider/aws/client.ts",
  "provider/aws/call.ts",
  "provider/aws/chime-api.ts",
  "provider/aws/legacy-api.ts",
  // What a resource claims in AWS (what a failed create leaves, what delete may remove).
  "provider/shared/claims.ts",
  // The lifecycles: one per resource, the namespaces that pick them, the meeting with its tags.
  "provider/*/*-lifecycle.ts",
  "provider/namespaces/*.ts",
  "provider/tagged-meeting.ts",
];

export default {
  ...base,
  mutate: named,
  // No TypeScript checker here: it was the bottleneck, 5× the time of the tests themselves (the same 61
  // mutants of aws/call.ts and shared/claims.ts: 3 min with it, 40 s without, load 17, 2026-12-06).
  // A mutant TypeScript would reject then runs as ts-node (transpile-only) runs it, and counts as
  // killed when a test fails; a survivor of that kind is listed as "does not compile" in
  // docs/mutation-testing.md, not as equivalent. `--checkers typescript` brings the checker back.
  checkers: [],
  // Two test runners (the machine's 2 cores, shared: the npm script runs Stryker under `nice`).
  concurrency: 2,
  incrementalFile: "reports/stryker-incremental-named.json",
  htmlReporter: { fileName: "reports/mutation/named.html" },
  jsonReporter: { fileName: "reports/mutation/named.json" },
};
