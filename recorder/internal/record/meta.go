package record

import (
	"fmt"
	"path/filepath"
	"time"

	"blockedforever/recorder/internal/build"
	"blockedforever/recorder/internal/convert"
	"blockedforever/recorder/internal/metafile"
	"blockedforever/recorder/probe"
)

// Meta is meta.json.
type Meta struct {
	Program string `json:"program"`
	// Source is the program file as it is in the repository (and on the page).
	Source metafile.Source `json:"source"`
	// GoMod is the go.mod that states the program's go line; GoModGoLine the
	// go line the build used (they differ only where GoModNote says so).
	GoMod       string `json:"goMod"`
	GoModGoLine string `json:"goModGoLine"`
	GoModNote   string `json:"goModNote,omitempty"`
	GoVersion   string `json:"goVersion"` // runtime.Version() of the recorded program
	GOOS        string `json:"goos"`
	GOARCH      string `json:"goarch"`
	GOMAXPROCS  int    `json:"gomaxprocs"`
	GODEBUG     string `json:"godebug"`
	Command     struct {
		Build metafile.GoCommand `json:"build"`
		Run   struct {
			Env  []string `json:"env"`
			Args []string `json:"args"`
		} `json:"run"`
		Note string `json:"note"`
	} `json:"command"`
	StartedAt   string            `json:"startedAt"`
	DurationMs  float64           `json:"durationMs"`
	Files       map[string]string `json:"files"`
	Transitions TransitionsInfo   `json:"transitions"`
	Probe       ProbeInfo         `json:"probe"`
	Clock       Clock             `json:"clock"`
	AtExit      AtExit            `json:"atExit"`
	Notes       []string          `json:"notes"`
}

// TraceHeapNote says what the execution trace costs in heap.
const TraceHeapNote = "While the execution trace runs, runtime/trace keeps some heap of its own alive: about 2 MiB " +
	"with go1.27.3 and about 1 MiB with go1.19.8 (measured with a program that only starts a trace and forces GCs: " +
	"gctrace shows 2->2->2 MB, resp. 1->1->1 MB, while tracing and 0 MB after trace.Stop). Heap numbers in this " +
	"recording (gctrace, metrics), the leak-check GC's included (it runs while the trace still does), are that much " +
	"above the program's own."

// TransitionsInfo tells how transitions.jsonl was made from the trace.
type TransitionsInfo struct {
	Lines               int     `json:"lines"`
	Restated            int     `json:"restated"`
	CoalescedRoundTrips int     `json:"coalescedRoundTrips"`
	CoalesceBelowMs     float64 `json:"coalesceBelowMs"`
	How                 string  `json:"how"`
}

// ProbeInfo tells the probe's part in the recording, and how to tell its
// goroutines from the program's.
type ProbeInfo struct {
	Package        string              `json:"package"`
	SamplePeriodMs float64             `json:"samplePeriodMs"`
	Samples        int                 `json:"samples"`
	MissingMetrics []string            `json:"missingMetrics"`
	Goroutines     []convert.Goroutine `json:"goroutines"`
	HowToTell      string              `json:"howToTell"`
}

// Clock tells how every source was put on the recording's time axis.
type Clock struct {
	Axis         string      `json:"axis"`
	Summary      string      `json:"summary"`
	Sources      ClockSource `json:"sources"`
	Alignment    *Alignment  `json:"alignment"`
	AlignmentHow string      `json:"alignmentHow"`
}

// ClockSource holds the numbers, per source.
type ClockSource struct {
	Gctrace struct {
		OffsetMs float64 `json:"offsetMs"`
		How      string  `json:"how"`
	} `json:"gctrace"`
	Schedtrace struct {
		OffsetMs float64 `json:"offsetMs"`
		How      string  `json:"how"`
	} `json:"schedtrace"`
	Metrics struct {
		OffsetMs       float64 `json:"offsetMs"`
		ProbeStartMs   float64 `json:"probeStartMs"`
		ProgramStartMs float64 `json:"programStartMs"`
		ProgramEndMs   float64 `json:"programEndMs"`
		How            string  `json:"how"`
	} `json:"metrics"`
	ExecutionTrace struct {
		Scale          float64   `json:"scale"`
		OffsetMs       float64   `json:"offsetMs"`
		AnchorsTraceNs []int64   `json:"anchorsTraceNs"`
		AnchorsMs      []float64 `json:"anchorsMs"`
		How            string    `json:"how"`
	} `json:"executionTrace"`
}

// AtExit is what the probe saw when the program's main returned.
type AtExit struct {
	ProgramEndMs       float64 `json:"programEndMs"`
	NumGoroutineBefore int     `json:"numGoroutineBefore"`
	NumGoroutineAfter  int     `json:"numGoroutineAfter"`
	HeapLiveAfterBytes *uint64 `json:"heapLiveAfterBytes"`
	LeakCount          *int    `json:"leakCount"`
	Note               string  `json:"note"`
}

