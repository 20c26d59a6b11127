// Command pulumi-language-go is the Go language host for the Pulumi engine: it builds a Go program
// with the machine's `go` (module mode, the program's own go.mod) and runs it.
//
// It exists because the upstream host (Go module github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3)
// is not served by the Go module proxy, so it cannot be built offline. It is written against the
// protocol of github.com/pulumi/pulumi/sdk/v3 (the same version as the CLI it ships with) and gives a
// program what the upstream host gives it, so that the same program runs unchanged under an official
// Pulumi install: the run's settings in the environment variables the Go SDK reads (PULUMI_MONITOR,
// PULUMI_ENGINE, PULUMI_PROJECT, PULUMI_STACK, PULUMI_ORGANIZATION, PULUMI_ROOT_DIRECTORY,
// PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS, PULUMI_DRY_RUN, PULUMI_PARALLEL), the runtime options
// `binary` and `buildTarget` of Pulumi.yaml, exit code 32 as "the program already reported its error".
//
// Where it differs from upstream, on purpose (see ../README.md):
//   - the program is built into a stable path in the user's cache directory (one per program
//     directory) instead of a new temporary file every run, so that `go build` can find it up to date
//     and skip the link: a no-change preview does not relink a 40 MB binary;
//   - a compile error fails the run with one message that holds the compiler's report verbatim,
//     instead of the report on stderr followed by "unable to run `go build`: exit status 1".
//
// Not implemented (the engine gets codes.Unimplemented): RunPlugin (Go component providers and policy
// packs), code generation (GenerateProject/Program/Package: `pulumi convert`, `pulumi package gen-sdk`),
// Pack, Link, attaching a debugger.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-chime-sdk/tools/pulumi/hostmain"
)

func main() {
	// Flags older engines passed; accepted and ignored (the runtime options in Pulumi.yaml replace them).
	_ = flag.String("binary", "", "ignored (use runtime option `binary` in Pulumi.yaml)")
	_ = flag.String("buildTarget", "", "ignored (use runtime option `buildTarget` in Pulumi.yaml)")
	_ = flag.String("root", "", "ignored")
	hostmain.Run("pulumi-language-go", func(engineAddress, _ string) pulumirpc.LanguageRuntimeServer {
		return newHost(engineAddress)
	})
}

type goHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string

	// cancelled by the Cancel RPC; running programs are interrupted.
	cancelCtx  context.Context
	cancelFunc context.CancelFunc
}

func newHost(engineAddress string) *goHost {
	ctx, cancel := context.WithCancel(context.Background())
	return &goHost{engineAddress: engineAddress, cancelCtx: ctx, cancelFunc: cancel}
}

func (h *goHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// programDir returns the directory of the program: ProgramInfo's, else the deprecated fields.
func programDir(info *pulumirpc.ProgramInfo, fallback string) string {
	if info != nil && info.GetProgramDirectory() != "" {
		return info.GetProgramDirectory()
	}
	return fallback
}

func (h *goHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.GetEngineAddress() == "" {
		return nil, errors.New("the handshake must name the engine's address")
	}
	h.mu.Lock()
	h.engineAddress = req.GetEngineAddress()
	h.mu.Unlock()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *goHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *goHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if req.GetAttachDebugger() {
		return &pulumirpc.RunResponse{Error: "this pulumi-language-go does not support attaching a debugger"}, nil
	}
	engine := h.engine()
	if engine == "" {
		return nil, errors.New("the engine's address is unknown: it is given on the command line or by Handshake")
	}
	info := req.GetInfo()
	dir := programDir(info, req.GetPwd())
	// What stops the program from starting (a bad option, no binary, a compile error) is returned as the
	// call's error, as upstream: the engine prints it as is. What the program does once started is the
	// RunResponse's.
	opts, err := parseOptions(info.GetOptions().AsMap())
	if err != nil {
		return nil, err
	}
	env, err := programEnv(os.Environ(), req, engine)
	if err != nil {
		return nil, err
	}

	// Stop the build or the program on the Cancel RPC or when the engine abandons the request.
	runCtx, runCancel := context.WithCancel(h.cancelCtx)
	defer runCancel()
	stop := context.AfterFunc(ctx, runCancel)
	defer stop()

	var bin string
	if opts.binary != "" {
		if bin, err = findBinary(opts.binary, dir); err != nil {
			return nil, err
		}
	} else {
		built, err := buildProgram(runCtx, dir, opts.buildTarget, os.Stderr)
		if err != nil {
			// A compile error: one message, the compiler's report in it verbatim.
			return nil, err
		}
		defer built.release()
		bin = built.path
	}

	pwd := req.GetPwd()
	if pwd == "" {
		pwd = dir
	}
	return runProgram(runCtx, bin, pwd, env), nil
}

func (h *goHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancelFunc()
	return &emptypb.Empty{}, nil
}

func (h *goHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{
		Packages: requiredPackages(ctx, programDir(req.GetInfo(), "")),
	}, nil
}

func (h *goHost) GetRequiredPlugins( //nolint:staticcheck // still part of the protocol
	ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest, //nolint:staticcheck
) (*pulumirpc.GetRequiredPluginsResponse, error) { //nolint:staticcheck
	var plugins []*pulumirpc.PluginDependency
	for _, p := range requiredPackages(ctx, programDir(req.GetInfo(), req.GetProgram())) { //nolint:staticcheck
		plugins = append(plugins, &pulumirpc.PluginDependency{
			Name: p.GetName(), Kind: p.GetKind(), Version: p.GetVersion(), Server: p.GetServer(),
		})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil //nolint:staticcheck
}

// InstallDependencies is `pulumi install` (and `pulumi new`): `go mod tidy` in the program's module,
// which downloads what go.mod needs and completes go.sum, as upstream.
func (h *goHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()

	gobin, err := findGo()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Installing dependencies...\n\n")
	cmd := exec.CommandContext(server.Context(), gobin, "mod", "tidy")
	cmd.Dir = programDir(req.GetInfo(), req.GetDirectory()) //nolint:staticcheck
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("`go mod tidy` failed to install dependencies: %w", err)
	}
	fmt.Fprintf(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}

func (h *goHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *goHost) Template(context.Context, *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

func (h *goHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	gobin, err := findGo()
	if err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, gobin, "version").Output()
	if err != nil {
		return nil, fmt.Errorf("`%s version` failed: %w", gobin, err)
	}
	return &pulumirpc.AboutResponse{Executable: gobin, Version: strings.TrimSpace(string(out))}, nil
}

func (h *goHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	deps, err := programDependencies(ctx, programDir(req.GetInfo(), req.GetProgram()), //nolint:staticcheck
		req.GetTransitiveDependencies())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}
