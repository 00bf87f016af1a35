//! Main-content extraction: which part of a page is the article.
//!
//! The page is flattened into *blocks* (runs of inline text between
//! block-level tags), skipping elements that are boilerplate by nature
//! (scripts, navigation, forms) or by name (class/id saying comment, share,
//! related, ...). Each block gets a value: positive for prose (long, few
//! links, sentence punctuation), negative for link lists and short fragments.
//! The article is the element whose blocks sum to the most value: a
//! maximum-weight subtree, which takes in every paragraph of the story while
//! leaving out menus and teaser lists that would cost more than they add.
//! Its blocks, less the link-heavy and stock phrases among them, joined by
//! blank lines, are the text.

use super::source::TextSegment;
use aho_corasick::AhoCorasick;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::Node;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What kind of element a block's text sits in; headings and list items are
/// valued differently from paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Cell,
    Other,
}

/// A run of text between block-level boundaries.
#[derive(Debug)]
struct Block {
    text: String,
    /// Where the text came from: stretches copied from text nodes, with
    /// offsets into `text`.
    segments: Vec<TextSegment>,
    /// Characters of the text (whitespace collapsed).
    chars: usize,
    /// Characters inside links.
    link_chars: usize,
    kind: BlockKind,
    /// Inside a `<p>`-like element rather than a bare `<div>`.
    in_paragraph: bool,
    /// Part of a card in a list of teasers (see [`mark_teasers`]).
    teaser: bool,
    /// The innermost element holding it (an index into the containers).
    container: Option<usize>,
}

/// An element entered during the walk: which blocks it holds, and hints from
/// its name.
#[derive(Debug)]
struct Container {
    first_block: usize,
    end_block: usize,
    depth: usize,
    /// `<article>`, `<main>`, `itemprop=articleBody` or an article-body class.
    article_hint: bool,
    parent: Option<usize>,
    /// Tag and class, for elements that can be cards in a list of teasers.
    card_signature: Option<String>,
}

/// The walk's state: the blocks so far and the block being filled.
struct Flattener {
    /// Visible characters on the whole page.
    page_chars: usize,
    /// Boilerplate boxes dropped, described, when explaining.
    skipped: Option<Vec<String>>,
    blocks: Vec<Block>,
    containers: Vec<Container>,
    /// Indices into `containers` of the elements currently open.
    open: Vec<OpenElement>,
    current: String,
    /// Stretches of `current` copied from text nodes.
    current_segments: Vec<TextSegment>,
    /// The text node and offset of the whitespace `pending_space` stands
    /// for, when it was one plain space (so the space maps too).
    space_origin: Option<(NodeId, usize)>,
    current_chars: usize,
    current_link_chars: usize,
    pending_space: bool,
    links_open: usize,
    pre_open: usize,
}

struct OpenElement {
    node: ego_tree::NodeId,
    container: usize,
    kind: Option<BlockKind>,
    is_link: bool,
    is_pre: bool,
    is_block: bool,
}

/// Extracts the article text of a parsed page; empty when nothing in it reads
/// like prose.
pub fn main_text(document: &scraper::Html) -> String {
    main_text_and_segments(document).0
}

/// [`main_text`], with the stretches of it copied from text nodes.
pub(crate) fn main_text_and_segments(document: &scraper::Html) -> (String, Vec<TextSegment>) {
    let mut flat = Flattener::new(page_text_chars(document));
    flat.walk(document.tree.root());
    mark_teasers(&mut flat);
    match best_container(&flat) {
        Some(best) => {
            let container = &flat.containers[best];
            render(&flat, container.first_block..container.end_block)
        }
        // No prose anywhere (a one-line fragment, a table): keep whatever
        // visible text is not navigation.
        None => render(&flat, 0..flat.blocks.len()),
    }
}

/// Every block with its value, and which container won: for tuning.
#[doc(hidden)]
pub fn explain(document: &scraper::Html) -> String {
    let mut flat = Flattener::new(page_text_chars(document));
    flat.skipped = Some(Vec::new());
    flat.walk(document.tree.root());
    mark_teasers(&mut flat);
    let best = best_container(&flat);
    let mut out = String::new();
    for line in flat.skipped.iter().flatten() {
        out.push_str(line);
        out.push('\n');
    }
    if let Some(b) = best {
        let c = &flat.containers[b];
        out.push_str(&format!(
            "best container {b}: blocks {}..{}\n",
            c.first_block, c.end_block
        ));
    }
    for (i, block) in flat.blocks.iter().enumerate() {
        let preview: String = block.text.chars().take(70).collect();
        out.push_str(&format!(
            "{i:4} {:7.1} {:?} c={} l={} {preview:?}\n",
            block_value(block),
            block.kind,
            block.chars,
            block.link_chars
        ));
    }
    out
}

