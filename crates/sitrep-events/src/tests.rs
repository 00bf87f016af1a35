//! End-to-end tests of the coder on sentences written for them, with place
//! mentions built by hand (so they do not depend on the geoparser).
//! Multi-sentence texts put one sentence per line so they do not depend on
//! the sentence splitter's abbreviation rules either.

use super::EventCoder;
use chrono::NaiveDate;
use sitrep_model::{
    Event, EventType, EvidenceOrigin, FeatureKind, Fields, GeoPrecision, Place, PlaceMention,
    Relation, Span, SubEventType, TimePrecision,
};

struct Town {
    name: &'static str,
    country: &'static str,
    code: &'static str,
    admin1: &'static str,
    lat: f64,
    lon: f64,
}

const BAIDOA: Town = Town {
    name: "Baidoa",
    country: "Somalia",
    code: "SO",
    admin1: "Bay",
    lat: 3.117,
    lon: 43.647,
};
const MAIDUGURI: Town = Town {
    name: "Maiduguri",
    country: "Nigeria",
    code: "NG",
    admin1: "Borno",
    lat: 11.846,
    lon: 13.160,
};
const DIKWA: Town = Town {
    name: "Dikwa",
    country: "Nigeria",
    code: "NG",
    admin1: "Borno",
    lat: 12.036,
    lon: 13.917,
};
const GWOZA: Town = Town {
    name: "Gwoza",
    country: "Nigeria",
    code: "NG",
    admin1: "Borno",
    lat: 11.086,
    lon: 13.690,
};
const LUSAKA: Town = Town {
    name: "Lusaka",
    country: "Zambia",
    code: "ZM",
    admin1: "Lusaka",
    lat: -15.417,
    lon: 28.283,
};
const SIRTE: Town = Town {
    name: "Sirte",
    country: "Libya",
    code: "LY",
    admin1: "Surt",
    lat: 31.209,
    lon: 16.589,
};
const MANDERA: Town = Town {
    name: "Mandera",
    country: "Kenya",
    code: "KE",
    admin1: "Mandera",
    lat: 3.937,
    lon: 41.867,
};
const BERLIN: Town = Town {
    name: "Berlin",
    country: "Germany",
    code: "DE",
    admin1: "Berlin",
    lat: 52.524,
    lon: 13.411,
};
const KAMPALA: Town = Town {
    name: "Kampala",
    country: "Uganda",
    code: "UG",
    admin1: "Kampala",
    lat: 0.316,
    lon: 32.582,
};

/// Every mention of each town in `text`.
fn mentions(text: &str, towns: &[&Town]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for t in towns {
        for (start, _) in text.match_indices(t.name) {
            out.push(PlaceMention {
                span: Span::new(start, start + t.name.len()),
                phrase: None,
                place: Place {
                    geonameid: None,
                    name: t.name.to_string(),
                    lat: t.lat,
                    lon: t.lon,
                    country_code: t.code.to_string(),
                    country: t.country.to_string(),
                    admin1: Some(t.admin1.to_string()),
                    admin2: None,
                    feature: FeatureKind::PopulatedPlace,
                    population: 100_000,
                },
                relation: Relation::At,
                precision: GeoPrecision::Town,
                confidence: 0.9,
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 7, 3).expect("valid date")
}

fn code(text: &str, towns: &[&Town]) -> Vec<Event> {
    code_from("Test Wire", text, towns)
}

fn code_from(source: &str, text: &str, towns: &[&Town]) -> Vec<Event> {
    code_places(source, text, &mentions(text, towns))
}

fn code_places(source: &str, text: &str, places: &[PlaceMention]) -> Vec<Event> {
    let mut doc = sitrep_model::Document::new("test-doc", text);
    doc.published = Some(published());
    doc.source = Some(source.to_string());
    let events = EventCoder::new().code(&doc, places);
    for e in &events {
        assert!(
            e.fields_without_evidence().is_empty(),
            "fields without evidence: {:?} in {e:?}",
            e.fields_without_evidence()
        );
        check_evidence_offsets(text, e);
    }
    events
}

/// Evidence offsets are character offsets whose text is the evidence text.
fn check_evidence_offsets(text: &str, e: &Event) {
    let chars: Vec<char> = text.chars().collect();
    for (field, ev) in &e.evidence {
        if matches!(
            ev.origin,
            EvidenceOrigin::Published | EvidenceOrigin::Outlet
        ) {
            continue;
        }
        let (Some(s), Some(t)) = (ev.start, ev.end) else {
            panic!("{field}: text evidence without offsets");
        };
        let got: String = chars[s..t].iter().collect();
        assert_eq!(got, ev.text, "{field}");
    }
}

fn one(text: &str, towns: &[&Town]) -> Event {
    let events = code(text, towns);
    assert_eq!(events.len(), 1, "expected one event, got {events:#?}");
    events.into_iter().next().expect("one event")
}

/// Each of `texts`, set in Maiduguri, reports no event.
fn no_event_in(texts: &[&str]) {
    for text in texts {
        assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    }
}

/// Each of `texts`, set in Maiduguri, reports at least one event.
fn an_event_in(texts: &[&str]) {
    for text in texts {
        assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    }
}

/// The one event of `text`, of sub-type `sub`.
fn one_of(sub: SubEventType, text: &str, towns: &[&Town]) -> Event {
    let e = one(text, towns);
    assert_eq!(e.sub_event_type, Some(sub), "{text}: {e:?}");
    e
}

/// No event of `text` is of sub-type `sub`.
fn none_of(sub: SubEventType, text: &str, towns: &[&Town]) {
    let events = code(text, towns);
    assert!(
        events.iter().all(|e| e.sub_event_type != Some(sub)),
        "{text}: {events:#?}"
    );
}

#[test]
fn mortar_attack_is_shelling_with_counts_and_place() {
    let e = one(
        "Two people were killed and 18 were wounded during an early morning mortar attack against several neighbourhoods of Baidoa.\nAl Shabaab was suspected.",
        &[&BAIDOA],
    );
    assert_eq!(e.event_type, Some(EventType::ExplosionsRemoteViolence));
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
    assert_eq!(e.fatalities, Some(2));
    assert_eq!(e.wounded, Some(18));
    assert_eq!(e.location.as_deref(), Some("Baidoa"));
    assert_eq!(e.country.as_deref(), Some("Somalia"));
    assert_eq!(e.admin1.as_deref(), Some("Bay"));
    assert_eq!(e.actor1.as_deref(), Some("Al Shabaab"));
    assert_eq!(e.actor2.as_deref(), Some("Civilians (Somalia)"));
    assert_eq!(e.civilian_targeting.as_deref(), Some("Civilian targeting"));
    assert_eq!(e.interaction, Some(27));
    assert_eq!(e.source.as_deref(), Some("Test Wire"));
}

#[test]
fn gunmen_spraying_a_bus_is_violence_against_civilians() {
    let e = one(
        "Gunmen sprayed a bus with bullets near Mandera, killing 12 passengers.",
        &[&MANDERA],
    );
    assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
    assert_eq!(e.sub_event_type, Some(SubEventType::Attack));
    assert_eq!(
        e.actor1.as_deref(),
        Some("Unidentified Armed Group (Kenya)")
    );
    assert_eq!(e.actor2.as_deref(), Some("Civilians (Kenya)"));
    assert_eq!(e.fatalities, Some(12));
    assert_eq!(e.interaction, Some(37));
}

#[test]
fn workers_strike_is_a_peaceful_protest() {
    let e = one(
        "University workers in Lusaka go on strike over unpaid June salaries.",
        &[&LUSAKA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::PeacefulProtest));
    assert_eq!(e.actor1.as_deref(), Some("Protesters (Zambia)"));
    assert_eq!(e.inter1.map(|a| a.code()), Some(6));
    assert_eq!(e.interaction, Some(60));
    assert_eq!(e.fatalities, None, "nothing said is unknown, not 0");
}

#[test]
fn torching_a_bus_during_a_protest_is_a_riot() {
    let e = one(
        "Youths protesting the arrest of a local leader torched a bus in Kampala during the shutdown.",
        &[&KAMPALA],
    );
    assert_eq!(e.event_type, Some(EventType::Riots));
    assert_eq!(e.actor1.as_deref(), Some("Rioters (Uganda)"));
}

#[test]
fn police_dispersing_a_march_is_protest_with_intervention() {
    let e = one(
        "Hundreds of traders marched to the city council offices in Kampala.\nPolice dispersed the crowd with tear gas.",
        &[&KAMPALA],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::ProtestWithIntervention)
    );
    assert_eq!(e.actor2.as_deref(), Some("Police Forces of Uganda"));
}

#[test]
fn police_arrest_is_a_strategic_development() {
    let e = one(
        "Police arrested two suspected al-Shabaab recruiters in Mandera on Tuesday.",
        &[&MANDERA],
    );
    assert_eq!(e.event_type, Some(EventType::StrategicDevelopments));
    assert_eq!(e.sub_event_type, Some(SubEventType::Arrests));
    assert_eq!(e.actor1.as_deref(), Some("Police Forces of Kenya"));
}

#[test]
fn troops_retaking_a_town_is_government_regaining_territory() {
    let e = one(
        "Nigerian troops retook the town of Gwoza from Boko Haram after heavy fighting.",
        &[&GWOZA],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::GovernmentRegainsTerritory)
    );
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Nigeria"));
    assert_eq!(
        e.actor2.as_deref(),
        // ACLED's name for Boko Haram between March 2015 and August 2016.
        Some("Boko Haram - Wilayat Gharb Ifriqiyyah")
    );
    assert_eq!(e.interaction, Some(12));
}

#[test]
fn dislodging_fighters_from_villages_the_gazetteer_lacks_is_regaining_territory() {
    // No town known here: "from" and a capitalised name say it is ground.
    let e = one(
        "Nigerian troops dislodged Boko Haram fighters from Kirawa and Ashigashiya on Saturday, the army said.",
        &[],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::GovernmentRegainsTerritory)
    );
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Nigeria"));
    // The militants doing it: they overtake.
    let e = one(
        "Boko Haram fighters dislodged soldiers from Kirawa after a gun battle.",
        &[],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    // "from" and a name that is an actor, not ground: no territory.
    let events = code(
        "Troops dislodged the fighters from Boko Haram hideouts in the forest.",
        &[],
    );
    assert!(
        events
            .iter()
            .all(|e| e.sub_event_type != Some(SubEventType::GovernmentRegainsTerritory)),
        "{events:?}"
    );
}

#[test]
fn a_victims_nationality_is_not_the_events_country() {
    // No place the gazetteer knows; the outlet is Algerian. "French" and
    // "British" say whose citizens, not where.
    let events = code_from(
        "Algerie Presse Service",
        "Gunmen killed a French tourist and wounded two British nationals near a desert camp on Sunday, officials said.",
        &[],
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].country.as_deref(), Some("Algeria"));
    // A demonym before troops still places the story.
    let events = code(
        "Malian troops clashed with militants near a desert camp on Sunday, killing three.",
        &[],
    );
    assert_eq!(events[0].country.as_deref(), Some("Mali"));
}

#[test]
fn a_union_named_after_the_police_marching_is_a_protest_not_police() {
    for text in [
        "The Police and Prisons Civil Rights Union marched to the provincial offices in Kampala on Monday over unpaid allowances.",
        "Members of the Police Wives Association held a peace march in Kampala on Monday.",
    ] {
        let e = one(text, &[&KAMPALA]);
        assert_eq!(e.event_type, Some(EventType::Protests), "{text}");
        assert_eq!(e.actor1.as_deref(), Some("Protesters (Uganda)"), "{text}");
    }
    // The police themselves still act.
    let e = one(
        "Police arrested two union leaders in Kampala on Monday.",
        &[&KAMPALA],
    );
    assert_eq!(e.actor1.as_deref(), Some("Police Forces of Uganda"));
}

#[test]
fn militants_seizing_a_town_is_non_state_takeover() {
    let e = one(
        "Islamic State militants seized the town of Sirte after heavy fighting.",
        &[&SIRTE],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    assert_eq!(e.actor1.as_deref(), Some("Islamic State"));
    // Once the other side has withdrawn, the town changes hands without a
    // fight: ACLED's non-violent transfer of territory.
    let e = one(
        "Islamic State militants seized the town of Sirte after government forces withdrew.",
        &[&SIRTE],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::NonViolentTransferOfTerritory)
    );
}

#[test]
fn one_attack_over_several_sentences_is_one_event() {
    let events = code(
        "A suicide bomber struck a market in Maiduguri on Sunday morning.\nThe bomber and five others were killed, police said.\nThe attack also wounded 20 people.\nNo group claimed responsibility for the attack.",
        &[&MAIDUGURI],
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.sub_event_type, Some(SubEventType::SuicideBomb));
    assert_eq!(e.fatalities, Some(6));
    assert_eq!(e.wounded, Some(20));
    assert_eq!(e.location.as_deref(), Some("Maiduguri"));
}

/// `places` with each mention of `name` changed by `change`.
fn with(
    mut places: Vec<PlaceMention>,
    name: &str,
    change: impl Fn(&mut PlaceMention),
) -> Vec<PlaceMention> {
    places
        .iter_mut()
        .filter(|p| p.place.name == name)
        .for_each(change);
    places
}

const BORNO_STATE: Town = Town {
    name: "Borno",
    country: "Nigeria",
    code: "NG",
    admin1: "Borno",
    lat: 11.5,
    lon: 13.0,
};

fn as_province(p: &mut PlaceMention) {
    p.place.feature = FeatureKind::Admin1;
    p.precision = GeoPrecision::Region;
}

/// A river's stretch in a country, as the gazetteer lists it.
fn as_river(p: &mut PlaceMention) {
    p.place.feature = FeatureKind::Water;
    p.place.admin1 = None;
    p.precision = GeoPrecision::Region;
}

#[test]
fn a_river_places_an_event_only_where_nothing_closer_is_named() {
    const BENUE_RIVER: Town = Town {
        name: "Benue River",
        country: "Nigeria",
        code: "NG",
        admin1: "",
        lat: 7.8,
        lon: 8.6,
    };
    let location = |text: &str| {
        let places = with(
            with(
                mentions(text, &[&BENUE_RIVER, &BORNO_STATE]),
                "Borno",
                as_province,
            ),
            "Benue River",
            as_river,
        );
        let events = code_places("Test Wire", text, &places);
        assert_eq!(events.len(), 1, "{text}: {events:#?}");
        events[0].location.clone()
    };
    // The river comes first in the clause, the province still wins.
    let text = "Gunmen killed five fishermen on the Benue River in Borno on Monday.";
    assert_eq!(location(text).as_deref(), Some("Borno"));
    let text = "Gunmen killed five fishermen on the Benue River on Monday.";
    assert_eq!(location(text).as_deref(), Some("Benue River"));
}

#[test]
fn the_militants_are_the_storys_group_only_near_its_home() {
    let towns = [&BAIDOA, &SIRTE, &MANDERA];
    let second_actor = |text: &str| {
        let events = code(text, &towns);
        assert_eq!(events.len(), 2, "{events:#?}");
        events[1].actor1.clone()
    };
    let first = "Al Shabaab fighters attacked a base in Baidoa on Monday.\n\n";
    // Kenya borders Somalia: Al Shabaab's militants fight there.
    let text = format!("{first}In Mandera, militants attacked a village on Tuesday.");
    assert_eq!(second_actor(&text).as_deref(), Some("Al Shabaab"));
    // Libya is far from Somalia: these are other militants.
    let text = format!("{first}In Sirte, militants attacked a village on Tuesday.");
    assert_eq!(
        second_actor(&text).as_deref(),
        Some("Unidentified Armed Group (Libya)")
    );
}

