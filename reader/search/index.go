// Package search is the library's full-text index: the canonical text,
// title and tags of every article, and the notes and tags of every
// annotation. Queries
// are case- and diacritic-insensitive (as reader.Fold), take phrases in
// double quotes, match the last word as a prefix while it is being typed, and
// rank by BM25 with title words weighing more. Hits are rune ranges of the
// article's canonical text (reader.Document.Text), so the reader can scroll to
// them and highlight them.
//
// The index lives in memory: building it for a library of 10,000 articles
// takes seconds on one core (docs/benchmarks.md), so the app builds it in the
// background at start-up and keeps it current with PutArticle,
// PutAnnotation, RemoveArticle and RemoveAnnotation; nothing is written to
// disk, so nothing on disk can go stale or break.
package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"sahelreader/reader"
)

// docKind says what a document of the index is.
type docKind uint8

const (
	articleDoc docKind = iota // an article's title and text
	tagsDoc                   // an article's own tags
	noteDoc                   // an annotation's note and tags
)

// doc is one indexed document. Deleted documents keep their slot (alive is
// false) until the next compaction, so postings need no rewriting.
type doc struct {
	kind       docKind
	key        string // its key in Index.byKey
	articleID  string
	annotation reader.Annotation // noteDoc only
	title      string            // articleDoc only
	text       string            // what token positions and snippets index
	tokens     int32             // how many tokens text has
	titleTo    int32             // tokens [0, titleTo) are the title's
	marks      []mark            // where every markEvery-th token starts
	alive      bool
}

// markEvery spaces the marks of a document's tokens: a search finds the
// text of a match by tokenising from the mark before it, not from the start
// of a long article, for 8 bytes of memory per markEvery tokens.
const markEvery = 64

// mark is where token number k*markEvery of a document's text starts.
type mark struct{ byteOff, runeOff int32 }

// postings is one term's occurrences, encoded compactly: for each document
// that has the term, in increasing document order, the uvarints
// (doc - previous doc, count, byte length of the positions) followed by the
// token positions as uvarint deltas. A phrase needs the positions; a reader
// that does not skips them by their length.
type postings struct {
	df   int32 // documents, dead ones included until compaction
	last int32 // the last document appended
	data []byte
}

// Index is a full-text index of a library. It is safe for concurrent use.
type Index struct {
	mu      sync.Mutex
	docs    []doc
	byKey   map[string]int32 // "a:"+article id or "n:"+annotation id -> doc
	terms   map[string]*postings
	sorted  []string // every term, sorted, for prefix matching...
	pending []string // ...but these, added since it was last sorted
	live    int
	tokens  int64  // tokens of the live documents, for BM25's average length
	scratch []byte // reused to encode positions
}

// New returns an empty index.
func New() *Index {
	return &Index{byKey: map[string]int32{}, terms: map[string]*postings{}}
}

// Build indexes a whole library at once: every article and annotation. It
// parses and tokenises articles on every core, a batch at a time, so that
// the postings of only one batch wait in memory.
func Build(arts []reader.Article, anns []reader.Annotation) *Index {
	x := New()
	const batch = 64
	prepared := make([]articleEntries, batch)
	for from := 0; from < len(arts); from += batch {
		todo := arts[from:min(from+batch, len(arts))]
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(todo)) {
			wg.Go(func() {
				for i := int(next.Add(1)) - 1; i < len(todo); i = int(next.Add(1)) - 1 {
					prepared[i] = newArticleEntries(todo[i])
				}
			})
		}
		wg.Wait()
		for _, e := range prepared[:len(todo)] {
			x.insertArticle(e)
		}
	}
	for _, a := range anns {
		x.PutAnnotation(a)
	}
	x.mu.Lock()
	x.sortTerms()
	x.mu.Unlock()
	return x
}

// entry is a document ready to insert: tokenised, outside the lock.
type entry struct {
	key       string
	d         doc
	positions termPositions
}

func articleKey(id string) string    { return "a:" + id }
func tagsKey(id string) string       { return "t:" + id }
func annotationKey(id string) string { return "n:" + id }

// PutArticle adds an article, or replaces the one with the same id (after
// an edit): its title, text and tags. Its annotations stay indexed.
func (x *Index) PutArticle(a reader.Article) { x.insertArticle(newArticleEntries(a)) }

// articleEntries are an article's documents: its text, and its tags if any.
type articleEntries struct {
	text entry
	tags *entry
}

func newArticleEntries(a reader.Article) articleEntries {
	d := a.Document()
	titleEnd := 0
	if len(d.Blocks) > 0 && d.Blocks[0].Kind == reader.Heading && d.Blocks[0].Start == 0 && a.Title != "" {
		titleEnd = d.Blocks[0].End // package reader's rule 9: the title leads the text
	}
	e := articleEntries{text: entry{key: articleKey(a.ID), d: doc{kind: articleDoc, articleID: a.ID, title: a.Title, text: d.Text}}}
	e.text.positions = tokenPositions(&e.text.d, titleEnd)
	if len(a.Tags) > 0 {
		t := entry{key: tagsKey(a.ID), d: doc{kind: tagsDoc, articleID: a.ID, text: "#" + strings.Join(a.Tags, " #")}}
		t.positions = tokenPositions(&t.d, 0)
		e.tags = &t
	}
	return e
}

