//! Fatality and injury counts by ACLED's rules: only deaths the text reports
//! for this event, the conservative figure, attackers included, injuries and
//! force sizes never counted, "no casualties" is 0, silence is unknown.

use crate::lexicon::{Cat, Cue, Hit};
use sitrep_model::Span;
use sitrep_text::numbers::Quantity;

/// A count and the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: u32,
    pub evidence: Span,
    /// Set for counts restating a total ("the death toll rose to 12").
    pub is_toll: bool,
}

/// Counts found in one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceCounts {
    pub deaths: Option<Count>,
    pub wounded: Option<Count>,
    /// "no casualties", "no one was killed".
    pub none_killed: Option<Span>,
}

/// Words that say a trigger is about death (not merely shooting or fighting).
fn is_death_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.starts_with("kill")
        || w.starts_with("murder")
        || w.starts_with("massacre")
        || w.starts_with("slaughter")
        || w.starts_with("behead")
        || w.starts_with("martyr")
        || w.starts_with("assassinat")
        // "claimed the lives of 3 citizens".
        || w.ends_with("the lives of")
        || matches!(
            w.as_str(),
            "dead"
                | "died"
                | "burned to death"
                | "burnt to death"
                | "executed"
                | "decapitated"
                | "hacked to death"
                | "burned alive"
                | "burnt alive"
                | "shot dead"
                | "shot and killed"
                | "gunned down"
                | "summarily shot"
        )
}

/// Nouns for incidents rather than people: a number before "of" one of them
/// counts incidents ("a number of kidnappings and murders", "dozens of
/// attacks"), never the dead.
const INCIDENT_NOUNS: &[&str] = &[
    "kidnappings",
    "abductions",
    "murders",
    "killings",
    "assassinations",
    "attacks",
    "incidents",
    "cases",
    "raids",
    "clashes",
    "bombings",
    "explosions",
    "ambushes",
    "robberies",
    "crimes",
    "executions",
    "massacres",
];

/// Does the number ending at `end` count incidents ("several attacks",
/// "a number of murders")? Looks at the next two words only.
fn counts_incidents(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut next = words(rest).take(2).map(|w| w.to_ascii_lowercase());
    match next.next() {
        Some(w) if w == "of" => next
            .next()
            .is_some_and(|n| INCIDENT_NOUNS.contains(&n.as_str())),
        Some(w) => INCIDENT_NOUNS.contains(&w.as_str()),
        None => false,
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

fn word_count(s: &str) -> usize {
    words(s).count()
}

/// Text between two offsets, with no sentence- or clause-breaking
/// punctuation that would detach a number from its verb.
fn gap_ok(text: &str, from: usize, to: usize, max_words: usize) -> bool {
    if from > to {
        return false;
    }
    let gap = text.get(from..to).unwrap_or("");
    // Prepositions that start a new phrase: "people in relation with the
    // killing", "arrested over the killing"; relative words that start a
    // clause of its own ("5 men whose relatives were killed"; not "who":
    // "five people who were killed" counts them).
    let detached = words(gap).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "with"
                | "over"
                | "for"
                | "against"
                | "after"
                | "following"
                | "about"
                | "to"
                | "by"
                | "whose"
                | "which"
                | "whom"
        )
    });
    let no_comma = max_words > 0 || !gap.contains(',');
    !gap.contains([';', '.', ':', '(', ')'])
        && word_count(gap) <= max_words
        && !detached
        && no_comma
}

/// Passive auxiliaries right before a death or injury word ("were
/// killed", "have been wounded").
const PASSIVE_AUXILIARIES: &[&str] = &["were", "are", "been", "was", "is"];

/// Words that open another clause or join another phrase: a number before
/// one of them is not the subject of a verb after it ("5 men whose
/// relatives were killed", "arrested for the attack in which soldiers were
/// killed", "marched to the palace and two were killed").
const CLAUSE_OPENERS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "where",
    "when",
    "while",
    "as",
    "after",
    "before",
    "since",
    "until",
    "because",
    "if",
    "and",
    "or",
    "but",
    "following",
    "than",
];

