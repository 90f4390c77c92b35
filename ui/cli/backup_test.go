package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahelreader/storage"
)

func exportW3C(t *testing.T, dir string) string {
	t.Helper()
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c")
	if r.status != ExitOK {
		t.Fatalf("export: %d %q", r.status, r.stderr)
	}
	return r.stdout
}

func libraryBytes(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, storage.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBackupCorruptRestore(t *testing.T) {
	dir := annotatedLibrary(t)
	want := exportW3C(t, dir)
	backup := filepath.Join(t.TempDir(), "library.backup")
	r := run(t, runOptions{}, "--data-dir", dir, "backup", backup)
	if r.status != ExitOK || r.stderr != "" || !strings.Contains(r.stdout, "3 annotations") {
		t.Fatalf("backup: %d %q %q", r.status, r.stdout, r.stderr)
	}
	garbage := bytes.Repeat([]byte{0xAB}, 8192)
	if err := os.WriteFile(filepath.Join(dir, storage.FileName), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	r = run(t, runOptions{}, "--data-dir", dir, "restore", "--yes", backup)
	if r.status != ExitOK || r.stderr != "" || !strings.Contains(r.stdout, ".before-restore-") {
		t.Fatalf("restore: %d %q %q", r.status, r.stdout, r.stderr)
	}
	if got := exportW3C(t, dir); got != want {
		t.Errorf("after restoring, the export differs:\n%s\nwant\n%s", got, want)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, storage.FileName+".before-restore-*"))
	if len(kept) != 1 {
		t.Fatalf("kept files %v, want one", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, garbage) {
		t.Error("the replaced library was not kept as it was")
	}
}

func TestBackupAndRestoreRefuseWhileTheAppRuns(t *testing.T) {
	dir := annotatedLibrary(t)
	db, _, err := storage.Open(dir) // the app
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	backup := filepath.Join(t.TempDir(), "b")
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "backup", backup), ExitLibraryBad, "File > Back up")
	if _, err := os.Stat(backup); !os.IsNotExist(err) {
		t.Errorf("a backup file was left: %v", err)
	}
	if _, err := db.Backup(backup); err != nil {
		t.Fatal(err)
	}
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "restore", "--yes", backup), ExitLibraryBad, "File > Restore")
}

func TestRestoreAsksFirst(t *testing.T) {
	dir := annotatedLibrary(t)
	backup := filepath.Join(t.TempDir(), "b")
	if r := run(t, runOptions{}, "--data-dir", dir, "backup", backup); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	before := libraryBytes(t, dir)
	oneLineError(t, run(t, runOptions{stdin: "y\n"}, "--data-dir", dir, "restore", backup), ExitUsage, "--yes")

	defer func(old func(io.Reader) bool) { isTerminal = old }(isTerminal)
	isTerminal = func(io.Reader) bool { return true }
	r := run(t, runOptions{stdin: "\n"}, "--data-dir", dir, "restore", backup)
	if r.status == ExitOK || !strings.Contains(r.stdout, "[y/N]") || !strings.Contains(r.stdout, "Nothing was changed") {
		t.Errorf("restore answered with Enter: %d %q", r.status, r.stdout)
	}
	if !bytes.Equal(before, libraryBytes(t, dir)) {
		t.Error("the library changed without a yes")
	}
	r = run(t, runOptions{stdin: "y\n"}, "--data-dir", dir, "restore", backup)
	if r.status != ExitOK || !strings.Contains(r.stdout, "Restored") {
		t.Errorf("restore answered y: %d %q %q", r.status, r.stdout, r.stderr)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := annotatedLibrary(t)
	good := filepath.Join(t.TempDir(), "good")
	if r := run(t, runOptions{}, "--data-dir", dir, "backup", good); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	before := libraryBytes(t, dir)
	for name, content := range map[string][]byte{
		"truncated": data[:len(data)/2],
		"text":      []byte("# My notes\n\nnot a library\n"),
	} {
		bad := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(bad, content, 0o600); err != nil {
			t.Fatal(err)
		}
		oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "restore", "--yes", bad), ExitFailure, "nothing was changed")
	}
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "restore", "--yes", filepath.Join(dir, "absent")), ExitFailure, "cannot read the backup")
	if !bytes.Equal(before, libraryBytes(t, dir)) {
		t.Error("a refused restore changed the library")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the library folder holds %d entries after refused restores, want 1", len(entries))
	}
}
