package geo

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/geo/fold"
	"sitrep/internal/model"
)

var (
	//go:embed data/gazetteer.bin
	gazetteerBin string
	//go:embed data/countries.tsv
	countriesTSV string
	//go:embed data/words.txt
	wordsTXT string
	//go:embed data/regions.tsv
	regionsTSV string
	//go:embed data/extra.tsv
	extraTSV string
)

// ErrFormat is returned when embedded gazetteer data cannot be read.
var ErrFormat = errors.New("geo: bad gazetteer data")

// Entry flags and posting bits, as written by ./gen.
const (
	flagSeatName = 1 << 0

	postAlt  = 1 << 0
	postCore = 1 << 1
)

// entrySize is the size of one entry record in gazetteer.bin.
const entrySize = 28

// Gazetteer is a loaded gazetteer. Its methods are safe for concurrent use.
type Gazetteer struct {
	capitalOnce sync.Once
	capitals    map[string]int32 // country code -> entry of its capital

	bin      string
	features []string
	ccs      []string // country code of each country index
	entOff   int
	nEnt     int
	namesOff int
	namesLen int
	admin1   []admin1Unit
	a1code   map[string]int32 // "US.ME" → admin1 index
	ccPop    map[string]uint64
	nKeys    int
	blobOff  int
	offsOff  int

	words map[string]uint8 // folded common word → SCOWL level (10 most common)

	countries []*country
	byISO     map[string]*country
	regions   []*region
	overlay   map[string][]int32 // key → country and region refs
	prefixes  map[string]bool    // word prefixes of overlay and demonym keys
	demonyms  map[string]string  // key → ISO2
	abbrs     map[string]int32   // folded abbreviation → admin1 index
}

type admin1Unit struct {
	entry int32 // -1 when the unit has no place
	code  string
}

type country struct {
	iso2, iso3, name string
	lat, lon         float64
	box              [4]float64 // minLat, minLon, maxLat, maxLon of the mainland
	independent      bool
	pop              uint64
	ref              int32
}

type region struct {
	name     string
	lat, lon float64
	country  string
	feature  string
	within   []string
	ref      int32
}

// Candidate is one gazetteer entry that a name may refer to.
type Candidate struct {
	// ID is the GeoNames id, or 0 for entries that have none (admin units,
	// countries and the project's regions).
	ID int
	// Name is the entry's own name (the GeoNames name for places).
	Name string
	// Lat and Lon are the entry's point in degrees.
	Lat, Lon float64
	// Country is the ISO 3166-1 alpha-2 code, or "" for regions spanning
	// several countries.
	Country string
	// Admin1 is the name of the first-level unit the entry lies in (its own
	// name for an admin1 unit), or "".
	Admin1 string
	// Feature is the GeoNames feature code: PPL, PPLA2, PPLC, ADM1, ADM2,
	// PCLI, and RGN, CONT or ISL for the project's regions.
	Feature string
	// Population is GeoNames' figure for places, and the sum over the
	// gazetteer's places for admin units and countries (a lower bound).
	Population int
	// Precision is one of model.PrecCity, PrecAdmin2, PrecAdmin1,
	// PrecRegion or PrecCountry.
	Precision string

	ref    int32
	a1     int32  // admin1 index, -1 none
	a2     int32  // admin2 index, -1 none (an ADM2 unit's own)
	alt    bool   // matched through an alternate name only
	altKey string // the key matched, when alt
	core   bool   // matched through an admin unit's name without its generic word
	exact  bool   // the name was written exactly as the entry's own name
	seat   bool   // an admin unit named after its main city
	within []string
	box    *[4]float64
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the process-wide gazetteer, loading it on first use. It
// panics if the embedded data is unreadable, which only a broken build
// can cause.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Load()
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultGaz
}

