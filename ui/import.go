package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/importer"
	"sahelreader/reader/search"
)

// importExtensions are offered by the file dialog.
var importExtensions = []string{".md", ".markdown", ".txt", ".html", ".htm"}

// chooseImportFile asks for one file to import (Fyne's dialog picks one;
// several files come by dropping them, or as a folder).
func (r *Reader) chooseImportFile() {
	d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil {
			r.showError("Could not open the file", err)
			return
		}
		if f == nil {
			return // cancelled
		}
		_ = f.Close() // the importer reads it itself, with its size checked first
		r.importPaths([]string{f.URI().Path()})
	}, r.win)
	d.SetFilter(fstorage.NewExtensionFileFilter(importExtensions))
	r.prepareFileDialog(d, "Import a Markdown, text or HTML file")
	d.Show()
}

// chooseImportFolder asks for a folder whose files, in every subfolder,
// are imported.
func (r *Reader) chooseImportFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			r.showError("Could not open the folder", err)
			return
		}
		if dir != nil {
			r.importPaths([]string{dir.Path()})
		}
	}, r.win)
	r.prepareFileDialog(d, "Import a folder (and its subfolders)")
	d.Show()
}

func (r *Reader) prepareFileDialog(d *dialog.FileDialog, title string) {
	d.SetTitleText(title)
	d.SetConfirmText("Import")
	size := r.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(900, size.Width*0.9), size.Height*0.85))
}

// dropped imports the files and folders dropped on the window.
func (r *Reader) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		r.importPaths(paths)
	}
}

// importPaths imports files and folders off the UI goroutine, with a
// progress bar and a Cancel button that stops between two files. Each
// article joins the library list as soon as it is stored; at the end a
// report says what became of every file.
func (r *Reader) importPaths(paths []string) {
	if r.mine.importing {
		dialog.ShowInformation("An import is running", "Wait for it to finish, or cancel it, before importing more.", r.win)
		return
	}
	r.mine.importing = true
	ctx, cancel := context.WithCancel(context.Background())
	status := widget.NewLabel("Looking for files…")
	status.Truncation = fyne.TextTruncateEllipsis
	bar := widget.NewProgressBar()
	progress := dialog.NewCustom("Importing", "Cancel", container.NewVBox(status, bar), r.win)
	progress.SetOnClosed(cancel)
	progress.Resize(fyne.NewSize(460, progress.MinSize().Height))
	progress.Show()
	add := articles.Adder(r.store)
	inBackground(func() {
		files, failed, ignored := importer.Collect(paths)
		fyne.Do(func() { bar.Max = float64(max(1, len(files))) })
		results := importer.Import(ctx, files, add, func(done int, res importer.Result) {
			fyne.Do(func() {
				bar.SetValue(float64(done))
				status.SetText(fmt.Sprintf("%d of %d: %s", done, len(files), filepath.Base(res.Path)))
				if res.Status == importer.Added {
					r.addArticle(res.Article)
				}
			})
		})
		cancel()
		fyne.Do(func() {
			r.mine.importing = false
			progress.Hide()
			r.showImportReport(paths, append(failed, results...), len(files)-len(results), ignored)
		})
	})
}

// showImportReport says what became of every file: the summary in bold,
// then the files in three groups, each named relative to the folder
// dropped or chosen.
func (r *Reader) showImportReport(roots []string, results []importer.Result, notTried, ignored int) {
	summary := widget.NewLabelWithStyle(importer.Summary(results, notTried, ignored)+".", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary.Wrapping = fyne.TextWrapWord
	text := importDetails(roots, results)
	details := widget.NewLabel(text)
	details.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import finished", "Close", container.NewBorder(summary, nil, nil, nil, container.NewVScroll(details)), r.win)
	// As tall as the lines need, up to most of the window; then it scrolls.
	size := r.win.Canvas().Size()
	line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
	lines := float32(strings.Count(text, "\n") + 4)
	d.Resize(fyne.NewSize(min(720, size.Width*0.9), min(size.Height*0.8, 120+lines*line)))
	d.Show()
}

func importDetails(roots []string, results []importer.Result) string {
	var added, dups, failed []string
	for _, res := range results {
		name := shortPath(roots, res.Path)
		switch res.Status {
		case importer.Added:
			added = append(added, fmt.Sprintf("%s  →  %s", name, res.Article.Title))
		case importer.Duplicate:
			dups = append(dups, fmt.Sprintf("%s  →  already there as “%s”", name, res.Article.Title))
		default:
			failed = append(failed, fmt.Sprintf("%s: %v", name, res.Err))
		}
	}
	var groups []string
	for _, g := range []struct {
		head  string
		lines []string
	}{{"Not imported", failed}, {"Added", added}, {"Skipped as duplicates", dups}} {
		if len(g.lines) > 0 {
			groups = append(groups, g.head+":\n"+strings.Join(g.lines, "\n"))
		}
	}
	return strings.Join(groups, "\n\n")
}

// shortPath names p from the folder that holds the root it came from, so
// "Downloads/articles/x.md" reads "articles/x.md".
func shortPath(roots []string, p string) string {
	for _, root := range roots {
		if rel, err := filepath.Rel(filepath.Dir(filepath.Clean(root)), p); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return p
}

// addArticle puts a newly stored article into the library list.
func (r *Reader) addArticle(a reader.Article) {
	list := append(r.library.articles[:len(r.library.articles):len(r.library.articles)], a)
	r.setLibrary(list)
	r.updateSearch(func(x *search.Index) { x.PutArticle(a) })
}

// setLibrary shows list, sorted, in the library, keeping the open article
// selected.
func (r *Reader) setLibrary(list []reader.Article) {
	articles.Sort(list)
	r.library.setArticles(list)
}

// NotifyUnreadable tells the user that some of the library could not be
// read (an imported article's record), while the rest is shown.
func (r *Reader) NotifyUnreadable(err error) {
	r.showError("Some imported articles could not be read", err)
}
