package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
	"sahelreader/reader/importer"
)

func importedArticle(title, body string) (reader.Article, string) {
	return reader.Article{Title: title, Source: "notes.md", Published: annoTime, Tags: []string{"Gao"}, Body: body}, importer.Hash(body)
}

func mustAdd(tb testing.TB, db *DB, title, body string) reader.Article {
	tb.Helper()
	a, hash := importedArticle(title, body)
	stored, dup, err := db.AddImported(a, hash)
	if err != nil || dup {
		tb.Fatalf("AddImported(%q): dup %v, %v", title, dup, err)
	}
	return stored
}

func mustImported(tb testing.TB, db *DB) []reader.Article {
	tb.Helper()
	list, err := db.ImportedArticles()
	if err != nil {
		tb.Fatal(err)
	}
	return list
}

func TestImportedArticlesPersist(t *testing.T) {
	dir := t.TempDir()
	db, _ := mustOpenDir(t, dir)
	gao := mustAdd(t, db, "Rain in Gao", "The rain came late.")
	again := mustAdd(t, db, "Rain  in Gao", "Another text, same title.")
	if gao.ID != "my-rain-in-gao" || again.ID != "my-rain-in-gao-2" || again.Title != "Rain in Gao" {
		t.Errorf("ids %q and %q, title %q", gao.ID, again.ID, again.Title)
	}
	want := reader.Article{ID: gao.ID, Title: "Rain in Gao", Source: "notes.md", Published: annoTime, Tags: []string{"Gao"}, Body: "The rain came late."}
	if !reflect.DeepEqual(gao, want) {
		t.Errorf("stored %+v\nwant %+v", gao, want)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, _ = mustOpenDir(t, dir)
	if got := mustImported(t, db); !reflect.DeepEqual(got, []reader.Article{gao, again}) {
		t.Errorf("after reopen: %+v", got)
	}
}

func TestAddImportedSkipsDuplicates(t *testing.T) {
	db := mustOpen(t)
	first := mustAdd(t, db, "First", "Same text.")
	a, hash := importedArticle("Second", "Same text.")
	got, dup, err := db.AddImported(a, hash)
	if err != nil || !dup || !reflect.DeepEqual(got, first) {
		t.Errorf("AddImported = %+v, %v, %v; want the first article as a duplicate", got, dup, err)
	}
	if n := len(mustImported(t, db)); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
}

func TestAddImportedRefusesWhatCannotBeShown(t *testing.T) {
	db := mustOpen(t)
	for _, a := range []reader.Article{
		{Title: " ", Body: "x"},
		{Title: "Two\nlines", Body: "x"},
		{Title: "T", Body: "x", Tags: []string{"a\tb"}},
		{Title: "T", Body: ""},
	} {
		if _, _, err := db.AddImported(a, importer.Hash(a.Body)); err == nil {
			t.Errorf("AddImported(%+v) stored it", a)
		}
	}
	if n := len(mustImported(t, db)); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}

func TestUpdateImported(t *testing.T) {
	db := mustOpen(t)
	a := mustAdd(t, db, "Old title", "Text.")
	got, err := db.UpdateImported(a.ID, "  New   title ", " Le Monde ", []string{"mali", "Mali", " sahel "})
	if err != nil {
		t.Fatal(err)
	}
	want := a
	want.Title, want.Source, want.Tags = "New title", "Le Monde", []string{"mali", "sahel"}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(mustImported(t, db), []reader.Article{want}) {
		t.Errorf("updated %+v, want %+v", got, want)
	}
	if _, err := db.UpdateImported(a.ID, "", "", nil); err == nil {
		t.Error("an empty title was accepted")
	}
	if _, err := db.UpdateImported("my-nothing", "T", "", nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if got := mustImported(t, db); !reflect.DeepEqual(got, []reader.Article{want}) {
		t.Errorf("a refused update changed the article: %+v", got)
	}
}

func TestDeleteImportedTakesItsAnnotations(t *testing.T) {
	db := mustOpen(t)
	a := mustAdd(t, db, "Gao", "The river at Gao.")
	b := mustAdd(t, db, "Gao more", "The river at Gao, again.")
	mustPut(t, db, newAnnotation(t, a.ID), fullAnnotation(t, a.ID), newAnnotation(t, b.ID))
	putRaw(t, db, string(annotationKey(a.ID, "unreadable")), "{not json")
	n, err := db.DeleteImported(a.ID)
	if err != nil || n != 3 {
		t.Fatalf("DeleteImported = %d, %v; want 3 annotation records", n, err)
	}
	if got := mustImported(t, db); len(got) != 1 || got[0].ID != b.ID {
		t.Errorf("left %+v", got)
	}
	all, bad, err := db.AllAnnotations()
	if err != nil || len(bad) != 0 || len(all) != 1 || all[0].ArticleID != b.ID {
		t.Errorf("annotations left: %+v %v %v", all, bad, err)
	}
	// Its hash went too: the same text imports again.
	if again := mustAdd(t, db, "Gao", "The river at Gao."); again.ID != a.ID {
		t.Errorf("re-imported as %q", again.ID)
	}
	if _, err := db.DeleteImported("my-nothing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
}

func TestUnreadableImportedRecord(t *testing.T) {
	db := mustOpen(t)
	good := mustAdd(t, db, "Good", "Readable.")
	bad := mustAdd(t, db, "Bad", "Soon unreadable.")
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(importedBucket).Put([]byte(bad.ID), []byte(`{"format":2}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.ImportedArticles()
	if !reflect.DeepEqual(list, []reader.Article{good}) || err == nil || !strings.Contains(err.Error(), `"my-bad"`) {
		t.Errorf("ImportedArticles = %+v, %v; want the good one and an error naming the bad", list, err)
	}
	// It can still be deleted, hash and all.
	if _, err := db.DeleteImported(bad.ID); err != nil {
		t.Fatal(err)
	}
	if again := mustAdd(t, db, "Bad", "Soon unreadable."); again.ID != bad.ID {
		t.Errorf("re-imported as %q", again.ID)
	}
}

func TestMergeAnnotations(t *testing.T) {
	db := mustOpen(t)
	kept := fullAnnotation(t, "gao")
	older, newer := newAnnotation(t, "gao"), newAnnotation(t, "gao")
	newer.ID = older.ID
	if err := newer.SetNote("edited elsewhere", annoTime.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	mustPut(t, db, kept, older)
	stale := kept
	stale.Note, stale.Modified = "an old version", annoTime // older than kept's
	added := newAnnotation(t, "bamako")

	report, err := db.MergeAnnotations([]reader.Annotation{stale, newer, added})
	if err != nil || report != (MergeReport{Added: 1, Updated: 1, Unchanged: 1}) {
		t.Fatalf("MergeAnnotations = %+v, %v", report, err)
	}
	all, _, _ := db.AllAnnotations()
	if want := byID([]reader.Annotation{kept, newer}); !reflect.DeepEqual(mustAnnotations(t, db, "gao"), want) || len(all) != 3 {
		t.Errorf("after merge: %+v", all)
	}

	// One bad annotation: nothing is written.
	invalid := newAnnotation(t, "kidal")
	invalid.Color = "orange"
	fresh := newAnnotation(t, "kidal")
	if _, err := db.MergeAnnotations([]reader.Annotation{fresh, invalid}); err == nil {
		t.Error("an invalid annotation was merged")
	}
	if _, err := db.MergeAnnotations([]reader.Annotation{fresh, fresh}); err == nil {
		t.Error("the same annotation twice was merged")
	}
	if got := mustAnnotations(t, db, "kidal"); len(got) != 0 {
		t.Errorf("a failed merge wrote %+v", got)
	}
	// A stored record that cannot be read is never replaced.
	putRaw(t, db, string(annotationKey("kidal", fresh.ID)), "{not json")
	var de DecodeError
	if _, err := db.MergeAnnotations([]reader.Annotation{newAnnotation(t, "kidal"), fresh}); !errors.As(err, &de) {
		t.Errorf("merge over an unreadable record: %v", err)
	}
	if got, _, _ := db.Annotations("kidal"); len(got) != 0 {
		t.Errorf("a failed merge wrote %+v", got)
	}
}
