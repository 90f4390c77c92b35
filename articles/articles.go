// Package articles is the library bundled with Sahel Reader: Markdown files
// with YAML front matter, embedded in the binary so the app works offline from
// its first start. Each file is parsed with reader.ParseArticle.
package articles

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"sahelreader/reader"
)

// DefaultID is the article opened on first start.
const DefaultID = "minusma-withdrawal"

//go:embed *.md
var files embed.FS

// library parses the embedded files once: the app asks for them repeatedly
// and they cannot change while it runs.
var library = sync.OnceValues(func() ([]reader.Article, error) { return load(files) })

// All returns every bundled article, newest published first, ties by title.
// The slice is the caller's own to reorder.
func All() ([]reader.Article, error) {
	list, err := library()
	return slices.Clone(list), err
}

// ByID returns the bundled article with the given id.
func ByID(id string) (reader.Article, bool) {
	list, _ := library() // on error the list is empty; All reports the error
	for _, a := range list {
		if a.ID == id {
			return a, true
		}
	}
	return reader.Article{}, false
}

// load parses every *.md file at the top of fsys. A file that fails to parse
// or reuses another file's id is an error naming the file(s).
func load(fsys fs.FS) ([]reader.Article, error) {
	names, err := fs.Glob(fsys, "*.md") // sorted, so errors are reproducible
	if err != nil {
		return nil, err
	}
	list := make([]reader.Article, 0, len(names))
	fileOf := make(map[string]string, len(names)) // article id -> file name
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		a, err := reader.ParseArticle(data)
		if err != nil {
			return nil, fmt.Errorf("articles: %s: %w", name, err)
		}
		if err := checkNotImportedID(a.ID); err != nil {
			return nil, fmt.Errorf("articles: %s: %w", name, err)
		}
		if other, dup := fileOf[a.ID]; dup {
			return nil, fmt.Errorf("articles: %s and %s have the same id %q", other, name, a.ID)
		}
		fileOf[a.ID] = name
		list = append(list, a)
	}
	Sort(list)
	return list, nil
}
