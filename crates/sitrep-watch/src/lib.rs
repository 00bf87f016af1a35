//! `sitrep watch`: polls RSS/Atom feeds over HTTP and hands each item not
//! taken before on as a [`Document`].
//!
//! Every poll is a conditional request: the `ETag` and `Last-Modified` a
//! feed last sent are stored (table `feeds`) and sent back as
//! `If-None-Match` / `If-Modified-Since`, so an unchanged feed costs one
//! `304 Not Modified` and no parsing. Items are remembered by key (guid,
//! else link, else a content hash; table `feed_items`), so an item is
//! analysed once however often it stays in the feed; an item whose content
//! changes under the same key (an edited story) is read again. Feeds are
//! asked for gzip and inflated within the per-document size limit.
//!
//! What happens to a document (analysis, storage) is the caller's: this
//! crate knows HTTP, feeds and feed state, not the pipeline.

mod links;
#[doc(hidden)]
pub mod testing;

use sitrep_ingest::feed::{parse_feed_with_charset, Feed, FeedItem};
use sitrep_ingest::{Failure, IngestError, IngestOptions, DEFAULT_MAX_DOCUMENT_BYTES};
use sitrep_model::Document;
use sitrep_store::{FeedState, ItemStatus, Store, StoreError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Why a feed could not be polled.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// No answer: DNS, refused connection, timeout, TLS, a bad URL.
    #[error("{url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// An answer that is not a feed: 4xx, 5xx, or an unexpected status.
    #[error("{url}: HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: {error}")]
    Feed { url: String, error: IngestError },
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// The caller's handling of a document failed (it stops the poll).
    #[error("{origin}: {reason}")]
    Take { origin: String, reason: String },
}

/// An HTTP response body with what the transport said about it.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    pub status: u16,
    pub body: Vec<u8>,
    /// The `charset` of the `Content-Type`, if any.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a conditional feed request.
#[derive(Debug, Clone)]
pub enum FeedResponse {
    /// 304: nothing changed since the validators were sent.
    NotModified,
    Fetched(Fetched),
}

/// A blocking HTTP client (rustls for HTTPS, proxies from the environment).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
}

const USER_AGENT: &str = concat!("sitrep/", env!("CARGO_PKG_VERSION"), " (feed watcher)");
const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

impl Client {
    /// A client whose every request (connect, send, read the body) must
    /// finish within `timeout`.
    pub fn new(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            // Statuses are answers to report, not transport errors.
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build();
        Client {
            agent: ureq::Agent::new_with_config(config),
        }
    }

    /// GETs a feed, conditional on the validators of `state`.
    pub fn get_feed(
        &self,
        url: &str,
        state: Option<&FeedState>,
    ) -> Result<FeedResponse, WatchError> {
        let mut request = self.agent.get(url).header("Accept", FEED_ACCEPT);
        if let Some(etag) = state.and_then(|s| s.etag.as_deref()) {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = state.and_then(|s| s.last_modified.as_deref()) {
            request = request.header("If-Modified-Since", modified);
        }
        let response = request.call().map_err(|e| unreachable(url, &e))?;
        if response.status().as_u16() == 304 {
            return Ok(FeedResponse::NotModified);
        }
        read_response(url, response).map(FeedResponse::Fetched)
    }

    /// GETs a page (an item's article).
    pub fn get_page(&self, url: &str) -> Result<Fetched, WatchError> {
        let response = self
            .agent
            .get(url)
            .header(
                "Accept",
                "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
            )
            .call()
            .map_err(|e| unreachable(url, &e))?;
        read_response(url, response)
    }
}

fn unreachable(url: &str, error: &ureq::Error) -> WatchError {
    let reason = match error {
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Timeout(_) => "timed out".to_string(),
        other => other.to_string(),
    };
    WatchError::Unreachable {
        url: url.to_string(),
        reason,
    }
}

/// A 2xx response's body and headers; anything else is an error.
fn read_response(
    url: &str,
    mut response: ureq::http::Response<ureq::Body>,
) -> Result<Fetched, WatchError> {
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(WatchError::Status {
            url: url.to_string(),
            status,
        });
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let etag = header("etag");
    let last_modified = header("last-modified");
    let charset = response.body().charset().map(str::to_string);
    let body = response
        .body_mut()
        .with_config()
        .limit(DEFAULT_MAX_DOCUMENT_BYTES as u64)
        .read_to_vec()
        .map_err(|e| unreachable(url, &e))?;
    Ok(Fetched {
        status,
        body,
        charset,
        etag,
        last_modified,
    })
}

/// How items become documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct WatchOptions {
    /// Fetch each new item's linked page and extract the article from it
    /// (the item's own text is the fallback when that fails).
    pub fetch_articles: bool,
}

