package main

import (
	"bufio"
	"strings"
	"testing"
)

func TestCountCountsTopLevelTestsAndBrokenPackages(t *testing.T) {
	in := `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"ok\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"run","Package":"p","Test":"TestB"}
{"Action":"run","Package":"p","Test":"TestB/sub"}
{"Action":"output","Package":"p","Test":"TestB/sub","Output":"boom\n"}
{"Action":"fail","Package":"p","Test":"TestB/sub"}
{"Action":"output","Package":"p","Test":"TestB","Output":"--- FAIL: TestB\n"}
{"Action":"fail","Package":"p","Test":"TestB"}
{"Action":"skip","Package":"p","Test":"TestC"}
{"Action":"fail","Package":"p"}
# q
q/x.go:3:1: syntax error
{"Action":"output","Package":"q","Output":"FAIL q [build failed]\n"}
{"Action":"fail","Package":"q"}
{"Action":"pass","Package":"r"}
`
	counts, failed, err := count(bufio.NewScanner(strings.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	if counts["pass"] != 1 || counts["fail"] != 2 || counts["skip"] != 1 {
		t.Errorf("counts %v, want 1 passed, 2 failed (TestB, package q), 1 skipped", counts)
	}
	all := strings.Join(failed, "")
	for _, want := range []string{"--- FAIL: TestB", "syntax error", "FAIL q [build failed]"} {
		if !strings.Contains(all, want) {
			t.Errorf("failure output lacks %q:\n%s", want, all)
		}
	}
}

func TestCountCountsASkippedSubtestInsideAPassingTest(t *testing.T) {
	in := `{"Action":"run","Package":"p","Test":"TestTick"}
{"Action":"run","Package":"p","Test":"TestTick/go1.27"}
{"Action":"pass","Package":"p","Test":"TestTick/go1.27"}
{"Action":"run","Package":"p","Test":"TestTick/go1.19"}
{"Action":"output","Package":"p","Test":"TestTick/go1.19","Output":"no Go 1.19 at /nonexistent\n"}
{"Action":"skip","Package":"p","Test":"TestTick/go1.19"}
{"Action":"pass","Package":"p","Test":"TestTick"}
{"Action":"pass","Package":"p"}
`
	counts, out, err := count(bufio.NewScanner(strings.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	if counts["pass"] != 1 || counts["fail"] != 0 || counts["skip"] != 1 {
		t.Errorf("counts %v, want 1 passed, 0 failed, 1 skipped", counts)
	}
	if all := strings.Join(out, ""); !strings.Contains(all, "TestTick/go1.19") || !strings.Contains(all, "no Go 1.19") {
		t.Errorf("the skip and its reason are not printed:\n%s", all)
	}
}
