package plainlocale

import "testing"

func TestIsC(t *testing.T) {
	for l, want := range map[string]bool{
		"C.UTF-8": true, "C.utf8": true, "POSIX.UTF-8": true,
		"C": false, "POSIX": false, "": false, "en_US.UTF-8": false, "fr_FR": false, "Cy_GB.UTF-8": false,
	} {
		if got := isC(l); got != want {
			t.Errorf("isC(%q) = %v, want %v", l, got, want)
		}
	}
}

func TestLocaleFollowsGettextsOrder(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "C.UTF-8")
	t.Setenv("LANG", "fr_FR.UTF-8")
	if got := locale(); got != "C.UTF-8" {
		t.Errorf("locale() = %q, want LC_MESSAGES's C.UTF-8 before LANG", got)
	}
}
