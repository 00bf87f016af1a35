//! The actor dictionary: named actors (`data/actors/actors.tsv`) and generic
//! agents (`data/actors/agents.tsv`), compiled once into one automaton.

use sitrep_model::{ActorType, Span};
use std::sync::LazyLock;

use crate::lexicon::{leftmost_longest_valid, word_ends_at, word_starts_at};

const ACTORS_TSV: &str = include_str!("../../../data/actors/actors.tsv");
const AGENTS_TSV: &str = include_str!("../../../data/actors/agents.tsv");
const COMMUNITIES_TSV: &str = include_str!("../../../data/actors/communities.tsv");

/// The nouns that make an armed group of a community ("Dinka militia",
/// "Tiv gunmen", "Habar Gidir fighters"): a community's name is an actor
/// only right before one of them. Not "youths", "herders" or "villagers":
/// those protest, graze and are attacked as often as they fight.
const ARMED_GROUP_NOUNS: &[&str] = &[
    "militia",
    "militias",
    "militiamen",
    "militiaman",
    "fighters",
    "gunmen",
    "attackers",
    "assailants",
    "raiders",
    "warriors",
    "armed men",
    "armed youths",
    "ethnic militia",
    "ethnic militias",
    "clan militia",
    "clan militias",
    "communal militia",
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DictionaryError {
    #[error("{file} line {line}: expected {expected} tab-separated columns")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
    },
    #[error("{file} line {line}: bad actor type code {code:?}")]
    BadInter {
        file: &'static str,
        line: usize,
        code: String,
    },
    #[error("{file} line {line}: unknown agent kind {kind:?}")]
    BadKind {
        file: &'static str,
        line: usize,
        kind: String,
    },
    #[error("{file} line {line}: {country:?} is not a country the registry knows")]
    BadCountry {
        file: &'static str,
        line: usize,
        country: String,
    },
    #[error("{file} line {line}: unknown community kind {kind:?} (ethnic, clan or communal)")]
    BadCommunity {
        file: &'static str,
        line: usize,
        kind: String,
    },
    #[error("building the actor automaton: {0}")]
    Automaton(String),
}

/// Common nouns standing for an actor whose name depends on the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKind {
    Military,
    Police,
    Government,
    Unidentified,
    /// "militants", "rebels": the document's named armed group if it has one.
    Militants,
    Civilians,
    Protesters,
    Rioters,
    Prisoners,
}

impl AgentKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "military" => AgentKind::Military,
            "police" => AgentKind::Police,
            "government" => AgentKind::Government,
            "unidentified" => AgentKind::Unidentified,
            "militants" => AgentKind::Militants,
            "civilians" => AgentKind::Civilians,
            "protesters" => AgentKind::Protesters,
            "rioters" => AgentKind::Rioters,
            "prisoners" => AgentKind::Prisoners,
            _ => return None,
        })
    }

    /// ACLED's name for this agent in `country`, and its actor type.
    pub fn acled_name(self, country: &str) -> (String, ActorType) {
        // "Military Forces of the United States", with the article, as
        // ACLED and the actor dictionary write it; the United Kingdom, and
        // the police and government names, by analogy.
        let of = match country {
            "United States" | "United Kingdom" => format!("the {country}"),
            _ => country.to_string(),
        };
        match self {
            AgentKind::Military => (format!("Military Forces of {of}"), ActorType::StateForces),
            AgentKind::Police => (format!("Police Forces of {of}"), ActorType::StateForces),
            AgentKind::Government => (format!("Government of {of}"), ActorType::StateForces),
            AgentKind::Unidentified | AgentKind::Militants => (
                format!("Unidentified Armed Group ({country})"),
                ActorType::PoliticalMilitia,
            ),
            AgentKind::Civilians => (format!("Civilians ({country})"), ActorType::Civilians),
            AgentKind::Protesters => (format!("Protesters ({country})"), ActorType::Protesters),
            AgentKind::Rioters => (format!("Rioters ({country})"), ActorType::Rioters),
            AgentKind::Prisoners => (format!("Prisoners ({country})"), ActorType::Civilians),
        }
    }

    /// Can carry out armed violence.
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            AgentKind::Military
                | AgentKind::Police
                | AgentKind::Unidentified
                | AgentKind::Militants
        )
    }
}

