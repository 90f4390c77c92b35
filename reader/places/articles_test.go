package places

import (
	"testing"

	"sahelreader/articles"
)

// where is a place a careful reader lists, at its true position (Wikipedia
// coordinates for towns; an interior point for countries and regions, whose
// markers only need to fall inside them, hence the wider tolerance).
type where struct {
	lat, lon float64
	km       float64
}

const townKm, countryKm, areaKm = 25, 600, 400

var (
	bamako   = where{12.6392, -8.0029, townKm}
	mopti    = where{14.4958, -4.1986, townKm}
	gao      = where{16.2717, -0.0447, townKm}
	timbuktu = where{16.7666, -3.0026, townKm}
	kidal    = where{18.4411, 1.4078, townKm}
	menaka   = where{15.9167, 2.4000, townKm}
	segou    = where{13.4317, -6.2633, townKm}
	// segouRegion: "the Ségou region" means the region, placed within
	// 150 km of its capital.
	segouRegion = where{13.4317, -6.2633, 150}
	tessalit    = where{20.1986, 1.0114, townKm}
	aguelhok    = where{19.4650, 0.8560, townKm}
	goundam     = where{16.4145, -3.6708, townKm}
	ber         = where{16.8200, -2.5000, townKm} // 53 km east of Timbuktu
	ogossagou   = where{14.1500, -3.5500, townKm} // a village near Bankass
	ansongo     = where{15.6597, 0.5022, townKm}
	niamey      = where{13.5116, 2.1254, townKm}
	mali        = where{17.0, -4.0, countryKm}
	niger       = where{17.0, 9.0, countryKm}
	burkinaFaso = where{12.3, -1.6, countryKm}
	senegal     = where{14.5, -14.5, countryKm}
	france      = where{46.6, 2.4, countryKm}
	russia      = where{61.0, 100.0, 1500}
	togo        = where{8.5, 1.0, countryKm}
	bangladesh  = where{23.7, 90.3, countryKm}
	egypt       = where{26.8, 30.8, countryKm}
	pakistan    = where{30.0, 70.0, countryKm}
	sahel       = where{14.5, 0.0, 1000}
	nigerRiver  = where{14.5, -4.2, 1000}
)

