package storefill

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite"

	"sitrep/internal/store"
)

// Version is the sitrep_version of every row Fill writes.
const Version = "bench"

// Options say what Fill writes.
type Options struct {
	// N is the number of incidents.
	N int
	// From is the first day an incident can start on (YYYY-MM-DD), and
	// Days the number of days their starts spread over.
	From string
	Days int
	// Reports gives every incident its reports, so that the API answers
	// with records of realistic size; without, incidents are bare rows.
	Reports bool
	// Seed seeds the generator, PCG(Seed, Seed+1).
	Seed uint64
	// Logf, when set, is told of progress every 100,000 incidents.
	Logf func(format string, args ...any)
}

// Hotspot is the centre of a country where incidents cluster.
type Hotspot struct {
	Lat, Lon float64
	// Country and ISO3 are the country's ISO 3166-1 codes.
	Country, ISO3 string
}

// Hotspots are the centres, roughly, of 40 countries where most
// synthetic incidents fall; the rest are spread over the inhabited
// latitudes.
var Hotspots = []Hotspot{
	{15.5, 30, "SD", "SDN"}, {9, 8, "NG", "NGA"}, {-2, 23, "CD", "COD"}, {6, 31, "SS", "SSD"}, {5, 46, "SO", "SOM"},
	{9, 39, "ET", "ETH"}, {12, 43, "DJ", "DJI"}, {15, 48, "YE", "YEM"}, {33, 44, "IQ", "IRQ"}, {35, 38, "SY", "SYR"},
	{33, 66, "AF", "AFG"}, {30, 70, "PK", "PAK"}, {20, 77, "IN", "IND"}, {23, 90, "BD", "BGD"}, {21, 96, "MM", "MMR"},
	{12, 122, "PH", "PHL"}, {49, 31, "UA", "UKR"}, {42, 43, "GE", "GEO"}, {40, 45, "AM", "ARM"}, {31, 35, "PS", "PSE"},
	{27, 17, "LY", "LBY"}, {17, -4, "ML", "MLI"}, {12, -1.5, "BF", "BFA"}, {15, 19, "TD", "TCD"}, {7, 21, "CF", "CAF"},
	{-19, 35, "MZ", "MOZ"}, {0, 38, "KE", "KEN"}, {1, 32, "UG", "UGA"}, {-30, 25, "ZA", "ZAF"}, {19, -99, "MX", "MEX"},
	{4, -73, "CO", "COL"}, {7, -66, "VE", "VEN"}, {-10, -75, "PE", "PER"}, {19, -72, "HT", "HTI"}, {14, -90, "GT", "GTM"},
	{-15, -50, "BR", "BRA"}, {39, 35, "TR", "TUR"}, {32, 53, "IR", "IRN"}, {28, 84, "NP", "NPL"}, {-3, 30, "BI", "BDI"},
}

// Types are the PLOVER event types of the synthetic incidents, the
// commonest first.
var Types = []string{"ASSAULT", "PROTEST", "FIGHT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE", "REQUEST",
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "RETREAT", "AID", "SANCTION", "REJECT"}

// Type draws a type, the first ones more often (Zipf-like), as real
// incidents share them.
func Type(r *rand.Rand) string {
	i := int(math.Floor(float64(len(Types)) * math.Pow(r.Float64(), 2)))
	return Types[i]
}

// Fill writes o.N synthetic incidents into the database dsn (a SQLite
// file path or a postgres:// URL), bringing its schema up to date first,
// and then refreshes the planner's statistics, as a deployment's ANALYZE
// does. The database should hold no incidents yet: ids and sequence
// numbers start afresh.
func Fill(ctx context.Context, dsn string, o Options) error {
	if o.N < 1 || o.Days < 1 {
		return fmt.Errorf("fill: want N and Days above 0, got %d and %d", o.N, o.Days)
	}
	first, err := time.Parse(time.DateOnly, o.From)
	if err != nil {
		return fmt.Errorf("fill: From %q: want a date as YYYY-MM-DD", o.From)
	}
	s, err := store.Open(ctx, dsn, store.Options{Version: Version})
	if err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	s.Close()

	pg := store.IsPostgres(dsn)
	var db *sql.DB
	if pg {
		db, err = sql.Open("pgx", dsn)
	} else {
		// Durability is not wanted here: the rows are thrown away after
		// the benchmark.
		db, err = sql.Open("sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&_pragma=synchronous(OFF)&_pragma=cache_size(-524288)")
	}
	if err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)

	// The full-text index is built once at the end, which is many times
	// faster than keeping it up to date row by row: SQLite's trigger
	// flushes it to disk after every row, and PostgreSQL's GIN index
	// grows slowly.
	read, drop, build := `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert'`,
		`DROP TRIGGER articles_fts_insert`, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`
	if pg {
		read, drop, build = `SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_search'`, `DROP INDEX articles_search`, ""
	}
	var restore string
	if err := db.QueryRowContext(ctx, read).Scan(&restore); err != nil {
		return fmt.Errorf("fill: read the full-text index: %w", err)
	}
	if _, err := db.ExecContext(ctx, drop); err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	began := time.Now()
	err = write(ctx, db, pg, first, o)
	// After a failure too, so that the database keeps its schema.
	for _, stmt := range []string{restore, build} {
		if stmt == "" {
			continue
		}
		if _, rerr := db.ExecContext(context.WithoutCancel(ctx), stmt); rerr != nil {
			err = errors.Join(err, fmt.Errorf("build the full-text index: %w", rerr))
		}
	}
	if err != nil {
		return fmt.Errorf("fill: %w", err)
	}

	// Statistics for the planner, as a deployment gets from ANALYZE (or
	// SQLite's PRAGMA optimize); on PostgreSQL VACUUM also sets the
	// visibility map that index-only scans need.
	stmt := `ANALYZE`
	if pg {
		stmt = `VACUUM ANALYZE`
	}
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("fill: %s: %w", stmt, err)
	}
	// Everything on disk, so that a benchmark that follows measures its
	// queries rather than the kernel writing a gigabyte back meanwhile.
	if err := settle(ctx, db, pg, dsn); err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	if o.Logf != nil {
		o.Logf("filled, indexed, analysed and synced %d incidents in %s", o.N, time.Since(began).Round(time.Second))
	}
	return nil
}

