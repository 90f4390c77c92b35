package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// mainMenu is the window's menu bar. File holds what moves articles and
// notes in and out of the library; Article acts on the open article.
// Menu shortcuts are only shown by Fyne, so each is bound here too.
func (r *Reader) mainMenu() {
	r.mine = newArticleActions(r)
	r.library.onMenu = r.showArticleMenu
	importFiles := fyne.NewMenuItem("Import files…", r.chooseImportFile)
	importFiles.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	r.win.Canvas().AddShortcut(importFiles.Shortcut, func(fyne.Shortcut) { r.chooseImportFile() })
	r.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File",
			importFiles,
			fyne.NewMenuItem("Import a folder…", r.chooseImportFolder),
		),
		r.mine.menu,
	))
}
