package cli

import (
	"fmt"
	"math"
	"time"

	"sahelreader/reader"
)

// listedRow is article a as `list --json` prints it.
func listedRow(a reader.Article, s reader.ReadingState) listedArticle {
	row := listedArticle{
		ID: a.ID, Title: a.Title, Published: a.Published.Format("2006-01-02"), Source: a.Source,
		Progress: math.Round(s.Progress()*1000) / 1000,
		Saved:    s.Saved,
	}
	if s.Opened() {
		t := s.LastRead.UTC().Format(time.RFC3339)
		row.LastRead = &t
	}
	return row
}

// readColumn is how far an article was read, for `list`: "-" if never
// opened, else a percentage or "done"; a "*" marks a saved article.
func readColumn(s reader.ReadingState) string {
	col := "-"
	switch {
	case s.Finished():
		col = "done"
	case s.Opened():
		col = fmt.Sprintf("%d%%", int(s.Progress()*100))
	}
	if s.Saved {
		col += "*"
	}
	return col
}
