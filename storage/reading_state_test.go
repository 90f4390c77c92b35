package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

func TestReadingStateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db, _ := mustOpenDir(t, dir)
	if s, err := db.ReadingState("gao"); err != nil || s != (reader.ReadingState{}) {
		t.Fatalf("before any write: %+v %v", s, err)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 6, time.FixedZone("WAT", 3600))
	pos := reader.ReadingState{Top: 120, Furthest: 900, Length: 3000, LastRead: at, Saved: true}
	if err := db.SetReadingPosition("gao", pos); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSaved("bamako", true); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, _ = mustOpenDir(t, dir)
	defer db.Close()
	want := map[string]reader.ReadingState{
		// SetReadingPosition leaves the star as stored: none yet.
		"gao":    {Top: 120, Furthest: 900, Length: 3000, LastRead: at.UTC()},
		"bamako": {Saved: true},
	}
	states, bad, err := db.ReadingStates()
	if err != nil || len(bad) > 0 || len(states) != 2 || states["gao"] != want["gao"] || states["bamako"] != want["bamako"] {
		t.Fatalf("ReadingStates = %+v %v %v, want %+v", states, bad, err, want)
	}
}

// A library made before reading positions gets their bucket and keeps its annotations.
func TestMigrationAddsReading(t *testing.T) {
	dir := t.TempDir()
	current := migrations
	migrations = current[:2]
	db, _, err := Open(dir)
	if err == nil {
		err = db.PutAnnotation(newAnnotation(t, "gao"))
		err = errors.Join(err, db.Close())
	}
	migrations = current
	if err != nil {
		t.Fatal(err)
	}
	db, _ = mustOpenDir(t, dir)
	if err := db.SetSaved("gao", true); err != nil {
		t.Fatal(err)
	}
	if got := mustAnnotations(t, db, "gao"); len(got) != 1 {
		t.Errorf("annotations after migration: %+v", got)
	}
}

func TestPositionAndStarKeepEachOther(t *testing.T) {
	db := mustOpen(t)
	if err := db.SetSaved("gao", true); err != nil {
		t.Fatal(err)
	}
	pos := reader.ReadingState{Top: 5, Furthest: 50, Length: 100, LastRead: annoTime}
	if err := db.SetReadingPosition("gao", pos); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.ReadingState("gao"); !s.Saved || s.Top != 5 {
		t.Fatalf("a position write dropped the star: %+v", s)
	}
	if err := db.SetSaved("gao", false); err != nil {
		t.Fatal(err)
	}
	pos.Saved = false
	if s, _ := db.ReadingState("gao"); s != pos {
		t.Fatalf("unstarring changed the position: %+v, want %+v", s, pos)
	}
}

// A record this version cannot read is skipped when listing, refused when
// asked for, and never overwritten: it may hold a star a newer version wrote.
func TestUnreadableReadingRecordIsKept(t *testing.T) {
	db := mustOpen(t)
	raw := []byte(`{"format": 2, "top": 1, "furthest": 2, "length": 3, "saved": true}`)
	if err := db.bolt.Update(func(tx *bbolt.Tx) error { return tx.Bucket(readingBucket).Put([]byte("gao"), raw) }); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSaved("bamako", true); err != nil {
		t.Fatal(err)
	}
	states, bad, err := db.ReadingStates()
	if err != nil || len(states) != 1 || len(bad) != 1 || !strings.Contains(bad[0].Error(), `"gao"`) {
		t.Fatalf("ReadingStates = %+v %v %v", states, bad, err)
	}
	if _, err := db.ReadingState("gao"); err == nil {
		t.Error("ReadingState read an unknown format")
	}
	for _, write := range []func() error{
		func() error { return db.SetSaved("gao", false) },
		func() error { return db.SetReadingPosition("gao", reader.ReadingState{Top: 9}) },
	} {
		if err := write(); err == nil {
			t.Error("a write over an unreadable record succeeded")
		}
	}
	var kept []byte
	_ = db.bolt.View(func(tx *bbolt.Tx) error {
		kept = append(kept, tx.Bucket(readingBucket).Get([]byte("gao"))...)
		return nil
	})
	if string(kept) != string(raw) {
		t.Errorf("the record became %s", kept)
	}
	if err := db.SetReadingPosition("", reader.ReadingState{}); err == nil {
		t.Error("a position without an article id was stored")
	}
}

func TestDecodeReadingRefusesNonsense(t *testing.T) {
	for _, v := range []string{
		`{"format": 1, "top": -1, "furthest": 0, "length": 0}`,
		`{"format": 1, "top": 0, "furthest": 0, "length": 0, "colour": "red"}`,
		`not json`,
	} {
		if _, err := decodeReading([]byte("gao"), []byte(v)); err == nil {
			t.Errorf("decoded %s", v)
		}
	}
}

// libraryWithStates stores the reading states of readertest.Library(n)
// straight into the library and returns its articles.
func libraryWithStates(tb testing.TB, db *DB, n int) []reader.Article {
	tb.Helper()
	arts, states := readertest.Library(n)
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(readingBucket)
		for id, s := range states {
			v, err := encodeReading(s)
			if err == nil {
				err = b.Put([]byte(id), v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

// BenchmarkLibraryModel is what the library list costs at start-up: read
// every article's reading state, then build the list model and sort it.
func BenchmarkLibraryModel(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		db := mustOpen(b)
		arts := libraryWithStates(b, db, n)
		b.Run(fmt.Sprintf("read-states/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.ReadingStates(); err != nil {
					b.Fatal(err)
				}
			}
		})
		states, _, err := db.ReadingStates()
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range reader.LibrarySorts {
			b.Run(fmt.Sprintf("rows-%s/%d", strings.ToLower(s.Name), n), func(b *testing.B) {
				for b.Loop() {
					reader.LibraryRows(arts, states, reader.ShowAll, s.Sort)
				}
			})
		}
	}
}
