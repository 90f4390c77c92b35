package places

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"testing"
)

// TestCorpusEvaluation logs detection and geocoding scores on the public
// corpora and fails if they fall below the floors, which sit a little under
// the scores reached so that a change that costs accuracy is noticed.
// PLACES_ERRORS=N also logs the N most frequent false positives and misses.
func TestCorpusEvaluation(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file            string
		withDemonyms    bool // TR-News tags "Turkish" as a toponym; GeoVirus tags nouns only
		minF1, minAt161 float64
	}{
		{"GeoVirus.xml", false, 0.90, 0.88},
		{"TR-News.xml", true, 0.82, 0.85},
	} {
		t.Run(c.file, func(t *testing.T) {
			s := evaluate(g, readCorpus(t, c.file), c.withDemonyms)
			at161 := ratio(s.within161, s.geocoded)
			t.Logf("%s: exact P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); overlap recall %.3f; acc@161 %.3f, mean error %.0f km over %d",
				c.file, s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn,
				ratio(s.overlapTP, s.overlapGold), at161, s.errorKm/float64(max(1, s.geocoded)), s.geocoded)
			for k := KindCity; k <= KindArea; k++ {
				if n := s.byKind[k]; n[0] > 0 {
					t.Logf("  acc@161 for %-9s %.3f over %d", k.String()+":", ratio(n[1], n[0]), n[0])
				}
			}
			for _, class := range slices.Sorted(maps.Keys(s.errorClass)) {
				t.Logf("  over 161 km: %-45s %4d (%.1f%% of geocoded)", class, s.errorClass[class], 100*ratio(s.errorClass[class], s.geocoded))
			}
			if n, _ := strconv.Atoi(os.Getenv("PLACES_ERRORS")); n > 0 {
				t.Logf("false positives:\n%s", top(s.falsePos, n))
				t.Logf("misses:\n%s", top(s.falseNeg, n))
				t.Logf("geocoded over 161 km away:\n%s", top(s.farOff, n))
			}
			if s.f1() < c.minF1 || at161 < c.minAt161 {
				t.Errorf("F1 %.3f (floor %.2f), acc@161 %.3f (floor %.2f)", s.f1(), c.minF1, at161, c.minAt161)
			}
		})
	}
}

func top(m map[string]int, n int) string {
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	out := ""
	for _, k := range keys[:min(n, len(keys))] {
		out += fmt.Sprintf("  %3d %s\n", m[k], k)
	}
	return out
}
