//! Grouping sentence readings into incidents: one event per incident.
//!
//! A sentence joins the incident before it when it names no new place and
//! no new date, and either reports the same kind of event, only adds a
//! detail (a death toll, an arrest), or refers back to it ("the attack").
//! Otherwise it starts a new incident; a roundup of clashes in three towns
//! gives three.

use crate::lexicon::Cue;
use crate::reading::{is_country, Annotated, Reading};
use sitrep_model::{EventType, Span, SubEventType};

/// Sentences that report one event.
#[derive(Debug, Clone)]
pub struct Incident {
    pub reading: Reading,
    /// Sentence indices, in order; the first holds the anchor.
    pub sentences: Vec<usize>,
    /// Index into `Annotated::places` of the place the incident is at.
    pub place: Option<usize>,
    /// Index into `Annotated::dates`.
    pub date: Option<usize>,
}

/// Places inside `span` that are not whole countries, nearest `anchor` first
/// (same clause before the rest of the span).
pub fn places_near(an: &Annotated<'_>, span: Span, anchor: Span) -> Vec<usize> {
    let clause = an.clause_of(span, anchor);
    let mut found: Vec<(bool, usize, usize)> = an
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| span.contains(p.span) && !is_country(p))
        .map(|(i, p)| {
            let in_clause = clause.contains(p.span);
            (!in_clause, p.span.start.abs_diff(anchor.start), i)
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, i)| i).collect()
}

fn dates_in(an: &Annotated<'_>, span: Span, anchor: Span) -> Vec<usize> {
    let published = an.doc.published;
    let mut found: Vec<(usize, usize)> = an
        .dates
        .iter()
        .enumerate()
        .filter(|(_, d)| span.contains(d.span))
        .filter(|(_, d)| !d.background)
        .filter(|(_, d)| {
            // A date after publication is a plan, not this event's date.
            d.date
                .is_some_and(|date| published.is_none_or(|p| (date - p).num_days() <= 1))
        })
        .map(|(i, d)| (d.span.start.abs_diff(anchor.start), i))
        .collect();
    found.sort();
    found.into_iter().map(|(_, i)| i).collect()
}

fn same_place(an: &Annotated<'_>, a: usize, b: usize) -> bool {
    match (an.places.get(a), an.places.get(b)) {
        (Some(x), Some(y)) => {
            x.place.name == y.place.name
                || (x.place.lat - y.place.lat).abs() + (x.place.lon - y.place.lon).abs() < 0.1
        }
        _ => false,
    }
}

/// Can a sentence read as `next` belong to an incident read as `current`?
fn compatible(current: &Reading, next: &Reading, refers_back: bool, separate: bool) -> bool {
    let (a, b) = (current.sub.event_type(), next.sub.event_type());
    if separate {
        return false;
    }
    next.auxiliary
        || current.auxiliary
        || refers_back
        || a == b
        || matches!(
            (a, b),
            (EventType::Protests, EventType::Riots)
                | (EventType::Riots, EventType::Protests)
                // A grenade thrown during a shootout is part of the battle.
                | (EventType::Battles, EventType::ExplosionsRemoteViolence)
        )
}

/// The reading after merging `next` into `current`: a detail never replaces
/// the main reading; a stronger reading replaces a detail; protests that turn
/// violent become riots; a protest met by force says so.
fn merged_reading(current: Reading, next: Reading) -> Reading {
    use SubEventType as S;
    if current.auxiliary && !next.auxiliary {
        return next;
    }
    let upgrade = match (current.sub, next.sub) {
        (S::PeacefulProtest | S::ProtestWithIntervention, S::ViolentDemonstration) => {
            Some(S::ViolentDemonstration)
        }
        (S::PeacefulProtest, S::ProtestWithIntervention | S::ExcessiveForceAgainstProtesters) => {
            Some(next.sub)
        }
        (S::PeacefulProtest, S::Arrests | S::Other) => Some(S::ProtestWithIntervention),
        (S::ProtestWithIntervention, S::ExcessiveForceAgainstProtesters) => Some(next.sub),
        (S::ArmedClash, S::GovernmentRegainsTerritory | S::NonStateActorOvertakesTerritory) => {
            Some(next.sub)
        }
        _ => None,
    };
    match upgrade {
        Some(sub) => Reading { sub, ..current },
        None => current,
    }
}

/// Groups the document's sentences into incidents.
pub fn incidents(an: &Annotated<'_>) -> Vec<Incident> {
    let mut out: Vec<Incident> = Vec::new();
    for idx in 0..an.sentences.len() {
        let sentence = an.sentences[idx];
        let reading = an.read_sentence(idx, !out.is_empty());
        let anchor = reading.map(|r| r.anchor).unwrap_or(sentence);
        let place = places_near(an, sentence, anchor).first().copied();
        let date = dates_in(an, sentence, anchor).first().copied();
        let refers_back = an
            .cues
            .iter()
            .any(|c| c.what == Cue::Anaphora && sentence.contains(c.span));
        let separate = an
            .cues
            .iter()
            .any(|c| c.what == Cue::Separate && sentence.contains(c.span));
        let Some(current) = out.last_mut() else {
            if let Some(reading) = reading {
                out.push(Incident {
                    reading,
                    sentences: vec![idx],
                    place,
                    date,
                });
            }
            continue;
        };
        let new_place = match (current.place, place) {
            (Some(a), Some(b)) => !same_place(an, a, b),
            _ => false,
        };
        let new_date = match (current.date, date) {
            (Some(a), Some(b)) => an.dates[a].date != an.dates[b].date,
            _ => false,
        };
        let Some(reading) = reading else {
            // A sentence with no trigger adds detail (a suspect, a place)
            // to the incident unless it moves elsewhere.
            if !new_place && !new_date {
                current.sentences.push(idx);
                current.place = current.place.or(place);
                current.date = current.date.or(date);
            }
            continue;
        };
        if !new_place && !new_date && compatible(&current.reading, &reading, refers_back, separate)
        {
            current.reading = merged_reading(current.reading, reading);
            current.sentences.push(idx);
            current.place = current.place.or(place);
            current.date = current.date.or(date);
        } else {
            out.push(Incident {
                reading,
                sentences: vec![idx],
                place,
                date,
            });
        }
    }
    out
}
