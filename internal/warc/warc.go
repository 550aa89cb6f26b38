// Package warc reads WARC files (ISO 28500, versions 1.0 and 1.1) as
// Common Crawl News publishes them: a sequence of records, each its own
// gzip member in a .warc.gz file, the pages in "response" records whose
// block is the HTTP response as received.
//
// A Reader goes on past a bad record: Next returns a *RecordError for a
// record that is corrupt or truncated, then finds the next record (the
// next gzip member, or the next line that starts a WARC header) and
// carries on, so one bad record loses no other.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MaxRecord is the largest record block a Reader reads; a longer one is
// skipped with ErrTooLarge.
const MaxRecord = 32 << 20

// maxHeader caps the size of a record's WARC header.
const maxHeader = 64 << 10

// Errors wrapped in a *RecordError.
var (
	// ErrFormat is a record that does not follow the WARC format.
	ErrFormat = errors.New("not a WARC record")
	// ErrTruncated is a record that ends before its Content-Length.
	ErrTruncated = errors.New("truncated record")
	// ErrTooLarge is a record longer than MaxRecord.
	ErrTooLarge = errors.New("record too large")
	// ErrGzip is a gzip member that does not decompress.
	ErrGzip = errors.New("corrupt gzip member")
)

// RecordError reports a bad record. Reading may go on after it.
type RecordError struct {
	// N is the record's number in the file, from 1.
	N int
	// Err says what is wrong.
	Err error
}

// Error names the record and the fault.
func (e *RecordError) Error() string { return fmt.Sprintf("record %d: %v", e.N, e.Err) }

// Unwrap returns Err.
func (e *RecordError) Unwrap() error { return e.Err }

// Record is one WARC record.
type Record struct {
	// N is the record's number in the file, from 1.
	N int
	// Header holds the WARC header fields, keys in canonical form
	// ("Warc-Type", "Warc-Target-Uri", ...); use Get.
	Header http.Header
	// Block is the record's content block.
	Block []byte
}

// Get returns the WARC header field name, such as "WARC-Target-URI".
func (r *Record) Get(name string) string { return r.Header.Get(name) }

// Type is the record's WARC-Type: "response", "request", "warcinfo"...
func (r *Record) Type() string { return strings.ToLower(r.Get("WARC-Type")) }

// TargetURI is the URI the record is about, angle brackets removed.
func (r *Record) TargetURI() string {
	return strings.Trim(strings.TrimSpace(r.Get("WARC-Target-URI")), "<>")
}

// Date is the record's WARC-Date, or the zero time.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.Get("WARC-Date")))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// IsHTTPResponse reports whether the record is a response record that
// holds an HTTP response.
func (r *Record) IsHTTPResponse() bool {
	ct := strings.ToLower(r.Get("Content-Type"))
	return r.Type() == "response" && strings.HasPrefix(ct, "application/http")
}

// HTTPResponse parses the block of a response record as an HTTP response
// and returns its status code, headers and body, the headers stripped and
// any chunking and content encoding undone.
func (r *Record) HTTPResponse() (status int, header http.Header, body []byte, err error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.Block)), nil)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("HTTP response: %w", err)
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("HTTP response body: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		body, err = inflate(body, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) })
	case "deflate":
		body, err = inflate(body, func(r io.Reader) (io.Reader, error) {
			if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
				return zr, nil
			}
			return flate.NewReader(r), nil
		})
	}
	if err != nil {
		return 0, nil, nil, fmt.Errorf("HTTP response body: %w", err)
	}
	return resp.StatusCode, resp.Header, body, nil
}

func inflate(b []byte, open func(io.Reader) (io.Reader, error)) ([]byte, error) {
	zr, err := open(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxRecord+1))
	if err != nil {
		return nil, err
	}
	if len(out) > MaxRecord {
		return nil, ErrTooLarge
	}
	return out, nil
}

// recorder keeps the bytes read from r since the current gzip member
// began, so that a member that fails can be searched again for the next
// one; it gives up, and keeps nothing, past MaxRecord bytes.
type recorder struct {
	r    *bufio.Reader
	buf  []byte
	over bool
}

func (c *recorder) start() { c.buf, c.over = c.buf[:0], false }

func (c *recorder) keep(b []byte) {
	if c.over {
		return
	}
	if len(c.buf)+len(b) > MaxRecord {
		c.over, c.buf = true, c.buf[:0]
		return
	}
	c.buf = append(c.buf, b...)
}

// Read and ReadByte make a recorder a flate.Reader, so that gzip reads no
// further ahead than it needs.
func (c *recorder) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.keep(p[:n])
	return n, err
}

func (c *recorder) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.keep([]byte{b})
	}
	return b, err
}

// rewind puts back all but the first byte of the failed member, or does
// nothing when too much was read to keep.
func (c *recorder) rewind() {
	if c.over || len(c.buf) < 2 {
		return
	}
	back := append([]byte(nil), c.buf[1:]...)
	c.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(back), c.r), 64<<10)
	c.buf = c.buf[:0]
}

// Reader reads records from a WARC file.
type Reader struct {
	raw *bufio.Reader // the file, when not gz
	rec *recorder     // the file, when gz
	gz  bool          // the file is gzipped
	zr  *gzip.Reader  // the current member, when gz
	src *bufio.Reader // the records' bytes: the member or the file
	n   int           // records met so far, bad ones included

	inMember bool
	done     bool
}

// NewReader reads records from r; gzipped says whether r is a .warc.gz
// file (a series of gzip members).
func NewReader(r io.Reader, gzipped bool) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if gzipped {
		return &Reader{rec: &recorder{r: br}, gz: true}
	}
	return &Reader{raw: br, src: br}
}

