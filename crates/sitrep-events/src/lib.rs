//! The event stage: turns a document (with its sentences and places) into
//! ACLED-style events, each field with the span of text it came from.
//!
//! How it reads a document:
//! 1. [`reading::annotate_text`] ([`EventCoder::prepare`]): one pass each
//!    of the trigger, cue and actor automatons over the whole text, plus
//!    sitrep-text's sentences, numbers and dates; a document with no live
//!    trigger stops here. The places follow
//!    ([`reading::Annotated::with_places`]).
//! 2. [`reading::Annotated::read_sentence`]: each sentence's live triggers
//!    (not planned, hypothetical, denied or background, see [`modality`])
//!    decide one ACLED sub-event type.
//! 3. [`incidents::incidents`]: sentences about the same incident merge; a
//!    sentence that reports two incidents is read clause by clause
//!    ([`clauses`]), and an incident dated "three days after" another takes
//!    that one's date plus three days.
//! 4. [`build::Builder`]: actors, location, fatalities, date and evidence.

pub mod actors;
pub mod build;
pub mod clauses;
pub mod fatalities;
pub mod incidents;
pub mod lexicon;
pub mod modality;
pub mod outlet;
pub mod reading;

use sitrep_model::{ActorType, Document, Event, PlaceMention};

/// Codes events from documents. Holds no per-document state; the
/// dictionaries are compiled once per process and shared.
#[derive(Default)]
pub struct EventCoder {}

/// A document read by [`EventCoder::prepare`], waiting for its places.
pub struct Prepared<'a> {
    annotated: reading::Annotated<'a>,
}

impl Prepared<'_> {
    /// The home countries (ISO 3166-1 alpha-2) of the non-state armed
    /// groups the text names (rebels, militias: they fight where they
    /// live), each country once however many of its groups are named: weak
    /// evidence of where the story is set, which the geoparser weighs with
    /// the demonyms it finds itself ([`sitrep_geo::Geoparser::parse_in`]).
    /// State and external forces named by their country are left out:
    /// Kenyan jets strike in Somalia, the coalition in Syria. A national
    /// army named by its own acronym counts ("FARDC", "SPLA", "UPDF"): news
    /// names an army so where it is at home.
    pub fn story_countries(&self) -> Vec<&'static str> {
        let an = &self.annotated;
        let mut out: Vec<&'static str> = Vec::new();
        for m in &an.actors {
            let actors::ActorRef::Named(i) = m.actor else {
                continue;
            };
            let Some(actor) = an.dict.named.get(i) else {
                continue;
            };
            let named_army = actor.inter == ActorType::StateForces
                && an
                    .text
                    .get(m.span.start..m.span.end)
                    .is_some_and(is_acronym);
            let fights_at_home = named_army
                || matches!(
                    actor.inter,
                    ActorType::RebelGroup
                        | ActorType::PoliticalMilitia
                        | ActorType::IdentityMilitia
                );
            let home = actor.country.as_deref().filter(|_| fights_at_home);
            if let Some(country) = home.and_then(sitrep_geo::countries::by_name) {
                if !out.contains(&country.iso2) {
                    out.push(country.iso2);
                }
            }
        }
        out
    }
}

/// Three capitals or more, nothing else ("FARDC", "SPLA"; not "US").
fn is_acronym(word: &str) -> bool {
    word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase())
}

impl EventCoder {
    pub fn new() -> Self {
        // Build the automatons now rather than on the first document.
        let _ = actors::DICTIONARY.as_ref();
        let _ = lexicon::TRIGGER_LEXICON.as_ref();
        let _ = lexicon::CUE_LEXICON.as_ref();
        let _ = outlet::OUTLETS.as_ref();
        EventCoder {}
    }

    /// The events `doc` reports. `places` are the geoparser's mentions.
    pub fn code(&self, doc: &Document, places: &[PlaceMention]) -> Vec<Event> {
        match self.prepare(doc) {
            Some(prepared) => self.code_prepared(prepared, places),
            None => Vec::new(),
        }
    }

    /// The first half of [`EventCoder::code`]: what the text alone says.
    /// None when the document can report no event (no sentence holds a
    /// live trigger), so its places need not be found.
    pub fn prepare<'a>(&self, doc: &'a Document) -> Option<Prepared<'a>> {
        let dict = actors::DICTIONARY.as_ref()?;
        let annotated = reading::annotate_text(doc, dict);
        annotated
            .may_report_events()
            .then_some(Prepared { annotated })
    }

    /// The second half of [`EventCoder::code`], with the document's places.
    pub fn code_prepared(&self, prepared: Prepared<'_>, places: &[PlaceMention]) -> Vec<Event> {
        let annotated = prepared.annotated.with_places(places);
        let incidents = incidents::incidents(&annotated);
        if incidents.is_empty() {
            // The builder's document-wide country vote is work only events use.
            return Vec::new();
        }
        let builder = build::Builder::new(&annotated);
        incidents
            .iter()
            .flat_map(|inc| builder.build_all(inc))
            .collect()
    }
}

#[cfg(test)]
mod tests;
