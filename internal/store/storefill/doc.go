// Package storefill fills a sitrep database with synthetic incidents, fast,
// for the benchmarks that need a large store: the million-incident query
// benchmark of package store and the load benchmark of package server
// (both behind the build tag bench). It writes rows straight into the
// tables, prepared one row at a time in large transactions on SQLite and
// as multi-row inserts on PostgreSQL, rather than through the ingest
// pipeline, which would take hours for a million incidents.
//
// A fill is one of two kinds:
//
//   - Bare incidents (Options.Reports false): one row per incident with the
//     indexed columns, a stub reconciled record and the stored record of
//     an incident with no reports, and no reports. This is what the
//     query benchmark needs to time the walk along the indexes, and it
//     takes seconds per million.
//   - Incidents with their reports (Options.Reports true): each incident
//     has one to four reports, each an article (title, text, outlet, URL,
//     a compressed raw input) with the event read from it (actors, place,
//     date, counts, attribution, evidence sentences) and its place in the
//     incident, and about one article in ten has a near-duplicate copy
//     from another outlet. The API then answers with records of the size
//     of real ones, about 1.5 to 6 KB of JSON each.
//
// Either way each incident's stored record (incidents.record, schema 6)
// is written with its row, rendered from the incident as generated:
// byte for byte what the store renders from the rows (TestFill checks),
// and a table as compact as one written once.
//
// Entities and near-duplicate sketches are not written, since no query of
// incidents reads them. The data come from a seeded generator, so the
// same Options give the same database.
//
// Most incidents cluster around 40 conflict countries (Hotspots); the
// rest are spread over the inhabited latitudes. Types follow a
// Zipf-like law (Type). Benchmarks draw their query boxes from the same
// tables.
package storefill
