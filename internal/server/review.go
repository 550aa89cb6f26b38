package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/store"
)

// MaxNote caps a reviewer's note, in bytes.
const MaxNote = 2000

// NoteRequest is the body of POST /api/incidents/{id}/confirm and
// /reject; it may be left out.
type NoteRequest struct {
	Note string `json:"note"`
}

// EditRequest is the body of PATCH /api/incidents/{id}: field paths
// (incident.Fields) and the values to set them to.
type EditRequest struct {
	Set  map[string]json.RawMessage `json:"set"`
	Note string                     `json:"note"`
}

// MergeRequest is the body of POST /api/incidents/{id}/merge: the id of
// the incident to merge into {id}.
type MergeRequest struct {
	Other string `json:"other"`
	Note  string `json:"note"`
}

// EventRef names one source of an incident: an event of an article.
type EventRef struct {
	Article string `json:"article"`
	Event   string `json:"event"`
}

// SplitRequest is the body of POST /api/incidents/{id}/split: the
// sources to move to a new incident.
type SplitRequest struct {
	Events []EventRef `json:"events"`
	Note   string     `json:"note"`
}

// SplitBody is the answer to a split: the incident split and the new one.
type SplitBody struct {
	Incident *incident.Record `json:"incident"`
	New      *incident.Record `json:"new"`
}

// AuditBody is the body of GET /api/incidents/{id}/audit.
type AuditBody struct {
	Entries []store.AuditEntry `json:"entries"`
}

// sourcesJSON is the audit log's account of an incident's sources.
type sourcesJSON struct {
	ID      string     `json:"id"`
	Sources []EventRef `json:"sources"`
}

func sourcesOf(id string, ms []*incident.Member) sourcesJSON {
	out := sourcesJSON{ID: id, Sources: make([]EventRef, len(ms))}
	for i, m := range ms {
		out.Sources[i] = EventRef{Article: m.Article, Event: m.Event.ID}
	}
	return out
}

// mustJSON encodes a value made of strings and slices, which cannot fail.
func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func checkNote(note string) error {
	if len(note) > MaxNote {
		return apiError(BadRequest, "bad_value", "note: %d bytes, want at most %d", len(note), MaxNote)
	}
	return nil
}

// loadForChange loads incident id in tx for a reviewer to change. An id
// merged into another is a conflict rather than a redirect: the client
// acted on a stale view and should look at the survivor first.
func loadForChange(ctx context.Context, tx *store.Tx, id string) (*incident.Incident, error) {
	in, via, err := tx.Incident(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apiError(NotFound, "incident_not_found", "incident %q: not found", id)
	}
	if err != nil {
		return nil, err
	}
	if via != "" {
		return nil, apiError(Conflict, "incident_merged", "incident %q was merged into %s: act on that one", id, via)
	}
	return in, nil
}

// actor is who acts and when, for the review and the audit log.
func actor(r *http.Request) (who, now string) {
	return principalOf(r).name, store.Stamp(time.Now())
}

// answer writes the incident id as stored now.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, id string, status int) error {
	in, _, err := s.cfg.DB.Incident(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, status, in.Record())
	return nil
}

// confirm answers POST /api/incidents/{id}/confirm.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request) error {
	return s.setStatus(w, r, store.ActionConfirm, incident.Confirmed)
}

// reject answers POST /api/incidents/{id}/reject. A rejected incident
// is left out of lists and exports unless asked for.
func (s *Server) reject(w http.ResponseWriter, r *http.Request) error {
	return s.setStatus(w, r, store.ActionReject, incident.Rejected)
}

// setStatus sets an incident's review status, keeping the values set by
// hand, and logs it.
func (s *Server) setStatus(w http.ResponseWriter, r *http.Request, action, status string) error {
	var req NoteRequest
	if err := decodeBody(r, &req, true); err != nil {
		return err
	}
	if err := checkNote(req.Note); err != nil {
		return err
	}
	ctx, id := r.Context(), r.PathValue("id")
	who, now := actor(r)
	err := s.cfg.DB.Update(ctx, func(tx *store.Tx) error {
		in, err := loadForChange(ctx, tx, id)
		if err != nil {
			return err
		}
		rv := in.Review()
		before := rv.Status
		rv.Status, rv.By, rv.At = status, &who, &now
		if err := tx.SetReview(ctx, in.ID, rv); err != nil {
			return err
		}
		_, err = tx.Audit(ctx, store.AuditEntry{Incident: in.ID, User: who, Action: action, At: now,
			Before: mustJSON(before), After: mustJSON(status), Note: req.Note})
		return err
	})
	if err != nil {
		return err
	}
	return s.answer(w, r, id, http.StatusOK)
}

