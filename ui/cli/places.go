package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"sahelreader/reader/places"
	"sahelreader/storage"
)

// placeJSON is one place of `places`; its field names are a public format.
type placeJSON struct {
	Name        string        `json:"name"`
	Region      string        `json:"region,omitempty"` // the first-level region of a town, where known
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
	found := g.Extract(text)
	if id, ok := articleID(rest[0], *plain); ok {
		fixes, status := c.placeCorrections()
		if status != ExitOK {
			return status
		}
		found = places.Apply(fixes[id], text, found)
	}
	out := []placeJSON{}
	for _, p := range found {
		pj := placeJSON{Name: p.Name, Region: p.Region, CountryCode: p.CountryCode, Latitude: p.Lat, Longitude: p.Lon,
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

// articleID tells whether name, which `places` has read, is a library
// article, bundled or imported: what is neither standard input nor a file
// was found in the library.
func articleID(name string, plain bool) (string, bool) {
	if plain || name == "-" {
		return "", false
	}
	if _, err := os.Stat(name); err == nil {
		return "", false
	}
	return name, true
}

// placeCorrections reads what the reader corrected in the places of every
// article. A folder with no library has none. While the app has the library
// open it cannot be read: the places are then as found, and stderr says so.
func (c *command) placeCorrections() (map[string]places.Corrections, int) {
	dir, err := c.libraryDir()
	if err != nil {
		return nil, c.fail(ExitFailure, err)
	}
	if _, err := os.Stat(filepath.Join(dir, storage.FileName)); errors.Is(err, fs.ErrNotExist) {
		return nil, ExitOK
	}
	db, _, err := storage.Open(dir)
	if errors.Is(err, storage.ErrAlreadyRunning) {
		fmt.Fprintln(c.env.Stderr, "sahelreader: Sahel Reader has the library open, so your place corrections were not applied (quit it to include them)")
		return nil, ExitOK
	} else if err != nil {
		return nil, c.fail(ExitLibraryBad, err)
	}
	fixes, err := c.correctionsIn(db)
	if err := errors.Join(err, db.Close()); err != nil {
		return nil, c.fail(ExitFailure, err)
	}
	return fixes, ExitOK
}

// correctionsIn reads the place corrections of the open library; a record
// it cannot read leaves that article's places as found, and stderr says so.
func (c *command) correctionsIn(db *storage.DB) (map[string]places.Corrections, error) {
	fixes, bad, err := db.AllPlaceCorrections()
	for _, e := range bad {
		fmt.Fprintf(c.env.Stderr, "sahelreader: %v; that article's places are as found\n", e)
	}
	return fixes, err
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
	data, err := c.readInput(name)
	if err != nil {
		return "", err
	}
	if err := checkText(data); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}
