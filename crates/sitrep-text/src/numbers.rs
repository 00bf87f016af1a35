//! Counts of people in text.
use sitrep_model::Span;

/// A number expression such as "at least 16", "sixteen", "dozens", "a dozen".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: Span,
    /// The value ACLED would count: the conservative reading
    /// (dozens → 12, tens → 10, hundreds → 100, "at least 16" → 16).
    pub value: u32,
    /// Upper bound where the text gives a range ("15 to 20" → 20).
    pub high: Option<u32>,
    /// True for vague quantities ("dozens", "several", "more than 10").
    pub approximate: bool,
}

/// All quantities inside `within` (byte span of `text`).
pub fn find_quantities(_text: &str, _within: Span) -> Vec<Quantity> {
    Vec::new()
}
