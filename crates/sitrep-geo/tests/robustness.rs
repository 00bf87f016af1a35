//! Whatever the text, the geoparser returns well-formed mentions: spans on
//! character boundaries, in text order, not overlapping, phrases covering
//! their toponyms.

use proptest::prelude::*;
use sitrep_geo::index::{MemoryEntry, MemoryIndex};
use sitrep_geo::Geoparser;
use sitrep_model::{Document, FeatureKind};
use std::sync::Arc;

fn parser() -> Geoparser {
    let mut ix = MemoryIndex::new();
    let places = [
        ("Syria", "SY", FeatureKind::Country, 17_000_000),
        ("Aleppo", "SY", FeatureKind::PopulatedPlace, 1_600_000),
        ("Deir ez-Zor", "SY", FeatureKind::PopulatedPlace, 240_000),
        ("Côte d'Ivoire", "CI", FeatureKind::Country, 26_000_000),
        ("Tal Afar", "IQ", FeatureKind::PopulatedPlace, 200_000),
    ];
    for (name, cc, feature, population) in places {
        ix.add(
            MemoryEntry {
                name: name.into(),
                lat: 35.0,
                lon: 38.0,
                country_code: cc.into(),
                admin1: None,
                feature,
                population,
            },
            &[],
        );
    }
    ix.add_demonym("Syrian", "SY");
    Geoparser::with_index(Arc::new(ix))
}

/// Text made of place names, cue words, punctuation and odd characters.
fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Aleppo",
        "Syria",
        "Deir ez-Zor",
        "Côte d'Ivoire",
        "Tal Afar",
        "Syrian",
        "border",
        "near",
        "15 km",
        "south of",
        "in",
        "the",
        "said",
        ".",
        ",",
        "-",
        "'s",
        "’",
        "\n",
        "é",
        "日本",
        "US$",
        "Mr.",
        "U.S.",
        " ",
        "  ",
        "AL",
        "x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn mentions_are_well_formed(text in text_strategy()) {
        let doc = Document::new("p", text.clone());
        let mentions = parser().parse(&doc);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last_end, "overlap or disorder in {:?}", text);
            last_end = m.span.end;
            if let Some(p) = m.phrase {
                prop_assert!(p.contains(m.span), "phrase {:?} misses toponym {:?}", p, m.span);
                prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            }
            prop_assert!((0.0..=1.0).contains(&m.confidence));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let doc = Document::new("p", text);
        let _ = parser().parse(&doc);
    }
}
