package readertest

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteFiles writes files (slash-separated name relative to dir -> content)
// under dir, making folders as needed: a tree of files to import.
func WriteFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
