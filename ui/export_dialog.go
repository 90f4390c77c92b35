package ui

import (
	"errors"
	"fmt"
	"log"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/export"
	"sahelreader/reader/places"
	"sahelreader/storage"
)

// exportChoices name the formats for people, in the order offered.
var exportChoices = []struct{ format, label string }{
	{"md", "Markdown notes, one file per article (Obsidian)"},
	{"w3c", "W3C Web Annotation collection (JSON)"},
	{"geojson", "Places as GeoJSON (for a GIS)"},
}

const (
	exportThisArticle = "This article"
	exportLibrary     = "The whole library"
)

// ShowExport asks what to export (format, this article or the library) and
// into which folder, then writes it there.
func (r *Reader) ShowExport() {
	labels := make([]string, len(exportChoices))
	for i, c := range exportChoices {
		labels[i] = c.label
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	scope := widget.NewRadioGroup([]string{exportThisArticle, exportLibrary}, nil)
	scope.Horizontal = true
	scope.Required = true
	scope.SetSelected(exportLibrary)
	folder := widget.NewLabel("Asked when you export")
	folder.Truncation = fyne.TextTruncateEllipsis
	var dir string
	// pick asks for the folder, starting where the last one was, then calls then.
	pick := func(then func()) {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			dir = u.Path()
			folder.SetText(dir)
			if then != nil {
				then()
			}
		}, r.win)
		if dir != "" {
			if u, err := fynestorage.ListerForURI(fynestorage.NewFileURI(dir)); err == nil {
				fd.SetLocation(u)
			}
		}
		fd.Resize(r.win.Canvas().Size().Subtract(fyne.NewSize(80, 80)))
		fd.Show()
	}
	choose := widget.NewButton("Choose…", func() { pick(nil) })
	form := widget.NewForm(
		widget.NewFormItem("Format", format),
		widget.NewFormItem("What", scope),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
	)
	write := func() {
		name := exportChoices[format.SelectedIndex()].format
		n, err := r.exportTo(name, scope.Selected == exportThisArticle, dir)
		if err != nil {
			r.showError("Could not export", err)
			return
		}
		dialog.ShowInformation("Exported", fmt.Sprintf("Wrote %s to\n%s", plural(n, "file", "files"), dir), r.win)
	}
	d := dialog.NewCustomConfirm("Export", "Export", "Cancel", form, func(ok bool) {
		switch {
		case !ok:
		case dir == "":
			pick(write)
		default:
			write()
		}
	}, r.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

// exportTo writes the library, or the open article only, in format into
// dir; files there that the export does not make are left alone. It
// returns how many files it wrote. Unreadable annotation records are left
// out and reported, after the rest is written.
func (r *Reader) exportTo(format string, onlyOpen bool, dir string) (int, error) {
	f, ok := export.Lookup(format)
	if !ok {
		return 0, fmt.Errorf("no export format %q", format)
	}
	var article *reader.Article
	if onlyOpen {
		i, ok := r.library.index(r.current)
		if !ok {
			return 0, errors.New("no article is open")
		}
		article = &r.library.articles[i]
	}
	var anns []reader.Annotation
	var unreadable []storage.DecodeError
	var fixes map[string]places.Corrections
	if f.Text != nil { // places, as the reader corrected them
		var bad []error
		var err error
		if fixes, bad, err = r.store.AllPlaceCorrections(); err != nil {
			return 0, err
		}
		// An unreadable record leaves that article's places as found.
		for _, e := range bad {
			log.Printf("sahelreader: export: %v", e)
		}
	} else {
		var err error
		if article != nil {
			anns, unreadable, err = r.store.Annotations(article.ID)
		} else {
			anns, unreadable, err = r.store.AllAnnotations()
		}
		if err != nil {
			return 0, err
		}
	}
	files, err := f.Render(slices.Clone(r.library.articles), anns, fixes, article)
	if err == nil {
		err = export.WriteFiles(dir, files)
	}
	if err == nil && len(unreadable) > 0 {
		err = fmt.Errorf("%s could not be read and left out; everything else was exported",
			plural(len(unreadable), "annotation record", "annotation records"))
	}
	return len(files), err
}
