package ner

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions sets how Train learns a model.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 10).
	Epochs int
	// Seed fixes the order in which sentences are visited, so that training
	// is deterministic.
	Seed uint64
	// Scheme is the tag scheme: "BILOU" (default) or "IOB2".
	Scheme string
	// MinCount drops features seen fewer times in the training data
	// (default 1: keep all).
	MinCount int
	// Prune drops weights whose magnitude is below this fraction of the
	// largest weight after averaging (default 0: keep all that survive
	// quantisation).
	Prune float64
	// Levels is the largest weight magnitude after quantisation (default and
	// most 127, as weights are stored as int8); fewer levels make a smaller
	// model file.
	Levels int
	// Runs is the number of perceptrons trained, each visiting the
	// sentences in its own order; the model is the mean of their averaged
	// weights (default 1).
	Runs int
	// Epoch, if set, is called after every pass of every run with that
	// run's averaged model so far, for example to print scores on
	// development data.
	Epoch func(run, epoch int, t *Tagger)
}

// Train learns a tagger from sentences with the averaged structured
// perceptron. Training is deterministic for given sentences and options.
func Train(sents []Sentence, opt TrainOptions) (*Tagger, error) {
	if len(sents) == 0 {
		return nil, errors.New("training NER model: no sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Levels <= 0 || opt.Levels > maxWeight {
		opt.Levels = maxWeight
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 1
	}
	tags := schemeTags(opt.Scheme)
	if tags == nil {
		return nil, errors.New("training NER model: unknown tag scheme " + opt.Scheme)
	}
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	lex, folds := buildLexicons(sents)
	tr := newTrainer(sents, tags, g, folds, opt.MinCount)
	if opt.Runs <= 0 {
		opt.Runs = 1
	}
	sum := make([]float64, len(tr.w))
	tsum := make([]float64, len(tr.tw))
	fsum := make([]float64, len(tr.fw))
	order := make([]int, len(tr.sents))
	for run := range opt.Runs {
		tr.reset()
		rng := rand.New(rand.NewPCG(opt.Seed+uint64(run), 0x6e6572))
		for i := range order {
			order[i] = i
		}
		for epoch := 1; epoch <= opt.Epochs; epoch++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				tr.learn(&tr.sents[i])
			}
			if opt.Epoch != nil {
				w, tw, fw := tr.average()
				opt.Epoch(run+1, epoch, &Tagger{m: tr.quantise(w, tw, fw, opt.Prune, opt.Levels), lex: lex, gaz: g})
			}
		}
		w, tw, fw := tr.average()
		for i, v := range w {
			sum[i] += v
		}
		for i, v := range tw {
			tsum[i] += v
		}
		for i, v := range fw {
			fsum[i] += v
		}
	}
	return &Tagger{m: tr.quantise(sum, tsum, fsum, opt.Prune, opt.Levels), lex: lex, gaz: g}, nil
}

// schemeTags returns the tag names of a tag scheme.
func schemeTags(scheme string) []string {
	types := []string{"PER", "ORG", "LOC", "MISC"}
	tags := []string{"O"}
	var prefixes []string
	switch scheme {
	case "", "BILOU":
		prefixes = []string{"B-", "I-", "L-", "U-"}
	case "IOB2":
		prefixes = []string{"B-", "I-"}
	default:
		return nil
	}
	for _, p := range prefixes {
		for _, t := range types {
			tags = append(tags, p+t)
		}
	}
	return tags
}

// encodeTags turns chunks into tag indices of the scheme.
func encodeTags(tags []string, n int, chunks []Chunk) []uint8 {
	index := map[string]uint8{}
	for i, t := range tags {
		index[t] = uint8(i)
	}
	bilou := hasLast(tags)
	out := make([]uint8, n)
	for _, c := range chunks {
		for i := c.Start; i < c.End; i++ {
			p := "I-"
			switch {
			case bilou && c.End-c.Start == 1:
				p = "U-"
			case i == c.Start:
				p = "B-"
			case bilou && i == c.End-1:
				p = "L-"
			}
			out[i] = index[p+c.Type]
		}
	}
	return out
}

// trainSentence is a sentence reduced to what training needs.
type trainSentence struct {
	feats []int32 // feature rows of all words, word i's in feats[offs[i]:offs[i+1]]
	offs  []int32
	gold  []uint8
}

// trainer holds the perceptron's weights during training. For averaging it
// keeps, next to every weight w, the sum u of the updates weighted by the
// time they were made: the average is w - u/c.
type trainer struct {
	tags        []string
	lin         *linear // for the allowed transitions
	keys        []uint32
	sents       []trainSentence
	w, u        []float64 // rows*K
	tw, tu      []float64 // (K+1)*K transitions, start row first
	fw, fu      []float64 // K final weights
	c           float64
	emis, dp    []float64
	back, path  []uint8
	forbid      []bool // (K+1)*K
	forbidFinal []bool
}

