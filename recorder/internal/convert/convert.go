// Package convert turns an execution trace (runtime/trace, any version that
// golang.org/x/exp/trace reads, Go 1.11 to 1.27) into goroutine state
// transitions, one JSON object per line:
//
//	{"tMs":1021.412,"g":7,"from":"Running","to":"Waiting","reason":"chan receive","by":7,
//	 "frame":{"func":"main.collect","file":"main.go","line":15}}
//
// tMs is on the recording's time axis (ms since the program's runtime
// started), mapped from the trace's clock through the probe's anchors: log
// events of category probe.clock whose probe-clock readings the probe wrote
// to probe.json.
package convert

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/exp/trace"
)

// Frame is the program frame a transition happened in.
type Frame struct {
	Func string `json:"func"`
	File string `json:"file"`
	Line uint64 `json:"line"`
}

// Transition is one line of transitions.jsonl.
type Transition struct {
	TMs    Ms     `json:"tMs"`
	G      int64  `json:"g"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"`
	By     int64  `json:"by"`
	Frame  *Frame `json:"frame"`
}

// Ms is a time in milliseconds, written with three decimals.
type Ms float64

// MarshalJSON writes m with three decimals.
func (m Ms) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(m), 'f', 3, 64), nil
}

// Options configure Convert.
type Options struct {
	// Anchors are the probe-clock readings (ms) of the trace's probe.clock
	// log events, in order. Without them, times are ms since the trace's
	// first event.
	Anchors []float64
	// ClockCategory and GoroutineCategory are the probe's log categories.
	ClockCategory, GoroutineCategory string
	// ProgramMain is the name the program's func main has in the recorded
	// binary; frames in it are reported as main.main.
	ProgramMain string
	// SkipFile is the base name of a generated file whose frames are not the
	// program's.
	SkipFile string
	// CoalesceNs drops a goroutine's Running->Runnable transition together
	// with its Runnable->Running return when the goroutine was back in less
	// than this many trace nanoseconds: yields such as runtime.GC's
	// Gosched loop while it waits for sweeping (tens of thousands of them
	// per run) that would make the file 100 times bigger and show nothing a
	// reader can see at any zoom. The from/to chain of each goroutine stays
	// intact. 0 keeps everything.
	CoalesceNs int64
}

// Goroutine is a goroutine that the recording harness, not the program, ran.
type Goroutine struct {
	ID    int64  `json:"id"`
	Role  string `json:"role"`
	Entry string `json:"entry,omitempty"`
}

// Result describes a conversion.
type Result struct {
	Transitions int `json:"transitions"`
	// The trace clock (ns) maps to the axis as ms = OffsetMs + Scale*ns/1e6.
	Scale    float64 `json:"scale"`
	OffsetMs float64 `json:"offsetMs"`
	// Restated is the number of transitions left out because they did not
	// change the state (from == to).
	Restated int `json:"restated"`
	// Coalesced is the number of dropped yield round trips (pairs of
	// transitions), see Options.CoalesceNs.
	Coalesced int `json:"coalescedRoundTrips"`
	// AnchorsTraceNs are the trace timestamps of the anchors.
	AnchorsTraceNs []int64 `json:"anchorsTraceNs"`
	// Harness lists the probe's and runtime/trace's goroutines.
	Harness []Goroutine `json:"harnessGoroutines"`
	// Entries maps each goroutine created during the trace to the function
	// it started in.
	Entries map[int64]string `json:"-"`
	// GCStartsMs are the starts of GC mark phases seen in the trace, on the
	// probe's clock.
	GCStartsMs []float64 `json:"-"`
}

// Trace is a read trace, ready to be written as transitions.jsonl.
type Trace struct {
	Result
	events []event
	drop   []bool
	toMs   func(ns int64) float64
}

type event struct {
	t int64
	Transition
}

// Convert reads a trace from r and writes transitions.jsonl to w, with tMs
// on the probe's clock.
func Convert(r io.Reader, w io.Writer, opt Options) (*Result, error) {
	t, err := Read(r, opt)
	if err != nil {
		return nil, err
	}
	return &t.Result, t.Write(w, 0)
}

