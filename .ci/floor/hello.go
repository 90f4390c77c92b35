// Command floor is the start-up yardstick: a Fyne "hello world" built exactly
// like Sahel Reader, so scripts/startup.sh can time both in the same run.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello floor")
	w.SetContent(widget.NewLabel("Hello, world"))
	w.ShowAndRun()
}
