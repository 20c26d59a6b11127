// Command gen-sdk generates the SDKs of the `chime` provider plugin from schema.json with Pulumi's own
// code generators (github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,python,go}), the generators that
// `pulumi package gen-sdk` runs through a language host's GeneratePackage. Our language hosts have no
// GeneratePackage (see ../README.md), so this program calls the generators directly.
//
//	gen-sdk -schema schema.json -out sdk [-lang nodejs,python,go]
//
// writes sdk/nodejs, sdk/python and sdk/go. What it changes in each generator's output, and why:
//
//   - nodejs: only the TypeScript sources are written: the SDK is compiled by the package's own build
//     and published inside the `pulumi-chime-sdk` npm package (as `pulumi-chime-sdk/plugin`), so the
//     generator's package.json, tsconfig.json, README.md and git files are not wanted. A package.json
//     in the SDK folder would even be harmful: Node would take it as the package scope of the SDK's
//     files. utilities.ts reads the version from pulumi-chime-sdk's package.json (versionReadOurs).
//   - python: the generator's output as it is (the package `pulumi_chime` and its pyproject.toml),
//     plus README.md beside pyproject.toml: pyproject.toml names it as the package's readme, but the
//     generator writes it only inside the package folder, so `pip install` would fail without it.
//   - go: the generator's output (package `chime` under sdk/go/chime), plus the module's go.mod and
//     go.sum, which the generator writes only for packages that support `pulumi package pack`. The
//     module requires the Pulumi Go SDK at the version this program is built with (tools/pulumi/go.mod
//     pins it, the engine's version); go.sum is what `go mod tidy` makes of that.
//
// Every SDK asks the engine for the plugin at the schema's version (language.*.respectSchemaVersion),
// which is the npm package's version (the drift test holds them equal), and names no download URL.
// The Python and Go SDKs' pulumi-plugin.json says `"resource": false` (the generators write true):
// language hosts report the plugins of a program's packages from it, and `pulumi install` then
// installs each reported plugin that is not in the plugin cache (~/.pulumi/plugins) by downloading
// it, which for chime fails (it ships on npm, not on a plugin server); it ignores a plugin on PATH.
// With false, nothing is reported, and the engine loads `pulumi-resource-chime` from PATH when the
// program first declares a resource, as for the Node.js SDK (whose package.json declares no plugin).
//
// Each output directory is replaced as a whole (so a resource removed from the schema loses its
// file), but only if every file already in it is one this program writes (or a Python build's
// leftovers): a wrong -out fails instead of deleting someone's work.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool names the generator in the header of every generated file.
const tool = "pulumi-chime-sdk gen-sdk (tools/pulumi/gen-sdk)"

// The generated utilities.ts reads the SDK's version from a package.json beside it, which the
// generator writes for a standalone npm package. This SDK ships inside pulumi-chime-sdk together with
// the plugin executable, so the SDK's version is that package's version, read by the package's own
// name (Node resolves a package's own name from inside it through "exports", installed or linked).
// The version is what a resource asks the engine for; the engine uses `pulumi-resource-chime` found on
// PATH whatever its version, so nothing is ever downloaded while the plugin is installed.
const (
	versionRead     = "require('./package.json').version"
	versionReadOurs = "require('pulumi-chime-sdk/package.json').version"
)

// pulumiGoSDK is the module the Go SDK requires.
const pulumiGoSDK = "github.com/pulumi/pulumi/sdk/v3"

// A language is one SDK: the folder under -out it is written to and how it is made.
type language struct {
	name     string
	generate func(pkg *schema.Package) (map[string][]byte, error)
}

var languages = []language{
	{"nodejs", generateNodejs},
	{"python", generatePython},
	{"go", generateGo},
}

func main() {
	schemaPath := flag.String("schema", "schema.json", "the provider's schema")
	outRoot := flag.String("out", "sdk", "directory to write the SDKs into, one folder per language")
	langs := flag.String("lang", "nodejs,python,go", "the SDKs to generate, comma-separated")
	flag.Parse()
	if flag.NArg() != 0 {
		fail(fmt.Errorf("unexpected arguments %q (use -schema, -out and -lang)", flag.Args()))
	}
	selected, err := selectLanguages(*langs)
	if err != nil {
		fail(err)
	}
	for _, lang := range selected {
		// Each generator records its language's options in the bound package: bind afresh for each.
		pkg, err := bind(*schemaPath)
		if err != nil {
			fail(err)
		}
		files, err := lang.generate(pkg)
		if err != nil {
			fail(fmt.Errorf("generating the %s SDK: %w", lang.name, err))
		}
		if err := write(filepath.Join(*outRoot, lang.name), files); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "gen-sdk: %v\n", err)
	os.Exit(1)
}

