//! Leadership attrition: leaders and commanders killed, captured or
//! surrendered, per group, over time.
//!
//! The event coder does not extract leader names, so [`leader_losses`]
//! reads them from the document's sentences with a few patterns:
//!
//! - "<Group> leader/commander/chief/emir <Name> was killed/captured/
//!   arrested" and "... <Name> surrendered";
//! - "killed/captured/arrested <Group> commander <Name>";
//! - "<Name>, a <Group> commander, was killed".
//!
//! Names are runs of capitalised words (with particles: al-, bin, ibn, ould,
//! ag, abu); groups are runs of capitalised words or acronyms. The group is
//! mapped to the event's actor when the sentence names it.

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use sitrep_model::{Document, Event, Evidence, Span};
use sitrep_text::normalize::fold;
use sitrep_text::sentences::split_sentences;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossOutcome {
    Killed,
    /// Captured, arrested or detained.
    Captured,
    Surrendered,
}

impl LossOutcome {
    /// "neutralised" and "eliminated" are read as killed: that is how
    /// military communiqués use them.
    fn from_verb(verb: &str) -> Option<LossOutcome> {
        let v = verb.to_lowercase();
        // Any tense: "killed", "kills", "killing".
        let stem = |prefixes: &[&str]| prefixes.iter().any(|p| v.starts_with(p));
        if stem(&["kill", "shot dead", "neutrali", "eliminat", "died"]) {
            Some(LossOutcome::Killed)
        } else if stem(&["captur", "arrest", "detain", "apprehend"]) {
            Some(LossOutcome::Captured)
        } else if stem(&["surrender", "defect"]) {
            Some(LossOutcome::Surrendered)
        } else {
            None
        }
    }
}

/// One leader lost by a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaderLoss {
    /// The event's actor the sentence names, else the group as written, else
    /// unknown.
    pub group: Option<String>,
    pub leader: String,
    /// "leader", "commander", "emir" ... as written.
    pub role: String,
    pub outcome: LossOutcome,
    /// The linked event's date, else the document's publication date.
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    /// The event whose evidence lies in the same sentence (or names the
    /// group, or the document's only event).
    pub event_id: Option<String>,
    pub doc_id: String,
    /// "leader", "group", "role", "outcome" and "sentence": character spans.
    pub evidence: BTreeMap<String, Evidence>,
}

/// Words that name a leadership role. Public so that callers can preselect
/// documents that may hold a leadership loss (the API's leaders endpoint).
pub const ROLE_WORDS: [&str; 7] = [
    "leader",
    "commander",
    "chief",
    "emir",
    "amir",
    "kingpin",
    "warlord",
];

/// A role with its optional qualifier ("senior commander").
fn role_pattern() -> String {
    format!(
        r"(?P<role>(?:(?:top|senior|self-styled|notorious|prominent|regional|local|deputy|military|field)\s+)?(?:{}))",
        ROLE_WORDS.join("|")
    )
}
const NAME: &str = r"(?P<name>(?:(?:al|el)-)?\p{Lu}[\p{L}'’\-]*\p{L}(?:\s+(?:(?:bin|ibn|ould|ag|wad|al|el|abu|de)\s+)?(?:(?:al|el)-)?\p{Lu}[\p{L}'’\-]*\p{L}){0,3})";
/// A group: capitalised words, acronyms, "al-" words, and the lower-case
/// joiners group names use ("Islamic State of Iraq and the Levant").
const GROUP: &str = r"(?P<group>(?:(?:al|el)-)?\p{Lu}[\p{L}\p{N}'’\-]*(?:\s+(?:(?:of|the|and|wal|al|for|de|du|des|la|le)\s+)*(?:(?:al|el)-)?\p{Lu}[\p{L}\p{N}'’\-]*){0,6})(?:['’]s)?";
const PASSIVE: &str = r"(?:was|has\s+been|had\s+been|is|were)\s+(?:(?:reportedly|allegedly|also|later|confirmed)\s+)?(?P<verb>killed|shot\s+dead|captured|arrested|detained|apprehended|neutralised|neutralized|eliminated)";
const ACTIVE: &str = r"(?P<averb>surrendered|defected|died)";
const ACTIVE_VERBS: &str = r"kill(?:ed|s|ing)?|captur(?:e|ed|es|ing)|arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehend(?:ed|s|ing)?|neutrali[sz](?:e|ed|es|ing)|eliminat(?:e|ed|es|ing)";
const ADJECTIVES: &str =
    r"(?:(?:a|an|the)\s+)?(?:(?:senior|top|notorious|prominent|local|wanted|feared|key)\s+)*";

