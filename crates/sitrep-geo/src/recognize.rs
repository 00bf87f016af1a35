//! Toponym recognition: capitalised token runs matched against the
//! gazetteer, cue words around them, and the trap filters.

use crate::index::{EntryId, NameIndex};
use crate::lexicon::{self, FastSet};
use crate::scan::{Gap, Token};
use sitrep_model::{FeatureKind, Span};
use std::cell::{Cell, OnceCell};
use std::collections::HashSet;

/// Longest name, in tokens, the matcher tries ("Democratic Republic of the
/// Congo" is 5).
const MAX_NAME_TOKENS: usize = 7;

/// Context words around a candidate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cues {
    /// "in X", "near X", "captured X".
    pub locative: bool,
    /// "X province", "the province of X".
    pub admin: bool,
    /// "the town of X", "X city", "X village", "X countryside".
    pub settlement: bool,
    /// "the town of X", "X city", "X village": the text calls it a
    /// settlement, not an area around one.
    pub town: bool,
    /// "the Iraqi city of X": the country the demonym names.
    pub demonym_country: Option<String>,
    /// "X Square", "X Park": a landmark or suburb named after X follows.
    pub landmark: bool,
    /// "NEW YORK (AP) —": the city a report was filed from.
    pub dateline: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CandidateKind {
    /// A gazetteer name.
    Name,
    /// A demonym used as a place ("the Turkish border"): the country. With
    /// `modifier`, a demonym that only ties something to the country
    /// ("Syrian troops") or a continent ("European airlines"), listed with
    /// [`sitrep_model::Relation::Modifier`].
    Demonym { modifier: bool },
    /// A name found only by its consonants ("Menbej" for "Manbij"): a place
    /// only in the country the rest of the document establishes most.
    Transliterated,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    /// Token range, inclusive.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    /// The folded name that matched.
    pub key: String,
    pub entries: Vec<EntryId>,
    pub kind: CandidateKind,
    pub cues: Cues,
    pub multi_token: bool,
}

impl Candidate {
    /// A demonym that only qualifies what follows ("Syrian troops").
    pub fn is_modifier(&self) -> bool {
        matches!(self.kind, CandidateKind::Demonym { modifier: true })
    }
}

/// Candidates and the context signals that are not places themselves
/// ("Syrian forces" says the story is about Syria).
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    pub candidates: Vec<Candidate>,
    /// ISO2 codes named by demonyms, one per use.
    pub demonym_countries: Vec<String>,
}

/// A raw gazetteer match before trap filtering.
#[derive(Debug, Clone)]
struct RawMatch {
    first: usize,
    last: usize,
    /// The folded name looked up.
    key: String,
    entries: Vec<EntryId>,
    /// Largest population among the entries.
    max_population: u64,
    /// Some entry is a country.
    is_country: bool,
    /// Found by [`NameIndex::lookup_by_skeleton`].
    transliterated: bool,
    /// A US state's AP abbreviation after a town and a comma ("Fresno,
    /// Calif."): the state, and no trap applies.
    state_abbreviation: bool,
}

impl RawMatch {
    fn new(
        first: usize,
        last: usize,
        key: String,
        entries: Vec<EntryId>,
        index: &dyn NameIndex,
    ) -> Self {
        let mut max_population = 0;
        let mut is_country = false;
        for &id in &entries {
            let (population, feature) = index.rank(id);
            max_population = max_population.max(population);
            is_country |= feature == FeatureKind::Country;
        }
        RawMatch {
            transliterated: false,
            state_abbreviation: false,
            first,
            last,
            key,
            entries,
            max_population,
            is_country,
        }
    }
}

pub fn candidates(text: &str, tokens: &[Token], index: &dyn NameIndex) -> Recognized {
    let matches = match_names(text, tokens, index);
    let persons = person_surnames(tokens, &matches, index);
    let scope = TrapScope {
        text,
        tokens,
        index,
        lowercase_words: OnceCell::new(),
        lowercase_asked: Cell::new(0),
        persons: &persons,
    };
    let mut out = Recognized::default();
    // Token index just past the last accepted candidate: a place right
    // before a name does not make the two one longer name.
    let mut accepted_end = usize::MAX;
    for m in &matches {
        if scope.is_trap(m, accepted_end) {
            continue;
        }
        accepted_end = m.last + 1;
        out.candidates.push(Candidate {
            first: m.first,
            last: m.last,
            span: Span::new(tokens[m.first].start, tokens[m.last].end),
            key: m.key.clone(),
            entries: m.entries.clone(),
            kind: if m.transliterated {
                CandidateKind::Transliterated
            } else {
                CandidateKind::Name
            },
            cues: cues_around(text, tokens, m.first, m.last, index),
            multi_token: m.last > m.first,
        });
    }
    share_cues_across_lists(tokens, &mut out.candidates);
    collect_demonyms(tokens, &matches, index, &mut out);
    out.candidates.sort_by_key(|c| c.span.start);
    country_compounds_as_modifiers(text, tokens, index, &mut out);
    out
}

