//! Toponym resolution: each candidate's gazetteer entries ranked by
//! population, feature class, cue words and the document's context, in two
//! passes (unambiguous and country-level mentions first, then everything
//! against the countries and admin areas they establish).

use crate::index::{EntryId, EntryInfo, NameIndex};
use crate::lexicon::FastMap;
use crate::recognize::{Candidate, CandidateKind, Recognized};
use crate::scan::{fold_fast as fold, folds_to};
use crate::scan::{Gap, Token};
use crate::spelling;
use sitrep_model::FeatureKind;

/// A candidate with its chosen entry.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub candidate: Candidate,
    pub entry: EntryId,
    pub feature: FeatureKind,
    /// 0..1.
    pub confidence: f32,
}

/// The score of a reading ruled out by the area the text puts it in.
const OUTSIDE_CONTAINER: f32 = -1.0e6;

/// A city this big is what a bare mention of its name means, over a
/// same-named province.
const BIG_CITY: u64 = 300_000;

/// What lying in the country of a name listed beside it adds to a reading's
/// score: as much as fitting a named container's country.
const LISTED_WITH: f32 = 3.0;

/// A town this big, named before a city that shares its name with its
/// province ("Harar, Dire Dawa"), is the first of two places, not a
/// namesake inside the province.
const LISTED_TOWN: u64 = 50_000;

/// A town this big, named with one of its letters doubled or undoubled,
/// is named as by its own name.
const SPELLED_TOWN: u64 = 50_000;

/// What a populated place with no recorded population counts as.
const UNKNOWN_POPULATION: u64 = 1_000;

/// Minimum recognition strength for a candidate to count as a place.
const ACCEPT_STRENGTH: f32 = 2.5;

/// Per-document context: how strongly each country and admin area is
/// established, with each candidate's own contribution kept apart so a name
/// does not vote for itself.
/// Keys borrow the index's strings: the context is built for every document,
/// and owned keys cost an allocation per vote and per lookup.
#[derive(Debug, Default)]
struct Context<'a> {
    countries: FastMap<&'a str, f32>,
    admins: FastMap<AdminKey<'a>, f32>,
    own_country: Vec<Option<(&'a str, f32)>>,
    own_admin: Vec<Option<(AdminKey<'a>, f32)>>,
    total: f32,
    /// The part of `total` from demonyms and the story's known countries:
    /// who is acting, not where.
    soft_total: f32,
}

/// (country code, admin-1 name).
type AdminKey<'a> = (&'a str, &'a str);

impl Context<'_> {
    /// The country the rest of the document establishes most, if any.
    fn leading_country(&self, cand: usize) -> Option<&str> {
        self.countries
            .keys()
            .map(|&code| (code, self.country_weight(cand, code)))
            .filter(|&(_, w)| w > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(code, _)| code)
    }

    fn country_weight(&self, cand: usize, code: &str) -> f32 {
        let all = self.countries.get(code).copied().unwrap_or(0.0);
        let own = match &self.own_country[cand] {
            Some((c, w)) if *c == code => *w,
            _ => 0.0,
        };
        (all - own).max(0.0)
    }

    /// All country votes but the candidate's own.
    fn others_total(&self, cand: usize) -> f32 {
        let own = self.own_country[cand].as_ref().map_or(0.0, |(_, w)| *w);
        (self.total - own).max(0.0)
    }

    /// Whether other names of places (not only demonyms or a group's home)
    /// establish the story's countries.
    fn placed_elsewhere(&self, cand: usize) -> bool {
        self.others_total(cand) - self.soft_total > 1e-6
    }

    fn admin_weight(&self, cand: usize, key: AdminKey<'_>) -> f32 {
        let all = self.admins.get(&key).copied().unwrap_or(0.0);
        let own = match &self.own_admin[cand] {
            Some((k, w)) if *k == key => *w,
            _ => 0.0,
        };
        (all - own).max(0.0)
    }
}

