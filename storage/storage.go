package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileName is the library file inside the data folder.
const FileName = "sahelreader.db"

// ErrAlreadyRunning is returned by Open when another process holds the
// library open.
var ErrAlreadyRunning = errors.New("Sahel Reader is already running")

// lockTimeout bounds the wait for bbolt's file lock, so a second instance
// reports ErrAlreadyRunning instead of hanging.
const lockTimeout = 1 * time.Second

// DB is the open library file.
type DB struct {
	bolt *bbolt.DB
	path string
}

// OpenReport tells the caller what Open had to do besides opening; the UI
// shows it to the user. It is filled in even when Open returns an error.
type OpenReport struct {
	// MovedAside, when non-empty, is where an unreadable file was moved
	// before a fresh library was started in its place.
	MovedAside string
	// Reason says why that file could not be used.
	Reason string
	// Restored names the buckets the file lacked although its version says
	// it has them; they were created again, empty.
	Restored []string
}

// Open opens the library in dir, creating dir (0700) and the file as needed.
//
// A file that is not a readable Sahel Reader library is renamed to
// FileName.corrupt-YYYYMMDD-HHMMSS[-N] in dir and a fresh library started;
// nothing is deleted or overwritten. A file written by a newer app is
// refused with *NewerSchemaError and not modified.
func Open(dir string) (*DB, OpenReport, error) {
	var report OpenReport
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, report, fmt.Errorf("cannot create library folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)

	err := inspect(path)
	if errors.Is(err, errNotLibrary) {
		report.Reason = err.Error()
		moved, mvErr := moveAside(path, time.Now())
		if mvErr != nil {
			return nil, report, fmt.Errorf("%s cannot be read (%v) and could not be moved aside: %w", path, err, mvErr)
		}
		report.MovedAside = moved
	} else if err != nil {
		return nil, report, err
	}

	bdb, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, report, openError(path, err)
	}
	if err := migrate(bdb); err != nil {
		_ = bdb.Close()
		var newer *NewerSchemaError
		if errors.As(err, &newer) {
			return nil, report, err
		}
		return nil, report, fmt.Errorf("cannot update library %s: %w", path, err)
	}
	if report.Restored, err = restoreMissingBuckets(bdb); err != nil {
		_ = bdb.Close()
		return nil, report, fmt.Errorf("cannot repair library %s: %w", path, err)
	}
	return &DB{bolt: bdb, path: path}, report, nil
}

// inspect decides, without writing, whether the file at path may be opened
// read-write: nil (absent or a library we can migrate), errNotLibrary,
// *NewerSchemaError, or an environment error (lock held, permissions, I/O).
//
// Reading is done read-only first because bbolt writes on a read-write open
// in some cases (it grows the file on Windows, rewrites a missing freelist)
// and a newer or foreign file must stay byte-for-byte intact.
func inspect(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("cannot read library %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		// bbolt ignores read errors while probing the page size, so a folder
		// would pass for an invalid database.
		return fmt.Errorf("cannot open library %s: it is not a regular file", path)
	}
	if info.Size() == 0 {
		// bbolt would silently initialise it read-write and fails with EBADF
		// read-only. It holds nothing, but its presence means something went wrong:
		// keep it and tell the user rather than guess.
		return fmt.Errorf("%w: the file is empty", errNotLibrary)
	}

	// SetPanicOnFault turns a fault on a mapped page into a panic on this
	// goroutine, which readOnly recovers.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// Page numbers are checked against the file size before anything but the
	// meta pages is read: in a truncated file they point past the end and
	// bbolt would read outside its memory map.
	if err := readOnly(path, false, checkLibrary); err != nil {
		return err
	}
	// Then the freelist, which a read-write open loads unconditionally.
	return readOnly(path, true, nil)
}

// checkLibrary is the cheap consistency check: the file holds every page the
// meta page counts, and meta and root buckets say the file is ours. A full
// tx.Check reads every page; BenchmarkCheck shows why Open does not run it.
func checkLibrary(tx *bbolt.Tx, file *os.File) error {
	info, err := file.Stat()
	if err != nil {
		return err
	}
	if tx.Size() > info.Size() {
		return fmt.Errorf("%w: the file is truncated (%d of %d bytes)", errNotLibrary, info.Size(), tx.Size())
	}
	_, err = libraryVersion(tx)
	return err
}

// readOnly opens path read-only, runs check (if any) in a read transaction
// and closes it again; bbolt's panics on corrupt pages become errNotLibrary.
func readOnly(path string, preloadFreelist bool, check func(*bbolt.Tx, *os.File) error) (err error) {
	var file *os.File // captured so a panic inside bbolt.Open cannot leak the lock
	var bdb *bbolt.DB
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if bdb == nil && file != nil { // after a successful open, the deferred Close below runs
			_ = file.Close()
		}
		err = fmt.Errorf("%w: reading it failed: %v", errNotLibrary, r)
	}()

	bdb, err = bbolt.Open(path, 0, &bbolt.Options{
		ReadOnly:        true,
		Timeout:         lockTimeout,
		PreLoadFreelist: preloadFreelist,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	if err != nil {
		if isEnvironmentError(err) {
			return openError(path, err)
		}
		return fmt.Errorf("%w: %v", errNotLibrary, err)
	}
	defer func() { _ = bdb.Close() }()
	if check == nil {
		return nil
	}
	return bdb.View(func(tx *bbolt.Tx) error { return check(tx, file) })
}

// isEnvironmentError tells failures of the system (lock held, permissions,
// I/O, mmap) from bbolt finding the content invalid; only the latter may
// lead to moving the file aside.
func isEnvironmentError(err error) bool {
	var pathErr *fs.PathError
	var sysErr *os.SyscallError
	var errno syscall.Errno
	return errors.Is(err, berrors.ErrTimeout) || errors.As(err, &pathErr) ||
		errors.As(err, &sysErr) || errors.As(err, &errno)
}

func openError(path string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%w: %s is in use by another process", ErrAlreadyRunning, path)
	}
	return fmt.Errorf("cannot open library %s: %w", path, err)
}

// moveAside renames path to path.corrupt-<now>, adding -2, -3, ... when that
// name is taken, and returns the new name.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.Format("20060102-150405")
	for n := 1; ; n++ {
		target := base
		if n > 1 {
			target = fmt.Sprintf("%s-%d", base, n)
		}
		// Claim the name with O_EXCL first: rename replaces an existing
		// target, and an earlier moved-aside file must never be overwritten.
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", err
		}
		if err := f.Close(); err != nil {
			return "", err
		}
		if err := os.Rename(path, target); err != nil {
			_ = os.Remove(target)
			return "", err
		}
		return target, nil
	}
}

// Close closes the library file and releases its lock.
func (db *DB) Close() error {
	return db.bolt.Close()
}

// Path returns the library file's path.
func (db *DB) Path() string {
	return db.path
}

// SchemaVersion returns how many migrations the file has seen.
func (db *DB) SchemaVersion() (int, error) {
	var v int
	err := db.bolt.View(func(tx *bbolt.Tx) (err error) {
		v, err = libraryVersion(tx)
		return err
	})
	return v, err
}