/// A named actor as ACLED writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedActor {
    /// ACLED's name; `{country}` is replaced by the event's country.
    pub canonical: String,
    pub inter: ActorType,
    /// Home country, `None` for transnational actors.
    pub country: Option<String>,
    /// A community from `communities.tsv`: its name is a mention only
    /// before an armed-group noun ("Dinka militiamen", not "the Dinka").
    pub community: bool,
}

impl NamedActor {
    pub fn name_in(&self, country: Option<&str>) -> Option<String> {
        if self.canonical.contains("{country}") {
            country.map(|c| self.canonical.replace("{country}", c))
        } else {
            Some(self.canonical.clone())
        }
    }
}

/// A line of `communities.tsv`: an ethnic group, clan or community whose
/// armed men ACLED names "<Name> Ethnic Militia (<country>)", "<Name> Clan
/// Militia (<country>)" or "<Name> Communal Militia (<country>)".
struct Community<'a> {
    /// The name as ACLED writes it, then its other spellings.
    names: Vec<&'a str>,
    /// "Ethnic", "Clan" or "Communal".
    kind: &'static str,
    /// The country most of it lives in, if one.
    home: Option<String>,
}

impl<'a> Community<'a> {
    fn parse(line: usize, l: &'a str) -> Result<Self, DictionaryError> {
        let cols = columns("communities.tsv", line, l, 4)?;
        let kind = match cols[1].trim() {
            "ethnic" => "Ethnic",
            "clan" => "Clan",
            "communal" => "Communal",
            other => {
                return Err(DictionaryError::BadCommunity {
                    file: "communities.tsv",
                    line,
                    kind: other.to_string(),
                })
            }
        };
        let home = match cols[2].trim() {
            "-" | "" => None,
            name => Some(
                sitrep_geo::countries::by_name(name)
                    .ok_or_else(|| DictionaryError::BadCountry {
                        file: "communities.tsv",
                        line,
                        country: name.to_string(),
                    })?
                    .name
                    .to_string(),
            ),
        };
        let names: Vec<&str> = std::iter::once(cols[0])
            .chain(cols[3].split('|'))
            .map(str::trim)
            .filter(|n| !n.is_empty() && *n != "-")
            .collect();
        Ok(Community { names, kind, home })
    }

    fn canonical(&self) -> String {
        let name = self.names.first().copied().unwrap_or_default();
        format!("{name} {} Militia ({{country}})", self.kind)
    }
}

/// A name ACLED gives an actor for a period only.
struct EraName {
    canonical: &'static str,
    /// First and last day, as (year, month, day).
    from: (i32, u32, u32),
    until: (i32, u32, u32),
    name: &'static str,
}

/// Boko Haram pledged allegiance to the Islamic State on 7 March 2015;
/// ACLED names it "Boko Haram - Wilayat Gharb Ifriqiyyah" until the Islamic
/// State's leadership split it on 3 August 2016 (ACLED, "Methodology for
/// Coding Boko Haram and ISWAP Factions", 2021).
/// AMISOM became ATMIS on 1 April 2022 and AUSSOM on 1 January 2025.
const ERA_NAMES: &[EraName] = &[
    EraName {
        canonical: "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        from: (2015, 3, 7),
        until: (2016, 8, 2),
        name: "Boko Haram - Wilayat Gharb Ifriqiyyah",
    },
    EraName {
        canonical: "AMISOM: African Union Mission in Somalia",
        from: (2022, 4, 1),
        until: (2024, 12, 31),
        name: "ATMIS: African Union Transition Mission in Somalia",
    },
    EraName {
        canonical: "AMISOM: African Union Mission in Somalia",
        from: (2025, 1, 1),
        until: (9999, 12, 31),
        name: "AUSSOM: African Union Support and Stabilization Mission in Somalia",
    },
];

/// ACLED's name for the actor called `name` on `date`, where it differs.
pub fn era_name(name: &str, date: chrono::NaiveDate) -> Option<&'static str> {
    let day = |(y, m, d): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, d);
    ERA_NAMES
        .iter()
        .find(|e| {
            e.canonical == name
                && day(e.from).is_some_and(|f| f <= date)
                && day(e.until).is_some_and(|u| date <= u)
        })
        .map(|e| e.name)
}

