package attribution

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
)

// An Example is one annotated sentence for training.
type Example struct {
	Tokens []Token
	Flags  uint16  // ParagraphStart, Heading
	Gold   []Label // one per token
	// Prior holds the first stage's labels when training the second stage
	// (nil for the first).
	Prior []Label
}

// TrainOptions sets how Train learns a model.
type TrainOptions struct {
	// Epochs is the number of passes over the examples (default 8).
	Epochs int
	// Seed fixes the order in which examples are visited.
	Seed uint64
	// MinCount drops features seen fewer times in the examples (default 1).
	MinCount int
	// Prune drops the features whose quantised weights (at most 127 in
	// magnitude) are all at most Prune: a smaller, faster model (default 0:
	// keep all that are not zero).
	Prune int
	// Stack, when above 1, trains a second stage that relabels each
	// sentence the first stage found anything in, seeing the first
	// stage's labels on both sides of every token. The second stage learns
	// from first-stage labels of sentences the first stage did not learn
	// from: the examples are cut into Stack parts, and each part is
	// labelled by a first stage trained on the others.
	Stack int
	// Epoch, if set, is called after every pass with the averaged model so far.
	Epoch func(epoch int, m *Model)
}

// trainer holds the weights while learning.
type trainer struct {
	rows  map[uint32]int32
	keys  []uint32
	w     []float64 // current weights
	total []float64 // sums of weights over time, for averaging
	stamp []int     // when each weight last changed
	clock int
}

func (tr *trainer) row(f uint32, add bool) int32 {
	if r, ok := tr.rows[f]; ok {
		return r
	}
	if !add {
		return -1
	}
	r := int32(len(tr.keys))
	tr.rows[f] = r
	tr.keys = append(tr.keys, f)
	for range numLabels {
		tr.w = append(tr.w, 0)
		tr.total = append(tr.total, 0)
		tr.stamp = append(tr.stamp, 0)
	}
	return r
}

func (tr *trainer) update(feats []uint32, l Label, delta float64) {
	for _, f := range feats {
		r := tr.row(f, true)
		i := int(r)*int(numLabels) + int(l)
		tr.total[i] += float64(tr.clock-tr.stamp[i]) * tr.w[i]
		tr.stamp[i] = tr.clock
		tr.w[i] += delta
	}
}

func (tr *trainer) score(feats []uint32, scores *[numLabels]float64) {
	for _, f := range feats {
		r := tr.row(f, false)
		if r < 0 {
			continue
		}
		ws := tr.w[int(r)*int(numLabels) : int(r+1)*int(numLabels)]
		for l, v := range ws {
			scores[l] += v
		}
	}
}

// Train learns a model from examples with the averaged perceptron, decoding
// greedily with the labels it predicts as history, as at run time, and a
// second stage when opt.Stack asks for one. It is deterministic for given
// examples and options.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Stack <= 1 {
		return trainStage(examples, opt)
	}
	first := opt
	first.Stack, first.Epoch = 0, nil
	var second []Example
	var labels []Label
	n := len(examples)
	for part := range opt.Stack {
		lo, hi := part*n/opt.Stack, (part+1)*n/opt.Stack
		rest := make([]Example, 0, n-(hi-lo))
		rest = append(append(rest, examples[:lo]...), examples[hi:]...)
		m, err := trainStage(rest, first)
		if err != nil {
			return nil, err
		}
		tg := m.NewTagger()
		for _, ex := range examples[lo:hi] {
			labels = tg.Tag(ex.Tokens, ex.Flags, labels)
			if !anyLabel(labels) {
				continue
			}
			ex.Prior = slices.Clone(labels)
			second = append(second, ex)
		}
	}
	m, err := trainStage(examples, first)
	if err != nil {
		return nil, err
	}
	if len(second) == 0 {
		return m, nil
	}
	if m.next, err = trainStage(second, TrainOptions{Epochs: opt.Epochs, Seed: opt.Seed, MinCount: opt.MinCount, Prune: opt.Prune}); err != nil {
		return nil, err
	}
	m.link()
	if opt.Epoch != nil {
		opt.Epoch(opt.Epochs, m)
	}
	return m, nil
}

// anyLabel reports whether a label sequence marks anything.
func anyLabel(labels []Label) bool {
	for _, l := range labels {
		if l != O {
			return true
		}
	}
	return false
}

