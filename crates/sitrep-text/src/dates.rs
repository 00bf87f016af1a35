//! Temporal expressions, resolved against an anchor (the publication date).
//!
//! [`find_dates`] returns every temporal expression in a span, in text
//! order, without overlaps. What each [`DateKind`] means and how it resolves:
//!
//! - [`DateKind::Absolute`]: a calendar date written out: "21 October",
//!   "October 21", "Oct. 21, 2019", "21st of October", "on Monday, 14 May",
//!   ISO "2019-10-21", numeric "21/10" and "21/10/2019", day ranges
//!   "24-26 June" / "June 24-26"; months "March 2019", "in March", "since
//!   March", "mid-March", "end of March". Numeric forms read day/month
//!   (ACLED's and the non-US convention) unless only month/day is possible
//!   ("10/21"). A missing year is the most recent year that puts the date no
//!   later than the anchor plus [`FUTURE_TOLERANCE_DAYS`] (so "on 21 October"
//!   in an article of 25 November is this year's, in one of 2 October last
//!   year's). With no anchor and no year, `date` is `None`.
//! - [`DateKind::Relative`]: resolved against the anchor: "yesterday",
//!   "today", "tonight", "last night", "this morning", "tomorrow" (a plan:
//!   after the anchor), "two days ago", "48 hours ago"; weeks (Week, from
//!   Monday): "last week", "this week", "a week ago"; "the past week", "the
//!   past few days", "recent days" (Week: the seven days up to the anchor);
//!   "the weekend" (Week, from Saturday); "last month" (Month); weekdays.
//!   **Weekday rule**: "on Thursday", "Thursday night", "late on Tuesday",
//!   "Sunday morning", "Tuesday's attack" denote the most recent such day on
//!   or before the anchor: wire copy filed on a Thursday says "on Thursday"
//!   for that very day. "last Thursday" is the most recent one strictly
//!   before the anchor, "next Thursday" the first strictly after, "Tuesday
//!   last week" the Tuesday of the week before the anchor's. With no anchor,
//!   `date` is `None` (the coder reports `no_date_anchor`).
//! - [`DateKind::RelativeToEvent`]: an offset from another event the text
//!   mentions: "three days after the market bombing", "two days later",
//!   "48 hours after", "the next day", "the day before", "later that day".
//!   `date` is always `None` and `offset_days` holds the signed offset (+3,
//!   +2, +2, +1, −1, 0); resolving it needs the other event's date, which is
//!   the coder's business.
//! - [`DateKind::Year`]: a year alone: "in 2011", "since 2014", "the 2011
//!   uprising", "2011's", "last year", "this year". `date` is 1 January,
//!   precision Month (ACLED has no year precision; the kind says it is
//!   coarser) and `background` is true.
//!
//! **Background**: `background` is true for year-only mentions, for
//! "since"-phrases of month or year precision ("since March", "since 2014"),
//! and for any resolved date whose last day is more than
//! [`BACKGROUND_DAYS`] before the anchor. Such statements describe history
//! ("Boko Haram has killed thousands since 2009"), not the reported event.
use crate::tokens::{TokKind, Toks, STARTS_DATE};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use sitrep_model::{Span, TimePrecision};

/// How far after the anchor a date without a year may fall and still be
/// read as this year's (wire copy is sometimes dated a day or two before the
/// event it announces; a week covers scheduled events in the coming days).
pub const FUTURE_TOLERANCE_DAYS: i64 = 7;

/// A date ending more than this many days before the anchor is background.
pub const BACKGROUND_DAYS: i64 = 30;

/// What kind of temporal expression a mention is (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// A written calendar date or month ("21 October", "March 2019").
    Absolute,
    /// Resolved against the anchor ("yesterday", "on Thursday", "last week").
    Relative,
    /// An offset from another event ("two days later"): `date` is `None`.
    RelativeToEvent,
    /// A year alone ("in 2011", "the 2011 uprising"): always background.
    Year,
}

/// A temporal expression and the date it denotes.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte span of the expression: "late on Tuesday", "since March",
    /// "21 October 2019". Plain prepositions ("on", "in") are left out.
    pub span: Span,
    /// The resolved date: for a week its first day (Monday; Saturday for a
    /// weekend), for a month its 1st, for a year 1 January, for a day range
    /// its first day. `None` when it cannot be resolved: a relative
    /// expression without an anchor, a day and month with neither year nor
    /// anchor, or any [`DateKind::RelativeToEvent`].
    pub date: Option<NaiveDate>,
    /// The last day the expression covers, when it covers more than one
    /// (a week, a weekend, a month, a year, "24-26 June").
    pub end_date: Option<NaiveDate>,
    /// ACLED time precision: Day, Week (weeks, weekends, ranges of up to a
    /// week) or Month (months, longer ranges, years).
    pub precision: TimePrecision,
    /// True for [`DateKind::Relative`] and [`DateKind::RelativeToEvent`].
    pub relative: bool,
    pub kind: DateKind,
    /// Signed offset in days: from the anchor for `Relative` day offsets
    /// ("yesterday" −1, "two days ago" −2), from the other event for
    /// `RelativeToEvent` ("three days after" +3). `None` for weekdays and
    /// absolute dates.
    pub offset_days: Option<i64>,
    /// History rather than news: see the module docs.
    pub background: bool,
}

/// All temporal expressions inside `within` (byte span of `text`), resolved
/// against `anchor` (the publication date). Spans are absolute byte offsets
/// into `text`, in order, never overlapping.
pub fn find_dates(text: &str, within: Span, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    dates_in(&Toks::new(text, within.start, within.end), anchor)
}

