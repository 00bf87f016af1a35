//! Counts of people in text.
//!
//! [`find_quantities`] returns every number expression that could be a count:
//! digits ("16", "1,200", "3 000", "2.5 million"), number words ("sixteen",
//! "twenty-five", "one hundred and twelve", "a dozen", "two dozen") and vague
//! quantities ("dozens", "scores of", "several"), with the hedge in front of
//! them ("at least", "more than", "up to", "nearly") and ranges ("15 to 20",
//! "15-20", "between 15 and 20"). The span covers the number expression only,
//! so the event coder can look at the noun that follows; deaths versus
//! injuries is the coder's call.
//!
//! # The values (ACLED's conservative reading)
//!
//! | text | value | high | hedge | approximate |
//! |---|---|---|---|---|
//! | "16", "sixteen" | 16 | – | `None` | no |
//! | "at least 16", "no fewer than 16", "16 or more" | 16 | – | `AtLeast` | yes |
//! | "more than 20", "over 20", "upwards of 20" | 20 | – | `MoreThan` | yes |
//! | "up to 30", "as many as 30" | 30 | – | `UpTo` | yes |
//! | "nearly 50", "almost 50", "close to 50" | 50 | – | `Nearly` | yes |
//! | "fewer than 10", "less than 10", "under 10" | 10 | – | `LessThan` | yes |
//! | "about 30", "around 30", "some 30", "an estimated 30" | 30 | – | `About` | yes |
//! | "15 to 20", "15-20", "between 15 and 20", "15 or 16" | 15 | 20 | `None` | yes |
//! | "a dozen" / "two dozen" | 12 / 24 | – | `None` | no |
//! | "a couple of" / "half a dozen" | 2 / 6 | – | `None` | yes |
//! | "a few", "a handful" | 3 | – | `None` | yes |
//! | "tens of" / "dozens" / "scores of" | 10 / 12 / 20 | – | `None` | yes |
//! | "hundreds" / "thousands" / "millions" | 100 / 1,000 / 1,000,000 | – | `None` | yes |
//! | "tens of thousands" / "hundreds of thousands" | 10,000 / 100,000 | – | `None` | yes |
//! | "several", "many", "numerous", "a number of", "an unknown number of" | 10 | – | `None` | yes |
//! | "several hundred", "a few thousand" | 100 / 1,000 | – | `None` | yes |
//!
//! Every hedge keeps the stated figure: ACLED codes the number the report
//! gives and does not guess past it (for "nearly 50" a coder who wants the
//! strict reading can use `value - 1`; the [`Hedge`] says which case it is).
//! "several"/"many"/"an unknown number" → 10 is ACLED's default for
//! unspecified plural fatalities (visible in its 2016 data, e.g. killing
//! "several" → 10). "a few" → 3 is the smallest plural that reads as "few".
//!
//! # Not counts (never returned)
//!
//! Ages and compounds ("12-year-old", "12 years old", "aged 12", "three-day",
//! "1,200-strong"), years (a bare 1900–2099 without a hedge: wire style writes
//! counts of that size with a comma), days of the month ("21 October",
//! "Oct. 21", "24-26 June"), clock times ("10:30", "3 p.m."), percentages,
//! money ("$5 million"), ordinals and units glued to digits ("21st", "155mm"),
//! "No. 10", and decimals without a scale word ("3.5").
use crate::tokens::{TokKind, Toks, STARTS_QUANTITY};
use sitrep_model::Span;

/// The hedge in front of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// No hedge: "16 people".
    None,
    /// "at least", "no fewer than", "no less than", "… or more".
    AtLeast,
    /// "more than", "over", "upwards of", "in excess of".
    MoreThan,
    /// "up to", "as many as".
    UpTo,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "about", "around", "some", "approximately", "roughly", "an estimated".
    About,
}

