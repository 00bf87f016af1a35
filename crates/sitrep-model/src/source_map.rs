//! Where a document's extracted text came from in the page it was read from.
//!
//! HTML extraction drops markup, decodes entities (`&amp;` → `&`) and
//! collapses whitespace, so a span of `Document::text` is not a span of the
//! page. A [`SourceMap`] records, for the parts of the text whose origin is
//! known for certain, which bytes of the page they came from; evidence can
//! then be shown in the original.
//!
//! Offsets on the source side are **byte offsets into the page after charset
//! decoding**, i.e. into the UTF-8 string the HTML parser read. When the page
//! bytes were UTF-8 without a byte-order mark (the common case), they are
//! also byte offsets into the original bytes (with a UTF-8 BOM, add its 3
//! bytes). For a JSONL `html` field they are offsets into the JSON string's
//! value, unescaped; for a WARC record, into the HTTP body after de-chunking
//! and decompression.

use crate::document::Span;

/// Sorted segments of the text, each tied to a range of the page.
///
/// A *verbatim* segment's text bytes are the page's bytes, so any offset in
/// it maps; an *atomic* segment stands for a character reference or a
/// line-ending that the parser rewrote (`&#8217;` → `’`), so only its two
/// ends map. Consecutive segments belong to one *chain* when nothing the
/// reader can see lies between them on either side (only markup, comments
/// and whitespace): a span maps only when its two ends lie in one chain, so
/// a span never stretches over page text that extraction left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: u32,
    text_len: u32,
    source_start: u32,
    source_len: u32,
    /// Segments with the same chain are joined (see [`SourceMap`]).
    chain: u32,
}

impl Segment {
    fn verbatim(&self) -> bool {
        self.text_len == self.source_len
    }
    fn text_end(&self) -> usize {
        self.text_start as usize + self.text_len as usize
    }
    fn source_end(&self) -> usize {
        self.source_start as usize + self.source_len as usize
    }
}

/// Builds a [`SourceMap`] from segments given in text order.
#[derive(Debug, Default)]
pub struct SourceMapBuilder {
    map: SourceMap,
    next_chain: u32,
}

impl SourceMapBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the text range `[text_start, text_start + text_len)` as coming
    /// from the page range `[source_start, source_start + source_len)`.
    /// Equal lengths mean the bytes are identical (verbatim); different
    /// lengths an atomic rewrite. `joined` says that nothing visible lies
    /// between the previous segment and this one on either side. Segments
    /// out of order, overlapping, or beyond `u32` offsets are dropped (and
    /// break the chain): the map is left with fewer segments rather than
    /// wrong ones.
    pub fn push(
        &mut self,
        text_start: usize,
        text_len: usize,
        source_start: usize,
        source_len: usize,
        joined: bool,
    ) {
        let fits = |v: usize| u32::try_from(v).is_ok();
        if text_len == 0
            || !fits(text_start + text_len)
            || !fits(source_start + source_len)
            || source_len == 0
        {
            self.next_chain += 1;
            return;
        }
        let ordered = match self.map.segments.last() {
            Some(last) => last.text_end() <= text_start && last.source_end() <= source_start,
            None => true,
        };
        if !ordered {
            self.next_chain += 1;
            return;
        }
        if !joined {
            self.next_chain += 1;
        }
        let segment = Segment {
            text_start: text_start as u32,
            text_len: text_len as u32,
            source_start: source_start as u32,
            source_len: source_len as u32,
            chain: self.next_chain,
        };
        // Adjacent verbatim pieces on both sides are one segment.
        if let Some(last) = self.map.segments.last_mut() {
            if last.chain == segment.chain
                && last.verbatim()
                && segment.verbatim()
                && last.text_end() == text_start
                && last.source_end() == source_start
            {
                last.text_len += segment.text_len;
                last.source_len += segment.source_len;
                return;
            }
        }
        self.map.segments.push(segment);
    }

    /// Breaks the chain: the next segment is not joined to the last.
    pub fn break_chain(&mut self) {
        self.next_chain += 1;
    }

    pub fn finish(self) -> SourceMap {
        let mut map = self.map;
        map.segments.shrink_to_fit();
        map
    }
}

impl SourceMap {
    /// The page byte range a text byte span came from, or `None` when either
    /// end is not known for certain or the span crosses text of the page
    /// that extraction left out. An empty span maps when its point does.
    pub fn locate(&self, text_span: Span) -> Option<Span> {
        if text_span.start > text_span.end {
            return None;
        }
        let first = self.segment_holding(text_span.start, true)?;
        let last = if text_span.is_empty() {
            first
        } else {
            self.segment_holding(text_span.end, false)?
        };
        let (a, b) = (&self.segments[first], &self.segments[last]);
        if a.chain != b.chain {
            return None;
        }
        let start = source_offset(a, text_span.start)?;
        let end = source_offset(b, text_span.end)?;
        (start <= end).then(|| Span::new(start, end))
    }

