//! The geoparser stage: finds the places a document names and resolves each
//! to a gazetteer entry with coordinates.

use sitrep_model::{Document, PlaceMention};

/// Resolves toponyms in documents against the embedded gazetteer.
#[derive(Default)]
pub struct Geoparser {}

impl Geoparser {
    pub fn new() -> Self {
        Geoparser {}
    }

    /// Every place mention in the document, in text order.
    pub fn parse(&self, _doc: &Document) -> Vec<PlaceMention> {
        Vec::new()
    }
}
