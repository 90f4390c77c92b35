package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sahelreader/articles"
	"sahelreader/reader/places"
	"sahelreader/storage"
)

// runPlaces runs `places` and decodes its JSON, checking every mention
// against the code points of want, the text it must index.
func runPlaces(t *testing.T, opts runOptions, want string, args ...string) map[string]placeJSON {
	t.Helper()
	if opts.env == nil { // an article's places read its corrections: never from the user's own library
		opts.env = map[string]string{DataDirEnv: t.TempDir()}
	}
	r := run(t, opts, append([]string{"places"}, args...)...)
	if r.status != ExitOK || r.stderr != "" {
		t.Fatalf("places %v: status %d, stderr %q", args, r.status, r.stderr)
	}
	var list []placeJSON
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("places %v: %v in %q", args, err, r.stdout)
	}
	runes := []rune(want)
	byName := map[string]placeJSON{}
	for _, p := range list {
		byName[p.Name] = p
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %+v does not index the text", p.Name, m)
			}
		}
	}
	return byName
}

func TestPlacesOfAnArticle(t *testing.T) {
	seed, _ := articles.ByID(articles.DefaultID)
	got := runPlaces(t, runOptions{}, seed.Document().Text, articles.DefaultID)
	for _, name := range []string{"Bamako", "Mopti", "Gao", "Timbuktu", "Mali"} {
		if _, ok := got[name]; !ok {
			t.Errorf("%s missing from %v", name, got)
		}
	}
	if b := got["Bamako"]; b.CountryCode != "ML" || b.GeoNamesID != 2460596 || b.Latitude < 12 || b.Latitude > 13 {
		t.Errorf("Bamako = %+v", b)
	}
}

func TestPlacesOfAFileIndexTheCanonicalText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	writeFile(t, path, "# Gao\n\nThe *river* at **Ségou** and [Mopti](https://example.org).\n")
	text := run(t, runOptions{}, "text", path).stdout
	got := runPlaces(t, runOptions{}, text, path)
	if len(got["Ségou"].Mentions) != 1 || len(got["Mopti"].Mentions) != 1 {
		t.Errorf("places of %s = %v", path, got)
	}
}

func TestPlacesOfPlainTextCountCodePoints(t *testing.T) {
	input := "Élan — « Ménaka » # not a heading\n*Kidal* and Tombouctou"
	got := runPlaces(t, runOptions{stdin: input}, input, "--text", "-")
	if m := got["Timbuktu"].Mentions; len(m) != 1 || m[0].Text != "Tombouctou" {
		t.Errorf("Timbuktu = %+v", got["Timbuktu"])
	}
	if len(got["Ménaka"].Mentions) != 1 || len(got["Kidal"].Mentions) != 1 {
		t.Errorf("places = %v", got)
	}
	path := filepath.Join(t.TempDir(), "plain.txt")
	writeFile(t, path, input)
	if again := runPlaces(t, runOptions{}, input, "--text", path); len(again) != len(got) {
		t.Errorf("--text FILE found %d places, --text - %d", len(again), len(got))
	}
}

func TestPlacesOfNothingIsAnEmptyList(t *testing.T) {
	r := run(t, runOptions{stdin: ""}, "places", "--text", "-")
	if r.status != ExitOK || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("places of empty input: %d %q %q", r.status, r.stdout, r.stderr)
	}
}

func TestPlacesErrors(t *testing.T) {
	dir := t.TempDir()
	invalid := filepath.Join(dir, "latin1.txt")
	writeFile(t, invalid, "Gao caf\xe9")
	for _, tt := range []struct {
		name    string
		args    []string
		status  int
		mention string
	}{
		{"no argument", []string{"places"}, ExitUsage, "1 argument"},
		{"unknown flag", []string{"places", "--json", "x"}, ExitUsage, "json"},
		{"unknown article", []string{"places", "no-such-article"}, ExitFailure, "no-such-article"},
		{"unreadable path", []string{"places", dir}, ExitFailure, dir},
		{"missing text file", []string{"places", "--text", filepath.Join(dir, "absent.txt")}, ExitFailure, "absent.txt"},
		{"text not UTF-8", []string{"places", "--text", invalid}, ExitFailure, "UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, runOptions{}, tt.args...)
			oneLineError(t, r, tt.status, tt.mention)
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestPlacesAndGeoJSONApplyCorrections(t *testing.T) {
	dir := t.TempDir()
	gao, _ := articles.ByID("gao-timbuktu")
	text := gao.Document().Text
	plain := runPlaces(t, runOptions{}, text, "--data-dir", dir, "gao-timbuktu")
	timbuktu, ok := plain["Timbuktu"]
	if !ok {
		t.Fatal("Timbuktu not found before any correction")
	}
	if _, err := os.Stat(filepath.Join(dir, storage.FileName)); err == nil {
		t.Error("places created a library where there was none")
	}
	notAPlace(t, dir, "gao-timbuktu", timbuktu)
	if _, ok := runPlaces(t, runOptions{}, text, "--data-dir", dir, "gao-timbuktu")["Timbuktu"]; ok {
		t.Error("places ARTICLE-ID lists Timbuktu, which the reader said is not a place")
	}
	file := filepath.Join(t.TempDir(), "gao.md")
	if err := os.WriteFile(file, []byte("Flights to Timbuktu resumed."), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := runPlaces(t, runOptions{}, "Flights to Timbuktu resumed.", "--data-dir", dir, file)["Timbuktu"]; !ok {
		t.Error("an article's corrections were applied to a file")
	}
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "geojson", "--article", "gao-timbuktu")
	for _, f := range parseFeatures(t, r.stdout).Features {
		if f.Properties.Name == "Timbuktu" {
			t.Error("export --format geojson lists Timbuktu, which the reader said is not a place")
		}
	}
}

// An imported article's corrections count as a bundled one's: the app
// stores them by article id, whichever the article.
func TestPlacesOfAnImportedArticleApplyCorrections(t *testing.T) {
	dir := t.TempDir()
	src := writeTree(t, map[string]string{"rain.md": "# Rain in Gao\n\nThe rain came to Gao and to Mopti late that year."})
	if r := run(t, runOptions{}, "--data-dir", dir, "import", filepath.Join(src, "rain.md")); r.status != ExitOK {
		t.Fatalf("import: status %d, %s", r.status, r.stderr)
	}
	text := run(t, runOptions{}, "--data-dir", dir, "text", "my-rain-in-gao").stdout
	mopti, ok := runPlaces(t, runOptions{}, text, "--data-dir", dir, "my-rain-in-gao")["Mopti"]
	if !ok {
		t.Fatal("Mopti not found before any correction")
	}
	notAPlace(t, dir, "my-rain-in-gao", mopti)
	if _, ok := runPlaces(t, runOptions{}, text, "--data-dir", dir, "my-rain-in-gao")["Mopti"]; ok {
		t.Error("places lists Mopti in an imported article where the reader said it is not a place")
	}
}

// notAPlace says in the library in dir, as the app's "Not a place" does,
// that p is not a place in the article.
func notAPlace(t *testing.T, dir, article string, p placeJSON) {
	t.Helper()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetPlaceCorrections(article, places.Corrections{}.NotAPlace(strconv.Itoa(p.GeoNamesID))); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