/// Country names that qualify what follows as a demonym does, and name no
/// place where anything happened: one that only says whose the forces or
/// officials are ("US troops", "the US-led coalition"), and one joined by a
/// hyphen to another country's name or demonym ("the Russia-Turkish truce",
/// "the US-Russia talks"). They become modifiers of their countries and
/// still vote for them. Before a place noun ("the Syria-Turkey border") a
/// compound is a place and is left alone; a demonym there is already no
/// modifier.
fn country_compounds_as_modifiers(
    text: &str,
    tokens: &[Token],
    index: &dyn NameIndex,
    out: &mut Recognized,
) {
    let country_of = |c: &Candidate| {
        if c.kind != CandidateKind::Name {
            return None;
        }
        c.entries
            .iter()
            .copied()
            .find(|&id| index.entry(id).feature == FeatureKind::Country)
    };
    let Recognized {
        candidates,
        demonym_countries,
        ..
    } = out;
    for c in candidates.iter_mut() {
        // The word after first: most candidates stop here.
        let Some(next) = tokens.get(c.last + 1) else {
            continue;
        };
        let backer =
            lexicon::is_backer_participle(&next.folded) && hyphened_unspaced(text, tokens, c.last);
        let owner = next.gap == Gap::Space && lexicon::is_actor_noun(&next.folded);
        if !(backer || owner) {
            continue;
        }
        if let Some(entry) = country_of(c) {
            make_country_modifier(c, entry, index, demonym_countries);
        }
    }
    for k in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(k);
        let (a, b) = (&mut before[k - 1], &mut after[0]);
        // Joined without spaces: "Central Africa - Nigeria, Cameroon" is a
        // dash before a list.
        if b.first != a.last + 1 || !hyphened_unspaced(text, tokens, a.last) {
            continue;
        }
        let Some(a_country) = country_of(a) else {
            continue;
        };
        let b_country = country_of(b);
        // Two names qualify what follows as a demonym does ("in Iraq-Syria
        // on Monday" names two places), and not a place noun.
        let next = b.last + 1;
        let b_modifies = b.is_modifier()
            || (b_country.is_some()
                && modifies_next(tokens, next, index)
                && !tokens
                    .get(next)
                    .is_some_and(|n| lexicon::is_demonym_place_noun(&n.folded)));
        if !b_modifies {
            continue;
        }
        make_country_modifier(a, a_country, index, demonym_countries);
        if let Some(entry) = b_country {
            make_country_modifier(b, entry, index, demonym_countries);
        }
    }
}

/// Whether token `a` and the one after it are joined by a hyphen with no
/// space on either side ("Russia-Turkish", "US-led").
fn hyphened_unspaced(text: &str, tokens: &[Token], a: usize) -> bool {
    tokens.get(a + 1).is_some_and(|b| {
        b.gap == Gap::Hyphen
            && text
                .get(tokens[a].end..b.start)
                .is_some_and(|j| !j.chars().any(char::is_whitespace))
    })
}

/// Makes `c` a modifier of the country `entry`, which it still votes for.
fn make_country_modifier(
    c: &mut Candidate,
    entry: EntryId,
    index: &dyn NameIndex,
    demonym_countries: &mut Vec<String>,
) {
    demonym_countries.push(index.entry(entry).country_code.to_string());
    c.entries = vec![entry];
    c.kind = CandidateKind::Demonym { modifier: true };
}

/// Greedy longest match of capitalised runs against the index.
fn match_names(text: &str, tokens: &[Token], index: &dyn NameIndex) -> Vec<RawMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.is_proper() || t.is_number {
            i += 1;
            continue;
        }
        if let Some(m) = state_abbreviation_at(text, tokens, i, index) {
            i += 1;
            out.push(m);
            continue;
        }
        // A name of one word that a longer run of capitalised words
        // continues ("Khan" in "Khan Shekhon", "Abu" in "Abu al-Dhour")
        // gives way to the run found by its skeleton.
        let found = match longest_match_at(tokens, i, index) {
            Some(m) if m.last > i => Some(m),
            exact => transliterated_at(text, tokens, i, index, exact.is_some()).or(exact),
        };
        match found {
            Some(m) => {
                i = m.last + 1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// A capitalised name after a strong place cue ("in Menbej", "in Khan
/// Shekhon") that no name spells so, matched by its skeleton: the whole run
/// of capitalised words (with lower-case articles inside: "Abu al-Dhour"),
/// up to three, inside a sentence, not opening with a given name, not in a
/// title, not camel case; a single word needs five letters or more.
/// `several_words`: only a run of more than one word will do (a name
/// already matched the first).
fn transliterated_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    index: &dyn NameIndex,
    several_words: bool,
) -> Option<RawMatch> {
    let t = &tokens[i];
    let prev = &tokens[i.checked_sub(1)?];
    // Cheap tests first: this runs for every capitalised word no name
    // matched (people, organisations).
    let shaped = t.capitalised
        && !t.all_caps
        && !t.sentence_start
        && t.gap == Gap::Space
        && lexicon::is_strong_place_cue(&prev.folded);
    if !shaped {
        return None;
    }
    let mut last = i;
    while last - i < MAX_TRANSLITERATED_TOKENS - 1 {
        let joined = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|n| matches!(n.gap, Gap::Space | Gap::Hyphen))
        };
        let word = |k: usize| tokens.get(k).is_some_and(|n| n.capitalised && !n.all_caps);
        if joined(last + 1) && word(last + 1) {
            last += 1;
        } else if is_inner_article(tokens, last + 1) && last + 2 - i < MAX_TRANSLITERATED_TOKENS {
            last += 2;
        } else {
            break;
        }
    }
    let short = last == i && (several_words || t.folded.len() < 5);
    if short {
        return None;
    }
    // The run must end the name: "Khan Shekhon Hospital" is no town.
    let next_capitalised = tokens
        .get(last + 1)
        .is_some_and(|n| n.capitalised && matches!(n.gap, Gap::Space | Gap::Hyphen));
    // "Flu Prevention in Humans": a cue inside a title-case name.
    let in_title = i
        .checked_sub(2)
        .map(|k| &tokens[k])
        .is_some_and(|w| w.capitalised && !w.sentence_start);
    // "BitCoin": capitals inside a word make a brand, not a place.
    let camel_case = tokens[i..=last].iter().any(|w| {
        text.get(w.start..w.end)
            .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase))
    });
    if next_capitalised || in_title || camel_case || lexicon::is_first_name(&t.folded) {
        return None;
    }
    let mut key = t.folded.to_string();
    for w in &tokens[i + 1..=last] {
        key.push(' ');
        key.push_str(&w.folded);
    }
    let ids = index.lookup_by_skeleton(&key);
    if ids.is_empty() {
        return None;
    }
    let mut m = RawMatch::new(i, last, key, ids, index);
    m.transliterated = true;
    Some(m)
}