// Load reads the embedded gazetteer. Most callers want Default, which
// loads it once per process.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{bin: gazetteerBin}
	if err := g.parseBin(); err != nil {
		return nil, fmt.Errorf("load gazetteer.bin: %w", err)
	}
	if err := g.parseWords(); err != nil {
		return nil, fmt.Errorf("load words.txt: %w", err)
	}
	if err := g.parseCountries(); err != nil {
		return nil, fmt.Errorf("load countries.tsv: %w", err)
	}
	if err := g.parseExtra(); err != nil {
		return nil, fmt.Errorf("load extra.tsv: %w", err)
	}
	if err := g.parseRegions(); err != nil {
		return nil, fmt.Errorf("load regions.tsv: %w", err)
	}
	return g, nil
}

// reader walks gazetteer.bin.
type reader struct {
	s   string
	off int
	err error
}

func (r *reader) need(n int) bool {
	if r.err == nil && (n < 0 || r.off+n > len(r.s)) {
		r.err = fmt.Errorf("%w: truncated at %d", ErrFormat, r.off)
	}
	return r.err == nil
}

func (r *reader) u32() int {
	if !r.need(4) {
		return 0
	}
	v := u32(r.s, r.off)
	r.off += 4
	return int(v)
}

func (r *reader) str(n int) string {
	if !r.need(n) {
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func u32(s string, off int) uint32 {
	return uint32(s[off]) | uint32(s[off+1])<<8 | uint32(s[off+2])<<16 | uint32(s[off+3])<<24
}

func u16(s string, off int) uint16 {
	return uint16(s[off]) | uint16(s[off+1])<<8
}

func (g *Gazetteer) parseBin() error {
	r := &reader{s: g.bin}
	if r.str(4) != "SGAZ" || r.u32() != 2 {
		return fmt.Errorf("%w: bad header", ErrFormat)
	}
	n := r.u32()
	for i := 0; i < n && r.err == nil; i++ {
		l := r.str(1)
		if l == "" {
			break
		}
		g.features = append(g.features, r.str(int(l[0])))
	}
	n = r.u32()
	for i := 0; i < n && r.err == nil; i++ {
		g.ccs = append(g.ccs, strings.TrimSpace(r.str(2)))
	}
	g.nEnt = r.u32()
	g.entOff = r.off
	r.need(g.nEnt * entrySize)
	r.off += g.nEnt * entrySize
	g.namesLen = r.u32()
	g.namesOff = r.off
	r.need(g.namesLen)
	r.off += g.namesLen
	n = r.u32()
	g.admin1 = make([]admin1Unit, 0, n)
	g.a1code = make(map[string]int32, n)
	for i := 0; i < n && r.err == nil; i++ {
		e := int32(r.u32())
		l := r.str(1)
		if l == "" {
			break
		}
		code := r.str(int(l[0]))
		g.a1code[code] = int32(len(g.admin1))
		g.admin1 = append(g.admin1, admin1Unit{entry: e, code: code})
	}
	n = r.u32()
	g.ccPop = make(map[string]uint64, n)
	for i := 0; i < n && r.err == nil; i++ {
		if !r.need(8) {
			break
		}
		p := binary.LittleEndian.Uint64([]byte(r.s[r.off : r.off+8]))
		r.off += 8
		if i < len(g.ccs) {
			g.ccPop[g.ccs[i]] = p
		}
	}
	g.nKeys = r.u32()
	blobLen := r.u32()
	g.blobOff = r.off
	r.need(blobLen)
	r.off += blobLen
	g.offsOff = r.off
	r.need(4 * g.nKeys)
	if r.err != nil {
		return r.err
	}
	for _, e := range g.admin1 {
		if e.entry >= int32(g.nEnt) {
			return fmt.Errorf("%w: admin1 entry out of range", ErrFormat)
		}
	}
	return nil
}

func (g *Gazetteer) parseWords() error {
	g.words = make(map[string]uint8, 80000)
	s := wordsTXT
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		sp := strings.IndexByte(line, ' ')
		if sp <= 0 {
			continue
		}
		lv, err := strconv.Atoi(line[:sp])
		if err != nil {
			return fmt.Errorf("%w: word level %q", ErrFormat, line)
		}
		g.words[line[sp+1:]] = uint8(lv)
	}
	return nil
}

func tsvLines(s string, fn func(cols []string) error) error {
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	return nil
}

func (g *Gazetteer) parseCountries() error {
	g.byISO = map[string]*country{}
	g.overlay = map[string][]int32{}
	g.prefixes = map[string]bool{}
	g.demonyms = map[string]string{}
	demPop := map[string]uint64{}
	return tsvLines(countriesTSV, func(c []string) error {
		if len(c) < 13 {
			return fmt.Errorf("%w: country line %q", ErrFormat, strings.Join(c, "\t"))
		}
		f := make([]float64, 6)
		for i := range f {
			v, err := strconv.ParseFloat(c[4+i], 64)
			if err != nil {
				return fmt.Errorf("%w: country %s: %v", ErrFormat, c[0], err)
			}
			f[i] = v
		}
		k := &country{iso2: c[0], iso3: c[1], independent: c[2] == "1", name: c[3],
			lat: f[0], lon: f[1], box: [4]float64{f[2], f[3], f[4], f[5]},
			pop: g.ccPop[c[0]], ref: int32(g.nEnt + len(g.countries))}
		g.countries = append(g.countries, k)
		g.byISO[k.iso2] = k
		g.addOverlay(k.name, k.ref)
		if c[10] != "" {
			for _, n := range strings.Split(c[10], "|") {
				g.addOverlay(n, k.ref)
			}
		}
		if c[11] != "" {
			for _, d := range strings.Split(c[11], "|") {
				// Shared demonyms (Congolese, Dominican) go to the country
				// with more people; extra.tsv may say otherwise.
				key := fold.Key(d)
				if old, ok := g.demonyms[key]; ok && demPop[old] >= k.pop {
					continue
				}
				g.addDemonym(d, k.iso2)
				demPop[k.iso2] = k.pop
			}
		}
		return nil
	})
}

func (g *Gazetteer) addOverlay(name string, ref int32) {
	key := stripThe(fold.Key(name))
	if key == "" {
		return
	}
	for _, r := range g.overlay[key] {
		if r == ref {
			return
		}
	}
	g.overlay[key] = append(g.overlay[key], ref)
	g.addPrefixes(key)
}

func (g *Gazetteer) addPrefixes(key string) {
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.prefixes[key[:i]] = true
		}
	}
}

