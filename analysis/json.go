package analysis

import "encoding/json"

// The JSON contract (README.md, "JSON output"): offsets are byte offsets into
// the input text exactly as given, and every "text" equals that slice.

type jsonSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsonEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
}

type jsonMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

type jsonActor struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Roles    []string      `json:"roles"`
	Mentions []jsonMention `json:"mentions"`
}

type jsonStatement struct {
	ID      string     `json:"id"`
	Actor   *string    `json:"actor"`
	Type    string     `json:"type"`
	Source  *jsonSpan  `json:"source"`
	Cue     *jsonSpan  `json:"cue"`
	Content []jsonSpan `json:"content"`
}

type jsonDocument struct {
	ID         string          `json:"id"`
	Language   string          `json:"language"`
	Title      string          `json:"title"`
	Date       string          `json:"date"`
	Entities   []jsonEntity    `json:"entities"`
	Actors     []jsonActor     `json:"actors"`
	Statements []jsonStatement `json:"statements"`
}

func (d *Document) span(s Span) jsonSpan { return jsonSpan{s.Start, s.End, d.Slice(s)} }

func (d *Document) optSpan(s Span) *jsonSpan {
	if s.IsZero() {
		return nil
	}
	j := d.span(s)
	return &j
}

// MarshalJSON encodes the document in the explorer's JSON contract: id,
// language, title, date, entities, actors and statements. Lists are never
// null; a statement's source and cue are null when the text gives none.
func (d *Document) MarshalJSON() ([]byte, error) {
	out := jsonDocument{
		ID: d.ID, Language: d.Language, Title: d.Title, Date: d.Date,
		Entities:   make([]jsonEntity, 0, len(d.Entities)),
		Actors:     make([]jsonActor, 0, len(d.Actors)),
		Statements: make([]jsonStatement, 0, len(d.Statements)),
	}
	for _, e := range d.Entities {
		out.Entities = append(out.Entities, jsonEntity{e.Start, e.End, d.Slice(e.Span), e.Type})
	}
	for _, a := range d.Actors {
		ja := jsonActor{ID: a.ID, Name: a.Name, Type: a.Type, Roles: a.Roles,
			Mentions: make([]jsonMention, 0, len(a.Mentions))}
		if ja.Roles == nil {
			ja.Roles = []string{}
		}
		for _, m := range a.Mentions {
			ja.Mentions = append(ja.Mentions, jsonMention{m.Start, m.End, d.Slice(m.Span), m.Kind})
		}
		out.Actors = append(out.Actors, ja)
	}
	for _, s := range d.Statements {
		js := jsonStatement{ID: s.ID, Type: s.Type, Source: d.optSpan(s.Source), Cue: d.optSpan(s.Cue),
			Content: make([]jsonSpan, 0, len(s.Content))}
		if s.Actor >= 0 && s.Actor < len(d.Actors) {
			id := d.Actors[s.Actor].ID
			js.Actor = &id
		}
		for _, c := range s.Content {
			js.Content = append(js.Content, d.span(c))
		}
		out.Statements = append(out.Statements, js)
	}
	return json.Marshal(out)
}
