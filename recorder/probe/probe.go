// Package probe watches a program from inside while it is being recorded.
//
// The recorder compiles it into a program only for a recording: it renames
// the program's main to programMain through a build overlay and adds a main
// that calls Run(programMain). The program file that readers see is never
// changed. When BF_PROBE_DIR names a directory, Run
//
//   - samples runtime/metrics about every 20 ms into probe-metrics.jsonl
//     (the schema of metrics.jsonl, tMs on the probe's clock),
//   - captures an execution trace (runtime/trace) into trace.out,
//   - after the program, writes the goroutine leak profile to
//     leak-profile.txt when the runtime has one (Go 1.26 with the
//     experiment, Go 1.27 and later), then waits AfterLeakCheck so that
//     scheddetail shows the leaked goroutines, and
//   - writes probe.json: its clock anchors and a few counts at exit.
//
// It must build with Go 1.19 as well as with the newest Go.
//
// Its one goroutine, the metrics sampler, starts in
// blockedforever/recorder/probe.(*probe).sample, waits in "select" between
// samples, and announces itself in the execution trace with a log event of
// category "probe.goroutine". runtime/trace adds a goroutine of its own that
// carries the trace data to the file (its frames are in runtime/trace).
package probe

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ModulePath is the probe's import path.
const ModulePath = "blockedforever/recorder/probe"

// Period is the time between two metrics samples.
const Period = 20 * time.Millisecond

// DirEnv names the environment variable that switches the probe on.
const DirEnv = "BF_PROBE_DIR"

// Trace log categories that the recorder's trace converter looks for.
const (
	ClockCategory     = "probe.clock"     // message: the probe's clock in ms, see Clock
	GoroutineCategory = "probe.goroutine" // logged by each probe goroutine, message: its role
)

// Fields of metrics.jsonl, in order, with the runtime/metrics name each one
// reads. A name the runtime does not have is written as null.
var Fields = []struct{ JSON, Metric string }{
	{"heapLiveBytes", "/gc/heap/live:bytes"},
	{"heapGoalBytes", "/gc/heap/goal:bytes"},
	{"heapObjects", "/gc/heap/objects:objects"},
	{"heapObjectsBytes", "/memory/classes/heap/objects:bytes"},
	{"goroutines", "/sched/goroutines:goroutines"},
	{"goroutinesRunning", "/sched/goroutines/running:goroutines"},
	{"goroutinesRunnable", "/sched/goroutines/runnable:goroutines"},
	{"goroutinesWaiting", "/sched/goroutines/waiting:goroutines"},
	{"goroutinesNotInGo", "/sched/goroutines/not-in-go:goroutines"},
}

