package cli

import (
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
	data, err := readAll(io.LimitReader(r, MaxInputBytes+1), int(size)+1)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInputBytes {
		return nil, inputTooLarge(name)
	}
	return data, nil
}

// readAll is io.ReadAll starting with room for capacity bytes, so that a
// regular file is read into one allocation, not a series of ever larger
// copies: on this machine touching fresh memory costs about 4 ms a MB.
func readAll(r io.Reader, capacity int) ([]byte, error) {
	data := make([]byte, 0, max(capacity, 512))
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		} else if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // let append choose the growth
		}
	}
}

func inputTooLarge(name string) error {
	if name == "-" {
		name = "standard input"
	}
	return fmt.Errorf("%s: more than %d MB; sahelreader reads at most %d MB from a file or standard input", name, MaxInputBytes>>20, MaxInputBytes>>20)
}
