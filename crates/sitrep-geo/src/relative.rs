//! Relative locations: "15 km south of Baiji", "near Raqqa", "40 km from
//! the Turkish border", "near the border". Each becomes a [`Relation`] on
//! the anchor place, the phrase span, and an ACLED geo precision.

use crate::index::NameIndex;
use crate::lexicon;
use crate::resolve::Resolved;
use crate::scan::{Gap, Token};
use sitrep_model::{FeatureKind, GeoPrecision, PlaceMention, Relation, Span};

/// A relation found around a toponym, with the token range of its phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct RelativePhrase {
    pub relation: Relation,
    /// First and last token of the whole phrase (inclusive).
    pub first: usize,
    pub last: usize,
}

pub fn mentions(
    text: &str,
    tokens: &[Token],
    resolved: Vec<Resolved>,
    index: &dyn NameIndex,
) -> Vec<PlaceMention> {
    let _ = text;
    let mut found: Vec<(PlaceMention, usize, usize)> = Vec::with_capacity(resolved.len());
    // The last token of a person's home named so far ("of Austin"), which
    // an address may go on from (", Texas").
    let mut home_ends: Option<(usize, usize)> = None;
    for r in resolved {
        let c = &r.candidate;
        let address_of_home = home_ends
            .is_some_and(|(_, end)| c.first == end + 1 && tokens[c.first].gap == Gap::Comma);
        let modifier = c.is_modifier();
        let phrase = if modifier {
            None
        } else if address_of_home {
            home_ends.map(|(first, _)| RelativePhrase {
                relation: Relation::Home,
                first,
                last: c.last,
            })
        } else {
            phrase_around(tokens, c.first, c.last)
        };
        home_ends = match &phrase {
            Some(p) if p.relation == Relation::Home => Some((p.first, c.last)),
            _ => None,
        };
        let (relation, phrase_span) = match phrase {
            Some(p) => (
                p.relation,
                Some(Span::new(tokens[p.first].start, tokens[p.last].end)),
            ),
            None if modifier => (Relation::Modifier, None),
            None => (Relation::At, None),
        };
        let precision = precision_for(&relation, r.feature);
        let mention = PlaceMention {
            span: c.span,
            phrase: phrase_span,
            place: index.place(r.entry),
            relation,
            precision,
            confidence: r.confidence,
        };
        found.push((mention, c.first, c.last));
    }
    found.sort_by_key(|(m, _, _)| (m.span.start, std::cmp::Reverse(m.span.end)));
    found.dedup_by(|later, earlier| earlier.0.span.overlaps(later.0.span));
    for i in namesakes_of_parts(tokens, &found) {
        let town = found[i + 1].0.place.clone();
        let part = &mut found[i].0;
        part.place = town;
        part.precision = GeoPrecision::NearTown;
    }
    found.into_iter().map(|(m, _, _)| m).collect()
}

/// How far a part of a town may lie from the town's own point: New York's
/// boroughs are within 30 km of it.
const PART_OF_TOWN_KM: f64 = 40.0;