/// Characters of visible text on the page. A class that says "sidebar" on
/// an element holding most of the page is a layout flag, not a boilerplate
/// box; comparing the element's text with this tells the two apart.
fn page_text_chars(document: &scraper::Html) -> usize {
    visible_text_chars(document.tree.root())
}

/// Non-space characters of the text under `node`, outside scripts, styles
/// and the other never-visible tags. Only boilerplate-named elements are
/// measured, so this stays cheap.
fn visible_text_chars(node: NodeRef<'_, Node>) -> usize {
    node.descendants()
        .filter_map(|d| match d.value() {
            Node::Text(text) => {
                let invisible = d
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| skipped_tag(e.name())))
                    .unwrap_or(false);
                (!invisible).then(|| text.chars().filter(|c| !c.is_whitespace()).count())
            }
            _ => None,
        })
        .sum()
}

impl Flattener {
    fn new(page_chars: usize) -> Self {
        Flattener {
            page_chars,
            skipped: None,
            blocks: Vec::new(),
            containers: Vec::new(),
            open: Vec::new(),
            current: String::new(),
            current_segments: Vec::new(),
            space_origin: None,
            current_chars: 0,
            current_link_chars: 0,
            pending_space: false,
            links_open: 0,
            pre_open: 0,
        }
    }

    /// Depth-first walk without recursion (pages can nest thousands deep).
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut node = root;
        loop {
            let descend = self.enter(node);
            if descend {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
            }
            loop {
                self.leave(node);
                if node.id() == root.id() {
                    self.flush();
                    return;
                }
                if let Some(sibling) = node.next_sibling() {
                    node = sibling;
                    break;
                }
                match node.parent() {
                    Some(parent) => node = parent,
                    None => {
                        self.flush();
                        return;
                    }
                }
            }
        }
    }

    /// Handles a node on the way down; false when its subtree is skipped.
    fn enter(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.push_text(text, node.id());
                false
            }
            Node::Element(element) => {
                let name = element.name();
                if name == "br" {
                    self.push_line_break();
                    return false;
                }
                if skipped_tag(name) {
                    return false;
                }
                if self.boilerplate(node, element) {
                    if let Some(skipped) = self.skipped.as_mut() {
                        let size = visible_text_chars(node);
                        skipped.push(format!(
                            "skipped <{name} class={:?} id={:?}> holding {size} of {} chars",
                            element.attr("class").unwrap_or(""),
                            element.attr("id").unwrap_or(""),
                            self.page_chars
                        ));
                    }
                    return false;
                }
                let is_block = block_tag(name);
                if is_block {
                    self.flush();
                }
                let container = self.containers.len();
                self.containers.push(Container {
                    first_block: self.blocks.len(),
                    end_block: self.blocks.len(),
                    depth: self.open.len(),
                    article_hint: article_hint(element),
                    parent: self.open.last().map(|o| o.container),
                    card_signature: card_signature(element),
                });
                let is_link = name == "a";
                let is_pre = name == "pre";
                self.links_open += usize::from(is_link);
                self.pre_open += usize::from(is_pre);
                self.open.push(OpenElement {
                    node: node.id(),
                    container,
                    kind: block_kind(name),
                    is_link,
                    is_pre,
                    is_block,
                });
                true
            }
            Node::Document | Node::Fragment => true,
            _ => false,
        }
    }

    /// Named like boilerplate and small enough to be a box on the page
    /// rather than the page itself.
    fn boilerplate(&self, node: NodeRef<'_, Node>, element: &Element) -> bool {
        // Hidden popups sometimes swallow the page through an unclosed
        // tag, so hiding is no more final than naming.
        let naming = if hidden(element) {
            Naming::HardNegative
        } else {
            boilerplate_name(element)
        };
        let share_allowed = match naming {
            Naming::Neutral => return false,
            Naming::SoftNegative => 0.5,
            Naming::HardNegative => 0.85,
        };
        (visible_text_chars(node) as f64) < share_allowed * self.page_chars as f64
    }

    /// Handles a node on the way up.
    fn leave(&mut self, node: NodeRef<'_, Node>) {
        let Some(top) = self.open.last() else {
            return;
        };
        if top.node != node.id() {
            return;
        }
        if top.is_block {
            self.flush();
        }
        if let Some(top) = self.open.pop() {
            self.links_open -= usize::from(top.is_link);
            self.pre_open -= usize::from(top.is_pre);
            let end = self.blocks.len();
            self.containers[top.container].end_block = end;
        }
    }

    fn push_text(&mut self, text: &str, node: NodeId) {
        let in_link = self.links_open > 0;
        if self.pre_open > 0 {
            for (offset, c) in text.char_indices() {
                self.record(node, offset, c.len_utf8());
                self.push_char(c, in_link);
            }
            return;
        }
        for (offset, c) in text.char_indices() {
            if c.is_whitespace() {
                // One plain space kept as it is maps back; a run of
                // whitespace collapsed into one does not.
                self.space_origin = if self.pending_space || c != ' ' {
                    None
                } else {
                    Some((node, offset))
                };
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.current.is_empty() {
                if let Some((space_node, space_offset)) = self.space_origin {
                    self.record(space_node, space_offset, 1);
                }
                self.current.push(' ');
            }
            self.pending_space = false;
            self.space_origin = None;
            self.record(node, offset, c.len_utf8());
            self.push_char(c, in_link);
        }
    }

    /// Notes that the next `len` bytes of `current` are bytes `offset..` of
    /// `node`'s text, extending the last stretch when they continue it.
    fn record(&mut self, node: NodeId, offset: usize, len: usize) {
        let at = self.current.len();
        if let Some(last) = self.current_segments.last_mut() {
            if last.node == node
                && last.text_start + last.len == at
                && last.node_offset + last.len == offset
            {
                last.len += len;
                return;
            }
        }
        self.current_segments.push(TextSegment {
            text_start: at,
            len,
            node,
            node_offset: offset,
        });
    }

    fn push_char(&mut self, c: char, in_link: bool) {
        self.current.push(c);
        if !c.is_whitespace() {
            self.current_chars += 1;
            self.current_link_chars += usize::from(in_link);
        }
    }

    fn push_line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
        self.space_origin = None;
    }

    /// Ends the current block, if it holds any text.
    fn flush(&mut self) {
        self.pending_space = false;
        self.space_origin = None;
        let text = std::mem::take(&mut self.current);
        let segments = std::mem::take(&mut self.current_segments);
        let chars = std::mem::take(&mut self.current_chars);
        let link_chars = std::mem::take(&mut self.current_link_chars);
        let lead = text.len() - text.trim_start().len();
        let text = text.trim();
        if chars == 0 {
            return;
        }
        let segments = clip_segments(segments, lead, lead + text.len());
        let kind = self
            .open
            .iter()
            .rev()
            .find_map(|o| o.kind)
            .unwrap_or(BlockKind::Other);
        let in_paragraph = matches!(kind, BlockKind::Paragraph);
        self.blocks.push(Block {
            text: text.to_string(),
            segments,
            chars,
            link_chars,
            kind,
            in_paragraph,
            teaser: false,
            container: self.open.last().map(|o| o.container),
        });
    }
}

