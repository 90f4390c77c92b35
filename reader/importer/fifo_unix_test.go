//go:build unix

package importer

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sahelreader/reader"
)

// TestFIFOIsRefusedWithoutBlocking: opening a named pipe for reading waits
// for a writer forever; the importer must not try.
func TestFIFOIsRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	files, _, _ := Collect([]string{dir})
	store := &memStore{byHash: map[string]reader.Article{}}
	results := Import(context.Background(), files, store.add, nil)
	if len(results) != 1 || results[0].Status != Failed || !strings.Contains(results[0].String(), "not a regular file") {
		t.Errorf("%v", results)
	}
}
