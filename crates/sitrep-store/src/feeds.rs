//! What `sitrep watch` remembers about each feed (migration 4): the
//! validators for conditional requests and the items already taken.

/// A feed's validators from its last successful poll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub polled_at: Option<String>,
    pub last_status: Option<u16>,
}
