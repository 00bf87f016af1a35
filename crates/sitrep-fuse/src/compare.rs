//! Pairwise comparison of two reports: the hard gates (type, date, place,
//! country, actors) and the score that ranks the pairs that pass them.
//!
//! Everything here is a function of the two reports alone, and symmetric:
//! [`compare`] orders the pair by [`report_key`] before computing, so that
//! `compare(a, b)` and `compare(b, a)` give bit-identical scores. The
//! order-independence of the clustering rests on that.

use serde::{Deserialize, Serialize};
use sitrep_model::{Event, EventType, GeoPrecision, TimePrecision};
use sitrep_text::normalize::fold;
use std::collections::BTreeSet;

/// Thresholds and weights of the comparison.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FuseConfig {
    /// Two located reports further apart than this are different incidents.
    pub max_distance_km: f64,
    /// Extra slack (days) on top of the two precision windows: outlets date
    /// an overnight attack to either day.
    pub date_slack_days: i64,
    /// A pair that passes the gates still needs this score to be linked.
    pub min_score: f64,
    /// The place part of the score is multiplied by this when both reports
    /// name a town (geo precision 1) and the towns differ.
    pub two_towns_factor: f64,
}

impl Default for FuseConfig {
    fn default() -> Self {
        FuseConfig {
            max_distance_km: 25.0,
            date_slack_days: 1,
            min_score: 0.5,
            two_towns_factor: 0.5,
        }
    }
}

/// How the actors of two reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorMatch {
    /// Every actor both name is the same after normalisation.
    Equal,
    /// Same actor family ("Military Forces of Nigeria (2015-)" and
    /// "Military Forces of Nigeria (2015-) Air Force"; "Boko Haram - JAS"
    /// and "Boko Haram - ISWAP").
    Family,
    /// At least one side leaves a role unknown (or names an unidentified
    /// group); nothing contradicts.
    OneUnknown,
}

/// How the places of two reports were found to agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum PlaceMatch {
    /// Both have coordinates: great-circle distance.
    Distance { km: f64 },
    /// One side is only region-precise (or lacks coordinates): same admin1.
    SameAdmin1 { admin1: String },
    /// No coordinates, same location name.
    SameLocation { location: String },
}

/// One reason a report was linked to another. A merge carries all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum MergeReason {
    SameEventType {
        event_type: EventType,
    },
    /// Days between the two dates, and the window the precisions allowed.
    DateDifference {
        days: i64,
        window_days: i64,
    },
    Place(PlaceMatch),
    Actors {
        actors: ActorMatch,
    },
    /// Token-set cosine of the two notes (folded words, stopwords removed).
    NotesSimilarity {
        similarity: f64,
    },
    /// Sub-event types differ; the pair was still linked on the rest.
    SubEventTypeDiffers,
}

/// Why a pair was not linked (for explanations and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rejection {
    SameDocument,
    TypeDiffers,
    MissingTypeOrDate,
    DatesTooFar,
    CountryDiffers,
    TooFar,
    PlaceUnknown,
    ActorsConflict,
    LowScore,
}

/// The outcome of comparing two reports that passed every gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub score: f64,
    pub reasons: Vec<MergeReason>,
}

/// The total order reports are sorted by wherever order could matter.
pub fn report_key(e: &Event) -> (&str, &str) {
    (e.event_id.as_str(), e.doc_id.as_str())
}

/// Half-width (days) of the interval a date of this precision stands for.
/// ACLED codes a week- or month-precise event to a day inside that period,
/// so the true day can be up to a week (or a month) away.
pub fn precision_window_days(p: Option<TimePrecision>) -> i64 {
    match p {
        Some(TimePrecision::Day) => 0,
        // Unknown precision: treat like a week, the usual vagueness of
        // "earlier this week".
        Some(TimePrecision::Week) | None => 7,
        Some(TimePrecision::Month) => 31,
    }
}

/// The largest date difference any pair can be linked across, whatever the
/// precisions: bounds the candidate lookup.
pub fn max_window_days(config: &FuseConfig) -> i64 {
    2 * precision_window_days(Some(TimePrecision::Month)) + config.date_slack_days
}

