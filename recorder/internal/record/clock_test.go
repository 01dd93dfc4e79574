package record

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"blockedforever/recorder/internal/runtimelog"
)

// gctraceAt returns gctrace's view of GCs that started at the given axis
// times: whole milliseconds, truncated.
func gctraceAt(ms ...float64) []runtimelog.GC {
	var gcs []runtimelog.GC
	for i, t := range ms {
		gcs = append(gcs, runtimelog.GC{N: i + 1, AtMs: math.Floor(t)})
	}
	return gcs
}

func TestAlignFindsTheProbeClockOffsetFromGCs(t *testing.T) {
	const offset = 1.234 // axis = probe + offset
	truth := []float64{2.71, 4.05, 1003.9, 2007.33, 3016.52, 4019.08, 5023.61, 6026.47}
	var probe []float64
	for _, t := range truth {
		probe = append(probe, t-offset)
	}
	a, err := Align(probe, gctraceAt(truth...))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a.OffsetMs-offset) > a.UncertaintyMs+1e-9 {
		t.Errorf("offset %.3f ± %.3f, want %.3f", a.OffsetMs, a.UncertaintyMs, offset)
	}
	if a.GCs != len(truth) || a.FirstGC != 1 || a.Delayed != 0 || a.MaxDelayMs != 0 {
		t.Errorf("%+v, want all %d GCs from the first, none delayed", a, len(truth))
	}
}

func TestAlignPairsTheTracedGCsWithTheRightGctraceLines(t *testing.T) {
	// gctrace printed two GCs before the trace started and one (the leak
	// check) after it stopped; the trace saw the ones in between.
	truth := []float64{0.4, 1.2, 250.7, 500.2, 750.9, 1000.1, 1250.6, 6030.2}
	const offset = -3.5
	var probe []float64
	for _, t := range truth[2:7] {
		probe = append(probe, t-offset)
	}
	a, err := Align(probe, gctraceAt(truth...))
	if err != nil {
		t.Fatal(err)
	}
	if a.FirstGC != 3 || math.Abs(a.OffsetMs-offset) > a.UncertaintyMs+1e-9 {
		t.Errorf("%+v, want first GC 3 and offset %.1f", a, offset)
	}
}

func TestAlignSetsAsideAGCWhoseGoroutineWasDescheduled(t *testing.T) {
	// The fourth GC's goroutine lost its P between the trace's start event
	// and reading tSweepTerm, so gctrace printed it late: by 2.2 ms on a
	// busy machine, by 8.8 ms on a very busy one.
	for _, delay := range []float64{2.2, 8.8} {
		const offset = 0.8
		truth := []float64{3.41, 1004.62, 2008.05, 3011.27, 4013.93, 5016.18}
		gcs := gctraceAt(truth...)
		gcs[3].AtMs = math.Floor(truth[3] + delay)
		var probe []float64
		for _, t := range truth {
			probe = append(probe, t-offset)
		}
		a, err := Align(probe, gcs)
		if err != nil {
			t.Fatal(err)
		}
		// MaxDelayMs is a lower bound: the delay is at most 1 ms more.
		u := a.UncertaintyMs + 1e-9
		if a.Delayed != 1 || a.MaxDelayMs < delay-1-u || a.MaxDelayMs > delay+u {
			t.Errorf("%+v, want one GC delayed by %.1f ms, MaxDelayMs in [%.1f, %.1f] ± %.3f", a, delay, delay-1, delay, u)
		}
		if math.Abs(a.OffsetMs-offset) > u {
			t.Errorf("offset %.3f ± %.3f, want %.3f", a.OffsetMs, a.UncertaintyMs, offset)
		}
	}
}

func TestAlignTrustsTheEarlierOfTwoGCs(t *testing.T) {
	// A short program: the trace saw two GCs, the second printed 3 ms late.
	// A delay only ever makes at-P larger, so the first one is right.
	const offset = 1.2
	truth := []float64{505.37, 1006.81}
	gcs := gctraceAt(truth...)
	gcs[1].AtMs = math.Floor(truth[1] + 3)
	a, err := Align([]float64{truth[0] - offset, truth[1] - offset}, gcs)
	if err != nil {
		t.Fatal(err)
	}
	if a.Delayed != 1 || math.Abs(a.OffsetMs-offset) > a.UncertaintyMs+1e-9 {
		t.Errorf("%+v, want the second GC set aside and offset %.1f", a, offset)
	}
}

func TestAlignDoesNotPairGCsAPeriodApart(t *testing.T) {
	// Forced GCs exactly 1003 ms apart, as the leak program makes them; the
	// trace missed the first (it started later) and one of the three it saw
	// was printed late. Paired one GC early, all three agree, but the probe
	// clock would be a second off the runtime's start: that pairing is out.
	const offset = 0.6
	truth := []float64{1000.31, 2003.31, 3006.31, 4009.31}
	gcs := gctraceAt(truth...)
	gcs[3].AtMs = math.Floor(truth[3] + 1.7)
	var probe []float64
	for _, t := range truth[1:] {
		probe = append(probe, t-offset)
	}
	a, err := Align(probe, gcs)
	if err != nil {
		t.Fatal(err)
	}
	if a.FirstGC != 2 || a.Delayed != 1 || math.Abs(a.OffsetMs-offset) > a.UncertaintyMs+1e-9 {
		t.Errorf("%+v, want the run from GC 2, one delayed, offset %.1f", a, offset)
	}
}

func TestAlignRefusesWhatDoesNotLineUp(t *testing.T) {
	if _, err := Align(nil, gctraceAt(1, 2)); err == nil {
		t.Error("no traced GC: accepted")
	}
	if _, err := Align([]float64{1, 2, 3}, gctraceAt(1)); err == nil {
		t.Error("more traced GCs than gctrace lines: accepted")
	}
	if _, err := Align([]float64{10, 20, 2000}, gctraceAt(10, 500, 1000)); err == nil {
		t.Error("GCs 1.5 s apart in one source and 10 ms apart in the other: accepted")
	}
}

func TestShiftMetricsMovesOnlyTMs(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	in := `{"tMs":2.461,"heapLiveBytes":null,"heapGoalBytes":4194304}` + "\n" +
		`{"tMs":22.5,"heapLiveBytes":52428800,"heapGoalBytes":104857600}` + "\n"
	os.WriteFile(src, []byte(in), 0o644)
	if err := ShiftMetrics(src, dst, 1.0005); err != nil {
		t.Fatal(err)
	}
	want := `{"tMs":3.462,"heapLiveBytes":null,"heapGoalBytes":4194304}` + "\n" +
		`{"tMs":23.500,"heapLiveBytes":52428800,"heapGoalBytes":104857600}` + "\n"
	if b, _ := os.ReadFile(dst); string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
	os.WriteFile(src, []byte(`{"heapLiveBytes":1}`+"\n"), 0o644)
	if err := ShiftMetrics(src, dst, 1); err == nil {
		t.Error("a line without tMs first was accepted")
	}
}