// addDemonym adds a demonym and, where English makes one with -s, its
// plural.
func (g *Gazetteer) addDemonym(word, iso2 string) {
	key := fold.Key(word)
	if key == "" {
		return
	}
	g.demonyms[key] = iso2
	g.addPrefixes(key)
	for _, suf := range []string{"ese", "ish", "ch", "ss", "sh", "men", "s", "x", "z"} {
		if strings.HasSuffix(key, suf) {
			return
		}
	}
	switch {
	case strings.HasSuffix(key, "man"):
		g.demonyms[key[:len(key)-3]+"men"] = iso2
	default:
		g.demonyms[key+"s"] = iso2
	}
}

func (g *Gazetteer) parseExtra() error {
	g.abbrs = map[string]int32{}
	return tsvLines(extraTSV, func(c []string) error {
		if len(c) != 3 {
			return fmt.Errorf("%w: extra line %q", ErrFormat, strings.Join(c, "\t"))
		}
		switch c[0] {
		case "alias":
			k, ok := g.byISO[c[1]]
			if !ok {
				return fmt.Errorf("%w: alias for unknown country %s", ErrFormat, c[1])
			}
			g.addOverlay(c[2], k.ref)
		case "demonym":
			if _, ok := g.byISO[c[1]]; !ok {
				return fmt.Errorf("%w: demonym for unknown country %s", ErrFormat, c[1])
			}
			g.addDemonym(c[2], c[1])
		case "abbr":
			i, ok := g.a1code[c[1]]
			if !ok {
				return fmt.Errorf("%w: abbreviation for unknown admin1 %s", ErrFormat, c[1])
			}
			g.abbrs[strings.ReplaceAll(fold.Key(c[2]), " ", "")] = i
		default:
			return fmt.Errorf("%w: extra kind %q", ErrFormat, c[0])
		}
		return nil
	})
}