/// With no publication date to judge history by, the latest calendar date
/// the text itself writes out stands in for it: a date ending more than
/// [`BACKGROUND_DAYS`] before that one is background ("assassinated
/// Archduke Franz Ferdinand in June 1914" in a piece that also says "on 3
/// April 2018"). It only marks history; no date is inferred from it.
pub fn mark_history_against_latest(dates: &mut [DateMention]) {
    let latest = dates
        .iter()
        .filter(|d| d.kind == DateKind::Absolute)
        .filter_map(|d| d.end_date.or(d.date))
        .max();
    let Some(latest) = latest else {
        return;
    };
    for d in dates.iter_mut() {
        let old = d
            .end_date
            .or(d.date)
            .is_some_and(|last_day| (latest - last_day).num_days() > BACKGROUND_DAYS);
        d.background |= old;
    }
}

/// [`find_dates`] over tokens already made.
pub(crate) fn dates_in(t: &Toks, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !may_start_date(t, i) {
            i += 1;
            continue;
        }
        match parse_at(t, i, anchor) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A cheap test that token `i` can start a date: a number, or a lead word,
/// a month, a weekday, a relative word or a number word.
fn may_start_date(t: &Toks, i: usize) -> bool {
    t.starts(i) & STARTS_DATE != 0
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

pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A recognised expression before it becomes a [`DateMention`]: token
/// range and meaning.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Token index after the expression.
    end: usize,
    date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    precision: TimePrecision,
    kind: DateKind,
    offset_days: Option<i64>,
}

impl Hit {
    fn day(end: usize, date: Option<NaiveDate>, kind: DateKind) -> Hit {
        Hit {
            end,
            date,
            end_date: None,
            precision: TimePrecision::Day,
            kind,
            offset_days: None,
        }
    }
}

/// Words before a date that belong to it ("late on", "since", "mid-"), and
/// prepositions that do not ("on", "in"). Returns the first token of the
/// span, the first token of the date itself, whether anything came before
/// it, and whether it was "since".
struct Lead {
    span_start: usize,
    core: usize,
    any: bool,
    since: bool,
}

fn lead(t: &Toks, i: usize) -> Lead {
    let mut k = i;
    let mut span_start = None;
    let mut since = false;
    while k < i + 4 {
        let Some(w) = t.lower(k) else { break };
        match w.as_str() {
            "in" | "on" | "at" | "during" | "of" | "the" | "by" | "over" | "around" => k += 1,
            "since" | "until" | "till" | "from" | "through" | "throughout" | "before" | "after"
            | "late" | "early" | "earlier" | "later" => {
                since |= w.as_str() == "since";
                span_start.get_or_insert(k);
                k += 1;
            }
            "mid" => {
                span_start.get_or_insert(k);
                k += 1;
                if t.is_dash(k) && t.touching(k - 1) {
                    k += 1;
                }
            }
            "end" | "beginning" | "start" | "middle" if t.is(k + 1, "of") => {
                span_start.get_or_insert(k);
                k += 2;
            }
            _ => break,
        }
    }
    Lead {
        span_start: span_start.unwrap_or(k),
        core: k,
        any: k > i,
        since,
    }
}

fn parse_at(t: &Toks, i: usize, anchor: Option<NaiveDate>) -> Option<(DateMention, usize)> {
    let lead = lead(t, i);
    let k = lead.core;
    // Past the lead words ("in the", "since"), the date itself starts at
    // the core; a core that fails the cheap test every start passes ends
    // the attempt before the patterns run ("in the city", "of the army":
    // most leads are prepositions before ordinary words).
    if k != i && !may_start_date(t, k) {
        return None;
    }
    let hit = weekday(t, k, anchor)
        .or_else(|| day_month(t, k, anchor))
        .or_else(|| numeric(t, k, anchor, lead.any))
        .or_else(|| month_only(t, k, anchor, lead.any))
        .or_else(|| relative_word(t, k, anchor))
        .or_else(|| ago_or_later(t, k, anchor))
        .or_else(|| year_only(t, k, lead.any))?;
    let first = t.get(lead.span_start)?;
    let last = t.get(hit.end.checked_sub(1)?)?;
    let relative = matches!(hit.kind, DateKind::Relative | DateKind::RelativeToEvent);
    let coarse = hit.precision == TimePrecision::Month;
    let old = match (anchor, hit.end_date.or(hit.date)) {
        (Some(a), Some(last_day)) => (a - last_day).num_days() > BACKGROUND_DAYS,
        _ => false,
    };
    let background = hit.kind == DateKind::Year || (lead.since && coarse) || old;
    let mention = DateMention {
        span: Span::new(first.start, last.end),
        date: hit.date,
        end_date: hit.end_date,
        precision: hit.precision,
        relative,
        kind: hit.kind,
        offset_days: hit.offset_days,
        background,
    };
    Some((mention, hit.end))
}

/// "Thursday", "last Thursday", "Thursday night", "Tuesday's", and
/// "Monday, 14 May" (which is the absolute date).
fn weekday(t: &Toks, k: usize, anchor: Option<NaiveDate>) -> Option<Hit> {
    let (which, w_idx) = match t.lower(k).as_ref().map(|w| w.as_str()) {
        Some("last") => (Which::Before, k + 1),
        Some("next") => (Which::After, k + 1),
        Some("this") => (Which::OnOrBefore, k + 1),
        _ => (Which::OnOrBefore, k),
    };
    if !t.capitalised(w_idx) {
        return None;
    }
    let wd = weekday_of(t.lower(w_idx)?.as_str())?;
    let mut end = w_idx + 1;
    // "Monday, 14 May" / "Monday, Oct. 21": the written date wins.
    let after_comma = if t.is_punct(end, ',') { end + 1 } else { end };
    if which == Which::OnOrBefore {
        if let Some(hit) =
            day_month(t, after_comma, anchor).or_else(|| numeric(t, after_comma, anchor, true))
        {
            return Some(hit);
        }
    }
    // "Tuesday's attack".
    if (t.is_punct(end, '\'') || t.is_punct(end, '’')) && t.is(end + 1, "s") && t.touching(end) {
        end += 2;
    }
    if let Some(w) = t.lower(end) {
        if matches!(
            w.as_str(),
            "night" | "morning" | "afternoon" | "evening" | "nights"
        ) {
            end += 1;
        }
    }
    // "Tuesday last week": that weekday in the week before the anchor's.
    if which == Which::OnOrBefore && t.is(end, "last") && t.is(end + 1, "week") {
        let date = anchor.and_then(|a| {
            let monday = shift(a, -7 - a.weekday().num_days_from_monday() as i64)?;
            shift(monday, wd.num_days_from_monday() as i64)
        });
        return Some(Hit::day(end + 2, date, DateKind::Relative));
    }
    let date = anchor.and_then(|a| nearest_weekday(a, wd, which));
    Some(Hit::day(end, date, DateKind::Relative))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    OnOrBefore,
    Before,
    After,
}

/// `days` after `d` (negative: before); `None` past chrono's range.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}

fn nearest_weekday(anchor: NaiveDate, wd: Weekday, which: Which) -> Option<NaiveDate> {
    let back =
        (7 + anchor.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    match which {
        Which::OnOrBefore => shift(anchor, -back),
        Which::Before => shift(anchor, -(if back == 0 { 7 } else { back })),
        Which::After => shift(anchor, if back == 0 { 7 } else { 7 - back }),
    }
}

/// A day of the month at token `k`: "21", "21st". Returns (day, next).
fn day_number(t: &Toks, k: usize) -> Option<(u32, usize)> {
    let tok = t.get(k)?;
    let s = t.str(k);
    let digits = match tok.kind {
        TokKind::Num if s.len() <= 2 => s,
        TokKind::Alnum => {
            let cut = s.find(|c: char| !c.is_ascii_digit())?;
            let (d, suffix) = s.split_at(cut);
            if d.is_empty() || d.len() > 2 {
                return None;
            }
            if !matches!(
                suffix.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            ) {
                return None;
            }
            d
        }
        _ => return None,
    };
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some((day, k + 1))
}

/// A capitalised month name at `k`, with an abbreviation's full stop.
fn month_tok(t: &Toks, k: usize) -> Option<(u32, usize)> {
    if !t.capitalised(k) {
        return None;
    }
    let w = t.lower(k)?;
    let m = month_number(w.as_str())?;
    // "Oct." is an abbreviation's stop; "June." ends a sentence unless a
    // number is glued to it ("June.27").
    let stop = t.is_punct(k + 1, '.') && t.touching(k);
    let abbreviation = is_abbreviation(w.as_str());
    let glued = t.touching(k + 1) && t.get(k + 2).is_some_and(|n| n.kind == TokKind::Num);
    let next = if stop && (abbreviation || glued) {
        k + 2
    } else {
        k + 1
    };
    Some((m, next))
}

fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A four-digit year 1900–2099 at `k`, optionally after a comma.
fn year_after(t: &Toks, k: usize) -> Option<(i32, usize)> {
    let k = if t.is_punct(k, ',') { k + 1 } else { k };
    year_tok(t, k).map(|y| (y, k + 1))
}

fn year_tok(t: &Toks, k: usize) -> Option<i32> {
    let tok = t.get(k)?;
    let s = t.str(k);
    if tok.kind != TokKind::Num || s.len() != 4 {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..=2099).contains(&y).then_some(y)
}

/// "21 October [2019]", "21st of October", "24-26 June", "October 21[, 2019]",
/// "Oct. 21", "June 24-26".
fn day_month(t: &Toks, k: usize, anchor: Option<NaiveDate>) -> Option<Hit> {
    // Day first.
    if day_number(t, k).is_some() {
        let p = day_first(t, k, 3)?;
        return Some(calendar_hit(
            p.day, p.last_day, p.month, p.year, p.end, anchor,
        ));
    }
    // Month first.
    let (month, j) = month_tok(t, k)?;
    let (day, mut j) = day_number(t, j)?;
    let mut last_day = None;
    if let Some((d2, j2)) = day_range_tail(t, j, day) {
        last_day = Some(d2);
        j = j2;
    }
    let (year, end) = match year_after(t, j) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    Some(calendar_hit(day, last_day, month, year, end, anchor))
}

/// A day-first date, taken apart.
struct DayFirst {
    day: u32,
    last_day: Option<u32>,
    month: u32,
    year: Option<i32>,
    /// Token index after the expression.
    end: usize,
}

/// "21 October [2019]", "21st of October", "24-26 June", and the first days
/// of a list: in "17 and 21 June" (or "17, 18 and 21 June") the "17" takes
/// the month and year of the date after it. `depth` bounds the look-ahead.
fn day_first(t: &Toks, k: usize, depth: u8) -> Option<DayFirst> {
    let (day, mut j) = day_number(t, k)?;
    let mut last_day = None;
    if let Some((d2, j2)) = day_range_tail(t, j, day) {
        last_day = Some(d2);
        j = j2;
    }
    let list_end = j;
    if t.is(j, "of") {
        j += 1;
    }
    if let Some((month, j)) = month_tok(t, j) {
        let (year, end) = match year_after(t, j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        return Some(DayFirst {
            day,
            last_day,
            month,
            year,
            end,
        });
    }
    let joiner = t.is(list_end, "and") || t.is_punct(list_end, ',');
    if joiner && depth > 0 {
        let next = day_first(t, list_end + 1, depth - 1)?;
        return Some(DayFirst {
            day,
            last_day,
            end: list_end,
            ..next
        });
    }
    None
}

/// "-26", "to 26" after the day number `first` ("17 and 21 June" is a
/// list, not a range: see [`day_first`]).
fn day_range_tail(t: &Toks, j: usize, first: u32) -> Option<(u32, usize)> {
    let dash = t.is_dash(j) && t.touching(j - 1) && t.touching(j);
    if dash || t.is(j, "to") {
        return day_number(t, j + 1).filter(|(last, _)| *last > first);
    }
    None
}

fn calendar_hit(
    day: u32,
    last_day: Option<u32>,
    month: u32,
    year: Option<i32>,
    end: usize,
    anchor: Option<NaiveDate>,
) -> Hit {
    let date = resolve_day(year, month, day, anchor);
    let last = match (date, last_day) {
        (Some(d), Some(l)) if l > day => NaiveDate::from_ymd_opt(d.year(), month, l),
        _ => None,
    };
    let precision = match (date, last) {
        (Some(d), Some(l)) if (l - d).num_days() < 7 => TimePrecision::Week,
        (Some(_), Some(_)) => TimePrecision::Month,
        _ => TimePrecision::Day,
    };
    Hit {
        end,
        date,
        end_date: last,
        precision,
        kind: DateKind::Absolute,
        offset_days: None,
    }
}

/// A day and month in the given year, or without one the most recent year
/// that puts it no later than anchor + tolerance.
fn resolve_day(
    year: Option<i32>,
    month: u32,
    day: u32,
    anchor: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let a = anchor?;
    let limit = shift(a, FUTURE_TOLERANCE_DAYS)?;
    // Three years back covers 29 February.
    (0..4).find_map(|back| {
        NaiveDate::from_ymd_opt(a.year() + 1 - back, month, day).filter(|d| *d <= limit)
    })
}

/// "2019-10-21", "21/10/2019", and "21/10" after a lead word ("on 21/10").
fn numeric(t: &Toks, k: usize, anchor: Option<NaiveDate>, has_lead: bool) -> Option<Hit> {
    let tok = t.get(k)?;
    if tok.kind != TokKind::Num {
        return None;
    }
    // ISO: 2019-10-21, all touching.
    if let Some(y) = year_tok(t, k) {
        let parts = t.is_dash(k + 1) && t.is_dash(k + 3) && (k..k + 4).all(|x| t.touching(x));
        if parts {
            let m: u32 = t.str(k + 2).parse().ok()?;
            let d: u32 = t.str(k + 4).parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Hit::day(k + 5, Some(date), DateKind::Absolute));
        }
        return None;
    }
    // d/m[/y]: "21/06", "21/06/2016".
    if !(t.is_punct(k + 1, '/') && t.touching(k) && t.touching(k + 1)) {
        return None;
    }
    let a: u32 = t.str(k).parse().ok()?;
    let b: u32 = t.str(k + 2).parse().ok()?;
    if t.get(k + 2)?.kind != TokKind::Num || t.str(k).len() > 2 || t.str(k + 2).len() > 2 {
        return None;
    }
    let (year, end) = if t.is_punct(k + 3, '/') && t.touching(k + 2) && t.touching(k + 3) {
        let s = t.str(k + 4);
        let y: i32 = s.parse().ok()?;
        let y = match s.len() {
            4 => y,
            2 => 2000 + y,
            _ => return None,
        };
        (Some(y), k + 5)
    } else if has_lead {
        (None, k + 3)
    } else {
        // "7/8" without "on" or "since" is a fraction or a score.
        return None;
    };
    // Day first unless only month first can be a date.
    let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    // The pair must be a possible date in some year (2000 was a leap year).
    NaiveDate::from_ymd_opt(2000, month, day)?;
    let date = resolve_day(year, month, day, anchor);
    if year.is_some() && date.is_none() {
        return None;
    }
    Some(Hit::day(end, date, DateKind::Absolute))
}

/// "March 2019", "in March", "since March", "mid-March", "last March".
fn month_only(t: &Toks, k: usize, anchor: Option<NaiveDate>, has_lead: bool) -> Option<Hit> {
    let (which, m_idx) = match t.lower(k).as_ref().map(|w| w.as_str()) {
        Some("last") => (Which::Before, k + 1),
        Some("next") => (Which::After, k + 1),
        Some("this") => (Which::OnOrBefore, k + 1),
        _ => (Which::OnOrBefore, k),
    };
    let (month, j) = month_tok(t, m_idx)?;
    // A month alone needs a lead ("in", "since") and its full name: "May"
    // and "Jan" are too often a verb or a name.
    if is_abbreviation(t.lower(m_idx)?.as_str()) && year_tok(t, j).is_none() && !t.is_punct(j, ',')
    {
        return None;
    }
    let (year, end) = match year_after(t, j) {
        Some((y, e)) => (Some(y), e),
        None if has_lead || m_idx > k => (None, j),
        None => return None,
    };
    // "Oct." without a day or year is not a date.
    if year.is_none() && j == m_idx + 2 && !has_lead {
        return None;
    }
    let start = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, 1),
        None => anchor.and_then(|a| month_near(a, month, which)),
    };
    Some(month_hit(end, start, DateKind::Absolute))
}

