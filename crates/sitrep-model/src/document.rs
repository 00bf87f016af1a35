//! Documents and spans.

use crate::source_map::SourceMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// Shift by `offset` bytes (used when a stage works on a slice).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// One article, as the pipeline sees it after ingestion.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: given by the input (JSONL `id`) or derived from path and content.
    pub id: String,
    /// Outlet or feed name, if known (`--source` or the input's `source`).
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The date relative expressions resolve against.
    pub published: Option<NaiveDate>,
    /// Where it came from (a path, `path:line`, `-` for stdin).
    pub origin: String,
    /// The extracted text every span points into.
    pub text: String,
    /// Where `text` came from in the page, for documents read from HTML
    /// (see [`SourceMap`]). Not serialised: it describes this process's
    /// reading of the page, and is shared cheaply when documents are cloned.
    #[serde(skip)]
    pub source_map: Option<Arc<SourceMap>>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Converts byte offsets to Unicode character offsets for output.
    pub fn char_offsets(&self) -> CharOffsets<'_> {
        CharOffsets::new(&self.text)
    }
}

/// Byte → character offset conversion for one text. ASCII text (the common
/// case) converts with no table; otherwise a sorted table of the byte offsets
/// of non-ASCII characters makes each lookup a binary search.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Byte offsets of every multi-byte character, with the number of extra
    /// bytes seen before and including it.
    multibyte: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut multibyte = Vec::new();
        if !text.is_ascii() {
            // Lead bytes of multi-byte characters, read off the bytes: a
            // valid `str` needs no decoding to find them.
            let mut extra = 0;
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if b >= 0xC0 {
                    extra += utf8_width(b) - 1;
                    multibyte.push((i, extra));
                }
            }
        }
        CharOffsets { text, multibyte }
    }

    /// Character offset of byte offset `byte` (which must be a char boundary,
    /// or is rounded down to one).
    pub fn char_at(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        // Extra bytes of the multi-byte characters that start before `byte`.
        let idx = self.multibyte.partition_point(|&(b, _)| b < byte);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].1
        };
        byte - extra
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_at(span.start), self.char_at(span.end))
    }

    /// Byte offset of character offset `char_index` (the inverse of
    /// [`CharOffsets::char_at`]); past the end gives the text's length.
    pub fn byte_at(&self, char_index: usize) -> usize {
        // Multi-byte characters before `char_index`: those whose own
        // character index is smaller. Entry k's character index is its byte
        // offset less the extra bytes of the characters before it.
        let idx = self.multibyte.partition_point(|&(b, extra)| {
            let own_extra = utf8_width(self.text.as_bytes()[b]) - 1;
            b - (extra - own_extra) < char_index
        });
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].1
        };
        (char_index + extra).min(self.text.len())
    }
}

/// Bytes in the UTF-8 sequence a leading byte opens.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_ascii_are_bytes() {
        let d = Document::new("a", "Gunmen stormed Tal Afar.");
        assert_eq!(d.char_offsets().span(Span::new(15, 23)), (15, 23));
    }

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "Près de Kharkiv — 12 morts à Donetsk";
        let d = Document::new("a", text);
        let b = text.find("Donetsk").unwrap();
        let span = Span::new(b, b + "Donetsk".len());
        let (s, e) = d.char_offsets().span(span);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[s..e].iter().collect::<String>(), "Donetsk");
    }

    #[test]
    fn byte_at_inverts_char_at() {
        for text in [
            "Gunmen stormed Tal Afar.",
            "Près de Kharkiv — 12 morts à Donetsk 🙂 ok",
        ] {
            let offsets = CharOffsets::new(text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                assert_eq!(offsets.byte_at(chars), byte);
                assert_eq!(offsets.char_at(byte), chars);
            }
            assert_eq!(offsets.byte_at(text.chars().count()), text.len());
            assert_eq!(offsets.byte_at(10_000), text.len());
        }
    }

    proptest::proptest! {
        /// The table, read off lead bytes, gives each boundary's character
        /// count, whatever the mix of one- to four-byte characters.
        #[test]
        fn char_at_counts_the_characters_before(text in "[a-zé—🙂 ]{0,40}") {
            let offsets = CharOffsets::new(&text);
            for (chars, (byte, _)) in text.char_indices().enumerate() {
                proptest::prop_assert_eq!(offsets.char_at(byte), chars);
                proptest::prop_assert_eq!(offsets.byte_at(chars), byte);
            }
            proptest::prop_assert_eq!(offsets.char_at(text.len()), text.chars().count());
        }
    }

    #[test]
    fn span_algebra() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(2, 9));
        assert!(Span::new(0, 10).contains(a));
        assert_eq!(a.shift(10), Span::new(12, 15));
    }
}
