// Package importer turns a person's own files into library articles:
// Markdown (.md, .markdown) as it is, plain text (.txt) as paragraphs, and
// HTML (.html, .htm) converted to Markdown without scripts, styles, frames
// or remote images. It walks folders, checks every file before reading it
// whole, and hands each article to a store one at a time, so one bad file
// never stops the rest. It knows nothing of bbolt or Fyne.
package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"sahelreader/reader"
)

// MaxFileBytes is the largest file imported (20 MB): far more than any
// article, and small enough to read whole without a second thought.
const MaxFileBytes = 20 << 20

// converters by lower-case file extension.
var converters = map[string]func(name string, text string) (reader.Article, error){
	".md":       fromMarkdown,
	".markdown": fromMarkdown,
	".txt":      fromText,
	".html":     fromHTML,
	".htm":      fromHTML,
}

// Supported tells whether a file name has an extension the importer reads.
func Supported(name string) bool {
	_, ok := converters[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Convert turns one file's bytes into an article without an id: Title,
// Body and whatever the file says of itself (front matter, HTML meta tags).
// A file that says nothing of its source gets its file name; one with no
// date gets modified. name only chooses the format and the fallback title.
func Convert(name string, data []byte, modified time.Time) (reader.Article, error) {
	conv, ok := converters[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return reader.Article{}, fmt.Errorf("%q files are not imported (only .md, .markdown, .txt, .html, .htm)", filepath.Ext(name))
	}
	if isHTML(name) {
		data = decodeHTML(data)
	}
	text, err := checkText(data)
	if err != nil {
		return reader.Article{}, err
	}
	a, err := conv(name, text)
	if err != nil {
		return reader.Article{}, err
	}
	a.Body = trimBlankLines(a.Body)
	if a.Body == "" || strings.TrimSpace(reader.Parse(a.Body).Text) == "" {
		return reader.Article{}, errors.New("no readable text in it")
	}
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	if a.Title == "" {
		a.Title = fileTitle(name)
	}
	if a.Source == "" {
		a.Source = filepath.Base(name)
	}
	if a.Published.IsZero() {
		a.Published = modified.UTC().Truncate(time.Second)
	}
	if a.Tags, err = reader.CleanTags(a.Tags); err != nil {
		return reader.Article{}, err
	}
	return a, nil
}

func isHTML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// decodeHTML turns a page that is not UTF-8 into UTF-8, in the encoding
// its byte order mark or <meta charset> names, else Windows-1252 as
// browsers assume. A page that is valid UTF-8 is taken as it is, whatever
// its meta says: saved pages often keep a stale one.
func decodeHTML(data []byte) []byte {
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return data
	}
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		return out
	}
	return data
}

// checkText refuses what is not UTF-8 text, naming the likely cause.
func checkText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", errors.New("the file is empty")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "", errors.New("UTF-16 text; save it as UTF-8 and import it again")
	case bytes.IndexByte(data, 0) >= 0:
		return "", errors.New("binary data, not text")
	case !utf8.Valid(data):
		return "", errors.New("not valid UTF-8 text (another encoding?); save it as UTF-8 and import it again")
	}
	return strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), nil
}

// trimBlankLines drops the blank lines before and after the text; the
// indentation of its first line is kept, as it may start a code block.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// normaliseBody is the Markdown as hashed: Unix line ends, no trailing
// blanks on any line, no blank lines around it. Two files that differ only
// in these ways are the same article.
func normaliseBody(body string) string {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// Hash identifies an article's text for duplicate detection: hex SHA-256
// of its normalised Markdown body.
func Hash(body string) string {
	sum := sha256.Sum256([]byte(normaliseBody(body)))
	return hex.EncodeToString(sum[:])
}

// fileTitle is a title made from a file name: no folder, no extension.
func fileTitle(name string) string {
	base := filepath.Base(name)
	return strings.Join(strings.Fields(strings.TrimSuffix(base, filepath.Ext(base))), " ")
}
