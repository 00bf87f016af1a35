//! Storage: documents, events and runs in SQLite (the embedded default).
//!
//! Idempotence: a document is keyed by its id; storing it again replaces its
//! events in one transaction, so re-running over the same input leaves the
//! database as it was. Every run is recorded (inputs, times, version) so two
//! runs can be compared.

mod feeds;

pub use feeds::{FeedState, ItemStatus};

use rusqlite::{params, Connection, OptionalExtension};
use sitrep_model::{Document, Event};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored record is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("database schema version {found} is newer than this sitrep understands ({supported})")]
    TooNew { found: i64, supported: i64 },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Schema migrations, applied in order; `PRAGMA user_version` records how
/// many have run. Never edit a released migration: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: documents, events, runs
    "CREATE TABLE runs (
        run_id      INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        version     TEXT NOT NULL,
        command     TEXT NOT NULL,
        inputs      TEXT NOT NULL,
        documents   INTEGER NOT NULL DEFAULT 0,
        events      INTEGER NOT NULL DEFAULT 0,
        failures    INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        doc_id       TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        source       TEXT,
        url          TEXT,
        title        TEXT,
        published    TEXT,
        origin       TEXT NOT NULL,
        text         TEXT NOT NULL,
        run_id       INTEGER REFERENCES runs(run_id)
    );
    CREATE TABLE events (
        event_id       TEXT PRIMARY KEY,
        doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        event_date     TEXT,
        event_type     TEXT,
        sub_event_type TEXT,
        actor1         TEXT,
        actor2         TEXT,
        country        TEXT,
        location       TEXT,
        latitude       REAL,
        longitude      REAL,
        fatalities     INTEGER,
        record         TEXT NOT NULL,
        run_id         INTEGER REFERENCES runs(run_id)
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_date ON events(event_date);
    CREATE INDEX events_type ON events(event_type);
    CREATE INDEX events_country ON events(country);",
    // 2: near-duplicate fingerprints (MinHash signature) and links
    "ALTER TABLE documents ADD COLUMN fingerprint BLOB;
     ALTER TABLE documents ADD COLUMN duplicate_of TEXT;",
    // 3: what each run produced, so two runs can be compared
    "CREATE TABLE run_documents (
        run_id INTEGER NOT NULL REFERENCES runs(run_id),
        doc_id TEXT NOT NULL,
        PRIMARY KEY (run_id, doc_id)
    );
    CREATE TABLE run_events (
        run_id      INTEGER NOT NULL REFERENCES runs(run_id),
        doc_id      TEXT NOT NULL,
        event_id    TEXT NOT NULL,
        record_hash TEXT NOT NULL,
        PRIMARY KEY (run_id, event_id)
    );",
    // 4: what `sitrep watch` knows about each feed, for conditional requests
    // and for not fetching an item twice
    "CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        polled_at     TEXT,
        last_status   INTEGER
    );
    CREATE TABLE feed_items (
        feed_url TEXT NOT NULL,
        item_key TEXT NOT NULL,
        doc_id   TEXT,
        seen_at  TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_key)
    );",
    // 5: the version (content hash) of each taken feed item, so an item
    // edited under the same guid is read again
    "ALTER TABLE feed_items ADD COLUMN item_version TEXT;",
    // 6: the country index in the collation the country filter compares
    // with (case-insensitive): the binary one could not serve it, so it cost
    // every insert and helped no query
    "DROP INDEX IF EXISTS events_country;
    CREATE INDEX events_country ON events(country COLLATE NOCASE);",
    // 7: what a run produced, kept per document rather than per event: the
    // ids and record hashes of the document's events as "id\thash" lines.
    // One row per document instead of one per event saved a sixth of the
    // storing time on event-dense text (BENCHMARKS.md). Runs stored before this keep their
    // `run_events` rows (NULL here), which `diff_runs` still reads.
    "ALTER TABLE run_documents ADD COLUMN events TEXT;",
];

/// Which events to return. Every filter is optional and becomes a bound
/// parameter, never text spliced into SQL.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub event_type: Option<String>,
    pub country: Option<String>,
    /// Matches actor1 or actor2, case-insensitively, as a substring.
    pub actor: Option<String>,
    /// (min_lon, min_lat, max_lon, max_lat)
    pub bbox: Option<(f64, f64, f64, f64)>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// One recorded run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RunInfo {
    pub run_id: i64,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub version: String,
    pub command: String,
    pub inputs: String,
    pub documents: i64,
    pub events: i64,
    pub failures: i64,
}

/// What changed between two runs, over the documents both processed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunDiff {
    pub run_a: i64,
    pub run_b: i64,
    pub documents_in_both: usize,
    pub documents_only_in_a: usize,
    pub documents_only_in_b: usize,
    /// Event ids run B produced and run A did not.
    pub added: Vec<String>,
    /// Event ids run A produced and run B did not.
    pub removed: Vec<String>,
    /// Event ids both produced with different content.
    pub changed: Vec<String>,
    pub unchanged: usize,
}

/// A handle on the database.
pub struct Store {
    conn: Connection,
}

/// What sitrep knows about a document beyond its text and events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentExtras {
    /// Near-duplicate fingerprint (sitrep-dedup's MinHash signature bytes).
    pub fingerprint: Option<Vec<u8>>,
    /// The earlier document this one is a near-duplicate of.
    pub duplicate_of: Option<String>,
}

