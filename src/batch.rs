//! Batch driver: reads every input, analyses documents in parallel, and hands
//! results, in input order, to a sink (stdout writer, database). A bad input
//! is reported on stderr with its origin and reason and never stops the batch.

use crate::EventFormat;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sitrep_dedup::{fingerprint, Fingerprint, NearDuplicateIndex};
use sitrep_export::{EventWriter, JsonLines};
use sitrep_ingest::{
    expand_inputs, read_source_raw, Failure, IngestOptions, RawRecord, DEFAULT_MAX_DOCUMENT_BYTES,
};
use sitrep_model::Document;
use sitrep_pipeline::{Analysis, DocPlaces, Pipeline};
use sitrep_store::{content_hash, encode_events, DocumentExtras, EncodedEvent, Store};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Records parsed and analysed together: enough to keep every core busy,
/// few enough to bound memory (a chunk is at most CHUNK records or
/// CHUNK_BYTES of raw input plus one record; three chunks at most are in
/// flight, see `drive`).
const CHUNK: usize = 512;
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// Documents stored per database commit: one commit per document spent more
/// time in the database than in analysis; a crash loses at most this many
/// (and `--resume` redoes them).
const COMMIT_EVERY: usize = 512;

#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub documents: usize,
    pub events: usize,
    pub failures: usize,
    /// Records that are not articles (WARC requests, redirects...), by reason.
    pub skipped: std::collections::BTreeMap<&'static str, usize>,
    /// Documents read but not coded because they are not in English, by
    /// ISO 639-3 language code.
    pub uncoded_languages: std::collections::BTreeMap<&'static str, usize>,
    /// Documents found to be near-duplicates of an earlier one (linked).
    pub near_duplicates: usize,
    /// Documents skipped because an earlier run stored them (`--resume`).
    pub already_stored: usize,
}

impl Summary {
    /// "12 documents, 30 events, 1 failed; skipped 7 records (4 redirect, 3 not HTML)"
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} documents, {} events, {} failed",
            self.documents, self.events, self.failures
        );
        let skipped: usize = self.skipped.values().sum();
        if self.near_duplicates > 0 {
            line.push_str(&format!(
                "; {} near-duplicates linked",
                self.near_duplicates
            ));
        }
        if self.already_stored > 0 {
            line.push_str(&format!("; {} already stored", self.already_stored));
        }
        let uncoded: usize = self.uncoded_languages.values().sum();
        if uncoded > 0 {
            let langs: Vec<String> = self
                .uncoded_languages
                .iter()
                .map(|(l, n)| format!("{n} {l}"))
                .collect();
            line.push_str(&format!(
                "; {uncoded} not coded: not English ({})",
                langs.join(", ")
            ));
        }
        if skipped > 0 {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(r, n)| format!("{n} {r}"))
                .collect();
            line.push_str(&format!(
                "; skipped {skipped} records ({})",
                reasons.join(", ")
            ));
        }
        line
    }

    pub fn exit_code(&self) -> ExitCode {
        if self.failures > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// How `extract` treats documents it has seen before.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractMode {
    /// Skip documents already stored with the same id and content (resume
    /// an interrupted run); by default they are analysed again and their
    /// events replaced.
    pub resume: bool,
    /// Hand documents to the sink as they finish rather than in input
    /// order (see [`Order`]).
    pub order: Order,
}

/// The order results reach the sink (stdout, database).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Input order: output lines follow the input, run after run.
    #[default]
    Input,
    /// As each document finishes: no document waits for a slower one
    /// earlier in its chunk, so storage starts sooner; output order varies
    /// between runs (event ids and stored content do not).
    Completion,
}

/// What one document came to in `extract`.
enum Outcome {
    Analysed(Box<Analysed>),
    /// Stored by an earlier run with the same content (`--resume`).
    AlreadyStored,
}

/// A document's analysis, with what the storing thread needs made ready on
/// the worker threads: the fingerprint and the events' JSON records (which
/// go both to the database and to JSON Lines output).
struct Analysed {
    analysis: Analysis,
    fingerprint: Option<Fingerprint>,
    /// Empty when nothing needs JSON (CSV output, no database).
    encoded: Vec<EncodedEvent>,
}

