//! Whether a trigger reports something that happened: not a plan, a threat,
//! a hypothesis, a denial, or history.

use crate::lexicon::{Cat, Cue, Hit};
use sitrep_model::Span;

/// Why a trigger does not report an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreal {
    /// "will", "could", "plans to", "threatened to", "called for".
    Irrealis,
    /// "did not", "denied", "foiled".
    Negated,
    /// "since", "anniversary".
    Background,
    /// "Will the worst come marching?", "Who attacked the convoy?": a
    /// question reports nothing.
    Question,
}

/// Clause-breaking punctuation: a cue before it does not scope over what follows.
fn crosses_clause(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '—', '–']) || gap.contains(" - ")
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .count()
}

/// "deny that", "denied that": the denial takes a whole clause.
fn denies_a_clause(text: &str, cue: Span) -> bool {
    let denial = text
        .get(cue.start..cue.end)
        .and_then(|word| word.get(..3))
        .is_some_and(|head| head.eq_ignore_ascii_case("den"));
    denial
        && text
            .get(cue.end..)
            .is_some_and(|rest| rest.trim_start().starts_with("that "))
}

/// The trigger's sentence ends in a question mark that closes the
/// trigger's own question: no full stop or exclamation between them, and
/// the question is not a quote inside a report ("'Why?' she asked after
/// police shot her son" keeps the shooting, which follows the mark). A
/// mark followed by a digit or a lower-case word is a doubt, not a
/// question ("June 22nd? 2017").
fn asked(text: &str, sentence: Span, trigger: Span) -> bool {
    let Some(rest) = text.get(trigger.end..sentence.end) else {
        return false;
    };
    let rest =
        rest.trim_end_matches(|c: char| c.is_whitespace() || "\"'\u{201d}\u{2019})".contains(c));
    let Some(body) = rest.strip_suffix('?') else {
        return false;
    };
    let after = text[trigger.end + rest.len()..].trim_start();
    !body.contains(['.', '!', '?'])
        && !after.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
}

/// "May" written with a capital inside a sentence is the month, not the modal.
fn is_month_may(text: &str, cue: Span, sentence: Span) -> bool {
    text.get(cue.start..cue.end) == Some("May") && cue.start > sentence.start
}

