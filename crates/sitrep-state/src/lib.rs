//! State over time.
