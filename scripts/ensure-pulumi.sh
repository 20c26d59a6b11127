#!/usr/bin/env bash
# Make a working Pulumi CLI (with the Node.js, YAML and Go language hosts and the dynamic-provider plugin)
# available without downloads other than the Go module proxy, and print the directory to put on PATH
# as the last line of stdout. Progress goes to stderr.
#
#   PULUMI_BIN=$(bash scripts/ensure-pulumi.sh | tail -1); export PATH="$PULUMI_BIN:$PATH"
#
# Order: a working `pulumi` already on PATH; else the cached build in
# $PULUMI_HOME/versions/<version>/bin (default ~/.pulumi); else build it with Go from tools/pulumi
# (pinned go.mod/go.sum) into that directory. The YAML language host (pulumi-language-yaml, its own Go
# module in tools/pulumi/language-yaml) is added beside the CLI when it is missing: into the cached
# build's directory, or, for a pulumi on PATH without it, into a directory of its own that links the
# CLI found on PATH. The Go language host (pulumi-language-go, our own: tools/pulumi/language-go, a
# package of the CLI's module) is added the same way, with a stamp of its own. See tools/pulumi/README.md.
#
# Environment:
#   PULUMI_ENSURE_VERSION  version to build (default below; must match tools/pulumi/go.mod)
#   PULUMI_ENSURE_REBUILD  set to 1 to ignore pulumi on PATH and the cache, and rebuild
set -euo pipefail

VERSION="${PULUMI_ENSURE_VERSION:-3.274.1}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/tools/pulumi"
YAML_MODULE_DIR="$TOOLS_DIR/language-yaml"
PULUMI_HOME_DIR="${PULUMI_HOME:-$HOME/.pulumi}"
BIN_DIR="$PULUMI_HOME_DIR/versions/$VERSION/bin"
LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$VERSION"

log() { echo "ensure-pulumi: $*" >&2; }
die() { echo "ensure-pulumi: ERROR: $*" >&2; exit 1; }

