package ui

import "fyne.io/fyne/v2"

// mainMenu is the window's menu bar. File holds what moves articles and
// notes in and out of the library; Article acts on the open article; View
// names what the toolbar's buttons do, which matters when a narrow window
// leaves them icons without labels. Fyne adds Quit to the first menu. A
// menu item's shortcut is only shown: the shortcuts table binds the keys
// (so plain keys such as F9, which the table reads as typed, are not shown,
// lest a native menu bind them a second time).
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
		r.viewMenu(),
	)
}

func (r *Reader) viewMenu() *fyne.Menu {
	panel := fyne.NewMenuItem("Notes and places", r.TogglePanel)
	panel.Shortcut = bind(fyne.KeyA, primary|fyne.KeyModifierShift)
	bookmarks := fyne.NewMenuItem("All bookmarks", r.showBookmarks)
	bookmarks.Shortcut = bind(fyne.KeyB, primary|fyne.KeyModifierShift)
	return fyne.NewMenu("View",
		fyne.NewMenuItem("Library", r.ToggleLibrary),
		panel,
		fyne.NewMenuItemSeparator(),
		bookmarks,
		fyne.NewMenuItem("All annotations", r.showAllAnnotations),
		fyne.NewMenuItem("All places", r.showAllPlaces),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Keyboard shortcuts", r.showShortcuts),
		fyne.NewMenuItem("About Sahel Reader", r.showAbout),
	)
}
