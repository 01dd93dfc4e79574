package record

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"blockedforever/recorder/internal/metafile"
	"blockedforever/recorder/probe"
)

// These tests check, on recordings made by recording_harness_test.go, what a
// reader of the article is told.

func TestLeakLeavesFiveCollectorsBlockedOnReceiveWithTheirHeap(t *testing.T) {
	t.Parallel()
	r := record(t, "leak", newGo(t))
	if got := r.programWaiting(t, "chan receive"); got != 5 {
		t.Errorf("last scheddetail block has %d program goroutines in status 4 (chan receive), want 5", got)
	}
	if gc := r.lastProgramGC(t); gc.LiveMB < 50 {
		t.Errorf("last forced GC (gc %d) left %d MB live, want at least 50", gc.N, gc.LiveMB)
	}
	if r.meta.AtExit.LeakCount == nil || *r.meta.AtExit.LeakCount != 5 {
		t.Errorf("leak profile count %v, want 5", r.meta.AtExit.LeakCount)
	}
	// The probe stays alive after the leak check, so scheddetail shows what
	// the runtime did: the five collectors are now status 10, _Gleaked.
	if n, after := r.leakedAtEnd(t, "chan receive"); n != 5 || !after {
		t.Errorf("last scheddetail block: %d goroutines at status=10(chan receive), after the leak check: %v; want 5, true", n, after)
	}
	if live := r.meta.AtExit.HeapLiveAfterBytes; live == nil || *live < 50*mib {
		t.Errorf("live heap after the leak check %v, want at least 50 MiB", live)
	}
	prof, _ := os.ReadFile(filepath.Join(r.dir, "leak-profile.txt"))
	if !bytes.HasPrefix(prof, []byte("goroutineleak profile: total 5\n")) || !bytes.Contains(prof, []byte("main.collect")) {
		t.Errorf("leak-profile.txt:\n%s", prof)
	}
	if d := r.meta.AtExit.NumGoroutineAfter - r.meta.AtExit.NumGoroutineBefore; d != 5 {
		t.Errorf("the program left %d goroutines behind, want 5", d)
	}
	cs := r.collectors(t)
	if len(cs) != 5 {
		t.Fatalf("%d collector goroutines in the trace, want 5", len(cs))
	}
	for g, tr := range cs {
		if tr.To != "Waiting" || tr.Reason != "chan receive" || tr.Frame == nil || tr.Frame.File != "main.go" {
			t.Errorf("collector G%d ends with %+v, want Waiting on chan receive in main.go", g, tr)
		}
	}
}

func TestFixesLeaveNoCollectorAndNoHeapBehind(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"fix-timeout", "fix-close", "fix-context"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := record(t, name, newGo(t))
			if d := r.meta.AtExit.NumGoroutineAfter - r.meta.AtExit.NumGoroutineBefore; d != 0 {
				t.Errorf("the program left %d goroutines behind, want 0", d)
			}
			// The trace's own buffers account for up to 2 MiB while it runs.
			if gc := r.lastProgramGC(t); gc.LiveMB >= 5 {
				t.Errorf("last forced GC (gc %d) left %d MB live, want under 5", gc.N, gc.LiveMB)
			}
			if live := r.meta.AtExit.HeapLiveAfterBytes; live == nil || *live >= 5*mib {
				t.Errorf("live heap after the leak check %v, want under 5 MiB", live)
			}
			if r.meta.AtExit.LeakCount == nil || *r.meta.AtExit.LeakCount != 0 {
				t.Errorf("leak profile count %v, want 0", r.meta.AtExit.LeakCount)
			}
			if n, after := r.leakedAtEnd(t, "chan receive"); n != 0 || !after {
				t.Errorf("last scheddetail block: %d goroutines at status=10, after the leak check: %v; want 0, true", n, after)
			}
			if got := r.programWaiting(t, "chan receive"); got != 0 {
				t.Errorf("last scheddetail block has %d goroutines waiting on chan receive, want 0", got)
			}
			cs := r.collectors(t)
			if len(cs) != 5 {
				t.Fatalf("%d collector goroutines in the trace, want 5", len(cs))
			}
			for g, tr := range cs {
				if tr.To != "NotExist" {
					t.Errorf("collector G%d ends with %+v, want it gone (NotExist)", g, tr)
				}
			}
		})
	}
}

