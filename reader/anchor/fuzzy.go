package anchor

import "sort"

// fuzzyMatches finds the places where the quote is within len/4 edits
// (insertions, deletions, substitutions) of the text. Quotes under 4 runes
// have no fuzzy form: one edit would be a different word.
func (a *Anchorer) fuzzyMatches(q *query) []match {
	m := len(q.exact)
	k := m / 4
	switch {
	case k == 0:
		return nil
	case m <= maxPattern:
		return a.approx(q.exact, k)
	default:
		return a.byEnds(q.exact, k)
	}
}

// approx searches the whole text for p (at most maxPattern runes) within k
// edits. Around a match, neighbouring end offsets match with a few more
// edits; each such run of ends gives one candidate, its best end, whose
// start is found by matching the reversed pattern backwards from there.
func (a *Anchorer) approx(p []rune, k int) []match {
	back := newPattern(reversed(p))
	var ms []match
	run := match{dist: -1}
	flush := func() {
		if run.dist >= 0 {
			_, n := back.prefixDistance(a.text, run.end-1, -1)
			run.start = run.end - n
			ms = append(ms, run)
		}
		run = match{dist: -1}
	}
	prev := -1
	newPattern(p).search(a.text, k, func(end, dist int) {
		if end != prev+1 {
			flush()
		}
		prev = end
		if run.dist < 0 || dist < run.dist {
			run = match{end: end, dist: dist}
		}
	})
	flush()
	return ms
}

// byEnds finds a quote longer than maxPattern by its ends: its first and
// last (up to) 64 runes are searched like short quotes, each within a
// quarter of its length, and a head and a tail lying the quote's length
// apart (within k) make a candidate. Its distance is estimated as the ends'
// distances plus the difference in length: a lower bound that does not see
// edits in the middle. A reader who highlighted a long passage whose first
// and last sentences are still in place, at the right distance, wants that
// passage back even if a word in between changed; an exact edit distance on
// a quote of thousands of runes would cost O(len²/64) per candidate.
func (a *Anchorer) byEnds(exact []rune, k int) []match {
	m := len(exact)
	n := min(maxPattern, m/2)
	heads := a.approx(exact[:n], n/4)
	tails := a.approx(exact[m-n:], n/4) // in increasing end order
	var ms []match
	for _, h := range heads {
		best := match{dist: -1}
		from := sort.Search(len(tails), func(i int) bool { return tails[i].end >= h.start+m-k })
		for _, t := range tails[from:] {
			if t.end > h.start+m+k {
				break
			}
			d := h.dist + t.dist + abs(t.end-h.start-m)
			if d <= k && (best.dist < 0 || d < best.dist) {
				best = match{start: h.start, end: t.end, dist: d}
			}
		}
		if best.dist >= 0 {
			ms = append(ms, best)
		}
	}
	return ms
}
