package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"sahelreader/articles"
	"sahelreader/storage"
)

// testVersion is deliberately not the release, so `version` must print what
// Env says rather than a constant of its own.
const testVersion = "9.8.7"

// result is what one in-process run printed and returned.
type result struct {
	status         int
	stdout, stderr string
	startupError   string
	guiReport      *storage.OpenReport
	guiDir         string
}

type runOptions struct {
	stdin  string
	input  io.Reader // standard input instead of stdin, when set
	env    map[string]string
	guiErr error
}

func run(t *testing.T, opts runOptions, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	var res result
	stdin := opts.input
	if stdin == nil {
		stdin = strings.NewReader(opts.stdin)
	}
	res.status = Run(args, Env{
		Stdin:  stdin,
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string {
			if v, ok := opts.env[k]; ok {
				return v
			}
			if k == "DISPLAY" { // the tests' GUI needs none; say there is one
				return ":0"
			}
			return ""
		},
		Version: testVersion,
		GUI: func(db *storage.DB, report storage.OpenReport) error {
			res.guiReport = &report
			res.guiDir = filepath.Dir(db.Path())
			if err := db.SetLastArticle("bamako"); err != nil {
				t.Errorf("library not writable in GUI: %v", err)
			}
			return opts.guiErr
		},
		StartupError: func(message string) { res.startupError = message },
	})
	res.stdout, res.stderr = out.String(), errOut.String()
	return res
}

// oneLineError checks the failure convention: a single "sahelreader: ..." line on stderr.
func oneLineError(t *testing.T, r result, wantStatus int, mention string) {
	t.Helper()
	if r.status != wantStatus {
		t.Errorf("status = %d, want %d (stderr %q)", r.status, wantStatus, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "sahelreader: ") || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, mention) {
		t.Errorf("stderr = %q, want one line mentioning %q", r.stderr, mention)
	}
}

func TestVersionPrintsWhatMainPasses(t *testing.T) {
	r := run(t, runOptions{}, "version")
	if r.status != ExitOK || r.stdout != "Sahel Reader "+testVersion+"\n" || r.stderr != "" {
		t.Fatalf("version: %d %q %q", r.status, r.stdout, r.stderr)
	}
}

func TestList(t *testing.T) {
	all, err := articles.All()
	if err != nil {
		t.Fatal(err)
	}
	lib := runOptions{env: map[string]string{DataDirEnv: t.TempDir()}}
	r := run(t, lib, "list")
	if r.status != ExitOK || !strings.HasPrefix(r.stdout, "ID ") || strings.Count(r.stdout, "\n") != len(all)+1 {
		t.Errorf("list: %d %q", r.status, r.stdout)
	}
	r = run(t, lib, "list", "--json")
	var rows []listedArticle
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != len(all) {
		t.Fatalf("list --json: %v %q", err, r.stdout)
	}
	for i, a := range all {
		want := listedArticle{ID: a.ID, Title: a.Title, Published: a.Published.Format("2006-01-02"), Source: a.Source}
		if rows[i] != want {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want)
		}
	}
}

func TestTextOfLibraryArticleFileAndStdin(t *testing.T) {
	seed, _ := articles.ByID(articles.DefaultID)
	r := run(t, runOptions{}, "text", articles.DefaultID)
	if r.status != ExitOK || r.stdout != seed.Document().Text {
		t.Errorf("text ID: %d, %d bytes, stderr %q", r.status, len(r.stdout), r.stderr)
	}
	if !strings.Contains(r.stdout, "Bamako") {
		t.Error("seed text does not mention Bamako")
	}

	dir := t.TempDir()
	plain := filepath.Join(dir, "notes.md")
	writeFile(t, plain, "# Gao\n\nThe *river* at Gao.\n")
	if r := run(t, runOptions{}, "text", plain); r.stdout != "Gao\nThe river at Gao." {
		t.Errorf("text FILE = %q (stderr %q)", r.stdout, r.stderr)
	}
	article := filepath.Join(dir, "article.md")
	writeFile(t, article, "---\nid: x\ntitle: Title here\npublished: 2024-01-02\n---\nBody.\n")
	if r := run(t, runOptions{}, "--data-dir", dir, "text", article); r.stdout != "Title here\nBody." {
		t.Errorf("text FILE with front matter = %q (stderr %q)", r.stdout, r.stderr)
	}
	if r := run(t, runOptions{stdin: "- one\n- two"}, "text", "-"); r.stdout != "one\ntwo" {
		t.Errorf("text - = %q", r.stdout)
	}
}