// Read reads a trace. GCStartsMs and the transitions' times are on the
// probe's clock until Write shifts them.
func Read(r io.Reader, opt Options) (*Trace, error) {
	tr, err := trace.NewReader(bufio.NewReader(r))
	if err != nil {
		return nil, err
	}
	var (
		all      []event
		anchors  []int64
		gcStarts []int64
		restated int
		entries  = map[int64]string{} // goroutine -> the function it started in
		loggedBy = map[int64]string{} // goroutine -> role it logged
	)
	for {
		ev, err := tr.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch ev.Kind() {
		case trace.EventLog:
			l := ev.Log()
			switch l.Category {
			case opt.ClockCategory:
				anchors = append(anchors, int64(ev.Time()))
			case opt.GoroutineCategory:
				loggedBy[int64(ev.Goroutine())] = l.Message
			}
		case trace.EventRangeBegin:
			if ev.Range().Name == "GC concurrent mark phase" {
				gcStarts = append(gcStarts, int64(ev.Time()))
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				continue
			}
			from, to := st.Goroutine()
			g := int64(st.Resource.Goroutine())
			if from == to {
				// A status restated where the trace's generations meet
				// (Waiting->Waiting at the end, for one): nothing changed.
				restated++
				continue
			}
			if from == trace.GoNotExist && to == trace.GoRunnable {
				// For a creation, the transition's stack is where the new
				// goroutine starts.
				for f := range st.Stack.Frames() {
					entries[g] = f.Func
					break
				}
			}
			all = append(all, event{int64(ev.Time()), Transition{
				G: g, From: from.String(), To: to.String(), Reason: st.Reason,
				By: int64(ev.Goroutine()), Frame: programFrame(st.Stack, opt),
			}})
		}
	}
	t := &Trace{events: all}
	t.Entries, t.Restated = entries, restated
	switch {
	case len(opt.Anchors) > 0 && len(anchors) != len(opt.Anchors):
		return nil, fmt.Errorf("trace has %d clock anchors, the probe wrote %d", len(anchors), len(opt.Anchors))
	case len(opt.Anchors) > 0:
		t.AnchorsTraceNs = anchors
		t.Scale, t.OffsetMs = Fit(anchors, opt.Anchors)
	case len(all) > 0:
		t.Scale, t.OffsetMs = Fit([]int64{all[0].t}, []float64{0})
	default:
		t.Scale = 1
	}
	t.toMs = func(ns int64) float64 { return t.OffsetMs + t.Scale*float64(ns)/1e6 }
	// Events come out of the reader in timestamp order; keep it stable anyway.
	sort.SliceStable(all, func(i, j int) bool { return all[i].t < all[j].t })
	t.drop = make([]bool, len(all))
	if opt.CoalesceNs > 0 {
		last := map[int64]int{}
		for i, e := range all {
			if p, ok := last[e.G]; ok && isYield(all[p].Transition, e.Transition) && e.t-all[p].t < opt.CoalesceNs {
				t.drop[p], t.drop[i] = true, true
				t.Coalesced++
				delete(last, e.G)
				continue
			}
			last[e.G] = i
		}
	}
	t.Transitions = len(all) - 2*t.Coalesced
	for _, ns := range gcStarts {
		t.GCStartsMs = append(t.GCStartsMs, t.toMs(ns))
	}
	t.Harness = harness(entries, loggedBy)
	return t, nil
}

// Write writes transitions.jsonl, adding shiftMs to every time.
func (t *Trace) Write(w io.Writer, shiftMs float64) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, e := range t.events {
		if t.drop[i] {
			continue
		}
		e.TMs = Ms(t.toMs(e.t) + shiftMs)
		if err := enc.Encode(&e.Transition); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// isYield tells whether a then b is a goroutine leaving Running for
// Runnable and coming back.
func isYield(a, b Transition) bool {
	return a.From == "Running" && a.To == "Runnable" && b.From == "Runnable" && b.To == "Running"
}

// Fit returns the line ms = offset + scale*ns/1e6 through the anchors: the
// trace timestamps ns and the probe-clock readings ms. With one anchor the
// scale is 1.
func Fit(ns []int64, ms []float64) (scale, offset float64) {
	n := len(ns) - 1
	scale = 1
	if n > 0 && ns[n] != ns[0] {
		scale = (ms[n] - ms[0]) / (float64(ns[n]-ns[0]) / 1e6)
	}
	return scale, ms[0] - scale*float64(ns[0])/1e6
}

// programFrame picks the stack's top frame that belongs to the program: a
// function of package main outside the generated file.
func programFrame(s trace.Stack, opt Options) *Frame {
	for f := range s.Frames() {
		if !strings.HasPrefix(f.Func, "main.") || path.Base(f.File) == opt.SkipFile {
			continue
		}
		return &Frame{Func: programFunc(f.Func, opt.ProgramMain), File: path.Base(f.File), Line: f.Line}
	}
	return nil
}

// programFunc names a function as the program's source does: the recorded
// binary calls main "programMain", the reader's file calls it main.
func programFunc(fn, programMain string) string {
	if programMain == "" {
		return fn
	}
	renamed := "main." + programMain
	if fn == renamed || strings.HasPrefix(fn, renamed+".") {
		return "main.main" + strings.TrimPrefix(fn, renamed)
	}
	return fn
}

// harness lists the goroutines that are the probe's (they say so in a log
// event) or the execution tracer's: runtime/trace's writer and the ones the
// runtime starts with a trace (Go 1.22+: CPU sample reader, generation
// advancer), all created while the probe starts tracing.
func harness(entries, loggedBy map[int64]string) []Goroutine {
	var out []Goroutine
	for g, role := range loggedBy {
		out = append(out, Goroutine{ID: g, Role: "probe: " + role, Entry: entries[g]})
	}
	for g, fn := range entries {
		if _, ok := loggedBy[g]; ok {
			continue
		}
		if role := tracerRole(fn); role != "" {
			out = append(out, Goroutine{ID: g, Role: role, Entry: fn})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func tracerRole(entry string) string {
	switch {
	case strings.HasPrefix(entry, "runtime/trace."):
		return "execution trace: runtime/trace copies trace data to the file"
	case strings.HasPrefix(entry, "runtime.traceStartReadCPU"):
		return "execution trace: the runtime's CPU sample reader"
	case strings.HasPrefix(entry, "runtime.(*traceAdvancerState)"):
		return "execution trace: the runtime's generation advancer"
	case strings.HasPrefix(entry, "runtime.trace") || strings.HasPrefix(entry, "runtime.(*trace"):
		return "execution trace: the runtime's"
	}
	return ""
}
