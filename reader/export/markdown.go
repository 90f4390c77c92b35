package export

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"sahelreader/reader"
	"sahelreader/reader/anchor"
)

// Markdown notes, one file per article, in the shape Obsidian, Omnivore and
// Readwise users share: YAML front matter (id, title, source, url, and the
// article's tags spelled as Obsidian tags),
// "# Title", then "## Highlights": one block quote per highlight or note in
// reading order, holding the passage, the note, the colour and tags,
// followed by its Obsidian block id, "^" and the annotation's UUID. Then
// "## Bookmarks", and "## Unplaced" for annotations whose passage is no
// longer in the article's text. Nothing in a file depends on the time of
// export or on other articles, so exporting again gives the same bytes, and
// editing one note changes only its block: a folder kept under version
// control or synced shows exactly what changed.

// File is one file of a format that writes a folder.
type File struct {
	Name string // a file name, no directories
	Data []byte
}

// FilesWriter makes one file per article: for article when it is not nil
// (even with no annotations), else for every article in arts that has
// annotations in anns, and for annotations of articles no longer in arts.
type FilesWriter func(arts []reader.Article, anns []reader.Annotation, article *reader.Article) ([]File, error)

// frontMatter is the YAML head of a note file; the fields are in the order written.
type frontMatter struct {
	ID     string   `yaml:"id"`
	Title  string   `yaml:"title"`
	Source string   `yaml:"source,omitempty"`
	URL    string   `yaml:"url,omitempty"`
	Tags   []string `yaml:"tags,omitempty"`
}

