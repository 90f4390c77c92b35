package search

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clause is one part of a query every hit must match: a word (one slot) or
// a phrase (one slot per word, in order). A slot matches any of its terms;
// only the last slot of the last clause, a word still being typed, can have
// several (the terms it is a prefix of).
type clause struct {
	words []string // as folded, for display and prefix expansion
	slots [][]string
}

// maxExpansions bounds how many terms a prefix stands for: the most
// frequent ones, so that "s" does not walk the whole vocabulary.
const maxExpansions = 64

// minPrefix is the shortest word matched as a prefix: one letter would
// stand for the most frequent words of every letter and find everything.
const minPrefix = 2

// parseQuery splits q into clauses: text in double quotes is a phrase (an
// unclosed quote runs to the end), any other white-space separated word is
// a clause of its own (a word that folds to several tokens, such as
// "Mali's", is a phrase of them). Unless q ends in white space or a closing
// quote, its last word is a prefix.
func parseQuery(q string) (clauses []clause, prefix bool) {
	inQuote := false
	for i, part := range strings.Split(q, `"`) {
		inQuote = i%2 == 1
		if inQuote {
			if ws := terms(part); len(ws) > 0 {
				clauses = append(clauses, clause{words: ws})
			}
			continue
		}
		for _, f := range strings.Fields(part) {
			if ws := terms(f); len(ws) > 0 {
				clauses = append(clauses, clause{words: ws})
			}
		}
	}
	trimmed := strings.TrimRightFunc(q, unicode.IsSpace)
	prefix = len(clauses) > 0 && len(trimmed) == len(q) &&
		(inQuote || !strings.HasSuffix(q, `"`)) && len(terms(lastWord(q))) > 0
	return clauses, prefix
}

// lastWord is the text after q's last space or quote.
func lastWord(q string) string {
	return q[strings.LastIndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })+1:]
}

// expand fills every clause's slots; the last slot of the last clause
// becomes its prefix's most frequent terms when prefix is set. Must hold mu.
func (x *Index) expand(clauses []clause, prefix bool) {
	x.sortTerms()
	for ci := range clauses {
		c := &clauses[ci]
		c.slots = make([][]string, len(c.words))
		for i, w := range c.words {
			c.slots[i] = []string{w}
		}
		p := c.words[len(c.words)-1]
		if !prefix || ci != len(clauses)-1 || utf8.RuneCountInString(p) < minPrefix {
			continue
		}
		lo, _ := slices.BinarySearch(x.sorted, p)
		var found []string
		for i := lo; i < len(x.sorted) && strings.HasPrefix(x.sorted[i], p); i++ {
			found = append(found, x.sorted[i])
		}
		if len(found) > maxExpansions {
			slices.SortStableFunc(found, func(a, b string) int {
				return cmp.Or(cmp.Compare(x.terms[b].df, x.terms[a].df), cmp.Compare(a, b))
			})
			found = found[:maxExpansions]
		}
		if len(found) > 0 {
			c.slots[len(c.slots)-1] = found
		}
	}
}

// clauseHits is where one clause (or one slot of a phrase) matches one
// document: how often, how often in the title, and token positions where
// matches start (the first few, not always in order, unless all were asked).
type clauseHits struct {
	tf, titleTF int32
	first       []int32
}

// hitSet is where a clause matches, indexed by document: dense, as a
// common word matches most documents and maps cost more than they save.
type hitSet struct {
	ids  []int32      // the documents matched, in no particular order
	hits []clauseHits // by document; tf is 0 where it does not match
}

func (x *Index) newHitSet() *hitSet { return &hitSet{hits: make([]clauseHits, len(x.docs))} }

// get is document id's hits, or nil.
func (s *hitSet) get(id int32) *clauseHits {
	if s == nil || s.hits[id].tf == 0 {
		return nil
	}
	return &s.hits[id]
}

// maxMarks bounds the match positions kept per document and term: enough
// for the snippets and the highlights in them.
const maxMarks = 8

