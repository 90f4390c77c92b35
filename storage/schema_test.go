package storage

import (
	"bytes"
	"slices"
	"testing"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
)

func TestLibraryBucketsAreWhatMigrationsCreate(t *testing.T) {
	db, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got []string
	if err := db.bolt.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error { got = append(got, string(name)); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range libraryBuckets {
		want = append(want, string(name))
	}
	slices.Sort(want)
	if !slices.Equal(got, want) { // bbolt lists buckets in key order
		t.Errorf("a new library has buckets %v, libraryBuckets says %v", got, want)
	}
}

func TestOpenRestoresBucketsAnUpToDateFileLacks(t *testing.T) {
	dir := t.TempDir()
	db, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	note := []byte(`kept`)
	if err := db.bolt.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(settingsBucket).Put([]byte("probe"), note); err != nil {
			return err
		}
		if err := tx.DeleteBucket(readingBucket); err != nil {
			return err
		}
		return tx.DeleteBucket(placeCorrectionsBucket)
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, report, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !slices.Equal(report.Restored, []string{"reading", "place-corrections"}) {
		t.Errorf("report.Restored = %v, want reading and place-corrections", report.Restored)
	}
	if err := db.SetReadingPosition("minusma-withdrawal", reader.ReadingState{Top: 10, Furthest: 20, Length: 100}); err != nil {
		t.Errorf("reading positions still fail after the repair: %v", err)
	}
	if err := db.bolt.View(func(tx *bbolt.Tx) error {
		if got := tx.Bucket(settingsBucket).Get([]byte("probe")); !bytes.Equal(got, note) {
			t.Errorf("the other buckets changed: settings probe = %q", got)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, again, err := Open(dir); err != nil || len(again.Restored) != 0 {
		t.Errorf("a second open repaired %v (%v), want nothing", again.Restored, err)
	}
}
