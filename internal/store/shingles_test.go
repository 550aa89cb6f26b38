package store

import (
	"fmt"
	"testing"

	"sitrep/internal/fingerprint"
)

// TestShingleCacheBounded checks that the cache keeps at most
// shingleCacheSize sets, dropping the oldest first.
func TestShingleCacheBounded(t *testing.T) {
	c := newShingleCache()
	for i := range shingleCacheSize + 10 {
		c.put(fmt.Sprintf("a%d", i), fingerprint.Shingles(fmt.Sprintf("text number %d here", i)))
	}
	if len(c.sets) != shingleCacheSize || len(c.order) != shingleCacheSize {
		t.Fatalf("cache holds %d sets (%d in order), want %d", len(c.sets), len(c.order), shingleCacheSize)
	}
	if _, ok := c.get("a0"); ok {
		t.Error("the oldest set was kept")
	}
	if s, ok := c.get(fmt.Sprintf("a%d", shingleCacheSize+9)); !ok || len(s) == 0 {
		t.Error("the newest set is missing")
	}
}
