package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"sahelreader/reader"
)

var fileTime = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

func mustConvert(t *testing.T, name, data string) reader.Article {
	t.Helper()
	a, err := Convert(name, []byte(data), fileTime)
	if err != nil {
		t.Fatalf("Convert(%s): %v", name, err)
	}
	return a
}

func TestMarkdownTitles(t *testing.T) {
	tests := []struct {
		name, file, data string
		title, body      string
	}{
		{"front matter wins over the heading, which stays", "x.md",
			"---\ntitle: From front matter\n---\n# A heading\n\nText.", "From front matter", "# A heading\n\nText."},
		{"first heading becomes the title and leaves the body", "x.md",
			"\n\n## The *real* title ##\n\nText.\n", "The real title", "Text."},
		{"setext heading", "x.markdown", "Gao, 2012\n=========\n\nText.", "Gao, 2012", "Text."},
		{"a heading later on is not the title", "notes on Mopti.md", "Text first.\n\n# Later", "notes on Mopti", "Text first.\n\n# Later"},
		{"a thematic break is not a heading underline", "rule.md", "\n---\n\nText.", "rule", "---\n\nText."},
		{"CRLF line ends", "crlf.md", "# Title\r\n\r\nOne\r\ntwo\r\n", "Title", "One\ntwo"},
		{"BOM", "bom.md", "\uFEFF# Title\n\nText.", "Title", "Text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustConvert(t, tt.file, tt.data)
			if a.Title != tt.title || a.Body != tt.body {
				t.Errorf("title %q body %q; want %q and %q", a.Title, a.Body, tt.title, tt.body)
			}
		})
	}
}

func TestMarkdownFrontMatterFields(t *testing.T) {
	a := mustConvert(t, "dir/x.md", `---
title: "Ménaka: the east"
site: Sahel Monitor
link: https://example.org/menaka
authors: [A. Touré, B. Maïga]
date: 2024-02-29
lang: fr
description: A summary.
tags: mali, east,  Mali ,
layout: post
---
Text.`)
	want := reader.Article{Title: "Ménaka: the east", Source: "Sahel Monitor", URL: "https://example.org/menaka",
		Author: "A. Touré, B. Maïga", Published: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), Language: "fr",
		Summary: "A summary.", Tags: []string{"mali", "east"}, Body: "Text."}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got\n%+v\nwant\n%+v", a, want)
	}
	// Without: the file's name as source, its time as date; an unreadable date is ignored.
	a = mustConvert(t, "dir/y.md", "---\ndate: \"{{date}}\"\n---\nText.")
	if a.Source != "y.md" || !a.Published.Equal(fileTime) || a.Title != "y" {
		t.Errorf("fallbacks: %+v", a)
	}
}

func TestTextIsEscaped(t *testing.T) {
	in := "  Title line\n\n# not a heading\n- not a list\n1. not numbered\n2) nor this\n> no quote\n" +
		"*no* _emphasis_ `code` [link](x) <b>tag</b> &amp; \\back | pipe ~~del~~ ![img](y)\n" +
		"===\n\n\n    not code\n+ plus\n"
	a := mustConvert(t, "notes.txt", in)
	if a.Title != "notes" {
		t.Errorf("title %q", a.Title)
	}
	doc := reader.Parse(a.Body)
	if got, want := strings.Fields(doc.Text), strings.Fields(in); !reflect.DeepEqual(got, want) {
		t.Errorf("text changed:\n got %q\nwant %q\nmarkdown:\n%s", got, want, a.Body)
	}
	for _, b := range doc.Blocks {
		if b.Kind != reader.Paragraph || b.ListDepth > 0 || b.QuoteDepth > 0 {
			t.Errorf("block %+v is not a plain paragraph", b)
		}
		for _, r := range b.Runs {
			if r != (reader.Run{Range: r.Range}) {
				t.Errorf("run %+v is styled", r)
			}
		}
	}
	if n := len(doc.Blocks); n != 3 {
		t.Errorf("%d paragraphs, want 3", n)
	}
}

