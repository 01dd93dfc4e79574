// Program fix-context is leak with cancellation: every collector also
// watches a context that is cancelled after two seconds, and returns when
// it is. This is how a request's goroutines learn that nobody waits anymore.
package main

import (
	"context"
	"runtime"
	"time"
)

// collect appends every byte it receives to its buffer until in is closed
// or ctx is cancelled.
func collect(ctx context.Context, in <-chan byte) {
	buf := make([]byte, 0, 10<<20) // 10 MiB, reachable for as long as collect runs
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			buf = append(buf, b)
		case <-ctx.Done(): // waits here until the context is cancelled
			return
		}
	}
}

// start starts a collector and returns the channel that feeds it.
func start(ctx context.Context) chan<- byte {
	c := make(chan byte)
	go collect(ctx, c)
	return c
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for i := 0; i < 5; i++ {
		start(ctx) // the channel is dropped, but ctx will tell the collector to stop
	}
	for i := 0; i < 6; i++ {
		time.Sleep(time.Second)
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
	}
}
