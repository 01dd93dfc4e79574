package record

import (
	"fmt"
	"os"
	"path/filepath"
)

// Replace puts the finished recording in dir at dst. dst is never written
// in place: the old folder is renamed aside, the new one renamed in, and
// the old one removed. A reader sees the old recording or the new one
// (or, for the instant between the two renames, none), never half of one.
// If the second rename fails the old folder is put back.
func Replace(dir, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(dst); os.IsNotExist(err) {
		return os.Rename(dir, dst)
	} else if err != nil {
		return err
	}
	parking, err := os.MkdirTemp(filepath.Dir(dir), "old-*")
	if err != nil {
		return err
	}
	aside := filepath.Join(parking, "recording")
	if err := os.Rename(dst, aside); err != nil {
		os.Remove(parking)
		return err
	}
	if err := os.Rename(dir, dst); err != nil {
		if err2 := os.Rename(aside, dst); err2 != nil {
			return fmt.Errorf("%v; and putting the old recording back failed: %v (it is in %s)", err, err2, aside)
		}
		os.Remove(parking)
		return err
	}
	return os.RemoveAll(parking)
}