pub fn resolve(
    tokens: &[Token],
    recognized: Recognized,
    index: &dyn NameIndex,
    story_countries: &[&str],
) -> Vec<Resolved> {
    // Modifiers ("Syrian troops") name their country outright and take no
    // part in resolving the rest: not as a container after a comma ("Mesel,
    // German police"), a list item, or an accepted neighbour.
    let (modifiers, candidates): (Vec<Candidate>, Vec<Candidate>) = recognized
        .candidates
        .into_iter()
        .partition(Candidate::is_modifier);
    let infos: Vec<Vec<(EntryId, EntryInfo<'_>)>> = candidates
        .iter()
        .map(|c| c.entries.iter().map(|&id| (id, index.entry(id))).collect())
        .collect();
    let context = build_context(
        &candidates,
        &infos,
        &recognized.demonym_countries,
        story_countries,
    );
    let Settings {
        containers,
        inside,
        among_areas,
        listed_with,
    } = settings(tokens, &candidates, &infos);

    let mut out = Vec::with_capacity(candidates.len());
    // Where each accepted place lies (country, lat, lon), beside `out`.
    let mut accepted_at = Vec::with_capacity(candidates.len());
    let mut held_back = Vec::new();
    for (i, cand) in candidates.into_iter().enumerate() {
        let entries = &infos[i];
        if entries.is_empty() {
            continue;
        }
        let several = entries.len() > 1;
        let scores: Vec<f32> = entries
            .iter()
            .map(|(_, e)| {
                // The entry's own name beats an alternate name of another
                // ("Illinois" the state, not a village once called that).
                let own_name = several && folds_to(e.name, &cand.key);
                let bonus = if own_name { 1.0 } else { 0.0 };
                let listed = if listed_with[i].contains(&e.country_code) {
                    LISTED_WITH
                } else {
                    0.0
                };
                bonus + listed + score_entry(e, &cand, i, &context, &containers[i])
            })
            .collect();
        // "Maryland in Lagos State": nothing abroad lies in a province, so
        // only readings in its country remain (the country only: a town's
        // recorded first-level area need not be the one the text names,
        // "Cornwall in South West England").
        let mut scores = scores;
        if inside[i] {
            let in_country =
                |e: &EntryInfo<'_>| containers[i].iter().any(|(c, _)| c == e.country_code);
            if !entries.iter().any(|(_, e)| in_country(e)) {
                continue;
            }
            for (score, (_, e)) in scores.iter_mut().zip(entries) {
                if !in_country(e) {
                    *score = OUTSIDE_CONTAINER;
                }
            }
        }
        // A name found only by its consonants ("Menbej") is a place only
        // in the country the rest of the document establishes most.
        if cand.kind == CandidateKind::Transliterated {
            let leading = context.leading_country(i);
            let established = |e: &EntryInfo<'_>| leading == Some(e.country_code);
            if !entries.iter().any(|(_, e)| established(e)) {
                continue;
            }
            for (score, (_, e)) in scores.iter_mut().zip(entries) {
                if !established(e) {
                    *score = OUTSIDE_CONTAINER;
                }
            }
        }
        // Containers named with a comma ("Stroud, Ontario") decide the
        // reading outright; one named with "in" only rules out the rest of
        // the world, above.
        let contained = !containers[i].is_empty() && !inside[i];
        let area_in_context = |e: &EntryInfo<'_>| {
            e.admin1
                .is_some_and(|a| context.admin_weight(i, (e.country_code, a)) > 0.0)
        };
        // "Michigan, New York, Ohio": the state, not its namesake city.
        let areas_meant = contained || among_areas[i];
        let Some(best) = pick_best(entries, &scores, &cand, areas_meant, &area_in_context) else {
            continue;
        };
        let info = &entries[best].1;
        // "Stroud, Ontario" with no Stroud in Ontario: not the English one.
        let area = matches!(info.feature, FeatureKind::Country | FeatureKind::Admin1);
        if contained && !area && container_fit(info, &containers[i]) == 0 {
            continue;
        }
        let strength = strength(&cand, info, i, &context, &containers[i], None);
        let margin = margin_confidence(entries, &scores, best);
        let resolved = Resolved {
            entry: entries[best].0,
            feature: info.feature,
            confidence: margin * (strength / 5.0).min(1.0),
            candidate: cand,
        };
        if strength < ACCEPT_STRENGTH {
            held_back.push(HeldBack {
                candidate: i,
                best,
                margin,
                resolved,
            });
            continue;
        }
        accepted_at.push((info.country_code, info.lat, info.lon));
        out.push(resolved);
    }
    recheck_beside_accepted(
        &mut out,
        &accepted_at,
        held_back,
        &infos,
        &context,
        &containers,
    );
    if !modifiers.is_empty() {
        out.extend(modifiers.into_iter().filter_map(|candidate| {
            let entry = *candidate.entries.first()?;
            Some(Resolved {
                feature: index.entry(entry).feature,
                entry,
                confidence: 1.0,
                candidate,
            })
        }));
        out.sort_by_key(|r| r.candidate.span.start);
    }
    out
}