func selectLanguages(list string) ([]language, error) {
	var selected []language
	for _, name := range strings.Split(list, ",") {
		found := false
		for _, lang := range languages {
			if lang.name == strings.TrimSpace(name) {
				selected, found = append(selected, lang), true
			}
		}
		if !found {
			return nil, fmt.Errorf("-lang: unknown language %q (known: nodejs, python, go)", name)
		}
	}
	return selected, nil
}

// bind reads the schema and binds it (validating it against Pulumi's metaschema).
func bind(schemaPath string) (*schema.Package, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: not a Pulumi package schema: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s is not a valid schema:\n%s", schemaPath, diags.Error())
	}
	return pkg, nil
}

// generateNodejs returns the Node.js SDK's TypeScript files by path.
func generateNodejs(pkg *schema.Package) (map[string][]byte, error) {
	generated, err := nodejs.GeneratePackage(tool, pkg, nil, nil, false, noPackages{})
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for path, content := range generated {
		if strings.HasSuffix(path, ".ts") {
			files[path] = content
		}
	}
	utilities, ok := files["utilities.ts"]
	if !ok || strings.Count(string(utilities), versionRead) != 1 {
		// The generator changed how the SDK finds its version: look at the new utilities.ts and
		// adapt versionRead, rather than ship an SDK that reads a package.json that is not there.
		return nil, fmt.Errorf("the generated utilities.ts does not read its version with %s exactly once", versionRead)
	}
	files["utilities.ts"] = []byte(strings.Replace(string(utilities), versionRead, versionReadOurs, 1))
	return files, nil
}

// generatePython returns the Python SDK (package and pyproject.toml) by path.
func generatePython(pkg *schema.Package) (map[string][]byte, error) {
	files, err := python.GeneratePackage(tool, pkg, nil, noPackages{})
	if err != nil {
		return nil, err
	}
	info, _ := pkg.Language["python"].(python.PackageInfo)
	if info.PackageName == "" || !info.PyProject.Enabled || !info.RespectSchemaVersion {
		return nil, errors.New("schema.json language.python must set packageName, pyproject.enabled and respectSchemaVersion")
	}
	readme, ok := files[path.Join(info.PackageName, "README.md")]
	if !ok {
		return nil, fmt.Errorf("the generator wrote no %s/README.md to name in pyproject.toml", info.PackageName)
	}
	files["README.md"] = readme
	return files, noPluginToInstall(files, path.Join(info.PackageName, "pulumi-plugin.json"))
}

// noPluginToInstall rewrites the generated pulumi-plugin.json to say `"resource": false` (see the
// package comment: `pulumi install` would try to download the plugin).
func noPluginToInstall(files map[string][]byte, name string) error {
	var plugin map[string]any
	if err := json.Unmarshal(files[name], &plugin); err != nil {
		return fmt.Errorf("the generated %s: %w", name, err)
	}
	if plugin["resource"] != true || plugin["name"] != "chime" {
		return fmt.Errorf("the generated %s is not the chime plugin's (%s): adapt noPluginToInstall", name, files[name])
	}
	plugin["resource"] = false
	content, err := json.MarshalIndent(plugin, "", "  ")
	if err != nil {
		return err
	}
	files[name] = append(content, '\n')
	return nil
}

// generateGo returns the Go SDK (package under its import base path's last element, go.mod, go.sum).
func generateGo(pkg *schema.Package) (map[string][]byte, error) {
	files, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return nil, err
	}
	info, _ := pkg.Language["go"].(gogen.GoPackageInfo)
	if info.ImportBasePath == "" || !info.RespectSchemaVersion {
		return nil, errors.New("schema.json language.go must set importBasePath and respectSchemaVersion")
	}
	if _, clash := files["go.mod"]; clash {
		return nil, errors.New("the Go generator now writes go.mod itself: drop goModule from gen-sdk")
	}
	// The module holds the package folder: its path is the import base path less the package's name.
	modFiles, err := goModule(path.Dir(info.ImportBasePath), files)
	if err != nil {
		return nil, err
	}
	for name, content := range modFiles {
		files[name] = content
	}
	return files, noPluginToInstall(files, path.Join(path.Base(info.ImportBasePath), "pulumi-plugin.json"))
}

