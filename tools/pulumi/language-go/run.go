package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Exit code with which the Go SDK's pulumi.Run says "the error was already sent to the engine"
// (github.com/pulumi/pulumi/sdk/v3/go/common/constant.ExitStatusLoggedError).
const exitStatusLoggedError = 32

// goOptions are the `runtime.options` of Pulumi.yaml that the Go host reads (the upstream host's).
type goOptions struct {
	// binary: run this pre-built executable instead of building the program.
	binary string
	// buildTarget: build the program to this path (relative to the program directory) and keep it.
	buildTarget string
}

func parseOptions(options map[string]any) (goOptions, error) {
	var opts goOptions
	str := func(name string) (string, error) {
		v, ok := options[name]
		if !ok {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("runtime option %s must be a string, got %v", name, v)
		}
		return s, nil
	}
	var err error
	if opts.binary, err = str("binary"); err != nil {
		return opts, err
	}
	if opts.buildTarget, err = str("buildTarget"); err != nil {
		return opts, err
	}
	if opts.binary != "" && opts.buildTarget != "" {
		return opts, errors.New("runtime options binary and buildTarget cannot both be set: binary runs a program " +
			"built beforehand, buildTarget says where to build it")
	}
	return opts, nil
}

// The variables through which the Go SDK (pulumi.Run) learns about its run.
var programVariables = []string{
	"PULUMI_MONITOR", "PULUMI_ENGINE", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_ORGANIZATION",
	"PULUMI_ROOT_DIRECTORY", "PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_DRY_RUN",
	"PULUMI_PARALLEL",
}

// programEnv is the program's environment: the host's (the CLI's), less any stray run variables, plus
// this run's. Config goes as the engine sends it, a JSON object keyed `<namespace>:<name>` (what
// config.Get reads), with the secret ones' keys in PULUMI_CONFIG_SECRET_KEYS.
func programEnv(base []string, req *pulumirpc.RunRequest, engineAddress string) ([]string, error) {
	env := make([]string, 0, len(base)+len(programVariables))
	for _, kv := range base {
		name, _, _ := strings.Cut(kv, "=")
		stray := false
		for _, v := range programVariables {
			if name == v {
				stray = true
				break
			}
		}
		if !stray {
			env = append(env, kv)
		}
	}
	cfg := req.GetConfig()
	if cfg == nil {
		cfg = map[string]string{}
	}
	configJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize the configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize the secret config keys: %w", err)
	}
	add := func(name, value string) {
		if value != "" {
			env = append(env, name+"="+value)
		}
	}
	add("PULUMI_MONITOR", req.GetMonitorAddress())
	add("PULUMI_ENGINE", engineAddress)
	add("PULUMI_PROJECT", req.GetProject())
	add("PULUMI_STACK", req.GetStack())
	add("PULUMI_ORGANIZATION", req.GetOrganization())
	add("PULUMI_ROOT_DIRECTORY", req.GetInfo().GetRootDirectory())
	add("PULUMI_CONFIG", string(configJSON))
	add("PULUMI_CONFIG_SECRET_KEYS", string(secretKeysJSON))
	add("PULUMI_DRY_RUN", strconv.FormatBool(req.GetDryRun()))
	add("PULUMI_PARALLEL", strconv.Itoa(int(req.GetParallel())))
	return env, nil
}

// findGo finds the machine's `go`.
func findGo() (string, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("could not find `go` on PATH: a Go Pulumi program is built with the Go toolchain " +
			"(https://go.dev/dl/), or give a program built beforehand with the runtime option `binary` in Pulumi.yaml")
	}
	return gobin, nil
}

// findBinary resolves the runtime option `binary` as upstream does: a path (absolute, or relative to the
// program directory), else a name looked for in the program directory, each $GOPATH/bin, then PATH.
func findBinary(binary, dir string) (string, error) {
	executable := func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
	}
	if filepath.IsAbs(binary) {
		if executable(binary) {
			return binary, nil
		}
		return "", fmt.Errorf("runtime option binary: %s is not an executable file", binary)
	}
	candidates := []string{filepath.Join(dir, binary)}
	if !strings.ContainsRune(binary, filepath.Separator) && !strings.ContainsRune(binary, '/') {
		for _, p := range filepath.SplitList(os.Getenv("GOPATH")) {
			if p != "" {
				candidates = append(candidates, filepath.Join(p, "bin", binary))
			}
		}
	}
	for _, c := range candidates {
		if executable(c) {
			return c, nil
		}
	}
	if !strings.ContainsRune(binary, filepath.Separator) && !strings.ContainsRune(binary, '/') {
		if p, err := exec.LookPath(binary); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("runtime option binary: found no executable %q in %s, $GOPATH/bin or on PATH "+
		"(build it first, e.g. `go build -o %s`)", binary, dir, binary)
}

// runProgram runs the program binary and maps how it ended to the engine's terms: exit 0 is success,
// exit 32 means the program already reported its error through the engine (bail), anything else fails
// the update with the exit code (what it printed has gone to the user already).
func runProgram(ctx context.Context, bin, pwd string, env []string) *pulumirpc.RunResponse {
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir = pwd
	cmd.Env = env
	// Wrap our stdio so the program gets pipes, not our own file descriptors, as the Node.js host does.
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}
	// On cancellation, interrupt first: the Go SDK then lets the engine finish what it started.
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second

	err := cmd.Run()
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run the program %s: %v", bin, err)}
	}
	switch code := ee.ExitCode(); code {
	case exitStatusLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	case -1:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited unexpectedly: %v", ee)}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("program exited with non-zero exit code: %d", code)}
	}
}
