package ui

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// askBackup asks where to write a backup of the library, then writes it.
func (r *Reader) askBackup() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			r.showError("Could not choose the backup file", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		// The dialog has created the file; the backup is written beside it
		// and renamed over it once complete.
		_ = w.Close()
		r.backupTo(path)
	}, r.win)
	d.SetFileName("sahelreader-backup-" + time.Now().Format("2006-01-02") + ".db")
	d.Show()
}

// backupTo writes a backup of the library to path while it stays open.
func (r *Reader) backupTo(path string) {
	info, err := r.store.Backup(path)
	if err != nil {
		// Leave nothing behind but what was there: the empty file the save
		// dialog made.
		if st, statErr := os.Stat(path); statErr == nil && st.Size() == 0 {
			_ = os.Remove(path)
		}
		r.showError("Could not back up the library", err)
		return
	}
	dialog.ShowInformation("Library backed up", fmt.Sprintf("The library (%s) was saved to\n%s\n\nFile > Restore… brings it back.",
		plural(info.Annotations, "annotation", "annotations"), path), r.win)
}

// askRestore asks for a backup, checks it, and restores it once the user
// confirms.
func (r *Reader) askRestore() {
	dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			r.showError("Could not choose the backup file", err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		_ = rc.Close()
		r.confirmRestore(path)
	}, r.win).Show()
}

// confirmRestore checks the backup at path and, if it can be restored,
// asks before replacing the library; a bad backup changes nothing.
func (r *Reader) confirmRestore(path string) {
	info, err := storage.CheckBackup(path)
	if err != nil {
		r.showError("This backup cannot be restored", err)
		return
	}
	dialog.ShowConfirm("Restore this backup?", fmt.Sprintf("Replace your library with the backup\n%s\n(%s)?\n\n"+
		"Your current library is kept beside the new one, so nothing is lost.",
		path, plural(info.Annotations, "annotation", "annotations")), func(ok bool) {
		if ok {
			r.restoreFrom(path)
		}
	}, r.win)
}

// restoreFrom puts the backup in place of the library, which the store
// reopens, and shows the restored library from the article it was left at.
func (r *Reader) restoreFrom(path string) {
	// The position still waiting for its write belongs to the library
	// about to be replaced.
	if err := r.Flush(); err != nil {
		log.Printf("sahelreader: could not save the reading position before restoring: %v", err)
	}
	kept, err := r.store.Restore(path, time.Now())
	if err != nil {
		r.showError("Could not restore the backup", err)
		return
	}
	// What is on screen, and what undo would put back, belong to the
	// library that was replaced.
	r.closePopover()
	r.deleted, r.placesUndo = nil, nil
	r.undoBar.hide()
	r.reloadLibrary()
	id, err := r.store.LastArticle()
	if _, ok := r.library.index(id); err != nil || !ok {
		id = r.current
	}
	r.current = ""
	r.Open(id)
	msg := "Your library was restored from\n" + path
	if kept != "" {
		msg += "\n\nThe library it replaced was kept at\n" + kept
	}
	dialog.ShowInformation("Library restored", msg, r.win)
}

// reloadLibrary reads the library anew from the store after it changed
// file: its imported articles, reading positions, and the search index of
// its articles and notes.
func (r *Reader) reloadLibrary() {
	list, err := articles.Library(r.store)
	if err != nil { // the list holds what could be read
		r.showError("Some articles of the restored library could not be read", err)
	}
	states, unreadable, err := r.store.ReadingStates()
	if err = errors.Join(append([]error{err}, unreadable...)...); err != nil {
		r.showError("Some reading positions could not be read", err)
	}
	if states == nil {
		states = map[string]reader.ReadingState{}
	}
	r.library.states = states
	r.setLibrary(list)
	r.search.index = nil // edits wait for the new index
	r.buildSearchIndex()
}
