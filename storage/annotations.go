package storage

import (
	"bytes"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
)

// ErrNotFound is returned for a record that is not in the library.
var ErrNotFound = errors.New("not found")

// PutAnnotation stores a, replacing the record with the same article and id.
// It stores exactly what it is given (the caller sets Modified when the user
// edits), so putting back what DeleteAnnotation returned undoes the delete.
// It returns once the write is on disk; an invalid annotation is refused.
func (db *DB) PutAnnotation(a reader.Annotation) error {
	if err := a.Validate(); err != nil {
		return err
	}
	value, err := encodeAnnotation(a)
	if err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := annotations(tx)
		if err != nil {
			return err
		}
		return b.Put(annotationKey(a.ArticleID, a.ID), value)
	})
}

// DeleteAnnotation removes one annotation and returns it as it was, for undo.
// A record that cannot be decoded is not deleted: the error is a DecodeError
// and nothing that could not be put back is thrown away.
func (db *DB) DeleteAnnotation(articleID, id string) (reader.Annotation, error) {
	var deleted reader.Annotation
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := annotations(tx)
		if err != nil {
			return err
		}
		key := annotationKey(articleID, id)
		value := b.Get(key)
		if value == nil {
			return fmt.Errorf("annotation %s of article %q: %w", id, articleID, ErrNotFound)
		}
		if deleted, err = decodeAnnotation(key, value); err != nil {
			return DecodeError{Key: key, Err: err}
		}
		return b.Delete(key)
	})
	return deleted, err
}

// Annotations returns one article's annotations in key order (by id; the
// reader sorts them by where they anchor). Records that cannot be decoded
// are skipped and listed in the second result.
func (db *DB) Annotations(articleID string) ([]reader.Annotation, []DecodeError, error) {
	return db.scanAnnotations(articlePrefix(articleID))
}

// AllAnnotations returns every annotation of the library, grouped by
// article in the order of their ids, with the records that cannot be decoded.
func (db *DB) AllAnnotations() ([]reader.Annotation, []DecodeError, error) {
	return db.scanAnnotations(nil)
}

func (db *DB) scanAnnotations(prefix []byte) ([]reader.Annotation, []DecodeError, error) {
	var list []reader.Annotation
	var bad []DecodeError
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := annotations(tx)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			// decodeAnnotation copies every string out of the mmap.
			a, err := decodeAnnotation(k, v)
			if err != nil {
				bad = append(bad, DecodeError{Key: bytes.Clone(k), Err: err})
				continue
			}
			list = append(list, a)
		}
		return nil
	})
	return list, bad, err
}

func annotations(tx *bbolt.Tx) (*bbolt.Bucket, error) {
	b := tx.Bucket(annotationsBucket)
	if b == nil {
		return nil, fmt.Errorf("library %s has no %q bucket", tx.DB().Path(), annotationsBucket)
	}
	return b, nil
}