// Summary is what probe.json holds.
type Summary struct {
	// GoVersion, GOOS, GOARCH and GOMAXPROCS describe the runtime.
	GoVersion  string `json:"goVersion"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	// ClockOriginMs is the probe's clock (see Clock) when the probe started.
	ClockOriginMs float64 `json:"clockOriginMs"`
	// ProgramStartMs and ProgramEndMs bracket the call of programMain.
	ProgramStartMs float64 `json:"programStartMs"`
	ProgramEndMs   float64 `json:"programEndMs"`
	// Anchors are the probe-clock readings logged into the execution trace
	// under ClockCategory, in order.
	Anchors []float64 `json:"anchors"`
	// NumGoroutineBefore/After are runtime.NumGoroutine() right before and
	// right after programMain (the probe's own goroutines count in both).
	NumGoroutineBefore int `json:"numGoroutineBefore"`
	NumGoroutineAfter  int `json:"numGoroutineAfter"`
	// HeapLiveAfterBytes is /gc/heap/live:bytes after the leak-profile GC;
	// nil without a leak profile or without the metric.
	HeapLiveAfterBytes *uint64 `json:"heapLiveAfterBytes"`
	// LeakProfile tells whether leak-profile.txt was written, LeakCount how
	// many leaked goroutines it holds.
	LeakProfile bool `json:"leakProfile"`
	LeakCount   *int `json:"leakCount"`
	// Samples is the number of lines in metrics.jsonl.
	Samples int `json:"samples"`
	// Missing lists the runtime/metrics names this runtime lacks.
	Missing []string `json:"missingMetrics"`
}

// Run calls program, watched by the probe when BF_PROBE_DIR is set.
func Run(program func()) {
	dir := os.Getenv(DirEnv)
	if dir == "" {
		program()
		return
	}
	p, err := start(dir)
	if err != nil {
		fail(err)
	}
	p.sum.NumGoroutineBefore = runtime.NumGoroutine()
	p.sum.ProgramStartMs = p.clock.Ms()
	program()
	p.sum.ProgramEndMs = p.clock.Ms()
	p.sum.NumGoroutineAfter = runtime.NumGoroutine()
	if err := p.finish(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "probe:", err)
	os.Exit(3)
}

type probe struct {
	dir     string
	clock   Clock
	ctx     context.Context
	trace   *os.File
	metrics *os.File
	sampler *sampler
	stop    chan struct{}
	wg      sync.WaitGroup
	sum     Summary
}

func start(dir string) (*probe, error) {
	p := &probe{dir: dir, clock: NewClock(), ctx: context.Background(), stop: make(chan struct{})}
	p.sum.ClockOriginMs = p.clock.OriginMs
	p.sum.GoVersion, p.sum.GOOS, p.sum.GOARCH = runtime.Version(), runtime.GOOS, runtime.GOARCH
	p.sum.GOMAXPROCS = runtime.GOMAXPROCS(0)
	var err error
	if p.metrics, err = os.Create(filepath.Join(dir, "probe-metrics.jsonl")); err != nil {
		return nil, err
	}
	p.sampler = newSampler()
	p.sum.Missing = p.sampler.missing
	if p.trace, err = os.Create(filepath.Join(dir, "trace.out")); err != nil {
		return nil, err
	}
	if err := trace.Start(p.trace); err != nil {
		return nil, err
	}
	p.anchor()
	p.wg.Add(1)
	go p.sample()
	return p, nil
}

// anchor logs the probe's clock into the execution trace, so that the trace's
// own timestamps can be put on the probe's time axis.
func (p *probe) anchor() {
	before := p.clock.Ms()
	trace.Log(p.ctx, ClockCategory, "")
	after := p.clock.Ms()
	// The log event got its timestamp between the two readings. Logging the
	// midpoint in a second event would add a second timestamp, so the value
	// goes to probe.json instead, in the same order as the events.
	p.sum.Anchors = append(p.sum.Anchors, (before+after)/2)
}

// sample is the probe's goroutine: a metrics sample now, then one per Period,
// and a last one when the program has returned.
func (p *probe) sample() {
	defer p.wg.Done()
	trace.Log(p.ctx, GoroutineCategory, "metrics sampler")
	buf := make([]byte, 0, 64<<10)
	write := func() {
		buf = p.sampler.appendJSON(buf, p.clock.Ms())
		p.sum.Samples++
		if len(buf) > 60<<10 {
			p.metrics.Write(buf)
			buf = buf[:0]
		}
	}
	write()
	tick := time.NewTicker(Period)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			write()
		case <-p.stop:
			write()
			p.metrics.Write(buf)
			return
		}
	}
}

// AfterLeakCheck is how long the probe keeps the process alive after the
// leak profile: more than two schedtrace periods (GODEBUG schedtrace=100), so
// that scheddetail prints at least one snapshot in which the goroutines the
// leak check found have status 10 (_Gleaked).
const AfterLeakCheck = 250 * time.Millisecond

func (p *probe) finish() error {
	// The leak profile comes first, while the sampler and the execution trace
	// still run, so its GC (gctrace's "checking for goroutine leaks") and the
	// snapshots after it lie inside every file's time axis.
	if err := p.leakProfile(); err != nil {
		return err
	}
	if p.sum.LeakProfile {
		time.Sleep(AfterLeakCheck)
	}
	close(p.stop)
	p.wg.Wait()
	if err := p.metrics.Close(); err != nil {
		return err
	}
	p.anchor()
	trace.Stop()
	if err := p.trace.Close(); err != nil {
		return err
	}
	return writeJSON(filepath.Join(p.dir, "probe.json"), &p.sum)
}

// leakProfile writes the goroutine leak profile, if this runtime has one.
// Asking for it runs a GC that looks for leaked goroutines; gctrace prints
// that GC as "(checking for goroutine leaks)".
func (p *probe) leakProfile() error {
	prof := pprof.Lookup("goroutineleak")
	if prof == nil {
		return nil
	}
	f, err := os.Create(filepath.Join(p.dir, "leak-profile.txt"))
	if err != nil {
		return err
	}
	if err := prof.WriteTo(f, 1); err != nil {
		f.Close()
		return err
	}
	n := prof.Count()
	p.sum.LeakProfile, p.sum.LeakCount = true, &n
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		v := s[0].Value.Uint64()
		p.sum.HeapLiveAfterBytes = &v
	}
	return f.Close()
}

// Clock reads milliseconds since the time package started, which is within
// half a millisecond after the runtime's own start (runtimeInitTime, the
// origin of gctrace's "@S.SSSs"). It takes the monotonic reading that
// time.Time.String prints as "m=+S.SSSSSSSSS" once, then adds time.Since.
type Clock struct {
	origin   time.Time
	OriginMs float64
}

// NewClock starts a Clock.
func NewClock() Clock {
	now := time.Now()
	ms, err := MonotonicMs(now)
	if err != nil {
		fail(err)
	}
	return Clock{origin: now, OriginMs: ms}
}

// Ms is the clock's current reading.
func (c Clock) Ms() float64 {
	return c.OriginMs + float64(time.Since(c.origin))/float64(time.Millisecond)
}

// MonotonicMs returns t's monotonic clock reading in milliseconds, as
// time.Time.String shows it ("m=+0.001234567", in seconds).
func MonotonicMs(t time.Time) (float64, error) {
	s := t.String()
	i := strings.LastIndex(s, " m=")
	if i < 0 {
		return 0, fmt.Errorf("no monotonic clock reading in %q", s)
	}
	sec, err := strconv.ParseFloat(s[i+3:], 64)
	if err != nil {
		return 0, fmt.Errorf("monotonic clock reading in %q: %v", s, err)
	}
	return sec * 1000, nil
}
