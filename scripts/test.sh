#!/usr/bin/env bash
# The README's test commands.
#
#   npm test                       compile, type-check, lint, then every suite: unit, against the local
#                                  endpoint, and end to end on the real Pulumi engine (found or built by
#                                  scripts/ensure-pulumi.sh)
#   npm test -- <spec>... [opts]   the same compile, type-check and lint, then just those spec files or
#                                  folders (mocha options such as --grep pass through)
#   npm run test:unit [-- opts]    (scripts/test.sh --unit) the inner loop: compile the package (the
#                                  shim tests load dist/), then the suites that need no engine (UNIT
#                                  below); no lint
#
# CHIME_PLUGIN (test/support/plugin-under-test.ts) selects the plugin the plugin suites run: the Node
# script (default) or the archive's executable (`CHIME_PLUGIN=archive npm test -- <files>`). `npm test`
# runs the suites first against the script, then ARCHIVE_MATRIX against the archive, which it builds
# (`npm run package:plugin`, skipped while the archive is newer than its sources).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 22 ]; then
  echo "test: Node >= 22 is required and node is $(node --version): run \`npm run setup\` first" >&2
  exit 1
fi

# The suites that need no engine, and the end-to-end ones. Mocha runs files in the order given, and in
# parallel mode hands them to its workers in that order: the longest first, so that the short ones
# fill the gaps at the end (times printed at the end of each run; README "Measured", Times).
UNIT=(test/provider test/emulator test/examples test/plugin test/shared)
# No engine either, but minutes without a warm Go build cache (it runs the SDK generator and builds
# the Go SDK, and the language hosts' Go tests): not in the inner loop.
SLOW=(test/sdk test/tools)
E2E=(
  test/e2e/plan-equals-apply.test.ts
  test/e2e/lifecycle.test.ts
  test/e2e/python-kiosks.test.ts
  test/e2e/plan-equals-apply-plugin.test.ts
  test/e2e/legacy-attendee-batch.test.ts
  test/e2e/legacy-namespace.test.ts
  test/e2e/refresh-stability.test.ts
  test/e2e/examples.test.ts
  test/e2e/failures.test.ts
  test/e2e/upgrade.test.ts
  test/e2e/plugin-import.test.ts
  test/e2e/plugin-migration.test.ts
  test/e2e/plugin-sdk.test.ts
  test/e2e/yaml-kiosks.test.ts
  test/e2e/go-kiosks.test.ts
  test/e2e/plugin-archive.test.ts
  test/e2e/main-job.test.ts
  test/e2e/interrupted-up.test.ts
  test/e2e/concurrent-stacks.test.ts
  test/e2e/attendee-batch.test.ts
  test/e2e/throttling.test.ts
)

# The plugin suites that run a second time, against the archive's single executable (issue 23): every
# gRPC call the engine makes (the gRPC suites; takeover's warnings reach a stand-in engine log), a YAML
# program, the TypeScript SDK at its exact version, config, explicit providers and import. Longest first. Left out, for CI time:
# plan-equals-apply-plugin (~4 min for previews the gRPC previews suite already holds to the letter) and
# plugin-migration (the dynamic side, then the same plugin calls); `CHIME_PLUGIN=archive npm test --
# <file>` runs them (measured against the archive: docs/performance.md).
ARCHIVE_MATRIX=(
  test/e2e/plugin-import.test.ts
  test/e2e/plugin-sdk.test.ts
  test/e2e/yaml-kiosks.test.ts
  test/plugin/chime.test.ts
  test/plugin/previews.test.ts
  test/plugin/takeover.test.ts
)

# Node's on-disk compile cache (Node >= 22.1): every preview and up starts the program and the provider
# as new node processes, which then load @pulumi/pulumi and the AWS SDK from a warm cache.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-chime-sdk/node-compile-cache}"

