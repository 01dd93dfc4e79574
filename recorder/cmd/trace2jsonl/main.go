// Command trace2jsonl converts an execution trace (any version that
// golang.org/x/exp/trace reads) into transitions.jsonl on stdout, with tMs
// in ms since the trace's first event, and prints on stderr the function
// each goroutine created during the trace started in. npm run record does
// the same conversion, with the recording's clock, for every recording;
// this is for looking at a trace by hand (npm run record -- -keep-trace
// keeps them).
//
//	go run ./cmd/trace2jsonl trace.out > transitions.jsonl
package main

import (
	"fmt"
	"os"
	"sort"

	"blockedforever/recorder/internal/build"
	"blockedforever/recorder/internal/convert"
	"blockedforever/recorder/internal/record"
	"blockedforever/recorder/probe"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: trace2jsonl trace.out > transitions.jsonl")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fail(err)
	}
	tr, err := convert.Read(f, convert.Options{
		ClockCategory: probe.ClockCategory, GoroutineCategory: probe.GoroutineCategory,
		ProgramMain: build.ProgramMain, SkipFile: build.GeneratedFile, CoalesceNs: record.CoalesceNs,
	})
	if err != nil {
		fail(err)
	}
	if err := tr.Write(os.Stdout, 0); err != nil {
		fail(err)
	}
	var gs []int64
	for g := range tr.Entries {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i] < gs[j] })
	for _, g := range gs {
		fmt.Fprintf(os.Stderr, "G%d starts in %s\n", g, tr.Entries[g])
	}
	fmt.Fprintf(os.Stderr, "%d transitions, %d yield round trips left out\n", tr.Transitions, tr.Coalesced)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "trace2jsonl:", err)
	os.Exit(1)
}
