//! JSON Lines batches, read one line at a time so a batch of any size
//! streams through in bounded memory.

use crate::{date::parse_date, html, Failure, IngestError, IngestOptions, RawRecord};
use serde::Deserialize;
use sitrep_model::Document;
use std::io::BufRead;

/// One record; keys not listed here are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Iterates over the records of a JSONL stream as raw lines (parsing is
/// left to [`RawRecord::parse`](crate::RawRecord::parse), so it can run in
/// parallel). Lines longer than the per-document limit are skipped (and
/// reported) without being held in memory; blank lines are skipped silently.
pub struct JsonlReader<R> {
    reader: R,
    origin: String,
    max_line_bytes: usize,
    line_number: usize,
    buffer: Vec<u8>,
    done: bool,
    /// Whether the start of the stream was checked for binary content.
    sniffed: bool,
    /// Whether any non-blank line was seen (an empty batch is a failure).
    saw_record: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, origin: String, max_line_bytes: usize) -> Self {
        JsonlReader {
            reader,
            origin,
            max_line_bytes,
            line_number: 0,
            buffer: Vec::new(),
            done: false,
            sniffed: false,
            saw_record: false,
        }
    }

    /// A binary file named `.jsonl` is one failure, not one per "line".
    fn sniff_binary(&mut self) -> Option<Failure> {
        self.sniffed = true;
        match self.reader.fill_buf() {
            Ok(head) if crate::text::looks_binary(head) => Some(IngestError::Binary),
            Ok(_) => None,
            Err(e) => Some(IngestError::Io(e)),
        }
        .map(|error| {
            self.done = true;
            Failure {
                origin: self.origin.clone(),
                error,
            }
        })
    }

    fn failure(&self, error: IngestError) -> Failure {
        Failure {
            origin: format!("{}:{}", self.origin, self.line_number),
            error,
        }
    }

    /// Reads the next line into `buffer`, up to the limit. Ok(false) at end
    /// of input; Err(size) when the line was over the limit (it is consumed).
    fn next_line(&mut self) -> std::io::Result<Result<bool, usize>> {
        self.buffer.clear();
        let limit = self.max_line_bytes as u64 + 1;
        let read = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buffer)?;
        if read == 0 {
            return Ok(Ok(false));
        }
        self.line_number += 1;
        if self.buffer.len() > self.max_line_bytes && self.buffer.last() != Some(&b'\n') {
            let skipped = self.buffer.len() + skip_line(&mut self.reader)?;
            self.buffer.clear();
            return Ok(Err(skipped));
        }
        Ok(Ok(true))
    }
}

use std::io::Read as _;

/// Consumes the rest of the current line; returns how many bytes it had.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(skipped);
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(skipped + at);
            }
            None => {
                let n = available.len();
                reader.consume(n);
                skipped += n;
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<RawRecord, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.sniffed {
            if let Some(failure) = self.sniff_binary() {
                return Some(Err(failure));
            }
        }
        while !self.done {
            match self.next_line() {
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.failure(IngestError::Io(e))));
                }
                Ok(Ok(false)) => {
                    self.done = true;
                    if !self.saw_record {
                        return Some(Err(Failure {
                            origin: self.origin.clone(),
                            error: IngestError::Empty,
                        }));
                    }
                }
                Ok(Err(size)) => {
                    return Some(Err(self.failure(IngestError::TooLarge {
                        bytes: size,
                        limit: self.max_line_bytes,
                    })))
                }
                Ok(Ok(true)) => {
                    if self.buffer.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.saw_record = true;
                    let origin = format!("{}:{}", self.origin, self.line_number);
                    let line = std::mem::take(&mut self.buffer);
                    return Some(Ok(RawRecord::jsonl_line(origin, line)));
                }
            }
        }
        None
    }
}

/// One line to a document.
pub(crate) fn parse_line(
    line: &[u8],
    origin: &str,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let line = std::str::from_utf8(line).map_err(|e| IngestError::InvalidUtf8 {
        byte: e.valid_up_to(),
    })?;
    let record: Record = serde_json::from_str(line).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => IngestError::InvalidRecord(e.to_string()),
        _ => IngestError::NotJson(e.to_string()),
    })?;
    let own_date = match record.published.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => {
            Some(parse_date(raw).map_err(|_| IngestError::InvalidDate(raw.to_string()))?)
        }
        _ => None,
    };
    let (text, page, source_map) = match (record.text, record.html) {
        (Some(text), _) if !text.trim().is_empty() => (text, None, None),
        (_, Some(markup)) if !markup.trim().is_empty() => {
            // The map's offsets are into the `html` string's value.
            let page = html::read_page(&markup);
            if page.text.is_empty() {
                return Err(IngestError::NoHtmlText);
            }
            (
                page.text,
                Some(page.meta),
                html::shared_map(page.source_map),
            )
        }
        (None, None) => return Err(IngestError::NoTextField),
        _ => return Err(IngestError::Empty),
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => origin.to_string(),
    };
    let page = page.unwrap_or_default();
    Ok(Document {
        id,
        source: record
            .source
            .or(page.site_name)
            .or_else(|| opts.source.clone()),
        url: record.url.or(page.url),
        title: record.title.or(page.title),
        published: own_date.or(page.published).or(opts.published),
        origin: origin.to_string(),
        text,
        source_map,
    })
}
