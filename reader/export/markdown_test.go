package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"sahelreader/reader"
)

// gaoArticle is the article whose text is gaoDoc's, so sample's
// annotations sit where they were made.
var gaoArticle = reader.Article{
	ID: "gao-timbuktu", Title: "Gao and Timbuktu", Source: "Sahel Reader background",
	URL: "https://example.org/gao", Tags: []string{"Gao", "oral history"},
	Body: "The Tomb of Askia stands in Gao, on the Niger. Its mosque is of earth & timber.",
}

var bamakoArticle = reader.Article{ID: "bamako", Title: "Bamako", Body: "Bamako is the capital of Mali."}

// markdownSample is sample with its orphan made on another text (a
// matching text hash would place it by position alone).
func markdownSample(t *testing.T) []reader.Annotation {
	t.Helper()
	anns := sample(t)
	if gaoArticle.Document().Text != gaoDoc.Text {
		t.Fatal("the test article's text is not the sample's")
	}
	anns[4].Target.TextHash = reader.TextHash("an older version")
	return anns
}

func markdown(t *testing.T, arts []reader.Article, anns []reader.Annotation, article *reader.Article) map[string]string {
	t.Helper()
	files, err := Markdown(arts, anns, article)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Name] = string(f.Data)
	}
	return out
}