func TestHTMLIsCleaned(t *testing.T) {
	page := `<!doctype html><html lang="fr"><head><title>Page | Site</title>
<meta property="og:site_name" content="Le Journal"><meta name="author" content="A. Diallo">
<meta property="article:published_time" content="2024-06-01T08:00:00+02:00">
<meta name="keywords" content="Gao, pluie"><link rel="canonical" href="https://example.org/gao">
<script>var secret = "SCRIPT-TEXT";</script><style>.x{content:"STYLE-TEXT"}</style></head>
<body onload="alert('ONLOAD')"><nav><a href="/">NAV-TEXT</a></nav>
<h1>Les pluies à Gao</h1><p>Texte <b>gras</b> <script>document.write("INLINE-SCRIPT")</script>et *étoiles*.</p>
<img src="https://example.org/remote.png" alt="REMOTE-IMG"><img src="//cdn.example.org/x.png" alt="PROTO-IMG">
<img src="data:image/png;base64,AAAA" alt="DATA-IMG"><img src="photos/local.jpg" alt="local photo">
<iframe src="https://example.org/frame">IFRAME-TEXT</iframe><noscript>NOSCRIPT-TEXT</noscript>
<svg><text>SVG-TEXT</text></svg><form><button>BUTTON-TEXT</button></form>
<table><tr><th>Ville</th><th>mm</th></tr><tr><td>Gao</td><td>250</td></tr></table></body></html>`
	a := mustConvert(t, "page.html", page)
	text := reader.Parse(a.Body).Text
	for _, gone := range []string{"SCRIPT-TEXT", "STYLE-TEXT", "ONLOAD", "NAV-TEXT", "INLINE-SCRIPT", "REMOTE-IMG",
		"PROTO-IMG", "DATA-IMG", "IFRAME-TEXT", "NOSCRIPT-TEXT", "SVG-TEXT", "BUTTON-TEXT", "<", "http"} {
		if strings.Contains(a.Body, gone) {
			t.Errorf("%q is in the Markdown:\n%s", gone, a.Body)
		}
	}
	for _, kept := range []string{"Texte gras et *étoiles*.", "local photo", "Ville\tmm", "Gao\t250"} {
		if !strings.Contains(text, kept) {
			t.Errorf("%q is not in the text:\n%s", kept, text)
		}
	}
	want := reader.Article{Title: "Les pluies à Gao", Source: "Le Journal", URL: "https://example.org/gao", Author: "A. Diallo",
		Published: time.Date(2024, 6, 1, 6, 0, 0, 0, time.UTC), Language: "fr", Tags: []string{"Gao", "pluie"}}
	a.Body = ""
	if !reflect.DeepEqual(a, want) {
		t.Errorf("metadata\n%+v\nwant\n%+v", a, want)
	}
	// Without a heading, the page's <title> is the title.
	if a := mustConvert(t, "p.htm", "<title>Only a title</title><p>Text.</p>"); a.Title != "Only a title" || a.Body != "Text." {
		t.Errorf("got %+v", a)
	}
}

func TestHTMLInOtherEncodings(t *testing.T) {
	tests := []struct{ name, data string }{
		{"meta charset", "<meta charset=\"iso-8859-1\"><p>S\xe9gou</p>"},
		{"no charset: Windows-1252", "<p>S\xe9gou \x96 \x93quoted\x94</p>"},
		{"UTF-16 with a byte order mark", "\xff\xfe<\x00p\x00>\x00S\x00\xe9\x00g\x00o\x00u\x00"},
	}
	for _, tt := range tests {
		a, err := Convert("p.html", []byte(tt.data), fileTime)
		if err != nil || !strings.HasPrefix(a.Body, "Ségou") {
			t.Errorf("%s: %q, %v", tt.name, a.Body, err)
		}
	}
	if _, err := Convert("p.html", []byte("\x00\x01\x02binary"), fileTime); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary .html: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct{ name, file, data, want string }{
		{"empty", "e.md", "", "empty"},
		{"only blanks", "e.txt", " \n\t\n", "empty"},
		{"binary", "b.md", "PK\x03\x04\x00\x00zip", "binary"},
		{"UTF-16", "u.txt", "\xff\xfeG\x00a\x00o\x00", "UTF-16"},
		{"Latin-1", "l.txt", "S\xe9gou", "not valid UTF-8"},
		{"only front matter", "f.md", "---\ntitle: T\n---\n", "no readable text"},
		{"only markup", "m.html", "<script>x()</script><img src='https://x/y.png'>", "no readable text"},
		{"front matter not closed", "o.md", "---\ntitle: T\nText.", "not closed"},
		{"front matter not YAML", "y.md", "---\n: : [\n---\nText.", "front matter"},
		{"unsupported type", "x.pdf", "%PDF", "not imported"},
		{"tag with a line break", "t.md", "---\ntags: [\"a\\nb\"]\n---\nText.", "control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert(tt.file, []byte(tt.data), fileTime)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Convert: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestHashIgnoresLineEndsAndTrailingBlanks(t *testing.T) {
	h := Hash("One  \ntwo\n")
	for _, same := range []string{"One\ntwo", "\n\nOne\r\ntwo \t\n\n", "One \r\ntwo"} {
		if Hash(same) != h {
			t.Errorf("Hash(%q) differs", same)
		}
	}
	if Hash("One\n\ntwo") == h || Hash("one\ntwo") == h {
		t.Error("different texts hash alike")
	}
}

func TestNewID(t *testing.T) {
	taken := map[string]bool{"my-les-pluies-a-gao": true, "my-les-pluies-a-gao-2": true}
	isTaken := func(id string) bool { return taken[id] }
	hash := Hash("x")
	tests := []struct{ title, want string }{
		{"Les pluies à Gao", "my-les-pluies-a-gao-3"},
		{"  Ségou -- 2024: (draft) ", "my-segou-2024-draft"},
		{"日本語", "my-" + hash[:8]},
		{strings.Repeat("timbuktu ", 10), "my-timbuktu-timbuktu-timbuktu-timbuktu-timbuktu"},
	}
	for _, tt := range tests {
		if got := NewID(tt.title, hash, isTaken); got != tt.want {
			t.Errorf("NewID(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
