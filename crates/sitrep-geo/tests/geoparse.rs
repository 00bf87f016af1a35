//! The geoparser's rules on sentences written for the purpose, against a
//! small in-memory gazetteer (so these tests do not depend on the real data).

use sitrep_geo::index::{MemoryEntry, MemoryIndex};
use sitrep_geo::Geoparser;
use sitrep_model::{Document, FeatureKind, GeoPrecision, PlaceMention, Relation};
use std::sync::Arc;

fn entry(
    name: &str,
    lat: f64,
    lon: f64,
    cc: &str,
    admin1: Option<&str>,
    feature: FeatureKind,
    pop: u64,
) -> MemoryEntry {
    MemoryEntry {
        name: name.into(),
        lat,
        lon,
        country_code: cc.into(),
        admin1: admin1.map(str::to_string),
        feature,
        population: pop,
    }
}

fn parser() -> Geoparser {
    use FeatureKind::*;
    let mut ix = MemoryIndex::new();
    ix.add(
        entry("Syria", 35.0, 38.0, "SY", None, Country, 17_000_000),
        &["Syrian Arab Republic"],
    );
    ix.add(
        entry("Iraq", 33.0, 44.0, "IQ", None, Country, 40_000_000),
        &[],
    );
    ix.add(
        entry("Turkey", 39.0, 35.0, "TR", None, Country, 82_000_000),
        &["Türkiye"],
    );
    ix.add(
        entry("Jordan", 31.0, 36.0, "JO", None, Country, 10_000_000),
        &[],
    );
    ix.add(
        entry("Georgia", 42.0, 43.5, "GE", None, Country, 3_700_000),
        &[],
    );
    ix.add(
        entry(
            "United States",
            39.76,
            -98.5,
            "US",
            None,
            Country,
            327_000_000,
        ),
        &["USA", "U.S."],
    );
    ix.add(
        entry(
            "Georgia",
            32.75,
            -83.5,
            "US",
            Some("Georgia"),
            Admin1,
            10_000_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Atlanta",
            33.75,
            -84.39,
            "US",
            Some("Georgia"),
            PopulatedPlace,
            460_000,
        ),
        &[],
    );
    ix.add(
        entry("Homs", 34.5, 38.0, "SY", Some("Homs"), Admin1, 1_800_000),
        &["Homs Governorate"],
    );
    ix.add(
        entry(
            "Homs",
            34.73,
            36.71,
            "SY",
            Some("Homs"),
            PopulatedPlace,
            775_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Tadmur",
            34.56,
            38.28,
            "SY",
            Some("Homs"),
            PopulatedPlace,
            51_000,
        ),
        &["Palmyra"],
    );
    // A namesake elsewhere, bigger, that context must beat.
    ix.add(
        entry(
            "Palmyra",
            40.03,
            -74.99,
            "US",
            Some("New Jersey"),
            PopulatedPlace,
            70_000,
        ),
        &["Tadmur"],
    );
    ix.add(
        entry(
            "Raqqa",
            35.95,
            39.01,
            "SY",
            Some("Raqqa"),
            PopulatedPlace,
            220_000,
        ),
        &["Ar Raqqah"],
    );
    ix.add(
        entry(
            "Baiji",
            34.93,
            43.49,
            "IQ",
            Some("Salah ad Din"),
            PopulatedPlace,
            200_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Tal Afar",
            36.38,
            42.45,
            "IQ",
            Some("Nineveh"),
            PopulatedPlace,
            200_000,
        ),
        &["Tall Afar"],
    );
    ix.add(
        entry(
            "Nineveh",
            36.2,
            42.7,
            "IQ",
            Some("Nineveh"),
            Admin1,
            3_700_000,
        ),
        &["Ninawa"],
    );
    ix.add(
        entry(
            "Washington",
            38.9,
            -77.04,
            "US",
            Some("District of Columbia"),
            PopulatedPlace,
            700_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Reading",
            51.46,
            -0.97,
            "GB",
            Some("England"),
            PopulatedPlace,
            230_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Police",
            53.55,
            14.57,
            "PL",
            Some("West Pomerania"),
            PopulatedPlace,
            33_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Stroud",
            51.75,
            -2.2,
            "GB",
            Some("England"),
            PopulatedPlace,
            32_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Ontario",
            50.0,
            -85.0,
            "CA",
            Some("Ontario"),
            Admin1,
            14_000_000,
        ),
        &[],
    );
    ix.add(
        entry("Canada", 60.0, -96.0, "CA", None, Country, 37_000_000),
        &[],
    );
    ix.add(
        entry(
            "Blakely",
            41.48,
            -75.59,
            "US",
            Some("Pennsylvania"),
            PopulatedPlace,
            6_500,
        ),
        &[],
    );
    ix.add(
        entry(
            "Blakely",
            31.38,
            -84.93,
            "US",
            Some("Georgia"),
            PopulatedPlace,
            5_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Tyler",
            32.35,
            -95.3,
            "US",
            Some("Texas"),
            PopulatedPlace,
            105_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Texas",
            31.25,
            -99.25,
            "US",
            Some("Texas"),
            Admin1,
            28_000_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Tahrir",
            15.4,
            44.2,
            "YE",
            Some("Sanaa"),
            PopulatedPlace,
            5_000,
        ),
        &[],
    );
    // A village recorded with no population, and a US town that GeoNames
    // also lists under a Nigerian village's name.
    ix.add(
        entry(
            "Kadagi Wuro",
            11.5,
            13.6,
            "NG",
            Some("Borno"),
            PopulatedPlace,
            0,
        ),
        &[],
    );
    ix.add(
        entry(
            "Cudahy",
            33.96,
            -118.19,
            "US",
            Some("California"),
            PopulatedPlace,
            24_000,
        ),
        &["Kadagi"],
    );
    ix.add(
        entry(
            "Bama",
            11.52,
            13.69,
            "NG",
            Some("Borno"),
            PopulatedPlace,
            118_000,
        ),
        &[],
    );
    ix.add(
        entry(
            "Borno",
            11.64,
            13.04,
            "NG",
            Some("Borno"),
            Admin1,
            5_800_000,
        ),
        &[],
    );
    // First-level areas: a US state that is also a Lagos district's name,
    // and provinces named by compass words.
    for (name, lat, lon, cc, pop) in [
        ("Maryland", 39.0, -76.97, "US", 5_800_000),
        ("Lagos", 6.5, 3.58, "NG", 9_000_000),
        ("South-West", 4.92, 9.34, "CM", 1_500_000),
        ("England", 52.44, -2.08, "GB", 55_000_000),
    ] {
        ix.add(entry(name, lat, lon, cc, Some(name), Admin1, pop), &[]);
    }
    ix.add(
        entry(
            "Cornwall",
            50.42,
            -4.83,
            "GB",
            Some("England"),
            Admin2,
            530_000,
        ),
        &[],
    );
    // Towns whose names also name suburbs and squares elsewhere.
    for (name, lat, lon, cc, admin1, pop) in [
        ("Auckland", -36.85, 174.76, "NZ", "Auckland", 1_600_000),
        ("Johannesburg", -26.20, 28.04, "ZA", "Gauteng", 4_400_000),
        ("Liverpool", 53.41, -2.98, "GB", "England", 490_000),
        // A borough, a part of it, and a village upstate named like
        // another of its parts.
        ("Brooklyn", 40.65, -73.95, "US", "New York", 2_500_000),
        ("Flatbush", 40.64, -73.96, "US", "New York", 100_000),
        ("Crown Heights", 41.64, -73.93, "US", "New York", 2_900),
        ("Austin", 30.27, -97.74, "US", "Texas", 960_000),
    ] {
        ix.add(
            entry(name, lat, lon, cc, Some(admin1), PopulatedPlace, pop),
            &[],
        );
    }
    ix.add_demonym("Turkish", "TR");
    ix.add_demonym("Syrian", "SY");
    ix.add_demonym("Iraqi", "IQ");
    Geoparser::with_index(Arc::new(ix))
}

