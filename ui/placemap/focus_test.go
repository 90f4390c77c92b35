package placemap

import (
	"slices"
	"testing"
)

func TestFocusLeavesOutPlacesNamedInPassing(t *testing.T) {
	var got []string
	for _, i := range focus(minusma) {
		got = append(got, minusma[i].ID)
	}
	for _, id := range []string{"mali", "bamako", "mopti", "gao", "timbuktu", "senegal", "togo"} {
		if !slices.Contains(got, id) {
			t.Errorf("focus leaves out %s: %v", id, got)
		}
	}
	for _, id := range []string{"moscow", "russia", "bangladesh", "pakistan", "france", "egypt"} {
		if slices.Contains(got, id) {
			t.Errorf("focus keeps %s: %v", id, got)
		}
	}
}

func TestFocusKeepsEveryPlaceWhenNoneDominates(t *testing.T) {
	spread := []Marker{
		{Name: "Paris", Lat: 48.85, Lon: 2.35, Weight: 3},
		{Name: "New York", Lat: 40.71, Lon: -74, Weight: 3},
		{Name: "Tokyo", Lat: 35.68, Lon: 139.69, Weight: 3},
	}
	if got := focus(spread); len(got) != 3 {
		t.Errorf("focus = %v, want all three", got)
	}
	if got := focus(nil); len(got) != 0 {
		t.Errorf("focus(nil) = %v", got)
	}
}
