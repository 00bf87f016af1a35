//! Ingestion: turns what users have (files, directories, stdin; plain text,
//! HTML, JSONL batches) into [`Document`]s, and every input that cannot be
//! read into a [`Failure`] naming the input and the reason.
//!
//! Formats go by extension: `.txt` plain text, `.html`/`.htm` a web page
//! (main content only), `.jsonl` a batch with one document per line,
//! `.rss`/`.atom`/`.xml` a feed with one document per item. Stdin is
//! sniffed. JSONL is streamed line by line; other inputs are read whole, up
//! to a per-document limit ([`DEFAULT_MAX_DOCUMENT_BYTES`]).

mod date;
pub mod feed;
pub mod html;
mod jsonl;
mod text;
mod warc;

pub use date::parse_date;

use chrono::NaiveDate;
use sitrep_model::Document;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Largest document read (a whole file, or one JSONL line): 32 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// Why an input (or one record of it) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read: {}", io_reason(.0))]
    Io(#[from] std::io::Error),
    #[error("empty input")]
    Empty,
    #[error("binary content (NUL or control bytes), not text")]
    Binary,
    #[error("invalid UTF-8 at byte {byte}")]
    InvalidUtf8 { byte: usize },
    #[error("invalid {0} text")]
    InvalidEncoding(&'static str),
    #[error("too large ({} MB > {} MB limit)", megabytes(*.bytes), megabytes(*.limit))]
    TooLarge { bytes: usize, limit: usize },
    #[error("HTML has no extractable text")]
    NoHtmlText,
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not a valid record: {0}")]
    InvalidRecord(String),
    #[error("record has neither \"text\" nor \"html\"")]
    NoTextField,
    #[error("invalid published date {0:?}")]
    InvalidDate(String),
    #[error("unknown file type and not UTF-8 text ({0})")]
    UnknownFormat(String),
    #[error("no .txt, .html, .htm, .jsonl or .warc(.gz) files in directory")]
    EmptyDirectory,
    #[error("not an RSS or Atom feed: {0}")]
    NotAFeed(String),
    #[error("malformed feed: {0}")]
    MalformedFeed(String),
    #[error("feed has no items")]
    EmptyFeed,
    #[error("feed item has no text (no content, description or summary)")]
    NoItemText,
    #[error("skipped: {0}")]
    Skipped(&'static str),
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Whole megabytes, rounded up so "32.5 MB" never prints as "32 MB > 32 MB".
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1024 * 1024)
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

/// The formats ingestion reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    /// A web archive, `.warc` or `.warc.gz`.
    Warc,
    /// An RSS or Atom feed: `.rss`, `.atom`, or `.xml` whose root is a feed.
    Feed,
}

impl Format {
    /// The format an extension names; None for extensions sitrep does not know.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "gz" {
            let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
            return stem.ends_with(".warc").then_some(Format::Warc);
        }
        match ext.as_str() {
            "warc" => Some(Format::Warc),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Stdin's format from its first bytes: JSONL if the first non-space
    /// byte is `{`, HTML if it looks like markup, else text.
    pub fn sniff(head: &[u8]) -> Format {
        if head.starts_with(b"WARC/") || head.starts_with(&[0x1f, 0x8b]) {
            return Format::Warc;
        }
        if feed::looks_like_feed(head) {
            return Format::Feed;
        }
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            _ if html::looks_like_html(head) => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Expands the command line's inputs: files as given, directories
/// recursively (sorted, so runs are reproducible; hidden entries and files
/// of unknown type skipped), `-` as stdin. Missing paths and directories
/// with nothing to read are failures.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Failure>) {
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let failure = |error| Failure {
            origin: input.display().to_string(),
            error,
        };
        match std::fs::metadata(input) {
            Err(e) => failures.push(failure(IngestError::Io(e))),
            Ok(meta) if meta.is_dir() => {
                let before = sources.len();
                walk_directory(input, &mut sources, &mut failures);
                if sources.len() == before {
                    failures.push(failure(IngestError::EmptyDirectory));
                }
            }
            Ok(_) => sources.push(Source::File(input.clone())),
        }
    }
    (sources, failures)
}

/// Depth-first, sorted by name. Symlinked directories are not followed, so
/// a link loop cannot make the walk endless.
fn walk_directory(dir: &Path, sources: &mut Vec<Source>, failures: &mut Vec<Failure>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            failures.push(Failure {
                origin: dir.display().to_string(),
                error: IngestError::Io(e),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(link_meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if link_meta.is_dir() {
            walk_directory(&path, sources, failures);
        } else if Format::from_path(&path).is_some()
            && std::fs::metadata(&path).is_ok_and(|m| m.is_file())
            && (!is_xml(&path) || xml_file_is_feed(&path))
        {
            sources.push(Source::File(path));
        }
    }
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// In a directory, `.xml` files are taken only when they are feeds (a
/// sitemap or a config file is not an input); named on the command line,
/// a non-feed `.xml` is reported instead.
fn xml_file_is_feed(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| feed::looks_like_feed(&head[..n]))
}

type Documents = Box<dyn Iterator<Item = Result<Document, Failure>> + Send>;

/// Records read from a source, not yet parsed.
pub type RawRecords = Box<dyn Iterator<Item = Result<RawRecord, Failure>> + Send>;

/// A record read from a source but not yet parsed. Reading is the cheap,
/// sequential part of ingestion; parsing (JSON, charset, HTML main content)
/// is the expensive part, so the batch driver runs [`RawRecord::parse`] in
/// parallel while one thread reads.
#[derive(Debug)]
pub struct RawRecord {
    origin: String,
    body: RawBody,
}

#[derive(Debug)]
enum RawBody {
    /// One line of a JSONL batch.
    JsonlLine(Vec<u8>),
    /// A whole file (or stdin) holding one document.
    Whole {
        bytes: Vec<u8>,
        format: Option<Format>,
        id_stem: String,
    },
    /// An HTML page from a web archive, with what the archive says of it.
    Web {
        bytes: Vec<u8>,
        charset: Option<String>,
        url: Option<String>,
        id: Option<String>,
    },
    /// One item of a feed, with the feed's title.
    FeedItem {
        item: Box<feed::FeedItem>,
        feed_title: Option<String>,
    },
    /// A record that is not an article (WARC request, redirect, image...).
    Skipped(&'static str),
}

impl RawRecord {
    pub(crate) fn skipped(origin: String, reason: &'static str) -> Self {
        RawRecord {
            origin,
            body: RawBody::Skipped(reason),
        }
    }

    pub(crate) fn web_page(
        origin: String,
        bytes: Vec<u8>,
        charset: Option<String>,
        url: Option<String>,
        id: Option<String>,
    ) -> Self {
        RawRecord {
            origin,
            body: RawBody::Web {
                bytes,
                charset,
                url,
                id,
            },
        }
    }

    /// Why this record is not an article, for records that are skipped
    /// (counted, not reported as failures).
    pub fn skip_reason(&self) -> Option<&'static str> {
        match self.body {
            RawBody::Skipped(reason) => Some(reason),
            _ => None,
        }
    }

    pub(crate) fn jsonl_line(origin: String, line: Vec<u8>) -> Self {
        RawRecord {
            origin,
            body: RawBody::JsonlLine(line),
        }
    }

    /// Size of the unparsed record, for bounding memory in batches.
    pub fn len_bytes(&self) -> usize {
        match &self.body {
            RawBody::JsonlLine(line) => line.len(),
            RawBody::Whole { bytes, .. } | RawBody::Web { bytes, .. } => bytes.len(),
            RawBody::FeedItem { item, .. } => [&item.content, &item.summary]
                .into_iter()
                .flatten()
                .map(|b| b.content.len())
                .sum(),
            RawBody::Skipped(_) => 0,
        }
    }

    /// Where the record came from (`path`, `path:line`, `-`).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The document, or a failure naming the record and the reason.
    pub fn parse(self, opts: &IngestOptions) -> Result<Document, Failure> {
        let RawRecord { origin, body } = self;
        let parsed = match &body {
            RawBody::JsonlLine(line) => jsonl::parse_line(line, &origin, opts),
            RawBody::Whole {
                bytes,
                format,
                id_stem,
            } => document_from_bytes(bytes, *format, id_stem, &origin, opts),
            RawBody::Web {
                bytes,
                charset,
                url,
                id,
            } => web_document(bytes, charset.as_deref(), url, id, &origin, opts),
            RawBody::FeedItem { item, feed_title } => {
                item.to_document(feed_title.as_deref(), &origin, opts)
            }
            RawBody::Skipped(reason) => Err(IngestError::Skipped(reason)),
        };
        parsed.map_err(|error| Failure { origin, error })
    }
}

/// Reads one source, yielding its documents and per-record failures.
pub fn read_source(source: &Source, opts: &IngestOptions) -> Documents {
    read_source_with_limit(source, opts, DEFAULT_MAX_DOCUMENT_BYTES)
}

/// [`read_source`] with a per-document size limit other than the default.
pub fn read_source_with_limit(
    source: &Source,
    opts: &IngestOptions,
    max_bytes: usize,
) -> Documents {
    let opts = opts.clone();
    Box::new(read_source_raw(source, max_bytes).map(move |raw| raw.and_then(|r| r.parse(&opts))))
}

/// Reads one source into unparsed records (see [`RawRecord`]).
pub fn read_source_raw(source: &Source, max_bytes: usize) -> RawRecords {
    match source {
        Source::Stdin => read_stream("-", BufReader::new(std::io::stdin()), None, max_bytes),
        Source::File(path) => read_file(path, max_bytes),
    }
}

fn read_file(path: &Path, max_bytes: usize) -> RawRecords {
    let origin = path.display().to_string();
    let fail = |error| -> RawRecords {
        Box::new(std::iter::once(Err(Failure {
            origin: origin.clone(),
            error,
        })))
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(IngestError::Io(e)),
    };
    let format = Format::from_path(path);
    if !matches!(format, Some(Format::Jsonl | Format::Warc)) {
        // Refuse before reading when the size is known to be over the limit.
        if let Ok(meta) = file.metadata() {
            if meta.len() > max_bytes as u64 {
                let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
                return fail(IngestError::TooLarge {
                    bytes,
                    limit: max_bytes,
                });
            }
        }
    }
    read_stream(&origin, BufReader::new(file), Some(format), max_bytes)
}

/// Reads a stream of known (`Some(Some(format))`), unknown (`Some(None)`:
/// an explicitly named file with an unfamiliar extension) or unnamed
/// (`None`: stdin, sniffed) format.
fn read_stream<R: BufRead + Send + 'static>(
    origin: &str,
    mut reader: R,
    format: Option<Option<Format>>,
    max_bytes: usize,
) -> RawRecords {
    let format = match format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Some(Format::sniff(head)),
            Err(e) => return failed(origin, IngestError::Io(e)),
        },
    };
    if format == Some(Format::Warc) {
        return warc_records(origin, reader, max_bytes);
    }
    if format == Some(Format::Jsonl) {
        return Box::new(jsonl::JsonlReader::new(
            reader,
            origin.to_string(),
            max_bytes,
        ));
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .by_ref()
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
    {
        return failed(origin, IngestError::Io(e));
    }
    if bytes.len() > max_bytes {
        // Count the rest without keeping it, so the message gives the size.
        let rest = std::io::copy(&mut reader, &mut std::io::sink()).unwrap_or(0);
        let bytes = bytes
            .len()
            .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
        return failed(
            origin,
            IngestError::TooLarge {
                bytes,
                limit: max_bytes,
            },
        );
    }
    if format == Some(Format::Feed) {
        return feed::feed_records(origin, &bytes);
    }
    let id_stem = if origin == "-" {
        "stdin".to_string()
    } else {
        stem_of(origin)
    };
    Box::new(std::iter::once(Ok(RawRecord {
        origin: origin.to_string(),
        body: RawBody::Whole {
            bytes,
            format,
            id_stem,
        },
    })))
}

/// A WARC stream, gzip-compressed (one member per record, or one for the
/// whole file) or not, told apart by the gzip magic bytes.
fn warc_records<R: BufRead + Send + 'static>(
    origin: &str,
    mut reader: R,
    max_bytes: usize,
) -> RawRecords {
    let gzipped = match reader.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return failed(origin, IngestError::Io(e)),
    };
    if gzipped {
        let decoder = BufReader::new(flate2::read::MultiGzDecoder::new(reader));
        Box::new(warc::WarcReader::new(
            decoder,
            origin.to_string(),
            max_bytes,
        ))
    } else {
        Box::new(warc::WarcReader::new(reader, origin.to_string(), max_bytes))
    }
}