fn parse(text: &str) -> Vec<PlaceMention> {
    parser().parse(&Document::new("t", text))
}

fn names(text: &str) -> Vec<String> {
    parse(text)
        .iter()
        .map(|m| text[m.span.start..m.span.end].to_string())
        .collect()
}

#[test]
fn finds_places_in_text_order_with_byte_spans() {
    let text = "Militants attacked Tal Afar in Iraq on Sunday.";
    let found = parse(text);
    assert_eq!(names(text), vec!["Tal Afar", "Iraq"]);
    assert_eq!(found[0].place.name, "Tal Afar");
    assert_eq!(found[0].precision, GeoPrecision::Town);
    assert_eq!(found[1].place.feature, FeatureKind::Country);
}

#[test]
fn context_picks_the_syrian_tadmur() {
    let found = parse("Government forces in Syria retook Tadmur after heavy fighting near Homs.");
    let tadmur = found
        .iter()
        .find(|m| m.place.name == "Tadmur")
        .expect("Tadmur found");
    assert_eq!(tadmur.place.country_code, "SY");
    assert_eq!(tadmur.place.admin1.as_deref(), Some("Homs"));
}

#[test]
fn georgia_in_a_us_story_is_the_state() {
    let found = parse("Storms hit Atlanta and much of Georgia, United States officials said.");
    let georgia = found
        .iter()
        .find(|m| m.place.name == "Georgia")
        .expect("Georgia found");
    assert_eq!(georgia.place.country_code, "US");
}

