package reader

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTagRunes bounds one tag: tags are labels, not notes.
const MaxTagRunes = 100

// CleanTags returns tags as an annotation keeps them: each trimmed with inner
// white space folded to one space, empty ones dropped, and later duplicates
// that differ only in case dropped (the first spelling is kept). A tag with a
// control character (tabs and line breaks included) or longer than
// MaxTagRunes is an error naming it. No tags give nil.
func CleanTags(tags []string) ([]string, error) {
	var clean []string
	for _, t := range tags {
		if !utf8.ValidString(t) {
			return nil, fmt.Errorf("tag %q is not valid UTF-8 text", t)
		}
		if strings.ContainsFunc(t, unicode.IsControl) {
			return nil, fmt.Errorf("tag %q contains a control character (tab, line break...); tags are one line of text", t)
		}
		t = strings.Join(strings.Fields(t), " ")
		if n := utf8.RuneCountInString(t); n > MaxTagRunes {
			return nil, fmt.Errorf("tag %q... is %d characters long; tags can be at most %d", string([]rune(t)[:20]), n, MaxTagRunes)
		}
		if t == "" || slices.ContainsFunc(clean, func(c string) bool { return strings.EqualFold(c, t) }) {
			continue
		}
		clean = append(clean, t)
	}
	return clean, nil
}

// checkCleanTags refuses tags that CleanTags would change, so stored and
// imported annotations obey the same rules as edited ones.
func checkCleanTags(tags []string) error {
	clean, err := CleanTags(tags)
	if err != nil {
		return err
	}
	if !slices.Equal(clean, tags) {
		return errors.New("tags are not trimmed and free of duplicates")
	}
	return nil
}
