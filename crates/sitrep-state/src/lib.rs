//! State over time, from coded events:
//!
//! - [`territory`]: who controls a place, as a timeline of control changes
//!   from ACLED's territorial sub-event types, with same-day conflicting
//!   claims kept side by side;
//! - [`leaders`]: leadership attrition (leaders killed, captured or
//!   surrendered) per group, found by patterns in the document's sentences.

pub mod leaders;
pub mod territory;

pub use leaders::{leader_losses, LeaderLoss, LeadershipLedger, LossOutcome, ROLE_WORDS};
pub use territory::{ControlChange, ControlUpdate, PlaceKey, PlaceTimeline, TerritoryLedger};