/// The longest participle or prepositional phrase allowed between a count
/// and its passive verb ("Four soldiers guarding a checkpoint near the town
/// have been killed").
const MAX_PASSIVE_SUBJECT_WORDS: usize = 10;

/// Is the number ending at `from` the subject of the passive verb whose
/// auxiliary ends right before `to`? The gap may hold a participle phrase
/// with its own prepositions ("travelling to Maiduguri"), but no other
/// clause, no punctuation and at most [`MAX_PASSIVE_SUBJECT_WORDS`] words.
fn passive_subject(text: &str, from: usize, to: usize) -> bool {
    let Some(gap) = text.get(from..to) else {
        return false;
    };
    if gap.contains([',', ';', '.', ':', '(', ')']) {
        return false;
    }
    let ws: Vec<String> = words(gap).map(|w| w.to_ascii_lowercase()).collect();
    let Some((aux, phrase)) = ws.split_last() else {
        return false;
    };
    PASSIVE_AUXILIARIES.contains(&aux.as_str())
        && ws.len() <= MAX_PASSIVE_SUBJECT_WORDS
        && !phrase.iter().any(|w| {
            CLAUSE_OPENERS.contains(&w.as_str()) || PASSIVE_AUXILIARIES.contains(&w.as_str())
        })
}

fn any_in(hits: &[Span], from: usize, to: usize) -> bool {
    hits.iter().any(|s| s.start >= from && s.end <= to)
}

/// Counts in `sentence`, from the document's quantities, trigger and cue hits
/// (all in document byte offsets, any order).
/// Words reports use for the dead besides the death triggers: "the
/// number of casualties", "human losses", "martyrs".
fn names_the_dead(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    lower.contains("human losses")
        || lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            matches!(
                w,
                "dead"
                    | "killed"
                    | "casualties"
                    | "casualty"
                    | "martyrs"
                    | "martyred"
                    | "fatalities"
            )
        })
}

