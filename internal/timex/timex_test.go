package timex

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// show renders expressions as "Text=start..end/precision", with "+ana(N)"
// for anaphoric ones and "+bg" for background, joined by " | ".
func show(xs []Expr) string {
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		s, e := "nil", "nil"
		if x.Date.Start != nil {
			s, e = *x.Date.Start, *x.Date.End
		}
		v := fmt.Sprintf("%s=%s..%s/%s", x.Text, s, e, x.Date.Precision)
		if x.Anaphoric {
			v += fmt.Sprintf("+ana(%d)", x.Offset)
		}
		if x.Background {
			v += "+bg"
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	tue := "2022-09-27" // a Tuesday
	tests := []struct {
		name, ref, text, want string
	}{
		// Bare weekdays: the latest such day on or before the reference.
		{"bare weekday", tue, "Gunmen raided the depot Monday.", "Monday=2022-09-26..2022-09-26/day"},
		{"on weekday", tue, "The vote was held on Sunday.", "Sunday=2022-09-25..2022-09-25/day"},
		{"same weekday is the day itself", tue, "Crowds gathered on Tuesday.", "Tuesday=2022-09-27..2022-09-27/day"},
		{"bare Wednesday is six days back", tue, "The decree came Wednesday.", "Wednesday=2022-09-21..2022-09-21/day"},
		{"weekday night", tue, "Shelling resumed on Monday night.", "Monday night=2022-09-26..2022-09-26/day"},
		{"early weekday", tue, "The fire broke out early Monday.", "early Monday=2022-09-26..2022-09-26/day"},
		{"late on weekday", tue, "He was freed late on Saturday.", "late on Saturday=2022-09-24..2022-09-24/day"},
		{"weekday possessive", tue, "Monday's blast shook the town.", "Monday=2022-09-26..2022-09-26/day"},
		{"lower-case weekday", tue, "it rained on friday", "friday=2022-09-23..2022-09-23/day"},
		{"overnight is the night before the report", tue, "Drones struck the port overnight, officials said.", "overnight=2022-09-26..2022-09-27/day"},
		{"overnight on a weekday is that weekday's", tue, "Drones struck overnight on Sunday.", "overnight on Sunday=2022-09-25..2022-09-25/day"},
		{"from one day until another", tue, "The raid lasted from late on Sunday until dawn on Monday.", "late on Sunday until dawn on Monday=2022-09-25..2022-09-26/day"},
		// "last", "next", "this".
		{"last Wednesday", tue, "Last Wednesday, the minister resigned.", "Last Wednesday=2022-09-21..2022-09-21/day"},
		{"last Tuesday said on a Tuesday", tue, "The talks began last Tuesday.", "last Tuesday=2022-09-20..2022-09-20/day"},
		{"last Monday", tue, "The strike ended last Monday.", "last Monday=2022-09-26..2022-09-26/day"},
		{"this past Sunday", tue, "Voters went to the polls this past Sunday.", "this past Sunday=2022-09-25..2022-09-25/day"},
		{"next Friday", tue, "A rally is planned for next Friday.", "next Friday=2022-09-30..2022-09-30/day"},
		{"next Tuesday said on a Tuesday", tue, "The court sits next Tuesday.", "next Tuesday=2022-10-04..2022-10-04/day"},
		{"this coming Friday", tue, "It opens this coming Friday.", "this coming Friday=2022-09-30..2022-09-30/day"},
		{"this Monday", tue, "The order was signed this Monday.", "this Monday=2022-09-26..2022-09-26/day"},
		// Weekday arithmetic across month, year and leap-day boundaries.
		{"Sunday before a Monday new year", "2023-01-02", "Fireworks were banned on Sunday.", "Sunday=2023-01-01..2023-01-01/day"},
		{"Saturday across the year", "2023-01-02", "The convoy left Saturday.", "Saturday=2022-12-31..2022-12-31/day"},
		{"last Tuesday across the year", "2023-01-02", "The blockade began last Tuesday.", "last Tuesday=2022-12-27..2022-12-27/day"},
		{"last Monday said on a Monday", "2023-01-02", "Talks stalled last Monday.", "last Monday=2022-12-26..2022-12-26/day"},
		{"next Monday across a week", "2023-01-02", "Schools reopen next Monday.", "next Monday=2023-01-09..2023-01-09/day"},
		{"leap day", "2024-03-01", "The dam burst on Thursday.", "Thursday=2024-02-29..2024-02-29/day"},
		{"last Friday across February", "2024-03-01", "The strike began last Friday.", "last Friday=2024-02-23..2024-02-23/day"},
		{"Sunday into a new month", "2022-11-01", "Ballots were counted Sunday.", "Sunday=2022-10-30..2022-10-30/day"},
		{"next Sunday across a month", "2024-03-01", "Polls close next Sunday.", "next Sunday=2024-03-03..2024-03-03/day"},
		// Relative days, weeks, months, years.
		{"yesterday", "2023-01-01", "Troops withdrew yesterday.", "yesterday=2022-12-31..2022-12-31/day"},
		{"today and tonight", tue, "Talks resume today and end tonight.", "today=2022-09-27..2022-09-27/day | tonight=2022-09-27..2022-09-27/day"},
		{"yesterday morning", tue, "A drone hit the port yesterday morning.", "yesterday morning=2022-09-26..2022-09-26/day"},
		{"last night", tue, "Sirens sounded last night.", "last night=2022-09-26..2022-09-26/day"},
		{"this morning", tue, "Police cleared the square this morning.", "this morning=2022-09-27..2022-09-27/day"},
		{"the day before yesterday", tue, "It began the day before yesterday.", "the day before yesterday=2022-09-25..2022-09-25/day"},
		{"tomorrow", "2022-12-31", "Results are due tomorrow.", "tomorrow=2023-01-01..2023-01-01/day"},
		{"two days ago", "2023-01-01", "The ferry sank two days ago.", "two days ago=2022-12-30..2022-12-30/day"},
		{"3 days ago", tue, "He vanished 3 days ago.", "3 days ago=2022-09-24..2022-09-24/day"},
		{"a week ago", tue, "The bridge fell a week ago.", "a week ago=2022-09-19..2022-09-25/week"},
		{"last week", "2023-01-02", "Prices rose last week.", "last week=2022-12-26..2023-01-01/week"},
		{"this week", tue, "Strikes spread this week.", "this week=2022-09-26..2022-10-02/week"},
		{"last month", "2023-01-15", "Exports fell last month.", "last month=2022-12-01..2022-12-31/month"},
		{"next month", "2022-12-15", "The law takes effect next month.", "next month=2023-01-01..2023-01-31/month"},
		{"earlier this month", tue, "Fighting flared earlier this month.", "earlier this month=2022-09-01..2022-09-27/month"},
		{"later this year", tue, "Elections follow later this year.", "later this year=2022-09-27..2022-12-31/year"},
		{"this year", tue, "Inflation doubled this year.", "this year=2022-01-01..2022-12-31/year"},
		{"last year", tue, "The pipeline was finished last year.", "last year=2021-01-01..2021-12-31/year"},
		{"late last year", tue, "The mine closed late last year.", "late last year=2021-01-01..2021-12-31/year"},
		{"two years ago", tue, "The port was bombed two years ago.", "two years ago=2020-01-01..2020-12-31/year"},
		{"the weekend", tue, "Clashes erupted over the weekend.", "the weekend=2022-09-24..2022-09-25/week"},
		{"last weekend said on a Sunday", "2022-09-25", "Protests began last weekend.", "last weekend=2022-09-17..2022-09-18/week"},
		{"the past week", tue, "Dozens fled in the past week.", "the past week=2022-09-21..2022-09-27/week"},
		// Absolute dates.
		{"abbreviated month", tue, "The decree of Sept. 21 stands.", "Sept. 21=2022-09-21..2022-09-21/day"},
		{"abbreviated month and year", tue, "It was signed Sept. 21, 2022, in the capital.", "Sept. 21, 2022=2022-09-21..2022-09-21/day"},
		{"month name", tue, "On September 21 the order came.", "September 21=2022-09-21..2022-09-21/day"},
		{"ordinal day", tue, "It began on September 21st.", "September 21st=2022-09-21..2022-09-21/day"},
		{"day first", tue, "Signed on 21 September 2022 in Minsk.", "21 September 2022=2022-09-21..2022-09-21/day"},
		{"the day of the month", tue, "It fell on the 3rd of March 2021.", "the 3rd of March 2021=2021-03-03..2021-03-03/day"},
		{"ISO", tue, "Filed 2022-09-21 by the clerk.", "2022-09-21=2022-09-21..2022-09-21/day"},
		{"slashes day first", tue, "Dated 05/09/2022.", "05/09/2022=2022-09-05..2022-09-05/day"},
		{"slashes month first when day first is impossible", tue, "Dated 09/21/2022.", "09/21/2022=2022-09-21..2022-09-21/day"},
		{"dots", tue, "Stamped 21.09.2022 at the border.", "21.09.2022=2022-09-21..2022-09-21/day"},
		{"day range", tue, "Voting ran Sept. 23-27.", "Sept. 23-27=2022-09-23..2022-09-27/day"},
		{"no year: the past", tue, "The vote of Aug. 2 was annulled.", "Aug. 2=2022-08-02..2022-08-02/day"},
		{"no year: near future", tue, "The vote is set for Oct. 9.", "Oct. 9=2022-10-09..2022-10-09/day"},
		{"no year: across new year", "2022-12-28", "The curfew ends Jan. 3.", "Jan. 3=2023-01-03..2023-01-03/day"},
		{"no year: far future is last year", tue, "The riots of Dec. 12 were recalled.", "Dec. 12=2021-12-12..2021-12-12/day"},
		{"weekday with date picks the year", "2023-01-10", "It happened Monday, Dec. 26.", "Monday, Dec. 26=2022-12-26..2022-12-26/day"},
		{"abbreviated weekday with date", tue, "Mon., Sept. 26: polls opened.", "Mon., Sept. 26=2022-09-26..2022-09-26/day"},
		{"weekday and time", tue, "Monday, Sept. 26, at 10:30 a.m. local time, shots rang out.", "Monday, Sept. 26, at 10:30 a.m. local time=2022-09-26..2022-09-26/day"},
		{"time before weekday", tue, "At 5 p.m. on Monday the gates shut.", "5 p.m. on Monday=2022-09-26..2022-09-26/day"},
		{"dawn", tue, "Troops moved at dawn on Sunday.", "dawn on Sunday=2022-09-25..2022-09-25/day"},
		{"early hours", tue, "The blast came in the early hours of Monday.", "the early hours of Monday=2022-09-26..2022-09-26/day"},
		{"time after weekday", tue, "They met on Monday at around 9pm.", "Monday at around 9pm=2022-09-26..2022-09-26/day"},
		// Months and years.
		{"month alone", tue, "Prices rose in February.", "February=2022-02-01..2022-02-28/month"},
		{"month alone is the latest such month", tue, "Talks collapsed in November.", "November=2021-11-01..2021-11-30/month"},
		{"month alone across the year", "2023-01-05", "Floods struck in December.", "December=2022-12-01..2022-12-31/month"},
		{"current month", tue, "Arrests rose in September.", "September=2022-09-01..2022-09-30/month"},
		{"month and year", tue, "It fell in March 2020.", "March 2020=2020-03-01..2020-03-31/month"},
		{"month last year", tue, "He was held in March last year.", "March last year=2021-03-01..2021-03-31/month"},
		{"month of this year", tue, "It opened in June of this year.", "June of this year=2022-06-01..2022-06-30/month"},
		{"month of year", tue, "It fell in June of 2019.", "June of 2019=2019-06-01..2019-06-30/month"},
		{"mid-month", tue, "The siege began in mid-March.", "mid-March=2022-03-01..2022-03-31/month"},
		{"early month", tue, "They left in early May.", "early May=2022-05-01..2022-05-31/month"},
		{"last month name", tue, "The dam opened last September.", "last September=2021-09-01..2021-09-30/month"},
		{"next month name", tue, "A vote is due next March.", "next March=2023-03-01..2023-03-31/month"},
		{"in a year", tue, "The law passed in 2021.", "2021=2021-01-01..2021-12-31/year"},
		{"late year", tue, "The camp opened in late 2019.", "late 2019=2019-01-01..2019-12-31/year"},
		{"year range", tue, "The war raged from 2014 to 2016.", "2014 to 2016=2014-01-01..2016-12-31/year"},
		{"short year range", tue, "Drought hit in 2011-12.", "2011-12=2011-01-01..2012-12-31/year"},
		{"decade", tue, "Built in the 1990s.", "the 1990s=1990-01-01..1999-12-31/year"},
		{"the year as adjective", tue, "After the 2014 annexation, little changed.", "2014=2014-01-01..2014-12-31/year"},
		// Background.
		{"since a month", tue, "The region has been occupied since February.", "since February=2022-02-01..2022-02-28/month+bg"},
		{"since a year", tue, "Sanctions have held since 2014.", "since 2014=2014-01-01..2014-12-31/year+bg"},
		{"ever since", tue, "Ever since 2014 the border has been shut.", "Ever since 2014=2014-01-01..2014-12-31/year+bg"},
		{"since the start of", tue, "Since the start of 2022, prices soared.", "2022=2022-01-01..2022-12-31/year+bg"},
		{"since last year", tue, "Exports have fallen since last year.", "since last year=2021-01-01..2021-12-31/year+bg"},
		{"than last year", tue, "Turnout was higher than last year.", "last year=2021-01-01..2021-12-31/year+bg"},
		{"compared with", tue, "Arrests doubled compared with last year.", "last year=2021-01-01..2021-12-31/year+bg"},
		{"same period", tue, "Sales fell from the same period last year.", "last year=2021-01-01..2021-12-31/year+bg"},
		{"as of", tue, "As of Monday, 40 people were held.", "Monday=2022-09-26..2022-09-26/day+bg"},
		// Anaphoric.
		{"on the same day", tue, "It happened on the same day that a bomb went off.", "the same day=nil..nil/unknown+ana(0)"},
		{"that day", tue, "Two rallies were held that day.", "that day=nil..nil/unknown+ana(0)"},
		{"That night", tue, "That night, looters struck.", "That night=nil..nil/unknown+ana(0)"},
		{"the day before", tue, "The day before, he had fled.", "The day before=nil..nil/unknown+ana(-1)"},
		{"the next day", tue, "He was freed the next day.", "the next day=nil..nil/unknown+ana(1)"},
		{"two days later", tue, "Two days later the town fell.", "Two days later=nil..nil/unknown+ana(2)"},
		{"a week earlier", tue, "A week earlier, talks failed.", "A week earlier=nil..nil/unknown+ana(-7)"},
		{"later that day", tue, "Later that day police arrived.", "Later that day=nil..nil/unknown+ana(0)"},
		// No reference date.
		{"no ref: weekday", "", "The raid came Monday.", "Monday=nil..nil/unknown"},
		{"no ref: relative", "", "It rained yesterday and last week.", "yesterday=nil..nil/unknown | last week=nil..nil/unknown"},
		{"no ref: full date", "", "On Sept. 21, 2022, talks ended.", "Sept. 21, 2022=2022-09-21..2022-09-21/day"},
		{"no ref: year", "", "The dam was built in 2021.", "2021=2021-01-01..2021-12-31/year"},
		{"no ref: day without year", "", "It began Sept. 21.", "Sept. 21=nil..nil/unknown"},
		{"no ref: month alone", "", "It began in February.", "February=nil..nil/unknown"},
		{"no ref: weekday with date and year", "", "Monday, Sept. 26, 2022", "Monday, Sept. 26, 2022=2022-09-26..2022-09-26/day"},
		// Words that are no dates.
		{"modal may", tue, "Officials may have known.", ""},
		{"verb march", tue, "Protesters march on the capital.", ""},
		{"name May", tue, "Theresa May said the talks failed.", ""},
		{"name May after by", tue, "A speech by May drew jeers.", ""},
		{"Sun newspaper", tue, "The Sun reported the raid.", ""},
		{"Sat verb", tue, "Sat in the dark, they waited.", ""},
		{"name April", tue, "April Jones, a nurse, was hurt.", ""},
		{"name August", tue, "August Landmesser refused to salute.", ""},
		{"Jan as name", tue, "Jan Novak spoke to reporters.", ""},
		{"the March as event", tue, "The March on Rome is remembered.", ""},
		{"plural weekday", tue, "Markets close on Sundays.", ""},
		{"year as count", tue, "The 2000 protesters dispersed.", ""},
		{"bare number", tue, "Some 2021 votes were void.", ""},
		{"phone-like", tue, "Call 12/10/2022/1 now.", ""},
		{"score", tue, "They won 3-1 at home.", ""},
		{"version", tue, "Version 1.2.3 shipped.", ""},
		{"today as a name", tue, "USA Today ran the story.", "Today=2022-09-27..2022-09-27/day"},
		// Several in one sentence.
		{"several", tue, "The attack took place Monday, and last Wednesday Putin ordered a mobilisation, in force since February.",
			"Monday=2022-09-26..2022-09-26/day | last Wednesday=2022-09-21..2022-09-21/day | since February=2022-02-01..2022-02-28/month+bg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref time.Time
			if tt.ref != "" {
				ref = day(tt.ref)
			}
			if got := show(Find(tt.text, ref)); got != tt.want {
				t.Errorf("Find(%q, %s)\n got %s\nwant %s", tt.text, tt.ref, got, tt.want)
			}
		})
	}
}

