package access

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// TokenPrefix starts every API token, so that a token pasted where it
// should not be is easy to recognise and search for.
const TokenPrefix = "sitrep_"

// NewSecret returns 32 random bytes in unpadded base64url: a session
// cookie's value or a CSRF token.
func NewSecret() string {
	var b [32]byte
	rand.Read(b[:]) // never fails: crypto/rand panics rather than return an error
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// NewToken returns a new API token.
func NewToken() string { return TokenPrefix + NewSecret() }

// HashSecret returns the hex SHA-256 of a session cookie or an API token:
// all the store keeps of it. The secrets are random and long, so a fast
// hash is enough: there is nothing to guess.
func HashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
