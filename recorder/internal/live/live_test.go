package live

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"blockedforever/recorder/internal/metafile"
)

var repoDir, _ = filepath.Abs("../../..")

// goEnv asks the go command on PATH (GOTOOLCHAIN selects the Go, as
// scripts/test-go.sh sets it) for one of its settings.
func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// The committed module must be the build of the program as it is now: a
// changed main.go without npm run record would run old code under new text.
func TestCommittedModuleIsTheBuildOfTheCurrentSource(t *testing.T) {
	version := goEnv(t, "GOVERSION")
	dir := filepath.Join(repoDir, "traces", "live", version)
	var m Meta
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		t.Fatalf("no live module built with %s (%v): run npm run record", version, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(repoDir, SourcePath))
	if err != nil {
		t.Fatal(err)
	}
	if m.Source.SHA256 != metafile.Sum(src) || m.GoVersion != version || m.GOOS != "js" || m.GOARCH != "wasm" {
		t.Errorf("meta.json describes %s %s for %s/%s; the source is %s: run npm run record",
			m.Source.SHA256, m.GoVersion, m.GOOS, m.GOARCH, metafile.Sum(src))
	}

	gz, err := os.ReadFile(filepath.Join(dir, Module))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatalf("%s: %v", Module, err)
	}
	committed, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", Module, err)
	}
	built, err := Compile(context.Background(), "go", os.Environ(), filepath.Join(repoDir, "recorder"))
	if err != nil {
		t.Fatal(err)
	}
	if metafile.Sum(built) != metafile.Sum(committed) || metafile.Sum(committed) != m.Wasm.SHA256 || len(gz) != m.Wasm.GzipBytes {
		t.Errorf("the committed module (%s, meta says %s) is not today's build of %s (%s): run npm run record",
			metafile.Sum(committed), m.Wasm.SHA256, SourcePath, metafile.Sum(built))
	}

	support, _ := os.ReadFile(filepath.Join(dir, Support))
	want, err := os.ReadFile(filepath.Join(goEnv(t, "GOROOT"), "lib", "wasm", Support))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(support, want) {
		t.Errorf("%s is not the one %s ships", Support, version)
	}
}
