//! Behaviour of the incremental fuser, on reports written for these tests.

use chrono::NaiveDate;
use proptest::prelude::*;
use sitrep_fuse::{Decision, FuseConfig, Fuser, MergeReason};
use sitrep_model::{Event, EventType, Evidence, GeoPrecision, SubEventType, TimePrecision};
use std::collections::BTreeSet;

/// A report of an IED near Maiduguri, Borno, on 2024-05-`day`.
fn report(doc: &str, day: u32, fatalities: Option<u32>, notes: &str) -> Event {
    let mut e = Event {
        event_id: format!("{doc}#1"),
        doc_id: doc.into(),
        source: Some(doc.split('-').next().unwrap_or(doc).to_string()),
        event_type: Some(EventType::ExplosionsRemoteViolence),
        sub_event_type: Some(SubEventType::RemoteExplosiveLandmineIed),
        event_date: NaiveDate::from_ymd_opt(2024, 5, day),
        time_precision: Some(TimePrecision::Day),
        actor1: Some("Boko Haram - JAS".into()),
        actor2: Some("Civilians (Nigeria)".into()),
        country: Some("Nigeria".into()),
        admin1: Some("Borno".into()),
        location: Some("Maiduguri".into()),
        latitude: Some(11.8469),
        longitude: Some(13.1571),
        geo_precision: Some(GeoPrecision::Town),
        fatalities,
        notes: Some(notes.into()),
        confidence: 0.6,
        ..Default::default()
    };
    if let Some(f) = fatalities {
        e.evidence.insert(
            "fatalities".into(),
            Evidence::text_span(0, 2, f.to_string()),
        );
    }
    e.evidence
        .insert("location".into(), Evidence::text_span(10, 19, "Maiduguri"));
    e
}

#[test]
fn three_outlets_one_incident() {
    let mut fuser = Fuser::new(FuseConfig::default());
    let a = fuser.add(report(
        "afp-1",
        12,
        Some(7),
        "A roadside bomb hit a bus outside Maiduguri",
    ));
    assert!(matches!(a, Decision::Created { .. }));
    let b = fuser.add(report(
        "reuters-1",
        12,
        Some(9),
        "Bomb tore through a bus near Maiduguri",
    ));
    let Decision::Joined { reasons, score, .. } = &b else {
        panic!("expected a join, got {b:?}");
    };
    assert!(*score >= 0.5);
    assert!(reasons.contains(&MergeReason::SameEventType {
        event_type: EventType::ExplosionsRemoteViolence
    }));
    let mut vague = report("bbc-1", 13, Some(9), "Bus bombing in Borno state");
    vague.geo_precision = Some(GeoPrecision::Region);
    vague.latitude = Some(11.5);
    vague.longitude = Some(13.0);
    vague.location = Some("Borno".into());
    vague.time_precision = Some(TimePrecision::Week);
    fuser.add(vague);

    let fused = fuser.fused_events();
    assert_eq!(fused.len(), 1);
    let f = &fused[0];
    assert_eq!(f.source_count, 3);
    assert_eq!(f.merges.len(), 2);
    // ACLED: the lowest figure; UCDP: low / most common / high.
    assert_eq!(f.record.fatalities, Some(7));
    assert_eq!(
        (f.fatalities_low, f.fatalities_best, f.fatalities_high),
        (Some(7), Some(9), Some(9))
    );
    assert_eq!(f.field_origin["fatalities"].doc_id, "afp-1");
    // The town, not the region; the day, not the week.
    assert_eq!(f.record.location.as_deref(), Some("Maiduguri"));
    assert_eq!(f.record.event_date, NaiveDate::from_ymd_opt(2024, 5, 12));
    assert!(f
        .record
        .fields_without_evidence()
        .iter()
        .all(|field| !["fatalities", "location"].contains(field)));
    assert!(f
        .record
        .caveats
        .contains(&"fatalities_disagree".to_string()));
    assert!(f.record.confidence > 0.9);
}

#[test]
fn same_document_is_never_merged() {
    let mut fuser = Fuser::new(FuseConfig::default());
    fuser.add(report(
        "afp-1",
        12,
        Some(7),
        "A roadside bomb hit a bus outside Maiduguri",
    ));
    let mut second = report(
        "afp-1",
        12,
        Some(2),
        "A second bomb hit a bus outside Maiduguri",
    );
    second.event_id = "afp-1#2".into();
    assert!(matches!(fuser.add(second), Decision::Created { .. }));
    assert_eq!(fuser.cluster_count(), 2);
}

#[test]
fn duplicate_report_is_reported_not_added() {
    let mut fuser = Fuser::new(FuseConfig::default());
    let first = fuser.add(report("afp-1", 12, Some(7), "bomb"));
    let again = fuser.add(report("afp-1", 12, Some(7), "bomb"));
    assert_eq!(
        again,
        Decision::Duplicate {
            fused_id: first.fused_id().to_string()
        }
    );
    assert_eq!(fuser.report_count(), 1);
}

