package dict

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const actorsText = `<!-- A TEST ACTOR DICTIONARY -->
<!--
# a comment over
# several lines -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN ; legacy comment
ITHILEN  [ITH]
ITHILEN MILITARY  [ITHMIL]
U.S.  [USA] # the stop is part of the word
lorien  [elr/gal]
BOROMIR  [---]

GOLLUM  # pas 27 Apr 03
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]

HAMFAST GAMGEE [HOB]  # default code
	[HOBGOV 20121109-20130119]

SAM_GAMGEE [HOB]
	[HOBCIV <20080120]
	[ORCHOB 20100109-20100112]
	[HOBMIL 20080120-20121109]
	[HOBGOV 20121109-20130119]
	[HOBELI >20130119]

ZIMBABWE
	[RHO <790606]
	[ZBW]
ONODOHER
	[ONO <911226]
UFFE_ELLEMANN_JENSEN_  [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]
PALESTINE [PAL]
+PALESTINIAN
PALESTINIAN [PSE]
`

const agentsText = `<!-- A TEST AGENT DICTIONARY -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINST! = MINISTER, MINISTRY
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
SOLDIER  [~MIL] # ss 29 Jun 2007
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
AUTHORITY  [~GOV]
ENVOY [~GOV]
OFFICIAL  [~GOV]
FOREIGN_MINISTER [~GOVFRM]
HUMAN_RIGHTS_BODY  [NGO~]
CHURCH [~REL]
`

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func loadTest(t *testing.T) *Coder {
	t.Helper()
	a, err := LoadActors(strings.NewReader(actorsText))
	if err != nil {
		t.Fatalf("LoadActors: %v", err)
	}
	g, err := LoadAgents(strings.NewReader(agentsText))
	if err != nil {
		t.Fatalf("LoadAgents: %v", err)
	}
	return &Coder{Actors: a, Agents: g}
}

func TestActorsMatch(t *testing.T) {
	c := loadTest(t)
	tests := []struct {
		text   string
		at     string
		code   string
		n      int
		wantOK bool
	}{
		{"Arnor", "1995-01-01", "ARN", 1, true},
		{"arnor troops", "1995-01-01", "ARN", 1, true},
		{"Minas Tirith", "1995-01-01", "GON", 2, true},
		{"Minas_Tirith", "1995-01-01", "GON", 1, true},
		{"Minas", "1995-01-01", "", 0, false},
		{"Anorien", "1995-01-01", "GON", 1, true},
		{"Ithilen military chiefs", "1995-01-01", "ITHMIL", 2, true},
		{"Ithilen government", "1995-01-01", "ITH", 1, true},
		{"U.S.", "1995-01-01", "USA", 1, true},
		{"Lorien", "1995-01-01", "ELR/GAL", 1, true},
		{"Boromir", "1995-01-01", Null, 1, true},
		// Date restrictions: before, within, after.
		{"Gollum", "1995-01-01", "HOB", 1, true},
		{"Smeagol", "1995-06-01", "HOBGOV", 1, true},
		{"Smeagol", "1999-08-15", "HOBGOV", 1, true},
		{"Smeagol", "1999-08-16", "HOBREB", 1, true},
		{"Smeagol", "2001-01-01", "HOBREB", 1, true},
		// A restriction that applies beats the default listed before it.
		{"Hamfast Gamgee", "1995-01-04", "HOB", 2, true},
		{"Hamfast Gamgee", "2012-11-09", "HOBGOV", 2, true},
		{"Hamfast Gamgee", "2013-01-19", "HOBGOV", 2, true},
		{"Hamfast Gamgee", "2014-01-04", "HOB", 2, true},
		// Overlapping periods: the one that began latest wins.
		{"Sam Gamgee", "2008-01-19", "HOBCIV", 2, true},
		{"Sam Gamgee", "2008-01-20", "HOBMIL", 2, true},
		{"Sam Gamgee", "2010-01-06", "HOBMIL", 2, true},
		{"Sam Gamgee", "2010-01-09", "ORCHOB", 2, true},
		{"Sam Gamgee", "2010-01-12", "ORCHOB", 2, true},
		{"Sam Gamgee", "2010-01-13", "HOBMIL", 2, true},
		{"Sam Gamgee", "2012-11-09", "HOBGOV", 2, true},
		{"Sam Gamgee", "2013-01-19", "HOBELI", 2, true},
		{"Zimbabwe", "1978-12-23", "RHO", 1, true},
		{"Zimbabwe", "2001-01-01", "ZBW", 1, true},
		// No default: null outside the period.
		{"Onodoher", "1991-12-26", "ONO", 1, true},
		{"Onodoher", "1992-01-01", Null, 1, true},
		{"Uffe Ellemann Jensen", "1987-08-01", "IGOEUREEC", 3, true},
		{"Uffe Ellemann Jensen", "1985-08-01", Null, 3, true},
		// The same phrase in two entries keeps both; the first default wins.
		{"Palestinian", "1995-01-01", "PAL", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.text+"@"+tt.at, func(t *testing.T) {
			code, n, ok := c.Actors.Match(Words(tt.text), day(tt.at))
			if code != tt.code || n != tt.n || ok != tt.wantOK {
				t.Errorf("Match(%q) = %q, %d, %v; want %q, %d, %v", tt.text, code, n, ok, tt.code, tt.n, tt.wantOK)
			}
		})
	}
}

