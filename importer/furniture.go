package importer

import (
	"strings"
	"unicode"
)

// labelPhrases are whole blocks that are page furniture rather than article
// text, in English, Dutch and a few other languages of news sites. They are
// compared lower-cased, without trailing punctuation.
var labelPhrases = map[string]bool{
	"ad": true, "advert": true, "advertisement": true, "advertentie": true, "anzeige": true,
	"publicité": true, "publicidad": true, "pubblicità": true, "sponsored": true,
	"sponsored links": true, "sponsored content": true, "gesponsord": true,
	"comments": true, "comment": true, "reacties": true, "reageer": true, "reageren": true,
	"related": true, "related articles": true, "related stories": true, "related content": true,
	"related posts": true, "related news": true, "gerelateerd": true, "gerelateerde artikelen": true,
	"read more": true, "read next": true, "read also": true, "see also": true, "more": true,
	"lees ook": true, "lees meer": true, "lees verder": true, "bekijk ook": true, "meer over": true,
	"meer nieuws": true, "leggi anche": true, "weiterlesen": true, "lesen sie auch": true,
	"mehr zum thema": true, "share": true, "share this": true, "share this article": true,
	"share this story": true, "share on facebook": true, "deel": true, "deel dit artikel": true,
	"delen": true, "trending": true, "trending now": true, "don't miss": true, "menu": true,
	"breaking news": true, "you may also like": true, "you might also like": true,
	"you may also be interested in": true, "recommended": true, "recommended for you": true,
	"recommended stories": true, "more stories": true, "most popular": true, "most read": true,
	"meest gelezen": true, "popular": true, "tags": true, "topics": true, "onderwerpen": true,
	"follow us": true, "volg ons": true, "subscribe": true, "abonneer": true, "newsletter": true,
	"nieuwsbrief": true, "sign up": true, "tell us what you think": true,
	"what do you think": true, "back to top": true, "print": true, "email": true,
	"e-mail": true, "facebook": true, "twitter": true, "whatsapp": true, "linkedin": true,
	"pinterest": true, "copy link": true, "kopieer link": true, "video": true, "audio": true,
	"listen": true, "luister": true, "bekijk de video": true, "watch": true, "close": true,
	"sluiten": true, "loading": true, "laden": true, "zie ook": true, "kijk ook": true,
	"bekijk": true, "ook interessant": true, "aanbevolen": true, "meer over dit onderwerp": true,
	"deel via": true, "volg ons op": true,
}

// furniturePrefixes start blocks that credit, promote or date rather than
// tell; they count only for short blocks.
var furniturePrefixes = []string{
	"sign up for", "subscribe to", "follow us", "follow @", "click here", "like us on",
	"get the latest", "©", "(c) ", "copyright", "all rights reserved",
	"alle rechten voorbehouden", "reporting by", "editing by", "additional reporting",
	"writing by", "compiled by", "published:", "updated:", "last updated", "gepubliceerd:",
	"bijgewerkt:", "laatste update", "lees ook:", "lees meer:", "bekijk ook:", "read more:",
	"related:", "see also:", "zie ook:", "kijk ook:", "luister ook:", "meer over:",
	"ook interessant:", "photo:", "photos:", "foto:", "foto's:", "beeld:", "image:",
	"picture:", "credit:", "afbeelding:", "video:", "[caption", "[button", "[embed",
}

// captionSuffixes end image captions ("… (Image: GETTY)").
var captionSuffixes = []string{
	"(image:", "(images:", "(photo:", "(photos:", "(picture:", "(pictures:", "(foto:",
	"(beeld:", "(credit:", "(afbeelding:",
}

