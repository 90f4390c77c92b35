package ui

import (
	"os"
	"testing"

	"sahelreader/ui/placemap"
)

// TestMain loads the map outlines before any test and runs background work
// at once: on Fyne's test driver, fyne.Do would otherwise update widgets from
// the background goroutine, racing the test. Reading positions are written
// only when a test flushes them.
func TestMain(m *testing.M) {
	inBackground = func(f func()) { f() }
	afterPositionDelay = func(func()) {} // tests write positions with Flush
	if err := placemap.LoadOutlines(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
