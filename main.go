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
	"time"

	"fyne.io/fyne/v2/app"

	"sahelreader/articles"
	"sahelreader/storage"
	"sahelreader/ui"
	"sahelreader/ui/cli"
	_ "sahelreader/ui/plainlocale" // before Fyne reads the locale
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

// shutdownGrace is how long the window may take to close after SIGTERM or
// SIGINT before the process ends anyway.
const shutdownGrace = 4 * time.Second

// runWindow shows the reader until its window closes or the process is asked
// to stop (SIGTERM, Ctrl+C in a terminal), then returns so the library closes.
func runWindow(db *storage.DB, report storage.OpenReport, version string) error {
	library, err := articles.Library(db)
	if len(library) == 0 {
		return err
	}
	a := app.NewWithID(storage.AppID)
	r := ui.New(a, db, library, articles.DefaultID, version)
	if report.MovedAside != "" {
		r.NotifyMovedAside(report.MovedAside)
	}
	if len(report.Restored) > 0 {
		r.NotifyRestoredParts(report.Restored)
	}
	if err != nil { // some imported articles could not be read; the rest are shown
		r.NotifyUnreadable(err)
	}
	// Fyne's driver quits on SIGTERM and SIGINT by itself. But Fyne 2.7.1 can
	// hang in its shutdown: a call queued to the main loop just as the loop
	// drains its queue is never run, and Run waits for it forever (seen about
	// once in ten SIGTERMs under Xvfb; the goroutine dump is in stop 8's
	// note). Every change the user made is committed when made, and the
	// reading position is flushed, so after a grace period the process may
	// end without losing anything.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-stop
		time.Sleep(shutdownGrace)
		if err := r.Flush(); err != nil {
			fmt.Fprintln(os.Stderr, "sahelreader: could not save the reading position:", err)
		}
		fmt.Fprintln(os.Stderr, "sahelreader: the window did not close in time; exiting (everything was already saved)")
		os.Exit(cli.ExitOK)
	}()
	r.Window().SetMaster()
	r.Window().ShowAndRun()
	return r.Flush() // the last second of scrolling, on every normal quit
}
