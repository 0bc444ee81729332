package components

import (
	"os"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
)

// tenThousandWords analyses the seed article's body repeated to 10,000
// words with the engine.
func tenThousandWords(b *testing.B) *analysis.Document {
	raw, err := os.ReadFile("../app/example/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	seed := string(raw)
	body := seed[strings.Index(seed, "De Amerikaanse"):]
	d, err := analysis.Analyze(strings.Repeat(body+"\n\n", 10_000/len(strings.Fields(body))+1))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkFirstPart is the Go side of the article's first paint for a
// 10,000-word article: the highlighter, the header and the first part at a
// 1280×900 window.
func BenchmarkFirstPart(b *testing.B) {
	d := tenThousandWords(b)
	v := &articleView{IDoc: d, ILang: Dutch}
	for b.Loop() {
		h := newHighlighter(d, Dutch, nil)
		v.headerHTML(d, h)
		v.partHTML(h, 0, v.upTo(0, 800/8*(900/30)*5/4))
	}
}

// BenchmarkSidebarEntries is the sidebar's per-document work for a
// 10,000-word article.
func BenchmarkSidebarEntries(b *testing.B) {
	d := tenThousandWords(b)
	for b.Loop() {
		byActor, _ := statementsByActor(d)
		rankActors(d, byActor)
		slots := colorSlots(d)
		for a, act := range d.Actors {
			closedActorHTML(Dutch, act, slots[a], false, len(byActor[a]))
		}
	}
}