// decodeSlot reads the postings of the slot's terms for the documents in
// only (all when nil): how often any of them occurs, how often in the
// title, and where — every position, sorted, when all is set (a phrase
// needs them), else only each term's first maxMarks, which saves decoding
// the thousands of positions of a common word.
func (x *Index) decodeSlot(slot []string, only *hitSet, all bool) *hitSet {
	out := x.newHitSet()
	for _, term := range slot {
		p := x.terms[term]
		if p == nil {
			continue
		}
		data, id := p.data, int32(0)
		for len(data) > 0 {
			delta, n := binary.Uvarint(data)
			data = data[n:]
			count, n := binary.Uvarint(data)
			data = data[n:]
			size, n := binary.Uvarint(data)
			data = data[n:]
			id += int32(delta)
			body := data[:size]
			data = data[size:]
			if !x.docs[id].alive || only != nil && only.get(id) == nil {
				continue
			}
			h := &out.hits[id]
			if h.tf == 0 {
				out.ids = append(out.ids, id)
			}
			h.tf += int32(count)
			titleTo := x.docs[id].titleTo
			q := int32(0)
			for i := range int(count) {
				if !all && i >= maxMarks && q >= titleTo {
					break
				}
				d, n := binary.Uvarint(body)
				body = body[n:]
				q += int32(d)
				if q < titleTo {
					h.titleTF++
				}
				if all || i < maxMarks {
					h.first = append(h.first, q)
				}
			}
		}
	}
	if all && len(slot) > 1 { // several terms' positions, each list sorted
		for _, id := range out.ids {
			slices.Sort(out.hits[id].first)
		}
	}
	return out
}

// match finds the documents where c matches, among only when it is not nil.
func (x *Index) match(c clause, only *hitSet) *hitSet {
	if len(c.slots) == 1 {
		return x.decodeSlot(c.slots[0], only, false)
	}
	first := x.decodeSlot(c.slots[0], only, true)
	rest := make([]*hitSet, len(c.slots)-1)
	for i := range rest {
		rest[i] = x.decodeSlot(c.slots[i+1], first, true)
	}
	out := x.newHitSet()
	for _, id := range first.ids {
		h := &out.hits[id]
		titleTo := x.docs[id].titleTo
	next:
		for _, s := range first.hits[id].first {
			for i, r := range rest {
				rh := r.get(id)
				if rh == nil {
					break next
				}
				if _, ok := slices.BinarySearch(rh.first, s+int32(i)+1); !ok {
					continue next
				}
			}
			h.tf++
			if s < titleTo {
				h.titleTF++
			}
			if len(h.first) < maxMarks {
				h.first = append(h.first, s)
			}
		}
		if h.tf > 0 {
			out.ids = append(out.ids, id)
		}
	}
	return out
}

// BM25 parameters: the usual k1 and b; a title occurrence counts as
// titleWeight occurrences in the text (a simple BM25F).
const (
	k1          = 1.2
	b           = 0.75
	titleWeight = 4
)

// score ranks the documents every clause matches, which are the last
// clause's as each clause searched only its predecessor's documents. A
// clause's document frequency is estimated from its rarest slot, since
// the later clauses never see every document.
func (x *Index) score(clauses []clause, hits []*hitSet) map[int32]float64 {
	n := float64(x.live)
	avg := max(float64(x.tokens)/max(n, 1), 1)
	idf := make([]float64, len(clauses))
	for i, c := range clauses {
		df := float64(x.estimate(c))
		idf[i] = math.Log(1 + max(n-df+0.5, 0.5)/(df+0.5))
	}
	last := hits[len(hits)-1]
	scores := make(map[int32]float64, len(last.ids))
	for _, id := range last.ids {
		norm := k1 * (1 - b + b*float64(x.docs[id].tokens)/avg)
		s := 0.0
		for i, h := range hits {
			ch := h.get(id)
			tf := float64(ch.tf + (titleWeight-1)*ch.titleTF)
			s += idf[i] * tf * (k1 + 1) / (tf + norm)
		}
		scores[id] = s
	}
	return scores
}
