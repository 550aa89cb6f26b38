// Package count reads numbers of people and things from news text: the
// quantity phrases of a sentence (Find) and its casualty, arrest and
// turnout figures (Tolls).
//
// Both are pure functions of their text: no I/O, safe for concurrent use,
// and cheap enough to run on every sentence of every report (a few
// microseconds for a sentence of 25 words, with three allocations).
//
// # Quantities
//
// A quantity is a number phrase with the words that bound or hedge it and
// the noun it counts. Figures map to ranges; Max nil means open:
//
//	13, "thirteen", "twenty-one", "50,000", "1.5 million"   13..13 and so on
//	"a dozen" 12..12, "two dozen" 24..24, "half a dozen" 6..6
//	"at least 13", "no fewer than 13", "13 or more"          13..nil
//	"more than 20", "over 20"                                21..nil
//	"up to 40", "as many as 40"                              1..40
//	"fewer than 10"                                          1..9
//	"about 30", "some 30", "nearly 30", "an estimated 30"    30..30, Approx
//	"between 10 and 15", "10 to 15", "10-15", "two or three" 10..15
//	"dozens" 24..nil, "scores" 40..nil
//	"hundreds" 200..999, "thousands" 2000..9999, "millions" 2000000..9999999
//	"tens of thousands" 20000..99999, "hundreds of thousands" 200000..999999
//	"several" 3..nil, "several hundred" 200..999, "several dozen" 24..nil
//	"a few" 2..nil, "a few hundred" 200..999
//	"a handful" 2..5, Approx; "a couple" 2..2
//
// "Several" and "a few" are open above: news uses them for any small
// number and the words alone set no ceiling. Before a scale they read as
// the plural ("several hundred" as "hundreds", 200..999). "Nearly 30" stays 30..30 with
// Approx rather than 1..29: reporters round to it from either side. A
// decimal without a scale ("2.5 percent") is 2..3, Approx.
//
// Numbers that are not counts are left out: years ("in 2021"; a bare
// four-digit number from 1800 to 2100 counts only after a bounding word or
// before a noun for people, as in "some 2000 people"), the days and years
// of dates, times ("5 p.m.", "10:30"), ages ("25-year-old", "aged 25",
// "Ivan Petrov, 25,"), ordinals ("21st"), codes ("MH17", "COVID-19"),
// names ("Article 5", "No. 5"), scores ("3-1") and compound adjectives
// ("a 10-day strike"; but "a 5,000-strong crowd" is a count). Money and
// shares are quantities whose Head is "dollars", "percent" and the like.
//
// # Tolls
//
// A toll is a quantity bound to a casualty or turnout word, or the fate of
// one named or described person, read from these shapes:
//
//	count + casualty word      "13 people were killed", "at least 13 dead",
//	                           "21 were injured", "thousands marched"
//	casualty verb + count      "killing 13 people", "wounded 21",
//	                           "police detained 40 protesters"
//	noun + of + count          "the deaths of 50,000 soldiers",
//	                           "the arrest of 12 students", "a crowd of 5,000"
//	toll nouns                 "the death toll rose to 20", "13 deaths"
//	nobody                     "no one was hurt", "there were no casualties"
//	one person                 "the officer was seriously injured",
//	                           "a soldier was killed", "police arrested him"
//
// Between a count and its casualty word may come auxiliaries and adverbs
// ("have been", "are believed to have", "were later found"), a relative
// pronoun, and one parenthesis ("13 people, including seven children, were
// killed"). A negated predicate ("were not killed") is no toll. A count
// after "including" or "among them" is part of a group already counted and
// is skipped.
//
// The casualty vocabulary is in small lists in lexicon.go: afterWords
// (killed, dead, died, slain, murdered, perished, executed, wounded,
// injured, hurt, hospitalised, arrested, detained, held, apprehended,
// marched, rallied, gathered, protested, demonstrated...), beforeWords (the
// verbs that take their count as object: killing, wounded, detained,
// arrested...), ofNouns (deaths, lives, arrest, detention, crowd, rally...),
// headRoles (deaths, fatalities, injuries, arrests), zeroNouns (casualties,
// deaths, injuries, arrests), and the multi-word shapes read by verbAt
// ("shot dead", "stabbed to death", "lost their lives", "taken into
// custody", "rounded up", "took part", "took to the streets", "turned
// out"). "Jailed" and "sentenced" are left out: they follow a trial, not an
// arrest. "Casualties" alone is no toll, since it lumps the dead and the
// injured, but "no casualties" gives both killed and injured 0..0.
//
// A toll counts people: its noun must name people (a listed noun such as
// "people", "soldiers", "police"; a capitalised plural such as "Russians";
// or a plural ending in -ers, -ists, -ians, -ors, -ees) or be absent. So
// "thousands of miles", "three times" and "hundreds of tanks" are no
// tolls, and "hundreds of thousands of reservists" is none either without
// a casualty word. A protest noun counted with no other role ("400
// protesters") gives a participants toll.
package count