/// Most words of a name matched by its skeleton ("Abu al Dhour" is 3).
const MAX_TRANSLITERATED_TOKENS: usize = 3;

/// The AP style abbreviations of US states whose full names are longer
/// (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are written
/// out), folded, with the state each stands for.
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ala", "alabama"),
    ("ariz", "arizona"),
    ("ark", "arkansas"),
    ("calif", "california"),
    ("colo", "colorado"),
    ("conn", "connecticut"),
    ("del", "delaware"),
    ("fla", "florida"),
    ("ga", "georgia"),
    ("ill", "illinois"),
    ("ind", "indiana"),
    ("kan", "kansas"),
    ("ky", "kentucky"),
    ("la", "louisiana"),
    ("md", "maryland"),
    ("mass", "massachusetts"),
    ("mich", "michigan"),
    ("minn", "minnesota"),
    ("miss", "mississippi"),
    ("mo", "missouri"),
    ("mont", "montana"),
    ("neb", "nebraska"),
    ("nev", "nevada"),
    ("okla", "oklahoma"),
    ("ore", "oregon"),
    ("pa", "pennsylvania"),
    ("tenn", "tennessee"),
    ("vt", "vermont"),
    ("va", "virginia"),
    ("wash", "washington"),
    ("wis", "wisconsin"),
    ("wyo", "wyoming"),
];

/// "Fresno, Calif.", "HELENA, Mont. (AP)": a state's AP abbreviation with
/// its full stop, right after a capitalised word and a comma, is that
/// state. Nowhere else: "Mass." and "Ill." are words too.
fn state_abbreviation_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    index: &dyn NameIndex,
) -> Option<RawMatch> {
    let t = &tokens[i];
    let after_place = t.gap == Gap::Comma && i > 0 && tokens[i - 1].is_proper();
    let full_stop = text.get(t.end..).is_some_and(|rest| rest.starts_with('.'));
    if !t.capitalised || t.all_caps || !after_place || !full_stop {
        return None;
    }
    let (_, state) = US_STATE_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == t.folded)?;
    let ids: Vec<EntryId> = index
        .lookup(state)
        .into_iter()
        .filter(|&id| {
            let e = index.entry(id);
            e.country_code == "US" && e.feature == FeatureKind::Admin1
        })
        .collect();
    if ids.is_empty() {
        return None;
    }
    let mut m = RawMatch::new(i, i, (*state).to_string(), ids, index);
    m.state_abbreviation = true;
    Some(m)
}

/// All-capital acronyms that name a country or a state but fold to an
/// English word (the countries' one is also [`crate::countries::by_acronym`]).
fn acronym_name(token: &Token) -> Option<&'static str> {
    match token.folded.as_ref() {
        "us" if token.all_caps => Some("united states"),
        "nsw" => Some("new south wales"),
        "america" => Some("united states"),
        "qld" => Some("queensland"),
        _ => None,
    }
}

fn longest_match_at(tokens: &[Token], first: usize, index: &dyn NameIndex) -> Option<RawMatch> {
    if let Some(name) = acronym_name(&tokens[first]) {
        let ids = index.lookup(name);
        if !ids.is_empty() {
            return Some(RawMatch::new(first, first, name.to_string(), ids, index));
        }
    }
    let mut key = tokens[first].folded.to_string();
    // "Al Raqqah" for GeoNames' "Ar Raqqah": the text's article may not be
    // the name's, so a name that opens with one is also looked up without
    // it (the index holds names without their article too). Articles that
    // are also English words count only inside a sentence ("An Australian
    // witness").
    let article = (crate::gazetteer::is_arabic_article(&key)
        && !(is_english_word_article(&key) && tokens[first].sentence_start))
        .then_some(key.len() + 1);
    let mut best: Option<(usize, String, Vec<EntryId>)> = None;
    let mut j = first;
    loop {
        if tokens[j].is_proper() {
            let ids = index.lookup(&key);
            if !ids.is_empty() {
                best = Some((j, key.clone(), ids));
            } else if let Some(rest) = article.filter(|_| j > first).and_then(|at| key.get(at..)) {
                // Matched as the name without its article, which is then
                // the key the name is judged by ("quneitra").
                let ids = index.lookup(rest);
                if !ids.is_empty() {
                    best = Some((j, rest.to_string(), ids));
                }
            }
        }
        let Some(next) = tokens.get(j + 1) else { break };
        let joins = match next.gap {
            Gap::Space | Gap::Hyphen => true,
            Gap::Dot => !next.sentence_start,
            _ => false,
        };
        if !joins || j + 1 - first >= MAX_NAME_TOKENS || !index.has_longer(&key) {
            break;
        }
        key.push(' ');
        key.push_str(&next.folded);
        j += 1;
    }
    best.map(|(last, key, ids)| RawMatch::new(first, last, key, ids, index))
}

/// Arabic articles that are also English words ("as", "an", "at").
fn is_english_word_article(folded: &str) -> bool {
    matches!(folded, "as" | "an" | "at" | "ad" | "ed" | "en")
}

