//! `sitrep eval events`: event coding scored against gold events.
//!
//! Gold is JSON Lines, one event a line: `{"id", "text", "published",
//! "source", "gold": {...}}` with ACLED fields (`event_type`,
//! `sub_event_type`, `actor1`, `country`, `latitude`, `longitude`,
//! `fatalities`, `event_date`, `time_precision`) or UCDP's (`event_type_any`,
//! `fatalities_low`/`_best`/`_high`). Each line's text goes through the whole
//! pipeline; the predicted event that best matches the gold one is scored.
//!
//! Scoring rules:
//! - type: equal to `event_type`, or one of `event_type_any` (UCDP).
//! - sub-type: only where gold has one.
//! - location: predicted coordinates within [`LOCATION_RADIUS_KM`] of gold.
//! - fatalities: ACLED writes 0 when a report gives no figure, so a predicted
//!   `null` reads as 0; UCDP: within `[fatalities_low, fatalities_high]`.
//! - actor1: case- and accent-folded names, cut at ACLED's regime years
//!   ("Military Forces of Nigeria (2015-) Joint Task Force" → "military
//!   forces of nigeria"): the years and unit names are not in the text.
//!   Scored only where gold names an ACLED actor (not UCDP's dyads).
//! - date: exact, and within the predicted precision's window (day: same
//!   day, week: 7 days, month: 31 days).
//!
//! Documents split by the parity of their numeric id so rules can be tuned on
//! one half and checked on the other; both halves are reported.

use crate::geo::EvalError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{Document, Event, TimePrecision};
use sitrep_pipeline::Pipeline;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// Radius within which a predicted location counts as right.
pub const LOCATION_RADIUS_KM: f64 = 25.0;

#[derive(Debug, Deserialize)]
struct GoldLine {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    gold: GoldEvent,
}

#[derive(Debug, Deserialize, Default)]
struct GoldEvent {
    #[serde(default)]
    event_date: Option<String>,
    #[serde(default)]
    event_type: Option<String>,
    #[serde(default)]
    event_type_any: Option<Vec<String>>,
    #[serde(default)]
    sub_event_type: Option<String>,
    #[serde(default)]
    actor1: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    fatalities: Option<u32>,
    #[serde(default)]
    fatalities_low: Option<u32>,
    #[serde(default)]
    fatalities_high: Option<u32>,
}

impl GoldEvent {
    fn types(&self) -> Vec<&str> {
        match (&self.event_type_any, &self.event_type) {
            (Some(any), _) if !any.is_empty() => any.iter().map(String::as_str).collect(),
            (_, Some(t)) if !t.is_empty() => vec![t.as_str()],
            _ => Vec::new(),
        }
    }
    fn is_ucdp(&self) -> bool {
        self.event_type_any.is_some()
    }
    fn date(&self) -> Option<NaiveDate> {
        parse_date(self.event_date.as_deref()?)
    }
}

/// "2016-07-03", or the first of "2019-02-18;2019-02-19".
fn parse_date(s: &str) -> Option<NaiveDate> {
    let first = s.split(';').next()?.trim();
    NaiveDate::parse_from_str(first, "%Y-%m-%d").ok()
}

/// A rate with its counts.
#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq)]
pub struct Rate {
    pub correct: usize,
    pub total: usize,
    pub rate: f64,
}

impl Rate {
    fn add(&mut self, correct: bool) {
        self.total += 1;
        if correct {
            self.correct += 1;
        }
        self.rate = self.correct as f64 / self.total as f64;
    }
    fn cell(&self) -> String {
        if self.total == 0 {
            "n/a".to_string()
        } else {
            format!("{:.3} ({}/{})", self.rate, self.correct, self.total)
        }
    }
}

/// The scores over one set of documents.
#[derive(Debug, Serialize, Default, Clone)]
pub struct Scores {
    pub documents: usize,
    /// Documents with at least one predicted event.
    pub detection: Rate,
    pub event_type: Rate,
    pub sub_event_type: Rate,
    pub location_25km: Rate,
    pub country: Rate,
    pub fatalities: Rate,
    /// Documents where the coder stated a figure (0 included).
    pub fatalities_stated: Rate,
    pub actor1: Rate,
    /// Gold actor1 found as the predicted actor1 or actor2.
    pub actor1_either_slot: Rate,
    pub date_exact: Rate,
    pub date_within_precision: Rate,
    /// Predicted events per document.
    pub events_per_doc: f64,
}

