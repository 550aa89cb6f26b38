package store

import (
	"context"
	"database/sql"
	"errors"
)

// wtx is a write transaction that runs, on SQLite, the statements the
// writer keeps prepared. modernc.org/sqlite prepares a statement on every
// call given its text; in an ingest, parsing the same few dozen INSERTs
// and SELECTs took a quarter of the writer's time. The writer has one
// connection, held by the transaction, so a statement first seen in a
// transaction runs unprepared there and is prepared once the
// transaction ends (DB.prepareWanted); PostgreSQL's driver keeps the
// statements it prepares itself.
type wtx struct {
	*sql.Tx
	db     *DB
	stmts  map[string]*sql.Stmt // the writer's statements bound to this transaction
	wanted []string             // statements to prepare after it
}

func (db *DB) newWtx(tx *sql.Tx) *wtx { return &wtx{Tx: tx, db: db} }

// stmt returns the transaction's form of the writer's statement q, or
// nil when the writer keeps none (yet).
func (t *wtx) stmt(ctx context.Context, q string) *sql.Stmt {
	if t.db.dialect != SQLite {
		return nil
	}
	if st, ok := t.stmts[q]; ok {
		return st
	}
	t.db.stmtMu.Lock()
	st, ok := t.db.wstmts[q]
	full := len(t.db.wstmts) >= maxStmts
	t.db.stmtMu.Unlock()
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	if st == nil {
		// Not kept, or not preparable: unprepared, for the whole
		// transaction.
		if !ok && !full {
			t.wanted = append(t.wanted, q)
		}
		t.stmts[q] = nil
		return nil
	}
	ts := t.Tx.StmtContext(ctx, st)
	t.stmts[q] = ts
	return ts
}

func (t *wtx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t *wtx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t *wtx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// prepareWanted prepares on the writer the statements a finished
// transaction ran unprepared. A statement that fails to prepare (a
// query with several statements, say) is left to run unprepared.
func (db *DB) prepareWanted(ctx context.Context, qs []string) {
	for _, q := range qs {
		db.stmtMu.Lock()
		_, ok := db.wstmts[q]
		full := db.wstmts == nil || len(db.wstmts) >= maxStmts
		db.stmtMu.Unlock()
		if ok || full {
			continue
		}
		st, err := db.w.PrepareContext(ctx, q)
		if err != nil {
			db.stmtMu.Lock()
			if db.wstmts != nil {
				db.wstmts[q] = nil
			}
			db.stmtMu.Unlock()
			continue
		}
		db.stmtMu.Lock()
		if _, ok := db.wstmts[q]; ok || db.wstmts == nil {
			st.Close()
		} else {
			db.wstmts[q] = st
		}
		db.stmtMu.Unlock()
	}
}

// closeStmts closes every kept statement.
func (db *DB) closeStmts() error {
	var err error
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	for _, m := range []map[string]*sql.Stmt{db.stmts, db.wstmts} {
		for _, st := range m {
			if st != nil {
				err = errors.Join(err, st.Close())
			}
		}
	}
	db.stmts, db.wstmts = nil, nil
	return err
}