/// Whether token `a` is a lower-case Arabic article inside a longer name,
/// joined to the capitalised words on both sides ("Tahrir al-Sham", "Ras
/// al-Ayn"). An article that is also an English word counts only before a
/// hyphen ("Mosul as Baghdad" is two places, "Tall as-Sultan" one name).
fn is_inner_article(tokens: &[Token], a: usize) -> bool {
    let (Some(article), Some(next)) = (tokens.get(a), tokens.get(a + 1)) else {
        return false;
    };
    !article.is_proper()
        && matches!(article.gap, Gap::Space | Gap::Hyphen)
        && matches!(next.gap, Gap::Space | Gap::Hyphen)
        && next.capitalised
        && crate::gazetteer::is_arabic_article(&article.folded)
        && (next.gap == Gap::Hyphen || !is_english_word_article(&article.folded))
}

/// Surnames of people named in full ("Michael Jordan"): later bare uses of
/// the surname ("Jordan said") are the person, not the place.
fn person_surnames(
    tokens: &[Token],
    matches: &[RawMatch],
    index: &dyn NameIndex,
) -> HashSet<String> {
    let mut out = HashSet::new();
    for m in matches.iter().filter(|m| m.first == m.last) {
        // "Noma said" once: every bare "Noma" in the story is the speaker.
        let lesser = !m.is_country && m.max_population < WELL_KNOWN_POPULATION;
        if lesser && !tokens[m.first].all_caps && is_speaker(tokens, m.first) {
            out.insert(tokens[m.first].folded.to_string());
            continue;
        }
        let Some(prev) = m.first.checked_sub(1).map(|p| &tokens[p]) else {
            continue;
        };
        let gap = tokens[m.first].gap;
        if !matches!(gap, Gap::Space | Gap::Dot) || !prev.capitalised || prev.all_caps {
            continue;
        }
        // "the A429 Cirencester junction": a road number is no given name;
        // "... Raymond. BOSTON (Reuters)": a dateline is no surname.
        let code = prev.folded.bytes().any(|b| b.is_ascii_digit());
        if code || tokens[m.first].all_caps {
            continue;
        }
        // A full stop joins an initial or a title to a name ("J. Boston",
        // "Dr. Jordan"); after a given name it ends the sentence ("By Nate
        // Raymond. Boston police said").
        let initial = prev.folded.chars().count() == 1;
        let given_name = lexicon::is_first_name(&prev.folded) && (gap == Gap::Space || initial);
        let title = lexicon::is_title(&prev.folded);
        // An unknown capitalised word before a lesser-known place: a given
        // name not in the list ("Tim Whitley").
        let unknown_before = !prev.sentence_start
            && !lexicon::is_common_word(&prev.folded)
            && !lexicon::is_never_place(&prev.folded)
            && !lexicon::is_region_adjective(&prev.folded)
            && !lexicon::is_locative_cue(&prev.folded)
            && index.demonym_country(&prev.folded).is_none()
            && index.lookup(&prev.folded).is_empty()
            && m.max_population < WELL_KNOWN_POPULATION;
        if given_name || title || unknown_before || aged(tokens, m.last) {
            out.insert(tokens[m.first].folded.to_string());
        }
    }
    out
}

/// Whether the words before token `first` introduce whom a statement is
/// from: "said X", "says X", "according to X".
fn quoted_as_source(tokens: &[Token], first: usize) -> bool {
    let before = |k: usize| first.checked_sub(k).map(|i| tokens[i].folded.as_ref());
    match before(1) {
        Some("said" | "says") => true,
        Some("to") => before(2) == Some("according"),
        _ => false,
    }
}

/// Whether the single-token match at `first` speaks: "Noma said", or "said
/// Noma." at the end of a clause. Places named as where someone is from
/// ("of Tyler said") do not count.
fn is_speaker(tokens: &[Token], first: usize) -> bool {
    let next = tokens.get(first + 1);
    let origin = first
        .checked_sub(1)
        .is_some_and(|p| matches!(tokens[p].folded.as_ref(), "of" | "from" | "in"));
    let verb_after =
        next.is_some_and(|n| n.gap == Gap::Space && lexicon::is_speech_verb(&n.folded));
    let clause_ends = next.is_none_or(|n| !matches!(n.gap, Gap::Space | Gap::Hyphen));
    !origin && (verb_after || (clause_ends && quoted_as_source(tokens, first)))
}

/// An age in apposition right after token `last` ("Stephon Clark, 22,
/// was shot"): after a capitalised pair, the name is a person's. A count
/// goes on with its noun ("In Kano, 36 people died"), an age with a
/// comma.
fn aged(tokens: &[Token], last: usize) -> bool {
    let (Some(age), Some(after)) = (tokens.get(last + 1), tokens.get(last + 2)) else {
        return false;
    };
    age.gap == Gap::Comma
        && age.is_number
        && age
            .folded
            .parse::<u32>()
            .is_ok_and(|n| (1..=120).contains(&n))
        && after.gap == Gap::Comma
}

/// What the trap filters look at besides the match itself.
struct TrapScope<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
    index: &'a dyn NameIndex,
    /// Words the story uses in lower case: a capitalised one is that word.
    /// Built only once the document has asked about more than
    /// [`LINEAR_LOWERCASE_LOOKUPS`] words; until then a walk answers.
    lowercase_words: OnceCell<FastSet<&'a str>>,
    /// Lookups answered so far without the set.
    lowercase_asked: Cell<usize>,
    persons: &'a HashSet<String>,
}

