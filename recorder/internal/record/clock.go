package record

import (
	"bufio"
	"bytes"
	"fmt"
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
	// Delayed counts GCs left out of the lower bound (see Align).
	Delayed int `json:"delayed"`
	// MaxResidualMs is the largest distance, after alignment, between a
	// GC start and the millisecond gctrace printed for it (0 when every
	// start falls inside its printed millisecond).
	MaxResidualMs float64 `json:"maxResidualMs"`
}

// Align estimates how far the probe's clock is from the runtime's start,
// from the GCs that both the execution trace and gctrace saw.
//
// gctrace prints a GC's start (work.tSweepTerm) as whole milliseconds since
// runtimeInitTime, truncated. The execution trace has the same GC's start
// event a few microseconds earlier (gcStart emits it just before it reads
// tSweepTerm), which the probe's anchors put on the probe's clock at P. So
// every GC says: P + offset lies in [at, at+1). The trace sees a contiguous
// run of gctrace's GCs (none before tracing starts or after it stops); the
// run is found as the shift with the smallest spread of at-P. The offset
// is the middle of the interval the GCs agree on.
func Align(traceGCMs []float64, gcs []runtimelog.GC) (Alignment, error) {
	n, m := len(traceGCMs), len(gcs)
	if n == 0 {
		return Alignment{}, fmt.Errorf("the execution trace saw no GC")
	}
	if m < n {
		return Alignment{}, fmt.Errorf("the execution trace saw %d GCs, gctrace printed %d", n, m)
	}
	best, bestSpread := 0, -1.0
	for s := 0; s+n <= m; s++ {
		lo, hi := spread(traceGCMs, gcs[s:s+n])
		if bestSpread < 0 || hi-lo < bestSpread {
			best, bestSpread = s, hi-lo
		}
	}
	if bestSpread > 5 {
		return Alignment{}, fmt.Errorf("the trace's GC starts do not line up with gctrace's (spread %.1f ms)", bestSpread)
	}
	run := gcs[best : best+n]
	// Every GC bounds the offset from above by at-P+1. From below it is
	// bounded by at-P-ε, where ε is the time from the trace's GC start event
	// to tSweepTerm: microseconds, unless the goroutine starting the GC was
	// descheduled in between. A GC whose at-P lies above every upper bound
	// had such a delay; it bounds nothing from below and is left out.
	minD, _ := spread(traceGCMs, run)
	lo, hi := minD, minD+1
	a := Alignment{GCs: n, FirstGC: run[0].N}
	first := true
	for i := range run {
		d := run[i].AtMs - traceGCMs[i]
		if d > hi {
			a.Delayed++
			continue
		}
		if first || d > lo {
			lo, first = d, false
		}
	}
	a.OffsetMs, a.UncertaintyMs = (lo+hi)/2, (hi-lo)/2
	for i, p := range traceGCMs {
		r := p + a.OffsetMs - run[i].AtMs // in [0, 1) when consistent
		if r < 0 {
			r = -r
		} else if r < 1 {
			r = 0
		} else {
			r -= 1
		}
		if r > a.MaxResidualMs {
			a.MaxResidualMs = r
		}
	}
	a.OffsetMs, a.UncertaintyMs, a.MaxResidualMs = round3(a.OffsetMs), round3(a.UncertaintyMs), round3(a.MaxResidualMs)
	return a, nil
}

// spread returns the smallest and largest at-P.
func spread(p []float64, gcs []runtimelog.GC) (lo, hi float64) {
	for i := range p {
		d := gcs[i].AtMs - p[i]
		if i == 0 || d < lo {
			lo = d
		}
		if i == 0 || d > hi {
			hi = d
		}
	}
	return lo, hi
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
