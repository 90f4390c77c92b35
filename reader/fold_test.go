package reader

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ménaka": "menaka", "SÉVARÉ": "sevare", "Côte d’Ivoire": "cote d’ivoire",
		"Ségou": "segou", "plain": "plain", "": "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
