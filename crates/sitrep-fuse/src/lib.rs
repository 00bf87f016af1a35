//! Fusion: reports of one incident, from several outlets, become one event
//! that keeps every source, every reported figure and the reasons for each
//! merge.
//!
//! ```
//! use sitrep_fuse::{Decision, FuseConfig, Fuser};
//! # use sitrep_model::Event;
//! let mut fuser = Fuser::new(FuseConfig::default());
//! # let (report_a, report_b) = (Event::default(), Event::default());
//! let first = fuser.add(report_a);
//! assert!(matches!(first, Decision::Created { .. }));
//! # let _ = fuser.add(report_b);
//! for fused in fuser.fused_events() {
//!     println!("{} from {} sources", fused.fused_id, fused.source_count);
//! }
//! ```
//!
//! - [`compare`]: the pairwise gates (same event type, dates within the two
//!   precision windows, places within 25 km or the same admin1 when one side
//!   is only region-precise, no conflicting actors, never the same document)
//!   and the score that ranks pairs that pass (date, distance, actors,
//!   sub-event type, notes similarity).
//! - [`fuser`]: the incremental, order-independent clustering.
//! - [`fused`]: the fused record: field by field from one report (most
//!   specific place, earliest of the most precise dates, majority actors),
//!   with that report's evidence; fatalities low/best/high.

pub mod compare;
pub mod fused;
pub mod fuser;

pub use compare::{compare, ActorMatch, FuseConfig, Link, MergeReason, PlaceMatch, Rejection};
pub use fused::{fatality_range, FieldOrigin, FusedEvent, MergeRecord, SourceReport};
pub use fuser::{fuse_all, Decision, Fuser};
