package access

import (
	"errors"
	"fmt"
)

// Role is what a user may do. Each role allows what the ones before it
// allow.
type Role int

// The roles, weakest first. Anonymous is no user at all.
const (
	Anonymous Role = iota
	Viewer
	Reviewer
	Admin
)

// roleNames are the names of the roles as stored and sent.
var roleNames = map[Role]string{Anonymous: "anonymous", Viewer: "viewer", Reviewer: "reviewer", Admin: "admin"}

// String returns the role's name.
func (r Role) String() string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Allows reports whether the role may do what need allows.
func (r Role) Allows(need Role) bool { return r >= need }

// ErrBadRole is a role name that is not viewer, reviewer or admin.
var ErrBadRole = errors.New("want viewer, reviewer or admin")

// ParseRole reads a user's role: viewer, reviewer or admin.
func ParseRole(s string) (Role, error) {
	for r, n := range roleNames {
		if n == s && r != Anonymous {
			return r, nil
		}
	}
	return Anonymous, fmt.Errorf("role %q: %w", s, ErrBadRole)
}

// MaxName is the longest user name, in bytes.
const MaxName = 64

// CheckName reports whether s can be a user name: 1 to MaxName letters,
// digits, dots, dashes and underscores, starting with a letter or digit.
// The limit keeps names plain in logs and the audit log, and keeps out
// the parenthesised names the server gives to credentials that are not
// users.
func CheckName(s string) error {
	if s == "" || len(s) > MaxName {
		return fmt.Errorf("user name %q: want 1 to %d characters", s, MaxName)
	}
	for i, c := range s {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || i > 0 && (c == '.' || c == '-' || c == '_')
		if !ok {
			return fmt.Errorf("user name %q: want letters, digits, '.', '-' and '_', starting with a letter or digit", s)
		}
	}
	return nil
}
