// Package outline is the file of country outlines the map embeds (written
// by genoutlines, read by placemap) and the projection both draw them in.
//
// The file is gzip over: the magic line, then unsigned varints (u) and
// zig-zag varints (z):
//
//	u arcs
//	  per arc: u points, then per point z Δlon, z Δlat in hundredths of a
//	  degree (about 1 km), the first from 0,0
//	u countries
//	  per country: 2 bytes ISO 3166-1 alpha-2 ("--" for none), u polygons
//	    per polygon: u rings (the first the outer one)
//	      per ring: u arc references, each z: i is arc i, ^i arc i reversed
//
// As in TopoJSON, neighbours share their border's arcs, and consecutive
// arcs of a ring share an end point.
package outline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

const magic = "sahelreader outlines 1\n"

// quantum is the points per degree the file stores.
const quantum = 100

// Data is the outlines: arcs of lon, lat points and the countries made of them.
type Data struct {
	Arcs      [][][2]float64
	Countries []Country
}

// Country is one country's polygons of rings of arc references.
type Country struct {
	Code     string // ISO 3166-1 alpha-2, "" for none
	Polygons [][][]int
}

// Encode returns the gzipped file.
func (d *Data) Encode() ([]byte, error) {
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(d.Arcs)))
	for _, arc := range d.Arcs {
		b = binary.AppendUvarint(b, uint64(len(arc)))
		var lon, lat int64
		for _, p := range arc {
			x, y := int64(math.Round(p[0]*quantum)), int64(math.Round(p[1]*quantum))
			b = binary.AppendVarint(b, x-lon)
			b = binary.AppendVarint(b, y-lat)
			lon, lat = x, y
		}
	}
	b = binary.AppendUvarint(b, uint64(len(d.Countries)))
	for _, c := range d.Countries {
		code := c.Code
		if len(code) != 2 {
			code = "--"
		}
		b = append(b, code...)
		b = binary.AppendUvarint(b, uint64(len(c.Polygons)))
		for _, p := range c.Polygons {
			b = binary.AppendUvarint(b, uint64(len(p)))
			for _, r := range p {
				b = binary.AppendUvarint(b, uint64(len(r)))
				for _, ref := range r {
					b = binary.AppendVarint(b, int64(ref))
				}
			}
		}
	}
	var out bytes.Buffer
	z, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := z.Write(b); err != nil {
		return nil, err
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// errCorrupt reports a file that is not what Encode wrote.
var errCorrupt = errors.New("outline: corrupt file")

// Decode reads what Encode wrote.
func Decode(gzipped []byte) (*Data, error) {
	z, err := gzip.NewReader(bytes.NewReader(gzipped))
	if err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	r := &reader{r: bufio.NewReader(z)}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r.r, head); err != nil || string(head) != magic {
		return nil, errCorrupt
	}
	d := &Data{Arcs: make([][][2]float64, r.count())}
	for i := range d.Arcs {
		arc := make([][2]float64, r.count())
		var lon, lat int64
		for j := range arc {
			lon += r.varint()
			lat += r.varint()
			arc[j] = [2]float64{float64(lon) / quantum, float64(lat) / quantum}
		}
		d.Arcs[i] = arc
	}
	d.Countries = make([]Country, r.count())
	for i := range d.Countries {
		c := &d.Countries[i]
		c.Code = r.code()
		c.Polygons = make([][][]int, r.count())
		for j := range c.Polygons {
			rings := make([][]int, r.count())
			for k := range rings {
				refs := make([]int, r.count())
				for l := range refs {
					refs[l] = r.ref(len(d.Arcs))
				}
				rings[k] = refs
			}
			c.Polygons[j] = rings
		}
	}
	if _, err := r.r.ReadByte(); err != io.EOF { // trailing bytes, or a checksum that fails
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
	}
	return d, nil
}

// reader reads the file's numbers, keeping the first error so that the
// decoder reads straight through and checks once.
type reader struct {
	r   *bufio.Reader
	err error
}

// maxCount bounds every count, so a corrupt file cannot ask for gigabytes.
const maxCount = 1 << 20

func (r *reader) count() int {
	n, err := binary.ReadUvarint(r.r)
	if err != nil || n > maxCount {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) varint() int64 {
	n, err := binary.ReadVarint(r.r)
	if err != nil {
		r.fail()
	}
	return n
}

func (r *reader) ref(arcs int) int {
	n := r.varint()
	if i := max(n, ^n); i >= int64(arcs) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) code() string {
	var b [2]byte
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		r.fail()
	}
	if b == [2]byte{'-', '-'} {
		return ""
	}
	return string(b[:])
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errCorrupt
	}
}