/// Where an [`ARMED_GROUP_NOUNS`] noun that follows `at` (after spaces)
/// ends, if one does, as a whole word; the longest wins ("armed youths"
/// and "ethnic militias" are nouns of their own).
fn armed_group_noun_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let words = rest.trim_start_matches(' ');
    let gap = rest.len() - words.len();
    if gap == 0 {
        return None;
    }
    ARMED_GROUP_NOUNS
        .iter()
        .filter(|noun| {
            words
                .get(..noun.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(noun))
                && !words[noun.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|noun| at + gap + noun.len())
        .max()
}

/// What an actor mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRef {
    /// Index into [`ActorDictionary::named`].
    Named(usize),
    Agent(AgentKind),
}

/// An actor named in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActorMention {
    pub span: Span,
    pub actor: ActorRef,
}

struct Pattern {
    actor: ActorRef,
    /// Acronyms ("IS", "SAF") match only as written, so "is" is not ISIS.
    case_sensitive: bool,
    text: String,
}

/// Named actors and agents, with one automaton over all their aliases.
pub struct ActorDictionary {
    pub named: Vec<NamedActor>,
    patterns: Vec<Pattern>,
    automaton: crate::lexicon::Matcher,
    /// The aliases with the trigger and cue lexicons, for [`Self::scan`].
    scanner: Option<crate::lexicon::Scanner>,
}

pub(crate) fn is_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    // "LeT", "JeM", "FAMa": an acronym with small letters, one word with
    // two capitals or more ("LeT" read in any case was every "let").
    let mixed = capitals >= 2 && !alias.contains([' ', '-']);
    !letters.is_empty() && letters.len() <= 6 && (capitals == letters.len() || mixed)
}

/// The tab-separated columns of line `line` of `file`, which must number
/// `expected`.
pub(crate) fn columns<'a>(
    file: &'static str,
    line: usize,
    l: &'a str,
    expected: usize,
) -> Result<Vec<&'a str>, DictionaryError> {
    let cols: Vec<&str> = l.split('\t').collect();
    if cols.len() != expected {
        return Err(DictionaryError::Columns {
            file,
            line,
            expected,
        });
    }
    Ok(cols)
}

