package reader

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Motivation says why an annotation was made; the values are the W3C Web
// Annotation motivations of the same name.
type Motivation string

const (
	Highlighting Motivation = "highlighting" // a coloured passage, maybe with a note and tags
	Commenting   Motivation = "commenting"   // a note on a passage; colour optional
	// Bookmarking marks a place to come back to: its selector holds the
	// first words there (a quote needs text to be found again), its Note is
	// the bookmark's label, its colour optional.
	Bookmarking Motivation = "bookmarking"
)

// Valid reports whether m is one of the motivations above.
func (m Motivation) Valid() bool {
	return m == Highlighting || m == Commenting || m == Bookmarking
}

// Color is a highlight colour, named so it survives theme changes and export.
type Color string

const (
	Yellow Color = "yellow"
	Green  Color = "green"
	Blue   Color = "blue"
	Pink   Color = "pink"
	Purple Color = "purple"
)

// Colors lists the highlight colours in the order of the toolbar and keys 1-5.
var Colors = []Color{Yellow, Green, Blue, Pink, Purple}

// Valid reports whether c is one of Colors.
func (c Color) Valid() bool {
	return slices.Contains(Colors, c)
}

// MaxNoteBytes bounds a note so one record cannot bloat the library file.
const MaxNoteBytes = 100 << 10

// Annotation is what a user attaches to a passage of an article: a highlight,
// a note or a bookmark. The zero value is not valid; use NewAnnotation.
type Annotation struct {
	ID         string // UUID (version 4 when made here), lower case
	ArticleID  string
	Motivation Motivation
	Color      Color // required for Highlighting, optional otherwise
	Note       string
	Tags       []string // as CleanTags leaves them; nil when none
	Created    time.Time
	Modified   time.Time
	Target     Selector
}

// NewAnnotation makes an annotation on range r of doc, the text of article
// articleID, at time now.
func NewAnnotation(articleID string, doc *Document, r Range, m Motivation, c Color, now time.Time) (Annotation, error) {
	sel, err := NewSelector(doc, r)
	if err != nil {
		return Annotation{}, err
	}
	now = now.UTC()
	a := Annotation{
		ID:         uuid.NewString(),
		ArticleID:  articleID,
		Motivation: m,
		Color:      c,
		Created:    now,
		Modified:   now,
		Target:     sel,
	}
	return a, a.Validate()
}

// Validate checks every rule above, for annotations made here and those read
// from storage or imported.
func (a Annotation) Validate() error {
	if id, err := uuid.Parse(a.ID); err != nil || id.String() != a.ID {
		return fmt.Errorf("annotation id %q is not a lower-case UUID", a.ID)
	}
	if a.ArticleID == "" || strings.ContainsRune(a.ArticleID, 0) || !utf8.ValidString(a.ArticleID) {
		return fmt.Errorf("annotation %s: article id %q is empty or not plain text", a.ID, a.ArticleID)
	}
	if !a.Motivation.Valid() {
		return fmt.Errorf("annotation %s: unknown motivation %q", a.ID, a.Motivation)
	}
	if err := checkColor(a.Motivation, a.Color); err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	if err := checkNote(a.Note); err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	if err := checkCleanTags(a.Tags); err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	if err := checkTimes(a.Created, a.Modified); err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	if err := a.Target.Validate(); err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	return nil
}

// SetNote replaces the note; a note that is too long changes nothing.
func (a *Annotation) SetNote(note string, now time.Time) error {
	if err := checkNote(note); err != nil {
		return err
	}
	a.Note = note
	a.touch(now)
	return nil
}

// SetTags replaces the tags with CleanTags(tags); on error nothing changes.
func (a *Annotation) SetTags(tags []string, now time.Time) error {
	clean, err := CleanTags(tags)
	if err != nil {
		return err
	}
	a.Tags = clean
	a.touch(now)
	return nil
}

// SetColor recolours the annotation; "" is allowed except on highlights.
func (a *Annotation) SetColor(c Color, now time.Time) error {
	if err := checkColor(a.Motivation, c); err != nil {
		return err
	}
	a.Color = c
	a.touch(now)
	return nil
}

// Reattach points the annotation at range r of doc, e.g. an orphan the user
// placed again on a new selection.
func (a *Annotation) Reattach(doc *Document, r Range, now time.Time) error {
	sel, err := NewSelector(doc, r)
	if err != nil {
		return err
	}
	a.Target = sel
	a.touch(now)
	return nil
}

// touch records an edit. A clock set back never makes Modified precede
// Created, which Validate would refuse.
func (a *Annotation) touch(now time.Time) {
	a.Modified = now.UTC()
	if a.Modified.Before(a.Created) {
		a.Modified = a.Created
	}
}

func checkColor(m Motivation, c Color) error {
	if c == "" && m != Highlighting {
		return nil
	}
	if !c.Valid() {
		return fmt.Errorf("colour %q is not one of %v", c, Colors)
	}
	return nil
}

func checkNote(note string) error {
	if len(note) > MaxNoteBytes {
		return fmt.Errorf("the note is %d KB long; notes can be at most %d KB", (len(note)+1023)>>10, MaxNoteBytes>>10)
	}
	if !utf8.ValidString(note) {
		return errors.New("the note is not valid UTF-8 text")
	}
	return nil
}

func checkTimes(created, modified time.Time) error {
	switch {
	case created.IsZero() || modified.IsZero():
		return errors.New("created and modified times must be set")
	case created.Location() != time.UTC || modified.Location() != time.UTC:
		return errors.New("created and modified times must be in UTC")
	case modified.Before(created):
		return fmt.Errorf("modified %s is before created %s", modified.Format(time.RFC3339), created.Format(time.RFC3339))
	}
	return nil
}
