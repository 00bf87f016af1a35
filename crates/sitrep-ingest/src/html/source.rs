//! One linear pass over the page's markup, before and after parsing.
//!
//! Before: it measures how deeply elements nest, so a hostile page cannot
//! make html5ever quadratic (see [`MAX_NESTING`]). After: its copy of the
//! page's character data, with entities decoded and each piece tied to the
//! bytes it came from, lets the extracted text be mapped back to the page
//! ([`build_source_map`]). html5ever keeps no source positions, so the pass
//! re-tokenises the page itself; every text node of the parsed tree is then
//! matched to it by exact content, so a disagreement between this tokeniser
//! and html5ever leaves text unmapped, never mapped to the wrong place.

use ego_tree::NodeId;
use scraper::Node;
use sitrep_model::{SourceMap, SourceMapBuilder};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// Open elements beyond this depth are flattened: their tags are blanked
/// out (replaced by spaces of the same length, so byte offsets into the page
/// stay valid) and their content joins the element at the limit.
///
/// Why flatten rather than refuse: html5ever checks scopes by walking the
/// stack of open elements, so n nested tags cost O(n²) (50,000 `<div>`s take
/// seconds, a 32 MB page minutes), yet deep nesting is as often an old
/// page's ten thousand unclosed `<font>` tags as an attack, and its text is
/// still worth reading. Chromium's parser caps the tree the same way, at the
/// same depth: beyond 512 open elements, new ones go in as siblings.
pub const MAX_NESTING: usize = 512;

/// Pieces of the decoded character data, ordered by position.
#[derive(Debug, Clone, Copy)]
struct Piece {
    decoded_start: u32,
    decoded_len: u32,
    source_start: u32,
    source_len: u32,
}

/// What the pass learnt about a page.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// The page's character data as html5ever would decode it, outside
    /// tags and comments (scripts and styles included).
    decoded: String,
    pieces: Vec<Piece>,
    /// Offsets in `decoded` where character data starts after markup.
    run_starts: Vec<u32>,
    /// Offsets in `decoded` where markup occurred: a text node ends at one.
    boundaries: Vec<u32>,
    /// The deepest nesting seen, by this pass's approximation of html5ever.
    pub max_depth: usize,
    /// Tags past [`MAX_NESTING`], to blank out before parsing.
    pub too_deep: Vec<Range<usize>>,
}

/// Scans `html`. Offsets past `u32` (pages over 4 GiB, far beyond the
/// 32 MiB input limit) are not recorded.
pub(crate) fn scan(html: &str) -> Scan {
    let mut scanner = Scanner {
        html: html.as_bytes(),
        text: html,
        at: 0,
        scan: Scan {
            // Character data is typically a third of a page.
            decoded: String::with_capacity(html.len() / 3),
            ..Scan::default()
        },
        nesting: Nesting::default(),
        run_open: false,
    };
    scanner.run();
    scanner.scan.max_depth = scanner.nesting.max_depth;
    scanner.scan
}

/// `html` with the given byte ranges replaced by spaces. Ranges are whole
/// tags, so they start and end on character boundaries.
pub(crate) fn blank_out(html: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = html.as_bytes().to_vec();
    for range in ranges {
        if let Some(tag) = bytes.get_mut(range.clone()) {
            tag.fill(b' ');
        }
    }
    // Only ASCII tags were replaced by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_else(|_| html.to_string())
}

struct Scanner<'a> {
    html: &'a [u8],
    text: &'a str,
    at: usize,
    scan: Scan,
    nesting: Nesting,
    /// Whether character data is being added to a run already.
    run_open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DataMode {
    Markup,
    References,
}

/// The first byte of `haystack` equal to one of `needles`, eight bytes at a
/// time: this scan runs over every byte of every page.
fn find_any(haystack: &[u8], needles: [u8; 3]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let masks = needles.map(|n| u64::from(n) * ONES);
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // A zero byte in `word ^ mask` is a match; the lowest flagged byte
        // is exact (borrows only flag bytes above a true zero).
        let found = masks.iter().fold(0, |acc, mask| {
            let x = word ^ mask;
            acc | (x.wrapping_sub(ONES) & !x & HIGHS)
        });
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| needles.contains(b))
        .map(|p| offset + p)
}

/// Elements whose content is not markup: html5ever reads it verbatim (or
/// with entities only) up to the matching end tag.
fn raw_text_element(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"textarea"
            | b"title"
            | b"plaintext"
    )
}

