//go:build tools

// Package tools pins the Pulumi CLI so that `go build` can build it from the Go module proxy;
// nothing here is compiled into the project. The Node.js language host (./language-nodejs) and the SDK
// generator (./gen-sdk) are packages of this module; the YAML language host is built from a module of
// its own, ./language-yaml (see README.md).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
