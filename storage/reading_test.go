package storage

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

func TestReadingSettingsSurviveReopen(t *testing.T) {
	dir := t.TempDir()
	db, _ := mustOpenDir(t, dir)
	if s, err := db.ReadingSettings(); err != nil || s != (ReadingSettings{}) {
		t.Fatalf("fresh library: ReadingSettings() = %+v, %v; want zero", s, err)
	}
	if w, err := db.WindowState(); err != nil || w != (WindowState{}) {
		t.Fatalf("fresh library: WindowState() = %+v, %v; want zero", w, err)
	}
	want := ReadingSettings{TextSize: 20, Column: "narrow", Spacing: "relaxed", Theme: "sepia"}
	win := WindowState{Width: 900, Height: 640, LibraryWidth: 250, PanelWidth: 380, LibraryHidden: true}
	if err := db.SetReadingSettings(want); err != nil {
		t.Fatal(err)
	}
	if err := db.SetWindowState(win); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, _ = mustOpenDir(t, dir)
	if got, err := db.ReadingSettings(); err != nil || got != want {
		t.Errorf("after reopen ReadingSettings() = %+v, %v; want %+v", got, err, want)
	}
	if got, err := db.WindowState(); err != nil || got != win {
		t.Errorf("after reopen WindowState() = %+v, %v; want %+v", got, err, win)
	}
}

// TestUnreadableSettingIsReportedNotUsed: a value that is not JSON gives an
// error and zero settings, and is left in the file as it was.
func TestUnreadableSettingIsReportedNotUsed(t *testing.T) {
	db := mustOpen(t)
	err := db.bolt.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(settingsBucket).Put(readingKey, []byte(`{"textSize": "huge"`))
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.ReadingSettings()
	if err == nil || !strings.Contains(err.Error(), "reading") {
		t.Errorf("ReadingSettings() error = %v, want one naming the setting", err)
	}
	if s != (ReadingSettings{}) {
		t.Errorf("ReadingSettings() = %+v, want zero", s)
	}
	_ = db.bolt.View(func(tx *bbolt.Tx) error {
		if got := string(tx.Bucket(settingsBucket).Get(readingKey)); got != `{"textSize": "huge"` {
			t.Errorf("the stored value became %q", got)
		}
		return nil
	})
}
