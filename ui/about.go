package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// aboutText credits what the app bundles; later data sources add their lines here.
const aboutText = `An offline reader for reports on Mali and the Sahel.

The bundled background articles were written for Sahel Reader and cite their
public sources at the end of each article. The MINUSMA withdrawal report is an
AFP dispatch of 11 December 2023.

Places: GeoNames (CC BY 4.0); world-countries by Mohammed Le Doze and the
countries-states-cities database by Darshan Gada (ODbL 1.0); SCOWL word lists.
Map outlines: Natural Earth (public domain).`

func (r *Reader) showAbout() {
	body := container.NewVBox(
		widget.NewLabelWithStyle("Sahel Reader "+r.version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(aboutText),
	)
	dialog.ShowCustom("About Sahel Reader", "Close", body, r.win)
}