/// A number expression such as "at least 16", "sixteen", "dozens", "a dozen".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span of the whole expression, hedge included ("at least 16").
    pub span: Span,
    /// The value ACLED would count: the conservative reading
    /// (dozens → 12, tens → 10, hundreds → 100, "at least 16" → 16).
    pub value: u32,
    /// Upper bound where the text gives a range ("15 to 20" → 20).
    pub high: Option<u32>,
    /// True for vague quantities ("dozens", "several", "more than 10"),
    /// hedged numbers and ranges.
    pub approximate: bool,
    /// The hedge in front of the number.
    pub hedge: Hedge,
    /// True when no number is stated at all ("dozens", "several", "a few").
    pub vague: bool,
}

/// All quantities inside `within` (byte span of `text`), in text order.
/// Spans are absolute byte offsets into `text` and never overlap.
pub fn find_quantities(text: &str, within: Span) -> Vec<Quantity> {
    quantities_in(&Toks::new(text, within.start, within.end))
}

/// [`find_quantities`] over tokens already made.
pub(crate) fn quantities_in(toks: &Toks) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start_quantity(toks, i) {
            i += 1;
            continue;
        }
        match parse_at(toks, i) {
            Parse::Found(q, next) => {
                out.push(q);
                i = next;
            }
            Parse::Skip(next) => i = next.max(i + 1),
            Parse::None => i += 1,
        }
    }
    out
}

/// A cheap test that token `i` can start a quantity: a number, or a word
/// that starts a hedge, a number word or a vague quantity. Saves the full
/// parse on the other nine tokens in ten.
fn may_start_quantity(t: &Toks, i: usize) -> bool {
    t.starts(i) & STARTS_QUANTITY != 0
}

enum Parse {
    /// A quantity and the token index after it.
    Found(Quantity, usize),
    /// A number that is not a count (an age, a date); resume at the index.
    Skip(usize),
    None,
}

/// A bare number: its value, where it ends (token index, exclusive), and
/// whether it is vague ("dozens").
#[derive(Debug, Clone, Copy)]
struct Core {
    value: u64,
    end: usize,
    vague: bool,
    /// Written with digits (date and year checks apply only to those).
    digits: bool,
    /// Inexact without being vague ("a couple of", "15-20").
    approx: bool,
}

fn parse_at(t: &Toks, i: usize) -> Parse {
    let (hedge, j, between) = match_hedge(t, i);
    let Some(core) = parse_core(t, j) else {
        return Parse::None;
    };
    if let Some(skip) = not_a_count(t, j, core, hedge) {
        return Parse::Skip(skip);
    }
    let mut end = core.end;
    let mut high = None;
    let mut hedge = hedge;
    // Ranges: "15-20", "15 to 20", "15 or 16", "between 15 and 20".
    let dash = t.is_dash(end) && t.touching(end - 1) && t.touching(end);
    let joiner = if between {
        t.is(end, "and") || dash
    } else {
        (t.is_dash(end) && t.touching(end - 1) && t.touching(end))
            || t.is(end, "to")
            || t.is(end, "or")
    };
    if joiner {
        if let Some(top) = parse_core(t, end + 1) {
            if top.value > core.value && !top.vague && !core.vague {
                if let Some(skip) = not_a_count(t, end + 1, top, Hedge::None) {
                    // "24-26 June": the whole range is a date.
                    return Parse::Skip(skip);
                }
                high = Some(top.value);
                end = top.end;
            }
        }
    }
    if between && high.is_none() {
        hedge = Hedge::None;
    }
    if t.is(end, "or") && t.is(end + 1, "more") && high.is_none() {
        hedge = Hedge::AtLeast;
        end += 2;
    }
    let (Ok(value), Some(first), Some(last)) = (
        u32::try_from(core.value),
        t.get(if between && high.is_none() { j } else { i }),
        t.get(end - 1),
    ) else {
        return Parse::Skip(end);
    };
    let high = high.and_then(|h| u32::try_from(h).ok());
    let q = Quantity {
        span: Span::new(first.start, last.end),
        value,
        high,
        approximate: core.vague || core.approx || hedge != Hedge::None || high.is_some(),
        hedge,
        vague: core.vague,
    };
    Parse::Found(q, end)
}

