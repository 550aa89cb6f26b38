package count

import (
	"fmt"
	"strings"
	"testing"
)

// showT renders tolls as `role min..max "Text" [verb] {whole}`, joined by
// " | "; an open max shows as nothing.
func showT(text string, ts []Toll) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		mx := ""
		if t.Range.Max != nil {
			mx = fmt.Sprint(*t.Range.Max)
		}
		parts = append(parts, fmt.Sprintf("%s %d..%s %q [%s] {%s}", t.Role, t.Range.Min, mx, t.Range.Text,
			text[t.VerbStart:t.VerbEnd], text[t.Start:t.End]))
	}
	return strings.Join(parts, " | ")
}

func TestTolls(t *testing.T) {
	tests := []struct{ name, text, want string }{
		// Active and participial.
		{"killing and wounding", "A gunman fired on a bus, killing at least 13 people and wounding 21 others.",
			`killed 13.. "at least 13 people" [killing] {killing at least 13 people} | injured 21..21 "21 others" [wounding] {wounding 21 others}`},
		{"killed object", "The strike killed five civilians.", `killed 5..5 "five civilians" [killed] {killed five civilians}`},
		{"wounded bare", "The blast wounded 21, officials said.", `injured 21..21 "21" [wounded] {wounded 21}`},
		{"detained", "Police detained 40 protesters outside the court.", `arrested 40..40 "40 protesters" [detained] {detained 40 protesters}`},
		{"rounded up", "Troops rounded up 60 men.", `arrested 60..60 "60 men" [rounded up] {rounded up 60 men}`},
		{"arresting", "Police broke up the rally, arresting more than 100 people.", `arrested 101.. "more than 100 people" [arresting] {arresting more than 100 people}`},
		{"headline present", "Car bomb kills 9, wounds 30 in market", `killed 9..9 "9" [kills] {kills 9} | injured 30..30 "30" [wounds] {wounds 30}`},
		// Passive and intransitive.
		{"were killed", "13 people were killed in the raid.", `killed 13..13 "13 people" [killed] {13 people were killed}`},
		{"dead", "At least 13 dead after the flood.", `killed 13.. "At least 13" [dead] {At least 13 dead}`},
		{"died", "Three soldiers died in the ambush.", `killed 3..3 "Three soldiers" [died] {Three soldiers died}`},
		{"were injured bare", "21 were injured.", `injured 21..21 "21" [injured] {21 were injured}`},
		{"have been arrested", "Hundreds of people have been arrested since the rallies began.",
			`arrested 200..999 "Hundreds of people" [arrested] {Hundreds of people have been arrested}`},
		{"dozens were arrested", "Dozens were arrested at the border.", `arrested 24.. "Dozens" [arrested] {Dozens were arrested}`},
		{"left dead", "The storm left five dead.", `killed 5..5 "five" [dead] {five dead}`},
		{"killed and injured pair", "Nine people were killed and 30 injured.", `killed 9..9 "Nine people" [killed] {Nine people were killed} | injured 30..30 "30" [injured] {30 injured}`},
		{"believed to have died", "Six miners are believed to have died.", `killed 6..6 "Six miners" [died] {Six miners are believed to have died}`},
		{"found dead", "Four migrants were later found dead.", `killed 4..4 "Four migrants" [dead] {Four migrants were later found dead}`},
		{"shot dead", "Two guards were shot dead.", `killed 2..2 "Two guards" [shot dead] {Two guards were shot dead}`},
		{"stabbed to death", "Two men were stabbed to death.", `killed 2..2 "Two men" [stabbed to death] {Two men were stabbed to death}`},
		{"lost their lives", "Eleven sailors lost their lives.", `killed 11..11 "Eleven sailors" [lost their lives] {Eleven sailors lost their lives}`},
		{"taken into custody", "Thirty fans were taken into custody.", `arrested 30..30 "Thirty fans" [taken into custody] {Thirty fans were taken into custody}`},
		{"hospitalised", "Twelve pupils were hospitalised.", `injured 12..12 "Twelve pupils" [hospitalised] {Twelve pupils were hospitalised}`},
		{"parenthesis", "At least 13 people, including seven children, were killed.",
			`killed 13.. "At least 13 people" [killed] {At least 13 people, including seven children, were killed}`},
		{"coordinated subjects", "Five soldiers and two civilians were killed.",
			`killed 5..5 "Five soldiers" [killed] {Five soldiers and two civilians were killed} | killed 2..2 "two civilians" [killed] {two civilians were killed}`},
		{"wounded premodifier", "The 13 wounded soldiers were flown out.", `injured 13..13 "13 wounded soldiers" [wounded] {13 wounded soldiers}`},
		{"deaths of", "Russia has suffered the deaths of at least 50,000 soldiers.",
			`killed 50000.. "at least 50,000 soldiers" [deaths] {deaths of at least 50,000 soldiers}`},
		{"lives of", "The quake claimed the lives of 300 people.", `killed 300..300 "300 people" [lives] {lives of 300 people}`},
		{"arrest of", "They condemned the arrest of 12 students.", `arrested 12..12 "12 students" [arrest] {arrest of 12 students}`},
		{"death toll", "The death toll rose to 20 on Tuesday.", `killed 20..20 "20" [death toll] {death toll rose to 20}`},
		{"toll from to", "The toll climbed from 13 to 20.", `killed 20..20 "20" [toll] {toll climbed from 13 to 20}`},
		{"toll reached, then what it includes", "The death toll rose to 14 overnight, including eight policemen.", `killed 14..14 "14" [death toll] {death toll rose to 14}`},
		{"number of dead", "The number of dead reached 40.", `killed 40..40 "40" [number of dead] {number of dead reached 40}`},
		{"deaths head", "Officials confirmed 13 deaths.", `killed 13..13 "13 deaths" [deaths] {13 deaths}`},
		{"arrests head", "Monitors counted more than 1,300 arrests.", `arrested 1301.. "more than 1,300 arrests" [arrests] {more than 1,300 arrests}`},
		// Participants.
		{"marched", "Thousands of people marched through the capital.", `participants 2000..9999 "Thousands of people" [marched] {Thousands of people marched}`},
		{"rallied", "Tens of thousands rallied in the square.", `participants 20000..99999 "Tens of thousands" [rallied] {Tens of thousands rallied}`},
		{"took part", "About 3,000 people took part in the march.", `participants 3000..3000 "About 3,000 people" [took part] {About 3,000 people took part}`},
		{"gathered", "Some 500 mourners gathered at the gate.", `participants 500..500 "Some 500 mourners" [gathered] {Some 500 mourners gathered}`},
		{"took to the streets", "Thousands took to the streets.", `participants 2000..9999 "Thousands" [took to the streets] {Thousands took to the streets}`},
		{"crowd of", "A crowd of 5,000 filled the square.", `participants 5000..5000 "5,000" [crowd] {crowd of 5,000}`},
		{"crowd estimated at", "Crowds estimated at 10,000 filled the square.", `participants 10000..10000 "10,000" [Crowds] {Crowds estimated at 10,000}`},
		{"strong", "A 2,000-strong crowd blocked the road.", `participants 2000..2000 "2,000-strong crowd" [strong] {2,000-strong crowd}`},
		{"protesters alone", "Police fired tear gas at 400 protesters.", `participants 400..400 "400 protesters" [protesters] {400 protesters}`},
		{"joined the rally", "Hundreds joined the rally.", `participants 200..999 "Hundreds" [joined] {Hundreds joined}`},
		// Nobody.
		{"no one hurt", "No one was hurt.", `injured 0..0 "No one" [hurt] {No one was hurt}`},
		{"nobody died", "Nobody died in the fire.", `killed 0..0 "Nobody" [died] {Nobody died}`},
		{"no casualties", "There were no casualties.", `killed 0..0 "no casualties" [casualties] {no casualties} | injured 0..0 "no casualties" [casualties] {no casualties}`},
		{"no one killed or injured", "No one was killed or injured.", `killed 0..0 "No one" [killed] {No one was killed} | injured 0..0 "No one" [injured] {No one was killed or injured}`},
		{"no soldiers", "No Russian soldiers were hurt.", `injured 0..0 "No Russian soldiers" [hurt] {No Russian soldiers were hurt}`},
		{"no arrests", "No arrests were made.", `arrested 0..0 "No arrests" [arrests] {No arrests}`},
		{"no one arrested", "No one has been arrested.", `arrested 0..0 "No one" [arrested] {No one has been arrested}`},
		{"no reports is not nobody", "There were no immediate reports of injuries.", ""},
		// One person.
		{"officer injured", "The officer was seriously injured.", `injured 1..1 "seriously injured" [injured] {The officer was seriously injured}`},
		{"soldier killed", "A soldier was killed.", `killed 1..1 "killed" [killed] {A soldier was killed}`},
		{"journalist arrested", "The journalist was arrested at home.", `arrested 1..1 "arrested" [arrested] {The journalist was arrested}`},
		{"suspect has been arrested", "The suspect has been arrested.", `arrested 1..1 "arrested" [arrested] {The suspect has been arrested}`},
		{"compound age", "A 25-year-old man was shot dead.", `killed 1..1 "shot dead" [shot dead] {A 25-year-old man was shot dead}`},
		{"name", "Ivan Petrov was detained on Monday.", `arrested 1..1 "detained" [detained] {Ivan Petrov was detained}`},
		{"pronoun", "He was critically wounded.", `injured 1..1 "critically wounded" [wounded] {He was critically wounded}`},
		{"apposition", "Ivan Petrov, 25, was detained.", `arrested 1..1 "detained" [detained] {Ivan Petrov, 25, was detained}`},
		{"apposition phrase", "The suspect, a local man, has been arrested.", `arrested 1..1 "arrested" [arrested] {The suspect, a local man, has been arrested}`},
		{"a man died", "A man died in hospital.", `killed 1..1 "died" [died] {A man died}`},
		{"active single", "Gunmen opened fire, killing a policeman.", `killed 1..1 "a policeman" [killing] {killing a policeman}`},
		{"object with age", "Sniper fire hit the post, seriously wounding a 20-year-old conscript.", `injured 1..1 "a 20-year-old conscript" [wounding] {wounding a 20-year-old conscript}`},
		{"object title and name", "Police arrested opposition leader Ivan Petrov at home.", `arrested 1..1 "opposition leader Ivan Petrov" [arrested] {arrested opposition leader Ivan Petrov}`},
		{"object name", "Police detained Petrov on Friday.", `arrested 1..1 "Petrov" [detained] {detained Petrov}`},
		{"coordinated heads", "Tens of thousands of miners and teachers marched.", `participants 20000..99999 "Tens of thousands of miners" [marched] {Tens of thousands of miners and teachers marched}`},
		{"blocked", "Thousands of farmers blocked the highway.", `participants 2000..9999 "Thousands of farmers" [blocked] {Thousands of farmers blocked}`},
		{"held a rally", "Hundreds held a vigil outside the jail.", `participants 200..999 "Hundreds" [held] {Hundreds held}`},
		{"held talks", "Two ministers held talks.", ""},
		{"police blocked", "Hundreds of police blocked the road.", ""},
		{"arrested him", "Police arrested him.", `arrested 1..1 "him" [arrested] {arrested him}`},
		{"arrested her husband", "Police arrested her husband.", `arrested 1..1 "her husband" [arrested] {arrested her husband}`},
		{"wounded her", "The blast wounded her.", `injured 1..1 "her" [wounded] {wounded her}`},
		{"one person", "One person was killed.", `killed 1..1 "One person" [killed] {One person was killed}`},
		{"plural unknown", "The protesters were arrested.", ""},
		{"condition is no toll", "The officer was in critical condition.", ""},
		// Not tolls.
		{"reservists mobilised", "Putin called up hundreds of thousands of reservists.", ""},
		{"miles", "Kyiv took back thousands of miles of land.", ""},
		{"tanks destroyed", "Thousands of tanks have been destroyed.", ""},
		{"fled", "Thousands of civilians have fled.", ""},
		{"times", "The gunman fired at least three times.", ""},
		{"arrested times", "He was arrested three times.", `arrested 1..1 "arrested" [arrested] {He was arrested}`},
		{"days", "They were held for 3 days.", ""},
		{"age", "A 25-year-old was held.", ""},
		{"year", "The man killed in 2019 was a guard.", ""},
		{"hostage", "The gang held 30 people hostage.", ""},
		{"not killed", "Ten people were not killed.", ""},
		{"rallies held", "Three rallies were held.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := showT(tt.text, Tolls(tt.text)); got != tt.want {
				t.Errorf("Tolls(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestConcurrent runs Find and Tolls from many goroutines at once; run it
// with -race. Each goroutine must see the results a lone call gives.
func TestConcurrent(t *testing.T) {
	want := make([]string, len(sentences))
	for i, s := range sentences {
		want[i] = showQ(Find(s)) + "\n" + showT(s, Tolls(s))
	}
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(sentences)
				s := sentences[i]
				if got := showQ(Find(s)) + "\n" + showT(s, Tolls(s)); got != want[i] {
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