/// The segments inside `[from, to)` of a block's untrimmed text, cut to fit
/// and made relative to `from`.
fn clip_segments(segments: Vec<TextSegment>, from: usize, to: usize) -> Vec<TextSegment> {
    segments
        .into_iter()
        .filter_map(|s| {
            let start = s.text_start.max(from);
            let end = (s.text_start + s.len).min(to);
            (start < end).then(|| TextSegment {
                text_start: start - from,
                len: end - start,
                node: s.node,
                node_offset: s.node_offset + (start - s.text_start),
            })
        })
        .collect()
}

/// Tags whose content is never article text.
fn skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "nav"
            | "aside"
            | "header"
            | "footer"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "label"
            | "dialog"
            | "menu"
            | "figcaption"
            | "picture"
            | "map"
    )
}

/// Block-level tags: text on either side of them belongs to different blocks.
fn block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figure"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
    )
}

fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "p" | "blockquote" | "pre" => BlockKind::Paragraph,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "td" | "th" => BlockKind::Cell,
        "div" | "section" | "article" | "main" => BlockKind::Other,
        _ => return None,
    })
}

/// `hidden`, `aria-hidden="true"` or an inline style that hides it.
fn hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    if element.attr("aria-hidden") == Some("true") {
        return true;
    }
    match element.attr("style") {
        Some(style) => {
            let style: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        None => false,
    }
}

/// Words in a class or id that always mean "not the article".
const HARD_NEGATIVE: &[&str] = &[
    "comment",
    "disqus",
    "cookie",
    "newsletter",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "gdpr",
    "consent",
    "subscribe",
    "signup",
    "sign-up",
];

/// Words that mean "not the article" unless the element also calls itself
/// content (`entry-content share-enabled` is the story).
const SOFT_NEGATIVE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "sponsor",
    "advert",
    "banner",
    "breadcrumb",
    "sidebar",
    "footer",
    "masthead",
    "navbar",
    "menu",
    "byline",
    "author-bio",
    "authorbio",
    "author-info",
    "recommend",
    "most-popular",
    "mostpopular",
    "trending",
    "pagination",
    "pager",
    "toolbar",
    "skip-link",
    "skiplink",
    "tags",
    "tag-list",
    "read-more",
    "readmore",
    "more-stories",
    "caption",
    "credit",
    "hidden",
    "print-only",
    "visually-hidden",
    "sr-only",
];

