package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
	"sahelreader/storage"
)

func writeTree(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	readertest.WriteFiles(t, dir, files)
	return dir
}

func TestImportArticles(t *testing.T) {
	data := t.TempDir()
	src := writeTree(t, map[string]string{
		"a/rain.md":     "# Rain in Gao\n\nThe rain came to Gao late that year.",
		"a/b/note.txt":  "Mopti, 3 May.\n\n*Not* emphasis.",
		"a/b/page.html": "<h1>Ségou</h1><script>alert(1)</script><p>On the Niger.</p>",
		"a/bad.md":      "\x00\x01",
		"a/empty.txt":   "",
		"a/photo.jpg":   "jpeg",
	})
	r := run(t, runOptions{}, "--data-dir", data, "import", filepath.Join(src, "a"))
	if r.status != ExitFailure {
		t.Errorf("status %d, want %d (two files failed)", r.status, ExitFailure)
	}
	for _, want := range []string{
		"added      " + filepath.Join(src, "a/rain.md") + `: "Rain in Gao" (my-rain-in-gao)`,
		`"note" (my-note)`, `"Ségou" (my-segou)`,
		"failed     " + filepath.Join(src, "a/bad.md") + ": binary data",
		"a/empty.txt: the file is empty",
		"3 added, 0 duplicates, 2 failed; 1 other file in the folders is not of a type that is imported",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}

	// Imported articles are in the library for every command.
	r = run(t, runOptions{}, "--data-dir", data, "list", "--json")
	var rows []listedArticle
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err, r.stderr)
	}
	ids := map[string]bool{}
	for _, row := range rows {
		ids[row.ID] = true
	}
	if !ids["my-rain-in-gao"] || !ids["my-note"] || !ids["my-segou"] || !ids["bamako"] {
		t.Errorf("list: %v", ids)
	}
	if r := run(t, runOptions{}, "--data-dir", data, "text", "my-segou"); r.stdout != "Ségou\nOn the Niger." {
		t.Errorf("text: %q %s", r.stdout, r.stderr)
	}
	if r := run(t, runOptions{}, "--data-dir", data, "places", "my-rain-in-gao"); !strings.Contains(r.stdout, `"name": "Gao"`) {
		t.Errorf("places: %s %s", r.stdout, r.stderr)
	}

	// Again: every file is a duplicate, and nothing failed.
	r = run(t, runOptions{}, "--data-dir", data, "import", filepath.Join(src, "a/rain.md"), filepath.Join(src, "a/b"))
	if r.status != ExitOK || !strings.Contains(r.stdout, `same text as "Rain in Gao" (my-rain-in-gao), skipped`) ||
		!strings.HasSuffix(r.stdout, "0 added, 3 duplicates, 0 failed\n") {
		t.Errorf("status %d:\n%s", r.status, r.stdout)
	}
}

func TestImportArguments(t *testing.T) {
	data := t.TempDir()
	r := run(t, runOptions{}, "--data-dir", data, "import")
	oneLineError(t, r, ExitUsage, "at least one")
	r = run(t, runOptions{}, "--data-dir", data, "import", "a.json", "b.md")
	oneLineError(t, r, ExitUsage, "not both")
}

// TestImportAnnotationsRoundTrip: export, import into an empty library,
// export again: the same annotations, the same file.
func TestImportAnnotationsRoundTrip(t *testing.T) {
	from := annotatedLibrary(t)
	file := filepath.Join(t.TempDir(), "notes.json")
	if r := run(t, runOptions{}, "--data-dir", from, "export", "--format", "w3c", "-o", file); r.status != ExitOK {
		t.Fatal(r.stderr)
	}
	to := t.TempDir()
	r := run(t, runOptions{}, "--data-dir", to, "import", file)
	if r.status != ExitOK || r.stdout != "3 annotations: 3 added, 0 updated (newer), 0 unchanged (the library's were as new)\n" {
		t.Fatalf("status %d: %s %s", r.status, r.stdout, r.stderr)
	}
	again := filepath.Join(t.TempDir(), "again.json")
	run(t, runOptions{}, "--data-dir", to, "export", "--format", "w3c", "-o", again)
	a, _ := os.ReadFile(file)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Errorf("export after import differs:\n%s\n---\n%s", a, b)
	}
	want, got := libraryAnnotations(t, from), libraryAnnotations(t, to)
	for i := range want {
		want[i].Target.TextHash = "" // not part of the W3C form
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported\n%+v\nwant\n%+v", got, want)
	}
	if r := run(t, runOptions{}, "--data-dir", to, "import", file); !strings.Contains(r.stdout, "0 added, 0 updated (newer), 3 unchanged") {
		t.Errorf("second import: %s", r.stdout)
	}
}

func TestImportAnnotationsBadFileWritesNothing(t *testing.T) {
	from := annotatedLibrary(t)
	file := filepath.Join(t.TempDir(), "notes.json")
	run(t, runOptions{}, "--data-dir", from, "export", "--format", "w3c", "-o", file)
	good, _ := os.ReadFile(file)
	// The last annotation is broken: the ones before must not go in either.
	i := strings.LastIndex(string(good), `"motivation": "highlighting"`)
	bad := string(good[:i]) + `"motivation": "highlighting", "color": "blue"` + string(good[i+len(`"motivation": "highlighting"`):])
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	to := t.TempDir()
	r := run(t, runOptions{}, "--data-dir", to, "import", file)
	oneLineError(t, r, ExitFailure, `unknown field "color"`)
	if !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("stderr %q", r.stderr)
	}
	if got := libraryAnnotations(t, to); len(got) != 0 {
		t.Errorf("a refused file wrote %d annotations", len(got))
	}
}

func libraryAnnotations(t *testing.T, dir string) []reader.Annotation {
	t.Helper()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	anns, bad, err := db.AllAnnotations()
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	return anns
}

func TestImportAnnotationsOfAnArticleNotHere(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.json")
	run(t, runOptions{}, "--data-dir", annotatedLibrary(t), "export", "--format", "w3c", "-o", file)
	data, _ := os.ReadFile(file)
	gone := strings.ReplaceAll(string(data), "urn:sahelreader:article:bamako", "urn:sahelreader:article:my-gone")
	if err := os.WriteFile(file, []byte(gone), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, runOptions{}, "--data-dir", t.TempDir(), "import", file)
	if r.status != ExitOK || !strings.Contains(r.stdout, "note: articles not in this library: my-gone;") {
		t.Errorf("status %d: %s %s", r.status, r.stdout, r.stderr)
	}
}
