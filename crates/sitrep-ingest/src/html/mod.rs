//! HTML pages: charset decoding, parsing (html5ever through `scraper`),
//! metadata and main-content text.

mod extract;
mod meta;
mod source;

pub use extract::{explain, main_text};
pub use meta::{page_meta, PageMeta};
pub use source::MAX_NESTING;

use encoding_rs::{Encoding, UTF_8};
use sitrep_model::SourceMap;

/// A page reduced to what ingestion keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    pub meta: PageMeta,
    /// Where `text` came from: byte offsets into the `html` given to
    /// [`read_page`].
    pub source_map: SourceMap,
}

/// Parses decoded HTML and extracts its article text, metadata and the map
/// from the text back to `html`. Pages nesting elements deeper than
/// [`MAX_NESTING`] are flattened first (see there), in time linear in the
/// page; the map still points into `html` itself.
pub fn read_page(html: &str) -> Page {
    let scan = source::scan(html);
    if scan.too_deep.is_empty() {
        return read_scanned(html, &scan);
    }
    let flattened = source::blank_out(html, &scan.too_deep);
    read_scanned(&flattened, &source::scan(&flattened))
}

/// Parses HTML as [`read_page`] does, flattening hostile nesting first:
/// for callers that walk the tree themselves.
pub fn parse_bounded(html: &str) -> scraper::Html {
    let scan = source::scan(html);
    if scan.too_deep.is_empty() {
        return scraper::Html::parse_document(html);
    }
    scraper::Html::parse_document(&source::blank_out(html, &scan.too_deep))
}

/// A page's map as a document holds it: shared, and absent when empty.
pub fn shared_map(map: SourceMap) -> Option<std::sync::Arc<SourceMap>> {
    (!map.is_empty()).then(|| std::sync::Arc::new(map))
}

/// `html` has been scanned and nests no deeper than the limit.
fn read_scanned(html: &str, scan: &source::Scan) -> Page {
    let document = scraper::Html::parse_document(html);
    let (text, segments) = extract::main_text_and_segments(&document);
    let source_map = source::build_source_map(scan, &document, &text, &segments);
    Page {
        meta: page_meta(&document),
        text,
        source_map,
    }
}

/// Decodes page bytes: a byte-order mark first, then the charset the page
/// declares in its first few kilobytes, then UTF-8 if the bytes are valid
/// UTF-8, else chardetng's guess. Undecodable bytes become U+FFFD (browsers
/// do the same).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return encoding.decode_without_bom_handling(body).0.into_owned();
    }
    let encoding = declared_charset(bytes).unwrap_or_else(|| sniff_charset(bytes));
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Decodes page bytes whose transport (an HTTP header, a WARC record) named
/// a charset: a BOM still wins, then the named charset if sitrep knows it,
/// else the same steps as [`decode`].
pub fn decode_with_charset(bytes: &[u8], charset: Option<&str>) -> String {
    if Encoding::for_bom(bytes).is_none() {
        if let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
            return encoding.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    decode(bytes)
}

/// The charset a page declares (`<meta charset=...>` or the http-equiv
/// content type) in its first 4 KB. UTF-16 declarations in a byte stream that
/// parsed as ASCII are wrong by definition; HTML treats them as UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut at = from + pos + b"charset".len();
        from = at;
        while lower.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
            at += 1;
        }
        if lower.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while lower
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            at += 1;
        }
        let end = lower[at..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n'))
            .map_or(lower.len(), |p| at + p);
        if let Some(encoding) = Encoding::for_label(&lower[at..end]) {
            return Some(
                if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                    UTF_8
                } else {
                    encoding
                },
            );
        }
    }
    None
}

fn sniff_charset(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether text that arrived without a name looks like markup.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let lower: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
    const OPENERS: &[&[u8]] = &[
        b"<!doctype",
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<?xml",
        b"<meta",
        b"<div",
        b"<p>",
        b"<article",
    ];
    OPENERS.iter().any(|o| lower.starts_with(o))
        || [b"<html".as_slice(), b"<body", b"</p>", b"<br"]
            .iter()
            .any(|tag| find(&lower, tag).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
        page.extend_from_slice(b"Caf\xe9 in Mogadishu");
        page.extend_from_slice(b"</p></body></html>");
        assert!(decode(&page).contains("Café in Mogadishu"));
    }

    #[test]
    fn http_equiv_charset_is_honoured() {
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>"
                .to_vec();
        page.extend_from_slice(b"Sa\xefd</p>");
        assert!(decode(&page).contains("Saïd"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = b"<p>La r\xe9gion de Tillab\xe9ri a \xe9t\xe9 frapp\xe9e par une attaque pr\xe8s de la fronti\xe8re.</p>";
        assert!(decode(page).contains("Tillabéri"));
    }

    #[test]
    fn sniffing_markup() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"Some preamble <html><body>"));
        assert!(!looks_like_html(
            b"Gunmen killed 3 people in Kabul < 10 km from the airport."
        ));
    }
}
