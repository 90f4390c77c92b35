// Command dbtool reads and forges Sahel Reader library files for the
// end-to-end tests, which judge the app by what it stored:
//
//	go build -o dbtool .ci/dbtool/main.go
//	dbtool schema FILE 1000          # write a new library claiming schema 1000
//	dbtool get FILE BUCKET KEY       # print a stored value (read-only)
//
// The layout follows storage/doc.go: bucket "meta", key "schema", an 8-byte
// big-endian uint64 (storage treats values above MaxInt32 as not a library
// at all, so keep "newer" versions below that); bucket "settings" holds
// plain string values such as "last-article".
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"go.etcd.io/bbolt"
)

const usage = "usage: dbtool schema FILE VERSION | dbtool get FILE BUCKET KEY"

func main() {
	var err error
	switch {
	case len(os.Args) == 4 && os.Args[1] == "schema":
		var version uint64
		if version, err = strconv.ParseUint(os.Args[3], 10, 64); err == nil {
			err = writeSchema(os.Args[2], version)
		}
	case len(os.Args) == 5 && os.Args[1] == "get":
		err = get(os.Args[2], os.Args[3], os.Args[4])
	default:
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dbtool:", err)
		os.Exit(1)
	}
}

func writeSchema(path string, version uint64) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists", path)
	}
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		return meta.Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, version))
	})
	return errors.Join(err, db.Close())
}

func get(path, bucket, key string) error {
	// The timeout turns "the app still holds the file" into an error, not a hang.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return fmt.Errorf("no bucket %q", bucket)
		}
		v := b.Get([]byte(key))
		if v == nil {
			return fmt.Errorf("no key %q in bucket %q", key, bucket)
		}
		_, err := os.Stdout.Write(v)
		return err
	})
	return errors.Join(err, db.Close())
}
