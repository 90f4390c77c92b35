package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// notedLibrary makes a library with one highlight on the Gao article whose
// note says "caravanserai", a word no article has.
func notedLibrary(t *testing.T) (dir string, note reader.Annotation) {
	t.Helper()
	dir = t.TempDir()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	art, _ := articles.ByID("gao-timbuktu")
	a, err := reader.NewAnnotation(art.ID, art.Document(), reader.Range{Start: 0, End: 3}, reader.Highlighting, reader.Green, time.Now())
	if err == nil {
		err = a.SetNote("Ask about the old caravanserai", time.Now())
	}
	if err == nil {
		err = a.SetTags([]string{"Travel plans"}, time.Now())
	}
	if err == nil {
		err = db.PutAnnotation(a)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir, a
}

func TestSearchJSON(t *testing.T) {
	dir, note := notedLibrary(t)
	r := run(t, runOptions{}, "--data-dir", dir, "search", "--json", "ASKIA", "tombs")
	if r.status != ExitOK || r.stderr != "" {
		t.Fatalf("search: %d %q", r.status, r.stderr)
	}
	var hits []searchHit
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil {
		t.Fatal(err)
	}
	// "tombs" is a whole word on the command line: it does not match "tomb"
	if len(hits) != 0 {
		t.Errorf("askia tombs found %+v", hits)
	}

	r = run(t, runOptions{}, "--data-dir", dir, "search", "--json", `"tomb of askia"`)
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 1 {
		t.Fatalf("phrase: %v %s", err, r.stdout)
	}
	h := hits[0]
	art, _ := articles.ByID("gao-timbuktu")
	doc := art.Document()
	if h.Article != "gao-timbuktu" || h.Title != art.Title || h.Score <= 0 || h.Count < 1 || len(h.Matches) == 0 {
		t.Fatalf("hit %+v", h)
	}
	for _, m := range h.Matches {
		if got := reader.Fold(doc.Slice(reader.Range{Start: m.Start, End: m.End})); got != "tomb of askia" {
			t.Errorf("match at %d-%d is %q", m.Start, m.End, got)
		}
		hl := m.Highlights[0]
		if got := reader.Fold(string([]rune(m.Snippet)[hl[0]:hl[1]])); got != "tomb of askia" {
			t.Errorf("snippet %q highlights %q", m.Snippet, got)
		}
	}

	r = run(t, runOptions{}, "--data-dir", dir, "search", "--json", "caravanserai")
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 1 || len(hits[0].Notes) != 1 {
		t.Fatalf("note search: %v %s", err, r.stdout)
	}
	n := hits[0].Notes[0]
	if n.Annotation != note.ID || n.Start != 0 || n.End != 3 || n.Quote != "Gao" || len(hits[0].Matches) != 0 {
		t.Errorf("note hit %+v", hits[0])
	}
	r = run(t, runOptions{}, "--data-dir", dir, "search", "--json", "nothing-like-this")
	if r.status != ExitOK || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("no hits: %d %q", r.status, r.stdout)
	}
}

func TestSearchText(t *testing.T) {
	dir, _ := notedLibrary(t)
	r := run(t, runOptions{env: map[string]string{DataDirEnv: dir}}, "search", "#travel", "caravanserai")
	want := "Gao and Timbuktu: the cities of the Niger bend (gao-timbuktu)\n" +
		"  note on \"Gao\": Ask about the old «caravanserai» #«Travel» plans\n"
	if r.status != ExitOK || r.stdout != want {
		t.Errorf("got %d %q, want %q", r.status, r.stdout, want)
	}
	r = run(t, runOptions{}, "--data-dir", dir, "search", "--limit", "1", "Mali")
	if lines := strings.Split(r.stdout, "\n"); r.status != ExitOK || !strings.HasSuffix(lines[0], ")") || !strings.Contains(r.stdout, "«Mali»") {
		t.Errorf("limit 1: %q", r.stdout)
	}
	if strings.Count(r.stdout, "\n") > 1+3+1 { // title, snippets, tags
		t.Errorf("more than one article, three snippets and its tags: %q", r.stdout)
	}
	// the bundled Gao article is tagged "heritage"
	r = run(t, runOptions{}, "--data-dir", dir, "search", "heritage")
	if !strings.Contains(r.stdout, "  tags: #Gao #Timbuktu #Kidal #history #«heritage»") {
		t.Errorf("article tags: %q", r.stdout)
	}
	r = run(t, runOptions{}, "--data-dir", dir, "search", "zzzzqqq")
	if r.status != ExitOK || r.stdout != "No matches.\n" {
		t.Errorf("no match: %q", r.stdout)
	}
}

func TestSearchBadUse(t *testing.T) {
	dir, _ := notedLibrary(t)
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "search"), ExitUsage, "query")
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "search", "--limit", "0", "gao"), ExitUsage, "limit")
	// a library in use by another process is reported, not waited for
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "search", "gao"), ExitLibraryBad, "")
}

func TestSearchReportsUnreadableNotes(t *testing.T) {
	dir, _ := notedLibrary(t)
	breakOneRecord(t, filepath.Join(dir, storage.FileName))
	r := run(t, runOptions{}, "--data-dir", dir, "search", "askia")
	if r.status != ExitFailure || !strings.Contains(r.stdout, "«Askia»") || !strings.Contains(r.stderr, "was not searched") {
		t.Errorf("got %d, stdout %q, stderr %q", r.status, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, storage.FileName)); err != nil {
		t.Error(err)
	}
}
