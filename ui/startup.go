package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// StartupErrorTitle names the window shown when the library cannot be opened.
const StartupErrorTitle = "Sahel Reader cannot start"

// startupErrorTimeout closes the message by itself, so a second instance
// started by a script or an impatient double-click never lingers.
const startupErrorTimeout = 10 * time.Second

// ShowStartupError shows why the app cannot start (already running, library
// from a newer version...) to a person who launched it from a desktop menu
// and sees no terminal. It returns when the window is closed.
func ShowStartupError(a fyne.App, message string) {
	w := a.NewWindow(StartupErrorTitle)
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.ErrorIcon())
	// The scroll gives the wrapped message a width to wrap at; on its own a
	// wrapping label asks for a height that makes the window taller than the screen.
	scroll := container.NewVScroll(text)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), icon, nil, scroll)))
	w.Resize(fyne.NewSize(480, 180))
	w.CenterOnScreen()
	time.AfterFunc(startupErrorTimeout, func() { fyne.Do(a.Quit) })
	w.ShowAndRun()
}
