package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"sahelreader/reader"
)

// MergeReport counts what MergeAnnotations did with each annotation given.
type MergeReport struct {
	Added     int // not in the library before
	Updated   int // replaced a record with an older modified time
	Unchanged int // the library's record was as new or newer, and kept
}

// MergeAnnotations brings annotations from elsewhere (a W3C export) into the
// library by id: one the library lacks is added; one it has replaces the
// stored record only when its modified time is later. All are checked
// before anything is written, and all are written in one transaction, so
// a bad annotation leaves the library as it was. A stored record that
// cannot be read is never replaced: the merge fails naming it.
func (db *DB) MergeAnnotations(anns []reader.Annotation) (MergeReport, error) {
	var report MergeReport
	values := make([][]byte, len(anns))
	seen := map[string]bool{}
	for i, a := range anns {
		if err := a.Validate(); err != nil {
			return report, fmt.Errorf("annotation %s: %w", a.ID, err)
		}
		if seen[a.ID] {
			return report, fmt.Errorf("annotation %s is given twice", a.ID)
		}
		seen[a.ID] = true
		v, err := encodeAnnotation(a)
		if err != nil {
			return report, err
		}
		values[i] = v
	}
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		report = MergeReport{}
		b, err := annotations(tx)
		if err != nil {
			return err
		}
		for i, a := range anns {
			key := annotationKey(a.ArticleID, a.ID)
			old := b.Get(key)
			if old != nil {
				stored, err := decodeAnnotation(key, old)
				if err != nil {
					return DecodeError{Key: key, Err: err}
				}
				if !a.Modified.After(stored.Modified) {
					report.Unchanged++
					continue
				}
				report.Updated++
			} else {
				report.Added++
			}
			if err := b.Put(key, values[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return report, err
}
