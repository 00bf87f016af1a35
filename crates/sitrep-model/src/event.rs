//! The ACLED-style event record, with evidence for every filled field.

use crate::document::{Document, Span};
use crate::taxonomy::{ActorType, EventType, GeoPrecision, SubEventType, TimePrecision};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field names, as they appear in output and as keys of [`Event::evidence`].
/// One place for them so a typo is a compile error, not a silent gap.
#[allow(non_snake_case)]
pub mod Fields {
    pub const EVENT_DATE: &str = "event_date";
    pub const TIME_PRECISION: &str = "time_precision";
    pub const EVENT_TYPE: &str = "event_type";
    pub const SUB_EVENT_TYPE: &str = "sub_event_type";
    pub const ACTOR1: &str = "actor1";
    pub const ASSOC_ACTOR_1: &str = "assoc_actor_1";
    pub const INTER1: &str = "inter1";
    pub const ACTOR2: &str = "actor2";
    pub const ASSOC_ACTOR_2: &str = "assoc_actor_2";
    pub const INTER2: &str = "inter2";
    pub const INTERACTION: &str = "interaction";
    pub const CIVILIAN_TARGETING: &str = "civilian_targeting";
    pub const ISO: &str = "iso";
    pub const COUNTRY: &str = "country";
    pub const ADMIN1: &str = "admin1";
    pub const ADMIN2: &str = "admin2";
    pub const LOCATION: &str = "location";
    pub const LATITUDE: &str = "latitude";
    pub const LONGITUDE: &str = "longitude";
    pub const GEO_PRECISION: &str = "geo_precision";
    pub const FATALITIES: &str = "fatalities";
    pub const WOUNDED: &str = "wounded";
    pub const NOTES: &str = "notes";

    /// Every field that needs evidence when it holds a value, in output
    /// order. (`source` and `doc_id` are document metadata, not text.)
    pub const EVIDENCED: [&str; 22] = [
        EVENT_DATE,
        TIME_PRECISION,
        EVENT_TYPE,
        SUB_EVENT_TYPE,
        ACTOR1,
        ASSOC_ACTOR_1,
        INTER1,
        ACTOR2,
        ASSOC_ACTOR_2,
        INTER2,
        INTERACTION,
        CIVILIAN_TARGETING,
        ISO,
        COUNTRY,
        ADMIN1,
        ADMIN2,
        LOCATION,
        LATITUDE,
        LONGITUDE,
        GEO_PRECISION,
        FATALITIES,
        NOTES,
    ];
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceOrigin {
    /// A span of the document text (the normal case).
    #[default]
    Text,
    /// The document's publication date: the text says an event happened but
    /// not when, so the date is the report's own (with a coarser precision).
    Published,
    /// The document's outlet (`Document::source`): the text names no
    /// country, so the event's country is the one a national outlet covers
    /// ("Libya Herald" → Libya). `text` holds the outlet name.
    Outlet,
}

/// The span of source text a field's value came from. `start`/`end` are
/// Unicode character offsets into the document text; they are absent only
/// for [`EvidenceOrigin::Published`] and [`EvidenceOrigin::Outlet`].
///
/// `source_start`/`source_end` locate the same text in the page the document
/// was extracted from, as **byte** offsets into the page after charset
/// decoding (see [`crate::SourceMap`]); they are present only when the
/// document came from HTML and that stretch of text maps with certainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_text_origin")]
    pub origin: EvidenceOrigin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
    /// Set on a count the text gives for several places together ("Four
    /// Boko Haram dead" after "clear Bulagana and Gambori"): the event has
    /// one place, so its value is its even share, and this is how many
    /// places the count was divided among (ACLED's rule for such reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub divided_among: Option<u32>,
}

fn is_text_origin(o: &EvidenceOrigin) -> bool {
    *o == EvidenceOrigin::Text
}

impl Evidence {
    pub fn text_span(start: usize, end: usize, text: impl Into<String>) -> Self {
        Evidence {
            start: Some(start),
            end: Some(end),
            text: text.into(),
            origin: EvidenceOrigin::Text,
            source_start: None,
            source_end: None,
            divided_among: None,
        }
    }
    pub fn published(date: NaiveDate) -> Self {
        Evidence {
            start: None,
            end: None,
            text: date.to_string(),
            origin: EvidenceOrigin::Published,
            source_start: None,
            source_end: None,
            divided_among: None,
        }
    }
    /// Evidence that is the document's outlet name, not a text span.
    pub fn outlet(name: impl Into<String>) -> Self {
        Evidence {
            start: None,
            end: None,
            text: name.into(),
            origin: EvidenceOrigin::Outlet,
            source_start: None,
            source_end: None,
            divided_among: None,
        }
    }
}

