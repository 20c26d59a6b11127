#!/usr/bin/env bash
# Sets the Go programs' module requirements (examples/go-*, test/e2e/programs/go-*, bench/programs/go-*)
# to the versions the Pulumi CLI is built with (tools/pulumi/go.mod) wherever both require a module,
# then `go mod tidy`, until nothing changes. Why: the engine build has compiled those modules' packages
# into the Go build cache; a program built from the same versions with the same flags (-trimpath: the
# tests and the bench set it, see test/e2e/support/go.ts) compiles only its own packages and links,
# instead of compiling the Pulumi Go SDK, gRPC and the rest anew (measured: 5 s of CPU instead of
# 86 s, or 183 s with a cold cache; docs/plugin.md). test/examples/go-programs.test.ts fails when they
# drift. Run it after changing tools/pulumi/go.mod, or a program's requirements.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=tools/pulumi/go.mod
versions() { go mod edit -json "$1" | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); for (const r of m.Require ?? []) console.log(r.Path, r.Version)'; }
declare -A cli
while read -r path version; do cli[$path]=$version; done < <(versions "$tools")

for dir in examples/go-* test/e2e/programs/go-* bench/programs/go-*; do
    [ -f "$dir/go.mod" ] || continue
    for round in 1 2 3 4 5 6; do
        edits=()
        while read -r path version; do
            want="${cli[$path]:-}"
            if [ -n "$want" ] && [ "$want" != "$version" ]; then edits+=("-require=$path@$want"); fi
        done < <(versions "$dir/go.mod")
        [ "${#edits[@]}" -eq 0 ] && break
        (cd "$dir" && go mod edit "${edits[@]}" && go mod tidy)
    done
    [ "${#edits[@]}" -eq 0 ] || { echo "align-go-programs: $dir did not settle" >&2; exit 1; }
    echo "align-go-programs: $dir aligned with $tools"
done
