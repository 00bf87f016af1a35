//! The pipeline over one document: read the text for events, geoparse the
//! documents that can report one, then code the events.
//!
//! Ingestion (bytes → [`Document`]) happens before, storage after; this crate
//! is the part that `extract`, `places`, `demo` and the eval commands share.

use sitrep_events::EventCoder;
use sitrep_geo::Geoparser;
use sitrep_model::{Document, Event, PlaceMention};

/// What the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// ISO 639-3 code of a language sitrep does not code (the document was
    /// recognised with confidence as not English); None for English text or
    /// text too short or mixed to tell.
    pub uncoded_language: Option<&'static str>,
    /// The places of a document that can report events; empty for one
    /// that cannot (no sentence with a live trigger), which is not
    /// geoparsed. `Pipeline::places` finds every document's.
    pub places: Vec<PlaceMention>,
    pub events: Vec<Event>,
}

/// Characters looked at to identify the language: plenty for trigram
/// statistics, and it keeps detection off the profile.
const LANGUAGE_SAMPLE_CHARS: usize = 1500;

/// Below this many words trigram statistics are unreliable (a 14-word
/// English sentence about Borno came out "Swedish"), so short texts are
/// coded as English: a false "not English" silently loses an event, while
/// a short foreign text simply matches no English trigger.
const LANGUAGE_MIN_WORDS: usize = 25;

/// The language of a document when it is reliably something other than
/// English. The dictionaries and patterns are English: coding French or
/// Arabic text with them would produce confident nonsense, so such
/// documents are counted and reported instead.
pub fn non_english_language(text: &str) -> Option<&'static str> {
    let end = text
        .char_indices()
        .nth(LANGUAGE_SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let words = sample.split_whitespace().count();
    if words < LANGUAGE_MIN_WORDS || plainly_english(sample, words) {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() && info.lang() != whatlang::Lang::Eng).then(|| info.lang().code())
}

/// English function words that are not words of the other languages
/// whatlang knows in Latin script (so no "a", "in", "is", "was", "die").
const ENGLISH_FUNCTION_WORDS: [&str; 12] = [
    "the", "of", "and", "to", "that", "with", "from", "were", "said", "which", "have", "by",
];

/// At least this share of a sample's words must be [`ENGLISH_FUNCTION_WORDS`]
/// for the sample to be English without trigram statistics. Wire copy runs
/// at 15–25%; French, Spanish, German or Indonesian text at 0–2% (their
/// own "de", "la", "und" are not in the list).
const PLAINLY_ENGLISH_SHARE: f64 = 0.08;

/// A cheap first look: most input is English news, and counting function
/// words costs a fraction of trigram detection (which was a tenth of the
/// whole analysis). Anything less clear-cut goes to whatlang.
fn plainly_english(sample: &str, words: usize) -> bool {
    let function_words = sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| (2..=5).contains(&w.len()))
        .filter(|w| {
            ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f))
        })
        .count();
    function_words as f64 >= PLAINLY_ENGLISH_SHARE * words as f64
}

