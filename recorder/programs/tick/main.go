// Program tick makes the time.Tick mistake: a consumer that wants to notice
// a quiet minute asks time.Tick for a new ticker on every pass of its loop
// and never stops one. Before Go 1.23 an unstopped ticker could never be
// collected, so each pass left one behind: 300,000 of them, tens of MB.
// Since Go 1.23 the GC collects tickers that nobody refers to.
package main

import (
	"fmt"
	"runtime"
	"time"
)

// consume handles messages until work is closed, and says so if a minute
// goes by without any.
func consume(work <-chan int) (handled int) {
	for {
		select {
		case _, ok := <-work:
			if !ok {
				return handled
			}
			handled++
		case <-time.Tick(time.Minute): // a new ticker on every pass, never stopped
			fmt.Println("no work for a minute")
		}
	}
}

func main() {
	for i := 0; i < 6; i++ {
		work := make(chan int, 50000)
		for j := 0; j < cap(work); j++ {
			work <- j
		}
		close(work)
		consume(work) // 50,000 passes, 50,000 tickers
		time.Sleep(time.Second)
		runtime.GC() // a forced GC: whatever it cannot free is still reachable
	}
}
