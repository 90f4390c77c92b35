package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sahelreader/reader"
)

var (
	created = time.Date(2025, 5, 6, 7, 8, 9, 123456789, time.UTC)
	gaoDoc  = reader.Parse("# Gao and Timbuktu\n\nThe Tomb of Askia stands in Gao, on the Niger. Its mosque is of earth & timber.")
	gao     = reader.Article{ID: "gao-timbuktu", Title: "Gao and Timbuktu"}
	bamako  = reader.Article{ID: "bamako", Title: "Bamako"}
)

// sample returns one annotation of every kind the export must carry.
func sample(t *testing.T) []reader.Annotation {
	t.Helper()
	annotate := func(article string, r reader.Range, m reader.Motivation, c reader.Color, note string, tags ...string) reader.Annotation {
		a, err := reader.NewAnnotation(article, gaoDoc, r, m, c, created)
		if err != nil {
			t.Fatal(err)
		}
		later := created.Add(90 * time.Minute)
		if err := errors.Join(a.SetNote(note, later), a.SetTags(tags, later)); err != nil {
			t.Fatal(err)
		}
		return a
	}
	orphan := annotate("gao-timbuktu", reader.Range{Start: 40, End: 45}, reader.Highlighting, reader.Pink, "")
	orphan.Target.Quote = reader.TextQuote{Exact: "Sévar", Prefix: "a passage since deleted, near ", Suffix: "é."} // not in any text now
	return []reader.Annotation{
		annotate("gao-timbuktu", reader.Range{Start: 21, End: 34}, reader.Highlighting, reader.Yellow, "The **tomb** <of> Askia & more\n\n- 1495", "heritage", "Songhai"),
		annotate("gao-timbuktu", reader.Range{Start: 0, End: 3}, reader.Highlighting, reader.Green, ""),
		annotate("gao-timbuktu", reader.Range{Start: 60, End: 65}, reader.Commenting, "", "Why earth?"),
		annotate("gao-timbuktu", reader.Range{Start: 17, End: 20}, reader.Bookmarking, "", "Where I stopped", "to read"),
		orphan,
		annotate("bamako", reader.Range{Start: 4, End: 8}, reader.Highlighting, reader.Purple, "", "tag only"),
	}
}

func export(t *testing.T, anns []reader.Annotation, article *reader.Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := W3C(&buf, anns, article); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ofArticle(anns []reader.Annotation, id string) []reader.Annotation {
	var out []reader.Annotation
	for _, a := range anns {
		if a.ArticleID == id {
			out = append(out, a)
		}
	}
	return out
}

// suiteDir is the part of the W3C Web Annotation test suite that these
// tests use (its README says which and where from).
const suiteDir = "testdata/w3c-annotation-tests"

// The suite's assertion files that apply to what we export: every MUST of
// the collection, page and annotation lists, and the SHOULD/MAY features
// the export claims to implement.
var (
	mustLists = map[string]string{ // list -> what it is checked on
		"collections/collectionMusts.test": "collection",
		"collections/pages/pageMusts.test": "page", // a collection with its page embedded
		"annotations/annotationMusts.test": "annotation",
	}
	claimed = map[string][]string{
		"collection": {"collections/5.1-collectionLabelImplemented.json", "collections/5.1-collectionTotalImplemented.json"},
		"page": {"collections/5.1-collectionFirstImplemented.json", "collections/5.1-collectionLastImplemented.json",
			"collections/pages/5.2-pagePartOfImplemented.json", "collections/pages/5.2-pageStartIndexImplemented.json"},
		"annotation": {"annotations/3.3.1-annotationCreatedImplemented.json", "annotations/3.3.1-annotationModifiedImplemented.json",
			"annotations/3.3.5-annotationMotivationImplemented.json", "annotations/3.3.5-annotationSingleMotivationImplemented.json",
			"annotations/specificResource/4.2.4-prefix.json", "annotations/specificResource/4.2.4-suffix.json"},
		"coloured":  {"annotations/4.4-annotationStylesheetImplemented.json"},
		"with body": {"annotations/3.1-bodyKeyFound.json", "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json"},
	}
)

// assertion is one compiled schema of the suite.
type assertion struct {
	file   string
	schema *jsonschema.Schema
}

// loadSuite compiles the assertions by the kind of object they check. The
// files name each other by bare file name ("annotations.json#/..."), so all
// are registered under one made-up base URL.
func loadSuite(t *testing.T) map[string][]assertion {
	t.Helper()
	const base = "https://w3c-annotation-tests.invalid/"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	add := func(file string) string {
		f, err := os.Open(filepath.Join(suiteDir, file))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		url := base + path.Base(file)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return url
	}
	defs, err := filepath.Glob(filepath.Join(suiteDir, "definitions", "*.json"))
	if err != nil || len(defs) == 0 {
		t.Fatalf("no definitions in the suite: %v", err)
	}
	for _, d := range defs {
		add(filepath.Join("definitions", filepath.Base(d)))
	}
	files := map[string][]string{}
	for list, kind := range mustLists {
		var test struct{ Assertions []string }
		data, err := os.ReadFile(filepath.Join(suiteDir, list))
		if err == nil {
			err = json.Unmarshal(data, &test)
		}
		if err != nil || len(test.Assertions) == 0 {
			t.Fatalf("%s: %v", list, err)
		}
		files[kind] = append(files[kind], test.Assertions...)
	}
	for kind, list := range claimed {
		files[kind] = append(files[kind], list...)
	}
	suite := map[string][]assertion{}
	for kind, list := range files {
		for _, file := range list {
			sch, err := c.Compile(add(file))
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			suite[kind] = append(suite[kind], assertion{file, sch})
		}
	}
	return suite
}

func check(t *testing.T, suite map[string][]assertion, kind string, doc any, what string) {
	t.Helper()
	for _, a := range suite[kind] {
		if err := a.schema.Validate(doc); err != nil {
			t.Errorf("%s fails %s: %v", what, a.file, err)
		}
	}
}

func TestW3CValidatesAgainstTheSuite(t *testing.T) {
	suite := loadSuite(t)
	anns := sample(t)
	exports := map[string][]byte{
		"library":         export(t, anns, nil),
		"one article":     export(t, ofArticle(anns, gao.ID), &gao),
		"empty library":   export(t, nil, nil),
		"article without": export(t, nil, &bamako),
	}
	for name, data := range exports {
		t.Run(name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			check(t, suite, "collection", doc, "the collection")
			coll := doc.(map[string]any)
			if coll["total"] == json.Number("0") {
				if _, ok := coll["first"]; ok {
					t.Error("an empty collection has a page")
				}
				return
			}
			check(t, suite, "page", doc, "the collection's page")
			for _, item := range coll["first"].(map[string]any)["items"].([]any) {
				// An item read on its own keeps the collection's JSON-LD context.
				anno := item.(map[string]any)
				anno["@context"] = coll["@context"]
				check(t, suite, "annotation", anno, anno["id"].(string))
				if _, ok := anno["stylesheet"]; ok {
					check(t, suite, "coloured", anno, anno["id"].(string))
				}
				if _, ok := anno["body"]; ok {
					check(t, suite, "with body", anno, anno["id"].(string))
				}
			}
		})
	}
}

