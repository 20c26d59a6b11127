#!/usr/bin/env bash
# Make a working Pulumi CLI (with the Node.js, YAML, Python and Go language hosts and the dynamic-provider
# plugin) available without downloads other than the Go module proxy, and print the directory to put
# on PATH as the last line of stdout. Progress goes to stderr.
#
#   PULUMI_BIN=$(bash scripts/ensure-pulumi.sh | tail -1); export PATH="$PULUMI_BIN:$PATH"
#
# Order: a working `pulumi` already on PATH; else the cached build in
# $PULUMI_HOME/versions/<version>/bin (default ~/.pulumi); else build it with Go from tools/pulumi
# (pinned go.mod/go.sum) into that directory. The other language hosts (HOSTS below: the YAML host,
# pulumi-yaml's, from its own Go module in tools/pulumi/language-yaml; our Python and Go hosts,
# tools/pulumi/language-python and tools/pulumi/language-go) are added beside the CLI when missing, each with a stamp of its own:
# into the cached build's directory, or, for a pulumi on PATH without them, into a directory of its
# own that links the CLI found on PATH. See tools/pulumi/README.md.
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

# The language hosts beside the CLI (besides pulumi-language-nodejs, which is part of the CLI's build):
# each is built into the bin directory with a stamp of its own, `.language-<name>-source-stamp`, from
# the files it is built from. Adding a host, or changing one, rebuilds that host only and never makes
# the CLI's directory look stale (a stale CLI directory is rebuilt and replaced, under anyone running
# from it).
HOSTS=(yaml python go)

# host_recipe NAME sets what host NAME is built from: HOST_MODULE (its Go module's directory),
# HOST_PACKAGE (the package to build, in that module), HOST_SOURCES (files of HOST_MODULE whose
# content is its stamp: a space-separated list, globs expanded in HOST_MODULE). host_ldflags NAME prints its link flags (run only to build).
host_recipe() {
    case "$1" in
        yaml) # pulumi-yaml, a module of its own (see tools/pulumi/README.md)
            HOST_MODULE="$YAML_MODULE_DIR"
            HOST_PACKAGE=github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
            HOST_SOURCES="go.mod go.sum" ;;
        python) # ours, a package of the CLI's module
            HOST_MODULE="$TOOLS_DIR"
            HOST_PACKAGE=./language-python
            HOST_SOURCES="go.mod go.sum language-python/* hostmain/*" ;;
        go) # ours, a package of the CLI's module
            HOST_MODULE="$TOOLS_DIR"
            HOST_PACKAGE=./language-go
            HOST_SOURCES="go.mod go.sum language-go/* hostmain/*" ;;
        *) die "no recipe for the language host '$1'" ;;
    esac
}
host_ldflags() {
    case "$1" in
        yaml) local version
            version="$(cd "$YAML_MODULE_DIR" && go list -mod=readonly -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml)" \
                || die "$YAML_MODULE_DIR/go.mod does not pin github.com/pulumi/pulumi-yaml"
            echo "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$version" ;;
        *) echo "$LDFLAGS" ;;
    esac
}
host_stamp() {
    host_recipe "$1"
    # shellcheck disable=SC2086 # split and glob HOST_SOURCES, in the module's directory, in C order
    (cd "$HOST_MODULE" && LC_ALL=C && cat $HOST_SOURCES) | sha256sum | cut -d' ' -f1
}
host_usable_in() { # DIR NAME
    [ -x "$1/pulumi-language-$2" ] && [ "$(cat "$1/.language-$2-source-stamp" 2>/dev/null)" = "$(host_stamp "$2")" ]
}

