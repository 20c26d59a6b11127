//go:build tools

// Package tools pins the Pulumi CLI so that `go build` can build it from the Go module proxy;
// nothing here is compiled into the project. The Node.js and Python language hosts (./language-nodejs,
// ./language-python) are packages of this module; the YAML language host (./language-yaml) and the SDK
// generator (./gen-sdk) are modules of their own (see README.md).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
