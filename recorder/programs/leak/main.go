// Program leak starts five goroutines that wait for data nobody will send.
// Each one keeps a 10 MiB buffer alive, so the heap never shrinks: watch the
// forced GCs in GODEBUG=gctrace=1 report about 50 MB live again and again.
package main

import (
	"runtime"
	"time"
)

// collect appends every byte it receives to its buffer until in is closed.
func collect(in <-chan byte) {
	buf := make([]byte, 0, 10<<20) // 10 MiB, reachable for as long as collect runs
	for {
		b, ok := <-in // blocks here for ever: no one sends on in, no one closes it
		if !ok {
			return
		}
		buf = append(buf, b)
	}
}

// start starts a collector and returns the channel that feeds it.
func start() chan<- byte {
	c := make(chan byte)
	go collect(c)
	return c
}

func main() {
	for i := 0; i < 5; i++ {
		start() // the channel is dropped: its collector can never finish
	}
	for i := 0; i < 6; i++ {
		time.Sleep(time.Second)
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
	}
}