/// Lowercases class names, marking camelCase word starts with `-` so that
/// "imageEmbedCaption" reads as "image-embed-caption".
fn split_camel_case(names: &str) -> String {
    let mut out = String::with_capacity(names.len() + 8);
    let mut previous_lower = false;
    for c in names.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('-');
        }
        previous_lower = c.is_ascii_lowercase();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Endings of class names that describe a state, not a kind of box.
const STATE_SUFFIXES: &[&str] = &[
    "-enabled",
    "-disabled",
    "-open",
    "-closed",
    "-active",
    "-loaded",
    "-visible",
    "-on",
    "-off",
];

/// Words that mark an element as the article container.
const POSITIVE: &[&str] = &[
    "article", "content", "entry", "story", "body", "main", "post", "text",
];

/// What an element's class and id say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Naming {
    Neutral,
    SoftNegative,
    HardNegative,
}

/// Class/id say comment, share, related, promo, newsletter, cookie, byline,
/// author bio, footer, sidebar...
fn boilerplate_name(element: &Element) -> Naming {
    if matches!(element.name(), "html" | "body") || article_hint(element) {
        return Naming::Neutral;
    }
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return Naming::Neutral;
    }
    let names = split_camel_case(&format!("{class} {id}"));
    // "modal-enabled", "comments-open": state flags on the article itself.
    let tokens: Vec<&str> = names
        .split_ascii_whitespace()
        .filter(|t| !STATE_SUFFIXES.iter().any(|s| t.ends_with(s)))
        .collect();
    let Some(matchers) = name_matchers() else {
        return Naming::Neutral;
    };
    let mut soft = false;
    for token in &tokens {
        for m in matchers.negative.find_overlapping_iter(*token) {
            if !word_at(token, m.start(), m.end()) {
                continue;
            }
            if m.pattern().as_usize() < HARD_NEGATIVE.len() {
                return Naming::HardNegative;
            }
            soft = true;
        }
    }
    let positive = tokens.iter().any(|t| matchers.positive.is_match(*t));
    if soft && !positive {
        Naming::SoftNegative
    } else {
        Naming::Neutral
    }
}

/// `needle` occurs in `token` as a word: after `-`, `_` or the start, and
/// before a separator, the end, or a compounding ending ("sharebar",
/// "comments", "relatedposts"), so "post-share" matches "share" but
/// "timeshared" and "pagerow" ("pager") do not.
#[cfg(test)]
fn word_match(token: &str, needle: &str) -> bool {
    token
        .match_indices(needle)
        .any(|(at, _)| word_at(token, at, at + needle.len()))
}

/// Whether `token[start..end]` is a word in the sense of [`word_match`].
fn word_at(token: &str, start: usize, end: usize) -> bool {
    let starts_word = token
        .get(..start)
        .is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_alphanumeric()));
    let rest = token.get(end..).unwrap_or("");
    let ends_word = rest.is_empty()
        || rest.starts_with(|c: char| !c.is_ascii_alphanumeric())
        || COMPOUND_ENDINGS.iter().any(|e| rest.starts_with(e));
    starts_word && ends_word
}

/// The word lists compiled once into automata: class names are checked
/// for every element of every page, and one pass per token beats one
/// substring search per word.
struct NameMatchers {
    /// [`HARD_NEGATIVE`] then [`SOFT_NEGATIVE`]; pattern ids tell them apart.
    negative: AhoCorasick,
    positive: AhoCorasick,
    article_classes: AhoCorasick,
}

fn name_matchers() -> Option<&'static NameMatchers> {
    static MATCHERS: OnceLock<Option<NameMatchers>> = OnceLock::new();
    MATCHERS
        .get_or_init(|| {
            let negative: Vec<&str> = HARD_NEGATIVE.iter().chain(SOFT_NEGATIVE).copied().collect();
            Some(NameMatchers {
                negative: AhoCorasick::new(negative).ok()?,
                positive: AhoCorasick::new(POSITIVE).ok()?,
                article_classes: AhoCorasick::new(ARTICLE_CLASSES).ok()?,
            })
        })
        .as_ref()
}

/// Class names that say "this is the article body".
const ARTICLE_CLASSES: &[&str] = &[
    "article-body",
    "articlebody",
    "article__body",
    "article-content",
    "entry-content",
    "post-content",
    "post-body",
    "story-body",
    "story-content",
];

/// Endings that make a compound class name out of a boilerplate word.
const COMPOUND_ENDINGS: &[&str] = &[
    "s",
    "bar",
    "box",
    "list",
    "link",
    "button",
    "tool",
    "widget",
    "wrap",
    "container",
    "area",
    "section",
    "block",
    "post",
    "article",
    "stor",
    "content",
    "thread",
    "form",
    "icon",
    "nav",
    "menu",
    "panel",
    "module",
    "item",
];