// goModule returns go.mod and go.sum for the generated Go package files: `go mod tidy` on a module
// that requires the Pulumi Go SDK at the version this program was built with. It fetches from the
// module cache, or the Go module proxy on a fresh machine.
func goModule(modulePath string, files map[string][]byte) (map[string][]byte, error) {
	sdkVersion, err := builtWith(pulumiGoSDK)
	if err != nil {
		return nil, err
	}
	scratch, err := os.MkdirTemp("", "chime-gen-sdk-go-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	for name, content := range files {
		target := filepath.Join(scratch, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			return nil, err
		}
	}
	goMod := fmt.Sprintf("// Code generated by %s DO NOT EDIT.\n\nmodule %s\n\ngo %s\n\nrequire %s %s\n",
		tool, modulePath, goDirective, pulumiGoSDK, sdkVersion)
	if err := os.WriteFile(filepath.Join(scratch, "go.mod"), []byte(goMod), 0o644); err != nil {
		return nil, err
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = scratch
	// GOTOOLCHAIN=local: tidy must not raise the go line or add a toolchain line for this machine's Go.
	tidy.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	var stderr bytes.Buffer
	tidy.Stderr = &stderr
	if err := tidy.Run(); err != nil {
		return nil, fmt.Errorf("go mod tidy of the Go SDK failed: %w\n%s", err, stderr.String())
	}
	out := map[string][]byte{}
	for _, name := range []string{"go.mod", "go.sum"} {
		content, err := os.ReadFile(filepath.Join(scratch, name))
		if err != nil {
			return nil, err
		}
		out[name] = content
	}
	if !bytes.Contains(out["go.mod"], []byte("\ngo "+goDirective+"\n")) || bytes.Contains(out["go.mod"], []byte("\ntoolchain ")) {
		return nil, fmt.Errorf("go mod tidy changed the Go SDK's go line (%s): set goDirective to what %s %s needs",
			goDirective, pulumiGoSDK, sdkVersion)
	}
	return out, nil
}

// goDirective is the Go SDK's `go` line: the one of the Pulumi Go SDK it requires (sdk/v3 v3.274.1 says
// 1.26.6), so that tidy keeps it; a newer SDK needing more makes goModule fail, naming it.
const goDirective = "1.26.6"

// builtWith returns the version of a module this program was built with.
func builtWith(module string) (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("gen-sdk has no build information to read the Pulumi SDK's version from")
	}
	for _, dep := range info.Deps {
		if dep.Path == module {
			if dep.Replace != nil {
				return "", fmt.Errorf("%s is replaced in tools/pulumi/go.mod; the Go SDK needs a released version", module)
			}
			return dep.Version, nil
		}
	}
	return "", fmt.Errorf("gen-sdk was not built with %s", module)
}

// write replaces outDir with exactly the given files.
func write(outDir string, files map[string][]byte) error {
	if err := checkOnlyGenerated(outDir, files); err != nil {
		return err
	}
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for path := range files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		target := filepath.Join(outDir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[path], 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen-sdk: wrote %d files into %s\n", len(paths), outDir)
	return nil
}

// buildLeftovers are the folders a Python build leaves beside the sources (`pip install ./sdk/python`
// builds in place): replaced with the rest.
func buildLeftover(name string) bool {
	return name == "__pycache__" || name == "build" || name == "dist" || strings.HasSuffix(name, ".egg-info")
}

// checkOnlyGenerated fails if outDir holds a file this program did not write: one that is neither
// about to be written again nor carries the generator's name.
func checkOnlyGenerated(outDir string, files map[string][]byte) error {
	return filepath.WalkDir(outDir, func(file string, entry fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && file == outDir {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if entry.IsDir() {
			if file != outDir && buildLeftover(entry.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(outDir, file)
		if err != nil {
			return err
		}
		if _, ours := files[filepath.ToSlash(rel)]; ours {
			return nil
		}
		content, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		if !bytes.Contains(content, []byte(tool)) {
			return fmt.Errorf("%s was not written by gen-sdk; refusing to replace %s (move the file or choose another -out)",
				file, outDir)
		}
		return nil
	})
}

// noPackages is the schema loader: the chime schema refers to no other package (only to Pulumi's
// built-in types, which need no loader), so any request for one is an error.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; gen-sdk loads no other packages", name)
}

func (noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return noPackages{}.LoadPackage(d.Name, nil)
}

func (noPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; gen-sdk loads no other packages", name)
}

func (noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return noPackages{}.LoadPackageReference(d.Name, nil)
}
