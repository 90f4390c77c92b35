// Command genoutlines builds ui/placemap/outlines.bin.gz, the country
// outlines the offline map draws, from Natural Earth's 1:50m admin-0
// countries as packaged in the npm package world-atlas.
//
// # Regenerating the outlines
//
//	npm install --prefix /tmp/outl world-atlas@2.0.2 world-countries@5.1.0
//	go run ./ui/placemap/internal/genoutlines -src /tmp/outl
//
// It keeps TopoJSON's shared arcs, so neighbours share one simplified
// border and the map shows no slivers between them; simplifies each arc with
// Douglas-Peucker in Web Mercator units (the map's projection, so the error
// is the same on screen at every latitude); tags each country with its ISO
// 3166-1 alpha-2 code (world-countries maps Natural Earth's numeric ids), so
// the map can emphasise the countries of the places an article names; and
// leaves out Antarctica, which Web Mercator cannot show. Commit the output;
// never commit the sources.
//
// # Attribution
//
// Made with Natural Earth (https://www.naturalearthdata.com/), public domain.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "", "npm install prefix holding node_modules/world-atlas and node_modules/world-countries (required)")
	out := flag.String("out", "ui/placemap/outlines.bin.gz", "file to write")
	tolerance := flag.Float64("tolerance", 0.01, "largest error of the simplified outlines, in degrees of longitude")
	flag.Parse()
	if *src == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(filepath.Join(*src, "node_modules"), *out, *tolerance); err != nil {
		log.Fatal(err)
	}
}

func run(modules, out string, tolerance float64) error {
	codes, err := readAlpha2(filepath.Join(modules, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	d, err := readTopology(filepath.Join(modules, "world-atlas", "countries-50m.json"), codes)
	if err != nil {
		return err
	}
	dropUnusedArcs(d)
	before := points(d)
	simplify(d, tolerance/360)
	data, err := d.Encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d countries, %d arcs, %d of %d points, %d bytes\n",
		out, len(d.Countries), len(d.Arcs), points(d), before, len(data))
	return nil
}