func TestActorsNoDate(t *testing.T) {
	c := loadTest(t)
	for _, tt := range []struct{ text, code string }{
		{"Zimbabwe", "ZBW"}, {"Gollum", Null}, {"Sam Gamgee", "HOB"},
	} {
		if code, _, _ := c.Actors.Match(Words(tt.text), time.Time{}); code != tt.code {
			t.Errorf("Match(%q, no date) = %q, want %q", tt.text, code, tt.code)
		}
	}
}

func TestAgentsMatch(t *testing.T) {
	c := loadTest(t)
	tests := []struct {
		text string
		want Agent
		n    int
	}{
		{"soldier", Agent{Code: "MIL"}, 1},
		{"Soldiers", Agent{Code: "MIL"}, 1},
		{"police", Agent{Code: "COP"}, 1},
		{"attorneys general", Agent{Code: "GOV"}, 2},
		{"authorities", Agent{Code: "GOV"}, 1},
		{"envoys", Agent{Code: "GOV"}, 1},
		{"churches", Agent{Code: "REL"}, 1},
		{"congressmen", Agent{Code: "LEG"}, 1},
		{"congresswoman", Agent{Code: "LEG"}, 1},
		{"ministry of silly walks", Agent{Code: "GOV"}, 4},
		{"foreign minister", Agent{Code: "GOVFRM"}, 2},
		{"human rights bodies", Agent{Code: "NGO", Before: true}, 3},
	}
	for _, tt := range tests {
		ag, n, ok := c.Agents.Match(Words(tt.text))
		if !ok || ag != tt.want || n != tt.n {
			t.Errorf("Match(%q) = %+v, %d, %v; want %+v, %d, true", tt.text, ag, n, ok, tt.want, tt.n)
		}
	}
	for _, s := range []string{"polices", "congress", "minister of silly", "ministries of silly walks"} {
		if ag, n, ok := c.Agents.Match(Words(s)); ok {
			t.Errorf("Match(%q) = %+v, %d; want no match", s, ag, n)
		}
	}
}