pub fn count_sentence(
    text: &str,
    sentence: Span,
    quantities: &[Quantity],
    triggers: &[Hit<Cat>],
    cues: &[Hit<Cue>],
) -> SentenceCounts {
    let inside = |s: Span| sentence.contains(s);
    // "28 killed or wounded", "20 martyrs and wounded": the dead are not
    // told apart from the wounded, so the figure counts neither.
    let hazard = cues.iter().any(|c| inside(c.span) && c.what == Cue::Hazard);
    let nouns_count = triggers.iter().any(|t| inside(t.span)) && !hazard;
    let deaths: Vec<Span> = triggers
        .iter()
        .filter(|h| inside(h.span) && is_death_word(&text[h.span.start..h.span.end]))
        .map(|h| h.span)
        // Death nouns count only beside a trigger of their own sentence
        // ("clashed ..., and at least 3 fatalities were reported"), and where
        // no disease or hazard is named: a sentence added to an incident as
        // detail ("So far it has been linked to eight deaths", "484 deaths
        // from 11,735 cases") is too often another story's toll.
        .chain(
            cues.iter()
                .filter(|h| nouns_count && inside(h.span) && h.what == Cue::DeathNoun)
                .map(|h| h.span),
        )
        .filter(|&span| !merged_with_injuries(text, span))
        .collect();
    let injuries: Vec<Span> = cues
        .iter()
        .filter(|h| inside(h.span) && h.what == Cue::Injury)
        .map(|h| h.span)
        .collect();
    // A toll in a sentence that names a disease or a hazard is its toll
    // ("the death toll from the virus rose to 152"). "A total of" and "in
    // total" count the dead only beside a death word ("a total of 331
    // confirmed cases" is no toll); "death toll" and "toll" are one.
    // (The word test runs only for a sentence with a generic toll cue.)
    let death_word = || {
        !deaths.is_empty()
            || cues
                .iter()
                .any(|c| inside(c.span) && c.what == Cue::DeathNoun)
            || names_the_dead(text.get(sentence.start..sentence.end).unwrap_or(""))
    };
    let tolls: Vec<Span> = cues
        .iter()
        .filter(|h| inside(h.span) && h.what == Cue::Toll && !hazard)
        .filter(|h| {
            text.get(h.span.start..h.span.end)
                .is_some_and(|w| w.to_ascii_lowercase().contains("toll"))
                || death_word()
        })
        .map(|h| h.span)
        .collect();
    let including: Vec<Span> = cues
        .iter()
        .filter(|h| inside(h.span) && h.what == Cue::Including)
        .map(|h| h.span)
        .collect();
    let quantities: Vec<&Quantity> = quantities.iter().filter(|q| inside(q.span)).collect();
    let quantity_spans: Vec<Span> = quantities.iter().map(|q| q.span).collect();

    let mut out = SentenceCounts {
        none_killed: cues
            .iter()
            .find(|h| inside(h.span) && h.what == Cue::NoCasualties)
            .map(|h| h.span),
        ..Default::default()
    };

    let mut death_total: Option<Count> = None;
    let mut wounded_total: Option<Count> = None;
    let mut attached_to_death: Vec<usize> = Vec::new();
    for (i, q) in quantities.iter().enumerate() {
        // Sub-counts ("including two officers") restate part of a total.
        if including
            .iter()
            .any(|c| c.end <= q.span.start && gap_ok(text, c.end, q.span.start, 2))
        {
            continue;
        }
        if counts_incidents(text, q.span.end) {
            continue;
        }
        // The nearest cue the number belongs to: a verb after it ("five
        // people were killed") or just before it ("killing five people").
        let after = |cands: &[Span], max_words: usize| {
            cands
                .iter()
                .filter(|c| c.start >= q.span.end && gap_ok(text, q.span.end, c.start, max_words))
                .filter(|c| !any_in(&quantity_spans, q.span.end, c.start))
                .map(|c| c.start - q.span.end)
                .min()
        };
        let before = |cands: &[Span], max_words: usize| {
            cands
                .iter()
                .filter(|c| c.end <= q.span.start && gap_ok(text, c.end, q.span.start, max_words))
                .filter(|c| !any_in(&quantity_spans, c.end, q.span.start))
                .map(|c| q.span.start - c.end)
                .min()
        };
        // "Three policemen travelling to Maiduguri were killed": a passive
        // verb reaches back to its subject over a longer phrase.
        let passive_after = |cands: &[Span]| {
            cands
                .iter()
                .filter(|c| c.start >= q.span.end && passive_subject(text, q.span.end, c.start))
                .filter(|c| !any_in(&quantity_spans, q.span.end, c.start))
                .filter(|c| !any_in(&deaths, q.span.end, c.start))
                .filter(|c| !any_in(&injuries, q.span.end, c.start))
                .map(|c| c.start - q.span.end)
                .min()
        };
        let death_after = after(&deaths, 5).or_else(|| passive_after(&deaths));
        let injury_after = after(&injuries, 5).or_else(|| passive_after(&injuries));
        // A number right after the verb is its object ("killing four and
        // injuring five"); that reading wins over a verb further on.
        let death_object = before(&deaths, 0);
        let injury_object = before(&injuries, 0);
        // "killing the bomber and five police officers": the verb's object
        // is a singular victim and a count; both died.
        // ("One dead and three injured": the injury verb right after the
        // number claims it.)
        let singular_and = singular_before_and(text, sentence, q.span.start);
        let death_object_with_one =
            if death_object.is_none() && singular_and && after(&injuries, 0).is_none() {
                before(&deaths, 3)
            } else {
                None
            };
        let death_object = death_object.or(death_object_with_one);
        // "the death toll from the attack rose to 12": a toll reaches its
        // number through prepositions, so only punctuation detaches it.
        let death_toll = tolls.iter().find(|c| {
            let gap = text.get(c.end..q.span.start).unwrap_or("");
            c.end <= q.span.start
                && !gap.contains([';', '.', ':', '(', ')'])
                && word_count(gap) <= 6
                && !any_in(&quantity_spans, c.end, q.span.start)
        });
        let is_death = match (death_object, injury_object) {
            (Some(_), _) => true,
            (None, Some(_)) => false,
            (None, None) => match (death_after, injury_after) {
                (Some(d), Some(w)) => d < w,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => death_toll.is_some(),
            },
        };
        let is_injury = !is_death && (injury_after.is_some() || injury_object.is_some());
        let is_toll = tolls.iter().any(|t| t.end <= q.span.start);
        if is_death {
            attached_to_death.push(i);
            let mut value = q.value;
            // "the suicide bomber and five others were killed": the one
            // named before "and N others" died too.
            if death_object_with_one.is_some() || (others_follow(text, q.span.end) && singular_and)
            {
                value += 1;
            }
            // "killed four farmers and a herder": the one after died too.
            if death_object.is_some() && singular_after_and(text, sentence, q.span.end) {
                value += 1;
            }
            add(&mut death_total, value, q.span, is_toll);
        } else if is_injury {
            add(&mut wounded_total, q.value, q.span, false);
        }
    }
    // A conjunct number before a counted one ("three militants and two
    // soldiers were killed") belongs to the same verb.
    // "either 6 soldiers or a major": alternatives, the lower one counts.
    let mut extra: Vec<usize> = Vec::new();
    let cue_spans: Vec<Span> = deaths.iter().chain(injuries.iter()).copied().collect();
    for &i in &attached_to_death {
        let mut j = i;
        while j > 0 {
            let prev = quantities[j - 1];
            let (from, to) = (prev.span.end, quantities[j].span.start);
            let gap = text.get(from..to).unwrap_or("").trim_end();
            let joined = gap.ends_with(" and") || gap.ends_with(',') || gap.ends_with(" or");
            if !joined
                || word_count(gap) > 5
                || any_in(&cue_spans, from, to)
                || attached_to_death.contains(&(j - 1))
            {
                break;
            }
            if gap.ends_with(" or") {
                if let Some(total) = death_total.as_mut() {
                    let alternative = prev.value.min(quantities[j].value);
                    total.value = total.value - quantities[j].value.min(total.value) + alternative;
                    total.evidence = total.evidence.cover(prev.span);
                }
                break;
            }
            if !extra.contains(&(j - 1)) {
                extra.push(j - 1);
            }
            j -= 1;
        }
    }
    for j in extra {
        let q = quantities[j];
        add(&mut death_total, q.value, q.span, false);
    }
    // A singular death with no number: "a soldier was killed".
    if death_total.is_none() {
        // Death words only: a noun's article is the phrase's ("a new wave
        // of deaths"), not one victim's.
        let is_noun = |d: Span| cues.iter().any(|h| h.span == d && h.what == Cue::DeathNoun);
        if let Some(span) = deaths
            .iter()
            .find(|d| !is_noun(**d) && singular_death(text, sentence, **d))
        {
            death_total = Some(Count {
                value: 1,
                evidence: *span,
                is_toll: false,
            });
        }
    }
    out.deaths = death_total;
    out.wounded = wounded_total;
    out
}