/// `sitrep extract`: events to stdout, and to the database unless `db` is None.
pub fn extract(
    inputs: &[PathBuf],
    opts: &IngestOptions,
    format: EventFormat,
    db: Option<&Path>,
    mode: ExtractMode,
) -> Result<Summary> {
    let pipeline = Pipeline::new();
    let mut store = match db {
        Some(path) => Some(
            Store::open(path).with_context(|| format!("opening database {}", path.display()))?,
        ),
        None => None,
    };
    let input_names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let run_id = match &store {
        Some(s) => Some(s.begin_run("extract", &input_names)?),
        None => None,
    };
    // Earlier runs' documents: for near-duplicates across runs, and resume.
    let mut near_duplicates = NearDuplicateIndex::new();
    let mut stored = std::collections::HashSet::new();
    if let Some(s) = &store {
        near_duplicates = crate::stored::near_duplicate_index(s)?;
        if mode.resume {
            stored = s.stored_versions()?;
        }
    }
    let needs_json = store.is_some() || format == EventFormat::Jsonl;
    let mut writer = EventWriter::new(format.into(), crate::event_sink(format, None)?)?;
    let mut tally = Summary::default();
    let mut stored_in_batch = 0usize;
    let mut summary = drive(
        inputs,
        opts,
        mode.order,
        |doc| {
            if !stored.is_empty() && stored.contains(&(doc.id.clone(), content_hash(&doc.text))) {
                return Outcome::AlreadyStored;
            }
            let analysis = pipeline.analyse(doc);
            let encoded = if needs_json {
                // An event that cannot be encoded is an internal bug, not
                // bad input; the storing thread encodes again and reports it.
                encode_events(&analysis.events).unwrap_or_default()
            } else {
                Vec::new()
            };
            Outcome::Analysed(Box::new(Analysed {
                fingerprint: fingerprint(&doc.text),
                analysis,
                encoded,
            }))
        },
        |doc, outcome| {
            let Outcome::Analysed(analysed) = outcome else {
                tally.already_stored += 1;
                return Ok(0);
            };
            let Analysed {
                analysis,
                fingerprint: fp,
                encoded,
            } = analysed.as_ref();
            if let Some(language) = analysis.uncoded_language {
                *tally.uncoded_languages.entry(language).or_default() += 1;
            }
            let duplicate_of = fp
                .as_ref()
                .and_then(|fp| near_duplicates.check_and_insert(fp.clone(), &doc.id));
            let mut events = std::borrow::Cow::Borrowed(&analysis.events);
            let mut encoded = std::borrow::Cow::Borrowed(encoded);
            if let Some(original) = &duplicate_of {
                tally.near_duplicates += 1;
                // Kept, not dropped: fusion merges them with the original's
                // events, and the link says why they agree.
                for event in events.to_mut() {
                    event.caveats.push(sitrep_dedup::caveat(original));
                }
            }
            if needs_json && (duplicate_of.is_some() || encoded.len() != events.len()) {
                encoded = std::borrow::Cow::Owned(
                    encode_events(&events)
                        .with_context(|| format!("encoding events of {}", doc.origin))?,
                );
            }
            writer.write_encoded(&events, &encoded)?;
            if let (Some(store), Some(run)) = (store.as_mut(), run_id) {
                let extras = DocumentExtras {
                    fingerprint: fp.as_ref().map(Fingerprint::to_bytes),
                    duplicate_of,
                };
                if stored_in_batch == 0 {
                    store.begin_batch()?;
                }
                store
                    .put_encoded(run, doc, &events, &encoded, &extras)
                    .with_context(|| format!("storing {}", doc.origin))?;
                stored_in_batch += 1;
                if stored_in_batch == COMMIT_EVERY {
                    store.commit_batch()?;
                    stored_in_batch = 0;
                }
            }
            Ok(events.len())
        },
    )?;
    writer.finish()?;
    if let Some(store) = &store {
        store.commit_batch()?;
    }
    summary.uncoded_languages = tally.uncoded_languages;
    summary.near_duplicates = tally.near_duplicates;
    summary.already_stored = tally.already_stored;
    eprintln!("sitrep: {}", summary.line());
    if let (Some(store), Some(run)) = (&store, run_id) {
        store.finish_run(run, summary.documents, summary.events, summary.failures)?;
    }
    Ok(summary)
}

/// `sitrep places`: one line per document.
pub fn places(inputs: &[PathBuf], opts: &IngestOptions) -> Result<Summary> {
    let pipeline = Pipeline::new();
    let stdout = std::io::stdout();
    let mut writer = JsonLines::new(std::io::BufWriter::new(stdout.lock()));
    let summary = drive(
        inputs,
        opts,
        Order::Input,
        |doc| pipeline.places(doc),
        |doc, mentions| {
            writer.write(&DocPlaces::new(doc, mentions))?;
            Ok(0)
        },
    )?;
    writer.finish()?;
    eprintln!("sitrep: {}", summary.line());
    Ok(summary)
}

