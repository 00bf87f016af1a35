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
//! Arabic names of several words also write their inner article as the
//! speaker assimilates it or not: "Jisr ash-Shughur" and "Jisr al-Shughur",
//! "Busra ash Sham" and "Busra al-Sham", "Ras el Ain" and "Ras al-Ain".
//! [`spelling_variant`] writes every article after a name's first word as
//! "al" (and squeezes doubled consonants); the index holds each name of
//! several words under that form too.
//!
//! `build.rs` compiles this file too (`#[path]`), so the index and the lookup
//! spell variants alike.

use std::borrow::Cow;

/// Articles of Arabic names as English copy writes them, folded ("al",
/// "ash", "ez"...).
pub const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ul", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ed", "er", "es",
    "et", "ez", "en", "esh",
];

/// Whether a folded word is an Arabic article ("al", "as", "ash").
pub fn is_arabic_article(folded: &str) -> bool {
    ARABIC_ARTICLES.contains(&folded)
}

/// The name with a leading Arabic article removed ("al bab" → "bab"), if it
/// has one and what is left has at least three characters. Expects folded
/// text.
pub fn strip_arabic_article(folded: &str) -> Option<&str> {
    let (head, rest) = folded.split_once(' ')?;
    (is_arabic_article(head) && rest.chars().count() >= 3).then_some(rest)
}

/// The form a name of several words is also indexed and looked up under:
/// doubled consonants written once ([`squeeze_consonants`]) and every
/// article after the first word written "al" ([`canonical_inner_articles`]).
/// Borrowed when it is the name itself.
pub fn spelling_variant(folded: &str) -> Cow<'_, str> {
    match squeeze_consonants(folded) {
        Cow::Borrowed(name) => canonical_inner_articles(name),
        Cow::Owned(squeezed) => match canonical_inner_articles(&squeezed) {
            Cow::Owned(both) => Cow::Owned(both),
            Cow::Borrowed(_) => Cow::Owned(squeezed),
        },
    }
}

/// `folded` with every Arabic article after its first word written "al"
/// ("jisr ash shughur" → "jisr al shughur"); a leading article is left as
/// it is (the index strips those separately). Borrowed when nothing changes.
pub fn canonical_inner_articles(folded: &str) -> Cow<'_, str> {
    let inner = |w: &str| w != "al" && is_arabic_article(w);
    if !folded.split(' ').skip(1).any(inner) {
        return Cow::Borrowed(folded);
    }
    let mut out = String::with_capacity(folded.len());
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if i > 0 && inner(word) { "al" } else { word });
    }
    Cow::Owned(out)
}

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

/// True if two folded names differ only in doubled letters: "daraa" and
/// "dara", "maarrat" and "marat". A transliteration that doubles a vowel or
/// a consonant writes the same name; one that changes a vowel ("Jamison",
/// "Jemison") may write another.
pub fn same_but_doubled_letters(a: &str, b: &str) -> bool {
    fn squeezed(s: &str) -> impl Iterator<Item = u8> + '_ {
        let bytes = s.as_bytes();
        bytes
            .iter()
            .enumerate()
            .filter(move |&(i, &c)| i == 0 || bytes[i - 1] != c)
            .map(|(_, &c)| c)
    }
    squeezed(a).eq(squeezed(b))
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
    fn names_that_differ_only_in_doubled_letters_are_one() {
        assert!(same_but_doubled_letters("daraa", "dara"));
        assert!(same_but_doubled_letters("maarrat", "marat"));
        assert!(!same_but_doubled_letters("jamison", "jemison"));
        assert!(!same_but_doubled_letters("mod", "maud"));
        assert!(!same_but_doubled_letters("dara", "darab"));
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
    fn inner_articles_are_written_al() {
        assert_eq!(
            canonical_inner_articles("jisr ash shughur"),
            "jisr al shughur"
        );
        assert_eq!(canonical_inner_articles("ras el ain"), "ras al ain");
        assert_eq!(canonical_inner_articles("dayr az zawr"), "dayr al zawr");
        // A leading article stays; the index strips those on its own.
        assert_eq!(
            canonical_inner_articles("ash shaykh badr"),
            "ash shaykh badr"
        );
        assert!(matches!(
            canonical_inner_articles("ras al ain"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            canonical_inner_articles("new york"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_variant_squeezes_and_writes_articles_al() {
        assert_eq!(spelling_variant("maarrat an numan"), "maarat al numan");
        assert_eq!(spelling_variant("maarrat al numan"), "maarat al numan");
        assert_eq!(spelling_variant("tall afar"), "tal afar");
        assert_eq!(spelling_variant("busra ash sham"), "busra al sham");
        assert!(matches!(
            spelling_variant("busra al sham"),
            Cow::Borrowed(_)
        ));
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
