package server

import (
	"sync"
	"time"
)

// Defaults of the log-in limit (Config.LoginBurst, Config.LoginEvery).
const (
	DefaultLoginBurst = 10
	DefaultLoginEvery = time.Minute
)

// maxLimiterKeys bounds the keys a limiter remembers; beyond it, those
// whose buckets have drained are forgotten.
const maxLimiterKeys = 100000

// limiter counts failed log-ins by key (a client address, a user name)
// in leaky buckets: each failure adds one, a bucket drains by one every
// `every`, and a key whose bucket holds burst failures is refused until
// it drains. Only failures count, so a person who types their password
// right is never slowed, and a guesser gets about one try per `every`
// once the burst is spent, by address and by name alike.
type limiter struct {
	burst int
	every time.Duration
	now   func() time.Time

	mu   sync.Mutex
	keys map[string]*bucket
}

// bucket is the failures of one key: level as of at.
type bucket struct {
	level float64
	at    time.Time
}

func newLimiter(burst int, every time.Duration) *limiter {
	if burst <= 0 {
		burst = DefaultLoginBurst
	}
	if every <= 0 {
		every = DefaultLoginEvery
	}
	return &limiter{burst: burst, every: every, now: time.Now, keys: map[string]*bucket{}}
}

// drained returns b's level at now.
func (l *limiter) drained(b *bucket, now time.Time) float64 {
	return max(0, b.level-float64(now.Sub(b.at))/float64(l.every))
}

// wait returns how long until every key may try again; zero when all may
// now.
func (l *limiter) wait(keys ...string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var longest time.Duration
	for _, k := range keys {
		b := l.keys[k]
		if b == nil {
			continue
		}
		if over := l.drained(b, now) - float64(l.burst-1); over > 0 {
			longest = max(longest, time.Duration(over*float64(l.every)))
		}
	}
	return longest
}

// fail records a failure of every key.
func (l *limiter) fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.keys) >= maxLimiterKeys {
		for k, b := range l.keys {
			if l.drained(b, now) == 0 {
				delete(l.keys, k)
			}
		}
	}
	for _, k := range keys {
		b := l.keys[k]
		if b == nil {
			b = &bucket{}
			l.keys[k] = b
		}
		b.level, b.at = l.drained(b, now)+1, now
	}
}

// forget empties a key's bucket, as after a good log-in for a name.
func (l *limiter) forget(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
}