fn content_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl ActorDictionary {
    /// Parses the actor and agent files (see `data/actors/README.md`).
    pub fn parse(actors_tsv: &str, agents_tsv: &str) -> Result<Self, DictionaryError> {
        Self::parse_with_communities(actors_tsv, "", agents_tsv)
    }

    /// Parses the three TSV files (see `data/actors/README.md`). Named
    /// actors claim their aliases first, then communities, then agents.
    pub fn parse_with_communities(
        actors_tsv: &str,
        communities_tsv: &str,
        agents_tsv: &str,
    ) -> Result<Self, DictionaryError> {
        let mut named = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |patterns: &mut Vec<Pattern>, alias: &str, actor: ActorRef| {
            let alias = alias.trim();
            let case_sensitive = is_acronym(alias);
            let key = if case_sensitive {
                alias.to_string()
            } else {
                alias.to_ascii_lowercase()
            };
            if alias.is_empty() || !seen.insert(key) {
                return;
            }
            patterns.push(Pattern {
                actor,
                case_sensitive,
                text: alias.to_string(),
            });
        };
        for (line, l) in content_lines(actors_tsv) {
            let cols = columns("actors.tsv", line, l, 4)?;
            let inter = cols[1]
                .trim()
                .parse::<u8>()
                .ok()
                .and_then(|c| ActorType::from_code(c).ok())
                .ok_or_else(|| DictionaryError::BadInter {
                    file: "actors.tsv",
                    line,
                    code: cols[1].to_string(),
                })?;
            let country = match cols[2].trim() {
                "-" | "" => None,
                c => Some(c.to_string()),
            };
            let idx = named.len();
            let canonical = cols[0].trim().to_string();
            if !canonical.contains("{country}") {
                add(&mut patterns, &canonical, ActorRef::Named(idx));
            }
            for alias in cols[3].split('|') {
                add(&mut patterns, alias, ActorRef::Named(idx));
            }
            named.push(NamedActor {
                canonical,
                inter,
                country,
                community: false,
            });
        }
        for (line, l) in content_lines(communities_tsv) {
            let community = Community::parse(line, l)?;
            // The name alone is the pattern (one per spelling, not one per
            // spelling and noun: the automaton is built at every start);
            // `join_communities` keeps it only before an armed-group noun.
            let idx = named.len();
            for name in &community.names {
                add(&mut patterns, name, ActorRef::Named(idx));
            }
            named.push(NamedActor {
                canonical: community.canonical(),
                inter: ActorType::IdentityMilitia,
                country: community.home,
                community: true,
            });
        }
        for (line, l) in content_lines(agents_tsv) {
            let cols = columns("agents.tsv", line, l, 2)?;
            let kind =
                AgentKind::parse(cols[0].trim()).ok_or_else(|| DictionaryError::BadKind {
                    file: "agents.tsv",
                    line,
                    kind: cols[0].to_string(),
                })?;
            for alias in cols[1].split('|') {
                add(&mut patterns, alias, ActorRef::Agent(kind));
            }
        }
        let automaton = crate::lexicon::build_automaton(patterns.iter().map(|p| p.text.as_str()))
            .map_err(|e| DictionaryError::Automaton(e.to_string()))?;
        let scanner = crate::lexicon::Scanner::build(patterns.iter().map(|p| p.text.as_str()));
        Ok(ActorDictionary {
            named,
            patterns,
            automaton,
            scanner,
        })
    }

    /// The dictionary compiled into the binary.
    pub fn embedded() -> Result<Self, DictionaryError> {
        Self::parse_with_communities(ACTORS_TSV, COMMUNITIES_TSV, AGENTS_TSV)
    }

    /// Number of named actors and of aliases (named and generic).
    pub fn size(&self) -> (usize, usize) {
        (self.named.len(), self.patterns.len())
    }

    /// Every actor mention in `text`, in order, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<ActorMention> {
        let found = leftmost_longest_valid(&self.automaton, text, |pattern, start, end| {
            self.accept(text, pattern, start, end)
        })
        .into_iter()
        .map(|(span, actor)| ActorMention { span, actor })
        .collect();
        self.join_communities(text, found)
    }

    /// A community's name is a mention only with an armed-group noun after
    /// it, which the mention then spans ("Nuer fighters"); mentions inside
    /// that noun ("fighters" the agent, "ethnic militia") give way. `found`
    /// is in text order.
    pub(crate) fn join_communities(
        &self,
        text: &str,
        found: Vec<ActorMention>,
    ) -> Vec<ActorMention> {
        let is_community = |m: &ActorMention| match m.actor {
            ActorRef::Named(i) => self.named.get(i).is_some_and(|a| a.community),
            ActorRef::Agent(_) => false,
        };
        if !found.iter().any(is_community) {
            return found;
        }
        let mut out: Vec<ActorMention> = Vec::with_capacity(found.len());
        let mut covered_until = 0;
        for m in found {
            if m.span.start < covered_until {
                continue;
            }
            if is_community(&m) {
                if let Some(end) = armed_group_noun_after(text, m.span.end) {
                    covered_until = end;
                    out.push(ActorMention {
                        span: Span::new(m.span.start, end),
                        actor: m.actor,
                    });
                }
                continue;
            }
            out.push(m);
        }
        out
    }

    /// Whether a raw match of alias `pattern` at `start..end` is a mention:
    /// on word boundaries, and an acronym as written.
    pub(crate) fn accept(
        &self,
        text: &str,
        pattern: usize,
        start: usize,
        end: usize,
    ) -> Option<(usize, ActorRef)> {
        let p = self.patterns.get(pattern)?;
        let on_boundaries = word_starts_at(text, start) && word_ends_at(text, end);
        let as_written = !p.case_sensitive || text.get(start..end) == Some(p.text.as_str());
        (on_boundaries && as_written).then_some((end, p.actor))
    }

    /// Actor mentions, trigger hits and cue hits in one pass over `text`
    /// (the same as [`ActorDictionary::find`], [`crate::lexicon::triggers`]
    /// and [`crate::lexicon::cues`], read once).
    pub fn scan(&self, text: &str) -> crate::lexicon::Scanned {
        match &self.scanner {
            Some(scanner) => {
                let mut scanned = scanner.scan(text, self);
                scanned.actors = self.join_communities(text, scanned.actors);
                scanned
            }
            None => crate::lexicon::Scanned {
                actors: self.find(text),
                triggers: crate::lexicon::triggers(text),
                cues: crate::lexicon::cues(text),
            },
        }
    }
}

