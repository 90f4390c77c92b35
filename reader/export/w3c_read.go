package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"sahelreader/reader"
)

// ReadW3C reads back what W3C writes: an AnnotationCollection of
// annotations on Sahel Reader articles. It is strict: a field it does not
// know, a value of the wrong type or kind, or an annotation that does not
// validate is an error naming where it is, and nothing is returned, so an
// import either takes the whole file or none of it. TextHash is not part
// of the W3C form and comes back empty; anchoring does without it.
func ReadW3C(r io.Reader) ([]reader.Annotation, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var coll struct {
		Context string          `json:"@context"`
		ID      string          `json:"id"`
		Type    string          `json:"type"`
		Label   string          `json:"label"`
		Total   *int            `json:"total"`
		First   json.RawMessage `json:"first"`
		Last    string          `json:"last"`
	}
	if err := strictJSON(data, &coll); err != nil {
		return nil, fmt.Errorf("not a W3C annotation collection: %w", err)
	}
	switch {
	case coll.Context != w3cContext:
		return nil, fmt.Errorf("@context is %q, not %q", coll.Context, w3cContext)
	case coll.Type != "AnnotationCollection":
		return nil, fmt.Errorf("type is %q, not \"AnnotationCollection\"", coll.Type)
	case coll.Total == nil:
		return nil, errors.New("the collection has no \"total\"")
	}
	if coll.First == nil {
		if *coll.Total != 0 {
			return nil, fmt.Errorf("total is %d but there is no page of annotations", *coll.Total)
		}
		return nil, nil
	}
	var page struct {
		ID         string            `json:"id"`
		Type       string            `json:"type"`
		PartOf     string            `json:"partOf"`
		StartIndex int               `json:"startIndex"`
		Items      []json.RawMessage `json:"items"`
	}
	if err := strictJSON(coll.First, &page); err != nil {
		return nil, fmt.Errorf("first page: %w", err)
	}
	if page.Type != "AnnotationPage" {
		return nil, fmt.Errorf("first page: type is %q, not \"AnnotationPage\"", page.Type)
	}
	if len(page.Items) != *coll.Total {
		return nil, fmt.Errorf("total is %d but the page holds %d annotations (only one page is read)", *coll.Total, len(page.Items))
	}
	anns := make([]reader.Annotation, 0, len(page.Items))
	for i, raw := range page.Items {
		a, err := readW3CItem(raw)
		if err != nil {
			return nil, fmt.Errorf("annotation %d: %w", i+1, err)
		}
		anns = append(anns, a)
	}
	return anns, nil
}

// w3cSelector is either kind of selector W3C writes; Type says which.
type w3cSelector struct {
	Type   string  `json:"type"`
	Start  *int    `json:"start"`
	End    *int    `json:"end"`
	Exact  *string `json:"exact"`
	Prefix *string `json:"prefix"`
	Suffix *string `json:"suffix"`
}

func readW3CItem(raw json.RawMessage) (reader.Annotation, error) {
	var item struct {
		w3cAnnotation
		Target struct {
			Source     string        `json:"source"`
			StyleClass string        `json:"styleClass"`
			Selector   []w3cSelector `json:"selector"`
		} `json:"target"`
	}
	if err := strictJSON(raw, &item); err != nil {
		return reader.Annotation{}, err
	}
	var a reader.Annotation
	id, ok := strings.CutPrefix(item.ID, "urn:uuid:")
	if !ok {
		return a, fmt.Errorf("id %q is not a urn:uuid: IRI", item.ID)
	}
	a.ID = id
	if item.Type != "Annotation" {
		return a, fmt.Errorf("%s: type is %q, not \"Annotation\"", item.ID, item.Type)
	}
	a.Motivation = reader.Motivation(item.Motivation)
	var err error
	if a.Created, err = time.Parse(time.RFC3339Nano, item.Created); err != nil {
		return a, fmt.Errorf("%s: created: %w", item.ID, err)
	}
	if a.Modified, err = time.Parse(time.RFC3339Nano, item.Modified); err != nil {
		return a, fmt.Errorf("%s: modified: %w", item.ID, err)
	}
	a.Created, a.Modified = a.Created.UTC(), a.Modified.UTC()
	for _, b := range item.Body {
		if b.Type != "TextualBody" {
			return a, fmt.Errorf("%s: body of type %q, not \"TextualBody\"", item.ID, b.Type)
		}
		switch b.Purpose {
		case "commenting", "describing":
			if a.Note != "" {
				return a, fmt.Errorf("%s: more than one note", item.ID)
			}
			a.Note = b.Value
		case "tagging":
			a.Tags = append(a.Tags, b.Value)
		default:
			return a, fmt.Errorf("%s: body purpose %q is not commenting, describing or tagging", item.ID, b.Purpose)
		}
	}
	source, ok := strings.CutPrefix(item.Target.Source, iriPrefix+"article:")
	if !ok {
		return a, fmt.Errorf("%s: target %q is not a Sahel Reader article (%sarticle:ID)", item.ID, item.Target.Source, iriPrefix)
	}
	if a.ArticleID, err = url.PathUnescape(source); err != nil {
		return a, fmt.Errorf("%s: target %q: %w", item.ID, item.Target.Source, err)
	}
	if item.Target.StyleClass != "" {
		c, ok := strings.CutPrefix(item.Target.StyleClass, styleClassStart)
		if !ok {
			return a, fmt.Errorf("%s: styleClass %q is not one Sahel Reader writes", item.ID, item.Target.StyleClass)
		}
		a.Color = reader.Color(c)
	}
	if err := readSelectors(item.Target.Selector, &a.Target); err != nil {
		return a, fmt.Errorf("%s: %w", item.ID, err)
	}
	return a, a.Validate()
}

// readSelectors wants exactly the pair W3C writes: one position and one quote.
func readSelectors(sels []w3cSelector, s *reader.Selector) error {
	var pos, quote bool
	for _, sel := range sels {
		switch sel.Type {
		case "TextPositionSelector":
			if pos || sel.Start == nil || sel.End == nil || sel.Exact != nil || sel.Prefix != nil || sel.Suffix != nil {
				return errors.New("a TextPositionSelector must come once, with start and end only")
			}
			pos, s.Position = true, reader.Range{Start: *sel.Start, End: *sel.End}
		case "TextQuoteSelector":
			if quote || sel.Exact == nil || sel.Start != nil || sel.End != nil {
				return errors.New("a TextQuoteSelector must come once, with exact, prefix and suffix only")
			}
			quote, s.Quote.Exact = true, *sel.Exact
			if sel.Prefix != nil {
				s.Quote.Prefix = *sel.Prefix
			}
			if sel.Suffix != nil {
				s.Quote.Suffix = *sel.Suffix
			}
		default:
			return fmt.Errorf("selector type %q is not TextPositionSelector or TextQuoteSelector", sel.Type)
		}
	}
	if !pos || !quote {
		return errors.New("the target needs a TextPositionSelector and a TextQuoteSelector")
	}
	return nil
}

// strictJSON decodes one JSON value into v, refusing unknown fields and
// anything after the value.
func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}
