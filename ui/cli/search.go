package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/search"
	"sahelreader/storage"
)

// searchHit is one result of `search --json`; its field names are a public
// format. Offsets count code points of the article's canonical text
// (`sahelreader text ID`); highlights count code points of the snippet.
type searchHit struct {
	Article string        `json:"article"`
	Title   string        `json:"title"`
	Score   float64       `json:"score"`
	Count   int           `json:"count"` // matches in the article's text
	Matches []searchMatch `json:"matches"`
	Tags    *searchTags   `json:"tags,omitempty"` // the article's tags, when they match
	Notes   []searchNote  `json:"notes"`
}

type searchTags struct {
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
}

type searchMatch struct {
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
}

// searchNote is an annotation whose note or tags match; start and end are
// where it was made in the article's text.
type searchNote struct {
	Annotation string   `json:"annotation"`
	Motivation string   `json:"motivation"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Quote      string   `json:"quote"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
}

func (c *command) search(args []string) int {
	fs := c.flags("sahelreader search", "[--json] [--limit N] QUERY...",
		"Searches the titles, text and tags of every article and the notes and tags of every annotation.\n"+
			"Case and accents do not matter; every word must match; put a phrase in double quotes\n"+
			"(quote them for the shell too: sahelreader search '\"united nations\"').")
	asJSON := fs.Bool("json", false, "print a JSON array of results, best first")
	limit := fs.Int("limit", 20, "at most `N` articles")
	if err := fs.Parse(args); err != nil {
		return c.usageStatus(err)
	}
	if fs.NArg() == 0 || *limit < 1 {
		return c.fail(ExitUsage, errors.New("search needs a query and a --limit of at least 1 (see sahelreader search --help)"))
	}
	var arts []reader.Article
	var anns []reader.Annotation
	var unreadable []storage.DecodeError
	if status := c.useLibrary(func(db *storage.DB) (err error) {
		if arts, err = articles.Library(db); err != nil {
			return err
		}
		anns, unreadable, err = db.AllAnnotations()
		return err
	}); status != ExitOK {
		return status
	}
	var err error
	// A query typed on a command line is finished: its last word is a whole word.
	results := search.Build(arts, anns).Search(strings.Join(fs.Args(), " ")+" ", *limit)
	if *asJSON {
		err = c.printSearchJSON(results)
	} else {
		err = c.printSearch(results)
	}
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	return c.reportUnreadable(unreadable, "searched")
}

// reportUnreadable warns of library records that could not be read; the
// command did the rest, and its status says not all.
func (c *command) reportUnreadable(unreadable []storage.DecodeError, what string) int {
	for _, u := range unreadable {
		c.fail(ExitFailure, fmt.Errorf("%v; it was not %s", u, what))
	}
	if len(unreadable) > 0 {
		return ExitFailure
	}
	return ExitOK
}

func highlights(s search.Snippet) [][2]int {
	out := make([][2]int, len(s.Spans))
	for i, sp := range s.Spans {
		out[i] = [2]int{sp.Start, sp.End}
	}
	return out
}

func (c *command) printSearchJSON(results []search.Result) error {
	hits := make([]searchHit, len(results))
	for i, r := range results {
		h := searchHit{Article: r.ArticleID, Title: r.Title, Score: r.Score, Count: r.Count,
			Matches: []searchMatch{}, Notes: []searchNote{}}
		for _, m := range r.Matches {
			h.Matches = append(h.Matches, searchMatch{m.Start, m.End, m.Snippet.Text, highlights(m.Snippet)})
		}
		if r.Tags != nil {
			h.Tags = &searchTags{r.Tags.Text, highlights(*r.Tags)}
		}
		for _, n := range r.Notes {
			a := n.Annotation
			h.Notes = append(h.Notes, searchNote{a.ID, string(a.Motivation), a.Target.Position.Start, a.Target.Position.End,
				a.Target.Quote.Exact, n.Snippet.Text, highlights(n.Snippet)})
		}
		hits[i] = h
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(hits)
}

// printSearch prints each article's title and id, then its snippets with
// the matched words in «», then its matching notes.
func (c *command) printSearch(results []search.Result) error {
	if len(results) == 0 {
		_, err := fmt.Fprintln(c.env.Stdout, "No matches.")
		return err
	}
	var sb strings.Builder
	for _, r := range results {
		fmt.Fprintf(&sb, "%s (%s)\n", r.Title, r.ArticleID)
		for _, m := range r.Matches {
			fmt.Fprintf(&sb, "  at %d: %s\n", m.Start, marked(m.Snippet))
		}
		if r.Tags != nil {
			fmt.Fprintf(&sb, "  tags: %s\n", marked(*r.Tags))
		}
		for _, n := range r.Notes {
			fmt.Fprintf(&sb, "  %s on %q: %s\n", noteKind(n.Annotation), n.Annotation.Target.Quote.Exact, marked(n.Snippet))
		}
	}
	_, err := fmt.Fprint(c.env.Stdout, sb.String())
	return err
}

func noteKind(a reader.Annotation) string {
	if a.Motivation == reader.Bookmarking {
		return "bookmark"
	}
	return "note"
}

// marked is the snippet with its matches between « and ».
func marked(s search.Snippet) string {
	rs := []rune(s.Text)
	var sb strings.Builder
	at := 0
	for _, sp := range s.Spans {
		sb.WriteString(string(rs[at:sp.Start]))
		sb.WriteString("«" + string(rs[sp.Start:sp.End]) + "»")
		at = sp.End
	}
	sb.WriteString(string(rs[at:]))
	return sb.String()
}