func TestCoderCode(t *testing.T) {
	c := loadTest(t)
	tests := []struct {
		text string
		code string
		ok   bool
	}{
		{"Arnor soldiers", "ARNMIL", true},
		{"Arnor's soldiers", "ARNMIL", true},
		{"soldiers of Arnor", "ARNMIL", true},
		{"a senior official", "---GOV", true},
		{"Gondor's foreign minister", "GONGOVFRM", true},
		{"Ithilen military soldiers", "ITHMIL", true},
		{"an Arnor human rights body", "NGOARN", true},
		{"Lorien soldiers", "ELRMIL/GALMIL", true},
		{"crowds", "", false},
	}
	for _, tt := range tests {
		code, ok := c.Code(Words(tt.text), day("1995-01-01"))
		if code != tt.code || ok != tt.ok {
			t.Errorf("Code(%q) = %q, %v; want %q, %v", tt.text, code, ok, tt.code, tt.ok)
		}
	}
	var none Coder
	if code, ok := none.Code(Words("Arnor soldiers"), time.Time{}); ok {
		t.Errorf("empty Coder: Code = %q, true; want false", code)
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Arnor's troops", "Arnor|'s|troops"},
		{"the U.S. army.", "the|U.S.|army"},
		{"(Gondor), \"Rohan\";", "Gondor|Rohan"},
		{"Barad-dur’s", "Barad-dur|'s"},
		{"Arnor.", "Arnor"},
	}
	for _, tt := range tests {
		if got := strings.Join(Words(tt.in), "|"); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"19950601", "1995-06-01"}, {"950601", "1995-06-01"}, {"300101", "2030-01-01"},
		{"310101", "1931-01-01"}, {"20000229", "2000-02-29"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || got.Format("2006-01-02") != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, s := range []string{"", "1995061", "19950231", "19951301", "abcdef", "1995-06-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q): got no error, want one", s)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	actors := []struct{ text, want string }{
		{"[ARN]\n", "line 1: code [ARN] before any actor"},
		{"+ARNORIAN\n", "line 1: synonym +ARNORIAN before any actor"},
		{"ARNOR [ARN\n", "line 1: missing ']'"},
		{"\n\nARNOR []\n", "line 3: empty code []"},
		{"ARNOR [ARN] x\n", "line 1: unexpected \"x\" after a code"},
		{"ARNOR\n  [ARN 1995]\n", "line 2: bad date restriction \"1995\""},
		{"ARNOR [ARN <19951301]\n", "line 1: bad date restriction \"<19951301\""},
		{"ARNOR [ARN 20000101-19990101]\n", "line 1: date restriction \"20000101-19990101\" in [ARN 20000101-19990101] ends before it begins"},
		{"ARNOR [ARN]\n<!-- never closed\nGONDOR [GON]\n", "line 2: comment \"<!--\" is never closed"},
		{"ARNOR ] [ARN]\n", "line 1: unexpected bracket in phrase"},
	}
	for _, tt := range actors {
		_, err := LoadActors(strings.NewReader(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrSyntax) {
			t.Errorf("LoadActors(%q) error = %v, want %q", tt.text, err, tt.want)
		}
	}
	agents := []struct{ text, want string }{
		{"SOLDIER\n", "line 1: agent \"SOLDIER\" has no [code]"},
		{"SOLDIER [MIL]\n", "line 1: agent code [MIL] must be ~CODE or CODE~"},
		{"SOLDIER [~]\n", "line 1: empty agent code"},
		{"SOLDIER [~MIL\n", "line 1: missing ']'"},
		{"TROOPS { [~MIL]\n", "line 1: missing '}'"},
		{"CONGRESS!PERSON! [~LEG]\n", "line 1: substitution marker !PERSON! is not defined above"},
		{"!PERSON = MAN\n", "line 1: substitution marker \"!PERSON\" must look like"},
		{"!PERSON! = \n", "line 1: substitution marker !PERSON! has no forms"},
		{"\nCONGRESS!PERSON [~LEG]\n", "line 2: substitution marker in \"CONGRESS!PERSON\" is not closed"},
	}
	for _, tt := range agents {
		_, err := LoadAgents(strings.NewReader(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrSyntax) {
			t.Errorf("LoadAgents(%q) error = %v, want %q", tt.text, err, tt.want)
		}
	}
}

// TestValidateDictionaries loads PETRARCH's validation dictionaries from
// the shared data directory.
func TestValidateDictionaries(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "cameo")
	fa, err := os.Open(filepath.Join(dir, "PETR.Validate.actors.txt"))
	if err != nil {
		t.Skipf("PETRARCH validation dictionaries not available: %v", err)
	}
	defer fa.Close()
	actors, err := LoadActors(fa)
	if err != nil {
		t.Fatalf("PETR.Validate.actors.txt: %v", err)
	}
	fg, err := os.Open(filepath.Join(dir, "PETR.Validate.agents.txt"))
	if err != nil {
		t.Skipf("PETRARCH validation dictionaries not available: %v", err)
	}
	defer fg.Close()
	agents, err := LoadAgents(fg)
	if err != nil {
		t.Fatalf("PETR.Validate.agents.txt: %v", err)
	}
	if actors.Len() < 150 || agents.Len() < 150 {
		t.Errorf("got %d actor and %d agent phrases, want at least 150 of each", actors.Len(), agents.Len())
	}
	c := &Coder{Actors: actors, Agents: agents}
	tests := []struct{ text, at, want string }{
		{"Arnor", "1995-01-01", "ARN"},
		{"Arnor soldiers", "1995-01-01", "ARNMIL"},
		{"Hamas gunmen", "1995-01-01", "PSEHMSMIL"},
		{"Palestinian", "1995-01-01", "PSE"},
		{"Interpol", "1995-01-01", "IGOCOPITP"},
		{"the Hermit Kingdom", "1995-01-01", "PRK"},
		{"Slinker", "1995-11-01", "HOBGOV"},
		{"Sam Gamgee", "2010-01-10", "ORCHOB"},
		{"Zimbabwe", "1978-12-23", "RHO"},
		{"Prince of Dol Amroth", "1995-01-01", Null},
		{"Prince of Dol Amroth", "1996-01-01", "DOL"},
		{"congressmen", "1995-01-01", "---LEG"},
		{"the Ministry of Silly Walks", "1995-01-01", "---GOV"},
		{"Gondor golden geese", "1995-01-01", "GONGGS"},
		{"Danish Muslim newspaper", "1995-01-01", "DNKMUSMED"},
		{"a human rights body in Arnor", "1995-01-01", "NGOARN"},
	}
	for _, tt := range tests {
		if got, _ := c.Code(Words(tt.text), day(tt.at)); got != tt.want {
			t.Errorf("Code(%q, %s) = %q, want %q", tt.text, tt.at, got, tt.want)
		}
	}
}