impl TrapScope<'_> {
    /// Whether every one of `entries` is a town or a county below
    /// [`WELL_KNOWN_POPULATION`] (or a feature): no country, province or
    /// region, no city a name would be read as ("Henderson", not
    /// "Pakistan").
    fn lesser_towns_only(&self, entries: &[EntryId]) -> bool {
        entries.iter().all(|&id| {
            let e = self.index.entry(id);
            matches!(
                e.feature,
                FeatureKind::PopulatedPlace | FeatureKind::Admin2 | FeatureKind::Other
            ) && e.population < WELL_KNOWN_POPULATION
        })
    }

    fn seen_in_lower_case(&self, folded: &str) -> bool {
        // A walk over the tokens costs less than hashing all of them while
        // few words are asked about; past that, the set pays.
        if self.lowercase_words.get().is_none() {
            let asked = self.lowercase_asked.get() + 1;
            self.lowercase_asked.set(asked);
            if asked <= LINEAR_LOWERCASE_LOOKUPS {
                return self
                    .tokens
                    .iter()
                    .any(|t| !t.is_proper() && !t.is_number && t.folded == folded);
            }
        }
        self.lowercase_words
            .get_or_init(|| {
                self.tokens
                    .iter()
                    .filter(|t| !t.is_proper() && !t.is_number)
                    .map(|t| t.folded.as_ref())
                    .collect()
            })
            .contains(folded)
    }
}

/// Lower-case lookups answered by walking the tokens before the set is built.
const LINEAR_LOWERCASE_LOOKUPS: usize = 8;

/// Places this populous are known by name alone: a given name or a
/// leading "The" does not disqualify them ("Houston", "The Hague").
const WELL_KNOWN_POPULATION: u64 = 500_000;

/// A place this populous keeps its name before an Arabic quarter's or
/// suburb's ("Daraa al-Balad"); smaller heads ("Abu", "Deir", "Tal") are the
/// first word of a longer name the gazetteer lacks.
const PROMINENT_HEAD_POPULATION: u64 = 100_000;

/// Capitalised words after a name that make the pair a landmark.
const LANDMARKS: &[&str] = &[
    "square",
    "bridge",
    "gate",
    "tower",
    "towers",
    "market",
    "mosque",
    "church",
    "palace",
    "stadium",
    "hospital",
    "airport",
    "university",
    "college",
    "school",
    "camp",
    "prison",
    "hotel",
    "park",
    "plaza",
    "mall",
    "arena",
    "station",
    "building",
    "centre",
    "center",
    "hall",
    "museum",
    "dam",
];

/// "Square" in "Tahrir Square": a capitalised landmark word.
fn is_landmark_word(t: &Token) -> bool {
    t.capitalised && LANDMARKS.contains(&t.folded.as_ref())
}

/// A town smaller than this gives its name to landmarks elsewhere more
/// often than it has landmarks the news names.
const LANDMARK_TOWN_POPULATION: u64 = 100_000;

/// Lower-case words after a name that make it a strain or a product,
/// not a place ("Reston ebolavirus", "West Nile virus").
const NAMED_THINGS: &[&str] = &[
    "virus",
    "ebolavirus",
    "flu",
    "fever",
    "strain",
    "disease",
    "syndrome",
    "variant",
    "blot",
    "sauce",
    "cheese",
    "wine",
    "breed",
    "chicken",
];

