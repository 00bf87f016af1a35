//! The geoparser with the real embedded gazetteer, on sentences written for
//! the purpose: spellings, admin areas, and a namesake trap.

use sitrep_geo::Geoparser;
use sitrep_model::{Document, GeoPrecision};

fn places(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::new("t", text);
    Geoparser::new()
        .parse(&doc)
        .into_iter()
        .map(|m| (doc.slice(m.span).to_string(), m.place.name, m.place.country))
        .collect()
}

#[test]
fn transliterations_resolve_to_the_same_town() {
    for spelling in ["Tal Afar", "Tall 'Afar", "Talafar"] {
        let found = places(&format!(
            "Iraqi troops entered {spelling} in Nineveh province on Monday."
        ));
        assert!(
            found.iter().any(
                |(t, _, c)| t.contains(spelling.split(' ').next().unwrap_or("")) && c == "Iraq"
            ),
            "{spelling}: {found:?}"
        );
    }
    for spelling in ["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour"] {
        let found = places(&format!("Air strikes hit {spelling} in eastern Syria."));
        assert!(
            found.iter().any(|(_, _, c)| c == "Syria"),
            "{spelling}: {found:?}"
        );
    }
}

#[test]
fn an_unknown_village_is_not_a_foreign_namesake_known_by_an_alternate_name() {
    // "Kadagi" is listed in GeoNames as an alternate name of Cudahy,
    // California; in a Nigerian story it is a village the gazetteer lacks.
    let found = places(
        "Gunmen shot dead eight villagers in Kadagi village near Bama in Borno state on Tuesday.",
    );
    assert!(found.iter().all(|(_, _, c)| c == "Nigeria"), "{found:?}");
    assert!(found.iter().any(|(t, _, _)| t == "Bama"), "{found:?}");
}

#[test]
fn near_a_town_is_precision_two_and_a_bare_province_precision_three() {
    let doc = Document::new(
        "t",
        "Clashes broke out near Baiji. Separately, fighting was reported in Anbar province.",
    );
    let found = Geoparser::new().parse(&doc);
    let baiji = found
        .iter()
        .find(|m| doc.slice(m.span) == "Baiji")
        .expect("Baiji");
    assert_eq!(baiji.precision, GeoPrecision::NearTown);
    let anbar = found
        .iter()
        .find(|m| doc.slice(m.span) == "Anbar")
        .expect("Anbar");
    assert_eq!(anbar.precision, GeoPrecision::Region);
    assert_eq!(anbar.place.country, "Iraq");
}