fn merged_with_injuries(text: &str, death: Span) -> bool {
    let tail = text.get(death.end..).unwrap_or("");
    let next: Vec<String> = words(tail)
        .take(2)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    matches!(
        next.as_slice(),
        [conj, injury, ..]
            if (conj == "or" || conj == "and")
                && (injury.starts_with("wound") || injury.starts_with("injur"))
    )
}

fn add(total: &mut Option<Count>, value: u32, span: Span, is_toll: bool) {
    match total {
        Some(c) => {
            c.value = c.value.saturating_add(value);
            c.evidence = c.evidence.cover(span);
            c.is_toll |= is_toll;
        }
        None => {
            *total = Some(Count {
                value,
                evidence: span,
                is_toll,
            })
        }
    }
}

fn others_follow(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    words(rest)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("others") || w.eq_ignore_ascii_case("other"))
}

/// "the bomber and": the words before `at` end with "and" preceded by a
/// singular noun phrase (no number, not a plural).
fn singular_before_and(text: &str, sentence: Span, at: usize) -> bool {
    let head = text.get(sentence.start..at).unwrap_or("");
    let ws: Vec<&str> = words(head).collect();
    let is_det = |w: &str| {
        let w = w.to_ascii_lowercase();
        matches!(w.as_str(), "a" | "an" | "the" | "one" | "his" | "her") || w.ends_with("'s")
    };
    // The word before "and" must be a noun for a victim, not the death
    // word itself ("One dead and three injured").
    let victim = |noun: &str| !noun.ends_with('s') && !is_death_word(noun);
    match ws.as_slice() {
        [.., det2, det1, noun, and] if and.eq_ignore_ascii_case("and") => {
            (is_det(det1) || is_det(det2)) && victim(noun)
        }
        [det, noun, and] if and.eq_ignore_ascii_case("and") => is_det(det) && victim(noun),
        _ => false,
    }
}

