package analysis

// runStages runs the stages after structure: entities, statements (with
// their speaker phrases), then actors and coreference. Where the language
// has a statistical attribution model, its statements join the rules'.
func runStages(d *Document, lx *lexicon) error {
	w := newWork(d, lx)
	w.rules = lx.rules
	if err := w.entityStages(); err != nil {
		return err
	}
	var spans [][]attributionSpan
	m := attributionModel(d.Language)
	if m != nil {
		spans = w.labelAttributions(m)
	}
	fs := findStatements(w)
	if m != nil {
		fs = w.combineStatements(fs, w.modelStatements(spans))
	}
	w.relativeSpeakers(fs)
	w.markSourceless(fs)
	buildActors(w, fs)
	return nil
}

// entityStages tags entities, repairs them and adds speaker names.
func (w *work) entityStages() error {
	if err := tagEntities(w); err != nil {
		return err
	}
	repairEntities(w)
	addSpeakerNames(w)
	tagParticleNames(w)
	tagSurnames(w)
	return nil
}
