package anchor

import (
	"math/rand/v2"
	"testing"
)

// naiveColumns fills the whole edit-distance table: row 0 is 0 everywhere
// (free start) or j (anchored start), column 0 is i. It returns the last row.
func naiveLastRow(p, text []rune, anchored bool) []int {
	prev := make([]int, len(text)+1)
	for j := range prev {
		if anchored {
			prev[j] = j
		}
	}
	for i := 1; i <= len(p); i++ {
		cur := make([]int, len(text)+1)
		cur[0] = i
		for j := 1; j <= len(text); j++ {
			sub := prev[j-1]
			if p[i-1] != text[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev
}

func randomRunes(rng *rand.Rand, n int, alphabet []rune) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return r
}

// TestMyersAgreesWithTheTable checks the bit-parallel columns against the
// plain dynamic programme on random strings, for every pattern length up to
// a full word, with runes below and above 256.
func TestMyersAgreesWithTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("abcé Ségou") // few letters, so near matches are common
	for n := 1; n <= maxPattern; n++ {
		for trial := 0; trial < 20; trial++ {
			p := randomRunes(rng, n, alphabet)
			text := randomRunes(rng, rng.IntN(3*n)+1, alphabet)
			pt := newPattern(p)

			want := naiveLastRow(p, text, false)
			k := rng.IntN(n + 1)
			var got []int
			pt.search(text, k, func(end, dist int) {
				if dist != want[end] {
					t.Fatalf("search(%q, %q) end %d: dist %d, want %d", string(p), string(text), end, dist, want[end])
				}
				got = append(got, end)
			})
			var ends []int
			for j := 1; j <= len(text); j++ {
				if want[j] <= k {
					ends = append(ends, j)
				}
			}
			if len(got) != len(ends) {
				t.Fatalf("search(%q, %q, %d) found ends %v, want %v", string(p), string(text), k, got, ends)
			}

			row := naiveLastRow(p, text, true)
			best := n
			for _, d := range row {
				best = min(best, d)
			}
			dist, length := pt.prefixDistance(text, 0, 1)
			if dist != best || row[length] != dist {
				t.Fatalf("prefixDistance(%q, %q) = %d, %d; want distance %d (row %v)", string(p), string(text), dist, length, best, row)
			}
		}
	}
}

func TestPrefixDistanceBackwards(t *testing.T) {
	text := []rune("the river at Gao")
	// Reading back from before "Gao": "ta revir eht".
	pt := newPattern(reversed([]rune("river at ")))
	if d, n := pt.prefixDistance(text, 12, -1); d != 0 || n != 9 {
		t.Errorf("got distance %d over %d runes, want 0 over 9", d, n)
	}
	pt = newPattern(reversed([]rune("rivers at ")))
	if d, n := pt.prefixDistance(text, 12, -1); d != 1 || n != 9 {
		t.Errorf("got distance %d over %d runes, want 1 over 9", d, n)
	}
	if d, n := pt.prefixDistance(text, -1, -1); d != 10 || n != 0 {
		t.Errorf("at the text start: distance %d over %d runes, want 10 over 0", d, n)
	}
}
