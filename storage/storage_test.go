package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// mustOpen opens a fresh library in a temporary folder, closed at cleanup.
func mustOpen(tb testing.TB) *DB {
	tb.Helper()
	db, _ := mustOpenDir(tb, tb.TempDir())
	return db
}

// mustOpenDir opens the library in dir, closed at cleanup.
func mustOpenDir(tb testing.TB, dir string) (*DB, OpenReport) {
	tb.Helper()
	db, report, err := Open(dir)
	if err != nil {
		tb.Fatalf("Open(%q): %v", dir, err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db, report
}

// writeBolt creates a raw bbolt file at path filled in by fill.
func writeBolt(tb testing.TB, path string, fill func(*bbolt.Tx) error) {
	tb.Helper()
	bdb, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := bdb.Update(fill); err != nil {
		tb.Fatal(err)
	}
	if err := bdb.Close(); err != nil {
		tb.Fatal(err)
	}
}

// metaWithSchema fills a file with a meta bucket holding the given raw schema value.
func metaWithSchema(raw []byte) func(*bbolt.Tx) error {
	return func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket(metaBucket)
		if err != nil || raw == nil {
			return err
		}
		return b.Put(schemaKey, raw)
	}
}

func schemaBytes(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// bigLibrary writes a current library whose live pages span most of the file.
func bigLibrary(tb testing.TB, path string) {
	tb.Helper()
	libraryWithRecords(tb, path, 500, 500)
}

// libraryWithRecords writes a current library plus n records of size bytes
// in a "records" bucket, standing in for annotations to come.
func libraryWithRecords(tb testing.TB, path string, n, size int) {
	tb.Helper()
	value := bytes.Repeat([]byte{'x'}, size)
	writeBolt(tb, path, func(tx *bbolt.Tx) error {
		for _, m := range migrations {
			if err := m(tx); err != nil {
				return err
			}
		}
		b, err := tx.CreateBucket([]byte("records"))
		if err != nil {
			return err
		}
		for i := range n {
			if err := b.Put(binary.BigEndian.AppendUint64(nil, uint64(i)), value); err != nil {
				return err
			}
		}
		return putSchema(tx, len(migrations))
	})
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestOpenFresh(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	db, report := mustOpenDir(t, dir)

	if !reflect.DeepEqual(report, OpenReport{}) {
		t.Errorf("report = %+v, want empty", report)
	}
	if want := filepath.Join(dir, FileName); db.Path() != want {
		t.Errorf("Path() = %q, want %q", db.Path(), want)
	}
	if v, err := db.SchemaVersion(); err != nil || v != len(migrations) {
		t.Errorf("SchemaVersion() = %d, %v; want %d", v, err, len(migrations))
	}
	if id, err := db.LastArticle(); err != nil || id != "" {
		t.Errorf("LastArticle() = %q, %v; want empty", id, err)
	}
	if runtime.GOOS != "windows" {
		for path, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, db.Path(): 0o600} {
			if fi, err := os.Stat(path); err != nil || fi.Mode() != want {
				t.Errorf("mode of %s = %v (%v), want %v", path, fi.Mode(), err, want)
			}
		}
	}
}

func TestLastArticleSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"minusma-withdrawal", "tombouctou-manuscrits-été", ""} {
		db, _, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetLastArticle(id); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}

		db, _ = mustOpenDir(t, dir)
		got, err := db.LastArticle()
		if err != nil || got != id {
			t.Errorf("after reopen LastArticle() = %q, %v; want %q", got, err, id)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSecondOpenIsAlreadyRunning(t *testing.T) {
	dir := t.TempDir()
	first, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 1)
	go func() {
		db, _, err := Open(dir)
		if err == nil {
			_ = db.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrAlreadyRunning) {
			t.Fatalf("second Open: %v, want ErrAlreadyRunning", err)
		}
	case <-time.After(time.Minute): // a hang guard, not a timing assertion
		t.Fatal("second Open did not return")
	}

	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	mustOpenDir(t, dir)
}

var movedAsideName = regexp.MustCompile(`^` + regexp.QuoteMeta(FileName) + `\.corrupt-\d{8}-\d{6}(-\d+)?$`)

func TestOpenMovesUnreadableFileAside(t *testing.T) {
	tests := []struct {
		name  string
		write func(tb testing.TB, path string)
	}{
		{"garbage", func(tb testing.TB, path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("Bamako Mopti Gao "), 4096), 0o600); err != nil {
				tb.Fatal(err)
			}
		}},
		{"empty file", func(tb testing.TB, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				tb.Fatal(err)
			}
		}},
		{"truncated to half", truncated(func(size int64) int64 { return size / 2 })},
		{"truncated within the second meta page", truncated(func(int64) int64 { return 5000 })},
		{"truncated within the first page", truncated(func(int64) int64 { return 100 })},
		{"truncated to the end of the map", truncated(func(int64) int64 { return 32 << 10 })},
		{"meta page checksums broken", func(tb testing.TB, path string) {
			bigLibrary(tb, path)
			b := readFile(tb, path)
			b[16+48] ^= 0xff // the txid of both meta pages
			b[4096+16+48] ^= 0xff
			if err := os.WriteFile(path, b, 0o600); err != nil {
				tb.Fatal(err)
			}
		}},
		{"root page overwritten", overwritePage(func(m liveMeta) uint64 { return m.root })},
		{"freelist page overwritten", overwritePage(func(m liveMeta) uint64 { return m.freelist })},
		{"foreign bbolt file", func(tb testing.TB, path string) {
			writeBolt(tb, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
		}},
		{"meta without schema", func(tb testing.TB, path string) {
			writeBolt(tb, path, metaWithSchema(nil))
		}},
		{"schema not 8 bytes", func(tb testing.TB, path string) {
			writeBolt(tb, path, metaWithSchema([]byte("1")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			tt.write(t, path)
			original := readFile(t, path)

			db, report := mustOpenDir(t, dir)

			if report.Reason == "" {
				t.Error("report.Reason is empty")
			}
			t.Logf("reason: %s", report.Reason)
			if filepath.Dir(report.MovedAside) != dir || !movedAsideName.MatchString(filepath.Base(report.MovedAside)) {
				t.Fatalf("MovedAside = %q, want %s/%s.corrupt-YYYYMMDD-HHMMSS", report.MovedAside, dir, FileName)
			}
			if !bytes.Equal(readFile(t, report.MovedAside), original) {
				t.Error("moved-aside file differs from the original")
			}
			if names := dirNames(t, dir); len(names) != 2 {
				t.Errorf("folder holds %q, want the library and the moved-aside file", names)
			}
			if v, err := db.SchemaVersion(); err != nil || v != len(migrations) {
				t.Errorf("fresh library SchemaVersion() = %d, %v", v, err)
			}
			if err := db.SetLastArticle("gao"); err != nil {
				t.Errorf("fresh library SetLastArticle: %v", err)
			}
		})
	}
}

// truncated writes a real library and cuts it to size(original size).
func truncated(size func(int64) int64) func(testing.TB, string) {
	return func(tb testing.TB, path string) {
		bigLibrary(tb, path)
		fi, err := os.Stat(path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.Truncate(path, size(fi.Size())); err != nil {
			tb.Fatal(err)
		}
	}
}

// liveMeta is the part of bbolt's newest meta page the tests aim at.
type liveMeta struct{ root, freelist, pgid uint64 }

// readLiveMeta decodes the meta page with the higher txid (bbolt's layout:
// a 16-byte page header, then magic, version, page size, flags, root bucket
// {root, sequence}, freelist, pgid, txid, checksum; native byte order).
func readLiveMeta(tb testing.TB, b []byte) liveMeta {
	tb.Helper()
	const pageSize = 4096
	var best liveMeta
	var bestTxid uint64
	for p := range 2 {
		m := b[p*pageSize+16:]
		if txid := binary.NativeEndian.Uint64(m[48:]); p == 0 || txid > bestTxid {
			bestTxid = txid
			best = liveMeta{
				root:     binary.NativeEndian.Uint64(m[16:]),
				freelist: binary.NativeEndian.Uint64(m[32:]),
				pgid:     binary.NativeEndian.Uint64(m[40:]),
			}
		}
	}
	return best
}

// overwritePage writes a real library and fills one of its live pages with 0xff.
func overwritePage(which func(liveMeta) uint64) func(testing.TB, string) {
	return func(tb testing.TB, path string) {
		bigLibrary(tb, path)
		b := readFile(tb, path)
		page := which(readLiveMeta(tb, b))
		copy(b[page*4096:(page+1)*4096], bytes.Repeat([]byte{0xff}, 4096))
		if err := os.WriteFile(path, b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestOpenKeepsUsableFiles(t *testing.T) {
	tests := []struct {
		name  string
		write func(tb testing.TB, path string)
	}{
		{"bbolt file without buckets", func(tb testing.TB, path string) {
			writeBolt(tb, path, func(*bbolt.Tx) error { return nil })
		}},
		{"meta at schema 0", func(tb testing.TB, path string) {
			writeBolt(tb, path, metaWithSchema(schemaBytes(0)))
		}},
		{"preallocated tail cut off", func(tb testing.TB, path string) {
			bigLibrary(tb, path)
			if err := os.Truncate(path, int64(readLiveMeta(tb, readFile(tb, path)).pgid)*4096); err != nil {
				tb.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.write(t, filepath.Join(dir, FileName))

			db, report := mustOpenDir(t, dir)

			if !reflect.DeepEqual(report, OpenReport{}) {
				t.Errorf("report = %+v, want empty", report)
			}
			if v, err := db.SchemaVersion(); err != nil || v != len(migrations) {
				t.Errorf("SchemaVersion() = %d, %v; want %d", v, err, len(migrations))
			}
			if err := db.SetLastArticle("kidal"); err != nil {
				t.Errorf("SetLastArticle: %v", err)
			}
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	newer := len(migrations) + 1
	writeBolt(t, path, metaWithSchema(schemaBytes(uint64(newer))))
	mtime := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	original := readFile(t, path)

	db, report, err := Open(dir)

	if err == nil {
		_ = db.Close()
		t.Fatal("Open succeeded on a newer schema")
	}
	var nse *NewerSchemaError
	if !errors.As(err, &nse) {
		t.Fatalf("Open: %v, want *NewerSchemaError", err)
	}
	if want := (NewerSchemaError{Path: path, Found: newer, Known: len(migrations)}); *nse != want {
		t.Errorf("error = %+v, want %+v", *nse, want)
	}
	for _, s := range []string{"newer version of Sahel Reader", "untouched", "update Sahel Reader"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message %q lacks %q", err, s)
		}
	}
	if !reflect.DeepEqual(report, OpenReport{}) {
		t.Errorf("report = %+v, want empty", report)
	}
	if !bytes.Equal(readFile(t, path), original) {
		t.Error("file bytes changed")
	}
	if fi, err := os.Stat(path); err != nil || !fi.ModTime().Equal(mtime) {
		t.Errorf("mtime = %v (%v), want %v", fi.ModTime(), err, mtime)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q, want only the library", names)
	}
}

// withMigrations replaces the migration list for one test; such tests must
// not run in parallel.
func withMigrations(t *testing.T, ms ...func(*bbolt.Tx) error) {
	saved := migrations
	migrations = ms
	t.Cleanup(func() { migrations = saved })
}

func TestMigrationsRunOnceInOrder(t *testing.T) {
	var ran []int
	record := func(n int) func(*bbolt.Tx) error {
		return func(tx *bbolt.Tx) error {
			if n == 1 {
				if err := createMetaAndSettings(tx); err != nil {
					return err
				}
			}
			ran = append(ran, n)
			return nil
		}
	}
	dir := t.TempDir()

	withMigrations(t, record(1), record(2))
	for range 2 {
		db, _ := mustOpenDir(t, dir)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if want := []int{1, 2}; !slices.Equal(ran, want) {
		t.Fatalf("after two opens ran %v, want %v", ran, want)
	}

	// A later build adds migration 3: only it runs.
	withMigrations(t, record(1), record(2), record(3))
	db, _ := mustOpenDir(t, dir)
	if want := []int{1, 2, 3}; !slices.Equal(ran, want) {
		t.Errorf("after upgrade ran %v, want %v", ran, want)
	}
	if v, err := db.SchemaVersion(); err != nil || v != 3 {
		t.Errorf("SchemaVersion() = %d, %v; want 3", v, err)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	writeBolt(t, path, metaWithSchema(schemaBytes(0)))

	withMigrations(t, createMetaAndSettings, func(*bbolt.Tx) error { return errors.New("boom") })
	if db, _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "migration 2: boom") {
		if err == nil {
			_ = db.Close()
		}
		t.Fatalf("Open: %v, want migration 2 error", err)
	}

	bdb, err := bbolt.Open(path, 0, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(settingsBucket) != nil {
			t.Error("migration 1's bucket was committed")
		}
		if v, err := libraryVersion(tx); err != nil || v != 0 {
			t.Errorf("version = %d, %v; want 0", v, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenReportsEnvironmentErrors(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(tb testing.TB, dir string) (openDir string)
		want    string
	}{
		{"folder under a regular file", func(tb testing.TB, dir string) string {
			file := filepath.Join(dir, "file")
			if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
				tb.Fatal(err)
			}
			return filepath.Join(file, "library")
		}, "cannot create library folder"},
		{"library path is a folder", func(tb testing.TB, dir string) string {
			if err := os.Mkdir(filepath.Join(dir, FileName), 0o700); err != nil {
				tb.Fatal(err)
			}
			return dir
		}, "cannot open library"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			openDir := tt.prepare(t, dir)
			before := dirNames(t, dir)

			db, report, err := Open(openDir)

			if err == nil {
				_ = db.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), openDir) {
				t.Errorf("error %q does not say %q about %s", err, tt.want, openDir)
			}
			if !reflect.DeepEqual(report, OpenReport{}) {
				t.Errorf("report = %+v, want empty", report)
			}
			if after := dirNames(t, dir); !slices.Equal(before, after) {
				t.Errorf("folder changed from %q to %q", before, after)
			}
		})
	}
}

func TestMoveAsideNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	at := time.Date(2025, 7, 1, 9, 30, 5, 0, time.Local)
	taken := []string{path + ".corrupt-20250701-093005", path + ".corrupt-20250701-093005-2"}
	for _, name := range taken {
		if err := os.WriteFile(name, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, []byte("broken"), 0o600); err != nil {
		t.Fatal(err)
	}

	moved, err := moveAside(path, at)

	if want := path + ".corrupt-20250701-093005-3"; err != nil || moved != want {
		t.Fatalf("moveAside = %q, %v; want %q", moved, err, want)
	}
	if got := string(readFile(t, moved)); got != "broken" {
		t.Errorf("moved file holds %q", got)
	}
	for _, name := range taken {
		if got := string(readFile(t, name)); got != name {
			t.Errorf("%s was overwritten with %q", name, got)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("original still present: %v", err)
	}
}

func TestDefaultDir(t *testing.T) {
	home := t.TempDir()
	var want string
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		t.Setenv("XDG_CONFIG_HOME", home)
		want = filepath.Join(home, "fyne", AppID)
	case "darwin":
		t.Setenv("HOME", home)
		want = filepath.Join(home, "Library", "Preferences", "fyne", AppID)
	case "windows":
		t.Setenv("USERPROFILE", home)
		want = filepath.Join(home, "AppData", "Roaming", "fyne", AppID)
	default:
		t.Skipf("no data folder on %s", runtime.GOOS)
	}
	if got, err := DefaultDir(); err != nil || got != want {
		t.Errorf("DefaultDir() = %q, %v; want %q", got, err, want)
	}

	// Where Fyne would fall back to a relative path, DefaultDir fails.
	for _, v := range []string{"XDG_CONFIG_HOME", "HOME", "USERPROFILE"} {
		t.Setenv(v, "")
	}
	if got, err := DefaultDir(); err == nil {
		t.Errorf("DefaultDir() without a home = %q, want an error", got)
	}
}

// benchSizes are library sizes in records of 1 KiB: about 1, 16 and 128 MiB.
var benchSizes = []int{1 << 10, 16 << 10, 128 << 10}

// BenchmarkOpen measures Open+Close, which must not grow with the file.
func BenchmarkOpen(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			libraryWithRecords(b, filepath.Join(dir, FileName), n, 1024)
			for b.Loop() {
				db, report, err := Open(dir)
				if err != nil || report.MovedAside != "" {
					b.Fatal(err, report)
				}
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck measures bbolt's full consistency check (tx.Check), which
// Open does not run because its cost grows with the file.
func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			db, _ := mustOpenDir(b, b.TempDir())
			err := db.bolt.Update(func(tx *bbolt.Tx) error {
				bkt, err := tx.CreateBucket([]byte("records"))
				if err != nil {
					return err
				}
				value := bytes.Repeat([]byte{'x'}, 1024)
				for i := range n {
					if err := bkt.Put(binary.BigEndian.AppendUint64(nil, uint64(i)), value); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				err := db.bolt.View(func(tx *bbolt.Tx) error {
					for err := range tx.Check() {
						return err
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
