package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"sahelreader/reader"
)

// withoutTextHash is anns as they come back from W3C: the text hash is
// not part of the W3C form.
func withoutTextHash(anns []reader.Annotation) []reader.Annotation {
	out := make([]reader.Annotation, len(anns))
	for i, a := range anns {
		a.Target.TextHash = ""
		out[i] = a
	}
	return out
}

func TestReadW3CRoundTrip(t *testing.T) {
	anns := sample(t)
	for _, article := range []*reader.Article{nil, &gao} {
		want := anns
		if article != nil {
			want = ofArticle(anns, article.ID)
		}
		got, err := ReadW3C(bytes.NewReader(export(t, want, article)))
		if err != nil {
			t.Fatal(err)
		}
		if want := withoutTextHash(readingOrder(want)); !reflect.DeepEqual(got, want) {
			t.Errorf("read back\n%+v\nwant\n%+v", got, want)
		}
	}
	if got, err := ReadW3C(bytes.NewReader(export(t, nil, nil))); err != nil || len(got) != 0 {
		t.Errorf("empty collection: %v, %v", got, err)
	}
}

func TestReadW3CRefusesWhatItDoesNotKnow(t *testing.T) {
	good := string(export(t, sample(t)[:1], nil))
	tests := []struct{ name, from, to, want string }{
		{"unknown field", `"motivation"`, `"colour": "red", "motivation"`, "unknown field"},
		{"wrong type of total", `"total": 1`, `"total": "1"`, "cannot unmarshal"},
		{"not a collection", `"type": "AnnotationCollection"`, `"type": "Collection"`, "not \"AnnotationCollection\""},
		{"wrong context", `anno.jsonld`, `other.jsonld`, "@context"},
		{"wrong annotation type", `"type": "Annotation"`, `"type": "Note"`, "not \"Annotation\""},
		{"unknown motivation", `"motivation": "highlighting"`, `"motivation": "liking"`, "motivation"},
		{"body of another type", `"type": "TextualBody"`, `"type": "SpecificResource"`, "TextualBody"},
		{"selector of another type", `"TextPositionSelector"`, `"XPathSelector"`, "XPathSelector"},
		{"not our article IRI", `urn:sahelreader:article:`, `https://example.org/`, "not a Sahel Reader article"},
		{"bad time", `"created": "2025`, `"created": "yesterday 2025`, "created"},
		{"quote does not fit the position", `"end": 34`, `"end": 35`, "spans"},
		{"total does not match", `"total": 1`, `"total": 2`, "page holds 1"},
		{"trailing data", "", "{}", "after the JSON"},
		{"not JSON", `{`, `[`, "not a W3C annotation collection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := good + tt.to // from "": appended
			if tt.from != "" {
				doc = strings.Replace(good, tt.from, tt.to, 1)
			}
			if doc == good {
				t.Fatalf("%q is not in the export", tt.from)
			}
			anns, err := ReadW3C(strings.NewReader(doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) || anns != nil {
				t.Errorf("ReadW3C = %d annotations, %v; want an error saying %q", len(anns), err, tt.want)
			}
		})
	}
}
