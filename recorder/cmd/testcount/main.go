// Command testcount reads `go test -json` output on stdin and counts the
// top-level test functions that passed and failed, and every test or subtest
// that was skipped (a skipped subtest hides inside a passing test). It prints
// the output of every failed test (and of packages that failed to build) and
// the reason of every skip, then one line:
//
//	passed=N failed=N skipped=N
//
// scripts/test-go.sh adds go vet and gofmt to those counts.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	counts, failedOutput, err := count(bufio.NewScanner(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, "testcount:", err)
		os.Exit(2)
	}
	for _, out := range failedOutput {
		fmt.Print(out)
	}
	fmt.Printf("passed=%d failed=%d skipped=%d\n", counts["pass"], counts["fail"], counts["skip"])
}

// count returns how many top-level tests passed or failed (a package that
// fails without any failing test, e.g. one that does not build, counts as one
// failure) and how many tests or subtests were skipped, and the output of
// each failure, then of each skip.
func count(sc *bufio.Scanner) (map[string]int, []string, error) {
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	counts := map[string]int{}
	output := map[string]*strings.Builder{} // package or package/test -> output
	failedTests := map[string]bool{}        // packages with a failed test
	var failed, skipped []string
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			// go test prints build errors as plain text before the JSON.
			failed = append(failed, string(line)+"\n")
			continue
		}
		key := e.Package
		if e.Test != "" {
			key += "/" + e.Test
		}
		switch e.Action {
		case "output":
			if output[key] == nil {
				output[key] = &strings.Builder{}
			}
			output[key].WriteString(e.Output)
		case "skip":
			if e.Test != "" {
				counts["skip"]++
				skipped = append(skipped, "skipped: "+key+"\n"+text(output[key]))
			}
		case "pass", "fail":
			if e.Test != "" && !strings.Contains(e.Test, "/") {
				counts[e.Action]++
				if e.Action == "fail" {
					failedTests[e.Package] = true
					failed = append(failed, text(output[key]))
				}
			}
			if e.Test == "" && e.Action == "fail" && !failedTests[e.Package] {
				counts["fail"]++
				failed = append(failed, text(output[key]))
			}
		}
	}
	return counts, append(failed, skipped...), sc.Err()
}

func text(b *strings.Builder) string {
	if b == nil {
		return ""
	}
	return b.String()
}
