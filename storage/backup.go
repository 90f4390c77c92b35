package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"
)

// A backup is a copy of the library file as one transaction saw it, written
// by bbolt's tx.WriteTo, so it is itself a library file: restoring it is
// checking it and putting it in the library's place.

// BackupInfo describes a library file found fit to restore.
type BackupInfo struct {
	Schema      int   // migrations it has seen; older ones are brought up to date on open
	Annotations int   // annotation records
	Size        int64 // bytes
}

// ErrLibraryInUse is returned by BackupDir and Restore while the app has
// the library open: bbolt's lock keeps other processes out of the file.
var ErrLibraryInUse = errors.New("Sahel Reader is running with this library and keeps it locked: " +
	"use File > Back up… or File > Restore… in the app, or quit it and try again")

// Backup writes a copy of the open library to dest while it stays in use
// (a read transaction: writes wait for nothing and are simply not in it).
// dest is replaced only once the copy is complete, synced and checked.
// It returns what the backup holds, as CheckBackup reads it.
func (db *DB) Backup(dest string) (BackupInfo, error) { return writeBackup(db.bolt, dest) }

// BackupDir is Backup for the library in dir when no process has it open:
// it opens the file read-only and changes nothing in dir.
func BackupDir(dir, dest string) (BackupInfo, error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err != nil {
		return BackupInfo{}, fmt.Errorf("no library to back up: %w", err)
	}
	if err := inspect(path); errors.Is(err, ErrAlreadyRunning) {
		return BackupInfo{}, ErrLibraryInUse
	} else if err != nil {
		return BackupInfo{}, err
	}
	bdb, err := bbolt.Open(path, 0, &bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		if errors.Is(openError(path, err), ErrAlreadyRunning) {
			return BackupInfo{}, ErrLibraryInUse
		}
		return BackupInfo{}, openError(path, err)
	}
	defer func() { _ = bdb.Close() }()
	return writeBackup(bdb, dest)
}

// writeBackup copies bdb to a temporary file beside dest, checks the copy
// as a restore would, and renames it over dest.
func writeBackup(bdb *bbolt.DB, dest string) (info BackupInfo, err error) {
	if same, _ := sameFile(bdb.Path(), dest); same {
		return info, fmt.Errorf("%s is the library itself: choose another file for the backup", dest)
	}
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return info, fmt.Errorf("cannot write the backup: %w", err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = bdb.View(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	}); err != nil {
		return info, fmt.Errorf("cannot write the backup: %w", err)
	}
	if err = f.Sync(); err != nil {
		return info, fmt.Errorf("cannot write the backup: %w", err)
	}
	if err = f.Close(); err != nil {
		return info, fmt.Errorf("cannot write the backup: %w", err)
	}
	if info, err = checkFile(f.Name()); err != nil {
		return info, fmt.Errorf("the backup written does not read back: %w", err)
	}
	if err = os.Rename(f.Name(), dest); err != nil {
		return info, fmt.Errorf("cannot write the backup: %w", err)
	}
	return info, syncDir(filepath.Dir(dest))
}

// CheckBackup tells whether src can be restored, reading a private copy of
// it so that src itself is neither locked nor changed.
func CheckBackup(src string) (BackupInfo, error) {
	tmp, info, err := copyAndCheck(os.TempDir(), src)
	if tmp != "" {
		_ = os.Remove(tmp)
	}
	return info, err
}

// Restore puts the backup src in place of the library in dir, which no
// process may have open. src is copied and checked before anything in dir
// changes; the library it replaces is kept beside it as
// FileName.before-restore-<time>, whose path is returned ("" when there
// was no library).
func Restore(dir, src string, now time.Time) (kept string, err error) {
	path := filepath.Join(dir, FileName)
	// A damaged library may be replaced (it is kept); a locked one may not.
	if err := inspect(path); errors.Is(err, ErrAlreadyRunning) {
		return "", ErrLibraryInUse
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create library folder %s: %w", dir, err)
	}
	tmp, _, err := copyAndCheck(dir, src)
	if err != nil {
		if tmp != "" {
			_ = os.Remove(tmp)
		}
		return "", err
	}
	return swapIn(path, tmp, now)
}