/// Mentions (indices into `found`, each with its first and last token)
/// named as a part of the town right after them, "the Crown Heights
/// neighborhood of Brooklyn", "the Gulshan area of Dhaka", but resolved
/// far from it: a namesake elsewhere (Crown Heights, Dutchess County),
/// since the part itself is not in the gazetteer. Such a mention is put at
/// the town, with the precision of a place near or within a town (2).
fn namesakes_of_parts(tokens: &[Token], found: &[(PlaceMention, usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, pair) in found.windows(2).enumerate() {
        let ((part, _, part_last), (town, town_first, _)) = (&pair[0], &pair[1]);
        // Two words between them, "neighborhood of".
        if *town_first != part_last + 3 {
            continue;
        }
        let words: Vec<&str> = (part_last + 1..*town_first)
            .map(|k| tokens[k].folded.as_ref())
            .collect();
        let part_of = matches!(
            words.as_slice(),
            [
                "neighborhood"
                    | "neighbourhood"
                    | "district"
                    | "suburb"
                    | "quarter"
                    | "area"
                    | "section",
                "of"
            ]
        ) && tokens[part_last + 1].gap == Gap::Space;
        let town_is_town = matches!(town.place.feature, FeatureKind::PopulatedPlace);
        if part_of && town_is_town && part.place.km_to(&town.place) > PART_OF_TOWN_KM {
            out.push(i);
        }
    }
    out
}

/// The relative phrase around the toponym at tokens `first..=last`, if any.
/// "the" before the name is skipped ("from the Turkish border"); a border
/// after the name wins and takes the phrase before it along ("40 km from the
/// Turkish border").
pub fn phrase_around(tokens: &[Token], first: usize, last: usize) -> Option<RelativePhrase> {
    let article =
        first >= 1 && tokens[first - 1].folded == "the" && tokens[first].gap == Gap::Space;
    let anchor_first = if article { first - 1 } else { first };
    // relation_before sees only the name's first token: stretch its phrase
    // over the whole name ("near Deir ez-Zor").
    let before = relation_before(tokens, anchor_first).map(|b| RelativePhrase {
        last: b.last.max(last),
        ..b
    });
    match relation_after(tokens, last) {
        Some(after) => Some(RelativePhrase {
            relation: Relation::Border,
            first: before.map_or(anchor_first, |b| b.first),
            last: after.last,
        }),
        None => before,
    }
}

/// ACLED precision: a town named as such is 1; near a town, or a border, is
/// 2; a province, country or region is 3 (its centroid).
pub fn precision_for(relation: &Relation, feature: FeatureKind) -> GeoPrecision {
    let town = matches!(feature, FeatureKind::PopulatedPlace | FeatureKind::Other);
    match relation {
        Relation::Border => GeoPrecision::NearTown,
        Relation::At if town => GeoPrecision::Town,
        _ if town => GeoPrecision::NearTown,
        _ => GeoPrecision::Region,
    }
}

fn folded<'t>(tokens: &'t [Token<'_>], i: Option<usize>) -> Option<&'t str> {
    i.and_then(|i| tokens.get(i)).map(|t| t.folded.as_ref())
}

/// Phrases that end at the toponym: "near X", "outside X", "south of X",
/// "15 km (south) of/from X", "on the outskirts of X", "close to X".
pub fn relation_before(tokens: &[Token], first: usize) -> Option<RelativePhrase> {
    let p1 = first.checked_sub(1)?;
    // Nothing relative crosses a sentence or clause boundary.
    if matches!(tokens[first].gap, Gap::Break | Gap::Comma) {
        return None;
    }
    let w1 = tokens[p1].folded.as_ref();
    match w1 {
        "near" | "outside" | "nearby" => {
            let start = if folded(tokens, p1.checked_sub(1)) == Some("just") {
                p1 - 1
            } else {
                p1
            };
            if w1 == "outside" {
                if let Some(d) = distance_before(tokens, p1) {
                    return Some(RelativePhrase {
                        relation: Relation::Distance { km: d.0 },
                        first: d.1,
                        last: first,
                    });
                }
            }
            Some(near(start, first))
        }
        "to" if folded(tokens, p1.checked_sub(1)) == Some("close") => Some(near(p1 - 1, first)),
        "of" | "from" => {
            let p2 = p1.checked_sub(1)?;
            let w2 = tokens[p2].folded.as_ref();
            if matches!(w2, "outskirts" | "vicinity" | "edge" | "edges" | "environs")
                || (w2 == "outside" && w1 == "of")
            {
                let start = phrase_start_article(tokens, p2);
                return Some(near(start, first));
            }
            if let Some((direction, dir_first)) = compass_before(tokens, p2) {
                if let Some((km, dist_first)) = distance_before(tokens, dir_first) {
                    return Some(RelativePhrase {
                        relation: Relation::Distance { km },
                        first: dist_first,
                        last: first,
                    });
                }
                return Some(RelativePhrase {
                    relation: Relation::Direction {
                        direction: direction.to_string(),
                    },
                    first: dir_first,
                    last: first,
                });
            }
            if let Some((km, dist_first)) = distance_before(tokens, p1) {
                return Some(RelativePhrase {
                    relation: Relation::Distance { km },
                    first: dist_first,
                    last: first,
                });
            }
            let after_name = matches!(tokens[p1].gap, Gap::Space | Gap::Comma);
            let name = person_ending_at(tokens, p2).filter(|_| after_name);
            name.map(|name_first| RelativePhrase {
                relation: Relation::Home,
                first: name_first,
                last: first,
            })
        }
        _ => None,
    }
}

/// How many words a person's name (with its titles) may run to.
const NAME_REACH: usize = 6;

/// The first token of a person's name ending at token `last`, if the
/// words there are one: capitalised words and initials, at least one of
/// them a title or an initial, or the first a given name ("Master Sgt
/// Johnathan J. Dunbar", "Sgt Dunbar", "Mayor Eric Adams", "John Smith").
/// A word that names a body or an area ("Governor", "University",
/// "Province") ends no name: "the Governor of Kano" and "the University of
/// Maiduguri" stay places of their own.
fn person_ending_at(tokens: &[Token], last: usize) -> Option<usize> {
    let surname = &tokens[last];
    let institution = |t: &Token| {
        lexicon::is_title(&t.folded)
            || lexicon::is_common_word(&t.folded)
            || lexicon::is_org_suffix(&t.folded)
            || lexicon::is_admin_word(&t.folded)
            || lexicon::is_settlement_word(&t.folded)
    };
    if !surname.capitalised || surname.all_caps || surname.folded.len() < 2 || institution(surname)
    {
        return None;
    }
    let initial = |t: &Token| t.capitalised && t.folded.len() == 1;
    let mut first = last;
    let mut named = false;
    while first > 0 && last - first < NAME_REACH && !tokens[first].sentence_start {
        let prev = &tokens[first - 1];
        // "J. Dunbar", "Sgt. Dunbar": a full stop only after an initial or
        // a title.
        let joined = match tokens[first].gap {
            Gap::Space => true,
            Gap::Dot => initial(prev) || lexicon::is_title(&prev.folded),
            _ => false,
        };
        if !joined || !prev.capitalised {
            break;
        }
        named |= initial(prev) || lexicon::is_title(&prev.folded);
        first -= 1;
    }
    // "John Smith of Austin": a given name starting two words or more.
    named |= first < last && lexicon::is_first_name(&tokens[first].folded);
    named.then_some(first)
}

fn near(first: usize, last: usize) -> RelativePhrase {
    RelativePhrase {
        relation: Relation::Near,
        first,
        last,
    }
}

/// Back over "on the" / "in the" before "outskirts".
fn phrase_start_article(tokens: &[Token], at: usize) -> usize {
    let mut start = at;
    if folded(tokens, start.checked_sub(1)) == Some("the") {
        start -= 1;
        if matches!(
            folded(tokens, start.checked_sub(1)),
            Some("on" | "in" | "at")
        ) {
            start -= 1;
        }
    }
    start
}

/// A compass word ending at token `last` ("south", "north-east"): the
/// direction and its first token.
fn compass_before(tokens: &[Token], last: usize) -> Option<(&'static str, usize)> {
    if last >= 1 && tokens[last].gap == Gap::Hyphen {
        let two = format!("{} {}", tokens[last - 1].folded, tokens[last].folded);
        if let Some(d) = lexicon::compass(&two) {
            return Some((d, last - 1));
        }
    }
    lexicon::compass(&tokens[last].folded).map(|d| (d, last))
}

/// "15 km", "15km", "fifteen kilometres", "some 20 miles" ending just before
/// token `next`: kilometres and the first token.
fn distance_before(tokens: &[Token], next: usize) -> Option<(f64, usize)> {
    let unit_at = next.checked_sub(1)?;
    let unit_token = &tokens[unit_at];
    // "15km" as one token.
    if let Some(split) = unit_token.folded.find(|c: char| c.is_alphabetic()) {
        let (num, unit) = unit_token.folded.split_at(split);
        if let (Ok(n), Some(k)) = (num.parse::<f64>(), lexicon::unit_km(unit)) {
            return Some((n * k, unit_at));
        }
    }
    let per_unit = lexicon::unit_km(&unit_token.folded)?;
    let num_at = unit_at.checked_sub(1)?;
    let (value, first) = number_ending_at(tokens, num_at)?;
    Some((value * per_unit, first))
}

/// A number ending at token `at`: "15", "1.5" (two tokens and a dot),
/// "fifteen". Returns the value and its first token.
fn number_ending_at(tokens: &[Token], at: usize) -> Option<(f64, usize)> {
    let t = &tokens[at];
    if t.is_number {
        let whole: f64 = t.folded.parse().ok()?;
        if at >= 1 && t.gap == Gap::Dot && tokens[at - 1].is_number {
            let joined = format!("{}.{}", tokens[at - 1].folded, t.folded);
            if let Ok(v) = joined.parse::<f64>() {
                return Some((v, at - 1));
            }
        }
        return Some((whole, at));
    }
    lexicon::number_word(&t.folded).map(|v| (v, at))
}

/// Phrases after the toponym: "X border", "the Syrian-Turkish border", and
/// "X near the border" (within the same clause). Only the end token matters.
pub fn relation_after(tokens: &[Token], last: usize) -> Option<RelativePhrase> {
    let mut j = last + 1;
    while tokens
        .get(j)
        .is_some_and(|t| t.gap == Gap::Hyphen && t.capitalised)
    {
        j += 1;
    }
    let n1 = tokens
        .get(j)
        .filter(|n| matches!(n.gap, Gap::Space | Gap::Hyphen))?;
    if matches!(n1.folded.as_ref(), "border" | "borders" | "frontier") {
        return Some(RelativePhrase {
            relation: Relation::Border,
            first: last,
            last: j,
        });
    }
    let words: Vec<&str> = (last + 1..(last + 4).min(tokens.len()))
        .take_while(|&k| tokens[k].gap == Gap::Space)
        .map(|k| tokens[k].folded.as_ref())
        .collect();
    match words.as_slice() {
        ["near" | "on" | "along", "the", "border"] => Some(RelativePhrase {
            relation: Relation::Border,
            first: last,
            last: last + 3,
        }),
        _ => None,
    }
}