# `npm run build` (the package, then the generated SDK; keep in step with package.json), incrementally:
# a second build after an edit takes seconds. The build info lives in dist/, so that a removed dist/ is
# rebuilt in full.
build() {
  tsc -p tsconfig.json --incremental --tsBuildInfoFile dist/.tsbuildinfo
  tsc -p tsconfig.sdk.json --incremental --tsBuildInfoFile dist/.tsbuildinfo-sdk
}

if [ "${1:-}" = "--unit" ]; then
  shift
  build
  bash scripts/link-self.sh
  # Two files at a time here too: 38.6 s instead of 55 s for the unit files at load 9 (2026-12-02).
  exec mocha --parallel --jobs 2 "${UNIT[@]}" "$@"
fi

# Arguments that name files or folders (or globs) are the specs to run; the others are mocha options.
specs=()
options=()
for arg in "$@"; do
  if [ -e "$arg" ] || [[ "$arg" == *"*"* ]]; then specs+=("$arg"); else options+=("$arg"); fi
done

# Every compile is incremental, its build info kept where a clean checkout has none (dist/ for the
# package, node_modules/.cache for the type-checks): a second `npm test` re-checks only what changed.
cache=node_modules/.cache/pulumi-chime-sdk/tsc
mkdir -p "$cache"
check() { tsc -p "$1" --incremental --tsBuildInfoFile "$cache/$2.tsbuildinfo"; }
build
check tsconfig.test.json tests
bash scripts/link-self.sh
# The TypeScript examples, as their users compile them (they import the compiled package by name).
# (examples/yaml-kiosks is a YAML program: nothing to compile; test/e2e/yaml-kiosks.test.ts runs it.
# examples/go-kiosks is Go: test/e2e/go-kiosks.test.ts builds and runs it, and a compile error fails it.)
for example in examples/*/; do
  if [ -f "$example/tsconfig.json" ]; then check "$example/tsconfig.json" "example-$(basename "$example")"; fi
done
# Every entry point (`pulumi-chime-sdk`, `/local`, `/plugin`) under "moduleResolution": "node".
check test/fixtures/module-resolution-node/tsconfig.json module-resolution-node
biome check .

full_run=false
if [ "${#specs[@]}" -eq 0 ]; then
  full_run=true
  # Two files at a time: the suites are independent (each its own endpoint, backend, stacks and
  # directories, on ports the system picks), and much of an end-to-end suite's time is spent waiting
  # (paced requests, injected latency and timeouts), which the other file's work fills.
  options=(--parallel --jobs 2 "${options[@]}")
  specs=("${E2E[@]}" "${SLOW[@]}" "${UNIT[@]}")
  # A test file in neither list (a new suite) still runs, last.
  while IFS= read -r file; do
    if [[ " ${specs[*]} " != *" $file "* && " ${UNIT[*]} ${SLOW[*]} " != *" $(dirname "$file") "* ]]; then
      specs+=("$file")
    fi
  done < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
fi

# The engine unless every spec is a unit one. A missing engine fails the run here with its own
# message; it is never a silently skipped suite.
unit_dirs=$(IFS='|'; echo "${UNIT[*]}")
if printf '%s\n' "${specs[@]}" | grep -qvE "^(\./)?(${unit_dirs})(/|\$)"; then
  PULUMI_BIN=$(bash scripts/ensure-pulumi.sh | tail -n 1)
  export PATH="$PULUMI_BIN:$PATH"
fi
# The plugin archive, for the suites that run it (its own end-to-end suite, or CHIME_PLUGIN=archive).
if $full_run || [ "${CHIME_PLUGIN:-}" = "archive" ] || printf '%s\n' "${specs[@]}" | grep -qE 'plugin-archive|^(\./)?test(/e2e)?/?$'; then
  node scripts/package-plugin.js --if-stale
fi
if ! $full_run; then
  exec mocha "${specs[@]}" "${options[@]}"
fi
status=0
mocha "${specs[@]}" "${options[@]}" || status=$?
echo
echo "test: the plugin suites again, against the archive's executable (CHIME_PLUGIN=archive)"
CHIME_PLUGIN=archive mocha --parallel --jobs 2 "${ARCHIVE_MATRIX[@]}" || status=$?
exit "$status"