/// Candidates that failed the strength test as strangers to the story's
/// countries, tried again against the places accepted. The first pass's
/// country votes come from readings before any is chosen: an ambiguous
/// "Nelson" votes for its biggest namesake (New Zealand), and "Castlegar"
/// in British Columbia, which decided Nelson's reading, was then a foreign
/// village. An accepted place of another name close by in the same
/// country ([`NEIGHBOUR_KM`]) is the evidence the votes lacked; one merely
/// in the same country is not, nor one across a border (an Israeli "Ein el
/// Asad" for "al-Assad" beside Syrian towns). Only names the text marks as places are tried
/// ("driving to Castlegar", "the Safety Bay foreshore"); a bare capitalised
/// word ("Che Adams") is more often a surname. The reading stays the first
/// pass's.
fn recheck_beside_accepted(
    out: &mut Vec<Resolved>,
    accepted_at: &[(&str, f64, f64)],
    held_back: Vec<HeldBack>,
    infos: &[Vec<(EntryId, EntryInfo<'_>)>],
    context: &Context<'_>,
    containers: &[Containers],
) {
    if held_back.is_empty() || out.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for held in held_back {
        let c = &held.resolved.candidate;
        // A name before a landmark word ("Karl Bremer Hospital") stays out:
        // the first pass ruled it out as a landmark named after a place.
        let marked = (c.multi_token || c.cues.locative || c.cues.admin || c.cues.settlement)
            && !c.cues.landmark;
        let Some((_, info)) = infos[held.candidate].get(held.best).filter(|_| marked) else {
            continue;
        };
        let neighbour = out
            .iter()
            .zip(accepted_at)
            .any(|(r, &(country, lat, lon))| {
                r.candidate.key != c.key
                    && country == info.country_code
                    && distance_km(info.lat, info.lon, lat, lon) <= NEIGHBOUR_KM
            });
        if !neighbour {
            continue;
        }
        let i = held.candidate;
        let strength = strength(c, info, i, context, &containers[i], Some(info.country_code));
        if strength >= ACCEPT_STRENGTH {
            let mut resolved = held.resolved;
            resolved.confidence = held.margin * (strength / 5.0).min(1.0);
            added.push(resolved);
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|r| r.candidate.span.start);
    }
}

/// A candidate the strength test held back: its index, its chosen entry,
/// the margin of that choice, and the place it would be.
struct HeldBack {
    candidate: usize,
    best: usize,
    margin: f32,
    resolved: Resolved,
}

/// How near an accepted place a held-back one must lie to count as part of
/// the same story.
const NEIGHBOUR_KM: f64 = 150.0;

/// Pass one: what the document establishes without resolving anything
/// ambiguous. Country names and demonyms vote for their country; names
/// whose entries all lie in one country vote for it; admin-level names vote
/// for their admin area.
fn build_context<'a>(
    candidates: &[Candidate],
    infos: &[Vec<(EntryId, EntryInfo<'a>)>],
    demonyms: &'a [String],
    story_countries: &[&'a str],
) -> Context<'a> {
    let mut ctx = Context {
        own_country: vec![None; candidates.len()],
        own_admin: vec![None; candidates.len()],
        ..Default::default()
    };
    // A demonym ("Syrian troops") and a country the rest of the analysis
    // knows the story concerns (a named group's home) each vote softly.
    for code in demonyms
        .iter()
        .map(String::as_str)
        .chain(story_countries.iter().copied())
    {
        *ctx.countries.entry(code).or_default() += 0.5;
        ctx.total += 0.5;
        ctx.soft_total += 0.5;
    }
    for (i, (cand, entries)) in candidates.iter().zip(infos).enumerate() {
        if let CandidateKind::Demonym { .. } = cand.kind {
            continue; // already counted as a demonym
        }
        let Some((_, first)) = entries.first() else {
            continue;
        };
        // A bare capitalised word that can only be a small village or a
        // district ("Haram" in "Boko Haram", a surname) is the weakest
        // candidate there is;
        // letting it set the story's country would push out the real
        // places it names ("in Monguno").
        let uncued =
            !cand.multi_token && !cand.cues.locative && !cand.cues.admin && !cand.cues.settlement;
        let villages_only = entries.iter().all(|(_, e)| match e.feature {
            FeatureKind::PopulatedPlace => e.population < PROMINENT_POPULATION,
            FeatureKind::Admin2 | FeatureKind::Other => true,
            FeatureKind::Country
            | FeatureKind::Admin1
            | FeatureKind::Region
            | FeatureKind::Water => false,
        });
        if uncued && villages_only {
            continue;
        }
        let country = entries
            .iter()
            .find(|(_, e)| e.feature == FeatureKind::Country);
        let one_country = entries
            .iter()
            .all(|(_, e)| e.country_code == first.country_code);
        // Otherwise a reading that stands out by itself (a first-level area
        // or a sizeable town, best on priors alone) votes, more softly.
        let prominent = || {
            entries
                .iter()
                .max_by(|(_, a), (_, b)| prior(a).total_cmp(&prior(b)))
                .filter(|(_, e)| {
                    e.feature == FeatureKind::Admin1 || e.population >= PROMINENT_POPULATION
                })
                .map(|(_, e)| (e.country_code, 0.25))
        };
        let vote = match country {
            Some((_, c)) => Some((c.country_code, 1.0)),
            None if one_country => Some((first.country_code, 1.0)),
            None => prominent(),
        };
        if let Some((code, w)) = vote {
            *ctx.countries.entry(code).or_default() += w;
            ctx.total += w;
            ctx.own_country[i] = Some((code, w));
        }
        let admin = entries
            .iter()
            .filter(|(_, e)| matches!(e.feature, FeatureKind::Admin1))
            .max_by_key(|(_, e)| e.population);
        if let Some((_, a)) = admin.filter(|_| country.is_none()) {
            if let Some(name) = a.admin1 {
                let key = (a.country_code, name);
                *ctx.admins.entry(key).or_default() += 1.0;
                ctx.own_admin[i] = Some((key, 1.0));
            }
        } else if country.is_none() {
            // A name whose readings all lie in one first-level area
            // ("Seattle", "Spokane") says, more softly, that the story is
            // set there: "Washington" then means the state.
            if let Some(key) = single_admin1(entries) {
                *ctx.admins.entry(key).or_default() += 0.5;
                ctx.own_admin[i] = Some((key, 0.5));
            }
        }
    }
    // Every mention of the same name shares one reading, so none of them
    // counts as independent evidence for the others ("Santa Ana" ten times
    // does not make the story Salvadoran).
    let mut same_name: FastMap<&str, (f32, f32)> = FastMap::default();
    for (k, cand) in candidates.iter().enumerate() {
        let slot = same_name.entry(cand.key.as_str()).or_default();
        slot.0 += ctx.own_country[k].as_ref().map_or(0.0, |(_, w)| *w);
        slot.1 += ctx.own_admin[k].as_ref().map_or(0.0, |(_, w)| *w);
    }
    for (k, cand) in candidates.iter().enumerate() {
        let (country_votes, admin_votes) = same_name[cand.key.as_str()];
        if let Some((_, w)) = ctx.own_country[k].as_mut() {
            *w = country_votes;
        }
        if let Some((_, w)) = ctx.own_admin[k].as_mut() {
            *w = admin_votes;
        }
    }
    ctx
}

/// The (country, admin-1) every reading lies in, if they share one.
fn single_admin1<'a>(entries: &[(EntryId, EntryInfo<'a>)]) -> Option<AdminKey<'a>> {
    let (_, first) = entries.first()?;
    let admin1 = first.admin1?;
    entries
        .iter()
        .all(|(_, e)| e.country_code == first.country_code && e.admin1 == Some(admin1))
        .then_some((first.country_code, admin1))
}

