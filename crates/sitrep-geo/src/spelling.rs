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

#[cfg(test)]
mod tests {
    use super::*;

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
        fn squeezing_is_idempotent(s in "[a-z ]{0,24}") {
            let once = squeeze_consonants(&s).into_owned();
            proptest::prop_assert_eq!(squeeze_consonants(&once).into_owned(), once.clone());
            proptest::prop_assert!(!has_doubled_consonant(&once));
        }
    }
}
