// Package incident merges the events that reports give of one real-world
// happening into an incident, reconciles the incident's fields from them,
// and says why each event joined. It is a pure stage: events in,
// decisions and records out, no I/O; the ingest package feeds it from the
// store and writes back what it decides.
//
// # When an event joins an incident
//
// An event is compared with each candidate incident's reconciled fields.
// It joins when every test below passes:
//
//   - Type: the same PLOVER type.
//   - Article: no event of the same article is already in the incident.
//     The extractor already merges the mentions of one happening within a
//     report, so two events of one report are two happenings.
//   - Date: the date ranges overlap. An event without a date is given the
//     window of the three days up to its report's publication date; such a
//     date is weak, and so is a range wider than a week ("last month").
//   - Place: both places at city precision or finer lie within a distance
//     that depends on the type (MaxKm: 25 km for an assault, 10 km for a
//     protest, 50 km for a mobilisation, 100 km for the rest); a place
//     known only to its first-level region (admin1) matches a place in the
//     same region; a place known only to its country matches a place in the
//     same country, weakly. An unknown place is weak, and allowed only
//     when the two share a named actor.
//   - Actors: the sources and the targets do not clash (both name a
//     country and the countries differ, or both have a sector and the
//     sectors differ); a source and target given the other way round match
//     too.
//   - Mode: the PLOVER modes are the same, of one family (explosives and
//     suicide attacks; aerial, drone and heavy weapons; firearms, massacre,
//     execution and assassination; abduction and others of their own), or
//     one is unknown.
//   - Modality: an event that did not or may not happen (negated,
//     hypothetical) never forms or joins an incident.
//
// A weak date and a weak place together are not enough. Among the
// incidents that pass, the event joins the one with the highest score
// (closer places, same day, same mode, named actors that agree). When it
// passes strongly for more than one incident (a place at city precision,
// a dated day) and those incidents share no report, they are one
// happening: they merge into the oldest, and the others' ids redirect to
// it.
//
// # Stable ids
//
// An incident's id is the first 16 hex digits of the hash of the article
// that first reported it, a dash, and that event's id within the article
// ("8289eb55526a454f-ev1"). Reprocessing and re-exporting keep it; an
// incident absorbed by another keeps leading to the survivor through the
// store's redirect table.
//
// # Reconciliation policy
//
// The incident's own fields are reconciled from its events as follows;
// every event keeps what its report said, visible in the incident's
// sources.
//
//   - Counts (killed, injured, arrested, participants): the most
//     conservative credible figure, as ACLED does. Credible figures are
//     those of the most assertive modality that reports the count
//     (asserted before alleged before claimed); among them the lowest
//     lower bound wins, a closed range before an open one. A party's
//     claimed toll does not override a figure a report states as fact.
//   - Date: the most precise date (day before week, month, year), the
//     narrowest range among those, then the one most reports give, then
//     the earliest report's.
//   - Place: the most precise place (point, city, admin2, admin1, region,
//     country), then the one most reports give, then the earliest.
//   - Mode, CAMEO and ACLED codes: the mode most reports give (the
//     earliest on a tie), with that event's codes.
//   - Source and target: the actor most reports give by name, else the
//     earliest report's.
//   - Modality: the most assertive of the events.
//   - Confidence: one less the product of one less each outlet's highest
//     event confidence (independent reports raise it), at most 0.99.
//
// # Review
//
// People review incidents (review.go): they confirm or reject one, or set
// fields by hand. A field set by hand is an override, a field path
// (Fields) and a JSON value, that Record applies over the reconciled
// value every time it builds the record, so that whatever rebuilds the
// incident later (a new report, a new version of one, a merge) never
// undoes it; each source still shows what its report said. The record's
// review object also says what the incident needs: low_confidence below
// LowConfidence, conflicting_figures when its sources give different
// killed, injured or arrested figures (unless one was set by hand), and
// unresolved_place when it has no place on the map.
package incident
