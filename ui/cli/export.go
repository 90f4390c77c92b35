package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sahelreader/reader"
	"sahelreader/reader/export"
	"sahelreader/storage"
)

func (c *command) export(args []string) int {
	fs := c.flags("sahelreader export", "--format FORMAT [--article ID] [-o FILE]",
		"Writes the annotations, or the places, of the library or of one article in an exchange format.\n"+
			"w3c: a W3C Web Annotation collection (JSON-LD), with both selectors, notes, tags and colours.\n"+
			"geojson: an RFC 7946 FeatureCollection of the places the articles mention, with mentions per article.")
	format := fs.String("format", "", "output format: "+strings.Join(export.Names(), ", "))
	articleID := fs.String("article", "", "export only this article")
	output := fs.String("o", "", "write to `FILE` (replaced only once the export is complete) instead of standard output")
	if _, err := c.parse(fs, args, 0); err != nil {
		return c.usageStatus(err)
	}
	f, ok := export.Lookup(*format)
	if !ok {
		return c.fail(ExitUsage, fmt.Errorf("export --format must be one of: %s (got %q)", strings.Join(export.Names(), ", "), *format))
	}
	var article *reader.Article
	if *articleID != "" {
		a, ok, err := c.findArticle(*articleID)
		if err != nil {
			return c.fail(ExitLibraryBad, err)
		}
		if !ok {
			return c.fail(ExitFailure, fmt.Errorf("%q is not a library article (see sahelreader list)", *articleID))
		}
		article = &a
	}

	var buf bytes.Buffer
	var unreadable []storage.DecodeError
	if f.Text != nil { // needs the articles and the place corrections only
		arts := []reader.Article{}
		if article != nil {
			arts = append(arts, *article)
		} else {
			var status int
			if arts, status = c.libraryArticles(); arts == nil {
				return status
			}
		}
		fixes, status := c.placeCorrections()
		if status != ExitOK {
			return status
		}
		if err := f.Text(&buf, arts, fixes); err != nil {
			return c.fail(ExitFailure, err)
		}
	} else {
		db, status := c.openLibrary()
		if db == nil {
			return status
		}
		var anns []reader.Annotation
		var err error
		if article != nil {
			anns, unreadable, err = db.Annotations(article.ID)
		} else {
			anns, unreadable, err = db.AllAnnotations()
		}
		if err := errors.Join(err, db.Close()); err != nil { // closed before writing: the app may start meanwhile
			return c.fail(ExitFailure, err)
		}
		if err := f.Annotations(&buf, anns, article); err != nil {
			return c.fail(ExitFailure, err)
		}
	}
	var err error
	if *output == "" {
		_, err = c.env.Stdout.Write(buf.Bytes())
	} else {
		err = replaceFile(*output, buf.Bytes())
	}
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	// Like cp with an unreadable file: the rest is written, the status says not all.
	for _, u := range unreadable {
		c.fail(ExitFailure, fmt.Errorf("%v; it was left out of the export", u))
	}
	if len(unreadable) > 0 {
		return ExitFailure
	}
	return ExitOK
}

// openLibrary opens the library for a command; on failure it has told the
// user and returns the exit status.
func (c *command) openLibrary() (*storage.DB, int) {
	db, err := c.openDB()
	if err != nil {
		return nil, c.fail(ExitLibraryBad, err)
	}
	return db, ExitOK
}

// replaceFile writes data to a temporary file beside name and renames it
// over name once it is complete and synced, so a failed export never leaves
// half a file or destroys the previous one.
func replaceFile(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