// TestTheSuiteCatchesBrokenAnnotations makes sure the checks above can fail:
// each change breaks a MUST of the model.
func TestTheSuiteCatchesBrokenAnnotations(t *testing.T) {
	suite := loadSuite(t)
	tests := []struct {
		name  string
		spoil func(anno map[string]any)
	}{
		{"id not an IRI", func(a map[string]any) { a["id"] = "not an iri" }},
		{"no target", func(a map[string]any) { delete(a, "target") }},
		{"styleClass without stylesheet", func(a map[string]any) { delete(a, "stylesheet") }},
		{"negative start", func(a map[string]any) {
			a["target"].(map[string]any)["selector"].([]any)[0].(map[string]any)["start"] = json.Number("-1")
		}},
		{"quote without exact", func(a map[string]any) {
			delete(a["target"].(map[string]any)["selector"].([]any)[1].(map[string]any), "exact")
		}},
		{"created not a date", func(a map[string]any) { a["created"] = "yesterday" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export(t, sample(t)[:1], nil)))
			if err != nil {
				t.Fatal(err)
			}
			coll := doc.(map[string]any)
			anno := coll["first"].(map[string]any)["items"].([]any)[0].(map[string]any)
			anno["@context"] = coll["@context"]
			tt.spoil(anno)
			for _, a := range suite["annotation"] {
				if a.schema.Validate(anno) != nil {
					return
				}
			}
			t.Error("every assertion passed")
		})
	}
}

// parsed mirrors the JSON the export writes, to read it back.
type parsed struct {
	Context string `json:"@context"`
	ID      string
	Type    string
	Label   string
	Total   int
	Last    string
	First   struct {
		ID, Type, PartOf string
		StartIndex       int
		Items            []struct {
			ID, Type, Motivation, Created, Modified string
			Body                                    []w3cBody
			Target                                  struct {
				Source, StyleClass string
				Selector           []map[string]any
			}
			Stylesheet *w3cStylesheet
		}
	}
}