impl TrapScope<'_> {
    /// The trap filters: people, organisations, common words, acronyms.
    fn is_trap(&self, m: &RawMatch, accepted_end: usize) -> bool {
        if m.state_abbreviation {
            return false;
        }
        let tokens = self.tokens;
        let head = &tokens[m.first];
        let single = m.first == m.last;
        let folded = head.folded.as_ref();
        let is_country = m.is_country;
        if single && self.word_trap(head, m) {
            return true;
        }
        // Found by its consonants only: not a demonym ("Kurdish"), and not
        // a word the text also writes in lower case ("in Humans").
        if m.transliterated
            && (self.index.demonym_country(folded).is_some() || self.seen_in_lower_case(folded))
        {
            return true;
        }
        let max_population = m.max_population;
        // "Australian": a demonym is a place only by the demonym rules,
        // whatever village GeoNames lists under it.
        if single && !is_country && self.index.demonym_country(folded).is_some() {
            return true;
        }
        // "The Mission": a name that starts with a function word must be
        // a well-known one ("The Hague", "The Gambia"). Inside a sentence a
        // capitalised "As", "An" or "At" before a name is an Arabic article
        // ("attacks in As Salamiyah").
        let arabic_article = !head.sentence_start && crate::gazetteer::is_arabic_article(folded);
        if !single
            && lexicon::is_never_place(folded)
            && !lexicon::is_name_prefix(folded)
            && !arabic_article
            && !is_country
            && max_population < WELL_KNOWN_POPULATION
        {
            return true;
        }
        // "US$40", "E.U.".
        if self.text[tokens[m.last].end..].starts_with('$') {
            return true;
        }
        let prev = m.first.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(m.last + 1);
        // "South West England", "North-Western Sydney": compass words that
        // some country names a province by, before another name, only say
        // which part of it.
        let directions_only = !is_country
            && tokens[m.first..=m.last]
                .iter()
                .all(|t| lexicon::is_region_adjective(&t.folded));
        if directions_only && next.is_some_and(|n| n.gap == Gap::Space && n.capitalised) {
            return true;
        }
        let prev_joined =
            prev.filter(|_| matches!(head.gap, Gap::Space | Gap::Dot) && !head.sentence_start);
        if let Some(p) = prev_joined {
            if self.longer_name_before(p, accepted_end == m.first) {
                return true;
            }
        }
        if self.organisation_after(m.last) {
            return true;
        }
        if self.part_of_arabic_compound(m) {
            return true;
        }
        // "Operation Olive Branch", "the “Olive Branch” Operation": an
        // operation's code name ("the Mosul operation", unquoted, is still
        // about Mosul).
        let after_operation = head.gap == Gap::Space
            && !head.sentence_start
            && prev.is_some_and(|p| p.folded == "operation");
        let quoted = self.text[..head.start].ends_with(['"', '“'])
            && self.text[tokens[m.last].end..].starts_with(['"', '”']);
        let before_operation =
            next.is_some_and(|n| matches!(n.folded.as_ref(), "operation" | "operations"));
        if after_operation || (quoted && before_operation) {
            return true;
        }
        if next.is_some_and(|n| {
            n.gap == Gap::Space && !n.is_proper() && NAMED_THINGS.contains(&n.folded.as_ref())
        }) {
            return true;
        }
        // "Pope Francis", "King Salman": a title before a name is no place
        // (a place named after the title and the name, "Prince George", is
        // a longer match).
        let title_before_name = single
            && !is_country
            && lexicon::is_title(folded)
            && next.is_some_and(|n| n.gap == Gap::Space && n.capitalised && !n.all_caps);
        if title_before_name && max_population < WELL_KNOWN_POPULATION {
            return true;
        }
        // "Tahrir Square", "Sheikh Zayed Mosque": a landmark named after a
        // lesser place (or not after a place at all) is not that place.
        let landmark = next.is_some_and(|n| n.gap == Gap::Space && is_landmark_word(n));
        if landmark && max_population < LANDMARK_TOWN_POPULATION {
            return true;
        }
        let cue = prev.is_some_and(|p| lexicon::is_locative_cue(&p.folded))
            || next.is_some_and(|n| {
                (n.gap == Gap::Space
                    && (lexicon::is_admin_word(&n.folded)
                        || lexicon::is_settlement_word(&n.folded)))
                    || (n.gap == Gap::Comma && n.is_proper())
            });
        if let Some(n) = next.filter(|n| n.gap == Gap::Space && n.capitalised) {
            // "Jordan Henderson", "Abu Shok": a name continues past the match.
            let name_word = !n.sentence_start
                && !lexicon::is_never_place(&n.folded)
                && !lexicon::is_admin_word(&n.folded)
                && !lexicon::is_settlement_word(&n.folded)
                && !lexicon::is_common_word(&n.folded)
                && !lexicon::is_title(&n.folded)
                && !lexicon::is_org_suffix(&n.folded)
                && self.index.demonym_country(&n.folded).is_none();
            // The next word is a surname when the gazetteer lacks it or,
            // after a country that is also a given name and with no
            // locative cue, has it only as some lesser town ("Henderson",
            // a Nevada town and a county).
            if single && name_word && (!is_country || lexicon::is_first_name(folded)) {
                let entries = self.index.lookup(&n.folded);
                if entries.is_empty() || (is_country && !cue && self.lesser_towns_only(&entries)) {
                    return true;
                }
            }
            // "Nelson Mandela Bay", "Victoria Nyanza": a given name before
            // another name is a person's, even when the surname is also
            // some village; only a well-known place survives that.
            if single
                && name_word
                && !is_country
                && lexicon::is_first_name(folded)
                && max_population < WELL_KNOWN_POPULATION
            {
                return true;
            }
        }
        if single && !is_country {
            // "Jordan said" after "Michael Jordan" earlier.
            if self.persons.contains(folded) {
                return true;
            }
            // "Jimmy Philmont, 39, of Tyler said": a place of origin.
            let origin = prev.is_some_and(|p| matches!(p.folded.as_ref(), "of" | "from" | "in"));
            let lesser_known = max_population < WELL_KNOWN_POPULATION && !origin;
            if lexicon::is_first_name(folded) && !cue && lesser_known {
                return true;
            }
            // "Chen said": a lesser-known place does not speak.
            let speaks = next.is_some_and(|n| lexicon::is_speech_verb(&n.folded));
            if speaks && lesser_known {
                return true;
            }
            // Sentence-initial capitals say nothing: a word seen in lower
            // case elsewhere in the story, or a common English word, is
            // that word. Mid-sentence they need a cue.
            // (The lower-case check last: it is the costly one.)
            if !head.all_caps
                && (head.sentence_start || !cue)
                && (lexicon::is_common_word(folded) || self.seen_in_lower_case(folded))
            {
                return true;
            }
            if lexicon::is_region_adjective(folded) {
                return true;
            }
        } else if single && self.persons.contains(folded) {
            let speech = next.is_some_and(|n| lexicon::is_speech_verb(&n.folded));
            if speech {
                return true;
            }
        }
        false
    }

    /// Traps a single word falls into on its own: function words, months,
    /// single letters, numbers, acronyms that are not countries or states.
    fn word_trap(&self, head: &Token, m: &RawMatch) -> bool {
        let folded = head.folded.as_ref();
        if (lexicon::is_never_place(folded) && !m.is_country)
            || head.is_number
            || folded.chars().count() < 2
        {
            return true;
        }
        // "HIV", "FAO": short all-capital acronyms count only as countries
        // or first-level areas ("UK", "DRC", "NSW").
        if head.all_caps && folded.len() <= 4 && !m.is_country {
            let area = m
                .entries
                .iter()
                .any(|&id| self.index.rank(id).1 == FeatureKind::Admin1);
            return !area;
        }
        false
    }

    /// A capitalised word right before the match that makes it part of a
    /// longer name ("Michael Jordan", "Hotel Rwanda", "Lake Erie").
    fn longer_name_before(&self, p: &Token, after_place: bool) -> bool {
        if lexicon::is_title(&p.folded) && p.capitalised {
            return true;
        }
        if !p.capitalised || p.all_caps || after_place {
            return false;
        }
        // At a sentence start the word before is usually an opener
        // ("Neighbouring Israel", "Across Syria"), unless it is a given name.
        if p.sentence_start {
            return lexicon::is_first_name(&p.folded);
        }
        let modifier = lexicon::is_region_adjective(&p.folded)
            || self.index.demonym_country(&p.folded).is_some()
            || lexicon::is_locative_cue(&p.folded);
        !modifier
    }

    /// A match that is only half of a longer Arabic name the gazetteer does
    /// not hold, either side of a lower-case article: "Sham" in "Tahrir
    /// al-Sham" (an armed group; "Sham" alone is a name of Damascus), "Quds"
    /// in "Liwa al-Quds", "Abu" in "Abu al-Dhour", "Deir" in "Deir al-Zour".
    /// A well-known place keeps its name before a quarter's ("Daraa
    /// al-Balad").
    fn part_of_arabic_compound(&self, m: &RawMatch) -> bool {
        let tokens = self.tokens;
        let head_of_longer =
            is_inner_article(tokens, m.last + 1) && m.max_population < PROMINENT_HEAD_POPULATION;
        let tail_of_longer = m.first >= 2 && is_inner_article(tokens, m.first - 1) && {
            let p = &tokens[m.first - 2];
            let opener = p.sentence_start
                && (lexicon::is_common_word(&p.folded) || self.seen_in_lower_case(&p.folded));
            p.capitalised
                && !p.all_caps
                && !opener
                && !lexicon::is_locative_cue(&p.folded)
                && !lexicon::is_region_adjective(&p.folded)
                && self.index.demonym_country(&p.folded).is_none()
        };
        head_of_longer || tail_of_longer
    }

    /// "Washington Post", "Syria Observatory for Human Rights", "United
    /// States Department of Agriculture": capitalised words after the match
    /// that make it a publication, team, company, party or agency.
    fn organisation_after(&self, last: usize) -> bool {
        for n in self.tokens.iter().skip(last + 1).take(3) {
            if n.gap != Gap::Space || !n.capitalised {
                return false;
            }
            if lexicon::is_org_suffix(&n.folded) {
                return true;
            }
            if lexicon::is_admin_word(&n.folded) {
                return false;
            }
        }
        false
    }
}

