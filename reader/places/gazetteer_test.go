package places

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"sahelreader/reader/places/internal/fold"
)

func gzipped(t *testing.T, text string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func header(places, keys int) string {
	return "#sahelreader-gazetteer\t" + formatVersion + "\t" + strconv.Itoa(fold.Version) + "\t" +
		strconv.Itoa(places) + "\t" + strconv.Itoa(keys) + "\n#common\tthe\n#borders\tML:NE NE:ML\n"
}

func TestParseReadsAWellFormedFile(t *testing.T) {
	text := header(2, 3) +
		"0\tADM1\tML\t17.0024\t-0.0991\t0\tML.7\tGao\tngao\n" +
		"2457163\tPPLA\tML\t16.2717\t-0.0447\t87000\tML.7\tGao\tngao|agawo"
	g, err := parse(gzipped(t, text)) // the last line has no newline
	if err != nil {
		t.Fatal(err)
	}
	if len(g.places) != 2 || g.places[1].region != 0 || g.neighbours["ML"][0] != "NE" {
		t.Fatalf("places %+v, neighbours %v", g.places, g.neighbours)
	}
}

// places is about n bytes of valid place lines with random names, which
// compress about as badly as the gazetteer, so the inflater has real work
// left after an early error; it returns the text and its line count.
func places(n int) (string, int) {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	lines := 0
	for b.Len() < n {
		name := make([]byte, 12)
		for i := range name {
			name[i] = byte('a' + r.IntN(26))
		}
		fmt.Fprintf(&b, "%d\tPPL\tML\t1\t1\t1\t\tX\tn%s\n", lines, name)
		lines++
	}
	return b.String(), lines
}

func TestParseRefusesDamagedData(t *testing.T) {
	body, n := places(1 << 20)
	good := gzipped(t, header(n, n)+body)
	if g, err := parse(good); err != nil || len(g.places) != n {
		t.Fatalf("the undamaged file: %v", err)
	}
	truncated := bytes.Join([][]byte{good[:len(good)-100], good[len(good)-4:]}, nil) // trailer kept, stream cut
	flipped := bytes.Clone(good)
	flipped[len(flipped)-5] ^= 0xff // the CRC
	huge := bytes.Clone(good)
	copy(huge[len(huge)-4:], []byte{0xff, 0xff, 0xff, 0x7f})
	for name, data := range map[string][]byte{
		"not gzip":                          []byte("not gzip"),
		"truncated":                         truncated,
		"bad crc":                           flipped,
		"huge trailer":                      huge,
		"old format":                        gzipped(t, "#sahelreader-gazetteer\t1\t1\n#common\tthe\n"),
		"no borders":                        gzipped(t, strings.Replace(header(0, 0), "#borders", "#frontiers", 1)),
		"short line":                        gzipped(t, header(1, 1)+"1\tPPL\tML\n"),
		"bad latitude":                      gzipped(t, header(1, 1)+"1\tPPL\tML\t91\t1\t1\t\tX\tnx\n"),
		"empty key":                         gzipped(t, header(1, 1)+"1\tPPL\tML\t1\t1\t1\t\tX\tnx|n\n"),
		"error, then 6 MB still to inflate": gzipped(t, header(n, n)+"1\tPPL\n"+strings.Repeat(body, 6)),
	} {
		if _, err := parse(data); err == nil {
			t.Errorf("%s: parse accepted it", name)
		}
	}
}
