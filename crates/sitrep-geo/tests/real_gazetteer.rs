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

/// The resolved place for the first mention whose text is `mention`.
fn place_of(text: &str, mention: &str) -> Option<sitrep_model::Place> {
    let doc = Document::new("t", text);
    Geoparser::new()
        .parse(&doc)
        .into_iter()
        .find(|m| doc.slice(m.span) == mention)
        .map(|m| m.place)
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn doubled_consonants_do_not_block_a_match() {
    // GeoNames spells the town "Maarrat an Numan" / "Ma'arrat al-Nu'man";
    // wire copy often writes one r. No hand-written alias covers it.
    for spelling in ["Maarat al-Numan", "Maarrat al-Numan", "Ma'arrat al-Nu'man"] {
        let text = format!("Russian jets struck a market in {spelling} in Idlib province.");
        let place = place_of(&text, spelling);
        assert_eq!(
            place.as_ref().and_then(|p| p.geonameid),
            Some(167_611),
            "{spelling}: {place:?}"
        );
    }
    // Single consonants in the text find a doubled name too: GeoNames has
    // "Tall Tamr" and "Tell Tamer", wire copy "Tal Tamr".
    let place = place_of(
        "Fighting was reported in Tal Tamr in Hasakah province.",
        "Tal Tamr",
    );
    assert_eq!(place.map(|p| p.country), Some("Syria".to_string()));
}

#[test]
fn a_single_word_is_not_matched_with_a_consonant_more() {
    // "Colin" is a given name; Collin County, Texas must not claim it.
    let found = places("Colin said the talks would resume on Monday.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_state_named_like_its_big_city_is_the_city_in_plain_copy() {
    // GeoNames names the city "New York City" and lists "New York" as an
    // alternate; the state is "New York".
    let place = place_of("He grew up in New York and speaks Mandarin.", "New York");
    let place = place.expect("New York");
    assert!(km(place.lat, place.lon, 40.71, -74.01) < 30.0, "{place:?}");
    // Named as a state, it stays the state.
    let place = place_of("Flooding hit upstate New York state on Monday.", "New York");
    assert!(place.is_some());
}

#[test]
fn large_countries_and_states_sit_near_their_geographic_centres() {
    // Published geographic centres: the contiguous United States near
    // Lebanon, Kansas (39.83, -98.58); Texas near Brady (31.08, -99.33).
    let cases = [
        (
            "Officials in the United States said so.",
            "United States",
            39.83,
            -98.58,
        ),
        ("Officials in Texas said so.", "Texas", 31.08, -99.33),
    ];
    for (text, mention, lat, lon) in cases {
        let place = place_of(text, mention).expect(mention);
        let off = km(place.lat, place.lon, lat, lon);
        assert!(off < 161.0, "{mention}: {off:.0} km off, {place:?}");
    }
    // Ontario's towns crowd its southern edge (their mean is near 44.5 N);
    // the province's middle is well north of that.
    let ontario = place_of("Officials in Ontario said so.", "Ontario").expect("Ontario");
    assert!(ontario.lat > 47.0, "{ontario:?}");
}

#[test]
fn kenyas_former_provinces_are_kenyan_regions() {
    // Abolished in 2013 and still in the news; "Nyanza" alone is also a
    // Rwandan district, and "Rift Valley" alone the valley (and a fever).
    let text = "Officials reported 45 people dead in Nyanza Province, 12 in North Eastern Province and seven in Rift Valley Province.";
    for name in [
        "Nyanza Province",
        "North Eastern Province",
        "Rift Valley Province",
    ] {
        let place = place_of(text, name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(place.country, "Kenya", "{name}: {place:?}");
    }
}

#[test]
fn a_listed_region_beats_a_namesake_neighbourhood() {
    // GeoNames lists a Baltimore neighbourhood called "Middle East".
    let place = place_of(
        "Oil prices rose on fears of a wider war in the Middle East on Monday.",
        "Middle East",
    )
    .expect("Middle East");
    assert_eq!(
        place.feature,
        sitrep_model::FeatureKind::Region,
        "{place:?}"
    );
}

#[test]
fn arabic_articles_and_new_begin_ordinary_place_names() {
    for (text, mention, country) in [
        (
            "Gunmen killed a man in El Fasher on Monday.",
            "El Fasher",
            "Sudan",
        ),
        (
            "A bomb exploded near a police station in Al Arish.",
            "Al Arish",
            "Egypt",
        ),
        (
            "Fighters ambushed a bus in El Wak on Tuesday.",
            "El Wak",
            "Kenya",
        ),
    ] {
        let place = place_of(text, mention);
        assert_eq!(
            place.as_ref().map(|p| p.country.as_str()),
            Some(country),
            "{mention}: {place:?}"
        );
    }
    // An English function word still needs a famous name after it.
    let found = places("The Mission said the talks would resume.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_nigerian_local_government_area_is_not_a_person_named_local() {
    let place = place_of(
        "Gunmen on Tuesday attacked Gurguzu village of Igabi Local Government Area of Kaduna State, leaving four dead.",
        "Igabi",
    );
    assert_eq!(place.map(|p| p.country), Some("Nigeria".to_string()));
}

#[test]
fn a_state_named_like_a_far_city_is_the_state_when_its_towns_are_named() {
    let text = "Wildfires forced evacuations near Spokane and Yakima on Monday, \
                and the governor of Washington declared an emergency.";
    let place = place_of(text, "Washington").expect("Washington");
    assert_eq!(
        place.feature,
        sitrep_model::FeatureKind::Admin1,
        "{place:?}"
    );
    // With no such context the capital is meant.
    let place = place_of(
        "Officials in Washington said the sanctions would stay.",
        "Washington",
    )
    .expect("Washington");
    assert!(km(place.lat, place.lon, 38.9, -77.04) < 30.0, "{place:?}");
}

#[test]
fn a_level_word_inside_the_matched_name_is_an_admin_cue() {
    // "Kole District" is listed whole; no locative word precedes it.
    let place = place_of(
        "Residents of Kole District, led by local party leaders, marched in the town to protest the sacking of their minister.",
        "Kole District",
    );
    assert_eq!(place.map(|p| p.country), Some("Uganda".to_string()));
}

#[test]
fn a_village_name_inside_a_group_name_does_not_set_the_story_country() {
    // "Haram" is also a village abroad; a bare, uncued word like that must
    // not make the story foreign to the town it names with "in".
    for text in [
        "Boko Haram fighters attacked a base in Monguno on Saturday.",
        "Boko Haram killed nine soldiers in an attack on a base in Dikwa.",
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|(_, _, c)| c == "Nigeria"),
            "{text}: {found:?}"
        );
        assert!(!found.iter().any(|(t, _, _)| t == "Haram"), "{found:?}");
    }
}

#[test]
fn taking_control_of_a_village_names_it_as_a_place() {
    // A small town named alone needs a cue; "took control of", "the fall
    // of" and "the siege of" are one, a bare "of" is not.
    for lead in [
        "Al Shabaab took control of",
        "Residents described the fall of",
        "Aid workers warned about the siege of",
    ] {
        let found = places(&format!("{lead} Ceel Dheer on Sunday."));
        assert!(
            found
                .iter()
                .any(|(t, _, c)| t == "Ceel Dheer" && c == "Somalia"),
            "{lead}: {found:?}"
        );
    }
    let uncued = places("Al Shabaab fighters met the elders of Ceel Dheer on Sunday.");
    assert!(
        uncued.iter().all(|(t, _, _)| t != "Ceel Dheer"),
        "{uncued:?}"
    );
}

#[test]
fn a_given_name_before_another_name_is_a_person_even_when_both_are_villages() {
    for text in [
        "Opposition leader Nelson Chamisa addressed supporters in Harare on Saturday.",
        "Teachers marched to the offices of the Nelson Mandela Bay municipality.",
        "He took over from Bruce Forsyth as the presenter of the show.",
    ] {
        let found = places(text);
        assert!(
            found
                .iter()
                .all(|(t, _, _)| !["Nelson", "Bruce"].contains(&t.as_str())),
            "{text}: {found:?}"
        );
    }
    // A well-known place keeps its name before another capitalised word.
    let found = places("Troops were sent from Houston Texas to the border.");
    assert!(
        found.iter().any(|(t, _, _)| t.starts_with("Houston")),
        "{found:?}"
    );
}

#[test]
fn two_word_demonyms_set_the_story_country() {
    // "South African" places the story, so "Auckland Park" is not the New
    // Zealand city (it is a Johannesburg suburb the gazetteer lacks).
    let found = places(
        "Journalists gathered outside the South African broadcaster in Auckland Park to protest.",
    );
    assert!(
        found.iter().all(|(_, name, _)| name != "Auckland"),
        "{found:?}"
    );
    // And, before a place noun, the demonym names the country.
    let found = places("Shelling hit the South African border town of Musina.");
    assert!(
        found
            .iter()
            .any(|(t, _, c)| t == "South African" && c == "South Africa"),
        "{found:?}"
    );
    // A big city abroad keeps its landmark when nothing places the story.
    let found = places("Crowds gathered in Auckland Park on Sunday.");
    assert!(
        found.iter().any(|(_, name, _)| name == "Auckland"),
        "{found:?}"
    );
}

#[test]
fn a_country_the_story_is_known_to_concern_ranks_its_readings() {
    // Bor is a town in Serbia and in South Sudan; a story the rest of the
    // analysis knows is South Sudan's (the groups it names) puts it there.
    let doc = Document::new("t", "Fighters clashed in Bor on Monday.");
    let found = Geoparser::new().parse_in(&doc, &["SS"]);
    assert!(
        found
            .iter()
            .any(|m| doc.slice(m.span) == "Bor" && m.place.country == "South Sudan"),
        "{found:?}"
    );
}

#[test]
fn an_operations_code_name_is_no_place() {
    for text in [
        "American officials in Washington said Turkey launched Operation Olive Branch.",
        // With American context, "Olive Branch" used to be the town in
        // Mississippi.
        "American officials in Washington said the “Olive Branch” Operation completes its first week.",
    ] {
        let found = places(text);
        assert!(
            !found.iter().any(|(t, _, _)| t.contains("Olive")),
            "{text}: {found:?}"
        );
    }
    // Unquoted, "the Mosul operation" is about Mosul.
    let found = places("Iraqi forces said the Mosul operation would take weeks.");
    assert!(found.iter().any(|(t, _, _)| t == "Mosul"), "{found:?}");
}

/// Asserts that `text` names a place written `mention` that resolves to the
/// entry called `name`.
fn assert_named(text: &str, mention: &str, name: &str) {
    let found = places(text);
    assert!(
        found.iter().any(|(t, n, _)| t == mention && n == name),
        "{text}: {found:?}"
    );
}

/// Asserts that no place in `text` is written `mention`.
fn assert_no_place(text: &str, mention: &str) {
    let found = places(text);
    assert!(
        found.iter().all(|(t, _, _)| t != mention),
        "{text}: {found:?}"
    );
}

/// Asserts that `text` names a place written `mention` in `country`.
fn assert_in(text: &str, mention: &str, country: &str) {
    let found = places(text);
    assert!(
        found.iter().any(|(t, _, c)| t == mention && c == country),
        "{text}: {found:?}"
    );
}

#[test]
fn a_comma_list_of_cities_is_not_a_town_and_its_province() {
    // Dar es Salaam, Alexandria and Dire Dawa are each a city and the
    // province named after it; the city listed before them is not a
    // namesake inside that province (nor left out for want of one).
    for (text, first, country) in [
        (
            "Protests were held in Nairobi, Dar es Salaam and Kampala.",
            "Nairobi",
            "Kenya",
        ),
        (
            "Students staged protests in Assiut, Alexandria, and Suez.",
            "Assiut",
            "Egypt",
        ),
        (
            "People closed the roads in Harar, Dire Dawa on Monday.",
            "Harar",
            "Ethiopia",
        ),
    ] {
        assert_in(text, first, country);
    }
    // Beside names that are only states, a state is the state.
    assert_named(
        "Cases were reported in Michigan, New York, Ohio and Texas.",
        "New York",
        "New York",
    );
    // Places listed together lie together: Kenya's Suba district, not the
    // Philippine village; the US state, not the country.
    assert_in(
        "Cholera has reached Suba, Migori, Homa Bay and Kisumu.",
        "Suba",
        "Kenya",
    );
    assert_in(
        "The disorder was found in Georgia, Oklahoma, Pennsylvania and Wisconsin.",
        "Georgia",
        "United States",
    );
    // An address still reads as one: no Stroud is known in Ontario, and a
    // country after the province does not make it a list.
    let found = places("He was arrested in Stroud, Ontario, Canada.");
    assert!(found.iter().all(|(_, _, c)| c == "Canada"), "{found:?}");
}

#[test]
fn a_dateline_names_the_city_the_report_was_filed_from() {
    // The state named in the story would otherwise make "NEW YORK" the
    // state too.
    assert_named(
        "NEW YORK (AP) — The governor of New York State said the storm had passed Albany, Buffalo and Rochester.",
        "NEW YORK",
        "New York City",
    );
}

#[test]
fn an_arabic_article_opens_a_name_and_does_not_hide_its_cue() {
    // A capitalised "As" inside a sentence is the article of GeoNames'
    // own spelling, not the English word.
    assert_named(
        "Factions attacked checkpoints in As Salamiyah on Monday.",
        "As Salamiyah",
        "As Salamiyah",
    );
    // The text's article need not be the name's: "Al Raqqah" is "Ar Raqqah".
    assert_named(
        "Warplanes bombed Al Raqqah on Monday.",
        "Al Raqqah",
        "Ar Raqqah",
    );
    // "the countryside of al-X": the cue stands before the article.
    let found = places("Factions attacked checkpoints in the countryside of al-Salamiyah.");
    assert!(
        found
            .iter()
            .any(|(_, n, c)| n == "As Salamiyah" && c == "Syria"),
        "{found:?}"
    );
}

#[test]
fn a_name_spelled_with_other_vowels_is_found_in_the_storys_country() {
    // GeoNames spells them Manbij and Jindayris.
    let text = "Syrian warplanes bombed rebel positions in Menbej on Monday.";
    assert_named(text, "Menbej", "Manbij");
    assert_in(text, "Menbej", "Syria");
    assert_named(
        "Turkish troops shelled villages near Jendires in Syria.",
        "Jendires",
        "Jindayris",
    );
    // Only where the story already is, and only after a place cue.
    assert!(places("Warplanes bombed positions in Menbej on Monday.").is_empty());
    assert_no_place("Syrian officials met Menbej in Damascus.", "Menbej");
    // Not a word the text also writes in lower case, nor inside a title.
    assert_no_place(
        "Syrian doctors said humans were not at risk in Humans.",
        "Humans",
    );
}

#[test]
fn an_inner_article_may_be_written_al_for_ash_or_an() {
    // GeoNames spells them Jisr ash Shughur, Busra ash Sham and Maarrat an
    // Numan; news writes the article "al" whatever the letter after it.
    assert_named(
        "Rebels shelled positions near Jisr al-Shughur on Tuesday.",
        "Jisr al-Shughur",
        "Jisr ash Shughur",
    );
    assert_named(
        "Fighting was reported near Busra al-Sham and Maarat an-Numan.",
        "Busra al-Sham",
        "Busra ash Sham",
    );
}

#[test]
fn a_district_named_like_its_seat_is_the_seat_in_plain_copy() {
    // Jisr al-Shughur and Al-Suqaylabiyah are districts spelled as the text
    // spells them; their towns are spelled otherwise (Jisr ash Shughur, As
    // Suqaylibiyah, also "Suqaylabiyah").
    for (text, mention, town) in [
        (
            "Two civilians died in Jisr al-Shughur on Friday.",
            "Jisr al-Shughur",
            "Jisr ash Shughur",
        ),
        (
            "A mine exploded near Al-Suqaylabiyah on Monday.",
            "Al-Suqaylabiyah",
            "As Suqaylibiyah",
        ),
    ] {
        assert_named(text, mention, town);
    }
    // Called a district, it stays the district.
    assert_named(
        "Shelling hit villages in Jisr al-Shughur district.",
        "Jisr al-Shughur",
        "Jisr al-Shughur",
    );
}

#[test]
fn a_name_called_a_city_is_the_town_not_its_province() {
    // The governorate is "Daraa"; GeoNames spells its city "Dara", with
    // "Daraa" as an alternate name.
    assert_named("Shells fell on Daraa city at dawn.", "Daraa", "Dara");
    assert_named("Shells fell on Daraa province at dawn.", "Daraa", "Daraa");
}

#[test]
fn half_of_a_longer_arabic_name_is_no_place() {
    // "Sham" alone is a name of Damascus, "Quds" of Jerusalem; "Ahrar
    // al-Sham" and "Liwa al-Quds" are armed groups.
    for text in [
        "Fighters of Ahrar al-Sham attacked a checkpoint in Idlib.",
        "Members of Liwa al-Quds were killed near Aleppo.",
    ] {
        let found = places(text);
        assert!(
            found
                .iter()
                .all(|(_, n, _)| n != "Damascus" && n != "Jerusalem"),
            "{text}: {found:?}"
        );
        assert!(
            found.iter().any(|(_, _, c)| c == "Syria"),
            "{text}: {found:?}"
        );
    }
    // The first word of a name the gazetteer lacks is not a place of its own.
    assert_no_place("Warplanes struck Abu al-Dhour airbase on Monday.", "Abu");
    // An English "as" between two names joins nothing.
    let found = places("Fighting went on in Mosul as Baghdad sent more troops.");
    assert!(found.iter().any(|(t, _, _)| t == "Mosul"), "{found:?}");
    assert!(found.iter().any(|(t, _, _)| t == "Baghdad"), "{found:?}");
}

#[test]
fn raids_and_shells_on_a_name_make_it_a_place() {
    // Hajin (about 29,000 people) needs a cue to be a place with no country
    // named; "raids on", "shells on" and "struck" are cues, "on" alone is not.
    for text in [
        "Coalition warplanes carried out raids on Hajin overnight.",
        "Dozens of shells fell on Hajin overnight.",
        "Warplanes struck Hajin overnight.",
    ] {
        assert_named(text, "Hajin", "Hajin");
    }
    assert!(places("The decision rests on Hajin now.").is_empty());
}

#[test]
fn a_district_seat_without_a_population_outranks_a_namesake_abroad() {
    // GeoNames lists Syria's Ras al Ayn without a population, beside its
    // district; Rosh HaAyin in Israel is also called "Ras al-Ayn".
    assert_in(
        "Six people died in Ras al-Ayn city on Monday.",
        "Ras al-Ayn",
        "Syria",
    );
    assert_in(
        "Fighting went on in Ras al-Ayn, in northern Syria.",
        "Ras al-Ayn",
        "Syria",
    );
}

#[test]
fn a_name_of_several_words_spelled_with_other_vowels_is_found_whole() {
    // GeoNames: Khan Shaykhun, Shaykh Miskin, Jisr ash Shughur. "Khan" alone
    // would be a place of its own; the whole run is the town.
    for (text, mention, name) in [
        (
            "Syrian warplanes bombed houses in Khan Shekhon on Tuesday.",
            "Khan Shekhon",
            "Khan Shaykhun",
        ),
        (
            "Syrian troops advanced in Sheikh Meskin overnight.",
            "Sheikh Meskin",
            "Shaykh Miskin",
        ),
        (
            "Syrian rebels fought in Jesr al-Shughour on Monday.",
            "Jesr al-Shughour",
            "Jisr ash Shughur",
        ),
    ] {
        assert_named(text, mention, name);
    }
    // Only where the story is set, and not a longer name that goes on.
    assert_no_place(
        "Warplanes bombed houses in Khan Shekhon on Tuesday.",
        "Khan Shekhon",
    );
    assert_no_place(
        "Syrian doctors worked in Khan Shekhon Hospital on Tuesday.",
        "Khan Shekhon",
    );
}

#[test]
fn a_states_ap_abbreviation_after_a_town_is_the_state() {
    assert_named(
        "The market opened on Friday in Fresno, Calif. Farmers came early.",
        "Calif",
        "California",
    );
    assert_in(
        "SPRINGFIELD, Ill. (AP) — Officials met today.",
        "SPRINGFIELD",
        "United States",
    );
    let found = places("He lives in Slidell, La., near the coast.");
    assert!(
        found.iter().any(|(t, n, _)| t == "La" && n == "Louisiana"),
        "{found:?}"
    );
    // Only after a capitalised word and a comma: "Mass." and "Miss." are
    // words or titles too.
    let found = places("After Mass. Miss. Lee said she was ill.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_small_town_beside_an_accepted_neighbour_is_no_foreign_village() {
    // "Nelson" alone votes for its biggest namesake (New Zealand); the
    // small British Columbia town named with it was then held back as a
    // foreign village, though Nelson itself was read in Canada.
    let found = places("He lives in Nelson. People will drive to Castlegar.");
    assert!(
        found
            .iter()
            .any(|(t, _, c)| t == "Castlegar" && c == "Canada"),
        "{found:?}"
    );
    // Nor is a namesake across a border from the accepted places.
    let found = places("Shelling hit Daraa and Quneitra. Residents fled to Ein el Asad.");
    assert!(
        found
            .iter()
            .all(|(t, _, c)| t != "Ein el Asad" || c == "Syria"),
        "{found:?}"
    );
}

#[test]
fn a_sentence_end_or_a_road_number_is_no_given_name() {
    // "Raymond." ends the byline: the dateline after it is a place.
    let found = places(
        "By Nate Raymond. BOSTON (Reuters) - A man was charged in federal court in Boston on Thursday.",
    );
    assert_eq!(
        found.iter().filter(|(_, n, _)| n == "Boston").count(),
        2,
        "{found:?}"
    );
    // "A429" is a road, not a given name before a surname.
    let found = places(
        "The road to the A429 Cirencester junction will close, affecting people travelling to Cirencester from Gloucester.",
    );
    assert!(
        found.iter().any(|(t, _, _)| t == "Cirencester"),
        "{found:?}"
    );
}

#[test]
fn common_short_given_names_make_a_surname() {
    // "Dave" is a given name: Allen (a county in Indiana) is his surname,
    // here and wherever else the story names him.
    let found =
        places("Stephen Russell made a Dave Allen biopic. His resemblance to Allen was striking.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn demonyms_are_listed_as_modifiers_but_their_people_are_not() {
    let found = places("Saudi Arabian officials met Mexicans and South Sudanese traders.");
    let texts: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
    // The two-word demonym, not "Saudi" alone as a place; no "Mexicans".
    assert_eq!(texts, vec!["Saudi Arabian", "South Sudanese"], "{found:?}");
    assert_eq!(found[0].2, "Saudi Arabia");
    assert_eq!(found[1].2, "South Sudan");
    // "Canadian" is also a Texan town, a name dropped as a demonym: the
    // demonym is still listed.
    let found = places("Canadian pension obligations rose.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "Canada");
    // A continent's adjective is a modifier of the continent.
    let found = places("European airlines and Europeans met.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("European", "Europe")
    );
    // "Swiss" ends in s and is no plural.
    assert_eq!(
        place_of("Swiss banks closed.", "Swiss").map(|p| p.country),
        Some("Switzerland".into())
    );
}

#[test]
fn a_country_that_is_a_given_name_before_a_surname_is_a_person() {
    // "Henderson" is a Nevada town and a county: still a surname here.
    assert_eq!(places("Jordan Henderson scored twice."), vec![]);
    let found = places("Troops crossed into Jordan on Monday.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "Jordan");
    // Two countries side by side stay two countries.
    assert_eq!(places("India Pakistan talks resumed.").len(), 2);
}

#[test]
fn a_given_name_or_a_title_before_a_name_makes_a_person() {
    // Each text names a place that makes the namesake plausible: Barry is
    // a Welsh town, Cole a Missouri county, NoMa a Washington
    // neighbourhood, Davis and Pope places in Utah and Arkansas.
    let mentions = |text: &str| -> Vec<String> { places(text).into_iter().map(|p| p.0).collect() };
    // "Barry" and "Gail" are in the census list of given names only.
    assert_eq!(
        mentions("Barry Smith, 80, and Beryl, 81, met in Blackpool in 1953."),
        ["Blackpool"]
    );
    // The surname alone later in the story is still the person.
    assert_eq!(
        mentions("The club in Missouri will honor Gail Cole. Bonifacic and Cole are its founders."),
        ["Missouri"]
    );
    // A title before a name.
    assert_eq!(
        mentions("In Arkansas, Pope Francis was praised."),
        ["Arkansas"]
    );
    // Whom a statement is from, at the end of a clause, and every bare use
    // of that name after.
    assert_eq!(
        mentions("\"We have no idea,\" said Noma, who lives in Washington. Noma works in a shop."),
        ["Washington"]
    );
    assert_eq!(
        mentions("According to Davis, the team from Utah was impressed."),
        ["Utah"]
    );
    let found = places("According to Daraa activists, the shelling went on.");
    assert!(
        found.iter().any(|(t, _, c)| t == "Daraa" && c == "Syria"),
        "{found:?}"
    );
    // A town with a locative cue is still a town.
    let found = places("Flooding was reported in Barry, south Wales.");
    assert!(
        found
            .iter()
            .any(|(t, _, c)| t == "Barry" && c == "United Kingdom"),
        "{found:?}"
    );
}

#[test]
fn forces_abroad_do_not_make_the_towns_they_fight_in_foreign() {
    // A demonym or a country's name before its forces says who acts, not
    // where: the towns are still found.
    for (text, town, country) in [
        ("Turkish troops entered Afrin on Sunday.", "Afrin", "Syria"),
        (
            "French soldiers killed ten militants near Menaka.",
            "Menaka",
            "Mali",
        ),
        // GeoNames writes it "Maarrat an Numan": the same name.
        (
            "Russian jets bombed Maarat al-Numan.",
            "Maarat al-Numan",
            "Syria",
        ),
        ("US troops in Hajin were attacked.", "Hajin", "Syria"),
        (
            "US-led coalition aircraft struck Hajin overnight.",
            "Hajin",
            "Syria",
        ),
    ] {
        let found = places_with_modifier(text);
        assert!(
            found
                .iter()
                .any(|(t, c, m)| t == town && c == country && !m),
            "{text}: {found:?}"
        );
        // The forces' country is listed, as a modifier.
        assert!(found.iter().any(|(_, _, m)| *m), "{text}: {found:?}");
    }
    // A country's name as the place itself stays a place.
    let found = places_with_modifier("Troops were sent to the US on Monday.");
    assert!(found.iter().any(|(t, _, m)| t == "US" && !m), "{found:?}");
}

#[test]
fn arabic_names_are_found_without_their_final_h() {
    // GeoNames writes Shabwah, Al Tabaqah, Ad Daqahliyah; news drops the h.
    for (text, name, country) in [
        ("Clashes in Shabwa province.", "Shabwah", "Yemen"),
        (
            "Clashes in neighborhoods of al-Tabaqa city.",
            "Al-Tabqa",
            "Syria",
        ),
        ("Protests in Hajja on Friday.", "Hajjah", "Yemen"),
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|(_, n, c)| n == name && c == country),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn english_names_of_provinces_the_gazetteer_spells_otherwise() {
    for (text, country) in [
        (
            "Fighting was reported in Lower Shabelle on Monday.",
            "Somalia",
        ),
        (
            "Fighting was reported in Middle Shabelle on Monday.",
            "Somalia",
        ),
        ("Fighting was reported in Salahuddin on Monday.", "Iraq"),
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|(_, _, c)| c == country),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_sizeable_town_abroad_named_with_a_cue_is_kept() {
    // Manbij (99,000) in a story whose only other country is the United
    // States: foreign troops fight abroad.
    for text in [
        "US troops in Manbij were attacked.",
        "The bomb exploded in Manbij near the Turkish border.",
    ] {
        let found = places(text);
        assert!(
            found.iter().any(|(t, _, c)| t == "Manbij" && c == "Syria"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_river_is_placed_on_the_stretch_in_the_story_country() {
    let found = places("Iraqi troops advanced along the Euphrates from Ramadi in Anbar province.");
    assert!(
        found
            .iter()
            .any(|(t, n, c)| t == "Euphrates" && n == "Euphrates" && c == "Iraq"),
        "{found:?}"
    );
    let found = places("SDF fighters crossed the Euphrates River east of Raqqa in Syria.");
    assert!(
        found
            .iter()
            .any(|(t, _, c)| t == "Euphrates River" && c == "Syria"),
        "{found:?}"
    );
}

#[test]
fn names_that_only_contain_a_river_are_not_places() {
    // An operation named after the river, and a virus named after a region.
    let found = places("Euphrates Shield factions shelled Manbij as West Nile cases rose.");
    assert!(
        !found
            .iter()
            .any(|(_, n, _)| n.contains("Euphrates") || n.contains("Nile")),
        "{found:?}"
    );
    assert!(found.iter().any(|(t, _, _)| t == "Manbij"), "{found:?}");
}

#[test]
fn border_crossings_dams_and_straits_are_found() {
    let found = places("Two guards were killed at Kerem Shalom and shells hit the Mosul Dam.");
    assert!(
        found.iter().any(|(t, _, _)| t == "Kerem Shalom"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(t, _, c)| t == "Mosul Dam" && c == "Iraq"),
        "{found:?}"
    );
    let found = places("Houthi forces fired on a tanker in the Bab el-Mandeb.");
    assert!(
        found.iter().any(|(t, _, _)| t == "Bab el-Mandeb"),
        "{found:?}"
    );
}

/// (text, country, whether a modifier) of each place found.
fn places_with_modifier(text: &str) -> Vec<(String, String, bool)> {
    let doc = Document::new("t", text);
    Geoparser::new()
        .parse(&doc)
        .into_iter()
        .map(|m| {
            let modifier = matches!(m.relation, sitrep_model::Relation::Modifier);
            (doc.slice(m.span).to_string(), m.place.country, modifier)
        })
        .collect()
}

#[test]
fn a_country_joined_to_another_by_a_hyphen_is_a_modifier() {
    // "Russia-Turkish truce": both countries qualify the truce. Russia, still
    // a vote for its country, does not make Daraa (GeoNames' "Dara", a city
    // of 98,000, written with its vowel doubled) a stranger to the story.
    let found = places_with_modifier(
        "Clashes went on in Daraa city, 22 days into the Russia-Turkish truce.",
    );
    assert_eq!(
        found,
        vec![
            ("Daraa".into(), "Syria".into(), false),
            ("Russia".into(), "Russia".into(), true),
            ("Turkish".into(), "Turkey".into(), true),
        ]
    );
    let found = places_with_modifier("The US-Russia talks resumed in Geneva.");
    assert!(found[0].2 && found[1].2, "{found:?}");
    assert!(!found[2].2, "{found:?}");
    // Before a place noun the compound is a place; a spaced dash is no
    // compound.
    let found = places_with_modifier("Shells fell along the Syria-Turkey border.");
    assert!(found.iter().all(|p| !p.2), "{found:?}");
    let found = places_with_modifier("It may spread to Chad - Nigeria and Cameroon next.");
    assert!(found.iter().all(|p| !p.2), "{found:?}");
    // Two names before a function word qualify nothing.
    let found = places_with_modifier("Fighting went on in Iraq-Syria on Monday.");
    assert!(found.len() == 2 && found.iter().all(|p| !p.2), "{found:?}");
}

#[test]
fn a_headline_verb_of_striking_or_taking_marks_a_town() {
    // Harasta (37,000 people) named bare, with nothing else in the story:
    // too small to be a place on its name alone, a place after a verb of
    // striking or taking, in the present tense headlines use as well.
    for text in [
        "Violent explosion shakes Harasta",
        "The regime forces shell Harasta by 18 missiles",
        "Army storms Harasta at dawn",
    ] {
        let found = places(text);
        assert_eq!(
            found,
            vec![("Harasta".into(), "Harasta".into(), "Syria".into())],
            "{text}"
        );
    }
    assert_eq!(places("Harasta scored twice."), vec![]);
}
