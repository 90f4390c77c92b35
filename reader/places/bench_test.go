package places

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkLoad parses the embedded gazetteer (what Load does once) and
// reports the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	var kept *Gazetteer
	for b.Loop() {
		g, err := parse(gazetteerData)
		if err != nil {
			b.Fatal(err)
		}
		kept = g
	}
	b.StopTimer()
	b.ReportMetric(float64(retainedHeap(b))/(1<<20), "heap-MB")
	b.ReportMetric(float64(len(gazetteerData))/(1<<20), "embedded-MB")
	runtime.KeepAlive(kept)
}

// retainedHeap measures the live heap of one freshly parsed gazetteer.
func retainedHeap(b *testing.B) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := parse(gazetteerData)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	return after.HeapAlloc - before.HeapAlloc
}

// BenchmarkExtract100kWords measures throughput on a 100,000-word text.
func BenchmarkExtract100kWords(b *testing.B) {
	g := mustLoad(b)
	words := len(strings.Fields(sampleParagraph))
	text := strings.Repeat(sampleParagraph, 100000/words+1)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Extract(text)
	}
}

// BenchmarkApply measures laying one mark and one removal over the places
// of texts of growing length: every occurrence of the marked name moves.
func BenchmarkApply(b *testing.B) {
	g := mustLoad(b)
	words := len(strings.Fields(sampleParagraph))
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(strconv.Itoa(n)+"-words", func(b *testing.B) {
			text := strings.Repeat(sampleParagraph, n/words+1)
			found := g.Extract(text)
			gao := found[0].Mentions[0]
			region := g.Candidates(gao.Text)[0]
			c := Corrections{}.Mark(Marked{Start: gao.Start, End: gao.End, Text: gao.Text, Place: region}).NotAPlace(found[len(found)-1].Key())
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Apply(c, text, found)
			}
		})
	}
}
