package access

import (
	"errors"
	"strings"
	"testing"
)

// cheap keeps the tests fast; the format and the check do not depend on
// the cost.
var cheap = Params{Memory: 64, Time: 1, Threads: 1}

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") || strings.Count(h, "$") != 5 {
		t.Errorf("hash %q: want the PHC form $argon2id$v=19$m=64,t=1,p=1$SALT$HASH", h)
	}
	for _, c := range []struct {
		pw   string
		want bool
	}{{"correct horse", true}, {"correct horsE", false}, {"", false}, {"correct horse ", false}} {
		ok, err := CheckPassword(c.pw, h)
		if err != nil || ok != c.want {
			t.Errorf("check %q: got %v, %v; want %v", c.pw, ok, err, c.want)
		}
	}
	h2, _ := HashPassword("correct horse", cheap)
	if h2 == h {
		t.Error("two hashes of one password are equal: want a random salt each")
	}
}

func TestDefaultParamsInHash(t *testing.T) {
	if testing.Short() {
		t.Skip("hashing with 64 MiB")
	}
	h, err := HashPassword("pw", DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "$m=65536,t=2,p=2$") {
		t.Errorf("hash %q: want m=65536,t=2,p=2 recorded", h)
	}
	if ok, err := CheckPassword("pw", h); !ok || err != nil {
		t.Errorf("check: got %v, %v", ok, err)
	}
}

func TestBadHashes(t *testing.T) {
	good, _ := HashPassword("pw", cheap)
	parts := strings.Split(good, "$")
	for _, h := range []string{
		"",
		"plain",
		"$argon2i$v=19$m=64,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=16$m=64,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=99999999,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=64,t=0,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=64,t=1,p=1$!!$" + parts[5],
		"$argon2id$v=19$m=64,t=1,p=1$" + parts[4] + "$",
	} {
		if ok, err := CheckPassword("pw", h); ok || !errors.Is(err, ErrBadHash) {
			t.Errorf("check against %q: got %v, %v; want ErrBadHash", h, ok, err)
		}
	}
	if _, err := HashPassword("pw", Params{Memory: 64, Time: 0, Threads: 1}); err == nil {
		t.Error("hash with t=0: got no error")
	}
}

func TestRoles(t *testing.T) {
	for _, c := range []struct {
		name string
		want Role
		err  bool
	}{{"viewer", Viewer, false}, {"reviewer", Reviewer, false}, {"admin", Admin, false}, {"anonymous", Anonymous, true}, {"Admin", Anonymous, true}, {"", Anonymous, true}} {
		r, err := ParseRole(c.name)
		if r != c.want || (err != nil) != c.err {
			t.Errorf("ParseRole(%q): got %v, %v; want %v, error %v", c.name, r, err, c.want, c.err)
		}
	}
	if !Admin.Allows(Reviewer) || !Reviewer.Allows(Viewer) || Viewer.Allows(Reviewer) || Reviewer.Allows(Admin) || Anonymous.Allows(Viewer) {
		t.Error("Allows: want viewer < reviewer < admin")
	}
}

func TestNames(t *testing.T) {
	for _, ok := range []string{"alice", "a", "bob.smith", "r2-d2", "x_y"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("CheckName(%q): got %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", "(token)", ".alice", "al ice", "al\nice", "é", strings.Repeat("a", MaxName+1)} {
		if err := CheckName(bad); err == nil {
			t.Errorf("CheckName(%q): got nil, want an error", bad)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	if a == b || len(a) != 43 || strings.ContainsAny(a, "+/=") {
		t.Errorf("secrets %q, %q: want two different 43-character base64url strings", a, b)
	}
	tok := NewToken()
	if !strings.HasPrefix(tok, TokenPrefix) {
		t.Errorf("token %q: want prefix %s", tok, TokenPrefix)
	}
	if h := HashSecret("x"); h != "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" {
		t.Errorf("HashSecret(x): got %s, want its SHA-256", h)
	}
}
