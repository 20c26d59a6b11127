#!/usr/bin/env bash
# `npm run gen:sdk`: generates the SDKs of the provider plugin from schema.json with Pulumi's own code
# generators, called by tools/pulumi/gen-sdk (our language hosts have no GeneratePackage, so
# `pulumi package gen-sdk` cannot do it): sdk/nodejs (`pulumi-chime-sdk/plugin`), sdk/python (the
# Python package `pulumi_chime`) and sdk/go (the Go module with package `chime`). The SDKs are
# committed: run this after every change to schema.json; test/sdk/generated-sdk.test.ts fails until
# you do.
#
#   bash scripts/gen-sdk.sh [OUT_ROOT]    (default: sdk; the drift test writes to a temp dir)
#
# Needs Go >= 1.26.6, as the engine build does; the generator is compiled with the engine build's flags
# so that the Pulumi packages come from its Go build cache (and `go run` caches the program itself).
# The Go SDK's go.sum comes from `go mod tidy` (the module cache, else the Go module proxy).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$REPO_ROOT/sdk}")"
command -v go >/dev/null 2>&1 \
    || { echo "gen-sdk: ERROR: go is not installed; it is needed to generate the SDKs (Go >= 1.26.6)" >&2; exit 1; }
cd "$REPO_ROOT/tools/pulumi/gen-sdk"
exec go run -mod=readonly -buildvcs=false -trimpath . -schema "$REPO_ROOT/schema.json" -out "$out"