func TestBadInputGivesOneLineError(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "image.md")
	writeFile(t, binary, "PNG\x00\x01\x02")
	invalid := filepath.Join(dir, "latin1.md")
	writeFile(t, invalid, "caf\xe9")
	badFront := filepath.Join(dir, "bad.md")
	writeFile(t, badFront, "---\ntitle: [unclosed\n---\nbody")
	tests := []struct {
		name    string
		args    []string
		status  int
		mention string
	}{
		{"unknown command", []string{"frobnicate"}, ExitUsage, "unknown command"},
		{"unknown flag", []string{"list", "--colour"}, ExitUsage, "colour"},
		{"text without argument", []string{"text"}, ExitUsage, "1 argument"},
		{"version with argument", []string{"version", "x"}, ExitUsage, "0 argument"},
		{"unknown article", []string{"text", "no-such-article"}, ExitFailure, "no-such-article"},
		{"binary file", []string{"text", binary}, ExitFailure, "binary"},
		{"invalid UTF-8", []string{"text", invalid}, ExitFailure, "UTF-8"},
		{"bad front matter", []string{"text", badFront}, ExitFailure, "front matter"},
		{"unreadable path", []string{"text", dir}, ExitFailure, dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, runOptions{}, tt.args...)
			oneLineError(t, r, tt.status, tt.mention)
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"text", "--help"}, {"list", "-h"}} {
		r := run(t, runOptions{}, args...)
		if r.status != ExitOK || !strings.Contains(r.stdout, "Usage: sahelreader") || !strings.Contains(r.stdout, "-data-dir") {
			t.Errorf("%v: %d %q", args, r.status, r.stdout)
		}
	}
	if r := run(t, runOptions{}, "--help"); !strings.Contains(r.stdout, "text ID|FILE|-") {
		t.Errorf("--help lists no commands: %q", r.stdout)
	}
}

func TestGUIUsesDataDirFlagThenEnvironment(t *testing.T) {
	flagDir, envDir := t.TempDir(), t.TempDir()
	env := map[string]string{DataDirEnv: envDir}
	if r := run(t, runOptions{env: env}, "--data-dir", flagDir); r.status != ExitOK || r.guiDir != flagDir {
		t.Errorf("--data-dir: status %d, GUI opened %q (stderr %q)", r.status, r.guiDir, r.stderr)
	}
	if r := run(t, runOptions{env: env}); r.status != ExitOK || r.guiDir != envDir {
		t.Errorf("$%s: status %d, GUI opened %q", DataDirEnv, r.status, r.guiDir)
	}
	assertLastArticle(t, envDir, "bamako")
}

func TestGUIRefusesALibraryInUse(t *testing.T) {
	dir := t.TempDir()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := run(t, runOptions{}, "--data-dir", dir)
	oneLineError(t, r, ExitLibraryBad, "Sahel Reader is already running")
	if r.guiReport != nil || !strings.Contains(r.startupError, "already running") {
		t.Errorf("GUI ran %v, startup error %q", r.guiReport, r.startupError)
	}
}

func TestGUIStartsFreshBesideACorruptLibrary(t *testing.T) {
	dir := t.TempDir()
	garbage := bytes.Repeat([]byte("not a database "), 500)
	writeFile(t, filepath.Join(dir, storage.FileName), string(garbage))
	r := run(t, runOptions{}, "--data-dir", dir)
	if r.status != ExitOK || r.guiReport == nil || r.guiReport.MovedAside == "" {
		t.Fatalf("status %d, report %+v, stderr %q", r.status, r.guiReport, r.stderr)
	}
	if !strings.Contains(r.stderr, r.guiReport.MovedAside) {
		t.Errorf("stderr %q does not say where the file went", r.stderr)
	}
	kept, err := os.ReadFile(r.guiReport.MovedAside)
	if err != nil || !bytes.Equal(kept, garbage) {
		t.Errorf("moved-aside file differs from the original (err %v)", err)
	}
	assertLastArticle(t, dir, "bamako")
}

func TestGUIErrorIsReportedAndLibraryClosed(t *testing.T) {
	dir := t.TempDir()
	r := run(t, runOptions{guiErr: errors.New("no display")}, "--data-dir", dir)
	oneLineError(t, r, ExitFailure, "no display")
	assertLastArticle(t, dir, "bamako") // the library was closed: it opens again
}

func assertLastArticle(t *testing.T, dir, want string) {
	t.Helper()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.LastArticle(); err != nil || got != want {
		t.Errorf("last article = %q, %v; want %q", got, err, want)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestNoDisplaySaysSoInsteadOfStarting(t *testing.T) {
	dir := t.TempDir()
	r := run(t, runOptions{env: map[string]string{"DISPLAY": "", DataDirEnv: dir}})
	if displayMissing(runtime.GOOS, func(string) string { return "" }) == "" {
		if r.guiReport == nil {
			t.Errorf("without DISPLAY on %s the window did not try to open: %q", runtime.GOOS, r.stderr)
		}
		return
	}
	oneLineError(t, r, ExitFailure, "no graphical display")
	if r.guiReport != nil {
		t.Error("the window was started without a display")
	}
	if _, err := os.Stat(filepath.Join(dir, storage.FileName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a library file was made for a window that cannot open: %v", err)
	}
	if displayMissing("linux", func(k string) string { return map[string]string{"WAYLAND_DISPLAY": "wayland-0"}[k] }) != "" {
		t.Error("a Wayland session was taken for no display")
	}
}

func TestALibraryLackingABucketIsRepairedAndSaidSo(t *testing.T) {
	dir := t.TempDir()
	db, _, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// A file at the current version without its reading bucket, as a
	// development build with other migration numbers left one.
	bdb, err := bbolt.Open(filepath.Join(dir, storage.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("reading")) }); err != nil {
		t.Fatal(err)
	}
	bdb.Close()

	r := run(t, runOptions{}, "--data-dir", dir, "list")
	if r.status != ExitOK || !strings.Contains(r.stderr, "the library file lacked reading; started again, empty") {
		t.Errorf("status %d, stderr %q", r.status, r.stderr)
	}
	if again := run(t, runOptions{}, "--data-dir", dir, "list"); again.stderr != "" {
		t.Errorf("the second run still reports: %q", again.stderr)
	}
}
