//! Clauses of one sentence that report two incidents.
//!
//! "Gunmen stormed Tal Afar three days after the market bombing in Baqubah,
//! which killed at least 12 people" tells of a storming and of a bombing,
//! each with its own place, date and toll. [`split_sentence`] cuts such a
//! sentence at the connective that joins the two events when each side has
//! a live trigger of its own; [`crate::incidents::incidents`] then keeps the
//! cut only where the clauses are separate incidents, so a sentence about
//! one incident reads as it always did.

use crate::lexicon::{Cat, Hit};
use crate::reading::{word_spans, Annotated};
use sitrep_model::{Span, TimePrecision};
use sitrep_text::dates::DateKind;

/// How two clauses of one sentence relate in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinKind {
    /// "three days after", "following", "in the wake of": the main clause's
    /// event came `offset_days` after the other's (before it when
    /// negative); `None` when the text does not say how long after.
    Sequence {
        offset_days: Option<i64>,
        precision: TimePrecision,
        /// The text puts the events on different days ("three days
        /// after", "days after"), so they are not one incident.
        another_day: bool,
        /// The other event is history ("months after", "70 days after"):
        /// no incident of its own, and its toll is not the main event's.
        history: bool,
    },
    /// "while", "; meanwhile", ", and in Gao, ...": two events told side by
    /// side. One with no date of its own shares the other's.
    Coordinate,
    /// A semicolon in a sentence that is cut elsewhere: the clauses on
    /// either side are grouped as sentences would be.
    Break,
}

/// The connective between two clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Join {
    pub kind: JoinKind,
    /// The connective itself: "three days after", "while".
    pub connective: Span,
    /// From the connective to the other event's trigger: "three days after
    /// the market bombing", the evidence for a date worked out from the
    /// other event's.
    pub phrase: Span,
    /// Index into [`Split::parts`] of the clause whose date depends on the
    /// other's ("Gunmen stormed Tal Afar").
    pub main: usize,
    /// Index of the other clause ("the market bombing in Baqubah, ...").
    pub sub: usize,
}

/// A sentence cut into clauses that each report an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The clauses, in text order, without the connectives between them
    /// (whose cues, like "in the wake of", belong to neither event).
    pub parts: Vec<Span>,
    /// `joins[i]` joins `parts[i]` and `parts[i + 1]`.
    pub joins: Vec<Join>,
}

/// Words that can head a connective; "and" is looked for only in ", and in ".
const HEADS: [&str; 6] = ["after", "before", "following", "wake", "while", "meanwhile"];

/// "shortly after": the same day as the other event.
const SAME_DAY: [&str; 6] = [
    "shortly",
    "soon",
    "just",
    "moments",
    "minutes",
    "immediately",
];

/// "days after": later, by an amount the text does not give.
const SOME_TIME: [&str; 4] = ["days", "weeks", "months", "years"];

/// "months after": the other event is history.
const HISTORY_DAYS: i64 = 30;

/// Words before a measured connective that belong to it: "about 24 hours
/// after", "more than 70 days after", "a few days after".
const HEDGES: [&str; 12] = [
    "about", "around", "nearly", "almost", "some", "only", "just", "barely", "few", "several",
    "than", "a",
];

/// Before "than" in a hedge: "more than 70 days after".
const COMPARATIVES: [&str; 2] = ["more", "less"];

/// After the other event's trigger, words that report its end, not an
/// event: "two days after the shelling stopped".
const CESSATION: [&str; 6] = ["stopped", "ended", "ceased", "halted", "subsided", "stops"];

/// "named after", "looking after": no event sequence.
const NOT_TEMPORAL_BEFORE_AFTER: [&str; 3] = ["named", "looking", "look"];

/// After "while", a circumstance of the same event ("killed while on
/// patrol", "died while in custody"), not a second event.
const NOT_A_CLAUSE_AFTER_WHILE: [&str; 6] = ["on", "in", "at", "under", "inside", "trying"];

/// Most words between a connective and the other event's trigger: "after
/// suspected Boko Haram fighters attacked" is close, "after the meeting of
/// elders that ended ... in a clash" is not about the clash.
const MAX_WORDS_TO_TRIGGER: usize = 8;

/// A quick test that needs no allocation: does the sentence hold a word
/// that can head a connective?
fn has_connective(sentence: &str) -> bool {
    sentence.contains(", and in ")
        || sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 4 && HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)))
}

