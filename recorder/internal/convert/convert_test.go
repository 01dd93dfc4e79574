package convert

import (
	"encoding/json"
	"math"
	"testing"

	"golang.org/x/exp/trace"
)

var opt = Options{ProgramMain: "programMain", SkipFile: "zz_recording_main.go"}

// stack makes a stack, top frame first. MakeStack keys frames by PC, so each
// gets its own.
func stack(frames ...trace.StackFrame) trace.Stack {
	for i := range frames {
		frames[i].PC = uint64(0x1000 + i)
	}
	return trace.MakeStack(frames)
}

func TestProgramFrameIsTheTopmostFrameOfTheProgram(t *testing.T) {
	s := stack(
		trace.StackFrame{Func: "runtime.chanrecv1", File: "/go/src/runtime/chan.go", Line: 509},
		trace.StackFrame{Func: "main.collect", File: "blockedforever/recorder/programs/leak/main.go", Line: 15},
		trace.StackFrame{Func: "main.start.gowrap1", File: "blockedforever/recorder/programs/leak/main.go", Line: 26},
	)
	got := programFrame(s, opt)
	want := &Frame{Func: "main.collect", File: "main.go", Line: 15}
	if got == nil || *got != *want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestProgramFrameNamesProgramMainMainAndSkipsTheGeneratedFile(t *testing.T) {
	s := stack(
		trace.StackFrame{Func: "time.Sleep", File: "time.go", Line: 1},
		trace.StackFrame{Func: "main.programMain", File: "x/main.go", Line: 36},
		trace.StackFrame{Func: "blockedforever/recorder/probe.Run", File: "probe.go", Line: 9},
		trace.StackFrame{Func: "main.main", File: "x/zz_recording_main.go", Line: 7},
	)
	if got := programFrame(s, opt); got == nil || got.Func != "main.main" || got.Line != 36 {
		t.Errorf("got %+v, want main.main at line 36", got)
	}
	probeOnly := stack(
		trace.StackFrame{Func: "blockedforever/recorder/probe.(*probe).finish", File: "probe.go", Line: 9},
		trace.StackFrame{Func: "main.main", File: "x/zz_recording_main.go", Line: 7},
	)
	if got := programFrame(probeOnly, opt); got != nil {
		t.Errorf("a stack with only the probe and the generated main gave %+v, want nil", got)
	}
	if got := programFrame(stack(), opt); got != nil {
		t.Errorf("an empty stack gave %+v", got)
	}
	if got := programFunc("main.programMain.func1", "programMain"); got != "main.main.func1" {
		t.Errorf("closure: %s", got)
	}
	if got := programFunc("main.programMainly", "programMain"); got != "main.programMainly" {
		t.Errorf("a longer name was renamed: %s", got)
	}
}

func TestFitMapsTheAnchorsExactly(t *testing.T) {
	ns := []int64{631_527_537_024, 637_553_272_448}
	ms := []float64{2.458, 6028.193}
	scale, off := Fit(ns, ms)
	for i := range ns {
		if got := off + scale*float64(ns[i])/1e6; math.Abs(got-ms[i]) > 1e-6 {
			t.Errorf("anchor %d maps to %.6f, want %.3f", i, got, ms[i])
		}
	}
	if scale, off := Fit(ns[:1], ms[:1]); scale != 1 || math.Abs(off+scale*float64(ns[0])/1e6-ms[0]) > 1e-6 {
		t.Errorf("one anchor: scale %v, off %v", scale, off)
	}
}

func TestTransitionLineHasTheSchema(t *testing.T) {
	b, err := json.Marshal(Transition{TMs: 1021.4125, G: 7, From: "Running", To: "Waiting", Reason: "chan receive",
		By: -1, Frame: &Frame{Func: "main.collect", File: "main.go", Line: 15}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"tMs":1021.413,"g":7,"from":"Running","to":"Waiting","reason":"chan receive","by":-1,"frame":{"func":"main.collect","file":"main.go","line":15}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(Transition{From: "Undetermined", To: "Running"})
	if want := `{"tMs":0.000,"g":0,"from":"Undetermined","to":"Running","reason":"","by":0,"frame":null}`; string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
