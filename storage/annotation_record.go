package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"sahelreader/reader"
)

// annotationFormat is the version of annotationRecord written today. A
// change that old code would misread gets a new number; decode refuses
// numbers it does not know rather than guess.
const annotationFormat = 1

// annotationRecord is the stored form of a reader.Annotation. It is a file
// format of its own, kept apart from the domain type so that renaming a Go
// field never changes what is on disk. Field names follow the W3C selectors.
type annotationRecord struct {
	Format     int       `json:"format"`
	ID         string    `json:"id"`
	ArticleID  string    `json:"article"`
	Motivation string    `json:"motivation"`
	Color      string    `json:"color,omitempty"`
	Note       string    `json:"note,omitempty"`
	Tags       []string  `json:"tags,omitempty"`
	Created    time.Time `json:"created"`
	Modified   time.Time `json:"modified"`
	Start      int       `json:"start"` // TextPositionSelector, runes, end exclusive
	End        int       `json:"end"`
	Exact      string    `json:"exact"` // TextQuoteSelector
	Prefix     string    `json:"prefix,omitempty"`
	Suffix     string    `json:"suffix,omitempty"`
	TextHash   string    `json:"textHash,omitempty"`
}

// annotationKey is articleID, a NUL byte, then the annotation's id. Article
// ids never contain NUL (reader.Annotation.Validate), so the prefix
// articleID+"\x00" holds exactly one article's annotations: "gao" cannot
// match "gao-timbuktu" as it would without the separator.
func annotationKey(articleID, id string) []byte {
	return append(articlePrefix(articleID), id...)
}

func articlePrefix(articleID string) []byte {
	return append([]byte(articleID), 0)
}

func encodeAnnotation(a reader.Annotation) ([]byte, error) {
	return json.Marshal(annotationRecord{
		Format:     annotationFormat,
		ID:         a.ID,
		ArticleID:  a.ArticleID,
		Motivation: string(a.Motivation),
		Color:      string(a.Color),
		Note:       a.Note,
		Tags:       a.Tags,
		Created:    a.Created,
		Modified:   a.Modified,
		Start:      a.Target.Position.Start,
		End:        a.Target.Position.End,
		Exact:      a.Target.Quote.Exact,
		Prefix:     a.Target.Quote.Prefix,
		Suffix:     a.Target.Quote.Suffix,
		TextHash:   a.Target.TextHash,
	})
}

// decodeAnnotation reads one record and checks it as strictly as a new
// annotation, and against its key.
func decodeAnnotation(key, value []byte) (reader.Annotation, error) {
	var r annotationRecord
	if err := decodeRecord(value, &r, &r.Format, annotationFormat); err != nil {
		return reader.Annotation{}, err
	}
	a := reader.Annotation{
		ID:         r.ID,
		ArticleID:  r.ArticleID,
		Motivation: reader.Motivation(r.Motivation),
		Color:      reader.Color(r.Color),
		Note:       r.Note,
		Tags:       r.Tags,
		Created:    r.Created,
		Modified:   r.Modified,
		Target: reader.Selector{
			Position: reader.Range{Start: r.Start, End: r.End},
			Quote:    reader.TextQuote{Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix},
			TextHash: r.TextHash,
		},
	}
	if !bytes.Equal(key, annotationKey(a.ArticleID, a.ID)) {
		return reader.Annotation{}, fmt.Errorf("record is for annotation %s of article %q, not for its key", a.ID, a.ArticleID)
	}
	return a, a.Validate()
}

// DecodeError is an annotation record that could not be read. It is left
// in the file untouched; the others load without it.
type DecodeError struct {
	Key []byte // articleID "\x00" annotationID, as stored
	Err error
}

func (e DecodeError) Error() string {
	article, id, _ := strings.Cut(string(e.Key), "\x00")
	return fmt.Sprintf("annotation %s of article %q cannot be read: %v", id, article, e.Err)
}
