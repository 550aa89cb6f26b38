// Package article turns a news page or a plain-text report into a
// model.Article: clean body text, headline and headline variants,
// publication date, outlet, URL and language. It is the first stage of
// sitrep's pipeline; it does no I/O.
//
// FromHTML reads a page: the body comes from go-trafilatura (comments
// excluded), walked paragraph by paragraph so that paragraphs stay
// paragraphs; the metadata from the page's own markup (JSON-LD, OpenGraph
// and Twitter tags, <title>, <h1>, <time>, <link rel=canonical>). FromText
// reads plain text: a headline on the first line, headline variants and
// page chrome copied along with the report are told apart from the body by
// their shape. IsHTML tells the two kinds of input apart by content.
//
// Both return Text as paragraphs joined by "\n\n", each with its white
// space normalised (one space between words, no invisible format
// characters) and in Unicode NFC, all other characters kept; ID is a
// hash of Text, so the same report read from HTML or from text gets the
// same ID. Input in any encoding a news page is likely to use comes out as
// valid UTF-8: a declared charset is honoured, UTF-16 is recognised with or
// without a byte-order mark, undeclared windows-1251 and KOI8-R are told
// apart by how their letters read, and invalid UTF-8 is repaired.
//
// Limits are explicit: input over MaxInputSize is refused, and pages
// nested too deep for the HTML parser are flattened before parsing. Bad
// input gives one of the sentinel errors ErrEmpty, ErrTooLarge, ErrBinary
// and ErrNoText, wrapped; test for them with errors.Is.
package article
