package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// The child half of TestKillAndRerun: ingest a directory into a database
// and exit, unless killed first.
func TestMain(m *testing.M) {
	if dsn := os.Getenv("SITREP_INGEST_CHILD_DB"); dsn != "" {
		db, err := store.Open(context.Background(), dsn, store.Options{Version: "test"})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		x, err := pipelineNew()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		_, err = ingest.Run(context.Background(), db, x, []string{os.Getenv("SITREP_INGEST_CHILD_DIR")}, ingest.Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// synthetic writes n short reports, each of its own: sentences drawn at
// random from templates filled with random places, actors and numbers,
// so that no two are near duplicates.
func synthetic(t testing.TB, dir string, n int) {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	cities := []string{"Kano", "Lagos", "Abuja", "Jos", "Kaduna", "Mogadishu", "Baidoa", "Kismayo", "Nairobi", "Mombasa",
		"Khartoum", "Nyala", "Juba", "Goma", "Bunia", "Beni", "Bamako", "Gao", "Mopti", "Niamey", "Djibo", "Kabul",
		"Herat", "Quetta", "Peshawar", "Karachi", "Lahore", "Baghdad", "Mosul", "Basra", "Aleppo", "Idlib", "Homs",
		"Sanaa", "Aden", "Taiz", "Kharkiv", "Odesa", "Dnipro", "Lima", "Cusco", "Bogota", "Cali", "Medellin"}
	actors := []string{"Gunmen", "Soldiers", "Police officers", "Militants", "Protesters", "Rebels", "Armed men",
		"Security forces", "Bandits", "Students", "Farmers", "Striking workers", "Residents", "Fighters"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	said := []string{"police said", "witnesses said", "a local official said", "hospital staff said",
		"the regional governor said", "a spokesman for the army said", "residents told reporters", "aid workers said"}
	templates := []string{
		"%[1]s opened fire on a crowd in %[2]s on %[3]s, killing %[4]d people, %[5]s.",
		"%[1]s stormed a village near %[2]s on %[3]s and abducted %[4]d people, %[5]s.",
		"%[1]s marched through the centre of %[2]s on %[3]s to demand higher wages, %[5]s.",
		"An explosion at a market in %[2]s on %[3]s killed %[4]d people and wounded dozens more, %[5]s.",
		"%[1]s blocked the main road into %[2]s with burning tyres on %[3]s, %[5]s.",
		"Police arrested %[4]d people in %[2]s on %[3]s after clashes with %[1]s, %[5]s.",
		"%[1]s set fire to %[4]d houses on the outskirts of %[2]s on %[3]s, %[5]s.",
		"A drone struck a fuel depot in %[2]s on %[3]s, injuring %[4]d workers, %[5]s.",
		"The curfew imposed on %[2]s after %[3]s's unrest would stay in place for %[4]d days, %[5]s.",
		"About %[4]d families fled their homes in %[2]s after the fighting on %[3]s, %[5]s.",
		"Schools in %[2]s stayed closed on %[3]s for the %[4]dth day running, %[5]s.",
		"Talks between %[1]s and the authorities in %[2]s broke down on %[3]s, %[5]s.",
	}
	for i := range n {
		city := cities[r.IntN(len(cities))]
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d from %s\n\n", i, city)
		for j := 0; j < 4; j++ {
			tpl := templates[r.IntN(len(templates))]
			c := city
			if j > 0 && r.IntN(2) == 0 {
				c = cities[r.IntN(len(cities))]
			}
			fmt.Fprintf(&b, tpl+"\n\n", actors[r.IntN(len(actors))], c, days[r.IntN(len(days))], 2+r.IntN(400), said[r.IntN(len(said))])
		}
		fmt.Fprintf(&b, "Reference %d-%d.\n", i, r.IntN(1<<30))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%04d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKillAndRerun kills an ingest of hundreds of reports with SIGKILL
// part way, runs it again, and checks that every report is stored exactly
// once, no event is left unplaced, and the database is sound.
func TestKillAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process: not in -short")
	}
	const n = 300
	src := t.TempDir()
	synthetic(t, src, n)
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			dsn := storetest.DSN(t, backend)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "SITREP_INGEST_CHILD_DB="+dsn, "SITREP_INGEST_CHILD_DIR="+src)
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Kill once some reports are in, well before all are.
			db := storetest.Open(t, dsn)
			deadline := time.Now().Add(60 * time.Second)
			for time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
				c, err := db.Counts(context.Background())
				if err == nil && c.Articles >= n/10 {
					break
				}
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			ctx := context.Background()
			c, err := db.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("killed after %d of %d reports", c.ArticleSources, n)
			if c.ArticleSources >= n {
				t.Logf("the child finished before it was killed; the rerun still checks the rest")
			}

			sum, failed := run(t, db, []string{src}, ingest.Options{})
			if len(failed) > 0 {
				t.Fatalf("failed inputs: %v", failed)
			}
			if sum.New+sum.Duplicate != n {
				t.Errorf("rerun: got %s, want %d inputs accounted for", sum, n)
			}
			c, err = db.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.ArticleSources != n || c.Articles != n {
				t.Errorf("after the rerun: got %d articles from %d inputs, want %d of each", c.Articles, c.ArticleSources, n)
			}
			if err := db.Check(ctx); err != nil {
				t.Error(err)
			}
			// Nothing is left pending: a third run places nothing.
			st, err := ingest.Assign(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if st != (ingest.AssignStats{}) {
				t.Errorf("events left pending after the rerun: %+v", st)
			}
		})
	}
}
