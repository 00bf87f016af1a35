//! Territorial control over time, from ACLED's three territorial sub-event
//! types: "Government regains territory", "Non-state actor overtakes
//! territory" and "Non-violent transfer of territory". In each, `actor1`
//! takes the location.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{Event, Evidence, Fields, SubEventType};
use sitrep_text::normalize::fold;
use std::collections::BTreeMap;
use std::fmt;

/// Where control is tracked: the location's folded name and its
/// coordinates rounded to 0.01° (about a kilometre), so "Wad Madani" and
/// "Wad Medani" at one point stay apart but two reports of one town with
/// the same gazetteer entry meet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlaceKey {
    pub name: String,
    pub lat_centi: Option<i32>,
    pub lon_centi: Option<i32>,
}

impl PlaceKey {
    /// `None` when the name folds to nothing.
    pub fn new(name: &str, lat: Option<f64>, lon: Option<f64>) -> Option<PlaceKey> {
        let name = fold(name);
        if name.is_empty() {
            return None;
        }
        // Rounded hundredths of a degree fit an i32 for every real
        // coordinate; anything else is dropped rather than wrapped.
        let centi = |x: f64| {
            let c = (x * 100.0).round();
            (c.is_finite() && c.abs() <= 18_000.0).then_some(c as i32)
        };
        let (lat_centi, lon_centi) = match (lat.and_then(centi), lon.and_then(centi)) {
            (Some(a), Some(b)) => (Some(a), Some(b)),
            _ => (None, None),
        };
        Some(PlaceKey {
            name,
            lat_centi,
            lon_centi,
        })
    }

    pub fn of_event(event: &Event) -> Option<PlaceKey> {
        PlaceKey::new(event.location.as_deref()?, event.latitude, event.longitude)
    }
}

impl fmt::Display for PlaceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.lat_centi, self.lon_centi) {
            (Some(lat), Some(lon)) => write!(
                f,
                "{}@{:.2},{:.2}",
                self.name,
                f64::from(lat) / 100.0,
                f64::from(lon) / 100.0
            ),
            _ => f.write_str(&self.name),
        }
    }
}

/// One reported change of control.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlChange {
    pub date: NaiveDate,
    /// Who took the place: the event's `actor1`.
    pub controller: String,
    /// Who held it before: the controller of the latest earlier change in
    /// this place's timeline, else the event's `actor2` (who lost it).
    pub previous: Option<String>,
    /// The event's `actor2`, as reported.
    pub ceded_by: Option<String>,
    pub sub_event_type: SubEventType,
    pub event_id: String,
    pub doc_id: String,
    /// Another change on the same day names a different controller.
    pub contested: bool,
    /// The event's evidence for the fields this change rests on (date,
    /// actors, location, sub-event type).
    pub evidence: BTreeMap<String, Evidence>,
}

/// Every change reported for one place, by date (then event id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceTimeline {
    pub key: PlaceKey,
    /// The location as the first report spelled it.
    pub location: String,
    pub admin1: Option<String>,
    pub country: Option<String>,
    pub changes: Vec<ControlChange>,
}

/// What [`TerritoryLedger::add`] did with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlUpdate {
    Recorded,
    /// Not one of the three territorial sub-event types.
    NotTerritorial,
    MissingDate,
    MissingController,
    MissingPlace,
    /// This event (doc_id, event_id) is already in the timeline.
    Duplicate,
}

/// Control timelines for every place, keyed by [`PlaceKey`]'s display form
/// (a string, so the ledger serialises as a JSON object).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TerritoryLedger {
    pub places: BTreeMap<String, PlaceTimeline>,
}

/// Fields whose evidence a control change keeps.
const CONTROL_FIELDS: &[&str] = &[
    Fields::EVENT_DATE,
    Fields::SUB_EVENT_TYPE,
    Fields::ACTOR1,
    Fields::ACTOR2,
    Fields::LOCATION,
];

fn is_territorial(s: SubEventType) -> bool {
    matches!(
        s,
        SubEventType::GovernmentRegainsTerritory
            | SubEventType::NonStateActorOvertakesTerritory
            | SubEventType::NonViolentTransferOfTerritory
    )
}

