package analysis

// runStages runs the stages after structure: entities, statements (with
// their speaker phrases), then actors and coreference.
func runStages(d *Document, lx *lexicon) error {
	w := newWork(d, lx)
	sls, err := stanceLexicons()
	if err != nil {
		return err
	}
	w.rules = sls[d.Language]
	if err := tagEntities(w); err != nil {
		return err
	}
	repairEntities(w)
	addSpeakerNames(w)
	tagParticleNames(w)
	tagSurnames(w)
	fs := findStatements(w)
	buildActors(w, fs)
	return nil
}