/// Cuts `sentence` into clauses that each report their own event, or `None`
/// when it reports one (the common case, decided without allocating when
/// the sentence has fewer than two triggers or no connective word).
pub fn split_sentence(an: &Annotated<'_>, sentence: Span) -> Option<Split> {
    an.triggers
        .iter()
        .filter(|h| sentence.contains(h.span))
        .nth(1)?;
    if !has_connective(an.slice(sentence)) {
        return None;
    }
    let scan = Scan {
        an,
        sentence,
        words: word_spans(an.text, sentence),
    };
    scan.split()
}

struct Scan<'s, 'a> {
    an: &'s Annotated<'a>,
    sentence: Span,
    words: Vec<Span>,
}

impl Scan<'_, '_> {
    fn is(&self, i: usize, word: &str) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| self.an.slice(*w).eq_ignore_ascii_case(word))
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// The text between word `i - 1` and word `i`.
    fn gap_before(&self, i: usize) -> &str {
        let from = i
            .checked_sub(1)
            .and_then(|p| self.words.get(p))
            .map_or(self.sentence.start, |w| w.end);
        let to = self.words.get(i).map_or(self.sentence.end, |w| w.start);
        self.an.text.get(from..to).unwrap_or("")
    }

    fn is_live(&self, hit: &Hit<Cat>) -> bool {
        self.an.is_live(self.sentence, hit, false)
    }

    /// The first live trigger inside `from..to`.
    fn first_live(&self, from: usize, to: usize) -> Option<Span> {
        self.an
            .triggers
            .iter()
            .filter(|h| h.span.start >= from && h.span.end <= to)
            .find(|h| self.is_live(h))
            .map(|h| h.span)
    }

    /// The other event's trigger: the first one after a connective ending
    /// at `from`, close to it, (unless `across_comma`) in the same clause,
    /// and live in that clause. The connective's own cue does not count:
    /// "in the wake of" marks what follows as background to the main
    /// clause, not as history.
    fn trigger_after(&self, from: usize, to: usize, across_comma: bool) -> Option<Span> {
        let clause = Span::new(from, to.max(from));
        let first = self
            .an
            .triggers
            .iter()
            .filter(|h| clause.contains(h.span))
            .min_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)))?;
        if !self.an.is_live(clause, first, false) || self.reports_an_end(first.span) {
            return None;
        }
        let hit = first.span;
        let gap = self.an.text.get(from..hit.start).unwrap_or("");
        let words = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let breaks: &[char] = if across_comma {
            &[';', ':', '(', ')', '…']
        } else {
            &[',', ';', ':', '(', ')', '…']
        };
        (words.count() <= MAX_WORDS_TO_TRIGGER && !gap.contains(breaks)).then_some(hit)
    }

    /// Is word `i` inside a temporal expression of its own ("the following
    /// day", "the day after tomorrow")?
    fn in_date(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else {
            return false;
        };
        self.an.dates.iter().any(|d| d.span.contains(*w))
    }

    /// The connective headed by word `i`, if it is one.
    fn connective_at(&self, i: usize) -> Option<(Span, JoinKind, bool)> {
        use JoinKind::{Coordinate, Sequence};
        let w = *self.words.get(i)?;
        let unknown = Sequence {
            offset_days: None,
            precision: TimePrecision::Day,
            another_day: false,
            history: false,
        };
        let with_previous = |kind| Some((self.hedged(self.words[i - 1].cover(w)), kind, false));
        if self.is(i, "after") || self.is(i, "before") {
            // "three days after", "48 hours after", "a day before": the
            // date scanner read the offset.
            let measured = self.an.dates.iter().find(|d| {
                d.kind == DateKind::RelativeToEvent
                    && d.span.end == w.end
                    && self.sentence.contains(d.span)
            });
            if let Some(d) = measured {
                let kind = Sequence {
                    offset_days: d.offset_days,
                    precision: d.precision,
                    another_day: d.offset_days.is_some_and(|n| n != 0),
                    history: d.offset_days.is_some_and(|n| n.abs() >= HISTORY_DAYS),
                };
                return Some((self.hedged(d.span), kind, false));
            }
            if self.is(i, "before") || self.in_date(i) {
                return None;
            }
            if i > 0 && self.is_any(i - 1, &SAME_DAY) {
                return with_previous(Sequence {
                    offset_days: Some(0),
                    precision: TimePrecision::Day,
                    another_day: false,
                    history: false,
                });
            }
            if i > 0 && self.is_any(i - 1, &SOME_TIME) {
                return with_previous(Sequence {
                    offset_days: None,
                    precision: TimePrecision::Day,
                    another_day: true,
                    history: self.is_any(i - 1, &["months", "years"]),
                });
            }
            if i > 0 && self.is_any(i - 1, &NOT_TEMPORAL_BEFORE_AFTER) {
                return None;
            }
            return Some((w, unknown, false));
        }
        if self.is(i, "following") {
            if (i > 0 && self.is(i - 1, "the")) || self.in_date(i) {
                return None;
            }
            return Some((w, unknown, false));
        }
        if self.is(i, "wake") && i >= 2 && self.is(i - 2, "in") && self.is(i - 1, "the") {
            let of = self.words.get(i + 1).filter(|_| self.is(i + 1, "of"))?;
            return Some((self.words[i - 2].cover(*of), unknown, false));
        }
        if self.is(i, "while") {
            let next = self.words.get(i + 1)?;
            let gerund = self.an.slice(*next).to_ascii_lowercase().ends_with("ing");
            if gerund || self.is_any(i + 1, &NOT_A_CLAUSE_AFTER_WHILE) {
                return None;
            }
            return Some((w, Coordinate, false));
        }
        if self.is(i, "meanwhile") && i > 0 && self.gap_before(i).contains([',', ';']) {
            return Some((w, Coordinate, false));
        }
        // ", and in Gao, gunmen ...": a new place opens a new clause.
        let place_next = self
            .words
            .get(i + 2)
            .is_some_and(|p| self.an.places.iter().any(|m| m.span.start == p.start));
        if self.is(i, "and")
            && self.is(i + 1, "in")
            && self.gap_before(i).contains(',')
            && place_next
        {
            return Some((w, Coordinate, true));
        }
        None
    }

    /// `connective` with the hedge words before it ("about 24 hours after").
    fn hedged(&self, connective: Span) -> Span {
        let mut first = self.words.partition_point(|w| w.start < connective.start);
        for _ in 0..2 {
            let Some(prev) = first.checked_sub(1) else {
                break;
            };
            let only_space = self.gap_before(first).chars().all(char::is_whitespace);
            let hedge = self.is_any(prev, &HEDGES)
                && (!self.is(prev, "than")
                    || prev
                        .checked_sub(1)
                        .is_some_and(|p| self.is_any(p, &COMPARATIVES)));
            if !(only_space && hedge) {
                break;
            }
            first = prev;
            if self.is(prev, "than") {
                first -= 1;
            }
        }
        self.words
            .get(first)
            .map_or(connective, |w| w.cover(connective))
    }

    /// "after the shelling stopped": the trigger reports an end.
    fn reports_an_end(&self, trigger: Span) -> bool {
        let next = self.words.partition_point(|w| w.start < trigger.end);
        self.is_any(next, &CESSATION)
    }

    /// "while troops clashed": the second clause names its own doer or place.
    fn has_own_subject(&self, from: usize, trigger: Span) -> bool {
        self.an
            .actors
            .iter()
            .any(|m| m.span.start >= from && m.span.end <= trigger.start)
            || self
                .an
                .places
                .iter()
                .any(|p| p.span.start >= from && p.span.end <= self.sentence.end)
    }

    /// The sentence's stretches between semicolons ("...;36 were killed
    /// yesterday"): a connective's clause ends at the next one.
    fn segments(&self) -> Vec<Span> {
        let text = self.an.slice(self.sentence);
        let mut out = Vec::new();
        let mut start = self.sentence.start;
        for (i, _) in text.match_indices(';') {
            let at = self.sentence.start + i;
            out.push(Span::new(start, at));
            start = at + 1;
        }
        out.push(Span::new(start, self.sentence.end));
        out
    }

    fn split(&self) -> Option<Split> {
        let mut parts: Vec<Span> = Vec::new();
        let mut joins: Vec<Join> = Vec::new();
        let mut any = false;
        let mut last_cut = false;
        for segment in self.segments() {
            let (seg_parts, seg_joins) = self.split_segment(segment);
            let cut = !seg_joins.is_empty();
            let Some(&last) = parts.last() else {
                parts.extend(seg_parts);
                joins.extend(seg_joins);
                any |= cut;
                last_cut = cut;
                continue;
            };
            // "; meanwhile, a car bomb exploded in Baqubah".
            let meanwhile = self.segment_meanwhile(last, segment);
            if !cut && !last_cut && meanwhile.is_none() {
                if let Some(merged) = parts.last_mut() {
                    *merged = last.cover(segment);
                }
                continue;
            }
            let base = parts.len();
            let boundary = Span::new(last.end, segment.start);
            joins.push(match meanwhile {
                Some(word) => Join {
                    kind: JoinKind::Coordinate,
                    connective: word,
                    phrase: word,
                    main: base,
                    sub: base - 1,
                },
                None => Join {
                    kind: JoinKind::Break,
                    connective: boundary,
                    phrase: boundary,
                    main: base,
                    sub: base - 1,
                },
            });
            any |= cut || meanwhile.is_some();
            last_cut = cut || meanwhile.is_some();
            parts.extend(seg_parts);
            joins.extend(seg_joins.into_iter().map(|j| Join {
                main: j.main + base,
                sub: j.sub + base,
                ..j
            }));
        }
        any.then_some(Split { parts, joins })
    }

    /// A segment that opens with "meanwhile" and reports its own event,
    /// after one that reports another.
    fn segment_meanwhile(&self, before: Span, segment: Span) -> Option<Span> {
        let first = self.words.partition_point(|w| w.start < segment.start);
        let word = *self.words.get(first)?;
        if !self.is(first, "meanwhile") || !segment.contains(word) {
            return None;
        }
        self.first_live(before.start, before.end)?;
        self.first_live(word.end, segment.end)?;
        Some(word)
    }

    /// The clauses of one segment and the joins between them (indices
    /// local to the segment); one part and no join when it is not cut.
    fn split_segment(&self, segment: Span) -> (Vec<Span>, Vec<Join>) {
        let mut parts: Vec<Span> = Vec::new();
        let mut joins: Vec<Join> = Vec::new();
        // Where the clause being built starts, and where the triggers of
        // its own event may start (after its connective).
        let mut part_start = segment.start;
        let mut content_start = segment.start;
        let first = self.words.partition_point(|w| w.start < segment.start);
        let end = self.words.partition_point(|w| w.end <= segment.end);
        let mut i = first;
        while i < end {
            let Some((connective, kind, across_comma)) = self.connective_at(i) else {
                i += 1;
                continue;
            };
            let next = self.words.partition_point(|w| w.start < connective.end);
            let initial = self
                .words
                .get(first)
                .is_some_and(|w| connective.start <= w.start);
            if initial {
                if let Some(split) = self.initial_split(segment, connective, kind) {
                    return split;
                }
                i = next;
                continue;
            }
            let left = self.first_live(content_start, connective.start);
            let right = self.trigger_after(connective.end, segment.end, across_comma);
            let own_subject = match (kind, right) {
                (JoinKind::Coordinate, Some(t)) => self.has_own_subject(connective.end, t),
                _ => true,
            };
            // Dropping a historic clause must not drop what follows it
            // ("months after X was killed, troops ...").
            let history_runs_on = matches!(kind, JoinKind::Sequence { history: true, .. })
                && right.is_some_and(|t| {
                    self.an
                        .text
                        .get(t.end..segment.end)
                        .is_some_and(|rest| rest.contains(','))
                });
            if let (Some(_), Some(trigger), true, false) =
                (left, right, own_subject, history_runs_on)
            {
                parts.push(self.trimmed(Span::new(part_start, connective.start)));
                let k = parts.len();
                let (main, sub) = match kind {
                    // The later clause shares the earlier one's date.
                    JoinKind::Coordinate | JoinKind::Break => (k, k - 1),
                    JoinKind::Sequence { .. } => (k - 1, k),
                };
                joins.push(Join {
                    kind,
                    connective,
                    phrase: connective.cover(trigger),
                    main,
                    sub,
                });
                // The connective belongs to neither clause: its cue
                // ("in the wake of") would make the other event history.
                part_start = connective.end;
                content_start = connective.end;
            }
            i = next;
        }
        parts.push(self.trimmed(Span::new(part_start, segment.end)));
        (parts, joins)
    }

    /// "Three days after the market bombing in Baqubah, gunmen stormed Tal
    /// Afar.": the subordinate clause first, up to its comma.
    fn initial_split(
        &self,
        segment: Span,
        connective: Span,
        kind: JoinKind,
    ) -> Option<(Vec<Span>, Vec<Join>)> {
        if !matches!(kind, JoinKind::Sequence { .. }) {
            return None;
        }
        let rest = self.an.text.get(connective.end..segment.end)?;
        let comma = connective.end + rest.find(',')?;
        let trigger = self.trigger_after(connective.end, comma, false)?;
        self.first_live(comma + 1, segment.end)?;
        let parts = vec![
            self.trimmed(Span::new(connective.end, comma)),
            self.trimmed(Span::new(comma + 1, segment.end)),
        ];
        let join = Join {
            kind,
            connective,
            phrase: connective.cover(trigger),
            main: 1,
            sub: 0,
        };
        Some((parts, vec![join]))
    }

    /// `span` without the spaces and clause punctuation at its edges.
    fn trimmed(&self, span: Span) -> Span {
        let text = self.an.slice(span);
        let is_edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '—' | '–');
        let start = span.start + (text.len() - text.trim_start_matches(is_edge).len());
        let end = span.start + text.trim_end_matches(is_edge).len();
        if start < end {
            Span::new(start, end)
        } else {
            span
        }
    }
}