// settle writes the database out: SQLite's log into the file and the
// file to disk, PostgreSQL's buffers by a checkpoint (which needs the
// pg_checkpoint role or a superuser, as the test server's is; without,
// the buffers are left to the server's own checkpoints).
func settle(ctx context.Context, db *sql.DB, pg bool, path string) error {
	if pg {
		db.ExecContext(ctx, `CHECKPOINT`)
		return nil
	}
	var busy, frames, done int
	if err := db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// write generates the incidents and inserts them a batch at a time.
func write(ctx context.Context, db *sql.DB, pg bool, first time.Time, o Options) error {
	// Days far enough past the last for the longest span and a late
	// publication.
	days := make([]string, o.Days+16)
	for i := range days {
		days[i] = first.AddDate(0, 0, i).Format(time.DateOnly)
	}
	g := newGen(rand.New(rand.NewPCG(o.Seed, o.Seed+1)), days[:o.Days], days)
	batch := 5000
	if o.Reports {
		batch = 1000
	}
	began := time.Now()
	for done := 0; done < o.N; {
		k := min(batch, o.N-done)
		for i := range k {
			seq := int64(done + i + 1)
			if !o.Reports {
				g.bare(seq)
			} else if err := g.incident(seq); err != nil {
				return err
			}
		}
		if err := flush(ctx, db, pg, g.tables()); err != nil {
			return err
		}
		done += k
		if o.Logf != nil && done%100000 == 0 {
			o.Logf("written %d incidents in %s", done, time.Since(began).Round(time.Second))
		}
	}
	return nil
}

// table is the rows waiting to be inserted into one table.
type table struct {
	name string
	cols []string
	args []any // len(cols) a row
}

func (t *table) add(vals ...any) {
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("storefill: %d values for the %d columns of %s", len(vals), len(t.cols), t.name))
	}
	t.args = append(t.args, vals...)
}

// insert is the statement inserting rows rows into t.
func (t *table) insert(rows int) string {
	var sb strings.Builder
	sb.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES ")
	n := 1
	for i := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for j := range t.cols {
			if j > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("$" + strconv.Itoa(n))
			n++
		}
		sb.WriteByte(')')
	}
	return sb.String()
}

// flush inserts the waiting rows of the tables, in order, in one
// transaction. SQLite is fastest one prepared row at a time; PostgreSQL
// with many rows a statement, up to its 65535 parameters.
func flush(ctx context.Context, db *sql.DB, pg bool, tables []*table) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	err = func() error {
		for _, t := range tables {
			n := len(t.cols)
			if len(t.args) == 0 {
				continue
			}
			if pg {
				per := min(2000, 65535/n) * n
				for i := 0; i < len(t.args); i += per {
					part := t.args[i:min(len(t.args), i+per)]
					if _, err := tx.ExecContext(ctx, t.insert(len(part)/n), part...); err != nil {
						return fmt.Errorf("insert into %s: %w", t.name, err)
					}
				}
			} else {
				st, err := tx.PrepareContext(ctx, t.insert(1))
				if err != nil {
					return fmt.Errorf("insert into %s: %w", t.name, err)
				}
				for i := 0; i < len(t.args); i += n {
					if _, err := st.ExecContext(ctx, t.args[i:i+n]...); err != nil {
						st.Close()
						return fmt.Errorf("insert into %s: %w", t.name, err)
					}
				}
				st.Close()
			}
			clear(t.args)
			t.args = t.args[:0]
		}
		return nil
	}()
	if err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}
