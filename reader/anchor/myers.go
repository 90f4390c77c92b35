package anchor

// Myers' bit-parallel edit distance ("A fast bit-vector algorithm for
// approximate string matching based on dynamic programming", J. ACM 1999, in
// Hyyrö's formulation): one column of the dynamic-programming table is kept
// as vertical +1/-1 deltas in two machine words, so a text rune costs a
// dozen word operations whatever the pattern's length, up to 64 runes.
// Longer quotes are handled by their ends (fuzzy.go).

// maxPattern is the longest pattern one uint64 holds.
const maxPattern = 64

// pattern is a compiled pattern of 1 to maxPattern runes.
type pattern struct {
	n    int
	low  [256]uint64     // bit i set when pattern[i] == c, for runes below 256 (most text)
	high map[rune]uint64 // the same for other runes
}

func newPattern(p []rune) *pattern {
	if len(p) == 0 || len(p) > maxPattern {
		panic("anchor: pattern length out of range")
	}
	pt := &pattern{n: len(p)}
	for i, c := range p {
		if c < 256 {
			pt.low[c] |= 1 << i
			continue
		}
		if pt.high == nil {
			pt.high = make(map[rune]uint64)
		}
		pt.high[c] |= 1 << i
	}
	return pt
}

func (p *pattern) eq(c rune) uint64 {
	if c >= 0 && c < 256 {
		return p.low[c]
	}
	return p.high[c]
}

// step advances one column of the table, held as vertical deltas (pv: +1,
// mv: -1), by a text rune whose match mask is eq; delta is the change in the
// last row (bit last). hin is the top row's delta: 0 when a match may start
// anywhere in the text (D[0][j] = 0), 1 when it must start at the first
// rune read (D[0][j] = j). Small enough to be inlined in the loops below.
func step(pv, mv, eq, hin, last uint64) (npv, nmv uint64, delta int) {
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	if ph&last != 0 {
		delta = 1
	} else if mh&last != 0 {
		delta = -1
	}
	ph = ph<<1 | hin
	mh <<= 1
	return mh | ^(xv | ph), ph & xv, delta
}

// search calls found(end, dist) for every end offset in text where a
// substring ending there is within k edits of the pattern, in increasing end.
func (p *pattern) search(text []rune, k int, found func(end, dist int)) {
	pv, mv, score, last := ^uint64(0), uint64(0), p.n, uint64(1)<<(p.n-1) // D[i][0] = i
	for j, c := range text {
		var d int
		pv, mv, d = step(pv, mv, p.eq(c), 0, last)
		score += d
		if score <= k {
			found(j+1, score)
		}
	}
}

// prefixDistance compares the pattern with the text read from text[from]
// in direction dir (+1 or -1): it returns the least edit distance between
// the pattern and a run of text starting exactly there, and that run's
// length (among equals, the one closest to the pattern's length).
func (p *pattern) prefixDistance(text []rune, from, dir int) (dist, length int) {
	pv, mv, score, last := ^uint64(0), uint64(0), p.n, uint64(1)<<(p.n-1)
	dist, length = p.n, 0
	for j, i := 1, from; i >= 0 && i < len(text); j, i = j+1, i+dir {
		if j-p.n > dist {
			break // a longer run needs more than dist insertions
		}
		var d int
		pv, mv, d = step(pv, mv, p.eq(text[i]), 1, last)
		score += d
		if score < dist || score == dist && abs(j-p.n) < abs(length-p.n) {
			dist, length = score, j
		}
	}
	return dist, length
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
