//! A small tokenizer shared by the number and date recognisers.
//!
//! Tokens are byte spans into the *full* text, so recognisers can report
//! absolute spans without shifting. Whitespace is dropped; adjacency (no
//! space between two tokens) is recovered by comparing offsets, which is how
//! "12-year-old" is told apart from "12 - year".

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters only ("killed", "Oct", "Zürich").
    Word,
    /// Digits, with "," thousands groups or one "." decimal part ("1,200", "3.5").
    Num,
    /// Letters and digits mixed ("21st", "3pm", "155mm", "G20").
    Alnum,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// Tokenizes `text[start..end]` (clamped to the text and to char boundaries).
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let (start, end) = clamp_span(text, start, end);
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity((end - start) / 5 + 1);
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // ASCII words, the bulk of English text, without decoding chars.
        if b.is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < end && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            if j >= end || bytes[j].is_ascii_whitespace() || (bytes[j].is_ascii_punctuation()) {
                toks.push(Tok {
                    start: i,
                    end: j,
                    kind: TokKind::Word,
                });
                i = j;
                continue;
            }
            // Digits or non-ASCII letters follow: take the general path.
        }
        let (c, clen) = char_at(text, i);
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if c.is_ascii_digit() {
            let num_end = scan_number(bytes, i, end);
            // A number glued to letters is not a count: "21st", "3pm", "155mm".
            let (tok_end, kind) = if num_end < end && starts_alnum(text, num_end) {
                (scan_alnum(text, num_end, end), TokKind::Alnum)
            } else {
                (num_end, TokKind::Num)
            };
            toks.push(Tok {
                start: i,
                end: tok_end,
                kind,
            });
            i = tok_end;
        } else if c.is_alphabetic() {
            let mut j = i + clen;
            let mut has_digit = false;
            while j < end {
                let (d, dlen) = char_at(text, j);
                if d.is_alphabetic() {
                    j += dlen;
                } else if d.is_ascii_digit() {
                    has_digit = true;
                    j += dlen;
                } else {
                    break;
                }
            }
            let kind = if has_digit {
                TokKind::Alnum
            } else {
                TokKind::Word
            };
            toks.push(Tok {
                start: i,
                end: j,
                kind,
            });
            i = j;
        } else {
            toks.push(Tok {
                start: i,
                end: i + clen,
                kind: TokKind::Punct,
            });
            i += clen;
        }
    }
    toks
}

/// Clamps a byte range to the text, moving each end back to a char boundary.
pub(crate) fn clamp_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    (start, end)
}

fn char_at(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

fn starts_alnum(text: &str, i: usize) -> bool {
    char_at(text, i).0.is_alphanumeric()
}

fn scan_alnum(text: &str, mut j: usize, end: usize) -> usize {
    while j < end {
        let (d, dlen) = char_at(text, j);
        if !d.is_alphanumeric() {
            break;
        }
        j += dlen;
    }
    j
}

/// End of a number starting at `i`: digits, then ",ddd" groups, then at most
/// one ".d+" part. A "," not followed by exactly three digits ends the number
/// ("3,4" is two numbers), so lists do not merge.
fn scan_number(bytes: &[u8], i: usize, end: usize) -> usize {
    let digits = |mut j: usize| {
        while j < end && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    while j < end && bytes[j] == b',' {
        let k = digits(j + 1);
        if k - (j + 1) == 3 {
            j = k;
        } else {
            break;
        }
    }
    if j + 1 < end && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
        j = digits(j + 1);
    }
    j
}

/// A word token's text, lower-cased (ASCII letters only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lower<'a>(&'a str);

impl<'a> Lower<'a> {
    pub(crate) fn as_str(&self) -> &'a str {
        self.0
    }
}

/// A token can start a quantity ([`Toks::starts`]).
pub(crate) const STARTS_QUANTITY: u8 = 1;
/// A token can start a date.
pub(crate) const STARTS_DATE: u8 = 2;

