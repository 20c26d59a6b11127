//go:build tools

// Package tools pins the Pulumi CLI and the Node.js language host so that `go build` can build both
// from the Go module proxy; nothing here is compiled into the project.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
	_ "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
)
