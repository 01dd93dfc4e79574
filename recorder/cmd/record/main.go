// Command record records the article's programs into traces/.
//
// Each program runs with the new Go (Go 1.27 or later); tick also runs with
// an old Go (before 1.23) to show the time.Tick leak. Every recording goes
// to traces/<program>/<go-version>/ (see package record for its files).
// Builds run two at a time, runs three at a time (the programs mostly
// sleep). Recordings are written to traces/.tmp/ and moved into place only
// when every one of them has succeeded. npm run record runs this through
// scripts/record.sh, which checks the toolchains first.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"blockedforever/recorder/internal/build"
	"blockedforever/recorder/internal/live"
	"blockedforever/recorder/internal/record"
)

// liveName is the live program's name for -only and its folder in traces/.
const liveName = "live"

func main() {
	var (
		repo      = flag.String("repo", "..", "repository root")
		newGo     = flag.String("go", "go", "go command for the new Go")
		newEnv    = flag.String("go-env", "", "extra environment for -go, comma-separated (e.g. GOTOOLCHAIN=go1.27.3)")
		oldGo     = flag.String("old-go", "", "go command for the old Go (before 1.23), for the tick contrast")
		only      = flag.String("only", "", "record only these programs (comma-separated)")
		jobs      = flag.Int("j", 3, "programs run at the same time")
		keepTrace = flag.Bool("keep-trace", false, "keep the raw execution traces (trace.out)")
		minNew    = flag.String("min-go", "go1.27", "oldest acceptable new Go")
	)
	flag.Parse()
	if err := run(*repo, *newGo, *newEnv, *oldGo, *only, *jobs, *keepTrace, *minNew); err != nil {
		fmt.Fprintln(os.Stderr, "record:", err)
		os.Exit(1)
	}
}

func run(repo, newGo, newEnv, oldGo, only string, jobs int, keepTrace bool, minNew string) error {
	start := time.Now()
	repoDir, err := filepath.Abs(repo)
	if err != nil {
		return err
	}
	recorderDir := filepath.Join(repoDir, "recorder")
	tracesDir := filepath.Join(repoDir, "traces")

	var env []string
	if newEnv != "" {
		env = strings.Split(newEnv, ",")
	}
	newTC, err := toolchain(newGo, env)
	if err != nil {
		return err
	}
	if versionLess(newTC.Version, minNew) {
		return fmt.Errorf("%s is %s; the recordings need %s or newer (the goroutine leak profile, the 1.26 goroutine metrics). "+
			"Set GOTOOLCHAIN=go1.27.3, or run npm run record, which does", newGo, newTC.Version, minNew)
	}

	var list []*record.Job
	want := map[string]bool{}
	for _, n := range strings.Split(only, ",") {
		if n != "" {
			want[n] = true
		}
	}
	known := map[string]bool{liveName: true}
	for _, p := range record.Programs {
		known[p.Name] = true
		if len(want) > 0 && !want[p.Name] {
			continue
		}
		list = append(list, &record.Job{Program: p, Toolchain: newTC})
		if p.Name != "tick" {
			continue
		}
		if oldGo == "" {
			return fmt.Errorf("tick needs an old Go for its contrast: pass -old-go (Debian: apt-get install golang-1.19-go, then /usr/lib/go-1.19/bin/go)")
		}
		oldTC, err := toolchain(oldGo, nil)
		if err != nil {
			return err
		}
		if !versionLess(oldTC.Version, "go1.23") {
			return fmt.Errorf("%s is %s; the tick contrast needs a Go older than 1.23", oldGo, oldTC.Version)
		}
		list = append(list, &record.Job{Program: p, Toolchain: oldTC})
	}
	for n := range want {
		if !known[n] {
			return fmt.Errorf("no program named %q", n)
		}
	}
	for _, j := range list {
		j.RepoDir, j.RecorderDir, j.Timeout, j.KeepTrace = repoDir, recorderDir, time.Minute, keepTrace
		defer j.Cleanup()
	}
	fmt.Printf("record: %s and %s (%s)\n", newTC.Version, oldVersion(list, newTC.Version), time.Now().Format(time.RFC3339))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// Builds: two at a time, one per toolchain first so that each compiles
	// the standard library once before the others share its cache.
	t := time.Now()
	if err := each(ctx, cancel, buildOrder(list), 2, func(j *record.Job) error { return j.Build(ctx) }, "build"); err != nil {
		return err
	}
	fmt.Printf("record: built %d programs in %.1f s\n", len(list), time.Since(t).Seconds())

	tmp := filepath.Join(tracesDir, ".tmp")
	os.RemoveAll(tmp) // leftovers of an interrupted run
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	outs := map[*record.Job]string{}
	for _, j := range list {
		out, err := os.MkdirTemp(tmp, j.Program.Name+"-"+j.Toolchain.Version+"-*")
		if err != nil {
			return err
		}
		outs[j] = out
	}
	t = time.Now()
	var mu sync.Mutex
	var started int
	err = each(ctx, cancel, list, jobs, func(j *record.Job) error {
		// Start programs 400 ms apart: a process that starts while another
		// one starts gets its runtime going later, and the work of
		// concurrent programs spreads out over their sleeps.
		mu.Lock()
		wait := time.Until(t.Add(time.Duration(started) * 400 * time.Millisecond))
		started++
		mu.Unlock()
		time.Sleep(wait)
		m, err := j.Run(ctx, outs[j])
		if err == nil {
			mu.Lock()
			fmt.Printf("record: %-26s ran %.1f s, %s\n", j.Name(), m.DurationMs/1000, size(outs[j]))
			mu.Unlock()
		}
		return err
	}, "run")
	if err != nil {
		return err
	}
	fmt.Printf("record: ran %d programs in %.1f s\n", len(list), time.Since(t).Seconds())

	// The live program is not recorded: it is built for the browser, where
	// the reader runs it (recorder/internal/live).
	var liveOut string
	if len(want) == 0 || want[liveName] {
		t = time.Now()
		if liveOut, err = os.MkdirTemp(tmp, "live-*"); err != nil {
			return err
		}
		tc := live.Toolchain{Go: newTC.Go, Env: newTC.Environ(), Shown: newTC.Env, Version: newTC.Version}
		m, err := live.Write(ctx, tc, repoDir, liveOut)
		if err != nil {
			return fmt.Errorf("building the live module: %v", err)
		}
		fmt.Printf("record: built %s for js/wasm in %.1f s: %d bytes, %d gzip-compressed\n",
			live.SourcePath, time.Since(t).Seconds(), m.Wasm.Bytes, m.Wasm.GzipBytes)
	}

	for _, j := range list {
		dst := filepath.Join(tracesDir, j.Program.Name, j.Toolchain.Version)
		if err := record.Replace(outs[j], dst); err != nil {
			return fmt.Errorf("%s: %v", j.Name(), err)
		}
	}
	if liveOut != "" {
		if err := record.Replace(liveOut, filepath.Join(tracesDir, liveName, newTC.Version)); err != nil {
			return fmt.Errorf("live: %v", err)
		}
	}
	fmt.Printf("record: wrote %d recordings to %s in %.1f s\n", len(list), tracesDir, time.Since(start).Seconds())
	return nil
}

