//! Grouping sentence readings into incidents: one event per incident.
//!
//! A sentence joins the incident before it when it names no new place and
//! no new date, and either reports the same kind of event, only adds a
//! detail (a death toll, an arrest), or refers back to it ("the attack").
//! Otherwise it starts a new incident; a roundup of clashes in three towns
//! gives three.
//!
//! A sentence that tells of two incidents ("Gunmen stormed Tal Afar three
//! days after the market bombing in Baqubah") is read clause by clause (see
//! [`crate::clauses`]); an incident dated only relative to another ("three
//! days after") takes that one's date plus the offset.

use crate::clauses::{self, JoinKind, Split};
use crate::lexicon::Cue;
use crate::reading::{is_country, Annotated, Reading};
use chrono::NaiveDate;
use sitrep_model::{
    EventType, FeatureKind, Place, PlaceMention, Relation, Span, SubEventType, TimePrecision,
};
use sitrep_text::dates::DateKind;

/// Sentences (or clauses) that report one event.
#[derive(Debug, Clone)]
pub struct Incident {
    pub reading: Reading,
    /// Sentence indices, in order, each once; the first holds the anchor.
    pub sentences: Vec<usize>,
    /// The text that tells of the incident, in order: whole sentences, or
    /// the clauses of a sentence that reports more than one incident.
    pub parts: Vec<Span>,
    /// Index into `Annotated::places` of the place the incident is at.
    pub place: Option<usize>,
    /// Index into `Annotated::dates`.
    pub date: Option<usize>,
    /// With no date of its own: the date worked out from another
    /// incident's ("three days after the market bombing").
    pub derived_date: Option<DerivedDate>,
    /// The sentences (indices, in order) that reported the incident, as
    /// opposed to those that only added detail to it.
    pub reported: Vec<usize>,
}

impl Incident {
    /// May the part in sentence `sentence` add counts to the incident? A
    /// detail counts only within [`COUNT_REACH`] sentences after one that
    /// reported it ("The toll rose to 12."). General news runs on for
    /// paragraphs after a one-line incident, and every number near a death
    /// word further on ("150 dead mullet", "a total of 331 cases") became
    /// its toll.
    pub fn counts_from(&self, sentence: usize) -> bool {
        self.reported
            .iter()
            .any(|&r| r <= sentence && sentence <= r + COUNT_REACH)
    }
}

/// How many sentences after a reporting sentence a detail may still add
/// a count to its incident.
pub const COUNT_REACH: usize = 3;

/// A date worked out from another incident's date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DerivedDate {
    pub date: NaiveDate,
    pub precision: TimePrecision,
    /// "three days after the market bombing", or the other incident's own
    /// date when the two are told side by side ("..., while ...").
    pub evidence: Span,
}

/// Places inside `span` that are not whole countries, best first: those in
/// `anchor`'s clause before the rest of the span, then places that are not
/// a report's source before those that are, towns before provinces and
/// regions, those before rivers and lakes, and then text order.
pub fn places_near(an: &Annotated<'_>, span: Span, anchor: Span) -> Vec<usize> {
    let clause = an.clause_of(span, anchor);
    let mut found: Vec<(bool, bool, u8, usize, usize)> = an
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| span.contains(p.span) && !is_country(p) && !is_home(p))
        .filter(|(_, p)| !is_dateline_abroad(an, span, p))
        .map(|(i, p)| {
            let in_clause = clause.contains(p.span);
            // Text order last: the lead names where it happened, later
            // places tend to be destinations and asides ("closed the road
            // to Dire Dawa"), and ACLED's coders take the first of a list.
            (
                !in_clause,
                is_reporters_place(an.text, p.span),
                vagueness(p),
                p.span.start,
                i,
            )
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, _, _, i)| i).collect()
}

/// A dateline (below) in another country than every one `span` names.
pub fn is_dateline_abroad(an: &Annotated<'_>, span: Span, p: &PlaceMention) -> bool {
    is_dateline(an.text, p.span) && abroad_of_dateline(an, span, p)
}

