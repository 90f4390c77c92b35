// Package cli is Sahel Reader's command line: it parses the arguments, opens
// the library file where a command needs it, and either runs a sub-command or
// hands the open library to the graphical app. It has no Fyne dependency, so
// every command is tested in-process.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// DataDirEnv overrides the library folder, like --data-dir, for every command.
const DataDirEnv = "SAHELREADER_DATA_DIR"

// Exit statuses, so scripts can tell a refusal from a crash.
const (
	ExitOK         = 0
	ExitFailure    = 1 // a command failed: unreadable file, unknown article...
	ExitUsage      = 2 // bad arguments
	ExitLibraryBad = 3 // the library cannot be used: already running, newer schema, unwritable
)

// Env is what a run may touch besides its arguments.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Version        string // what `version` prints, from FyneApp.toml via main
	// GUI runs the app on an open library until its window closes.
	GUI func(db *storage.DB, report storage.OpenReport) error
	// StartupError tells a person who launched the app from a desktop menu
	// (and so sees no terminal) why it cannot start.
	StartupError func(message string)
}

// Run executes one command line and returns the process exit status.
func Run(args []string, env Env) int {
	c := &command{env: env}
	global := c.flags("sahelreader", "[--data-dir DIR] [COMMAND]", "Without a command, opens the reader window.")
	if err := global.Parse(args); err != nil {
		return c.usageStatus(err)
	}
	name, rest := "", global.Args()
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	switch name {
	case "":
		return c.gui()
	case "version":
		return c.version(rest)
	case "list":
		return c.list(rest)
	case "text":
		return c.text(rest)
	case "places":
		return c.places(rest)
	case "export":
		return c.export(rest)
	case "backup":
		return c.backup(rest)
	case "restore":
		return c.restore(rest)
	case "import":
		return c.importCmd(rest)
	case "search":
		return c.search(rest)
	case "help":
		c.help()
		return ExitOK
	}
	return c.fail(ExitUsage, fmt.Errorf("unknown command %q (see sahelreader --help)", name))
}

type command struct {
	env     Env
	dataDir string
	help    func() // prints the usage of the command being parsed
}

const commandList = `Commands:
  version             print the version
  list [--json]       list the library's articles (id, date, progress, source,
                      title; with --json also saved and last_read)
  text ID|FILE|-      print the canonical plain text of an article, a Markdown
                      file or standard input: exactly the text that the app's
                      highlight and bookmark positions index, with no newline added
  places [--text] ID|FILE|-  print as JSON the places a text mentions, offsets in code points
  export --format w3c|geojson|md [--article ID] [-o FILE|DIR]  the annotations as a
                      W3C collection, the places as a GeoJSON FeatureCollection, or
                      the highlights and notes as one Markdown file per article
  backup FILE         copy the whole library to FILE (not while the app runs)
  restore [--yes] FILE  check the backup FILE and put it in place of the library
  import PATH...      import Markdown, text and HTML files and folders as articles;
                      given .json files, merge W3C annotations (export --format w3c)
  search [--json] QUERY...  search the articles' titles and text and the notes and tags

Every command takes --data-dir DIR (or SAHELREADER_DATA_DIR) to use another
library folder than the per-user one. A file or standard input is read up
to 64 MB.
`

// flags makes a flag set for one command; every command takes --data-dir.
func (c *command) flags(name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&c.dataDir, "data-dir", c.dataDir, "library folder (default: the per-user app data folder, or $"+DataDirEnv+")")
	// The flag package prints errors with the whole usage; we print one line
	// ourselves (usageStatus) and the usage only when asked for it.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	c.help = func() {
		out := c.env.Stdout
		fmt.Fprintf(out, "Usage: %s %s\n%s\n\nOptions:\n", name, synopsis, about)
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		if name == "sahelreader" {
			fmt.Fprintf(out, "\n%s", commandList)
		}
	}
	return fs
}

// parse reads a sub-command's flags and checks how many arguments remain.
func (c *command) parse(fs *flag.FlagSet, args []string, wantArgs int) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() != wantArgs {
		return nil, fmt.Errorf("%s takes %d argument(s), got %d (see %s --help)", fs.Name(), wantArgs, fs.NArg(), fs.Name())
	}
	return fs.Args(), nil
}

func (c *command) version(args []string) int {
	fs := c.flags("sahelreader version", "", "Prints the version.")
	if _, err := c.parse(fs, args, 0); err != nil {
		return c.usageStatus(err)
	}
	fmt.Fprintf(c.env.Stdout, "Sahel Reader %s\n", c.env.Version)
	return ExitOK
}

// listedArticle is one line of `list --json`; its field names are a public format.
type listedArticle struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	Progress  float64 `json:"progress"`  // share of the text read, 0 to 1
	Saved     bool    `json:"saved"`     // starred in the app
	LastRead  *string `json:"last_read"` // RFC 3339, null if never opened
}