/// What a lower-cased word can start: a hedge or a vague quantity
/// ("about", "dozens"), a date's lead word ("since", "the"), a month, a
/// weekday or a number word (both). One match per word, made once per
/// token for both recognisers; before, each recogniser's cheap test
/// looked the word up in five tables (a seventh of the count and date
/// work). `tests::word_starts_are_the_recognisers_tests` holds it to them.
fn word_starts(w: &str) -> u8 {
    const Q: u8 = STARTS_QUANTITY;
    const D: u8 = STARTS_DATE;
    match w {
        // Number words, and leads both recognisers take.
        "zero" | "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
        | "ten" | "eleven" | "twelve" | "thirteen" | "fourteen" | "fifteen" | "sixteen"
        | "seventeen" | "eighteen" | "nineteen" | "twenty" | "thirty" | "forty" | "fifty"
        | "sixty" | "seventy" | "eighty" | "ninety" | "a" | "an" | "at" | "in" | "over"
        | "around" => Q | D,
        // Hedges and vague quantities.
        "no" | "not" | "more" | "upwards" | "upward" | "up" | "as" | "nearly" | "almost"
        | "close" | "just" | "fewer" | "less" | "under" | "about" | "some" | "approximately"
        | "roughly" | "estimated" | "approx" | "between" | "dozens" | "tens" | "scores"
        | "hundreds" | "thousands" | "millions" | "several" | "many" | "numerous" | "few"
        | "unknown" | "half" => Q,
        // Months, weekdays and the words dates begin with.
        "january" | "jan" | "february" | "feb" | "march" | "mar" | "april" | "apr" | "may"
        | "june" | "jun" | "july" | "jul" | "august" | "aug" | "september" | "sept" | "sep"
        | "october" | "oct" | "november" | "nov" | "december" | "dec" | "monday" | "tuesday"
        | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "on" | "during" | "of"
        | "the" | "by" | "since" | "until" | "till" | "from" | "through" | "throughout"
        | "before" | "after" | "late" | "early" | "earlier" | "later" | "mid" | "end"
        | "beginning" | "start" | "middle" | "last" | "next" | "this" | "yesterday" | "today"
        | "tonight" | "weekend" | "day" | "following" | "previous" | "same" | "hours"
        | "minutes" | "past" | "recent" | "tomorrow" | "that" => D,
        _ => 0,
    }
}

/// The tokens of one span of a text, with an ASCII-lower-cased copy of the
/// span so keyword tests are plain slice comparisons.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// `text[base..]` lower-cased (same byte offsets, shifted by `base`).
    lower: String,
    base: usize,
    /// What each token can start ([`STARTS_QUANTITY`], [`STARTS_DATE`]).
    starts: Vec<u8>,
}