// dateWords are the words a dateline or time stamp is made of.
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"januari": true, "februari": true, "maart": true, "mei": true, "juni": true, "juli": true,
	"augustus": true, "oktober": true, "mrt": true, "okt": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thurs": true, "fri": true, "sat": true, "sun": true, "maandag": true,
	"dinsdag": true, "woensdag": true, "donderdag": true, "vrijdag": true, "zaterdag": true,
	"zondag": true, "ma": true, "di": true, "wo": true, "do": true, "vr": true, "za": true, "zo": true,
	"am": true, "pm": true, "a": true, "m": true, "p": true, "et": true, "est": true, "edt": true,
	"pt": true, "pst": true, "pdt": true, "ct": true, "cst": true, "gmt": true, "bst": true,
	"utc": true, "cet": true, "cest": true, "ist": true, "uur": true, "om": true, "at": true,
	"on": true, "published": true, "updated": true, "posted": true, "modified": true,
	"gepubliceerd": true, "bijgewerkt": true, "gewijzigd": true, "aangepast": true,
	"geplaatst": true, "laatste": true, "update": true,
	"ago": true, "geleden": true, "hours": true, "hour": true, "minutes": true, "minute": true,
	"min": true, "mins": true, "days": true, "day": true, "uren": true, "minuten": true,
	"dagen": true, "today": true, "yesterday": true, "vandaag": true, "gisteren": true,
	"of": true, "the": true, "th": true, "st": true, "nd": true, "rd": true, "and": true, "en": true,
	"last": true, "first": true,
}

// isFurniture reports a block of text that is page furniture: a label, a
// credit, a caption, a date line, a byline or a stray URL or token.
func isFurniture(text string) bool {
	if len(text) > 300 {
		return false
	}
	low := strings.ToLower(text)
	label := strings.TrimRightFunc(low, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || r == '…' || unicode.IsSymbol(r)
	})
	label = strings.TrimLeftFunc(label, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
	if labelPhrases[label] {
		return true
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	for _, s := range captionSuffixes {
		if i := strings.LastIndex(low, s); i >= 0 && strings.HasSuffix(strings.TrimSpace(low), ")") &&
			!strings.Contains(low[i:], ".") {
			return true
		}
	}
	if isPromo(low) {
		return true
	}
	fields := strings.Fields(low)
	if len(fields) == 0 {
		return true
	}
	// A URL, or a single hyphenated token such as a CSS class name.
	if strings.HasPrefix(fields[0], "http://") || strings.HasPrefix(fields[0], "https://") {
		return true
	}
	if len(fields) == 1 && strings.Count(fields[0], "-") >= 2 {
		return true
	}
	return false
}

// isPromo reports a short block that advertises a newsletter.
func isPromo(low string) bool {
	if len(low) > 250 {
		return false
	}
	if !strings.Contains(low, "newsletter") && !strings.Contains(low, "nieuwsbrief") {
		return false
	}
	for _, w := range []string{"sign up", "signup", "subscribe", "inbox", "abonneer", "meld je aan", "schrijf je in", "aanmelden", "inschrijven"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// isEdgeFurniture reports a date line or a byline: furniture before the
// article's first paragraph or after its last, but in a live blog the time
// stamps that head each entry.
func isEdgeFurniture(text string) bool {
	if len(text) > 200 {
		return false
	}
	low := strings.ToLower(text)
	words := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	return len(words) > 0 && (isDateLine(words) || isByline(low, words))
}

// isDateLine reports a short block made of date and time words and numbers.
func isDateLine(words []string) bool {
	if len(words) > 16 {
		return false
	}
	digits, other := false, 0
	for _, w := range words {
		switch {
		case w[0] >= '0' && w[0] <= '9':
			digits = true
		case dateWords[w]:
		default:
			other += len(w)
		}
	}
	return digits && other <= 3
}

// isByline reports a short "By Name" or "Door Name" line.
func isByline(low string, words []string) bool {
	if len(words) < 2 || endsSentence(low) {
		return false
	}
	if w := words[0]; w != "by" && w != "door" && w != "von" && w != "par" {
		return false
	}
	names := 0 // words that are not part of a date or time
	for _, w := range words[1:] {
		if !dateWords[w] && (w[0] < '0' || w[0] > '9') {
			names++
		}
	}
	return names <= 6
}