// each runs f for every job, n at a time, and stops at the first error,
// naming the job.
func each(ctx context.Context, cancel func(), list []*record.Job, n int, f func(*record.Job) error, what string) error {
	sem := make(chan struct{}, n)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for _, j := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			if err := f(j); err != nil {
				once.Do(func() {
					first = fmt.Errorf("%s of %s failed: %v", what, j.Name(), err)
					cancel()
				})
			}
		}()
	}
	wg.Wait()
	return first
}

// buildOrder puts one job of each toolchain first.
func buildOrder(list []*record.Job) []*record.Job {
	var first, rest []*record.Job
	seen := map[string]bool{}
	for _, j := range list {
		if seen[j.Toolchain.Version] {
			rest = append(rest, j)
		} else {
			seen[j.Toolchain.Version] = true
			first = append(first, j)
		}
	}
	return append(first, rest...)
}

func toolchain(goCmd string, env []string) (record.Toolchain, error) {
	version, err := build.GoEnv(context.Background(), goCmd, record.Toolchain{Env: env}.Environ(), "GOVERSION")
	if err != nil {
		return record.Toolchain{}, fmt.Errorf("cannot run %s env GOVERSION (%v): is that Go installed?", goCmd, err)
	}
	return record.Toolchain{Go: goCmd, Env: env, Version: version}, nil
}

// versionLess compares Go versions like go1.19.8 and go1.27 by major and
// minor number.
func versionLess(a, b string) bool {
	pa, pb := parse(a), parse(b)
	return pa[0] < pb[0] || pa[0] == pb[0] && pa[1] < pb[1]
}

func parse(v string) [2]int {
	var out [2]int
	parts := strings.SplitN(strings.TrimPrefix(v, "go"), ".", 3)
	for i := 0; i < 2 && i < len(parts); i++ {
		digits := strings.TrimRightFunc(parts[i], func(r rune) bool { return r < '0' || r > '9' })
		out[i], _ = strconv.Atoi(digits)
	}
	return out
}

func oldVersion(list []*record.Job, newV string) string {
	for _, j := range list {
		if j.Toolchain.Version != newV {
			return j.Toolchain.Version
		}
	}
	return "no old Go"
}

func size(dir string) string {
	var total int64
	var parts []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			total += info.Size()
			parts = append(parts, fmt.Sprintf("%s %.0f KB", e.Name(), float64(info.Size())/1024))
		}
	}
	return fmt.Sprintf("%.0f KB (%s)", float64(total)/1024, strings.Join(parts, ", "))
}
