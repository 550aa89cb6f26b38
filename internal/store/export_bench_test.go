//go:build bench

package store

import "context"

// A hook for the million-incident benchmark in package store_test, which
// cannot be in package store because it uses storetest and storefill.

// BenchPlan returns the plan for PageRecords' query of f.
func (db *DB) BenchPlan(ctx context.Context, f Filter) ([]string, error) {
	sel, args, err := db.selectNewest(ctx, f, f.Limit+1, recordColumns)
	if err != nil {
		return nil, err
	}
	q := `EXPLAIN QUERY PLAN ` + sel
	if db.dialect == Postgres {
		q = `EXPLAIN ` + sel
	}
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		if db.dialect == Postgres {
			var s string
			if err := rows.Scan(&s); err != nil {
				return nil, err
			}
			out = append(out, s)
			continue
		}
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return nil, err
		}
		out = append(out, detail)
	}
	return out, rows.Err()
}
