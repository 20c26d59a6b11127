// Command pulumi-language-python is our Python language host for the Pulumi engine.
//
// It exists because the upstream host (Go module
// github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not served by the Go module
// proxy, so it cannot be built offline (as with the Node.js host, ../language-nodejs). It is written
// against the protocol of github.com/pulumi/pulumi/sdk/v3 (the CLI's version) and behaves as the
// upstream host does where a program can tell: it runs
//
//	<python> runner.py --monitor ... --engine ... --project ... --stack ... <entry point> [args]
//
// where <python> is the `virtualenv` runtime option's Python (relative to the project's root, or
// absolute), else `python3` on PATH (PULUMI_PYTHON_CMD overrides, as upstream), and runner.py is our own
// script (embedded here) that configures the program's `pulumi` package and runs the program inside
// the root stack resource. The configuration goes in PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS.
//
// Virtualenvs, `pulumi install` (create the virtualenv, upgrade pip, setuptools and wheel, install
// requirements.txt) and the listing of installed packages are sdk/v3's python/toolchain package,
// the library the upstream host uses for them.
//
// Not implemented (the engine gets codes.Unimplemented, or the run fails saying so): the
// `typechecker` runtime option, RunPlugin (Python component providers and policy packs), code
// generation (GenerateProject/Program/Package: ../gen-sdk calls the generator itself), Pack, Link,
// attaching a debugger. See ../README.md.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-chime-sdk/tools/pulumi/hostmain"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
)

// runnerScript runs the program (see runner.py).
//
//go:embed runner.py
var runnerScript []byte

// exitErrorShown is runner.py's exit code for "failed, and the error has been shown to the user".
const exitErrorShown = 32

func main() {
	// Flags that older engines or the upstream host accept; accepted and ignored.
	_ = flag.String("root", "", "ignored")
	_ = flag.String("use-executor", "", "ignored (the runner is built in)")
	hostmain.Run("pulumi-language-python", func(engineAddress, tracing string) pulumirpc.LanguageRuntimeServer {
		return newHost(engineAddress, tracing)
	})
}

type pythonHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string

	// cancelled by the Cancel RPC; running programs are interrupted.
	cancelCtx  context.Context
	cancelFunc context.CancelFunc
}

func newHost(engineAddress, tracing string) *pythonHost {
	ctx, cancel := context.WithCancel(context.Background())
	return &pythonHost{engineAddress: engineAddress, tracing: tracing, cancelCtx: ctx, cancelFunc: cancel}
}

func (h *pythonHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// pythonOptions reads the `runtime.options` of Pulumi.yaml: `virtualenv` (a path, relative to the
// project's root directory unless absolute) and `toolchain` (pip, the default, or poetry or uv, which
// sdk/v3's toolchain package runs). `typechecker` is refused rather than silently skipped.
func pythonOptions(info *pulumirpc.ProgramInfo) (toolchain.PythonOptions, error) {
	opts := toolchain.PythonOptions{Toolchain: toolchain.Pip}
	if info == nil {
		return opts, nil
	}
	opts.Root = info.GetRootDirectory()
	opts.ProgramDir = info.GetProgramDirectory()
	if info.GetOptions() == nil {
		return opts, nil
	}
	m := info.GetOptions().AsMap()
	if v, ok := m["virtualenv"]; ok {
		s, ok := v.(string)
		if !ok {
			return opts, fmt.Errorf("runtime option virtualenv must be a string (a path); got %v", v)
		}
		opts.Virtualenv = s
	}
	if v, ok := m["toolchain"]; ok {
		switch v {
		case "pip":
			opts.Toolchain = toolchain.Pip
		case "poetry":
			opts.Toolchain = toolchain.Poetry
		case "uv":
			opts.Toolchain = toolchain.Uv
		default:
			return opts, fmt.Errorf("runtime option toolchain must be one of pip, poetry, uv; got %v", v)
		}
	}
	if v, ok := m["typechecker"]; ok {
		return opts, fmt.Errorf("runtime option typechecker (%v) is not supported by this pulumi-language-python "+
			"(tools/pulumi/language-python): remove it, or run the type checker yourself", v)
	}
	return opts, nil
}

// toolchainOf resolves the program's Python toolchain (pip with its virtualenv, poetry, uv) from its
// runtime options.
func toolchainOf(info *pulumirpc.ProgramInfo) (toolchain.PythonOptions, toolchain.Toolchain, error) {
	opts, err := pythonOptions(info)
	if err != nil {
		return opts, nil, err
	}
	tc, err := toolchain.ResolveToolchain(opts)
	return opts, tc, err
}

func (h *pythonHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	h.engineAddress = req.GetEngineAddress()
	h.mu.Unlock()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *pythonHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if req.GetAttachDebugger() {
		return &pulumirpc.RunResponse{Error: "this pulumi-language-python does not support attaching a debugger"}, nil
	}
	info := req.GetInfo()
	_, tc, err := toolchainOf(info)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	// A `virtualenv` that does not exist yet: the message says how to create it (`pulumi install`).
	if err := tc.ValidateVenv(ctx); err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	scratch, err := os.MkdirTemp("", "pulumi-language-python-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	runner := filepath.Join(scratch, "runner.py")
	if err := os.WriteFile(runner, runnerScript, 0o600); err != nil {
		return nil, err
	}

	args := append([]string{runner}, runnerArguments(req, h.engine(), h.tracing)...)
	configJSON, err := json.Marshal(nonNil(req.GetConfig()))
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize secret config keys: %w", err)
	}

	// Stop the program on the Cancel RPC or when the engine abandons the request.
	cmdCtx, cmdCancel := context.WithCancel(h.cancelCtx)
	defer cmdCancel()
	stop := context.AfterFunc(ctx, cmdCancel)
	defer stop()

	cmd, err := tc.Command(cmdCtx, args...)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env,
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON),
	)
	cmd.Dir = programDir(info, req.GetPwd())
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second
	logging.V(5).Infof("pulumi-language-python: running %s", strings.Join(cmd.Args, " "))

	if err := cmd.Run(); err != nil {
		// Python does not flush on an abnormal exit; neither would we without this.
		_ = os.Stdout.Sync()
		_ = os.Stderr.Sync()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			switch code := ee.ExitCode(); code {
			case exitErrorShown:
				return &pulumirpc.RunResponse{Bail: true}, nil
			case -1, 0:
				return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited unexpectedly: %v", ee)}, nil
			default:
				return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", code)}, nil
			}
		}
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("problem executing program (could not run the Python runner): %v", err),
		}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// runnerArguments are runner.py's arguments, as the upstream host passes them to its runner.
