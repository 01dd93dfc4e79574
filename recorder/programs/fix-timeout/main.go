// Program fix-timeout is leak with a way out: each collector stops waiting
// when no data has come for 2.5 seconds, so its buffer becomes garbage and
// the forced GC after that finds the heap almost empty.
package main

import (
	"runtime"
	"time"
)

// collect appends every byte it receives to its buffer until in is closed
// or nothing has arrived for 2.5 seconds.
func collect(in <-chan byte) {
	buf := make([]byte, 0, 10<<20) // 10 MiB, reachable for as long as collect runs
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			buf = append(buf, b)
		case <-time.After(2500 * time.Millisecond): // waits here, but not for ever
			return
		}
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
		start() // the channel is dropped, but its collector will time out
	}
	for i := 0; i < 6; i++ {
		time.Sleep(time.Second)
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
	}
}
