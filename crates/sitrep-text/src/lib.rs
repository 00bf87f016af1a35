//! The text stage: everything about a document's text that later stages need,
//! as byte [`Span`](sitrep_model::Span)s over the document text.
//!
//! - [`sentences`]: sentence boundaries that survive "Dr.", "U.S.", "Aug. 28",
//!   "3.5" and initials, plus [`sentences::clauses`] for one event per clause.
//! - [`numbers`]: number expressions ("at least 16", "a dozen", "dozens",
//!   "15-20") with ACLED's conservative reading and the hedge kept apart.
//! - [`dates`]: absolute, relative, event-relative and year-only temporal
//!   expressions resolved against a publication date, with a background flag.
//! - [`normalize`]: the accent-, case- and apostrophe-insensitive folding that
//!   dictionaries and the gazetteer match on.
//!
//! Every function takes the full text and returns absolute byte spans; none
//! allocates per character or uses regular expressions, and none panics on
//! any input (property-tested). `examples/text_bench.rs` measures throughput.

pub mod dates;
pub mod normalize;
pub mod numbers;
pub mod sentences;
mod tokens;

use chrono::NaiveDate;
use sitrep_model::Span;

/// [`numbers::find_quantities`] and [`dates::find_dates`] in one pass over
/// the tokens: the same results, about a quarter less work than calling
/// both.
pub fn quantities_and_dates(
    text: &str,
    within: Span,
    anchor: Option<NaiveDate>,
) -> (Vec<numbers::Quantity>, Vec<dates::DateMention>) {
    let toks = tokens::Toks::new(text, within.start, within.end);
    (
        numbers::quantities_in(&toks),
        dates::dates_in(&toks, anchor),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_scan_matches_the_separate_ones() {
        let text = "At least 16 people were killed on Tuesday in Maiduguri, and dozens on 21 June.";
        let within = Span::new(0, text.len());
        let anchor = NaiveDate::from_ymd_opt(2019, 10, 24);
        let (q, d) = quantities_and_dates(text, within, anchor);
        assert_eq!(q, numbers::find_quantities(text, within));
        assert_eq!(d, dates::find_dates(text, within, anchor));
        assert_eq!((q.len(), d.len()), (2, 2));
    }
}