#[test]
fn people_named_like_places_are_not_places() {
    assert!(names("Michael Jordan scored 40 points. Jordan said he was tired.").is_empty());
    assert!(names("The ceremony was led by President Georgia Brown in the hall.").is_empty());
}

#[test]
fn organisations_containing_places_are_not_places() {
    assert!(names("The Washington Post reported the strike.").is_empty());
}

#[test]
fn nothing_abroad_lies_in_a_province_the_text_names() {
    // The US state is not "in Lagos"; with no Maryland in Nigeria known,
    // the name is left out rather than put in America.
    assert_eq!(
        names("Hawkers blocked the road at Maryland in Lagos on Monday."),
        vec!["Lagos"]
    );
    assert_eq!(
        names("Officials in Maryland said the flu had spread."),
        vec!["Maryland"]
    );
}

#[test]
fn compass_words_before_a_name_are_not_a_province() {
    // Cameroon's South-West province is not the south-west of England.
    assert_eq!(
        names("A dog died at a caravan park in Cornwall in South West England."),
        vec!["Cornwall", "England"]
    );
    assert_eq!(
        names("Separatists attacked a school in South-West on Monday."),
        vec!["South-West"]
    );
}

#[test]
fn a_suburb_or_square_named_after_a_town_abroad_is_not_that_town() {
    // "Auckland Park" is a Johannesburg suburb, not Auckland.
    assert_eq!(
        names("Journalists protested outside the broadcaster in Auckland Park, Johannesburg."),
        vec!["Johannesburg"]
    );
    // With nothing placing the story elsewhere, a big town's square is in
    // the town.
    assert_eq!(
        names("Crowds filled Liverpool Square on Sunday."),
        vec!["Liverpool"]
    );
    assert_eq!(
        names("Crowds filled the streets of Liverpool on Sunday."),
        vec!["Liverpool"]
    );
}

#[test]
fn common_words_that_are_towns_need_a_cue() {
    assert!(names("Reading the statement, Police said nobody was hurt.").is_empty());
    assert_eq!(
        names("The suspect was arrested in Reading on Monday."),
        vec!["Reading"]
    );
}

#[test]
fn turkey_the_country_at_sentence_start_is_kept() {
    assert_eq!(
        names("Turkey shelled positions near the border."),
        vec!["Turkey"]
    );
}

#[test]
fn distance_and_direction_give_precision_two() {
    let text = "A roadside bomb exploded 15 km south of Baiji on Tuesday.";
    let found = parse(text);
    assert_eq!(found.len(), 1);
    let m = &found[0];
    assert_eq!(m.relation, Relation::Distance { km: 15.0 });
    assert_eq!(m.precision, GeoPrecision::NearTown);
    let phrase = m.phrase.expect("phrase");
    assert_eq!(&text[phrase.start..phrase.end], "15 km south of Baiji");
}

#[test]
fn bare_direction_and_near() {
    let found = parse("Clashes erupted north-east of Raqqa and near Tal Afar.");
    assert_eq!(
        found[0].relation,
        Relation::Direction {
            direction: "north-east".into()
        }
    );
    assert_eq!(found[1].relation, Relation::Near);
    assert_eq!(found[1].precision, GeoPrecision::NearTown);
}

