package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a headline: longer lines are body text.
const (
	maxTitleWords = 25
	maxTitleRunes = 220
	// maxChromeWords is the longest line the page-chrome patterns may drop;
	// a longer paragraph is text whatever it starts with.
	maxChromeWords = 30
)

// chromeLabels are page-chrome lines matched whole (case folded, final
// colon ignored): share bars, ad labels, section furniture, navigation.
var chromeLabels = map[string]bool{}

func init() {
	for _, l := range strings.Split(`share|share this|share this story|share this article|share this page|share this post|share this video|share the story|share article|share story|share page|tweet|email|e-mail|print|copy link|link copied|reuse this content|comments|comment|show comments|view comments|leave a comment|leave a reply|post a comment|join the conversation|watch|video|videos|listen|audio|photos|photo gallery|gallery|in pictures|advertisement|advertising|ad|ads|sponsored|sponsored content|promoted|promoted content|paid content|paid post|partner content|anzeige|werbung|реклама|newsletter|newsletters|subscribe|sign up|sign in|log in|login|register|menu|search|home|skip to content|skip to main content|back to top|related|related articles|related stories|related coverage|related content|related topics|related links|related reading|more on this story|more on this topic|more stories|more from|recommended|recommended for you|you may also like|you might also like|most read|most popular|most viewed|most shared|top stories|trending|trending now|editor's picks|editors' picks|features|further reading|explore more on these topics|latest|latest news|latest stories|press release|news release|breaking|breaking news|exclusive|live|analysis|opinion|explainer|fact check|editorial|continue reading|read more|read the full story|read full article|show more|load more|next|previous|next article|previous article|print this page|save|saved|bookmark|follow|follow us|follow topic|download the app|open in app|get the app|listen to this article|playback speed|close|accept|accept all|accept cookies|cookie settings|manage cookies|reject all|got it|поделиться|поділитися|читайте также|читайте також|смотрите также|реклама на сайте|teilen|mehr zum thema|lesen sie auch|partager|lire aussi|compartir|lee también`, "|") {
		chromeLabels[l] = true
	}
}

// shareWords are the words of a line of share buttons.
var shareWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`share tweet facebook twitter x whatsapp telegram linkedin email e-mail mail print reddit pinterest messenger viber vk вконтакте одноклассники copy link flipboard sms threads bluesky mastodon on via`) {
		shareWords[w] = true
	}
}

