// Package storage keeps everything the user creates in one bbolt file,
// FileName, in DefaultDir (the folder Fyne gives the app) or a folder the
// caller chooses.
//
// # File layout
//
//	bucket "meta"
//	  "schema"        uint64, 8 bytes big-endian: how many migrations have run
//	bucket "settings"
//	  "last-article"  UTF-8 article ID last open in the reader; absent until set
//	  "reading"       JSON reading settings (reading.go): {"textSize": 18,
//	                  "column": "narrow"|"medium"|"wide", "spacing":
//	                  "compact"|"normal"|"relaxed", "theme":
//	                  "system"|"light"|"dark"|"sepia"}; absent means the
//	                  defaults, and the window falls back to the default for
//	                  each value it cannot show
//	  "window"        JSON {"width", "height", "libraryWidth", "panelWidth",
//	                  "libraryHidden", "librarySort", "libraryFilter"}: the
//	                  window as the user left it
//	bucket "annotations"  (migration 2)
//	  articleID 0x00 annotationID   JSON: one highlight, note or bookmark
//	bucket "reading"  (migration 3)
//	  articleID       JSON: where the reader was in the article, and its star
//	bucket "place-corrections"  (migration 4)
//	  articleID       JSON: the reader's corrections of the article's places
//	bucket "imported"  (migration 5, imported.go)
//	  articleID       JSON: one imported article, body included
//	bucket "imported-hashes"
//	  body hash       the articleID whose body has it (duplicate detection)
//
// Bucket names and keys are the package variables in schema.go.
//
// # Annotations
//
// An annotation's key is the UTF-8 article ID, one NUL byte, then the
// annotation's lower-case UUID. One article's annotations are the keys with
// the prefix articleID+"\x00", which never matches a longer ID that merely
// starts the same ("gao" and "gao-timbuktu"); article IDs never contain NUL.
// The value is a JSON object (annotation_record.go), empty optional fields
// left out:
//
//	{"format": 1, "id": UUID, "article": article ID,
//	 "motivation": "highlighting" | "commenting" | "bookmarking",
//	 "color": "yellow" | "green" | "blue" | "pink" | "purple",
//	 "note": Markdown, "tags": [...],
//	 "created": RFC 3339 UTC, "modified": RFC 3339 UTC,
//	 "start": rune offset, "end": rune offset (exclusive),  TextPositionSelector
//	 "exact": quote, "prefix": up to 32 runes before,        TextQuoteSelector
//	 "suffix": up to 32 runes after,
//	 "textHash": hex SHA-256 of the text they were made on}
//
// "format" changes when old code would misread a record, and unknown formats
// or fields are refused. A record that fails to decode is reported with its
// key and skipped; it is never rewritten or deleted.
//
// # Reading positions
//
// A "reading" record, keyed by the UTF-8 article ID (reading.go):
//
//	{"format": 1, "top": rune offset at the top of the view,
//	 "furthest": furthest rune offset that was on screen,
//	 "length": the text's length in runes then,
//	 "lastRead": RFC 3339 UTC (absent if never opened), "saved": true (absent if not)}
//
// Position and star are written separately (SetReadingPosition, SetSaved),
// each keeping the other. A record that cannot be decoded is skipped when
// reading and never overwritten.
//
// # Place corrections
//
// One record per article, removed when it holds nothing:
//
//	{"format": 1,
//	 "marked": [{"start": rune offset, "end": rune offset (exclusive),
//	             "text": the span, "name", "country": ISO alpha-2,
//	             "lat", "lon", "geonameid", "feature": GeoNames code,
//	             "kind": "city" | "country" | "region" | "continent" | "area"}],
//	 "notPlaces": [place keys: GeoNames id, or "name|country"]}
//
// A marked place is stored whole so that the mark reads the same with
// another gazetteer. Unknown formats or fields are refused, as for
// annotations.
//
// # Backups
//
// A backup (backup.go) is a library file written by tx.WriteTo. Restoring
// one checks a private copy of it in full (tx.Check, a known schema) before
// it is renamed over the library, whose old file is kept, hard-linked, as
// FileName.before-restore-<time>.
//
// # Imported articles
//
// Their ids start with importer.IDPrefix ("my-"), which bundled articles may
// not use, and never change. The record is {"format": 1, "id", "title",
// "source", "url", "author", "published", "language", "summary", "tags",
// "hash": importer.Hash of the body, "added": RFC 3339, "body": Markdown}.
// An article, its hash entry and (on delete) its annotations change in one
// transaction, so an import or a delete is never half done.
//
// # Which files are ours
//
// A library has a "meta" bucket with an 8-byte "schema" value, or no
// buckets at all (bbolt created the file but the first migration never
// committed). Open moves anything else aside (FileName.corrupt-<time>),
// as well as files bbolt cannot read, and starts a fresh library; a schema
// newer than this build's is refused without touching the file.
//
// # Extending it
//
// Add buckets through a new migration appended to migrations (never edit a
// released one) and describe them above. Conventions, from the design notes:
// keys are big-endian sequence numbers or UUIDs; a record that belongs to an
// article is keyed articleID|childID so one prefix scan finds them; values
// are JSON with explicit field tags. Exported methods own the transaction
// (db.View / db.Update); unexported helpers take a *bbolt.Tx; bytes read in
// a transaction are copied before it ends. Update commits with fsync, so a
// method that returns nil has the write on disk.
package storage