#[test]
fn miles_convert_to_kilometres() {
    let found = parse("The convoy was hit ten miles from Raqqa.");
    match &found[0].relation {
        Relation::Distance { km } => assert!((km - 16.09).abs() < 0.01),
        other => panic!("expected a distance, got {other:?}"),
    }
}

#[test]
fn turkish_border_is_a_border_relation_on_turkey() {
    let text = "The camp lies 40 km from the Turkish border.";
    let found = parse(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.name, "Turkey");
    assert_eq!(found[0].relation, Relation::Border);
    assert_eq!(found[0].precision, GeoPrecision::NearTown);
    let phrase = found[0].phrase.expect("phrase");
    assert_eq!(
        &text[phrase.start..phrase.end],
        "40 km from the Turkish border"
    );
}

#[test]
fn demonym_without_place_noun_is_a_modifier_of_its_country() {
    let text = "Turkish troops and Syrian officials met Iraqis on Monday.";
    let found = parse(text);
    // The people ("Iraqis") are no modifier of anything.
    assert_eq!(names(text), vec!["Turkish", "Syrian"]);
    assert_eq!(found[0].place.name, "Turkey");
    assert_eq!(found[1].place.name, "Syria");
    for m in &found {
        assert_eq!(m.relation, Relation::Modifier);
        assert_eq!(m.phrase, None);
        assert_eq!(m.precision, GeoPrecision::Region);
    }
    // A place noun after it still makes it the place.
    let found = parse("Shells fell on Syrian territory.");
    assert_eq!(found.len(), 1);
    assert_ne!(found[0].relation, Relation::Modifier);
}

