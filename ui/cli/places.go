package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"sahelreader/reader/places"
)

// placeJSON is one place of `places`; its field names are a public format.
type placeJSON struct {
	Name        string        `json:"name"`
	CountryCode string        `json:"country_code"`
	Latitude    float64       `json:"latitude"`
	Longitude   float64       `json:"longitude"`
	GeoNamesID  int           `json:"geonames_id,omitempty"`
	Kind        string        `json:"kind"`
	Mentions    []mentionJSON `json:"mentions"`
}

// mentionJSON is a half-open range of code points and the text there.
type mentionJSON struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Demonym bool   `json:"demonym,omitempty"`
}

func (c *command) places(args []string) int {
	fs := c.flags("sahelreader places", "[--text] ID|FILE|-",
		"Prints as JSON the places that a library article, a Markdown file or standard input mentions,\n"+
			"most-mentioned first, with every mention as a range of code points: of the text that\n"+
			"`sahelreader text` prints, or with --text of the input as given.")
	plain := fs.Bool("text", false, "read FILE or - as plain text, not Markdown")
	rest, err := c.parse(fs, args, 1)
	if err != nil {
		return c.usageStatus(err)
	}
	text, err := c.placesInput(rest[0], *plain)
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	g, err := places.Load()
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	out := []placeJSON{}
	for _, p := range g.Extract(text) {
		pj := placeJSON{Name: p.Name, CountryCode: p.CountryCode, Latitude: p.Lat, Longitude: p.Lon,
			GeoNamesID: p.GeoNameID, Kind: p.Kind.String(), Mentions: make([]mentionJSON, len(p.Mentions))}
		for i, m := range p.Mentions {
			pj.Mentions[i] = mentionJSON{m.Start, m.End, m.Text, m.Demonym}
		}
		out = append(out, pj)
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return c.fail(ExitFailure, err)
	}
	return ExitOK
}

// placesInput is the text whose code points the mentions index.
func (c *command) placesInput(name string, plain bool) (string, error) {
	if plain {
		return c.plainText(name)
	}
	doc, err := c.document(name)
	if err != nil {
		return "", err
	}
	return doc.Text, nil
}

// plainText reads a file, or standard input for "-", as UTF-8 text.
func (c *command) plainText(name string) (string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(c.env.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return "", err
	}
	if err := checkText(data); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return string(data), nil
}
