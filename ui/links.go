package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2/dialog"
)

// openableSchemes are the only link kinds handed to the system: web pages and
// e-mail. Others (file:, javascript:, custom app schemes) could run or expose
// things on the user's machine from a text they did not write.
var openableSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// checkLink parses a link's address and accepts it only with an openable scheme.
func checkLink(address string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid address", address)
	}
	scheme := strings.ToLower(u.Scheme)
	if !openableSchemes[scheme] {
		if scheme == "" {
			return nil, fmt.Errorf("%q is not a full web or e-mail address, so it was not opened", address)
		}
		return nil, fmt.Errorf("%q links are not opened by Sahel Reader, only web (http, https) and e-mail (mailto) links:\n%s", scheme, address)
	}
	if scheme != "mailto" && u.Host == "" {
		return nil, fmt.Errorf("%q has no host, so it was not opened", address)
	}
	return u, nil
}

// confirmLink shows the full address and opens it in the system browser or
// mail client only after the user agrees.
func (r *Reader) confirmLink(address string) {
	u, err := checkLink(address)
	if err != nil {
		dialog.ShowInformation("Link not opened", err.Error(), r.win)
		return
	}
	confirm := dialog.NewConfirm("Open this link?", "It opens outside Sahel Reader:\n\n"+u.String(), func(ok bool) {
		if !ok {
			return
		}
		if err := r.app.OpenURL(u); err != nil {
			r.showError("Could not open the link", err)
		}
	}, r.win)
	confirm.SetConfirmText("Open")
	confirm.SetDismissText("Cancel")
	confirm.Show()
}
