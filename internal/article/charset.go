package article

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen is how much of the input the charset and binary checks look at.
const sniffLen = 64 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}

	// rxMetaCharset finds a charset declared in a <meta charset> or
	// <meta http-equiv="Content-Type"> tag, or in an XML declaration.
	rxMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)
	rxXMLEncoding = regexp.MustCompile(`(?i)^\s*<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_:.+-]+)`)
)

// decode turns raw bytes into valid UTF-8. It honours a byte-order mark,
// recognises UTF-16 without one, honours a charset declared in the markup
// when declared is true, and otherwise tells UTF-8 from the legacy
// single-byte encodings news pages still use (windows-1251, KOI8-R,
// windows-1252 and others chardet knows). Input that looks binary gives
// ErrBinary. Invalid sequences are replaced with U+FFFD.
func decode(raw []byte, declared bool) (string, error) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return validUTF8(raw[len(bomUTF8):]), nil
	case bytes.HasPrefix(raw, bomUTF16LE):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), raw[2:]), nil
	case bytes.HasPrefix(raw, bomUTF16BE):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), raw[2:]), nil
	}
	if enc := sniffUTF16(raw); enc != nil {
		return decodeWith(enc, raw), nil
	}
	if looksBinary(raw) {
		return "", ErrBinary
	}
	if declared {
		if enc, name := declaredCharset(raw); enc != nil {
			if name != "utf-8" {
				return decodeWith(enc, raw), nil
			}
			if utf8.Valid(raw) || !mostlyInvalidUTF8(raw) {
				return validUTF8(raw), nil
			}
			// Declared UTF-8 but plainly not: fall through to detection,
			// as a browser's user would have to.
		}
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	if !mostlyInvalidUTF8(raw) {
		// UTF-8 with a few broken sequences: repair them.
		return validUTF8(raw), nil
	}
	return decodeWith(detectLegacy(raw), raw), nil
}

// validUTF8 returns b as a string with invalid sequences replaced.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// decodeWith decodes b with enc; the decoders of x/text replace what they
// cannot map, so the result is valid UTF-8.
func decodeWith(enc encoding.Encoding, b []byte) string {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return validUTF8(b)
	}
	return validUTF8(out)
}

// sniffUTF16 recognises UTF-16 without a byte-order mark by where its zero
// bytes fall: markup and Latin text put a zero in the high byte of almost
// every character, Cyrillic text at least in every space and tag.
func sniffUTF16(raw []byte) encoding.Encoding {
	n := min(len(raw), 8192) &^ 1
	if n < 4 {
		return nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	var enc encoding.Encoding
	switch {
	case even*10 >= pairs && odd*8 <= even && odd*50 <= pairs:
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	case odd*10 >= pairs && even*8 <= odd && even*50 <= pairs:
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	default:
		return nil
	}
	// Confirm: the sample must decode to text, not to noise.
	s := decodeWith(enc, raw[:n])
	var good, total int
	for _, r := range s {
		total++
		if r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r != 0xFFFD && unicode.IsPrint(r)) || unicode.IsSpace(r) {
			good++
		}
	}
	if total == 0 || good*10 < total*9 {
		return nil
	}
	return enc
}

// magic lists the openings of common binary formats.
var magic = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF87a"), []byte("GIF89a"),
	{0xFF, 0xD8, 0xFF}, []byte("PK\x03\x04"), {0x1F, 0x8B}, []byte("BZh"),
	{0xFD, '7', 'z', 'X', 'Z'}, []byte("7z\xBC\xAF"), []byte("\x7FELF"),
	[]byte("RIFF"), []byte("OggS"), []byte("ID3"), []byte("\x00\x00\x01\x00"),
	{0x28, 0xB5, 0x2F, 0xFD}, []byte("wOFF"), []byte("wOF2"),
}

// looksBinary reports whether raw is binary rather than text: a known
// binary signature, NUL bytes, or many control characters.
func looksBinary(raw []byte) bool {
	for _, m := range magic {
		if bytes.HasPrefix(raw, m) {
			return true
		}
	}
	sample := raw[:min(len(raw), sniffLen)]
	var nul, ctl int
	for _, c := range sample {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B:
			ctl++
		case c == 0x7F:
			ctl++
		}
	}
	n := len(sample)
	return nul*1000 > n || (nul+ctl)*10 > n
}

