package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/analysis/attribution"
)

// This file trains the English attribution model on PolNeAR (brat files:
// text/NAME.txt and attributions/NAME_ANNOTATOR.ann; where several
// annotators labelled an article, the first file in name order is used, as
// the scorer does).

// span is a byte range of an article.
type span struct{ start, end int }

// goldAttribution is one annotated attribution.
type goldAttribution struct {
	source, cue, content []span
}

// article is one PolNeAR article with its attributions.
type article struct {
	name  string
	text  string
	attrs []goldAttribution
}

// readPolNeAR reads one split of PolNeAR, articles in name order.
func readPolNeAR(dir string) ([]article, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var out []article
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		name := base[:max(strings.LastIndex(base, "_"), 0)]
		if seen[name] {
			continue
		}
		seen[name] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, err
		}
		a := article{name: name, text: string(text)}
		if a.attrs, err = readBrat(ann, a.text); err != nil {
			return nil, fmt.Errorf("%s: %w", ann, err)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no attributions/*.ann files", dir)
	}
	return out, nil
}

// readBrat reads the attribution events of one .ann file; offsets there
// count code points, which are turned into byte offsets.
func readBrat(path, text string) ([]goldAttribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	spans := map[string][]span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "" {
			continue
		}
		switch cols[0][0] {
		case 'T':
			_, ranges, ok := strings.Cut(cols[1], " ")
			if !ok {
				continue
			}
			for _, part := range strings.Split(ranges, ";") {
				var a, b int
				if _, err := fmt.Sscanf(part, "%d %d", &a, &b); err != nil {
					return nil, fmt.Errorf("bad span %q", part)
				}
				if a < 0 || b >= len(byteAt) || a >= b {
					return nil, fmt.Errorf("span %q outside the text", part)
				}
				spans[cols[0]] = append(spans[cols[0]], span{byteAt[a], byteAt[b]})
			}
		case 'E':
			events = append(events, strings.Fields(cols[1]))
		}
	}
	var out []goldAttribution
	for _, ev := range events {
		var g goldAttribution
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				g.source = append(g.source, spans[id]...)
			case "Cue":
				g.cue = append(g.cue, spans[id]...)
			case "Content":
				g.content = append(g.content, spans[id]...)
			}
		}
		if len(g.content) > 0 {
			out = append(out, g)
		}
	}
	return out, sc.Err()
}

// examples turns articles into labelled sentences: a token is a cue, source
// or content token when it overlaps such a gold span (cue before source
// before content, where nested attributions overlap); it begins a span when
// the token before is not in the same gold span.
func examples(arts []article) ([]attribution.Example, error) {
	var out []attribution.Example
	for _, a := range arts {
		lang, sents, err := analysis.AttributionSentences(a.text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.name, err)
		}
		if lang != analysis.English {
			continue
		}
		type mark struct {
			role attribution.Role
			id   int
		}
		for _, s := range sents {
			gold := make([]attribution.Label, len(s.Tokens))
			prev := mark{}
			for i, ts := range s.Spans {
				best := mark{}
				for k, g := range a.attrs {
					for _, r := range []struct {
						role  attribution.Role
						spans []span
					}{{attribution.Cue, g.cue}, {attribution.Source, g.source}, {attribution.Content, g.content}} {
						if best.role != attribution.None && rank(best.role) <= rank(r.role) {
							continue
						}
						for n, gs := range r.spans {
							if gs.start < ts.End && ts.Start < gs.end {
								best = mark{r.role, k*64 + n + 1}
								break
							}
						}
					}
				}
				if best.role != attribution.None {
					gold[i] = labelOf(best.role, prev == best)
				}
				prev = best
			}
			out = append(out, attribution.Example{Tokens: s.Tokens, Flags: s.Flags, Gold: gold})
		}
	}
	return out, nil
}

// rank orders roles for overlapping gold spans: lower wins.
func rank(r attribution.Role) int {
	switch r {
	case attribution.Cue:
		return 0
	case attribution.Source:
		return 1
	}
	return 2
}

func labelOf(r attribution.Role, inside bool) attribution.Label {
	switch r {
	case attribution.Source:
		if inside {
			return attribution.ISource
		}
		return attribution.BSource
	case attribution.Cue:
		if inside {
			return attribution.ICue
		}
		return attribution.BCue
	}
	if inside {
		return attribution.IContent
	}
	return attribution.BContent
}

// cvOptions says whether and how to cross-validate on train.
type cvOptions struct {
	on    bool
	folds int  // how many of the five folds to score
	only  bool // skip the full model
}

// trainAttribution trains the English model on the train split, reports the
// whole pipeline's figures on dev (and train) and writes the model.
func trainAttribution(w io.Writer, dir, out string, opt attribution.TrainOptions, cv cvOptions, verbose bool) error {
	start := time.Now()
	train, err := readPolNeAR(filepath.Join(dir, "train"))
	if err != nil {
		return err
	}
	dev, err := readPolNeAR(filepath.Join(dir, "dev"))
	if err != nil {
		return err
	}
	exs, err := examples(train)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "attribution: %d PolNeAR train articles, %d sentences (read in %s)\n", len(train), len(exs), time.Since(start).Round(time.Millisecond))
	devExs, err := examples(dev)
	if err != nil {
		return err
	}
	if verbose {
		opt.Epoch = func(epoch int, m *attribution.Model) {
			fmt.Fprintf(w, "epoch %d  dev spans %s\n", epoch, spanFigures(attribution.Evaluate(m, devExs)))
		}
	}
	if cv.on && cv.only {
		return crossValidate(w, train, opt, cv.folds)
	}
	start = time.Now()
	m, err := attribution.Train(exs, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	fmt.Fprintf(w, "trained in %s: %d feature rows\n", time.Since(start).Round(time.Millisecond), m.Rows())
	fmt.Fprintf(w, "PolNeAR dev spans (exact, by the labeller alone): %s\n", spanFigures(attribution.Evaluate(m, devExs)))
	// Score the whole pipeline with the model as it will be loaded.
	if err := analysis.AddModel("en-attribution.bin", buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(w, "PolNeAR dev   %s\n", score(dev))
	fmt.Fprintf(w, "PolNeAR train %s (fit: the model learnt from these)\n", score(train))
	if cv.on {
		if err := crossValidate(w, train, opt, cv.folds); err != nil {
			return err
		}
		// Put the full model back.
		if err := analysis.AddModel("en-attribution.bin", buf.Bytes()); err != nil {
			return err
		}
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "attribution model: %d bytes, %d gzipped\n", buf.Len(), gz.Len())
	if out != "" {
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "wrote %s\n", out)
	}
	return nil
}

// crossValidate trains on four fifths of train and scores the pipeline on
// the fifth left out, for the first folds of the five, and prints the
// pooled figures.
func crossValidate(w io.Writer, train []article, opt attribution.TrainOptions, folds int) error {
	var total tally
	folds = min(max(folds, 1), 5)
	for fold := range folds {
		var in, held []article
		for i, a := range train {
			if i%5 == fold {
				held = append(held, a)
			} else {
				in = append(in, a)
			}
		}
		exs, err := examples(in)
		if err != nil {
			return err
		}
		m, err := attribution.Train(exs, opt)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			return err
		}
		if err := analysis.AddModel("en-attribution.bin", buf.Bytes()); err != nil {
			return err
		}
		total.add(tallyOf(held))
	}
	if folds < 5 {
		fmt.Fprintf(w, "PolNeAR train %s (cross-validation: %d of 5 held-out fifths)\n", total, folds)
		return nil
	}
	fmt.Fprintf(w, "PolNeAR train %s (5-fold cross-validation)\n", total)
	return nil
}

// tally counts matches the way ../shared/eval does at threshold 0.3.
type tally struct{ gold, pred, tp, speaker int }

func (t *tally) add(u tally) {
	t.gold += u.gold
	t.pred += u.pred
	t.tp += u.tp
	t.speaker += u.speaker
}

func (t tally) String() string {
	p := float64(t.tp) / float64(max(t.pred, 1))
	r := float64(t.tp) / float64(max(t.gold, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("F1@0.3 %.3f P %.3f R %.3f speaker %.3f (gold %d, predicted %d)", f, p, r,
		float64(t.speaker)/float64(max(t.tp, 1)), t.gold, t.pred)
}

func score(arts []article) string { return tallyOf(arts).String() }

// tallyOf analyses the articles and scores the statements: each gold
// attribution in text order takes the remaining prediction whose content
// covers the largest share (above 0.3) of its content bytes; the speaker is
// right when the source spans overlap, or neither has one.
func tallyOf(arts []article) tally {
	var t tally
	for _, a := range arts {
		d, err := analysis.Analyze(a.text)
		if err != nil {
			t.gold += len(a.attrs)
			continue
		}
		golds := append([]goldAttribution(nil), a.attrs...)
		sort.SliceStable(golds, func(i, j int) bool { return minStart(golds[i].content) < minStart(golds[j].content) })
		used := make([]bool, len(d.Statements))
		t.pred += len(d.Statements)
		for _, g := range golds {
			t.gold++
			gb := bytesOf(g.content)
			bi, bs := -1, 0.3
			for i, st := range d.Statements {
				if used[i] {
					continue
				}
				n := 0
				for _, c := range st.Content {
					for b := c.Start; b < c.End; b++ {
						if gb[b] {
							n++
						}
					}
				}
				if s := float64(n) / float64(len(gb)); s > bs {
					bi, bs = i, s
				}
			}
			if bi < 0 {
				continue
			}
			used[bi] = true
			t.tp++
			src := d.Statements[bi].Source
			ok := len(g.source) == 0 && src.IsZero()
			for _, s := range g.source {
				if !src.IsZero() && s.start < src.End && src.Start < s.end {
					ok = true
				}
			}
			if ok {
				t.speaker++
			}
		}
	}
	return t
}

func bytesOf(spans []span) map[int]bool {
	m := map[int]bool{}
	for _, s := range spans {
		for i := s.start; i < s.end; i++ {
			m[i] = true
		}
	}
	return m
}

func minStart(spans []span) int {
	m := 1 << 62
	for _, s := range spans {
		m = min(m, s.start)
	}
	return m
}

// spanFigures formats Evaluate's figures.
func spanFigures(f [4][3]float64) string {
	return fmt.Sprintf("source F1 %.3f (P %.3f R %.3f), cue F1 %.3f (P %.3f R %.3f), content F1 %.3f (P %.3f R %.3f)",
		f[attribution.Source][2], f[attribution.Source][0], f[attribution.Source][1],
		f[attribution.Cue][2], f[attribution.Cue][0], f[attribution.Cue][1],
		f[attribution.Content][2], f[attribution.Content][0], f[attribution.Content][1])
}