func TestTickLeaksTickersOnlyBeforeGo123(t *testing.T) {
	t.Parallel()
	t.Run("go1.27", func(t *testing.T) {
		t.Parallel()
		r := record(t, "tick", newGo(t))
		if r.meta.GoModGoLine != "1.27" {
			t.Errorf("built with go line %s, want 1.27", r.meta.GoModGoLine)
		}
		if gc := r.lastProgramGC(t); gc.LiveMB >= 5 {
			t.Errorf("300,000 unstopped tickers left %d MB live on Go 1.27, want under 5", gc.LiveMB)
		}
	})
	t.Run("go1.19", func(t *testing.T) {
		t.Parallel()
		r := record(t, "tick", oldGo(t))
		if r.meta.GoModGoLine != "1.19" {
			t.Errorf("built with go line %s, want 1.19", r.meta.GoModGoLine)
		}
		gc := r.lastProgramGC(t)
		if gc.LiveMB < 40 {
			t.Errorf("300,000 unstopped tickers left only %d MB live on Go 1.19, want at least 40", gc.LiveMB)
		}
		if _, err := os.Stat(filepath.Join(r.dir, "leak-profile.txt")); err == nil {
			t.Error("Go 1.19 has no goroutine leak profile, yet there is a leak-profile.txt")
		}
		if r.meta.Probe.MissingMetrics == nil || r.meta.Probe.MissingMetrics[0] != "/gc/heap/live:bytes" {
			t.Errorf("missing metrics %v, want /gc/heap/live:bytes first", r.meta.Probe.MissingMetrics)
		}
	})
}

// keys returns the keys of a JSON object in order.
func keys(t *testing.T, line []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", line)
	}
	var out []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

var threeDecimals = regexp.MustCompile(`^\{"tMs":-?\d+\.\d{3},`)

func checkJSONL(t *testing.T, path string, want []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if got := keys(t, line); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("%s line %d has keys %v, want %v", filepath.Base(path), n, got, want)
		}
		if !threeDecimals.Match(line) {
			t.Fatalf("%s line %d: tMs not written with 3 decimals: %s", filepath.Base(path), n, line)
		}
	}
	if n == 0 {
		t.Errorf("%s is empty", path)
	}
}

var (
	metricsKeys = []string{"tMs", "heapLiveBytes", "heapGoalBytes", "heapObjects", "heapObjectsBytes", "goroutines",
		"goroutinesRunning", "goroutinesRunnable", "goroutinesWaiting", "goroutinesNotInGo"}
	transitionKeys = []string{"tMs", "g", "from", "to", "reason", "by", "frame"}
)

func TestRecordingFilesFollowTheSchema(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"leak", "tick"} {
		r := record(t, name, newGo(t))
		checkJSONL(t, filepath.Join(r.dir, "metrics.jsonl"), metricsKeys)
		checkJSONL(t, filepath.Join(r.dir, "transitions.jsonl"), transitionKeys)
		for _, n := range []string{"probe.json", "probe-metrics.jsonl", "trace.out", "stdout.log"} {
			if _, err := os.Stat(filepath.Join(r.dir, n)); err == nil {
				t.Errorf("%s: %s left in the recording", name, n)
			}
		}
		m := r.meta
		if m.Source.Path != "recorder/programs/"+name+"/main.go" || len(m.Source.SHA256) != 64 || m.GOMAXPROCS != GOMAXPROCS ||
			m.GODEBUG != GODEBUG || m.Clock.Alignment == nil || len(m.Probe.Goroutines) < 2 {
			t.Errorf("%s: meta.json lacks something: %+v", name, m)
		}
		// The probe's clock starts a fraction of a ms after the runtime's (a
		// few ms on a busy machine), and the offset must rest on several GCs:
		// one whose goroutine was descheduled before gctrace read the clock
		// is set aside (Delayed), and on a busy machine one or two are.
		if a := m.Clock.Alignment; a != nil && (a.OffsetMs <= 0 || a.OffsetMs > 50 || a.GCs-a.Delayed < 4) {
			t.Errorf("%s: clock alignment %+v, want an offset in (0, 50] ms resting on 4 GCs or more", name, a)
		}
	}
}

