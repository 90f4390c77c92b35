// Command floor is the start-up yardstick: a Fyne "hello world" built exactly
// like Sahel Reader, so .ci/startup.sh can time both in the same run.
// -size WxH opens it at a given size: software OpenGL under Xvfb spends most
// of a first frame filling the window, so the reader is also compared with a
// hello world as large as its own window.
package main

import (
	"flag"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	size := flag.String("size", "", "window size WxH (default: what the label needs)")
	flag.Parse()
	a := app.New()
	w := a.NewWindow("Hello floor")
	w.SetContent(widget.NewLabel("Hello, world"))
	if *size != "" {
		var width, height float32
		if _, err := fmt.Sscanf(*size, "%fx%f", &width, &height); err != nil {
			log.Fatalf("-size %q: want WxH", *size)
		}
		w.Resize(fyne.NewSize(width, height))
	}
	w.ShowAndRun()
}
