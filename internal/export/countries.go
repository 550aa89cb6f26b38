package export

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run ./gen

//go:embed countries.tsv
var countriesTSV string

// country is what the exporters need to know of a country.
type country struct {
	iso2, iso3, numeric, name, region string
}

var (
	countriesOnce sync.Once
	countries     map[string]country
)

// lookupCountry returns the country with ISO 3166-1 alpha-2 code iso2.
func lookupCountry(iso2 string) (country, bool) {
	countriesOnce.Do(func() {
		countries = map[string]country{}
		for _, line := range strings.Split(countriesTSV, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 5 {
				continue
			}
			countries[f[0]] = country{iso2: f[0], iso3: f[1], numeric: f[2], name: f[3], region: f[4]}
		}
	})
	c, ok := countries[strings.ToUpper(iso2)]
	return c, ok
}

// fipsExceptions maps the ISO 3166-1 alpha-2 codes whose FIPS 10-4 code,
// which GDELT uses for places, differs. Codes not listed are the same in
// both.
var fipsExceptions = map[string]string{
	"AD": "AN", "AG": "AC", "AT": "AU", "AU": "AS", "AZ": "AJ", "BA": "BK", "BD": "BG",
	"BF": "UV", "BG": "BU", "BH": "BA", "BI": "BY", "BJ": "BN", "BN": "BX", "BO": "BL", "BS": "BF",
	"BW": "BC", "BY": "BO", "BZ": "BH", "CD": "CG", "CF": "CT", "CG": "CF", "CH": "SZ", "CI": "IV",
	"CL": "CI", "CN": "CH", "CR": "CS", "CZ": "EZ", "DE": "GM", "DK": "DA", "DM": "DO", "DO": "DR",
	"DZ": "AG", "EE": "EN", "EH": "WI", "ES": "SP", "GA": "GB", "GB": "UK", "GD": "GJ", "GE": "GG",
	"GM": "GA", "GN": "GV", "GQ": "EK", "GW": "PU", "HN": "HO", "HT": "HA", "IE": "EI", "IL": "IS",
	"IQ": "IZ", "IS": "IC", "JP": "JA", "KH": "CB", "KI": "KR", "KM": "CN", "KN": "SC", "KP": "KN",
	"KR": "KS", "KW": "KU", "LB": "LE", "LC": "ST", "LI": "LS", "LK": "CE", "LR": "LI", "LS": "LT",
	"LT": "LH", "LV": "LG", "MA": "MO", "MC": "MN", "ME": "MJ", "MG": "MA", "MH": "RM", "MM": "BM",
	"MN": "MG", "MO": "MC", "MU": "MP", "MW": "MI", "NA": "WA", "NE": "NG", "NG": "NI", "NI": "NU",
	"OM": "MU", "PA": "PM", "PG": "PP", "PH": "RP", "PR": "RQ", "PS": "WE", "PT": "PO", "PW": "PS",
	"PY": "PA", "RS": "RI", "RU": "RS", "SB": "BP", "SC": "SE", "SD": "SU", "SE": "SW", "SG": "SN",
	"SK": "LO", "SN": "SG", "SR": "NS", "SS": "OD", "ST": "TP", "SV": "ES", "SZ": "WZ", "TD": "CD",
	"TG": "TO", "TJ": "TI", "TL": "TT", "TM": "TX", "TN": "TS", "TO": "TN", "TR": "TU", "TT": "TD",
	"UA": "UP", "VA": "VT", "VN": "VM", "VU": "NH", "XK": "KV", "YE": "YM", "ZA": "SF", "ZM": "ZA",
	"ZW": "ZI",
}

// fips returns the FIPS 10-4 code of a country given by its ISO code.
func fips(iso2 string) string {
	iso2 = strings.ToUpper(iso2)
	if f, ok := fipsExceptions[iso2]; ok {
		return f
	}
	return iso2
}
