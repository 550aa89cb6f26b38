package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"time"

	"sitrep/internal/access"
	"sitrep/internal/store"
)

// SessionTTL is how long a session lasts from log-in.
const SessionTTL = 7 * 24 * time.Hour

// LoginRequest is the body of POST /api/session.
type LoginRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// SessionUser is the user of a session as the API shows it.
type SessionUser struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// SessionBody is the body of POST and GET /api/session: the user and
// the CSRF token that writes made with the session cookie must send in
// the X-CSRF-Token header.
type SessionBody struct {
	User SessionUser `json:"user"`
	CSRF string      `json:"csrf"`
}

// dummyHash is checked against when a log-in names no user, so that
// an unknown name takes as long to refuse as a wrong password.
func (s *Server) dummyHash() string {
	s.dummyOnce.Do(func() {
		s.dummy, _ = access.HashPassword("not a password", access.DefaultParams)
	})
	return s.dummy
}

// checkPassword checks a password, at most a few at a time: each check
// takes tens of MiB, and a flood of log-ins must not take them all.
func (s *Server) checkPassword(ctx context.Context, password, hash string) (bool, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-s.hashing }()
	return access.CheckPassword(password, hash)
}

// clientAddr is the address a request came from, without its port. It
// is the peer's: a server behind a proxy sees the proxy's, and limits
// log-ins through it as from one client.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// login answers POST /api/session: with the right name and password it
// starts a session, sets its cookie and returns the user and the
// session's CSRF token. A wrong name and a wrong password get the same
// answer; failures are limited per client address and per name.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	var req LoginRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	name := req.Name
	if len(name) > access.MaxName {
		name = name[:access.MaxName] // a key of bounded size; no such user
	}
	byAddr, byName := "addr:"+clientAddr(r), "name:"+name
	if wait := s.logins.wait(byAddr, byName); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		return apiError(TooManyRequests, "too_many_requests", "too many failed log-ins: try again in %s", wait.Round(time.Second)+time.Second)
	}
	ctx := r.Context()
	u, hash, err := s.cfg.DB.UserPassword(ctx, req.Name)
	known := err == nil
	if errors.Is(err, store.ErrNotFound) {
		hash = s.dummyHash()
	} else if err != nil {
		return err
	}
	ok, err := s.checkPassword(ctx, req.Password, hash)
	if err != nil && !errors.Is(err, access.ErrBadHash) {
		return err
	}
	if !ok || !known {
		s.logins.fail(byAddr, byName)
		return apiError(Unauthorized, "bad_credentials", "wrong user name or password")
	}
	s.logins.forget(byName)
	p, err := userPrincipal(u, nil)
	if err != nil {
		return err
	}
	secret := access.NewSecret()
	sess := store.Session{Hash: access.HashSecret(secret), User: u.Name, CSRF: access.NewSecret(), Expires: time.Now().Add(SessionTTL)}
	if err := s.cfg.DB.AddSession(ctx, sess); err != nil {
		return err
	}
	http.SetCookie(w, sessionCookie(r, secret, int(SessionTTL.Seconds())))
	writeJSON(w, http.StatusOK, &SessionBody{User: SessionUser{Name: p.name, Role: p.role.String()}, CSRF: sess.CSRF})
	return nil
}

// sessionCookie is the session cookie with value, for maxAge seconds
// (negative: delete it). Secure when the request came over TLS, so that
// a server on plain HTTP on localhost still works.
func sessionCookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: SessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	}
}

// currentSession answers GET /api/session: the user and CSRF token of
// the session the cookie names, or 401.
func (s *Server) currentSession(w http.ResponseWriter, r *http.Request) error {
	p := principalOf(r)
	if p == nil || p.session == nil {
		return apiError(Unauthorized, "unauthorized", "not logged in")
	}
	writeJSON(w, http.StatusOK, &SessionBody{User: SessionUser{Name: p.name, Role: p.role.String()}, CSRF: p.session.CSRF})
	return nil
}

// logout answers DELETE /api/session: the session ends and its cookie is
// cleared.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	p := principalOf(r)
	if p == nil || p.session == nil {
		return apiError(Unauthorized, "unauthorized", "not logged in")
	}
	if err := s.cfg.DB.DeleteSession(r.Context(), p.session.Hash); err != nil {
		return err
	}
	http.SetCookie(w, sessionCookie(r, "", -1))
	w.WriteHeader(http.StatusNoContent)
	return nil
}
