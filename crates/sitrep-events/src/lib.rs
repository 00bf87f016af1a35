//! The event stage: turns a document (with its sentences and places) into
//! ACLED-style events, each field with the span of text it came from.
//!
//! How it reads a document:
//! 1. [`reading::annotate`]: one pass each of the trigger, cue and actor
//!    automatons over the whole text, plus sitrep-text's sentences, numbers
//!    and dates.
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

use sitrep_model::{Document, Event, PlaceMention};

/// Codes events from documents. Holds no per-document state; the
/// dictionaries are compiled once per process and shared.
#[derive(Default)]
pub struct EventCoder {}

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
        let Some(dict) = actors::DICTIONARY.as_ref() else {
            return Vec::new();
        };
        let annotated = reading::annotate(doc, places, dict);
        let incidents = incidents::incidents(&annotated);
        if incidents.is_empty() {
            // The builder's document-wide country vote is work only events use.
            return Vec::new();
        }
        let builder = build::Builder::new(&annotated);
        incidents.iter().map(|inc| builder.build(inc)).collect()
    }
}

#[cfg(test)]
mod tests;