fn failed(origin: &str, error: IngestError) -> RawRecords {
    Box::new(std::iter::once(Err(Failure {
        origin: origin.to_string(),
        error,
    })))
}

/// Reads in-memory content as if it were a file called `name` (the
/// extension picks the format; `-` sniffs like stdin). Used for embedded
/// examples and tests.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Vec<Result<Document, Failure>> {
    let format = if name == "-" {
        Some(Format::sniff(bytes))
    } else {
        Format::from_path(Path::new(name))
    };
    if format == Some(Format::Warc) {
        let owned = std::io::Cursor::new(bytes.to_vec());
        return warc_records(name, owned, DEFAULT_MAX_DOCUMENT_BYTES)
            .filter(|raw| !matches!(raw, Ok(r) if r.skip_reason().is_some()))
            .map(|raw| raw.and_then(|r| r.parse(opts)))
            .collect();
    }
    if bytes.len() > DEFAULT_MAX_DOCUMENT_BYTES && format != Some(Format::Jsonl) {
        let error = IngestError::TooLarge {
            bytes: bytes.len(),
            limit: DEFAULT_MAX_DOCUMENT_BYTES,
        };
        return vec![Err(Failure {
            origin: name.to_string(),
            error,
        })];
    }
    if format == Some(Format::Jsonl) {
        let reader = jsonl::JsonlReader::new(bytes, name.to_string(), DEFAULT_MAX_DOCUMENT_BYTES);
        return reader.map(|raw| raw.and_then(|r| r.parse(opts))).collect();
    }
    if format == Some(Format::Feed) {
        return feed::feed_records(name, bytes)
            .map(|raw| raw.and_then(|r| r.parse(opts)))
            .collect();
    }
    let id_stem = if name == "-" {
        "stdin".to_string()
    } else {
        stem_of(name)
    };
    vec![
        document_from_bytes(bytes, format, &id_stem, name, opts).map_err(|error| Failure {
            origin: name.to_string(),
            error,
        }),
    ]
}