/// One document's outcome, for error analysis.
#[derive(Debug, Serialize, Clone)]
pub struct EventMiss {
    pub doc_id: String,
    pub text: String,
    pub gold_type: String,
    pub predicted_type: Option<String>,
    pub predicted_sub_type: Option<String>,
    pub gold_actor1: Option<String>,
    pub predicted_actor1: Option<String>,
    pub gold_fatalities: String,
    pub predicted_fatalities: Option<u32>,
    pub gold_location: Option<(f64, f64)>,
    pub predicted_location: Option<String>,
    pub error_km: Option<f64>,
    pub failed: Vec<&'static str>,
}

#[derive(Debug, Serialize, Default)]
pub struct Report {
    pub documents: usize,
    pub all: Scores,
    /// Documents whose numeric id is even (the tuning half).
    pub even_ids: Scores,
    /// Documents whose numeric id is odd (the held-out half).
    pub odd_ids: Scores,
    /// gold type → predicted type ("none" when nothing was predicted) → count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub seconds: f64,
    pub docs_per_s: f64,
    /// Predicted events with a filled field that has no evidence (should be 0).
    pub events_without_evidence: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<EventMiss>,
}

fn scores_table(name: &str, s: &Scores) -> String {
    let rows = [
        ("detection (docs with >=1 event)", s.detection),
        ("event type", s.event_type),
        ("sub-event type (gold has one)", s.sub_event_type),
        ("location within 25 km", s.location_25km),
        ("country", s.country),
        ("fatalities", s.fatalities),
        ("  fatalities stated", s.fatalities_stated),
        ("actor1", s.actor1),
        ("  actor1 in either slot", s.actor1_either_slot),
        ("event date exact", s.date_exact),
        ("event date within precision", s.date_within_precision),
    ];
    let mut out = format!("{name} ({} documents)\n", s.documents);
    for (label, rate) in rows {
        out.push_str(&format!("  {label:<34} {}\n", rate.cell()));
    }
    out.push_str(&format!(
        "  {:<34} {:.2}\n",
        "events per document", s.events_per_doc
    ));
    out
}

impl Report {
    pub fn table(&self) -> String {
        let mut out = scores_table("all", &self.all);
        out.push_str(&scores_table("even ids (tuning half)", &self.even_ids));
        out.push_str(&scores_table("odd ids (held-out half)", &self.odd_ids));
        out.push_str("confusion (gold → predicted)\n");
        for (gold, row) in &self.confusion {
            let cells: Vec<String> = row.iter().map(|(p, n)| format!("{p}: {n}")).collect();
            out.push_str(&format!("  {gold:<40} {}\n", cells.join(", ")));
        }
        out.push_str(&format!(
            "events with a field lacking evidence: {}\n",
            self.events_without_evidence
        ));
        out.push_str(&format!(
            "speed: {:.0} docs/s on one thread ({:.2} s for {} documents)\n",
            self.docs_per_s, self.seconds, self.documents
        ));
        out
    }
}

/// Options for [`evaluate_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct EvalOptions {
    /// Keep every document's outcome where something failed.
    pub keep_misses: bool,
}

pub fn evaluate(path: &Path) -> Result<Report, EvalError> {
    evaluate_with(path, EvalOptions::default())
}