/// Compares two reports: `Ok(link)` when they may be the same incident.
pub fn compare(a: &Event, b: &Event, config: &FuseConfig) -> Result<Link, Rejection> {
    // Symmetry: always compute in key order.
    let (a, b) = if report_key(a) <= report_key(b) {
        (a, b)
    } else {
        (b, a)
    };
    let gates = hard_gates(a, b, config)?;
    let similarity = notes_similarity(a.notes.as_deref(), b.notes.as_deref());
    let sub_types_differ =
        matches!((a.sub_event_type, b.sub_event_type), (Some(x), Some(y)) if x != y);

    let date_score = 1.0 - gates.date_days as f64 / (gates.window_days as f64 + 1.0);
    let place_score = match &gates.place {
        PlaceMatch::Distance { km } => {
            let closeness = 1.0 - km / (config.max_distance_km + 1.0);
            // Two outlets naming two different towns usually report two
            // incidents (ACLED codes one event per location and day).
            if names_two_towns(a, b) {
                closeness * config.two_towns_factor
            } else {
                closeness
            }
        }
        PlaceMatch::SameAdmin1 { .. } | PlaceMatch::SameLocation { .. } => 0.5,
    };
    let actor_score = match gates.actors {
        ActorMatch::Equal => 1.0,
        ActorMatch::Family => 0.7,
        ActorMatch::OneUnknown => 0.4,
    };
    let sub_type_score = if sub_types_differ { 0.0 } else { 1.0 };
    // Weights: the gates already make time and place compatible; the score
    // ranks compatible pairs, so each part contributes, text included
    // (two outlets describing one incident share its nouns).
    let score = 0.25 * date_score
        + 0.25 * place_score
        + 0.15 * actor_score
        + 0.10 * sub_type_score
        + 0.25 * similarity;
    if score < config.min_score {
        return Err(Rejection::LowScore);
    }
    let mut reasons = vec![
        MergeReason::SameEventType {
            event_type: gates.event_type,
        },
        MergeReason::DateDifference {
            days: gates.date_days,
            window_days: gates.window_days,
        },
        MergeReason::Place(gates.place),
        MergeReason::Actors {
            actors: gates.actors,
        },
        MergeReason::NotesSimilarity {
            similarity: round3(similarity),
        },
    ];
    if sub_types_differ {
        reasons.push(MergeReason::SubEventTypeDiffers);
    }
    Ok(Link {
        score: round3(score),
        reasons,
    })
}

/// Both reports name a town as such, and not the same one.
fn names_two_towns(a: &Event, b: &Event) -> bool {
    let town = |e: &Event| {
        (e.geo_precision == Some(GeoPrecision::Town))
            .then(|| e.location.as_deref().map(fold))
            .flatten()
    };
    matches!((town(a), town(b)), (Some(x), Some(y)) if x != y)
}

/// What the gates found, for scoring.
struct Gates {
    event_type: EventType,
    date_days: i64,
    window_days: i64,
    place: PlaceMatch,
    actors: ActorMatch,
}

/// The constraints two reports of one incident must meet. Also used when
/// two clusters merge: every cross pair must pass (complete linkage), so a
/// chain of near neighbours cannot join two incidents a week apart.
pub fn passes_gates(a: &Event, b: &Event, config: &FuseConfig) -> bool {
    hard_gates(a, b, config).is_ok()
}

fn hard_gates(a: &Event, b: &Event, config: &FuseConfig) -> Result<Gates, Rejection> {
    if a.doc_id == b.doc_id {
        // The coder already decided these are distinct events.
        return Err(Rejection::SameDocument);
    }
    let (Some(type_a), Some(type_b), Some(date_a), Some(date_b)) =
        (a.event_type, b.event_type, a.event_date, b.event_date)
    else {
        return Err(Rejection::MissingTypeOrDate);
    };
    if type_a != type_b {
        return Err(Rejection::TypeDiffers);
    }
    let date_days = (date_a - date_b).num_days().abs();
    let window_days = precision_window_days(a.time_precision)
        + precision_window_days(b.time_precision)
        + config.date_slack_days;
    if date_days > window_days {
        return Err(Rejection::DatesTooFar);
    }
    if countries_differ(a, b) {
        return Err(Rejection::CountryDiffers);
    }
    let place = place_match(a, b, config)?;
    let actors = actor_match(a, b).ok_or(Rejection::ActorsConflict)?;
    Ok(Gates {
        event_type: type_a,
        date_days,
        window_days,
        place,
        actors,
    })
}

