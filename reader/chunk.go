package reader

import (
	"regexp"
	"strings"
)

// chunkBytes is about how much Markdown is parsed at a time. gomarkdown's
// tree of a text is several times the text, so a 50 MB article parsed whole
// held over 250 MB of tree at once; a megabyte's tree is a few megabytes.
const chunkBytes = 1 << 20

// unsplittable finds what makes cutting a text anywhere change its
// meaning: link reference definitions (they serve the whole text) and raw
// HTML blocks (some run over blank lines). Such a text is parsed whole.
var unsplittable = regexp.MustCompile(`(?m)^ {0,3}(\[[^\]]*\]:|<)`)

// chunks cuts markdown into pieces of about size bytes that parse, one
// after the other, to the blocks the whole text parses to. A cut goes
// before a line that follows a blank line, is outside a fenced code block
// and starts with a letter: there every container (list, quote, table,
// indented code) has ended and none continues, so no list is renumbered.
// One difference remains, on hostile input only: gomarkdown stops padding
// short table rows past as many cells as its input has bytes (at least
// 100 KB), and a piece is smaller than the whole text.
func chunks(markdown string, size int) []string {
	if len(markdown) <= size || unsplittable.MatchString(markdown) {
		return []string{markdown}
	}
	var out []string
	start, blank, fence := 0, false, ""
	for at := 0; at < len(markdown); {
		end := strings.IndexByte(markdown[at:], '\n') + 1
		if end == 0 {
			end = len(markdown) - at
		}
		line := markdown[at : at+end]
		if fence == "" && blank && at-start >= size && startsWithLetter(line) {
			out = append(out, markdown[start:at])
			start = at
		}
		fence = fenceAfter(line, fence)
		blank = strings.Trim(line, " \t\r\n") == "" // Markdown's blank, not Unicode's
		at += end
	}
	return append(out, markdown[start:])
}

func startsWithLetter(line string) bool {
	c := line[0] | 0x20 // ASCII lower case
	return c >= 'a' && c <= 'z'
}

// fenceAfter is the fence open after line, given the one open before it
// ("" for none): a line of ``` or ~~~ (at most 3 spaces in) opens one, and
// a line of at least as many of the same character closes it.
func fenceAfter(line, open string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return open
	}
	n := len(t) - len(strings.TrimLeft(t, t[:1]))
	if n < 3 {
		return open
	}
	if open == "" {
		return t[:n]
	}
	if t[0] == open[0] && n >= len(open) && strings.TrimSpace(t[n:]) == "" {
		return ""
	}
	return open
}
