package storage

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// LastArticle returns the ID of the article last open in the reader, or ""
// when none has been recorded.
func (db *DB) LastArticle() (string, error) {
	var id string
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := settings(tx)
		if err != nil {
			return err
		}
		id = string(b.Get(lastArticleKey)) // string() copies out of the mmap
		return nil
	})
	return id, err
}

// SetLastArticle records the article open in the reader. It returns once the
// write is on disk.
func (db *DB) SetLastArticle(id string) error {
	return db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := settings(tx)
		if err != nil {
			return err
		}
		return b.Put(lastArticleKey, []byte(id))
	})
}

func settings(tx *bbolt.Tx) (*bbolt.Bucket, error) {
	b := tx.Bucket(settingsBucket)
	if b == nil {
		return nil, fmt.Errorf("library %s has no %q bucket", tx.DB().Path(), settingsBucket)
	}
	return b, nil
}
