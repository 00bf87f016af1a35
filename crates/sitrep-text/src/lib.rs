//! The text stage: everything about a document's text that later stages need,
//! as byte [`Span`](sitrep_model::Span)s over the document text.
//!
//! - [`sentences`]: sentence boundaries that survive "Dr.", "U.S.", "Aug. 28".
//! - [`numbers`]: counts of people ("at least 16", "a dozen", "dozens") with
//!   ACLED's conservative reading.
//! - [`dates`]: absolute and relative temporal expressions resolved against a
//!   publication date.
//! - [`normalize`]: the accent-, case- and apostrophe-insensitive folding that
//!   dictionaries and the gazetteer match on.

pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentences;
mod tokens;
