package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

var restoreTime = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

// backedUp is a library in its own folder with two annotations, backed up
// to a file outside it; the library stays open.
func backedUp(t *testing.T) (db *DB, backup string) {
	t.Helper()
	db, _ = mustOpenDir(t, t.TempDir())
	mustPut(t, db, fullAnnotation(t, "gao"), newAnnotation(t, "bamako"))
	backup = filepath.Join(t.TempDir(), "library.backup")
	if _, err := db.Backup(backup); err != nil {
		t.Fatal(err)
	}
	return db, backup
}

func TestBackupWhileOpenRestoresEverything(t *testing.T) {
	db, backup := backedUp(t)
	info, err := CheckBackup(backup)
	if err != nil {
		t.Fatal(err)
	}
	if info.Annotations != 2 || info.Schema != len(migrations) || info.Size == 0 {
		t.Errorf("CheckBackup = %+v, want 2 annotations at schema %d", info, len(migrations))
	}
	want := mustAnnotations(t, db, "gao")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	kept, err := Restore(dir, backup, restoreTime)
	if err != nil || kept != "" {
		t.Fatalf("Restore into an empty folder: kept %q, %v", kept, err)
	}
	restored, _ := mustOpenDir(t, dir)
	if got := mustAnnotations(t, restored, "gao"); !reflect.DeepEqual(got, want) {
		t.Errorf("restored %v, want %v", got, want)
	}
}

func TestBackupDirRefusesWhileTheAppRuns(t *testing.T) {
	dir := t.TempDir()
	mustOpenDir(t, dir) // the app
	_, err := BackupDir(dir, filepath.Join(t.TempDir(), "b"))
	if !errors.Is(err, ErrLibraryInUse) || !strings.Contains(err.Error(), "File > Back up") {
		t.Errorf("BackupDir while open: %v, want ErrLibraryInUse naming the menu", err)
	}
	if _, err := Restore(dir, filepath.Join(t.TempDir(), "b"), restoreTime); !errors.Is(err, ErrLibraryInUse) {
		t.Errorf("Restore while open: %v, want ErrLibraryInUse", err)
	}
}

func TestBackupDirOfAClosedLibraryChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db, _ := mustOpenDir(t, dir)
	mustPut(t, db, newAnnotation(t, "gao"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, filepath.Join(dir, FileName))
	backup := filepath.Join(t.TempDir(), "b")
	if info, err := BackupDir(dir, backup); err != nil || info.Annotations != 1 {
		t.Fatalf("BackupDir: %+v, %v", info, err)
	}
	if !bytes.Equal(before, readFile(t, filepath.Join(dir, FileName))) || len(dirNames(t, dir)) != 1 {
		t.Error("BackupDir changed the library folder")
	}
	if info, err := CheckBackup(backup); err != nil || info.Annotations != 1 {
		t.Errorf("CheckBackup = %+v, %v", info, err)
	}
	if _, err := BackupDir(t.TempDir(), backup); err == nil {
		t.Error("BackupDir of a folder with no library succeeded")
	}
}

func TestBackupRefusesTheLibraryItself(t *testing.T) {
	db := mustOpen(t)
	mustPut(t, db, newAnnotation(t, "gao"))
	if _, err := db.Backup(db.Path()); err == nil {
		t.Fatal("a backup over the library itself was written")
	}
	if got := mustAnnotations(t, db, "gao"); len(got) != 1 {
		t.Errorf("library holds %d annotations after the refused backup", len(got))
	}
}

func TestRestoreKeepsTheReplacedLibrary(t *testing.T) {
	db, backup := backedUp(t)
	dir := filepath.Dir(db.Path())
	mustPut(t, db, newAnnotation(t, "timbuktu")) // made after the backup
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, db.Path())
	kept, err := Restore(dir, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if want := db.Path() + ".before-restore-20260304-050607"; kept != want {
		t.Errorf("kept as %q, want %q", kept, want)
	}
	if !bytes.Equal(readFile(t, kept), before) {
		t.Error("the kept library is not the one replaced")
	}
	// A second restore in the same second keeps the first kept file.
	kept2, err := Restore(dir, backup, restoreTime)
	if err != nil || kept2 != kept+"-2" {
		t.Errorf("second restore kept %q (%v), want %q", kept2, err, kept+"-2")
	}
	restored, _ := mustOpenDir(t, dir)
	if got := mustAnnotations(t, restored, "timbuktu"); len(got) != 0 {
		t.Errorf("the restored library has the annotation made after the backup")
	}
	if got := mustAnnotations(t, restored, "gao"); len(got) != 1 {
		t.Errorf("the restored library has %d annotations of gao, want 1", len(got))
	}
}

