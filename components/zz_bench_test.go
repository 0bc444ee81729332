package components

import (
	"os"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
)

func tenK(b *testing.B) *analysis.Document {
	raw, _ := os.ReadFile("../app/example/seed.txt")
	seed := string(raw)
	body := seed[strings.Index(seed, "De Amerikaanse"):]
	text := strings.Repeat(body+"\n\n", 10_000/len(strings.Fields(body))+1)
	d, err := analysis.Analyze(text)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkZZHighlighter(b *testing.B) {
	d := tenK(b)
	b.Logf("paragraphs %d actors %d statements %d", len(d.Paragraphs), len(d.Actors), len(d.Statements))
	v := &articleView{IDoc: d, ILang: Dutch}
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			newHighlighter(d, Dutch, nil)
		}
	})
	b.Run("part", func(b *testing.B) {
		for b.Loop() {
			h := newHighlighter(d, Dutch, nil)
			v.partHTML(h, 0, v.upTo(0, 6400))
		}
	})
	b.Run("header", func(b *testing.B) {
		h := newHighlighter(d, Dutch, nil)
		for b.Loop() {
			v.headerHTML(d, h)
		}
	})
	b.Run("sidebar", func(b *testing.B) {
		for b.Loop() {
			byActor, _ := statementsByActor(d)
			rankActors(d, byActor)
			slots := colorSlots(d)
			for a, act := range d.Actors {
				closedActorHTML(Dutch, act, slots[a], false, len(byActor[a]))
			}
		}
	})
}
