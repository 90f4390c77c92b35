package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sahelreader/reader"
)

// Status is what became of one file.
type Status int

const (
	Added     Status = iota // stored as a new article
	Duplicate               // skipped: an article with the same text is in the library
	Failed                  // not imported; Result.Err says why
)

// Result is one file's line of the import report.
type Result struct {
	Path   string
	Status Status
	// Article is the article stored (Added) or the one already in the
	// library with the same text (Duplicate).
	Article reader.Article
	Err     error
}

func (r Result) String() string {
	switch r.Status {
	case Added:
		return fmt.Sprintf("added      %s: %q (%s)", r.Path, r.Article.Title, r.Article.ID)
	case Duplicate:
		return fmt.Sprintf("duplicate  %s: same text as %q (%s), skipped", r.Path, r.Article.Title, r.Article.ID)
	}
	return fmt.Sprintf("failed     %s: %v", r.Path, r.Err)
}

// AddFunc stores one converted article whose body hashes to hash, in one
// transaction. It returns the stored article, with its id, or the article
// already in the library with the same hash and duplicate true.
type AddFunc func(a reader.Article, hash string) (stored reader.Article, duplicate bool, err error)

// Collect lists the files that paths name: files as given, folders
// searched recursively for the types Supported knows, hidden files and
// folders left out. A path that does not exist, or a file named on its own
// whose type is not imported, is a failed result. ignored counts the other
// files found in folders.
func Collect(paths []string) (files []string, failed []Result, ignored int) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			failed = append(failed, Result{Path: p, Status: Failed, Err: readError(err)})
		case info.IsDir():
			err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					failed = append(failed, Result{Path: path, Status: Failed, Err: readError(err)})
					return nil
				}
				hidden := path != p && strings.HasPrefix(d.Name(), ".")
				switch {
				case d.IsDir() && hidden:
					return filepath.SkipDir
				case d.IsDir(), hidden:
				case Supported(path):
					add(path)
				default:
					ignored++
				}
				return nil
			})
			if err != nil {
				failed = append(failed, Result{Path: p, Status: Failed, Err: readError(err)})
			}
		case !Supported(p):
			failed = append(failed, Result{Path: p, Status: Failed,
				Err: fmt.Errorf("%q files are not imported (only .md, .markdown, .txt, .html, .htm)", filepath.Ext(p))})
		default:
			add(p)
		}
	}
	return files, failed, ignored
}

// Import converts and stores files one at a time, calling each (if not
// nil) after every file with how many are done. A file that fails is
// reported and the next one tried. When ctx is cancelled it stops between
// two files: every file before is wholly stored, none after is touched,
// and the results cover only the files done.
func Import(ctx context.Context, files []string, add AddFunc, each func(done int, r Result)) []Result {
	results := make([]Result, 0, len(files))
	for _, path := range files {
		if ctx.Err() != nil {
			break
		}
		r := importFile(path, add)
		results = append(results, r)
		if each != nil {
			each(len(results), r)
		}
	}
	return results
}

func importFile(path string, add AddFunc) Result {
	r := Result{Path: path, Status: Failed}
	a, err := readArticle(path)
	if err != nil {
		r.Err = err
		return r
	}
	stored, dup, err := add(a, Hash(a.Body))
	if err != nil {
		r.Err = fmt.Errorf("could not be saved: %w", err)
		return r
	}
	r.Article, r.Status = stored, Added
	if dup {
		r.Status = Duplicate
	}
	return r
}

// readArticle reads and converts one file. What is not a regular file
// (a FIFO would block the open) and what is over MaxFileBytes are refused
// by their Stat, before reading; the read stops past the limit in case the
// file grew meanwhile.
func readArticle(path string) (reader.Article, error) {
	info, err := os.Stat(path)
	if err != nil {
		return reader.Article{}, readError(err)
	}
	if !info.Mode().IsRegular() {
		return reader.Article{}, errors.New("not a regular file")
	}
	if info.Size() > MaxFileBytes {
		return reader.Article{}, tooBig(info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return reader.Article{}, readError(err)
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return reader.Article{}, readError(err)
	}
	if len(data) > MaxFileBytes {
		return reader.Article{}, tooBig(int64(len(data)))
	}
	return Convert(path, data, info.ModTime())
}

func tooBig(size int64) error {
	return fmt.Errorf("the file is %.1f MB; files over %d MB are not imported", float64(size)/(1<<20), MaxFileBytes>>20)
}

// readError says in words what went wrong opening or reading a file.
func readError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("the file is not there (moved or deleted before it could be read)")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied: the file cannot be read")
	}
	return err
}

// Summary is the report's last line: how many files were added, skipped
// as duplicates, failed, and, when not zero, how many were not tried
// (cancelled) and how many other files the folders held.
func Summary(results []Result, notTried, ignored int) string {
	var counts [3]int
	for _, r := range results {
		counts[r.Status]++
	}
	s := fmt.Sprintf("%d added, %s, %d failed", counts[Added], count(counts[Duplicate], "duplicate", "duplicates"), counts[Failed])
	if notTried > 0 {
		s += fmt.Sprintf(", %d not imported (cancelled)", notTried)
	}
	if ignored > 0 {
		s += "; " + count(ignored, "other file in the folders is", "other files in the folders are") + " not of a type that is imported"
	}
	return s
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
