package components

import (
	"fmt"
	"strconv"
	"strings"
)

// Lang is a language of the user interface.
type Lang string

// The UI languages.
const (
	Dutch   Lang = "nl"
	English Lang = "en"
)

// ParseLang returns the UI language for a BCP 47 tag such as "nl-BE" or
// "en-US": Dutch for any "nl" tag, English otherwise.
func ParseLang(tag string) Lang {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if tag == "nl" || strings.HasPrefix(tag, "nl-") || strings.HasPrefix(tag, "nl_") {
		return Dutch
	}
	return English
}

// Other returns the language the toggle switches to.
func (l Lang) Other() Lang {
	if l == Dutch {
		return English
	}
	return Dutch
}

// T returns the message key in language l, formatted with args like
// fmt.Sprintf when args are given. An unknown key returns the key itself, so
// a missing message shows up plainly instead of as an empty string.
func (l Lang) T(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m.en
	if l == Dutch {
		s = m.nl
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// Number formats n with a thousands separator in the style of l
// ("200,000" in English, "200.000" in Dutch).
func (l Lang) Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if l == Dutch {
		sep = "."
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Plural returns the singular key for n == 1 and the plural key otherwise,
// formatted with n.
func (l Lang) Plural(n int, one, many string) string {
	if n == 1 {
		return l.T(one, n)
	}
	return l.T(many, n)
}

// messages holds every UI text in Dutch and English.
var messages = map[string]struct{ nl, en string }{
	"app.name":    {"Artikelverkenner", "Article explorer"},
	"app.tagline": {"Wie zegt wat in een nieuwsartikel", "Who says what in a news article"},
	"app.skip":    {"Ga naar de actoren", "Skip to the actors"},
	"lang.switch": {"Switch to English", "Schakel naar Nederlands"},
	"lang.label":  {"EN", "NL"},
	"update":      {"Er is een nieuwe versie", "A new version is available"},
	"update.do":   {"Herladen", "Reload"},
	"offline":     {"Offline", "Offline"},

	"intro.title":       {"Wie zegt wat in dit artikel?", "Who says what in this article?"},
	"intro.text":        {"Plak een nieuwsartikel: elke persoon, organisatie en overheid wordt gemarkeerd, met wat ze zeggen, geciteerd, weergegeven of als standpunt.", "Paste a news article: every person, organisation and government is highlighted, with what they say, quoted, reported or as a position."},
	"input.heading":     {"Artikel", "Article"},
	"input.label":       {"Tekst van het artikel", "Article text"},
	"input.placeholder": {"Plak hier een Nederlands of Engels nieuwsartikel…", "Paste a Dutch or English news article here…"},
	"input.count":       {"%s van %s tekens", "%s of %s characters"},
	"input.privacy":     {"De analyse draait in je browser: de tekst verlaat dit apparaat niet.", "The analysis runs in your browser: the text never leaves this device."},
	"input.models":      {"De taalmodellen zijn alleen voor onderzoek: ze leerden van CoNLL-2002 (alleen voor onderzoek) en PolNeAR (zonder licentie).", "The language models are for research use only: they learnt from CoNLL-2002 (research use only) and PolNeAR (no licence stated)."},
	"input.analyze":     {"Analyseer", "Analyse"},
	"input.example":     {"Voorbeeld", "Example"},
	"input.edit":        {"Tekst bewerken", "Edit text"},
	"input.collapse":    {"Inklappen", "Collapse"},
	"input.summary":     {"%s tekens", "%s characters"},
	"input.url.label":   {"Of importeer een artikel via de URL", "Or import an article from its URL"},
	"input.url.button":  {"Importeer", "Import"},
	"input.url.busy":    {"Bezig met importeren…", "Importing…"},
	"input.url.offline": {"Importeren via een URL vraagt een internetverbinding. Plak de tekst zelf, dat werkt ook offline.", "URL import needs a connection. Paste the text instead: that works offline too."},
	"input.busy":        {"Bezig met analyseren…", "Analysing…"},

	"err.empty":       {"De tekst is leeg. Plak eerst een artikel of kies het voorbeeld.", "The text is empty. Paste an article first, or load the example."},
	"err.toolong":     {"De tekst is te lang: %s tekens. De grens is %s tekens.", "The text is too long: %s characters. The limit is %s characters."},
	"err.unsupported": {"Deze tekst lijkt geen Nederlands of Engels. De verkenner vindt alleen actoren en uitspraken in Nederlandse en Engelse artikelen; de tekst staat hieronder zonder markeringen.", "This text does not look Dutch or English. The explorer finds actors and statements only in Dutch and English articles; the text is shown below without highlights."},
	"err.invalid":     {"De tekst kon niet worden gelezen: %s", "The text could not be read: %s"},
	"err.url.empty":   {"Vul een URL in die begint met http:// of https://.", "Enter a URL that starts with http:// or https://."},

	"share.err.malformed": {"Deze deellink is beschadigd en kan niet worden geopend.", "This share link is damaged and cannot be opened."},
	"share.err.truncated": {"Deze deellink is afgekapt: waarschijnlijk is niet de hele link gekopieerd.", "This share link is cut short: probably not all of it was copied."},
	"share.err.toolong":   {"Deze deellink is te lang om te openen.", "This share link is too long to open."},
	"share.err.toolarge":  {"Het artikel in deze deellink is groter dan 1 MB en wordt niet geopend.", "The article in this share link is larger than 1 MB and is not opened."},
	"share.err.future":    {"Deze deellink is gemaakt met een nieuwere versie van de verkenner. Herlaad de pagina om bij te werken.", "This share link was made with a newer version of the explorer. Reload the page to update."},
	"share.err.encode":    {"Dit artikel is te lang voor een deellink. Download de JSON om de analyse te delen.", "This article is too long for a share link. Download the JSON to share the analysis."},
	"share.missing":       {"De selectie uit de link (%s) komt niet voor in deze analyse.", "The selection in the link (%s) is not in this analysis."},

	"import.err.400":     {"Dat is geen geldige URL van een webpagina.", "That is not a valid web page URL."},
	"import.err.403":     {"Deze pagina mag niet worden opgehaald.", "This page may not be fetched."},
	"import.err.413":     {"Deze pagina is te groot om te importeren.", "This page is too large to import."},
	"import.err.415":     {"Op deze URL staat geen artikel dat we kunnen lezen.", "There is no article we can read at this URL."},
	"import.err.429":     {"Te veel imports achter elkaar. Probeer het over een minuut opnieuw.", "Too many imports in a row. Try again in a minute."},
	"import.err.502":     {"De website gaf geen bruikbaar antwoord.", "The website did not answer properly."},
	"import.err.504":     {"De website reageerde niet op tijd.", "The website did not answer in time."},
	"import.err.other":   {"Importeren is mislukt: %s", "The import failed: %s"},
	"import.err.network": {"Importeren is mislukt: geen verbinding met de server. Plak de tekst zelf.", "The import failed: no connection to the server. Paste the text instead."},
	"import.err.empty":   {"Op deze pagina is geen artikeltekst gevonden.", "No article text was found on this page."},

	"article.label":    {"Geanalyseerd artikel", "Analysed article"},
	"article.source":   {"Bron", "Source"},
	"article.date":     {"Datum", "Date"},
	"article.language": {"Taal", "Language"},
	"article.timing":   {"Geanalyseerd op dit apparaat in %s ms", "Analysed on this device in %s ms"},
	"article.noactors": {"In deze tekst zijn geen actoren gevonden.", "No actors were found in this text."},
	"article.legend":   {"Legenda", "Legend"},
	"article.jump":     {"%d actoren ↓", "%d actors ↓"},
	"lang.nl":          {"Nederlands", "Dutch"},
	"lang.en":          {"Engels", "English"},

	"sidebar.label":        {"Actoren", "Actors"},
	"sidebar.filter":       {"Filter actoren op naam", "Filter actors by name"},
	"sidebar.filter.ph":    {"Zoek op naam…", "Find by name…"},
	"sidebar.people":       {"Personen", "People"},
	"sidebar.orgs":         {"Organisaties en groepen", "Organisations and groups"},
	"sidebar.places":       {"Overheden en plaatsen", "Governments and places"},
	"sidebar.nomatch":      {"Geen actor past bij “%s”.", "No actor matches “%s”."},
	"sidebar.none":         {"Geen actoren gevonden.", "No actors found."},
	"sidebar.stmt.one":     {"%d uitspraak", "%d statement"},
	"sidebar.stmt.many":    {"%d uitspraken", "%d statements"},
	"sidebar.nostatements": {"Geen uitspraken van deze actor.", "No statements by this actor."},
	"sidebar.showall":      {"Toon alle actoren", "Show all actors"},
	"sidebar.hint":         {"Kies een actor om alleen diens vermeldingen en uitspraken te markeren.", "Choose an actor to highlight only their mentions and statements."},
	"sidebar.cue":          {"signaalwoord", "cue"},
	"sidebar.unknown":      {"Onbekende spreker", "Unknown speaker"},
	"sidebar.unattributed": {"Zonder spreker", "Without a speaker"},

	"type.person":       {"persoon", "person"},
	"type.organization": {"organisatie", "organisation"},
	"type.location":     {"overheid of plaats", "government or place"},
	"type.group":        {"groep", "group"},

	"badge.quote":    {"citaat", "quote"},
	"badge.reported": {"indirect", "reported"},
	"badge.position": {"standpunt", "position"},

	"stmt.direct":       {"direct citaat", "direct quote"},
	"stmt.indirect":     {"indirecte rede", "reported speech"},
	"stmt.mixed":        {"indirecte rede, deels geciteerd", "reported speech, partly quoted"},
	"stmt.according_to": {"volgens-constructie", "according to"},
	"stmt.position":     {"standpunt", "position"},

	"export.label":    {"Exporteren en delen", "Export and share"},
	"export.link":     {"Kopieer link", "Copy link"},
	"export.text":     {"Kopieer als tekst", "Copy as text"},
	"export.json":     {"JSON", "JSON"},
	"export.csv":      {"CSV", "CSV"},
	"export.json.t":   {"Download de analyse als JSON", "Download the analysis as JSON"},
	"export.csv.t":    {"Download de uitspraken als CSV", "Download the statements as CSV"},
	"export.copied":   {"Link gekopieerd. De hele weergave zit in de link; er gaat niets naar een server.", "Link copied. The whole view is in the link; nothing goes to a server."},
	"export.manual":   {"Kopiëren lukte niet automatisch: selecteer de link hieronder en kopieer hem.", "Copying did not work automatically: select the link below and copy it."},
	"export.textdone": {"Lijst van wie wat zei gekopieerd.", "List of who said what copied."},
	"export.textfail": {"Kopiëren lukte niet; je browser staat het klembord niet toe.", "Copying failed; your browser does not allow the clipboard."},
	"export.linklbl":  {"Deellink", "Share link"},

	"text.title":   {"Wie zei wat", "Who said what"},
	"text.unknown": {"onbekende spreker", "unknown speaker"},

	"badge.according":   {"volgens", "according to"},
	"legend.more":       {"+%d sprekers", "+%d speakers"},
	"legend.mention":    {"genoemd, geen uitspraak", "mentioned, no statement"},
	"legend.cue":        {"signaalwoord", "cue word"},
	"article.keys":      {"Pijltjestoetsen gaan van markering naar markering; Enter kiest de actor; Escape gaat een stap terug.", "Arrow keys move between highlights; Enter chooses the actor; Escape steps back."},
	"sidebar.more":      {"Toon nog %d", "Show %d more"},
	"sidebar.mentioned": {"Alleen genoemd", "Mentioned only"},

	"view.article":    {"Artikel", "Article"},
	"view.statements": {"Uitspraken", "Statements"},
	"view.actors":     {"Actoren", "Actors"},
	"view.label":      {"Weergave", "View"},
	"view.back":       {"← Terug naar de uitspraken", "← Back to the statements"},

	"stmts.title":       {"Alle uitspraken", "All statements"},
	"stmts.alltypes":    {"Alle soorten", "All types"},
	"stmts.allactors":   {"Alle sprekers", "All speakers"},
	"stmts.filtertype":  {"Filter op soort", "Filter by type"},
	"stmts.filteractor": {"Filter op spreker", "Filter by speaker"},
	"stmts.grouped":     {"per spreker", "by speaker"},
	"stmts.none":        {"Geen uitspraken voor dit filter.", "No statements match this filter."},
	"stmts.show":        {"Toon in het artikel", "Show in the article"},

	"edit.edited":          {"gecorrigeerd", "corrected"},
	"edit.correct":         {"Corrigeer", "Correct"},
	"edit.actor":           {"Corrigeer deze actor", "Correct this actor"},
	"edit.rename":          {"Naam", "Name"},
	"edit.rename.do":       {"Hernoem", "Rename"},
	"edit.merge":           {"Samenvoegen met", "Merge into"},
	"edit.merge.choose":    {"Kies een actor…", "Choose an actor…"},
	"edit.merge.do":        {"Voeg samen", "Merge"},
	"edit.speaker":         {"Spreker", "Speaker"},
	"edit.speaker.choose":  {"Kies een spreker…", "Choose a speaker…"},
	"edit.speaker.new":     {"of nieuwe spreker", "or a new speaker"},
	"edit.speaker.give":    {"Geef aan nieuwe spreker", "Give to new speaker"},
	"edit.type":            {"Soort", "Type"},
	"edit.delete":          {"Verwijder deze uitspraak", "Delete this statement"},
	"edit.add":             {"+ Uitspraak toevoegen", "+ Add statement"},
	"edit.add.t":           {"Selecteer eerst de tekst van de uitspraak in het artikel", "First select the statement's text in the article"},
	"edit.add.do":          {"Toevoegen", "Add"},
	"edit.add.noselection": {"Selecteer eerst in het artikel de tekst van de uitspraak.", "First select the text of the statement in the article."},
	"edit.cancel":          {"Annuleer", "Cancel"},
	"edit.undo":            {"Ongedaan maken", "Undo"},
	"edit.count.one":       {"%d correctie", "%d correction"},
	"edit.count.many":      {"%d correcties", "%d corrections"},
	"edit.failed.one":      {"%d correctie kon niet worden toegepast", "%d correction could not be applied"},
	"edit.failed.many":     {"%d correcties konden niet worden toegepast", "%d corrections could not be applied"},
	"share.long":           {"Deze link is %s tekens lang: mail- en chatprogramma's kappen zulke links vaak af.", "This link is %s characters long: mail and chat apps often cut such links."},
	"share.notext":         {"Deel zonder de tekst (de link laadt het artikel opnieuw van de bron)", "Share without the text (the link loads the article again from its source)"},
	"install":              {"Installeer", "Install"},

	"cause.url":         {"(De URL is ongeldig.)", "(The URL is not valid.)"},
	"cause.scheme":      {"(Alleen http- en https-URL's kunnen worden geïmporteerd.)", "(Only http and https URLs can be imported.)"},
	"cause.userinfo":    {"(URL's met een gebruikersnaam of wachtwoord worden niet aanvaard.)", "(URLs with a user name or password are not accepted.)"},
	"cause.private":     {"(Dat adres ligt niet op het openbare internet.)", "(That address is not on the public internet.)"},
	"cause.timeout":     {"(De website deed er te lang over.)", "(The site took too long to answer.)"},
	"cause.dns":         {"(De naam van de website werd niet gevonden.)", "(The site's host name was not found.)"},
	"cause.unreachable": {"(De website was niet bereikbaar.)", "(The site could not be reached.)"},
	"cause.cancelled":   {"(Het verzoek werd afgebroken.)", "(The request was cancelled.)"},
	"cause.busy":        {"(De server is bezet; probeer het zo opnieuw.)", "(The server is busy; try again in a moment.)"},
	"cause.ratelimit":   {"(Te veel imports vanaf jouw adres; probeer het over een minuut opnieuw.)", "(Too many imports from your address; try again in a minute.)"},
	"cause.answered":    {"(De website antwoordde: %s.)", "(The site answered: %s.)"},
	"cause.nothtml":     {"(De pagina is %s, geen HTML.)", "(The page is %s, not HTML.)"},
	"cause.large":       {"(De pagina is groter dan %s bytes.)", "(The page is larger than %s bytes.)"},
	"cause.redirects":   {"(De website stuurde meer dan %s keer door.)", "(The site redirected more than %s times.)"},
	"cause.port":        {"(Poort %s is niet toegestaan.)", "(Port %s is not allowed.)"},
}