// Markdown makes the note files described above.
func Markdown(arts []reader.Article, anns []reader.Annotation, article *reader.Article) ([]File, error) {
	byArticle := map[string][]reader.Annotation{}
	for _, a := range anns {
		if article != nil && a.ArticleID != article.ID {
			return nil, fmt.Errorf("annotation %s belongs to article %q, not to %q", a.ID, a.ArticleID, article.ID)
		}
		byArticle[a.ArticleID] = append(byArticle[a.ArticleID], a)
	}
	if article != nil {
		arts = []reader.Article{*article}
	}
	var files []File
	for _, art := range arts {
		list, ok := byArticle[art.ID]
		delete(byArticle, art.ID)
		if !ok && article == nil {
			continue
		}
		f, err := markdownFile(art, list)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// Annotations of articles deleted from the library: every one unplaced.
	for _, id := range slices.Sorted(maps.Keys(byArticle)) {
		f, err := markdownFile(reader.Article{ID: id, Title: id}, byArticle[id])
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// fileName is the article id as a file name: ids are lower-case words
// joined by '-', but an imported or damaged one may hold anything, so
// separators, characters Windows refuses and a leading dot are escaped.
func fileName(id string) string {
	name := strings.ReplaceAll(url.PathEscape(id), ":", "%3A")
	if strings.HasPrefix(name, ".") {
		name = "%2E" + name[1:]
	}
	return name + ".md"
}

// placed is an annotation where it lies in the article's current text.
type placed struct {
	reader.Annotation
	at reader.Range // empty for an unplaced one
}

func markdownFile(art reader.Article, anns []reader.Annotation) (File, error) {
	var doc *reader.Document
	if art.Body != "" {
		doc = art.Document()
	} else {
		doc = reader.Parse("") // an article no longer in the library
	}
	an := anchor.New(doc)
	var notes, bookmarks, unplaced []placed
	for _, a := range readingOrder(anns) {
		p := placed{a, an.Anchor(a.Target).Range}
		switch {
		case p.at.Len() == 0:
			unplaced = append(unplaced, p)
		case a.Motivation == reader.Bookmarking:
			bookmarks = append(bookmarks, p)
		default:
			notes = append(notes, p)
		}
	}
	byPlace := func(a, b placed) int {
		if a.at.Start != b.at.Start {
			return a.at.Start - b.at.Start
		}
		return a.at.End - b.at.End
	}
	slices.SortStableFunc(notes, byPlace) // readingOrder broke the ties
	slices.SortStableFunc(bookmarks, byPlace)

	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	var tags []string
	for _, t := range art.Tags {
		tags = append(tags, obsidianTag(t))
	}
	if err := enc.Encode(frontMatter{art.ID, art.Title, art.Source, art.URL, tags}); err != nil {
		return File{}, err
	}
	if err := enc.Close(); err != nil {
		return File{}, err
	}
	fmt.Fprintf(&b, "---\n\n# %s\n", escapeLine(strings.Join(strings.Fields(art.Title), " ")))
	section(&b, "Highlights", notes, func(p placed) string { return doc.Slice(p.at) })
	section(&b, "Bookmarks", bookmarks, func(p placed) string { return doc.Slice(p.at) })
	// An unplaced annotation's passage is what it was made on.
	section(&b, "Unplaced", unplaced, func(p placed) string { return p.Target.Quote.Exact })
	return File{Name: fileName(art.ID), Data: b.Bytes()}, nil
}

// sectionNotes say what a section holds, for a reader of the file.
var sectionNotes = map[string]string{
	"Unplaced": "These passages are no longer in the article's text; the notes are kept with the words they were made on.",
}

func section(b *bytes.Buffer, title string, list []placed, passage func(placed) string) {
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n", title)
	if n := sectionNotes[title]; n != "" {
		fmt.Fprintf(b, "\n%s\n", n)
	}
	for _, p := range list {
		b.WriteString("\n")
		quoteBlock(b, p, passage(p))
	}
}

// quoteBlock writes one annotation: a block quote of the passage, the note
// (Markdown, kept as written) and a line with colour and tags; then the
// block id on a line of its own, where Obsidian reads it as the quote's.
func quoteBlock(b *bytes.Buffer, p placed, passage string) {
	var lines []string
	for _, l := range strings.Split(passage, "\n") {
		lines = append(lines, escapeLine(l))
	}
	if p.Note != "" {
		label := "Note"
		if p.Motivation == reader.Bookmarking {
			label = "Label"
		}
		lines = append(lines, "")
		note := strings.Split(strings.TrimSpace(p.Note), "\n")
		note[0] = "**" + label + ":** " + note[0]
		lines = append(lines, note...)
	}
	var meta []string
	if p.Color != "" {
		meta = append(meta, string(p.Color))
	}
	for _, t := range p.Tags {
		meta = append(meta, "#"+obsidianTag(t))
	}
	if len(meta) > 0 {
		lines = append(lines, "", strings.Join(meta, " "))
	}
	for _, l := range lines {
		if l == "" {
			b.WriteString(">\n")
		} else {
			b.WriteString("> " + l + "\n")
		}
	}
	fmt.Fprintf(b, "\n^%s\n", p.ID)
}

// obsidianTag makes a tag one Obsidian reads whole: letters, digits, '_',
// '-' and '/' only, so "to read" becomes "to-read".
func obsidianTag(t string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/' {
			return r
		}
		return '-'
	}, t)
}

// escapeLine keeps a line of plain text from being read as Markdown:
// inline markup characters are escaped everywhere, and a line that would
// start a heading, list or quote is escaped at its start.
func escapeLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	trimmed := strings.TrimLeft(out, " ")
	switch {
	case strings.HasPrefix(trimmed, "#"), strings.HasPrefix(trimmed, "-"), strings.HasPrefix(trimmed, "+"), strings.HasPrefix(trimmed, "="):
		return strings.Repeat(" ", len(out)-len(trimmed)) + "\\" + trimmed
	}
	if i := strings.IndexFunc(trimmed, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (trimmed[i] == '.' || trimmed[i] == ')') {
		return strings.Repeat(" ", len(out)-len(trimmed)) + trimmed[:i] + "\\" + trimmed[i:]
	}
	return out
}