// Restore puts the backup src in place of this open library and reopens
// it, bringing an older backup up to date. src is checked first; on any
// error before the swap the library is as it was and still open. The
// replaced library is kept as Restore (the function) keeps it.
func (db *DB) Restore(src string, now time.Time) (kept string, err error) {
	tmp, _, err := copyAndCheck(filepath.Dir(db.path), src)
	if err != nil {
		if tmp != "" {
			_ = os.Remove(tmp)
		}
		return "", err
	}
	if err := db.bolt.Close(); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	kept, swapErr := swapIn(db.path, tmp, now)
	bdb, err := bbolt.Open(db.path, 0o600, &bbolt.Options{Timeout: lockTimeout})
	if err == nil {
		if err = migrate(bdb); err != nil {
			_ = bdb.Close()
		}
	}
	if err != nil {
		return kept, fmt.Errorf("the library could not be opened again (%w); quit Sahel Reader and start it again", errors.Join(swapErr, err))
	}
	db.bolt = bdb
	return kept, swapErr
}

// copyAndCheck copies src into dir under a temporary name and checks the
// copy; it returns the copy's path whenever one was made.
func copyAndCheck(dir, src string) (tmp string, info BackupInfo, err error) {
	in, err := os.Open(src)
	if err != nil {
		return "", info, fmt.Errorf("cannot read the backup: %w", err)
	}
	defer func() { _ = in.Close() }()
	if st, err := in.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", info, fmt.Errorf("%s is not a backup file", src)
	}
	out, err := os.CreateTemp(dir, "."+FileName+".restore-*.tmp")
	if err != nil {
		return "", info, err
	}
	_, err = io.Copy(out, in)
	err = errors.Join(err, out.Sync(), out.Close())
	if err != nil {
		return out.Name(), info, fmt.Errorf("cannot copy the backup: %w", err)
	}
	info, err = checkFile(out.Name())
	if err != nil {
		var newer *NewerSchemaError
		if errors.As(err, &newer) {
			return out.Name(), info, fmt.Errorf("%s is from a newer version of Sahel Reader (library format %d; this version knows up to %d): "+
				"update Sahel Reader to restore it; nothing was changed", src, newer.Found, newer.Known)
		}
		return out.Name(), info, fmt.Errorf("%s is not a Sahel Reader backup that can be restored (%v); nothing was changed", src, err)
	}
	return out.Name(), info, nil
}

// checkFile reads a whole library file read-only: every page reachable
// (bbolt's own check), a schema this build knows, and its records countable.
func checkFile(path string) (BackupInfo, error) {
	var info BackupInfo
	st, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	if st.Size() == 0 {
		return info, fmt.Errorf("%w: the file is empty", errNotLibrary)
	}
	info.Size = st.Size()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = readOnly(path, true, func(tx *bbolt.Tx, file *os.File) error {
		if err := checkLibrary(tx, file); err != nil {
			return err
		}
		if tx.Bucket(metaBucket) == nil {
			return fmt.Errorf("%w: it holds no library", errNotLibrary)
		}
		var problems []error
		for err := range tx.Check() { // drained: the check runs on until it closes the channel
			problems = append(problems, err)
		}
		if len(problems) > 0 {
			return fmt.Errorf("%w: %v", errNotLibrary, problems[0])
		}
		info.Schema, _ = libraryVersion(tx)
		if b := tx.Bucket(annotationsBucket); b != nil {
			info.Annotations = b.Stats().KeyN
		}
		return nil
	})
	return info, err
}

// swapIn keeps the library at path under a new name and renames tmp over
// it. The old file is hard-linked first, so there is always a library at
// path; where links are impossible it is renamed.
func swapIn(path, tmp string, now time.Time) (kept string, err error) {
	if _, err := os.Lstat(path); err == nil {
		if kept, err = keepAside(path, now); err != nil {
			_ = os.Remove(tmp)
			return "", fmt.Errorf("cannot keep the current library; nothing was changed: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return kept, fmt.Errorf("cannot put the backup in place of the library: %w", err)
	}
	return kept, syncDir(filepath.Dir(path))
}

// keepAside names the library file also path.before-restore-<now>[-N].
func keepAside(path string, now time.Time) (string, error) {
	base := path + ".before-restore-" + now.Format("20060102-150405")
	for n := 1; ; n++ {
		target := base
		if n > 1 {
			target = fmt.Sprintf("%s-%d", base, n)
		}
		err := os.Link(path, target)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			if _, statErr := os.Lstat(target); statErr == nil {
				continue
			}
			return target, os.Rename(path, target)
		}
		return target, nil
	}
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}
