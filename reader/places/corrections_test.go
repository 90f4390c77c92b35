package places

import (
	"reflect"
	"testing"
)

// placeOf finds the place named name among found.
func placeOf(t *testing.T, found []Place, name string) Place {
	t.Helper()
	for _, p := range found {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("%s not in %v", name, names(found))
	return Place{}
}

func candidateIn(t *testing.T, g *Gazetteer, name, cc string) Place {
	t.Helper()
	for _, p := range g.Candidates(name) {
		if p.CountryCode == cc {
			return p
		}
	}
	t.Fatalf("no candidate %q in %s among %v", name, cc, g.Candidates(name))
	return Place{}
}

func TestCandidatesFoldAndRank(t *testing.T) {
	g := mustLoad(t)
	if c := g.Candidates("  tombouctou "); len(c) != 2 || c[0].Name != "Timbuktu" || c[0].Population == 0 || c[1].Kind != KindRegion {
		t.Errorf("Candidates(tombouctou) = %v, want the town Timbuktu, with its population, then the region", c)
	}
	gao := g.Candidates("GAO")
	if len(gao) < 2 {
		t.Fatalf("Candidates(GAO) = %v, want the region and the town at least", gao)
	}
	for i := 1; i < len(gao); i++ {
		if rank(gao[i-1].Kind) > rank(gao[i].Kind) {
			t.Errorf("Candidates(GAO) not ordered by kind: %v", gao)
		}
	}
	if got := g.Candidates("Malian"); len(got) != 0 {
		t.Errorf("a demonym gave candidates %v", got)
	}
	if got := g.Candidates("Xyzzyville"); got != nil {
		t.Errorf("an unknown name gave %v", got)
	}
}

func TestApplyCorrections(t *testing.T) {
	g := mustLoad(t)
	text := "Troops left Aguelok for Gao. Later, Aguelok was calm; the Sahel and Mali waited. Aguelokk is a typo."
	found := g.Extract(text)
	placeOf(t, found, "Gao")
	if _, ok := names(found)["Aguelhok ML"]; ok {
		t.Fatal("the test needs a spelling the gazetteer does not know")
	}
	aguelhok := candidateIn(t, g, "Aguelhok", "ML")
	mali := placeOf(t, found, "Mali")

	c := Corrections{}.Mark(Marked{Start: 12, End: 19, Text: "Aguelok", Place: aguelhok}).NotAPlace(mali.Key())
	got := Apply(c, text, found)
	ag := placeOf(t, got, "Aguelhok")
	want := []Mention{{Start: 12, End: 19, Text: "Aguelok"}, {Start: 36, End: 43, Text: "Aguelok"}}
	if !reflect.DeepEqual(ag.Mentions, want) {
		t.Errorf("Aguelhok's mentions %v, want both whole-word Aguelok %v", ag.Mentions, want)
	}
	if got[0].Name != "Aguelhok" {
		t.Errorf("places not sorted by mentions: %v", names(got))
	}
	if _, ok := names(got)["Mali ML"]; ok {
		t.Error("Mali is listed after \"Not a place\"")
	}
	if len(found) == 0 || placeOf(t, found, "Mali").Name != "Mali" {
		t.Error("Apply changed its input")
	}

	// A mark over a name the extractor placed elsewhere takes its mentions.
	gao := placeOf(t, found, "Gao")
	region := Place{}
	for _, p := range g.Candidates("Gao") {
		if p.Kind == KindRegion && p.CountryCode == "ML" {
			region = p
		}
	}
	if region.Name == "" {
		t.Fatal("no Gao region among the candidates")
	}
	m := gao.Mentions[0]
	got = Apply(Corrections{}.Mark(Marked{Start: m.Start, End: m.End, Text: m.Text, Place: region}), text, found)
	for _, p := range got {
		if p.Key() == gao.Key() {
			t.Errorf("the town keeps its mention after it was marked as the region: %v", p)
		}
	}
	if r := placeOf(t, got, region.Name); r.Key() != region.Key() || len(r.Mentions) != 1 {
		t.Errorf("the region %v, want it with Gao's one mention", r)
	}
}

func TestApplySkipsStaleMarksAndUndoesWithEmpty(t *testing.T) {
	g := mustLoad(t)
	text := "Aguelok is quiet. Mali waits."
	found := g.Extract(text)
	aguelhok := candidateIn(t, g, "Aguelhok", "ML")
	stale := Corrections{}.Mark(Marked{Start: 0, End: 7, Text: "Kidal!!", Place: aguelhok})
	if got := Apply(stale, text, found); !reflect.DeepEqual(got, found) {
		t.Errorf("a mark whose text is no longer there changed the places: %v", names(got))
	}
	outOfRange := Corrections{}.Mark(Marked{Start: 20, End: 900, Text: "x", Place: aguelhok})
	if got := Apply(outOfRange, text, found); !reflect.DeepEqual(got, found) {
		t.Errorf("a mark past the end changed the places: %v", names(got))
	}
	if got := Apply(Corrections{}, text, found); !reflect.DeepEqual(got, found) {
		t.Error("empty corrections changed the places")
	}
}

func TestMarkAndNotAPlaceUndoEachOther(t *testing.T) {
	p := Place{Name: "Aguelhok", CountryCode: "ML", GeoNameID: 7}
	c := Corrections{}.NotAPlace("7").NotAPlace("7")
	if !reflect.DeepEqual(c.NotPlaces, []string{"7"}) {
		t.Errorf("NotAPlace twice: %v", c.NotPlaces)
	}
	c = c.Mark(Marked{Start: 1, End: 3, Text: "Ag", Place: p})
	if len(c.NotPlaces) != 0 || len(c.Marked) != 1 {
		t.Errorf("marking a removed place: %+v, want it marked and no longer removed", c)
	}
	c = c.Mark(Marked{Start: 1, End: 3, Text: "Ag", Place: Place{Name: "Other"}})
	if len(c.Marked) != 1 || c.Marked[0].Place.Name != "Other" {
		t.Errorf("marking the same span again: %+v, want the new mark only", c.Marked)
	}
	if c = c.NotAPlace("Other|"); !reflect.DeepEqual(c.NotPlaces, []string{"Other|"}) || len(c.Marked) != 0 {
		t.Errorf("not a place after a mark: %+v", c)
	}
}

func TestGatherGroupsPlacesAcrossTexts(t *testing.T) {
	g := mustLoad(t)
	texts := []string{"Gao is quiet.", "Troops left Gao for Mopti, then Gao again. Mali waits.", "Nothing here."}
	found := make([][]Place, len(texts))
	for i, text := range texts {
		found[i] = g.Extract(text)
	}
	got := Gather(found)
	if len(got) != 3 || got[0].Place.Name != "Gao" || got[0].Mentions != 3 || got[0].Place.Mentions != nil {
		t.Fatalf("Gather = %+v, want Gao first with 3 mentions, then Mali and Mopti", got)
	}
	if texts := got[0].Texts; len(texts) != 2 || texts[0].Text != 1 || len(texts[0].Mentions) != 2 || texts[1].Text != 0 {
		t.Errorf("Gao's texts %+v, want text 1 (2 mentions) then text 0", texts)
	}
	if got[1].Place.Name != "Mali" || got[2].Place.Name != "Mopti" {
		t.Errorf("ties not by name: %s, %s", got[1].Place.Name, got[2].Place.Name)
	}
	reversed := Gather([][]Place{found[2], found[1], found[0]})
	for i := range got {
		if reversed[i].Place.Key() != got[i].Place.Key() {
			t.Errorf("the order of the texts changed the order of the places: %v", reversed)
		}
	}
}
