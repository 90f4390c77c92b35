package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"sahelreader/reader"
)

// fromMarkdown reads optional YAML front matter and the body. The title is
// the front matter's, else the first heading's (taken out of the body when
// it opens it, since the reader shows the title as the first heading).
func fromMarkdown(_ string, text string) (reader.Article, error) {
	var a reader.Article
	body := text
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		front, after, closed := strings.Cut(rest, "\n---\n")
		if !closed {
			front, closed = strings.CutSuffix(rest, "\n---")
			after = ""
		}
		if !closed {
			return a, errors.New("front matter is not closed by a line \"---\"")
		}
		if err := readFrontMatter(front, &a); err != nil {
			return a, err
		}
		body = after
	}
	title, rest := leadingHeading(body)
	if a.Title == "" {
		a.Title = title
		body = rest
	}
	a.Body = body
	return a, nil
}

var (
	atxHeading    = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	setextUnderln = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
)

// leadingHeading finds a heading that opens body (after blank lines) and
// returns its plain text and the body without it; else "" and body. A
// heading with nothing after it stays: it is all the text there is.
func leadingHeading(body string) (string, string) {
	lines := strings.Split(body, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return "", body
	}
	n := 0
	switch {
	case atxHeading.MatchString(lines[i]):
		n = 1
	case i+1 < len(lines) && strings.TrimSpace(lines[i]) != "" && setextUnderln.MatchString(lines[i+1]):
		n = 2
	default:
		return "", body
	}
	doc := reader.Parse(strings.Join(lines[i:i+n], "\n"))
	rest := strings.Join(lines[i+n:], "\n")
	if len(doc.Blocks) != 1 || doc.Blocks[0].Kind != reader.Heading || strings.TrimSpace(rest) == "" {
		return "", body
	}
	return doc.Text, rest
}

// frontMatter holds the fields other tools (Jekyll, Hugo, Obsidian,
// Zettlr) write that an article can use; the rest is ignored.
type frontMatter struct {
	Title       string   `yaml:"title"`
	Source      string   `yaml:"source"`
	Site        string   `yaml:"site"`
	URL         string   `yaml:"url"`
	Link        string   `yaml:"link"`
	Author      anyList  `yaml:"author"`
	Authors     anyList  `yaml:"authors"`
	Published   yamlTime `yaml:"published"`
	Date        yamlTime `yaml:"date"`
	Language    string   `yaml:"language"`
	Lang        string   `yaml:"lang"`
	Summary     string   `yaml:"summary"`
	Description string   `yaml:"description"`
	Tags        anyList  `yaml:"tags"`
	Keywords    anyList  `yaml:"keywords"`
}

func readFrontMatter(front string, a *reader.Article) error {
	var fm frontMatter
	if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
		return fmt.Errorf("front matter: %w", err)
	}
	a.Title = fm.Title
	a.Source = first(fm.Source, fm.Site)
	a.URL = first(fm.URL, fm.Link)
	a.Author = strings.Join(append(fm.Author, fm.Authors...), ", ")
	a.Published = first(fm.Published.Time, fm.Date.Time)
	a.Language = first(fm.Language, fm.Lang)
	a.Summary = first(fm.Summary, fm.Description)
	a.Tags = append(fm.Tags, fm.Keywords...)
	return nil
}

func first[T comparable](vs ...T) T {
	var zero T
	for _, v := range vs {
		if v != zero {
			return v
		}
	}
	return zero
}

// anyList reads a YAML list of strings, or one string of comma-separated
// items, as tools write tags and authors either way.
type anyList []string

func (l *anyList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		for _, s := range strings.Split(n.Value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				*l = append(*l, s)
			}
		}
		return nil
	case yaml.SequenceNode:
		var list []string
		if err := n.Decode(&list); err != nil {
			return err
		}
		*l = list
		return nil
	}
	return fmt.Errorf("line %d: expected a list or a text", n.Line)
}

// yamlTime reads a date in the forms front matter uses. A date it cannot
// read is left out (the file's time is used) rather than failing the file.
type yamlTime struct{ time.Time }

var dateLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02", "2006-01", "2006"}

func (t *yamlTime) UnmarshalYAML(n *yaml.Node) error {
	v := strings.TrimSpace(n.Value)
	for _, layout := range dateLayouts {
		if parsed, err := time.Parse(layout, v); err == nil && n.Kind == yaml.ScalarNode {
			t.Time = parsed.UTC()
			break
		}
	}
	return nil
}
