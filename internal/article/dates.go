package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// months maps month names and abbreviations in the languages sitrep meets
// most (English, German, French, Spanish, Russian, Ukrainian) to numbers.
var months = map[string]int{}

func init() {
	for i, names := range [12]string{
		"january jan januar jänner janvier enero января январь січня січень",
		"february feb februar février fevrier febrero февраля февраль лютого лютий",
		"march mar märz maerz mars marzo марта март березня березень",
		"april apr avril abril апреля апрель квітня квітень",
		"may mai mayo мая май травня травень",
		"june jun juni juin junio июня июнь червня червень",
		"july jul juli juillet julio июля июль липня липень",
		"august aug août aout agosto августа август серпня серпень",
		"september sep sept septembre septiembre сентября сентябрь вересня вересень",
		"october oct oktober octobre octubre октября октябрь жовтня жовтень",
		"november nov novembre noviembre ноября ноябрь листопада листопад",
		"december dec dezember décembre decembre diciembre декабря декабрь грудня грудень",
	} {
		for _, n := range strings.Fields(names) {
			months[n] = i + 1
		}
	}
}

// dateWords are the words a date or time line may hold besides numbers
// and month names: weekdays, time zones, and the labels around them.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		mon tue tues wed thu thur thurs fri sat sun
		montag dienstag mittwoch donnerstag freitag samstag sonntag
		понедельник вторник среда четверг пятница суббота воскресенье
		am pm a.m p.m gmt utc bst cet cest est edt et pt pst pdt msk eet eest ist uhr h
		at on updated published posted modified created last first ago
		hour hours minute minutes min mins day days week weeks
		г года год р року обновлено опубликовано оновлено
		aktualisiert veröffentlicht stand le à`) {
		dateWords[w] = true
	}
}

// isDateLine reports whether s is nothing but a date or time stamp, such as
// "September 26, 2022 9:41 AM UTC", "11.01.2023, 18:30 Uhr" or "Updated 4
// hours ago".
func isDateLine(s string) bool {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",|·•—–;()[]", r)
	})
	if len(fields) == 0 || len(fields) > 12 {
		return false
	}
	digits := false
	for _, f := range fields {
		f = strings.ToLower(strings.Trim(f, ".:-/"))
		switch {
		case f == "":
		case strings.IndexFunc(f, unicode.IsDigit) >= 0:
			if strings.IndexFunc(f, unicode.IsLetter) >= 0 && !rxOrdinal.MatchString(f) {
				return false
			}
			digits = true
		case months[f] > 0 || dateWords[f]:
		default:
			return false
		}
	}
	return digits
}

var (
	rxOrdinal  = regexp.MustCompile(`^\d{1,2}(st|nd|rd|th|h|am|pm|\.)$`)
	rxISODate  = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})`)
	rxDotDate  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	rxYMDSlash = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	rxDMY      = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(\p{L}+)\.?,?\s+(\d{4})\b`)
	rxMDY      = regexp.MustCompile(`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
)

// findDate finds the first calendar date written in s, in the common forms
// of news pages ("2022-09-27", "27.09.2022", "27 September 2022",
// "Sept. 27, 2022", "25 сентября 2022"), and returns it as YYYY-MM-DD, or ""
// when s holds none.
func findDate(s string) string {
	if m := rxISODate.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := rxYMDSlash.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := rxDotDate.FindStringSubmatch(s); m != nil {
		return ymd(m[3], m[2], m[1])
	}
	for _, m := range rxDMY.FindAllStringSubmatch(s, -1) {
		if mo := months[strings.ToLower(m[2])]; mo > 0 {
			if d := ymd(m[3], strconv.Itoa(mo), m[1]); d != "" {
				return d
			}
		}
	}
	for _, m := range rxMDY.FindAllStringSubmatch(s, -1) {
		if mo := months[strings.ToLower(m[1])]; mo > 0 {
			if d := ymd(m[3], strconv.Itoa(mo), m[2]); d != "" {
				return d
			}
		}
	}
	return ""
}

// ymd validates a year, month and day and formats them as YYYY-MM-DD.
func ymd(y, m, d string) string {
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	di, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || yi < 1900 || yi > 2200 || mi < 1 || mi > 12 || di < 1 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return ""
	}
	return t.Format(time.DateOnly)
}

// metaDate reads a publication date from a metadata value: ISO 8601 (its
// own calendar date is kept, whatever the offset), RFC 1123, or a date
// written out. It returns YYYY-MM-DD or "".
func metaDate(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if m := rxISODate.FindStringSubmatchIndex(v); m != nil && m[0] == 0 {
		return ymd(v[m[2]:m[3]], v[m[4]:m[5]], v[m[6]:m[7]])
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "20060102", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return ymd(strconv.Itoa(t.Year()), strconv.Itoa(int(t.Month())), strconv.Itoa(t.Day()))
		}
	}
	return findDate(v)
}