/// "in Mosul and Tal Afar", "in Homs, Hama or Idlib": a list takes the
/// locative cue of its first member.
fn share_cues_across_lists(tokens: &[Token], candidates: &mut [Candidate]) {
    for k in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(k);
        let prev = &before[k - 1];
        let cand = &mut after[0];
        let joined_by_comma = prev.last + 1 == cand.first && tokens[cand.first].gap == Gap::Comma;
        let joined_by_word = prev.last + 2 == cand.first
            && matches!(tokens[prev.last + 1].folded.as_ref(), "and" | "or")
            && tokens[cand.first].gap == Gap::Space;
        if prev.cues.locative && (joined_by_comma || joined_by_word) {
            cand.cues.locative = true;
        }
    }
}

/// Cue words around tokens `first..=last`.
fn cues_around(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    index: &dyn NameIndex,
) -> Cues {
    let mut cues = Cues::default();
    let word = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map(|t| t.folded.as_ref());
    // The cue words come before an Arabic article the name was matched
    // without ("the countryside of al-Salamiyah").
    let lead = match first.checked_sub(1) {
        Some(a)
            if tokens[first].gap == Gap::Hyphen
                && crate::gazetteer::is_arabic_article(&tokens[a].folded) =>
        {
            a
        }
        _ => first,
    };
    let back = |k: usize| lead.checked_sub(k);
    // "south of X", "15 km from X", "on the outskirts of X" are as good a
    // cue as "in X".
    // A person's home ("Sgt Dunbar of Austin") is left to the other cues.
    let relative = crate::relative::relation_before(tokens, lead)
        .is_some_and(|r| r.relation != sitrep_model::Relation::Home);
    if let Some(p) = word(back(1)) {
        cues.locative = lexicon::is_locative_cue(p) || relative;
        if p == "of" {
            if let Some(p2) = word(back(2)) {
                cues.admin = lexicon::is_admin_word(p2);
                cues.settlement = lexicon::is_settlement_word(p2);
                cues.town = lexicon::is_town_word(p2);
                cues.locative |= cues.admin || cues.settlement || lexicon::is_control_noun(p2);
                if cues.admin || cues.settlement {
                    cues.demonym_country = word(back(3))
                        .and_then(|d| index.demonym_country(d))
                        .map(str::to_string);
                }
            }
        } else if p == "on" {
            // "raids on X", "shells fell on X".
            cues.locative |= word(back(2))
                .is_some_and(|w| lexicon::is_attack_noun(w) || matches!(w, "fell" | "landed"));
        } else if lexicon::is_settlement_word(p) {
            cues.settlement = true;
            cues.town = lexicon::is_town_word(p);
        }
    }
    if let Some(n) = tokens.get(last + 1).filter(|n| n.gap == Gap::Space) {
        cues.admin |= lexicon::is_admin_word(&n.folded);
        cues.settlement |= lexicon::is_settlement_word(&n.folded) && n.folded != "district";
        cues.town |= lexicon::is_town_word(&n.folded);
        cues.landmark = is_landmark_word(n);
    }
    // A dateline ("NEW YORK (AP) —", "(BAGHDAD) —", "LONDON, May 2"): a
    // name in capitals opening a line or a bracket and closed by
    // punctuation is the city the report was filed from.
    if is_dateline(text, tokens, first, last) {
        cues.dateline = true;
        cues.settlement = true;
        cues.locative = true;
    }
    // The gazetteer also lists names with their level word ("Kole
    // District", "Borno State"): matched whole, the word is the same cue.
    if last > first {
        cues.admin |= lexicon::is_admin_word(&tokens[last].folded);
    }
    cues
}