func (c *command) list(args []string) int {
	fs := c.flags("sahelreader list", "[--json]", "Lists the articles in the library, newest first, with how far each was read.")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if _, err := c.parse(fs, args, 0); err != nil {
		return c.usageStatus(err)
	}
	var all []reader.Article
	var states map[string]reader.ReadingState
	var unreadable []error
	status := c.useLibrary(func(db *storage.DB) (err error) {
		if all, err = articles.Library(db); err != nil {
			return err
		}
		states, unreadable, err = db.ReadingStates()
		return err
	})
	if status != ExitOK {
		return status
	}
	for _, u := range unreadable { // listed as never opened
		status = c.fail(ExitFailure, fmt.Errorf("%v; it was left out", u))
	}
	rows := make([]listedArticle, len(all))
	for i, a := range all {
		rows[i] = listedRow(a, states[a.ID])
	}
	if *asJSON {
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return c.fail(ExitFailure, err)
		}
		return status
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tREAD\tSOURCE\tTITLE")
	for i, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Published, readColumn(states[all[i].ID]), r.Source, r.Title)
	}
	if err := tw.Flush(); err != nil {
		return c.fail(ExitFailure, err)
	}
	return status
}

func (c *command) text(args []string) int {
	fs := c.flags("sahelreader text", "ID|FILE|-", "Prints the canonical plain text of a library article, a Markdown file or standard input.")
	rest, err := c.parse(fs, args, 1)
	if err != nil {
		return c.usageStatus(err)
	}
	doc, err := c.document(rest[0])
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	if _, err := io.WriteString(c.env.Stdout, doc.Text); err != nil {
		return c.fail(ExitFailure, err)
	}
	return ExitOK
}

// document finds what `text` names: "-" is standard input, an existing file
// is read from disk, anything else must be a library article's id.
func (c *command) document(name string) (*reader.Document, error) {
	var data string
	var err error
	switch _, statErr := os.Stat(name); {
	case name == "-", statErr == nil:
		data, err = c.readInput(name)
	default:
		a, ok, err := c.findArticle(name)
		if err != nil {
			return nil, err
		}
		if ok {
			return a.Document(), nil
		}
		return nil, fmt.Errorf("%q is neither a library article (see sahelreader list) nor a readable file", name)
	}
	if err != nil {
		return nil, err
	}
	return markdownDocument(name, data)
}

// markdownDocument reads a Markdown file the way the library does: with front
// matter it is an article and its title leads the text; without, it is all body.
func markdownDocument(name string, data string) (*reader.Document, error) {
	if !strings.HasPrefix(strings.TrimPrefix(data, "\uFEFF"), "---") {
		if err := checkText(data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return reader.Parse(data), nil
	}
	a, err := reader.ParseArticle([]byte(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a.Document(), nil
}

// gui opens the library and hands it to the app; problems with the library
// file are told on stderr and, for desktop launches, in a window.
func (c *command) gui() int {
	if why := displayMissing(runtime.GOOS, c.env.Getenv); why != "" {
		return c.fail(ExitFailure, errors.New(why))
	}
	dir, err := c.libraryDir()
	if err != nil {
		return c.fail(ExitFailure, err)
	}
	db, report, err := storage.Open(dir)
	if err != nil {
		c.fail(ExitLibraryBad, err)
		if c.env.StartupError != nil {
			c.env.StartupError(err.Error())
		}
		return ExitLibraryBad
	}
	c.tellOpenReport(report)
	runErr := c.env.GUI(db, report)
	if err := errors.Join(runErr, db.Close()); err != nil {
		return c.fail(ExitFailure, err)
	}
	return ExitOK
}

// displayMissing says why the window cannot open, or "" if it can try: on
// the X11 systems a window needs a display, and without one Fyne's driver
// panics with a stack trace instead of saying so (seen from an ssh session).
func displayMissing(goos string, getenv func(string) string) string {
	switch goos {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return "no graphical display (DISPLAY is not set): start Sahel Reader from a desktop session; the commands (see --help) work without one"
	}
	return ""
}

// libraryDir is --data-dir, else $SAHELREADER_DATA_DIR, else the per-user folder.
func (c *command) libraryDir() (string, error) {
	if c.dataDir != "" {
		return c.dataDir, nil
	}
	if dir := c.env.Getenv(DataDirEnv); dir != "" {
		return dir, nil
	}
	return storage.DefaultDir()
}

func (c *command) fail(status int, err error) int {
	fmt.Fprintf(c.env.Stderr, "sahelreader: %v\n", err)
	return status
}

// usageStatus turns a flag error into an exit status; -h/--help is not an error.
func (c *command) usageStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		c.help()
		return ExitOK
	}
	return c.fail(ExitUsage, err)
}

// checkText refuses what cannot be Markdown: invalid UTF-8 or binary bytes.
func checkText(data string) error {
	if !utf8.ValidString(data) {
		return errors.New("not valid UTF-8 text")
	}
	if strings.IndexByte(data, 0) >= 0 {
		return errors.New("binary data, not text")
	}
	return nil
}
