//! The fused record: one event built from all the reports of an incident,
//! with every source kept and each field traced to the report it came from.

use crate::compare::{report_key, MergeReason};
use serde::{Deserialize, Serialize};
use sitrep_model::{ActorType, Event, Evidence, Fields};
use sitrep_text::normalize::fold;
use std::collections::BTreeMap;

/// One report that went into a fused event, with its own figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    pub doc_id: String,
    pub event_id: String,
    pub source: Option<String>,
    pub fatalities: Option<u32>,
    pub wounded: Option<u32>,
    pub event_date: Option<chrono::NaiveDate>,
    pub location: Option<String>,
    /// The report's own evidence, field by field.
    pub evidence: BTreeMap<String, Evidence>,
}

/// Which report a fused field's value (and its evidence) came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOrigin {
    pub doc_id: String,
    pub event_id: String,
}

/// Why one report joined the cluster: the link to the member it was merged
/// through, with that link's score and reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    pub event_id: String,
    pub doc_id: String,
    pub linked_to: String,
    pub score: f64,
    pub reasons: Vec<MergeReason>,
}

/// One incident, fused from one or more reports.
///
/// `record` is an ordinary [`Event`] (so it prints as ACLED CSV): its
/// `event_id` is the fused id, each field comes from one report (see
/// `field_origin`) with that report's evidence, and `fatalities` is ACLED's
/// conservative figure, the lowest reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedEvent {
    pub fused_id: String,
    pub record: Event,
    /// UCDP's convention over the reported figures: the lowest.
    pub fatalities_low: Option<u32>,
    /// The most common reported figure; when several are equally common, the
    /// median of those (the lower of the middle two when they are even).
    pub fatalities_best: Option<u32>,
    /// The highest reported figure.
    pub fatalities_high: Option<u32>,
    pub source_count: usize,
    /// Every report, in report-key order.
    pub sources: Vec<SourceReport>,
    /// field name → the report its value and evidence came from.
    pub field_origin: BTreeMap<String, FieldOrigin>,
    /// How each report after the first was linked in.
    pub merges: Vec<MergeRecord>,
}

/// Low / best / high over the reported figures (see [`FusedEvent`]).
pub fn fatality_range(reported: &[u32]) -> (Option<u32>, Option<u32>, Option<u32>) {
    let low = reported.iter().copied().min();
    let high = reported.iter().copied().max();
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for &f in reported {
        *counts.entry(f).or_default() += 1;
    }
    let top = counts.values().copied().max().unwrap_or(0);
    // BTreeMap iterates in ascending order, so `modes` is sorted.
    let modes: Vec<u32> = counts
        .iter()
        .filter(|(_, &c)| c == top)
        .map(|(&f, _)| f)
        .collect();
    let best = if modes.is_empty() {
        None
    } else {
        // Median, rounded down: the lower middle element.
        Some(modes[(modes.len() - 1) / 2])
    };
    (low, best, high)
}