struct Patterns {
    /// "<Group> commander <Name> was killed" / "... surrendered".
    group_role_name: Regex,
    /// "killed <Group> commander <Name>".
    verb_group_role_name: Regex,
    /// "<Name>, a <Group> commander, was killed".
    name_apposition: Regex,
    /// "killed the commander of <Group>, <Name>" and "the leader of
    /// <Group>, <Name>, was captured".
    role_of_group: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            let role = role_pattern();
            // Apposition inside the first pattern: "<Name>, 42, was killed".
            let group_role_name = Regex::new(&format!(
                r"{GROUP}\s+{role}\s+{NAME}(?:\s*,[^,.;]{{1,60}},)?\s+(?:{PASSIVE}|{ACTIVE})"
            ))
            .ok()?;
            let verb_group_role_name = Regex::new(&format!(
                r"\b(?P<verb>{ACTIVE_VERBS})\s+{ADJECTIVES}{GROUP}\s+{role},?\s+(?:(?:identified\s+as|named)\s+)?{NAME}"
            ))
            .ok()?;
            // The group cannot run into the name here, so a comma must part them.
            let role_of_group = Regex::new(&format!(
                r"(?:\b(?P<pverb>{ACTIVE_VERBS})\s+)?{ADJECTIVES}{role}\s+of\s+(?:the\s+)?{GROUP},\s+{NAME},?(?:\s+(?:{PASSIVE}|{ACTIVE}))?"
            ))
            .ok()?;
            let name_apposition = Regex::new(&format!(
                r"{NAME},\s+{ADJECTIVES}{GROUP}\s+{role}(?:\s+[^,.;]{{1,40}})?,\s+(?:{PASSIVE}|{ACTIVE})"
            ))
            .ok()?;
            Some(Patterns {
                group_role_name,
                verb_group_role_name,
                name_apposition,
                role_of_group,
            })
        })
        .as_ref()
}

/// Words a capitalised run may start with that are not part of a group
/// name ("On Monday Boko Haram commander ...", "The ISWAP leader ...").
const LEADING_NOISE: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "late",
    "early",
    "last",
    "this",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "meanwhile",
    "separately",
    "also",
    "officials",
    "police",
    "troops",
    "residents",
];