func runnerArguments(req *pulumirpc.RunRequest, engine, tracing string) []string {
	var args []string
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", engine)
	add("project", req.GetProject())
	add("root_directory", req.GetInfo().GetRootDirectory())
	add("stack", req.GetStack())
	add("pwd", req.GetPwd())
	add("dry_run", strconv.FormatBool(req.GetDryRun()))
	add("parallel", strconv.Itoa(int(req.GetParallel())))
	add("tracing", tracing)
	add("organization", req.GetOrganization())
	entryPoint := req.GetInfo().GetEntryPoint()
	if entryPoint == "" {
		entryPoint = "." // the program directory: its __main__.py
	}
	args = append(args, entryPoint)
	return append(args, req.GetArgs()...)
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// programDir returns the directory the program runs in: ProgramInfo's, else the fallback.
func programDir(info *pulumirpc.ProgramInfo, fallback string) string {
	if info.GetProgramDirectory() != "" {
		return info.GetProgramDirectory()
	}
	return fallback
}

func (h *pythonHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancelFunc()
	return &emptypb.Empty{}, nil
}

// InstallDependencies is `pulumi install` (and what `pulumi new` runs): with a `virtualenv` option,
// create it if needed; upgrade pip, setuptools and wheel; install requirements.txt.
func (h *pythonHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	_, tc, err := toolchainOf(req.GetInfo())
	if err != nil {
		return err
	}
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	fmt.Fprintf(stdout, "Installing dependencies...\n\n")
	if err := tc.InstallDependencies(server.Context(), programDir(req.GetInfo(), req.GetDirectory()), //nolint:staticcheck
		req.GetUseLanguageVersionTools(), true /* showOutput */, stdout, stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}

// pluginsScript prints, as JSON, every installed distribution that may need a resource plugin:
// [name, version, the content of its pulumi-plugin.json or null]. Our own script: one Python start
// for the whole environment.
const pluginsScript = `
import importlib.metadata, json, sys
found = []
for dist in importlib.metadata.distributions():
    name = dist.metadata["Name"] or ""
    plugin = None
    for f in dist.files or []:
        if f.name == "pulumi-plugin.json" and len(f.parts) == 2:
            try:
                plugin = json.loads(f.read_text())
            except Exception:
                pass
            break
    if plugin is not None or name.lower().replace("_", "-").startswith("pulumi-"):
        found.append([name, dist.version, plugin])
json.dump(found, sys.stdout)
`

// Packages known to need no plugin (they predate pulumi-plugin.json), as upstream.
var withoutPlugin = map[string]bool{"pulumi-policy": true, "pulumi-esc-sdk": true}

type pluginJSON struct {
	Resource bool   `json:"resource"`
	Name     string `json:"name"`
	Version  string `json:"version"`
	Server   string `json:"server"`
}

// GetRequiredPackages lists the resource plugins the program's Python environment needs: every
// installed package with a pulumi-plugin.json (`"resource": true`; its name, version and server), or
// named pulumi-<name> without one (plugin <name> at the package's version).
func (h *pythonHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	_, tc, err := toolchainOf(req.GetInfo())
	if err != nil {
		return nil, err
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return nil, err
	}
	cmd, err := tc.Command(ctx, "-c", pluginsScript)
	if err != nil {
		return nil, err
	}
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("listing the Python packages of the program: %w\n%s", err, ee.Stderr)
		}
		return nil, fmt.Errorf("listing the Python packages of the program: %w", err)
	}
	var installed [][3]json.RawMessage
	if err := json.Unmarshal(out, &installed); err != nil {
		return nil, fmt.Errorf("listing the Python packages of the program: %w", err)
	}
	resp := &pulumirpc.GetRequiredPackagesResponse{}
	for _, entry := range installed {
		var name, pkgVersion string
		var plugin *pluginJSON
		if json.Unmarshal(entry[0], &name) != nil || json.Unmarshal(entry[1], &pkgVersion) != nil ||
			json.Unmarshal(entry[2], &plugin) != nil {
			continue
		}
		dep := requiredPackage(name, pkgVersion, plugin)
		if dep != nil {
			resp.Packages = append(resp.Packages, dep)
		}
	}
	return resp, nil
}