/// A place in capitals opening a line and closed by punctuation, "BEIRUT
/// (AP) —", "NAIROBI, Kenya (Reuters) -": where the report was filed.
fn is_dateline(text: &str, place: Span) -> bool {
    let Some(name) = text.get(place.start..place.end) else {
        return false;
    };
    // Cheapest first: almost no place is written in capitals, and the
    // look back to the line's start is the costly test.
    let capitals = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.chars().any(char::is_lowercase);
    if !capitals {
        return false;
    }
    let after = text[place.end..].trim_start_matches([' ', '\t']);
    if !after.starts_with(['(', ',', '-', '\u{2014}', '\u{2013}']) {
        return false;
    }
    let line_start = text[..place.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..place.start].trim().is_empty()
}

/// How far past a dateline its header may run ("NAIROBI, Kenya (Reuters) - ").
const DATELINE_HEADER: usize = 40;

/// Where the header after a dateline ends: after its dash, else after the
/// agency's bracket ("BEIRUT, Lebanon (AP) — "); a country named there is
/// the dateline's address.
fn dateline_header_end(text: &str, dateline: Span) -> usize {
    let mut reach = (dateline.end + DATELINE_HEADER).min(text.len());
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let header = text.get(dateline.end..reach).unwrap_or("");
    let dash = header
        .find(['\u{2014}', '\u{2013}'])
        .or_else(|| header.find(" - "));
    let end = dash.or_else(|| header.find(')')).map_or(0, |i| {
        let rest = &header[i..];
        i + rest.chars().next().map_or(0, char::len_utf8)
    });
    dateline.end + end
}

/// Whether `span`, after the dateline's header, names countries and none
/// of them the dateline's: "BEIRUT (AP) — ... Turkey has shelled a city in
/// northeastern Syria" was not in Beirut. A dateline in the country the
/// text is about stays the place a story names no other for ("KANO,
/// Nigeria — A bomb exploded in a market").
fn abroad_of_dateline(an: &Annotated<'_>, span: Span, dateline: &PlaceMention) -> bool {
    let header_end = dateline_header_end(an.text, dateline.span);
    let mut named = an
        .places
        .iter()
        .filter(|p| is_country(p) && span.contains(p.span) && p.span.start >= header_end)
        .peekable();
    named.peek().is_some() && named.all(|p| p.place.country_code != dateline.place.country_code)
}

/// A person's home ("Sgt Dunbar of Austin, Texas, died in the blast"):
/// never where the incident happened.
pub fn is_home(p: &PlaceMention) -> bool {
    p.relation == Relation::Home
}

/// Where the report came from, not where it happened: "sources in
/// Pretoria said", "officials in Kano told reporters". Such a place is the
/// event's only when the clause names no other.
fn is_reporters_place(text: &str, place: Span) -> bool {
    let head = text.get(..place.start).unwrap_or("");
    let mut before = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (Some(prep), Some(noun)) = (before.next(), before.next()) else {
        return false;
    };
    prep.eq_ignore_ascii_case("in")
        && matches!(
            noun.to_ascii_lowercase().as_str(),
            "sources"
                | "source"
                | "officials"
                | "official"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "reporters"
                | "reporter"
                | "journalists"
                | "correspondent"
                | "correspondents"
                | "diplomats"
                | "analysts"
                | "observers"
        )
}

/// A province or region: in a clause that also names a town, the town is
/// where it happened ("outside the MEC's home in Bergvliet" beats "the
/// Western Cape Education MEC"), and the wide area only places the town.
fn is_wide(p: &PlaceMention) -> bool {
    matches!(
        p.place.feature,
        FeatureKind::Admin1 | FeatureKind::Region | FeatureKind::Water
    )
}

