package record

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"blockedforever/recorder/internal/convert"
	"blockedforever/recorder/internal/runtimelog"
)

// These tests record the programs the way npm run record does, into
// temporary folders, and check what a reader of the article is told.

const mib = 1 << 20

var (
	repoDir, _  = filepath.Abs("../../..")
	recorderDir = filepath.Join(repoDir, "recorder")
	scratch     string // recordings made by the tests
)

func TestMain(m *testing.M) {
	var err error
	if scratch, err = os.MkdirTemp("", "bf-record-test-*"); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(scratch)
	os.Exit(code)
}

type recording struct {
	dir    string
	meta   *Meta
	gcs    []runtimelog.GC
	scheds []runtimelog.Sched
	err    error
}

var (
	recordings sync.Map // "program goversion" -> *onceRecording
	toolchains sync.Map // go command -> *onceToolchain
)

type onceRecording struct {
	once sync.Once
	r    recording
}

type onceToolchain struct {
	once sync.Once
	tc   Toolchain
	err  error
}

func toolchainOf(goCmd string) (Toolchain, error) {
	v, _ := toolchains.LoadOrStore(goCmd, &onceToolchain{})
	o := v.(*onceToolchain)
	o.once.Do(func() {
		env := Toolchain{}.Environ()
		cmd := exec.Command(goCmd, "env", "GOVERSION")
		cmd.Env = env
		out, err := cmd.Output()
		o.tc, o.err = Toolchain{Go: goCmd, Version: strings.TrimSpace(string(out))}, err
	})
	return o.tc, o.err
}

// newGo is the go command under test (scripts/test-go.sh sets GOTOOLCHAIN).
func newGo(t *testing.T) Toolchain {
	tc, err := toolchainOf("go")
	if err != nil {
		t.Fatalf("go env GOVERSION: %v", err)
	}
	if !strings.HasPrefix(tc.Version, "go1.27") && !strings.HasPrefix(tc.Version, "go1.28") {
		t.Fatalf("the go command is %s; these tests need Go 1.27 (run bash scripts/test-go.sh, which sets GOTOOLCHAIN)", tc.Version)
	}
	return tc
}

// oldGo is Go 1.19, if installed.
func oldGo(t *testing.T) Toolchain {
	path := os.Getenv("BF_OLD_GO")
	if path == "" {
		path = "/usr/lib/go-1.19/bin/go"
	}
	if _, err := os.Stat(path); err != nil {
		// CI installs it (.ci/run): there, a missing old runtime must not pass quietly.
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Go 1.19 at %s (apt-get install golang-1.19-go, or set BF_OLD_GO)", path)
		}
		t.Skipf("no Go 1.19 at %s (apt-get install golang-1.19-go, or set BF_OLD_GO)", path)
	}
	tc, err := toolchainOf(path)
	if err != nil {
		t.Fatalf("%s env GOVERSION: %v", path, err)
	}
	return tc
}

func programNamed(t *testing.T, name string) Program {
	for _, p := range Programs {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no program %s", name)
	return Program{}
}

// record records a program once per test binary and shares the result.
func record(t *testing.T, name string, tc Toolchain) recording {
	t.Helper()
	v, _ := recordings.LoadOrStore(name+" "+tc.Version, &onceRecording{})
	o := v.(*onceRecording)
	o.once.Do(func() { o.r = doRecord(programNamed(t, name), tc) })
	if o.r.err != nil {
		t.Fatalf("recording %s with %s: %v", name, tc.Version, o.r.err)
	}
	return o.r
}

func doRecord(p Program, tc Toolchain) (r recording) {
	j := &Job{Program: p, Toolchain: tc, RepoDir: repoDir, RecorderDir: recorderDir, Timeout: time.Minute}
	defer j.Cleanup()
	ctx := context.Background()
	if r.err = j.Build(ctx); r.err != nil {
		return r
	}
	if r.dir, r.err = os.MkdirTemp(scratch, p.Name+"-*"); r.err != nil {
		return r
	}
	if r.meta, r.err = j.Run(ctx, r.dir); r.err != nil {
		return r
	}
	f, err := os.Open(filepath.Join(r.dir, "stderr.log"))
	if err != nil {
		r.err = err
		return r
	}
	defer f.Close()
	r.gcs, r.scheds, r.err = runtimelog.Parse(f)
	return r
}

// lastProgramGC is the last forced GC that the program itself asked for
// (not the probe's leak check).
func (r recording) lastProgramGC(t *testing.T) runtimelog.GC {
	t.Helper()
	for i := len(r.gcs) - 1; i >= 0; i-- {
		if g := r.gcs[i]; g.Forced && !g.LeakCheck && g.AtMs <= r.meta.AtExit.ProgramEndMs {
			return g
		}
	}
	t.Fatal("no forced GC in gctrace")
	return runtimelog.GC{}
}

// lastSched is the last scheduler snapshot taken while the program ran.
func (r recording) lastSched(t *testing.T) runtimelog.Sched {
	t.Helper()
	for i := len(r.scheds) - 1; i >= 0; i-- {
		if float64(r.scheds[i].Ms) < r.meta.AtExit.ProgramEndMs {
			return r.scheds[i]
		}
	}
	t.Fatal("no schedtrace block")
	return runtimelog.Sched{}
}

// leakedAtEnd counts the goroutines that the recording's last scheduler
// snapshot, printed after the probe's leak check, shows with status 10
// (_Gleaked), and says whether that snapshot came after the leak check.
func (r recording) leakedAtEnd(t *testing.T, reason string) (n int, afterCheck bool) {
	t.Helper()
	if len(r.scheds) == 0 {
		t.Fatal("no schedtrace block")
	}
	last := r.scheds[len(r.scheds)-1]
	for _, g := range r.gcs {
		if g.LeakCheck && g.AtMs < float64(last.Ms) {
			afterCheck = true
		}
	}
	for _, g := range last.Gs {
		if g.Status == 10 && g.Reason == reason {
			n++
		}
	}
	return n, afterCheck
}

// programWaiting counts the goroutines in the last scheduler snapshot that
// wait with the reason and are not the recording harness's.
func (r recording) programWaiting(t *testing.T, reason string) (n int) {
	t.Helper()
	harness := map[int]bool{}
	for _, g := range r.meta.Probe.Goroutines {
		harness[int(g.ID)] = true
	}
	for _, g := range r.lastSched(t).Gs {
		if g.Status == 4 && g.Reason == reason && !harness[g.ID] {
			n++
		}
	}
	return n
}

func (r recording) transitions(t *testing.T) []convert.Transition {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, "transitions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []convert.Transition
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var tr convert.Transition
		if err := json.Unmarshal(line, &tr); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		out = append(out, tr)
	}
	return out
}

// collectors returns, for each goroutine that ran the program's collect,
// its last transition.
func (r recording) collectors(t *testing.T) map[int64]convert.Transition {
	t.Helper()
	isCollector := map[int64]bool{}
	last := map[int64]convert.Transition{}
	for _, tr := range r.transitions(t) {
		if tr.Frame != nil && tr.Frame.Func == "main.collect" {
			isCollector[tr.G] = true
		}
		last[tr.G] = tr
	}
	out := map[int64]convert.Transition{}
	for g := range isCollector {
		out[g] = last[g]
	}
	return out
}
