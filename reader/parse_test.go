package reader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseCanonicalText(t *testing.T) {
	tests := []struct {
		name, markdown, want string
	}{
		{"paragraphs joined by one newline", "One.\n\nTwo.", "One.\nTwo."},
		{"soft break is a space", "one\ntwo", "one two"},
		{"hard break is a newline", "one  \ntwo\\\nthree", "one\ntwo\nthree"},
		{"inline markup adds nothing", "*a* **b** `c` ~~d~~ [e](http://x.org)", "a b c d e"},
		{"entities and escapes resolved", "d &amp; &eacute; \\*", "d & é *"},
		{"heading text only", "## Gao  \n\nText", "Gao\nText"},
		{"list markers not in text", "- a\n- b\n\n1. c", "a\nb\nc"},
		{"quote adds nothing", "> q1\n> q2\n\nafter", "q1 q2\nafter"},
		{"code block verbatim", "```\nx := 1\n\n  y\n```", "x := 1\n\n  y"},
		{"table cells joined by tab", "| A | B |\n|---|---|\n| 1 | 2 |", "A\tB\n1\t2"},
		{"rule is an empty block", "a\n\n---\n\nb", "a\n\nb"},
		{"html dropped", "<div>x</div>\n\nkept <b>bold</b>", "kept bold"},
		{"image reads as alt", "see ![the map](m.png)", "see the map"},
		{"empty input", "", ""},
		{"multibyte counts as runes", "Ménaka — Sévaré", "Ménaka — Sévaré"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Parse(tt.markdown)
			if doc.Text != tt.want {
				t.Errorf("Text = %q, want %q", doc.Text, tt.want)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestParseBlocks(t *testing.T) {
	md := "# Title\n\nA *b* **c** [d](https://e.org).\n\n- one\n  - nested\n\n    second para\n- two\n\n3. three\n4. four\n\n> quoted\n\n| H1 | H2 |\n|----|----|\n| x  | y  |\n\n---\n\n    code"
	doc := Parse(md)
	type want struct {
		kind                    BlockKind
		text                    string
		level, quote, depth     int
		marker, ordered, header bool
		number                  int
	}
	wants := []want{
		{kind: Heading, text: "Title", level: 1},
		{kind: Paragraph, text: "A b c d."},
		{kind: ListItem, text: "one", depth: 1, marker: true, number: 1},
		{kind: ListItem, text: "nested", depth: 2, marker: true, number: 1},
		{kind: ListItem, text: "second para", depth: 2, number: 1},
		{kind: ListItem, text: "two", depth: 1, marker: true, number: 2},
		{kind: ListItem, text: "three", depth: 1, marker: true, ordered: true, number: 3},
		{kind: ListItem, text: "four", depth: 1, marker: true, ordered: true, number: 4},
		{kind: Paragraph, text: "quoted", quote: 1},
		{kind: TableRow, text: "H1\tH2", header: true},
		{kind: TableRow, text: "x\ty"},
		{kind: Rule, text: ""},
		{kind: CodeBlock, text: "code"},
	}
	if len(doc.Blocks) != len(wants) {
		t.Fatalf("got %d blocks, want %d: %q", len(doc.Blocks), len(wants), doc.Text)
	}
	for i, w := range wants {
		b := doc.Blocks[i]
		got := want{b.Kind, doc.Slice(b.Range), b.Level, b.QuoteDepth, b.ListDepth, b.Marker, b.Ordered, b.Header, b.Number}
		if got != w {
			t.Errorf("block %d = %+v, want %+v", i, got, w)
		}
	}
	checkInvariants(t, doc)

	styles := map[string]Style{}
	for _, r := range doc.Blocks[1].Runs {
		styles[doc.Slice(r.Range)] = r.Style
	}
	if styles["b"] != Italic || styles["c"] != Bold || styles["d"] != Link {
		t.Errorf("run styles = %v", styles)
	}
	if link := doc.Blocks[1].Runs[5]; link.URL != "https://e.org" {
		t.Errorf("link run = %+v", link)
	}
	if cells := doc.Blocks[10].Cells; len(cells) != 2 || doc.Slice(cells[1]) != "y" {
		t.Errorf("cells = %v", cells)
	}
}

func TestNestedStylesCombine(t *testing.T) {
	doc := Parse("***both*** and **[bold link](http://x.org)**")
	runs := doc.Blocks[0].Runs
	if runs[0].Style != Bold|Italic {
		t.Errorf("first run style = %b", runs[0].Style)
	}
	last := runs[len(runs)-1]
	if !last.Style.Has(Bold|Link) || last.URL != "http://x.org" {
		t.Errorf("last run = %+v", last)
	}
}

func TestBlockAt(t *testing.T) {
	doc := Parse("ab\n\ncd\n\nef")
	for offset, want := range []int{0, 0, 0, 1, 1, 1, 2, 2} {
		if got := doc.BlockAt(offset); got != want {
			t.Errorf("BlockAt(%d) = %d, want %d", offset, got, want)
		}
	}
	if got := Parse("").BlockAt(0); got != -1 {
		t.Errorf("BlockAt on empty document = %d", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"# a\n\n- b\n  1. c", "> - q\n>\n> | a |\n> |---|\n> | b |", "*a **b*** `c`", "x\n\n***\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if !utf8.ValidString(md) {
			return
		}
		checkInvariants(t, Parse(md))
	})
}

// checkInvariants asserts the package doc's rules that hold for any input:
// blocks tile the text with single "\n" separators and runs tile each block.
func checkInvariants(t *testing.T, doc *Document) {
	t.Helper()
	runes := doc.Runes()
	next := 0
	for i, b := range doc.Blocks {
		if i > 0 {
			if b.Start != next+1 || runes[next] != '\n' {
				t.Fatalf("block %d starts at %d, want %d after a newline", i, b.Start, next+1)
			}
		} else if b.Start != 0 {
			t.Fatalf("first block starts at %d", b.Start)
		}
		if b.End < b.Start || (b.Kind != Rule && b.End == b.Start) {
			t.Fatalf("block %d has range %v", i, b.Range)
		}
		at := b.Start
		for _, r := range b.Runs {
			if r.Start != at || r.End <= r.Start {
				t.Fatalf("block %d run %v does not continue at %d", i, r.Range, at)
			}
			if r.Style.Has(Link) != (r.URL != "") && r.Style.Has(Link) {
				t.Fatalf("link run without URL: %+v", r)
			}
			at = r.End
		}
		if at != b.End {
			t.Fatalf("block %d runs end at %d, block ends at %d", i, at, b.End)
		}
		for _, c := range b.Cells {
			if c.Start < b.Start || c.End > b.End {
				t.Fatalf("cell %v outside block %v", c, b.Range)
			}
		}
		next = b.End
	}
	if next != len(runes) {
		t.Fatalf("blocks end at %d, text has %d runes", next, len(runes))
	}
	if strings.HasPrefix(doc.Text, "\n") && len(doc.Blocks) > 0 && doc.Blocks[0].Kind != Rule {
		t.Fatalf("text starts with a newline")
	}
}
