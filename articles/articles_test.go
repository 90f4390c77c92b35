package articles

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sahelreader/reader"
)

// mustAll returns the bundled library or stops the test.
func mustAll(t *testing.T) []reader.Article {
	t.Helper()
	list, err := All()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

var (
	mdLink  = regexp.MustCompile(`\[[^\]]+\]\(https?://[^)\s]+\)`)
	rawHTML = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
)

func TestEveryFileParses(t *testing.T) {
	names, err := fs.Glob(files, "*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled files (%v)", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(files, name)
			if err != nil {
				t.Fatal(err)
			}
			a, err := reader.ParseArticle(data)
			if err != nil {
				t.Fatal(err)
			}
			if a.ID+".md" != name {
				t.Errorf("id %q does not match the file name", a.ID)
			}
			if a.Source == "" || a.Author == "" || a.Language == "" || a.Summary == "" || len(a.Tags) == 0 {
				t.Errorf("front matter incomplete: source %q, author %q, language %q, summary %q, tags %q",
					a.Source, a.Author, a.Language, a.Summary, a.Tags)
			}
			if m := rawHTML.FindString(a.Body); m != "" {
				t.Errorf("raw HTML %q in the body", m)
			}
		})
	}
}

func TestAllIsSortedWithUniqueIDs(t *testing.T) {
	list := mustAll(t)
	seen := map[string]bool{}
	for i, a := range list {
		if seen[a.ID] {
			t.Errorf("id %q appears twice", a.ID)
		}
		seen[a.ID] = true
		if strings.TrimSpace(a.Body) == "" {
			t.Errorf("%s: empty body", a.ID)
		}
		if i > 0 {
			prev := list[i-1]
			if prev.Published.Before(a.Published) || prev.Published.Equal(a.Published) && prev.Title > a.Title {
				t.Errorf("%s sorted before %s", prev.ID, a.ID)
			}
		}
	}
}

func TestDefaultIDExists(t *testing.T) {
	if _, ok := ByID(DefaultID); !ok {
		t.Fatalf("no bundled article %q", DefaultID)
	}
	if _, ok := ByID("no-such-article"); ok {
		t.Error("ByID found an article that does not exist")
	}
}

// TestOriginalArticles checks the background articles written for the library:
// every bundled article except the AFP seed report.
func TestOriginalArticles(t *testing.T) {
	originals := 0
	for _, a := range mustAll(t) {
		if a.ID == DefaultID {
			continue
		}
		originals++
		t.Run(a.ID, func(t *testing.T) {
			if n := len(strings.Fields(a.Body)); n < 600 || n > 1500 {
				t.Errorf("%d words, want 600-1,500", n)
			}
			i := strings.LastIndex(a.Body, "\n## Sources\n")
			if i < 0 {
				t.Fatal("no \"## Sources\" section")
			}
			sources := a.Body[i+1:]
			if strings.Contains(sources[len("## Sources"):], "\n#") {
				t.Error("the Sources section is not the last section")
			}
			if n := len(mdLink.FindAllString(sources, -1)); n < 2 {
				t.Errorf("Sources has %d links, want at least 2", n)
			}
		})
	}
	if originals < 4 {
		t.Errorf("%d original articles, want at least 4", originals)
	}
}

