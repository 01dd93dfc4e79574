package build

import (
	"bytes"
	"strings"
	"testing"
)

const program = `// Program p.
package main

import "fmt"

func helper() { fmt.Println("main") }

func main() {
	helper()
}
`

func TestRenameMainKeepsEveryLineInPlace(t *testing.T) {
	got, err := RenameMain([]byte(program))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(program, "func main() {", "func "+ProgramMain+"() {", 1)
	if string(got) != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if bytes.Count(got, []byte("\n")) != strings.Count(program, "\n") {
		t.Error("line count changed")
	}
	if !bytes.Contains(got, []byte(`fmt.Println("main")`)) {
		t.Error("a string that says main was changed")
	}
}

func TestRenameMainRejectsWhatIsNotAMainProgram(t *testing.T) {
	for name, src := range map[string]string{
		"no main":     "package main\n\nfunc other() {}\n",
		"library":     "package lib\n\nfunc main() {}\n",
		"method main": "package main\n\ntype T struct{}\n\nfunc (T) main() {}\n",
		"not Go":      "package main\n\nfunc main( {\n",
	} {
		if _, err := RenameMain([]byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestModFileSetsTheGoLineAndRequiresTheProbe(t *testing.T) {
	gomod := []byte("// A comment that mentions go 1.5 and require.\nmodule example.com/tick\n\ngo 1.19\n")
	line, err := GoLine(gomod)
	if err != nil || line != "1.19" {
		t.Fatalf("GoLine = %q, %v; want 1.19", line, err)
	}
	mf, err := ModFile(gomod, "1.27", "/r/probe")
	if err != nil {
		t.Fatal(err)
	}
	want := "module example.com/tick\n\ngo 1.27\n\nrequire " + ProbeModule + " v0.0.0\n\nreplace " + ProbeModule + " => /r/probe\n"
	if string(mf) != want {
		t.Errorf("got\n%s\nwant\n%s", mf, want)
	}
	if _, err := ModFile([]byte("module m\n\ngo 1.19\n\nrequire x.org/y v1.0.0\n"), "1.27", "/p"); err == nil {
		t.Error("a go.mod with requirements was accepted (they would be lost)")
	}
}