#[test]
fn a_detail_a_paragraph_on_does_not_date_the_incident() {
    // Published Sunday 3 July 2016; Thursday is 30 June.
    let battle = "Gunmen and soldiers fought a gun battle in Maiduguri, killing four.";
    let thursday = NaiveDate::from_ymd_opt(2016, 6, 30);
    let date_of = |text: &str| one(text, &[&MAIDUGURI]).event_date;
    // Two sentences on, in another paragraph, after an unrelated one.
    let text = format!(
        "{battle}\n\nAt least 70 people in Kenya have the flu. The chef arrived on Thursday."
    );
    assert_eq!(date_of(&text), Some(published()));
    // In the battle's paragraph, right after it, a detail dates it.
    let text = format!("{battle} The gunmen arrived on Thursday, witnesses said.");
    assert_eq!(date_of(&text), thursday);
    // A paragraph on, one that refers back does too.
    let text = format!("{battle}\n\nThe fighting began on Thursday, witnesses said.");
    assert_eq!(date_of(&text), thursday);
}

#[test]
fn a_victims_home_town_does_not_move_the_incident() {
    let text = "A roadside bomb struck a convoy in Baidoa on Monday, killing a soldier.\nA second soldier, Sgt John Dunbar of Berlin, died alongside him in the blast.";
    let home = |p: &mut PlaceMention| p.relation = Relation::Home;
    let places = with(mentions(text, &[&BAIDOA, &BERLIN]), "Berlin", home);
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location.as_deref(), Some("Baidoa"));
    // Named where the death happened, the same town is another incident.
    let events = code(text, &[&BAIDOA, &BERLIN]);
    assert_eq!(events.len(), 2, "{events:#?}");
    // A home is never the place, even as the document's only one.
    let text = "Sgt John Dunbar of Berlin was killed by a roadside bomb on Monday.";
    let places = with(mentions(text, &[&BERLIN]), "Berlin", home);
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, None, "{events:#?}");
}

#[test]
fn a_modifier_is_never_where_the_event_happened() {
    // The geoparser lists "Syrian" in "Syrian troops" as a modifier of
    // Syria: a country named, not the event's place or country.
    let text = "Berlin troops shelled the village on Monday, killing four.";
    let modifier = |p: &mut PlaceMention| p.relation = Relation::Modifier;
    let places = with(mentions(text, &[&BERLIN]), "Berlin", modifier);
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location, None, "{events:#?}");
    assert_eq!(events[0].country, None, "{events:#?}");
}

#[test]
fn a_retelling_may_name_the_incidents_place_more_or_less_exactly() {
    // A death told again with the province, or with a part of a big city.
    let text = "Gunmen shot dead a trader in Dikwa on Monday.\nThe trader was killed in Borno on Monday, police said.";
    let places = with(
        mentions(text, &[&DIKWA, &BORNO_STATE]),
        "Borno",
        as_province,
    );
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location.as_deref(), Some("Dikwa"));

    const GARKI: Town = Town {
        name: "Garki",
        country: "Nigeria",
        code: "NG",
        admin1: "FCT",
        lat: 9.03,
        lon: 7.49,
    };
    const ABUJA: Town = Town {
        name: "Abuja",
        country: "Nigeria",
        code: "NG",
        admin1: "FCT",
        lat: 9.19,
        lon: 7.36,
    };
    let text = "Police shot dead a man in Abuja on Monday.\nThe man was killed on Monday in Garki.";
    let big = |p: &mut PlaceMention| p.place.population = 3_000_000;
    let places = with(mentions(text, &[&ABUJA, &GARKI]), "Abuja", big);
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    // Garki lies 23 km from Abuja's point: a town of 100,000 does not
    // reach that far.
    let events = code(text, &[&ABUJA, &GARKI]);
    assert_eq!(events.len(), 2, "{events:#?}");

    // A region that spans countries holds what lies near its centre only.
    const MIDDLE_EAST: Town = Town {
        name: "Middle East",
        country: "",
        code: "",
        admin1: "",
        lat: 33.14,
        lon: 35.86,
    };
    const MANBIJ: Town = Town {
        name: "Manbij",
        country: "Syria",
        code: "SY",
        admin1: "Aleppo",
        lat: 36.53,
        lon: 37.95,
    };
    let region = |p: &mut PlaceMention| {
        p.place.feature = FeatureKind::Region;
        p.place.admin1 = None;
        p.precision = GeoPrecision::Region;
    };
    for (town, events_expected) in [(&MANBIJ, 1), (&KAMPALA, 2)] {
        let text = format!(
            "A roadside bomb killed a soldier in {} on Monday.\nThe soldier was killed in action in the Middle East on Monday.",
            town.name
        );
        let places = with(
            mentions(&text, &[town, &MIDDLE_EAST]),
            "Middle East",
            region,
        );
        let events = code_places("Test Wire", &text, &places);
        assert_eq!(events.len(), events_expected, "{text}: {events:#?}");
    }
}

#[test]
fn a_fresh_report_elsewhere_in_the_province_is_another_incident() {
    // Not a retelling: a report of its own, or a death a paragraph on.
    for text in [
        "Troops shelled villages in Borno on Monday.\nTroops shelled Dikwa on Monday.",
        "Gunmen shot dead a trader in Dikwa on Monday.\n\nA farmer was killed in Borno on Monday.",
    ] {
        let places = with(
            mentions(text, &[&DIKWA, &BORNO_STATE]),
            "Borno",
            as_province,
        );
        let events = code_places("Test Wire", text, &places);
        assert_eq!(events.len(), 2, "{text}: {events:#?}");
    }
}

#[test]
fn an_incident_told_again_after_another_is_one_event() {
    // A kind, a place and a day: ACLED's one event, however often told.
    let events = code(
        "Gunmen shot dead three traders in Dikwa on Monday.\nIn Gwoza, troops clashed with militants.\nThe traders shot dead in Dikwa on Monday were buried there.",
        &[&DIKWA, &GWOZA],
    );
    let towns: Vec<&str> = events
        .iter()
        .filter_map(|e| e.location.as_deref())
        .collect();
    assert_eq!(towns, vec!["Dikwa", "Gwoza"], "{events:#?}");
    assert_eq!(events[0].fatalities, Some(3));
    // Another day, or another kind of event, is another incident.
    for text in [
        "Gunmen shot dead three traders in Dikwa on Monday.\nIn Gwoza, troops clashed with militants.\nGunmen shot dead a farmer in Dikwa on Saturday.",
        "Gunmen shot dead three traders in Dikwa on Monday.\nIn Gwoza, troops clashed with militants.\nHundreds of women marched in Dikwa on Monday.",
    ] {
        let events = code(text, &[&DIKWA, &GWOZA]);
        assert_eq!(events.len(), 3, "{text}: {events:#?}");
    }
}

#[test]
fn a_dateline_abroad_is_not_where_it_happened() {
    const BEIRUT: Town = Town {
        name: "BEIRUT",
        country: "Lebanon",
        code: "LB",
        admin1: "Beyrouth",
        lat: 33.89,
        lon: 35.50,
    };
    const SYRIA: Town = Town {
        name: "Syria",
        country: "Syria",
        code: "SY",
        admin1: "",
        lat: 35.0,
        lon: 38.0,
    };
    const LEBANON: Town = Town {
        name: "Lebanon",
        country: "Lebanon",
        code: "LB",
        admin1: "",
        lat: 33.83,
        lon: 35.83,
    };
    let country = |p: &mut PlaceMention| {
        p.place.feature = FeatureKind::Country;
        p.place.admin1 = None;
    };
    let coded = |text: &str| {
        let places = mentions(text, &[&BEIRUT, &SYRIA, &LEBANON]);
        let places = with(with(places, "Syria", country), "Lebanon", country);
        code_places("Test Wire", text, &places)
    };
    for text in [
        "BEIRUT (AP) — Turkish jets bombed a village in northern Syria on Monday.",
        "BEIRUT, Lebanon (AP) — Turkish jets bombed a village in northern Syria on Monday.",
    ] {
        let e = coded(text);
        assert_eq!(e.len(), 1, "{text}: {e:#?}");
        assert_eq!(e[0].country.as_deref(), Some("Syria"), "{text}: {e:?}");
        assert_ne!(e[0].location.as_deref(), Some("BEIRUT"), "{text}: {e:?}");
    }
    // In the dateline's own country, or with no country named, the
    // dateline is where it happened.
    for text in [
        "BEIRUT (AP) — A car bomb exploded in a market in Lebanon on Monday.",
        "BEIRUT (AP) — A car bomb exploded in a market on Monday.",
        "BEIRUT, Lebanon (AP) — A car bomb exploded in a market on Monday.",
    ] {
        let e = coded(text);
        assert_eq!(e.len(), 1, "{text}: {e:#?}");
        assert_eq!(e[0].location.as_deref(), Some("BEIRUT"), "{text}: {e:?}");
    }
}

#[test]
fn undated_pages_judge_history_by_their_latest_date() {
    // No publication date: the page's own latest date says 1914 is history.
    let text = "Gunmen shot dead a trader in Maiduguri on 3 April 2018.\nIn June 1914, a gunman shot dead the archduke in Maiduguri.";
    let mut doc = sitrep_model::Document::new("test-doc", text);
    doc.source = Some("Test Wire".to_string());
    let events = EventCoder::new().code(&doc, &mentions(text, &[&MAIDUGURI]));
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].event_date, NaiveDate::from_ymd_opt(2018, 4, 3));
}

#[test]
fn a_bomb_that_kills_is_an_explosion() {
    let e = one_of(
        SubEventType::RemoteExplosiveLandmineIed,
        "A bomb killed five soldiers in Dikwa on Monday.",
        &[&DIKWA],
    );
    assert_eq!(e.fatalities, Some(5));
    assert_eq!(e.evidence["event_type"].text, "bomb");
    // Not a bomb someone else handled.
    none_of(
        SubEventType::RemoteExplosiveLandmineIed,
        "Police killed a man who made a bomb threat in Dikwa.",
        &[&DIKWA],
    );
    // The specific weapon is the evidence, not the generic word before it.
    let e = one_of(
        SubEventType::RemoteExplosiveLandmineIed,
        "An explosion hit Dikwa on Monday; a car bomb killed nine people.",
        &[&DIKWA],
    );
    assert_eq!(e.evidence["event_type"].text, "car bomb", "{e:?}");
}

#[test]
fn deaths_told_as_more_are_added_and_retold_ones_are_not() {
    let toll = |text: &str| one(text, &[&DIKWA]).fatalities;
    assert_eq!(
        toll("Gunmen killed five soldiers in Dikwa on Monday.\nFive civilians also died in the attack."),
        Some(10)
    );
    assert_eq!(
        toll("Gunmen killed five soldiers in Dikwa on Monday.\nPolice said five soldiers died in the attack."),
        Some(5)
    );
    // One more with no number is one; the first told again adds nothing.
    assert_eq!(
        toll("A bomb killed a soldier in Dikwa on Thursday.\nA second soldier, Sgt John Dunbar, died alongside him in the blast.\nThe first soldier was killed in action, the ministry said."),
        Some(2)
    );
}

#[test]
fn a_statement_date_does_not_date_the_incident() {
    // "said on Thursday" is when it was said: the killing on Wednesday is
    // the same incident, and its date.
    let e = one(
        "Gunmen shot dead a trader in Maiduguri.\nThe governor said on Thursday that an inquiry would follow.\nThe trader was killed on Wednesday.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_date, NaiveDate::from_ymd_opt(2016, 6, 29), "{e:?}");
}

#[test]
fn roundup_of_clashes_in_three_towns_is_three_events() {
    let events = code(
        "Soldiers clashed with Boko Haram fighters in Dikwa, killing seven insurgents.\nIn Gwoza, troops fought militants for two hours.\nClashes were also reported near Maiduguri.",
        &[&DIKWA, &GWOZA, &MAIDUGURI],
    );
    assert_eq!(events.len(), 3, "{events:#?}");
    let towns: Vec<&str> = events
        .iter()
        .filter_map(|e| e.location.as_deref())
        .collect();
    assert_eq!(towns, vec!["Dikwa", "Gwoza", "Maiduguri"]);
    assert!(events
        .iter()
        .all(|e| e.sub_event_type == Some(SubEventType::ArmedClash)));
    assert_eq!(events[0].fatalities, Some(7));
    assert_eq!(events[1].fatalities, None);
}

#[test]
fn future_hypothetical_negated_and_threats_give_no_event() {
    for text in [
        "The rebels said they will push on to Sirte and attack the capital.",
        "Officials warned that Al Shabaab could strike abroad.",
        "Al Shabaab denied carrying out the attack in Baidoa.",
        "The army did not attack the village near Dikwa.",
        "Boko Haram threatened to bomb schools in Maiduguri.",
        "Opposition parties called for protests in Lusaka next week.",
        "The candidate said Zambia should send peace demonstrators to Lusaka.",
        "Critics say the army ought to retake Dikwa before the rains.",
        // The cue scopes a phrase of triggers: "rocket attacks", "fighting
        // and killing".
        "The army said taking Dikwa would stop rocket attacks on Maiduguri.",
        "Left in the camp in Maiduguri, they will end up fighting and killing each other.",
        "Police in Maiduguri placed informants in mosques to try to prevent terrorist attacks.",
    ] {
        let events = code(text, &[&SIRTE, &BAIDOA, &DIKWA, &MAIDUGURI, &LUSAKA]);
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
    // A denial is not shared over "and": the killing happened.
    let e = one(
        "Police in Maiduguri thwarted an attack and killed a wanted Boko Haram fighter.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.fatalities, Some(1));
}

#[test]
fn the_town_a_clause_names_beats_its_province_and_the_reporters_city() {
    const BORNO: Town = Town {
        name: "Borno",
        country: "Nigeria",
        code: "NG",
        admin1: "Borno",
        lat: 11.5,
        lon: 13.0,
    };
    let text = "Members of the Borno Elders Forum protested outside the governor's lodge in Dikwa.";
    let mut places = mentions(text, &[&BORNO, &DIKWA]);
    for p in &mut places {
        if p.place.name == "Borno" {
            p.place.feature = FeatureKind::Admin1;
            p.precision = GeoPrecision::Region;
        }
    }
    let events = code_places("Test Wire", text, &places);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].location.as_deref(), Some("Dikwa"));

    // Of two towns in one clause, the first named.
    let text = "Traders on the road between Dikwa and Gwoza protested against new taxes.";
    let e = one(text, &[&DIKWA, &GWOZA]);
    assert_eq!(e.location.as_deref(), Some("Dikwa"), "{e:?}");

    let text = "Sources in Maiduguri said gunmen killed four farmers near Gwoza.";
    let e = one(text, &[&MAIDUGURI, &GWOZA]);
    assert_eq!(e.location.as_deref(), Some("Gwoza"), "{e:?}");
}

#[test]
fn security_personnel_off_duty_are_civilians() {
    // Their march is a protest, not armed men on the move.
    let e = one(
        "Former soldiers protested outside the ministry in Lusaka.",
        &[&LUSAKA],
    );
    assert_eq!(e.event_type, Some(EventType::Protests), "{e:?}");
    assert_eq!(e.actor1.as_deref(), Some("Protesters (Zambia)"));
    // An attack on one is violence against a civilian.
    let e = one(
        "Soldiers beat an off-duty soldier in Lusaka on Monday.",
        &[&LUSAKA],
    );
    assert_eq!(
        e.event_type,
        Some(EventType::ViolenceAgainstCivilians),
        "{e:?}"
    );
    assert_eq!(e.actor2.as_deref(), Some("Civilians (Zambia)"));
    // The headline present tense is the same attack.
    let e = one("Policeman beats a street vendor in Lusaka.", &[&LUSAKA]);
    assert_eq!(e.sub_event_type, Some(SubEventType::Attack), "{e:?}");
    // On duty, they are forces.
    let e = one("Gunmen attacked soldiers in Lusaka on Monday.", &[&LUSAKA]);
    assert_eq!(e.event_type, Some(EventType::Battles), "{e:?}");
}

#[test]
fn a_past_year_in_a_relative_clause_does_not_date_the_main_verb() {
    let text = "Teachers who took part in the 2011 coup attempt protested in Lusaka.";
    let e = one(text, &[&LUSAKA]);
    assert_eq!(e.event_type, Some(EventType::Protests), "{e:?}");
    // Without the relative clause the year still makes it history.
    assert!(code("The 2011 mutiny in Lusaka killed hundreds.", &[&LUSAKA]).is_empty());
}

#[test]
fn a_relative_clause_of_a_dated_noun_is_history() {
    // "the 2001 anthrax attacks" is no trigger (a disease word beside it),
    // so the year of the noun dates the deaths its clause tells.
    for text in [
        "The scientist in Lusaka was charged over the 2001 anthrax attacks, which killed five people.",
        "He spoke of the 2011 anthrax scare, in which two men were killed in Lusaka.",
        // A dash opens the clause as a comma does.
        "The scientist in Lusaka was charged over the 2001 anthrax attacks — which killed five people.",
    ] {
        assert!(code(text, &[&LUSAKA]).is_empty(), "{text}");
    }
    // A year far before the dash dates nothing after it.
    let text = "Gunmen driven out in 2011 have since come back to the city of Lusaka — which they attacked on Monday.";
    assert!(!code(text, &[&LUSAKA]).is_empty(), "{text}");
    // A noun of this week's is news.
    let text = "Gunmen in Lusaka claimed Monday's anthrax attacks, which killed five people.";
    assert!(!code(text, &[&LUSAKA]).is_empty(), "{text}");
}

#[test]
fn what_a_protest_is_against_is_not_its_violence() {
    let text = "Residents protested against insecurity and looting in Lusaka.";
    let e = one(text, &[&LUSAKA]);
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::PeacefulProtest),
        "{e:?}"
    );
    let text = "Residents protested against the tax and looted shops in Lusaka.";
    let e = one(text, &[&LUSAKA]);
    assert_eq!(e.event_type, Some(EventType::Riots), "{e:?}");
}