/// How loosely a place says where something happened: a town, then a
/// province or region ([`is_wide`]), then a river or lake, which runs
/// through both ("along the Indus in Khyber Pakhtunkhwa" happened in the
/// province).
fn vagueness(p: &PlaceMention) -> u8 {
    match p.place.feature {
        FeatureKind::Water => 2,
        _ if is_wide(p) => 1,
        _ => 0,
    }
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

/// Whether dates `a` and `b` (indices into `Annotated::dates`) name
/// different days; an unknown date differs from none.
fn days_differ(an: &Annotated<'_>, a: Option<usize>, b: Option<usize>) -> bool {
    let day = |d: Option<usize>| d.and_then(|i| an.dates.get(i)).and_then(|d| d.date);
    matches!((day(a), day(b)), (Some(x), Some(y)) if x != y)
}

/// Whether one of places `a` and `b` lies within the other: a part of a
/// big city lies further from its point than a village from its
/// neighbour's ("the fatal New York City police shooting" and "killed ...
/// in Brooklyn"); a province holds its towns; a region that spans
/// countries ("killed in action in the Middle East") holds what lies within
/// [`REGION_REACH_KM`] of its centre. This lets a sentence that retells or
/// adds to an incident name its place more or less exactly; a fresh report
/// of its own in another town of the province or city is another
/// incident (a roundup of shelling in Douma and Harasta, both within reach
/// of Damascus, is two), and so is one told in another paragraph.
fn place_within(an: &Annotated<'_>, a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (an.places.get(a), an.places.get(b)) else {
        return false;
    };
    let (x, y) = (&x.place, &y.place);
    let within = |wide: &Place, p: &Place| match wide.feature {
        FeatureKind::Admin1 => {
            wide.country_code == p.country_code && wide.admin1.is_some() && wide.admin1 == p.admin1
        }
        FeatureKind::Region => wide.country_code.is_empty() && wide.km_to(p) <= REGION_REACH_KM,
        _ => false,
    };
    x.km_to(y) <= city_reach_km(x).max(city_reach_km(y)) || within(x, y) || within(y, x)
}

/// How far from its point a region that spans countries reaches: the
/// gazetteer has no outline for "the Middle East" or "the Sahel", only a
/// centre; Manbij is 420 km from the Middle East's, Dakar 1,300 km from the
/// Sahel's, while a Peruvian town is 17,000 km from Java's.
const REGION_REACH_KM: f64 = 1_500.0;