fn read_gold(path: &Path) -> Result<Vec<GoldLine>, EvalError> {
    let shown = path.display().to_string();
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: shown.clone(),
        source,
    })?;
    raw.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|source| EvalError::BadRecord {
                path: shown.clone(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

pub fn evaluate_with(path: &Path, options: EvalOptions) -> Result<Report, EvalError> {
    let gold = read_gold(path)?;
    let pipeline = Pipeline::new();
    let docs: Vec<Document> = gold.iter().map(document).collect();
    let started = Instant::now();
    let predictions: Vec<Vec<Event>> = docs.iter().map(|d| pipeline.analyse(d).events).collect();
    let seconds = started.elapsed().as_secs_f64();

    let mut report = Report {
        documents: gold.len(),
        seconds,
        docs_per_s: if seconds > 0.0 {
            gold.len() as f64 / seconds
        } else {
            0.0
        },
        ..Default::default()
    };
    report.events_without_evidence = predictions
        .iter()
        .flatten()
        .filter(|e| !e.fields_without_evidence().is_empty())
        .count();
    let mut event_counts = [0usize; 3];
    for (line, events) in gold.iter().zip(&predictions) {
        let outcome = score(&line.gold, events);
        let even = id_number(&line.id).is_some_and(|n| n % 2 == 0);
        outcome.add_to(&mut report.all);
        outcome.add_to(if even {
            &mut report.even_ids
        } else {
            &mut report.odd_ids
        });
        event_counts[0] += events.len();
        event_counts[if even { 1 } else { 2 }] += events.len();
        let gold_label = line.gold.types().join(" | ");
        let predicted = outcome
            .best
            .and_then(|e| e.event_type)
            .map(|t| t.to_string())
            .unwrap_or_else(|| "none".to_string());
        *report
            .confusion
            .entry(gold_label.clone())
            .or_default()
            .entry(predicted)
            .or_default() += 1;
        if options.keep_misses && !outcome.failed.is_empty() {
            report.misses.push(outcome.miss(line, gold_label));
        }
    }
    for (scores, n) in [
        (&mut report.all, event_counts[0]),
        (&mut report.even_ids, event_counts[1]),
        (&mut report.odd_ids, event_counts[2]),
    ] {
        scores.events_per_doc = if scores.documents > 0 {
            n as f64 / scores.documents as f64
        } else {
            0.0
        };
    }
    Ok(report)
}

fn document(line: &GoldLine) -> Document {
    let mut doc = Document::new(line.id.clone(), line.text.clone());
    doc.published = line.published.as_deref().and_then(parse_date);
    doc.source = line.source.clone();
    doc.origin = "gold".to_string();
    doc
}

/// The digits of an id ("8188RTA" → 8188, "ucdp-223977" → 223977).
fn id_number(id: &str) -> Option<u64> {
    let digits: String = id.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// Folds case and accents, drops ACLED's regime years and what follows them.
pub fn normalise_actor(name: &str) -> String {
    let cut = match name.find('(') {
        Some(i)
            if name[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()) =>
        {
            &name[..i]
        }
        _ => name,
    };
    let folded: String = cut
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'É' => 'e',
            'á' | 'à' | 'â' => 'a',
            'ó' | 'ô' => 'o',
            'í' => 'i',
            'ú' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

use sitrep_model::haversine_km;

/// One document's results.
struct Outcome<'e> {
    best: Option<&'e Event>,
    detected: bool,
    type_ok: bool,
    sub_ok: Option<bool>,
    location_ok: bool,
    error_km: Option<f64>,
    country_ok: bool,
    fatalities_ok: bool,
    fatalities_stated: bool,
    actor1_ok: Option<bool>,
    actor1_either: Option<bool>,
    date_exact: bool,
    date_window: bool,
    failed: Vec<&'static str>,
}

fn fatalities_ok(gold: &GoldEvent, predicted: Option<u32>) -> bool {
    let p = predicted.unwrap_or(0);
    match (gold.fatalities_low, gold.fatalities_high, gold.fatalities) {
        (Some(lo), Some(hi), _) => lo <= p && p <= hi,
        (_, _, Some(f)) => p == f,
        _ => false,
    }
}

fn location_error(gold: &GoldEvent, e: &Event) -> Option<f64> {
    let g = (gold.latitude?, gold.longitude?);
    let p = (e.latitude?, e.longitude?);
    Some(haversine_km(g, p))
}

fn date_window(precision: Option<TimePrecision>) -> i64 {
    match precision {
        Some(TimePrecision::Day) | None => 0,
        Some(TimePrecision::Week) => 7,
        Some(TimePrecision::Month) => 31,
    }
}

/// How well `e` matches the gold event; the best-matching event is scored.
fn match_score(gold: &GoldEvent, e: &Event) -> f64 {
    let types = gold.types();
    let mut s = 0.0;
    if e.event_type.is_some_and(|t| types.contains(&t.as_str())) {
        s += 4.0;
    }
    if location_error(gold, e).is_some_and(|km| km <= LOCATION_RADIUS_KM) {
        s += 2.0;
    }
    if fatalities_ok(gold, e.fatalities) {
        s += 1.0;
    }
    s + f64::from(e.confidence) * 0.1
}

fn score<'e>(gold: &GoldEvent, events: &'e [Event]) -> Outcome<'e> {
    let best = events.iter().max_by(|a, b| {
        match_score(gold, a)
            .partial_cmp(&match_score(gold, b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let types = gold.types();
    let type_ok = best
        .and_then(|e| e.event_type)
        .is_some_and(|t| types.contains(&t.as_str()));
    let gold_sub = gold.sub_event_type.as_deref().filter(|s| !s.is_empty());
    let sub_ok = gold_sub.map(|g| {
        best.and_then(|e| e.sub_event_type)
            .is_some_and(|s| s.as_str() == g)
    });
    let error_km = best.and_then(|e| location_error(gold, e));
    let location_ok = error_km.is_some_and(|km| km <= LOCATION_RADIUS_KM);
    let country_ok = match (best.and_then(|e| e.country.as_deref()), &gold.country) {
        (Some(p), Some(g)) => normalise_actor(p) == normalise_actor(g),
        _ => false,
    };
    let fatal_ok = best.is_some_and(|e| fatalities_ok(gold, e.fatalities));
    let gold_actor = gold
        .actor1
        .as_deref()
        .filter(|a| !a.is_empty() && !gold.is_ucdp())
        .map(normalise_actor);
    let norm = |a: Option<&String>| a.map(|s| normalise_actor(s));
    let actor1_ok = gold_actor
        .as_ref()
        .map(|g| best.is_some_and(|e| norm(e.actor1.as_ref()).as_ref() == Some(g)));
    let actor1_either = gold_actor.as_ref().map(|g| {
        best.is_some_and(|e| {
            norm(e.actor1.as_ref()).as_ref() == Some(g)
                || norm(e.actor2.as_ref()).as_ref() == Some(g)
        })
    });
    let gold_date = gold.date();
    let (date_exact, date_win) = match (best.and_then(|e| e.event_date), gold_date) {
        (Some(p), Some(g)) => {
            let window = date_window(best.and_then(|e| e.time_precision));
            (p == g, (p - g).num_days().abs() <= window)
        }
        _ => (false, false),
    };
    let mut failed = Vec::new();
    for (ok, name) in [
        (best.is_some(), "detection"),
        (type_ok, "type"),
        (sub_ok.unwrap_or(true), "sub_type"),
        (location_ok, "location"),
        (fatal_ok, "fatalities"),
        (actor1_ok.unwrap_or(true), "actor1"),
        (date_win, "date"),
    ] {
        if !ok {
            failed.push(name);
        }
    }
    Outcome {
        best,
        detected: best.is_some(),
        type_ok,
        sub_ok,
        location_ok,
        error_km,
        country_ok,
        fatalities_ok: fatal_ok,
        fatalities_stated: best.is_some_and(|e| e.fatalities.is_some()),
        actor1_ok,
        actor1_either,
        date_exact,
        date_window: date_win,
        failed,
    }
}

impl Outcome<'_> {
    fn add_to(&self, s: &mut Scores) {
        s.documents += 1;
        s.detection.add(self.detected);
        s.event_type.add(self.type_ok);
        if let Some(ok) = self.sub_ok {
            s.sub_event_type.add(ok);
        }
        s.location_25km.add(self.location_ok);
        s.country.add(self.country_ok);
        s.fatalities.add(self.fatalities_ok);
        s.fatalities_stated.add(self.fatalities_stated);
        if let Some(ok) = self.actor1_ok {
            s.actor1.add(ok);
        }
        if let Some(ok) = self.actor1_either {
            s.actor1_either_slot.add(ok);
        }
        s.date_exact.add(self.date_exact);
        s.date_within_precision.add(self.date_window);
    }

    fn miss(&self, line: &GoldLine, gold_type: String) -> EventMiss {
        let g = &line.gold;
        let gold_fatalities = match (g.fatalities_low, g.fatalities_high, g.fatalities) {
            (Some(lo), Some(hi), _) => format!("{lo}..{hi}"),
            (_, _, Some(f)) => f.to_string(),
            _ => "?".to_string(),
        };
        EventMiss {
            doc_id: line.id.clone(),
            text: line.text.clone(),
            gold_type,
            predicted_type: self.best.and_then(|e| e.event_type).map(|t| t.to_string()),
            predicted_sub_type: self
                .best
                .and_then(|e| e.sub_event_type)
                .map(|t| t.to_string()),
            gold_actor1: g.actor1.clone(),
            predicted_actor1: self.best.and_then(|e| e.actor1.clone()),
            gold_fatalities,
            predicted_fatalities: self.best.and_then(|e| e.fatalities),
            gold_location: g.latitude.zip(g.longitude),
            predicted_location: self.best.and_then(|e| e.location.clone()),
            error_km: self.error_km,
            failed: self.failed.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn actor_names_normalise_without_regime_years() {
        assert_eq!(
            normalise_actor("Military Forces of Nigeria (2015-) "),
            "military forces of nigeria"
        );
        assert_eq!(
            normalise_actor("Military Forces of Libya (2014-) Special Forces"),
            "military forces of libya"
        );
        assert_eq!(
            normalise_actor("Protesters (South Africa)"),
            "protesters (south africa)"
        );
        assert_eq!(normalise_actor("Séléka Militia"), "seleka militia");
    }

    #[test]
    fn ucdp_fatalities_score_within_range() {
        let g = GoldEvent {
            fatalities_low: Some(2),
            fatalities_high: Some(5),
            ..Default::default()
        };
        assert!(fatalities_ok(&g, Some(3)));
        assert!(!fatalities_ok(&g, Some(6)));
        assert!(!fatalities_ok(&g, None));
        let acled = GoldEvent {
            fatalities: Some(0),
            ..Default::default()
        };
        assert!(fatalities_ok(&acled, None), "ACLED's 0 is 'none reported'");
    }

    #[test]
    fn haversine_is_sane() {
        let km = haversine_km((0.0, 0.0), (0.0, 1.0));
        assert!((km - 111.2).abs() < 0.5, "{km}");
    }

    #[test]
    fn ids_split_by_parity() {
        assert_eq!(id_number("8188RTA"), Some(8188));
        assert_eq!(id_number("ucdp-223977"), Some(223977));
        assert_eq!(id_number("x"), None);
    }

    #[test]
    fn evaluates_a_small_gold_file() {
        let mut f = tempfile::NamedTempFile::new().expect("temp file");
        let lines = [
            r#"{"id": "1", "text": "Gunmen killed three farmers in a village.", "published": "2016-07-03", "gold": {"event_date": "2016-07-02", "time_precision": 1, "event_type": "Violence against civilians", "sub_event_type": "", "actor1": "Unidentified Armed Group (Nigeria)", "fatalities": 3}}"#,
            r#"{"id": "2", "text": "Traders protested over new taxes.", "published": "2016-07-03", "gold": {"event_date": "2016-07-02", "event_type_any": ["Protests"], "fatalities_low": 0, "fatalities_high": 0}}"#,
        ];
        for l in lines {
            writeln!(f, "{l}").expect("write");
        }
        let r = evaluate_with(f.path(), EvalOptions { keep_misses: true }).expect("evaluates");
        assert_eq!(r.documents, 2);
        assert_eq!(r.all.detection.correct, 2);
        assert_eq!(r.all.event_type.correct, 2);
        assert_eq!(r.all.fatalities.correct, 2);
        assert_eq!(r.all.date_within_precision.correct, 2);
        assert_eq!(r.all.date_exact.correct, 0);
        assert_eq!(r.even_ids.documents, 1);
        assert_eq!(r.events_without_evidence, 0);
        assert!(r.table().contains("event type"));
    }

    #[test]
    fn bad_lines_are_errors() {
        let mut f = tempfile::NamedTempFile::new().expect("temp file");
        writeln!(f, "not json").expect("write");
        assert!(matches!(
            evaluate(f.path()),
            Err(EvalError::BadRecord { line: 1, .. })
        ));
    }
}
