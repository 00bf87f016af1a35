//! The event stage: turns a document (with its sentences and places) into
//! ACLED-style events, each field with the span of text it came from.

use sitrep_model::{Document, Event, PlaceMention};

/// Codes events from documents.
#[derive(Default)]
pub struct EventCoder {}

impl EventCoder {
    pub fn new() -> Self {
        EventCoder {}
    }

    /// The events `doc` reports. `places` are the geoparser's mentions.
    pub fn code(&self, _doc: &Document, _places: &[PlaceMention]) -> Vec<Event> {
        Vec::new()
    }
}
