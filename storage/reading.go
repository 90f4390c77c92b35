package storage

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Keys of the settings bucket for how the reader looks (doc.go).
var (
	readingKey = []byte("reading")
	windowKey  = []byte("window")
)

// ReadingSettings are the user's choices of how text is set. Storage keeps
// them as given; the window checks them when it reads them, since only it
// knows which sizes and names it can show. The zero value means none were
// stored.
type ReadingSettings struct {
	TextSize float32 `json:"textSize"`
	Column   string  `json:"column,omitempty"`
	Spacing  string  `json:"spacing,omitempty"`
	Theme    string  `json:"theme,omitempty"`
}

// WindowState is the window's size and its side columns as the user left them.
type WindowState struct {
	Width         float32 `json:"width,omitempty"`
	Height        float32 `json:"height,omitempty"`
	LibraryWidth  float32 `json:"libraryWidth,omitempty"`
	PanelWidth    float32 `json:"panelWidth,omitempty"`
	LibraryHidden bool    `json:"libraryHidden,omitempty"`
	// The library list's order and filter, by their names in
	// reader.LibrarySorts and reader.LibraryFilters.
	LibrarySort   string `json:"librarySort,omitempty"`
	LibraryFilter string `json:"libraryFilter,omitempty"`
}

// ReadingSettings returns the stored reading settings, zero when none were
// stored. A value that is not valid JSON gives an error and zero settings.
func (db *DB) ReadingSettings() (ReadingSettings, error) {
	return getSetting[ReadingSettings](db, readingKey)
}

// SetReadingSettings stores s; it returns once the write is on disk.
func (db *DB) SetReadingSettings(s ReadingSettings) error { return db.putSetting(readingKey, s) }

// WindowState returns the stored window state, zero when none was stored.
func (db *DB) WindowState() (WindowState, error) {
	return getSetting[WindowState](db, windowKey)
}

// SetWindowState stores s; it returns once the write is on disk.
func (db *DB) SetWindowState(s WindowState) error { return db.putSetting(windowKey, s) }

// getSetting decodes the JSON value under key; zero when the key is
// absent, and zero with an error when the value cannot be decoded, so
// half-read settings are never used.
func getSetting[T any](db *DB, key []byte) (T, error) {
	var v T
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		b, err := settings(tx)
		if err != nil {
			return err
		}
		raw := b.Get(key)
		if raw == nil {
			return nil
		}
		// Unmarshal copies what it keeps, so nothing points into the mmap.
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("setting %q in %s: %w", key, tx.DB().Path(), err)
		}
		return nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

func (db *DB) putSetting(key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bbolt.Tx) error {
		b, err := settings(tx)
		if err != nil {
			return err
		}
		return b.Put(key, raw)
	})
}