/// Checks the cues of `sentence` around `trigger`. A cue scopes over the
/// next trigger only: in "feared dead following a clash" the fear is about
/// the deaths, not the clash. `triggers` are the document's trigger hits.
pub fn unreal(
    text: &str,
    sentence: Span,
    trigger: Span,
    cues: &[Hit<Cue>],
    triggers: &[Hit<Cat>],
) -> Option<Unreal> {
    if asked(text, sentence, trigger) {
        return Some(Unreal::Question);
    }
    // Another trigger between the cue and this one takes the cue's scope,
    // unless it is part of the same phrase: right before it ("would stop
    // rocket attacks") or, for a future, a hypothetical or history, joined
    // to it by "and" or "or" ("will end up fighting and killing each
    // other", "involved in killings and mass rapes"; a denial is not
    // shared so: "thwarted an attack and killed a fighter").
    let same_phrase = |t: &Hit<Cat>, shared: bool| {
        let gap = text.get(t.span.end..trigger.start).unwrap_or("x").trim();
        // "and" or "or", with at most one modifier after it ("killings and
        // mass rapes").
        let joined = || {
            let mut words = gap.trim_start_matches(',').split_whitespace();
            matches!(words.next(), Some("and" | "or"))
                && words
                    .next()
                    .is_none_or(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                && words.next().is_none()
        };
        gap.is_empty() || (shared && (gap == "," || joined()))
    };
    let trigger_between = |from: usize, to: usize, shared: bool| {
        triggers.iter().any(|t| {
            t.span.start >= from && t.span.end <= to && t.span != trigger && !same_phrase(t, shared)
        })
    };
    for cue in cues.iter().filter(|c| sentence.contains(c.span)) {
        let (kind, max_words) = match cue.what {
            Cue::Irrealis => (Unreal::Irrealis, 6),
            Cue::Negation => {
                let word = text.get(cue.span.start..cue.span.end).unwrap_or("");
                let wide = word.len() > 3; // "denied", "foiled" scope further than "not"
                (Unreal::Negated, if wide { 6 } else { 3 })
            }
            Cue::Background => (Unreal::Background, 6),
            _ => continue,
        };
        if cue.span.end <= trigger.start {
            let gap = text.get(cue.span.end..trigger.start).unwrap_or("");
            // "They deny that many civilians were killed in bombardments":
            // a denied clause is denied whole, every trigger in it.
            if cue.what == Cue::Negation
                && denies_a_clause(text, cue.span)
                && word_count(gap) <= 20
                && !crosses_clause(gap)
            {
                return Some(kind);
            }
            if word_count(gap) <= max_words
                && !crosses_clause(gap)
                && !trigger_between(cue.span.end, trigger.start, kind != Unreal::Negated)
                && !is_month_may(text, cue.span, sentence)
            {
                return Some(kind);
            }
        } else if cue.span.start >= trigger.end && kind == Unreal::Irrealis {
            // "a protest planned for Friday", "a strike threatened over pay".
            let gap = text.get(trigger.end..cue.span.start).unwrap_or("");
            let word = text
                .get(cue.span.start..cue.span.end)
                .unwrap_or("")
                .to_ascii_lowercase();
            let postposed = word.starts_with("plan")
                || word.starts_with("threat")
                || word.starts_with("schedul");
            let only_auxiliaries = gap
                .split_whitespace()
                .all(|w| matches!(w, "is" | "was" | "are" | "were" | "being" | "been"));
            if postposed && only_auxiliaries {
                return Some(kind);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{cues, triggers};

    fn check(text: &str, trigger_word: &str) -> Option<Unreal> {
        let start = text.find(trigger_word).expect("trigger in text");
        let trigger = Span::new(start, start + trigger_word.len());
        unreal(
            text,
            Span::new(0, text.len()),
            trigger,
            &cues(text),
            &triggers(text),
        )
    }

    #[test]
    fn future_and_hypothetical_are_irrealis() {
        assert_eq!(
            check("The group said it could strike abroad.", "strike"),
            Some(Unreal::Irrealis)
        );
        assert_eq!(
            check("Unions will strike on Monday in Harare.", "strike"),
            Some(Unreal::Irrealis)
        );
        assert_eq!(
            check("Militants threatened to attack Garissa.", "attack"),
            Some(Unreal::Irrealis)
        );
        assert_eq!(
            check(
                "Opposition leaders called for protests in Kinshasa.",
                "protests"
            ),
            Some(Unreal::Irrealis)
        );
        assert_eq!(
            check("A protest planned for Friday in Lusaka.", "protest"),
            Some(Unreal::Irrealis)
        );
    }

    #[test]
    fn negation_and_denial() {
        assert_eq!(
            check("The army did not attack the village.", "attack"),
            Some(Unreal::Negated)
        );
        assert_eq!(
            check("Al Shabaab denied carrying out the attack.", "attack"),
            Some(Unreal::Negated)
        );
        assert_eq!(
            check("Police foiled an attack on a church in Mombasa.", "attack"),
            Some(Unreal::Negated)
        );
    }

    #[test]
    fn background_history() {
        assert_eq!(
            check(
                "Violence has flared since militants stormed Palma.",
                "stormed"
            ),
            Some(Unreal::Background)
        );
        assert_eq!(
            check(
                "It was the anniversary of the massacre in Bentiu.",
                "massacre"
            ),
            Some(Unreal::Background)
        );
    }

    #[test]
    fn reporting_verbs_and_plain_past_are_real() {
        assert_eq!(
            check(
                "Al Shabaab claimed responsibility for the attack.",
                "attack"
            ),
            None
        );
        assert_eq!(
            check("Gunmen killed five villagers, police said.", "killed"),
            None
        );
        assert_eq!(
            check("Soldiers attacked the camp on May 3.", "attacked"),
            None
        );
    }

    #[test]
    fn cue_scopes_over_the_next_trigger_only() {
        assert_eq!(
            check(
                "Eight people are feared dead following a clash in Koh.",
                "clash"
            ),
            None
        );
        assert_eq!(
            check(
                "Patients protested against plans to close the clinic in Isiolo.",
                "protested"
            ),
            None
        );
        assert_eq!(
            check(
                "A landmine planted by militants exploded near Mandera.",
                "landmine"
            ),
            None
        );
    }

    #[test]
    fn cue_in_another_clause_does_not_scope() {
        assert_eq!(
            check(
                "Although talks could resume, troops shelled Kadugli.",
                "shelled"
            ),
            None
        );
    }
}
