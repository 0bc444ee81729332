// Command model trains the named-entity tagger of analysis/ner on the
// CoNLL-2002 Dutch data and writes the model that the package embeds.
//
// From the repository root:
//
//	go run ./cmd/model [-data ../shared/data/conll2002] [-out analysis/ner/model/nl.bin]
//
// It trains on ned.train, prints precision, recall and F1 per entity type on
// ned.testa (development) and ned.testb (test), scoring the model as it is
// written (after quantisation and a round trip through the file format), and
// writes the model with its raw and gzipped size. Training is deterministic:
// the same data and flags give the same bytes. The defaults are the settings
// of the committed model; -v prints testa F1 after every pass.
//
// The CoNLL-2002 data is licensed for research use only, and so is a model
// learnt from it.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/article-explorer/explorer/analysis/attribution"
	"github.com/article-explorer/explorer/analysis/ner"
)

func main() {
	log.SetFlags(0)
	if err := run(os.Args[1:], os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run trains and reports to w; args are the command-line flags.
func run(args []string, w io.Writer) error {
	fl := flag.NewFlagSet("model", flag.ContinueOnError)
	data := fl.String("data", "../shared/data/conll2002", "directory with ned.train, ned.testa and ned.testb")
	out := fl.String("out", "analysis/ner/model/nl.bin", "where to write the model (empty: do not write)")
	epochs := fl.Int("epochs", 16, "passes over the training data per run")
	runs := fl.Int("runs", 4, "perceptrons trained in different orders and averaged")
	scheme := fl.String("scheme", "BILOU", "tag scheme: BILOU or IOB2")
	minCount := fl.Int("mincount", 2, "drop features seen fewer times")
	prune := fl.Float64("prune", 0.03, "drop weights below this fraction of the largest")
	levels := fl.Int("levels", 31, "largest quantised weight (at most 127)")
	seed := fl.Uint64("seed", 1, "shuffling seed")
	verbose := fl.Bool("v", false, "print testa F1 after every pass")
	polnear := fl.String("polnear", "", "PolNeAR directory (train/, dev/): train the English attribution model")
	attrOut := fl.String("attribution-out", "analysis/attribution/model/en-attribution.bin", "where to write the attribution model (empty: do not write)")
	attrEpochs := fl.Int("attribution-epochs", 14, "passes over PolNeAR train")
	attrMinCount := fl.Int("attribution-mincount", 2, "drop attribution features seen fewer times")
	attrPrune := fl.Int("attribution-prune", 6, "drop attribution features whose weights are all at most this (of 127)")
	attrStack := fl.Int("attribution-stack", 5, "train a second attribution stage on the first stage's labels of this many held-out parts (0 or 1: one stage)")
	cv := fl.Bool("cv", false, "also print PolNeAR train figures by 5-fold cross-validation")
	folds := fl.Int("cv-folds", 5, "with -cv, score only the first N of the five held-out fifths (quicker)")
	cvOnly := fl.Bool("cv-only", false, "with -cv, only cross-validate: no full model, nothing written")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *polnear != "" {
		opt := attribution.TrainOptions{Epochs: *attrEpochs, Seed: *seed, MinCount: *attrMinCount, Prune: *attrPrune, Stack: *attrStack}
		if err := trainAttribution(w, *polnear, *attrOut, opt, cvOptions{on: *cv, folds: *folds, only: *cvOnly}, *verbose); err != nil {
			return err
		}
		if *data == "" {
			return nil
		}
	}

	read := func(name string) ([]ner.Sentence, error) {
		f, err := os.Open(filepath.Join(*data, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := ner.ReadCoNLL(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return s, nil
	}
	var sets [3][]ner.Sentence
	for i, name := range []string{"ned.train", "ned.testa", "ned.testb"} {
		s, err := read(name)
		if err != nil {
			return err
		}
		sets[i] = s
	}
	train, testa, testb := sets[0], sets[1], sets[2]

	start := time.Now()
	opt := ner.TrainOptions{
		Epochs: *epochs, Runs: *runs, Seed: *seed, Scheme: *scheme,
		MinCount: *minCount, Prune: *prune, Levels: *levels,
	}
	if *verbose {
		opt.Epoch = func(run, epoch int, t *ner.Tagger) {
			_, _, f := ner.Evaluate(t, testa, "nl").F1("")
			fmt.Fprintf(w, "run %d epoch %2d  testa F1 %.4f  (%s)\n", run, epoch, f, time.Since(start).Round(time.Second))
		}
	}
	t, err := ner.Train(train, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "trained on %d sentences in %s\n", len(train), time.Since(start).Round(time.Second))

	var buf bytes.Buffer
	if _, err := t.WriteTo(&buf); err != nil {
		return err
	}
	// Score the model as it will be loaded.
	t, err = ner.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nned.testa (development)\n%s", ner.Evaluate(t, testa, "nl"))
	fmt.Fprintf(w, "\nned.testb (test)\n%s", ner.Evaluate(t, testb, "nl"))

	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nmodel: %d bytes, %d gzipped\n", buf.Len(), gz.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "wrote %s\n", *out)
	}
	return nil
}