# What the build is made from: a cached build made from other sources (an older language host, say)
# is rebuilt, which takes seconds once the Go build cache is warm.
source_stamp() {
    (cd "$TOOLS_DIR" && cat go.mod go.sum language-nodejs/*.go pulumi-resource-pulumi-nodejs) | sha256sum | cut -d' ' -f1
}

# The YAML language host is stamped apart from the CLI: adding it to a cached build (or changing its
# module) must not make the CLI's directory look stale, which would rebuild and replace the CLI under
# whoever is using it.
YAML_STAMP_FILE=.language-yaml-source-stamp
yaml_source_stamp() {
    (cd "$YAML_MODULE_DIR" && cat go.mod go.sum) | sha256sum | cut -d' ' -f1
}
yaml_version() {
    (cd "$YAML_MODULE_DIR" && go list -mod=readonly -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml)
}
yaml_usable_in() {
    [ -x "$1/pulumi-language-yaml" ] && [ "$(cat "$1/$YAML_STAMP_FILE" 2>/dev/null)" = "$(yaml_source_stamp)" ]
}

# Builds pulumi-language-yaml into directory $1 and stamps it. The binary is built beside its target
# and renamed into place, so a program running from $1 never sees a half-written file.
build_yaml_into() {
    local dir="$1" version tmp started
    command -v go >/dev/null 2>&1 || die "go is not installed; it is needed to build pulumi-language-yaml (Go >= 1.26.6)"
    version="$(yaml_version)" || die "$YAML_MODULE_DIR/go.mod does not pin github.com/pulumi/pulumi-yaml"
    log "building pulumi-language-yaml $version into $dir (cold, with the CLI's Go build cache: ~1 min on 2 cores)"
    started=$(date +%s)
    tmp="$(mktemp "$dir/.pulumi-language-yaml.XXXXXX")"
    # Same flags as the CLI's build, so the packages the two share come from the Go build cache.
    (cd "$YAML_MODULE_DIR" && go build -mod=readonly -buildvcs=false -trimpath \
        -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$version" \
        -o "$tmp" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml) >&2 \
        || { rm -f "$tmp"; die "go build of pulumi-language-yaml (tools/pulumi/language-yaml) failed, see above"; }
    chmod 0755 "$tmp"
    mv -f "$tmp" "$dir/pulumi-language-yaml"
    tmp="$(mktemp "$dir/.stamp.XXXXXX")"
    yaml_source_stamp > "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$dir/$YAML_STAMP_FILE"
    log "built pulumi-language-yaml $version in $(( $(date +%s) - started )) s"
}

# The Go language host is stamped apart from the CLI too (its sources are not in source_stamp): adding
# it, or changing it, rebuilds only it. Built with the CLI's module and flags, it links packages the CLI
# build already compiled (seconds once that build cache is warm).
GO_HOST_STAMP_FILE=.language-go-source-stamp
go_host_source_stamp() {
    (cd "$TOOLS_DIR" && cat go.mod go.sum language-go/*.go) | sha256sum | cut -d' ' -f1
}
go_host_usable_in() {
    [ -x "$1/pulumi-language-go" ] && [ "$(cat "$1/$GO_HOST_STAMP_FILE" 2>/dev/null)" = "$(go_host_source_stamp)" ]
}

# Builds pulumi-language-go into directory $1 and stamps it, renaming each file into place.
build_go_host_into() {
    local dir="$1" tmp started
    command -v go >/dev/null 2>&1 || die "go is not installed; it is needed to build pulumi-language-go (Go >= 1.26.6)"
    log "building pulumi-language-go (tools/pulumi/language-go) into $dir"
    started=$(date +%s)
    tmp="$(mktemp "$dir/.pulumi-language-go.XXXXXX")"
    (cd "$TOOLS_DIR" && go build -mod=readonly -buildvcs=false -trimpath -ldflags "$LDFLAGS" -o "$tmp" ./language-go) >&2 \
        || { rm -f "$tmp"; die "go build of the Go language host (tools/pulumi/language-go) failed, see above"; }
    chmod 0755 "$tmp"
    mv -f "$tmp" "$dir/pulumi-language-go"
    tmp="$(mktemp "$dir/.stamp.XXXXXX")"
    go_host_source_stamp > "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$dir/$GO_HOST_STAMP_FILE"
    log "built pulumi-language-go in $(( $(date +%s) - started )) s"
}

# A bin directory is usable when all three programs are there, built from these sources, and
# `pulumi version` runs. (The YAML host is checked apart: yaml_usable_in.)
usable_dir() {
    local dir="$1"
    [ -x "$dir/pulumi" ] && [ -x "$dir/pulumi-language-nodejs" ] && [ -x "$dir/pulumi-resource-pulumi-nodejs" ] \
        && [ "$(cat "$dir/.source-stamp" 2>/dev/null)" = "$(source_stamp)" ] \
        && "$dir/pulumi" version >/dev/null 2>&1
}

if [ "${PULUMI_ENSURE_REBUILD:-}" != 1 ]; then
    # 1. pulumi on PATH, with its language host and dynamic-provider plugin (on PATH or beside it).
    if existing="$(command -v pulumi 2>/dev/null)" && "$existing" version >/dev/null 2>&1; then
        dir="$(dirname "$(readlink -f "$existing")")"
        have_lang=0; have_dyn=0
        { [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1; } && have_lang=1
        { [ -x "$dir/pulumi-resource-pulumi-nodejs" ] || command -v pulumi-resource-pulumi-nodejs >/dev/null 2>&1; } \
            && have_dyn=1
        if [ "$have_lang" = 1 ] && [ "$have_dyn" = 1 ]; then
            log "using pulumi on PATH: $existing ($("$existing" version 2>/dev/null))"
            have_yaml=0; have_go=0
            { [ -x "$dir/pulumi-language-yaml" ] || command -v pulumi-language-yaml >/dev/null 2>&1; } && have_yaml=1
            { [ -x "$dir/pulumi-language-go" ] || command -v pulumi-language-go >/dev/null 2>&1; } && have_go=1
            if [ "$have_yaml" = 1 ] && [ "$have_go" = 1 ]; then
                echo "$(dirname "$existing")"
                exit 0
            fi
            # No YAML or Go host: build ours into a directory that also links the CLI, its plugins and
            # the host it has, found on PATH, so the directory printed has them all.
            with_dir="$PULUMI_HOME_DIR/language-yaml/bin"
            mkdir -p "$with_dir"
            linked=(pulumi pulumi-language-nodejs pulumi-resource-pulumi-nodejs)
            if [ "$have_yaml" = 1 ]; then linked+=(pulumi-language-yaml); else yaml_usable_in "$with_dir" || build_yaml_into "$with_dir"; fi
            if [ "$have_go" = 1 ]; then linked+=(pulumi-language-go); else go_host_usable_in "$with_dir" || build_go_host_into "$with_dir"; fi
            for program in "${linked[@]}"; do
                if [ -x "$dir/$program" ]; then target="$dir/$program"; else target="$(command -v "$program")"; fi
                # Replace the link by a rename, so that a concurrent run never misses the file.
                ln -sfn "$target" "$with_dir/.$program.new.$$"
                mv -f "$with_dir/.$program.new.$$" "$with_dir/$program"
            done
            log "pulumi on PATH lacks pulumi-language-yaml or pulumi-language-go; using $with_dir (it links $existing)"
            echo "$with_dir"
            exit 0
        fi
        log "pulumi on PATH ($existing) lacks pulumi-language-nodejs or pulumi-resource-pulumi-nodejs; not using it"
    fi

    # 2. cached build.
    if usable_dir "$BIN_DIR"; then
        log "using cached build in $BIN_DIR ($("$BIN_DIR/pulumi" version))"
        yaml_usable_in "$BIN_DIR" || build_yaml_into "$BIN_DIR"
        go_host_usable_in "$BIN_DIR" || build_go_host_into "$BIN_DIR"
        echo "$BIN_DIR"
        exit 0
    fi
fi

# 3. build.
command -v go >/dev/null 2>&1 || die "go is not installed; it is needed to build the Pulumi CLI (Go >= 1.26.6)"
[ -f "$TOOLS_DIR/go.mod" ] || die "$TOOLS_DIR/go.mod is missing"
grep -q "github.com/pulumi/pulumi/pkg/v3 v$VERSION\$" "$TOOLS_DIR/go.mod" \
    || die "tools/pulumi/go.mod does not pin github.com/pulumi/pulumi/pkg/v3 v$VERSION"

log "building Pulumi CLI v$VERSION with $(go version | cut -d' ' -f3) into $BIN_DIR (cold: ~11 min on 2 cores)"
start=$(date +%s)

# Build into a fresh directory beside the target and move it into place only when complete, so an
# interrupted build never leaves a half-filled bin directory that a later run would trust.
mkdir -p "$(dirname "$BIN_DIR")"
STAGE="$(mktemp -d "$(dirname "$BIN_DIR")/.bin-build.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT

# -mod=readonly: go.mod/go.sum are committed and must already be complete.
# -buildvcs=false: no git stamping (the language host lives inside this repository).
go_build() { # OUTPUT PACKAGE
    (cd "$TOOLS_DIR" && go build -mod=readonly -buildvcs=false -trimpath -ldflags "$LDFLAGS" -o "$1" "$2") >&2
}
go_build "$STAGE/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    || die "go build of the Pulumi CLI (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) failed, see above"
go_build "$STAGE/pulumi-language-nodejs" ./language-nodejs \
    || die "go build of the Node.js language host (tools/pulumi/language-nodejs) failed, see above"

install -m 0755 "$TOOLS_DIR/pulumi-resource-pulumi-nodejs" "$STAGE/pulumi-resource-pulumi-nodejs"
source_stamp > "$STAGE/.source-stamp"
build_yaml_into "$STAGE"
build_go_host_into "$STAGE"

got="$("$STAGE/pulumi" version 2>&1)" || die "built pulumi does not run: $got"
[ "$got" = "v$VERSION" ] || die "built pulumi reports version '$got', expected v$VERSION"

chmod 0755 "$STAGE"
rm -rf "$BIN_DIR"
mv "$STAGE" "$BIN_DIR"
trap - EXIT

log "built Pulumi CLI $got in $(( $(date +%s) - start )) s"
echo "$BIN_DIR"
