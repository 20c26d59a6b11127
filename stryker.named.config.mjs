// `npm run mutate:named`: the code issue 16 names, whose surviving mutants are each killed by a unit test or
// listed in README "Mutation testing" as equivalent: the pure rules, the AWS layer's pacing, retry,
// coalescing and error classification, and chime-local's validation and rate limiting.
//
// Against the fast tests of that code only (pure functions, plus chime-local's validation and rate-limit
// suites): ~5 s for all of them against ~40 s for the unit suites, which matters for the mutants that
// rerun every test. A mutant these tests kill, the whole suite kills too, so the score here is a lower
// bound of `npm run mutate`'s for the same files.
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
];

export default {
  ...base,
  mutate: named,
  mochaOptions: {
    ...base.mochaOptions,
    spec: [
      "test/provider/mutants-*.test.ts",
      "test/emulator/mutants-*.test.ts",
      "test/provider/attendee-check.test.ts",
      "test/provider/attendee-diff.test.ts",
      "test/provider/meeting-check.test.ts",
      "test/provider/meeting-tags-check.test.ts",
      "test/provider/coalescing-cache.test.ts",
      "test/provider/errors.test.ts",
      "test/provider/request-pacer.test.ts",
      "test/provider/settings.test.ts",
      "test/emulator/validation.test.ts",
      "test/emulator/rate-limit.test.ts",
    ],
  },
  incrementalFile: "reports/stryker-incremental-named.json",
  htmlReporter: { fileName: "reports/mutation/named.html" },
  jsonReporter: { fileName: "reports/mutation/named.json" },
};