// Next returns the next record; io.EOF at the end of the file; a
// *RecordError for a bad record, after which Next may be called again.
func (r *Reader) Next() (*Record, error) {
	for !r.done {
		if r.gz && !r.inMember {
			if err := r.openMember(); err == io.EOF {
				r.done = true
				break
			} else if err != nil {
				r.n++
				r.skipToMember()
				return nil, &RecordError{N: r.n, Err: fmt.Errorf("%w: %v", ErrGzip, err)}
			}
		}
		rec, leftover, err := r.read()
		if err == io.EOF {
			if r.gz {
				r.inMember = false
				continue
			}
			r.done = true
			break
		}
		r.n++
		if err != nil {
			r.recover(leftover)
			return nil, &RecordError{N: r.n, Err: err}
		}
		rec.N = r.n
		return rec, nil
	}
	return nil, io.EOF
}

// openMember starts reading the next gzip member.
func (r *Reader) openMember() error {
	if _, err := r.rec.r.Peek(1); err != nil {
		return io.EOF
	}
	r.rec.start()
	var err error
	if r.zr == nil {
		r.zr, err = gzip.NewReader(r.rec)
	} else {
		err = r.zr.Reset(r.rec)
	}
	if err != nil {
		return err
	}
	r.zr.Multistream(false)
	r.src = bufio.NewReaderSize(r.zr, 32<<10)
	r.inMember = true
	return nil
}

// skipToMember moves the file to the next gzip header after the start
// of the member that failed.
func (r *Reader) skipToMember() {
	r.inMember = false
	r.rec.rewind()
	raw := r.rec.r
	for {
		b, err := raw.Peek(3)
		if err != nil {
			raw.Discard(len(b))
			return
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			return
		}
		raw.Discard(1)
	}
}

// recover finds the next record after a bad one. leftover holds bytes
// read as the bad record's block, in which the next record may start.
func (r *Reader) recover(leftover []byte) {
	if r.gz {
		// The rest of a sound member is dropped; a member that does not
		// decompress sends us looking for the next gzip header.
		if _, err := io.Copy(io.Discard, r.src); err != nil {
			r.skipToMember()
		}
		r.inMember = false
		return
	}
	if i := nextHeader(leftover); i >= 0 {
		r.src = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(leftover[i:]), r.src), 64<<10)
		return
	}
	// Skip lines up to the next one that starts a record.
	for {
		b, err := r.src.Peek(6)
		if err != nil {
			r.src.Discard(len(b))
			return
		}
		if string(b) == "WARC/1" {
			return
		}
		if _, err := r.src.ReadSlice('\n'); err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}

// nextHeader returns where a line that starts a WARC record begins in b,
// or -1.
func nextHeader(b []byte) int {
	for _, v := range []string{"\nWARC/1.0\r\n", "\nWARC/1.1\r\n", "\nWARC/1.0\n", "\nWARC/1.1\n"} {
		if i := bytes.Index(b, []byte(v)); i >= 0 {
			return i + 1
		}
	}
	return -1
}

// read reads one record from src: io.EOF when src ends before one
// starts.
func (r *Reader) read() (rec *Record, leftover []byte, err error) {
	// Skip the blank lines between records.
	var line string
	for {
		line, err = r.line()
		if err == io.EOF && line == "" {
			return nil, nil, io.EOF
		}
		if err != nil {
			return nil, nil, r.cut(err, "header")
		}
		if line != "" {
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, nil, fmt.Errorf("%w: starts with %.40q", ErrFormat, line)
	}
	h := http.Header{}
	size := 0
	for {
		line, err = r.line()
		if err != nil {
			return nil, nil, r.cut(err, "header")
		}
		if line == "" {
			break
		}
		if size += len(line); size > maxHeader {
			return nil, nil, fmt.Errorf("%w: header longer than %d bytes", ErrFormat, maxHeader)
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, nil, fmt.Errorf("%w: header line %.40q", ErrFormat, line)
		}
		h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	cl, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || cl < 0 {
		return nil, nil, fmt.Errorf("%w: Content-Length %q", ErrFormat, h.Get("Content-Length"))
	}
	if cl > MaxRecord {
		if _, err := io.CopyN(io.Discard, r.src, cl); err != nil {
			return nil, nil, r.cut(err, "block")
		}
		return nil, nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, cl, MaxRecord)
	}
	block := make([]byte, cl)
	n, err := io.ReadFull(r.src, block)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return nil, block[:n], fmt.Errorf("%w: block has %d of its %d bytes", ErrTruncated, n, cl)
	}
	if err != nil {
		return nil, block[:n], r.cut(err, "block")
	}
	// The block ends with two line breaks.
	end, _ := r.src.Peek(4)
	switch {
	case bytes.HasPrefix(end, []byte("\r\n\r\n")):
		r.src.Discard(4)
	case bytes.HasPrefix(end, []byte("\n\n")):
		r.src.Discard(2)
	case len(end) == 0:
		// The file or member ends right after the block: lenient.
	default:
		return nil, block, fmt.Errorf("%w: block of %d bytes not followed by a blank line", ErrFormat, cl)
	}
	return &Record{Header: h, Block: block}, nil, nil
}

// line reads one header line, without its line break.
func (r *Reader) line() (string, error) {
	b, err := r.src.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return "", fmt.Errorf("%w: header line too long", ErrFormat)
	}
	s := strings.TrimRight(string(b), "\r\n")
	if err == io.EOF && s != "" {
		return s, io.ErrUnexpectedEOF
	}
	return s, err
}

// cut names an end of input inside a record as truncation, and a gzip
// failure as such.
func (r *Reader) cut(err error, where string) error {
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: input ends in the %s", ErrTruncated, where)
	case r.gz:
		return fmt.Errorf("%w: %v", ErrGzip, err)
	}
	return err
}