impl TerritoryLedger {
    pub fn new() -> Self {
        TerritoryLedger::default()
    }

    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut ledger = TerritoryLedger::new();
        for e in events {
            ledger.add(e);
        }
        ledger
    }

    /// Records a territorial event; any other event is left out (and said so).
    pub fn add(&mut self, event: &Event) -> ControlUpdate {
        let Some(sub_event_type) = event.sub_event_type.filter(|s| is_territorial(*s)) else {
            return ControlUpdate::NotTerritorial;
        };
        let Some(date) = event.event_date else {
            return ControlUpdate::MissingDate;
        };
        let Some(controller) = event.actor1.clone().filter(|a| !a.trim().is_empty()) else {
            return ControlUpdate::MissingController;
        };
        let Some(key) = PlaceKey::of_event(event) else {
            return ControlUpdate::MissingPlace;
        };
        let timeline = self
            .places
            .entry(key.to_string())
            .or_insert_with(|| PlaceTimeline {
                key,
                location: event.location.clone().unwrap_or_default(),
                admin1: event.admin1.clone(),
                country: event.country.clone(),
                changes: Vec::new(),
            });
        if timeline
            .changes
            .iter()
            .any(|c| c.event_id == event.event_id && c.doc_id == event.doc_id)
        {
            return ControlUpdate::Duplicate;
        }
        let evidence = CONTROL_FIELDS
            .iter()
            .filter_map(|f| Some((f.to_string(), event.evidence.get(*f)?.clone())))
            .collect();
        timeline.changes.push(ControlChange {
            date,
            controller,
            previous: None,
            ceded_by: event.actor2.clone(),
            sub_event_type,
            event_id: event.event_id.clone(),
            doc_id: event.doc_id.clone(),
            contested: false,
            evidence,
        });
        timeline.settle();
        ControlUpdate::Recorded
    }

    /// The place's timeline.
    pub fn timeline(&self, place: &PlaceKey) -> Option<&PlaceTimeline> {
        self.places.get(&place.to_string())
    }

    /// Timelines whose location folds to `name` (one name can be several
    /// places).
    pub fn places_named(&self, name: &str) -> Vec<&PlaceTimeline> {
        let folded = fold(name);
        self.places
            .values()
            .filter(|t| t.key.name == folded)
            .collect()
    }

    /// The change in force on `date`: the latest one on or before it. When
    /// that day holds conflicting claims, this is the last in event-id
    /// order; [`TerritoryLedger::claims_on`] gives them all.
    pub fn who_held(&self, place: &PlaceKey, date: NaiveDate) -> Option<&ControlChange> {
        self.claims_on(place, date).pop()
    }

    /// Every change reported on the latest day on or before `date`.
    pub fn claims_on(&self, place: &PlaceKey, date: NaiveDate) -> Vec<&ControlChange> {
        let Some(t) = self.timeline(place) else {
            return Vec::new();
        };
        let Some(last_day) = t
            .changes
            .iter()
            .map(|c| c.date)
            .filter(|d| *d <= date)
            .max()
        else {
            return Vec::new();
        };
        t.changes.iter().filter(|c| c.date == last_day).collect()
    }

    /// Every change dated within `[from, to]`, by date, then place, with
    /// its place.
    pub fn changes_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<(&PlaceTimeline, &ControlChange)> {
        let mut out: Vec<(&PlaceTimeline, &ControlChange)> = self
            .places
            .values()
            .flat_map(|t| t.changes.iter().map(move |c| (t, c)))
            .filter(|(_, c)| from <= c.date && c.date <= to)
            .collect();
        out.sort_by(|a, b| (a.1.date, &a.0.key).cmp(&(b.1.date, &b.0.key)));
        out
    }

    /// Changes that conflict with another change on the same day and place.
    pub fn contested(&self) -> Vec<(&PlaceTimeline, &ControlChange)> {
        self.places
            .values()
            .flat_map(|t| t.changes.iter().map(move |c| (t, c)))
            .filter(|(_, c)| c.contested)
            .collect()
    }
}

impl PlaceTimeline {
    /// Re-sorts and recomputes `previous` and `contested` after an insert
    /// (reports arrive out of date order).
    fn settle(&mut self) {
        self.changes.sort_by(|a, b| {
            (a.date, &a.event_id, &a.doc_id).cmp(&(b.date, &b.event_id, &b.doc_id))
        });
        let folded: Vec<String> = self.changes.iter().map(|c| fold(&c.controller)).collect();
        for i in 0..self.changes.len() {
            let date = self.changes[i].date;
            let same_day = |j: &usize| self.changes[*j].date == date;
            let contested = (0..self.changes.len())
                .filter(same_day)
                .any(|j| folded[j] != folded[i]);
            // The last change of an earlier day.
            let before = (0..i).rev().find(|&j| self.changes[j].date < date);
            let previous = match before {
                Some(j) => Some(self.changes[j].controller.clone()),
                None => self.changes[i].ceded_by.clone(),
            };
            let c = &mut self.changes[i];
            c.contested = contested;
            c.previous = previous;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).unwrap_or_default()
    }

