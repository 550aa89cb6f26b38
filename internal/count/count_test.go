package count

import (
	"fmt"
	"strings"
	"testing"
)

// showQ renders quantities as "Text=min..max/head", "~" for approximate,
// joined by " | "; an open max shows as nothing.
func showQ(qs []Quantity) string {
	parts := make([]string, 0, len(qs))
	for _, q := range qs {
		mx := ""
		if q.Max != nil {
			mx = fmt.Sprint(*q.Max)
		}
		v := fmt.Sprintf("%s=%d..%s/%s", q.Text, q.Min, mx, q.Head)
		if q.Approx {
			v += "~"
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"digits", "Police counted 13 people.", "13 people=13..13/people"},
		{"thousands separator", "Some 50,000 soldiers massed.", "Some 50,000 soldiers=50000..50000/soldiers~"},
		{"large", "It cost 1,250,000 dollars.", "1,250,000 dollars=1250000..1250000/dollars"},
		{"words", "three soldiers and twenty-one others", "three soldiers=3..3/soldiers | twenty-one others=21..21/others"},
		{"words with hundred", "three hundred and fifty people", "three hundred and fifty people=350..350/people"},
		{"words with thousand", "two thousand five hundred marchers", "two thousand five hundred marchers=2500..2500/marchers"},
		{"a dozen", "a dozen students", "a dozen students=12..12/students"},
		{"two dozen", "two dozen villagers", "two dozen villagers=24..24/villagers"},
		{"half a dozen", "half a dozen guards", "half a dozen guards=6..6/guards"},
		{"at least", "at least 13 people", "at least 13 people=13../people"},
		{"no fewer than", "no fewer than 8 miners", "no fewer than 8 miners=8../miners"},
		{"more than", "more than 20 protesters", "more than 20 protesters=21../protesters"},
		{"more than a dozen", "more than a dozen buses", "more than a dozen buses=13../buses"},
		{"over", "over 300 people", "over 300 people=301../people"},
		{"up to", "up to 40 students", "up to 40 students=1..40/students"},
		{"as many as", "as many as 70 fighters", "as many as 70 fighters=1..70/fighters"},
		{"fewer than", "fewer than 10 guards", "fewer than 10 guards=1..9/guards"},
		{"about", "about 30 cars", "about 30 cars=30..30/cars~"},
		{"some", "some 30 monks", "some 30 monks=30..30/monks~"},
		{"nearly", "nearly 30 nurses", "nearly 30 nurses=30..30/nurses~"},
		{"an estimated", "an estimated 4,000 people", "an estimated 4,000 people=4000..4000/people~"},
		{"or so", "40 or so pilgrims", "40 or so pilgrims=40..40/pilgrims~"},
		{"or more", "40 or more pilgrims", "40 or more pilgrims=40../pilgrims"},
		{"between", "between 10 and 15 people", "between 10 and 15 people=10..15/people"},
		{"or", "two or three soldiers", "two or three soldiers=2..3/soldiers"},
		{"to", "15 to 20 hostages", "15 to 20 hostages=15..20/hostages"},
		{"from to is two figures", "The toll rose from 13 to 20.", "13=13..13/ | 20=20..20/"},
		{"digit range", "10-15 people", "10-15 people=10..15/people"},
		{"dozens", "dozens of people", "dozens of people=24../people"},
		{"scores", "scores of villagers", "scores of villagers=40../villagers"},
		{"hundreds", "hundreds of people", "hundreds of people=200..999/people"},
		{"thousands", "Thousands of civilians", "Thousands of civilians=2000..9999/civilians"},
		{"tens of thousands", "tens of thousands of demonstrators", "tens of thousands of demonstrators=20000..99999/demonstrators"},
		{"hundreds of thousands", "hundreds of thousands of army reservists", "hundreds of thousands of army reservists=200000..999999/reservists"},
		{"millions", "millions of refugees", "millions of refugees=2000000..9999999/refugees"},
		{"several", "several officers", "several officers=3../officers"},
		{"several hundred", "several hundred police officers", "several hundred police officers=200..999/officers"},
		{"a few", "a few journalists", "a few journalists=2../journalists"},
		{"a handful", "a handful of activists", "a handful of activists=2..5/activists~"},
		{"a couple", "a couple of guards", "a couple of guards=2..2/guards"},
		{"at least a dozen", "at least a dozen homes", "at least a dozen homes=12../homes"},
		{"scale", "1.5 million people", "1.5 million people=1500000..1500000/people"},
		{"a million", "a million voters", "a million voters=1000000..1000000/voters"},
		{"money", "a fine of $5 million", "$5 million=5000000..5000000/dollars"},
		{"money k", "$10k raised", "$10k=10000..10000/dollars"},
		{"percent sign", "turnout of 30%", "30%=30..30/percent"},
		{"per cent", "30 per cent of voters", "30 per cent=30..30/percent"},
		{"unit", "a 10km march", "10km=10..10/km"},
		{"glued unit", "walked 10km north", "10km=10..10/km"},
		{"decimal", "2.5 points", "2.5 points=2..3/points~"},
		{"another", "another 13 people", "another 13 people=13..13/people"},
		{"a total of", "a total of 40 detainees", "a total of 40 detainees=40..40/detainees"},
		{"strong", "a 5,000-strong crowd", "5,000-strong crowd=5000..5000/crowd"},
		{"premodifier", "13 wounded soldiers", "13 wounded soldiers=13..13/soldiers"},
		{"adjectives", "50 pro-Russian separatist fighters", "50 pro-Russian separatist fighters=50..50/fighters"},
		{"capitalised adjective", "30 Russian army reservists", "30 Russian army reservists=30..30/reservists"},
		{"of the", "three of the hostages", "three of the hostages=3..3/hostages"},
		{"of them", "three of them", "three of them=3..3/"},
		{"of the number", "13 of the 20 passengers", "13=13..13/ | 20 passengers=20..20/passengers"},
		{"times", "fired at least three times", "at least three times=3../times"},
		{"miles", "thousands of miles of territory", "thousands of miles=2000..9999/miles"},
		{"verb after", "Thousands marched.", "Thousands=2000..9999/"},
		{"stop at casualty word", "13 people killed", "13 people=13..13/people"},
		{"one of", "one of the protesters", "one of the protesters=1..1/protesters"},
		{"zero", "zero casualties", "zero casualties=0..0/casualties"},
		// Not counts.
		{"year", "It began in 2021.", ""},
		{"years in a date", "On Sept. 21, 2022, they met.", ""},
		{"day first date", "On 21 September 2022 they met.", ""},
		{"ISO date", "Filed 2022-09-21.", ""},
		{"slash date", "Filed 21/09/2022.", ""},
		{"time", "at 5 p.m. and at 10:30", ""},
		{"time pm", "at 5pm", ""},
		{"age compound", "a 25-year-old man", ""},
		{"age word compound", "a three-year-old girl", ""},
		{"aged", "a man aged 25", ""},
		{"age commas", "Ivan Petrov, 25, was held.", ""},
		{"years old", "He is 25 years old.", ""},
		{"ordinal", "the 21st brigade", ""},
		{"code", "flight MH17 and COVID-19", ""},
		{"label", "Article 5 and Resolution 2334", ""},
		{"number label", "No. 5 Downing", ""},
		{"decade", "the 1990s", ""},
		{"no one", "No one was hurt.", ""},
		{"one another", "They blamed one another.", ""},
		{"the one", "the one who fled", ""},
		{"compound adjective", "a 10-day strike", ""},
		{"score", "they won 3-1", ""},
		{"year range", "the 2014-15 season", ""},
		{"years with count", "some 2000 people", "some 2000 people=2000..2000/people~"},
		{"year before person noun", "1500 people", "1500 people=1500..1500/people"},
		{"the scores", "the scores were close", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := showQ(Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}
