//go:build tools

// Package tools pins the Pulumi CLI so that `go build` can build it from the Go module proxy;
// nothing here is compiled into the project. The Node.js language host lives in ./language-nodejs
// (a separate module, see README.md).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