/// The stages, built once and shared across threads.
#[derive(Default)]
pub struct Pipeline {
    geoparser: Geoparser,
    coder: EventCoder,
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline {
            geoparser: Geoparser::new(),
            coder: EventCoder::new(),
        }
    }

    pub fn geoparser(&self) -> &Geoparser {
        &self.geoparser
    }

    /// Places only (for `sitrep places` and `eval geo`).
    pub fn places(&self, doc: &Document) -> Vec<PlaceMention> {
        self.geoparser.parse(doc)
    }

    /// The whole analysis of one document. Documents reliably identified as
    /// not English are not coded (see [`non_english_language`]).
    pub fn analyse(&self, doc: &Document) -> Analysis {
        if let Some(language) = non_english_language(&doc.text) {
            return Analysis {
                uncoded_language: Some(language),
                ..Analysis::default()
            };
        }
        // The text alone says whether any event can be reported; only then
        // are the places found (a document with no live trigger is most
        // of a news crawl, and geoparsing is four tenths of the work).
        let Some(prepared) = self.coder.prepare(doc) else {
            return Analysis::default();
        };
        // The groups the text names say where the story is set ("Nuer
        // fighters" in South Sudan), as demonyms do.
        let places = self.geoparser.parse_in(doc, &prepared.story_countries());
        let mut events = self.coder.code_prepared(prepared, &places);
        sitrep_model::attach_source_ranges(&mut events, doc);
        Analysis {
            uncoded_language: None,
            places,
            events,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first event the whole pipeline codes from `text`.
    fn first_event(text: &str) -> Event {
        let analysis = Pipeline::new().analyse(&Document::new("ss", text));
        analysis.events.into_iter().next().expect("one event")
    }

    #[test]
    fn the_groups_a_story_names_say_where_its_places_are() {
        let event = first_event(
            "Nuer fighters clashed with Dinka militiamen in Bor on Monday, killing four.",
        );
        assert_eq!(event.country.as_deref(), Some("South Sudan"));
        assert_eq!(
            event.actor1.as_deref(),
            Some("Nuer Ethnic Militia (South Sudan)")
        );
    }

    #[test]
    fn a_national_army_named_by_its_acronym_says_where_the_story_is() {
        // Leer is also a German town; the SPLA fights in South Sudan. "US
        // forces" would not count: they fight abroad.
        let event = first_event(
            "Government forces attacked SPLA positions near Leer. Two soldiers were killed.",
        );
        assert_eq!(event.country.as_deref(), Some("South Sudan"), "{event:?}");
        assert_eq!(event.location.as_deref(), Some("Leer"));
    }

    #[test]
    fn english_is_coded_and_other_languages_are_set_aside() {
        let english = "Gunmen killed six villagers in an attack near Bama in Borno state on Tuesday, residents said.";
        assert_eq!(non_english_language(english), None);
        let french = "Des hommes armés ont tué six villageois lors d'une attaque près de Bama, dans l'État de Borno, mardi, selon des habitants. \
            Les assaillants sont arrivés à moto et ont incendié plusieurs maisons avant de prendre la fuite.";
        assert_eq!(non_english_language(french), Some("fra"));
        let pipeline = Pipeline::new();
        let analysis = pipeline.analyse(&Document::new("fr", french));
        assert_eq!(analysis.uncoded_language, Some("fra"));
        assert!(analysis.events.is_empty());
        // too short to tell: coded as English rather than dropped
        assert_eq!(non_english_language("Clashes in Gao."), None);
    }

    #[test]
    fn the_function_word_shortcut_takes_english_and_nothing_else() {
        let english = "Gunmen killed six villagers in an attack near Bama in Borno state on Tuesday, residents said. \
            The attackers arrived on motorcycles and set fire to houses before fleeing into the forest, a local official told reporters.";
        let words = english.split_whitespace().count();
        assert!(plainly_english(english, words));
        for foreign in [
            "Des hommes armés ont tué six villageois lors d'une attaque près de Bama, dans l'État de Borno, mardi, selon des habitants. \
             Les assaillants sont arrivés à moto et ont incendié plusieurs maisons avant de prendre la fuite.",
            "Hombres armados mataron a seis aldeanos en un ataque cerca de Bama, en el estado de Borno, el martes, según los residentes. \
             Los atacantes llegaron en motocicletas e incendiaron varias casas antes de huir hacia el bosque.",
            "Bewaffnete haben am Dienstag bei einem Angriff in der Nähe von Bama im Bundesstaat Borno sechs Dorfbewohner getötet, \
             sagten Anwohner. Die Angreifer kamen auf Motorrädern und steckten mehrere Häuser in Brand, bevor sie flohen.",
            "Orang bersenjata membunuh enam penduduk desa dalam serangan di dekat Bama di negara bagian Borno pada hari Selasa, \
             kata warga. Para penyerang datang dengan sepeda motor dan membakar beberapa rumah sebelum melarikan diri.",
        ] {
            let words = foreign.split_whitespace().count();
            assert!(!plainly_english(foreign, words), "{foreign}");
            assert!(non_english_language(foreign).is_some(), "{foreign}");
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PlaceRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: String,
    pub country_code: String,
    pub admin1: Option<String>,
    pub feature: sitrep_model::FeatureKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u32>,
    pub relation: sitrep_model::Relation,
    pub geo_precision: u8,
}

/// `{"doc_id", "places": [...]}`, one per document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocPlaces {
    pub doc_id: String,
    pub places: Vec<PlaceRecord>,
}

impl DocPlaces {
    pub fn new(doc: &Document, mentions: &[PlaceMention]) -> Self {
        let offsets = doc.char_offsets();
        let places = mentions
            .iter()
            .map(|m| {
                let (start, end) = offsets.span(m.span);
                PlaceRecord {
                    start,
                    end,
                    text: doc.slice(m.span).to_string(),
                    name: m.place.name.clone(),
                    lat: m.place.lat,
                    lon: m.place.lon,
                    country: m.place.country.clone(),
                    country_code: m.place.country_code.clone(),
                    admin1: m.place.admin1.clone(),
                    feature: m.place.feature,
                    geonameid: m.place.geonameid,
                    relation: m.relation.clone(),
                    geo_precision: m.precision.code(),
                }
            })
            .collect();
        DocPlaces {
            doc_id: doc.id.clone(),
            places,
        }
    }
}