func TestSeedArticle(t *testing.T) {
	a, ok := ByID(DefaultID)
	if !ok {
		t.Fatalf("no bundled article %q", DefaultID)
	}
	if want := time.Date(2023, 12, 11, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	for _, debris := range []string{
		"Source :",
		"Leave a Reply",
		"Your email address will not be published",
		"Required fields are marked",
		"called for the decades-old mission to be withdrawn", // the page's teaser
	} {
		if strings.Contains(a.Body, debris) {
			t.Errorf("body still contains %q", debris)
		}
	}
	// The report's wording is kept verbatim, curly quotes and apostrophes included.
	for _, sentence := range []string{
		"The mission, known as the UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA), lowered the UN flag at its headquarters in the capital Bamako, its spokeswoman Fatoumata Kaba told AFP on Monday.",
		"After January 1, a “liquidation phase” will take place, which includes, among other things, handing over the remaining equipment to the authorities.",
		"\n## A decade of MINUSMA\n\nIn June, Mali’s military government, which took power in 2020, called for the withdrawal of the mission,",
		"Since being asked to leave, MINUSMA has left 13 positions in Mali and has yet to close sites in Gao and Timbuktu in the north.",
		"\n## A short exit\n\nThe U.N. troops were initially welcomed by Malians,",
		"Moscow and Bamako continue to insist that the Russian fighters are simply trainers helping local soldiers fight rebel groups.",
	} {
		if !strings.Contains(a.Body, sentence) {
			t.Errorf("body lacks %q", sentence)
		}
	}
}

func TestLoad(t *testing.T) {
	article := func(id, title, published string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: " + title +
			"\npublished: " + published + "\n---\n\nSome text.\n")}
	}
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantIDs []string // on success, in order
		wantErr []string // substrings of the error
	}{
		{
			name: "newest first, ties by title, other files ignored",
			fsys: fstest.MapFS{
				"a.md":       article("old", "Zebra", "2020-01-01"),
				"b.md":       article("new-b", "Beta", "2024-05-01"),
				"c.md":       article("new-a", "Alpha", "2024-05-01"),
				"notes.txt":  {Data: []byte("not an article")},
				"sub/d.md":   article("nested", "Nested", "2025-01-01"),
				"README.md~": {Data: []byte("backup")},
			},
			wantIDs: []string{"new-a", "new-b", "old"},
		},
		{
			name: "unknown front matter field",
			fsys: fstest.MapFS{
				"good.md": article("good", "Good", "2020-01-01"),
				"bad.md":  {Data: []byte("---\nid: bad\ntitle: Bad\npublished: 2020-01-01\ncolour: red\n---\nText.\n")},
			},
			wantErr: []string{"bad.md", "colour"},
		},
		{
			name:    "no front matter",
			fsys:    fstest.MapFS{"plain.md": {Data: []byte("# Just Markdown\n")}},
			wantErr: []string{"plain.md", "front matter"},
		},
		{
			name:    "missing title",
			fsys:    fstest.MapFS{"untitled.md": {Data: []byte("---\nid: untitled\npublished: 2020-01-01\n---\nText.\n")}},
			wantErr: []string{"untitled.md", "title"},
		},
		{
			name: "duplicate id",
			fsys: fstest.MapFS{
				"first.md":  article("same", "One", "2020-01-01"),
				"second.md": article("same", "Two", "2021-01-01"),
			},
			wantErr: []string{"first.md", "second.md", `"same"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := load(tt.fsys)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("no error, want one mentioning %q", tt.wantErr)
				}
				for _, want := range tt.wantErr {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not mention %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range list {
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.wantIDs, " ") {
				t.Errorf("ids %q, want %q", ids, tt.wantIDs)
			}
		})
	}
}

// TestLibraryUsesEveryMarkdownFeature keeps the bundled library a showcase
// for the document view: every construct reader.Parse handles appears in it,
// and so do the places the place-extraction features are tried on.
func TestLibraryUsesEveryMarkdownFeature(t *testing.T) {
	found := map[string]bool{}
	var text strings.Builder
	for _, a := range mustAll(t) {
		doc := reader.Parse(a.Body)
		text.WriteString(doc.Text + "\n")
		for _, b := range doc.Blocks {
			found["heading level 2"] = found["heading level 2"] || b.Kind == reader.Heading && b.Level == 2
			found["heading level 3"] = found["heading level 3"] || b.Kind == reader.Heading && b.Level == 3
			found["nested list item"] = found["nested list item"] || b.Kind == reader.ListItem && b.ListDepth == 2
			found["numbered list item"] = found["numbered list item"] || b.Kind == reader.ListItem && b.Ordered
			found["block quote"] = found["block quote"] || b.QuoteDepth > 0
			found["table row"] = found["table row"] || b.Kind == reader.TableRow
			for _, r := range b.Runs {
				found["bold"] = found["bold"] || r.Style.Has(reader.Bold)
				found["italic"] = found["italic"] || r.Style.Has(reader.Italic)
				found["code span"] = found["code span"] || r.Style.Has(reader.Code) && b.Kind != reader.CodeBlock
				found["link"] = found["link"] || r.Style.Has(reader.Link) && r.URL != ""
			}
		}
	}
	for _, feature := range []string{
		"heading level 2", "heading level 3", "nested list item", "numbered list item",
		"block quote", "table row", "bold", "italic", "code span", "link",
	} {
		if !found[feature] {
			t.Errorf("no %s anywhere in the library", feature)
		}
	}
	for _, place := range []string{"Kidal", "Ménaka", "Sévaré", "Ségou", "Tessalit", "Niamey"} {
		if !strings.Contains(text.String(), place) {
			t.Errorf("the library never mentions %s", place)
		}
	}
}
