package importer

import (
	"strings"

	"sahelreader/reader"
)

// fromText makes Markdown of plain text: blank lines separate paragraphs,
// the lines of a paragraph are joined as one flowing paragraph, and every
// character Markdown would read as markup is escaped, so the reader shows
// exactly the words of the file. The title is the file name's.
func fromText(_ string, text string) (reader.Article, error) {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, escapeLine(line))
	}
	flush()
	return reader.Article{Body: strings.Join(paras, "\n\n")}, nil
}

// escapeLine backslash-escapes one trimmed line of text. CommonMark lets
// any ASCII punctuation be escaped, so escaping too much is harmless;
// escaping too little turns words into markup. Inline syntax is escaped
// wherever it is; line-start syntax (headings, lists, quotes, thematic
// breaks, setext underlines) only at the start of the line.
func escapeLine(line string) string {
	var b strings.Builder
	for i, r := range line {
		switch {
		case strings.ContainsRune("\\`*_[]<>&|~!", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#+-=>:", r):
			b.WriteByte('\\')
		case r == '.' || r == ')':
			// "1." and "1)" start an ordered list when only digits precede.
			if i > 0 && isDigits(line[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