/// Compares ISO codes when both have one, else country names when both
/// have one; unknown never differs.
fn countries_differ(a: &Event, b: &Event) -> bool {
    let differ = |x: Option<&str>, y: Option<&str>| match (x, y) {
        (Some(x), Some(y)) if !x.trim().is_empty() && !y.trim().is_empty() => {
            Some(fold(x) != fold(y))
        }
        _ => None,
    };
    let iso_differs = a.iso.zip(b.iso).map(|(x, y)| x != y);
    iso_differs
        .or_else(|| differ(a.country.as_deref(), b.country.as_deref()))
        .unwrap_or(false)
}

fn is_region_precise(e: &Event) -> bool {
    e.geo_precision == Some(GeoPrecision::Region)
}

fn place_match(a: &Event, b: &Event, config: &FuseConfig) -> Result<PlaceMatch, Rejection> {
    let coords = |e: &Event| e.latitude.zip(e.longitude);
    let same_admin1 = || match (a.admin1.as_deref(), b.admin1.as_deref()) {
        (Some(x), Some(y)) if fold(x) == fold(y) && !fold(x).is_empty() => Some(x.to_string()),
        _ => None,
    };
    // A region-precise report sits at the region's centroid: its distance to
    // a town in that region says nothing, the admin1 does.
    if is_region_precise(a) || is_region_precise(b) {
        return same_admin1()
            .map(|admin1| PlaceMatch::SameAdmin1 { admin1 })
            .ok_or(Rejection::TooFar);
    }
    // Two reports that each name a town, in different provinces, are two
    // incidents even when the towns are close (Mogadishu and Afgooye).
    let town_precise = |e: &Event| e.geo_precision == Some(GeoPrecision::Town);
    if town_precise(a) && town_precise(b) {
        if let (Some(x), Some(y)) = (a.admin1.as_deref(), b.admin1.as_deref()) {
            if fold(x) != fold(y) {
                return Err(Rejection::TooFar);
            }
        }
    }
    if let (Some(pa), Some(pb)) = (coords(a), coords(b)) {
        let km = haversine_km(pa, pb);
        return if km <= config.max_distance_km {
            Ok(PlaceMatch::Distance { km: round3(km) })
        } else {
            Err(Rejection::TooFar)
        };
    }
    if let (Some(la), Some(lb)) = (a.location.as_deref(), b.location.as_deref()) {
        if fold(la) == fold(lb) {
            return Ok(PlaceMatch::SameLocation {
                location: la.to_string(),
            });
        }
        return Err(Rejection::TooFar);
    }
    same_admin1()
        .map(|admin1| PlaceMatch::SameAdmin1 { admin1 })
        .ok_or(Rejection::PlaceUnknown)
}

pub use sitrep_model::haversine_km;

/// An actor name reduced for comparison: folded, and its family (the name
/// without a parenthesised qualifier or a " - faction" suffix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    pub folded: String,
    pub family: String,
}

impl ActorName {
    /// `None` for names that identify nobody ("Unidentified Armed Group
    /// (Nigeria)", "unknown gunmen"): they are treated as unknown.
    pub fn new(name: &str) -> Option<ActorName> {
        let folded = fold(name);
        if folded.is_empty() || folded.starts_with("unidentified") || folded.starts_with("unknown")
        {
            return None;
        }
        let base = name.split(" - ").next().unwrap_or(name);
        let base = base.split('(').next().unwrap_or(base);
        let family = fold(base);
        let family = if family.is_empty() {
            folded.clone()
        } else {
            family
        };
        Some(ActorName { folded, family })
    }

    fn relation(&self, other: &ActorName) -> Option<ActorMatch> {
        if self.folded == other.folded {
            return Some(ActorMatch::Equal);
        }
        if self.family == other.family
            || word_prefix(&self.family, &other.family)
            || word_prefix(&other.family, &self.family)
        {
            return Some(ActorMatch::Family);
        }
        None
    }
}