/// One text or HTML document from its bytes.
fn document_from_bytes(
    bytes: &[u8],
    format: Option<Format>,
    id_stem: &str,
    origin: &str,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let id = format!("{id_stem}-{}", short_hash(bytes));
    let base = Document {
        id,
        source: opts.source.clone(),
        published: opts.published,
        origin: origin.to_string(),
        ..Default::default()
    };
    match format {
        Some(Format::Html) => html_document(bytes, base),
        Some(Format::Text) => Ok(Document {
            text: text::decode_text(bytes)?,
            ..base
        }),
        Some(Format::Jsonl | Format::Warc | Format::Feed) => Err(IngestError::InvalidRecord(
            "a batch read as one document".into(),
        )),
        None => match text::decode_text(bytes) {
            Ok(text) => Ok(Document { text, ..base }),
            Err(IngestError::Empty) => Err(IngestError::Empty),
            Err(e) => Err(IngestError::UnknownFormat(e.to_string())),
        },
    }
}

/// A page from a web archive: the HTTP charset wins over the page's own
/// declaration (as in browsers); the record id keeps re-runs idempotent.
fn web_document(
    bytes: &[u8],
    charset: Option<&str>,
    url: &Option<String>,
    id: &Option<String>,
    origin: &str,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let page = html::read_page(&html::decode_with_charset(bytes, charset));
    if page.text.is_empty() {
        return Err(IngestError::NoHtmlText);
    }
    Ok(Document {
        id: id
            .clone()
            .unwrap_or_else(|| format!("warc-{}", short_hash(bytes))),
        source: page.meta.site_name.or_else(|| opts.source.clone()),
        url: page.meta.url.or_else(|| url.clone()),
        title: page.meta.title,
        published: page.meta.published.or(opts.published),
        origin: origin.to_string(),
        text: page.text,
        source_map: html::shared_map(page.source_map),
    })
}

fn html_document(bytes: &[u8], base: Document) -> Result<Document, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    // UTF-16 pages carry NUL bytes; only a page without a BOM can be binary.
    if encoding_rs::Encoding::for_bom(bytes).is_none() && text::looks_binary(bytes) {
        return Err(IngestError::Binary);
    }
    let page = html::read_page(&html::decode(bytes));
    if page.text.is_empty() {
        return Err(IngestError::NoHtmlText);
    }
    Ok(Document {
        source: page.meta.site_name.or(base.source),
        url: page.meta.url,
        title: page.meta.title,
        published: page.meta.published.or(base.published),
        text: page.text,
        source_map: html::shared_map(page.source_map),
        ..base
    })
}

/// The file name without directories or extension, for ids.
fn stem_of(origin: &str) -> String {
    Path::new(origin)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or("doc")
        .to_string()
}

/// 8 hex digits of FNV-1a over the content: the same input always gets the
/// same id, changed content a new one. Not a cryptographic hash: ids only
/// need to tell documents apart.
fn short_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
}

#[cfg(test)]
mod tests;