    /// How many segments the map holds (for tests and measurement).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Bytes of text the map covers.
    pub fn mapped_text_bytes(&self) -> usize {
        self.segments.iter().map(|s| s.text_len as usize).sum()
    }

    /// The index of the segment an offset falls in: as a span's start
    /// (`[text_start, text_end)`) or as its end (`(text_start, text_end]`).
    fn segment_holding(&self, offset: usize, as_start: bool) -> Option<usize> {
        let after = self
            .segments
            .partition_point(|s| (s.text_start as usize) < offset + usize::from(as_start));
        let index = after.checked_sub(1)?;
        let segment = &self.segments[index];
        let inside = if as_start {
            offset < segment.text_end()
        } else {
            offset <= segment.text_end()
        };
        inside.then_some(index)
    }
}

/// The page offset of text offset `at` inside `segment`: anywhere in a
/// verbatim segment, only at the ends of an atomic one.
fn source_offset(segment: &Segment, at: usize) -> Option<usize> {
    let into = at.checked_sub(segment.text_start as usize)?;
    if segment.verbatim() {
        return Some(segment.source_start as usize + into);
    }
    if into == 0 {
        Some(segment.source_start as usize)
    } else if at == segment.text_end() {
        Some(segment.source_end())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text "Al-Bab, A&B" from page "<p><b>Al</b>-Bab, A&amp;B</p>".
    fn al_bab() -> (SourceMap, &'static str, &'static str) {
        let page = "<p><b>Al</b>-Bab, A&amp;B</p>";
        let text = "Al-Bab, A&B";
        let mut b = SourceMapBuilder::new();
        b.push(0, 2, 6, 2, false); // "Al"
        b.push(2, 7, 12, 7, true); // "-Bab, A"
        b.push(9, 1, 19, 5, true); // "&" from "&amp;"
        b.push(10, 1, 24, 1, true); // "B"
        (b.finish(), page, text)
    }

    #[test]
    fn spans_inside_and_across_segments_map() {
        let (map, page, text) = al_bab();
        let whole = map.locate(Span::new(0, text.len())).unwrap();
        assert_eq!(&page[whole.start..whole.end], "Al</b>-Bab, A&amp;B");
        let bab = map.locate(Span::new(3, 6)).unwrap();
        assert_eq!(&page[bab.start..bab.end], "Bab");
        let amp = map.locate(Span::new(9, 10)).unwrap();
        assert_eq!(&page[amp.start..amp.end], "&amp;");
    }

    #[test]
    fn atomic_segments_map_only_at_their_ends_and_gaps_do_not_map() {
        let mut b = SourceMapBuilder::new();
        // "’" (3 bytes) from "&#8217;" (7 bytes)
        b.push(0, 3, 10, 7, false);
        b.push(5, 2, 20, 2, true);
        let map = b.finish();
        assert!(map.locate(Span::new(1, 3)).is_none());
        assert_eq!(map.locate(Span::new(0, 3)), Some(Span::new(10, 17)));
        // offset 4 lies in the unmapped gap
        assert!(map.locate(Span::new(4, 6)).is_none());
        assert_eq!(map.locate(Span::new(0, 7)), Some(Span::new(10, 22)));
    }

    #[test]
    fn spans_across_chains_do_not_map() {
        let mut b = SourceMapBuilder::new();
        b.push(0, 5, 0, 5, false);
        b.push(7, 5, 40, 5, false);
        let map = b.finish();
        assert_eq!(map.locate(Span::new(1, 4)), Some(Span::new(1, 4)));
        assert_eq!(map.locate(Span::new(7, 12)), Some(Span::new(40, 45)));
        assert!(map.locate(Span::new(1, 9)).is_none());
    }

    #[test]
    fn adjacent_verbatim_segments_merge_and_bad_ones_are_dropped() {
        let mut b = SourceMapBuilder::new();
        b.push(0, 3, 10, 3, false);
        b.push(3, 3, 13, 3, true);
        b.push(2, 3, 30, 3, true); // overlaps: dropped, chain broken
        b.push(8, 2, 40, 2, true);
        let map = b.finish();
        assert_eq!(map.len(), 2);
        assert_eq!(map.mapped_text_bytes(), 8);
        assert!(map.locate(Span::new(0, 9)).is_none());
        assert_eq!(map.locate(Span::new(6, 6)), None);
        assert_eq!(map.locate(Span::new(5, 5)), Some(Span::new(15, 15)));
    }

    #[test]
    fn empty_map_maps_nothing() {
        assert!(SourceMap::default().locate(Span::new(0, 0)).is_none());
    }
}
