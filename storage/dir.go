package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// AppID is the Fyne application ID. main passes it to app.NewWithID so that
// Fyne's storage root and DefaultDir name the same folder.
const AppID = "org.sahelreader.SahelReader"

// DefaultDir returns the per-user folder Fyne's desktop driver gives this app
// as app.Storage().RootURI(). Fyne v2.7.1 builds it in app/preferences_other.go
// (storageRoot = RootConfigDir()/<app ID>) from internal/app:
//
//	config_xdg.go             Linux, *BSD  os.UserConfigDir()/fyne  ($XDG_CONFIG_HOME or ~/.config)
//	config_desktop_darwin.go  macOS        ~/Library/Preferences/fyne
//	config_windows.go         Windows      %USERPROFILE%\AppData\Roaming\fyne  (home based, not %APPDATA%)
//
// Where Fyne ignores a lookup error and ends up with a relative path, this
// returns the error instead. Builds with Fyne's "ci" tag (temp folder) and the
// mobile drivers are not mirrored: Sahel Reader is a desktop app.
func DefaultDir() (string, error) {
	var root string
	var err error
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		root, err = os.UserConfigDir()
	case "darwin":
		root, err = os.UserHomeDir()
		root = filepath.Join(root, "Library", "Preferences")
	case "windows":
		root, err = os.UserHomeDir()
		root = filepath.Join(root, "AppData", "Roaming")
	default:
		// Fyne falls back to a temporary folder here (internal/app/config_other.go);
		// user data must not live there.
		err = fmt.Errorf("no per-user data folder is known for %s", runtime.GOOS)
	}
	if err != nil {
		return "", fmt.Errorf("cannot find the per-user data folder: %w", err)
	}
	return filepath.Join(root, "fyne", AppID), nil
}