# build_host_into DIR NAME builds pulumi-language-NAME into DIR and stamps it. The binary is built
# beside its target and renamed into place, so a program running from DIR never sees a half-written
# file.
build_host_into() {
    local dir="$1" name="$2" tmp started ldflags
    command -v go >/dev/null 2>&1 || die "go is not installed; it is needed to build pulumi-language-$name (Go >= 1.26.6)"
    host_recipe "$name"
    ldflags="$(host_ldflags "$name")"
    log "building pulumi-language-$name into $dir (with the CLI's Go build cache: seconds to ~1 min on 2 cores)"
    started=$(date +%s)
    tmp="$(mktemp "$dir/.pulumi-language-$name.XXXXXX")"
    # Same flags as the CLI's build, so the packages the two share come from the Go build cache.
    (cd "$HOST_MODULE" && go build -mod=readonly -buildvcs=false -trimpath -ldflags "$ldflags" \
        -o "$tmp" "$HOST_PACKAGE") >&2 \
        || { rm -f "$tmp"; die "go build of pulumi-language-$name ($HOST_PACKAGE in $HOST_MODULE) failed, see above"; }
    chmod 0755 "$tmp"
    mv -f "$tmp" "$dir/pulumi-language-$name"
    tmp="$(mktemp "$dir/.stamp.XXXXXX")"
    host_stamp "$name" > "$tmp"
    chmod 0644 "$tmp"
    mv -f "$tmp" "$dir/.language-$name-source-stamp"
    log "built pulumi-language-$name in $(( $(date +%s) - started )) s"
}

# Builds every host DIR lacks (or has from other sources).
ensure_hosts_in() {
    local name
    for name in "${HOSTS[@]}"; do host_usable_in "$1" "$name" || build_host_into "$1" "$name"; done
}

# A bin directory is usable when all three programs are there, built from these sources, and
# `pulumi version` runs. (The other hosts are checked apart: host_usable_in.)
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
            # Hosts it lacks (an official Pulumi install ships them all; a custom build may not): build
            # ours into a directory that also links the CLI and the plugins found on PATH, so the
            # directory printed has them all.
            missing=()
            for name in "${HOSTS[@]}"; do
                [ -x "$dir/pulumi-language-$name" ] || command -v "pulumi-language-$name" >/dev/null 2>&1 \
                    || missing+=("$name")
            done
            if [ "${#missing[@]}" -eq 0 ]; then
                echo "$(dirname "$existing")"
                exit 0
            fi
            with_dir="$PULUMI_HOME_DIR/language-hosts/bin"
            mkdir -p "$with_dir"
            links=(pulumi pulumi-language-nodejs pulumi-resource-pulumi-nodejs)
            for name in "${HOSTS[@]}"; do
                if [[ " ${missing[*]} " == *" $name "* ]]; then
                    host_usable_in "$with_dir" "$name" || build_host_into "$with_dir" "$name"
                else
                    links+=("pulumi-language-$name")
                fi
            done
            for program in "${links[@]}"; do
                if [ -x "$dir/$program" ]; then target="$dir/$program"; else target="$(command -v "$program")"; fi
                # Replace the link by a rename, so that a concurrent run never misses the file.
                ln -sfn "$target" "$with_dir/.$program.new.$$"
                mv -f "$with_dir/.$program.new.$$" "$with_dir/$program"
            done
            log "pulumi on PATH has no pulumi-language-{$(IFS=,; echo "${missing[*]}")}; using $with_dir (it links $existing)"
            echo "$with_dir"
            exit 0
        fi
        log "pulumi on PATH ($existing) lacks pulumi-language-nodejs or pulumi-resource-pulumi-nodejs; not using it"
    fi

    # 2. cached build.
    if usable_dir "$BIN_DIR"; then
        log "using cached build in $BIN_DIR ($("$BIN_DIR/pulumi" version))"
        ensure_hosts_in "$BIN_DIR"
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
ensure_hosts_in "$STAGE"

got="$("$STAGE/pulumi" version 2>&1)" || die "built pulumi does not run: $got"
[ "$got" = "v$VERSION" ] || die "built pulumi reports version '$got', expected v$VERSION"

chmod 0755 "$STAGE"
rm -rf "$BIN_DIR"
mv "$STAGE" "$BIN_DIR"
trap - EXIT

log "built Pulumi CLI $got in $(( $(date +%s) - start )) s"
echo "$BIN_DIR"