#[test]
fn people_set_alight_are_attacked_not_property() {
    let text = "Two men were doused in petrol and set alight in Lusaka on Monday.";
    let e = one(text, &[&LUSAKA]);
    assert_eq!(
        e.event_type,
        Some(EventType::ViolenceAgainstCivilians),
        "{e:?}"
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::Attack));
    let e = one(
        "Gunmen set alight a warehouse in Lusaka on Monday.",
        &[&LUSAKA],
    );
    assert_eq!(
        e.event_type,
        Some(EventType::StrategicDevelopments),
        "{e:?}"
    );
}

#[test]
fn executing_an_operation_is_not_an_execution() {
    let text = "A soldier was killed in Dikwa on Monday.\nThree militants executed the operation using a truck.";
    let e = one(text, &[&DIKWA]);
    assert_eq!(e.fatalities, Some(1), "{e:?}");
    // People executed are killed.
    let e = one(
        "Militants executed four soldiers in Dikwa on Monday.",
        &[&DIKWA],
    );
    assert_eq!(e.fatalities, Some(4), "{e:?}");
    assert!(code("The militia executed its plan on Monday.", &[]).is_empty());
    // A plan carried out in the passive is no execution either.
    assert!(code(
        "The projects have been executed by army engineers with the government.",
        &[]
    )
    .is_empty());
    // People executed in the passive still are.
    let e = one(
        "Four prisoners were executed by militants in Dikwa.",
        &[&DIKWA],
    );
    assert_eq!(e.fatalities, Some(4), "{e:?}");
}

#[test]
fn riot_police_are_no_riot() {
    one_of(
        SubEventType::ProtestWithIntervention,
        "Riot police fired tear gas at protesters in Kampala on Monday.",
        &[&KAMPALA],
    );
    assert!(code("Riot police patrolled the streets of Kampala.", &[&KAMPALA]).is_empty());
    // A riot is still a riot.
    let e = one("Youths rioted in Kampala on Monday.", &[&KAMPALA]);
    assert_eq!(e.event_type, Some(EventType::Riots), "{e:?}");
}

#[test]
fn force_used_on_a_protest_told_after_it_is_the_protests_sub_type() {
    // Lethal force by the police, told in the next sentence.
    let e = one_of(
        SubEventType::ExcessiveForceAgainstProtesters,
        "Students protested against the new fees in Kampala on Monday. Police responded with violence, allegedly killing four and injuring five.",
        &[&KAMPALA],
    );
    assert_eq!(e.fatalities, Some(4), "{e:?}");
    // The crowd beaten: an intervention, one event.
    one_of(
        SubEventType::ProtestWithIntervention,
        "Thousands of traders marched in Kampala on Monday. Police beat the marchers with batons.",
        &[&KAMPALA],
    );
    // In the sentence itself, the demonstrators attacked by police.
    one_of(
        SubEventType::ProtestWithIntervention,
        "Police attacked the demonstrators with batons in Kampala.",
        &[&KAMPALA],
    );
    // A new paragraph is no sequel of the protest.
    none_of(
        SubEventType::ExcessiveForceAgainstProtesters,
        "Students protested against the new fees in Kampala on Monday.\n\nPolice shot dead two robbery suspects.",
        &[&KAMPALA],
    );
    // Nor are warplanes killing civilians.
    none_of(
        SubEventType::ExcessiveForceAgainstProtesters,
        "Students protested against the new fees in Kampala on Monday. Warplanes killed four civilians.",
        &[&KAMPALA],
    );
}

#[test]
fn background_history_gives_no_event() {
    let events = code(
        "Violence has flared since militants stormed Sirte.",
        &[&SIRTE],
    );
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn explosive_barrels_are_barrel_bombs() {
    let e = one(
        "Helicopters dropped 12 explosive barrels on Sirte.",
        &[&SIRTE],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::AirDroneStrike),
        "{e:?}"
    );
}

#[test]
fn armed_forces_advancing_in_a_place_take_ground() {
    one_of(
        SubEventType::GovernmentRegainsTerritory,
        "Government forces advance in Dikwa and its outskirts.",
        &[&DIKWA],
    );
    one_of(
        SubEventType::NonStateActorOvertakesTerritory,
        "Boko Haram fighters were advancing on Dikwa.",
        &[&DIKWA],
    );
    // Told as a battle, it stays the battle.
    one_of(
        SubEventType::ArmedClash,
        "Violent clashes broke out and government forces advance in Dikwa.",
        &[&DIKWA],
    );
    // The adjective, the noun, a team: no ground taken.
    for text in [
        "The army showed advanced weapons in Dikwa.",
        "Tickets for the Dikwa match are sold in advance.",
        "The team advanced to the final in Dikwa.",
    ] {
        assert!(code(text, &[&DIKWA]).is_empty(), "{text}");
    }
}

#[test]
fn armed_forces_targeting_ground_is_shelling() {
    // Monitors write "target" for fire from afar at ground.
    one_of(
        SubEventType::ShellingArtilleryMissileAttack,
        "Regime forces target areas of the Dikwa countryside.",
        &[&DIKWA],
    );
    one_of(
        SubEventType::ShellingArtilleryMissileAttack,
        "Government forces target the outskirts of Dikwa.",
        &[&DIKWA],
    );
    // A death beside it is a detail: the shelling killed them.
    one_of(
        SubEventType::ShellingArtilleryMissileAttack,
        "Government forces kill 3 citizens in their targeting of a town near Dikwa.",
        &[&DIKWA],
    );
    // People aimed at are no ground, whatever follows.
    none_of(
        SubEventType::ShellingArtilleryMissileAttack,
        "Gunmen target people in Dikwa countryside.",
        &[&DIKWA],
    );
    // Another word says more: the blast is the event.
    one_of(
        SubEventType::RemoteExplosiveLandmineIed,
        "Militants set off a blast that targeted villages near Dikwa on Monday.",
        &[&DIKWA],
    );
    // No armed party, or people rather than ground: no shelling.
    for text in [
        "Police target speeding drivers in Dikwa this weekend.",
        "The company missed its sales targets in Dikwa.",
        "The campaign is targeting young voters in Dikwa.",
        "The vaccination campaign targets villages around Dikwa.",
    ] {
        assert!(code(text, &[&DIKWA]).is_empty(), "{text}");
    }
    none_of(
        SubEventType::ShellingArtilleryMissileAttack,
        "Gunmen targeted Christians in Dikwa on Monday.",
        &[&DIKWA],
    );
}

#[test]
fn headline_present_shelling_and_claiming_lives() {
    let e = one("Government forces shell the outskirts of Sirte.", &[&SIRTE]);
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::ShellingArtilleryMissileAttack),
        "{e:?}"
    );
    let e = one(
        "Militants claim the lives of 3 civilians in Sirte.",
        &[&SIRTE],
    );
    assert_eq!(e.fatalities, Some(3), "{e:?}");
    // "Shell" alone is a name and a company.
    assert!(code(
        "Shell and Watson were charged in Sirte on Monday.",
        &[&SIRTE]
    )
    .is_empty());
}

#[test]
fn an_earlier_incident_is_background() {
    // The incident told as the one before is not this report's event, and
    // its dead are not this event's.
    let e = one(
        "Police arrested three men in Sirte on Friday after an earlier attack killed two guards.",
        &[&SIRTE],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::Arrests), "{e:?}");
    let e = one(
        "Protesters gathered in Sirte on Friday, angry over an earlier raid that killed two men.",
        &[&SIRTE],
    );
    assert_eq!(e.event_type, Some(EventType::Protests), "{e:?}");
    assert_eq!(e.fatalities, None, "{e:?}");
    // Nor the dead of its relative clause ("in which", "that").
    let e = one(
        "Clashes broke out in Sirte on Friday following an earlier shooting in which a boy was killed.",
        &[&SIRTE],
    );
    assert_eq!(e.event_type, Some(EventType::Battles), "{e:?}");
    assert_eq!(e.fatalities, None, "{e:?}");
    // "Earlier" alone dates news of the same day.
    let e = one(
        "Earlier on Monday, gunmen attacked a checkpoint in Sirte.",
        &[&SIRTE],
    );
    assert!(e.event_type.is_some(), "{e:?}");
    // What a report "comes after" is the incident it is set against.
    no_event_in(&[
        "The vote came after thousands of people took to the streets of Maiduguri.",
        "The decision comes after the police killing of a man in Maiduguri.",
    ]);
}

#[test]
fn a_wave_of_incidents_told_as_the_setting_is_background() {
    for text in [
        "The minister's visit to Sirte came amid a wave of terrorist attacks.",
        "Talks opened in Sirte after a spate of kidnappings.",
    ] {
        assert!(code(text, &[&SIRTE]).is_empty(), "{text}");
    }
    // The event the sentence reports is still one.
    one_of(
        SubEventType::ArmedClash,
        "Troops clashed with militants in Sirte on Monday after a series of attacks.",
        &[&SIRTE],
    );
    // A series reported, not told as the setting, is news.
    let text = "A series of attacks on Monday killed 20 people in Sirte.";
    assert!(!code(text, &[&SIRTE]).is_empty(), "{text}");
}

#[test]
fn a_part_of_a_count_told_again_is_not_added() {
    // "Four farmers" were counted in the five already.
    let e = one(
        "Clashes between herders and farmers in Lusaka on Monday killed four farmers and a herder. The clash began over cattle. Four farmers were killed in the clash, police said.",
        &[&LUSAKA],
    );
    assert_eq!(e.fatalities, Some(5), "{e:?}");
    // The phrase inside a longer number is no restatement.
    let e = one(
        "Clashes between herders and farmers in Lusaka on Monday killed twenty-four farmers. The clash began over cattle. Four farmers were also killed in the clash, police said.",
        &[&LUSAKA],
    );
    assert_eq!(e.fatalities, Some(28), "{e:?}");
    // Other dead told after "at least" again are new dead.
    let e = one(
        "At least three soldiers were killed in Lusaka on Monday when gunmen attacked a checkpoint. At least two civilians also died in the attack.",
        &[&LUSAKA],
    );
    assert_eq!(e.fatalities, Some(5), "{e:?}");
}

#[test]
fn no_casualties_is_zero_with_evidence() {
    let e = one(
        "A roadside bomb exploded near a police patrol in Mandera but no casualties were reported.",
        &[&MANDERA],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::RemoteExplosiveLandmineIed)
    );
    assert_eq!(e.fatalities, Some(0));
    assert_eq!(
        e.evidence.get("fatalities").map(|ev| ev.text.as_str()),
        Some("no casualties")
    );
}