// TestW3CRoundTrip reads the export back and rebuilds every annotation from
// it: everything but the text hash survives, which issue 6's import needs.
func TestW3CRoundTrip(t *testing.T) {
	anns := sample(t)
	var got parsed
	dec := json.NewDecoder(bytes.NewReader(export(t, anns, nil)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Context != w3cContext || got.Type != "AnnotationCollection" || got.Total != len(anns) ||
		got.First.Type != "AnnotationPage" || got.First.PartOf != got.ID || got.Last != got.First.ID || len(got.First.Items) != len(anns) {
		t.Fatalf("collection: %+v", got)
	}
	var rebuilt []reader.Annotation
	for _, it := range got.First.Items {
		a := reader.Annotation{
			ID:         strings.TrimPrefix(it.ID, "urn:uuid:"),
			ArticleID:  strings.TrimPrefix(it.Target.Source, "urn:sahelreader:article:"),
			Motivation: reader.Motivation(it.Motivation),
			Color:      reader.Color(strings.TrimPrefix(it.Target.StyleClass, styleClassStart)),
		}
		var err error
		a.Created, err = time.Parse(time.RFC3339Nano, it.Created)
		if err != nil || !strings.HasSuffix(it.Created, "Z") {
			t.Errorf("created %q: %v", it.Created, err)
		}
		a.Modified, _ = time.Parse(time.RFC3339Nano, it.Modified)
		for _, b := range it.Body {
			switch b.Purpose {
			case "commenting", "describing":
				a.Note = b.Value
			case "tagging":
				a.Tags = append(a.Tags, b.Value)
			}
		}
		if len(it.Target.Selector) != 2 {
			t.Fatalf("%s: selectors %v", it.ID, it.Target.Selector)
		}
		pos, quote := it.Target.Selector[0], it.Target.Selector[1]
		if pos["type"] != "TextPositionSelector" || quote["type"] != "TextQuoteSelector" {
			t.Errorf("selector types %v, %v", pos["type"], quote["type"])
		}
		a.Target.Position = reader.Range{Start: int(pos["start"].(float64)), End: int(pos["end"].(float64))}
		a.Target.Quote = reader.TextQuote{Exact: quote["exact"].(string), Prefix: quote["prefix"].(string), Suffix: quote["suffix"].(string)}
		if (a.Color == "") != (it.Stylesheet == nil) || it.Stylesheet != nil && !strings.Contains(it.Stylesheet.Value, "."+it.Target.StyleClass+" {") {
			t.Errorf("%s: class %q, stylesheet %+v", it.ID, it.Target.StyleClass, it.Stylesheet)
		}
		rebuilt = append(rebuilt, a)
	}
	want := readingOrder(anns)
	for i := range want {
		want[i].Target.TextHash = ""
	}
	if !reflect.DeepEqual(rebuilt, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", rebuilt, want)
	}
}

func TestW3CShape(t *testing.T) {
	anns := sample(t)
	out := string(export(t, ofArticle(anns, gao.ID), &gao))
	for _, s := range []string{
		`"id": "urn:sahelreader:annotations:gao-timbuktu"`,
		`"label": "Sahel Reader annotations: Gao and Timbuktu"`,
		`"value": "The **tomb** <of> Askia & more\n\n- 1495"`, // HTML left unescaped
		`"format": "text/markdown"`,
		`"purpose": "describing"`, // the bookmark's label
		`"styleClass": "highlight-yellow"`,
		`"prefix": ""`, // a highlight at the text start says so
	} {
		if !strings.Contains(out, s) {
			t.Errorf("export lacks %s", s)
		}
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Error("export does not end with a newline")
	}
	green := sample(t)[1]
	if item := w3cItem(green); item.Body != nil || item.Motivation != "highlighting" {
		t.Errorf("a bare highlight: %+v", item)
	}
}

func TestW3CIsReproducible(t *testing.T) {
	anns := sample(t)
	shuffled := slices.Clone(anns)
	slices.Reverse(shuffled)
	if !bytes.Equal(export(t, anns, nil), export(t, shuffled, nil)) {
		t.Error("the order of the input changes the export")
	}
}

func TestW3CRefusesAnnotationsOfAnotherArticle(t *testing.T) {
	var buf bytes.Buffer
	if err := W3C(&buf, sample(t), &gao); err == nil || !strings.Contains(err.Error(), `"bamako"`) {
		t.Errorf("W3C: %v, want an error naming the other article", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes on error", buf.Len())
	}
}

func TestEveryColourHasCSS(t *testing.T) {
	for _, c := range reader.Colors {
		if cssColors[c] == "" {
			t.Errorf("no CSS for %s", c)
		}
	}
}

func TestLookup(t *testing.T) {
	if f, ok := Lookup("w3c"); !ok || f.Annotations == nil || f.Text != nil {
		t.Error("w3c format missing or not an annotation format")
	}
	if f, ok := Lookup("geojson"); !ok || f.Text == nil || f.Annotations != nil {
		t.Error("geojson format missing or not a text format")
	}
	if f, ok := Lookup("md"); !ok || f.Files == nil || f.Text != nil || f.Annotations != nil {
		t.Error("md format missing or not a files format")
	}
	if _, ok := Lookup("pdf"); ok {
		t.Error("unknown format found")
	}
	if got := Names(); !slices.Equal(got, []string{"geojson", "md", "w3c"}) {
		t.Errorf("Names() = %v", got)
	}
}
