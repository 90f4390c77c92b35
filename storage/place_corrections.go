package storage

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"

	"sahelreader/reader/places"
)

// placeCorrectionsBucket holds one record per article: what its reader
// said about the places found in it (doc.go).
var placeCorrectionsBucket = []byte("place-corrections")

// createPlaceCorrections is the migration that adds placeCorrectionsBucket.
func createPlaceCorrections(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(placeCorrectionsBucket)
	return err
}

const correctionsFormat = 1

// correctionsRecord is the stored form of places.Corrections; its field
// names are the file format.
type correctionsRecord struct {
	Format    int            `json:"format"`
	Marked    []markedRecord `json:"marked,omitempty"`
	NotPlaces []string       `json:"notPlaces,omitempty"`
}

type markedRecord struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Name      string  `json:"name"`
	Country   string  `json:"country,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeoNameID int     `json:"geonameid,omitempty"`
	Feature   string  `json:"feature,omitempty"`
	Kind      string  `json:"kind"`
}

// PlaceCorrections returns what the reader said about the places of one
// article; none is the zero value.
func (db *DB) PlaceCorrections(articleID string) (places.Corrections, error) {
	var c places.Corrections
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := correctionsBucket(tx)
		if err != nil {
			return err
		}
		value := b.Get([]byte(articleID))
		if value == nil {
			return nil
		}
		if c, err = decodeCorrections(value); err != nil {
			return fmt.Errorf("place corrections of article %q cannot be read: %w", articleID, err)
		}
		return nil
	})
	return c, err
}

// AllPlaceCorrections returns the corrections of every article that has
// some. Records that cannot be read are left out and listed in the second
// result; they stay in the file untouched.
func (db *DB) AllPlaceCorrections() (map[string]places.Corrections, []error, error) {
	all := map[string]places.Corrections{}
	var bad []error
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := correctionsBucket(tx)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			c, err := decodeCorrections(v)
			if err != nil {
				bad = append(bad, fmt.Errorf("place corrections of article %q cannot be read: %w", k, err))
				return nil
			}
			all[string(k)] = c
			return nil
		})
	})
	return all, bad, err
}

// SetPlaceCorrections replaces the corrections of one article (empty ones
// remove its record); putting back what PlaceCorrections returned undoes a
// change. It returns once the write is on disk.
func (db *DB) SetPlaceCorrections(articleID string, c places.Corrections) error {
	if articleID == "" {
		return fmt.Errorf("place corrections need an article id")
	}
	value, err := encodeCorrections(c)
	if err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := correctionsBucket(tx)
		if err != nil {
			return err
		}
		if c.Empty() {
			return b.Delete([]byte(articleID))
		}
		return b.Put([]byte(articleID), value)
	})
}

func correctionsBucket(tx *bbolt.Tx) (*bbolt.Bucket, error) {
	b := tx.Bucket(placeCorrectionsBucket)
	if b == nil {
		return nil, fmt.Errorf("library %s has no %q bucket", tx.DB().Path(), placeCorrectionsBucket)
	}
	return b, nil
}

func encodeCorrections(c places.Corrections) ([]byte, error) {
	r := correctionsRecord{Format: correctionsFormat, NotPlaces: c.NotPlaces}
	for _, m := range c.Marked {
		p := m.Place
		r.Marked = append(r.Marked, markedRecord{Start: m.Start, End: m.End, Text: m.Text, Name: p.Name,
			Country: p.CountryCode, Lat: p.Lat, Lon: p.Lon, GeoNameID: p.GeoNameID, Feature: p.Feature, Kind: p.Kind.String()})
	}
	return json.Marshal(r)
}

func decodeCorrections(value []byte) (places.Corrections, error) {
	var r correctionsRecord
	if err := decodeRecord(value, &r, &r.Format, correctionsFormat); err != nil {
		return places.Corrections{}, err
	}
	c := places.Corrections{NotPlaces: r.NotPlaces}
	for _, m := range r.Marked {
		kind, ok := places.ParseKind(m.Kind)
		if !ok || m.Start < 0 || m.End <= m.Start || m.Name == "" {
			return places.Corrections{}, fmt.Errorf("mark of %q at %d-%d is not valid", m.Name, m.Start, m.End)
		}
		c.Marked = append(c.Marked, places.Marked{Start: m.Start, End: m.End, Text: m.Text, Place: places.Place{
			Name: m.Name, CountryCode: m.Country, Lat: m.Lat, Lon: m.Lon, GeoNameID: m.GeoNameID, Feature: m.Feature, Kind: kind}})
	}
	return c, nil
}