/// How far from a town's point its parts may lie: a city of a million
/// spreads over tens of kilometres (New York's boroughs, Lagos's local
/// governments).
fn city_reach_km(p: &Place) -> f64 {
    match p.feature {
        FeatureKind::PopulatedPlace if p.population >= 1_000_000 => 30.0,
        _ => 0.0,
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

/// `next`, which joins a protest's incident, as what state forces did to
/// the protest: "Students protested ... Police responded with violence,
/// killing four" is excessive force against the protesters, "... Police
/// beat the marchers" an intervention. Only right after the protest was
/// told (the same paragraph, at most [`FORCE_REACH`] sentences on): further
/// on, a death joins an incident as a toll, not as its nature. Read so,
/// `next` is a protest event and joins the protest.
fn met_by_force(an: &Annotated<'_>, current: &Incident, next: Reading, part: &Part) -> Reading {
    let protest = matches!(
        current.reading.sub,
        SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention
    );
    if !protest || next.sub.event_type() == EventType::Protests {
        return next;
    }
    let near = current
        .reported
        .last()
        .is_some_and(|&r| part.sentence <= r + FORCE_REACH);
    let same_paragraph = current
        .parts
        .last()
        .is_some_and(|&last| an.same_paragraph(last, part.span));
    if !near || !same_paragraph {
        return next;
    }
    match an.state_force_on_crowd(part.span, part.has_prior) {
        Some(sub) => Reading { sub, ..next },
        None => next,
    }
}

/// How many sentences after a protest was told its sequel may say what
/// force met it.
const FORCE_REACH: usize = 2;

/// The incident kinds a specific anaphor names: "the bombing" is an
/// explosion, "the clashes" a battle. Generic ones ("the attack", "the
/// incident") name none and refer to the latest incident.
fn anaphor_kinds(phrase: &str) -> &'static [EventType] {
    use EventType as E;
    let noun = phrase.rsplit(' ').next().unwrap_or("");
    let is = |words: &[&str]| words.iter().any(|w| noun.eq_ignore_ascii_case(w));
    if is(&["bombing", "blast", "explosion"]) {
        &[E::ExplosionsRemoteViolence]
    } else if is(&["clashes", "fighting"]) {
        &[E::Battles]
    } else if is(&[
        "protest",
        "protesters",
        "demonstration",
        "demonstrators",
        "riot",
    ]) {
        &[E::Protests, E::Riots]
    } else {
        &[]
    }
}

/// How many incidents back a retelling may reach.
const RETOLD_REACH: usize = 4;

/// How many incidents back a specific anaphor may reach.
const ANAPHOR_REACH: usize = 3;

/// The incident that a specific anaphor in `span` refers to: "The bombing
/// killed five" after a storming and a bombing is about the bombing, even
/// when the storming was told last.
fn referent(an: &Annotated<'_>, out: &[Incident], span: Span) -> Option<usize> {
    let kinds = an
        .cues
        .iter()
        .filter(|c| c.what == Cue::Anaphora && span.contains(c.span))
        .map(|c| anaphor_kinds(an.slice(c.span)))
        .find(|k| !k.is_empty())?;
    out.iter()
        .enumerate()
        .rev()
        .take(ANAPHOR_REACH)
        .find(|(_, inc)| kinds.contains(&inc.reading.sub.event_type()))
        .map(|(i, _)| i)
}

/// "Two days later, troops retook Bama": a sentence dated only relative to
/// the event told before it. "The day before the vote" names its own
/// anchor, which need not be an incident, so it dates nothing.
fn offset_from_last_event<'d>(
    an: &'d Annotated<'_>,
    span: Span,
) -> Option<&'d sitrep_text::dates::DateMention> {
    an.dates.iter().find(|d| {
        let names_its_anchor = an
            .slice(d.span)
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("before"));
        d.kind == DateKind::RelativeToEvent
            && d.offset_days.is_some()
            && span.contains(d.span)
            && !names_its_anchor
    })
}

/// A date relation between two incidents.
#[derive(Debug, Clone, Copy)]
struct DateLink {
    dependent: usize,
    anchor: usize,
    /// The dependent's date less the anchor's.
    offset_days: i64,
    /// The precision the offset itself has ("a week after": Week).
    precision: TimePrecision,
    /// The words that relate the two; `None`: the date's own words.
    evidence: Option<Span>,
    /// An undated anchor may take its date from a dated dependent.
    both_ways: bool,
}

/// One sentence, or one clause of a sentence, to group.
struct Part {
    sentence: usize,
    span: Span,
    /// An incident was reported in an earlier sentence.
    has_prior: bool,
    /// The clause split said this clause is an incident of its own: it
    /// joins no incident but the one it refers back to.
    separate: bool,
    /// A whole sentence (not a clause).
    whole: bool,
}

struct Grouping<'g, 'a> {
    an: &'g Annotated<'a>,
    out: Vec<Incident>,
    links: Vec<DateLink>,
}

/// Groups the document's sentences (and the clauses of sentences that
/// report two incidents) into incidents.
pub fn incidents(an: &Annotated<'_>) -> Vec<Incident> {
    let mut g = Grouping {
        an,
        out: Vec::new(),
        links: Vec::new(),
    };
    for idx in 0..an.sentences.len() {
        let sentence = an.sentences[idx];
        let has_prior = !g.out.is_empty();
        match clauses::split_sentence(an, sentence).and_then(|s| g.kept(s, has_prior)) {
            None => {
                g.add(Part {
                    sentence: idx,
                    span: sentence,
                    has_prior,
                    separate: false,
                    whole: true,
                });
            }
            Some(split) => g.add_clauses(idx, split, has_prior),
        }
    }
    let Grouping { mut out, links, .. } = g;
    resolve_dates(an, &mut out, &links);
    out
}

