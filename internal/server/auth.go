package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"sitrep/internal/access"
	"sitrep/internal/store"
)

// SessionCookie is the name of the cookie that carries a session.
const SessionCookie = "sitrep_session"

// CSRFHeader is the header in which writes made with the session cookie
// send the session's CSRF token.
const CSRFHeader = "X-CSRF-Token"

// TokenUser is the name under which the audit log records what was done
// with Config.Token. The parentheses keep it apart from user names
// (access.CheckName).
const TokenUser = "(token)"

// principal is who a request comes from.
type principal struct {
	name string
	role access.Role
	// session is set when the request came with the session cookie
	// rather than a bearer token.
	session *store.Session
}

type principalKey struct{}

// principalOf returns who r comes from, as guard found; nil for no one.
func principalOf(r *http.Request) *principal {
	p, _ := r.Context().Value(principalKey{}).(*principal)
	return p
}

// writes reports whether a method changes something.
func writes(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// guard lets a request through to rt's handler only when its
// credentials allow it: rt.need, raised to a viewer for a read on a
// private server. Credentials are checked before the body is read, so
// that no one without them can make the server read a large one. A
// write made with the session cookie must also send the session's CSRF
// token in the X-CSRF-Token header: a page of another site can make a
// browser send the cookie, never the header.
func (s *Server) guard(rt route) handler {
	need := rt.need
	if rt.read && s.cfg.Private {
		need = max(need, access.Viewer)
	}
	if need == access.Anonymous && !rt.identify {
		return rt.h
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.identify(r)
		if err != nil {
			return err
		}
		if p != nil && p.session != nil && writes(r.Method) {
			got := r.Header.Get(CSRFHeader)
			if got == "" {
				return apiError(Forbidden, "csrf", "this request writes with the session cookie: send the session's csrf token in the %s header", CSRFHeader)
			}
			if subtle.ConstantTimeCompare([]byte(got), []byte(p.session.CSRF)) != 1 {
				return apiError(Forbidden, "csrf", "the %s header does not match this session's csrf token", CSRFHeader)
			}
		}
		if need > access.Anonymous {
			if p == nil {
				return apiError(Unauthorized, "unauthorized", "%s %s needs a %s: log in (POST /api/session) or send Authorization: Bearer TOKEN", r.Method, r.URL.Path, need)
			}
			if !p.role.Allows(need) {
				return apiError(Forbidden, "forbidden", "%s %s needs a %s; %s is a %s", r.Method, r.URL.Path, need, p.name, p.role)
			}
		}
		return rt.h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	}
}

// identify finds who r comes from: the bearer token of Config.Token (an
// admin), an API token (its user), or the session cookie (its user);
// nil for no one. A malformed Authorization header is 401, a bearer token
// that is neither 403; a cookie that names no live session is no one, as
// if it were not sent.
func (s *Server) identify(r *http.Request) (*principal, error) {
	ctx := r.Context()
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, tok, ok := strings.Cut(auth, " ")
		tok = strings.TrimSpace(tok)
		if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
			return nil, apiError(Unauthorized, "unauthorized", "Authorization: want Bearer TOKEN")
		}
		if s.cfg.Token != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) == 1 {
			return &principal{name: TokenUser, role: access.Admin}, nil
		}
		u, err := s.cfg.DB.TokenUser(ctx, access.HashSecret(tok))
		if errors.Is(err, store.ErrNotFound) {
			return nil, apiError(Forbidden, "forbidden", "the bearer token is not valid")
		}
		if err != nil {
			return nil, err
		}
		return userPrincipal(u, nil)
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	sess, u, err := s.cfg.DB.Session(ctx, access.HashSecret(c.Value))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return userPrincipal(u, &sess)
}

// userPrincipal is the principal of a stored user.
func userPrincipal(u store.User, sess *store.Session) (*principal, error) {
	role, err := access.ParseRole(u.Role)
	if err != nil {
		return nil, &Error{Kind: Internal, Code: "internal", Message: "internal error", Err: err}
	}
	return &principal{name: u.Name, role: role, session: sess}, nil
}
