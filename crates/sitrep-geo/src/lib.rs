//! The geoparser stage: finds the places a document names and resolves each
//! to a gazetteer entry with coordinates.
//!
//! Three steps, all rule-based and offline:
//! 1. [`recognize`]: capitalised token runs matched greedily against the
//!    gazetteer's folded names, with cue words ("in X", "X province") and
//!    filters for the classic traps (people, organisations, common words).
//! 2. [`resolve`]: each candidate's gazetteer entries ranked by population,
//!    feature class and the document's context (the countries and admin
//!    areas it mentions, demonyms), in two passes.
//! 3. [`relative`]: "15 km south of X", "near X", "the Turkish border" turn
//!    into a [`sitrep_model::Relation`] and an ACLED geo precision.

pub mod countries;
pub mod gazetteer;
pub mod gazetteer_index;
pub mod index;
pub mod lexicon;
pub mod recognize;
pub mod relative;
pub mod resolve;
pub mod scan;
pub mod spelling;

pub use countries::Country;
pub use gazetteer::{gazetteer, EntryRef, Gazetteer, MatchKind, NameMatch};
pub use index::{EntryId, EntryInfo, NameIndex, SharedIndex};

use sitrep_model::{Document, PlaceMention};

/// Resolves toponyms in documents against a name index (the embedded
/// gazetteer by default). Cheap to build and to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Geoparser {
    index: SharedIndex,
}

impl Default for Geoparser {
    fn default() -> Self {
        Geoparser::new()
    }
}

impl std::fmt::Debug for Geoparser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Geoparser").finish_non_exhaustive()
    }
}

impl Geoparser {
    /// A geoparser over the embedded gazetteer (loaded once, shared).
    pub fn new() -> Self {
        Geoparser {
            index: index::default_index(),
        }
    }

    /// A geoparser over another index (tests, custom gazetteers).
    pub fn with_index(index: SharedIndex) -> Self {
        Geoparser { index }
    }

    /// Every place mention in the document, in text order.
    pub fn parse(&self, doc: &Document) -> Vec<PlaceMention> {
        self.parse_in(doc, &[])
    }

    /// Every place mention in the document, where the story is also known
    /// to concern `countries` (ISO 3166-1 alpha-2 codes: the homes of the
    /// armed groups the text names). Each entry counts as one demonym does
    /// when readings are ranked: "Nuer fighters clashed in Bor" is South
    /// Sudan's Bor, not Serbia's.
    pub fn parse_in(&self, doc: &Document, countries: &[&str]) -> Vec<PlaceMention> {
        // The embedded index memoises its lookups across documents.
        let index: &dyn NameIndex = self.index.as_ref();
        let tokens = scan::tokenize(&doc.text);
        let candidates = recognize::candidates(&doc.text, &tokens, index);
        let resolved = resolve::resolve(&tokens, candidates, index, countries);
        relative::mentions(&doc.text, &tokens, resolved, index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geoparser_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Geoparser>();
    }
}