func (g *Gazetteer) parseRegions() error {
	return tsvLines(regionsTSV, func(c []string) error {
		if len(c) != 7 {
			return fmt.Errorf("%w: region line %q", ErrFormat, strings.Join(c, "\t"))
		}
		lat, err1 := strconv.ParseFloat(c[2], 64)
		lon, err2 := strconv.ParseFloat(c[3], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%w: region %s: bad point", ErrFormat, c[0])
		}
		// A region that GeoNames has as an admin1 unit of its country is
		// left to the admin unit.
		if c[4] != "" {
			for _, cand := range g.lookupIndex(fold.Key(c[0]), false) {
				if cand.Feature == "ADM1" && cand.Country == c[4] {
					return nil
				}
			}
		}
		r := &region{name: c[0], lat: lat, lon: lon, country: c[4], feature: c[5],
			ref: int32(g.nEnt + len(g.countries) + len(g.regions))}
		if c[6] != "" {
			r.within = strings.Split(c[6], "|")
		}
		g.regions = append(g.regions, r)
		g.addOverlay(c[0], r.ref)
		if c[1] != "" {
			for _, n := range strings.Split(c[1], "|") {
				g.addOverlay(n, r.ref)
			}
		}
		return nil
	})
}

// stripThe drops a leading "the " from a key.
func stripThe(key string) string {
	if strings.HasPrefix(key, "the ") {
		return key[4:]
	}
	return key
}

// entry field access.

func (g *Gazetteer) entAt(i int32) int { return g.entOff + int(i)*entrySize }

func (g *Gazetteer) entName(i int32) string {
	o := g.entAt(i)
	start := int(u32(g.bin, o+16))
	end := g.namesLen
	if int(i)+1 < g.nEnt {
		end = int(u32(g.bin, o+entrySize+16))
	}
	return g.bin[g.namesOff+start : g.namesOff+end]
}

func (g *Gazetteer) entFeature(i int32) string {
	return g.features[g.bin[g.entAt(i)+26]]
}

func (g *Gazetteer) entCountry(i int32) string {
	return g.ccs[u16(g.bin, g.entAt(i)+24)]
}

func (g *Gazetteer) entAdmin1(i int32) int32 {
	v := u16(g.bin, g.entAt(i)+20)
	if v == 0xFFFF {
		return -1
	}
	return int32(v)
}

func (g *Gazetteer) entAdmin2(i int32) int32 {
	v := u16(g.bin, g.entAt(i)+22)
	if v == 0xFFFF {
		return -1
	}
	return int32(v)
}

// candidate builds the Candidate of a reference: an entry of
// gazetteer.bin, a country or a region.
func (g *Gazetteer) candidate(ref int32) Candidate {
	switch {
	case ref < int32(g.nEnt):
		o := g.entAt(ref)
		c := Candidate{
			ID:         int(u32(g.bin, o)),
			Name:       g.entName(ref),
			Lat:        float64(int32(u32(g.bin, o+4))) / 1e5,
			Lon:        float64(int32(u32(g.bin, o+8))) / 1e5,
			Population: int(u32(g.bin, o+12)),
			Country:    g.entCountry(ref),
			Feature:    g.entFeature(ref),
			ref:        ref,
			a1:         g.entAdmin1(ref),
			a2:         g.entAdmin2(ref),
			seat:       g.bin[o+27]&flagSeatName != 0,
		}
		if c.a1 >= 0 {
			if e := g.admin1[c.a1].entry; e >= 0 {
				c.Admin1 = g.entName(e)
			}
		}
		switch c.Feature {
		case "ADM1":
			c.Precision = model.PrecAdmin1
		case "ADM2":
			c.Precision = model.PrecAdmin2
		default:
			c.Precision = model.PrecCity
		}
		return c
	case ref < int32(g.nEnt+len(g.countries)):
		k := g.countries[ref-int32(g.nEnt)]
		feat := "PCLI"
		if !k.independent {
			feat = "PCLD"
		}
		return Candidate{Name: k.name, Lat: k.lat, Lon: k.lon, Country: k.iso2,
			Feature: feat, Population: int(min(k.pop, math.MaxInt32)),
			Precision: model.PrecCountry, ref: ref, a1: -1, a2: -1, box: &k.box}
	default:
		r := g.regions[ref-int32(g.nEnt+len(g.countries))]
		return Candidate{Name: r.name, Lat: r.lat, Lon: r.lon, Country: r.country,
			Feature: r.feature, Precision: model.PrecRegion, ref: ref, a1: -1, a2: -1,
			within: r.within}
	}
}