/// Finds leader losses in a document. `events` are the document's events,
/// used to name the group and date and place the loss.
pub fn leader_losses(doc: &Document, events: &[Event]) -> Vec<LeaderLoss> {
    let Some(p) = patterns() else {
        return Vec::new();
    };
    let offsets = doc.char_offsets();
    let mut out: Vec<LeaderLoss> = Vec::new();
    for sentence in split_sentences(&doc.text) {
        let text = doc.slice(sentence);
        let mut found: Vec<(Span, regex::Captures<'_>)> = Vec::new();
        for re in [
            &p.group_role_name,
            &p.verb_group_role_name,
            &p.name_apposition,
            &p.role_of_group,
        ] {
            for caps in re.captures_iter(text) {
                if let Some(m) = caps.get(0) {
                    found.push((Span::new(m.start(), m.end()), caps));
                }
            }
        }
        for (_, caps) in found {
            let Some(loss) = read_match(doc, events, sentence, &caps, &offsets) else {
                continue;
            };
            // The same leader and outcome from two patterns: keep the first.
            if !out
                .iter()
                .any(|l| l.leader == loss.leader && l.outcome == loss.outcome)
            {
                out.push(loss);
            }
        }
    }
    out
}

fn read_match(
    doc: &Document,
    events: &[Event],
    sentence: Span,
    caps: &regex::Captures<'_>,
    offsets: &sitrep_model::CharOffsets<'_>,
) -> Option<LeaderLoss> {
    let name = caps.name("name")?;
    let role = caps.name("role")?;
    let verb = caps
        .name("verb")
        .or_else(|| caps.name("averb"))
        .or_else(|| caps.name("pverb"))?;
    let outcome = LossOutcome::from_verb(
        &verb
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )?;
    let span_of =
        |m: regex::Match<'_>| Span::new(sentence.start + m.start(), sentence.start + m.end());
    let evidence_of = |span: Span| {
        let (s, e) = offsets.span(span);
        Evidence::text_span(s, e, doc.slice(span))
    };
    let sentence_text = doc.slice(sentence);
    let mut evidence = BTreeMap::new();
    evidence.insert("leader".to_string(), evidence_of(span_of(name)));
    evidence.insert("role".to_string(), evidence_of(span_of(role)));
    evidence.insert("outcome".to_string(), evidence_of(span_of(verb)));
    evidence.insert("sentence".to_string(), evidence_of(sentence));

    let group_match = caps
        .name("group")
        .and_then(|g| trim_group(g.as_str(), g.start()));
    let group_text = group_match.as_ref().map(|(t, _)| t.clone());
    if let Some((text, start)) = &group_match {
        let span = Span::new(sentence.start + start, sentence.start + start + text.len());
        evidence.insert("group".to_string(), evidence_of(span));
    }
    let actor = group_text
        .as_deref()
        .and_then(|g| actor_named(events, g))
        .or_else(|| actor_in_sentence(events, sentence_text));
    let event = linked_event(events, sentence, actor.as_deref(), offsets);
    Some(LeaderLoss {
        group: actor.or(group_text),
        leader: name.as_str().to_string(),
        role: role.as_str().to_string(),
        outcome,
        date: event.and_then(|e| e.event_date).or(doc.published),
        location: event.and_then(|e| e.location.clone()),
        event_id: event.map(|e| e.event_id.clone()),
        doc_id: doc.id.clone(),
        evidence,
    })
}

/// Drops leading words that are not part of the group's name; returns the
/// rest and its byte offset in the sentence.
fn trim_group(group: &str, start: usize) -> Option<(String, usize)> {
    let mut offset = 0;
    for word in group.split_whitespace() {
        if !LEADING_NOISE.contains(&fold(word).as_str()) {
            break;
        }
        let at = group[offset..].find(word)? + offset;
        offset = at + word.len();
        offset += group[offset..].len() - group[offset..].trim_start().len();
    }
    let rest = group[offset..].trim();
    (!rest.is_empty()).then(|| (rest.to_string(), start + offset))
}

/// The actor (of any of the document's events) the group text names:
/// same folded family name, one containing the other, or the acronym in
/// the actor's name ("ISWAP" and "Islamic State West Africa Province
/// (ISWAP)"; "ADF" and "ADF: Allied Democratic Forces").
fn actor_named(events: &[Event], group: &str) -> Option<String> {
    let g = fold(group);
    if g.is_empty() {
        return None;
    }
    actors(events).find(|actor| {
        let a = fold(actor);
        let family = fold(actor.split([':', '(']).next().unwrap_or(actor));
        a == g
            || family == g
            || contains_words(&a, &g)
            || (!family.is_empty() && contains_words(&g, &family))
    })
}

/// Non-state actor of the events whose name appears in the sentence.
fn actor_in_sentence(events: &[Event], sentence: &str) -> Option<String> {
    let s = fold(sentence);
    actors(events).find(|actor| {
        let family = fold(actor.split([':', '(']).next().unwrap_or(actor));
        !family.is_empty() && contains_words(&s, &family)
    })
}

fn actors(events: &[Event]) -> impl Iterator<Item = String> + '_ {
    events
        .iter()
        .flat_map(|e| {
            [&e.actor1, &e.actor2, &e.assoc_actor_1, &e.assoc_actor_2]
                .into_iter()
                .flatten()
        })
        .flat_map(|a| a.split(';'))
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty() && !fold(a).starts_with("civilians"))
}

/// `needle` occurs in `hay` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let padded_hay = format!(" {hay} ");
    padded_hay.contains(&format!(" {needle} "))
}

/// The event this sentence belongs to: one with evidence inside the
/// sentence, else one whose actors include the group, else the only one.
fn linked_event<'a>(
    events: &'a [Event],
    sentence: Span,
    actor: Option<&str>,
    offsets: &sitrep_model::CharOffsets<'_>,
) -> Option<&'a Event> {
    let (s, e) = offsets.span(sentence);
    let in_sentence = |ev: &&Event| {
        ev.evidence
            .values()
            .any(|x| matches!((x.start, x.end), (Some(a), Some(b)) if s <= a && b <= e))
    };
    let names_actor = |ev: &&Event| {
        actor.is_some_and(|a| {
            [&ev.actor1, &ev.actor2, &ev.assoc_actor_1, &ev.assoc_actor_2]
                .into_iter()
                .flatten()
                .any(|x| x.split(';').any(|y| y.trim() == a))
        })
    };
    events
        .iter()
        .find(in_sentence)
        .or_else(|| events.iter().find(names_actor))
        .or_else(|| (events.len() == 1).then(|| &events[0]))
}