    fn takeover(id: &str, date: NaiveDate, taker: &str, loser: &str, sub: SubEventType) -> Event {
        let mut e = Event {
            event_id: id.into(),
            doc_id: format!("doc-{id}"),
            event_date: Some(date),
            event_type: Some(sub.event_type()),
            sub_event_type: Some(sub),
            actor1: Some(taker.into()),
            actor2: Some(loser.into()),
            location: Some("Wad Madani".into()),
            admin1: Some("Al Jazirah".into()),
            country: Some("Sudan".into()),
            latitude: Some(14.4012),
            longitude: Some(33.5199),
            ..Default::default()
        };
        e.evidence.insert(
            "actor1".into(),
            Evidence::text_span(0, taker.chars().count(), taker),
        );
        e
    }

    const SAF: &str = "Military Forces of Sudan (2019-)";
    const RSF: &str = "Rapid Support Forces";

    fn madani() -> PlaceKey {
        PlaceKey::new("Wad Madani", Some(14.4012), Some(33.5199)).unwrap()
    }

    fn ledger() -> TerritoryLedger {
        use SubEventType::*;
        let events = [
            // Out of order on purpose.
            takeover("e2", d(12, 18), SAF, RSF, GovernmentRegainsTerritory),
            takeover("e1", d(8, 18), RSF, SAF, NonStateActorOvertakesTerritory),
            takeover("e0", d(3, 1), "Police Forces of Sudan (2019-)", "", Arrests),
        ];
        TerritoryLedger::from_events(&events)
    }

    #[test]
    fn who_held_follows_the_timeline() {
        let l = ledger();
        let k = madani();
        assert!(l.who_held(&k, d(8, 17)).is_none());
        let held = l.who_held(&k, d(10, 1)).unwrap();
        assert_eq!(held.controller, RSF);
        // Before any change in the timeline: the loser of the first event.
        assert_eq!(held.previous.as_deref(), Some(SAF));
        assert_eq!(held.evidence["actor1"].text, RSF);
        let later = l.who_held(&k, d(12, 31)).unwrap();
        assert_eq!(later.controller, SAF);
        assert_eq!(later.previous.as_deref(), Some(RSF));
        // On the day itself the change is in force.
        assert_eq!(l.who_held(&k, d(12, 18)).unwrap().event_id, "e2");
    }

    #[test]
    fn changes_between_is_inclusive_and_ordered() {
        let l = ledger();
        let changes = l.changes_between(d(8, 18), d(12, 18));
        let ids: Vec<&str> = changes.iter().map(|(_, c)| c.event_id.as_str()).collect();
        assert_eq!(ids, ["e1", "e2"]);
        assert!(l.changes_between(d(9, 1), d(12, 17)).is_empty());
        assert_eq!(changes[0].0.location, "Wad Madani");
    }

    #[test]
    fn same_day_conflicting_claims_are_kept() {
        let mut l = ledger();
        use SubEventType::*;
        let claim = takeover("e3", d(12, 18), RSF, SAF, NonStateActorOvertakesTerritory);
        assert_eq!(l.add(&claim), ControlUpdate::Recorded);
        let claims = l.claims_on(&madani(), d(12, 20));
        assert_eq!(claims.len(), 2);
        assert!(claims.iter().all(|c| c.contested));
        assert_eq!(l.contested().len(), 2);
        // The earlier change is not contested.
        assert!(!l.who_held(&madani(), d(9, 1)).unwrap().contested);
    }

    #[test]
    fn skips_are_explained() {
        let mut l = TerritoryLedger::new();
        let mut e = takeover("x", d(1, 1), RSF, SAF, SubEventType::ArmedClash);
        assert_eq!(l.add(&e), ControlUpdate::NotTerritorial);
        e.sub_event_type = Some(SubEventType::NonViolentTransferOfTerritory);
        e.location = None;
        assert_eq!(l.add(&e), ControlUpdate::MissingPlace);
        e.location = Some("Sinja".into());
        e.actor1 = None;
        assert_eq!(l.add(&e), ControlUpdate::MissingController);
        e.actor1 = Some(RSF.into());
        assert_eq!(l.add(&e), ControlUpdate::Recorded);
        assert_eq!(l.add(&e), ControlUpdate::Duplicate);
        assert_eq!(l.places_named("SINJA").len(), 1);
    }

    #[test]
    fn ledger_round_trips_through_json() {
        let l = ledger();
        let json = serde_json::to_string(&l).unwrap();
        let back: TerritoryLedger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, l);
        assert!(json.contains("wad madani@14.40,33.52"));
    }
}
