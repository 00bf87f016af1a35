//! Batch driver: reads every input, analyses documents in parallel, and hands
//! results, in input order, to a sink (stdout writer, database). A bad input
//! is reported on stderr with its origin and reason and never stops the batch.

use crate::output::{EventWriter, PlacesWriter};
use crate::EventFormat;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sitrep_ingest::{expand_inputs, read_source, Failure, IngestOptions};
use sitrep_model::Document;
use sitrep_pipeline::{DocPlaces, Pipeline};
use sitrep_store::Store;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Documents analysed together; bounds memory while keeping cores busy.
const CHUNK: usize = 512;

#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub documents: usize,
    pub events: usize,
    pub failures: usize,
}

impl Summary {
    pub fn exit_code(&self) -> ExitCode {
        if self.failures > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// `sitrep extract`: events to stdout, and to the database unless `db` is None.
pub fn extract(
    inputs: &[PathBuf],
    opts: &IngestOptions,
    format: EventFormat,
    db: Option<&Path>,
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
    let stdout = std::io::stdout();
    let mut writer = EventWriter::new(format, stdout.lock())?;
    let summary = drive(
        inputs,
        opts,
        |doc| pipeline.analyse(doc).events,
        |doc, events| {
            writer.write(events)?;
            if let (Some(store), Some(run)) = (store.as_mut(), run_id) {
                store
                    .put_document(run, doc, events)
                    .with_context(|| format!("storing {}", doc.origin))?;
            }
            Ok(events.len())
        },
    )?;
    writer.finish()?;
    if let (Some(store), Some(run)) = (&store, run_id) {
        store.finish_run(run, summary.documents, summary.events, summary.failures)?;
    }
    Ok(summary)
}

/// `sitrep places`: one line per document.
pub fn places(inputs: &[PathBuf], opts: &IngestOptions) -> Result<Summary> {
    let pipeline = Pipeline::new();
    let stdout = std::io::stdout();
    let mut writer = PlacesWriter::new(stdout.lock());
    drive(
        inputs,
        opts,
        |doc| pipeline.places(doc),
        |doc, mentions| {
            writer.write(&DocPlaces::new(doc, mentions))?;
            Ok(0)
        },
    )
}

/// Reads all inputs in order; `analyse` runs in parallel over chunks of
/// documents, `sink` sees the results in input order and returns how many
/// events it took.
pub fn drive<T, A, S>(
    inputs: &[PathBuf],
    opts: &IngestOptions,
    analyse: A,
    mut sink: S,
) -> Result<Summary>
where
    T: Send,
    A: Fn(&Document) -> T + Sync,
    S: FnMut(&Document, &T) -> Result<usize>,
{
    let mut summary = Summary::default();
    let progress = progress_bar();
    let (sources, failures) = expand_inputs(inputs);
    for failure in failures {
        report(&progress, &failure, &mut summary);
    }
    let mut chunk: Vec<Document> = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<Document>, summary: &mut Summary| -> Result<()> {
        let results: Vec<T> = chunk.par_iter().map(&analyse).collect();
        for (doc, result) in chunk.iter().zip(results.iter()) {
            summary.events += sink(doc, result)?;
            summary.documents += 1;
        }
        progress.inc(chunk.len() as u64);
        chunk.clear();
        Ok(())
    };
    for source in &sources {
        for item in read_source(source, opts) {
            match item {
                Ok(doc) => {
                    chunk.push(doc);
                    if chunk.len() == CHUNK {
                        flush(&mut chunk, &mut summary)?;
                    }
                }
                Err(failure) => report(&progress, &failure, &mut summary),
            }
        }
    }
    flush(&mut chunk, &mut summary)?;
    progress.finish_and_clear();
    if summary.failures > 0 {
        eprintln!(
            "sitrep: {} document(s) processed, {} input(s) failed",
            summary.documents, summary.failures
        );
    }
    Ok(summary)
}

fn report(progress: &ProgressBar, failure: &Failure, summary: &mut Summary) {
    summary.failures += 1;
    progress.suspend(|| eprintln!("sitrep: {failure}"));
}

/// A spinner with document count and rate, drawn only when stderr is a terminal.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}
