package export

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"strconv"
	"testing"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/places"
)

// geoJSON is the part of a GeoJSON export these tests look at.
type geoJSON struct {
	Type     string
	Features []struct {
		Type     string
		Geometry struct {
			Type        string
			Coordinates []float64
		}
		Properties struct {
			Name        string
			CountryCode string `json:"country_code"`
			GeoNamesID  int    `json:"geonames_id"`
			Mentions    int
			Articles    []struct {
				ID           string
				Mentions     int
				FirstMention struct {
					Start, End int
					Text       string
				} `json:"first_mention"`
			}
		}
	}
}

func writeGeoJSON(t *testing.T, arts []reader.Article, fixes ...map[string]places.Corrections) ([]byte, geoJSON) {
	t.Helper()
	var buf bytes.Buffer
	var corrections map[string]places.Corrections
	if len(fixes) > 0 {
		corrections = fixes[0]
	}
	if err := GeoJSON(&buf, arts, corrections); err != nil {
		t.Fatal(err)
	}
	var g geoJSON
	if err := json.Unmarshal(buf.Bytes(), &g); err != nil || g.Type != "FeatureCollection" {
		t.Fatalf("not a FeatureCollection (%v): %.200q", err, buf.String())
	}
	return buf.Bytes(), g
}

func TestGeoJSONLibrary(t *testing.T) {
	arts, err := articles.All()
	if err != nil {
		t.Fatal(err)
	}
	data, g := writeGeoJSON(t, arts)
	if len(g.Features) == 0 {
		t.Fatal("no features")
	}
	texts := map[string][]rune{}
	for _, a := range arts {
		texts[a.ID] = []rune(a.Document().Text)
	}
	perArticle := map[string]map[string]int{} // place -> article id -> mentions
	for i, f := range g.Features {
		p := f.Properties
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 ||
			math.Abs(c[0]) > 180 || math.Abs(c[1]) > 90 {
			t.Errorf("%s: %s %s %v", p.Name, f.Type, f.Geometry.Type, c)
		}
		if i > 0 {
			q := g.Features[i-1].Properties
			if q.Mentions < p.Mentions || q.Mentions == p.Mentions && q.Name > p.Name {
				t.Errorf("%s (%d) listed after %s (%d)", p.Name, p.Mentions, q.Name, q.Mentions)
			}
		}
		sum := 0
		for j, a := range p.Articles {
			sum += a.Mentions
			m := a.FirstMention
			if got := string(texts[a.ID][m.Start:m.End]); got != m.Text {
				t.Errorf("%s in %s: text at [%d,%d) is %q, not %q", p.Name, a.ID, m.Start, m.End, got, m.Text)
			}
			if j > 0 {
				b := p.Articles[j-1]
				if b.Mentions < a.Mentions || b.Mentions == a.Mentions && b.ID > a.ID {
					t.Errorf("%s: article %s listed after %s", p.Name, a.ID, b.ID)
				}
			}
		}
		if sum != p.Mentions {
			t.Errorf("%s: %d mentions, but its articles add up to %d", p.Name, p.Mentions, sum)
		}
		perArticle[p.Name] = map[string]int{}
		for _, a := range p.Articles {
			perArticle[p.Name][a.ID] = a.Mentions
		}
	}
	// The four cities, with the counts each article has on its own.
	gaz, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{}
	for _, a := range arts {
		for _, p := range gaz.Extract(a.Document().Text) {
			if slices.Contains([]string{"Bamako", "Mopti", "Gao", "Timbuktu"}, p.Name) {
				if want[p.Name] == nil {
					want[p.Name] = map[string]int{}
				}
				want[p.Name][a.ID] = len(p.Mentions)
			}
		}
	}
	for place, article := range map[string]string{"Bamako": "bamako", "Mopti": "mopti-central-mali", "Gao": "gao-timbuktu", "Timbuktu": "gao-timbuktu"} {
		if got := perArticle[place]; got[article] == 0 || !maps.Equal(got, want[place]) {
			t.Errorf("%s: mentions by article %v, want %v including %s", place, got, want[place], article)
		}
	}

	// Bamako: [lon, lat], not [lat, lon].
	for _, f := range g.Features {
		if c := f.Geometry.Coordinates; f.Properties.Name == "Bamako" &&
			(math.Abs(c[0]+8.0) > 0.1 || math.Abs(c[1]-12.65) > 0.1 || f.Properties.GeoNamesID == 0) {
			t.Errorf("Bamako at %v, id %d", c, f.Properties.GeoNamesID)
		}
	}

	slices.Reverse(arts)
	if again, _ := writeGeoJSON(t, arts); !bytes.Equal(again, data) {
		t.Error("a second export, of the articles in another order, differs")
	}
}

func TestGeoJSONOneArticle(t *testing.T) {
	gao, _ := articles.ByID("gao-timbuktu")
	_, g := writeGeoJSON(t, []reader.Article{gao})
	names := map[string]bool{}
	for _, f := range g.Features {
		names[f.Properties.Name] = true
		if a := f.Properties.Articles; len(a) != 1 || a[0].ID != "gao-timbuktu" {
			t.Errorf("%s: articles %+v, want only gao-timbuktu", f.Properties.Name, a)
		}
	}
	if !names["Gao"] || !names["Timbuktu"] {
		t.Errorf("places %v lack Gao or Timbuktu", names)
	}
}

func TestGeoJSONAppliesCorrections(t *testing.T) {
	gao, _ := articles.ByID("gao-timbuktu")
	_, g := writeGeoJSON(t, []reader.Article{gao})
	var timbuktu string
	for _, f := range g.Features {
		if f.Properties.Name == "Timbuktu" {
			timbuktu = strconv.Itoa(f.Properties.GeoNamesID)
		}
	}
	fixes := map[string]places.Corrections{"gao-timbuktu": places.Corrections{}.NotAPlace(timbuktu),
		"other-article": places.Corrections{}.NotAPlace("2457163")} // Gao, but in another article
	_, g = writeGeoJSON(t, []reader.Article{gao}, fixes)
	names := map[string]bool{}
	for _, f := range g.Features {
		names[f.Properties.Name] = true
	}
	if names["Timbuktu"] || !names["Gao"] {
		t.Errorf("places %v: want Gao and not Timbuktu, which the reader said is not a place", names)
	}
}

func TestGeoJSONNoArticles(t *testing.T) {
	data, g := writeGeoJSON(t, nil)
	if g.Features == nil || !bytes.Contains(data, []byte(`"features": []`)) {
		t.Errorf("no articles: %s", data)
	}
}
