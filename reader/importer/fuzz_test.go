package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"sahelreader/reader"
)

// checkArticle holds for every article Convert returns: a one-line title,
// a body the reader shows as some text, valid UTF-8, and clean tags.
func checkArticle(t *testing.T, a reader.Article) {
	t.Helper()
	if a.Title == "" || strings.ContainsAny(a.Title, "\n\r\t") || !utf8.ValidString(a.Title) {
		t.Fatalf("title %q", a.Title)
	}
	if !utf8.ValidString(a.Body) || strings.TrimSpace(reader.Parse(a.Body).Text) == "" {
		t.Fatalf("body %q", a.Body)
	}
	if clean, err := reader.CleanTags(a.Tags); err != nil || len(clean) != len(a.Tags) {
		t.Fatalf("tags %q: %v", a.Tags, err)
	}
}

// FuzzText: whatever the text, the reader shows exactly its words, in
// order, as plain paragraphs: no character becomes markup.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Gao\n\nTimbuktu", "# x\n- y\n1. z\n> q", "*a* _b_ `c` [d](e) <f> &amp; \\g |h| ~~i~~", "  \t\n", "1) 2. ===\n---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Convert("f.txt", []byte(s), fileTime)
		if err != nil {
			return
		}
		checkArticle(t, a)
		// Fold runs of white space: Markdown joins a paragraph's lines.
		if got, want := strings.Fields(reader.Parse(a.Body).Text), strings.Fields(strings.ReplaceAll(s, "\r", "\n")); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("words changed:\n got %q\nwant %q\nmarkdown %q", got, want, a.Body)
		}
	})
}

// FuzzMarkdown: any file is an article or a clear error, never a panic.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"---\ntitle: T\ntags: [a]\n---\nText", "Title\n===\n\nText", "# T #\n\n---\n", "---\n---\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, err := Convert("f.md", []byte(s), fileTime); err == nil {
			checkArticle(t, a)
		}
	})
}

// FuzzHTML: what the HTML parser takes for a script never reaches the
// text, whatever comes before it.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{"<p>Gao</p><script>x</script>", "<h1>T</h1><img src=http://x/y alt=y>", "<table><tr><td>a<td>b</table>", "<svg><p>q</svg>", "<A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "SCRIPTMARK") {
			return
		}
		page := s + "<script>SCRIPTMARK()</script><p>end</p>"
		a, err := Convert("f.html", []byte(page), fileTime)
		if err != nil {
			return // "<img src=\"..." can swallow the rest: no text is a fair refusal
		}
		checkArticle(t, a)
		if isScript(t, page, "SCRIPTMARK") && strings.Contains(a.Body, "SCRIPTMARK") {
			t.Fatalf("script text in %q", a.Body)
		}
	})
}

// isScript tells whether the HTML parser puts mark inside a script element
// (and not, say, in an attribute value or text as "<A<script>" does).
func isScript(t *testing.T, page, mark string) bool {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	walk(doc, func(n *html.Node) {
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.DataAtom == atom.Script && strings.Contains(n.Data, mark) {
			found = true
		}
	})
	return found
}