var (
	// rxChromePrefix matches lines that open with a chrome lead-in: a
	// link label, a call to action, a credit, a byline, a tag list.
	rxChromePrefix = regexp.MustCompile(`(?i)^(` +
		`(read|see|watch|listen|also read|also see|related|more|photos?|videos?|gallery|related topics|topics?|tags?|tagged|filed under|categories|category|themen|теги|рубрики|читайте также|читайте також|смотрите также|mehr zum thema|lesen sie auch|lire aussi)\s*:` +
		`|read (more|also|next|the full)\b|click here\b|follow (us|\S+ on)\b|sign up\b|signup\b|subscribe\b|download (the|our) app\b|listen to this article\b|skip to\b|jump to\b|don.t miss\b|never miss\b|get (our|the) (free |daily |weekly |morning |evening )*newsletter` +
		`|(image|photo|picture|video|graphic)( source| caption| credit)?\s*[:,]|(photograph|photo|foto|фото|credit)\s*:` +
		`|(reporting|writing|editing|edited|additional reporting|compiled|produced|written|words)\s+by\b` +
		`|(we use cookies|this (web)?site uses cookies|by continuing to (browse|use)|wir verwenden cookies|мы используем cookie)` +
		`|your browser does not support` +
		`|tagged\s` +
		`)`)
	// rxChromeAnywhere matches chrome wherever it sits in a short line.
	rxChromeAnywhere = regexp.MustCompile(`(?i)(all rights reserved|alle rechte vorbehalten|все права защищены|усі права захищені|tous droits réservés|todos los derechos reservados|\bclick here\b|\bdonate (today|now|here)\b|\bsupport (independent|local|our|quality) (journalism|reporting)\b|\bbecome a (member|subscriber|supporter|patron)\b)`)
	// rxCopyright matches copyright lines.
	rxCopyright = regexp.MustCompile(`(?i)^(©|\(c\)\s|copyright\b)`)
	// rxComments matches comment counters such as "214 Comments".
	rxComments = regexp.MustCompile(`(?i)^(\d+\s+(comments?|thoughts?|responses?|replies)\b|comments?\s*\(\d+\))`)
	// rxMetaPrefix matches publication stamps ("Updated 4 hours ago").
	rxMetaPrefix = regexp.MustCompile(`(?i)^(updated|published|posted|last (updated|modified)|first published|modified|created|aktualisiert|veröffentlicht|обновлено|опубликовано|оновлено)\b`)
	// rxByline matches a byline ("By Jane Doe, Northline").
	rxByline = regexp.MustCompile(`^(By|BY|by|Von|Par|Por|Автор:?|Written by|Words by)\s+\p{Lu}`)
	// rxNewsletter matches newsletter promotions.
	rxNewsletter = regexp.MustCompile(`(?i)\bnewsletters?\b`)
	// rxCallToAction matches the imperative openings of promotions.
	rxCallToAction = regexp.MustCompile(`(?i)^(sign|subscribe|get|receive|join|don.t|never|want|stay|enter|support|donate)\b`)
	// rxBullet matches list items.
	rxBullet = regexp.MustCompile(`^([-•*–—▪►·]|\d{1,2}[.)])\s`)
	// rxTitlePrefix and rxTitleSuffix match the labels that media put on
	// headlines ("Watch: … (video)", "VIDEO:", "LIVE:").
	rxTitlePrefix = regexp.MustCompile(`(?i)^(watch|video|videos|live|live updates|breaking|breaking news|exclusive|update|updated|photos|pictures|in pictures|gallery|listen|audio|podcast)\s*(:|\||–|—|-)\s*`)
	rxTitleSuffix = regexp.MustCompile(`(?i)(\s*[(\[](video|videos|watch|photos|pictures|gallery|live|updated|audio|podcast)[)\]]|\s+(\||–|—|-)\s*(video|videos|live|photos|watch|podcast))\s*$`)
	// rxInnerSentence matches a sentence end inside a line.
	rxInnerSentence = regexp.MustCompile(`\p{Ll}{2}[.!?…]["”’»)]*\s+["“‘«(]*\p{Lu}`)
)

// weekdayOrMonth reports whether w names a weekday or a month, so that
// "By Monday" is not read as a byline.
func weekdayOrMonth(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,"))
	return months[w] > 0 || dateWords[w]
}

// isChrome reports whether a paragraph is page chrome: share bars, ad
// labels, calls to subscribe, related links, credits, bylines, time
// stamps, copyright lines, cookie notices.
func isChrome(s string) bool {
	words := wordCount(s)
	if words == 0 {
		return true
	}
	if words > maxChromeWords {
		return false
	}
	low := strings.ToLower(strings.TrimRight(s, " :：.!"))
	switch {
	case chromeLabels[low]:
		return true
	case rxCopyright.MatchString(s), rxComments.MatchString(s):
		return true
	case rxChromePrefix.MatchString(s):
		return true
	case rxChromeAnywhere.MatchString(s) && words <= 20:
		return true
	case isDateLine(s):
		return true
	case rxMetaPrefix.MatchString(s) && words <= 15 && !endsSentence(s):
		return true
	case rxNewsletter.MatchString(s) && words <= 25 && (!endsSentence(s) || rxCallToAction.MatchString(s)):
		return true
	case isByline(s):
		return true
	case isShareBar(low):
		return true
	case isBreadcrumb(s), isMenu(s):
		return true
	case isLabelledVideo(s):
		return true
	}
	return false
}

