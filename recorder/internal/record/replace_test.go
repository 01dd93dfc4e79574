package record

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestReplacePutsANewRecordingInPlace(t *testing.T) {
	root := t.TempDir()
	tmp, dst := filepath.Join(root, ".tmp", "new"), filepath.Join(root, "leak", "go1.27.3")
	write(t, tmp, "meta.json", "new")
	if err := Replace(tmp, dst); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "meta.json")); string(b) != "new" {
		t.Errorf("meta.json = %q", b)
	}
	if got := names(t, filepath.Join(root, ".tmp")); len(got) != 0 {
		t.Errorf("left behind in .tmp: %v", got)
	}
}

func TestReplaceSwapsTheWholeOldRecordingOut(t *testing.T) {
	root := t.TempDir()
	tmp, dst := filepath.Join(root, ".tmp", "new"), filepath.Join(root, "leak", "go1.27.3")
	write(t, dst, "meta.json", "old")
	write(t, dst, "leak-profile.txt", "only in the old one")
	write(t, tmp, "meta.json", "new")
	if err := Replace(tmp, dst); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dst); len(got) != 1 || got[0] != "meta.json" {
		t.Errorf("recording holds %v, want just the new meta.json", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "meta.json")); string(b) != "new" {
		t.Errorf("meta.json = %q", b)
	}
	if got := names(t, filepath.Join(root, ".tmp")); len(got) != 0 {
		t.Errorf("left behind in .tmp: %v", got)
	}
}

func TestReplaceThatFailsKeepsTheOldRecording(t *testing.T) {
	root := t.TempDir()
	dst := filepath.Join(root, "leak", "go1.27.3")
	write(t, dst, "meta.json", "old")
	missing := filepath.Join(root, ".tmp", "never-written")
	os.MkdirAll(filepath.Dir(missing), 0o755)
	if err := Replace(missing, dst); err == nil {
		t.Fatal("replacing with a folder that does not exist succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "meta.json")); string(b) != "old" {
		t.Errorf("old recording lost: meta.json = %q", b)
	}
	if got := names(t, filepath.Join(root, ".tmp")); len(got) != 0 {
		t.Errorf("left behind in .tmp: %v", got)
	}
}