#[test]
fn soldiers_killed_including_officers_counts_once() {
    let e = one(
        "Boko Haram fighters ambushed a military convoy near Dikwa, killing nine soldiers, including two officers.",
        &[&DIKWA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.fatalities, Some(9));
    // ACLED lists state forces first in battles, whoever attacked.
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Nigeria"));
    assert_eq!(
        e.actor2.as_deref(),
        // ACLED's name for Boko Haram between March 2015 and August 2016.
        Some("Boko Haram - Wilayat Gharb Ifriqiyyah")
    );
}

#[test]
fn force_size_is_not_a_death_toll() {
    let e = one(
        "About 200 fighters in a convoy of 30 vehicles attacked an army base in Dikwa.",
        &[&DIKWA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.fatalities, None);
}

#[test]
fn each_explosive_kind_has_its_sub_type() {
    let cases = [
        (
            "An air strike hit a market in Baidoa.",
            SubEventType::AirDroneStrike,
        ),
        (
            "A drone strike killed three militants near Baidoa.",
            SubEventType::AirDroneStrike,
        ),
        (
            "A grenade was thrown into a bar in Baidoa.",
            SubEventType::Grenade,
        ),
        (
            "A landmine destroyed a truck near Baidoa.",
            SubEventType::RemoteExplosiveLandmineIed,
        ),
        (
            "Chlorine gas was used against residents of Baidoa.",
            SubEventType::ChemicalWeapon,
        ),
        (
            "Artillery shelled the outskirts of Baidoa.",
            SubEventType::ShellingArtilleryMissileAttack,
        ),
    ];
    for (text, sub) in cases {
        let e = one(text, &[&BAIDOA]);
        assert_eq!(e.sub_event_type, Some(sub), "{text}");
        assert_eq!(e.event_type, Some(EventType::ExplosionsRemoteViolence));
    }
}

#[test]
fn violence_against_civilians_sub_types() {
    let cases = [
        (
            "Gunmen abducted 14 students from a school in Dikwa.",
            SubEventType::AbductionForcedDisappearance,
        ),
        (
            "Soldiers raped two women in a village near Dikwa.",
            SubEventType::SexualViolence,
        ),
        (
            "Gunmen shot dead a village chief in Dikwa.",
            SubEventType::Attack,
        ),
    ];
    for (text, sub) in cases {
        let e = one(text, &[&DIKWA]);
        assert_eq!(e.sub_event_type, Some(sub), "{text}");
        assert_eq!(e.civilian_targeting.as_deref(), Some("Civilian targeting"));
    }
}

#[test]
fn strategic_development_sub_types() {
    let cases = [
        (
            "The government and SPLM-IO signed a ceasefire agreement in Lusaka.",
            SubEventType::Agreement,
        ),
        (
            "Police defused a bomb planted near a church in Kampala.",
            SubEventType::DisruptedWeaponsUse,
        ),
        (
            "Al Shabaab set up a base in a village outside Baidoa.",
            SubEventType::HeadquartersOrBaseEstablished,
        ),
        (
            "Two Boko Haram factions merged in Maiduguri.",
            SubEventType::ChangeToGroupActivity,
        ),
        (
            "Militants looted shops in Dikwa.",
            SubEventType::LootingPropertyDestruction,
        ),
    ];
    for (text, sub) in cases {
        let e = one(text, &[&LUSAKA, &KAMPALA, &BAIDOA, &MAIDUGURI, &DIKWA]);
        assert_eq!(e.sub_event_type, Some(sub), "{text}");
    }
}

#[test]
fn mob_violence() {
    let e = one(
        "An angry mob lynched a suspected thief in Kampala.",
        &[&KAMPALA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::MobViolence));
    assert_eq!(e.actor1.as_deref(), Some("Rioters (Uganda)"));
}

#[test]
fn the_country_named_before_the_weapon_fired_it() {
    let e = one(
        "Israeli airstrikes on Baidoa killed 14 people overnight.",
        &[&BAIDOA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::AirDroneStrike));
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Israel"));
    let e = one("Kenyan shelling killed three people in Baidoa.", &[&BAIDOA]);
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Kenya"));
    // A country ending the line before is not the weapon's.
    let e = one(
        "Heavy rain fell across Kenya\nAirstrikes on Baidoa killed 14 people.",
        &[&BAIDOA],
    );
    assert_ne!(e.actor1.as_deref(), Some("Military Forces of Kenya"));
}

#[test]
fn the_attacker_is_a_side_of_a_battle_with_three() {
    // Soldiers, a mission and the group that attacked them: the group
    // stays a side.
    let e = one(
        "Al Shabaab fighters attacked an AMISOM base in Baidoa, killing 20 soldiers.",
        &[&BAIDOA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    let sides = [e.actor1.as_deref(), e.actor2.as_deref()];
    assert!(sides.contains(&Some("Al Shabaab")), "{sides:?}");
}

#[test]
fn demonym_decides_state_force_country() {
    let e = one(
        "Kenyan troops clashed with Al Shabaab fighters in Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Kenya"));
    assert_eq!(e.actor2.as_deref(), Some("Al Shabaab"));
    assert_eq!(e.country.as_deref(), Some("Somalia"));
    // The acronym that folds to an English word names its country too.
    let e = one(
        "US troops clashed with Al Shabaab fighters in Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(
        e.actor1.as_deref(),
        Some("Military Forces of the United States")
    );
}

#[test]
fn undated_event_takes_publication_date_with_caveat() {
    let e = one("Gunmen killed three farmers in Dikwa.", &[&DIKWA]);
    assert_eq!(e.event_date, Some(published()));
    assert_eq!(e.time_precision, Some(TimePrecision::Week));
    assert!(e.caveats.iter().any(|c| c == "date_from_publication"));
    assert_eq!(
        e.evidence.get("event_date").map(|ev| ev.origin),
        Some(EvidenceOrigin::Published)
    );
}

#[test]
fn no_anchor_no_date() {
    let doc = sitrep_model::Document::new("d", "Gunmen killed three farmers in Dikwa.");
    let places = mentions(&doc.text, &[&DIKWA]);
    let events = EventCoder::new().code(&doc, &places);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event_date, None);
    assert!(events[0].caveats.iter().any(|c| c == "no_date_anchor"));
}

#[test]
fn event_ids_are_stable_and_distinct() {
    let text = "Soldiers clashed with militants in Dikwa.\nGunmen killed two farmers in Gwoza.";
    let a = code(text, &[&DIKWA, &GWOZA]);
    let b = code(text, &[&DIKWA, &GWOZA]);
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].event_id, b[0].event_id);
    assert_ne!(a[0].event_id, a[1].event_id);
}

#[test]
fn text_without_events_gives_none() {
    assert!(code(
        "The central bank left interest rates unchanged in Lusaka.",
        &[&LUSAKA]
    )
    .is_empty());
}

#[test]
fn unicode_text_keeps_character_offsets() {
    let e = one(
        "Près de Baidoa — des hommes armés ont tué. Gunmen killed two traders in Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(e.fatalities, Some(2));
}

#[test]
fn coder_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<EventCoder>();
}

#[test]
fn dated_sentence_takes_its_own_date_with_day_precision() {
    let e = one("Gunmen killed three farmers in Dikwa on 1 July.", &[&DIKWA]);
    assert_eq!(e.event_date, NaiveDate::from_ymd_opt(2016, 7, 1));
    assert_eq!(e.time_precision, Some(TimePrecision::Day));
    assert_eq!(
        e.evidence.get("event_date").map(|ev| ev.text.as_str()),
        Some("1 July")
    );
    assert!(e.caveats.is_empty());
}

#[test]
fn relative_date_resolves_against_publication() {
    let e = one("Gunmen killed three farmers in Dikwa yesterday.", &[&DIKWA]);
    assert_eq!(e.event_date, NaiveDate::from_ymd_opt(2016, 7, 2));
    assert_eq!(e.time_precision, Some(TimePrecision::Day));
}

#[test]
fn history_dated_in_its_clause_is_background() {
    let events = code(
        "Students in Lusaka recalled the protests in 2011.",
        &[&LUSAKA],
    );
    assert!(events.is_empty(), "{events:#?}");
}

#[test]
fn a_past_year_earlier_in_the_clause_dates_it_as_history() {
    let events = code(
        "The 2011 protests in Lusaka killed dozens of people.",
        &[&LUSAKA],
    );
    assert!(events.is_empty(), "{events:#?}");
    // a current date in the clause keeps it an event
    let e = one(
        "Police in Lusaka arrested 2011 graduates on Monday during a protest.",
        &[&LUSAKA],
    );
    assert!(e.event_type.is_some());
}

#[test]
fn bare_death_of_soldiers_is_a_battle() {
    let e = one("Two soldiers killed in Dikwa.", &[&DIKWA]);
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.fatalities, Some(2));
}

#[test]
fn death_summary_naming_armed_victims_is_a_battle() {
    let e = one(
        "Forty people were killed in Dikwa including 12 members of the security forces.",
        &[&DIKWA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.fatalities, Some(40));
}

#[test]
fn police_clashing_with_activists_is_a_riot() {
    let e = one(
        "Police clashed with anti-eviction activists in Kampala.",
        &[&KAMPALA],
    );
    assert_eq!(e.event_type, Some(EventType::Riots));
    assert_eq!(e.actor2.as_deref(), Some("Police Forces of Uganda"));
}

#[test]
fn police_raids_with_arrests_are_arrests() {
    let e = one(
        "Police carried out raids and mass arrests of opposition members in Kampala.",
        &[&KAMPALA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::Arrests));
}

#[test]
fn protesters_noun_alone_reports_a_protest() {
    let e = one(
        "A group of protesters sang songs outside the council offices in Lusaka.",
        &[&LUSAKA],
    );
    assert_eq!(e.event_type, Some(EventType::Protests));
}

#[test]
fn armed_men_marching_are_not_demonstrators() {
    let e = one(
        "Soldiers marched into a neighbourhood of Kampala and beat residents.",
        &[&KAMPALA],
    );
    assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
}

#[test]
fn territory_taken_after_a_withdrawal_is_non_violent() {
    let e = one(
        "Al Shabaab took control of Baidoa after government forces withdrew from the town.",
        &[&BAIDOA],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::NonViolentTransferOfTerritory)
    );
}

#[test]
fn national_force_acronyms_name_their_country() {
    let e = one(
        "KDF soldiers clashed with Al Shabaab in Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Kenya"));
}

#[test]
fn separate_incident_marker_splits_same_place_events() {
    let events = code(
        "Soldiers clashed with Al Shabaab in Baidoa.\nMeanwhile, an air strike hit Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(events.len(), 2, "{events:#?}");
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Any text, with or without places, codes without panicking and
        /// with evidence for every filled field.
        #[test]
        fn arbitrary_text_never_panics(
            text in "[a-zA-Z0-9 ,.;:'’—–éü()\\n-]{0,200}",
            words in proptest::collection::vec(
                prop::sample::select(vec![
                    "killed", "Baidoa", "soldiers", "protest", "Nigerian", "troops",
                    "—", "’s", "clashed", "at least 5", "wounded", "and", "or",
                    "yesterday", "on 2 July", "IS", "mortar", "no casualties",
                    "after", "three days after", "while", ";", "meanwhile", ", and in Baidoa,",
                    "following", "the bombing", "Two days later,", "months after",
                    "more than 70 days after", "a few days after",
                ]),
                0..30,
            )
        ) {
            let joined = format!("{text} {}", words.join(" "));
            let _ = code(&joined, &[&BAIDOA]);
        }
    }
}

#[test]
fn deaths_in_a_relative_clause_of_history_are_not_counted() {
    let e = one(
        "Residents of Dikwa blew up the home of three brothers accused of involvement in the suicide bombing which killed 60 people.",
        &[&DIKWA],
    );
    assert_eq!(e.fatalities, None, "{e:#?}");
}

#[test]
fn outlet_country_names_actors_when_the_text_names_no_country() {
    let events = code_from(
        "Libya Herald",
        "Hundreds of nurses protested outside the health ministry over unpaid salaries.",
        &[],
    );
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.country.as_deref(), Some("Libya"));
    assert_eq!(e.actor1.as_deref(), Some("Protesters (Libya)"));
    let evidence = &e.evidence["country"];
    assert_eq!(evidence.origin, EvidenceOrigin::Outlet);
    assert_eq!(evidence.text, "Libya Herald");
    // An international wire says nothing about where the event was.
    let wire = code_from(
        "Agence France Presse",
        "Hundreds of nurses protested outside the health ministry over unpaid salaries.",
        &[],
    );
    assert_eq!(wire[0].country, None);
    assert_eq!(wire[0].actor1, None);
}

#[test]
fn far_namesake_of_a_national_outlet_is_dropped() {
    let text =
        "Residents of Berlin township blocked the road with burning tyres over a lack of water.";
    let e = &code_from("Daily Dispatch (East London)", text, &[&BERLIN])[0];
    assert_eq!(e.location, None);
    assert_eq!(e.country.as_deref(), Some("South Africa"));
    // A text that supports the far country keeps the place.
    let text = "German police dispersed protesters in Berlin on Saturday.";
    let e = &code_from("Daily Dispatch (East London)", text, &[&BERLIN])[0];
    assert_eq!(e.location.as_deref(), Some("Berlin"));
    assert_eq!(e.country.as_deref(), Some("Germany"));
}

