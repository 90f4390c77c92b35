package ui

import "fyne.io/fyne/v2"

// mainMenu is the window's menu bar. File holds what moves articles and
// notes in and out of the library; Article acts on the open article. Fyne
// adds Quit to the first menu. A menu item's shortcut is only shown: the
// shortcuts table binds the keys.
func (r *Reader) mainMenu() *fyne.MainMenu {
	importFiles := fyne.NewMenuItem("Import files…", r.chooseImportFile)
	importFiles.Shortcut = bind(fyne.KeyO, primary)
	searchItem := fyne.NewMenuItem("Search the library…", r.ShowSearch)
	searchItem.Shortcut = bind(fyne.KeyF, primary|fyne.KeyModifierShift)
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			importFiles,
			fyne.NewMenuItem("Import a folder…", r.chooseImportFolder),
			fyne.NewMenuItemSeparator(),
			searchItem,
			fyne.NewMenuItem("Export…", r.ShowExport),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Back up…", r.askBackup),
			fyne.NewMenuItem("Restore…", r.askRestore),
		),
		r.mine.menu,
	)
}