/// A hedge starting at token `i`: the hedge, the index after it, and whether
/// it was "between" (which wants "X and Y").
fn match_hedge(t: &Toks, i: usize) -> (Hedge, usize, bool) {
    const PHRASES: &[(&[&str], Hedge)] = &[
        (&["at", "least"], Hedge::AtLeast),
        (&["no", "fewer", "than"], Hedge::AtLeast),
        (&["no", "less", "than"], Hedge::AtLeast),
        (&["not", "less", "than"], Hedge::AtLeast),
        (&["a", "minimum", "of"], Hedge::AtLeast),
        (&["more", "than"], Hedge::MoreThan),
        (&["over"], Hedge::MoreThan),
        (&["upwards", "of"], Hedge::MoreThan),
        (&["upward", "of"], Hedge::MoreThan),
        (&["in", "excess", "of"], Hedge::MoreThan),
        (&["up", "to"], Hedge::UpTo),
        (&["as", "many", "as"], Hedge::UpTo),
        (&["as", "much", "as"], Hedge::UpTo),
        (&["a", "maximum", "of"], Hedge::UpTo),
        (&["nearly"], Hedge::Nearly),
        (&["almost"], Hedge::Nearly),
        (&["close", "to"], Hedge::Nearly),
        (&["just", "under"], Hedge::Nearly),
        (&["fewer", "than"], Hedge::LessThan),
        (&["less", "than"], Hedge::LessThan),
        (&["under"], Hedge::LessThan),
        (&["about"], Hedge::About),
        (&["around"], Hedge::About),
        (&["some"], Hedge::About),
        (&["approximately"], Hedge::About),
        (&["roughly"], Hedge::About),
        (&["an", "estimated"], Hedge::About),
        (&["estimated"], Hedge::About),
        (&["approx"], Hedge::About),
        (&["between"], Hedge::None),
    ];
    let Some(first) = t.lower(i) else {
        return (Hedge::None, i, false);
    };
    let first = first.as_str();
    for (words, hedge) in PHRASES {
        if words[0] == first
            && words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| t.is(i + k, w))
        {
            let mut j = i + words.len();
            // "approx." and "est." carry a full stop.
            if words == &["approx"] && t.is_punct(j, '.') {
                j += 1;
            }
            return (*hedge, j, words == &["between"]);
        }
    }
    (Hedge::None, i, false)
}

/// A bare number at token `j`.
fn parse_core(t: &Toks, j: usize) -> Option<Core> {
    let tok = t.get(j)?;
    match tok.kind {
        TokKind::Num => parse_digits(t, j),
        TokKind::Word => parse_words(t, j).or_else(|| parse_vague(t, j)),
        _ => None,
    }
}

/// An exact number (digits or words, no hedge, not vague) at token `j`:
/// its value and the token index after it. Used by the date parser for
/// "two days ago".
pub(crate) fn exact_number_at(t: &Toks, j: usize) -> Option<(u64, usize)> {
    let core = match t.get(j)?.kind {
        TokKind::Num => parse_digits(t, j)?,
        TokKind::Word => parse_words(t, j)?,
        _ => return None,
    };
    Some((core.value, core.end))
}

fn parse_digits(t: &Toks, j: usize) -> Option<Core> {
    let s = t.str(j);
    let mut end = j + 1;
    let (value, decimal) = if let Some((int, frac)) = s.split_once('.') {
        let v: f64 = format!("{}.{}", int.replace(',', ""), frac).parse().ok()?;
        (v, true)
    } else {
        let mut v: u64 = digits_value(s)?;
        // "3 000": space-separated thousands, common in African and French
        // sources. Only a 1–3 digit head followed by exactly three digits.
        if s.len() <= 3 && !s.contains(',') {
            while let (Some(a), Some(b)) = (t.get(end - 1), t.get(end)) {
                let gap = t.text.get(a.end..b.start).unwrap_or("");
                let next = t.str(end);
                if b.kind == TokKind::Num
                    && next.len() == 3
                    && matches!(gap, " " | "\u{a0}" | "\u{202f}")
                {
                    v = v.checked_mul(1000)?.checked_add(digits_value(next)?)?;
                    end += 1;
                } else {
                    break;
                }
            }
        }
        (v as f64, false)
    };
    let scale = t.lower(end).and_then(|w| scale_value(w.as_str()));
    match scale {
        Some(scale) => Some(Core {
            value: (value * scale as f64).round() as u64,
            end: end + 1,
            vague: false,
            digits: true,
            approx: false,
        }),
        None if decimal => None,
        None => {
            // "2 dozen".
            let (value, end) = if t.is(end, "dozen") {
                ((value as u64).checked_mul(12)?, end + 1)
            } else {
                (value as u64, end)
            };
            Some(Core {
                value,
                end,
                vague: false,
                digits: true,
                approx: false,
            })
        }
    }
}