/// Where a comma-joined name says the name before it lies: "Pandi,
/// Bulacan", "Blakely, Georgia" (the US state or the country), as the
/// (country, admin-1) pairs of the second name's country and admin-1 entries.
type Containers = Vec<(String, Option<String>)>;

/// What the names around each candidate say about where it lies.
struct Settings<'a> {
    /// The areas containing it ("Pandi, Bulacan"; "Dikwa in Borno").
    containers: Vec<Containers>,
    /// Its container was named with "in", which only rules out the rest of
    /// the world.
    inside: Vec<bool>,
    /// It stands in a list beside a name that is only an area
    /// ("Michigan, New York, Ohio").
    among_areas: Vec<bool>,
    /// The countries of the names listed beside it (each name's most
    /// populous reading): "Suba, Migori, Homa Bay" are Kenyan together.
    listed_with: Vec<Vec<&'a str>>,
}

fn settings<'a>(
    tokens: &[Token],
    candidates: &[Candidate],
    infos: &[Vec<(EntryId, EntryInfo<'a>)>],
) -> Settings<'a> {
    let n = candidates.len();
    let mut out = Settings {
        containers: vec![Vec::new(); n],
        inside: vec![false; n],
        among_areas: vec![false; n],
        listed_with: vec![Vec::new(); n],
    };
    for i in 0..n.saturating_sub(1) {
        let next = &candidates[i + 1];
        let comma = next.first == candidates[i].last + 1 && tokens[next.first].gap == Gap::Comma;
        if comma && listed_together(tokens, candidates, infos, i) {
            out.among_areas[i] |= only_an_area(&infos[i + 1]);
            out.among_areas[i + 1] |= only_an_area(&infos[i]);
            out.listed_with[i].extend(most_populous_country(&infos[i + 1]));
            out.listed_with[i + 1].extend(most_populous_country(&infos[i]));
            continue;
        }
        if !comma && !joined_by_in(tokens, &candidates[i], next) {
            continue;
        }
        // "X in Y" contains X only when Y is a province or state ("Maryland
        // in Lagos State"); "the US in Syria" says nothing of where the US is.
        let containing = |e: &EntryInfo<'_>| match e.feature {
            FeatureKind::Admin1 => true,
            FeatureKind::Country => comma,
            _ => false,
        };
        out.containers[i] = infos[i + 1]
            .iter()
            .filter(|(_, e)| containing(e))
            .map(|(_, e)| {
                let admin = (e.feature == FeatureKind::Admin1)
                    .then(|| e.admin1.map(str::to_string))
                    .flatten();
                (e.country_code.to_string(), admin)
            })
            .collect();
        out.inside[i] = !comma && !out.containers[i].is_empty();
    }
    out
}

