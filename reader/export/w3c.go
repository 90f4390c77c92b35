package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"time"

	"sahelreader/reader"
)

// The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// in JSON-LD: one AnnotationCollection whose single embedded AnnotationPage
// holds every annotation.
//
// IRIs. Annotations keep their UUIDs as urn:uuid. An article's text is
// urn:sahelreader:article:ID: the selectors count runes of Sahel Reader's
// canonical text of that article (`sahelreader text ID`), not of the web
// page it came from, so the article's URL would be the wrong source; and
// the ID stays the same when the article is edited, so annotations made on
// different versions share one target. A tag: URI would be the registered
// way to mint such names, but it asserts ownership of a domain; the
// unregistered urn:sahelreader: namespace claims nothing and is opaque to
// other tools either way.
//
// Colour. The model's own styling mechanism carries it (section 4.4): the
// target names a CSS class and the annotation embeds a CssStylesheet
// defining it, so W3C clients can paint it and an import reads it back
// exactly. Hypothesis exports no colour; a "classifying" body would claim
// the colour is a category, which it is not to every user. A highlight
// with neither note nor tags has no body, as the model allows.

const (
	w3cContext      = "http://www.w3.org/ns/anno.jsonld"
	iriPrefix       = "urn:sahelreader:"
	styleClassStart = "highlight-"
)

// cssColors paints each highlight colour translucent, as the app does.
var cssColors = map[reader.Color]string{
	reader.Yellow: "rgba(250, 204, 21, 0.4)",
	reader.Green:  "rgba(74, 222, 128, 0.4)",
	reader.Blue:   "rgba(96, 165, 250, 0.4)",
	reader.Pink:   "rgba(244, 114, 182, 0.4)",
	reader.Purple: "rgba(192, 132, 252, 0.4)",
}

type w3cCollection struct {
	Context string   `json:"@context"`
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Label   string   `json:"label"`
	Total   int      `json:"total"`
	First   *w3cPage `json:"first,omitempty"` // no page when there is nothing to list
	Last    string   `json:"last,omitempty"`
}

type w3cPage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	PartOf     string          `json:"partOf"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Motivation string         `json:"motivation"`
	Created    string         `json:"created"`
	Modified   string         `json:"modified"`
	Body       []w3cBody      `json:"body,omitempty"`
	Target     w3cTarget      `json:"target"`
	Stylesheet *w3cStylesheet `json:"stylesheet,omitempty"`
}

type w3cBody struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
	Purpose string `json:"purpose"`
}

type w3cTarget struct {
	Source     string `json:"source"`
	StyleClass string `json:"styleClass,omitempty"`
	Selector   []any  `json:"selector"` // a position and a quote selector of the same passage
}

type w3cPosition struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type w3cQuote struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"` // "" at the start of the text, kept to say so
	Suffix string `json:"suffix"`
}

type w3cStylesheet struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// W3C writes anns as a W3C AnnotationCollection, in reading order. Orphans
// are included: their selectors still say what they were attached to.
func W3C(w io.Writer, anns []reader.Annotation, article *reader.Article) error {
	coll := w3cCollection{
		Context: w3cContext,
		ID:      iriPrefix + "annotations",
		Type:    "AnnotationCollection",
		Label:   "Sahel Reader annotations",
		Total:   len(anns),
	}
	if article != nil {
		coll.ID += ":" + url.PathEscape(article.ID)
		coll.Label += ": " + article.Title
	}
	if len(anns) > 0 {
		page := &w3cPage{ID: coll.ID + "#page-1", Type: "AnnotationPage", PartOf: coll.ID}
		for _, a := range readingOrder(anns) {
			if article != nil && a.ArticleID != article.ID {
				return fmt.Errorf("annotation %s belongs to article %q, not to %q", a.ID, a.ArticleID, article.ID)
			}
			page.Items = append(page.Items, w3cItem(a))
		}
		coll.First, coll.Last = page, page.ID
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // notes keep <, > and & readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(coll); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func w3cItem(a reader.Annotation) w3cAnnotation {
	s := a.Target
	item := w3cAnnotation{
		ID:         "urn:uuid:" + a.ID,
		Type:       "Annotation",
		Motivation: string(a.Motivation),
		Created:    a.Created.UTC().Format(time.RFC3339Nano),
		Modified:   a.Modified.UTC().Format(time.RFC3339Nano),
		Target: w3cTarget{
			Source: iriPrefix + "article:" + url.PathEscape(a.ArticleID),
			Selector: []any{
				w3cPosition{Type: "TextPositionSelector", Start: s.Position.Start, End: s.Position.End},
				w3cQuote{Type: "TextQuoteSelector", Exact: s.Quote.Exact, Prefix: s.Quote.Prefix, Suffix: s.Quote.Suffix},
			},
		},
	}
	if a.Note != "" {
		purpose := "commenting"
		if a.Motivation == reader.Bookmarking {
			purpose = "describing" // a bookmark's note is its label
		}
		item.Body = append(item.Body, w3cBody{Type: "TextualBody", Value: a.Note, Format: "text/markdown", Purpose: purpose})
	}
	for _, t := range a.Tags {
		item.Body = append(item.Body, w3cBody{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	if a.Color != "" {
		class := styleClassStart + string(a.Color)
		item.Target.StyleClass = class
		item.Stylesheet = &w3cStylesheet{Type: "CssStylesheet", Value: fmt.Sprintf(".%s { background-color: %s }", class, cssColors[a.Color])}
	}
	return item
}