impl<'a> Toks<'a> {
    pub(crate) fn new(text: &'a str, start: usize, end: usize) -> Self {
        let (start, end) = clamp_span(text, start, end);
        let toks = tokenize(text, start, end);
        let lower = text[start..end].to_ascii_lowercase();
        let starts = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Num => STARTS_QUANTITY | STARTS_DATE,
                TokKind::Alnum => STARTS_DATE,
                TokKind::Word => lower
                    .get(t.start - start..t.end - start)
                    .map_or(0, word_starts),
                TokKind::Punct => 0,
            })
            .collect();
        Toks {
            text,
            toks,
            lower,
            base: start,
            starts,
        }
    }

    /// What token `i` can start (0 past the end).
    pub(crate) fn starts(&self, i: usize) -> u8 {
        self.starts.get(i).copied().unwrap_or(0)
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    pub(crate) fn str(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// Lower-cased text of token `i` if it is a word.
    pub(crate) fn lower(&self, i: usize) -> Option<Lower<'_>> {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => self
                .lower
                .get(t.start - self.base..t.end - self.base)
                .map(Lower),
            _ => None,
        }
    }

    /// True when token `i` is a word equal (ignoring ASCII case) to `w`.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.lower(i).is_some_and(|l| l.0.eq_ignore_ascii_case(w))
    }

    /// True when token `i` is the punctuation character `c`.
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == TokKind::Punct)
            && self.str(i).starts_with(c)
    }

    /// True when token `i` is a hyphen or dash of any kind.
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == TokKind::Punct)
            && matches!(self.str(i), "-" | "–" | "—" | "‐" | "‑")
    }

    /// True when tokens `i` and `i + 1` touch (no whitespace between).
    pub(crate) fn touching(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// True when token `i` starts with an upper-case letter.
    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokKind)> {
        tokenize(text, 0, text.len())
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    #[test]
    fn numbers_keep_groups_and_decimals() {
        assert_eq!(
            kinds("1,200 and 3.5, then 3,4."),
            vec![
                ("1,200", TokKind::Num),
                ("and", TokKind::Word),
                ("3.5", TokKind::Num),
                (",", TokKind::Punct),
                ("then", TokKind::Word),
                ("3", TokKind::Num),
                (",", TokKind::Punct),
                ("4", TokKind::Num),
                (".", TokKind::Punct),
            ]
        );
    }

    #[test]
    fn glued_digits_and_letters_are_alnum() {
        assert_eq!(
            kinds("21st 155mm G20"),
            vec![
                ("21st", TokKind::Alnum),
                ("155mm", TokKind::Alnum),
                ("G20", TokKind::Alnum)
            ]
        );
    }

    /// The recognisers' cheap tests as they were written before
    /// [`word_starts`]: a number, or a word in their tables.
    fn reference_starts(kind: TokKind, w: &str) -> u8 {
        use crate::dates::{month_number, weekday_of};
        use crate::numbers::{tens_value, unit_value};
        let number_word = unit_value(w).is_some() || tens_value(w).is_some();
        let quantity = kind == TokKind::Num
            || (kind == TokKind::Word
                && (number_word
                    || [
                        "a",
                        "an",
                        "at",
                        "no",
                        "not",
                        "more",
                        "over",
                        "upwards",
                        "upward",
                        "in",
                        "up",
                        "as",
                        "nearly",
                        "almost",
                        "close",
                        "just",
                        "fewer",
                        "less",
                        "under",
                        "about",
                        "around",
                        "some",
                        "approximately",
                        "roughly",
                        "estimated",
                        "approx",
                        "between",
                        "dozens",
                        "tens",
                        "scores",
                        "hundreds",
                        "thousands",
                        "millions",
                        "several",
                        "many",
                        "numerous",
                        "few",
                        "unknown",
                        "half",
                    ]
                    .contains(&w)));
        let date = matches!(kind, TokKind::Num | TokKind::Alnum)
            || (kind == TokKind::Word
                && (number_word
                    || month_number(w).is_some()
                    || weekday_of(w).is_some()
                    || [
                        "in",
                        "on",
                        "at",
                        "during",
                        "of",
                        "the",
                        "by",
                        "over",
                        "around",
                        "since",
                        "until",
                        "till",
                        "from",
                        "through",
                        "throughout",
                        "before",
                        "after",
                        "late",
                        "early",
                        "earlier",
                        "later",
                        "mid",
                        "end",
                        "beginning",
                        "start",
                        "middle",
                        "last",
                        "next",
                        "this",
                        "yesterday",
                        "today",
                        "tonight",
                        "weekend",
                        "day",
                        "following",
                        "previous",
                        "same",
                        "a",
                        "an",
                        "hours",
                        "minutes",
                        "past",
                        "recent",
                        "tomorrow",
                        "that",
                    ]
                    .contains(&w)));
        (u8::from(quantity) * STARTS_QUANTITY) | (u8::from(date) * STARTS_DATE)
    }

    #[test]
    fn word_starts_are_the_recognisers_tests() {
        // Every word either table names, spelled out, and some that are in none.
        let text = "zero one two three four five six seven eight nine ten eleven twelve \
            thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty \
            forty fifty sixty seventy eighty ninety hundred thousand million dozen dozens \
            January Jan February Feb March Mar April Apr May June Jun July Jul August Aug \
            September Sept Sep October Oct November Nov December Dec Monday Tuesday \
            Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun \
            a an at no not more over upwards upward in up as nearly almost close just \
            fewer less under about around some approximately roughly estimated approx \
            between tens scores hundreds thousands millions several many numerous few \
            unknown half on during of the by since until till from through throughout \
            before after late early earlier later mid end beginning start middle last \
            next this yesterday today tonight weekend day following previous same hours \
            minutes past recent tomorrow that killed people soldiers weeks week month \
            year ago night morning Zürich 12 3.5 21st 155mm , . —";
        let toks = Toks::new(text, 0, text.len());
        assert!(toks.len() > 150);
        for i in 0..toks.len() {
            let t = toks.get(i).unwrap();
            let lower = text[t.start..t.end].to_ascii_lowercase();
            assert_eq!(
                toks.starts(i),
                reference_starts(t.kind, &lower),
                "{}",
                &text[t.start..t.end]
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn word_starts_match_the_tables_on_any_word(w in "[a-z]{1,10}") {
            proptest::prop_assert_eq!(word_starts(&w), reference_starts(TokKind::Word, &w));
        }
    }

    #[test]
    fn clamps_to_char_boundaries() {
        let text = "Près";
        assert_eq!(clamp_span(text, 2, 3), (2, 2));
        assert_eq!(
            kinds("Près — 12"),
            vec![
                ("Près", TokKind::Word),
                ("—", TokKind::Punct),
                ("12", TokKind::Num)
            ]
        );
    }
}
