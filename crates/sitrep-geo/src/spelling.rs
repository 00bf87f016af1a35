//! Spelling variation the gazetteer tolerates beyond `fold`.
//!
//! Transliterations of Arabic (and other) names double consonants or not at
//! will: "Maarrat al-Numan" and "Maarat al-Numan", "Raqqa" and "Raqa",
//! "Tall Abyad" and "Tal Abyad". `build.rs` indexes each folded name of
//! several words that has a doubled consonant a second time under
//! [`squeeze_consonants`] of it, and a lookup of several words that finds
//! nothing under the text's own spelling tries the squeezed form. Single
//! words are left out: with a consonant more or less they are too often
//! people ("Colin" and Collin County). Vowels are left alone: "aa" and "a"
//! are different names more often.
//!
//! `build.rs` compiles this file too (`#[path]`), so the index and the lookup
//! squeeze alike.

use std::borrow::Cow;

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// True if `folded` has the same consonant twice in a row ("maarrat").
pub fn has_doubled_consonant(folded: &str) -> bool {
    folded
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == w[1] && is_consonant(w[0]))
}

/// `folded` with each run of one repeated consonant cut to one letter
/// ("maarrat al numan" → "maarat al numan"); borrowed when there is none.
pub fn squeeze_consonants(folded: &str) -> Cow<'_, str> {
    if !has_doubled_consonant(folded) {
        return Cow::Borrowed(folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut prev: Option<char> = None;
    for ch in folded.chars() {
        let doubled = prev == Some(ch) && u8::try_from(ch).is_ok_and(is_consonant);
        if !doubled {
            out.push(ch);
        }
        prev = Some(ch);
    }
    Cow::Owned(out)
}

/// The first byte of every skeleton key: no folded name starts with it, so
/// skeletons share the name index without meeting a real name.
pub const SKELETON_MARK: char = '\u{1}';

/// Fewest consonants a skeleton may have: shorter ones ("nsb", "tbk") name
/// too many places to mean one.
const SKELETON_MIN_LETTERS: usize = 4;

/// A transliteration-blind key for a folded name: each word keeps its first
/// letter and its consonants (vowels and "y" dropped, "q" read as "k",
/// doubled letters once), after [`SKELETON_MARK`]. English copy writes the
/// vowels of Arabic and Kurdish names as it hears them: "Menbej" and
/// "Manbij", "Jendires" and "Jindayris", "Sheikh Meskin" and "Shaykh
/// Miskin" have one skeleton. `None` for names outside a-z and for
/// skeletons under four letters.
pub fn skeleton(folded: &str) -> Option<String> {
    let mut out = String::with_capacity(folded.len() + 1);
    out.push(SKELETON_MARK);
    let mut letters = 0;
    for (w, word) in folded.split(' ').enumerate() {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if w > 0 {
            out.push(' ');
        }
        let mut prev = None;
        for (i, b) in word.bytes().enumerate() {
            let b = if b == b'q' { b'k' } else { b };
            let vowel = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
            if (i > 0 && vowel) || prev == Some(b) {
                continue;
            }
            out.push(char::from(b));
            prev = Some(b);
            letters += 1;
        }
    }
    (letters >= SKELETON_MIN_LETTERS).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        for (a, b) in [
            ("menbej", "manbij"),
            ("jendires", "jindayris"),
            ("sheikh meskin", "shaykh miskin"),
            ("khanasser", "khanasir"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
            assert!(skeleton(a).is_some(), "{a}");
        }
        assert_ne!(skeleton("manbij"), skeleton("mombasa"));
    }

    #[test]
    fn short_or_foreign_skeletons_are_none() {
        assert_eq!(skeleton("naseeb"), None);
        assert_eq!(skeleton("tabaqa"), None);
        assert_eq!(skeleton("şam"), None);
        assert_eq!(skeleton(""), None);
    }

    #[test]
    fn doubled_consonants_are_cut_to_one() {
        assert_eq!(squeeze_consonants("maarrat al numan"), "maarat al numan");
        assert_eq!(squeeze_consonants("raqqa"), "raqa");
        assert_eq!(squeeze_consonants("tall afar"), "tal afar");
        assert_eq!(squeeze_consonants("mississippi"), "misisipi");
    }

    #[test]
    fn vowels_and_single_consonants_stay() {
        assert_eq!(squeeze_consonants("maarat al numan"), "maarat al numan");
        assert!(matches!(squeeze_consonants("baalbek"), Cow::Borrowed(_)));
        assert!(!has_doubled_consonant("deir ez zor"));
    }

    #[test]
    fn a_doubled_letter_across_a_space_is_kept() {
        // "al lat" keeps both l's only if a space separates them.
        assert_eq!(squeeze_consonants("al lat"), "al lat");
    }

    #[test]
    fn non_ascii_letters_pass_through() {
        assert_eq!(squeeze_consonants("şşt"), "şşt");
        assert_eq!(squeeze_consonants("ǧǧa"), "ǧǧa");
    }

    proptest::proptest! {
        #[test]
        fn a_skeleton_has_no_inner_vowels(s in "[a-z]{1,10}( [a-z]{1,10}){0,2}") {
            if let Some(k) = skeleton(&s) {
                proptest::prop_assert!(k.starts_with(SKELETON_MARK));
                for word in k[1..].split(' ') {
                    proptest::prop_assert!(!word[1..].bytes().any(|b| b"aeiouyq".contains(&b)));
                }
            }
        }

        #[test]
        fn squeezing_is_idempotent(s in "[a-z ]{0,24}") {
            let once = squeeze_consonants(&s).into_owned();
            proptest::prop_assert_eq!(squeeze_consonants(&once).into_owned(), once.clone());
            proptest::prop_assert!(!has_doubled_consonant(&once));
        }
    }
}