func TestMarkdownFile(t *testing.T) {
	anns := markdownSample(t)
	files := markdown(t, []reader.Article{bamakoArticle, gaoArticle}, anns, nil)
	if len(files) != 2 {
		t.Fatalf("files %v", len(files))
	}
	got := files["gao-timbuktu.md"]
	byID := map[string]reader.Annotation{}
	for _, a := range anns {
		byID[a.Target.Quote.Exact] = a
	}
	want := `---
id: gao-timbuktu
title: Gao and Timbuktu
source: Sahel Reader background
url: https://example.org/gao
tags:
  - Gao
  - oral-history
---

# Gao and Timbuktu

## Highlights

> Gao
>
> green

^` + byID["Gao"].ID + `

> Tomb of Askia
>
> **Note:** The **tomb** <of> Askia & more
>
> - 1495
>
> yellow #heritage #Songhai

^` + byID["Tomb of Askia"].ID + `

> er. I
>
> **Note:** Why earth?

^` + byID["er. I"].ID + `

## Bookmarks

> The
>
> **Label:** Where I stopped
>
> #to-read

^` + byID["The"].ID + `

## Unplaced

These passages are no longer in the article's text; the notes are kept with the words they were made on.

> Sévar
>
> pink

^` + byID["Sévar"].ID + `
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var fm frontMatter
	head, _, _ := strings.Cut(strings.TrimPrefix(got, "---\n"), "---\n")
	if err := yaml.Unmarshal([]byte(head), &fm); err != nil || fm.ID != gaoArticle.ID || fm.URL != gaoArticle.URL || len(fm.Tags) != 2 {
		t.Errorf("front matter %+v: %v", fm, err)
	}
	if !strings.Contains(files["bamako.md"], "## Unplaced\n\nThese passages are no longer in the article's text; the notes are kept with the words they were made on.\n\n> and \n>\n> purple #tag-only\n\n^") {
		t.Errorf("bamako.md:\n%s", files["bamako.md"])
	}
}

// TestMarkdownIsIdempotent: the same library gives the same bytes, and a
// changed note changes only the lines of its own block.
func TestMarkdownIsIdempotent(t *testing.T) {
	anns := markdownSample(t)
	arts := []reader.Article{gaoArticle, bamakoArticle}
	first := markdown(t, arts, anns, nil)
	if again := markdown(t, arts, anns, nil); again["gao-timbuktu.md"] != first["gao-timbuktu.md"] || again["bamako.md"] != first["bamako.md"] {
		t.Fatal("a second export differs")
	}
	if err := anns[2].SetNote("Why earth? Because it is cool.", created.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	changed := markdown(t, arts, anns, nil)
	if changed["bamako.md"] != first["bamako.md"] {
		t.Error("another article's file changed")
	}
	before, after := strings.Split(first["gao-timbuktu.md"], "\n"), strings.Split(changed["gao-timbuktu.md"], "\n")
	if len(before) != len(after) {
		t.Fatalf("line count %d -> %d", len(before), len(after))
	}
	var diff []string
	for i := range before {
		if before[i] != after[i] {
			diff = append(diff, after[i])
		}
	}
	if len(diff) != 1 || diff[0] != "> **Note:** Why earth? Because it is cool." {
		t.Errorf("changed lines: %q", diff)
	}
}

func TestMarkdownOneArticleAndGoneArticles(t *testing.T) {
	files := markdown(t, nil, nil, &bamakoArticle)
	want := "---\nid: bamako\ntitle: Bamako\n---\n\n# Bamako\n"
	if len(files) != 1 || files["bamako.md"] != want {
		t.Errorf("an article without annotations: %q", files)
	}
	if _, err := Markdown(nil, sample(t), &bamakoArticle); err == nil {
		t.Error("annotations of another article were accepted")
	}
	// The library no longer has Bamako: its annotation is kept, unplaced.
	files = markdown(t, []reader.Article{gaoArticle}, sample(t), nil)
	if b := files["bamako.md"]; !strings.Contains(b, "title: bamako\n") || !strings.Contains(b, "## Unplaced") || strings.Contains(b, "## Highlights") {
		t.Errorf("gone article:\n%s", b)
	}
	// An article nobody annotated gets no file when the library is exported.
	if _, ok := markdown(t, []reader.Article{gaoArticle, {ID: "kidal", Title: "Kidal", Body: "Kidal."}}, sample(t), nil)["kidal.md"]; ok {
		t.Error("a file for an article without annotations")
	}
}

func TestMarkdownEscapesPassages(t *testing.T) {
	for in, want := range map[string]string{
		"# not a heading":        `\# not a heading`,
		"1. not a list":          `1\. not a list`,
		"- dash":                 `\- dash`,
		"a *b* [c](d) <e> _f_ |": `a \*b\* \[c\](d) \<e\> \_f\_ \|`,
		"2023 was":               "2023 was",
	} {
		if got := escapeLine(in); got != want {
			t.Errorf("escapeLine(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"a/b": "a/b", "to read": "to-read", "Ségou": "Ségou", "x.y": "x-y"} {
		if got := obsidianTag(in); got != want {
			t.Errorf("obsidianTag(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]string{"gao": "gao.md", "../x": "%2E.%2Fx.md", "c:d": "c%3Ad.md", "a b": "a%20b.md"} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
	var b bytes.Buffer
	quoteBlock(&b, placed{Annotation: reader.Annotation{ID: "x", Motivation: reader.Highlighting, Color: reader.Blue}}, "line one\n# line two")
	if want := "> line one\n> \\# line two\n>\n> blue\n\n^x\n"; b.String() != want {
		t.Errorf("two-line passage: %q", b.String())
	}
}

func TestRenderNamesFiles(t *testing.T) {
	anns := markdownSample(t)
	arts := []reader.Article{gaoArticle, bamakoArticle}
	for _, tt := range []struct {
		format  string
		article *reader.Article
		anns    []reader.Annotation
		want    []string
	}{
		{"w3c", nil, anns, []string{"annotations.json"}},
		{"w3c", &gaoArticle, ofArticle(anns, gaoArticle.ID), []string{"gao-timbuktu-annotations.json"}},
		{"geojson", nil, nil, []string{"places.geojson"}},
		{"geojson", &bamakoArticle, nil, []string{"bamako-places.geojson"}},
		{"md", nil, anns, []string{"gao-timbuktu.md", "bamako.md"}},
		{"md", &bamakoArticle, nil, []string{"bamako.md"}},
	} {
		f, _ := Lookup(tt.format)
		files, err := f.Render(arts, tt.anns, nil, tt.article)
		var names []string
		for _, file := range files {
			names = append(names, file.Name)
			if len(file.Data) == 0 {
				t.Errorf("%s: %s is empty", tt.format, file.Name)
			}
		}
		if err != nil || !slices.Equal(names, tt.want) {
			t.Errorf("%s %v: %v %v, want %v", tt.format, tt.article != nil, names, err, tt.want)
		}
	}
}
