#!/usr/bin/env bash
# `npm run gen:sdk`: generates the Node.js SDK of the provider plugin (`pulumi-chime-sdk/plugin`) from
# schema.json with Pulumi's own code generator, called by tools/pulumi/gen-sdk (our language host has
# no GeneratePackage, so `pulumi package gen-sdk` cannot do it). The SDK is committed: run this after
# every change to schema.json; test/sdk/generated-sdk.test.ts fails until you do.
#
#   bash scripts/gen-sdk.sh [OUT_DIR]     (default: sdk/nodejs; the drift test writes to a temp dir)
#
# Needs Go >= 1.26.6, as the engine build does; the generator is compiled with the engine build's flags
# so that the Pulumi packages come from its Go build cache (and `go run` caches the program itself).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$REPO_ROOT/sdk/nodejs}")"
command -v go >/dev/null 2>&1 \
    || { echo "gen-sdk: ERROR: go is not installed; it is needed to generate the SDK (Go >= 1.26.6)" >&2; exit 1; }
cd "$REPO_ROOT/tools/pulumi"
exec go run -mod=readonly -buildvcs=false -trimpath ./gen-sdk -schema "$REPO_ROOT/schema.json" -out "$out"