func (j *Job) meta(started time.Time, elapsed time.Duration, runEnv []string, sum probe.Summary,
	conv *convert.Result, align Alignment, alignErr error) (*Meta, error) {
	m := &Meta{Program: j.Program.Name}
	rel := func(p string) string {
		r, err := filepath.Rel(j.RepoDir, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	modDir := filepath.Join(j.RecorderDir, j.Program.ModuleDir)
	mainGo := filepath.Join(modDir, j.Program.Package, "main.go")
	m.Source.Path = rel(mainGo)
	var err error
	if m.Source.SHA256, err = metafile.SumFile(mainGo); err != nil {
		return nil, err
	}
	m.GoMod, m.GoModGoLine = rel(j.goMod), j.goLine
	if j.Program.OwnModule {
		m.GoModNote = fmt.Sprintf("built with go build -modfile: a copy of %s (which says go %s) whose go line says "+
			"%s, the language version of %s, since the go line decides timer semantics; the copy also requires the probe.",
			m.GoMod, j.fileGoLine, j.goLine, sum.GoVersion)
		if j.goLine != j.fileGoLine {
			m.GoModNote += " (Tried by hand: Go 1.27 collects the unstopped tickers with the file's go 1.19 as well, " +
				"since it removed the asynctimerchan setting that kept the old behaviour for old go lines.)"
		}
	}
	m.GoVersion, m.GOOS, m.GOARCH, m.GOMAXPROCS = sum.GoVersion, sum.GOOS, sum.GOARCH, sum.GOMAXPROCS
	m.GODEBUG = GODEBUG
	m.Command.Build.Dir = rel(modDir)
	m.Command.Build.Go = j.Toolchain.Go
	m.Command.Build.Env = j.Toolchain.Env
	m.Command.Build.Args = j.build.Args
	m.Command.Run.Env = append(runEnv, probe.DirEnv+"=$OUT")
	m.Command.Run.Args = []string{"$WORK/program"}
	m.Command.Note = "recorded by `npm run record` (scripts/record.sh, recorder/cmd/record). " +
		"$WORK is a temporary build folder, $OUT the recording folder. The build overlay swaps in a copy of " +
		m.Source.Path + " whose func main is named " + build.ProgramMain + " (same lines) and adds " +
		build.GeneratedFile + ", whose main runs it under the probe."
	m.StartedAt = started.UTC().Format(time.RFC3339Nano)
	m.DurationMs = round3(float64(elapsed) / 1e6)
	m.Files = map[string]string{
		"stderr.log":        "the program's standard error under GODEBUG, byte for byte",
		"metrics.jsonl":     "runtime/metrics samples every ~20 ms from the probe, tMs on the shared axis",
		"transitions.jsonl": "goroutine state transitions from the execution trace, tMs on the shared axis",
		"meta.json":         "this file",
	}

	m.Transitions = TransitionsInfo{
		Lines: conv.Transitions, Restated: conv.Restated, CoalescedRoundTrips: conv.Coalesced, CoalesceBelowMs: float64(CoalesceNs) / 1e6,
		How: "every goroutine state transition of the execution trace read with golang.org/x/exp/trace, except " +
			"Running->Runnable->Running round trips shorter than coalesceBelowMs, dropped in pairs (mostly " +
			"runtime.GC yielding while it waits for sweeping), and the restated ones whose from equals to (the trace " +
			"restates every goroutine's status where its generations meet); each goroutine's from/to chain stays unbroken. " +
			"by is the goroutine executing the event (-1: none). frame is the topmost stack frame in package main " +
			"outside " + build.GeneratedFile + ", with " + build.ProgramMain + " named main.main, file as base name; " +
			"null when the stack has no such frame.",
	}
	m.Probe = ProbeInfo{
		Package:        probe.ModulePath,
		SamplePeriodMs: float64(probe.Period) / 1e6,
		Samples:        sum.Samples,
		MissingMetrics: sum.Missing,
		Goroutines:     conv.Harness,
		HowToTell: "goroutines lists the recording harness's goroutines by id; the ids are the same in " +
			"scheddetail (G<id>) and in transitions.jsonl (g). The probe starts one goroutine, the metrics sampler " +
			"(entry " + probe.ModulePath + ".(*probe).sample), which waits in \"select\" between samples. Starting " +
			"the execution trace adds runtime/trace's writer (entry in package runtime/trace; waits as \"trace reader " +
			"(blocked)\" or on a channel) and, from Go 1.22 on, two runtime goroutines (entries " +
			"runtime.traceStartReadCPU.func1 and runtime.(*traceAdvancerState).start.func1) that wait in " +
			"\"chan receive\" for the whole run: in scheddetail they look like leaked goroutines, so leave them out " +
			"by id. All of them are created by main before programStartMs, never by a program frame, and their " +
			"transitions have frame null. main (G1) runs the probe before programStartMs and after programEndMs.",
	}

	c := &m.Clock
	off := align.OffsetMs
	c.Axis = "ms since the Go runtime of the recorded process started (runtimeInitTime), the origin of gctrace's @S.SSSs"
	s := &c.Sources
	s.Gctrace.How = "@S.SSSs is (GC start - runtimeInitTime), truncated to the ms; it defines the axis (×1000, offset 0)"
	s.Schedtrace.How = "SCHED Nms counts from sysmon's first schedtrace call. sysmon starts just before runtimeInitTime is " +
		"taken and makes that call after its first 20 µs sleep: measured 0.13-0.27 ms after runtimeInitTime on an idle " +
		"machine (go1.19.8 and go1.27.3, reading runtime.starttime and runtime.runtimeInitTime through linkname in a test " +
		"program), below the line's 1 ms resolution, so the offset is taken as 0"
	s.Metrics.OffsetMs = off
	s.Metrics.ProbeStartMs = round3(sum.ClockOriginMs + off)
	s.Metrics.ProgramStartMs = round3(sum.ProgramStartMs + off)
	s.Metrics.ProgramEndMs = round3(sum.ProgramEndMs + off)
	s.Metrics.How = "the probe reads time's monotonic clock (the m=+S of time.Time.String), whose origin is when package " +
		"time initialises: 0.2-0.5 ms after runtimeInitTime on an idle machine, several ms later when the process starts " +
		"on a busy one. So the recorder measures the offset instead (see alignment) and adds offsetMs to every tMs " +
		"the probe wrote"
	et := &s.ExecutionTrace
	et.Scale, et.OffsetMs = round9(conv.Scale), round3(conv.OffsetMs+off)
	et.AnchorsTraceNs = conv.AnchorsTraceNs
	for _, a := range sum.Anchors {
		et.AnchorsMs = append(et.AnchorsMs, round3(a+off))
	}
	et.How = fmt.Sprintf("the probe logs a trace event (category %q) right after it starts the trace and right "+
		"before it stops it, reading its clock just before and after each; tMs = offsetMs + scale × traceNs / 1e6 "+
		"is the line through those %d anchors, moved by the alignment offset (trace timestamps are nanotime-based "+
		"in Go 1.22+ traces and start near 0 in converted Go 1.19 traces)", probe.ClockCategory, len(sum.Anchors))
	c.Alignment = &align
	c.AlignmentHow = "each GC start in the execution trace, on the probe's clock via the anchors, is paired with its " +
		"gctrace line; gctrace's truncated ms says where the start lies on the axis to within 1 ms, and the offset is " +
		"the middle of the interval that every pair allows, except pairs that gctrace printed late because the GC's " +
		"goroutine was descheduled (delayed, set aside; maxDelayMs) (recorder/internal/record/clock.go)"
	if alignErr != nil {
		c.Alignment = nil
		c.AlignmentHow = "not aligned (" + alignErr.Error() + "): the probe's clock is used as is"
	}
	measured := fmt.Sprintf("measured on %d GCs seen by both the trace and gctrace", align.GCs-align.Delayed)
	if align.Delayed > 0 {
		measured += fmt.Sprintf(" (%d more were printed late and set aside)", align.Delayed)
	}
	if alignErr != nil {
		measured = "not measured: " + alignErr.Error()
	}
	c.Summary = fmt.Sprintf("One axis: ms since the runtime started. gctrace: as printed. schedtrace: as printed "+
		"(its origin is 0.1-0.3 ms later, under its 1 ms resolution). metrics and execution trace: the probe's clock "+
		"plus %.3f ms (±%.3f), %s; the trace's clock maps to the "+
		"probe's through %d anchors (ms = %.3f + %.9f × ns/1e6 before that offset). The probe started at %.3f ms and "+
		"called the program at %.3f ms.",
		off, align.UncertaintyMs, measured, len(sum.Anchors), conv.OffsetMs, conv.Scale,
		s.Metrics.ProbeStartMs, s.Metrics.ProgramStartMs)

	m.AtExit = AtExit{
		ProgramEndMs:       round3(sum.ProgramEndMs + off),
		NumGoroutineBefore: sum.NumGoroutineBefore,
		NumGoroutineAfter:  sum.NumGoroutineAfter,
		HeapLiveAfterBytes: sum.HeapLiveAfterBytes,
		LeakCount:          sum.LeakCount,
		Note: "runtime.NumGoroutine() right before and right after the program's main (the probe's goroutines " +
			"count in both); heapLiveAfterBytes is /gc/heap/live:bytes after the goroutine-leak GC, leakCount the " +
			"leak profile's total; both null when the runtime has no leak profile. gctrace lines after " +
			"programEndMs come from the probe (the leak check).",
	}
	m.Notes = []string{TraceHeapNote}
	return m, nil
}

func round3(f float64) float64 { return float64(int64(f*1000+copysign(0.5, f))) / 1000 }
func round9(f float64) float64 { return float64(int64(f*1e9+copysign(0.5, f))) / 1e9 }

func copysign(v, sign float64) float64 {
	if sign < 0 {
		return -v
	}
	return v
}
