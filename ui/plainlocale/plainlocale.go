// Package plainlocale keeps Fyne quiet under the C locale. Fyne reads the
// user's locale while its packages initialise, and under LANG=C.UTF-8 (the
// default of Debian's minimal systems, containers and ssh sessions) it logs
// three lines of "Error parsing user locale C" before the program can do
// anything, into every command's output. Fyne's locale reader prefers
// LANGUAGE over a LANG that is not exactly C, so this package names English
// there when the locale is C.
//
// It works by initialisation order: Go initialises packages in the order of
// their import paths whenever their own imports are ready, and this one,
// needing only os, is ready long before Fyne's lang package. Import it for
// its side effect from package main only.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") == "" && isC(locale()) {
		os.Setenv("LANGUAGE", "en")
	}
}

// locale is the locale that governs messages, as gettext reads it.
func locale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// isC reports the C or POSIX locale with an encoding ("C.UTF-8"); the bare
// names Fyne already handles.
func isC(l string) bool {
	name, _, found := strings.Cut(l, ".")
	return found && (name == "C" || name == "POSIX")
}