/// Whether candidates `i` and `i + 1`, joined by a comma, are two items of
/// a list rather than a place and its area: "Nairobi, Dar es Salaam and
/// Kampala", "Assiut, Alexandria, and Suez" (the list goes on; "Stroud,
/// Ontario, Canada" does not: a country closes the address), or "Harar,
/// Dire Dawa", a sizeable town before a city that shares its name with its
/// province and does not contain the town.
fn listed_together(
    tokens: &[Token],
    candidates: &[Candidate],
    infos: &[Vec<(EntryId, EntryInfo<'_>)>],
    i: usize,
) -> bool {
    let goes_on = candidates.get(i + 2).is_some_and(|after| {
        let a_country = infos[i + 2]
            .iter()
            .any(|(_, e)| e.feature == FeatureKind::Country);
        !a_country && opens_a_list(tokens, &candidates[i + 1], after)
    });
    goes_on
        || city_province(&infos[i + 1]).is_some_and(|(country, province)| {
            let fits = |e: &EntryInfo<'_>| e.country_code == country && e.admin1 == Some(province);
            !infos[i].iter().any(|(_, e)| fits(e))
                && infos[i].iter().any(|(_, e)| {
                    e.feature == FeatureKind::PopulatedPlace && e.population >= LISTED_TOWN
                })
        })
}

/// The (country, province) of a name that is both a province and a city in
/// it ("Dire Dawa", "Alexandria", "Kinshasa").
fn city_province<'a>(entries: &[(EntryId, EntryInfo<'a>)]) -> Option<(&'a str, &'a str)> {
    entries.iter().find_map(|(_, area)| {
        let province = area
            .admin1
            .filter(|_| area.feature == FeatureKind::Admin1)?;
        entries
            .iter()
            .any(|(_, e)| {
                e.feature == FeatureKind::PopulatedPlace
                    && e.country_code == area.country_code
                    && e.admin1 == Some(province)
            })
            .then_some((area.country_code, province))
    })
}

/// The country of a name's most populous reading.
fn most_populous_country<'a>(entries: &[(EntryId, EntryInfo<'a>)]) -> Option<&'a str> {
    entries
        .iter()
        .max_by_key(|(_, e)| e.population)
        .map(|(_, e)| e.country_code)
}