/// Counts of what a `put_document` call changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PutOutcome {
    pub document_new: bool,
    pub events_stored: usize,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Self::init(Connection::open(path)?)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self> {
        conn.execute_batch(
            // temp_store = MEMORY keeps each document's savepoint journal
            // off the disk (it was most of the write time in batches).
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;",
        )?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let current: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = MIGRATIONS.len() as i64;
        if current > supported {
            return Err(StoreError::TooNew {
                found: current,
                supported,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Starts a batch: the documents stored until [`Store::commit_batch`]
    /// are committed together, which is much faster than one commit per
    /// document. Each document is still all-or-nothing; a crash loses at
    /// most the uncommitted batch (`extract --resume` redoes it).
    pub fn begin_batch(&self) -> Result<()> {
        if self.conn.is_autocommit() {
            self.conn.execute_batch("BEGIN")?;
        }
        Ok(())
    }

    /// Commits the current batch, if one is open.
    pub fn commit_batch(&self) -> Result<()> {
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("COMMIT")?;
        }
        Ok(())
    }

    /// Records the start of a run; returns its id.
    pub fn begin_run(&self, command: &str, inputs: &[String]) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO runs (started_at, version, command, inputs) VALUES (?1, ?2, ?3, ?4)",
            params![
                now(),
                env!("CARGO_PKG_VERSION"),
                command,
                serde_json::to_string(inputs)?
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn finish_run(
        &self,
        run_id: i64,
        documents: usize,
        events: usize,
        failures: usize,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET finished_at = ?1, documents = ?2, events = ?3, failures = ?4 WHERE run_id = ?5",
            params![now(), documents as i64, events as i64, failures as i64, run_id],
        )?;
        Ok(())
    }

    /// Stores a document and its events, replacing whatever an earlier run
    /// stored for the same document id. One transaction: all or nothing.
    pub fn put_document(
        &mut self,
        run_id: i64,
        doc: &Document,
        events: &[Event],
    ) -> Result<PutOutcome> {
        self.put_document_with(run_id, doc, events, &DocumentExtras::default())
    }

    /// [`Store::put_document`] with the document's fingerprint and
    /// near-duplicate link.
    pub fn put_document_with(
        &mut self,
        run_id: i64,
        doc: &Document,
        events: &[Event],
        extras: &DocumentExtras,
    ) -> Result<PutOutcome> {
        let encoded = encode_events(events)?;
        self.put_encoded(run_id, doc, events, &encoded, extras)
    }

    /// [`Store::put_document_with`] for events already encoded with
    /// [`encode_events`] (`extract` encodes on its worker threads, where the
    /// JSON also feeds stdout, so the storing thread only writes).
    /// `encoded[i]` must be `events[i]`'s encoding; if the lengths differ
    /// the events are encoded again here rather than stored short.
    pub fn put_encoded(
        &mut self,
        run_id: i64,
        doc: &Document,
        events: &[Event],
        encoded: &[EncodedEvent],
        extras: &DocumentExtras,
    ) -> Result<PutOutcome> {
        let reencoded;
        let encoded = if encoded.len() == events.len() {
            encoded
        } else {
            reencoded = encode_events(events)?;
            &reencoded
        };
        // A savepoint: its own transaction when called alone, a nested,
        // all-or-nothing step inside a batch (see `begin_batch`).
        let tx = self.conn.savepoint()?;
        let existed: Option<String> = tx
            .prepare_cached("SELECT content_hash FROM documents WHERE doc_id = ?1")?
            .query_row([&doc.id], |r| r.get(0))
            .optional()?;
        if existed.is_some() {
            tx.prepare_cached("DELETE FROM events WHERE doc_id = ?1")?
                .execute([&doc.id])?;
        }
        tx.prepare_cached(
            "INSERT INTO documents (doc_id, content_hash, source, url, title, published, origin, text, run_id,
                fingerprint, duplicate_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT(doc_id) DO UPDATE SET content_hash = excluded.content_hash,
                source = excluded.source, url = excluded.url, title = excluded.title,
                published = excluded.published, origin = excluded.origin, text = excluded.text,
                run_id = excluded.run_id, fingerprint = excluded.fingerprint,
                duplicate_of = excluded.duplicate_of",
        )?
        .execute(params![
            doc.id,
            content_hash(&doc.text),
            doc.source,
            doc.url,
            doc.title,
            doc.published.map(|d| d.to_string()),
            doc.origin,
            doc.text,
            run_id,
            extras.fingerprint,
            extras.duplicate_of
        ])?;
        tx.prepare_cached(
            "INSERT INTO run_documents (run_id, doc_id, events) VALUES (?1, ?2, ?3)
             ON CONFLICT(run_id, doc_id) DO UPDATE SET events = excluded.events",
        )?
        .execute(params![run_id, doc.id, run_entry(events, encoded)])?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO events (event_id, doc_id, event_date, event_type, sub_event_type,
                    actor1, actor2, country, location, latitude, longitude, fatalities, record, run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?;
            for (e, enc) in events.iter().zip(encoded) {
                insert.execute(params![
                    e.event_id,
                    doc.id,
                    e.event_date.map(|d| d.to_string()),
                    e.event_type.map(|t| t.as_str()),
                    e.sub_event_type.map(|t| t.as_str()),
                    e.actor1,
                    e.actor2,
                    e.country,
                    e.location,
                    e.latitude,
                    e.longitude,
                    e.fatalities,
                    enc.record,
                    run_id
                ])?;
            }
        }
        tx.commit()?;
        Ok(PutOutcome {
            document_new: existed.is_none(),
            events_stored: events.len(),
        })
    }

    /// All stored events, ordered by date then id.
    pub fn events(&self) -> Result<Vec<Event>> {
        self.query_events(&EventFilter::default())
    }

    /// Stored events matching `filter`, ordered by date then id.
    pub fn query_events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        use rusqlite::types::Value as V;
        let (clause, mut values) = filter_clause(filter);
        let sql = format!(
            "SELECT record FROM events{clause} ORDER BY event_date, event_id LIMIT ? OFFSET ?"
        );
        values.push(V::Integer(filter.limit.map(|l| l as i64).unwrap_or(-1)));
        values.push(V::Integer(filter.offset as i64));
        self.decode_records(&sql, values)
    }

    /// (doc_id, fingerprint) of every stored document that has one, in the
    /// order they were stored: the near-duplicate index of earlier runs.
    pub fn fingerprints(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let mut stmt = self.conn.prepare(
            "SELECT doc_id, fingerprint FROM documents WHERE fingerprint IS NOT NULL ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A stored document's text.
    pub fn document_text(&self, doc_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text FROM documents WHERE doc_id = ?1",
                [doc_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Replaces a stored document's near-duplicate fingerprint (made again
    /// under a new scheme).
    pub fn set_fingerprint(&self, doc_id: &str, fingerprint: Option<&[u8]>) -> Result<()> {
        self.conn.execute(
            "UPDATE documents SET fingerprint = ?2 WHERE doc_id = ?1",
            params![doc_id, fingerprint],
        )?;
        Ok(())
    }

    /// (doc_id, content_hash) of every stored document, for `--resume`.
    pub fn stored_versions(&self) -> Result<std::collections::HashSet<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, content_hash FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The near-duplicate link of a stored document.
    pub fn duplicate_of(&self, doc_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT duplicate_of FROM documents WHERE doc_id = ?1",
                [doc_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Every recorded run, oldest first.
    pub fn runs(&self) -> Result<Vec<RunInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT run_id, started_at, finished_at, version, command, inputs, documents, events, failures
             FROM runs ORDER BY run_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RunInfo {
                run_id: r.get(0)?,
                started_at: r.get(1)?,
                finished_at: r.get(2)?,
                version: r.get(3)?,
                command: r.get(4)?,
                inputs: r.get(5)?,
                documents: r.get(6)?,
                events: r.get(7)?,
                failures: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Events added, removed and changed from run `a` to run `b`, over the
    /// documents both runs processed (documents only one run saw are
    /// counted, not diffed: their events say nothing about a change).
    pub fn diff_runs(&self, a: i64, b: i64) -> Result<RunDiff> {
        let docs = |run: i64| -> Result<std::collections::BTreeSet<String>> {
            let mut stmt = self
                .conn
                .prepare("SELECT doc_id FROM run_documents WHERE run_id = ?1")?;
            let rows = stmt.query_map([run], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let events = |run: i64| -> Result<std::collections::BTreeMap<String, (String, String)>> {
            let mut out = std::collections::BTreeMap::new();
            // Runs since migration 7: one row per document.
            let mut stmt = self.conn.prepare(
                "SELECT doc_id, events FROM run_documents WHERE run_id = ?1 AND events IS NOT NULL",
            )?;
            let rows = stmt.query_map([run], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (doc, entry) = row?;
                for (id, hash) in parse_run_entry(&entry) {
                    out.insert(id.to_string(), (doc.clone(), hash.to_string()));
                }
            }
            // Runs stored before it: one row per event.
            let mut stmt = self.conn.prepare(
                "SELECT event_id, doc_id, record_hash FROM run_events WHERE run_id = ?1",
            )?;
            let rows = stmt.query_map([run], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            for row in rows {
                let (id, entry) = row?;
                out.insert(id, entry);
            }
            Ok(out)
        };
        let (docs_a, docs_b) = (docs(a)?, docs(b)?);
        let both: std::collections::BTreeSet<&String> = docs_a.intersection(&docs_b).collect();
        let in_both = |(doc, _): &(String, String)| both.contains(doc);
        let (events_a, events_b) = (events(a)?, events(b)?);
        let mut diff = RunDiff {
            run_a: a,
            run_b: b,
            documents_in_both: both.len(),
            documents_only_in_a: docs_a.len() - both.len(),
            documents_only_in_b: docs_b.len() - both.len(),
            ..RunDiff::default()
        };
        for (id, entry) in events_b.iter().filter(|(_, e)| in_both(e)) {
            match events_a.get(id) {
                None => diff.added.push(id.clone()),
                Some((_, hash)) if *hash != entry.1 => diff.changed.push(id.clone()),
                Some(_) => diff.unchanged += 1,
            }
        }
        diff.removed = events_a
            .iter()
            .filter(|(id, e)| in_both(e) && !events_b.contains_key(*id))
            .map(|(id, _)| id.clone())
            .collect();
        Ok(diff)
    }

    /// (doc_id, text) of every stored document.
    pub fn document_texts(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, text FROM documents ORDER BY doc_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn count_documents(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    pub fn count_events(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    pub fn count_runs(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM runs", [], |r| r.get::<_, i64>(0))?
            as usize)
    }
}

/// Events and reported fatalities for one key (an event type, a day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCount {
    /// The type's ACLED spelling or the day as YYYY-MM-DD; `None` collects
    /// events without a value for the key.
    pub key: Option<String>,
    pub events: usize,
    /// Sum of the stated fatalities (events without a count add nothing).
    pub fatalities: u64,
}

/// Aggregates over the events a filter selects, for timelines and legends.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventStats {
    pub events: usize,
    pub fatalities: u64,
    /// Ordered by event count, most first, then by type name.
    pub by_type: Vec<EventCount>,
    /// Ordered by day; undated events come first with `key: None`.
    pub by_day: Vec<EventCount>,
    /// Ordered by event count, most first, then by country name.
    pub by_country: Vec<EventCount>,
}

/// Read methods for the HTTP API. They share one WHERE-clause builder, so a
/// count and the page it describes always agree; `query_events` keeps its own
/// copy of the same rules, and a test checks the two select the same rows.
impl Store {
    /// How many stored events match `filter` (its limit and offset ignored).
    pub fn count_matching_events(&self, filter: &EventFilter) -> Result<usize> {
        let (where_sql, values) = filter_clause(filter);
        let sql = format!("SELECT COUNT(*) FROM events{where_sql}");
        let n: i64 = self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(values), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The stored JSON records of the events matching `filter`, in
    /// `query_events` order, without decoding them: for callers that only
    /// pass events on as JSON (the HTTP API), which skips a decode and an
    /// encode per event.
    pub fn query_event_records(&self, filter: &EventFilter) -> Result<Vec<String>> {
        let (where_sql, mut values) = filter_clause(filter);
        let sql = format!(
            "SELECT record FROM events{where_sql} ORDER BY event_date, event_id LIMIT ? OFFSET ?"
        );
        values.push(rusqlite::types::Value::Integer(
            filter.limit.map(|l| l as i64).unwrap_or(-1),
        ));
        values.push(rusqlite::types::Value::Integer(filter.offset as i64));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Events whose sub-event type is one of `sub_event_types` (ACLED
    /// spellings), by date then id: e.g. the territorial ones that control
    /// timelines are built from.
    pub fn events_with_sub_types(&self, sub_event_types: &[&str]) -> Result<Vec<Event>> {
        if sub_event_types.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; sub_event_types.len()].join(", ");
        let sql = format!(
            "SELECT record FROM events WHERE sub_event_type IN ({placeholders})
             ORDER BY event_date, event_id"
        );
        self.decode_records(&sql, sub_event_types.iter().map(|t| t.to_string()))
    }

    /// The events stored for one document, by date then id.
    pub fn events_of_document(&self, doc_id: &str) -> Result<Vec<Event>> {
        self.decode_records(
            "SELECT record FROM events WHERE doc_id = ? ORDER BY event_date, event_id",
            [doc_id.to_string()],
        )
    }

    /// Ids of the documents whose text contains any of `terms`, ignoring
    /// ASCII case, in id order: a cheap pre-filter before reading documents
    /// with patterns (leader losses need "commander", "leader", ...).
    pub fn document_ids_containing_any(&self, terms: &[&str]) -> Result<Vec<String>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let conditions = vec!["instr(lower(text), ?) > 0"; terms.len()].join(" OR ");
        let sql = format!("SELECT doc_id FROM documents WHERE {conditions} ORDER BY doc_id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(terms.iter().map(|t| t.to_ascii_lowercase())),
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Runs `sql` (which selects one column of event records) with bound
    /// `values` and decodes the records.
    fn decode_records<P: rusqlite::ToSql>(
        &self,
        sql: &str,
        values: impl IntoIterator<Item = P>,
    ) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            r.get::<_, String>(0)
        })?;
        let mut out = Vec::new();
        for row in rows {
            out.push(serde_json::from_str(&row?)?);
        }
        Ok(out)
    }

    /// One event by id.
    pub fn event(&self, event_id: &str) -> Result<Option<Event>> {
        let record: Option<String> = self
            .conn
            .query_row(
                "SELECT record FROM events WHERE event_id = ?1",
                [event_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match record {
            Some(json) => Some(serde_json::from_str(&json)?),
            None => None,
        })
    }

    /// One stored document by id, as ingestion produced it.
    pub fn document(&self, doc_id: &str) -> Result<Option<Document>> {
        let row = self
            .conn
            .query_row(
                "SELECT doc_id, source, url, title, published, origin, text
                 FROM documents WHERE doc_id = ?1",
                [doc_id],
                |r| {
                    Ok((
                        Document {
                            id: r.get(0)?,
                            source: r.get(1)?,
                            url: r.get(2)?,
                            title: r.get(3)?,
                            published: None,
                            origin: r.get(5)?,
                            text: r.get(6)?,
                            ..Default::default()
                        },
                        r.get::<_, Option<String>>(4)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.map(|(mut doc, published)| {
            // Stored by `put_document` as `NaiveDate::to_string`; anything
            // else (a hand-edited row) reads as unknown rather than failing.
            doc.published = published.and_then(|p| p.parse().ok());
            doc
        }))
    }

    /// Counts and fatalities by event type and by day over the events that
    /// match `filter` (its limit and offset ignored).
    pub fn event_stats(&self, filter: &EventFilter) -> Result<EventStats> {
        let by_type = self.grouped_counts(filter, "event_type", "COUNT(*) DESC, event_type")?;
        let by_day = self.grouped_counts(filter, "event_date", "event_date")?;
        let by_country = self.grouped_counts(filter, "country", "COUNT(*) DESC, country")?;
        Ok(EventStats {
            events: by_type.iter().map(|c| c.events).sum(),
            fatalities: by_type.iter().map(|c| c.fatalities).sum(),
            by_type,
            by_day,
            by_country,
        })
    }

    /// `column` and `order` are fixed strings from this file, never input.
    fn grouped_counts(
        &self,
        filter: &EventFilter,
        column: &'static str,
        order: &'static str,
    ) -> Result<Vec<EventCount>> {
        let (where_sql, values) = filter_clause(filter);
        let sql = format!(
            "SELECT {column}, COUNT(*), COALESCE(SUM(fatalities), 0) FROM events{where_sql}
             GROUP BY {column} ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(EventCount {
                key: r.get(0)?,
                events: r.get::<_, i64>(1)? as usize,
                fatalities: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// The WHERE clause (with a leading space, or empty) and its bound values for
/// a filter's conditions. Values are always parameters, never SQL text.
fn filter_clause(filter: &EventFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value as V;
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<V> = Vec::new();
    if let Some(d) = filter.from {
        clauses.push("event_date >= ?");
        values.push(V::Text(d.to_string()));
    }
    if let Some(d) = filter.to {
        clauses.push("event_date <= ?");
        values.push(V::Text(d.to_string()));
    }
    if let Some(t) = &filter.event_type {
        clauses.push("event_type = ?");
        values.push(V::Text(t.clone()));
    }
    if let Some(c) = &filter.country {
        clauses.push("country = ? COLLATE NOCASE");
        values.push(V::Text(c.clone()));
    }
    if let Some(a) = &filter.actor {
        clauses.push("(instr(lower(actor1), lower(?)) > 0 OR instr(lower(actor2), lower(?)) > 0)");
        values.push(V::Text(a.clone()));
        values.push(V::Text(a.clone()));
    }
    if let Some((min_lon, min_lat, max_lon, max_lat)) = filter.bbox {
        clauses.push("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?");
        values.extend([
            V::Real(min_lon),
            V::Real(max_lon),
            V::Real(min_lat),
            V::Real(max_lat),
        ]);
    }
    if clauses.is_empty() {
        (String::new(), values)
    } else {
        (format!(" WHERE {}", clauses.join(" AND ")), values)
    }
}

/// A document's events as one run remembers them: "event_id\trecord_hash"
/// per line. Event ids and hashes are hex digests, never tabs or newlines.
fn run_entry(events: &[Event], encoded: &[EncodedEvent]) -> String {
    let mut entry = String::with_capacity(events.len() * 40);
    for (e, enc) in events.iter().zip(encoded) {
        if !entry.is_empty() {
            entry.push('\n');
        }
        entry.push_str(&e.event_id);
        entry.push('\t');
        entry.push_str(&enc.record_hash);
    }
    entry
}

/// The (event id, record hash) pairs of a [`run_entry`]; a line without a
/// tab (a hand-edited row) is skipped rather than misread.
fn parse_run_entry(entry: &str) -> impl Iterator<Item = (&str, &str)> {
    entry.lines().filter_map(|line| line.split_once('\t'))
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// FNV-1a 64 of the text: enough to tell whether a document changed.
/// An event as stored: its JSON record and the record's hash (which
/// `sitrep diff` compares between runs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedEvent {
    pub record: String,
    pub record_hash: String,
}

impl AsRef<str> for EncodedEvent {
    /// The JSON record.
    fn as_ref(&self) -> &str {
        &self.record
    }
}

/// Encodes events for [`Store::put_encoded`]; the records are also valid
/// JSON Lines output.
pub fn encode_events(events: &[Event]) -> Result<Vec<EncodedEvent>> {
    events
        .iter()
        .map(|e| {
            let record = serde_json::to_string(e)?;
            let record_hash = content_hash(&record);
            Ok(EncodedEvent {
                record,
                record_hash,
            })
        })
        .collect()
}

/// A stable hash of a document's text or an event's record: what `--resume`
/// and `sitrep diff` compare. XXH3 (a fixed, published algorithm, so the
/// values stay the same across builds and machines) rather than the FNV-1a
/// of earlier versions, which reads a byte per multiply and was 2.5% of an
/// extract run. The `x3:` prefix keeps the two apart: a hash stored by an
/// earlier version never equals a new one, so `--resume` analyses such a
/// document again instead of trusting a comparison of unlike hashes.
pub fn content_hash(text: &str) -> String {
    let h = twox_hash::XxHash3_64::oneshot(text.as_bytes());
    format!("x3:{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::EventType;

    fn event(id: &str, doc: &str) -> Event {
        Event {
            event_id: id.into(),
            doc_id: doc.into(),
            event_type: Some(EventType::Battles),
            ..Default::default()
        }
    }

    /// The plan SQLite picks for a filtered event query.
    fn query_plan(s: &Store, filter: &EventFilter) -> String {
        let (clause, values) = filter_clause(filter);
        let sql =
            format!("EXPLAIN QUERY PLAN SELECT record FROM events{clause} ORDER BY event_date");
        let mut stmt = s.conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
    }

    #[test]
    fn filters_by_country_and_date_use_their_indexes() {
        let s = Store::open_in_memory().unwrap();
        let by_country = EventFilter {
            country: Some("syria".into()),
            ..Default::default()
        };
        assert!(
            query_plan(&s, &by_country).contains("INDEX events_country"),
            "{}",
            query_plan(&s, &by_country)
        );
        let by_date = EventFilter {
            from: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
            ..Default::default()
        };
        assert!(
            query_plan(&s, &by_date).contains("INDEX events_date"),
            "{}",
            query_plan(&s, &by_date)
        );
    }

    #[test]
    fn migrations_apply_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    }

    #[test]
    fn storing_twice_does_not_duplicate() {
        let mut s = Store::open_in_memory().unwrap();
        let doc = Document::new("d1", "Clashes in Gao.");
        let run = s.begin_run("extract", &["a.txt".into()]).unwrap();
        let first = s.put_document(run, &doc, &[event("e1", "d1")]).unwrap();
        assert!(first.document_new);
        let run2 = s.begin_run("extract", &["a.txt".into()]).unwrap();
        let second = s.put_document(run2, &doc, &[event("e1", "d1")]).unwrap();
        assert!(!second.document_new);
        assert_eq!(s.count_documents().unwrap(), 1);
        assert_eq!(s.count_events().unwrap(), 1);
        assert_eq!(s.count_runs().unwrap(), 2);
    }

    #[test]
    fn encoded_records_are_what_is_stored_and_a_short_encoding_is_redone() {
        let mut s = Store::open_in_memory().unwrap();
        let run = s.begin_run("extract", &["a.txt".into()]).unwrap();
        let events = [event("e1", "d1"), event("e2", "d1")];
        let encoded = encode_events(&events).unwrap();
        assert_eq!(
            serde_json::from_str::<Event>(&encoded[1].record)
                .unwrap()
                .event_id,
            "e2"
        );
        let doc = Document::new("d1", "Clashes in Gao.");
        s.put_encoded(run, &doc, &events, &encoded, &DocumentExtras::default())
            .unwrap();
        assert_eq!(s.count_events().unwrap(), 2);
        // An encoding that does not cover every event is not trusted.
        let doc2 = Document::new("d2", "Clashes in Mopti.");
        let events2 = [event("e3", "d2"), event("e4", "d2")];
        let outcome = s
            .put_encoded(
                run,
                &doc2,
                &events2,
                &encoded[..1],
                &DocumentExtras::default(),
            )
            .unwrap();
        assert_eq!(outcome.events_stored, 2);
        let ids: Vec<String> = s
            .events()
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        assert_eq!(ids, ["e1", "e2", "e3", "e4"]);
    }

    #[test]
    fn re_extraction_replaces_stale_events() {
        let mut s = Store::open_in_memory().unwrap();
        let doc = Document::new("d1", "text");
        let run = s.begin_run("extract", &[]).unwrap();
        s.put_document(run, &doc, &[event("e1", "d1"), event("e2", "d1")])
            .unwrap();
        s.put_document(run, &doc, &[event("e3", "d1")]).unwrap();
        let ids: Vec<String> = s
            .events()
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        assert_eq!(ids, vec!["e3"]);
    }

    #[test]
    fn events_round_trip_through_json() {
        let mut s = Store::open_in_memory().unwrap();
        let e = event("e1", "d1");
        let run = s.begin_run("extract", &[]).unwrap();
        s.put_document(run, &Document::new("d1", "t"), std::slice::from_ref(&e))
            .unwrap();
        assert_eq!(s.events().unwrap(), vec![e]);
    }

    #[test]
    fn filters_are_parameters_not_sql() {
        let mut s = Store::open_in_memory().unwrap();
        let run = s.begin_run("extract", &[]).unwrap();
        let mut a = event("e1", "d1");
        a.country = Some("Mali".into());
        a.actor1 = Some("Military Forces of Mali".into());
        a.event_date = chrono::NaiveDate::from_ymd_opt(2024, 1, 5);
        a.latitude = Some(16.27);
        a.longitude = Some(-0.04);
        let mut b = event("e2", "d1");
        b.country = Some("Niger".into());
        b.event_date = chrono::NaiveDate::from_ymd_opt(2024, 2, 5);
        s.put_document(run, &Document::new("d1", "t"), &[a, b])
            .unwrap();
        let ids = |f: EventFilter| -> Vec<String> {
            s.query_events(&f)
                .unwrap()
                .into_iter()
                .map(|e| e.event_id)
                .collect()
        };
        assert_eq!(
            ids(EventFilter {
                country: Some("mali".into()),
                ..Default::default()
            }),
            vec!["e1"]
        );
        assert_eq!(
            ids(EventFilter {
                actor: Some("forces of mali".into()),
                ..Default::default()
            }),
            vec!["e1"]
        );
        assert_eq!(
            ids(EventFilter {
                from: chrono::NaiveDate::from_ymd_opt(2024, 2, 1),
                ..Default::default()
            }),
            vec!["e2"]
        );
        assert_eq!(
            ids(EventFilter {
                bbox: Some((-1.0, 15.0, 1.0, 17.0)),
                ..Default::default()
            }),
            vec!["e1"]
        );
        assert_eq!(
            ids(EventFilter {
                limit: Some(1),
                offset: 1,
                ..Default::default()
            }),
            vec!["e2"]
        );
        // an injection attempt is just a country nobody has
        assert!(ids(EventFilter {
            country: Some("x' OR '1'='1".into()),
            ..Default::default()
        })
        .is_empty());
    }

    #[test]
    fn fingerprints_links_and_versions_are_kept() {
        let mut s = Store::open_in_memory().unwrap();
        let run = s.begin_run("extract", &[]).unwrap();
        let a = Document::new("a", "first");
        let b = Document::new("b", "first, lightly edited");
        s.put_document_with(
            run,
            &a,
            &[],
            &DocumentExtras {
                fingerprint: Some(vec![1, 2]),
                duplicate_of: None,
            },
        )
        .unwrap();
        s.put_document_with(
            run,
            &b,
            &[],
            &DocumentExtras {
                fingerprint: Some(vec![1, 3]),
                duplicate_of: Some("a".into()),
            },
        )
        .unwrap();
        assert_eq!(
            s.fingerprints().unwrap(),
            vec![("a".to_string(), vec![1, 2]), ("b".to_string(), vec![1, 3])]
        );
        assert_eq!(s.duplicate_of("b").unwrap().as_deref(), Some("a"));
        assert_eq!(s.duplicate_of("a").unwrap(), None);
        assert!(s
            .stored_versions()
            .unwrap()
            .contains(&("a".to_string(), content_hash("first"))));
    }

    #[test]
    fn two_runs_can_be_compared() {
        let mut s = Store::open_in_memory().unwrap();
        let (d1, d2, d3) = (
            Document::new("d1", "a"),
            Document::new("d2", "b"),
            Document::new("d3", "c"),
        );
        let run1 = s.begin_run("extract", &[]).unwrap();
        s.put_document(run1, &d1, &[event("kept", "d1"), event("dropped", "d1")])
            .unwrap();
        s.put_document(run1, &d2, &[event("edited", "d2")]).unwrap();
        let run2 = s.begin_run("extract", &[]).unwrap();
        let mut edited = event("edited", "d2");
        edited.fatalities = Some(4);
        s.put_document(run2, &d1, &[event("kept", "d1"), event("new", "d1")])
            .unwrap();
        s.put_document(run2, &d2, &[edited]).unwrap();
        s.put_document(run2, &d3, &[event("other", "d3")]).unwrap();
        let diff = s.diff_runs(run1, run2).unwrap();
        assert_eq!(diff.added, vec!["new"]);
        assert_eq!(diff.removed, vec!["dropped"]);
        assert_eq!(diff.changed, vec!["edited"]);
        assert_eq!(diff.unchanged, 1);
        assert_eq!(
            (
                diff.documents_in_both,
                diff.documents_only_in_a,
                diff.documents_only_in_b
            ),
            (2, 0, 1)
        );
        assert_eq!(s.runs().unwrap().len(), 2);
    }

    #[test]
    fn a_run_stored_before_per_document_entries_still_compares() {
        let mut s = Store::open_in_memory().unwrap();
        let d1 = Document::new("d1", "a");
        // Run 1 as an earlier version stored it: a run_documents row
        // without events, and one run_events row per event.
        let run1 = s.begin_run("extract", &[]).unwrap();
        s.put_document(run1, &d1, &[]).unwrap();
        let old = encode_events(&[event("kept", "d1"), event("dropped", "d1")]).unwrap();
        s.conn
            .execute(
                "UPDATE run_documents SET events = NULL WHERE run_id = ?1",
                [run1],
            )
            .unwrap();
        for (id, enc) in ["kept", "dropped"].iter().zip(&old) {
            s.conn
                .execute(
                    "INSERT INTO run_events (run_id, doc_id, event_id, record_hash)
                     VALUES (?1, 'd1', ?2, ?3)",
                    params![run1, id, enc.record_hash],
                )
                .unwrap();
        }
        let run2 = s.begin_run("extract", &[]).unwrap();
        s.put_document(run2, &d1, &[event("kept", "d1"), event("new", "d1")])
            .unwrap();
        let diff = s.diff_runs(run1, run2).unwrap();
        assert_eq!(diff.added, vec!["new"]);
        assert_eq!(diff.removed, vec!["dropped"]);
        assert_eq!((diff.unchanged, diff.documents_in_both), (1, 1));
        let none: i64 = s
            .conn
            .query_row(
                "SELECT COUNT(*) FROM run_events WHERE run_id = ?1",
                [run2],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(none, 0, "new runs keep one row per document, not per event");
    }

    #[test]
    fn a_document_stored_twice_in_one_run_keeps_its_last_events() {
        let mut s = Store::open_in_memory().unwrap();
        let d1 = Document::new("d1", "a");
        let run1 = s.begin_run("extract", &[]).unwrap();
        s.put_document(run1, &d1, &[event("kept", "d1")]).unwrap();
        let run2 = s.begin_run("extract", &[]).unwrap();
        s.put_document(run2, &d1, &[event("first", "d1")]).unwrap();
        s.put_document(run2, &d1, &[event("kept", "d1")]).unwrap();
        let diff = s.diff_runs(run1, run2).unwrap();
        assert!(diff.added.is_empty(), "{:?}", diff.added);
        assert_eq!(diff.unchanged, 1);
    }

    #[test]
    fn a_batch_commits_together() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let mut s = Store::open(&path).unwrap();
        let run = s.begin_run("extract", &[]).unwrap();
        s.begin_batch().unwrap();
        s.put_document(run, &Document::new("d1", "a"), &[event("e1", "d1")])
            .unwrap();
        s.put_document(run, &Document::new("d2", "b"), &[event("e2", "d2")])
            .unwrap();
        // another connection sees nothing before the commit...
        assert_eq!(Store::open(&path).unwrap().count_documents().unwrap(), 0);
        s.commit_batch().unwrap();
        // ...and everything after it
        let other = Store::open(&path).unwrap();
        assert_eq!(other.count_documents().unwrap(), 2);
        assert_eq!(other.count_events().unwrap(), 2);
        // outside a batch each document commits on its own
        s.put_document(run, &Document::new("d3", "c"), &[]).unwrap();
        assert_eq!(Store::open(&path).unwrap().count_documents().unwrap(), 3);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        assert!(matches!(Store::init(conn), Err(StoreError::TooNew { .. })));
    }
    /// Three events over two days, two types, two countries, one document.
    fn read_fixture() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let run = s.begin_run("extract", &[]).unwrap();
        let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 3, d);
        let mut a = event("e1", "d1");
        a.event_date = day(4);
        a.country = Some("Sudan".into());
        a.actor1 = Some("Rapid Support Forces".into());
        a.fatalities = Some(12);
        a.latitude = Some(13.63);
        a.longitude = Some(25.35);
        let mut b = event("e2", "d1");
        b.event_date = day(4);
        b.event_type = Some(EventType::ExplosionsRemoteViolence);
        b.country = Some("Sudan".into());
        b.fatalities = Some(3);
        let mut c = event("e3", "d1");
        c.event_date = day(5);
        c.country = Some("Chad".into());
        let mut doc = Document::new("d1", "Fighting in El Fasher killed 12.");
        doc.title = Some("Fighting in Darfur".into());
        doc.source = Some("Wire".into());
        doc.published = day(5);
        s.put_document(run, &doc, &[a, b, c]).unwrap();
        s
    }

    #[test]
    fn count_matching_events_agrees_with_query_events() {
        let s = read_fixture();
        let filters = [
            EventFilter::default(),
            EventFilter {
                country: Some("sudan".into()),
                ..Default::default()
            },
            EventFilter {
                event_type: Some("Battles".into()),
                from: chrono::NaiveDate::from_ymd_opt(2024, 3, 5),
                ..Default::default()
            },
            EventFilter {
                actor: Some("support".into()),
                ..Default::default()
            },
            EventFilter {
                bbox: Some((20.0, 10.0, 30.0, 15.0)),
                ..Default::default()
            },
            EventFilter {
                country: Some("x' OR '1'='1".into()),
                ..Default::default()
            },
        ];
        let expected = [3, 2, 1, 1, 1, 0];
        for (filter, want) in filters.iter().zip(expected) {
            let rows = s.query_events(filter).unwrap().len();
            assert_eq!(s.count_matching_events(filter).unwrap(), want, "{filter:?}");
            assert_eq!(rows, want, "{filter:?}");
        }
        // limit and offset shape a page; the count is of every match
        let page = EventFilter {
            limit: Some(1),
            offset: 1,
            ..Default::default()
        };
        assert_eq!(s.count_matching_events(&page).unwrap(), 3);
    }

    #[test]
    fn event_records_are_query_events_undecoded() {
        let s = read_fixture();
        let filters = [
            EventFilter::default(),
            EventFilter {
                country: Some("Sudan".into()),
                limit: Some(1),
                offset: 1,
                ..Default::default()
            },
            EventFilter {
                actor: Some("nobody".into()),
                ..Default::default()
            },
        ];
        for filter in &filters {
            let decoded: Vec<Event> = s
                .query_event_records(filter)
                .unwrap()
                .iter()
                .map(|json| serde_json::from_str(json).unwrap())
                .collect();
            assert_eq!(decoded, s.query_events(filter).unwrap(), "{filter:?}");
        }
        assert_eq!(s.query_event_records(&filters[1]).unwrap().len(), 1);
    }

    #[test]
    fn events_with_sub_types_selects_by_parameter() {
        let mut s = read_fixture();
        let run = s.begin_run("extract", &[]).unwrap();
        let mut taken = event("e9", "d9");
        taken.sub_event_type = Some(sitrep_model::SubEventType::GovernmentRegainsTerritory);
        taken.location = Some("Tal Afar".into());
        s.put_document(
            run,
            &Document::new("d9", "Iraqi forces retook Tal Afar."),
            &[taken],
        )
        .unwrap();
        let ids = |types: &[&str]| -> Vec<String> {
            s.events_with_sub_types(types)
                .unwrap()
                .into_iter()
                .map(|e| e.event_id)
                .collect()
        };
        assert_eq!(
            ids(&["Government regains territory", "Armed clash"]),
            vec!["e9"]
        );
        assert!(ids(&["Armed clash"]).is_empty());
        assert!(ids(&[]).is_empty());
        assert!(ids(&["x') OR 1=1 --"]).is_empty());
    }

    #[test]
    fn events_of_document_lists_only_that_document() {
        let mut s = read_fixture();
        let run = s.begin_run("extract", &[]).unwrap();
        s.put_document(
            run,
            &Document::new("d2", "Protest in Kassala."),
            &[event("e7", "d2")],
        )
        .unwrap();
        let ids: Vec<String> = s
            .events_of_document("d1")
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        assert_eq!(ids, vec!["e1", "e2", "e3"]);
        assert_eq!(s.events_of_document("d2").unwrap().len(), 1);
        assert!(s.events_of_document("nope").unwrap().is_empty());
    }

    #[test]
    fn document_ids_containing_any_ignores_case() {
        let mut s = read_fixture();
        let run = s.begin_run("extract", &[]).unwrap();
        s.put_document(
            run,
            &Document::new(
                "d2",
                "Troops killed Boko Haram COMMANDER Abu Musa near Bama.",
            ),
            &[],
        )
        .unwrap();
        assert_eq!(
            s.document_ids_containing_any(&["commander", "emir"])
                .unwrap(),
            vec!["d2"]
        );
        assert_eq!(
            s.document_ids_containing_any(&["fasher", "bama"]).unwrap(),
            vec!["d1", "d2"]
        );
        assert!(s.document_ids_containing_any(&["%"]).unwrap().is_empty());
        assert!(s.document_ids_containing_any(&[]).unwrap().is_empty());
    }

    #[test]
    fn event_by_id_returns_the_stored_record() {
        let s = read_fixture();
        let e = s.event("e1").unwrap().unwrap();
        assert_eq!(e.fatalities, Some(12));
        assert_eq!(e.actor1.as_deref(), Some("Rapid Support Forces"));
        assert!(s.event("nope").unwrap().is_none());
    }

    #[test]
    fn document_by_id_returns_text_and_metadata() {
        let s = read_fixture();
        let d = s.document("d1").unwrap().unwrap();
        assert_eq!(d.text, "Fighting in El Fasher killed 12.");
        assert_eq!(d.title.as_deref(), Some("Fighting in Darfur"));
        assert_eq!(d.source.as_deref(), Some("Wire"));
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
        assert!(s.document("d2").unwrap().is_none());
    }

    #[test]
    fn event_stats_count_by_type_and_day() {
        let s = read_fixture();
        let all = s.event_stats(&EventFilter::default()).unwrap();
        assert_eq!(all.events, 3);
        assert_eq!(all.fatalities, 15);
        let types: Vec<(Option<&str>, usize, u64)> = all
            .by_type
            .iter()
            .map(|c| (c.key.as_deref(), c.events, c.fatalities))
            .collect();
        assert_eq!(
            types,
            vec![
                (Some("Battles"), 2, 12),
                (Some("Explosions/Remote violence"), 1, 3)
            ]
        );
        let days: Vec<(Option<&str>, usize)> = all
            .by_day
            .iter()
            .map(|c| (c.key.as_deref(), c.events))
            .collect();
        assert_eq!(days, vec![(Some("2024-03-04"), 2), (Some("2024-03-05"), 1)]);
        let countries: Vec<(Option<&str>, usize)> = all
            .by_country
            .iter()
            .map(|c| (c.key.as_deref(), c.events))
            .collect();
        assert_eq!(countries, vec![(Some("Sudan"), 2), (Some("Chad"), 1)]);
        let chad = s
            .event_stats(&EventFilter {
                country: Some("Chad".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(chad.events, 1);
        assert_eq!(chad.fatalities, 0);
    }
}
