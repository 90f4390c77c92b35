package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// decodeRecord reads one JSON record of the library into r, whose format
// number field is format, and refuses what this version cannot keep: a
// field it does not know is data the next write would drop, and another
// format number is a layout it does not know.
func decodeRecord(value []byte, r any, format *int, want int) error {
	dec := json.NewDecoder(bytes.NewReader(value))
	dec.DisallowUnknownFields()
	if err := dec.Decode(r); err != nil {
		return err
	}
	if *format != want {
		return fmt.Errorf("record format %d is not one this version reads (%d)", *format, want)
	}
	return nil
}