fn month_hit(end: usize, start: Option<NaiveDate>, kind: DateKind) -> Hit {
    Hit {
        end,
        date: start,
        end_date: start.and_then(month_last_day),
        precision: TimePrecision::Month,
        kind,
        offset_days: None,
    }
}

fn month_last_day(first: NaiveDate) -> Option<NaiveDate> {
    add_months(first, 1).and_then(|d| shift(d, -1))
}

/// First day of the month `delta` months from `first`'s month.
fn add_months(first: NaiveDate, delta: i32) -> Option<NaiveDate> {
    let index = first.year() * 12 + first.month0() as i32 + delta;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The month's first day in the year that puts it on or before the anchor's
/// month (`OnOrBefore`), strictly before it (`Before`), or strictly after.
fn month_near(anchor: NaiveDate, month: u32, which: Which) -> Option<NaiveDate> {
    let am = anchor.month();
    let y = anchor.year();
    let year = match which {
        Which::OnOrBefore if month <= am => y,
        Which::OnOrBefore => y - 1,
        Which::Before if month < am => y,
        Which::Before => y - 1,
        Which::After if month > am => y,
        Which::After => y + 1,
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// "yesterday", "today", "last night", "this morning", "last week", "this
/// month", "the weekend", "next day" (after "the": relative to an event).
fn relative_word(t: &Toks, k: usize, anchor: Option<NaiveDate>) -> Option<Hit> {
    let w = t.lower(k)?;
    let day = |end: usize, offset: i64| {
        let mut hit = Hit::day(
            end,
            anchor.and_then(|a| shift(a, offset)),
            DateKind::Relative,
        );
        hit.offset_days = Some(offset);
        Some(hit)
    };
    let after_the = k > 0 && t.is(k - 1, "the");
    match w.as_str() {
        "yesterday" => day(k + 1, -1),
        "today" | "tonight" => day(k + 1, 0),
        "tomorrow" => day(k + 1, 1),
        // "later that day", "that night": the day of the event just told.
        "that"
            if matches!(
                t.lower(k + 1).as_ref().map(|u| u.as_str()),
                Some("day" | "night" | "morning" | "afternoon" | "evening")
            ) =>
        {
            Some(event_hit(k + 2, 0, false))
        }
        "day" if after_the && t.is(k + 1, "before") && t.is(k + 2, "yesterday") => day(k + 3, -2),
        // "the next day", "the following week", "the day before/after".
        "next" | "following" | "previous" | "same" if after_the => {
            let unit = t.lower(k + 1)?;
            let sign = match w.as_str() {
                "previous" => -1,
                "same" => 0,
                _ => 1,
            };
            let days = match unit.as_str() {
                "day" | "morning" | "evening" | "night" | "afternoon" => 1,
                "week" if sign != 0 => 7,
                _ => return None,
            };
            Some(event_hit(k + 2, sign * days, days == 7))
        }
        "this" | "last" | "next" => {
            let sign: i64 = match w.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let unit = t.lower(k + 1)?;
            match unit.as_str() {
                "night" if sign == -1 => day(k + 2, -1),
                "morning" | "afternoon" | "evening" | "night" if sign == 0 => day(k + 2, 0),
                "few" if sign == -1 && t.is(k + 2, "days") => Some(past_week_hit(k + 3, anchor)),
                "week" => Some(week_hit(k + 2, anchor, sign, DateKind::Relative)),
                "weekend" => Some(weekend_hit(k + 2, anchor, sign)),
                "month" => Some(month_hit(
                    k + 2,
                    anchor.and_then(|a| add_months(a.with_day(1)?, sign as i32)),
                    DateKind::Relative,
                )),
                // "this year", "last year": a year, so background.
                "year" => {
                    let year = anchor.map(|a| a.year() + sign as i32);
                    Some(Hit {
                        end: k + 2,
                        date: year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
                        end_date: year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
                        precision: TimePrecision::Month,
                        kind: DateKind::Year,
                        offset_days: None,
                    })
                }
                _ => None,
            }
        }
        "weekend" if after_the => Some(weekend_hit(k + 1, anchor, 0)),
        // "the past week", "the past few days", "recent days": the seven
        // days up to the anchor.
        "past" if t.is(k + 1, "few") && t.is(k + 2, "days") => Some(past_week_hit(k + 3, anchor)),
        "past" if t.is(k + 1, "week") => Some(past_week_hit(k + 2, anchor)),
        "recent" if t.is(k + 1, "days") => Some(past_week_hit(k + 2, anchor)),
        "day" if after_the && t.is(k + 1, "after") => Some(event_hit(k + 2, 1, false)),
        "day" if after_the && t.is(k + 1, "before") => Some(event_hit(k + 2, -1, false)),
        _ => None,
    }
}

fn event_hit(end: usize, offset: i64, weekly: bool) -> Hit {
    Hit {
        end,
        date: None,
        end_date: None,
        precision: if weekly {
            TimePrecision::Week
        } else {
            TimePrecision::Day
        },
        kind: DateKind::RelativeToEvent,
        offset_days: Some(offset),
    }
}

/// The seven days up to and including the anchor, as a week.
fn past_week_hit(end: usize, anchor: Option<NaiveDate>) -> Hit {
    let first = anchor.and_then(|a| shift(a, -6));
    Hit {
        end,
        date: first,
        end_date: anchor.filter(|_| first.is_some()),
        precision: TimePrecision::Week,
        kind: DateKind::Relative,
        offset_days: None,
    }
}

/// The week `sign` weeks from the anchor's (Monday to Sunday).
fn week_hit(end: usize, anchor: Option<NaiveDate>, sign: i64, kind: DateKind) -> Hit {
    let monday =
        anchor.and_then(|a| shift(a, 7 * sign - a.weekday().num_days_from_monday() as i64));
    Hit {
        end,
        date: monday,
        end_date: monday.and_then(|m| shift(m, 6)),
        precision: TimePrecision::Week,
        kind,
        offset_days: None,
    }
}

/// The most recent weekend on or before the anchor (sign 0 or −1: wire copy
/// says "last weekend" and "the weekend" for the same one), or the next one.
fn weekend_hit(end: usize, anchor: Option<NaiveDate>, sign: i64) -> Hit {
    let saturday = anchor.and_then(|a| {
        let sat = nearest_weekday(a, Weekday::Sat, Which::OnOrBefore);
        if sign > 0 {
            sat.and_then(|s| shift(s, 7))
        } else {
            sat
        }
    });
    Hit {
        end,
        date: saturday,
        end_date: saturday.and_then(|s| shift(s, 1)),
        precision: TimePrecision::Week,
        kind: DateKind::Relative,
        offset_days: None,
    }
}

/// "two days ago", "a week ago", "three days later", "two days after",
/// "a day before", "hours later".
fn ago_or_later(t: &Toks, k: usize, anchor: Option<NaiveDate>) -> Option<Hit> {
    let (n, u) = if t.is(k, "a") || t.is(k, "an") || t.is(k, "one") {
        (1, k + 1)
    } else if t.is(k, "hours") || t.is(k, "minutes") {
        (0, k)
    } else {
        let (n, u) = crate::numbers::exact_number_at(t, k)?;
        (i64::try_from(n).ok().filter(|n| *n <= 3660)?, u)
    };
    let unit = t.lower(u)?;
    let (days, precision) = match unit.as_str() {
        "day" | "days" => (n, TimePrecision::Day),
        "week" | "weeks" => (7 * n, TimePrecision::Week),
        "month" | "months" => (30 * n, TimePrecision::Month),
        // "48 hours after" is two days; "hours later" the same day.
        "hour" | "hours" => (n / 24, TimePrecision::Day),
        "minute" | "minutes" => (0, TimePrecision::Day),
        _ => return None,
    };
    let dir = t.lower(u + 1)?;
    match dir.as_str() {
        "ago" => {
            let date = anchor.and_then(|a| shift(a, -days));
            let months = precision == TimePrecision::Month;
            let date = if months {
                date.and_then(|d| d.with_day(1))
            } else {
                date
            };
            let end_date = match precision {
                TimePrecision::Day => None,
                TimePrecision::Week => date.and_then(|d| shift(d, 6)),
                TimePrecision::Month => date.and_then(month_last_day),
            };
            Some(Hit {
                end: u + 2,
                date,
                end_date,
                precision,
                kind: DateKind::Relative,
                offset_days: Some(-days),
            })
        }
        "later" | "after" => Some(event_with(u + 2, days, precision)),
        "earlier" | "before" => Some(event_with(u + 2, -days, precision)),
        _ => None,
    }
}

fn event_with(end: usize, offset: i64, precision: TimePrecision) -> Hit {
    Hit {
        end,
        date: None,
        end_date: None,
        precision,
        kind: DateKind::RelativeToEvent,
        offset_days: Some(offset),
    }
}

/// "in 2011", "since 2014", "the 2011 uprising", "2011's".
fn year_only(t: &Toks, k: usize, has_lead: bool) -> Option<Hit> {
    let y = year_tok(t, k)?;
    let possessive =
        (t.is_punct(k + 1, '\'') || t.is_punct(k + 1, '’')) && t.touching(k) && t.is(k + 2, "s");
    if !has_lead && !possessive {
        return None;
    }
    // "2016 100 people", "in 2011 1,200": not followed by another number.
    let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Hit {
        end: if possessive { k + 3 } else { k + 1 },
        date: Some(first),
        end_date: NaiveDate::from_ymd_opt(y, 12, 31),
        precision: TimePrecision::Month,
        kind: DateKind::Year,
        offset_days: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Thursday 24 October 2019.
    fn anchor() -> Option<NaiveDate> {
        Some(ymd(2019, 10, 24))
    }

    fn all(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, DateMention)> {
        find_dates(text, Span::new(0, text.len()), anchor)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m))
            .collect()
    }

    fn one(text: &str) -> (String, DateMention) {
        one_with(text, anchor())
    }

    fn one_with(text: &str, anchor: Option<NaiveDate>) -> (String, DateMention) {
        let mut got = all(text, anchor);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got.remove(0)
    }

    #[test]
    fn day_month_forms() {
        let (s, m) = one("Gunmen attacked Beni on 21 October, killing 16.");
        assert_eq!(
            (s.as_str(), m.date),
            ("21 October", Some(ymd(2019, 10, 21)))
        );
        assert_eq!(
            (m.kind, m.precision, m.relative),
            (DateKind::Absolute, TimePrecision::Day, false)
        );
        assert_eq!(
            one("Clashes erupted on October 21 in Tripoli.").1.date,
            Some(ymd(2019, 10, 21))
        );
        let (s, m) = one("The attack on Oct. 21, 2018 killed six.");
        assert_eq!(
            (s.as_str(), m.date),
            ("Oct. 21, 2018", Some(ymd(2018, 10, 21)))
        );
        assert!(m.background);
        assert_eq!(
            one("on the 21st of October").1.date,
            Some(ymd(2019, 10, 21))
        );
        assert_eq!(
            one("Police fired on protesters on 14 May.").1.date,
            Some(ymd(2019, 5, 14))
        );
    }

    #[test]
    fn missing_year_is_the_most_recent_not_after_the_anchor() {
        // 30 October is after the anchor + 7 days: last year's.
        assert_eq!(one("on 30 November").1.date, Some(ymd(2018, 11, 30)));
        // Within the tolerance: this year's (a scheduled event).
        assert_eq!(
            one("the vote on 28 October").1.date,
            Some(ymd(2019, 10, 28))
        );
        let jan = Some(ymd(2020, 1, 3));
        assert_eq!(
            one_with("on 29 December", jan).1.date,
            Some(ymd(2019, 12, 29))
        );
    }

    #[test]
    fn weekday_with_a_written_date_uses_the_date() {
        let (s, m) = one("Troops entered Gao on Monday, 14 October.");
        assert_eq!(
            (s.as_str(), m.date),
            ("Monday, 14 October", Some(ymd(2019, 10, 14)))
        );
        assert_eq!(m.kind, DateKind::Absolute);
    }

    #[test]
    fn iso_and_numeric() {
        assert_eq!(
            one("Reported 2019-10-21 by OCHA.").1.date,
            Some(ymd(2019, 10, 21))
        );
        assert_eq!(
            one("Militants attacked Bama on 21/10.").1.date,
            Some(ymd(2019, 10, 21))
        );
        assert_eq!(one("on 21/06/2016").1.date, Some(ymd(2016, 6, 21)));
        assert_eq!(one("on 05/06/2016").1.date, Some(ymd(2016, 6, 5)));
        assert_eq!(one("on 10/21/2016").1.date, Some(ymd(2016, 10, 21)));
        assert!(all("a 2019-13-45 id and 7/99", anchor()).is_empty());
        assert!(all("rated 7/8, and 9/10 critics agree", anchor()).is_empty());
    }

    #[test]
    fn day_ranges() {
        let (s, m) = one("Clashes in Hawi Gudina over 24-26 June left 21 dead.");
        assert_eq!(s, "24-26 June");
        assert_eq!(
            (m.date, m.end_date),
            (Some(ymd(2019, 6, 24)), Some(ymd(2019, 6, 26)))
        );
        assert_eq!(m.precision, TimePrecision::Week);
        assert_eq!(one("from June 24 to 26").1.end_date, Some(ymd(2019, 6, 26)));
    }

    #[test]
    fn months() {
        let (s, m) = one("Fighting resumed in March 2019 near Idlib.");
        assert_eq!(
            (s.as_str(), m.date, m.precision),
            ("March 2019", Some(ymd(2019, 3, 1)), TimePrecision::Month)
        );
        let (s, m) = one("Some 300 people have died since March.");
        assert_eq!((s.as_str(), m.date), ("since March", Some(ymd(2019, 3, 1))));
        assert!(m.background);
        assert_eq!(
            one("Talks collapsed in November.").1.date,
            Some(ymd(2018, 11, 1))
        );
        assert_eq!(one("in mid-October").0, "mid-October");
        assert_eq!(one("by the end of September").0, "end of September");
        assert!(all("May God protect us. Theresa May spoke.", anchor()).is_empty());
        assert!(all("at the Jan Smuts stadium", anchor()).is_empty());
        assert_eq!(one("Troops left on 22 June.").0, "22 June");
        assert_eq!(one("Clashes on Jun.19-20 in Bor.").0, "Jun.19-20");
        let list = all("on 17, 18 and 21 June 2016", anchor());
        let got: Vec<_> = list.iter().map(|(s, m)| (s.as_str(), m.date)).collect();
        assert_eq!(
            got,
            vec![
                ("17", Some(ymd(2016, 6, 17))),
                ("18", Some(ymd(2016, 6, 18))),
                ("21 June 2016", Some(ymd(2016, 6, 21)))
            ]
        );
    }

    #[test]
    fn weeks_and_weekends() {
        let (s, m) = one("Protests spread last week.");
        assert_eq!(
            (s.as_str(), m.date, m.precision),
            ("last week", Some(ymd(2019, 10, 14)), TimePrecision::Week)
        );
        assert_eq!(one("this week").1.date, Some(ymd(2019, 10, 21)));
        assert_eq!(one("earlier this week").0, "earlier this week");
        assert_eq!(
            one("Two bombs hit Kabul over the weekend.").1.date,
            Some(ymd(2019, 10, 19))
        );
        assert_eq!(one("last month").1.date, Some(ymd(2019, 9, 1)));
        let (s, m) = one("Raids over the past few days killed 40.");
        assert_eq!(
            (s.as_str(), m.date, m.end_date),
            ("past few days", Some(ymd(2019, 10, 18)), anchor())
        );
        assert_eq!(one("in recent days").1.precision, TimePrecision::Week);
        assert_eq!(one("in the last few days").1.date, Some(ymd(2019, 10, 18)));
    }

    #[test]
    fn relative_days() {
        let (s, m) = one("Two soldiers were killed yesterday in Kidal.");
        assert_eq!(
            (s.as_str(), m.date, m.offset_days),
            ("yesterday", Some(ymd(2019, 10, 23)), Some(-1))
        );
        assert!(m.relative);
        assert_eq!(one("Shelling hit Donetsk today.").1.date, anchor());
        assert_eq!(
            one("Jets struck Saraqeb last night.").1.date,
            Some(ymd(2019, 10, 23))
        );
        assert_eq!(
            one("a car bomb two days ago").1.date,
            Some(ymd(2019, 10, 22))
        );
        assert_eq!(
            one("a car bomb three weeks ago").1.precision,
            TimePrecision::Week
        );
    }

    #[test]
    fn weekdays_resolve_on_or_before_the_anchor() {
        // The anchor is a Thursday.
        let (s, m) = one("Gunmen attacked Kaduna on Thursday.");
        assert_eq!((s.as_str(), m.date), ("Thursday", anchor()));
        assert_eq!(
            one("Rockets hit Aden on Tuesday.").1.date,
            Some(ymd(2019, 10, 22))
        );
        assert_eq!(one("Thursday night").0, "Thursday night");
        let (s, m) = one("late on Tuesday");
        assert_eq!(
            (s.as_str(), m.date),
            ("late on Tuesday", Some(ymd(2019, 10, 22)))
        );
        assert_eq!(one("on Sunday morning").1.date, Some(ymd(2019, 10, 20)));
        assert_eq!(one("Friday's attack").1.date, Some(ymd(2019, 10, 18)));
        assert_eq!(one("last Thursday").1.date, Some(ymd(2019, 10, 17)));
        assert_eq!(one("next Monday").1.date, Some(ymd(2019, 10, 28)));
        let (s, m) = one("on Tuesday last week");
        assert_eq!(
            (s.as_str(), m.date),
            ("Tuesday last week", Some(ymd(2019, 10, 15)))
        );
    }

    #[test]
    fn relative_to_another_event() {
        let (s, m) = one("three days after the market bombing in Maiduguri");
        assert_eq!(
            (s.as_str(), m.date, m.offset_days),
            ("three days after", None, Some(3))
        );
        assert_eq!(m.kind, DateKind::RelativeToEvent);
        assert_eq!(
            one("Two days later, troops retook Bama.").1.offset_days,
            Some(2)
        );
        assert_eq!(one("The next day, gunmen returned.").1.offset_days, Some(1));
        assert_eq!(one("on the day before the vote").1.offset_days, Some(-1));
        assert_eq!(one("48 hours after the raid").1.offset_days, Some(2));
        assert_eq!(one("Hours later, jets returned.").1.offset_days, Some(0));
        let (s, m) = one("Later that day, jets returned.");
        assert_eq!(
            (s.as_str(), m.kind, m.offset_days),
            ("Later that day", DateKind::RelativeToEvent, Some(0))
        );
    }

    #[test]
    fn without_an_anchor_the_latest_written_date_judges_history() {
        let text = "Princip shot the archduke in June 1914. The museum reopened on 3 April 2018. It closed on 20 March 2018.";
        let mut found = find_dates(text, Span::new(0, text.len()), None);
        assert!(found.iter().all(|d| !d.background));
        mark_history_against_latest(&mut found);
        let history: Vec<bool> = found.iter().map(|d| d.background).collect();
        assert_eq!(history, vec![true, false, false], "{found:?}");
    }

    #[test]
    fn years_are_background() {
        let (s, m) = one("Boko Haram has killed thousands since 2009.");
        assert_eq!((s.as_str(), m.kind), ("since 2009", DateKind::Year));
        assert!(m.background);
        assert_eq!(one("the 2011 uprising").0, "2011");
        assert_eq!(one("2011's uprising").0, "2011's");
        assert!(all("2011 people fled", anchor()).is_empty());
        let (s, m) = one("More than 900 people were killed last year.");
        assert_eq!(
            (s.as_str(), m.kind, m.date),
            ("last year", DateKind::Year, Some(ymd(2018, 1, 1)))
        );
        assert!(m.background);
    }

    #[test]
    fn no_anchor() {
        let (_, m) = one_with("on Thursday", None);
        assert_eq!((m.date, m.kind), (None, DateKind::Relative));
        assert_eq!(one_with("yesterday", None).1.date, None);
        assert_eq!(one("The vote is tomorrow.").1.date, Some(ymd(2019, 10, 25)));
        assert_eq!(one_with("on 21 October", None).1.date, None);
        assert_eq!(
            one_with("on 21 October 2019", None).1.date,
            Some(ymd(2019, 10, 21))
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,80}", a in 0usize..100, b in 0usize..100, days in 0i32..40000) {
            let anchor = NaiveDate::from_num_days_from_ce_opt(days + 1);
            for m in find_dates(&s, Span::new(a.min(b), a.max(b)), anchor) {
                proptest::prop_assert!(m.span.start <= m.span.end && m.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
        }

        #[test]
        fn extreme_anchors_do_not_panic(s in "(next|last|this|week|weekend|month|Monday|ago|two|days|yesterday|on|21|October|[ ,])*") {
            for anchor in [NaiveDate::MIN, NaiveDate::MAX] {
                let _ = find_dates(&s, Span::new(0, s.len()), Some(anchor));
            }
        }

        #[test]
        fn never_panics_on_date_soup(s in "([0-9]{1,4}|[,./\\- ]|on|last|next|the|day|days|ago|after|March|May|Oct|Monday|since|mid|weekend|week|29|February|31){0,30}", days in 0i32..800000) {
            let anchor = NaiveDate::from_num_days_from_ce_opt(days + 1);
            let _ = find_dates(&s, Span::new(0, s.len()), anchor);
        }
    }
}