/// The element names itself the article body.
fn article_hint(element: &Element) -> bool {
    let name = element.name();
    if name == "article" || name == "main" {
        return true;
    }
    if element
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    let class = element.attr("class").unwrap_or("");
    if class.is_empty() {
        return false;
    }
    let class = class.to_ascii_lowercase();
    name_matchers().is_some_and(|m| m.article_classes.is_match(&class))
}

/// How much a block says "this is the article" (positive) or "this is page
/// furniture" (negative).
fn block_value(block: &Block) -> f64 {
    let chars = block.chars as f64;
    if block.teaser {
        return -chars * 0.5;
    }
    let link_density = block.link_chars as f64 / chars.max(1.0);
    if link_density > 0.5 {
        // A link-heavy paragraph inside a story (names linked to profiles)
        // must not split it in two; menus and teaser lists are rarely <p>.
        return if block.in_paragraph {
            -chars.min(40.0)
        } else {
            -chars
        };
    }
    let prose = ends_like_sentence(&block.text);
    // Stories are written in <p>; text loose in <div>s and list items is
    // as often teaser excerpts, so it counts for less.
    let kind_weight = match block.kind {
        BlockKind::Paragraph => 1.0,
        BlockKind::ListItem | BlockKind::Cell => 0.7,
        _ => 0.6,
    };
    let content = chars * (1.0 - link_density) * kind_weight;
    match block.kind {
        BlockKind::Heading => 0.0,
        // A short cell without links is a datum of a table (a toll by
        // district, a results table): neither prose nor boilerplate, so a
        // long table neither sinks the story around it nor wins alone.
        BlockKind::Cell if block.link_chars == 0 && block.chars < 80 => 0.0,
        _ if block.chars >= 80 && (prose || block.in_paragraph) => content,
        _ if block.chars >= 40 && prose => content * 0.5,
        _ if block.chars >= 150 => content * 0.5,
        _ => -(chars.min(30.0)) * 0.5,
    }
}

fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed.ends_with([
        '.', '!', '?', '"', '”', '’', ':', ')', '…', '。', '！', '？', '」', '»',
    ])
}

/// Tag and class of an element that may be one card of a teaser list:
/// `<li>`s, and `<div>`/`<article>`/`<section>`s with a class.
fn card_signature(element: &Element) -> Option<String> {
    let name = element.name();
    let class = element.attr("class").unwrap_or("").trim();
    match name {
        "li" => Some(format!("li.{class}")),
        "div" | "article" | "section" if !class.is_empty() => Some(format!("{name}.{class}")),
        _ => None,
    }
}

/// A teaser card is a headline and an excerpt: longer is a page section.
const MAX_CARD_CHARS: usize = 800;

/// Marks lists of teasers: three or more sibling elements of the same tag
/// and class, most of them with two or more blocks opening with a link
/// (a linked headline, then an excerpt). Their excerpts read like prose, so
/// without this a column of teasers competes with the story.
fn mark_teasers(flat: &mut Flattener) {
    let mut groups: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (index, container) in flat.containers.iter().enumerate() {
        if let (Some(parent), Some(signature)) = (container.parent, &container.card_signature) {
            groups
                .entry((parent, signature.as_str()))
                .or_default()
                .push(index);
        }
    }
    let mut teaser_ranges = Vec::new();
    for members in groups.values() {
        if members.len() < 3 {
            continue;
        }
        let blocks_of = |m: usize| {
            let c = &flat.containers[m];
            &flat.blocks[c.first_block..c.end_block]
        };
        let is_card = |m: usize| {
            let blocks = blocks_of(m);
            let chars: usize = blocks.iter().map(|b| b.chars).sum();
            blocks.len() >= 2
                && chars <= MAX_CARD_CHARS
                && blocks[0].link_chars * 2 > blocks[0].chars
        };
        let cards = members.iter().filter(|&&m| is_card(m)).count();
        if cards * 3 >= members.len() * 2 {
            teaser_ranges.extend(members.iter().filter(|&&m| is_card(m)).map(|&m| {
                let c = &flat.containers[m];
                c.first_block..c.end_block
            }));
        }
    }
    for range in teaser_ranges {
        for block in &mut flat.blocks[range] {
            block.teaser = true;
        }
    }
}

