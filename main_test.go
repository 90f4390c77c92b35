package main

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"sahelreader/storage"
	"sahelreader/ui"
)

// TestEmbeddedMetadata checks the FyneApp.toml built into the binary and
// that the names other parts of the app use by themselves agree with it.
func TestEmbeddedMetadata(t *testing.T) {
	meta, err := parseMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	if meta.ID != storage.AppID {
		t.Errorf("FyneApp.toml ID = %q, storage.AppID (the data folder) = %q", meta.ID, storage.AppID)
	}
	if meta.Name != ui.Title {
		t.Errorf("FyneApp.toml Name = %q, window title = %q", meta.Name, ui.Title)
	}
}

// TestMetainfoNamesThisRelease keeps the AppStream file in step with
// FyneApp.toml: its id, and its newest release is the version being built.
func TestMetainfoNamesThisRelease(t *testing.T) {
	meta, err := parseMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("packaging/linux/" + meta.ID + ".metainfo.xml")
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		ID       string `xml:"id"`
		Launch   string `xml:"launchable"`
		Releases []struct {
			Version string `xml:"version,attr"`
			Date    string `xml:"date,attr"`
		} `xml:"releases>release"`
	}
	if err := xml.Unmarshal(data, &info); err != nil {
		t.Fatal(err)
	}
	if info.ID != meta.ID || info.Launch != meta.ID+".desktop" {
		t.Errorf("metainfo id %q, launchable %q; want %q and %q.desktop", info.ID, info.Launch, meta.ID, meta.ID)
	}
	if len(info.Releases) == 0 || info.Releases[0].Version != meta.Version || info.Releases[0].Date == "" {
		t.Errorf("metainfo's newest release is %+v; want version %s with a date", info.Releases, meta.Version)
	}
}

func TestParseMetadataRefusesIncompleteDetails(t *testing.T) {
	const good = "[Details]\nName = \"A\"\nID = \"org.example.A\"\nVersion = \"1.2.3\"\nBuild = 4\n"
	if m, err := parseMetadata(good); err != nil || m != (appMetadata{"A", "org.example.A", "1.2.3", 4}) {
		t.Fatalf("parseMetadata(good) = %+v, %v", m, err)
	}
	for name, text := range map[string]string{
		"not TOML":        "[Details\n",
		"no Details":      "[Other]\nVersion = \"1.2.3\"\n",
		"no Version":      strings.Replace(good, "Version = \"1.2.3\"\n", "", 1),
		"two-part":        strings.Replace(good, "1.2.3", "1.2", 1),
		"pre-release tag": strings.Replace(good, "1.2.3", "1.2.3-rc1", 1),
		"Build 0":         strings.Replace(good, "Build = 4", "Build = 0", 1),
		"no ID":           strings.Replace(good, "ID = \"org.example.A\"\n", "", 1),
	} {
		if m, err := parseMetadata(text); err == nil {
			t.Errorf("%s: parseMetadata accepted %+v", name, m)
		}
	}
}
