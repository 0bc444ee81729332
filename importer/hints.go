package importer

import (
	"strings"

	"golang.org/x/net/html"
)

// negWords are class and id words that mark page furniture: sharing,
// related links, captions, ads, newsletters, comments, bylines and the like.
// They are matched against whole words of the class or id, split at
// anything that is not a letter or digit.
var negWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "adverts": true, "advertisement": true,
	"advertentie": true, "advertising": true, "adslot": true, "adunit": true, "dfp": true,
	"sponsor": true, "sponsored": true, "promo": true, "promotion": true, "promoted": true,
	"banner": true, "share": true, "shares": true, "sharing": true, "sharebar": true,
	"social": true, "socials": true, "comment": true, "comments": true, "disqus": true,
	"reactions": true, "reacties": true, "related": true, "recommended": true,
	"recommendations": true, "recirculation": true, "trending": true, "popular": true,
	"mostread": true, "outbrain": true, "taboola": true, "newsletter": true,
	"subscribe": true, "subscription": true, "signup": true, "paywall": true, "login": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "popup": true,
	"modal": true, "overlay": true, "breadcrumb": true, "breadcrumbs": true,
	"pagination": true, "pager": true, "tags": true, "tag": true, "caption": true,
	"captions": true, "credit": true, "credits": true, "byline": true, "bylines": true,
	"author": true, "authors": true, "dateline": true, "timestamp": true, "meta": true,
	"footer": true, "sidebar": true, "widget": true, "widgets": true, "toolbar": true,
	"menu": true, "nav": true, "navbar": true, "navigation": true, "masthead": true,
	"hidden": true, "invisible": true, "print": true, "skip": true, "rating": true,
	"player": true, "gallery": true, "slideshow": true, "carousel": true,
	"readmore": true, "more": true, "teaser": true, "teasers": true, "also": true,
	"lees": true, "tooltip": true, "toc": true, "feedback": true,
}

// negSubstrings mark furniture wherever they occur in a class or id.
var negSubstrings = []string{
	"share", "social", "comment", "newsletter", "advert", "sponsor", "breadcrumb",
	"caption", "outbrain", "taboola", "sr-only", "screen-reader", "visually-hidden",
	"visuallyhidden", "related", "byline", "recommend",
}

// posWords mark the element that holds the article's text.
var posWords = map[string]bool{
	"article": true, "articlebody": true, "content": true, "story": true, "storybody": true,
	"body": true, "entry": true, "post": true, "text": true, "main": true, "prose": true,
	"richtext": true, "artikel": true, "tekst": true,
}

// classHint returns -1 when an element's class or id names page furniture,
// +1 when it names article content and 0 otherwise.
func classHint(n *html.Node) int8 {
	hint := int8(0)
	for _, at := range n.Attr {
		var v string
		switch at.Key {
		case "class", "id":
			v = at.Val
		case "itemprop":
			if strings.Contains(strings.ToLower(at.Val), "articlebody") {
				return 1
			}
			continue
		default:
			continue
		}
		if v == "" {
			continue
		}
		h := wordsHint(strings.ToLower(v))
		if h < 0 {
			return -1
		}
		if h > 0 {
			hint = 1
		}
	}
	return hint
}

func wordsHint(v string) int8 {
	// Embedded posts (tweets and the like) quote people: they are content
	// even inside a "social" wrapper.
	if strings.Contains(v, "tweet") || strings.Contains(v, "twitter") || strings.Contains(v, "instagram") {
		return 0
	}
	embed := strings.Contains(v, "embed")
	for _, s := range negSubstrings {
		if strings.Contains(v, s) && !(embed && (s == "social" || s == "share")) {
			return -1
		}
	}
	hint := int8(0)
	start := -1
	prev := ""
	for i := 0; i <= len(v); i++ {
		alnum := i < len(v) && (v[i] >= 'a' && v[i] <= 'z' || v[i] >= '0' && v[i] <= '9')
		if alnum {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := v[start:i]
		start = -1
		if prev == "hidden" && !breakpoints[w] {
			return -1
		}
		prev = w
		if w == "hidden" { // decided by the next word: "hidden-xs" is visible elsewhere
			continue
		}
		if negWords[w] && !(embed && (w == "social" || w == "socials" || w == "share")) {
			return -1
		}
		if posWords[w] {
			hint = 1
		}
	}
	if prev == "hidden" {
		return -1
	}
	return hint
}

// breakpoints follow "hidden" in the class names of CSS frameworks that hide
// an element only on some screens ("hidden-xs", "hidden-mobile").
var breakpoints = map[string]bool{
	"xs": true, "sm": true, "md": true, "lg": true, "xl": true, "xxl": true, "mobile": true,
	"desktop": true, "tablet": true, "phone": true, "print": true, "small": true, "medium": true,
	"large": true, "up": true, "down": true, "until": true, "from": true,
}