/// The element whose blocks are worth most; ties go to the deeper one.
fn best_container(flat: &Flattener) -> Option<usize> {
    let values: Vec<f64> = flat.blocks.iter().map(block_value).collect();
    // Prefix sums make each container's total an O(1) lookup.
    let mut prefix = Vec::with_capacity(values.len() + 1);
    prefix.push(0.0);
    for v in &values {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + v);
    }
    let mut best: Option<(usize, f64)> = None;
    for (index, container) in flat.containers.iter().enumerate() {
        if container.first_block == container.end_block {
            continue;
        }
        let mut total = prefix[container.end_block] - prefix[container.first_block];
        if container.article_hint {
            total *= 1.1;
        }
        let better = match best {
            None => true,
            Some((b, best_total)) => {
                total > best_total
                    || (total == best_total && container.depth > flat.containers[b].depth)
            }
        };
        if better {
            best = Some((index, total));
        }
    }
    match best {
        Some((index, total)) if total > 0.0 => Some(index),
        _ => None,
    }
}

/// Joins the kept blocks with blank lines.
/// Bylines, datelines and the headline come before the story's first
/// sentence, tags and share prompts after its last: the blocks outside the
/// first and last prose blocks are left out, unless there is no prose.
fn render(flat: &Flattener, range: std::ops::Range<usize>) -> (String, Vec<TextSegment>) {
    let offset = range.start;
    let blocks = &flat.blocks[range.clone()];
    let boxed = boxed_sections(flat, range);
    let first = blocks.iter().position(is_prose).unwrap_or(0);
    // Lists and paragraphs after the last sentence are often the story's
    // own (a table of results, a closing credit line); only loose text goes.
    let last = blocks
        .iter()
        .rposition(|b| {
            is_prose(b)
                || matches!(
                    b.kind,
                    BlockKind::ListItem | BlockKind::Paragraph | BlockKind::Cell
                )
        })
        .unwrap_or(blocks.len().saturating_sub(1));
    let mut out = String::new();
    let mut segments = Vec::new();
    for (index, block) in blocks.iter().enumerate().take(last + 1).skip(first) {
        if boxed.iter().any(|r| r.contains(&(offset + index))) || !keep_in_output(block) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let at = out.len();
        segments.extend(block.segments.iter().map(|s| TextSegment {
            text_start: s.text_start + at,
            ..*s
        }));
        out.push_str(&block.text);
    }
    (out, segments)
}

/// Boxes inside the story that a heading names as not the story ("Related
/// news", "More from UK", "Trending"): the block ranges of the elements
/// holding such a heading, when those are smaller than the whole range.
fn boxed_sections(flat: &Flattener, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let chars = |r: std::ops::Range<usize>| flat.blocks[r].iter().map(|b| b.chars).sum::<usize>();
    let total = chars(range.clone());
    let mut boxes = Vec::new();
    for (index, block) in flat
        .blocks
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        if !opens_a_box(block) {
            continue;
        }
        // The heading's own element, then the element around it and its
        // section.
        let parent = block
            .container
            .and_then(|c| flat.containers[c].parent)
            .map(|p| &flat.containers[p]);
        if let Some(parent) = parent {
            let inside = parent.first_block >= range.start && parent.end_block <= range.end;
            // A box, not the story itself: well under half the text.
            // The heading opens the box ("<div><h3>Related</h3>...</div>").
            let opens = parent.first_block == index;
            let small = inside && chars(parent.first_block..parent.end_block) * 5 < total * 2;
            if opens && small {
                boxes.push(parent.first_block..parent.end_block);
            }
        }
    }
    boxes
}

/// A short heading that opens a box of other things: "More in Sports",
/// "Most Popular", "Related", "Leave a Reply"...
fn opens_a_box(block: &Block) -> bool {
    if block.chars > 40 || !matches!(block.kind, BlockKind::Heading | BlockKind::Other) {
        return false;
    }
    let lower = block.text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let more_of_the_site = lower.starts_with("more ")
        && ["stories", "articles", "news", "videos"]
            .iter()
            .any(|e| lower.trim_end_matches([':', ' ']).ends_with(e));
    more_of_the_site || BOX_HEADINGS.iter().any(|e| lower.starts_with(e))
}

const BOX_HEADINGS: &[&str] = &[
    "more in ",
    "more from ",
    "more on this",
    "more stories",
    "most popular",
    "most read",
    "popular now",
    "related",
    "recommended",
    "you may also like",
    "you might also like",
    "read next",
    "read more",
    "also read",
    "see also",
    "trending",
    "top stories",
    "latest news",
    "editor's picks",
    "editors' picks",
    "what others are reading",
    "leave a reply",
    "leave a comment",
    "comments",
    "about the author",
    "something to consider",
    "explore further",
    "sponsored",
];

/// "Image 2 of 5", "Photo 1 of 12", "3 of 8": a slideshow's counter.
fn gallery_counter(text: &str) -> bool {
    if text.len() > 24 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let numbers_of = |w: &[&str]| {
        matches!(w, [a, of, b] if of.eq_ignore_ascii_case("of")
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit()))
    };
    match words.as_slice() {
        [first, rest @ ..] if rest.len() == 3 && first.chars().all(char::is_alphabetic) => {
            numbers_of(rest)
        }
        w => numbers_of(w),
    }
}