// lexiconFolds is the number of parts the training data is cut into for the
// lexicon features: each part sees the lexicon learnt from the others, so
// that training, like tagging new text, meets words the lexicon lacks.
const lexiconFolds = 10

// buildLexicons returns the lexicon of all sentences, and for every fold the
// lexicon of the sentences outside it. The folds are runs of consecutive
// sentences, so that a document's names mostly stay inside one fold.
func buildLexicons(sents []Sentence) (lexicon, []lexicon) {
	total := caseCounts{}
	for _, s := range sents {
		total.count(s.Words, 1)
	}
	folds := make([]lexicon, lexiconFolds)
	for f := range folds {
		c := make(caseCounts, len(total))
		for k, v := range total {
			c[k] = v
		}
		for i := range sents {
			if foldOf(i, len(sents)) == f {
				c.count(sents[i].Words, -1)
			}
		}
		folds[f] = c.lexicon()
	}
	return total.lexicon(), folds
}

// foldOf returns the lexicon fold of sentence i of n.
func foldOf(i, n int) int { return i * lexiconFolds / n }

// newTrainer extracts the features of all sentences and sets up the weights.
func newTrainer(sents []Sentence, tags []string, g *gazetteer, folds []lexicon, minCount int) *trainer {
	k := len(tags)
	// First pass: count feature keys.
	counts := map[uint32]int{}
	var ws []wordInfo
	var fs []uint32
	lin := newLinear(tags)
	for si, s := range sents {
		ws = prepare(ws[:0], s.Words, g, folds[foldOf(si, len(sents))])
		for i := range s.Words {
			fs = features(ws, i, fs[:0])
			for _, f := range fs {
				counts[featureKey(f)]++
			}
		}
	}
	var keys []uint32
	for key, n := range counts {
		if n >= minCount {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	row := make(map[uint32]int32, len(keys))
	for i, key := range keys {
		row[key] = int32(i)
	}
	tr := &trainer{tags: tags, keys: keys, lin: lin}
	maxLen := 0
	for si, s := range sents {
		ws = prepare(ws[:0], s.Words, g, folds[foldOf(si, len(sents))])
		ts := trainSentence{offs: make([]int32, 1, len(s.Words)+1), gold: encodeTags(tags, len(s.Words), s.Chunks)}
		for i := range s.Words {
			fs = features(ws, i, fs[:0])
			for _, f := range fs {
				if r, ok := row[featureKey(f)]; ok {
					ts.feats = append(ts.feats, r)
				}
			}
			ts.offs = append(ts.offs, int32(len(ts.feats)))
		}
		tr.sents = append(tr.sents, ts)
		maxLen = max(maxLen, len(s.Words))
	}
	tr.w = make([]float64, len(keys)*k)
	tr.u = make([]float64, len(keys)*k)
	tr.tw = make([]float64, (k+1)*k)
	tr.tu = make([]float64, (k+1)*k)
	tr.fw = make([]float64, k)
	tr.fu = make([]float64, k)
	tr.forbid = make([]bool, (k+1)*k)
	tr.forbidFinal = make([]bool, k)
	for p := -1; p < k; p++ {
		for t := range k {
			tr.forbid[(p+1)*k+t] = !allowed(tags, p, t)
		}
	}
	for t := range k {
		tr.forbidFinal[t] = !allowedEnd(tags, t)
	}
	// Forbidden transitions get a weight that no path survives; the
	// perceptron never updates them because neither path uses them.
	for i, f := range tr.forbid {
		if f {
			tr.tw[i] = forbiddenFloat
		}
	}
	for i, f := range tr.forbidFinal {
		if f {
			tr.fw[i] = forbiddenFloat
		}
	}
	tr.emis = make([]float64, maxLen*k)
	tr.dp = make([]float64, maxLen*k)
	tr.back = make([]uint8, maxLen*k)
	tr.path = make([]uint8, maxLen)
	return tr
}

// learn decodes one sentence with the current weights and, where the best
// path differs from the gold one, moves the weights towards the gold tags.
func (tr *trainer) learn(s *trainSentence) {
	k := len(tr.tags)
	n := len(s.gold)
	tr.c++
	emis := tr.emis[:n*k]
	clear(emis)
	for i := range n {
		e := emis[i*k : (i+1)*k]
		for _, r := range s.feats[s.offs[i]:s.offs[i+1]] {
			for t, v := range tr.w[int(r)*k : int(r)*k+k] {
				e[t] += v
			}
		}
	}
	path := tr.path[:n]
	tr.viterbi(emis, tr.dp[:n*k], tr.back[:n*k], path)
	c := tr.c
	for i := range n {
		g, p := int(s.gold[i]), int(path[i])
		if g != p {
			for _, r := range s.feats[s.offs[i]:s.offs[i+1]] {
				j := int(r) * k
				tr.w[j+g]++
				tr.u[j+g] += c
				tr.w[j+p]--
				tr.u[j+p] -= c
			}
		}
		gp, pp := -1, -1
		if i > 0 {
			gp, pp = int(s.gold[i-1]), int(path[i-1])
		}
		if g != p || gp != pp {
			tr.tw[(gp+1)*k+g]++
			tr.tu[(gp+1)*k+g] += c
			tr.tw[(pp+1)*k+p]--
			tr.tu[(pp+1)*k+p] -= c
		}
	}
	if g, p := int(s.gold[n-1]), int(path[n-1]); g != p {
		tr.fw[g]++
		tr.fu[g] += c
		tr.fw[p]--
		tr.fu[p] -= c
	}
}

// forbiddenFloat is the training weight of a forbidden transition.
const forbiddenFloat = -1e18

// viterbi is linear.viterbi for the float64 weights of training.
func (tr *trainer) viterbi(emis []float64, dp []float64, back []uint8, path []uint8) {
	n := len(path)
	k := len(tr.tags)
	trans := tr.tw
	for t := 0; t < k; t++ {
		dp[t] = emis[t] + trans[t]
	}
	for i := 1; i < n; i++ {
		prev := dp[(i-1)*k : i*k]
		for t := 0; t < k; t++ {
			best, arg := math.Inf(-1), 0
			for _, p := range tr.lin.prev[t] {
				if s := prev[p] + trans[(int(p)+1)*k+t]; s > best {
					best, arg = s, int(p)
				}
			}
			dp[i*k+t] = best + emis[i*k+t]
			back[i*k+t] = uint8(arg)
		}
	}
	best, arg := math.Inf(-1), 0
	for t := 0; t < k; t++ {
		if s := dp[(n-1)*k+t] + tr.fw[t]; s > best {
			best, arg = s, t
		}
	}
	path[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		path[i-1] = back[i*k+int(path[i])]
	}
}

// reset sets all weights to zero, for a new run.
func (tr *trainer) reset() {
	clear(tr.w)
	clear(tr.u)
	clear(tr.tu)
	clear(tr.fu)
	for i, f := range tr.forbid {
		tr.tw[i] = 0
		if f {
			tr.tw[i] = forbiddenFloat
		}
	}
	for i, f := range tr.forbidFinal {
		tr.fw[i] = 0
		if f {
			tr.fw[i] = forbiddenFloat
		}
	}
	tr.c = 0
}

// average returns the averaged weights: row weights, transitions and final
// weights.
func (tr *trainer) average() (w, tw, fw []float64) {
	avg := func(w, u []float64) []float64 {
		out := make([]float64, len(w))
		for i := range w {
			out[i] = w[i] - u[i]/max(tr.c, 1)
		}
		return out
	}
	return avg(tr.w, tr.u), avg(tr.tw, tr.tu), avg(tr.fw, tr.fu)
}

// quantise turns weights into a run-time model with integer weights of at
// most levels in magnitude, dropping rows whose weights all round to zero
// or fall below prune times the largest weight.
func (tr *trainer) quantise(w, tw, fw []float64, prune float64, levels int) *linear {
	k := len(tr.tags)
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for i, v := range tw {
		if !tr.forbid[i] {
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := float64(levels) / maxAbs
	cut := prune * maxAbs
	m := newLinear(tr.tags)
	var keys []uint32
	row := make([]int8, k)
	for r, key := range tr.keys {
		keep := false
		for t := range k {
			v := w[r*k+t]
			row[t] = 0
			if math.Abs(v) < cut {
				continue
			}
			row[t] = int8(max(-maxWeight, min(maxWeight, math.Round(v*scale))))
			keep = keep || row[t] != 0
		}
		if keep {
			keys = append(keys, key)
			m.w = append(m.w, row...)
		}
	}
	m.keys = keys
	m.buildTable(keys)
	m.trans = make([]int32, (k+1)*k)
	for i := range m.trans {
		m.trans[i] = int32(math.Round(tw[i] * scale))
		if tr.forbid[i] {
			m.trans[i] = forbidden
		}
	}
	m.final = make([]int32, k)
	for i := range m.final {
		m.final[i] = int32(math.Round(fw[i] * scale))
		if tr.forbidFinal[i] {
			m.final[i] = forbidden
		}
	}
	return m
}
