// Package metafile holds what the recorder's two kinds of output folder,
// a recording (internal/record) and the live module (internal/live), write
// alike into their meta.json: the hex SHA-256 of a file, the go command that
// built it, and the JSON itself.
package metafile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
)

// Source is a program file as it is in the repository (and on the page).
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// GoCommand is how the go command was run to build a program: in which
// folder, which go, with what environment (beyond the toolchain's own) and
// which arguments.
type GoCommand struct {
	Dir  string   `json:"dir"`
	Go   string   `json:"go"`
	Env  []string `json:"env,omitempty"`
	Args []string `json:"args"`
}

// Sum is the hex SHA-256 of b.
func Sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// SumFile is the hex SHA-256 of the file at path.
func SumFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return Sum(b), nil
}

// Read decodes the JSON file at path into v.
func Read(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// Write writes v to path as JSON indented by two spaces, with a final
// newline and without escaping <, > and & (the notes are prose, read as
// they are).
func Write(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