// declaredCharset returns the encoding a page declares in its first
// kilobytes, and its WHATWG name. A declaration of UTF-16 in a page that is
// not UTF-16 means UTF-8, as in browsers.
func declaredCharset(raw []byte) (encoding.Encoding, string) {
	head := raw[:min(len(raw), 4096)]
	var label string
	if m := rxXMLEncoding.FindSubmatch(head); m != nil {
		label = string(m[1])
	} else if m := rxMetaCharset.FindSubmatch(head); m != nil {
		label = string(m[1])
	}
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	switch {
	case enc == nil || name == "replacement":
		return nil, ""
	case strings.HasPrefix(name, "utf-16"):
		return xunicode.UTF8, "utf-8"
	case name == "utf-8":
		return xunicode.UTF8, "utf-8"
	}
	return enc, name
}

// mostlyInvalidUTF8 reports whether most bytes above 0x7F in raw are not
// part of a valid UTF-8 sequence.
func mostlyInvalidUTF8(raw []byte) bool {
	sample := raw[:min(len(raw), sniffLen)]
	var high, bad int
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		high += size
		if r == utf8.RuneError && size == 1 && i+utf8.UTFMax <= len(sample) {
			bad++
		}
		i += size
	}
	return high > 0 && bad*2 > high
}

// detectLegacy picks the single-byte (or CJK) encoding of raw, which is not
// valid UTF-8 and declares nothing. The script is decided by decoding the
// sample with each candidate and scoring how much it reads like words in
// that script (lowercase letters inside words, no case flips mid-word, no
// words of accented letters only). Cyrillic wins between windows-1251 and
// KOI8-R on that score; for anything else chardet's guess is taken when it
// is confident, else windows-1252, the web's default.
func detectLegacy(raw []byte) encoding.Encoding {
	sample := raw[:min(len(raw), sniffLen)]
	best, bestScore := encoding.Encoding(charmap.Windows1252), scoreText(decodeWith(charmap.Windows1252, sample))
	for _, enc := range []encoding.Encoding{charmap.Windows1251, charmap.KOI8R} {
		if s := scoreText(decodeWith(enc, sample)); s > bestScore {
			best, bestScore = enc, s
		}
	}
	if best != charmap.Windows1252 {
		return best
	}
	res, err := chardet.NewHtmlDetector().DetectBest(sample)
	if err != nil || res.Confidence < 50 {
		return best
	}
	if enc, _ := charset.Lookup(res.Charset); enc != nil && !strings.HasPrefix(strings.ToLower(res.Charset), "utf-") {
		return enc
	}
	return best
}

// scoreText rates how plausible s is as text: letters outside ASCII that
// continue a word in lowercase count for it; case flips inside a word,
// scripts mixed inside a word, C1 controls and box-drawing characters next
// to letters, and words of three or more letters that are all accented
// Latin count against it.
func scoreText(s string) int {
	score := 0
	var prev rune
	var wordLen, wordAccented int
	wordLatin := true
	endWord := func() {
		if wordLatin && wordLen >= 3 && wordAccented == wordLen {
			score -= 2 * wordLen
		}
		wordLen, wordAccented, wordLatin = 0, 0, true
	}
	for _, r := range s {
		isLetter := unicode.IsLetter(r)
		if !isLetter {
			if (r >= 0x80 && r <= 0x9F) || (r >= 0x2500 && r <= 0x259F) || r == 0xFFFD {
				score -= 2
			}
			endWord()
			prev = r
			continue
		}
		wordLen++
		if r >= 0x80 && unicode.Is(unicode.Latin, r) {
			wordAccented++
		}
		if !unicode.Is(unicode.Latin, r) {
			wordLatin = false
		}
		if wordLen > 1 && (r >= 0x80 || prev >= 0x80) {
			switch {
			case scriptOf(r) != scriptOf(prev):
				score -= 3
			case unicode.IsLower(r):
				score++
			case unicode.IsUpper(r) && unicode.IsLower(prev):
				score -= 3
			}
		}
		prev = r
	}
	endWord()
	return score
}

// scriptOf classifies a letter as Latin (1), Cyrillic (2) or other (3).
func scriptOf(r rune) int {
	switch {
	case r < 0x80 || unicode.Is(unicode.Latin, r):
		return 1
	case unicode.Is(unicode.Cyrillic, r):
		return 2
	}
	return 3
}
