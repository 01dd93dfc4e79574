// Package record builds a program with the probe, runs it under GODEBUG,
// and turns what it leaves behind into a recording folder:
//
//	stderr.log         the program's stderr, byte for byte
//	stdout.log         its stdout, only if it wrote any
//	metrics.jsonl      runtime/metrics samples (written by the probe)
//	transitions.jsonl  goroutine state transitions from the execution trace
//	leak-profile.txt   the goroutine leak profile, when the runtime has one
//	meta.json          how, where and when; see Meta
package record

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"blockedforever/recorder/internal/build"
	"blockedforever/recorder/internal/convert"
	"blockedforever/recorder/internal/metafile"
	"blockedforever/recorder/internal/runtimelog"
	"blockedforever/recorder/probe"
)

// GODEBUG is the setting every program runs under. schedtrace=100 prints a
// scheduler snapshot every 100 ms: about 70 over a 7 s run, enough to see
// the collectors go from running to waiting and, in the fixes, vanish at
// 2-2.5 s, while stderr stays in the 100-300 KB range. (10 ms would make it
// ten times bigger; the 1000 ms of the source chapter gives 7 snapshots.)
const GODEBUG = "gctrace=1,schedtrace=100,scheddetail=1"

// CoalesceNs is the converter's yield-coalescing threshold (1 ms), see
// convert.Options.CoalesceNs.
const CoalesceNs = int64(time.Millisecond)

// GOMAXPROCS is fixed so that a recording looks the same on any machine
// (scheddetail prints one line per P).
const GOMAXPROCS = 2

// Program is one of the article's programs.
type Program struct {
	Name string
	// ModuleDir is the program's module root relative to the recorder
	// module ("." or "programs/tick"), Package its package relative to that.
	ModuleDir, Package string
	// OwnModule programs are built with a copy of their go.mod whose go line
	// is the language version of the Go that records them.
	OwnModule bool
}

// Programs are the article's programs.
var Programs = []Program{
	{Name: "leak", ModuleDir: ".", Package: "./programs/leak"},
	{Name: "fix-timeout", ModuleDir: ".", Package: "./programs/fix-timeout"},
	{Name: "fix-close", ModuleDir: ".", Package: "./programs/fix-close"},
	{Name: "fix-context", ModuleDir: ".", Package: "./programs/fix-context"},
	{Name: "tick", ModuleDir: "programs/tick", Package: ".", OwnModule: true},
}

// Toolchain is a go command and the version it reports.
type Toolchain struct {
	Go      string   // path or name of the go command
	Env     []string // extra environment, e.g. GOTOOLCHAIN=go1.27.3
	Version string   // "go1.27.3"
}

// Lang returns the language version of the toolchain: "go1.27.3" -> "1.27".
func (t Toolchain) Lang() string {
	v := strings.TrimPrefix(t.Version, "go")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + strings.TrimRightFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' })
}

// Environ is the environment of the go command. GOROOT goes: go run sets it
// for the recorder, and it would send another Go to the wrong library.
func (t Toolchain) Environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOROOT=") {
			env = append(env, kv)
		}
	}
	return append(env, t.Env...)
}

// Job is one recording: a program and the Go it runs on.
type Job struct {
	Program   Program
	Toolchain Toolchain
	// RepoDir is the repository root, RecorderDir the recorder module.
	RepoDir, RecorderDir string
	// Timeout bounds the program's run.
	Timeout time.Duration
	// KeepTrace keeps the raw execution trace as trace.out.
	KeepTrace bool

	work       string // build folder
	binary     string
	build      *build.Result
	goLine     string // the go line the build used
	fileGoLine string // the go line of the go.mod file
	goMod      string
}

// Name says which recording this is, as messages should.
func (j *Job) Name() string { return j.Program.Name + " (" + j.Toolchain.Version + ")" }

// Build compiles the program with the probe into a temporary folder.
func (j *Job) Build(ctx context.Context) error {
	var err error
	if j.work, err = os.MkdirTemp("", "bf-build-*"); err != nil {
		return err
	}
	modDir := filepath.Join(j.RecorderDir, j.Program.ModuleDir)
	j.goMod = filepath.Join(modDir, "go.mod")
	gomod, err := os.ReadFile(j.goMod)
	if err != nil {
		return err
	}
	if j.goLine, err = build.GoLine(gomod); err != nil {
		return fmt.Errorf("%s: %v", j.goMod, err)
	}
	j.fileGoLine = j.goLine
	spec := build.Spec{
		Go: j.Toolchain.Go, Env: j.Toolchain.Environ(),
		ModuleDir: modDir, Package: j.Program.Package, WorkDir: j.work,
	}
	if j.Program.OwnModule {
		spec.GoLine = j.Toolchain.Lang()
		spec.ProbeDir = filepath.Join(j.RecorderDir, "probe")
		j.goLine = spec.GoLine
	}
	j.build, err = build.Build(ctx, spec)
	if err != nil {
		return err
	}
	j.binary = j.build.Binary
	return nil
}