#[test]
fn bare_province_is_its_centroid_with_precision_three() {
    let found = parse("Airstrikes were reported across Nineveh province.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.feature, FeatureKind::Admin1);
    assert_eq!(found[0].precision, GeoPrecision::Region);
}

#[test]
fn a_province_word_selects_the_admin_area_over_the_city() {
    let city = parse("Shelling hit Homs on Friday.");
    assert_eq!(city[0].place.feature, FeatureKind::PopulatedPlace);
    let area = parse("Shelling hit villages in Homs province on Friday.");
    assert_eq!(area[0].place.feature, FeatureKind::Admin1);
}

#[test]
fn near_the_border_after_a_town() {
    let found = parse("Fighting continued in Tal Afar near the border, officials said.");
    assert_eq!(found[0].relation, Relation::Border);
    assert_eq!(found[0].precision, GeoPrecision::NearTown);
}

#[test]
fn possessive_is_not_part_of_the_name() {
    assert_eq!(names("Iraq's army moved north."), vec!["Iraq"]);
}

#[test]
fn us_dollars_are_not_a_place() {
    assert!(names("The deal is worth US$40 million.").is_empty());
}

#[test]
fn a_comma_and_a_state_pick_the_town_in_it() {
    let found = parse("The plant in Blakely, Georgia was closed.");
    assert_eq!(found[0].place.admin1.as_deref(), Some("Georgia"));
    assert_eq!(found[0].place.country_code, "US");
}

#[test]
fn a_town_not_in_the_named_area_is_dropped() {
    let text = "He was arrested in Stroud, Ontario, Canada.";
    assert_eq!(names(text), vec!["Ontario", "Canada"]);
}

#[test]
fn a_modifier_after_a_comma_is_no_area_of_the_place_before_it() {
    // "Stroud, Ontario" puts Stroud in Canada; "Tal Afar, Turkish
    // officials said" does not put Tal Afar in Turkey.
    let text = "Fighting in Tal Afar, Turkish officials said, left Iraq in ruins.";
    assert_eq!(names(text), vec!["Tal Afar", "Turkish", "Iraq"]);
    assert_eq!(parse(text)[0].place.country_code, "IQ");
}

#[test]
fn lists_of_areas_do_not_contain_each_other() {
    assert_eq!(
        names("Cases rose in Texas, Ontario and Georgia."),
        vec!["Texas", "Ontario", "Georgia"]
    );
}

#[test]
fn a_place_of_origin_before_said_is_kept() {
    assert_eq!(
        names("Jimmy Philmont, 39, of Tyler said he was not worried."),
        vec!["Tyler"]
    );
}

#[test]
fn us_in_capitals_is_the_country() {
    let found = parse("The US sent aid to Iraq.");
    assert_eq!(found[0].place.country_code, "US");
    assert_eq!(found.len(), 2);
}

#[test]
fn a_relative_phrase_is_a_cue_for_a_district_named_town() {
    let found = parse("A car bomb exploded 15 km south of Baiji on Tuesday.");
    assert_eq!(found.len(), 1);
    assert!(found[0].confidence > 0.3, "{}", found[0].confidence);
}

#[test]
fn a_landmark_named_after_a_small_place_is_not_the_place() {
    assert!(names("Protesters gathered in Tahrir Square on Friday.").is_empty());
    assert_eq!(
        names("Protesters gathered in Tahrir on Friday."),
        vec!["Tahrir"]
    );
}

#[test]
fn a_list_shares_the_locative_cue_and_unknown_population_is_not_zero() {
    let text = "Clashes erupted in Bama and Kadagi Wuro on Monday.";
    assert_eq!(names(text), vec!["Bama", "Kadagi Wuro"]);
}

#[test]
fn a_foreign_town_known_by_an_alternate_name_does_not_intrude() {
    let text = "Gunmen attacked Kadagi village near Bama in Borno state.";
    assert_eq!(names(text), vec!["Bama", "Borno"]);
}

#[test]
fn a_persons_home_is_marked_as_such() {
    let relations = |text: &str| -> Vec<(String, Relation)> {
        parse(text)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.relation))
            .collect()
    };
    let home = |name: &str| (name.to_string(), Relation::Home);
    let at = |name: &str| (name.to_string(), Relation::At);
    // A name with titles and initials, and the address that goes on ("US"
    // only says whose serviceman he was).
    assert_eq!(
        relations(
            "A US serviceman, Master Sgt Johnathan J. Dunbar of Austin, Texas, died in the blast."
        ),
        vec![
            ("US".to_string(), Relation::Modifier),
            home("Austin"),
            home("Texas")
        ]
    );
    assert_eq!(
        relations("Sgt Dunbar of Austin was wounded in Raqqa."),
        vec![home("Austin"), at("Raqqa")]
    );
    assert_eq!(
        relations("The victim, John Smith from Austin, was shot in Tal Afar."),
        vec![home("Austin"), at("Tal Afar")]
    );
    // No name before "of": a body, an area, a place noun.
    assert_eq!(
        relations("The Governor of Texas visited the town of Baiji."),
        vec![at("Texas"), at("Baiji")]
    );
    assert_eq!(
        relations("Residents of Austin marched."),
        vec![at("Austin")]
    );
    // A title ends no name: the office, not its holder, is "of Texas".
    assert_eq!(
        relations("The Lt Governor of Texas visited Raqqa."),
        vec![at("Texas"), at("Raqqa")]
    );
}

#[test]
fn a_part_of_a_town_resolved_far_from_it_is_put_at_the_town() {
    let text = "He was killed in the Crown Heights neighborhood of Brooklyn.";
    let found = parse(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        &text[found[0].span.start..found[0].span.end],
        "Crown Heights"
    );
    assert_eq!(found[0].place.name, "Brooklyn");
    assert_eq!(found[0].precision, GeoPrecision::NearTown);
    // A part the gazetteer has, where the text puts it, stays itself.
    let found = parse("He was killed in the Flatbush neighborhood of Brooklyn.");
    assert_eq!(found[0].place.name, "Flatbush");
    assert_eq!(found[0].precision, GeoPrecision::Town);
    // Without the part-of phrase nothing moves it.
    let found = parse("He was killed in Crown Heights, near Brooklyn.");
    assert_eq!(found[0].place.name, "Crown Heights");
}

#[test]
fn a_name_with_an_age_beside_it_is_a_person() {
    assert_eq!(
        names("Stephon Austin, 22, was shot in Raqqa."),
        vec!["Raqqa"]
    );
    assert_eq!(
        names("Police said Stephon Austin, 22, was shot in Raqqa."),
        vec!["Raqqa"]
    );
    // A count goes on with its noun: the place stays.
    assert_eq!(names("In Austin, 36 people died."), vec!["Austin"]);
}
