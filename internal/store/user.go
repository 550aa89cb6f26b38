package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrExists is returned when a record to add exists already.
var ErrExists = errors.New("already exists")

// User is a person who logs in. Role is viewer, reviewer or admin.
type User struct {
	Name    string `json:"name"`
	Role    string `json:"role"`
	Created string `json:"created"`
}

// AddUser adds a user with a password hash (an argon2id PHC string; the
// store never sees the password). A name taken already is ErrExists.
func (db *DB) AddUser(ctx context.Context, u User, passwordHash string) error {
	if u.Created == "" {
		u.Created = Stamp(time.Now())
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = $1`, u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrExists
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, password, created_at) VALUES ($1, $2, $3, $4)`,
			u.Name, u.Role, passwordHash, u.Created)
		return err
	})
	if err != nil {
		return fmt.Errorf("add user %s: %w", u.Name, err)
	}
	return nil
}

// UserPassword returns a user and the hash of its password, or an error
// wrapping ErrNotFound.
func (db *DB) UserPassword(ctx context.Context, name string) (User, string, error) {
	u := User{Name: name}
	var hash string
	err := db.r.QueryRowContext(ctx, `SELECT role, password, created_at FROM users WHERE name = $1`, name).Scan(&u.Role, &hash, &u.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", fmt.Errorf("user %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return u, "", fmt.Errorf("user %s: %w", name, err)
	}
	return u, hash, nil
}

// Users returns every user, by name.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT name, role, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.Name, &u.Role, &u.Created); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

// AddToken records an API token of user under name, by the hash of the
// token (access.HashSecret). An unknown user is ErrNotFound; a name the
// user gave another token is ErrExists.
func (db *DB) AddToken(ctx context.Context, hash, name, user string) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var users, names int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM users WHERE name = $1),
			(SELECT count(*) FROM api_tokens WHERE user_name = $1 AND name = $2)`, user, name).Scan(&users, &names); err != nil {
			return err
		}
		switch {
		case users == 0:
			return fmt.Errorf("user %s: %w", user, ErrNotFound)
		case names > 0:
			return ErrExists
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (hash, name, user_name, created_at) VALUES ($1, $2, $3, $4)`,
			hash, name, user, Stamp(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("add token %s of %s: %w", name, user, err)
	}
	return nil
}

// TokenUser returns the user whose API token has this hash, or an error
// wrapping ErrNotFound.
func (db *DB) TokenUser(ctx context.Context, hash string) (User, error) {
	var u User
	err := db.r.QueryRowContext(ctx, `SELECT u.name, u.role, u.created_at FROM api_tokens t JOIN users u ON u.name = t.user_name
		WHERE t.hash = $1`, hash).Scan(&u.Name, &u.Role, &u.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("api token: %w", ErrNotFound)
	}
	if err != nil {
		return u, fmt.Errorf("api token: %w", err)
	}
	return u, nil
}

// Session is a logged-in browser: the hash of its cookie
// (access.HashSecret), its user, the CSRF token its writes must send,
// and when it ends.
type Session struct {
	Hash    string
	User    string
	CSRF    string
	Expires time.Time
}

// AddSession records a new session, and forgets those that have ended.
func (db *DB) AddSession(ctx context.Context, s Session) error {
	now := Stamp(time.Now())
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (hash, user_name, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
			s.Hash, s.User, s.CSRF, now, Stamp(s.Expires))
		return err
	})
	if err != nil {
		return fmt.Errorf("add session of %s: %w", s.User, err)
	}
	return nil
}

// Session returns the session whose cookie has this hash and its user,
// or an error wrapping ErrNotFound when there is none or it has ended.
func (db *DB) Session(ctx context.Context, hash string) (Session, User, error) {
	s := Session{Hash: hash}
	var u User
	var expires string
	err := db.r.QueryRowContext(ctx, `SELECT s.csrf, s.expires_at, u.name, u.role, u.created_at
		FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.hash = $1 AND s.expires_at > $2`,
		hash, Stamp(time.Now())).Scan(&s.CSRF, &expires, &u.Name, &u.Role, &u.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return s, u, fmt.Errorf("session: %w", ErrNotFound)
	}
	if err != nil {
		return s, u, fmt.Errorf("session: %w", err)
	}
	s.User = u.Name
	s.Expires, _ = time.Parse(time.RFC3339, expires)
	return s, u, nil
}

// DeleteSession ends the session whose cookie has this hash.
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	if _, err := db.w.ExecContext(ctx, `DELETE FROM sessions WHERE hash = $1`, hash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}
