//! What `sitrep watch` remembers about each feed (migration 4): the
//! validators for conditional requests and the items already taken.

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension};

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

    /// Whether an item of a feed (by its key: guid, link or content hash)
    /// was taken by an earlier poll.
    pub fn item_taken(&self, feed_url: &str, item_key: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM feed_items WHERE feed_url = ?1 AND item_key = ?2",
                [feed_url, item_key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Records an item as taken, with the document it became (None for an
    /// item that could not become one, so it is not retried every poll).
    pub fn mark_item_taken(
        &self,
        feed_url: &str,
        item_key: &str,
        doc_id: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feed_items (feed_url, item_key, doc_id, seen_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(feed_url, item_key) DO UPDATE SET doc_id = excluded.doc_id",
            params![feed_url, item_key, doc_id, now()],
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
    fn items_are_taken_per_feed() {
        let store = Store::open_in_memory().unwrap();
        assert!(!store.item_taken(FEED, "guid-1").unwrap());
        store
            .mark_item_taken(FEED, "guid-1", Some("guid-1"))
            .unwrap();
        store
            .mark_item_taken(FEED, "guid-1", Some("guid-1"))
            .unwrap();
        store.mark_item_taken(FEED, "guid-2", None).unwrap();
        assert!(store.item_taken(FEED, "guid-1").unwrap());
        assert!(!store
            .item_taken("https://other.example.org/feed", "guid-1")
            .unwrap());
        assert_eq!(store.count_feed_items(FEED).unwrap(), 2);
    }
}
