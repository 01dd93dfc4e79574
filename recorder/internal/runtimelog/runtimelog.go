// Package runtimelog reads the few things the recorder checks in a
// program's stderr under GODEBUG=gctrace=1,schedtrace=N,scheddetail=1.
// The article's real parsers are in src/lib; this one only serves the
// recorder's clock check and its tests.
package runtimelog

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// GC is one gctrace line.
type GC struct {
	N         int
	AtMs      float64 // "@S.SSSs": since the runtime started
	LiveMB    int     // Z in "X->Y->Z MB"
	GoalMB    int
	Forced    bool
	LeakCheck bool // "(checking for goroutine leaks)"
}

var gcRE = regexp.MustCompile(`^gc (\d+) @(\d+\.\d+)s \d+%( \(checking for goroutine leaks\))?: .* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, .*P( \(forced\))?$`)

// G is one goroutine line of a scheddetail block.
type G struct {
	ID     int
	Status int
	Reason string
}

// Sched is one schedtrace block.
type Sched struct {
	Ms int
	Gs []G
}

var schedRE = regexp.MustCompile(`^SCHED (\d+)ms:`)
var gRE = regexp.MustCompile(`^  G(\d+): status=(\d+)\(([^)]*)\)`)

// Parse reads gctrace lines and schedtrace blocks from a stderr log.
func Parse(r io.Reader) (gcs []GC, scheds []Sched, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := gcRE.FindStringSubmatch(line); m != nil {
			at, _ := strconv.ParseFloat(m[2], 64)
			gcs = append(gcs, GC{N: atoi(m[1]), AtMs: at * 1000, LiveMB: atoi(m[6]), GoalMB: atoi(m[7]),
				Forced: m[8] != "", LeakCheck: m[3] != ""})
		} else if m := schedRE.FindStringSubmatch(line); m != nil {
			scheds = append(scheds, Sched{Ms: atoi(m[1])})
		} else if m := gRE.FindStringSubmatch(line); m != nil && len(scheds) > 0 && strings.HasPrefix(line, "  G") {
			s := &scheds[len(scheds)-1]
			s.Gs = append(s.Gs, G{ID: atoi(m[1]), Status: atoi(m[2]), Reason: m[3]})
		}
	}
	return gcs, scheds, sc.Err()
}

// Waiting counts the goroutines of s in status 4 (waiting) with the reason.
func (s Sched) Waiting(reason string) (n int) {
	for _, g := range s.Gs {
		if g.Status == 4 && g.Reason == reason {
			n++
		}
	}
	return n
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
