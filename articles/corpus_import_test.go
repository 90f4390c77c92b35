package articles

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/importer"
)

// corporaDir holds news texts nobody here wrote (../shared/corpora/README.md):
// test input only, never bundled.
const corporaDir = "../../shared/corpora"

// TestImportTextsNobodyHereWrote writes every GeoVirus (WikiNews) and
// TR-News article as a .txt file, imports them all into a real library,
// and checks that each is added, or skipped as a duplicate of another, and
// that the reader shows exactly its words.
func TestImportTextsNobodyHereWrote(t *testing.T) {
	var texts []string
	for _, name := range []string{"GeoVirus.xml", "TR-News.xml"} {
		data, err := os.ReadFile(filepath.Join(corporaDir, name))
		if os.IsNotExist(err) {
			t.Skipf("%s not found beside the project: %v", name, err)
		} else if err != nil {
			t.Fatal(err)
		}
		var corpus struct {
			Articles []struct {
				Text string `xml:"text"`
			} `xml:"article"`
		}
		if err := xml.Unmarshal(data, &corpus); err != nil {
			t.Fatal(err)
		}
		for _, a := range corpus.Articles {
			texts = append(texts, a.Text)
		}
	}
	dir := t.TempDir()
	for i, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("news-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := mustOpen(t)
	paths, _, _ := importer.Collect([]string{dir})
	results := importer.Import(context.Background(), paths, Adder(db), nil)
	if len(results) != len(texts) {
		t.Fatalf("%d results for %d files", len(results), len(texts))
	}
	var counts [3]int
	for i, r := range results {
		counts[r.Status]++
		switch r.Status {
		case importer.Failed:
			t.Errorf("%s", r)
		case importer.Added:
			got := strings.Fields(reader.Parse(r.Article.Body).Text)
			if want := strings.Fields(texts[i]); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: the words changed", r.Path)
			}
		}
	}
	t.Logf("%d texts: %d added, %d duplicates", len(texts), counts[importer.Added], counts[importer.Duplicate])
	if list, err := db.ImportedArticles(); err != nil || len(list) != counts[importer.Added] {
		t.Errorf("%d articles in the library, %v", len(list), err)
	}
}
