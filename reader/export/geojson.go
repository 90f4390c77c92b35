package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strings"

	"sahelreader/reader"
	"sahelreader/reader/places"
)

// GeoJSON (RFC 7946): one FeatureCollection with a Point Feature per place
// the articles mention, merged across articles, with its mentions per
// article. Offsets index each article's canonical text, as in `places`.

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string      `json:"type"`
	Geometry   geoPoint    `json:"geometry"`
	Properties geoProperty `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // [lon, lat], RFC 7946 section 3.1.1
}

type geoProperty struct {
	Name        string       `json:"name"`
	CountryCode string       `json:"country_code"`
	Kind        string       `json:"kind"`
	GeoNamesID  int          `json:"geonames_id,omitempty"`
	Mentions    int          `json:"mentions"`
	Articles    []geoArticle `json:"articles"`
}

type geoArticle struct {
	ID           string     `json:"id"`
	Title        string     `json:"title"`
	Mentions     int        `json:"mentions"`
	FirstMention geoMention `json:"first_mention"`
}

type geoMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// GeoJSON writes the places arts mention, as corrected, as a
// FeatureCollection, the most mentioned first (ties by name), each place's
// articles likewise (ties by id).
func GeoJSON(w io.Writer, arts []reader.Article, corrections map[string]places.Corrections) error {
	g, err := places.Load()
	if err != nil {
		return err
	}
	found := make([][]places.Place, len(arts))
	for i, a := range arts {
		text := a.Document().Text
		found[i] = places.Apply(corrections[a.ID], text, g.Extract(text))
	}
	features := []geoFeature{}
	for _, gp := range places.Gather(found) {
		p := gp.Place
		f := geoFeature{
			Type:     "Feature",
			Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{round5(p.Lon), round5(p.Lat)}},
			Properties: geoProperty{Name: p.Name, CountryCode: p.CountryCode, Kind: p.Kind.String(),
				GeoNamesID: p.GeoNameID, Mentions: gp.Mentions},
		}
		for _, in := range gp.Texts {
			a, m := arts[in.Text], in.Mentions[0] // places are listed only with mentions, in text order
			f.Properties.Articles = append(f.Properties.Articles, geoArticle{ID: a.ID, Title: a.Title, Mentions: len(in.Mentions),
				FirstMention: geoMention{Start: m.Start, End: m.End, Text: m.Text}})
		}
		slices.SortStableFunc(f.Properties.Articles, func(a, b geoArticle) int {
			return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.ID, b.ID))
		})
		features = append(features, f)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(geoCollection{Type: "FeatureCollection", Features: features}); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// round5 keeps five decimals, about a metre.
func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }
