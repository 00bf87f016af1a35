//! Folding for dictionary matching.
use unicode_normalization::UnicodeNormalization;

/// Lower-cases, strips accents and apostrophes/quotes, maps hyphens to spaces
/// and collapses whitespace: "Tall 'Afar" → "tall afar", "Deir ez-Zor" → "deir ez zor".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | 'ʿ' | 'ʾ') {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;
    #[test]
    fn folds_spellings_together() {
        assert_eq!(fold("Tall 'Afar"), "tall afar");
        assert_eq!(fold("Deir ez-Zor"), "deir ez zor");
        assert_eq!(fold("  Zürich "), "zurich");
    }
}
