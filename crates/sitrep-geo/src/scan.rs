//! Word tokens with what the recogniser needs to know about each: its folded
//! form, its case, whether it opens a sentence and what separates it from the
//! previous token.

use sitrep_text::normalize::fold;
use std::borrow::Cow;

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Start of text.
    None,
    /// Spaces or tabs only: the tokens may belong to one name.
    Space,
    /// A hyphen, with or without spaces ("Deir ez-Zor").
    Hyphen,
    /// A full stop ("U.S.", "St. Louis"), or one ending a sentence.
    Dot,
    /// A comma ("Pandi, Bulacan").
    Comma,
    /// Anything else: sentence ends, brackets, quotes, line breaks.
    Break,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    /// `fold` of the token text: lower case, no accents or apostrophes.
    /// Borrowed from the text when the word already is its folded form
    /// (most words of English prose), so tokenizing allocates only for
    /// capitalised, accented or apostrophed words.
    pub folded: Cow<'a, str>,
    /// First letter upper case.
    pub capitalised: bool,
    /// Two or more letters, all upper case ("UK", "BAGHDAD").
    pub all_caps: bool,
    pub is_number: bool,
    /// First token of a sentence (or of a line, or after an opening quote).
    pub sentence_start: bool,
    pub gap: Gap,
}

impl Token<'_> {
    /// Upper-case initial or all capitals: a proper-name shape.
    pub fn is_proper(&self) -> bool {
        self.capitalised || self.all_caps
    }
}

/// `sitrep_text::normalize::fold` with a fast path for ASCII (most news
/// text), where decomposition is the identity: same output, no NFKD pass.
pub fn fold_fast(s: &str) -> String {
    if !s.is_ascii() {
        return fold(s);
    }
    // Bytes, not chars: pushing char by char encoded each one again.
    // `ascii_folded` yields ASCII only, so the conversion cannot fail.
    String::from_utf8(ascii_folded(s).collect()).unwrap_or_default()
}

/// Whether a word is its own folded form: lower-case ASCII letters and
/// digits only.
pub(crate) fn is_folded(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Whether `fold_fast(s) == folded`, without building the folded string
/// when `s` is ASCII (resolution compares every reading's name this way).
pub fn folds_to(s: &str, folded: &str) -> bool {
    if !s.is_ascii() {
        return fold(s) == folded;
    }
    ascii_folded(s).eq(folded.bytes())
}

/// The bytes of `fold` of an ASCII string: lower case, apostrophes dropped,
/// every other run of non-alphanumerics one space, none at the ends.
fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
    let mut space = false;
    let mut started = false;
    s.bytes()
        .filter(|&b| b != b'\'' && b != b'`')
        .flat_map(move |b| {
            if !b.is_ascii_alphanumeric() {
                space = true;
                return [None, None];
            }
            let sep = (space && started).then_some(b' ');
            space = false;
            started = true;
            [sep, Some(b.to_ascii_lowercase())]
        })
        .flatten()
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "st", "mt", "ft", "mr", "mrs", "ms", "dr", "gen", "col", "lt", "capt", "maj", "sgt", "sen",
    "rep", "gov", "prof", "rev", "jr", "sr", "no", "vs", "u", "s", "calif", "fla", "mass",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ')
}

/// Splits `text` into word tokens: runs of letters and digits, keeping
/// apostrophes inside a word ("Côte d'Ivoire", "Ta'izz").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut prev_end = 0usize;
    let mut at = 0usize;
    while at < bytes.len() {
        // ASCII punctuation and spaces, the common gap, byte by byte.
        if !bytes[at].is_ascii_alphanumeric() && bytes[at].is_ascii() {
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
            break;
        };
        if !c.is_alphanumeric() {
            at += c.len_utf8();
            continue;
        }
        let start = at;
        let mut end = start + c.len_utf8();
        loop {
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            let Some(d) = text.get(end..).and_then(|t| t.chars().next()) else {
                break;
            };
            let inner_apostrophe = is_apostrophe(d) && next_is_alnum(text, end + d.len_utf8());
            if d.is_alphanumeric() || inner_apostrophe {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        at = end;
        // "Canada's": the possessive is not part of the name.
        let end = strip_possessive(text, start, end);
        let word = &text[start..end];
        let gap_text = &text[prev_end..start];
        // One space, the usual gap, is a plain space that opens nothing.
        let (gap, sentence_start) = if gap_text == " " && !tokens.is_empty() {
            (Gap::Space, false)
        } else {
            (
                classify_gap(gap_text, tokens.is_empty()),
                tokens.is_empty() || opens_sentence(gap_text, tokens.last()),
            )
        };
        tokens.push(make_token(word, start, end, gap, sentence_start));
        prev_end = end;
    }
    tokens
}

/// The end of the word without a trailing "'s" / "’s".
fn strip_possessive(text: &str, start: usize, end: usize) -> usize {
    let word = &text[start..end];
    let mut tail = word.char_indices().rev();
    match (tail.next(), tail.next()) {
        (Some((_, 's' | 'S')), Some((i, c))) if is_apostrophe(c) && i > 0 => start + i,
        _ => end,
    }
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

fn make_token(word: &str, start: usize, end: usize, gap: Gap, sentence_start: bool) -> Token<'_> {
    let first = word.chars().next().unwrap_or(' ');
    // One pass over the bytes for ASCII words, the usual case.
    let (letters, any_lower) = if word.is_ascii() {
        word.bytes().fold((0usize, false), |(n, lower), b| {
            (
                n + usize::from(b.is_ascii_alphabetic()),
                lower || b.is_ascii_lowercase(),
            )
        })
    } else {
        (
            word.chars().filter(|c| c.is_alphabetic()).count(),
            word.chars().any(char::is_lowercase),
        )
    };
    let all_caps = letters >= 2 && !any_lower;
    Token {
        start,
        end,
        folded: if is_folded(word) {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(fold_fast(word))
        },
        capitalised: first.is_uppercase(),
        all_caps,
        is_number: first.is_ascii_digit(),
        sentence_start,
        gap,
    }
}

fn classify_gap(gap: &str, first: bool) -> Gap {
    if first {
        return Gap::None;
    }
    if gap.is_empty() {
        return Gap::Hyphen; // joined by something we skipped (e.g. "/"): treat as hyphen
    }
    if gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
        return Gap::Space;
    }
    if gap.contains('\n') {
        return Gap::Break;
    }
    let trimmed = gap.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    // A transliterated ayn opening the next word ("Tall 'Afar", "Wadi ʿAraba")
    // belongs to the name, not to a quotation.
    let mut gap_chars = trimmed.chars();
    if let (Some(c), None) = (gap_chars.next(), gap_chars.next()) {
        if is_apostrophe(c) && gap.ends_with(c) && gap.starts_with(' ') {
            return Gap::Space;
        }
    }
    match trimmed {
        "." => Gap::Dot,
        "-" | "–" if !gap.contains('\n') => Gap::Hyphen,
        "," => Gap::Comma,
        _ => Gap::Break,
    }
}

