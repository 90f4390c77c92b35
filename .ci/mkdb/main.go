// Command mkdb writes a Sahel Reader library file that claims a given schema
// version, for the end-to-end test of "written by a newer version":
//
//	go build -o mkdb .ci/mkdb/main.go
//	mkdb DIR/sahelreader.db 1000
//
// The encoding follows storage/schema.go: bucket "meta", key "schema", an
// 8-byte big-endian uint64 (storage treats values above MaxInt32 as not a
// library at all, so keep "newer" versions below that).
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"

	"go.etcd.io/bbolt"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkdb FILE SCHEMA-VERSION")
		os.Exit(2)
	}
	version, err := strconv.ParseUint(os.Args[2], 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkdb: schema version:", err)
		os.Exit(2)
	}
	if err := write(os.Args[1], version); err != nil {
		fmt.Fprintln(os.Stderr, "mkdb:", err)
		os.Exit(1)
	}
}

func write(path string, version uint64) error {
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
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