impl Scanner<'_> {
    fn run(&mut self) {
        self.data(self.html.len(), DataMode::Markup);
    }

    /// Reads character data from `self.at` up to `end`: with markup, or
    /// with references only (`<title>`, `<textarea>`).
    fn data(&mut self, end: usize, mode: DataMode) {
        let specials = match mode {
            DataMode::Markup => [b'<', b'&', b'\r'],
            DataMode::References => [b'&', b'\r', b'\r'],
        };
        while self.at < end {
            let rest = &self.html[self.at..end];
            let next = find_any(rest, specials).map_or(end, |p| self.at + p);
            if next > self.at {
                self.verbatim(self.at, next);
                self.at = next;
            }
            if self.at >= end {
                break;
            }
            match self.html[self.at] {
                b'<' => self.markup(),
                b'&' => self.reference(),
                _ => self.carriage_return(),
            }
        }
    }

    /// Markup ends the character data before it. A run of whitespace alone
    /// is forgotten: text nodes of whitespace are never matched, and
    /// dropping them keeps [`MATCH_WINDOW`] for runs that can be.
    fn boundary(&mut self) {
        if self.run_open {
            let start = self.scan.run_starts.last().map_or(0, |&s| s as usize);
            let blank = self
                .scan
                .decoded
                .get(start..)
                .is_some_and(|run| run.bytes().all(|b| b.is_ascii_whitespace()));
            if blank {
                self.scan.run_starts.pop();
            }
        }
        self.run_open = false;
        if let Ok(at) = u32::try_from(self.scan.decoded.len()) {
            if self.scan.boundaries.last() != Some(&at) {
                self.scan.boundaries.push(at);
            }
        }
    }

    fn open_run(&mut self) {
        if !self.run_open {
            self.run_open = true;
            if let Ok(at) = u32::try_from(self.scan.decoded.len()) {
                self.scan.run_starts.push(at);
            }
        }
    }

    /// Copies page bytes that decode to themselves.
    fn verbatim(&mut self, start: usize, end: usize) {
        let Some(chunk) = self.text.get(start..end) else {
            return;
        };
        self.open_run();
        self.piece(start, end - start, chunk);
    }

    /// Records that `decoded` came from `source_len` page bytes at `start`.
    fn piece(&mut self, start: usize, source_len: usize, decoded: &str) {
        let decoded_start = self.scan.decoded.len();
        self.scan.decoded.push_str(decoded);
        let fields = (
            u32::try_from(decoded_start),
            u32::try_from(decoded.len()),
            u32::try_from(start),
            u32::try_from(source_len),
        );
        if let (Ok(decoded_start), Ok(decoded_len), Ok(source_start), Ok(source_len)) = fields {
            self.scan.pieces.push(Piece {
                decoded_start,
                decoded_len,
                source_start,
                source_len,
            });
        }
    }

    /// `\r\n` and a lone `\r` are a `\n` to the parser.
    fn carriage_return(&mut self) {
        let len = if self.html.get(self.at + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        self.open_run();
        self.piece(self.at, len, "\n");
        self.at += len;
    }

    /// A character reference, decoded when sure of it; else the `&` is text.
    fn reference(&mut self) {
        let start = self.at;
        match decode_reference(&self.html[start..]) {
            Some((len, decoded)) => {
                self.open_run();
                let mut buf = [0u8; 4];
                self.piece(start, len, decoded.encode_utf8(&mut buf));
                self.at += len;
            }
            None => {
                self.verbatim(start, start + 1);
                self.at += 1;
            }
        }
    }

    /// At a `<`: a tag, a comment, or just the character.
    fn markup(&mut self) {
        let start = self.at;
        let after = self.html.get(start + 1).copied();
        let end = match after {
            Some(b) if b.is_ascii_alphabetic() => return self.start_tag(start),
            Some(b'/') => match self.html.get(start + 2) {
                Some(b) if b.is_ascii_alphabetic() => return self.end_tag(start),
                Some(b'>') => start + 3,
                _ => self.until_gt(start + 2),
            },
            Some(b'!') if self.html[start..].starts_with(b"<!--") => self.comment_end(start + 4),
            Some(b'!' | b'?') => self.until_gt(start + 2),
            _ => {
                self.verbatim(start, start + 1);
                self.at += 1;
                return;
            }
        };
        self.boundary();
        self.at = end;
    }

    /// Just past the next `>` from `from`, or the end of the page.
    fn until_gt(&self, from: usize) -> usize {
        self.html
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == b'>'))
            .map_or(self.html.len(), |p| from + p + 1)
    }

    /// Just past a comment whose text starts at `from` (after `<!--`).
    fn comment_end(&self, from: usize) -> usize {
        let rest = self.html.get(from..).unwrap_or_default();
        // `<!-->` and `<!--->` end at once.
        if rest.starts_with(b">") {
            return from + 1;
        }
        if rest.starts_with(b"->") {
            return from + 2;
        }
        let mut i = 0;
        while let Some(p) = find_any(&rest[i..], [b'-'; 3]) {
            i += p;
            if rest[i..].starts_with(b"-->") {
                return from + i + 3;
            }
            if rest[i..].starts_with(b"--!>") {
                return from + i + 4;
            }
            i += 1;
        }
        self.html.len()
    }

    /// The tag name at `from` (lowercased, at most 16 bytes kept) and where
    /// it ends.
    fn tag_name(&self, from: usize) -> (TagName, usize) {
        let mut name = TagName::default();
        let mut at = from;
        while let Some(&b) = self.html.get(at) {
            if b.is_ascii_whitespace() || b == b'/' || b == b'>' {
                break;
            }
            name.push(b.to_ascii_lowercase());
            at += 1;
        }
        (name, at)
    }

    /// Just past the `>` closing a tag whose attributes start at `from`,
    /// skipping quoted attribute values; and whether it ends in `/>`.
    fn tag_end(&self, from: usize) -> (usize, bool) {
        let mut at = from;
        while let Some(p) = self
            .html
            .get(at..)
            .and_then(|rest| find_any(rest, [b'>', b'=', b'=']))
        {
            at += p;
            if self.html[at] == b'>' {
                return (at + 1, at > from && self.html[at - 1] == b'/');
            }
            // After `=`: a quoted value may hold `>`.
            at += 1;
            while self.html.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            if let Some(&quote @ (b'"' | b'\'')) = self.html.get(at) {
                match find_any(&self.html[at + 1..], [quote; 3]) {
                    Some(p) => at += 1 + p + 1,
                    None => break,
                }
            }
        }
        (self.html.len(), false)
    }

    fn start_tag(&mut self, start: usize) {
        let (name, name_end) = self.tag_name(start + 1);
        let (end, self_closing) = self.tag_end(name_end);
        self.boundary();
        self.at = end;
        // Inside <svg> and <math>, <title>, <style> and <script> hold markup.
        if raw_text_element(name.as_bytes()) && self.nesting.foreign == 0 {
            self.raw_text(&name);
            return;
        }
        if !self.nesting.open(&name, self_closing) {
            self.scan.too_deep.push(start..end);
        }
    }

    fn end_tag(&mut self, start: usize) {
        let (name, name_end) = self.tag_name(start + 2);
        let (end, _) = self.tag_end(name_end);
        self.boundary();
        self.at = end;
        self.nesting.close(&name);
    }

    /// Reads a raw-text element's content up to its end tag (left for the
    /// main loop). `<title>` and `<textarea>` text is read, so that its node
    /// matches its own run and not a later one; script and style content is
    /// skipped (copying it would cost more than the rest of the scan) and
    /// so are their nodes when matching, leaving a NUL, which no parsed text
    /// contains, so no span joins across them.
    fn raw_text(&mut self, name: &TagName) {
        let from = self.at;
        let end = if name.as_bytes() == b"plaintext" {
            self.html.len()
        } else {
            find_end_tag(&self.html[from..], name.as_bytes()).map_or(self.html.len(), |p| from + p)
        };
        if escapable_raw_text(name.as_bytes()) {
            self.data(end, DataMode::References);
        } else {
            self.scan.decoded.push('\0');
            self.at = end;
        }
        self.boundary();
    }
}

/// `<title>` and `<textarea>`: raw text in which references are decoded.
fn escapable_raw_text(name: &[u8]) -> bool {
    matches!(name, b"title" | b"textarea")
}

/// Where `</name` (any case, then a space, `/` or `>`) first occurs.
fn find_end_tag(haystack: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = find_any(&haystack[from..], [b'<'; 3]) {
        let at = from + p;
        if haystack.get(at + 1) != Some(&b'/') {
            from = at + 1;
            continue;
        }
        let after = at + 2;
        let matches_name = haystack
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let boundary = match haystack.get(after + name.len()) {
            Some(b) => b.is_ascii_whitespace() || *b == b'/' || *b == b'>',
            None => true,
        };
        if matches_name && boundary {
            return Some(at);
        }
        from = after;
    }
    None
}

/// A lowercased tag name, truncated to 16 bytes (enough to tell apart every
/// element whose nesting matters).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct TagName {
    bytes: [u8; 16],
    len: u8,
}

impl std::hash::Hash for TagName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let (low, high) = self.bytes.split_at(8);
        let word = |half: &[u8]| {
            let mut word = [0u8; 8];
            word.copy_from_slice(half);
            u64::from_le_bytes(word)
        };
        state.write_u64(word(low) ^ word(high).rotate_left(17) ^ u64::from(self.len));
    }
}

/// A multiply-rotate hasher for tag names: one per tag of every page, where
/// SipHash's resistance to chosen keys buys nothing (a page can at worst
/// collide its own few dozen names).
#[derive(Default)]
struct TagHasher(u64);

impl std::hash::Hasher for TagHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl TagName {
    fn push(&mut self, b: u8) {
        if usize::from(self.len) < self.bytes.len() {
            self.bytes[usize::from(self.len)] = b;
            self.len += 1;
        }
    }
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// The stack of open elements, approximated cheaply: void elements and
/// those html5ever closes implicitly when a sibling opens (`<p>`, `<li>`,
/// table rows and cells...) never count; an end tag closes everything down
/// to the nearest open element of its name, and is ignored when none is
/// open. A count per name keeps each step amortised O(1), so the whole pass
/// stays linear however hostile the page.
#[derive(Debug, Default)]
struct Nesting {
    stack: Vec<TagName>,
    open_by_name: HashMap<TagName, u32, BuildHasherDefault<TagHasher>>,
    max_depth: usize,
    /// Open `<svg>`/`<math>` elements: inside them `<x/>` really closes.
    foreign: usize,
}

impl Nesting {
    /// Opens an element; false when it would nest past [`MAX_NESTING`].
    fn open(&mut self, name: &TagName, self_closing: bool) -> bool {
        let bytes = name.as_bytes();
        if never_nests(bytes) || (self_closing && self.foreign > 0) {
            return true;
        }
        if self.stack.len() >= MAX_NESTING {
            self.max_depth = self.max_depth.max(self.stack.len() + 1);
            return false;
        }
        self.stack.push(*name);
        *self.open_by_name.entry(*name).or_default() += 1;
        self.foreign += usize::from(foreign_root(bytes));
        self.max_depth = self.max_depth.max(self.stack.len());
        true
    }

    fn close(&mut self, name: &TagName) {
        if self.open_by_name.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some(top) = self.stack.pop() {
            if let Some(count) = self.open_by_name.get_mut(&top) {
                *count = count.saturating_sub(1);
            }
            self.foreign = self
                .foreign
                .saturating_sub(usize::from(foreign_root(top.as_bytes())));
            if top == *name {
                break;
            }
        }
    }
}

fn foreign_root(name: &[u8]) -> bool {
    matches!(name, b"svg" | b"math")
}

/// Void elements, and elements a sibling of their kind closes.
fn never_nests(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"basefont"
            | b"bgsound"
            | b"br"
            | b"col"
            | b"embed"
            | b"frame"
            | b"hr"
            | b"image"
            | b"img"
            | b"input"
            | b"keygen"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dd"
            | b"dt"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
    )
}

/// Decodes a character reference at the start of `bytes` (which starts
/// with `&`): its length and character. `None` when the reference is not
/// one this decoder is sure html5ever reads the same way (unknown names,
/// names without `;`): the `&` is then kept as text, and any text node
/// html5ever decoded differently simply fails to match.
fn decode_reference(bytes: &[u8]) -> Option<(usize, char)> {
    if bytes.get(1) == Some(&b'#') {
        return decode_numeric(bytes);
    }
    let name_len = bytes[1..]
        .iter()
        .take(32)
        .position(|b| !b.is_ascii_alphanumeric())?;
    if name_len == 0 || bytes.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(&bytes[1..1 + name_len]).ok()?;
    let c = named_reference(name)?;
    Some((name_len + 2, c))
}

fn decode_numeric(bytes: &[u8]) -> Option<(usize, char)> {
    let (radix, digits_from) = match bytes.get(2) {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let digits = bytes[digits_from..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
        .count();
    if digits == 0 {
        return None;
    }
    let text = std::str::from_utf8(&bytes[digits_from..digits_from + digits]).ok()?;
    let mut len = digits_from + digits;
    if bytes.get(len) == Some(&b';') {
        len += 1;
    }
    // Overlong numbers are U+FFFD to html5ever.
    let code = u32::from_str_radix(text, radix).unwrap_or(u32::MAX);
    Some((len, numeric_char(code)))
}

/// What html5ever makes of a numeric reference: NUL, surrogates and values
/// past U+10FFFF are U+FFFD; 0x80–0x9F are read as windows-1252.
fn numeric_char(code: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0x80..=0x9F => WINDOWS_1252[(code - 0x80) as usize],
        other => other,
    };
    if code == 0 {
        return char::REPLACEMENT_CHARACTER;
    }
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The named references news pages use; any other name leaves the text
/// around it unmapped (never wrongly mapped).
fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "prime" => '′',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "ccedil" => 'ç',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Iacute" => 'Í',
        "Oacute" => 'Ó',
        "Uacute" => 'Ú',
        "Ccedil" => 'Ç',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Auml" => 'Ä',
        _ => return None,
    })
}

/// A stretch of extracted text copied byte for byte from one text node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextSegment {
    pub text_start: usize,
    pub len: usize,
    pub node: NodeId,
    /// Byte offset of the stretch in the node's text.
    pub node_offset: usize,
}

/// How many runs of character data (other than whitespace) ahead of the
/// last match a text node's start is looked for. Runs html5ever merges
/// into one node, or places elsewhere (foster-parented table text), are
/// skipped over; a node found nowhere in the window stays unmapped. The
/// bound keeps a page of unmatchable nodes linear.
const MATCH_WINDOW: usize = 128;

/// Ties `segments` of `text` (in text order) to the page through `scan`,
/// the scan of the page `document` was parsed from.
pub(crate) fn build_source_map(
    scan: &Scan,
    document: &scraper::Html,
    text: &str,
    segments: &[TextSegment],
) -> SourceMap {
    let node_starts = locate_text_nodes(scan, document, segments);
    let mut builder = SourceMapBuilder::new();
    // The decoded range of the last segment placed, for the join test.
    let mut previous: Option<(usize, usize)> = None;
    for segment in segments {
        let found = node_starts.binary_search_by_key(&segment.node, |&(node, _)| node);
        let Some(&(_, node_start)) = found.ok().and_then(|i| node_starts.get(i)) else {
            builder.break_chain();
            previous = None;
            continue;
        };
        let decoded = node_start + segment.node_offset;
        let joined = previous.is_some_and(|(text_end, decoded_end)| {
            decoded >= decoded_end
                && text
                    .get(text_end..segment.text_start)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace))
                && scan
                    .decoded
                    .get(decoded_end..decoded)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace))
        });
        if !joined {
            builder.break_chain();
        }
        place_segment(scan, &mut builder, segment, decoded);
        previous = Some((segment.text_start + segment.len, decoded + segment.len));
    }
    builder.finish()
}

/// Adds the pieces under one text segment, whose text starts at `decoded`
/// in the scan's decoded data.
fn place_segment(
    scan: &Scan,
    builder: &mut SourceMapBuilder,
    segment: &TextSegment,
    decoded: usize,
) {
    let decoded_end = decoded + segment.len;
    let first = scan
        .pieces
        .partition_point(|p| (p.decoded_start + p.decoded_len) as usize <= decoded);
    for piece in &scan.pieces[first..] {
        let piece_start = piece.decoded_start as usize;
        let piece_end = piece_start + piece.decoded_len as usize;
        if piece_start >= decoded_end {
            break;
        }
        let text_at = |d: usize| segment.text_start + (d - decoded);
        if piece.decoded_len == piece.source_len {
            let from = piece_start.max(decoded);
            let to = piece_end.min(decoded_end);
            let source = piece.source_start as usize + (from - piece_start);
            builder.push(text_at(from), to - from, source, to - from, true);
        } else if piece_start >= decoded && piece_end <= decoded_end {
            builder.push(
                text_at(piece_start),
                piece.decoded_len as usize,
                piece.source_start as usize,
                piece.source_len as usize,
                true,
            );
        } else {
            // Part of a reference: the text cannot be cut there.
            builder.break_chain();
        }
    }
}

/// Where each text node the segments use starts in the decoded data.
///
/// Every text node is matched in creation order (which is source order),
/// not only the used ones, so that a node of the same text earlier in the
/// page (a menu item, a teaser) consumes its own run and is not mistaken
/// for the article's.
fn locate_text_nodes(
    scan: &Scan,
    document: &scraper::Html,
    segments: &[TextSegment],
) -> Vec<(NodeId, usize)> {
    let mut used: Vec<NodeId> = segments.iter().map(|s| s.node).collect();
    used.sort_unstable();
    used.dedup();
    let mut starts = Vec::with_capacity(used.len());
    let Some(&last_used) = used.last() else {
        return starts;
    };
    let mut next_run = 0;
    for node in document.tree.nodes() {
        if node.id() > last_used {
            break;
        }
        let Node::Text(text) = node.value() else {
            continue;
        };
        let text: &str = text;
        if text.chars().all(char::is_whitespace) || in_skipped_raw_text(node) {
            continue;
        }
        if let Some((start, run)) = find_run(scan, text, next_run) {
            next_run = run;
            if used.binary_search(&node.id()).is_ok() {
                // Nodes come in id order, so `starts` stays sorted.
                starts.push((node.id(), start));
            }
        }
    }
    starts
}

/// A text node inside a script, style or other raw-text element, whose
/// content the scan skipped.
fn in_skipped_raw_text(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.parent()
        .and_then(|p| p.value().as_element().map(|e| e.name().as_bytes()))
        .is_some_and(|name| raw_text_element(name) && !escapable_raw_text(name))
}

