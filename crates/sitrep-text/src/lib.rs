//! The text stage: everything about a document's text that later stages need,
//! as byte [`Span`](sitrep_model::Span)s over the document text.
//!
//! - [`sentences`]: sentence boundaries that survive "Dr.", "U.S.", "Aug. 28",
//!   "3.5" and initials, plus [`sentences::clauses`] for one event per clause.
//! - [`numbers`]: number expressions ("at least 16", "a dozen", "dozens",
//!   "15-20") with ACLED's conservative reading and the hedge kept apart.
//! - [`dates`]: absolute, relative, event-relative and year-only temporal
//!   expressions resolved against a publication date, with a background flag.
//! - [`normalize`]: the accent-, case- and apostrophe-insensitive folding that
//!   dictionaries and the gazetteer match on.
//!
//! Every function takes the full text and returns absolute byte spans; none
//! allocates per character or uses regular expressions, and none panics on
//! any input (property-tested). `examples/text_bench.rs` measures throughput.

pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentences;
mod tokens;
