//! sitrep's data model.
//!
//! One [`Document`] flows through the pipeline. Every annotation a stage adds
//! is a [`Span`] of **byte** offsets into `Document::text` (cheap to slice in
//! Rust); everything that leaves the program (events, places, evidence) carries
//! **Unicode character** offsets, converted by [`CharOffsets`].
//!
//! Types that cross a stage boundary live here, so stages depend on the model
//! and not on each other: the geoparser produces [`PlaceMention`]s, the event
//! coder consumes them.

pub mod document;
pub mod event;
pub mod place;
pub mod source_map;
pub mod taxonomy;

pub use document::{CharOffsets, Document, Span};
pub use event::{attach_source_ranges, Event, Evidence, EvidenceOrigin, Fields, ACLED_COLUMNS};
pub use place::{haversine_km, FeatureKind, Place, PlaceMention, Relation, EARTH_RADIUS_KM};
pub use source_map::{SourceMap, SourceMapBuilder};
pub use taxonomy::{
    ActorType, EventType, GeoPrecision, SubEventType, TaxonomyError, TimePrecision,
};