// keyAt returns the key at index k and the offset of its postings.
func (g *Gazetteer) keyAt(k int) (string, int) {
	o := g.blobOff + int(u32(g.bin, g.offsOff+4*k))
	n, w := uvarint(g.bin, o)
	o += w
	return g.bin[o : o+int(n)], o + int(n)
}

func uvarint(s string, o int) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < 10 && o+i < len(s); i++ {
		b := s[o+i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 1
}

// search returns the index of the first key ≥ key.
func (g *Gazetteer) search(key string) int {
	return sort.Search(g.nKeys, func(k int) bool {
		s, _ := g.keyAt(k)
		return s >= key
	})
}

// probe reports whether key is in the index (hasKey) and whether some
// longer key starts with key and a space (hasLonger). A space sorts before
// every other byte of a key, so such keys directly follow key itself.
func (g *Gazetteer) probe(key string) (hasKey, hasLonger bool) {
	k := g.search(key)
	if k >= g.nKeys {
		return false, false
	}
	s, _ := g.keyAt(k)
	if s == key {
		hasKey = true
		if k+1 >= g.nKeys {
			return
		}
		s, _ = g.keyAt(k + 1)
	}
	hasLonger = len(s) > len(key) && s[len(key)] == ' ' && s[:len(key)] == key
	return
}

// lookupIndex returns the candidates that key names in gazetteer.bin. Core
// matches (an admin unit's name without its generic word) are included
// only when core is true, or when they are all there is.
func (g *Gazetteer) lookupIndex(key string, core bool) []Candidate {
	k := g.search(key)
	if k >= g.nKeys {
		return nil
	}
	s, o := g.keyAt(k)
	if s != key {
		return nil
	}
	n, w := uvarint(g.bin, o)
	o += w
	out := make([]Candidate, 0, n)
	for i := 0; i < int(n); i++ {
		p, w := uvarint(g.bin, o)
		o += w
		c := g.candidate(int32(p >> 2))
		c.alt = p&postAlt != 0
		if c.alt {
			c.altKey = key
		}
		c.core = p&postCore != 0
		out = append(out, c)
	}
	if !core {
		kept := out[:0]
		for _, c := range out {
			if !c.core {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			out = kept
		}
	}
	return out
}

// lookupOverlay returns the countries and regions that key names.
func (g *Gazetteer) lookupOverlay(key string) []Candidate {
	refs := g.overlay[key]
	out := make([]Candidate, 0, len(refs))
	for _, r := range refs {
		out = append(out, g.candidate(r))
	}
	return out
}

// Lookup returns the entries that name may refer to, most likely first
// (by kind and population, without context). The name is folded: case,
// diacritics, apostrophes, hyphens and "St."/"Saint" do not matter, and a
// leading "the" is dropped. A trailing generic word ("Irkutsk region",
// "Avoyelles parish") restricts the answer to admin units, and a leading
// compass word ("central Russia") gives a region of the country or admin1
// unit that follows.
func (g *Gazetteer) Lookup(name string) []Candidate {
	cands, _, _ := g.lookup(stripThe(fold.Key(name)))
	markExact(cands, strings.TrimSpace(name))
	sortCandidates(cands)
	return cands
}

// lookup is Lookup on a key. It also says whether a generic word (1 or 2
// by level) or a compass word shaped the answer.
func (g *Gazetteer) lookup(key string) (cands []Candidate, generic int, compass *[2]float64) {
	if key == "" {
		return nil, 0, nil
	}
	cands = pruneAlt(append(g.lookupOverlay(key), g.lookupIndex(key, false)...))
	if sp := strings.LastIndexByte(key, ' '); sp > 0 && !hasAdmin(cands) {
		if lv, ok := genericLevel[key[sp+1:]]; ok {
			if admin := g.adminCandidates(key[:sp], lv); len(admin) > 0 {
				cands, generic = admin, max(lv, 1)
			}
		}
	}
	if len(cands) == 0 {
		if dir, rest, ok := splitCompass(key); ok {
			for _, c := range append(g.lookupOverlay(rest), g.lookupIndex(rest, false)...) {
				if c.Precision != model.PrecCountry && c.Feature != "ADM1" {
					continue
				}
				if cr, ok := g.compassCandidate(dir, c); ok {
					cands = append(cands, cr)
					compass = &dir
				}
			}
		}
	}
	sortCandidates(cands)
	return cands, generic, compass
}

// pruneAlt drops the populated places that a name reaches only as an
// alternate name when it is the own name of a country, a region or an
// admin1 unit: "Iraq" is an old name of Arāk and "Delaware" one of West
// Point, but news that writes them means the country and the state.
// A short form or a spelling of the place's own name is kept
// ("Washington" for Washington, D.C.).
func pruneAlt(cands []Candidate) []Candidate {
	own := false
	for k := range cands {
		c := &cands[k]
		if c.Precision == model.PrecCountry || c.Precision == model.PrecRegion ||
			c.Feature == "ADM1" && !c.alt && !c.core {
			own = true
			break
		}
	}
	if !own {
		return cands
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.alt && c.Precision == model.PrecCity && !ownVariant(&c) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// ownVariant reports whether the alternate name that matched c is a short
// form of its own name ("washington" of "Washington, D.C.") or a spelling
// of it (within a quarter of its letters).
func ownVariant(c *Candidate) bool {
	own := fold.Key(c.Name)
	if strings.HasPrefix(own, c.altKey+" ") {
		return true
	}
	d := fold.Distance(c.altKey, own)
	return float64(d) <= 0.25*float64(max(len(own), len(c.altKey)))
}

func hasAdmin(cands []Candidate) bool {
	for k := range cands {
		if f := cands[k].Feature; f == "ADM1" || f == "ADM2" {
			return true
		}
	}
	return false
}

// adminCandidates returns the admin units whose name, or name without its
// generic word, is key, preferring the level that the generic word
// suggests (1 for region, oblast, province; 2 for county, district).
func (g *Gazetteer) adminCandidates(key string, level int) []Candidate {
	var out []Candidate
	for _, c := range g.lookupIndex(key, true) {
		if c.Feature == "ADM1" || c.Feature == "ADM2" {
			out = append(out, c)
		}
	}
	if level != 0 && len(out) > 1 {
		want := "ADM1"
		if level == 2 {
			want = "ADM2"
		}
		var pref []Candidate
		for _, c := range out {
			if c.Feature == want {
				pref = append(pref, c)
			}
		}
		if len(pref) > 0 {
			out = pref
		}
	}
	return out
}

// sortCandidates orders candidates by prior, best first.
func sortCandidates(cs []Candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return prior(&cs[i]) > prior(&cs[j]) })
}

// prior is a candidate's log-odds-like score before context: the kind of
// entry and its population. Countries outrank admin1 units, which outrank
// all but the largest cities; a capital or an admin seat counts for more
// than its population alone.
func prior(c *Candidate) float64 {
	pop := math.Log10(float64(max(c.Population, 100)))
	switch c.Feature {
	case "PCLI", "PCLD":
		return 9.5 + 0.1*pop
	case "CONT":
		return 9.5
	case "RGN", "ISL":
		return 9
	case "ADM1":
		p := 3.5 + 0.6*pop
		if c.seat {
			p -= 4
		}
		if c.core {
			p -= 1
		}
		return p
	case "ADM2":
		p := 2.5 + 0.5*pop
		if c.seat {
			p -= 3
		}
		if c.core {
			p -= 1
		}
		return p
	}
	p := pop
	switch c.Feature {
	case "PPLC":
		p += 3
	case "PPLA":
		p += 1
	case "PPLA2":
		p += 0.5
	case "PPLX":
		p -= 0.5
	}
	// A place's own name is likelier meant than another's alternate,
	// except for a big city's: English writes Geneva, Munich and Kyiv, not
	// Genève, München and Kyyiv.
	if c.alt && !(c.Population >= 100_000 && (c.Feature == "PPLC" || c.Feature == "PPLA")) {
		p--
	}
	if c.exact {
		p += 0.5
	}
	return p
}

// markExact flags the candidates whose own name is written as surface.
func markExact(cands []Candidate, surface string) {
	for k := range cands {
		if strings.EqualFold(cands[k].Name, surface) {
			cands[k].exact = true
		}
	}
}

// Capital returns the capital city of a country (the GeoNames PPLC entry
// with most people, for the few countries that have several).
func (g *Gazetteer) Capital(iso2 string) (Candidate, bool) {
	g.capitalOnce.Do(func() {
		g.capitals = map[string]int32{}
		best := map[string]int{}
		for i := int32(0); i < int32(g.nEnt); i++ {
			if g.entFeature(i) != "PPLC" {
				continue
			}
			cc := g.entCountry(i)
			c := g.candidate(i)
			if _, ok := g.capitals[cc]; !ok || c.Population > best[cc] {
				g.capitals[cc], best[cc] = i, c.Population
			}
		}
	})
	ref, ok := g.capitals[strings.ToUpper(iso2)]
	if !ok {
		return Candidate{}, false
	}
	return g.candidate(ref), true
}

// Country returns the country with the ISO 3166-1 alpha-2 code iso2.
func (g *Gazetteer) Country(iso2 string) (Candidate, bool) {
	k, ok := g.byISO[strings.ToUpper(iso2)]
	if !ok {
		return Candidate{}, false
	}
	return g.candidate(k.ref), true
}

// Demonym returns the country that a demonym or nationality word names:
// "Russian" and "Russians" give RU, "British" and "Britons" GB, "South
// African" ZA.
func (g *Gazetteer) Demonym(word string) (iso2 string, ok bool) {
	iso2, ok = g.demonyms[fold.Key(word)]
	return iso2, ok
}

// CommonWord reports whether w is a common English word (SCOWL size 35 or
// smaller): "Black Hawk" is made of such words, "Ruslan Zinin" is not.
func (g *Gazetteer) CommonWord(w string) bool {
	lv, ok := g.words[fold.Key(w)]
	return ok && lv <= 35
}

// ISO3 returns the ISO 3166-1 alpha-3 code of the country with alpha-2
// code iso2, or "" when there is none.
func (g *Gazetteer) ISO3(iso2 string) string {
	if k, ok := g.byISO[strings.ToUpper(iso2)]; ok {
		return k.iso3
	}
	return ""
}

// Place turns a candidate into the model's Place, as written in text.
func (c Candidate) Place(text string) *model.Place { return c.place(text) }

// place turns a candidate into the model's Place for a mention's text.
func (c *Candidate) place(text string) *model.Place {
	p := &model.Place{Text: text, Name: c.Name, Lat: round5(c.Lat), Lon: round5(c.Lon),
		Admin1: c.Admin1, Country: c.Country, Feature: c.Feature, Precision: c.Precision}
	if c.ID != 0 {
		id := c.ID
		p.GeonameID = &id
	}
	return p
}

func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }
