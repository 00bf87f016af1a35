//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every item (entry) becomes one
//! [`Document`].
//!
//! A feed is decoded to UTF-8 first (byte-order mark, then a charset the
//! transport named, then the XML declaration's `encoding`, then UTF-8, else
//! a detector's guess), then read with quick-xml. Elements are matched by
//! local name, so a feed that binds the usual prefixes to other names
//! (`content:`, `dc:`) is still understood; the prefix is only checked where
//! a foreign element shares a local name (`atom:link` inside an RSS item).
//!
//! An item's text is the fullest body it carries: `content:encoded` or Atom
//! `content`, else `description` or `summary`. HTML in it is reduced to text
//! (see [`FeedItem::text`]). The title is NOT put into the text: HTML pages
//! keep their headline out of the text too (`html::main_text`), and a
//! headline restates the lead sentence in compressed form, so coding both
//! would report one incident twice. The title stays in [`Document::title`].

use crate::{date::parse_date, IngestError, IngestOptions, RawBody, RawRecord, RawRecords};
use encoding_rs::{Encoding, UTF_8};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use sitrep_model::Document;

/// The three feed dialects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// RSS 0.9x and 2.0 (`<rss>`).
    Rss,
    /// RSS 1.0 (`<rdf:RDF>`).
    Rdf,
    /// Atom (`<feed>`).
    Atom,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub kind: FeedKind,
    /// The channel's (Atom: the feed's) title.
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// One item (Atom: entry) as the feed wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// RSS `guid`, Atom `id`, RSS 1.0 `rdf:about`.
    pub guid: Option<String>,
    /// RSS `link`, Atom `link` (rel `alternate` or none), as written.
    pub link: Option<String>,
    /// The `xml:base` attributes in force at the link, outermost first
    /// (feed, entry, the link itself): a relative link resolves against
    /// each in turn, starting from the feed's own address.
    pub link_bases: Vec<String>,
    pub title: Option<String>,
    /// Publication date as written: `pubDate`, `dc:date`, Atom `published`,
    /// else Atom `updated`.
    pub date: Option<String>,
    /// `content:encoded` or Atom `content`.
    pub content: Option<Body>,
    /// `description` or Atom `summary`.
    pub summary: Option<Body>,
}

/// An item body and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub markup: Markup,
    pub content: String,
}

/// What a body's content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text (Atom `type="text"`).
    Text,
    /// HTML source (RSS bodies, Atom `type="html"`).
    Html,
    /// Inline XHTML (Atom `type="xhtml"`), re-serialised as HTML.
    Xhtml,
}

/// Whether the start of a stream is a feed: the first element (after any
/// XML declaration, comments, processing instructions and doctype) is
/// `rss`, `feed` or `RDF`. Used to sniff stdin and `.xml` files.
pub fn looks_like_feed(head: &[u8]) -> bool {
    root_element_name(head).is_some_and(|name| feed_kind_of_root(name).is_some())
}

/// The local name of the first element in `head`, if it can be found.
fn root_element_name(head: &[u8]) -> Option<&str> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let mut at = 0;
    loop {
        while head.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let rest = head.get(at..)?;
        if rest.starts_with(b"<?") {
            at += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            at += find(rest, b"-->")? + 3;
        } else if rest.starts_with(b"<!") {
            // A doctype; an internal subset ([...]) may hold '>' characters.
            let close = match (find(rest, b"["), find(rest, b">")) {
                (Some(open), Some(gt)) if open < gt => find(rest, b"]>")? + 2,
                (_, Some(gt)) => gt + 1,
                _ => return None,
            };
            at += close;
        } else if rest.starts_with(b"<") {
            let name_len = rest[1..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
                .unwrap_or(rest.len() - 1);
            let name = std::str::from_utf8(&rest[1..1 + name_len]).ok()?;
            return Some(name.rsplit(':').next().unwrap_or(name));
        } else {
            return None;
        }
    }
}

fn feed_kind_of_root(local_name: &str) -> Option<FeedKind> {
    match local_name {
        "rss" => Some(FeedKind::Rss),
        "RDF" => Some(FeedKind::Rdf),
        "feed" => Some(FeedKind::Atom),
        _ => None,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses a feed whose charset only the feed itself can tell.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, IngestError> {
    parse_feed_with_charset(bytes, None)
}

/// Parses a feed; `charset` is what the transport (an HTTP `Content-Type`)
/// said, and wins over the XML declaration (RFC 7303) but not over a BOM.
pub fn parse_feed_with_charset(bytes: &[u8], charset: Option<&str>) -> Result<Feed, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let text = decode_xml(bytes, charset);
    FeedParser::new(&text).parse()
}

/// Decodes feed bytes to UTF-8; undecodable bytes become U+FFFD.
fn decode_xml(bytes: &[u8], charset: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return encoding.decode_without_bom_handling(body).0.into_owned();
    }
    let named = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let encoding = named
        .or_else(|| declared_encoding(bytes))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                detector.guess(None, true)
            }
        });
    // A UTF-16 label on bytes without a BOM that read as ASCII is wrong.
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        encoding
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The `encoding` of an XML declaration at the very start.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let declaration = bytes.strip_prefix(b"<?xml")?;
    let declaration = &declaration[..find(declaration, b"?>")?];
    let at = find(declaration, b"encoding")? + b"encoding".len();
    let rest = declaration[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == b'=')
        .copied()
        .collect::<Vec<u8>>();
    let quote = *rest.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let label = &rest[1..1 + rest[1..].iter().position(|&b| b == quote)?];
    Encoding::for_label(label)
}

/// Which item field an element's text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    FeedTitle,
    Title,
    Link,
    Guid,
    /// A date; lower ranks win (published before updated).
    Date(u8),
    Content(Markup),
    Summary(Markup),
}

/// Text being collected for a field until its element closes.
struct Capture {
    field: Field,
    /// Stack depth of the field's element.
    depth: usize,
    text: String,
}

impl Capture {
    /// Markup nested in a body (XHTML content, or HTML a feed left
    /// unescaped) is kept as HTML source, so block boundaries survive.
    fn keeps_markup(&self) -> bool {
        matches!(
            self.field,
            Field::Content(Markup::Html | Markup::Xhtml)
                | Field::Summary(Markup::Html | Markup::Xhtml)
        )
    }

    /// Characters in XHTML are text, so they must be escaped once they sit
    /// in HTML source; in an HTML body, decoded characters ARE the source.
    fn escapes_text(&self) -> bool {
        matches!(
            self.field,
            Field::Content(Markup::Xhtml) | Field::Summary(Markup::Xhtml)
        )
    }

    fn push_text(&mut self, text: &str) {
        if self.escapes_text() {
            self.text.push_str(&quick_xml::escape::escape(text));
        } else {
            self.text.push_str(text);
        }
    }
}

struct FeedParser<'a> {
    reader: Reader<&'a [u8]>,
    source: &'a str,
    /// Local names of the open elements.
    stack: Vec<String>,
    kind: Option<FeedKind>,
    title: Option<String>,
    items: Vec<FeedItem>,
    /// The item being read, with the stack depth of its element.
    item: Option<(FeedItem, usize, Option<u8>)>,
    capture: Option<Capture>,
    /// `xml:base` values of the open elements, with each one's depth.
    bases: Vec<(usize, String)>,
}

impl<'a> FeedParser<'a> {
    fn new(source: &'a str) -> Self {
        let mut reader = Reader::from_str(source);
        // Feeds in the wild carry stray ampersands ("AT&T"); they are
        // text, not a reason to refuse the whole feed.
        reader.config_mut().allow_dangling_amp = true;
        FeedParser {
            reader,
            source,
            stack: Vec::new(),
            kind: None,
            title: None,
            items: Vec::new(),
            item: None,
            capture: None,
            bases: Vec::new(),
        }
    }

    fn malformed(&self, position: u64, reason: impl std::fmt::Display) -> IngestError {
        let position = usize::try_from(position).unwrap_or(usize::MAX);
        let before = self.source.get(..position).unwrap_or(self.source);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        IngestError::MalformedFeed(format!("line {line}: {reason}"))
    }

