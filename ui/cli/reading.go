package cli

import (
	"errors"
	"fmt"
	"math"
	"time"

	"sahelreader/reader"
)

// readingStates reads how far each article was read. On failure it has told
// the user and returns nil and the exit status; records it cannot read are
// told on stderr and left out, and the status says so.
func (c *command) readingStates() (map[string]reader.ReadingState, int) {
	db, status := c.openLibrary()
	if db == nil {
		return nil, status
	}
	states, unreadable, err := db.ReadingStates()
	if err := errors.Join(err, db.Close()); err != nil {
		return nil, c.fail(ExitFailure, err)
	}
	for _, u := range unreadable {
		status = c.fail(ExitFailure, fmt.Errorf("%v; it was left out", u))
	}
	return states, status
}

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
