//! Temporal expressions.
use chrono::NaiveDate;
use sitrep_model::{Span, TimePrecision};

/// A temporal expression and the date it denotes.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    /// The resolved date (for a week or month: its first day).
    pub date: NaiveDate,
    pub precision: TimePrecision,
    /// True when resolved against the anchor ("on Thursday", "yesterday").
    pub relative: bool,
}

/// All temporal expressions inside `within`, resolved against `anchor`
/// (the publication date). Relative expressions without an anchor are skipped.
pub fn find_dates(_text: &str, _within: Span, _anchor: Option<NaiveDate>) -> Vec<DateMention> {
    Vec::new()
}

/// Month number (1–12) of a lower-case month name or abbreviation.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}