// TestBundledArticles pins, per bundled article, every place a careful
// reader would list, each near its true position, and lists nothing else.
// What counts: towns, countries (also through demonyms: "Malian"), the
// Niger and Bani rivers when the text speaks of the river ("the Niger"),
// named regions (the Sahel, the inner Niger delta, Azawad) and the
// Bandiagara cliff; not organisations named after places ("Timbuktu
// Institute", "G5 Sahel", "Alliance of Sahel States").
func TestBundledArticles(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		want map[string]where
	}{
		{"minusma-withdrawal", map[string]where{
			"Mali": mali, "Bamako": bamako, "Mopti": mopti, "Gao": gao, "Timbuktu": timbuktu,
			"Sahel": sahel, "Moscow": {55.7558, 37.6173, townKm}, "Russia": russia, "France": france,
			"Bangladesh": bangladesh, "Togo": togo, "Egypt": egypt, "Pakistan": pakistan, "Senegal": senegal,
		}},
		{"minusma-mission", map[string]where{
			"Mali": mali, "Bamako": bamako, "Kidal": kidal, "Gao": gao, "Aguelhok": aguelhok, "Mopti": mopti,
			"France": france, "Tessalit": tessalit, "Ber": ber, "Goundam": goundam, "Timbuktu": timbuktu,
			"Chad": {15.3, 18.7, countryKm}, "Ménaka": menaka, "Ogossagou": ogossagou,
			"Algeria": {28.0, 2.6, countryKm}, "Burkina Faso": burkinaFaso, "Ivory Coast": {7.6, -5.5, countryKm},
			"Niger": niger, "Senegal": senegal, "Togo": togo, "Egypt": egypt, "Bangladesh": bangladesh,
			"China": {36.0, 104.0, countryKm}, "Germany": {51.1, 10.4, countryKm}, "Sweden": {62.8, 16.7, countryKm},
			"Ségou": segou,
		}},
		{"bamako", map[string]where{
			"Bamako": bamako, "Mali": mali, "Kati": {12.7441, -8.0726, townKm}, "Niger River": nigerRiver,
			"Niger": niger, "France": france, "Kayes": {14.4469, -11.4456, townKm}, "Burkina Faso": burkinaFaso,
			"Mopti": mopti, "Dakar": {14.6928, -17.4467, townKm}, "Senegal": senegal, "Gao": gao, "Russia": russia,
			"Guinea": {10.4, -10.9, countryKm}, "Niamey": niamey, "Ségou": segou, "Koulikoro": {12.8627, -7.5599, townKm},
			"Koulouba": {12.6667, -8.0000, townKm}, "Kidal": kidal, "Abidjan": {5.3364, -4.0267, townKm},
			"Ivory Coast": {7.6, -5.5, countryKm}, "Sikasso": {11.3176, -5.6665, townKm}, "Conakry": {9.5092, -13.7122, townKm},
			"Ouagadougou": {12.3714, -1.5197, townKm}, "Ansongo": ansongo, "Timbuktu": timbuktu, "Sahel": sahel,
		}},
		{"gao-timbuktu", map[string]where{
			"Timbuktu": timbuktu, "Mali": mali, "Kidal": kidal, "Niger River": nigerRiver, "Gao": gao, "Ménaka": menaka,
			"Niger": niger, "France": france, "Mecca": {21.4225, 39.8262, townKm}, "Morocco": {31.8, -7.1, countryKm},
			"Sahel": sahel, "Bamako": bamako, "Tessalit": tessalit, "Ber": ber, "Goundam": goundam,
			"Sahara": {23.0, 13.0, 1500}, "West Africa": {13.0, -3.0, 1000}, "Marrakesh": {31.6295, -7.9811, townKm},
			"Djénné": {13.9061, -4.5533, townKm}, "Tondibi": {16.6167, -0.25, townKm}, "Azawad": {19.0, 0.0, areaKm},
			"China": {36.0, 104.0, countryKm}, "Germany": {51.1, 10.4, countryKm}, "Adrar des Ifoghas": {19.8333, 1.5, areaKm},
			"Algeria": {28.0, 2.6, countryKm}, "Aguelhok": aguelhok, "Chad": {15.3, 18.7, countryKm}, "Togo": togo,
			"Burkina Faso": burkinaFaso, "Léré": {15.7167, -4.9167, townKm}, "Ansongo": ansongo, "Niamey": niamey,
		}},
		{"mopti-central-mali", map[string]where{
			"Mali": mali, "Mopti": mopti, "Djénné": {13.9061, -4.5533, townKm}, "Sévaré": {14.5333, -4.1, townKm},
			"Niger River": nigerRiver, "Ségou": segouRegion, "Ogossagou": ogossagou, "Bamako": bamako, "Gao": gao,
			"Bandiagara": {14.3500, -3.6100, townKm}, "Inner Niger Delta": {15.0, -4.5, areaKm},
			"Bandiagara Escarpment": {14.3333, -3.4167, areaKm}, "Moura": {14.3278, -4.6, townKm}, "Senegal": senegal,
			"Venice": {45.4408, 12.3155, townKm}, "Timbuktu": timbuktu, "Africa": {7.0, 21.0, 2000},
			"Diafarabé": {14.15, -4.9833, townKm}, "Sub-Saharan Africa": {2.0, 20.0, 2000}, "Markala": {13.6739, -6.0744, townKm},
			"Niono": {14.2526, -5.9929, townKm}, "Bankass": {14.0775, -3.5159, townKm},
			"Douentza": {15.0016, -2.9498, townKm}, "Bangladesh": bangladesh, "Togo": togo, "Egypt": egypt, "Pakistan": pakistan,
		}},
	} {
		t.Run(c.id, func(t *testing.T) {
			a, ok := articles.ByID(c.id)
			if !ok {
				t.Fatalf("no bundled article %q", c.id)
			}
			text := a.Document().Text
			runes := []rune(text)
			found := map[string]bool{}
			for _, p := range g.Extract(text) {
				found[p.Name] = true
				w, ok := c.want[p.Name]
				if !ok {
					t.Errorf("%s (%s %s) is listed but is not a place of this article: %v", p.Name, p.CountryCode, p.Feature, p.Mentions)
					continue
				}
				if km := distanceKm(float32(p.Lat), float32(p.Lon), float32(w.lat), float32(w.lon)); km > w.km {
					t.Errorf("%s placed at %.3f,%.3f, %.0f km from %.3f,%.3f (allowed %.0f)", p.Name, p.Lat, p.Lon, km, w.lat, w.lon, w.km)
				}
				for _, m := range p.Mentions {
					if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
						t.Errorf("%s: mention %+v does not match the text's runes", p.Name, m)
					}
				}
			}
			for name := range c.want {
				if !found[name] {
					t.Errorf("%s not found", name)
				}
			}
		})
	}
}