/// "four farmers and a herder", "two fighters and one civilian": after a
/// counted noun phrase of one or two words, "and", a singular determiner
/// and a victim noun (one listed, or a capitalised one: "a Konkomba"),
/// with at most one word between determiner and noun.
fn singular_after_and(text: &str, sentence: Span, at: usize) -> bool {
    let tail = text.get(at..sentence.end).unwrap_or("");
    // Punctuation ends the noun phrase ("killing four, and a day later ...").
    let phrase_end = tail
        .find([',', ';', '.', ':', '(', ')'])
        .unwrap_or(tail.len());
    let ws: Vec<&str> = words(&tail[..phrase_end]).take(6).collect();
    let Some(and) = ws
        .iter()
        .take(3)
        .position(|w| w.eq_ignore_ascii_case("and"))
        .filter(|&i| i >= 1)
    else {
        return false;
    };
    let is_det = |w: &str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "a" | "an" | "one" | "another"
        )
    };
    let is_victim = |w: &str| {
        SINGULAR_VICTIMS.contains(&w.to_ascii_lowercase().as_str())
            || w.chars().next().is_some_and(char::is_uppercase)
    };
    match ws.get(and + 1..) {
        Some([det, noun, ..]) if is_det(det) && is_victim(noun) => true,
        Some([det, _, noun, ..]) if is_det(det) => {
            SINGULAR_VICTIMS.contains(&noun.to_ascii_lowercase().as_str())
        }
        _ => false,
    }
}

/// Nouns for one person, as a killing's object or a death's subject.
const SINGULAR_VICTIMS: &[&str] = &[
    "officer",
    "soldier",
    "policeman",
    "policewoman",
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "civilian",
    "leader",
    "chief",
    "commander",
    "farmer",
    "driver",
    "student",
    "teacher",
    "journalist",
    "pastor",
    "imam",
    "priest",
    "trader",
    "herder",
    "resident",
    "villager",
    "worker",
    "official",
    "politician",
    "member",
    "militant",
    "fighter",
    "person",
    "motorcyclist",
    "guard",
    "peacekeeper",
    "activist",
    "businessman",
];

