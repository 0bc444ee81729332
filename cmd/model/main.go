// Command model trains the named-entity tagger of analysis/ner on the
// CoNLL-2002 Dutch data and writes the model that the package embeds.
//
// From the repository root:
//
//	go run ./cmd/model [-data ../shared/data/conll2002] [-out analysis/ner/model/nl.bin]
//
// It trains on ned.train, prints precision, recall and F1 per entity type on
// ned.testa (development) and ned.testb (test), and writes the model. Training
// is deterministic: the same data and flags give the same bytes.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/article-explorer/explorer/analysis/ner"
)

func main() {
	data := flag.String("data", "../shared/data/conll2002", "directory with ned.train, ned.testa and ned.testb")
	out := flag.String("out", "analysis/ner/model/nl.bin", "where to write the model (empty: do not write)")
	epochs := flag.Int("epochs", 16, "passes over the training data")
	scheme := flag.String("scheme", "BILOU", "tag scheme: BILOU or IOB2")
	minCount := flag.Int("mincount", 1, "drop features seen fewer times")
	prune := flag.Float64("prune", 0.01, "drop weights below this fraction of the largest")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	levels := flag.Int("levels", 127, "largest quantised weight")
	runs := flag.Int("runs", 4, "perceptrons to average")
	verbose := flag.Bool("v", false, "print testa F1 after every epoch")
	flag.Parse()
	log.SetFlags(0)

	read := func(name string) []ner.Sentence {
		f, err := os.Open(filepath.Join(*data, name))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		s, err := ner.ReadCoNLL(f)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		return s
	}
	train, testa, testb := read("ned.train"), read("ned.testa"), read("ned.testb")

	start := time.Now()
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Scheme: *scheme, MinCount: *minCount, Prune: *prune, Levels: *levels, Runs: *runs}
	if *verbose {
		opt.Epoch = func(run, epoch int, t *ner.Tagger) {
			_, _, f := ner.Evaluate(t, testa, "nl").F1("")
			fmt.Printf("run %d epoch %2d  testa F1 %.4f  (%s)\n", run, epoch, f, time.Since(start).Round(time.Second))
		}
	}
	t, err := ner.Train(train, opt)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Second))

	var buf bytes.Buffer
	if _, err := t.WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	// Score the model as it will be loaded, after the round trip.
	t, err = ner.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nned.testa\n%s", ner.Evaluate(t, testa, "nl"))
	fmt.Printf("\nned.testb\n%s", ner.Evaluate(t, testb, "nl"))
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	zw.Close()
	fmt.Printf("\nmodel %d bytes, %d gzipped\n", buf.Len(), gz.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("wrote %s\n", *out)
	}
}