// The sampler's samples exist, carry every field, are in time order and span
// the run. How regular its 20 ms cadence is depends on the machine's load, so
// that is a figure npm run bench reports, not something a test can demand.
func TestTheSamplerSamplesTheWholeRun(t *testing.T) {
	t.Parallel()
	r := record(t, "leak", newGo(t))
	b, err := os.ReadFile(filepath.Join(r.dir, "metrics.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) < 10 {
		t.Fatalf("%d samples in a %.0f ms run, want a sample every 20 ms or so", len(lines), r.meta.DurationMs)
	}
	var times []float64
	for i, line := range lines {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("metrics.jsonl line %d: %v", i+1, err)
		}
		for _, k := range metricsKeys {
			if _, ok := m[k]; !ok {
				t.Errorf("metrics.jsonl line %d has no %s", i+1, k)
			}
		}
		tms, _ := m["tMs"].(float64)
		if i > 0 && tms <= times[len(times)-1] {
			t.Errorf("metrics.jsonl line %d: tMs %.3f is not after %.3f", i+1, tms, times[len(times)-1])
		}
		times = append(times, tms)
	}
	// The first sample is taken as the program starts and the last as it
	// ends: together they cover the run, whatever happened in between.
	first, last := times[0], times[len(times)-1]
	if first > 100 {
		t.Errorf("first sample at %.1f ms, want it at the start of the run", first)
	}
	if last < r.meta.DurationMs-500 {
		t.Errorf("last sample at %.1f ms of a %.1f ms run", last, r.meta.DurationMs)
	}
}

// The committed recordings must be recordings of the programs as they are:
// a program changed without npm run record would put old numbers under new code.
func TestCommittedRecordingsAreOfTheCurrentPrograms(t *testing.T) {
	metas, _ := filepath.Glob(filepath.Join(repoDir, "traces", "*", "*", "meta.json"))
	if len(metas) < 6 {
		t.Fatalf("%d recordings in traces/, want 6 (npm run record)", len(metas))
	}
	for _, path := range metas {
		var m Meta
		if err := metafile.Read(path, &m); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(path)
		if filepath.Base(dir) != m.GoVersion || filepath.Base(filepath.Dir(dir)) != m.Program {
			t.Errorf("%s holds %s recorded with %s", dir, m.Program, m.GoVersion)
		}
		sum, err := metafile.SumFile(filepath.Join(repoDir, m.Source.Path))
		if err != nil {
			t.Fatal(err)
		}
		if sum != m.Source.SHA256 {
			t.Errorf("%s was recorded from another version of %s: run npm run record", dir, m.Source.Path)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			// The live program's WebAssembly module is the one large file
			// (about 1 MB compressed); recordings stay under 1 MiB each.
			limit := int64(1 << 20)
			if e.Name() == "live.wasm.gz" {
				limit = 2 << 20
			}
			if info, _ := e.Info(); info.Size() > limit {
				t.Errorf("%s/%s is %d bytes, over %d", dir, e.Name(), info.Size(), limit)
			}
		}
	}
}

// Probe goroutines are told apart in meta.json; make sure they are the
// ones the trace says.
func TestProbeGoroutinesAreNamed(t *testing.T) {
	t.Parallel()
	r := record(t, "leak", newGo(t))
	roles := map[string]bool{}
	for _, g := range r.meta.Probe.Goroutines {
		roles[g.Role] = true
		if strings.HasPrefix(g.Role, "probe:") && !strings.HasPrefix(g.Entry, probe.ModulePath+".") {
			t.Errorf("probe goroutine %d starts in %s", g.ID, g.Entry)
		}
	}
	if !roles["probe: metrics sampler"] {
		t.Errorf("no metrics sampler among %+v", r.meta.Probe.Goroutines)
	}
}
