// Package dict reads actor and agent dictionaries in the PETRARCH/TABARI
// format, the form in which event-data teams keep their knowledge of who is
// who, and codes phrases with them.
//
// # Actor dictionaries
//
// An actor entry is a primary phrase, optional synonyms on lines beginning
// with '+', and codes in square brackets, either on the primary line or on
// lines of their own:
//
//	AUSTRALIA [AUS]
//	+AUSTRALIAN
//
//	GOLLUM
//	+SMEAGOL
//		[HOB < 950601]
//		[HOBGOV 19950601 - 19990815]
//		[HOBREB > 990816]
//
// Words in a phrase are separated by spaces or underscores and must appear
// consecutively; a trailing underscore (TABARI's mark of a whole word) is
// dropped, since matching is always on whole words. Matching ignores case.
// A code may carry a date restriction: "<D" (up to D), ">D" (from D) or
// "D1-D2" (D1 to D2), all inclusive, with dates as YYYYMMDD or YYMMDD (00
// to 30 read as 20YY, otherwise 19YY). When several restricted codes apply
// on a date, the one whose period began latest wins, so that a new period
// takes over from its first day; a code without a restriction is the
// default when none applies; an entry with no code that applies is the null
// actor "---". The same phrase in two entries keeps the codes of both, the
// first entry's default first.
//
// # Agent dictionaries
//
// An agent entry is a phrase, an optional plural in braces and a code
// marked with '~': "~GOV" is appended to the actor's code, "NGO~" put
// before it.
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//	CONGRESS!PERSON! [~LEG]
//	TROOPS {} [~MIL]
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
//	SOLDIER [~MIL]
//
// A regular plural is made from the last word ("SOLDIERS", "AUTHORITIES",
// "BUSES") unless braces give one, or "{}" none. A substitution marker
// !NAME! defined by a "!NAME! = A, B" line stands for each of its forms.
//
// # Comments
//
// "<!-- ... -->" (also over several lines), and anything from '#' or ';'
// to the end of a line, are comments.
//
// Malformed lines are errors that name the line number and the reason. The
// loaded dictionaries are read-only and safe for concurrent use.
package dict