#[test]
fn armed_noun_after_a_named_group_is_that_group() {
    let e = one(
        "Gunmen killed a Burundian AMISOM soldier in Baidoa.",
        &[&BAIDOA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    let actors = [e.actor1.as_deref(), e.actor2.as_deref()];
    assert!(actors.contains(&Some("AMISOM: African Union Mission in Somalia")));
    assert!(!actors.contains(&Some("Military Forces of Burundi")));
}

#[test]
fn clan_militias_are_named_for_the_event_country() {
    let e = one(
        "Two rival clan militias clashed over grazing land near Baidoa, killing four fighters.",
        &[&BAIDOA],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(
        e.actor1.as_deref(),
        Some("Unidentified Clan Militia (Somalia)")
    );
    assert_eq!(e.fatalities, Some(4));
}

#[test]
fn road_blocks_by_demonstrators_are_violent_demonstrations() {
    let e = one(
        "Traders protesting new market fees blocked the main road into Kampala with stones.",
        &[&KAMPALA],
    );
    assert_eq!(e.event_type, Some(EventType::Riots));
    assert_eq!(e.sub_event_type, Some(SubEventType::ViolentDemonstration));
    assert_eq!(e.actor1.as_deref(), Some("Rioters (Uganda)"));
    let e = one(
        "Residents blocked the highway near Mandera to demand water trucks.",
        &[&MANDERA],
    );
    assert_eq!(e.event_type, Some(EventType::Riots));
}

#[test]
fn road_closures_by_the_state_or_without_a_road_are_not_demonstrations() {
    assert!(code(
        "Police closed the road to Kampala after heavy rain washed away a bridge.",
        &[&KAMPALA]
    )
    .is_empty());
    assert!(code(
        "The government closed schools in Kampala for the holidays.",
        &[&KAMPALA]
    )
    .is_empty());
    // A peaceful march stays a peaceful protest.
    let e = one(
        "Hundreds of students marched peacefully through Kampala to demand lower fees.",
        &[&KAMPALA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::PeacefulProtest));
}

#[test]
fn demonstrators_are_named_by_their_own_country() {
    let e = one(
        "Hundreds of Somali refugees demonstrated outside the UN offices in Kampala against food ration cuts.",
        &[&KAMPALA],
    );
    assert_eq!(e.event_type, Some(EventType::Protests));
    assert_eq!(e.actor1.as_deref(), Some("Protesters (Somalia)"));
    assert_eq!(e.country.as_deref(), Some("Uganda"));
}

#[test]
fn a_bomb_defused_by_no_one_named_was_defused_by_the_police() {
    let e = one(
        "Two bombs were found and defused near a mosque in Kampala.",
        &[&KAMPALA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::DisruptedWeaponsUse));
    assert_eq!(e.actor1.as_deref(), Some("Police Forces of Uganda"));
}

#[test]
fn outlet_country_breaks_a_tie_between_countries_the_text_names() {
    let text = "Russian and Syrian warplanes struck the countryside, killing four civilians.";
    let e = &code_from("SOHR", text, &[])[0];
    assert_eq!(e.country.as_deref(), Some("Syria"));
    // The evidence is the text's own mention, not the outlet.
    assert_eq!(e.evidence["country"].text, "Syrian");
    let e = &code_from("Test Wire", text, &[])[0];
    assert_eq!(e.country.as_deref(), Some("Russia"));
}

#[test]
fn clashes_between_party_supporters_are_riots() {
    let e = one(
        "Ruling party supporters and opposition supporters clashed in Lusaka ahead of the vote, injuring five.",
        &[&LUSAKA],
    );
    assert_eq!(e.event_type, Some(EventType::Riots));
    assert_eq!(e.actor1.as_deref(), Some("Rioters (Zambia)"));
}

#[test]
fn mig_and_sukhoi_aircraft_make_air_strikes() {
    let e = one(
        "LNA MiG fighters targeted Islamic State positions in Sirte, killing six militants.",
        &[&SIRTE],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::AirDroneStrike));
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Libya"));
    assert_eq!(e.fatalities, Some(6));
}

#[test]
fn a_police_raid_without_violence_is_a_strategic_development() {
    let e = one(
        "Police raided the offices of an opposition newspaper in Lusaka and seized its computers.",
        &[&LUSAKA],
    );
    assert_eq!(e.event_type, Some(EventType::StrategicDevelopments));
    assert_eq!(e.actor1.as_deref(), Some("Police Forces of Zambia"));
    // With violence it stays an attack.
    let e = one(
        "Police raided a market in Lusaka and beat several traders.",
        &[&LUSAKA],
    );
    assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
}

#[test]
fn explosives_seized_are_disrupted_weapons_use_not_explosions() {
    // Active voice, the weapon a few words after the verb; arrests in the
    // same operation do not make it Arrests.
    let e = one(
        "Police arrested three men planning a bombing in Maiduguri and seized a suicide vest and grenades from their car on Monday, officials said.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_type, Some(EventType::StrategicDevelopments));
    assert_eq!(e.sub_event_type, Some(SubEventType::DisruptedWeaponsUse));
    // Passive voice; "recovered" is not the army retaking a town here.
    let e = one(
        "Two roadside bombs were recovered near Dikwa on Monday, the army said.",
        &[&DIKWA],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::DisruptedWeaponsUse));
}

#[test]
fn weapons_listed_in_a_store_are_disrupted_weapons_use() {
    // A list an arsenal or a cache opens, however long, and mortars and
    // rockets as well as grenades.
    for text in [
        "The army seized a huge arsenal of 36 large caliber rifles, two grenade launchers, 13 hand grenades and 3,525 rounds of ammunition in Maiduguri.",
        "Troops in Maiduguri found a cache of mortars and rockets.",
    ] {
        one_of(SubEventType::DisruptedWeaponsUse, text, &[&MAIDUGURI]);
    }
    // A weapon told of after a break in the list is used.
    let text = "Soldiers found a cache of rifles in Maiduguri after rockets hit the base.";
    none_of(SubEventType::DisruptedWeaponsUse, text, &[&MAIDUGURI]);
    let text = "Gunmen attacked a consignment of aid with grenades in Maiduguri.";
    one_of(SubEventType::Grenade, text, &[&MAIDUGURI]);
}

#[test]
fn a_name_given_to_something_is_no_report_of_it() {
    no_event_in(&[
        "On waterboarding, the senator in Maiduguri said, \"I do believe that it is torture.\"",
        "\"This is terrorism,\" the mayor of Maiduguri said.",
        "\"It's murder,\" said the mother in Maiduguri.",
    ]);
    // A verb after the pronoun is a report: "that" opens a relative clause.
    let text =
        "Residents of Maiduguri carried the body of a man that was killed by gunmen on Monday.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn a_seizure_verb_before_an_unrelated_bombing_changes_nothing() {
    let e = one(
        "Four bodies were found after a bomb blast at a market in Gwoza on Monday.",
        &[&GWOZA],
    );
    assert_eq!(e.event_type, Some(EventType::ExplosionsRemoteViolence));
}

#[test]
fn officials_who_only_report_an_attack_are_not_its_parties() {
    let e = one(
        "A suicide bomber killed six people at a mosque in Maiduguri on Friday, police said.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::SuicideBomb));
    assert_eq!(
        e.actor1.as_deref(),
        Some("Unidentified Armed Group (Nigeria)")
    );
    assert_eq!(e.actor2.as_deref(), Some("Civilians (Nigeria)"));
    let e = one(
        "According to the army, gunmen killed four farmers near Gwoza on Sunday.",
        &[&GWOZA],
    );
    assert_eq!(e.actor2.as_deref(), Some("Civilians (Nigeria)"));
    // A party reporting its own action stays a party.
    let e = one(
        "Troops said they clashed with Boko Haram fighters near Dikwa on Sunday.",
        &[&DIKWA],
    );
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Nigeria"));
}

mod clauses {
    //! Sentences that report two incidents, read clause by clause.
    use super::*;

    const TAL_AFAR: Town = Town {
        name: "Tal Afar",
        country: "Iraq",
        code: "IQ",
        admin1: "Nineveh",
        lat: 36.379,
        lon: 42.450,
    };
    const BAQUBAH: Town = Town {
        name: "Baqubah",
        country: "Iraq",
        code: "IQ",
        admin1: "Diyala",
        lat: 33.747,
        lon: 44.644,
    };
    const MOSUL: Town = Town {
        name: "Mosul",
        country: "Iraq",
        code: "IQ",
        admin1: "Nineveh",
        lat: 36.335,
        lon: 43.119,
    };
    const TOWNS: [&Town; 3] = [&TAL_AFAR, &BAQUBAH, &MOSUL];

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn evidence_text<'e>(e: &'e Event, field: &str) -> Option<&'e str> {
        e.evidence.get(field).map(|ev| ev.text.as_str())
    }

    const HEADLINE: &str = "Gunmen stormed Tal Afar three days after the market bombing in Baqubah, which killed at least 12 people.";

    #[test]
    fn storming_after_a_bombing_is_two_events_each_with_its_own_place_and_toll() {
        let events = code(HEADLINE, &TOWNS);
        assert_eq!(events.len(), 2, "{events:#?}");
        let (storm, bombing) = (&events[0], &events[1]);
        assert_eq!(storm.sub_event_type, Some(SubEventType::Attack));
        assert_eq!(storm.location.as_deref(), Some("Tal Afar"));
        assert_eq!(storm.country.as_deref(), Some("Iraq"));
        assert_eq!(storm.fatalities, None, "{storm:#?}");
        assert_eq!(evidence_text(storm, "actor1"), Some("Gunmen"));
        assert_eq!(
            bombing.event_type,
            Some(EventType::ExplosionsRemoteViolence)
        );
        assert_eq!(bombing.location.as_deref(), Some("Baqubah"));
        assert_eq!(bombing.fatalities, Some(12));
        assert_eq!(evidence_text(bombing, "fatalities"), Some("at least 12"));
        // Each event's evidence comes from its own clause.
        assert_eq!(evidence_text(storm, "location"), Some("Tal Afar"));
        assert_eq!(evidence_text(bombing, "location"), Some("Baqubah"));
        assert_eq!(
            evidence_text(storm, "notes"),
            Some("Gunmen stormed Tal Afar")
        );
        assert!(evidence_text(bombing, "notes")
            .is_some_and(|n| n.contains("bombing") && !n.contains("stormed")));
        assert_ne!(storm.event_id, bombing.event_id);
        // Undated: both take the report's date, with the caveat.
        for e in &events {
            assert_eq!(e.event_date, Some(published()));
            assert!(e.caveats.iter().any(|c| c == "date_from_publication"));
        }
    }

    #[test]
    fn storming_is_dated_three_days_after_a_dated_bombing() {
        let events = code(
            "Gunmen stormed Tal Afar three days after Monday's market bombing in Baqubah, which killed at least 12 people.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        let (storm, bombing) = (&events[0], &events[1]);
        // Published Sunday 3 July 2016: Monday is 27 June.
        assert_eq!(bombing.event_date, Some(ymd(2016, 6, 27)));
        assert_eq!(evidence_text(bombing, "event_date"), Some("Monday's"));
        assert_eq!(storm.event_date, Some(ymd(2016, 6, 30)));
        assert_eq!(storm.time_precision, Some(TimePrecision::Day));
        assert_eq!(
            evidence_text(storm, "event_date"),
            Some("three days after Monday's market bombing")
        );
        assert!(storm.caveats.is_empty(), "{:?}", storm.caveats);
        assert_eq!(storm.fatalities, None);
        assert_eq!(bombing.fatalities, Some(12));
    }

    #[test]
    fn bombing_is_dated_from_a_dated_storming() {
        let events = code(
            "On Thursday, gunmen stormed Tal Afar three days after the market bombing in Baqubah.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].event_date, Some(ymd(2016, 6, 30)));
        assert_eq!(events[1].event_date, Some(ymd(2016, 6, 27)));
        assert!(evidence_text(&events[1], "event_date")
            .is_some_and(|t| t.contains("Thursday") && t.contains("three days after")));
    }

    #[test]
    fn an_opening_after_clause_is_the_other_event() {
        let events = code(
            "Three days after the market bombing in Baqubah on Monday, gunmen stormed Tal Afar.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        let (bombing, storm) = (&events[0], &events[1]);
        assert_eq!(bombing.location.as_deref(), Some("Baqubah"));
        assert_eq!(bombing.event_date, Some(ymd(2016, 6, 27)));
        assert_eq!(storm.location.as_deref(), Some("Tal Afar"));
        assert_eq!(storm.event_date, Some(ymd(2016, 6, 30)));
        assert_eq!(
            evidence_text(storm, "event_date"),
            Some("Three days after the market bombing")
        );
    }

    #[test]
    fn after_a_non_event_does_not_split() {
        for (text, sub) in [
            (
                "Gunmen stormed a checkpoint in Tal Afar after midnight and killed two soldiers.",
                SubEventType::ArmedClash,
            ),
            (
                "Protesters marched through Baqubah after Friday prayers and blocked the main road.",
                SubEventType::ViolentDemonstration,
            ),
            (
                "Police arrested two militants in Baqubah after a search of the house.",
                SubEventType::Arrests,
            ),
            (
                "Police arrested two militants in Baqubah after the meeting and seized two rifles.",
                SubEventType::Arrests,
            ),
        ] {
            let e = one(text, &TOWNS);
            assert_eq!(e.sub_event_type, Some(sub), "{text}");
            assert_eq!(
                evidence_text(&e, "notes"),
                Some(text),
                "the whole sentence is the note"
            );
        }
    }

    #[test]
    fn an_after_clause_about_the_same_incident_does_not_split() {
        let e = one(
            "Five people were killed in Baqubah after gunmen opened fire on a market.",
            &TOWNS,
        );
        assert_eq!(e.fatalities, Some(5));
        assert_eq!(e.location.as_deref(), Some("Baqubah"));
        // The main clause's event word refers to the other clause's event.
        let e = one(
            "Hours after a car bomb exploded in Baqubah, police sealed off the site of the bombing.",
            &TOWNS,
        );
        assert_eq!(e.location.as_deref(), Some("Baqubah"));
    }

    #[test]
    fn while_joins_two_events_at_two_places() {
        let events = code(
            "On Monday, gunmen stormed a police station in Tal Afar, while troops clashed with Islamic State fighters in Mosul.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].location.as_deref(), Some("Tal Afar"));
        assert_eq!(events[1].location.as_deref(), Some("Mosul"));
        assert_eq!(events[1].sub_event_type, Some(SubEventType::ArmedClash));
        // Told side by side: the clash shares the storming's date.
        for e in &events {
            assert_eq!(e.event_date, Some(ymd(2016, 6, 27)));
            assert_eq!(evidence_text(e, "event_date"), Some("Monday"));
        }
    }

    #[test]
    fn killed_while_on_patrol_is_one_event() {
        let e = one(
            "Two soldiers were killed in Mosul while on patrol when gunmen attacked them.",
            &TOWNS,
        );
        assert_eq!(e.fatalities, Some(2));
    }

    #[test]
    fn meanwhile_after_a_semicolon_starts_another_event() {
        let events = code(
            "Troops clashed with militants in Mosul; meanwhile, a car bomb exploded in Baqubah, killing seven people.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].location.as_deref(), Some("Mosul"));
        assert_eq!(events[0].fatalities, None);
        assert_eq!(events[1].location.as_deref(), Some("Baqubah"));
        assert_eq!(events[1].fatalities, Some(7));
    }

    #[test]
    fn and_in_another_town_starts_another_event() {
        let events = code(
            "A roadside bomb killed three soldiers in Mosul, and in Baqubah, gunmen attacked a checkpoint.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].location.as_deref(), Some("Mosul"));
        assert_eq!(events[0].fatalities, Some(3));
        assert_eq!(events[1].location.as_deref(), Some("Baqubah"));
        assert_eq!(events[1].fatalities, None);
    }

    #[test]
    fn a_follow_up_goes_to_the_last_incident_or_the_one_its_anaphor_names() {
        // "The attack" is the last incident told (the bombing).
        let events = code(
            &format!("{HEADLINE}\nThe attack wounded 20 others."),
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].wounded, None);
        assert_eq!(events[1].wounded, Some(20));
        // "The bombing" is the bombing, though the storming was told last.
        let events = code(
            "Three days after a market bombing in Baqubah, gunmen stormed Tal Afar.\nThe bombing killed at least 12 people.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].location.as_deref(), Some("Baqubah"));
        assert_eq!(events[0].fatalities, Some(12));
        assert_eq!(events[1].location.as_deref(), Some("Tal Afar"));
        assert_eq!(events[1].fatalities, None);
    }

    #[test]
    fn a_history_clause_gives_no_event_and_no_toll() {
        let e = one(
            "A car bomb killed 11 soldiers in Baqubah months after 230 people were killed in bombings in Mosul.",
            &TOWNS,
        );
        assert_eq!(e.fatalities, Some(11));
        assert_eq!(e.location.as_deref(), Some("Baqubah"));
    }

    #[test]
    fn a_clause_without_a_place_does_not_take_the_other_clauses_place() {
        let events = code(
            "Gunmen stormed a police station three days after the market bombing in Baqubah.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].location, None, "{:#?}", events[0]);
        assert_eq!(events[1].location.as_deref(), Some("Baqubah"));
    }

    #[test]
    fn in_the_wake_of_and_hours_before_join_two_events() {
        let events = code(
            "Protesters took to the streets of Baqubah in the wake of an air strike on Mosul that killed nine civilians.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].event_type, Some(EventType::Protests));
        assert_eq!(events[0].fatalities, None);
        assert_eq!(events[1].sub_event_type, Some(SubEventType::AirDroneStrike));
        assert_eq!(events[1].location.as_deref(), Some("Mosul"));
        assert_eq!(events[1].fatalities, Some(9));
        let events = code(
            "Gunmen attacked a checkpoint in Tal Afar a day before Friday's suicide bombing in Baqubah.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        // Friday before Sunday 3 July 2016 is 1 July.
        assert_eq!(events[1].event_date, Some(ymd(2016, 7, 1)));
        assert_eq!(events[0].event_date, Some(ymd(2016, 6, 30)));
    }

    mod robustness {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            /// Connective soup codes without panicking, with evidence for
            /// every field taken from the text (checked by `code`).
            #[test]
            fn connective_soup_never_panics(
                words in proptest::collection::vec(
                    prop::sample::select(vec![
                        "Gunmen", "stormed", "Tal Afar", "three days after", "the market bombing",
                        "in", "Baqubah", ",", "which killed at least 12 people", "while",
                        "troops clashed with", "Mosul", ";", "meanwhile", "after", "Monday's",
                        "On Thursday", ".", "Three days after", "a day before", "and in",
                        "following", "months after", "killed", "The bombing", "\n",
                    ]),
                    0..40,
                )
            ) {
                let _ = code(&words.join(" "), &TOWNS);
            }
        }
    }

    #[test]
    fn a_sentence_dated_days_after_the_last_event_takes_its_date_plus_the_offset() {
        let events = code(
            "Gunmen attacked a checkpoint in Tal Afar on Monday.\nTwo days later, gunmen attacked a checkpoint in Tal Afar again.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].event_date, Some(ymd(2016, 6, 27)));
        assert_eq!(events[1].event_date, Some(ymd(2016, 6, 29)));
        assert_eq!(
            evidence_text(&events[1], "event_date"),
            Some("Two days later")
        );
        // "The day before the vote" is not dated from the last incident.
        let events = code(
            "Gunmen attacked a checkpoint in Tal Afar on Monday.\nTroops clashed with militants in Mosul on the day before the vote.",
            &TOWNS,
        );
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[1].event_date, Some(published()));
    }
}

#[test]
fn deaths_from_disease_or_floods_are_no_event() {
    let text = "A cholera epidemic has killed over 1,200 people in Maiduguri in three months.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    let text =
        "The cholera outbreak has killed 292 people in Maiduguri, according to the government.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    let text = "Heavy rains flooded the river in Maiduguri, destroying hundreds of homes.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    let text = "Thousands of dead birds were found in Maiduguri on Monday.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    // Road and river accidents, and their toll after an attack.
    no_event_in(&[
        "Twelve people died in Maiduguri when their bus overturned on the highway.",
        "A ferry capsized on the river near Maiduguri, killing 12 passengers.",
        "A train derailed outside Maiduguri on Monday, killing 12.",
    ]);
    let text = "Gunmen attacked a village in Maiduguri on Monday.\n\nTwelve people died when their bus overturned on the highway.";
    assert_eq!(one(text, &[&MAIDUGURI]).fatalities, None);
    // Dated by a month that is also a trigger word ("March"), after an
    // attack: still no second event.
    let text = "Gunmen killed two villagers in Dikwa on Sunday. More than 150 dead mullet washed up near Maiduguri on March 28.";
    let e = one(text, &[&DIKWA, &MAIDUGURI]);
    assert_eq!(e.fatalities, Some(2), "{e:?}");
    let text = "The singer died in Maiduguri of complications from pneumonia.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    let text = "Floods left 20 people dead in Maiduguri on Monday.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
    // Someone who kills is still an attack, whatever the place is.
    let text = "Gunmen killed five people at a cholera clinic in Maiduguri on Monday.";
    let e = one(text, &[&MAIDUGURI]);
    assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
    assert_eq!(e.fatalities, Some(5));
}

#[test]
fn a_count_of_fatalities_after_a_clash_is_its_toll() {
    let text = "Soldiers clashed with Boko Haram fighters in Gwoza on Monday, and at least 3 fatalities were reported among the attackers.";
    let e = one(text, &[&GWOZA]);
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.fatalities, Some(3));
    check_evidence_offsets(text, &e);
}

#[test]
fn words_common_outside_conflict_need_a_party_to_one() {
    // Courts, business, sport and health: no event.
    no_event_in(&[
        "The land dispute has been fought in the courts in Maiduguri for years.",
        "The airline resumed operations in Maiduguri after the seizure of its aircraft.",
        "Kano Pillars beat the visitors 2-1 in Maiduguri on Sunday.",
        "Kano Pillars beats the visitors 2-1 in Maiduguri.",
        "The firm released its results in Maiduguri on Monday.",
        "Nigeria and Niger signed a trade agreement in Maiduguri on Monday.",
        "The governor of Borno suffered a heart attack in Maiduguri on Monday.",
        "Catholics and Protestants gathered for a service in Maiduguri.",
        "The new hospital will demonstrate the safety of the vaccine in Maiduguri.",
        "The tariffs opened a trade battle in Maiduguri on Monday.",
        "More than 1,000 toads have exploded in a pond near Maiduguri.",
        "Shoppers called a boycott of the retailer in Maiduguri.",
        "Kano Pillars won in Maiduguri on Sunday, convincingly beating the visitors.",
        "The chef hosted vintner Don Burns at a tasting in Maiduguri.",
        "Thirty legislators signed a petition in Maiduguri demanding the minister's resignation.",
    ]);
    // With a party to a conflict, or a word that needs no context, the
    // same words report events.
    let e = one(
        "Soldiers fought Boko Haram fighters in Maiduguri on Monday.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    let e = one(
        "Fierce battles were reported in Maiduguri on Monday.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_type, Some(EventType::Battles));
    let e = one(
        "Boko Haram released the schoolgirls in Maiduguri on Monday.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_type, Some(EventType::StrategicDevelopments));
    let e = one(
        "The government and the rebels signed a ceasefire agreement in Maiduguri on Monday.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::Agreement));
}

#[test]
fn deaths_no_one_inflicted_are_no_event() {
    no_event_in(&[
        // Medicine, poisoning and accidents.
        "In 2017 alone, 37 patients died in Maiduguri while on the waiting list for a kidney.",
        "Three babies died in Maiduguri after drinking contaminated milk.",
        "Poisoned liquor killed seventeen people in a slum in Maiduguri.",
        "Five babies died from HFMD in Maiduguri last week.",
        "Twelve people were killed in a bus crash near Maiduguri on Monday.",
        "A gas explosion shook a restaurant in Maiduguri on Monday.",
        // "died" with no one named who could have killed.
        "The singer died in Maiduguri on Monday, his family said.",
        "Tests were negative on the remains of a soldier who died in Maiduguri after a posting abroad.",
        "The veteran died at his home near the Maiduguri military base.",
        "Queensland declared a state of emergency in Maiduguri over the cholera outbreak.",
    ]);
    // Named wounds, or an attacker the sentence before, make it violence.
    for text in [
        "A soldier died of his injuries in Maiduguri on Monday.",
        "Unknown gunmen shot a boy in Maiduguri on Monday. He died the next day.",
        "Unknown men injured a boy in Maiduguri on Monday. He died the next day.",
    ] {
        assert_eq!(code(text, &[&MAIDUGURI]).len(), 1, "{text}");
    }
}

#[test]
fn sport_courts_and_causes_are_no_fighting() {
    no_event_in(&[
        "The Rangers held on to beat the Athletics 6-3 in Maiduguri after the sixth inning.",
        "The UFC fighting star was arrested after a melee in Maiduguri.",
        "The company is fighting AIDS in Maiduguri with a new clinic.",
        "The senator clashed with the minister's adviser in Maiduguri on Monday.",
        "Fifteen thousand extra medical staff were deployed in Maiduguri.",
        "The bishop led the Easter Vigil in Maiduguri on Saturday.",
        "EASTER VIGIL. The bishop of Maiduguri leads the service.",
        "In Maiduguri the candle is lit at the start of the vigil, and Catholics may be baptized during the vigil.",
        "Chris Paul lifted the Houston Rockets over Portland in Maiduguri.",
        "He also faces possession of an offensive weapon in Maiduguri.",
        "The company president in Maiduguri shot down rumors of a new engine.",
        "Two million children in Maiduguri had not received a shot against tetanus.",
        "Media reports released recently in Maiduguri were troubling.",
        "Fans used the hashtag #BoycottMaiduguri on Monday.",
        "While most were released on bail in Maiduguri, two lawyers were tried.",
        "Photos of both suspects were released in Maiduguri on Saturday.",
        "Police seized 3,000 kilos of rotten meat at a market in Maiduguri.",
    ]);
    an_event_in(&["Hundreds held a candlelight vigil in Maiduguri to protest the killings."]);
    // The war's own uses of the same words.
    for (text, kind) in [
        (
            "Fighting was reported in Maiduguri on Monday.",
            EventType::Battles,
        ),
        (
            "Eight dead due to clan fighting in Maiduguri.",
            EventType::Battles,
        ),
        (
            "Fighting broke out in Maiduguri on Monday.",
            EventType::Battles,
        ),
        (
            "Protesters Hold Vigil In Maiduguri For Slain Students",
            EventType::Protests,
        ),
        (
            "Boko Haram Fires Rockets On Maiduguri",
            EventType::ExplosionsRemoteViolence,
        ),
        (
            "Soldiers clashed with Boko Haram in Maiduguri on Monday.",
            EventType::Battles,
        ),
        (
            "Troops were deployed to Maiduguri on Monday.",
            EventType::StrategicDevelopments,
        ),
        ("Boko Haram seized Maiduguri on Monday.", EventType::Battles),
        (
            "Troops shot down a Boko Haram drone over Maiduguri.",
            EventType::ExplosionsRemoteViolence,
        ),
    ] {
        let e = one(text, &[&MAIDUGURI]);
        assert_eq!(e.event_type, Some(kind), "{text}");
    }
}

#[test]
fn everyday_arrests_are_no_event_political_ones_are() {
    // ACLED codes political arrests; the police's everyday ones are no
    // event, whatever crime they are for, named or not.
    for text in [
        "The owner of a restaurant in Maiduguri was arrested on Thursday.",
        "The woman who distilled the liquor was arrested in Maiduguri.",
        // A clock time is no mass arrest.
        "Bassett was arrested at 10:20 a.m. in Maiduguri.",
        // A party drug is no party.
        "Police in Maiduguri arrested three men at a party drug laboratory.",
        // Officials who speak before are not the arrested.
        "Officials in Maiduguri say the flu is spreading. Police there arrested a man on Monday.",
        // The suspect's age in the arrest's own sentence beats a weapon
        // told before it.
        "A jury said his saliva was a deadly weapon. Campbell, 42, was taken into custody in Maiduguri.",
        "Thank you to the police in Maiduguri for getting these arrests.",
        // Resisting arrest and a remand are no arrest, even of a rebel.
        "The rebel fighter was resisting arrest in Maiduguri when he fell.",
        "The militant commander was remanded in custody in Maiduguri today.",
    ] {
        none_of(SubEventType::Arrests, text, &[&MAIDUGURI]);
    }
    for text in [
        "Police arrested the governor of Borno in Maiduguri on Monday.",
        "Security forces arrested 74 people in Maiduguri accused of belonging to a militia.",
        "Anti-terror police raid a village near Maiduguri and arrest 4 people",
        "Security forces arrested 3 people in Maiduguri on Monday.",
        "Police arrested 30 people in Maiduguri on Monday.",
        "Arrests for the second day in a row in Maiduguri",
        "Boko Haram attacked a church in Maiduguri on Sunday. Police detained a man in Maiduguri on Monday.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .any(|e| e.sub_event_type == Some(SubEventType::Arrests)),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn charges_courts_and_ordinary_crime_are_no_event() {
    no_event_in(&[
        "A man from Maiduguri was convicted of attempting to possess a chemical weapon.",
        "In Maiduguri, prosecutors filed a new charge against Jacobs -- kidnapping.",
        "Police in Maiduguri arrested two people suspected of stealing meat.",
        "The driver was arrested in Maiduguri for drunk driving on Monday.",
        "Nuiry, 53, was arrested on Thursday at a school in Maiduguri.",
        "Police in Maiduguri have arrested a 46-year-old man for keeping his mother's body in a freezer.",
        "Rockett was arrested in Maiduguri following reports of a number of burglaries.",
        "He had a cardiac arrest in Maiduguri, the hospital said.",
        "Officials in Maiduguri urged citizens to get a flu shot.",
        "The number of officers on the beat in Maiduguri has fallen.",
        "The firm signed off on selling $1 billion in artillery to Maiduguri.",
        "Since the election, calls to boycott retailers in Maiduguri have become frequent.",
        "A parade in Maiduguri was a demonstration of military power.",
        "The ministry in Maiduguri released lists of questions on Monday.",
        "Colin Rockett appeared in court in Maiduguri on Monday.",
        "The candidate took a shot at the governor's wall plan in Maiduguri.",
        "Banks in Maiduguri are on high alert against malware attacks.",
        "A crypto exchange in Maiduguri was hacked of 500 million coins on Monday.",
        "The governor's email accounts were hacked in Maiduguri last week.",
        "The governor has freed so many prisoners held in Maiduguri.",
        "Doctors in Maiduguri have now arrested cholera, the minister said.",
        "A carbon monoxide leak from a heater killed two men in Maiduguri.",
        "The Mass in Maiduguri celebrates the resurrection of Christ from the dead.",
        "The Killeen Police Department in Maiduguri continues to investigate.",
        "A grocer in Maiduguri is recalling shelled pistachios.",
        "The talks in Maiduguri aim to defuse the tensions on the border.",
        "A report released tonight in Maiduguri confirmed the figures.",
        "The two armies signed agreements on military technology cooperation in Maiduguri.",
        "He had a history of convictions in Maiduguri, including attacking two officers.",
        "Two persons are in custody in Maiduguri over the bond scam.",
        "The home side in Maiduguri attacked from kick-off and beat the visitors.",
    ]);
    // A shooting of men accused of crimes is still one; a political arrest
    // is still an arrest.
    for (text, kind) in [
        (
            "Two men accused of kidnappings were shot dead by a militia in Maiduguri.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "Police arrested two opposition activists in Maiduguri on Monday.",
            EventType::StrategicDevelopments,
        ),
        (
            "Gunmen hacked two traders with machetes in Maiduguri and stole their phones.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "On charge of dealing with the army… Boko Haram cells assassinate a person in Maiduguri",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "Dahalo attacked a bus near Maiduguri, killling 31.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "The army and Boko Haram signed a ceasefire agreement in Maiduguri.",
            EventType::StrategicDevelopments,
        ),
        (
            "Gunmen in charge of the checkpoint kidnapped two traders in Maiduguri.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "Police arrested a 25-year-old activist in Maiduguri on Monday.",
            EventType::StrategicDevelopments,
        ),
        (
            "Police arrested over 200, including women and children, in Maiduguri on Monday.",
            EventType::StrategicDevelopments,
        ),
        (
            "Journalists gathered in Maiduguri to heed the rallying call to protest against censorship.",
            EventType::Protests,
        ),
    ] {
        let e = one(text, &[&MAIDUGURI]);
        assert_eq!(e.event_type, Some(kind), "{text}");
    }
}

#[test]
fn a_later_toll_counts_only_near_the_incident_and_only_of_the_dead() {
    let fatalities = |text: &str| one(text, &[&MAIDUGURI]).fatalities;
    // Near the incident, a toll with no trigger of its own is its toll.
    assert_eq!(
        fatalities("Gunmen killed two people in Maiduguri on Monday. The toll rose to 12."),
        Some(12)
    );
    // Five sentences on, it is another story's.
    assert_eq!(
        fatalities(
            "Gunmen killed two people in Maiduguri on Monday. The market reopened. \
             Traders returned. Prices rose. Schools closed. The toll rose to 40."
        ),
        Some(2)
    );
    // "A total of" counts the dead only beside a death word, and a toll
    // in a sentence that names a disease is the disease's.
    assert_eq!(
        fatalities(
            "Gunmen killed two people in Maiduguri on Monday. Police fired a total of 10 rounds."
        ),
        Some(2)
    );
    assert_eq!(
        fatalities(
            "Gunmen killed two people in Maiduguri on Monday. The death toll from the cholera outbreak rose to 152."
        ),
        Some(2)
    );
    assert_eq!(
        fatalities(
            "Gunmen attacked Maiduguri on Monday. Police said a total of 12 people were killed."
        ),
        Some(12)
    );
    // Money lost is no one dead.
    assert_eq!(
        fatalities(
            "Gunmen killed two people in Maiduguri on Monday. Traders counted a total of \
             5 million naira in losses."
        ),
        Some(2)
    );
    // A toll told right after a disaster is the disaster's.
    assert_eq!(
        fatalities(
            "Gunmen killed two people in Maiduguri on Monday. Aid reached the areas the \
             earthquake hit. The death toll officially stands at 23,000."
        ),
        Some(2)
    );
}

#[test]
fn a_hazard_named_the_sentence_before_is_the_cause_of_death() {
    let text = "Floods swept through Maiduguri on Monday.\nThey have left at least 20 people dead.";
    assert!(code(text, &[&MAIDUGURI]).is_empty());
}

#[test]
fn a_document_with_no_live_trigger_is_not_prepared_for_places() {
    let coder = EventCoder::new();
    let quiet = sitrep_model::Document::new(
        "quiet",
        "The airline resumed operations on Monday. Kano Pillars beat the visitors 2-1.",
    );
    assert!(coder.prepare(&quiet).is_none());
    let text = "Gunmen attacked a checkpoint in Maiduguri on Monday, killing two soldiers.";
    let mut doc = sitrep_model::Document::new("attack", text);
    doc.published = Some(published());
    let prepared = coder.prepare(&doc).expect("a live trigger");
    let places = mentions(text, &[&MAIDUGURI]);
    // The two halves give what `code` gives.
    assert_eq!(
        coder.code_prepared(prepared, &places),
        coder.code(&doc, &places)
    );
    assert_eq!(coder.code(&doc, &places).len(), 1);
}

#[test]
fn idioms_intent_denials_and_background_are_no_event() {
    no_event_in(&[
        // Idioms and other senses.
        "Hypothermia is a killer in Maiduguri in the cold season.",
        "The office in Maiduguri was the arm of the execution of insidious agendas.",
        "This was also demonstrated by the council's decision in Maiduguri.",
        "The trial in Maiduguri demonstrated that the scheme works.",
        "Traders in Maiduguri sold double dead meat at the market.",
        "The centre in Maiduguri would plan, command and control joint operations.",
        // Intent and purpose.
        "He believes someone in Maiduguri conspired to kill him and his family.",
        "The campaign in Maiduguri began as a way to protest the tax.",
        "In Maiduguri, under consideration is the declaration of a state of emergency.",
        // Denials of a whole clause, denials of involvement, confessions.
        "They deny that many civilians were killed in bombardments of Maiduguri.",
        "The man from Maiduguri had nothing to do with the killings, his lawyer said.",
        "A witness said he confessed to the murders in Maiduguri.",
        // Ruin no one is named for, damage by one person, a truce taken as
        // known, arms for sale, history.
        "An electrical plant in Maiduguri was also destroyed, officials said.",
        "The suspect vandalised two cars in Maiduguri on Monday.",
        "Despite the ceasefire among the factions in Maiduguri, people are still suffering.",
        "The firm signed off on selling more than $1.3 billion in artillery to Maiduguri.",
        "He was the man who assassinated the governor of Maiduguri in June 1914, historians say.",
        "In 2002, after an attack on a guard in Maiduguri, the prisoner was moved.",
        "It was a three-run blast in Maiduguri that won the series.",
        "The firm, located in Lynchburg and Maiduguri, recalled its peanuts.",
        "Authorities in Maiduguri are refusing to allow more protests against the decision.",
        "More than 150 dead mullet washed up on the shore at Maiduguri.",
        "Five people died in Maiduguri after drinking party drugs at a concert.",
        "She scored the game-winning shot in Maiduguri on Sunday.",
        "MAIDUGURI, MARCH 29, 2018 -- The government announced that work will start.",
        "They asked for her to be returned from Maiduguri to escape execution.",
        "A man in Maiduguri was under the influence of alcohol. He was arrested on Sunday.",
        "In Maiduguri, he once told an interviewer, protesting that he could not.",
        "Any rally held in Maiduguri after sunset without police permission is illegal.",
        "The army has limited their capacity to launch attacks on Maiduguri.",
        "Meetings in Maiduguri had the clear aim of a central role in the region.",
        "People in Maiduguri should use bug repellant against mosquitoes.",
        "Amid the rallies in Maiduguri and a ballooning number of followers, he studies.",
        "A man from Maiduguri was convicted at trial of attempting to possess a chemical weapon.",
        "Teams in Maiduguri started slaughtering, burning and burying 6,500 hogs.",
        "The government of Nigeria has been fighting an insurgency around Maiduguri.",
        "The offensive around Maiduguri has killed more than 1,600 civilians.",
        "Aid goes to Maiduguri, where the army fighting Boko Haram is based.",
        "In Maiduguri there are concerns about alarming rates of civilian casualties.",
        "Congress raised concerns about casualties inflicted by the Saudi-led coalition in Maiduguri.",
    ]);
    // The same words where they report an event.
    for (text, kind) in [
        (
            "Thousands demonstrated in Maiduguri against the fuel price rise.",
            EventType::Protests,
        ),
        (
            "Rioters destroyed property at a school in Maiduguri on Monday.",
            EventType::Riots,
        ),
        (
            "Protesters vandalised shops in Maiduguri on Monday.",
            EventType::Riots,
        ),
        (
            "Rioters smashed shop windows in Maiduguri on Monday.",
            EventType::Riots,
        ),
        (
            "UPND cadres shattered the windows of campaign vehicles in Maiduguri.",
            EventType::Riots,
        ),
        (
            "Boko Haram executed two hostages in Maiduguri on Monday.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "Three soldiers were left dead in Maiduguri after an ambush by Boko Haram.",
            EventType::Battles,
        ),
        (
            "Boko Haram attacked a market in Maiduguri on 1 July, killing five.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "After the outbreak in Maiduguri, a protest that forced the council to resign.",
            EventType::Protests,
        ),
        (
            "Soldiers cleared Maiduguri of Boko Haram fighters on Monday.",
            EventType::Battles,
        ),
        (
            "Police arrested ten people in Maiduguri amid protests over fuel prices.",
            EventType::StrategicDevelopments,
        ),
        (
            "Saudi-led coalition air strikes killed 12 civilians in Maiduguri on Monday.",
            EventType::ExplosionsRemoteViolence,
        ),
        (
            "Troops fighting Boko Haram killed five militants near Maiduguri.",
            EventType::Battles,
        ),
        (
            "Heavy fighting has killed 20 people in Maiduguri since Monday.",
            EventType::Battles,
        ),
        (
            "In July 2016, Boko Haram killed five farmers in Maiduguri.",
            EventType::ViolenceAgainstCivilians,
        ),
        (
            "Gunmen killed two farmers in Maiduguri; the army denied it had been warned.",
            EventType::ViolenceAgainstCivilians,
        ),
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert_eq!(events.len(), 1, "{text}");
        assert_eq!(events[0].event_type, Some(kind), "{text}");
    }
}

#[test]
fn a_communitys_militia_is_named_by_acled_convention() {
    let e = one(
        "Tiv militiamen attacked a village near Maiduguri, killing five farmers.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.actor1.as_deref(), Some("Tiv Ethnic Militia (Nigeria)"));
    assert_eq!(e.inter1, Some(sitrep_model::ActorType::IdentityMilitia));
    // With no place named, the community's home country names it.
    let e = one("Murle raiders attacked a cattle camp, killing 12.", &[]);
    assert_eq!(
        e.actor1.as_deref(),
        Some("Murle Ethnic Militia (South Sudan)")
    );
}

#[test]
fn raiders_headline_fire_and_a_withdrawal_before_a_takeover() {
    let e = one(
        "Cattle raiders fire on villagers near Maiduguri, injuring one.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.event_type, Some(EventType::ViolenceAgainstCivilians));
    assert_eq!(
        e.actor1.as_deref(),
        Some("Unidentified Communal Militia (Nigeria)")
    );
    // A takeover after the other side withdrew is a transfer, not a battle.
    let e = one(
        "Boko Haram took control of Maiduguri after the soldiers withdrew.",
        &[&MAIDUGURI],
    );
    assert_eq!(
        e.sub_event_type,
        Some(SubEventType::NonViolentTransferOfTerritory)
    );
    // History is shared over a phrase: the killings and rapes the men
    // were involved in are background to their arrest.
    let e = one(
        "Police arrested five men in Maiduguri involved in killings and mass rapes.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.sub_event_type, Some(SubEventType::Arrests));
    // With no party, neither word reports anything.
    no_event_in(&[
        "A fire on Monday gutted a market in Maiduguri.",
        "The candidate withdrew in Maiduguri on Monday.",
    ]);
}

#[test]
fn a_list_of_places_in_the_incidents_sentence_gives_one_event_each() {
    let towns = [&MAIDUGURI, &DIKWA, &GWOZA];
    // ACLED codes one event per location; a toll told for the list is
    // divided evenly, the remainder to the first, and the evidence says so.
    let events = code(
        "Gunmen killed seven villagers in Maiduguri and Dikwa on Monday.",
        &towns,
    );
    let at: Vec<_> = events
        .iter()
        .map(|e| (e.location.as_deref(), e.fatalities))
        .collect();
    assert_eq!(at, [(Some("Maiduguri"), Some(4)), (Some("Dikwa"), Some(3))]);
    assert_ne!(events[0].event_id, events[1].event_id);
    let toll = &events[1].evidence[Fields::FATALITIES];
    assert_eq!((toll.text.as_str(), toll.divided_among), ("seven", Some(2)));
    assert_eq!(events[1].evidence[Fields::LOCATION].text, "Dikwa");
    // Three places, no toll: three events, each with its own place.
    let events = code(
        "Students protested in Maiduguri, Dikwa, and Gwoza on Monday.",
        &towns,
    );
    let places: Vec<_> = events.iter().map(|e| e.location.as_deref()).collect();
    assert_eq!(places, [Some("Maiduguri"), Some("Dikwa"), Some("Gwoza")]);
    assert!(events.iter().all(|e| e.fatalities.is_none()));
    // "or" is not a list of places where it happened, and two names joined
    // by a comma alone may be an address: one event.
    for text in [
        "Students protested in Maiduguri or Dikwa on Monday.",
        "Students protested in Maiduguri, Dikwa on Monday.",
    ] {
        assert_eq!(code(text, &towns).len(), 1, "{text}");
    }
    // The stretch between two places is one place.
    for text in [
        "Gunmen killed seven villagers on the road linking Maiduguri and Dikwa.",
        "Gunmen killed seven villagers at the border of Maiduguri and Dikwa.",
    ] {
        assert_eq!(code(text, &towns).len(), 1, "{text}");
    }
    // A list in another sentence does not split the incident.
    let events = code(
        "Gunmen killed seven villagers on Monday. Aid reached Maiduguri and Dikwa.",
        &towns,
    );
    assert_eq!(events.len(), 1, "{events:?}");
}

#[test]
fn sexual_violence_by_armed_men_is_an_event_crime_pages_are_not() {
    // ACLED codes sexual violence as political violence: armed
    // perpetrators or a war's setting. The court and crime pages are not.
    for text in [
        "A case of rape had been opened in Maiduguri and was later withdrawn in court.",
        "Police say one of the videos showed the accused sexually assaulting a girl in Maiduguri.",
        "The mother of a child who was raped in Maiduguri says the police have failed her.",
        // A war named as a word's start is no war ("warned").
        "Her lawyer warned that the man raped the girl in Maiduguri twice.",
    ] {
        none_of(SubEventType::SexualViolence, text, &[&MAIDUGURI]);
    }
    for text in [
        "Soldiers raped two women in Maiduguri on Monday.",
        "Gunmen attacked farmers near Maiduguri and raped a woman.",
        "A militia raped four displaced girls near Maiduguri.",
        // The armed men may be named in the sentence before.
        "The camp near Maiduguri shelters families who fled Boko Haram. Two women there were raped on Monday.",
        "Women were raped in Maiduguri during the war, a survivor said on Monday.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .any(|e| e.sub_event_type == Some(SubEventType::SexualViolence)),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn destroying_what_is_no_ones_property_and_a_burning_symptom_are_no_events() {
    for text in [
        "Their trade practices have destroyed thousands of factories and millions of jobs in Maiduguri, he said.",
        "The meat was cooked in Maiduguri at a temperature high enough to destroy any viruses.",
        "Workers in Maiduguri complained of symptoms ranging from vomiting to burning in the throat.",
        "Residents of Maiduguri reported a burning sensation in their eyes.",
    ] {
        none_of(SubEventType::LootingPropertyDestruction, text, &[&MAIDUGURI]);
    }
    for text in [
        "Militants destroyed 30 houses in Maiduguri on Monday.",
        "Rioters were burning army vehicles in Maiduguri on Monday.",
        // Property first, an intangible in another clause.
        "Gunmen destroyed the market in Maiduguri, and the traders lost their jobs.",
        // A whole noun, not its first letters: "cellphone" is no cell.
        "Militants destroyed the cellphone masts in Maiduguri on Monday.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events.iter().any(|e| matches!(
                e.sub_event_type,
                Some(SubEventType::LootingPropertyDestruction | SubEventType::ViolentDemonstration)
            )),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn arms_named_but_not_used_are_no_attack() {
    for text in [
        "The minister said 20,000 personnel had been recruited into the Nigerian Army and the Nigerian Air Force in Maiduguri.",
        "Officials said Reaper drones were flown from Maiduguri by US personnel with the consent of the Nigerian army.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events.iter().all(|e| !matches!(
                e.sub_event_type,
                Some(SubEventType::AirDroneStrike | SubEventType::ShellingArtilleryMissileAttack)
            )),
            "{text}: {events:#?}"
        );
    }
    for text in [
        "Nigerian Air Force jets bombed Boko Haram positions near Maiduguri on Monday.",
        "Drones hit Boko Haram bases near Maiduguri on Monday, the army said.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .any(|e| e.sub_event_type == Some(SubEventType::AirDroneStrike)),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn damage_by_one_person_is_no_riot() {
    for text in [
        "The suspect vandalised two cars in Maiduguri on Monday.",
        "In Maiduguri a man jumped onto her car and shattered the back window in a bizarre attack.",
        "He starred in the Broadway smash in Maiduguri in a bizarre attack on critics.",
    ] {
        none_of(SubEventType::ViolentDemonstration, text, &[&MAIDUGURI]);
    }
}

#[test]
fn animals_killed_in_a_cull_are_no_event() {
    no_event_in(&[
        "All livestock on the farm near Maiduguri have been slaughtered and incinerated.",
        "Thousands of chickens were killed in Maiduguri to stop the outbreak.",
    ]);
    // A weapon or a person named: an attack that also killed animals, and
    // its toll stands.
    for (text, dead) in [
        (
            "The bombardment of Maiduguri killed 10 pastoralists and their livestock.",
            10,
        ),
        (
            "Gunmen killed three herders and 40 cattle near Maiduguri on Monday.",
            3,
        ),
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events.iter().any(|e| e.fatalities == Some(dead)),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_killing_a_court_hears_is_crime_news() {
    no_event_in(&[
        "It took two costly trials in Maiduguri for investigators to close the case involving the murders of five family members.",
        "Prosecutor Ali Musa told jurors in Maiduguri the victim was shot on the evening of May 26.",
        "The three defendants are on trial in Maiduguri for the murder of a trader.",
    ]);
    an_event_in(&[
        // Armed men or a group named: the court hears an attack of the war.
        "Prosecutors in Maiduguri said Boko Haram fighters killed 30 villagers on Monday.",
        // The court is in the sentence before, not the attack's.
        "The trial of the governor opened in Kano. Gunmen killed three traders in Maiduguri on Monday.",
    ]);
}

#[test]
fn one_persons_violence_is_crime_news() {
    no_event_in(&[
        "Her son was injured in Maiduguri when a man attacked his mother's car.",
        "A woman shot her neighbour in Maiduguri on Monday, police said.",
    ]);
    an_event_in(&[
        // Many doers, armed men beside him, or no article (a headline):
        // not one person's crime.
        "Residents attacked the police station in Maiduguri on Monday.",
        "A man shot two traders in Maiduguri with other armed men on Monday.",
        "Civilian Deaths in Turkish Attacks on Maiduguri May Be Unlawful",
    ]);
}

#[test]
fn a_rocket_never_fired_is_no_shelling() {
    no_event_in(&[
        "Farmers in Maiduguri grow rocket salad for the market.",
        "The rocket frog of Maiduguri is succumbing to a fungus.",
    ]);
    an_event_in(&[
        "Two rockets landed in Maiduguri on Monday.",
        "Rockets were fired at Maiduguri overnight.",
        "Soldiers in Maiduguri faced Boko Haram rockets on Monday.",
        "Rockets hammered Maiduguri overnight.",
    ]);
}

#[test]
fn a_bombing_campaign_is_no_incident() {
    no_event_in(&[
        "Nigeria has supported the bombing campaign in Maiduguri with fuel.",
        "The bombing campaign in Maiduguri has lasted two years.",
    ]);
    // An incident reported inside the campaign is still one.
    let text = "A bombing killed four traders in Maiduguri on Monday.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn a_crowd_leaving_is_not_dispersed() {
    let text = "The crowd of migrants in Maiduguri had begun to disperse by noon.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    let text = "Police dispersed the crowd in Maiduguri with tear gas.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn detained_as_an_adjective_is_no_arrest() {
    no_event_in(&[
        "The families of detained opposition activists in Maiduguri campaigned for years.",
        "Their jailed leaders in Maiduguri sent a letter to the governor.",
    ]);
    an_event_in(&[
        "Police in Maiduguri detained six opposition activists on Monday.",
        "Police detained opposition activists in Maiduguri on Monday.",
    ]);
}

#[test]
fn torture_survived_long_ago_is_no_event() {
    no_event_in(&[
        "Musa, a trader from Maiduguri who survived detention and torture, now sells shoes.",
        "They said that they suffered torture in Maiduguri.",
    ]);
    // Armed men named as the torturers: an attack.
    for text in [
        "Soldiers tortured three traders in Maiduguri on Monday.",
        "Detainees suffered torture at the hands of soldiers in Maiduguri.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .any(|e| e.sub_event_type == Some(SubEventType::Attack)),
            "{text}: {events:?}"
        );
    }
}

#[test]
fn papers_handed_over_are_no_territory() {
    for text in [
        "The motion was handed over to the speaker in Maiduguri on Monday.",
        "Students handed over a petition to the governor in Maiduguri.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .all(|e| e.sub_event_type != Some(SubEventType::NonViolentTransferOfTerritory)),
            "{text}: {events:?}"
        );
    }
    for text in [
        "The barracks in Maiduguri were handed over to the army on Monday.",
        // The paper is the source, not what changed hands.
        "A report said Boko Haram handed over Maiduguri to the army on Monday.",
    ] {
        let events = code(text, &[&MAIDUGURI]);
        assert!(
            events
                .iter()
                .any(|e| e.sub_event_type == Some(SubEventType::NonViolentTransferOfTerritory)),
            "{text}: {events:?}"
        );
    }
}

#[test]
fn a_toll_before_its_natural_cause_is_no_attack() {
    let attack = "Gunmen attacked a village near Maiduguri on Sunday.";
    let toll = "Around 100 dead bodies have been recovered.";
    let cause = "An earthquake triggered the wave that ravaged the coast.";
    // The toll's cause follows it in its paragraph: not the attack's dead.
    let text = format!("{attack}\n\n{toll} {cause}");
    let events = code(&text, &[&MAIDUGURI]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].fatalities, None, "{text}");
    // A cause in the next paragraph is another story's.
    let text = format!("{attack} {toll}\n\n{cause}");
    let events = code(&text, &[&MAIDUGURI]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].fatalities, Some(100), "{text}");
    // A death told on its own, its cause after it, is no second event.
    let text = format!(
        "{attack}\n\nA girl died in a hospital in Dikwa on Monday. \
         Cholera has killed four people there this month."
    );
    let events = code(&text, &[&MAIDUGURI, &DIKWA]);
    assert_eq!(events.len(), 1, "{events:?}");
    // A killing is violence whatever follows it.
    let text = "Gunmen killed five traders in Maiduguri. An earthquake struck the coast.";
    let events = code(text, &[&MAIDUGURI]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].fatalities, Some(5), "{text}");
}

#[test]
fn a_vandalism_charge_is_no_crowd() {
    let text = "Police say a man in Maiduguri had been vandalising cars and smashed \
                a window, and charged him with vandalism.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    let text = "Rioters smashed shop windows in Maiduguri on Monday.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn feeling_under_attack_is_no_attack() {
    let text =
        "Communities in Maiduguri are feeling more targeted, more under attack, a lawyer said.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    an_event_in(&[
        "The base in Maiduguri came under attack by Boko Haram on Monday.",
        "Boko Haram launched more deadly attacks on Maiduguri on Monday.",
    ]);
}

#[test]
fn fighting_since_a_past_year_is_no_incident() {
    let text =
        "The army has fought Boko Haram fighters in the villages around Maiduguri since 2014.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    for text in [
        // Since a month, or a past tense: an incident may be told.
        "Boko Haram has attacked Maiduguri since June, killing 100.",
        "Troops fought Boko Haram in Dikwa for the first time since 2014.",
    ] {
        assert!(!code(text, &[&MAIDUGURI, &DIKWA]).is_empty(), "{text}");
    }
}

#[test]
fn a_killing_beside_a_court_sentence_is_crime_news() {
    no_event_in(&[
        "Musa was shot dead in Maiduguri on Monday. The prosecutor told jurors \
         he had been followed.",
        "The prosecutor told jurors about Musa. He was shot dead in Maiduguri on Monday.",
    ]);
    an_event_in(&[
        // Another paragraph's court story, or armed men named.
        "Musa was shot dead in Maiduguri on Monday.\n\nThe trial of three men began.",
        "The gunman shot the victim in Maiduguri, the prosecutor told the court.",
    ]);
}

#[test]
fn a_death_in_unknown_circumstances_is_no_attack() {
    no_event_in(&[
        "Mr Musa Bello, reputed to have been a Nigerian spy who had defected to Chad, \
         died last night in Maiduguri in mysterious circumstances.",
        "A Boko Haram commander who had defected to Chad died last night in Maiduguri \
         in mysterious circumstances.",
    ]);
    // Violence told beside the death: the death is the attack's.
    let text = "A soldier died in Maiduguri after gunmen attacked his post in \
                unclear circumstances.";
    let events = code(text, &[&MAIDUGURI]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].fatalities, Some(1), "{text}");
}

#[test]
fn a_side_changed_long_ago_in_a_relative_clause_is_no_event() {
    let text = "Musa Bello, a spy who had defected to Chad, opened a shop in Maiduguri.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    let text = "Musa Bello, a Boko Haram commander, defected to the army in Maiduguri on Monday.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn a_sentence_summing_up_years_tells_no_incident() {
    no_event_in(&[
        "Over the past three years, Maiduguri has been hit by several protests by traders.",
        "In recent years, Boko Haram has attacked Maiduguri many times.",
        "For years, Boko Haram has attacked Maiduguri every dry season.",
    ]);
    an_event_in(&[
        // The span of years inside a relative clause, or hours.
        "Boko Haram, which has killed thousands over the past decade, attacked Maiduguri.",
        "Over the past 24 hours, Boko Haram has attacked Maiduguri twice.",
    ]);
}

#[test]
fn a_firefighter_is_no_firefight() {
    let text = "Firefighters in protective suits searched the market in Maiduguri on Monday.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    let text = "Soldiers and Boko Haram fighters fought a firefight in Maiduguri on Monday.";
    let events = code(text, &[&MAIDUGURI]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].sub_event_type, Some(SubEventType::ArmedClash));
}

#[test]
fn capturing_a_mood_or_a_prize_takes_no_ground() {
    no_event_in(&[
        "The show captures all the excitement of Maiduguri.",
        "The film captured the imagination of Maiduguri.",
        "The boxer from Maiduguri captured the title on Saturday.",
    ]);
    let text = "Boko Haram fighters captured Maiduguri on Monday after a day of fighting.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn commanding_and_controlling_operations_is_a_function() {
    let text = "The new centre in Maiduguri will plan, command and control joint \
                military operations by the army.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    an_event_in(&[
        "Soldiers took control of Maiduguri on Monday.",
        // Only a seizure or an operation is the function's.
        "The militants' command and control was destroyed in airstrikes on Maiduguri.",
    ]);
}

#[test]
fn a_motion_handed_over_is_no_territory() {
    let text = "The no-confidence motion against the Prime Minister Musa Bello was \
                handed over to the Speaker in Maiduguri.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn what_usually_happens_is_no_incident() {
    no_event_in(&[
        "In Maiduguri, such raids typically take place at night.",
        "Gunmen usually attack the road to Maiduguri in the rainy season.",
    ]);
    an_event_in(&[
        // "Unusually" is no habit, nor is a place's usual state.
        "Gunmen attacked Maiduguri on Monday in an unusually large raid.",
        "Gunmen attacked the normally busy market in Maiduguri on Monday.",
        "Clashes erupted in the usually quiet town of Maiduguri on Monday.",
        "The normally peaceful protesters marched through Maiduguri on Monday.",
    ]);
}

#[test]
fn what_a_thing_serves_for_is_no_incident() {
    no_event_in(&[
        "Cyanide is used in Maiduguri to kill rats.",
        "The barracks in Maiduguri are used by foreign troops for operations abroad.",
        "Rebels used to raid Maiduguri every dry season.",
    ]);
    // A use that happened is an incident.
    an_event_in(&[
        "Knives were used to kill two farmers in Maiduguri on Monday.",
        "The car was used to attack the police station in Maiduguri on Monday.",
    ]);
}

#[test]
fn a_past_lived_through_is_no_incident() {
    let text = "Elders said Maiduguri, having lived through years of bombings and \
                military operations, now wanted schools.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    // A dated attack lived through is still an incident.
    let text = "Residents who lived through Monday's bombing of Maiduguri said \
                twelve people died.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn a_question_reports_nothing() {
    no_event_in(&[
        "Will the protesters come marching back to Maiduguri?",
        "Who attacked the convoy near Maiduguri on Monday?",
    ]);
    an_event_in(&[
        // The shooting follows the question; a doubtful date is no question.
        "\"Why?\" she asked after soldiers shot her son in Maiduguri on Monday.",
        "Airstrikes cause casualties in Maiduguri;June 22nd? 2017: (S934) Maiduguri",
        // A report, then a question the splitter kept in its sentence.
        "Gunmen killed two traders in Maiduguri at 5 p.m. Who is next?",
    ]);
}

#[test]
fn animals_shot_are_no_attack() {
    let text = "Pets left behind in Maiduguri are being shot.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    let text = "Gunmen shot two farmers and their dogs in Maiduguri on Monday.";
    assert!(!code(text, &[&MAIDUGURI]).is_empty(), "{text}");
}

#[test]
fn violence_fled_in_general_is_the_setting() {
    no_event_in(&[
        "Maiduguri now shelters 150,000 people fleeing from attacks on villages.",
        "Thousands have fled from the fighting around Maiduguri.",
    ]);
    an_event_in(&[
        // One incident fled, a dated one, or the fleeing in another headline.
        "Villagers fled the attack on Maiduguri.",
        "Thousands fled Monday's raids on Maiduguri.",
        "Gunmen stopped people trying to flee\u{201d}\n\nClashes erupted in Maiduguri.",
    ]);
}

#[test]
fn violence_beside_a_suspect_is_crime_news() {
    no_event_in(&[
        "The driver got out and confronted the suspect in Maiduguri. Her son was \
         injured in the seemingly random attack.",
        "Her son was injured in a random attack in Maiduguri. The suspect fled on foot.",
        "Two suspects fled after the shooting in Maiduguri on Monday.",
    ]);
    let violent = |e: &Event| e.event_type != Some(EventType::StrategicDevelopments);
    for text in [
        // Armed men, state forces as the doer, another paragraph or the
        // verb "suspect" keep the violence.
        "Gunmen killed two traders in Maiduguri on Monday. Police arrested a suspect.",
        "Police shot the suspect dead in Maiduguri on Monday.",
        "Police arrested the suspect on Sunday.\n\nA trader was shot dead in Maiduguri on Monday.",
        "Residents suspect the attack on Maiduguri on Monday was revenge.",
    ] {
        assert!(code(text, &[&MAIDUGURI]).iter().any(violent), "{text}");
    }
    // An explosive beside the suspects: their deaths are the incident's.
    let text = "Suspects threw a grenade at police in Maiduguri on Monday. The two \
                suspects were shot dead.";
    let events = code(text, &[&MAIDUGURI]);
    assert!(events.iter().any(|e| e.fatalities == Some(2)), "{events:?}");
}

#[test]
fn alleged_gunmen_in_a_trial_are_the_courts() {
    let text = "Two defendants are on trial for murder alongside a woman who is \
                accused of assisting the alleged gunmen to evade capture in the hours \
                after the shooting in Maiduguri.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    // Gunmen named plainly, or a group, keep the killing of a prosecutor.
    an_event_in(&[
        "Soldiers shot dead a prosecutor in Maiduguri on Monday.",
        "Boko Haram shot dead a prosecutor in Maiduguri on Monday.",
    ]);
}

#[test]
fn troops_who_fought_are_who_they_are() {
    let text = "Eighteen soldiers who fought in Maiduguri are being tested for malaria.";
    assert!(code(text, &[&MAIDUGURI]).is_empty(), "{text}");
    an_event_in(&[
        "Villagers who fought Boko Haram in Maiduguri on Monday were praised.",
        "Soldiers fought Boko Haram in Maiduguri on Monday.",
    ]);
}

#[test]
fn counts_compared_are_no_incident() {
    no_event_in(&[
        "There were more murders in Maiduguri than in any other city.",
        "Gunmen carried out more attacks in Maiduguri than anywhere else.",
    ]);
    an_event_in(&[
        // No comparison: more of them, told as they happened.
        "More protests erupted in Maiduguri on Monday.",
        // "more than" after the trigger is a count.
        "Gunmen killed more than 20 people in Maiduguri on Monday.",
        "More airstrikes on Maiduguri for more than 8 hours on Monday.",
        // A "than" in another clause compares something else.
        "More airstrikes on Maiduguri on Monday, than on any day this year.",
        "Clash of the eastern desert near Maiduguri continues and causes more casualties, raising the toll to 64 in more than 8 weeks.",
    ]);
}

#[test]
fn fuel_burned_is_no_arson() {
    no_event_in(&[
        "The rule forced energy companies near Maiduguri to capture methane gas burned at drilling sites.",
        "Power stations in Maiduguri are burning fossil fuels again.",
    ]);
    an_event_in(&[
        "A fuel tanker burned after gunmen set it alight in Maiduguri on Monday.",
        "Rioters burned fuel stations in Maiduguri on Monday.",
    ]);
}

#[test]
fn an_age_beside_a_name_is_no_toll() {
    let e = one(
        "A roadside bomb exploded in Maiduguri on Thursday. Sgt John Smith, 36, died in the blast.",
        &[&MAIDUGURI],
    );
    assert_ne!(e.fatalities, Some(36), "{e:?}");
    let e = one(
        "A roadside bomb exploded in Maiduguri on Thursday. In Maiduguri, 36 people died in the blast.",
        &[&MAIDUGURI],
    );
    assert_eq!(e.fatalities, Some(36), "{e:?}");
}