/// A sentence starts after . ! ? : or a line break, or after an opening quote
/// at one of those. "U.S. forces" and "Mr. Jordan" are handled by callers
/// (abbreviations are single letters or titles).
fn opens_sentence(gap: &str, prev: Option<&Token<'_>>) -> bool {
    if gap.contains('\n') {
        return true;
    }
    // The gap without spaces and opening quotes or brackets, walked rather
    // than collected: this runs for every token.
    let mut marks = gap
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '(' | '['));
    let Some(first) = marks.next() else {
        return false;
    };
    let (last, only_one) = match marks.next_back() {
        Some(last) => (last, false),
        None => (first, true),
    };
    let ends_sentence = matches!(last, '.' | '!' | '?' | ':');
    // "U.S. officials", "St. Louis", "Mr. Jordan": the dot ends an initial or
    // an abbreviation, not a sentence.
    let after_initial = only_one
        && first == '.'
        && prev.is_some_and(|p| p.end - p.start == 1 || ABBREVIATIONS.contains(&p.folded.as_ref()));
    ends_sentence && !after_initial
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn keeps_inner_apostrophes_and_splits_hyphens() {
        assert_eq!(
            words("Clashes in Deir ez-Zor and Côte d'Ivoire's north."),
            vec!["Clashes", "in", "Deir", "ez", "Zor", "and", "Côte", "d'Ivoire", "north"]
        );
    }

    #[test]
    fn gaps_and_case() {
        let t = tokenize("U.S. troops left Tal Afar, Nineveh. BAGHDAD (Reuters)");
        assert_eq!(t[1].gap, Gap::Dot);
        assert!(!t[2].sentence_start, "an initial's dot ends no sentence");
        assert_eq!(t[4].gap, Gap::Space);
        assert_eq!(t[6].gap, Gap::Comma);
        assert!(t[7].sentence_start && t[7].all_caps);
        assert_eq!(t[8].gap, Gap::Break);
        assert_eq!(t[5].folded, "afar");
    }

    #[test]
    fn folds_to_agrees_with_fold_fast() {
        for (name, key) in [
            ("Tall 'Afar", "tall afar"),
            ("  Deir ez-Zor ", "deir ez zor"),
            ("Ma'arrat al-Nu'man", "maarrat al numan"),
            ("Côte d'Ivoire", "cote divoire"),
            ("Baghdad", "baghda"),
            ("Baghdad", "baghdad "),
            ("", ""),
        ] {
            assert_eq!(
                folds_to(name, key),
                fold_fast(name) == key,
                "{name:?} vs {key:?}"
            );
        }
        assert!(folds_to("Tall 'Afar", "tall afar"));
        assert!(!folds_to("Baghdad", "baghda"));
    }

    proptest::proptest! {
        // The fast paths must agree with the reference fold on any input,
        // punctuation and apostrophes included.
        #[test]
        fn fast_paths_agree_with_fold(s in "[ -~]{0,24}|[a-zA-Z' .,-]{0,24}", t in "[a-z ]{0,12}") {
            let folded = fold(&s);
            proptest::prop_assert_eq!(&fold_fast(&s), &folded);
            proptest::prop_assert!(folds_to(&s, &folded));
            proptest::prop_assert_eq!(folds_to(&s, &t), folded == t);
        }
    }

    #[test]
    fn fast_fold_matches_fold() {
        for s in [
            "Tall 'Afar",
            "Deir ez-Zor",
            "U.S.",
            "Côte d'Ivoire",
            "  A--b  ",
            "x`y",
            "",
        ] {
            assert_eq!(fold_fast(s), fold(s), "{s:?}");
        }
    }

    #[test]
    fn quote_then_capital_starts_sentence() {
        let t = tokenize("He left. \"Aleppo fell,\" he said.");
        assert!(t[2].sentence_start);
        assert!(!t[3].sentence_start);
    }
}