func (x *Index) insertArticle(e articleEntries) {
	x.insert(e.text)
	if e.tags != nil {
		x.insert(*e.tags)
	} else {
		x.remove(tagsKey(e.text.d.articleID))
	}
}

// PutAnnotation adds an annotation's note and tags, or replaces them after
// an edit. An annotation with neither is only removed.
func (x *Index) PutAnnotation(a reader.Annotation) {
	text := a.Note
	for _, t := range a.Tags {
		text += "\n#" + t
	}
	key := annotationKey(a.ID)
	if text == "" {
		x.remove(key)
		return
	}
	e := entry{key: key, d: doc{kind: noteDoc, articleID: a.ArticleID, annotation: a, text: text}}
	e.positions = tokenPositions(&e.d, 0)
	x.insert(e)
}

// RemoveArticle drops an article and every annotation of it, as deleting an
// article deletes its annotations.
func (x *Index) RemoveArticle(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for i := range x.docs {
		if d := &x.docs[i]; d.alive && d.articleID == id {
			x.removeLocked(d.key)
		}
	}
	x.compactIfSparse()
}

// RemoveAnnotation drops an annotation.
func (x *Index) RemoveAnnotation(id string) { x.remove(annotationKey(id)) }

// Len is the number of documents indexed: articles plus annotations with a
// note or tags.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.live
}

func (x *Index) remove(key string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(key)
	x.compactIfSparse()
}

func (x *Index) removeLocked(key string) {
	i, ok := x.byKey[key]
	if !ok {
		return
	}
	delete(x.byKey, key)
	d := &x.docs[i]
	d.alive = false
	d.text, d.annotation = "", reader.Annotation{}
	x.live--
	x.tokens -= int64(d.tokens)
}

// insert adds e, replacing any document under its key.
func (x *Index) insert(e entry) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(e.key)
	x.insertLocked(e.key, e.d, e.positions)
	x.compactIfSparse()
}

// tokenPositions lists where each term of d.text occurs, and sets d.tokens,
// d.titleTo and d.marks.
func tokenPositions(d *doc, titleEnd int) termPositions {
	var tp termPositions
	index := map[string]int{} // term -> its place in tp; looked up without allocating
	var n int32
	d.marks = nil
	tokenize(d.text, func(t []byte, start, _, byteStart int) bool {
		if start < titleEnd {
			d.titleTo = n + 1
		}
		if n%markEvery == 0 {
			d.marks = append(d.marks, mark{int32(byteStart), int32(start)})
		}
		i, ok := index[string(t)]
		if !ok {
			i = len(tp.terms)
			term := string(t)
			index[term] = i
			tp.terms = append(tp.terms, term)
			tp.positions = append(tp.positions, nil)
		}
		tp.positions[i] = append(tp.positions[i], n)
		n++
		return true
	})
	d.tokens = n
	return tp
}

// termPositions is a document's distinct terms and where each occurs.
type termPositions struct {
	terms     []string
	positions [][]int32
}

func (x *Index) insertLocked(key string, d doc, tp termPositions) {
	d.key, d.alive = key, true
	id := int32(len(x.docs))
	x.docs = append(x.docs, d)
	x.byKey[key] = id
	x.live++
	x.tokens += int64(d.tokens)
	for i, term := range tp.terms {
		x.appendPostings(term, id, tp.positions[i])
	}
}

func (x *Index) appendPostings(term string, id int32, pos []int32) {
	p := x.terms[term]
	if p == nil {
		p = &postings{}
		x.terms[term] = p
		x.pending = append(x.pending, term)
	}
	body := x.scratch[:0]
	prev := int32(0)
	for _, q := range pos {
		body = binary.AppendUvarint(body, uint64(q-prev))
		prev = q
	}
	x.scratch = body
	p.data = binary.AppendUvarint(p.data, uint64(id-p.last))
	p.data = binary.AppendUvarint(p.data, uint64(len(pos)))
	p.data = binary.AppendUvarint(p.data, uint64(len(body)))
	p.data = append(p.data, body...)
	p.last = id
	p.df++
}

// compactIfSparse rebuilds the postings from the live documents once dead
// ones outnumber them, so that edits and deletes do not grow the index
// without end.
func (x *Index) compactIfSparse() {
	dead := len(x.docs) - x.live
	if dead < 256 || dead < x.live {
		return
	}
	old := x.docs
	x.docs, x.byKey, x.terms = nil, map[string]int32{}, map[string]*postings{}
	x.sorted, x.pending, x.live, x.tokens = nil, nil, 0, 0
	for _, d := range old {
		if d.alive {
			x.insertLocked(d.key, d, tokenPositions(&d, 0))
		}
	}
	x.sortTerms()
}

// sortTerms merges the terms added since the last sort into sorted.
func (x *Index) sortTerms() {
	if len(x.pending) == 0 {
		return
	}
	slices.Sort(x.pending)
	merged := make([]string, 0, len(x.sorted)+len(x.pending))
	i, j := 0, 0
	for i < len(x.sorted) || j < len(x.pending) {
		if j == len(x.pending) || i < len(x.sorted) && x.sorted[i] < x.pending[j] {
			merged = append(merged, x.sorted[i])
			i++
		} else {
			merged = append(merged, x.pending[j])
			j++
		}
	}
	x.sorted, x.pending = merged, nil
}
