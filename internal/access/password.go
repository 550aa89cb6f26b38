package access

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the cost parameters of argon2id. They are recorded in every
// hash, so that changing them affects new hashes only.
type Params struct {
	// Memory is in KiB.
	Memory uint32
	// Time is the number of passes over the memory.
	Time uint32
	// Threads is the degree of parallelism.
	Threads uint8
}

// DefaultParams are memory-hard enough for a login that happens rarely:
// 64 MiB, two passes, two lanes (RFC 9106's second recommended setting
// has 64 MiB too; OWASP asks for at least 19 MiB). About 50-100 ms on
// one core of a current server.
var DefaultParams = Params{Memory: 64 * 1024, Time: 2, Threads: 2}

// Salt and key lengths, in bytes.
const (
	saltLen = 16
	keyLen  = 32
)

// Limits on the parameters read from a stored hash, so that a damaged
// or hostile row cannot make a login allocate without bound.
const (
	maxMemory = 1 << 22 // 4 GiB
	maxTime   = 64
)

// MinPassword and MaxPassword bound a new password's length in bytes.
const (
	MinPassword = 8
	MaxPassword = 1024
)

// ErrBadHash is a stored hash that is not an argon2id PHC string this
// package can check.
var ErrBadHash = errors.New("not an argon2id hash")

// HashPassword hashes password with argon2id and a random salt and
// returns it in the PHC string format
// $argon2id$v=19$m=65536,t=2,p=2$SALT$HASH (unpadded standard base64).
func HashPassword(password string, p Params) (string, error) {
	if p.Memory < 8*uint32(p.Threads) || p.Time < 1 || p.Threads < 1 || p.Memory > maxMemory || p.Time > maxTime {
		return "", fmt.Errorf("argon2id parameters m=%d,t=%d,p=%d: out of range", p.Memory, p.Time, p.Threads)
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password is the one hash was made from,
// comparing in constant time. The error is for a hash it cannot read.
func CheckPassword(password, hash string) (bool, error) {
	p, salt, key, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// parseHash reads a PHC argon2id string.
func parseHash(s string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, fmt.Errorf("%w: version %q", ErrBadHash, parts[2])
	}
	var threads uint32
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil {
		return p, nil, nil, fmt.Errorf("%w: parameters %q", ErrBadHash, parts[3])
	}
	if p.Memory < 8 || p.Memory > maxMemory || p.Time < 1 || p.Time > maxTime || threads < 1 || threads > 255 || p.Memory < 8*threads {
		return p, nil, nil, fmt.Errorf("%w: parameters %q out of range", ErrBadHash, parts[3])
	}
	p.Threads = uint8(threads)
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, fmt.Errorf("%w: salt", ErrBadHash)
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return p, nil, nil, fmt.Errorf("%w: hash", ErrBadHash)
	}
	return p, salt, key, nil
}
