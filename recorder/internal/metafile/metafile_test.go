package metafile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"blockedforever/recorder/internal/live"
	"blockedforever/recorder/internal/metafile"
	"blockedforever/recorder/internal/record"
)

// The meta.json files in traces/ were written by the recorder: read into
// their Meta and written again, each must come out byte for byte as it is
// committed, so a change to the shared types or to Write that would change
// the recorder's output (and ask for new recordings) fails here first.
func TestWriteGivesTheCommittedMetaFilesBack(t *testing.T) {
	repoDir, _ := filepath.Abs("../../..")
	metas, _ := filepath.Glob(filepath.Join(repoDir, "traces", "*", "*", "meta.json"))
	if len(metas) < 7 {
		t.Fatalf("%d meta.json files in traces/, want the 6 recordings and the live module", len(metas))
	}
	for _, path := range metas {
		var m any = &record.Meta{}
		if filepath.Base(filepath.Dir(filepath.Dir(path))) == "live" {
			m = &live.Meta{}
		}
		if err := metafile.Read(path, m); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "meta.json")
		if err := metafile.Write(out, m); err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(path)
		got, _ := os.ReadFile(out)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: written again it is not the same (%d bytes, committed %d)", path, len(got), len(want))
		}
	}
}
