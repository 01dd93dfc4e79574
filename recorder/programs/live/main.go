// Program live is the article's leak with its knobs for you to turn. It runs
// in your browser, compiled to WebAssembly, under GODEBUG=gctrace=1: every
// "gc" line you see is the Go runtime's own report of a collection.
//
// Each collector waits on a channel of its own while it holds a buffer. With
// -fix none nobody ever sends on those channels or closes them, so the
// collectors wait for ever and every forced GC still finds their buffers
// reachable. The other fixes give them a way out:
//
//	-fix timeout   the collector stops waiting after -after (time.After)
//	-fix close     main keeps the channels and closes them after -after
//	-fix context   main cancels a context after -after; collectors watch it
//
// After each forced GC the program prints a goroutine dump, and at the end
// the goroutine leak profile (whose GC gctrace marks "checking for goroutine
// leaks") and a last dump.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func main() {
	goroutines := flag.Int("goroutines", 5, "how many collectors to start")
	bufferMiB := flag.Int("buffer", 10, "the buffer each collector holds, in MiB")
	fix := flag.String("fix", "none", "how a collector gets out: none, timeout, close or context")
	after := flag.Duration("after", 2*time.Second, "when the way out comes")
	gcs := flag.Int("gcs", 6, "how many forced GCs, one a second")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), *after)
	defer cancel()
	var feeds []chan<- byte
	for i := 0; i < *goroutines; i++ {
		c := make(chan byte)
		switch *fix {
		case "timeout":
			go collectWithTimeout(c, *bufferMiB, *after)
		case "context":
			go collectWithContext(ctx, c, *bufferMiB)
		case "close":
			feeds = append(feeds, c) // keep the channel: we owe it a close
			go collect(c, *bufferMiB)
		default:
			go collect(c, *bufferMiB) // the channel is dropped: nobody can ever send or close
		}
	}
	if *fix == "close" {
		time.AfterFunc(*after, func() {
			for _, c := range feeds {
				close(c) // nothing more to send: the collector gets ok == false
			}
		})
	}

	for i := 1; i <= *gcs; i++ {
		time.Sleep(time.Second)
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
		fmt.Printf("live: goroutine dump after forced GC %d of %d\n", i, *gcs)
		pprof.Lookup("goroutine").WriteTo(os.Stdout, 2)
	}
	// Asking for the leak profile runs one more GC, which looks for
	// goroutines blocked on something no running goroutine can reach.
	pprof.Lookup("goroutineleak").WriteTo(os.Stdout, 1)
	// The goroutines that GC found stay marked until the next such GC: the
	// dump shows them as "(leaked)".
	fmt.Println("live: goroutine dump after the leak check")
	pprof.Lookup("goroutine").WriteTo(os.Stdout, 2)
}

// collect appends every byte it receives to its buffer until in is closed.
func collect(in <-chan byte, mib int) {
	buf := make([]byte, 0, mib<<20) // reachable for as long as collect runs
	for {
		b, ok := <-in // blocks here until a byte arrives or in is closed
		if !ok {
			return
		}
		buf = append(buf, b)
	}
}

// collectWithTimeout is collect that also stops when nothing has come for wait.
func collectWithTimeout(in <-chan byte, mib int, wait time.Duration) {
	buf := make([]byte, 0, mib<<20)
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			buf = append(buf, b)
		case <-time.After(wait): // waits here, but not for ever
			return
		}
	}
}

// collectWithContext is collect that also stops when ctx is cancelled.
func collectWithContext(ctx context.Context, in <-chan byte, mib int) {
	buf := make([]byte, 0, mib<<20)
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			buf = append(buf, b)
		case <-ctx.Done(): // waits here until main cancels
			return
		}
	}
}