/// Builds the fused event from its members and their merge records.
/// Every choice is a function of the member set (never of arrival order).
pub(crate) fn build(
    fused_id: String,
    members: &[&Event],
    merges: Vec<MergeRecord>,
) -> Option<FusedEvent> {
    let mut members: Vec<&Event> = members.to_vec();
    members.sort_by(|a, b| report_key(a).cmp(&report_key(b)));
    let first = *members.first()?;
    let mut record = Event {
        event_id: fused_id.clone(),
        event_type: first.event_type,
        ..Default::default()
    };
    let mut origin = BTreeMap::new();
    take(&mut record, &mut origin, Fields::EVENT_TYPE, first);

    let place_from = most_specific_place(&members).unwrap_or(first);
    copy_place(&mut record, place_from);
    for f in [
        Fields::LOCATION,
        Fields::LATITUDE,
        Fields::LONGITUDE,
        Fields::GEO_PRECISION,
        Fields::ADMIN1,
        Fields::ADMIN2,
        Fields::COUNTRY,
        Fields::ISO,
    ] {
        if place_field_set(&record, f) {
            take(&mut record, &mut origin, f, place_from);
        }
    }
    record.doc_id = place_from.doc_id.clone();

    if let Some(date_from) = most_precise_date(&members) {
        record.event_date = date_from.event_date;
        record.time_precision = date_from.time_precision;
        take(&mut record, &mut origin, Fields::EVENT_DATE, date_from);
        if record.time_precision.is_some() {
            take(&mut record, &mut origin, Fields::TIME_PRECISION, date_from);
        }
    }

    if let Some(from) = majority(&members, |e| {
        e.sub_event_type.map(|s| s.as_str().to_string())
    }) {
        record.sub_event_type = from.sub_event_type;
        take(&mut record, &mut origin, Fields::SUB_EVENT_TYPE, from);
    }
    if let Some(from) = majority(&members, |e| e.actor1.as_deref().map(fold)) {
        record.actor1 = from.actor1.clone();
        record.assoc_actor_1 = from.assoc_actor_1.clone();
        record.inter1 = from.inter1;
        for f in [Fields::ACTOR1, Fields::ASSOC_ACTOR_1, Fields::INTER1] {
            take(&mut record, &mut origin, f, from);
        }
    }
    if let Some(from) = majority(&members, |e| e.actor2.as_deref().map(fold)) {
        record.actor2 = from.actor2.clone();
        record.assoc_actor_2 = from.assoc_actor_2.clone();
        record.inter2 = from.inter2;
        for f in [Fields::ACTOR2, Fields::ASSOC_ACTOR_2, Fields::INTER2] {
            take(&mut record, &mut origin, f, from);
        }
    }
    record.interaction = ActorType::interaction(record.inter1, record.inter2);
    if record.interaction.is_some() {
        // Derived from the two actor types; its evidence is theirs.
        let from = if record.inter1.is_some() {
            Fields::INTER1
        } else {
            Fields::INTER2
        };
        if let Some(ev) = record.evidence.get(from).cloned() {
            record.evidence.insert(Fields::INTERACTION.into(), ev);
        }
        if let Some(o) = origin.get(from).cloned() {
            origin.insert(Fields::INTERACTION.into(), o);
        }
    }
    if let Some(from) = majority(&members, |e| e.civilian_targeting.clone()) {
        record.civilian_targeting = from.civilian_targeting.clone();
        take(&mut record, &mut origin, Fields::CIVILIAN_TARGETING, from);
    }

    let reported: Vec<u32> = members.iter().filter_map(|e| e.fatalities).collect();
    let (low, best, high) = fatality_range(&reported);
    if let Some(from) = members
        .iter()
        .find(|e| e.fatalities == low && low.is_some())
    {
        record.fatalities = low;
        take(&mut record, &mut origin, Fields::FATALITIES, from);
    }
    let wounded = members.iter().filter_map(|e| e.wounded).min();
    if let Some(from) = members
        .iter()
        .find(|e| e.wounded == wounded && wounded.is_some())
    {
        record.wounded = wounded;
        take(&mut record, &mut origin, Fields::WOUNDED, from);
    }
    // The longest note says the most; ties go to the first in key order.
    if let Some(from) = members.iter().filter(|e| e.notes.is_some()).max_by(|a, b| {
        let len = |e: &Event| e.notes.as_deref().map_or(0, str::len);
        len(a).cmp(&len(b)).then(report_key(b).cmp(&report_key(a)))
    }) {
        record.notes = from.notes.clone();
        take(&mut record, &mut origin, Fields::NOTES, from);
    }

    let mut sources_named: Vec<String> = members.iter().filter_map(|e| e.source.clone()).collect();
    sources_named.sort();
    sources_named.dedup();
    record.source = (!sources_named.is_empty()).then(|| sources_named.join("; "));
    // Independent reports corroborate: 1 - Π(1 - c).
    let doubt: f32 = members
        .iter()
        .map(|e| 1.0 - e.confidence.clamp(0.0, 1.0))
        .product();
    record.confidence = 1.0 - doubt;
    let mut caveats: Vec<String> = members.iter().flat_map(|e| e.caveats.clone()).collect();
    if low != high {
        caveats.push("fatalities_disagree".into());
    }
    caveats.sort();
    caveats.dedup();
    record.caveats = caveats;

    let sources = members.iter().map(|e| source_report(e)).collect();
    Some(FusedEvent {
        fused_id,
        record,
        fatalities_low: low,
        fatalities_best: best,
        fatalities_high: high,
        source_count: members.len(),
        sources,
        field_origin: origin,
        merges,
    })
}