/// `short` is `long`'s first words ("military forces of nigeria" of
/// "military forces of nigeria air force").
fn word_prefix(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.starts_with(short)
        && long.as_bytes().get(short.len()) == Some(&b' ')
}

/// Compares one role of each report. `None` means conflict.
fn role_match(a: Option<&str>, b: Option<&str>) -> Option<ActorMatch> {
    match (a.and_then(ActorName::new), b.and_then(ActorName::new)) {
        (Some(x), Some(y)) => x.relation(&y),
        _ => Some(ActorMatch::OneUnknown),
    }
}

/// Actors are compared role by role, and also with the roles swapped (one
/// outlet's attacker is another's defender in a clash); the better holds.
pub fn actor_match(a: &Event, b: &Event) -> Option<ActorMatch> {
    let pair = |x: Option<ActorMatch>, y: Option<ActorMatch>| Some(x?.max(y?));
    let direct = pair(
        role_match(a.actor1.as_deref(), b.actor1.as_deref()),
        role_match(a.actor2.as_deref(), b.actor2.as_deref()),
    );
    let swapped = pair(
        role_match(a.actor1.as_deref(), b.actor2.as_deref()),
        role_match(a.actor2.as_deref(), b.actor1.as_deref()),
    );
    match (direct, swapped) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Words too common in conflict notes to say two notes are about one thing.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "or",
    "by",
    "for",
    "from",
    "with",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "that",
    "this",
    "it",
    "its",
    "as",
    "after",
    "said",
    "says",
    "say",
    "according",
    "reported",
    "report",
    "reports",
    "killed",
    "people",
    "least",
    "when",
    "which",
    "who",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "near",
    "into",
    "other",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Folded content words of a note.
pub fn note_tokens(notes: &str) -> BTreeSet<String> {
    fold(notes)
        .split(' ')
        .filter(|w| w.len() > 1 && !w.bytes().all(|b| b.is_ascii_digit()))
        .filter(|w| !STOPWORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Token-set cosine (|A∩B| / √(|A|·|B|)): kinder than Jaccard to a short
/// note beside a long one. 0 when either note is missing.
pub fn notes_similarity(a: Option<&str>, b: Option<&str>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else {
        return 0.0;
    };
    let (ta, tb) = (note_tokens(a), note_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let shared = ta.intersection(&tb).count() as f64;
    shared / ((ta.len() * tb.len()) as f64).sqrt()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use sitrep_model::SubEventType;

    fn report(doc: &str, day: u32, lat: f64, lon: f64) -> Event {
        Event {
            event_id: format!("{doc}-e"),
            doc_id: doc.into(),
            event_type: Some(EventType::ExplosionsRemoteViolence),
            sub_event_type: Some(SubEventType::RemoteExplosiveLandmineIed),
            event_date: NaiveDate::from_ymd_opt(2024, 3, day),
            time_precision: Some(TimePrecision::Day),
            latitude: Some(lat),
            longitude: Some(lon),
            geo_precision: Some(GeoPrecision::Town),
            country: Some("Somalia".into()),
            admin1: Some("Banadir".into()),
            location: Some("Mogadishu".into()),
            actor1: Some("Al Shabaab".into()),
            actor2: Some("Civilians (Somalia)".into()),
            notes: Some("A roadside bomb exploded near a market in Mogadishu.".into()),
            ..Default::default()
        }
    }

    #[test]
    fn same_incident_links_with_reasons() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let b = report("reuters", 5, 2.05, 45.33);
        let link = compare(&a, &b, &FuseConfig::default()).unwrap();
        assert!(link.score > 0.8, "{link:?}");
        assert!(link.reasons.contains(&MergeReason::DateDifference {
            days: 1,
            window_days: 1
        }));
        assert!(matches!(
            link.reasons[2],
            MergeReason::Place(PlaceMatch::Distance { km }) if km < 2.0
        ));
    }

    #[test]
    fn compare_is_symmetric() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = report("reuters", 5, 2.1, 45.3);
        b.notes = Some("Bomb blast at Mogadishu market, police say.".into());
        let cfg = FuseConfig::default();
        assert_eq!(compare(&a, &b, &cfg), compare(&b, &a, &cfg));
    }

    #[test]
    fn same_document_never_links() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = a.clone();
        b.event_id = "other".into();
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::SameDocument)
        );
    }

    #[test]
    fn a_week_apart_is_another_incident() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let b = report("reuters", 11, 2.0469, 45.3182);
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::DatesTooFar)
        );
    }

    #[test]
    fn week_precision_widens_the_window() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = report("reuters", 9, 2.0469, 45.3182);
        b.time_precision = Some(TimePrecision::Week);
        assert!(compare(&a, &b, &FuseConfig::default()).is_ok());
    }

    #[test]
    fn far_apart_is_another_incident() {
        let a = report("afp", 4, 2.0469, 45.3182);
        // Baidoa, ~200 km away.
        let b = report("reuters", 4, 3.1137, 43.6498);
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::TooFar)
        );
    }

    #[test]
    fn region_precise_report_matches_on_admin1() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = report("reuters", 4, 2.4, 45.1);
        b.geo_precision = Some(GeoPrecision::Region);
        let link = compare(&a, &b, &FuseConfig::default()).unwrap();
        assert!(link
            .reasons
            .contains(&MergeReason::Place(PlaceMatch::SameAdmin1 {
                admin1: "Banadir".into()
            })));
        b.admin1 = Some("Lower Shabelle".into());
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::TooFar)
        );
    }

    #[test]
    fn neighbouring_towns_in_two_provinces_do_not_link() {
        let a = report("afp", 4, 2.0469, 45.3182);
        // Afgooye, Lower Shabelle: about 24 km from Mogadishu.
        let mut b = report("reuters", 4, 2.1400, 45.1200);
        b.admin1 = Some("Lower Shabelle".into());
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::TooFar)
        );
        b.admin1 = Some("Banadir".into());
        assert!(compare(&a, &b, &FuseConfig::default()).is_ok());
    }

    #[test]
    fn two_named_towns_score_lower_than_one() {
        let cfg = FuseConfig::default();
        let a = report("afp", 4, 2.0469, 45.3182);
        let b = report("reuters", 4, 2.0800, 45.3000);
        let mut c = b.clone();
        c.location = Some("Daynile".into());
        let same = compare(&a, &b, &cfg).map(|l| l.score).unwrap_or(0.0);
        let two = compare(&a, &c, &cfg).map(|l| l.score).unwrap_or(0.0);
        assert!(two < same, "{two} vs {same}");
    }

    #[test]
    fn different_type_never_links() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = report("reuters", 4, 2.0469, 45.3182);
        b.event_type = Some(EventType::Battles);
        assert_eq!(
            compare(&a, &b, &FuseConfig::default()),
            Err(Rejection::TypeDiffers)
        );
    }

    #[test]
    fn actor_families_and_unknowns() {
        let a = report("afp", 4, 2.0469, 45.3182);
        let mut b = a.clone();
        b.actor1 = Some("Unidentified Armed Group (Somalia)".into());
        assert_eq!(actor_match(&a, &b), Some(ActorMatch::OneUnknown));
        b.actor1 = Some("Al Shabaab - Amniyat".into());
        assert_eq!(actor_match(&a, &b), Some(ActorMatch::Family));
        b.actor1 = Some("Military Forces of Somalia (2022-)".into());
        assert_eq!(actor_match(&a, &b), None);
        // Roles swapped: a clash reported from the other side.
        let mut c = a.clone();
        c.actor1 = a.actor2.clone();
        c.actor2 = a.actor1.clone();
        assert_eq!(actor_match(&a, &c), Some(ActorMatch::Equal));
    }

    #[test]
    fn notes_similarity_ignores_stopwords_and_case() {
        let s = notes_similarity(
            Some("Gunmen attacked a church in Ondo."),
            Some("GUNMEN stormed the church at Owo, Ondo"),
        );
        // shared: gunmen, church, ondo → 3 / sqrt(4 * 5)
        assert!((s - 3.0 / 20f64.sqrt()).abs() < 1e-9, "{s}");
        assert_eq!(notes_similarity(None, Some("x")), 0.0);
    }

    #[test]
    fn haversine_known_distance() {
        // Kyiv to Kharkiv is about 410 km.
        let d = haversine_km((50.45, 30.52), (49.99, 36.23));
        assert!((d - 410.0).abs() < 10.0, "{d}");
    }
}
