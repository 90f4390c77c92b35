package readertest

import (
	"fmt"
	"time"

	"sahelreader/reader"
)

// Library returns n synthetic articles (titles, dates and bodies of a few
// words, no two alike in order) and a reading state for two thirds of them:
// some read a little, some finished, every fifth saved. The same n always
// gives the same library.
func Library(n int) ([]reader.Article, map[string]reader.ReadingState) {
	arts := make([]reader.Article, n)
	states := make(map[string]reader.ReadingState, n)
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range arts {
		arts[i] = reader.Article{
			ID:        fmt.Sprintf("article-%05d", i),
			Title:     fmt.Sprintf("Report %d from %s", (i*7919)%n, commonWords[i%len(commonWords)]),
			Source:    "Synthetic",
			Published: t0.Add(time.Duration(i*37%n) * time.Hour),
			Body:      "A few words.",
		}
		if i%3 == 0 {
			continue // never opened
		}
		states[arts[i].ID] = reader.ReadingState{
			Top: i % 1000, Furthest: i * 3 % 1001, Length: 1000,
			LastRead: t0.Add(time.Duration(i) * time.Minute), Saved: i%5 == 0,
		}
	}
	return arts, states
}
