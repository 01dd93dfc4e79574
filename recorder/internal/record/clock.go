package record

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"

	"blockedforever/recorder/internal/runtimelog"
)

// Alignment puts the probe's clock on the recording's axis:
// axis ms = probe ms + OffsetMs.
type Alignment struct {
	OffsetMs float64 `json:"offsetMs"`
	// The offset is known to lie in OffsetMs ± UncertaintyMs.
	UncertaintyMs float64 `json:"uncertaintyMs"`
	// GCs is the number of GCs it was fitted on; FirstGC the gctrace
	// number of the first of them.
	GCs     int `json:"gcs"`
	FirstGC int `json:"firstGC"`
	// Delayed counts GCs set aside because gctrace printed them late (see
	// Align); the offset rests on the other GCs-Delayed.
	Delayed int `json:"delayed"`
	// MaxResidualMs is the largest distance, after alignment, between the
	// start of a GC the offset rests on and the millisecond gctrace printed
	// for it. Align makes it 0: a non-zero value would be a bug there.
	MaxResidualMs float64 `json:"maxResidualMs"`
	// MaxDelayMs says how late gctrace printed the worst delayed GC: its
	// goroutine was descheduled for at least this long (and less than 1 ms
	// longer, ± UncertaintyMs) between the trace event and reading the
	// clock. Load on the machine makes it longer. Absent when none was.
	MaxDelayMs float64 `json:"maxDelayMs,omitempty"`
}

// maxOffsetMs bounds the offset: the probe's clock starts when package time
// initialises, 0.2-0.5 ms after runtimeInitTime on an idle machine and a few
// ms later on a busy one. A pairing that needs more is a wrong one, e.g. a
// GC period away when GCs come at a regular pace.
const maxOffsetMs = 100

// Align estimates how far the probe's clock is from the runtime's start,
// from the GCs that both the execution trace and gctrace saw.
//
// gctrace prints a GC's start (work.tSweepTerm) as whole milliseconds since
// runtimeInitTime, truncated. The execution trace has the same GC's start
// event a few microseconds earlier (gcStart emits it just before it reads
// tSweepTerm), which the probe's anchors put on the probe's clock at P. So
// every GC says: P + offset lies in [at, at+1), unless the goroutine
// starting the GC was descheduled between the event and reading the clock:
// then at-P is larger by that delay. It is never smaller, so the smallest
// at-P bounds the offset from below to within 1 ms, and the GCs whose at-P
// lie within 1 ms of it agree; the others were delayed and are set aside.
//
// The trace sees a contiguous run of gctrace's GCs (none before tracing
// starts or after it stops). Among the runs whose offset is plausible
// (within maxOffsetMs), the one on which the most GCs agree is taken; on a
// tie, the one with the smallest offset. At least half of the run must
// agree, or the two sources are not the same GCs.
func Align(traceGCMs []float64, gcs []runtimelog.GC) (Alignment, error) {
	n, m := len(traceGCMs), len(gcs)
	if n == 0 {
		return Alignment{}, fmt.Errorf("the execution trace saw no GC")
	}
	if m < n {
		return Alignment{}, fmt.Errorf("the execution trace saw %d GCs, gctrace printed %d", n, m)
	}
	best, bestAgree, bestMin := 0, 0, 0.0
	for s := 0; s+n <= m; s++ {
		minD := smallestDiff(traceGCMs, gcs[s:s+n])
		if math.Abs(minD+0.5) > maxOffsetMs {
			continue
		}
		agree := 0
		for i := range traceGCMs {
			if gcs[s+i].AtMs-traceGCMs[i] < minD+1 {
				agree++
			}
		}
		if agree > bestAgree || (agree == bestAgree && math.Abs(minD+0.5) < math.Abs(bestMin+0.5)) {
			best, bestAgree, bestMin = s, agree, minD
		}
	}
	if bestAgree == 0 {
		return Alignment{}, fmt.Errorf("no pairing of the trace's GC starts with gctrace's puts the probe's clock within %d ms of the runtime's start", maxOffsetMs)
	}
	if 2*bestAgree < n {
		return Alignment{}, fmt.Errorf("the trace's GC starts do not line up with gctrace's: at most %d of %d agree to the millisecond", bestAgree, n)
	}
	run := gcs[best : best+n]
	lo, hi := bestMin, bestMin+1
	a := Alignment{GCs: n, FirstGC: run[0].N}
	for i := range run {
		if d := run[i].AtMs - traceGCMs[i]; d >= hi {
			a.Delayed++
		} else if d > lo {
			lo = d
		}
	}
	a.OffsetMs, a.UncertaintyMs = (lo+hi)/2, (hi-lo)/2
	for i, p := range traceGCMs {
		// How much later than its trace event gctrace put the GC: in (-1, 0]
		// for a GC that agrees (truncation), above 0 for a delayed one.
		late := run[i].AtMs - (p + a.OffsetMs)
		if run[i].AtMs-p >= hi {
			a.MaxDelayMs = max(a.MaxDelayMs, late)
		} else {
			a.MaxResidualMs = max(a.MaxResidualMs, late, -1-late)
		}
	}
	a.OffsetMs, a.UncertaintyMs = round3(a.OffsetMs), round3(a.UncertaintyMs)
	a.MaxResidualMs, a.MaxDelayMs = round3(a.MaxResidualMs), round3(a.MaxDelayMs)
	return a, nil
}

// smallestDiff returns the smallest at-P.
func smallestDiff(p []float64, gcs []runtimelog.GC) float64 {
	lo := math.Inf(1)
	for i := range p {
		lo = min(lo, gcs[i].AtMs-p[i])
	}
	return lo
}

// ShiftMetrics copies the probe's metrics lines from src to dst with
// shiftMs added to each tMs; the rest of each line stays as the probe
// wrote it.
func ShiftMetrics(src, dst string, shiftMs float64) error {
	in, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 4096), 1<<20)
	prefix := []byte(`{"tMs":`)
	for sc.Scan() {
		line := sc.Bytes()
		rest, ok := bytes.CutPrefix(line, prefix)
		i := bytes.IndexByte(rest, ',')
		if !ok || i < 0 {
			return fmt.Errorf("%s: unexpected line %q", src, line)
		}
		t, err := strconv.ParseFloat(string(rest[:i]), 64)
		if err != nil {
			return fmt.Errorf("%s: %v", src, err)
		}
		out.Write(prefix)
		out.Write(strconv.AppendFloat(nil, t+shiftMs, 'f', 3, 64))
		out.Write(rest[i:])
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return os.WriteFile(dst, out.Bytes(), 0o644)
}
