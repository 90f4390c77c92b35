package cli

import (
	"errors"
	"fmt"
	"strings"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/importer"
	"sahelreader/storage"
)

// useLibrary opens the library file, lets read take what the command
// needs, and closes the file before the command writes anything (the app
// may start meanwhile): one opening per command. On failure it has told
// the user and returns the exit status.
func (c *command) useLibrary(read func(db *storage.DB) error) int {
	db, status := c.openLibrary()
	if db == nil {
		return status
	}
	if err := errors.Join(read(db), db.Close()); err != nil {
		return c.fail(ExitFailure, err)
	}
	return ExitOK
}

// findArticle finds a bundled or imported article by id. The library file
// is opened only for an imported article's id, so commands on bundled
// articles keep working while the app is open.
func (c *command) findArticle(id string) (reader.Article, bool, error) {
	if a, ok := articles.ByID(id); ok || !strings.HasPrefix(id, importer.IDPrefix) {
		return a, ok, nil
	}
	db, err := c.openDB()
	if err != nil {
		return reader.Article{}, false, err
	}
	a, ok, err := articles.Find(db, id)
	return a, ok, errors.Join(err, db.Close())
}

// openDB opens the library file, telling the user if it had to be moved
// aside.
func (c *command) openDB() (*storage.DB, error) {
	dir, err := c.libraryDir()
	if err != nil {
		return nil, err
	}
	db, report, err := storage.Open(dir)
	if err != nil {
		return nil, err
	}
	c.tellOpenReport(report)
	return db, nil
}

// tellOpenReport says on stderr what opening the library had to repair.
func (c *command) tellOpenReport(report storage.OpenReport) {
	if report.MovedAside != "" {
		fmt.Fprintf(c.env.Stderr, "sahelreader: the library file could not be read; it was moved to %s and a new library was started\n", report.MovedAside)
	}
	if len(report.Restored) > 0 {
		fmt.Fprintf(c.env.Stderr, "sahelreader: the library file lacked %s; started again, empty\n", strings.Join(report.Restored, ", "))
	}
}
