package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// loadGoMod finds the go.mod of the module that holds dir (`go env GOMOD`, with go.work off: only the
// program's own module counts) and parses it.
func loadGoMod(ctx context.Context, dir string) (string, *modfile.File, error) {
	gobin, err := findGo()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.CommandContext(ctx, gobin, "env", "GOMOD")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go env GOMOD in %s: %w", dir, err)
	}
	path := strings.TrimSpace(string(out))
	if path == "" || path == os.DevNull {
		return "", nil, fmt.Errorf("no go.mod in %s or above it: a Go Pulumi program is a Go module (go mod init)", dir)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return "", nil, err
	}
	f, err := modfile.Parse(path, body, nil)
	if err != nil {
		return "", nil, err
	}
	return filepath.Dir(path), f, nil
}

// listedModule is what `go list -m -json` says of a module that matters here.
type listedModule struct {
	Path    string
	Version string
	Dir     string
	Replace *listedModule
}

// requiredPackages lists the resource plugins that the program's required modules declare, as the
// upstream host does: a module whose source holds a pulumi-plugin.json with "resource": true (at its
// root, in go/, go/*/ or */; Pulumi's Go code generator writes one beside each SDK package), or a
// github.com/pulumi/pulumi-<name> module. Best effort: a program that is not a module, or whose
// modules are not downloaded yet, gets none (the engine then loads plugins as resources ask for them).
func requiredPackages(ctx context.Context, dir string) []*pulumirpc.PackageDependency {
	if dir == "" {
		return nil
	}
	moduleDir, gomod, err := loadGoMod(ctx, dir)
	if err != nil {
		logging.V(5).Infof("GetRequiredPackages: %v", err)
		return nil
	}
	var paths []string
	for _, r := range gomod.Require {
		paths = append(paths, r.Mod.Path)
	}
	if len(paths) == 0 {
		return nil
	}
	gobin, err := findGo()
	if err != nil {
		return nil
	}
	// -e: a module not downloaded yet is listed too, with no Dir (it then declares nothing).
	cmd := exec.CommandContext(ctx, gobin, append([]string{"list", "-m", "-json", "-e"}, paths...)...)
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		logging.V(5).Infof("GetRequiredPackages: go list -m: %v", err)
		return nil
	}
	var packages []*pulumirpc.PackageDependency
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var m listedModule
		if err := dec.Decode(&m); err != nil {
			logging.V(5).Infof("GetRequiredPackages: decoding go list output: %v", err)
			return packages
		}
		if m.Replace != nil && m.Replace.Dir != "" {
			m.Dir = m.Replace.Dir
		}
		pkg, err := packageOf(m)
		if err != nil {
			logging.V(5).Infof("GetRequiredPackages: ignoring %s %s: %v", m.Path, m.Version, err)
			continue
		}
		packages = append(packages, pkg)
	}
	return packages
}

// packageOf is the resource plugin a module declares, or an error saying why it declares none.
func packageOf(m listedModule) (*pulumirpc.PackageDependency, error) {
	var meta *plugin.PulumiPluginJSON
	if m.Dir != "" {
		var err error
		if meta, err = pluginJSON(m.Dir); err != nil {
			return nil, err
		}
	}
	upstreamNamed := strings.HasPrefix(m.Path, "github.com/pulumi/pulumi-")
	if meta == nil && !upstreamNamed || meta != nil && !meta.Resource {
		return nil, errors.New("not a Pulumi resource provider's SDK")
	}
	name := ""
	if meta != nil {
		name = meta.Name
	}
	if name == "" {
		if !upstreamNamed {
			return nil, errors.New("its pulumi-plugin.json names no plugin")
		}
		// github.com/pulumi/pulumi-aws/sdk/v6 => aws
		name = strings.SplitN(strings.Split(m.Path, "/")[2], "-", 2)[1]
	}
	version := m.Version
	if meta != nil && meta.Version != "" {
		version = meta.Version
	}
	version, err := pluginVersion(version)
	if err != nil {
		return nil, err
	}
	dep := &pulumirpc.PackageDependency{Name: name, Kind: "resource", Version: version}
	if meta != nil {
		dep.Server = meta.Server
		if p := meta.Parameterization; p != nil {
			dep.Parameterization = &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
		}
	}
	return dep, nil
}

// pluginJSON reads the first pulumi-plugin.json found in a module's source, nil if none.
func pluginJSON(dir string) (*plugin.PulumiPluginJSON, error) {
	candidates := []string{filepath.Join(dir, "pulumi-plugin.json"), filepath.Join(dir, "go", "pulumi-plugin.json")}
	for _, pattern := range []string{filepath.Join(dir, "go", "*", "pulumi-plugin.json"), filepath.Join(dir, "*", "pulumi-plugin.json")} {
		matches, _ := filepath.Glob(pattern)
		candidates = append(candidates, matches...)
	}
	for _, c := range candidates {
		meta, err := plugin.LoadPulumiPluginJSON(c)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", c, err)
		}
		return meta, nil
	}
	return nil, nil
}

// pluginVersion turns a module version into the plugin version to ask for: a pseudo-version
// (v1.2.4-0.2024...-abcdef, a commit after v1.2.3) names the release before it, as upstream.
func pluginVersion(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	if !semver.IsValid(v) {
		return "", fmt.Errorf("version %q is not semver", v)
	}
	if module.IsPseudoVersion(v) {
		base, err := module.PseudoVersionBase(v)
		if err != nil {
			return "", err
		}
		if base == "" {
			return "", fmt.Errorf("pseudo-version %s follows no release", v)
		}
		v = base
	}
	return strings.TrimSuffix(v, "+incompatible"), nil
}

// programDependencies lists the program's go.mod requirements (the direct ones unless transitive), with
// no version for a module replaced by another (a local SDK, say), as upstream.
func programDependencies(ctx context.Context, dir string, transitive bool) ([]*pulumirpc.DependencyInfo, error) {
	_, gomod, err := loadGoMod(ctx, dir)
	if err != nil {
		return nil, err
	}
	replaced := map[string]bool{}
	for _, r := range gomod.Replace {
		replaced[r.Old.Path] = true
	}
	var deps []*pulumirpc.DependencyInfo
	for _, r := range gomod.Require {
		if r.Indirect && !transitive {
			continue
		}
		version := r.Mod.Version
		if replaced[r.Mod.Path] {
			version = ""
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: r.Mod.Path, Version: version})
	}
	return deps, nil
}
