//! Sentence and clause splitting: one forward pass over the bytes, no regex.
//!
//! A sentence ends at ".", "!", "?" or "…" (with any closing quotes and
//! brackets after it) when whitespace follows and then an upper-case letter,
//! a digit, an opening quote or bracket, or a line break. A blank line always
//! ends a sentence; a single line break does too unless the next line starts
//! in lower case (hard-wrapped text). A full stop does **not** end a sentence:
//!
//! - inside a number ("3.5") or an ellipsis followed by lower case;
//! - after a title or other abbreviation that is followed by a name or a
//!   number ("Dr.", "Gen.", "Lt.", "Sen.", "St.", "No.", "Jan.", "Sept.",
//!   "vs.", "e.g.", ... see [`ABBREVIATIONS`]);
//! - after a single-letter initial ("J. R. Smith");
//! - after an abbreviation that can also end a sentence ("U.S.", "U.N.",
//!   "a.m.", "Inc.", "Ltd.": [`FINAL_ABBREVIATIONS`]) unless the next word
//!   is a common sentence opener ("The", "He", "Police", ...): "at 10 a.m.
//!   Monday" stays whole, "fled to the U.S. The next day" splits.
use sitrep_model::Span;

/// Abbreviations that never end a sentence (compared case-sensitively,
/// without the final full stop).
pub const ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Messrs", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Capt",
    "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev",
    "Hon", "Pres", "Amb", "Insp", "Supt", "St", "Mt", "Ft", "No", "Nos", "Art", "Vol", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "v", "e.g",
    "i.e", "cf", "approx", "est", "ca", "c", "Fig", "al", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "ext", "Ext", "tel", "Tel", "Engr", "Barr", "Alh",
    "Dept", "Univ",
];

/// Abbreviations that may end a sentence: they split only before a common
/// sentence opener.
pub const FINAL_ABBREVIATIONS: &[&str] = &[
    "U.S", "U.N", "U.K", "E.U", "U.A.E", "a.m", "p.m", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr",
    "Bros", "etc", "A.M", "P.M", "Ave", "Blvd", "Rd",
];

/// Words that start sentences far more often than they follow an
/// abbreviation inside one.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Police",
    "Officials",
    "Witnesses",
    "Residents",
    "No",
    "Some",
    "Many",
    "Two",
    "Three",
    "Meanwhile",
    "Earlier",
    "Later",
    "After",
    "When",
    "While",
    "According",
];

/// Sentence spans (byte offsets) covering `text`, whitespace trimmed, in
/// order and never empty.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let cut = match b {
            b'.' | b'!' | b'?' => terminal_end(text, i, i + 1),
            // "…" is E2 80 A6.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => {
                terminal_end(text, i, i + 3)
            }
            b'\n' => newline_cut(bytes, i),
            _ => None,
        };
        // A piece with no letter or digit ("(", "--") joins the next sentence.
        let cut = cut.filter(|&end| {
            text.get(start..end)
                .is_some_and(|p| p.chars().any(char::is_alphanumeric))
        });
        match cut {
            Some(end) => {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// Where the sentence ends if the terminal mark at `mark` (whose bytes end
/// at `after`) ends it.
fn terminal_end(text: &str, mark: usize, after: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = skip_closers(text, after);
    // Whitespace must follow (or the text ends).
    let mut j = end;
    let mut newline = false;
    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
        newline |= bytes[j] == b'\n';
        j += 1;
    }
    if j == bytes.len() {
        return Some(end);
    }
    if j == end {
        return None;
    }
    if !newline && !opens_sentence(text, j) {
        return None;
    }
    if bytes[mark] == b'.' && !newline {
        if let Some(kind) = abbreviation_before(text, mark) {
            match kind {
                Abbrev::Never => return None,
                Abbrev::MayEnd if !is_opener(text, j) => return None,
                Abbrev::MayEnd => {}
            }
        }
    }
    Some(end)
}

/// Past further terminal marks and closing quotes/brackets: `?!`, `."`, `.)`.
fn skip_closers(text: &str, mut j: usize) -> usize {
    while let Some(c) = text.get(j..).and_then(|s| s.chars().next()) {
        if matches!(
            c,
            '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '…'
        ) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Upper-case letter, digit, or an opening quote or bracket.
fn opens_sentence(text: &str, j: usize) -> bool {
    match text.get(j..).and_then(|s| s.chars().next()) {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '-' | '—' | '•'
                )
        }
        None => false,
    }
}

enum Abbrev {
    Never,
    MayEnd,
}

/// The abbreviation (or initial) that the full stop at `dot` closes, if any.
fn abbreviation_before(text: &str, dot: usize) -> Option<Abbrev> {
    let bytes = text.as_bytes();
    let mut s = dot;
    while s > 0 && (bytes[s - 1].is_ascii_alphabetic() || bytes[s - 1] == b'.') {
        s -= 1;
    }
    // A word glued to something else ("3.5", "U.S.-led") is not one.
    let word = text.get(s..dot)?;
    if word.is_empty() || (s > 0 && bytes[s - 1].is_ascii_digit()) {
        return None;
    }
    let word = word.trim_start_matches('.');
    if word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(Abbrev::Never); // an initial: "J. R. Smith"
    }
    if ABBREVIATIONS.contains(&word) {
        return Some(Abbrev::Never);
    }
    if FINAL_ABBREVIATIONS.contains(&word) {
        return Some(Abbrev::MayEnd);
    }
    // Other dotted acronyms ("D.C.", "S.A.") behave like "U.S.".
    if word.contains('.') && word.split('.').all(|p| p.len() == 1) {
        return Some(Abbrev::MayEnd);
    }
    None
}