/// A name with an area reading and no big city of that name ("Ohio",
/// "Indiana"; not "New York").
fn only_an_area(entries: &[(EntryId, EntryInfo<'_>)]) -> bool {
    entries
        .iter()
        .any(|(_, e)| matches!(e.feature, FeatureKind::Admin1 | FeatureKind::Country))
        && !entries
            .iter()
            .any(|(_, e)| e.feature == FeatureKind::PopulatedPlace && e.population >= BIG_CITY)
}

/// Whether `after` follows `next` as the next item of a list: ", Z",
/// "and Z", ", and Z", "or Z".
fn opens_a_list(tokens: &[Token], next: &Candidate, after: &Candidate) -> bool {
    let between = next.last + 1;
    (after.first == between && tokens[after.first].gap == Gap::Comma)
        || (after.first == between + 1 && matches!(&*tokens[between].folded, "and" | "or"))
}

/// "X in Y", with nothing but "in" between the two names.
fn joined_by_in(tokens: &[Token], cand: &Candidate, next: &Candidate) -> bool {
    let between = cand.last + 1;
    next.first == between + 1
        && tokens[between].folded == "in"
        && tokens[between].gap == Gap::Space
        && tokens[next.first].gap == Gap::Space
}

/// How well an entry fits the containers: 2 in the named admin area, 1 in
/// the named country, 0 outside (or no containers).
fn container_fit(e: &EntryInfo<'_>, containers: &Containers) -> u8 {
    // "Alaska, Alabama, Arizona": areas in a list do not contain each other.
    if matches!(e.feature, FeatureKind::Country | FeatureKind::Admin1) {
        return 0;
    }
    containers
        .iter()
        .map(|(country, admin)| match admin {
            Some(a) if country == e.country_code && Some(a.as_str()) == e.admin1 => 2,
            Some(_) => 0,
            None if country == e.country_code => 1,
            None => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Regions and seas are hand-listed because they are well known, but carry
/// no population: their prior stands in for one, so that a namesake hamlet
/// ("Middle East", a Baltimore neighbourhood; Atlantic, Iowa) needs context
/// to win. 4.0 is the prior of a town of about 100,000.
fn feature_prior(feature: FeatureKind) -> f32 {
    match feature {
        FeatureKind::Country => 2.5,
        FeatureKind::Admin1 => 1.2,
        FeatureKind::Region | FeatureKind::Water => 4.0,
        FeatureKind::Admin2 => 0.3,
        FeatureKind::PopulatedPlace => 0.5,
        FeatureKind::Other => 3.0,
    }
}

/// A reading's score before any context.
fn prior(e: &EntryInfo<'_>) -> f32 {
    population_score(e.population) + feature_prior(e.feature)
}

/// What a district seat without a recorded population ranks as among the
/// readings of its name, where the story is set in its country or in no
/// known country: a town, not the hamlet an unknown population usually is.
/// GeoNames leaves many seats without one ("Ras al Ayn" in Syria, local
/// government seats in Nigeria) while their namesakes abroad have one. A
/// guess, so it gives way to context: abroad, a seat (Yemen's As Sukhnah)
/// does not outrank the story's own namesake (Syria's, also unrecorded).
/// Only the ranking: whether the name is a place at all ([`strength`])
/// still reads the recorded population.
const SEAT_POPULATION: u64 = 10_000;

fn seat_prior(e: &EntryInfo<'_>, i: usize, ctx: &Context) -> f32 {
    let at_home = ctx.others_total(i) == 0.0 || ctx.country_weight(i, e.country_code) > 0.0;
    if e.district_seat && e.population == 0 && at_home {
        population_score(SEAT_POPULATION)
    } else {
        0.0
    }
}

/// A town this big, best on priors, says which country a story is about.
const PROMINENT_POPULATION: u64 = 100_000;

fn population_score(population: u64) -> f32 {
    0.7 * ((population + 1) as f32).log10()
}

fn score_entry(
    e: &EntryInfo<'_>,
    cand: &Candidate,
    i: usize,
    ctx: &Context,
    containers: &Containers,
) -> f32 {
    let mut s = prior(e) + seat_prior(e, i, ctx);
    let is_admin = matches!(e.feature, FeatureKind::Admin1 | FeatureKind::Admin2);
    if cand.cues.admin && is_admin {
        s += 2.0;
    }
    if cand.cues.settlement && e.feature == FeatureKind::PopulatedPlace {
        s += 1.5;
    }
    if cand.cues.demonym_country.as_deref() == Some(e.country_code) {
        s += 3.0;
    }
    let w = ctx.country_weight(i, e.country_code);
    if w > 0.0 {
        s += 0.75 + 0.75 * (w / ctx.total.max(1.0));
    }
    if e.feature != FeatureKind::Country {
        if let Some(a) = e.admin1 {
            if ctx.admin_weight(i, (e.country_code, a)) > 0.0 {
                s += 1.0;
            }
        }
    }
    s += 3.0 * f32::from(container_fit(e, containers));
    s
}

/// The best-scoring entry; an admin area loses to the same-named town in it
/// unless the text calls it a province ("Aleppo" is the city).
fn pick_best(
    entries: &[(EntryId, EntryInfo<'_>)],
    scores: &[f32],
    cand: &Candidate,
    contained: bool,
    area_in_context: &dyn Fn(&EntryInfo<'_>) -> bool,
) -> Option<usize> {
    let best = (0..entries.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    // A dateline names a city: the best populated place, over a state or
    // province of the same name ("NEW YORK (AP) —").
    if cand.cues.dateline {
        let town = (0..entries.len())
            .filter(|&k| entries[k].1.feature == FeatureKind::PopulatedPlace)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        if town.is_some() {
            return town;
        }
    }
    let b = &entries[best].1;
    let admin = matches!(b.feature, FeatureKind::Admin1 | FeatureKind::Admin2);
    // "Jisr al-Shughur district": the area, over its bigger seat.
    if cand.cues.admin && b.feature == FeatureKind::PopulatedPlace {
        let area = (0..entries.len())
            .filter(|&k| {
                let e = &entries[k].1;
                matches!(e.feature, FeatureKind::Admin1 | FeatureKind::Admin2)
                    && e.country_code == b.country_code
                    && e.admin1 == b.admin1
            })
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
        if area.is_some() {
            return area;
        }
    }
    if cand.cues.admin || contained || !admin {
        return Some(best);
    }
    // Other places of the story lie in the area ("Seattle" and
    // "Washington"): a big namesake city elsewhere is not meant.
    let area_established = area_in_context(b);
    // A town of the same name inside the area and not much smaller
    // ("Aleppo" city in Aleppo governorate), or a big city anywhere in the
    // country ("Washington", "New York"): news means the city.
    let town = (0..entries.len())
        .filter(|&k| {
            let e = &entries[k].1;
            let town_name = fold(e.name);
            // A district is usually named after its seat ("Baiji" district
            // and the town Bayji, also spelled Baiji): every entry here
            // matched the same name, so the town in the same province wins
            // whatever its recorded population or preferred spelling.
            let district = b.feature == FeatureKind::Admin2;
            // "Daraa city": the text says which of the namesakes it means,
            // whatever the town's preferred spelling ("Dara").
            let inside = e.admin1 == b.admin1
                && (district
                    || cand.cues.town
                    || (e.population.saturating_mul(10) >= b.population
                        && (town_name == fold(b.name) || town_name == cand.key)));
            let big_namesake =
                !area_established && e.population >= BIG_CITY && is_namesake(&town_name, &cand.key);
            e.feature == FeatureKind::PopulatedPlace
                && e.country_code == b.country_code
                && (inside || big_namesake)
        })
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    Some(town.unwrap_or(best))
}

/// True if a town called `town_name` (folded) is the city that `key` names:
/// the same name, or the name plus "City" ("New York City", "Mexico City",
/// "Kuwait City"), the form GeoNames prefers where a state or country shares
/// the city's name.
fn is_namesake(town_name: &str, key: &str) -> bool {
    town_name == key || town_name.strip_suffix(" city") == Some(key)
}

/// Evidence that the candidate is a place at all.
fn strength(
    cand: &Candidate,
    e: &EntryInfo<'_>,
    i: usize,
    ctx: &Context,
    containers: &Containers,
    neighbour_country: Option<&str>,
) -> f32 {
    // The story's countries: those the votes establish, and (on a second
    // look) that of an accepted place nearby.
    let in_story =
        ctx.country_weight(i, e.country_code) > 0.0 || neighbour_country == Some(e.country_code);
    let mut s = match e.feature {
        FeatureKind::Country => 3.0,
        FeatureKind::Admin1 => 2.5,
        FeatureKind::Region | FeatureKind::Water => 3.0,
        FeatureKind::Admin2 => 1.5,
        // GeoNames lists some towns without a population: unknown, not none.
        FeatureKind::PopulatedPlace => {
            let cued = cand.multi_token || cand.cues.locative || cand.cues.settlement;
            let floor = if cued { UNKNOWN_POPULATION } else { 0 };
            0.5 * ((e.population.max(floor) + 1) as f32).log10()
        }
        // A hand-listed point (a border crossing, a dam): known, but a
        // bare single word needs a cue ("near Torkham").
        FeatureKind::Other => 2.0,
    };
    if matches!(cand.kind, CandidateKind::Demonym { .. }) {
        s += 3.0;
    }
    if cand.multi_token {
        s += 0.75;
    }
    if cand.cues.locative {
        s += 1.0;
    }
    if cand.cues.admin || cand.cues.settlement {
        s += 1.5;
    }
    if e.feature != FeatureKind::Country && in_story {
        s += 1.0;
    }
    if container_fit(e, containers) > 0 {
        s += 1.5;
    }
    // A village abroad in a story whose countries are established
    // elsewhere is more likely a namesake of something the gazetteer lacks.
    let small_town = e.feature == FeatureKind::PopulatedPlace && e.population < 100_000;
    let foreign = ctx.others_total(i) > 0.0 && !in_story;
    // Demonyms alone do not make a town by its own name a stranger:
    // "Turkish troops entered Afrin" is about forces abroad.
    let placed_abroad = ctx.placed_elsewhere(i) && !in_story;
    // A sizeable town's own name with a letter doubled ("Daraa" for
    // GeoNames' "Dara") is as good as the name; an alternate of another
    // sound ("Kadagi" for Cudahy) is not, nor a small town's ("Kalam", a
    // Pakistani town the gazetteer lacks, is also written for Kallam in
    // India).
    // Nor is the name itself written with its inner article assimilated or
    // a consonant doubled ("Maarat al-Numan" for Maarrat an Numan).
    let spelled_as_its_name = || {
        if folds_to(e.name, &cand.key) {
            return true;
        }
        let name = fold(e.name);
        own_spelling(&name, &cand.key)
            || (e.population >= SPELLED_TOWN
                && spelling::same_but_doubled_letters(&name, &cand.key))
    };
    let alternate_only = small_town && !spelled_as_its_name();
    // A small town abroad known here only by one of its alternate names
    // (often a transliteration: Cudahy, California is also "Kadagi") in a
    // story whose countries are established elsewhere: a local village the
    // gazetteer lacks, not that town. Cues ("in Kadagi village") say it is a
    // place, not which one.
    if small_town && foreign && alternate_only {
        return 0.0;
    }
    // "Auckland Park" in a Johannesburg story: a landmark or suburb named
    // after a town abroad is not in that town (the recogniser already drops
    // small towns before landmark words; this is the big ones, whose
    // landmarks are theirs only in a story about their country).
    if cand.cues.landmark && foreign && e.feature != FeatureKind::Country {
        return 0.0;
    }
    if small_town && placed_abroad {
        // A sizeable town by its own name ("US troops in Manbij", 99,000)
        // is less often a namesake than a village is.
        let sizeable = e.population >= SPELLED_TOWN && !alternate_only;
        s -= if sizeable { 0.5 } else { 1.0 };
    }
    // Known only by an alternate name: weaker evidence than its own name.
    if small_town && alternate_only {
        s -= 0.5;
    }
    s
}

/// Whether `key` spells a name of several words (`name`, folded) but for
/// its inner articles and doubled consonants
/// ([`spelling::spelling_variant`]).
fn own_spelling(name: &str, key: &str) -> bool {
    key.contains(' ') && spelling::spelling_variant(name) == spelling::spelling_variant(key)
}

/// Competitors closer than this to the chosen entry are the same place in
/// another guise (a town and its district) and do not make it ambiguous.
const SAME_PLACE_KM: f64 = 50.0;

/// How far the best score stands above the real alternatives, as a softmax
/// share (temperature 1/2).
fn margin_confidence(entries: &[(EntryId, EntryInfo<'_>)], scores: &[f32], best: usize) -> f32 {
    let top = scores[best];
    let chosen = &entries[best].1;
    let total: f32 = 1.0
        + entries
            .iter()
            .zip(scores)
            .enumerate()
            .filter(|(k, ((_, e), _))| {
                *k != best && distance_km(chosen.lat, chosen.lon, e.lat, e.lon) > SAME_PLACE_KM
            })
            .map(|(_, (_, s))| (2.0 * (s - top)).exp())
            .sum::<f32>();
    (1.0 / total).clamp(0.0, 1.0)
}

/// Great-circle distance in kilometres (haversine).
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    sitrep_model::haversine_km((lat1, lon1), (lat2, lon2))
}