/// Tokens `first..=last` in capitals, opening the text or a line (not a
/// bracket: "(MOCA)" is an acronym), and followed by punctuation or
/// nothing.
fn is_dateline(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    // Capitals first: almost no candidate is written in them.
    if !tokens[first..=last].iter().all(|t| t.all_caps) {
        return false;
    }
    let closed = tokens
        .get(last + 1)
        .is_none_or(|n| matches!(n.gap, Gap::Break | Gap::Comma | Gap::Hyphen));
    let before = text.get(..tokens[first].start).unwrap_or("");
    let opens = before.trim_end_matches([' ', '\t']).ends_with('\n') || before.trim().is_empty();
    closed && opens
}

/// Whether the demonym whose next token is `next` qualifies a word after
/// it in the same clause ("Syrian troops", "Australian-led"), or is the
/// first of demonyms that do ("German, Irish and other immigrants").
fn modifies_next(tokens: &[Token], next: usize, index: &dyn NameIndex) -> bool {
    let Some(n) = tokens.get(next) else {
        return false;
    };
    let listed_demonym = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.capitalised && index.demonym_country(&t.folded).is_some())
    };
    match n.gap {
        Gap::Space | Gap::Hyphen if n.folded == "and" || n.folded == "or" => {
            listed_demonym(next + 1)
        }
        Gap::Space | Gap::Hyphen => !lexicon::is_demonym_noun_follower(&n.folded),
        Gap::Comma => listed_demonym(next),
        _ => false,
    }
}

/// The continent a folded adjective names ("european" → Europe), as the
/// gazetteer's region entry without a country.
fn continent_named_by(folded: &str, index: &dyn NameIndex) -> Option<EntryId> {
    let name = lexicon::continent_of_adjective(folded)?;
    index.lookup(name).into_iter().find(|&id| {
        let e = index.entry(id);
        e.feature == FeatureKind::Region && e.country_code.is_empty()
    })
}

/// A demonym's plural, the people ("Mexicans"); "Swiss" is no plural.
fn is_plural(folded: &str) -> bool {
    folded.ends_with('s') && !folded.ends_with("ss")
}

/// Demonyms: always context ("Syrian troops"), a place when a place noun
/// follows ("the Turkish border", "Syrian territory"), and otherwise a
/// modifier of what follows ("Syrian troops": the country, listed but never
/// where anything happened).
fn collect_demonyms(
    tokens: &[Token],
    matches: &[RawMatch],
    index: &dyn NameIndex,
    out: &mut Recognized,
) {
    // A name accepted as a place hides a demonym. One the trap filters
    // dropped ("Canadian" is also a Texan town) leaves a modifier that does
    // not vote for its country: letting those vote was tried, and it moved
    // Palmyra and Liverpool abroad in stories that also name an Australian
    // or an American.
    let mut in_match = vec![false; tokens.len()];
    for m in matches {
        for slot in &mut in_match[m.first..=m.last] {
            *slot = true;
        }
    }
    let mut in_place = vec![false; tokens.len()];
    for c in &out.candidates {
        for slot in &mut in_place[c.first..=c.last] {
            *slot = true;
        }
    }
    // "South African", "Sri Lankan": two-word demonyms, looked up through
    // one reused buffer.
    let mut pair = String::new();
    let mut next_free = 0;
    for (i, t) in tokens.iter().enumerate() {
        if i < next_free || !t.capitalised {
            continue;
        }
        // A two-word demonym wins over a name matched on one of its words
        // ("South" is a province somewhere).
        let two_words = tokens.get(i + 1).filter(|n| {
            n.gap == Gap::Space && n.capitalised && index.opens_longer_demonym(&t.folded) && {
                pair.clear();
                pair.push_str(&t.folded);
                pair.push(' ');
                pair.push_str(&n.folded);
                index.demonym_country(&pair).is_some()
            }
        });
        let (last, iso2) = match two_words {
            Some(_) => (i + 1, index.demonym_country(&pair)),
            None if in_place[i] => continue,
            None => (i, index.demonym_country(&t.folded)),
        };
        let votes = two_words.is_some() || !in_match[i];
        // A continent's adjective ("European airlines") is only ever a
        // modifier, and votes for no country.
        let continent = match iso2 {
            Some(_) => None,
            None => match continent_named_by(&t.folded, index) {
                Some(entry) => Some(entry),
                None => continue,
            },
        };
        next_free = last + 1;
        if let Some(iso2) = iso2.filter(|_| votes) {
            out.demonym_countries.push(iso2.to_string());
        }
        // Skip a second demonym: "the Syrian-Turkish border" names both.
        let mut j = last + 1;
        while tokens.get(j).is_some_and(|n| {
            n.gap == Gap::Hyphen && n.capitalised && index.demonym_country(&n.folded).is_some()
        }) {
            j += 1;
        }
        let place_noun = tokens
            .get(j)
            .is_some_and(|n| n.gap == Gap::Space && lexicon::is_demonym_place_noun(&n.folded));
        // "Mexicans", "South Koreans": people, and "in English." or
        // "Spanish is spoken": a language, not a modifier of anything.
        if !place_noun && (is_plural(&tokens[last].folded) || !modifies_next(tokens, j, index)) {
            continue;
        }
        // Hidden by a dropped name, it is a modifier at most.
        if place_noun && !votes {
            continue;
        }
        let Some(entry) = continent.or_else(|| iso2.and_then(|c| index.country_entry(c))) else {
            continue;
        };
        out.candidates.push(Candidate {
            first: i,
            last,
            span: Span::new(t.start, tokens[last].end),
            key: if last == i {
                t.folded.to_string()
            } else {
                pair.clone()
            },
            entries: vec![entry],
            kind: CandidateKind::Demonym {
                modifier: !place_noun,
            },
            cues: Cues::default(),
            multi_token: false,
        });
    }
}