#[test]
fn a_chain_of_days_does_not_join_incidents_a_week_apart() {
    // Day 10, 11, 12 ... 17: each pair of neighbours is within a day, but
    // the first and the last are a week apart.
    let mut fuser = Fuser::new(FuseConfig::default());
    for day in 10..=17 {
        fuser.add(report(
            &format!("outlet{day}-1"),
            day,
            Some(3),
            "Roadside bomb near Maiduguri",
        ));
    }
    for cluster in fuser.clusters() {
        let days: Vec<u32> = cluster
            .iter()
            .filter_map(|(doc, _)| {
                doc.trim_start_matches("outlet")
                    .split('-')
                    .next()?
                    .parse()
                    .ok()
            })
            .collect();
        let spread = days.iter().max().unwrap_or(&0) - days.iter().min().unwrap_or(&0);
        assert!(spread <= 1, "cluster spans {spread} days: {cluster:?}");
    }
}

#[test]
fn fused_event_round_trips_through_json() {
    let mut fuser = Fuser::new(FuseConfig::default());
    fuser.add(report(
        "afp-1",
        12,
        Some(7),
        "A roadside bomb hit a bus outside Maiduguri",
    ));
    fuser.add(report(
        "reuters-1",
        12,
        Some(9),
        "Bomb tore through a bus near Maiduguri",
    ));
    let fused = fuser.fused_events();
    let json = serde_json::to_string(&fused).unwrap();
    let back: Vec<sitrep_fuse::FusedEvent> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, fused);
}

/// Towns a few km apart (one cluster of places) and one far away.
const TOWNS: &[(f64, f64, &str)] = &[
    (11.8469, 13.1571, "Borno"),
    (11.90, 13.20, "Borno"),
    (10.31, 9.84, "Bauchi"),
];

fn synthetic() -> impl Strategy<Value = Vec<Event>> {
    let one = (
        0usize..6,
        1u32..15,
        0usize..3,
        any::<bool>(),
        any::<bool>(),
        0usize..3,
        0u32..6,
    );
    prop::collection::vec(one, 1..14).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(i, (doc, day, town, week, battle, actor, dead))| {
                let (lat, lon, admin1) = TOWNS[town];
                Event {
                    event_id: format!("e{i}"),
                    doc_id: format!("d{doc}"),
                    event_type: Some(if battle {
                        EventType::Battles
                    } else {
                        EventType::ExplosionsRemoteViolence
                    }),
                    event_date: NaiveDate::from_ymd_opt(2024, 5, day),
                    time_precision: Some(if week {
                        TimePrecision::Week
                    } else {
                        TimePrecision::Day
                    }),
                    actor1: [Some("Boko Haram - JAS"), Some("Boko Haram - ISWAP"), None][actor]
                        .map(String::from),
                    country: Some("Nigeria".into()),
                    admin1: Some(admin1.into()),
                    latitude: Some(lat),
                    longitude: Some(lon),
                    geo_precision: Some(GeoPrecision::Town),
                    fatalities: Some(dead),
                    notes: Some(
                        ["bomb at market", "attack on the market", "convoy ambushed"][actor].into(),
                    ),
                    ..Default::default()
                }
            })
            .collect()
    })
}

fn cluster_set(fuser: &Fuser) -> BTreeSet<Vec<(String, String)>> {
    fuser.clusters().into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn clusters_do_not_depend_on_arrival_order(
        (events, shuffled) in synthetic().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let mut a = Fuser::new(FuseConfig::default());
        for e in events { a.add(e); }
        let mut b = Fuser::new(FuseConfig::default());
        for e in shuffled { b.add(e); }
        prop_assert_eq!(cluster_set(&a), cluster_set(&b));
        prop_assert_eq!(a.fused_events(), b.fused_events());
    }

    #[test]
    fn no_cluster_holds_two_reports_of_one_document(events in synthetic()) {
        let mut f = Fuser::new(FuseConfig::default());
        for e in events { f.add(e); }
        for cluster in f.clusters() {
            let docs: BTreeSet<&String> = cluster.iter().map(|(d, _)| d).collect();
            prop_assert_eq!(docs.len(), cluster.len());
        }
    }
}

#[test]
fn a_large_component_keeps_the_invariants() {
    // A town with an incident every day for well over a year: one chain of
    // links larger than MAX_RECLUSTER, handled by local re-clustering.
    let mut fuser = Fuser::new(FuseConfig::default());
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let days = sitrep_fuse::fuser::MAX_RECLUSTER as i64 + 60;
    for i in 0..days {
        let mut e = report(
            &format!("outlet{i}-1"),
            1,
            Some(1),
            "Roadside bomb near Maiduguri",
        );
        e.event_date = Some(start + chrono::Duration::days(i));
        fuser.add(e);
    }
    assert_eq!(fuser.report_count(), days as usize);
    let config = FuseConfig::default();
    for fused in fuser.fused_events() {
        let dates: Vec<NaiveDate> = fused.sources.iter().filter_map(|s| s.event_date).collect();
        let spread = (*dates.iter().max().unwrap() - *dates.iter().min().unwrap()).num_days();
        assert!(spread <= config.date_slack_days, "{:?}", fused.sources);
    }
}