/// Copies `field`'s evidence from `from` and records where it came from.
fn take(record: &mut Event, origin: &mut BTreeMap<String, FieldOrigin>, field: &str, from: &Event) {
    if let Some(ev) = from.evidence.get(field) {
        record.evidence.insert(field.to_string(), ev.clone());
    }
    origin.insert(
        field.to_string(),
        FieldOrigin {
            doc_id: from.doc_id.clone(),
            event_id: from.event_id.clone(),
        },
    );
}

fn source_report(e: &Event) -> SourceReport {
    SourceReport {
        doc_id: e.doc_id.clone(),
        event_id: e.event_id.clone(),
        source: e.source.clone(),
        fatalities: e.fatalities,
        wounded: e.wounded,
        event_date: e.event_date,
        location: e.location.clone(),
        evidence: e.evidence.clone(),
    }
}

/// Lowest geo_precision (the town itself beats "near" beats the region);
/// unknown precision ranks last; ties in key order.
fn most_specific_place<'a>(members: &[&'a Event]) -> Option<&'a Event> {
    let rank = |e: &Event| {
        (
            e.location.is_none(),
            e.geo_precision.map_or(u8::MAX, |p| p.code()),
        )
    };
    members.iter().copied().min_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(report_key(a).cmp(&report_key(b)))
    })
}

/// The earliest date among the most precise.
fn most_precise_date<'a>(members: &[&'a Event]) -> Option<&'a Event> {
    members
        .iter()
        .copied()
        .filter(|e| e.event_date.is_some())
        .min_by(|a, b| {
            let rank = |e: &Event| (e.time_precision.map_or(u8::MAX, |p| p.code()), e.event_date);
            rank(a)
                .cmp(&rank(b))
                .then(report_key(a).cmp(&report_key(b)))
        })
}

/// The member holding the most common value of `key` (ties: the value of
/// the first member, in key order, among the tied ones).
fn majority<'a>(
    members: &[&'a Event],
    key: impl Fn(&Event) -> Option<String>,
) -> Option<&'a Event> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in members {
        if let Some(k) = key(e) {
            *counts.entry(k).or_default() += 1;
        }
    }
    let top = counts.values().copied().max()?;
    members
        .iter()
        .copied()
        .find(|e| key(e).is_some_and(|k| counts.get(&k) == Some(&top)))
}

fn copy_place(record: &mut Event, from: &Event) {
    record.location = from.location.clone();
    record.latitude = from.latitude;
    record.longitude = from.longitude;
    record.geo_precision = from.geo_precision;
    record.admin1 = from.admin1.clone();
    record.admin2 = from.admin2.clone();
    record.country = from.country.clone();
    record.iso = from.iso;
}

fn place_field_set(record: &Event, field: &str) -> bool {
    match field {
        Fields::LOCATION => record.location.is_some(),
        Fields::LATITUDE => record.latitude.is_some(),
        Fields::LONGITUDE => record.longitude.is_some(),
        Fields::GEO_PRECISION => record.geo_precision.is_some(),
        Fields::ADMIN1 => record.admin1.is_some(),
        Fields::ADMIN2 => record.admin2.is_some(),
        Fields::COUNTRY => record.country.is_some(),
        Fields::ISO => record.iso.is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fatality_range_follows_ucdp() {
        assert_eq!(fatality_range(&[]), (None, None, None));
        assert_eq!(fatality_range(&[12]), (Some(12), Some(12), Some(12)));
        // 14 is reported twice: best.
        assert_eq!(
            fatality_range(&[12, 14, 14, 20]),
            (Some(12), Some(14), Some(20))
        );
        // All equally common: median of [10, 12, 15] is 12.
        assert_eq!(
            fatality_range(&[15, 10, 12]),
            (Some(10), Some(12), Some(15))
        );
        // Even tie: the lower middle value.
        assert_eq!(fatality_range(&[8, 9]), (Some(8), Some(8), Some(9)));
        assert_eq!(fatality_range(&[5, 5, 7, 7]), (Some(5), Some(5), Some(7)));
    }
}
