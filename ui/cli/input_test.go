package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is standard input that never ends: valid text, forever. It counts
// what was read, to show that a command stopped at the bound.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "Gao and Mopti. "[(e.read+int64(i))%15]
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestEndlessInputStopsAtTheBound(t *testing.T) {
	for _, args := range [][]string{{"text", "-"}, {"places", "-"}, {"places", "--text", "-"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			in := &endless{}
			r := run(t, runOptions{input: in}, args...)
			oneLineError(t, r, ExitFailure, "standard input: more than 64 MB")
			if r.stdout != "" {
				t.Errorf("stdout = %.80q, want nothing", r.stdout)
			}
			if in.read > MaxInputBytes+1 {
				t.Errorf("read %d bytes, want at most %d", in.read, MaxInputBytes+1)
			}
		})
	}
}

func TestDevZeroStopsAtTheBound(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	r := run(t, runOptions{}, "places", "--text", "/dev/zero")
	oneLineError(t, r, ExitFailure, "/dev/zero: more than 64 MB")
}

// A regular file over the bound is refused by its size, before it is read:
// a sparse file stands for a large one.
func TestFileOverTheBoundIsRefused(t *testing.T) {
	dir := t.TempDir()
	big := func(name string) string {
		path := filepath.Join(dir, name)
		writeFile(t, path, "")
		if err := os.Truncate(path, MaxInputBytes+1); err != nil {
			t.Fatal(err)
		}
		return path
	}
	md, txt, notes := big("huge.md"), big("huge.txt"), big("notes.json")
	for _, args := range [][]string{{"text", md}, {"places", md}, {"places", "--text", txt}, {"import", notes}} {
		t.Run(strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
			r := run(t, runOptions{env: map[string]string{DataDirEnv: t.TempDir()}}, args...)
			oneLineError(t, r, ExitFailure, args[len(args)-1]+": more than 64 MB")
		})
	}
}

func TestInputAtTheBoundIsRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.txt")
	writeFile(t, path, "")
	if err := os.Truncate(path, MaxInputBytes); err != nil {
		t.Fatal(err)
	}
	c := &command{}
	data, err := c.readInput(path)
	if err != nil || len(data) != MaxInputBytes {
		t.Errorf("readInput = %d bytes, %v; want %d bytes", len(data), err, MaxInputBytes)
	}
}
