// Package export writes a reader's annotations, or what its articles'
// text holds, in formats other tools read. Every format is a Format, so the
// command line and the app's Export menu offer whatever Names lists without
// knowing the formats themselves.
package export

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strings"

	"sahelreader/reader"
	"sahelreader/reader/places"
)

// Writer writes the annotations of one article, or of the whole library
// when article is nil. It writes nothing if it fails before the end.
type Writer func(w io.Writer, anns []reader.Annotation, article *reader.Article) error

// TextWriter writes what the text of arts holds, such as the places they
// mention, with the reader's place corrections by article id; it takes no
// annotations. It writes nothing if it fails before the end.
type TextWriter func(w io.Writer, arts []reader.Article, corrections map[string]places.Corrections) error

// Format is one export format. Exactly one of its writers is set, so a
// caller reads annotations from the library only for formats that use them,
// and writes a folder only for formats that make one file per article.
type Format struct {
	Annotations Writer
	Text        TextWriter
	Files       FilesWriter
	FileName    string // what the app calls the file of a one-file format
}

var formats = map[string]Format{
	"geojson": {Text: GeoJSON, FileName: "places.geojson"},
	"md":      {Files: Markdown},
	"w3c":     {Annotations: W3C, FileName: "annotations.json"},
}

// Render runs the format on the library's articles arts and annotations
// anns (unused by text formats), or on article's alone when article is
// set (arts may then be nil). A folder format gives one file per article;
// the others one file, FileName, prefixed with the article's id if set.
func (f Format) Render(arts []reader.Article, anns []reader.Annotation, corrections map[string]places.Corrections, article *reader.Article) ([]File, error) {
	if f.Files != nil {
		return f.Files(arts, anns, article)
	}
	name := f.FileName
	if article != nil {
		arts = []reader.Article{*article}
		name = strings.TrimSuffix(fileName(article.ID), ".md") + "-" + name
	}
	var buf bytes.Buffer
	var err error
	if f.Text != nil {
		err = f.Text(&buf, arts, corrections)
	} else {
		err = f.Annotations(&buf, anns, article)
	}
	if err != nil {
		return nil, err
	}
	return []File{{Name: name, Data: buf.Bytes()}}, nil
}

// Lookup returns the format called name.
func Lookup(name string) (Format, bool) {
	w, ok := formats[name]
	return w, ok
}

// Names lists the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// readingOrder sorts a copy of anns by article, then by stored position,
// which is reading order for anchored annotations and keeps orphans near
// where they were; ties by creation and id, so exports are reproducible.
func readingOrder(anns []reader.Annotation) []reader.Annotation {
	return slices.SortedFunc(slices.Values(anns), func(a, b reader.Annotation) int {
		return cmp.Or(
			strings.Compare(a.ArticleID, b.ArticleID),
			cmp.Compare(a.Target.Position.Start, b.Target.Position.Start),
			cmp.Compare(a.Target.Position.End, b.Target.Position.End),
			a.Created.Compare(b.Created),
			strings.Compare(a.ID, b.ID),
		)
	})
}
