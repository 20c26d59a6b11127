package main

import (
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/proto"
)

// The plugin version of a package's PEP 440 version: as the upstream host reads it.
func TestSemverOfPEP440(t *testing.T) {
	for _, row := range []struct {
		pep440, semver string
		ok             bool
	}{
		{"1.2.3", "1.2.3", true},
		{"1.2", "1.2.0", true},
		{"3", "3.0.0", true},
		{"1.2.3a4", "1.2.3-alpha.4", true},
		{"1.2.3b4", "1.2.3-beta.4", true},
		{"1.2.3rc4", "1.2.3-rc.4", true},
		{"1.2.3.post4", "1.2.3+post4", true},
		{"1.2.3.dev5", "1.2.3+dev5", true},
		{"1.2.3.post4.dev5", "1.2.3+post4dev5", true},
		{"1.2.3rc1.post2", "1.2.3-rc.1+post2", true},
		{"1!1.2.3", "", false},     // an epoch
		{"1.2.3+local", "", false}, // a local version
		{"1.2.3.4", "", false},     // four release numbers
		{"", "", false},
	} {
		got, ok := semverOfPEP440(row.pep440)
		if got != row.semver || ok != row.ok {
			t.Errorf("semverOfPEP440(%q) = %q, %v; want %q, %v", row.pep440, got, ok, row.semver, row.ok)
		}
	}
}

// The plugin one installed package asks for, from its pulumi-plugin.json or its name.
func TestRequiredPackage(t *testing.T) {
	for _, row := range []struct {
		what, name, version string
		plugin              *pluginJSON
		want                *pulumirpc.PackageDependency
	}{
		{"pulumi-plugin.json names it", "pulumi_aws", "6.1.0", &pluginJSON{Resource: true, Name: "aws", Version: "6.1.0", Server: "https://x"},
			&pulumirpc.PackageDependency{Kind: "resource", Name: "aws", Version: "v6.1.0", Server: "https://x"}},
		{"resource false: no plugin (pulumi_chime)", "pulumi_chime", "0.1.0", &pluginJSON{Resource: false, Name: "chime", Version: "0.1.0"}, nil},
		{"no version in the file: the package's", "pulumi-random", "4.2rc1", &pluginJSON{Resource: true},
			&pulumirpc.PackageDependency{Kind: "resource", Name: "random", Version: "v4.2.0-rc.1"}},
		{"no file: pulumi-<name>", "pulumi-tls", "5.0.0", nil,
			&pulumirpc.PackageDependency{Kind: "resource", Name: "tls", Version: "v5.0.0"}},
		{"known to need none", "pulumi-policy", "1.0.0", nil, nil},
		{"a version with no plugin version", "pulumi-x", "1!2.0", nil, nil},
	} {
		got := requiredPackage(row.name, row.version, row.plugin)
		if !proto.Equal(got, row.want) {
			t.Errorf("%s: requiredPackage(%q, %q) = %v; want %v", row.what, row.name, row.version, got, row.want)
		}
	}
}