// requiredPackage is the plugin one installed package needs, or nil.
func requiredPackage(name, pkgVersion string, plugin *pluginJSON) *pulumirpc.PackageDependency {
	normalized := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	if withoutPlugin[normalized] {
		return nil
	}
	dep := &pulumirpc.PackageDependency{Kind: "resource"}
	if plugin != nil {
		if !plugin.Resource {
			return nil
		}
		dep.Name, dep.Version, dep.Server = plugin.Name, plugin.Version, plugin.Server
	}
	if dep.Name == "" {
		dep.Name = strings.TrimPrefix(normalized, "pulumi-")
	}
	if dep.Version == "" {
		v, ok := semverOfPEP440(pkgVersion)
		if !ok {
			logging.V(5).Infof("pulumi-language-python: no plugin version for %s %s; skipped", name, pkgVersion)
			return nil
		}
		dep.Version = v
	}
	if !strings.HasPrefix(dep.Version, "v") {
		dep.Version = "v" + dep.Version
	}
	return dep
}

// pep440 is the subset of PEP 440 versions that map onto a plugin's semver.
var pep440 = regexp.MustCompile(`^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$`)

// semverOfPEP440 turns a package's PEP 440 version into its plugin's semver, as the upstream host
// does: 1.2 -> 1.2.0; 1.2.3a4, b4, rc4 -> 1.2.3-alpha.4, -beta.4, -rc.4; .postN and .devN as build
// metadata (1.2.3.post4.dev5 -> 1.2.3+post4dev5). Epochs and local versions have none.
func semverOfPEP440(v string) (string, bool) {
	m := pep440.FindStringSubmatch(v)
	if m == nil {
		return "", false
	}
	out := m[1]
	for _, part := range m[2:4] {
		if part == "" {
			part = "0"
		}
		out += "." + part
	}
	if m[4] != "" {
		out += "-" + map[string]string{"a": "alpha", "b": "beta", "rc": "rc"}[m[4]] + "." + m[5]
	}
	build := ""
	if m[6] != "" {
		build += "post" + m[6]
	}
	if m[7] != "" {
		build += "dev" + m[7]
	}
	if build != "" {
		out += "+" + build
	}
	return out, true
}

func (h *pythonHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *pythonHost) Template(context.Context, *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

func (h *pythonHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	opts, tc, err := toolchainOf(req.GetInfo())
	if err != nil {
		return nil, err
	}
	info, err := tc.About(ctx)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{
		Executable: info.PythonExecutable,
		Version:    info.PythonVersion.String(),
		Metadata: map[string]string{
			"toolchain":        toolchain.Name(opts.Toolchain),
			"toolchainVersion": info.ToolchainVersion.String(),
		},
	}, nil
}

func (h *pythonHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	_, tc, err := toolchainOf(req.GetInfo())
	if err != nil {
		return nil, err
	}
	pkgs, err := tc.ListPackages(ctx, req.GetTransitiveDependencies())
	if err != nil {
		return nil, fmt.Errorf("failed to get python dependencies: %w", err)
	}
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for _, p := range pkgs {
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: p.Name, Version: p.Version})
	}
	return resp, nil
}
