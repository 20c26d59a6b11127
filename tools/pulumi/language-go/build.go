package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/fsutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
)

// The program binary is built to a stable path, one per program directory, under the user's cache
// directory: there `go build` finds it up to date when nothing changed (it compares the build ID
// recorded in the binary with the one it would build) and skips the link, which is most of a warm
// build's time for a Pulumi program (tens of MB). Upstream builds to a new temporary file each run and
// relinks every time.
//
// Several runs of one program can overlap (two stacks of a project updated at once): the build of each
// holds a file lock on its cache entry, and each run executes a hard link of its own to the binary it
// built, so that a later build (which replaces the file) never touches a binary that is running.
const (
	cacheDirName = "pulumi-language-go"
	// An entry not used for this long, or whose program directory is gone, is removed.
	cacheEntryMaxAge = 14 * 24 * time.Hour
	// A run link left behind (the host was killed) is removed after this long.
	staleRunLinkAge = 24 * time.Hour
	sourceFile      = "program-directory"
)

var runLinks atomic.Int64

// builtProgram is a program binary ready to run; release removes this run's link to it.
type builtProgram struct {
	path    string
	release func()
}

// compileError is a failed `go build`: its report, verbatim.
type compileError struct {
	dir    string
	report string
}

func (e *compileError) Error() string {
	return fmt.Sprintf("go build failed for the program in %s:\n%s", e.dir, strings.TrimRight(e.report, "\n"))
}

// buildProgram builds the Go program in dir (module mode: the module of dir's go.mod, as `go build`
// finds it) with the machine's `go` and the environment's settings (GOFLAGS, GOPROXY, GOCACHE, ...).
// buildTarget, when set, is where to build it (runtime option, relative to dir); else the cache entry.
// What `go build` prints on success (module downloads) goes to progress; on failure it is the error.
func buildProgram(ctx context.Context, dir, buildTarget string, progress io.Writer) (*builtProgram, error) {
	gobin, err := findGo()
	if err != nil {
		return nil, err
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}

	var target, lockDir string
	if buildTarget != "" {
		target = buildTarget
		if !filepath.IsAbs(target) {
			target = filepath.Join(absDir, target)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return nil, fmt.Errorf("runtime option buildTarget: %w", err)
		}
		if lockDir, err = cacheEntry("target:" + target); err != nil {
			return nil, err
		}
	} else {
		if lockDir, err = cacheEntry(absDir); err != nil {
			return nil, err
		}
		target = filepath.Join(lockDir, binaryName(absDir))
		// Which program the entry is for, so that pruning can tell when it is gone.
		if err := os.WriteFile(filepath.Join(lockDir, sourceFile), []byte(absDir), 0o644); err != nil {
			return nil, err
		}
	}

	lock := fsutil.NewFileMutex(filepath.Join(lockDir, ".lock"))
	if err := lock.Lock(); err != nil {
		return nil, fmt.Errorf("locking %s: %w", lockDir, err)
	}
	defer func() { _ = lock.Unlock() }()

	started := time.Now()
	var report bytes.Buffer
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", target, ".")
	cmd.Dir = absDir
	cmd.Stdout, cmd.Stderr = &report, &report
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("go build of the program in %s was cancelled", absDir)
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, &compileError{dir: absDir, report: report.String()}
		}
		return nil, fmt.Errorf("could not run %s build: %w", gobin, err)
	}
	_, _ = progress.Write(report.Bytes())
	logging.V(5).Infof("pulumi-language-go: go build -o %s in %s: %v", target, absDir, time.Since(started))

	if st, err := os.Stat(target); err != nil || st.Mode()&0o111 == 0 {
		return nil, fmt.Errorf("go build in %s made no executable: a Pulumi Go program is a `package main` "+
			"whose func main calls pulumi.Run", absDir)
	}

	// This run's own name for the binary (a hard link: no copy), which the next build cannot replace.
	link := filepath.Join(lockDir, fmt.Sprintf(".run-%d-%d", os.Getpid(), runLinks.Add(1)))
	_ = os.Remove(link)
	if err := os.Link(target, link); err != nil {
		if err := copyFile(target, link); err != nil {
			return nil, fmt.Errorf("preparing the program binary to run: %w", err)
		}
	}
	now := time.Now()
	_ = os.Chtimes(lockDir, now, now)
	go pruneCache(filepath.Dir(lockDir), lockDir)
	return &builtProgram{path: link, release: func() { _ = os.Remove(link) }}, nil
}

// cacheEntry is the directory of the cache entry for key (a program directory), created if needed.
func cacheEntry(key string) (string, error) {
	root, err := os.UserCacheDir()
	if err != nil {
		root = os.TempDir()
	}
	sum := sha256.Sum256([]byte(key))
	dir := filepath.Join(root, cacheDirName, hex.EncodeToString(sum[:12]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating the Go build directory %s: %w", dir, err)
	}
	return dir, nil
}

// binaryName names the binary after its program directory, for `ps` and profilers.
func binaryName(dir string) string {
	name := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, filepath.Base(dir))
	if name == "" || name == "." || name == ".." {
		name = "program"
	}
	return "pulumi-go-" + name
}

// pruneCache removes the cache entries (other than keep) whose program directory is gone or that
// were not used for cacheEntryMaxAge, and run links left behind by killed hosts. Best effort.
func pruneCache(root, keep string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		if !e.IsDir() || dir == keep {
			continue
		}
		st, err := os.Stat(dir)
		if err != nil {
			continue
		}
		gone := false
		if src, err := os.ReadFile(filepath.Join(dir, sourceFile)); err == nil {
			if _, err := os.Stat(string(src)); errors.Is(err, os.ErrNotExist) {
				gone = true
			}
		}
		if gone || time.Since(st.ModTime()) > cacheEntryMaxAge {
			_ = os.RemoveAll(dir)
			continue
		}
		links, _ := filepath.Glob(filepath.Join(dir, ".run-*"))
		for _, l := range links {
			if st, err := os.Stat(l); err == nil && time.Since(st.ModTime()) > staleRunLinkAge {
				_ = os.Remove(l)
			}
		}
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
