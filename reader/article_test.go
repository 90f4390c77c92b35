package reader

import (
	"strings"
	"testing"
)

const goodFront = "---\nid: gao-notes\ntitle: Notes on Gao\nsource: Test\nauthor: Me\npublished: 2023-12-11\nlanguage: en\nsummary: s\ntags: [a, b]\n---\n"

func TestParseArticle(t *testing.T) {
	a, err := ParseArticle([]byte(goodFront + "\nBody *text*.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "gao-notes" || a.Title != "Notes on Gao" || a.Body != "Body *text*." || a.Published.Day() != 11 || len(a.Tags) != 2 {
		t.Errorf("article = %+v", a)
	}
	crlf, err := ParseArticle([]byte(strings.ReplaceAll(goodFront+"Body\n", "\n", "\r\n")))
	if err != nil || crlf.Body != "Body" {
		t.Errorf("CRLF file: %+v, %v", crlf, err)
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"no front matter", "Just text", "no front matter"},
		{"unclosed", "---\nid: x\n", "not closed"},
		{"bad yaml", "---\nid: [\n---\nbody", "front matter"},
		{"unknown field", strings.Replace(goodFront, "tags:", "colour: red\ntags:", 1) + "body", "colour"},
		{"bad id", strings.Replace(goodFront, "gao-notes", "Gao Notes", 1) + "body", "id"},
		{"no title", strings.Replace(goodFront, "Notes on Gao", "\"\"", 1) + "body", "title"},
		{"no date", strings.Replace(goodFront, "published: 2023-12-11\n", "", 1) + "body", "published"},
		{"empty body", goodFront + "\n  \n", "no body"},
		{"invalid utf-8", goodFront + "\xff", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseArticle([]byte(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestArticleDocumentStartsWithTitle(t *testing.T) {
	a := Article{Title: "  Gao *and*\n Timbuktu ", Body: "First **para**.\n\n| a | b |\n|---|---|\n| c | d |"}
	doc := a.Document()
	if want := "Gao *and* Timbuktu\nFirst para.\na\tb\nc\td"; doc.Text != want {
		t.Fatalf("Text = %q, want %q", doc.Text, want)
	}
	if h := doc.Blocks[0]; h.Kind != Heading || h.Level != 1 || doc.Slice(h.Range) != "Gao *and* Timbuktu" {
		t.Errorf("title block = %+v", h)
	}
	checkInvariants(t, doc)
	if got := doc.Slice(doc.Blocks[1].Runs[1].Range); got != "para" {
		t.Errorf("shifted bold run reads %q", got)
	}
	if got := doc.Slice(doc.Blocks[3].Cells[1]); got != "d" {
		t.Errorf("shifted cell reads %q", got)
	}
	if got := (Article{Title: "Only"}).Document().Text; got != "Only" {
		t.Errorf("title-only text = %q", got)
	}
}

func TestReadingMinutes(t *testing.T) {
	for words, want := range map[int]int{0: 1, 100: 1, 460: 2, 2300: 10} {
		a := Article{Body: strings.Repeat("word ", words)}
		if got := a.ReadingMinutes(); got != want {
			t.Errorf("%d words: %d min, want %d", words, got, want)
		}
	}
}
