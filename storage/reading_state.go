package storage

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
)

// readingBucket holds one record per article: where the reader was, how far
// they got, and the saved star (migration 3; doc.go describes it).
var readingBucket = []byte("reading")

// readingFormat is the version of readingRecord written today.
const readingFormat = 1

// readingRecord is the stored form of a reader.ReadingState.
type readingRecord struct {
	Format   int        `json:"format"`
	Top      int        `json:"top"`
	Furthest int        `json:"furthest"`
	Length   int        `json:"length"`
	LastRead *time.Time `json:"lastRead,omitempty"`
	Saved    bool       `json:"saved,omitempty"`
}

// createReading is migration 3.
func createReading(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(readingBucket)
	return err
}

// ReadingState returns what the library remembers of one article; the zero
// state if nothing.
func (db *DB) ReadingState(articleID string) (reader.ReadingState, error) {
	var s reader.ReadingState
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := reading(tx)
		if err != nil {
			return err
		}
		s, err = getReading(b, articleID)
		return err
	})
	return s, err
}

// ReadingStates returns the state of every article that has one. Records
// that cannot be decoded are left out and named in the second result; they
// stay in the file untouched.
func (db *DB) ReadingStates() (map[string]reader.ReadingState, []error, error) {
	states := map[string]reader.ReadingState{}
	var bad []error
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := reading(tx)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			s, err := decodeReading(k, v)
			if err != nil {
				bad = append(bad, err)
			} else {
				states[string(k)] = s
			}
			return nil
		})
	})
	return states, bad, err
}

// SetReadingPosition stores s's Top, Furthest, Length and LastRead for the
// article; its saved star stays as stored. It returns once on disk.
func (db *DB) SetReadingPosition(articleID string, s reader.ReadingState) error {
	return db.updateReading(articleID, func(old *reader.ReadingState) {
		s.Saved = old.Saved
		*old = s
	})
}

// SetSaved stars the article, or not; its position stays as stored. It
// returns once on disk.
func (db *DB) SetSaved(articleID string, saved bool) error {
	return db.updateReading(articleID, func(s *reader.ReadingState) { s.Saved = saved })
}

// updateReading changes one article's record. A record that cannot be
// decoded is not overwritten: the error says so and the file keeps it.
func (db *DB) updateReading(articleID string, change func(*reader.ReadingState)) error {
	if articleID == "" {
		return fmt.Errorf("no article id")
	}
	return db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := reading(tx)
		if err != nil {
			return err
		}
		s, err := getReading(b, articleID)
		if err != nil {
			return err
		}
		change(&s)
		value, err := encodeReading(s)
		if err != nil {
			return err
		}
		return b.Put([]byte(articleID), value)
	})
}

func getReading(b *bbolt.Bucket, articleID string) (reader.ReadingState, error) {
	v := b.Get([]byte(articleID))
	if v == nil {
		return reader.ReadingState{}, nil
	}
	return decodeReading([]byte(articleID), v)
}

func encodeReading(s reader.ReadingState) ([]byte, error) {
	r := readingRecord{Format: readingFormat, Top: s.Top, Furthest: s.Furthest, Length: s.Length, Saved: s.Saved}
	if !s.LastRead.IsZero() {
		t := s.LastRead.UTC()
		r.LastRead = &t
	}
	return json.Marshal(r)
}

func decodeReading(key, value []byte) (reader.ReadingState, error) {
	var r readingRecord
	err := decodeRecord(value, &r, &r.Format, readingFormat)
	if err == nil && (r.Top < 0 || r.Furthest < 0 || r.Length < 0) {
		err = fmt.Errorf("negative offsets in %s", value)
	}
	if err != nil {
		return reader.ReadingState{}, fmt.Errorf("the reading position of article %q cannot be read: %w", key, err)
	}
	s := reader.ReadingState{Top: r.Top, Furthest: r.Furthest, Length: r.Length, Saved: r.Saved}
	if r.LastRead != nil {
		s.LastRead = r.LastRead.UTC()
	}
	return s, nil
}

func reading(tx *bbolt.Tx) (*bbolt.Bucket, error) {
	b := tx.Bucket(readingBucket)
	if b == nil {
		return nil, fmt.Errorf("library %s has no %q bucket", tx.DB().Path(), readingBucket)
	}
	return b, nil
}