/// What one poll of one feed came to.
#[derive(Debug, Default)]
pub struct PollReport {
    pub url: String,
    /// The feed answered 304: nothing new.
    pub not_modified: bool,
    /// Items in the feed (0 when not modified).
    pub items: usize,
    /// Items not taken before, or changed since, that became documents.
    pub documents: usize,
    /// Of those, items taken before whose content changed under the same
    /// key (an edited story): read again, replacing their earlier events.
    pub updated: usize,
    /// Events the caller reported for those documents.
    pub events: usize,
    /// New items that could not become documents (no text...).
    pub failures: Vec<Failure>,
    /// Problems that did not cost an item (an article that could not be
    /// fetched, so the item's own text was used).
    pub warnings: Vec<String>,
}

/// Polls one feed: a conditional GET; on 200, every item not taken before
/// (or taken, but edited since under the same key) becomes a document
/// handed to `take` (which analyses and stores it and
/// returns its number of events), oldest item first. Items are marked
/// taken and the feed's new validators saved in the same database batch
/// as the documents, validators last: a crash mid-poll leaves the old
/// validators, so the next poll fetches the feed again and skips what was
/// stored.
pub fn poll_feed<F, E>(
    client: &Client,
    store: &mut Store,
    url: &str,
    options: WatchOptions,
    mut take: F,
) -> Result<PollReport, WatchError>
where
    F: FnMut(&mut Store, &Document) -> Result<usize, E>,
    E: std::fmt::Display,
{
    let previous = store.feed_state(url)?;
    let mut report = PollReport {
        url: url.to_string(),
        ..PollReport::default()
    };
    let keep_validators = |status: u16| FeedState {
        url: url.to_string(),
        last_status: Some(status),
        polled_at: None,
        ..previous.clone().unwrap_or_default()
    };
    let fetched = match client.get_feed(url, previous.as_ref()) {
        Ok(FeedResponse::NotModified) => {
            store.save_feed_state(&keep_validators(304))?;
            report.not_modified = true;
            return Ok(report);
        }
        Ok(FeedResponse::Fetched(fetched)) => fetched,
        Err(error) => {
            if let WatchError::Status { status, .. } = &error {
                store.save_feed_state(&keep_validators(*status))?;
            }
            return Err(error);
        }
    };
    let feed =
        parse_feed_with_charset(&fetched.body, fetched.charset.as_deref()).map_err(|error| {
            WatchError::Feed {
                url: url.to_string(),
                error,
            }
        });
    let feed = match feed {
        Ok(feed) => feed,
        Err(error) => {
            // Old validators kept: the next poll reads the feed again.
            store.save_feed_state(&keep_validators(fetched.status))?;
            return Err(error);
        }
    };
    report.items = feed.items.len();
    store.begin_batch()?;
    let taken = take_new_items(client, store, url, &feed, options, &mut report, &mut take);
    let saved = taken.and_then(|()| {
        store
            .save_feed_state(&FeedState {
                url: url.to_string(),
                etag: fetched.etag.clone(),
                last_modified: fetched.last_modified.clone(),
                polled_at: None,
                last_status: Some(fetched.status),
            })
            .map_err(WatchError::from)
    });
    // Committed even after an error: what was stored is marked taken.
    store.commit_batch()?;
    saved.map(|()| report)
}

