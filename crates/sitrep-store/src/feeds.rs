//! What `sitrep watch` remembers about each feed (migration 4): the
//! validators for conditional requests and the items already taken.

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension};

/// What an earlier poll did with a feed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    /// Never seen.
    New,
    /// Taken, and unchanged since.
    Taken,
    /// Taken, but the feed now says something else under the same key.
    Changed,
}

/// A feed's validators from its last successful poll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub polled_at: Option<String>,
    pub last_status: Option<u16>,
}

impl Store {
    /// The state saved for a feed, or None for a feed never polled.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, etag, last_modified, polled_at, last_status FROM feeds WHERE url = ?1",
                [url],
                |r| {
                    Ok(FeedState {
                        url: r.get(0)?,
                        etag: r.get(1)?,
                        last_modified: r.get(2)?,
                        polled_at: r.get(3)?,
                        last_status: r
                            .get::<_, Option<i64>>(4)?
                            .and_then(|s| u16::try_from(s).ok()),
                    })
                },
            )
            .optional()?)
    }

    /// Saves (replaces) a feed's state; `polled_at` defaults to now.
    pub fn save_feed_state(&self, state: &FeedState) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feeds (url, etag, last_modified, polled_at, last_status)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                 last_modified = excluded.last_modified, polled_at = excluded.polled_at,
                 last_status = excluded.last_status",
            params![
                state.url,
                state.etag,
                state.last_modified,
                state.polled_at.clone().unwrap_or_else(now),
                state.last_status.map(i64::from),
            ],
        )?;
        Ok(())
    }

    /// What an earlier poll did with an item of a feed (by its key: guid,
    /// link or content hash), given the item's current `version`.
    pub fn item_status(&self, feed_url: &str, item_key: &str, version: &str) -> Result<ItemStatus> {
        let stored: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT item_version FROM feed_items WHERE feed_url = ?1 AND item_key = ?2",
                [feed_url, item_key],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match stored {
            None => ItemStatus::New,
            // Taken before versions were kept (schema 4): not read again.
            Some(None) => ItemStatus::Taken,
            Some(Some(v)) if v == version => ItemStatus::Taken,
            Some(Some(_)) => ItemStatus::Changed,
        })
    }

    /// Records an item as taken at `version`, with the document it became
    /// (None for an item that could not become one, so it is not retried
    /// every poll; a changed version retries it).
    pub fn mark_item_taken(
        &self,
        feed_url: &str,
        item_key: &str,
        version: &str,
        doc_id: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feed_items (feed_url, item_key, doc_id, seen_at, item_version)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(feed_url, item_key) DO UPDATE SET doc_id = excluded.doc_id,
                seen_at = excluded.seen_at, item_version = excluded.item_version",
            params![feed_url, item_key, doc_id, now(), version],
        )?;
        Ok(())
    }

    /// How many items of a feed were taken.
    pub fn count_feed_items(&self, feed_url: &str) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM feed_items WHERE feed_url = ?1",
            [feed_url],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "https://news.example.org/world.rss";

    #[test]
    fn unknown_feed_has_no_state() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.feed_state(FEED).unwrap(), None);
    }

    #[test]
    fn state_round_trips_and_is_replaced() {
        let store = Store::open_in_memory().unwrap();
        let first = FeedState {
            url: FEED.into(),
            etag: Some("\"v1\"".into()),
            last_modified: Some("Tue, 16 Mar 2021 09:30:00 GMT".into()),
            polled_at: Some("2021-03-16T09:31:00Z".into()),
            last_status: Some(200),
        };
        store.save_feed_state(&first).unwrap();
        assert_eq!(store.feed_state(FEED).unwrap(), Some(first.clone()));
        let second = FeedState {
            etag: None,
            last_status: Some(304),
            polled_at: None,
            ..first
        };
        store.save_feed_state(&second).unwrap();
        let saved = store.feed_state(FEED).unwrap().unwrap();
        assert_eq!(saved.etag, None);
        assert_eq!(saved.last_status, Some(304));
        // polled_at defaulted to now, not left empty
        assert!(saved.polled_at.is_some_and(|t| t.starts_with("20")));
    }

    #[test]
    fn items_are_taken_per_feed_and_version() {
        let store = Store::open_in_memory().unwrap();
        let status =
            |feed: &str, key: &str, version: &str| store.item_status(feed, key, version).unwrap();
        assert_eq!(status(FEED, "guid-1", "v1"), ItemStatus::New);
        store
            .mark_item_taken(FEED, "guid-1", "v1", Some("guid-1"))
            .unwrap();
        store
            .mark_item_taken(FEED, "guid-1", "v1", Some("guid-1"))
            .unwrap();
        store.mark_item_taken(FEED, "guid-2", "v1", None).unwrap();
        assert_eq!(status(FEED, "guid-1", "v1"), ItemStatus::Taken);
        assert_eq!(status(FEED, "guid-1", "v2"), ItemStatus::Changed);
        assert_eq!(status(FEED, "guid-2", "v2"), ItemStatus::Changed);
        assert_eq!(
            status("https://other.example.org/feed", "guid-1", "v1"),
            ItemStatus::New
        );
        assert_eq!(store.count_feed_items(FEED).unwrap(), 2);
        // Taking the new version makes it the one compared against.
        store
            .mark_item_taken(FEED, "guid-1", "v2", Some("guid-1"))
            .unwrap();
        assert_eq!(status(FEED, "guid-1", "v2"), ItemStatus::Taken);
    }

    #[test]
    fn items_taken_before_versions_were_kept_are_not_read_again() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO feed_items (feed_url, item_key, doc_id, seen_at) VALUES (?1, 'old', 'old', 'then')",
                [FEED],
            )
            .unwrap();
        assert_eq!(
            store.item_status(FEED, "old", "anything").unwrap(),
            ItemStatus::Taken
        );
    }
}