// isByline reports whether s is a byline such as "By Jane Doe and Tom
// Hale" or "By Kelly Brand, Foreign News Reporter".
func isByline(s string) bool {
	if !rxByline.MatchString(s) || wordCount(s) > 14 || endsSentence(s) {
		return false
	}
	f := strings.Fields(s)
	return len(f) > 1 && !weekdayOrMonth(f[1]) && !strings.EqualFold(f[1], "The")
}

// isShareBar reports whether a lower-case line is made of share-button
// words only.
func isShareBar(low string) bool {
	f := strings.FieldsFunc(low, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|·•:,/", r)
	})
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if !shareWords[w] {
			return false
		}
	}
	// "Share on X" and "Facebook Twitter" are bars; a lone "X" is not.
	return len(f) > 1 || len(f[0]) > 1
}

// isBreadcrumb reports whether s is a short navigation trail such as
// "World › Europe".
func isBreadcrumb(s string) bool {
	if wordCount(s) > 10 || endsSentence(s) || strings.ContainsAny(s, ",;") {
		return false
	}
	return strings.Contains(s, " › ") || strings.Contains(s, " » ") || strings.Contains(s, " > ")
}

// rxMenuSep splits a line of navigation links.
var rxMenuSep = regexp.MustCompile(`\s+[|·•]\s+`)

// isMenu reports whether s is a row of navigation links: three or more
// short parts between bars or dots ("Home | About | Archives").
func isMenu(s string) bool {
	parts := rxMenuSep.Split(s, -1)
	if len(parts) < 3 || endsSentence(s) {
		return false
	}
	for _, p := range parts {
		if n := wordCount(p); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// isLabelledVideo reports whether s is the caption of an embedded video or
// gallery ("Watch: Moment drone hits block (video)"), which in a body is
// chrome: it titles another piece.
func isLabelledVideo(s string) bool {
	if endsSentence(s) {
		return false
	}
	return rxTitleSuffix.MatchString(s) || rxTitlePrefix.MatchString(s)
}

// cleanTitle normalises a headline and strips the labels media put on it:
// "Watch: Man shoots commander (video)" becomes "Man shoots commander".
func cleanTitle(s string) string {
	s = cleanLine(s)
	for range 3 {
		t := rxTitleSuffix.ReplaceAllString(s, "")
		t = rxTitlePrefix.ReplaceAllString(t, "")
		t = strings.TrimSpace(t)
		if t == s || t == "" {
			break
		}
		s = t
	}
	return s
}

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark or ellipsis, maybe inside closing quotes or
// brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

// continuation lists the words a headline does not end on; a line that
// ends on one is a piece of a wrapped sentence.
var continuation = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of to in on at for with by from and or but nor that which who whose whom as is are was were be been being has have had will would shall should can could may might must than into onto via per about after before over under between against during without within amid among his her their its our your my this these those`) {
		continuation[w] = true
	}
}

// headlineLike reports whether a paragraph has the shape of a headline
// rather than a sentence: short, no final punctuation, beginning with a
// capital or digit, no sentence break inside, not ending on a word that
// wants a continuation, not a list item. inBody adds that a paragraph that
// is wholly a quotation is speech, not a headline.
func headlineLike(s string, inBody bool) bool {
	if s == "" || wordCount(s) > maxTitleWords || utf8.RuneCountInString(s) > maxTitleRunes {
		return false
	}
	if rxBullet.MatchString(s) || rxInnerSentence.MatchString(s) {
		return false
	}
	trimmed := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	if strings.ContainsRune(".!?…:;,-–—(/&+。！？", last) {
		return false
	}
	f := strings.Fields(trimmed)
	if len(f) == 0 || (continuation[strings.ToLower(f[len(f)-1])] && len(f) > 2) {
		return false
	}
	first := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if first < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[first:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.IsTitle(r) && unicode.IsLetter(r) && unicode.IsLower(r) {
		return false
	}
	if inBody && wholeQuote(s) {
		return false
	}
	return true
}

// wholeQuote reports whether s is one quotation and nothing else.
func wholeQuote(s string) bool {
	o, _ := utf8.DecodeRuneInString(s)
	c, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`"“‘«„'`, o) && strings.ContainsRune(`"”’»“'`, c)
}
