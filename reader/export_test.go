package reader

// ParseInChunks lets the external tests cut a text into small chunks.
var ParseInChunks = parseInChunks

// Chunks is how a text is cut.
var Chunks = chunks
