package places

import "sahelreader/reader/places/internal/fold"

// hit is one run of words that names a gazetteer key and survived the
// context filters; resolve decides which place it means.
type hit struct {
	r0, r1   int // rune range
	b0, b1   int // byte range
	head     int32
	caps     bool // written in capitals, so abbreviations may match
	capsOnly bool // an acronym in ordinary text: only abbreviations may match
	cue      cue
	within   int // 1 + index of the hit after ", " that locates this one (Paris, Texas); 0 for none
}

type cue uint8

const (
	cueSentenceStart cue = 1 << iota // first word of a sentence or line
	cueTitle                         // on a heading-like line
	cueRegion                        // followed by Region, Province...
	cueCity                          // followed by Airport, City...
	cueThe                           // preceded by "the": the Niger (the river)
	cuePlace                         // preceded by in, at, from...
	cueCommon                        // an everyday word: only prominent places count
)

// maxNameWords bounds how far a name may run; the longest useful names
// ("Democratic Republic of the Congo") have six words.
const maxNameWords = 8

// scanner finds hits in one text. It keeps a short window of tokens, so its
// memory grows with the places found, not with the length of the text.
type scanner struct {
	g       *Gazetteer
	text    string
	tz      tokenizer
	win     []token
	eof     bool
	key     []byte
	word    []byte
	hits    []hit
	persons map[int32]bool // keys seen as part of a person's name
}

func newScanner(g *Gazetteer, text string) *scanner {
	return &scanner{g: g, text: text, tz: tokenizer{text: text}, win: make([]token, 0, 256), persons: map[int32]bool{}}
}

// at returns the i-th token of the window, reading more as needed.
func (s *scanner) at(i int) *token {
	for i >= len(s.win) && !s.eof {
		var t token
		if !s.tz.next(&t) {
			s.eof = true
			break
		}
		s.win = append(s.win, t)
	}
	if i < 0 || i >= len(s.win) {
		return nil
	}
	return &s.win[i]
}

// lookBehind is how many processed tokens the window keeps for context.
const lookBehind = 3

func (s *scanner) run() {
	i := 0
	for s.at(i) != nil {
		i = s.matchAt(i)
		if i > 4096 { // slide the window, keeping a little context
			n := copy(s.win, s.win[i-lookBehind:])
			s.win = s.win[:n]
			i = lookBehind
		}
	}
}

// match is the longest key found at a token.
type match struct {
	last   int // index of the last token
	head   int32
	dot    bool // the key takes the dot after the last token (Ky., St.)
	b1, r1 int
}

// matchAt tries a name starting at token i and returns the next index.
func (s *scanner) matchAt(i int) int {
	t := s.at(i)
	if t.is(numeric) {
		return i + 1
	}
	m, ok := s.longest(i)
	if !ok {
		return i + 1
	}
	next := m.last + 1
	h, keep := s.judge(i, m)
	if !keep && m.last > i && !t.is(upper) {
		return i + 1 // "east London" is no East London: the name may start later
	}
	if keep {
		if n := len(s.hits); n > 0 && s.text[s.hits[n-1].b1:h.b0] == ", " {
			s.hits[n-1].within = n + 1
		}
		s.hits = append(s.hits, h)
		// The mention may run over a kind word ("Napa Valley"): no other
		// name starts inside it ("Valley East").
		for t := s.at(next); t != nil && t.b0 < h.b1; t = s.at(next) {
			next++
		}
	}
	return next
}

// longest reads words while the growing key is a known prefix.
func (s *scanner) longest(i int) (match, bool) {
	var best match
	found := false
	s.key = s.key[:0]
	for j := i; j < i+maxNameWords; j++ {
		t := s.at(j)
		if t == nil || (j > i && !t.is(joinPrev)) {
			break
		}
		if j > i {
			s.key = append(s.key, ' ')
		}
		s.key = fold.AppendWord(s.key, s.text[t.b0:t.b1])
		h, ok := s.g.names[string(s.key)]
		if ok && s.g.heads[h].first >= 0 {
			best, found = match{last: j, head: h, b1: t.b1, r1: t.r1}, true
		}
		// "Ky." is a key though "Ky" is none.
		if t.b1 < len(s.text) && s.text[t.b1] == '.' && !t.is(initialism) {
			s.key = append(s.key, '.')
			if hd, ok := s.g.names[string(s.key)]; ok && s.g.heads[hd].first >= 0 {
				best, found = match{last: j, head: hd, dot: true, b1: t.b1 + 1, r1: t.r1 + 1}, true
			}
			s.key = s.key[:len(s.key)-1]
		}
		if !ok || !s.g.heads[h].more {
			break
		}
	}
	return best, found
}

// fold returns a token's folded text.
func (s *scanner) fold(t *token) string {
	s.word = fold.AppendWord(s.word[:0], s.text[t.b0:t.b1])
	return string(s.word)
}