impl Grouping<'_, '_> {
    fn add_clauses(&mut self, idx: usize, split: Split, has_prior: bool) {
        let history = |k: usize| {
            split
                .joins
                .iter()
                .any(|j| j.sub == k && matches!(j.kind, JoinKind::Sequence { history: true, .. }))
        };
        let incident_of: Vec<Option<usize>> = split
            .parts
            .iter()
            .enumerate()
            .map(|(k, &span)| {
                if history(k) {
                    return None;
                }
                // After a kept cut the clause is an incident of its own;
                // after a semicolon it is grouped as a sentence would be.
                let separate = k
                    .checked_sub(1)
                    .and_then(|j| split.joins.get(j))
                    .is_some_and(|j| j.kind != JoinKind::Break);
                self.add(Part {
                    sentence: idx,
                    span,
                    has_prior,
                    separate,
                    whole: false,
                })
            })
            .collect();
        for join in &split.joins {
            let main = incident_of.get(join.main).copied().flatten();
            let sub = incident_of.get(join.sub).copied().flatten();
            let (Some(dependent), Some(anchor)) = (main, sub) else {
                continue;
            };
            if dependent == anchor {
                continue;
            }
            let (offset_days, precision, evidence) = match join.kind {
                JoinKind::Sequence {
                    offset_days: Some(days),
                    precision,
                    ..
                } => (days, precision, Some(join.phrase)),
                // "after", "following": later, but the text does not say
                // by how much, so no date is made up.
                JoinKind::Sequence { .. } | JoinKind::Break => continue,
                JoinKind::Coordinate => (0, TimePrecision::Day, None),
            };
            self.links.push(DateLink {
                dependent,
                anchor,
                offset_days,
                precision,
                evidence,
                both_ways: true,
            });
        }
    }

