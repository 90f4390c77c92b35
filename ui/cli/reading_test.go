package cli

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// readLibrary is a library where gao-timbuktu is 42.5% read and saved,
// and bamako finished.
func readLibrary(t *testing.T) (dir string, read time.Time) {
	t.Helper()
	dir = t.TempDir()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	read = time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC)
	err = errors.Join(
		db.SetReadingPosition("gao-timbuktu", reader.ReadingState{Top: 100, Furthest: 425, Length: 1000, LastRead: read}),
		db.SetSaved("gao-timbuktu", true),
		db.SetReadingPosition("bamako", reader.ReadingState{Top: 900, Furthest: 1000, Length: 1000, LastRead: read}),
		db.Close())
	if err != nil {
		t.Fatal(err)
	}
	return dir, read
}

func TestListShowsReadingProgress(t *testing.T) {
	dir, read := readLibrary(t)
	r := run(t, runOptions{}, "--data-dir", dir, "list", "--json")
	var rows []listedArticle
	if err := json.Unmarshal([]byte(r.stdout), &rows); r.status != ExitOK || err != nil {
		t.Fatalf("list --json: %d %v %q", r.status, err, r.stderr)
	}
	when := read.Format(time.RFC3339)
	byID := map[string]listedArticle{}
	for _, row := range rows {
		byID[row.ID] = row
	}
	if g := byID["gao-timbuktu"]; g.Progress != 0.425 || !g.Saved || g.LastRead == nil || *g.LastRead != when {
		t.Errorf("gao-timbuktu: %+v", g)
	}
	if b := byID["bamako"]; b.Progress != 1 || b.Saved {
		t.Errorf("bamako: %+v", b)
	}
	if m := byID[articles.DefaultID]; m.Progress != 0 || m.Saved || m.LastRead != nil {
		t.Errorf("never opened: %+v", m)
	}
	// Never-opened articles say so with null, not a zero time.
	if !strings.Contains(r.stdout, `"last_read": null`) || !strings.Contains(r.stdout, `"last_read": "`+when+`"`) {
		t.Errorf("last_read is not RFC 3339 or null:\n%s", r.stdout)
	}

	r = run(t, runOptions{}, "--data-dir", dir, "list")
	for _, want := range []string{"READ", "42%*", "done", " - "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list has no %q:\n%s", want, r.stdout)
		}
	}
}

func TestListReportsUnreadableReadingRecords(t *testing.T) {
	dir, _ := readLibrary(t)
	bdb, err := bbolt.Open(filepath.Join(dir, storage.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("reading")).Put([]byte("bamako"), []byte("{")) })
	if err := errors.Join(err, bdb.Close()); err != nil {
		t.Fatal(err)
	}
	r := run(t, runOptions{}, "--data-dir", dir, "list", "--json")
	var rows []listedArticle
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("the list was not written: %v", err)
	}
	oneLineError(t, r, ExitFailure, `"bamako"`)
}

func TestListRefusesALibraryInUse(t *testing.T) {
	dir, _ := readLibrary(t)
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "list"), ExitLibraryBad, "already running")
}

func TestExportW3CIncludesBookmarks(t *testing.T) {
	dir := annotatedLibrary(t)
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	gao, _ := articles.ByID("gao-timbuktu")
	doc := gao.Document()
	at, _ := reader.BookmarkRange(doc, 200)
	b, err := reader.NewAnnotation(gao.ID, doc, at, reader.Bookmarking, "", time.Now())
	if err == nil {
		err = b.SetNote("Where the river bends", time.Now())
	}
	if err := errors.Join(err, db.PutAnnotation(b), db.Close()); err != nil {
		t.Fatal(err)
	}
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c", "--article", "gao-timbuktu")
	var c struct {
		First struct {
			Items []struct {
				ID, Motivation string
				Body           []struct{ Value, Purpose string }
				Stylesheet     any
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &c); r.status != ExitOK || err != nil {
		t.Fatalf("export: %d %v %q", r.status, err, r.stderr)
	}
	found := false
	for _, it := range c.First.Items {
		if it.ID != "urn:uuid:"+b.ID {
			continue
		}
		found = true
		if it.Motivation != "bookmarking" || it.Stylesheet != nil || len(it.Body) != 1 ||
			it.Body[0].Value != "Where the river bends" || it.Body[0].Purpose != "describing" {
			t.Errorf("bookmark exported as %+v", it)
		}
	}
	if !found || len(c.First.Items) != 3 {
		t.Errorf("the bookmark is not among the %d exported annotations", len(c.First.Items))
	}
}