/// A block that reads as a sentence of the story.
fn is_prose(block: &Block) -> bool {
    block.kind != BlockKind::Heading
        && !block.teaser
        && block.link_chars * 5 <= block.chars * 3
        && (block.chars >= 80 || (block.chars >= 30 && ends_like_sentence(&block.text)))
        && !promotional(&block.text)
}

/// Newsletter, subscription and social prompts: short blocks that talk
/// about the site rather than the story.
fn promotional(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let lower = text.to_lowercase();
    PROMOTIONAL.iter().any(|p| lower.contains(p))
}

const PROMOTIONAL: &[&str] = &[
    "newsletter",
    "subscribe to",
    "subscribe now",
    "sign up for our",
    "sign up to receive",
    "sign up now",
    "to your inbox",
    "in your inbox",
    "click here",
    "share this",
    "share it with",
    "follow us",
    "follow rt",
    "requires javascript",
    "enable javascript",
];

/// Inside the article: leaves out link lists ("Related: ...") and stock
/// phrases of page furniture.
fn keep_in_output(block: &Block) -> bool {
    if block.teaser {
        return false;
    }
    let link_density = block.link_chars as f64 / (block.chars.max(1)) as f64;
    if link_density > 0.6 || promotional(&block.text) || gallery_counter(&block.text) {
        return false;
    }
    if block.chars < 40 {
        let lower = block.text.to_lowercase();
        let lower = lower.trim_end_matches([':', '.', ' ']);
        if STOCK_PHRASES.contains(&lower) {
            return false;
        }
    }
    true
}

