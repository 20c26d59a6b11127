//go:build tools

// Package tools pins pulumi-language-yaml (the YAML language host) so that `go build` can build it from
// the Go module proxy; nothing here is compiled into the project. See ../README.md.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
