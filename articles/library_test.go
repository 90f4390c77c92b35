package articles

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sahelreader/reader"
	"sahelreader/reader/importer"
	"sahelreader/reader/places"
	"sahelreader/reader/readertest"
	"sahelreader/storage"
)

func mustOpen(tb testing.TB) *storage.DB {
	tb.Helper()
	db, _, err := storage.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

func TestLibraryJoinsBundledAndImported(t *testing.T) {
	db := mustOpen(t)
	dir := t.TempDir()
	bamako, _ := ByID("bamako")
	data, err := files.ReadFile("bamako.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"mine.md":   "---\ntitle: Mine\ndate: 2999-01-01\n---\nMy own text.",
		"bamako.md": string(data), // the bundled article, imported again
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths, _, _ := importer.Collect([]string{dir})
	results := importer.Import(context.Background(), paths, Adder(db), nil)
	if results[0].Status != importer.Duplicate || results[0].Article.ID != bamako.ID {
		t.Errorf("the bundled article imported again: %s", results[0])
	}
	mine := results[1].Article
	if results[1].Status != importer.Added || mine.ID != "my-mine" {
		t.Fatalf("%s", results[1])
	}

	list, err := Library(db)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(mustAll(t))+1 || list[0].ID != mine.ID { // dated 2999: newest first
		t.Errorf("library starts %q, %d articles", list[0].ID, len(list))
	}
	for _, id := range []string{mine.ID, bamako.ID} {
		if a, ok, err := Find(db, id); !ok || err != nil || a.ID != id {
			t.Errorf("Find(%q) = %q, %v, %v", id, a.ID, ok, err)
		}
	}
	if _, ok, err := Find(db, "my-nothing"); ok || err != nil {
		t.Errorf("Find(my-nothing) = %v, %v", ok, err)
	}
}

func TestBundledIDsStayOutOfImportedOnes(t *testing.T) {
	fsys := fstest.MapFS{"x.md": {Data: []byte("---\nid: my-notes\ntitle: T\npublished: 2024-01-01\n---\nBody.")}}
	if _, err := load(fsys); err == nil || !strings.Contains(err.Error(), "kept for imported articles") {
		t.Errorf("load: %v", err)
	}
}

// BenchmarkImport imports synthetic Markdown files of 1,000 words each into
// a real library file, one transaction (and fsync) per file, and reports
// files per second; with-places also finds each article's places, as the
// reader does when the article is first shown.
func BenchmarkImport(b *testing.B) {
	g, err := places.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000} {
		dir := b.TempDir()
		for i := range n {
			// The same article with a different opening line each: distinct hashes.
			text := fmt.Sprintf("# Report %d\n\nFiled as number %d.\n\n%s", i, i, readertest.Markdown(1000))
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.md", i)), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		paths, _, _ := importer.Collect([]string{dir})
		for _, withPlaces := range []bool{false, true} {
			name := fmt.Sprintf("files=%d/places=%v", n, withPlaces)
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					db := mustOpen(b)
					add := Adder(db)
					if withPlaces {
						add = func(a reader.Article, hash string) (reader.Article, bool, error) {
							g.Extract(a.Document().Text)
							return Adder(db)(a, hash)
						}
					}
					b.StartTimer()
					for _, r := range importer.Import(context.Background(), paths, add, nil) {
						if r.Status != importer.Added {
							b.Fatal(r)
						}
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
			})
		}
	}
}
