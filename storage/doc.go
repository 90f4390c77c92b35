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
//
// Bucket names and keys are the package variables in schema.go.
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
