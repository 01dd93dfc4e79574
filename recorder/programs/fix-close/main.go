// Program fix-close is leak with the sender doing its job: main keeps the
// channels and closes them after two seconds, when it has nothing more to
// send. Each collector sees the close, returns, and its buffer is freed.
package main

import (
	"runtime"
	"time"
)

// collect appends every byte it receives to its buffer until in is closed.
func collect(in <-chan byte) {
	buf := make([]byte, 0, 10<<20) // 10 MiB, reachable for as long as collect runs
	for {
		b, ok := <-in // blocks here until a byte arrives or in is closed
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
	var feeds []chan<- byte
	for i := 0; i < 5; i++ {
		feeds = append(feeds, start()) // keep the channel: we owe it a close
	}
	for i := 0; i < 6; i++ {
		time.Sleep(time.Second)
		if i == 1 {
			for _, c := range feeds {
				close(c) // nothing more to send: the collector gets ok == false
			}
		}
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
	}
}
