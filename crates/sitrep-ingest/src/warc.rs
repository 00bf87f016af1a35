//! WARC web archives (`.warc`, `.warc.gz` with one gzip member per record or
//! one for the whole file). Each `response` record carrying an HTML page
//! with HTTP status 200 becomes a document; every other record (request,
//! metadata, warcinfo, redirects, errors, images, robots.txt) is skipped and
//! counted by reason.
//!
//! Written by hand rather than with the `warc` crate: sitrep needs to survive
//! records whose `Content-Length` lies (resynchronising on the next
//! `WARC/1.x` line instead of losing the rest of the file), truncated gzip,
//! and compressed HTTP bodies that expand without bound, each reported as a
//! per-record failure.

use crate::{Failure, IngestError, RawRecord};
use std::io::{BufRead, Read};

/// Longest WARC or HTTP header block accepted.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Reads records from a (decompressed) WARC stream.
pub struct WarcReader<R> {
    input: Pushback<R>,
    origin: String,
    max_bytes: usize,
    record_no: usize,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, origin: String, max_bytes: usize) -> Self {
        WarcReader {
            input: Pushback::new(reader),
            origin,
            max_bytes,
            record_no: 0,
            done: false,
        }
    }

    fn failure(&self, error: IngestError) -> Failure {
        Failure {
            origin: format!("{}#{}", self.origin, self.record_no),
            error,
        }
    }

    fn bad(&self, why: impl Into<String>) -> Failure {
        self.failure(IngestError::InvalidRecord(why.into()))
    }

    /// One record, or None at the end of the stream.
    fn next_record(&mut self) -> Option<Result<RawRecord, Failure>> {
        // Blank lines between records are allowed.
        let version = loop {
            match self.input.read_line(MAX_HEADER_BYTES) {
                Ok(None) => return None,
                Ok(Some(line)) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Some(line)) => break line,
                Err(e) => return Some(Err(self.stream_error(e))),
            }
        };
        self.record_no += 1;
        if !version.starts_with(b"WARC/") {
            let resynced = self.resync();
            return Some(Err(self.bad(format!(
                "not a WARC record header{}",
                if resynced {
                    " (skipped to the next record)"
                } else {
                    ""
                }
            ))));
        }
        let headers = match self.read_headers() {
            Ok(h) => h,
            Err(e) => return Some(Err(self.stream_error(e))),
        };
        let Some(length) =
            header(&headers, "content-length").and_then(|v| v.trim().parse::<usize>().ok())
        else {
            self.resync();
            return Some(Err(self.bad("missing or invalid Content-Length")));
        };
        let warc_type = header(&headers, "warc-type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if warc_type != "response" || length > self.max_bytes {
            if let Err(e) = self.input.skip(length) {
                return Some(Err(self.stream_error(e)));
            }
            self.expect_record_end();
            if length > self.max_bytes {
                return Some(Err(self.failure(IngestError::TooLarge {
                    bytes: length,
                    limit: self.max_bytes,
                })));
            }
            return Some(Ok(RawRecord::skipped(
                self.origin_here(),
                "not a response record",
            )));
        }
        let body = match self.input.read_exact_n(length) {
            Ok(Some(b)) => b,
            Ok(None) => {
                self.done = true;
                return Some(Err(self.bad(format!(
                    "truncated: Content-Length {length} runs past the end of the file"
                ))));
            }
            Err(e) => return Some(Err(self.stream_error(e))),
        };
        if !self.expect_record_end() {
            // The length lied. If the next record starts inside what we read,
            // give those bytes back so it is not lost.
            if let Some(at) = find_record_start(&body) {
                self.input.unread(&body[at..]);
            } else {
                self.resync();
            }
            return Some(Err(self.bad("Content-Length does not match the record")));
        }
        let target = header(&headers, "warc-target-uri").map(|s| s.trim().to_string());
        let id = header(&headers, "warc-record-id").map(record_id);
        Some(response_to_record(
            self.origin_here(),
            &body,
            target,
            id,
            self.max_bytes,
        ))
    }

    fn origin_here(&self) -> String {
        format!("{}#{}", self.origin, self.record_no)
    }

    /// An I/O error mid-stream (truncated gzip, say) ends the file: nothing
    /// after it can be trusted, everything before it was already yielded.
    fn stream_error(&mut self, e: std::io::Error) -> Failure {
        self.done = true;
        let error = if e.kind() == std::io::ErrorKind::UnexpectedEof {
            IngestError::InvalidRecord(
                "truncated stream (unexpected end of compressed data)".into(),
            )
        } else {
            IngestError::Io(e)
        };
        self.failure(error)
    }

    fn read_headers(&mut self) -> std::io::Result<Vec<(String, String)>> {
        let mut headers = Vec::new();
        let mut total = 0;
        while let Some(line) = self.input.read_line(MAX_HEADER_BYTES)? {
            total += line.len();
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() || total > MAX_HEADER_BYTES {
                break;
            }
            if let Some((name, value)) = text.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        Ok(headers)
    }

    /// Consumes the blank lines that end a record; false when something else
    /// follows (a lying Content-Length), which is then left unread.
    fn expect_record_end(&mut self) -> bool {
        let mut seen = Vec::new();
        loop {
            match self.input.peek_byte() {
                Ok(Some(b @ (b'\r' | b'\n'))) => {
                    seen.push(b);
                    self.input.consume_byte();
                }
                Ok(Some(_)) => return seen.iter().filter(|&&b| b == b'\n').count() >= 2,
                Ok(None) | Err(_) => return true,
            }
        }
    }

    /// Skips to the next line that starts a WARC record; false at the end.
    fn resync(&mut self) -> bool {
        loop {
            match self.input.read_line(MAX_HEADER_BYTES) {
                Ok(Some(line)) if line.starts_with(b"WARC/1.") => {
                    self.input.unread(&line);
                    return true;
                }
                Ok(Some(_)) => continue,
                Ok(None) | Err(_) => return false,
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<RawRecord, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_record();
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

/// An HTTP response (status line, headers, body) to a page record, or the
/// reason it is skipped.
fn response_to_record(
    origin: String,
    http: &[u8],
    url: Option<String>,
    id: Option<String>,
    max_bytes: usize,
) -> Result<RawRecord, Failure> {
    let Some(split) = find(http, b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| find(http, b"\n\n").map(|p| (p, p + 2)))
    else {
        return Ok(RawRecord::skipped(origin, "no HTTP headers"));
    };
    let head = String::from_utf8_lossy(&http[..split.0]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok());
    match status {
        Some(200) => {}
        Some(code) if (300..400).contains(&code) => {
            return Ok(RawRecord::skipped(origin, "redirect"))
        }
        Some(_) => return Ok(RawRecord::skipped(origin, "HTTP status not 200")),
        None => return Ok(RawRecord::skipped(origin, "no HTTP status")),
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    if url.as_deref().is_some_and(|u| u.ends_with("/robots.txt")) {
        return Ok(RawRecord::skipped(origin, "robots.txt"));
    }
    let content_type = header(&headers, "content-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    if !content_type.contains("html") {
        return Ok(RawRecord::skipped(origin, "not HTML"));
    }
    let mut body = http[split.1..].to_vec();
    if header(&headers, "transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    }
    let fail = |error| Failure {
        origin: origin.clone(),
        error,
    };
    match header(&headers, "content-encoding").map(|v| v.trim().to_ascii_lowercase()) {
        Some(enc) if enc == "gzip" || enc == "x-gzip" => {
            body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), max_bytes).map_err(fail)?
        }
        Some(enc) if enc == "deflate" => {
            body = inflate(flate2::read::ZlibDecoder::new(&body[..]), max_bytes).map_err(fail)?
        }
        _ => {}
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string())
        .next();
    Ok(RawRecord::web_page(origin, body, charset, url, id))
}

/// Decompresses at most `max_bytes`; more is refused (a zip bomb must not
/// take the machine's memory).
fn inflate(reader: impl Read, max_bytes: usize) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::InvalidRecord(format!("compressed body: {e}")))?;
    if out.len() > max_bytes {
        return Err(IngestError::TooLarge {
            bytes: out.len(),
            limit: max_bytes,
        });
    }
    Ok(out)
}

/// Removes HTTP/1.1 chunked transfer framing; stops at the first malformed
/// chunk header and keeps what came before.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    while at < body.len() {
        let Some(eol) = find(&body[at..], b"\r\n") else {
            break;
        };
        let size_text = String::from_utf8_lossy(&body[at..at + eol]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        at += eol + 2;
        if size == 0 {
            break;
        }
        let end = (at + size).min(body.len());
        out.extend_from_slice(&body[at..end]);
        at = end + 2;
    }
    out
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `<urn:uuid:abc>` → `warc-abc`: stable, so re-reading a WARC adds nothing twice.
fn record_id(raw: &str) -> String {
    let inner = raw.trim().trim_start_matches('<').trim_end_matches('>');
    let inner = inner.strip_prefix("urn:uuid:").unwrap_or(inner);
    format!("warc-{inner}")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where a `WARC/1.x` line starts inside `bytes` (not at 0), if anywhere.
fn find_record_start(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = find(&bytes[from..], b"\nWARC/1.") {
        let at = from + p + 1;
        if at > 0 {
            return Some(at);
        }
        from = at;
    }
    None
}

/// A reader with a pushback buffer, so bytes read past a lying record
/// boundary can be given back.
struct Pushback<R> {
    inner: R,
    pending: Vec<u8>,
}

impl<R: BufRead> Pushback<R> {
    fn new(inner: R) -> Self {
        Pushback {
            inner,
            pending: Vec::new(),
        }
    }

    fn unread(&mut self, bytes: &[u8]) {
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.pending);
        self.pending = v;
    }

    fn peek_byte(&mut self) -> std::io::Result<Option<u8>> {
        if let Some(&b) = self.pending.first() {
            return Ok(Some(b));
        }
        Ok(self.inner.fill_buf()?.first().copied())
    }

    fn consume_byte(&mut self) {
        if self.pending.is_empty() {
            self.inner.consume(1);
        } else {
            self.pending.remove(0);
        }
    }

    /// A line including its `\n` (or the rest of the input); at most `max`
    /// bytes are kept, the rest of an over-long line is dropped.
    fn read_line(&mut self, max: usize) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        loop {
            let Some(b) = self.peek_byte()? else {
                return Ok(if line.is_empty() { None } else { Some(line) });
            };
            self.consume_byte();
            if line.len() < max {
                line.push(b);
            }
            if b == b'\n' {
                return Ok(Some(line));
            }
        }
    }

    /// Exactly `n` bytes, or None if the input ends first.
    fn read_exact_n(&mut self, n: usize) -> std::io::Result<Option<Vec<u8>>> {
        let mut out = Vec::with_capacity(n.min(1 << 20));
        let from_pending = n.min(self.pending.len());
        out.extend(self.pending.drain(..from_pending));
        let want = (n - out.len()) as u64;
        (&mut self.inner).take(want).read_to_end(&mut out)?;
        Ok((out.len() == n).then_some(out))
    }

    fn skip(&mut self, n: usize) -> std::io::Result<()> {
        let from_pending = n.min(self.pending.len());
        self.pending.drain(..from_pending);
        let want = (n - from_pending) as u64;
        std::io::copy(&mut (&mut self.inner).take(want), &mut std::io::sink())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IngestOptions;
    use std::io::Write;

    const ARTICLE: &str = "<html><head><title>Clashes in Gao</title></head><body><article>\
        <p>Gunmen attacked an army post near Gao in northern Mali on Tuesday, killing four soldiers, the army said.</p>\
        <p>The attackers fled towards the border with Niger, officials said.</p></article></body></html>";

    fn http(status: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
        let mut v = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n")
            .into_bytes();
        v.extend_from_slice(body);
        v
    }

    fn record(n: usize, warc_type: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        record_with_length(n, warc_type, uri, payload, payload.len())
    }

    fn record_with_length(
        n: usize,
        warc_type: &str,
        uri: &str,
        payload: &[u8],
        length: usize,
    ) -> Vec<u8> {
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:0000-{n}>\r\n\
             WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={warc_type}\r\n\
             Content-Length: {length}\r\n\r\n"
        )
        .into_bytes();
        v.extend_from_slice(payload);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// A small crawl: two articles among the usual non-article records.
    fn crawl() -> Vec<Vec<u8>> {
        vec![
            record(1, "warcinfo", "", b"software: test"),
            record(
                2,
                "request",
                "https://news.example/a",
                b"GET /a HTTP/1.1\r\n\r\n",
            ),
            record(
                3,
                "response",
                "https://news.example/a",
                &http("200 OK", "text/html; charset=utf-8", "", ARTICLE.as_bytes()),
            ),
            record(
                4,
                "response",
                "https://news.example/gone",
                &http("404 Not Found", "text/html", "", b"<p>no</p>"),
            ),
            record(
                5,
                "response",
                "https://news.example/old",
                &http("301 Moved", "text/html", "Location: /new\r\n", b""),
            ),
            record(
                6,
                "response",
                "https://news.example/p.jpg",
                &http("200 OK", "image/jpeg", "", &[0xff, 0xd8, 0, 1]),
            ),
            record(
                7,
                "response",
                "https://news.example/robots.txt",
                &http("200 OK", "text/plain", "", b"User-agent: *"),
            ),
            record(
                8,
                "response",
                "https://news.example/b",
                &http(
                    "200 OK",
                    "text/html",
                    "",
                    ARTICLE.replace("Gao", "Menaka").as_bytes(),
                ),
            ),
        ]
    }

    fn read_all(bytes: Vec<u8>, max: usize) -> Vec<Result<RawRecord, Failure>> {
        crate::warc_records("crawl.warc", std::io::Cursor::new(bytes), max).collect()
    }

    fn pages(items: &[Result<RawRecord, Failure>]) -> Vec<String> {
        items
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .filter(|r| r.skip_reason().is_none())
            .map(|r| r.origin().to_string())
            .collect()
    }

    #[test]
    fn articles_are_kept_and_everything_else_skipped_with_a_reason() {
        let items = read_all(crawl().concat(), 1 << 20);
        assert_eq!(pages(&items), vec!["crawl.warc#3", "crawl.warc#8"]);
        let mut reasons: Vec<&str> = items
            .iter()
            .filter_map(|r| r.as_ref().ok()?.skip_reason())
            .collect();
        reasons.sort();
        assert_eq!(
            reasons,
            vec![
                "HTTP status not 200",
                "not HTML",
                "not a response record",
                "not a response record",
                "redirect",
                "robots.txt"
            ]
        );
        let doc = items
            .into_iter()
            .nth(2)
            .unwrap()
            .unwrap()
            .parse(&IngestOptions::default())
            .unwrap();
        assert_eq!(doc.id, "warc-0000-3");
        assert_eq!(doc.url.as_deref(), Some("https://news.example/a"));
        assert!(doc.text.contains("killing four soldiers"));
    }

    #[test]
    fn gzip_per_record_members_read_like_plain_warc() {
        let members: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
        let items = read_all(members, 1 << 20);
        assert_eq!(pages(&items), vec!["crawl.warc#3", "crawl.warc#8"]);
        let whole = read_all(gzip(&crawl().concat()), 1 << 20);
        assert_eq!(pages(&whole), vec!["crawl.warc#3", "crawl.warc#8"]);
    }

    #[test]
    fn truncated_gzip_keeps_what_came_before_and_says_so() {
        let records = crawl();
        let mut bytes: Vec<u8> = records[..3].iter().flat_map(|r| gzip(r)).collect();
        let last = gzip(&records[7]);
        bytes.extend_from_slice(&last[..last.len() / 2]);
        let items = read_all(bytes, 1 << 20);
        assert_eq!(pages(&items), vec!["crawl.warc#3"]);
        let failure = items
            .iter()
            .find_map(|r| r.as_ref().err())
            .expect("a failure");
        assert!(failure.to_string().contains("truncated"), "{failure}");
    }

    #[test]
    fn a_lying_content_length_costs_only_its_own_record() {
        let page = http("200 OK", "text/html", "", ARTICLE.as_bytes());
        for length in [page.len() - 40, page.len() + 60] {
            let bytes = [
                record_with_length(1, "response", "https://x/a", &page, length),
                record(2, "response", "https://x/b", &page),
            ]
            .concat();
            let items = read_all(bytes, 1 << 20);
            assert_eq!(pages(&items), vec!["crawl.warc#2"], "length {length}");
            let failure = items
                .iter()
                .find_map(|r| r.as_ref().err())
                .expect("a failure");
            assert!(failure.to_string().contains("Content-Length"), "{failure}");
        }
    }

    #[test]
    fn a_compressed_body_that_expands_past_the_limit_is_refused() {
        let bomb = gzip(&vec![b' '; 8 << 20]);
        let page = http("200 OK", "text/html", "Content-Encoding: gzip\r\n", &bomb);
        let items = read_all(record(1, "response", "https://x/bomb", &page), 1 << 20);
        let failure = items[0].as_ref().expect_err("refused");
        assert!(failure.to_string().contains("too large"), "{failure}");
    }

    #[test]
    fn chunked_body_and_http_charset_are_honoured() {
        let latin1: Vec<u8> = b"<html><body><article><p>Protesters gathered outside the caf\xe9 in Bamako on Friday to demand the release of detained activists.</p></article></body></html>".to_vec();
        let mut chunked = format!("{:x}\r\n", 40).into_bytes();
        chunked.extend_from_slice(&latin1[..40]);
        chunked.extend_from_slice(format!("\r\n{:x}\r\n", latin1.len() - 40).as_bytes());
        chunked.extend_from_slice(&latin1[40..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let page = http(
            "200 OK",
            "text/html; charset=ISO-8859-1",
            "Transfer-Encoding: chunked\r\n",
            &chunked,
        );
        let items = read_all(record(1, "response", "https://x/c", &page), 1 << 20);
        let doc = items
            .into_iter()
            .next()
            .unwrap()
            .unwrap()
            .parse(&IngestOptions::default())
            .unwrap();
        assert!(doc.text.contains("café in Bamako"), "{}", doc.text);
    }

    #[test]
    fn records_over_the_size_limit_are_failures_and_the_next_is_read() {
        let big = http(
            "200 OK",
            "text/html",
            "",
            "<p>x</p>".repeat(2000).as_bytes(),
        );
        let small = http("200 OK", "text/html", "", ARTICLE.as_bytes());
        let items = read_all(
            [
                record(1, "response", "https://x/big", &big),
                record(2, "response", "https://x/s", &small),
            ]
            .concat(),
            4096,
        );
        assert!(items[0]
            .as_ref()
            .err()
            .unwrap()
            .to_string()
            .contains("too large"));
        assert_eq!(pages(&items), vec!["crawl.warc#2"]);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 50\r\n\r\n".to_vec();
            bytes.extend_from_slice(&tail);
            for raw in read_all(bytes, 1 << 16).into_iter().flatten() {
                let _ = raw.parse(&IngestOptions::default());
            }
        }

        #[test]
        fn mutated_crawls_never_panic(cut in 0usize..4000, flip in 0usize..4000, byte in proptest::prelude::any::<u8>()) {
            let mut bytes = crawl().concat();
            if flip < bytes.len() { bytes[flip] = byte; }
            bytes.truncate(cut.max(1));
            let _ = read_all(bytes.clone(), 1 << 16);
            let _ = read_all(gzip(&bytes), 1 << 16);
        }
    }
}
