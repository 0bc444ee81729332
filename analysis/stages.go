package analysis

// runStages runs the stages after structure: entities, statements (with
// their speaker phrases), then actors and coreference.
func runStages(d *Document, lx *lexicon) error {
	w := newWork(d, lx)
	if err := tagEntities(w); err != nil {
		return err
	}
	repairEntities(w)
	addSpeakerNames(w)
	fs := findStatements(w)
	buildActors(w, fs)
	return nil
}