/// One record's outcome, in input order.
enum Item<T> {
    Analysed(Document, T),
    Failed(Failure),
    /// Not an article (a WARC request, a redirect...), counted by reason.
    Skipped(&'static str),
}

/// Reads all inputs in order; parsing and `analyse` run in parallel over
/// chunks of records on a producer thread, while this thread hands the
/// previous chunk to `sink` (so storage overlaps analysis). `sink` sees the
/// results in input order (or, with [`Order::Completion`], as they finish)
/// and returns how many events it took. The channel holds one chunk's
/// worth: at most three chunks are in memory at once.
pub fn drive<T, A, S>(
    inputs: &[PathBuf],
    opts: &IngestOptions,
    order: Order,
    analyse: A,
    mut sink: S,
) -> Result<Summary>
where
    T: Send,
    A: Fn(&Document) -> T + Sync,
    S: FnMut(&Document, &T) -> Result<usize>,
{
    let mut summary = Summary::default();
    let (sources, failures) = expand_inputs(inputs);
    let progress = progress_bar(input_bytes(&sources));
    for failure in failures {
        report(&progress, &failure, &mut summary);
    }
    std::thread::scope(|scope| -> Result<()> {
        let capacity = match order {
            Order::Input => 1,
            Order::Completion => CHUNK,
        };
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<T>>(capacity);
        let analyse = &analyse;
        scope.spawn(move || produce(&sources, opts, order, analyse, tx));
        // Leaving this loop early (a sink error) drops `rx`; the producer's
        // next send fails and it stops.
        for batch in rx {
            for item in batch.items {
                match item {
                    Item::Analysed(doc, analysis) => {
                        summary.events += sink(&doc, &analysis)?;
                        summary.documents += 1;
                    }
                    Item::Failed(failure) => report(&progress, &failure, &mut summary),
                    Item::Skipped(reason) => *summary.skipped.entry(reason).or_default() += 1,
                }
            }
            progress.inc(batch.input_bytes);
            if !progress.is_hidden() {
                let seconds = progress.elapsed().as_secs_f64().max(1e-3);
                progress.set_message(format!(
                    "{} documents ({:.0}/s)",
                    summary.documents,
                    summary.documents as f64 / seconds
                ));
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    Ok(summary)
}

/// Results on their way to the sink, with the raw input bytes they came
/// from (for progress).
struct Batch<T> {
    items: Vec<Item<T>>,
    input_bytes: u64,
}

/// The producer: reads records in order, analyses each full chunk in
/// parallel, sends the outcomes (in order, or one by one as they finish).
/// Stops when the receiver is gone.
fn produce<T, A>(
    sources: &[sitrep_ingest::Source],
    opts: &IngestOptions,
    order: Order,
    analyse: &A,
    tx: std::sync::mpsc::SyncSender<Batch<T>>,
) where
    T: Send,
    A: Fn(&Document) -> T + Sync,
{
    let one = |record: Result<RawRecord, Failure>| -> Item<T> {
        match record {
            Err(failure) => Item::Failed(failure),
            Ok(raw) => match raw.skip_reason() {
                Some(reason) => Item::Skipped(reason),
                None => match raw.parse(opts) {
                    Ok(doc) => {
                        let analysis = analyse(&doc);
                        Item::Analysed(doc, analysis)
                    }
                    Err(failure) => Item::Failed(failure),
                },
            },
        }
    };
    // Returns false once the receiver has gone.
    let send_chunk = |chunk: Vec<Result<RawRecord, Failure>>, bytes: u64| -> bool {
        match order {
            Order::Input => tx
                .send(Batch {
                    items: chunk.into_par_iter().map(one).collect(),
                    input_bytes: bytes,
                })
                .is_ok(),
            Order::Completion => {
                let sizes: Vec<u64> = chunk.iter().map(record_bytes).collect();
                chunk
                    .into_par_iter()
                    .zip(sizes)
                    .try_for_each_with(tx.clone(), |tx, (record, input_bytes)| {
                        let items = vec![one(record)];
                        tx.send(Batch { items, input_bytes })
                    })
                    .is_ok()
            }
        }
    };
    let mut chunk: Vec<Result<RawRecord, Failure>> = Vec::with_capacity(CHUNK);
    let mut chunk_bytes = 0u64;
    for source in sources {
        for record in read_source_raw(source, DEFAULT_MAX_DOCUMENT_BYTES) {
            chunk_bytes += record_bytes(&record);
            chunk.push(record);
            if chunk.len() == CHUNK || chunk_bytes >= CHUNK_BYTES as u64 {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                if !send_chunk(full, std::mem::take(&mut chunk_bytes)) {
                    return;
                }
            }
        }
    }
    if !chunk.is_empty() {
        send_chunk(chunk, chunk_bytes);
    }
}

fn record_bytes(record: &Result<RawRecord, Failure>) -> u64 {
    record.as_ref().map_or(0, |r| r.len_bytes() as u64)
}

/// Total size of the inputs when it is known in the units progress counts
/// (raw record bytes): all regular, uncompressed files. Stdin and gzip
/// inputs (whose records are counted decompressed) give None.
fn input_bytes(sources: &[sitrep_ingest::Source]) -> Option<u64> {
    sources.iter().try_fold(0u64, |total, source| match source {
        sitrep_ingest::Source::File(path) if !is_gzip(path) => {
            Some(total + std::fs::metadata(path).ok()?.len())
        }
        _ => None,
    })
}

fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

fn report(progress: &ProgressBar, failure: &Failure, summary: &mut Summary) {
    summary.failures += 1;
    progress.suspend(|| eprintln!("sitrep: {failure}"));
}

/// Progress on stderr when it is a terminal: a bar with throughput and ETA
/// when the input size is known, else a spinner with the rate.
fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total_bytes {
        Some(total) => (
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
            "{bar:30} {percent}% {msg} {binary_bytes_per_sec} {elapsed} ETA {eta}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {msg} {binary_bytes_per_sec} {elapsed}",
        ),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
