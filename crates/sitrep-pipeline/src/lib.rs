//! The pipeline over one document: geoparse, then code events.
//!
//! Ingestion (bytes → [`Document`]) happens before, storage after; this crate
//! is the part that `extract`, `places`, `demo` and the eval commands share.

use sitrep_events::EventCoder;
use sitrep_geo::Geoparser;
use sitrep_model::{Document, Event, PlaceMention};

/// What the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub places: Vec<PlaceMention>,
    pub events: Vec<Event>,
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

    /// The whole analysis of one document.
    pub fn analyse(&self, doc: &Document) -> Analysis {
        let places = self.geoparser.parse(doc);
        let events = self.coder.code(doc, &places);
        Analysis { places, events }
    }
}

/// One place as `sitrep places` prints it: character offsets, the text as
/// written, and the gazetteer entry it resolved to.
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
