package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// memStore is an AddFunc over a map, standing in for the library.
type memStore struct {
	byHash map[string]reader.Article
	fail   error // returned by every add when set
}

func (m *memStore) add(a reader.Article, hash string) (reader.Article, bool, error) {
	if m.fail != nil {
		return a, false, m.fail
	}
	if old, ok := m.byHash[hash]; ok {
		return old, true, nil
	}
	a.ID = NewID(a.Title, hash, func(id string) bool {
		for _, o := range m.byHash {
			if o.ID == id {
				return true
			}
		}
		return false
	})
	m.byHash[hash] = a
	return a, false, nil
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	readertest.WriteFiles(t, dir, map[string]string{
		"a.md": "A", "b/c.TXT": "C", "b/d/e.htm": "E", "b/photo.jpg": "x", ".git/x.md": "hidden",
		"b/.draft.md": "hidden", "notes.pdf": "%PDF",
	})
	files, failed, ignored := Collect([]string{dir, filepath.Join(dir, "a.md"), filepath.Join(dir, "notes.pdf"), filepath.Join(dir, "gone.md")})
	want := []string{filepath.Join(dir, "a.md"), filepath.Join(dir, "b/c.TXT"), filepath.Join(dir, "b/d/e.htm")}
	if !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if ignored != 2 { // photo.jpg and notes.pdf inside the folder
		t.Errorf("ignored %d, want 2", ignored)
	}
	if len(failed) != 2 || !strings.Contains(failed[0].Err.Error(), "not imported") || !strings.Contains(failed[1].Err.Error(), "not there") {
		t.Errorf("failed %v", failed)
	}
}

func TestImportGoesOnPastBadFiles(t *testing.T) {
	dir := t.TempDir()
	readertest.WriteFiles(t, dir, map[string]string{
		"1.md": "# One\n\nText one.", "2.md": "\x00binary", "3.md": "# One again\n\nText three.",
		"4.txt": "Text four.", "5.md": "# Vanishes\n\nText.", "6.html": "<p>Six</p>", "7.md": "\n\n# One\n\nText one.  \n",
	})
	big := filepath.Join(dir, "8.md")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: over the limit by size alone, never read.
	if err := errors.Join(f.Truncate(MaxFileBytes+1), f.Close()); err != nil {
		t.Fatal(err)
	}
	files, _, _ := Collect([]string{dir})
	store := &memStore{byHash: map[string]reader.Article{}}
	var progress []int
	results := Import(context.Background(), files, store.add, func(done int, r Result) {
		progress = append(progress, done)
		if strings.HasSuffix(r.Path, "4.txt") {
			_ = os.Remove(filepath.Join(dir, "5.md")) // vanishes after listing, before reading
		}
	})
	want := []struct {
		status Status
		detail string
	}{
		{Added, "my-one"}, {Failed, "binary"}, {Added, "my-one-again"}, {Added, "my-4"}, {Failed, "not there"},
		{Added, "my-6"}, {Duplicate, "my-one"}, {Failed, "over 20 MB"},
	}
	if len(results) != len(want) || !slices.Equal(progress, []int{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Fatalf("%d results, progress %v: %v", len(results), progress, results)
	}
	for i, w := range want {
		r := results[i]
		if r.Status != w.status || !strings.Contains(r.String(), w.detail) {
			t.Errorf("%s: %q, want status %d with %q", filepath.Base(r.Path), r, w.status, w.detail)
		}
	}
	if got := Summary(results, 0, 0); got != "4 added, 1 duplicate, 3 failed" {
		t.Errorf("Summary = %q", got)
	}
}

func TestImportStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	readertest.WriteFiles(t, dir, map[string]string{"a.txt": "A", "b.txt": "B", "c.txt": "C"})
	files, _, _ := Collect([]string{dir})
	ctx, cancel := context.WithCancel(context.Background())
	store := &memStore{byHash: map[string]reader.Article{}}
	results := Import(ctx, files, store.add, func(done int, _ Result) {
		if done == 2 {
			cancel()
		}
	})
	if len(results) != 2 || len(store.byHash) != 2 {
		t.Errorf("%d results, %d stored; want 2 and 2", len(results), len(store.byHash))
	}
	if got := Summary(results, len(files)-len(results), 1); got != "2 added, 0 duplicates, 0 failed, 1 not imported (cancelled); 1 other file in the folders is not of a type that is imported" {
		t.Errorf("Summary = %q", got)
	}
}

func TestImportReportsStoreFailures(t *testing.T) {
	dir := t.TempDir()
	readertest.WriteFiles(t, dir, map[string]string{"a.txt": "A", "b.txt": "B"})
	files, _, _ := Collect([]string{dir})
	store := &memStore{fail: errors.New("disk full")}
	for _, r := range Import(context.Background(), files, store.add, nil) {
		if r.Status != Failed || !strings.Contains(r.String(), "could not be saved: disk full") {
			t.Errorf("%s", r)
		}
	}
}
