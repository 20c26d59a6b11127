#!/usr/bin/env bash
# The README's setup command (`npm run setup`): installs the dependencies (Node 22 among them, as the
# `node` package), compiles the package, links it into its own node_modules for the root program, and
# finds or builds the Pulumi engine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
export PATH="$PWD/node_modules/.bin:$PATH"
npm run build
bash scripts/link-self.sh
bash scripts/ensure-pulumi.sh >/dev/null
echo "setup: done. Next: npm start (main job) or npm test."
