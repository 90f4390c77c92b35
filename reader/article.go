package reader

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Article is one readable text of the library: its front matter and Markdown body.
type Article struct {
	ID        string    `yaml:"id" json:"id"`
	Title     string    `yaml:"title" json:"title"`
	Source    string    `yaml:"source" json:"source"`
	URL       string    `yaml:"url,omitempty" json:"url,omitempty"`
	Author    string    `yaml:"author" json:"author"`
	Published time.Time `yaml:"published" json:"published"`
	Language  string    `yaml:"language" json:"language"`
	Summary   string    `yaml:"summary" json:"summary"`
	Tags      []string  `yaml:"tags" json:"tags"`
	Body      string    `yaml:"-" json:"-"` // the Markdown after the front matter
}

// wordsPerMinute is a common adult silent-reading speed for non-fiction.
const wordsPerMinute = 230

// ReadingMinutes estimates how long the body takes to read, at least one minute.
func (a Article) ReadingMinutes() int {
	// Counted, not split: strings.Fields would copy a large body's every word.
	words, inWord := 0, false
	for _, r := range a.Body {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			words++
		}
		inWord = !space
	}
	return max(1, (words+wordsPerMinute/2)/wordsPerMinute)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ParseArticle splits a Markdown file into YAML front matter (between "---"
// lines at the very top) and body, and checks the fields every article needs:
// id (lower-case words joined by '-'), title, published and a non-empty body.
func ParseArticle(data []byte) (Article, error) {
	var a Article
	if !utf8.Valid(data) {
		return a, errors.New("not valid UTF-8 text")
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\uFEFF"))), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return a, errors.New("no front matter: the file must start with a line \"---\"")
	}
	front, body, ok := strings.Cut(text[len("---\n"):], "\n---\n")
	if !ok {
		return a, errors.New("front matter is not closed by a line \"---\"")
	}
	dec := yaml.NewDecoder(strings.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("front matter: %w", err)
	}
	a.Body = strings.TrimSpace(body)
	switch {
	case !idPattern.MatchString(a.ID):
		return a, fmt.Errorf("front matter: id %q must be lower-case letters and digits joined by '-'", a.ID)
	case strings.TrimSpace(a.Title) == "":
		return a, errors.New("front matter: title is missing")
	case a.Published.IsZero():
		return a, errors.New("front matter: published date is missing")
	case a.Body == "":
		return a, errors.New("the article has no body")
	}
	return a, nil
}

// Document is what the reader shows and what every position in the article
// indexes: the title, white space folded and never parsed as Markdown (so
// "*" or "#" in it stay as typed), as a level-1 heading, then the body
// (package doc, rule 9).
func (a Article) Document() *Document {
	return parse(strings.Join(strings.Fields(a.Title), " "), a.Body)
}