/// One event, ACLED's field names first, then sitrep's own.
///
/// Every `Option` that is `None` is serialised as `null`: the text did not
/// support a value, and sitrep does not guess one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    /// Stable id: a hash of the document id and the event's anchor span.
    pub event_id: String,
    pub event_date: Option<NaiveDate>,
    pub time_precision: Option<TimePrecision>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub inter1: Option<ActorType>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
    pub inter2: Option<ActorType>,
    pub interaction: Option<u8>,
    /// ACLED's value: "Civilian targeting", or null.
    pub civilian_targeting: Option<String>,
    /// ISO 3166-1 numeric country code, as ACLED's `iso` column (566 = Nigeria).
    pub iso: Option<u16>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<GeoPrecision>,
    pub fatalities: Option<u32>,
    pub notes: Option<String>,
    pub source: Option<String>,
    // --- sitrep's extras ---
    pub doc_id: String,
    /// 0..1: how sure the coder is this is a real, correctly typed event.
    pub confidence: f32,
    /// Reported injuries, kept apart from fatalities (never added to them).
    pub wounded: Option<u32>,
    /// field name → the text it came from.
    pub evidence: BTreeMap<String, Evidence>,
    /// Things a user should know about this record (e.g. "no_date_anchor").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
}

impl Event {
    /// Fills `source_start`/`source_end` on every evidence that has a text
    /// span which `doc`'s source map can locate (and clears them on the
    /// rest). A no-op for documents without a map (plain text).
    pub fn attach_source_ranges(&mut self, doc: &Document) {
        attach_source_ranges(std::slice::from_mut(self), doc);
    }

    /// ACLED's `disorder_type`, derived from the event type.
    pub fn disorder_type(&self) -> Option<&'static str> {
        use EventType::*;
        Some(match (self.event_type?, self.sub_event_type) {
            (Protests, Some(SubEventType::ExcessiveForceAgainstProtesters)) => {
                "Political violence; Demonstrations"
            }
            (Protests | Riots, _) => "Demonstrations",
            (StrategicDevelopments, _) => "Strategic developments",
            _ => "Political violence",
        })
    }

    /// Names of the fields that hold a value but have no evidence. Empty for
    /// every event sitrep emits; the test suites check it.
    pub fn fields_without_evidence(&self) -> Vec<&'static str> {
        // Same order as `Fields::EVIDENCED`.
        let filled: [bool; 22] = [
            self.event_date.is_some(),
            self.time_precision.is_some(),
            self.event_type.is_some(),
            self.sub_event_type.is_some(),
            self.actor1.is_some(),
            self.assoc_actor_1.is_some(),
            self.inter1.is_some(),
            self.actor2.is_some(),
            self.assoc_actor_2.is_some(),
            self.inter2.is_some(),
            self.interaction.is_some(),
            self.civilian_targeting.is_some(),
            self.iso.is_some(),
            self.country.is_some(),
            self.admin1.is_some(),
            self.admin2.is_some(),
            self.location.is_some(),
            self.latitude.is_some(),
            self.longitude.is_some(),
            self.geo_precision.is_some(),
            self.fatalities.is_some(),
            self.notes.is_some(),
        ];
        Fields::EVIDENCED
            .into_iter()
            .zip(filled)
            .filter(|(name, has)| *has && !self.evidence.contains_key(*name))
            .map(|(name, _)| name)
            .collect()
    }

    /// One CSV row in [`ACLED_COLUMNS`] order.
    pub fn csv_row(&self) -> Vec<String> {
        fn s<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map(|x| x.to_string()).unwrap_or_default()
        }
        let code = |v: Option<u8>| v.map(|c| c.to_string()).unwrap_or_default();
        vec![
            self.event_id.clone(),
            s(&self.event_date),
            self.event_date
                .map(|d| chrono::Datelike::year(&d).to_string())
                .unwrap_or_default(),
            code(self.time_precision.map(|p| p.code())),
            self.disorder_type().unwrap_or("").to_string(),
            s(&self.event_type),
            s(&self.sub_event_type),
            s(&self.actor1),
            s(&self.assoc_actor_1),
            code(self.inter1.map(|a| a.code())),
            s(&self.actor2),
            s(&self.assoc_actor_2),
            code(self.inter2.map(|a| a.code())),
            code(self.interaction),
            s(&self.civilian_targeting),
            s(&self.iso),
            String::new(), // region: ACLED's world regions are not modelled yet
            s(&self.country),
            s(&self.admin1),
            s(&self.admin2),
            String::new(), // admin3
            s(&self.location),
            s(&self.latitude),
            s(&self.longitude),
            code(self.geo_precision.map(|p| p.code())),
            s(&self.source),
            String::new(), // source_scale
            s(&self.notes),
            self.fatalities.map(|f| f.to_string()).unwrap_or_default(),
            String::new(), // tags
            String::new(), // timestamp
            self.doc_id.clone(),
            format!("{:.2}", self.confidence),
            s(&self.wounded),
            serde_json::to_string(&self.evidence).unwrap_or_default(),
        ]
    }
}