// TestOffsets checks that Start and End index the text and Date.Text is the
// same text.
func TestOffsets(t *testing.T) {
	text := "Über Nacht, am Montag — on Monday, Sept. 26, «at dawn» — the city fell; since 2014…"
	for _, x := range Find(text, day("2022-09-27")) {
		if text[x.Start:x.End] != x.Text || x.Date.Text != x.Text {
			t.Errorf("got text %q at [%d,%d) and date text %q, want %q", x.Text, x.Start, x.End, x.Date.Text, text[x.Start:x.End])
		}
	}
}

// TestRefLocation checks that the reference day is read in ref's own
// location.
func TestRefLocation(t *testing.T) {
	loc := time.FixedZone("UTC+10", 10*3600)
	ref := time.Date(2022, 9, 27, 1, 0, 0, 0, loc) // still Sept. 26 in UTC
	got := show(Find("It happened Tuesday.", ref))
	want := "Tuesday=2022-09-27..2022-09-27/day"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestConcurrent runs Find from many goroutines at once; run it with
// -race. Each goroutine must see the results a lone call gives.
func TestConcurrent(t *testing.T) {
	ref := day("2022-09-27")
	want := make([]string, len(sentences))
	for i, s := range sentences {
		want[i] = show(Find(s, ref))
	}
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(sentences)
				if got := show(Find(sentences[i], ref)); got != want[i] {
					done <- "got " + got + ", want " + want[i]
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
