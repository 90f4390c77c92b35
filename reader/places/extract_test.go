package places

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func mustLoad(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// names lists "Name CC" for each place found, with its mention texts.
func names(places []Place) map[string][]string {
	out := map[string][]string{}
	for _, p := range places {
		k := p.Name + " " + p.CountryCode
		for _, m := range p.Mentions {
			out[k] = append(out[k], m.Text)
		}
	}
	return out
}

func TestExtractRules(t *testing.T) {
	g := mustLoad(t)
	for _, c := range []struct {
		name, text string
		want       []string // "Name CC" found
		not        []string // "Name CC" not found
	}{
		{"diacritics fold both ways", "Troops left Menaka and Ménaka, then Segou.", []string{"Ménaka ML", "Ségou ML"}, nil},
		{"French and old spellings", "From Tombouctou to Timbuctoo.", []string{"Timbuktu ML"}, nil},
		{"longest multi-word name", "Burkina Faso and Côte d'Ivoire border Mali; so does the Ivory Coast.", []string{"Burkina Faso BF", "Ivory Coast CI", "Mali ML"}, []string{"Burkina BF"}},
		{"person after a title", "Later President Keita met Mr Gao in the capital.", nil, []string{"Gao ML"}},
		{"person's full name", "The envoy Gao Feng said the talks went well.", nil, []string{"Gao ML"}},
		{"person named, then the town", "Gao Feng spoke. Gao said nothing. Troops arrived in Gao on Monday.", []string{"Gao ML"}, nil},
		{"airport is the town", "Flights resumed at Gao Airport in Mali.", []string{"Gao ML"}, nil},
		{"institute is not the town", "The Timbuktu Institute published a report on Senegal.", []string{"Senegal SN"}, []string{"Timbuktu ML"}},
		{"demonym counts for its country", "Malian troops met Senegalese officers.", []string{"Mali ML", "Senegal SN"}, nil},
		{"common words", "Say what you will. Of course. Bar the door.", nil, []string{"Say NE", "Of TR", "Bar ME"}},
		{"sentence-start common word", "Nice work. The team went to Nice in France.", []string{"Nice FR", "France FR"}, nil},
		{"abbreviations in capitals only", "The US and the U.S. agree; we say us.", []string{"United States US"}, nil},
		{"acronyms are not towns", "The UN and AFP reported it.", nil, []string{"Un IN"}},
		{"the river, not the country", "Boats go down the Niger to Gao. Niger is east of Mali.", []string{"Niger River ", "Niger NE"}, nil},
		{"San in a Malian text", "In Mali the market town of San lies east of Ségou.", []string{"San ML"}, nil},
		{"Gao, Mali not elsewhere", "Gao is on the Niger in Mali.", []string{"Gao ML"}, nil},
		{"dateline in capitals", "BAMAKO, Mali (AFP) — The mission ended.", []string{"Bamako ML"}, nil},
		{"possessive", "Mali's north and Sévaré's camp.", []string{"Mali ML", "Sévaré ML"}, nil},
		{"the town of the name near the others", "Wildfires in Sydney and Newcastle reached the coast.", []string{"Newcastle AU"}, []string{"Newcastle ZA"}},
		{"a list of regions is no containment", "Cases were reported in Texas, Nevada, New Mexico, North Carolina and Ohio.",
			[]string{"Nevada US", "New Mexico US", "North Carolina US"}, nil},
		{"a dotted abbreviation", "EDMONTON, Ky. (WBKO) -- One man is dead.", []string{"Kentucky US", "Edmonton US"}, []string{"Edmonton CA"}},
		{"a compass word before a name", "He was taken to an east London hospital.", []string{"London GB"}, []string{"East London ZA"}},
		{"a country beside its neighbours", "Troops from Chad, Nigeria and Niger joined the force.", []string{"Niger NE"}, []string{"Niger NG"}},
		{"a city beside a neighbour's name", "The outbreak spread from Gaza to Israel.", []string{"Gaza PS"}, []string{"Gaza MZ"}},
		{"a list of countries is no containment", "Health officials in Mexico, China, Japan and Brazil report cases.", []string{"China CN"}, []string{"China JP"}},
		{"state in lower case", "A cow from a Washington state farm fell ill.", []string{"Washington US"}, nil},
		{"a small town beside its region", "A man from London, in Kentucky, was arrested.", []string{"London US"}, []string{"London GB"}},
		{"a small town beside a neighbour", "Floods cut Edmonton off from Cairns in Queensland.", []string{"Edmonton AU"}, []string{"Edmonton CA"}},
		{"a small town alone is not believed", "Innisfail was quiet on Sunday.", nil, []string{"Innisfail AU"}},
		{"a first name that is a small town", "Police are looking for Justine Margaret Murphy in Queensland.", nil, []string{"Murphy US", "Margaret AU"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := names(g.Extract(c.text))
			for _, w := range c.want {
				if _, ok := got[w]; !ok {
					t.Errorf("%q: %s not found in %v", c.text, w, got)
				}
			}
			for _, n := range c.not {
				if _, ok := got[n]; ok {
					t.Errorf("%q: %s found: %v", c.text, n, got)
				}
			}
		})
	}
}

// TestMentionOffsets checks that mentions are rune offsets into the text as
// given, whatever precedes them.
func TestMentionOffsets(t *testing.T) {
	g := mustLoad(t)
	text := "Ça commence: « Ségou » 🇲🇱 puis\tBamako\n\nKidal, Côte d’Ivoire et Djenné-Djeno."
	runes := []rune(text)
	n := 0
	for _, p := range g.Extract(text) {
		for _, m := range p.Mentions {
			n++
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s: runes [%d:%d] = %q, mention text %q", p.Name, m.Start, m.End, string(runes[m.Start:m.End]), m.Text)
			}
		}
	}
	if n < 4 {
		t.Errorf("found %d mentions in %q, want at least Ségou, Bamako, Kidal, Côte d'Ivoire", n, text)
	}
}