// trainStage learns one stage.
func trainStage(examples []Example, opt TrainOptions) (*Model, error) {
	if len(examples) == 0 {
		return nil, errors.New("training attribution model: no examples")
	}
	for _, ex := range examples {
		if len(ex.Gold) != len(ex.Tokens) {
			return nil, errors.New("training attribution model: an example has a label count unlike its token count")
		}
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 1
	}
	tr := &trainer{rows: map[uint32]int32{}}
	// Feature counts over the gold histories, to drop rare features.
	var sf sentenceFeatures
	var dyn []uint32
	seenFeat := map[uint32]int32{}
	for _, ex := range examples {
		sf.extract(ex.Tokens, ex.Flags, ex.Prior)
		walk(ex.Gold, func(i int, prev, prev2 Label, seen uint32, cueEnd int) {
			from := 0
			if i > 0 {
				from = sf.ends[i-1]
			}
			for _, f := range sf.feats[from:sf.ends[i]] {
				seenFeat[f]++
			}
			dyn = history(dyn[:0], sf.infos[i], prev, prev2, seen, cueEnd, i)
			for _, f := range dyn {
				seenFeat[f]++
			}
		})
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	keep := func(f uint32) bool { return seenFeat[f] >= int32(opt.MinCount) }
	var feats []uint32
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, e := range order {
			ex := examples[e]
			sf.extract(ex.Tokens, ex.Flags, ex.Prior)
			prev, prev2 := O, O
			seen := uint32(0)
			cueEnd := -1
			for i := range ex.Tokens {
				tr.clock++
				from := 0
				if i > 0 {
					from = sf.ends[i-1]
				}
				feats = feats[:0]
				for _, f := range sf.feats[from:sf.ends[i]] {
					if keep(f) {
						feats = append(feats, f)
					}
				}
				dyn = history(dyn[:0], sf.infos[i], prev, prev2, seen, cueEnd, i)
				for _, f := range dyn {
					if keep(f) {
						feats = append(feats, f)
					}
				}
				var scores [numLabels]float64
				tr.score(feats, &scores)
				best := O
				for l := Label(1); l < numLabels; l++ {
					if allowedAfter(prev, l) && scores[l] > scores[best] {
						best = l
					}
				}
				gold := ex.Gold[i]
				if !allowedAfter(prev, gold) {
					gold = labelFor(gold.Role(), false)
				}
				if best != gold {
					tr.update(feats, gold, 1)
					tr.update(feats, best, -1)
				}
				prev2, prev = prev, best
				if r := best.Role(); r != None {
					seen |= 1 << r
					if r == Cue {
						cueEnd = i + 1
					}
				}
			}
		}
		if opt.Epoch != nil {
			opt.Epoch(epoch, tr.model(opt.Prune))
		}
	}
	return tr.model(opt.Prune), nil
}

// walk calls f for every token of a gold label sequence with the history
// the tagger would have had.
func walk(gold []Label, f func(i int, prev, prev2 Label, seen uint32, cueEnd int)) {
	prev, prev2 := O, O
	seen := uint32(0)
	cueEnd := -1
	for i, l := range gold {
		f(i, prev, prev2, seen, cueEnd)
		prev2, prev = prev, l
		if r := l.Role(); r != None {
			seen |= 1 << r
			if r == Cue {
				cueEnd = i + 1
			}
		}
	}
}

// model averages and quantises the weights into a run-time model; rows
// whose weights are all at most prune in magnitude are dropped.
func (tr *trainer) model(prune int) *Model {
	avg := make([]float64, len(tr.w))
	maxAbs := 0.0
	for i, v := range tr.w {
		t := tr.total[i] + float64(tr.clock-tr.stamp[i])*v
		avg[i] = t / float64(max(tr.clock, 1))
		maxAbs = max(maxAbs, math.Abs(avg[i]))
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = math.MaxInt8 / maxAbs
	}
	idx := make([]int, len(tr.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if tr.keys[a] < tr.keys[b] {
			return -1
		}
		if tr.keys[a] > tr.keys[b] {
			return 1
		}
		return 0
	})
	m := &Model{}
	for _, r := range idx {
		var q [numLabels]int8
		keep := false
		for l := range int(numLabels) {
			v := math.Round(avg[r*int(numLabels)+l] * scale)
			q[l] = int8(max(min(v, math.MaxInt8), math.MinInt8))
			keep = keep || int(q[l]) > prune || int(q[l]) < -prune
		}
		if !keep {
			continue
		}
		m.keys = append(m.keys, tr.keys[r])
		m.w = append(m.w, q[:]...)
	}
	m.build()
	return m
}

// Evaluate labels the examples with m and returns, per role (Source, Cue,
// Content), the precision, recall and F1 of exact span matches.
func Evaluate(m *Model, examples []Example) [4][3]float64 {
	tg := m.NewTagger()
	var tp, pred, gold [4]int
	var labels []Label
	for _, ex := range examples {
		labels = tg.Tag(ex.Tokens, ex.Flags, labels)
		g := map[Span]bool{}
		for _, s := range Spans(ex.Gold) {
			g[s] = true
			gold[s.Role]++
		}
		for _, s := range Spans(labels) {
			pred[s.Role]++
			if g[s] {
				tp[s.Role]++
			}
		}
	}
	var out [4][3]float64
	for r := Source; r <= Content; r++ {
		p := float64(tp[r]) / float64(max(pred[r], 1))
		rc := float64(tp[r]) / float64(max(gold[r], 1))
		f := 0.0
		if p+rc > 0 {
			f = 2 * p * rc / (p + rc)
		}
		out[r] = [3]float64{p, rc, f}
	}
	return out
}