/// Short blocks that are furniture wherever they appear.
const STOCK_PHRASES: &[&str] = &[
    "advertisement",
    "advertising",
    "advert",
    "ad",
    "share",
    "share this",
    "share this article",
    "share this story",
    "related",
    "related articles",
    "related stories",
    "read more",
    "more",
    "continue reading",
    "click here",
    "subscribe",
    "sign up",
    "leave a reply",
    "leave a comment",
    "comments",
    "about us",
    "tags",
    "print",
    "email",
    "close",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(html: &str) -> String {
        main_text(&scraper::Html::parse_document(html))
    }

    const STORY: &str = "<p>Gunmen attacked a police checkpoint on the outskirts of Maiduguri on Tuesday, killing three officers, a military spokesman said.</p>\
        <p>The attackers fled towards the Sambisa forest before reinforcements arrived, according to residents who spoke to reporters by telephone.</p>\
        <p>No group has claimed responsibility for the attack, the second in the area this month.</p>";

    #[test]
    fn keeps_the_story_and_drops_menus_and_footers() {
        let html = format!(
            "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>\
             <div class='content'><h1>Police checkpoint attacked</h1>{STORY}</div>\
             <footer><p>About us. Contact. Copyright 2016 The Daily Example.</p></footer></body></html>"
        );
        let text = extract(&html);
        // The headline is the document's title, not part of its text.
        assert!(text.starts_with("Gunmen attacked"), "{text}");
        assert!(text.ends_with("the second in the area this month."));
        assert!(!text.contains("Home"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn headings_inside_the_story_are_kept_and_bylines_before_it_dropped() {
        let html = format!(
            "<html><body><article><h1>Checkpoint attacked</h1><div class='meta'>By Musa Ibrahim</div><div>3 July 2016</div>\
             {STORY}<h2>Reaction in Abuja</h2><p>The interior minister condemned the attack and promised to send more troops to Borno state.</p></article></body></html>"
        );
        let text = extract(&html);
        assert!(text.starts_with("Gunmen attacked"), "{text}");
        assert!(
            text.contains("this month.\n\nReaction in Abuja\n\nThe interior minister"),
            "{text}"
        );
    }

    #[test]
    fn newsletter_prompts_inside_the_story_are_dropped() {
        let html = format!(
            "<html><body><article>{STORY}<p>Sign up for our newsletter to get the day's top stories in your inbox.</p></article></body></html>"
        );
        assert!(!extract(&html).contains("newsletter"));
    }

    #[test]
    fn a_box_headed_related_inside_the_story_is_left_out() {
        let html = format!(
            "<html><body><article>{STORY}<div class='box'><h3>Related news</h3>\
             <p>Troops repelled an attack on a base in Monguno last week, the army said in a statement on Friday.</p></div>\
             <p>Borno state has seen a rise in attacks on security forces since the start of the rainy season in June.</p>\
             <p>The governor called on residents to report suspicious movements to the police and the vigilante groups.</p></article></body></html>"
        );
        let text = extract(&html);
        assert!(!text.contains("Monguno"), "{text}");
        assert!(text.contains("rainy season"), "{text}");
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = extract(&format!(
            "<html><body><article>{STORY}</article></body></html>"
        ));
        assert!(text.contains("telephone.\n\nNo group"));
    }

    #[test]
    fn drops_comments_share_bars_and_author_bios() {
        let html = format!(
            "<html><body><article>{STORY}\
             <div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Twitter</a> Share this article</div>\
             <div class='author-bio'><p>Jane Doe has covered the Lake Chad region for the paper since 2012 and lives in Abuja.</p></div>\
             </article>\
             <section id='comments'><h3>Leave a Reply</h3><p>This is terrible news, my thoughts are with the families of the officers.</p></section>\
             </body></html>"
        );
        let text = extract(&html);
        assert!(text.contains("Sambisa forest"));
        assert!(!text.contains("Facebook"));
        assert!(!text.contains("Jane Doe"));
        assert!(!text.contains("Leave a Reply"));
        assert!(!text.contains("thoughts are with"));
    }

    #[test]
    fn a_list_of_teaser_links_is_not_the_article() {
        let teasers: String = (0..12)
            .map(|i| format!("<li><a href='/s/{i}'>Another headline about the regional elections number {i}</a></li>"))
            .collect();
        let html = format!(
            "<html><body><div class='col'><ul>{teasers}</ul></div><div class='col'>{STORY}</div></body></html>"
        );
        let text = extract(&html);
        assert!(text.starts_with("Gunmen attacked"));
        assert!(!text.contains("Another headline"));
    }

    #[test]
    fn a_column_of_teaser_cards_is_left_out() {
        let cards: String = (0..5)
            .map(|i| format!(
                "<div class='card'><h3><a href='/s/{i}'>Floods displace thousands in Beledweyne</a></h3>\
                 <div>Aid agencies said on Monday that the Shabelle river had burst its banks for the {i} time this year, cutting roads to the town.</div></div>"
            ))
            .collect();
        let html = format!(
            "<html><body><div class='main'><article>{STORY}</article><div class='more'>{cards}</div></div></body></html>"
        );
        let text = extract(&html);
        assert!(text.starts_with("Gunmen attacked"));
        assert!(!text.contains("Shabelle"), "{text}");
    }

    #[test]
    fn a_data_table_in_the_story_does_not_cost_the_story() {
        // Forty rows of short cells (a toll by district) used to weigh the
        // story down below a lone paragraph elsewhere on the page.
        let rows: String = (0..40)
            .map(|i| {
                format!(
                    "<tr><td>District {i}</td><td>{i}</td><td>{}</td></tr>",
                    i * 3
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class='post'>{STORY}<table>{rows}</table></div>\
             <div class='notice'><p>Comments that insult other readers or that cannot be understood will not be approved by the moderators of this site.</p></div>\
             </body></html>"
        );
        let text = extract(&html);
        assert!(text.starts_with("Gunmen attacked"), "{text}");
        assert!(text.contains("District 39"), "{text}");
    }

    #[test]
    fn hidden_elements_and_scripts_are_skipped() {
        let html = format!(
            "<html><body><div>{STORY}<p style='display: none'>Hidden promotional text that no reader sees on the page at all.</p>\
             <script>var tracking = 'Gunmen';</script></div></body></html>"
        );
        let text = extract(&html);
        assert!(!text.contains("Hidden promotional"));
        assert!(!text.contains("tracking"));
    }

    #[test]
    fn a_page_of_links_only_has_no_article() {
        let html = "<html><body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li></ul></body></html>";
        assert_eq!(extract(html), "");
    }

    #[test]
    fn line_breaks_inside_a_block_are_kept() {
        let html = "<html><body><div>Gunmen attacked a police checkpoint near Maiduguri on Tuesday, the army said.<br>Three officers were killed in the attack and two were wounded, it added.</div></body></html>";
        let text = extract(html);
        assert!(text.contains("the army said.\nThree officers"));
    }

    #[test]
    fn camel_case_class_names_split_into_words() {
        assert_eq!(
            split_camel_case("InlineImage-imageEmbedCaption"),
            "inline-image-image-embed-caption"
        );
        assert_eq!(split_camel_case("share-bar ID"), "share-bar id");
    }

    #[test]
    fn gallery_counters_are_recognised() {
        assert!(gallery_counter("Image 2 of 5"));
        assert!(gallery_counter("3 of 8"));
        assert!(!gallery_counter("One of the wounded"));
        assert!(!gallery_counter("Two of them died"));
    }

    #[test]
    fn word_match_needs_a_word_start() {
        assert!(word_match("post-share", "share"));
        assert!(word_match("sharebar", "share"));
        assert!(!word_match("timeshared", "share"));
        assert!(!word_match("pagebuilder-pagerow", "pager"));
        assert!(word_match("fb-comments", "comment"));
    }
}
