// Package live builds programs/live for the browser: GOOS=js GOARCH=wasm,
// reproducibly, into traces/live/<go-version>/ beside the recordings, so
// that the site can run the real Go runtime in the reader's page without Go
// being installed where the site is built.
//
// The folder holds:
//
//	live.wasm.gz   the module, gzip-compressed (browsers decode gzip with
//	               DecompressionStream; brotli they do not)
//	wasm_exec.js   the JavaScript support file of the same Go, as it ships
//	               in $GOROOT/lib/wasm (module and support file must match)
//	meta.json      Go version, the source's SHA-256, the exact build command,
//	               the module's size and SHA-256
package live

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"blockedforever/recorder/internal/build"
	"blockedforever/recorder/internal/metafile"
)

// Package is the program's package in the recorder module.
const Package = "./programs/live"

// SourcePath is the program file, relative to the repository root.
const SourcePath = "recorder/programs/live/main.go"

// Module and Support are the file names in the output folder.
const (
	Module  = "live.wasm.gz"
	Support = "wasm_exec.js"
)

// BuildArgs are the go command's arguments, the output path last but one:
// -trimpath and an empty build ID make the module the same on every machine;
// -s -w drop the symbol table and DWARF (about 2% of the compressed module;
// tracebacks keep their function names and lines, which come from pclntab).
func BuildArgs(out string) []string {
	return []string{"build", "-buildvcs=false", "-trimpath", "-ldflags=-buildid= -s -w", "-o", out, Package}
}

// BuildEnv is what the go command needs besides the toolchain's environment.
var BuildEnv = []string{"GOOS=js", "GOARCH=wasm", "GOWORK=off"}

// Meta is meta.json of the live module.
type Meta struct {
	Program   string          `json:"program"`
	Kind      string          `json:"kind"`
	Source    metafile.Source `json:"source"`
	GoVersion string          `json:"goVersion"`
	GOOS      string          `json:"goos"`
	GOARCH    string          `json:"goarch"`
	Command   struct {
		metafile.GoCommand
		Note string `json:"note"`
	} `json:"command"`
	Wasm struct {
		Bytes     int    `json:"bytes"`
		SHA256    string `json:"sha256"`
		GzipBytes int    `json:"gzipBytes"`
	} `json:"wasm"`
	Files map[string]string `json:"files"`
}

// Compile builds the module with the go command goCmd (its environment
// env, which must select the Go of goVersion) and returns its bytes.
func Compile(ctx context.Context, goCmd string, env []string, recorderDir string) ([]byte, error) {
	work, err := os.MkdirTemp("", "bf-live-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	out := filepath.Join(work, "live.wasm")
	if err := build.Go(ctx, goCmd, recorderDir, append(append([]string{}, env...), BuildEnv...), BuildArgs(out)); err != nil {
		return nil, err
	}
	return os.ReadFile(out)
}

// Toolchain is the Go that builds the module.
type Toolchain struct {
	Go      string   // the go command
	Env     []string // its whole environment
	Shown   []string // the part of Env that meta.json shows (GOTOOLCHAIN=...)
	Version string   // what `go env GOVERSION` says with Env
}

// Write builds the module and writes the folder outDir (which must exist).
func Write(ctx context.Context, tc Toolchain, repoDir, outDir string) (*Meta, error) {
	goVersion := tc.Version
	wasm, err := Compile(ctx, tc.Go, tc.Env, filepath.Join(repoDir, "recorder"))
	if err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(wasm); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(outDir, Module), gz.Bytes(), 0o644); err != nil {
		return nil, err
	}
	goroot, err := build.GoEnv(ctx, tc.Go, tc.Env, "GOROOT")
	if err != nil {
		return nil, fmt.Errorf("%s env GOROOT: %v", tc.Go, err)
	}
	support, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", Support))
	if err != nil {
		return nil, fmt.Errorf("the support file of %s: %v", goVersion, err)
	}
	if err := os.WriteFile(filepath.Join(outDir, Support), support, 0o644); err != nil {
		return nil, err
	}
	src, err := os.ReadFile(filepath.Join(repoDir, SourcePath))
	if err != nil {
		return nil, err
	}
	m := &Meta{Program: "live", Kind: "wasm-build", GoVersion: goVersion, GOOS: "js", GOARCH: "wasm"}
	m.Source.Path, m.Source.SHA256 = SourcePath, metafile.Sum(src)
	m.Command.Dir, m.Command.Go = "recorder", "go"
	m.Command.Env = append(append([]string{}, tc.Shown...), BuildEnv...)
	m.Command.Args = BuildArgs("$WORK/live.wasm")
	m.Command.Note = "built by `npm run record` (recorder/cmd/record, recorder/internal/live), then gzip-compressed " +
		"(compress/gzip, best compression); the module is the program as it is in the repository, with no probe."
	m.Wasm.Bytes, m.Wasm.SHA256, m.Wasm.GzipBytes = len(wasm), metafile.Sum(wasm), gz.Len()
	m.Files = map[string]string{
		Module:      "the WebAssembly module of " + SourcePath + ", gzip-compressed",
		Support:     "$GOROOT/lib/wasm/wasm_exec.js of " + goVersion + ", unchanged: the JavaScript side of GOOS=js",
		"meta.json": "this file",
	}
	return m, metafile.Write(filepath.Join(outDir, "meta.json"), m)
}