// edit answers PATCH /api/incidents/{id}: the values given are stored
// as overrides, applied over the reconciled ones from then on, and each
// field's change is logged with its value before and after.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) error {
	var req EditRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if err := checkNote(req.Note); err != nil {
		return err
	}
	if len(req.Set) == 0 {
		return apiError(BadRequest, "bad_value", `set: want at least one field, such as {"set": {"counts.killed": {"min": 2, "max": 2}}}`)
	}
	// Every value is checked before any is set, in the record's order.
	fields := make([]string, 0, len(req.Set))
	for f := range req.Set {
		fields = append(fields, f)
	}
	slices.SortFunc(fields, func(a, b string) int {
		return fieldOrder(a) - fieldOrder(b)
	})
	vals := make(map[string]json.RawMessage, len(fields))
	for _, f := range fields {
		v, err := incident.CheckOverride(f, req.Set[f])
		if err != nil {
			return err
		}
		vals[f] = v
	}
	ctx, id := r.Context(), r.PathValue("id")
	who, now := actor(r)
	err := s.cfg.DB.Update(ctx, func(tx *store.Tx) error {
		in, err := loadForChange(ctx, tx, id)
		if err != nil {
			return err
		}
		before := in.Record()
		rv := in.Review()
		ov := make(map[string]json.RawMessage, len(rv.Overrides)+len(vals))
		for f, v := range rv.Overrides {
			ov[f] = v
		}
		for f, v := range vals {
			ov[f] = v
		}
		rv.Overrides, rv.Status, rv.By, rv.At = ov, incident.Edited, &who, &now
		in.SetReview(rv)
		after := in.Record()
		if err := incident.CheckRecord(after); err != nil {
			return err
		}
		if err := tx.SetReview(ctx, in.ID, rv); err != nil {
			return err
		}
		for _, f := range fields {
			_, err := tx.Audit(ctx, store.AuditEntry{Incident: in.ID, User: who, Action: store.ActionEdit, At: now, Field: &f,
				Before: incident.FieldValue(before, f), After: incident.FieldValue(after, f), Note: req.Note})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.answer(w, r, id, http.StatusOK)
}

// fieldOrder is a field path's place in incident.Fields; unknown paths
// come first, so that the first error named is about one of them.
func fieldOrder(f string) int { return slices.Index(incident.Fields, f) }

// merge answers POST /api/incidents/{id}/merge: the other incident's
// sources join {id}, and the other id redirects to it from then on.
// Values set by hand on the other that {id} lacks are kept.
func (s *Server) merge(w http.ResponseWriter, r *http.Request) error {
	var req MergeRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if err := checkNote(req.Note); err != nil {
		return err
	}
	if req.Other == "" {
		return apiError(BadRequest, "bad_value", "other: want the id of the incident to merge into this one")
	}
	ctx, id := r.Context(), r.PathValue("id")
	who, now := actor(r)
	err := s.cfg.DB.Update(ctx, func(tx *store.Tx) error {
		in, err := loadForChange(ctx, tx, id)
		if err != nil {
			return err
		}
		o, _, err := tx.Incident(ctx, req.Other)
		if errors.Is(err, store.ErrNotFound) {
			return apiError(NotFound, "incident_not_found", "other: incident %q: not found", req.Other)
		}
		if err != nil {
			return err
		}
		if o.ID == in.ID {
			return apiError(BadRequest, "bad_value", "other: %q is incident %s already", req.Other, in.ID)
		}
		before := []sourcesJSON{sourcesOf(in.ID, in.Members), sourcesOf(o.ID, o.Members)}
		in.Absorb(o, fmt.Sprintf("merged into %s by %s", in.ID, who))
		if err := tx.SaveIncident(ctx, in, []*incident.Incident{o}); err != nil {
			return err
		}
		_, err = tx.Audit(ctx, store.AuditEntry{Incident: in.ID, User: who, Action: store.ActionMerge, At: now,
			Before: mustJSON(before), After: mustJSON(sourcesOf(in.ID, in.Members)), Note: req.Note})
		return err
	})
	if err != nil {
		return err
	}
	return s.answer(w, r, id, http.StatusOK)
}

// split answers POST /api/incidents/{id}/split: the sources named move
// to a new incident, unreviewed, and 201 answers both.
func (s *Server) split(w http.ResponseWriter, r *http.Request) error {
	var req SplitRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if err := checkNote(req.Note); err != nil {
		return err
	}
	if len(req.Events) == 0 {
		return apiError(BadRequest, "bad_value", `events: want the sources to move, such as [{"article": "ID", "event": "ev1"}]`)
	}
	ctx, id := r.Context(), r.PathValue("id")
	who, now := actor(r)
	var newID string
	err := s.cfg.DB.Update(ctx, func(tx *store.Tx) error {
		in, err := loadForChange(ctx, tx, id)
		if err != nil {
			return err
		}
		byRef := map[EventRef]*incident.Member{}
		for _, m := range in.Members {
			byRef[EventRef{m.Article, m.Event.ID}] = m
		}
		move := map[*incident.Member]bool{}
		for _, ref := range req.Events {
			m := byRef[ref]
			if m == nil {
				return apiError(BadRequest, "bad_value", "events: %s/%s is not a source of incident %s", ref.Article, ref.Event, in.ID)
			}
			if move[m] {
				return apiError(BadRequest, "bad_value", "events: %s/%s is named twice", ref.Article, ref.Event)
			}
			move[m] = true
		}
		if len(move) == len(in.Members) {
			return apiError(BadRequest, "bad_value", "events: every source of incident %s is named; leave at least one", in.ID)
		}
		var moved, kept []*incident.Member
		for _, m := range in.Members {
			if move[m] {
				m.Reason, m.Score = fmt.Sprintf("split from %s by %s", in.ID, who), 0
				moved = append(moved, m)
			} else {
				kept = append(kept, m)
			}
		}
		before := sourcesOf(in.ID, in.Members)
		if newID, err = tx.NextIncidentID(ctx, moved); err != nil {
			return err
		}
		seq, err := tx.NextIncidentSeq(ctx)
		if err != nil {
			return err
		}
		nu := &incident.Incident{ID: newID, Seq: seq, Members: moved}
		rest := &incident.Incident{ID: in.ID, Seq: in.Seq, Members: kept}
		if err := tx.SaveIncident(ctx, nu, nil); err != nil {
			return err
		}
		if err := tx.SaveIncident(ctx, rest, nil); err != nil {
			return err
		}
		after := mustJSON([]sourcesJSON{sourcesOf(rest.ID, kept), sourcesOf(nu.ID, moved)})
		for _, at := range []string{in.ID, nu.ID} {
			if _, err := tx.Audit(ctx, store.AuditEntry{Incident: at, User: who, Action: store.ActionSplit, At: now,
				Before: mustJSON(before), After: after, Note: req.Note}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var body SplitBody
	for _, x := range []struct {
		id  string
		dst **incident.Record
	}{{id, &body.Incident}, {newID, &body.New}} {
		in, _, err := s.cfg.DB.Incident(ctx, x.id)
		if err != nil {
			return err
		}
		*x.dst = in.Record()
	}
	w.Header().Set("Location", "/api/incidents/"+url.PathEscape(newID))
	writeJSON(w, http.StatusCreated, &body)
	return nil
}

// audit answers GET /api/incidents/{id}/audit: what reviewers did to the
// incident and to those merged into it, newest first. A merged id
// answers 301 to the survivor's log.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	ctx, id := r.Context(), r.PathValue("id")
	in, via, err := s.cfg.DB.Incident(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return apiError(NotFound, "incident_not_found", "incident %q: not found", id)
	}
	if err != nil {
		return err
	}
	if via != "" {
		loc := "/api/incidents/" + url.PathEscape(via) + "/audit"
		w.Header().Set("Location", loc)
		writeJSON(w, http.StatusMovedPermanently, &redirectBody{ID: id, MergedIn: via, Location: loc})
		return nil
	}
	entries, err := s.cfg.DB.AuditLog(ctx, in.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, &AuditBody{Entries: entries})
	return nil
}

// queue answers GET /api/review/queue: unreviewed incidents, those with
// the most needs first, then the least confident, then the newest, a
// page at a time by cursor.
func (s *Server) queue(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, err := parseLimit(v)
	if err != nil {
		return err
	}
	var after *store.QueueCursor
	if c := v.Get("cursor"); c != "" {
		// Every part must be there: a cursor of another list is refused
		// rather than read as a position in this one.
		var qc struct {
			Needs      *int     `json:"n"`
			Confidence *float64 `json:"c"`
			Date       *string  `json:"d"`
			ID         string   `json:"i"`
		}
		if !decodeCursor(c, &qc) || qc.Needs == nil || qc.Confidence == nil || qc.Date == nil || qc.ID == "" {
			return badParam("cursor", c, "a next_cursor from an earlier page of the queue")
		}
		after = &store.QueueCursor{Needs: *qc.Needs, Confidence: *qc.Confidence, Date: *qc.Date, ID: qc.ID}
	}
	ins, next, err := s.cfg.DB.Queue(r.Context(), limit, after)
	if err != nil {
		return err
	}
	p := page{Incidents: make([]*incident.Record, 0, len(ins)), Limit: limit}
	for _, in := range ins {
		p.Incidents = append(p.Incidents, in.Record())
	}
	if next != nil {
		c := encodeCursor(next)
		p.NextCursor = &c
	}
	writeJSON(w, http.StatusOK, &p)
	return nil
}