// TestBadInput feeds what a user's import may contain: nothing may crash,
// hang or mis-count runes.
func TestBadInput(t *testing.T) {
	g := mustLoad(t)
	long := strings.Repeat("The road from Bamako to Gao crosses the Niger at Mopti; ", 1<<20/57+1) // one 1 MB line
	for _, c := range []struct {
		name, text string
		min        int // mentions expected at least
	}{
		{"empty", "", 0},
		{"no places", "the quick brown fox jumps over the lazy dog. " + strings.Repeat("Nothing here. ", 1000), 0},
		{"malformed UTF-8", "Bamako \xff\xfe Gao \xc3 Mopti \xed\xa0\x80 Kidal", 4},
		{"binary", "\x00\x01Mali\x00\x02", 1},
		{"one 1 MB line", long, 1 << 20 / 57 * 3},
		{"only separators", strings.Repeat("-- .. ?? \n", 10000), 0},
		{"only capitals", strings.Repeat("ABCDEFG ", 10000), 0},
		// a name that starts on the kind word another mention ran over
		{"overlapping names", "Wine from the Napa Valley East of here.", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			places := g.Extract(c.text)
			runes := []rune(c.text)
			total := 0
			for _, p := range places {
				for _, m := range p.Mentions {
					total++
					if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
						t.Fatalf("%s: bad mention %+v", p.Name, m)
					}
				}
			}
			if total < c.min {
				t.Errorf("%d mentions, want at least %d", total, c.min)
			}
			t.Logf("%d bytes, %d places, %d mentions in %v", len(c.text), len(places), total, time.Since(start))
		})
	}
}

// TestLargeText runs a 50 MB text through (skipped with -short).
func TestLargeText(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB text skipped in -short mode")
	}
	g := mustLoad(t)
	text := strings.Repeat(sampleParagraph, 50<<20/len(sampleParagraph))
	places := g.Extract(text)
	if len(places) == 0 || len(places[0].Mentions) == 0 {
		t.Fatalf("no places in 50 MB of text")
	}
	last := places[0].Mentions[len(places[0].Mentions)-1]
	if last.End > len([]rune(text)) {
		t.Errorf("mention %+v beyond the text", last)
	}
}

// sampleParagraph is news-like prose with a realistic share of names.
const sampleParagraph = `The convoy left Bamako at dawn and reached Ségou before noon, officials said. ` +
	`President Assimi Goïta met envoys from Niger and Burkina Faso, while the United Nations mission ` +
	`handed over its camp in Timbuktu to the Malian army. Traders in Mopti said the price of rice had ` +
	`risen since the border with Senegal closed; the road to Dakar is long and the river is low this year. ` +
	`Analysts in Paris and Washington warned that armed groups in the Sahel were gaining ground.` + "\n"

// TestConcurrentExtract shares one Gazetteer between goroutines (run with -race).
func TestConcurrentExtract(t *testing.T) {
	g := mustLoad(t)
	want := len(g.Extract(sampleParagraph))
	done := make(chan int)
	for range 4 {
		go func() { done <- len(g.Extract(sampleParagraph)) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Extract found %d places, alone %d", got, want)
		}
	}
}

func TestCountryName(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"ML": "Mali", "NE": "Niger", "BF": "Burkina Faso", "ZZ": ""} {
		if got := g.CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestTownInNamedRegion checks that "Paris, Missouri" is the Paris the
// gazetteer files under Missouri, not a larger Paris near it.
func TestTownInNamedRegion(t *testing.T) {
	g := mustLoad(t)
	paris := 0
	for _, p := range g.Extract("A Paris, Missouri, man was held. He drove home to Paris that night.") {
		if p.Name != "Paris" {
			continue
		}
		paris += len(p.Mentions)
		if math.Abs(p.Lat-39.48) > 0.1 || math.Abs(p.Lon+92.0) > 0.1 || p.Region != "Missouri" {
			t.Errorf("Paris placed at %.2f,%.2f in %q, want Paris, Missouri (39.48,-92.00)", p.Lat, p.Lon, p.Region)
		}
	}
	if paris != 2 {
		t.Errorf("%d mentions of Paris, want 2", paris)
	}
}

// TestOfficeNamedAfterAPlace checks that "State" and "Department of" open
// an office's name rather than ending the place's: the mention is Kentucky.
func TestOfficeNamedAfterAPlace(t *testing.T) {
	g := mustLoad(t)
	for text, want := range map[string]string{
		"Officers of the Kentucky State Police arrived.":              "Kentucky",
		"It is led by the Kentucky Department of Fish and Wildlife.":  "Kentucky",
		"Deputies from Santa Clara County Sheriff's Office came too.": "Santa Clara County",
		"Voters in Kogi State went to the polls.":                     "Kogi State",
	} {
		got := names(g.Extract(text))
		found := false
		for _, mentions := range got {
			found = found || slices.Contains(mentions, want)
		}
		if !found {
			t.Errorf("%q: no mention %q in %v", text, want, got)
		}
	}
}