    /// The split with only the cuts between clauses that are separate
    /// incidents; `None` when no cut is left (the sentence reads whole, as
    /// a sentence about one incident always has).
    fn kept(&self, split: Split, has_prior: bool) -> Option<Split> {
        let an = self.an;
        let readings: Vec<Option<Reading>> = split
            .parts
            .iter()
            .map(|p| an.read_span(*p, has_prior))
            .collect();
        let mut keep: Vec<bool> = (0..split.joins.len())
            .map(|j| {
                split.joins[j].kind != JoinKind::Break
                    && self.separate_clauses(&split, j, &readings)
            })
            .collect();
        if !keep.contains(&true) {
            return None;
        }
        // Semicolons count only in a sentence that is cut elsewhere.
        for (kept, join) in keep.iter_mut().zip(&split.joins) {
            *kept |= join.kind == JoinKind::Break;
        }
        // Clauses whose cut is not kept read as one.
        let mut parts = vec![*split.parts.first()?];
        let mut index = vec![0];
        for (j, &kept) in keep.iter().enumerate() {
            let next = *split.parts.get(j + 1)?;
            match parts.last_mut() {
                Some(last) if !kept => *last = last.cover(next),
                _ => parts.push(next),
            }
            index.push(parts.len() - 1);
        }
        let joins = split
            .joins
            .into_iter()
            .zip(keep)
            .filter(|(_, kept)| *kept)
            .map(|(join, _)| {
                Some(clauses::Join {
                    main: *index.get(join.main)?,
                    sub: *index.get(join.sub)?,
                    ..join
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Split { parts, joins })
    }

    /// Do clauses `j` and `j + 1` report separate incidents? They do when
    /// they are at different places or on different days, are told side by
    /// side and report kinds of event that never merge, are marked apart
    /// ("meanwhile"), or one refers back to an incident reported earlier
    /// ("after the bombing").
    fn separate_clauses(&self, split: &Split, j: usize, readings: &[Option<Reading>]) -> bool {
        let an = self.an;
        let (Some(&a_span), Some(&b_span), Some(join)) = (
            split.parts.get(j),
            split.parts.get(j + 1),
            split.joins.get(j),
        ) else {
            return false;
        };
        let reading = |k: usize| readings.get(k).copied().flatten();
        if matches!(join.kind, JoinKind::Sequence { history: true, .. }) {
            // "... months after 230 were killed": cut off the history so
            // its toll is not this event's.
            return reading(join.main).is_some();
        }
        // "Less than 24 hours after an explosion in Idlib, HTS executed 8
        // people in the square of the bombing": the main clause's event
        // word refers back to the other clause's event.
        let main_refers_back = reading(join.main).is_some_and(|r| {
            an.cues
                .iter()
                .any(|c| c.what == Cue::Anaphora && c.span.contains(r.anchor))
        });
        if main_refers_back {
            return false;
        }
        let (a, b) = match (reading(j), reading(j + 1)) {
            (Some(a), Some(b)) => (a, b),
            (Some(_), None) => return referent(an, &self.out, b_span).is_some(),
            (None, Some(_)) => return referent(an, &self.out, a_span).is_some(),
            (None, None) => return false,
        };
        let place = |span: Span, r: Reading| places_near(an, span, r.anchor).first().copied();
        let date = |span: Span, r: Reading| {
            dates_in(an, span, r.anchor)
                .first()
                .and_then(|&i| an.dates.get(i))
                .and_then(|d| d.date)
        };
        let places_differ = match (place(a_span, a), place(b_span, b)) {
            (Some(x), Some(y)) => !same_place(an, x, y),
            _ => false,
        };
        let dates_differ = match (date(a_span, a), date(b_span, b)) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        };
        let days_apart = !a.auxiliary
            && !b.auxiliary
            && matches!(
                join.kind,
                JoinKind::Sequence {
                    another_day: true,
                    ..
                }
            );
        // Kinds that never merge are separate incidents only when told side
        // by side: after "after", the other clause is often the cause
        // ("took control of Baidoa after government forces withdrew").
        let apart_in_kind = join.kind == JoinKind::Coordinate && !compatible(&a, &b, false, false);
        places_differ
            || dates_differ
            || days_apart
            || apart_in_kind
            || an.cue_in(b_span, Cue::Separate)
    }

    /// An incident told before the one just told (`skip`), within
    /// [`RETOLD_REACH`] incidents back, that a part read as `reading` at
    /// `place` on `date` tells again: the same kind of event at the same
    /// place, on the same day or an unknown one ("Oklahoma teachers are in
    /// the fourth day of a walkout", a paragraph on the West Virginia strike
    /// it recalls, then "teachers in Oklahoma risk losing support the
    /// longer their walkout goes"). ACLED codes one event per kind, place
    /// and day, so even two reports of that kind there that day are one.
    fn told_before(
        &self,
        skip: usize,
        reading: Reading,
        place: Option<usize>,
        date: Option<usize>,
    ) -> Option<usize> {
        let an = self.an;
        let place = place?;
        let kind = reading.sub.event_type();
        (0..self.out.len())
            .rev()
            .filter(|&k| k != skip)
            .take(RETOLD_REACH)
            .find(|&k| {
                let inc = &self.out[k];
                inc.reading.sub.event_type() == kind
                    && inc.place.is_some_and(|p| same_place(an, p, place))
                    && !days_differ(an, inc.date, date)
                    && inc.derived_date.is_none()
            })
    }

    fn push(
        &mut self,
        reading: Reading,
        part: &Part,
        place: Option<usize>,
        date: Option<usize>,
    ) -> usize {
        self.out.push(Incident {
            reading,
            sentences: vec![part.sentence],
            parts: vec![part.span],
            place,
            date,
            derived_date: None,
            reported: vec![part.sentence],
        });
        self.out.len() - 1
    }

    /// Adds a part that reports incident `t` again, read as `reading`.
    fn report(
        &mut self,
        t: usize,
        reading: Reading,
        part: &Part,
        place: Option<usize>,
        date: Option<usize>,
    ) {
        let Some(inc) = self.out.get_mut(t) else {
            return;
        };
        inc.reading = merged_reading(inc.reading, reading);
        if inc.reported.last() != Some(&part.sentence) {
            inc.reported.push(part.sentence);
        }
        self.join(t, part, place, date);
    }

    /// Adds a part to incident `t`.
    fn join(&mut self, t: usize, part: &Part, place: Option<usize>, date: Option<usize>) {
        let Some(current) = self.out.get_mut(t) else {
            return;
        };
        if current.sentences.last() != Some(&part.sentence) {
            current.sentences.push(part.sentence);
        }
        current.parts.push(part.span);
        current.place = current.place.or(place);
        current.date = current.date.or(date);
    }

    /// Groups one part; returns the incident it went to, if any.
    fn add(&mut self, part: Part) -> Option<usize> {
        let an = self.an;
        let span = part.span;
        let reading = an.read_span(span, part.has_prior);
        let anchor = reading.map(|r| r.anchor).unwrap_or(span);
        let place = places_near(an, span, anchor).first().copied();
        // A detail dated only as a statement ("Schneiderman said Thursday
        // that ...") says when it was said, not when the incident was.
        let date = dates_in(an, span, anchor)
            .into_iter()
            .find(|&d| reading.is_some() || !an.is_statement_date(an.dates[d].span));
        let refers_back = an.cue_in(span, Cue::Anaphora);
        let separate = an.cue_in(span, Cue::Separate);
        let referent = if refers_back {
            referent(an, &self.out, span)
        } else {
            None
        };
        // Only an event (not a detail) can be dated from the last one.
        let later = if part.whole && reading.is_some() {
            offset_from_last_event(an, span)
        } else {
            None
        };
        let last = self.out.len().checked_sub(1);
        let target = match referent.or(last) {
            Some(t) if !(part.separate && referent.is_none()) => t,
            _ => return reading.map(|r| self.push(r, &part, place, date)),
        };
        let current = &self.out[target];
        // A retelling or a detail in the same paragraph ("Vassell was
        // killed ... in Brooklyn") may place the incident more or less
        // exactly; a paragraph on, it is a report of its own (a roundup's
        // "Commander killed in the eastern Ghouta" after shelling on Douma).
        let same_paragraph = current
            .parts
            .last()
            .is_some_and(|&last| an.same_paragraph(last, span));
        let adds_to_it = same_paragraph && (refers_back || reading.is_none_or(|r| r.auxiliary));
        let new_place = match (current.place, place) {
            (Some(a), Some(b)) => {
                let placed_again = adds_to_it && place_within(an, a, b);
                !(same_place(an, a, b) || placed_again)
            }
            _ => false,
        };
        let mut new_date = days_differ(an, current.date, date);
        // "Two days later, troops retook Bama" is not the incident of two
        // days before ("The next day, the toll rose to 12" still is).
        if let (Some(m), Some(r)) = (later, reading) {
            if !r.auxiliary && !refers_back && m.offset_days != Some(0) {
                new_date = true;
            }
        }
        let Some(reading) = reading else {
            // A part with no trigger adds detail (a suspect, a place) to
            // the incident unless it moves elsewhere.
            if !new_place && !new_date {
                // It dates the incident only if it refers back to it, or
                // is near a sentence that reported it, in that sentence's
                // paragraph ([`dates_it`]): "Twenty students came down with
                // the virus on Thursday" a paragraph after a gun battle
                // says nothing of the battle's day.
                let date = date.filter(|_| refers_back || dates_it(an, current, &part));
                self.join(target, &part, place, date);
                return Some(target);
            }
            return None;
        };
        let same = !new_place && !new_date;
        let reading = if same {
            met_by_force(an, current, reading, &part)
        } else {
            reading
        };
        if same && compatible(&current.reading, &reading, refers_back, separate) {
            self.report(target, reading, &part, place, date);
            return Some(target);
        }
        // "Separately, ..." says another incident, whatever it repeats.
        if later.is_none() && !part.separate && !separate {
            if let Some(k) = self.told_before(target, reading, place, date) {
                self.report(k, reading, &part, place, date);
                return Some(k);
            }
        }
        let new = self.push(reading, &part, place, date);
        if let (Some(m), Some(previous)) = (later, last) {
            if let Some(days) = m.offset_days {
                self.links.push(DateLink {
                    dependent: new,
                    anchor: previous,
                    offset_days: days,
                    precision: m.precision,
                    evidence: Some(m.span),
                    both_ways: false,
                });
            }
        }
        Some(new)
    }
}

/// May a detail with no trigger of its own date the incident? Only within
/// [`COUNT_REACH`] sentences after one that reported the incident (the
/// reach a count has, [`Incident::counts_from`]) and, unlike a count, in
/// that sentence's paragraph.
fn dates_it(an: &Annotated<'_>, inc: &Incident, part: &Part) -> bool {
    inc.reported.iter().any(|&r| {
        r == part.sentence
            || (r < part.sentence
                && part.sentence <= r + COUNT_REACH
                && an
                    .sentences
                    .get(r)
                    .is_some_and(|&s| an.same_paragraph(s, part.span)))
    })
}

/// An incident's own or derived date, its precision and its evidence.
fn known_date(an: &Annotated<'_>, inc: &Incident) -> Option<(NaiveDate, TimePrecision, Span)> {
    if let Some(d) = inc.date.and_then(|i| an.dates.get(i)) {
        return d.date.map(|date| (date, d.precision, d.span));
    }
    inc.derived_date.map(|d| (d.date, d.precision, d.evidence))
}

fn coarser(a: TimePrecision, b: TimePrecision) -> TimePrecision {
    if b.code() > a.code() {
        b
    } else {
        a
    }
}

/// `date` moved by `days`, unless that passes the day after publication
/// (an event dated after its report is a misreading).
fn shifted(an: &Annotated<'_>, date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let moved = date.checked_add_signed(chrono::Duration::try_days(days)?)?;
    let too_late = an.doc.published.is_some_and(|p| (moved - p).num_days() > 1);
    (!too_late).then_some(moved)
}

/// Dates incidents that have none of their own from the incidents they are
/// related to; a chain ("a day after ..., two days after ...") resolves
/// link by link.
fn resolve_dates(an: &Annotated<'_>, out: &mut [Incident], links: &[DateLink]) {
    for _ in 0..links.len() {
        let mut changed = false;
        for link in links {
            let (Some(dependent), Some(anchor)) = (out.get(link.dependent), out.get(link.anchor))
            else {
                continue;
            };
            match (known_date(an, dependent), known_date(an, anchor)) {
                (None, Some((date, precision, span))) => {
                    if let Some(moved) = shifted(an, date, link.offset_days) {
                        out[link.dependent].derived_date = Some(DerivedDate {
                            date: moved,
                            precision: coarser(precision, link.precision),
                            evidence: link.evidence.unwrap_or(span),
                        });
                        changed = true;
                    }
                }
                (Some((date, precision, span)), None) if link.both_ways => {
                    if let Some(moved) = shifted(an, date, -link.offset_days) {
                        out[link.anchor].derived_date = Some(DerivedDate {
                            date: moved,
                            precision: coarser(precision, link.precision),
                            evidence: link.evidence.map_or(span, |e| e.cover(span)),
                        });
                        changed = true;
                    }
                }
                _ => {}
            }
        }
        if !changed {
            break;
        }
    }
}
