#!/usr/bin/env bash
# `npm run mutate:named [-- <stryker options>]`: the named mutation run (stryker.named.config.mjs),
# incremental from the committed reports/stryker-incremental-named.json. Builds first (a unit suite
# runs dist/), runs Stryker under `nice` (the machine is shared), and when the run completes records
# the named files' hashes (reports/stryker-named-sources.json), which test/shared/mutation-report.test.ts
# holds the code to. An interrupted run saves a partial incremental file and records nothing; the next
# run goes on from it. Options go to Stryker: `-- --concurrency 4`, `-- --force` (re-test everything).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
npm run build
nice -n 10 stryker run stryker.named.config.mjs "$@"
node scripts/mutation-report.mjs --record
