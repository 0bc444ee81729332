package ner_test

import (
	"fmt"
	"strings"

	"github.com/article-explorer/explorer/analysis/ner"
)

func ExampleTagger_Chunks() {
	t, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Volgens het Witte Huis is Poetin gewaarschuwd .")
	for _, c := range t.Chunks(words, "nl") {
		fmt.Println(strings.Join(words[c.Start:c.End], " "), c.Type)
	}
	// Output:
	// Witte Huis ORG
	// Poetin PER
}

func ExamplePlace() {
	country, kind, ok := ner.Place("Moskou", "nl")
	fmt.Println(country, kind, ok)
	country, kind, ok = ner.Place("Washington", "en")
	fmt.Println(country, kind, ok)
	// Output:
	// Rusland capital true
	// United States capital true
}

func ExampleOrganisation() {
	name, kind, ok := ner.Organisation("NATO", "nl")
	fmt.Println(name, kind, ok)
	// Output:
	// NAVO international true
}
