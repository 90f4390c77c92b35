package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// annotatedLibrary makes a library in a new folder with two highlights on
// the Gao article and one on the Bamako article.
func annotatedLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, h := range []struct {
		article string
		r       reader.Range
	}{{"gao-timbuktu", reader.Range{Start: 0, End: 3}}, {"gao-timbuktu", reader.Range{Start: 60, End: 90}}, {"bamako", reader.Range{Start: 10, End: 20}}} {
		art, ok := articles.ByID(h.article)
		if !ok {
			t.Fatalf("no article %s", h.article)
		}
		a, err := reader.NewAnnotation(art.ID, art.Document(), h.r, reader.Highlighting, reader.Blue, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutAnnotation(a); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// collection is the part of a W3C export these tests look at.
type collection struct {
	Type  string
	Label string
	Total int
	First struct {
		Items []struct{ Target struct{ Source string } }
	}
}

func parseCollection(t *testing.T, data string) collection {
	t.Helper()
	var c collection
	if err := json.Unmarshal([]byte(data), &c); err != nil || c.Type != "AnnotationCollection" {
		t.Fatalf("not a W3C collection (%v): %.200q", err, data)
	}
	return c
}

func TestExportW3C(t *testing.T) {
	dir := annotatedLibrary(t)
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c")
	if r.status != ExitOK || r.stderr != "" {
		t.Fatalf("export: %d %q", r.status, r.stderr)
	}
	if c := parseCollection(t, r.stdout); c.Total != 3 || len(c.First.Items) != 3 {
		t.Errorf("library export holds %d annotations, want 3", c.Total)
	}

	r = run(t, runOptions{env: map[string]string{DataDirEnv: dir}}, "export", "--format", "w3c", "--article", "gao-timbuktu")
	c := parseCollection(t, r.stdout)
	if r.status != ExitOK || c.Total != 2 || !strings.Contains(c.Label, "Gao and Timbuktu") {
		t.Errorf("article export: status %d, %d annotations, label %q", r.status, c.Total, c.Label)
	}
	for _, it := range c.First.Items {
		if it.Target.Source != "urn:sahelreader:article:gao-timbuktu" {
			t.Errorf("article export has a target in %s", it.Target.Source)
		}
	}

	r = run(t, runOptions{}, "--data-dir", t.TempDir(), "export", "--format", "w3c", "--article", "bamako")
	if c := parseCollection(t, r.stdout); r.status != ExitOK || c.Total != 0 {
		t.Errorf("empty library: status %d, total %d", r.status, c.Total)
	}
}

// featureCollection is the part of a GeoJSON export these tests look at.
type featureCollection struct {
	Type     string
	Features []struct {
		Geometry   struct{ Coordinates []float64 }
		Properties struct {
			Name     string
			Articles []struct{ ID string }
		}
	}
}

func parseFeatures(t *testing.T, data string) featureCollection {
	t.Helper()
	var fc featureCollection
	if err := json.Unmarshal([]byte(data), &fc); err != nil || fc.Type != "FeatureCollection" {
		t.Fatalf("not a FeatureCollection (%v): %.200q", err, data)
	}
	return fc
}

func TestExportGeoJSON(t *testing.T) {
	dir := annotatedLibrary(t)
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson")
	if r.status != ExitOK || r.stderr != "" {
		t.Fatalf("export: %d %q", r.status, r.stderr)
	}
	articlesOf := map[string][]string{}
	for _, f := range parseFeatures(t, r.stdout).Features {
		for _, a := range f.Properties.Articles {
			articlesOf[f.Properties.Name] = append(articlesOf[f.Properties.Name], a.ID)
		}
		if c := f.Geometry.Coordinates; f.Properties.Name == "Bamako" && (c[0] > -7.9 || c[0] < -8.1 || c[1] < 12.55 || c[1] > 12.75) {
			t.Errorf("Bamako at %v, want about [-8.0, 12.65]", c)
		}
	}
	for place, article := range map[string]string{"Bamako": "bamako", "Mopti": "mopti-central-mali", "Gao": "gao-timbuktu", "Timbuktu": "gao-timbuktu"} {
		if !slices.Contains(articlesOf[place], article) {
			t.Errorf("%s is mentioned in %v, want %s among them", place, articlesOf[place], article)
		}
	}
	if again := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson"); again.stdout != r.stdout {
		t.Error("a second export differs")
	}

	// While the app holds the library it works, without the place
	// corrections, and says so.
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r = run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson", "--article", "mopti-central-mali")
	if r.status != ExitOK || !strings.Contains(r.stderr, "corrections were not applied") {
		t.Fatalf("article export: %d %q", r.status, r.stderr)
	}
	fc := parseFeatures(t, r.stdout)
	if len(fc.Features) == 0 {
		t.Error("no places in the Mopti article")
	}
	for _, f := range fc.Features {
		if a := f.Properties.Articles; len(a) != 1 || a[0].ID != "mopti-central-mali" {
			t.Errorf("%s: articles %v, want only mopti-central-mali", f.Properties.Name, a)
		}
	}
}

func TestExportGeoJSONToFile(t *testing.T) {
	dir := t.TempDir()
	outDir := t.TempDir()
	out := filepath.Join(outDir, "places.geojson")
	writeFile(t, out, "an older export")
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson", "--article", "bamako", "-o", out)
	if r.status != ExitOK || r.stdout != "" || r.stderr != "" {
		t.Fatalf("export -o: %d %q %q", r.status, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if stdout := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson", "--article", "bamako").stdout; string(data) != stdout {
		t.Error("the file differs from what standard output gets")
	}
	r = run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson", "-o", outDir)
	oneLineError(t, r, ExitFailure, outDir)
	if names := dirEntries(t, outDir); !slices.Equal(names, []string{"places.geojson"}) {
		t.Errorf("output folder holds %q, want only places.geojson", names)
	}
}

func TestExportToFileReplacesItWhole(t *testing.T) {
	dir := annotatedLibrary(t)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "notes.json")
	writeFile(t, out, "an older export")

	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c", "-o", out)
	if r.status != ExitOK || r.stdout != "" || r.stderr != "" {
		t.Fatalf("export -o: %d %q %q", r.status, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	stdout := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c").stdout
	if string(data) != stdout {
		t.Error("the file differs from what standard output gets")
	}
	if names := dirEntries(t, outDir); !slices.Equal(names, []string{"notes.json"}) {
		t.Errorf("output folder holds %q, want only notes.json", names)
	}

	// A file that cannot be written leaves nothing behind.
	missing := filepath.Join(outDir, "no-such-folder", "notes.json")
	r = run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c", "-o", missing)
	oneLineError(t, r, ExitFailure, "no-such-folder")
	r = run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c", "-o", outDir)
	oneLineError(t, r, ExitFailure, outDir)
	if names := dirEntries(t, outDir); !slices.Equal(names, []string{"notes.json"}) {
		t.Errorf("after failed exports the folder holds %q", names)
	}
}

func TestExportBadArguments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		status  int
		mention string
	}{
		{"no format", []string{"export"}, ExitUsage, "w3c"},
		{"unknown format", []string{"export", "--format", "pdf"}, ExitUsage, `"pdf"`},
		{"unknown format lists all", []string{"export", "--format", "kml"}, ExitUsage, "geojson, md, w3c"},
		{"unknown geojson article", []string{"export", "--format", "geojson", "--article", "no-such"}, ExitFailure, "no-such"},
		{"stray argument", []string{"export", "--format", "w3c", "gao"}, ExitUsage, "0 argument"},
		{"unknown article", []string{"export", "--format", "w3c", "--article", "no-such"}, ExitFailure, "no-such"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, runOptions{}, append([]string{"--data-dir", dir}, tt.args...)...)
			oneLineError(t, r, tt.status, tt.mention)
			if r.stdout != "" {
				t.Errorf("stdout = %q", r.stdout)
			}
		})
	}
}