    fn parse(mut self) -> Result<Feed, IngestError> {
        loop {
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => return Err(self.malformed(self.reader.error_position(), e)),
            };
            match event {
                Event::Start(start) => {
                    self.open(&start)?;
                    self.stack.push(start.local_name().into_inner().to_string());
                }
                Event::Empty(start) => {
                    self.open(&start)?;
                    self.stack.push(start.local_name().into_inner().to_string());
                    self.close(start.name().into_inner(), true);
                }
                Event::End(end) => self.close(end.name().into_inner(), false),
                Event::Text(text) => {
                    if let Some(capture) = &mut self.capture {
                        capture.push_text(&text.xml10_content());
                    }
                }
                Event::CData(data) => {
                    if let Some(capture) = &mut self.capture {
                        capture.push_text(&data.into_inner());
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(capture) = &mut self.capture {
                        let name = reference.into_inner();
                        match resolve_reference(&name) {
                            Some(c) => capture.push_text(c.encode_utf8(&mut [0; 4])),
                            // Unknown entities stay as written; HTML bodies
                            // decode them later (html5ever knows them all).
                            None => capture.text.push_str(&format!("&{name};")),
                        }
                    }
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        if let Some(open) = self.stack.last() {
            let open = format!("ends inside <{open}> (truncated?)");
            return Err(self.malformed(self.source.len() as u64, open));
        }
        let kind = self
            .kind
            .ok_or_else(|| IngestError::NotAFeed("no root element".into()))?;
        Ok(Feed {
            kind,
            title: self.title,
            items: self.items,
        })
    }

    /// An element opens (its name is not on the stack yet).
    fn open(&mut self, start: &BytesStart) -> Result<(), IngestError> {
        // Kept for every element, the root included; `close` drops it.
        if let Some(base) = attribute(start, "xml:base").filter(|b| !b.trim().is_empty()) {
            self.bases.push((self.stack.len(), base));
        }
        let (local, prefix) = start.name().decompose();
        let local = local.into_inner();
        let prefix = prefix.map(|p| p.into_inner());
        let Some(kind) = self.kind else {
            let kind = feed_kind_of_root(local).ok_or_else(|| {
                IngestError::NotAFeed(format!(
                    "root element is <{}>, not <rss>, <feed> or <rdf:RDF>",
                    start.name().into_inner()
                ))
            })?;
            self.kind = Some(kind);
            return Ok(());
        };
        if let Some(capture) = &mut self.capture {
            if capture.keeps_markup() {
                capture.text.push('<');
                capture.text.push_str(start.name().into_inner());
                capture.text.push_str(start.attributes_raw());
                capture.text.push('>');
            }
            return Ok(());
        }
        let depth = self.stack.len();
        let item_element = if kind == FeedKind::Atom {
            "entry"
        } else {
            "item"
        };
        match &mut self.item {
            None if local == item_element && prefix != Some("atom") => {
                let mut item = FeedItem::default();
                if kind == FeedKind::Rdf {
                    item.guid = attribute(start, "rdf:about");
                }
                self.item = Some((item, depth, None));
            }
            None => {
                let channel_title = match kind {
                    FeedKind::Atom => depth == 1,
                    FeedKind::Rss | FeedKind::Rdf => {
                        depth == 2 && self.stack.get(1).is_some_and(|p| p == "channel")
                    }
                };
                if channel_title && local == "title" && self.title.is_none() {
                    self.capture = Some(Capture {
                        field: Field::FeedTitle,
                        depth,
                        text: String::new(),
                    });
                }
            }
            Some((item, item_depth, _)) if depth == *item_depth + 1 => {
                let bases = self.bases.iter().map(|(_, b)| b.clone());
                if let Some(field) = item_field(kind, local, prefix, start, item, bases) {
                    self.capture = Some(Capture {
                        field,
                        depth,
                        text: String::new(),
                    });
                }
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// An element closes (its name is still on the stack).
    fn close(&mut self, qualified_name: &str, empty: bool) {
        self.stack.pop();
        let depth = self.stack.len();
        while self.bases.last().is_some_and(|(d, _)| *d >= depth) {
            self.bases.pop();
        }
        if let Some(capture) = &mut self.capture {
            if capture.depth < depth {
                if capture.keeps_markup() {
                    if empty {
                        // `<br/>` was written as `<br>`: a void element in HTML.
                        if !is_void_element(qualified_name) {
                            capture.text.push_str(&format!("</{qualified_name}>"));
                        }
                    } else {
                        capture.text.push_str(&format!("</{qualified_name}>"));
                    }
                }
                return;
            }
            if let Some(capture) = self.capture.take() {
                self.finish_capture(capture);
            }
            return;
        }
        if let Some((_, item_depth, _)) = &self.item {
            if *item_depth == depth {
                if let Some((item, _, _)) = self.item.take() {
                    self.items.push(item);
                }
            }
        }
    }

    fn finish_capture(&mut self, capture: Capture) {
        let text = capture.text;
        if capture.field == Field::FeedTitle {
            self.title = non_blank(collapse_whitespace(&text));
            return;
        }
        let Some((item, _, date_rank)) = &mut self.item else {
            return;
        };
        match capture.field {
            Field::FeedTitle => {}
            Field::Title => {
                item.title = item.title.take().or(non_blank(collapse_whitespace(&text)))
            }
            Field::Link => item.link = item.link.take().or(non_blank(text.trim().to_string())),
            Field::Guid => item.guid = non_blank(text.trim().to_string()).or(item.guid.take()),
            Field::Date(rank) => {
                if date_rank.is_none_or(|r| rank < r) && !text.trim().is_empty() {
                    item.date = Some(text.trim().to_string());
                    *date_rank = Some(rank);
                }
            }
            Field::Content(markup) => {
                if item.content.is_none() && !text.trim().is_empty() {
                    item.content = Some(Body {
                        markup,
                        content: text,
                    });
                }
            }
            Field::Summary(markup) => {
                if item.summary.is_none() && !text.trim().is_empty() {
                    item.summary = Some(Body {
                        markup,
                        content: text,
                    });
                }
            }
        }
    }
}

/// The field a direct child of an item fills, if any. Atom links carry
/// their address in an attribute, so they are taken here, not captured.
fn item_field(
    kind: FeedKind,
    local: &str,
    prefix: Option<&str>,
    start: &BytesStart,
    item: &mut FeedItem,
    bases_in_force: impl Iterator<Item = String>,
) -> Option<Field> {
    let atom_element = kind == FeedKind::Atom || prefix == Some("atom");
    match local {
        "title" => Some(Field::Title),
        "link" if atom_element => {
            let rel = attribute(start, "rel");
            if item.link.is_none() && matches!(rel.as_deref(), None | Some("alternate")) {
                item.link = attribute(start, "href").filter(|h| !h.trim().is_empty());
                if item.link.is_some() {
                    item.link_bases = bases_in_force.collect();
                }
            }
            None
        }
        "link" => Some(Field::Link),
        "guid" | "id" => Some(Field::Guid),
        "pubDate" | "published" | "issued" => Some(Field::Date(0)),
        "date" => Some(Field::Date(1)),
        "updated" | "modified" => Some(Field::Date(2)),
        "encoded" => Some(Field::Content(Markup::Html)),
        "content" if atom_element => {
            // Content elsewhere (`src=`) or not text (an image) has no body.
            if attribute(start, "src").is_some() {
                return None;
            }
            atom_markup(attribute(start, "type").as_deref()).map(Field::Content)
        }
        "description" => Some(Field::Summary(Markup::Html)),
        "summary" => atom_markup(attribute(start, "type").as_deref()).map(Field::Summary),
        _ => None,
    }
}

/// Atom's `type` attribute: text (the default), html, xhtml, or a media
/// type (text/* is text, anything else is not a body).
fn atom_markup(kind: Option<&str>) -> Option<Markup> {
    match kind.map(str::trim) {
        None | Some("text") | Some("") => Some(Markup::Text),
        Some("html") | Some("text/html") => Some(Markup::Html),
        Some("xhtml") | Some("application/xhtml+xml") => Some(Markup::Xhtml),
        Some(other) if other.starts_with("text/") => Some(Markup::Text),
        Some(_) => None,
    }
}

fn attribute(start: &BytesStart, name: &str) -> Option<String> {
    let attribute = start.try_get_attribute(name).ok().flatten()?;
    let value = attribute
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map(|v| v.into_owned())
        .unwrap_or_else(|_| attribute.value.into_owned());
    Some(value)
}

/// A character or predefined entity reference, or one of the HTML entities
/// feeds use without declaring them.
fn resolve_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => return None,
    })
}

fn is_void_element(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "br" | "hr" | "img" | "input" | "meta" | "link" | "source" | "wbr" | "area" | "col"
    )
}

fn non_blank(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

/// Runs of whitespace (newlines included) to one space, trimmed.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl FeedItem {
    /// What `sitrep watch` remembers the item by, and its document id: the
    /// guid (Atom id), else the link, else a hash of title and body.
    /// A hash of what the item says (title, date, link, bodies). An item
    /// that keeps its key but changes this was edited (a corrected toll, an
    /// updated story) and is worth reading again.
    pub fn version(&self) -> String {
        let mut bytes = Vec::new();
        for part in [&self.title, &self.date, &self.link].into_iter().flatten() {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
        for body in [&self.content, &self.summary] {
            if let Some(body) = body {
                bytes.extend_from_slice(body.content.as_bytes());
            }
            bytes.push(0);
        }
        crate::short_hash(&bytes)
    }

    pub fn key(&self) -> String {
        if let Some(key) = self.guid.as_ref().or(self.link.as_ref()) {
            return key.clone();
        }
        let mut bytes = Vec::new();
        for part in [&self.title, &self.date].into_iter().flatten() {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
        for body in [&self.content, &self.summary].into_iter().flatten() {
            bytes.extend_from_slice(body.content.as_bytes());
            bytes.push(0);
        }
        format!("feed-item-{}", crate::short_hash(&bytes))
    }

    /// The item's text: the content body reduced to text, else the
    /// summary's; None when neither has any.
    ///
    /// HTML becomes its visible text, one paragraph per block, without the
    /// blocks that are nothing but links (share buttons, "related stories"
    /// lists, "Read more"). Main-content extraction (`html::main_text`) is
    /// not used: a body is already the article without the page around it,
    /// and on bodies it dropped short closing paragraphs ("Two soldiers
    /// were wounded.") that carry exactly what events are made of.
    pub fn text(&self) -> Option<String> {
        [&self.content, &self.summary]
            .into_iter()
            .flatten()
            .map(body_text)
            .find(|text| !text.trim().is_empty())
    }

    /// The item as a document. The source is the feed's title, else the
    /// options' source (which, as for every format, names documents that
    /// carry none). A date that cannot be read is dropped, not fatal: the
    /// options' date (or none) is used, and events then say that no date
    /// anchored them.
    pub fn to_document(
        &self,
        feed_title: Option<&str>,
        origin: &str,
        opts: &IngestOptions,
    ) -> Result<Document, IngestError> {
        let text = self.text().ok_or(IngestError::NoItemText)?;
        let published = self
            .date
            .as_deref()
            .and_then(|d| parse_date(d).ok())
            .or(opts.published);
        Ok(Document {
            id: self.key(),
            source: feed_title
                .map(str::to_string)
                .or_else(|| opts.source.clone()),
            url: self.link.clone().or_else(|| self.permalink_guid()),
            title: self.title.clone(),
            published,
            origin: origin.to_string(),
            text,
            ..Default::default()
        })
    }

    /// An RSS guid that is a web address doubles as the item's link.
    fn permalink_guid(&self) -> Option<String> {
        self.guid
            .clone()
            .filter(|g| g.starts_with("http://") || g.starts_with("https://"))
    }
}

fn body_text(body: &Body) -> String {
    let content = body.content.trim();
    match body.markup {
        Markup::Text => plain_text(content),
        Markup::Html | Markup::Xhtml if !has_markup(content) => plain_text(content),
        Markup::Html | Markup::Xhtml => html_text(content),
    }
}

/// Whether HTML source has tags or entities to decode (a plain sentence in
/// a `description` keeps its paragraphs when read as text).
fn has_markup(source: &str) -> bool {
    let bytes = source.as_bytes();
    bytes.windows(2).any(|w| {
        (w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
            || (w[0] == b'&' && (w[1].is_ascii_alphanumeric() || w[1] == b'#'))
    })
}

/// Paragraphs (split at blank lines) with their whitespace collapsed.
fn plain_text(source: &str) -> String {
    let normalised = source.replace("\r\n", "\n").replace('\r', "\n");
    normalised
        .split("\n\n")
        .map(collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn html_text(source: &str) -> String {
    visible_text(&crate::html::parse_bounded(source))
}

/// A paragraph being collected from HTML.
#[derive(Default)]
struct Paragraph {
    text: String,
    /// Whether any of its text is outside a link.
    has_plain_text: bool,
}

/// Every visible text block of parsed HTML, one paragraph per block, in
/// document order, joined by blank lines (as `html::main_text` joins
/// them); blocks made only of links are dropped.
fn visible_text(document: &scraper::Html) -> String {
    use ego_tree::iter::Edge;
    let mut paragraphs = Vec::new();
    let mut current = Paragraph::default();
    let mut hidden_depth = 0usize;
    let mut link_depth = 0usize;
    let flush = |current: &mut Paragraph, paragraphs: &mut Vec<String>| {
        let paragraph = collapse_whitespace(&current.text);
        if !paragraph.is_empty() && current.has_plain_text {
            paragraphs.push(paragraph);
        }
        *current = Paragraph::default();
    };
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                scraper::Node::Element(element) => {
                    let name = element.name();
                    if hidden_depth > 0 || is_hidden(name) {
                        hidden_depth += 1;
                    } else if is_block(name) {
                        flush(&mut current, &mut paragraphs);
                    } else if name == "a" {
                        link_depth += 1;
                    }
                }
                scraper::Node::Text(text) if hidden_depth == 0 => {
                    current.text.push_str(text);
                    if link_depth == 0 && !text.trim().is_empty() {
                        current.has_plain_text = true;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let scraper::Node::Element(element) = node.value() {
                    let name = element.name();
                    if hidden_depth > 0 {
                        hidden_depth -= 1;
                    } else if is_block(name) {
                        flush(&mut current, &mut paragraphs);
                    } else if name == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "iframe" | "svg"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "hr"
            | "dd"
            | "dt"
    )
}

/// A page fetched for a feed item (`sitrep watch --fetch-articles`), read
/// as a web page is read from an archive: the transport's charset wins
/// over the page's own, `id` (the item's key) keeps re-runs idempotent.
pub fn article_document(
    bytes: Vec<u8>,
    charset: Option<String>,
    url: Option<String>,
    id: String,
    origin: &str,
    opts: &IngestOptions,
) -> Result<Document, crate::Failure> {
    RawRecord::web_page(origin.to_string(), bytes, charset, url, Some(id)).parse(opts)
}

/// Records of a feed file: one per item (origin `path#item-N`, counting
/// from 1), parsed to documents later and in parallel. A feed that cannot
/// be read is one failure naming the file; one with no items too.
pub(crate) fn feed_records(origin: &str, bytes: &[u8]) -> RawRecords {
    let feed = match parse_feed(bytes) {
        Ok(feed) => feed,
        Err(error) => return crate::failed(origin, error),
    };
    if feed.items.is_empty() {
        return crate::failed(origin, IngestError::EmptyFeed);
    }
    let title = feed.title;
    let origin = origin.to_string();
    Box::new(
        feed.items
            .into_iter()
            .enumerate()
            .map(move |(index, item)| {
                Ok(RawRecord {
                    origin: format!("{origin}#item-{}", index + 1),
                    body: RawBody::FeedItem {
                        item: Box::new(item),
                        feed_title: title.clone(),
                    },
                })
            }),
    )
}

#[cfg(test)]
mod tests;