fn digits_value(s: &str) -> Option<u64> {
    let mut v: u64 = 0;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        } else if b != b',' {
            return None;
        }
    }
    Some(v)
}

fn scale_value(w: &str) -> Option<u64> {
    match w {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// The value of one number word, in any case: "four" 4, "Twenty" 20,
/// "hundred" 100, "thousand" 1,000. For readers that test a single word
/// (the counts themselves are read by [`find_quantities`]).
pub fn number_word_value(word: &str) -> Option<u64> {
    let lower = word.to_ascii_lowercase();
    let w = lower.as_str();
    unit_value(w)
        .or_else(|| tens_value(w))
        .or_else(|| scale_value(w))
        .or_else(|| (w == "hundred").then_some(100))
}

pub(crate) fn unit_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

pub(crate) fn tens_value(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Number words: "sixteen", "twenty-five", "one hundred and twelve",
/// "a dozen", "two dozen", "a hundred", "three thousand".
fn parse_words(t: &Toks, j: usize) -> Option<Core> {
    let mut k = j;
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut any = false;
    // "a hundred", "an eleven"? Only scales and "dozen" may follow "a".
    let article = t.is(k, "a") || t.is(k, "an");
    if article {
        let w = t.lower(k + 1)?;
        match w.as_str() {
            "dozen" => current = 1,
            "hundred" | "thousand" | "million" | "billion" => current = 1,
            _ => return None,
        }
        k += 1;
    }
    while let Some(w) = t.lower(k) {
        let w = w.as_str();
        let rem = current % 100;
        if let Some(v) = unit_value(w) {
            // After "twenty" only 1–9 may follow; after "one" or "twelve"
            // nothing: "one two" is two numbers.
            let fits = rem == 0 || (rem >= 20 && rem % 10 == 0 && v < 10);
            if any && !fits {
                break;
            }
            current += v;
            any = true;
            k += 1;
        } else if let Some(v) = tens_value(w) {
            if any && rem != 0 {
                break;
            }
            current += v;
            any = true;
            k += 1;
            // "twenty-five"
            if t.is_dash(k) && t.touching(k - 1) && t.touching(k) {
                if let Some(u) = t.lower(k + 1).and_then(|x| unit_value(x.as_str())) {
                    if (1..10).contains(&u) {
                        current += u;
                        k += 2;
                    }
                }
            }
        } else if w == "hundred" && (any || article) {
            current = current.max(1).checked_mul(100)?;
            any = true;
            k += 1;
        } else if let Some(scale) = scale_value(w).filter(|_| any || article) {
            total = total.checked_add(current.max(1).checked_mul(scale)?)?;
            current = 0;
            any = true;
            k += 1;
        } else if w == "dozen" && (any || article) {
            current = current.max(1).checked_mul(12)?;
            any = true;
            k += 1;
            break;
        } else if w == "and" && any && (current >= 100 || total > 0) && current % 100 == 0 {
            // "one hundred and twelve": only when a smaller number follows.
            let next = t.lower(k + 1);
            let small = next.as_ref().is_some_and(|n| {
                unit_value(n.as_str()).is_some() || tens_value(n.as_str()).is_some()
            });
            if small {
                k += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !any {
        return None;
    }
    Some(Core {
        value: total.checked_add(current)?,
        end: k,
        vague: false,
        digits: false,
        approx: false,
    })
}

/// Vague quantities: "dozens", "scores of", "several", "a few", "a number of".
fn parse_vague(t: &Toks, j: usize) -> Option<Core> {
    let w = t.lower(j)?;
    let vague = |value: u64, end: usize| {
        Some(Core {
            value,
            end,
            vague: true,
            digits: false,
            approx: true,
        })
    };
    // "tens/hundreds of thousands": the larger reading, still conservative.
    let of_scale = |base: u64| -> Option<Core> {
        if t.is(j + 1, "of") {
            let next = t.lower(j + 2);
            let scale = match next.as_ref().map(|n| n.as_str()) {
                Some("thousands") => Some(1_000),
                Some("millions") => Some(1_000_000),
                _ => None,
            };
            if let Some(scale) = scale {
                return vague(base * scale, j + 3);
            }
        }
        None
    };
    match w.as_str() {
        "dozens" => vague(12, j + 1),
        "tens" if t.is(j + 1, "of") => of_scale(10).or_else(|| vague(10, j + 1)),
        "scores" if t.is(j + 1, "of") => vague(20, j + 1),
        "hundreds" => of_scale(100).or_else(|| vague(100, j + 1)),
        "thousands" => vague(1_000, j + 1),
        "millions" => vague(1_000_000, j + 1),
        "several" | "many" | "numerous" | "few" => {
            // "several hundred", "a few thousand": the unit itself.
            let bare = if w.as_str() == "few" { 3 } else { 10 };
            let after = t.lower(j + 1);
            match after.as_ref().map(|a| a.as_str()) {
                Some("dozen") => vague(12, j + 2),
                Some("hundred") => vague(100, j + 2),
                Some("thousand") => vague(1_000, j + 2),
                Some("million") => vague(1_000_000, j + 2),
                _ if w.as_str() == "few" => None,
                _ => vague(bare, j + 1),
            }
        }
        "a" | "an" => {
            let next = t.lower(j + 1)?;
            match next.as_str() {
                // "a few", "a few hundred".
                "few" => parse_vague(t, j + 1).or_else(|| vague(3, j + 2)),
                "handful" => vague(3, j + 2),
                "couple" if t.is(j + 2, "of") => Some(Core {
                    value: 2,
                    end: j + 2,
                    vague: false,
                    digits: false,
                    approx: true,
                }),
                "number" if t.is(j + 2, "of") => vague(10, j + 2),
                "unknown" if t.is(j + 2, "number") && t.is(j + 3, "of") => vague(10, j + 3),
                _ => None,
            }
        }
        "unknown" if t.is(j + 1, "number") && t.is(j + 2, "of") => vague(10, j + 2),
        "half" if t.is(j + 1, "a") && t.is(j + 2, "dozen") => Some(Core {
            value: 6,
            end: j + 3,
            vague: false,
            digits: false,
            approx: true,
        }),
        _ => None,
    }
}

/// If the number at `j` (ending at `core.end`) is not a count, the token
/// index to resume at.
fn not_a_count(t: &Toks, j: usize, core: Core, hedge: Hedge) -> Option<usize> {
    let end = core.end;
    let skip = Some(end);
    // Compounds: "12-year-old", "three-day", "1,200-strong".
    if t.is_dash(end) && t.touching(end - 1) && t.touching(end) {
        if let Some(next) = t.get(end + 1) {
            if next.kind == TokKind::Word && parse_core(t, end + 1).is_none() {
                return Some(end + 2);
            }
        }
    }
    // Ages: "12 years old", "aged 12", "age 12".
    if (t.is(end, "years") || t.is(end, "year")) && (t.is(end + 1, "old") || t.is_dash(end + 1)) {
        return Some(end + 2);
    }
    if j > 0 && (t.is(j - 1, "aged") || t.is(j - 1, "age") || t.is(j - 1, "ages")) {
        return skip;
    }
    // An age in apposition to a name: "Sgt John Smith, 36, died". A count
    // there would be "Smith and 36 others". Not in brackets: "Amina Bello
    // (19)" is an age, but "killed in Gwoza (12) and Bama (5)" are tolls.
    if core.digits && core.value <= 120 && j >= 2 {
        let after_name = t.get(j - 2).is_some_and(|n| {
            n.kind == TokKind::Word && t.str(j - 2).starts_with(char::is_uppercase)
        });
        if after_name && t.is_punct(j - 1, ',') && t.is_punct(end, ',') {
            return skip;
        }
    }
    // "no one was hurt", "one another".
    if t.is(j, "one") && end == j + 1 && ((j > 0 && t.is(j - 1, "no")) || t.is(end, "another")) {
        return skip;
    }
    // Percentages and clock times.
    if t.is_punct(end, '%') || t.is(end, "percent") || (t.is(end, "per") && t.is(end + 1, "cent")) {
        return skip;
    }
    if core.digits && t.is_punct(end, ':') && t.touching(end - 1) {
        return Some(end + 2);
    }
    // Numeric dates and fractions: "21/06", "21/06/2016", "24/7".
    if core.digits && t.is_punct(end, '/') && t.touching(end - 1) {
        return Some(end + 2);
    }
    if core.digits && j > 0 && t.is_punct(j - 1, '/') && t.touching(j - 1) {
        return skip;
    }
    // Inside a hyphenated chain that starts with a year or runs on:
    // "2019-10-21" (but "15-20" is a range, read before this point).
    let dash_before =
        |k: usize| k > 1 && t.is_dash(k - 1) && t.touching(k - 1) && t.touching(k - 2);
    if core.digits && dash_before(j) {
        let head = t.str(j - 2);
        let year_head = head.len() == 4 && head.bytes().all(|b| b.is_ascii_digit());
        if year_head || dash_before(j - 2) {
            return skip;
        }
    }
    if is_clock_suffix(t, end) {
        return skip;
    }
    // Money, "No. 10", "#3".
    if j > 0 {
        let prev = t.str(j - 1);
        if matches!(prev, "$" | "£" | "€" | "¥" | "#" | "₦") {
            return skip;
        }
        if prev == "." && j > 1 && (t.is(j - 2, "No") || t.is(j - 2, "no")) {
            return skip;
        }
        // A name with a number: "the Division 13", "Brigade 93", "Route
        // 1", "Resolution 2254" (the noun capitalised, the number digits).
        if core.digits
            && t.capitalised(j - 1)
            && t.lower(j - 1)
                .is_some_and(|w| NUMBERED_NAMES.contains(&w.as_str()))
        {
            return skip;
        }
    }
    if matches!(
        t.lower(end).as_ref().map(|w| w.as_str()),
        Some("dollars" | "euros" | "pounds" | "usd")
    ) {
        return skip;
    }
    if core.digits {
        // Days of the month: "21 October", "October 21", "Oct. 21".
        if month_at(t, end) {
            return skip;
        }
        if j > 0 && (month_at(t, j - 1) || (t.is_punct(j - 1, '.') && j > 1 && month_at(t, j - 2)))
        {
            return skip;
        }
        // Years: a bare 1900–2099 is a year unless hedged ("some 2000").
        let s = t.str(j);
        let hedged =
            hedge != Hedge::None && !(j > 0 && (t.is(j - 1, "over") || t.is(j - 1, "under")));
        if end == j + 1 && s.len() == 4 && !hedged && (1900..=2099).contains(&core.value) {
            return skip;
        }
    }
    None
}

/// Capitalised nouns that a number names rather than counts after them.
const NUMBERED_NAMES: &[&str] = &[
    "division",
    "brigade",
    "battalion",
    "regiment",
    "squadron",
    "corps",
    "unit",
    "route",
    "highway",
    "road",
    "resolution",
    "article",
    "chapter",
    "section",
    "flight",
    "gate",
    "block",
    "camp",
    "sector",
    "zone",
    "district",
    "ward",
    "kilometre",
    "km",
];

/// "3 p.m.", "3pm" (already Alnum), "0800 GMT", "10 a.m.".
fn is_clock_suffix(t: &Toks, i: usize) -> bool {
    let w = match t.lower(i) {
        Some(w) => w,
        None => return false,
    };
    match w.as_str() {
        "a" | "p" => t.is_punct(i + 1, '.') && t.is(i + 2, "m"),
        "am" | "pm" | "gmt" | "utc" | "hrs" | "o" => true,
        _ => false,
    }
}

/// True when token `i` is a capitalised month name or abbreviation.
pub(crate) fn month_at(t: &Toks, i: usize) -> bool {
    t.capitalised(i)
        && t.lower(i)
            .is_some_and(|w| crate::dates::month_number(w.as_str()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<(String, u32, Option<u32>, bool, Hedge)> {
        find_quantities(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| {
                (
                    text[q.span.start..q.span.end].to_string(),
                    q.value,
                    q.high,
                    q.approximate,
                    q.hedge,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, u32, Option<u32>, bool, Hedge) {
        let mut all = q(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn digits() {
        assert_eq!(
            one("Police said 16 people were killed in Mogadishu."),
            ("16".into(), 16, None, false, Hedge::None)
        );
        assert_eq!(one("Some 1,200 families fled Kismayo.").1, 1200);
        assert_eq!(one("As many as 3 000 people protested in Durban.").1, 3000);
        assert_eq!(one("The war displaced 2.5 million people.").1, 2_500_000);
        assert_eq!(one("Police held 2 dozen protesters in Harare.").1, 24);
    }

    #[test]
    fn words() {
        assert_eq!(one("Sixteen soldiers died near Gao.").1, 16);
        assert_eq!(one("Twenty-five civilians were wounded in Aleppo.").1, 25);
        assert_eq!(
            one("One hundred and twelve bodies were found in Goma.").1,
            112
        );
        assert_eq!(one("Rebels seized a dozen trucks near Beni.").0, "a dozen");
        assert_eq!(one("Rebels seized a dozen trucks near Beni.").1, 12);
        assert_eq!(one("Gunmen abducted two dozen pupils in Kaduna.").1, 24);
        assert_eq!(one("Three thousand people marched in Khartoum.").1, 3000);
        assert_eq!(one("A hundred people gathered in Tunis.").1, 100);
        assert_eq!(q("One two three.").len(), 3);
    }

    #[test]
    fn hedges_keep_the_stated_figure() {
        assert_eq!(
            one("At least 16 people were killed in Maiduguri."),
            ("At least 16".into(), 16, None, true, Hedge::AtLeast)
        );
        assert_eq!(one("More than 20 died in Bama.").4, Hedge::MoreThan);
        assert_eq!(one("More than 20 died in Bama.").1, 20);
        assert_eq!(one("over 20 were hurt").4, Hedge::MoreThan);
        assert_eq!(one("up to 30 fighters").4, Hedge::UpTo);
        assert_eq!(one("as many as 30 fighters").1, 30);
        assert_eq!(one("nearly 50 homes burned").4, Hedge::Nearly);
        assert_eq!(one("almost 50 homes burned").1, 50);
        assert_eq!(one("fewer than 10 soldiers").4, Hedge::LessThan);
        assert_eq!(one("an estimated 300 refugees").0, "an estimated 300");
        assert_eq!(one("some 30 militants").4, Hedge::About);
        assert_eq!(
            one("killing 16 or more villagers"),
            ("16 or more".into(), 16, None, true, Hedge::AtLeast)
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            one("Between 15 and 20 people were killed."),
            ("Between 15 and 20".into(), 15, Some(20), true, Hedge::None)
        );
        assert_eq!(one("15 to 20 people").2, Some(20));
        assert_eq!(one("15-20 people").2, Some(20));
        assert_eq!(one("two or three houses").2, Some(3));
        assert_eq!(one("at least 15 to 20 people").4, Hedge::AtLeast);
        assert_eq!(one("between 6-8 assailants").2, Some(8));
    }

    #[test]
    fn vague_quantities() {
        let v = |s: &str| one(s).1;
        assert_eq!(v("Dozens were killed in Borno."), 12);
        assert_eq!(v("tens of people fled"), 10);
        assert_eq!(v("tens of thousands fled"), 10_000);
        assert_eq!(v("scores of people fled"), 20);
        assert_eq!(v("hundreds of students marched"), 100);
        assert_eq!(v("hundreds of thousands fled"), 100_000);
        assert_eq!(v("thousands marched in Addis Ababa"), 1000);
        assert_eq!(v("the army killed several militants"), 10);
        assert_eq!(v("killing an unknown number of herders"), 10);
        assert_eq!(v("a number of houses burned"), 10);
        assert_eq!(v("several hundred protesters"), 100);
        assert_eq!(v("a few soldiers"), 3);
        assert_eq!(v("a few thousand people"), 1000);
        assert_eq!(v("a handful of police"), 3);
        assert_eq!(one("half a dozen villages").0, "half a dozen");
        assert_eq!(v("half a dozen villages"), 6);
        assert_eq!(one("a couple of shops").0, "a couple");
        assert_eq!(v("a couple of shops"), 2);
        assert!(one("dozens of people").3);
        assert!(q("the scores were level").is_empty());
        assert!(q("few people came").is_empty());
    }

    #[test]
    fn one_number_word_has_its_value() {
        assert_eq!(number_word_value("Four"), Some(4));
        assert_eq!(number_word_value("twenty"), Some(20));
        assert_eq!(number_word_value("hundred"), Some(100));
        assert_eq!(number_word_value("THOUSAND"), Some(1_000));
        assert_eq!(number_word_value("fourth"), None);
        assert_eq!(number_word_value("dozens"), None);
    }

    #[test]
    fn not_counts() {
        assert!(q("A 12-year-old boy was shot in Kabul.").is_empty());
        assert!(q("The boy, 12 years old, was shot.").is_empty());
        assert!(q("a boy aged 12 was shot").is_empty());
        assert!(q("Sgt John Smith, 36, died in the blast.").is_empty());
        // Tolls by place in brackets stay counts.
        assert_eq!(
            q("Gunmen killed villagers in Gwoza (12) and Bama (5).")
                .iter()
                .map(|x| x.1)
                .collect::<Vec<_>>(),
            vec![12, 5]
        );
        // Counts after a name stay counts.
        assert_eq!(one("In Kano, 36 people died.").1, 36);
        assert_eq!(one("Police in Kano (Nigeria) said 36 died.").1, 36);
        assert_eq!(one("Gunmen killed Musa, 12, and 30 others.").1, 30);
        assert!(q("after a three-day siege").is_empty());
        assert!(q("a 1,200-strong force").is_empty());
        assert!(q("The 2016 elections were held in March 2016.").is_empty());
        assert!(q("on 21 October and Oct. 21 and October 21").is_empty());
        assert!(q("clashes over 24-26 June").is_empty());
        assert!(q("at 10:30 and at 3 p.m. and at 0800 GMT").is_empty());
        assert!(q("up 40% or 40 percent").is_empty());
        assert!(q("$5 million in aid").is_empty());
        assert!(q("the 21st Brigade fired 155mm shells").is_empty());
        assert!(q("inflation hit 3.5 in May").is_empty());
        assert!(q("on 21/06 and 21/06/2016, open 24/7").is_empty());
        assert!(q("reported on 2019-10-21").is_empty());
        assert!(q("Libya Shield No. 1 used it as a base").is_empty());
        // A unit or a road named by a number.
        assert!(q("an attack on the Division 13 and Brigade 93 on Route 1").is_empty());
        assert_eq!(one("Two 12-year-old boys were shot.").1, 2);
        // In lower case the noun names nothing: the number counts.
        assert_eq!(one("the division 13 soldiers left").1, 13);
    }

    #[test]
    fn spans_are_absolute_and_respect_within() {
        let text = "5 killed. In Gao, 7 wounded.";
        let start = text.find("In").unwrap_or(0);
        let got = find_quantities(text, Span::new(start, text.len()));
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].span.start..got[0].span.end], "7");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
            for q in find_quantities(&s, Span::new(a.min(b), a.max(b))) {
                proptest::prop_assert!(q.span.start <= q.span.end && q.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
            }
        }

        #[test]
        fn never_panics_on_number_soup(s in "([0-9]{1,5}|[,.\\- ]|at least|dozen|a|and|hundred|twenty|five|of|thousands|to|or|year|old){0,30}") {
            let _ = find_quantities(&s, Span::new(0, s.len()));
        }
    }
}
