package store

import (
	"sync"

	"sitrep/internal/fingerprint"
)

// shingleCacheSize bounds the shingle sets kept in memory: enough for the
// articles a batch of ingest compares new ones with, the latest stored.
const shingleCacheSize = 1024

// shingleCache keeps the shingle sets of recently stored or compared
// articles, so that confirming a near-duplicate candidate needs neither
// its text read back nor shingled again. An article's id is the hash of
// its text, so a set cached under an id is never out of date, whoever
// wrote the article.
type shingleCache struct {
	mu    sync.Mutex
	sets  map[string]fingerprint.Set
	order []string // oldest first
}

func newShingleCache() *shingleCache {
	return &shingleCache{sets: map[string]fingerprint.Set{}}
}

func (c *shingleCache) get(id string) (fingerprint.Set, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sets[id]
	return s, ok
}

func (c *shingleCache) put(id string, s fingerprint.Set) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.sets[id]; ok {
		return
	}
	if len(c.order) >= shingleCacheSize {
		delete(c.sets, c.order[0])
		c.order = c.order[1:]
	}
	c.sets[id] = s
	c.order = append(c.order, id)
}
