package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
	"sahelreader/reader/importer"
)

// Buckets of imported articles (migration 3); doc.go describes them.
var (
	importedBucket       = []byte("imported")
	importedHashesBucket = []byte("imported-hashes")
)

// importedFormat is the version of importedRecord written today; decode
// refuses numbers it does not know.
const importedFormat = 1

// importedRecord is the stored form of an imported reader.Article, a file
// format of its own like annotationRecord.
type importedRecord struct {
	Format    int       `json:"format"`
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published"`
	Language  string    `json:"language,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	Tags      []string  `json:"tags,omitempty"`
	Hash      string    `json:"hash"` // importer.Hash of Body
	Added     time.Time `json:"added"`
	Body      string    `json:"body"`
}

func (r importedRecord) article() reader.Article {
	return reader.Article{ID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL, Author: r.Author,
		Published: r.Published, Language: r.Language, Summary: r.Summary, Tags: r.Tags, Body: r.Body}
}

func decodeImported(key, value []byte) (importedRecord, error) {
	var r importedRecord
	if err := decodeRecord(value, &r, &r.Format, importedFormat); err != nil {
		return r, fmt.Errorf("imported article %q cannot be read: %w", key, err)
	}
	if r.ID != string(key) {
		return r, fmt.Errorf("imported article %q: the record is for %q", key, r.ID)
	}
	return r, nil
}

// checkEditable refuses what the library list and the reader could not show.
func checkEditable(title string, tags []string) ([]string, error) {
	if strings.TrimSpace(title) == "" {
		return nil, errors.New("an article needs a title")
	}
	if strings.ContainsFunc(title, func(r rune) bool { return r < ' ' }) {
		return nil, errors.New("the title must be one line of text")
	}
	return reader.CleanTags(tags)
}

// AddImported stores a converted article (its ID is ignored) under a new id
// made from its title, in one transaction with its hash. When an imported
// article with the same hash is already there, nothing is written and that
// article is returned with duplicate true.
func (db *DB) AddImported(a reader.Article, hash string) (stored reader.Article, duplicate bool, err error) {
	tags, err := checkEditable(a.Title, a.Tags)
	if err != nil {
		return a, false, err
	}
	if a.Body == "" || hash == "" {
		return a, false, errors.New("an article needs a body and its hash")
	}
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		records, hashes, err := importedBuckets(tx)
		if err != nil {
			return err
		}
		if id := hashes.Get([]byte(hash)); id != nil {
			r, err := decodeImported(id, records.Get(id))
			stored, duplicate = r.article(), true
			return err
		}
		r := importedRecord{Format: importedFormat, Title: strings.Join(strings.Fields(a.Title), " "),
			Source: a.Source, URL: a.URL, Author: a.Author, Published: a.Published, Language: a.Language,
			Summary: a.Summary, Tags: tags, Hash: hash, Added: time.Now().UTC(), Body: a.Body}
		r.ID = importer.NewID(r.Title, hash, func(id string) bool { return records.Get([]byte(id)) != nil })
		if err := putImported(records, r); err != nil {
			return err
		}
		stored = r.article()
		return hashes.Put([]byte(hash), []byte(r.ID))
	})
	return stored, duplicate, err
}

func putImported(records *bbolt.Bucket, r importedRecord) error {
	value, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return records.Put([]byte(r.ID), value)
}

// ImportedArticles returns every imported article in id order. A record
// that cannot be read is left out and named in the error, which may come
// with the readable ones: the caller shows both.
func (db *DB) ImportedArticles() ([]reader.Article, error) {
	var list []reader.Article
	var bad []error
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		records, _, err := importedBuckets(tx)
		if err != nil {
			return err
		}
		return records.ForEach(func(k, v []byte) error {
			r, err := decodeImported(k, v) // decoding copies out of the mmap
			if err != nil {
				bad = append(bad, err)
			} else {
				list = append(list, r.article())
			}
			return nil
		})
	})
	return list, errors.Join(append([]error{err}, bad...)...)
}

// UpdateImported changes the title, source and tags of an imported article
// and returns it as stored. Its id, text and annotations stay as they are.
func (db *DB) UpdateImported(id, title, source string, tags []string) (reader.Article, error) {
	tags, err := checkEditable(title, tags)
	if err != nil {
		return reader.Article{}, err
	}
	var stored reader.Article
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		records, _, err := importedBuckets(tx)
		if err != nil {
			return err
		}
		value := records.Get([]byte(id))
		if value == nil {
			return fmt.Errorf("imported article %q: %w", id, ErrNotFound)
		}
		r, err := decodeImported([]byte(id), value)
		if err != nil {
			return err
		}
		r.Title, r.Source, r.Tags = strings.Join(strings.Fields(title), " "), strings.TrimSpace(source), tags
		stored = r.article()
		return putImported(records, r)
	})
	return stored, err
}

// DeleteImported removes an imported article, its hash and every
// annotation record of it (readable or not) in one transaction, and
// returns how many annotation records went with it.
func (db *DB) DeleteImported(id string) (int, error) {
	deleted := 0
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		records, hashes, err := importedBuckets(tx)
		if err != nil {
			return err
		}
		value := records.Get([]byte(id))
		if value == nil {
			return fmt.Errorf("imported article %q: %w", id, ErrNotFound)
		}
		// The hash is found by decoding; a record that cannot be decoded
		// still goes, with any hash entry that points at it.
		if r, err := decodeImported([]byte(id), value); err == nil {
			if err := hashes.Delete([]byte(r.Hash)); err != nil {
				return err
			}
		} else if err := deleteHashesOf(hashes, id); err != nil {
			return err
		}
		if err := records.Delete([]byte(id)); err != nil {
			return err
		}
		anns, err := annotations(tx)
		if err != nil {
			return err
		}
		prefix := articlePrefix(id)
		c := anns.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
			if err := c.Delete(); err != nil {
				return err
			}
			deleted++
		}
		return nil
	})
	return deleted, err
}

func deleteHashesOf(hashes *bbolt.Bucket, id string) error {
	var keys [][]byte
	err := hashes.ForEach(func(k, v []byte) error {
		if string(v) == id {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range keys {
		err = errors.Join(err, hashes.Delete(k))
	}
	return err
}

func importedBuckets(tx *bbolt.Tx) (records, hashes *bbolt.Bucket, err error) {
	records, hashes = tx.Bucket(importedBucket), tx.Bucket(importedHashesBucket)
	if records == nil || hashes == nil {
		return nil, nil, fmt.Errorf("library %s has no %q bucket", tx.DB().Path(), importedBucket)
	}
	return records, hashes, nil
}

// createImported is a migration: the buckets of imported articles.
func createImported(tx *bbolt.Tx) error {
	for _, name := range [][]byte{importedBucket, importedHashesBucket} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}