// Cleanup removes the build folder.
func (j *Job) Cleanup() {
	if j.work != "" {
		os.RemoveAll(j.work)
	}
}

// Run runs the built program and writes the recording into out, which must
// exist and be empty.
func (j *Job) Run(ctx context.Context, out string) (*Meta, error) {
	ctx, cancel := context.WithTimeout(ctx, j.Timeout)
	defer cancel()
	stdout, err := os.Create(filepath.Join(out, "stdout.log"))
	if err != nil {
		return nil, err
	}
	defer stdout.Close()
	stderr, err := os.Create(filepath.Join(out, "stderr.log"))
	if err != nil {
		return nil, err
	}
	defer stderr.Close()
	runEnv := []string{"GODEBUG=" + GODEBUG, fmt.Sprintf("GOMAXPROCS=%d", GOMAXPROCS)}
	cmd := exec.CommandContext(ctx, j.binary)
	cmd.Dir = out
	cmd.Env = append(cleanEnv(os.Environ()), append(runEnv, probe.DirEnv+"="+out)...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	started := time.Now()
	err = cmd.Run()
	elapsed := time.Since(started)
	if ctx.Err() == context.DeadlineExceeded {
		return nil, fmt.Errorf("still running after %v, killed", j.Timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("%v; stderr ends with:\n%s", err, tail(filepath.Join(out, "stderr.log"), 15))
	}

	var sum probe.Summary
	if err := metafile.Read(filepath.Join(out, "probe.json"), &sum); err != nil {
		return nil, fmt.Errorf("the probe left no summary: %v", err)
	}
	tr, err := j.readTrace(out, sum)
	if err != nil {
		return nil, fmt.Errorf("reading the execution trace: %v", err)
	}
	f, err := os.Open(filepath.Join(out, "stderr.log"))
	if err != nil {
		return nil, err
	}
	gcs, _, err := runtimelog.Parse(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	align, alignErr := Align(tr.GCStartsMs, gcs)
	w, err := os.Create(filepath.Join(out, "transitions.jsonl"))
	if err != nil {
		return nil, err
	}
	err = tr.Write(w, align.OffsetMs)
	if err2 := w.Close(); err == nil {
		err = err2
	}
	if err != nil {
		return nil, err
	}
	if err := ShiftMetrics(filepath.Join(out, "probe-metrics.jsonl"), filepath.Join(out, "metrics.jsonl"), align.OffsetMs); err != nil {
		return nil, err
	}
	meta, err := j.meta(started, elapsed, runEnv, sum, &tr.Result, align, alignErr)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"probe.json", "probe-metrics.jsonl", "stdout.log"} {
		p := filepath.Join(out, name)
		if st, err := os.Stat(p); err == nil && (name != "stdout.log" || st.Size() == 0) {
			os.Remove(p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "stdout.log")); err == nil {
		meta.Files["stdout.log"] = "the program's standard output, as written"
	}
	if _, err := os.Stat(filepath.Join(out, "leak-profile.txt")); err == nil {
		meta.Files["leak-profile.txt"] = `pprof.Lookup("goroutineleak").WriteTo(w, 1), taken by the probe after the program returned`
	}
	if j.KeepTrace {
		meta.Files["trace.out"] = "the raw execution trace (runtime/trace)"
	}
	return meta, metafile.Write(filepath.Join(out, "meta.json"), meta)
}

func (j *Job) readTrace(out string, sum probe.Summary) (*convert.Trace, error) {
	tracePath := filepath.Join(out, "trace.out")
	in, err := os.Open(tracePath)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	tr, err := convert.Read(in, convert.Options{
		Anchors:       sum.Anchors,
		ClockCategory: probe.ClockCategory, GoroutineCategory: probe.GoroutineCategory,
		ProgramMain: build.ProgramMain, SkipFile: build.GeneratedFile,
		CoalesceNs: CoalesceNs,
	})
	if err != nil {
		return nil, err
	}
	if !j.KeepTrace {
		in.Close()
		err = os.Remove(tracePath)
	}
	return tr, err
}

// cleanEnv drops settings that would change what the runtime does.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GODEBUG", "GOGC", "GOMEMLIMIT", "GOMAXPROCS", "GOTRACEBACK", probe.DirEnv:
			continue
		}
		out = append(out, kv)
	}
	return out
}

// tail returns the last n lines of a log that are not scheddetail lines.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	var keep []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "SCHED ") || strings.HasPrefix(l, "  ") {
			continue
		}
		keep = append(keep, l)
	}
	if len(keep) > n {
		keep = keep[len(keep)-n:]
	}
	return strings.Join(keep, "\n")
}