fn is_opener(text: &str, j: usize) -> bool {
    let rest = text.get(j..).unwrap_or("");
    let word_end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    OPENERS.contains(&&rest[..word_end])
}

/// A line break ends a sentence at a blank line, or when the next line does
/// not start in lower case. Returns the cut position (the line break).
fn newline_cut(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() && bytes[j] != b'\n' && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    match bytes.get(j) {
        None => Some(i),
        Some(b'\n') => Some(i),
        Some(b) if b.is_ascii_lowercase() => None,
        Some(_) => Some(i),
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// Clause spans inside `sentence` (a byte span of `text`), for coding one
/// event per clause. Splits at ";", at ", while" / ", whereas" / ", but" /
/// ", as" / ", after which", and at ", and" when at least four words follow
/// before the next comma (so the list "Gao, Kidal, and Timbuktu" stays
/// whole). The connective starts the next clause; spans are trimmed.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let (start, end) = crate::tokens::clamp_span(text, sentence.start, sentence.end);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut clause_start = start;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b';' => {
                push_trimmed(text, clause_start, i, &mut out);
                clause_start = i + 1;
            }
            b',' if clause_break_after_comma(text, i + 1, end) => {
                push_trimmed(text, clause_start, i, &mut out);
                clause_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(text, clause_start, end, &mut out);
    out
}

fn clause_break_after_comma(text: &str, from: usize, end: usize) -> bool {
    let rest = text.get(from..end).unwrap_or("").trim_start();
    let mut words = rest.split_whitespace();
    match words.next() {
        Some("while" | "whereas" | "but" | "as") => true,
        Some("after") => words.next() == Some("which"),
        Some("and") => {
            let until_comma = rest.split(',').next().unwrap_or("");
            until_comma.split_whitespace().count() > 4
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminal_marks() {
        assert_eq!(
            split("Gunmen attacked Beni. Six died! Who did it? Police did not say."),
            vec![
                "Gunmen attacked Beni.",
                "Six died!",
                "Who did it?",
                "Police did not say."
            ]
        );
        assert_eq!(
            split("\"We fled,\" she said. \"They burned everything.\" 12 homes burned."),
            vec![
                "\"We fled,\" she said.",
                "\"They burned everything.\"",
                "12 homes burned."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_decimals_and_initials() {
        assert_eq!(
            split("Gen. Khalifa Haftar met Dr. Ali in St. Louis. A 3.5 magnitude quake hit."),
            vec![
                "Gen. Khalifa Haftar met Dr. Ali in St. Louis.",
                "A 3.5 magnitude quake hit."
            ]
        );
        assert_eq!(
            split("J. R. Smith and Lt. Col. Ahmed met on Oct. 21 in Gao.").len(),
            1
        );
        assert_eq!(split("It was Sept. 11. Nobody came.").len(), 2);
        assert_eq!(
            split("U.S. and U.N. officials met at 10 a.m. Monday in Juba.").len(),
            1
        );
        assert_eq!(
            split("She fled to the U.S. The next day police came.").len(),
            2
        );
        assert_eq!(
            split("Troops used e.g. mortars, i.e. heavy weapons.").len(),
            1
        );
    }

    #[test]
    fn ellipses_and_lower_case() {
        assert_eq!(split("He said... and then left.").len(), 1);
        assert_eq!(split("He waited… Then the shelling began.").len(), 2);
        assert_eq!(split("www.example.com reported it. see above.").len(), 1);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split("Headline about Goma\n\nRebels seized the town\nresidents said.\nA second line."),
            vec![
                "Headline about Goma",
                "Rebels seized the town\nresidents said.",
                "A second line."
            ]
        );
        assert!(split("  \n\n ").is_empty());
        assert_eq!(split("(\nBy Staff Gunmen struck.").len(), 1);
        assert_eq!(split("Call 905-453-2121, ext. 1133. Police said.").len(), 2);
    }

    #[test]
    fn clauses_split_at_connectives() {
        let text = "Gunmen killed five in Gao, while troops arrested two in Kidal; \
                    police fired on crowds in Gao, Kidal, and Timbuktu, and soldiers shelled three villages near Mopti.";
        let got: Vec<&str> = clauses(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            vec![
                "Gunmen killed five in Gao",
                "while troops arrested two in Kidal",
                "police fired on crowds in Gao, Kidal, and Timbuktu",
                "and soldiers shelled three villages near Mopti."
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn spans_are_ordered_trimmed_and_valid(s in "\\PC{0,120}") {
            let spans = split_sentences(&s);
            let mut last = 0;
            for sp in &spans {
                proptest::prop_assert!(sp.start >= last && sp.start < sp.end && sp.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                let piece = &s[sp.start..sp.end];
                proptest::prop_assert_eq!(piece, piece.trim());
                last = sp.end;
                for c in clauses(&s, *sp) {
                    proptest::prop_assert!(sp.contains(c) && s.is_char_boundary(c.start) && s.is_char_boundary(c.end));
                }
            }
        }

        #[test]
        fn sentence_soup(s in "([A-Z][a-z]{0,4}|[a-z]{1,5}|[.!?…;,\"” \n]|U\\.S\\.|Dr\\.|3\\.5){0,40}") {
            let _ = split_sentences(&s);
        }
    }
}
