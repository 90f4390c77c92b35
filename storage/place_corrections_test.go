package storage

import (
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"sahelreader/reader/places"
)

func TestPlaceCorrectionsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db, _ := mustOpenDir(t, dir)
	if c, err := db.PlaceCorrections("gao"); err != nil || !c.Empty() {
		t.Fatalf("corrections of an article never corrected: %+v, %v", c, err)
	}
	want := places.Corrections{
		Marked: []places.Marked{{Start: 4, End: 11, Text: "Aguelok", Place: places.Place{
			Name: "Aguelhok", CountryCode: "ML", Lat: 19.4614, Lon: 0.8589, GeoNameID: 2460954, Feature: "PPL", Kind: places.KindCity}}},
		NotPlaces: []string{"2457163", "Sahel|"},
	}
	if err := db.SetPlaceCorrections("gao", want); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPlaceCorrections("gao-timbuktu", places.Corrections{NotPlaces: []string{"1"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, _ = mustOpenDir(t, dir)
	got, err := db.PlaceCorrections("gao")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after reopening: %+v, %v\nwant %+v", got, err, want)
	}
	// Undo puts back what was read; empty corrections leave no record.
	if err := db.SetPlaceCorrections("gao", places.Corrections{}); err != nil {
		t.Fatal(err)
	}
	if c, err := db.PlaceCorrections("gao"); err != nil || !c.Empty() {
		t.Errorf("after clearing: %+v, %v", c, err)
	}
	if c, _ := db.PlaceCorrections("gao-timbuktu"); len(c.NotPlaces) != 1 {
		t.Errorf("clearing one article's corrections touched another's: %+v", c)
	}
	all, bad, err := db.AllPlaceCorrections()
	if err != nil || len(bad) > 0 || len(all) != 1 || len(all["gao-timbuktu"].NotPlaces) != 1 {
		t.Errorf("AllPlaceCorrections = %v, %v, %v; want gao-timbuktu's only", all, bad, err)
	}
}

func TestUnreadablePlaceCorrectionsAreReported(t *testing.T) {
	db := mustOpen(t)
	for _, value := range []string{`{"format":2}`, `{"format":1,"extra":true}`, `not json`,
		`{"format":1,"marked":[{"start":5,"end":2,"text":"x","name":"X","lat":0,"lon":0,"kind":"city"}]}`,
		`{"format":1,"marked":[{"start":0,"end":2,"text":"x","name":"X","lat":0,"lon":0,"kind":"planet"}]}`} {
		if err := db.bolt.Update(func(tx *bbolt.Tx) error {
			return tx.Bucket(placeCorrectionsBucket).Put([]byte("gao"), []byte(value))
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PlaceCorrections("gao"); err == nil || !strings.Contains(err.Error(), `"gao"`) {
			t.Errorf("%s: error %v, want one naming the article", value, err)
		}
		if all, bad, err := db.AllPlaceCorrections(); err != nil || len(all) != 0 || len(bad) != 1 {
			t.Errorf("%s: AllPlaceCorrections = %v, %v, %v; want it listed as unreadable", value, all, bad, err)
		}
	}
}
