// Package fingerprint recognises near-duplicate article bodies: the same
// wire story run by another outlet under another headline, with its own
// page chrome, a dateline changed or a sentence added. It hashes the
// body's word shingles (three words each), keeps the smallest few as a
// sketch that a store indexes to find candidates, and confirms a
// candidate by the containment of its shingles. It does no I/O.
package fingerprint

import (
	"slices"
	"strings"
	"unicode"
)

// Shingle is the number of words in a shingle.
const Shingle = 3

// K is the number of shingle hashes in a sketch.
const K = 16

// MinContainment is the share of the shorter body's shingles that the
// longer must contain for the two to be near duplicates.
const MinContainment = 0.7

// Words returns the lower-cased words of text, punctuation dropped.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Set is the hashes of the word shingles of a body, each once.
type Set map[uint64]struct{}

// Shingles returns the shingle hashes of text. A caller that compares
// one body with several others, or sketches it too, computes them once.
func Shingles(text string) Set {
	w := Words(text)
	out := make(Set, len(w))
	if len(w) < Shingle {
		if len(w) > 0 {
			out[hash(strings.Join(w, " "))] = struct{}{}
		}
		return out
	}
	for i := 0; i+Shingle <= len(w); i++ {
		out[hashWords(w[i:i+Shingle])] = struct{}{}
	}
	return out
}

// FNV-1a's 64-bit constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

// hashWords is hash of the words joined by spaces, without joining them.
func hashWords(ws []string) uint64 {
	h := uint64(fnvOffset)
	for i, w := range ws {
		if i > 0 {
			h ^= ' '
			h *= fnvPrime
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= fnvPrime
		}
	}
	return mix(h)
}

// mix finishes an FNV-1a hash, whose low bits mix poorly for short keys,
// with SplitMix64's mixer, so that the smallest hashes are a fair
// sample.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sketch returns the K smallest shingle hashes of text, as non-negative
// integers, smallest first: a bottom-k MinHash sketch. Two bodies that
// share most of their shingles share most of their sketch, so a store that
// indexes sketch values finds near-duplicate candidates with K lookups,
// however many articles it holds.
func Sketch(text string) []int64 { return Shingles(text).Sketch() }

// Sketch returns the set's sketch (see the function Sketch).
func (sh Set) Sketch() []int64 {
	out := make([]int64, 0, len(sh))
	for h := range sh {
		out = append(out, int64(h>>1))
	}
	slices.Sort(out)
	if len(out) > K {
		out = out[:K]
	}
	return out
}

// Containment is the share of the shingles of the shorter of a and b that
// the other also has: 1 for the same body, near 1 for a copy with a line
// added or dropped, low for different stories.
func Containment(a, b string) float64 { return Shingles(a).Containment(Shingles(b)) }

// Containment is Containment of the bodies of two sets.
func (sa Set) Containment(sb Set) float64 {
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return 0
	}
	n := 0
	for h := range sa {
		if _, ok := sb[h]; ok {
			n++
		}
	}
	return float64(n) / float64(len(sa))
}

// Near reports whether two bodies are near duplicates, and their
// containment.
func Near(a, b string) (bool, float64) {
	return Shingles(a).Near(Shingles(b))
}

// Near is Near of the bodies of two sets.
func (sa Set) Near(sb Set) (bool, float64) {
	c := sa.Containment(sb)
	return c >= MinContainment, c
}
