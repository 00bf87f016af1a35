//! `sitrep watch`: polls feeds (sitrep-watch) and analyses and stores each
//! new item the way `extract` does: the pipeline's events, printed as JSON
//! Lines and stored with the document's near-duplicate fingerprint and
//! link, all under one recorded run.

use anyhow::{Context, Result};
use sitrep_dedup::{fingerprint, Fingerprint, NearDuplicateIndex};
use sitrep_export::EventWriter;
use sitrep_model::Document;
use sitrep_pipeline::Pipeline;
use sitrep_store::{DocumentExtras, Store};
use sitrep_watch::{poll_feed, Client, PollReport, WatchOptions};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Longest a feed (or article) request may take, connection to last byte.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What `sitrep watch` was asked to do.
pub struct WatchRequest<'a> {
    pub db: &'a Path,
    pub feeds: &'a [String],
    pub interval: Duration,
    /// Poll every feed once and exit.
    pub once: bool,
    pub fetch_articles: bool,
}

/// Totals over the whole watch, for the run record.
#[derive(Default)]
struct Totals {
    documents: usize,
    events: usize,
    failures: usize,
}

/// Polls until stopped (Ctrl-C, SIGTERM), or once with `--once`: exit code
/// 0 when every feed was polled, 1 when some could not be (as `extract`
/// exits 1 when some inputs failed).
pub fn run(request: &WatchRequest) -> Result<ExitCode> {
    let mut store = Store::open(request.db)
        .with_context(|| format!("opening database {}", request.db.display()))?;
    let run_id = store.begin_run("watch", request.feeds)?;
    let mut near_duplicates = crate::stored::near_duplicate_index(&store)?;
    let pipeline = Pipeline::new();
    let mut writer = EventWriter::new(sitrep_export::Format::Jsonl, std::io::stdout())?;
    let stop = sitrep_watch::stop_on_signals().context("installing the Ctrl-C handler")?;
    let client = Client::new(REQUEST_TIMEOUT);
    let options = WatchOptions {
        fetch_articles: request.fetch_articles,
    };
    let mut totals = Totals::default();
    let mut feeds_failed;
    loop {
        feeds_failed = 0;
        for url in request.feeds {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let polled = poll_feed(&client, &mut store, url, options, |store, doc| {
                take(
                    &pipeline,
                    &mut near_duplicates,
                    &mut writer,
                    store,
                    run_id,
                    doc,
                )
            });
            match polled {
                Ok(report) => {
                    totals.documents += report.documents;
                    totals.events += report.events;
                    totals.failures += report.failures.len();
                    print_report(&report);
                }
                Err(error) => {
                    feeds_failed += 1;
                    totals.failures += 1;
                    eprintln!("sitrep: {error}");
                }
            }
        }
        // The run's counts stay current while watching, so `sitrep runs`
        // shows them (finished_at is the end of the last poll round).
        store.finish_run(run_id, totals.documents, totals.events, totals.failures)?;
        if request.once || sitrep_watch::sleep_unless_stopped(request.interval, &stop) {
            break;
        }
    }
    writer.finish()?;
    eprintln!(
        "sitrep: watch: {} documents, {} events, {} failed",
        totals.documents, totals.events, totals.failures
    );
    Ok(if request.once && feeds_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One new item's document: analysed, linked to an earlier near-duplicate,
/// printed and stored (the same calls `extract` makes per document).
fn take(
    pipeline: &Pipeline,
    near_duplicates: &mut NearDuplicateIndex,
    writer: &mut EventWriter<std::io::Stdout>,
    store: &mut Store,
    run_id: i64,
    doc: &Document,
) -> Result<usize> {
    let analysis = pipeline.analyse(doc);
    let fp = fingerprint(&doc.text);
    let duplicate_of = fp
        .as_ref()
        .and_then(|fp| near_duplicates.check_and_insert(fp.clone(), &doc.id));
    let mut events = analysis.events;
    if let Some(original) = &duplicate_of {
        for event in &mut events {
            event.caveats.push(sitrep_dedup::caveat(original));
        }
    }
    writer.write(&events)?;
    let extras = DocumentExtras {
        fingerprint: fp.as_ref().map(Fingerprint::to_bytes),
        duplicate_of,
    };
    store
        .put_document_with(run_id, doc, &events, &extras)
        .with_context(|| format!("storing {}", doc.origin))?;
    Ok(events.len())
}

fn print_report(report: &PollReport) {
    for warning in &report.warnings {
        eprintln!("sitrep: {warning}");
    }
    for failure in &report.failures {
        eprintln!("sitrep: {failure}");
    }
    if report.not_modified {
        eprintln!("sitrep: {}: not modified", report.url);
    } else {
        let updated = match report.updated {
            0 => String::new(),
            n => format!(" ({n} of them edited items read again)"),
        };
        eprintln!(
            "sitrep: {}: {} items, {} new documents{updated}, {} events",
            report.url, report.items, report.documents, report.events
        );
    }
}
