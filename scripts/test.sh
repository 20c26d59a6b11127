#!/usr/bin/env bash
# The README's test command (`npm test`): compile, lint, then every suite: unit, against the local
# endpoint, and end to end on the real Pulumi engine (found or built by scripts/ensure-pulumi.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 22 ]; then
  echo "test: Node >= 22 is required and node is $(node --version): run \`npm run setup\` first" >&2
  exit 1
fi
npm run --silent build
tsc -p tsconfig.test.json
bash scripts/link-self.sh
# The TypeScript examples, as their users compile them (they import the compiled package by name).
# (examples/yaml-kiosks is a YAML program: nothing to compile; test/e2e/yaml-kiosks.test.ts runs it.)
for example in examples/*/; do
  if [ -f "$example/tsconfig.json" ]; then tsc -p "$example/tsconfig.json"; fi
done
# Every entry point (`pulumi-chime-sdk`, `/local`, `/plugin`) under "moduleResolution": "node".
tsc -p test/fixtures/module-resolution-node/tsconfig.json
biome check .
# A missing engine fails the run here with its own message; it is never a silently skipped suite.
PULUMI_BIN=$(bash scripts/ensure-pulumi.sh | tail -n 1)
export PATH="$PULUMI_BIN:$PATH"
mocha 'test/**/*.test.ts' "$@"