/// "a soldier was killed", "he was shot dead", "killing a policeman", "one
/// person died".
fn singular_death(text: &str, sentence: Span, death: Span) -> bool {
    let head = text.get(sentence.start..death.start).unwrap_or("");
    let tail = text.get(death.end..sentence.end).unwrap_or("");
    let head_words: Vec<&str> = words(head).collect();
    let before: Vec<String> = head_words
        .iter()
        .rev()
        .take(4)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let after: Vec<String> = words(tail)
        .take(2)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if before
        .iter()
        .any(|w| w == "were" || w == "are" || w == "have")
    {
        return false;
    }
    let passive_singular = before.iter().take(3).any(|w| w == "was" || w == "has");
    let singular_subject = before
        .iter()
        .any(|w| matches!(w.as_str(), "a" | "an" | "another" | "one"));
    let singular_object = after
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "one" | "another" | "him" | "her"));
    // "gunmen kill NISS officer", "shoot the driver dead".
    let transitive = !matches!(
        text.get(death.start..death.end)
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str(),
        "dead" | "died"
    );
    let victim_after = transitive
        && words(tail)
            .take(3)
            .any(|w| SINGULAR_VICTIMS.contains(&w.to_ascii_lowercase().as_str()));
    let victim_before = !transitive
        && before
            .first()
            .is_some_and(|w| SINGULAR_VICTIMS.contains(&w.as_str()));
    passive_singular || singular_subject || singular_object || victim_after || victim_before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{cues, triggers};
    use sitrep_text::numbers::find_quantities;

    fn counts(text: &str) -> SentenceCounts {
        let whole = Span::new(0, text.len());
        let qs = find_quantities(text, whole);
        count_sentence(text, whole, &qs, &triggers(text), &cues(text))
    }

    #[test]
    fn killed_and_wounded_are_kept_apart() {
        let t = "Two people were killed and 18 were wounded in a mortar attack on Baidoa.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(2));
        assert_eq!(c.wounded.map(|d| d.value), Some(18));
    }

    #[test]
    fn attacker_counts_with_others() {
        let t = "The suicide bomber and five others were killed at a checkpoint in Mogadishu.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(6));
    }

    #[test]
    fn a_singular_victim_before_a_count_is_added() {
        let t = "A car bomb struck a checkpoint in Mogadishu, killing the bomber and five police officers.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(6));
        let t = "Gunmen attacked the post, killing a soldier and two civilians.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(3));
    }

    #[test]
    fn a_singular_count_before_injuries_is_not_an_added_victim() {
        let t = "One dead and three injured when a minibus hit a landmine near Beledweyne.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(1));
        assert_eq!(c.wounded.map(|d| d.value), Some(3));
    }

    #[test]
    fn a_number_of_incidents_is_no_death_toll() {
        let t = "The two were accused of a number of kidnappings and murders in the district.";
        assert_eq!(counts(t).deaths, None);
        let t = "Dozens of killings were reported in the region last year.";
        assert_eq!(counts(t).deaths, None);
        // The people counted still count.
        let t = "Gunmen killed several villagers in the raid.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(10));
    }

    #[test]
    fn deaths_and_fatalities_are_death_nouns() {
        let t = "Troops clashed with rebels and at least 3 fatalities were reported among the attackers.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(3));
        // No trigger in the sentence: a detail too often from another story.
        let t = "So far the incident has been linked to eight deaths.";
        assert_eq!(counts(t).deaths, None);
        let t = "The raid on the market left 14 deaths, officials said.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(14));
        // Casualties are the dead and the wounded together: no count.
        let t = "The attack caused 20 casualties.";
        assert_eq!(counts(t).deaths, None);
        let t = "The outbreak has caused 484 deaths from 11,735 cases.";
        assert_eq!(counts(t).deaths, None);
        let t = "A new wave of deaths was reported.";
        assert_eq!(counts(t).deaths, None);
        let t = "No fatalities were reported after the clash.";
        assert!(counts(t).none_killed.is_some());
        assert_eq!(counts(t).deaths, None);
    }

    #[test]
    fn a_passive_death_reaches_back_over_a_participle_phrase() {
        let t = "Four soldiers guarding a checkpoint near the town have been killed.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(4));
        let t = "Three policemen travelling to Maiduguri were killed when gunmen ambushed them.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(3));
        // Another clause between them keeps the number its own.
        let t = "Police arrested 5 men whose relatives were killed in the raid.";
        assert_eq!(counts(t).deaths, None);
        let t = "12 people were arrested for the attack in which soldiers were killed.";
        assert_eq!(counts(t).deaths, None);
        let t = "20 protesters marched to the palace and two were killed.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(2));
    }

    #[test]
    fn a_singular_victim_after_a_count_is_added() {
        let t = "Clashes in the district killed four farmers and a herder.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(5));
        let t = "The strike killed two fighters and one civilian.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(3));
        // Not a victim: what else the attackers did.
        let t = "Gunmen killed four villagers and a day later burned the market.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(4));
    }

    #[test]
    fn including_is_not_added() {
        let t = "Militants ambushed a patrol near Maiduguri, killing nine soldiers, including two officers.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(9));
    }

    #[test]
    fn force_sizes_are_not_deaths() {
        let t = "About 200 fighters in a convoy of 30 vehicles attacked the town of Baga.";
        let c = counts(t);
        assert_eq!(c.deaths, None);
        assert_eq!(c.wounded, None);
    }

    #[test]
    fn conjoined_counts_add_up() {
        let t = "Three militants and two soldiers were killed in the clash near Dikwa.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(5));
    }

    #[test]
    fn singular_death_without_number() {
        let t = "A policeman was shot dead at a checkpoint in Wajir.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(1));
        let t = "Gunmen stormed the home of a chief, killing him.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(1));
    }

    #[test]
    fn plural_without_number_is_unknown() {
        let t = "Civilians were killed when shells hit the market.";
        assert_eq!(counts(t).deaths, None);
    }

    #[test]
    fn no_casualties_is_evidence_of_zero() {
        let t =
            "A bomb exploded near the mayor's office in Kismayo but no casualties were reported.";
        let c = counts(t);
        assert!(c.none_killed.is_some());
        assert_eq!(c.deaths, None);
    }

    #[test]
    fn killed_or_wounded_is_not_a_death_count() {
        let t = "About 28 people were killed or wounded by shelling on Maarat al-Numan.";
        assert_eq!(counts(t).deaths, None);
        let t = "Shells hit the market, leaving 20 martyrs and wounded.";
        assert_eq!(counts(t).deaths, None);
    }

    #[test]
    fn killing_then_injuring_objects() {
        let t = "Boko Haram raided Gouzoudou village, killing two and injuring three.";
        let c = counts(t);
        assert_eq!(c.deaths.map(|d| d.value), Some(2));
        assert_eq!(c.wounded.map(|d| d.value), Some(3));
    }

    #[test]
    fn either_or_takes_the_lower_figure() {
        let t = "Reports said either 6 soldiers or 2 officers were killed near Masisi.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(2));
    }

    #[test]
    fn arrests_and_day_numbers_are_not_deaths() {
        let t = "At least four dead, 21 arrested after the attack on Maxaas.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(4));
        let t = "Police arrested several people in connection with the killing.";
        assert_eq!(counts(t).deaths, None);
    }

    #[test]
    fn singular_victim_nouns() {
        let t = "Unidentified gunmen kill NISS officer in El Fasher.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(1));
        let t = "Armed men hijack a vehicle and shoot the driver dead.";
        assert_eq!(counts(t).deaths.map(|d| d.value), Some(1));
    }

    #[test]
    fn toll_is_marked() {
        let t = "The death toll from the attack rose to 12.";
        let c = counts(t);
        assert_eq!(
            c.deaths.as_ref().map(|d| (d.value, d.is_toll)),
            Some((12, true))
        );
    }
}