/// [`Event::attach_source_ranges`] for many events of one document, sharing
/// the character-offset table.
pub fn attach_source_ranges(events: &mut [Event], doc: &Document) {
    let Some(map) = doc.source_map.as_deref() else {
        return;
    };
    let offsets = doc.char_offsets();
    for evidence in events.iter_mut().flat_map(|e| e.evidence.values_mut()) {
        let located = match (evidence.start, evidence.end) {
            (Some(start), Some(end)) if start <= end => {
                let bytes = Span::new(offsets.byte_at(start), offsets.byte_at(end));
                map.locate(bytes)
            }
            _ => None,
        };
        evidence.source_start = located.map(|s| s.start);
        evidence.source_end = located.map(|s| s.end);
    }
}

/// CSV header: ACLED's export columns in ACLED's order, then sitrep's extras
/// (`doc_id`, `confidence`, `wounded`, `evidence` as JSON).
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "doc_id",
    "confidence",
    "wounded",
    "evidence",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_serialise_as_null() {
        let e = Event {
            event_id: "x".into(),
            doc_id: "d".into(),
            ..Default::default()
        };
        let v: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert!(v["fatalities"].is_null());
        assert!(v["event_date"].is_null());
        assert!(v.get("caveats").is_none());
    }

    #[test]
    fn evidenced_fields_are_output_fields() {
        let v = serde_json::to_value(Event::default()).unwrap();
        for name in Fields::EVIDENCED {
            assert!(v.get(name).is_some(), "{name} is not an Event field");
        }
    }

    #[test]
    fn csv_row_matches_header() {
        let e = Event::default();
        assert_eq!(e.csv_row().len(), ACLED_COLUMNS.len());
    }

    #[test]
    fn filled_field_without_evidence_is_reported() {
        let mut e = Event {
            fatalities: Some(3),
            ..Default::default()
        };
        assert_eq!(e.fields_without_evidence(), vec!["fatalities"]);
        e.evidence
            .insert("fatalities".into(), Evidence::text_span(0, 5, "three"));
        assert!(e.fields_without_evidence().is_empty());
    }

    #[test]
    fn evidence_gets_page_offsets_through_the_source_map() {
        // Page "<p>Shelling hit <b>Kherson</b>’s port</p>" ...
        let page = "<p>Shelling hit <b>Kherson</b>&#8217;s port</p>";
        let mut doc = Document::new("d", "Shelling hit Kherson’s port");
        let mut map = crate::SourceMapBuilder::new();
        map.push(0, 13, 3, 13, false); // "Shelling hit "
        map.push(13, 7, 19, 7, true); // "Kherson"
        map.push(20, 3, 30, 7, true); // "’" from "&#8217;"
        map.push(23, 6, 37, 6, true); // "s port"
        doc.source_map = Some(std::sync::Arc::new(map.finish()));
        let mut event = Event::default();
        // character offsets: "port" is chars 23..27 but bytes 25..29
        event
            .evidence
            .insert("location".into(), Evidence::text_span(13, 20, "Kherson"));
        event.evidence.insert(
            "notes".into(),
            Evidence::text_span(13, 27, "Kherson’s port"),
        );
        event.evidence.insert(
            "event_date".into(),
            Evidence::published(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()),
        );
        event.attach_source_ranges(&doc);
        let at = |name: &str| {
            let e = &event.evidence[name];
            e.source_start.zip(e.source_end).map(|(s, t)| &page[s..t])
        };
        assert_eq!(at("location"), Some("Kherson"));
        assert_eq!(at("notes"), Some("Kherson</b>&#8217;s port"));
        assert_eq!(at("event_date"), None);
        let json = serde_json::to_value(&event.evidence["location"]).unwrap();
        assert_eq!(json["source_start"], 19);
        let json = serde_json::to_value(&event.evidence["event_date"]).unwrap();
        assert!(json.get("source_start").is_none());
    }

    #[test]
    fn disorder_type_follows_event_type() {
        let e = Event {
            event_type: Some(EventType::Protests),
            sub_event_type: Some(SubEventType::ExcessiveForceAgainstProtesters),
            ..Default::default()
        };
        assert_eq!(
            e.disorder_type(),
            Some("Political violence; Demonstrations")
        );
    }
}