/// Leader losses per group, each list by date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LeadershipLedger {
    /// Group ("" when unknown) → its losses, by date then leader.
    pub groups: BTreeMap<String, Vec<LeaderLoss>>,
}

impl LeadershipLedger {
    pub fn new() -> Self {
        LeadershipLedger::default()
    }

    /// Adds a loss; the same leader with the same outcome on the same day
    /// (another outlet's report) is kept once.
    pub fn add(&mut self, loss: LeaderLoss) -> bool {
        let list = self
            .groups
            .entry(loss.group.clone().unwrap_or_default())
            .or_default();
        let leader = fold(&loss.leader);
        if list
            .iter()
            .any(|l| fold(&l.leader) == leader && l.outcome == loss.outcome && l.date == loss.date)
        {
            return false;
        }
        list.push(loss);
        list.sort_by(|a, b| (a.date, &a.leader).cmp(&(b.date, &b.leader)));
        true
    }

    /// A group's losses, by date.
    pub fn losses_of(&self, group: &str) -> &[LeaderLoss] {
        self.groups.get(group).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{EventType, SubEventType};

    fn event(id: &str, actor1: &str, actor2: &str, day: u32) -> Event {
        Event {
            event_id: id.into(),
            doc_id: "d1".into(),
            event_type: Some(EventType::Battles),
            sub_event_type: Some(SubEventType::ArmedClash),
            event_date: NaiveDate::from_ymd_opt(2024, 6, day),
            actor1: Some(actor1.into()),
            actor2: Some(actor2.into()),
            location: Some("Bama".into()),
            ..Default::default()
        }
    }

    fn doc(text: &str) -> Document {
        let mut d = Document::new("d1", text);
        d.published = NaiveDate::from_ymd_opt(2024, 6, 30);
        d
    }

    const ARMY: &str = "Military Forces of Nigeria (2023-)";
    const ISWAP: &str = "Islamic State West Africa Province (ISWAP)";

    #[test]
    fn group_role_name_passive() {
        let d = doc("ISWAP commander Abu Musa al-Barnawi was killed in an airstrike near Bama, the army said.");
        let events = [event("e1", ARMY, ISWAP, 12)];
        let losses = leader_losses(&d, &events);
        assert_eq!(losses.len(), 1, "{losses:?}");
        let l = &losses[0];
        assert_eq!(l.leader, "Abu Musa al-Barnawi");
        assert_eq!(l.group.as_deref(), Some(ISWAP));
        assert_eq!(l.outcome, LossOutcome::Killed);
        assert_eq!(l.role, "commander");
        assert_eq!(l.date, NaiveDate::from_ymd_opt(2024, 6, 12));
        assert_eq!(l.event_id.as_deref(), Some("e1"));
        assert_eq!(l.evidence["leader"].start, Some(16));
        assert_eq!(l.evidence["group"].text, "ISWAP");
    }

    #[test]
    fn active_voice_killed_group_commander() {
        let d = doc(
            "Troops killed a senior Boko Haram commander, Bakura Doro, during a raid on Gwoza.",
        );
        let events = [event("e1", ARMY, "Boko Haram - JAS", 3)];
        let losses = leader_losses(&d, &events);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].leader, "Bakura Doro");
        assert_eq!(losses[0].group.as_deref(), Some("Boko Haram - JAS"));
        assert_eq!(losses[0].role, "commander");
    }

    #[test]
    fn apposition_and_arrest() {
        let d = doc("Ali Dheere, a top Al Shabaab commander in Lower Shabelle, was arrested by Somali forces in Afgooye on Sunday.");
        let events = [event(
            "e1",
            "Military Forces of Somalia (2022-)",
            "Al Shabaab",
            9,
        )];
        let losses = leader_losses(&d, &events);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].leader, "Ali Dheere");
        assert_eq!(losses[0].outcome, LossOutcome::Captured);
        assert_eq!(losses[0].group.as_deref(), Some("Al Shabaab"));
    }

    #[test]
    fn surrender_and_leading_words() {
        let d = doc("On Monday the ADF chief Musa Baluku surrendered to Congolese troops in Beni.");
        let events = [event(
            "e1",
            "ADF: Allied Democratic Forces",
            "Military Forces of the Democratic Republic of Congo (2019-)",
            1,
        )];
        let losses = leader_losses(&d, &events);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].outcome, LossOutcome::Surrendered);
        assert_eq!(losses[0].leader, "Musa Baluku");
        assert_eq!(
            losses[0].group.as_deref(),
            Some("ADF: Allied Democratic Forces")
        );
        assert_eq!(losses[0].evidence["group"].text, "ADF");
    }

    #[test]
    fn unknown_group_is_kept_as_written() {
        let d = doc("Ansaru emir Abu Bara was captured by the police in Kaduna.");
        let losses = leader_losses(&d, &[]);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].group.as_deref(), Some("Ansaru"));
        // No event: the publication date.
        assert_eq!(losses[0].date, NaiveDate::from_ymd_opt(2024, 6, 30));
        assert_eq!(losses[0].event_id, None);
    }

    #[test]
    fn character_offsets_survive_non_ascii_text() {
        let d = doc("Près de Ménaka — JNIM commander Amadou Koufa was killed in a drone strike.");
        let losses = leader_losses(&d, &[]);
        assert_eq!(losses.len(), 1, "{losses:?}");
        let ev = &losses[0].evidence["leader"];
        let chars: Vec<char> = d.text.chars().collect();
        let (s, e) = (ev.start.unwrap_or(0), ev.end.unwrap_or(0));
        assert_eq!(chars[s..e].iter().collect::<String>(), "Amadou Koufa");
    }

    #[test]
    fn role_of_group_with_comma() {
        let d = doc("Warplanes kill the commander of Jaysh al-Izza, Abu Yahya al-Hamawi, in the countryside of Hama.");
        let losses = leader_losses(&d, &[]);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].leader, "Abu Yahya al-Hamawi");
        assert_eq!(losses[0].group.as_deref(), Some("Jaysh al-Izza"));
        assert_eq!(losses[0].outcome, LossOutcome::Killed);
        let d = doc("The leader of Ansaru, Khalid al-Barnawi, was arrested by the DSS in Lokoja.");
        let losses = leader_losses(&d, &[]);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].leader, "Khalid al-Barnawi");
        assert_eq!(losses[0].outcome, LossOutcome::Captured);
    }

    #[test]
    fn present_tense_headline() {
        let d = doc("Troops capture ISWAP commander Abba Kaka near Monguno");
        let losses = leader_losses(&d, &[]);
        assert_eq!(losses.len(), 1, "{losses:?}");
        assert_eq!(losses[0].leader, "Abba Kaka");
        assert_eq!(losses[0].outcome, LossOutcome::Captured);
    }

    #[test]
    fn no_loss_without_a_leader_pattern() {
        let d = doc("Boko Haram fighters killed 12 farmers near Maiduguri. The commander of the army division visited Bama.");
        assert!(leader_losses(&d, &[]).is_empty());
    }

    #[test]
    fn ledger_keeps_one_report_per_loss_and_sorts_by_date() {
        let mut ledger = LeadershipLedger::new();
        let d = doc("ISWAP commander Abu Musa al-Barnawi was killed in an airstrike.");
        let first = leader_losses(&d, &[event("e1", ARMY, ISWAP, 12)]);
        let d2 = doc("ISWAP leader Ba Idrisa was captured by troops.");
        let second = leader_losses(&d2, &[event("e2", ARMY, ISWAP, 2)]);
        for l in first.iter().chain(&second).chain(&first).cloned() {
            ledger.add(l);
        }
        let names: Vec<&str> = ledger
            .losses_of(ISWAP)
            .iter()
            .map(|l| l.leader.as_str())
            .collect();
        assert_eq!(names, ["Ba Idrisa", "Abu Musa al-Barnawi"]);
        assert!(ledger.losses_of("nobody").is_empty());
        let json = serde_json::to_string(&ledger).unwrap();
        let back: LeadershipLedger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ledger);
    }
}