fn take_new_items<F, E>(
    client: &Client,
    store: &mut Store,
    url: &str,
    feed: &Feed,
    options: WatchOptions,
    report: &mut PollReport,
    take: &mut F,
) -> Result<(), WatchError>
where
    F: FnMut(&mut Store, &Document) -> Result<usize, E>,
    E: std::fmt::Display,
{
    // Feeds list newest first; storing oldest first makes a repeated story
    // the near-duplicate of the earlier one, not the other way round.
    for (index, item) in feed.items.iter().enumerate().rev() {
        let key = item.key();
        let version = item.version();
        let status = store.item_status(url, &key, &version)?;
        if status == ItemStatus::Taken {
            continue;
        }
        let origin = format!("{url}#item-{}", index + 1);
        let item = FeedItem {
            link: item
                .link
                .as_deref()
                .and_then(|l| links::resolve_item_link(url, &item.link_bases, l)),
            ..item.clone()
        };
        let document = item_document(
            client,
            &item,
            feed.title.as_deref(),
            &origin,
            options,
            report,
        );
        match document {
            Ok(doc) => {
                let events = take(store, &doc).map_err(|e| WatchError::Take {
                    origin: origin.clone(),
                    reason: e.to_string(),
                })?;
                store.mark_item_taken(url, &key, &version, Some(&doc.id))?;
                report.documents += 1;
                if status == ItemStatus::Changed {
                    report.updated += 1;
                }
                report.events += events;
            }
            Err(error) => {
                // Deterministic (the item has no text): not retried.
                store.mark_item_taken(url, &key, &version, None)?;
                report.failures.push(Failure { origin, error });
            }
        }
    }
    Ok(())
}

/// The item's document: its own text, or with `fetch_articles` the article
/// its link points to (falling back to its own text, with a warning).
fn item_document(
    client: &Client,
    item: &FeedItem,
    feed_title: Option<&str>,
    origin: &str,
    options: WatchOptions,
    report: &mut PollReport,
) -> Result<Document, IngestError> {
    let opts = IngestOptions::default();
    let link = item.link.as_deref();
    if let (true, Some(link)) = (options.fetch_articles, link) {
        match fetch_article(client, item, feed_title, link, origin) {
            Ok(doc) => return Ok(doc),
            Err(reason) => report.warnings.push(format!(
                "{origin}: article {link}: {reason}; using the feed's text"
            )),
        }
    }
    item.to_document(feed_title, origin, &opts)
}

fn fetch_article(
    client: &Client,
    item: &FeedItem,
    feed_title: Option<&str>,
    link: &str,
    origin: &str,
) -> Result<Document, String> {
    let page = client.get_page(link).map_err(|e| match e {
        WatchError::Status { status, .. } => format!("HTTP {status}"),
        WatchError::Unreachable { reason, .. } => reason,
        other => other.to_string(),
    })?;
    let opts = IngestOptions {
        published: item
            .date
            .as_deref()
            .and_then(|d| sitrep_ingest::parse_date(d).ok()),
        source: feed_title.map(str::to_string),
    };
    let mut doc = sitrep_ingest::feed::article_document(
        page.body,
        page.charset,
        Some(link.to_string()),
        item.key(),
        origin,
        &opts,
    )
    .map_err(|failure| failure.error.to_string())?;
    if doc.title.is_none() {
        doc.title = item.title.clone();
    }
    Ok(doc)
}

/// Set when the user asks to stop (Ctrl-C, SIGTERM). The first signal
/// only sets the flag, so the poll in progress finishes and its items are
/// stored; a second Ctrl-C exits at once.
pub fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        // Registered first, so it sees the flag as the previous signal left it.
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Sleeps up to `duration`, waking early when `stop` is set; returns
/// whether it was.
pub fn sleep_unless_stopped(duration: Duration, stop: &AtomicBool) -> bool {
    let deadline = Instant::now() + duration;
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        if now >= deadline {
            return false;
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(200)));
    }
    true
}

#[cfg(test)]
mod tests;
