package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/export"
	"sahelreader/reader/importer"
	"sahelreader/storage"
)

func (c *command) importCmd(args []string) int {
	fs := c.flags("sahelreader import", "PATH... | ANNOTATIONS.json...",
		"Imports articles: Markdown (.md, .markdown), text (.txt) and HTML (.html, .htm) files, and\n"+
			"folders searched recursively. Prints one line per file (added, duplicate or failed, and why)\n"+
			"and a summary; exits 1 if any file failed. Ctrl+C stops between two files.\n"+
			"Given .json files instead, merges the W3C annotation collections that `export --format w3c`\n"+
			"writes: by annotation id, the newer modified time wins; a file with anything wrong writes nothing.")
	if err := fs.Parse(args); err != nil {
		return c.usageStatus(err)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return c.fail(ExitUsage, errors.New("import needs at least one file or folder (see sahelreader import --help)"))
	}
	isJSON := func(p string) bool { return strings.EqualFold(filepath.Ext(p), ".json") }
	jsonCount := len(slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return !isJSON(p) }))
	switch jsonCount {
	case len(paths):
		return c.importAnnotations(paths)
	case 0:
		return c.importArticles(paths)
	}
	return c.fail(ExitUsage, errors.New("import either annotation files (.json) or articles, not both at once"))
}

func (c *command) importArticles(paths []string) int {
	files, failed, ignored := importer.Collect(paths)
	for _, r := range failed {
		fmt.Fprintln(c.env.Stdout, r)
	}
	db, status := c.openLibrary()
	if db == nil {
		return status
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results := importer.Import(ctx, files, articles.Adder(db), func(_ int, r importer.Result) {
		fmt.Fprintln(c.env.Stdout, r)
	})
	if err := db.Close(); err != nil {
		return c.fail(ExitFailure, err)
	}
	all := append(failed, results...)
	fmt.Fprintln(c.env.Stdout, importer.Summary(all, len(files)-len(results), ignored))
	if slices.ContainsFunc(all, func(r importer.Result) bool { return r.Status == importer.Failed }) || len(results) < len(files) {
		return ExitFailure
	}
	return ExitOK
}

// importAnnotations reads every file first, so that one bad file writes
// nothing, then merges them all in one transaction; when files share an
// annotation the newer version goes in.
func (c *command) importAnnotations(paths []string) int {
	newest := map[string]reader.Annotation{}
	var order []string
	for _, p := range paths {
		data, err := c.readInput(p)
		if err != nil {
			return c.fail(ExitFailure, fmt.Errorf("%w; nothing was imported", err))
		}
		anns, err := export.ReadW3C(strings.NewReader(data))
		if err != nil {
			return c.fail(ExitFailure, fmt.Errorf("%s: %w; nothing was imported", p, err))
		}
		for _, a := range anns {
			old, seen := newest[a.ID]
			if !seen {
				order = append(order, a.ID)
			}
			if !seen || a.Modified.After(old.Modified) {
				newest[a.ID] = a
			}
		}
	}
	list := make([]reader.Annotation, len(order))
	for i, id := range order {
		list[i] = newest[id]
	}
	db, status := c.openLibrary()
	if db == nil {
		return status
	}
	report, err := db.MergeAnnotations(list)
	unknown := c.articlesNotInLibrary(db, list)
	if err := errors.Join(err, db.Close()); err != nil {
		return c.fail(ExitFailure, fmt.Errorf("%w; nothing was imported", err))
	}
	fmt.Fprintf(c.env.Stdout, "%d annotations: %d added, %d updated (newer), %d unchanged (the library's were as new)\n",
		len(list), report.Added, report.Updated, report.Unchanged)
	if len(unknown) > 0 {
		fmt.Fprintf(c.env.Stdout, "note: articles not in this library: %s; their annotations are kept and show once an article with that id is there\n",
			strings.Join(unknown, ", "))
	}
	return ExitOK
}

// articlesNotInLibrary lists the article ids of anns that the library
// does not have, so the user learns why those annotations do not show.
func (c *command) articlesNotInLibrary(db *storage.DB, anns []reader.Annotation) []string {
	var missing []string
	for _, a := range anns {
		if slices.Contains(missing, a.ArticleID) {
			continue
		}
		if _, ok, err := articles.Find(db, a.ArticleID); err == nil && !ok {
			missing = append(missing, a.ArticleID)
		}
	}
	return missing
}
