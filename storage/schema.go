package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"go.etcd.io/bbolt"
)

// Bucket names and keys; doc.go describes what lives under each.
var (
	metaBucket        = []byte("meta")
	settingsBucket    = []byte("settings")
	annotationsBucket = []byte("annotations")

	schemaKey      = []byte("schema")
	lastArticleKey = []byte("last-article")
)

// migrations turn a library at version N into version len(migrations);
// version N means migrations[0:N] have run. Append only: a released
// migration is never edited or reordered, since files out there record
// how many of them they have seen.
var migrations = []func(*bbolt.Tx) error{
	createMetaAndSettings,
	createAnnotations,
	createReading,
	createPlaceCorrections,
	createImported,
}

// createMetaAndSettings is migration 1. It tolerates an existing meta
// bucket because a file may carry meta with schema 0.
func createMetaAndSettings(tx *bbolt.Tx) error {
	for _, name := range [][]byte{metaBucket, settingsBucket} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// createAnnotations is migration 2 (highlights, notes and bookmarks).
func createAnnotations(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(annotationsBucket)
	return err
}

// errNotLibrary marks content that is not a readable Sahel Reader library;
// Open moves such a file aside.
var errNotLibrary = errors.New("not a readable Sahel Reader library")

// libraryVersion reads the schema version, refusing files that are not ours
// (errNotLibrary) or that a newer app wrote (*NewerSchemaError).
func libraryVersion(tx *bbolt.Tx) (int, error) {
	meta := tx.Bucket(metaBucket)
	if meta == nil {
		// No buckets at all: bbolt created the file but the first migration
		// never committed (or a fresh file). Anything else belongs to someone else.
		if k, _ := tx.Cursor().First(); k != nil {
			return 0, fmt.Errorf("%w: no %q bucket but a %q bucket", errNotLibrary, metaBucket, k)
		}
		return 0, nil
	}
	v := meta.Get(schemaKey)
	if v == nil {
		return 0, fmt.Errorf("%w: no %q key in the %q bucket", errNotLibrary, schemaKey, metaBucket)
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: schema value %q is not 8 bytes", errNotLibrary, v)
	}
	n := binary.BigEndian.Uint64(v)
	if n > math.MaxInt32 {
		return 0, fmt.Errorf("%w: implausible schema version %d", errNotLibrary, n)
	}
	if int(n) > len(migrations) {
		return 0, &NewerSchemaError{Path: tx.DB().Path(), Found: int(n), Known: len(migrations)}
	}
	return int(n), nil
}

// putSchema records the version as a big-endian uint64: fixed width like
// every other number key in the file, and bbolt's tools show it as hex.
func putSchema(tx *bbolt.Tx, version int) error {
	return tx.Bucket(metaBucket).Put(schemaKey, binary.BigEndian.AppendUint64(nil, uint64(version)))
}

// migrate runs all pending migrations in one write transaction. The caller
// holds bbolt's exclusive lock, so the version read first cannot change; an
// up-to-date file is not written at all.
func migrate(bdb *bbolt.DB) error {
	var from int
	err := bdb.View(func(tx *bbolt.Tx) (err error) {
		from, err = libraryVersion(tx)
		return err
	})
	if err != nil || from == len(migrations) {
		return err
	}
	return bdb.Update(func(tx *bbolt.Tx) error {
		for i, m := range migrations[from:] {
			if err := m(tx); err != nil {
				return fmt.Errorf("migration %d: %w", from+i+1, err)
			}
		}
		return putSchema(tx, len(migrations))
	})
}

// NewerSchemaError is returned by Open when the file was written by a newer
// Sahel Reader; the file is left exactly as it was.
type NewerSchemaError struct {
	Path         string
	Found, Known int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%s was written by a newer version of Sahel Reader (library format %d; this version knows up to %d). "+
		"It was left untouched: please update Sahel Reader to open it.", e.Path, e.Found, e.Known)
}

// libraryBuckets are the buckets a library at the current version has;
// TestLibraryBucketsAreWhatMigrationsCreate keeps the list true.
var libraryBuckets = [][]byte{metaBucket, settingsBucket, annotationsBucket, readingBucket,
	placeCorrectionsBucket, importedBucket, importedHashesBucket}

// restoreMissingBuckets creates, empty, any bucket of the current version
// that the file lacks, and names them. A file can say it is up to date and
// still lack one: a development build that numbered its migrations
// differently, or damage. Without it every read and write of that part
// failed with an error dialog; an empty bucket holds what the file held.
func restoreMissingBuckets(bdb *bbolt.DB) ([]string, error) {
	var missing [][]byte
	err := bdb.View(func(tx *bbolt.Tx) error {
		for _, name := range libraryBuckets {
			if tx.Bucket(name) == nil {
				missing = append(missing, name)
			}
		}
		return nil
	})
	if err != nil || len(missing) == 0 {
		return nil, err
	}
	var names []string
	err = bdb.Update(func(tx *bbolt.Tx) error {
		for _, name := range missing {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
			names = append(names, string(name))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return names, nil
}