func TestExportRefusesALibraryInUse(t *testing.T) {
	dir := annotatedLibrary(t)
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := filepath.Join(t.TempDir(), "notes.json")
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c", "-o", out)
	oneLineError(t, r, ExitLibraryBad, "Sahel Reader is already running")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output exists: %v", err)
	}
	if r.startupError != "" {
		t.Errorf("a command-line export showed a startup window: %q", r.startupError)
	}
}

// TestExportSkipsUnreadableRecords: the readable annotations are written,
// each unreadable record gets a line, and the status says not all went out.
func TestExportSkipsUnreadableRecords(t *testing.T) {
	dir := annotatedLibrary(t)
	breakOneRecord(t, filepath.Join(dir, storage.FileName))
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "w3c")
	if c := parseCollection(t, r.stdout); c.Total != 3 {
		t.Errorf("exported %d annotations, want the 3 readable ones", c.Total)
	}
	oneLineError(t, r, ExitFailure, "annotation broken of article \"gao-timbuktu\" cannot be read")
}

func TestExportHelp(t *testing.T) {
	r := run(t, runOptions{}, "export", "--help")
	if r.status != ExitOK || !strings.Contains(r.stdout, "Usage: sahelreader export --format FORMAT") || !strings.Contains(r.stdout, "w3c") || !strings.Contains(r.stdout, "geojson") {
		t.Errorf("export --help: %d %q", r.status, r.stdout)
	}
	if r := run(t, runOptions{}, "--help"); !strings.Contains(r.stdout, "export --format") {
		t.Errorf("--help does not list export: %q", r.stdout)
	}
}

// breakOneRecord adds an annotation record of the Gao article that cannot
// be decoded, as a bug or a damaged disk might leave.
func breakOneRecord(t *testing.T, file string) {
	t.Helper()
	bdb, err := bbolt.Open(file, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("annotations")).Put([]byte("gao-timbuktu\x00broken"), []byte("{"))
	})
	if err := errors.Join(err, bdb.Close()); err != nil {
		t.Fatal(err)
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
