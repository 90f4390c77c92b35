package fold

import "testing"

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Ségou":           "segou",
		"Côte d’Ivoire":   "cote d'ivoire",
		"Guinea-Bissau":   "guinea bissau",
		"  Burkina  Faso": "burkina faso",
		"Łódź":            "lodz",
		"Straße":          "strasse",
		"Ærøskøbing":      "aeroskobing",
		"N'DJAMENA":       "n'djamena",
		"U.S.":            "u.s.",
		"İstanbul":        "istanbul",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLatin(t *testing.T) {
	for s, want := range map[string]bool{"Tombouctou": true, "Ségou": true, "Тимбукту": false, "廷巴克图": false, "Saint-Louis 2": true} {
		if Latin(s) != want {
			t.Errorf("Latin(%q) = %v", s, !want)
		}
	}
}
