package export

import (
	"os"
	"path/filepath"
)

// WriteFiles writes files into dir, making it if missing. Each file is
// replaced only once complete (ReplaceFile); files already in dir that are
// not among them are left alone, as they may be the user's.
func WriteFiles(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := ReplaceFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// ReplaceFile writes data to a temporary file beside name and renames it
// over name once it is complete and synced, so a failed export never leaves
// half a file or destroys the previous one.
func ReplaceFile(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
