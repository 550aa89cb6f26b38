package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/access"
	"sitrep/internal/store"
)

func runCLI(stdin string, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestUsersAndTokens adds users from stdin and a file, lists them, and
// makes a token, then checks what the store holds.
func TestUsersAndTokens(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sitrep.db")
	if out, errs, code := runCLI("s3cret-enough\n", "user", "add", "alice", "--role", "reviewer", "--db", db); code != 0 || !strings.Contains(out, "alice added as reviewer") {
		t.Fatalf("user add from stdin: status %d, %q %q", code, out, errs)
	}
	pwFile := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pwFile, []byte("another-secret\nignored second line\n"), 0o600)
	if _, errs, code := runCLI("", "user", "add", "--db", db, "vic", "--role", "viewer", "--password-file", pwFile); code != 0 {
		t.Fatalf("user add from a file: status %d, %q", code, errs)
	}
	for _, c := range []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"s3cret-enough\n", []string{"user", "add", "alice", "--role", "viewer"}, 1, "exists already"},
		{"s3cret-enough\n", []string{"user", "add", "bob", "--role", "boss"}, 2, "want viewer, reviewer or admin"},
		{"s3cret-enough\n", []string{"user", "add", "bob"}, 2, "want viewer, reviewer or admin"},
		{"short\n", []string{"user", "add", "bob", "--role", "viewer"}, 2, "want 8 to 1024"},
		{"s3cret-enough\n", []string{"user", "add", "(token)", "--role", "admin"}, 2, "user name"},
		{"", []string{"user", "add", "--role", "admin"}, 2, "usage"},
		{"", []string{"user", "remove", "alice"}, 2, "unknown subcommand"},
		{"", []string{"token", "add", "ci", "--user", "nobody"}, 1, "no such user"},
		{"", []string{"token", "add", "--user", "alice"}, 2, "usage"},
	} {
		_, errs, code := runCLI(c.stdin, append(c.args, "--db", db)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: got status %d, %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	out, _, code := runCLI("", "user", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[1], "alice") || !strings.Contains(lines[1], "reviewer") || !strings.HasPrefix(lines[2], "vic") {
		t.Errorf("user list: status %d\n%s", code, out)
	}
	out, errs, code := runCLI("", "token", "add", "ci", "--user", "alice", "--db", db)
	tok := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(tok, access.TokenPrefix) || !strings.Contains(errs, "shown once") {
		t.Fatalf("token add: status %d, %q %q", code, out, errs)
	}
	if _, errs, code := runCLI("", "token", "add", "ci", "--user", "alice", "--db", db); code != 1 || !strings.Contains(errs, "already") {
		t.Errorf("token add twice: status %d, %q", code, errs)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, hash, err := st.UserPassword(ctx, "alice")
	if err != nil || u.Role != "reviewer" || !strings.HasPrefix(hash, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Fatalf("alice as stored: %+v, %q, %v; want a reviewer with an argon2id hash of the default cost", u, hash, err)
	}
	if ok, err := access.CheckPassword("s3cret-enough", hash); !ok || err != nil {
		t.Errorf("alice's password: got %v, %v", ok, err)
	}
	_, hash, _ = st.UserPassword(ctx, "vic")
	if ok, _ := access.CheckPassword("another-secret", hash); !ok {
		t.Error("vic's password: want the file's first line")
	}
	if u, err := st.TokenUser(ctx, access.HashSecret(tok)); err != nil || u.Name != "alice" {
		t.Errorf("token: acts as %q (%v), want alice", u.Name, err)
	}
}

// TestDemo fills a database with the example reports, twice.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, errs, code := runCLI("", "demo", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "demo: 8 example reports read (8 new)") || !strings.Contains(out, "sitrep serve --db "+db) {
		t.Fatalf("demo: status %d, %q %q", code, out, errs)
	}
	out, _, code = runCLI("", "incidents", "--db", db, "--country", "KE")
	if code != 0 || !strings.Contains(out, "PROTEST") {
		t.Errorf("incidents in Kenya after the demo: status %d\n%s", code, out)
	}
	out, _, _ = runCLI("", "incidents", "show", "--db", db, "--json", strings.Fields(strings.Split(out, "\n")[1])[0])
	if !strings.Contains(out, `"input": "demo:01_nairobi_protest.txt"`) {
		t.Errorf("a demo incident's source: want input demo:01_nairobi_protest.txt in\n%.600s", out)
	}
	if _, errs, code := runCLI("", "incidents", "--db", db, "--review", "maybe"); code != 2 || !strings.Contains(errs, "--review") {
		t.Errorf("bad --review: status %d, %q", code, errs)
	}
	all, _, _ := runCLI("", "incidents", "--db", db, "--review", "all", "--limit", "0")
	unreviewed, _, _ := runCLI("", "incidents", "--db", db, "--review", "unreviewed", "--limit", "0")
	if all != unreviewed || strings.Count(all, "\n") < 9 {
		t.Errorf("--review all and unreviewed: want the same incidents (none reviewed yet), at least 8; got\n%s\nand\n%s", all, unreviewed)
	}
	out, _, code = runCLI("", "demo", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "demo: 8 example reports read (0 new)") {
		t.Errorf("demo again: status %d, %q", code, out)
	}
}