/// The embedded dictionary, parsed once. `None` only if the data files are
/// malformed, which the tests rule out.
pub static DICTIONARY: LazyLock<Option<ActorDictionary>> =
    LazyLock::new(|| ActorDictionary::embedded().ok());

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> &'static ActorDictionary {
        DICTIONARY.as_ref().expect("embedded dictionary parses")
    }

    /// The one-pass scan must find exactly what the three scans find.
    fn assert_scan_agrees(text: &str) {
        let d = dict();
        let scanned = d.scan(text);
        assert_eq!(scanned.actors, d.find(text), "actors in {text:?}");
        assert_eq!(
            scanned.triggers,
            crate::lexicon::triggers(text),
            "triggers in {text:?}"
        );
        assert_eq!(scanned.cues, crate::lexicon::cues(text), "cues in {text:?}");
    }

    #[test]
    fn one_pass_scan_finds_what_the_three_scans_find() {
        assert!(dict().scanner.is_some());
        for text in [
            "Boko Haram fighters killed nine soldiers, including two officers, in Monguno on Sunday, the army said.",
            "Police arrested two men after protesters blocked the road and torched a bus in Nairobi.",
            "IS claimed the attack; it is the third this month, Islamic State said in a statement.",
            "Al Shabaab militants ambushed AMISOM troops near Baidoa, killing at least 12 people.",
            "Government troops retook the town from rebels who had seized it in March.",
            "",
            "protesté, protesters’ “strike” — killed",
        ] {
            assert_scan_agrees(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_agrees_on_any_mix_of_lexicon_words(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Boko", "Haram", "police", "Police", "killed", "kill", "protesters", "IS", "is",
                "Islamic", "State", "the", "attack", "army", "said", "strike", "air", "troops",
                "al", "Shabaab", "clashes", "in", "Baidoa", ",", ".", "—", "’s", "dozens", "of",
            ]),
            0..30,
        )) {
            let text = words.join(" ");
            let d = dict();
            let scanned = d.scan(&text);
            proptest::prop_assert_eq!(scanned.actors, d.find(&text));
            proptest::prop_assert_eq!(scanned.triggers, crate::lexicon::triggers(&text));
            proptest::prop_assert_eq!(scanned.cues, crate::lexicon::cues(&text));
        }
    }

    fn names(text: &str) -> Vec<String> {
        let d = dict();
        d.find(text)
            .into_iter()
            .map(|m| match m.actor {
                ActorRef::Named(i) => d.named[i].canonical.clone(),
                ActorRef::Agent(k) => format!("{k:?}"),
            })
            .collect()
    }

    #[test]
    fn embedded_files_parse() {
        assert!(ActorDictionary::embedded().is_ok());
        let (named, aliases) = dict().size();
        assert!(named > 50 && aliases > named);
    }

    #[test]
    fn aliases_resolve_to_acled_names() {
        assert_eq!(
            names("Daesh and ISIL, and the Islamic State of Iraq and the Levant"),
            vec!["Islamic State", "Islamic State", "Islamic State"]
        );
        assert_eq!(
            names("Boko Haram insurgents raided Gwoza"),
            vec!["Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad"]
        );
        assert_eq!(names("al-Shabab claimed it"), vec!["Al Shabaab"]);
    }

    #[test]
    fn acronyms_are_case_sensitive() {
        assert_eq!(names("IS fighters"), vec!["Islamic State", "Militants"]);
        assert!(names("it is what it is").is_empty());
        // With small letters too: "LeT" is not "let".
        assert_eq!(names("LeT claimed it"), vec!["Lashkar-e-Taiba"]);
        assert!(names("Let me say it: let them go").is_empty());
        // Syria's factions and Iran's guards.
        assert_eq!(names("Faylaq al-Sham shelled it"), vec!["Faylaq al-Sham"]);
        assert_eq!(
            names("Iranian Revolutionary Guards left"),
            vec!["Military Forces of Iran"]
        );
        // A name of two words is no acronym.
        assert_eq!(
            names("mai mai fighters"),
            vec!["Mayi Mayi Militia", "Militants"]
        );
    }

    #[test]
    fn a_longer_alias_failing_the_word_boundary_leaves_the_shorter_one() {
        // "Seleka Militia" matches inside "Seleka militiamen" but ends
        // mid-word; "Seleka" and "militiamen" remain.
        assert_eq!(
            names("Former Seleka militiamen looted shops in Bambari."),
            vec!["Seleka Militia", "Militants"]
        );
    }

    #[test]
    fn boko_haram_has_its_2015_2016_name_in_that_period() {
        let jas = "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawati wal-Jihad";
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        assert_eq!(
            era_name(jas, day(2016, 6, 20)),
            Some("Boko Haram - Wilayat Gharb Ifriqiyyah")
        );
        assert_eq!(era_name(jas, day(2016, 8, 3)), None);
        assert_eq!(era_name(jas, day(2014, 4, 14)), None);
        assert_eq!(era_name("Al Shabaab", day(2016, 6, 20)), None);
        let amisom = "AMISOM: African Union Mission in Somalia";
        assert_eq!(era_name(amisom, day(2016, 6, 20)), None);
        assert_eq!(
            era_name(amisom, day(2023, 5, 1)),
            Some("ATMIS: African Union Transition Mission in Somalia")
        );
    }

    #[test]
    fn longest_alias_wins() {
        assert_eq!(names("anti-riot police fired"), vec!["Police"]);
        assert_eq!(names("government troops"), vec!["Military"]);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert!(matches!(
            ActorDictionary::parse("X\t9\t-\tx\n", ""),
            Err(DictionaryError::BadInter { .. })
        ));
        assert!(matches!(
            ActorDictionary::parse("X\t2\n", ""),
            Err(DictionaryError::Columns { .. })
        ));
        assert!(matches!(
            ActorDictionary::parse("", "sailors\tnavy\n"),
            Err(DictionaryError::BadKind { .. })
        ));
        assert!(matches!(
            ActorDictionary::parse_with_communities("", "Dinka\ttribe\t-\t-\n", ""),
            Err(DictionaryError::BadCommunity { .. })
        ));
        assert!(matches!(
            ActorDictionary::parse_with_communities("", "Dinka\tethnic\t-\n", ""),
            Err(DictionaryError::Columns { .. })
        ));
        assert!(matches!(
            ActorDictionary::parse_with_communities("", "Dinka\tethnic\tAtlantis\t-\n", ""),
            Err(DictionaryError::BadCountry { .. })
        ));
    }

    #[test]
    fn a_communitys_armed_men_are_its_militia() {
        assert_eq!(
            names("Dinka militiamen and Habar Gidir fighters"),
            vec![
                "Dinka Ethnic Militia ({country})",
                "Habar Gidir Clan Militia ({country})"
            ]
        );
        // Other spellings name the same militia; the community alone, or
        // its herders, are no armed group.
        assert_eq!(
            names("Messiria gunmen"),
            vec!["Misseriya Ethnic Militia ({country})"]
        );
        assert_eq!(names("Dinka herders"), vec!["Civilians"]);
        assert!(names("the Dinka community").is_empty());
        assert_eq!(
            names("a Dinka ethnic militia and Nuer  fighters"),
            vec![
                "Dinka Ethnic Militia ({country})",
                "Nuer Ethnic Militia ({country})"
            ]
        );
        assert_scan_agrees("Dinka militiamen attacked the Nuer and Murle raiders fled.");
        // A named actor keeps its own aliases.
        assert_eq!(
            names("Fulani militia"),
            vec!["Fulani Ethnic Militia ({country})"]
        );
    }

    #[test]
    fn country_templates_fill_in() {
        let d = dict();
        let fulani = d
            .named
            .iter()
            .find(|a| a.canonical.starts_with("Fulani"))
            .expect("Fulani entry");
        assert_eq!(
            fulani.name_in(Some("Nigeria")).as_deref(),
            Some("Fulani Ethnic Militia (Nigeria)")
        );
        assert_eq!(fulani.name_in(None), None);
    }
}
