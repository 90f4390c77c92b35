package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExportMarkdownFolder(t *testing.T) {
	dir := annotatedLibrary(t)
	out := filepath.Join(t.TempDir(), "notes", "sahel")
	r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "md", "-o", out)
	if r.status != ExitOK || r.stderr != "" || r.stdout != "Wrote 2 file(s) to "+out+"\n" {
		t.Fatalf("export md: %d %q %q", r.status, r.stdout, r.stderr)
	}
	if got := dirEntries(t, out); !slices.Equal(got, []string{"bamako.md", "gao-timbuktu.md"}) {
		t.Fatalf("files %v", got)
	}
	gao, err := os.ReadFile(filepath.Join(out, "gao-timbuktu.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"---\nid: gao-timbuktu\ntitle: 'Gao and Timbuktu: the cities of the Niger bend'\n", "\n# Gao and Timbuktu", "\n## Highlights\n", "> blue\n\n^"} {
		if !strings.Contains(string(gao), want) {
			t.Errorf("gao-timbuktu.md lacks %q:\n%s", want, gao)
		}
	}
	if n := strings.Count(string(gao), "> blue\n\n^"); n != 2 {
		t.Errorf("%d highlights in gao-timbuktu.md, want 2", n)
	}

	// again: the same bytes, and a file of the user's in the folder is kept
	mine := filepath.Join(out, "my notes.md")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, runOptions{}, "--data-dir", dir, "export", "--format", "md", "-o", out); r.status != ExitOK {
		t.Fatalf("second export: %q", r.stderr)
	}
	again, _ := os.ReadFile(filepath.Join(out, "gao-timbuktu.md"))
	if string(again) != string(gao) {
		t.Error("a second export changed the file")
	}
	if got := dirEntries(t, out); !slices.Equal(got, []string{"bamako.md", "gao-timbuktu.md", "my notes.md"}) {
		t.Errorf("files after a second export: %v", got)
	}

	one := t.TempDir()
	r = run(t, runOptions{}, "--data-dir", dir, "export", "--format", "md", "--article", "mopti-central-mali", "-o", one)
	if got := dirEntries(t, one); r.status != ExitOK || !slices.Equal(got, []string{"mopti-central-mali.md"}) {
		t.Errorf("one article without annotations: %d %v %q", r.status, got, r.stderr)
	}
}

func TestExportMarkdownNeedsAFolder(t *testing.T) {
	dir := annotatedLibrary(t)
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "export", "--format", "md"), ExitUsage, "-o DIR")
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	oneLineError(t, run(t, runOptions{}, "--data-dir", dir, "export", "--format", "md", "-o", file), ExitFailure, "a-file")
	if data, _ := os.ReadFile(file); string(data) != "x" {
		t.Error("the file in the way was changed")
	}
}
