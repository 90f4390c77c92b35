package cli

import (
	"fmt"
	"strings"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/export"
	"sahelreader/reader/places"
	"sahelreader/storage"
)

func (c *command) export(args []string) int {
	fs := c.flags("sahelreader export", "--format FORMAT [--article ID] [-o FILE|DIR]",
		"Writes the annotations, or the places, of the library or of one article in an exchange format.\n"+
			"w3c: a W3C Web Annotation collection (JSON-LD), with both selectors, notes, tags and colours.\n"+
			"geojson: an RFC 7946 FeatureCollection of the places the articles mention, with mentions per article.\n"+
			"md: one Markdown file per annotated article (Obsidian style) in the folder -o DIR; exporting\n"+
			"again rewrites the same bytes for what did not change.")
	format := fs.String("format", "", "output format: "+strings.Join(export.Names(), ", "))
	articleID := fs.String("article", "", "export only this article")
	output := fs.String("o", "", "write to `FILE` (replaced only once the export is complete) instead of standard output;\nfor md, the folder to write into (made if missing)")
	if _, err := c.parse(fs, args, 0); err != nil {
		return c.usageStatus(err)
	}
	f, ok := export.Lookup(*format)
	if !ok {
		return c.fail(ExitUsage, fmt.Errorf("export --format must be one of: %s (got %q)", strings.Join(export.Names(), ", "), *format))
	}
	if f.Files != nil && *output == "" {
		return c.fail(ExitUsage, fmt.Errorf("export --format %s writes one file per article: give the folder with -o DIR", *format))
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
	var arts []reader.Article
	var anns []reader.Annotation
	var unreadable []storage.DecodeError
	var fixes map[string]places.Corrections
	if f.Text != nil && article != nil {
		// One article's places need only its text; the corrections, if the
		// library can be read (placeCorrections says when it cannot).
		arts = []reader.Article{*article}
		var status int
		if fixes, status = c.placeCorrections(); status != ExitOK {
			return status
		}
	} else if status := c.useLibrary(func(db *storage.DB) (err error) {
		if article != nil {
			arts = []reader.Article{*article}
		} else if arts, err = articles.Library(db); err != nil {
			return err
		}
		switch {
		case f.Text != nil: // the places, as corrected, not the annotations
			fixes, err = c.correctionsIn(db)
		case article != nil:
			anns, unreadable, err = db.Annotations(article.ID)
		default:
			anns, unreadable, err = db.AllAnnotations()
		}
		return err
	}); status != ExitOK {
		return status
	}
	files, err := f.Render(arts, anns, fixes, article)
	switch {
	case err != nil:
	case f.Files != nil:
		if err = export.WriteFiles(*output, files); err == nil {
			fmt.Fprintf(c.env.Stdout, "Wrote %d file(s) to %s\n", len(files), *output)
		}
	case *output == "":
		_, err = c.env.Stdout.Write(files[0].Data)
	default:
		err = export.ReplaceFile(*output, files[0].Data)
	}
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	// Like cp with an unreadable file: the rest is written, the status says not all.
	return c.reportUnreadable(unreadable, "exported")
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
