package ui

import (
	"fyne.io/fyne/v2"
)

// mainMenu is the window's menu bar. File holds what moves articles and
// notes in and out of the library; Article acts on the open article.
func (r *Reader) mainMenu() {
	r.mine = newArticleActions(r)
	r.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File",
			fyne.NewMenuItem("Import files…", r.chooseImportFile),
			fyne.NewMenuItem("Import a folder…", r.chooseImportFolder),
		),
		r.mine.menu,
	))
}
