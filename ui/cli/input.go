package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// MaxInputBytes bounds what `text`, `places` and `import NOTES.json` read
// from one file or standard input (64 MB). It is larger than the app's
// import limit (importer.MaxFileBytes, 20 MB) because scripts run `places
// --text` on whole collections of 50 MB; /dev/zero or an endless pipe stops
// here instead of filling memory.
const MaxInputBytes = 64 << 20

// readInput reads the file name, or standard input for "-", whole, up to
// MaxInputBytes. A regular file over the limit is refused by its size
// before reading; any other stream is read one byte past it at most.
func (c *command) readInput(name string) ([]byte, error) {
	r, size := c.env.Stdin, int64(0)
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer func() { _ = f.Close() }()
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			if info.Size() > MaxInputBytes {
				return nil, inputTooLarge(name)
			}
			size = info.Size()
		}
		r = f
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead) // a regular file's bytes in one allocation
	if _, err := buf.ReadFrom(io.LimitReader(r, MaxInputBytes+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxInputBytes {
		return nil, inputTooLarge(name)
	}
	return buf.Bytes(), nil
}

func inputTooLarge(name string) error {
	if name == "-" {
		name = "standard input"
	}
	return fmt.Errorf("%s: more than %d MB; sahelreader reads at most %d MB from a file or standard input", name, MaxInputBytes>>20, MaxInputBytes>>20)
}
