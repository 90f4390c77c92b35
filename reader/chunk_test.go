package reader_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// tricky are texts whose meaning a careless cut would change.
var tricky = []string{
	"1. one\n\n1. two\n\n1. three\n\nafter",
	"- a\n\n  b\n\nc\n\n- d",
	"```\ncode\n\nmore code\n\nstill code\n```\n\nafter\n\nend",
	"~~~~\n~~~\n\ninside\n~~~~\n\nout\n\nof it",
	"```\nnever closed\n\nall code\n\nto the end",
	"see [the map][m]\n\nand more\n\nagain\n\n[m]: https://example.org",
	"<!--\n\nhidden\n\n-->\n\nshown\n\ntext",
	"> quoted\n\n> again\n\nplain\n\n> last",
	"| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n\n| c |\n|---|\n| 3 |",
	"para\r\n\r\nnext\r\n\r\n* item\r\n\r\nlast\r\n",
	"text\n\n    indented code\n\n    more\n\nafter\n\nend",
	"Title\n=====\n\nbody\n\nSub\n---\n\nend",
	"a\n\n\n\n\nb\n\n---\n\nc\n\n***\n\nd",
}

func sameParse(t *testing.T, name, markdown string, sizes ...int) {
	t.Helper()
	whole := reader.ParseInChunks("T", markdown, len(markdown)+1)
	for _, size := range sizes {
		if got := reader.ParseInChunks("T", markdown, size); !reflect.DeepEqual(got, whole) {
			t.Errorf("%s in chunks of %d: text %.120q, %d blocks; whole: %.120q, %d blocks",
				name, size, got.Text, len(got.Blocks), whole.Text, len(whole.Blocks))
		}
	}
}

// Parsing a chunk at a time gives the document parsing the whole gives.
func TestParseInChunksIsParseWhole(t *testing.T) {
	for _, md := range tricky {
		sameParse(t, md, md, 1, 4, 16)
	}
	sameParse(t, "synthetic", readertest.Markdown(20_000), 1, 100, 4096)
	files, _ := filepath.Glob("../articles/*.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := reader.ParseArticle(data)
		if err != nil {
			t.Fatal(err)
		}
		sameParse(t, f, a.Body, 1, 200, 2000)
	}
	if len(files) == 0 {
		t.Error("no bundled articles found")
	}
}

// The cut keeps a large text's tree small: it must really cut, and lose
// nothing.
func TestLargeTextIsCut(t *testing.T) {
	md := readertest.Markdown(20_000)
	pieces := reader.Chunks(md, 1000)
	if len(pieces) < len(md)/2000 || strings.Join(pieces, "") != md {
		t.Errorf("%d bytes cut in %d pieces (joined back: %v)", len(md), len(pieces), strings.Join(pieces, "") == md)
	}
	for _, md := range tricky {
		if pieces := reader.Chunks(md, 1); strings.Join(pieces, "") != md {
			t.Errorf("%q cut in %q", md, pieces)
		}
	}
}

func FuzzParseInChunks(f *testing.F) {
	for _, md := range tricky {
		f.Add(md)
	}
	f.Fuzz(func(t *testing.T, md string) {
		sameParse(t, "fuzz", md, 1, 7)
	})
}
