//go:build bench

package store

import (
	"context"
	"database/sql"
)

// Hooks for the million-incident benchmark in package store_test, which
// cannot be in package store because it uses storetest.

// BenchExec runs a statement on the writer.
func (db *DB) BenchExec(ctx context.Context, q string, args ...any) error {
	_, err := db.w.ExecContext(ctx, q, args...)
	return err
}

// BenchInsert runs the statement q once for each row of args, prepared,
// in one transaction.
func (db *DB) BenchInsert(ctx context.Context, q string, rows [][]any) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, a := range rows {
			if _, err := st.ExecContext(ctx, a...); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchPlaceholders is placeholders.
func BenchPlaceholders(from, n int) string { return placeholders(from, n) }

// BenchPlan returns SQLite's plan for Page's query of f.
func (db *DB) BenchPlan(ctx context.Context, f Filter) ([]string, error) {
	sel, args, err := db.selectNewest(ctx, f, f.Limit+1)
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
