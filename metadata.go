package main

import (
	_ "embed"
	"fmt"
	"regexp"

	"github.com/BurntSushi/toml"
)

// FyneApp.toml is the one place the app's name, ID and version are set:
// `fyne package` reads it for the packages, and it is embedded here so that
// every build, packaged or plain `go build`, reports the same version.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// appMetadata is the [Details] table of FyneApp.toml.
type appMetadata struct {
	Name, ID, Version string
	Build             int
}

// fyne package accepts x, x.y or x.y.z; we release x.y.z only.
var releaseVersion = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)

// parseMetadata reads [Details] and refuses an incomplete one, so a broken
// FyneApp.toml fails the tests instead of shipping an app without a version.
func parseMetadata(text string) (appMetadata, error) {
	var file struct{ Details appMetadata }
	if _, err := toml.Decode(text, &file); err != nil {
		return appMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := file.Details
	switch {
	case d.Name == "" || d.ID == "":
		return d, fmt.Errorf("FyneApp.toml: [Details] needs Name and ID")
	case !releaseVersion.MatchString(d.Version):
		return d, fmt.Errorf("FyneApp.toml: Version %q is not MAJOR.MINOR.PATCH", d.Version)
	case d.Build < 1:
		return d, fmt.Errorf("FyneApp.toml: Build %d is not a positive number", d.Build)
	}
	return d, nil
}
