//! Ingestion: turns what users have (files, directories, stdin; plain text,
//! HTML, JSONL batches) into [`Document`]s, and every input that cannot be
//! read into a [`Failure`] naming the input and the reason.

use chrono::NaiveDate;
use sitrep_model::Document;
use std::path::PathBuf;

/// Why an input (or one record of it) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("empty input")]
    Empty,
}

/// An input or record that failed, with where it came from (`path`,
/// `path:line`) so the user can find it.
#[derive(Debug)]
pub struct Failure {
    pub origin: String,
    pub error: IngestError,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.error)
    }
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// Settings that apply to every document read.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Publication date for documents that carry none.
    pub published: Option<NaiveDate>,
    /// Source name for documents that carry none.
    pub source: Option<String>,
}

/// Expands the command line's inputs: files as given, directories
/// recursively (sorted, so runs are reproducible), `-` as stdin.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Failure>) {
    let sources = inputs
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Source::Stdin
            } else {
                Source::File(p.clone())
            }
        })
        .collect();
    (sources, Vec::new())
}

/// Reads one source, yielding its documents and per-record failures.
pub fn read_source(
    _source: &Source,
    _opts: &IngestOptions,
) -> Box<dyn Iterator<Item = Result<Document, Failure>> + Send> {
    Box::new(std::iter::empty())
}

/// Reads in-memory content as if it were a file called `name` (the
/// extension picks the format). Used for embedded examples and tests.
pub fn read_bytes(
    _name: &str,
    _bytes: &[u8],
    _opts: &IngestOptions,
) -> Vec<Result<Document, Failure>> {
    Vec::new()
}
