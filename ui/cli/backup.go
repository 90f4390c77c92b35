package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sahelreader/storage"
)

func (c *command) backup(args []string) int {
	fs := c.flags("sahelreader backup", "FILE",
		"Writes a copy of the whole library (annotations, place corrections, settings) to FILE,\n"+
			"replacing FILE only once the copy is complete and reads back. While the app is running\n"+
			"it keeps the library locked: use File > Back up… there instead.")
	rest, err := c.parse(fs, args, 1)
	if err != nil {
		return c.usageStatus(err)
	}
	dir, err := c.libraryDir()
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	info, err := storage.BackupDir(dir, rest[0])
	if errors.Is(err, storage.ErrLibraryInUse) {
		return c.fail(ExitLibraryBad, err)
	} else if err != nil {
		return c.fail(ExitFailure, err)
	}
	fmt.Fprintf(c.env.Stdout, "Backed up %s (%s, %d bytes) to %s\n",
		filepath.Join(dir, storage.FileName), plural(info.Annotations, "annotation"), info.Size, rest[0])
	return ExitOK
}

// isTerminal reports whether r is a terminal a person types into; tests
// replace it to answer the prompt.
var isTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (c *command) restore(args []string) int {
	fs := c.flags("sahelreader restore", "[--yes] FILE",
		"Replaces the library with the backup FILE, after checking that FILE is a whole library\n"+
			"this version can read. The library it replaces is kept beside it, named\n"+
			storage.FileName+".before-restore-<time>. Asks first unless --yes is given.")
	yes := fs.Bool("yes", false, "do not ask for confirmation (needed when standard input is not a terminal)")
	rest, err := c.parse(fs, args, 1)
	if err != nil {
		return c.usageStatus(err)
	}
	src := rest[0]
	dir, err := c.libraryDir()
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	info, err := storage.CheckBackup(src)
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	if !*yes {
		if !isTerminal(c.env.Stdin) {
			return c.fail(ExitUsage, errors.New("restore replaces the library: give --yes to confirm when not run from a terminal; nothing was changed"))
		}
		fmt.Fprintf(c.env.Stdout, "Replace the library in %s with the backup %s (%s)?\n"+
			"The current library will be kept beside it. [y/N] ", dir, src, plural(info.Annotations, "annotation"))
		answer, _ := bufio.NewReader(c.env.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(c.env.Stdout, "Nothing was changed.")
			return ExitFailure
		}
	}
	kept, err := storage.Restore(dir, src, time.Now())
	if err != nil {
		if errors.Is(err, storage.ErrLibraryInUse) {
			return c.fail(ExitLibraryBad, err)
		}
		return c.fail(ExitFailure, err)
	}
	fmt.Fprintf(c.env.Stdout, "Restored %s from %s.\n", filepath.Join(dir, storage.FileName), src)
	if kept != "" {
		fmt.Fprintf(c.env.Stdout, "The library it replaced is kept as %s.\n", kept)
	}
	return ExitOK
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
