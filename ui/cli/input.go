package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxInputBytes bounds what `text`, `places` and `import NOTES.json` read
// from one file or standard input (64 MB). It is larger than the app's
// import limit (importer.MaxFileBytes, 20 MB) because scripts run `places
// --text` on whole collections of 50 MB; /dev/zero or an endless pipe stops
// here instead of filling memory.
const MaxInputBytes = 64 << 20

// readInput reads the file name, or standard input for "-", whole, up to
// MaxInputBytes. A regular file over the limit is refused by its size
// before reading; any other stream is read one byte past it at most. The
// text is read straight into the string returned, with room for a regular
// file's size from the start: a 50 MB input is never copied.
func (c *command) readInput(name string) (string, error) {
	r, size := c.env.Stdin, int64(0)
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer func() { _ = f.Close() }()
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > MaxInputBytes {
				return "", inputTooLarge(name)
			}
			size = info.Size()
		}
		r = f
	}
	var sb strings.Builder
	sb.Grow(int(size) + 1)
	if _, err := io.Copy(&sb, io.LimitReader(r, MaxInputBytes+1)); err != nil {
		return "", err
	}
	if sb.Len() > MaxInputBytes {
		return "", inputTooLarge(name)
	}
	return sb.String(), nil
}

func inputTooLarge(name string) error {
	if name == "-" {
		name = "standard input"
	}
	return fmt.Errorf("%s: more than %d MB; sahelreader reads at most %d MB from a file or standard input", name, MaxInputBytes>>20, MaxInputBytes>>20)
}
