#!/usr/bin/env bash
# Links node_modules/pulumi-chime-sdk to this checkout. The provider that Pulumi serializes into state
# loads the package by name from the program's directory (see provider/dynamic/shim.ts), as it does in a
# user's project; the root program (Pulumi.yaml) lives in this package itself, hence the link.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -e node_modules/pulumi-chime-sdk ]; then
  ln -s .. node_modules/pulumi-chime-sdk
fi
