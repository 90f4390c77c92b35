// Command sahelreader is Sahel Reader, an offline reader for reports on Mali
// and the Sahel. This file only wires the parts together: the command line
// (ui/cli) decides what to run, and the window (ui) runs on Fyne's desktop
// driver, the only place the app package is imported.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"sahelreader/articles"
	"sahelreader/storage"
	"sahelreader/ui"
	"sahelreader/ui/cli"
)

func main() {
	meta, err := parseMetadata(fyneAppTOML)
	if err != nil { // cannot pass the tests; say so rather than show no version
		fmt.Fprintln(os.Stderr, "sahelreader:", err)
		os.Exit(cli.ExitFailure)
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Getenv:  os.Getenv,
		Version: meta.Version,
		GUI: func(db *storage.DB, report storage.OpenReport) error {
			return runWindow(db, report, meta.Version)
		},
		StartupError: func(message string) {
			ui.ShowStartupError(app.NewWithID(storage.AppID), message)
		},
	}))
}

// runWindow shows the reader until its window closes or the process is asked
// to stop (SIGTERM, Ctrl+C in a terminal), then returns so the library closes.
func runWindow(db *storage.DB, report storage.OpenReport, version string) error {
	library, err := articles.All()
	if err != nil {
		return err
	}
	a := app.NewWithID(storage.AppID)
	r := ui.New(a, db, library, articles.DefaultID, version)
	if report.MovedAside != "" {
		r.NotifyMovedAside(report.MovedAside)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-stop
		fyne.Do(a.Quit)
	}()
	r.Window().SetMaster()
	r.Window().ShowAndRun()
	return nil
}