/// The first run at or after `from_run` (within [`MATCH_WINDOW`]) where
/// `text` starts and ends at markup (or the end of the page), allowing for
/// the newline html5ever drops after `<pre>`; with the index of the first
/// run after the match.
fn find_run(scan: &Scan, text: &str, from_run: usize) -> Option<(usize, usize)> {
    let decoded = scan.decoded.as_str();
    let window = scan.run_starts.get(from_run..)?.iter().take(MATCH_WINDOW);
    for &run_start in window {
        let run_start = run_start as usize;
        let rest = decoded.get(run_start..)?;
        let start = if rest.starts_with(text) {
            run_start
        } else if rest.starts_with('\n') && rest[1..].starts_with(text) {
            run_start + 1
        } else {
            continue;
        };
        let end = start + text.len();
        let ends_at_markup = end == decoded.len()
            || u32::try_from(end).is_ok_and(|e| scan.boundaries.binary_search(&e).is_ok());
        if !ends_at_markup {
            continue;
        }
        let next = scan.run_starts.partition_point(|&r| (r as usize) < end);
        return Some((start, next));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(html: &str) -> String {
        scan(html).decoded
    }

    #[test]
    fn character_data_is_decoded_and_markup_dropped() {
        assert_eq!(
            decoded("<p class=\"a>b\">Al&amp;Bab&#8217;s <!-- x<p> -->r\r\nd</p>"),
            "Al&Bab’s r\nd"
        );
        assert_eq!(
            decoded("AT&T &unknown; &amp &#x41;"),
            "AT&T &unknown; &amp A"
        );
        assert_eq!(
            decoded("a<script>if (a<b) x='&amp;</p>'</script>b<title>&amp;</title>"),
            "a\0b&"
        );
        assert_eq!(decoded("1 < 2 <3"), "1 < 2 <3");
    }

    #[test]
    fn find_any_finds_the_first_special_byte_in_and_past_whole_words() {
        let specials = [b'<', b'&', b'\r'];
        for len in 0..40 {
            for at in 0..len {
                for special in specials {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    if at + 1 < len {
                        bytes[at + 1] = b'<';
                    }
                    assert_eq!(find_any(&bytes, specials), Some(at));
                }
            }
            assert_eq!(find_any(&vec![0x80u8; len], specials), None);
        }
    }

    #[test]
    fn nesting_is_measured_without_counting_implicitly_closed_elements() {
        let page = "<div><p>one<p>two<ul><li>a<li>b</ul></div><br><img>";
        assert_eq!(scan(page).max_depth, 2);
        let unclosed = "<font>".repeat(10);
        assert_eq!(scan(&unclosed).max_depth, 10);
        let closed = "<div></div>".repeat(1000);
        assert_eq!(scan(&closed).max_depth, 1);
        let svg = format!("<svg>{}</svg><div>", "<path/>".repeat(1000));
        assert_eq!(scan(&svg).max_depth, 1);
    }

    use crate::html::read_page;
    use proptest::prelude::*;
    use sitrep_model::Span;

    /// The page text behind the first occurrence of `needle` in the
    /// extracted text.
    fn located<'a>(html: &'a str, needle: &str) -> Option<&'a str> {
        let page = read_page(html);
        let at = page.text.find(needle)?;
        let span = page.source_map.locate(Span::new(at, at + needle.len()))?;
        html.get(span.start..span.end)
    }

    /// What a reader sees of a stretch of page, whitespace aside: its
    /// character data as html5ever decodes it, outside scripts and styles.
    fn visible(fragment: &str) -> String {
        visible_text(&scraper::Html::parse_fragment(fragment))
    }

    /// Whether the page bytes `source` read as `text` does: parsed on their
    /// own, or, where the context changes their meaning (inside a
    /// `<title>` in the body, `<` is text), as what parsing the page up to
    /// their end adds to parsing it up to their start.
    fn reads_the_same(html: &str, source: Span, text: &str) -> bool {
        let want = squeeze(text);
        if visible(&html[source.start..source.end]) == want {
            return true;
        }
        let before = visible_text(&scraper::Html::parse_document(&html[..source.start]));
        let through = visible_text(&scraper::Html::parse_document(&html[..source.end]));
        through.strip_prefix(&before) == Some(want.as_str())
    }

    fn visible_text(parsed: &scraper::Html) -> String {
        let mut out = String::new();
        for node in parsed.tree.nodes() {
            if let Node::Text(text) = node.value() {
                let hidden = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style"))
                });
                if !hidden {
                    out.extend(text.chars().filter(|c| !c.is_whitespace()));
                }
            }
        }
        out
    }

    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    const ARTICLE: &str = "<html><head><title>Shelling</title><script>var s = \"Aleppo</p>\";</script>\
        <style>p { color: red }</style></head><body><nav><a href=\"/\">Aleppo news</a></nav>\
        <article><p>Shelling hit <b>Al</b>eppo&#8217;s old city on Tuesday, killing three civilians \
        and wounding 12, the Syrian Observatory said.</p>\r\n<p>Residents of Bab&nbsp;al-Nairab &amp; \
        Salah&nbsp;al-Din said the <!-- ad -->strikes began before dawn and lasted two hours.</p>\
        <p>В Алеппо — «ракетный удар» по рынку; Zürich-based monitors counted 40 rockets.</p></article>\
        <footer>Copyright</footer></body></html>";

    #[test]
    fn a_word_split_by_inline_tags_maps_across_them() {
        assert_eq!(
            located(ARTICLE, "Aleppo’s old city"),
            Some("Al</b>eppo&#8217;s old city")
        );
    }

    #[test]
    fn entities_map_whole_and_never_in_part() {
        assert_eq!(located(ARTICLE, "’"), Some("&#8217;"));
        assert_eq!(
            located(ARTICLE, "Bab al-Nairab & Salah"),
            Some("Bab&nbsp;al-Nairab &amp; Salah")
        );
        let page = read_page(ARTICLE);
        let apostrophe = page.text.find('’').unwrap_or(0);
        // Half of a three-byte character from a reference has no page offset.
        assert!(page
            .source_map
            .locate(Span::new(apostrophe, apostrophe + 1))
            .is_none());
    }

    #[test]
    fn scripts_styles_comments_and_dropped_boxes_are_stepped_over() {
        // The first "Aleppo" in the page is in a script, the second in the
        // navigation: the article's is the one mapped.
        let first_in_text = located(ARTICLE, "Al").unwrap_or("");
        let offset = ARTICLE.find("<b>Al</b>").unwrap_or(0) + 3;
        assert_eq!(first_in_text, "Al");
        assert_eq!(&ARTICLE[offset..offset + 2], first_in_text);
        let page = read_page(ARTICLE);
        let at = page.text.find("Al").unwrap_or(0);
        assert_eq!(
            page.source_map.locate(Span::new(at, at + 2)),
            Some(Span::new(offset, offset + 2))
        );
        // The comment sits inside the span and is part of the page slice.
        assert_eq!(
            located(ARTICLE, "the strikes began"),
            Some("the <!-- ad -->strikes began")
        );
        // Across two paragraphs (only markup between) maps; the text's own
        // "\n\n" is not in the page.
        assert!(located(ARTICLE, "said.\n\nResidents").is_some_and(|s| s.starts_with("said.</p>")));
    }

    #[test]
    fn same_text_earlier_in_the_page_is_not_taken_for_the_article() {
        let html = "<html><head><title>Kidal</title></head><body>\
            <a href=\"/fb\"><svg><title>Kidal</title><path d=\"M0\"/></svg></a>\
            <ul><li><a href=\"/k\">Kidal</a></li></ul><article>\
            <p>Rebels took control of the army camp in <b>Kidal</b> on Sunday after two days \
            of fighting, residents said.</p></article></body></html>";
        let page = read_page(html);
        let at = page.text.find("Kidal").unwrap_or(usize::MAX);
        let source = page.source_map.locate(Span::new(at, at + 5));
        let expected = html.find("<b>Kidal").map(|p| Span::new(p + 3, p + 8));
        assert!(source.is_some());
        assert_eq!(source, expected, "{}", page.text);
    }

    #[test]
    fn non_ascii_text_maps_to_its_bytes() {
        assert_eq!(
            located(ARTICLE, "В Алеппо — «ракетный удар»"),
            Some("В Алеппо — «ракетный удар»")
        );
        assert_eq!(located(ARTICLE, "Zürich-based"), Some("Zürich-based"));
    }

    #[test]
    fn a_span_over_text_extraction_left_out_does_not_map() {
        let html = "<div><p>Gunmen attacked a checkpoint near Gao on Monday, killing four soldiers, \
            the army said in a statement.</p><div class=\"share-bar\">Share on Twitter</div>\
            <p>The attackers fled towards the border with Niger after the raid, officials said.</p></div>";
        let page = read_page(html);
        assert!(!page.text.contains("Twitter"), "{}", page.text);
        let from = page.text.find("statement.").unwrap_or(0);
        let to = page.text.find("The attackers").unwrap_or(0) + 3;
        assert!(page.source_map.locate(Span::new(from, to)).is_none());
        assert_eq!(
            located(html, "The attackers fled"),
            Some("The attackers fled")
        );
    }

    #[test]
    fn every_word_of_a_plain_article_maps() {
        let page = read_page(ARTICLE);
        let mut words = 0;
        for (at, word) in page.text.match_indices(|c: char| !c.is_whitespace()) {
            let _ = word;
            words += 1;
            let c_len = page.text[at..].chars().next().map_or(1, char::len_utf8);
            let span = page.source_map.locate(Span::new(at, at + c_len));
            // Only characters that came from a reference may not map alone.
            if span.is_none() {
                assert!(
                    matches!(&page.text[at..at + c_len], "’"),
                    "{:?}",
                    &page.text[at..]
                );
            }
        }
        assert!(words > 100);
        assert!(page.source_map.mapped_text_bytes() * 10 > page.text.len() * 9);
    }

    fn part() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Gunmen",
            "killed",
            "Aleppo",
            "Al",
            "eppo",
            "Idlib",
            "Алеппо",
            "Zürich",
            "—",
            "12",
            ",",
            ".",
            "the",
            " ",
            "  \n ",
            "\r\n",
            "\t",
            "&amp;",
            "&#8217;",
            "&nbsp;",
            "&quot;",
            "&#x41;",
            "&eacute;",
            "&unknown;",
            "&copy",
            "&",
            "<",
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<div class=\"story\">",
            "</div>",
            "<br>",
            "<a href=\"/x>y\">",
            "</a>",
            "<!-- c -->",
            "<script>var a='<p>x</p>';</script>",
            "<style>p{}</style>",
            "<nav>Home the</nav>",
            "<pre>\n",
            "</pre>",
            "<ul><li>",
            "</ul>",
            "<span>",
            "</span>",
            "<table><tr><td>",
            "</table>",
            "<h2>",
            "</h2>",
            "<img src=x alt=\"the\">",
            "</x>",
            "<!doctype html>",
        ])
    }

    /// Checks, for spans between sampled character boundaries of the
    /// extracted text, that every span the map locates covers page text
    /// that reads the same (whitespace aside) and lies on char boundaries.
    fn check_located_spans(html: &str) -> Result<(), TestCaseError> {
        let page = read_page(html);
        let bounds: Vec<usize> = page
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([page.text.len()])
            .collect();
        let step = (bounds.len() / 24).max(1);
        let picks: Vec<usize> = bounds
            .iter()
            .copied()
            .step_by(step)
            .chain([page.text.len()])
            .collect();
        for &start in &picks {
            for &end in picks.iter().filter(|&&e| e >= start) {
                let Some(source) = page.source_map.locate(Span::new(start, end)) else {
                    continue;
                };
                let slice = html.get(source.start..source.end);
                prop_assert!(slice.is_some(), "span {source:?} not on char boundaries");
                prop_assert!(
                    reads_the_same(html, source, &page.text[start..end]),
                    "text {:?} mapped to {:?}",
                    &page.text[start..end],
                    slice
                );
            }
        }
        Ok(())
    }

    proptest! {
        /// Pages made of markup, references and words in any order.
        #[test]
        fn mapped_spans_read_the_same_in_the_page(parts in prop::collection::vec(part(), 1..80)) {
            check_located_spans(&parts.concat())?;
        }

        /// A real-looking article with markup spliced in anywhere (inside
        /// tags, references, comments and scripts included).
        #[test]
        fn mapped_spans_read_the_same_in_mutated_articles(
            splices in prop::collection::vec((any::<prop::sample::Index>(), part()), 1..10),
        ) {
            let mut html = ARTICLE.to_string();
            for (at, piece) in &splices {
                let mut i = at.index(html.len() + 1);
                while !html.is_char_boundary(i) {
                    i -= 1;
                }
                html.insert_str(i, piece);
            }
            check_located_spans(&html)?;
        }
    }

    /// The tree html5ever built, measured: its deepest node's ancestors.
    fn tree_depth(html: &str) -> usize {
        let parsed = crate::html::parse_bounded(html);
        let deepest = parsed.tree.nodes().map(|n| n.ancestors().count()).max();
        deepest.unwrap_or(0)
    }

    const DEEP_STORY: &str = "<p>Gunmen attacked a market in Maiduguri on Friday, killing five \
        people and wounding nine others, police said.</p>";

    #[test]
    fn fifty_and_five_hundred_thousand_nested_divs_are_flattened_and_read() {
        for depth in [50_000, 500_000] {
            let html = format!(
                "<html><body>{}{DEEP_STORY}{}</body></html>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            );
            let page = read_page(&html);
            assert!(page.text.starts_with("Gunmen attacked"), "{:?}", page.text);
            // Offsets still point into the page as given, not the flattened copy.
            assert_eq!(
                located(&html, "Gunmen attacked a market"),
                Some("Gunmen attacked a market")
            );
            assert!(tree_depth(&html) <= MAX_NESTING + 4);
        }
    }

    #[test]
    fn hostile_nesting_in_other_shapes_is_flattened_too() {
        let shapes = [
            // html5ever ignores the slash on HTML elements
            "<div/>".repeat(50_000),
            // an old page's unclosed font tags, with text at every level
            "<font size=2>x ".repeat(50_000),
            "<b><i><span>".repeat(20_000),
        ];
        for open in shapes {
            let html = format!("<html><body>{open}{DEEP_STORY}</body></html>");
            assert!(read_page(&html).text.contains("killing five people"));
            assert!(tree_depth(&html) <= MAX_NESTING + 4);
        }
    }

    #[test]
    fn ordinary_nesting_is_left_alone() {
        let html = format!(
            "<html><body>{}{DEEP_STORY}{}</body></html>",
            "<div>".repeat(300),
            "</div>".repeat(300)
        );
        let scanned = scan(&html);
        assert!(scanned.too_deep.is_empty());
        assert_eq!(scanned.max_depth, 302); // with <html> and <body>
        assert!(tree_depth(&html) > 300);
    }

    #[test]
    fn tags_past_the_limit_are_listed_for_blanking() {
        let deep = "<div>".repeat(MAX_NESTING + 3);
        let scanned = scan(&deep);
        assert_eq!(scanned.too_deep.len(), 3);
        let blanked = blank_out(&deep, &scanned.too_deep);
        assert_eq!(blanked.len(), deep.len());
        assert_eq!(scan(&blanked).max_depth, MAX_NESTING);
    }
}
