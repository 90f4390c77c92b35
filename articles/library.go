package articles

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"sahelreader/reader"
	"sahelreader/reader/importer"
)

// Imported is where the user's own articles are kept (storage.DB).
type Imported interface {
	// ImportedArticles may return readable articles with an error naming
	// the records it could not read.
	ImportedArticles() ([]reader.Article, error)
	AddImported(a reader.Article, hash string) (stored reader.Article, duplicate bool, err error)
}

// Library is the whole library the reader shows and every command uses:
// the bundled articles and the imported ones, newest first, ties by
// title. With an error it still returns what it could read.
func Library(src Imported) ([]reader.Article, error) {
	list, err := All()
	if err != nil {
		return list, err
	}
	mine, err := src.ImportedArticles()
	list = append(list, mine...)
	Sort(list)
	return list, err
}

// Sort puts a library in its order: newest published first, ties by title.
func Sort(list []reader.Article) {
	slices.SortFunc(list, func(a, b reader.Article) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
}

// Find returns the article with this id, bundled or imported; the
// library is read only for an id that is not bundled.
func Find(src Imported, id string) (reader.Article, bool, error) {
	if a, ok := ByID(id); ok {
		return a, true, nil
	}
	if !strings.HasPrefix(id, importer.IDPrefix) {
		return reader.Article{}, false, nil
	}
	mine, err := src.ImportedArticles()
	for _, a := range mine {
		if a.ID == id {
			return a, true, nil
		}
	}
	return reader.Article{}, false, err
}

// bundledHashes maps importer.Hash of each bundled article's body to it.
var bundledHashes = sync.OnceValue(func() map[string]reader.Article {
	list, _ := library()
	m := make(map[string]reader.Article, len(list))
	for _, a := range list {
		m[importer.Hash(a.Body)] = a
	}
	return m
})

// Adder stores imported articles in dst, skipping as duplicates those with
// the text of a bundled article as well as of an imported one.
func Adder(dst Imported) importer.AddFunc {
	return func(a reader.Article, hash string) (reader.Article, bool, error) {
		if b, dup := bundledHashes()[hash]; dup {
			return b, true, nil
		}
		return dst.AddImported(a, hash)
	}
}

// checkNotImportedID keeps bundled ids out of the imported articles' space.
func checkNotImportedID(id string) error {
	if strings.HasPrefix(id, importer.IDPrefix) {
		return fmt.Errorf("id %q starts with %q, which is kept for imported articles", id, importer.IDPrefix)
	}
	return nil
}
