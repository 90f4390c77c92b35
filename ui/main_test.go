package ui

import (
	"os"
	"testing"

	"sahelreader/ui/placemap"
)

// TestMain loads the map outlines before any test and runs background work
// at once: on Fyne's test driver, fyne.Do would otherwise update widgets from
// the background goroutine, racing the test.
func TestMain(m *testing.M) {
	inBackground = func(f func()) { f() }
	if err := placemap.LoadOutlines(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
