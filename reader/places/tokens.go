package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sahelreader/reader/places/internal/fold"
)

// token is one word of the input: letters, digits and marks, with inner
// apostrophes (N'Djamena, d'Ivoire) and the dots of initialisms (U.S., W.Va.).
type token struct {
	b0, b1 int // byte range in the text
	r0, r1 int // rune range in the text
	flags  tokenFlag
}

type tokenFlag uint16

const (
	upper         tokenFlag = 1 << iota // first letter is a capital
	allCaps                             // two or more letters, all capitals
	numeric                             // starts with a digit
	sentenceStart                       // first word of the text, a line or a sentence
	joinPrev                            // one space or hyphen before it: a name may run on from the previous word
	titleLine                           // on a line written in title case or capitals (a heading)
	initialism                          // contains dots (U.S.)
	hyphenPrev                          // the separator before it is a hyphen, not a space
)

func (t *token) is(f tokenFlag) bool { return t.flags&f != 0 }

// tokenizer walks the text once, keeping byte and rune positions in step.
type tokenizer struct {
	text      string
	pos, rpos int
	title     bool // the current line reads as a heading
	started   bool
}

// titleScan bounds the look-ahead that classifies a line as a heading;
// longer lines are prose.
const titleScan = 300

func (t *tokenizer) next(tok *token) bool {
	text := t.text
	var flags tokenFlag
	if !t.started {
		t.started = true
		t.title = isTitleLine(text)
		flags |= sentenceStart
	}
	sep := 0
	spaceOrHyphen, hyphen := true, false
	for t.pos < len(text) {
		c := text[t.pos]
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				break
			}
			switch c {
			case '.', '!', '?':
				flags |= sentenceStart
			case '\n':
				flags |= sentenceStart
				t.title = isTitleLine(text[t.pos+1:])
			}
			if c != ' ' && c != '-' {
				spaceOrHyphen = false
			}
			hyphen = c == '-'
			t.pos++
			t.rpos++
			sep++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[t.pos:])
		if isWordRune(r) {
			break
		}
		switch r {
		case '…', '\u2028', '\u2029':
			flags |= sentenceStart
		case '\u2011', '\u2010':
			hyphen = true
		case '\u00a0':
		default:
			spaceOrHyphen = false
		}
		t.pos += size
		t.rpos++
		sep++
	}
	if t.pos >= len(text) {
		return false
	}
	if sep == 1 && spaceOrHyphen {
		flags |= joinPrev
		if hyphen {
			flags |= hyphenPrev
		}
	}
	if t.title {
		flags |= titleLine
	}
	tok.b0, tok.r0 = t.pos, t.rpos
	t.scanWord(tok, flags)
	return true
}

// scanWord reads one word starting at t.pos.
func (t *tokenizer) scanWord(tok *token, flags tokenFlag) {
	text := t.text
	letters, capitals, segment := 0, 0, 0
	first := true
	for t.pos < len(text) {
		r, size := rune(text[t.pos]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[t.pos:])
		}
		switch {
		case isWordRune(r):
			if first {
				first = false
				switch {
				case unicode.IsUpper(r) || unicode.IsTitle(r):
					flags |= upper
				case unicode.IsDigit(r):
					flags |= numeric
				}
			}
			if unicode.IsLetter(r) {
				letters++
				segment++
				if unicode.IsUpper(r) {
					capitals++
				}
			}
		case fold.IsApostrophe(r) && t.apostropheInWord(size):
		case r == '.' && segment <= 2 && flags&upper != 0 && t.initialismContinues(size):
			flags |= initialism
			segment = 0
		default:
			t.finish(tok, flags, letters, capitals)
			return
		}
		t.pos += size
		t.rpos++
	}
	t.finish(tok, flags, letters, capitals)
}

func (t *tokenizer) finish(tok *token, flags tokenFlag, letters, capitals int) {
	if flags&initialism != 0 && t.pos < len(t.text) && t.text[t.pos] == '.' {
		t.pos++ // the initialism's closing dot: U.S.
		t.rpos++
	}
	if letters >= 2 && capitals == letters {
		flags |= allCaps
	}
	tok.b1, tok.r1, tok.flags = t.pos, t.rpos, flags
}

// apostropheInWord: an apostrophe joins letters (N'Djamena, d'Ivoire) but a
// possessive "'s" stays outside the name (Mali's).
func (t *tokenizer) apostropheInWord(size int) bool {
	after := t.text[t.pos+size:]
	r, n := utf8.DecodeRuneInString(after)
	if !unicode.IsLetter(r) {
		return false
	}
	if r == 's' || r == 'S' {
		next, _ := utf8.DecodeRuneInString(after[n:])
		return isWordRune(next) || t.peoples()
	}
	return true
}

// peoples reports the word before t.pos is "People", whose "'s" belongs to
// country names: People's Republic of China, Lao People's Democratic Republic.
func (t *tokenizer) peoples() bool {
	w := t.text[:t.pos]
	return len(w) >= 6 && strings.EqualFold(w[len(w)-6:], "people") && (len(w) == 6 || !isASCIILetter(w[len(w)-7]))
}

// initialismContinues: the dot at t.pos is followed by one or two letters and
// another dot (U.S., W.Va.).
func (t *tokenizer) initialismContinues(size int) bool {
	after := t.text[t.pos+size:]
	n := 0
	for n < len(after) && n < 3 && isASCIILetter(after[n]) {
		n++
	}
	return n >= 1 && n <= 2 && n < len(after) && after[n] == '.'
}

// isTitleLine reports a heading-like line: short, and every longer word after
// the first capitalised (or the whole line in capitals).
func isTitleLine(s string) bool {
	upperWords, lowerWords, letters, capitals := 0, 0, 0, 0
	wordLen, wordUpper, firstWord := 0, false, true
	endWord := func() {
		if wordLen >= 4 && !firstWord {
			if wordUpper {
				upperWords++
			} else {
				lowerWords++
			}
		}
		if wordLen > 0 {
			firstWord = false
		}
		wordLen = 0
	}
	for i, r := range s {
		if r == '\n' {
			break
		}
		if i > titleScan {
			return false
		}
		if unicode.IsLetter(r) {
			if wordLen == 0 {
				wordUpper = unicode.IsUpper(r)
			}
			wordLen++
			letters++
			if unicode.IsUpper(r) {
				capitals++
			}
			continue
		}
		endWord()
	}
	endWord()
	return (upperWords >= 2 && lowerWords == 0) || (letters >= 8 && capitals == letters)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isASCIIWord(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWord(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