func TestRestoreReplacesADamagedLibrary(t *testing.T) {
	_, backup := backedUp(t)
	dir := t.TempDir()
	garbage := bytes.Repeat([]byte("not a library "), 500)
	if err := os.WriteFile(filepath.Join(dir, FileName), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(dir, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, kept), garbage) {
		t.Error("the damaged library was not kept as it was")
	}
	restored, _ := mustOpenDir(t, dir)
	if got := mustAnnotations(t, restored, "bamako"); len(got) != 1 {
		t.Errorf("restored library has %d annotations of bamako, want 1", len(got))
	}
}

// TestBadBackupsReplaceNothing: each is refused with a message saying why,
// and the library folder is byte for byte as it was.
func TestBadBackupsReplaceNothing(t *testing.T) {
	_, good := backedUp(t)
	size := int64(len(readFile(t, good)))
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"truncated", func(t *testing.T, path string) {
			if err := os.WriteFile(path, readFile(t, good)[:size/2], 0o600); err != nil {
				t.Fatal(err)
			}
		}, "truncated"},
		{"not bbolt", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("# notes\n\nnot a database at all\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a Sahel Reader backup"},
		{"empty", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "empty"},
		{"newer schema", func(t *testing.T, path string) {
			writeBolt(t, path, metaWithSchema(schemaBytes(uint64(len(migrations)+1))))
		}, "newer version"},
		{"another program's bbolt file", func(t *testing.T, path string) {
			writeBolt(t, path, func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("jobs")); return err })
		}, "not a Sahel Reader backup"},
		{"missing", func(*testing.T, string) {}, "cannot read the backup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.backup")
			tt.make(t, bad)
			if _, err := CheckBackup(bad); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("CheckBackup: %v, want an error saying %q", err, tt.want)
			}
			db, _ := mustOpenDir(t, t.TempDir())
			mustPut(t, db, newAnnotation(t, "gao"))
			dir := filepath.Dir(db.Path())
			if _, err := db.Restore(bad, restoreTime); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("DB.Restore: %v, want an error saying %q", err, tt.want)
			}
			if got := mustAnnotations(t, db, "gao"); len(got) != 1 {
				t.Errorf("after a refused restore the open library has %d annotations, want 1", len(got))
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			before := readFile(t, db.Path())
			if _, err := Restore(dir, bad, restoreTime); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Restore: %v, want an error saying %q", err, tt.want)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{FileName}) || !bytes.Equal(before, readFile(t, db.Path())) {
				t.Errorf("the library folder changed: %v", names)
			}
		})
	}
}

func TestOpenLibraryRestoresAndReopens(t *testing.T) {
	db, backup := backedUp(t)
	mustPut(t, db, newAnnotation(t, "timbuktu"))
	kept, err := db.Restore(backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the replaced library was not kept: %v", err)
	}
	if got := mustAnnotations(t, db, "timbuktu"); len(got) != 0 {
		t.Error("the reopened library still has the annotation made after the backup")
	}
	if got := mustAnnotations(t, db, "gao"); len(got) != 1 {
		t.Errorf("the reopened library has %d annotations of gao, want 1", len(got))
	}
	mustPut(t, db, newAnnotation(t, "mopti")) // and it is writable
	if _, _, err := Open(filepath.Dir(db.Path())); !errors.Is(err, ErrAlreadyRunning) {
		t.Errorf("a second Open after the restore: %v, want ErrAlreadyRunning (the lock is held again)", err)
	}
}

func TestRestoreMigratesAnOlderBackup(t *testing.T) {
	old := filepath.Join(t.TempDir(), "old.backup")
	writeBolt(t, old, func(tx *bbolt.Tx) error {
		if err := createMetaAndSettings(tx); err != nil {
			return err
		}
		return putSchema(tx, 1)
	})
	if info, err := CheckBackup(old); err != nil || info.Schema != 1 {
		t.Fatalf("CheckBackup = %+v, %v", info, err)
	}
	db := mustOpen(t)
	if _, err := db.Restore(old, restoreTime); err != nil {
		t.Fatal(err)
	}
	if v, err := db.SchemaVersion(); err != nil || v != len(migrations) {
		t.Errorf("schema after restoring a version-1 backup = %d, %v", v, err)
	}
	mustPut(t, db, newAnnotation(t, "gao"))
}

func BenchmarkBackup(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		b.Run(strconv.Itoa(n)+"-annotations", func(b *testing.B) {
			db := mustOpen(b)
			err := db.bolt.Update(func(tx *bbolt.Tx) error {
				for i := range n {
					a := newAnnotation(b, "gao")
					a.ID = benchID(i)
					value, err := encodeAnnotation(a)
					if err == nil {
						err = tx.Bucket(annotationsBucket).Put(annotationKey(a.ArticleID, a.ID), value)
					}
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			dest := filepath.Join(b.TempDir(), "b")
			for b.Loop() {
				if _, err := db.Backup(dest); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
