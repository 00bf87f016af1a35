//! The embedded offline gazetteer: countries, hand-listed regions, GeoNames
//! admin-1 and admin-2 areas and the populated places of GeoNames cities500,
//! with their alternate names.
//!
//! `build.rs` compiles `data/gazetteer/` into an `fst::Map` from folded name
//! to a postings list and a table of fixed-size entry records; this module
//! reads them in place from static bytes, so [`gazetteer()`] costs almost
//! nothing on first use.
//!
//! Names are looked up folded with [`sitrep_text::normalize::fold`] (the same
//! function the build script applies). Besides each name and alternate, the
//! index holds names with a leading Arabic article removed ("Al Bab" is also
//! found under "bab"), marked [`MatchKind::ArticleStripped`], and names of
//! several words with doubled consonants written single and inner articles
//! written "al" ([`crate::spelling::spelling_variant`]), marked
//! [`MatchKind::SpellingVariant`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use sitrep_model::{FeatureKind, Place};

use crate::spelling::spelling_variant;

/// Index of an entry in the gazetteer.
pub type EntryId = u32;

static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_names.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_postings.bin"));
static ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_entries.bin"));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_strings.bin"));

/// Bytes per entry record (layout documented in build.rs `write_entry`).
const RECORD_LEN: usize = 32;
const NO_ENTRY: u32 = u32::MAX;
const ID_MASK: u32 = (1 << 30) - 1;

/// How a looked-up name matched an entry; weaker kinds sort later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The entry's preferred (display) name.
    Name,
    /// One of its alternate names or aliases.
    Alternate,
    /// A name or alternate after dropping a leading Arabic article
    /// ("Al Bab" found as "bab"): a weaker match.
    ArticleStripped,
    /// Found only with doubled consonants written single or an inner
    /// article written "al", in the text or in the name ("Maarat" for
    /// "Maarrat", "Jisr al-Shughur" for "Jisr ash Shughur"), or by a
    /// consonant skeleton: see [`crate::spelling`].
    SpellingVariant,
}

/// One lookup hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    pub id: EntryId,
    pub kind: MatchKind,
}

/// A borrowed view of one gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntryRef<'a> {
    pub id: EntryId,
    /// Display name, ASCII-transliterated GeoNames name ("Tall Afar", "Nineveh").
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code; empty for regions that span several countries.
    pub country_code: &'a str,
    pub feature: FeatureKind,
    /// GeoNames population; for admin areas the sum over their listed places;
    /// 0 where unknown.
    pub population: u64,
    /// Name of the admin-1 area the entry lies in (itself for an admin-1 area).
    pub admin1: Option<&'a str>,
    /// Name of the admin-2 area the entry lies in (itself for an admin-2 area).
    pub admin2: Option<&'a str>,
    pub admin1_id: Option<EntryId>,
    pub admin2_id: Option<EntryId>,
    pub geonameid: Option<u32>,
    /// A town without a recorded population that shares its name with a
    /// district of its province: that district's seat (marked by build.rs).
    pub district_seat: bool,
}

/// The gazetteer tables, read in place from the binary.
pub struct Gazetteer {
    /// `None` only if the embedded index is malformed (a broken build): every
    /// lookup then misses instead of the pipeline aborting.
    names: Option<fst::Map<&'static [u8]>>,
    by_geonameid: OnceLock<HashMap<u32, EntryId>>,
}

/// The process-wide gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::embedded)
}

pub use crate::spelling::{is_arabic_article, strip_arabic_article};

/// The names blob as text, checked for UTF-8 once rather than per name
/// (names are read for every candidate of every document). A malformed
/// blob (a broken build) reads as empty: names are then "", not a panic.
fn strings() -> &'static str {
    static TEXT: OnceLock<&'static str> = OnceLock::new();
    TEXT.get_or_init(|| std::str::from_utf8(STRINGS).unwrap_or(""))
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0u8; 4];
    if let Some(slice) = bytes.get(at..at + 4) {
        word.copy_from_slice(slice);
    }
    u32::from_le_bytes(word)
}

fn feature_from_code(code: u8) -> FeatureKind {
    match code {
        0 => FeatureKind::Country,
        1 => FeatureKind::Admin1,
        2 => FeatureKind::Admin2,
        3 => FeatureKind::PopulatedPlace,
        4 => FeatureKind::Region,
        6 => FeatureKind::Water,
        _ => FeatureKind::Other,
    }
}

fn optional_id(raw: u32) -> Option<EntryId> {
    (raw != NO_ENTRY).then_some(raw)
}

impl Gazetteer {
    fn embedded() -> Gazetteer {
        Gazetteer {
            names: fst::Map::new(NAMES_FST).ok(),
            by_geonameid: OnceLock::new(),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        ENTRIES.len() / RECORD_LEN
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct folded names in the index.
    pub fn name_count(&self) -> usize {
        self.names.as_ref().map_or(0, |m| m.len())
    }

    /// Entries whose folded name or alternate name equals `folded`, strongest
    /// match kind first.
    pub fn lookup(&self, folded: &str) -> Vec<EntryId> {
        self.lookup_matches(folded)
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    /// Entries whose name (without a leading article) has the skeleton of
    /// `folded` (see [`crate::spelling::skeleton`]): towns of 5,000 people
    /// or more and admin areas. A weak match: the resolver accepts it only
    /// in the country the rest of the document establishes most.
    pub fn lookup_by_skeleton(&self, folded: &str) -> Vec<EntryId> {
        let bare = strip_arabic_article(folded).unwrap_or(folded);
        crate::spelling::skeleton(&crate::spelling::canonical_inner_articles(bare))
            .map(|key| self.postings(&key).into_iter().map(|m| m.id).collect())
            .unwrap_or_default()
    }

    /// Like [`Gazetteer::lookup`], with how each entry matched.
    ///
    /// The text's own spelling wins: entries indexed under it only as a
    /// spelling variant count when no entry has that exact spelling, and the
    /// variant form of the text ("maarrat an numan" → "maarat al numan") is
    /// tried only when its own spelling finds nothing and the name has
    /// several words.
    pub fn lookup_matches(&self, folded: &str) -> Vec<NameMatch> {
        let exact = self.postings(folded);
        if !exact.is_empty() {
            let spelled = exact.iter().any(|m| m.kind != MatchKind::SpellingVariant);
            let varied = exact.iter().any(|m| m.kind == MatchKind::SpellingVariant);
            // Most names: only spellings, and no article to strip.
            if spelled && !varied && strip_arabic_article(folded).is_none() {
                return exact;
            }
            if spelled {
                let (mut out, variants): (Vec<_>, Vec<_>) = exact
                    .into_iter()
                    .partition(|m| m.kind != MatchKind::SpellingVariant);
                self.add_district_seats(folded, &mut out, variants);
                return out;
            }
            return exact;
        }
        if !folded.contains(' ') {
            return Vec::new();
        }
        match spelling_variant(folded) {
            Cow::Owned(variant) => self
                .postings(&variant)
                .into_iter()
                .map(|m| NameMatch {
                    id: m.id,
                    kind: MatchKind::SpellingVariant,
                })
                .collect(),
            Cow::Borrowed(_) => Vec::new(),
        }
    }

    /// A district named after its seat ("Jisr al-Shughur" district, whose
    /// town GeoNames spells "Jisr ash Shughur"; "Al-Suqaylabiyah" district
    /// and the town "As Suqaylibiyah", also "Suqaylabiyah"): where the
    /// text's spelling finds only districts, the towns in their province
    /// that the name's variant or its article-less form finds are the same
    /// place, and join the matches (the resolver prefers the seat).
    fn add_district_seats(&self, folded: &str, out: &mut Vec<NameMatch>, variants: Vec<NameMatch>) {
        // Cheap tests first: this runs for every name looked up.
        let stripped = strip_arabic_article(folded);
        if variants.is_empty() && stripped.is_none() {
            return;
        }
        let is_district = |m: &NameMatch| {
            self.rank(m.id)
                .is_some_and(|(_, feature)| feature == FeatureKind::Admin2)
        };
        if !out.iter().all(is_district) {
            return;
        }
        let districts: Vec<(&str, Option<EntryId>)> = out
            .iter()
            .filter_map(|m| self.get(m.id))
            .map(|e| (e.country_code, e.admin1_id))
            .collect();
        let stripped = stripped.map(|rest| self.postings(rest)).unwrap_or_default();
        for m in variants.into_iter().chain(stripped) {
            let seat = self.get(m.id).is_some_and(|e| {
                e.feature == FeatureKind::PopulatedPlace
                    && districts.contains(&(e.country_code, e.admin1_id))
            });
            if seat && !out.iter().any(|o| o.id == m.id) {
                out.push(NameMatch {
                    id: m.id,
                    kind: MatchKind::SpellingVariant,
                });
            }
        }
    }

    /// Every posting stored under the key `folded`, as indexed.
    fn postings(&self, folded: &str) -> Vec<NameMatch> {
        let Some(range) = self.names.as_ref().and_then(|m| m.get(folded)) else {
            return Vec::new();
        };
        let offset = usize::try_from(range >> 32).unwrap_or(usize::MAX);
        let count = usize::try_from(range & u64::from(u32::MAX)).unwrap_or(0);
        (offset..offset.saturating_add(count))
            .map(|i| {
                let posting = read_u32(POSTINGS, i * 4);
                let kind = match posting >> 30 {
                    0 => MatchKind::Name,
                    1 => MatchKind::Alternate,
                    2 => MatchKind::ArticleStripped,
                    _ => MatchKind::SpellingVariant,
                };
                NameMatch {
                    id: posting & ID_MASK,
                    kind,
                }
            })
            .collect()
    }

    /// True if some indexed folded name starts with `folded_prefix` followed
    /// by a space ("deir" → "deir ez zor"), for greedy multi-token matching.
    pub fn has_longer(&self, folded_prefix: &str) -> bool {
        if self.continues(folded_prefix) {
            return true;
        }
        match spelling_variant(folded_prefix) {
            Cow::Owned(variant) => self.continues(&variant),
            Cow::Borrowed(_) => false,
        }
    }

    /// The test behind [`Gazetteer::has_longer`], for one spelling: a walk
    /// of the name automaton along the prefix and a space. In an automaton
    /// built from keys every state leads to a key, so reaching the state
    /// after the space means some key continues the prefix. A range query
    /// ([`Gazetteer::continues_by_range`], its test oracle) built two
    /// strings and a stream for every capitalised word the memo missed.
    fn continues(&self, folded_prefix: &str) -> bool {
        let Some(names) = &self.names else {
            return false;
        };
        let fst = names.as_fst();
        let mut node = fst.root();
        for &b in folded_prefix.as_bytes().iter().chain([b' '].iter()) {
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition_addr(i)),
                None => return false,
            }
        }
        true
    }

    /// [`Gazetteer::continues`] as a key range query.
    #[cfg(test)]
    fn continues_by_range(&self, folded_prefix: &str) -> bool {
        let mut lower = String::with_capacity(folded_prefix.len() + 1);
        lower.push_str(folded_prefix);
        lower.push(' ');
        // '!' is the byte after ' ', so [prefix + " ", prefix + "!") holds
        // exactly the keys that continue the prefix with a space.
        let mut upper = String::with_capacity(folded_prefix.len() + 1);
        upper.push_str(folded_prefix);
        upper.push('!');
        let Some(names) = &self.names else {
            return false;
        };
        use fst::{IntoStreamer, Streamer};
        let mut stream = names.range().ge(&lower).lt(&upper).into_stream();
        stream.next().is_some()
    }

    /// The entry `id`, or `None` if no entry has that id.
    pub fn get(&self, id: EntryId) -> Option<EntryRef<'_>> {
        let start = usize::try_from(id).ok()?.checked_mul(RECORD_LEN)?;
        let record = ENTRIES.get(start..start + RECORD_LEN)?;
        let admin1_id = optional_id(read_u32(record, 20));
        let admin2_id = optional_id(read_u32(record, 24));
        let feature = feature_from_code(record[30]);
        let geonameid = read_u32(record, 0);
        Some(EntryRef {
            id,
            name: self.name_of(id),
            lat: f64::from(f32::from_bits(read_u32(record, 4))),
            lon: f64::from(f32::from_bits(read_u32(record, 8))),
            country_code: std::str::from_utf8(&record[28..30])
                .map(str::trim)
                .unwrap_or(""),
            feature,
            population: u64::from(read_u32(record, 12)),
            admin1: match feature {
                FeatureKind::Admin1 => Some(self.name_of(id)),
                _ => admin1_id.map(|a| self.name_of(a)),
            },
            admin2: match feature {
                FeatureKind::Admin2 => Some(self.name_of(id)),
                _ => admin2_id.map(|a| self.name_of(a)),
            },
            admin1_id,
            admin2_id,
            geonameid: (geonameid != 0).then_some(geonameid),
            district_seat: record[31] & 1 != 0,
        })
    }

    /// The entry `id`.
    ///
    /// # Panics
    /// If `id` did not come from this gazetteer (like indexing a slice out of
    /// bounds); use [`Gazetteer::get`] for ids of unknown origin.
    pub fn entry(&self, id: EntryId) -> EntryRef<'_> {
        match self.get(id) {
            Some(entry) => entry,
            None => panic!("gazetteer entry id {id} out of range (len {})", self.len()),
        }
    }

    /// The entry as the data model's [`Place`], with the ACLED country name.
    /// Ids out of range give `None`.
    pub fn try_place(&self, id: EntryId) -> Option<Place> {
        let entry = self.get(id)?;
        let country = crate::countries::by_iso2(entry.country_code)
            .map(|c| c.name.to_string())
            .unwrap_or_default();
        Some(Place {
            geonameid: entry.geonameid,
            name: entry.name.to_string(),
            lat: entry.lat,
            lon: entry.lon,
            country_code: entry.country_code.to_string(),
            country,
            admin1: entry.admin1.map(String::from),
            admin2: entry.admin2.map(String::from),
            feature: entry.feature,
            population: entry.population,
        })
    }

    /// The entry as the data model's [`Place`], with the ACLED country name.
    ///
    /// # Panics
    /// If `id` did not come from this gazetteer, as [`Gazetteer::entry`].
    pub fn place(&self, id: EntryId) -> Place {
        match self.try_place(id) {
            Some(place) => place,
            None => panic!("gazetteer entry id {id} out of range (len {})", self.len()),
        }
    }

    /// The entry with this GeoNames id (places, admin areas and countries).
    /// The first call builds a hash index (tens of milliseconds).
    pub fn by_geonameid(&self, geonameid: u32) -> Option<EntryId> {
        self.by_geonameid
            .get_or_init(|| {
                (0..self.len())
                    .filter_map(|i| {
                        let id = EntryId::try_from(i).ok()?;
                        let gid = read_u32(ENTRIES, i * RECORD_LEN);
                        (gid != 0).then_some((gid, id))
                    })
                    .collect()
            })
            .get(&geonameid)
            .copied()
    }

    /// The country's own entry, by ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country_entry(&self, iso2: &str) -> Option<EntryId> {
        // Countries are the first entries, in the order of countries::all().
        let index = crate::countries::all()
            .iter()
            .position(|c| c.iso2.eq_ignore_ascii_case(iso2))?;
        let id = EntryId::try_from(index).ok()?;
        let entry = self.get(id)?;
        (entry.feature == FeatureKind::Country).then_some(id)
    }

    /// All entry ids of one feature kind, in id order (countries come first,
    /// then hand-listed regions, admin-1 and admin-2 areas, places, and the
    /// continents, which are regions too).
    pub fn ids_of(&self, feature: FeatureKind) -> impl Iterator<Item = EntryId> + '_ {
        (0..self.len()).filter_map(move |i| {
            let id = EntryId::try_from(i).ok()?;
            let code = *ENTRIES.get(i * RECORD_LEN + 30)?;
            (feature_from_code(code) == feature).then_some(id)
        })
    }

    fn name_of(&self, id: EntryId) -> &'static str {
        let index = usize::try_from(id).unwrap_or(usize::MAX);
        let start = usize::try_from(read_u32(ENTRIES, index * RECORD_LEN + 16)).unwrap_or(0);
        let end = if index + 1 < self.len() {
            usize::try_from(read_u32(ENTRIES, (index + 1) * RECORD_LEN + 16)).unwrap_or(0)
        } else {
            STRINGS.len()
        };
        strings().get(start..end).unwrap_or("")
    }

    /// An entry's population and feature class, read straight from its
    /// record: what ranking candidates needs, without resolving any names.
    pub fn rank(&self, id: EntryId) -> Option<(u64, FeatureKind)> {
        let start = usize::try_from(id).ok()?.checked_mul(RECORD_LEN)?;
        let record = ENTRIES.get(start..start + RECORD_LEN)?;
        Some((
            u64::from(read_u32(record, 12)),
            feature_from_code(record[30]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_text::normalize::fold;

    /// The best populated place for a spelling, as a resolver with no
    /// context would pick it: most populous among the hits.
    fn top_place(name: &str) -> Option<EntryRef<'static>> {
        let gaz = gazetteer();
        gaz.lookup(&fold(name))
            .into_iter()
            .map(|id| gaz.entry(id))
            .filter(|e| e.feature == FeatureKind::PopulatedPlace)
            .max_by_key(|e| e.population)
    }

    fn place_in(name: &str, country_code: &str) -> Option<EntryRef<'static>> {
        let gaz = gazetteer();
        gaz.lookup(&fold(name))
            .into_iter()
            .map(|id| gaz.entry(id))
            .filter(|e| e.feature == FeatureKind::PopulatedPlace && e.country_code == country_code)
            .max_by_key(|e| e.population)
    }

    #[test]
    fn news_spellings_resolve_to_the_same_geonames_place() {
        let cases: &[(&[&str], &str, u32)] = &[
            (
                &["Tal Afar", "Tall 'Afar", "Talafar", "Tall Afar"],
                "IQ",
                90393,
            ),
            (
                &["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"],
                "SY",
                170794,
            ),
            (&["Kharkiv", "Kharkov"], "UA", 706483),
            (&["Tadmur", "Palmyra"], "SY", 163808),
            (&["Baqubah", "Baquba", "Ba'qubah"], "IQ", 97990),
            (&["Maiduguri"], "NG", 2331447),
            (&["Baidoa", "Baydhabo"], "SO", 64536),
            (&["Idlib", "Idleb"], "SY", 169389),
            (&["Mosul", "Al Mawsil"], "IQ", 99072),
        ];
        for (spellings, country, geonameid) in cases {
            for spelling in *spellings {
                let hit = place_in(spelling, country);
                assert_eq!(
                    hit.and_then(|e| e.geonameid),
                    Some(*geonameid),
                    "{spelling}"
                );
            }
        }
    }

    #[test]
    fn the_most_populous_reading_of_an_unambiguous_name_is_right() {
        assert_eq!(top_place("Mosul").and_then(|e| e.geonameid), Some(99072));
        assert_eq!(top_place("Maiduguri").map(|e| e.country_code), Some("NG"));
    }

    #[test]
    fn places_carry_admin_names() {
        let mosul = place_in("Mosul", "IQ").map(|e| e.admin1);
        assert_eq!(mosul, Some(Some("Nineveh")));
        let maiduguri = place_in("Maiduguri", "NG").map(|e| e.admin1);
        assert_eq!(maiduguri, Some(Some("Borno")));
        let baidoa = place_in("Baidoa", "SO").map(|e| e.admin1);
        assert_eq!(baidoa, Some(Some("Bay")));
        let kharkiv = place_in("Kharkiv", "UA").and_then(|e| e.admin2);
        assert!(kharkiv.is_some());
    }

    #[test]
    fn place_has_acled_country_name() {
        let gaz = gazetteer();
        let id = place_in("Goma", "CD").map(|e| e.id);
        let place = id.map(|id| gaz.place(id));
        assert_eq!(
            place.as_ref().map(|p| p.country.as_str()),
            Some("Democratic Republic of Congo")
        );
        assert_eq!(
            place.as_ref().and_then(|p| p.admin1.as_deref()),
            Some("Nord-Kivu")
        );
    }

    #[test]
    fn admin_areas_and_countries_are_entries() {
        let gaz = gazetteer();
        let kinds = |name: &str| -> Vec<FeatureKind> {
            gaz.lookup(&fold(name))
                .into_iter()
                .map(|id| gaz.entry(id).feature)
                .collect()
        };
        assert!(kinds("Nineveh").contains(&FeatureKind::Admin1));
        assert!(kinds("Borno State").contains(&FeatureKind::Admin1));
        assert!(kinds("Syria").contains(&FeatureKind::Country));
        assert!(kinds("Democratic Republic of Congo").contains(&FeatureKind::Country));
        assert!(kinds("Darfur").contains(&FeatureKind::Region));
        assert!(kinds("Gaza Strip").contains(&FeatureKind::Region));
        let nineveh = gaz
            .lookup("nineveh")
            .into_iter()
            .map(|id| gaz.entry(id))
            .find(|e| e.feature == FeatureKind::Admin1);
        let nineveh = nineveh.map(|e| (e.country_code, (e.lat - 36.3).abs() < 1.5));
        assert_eq!(nineveh, Some(("IQ", true)));
    }

    #[test]
    fn continents_and_macro_regions_are_regions() {
        let gaz = gazetteer();
        for name in ["Africa", "Europe", "Middle East", "Horn of Africa", "Sahel"] {
            let hit = gaz
                .lookup(&fold(name))
                .into_iter()
                .map(|id| gaz.entry(id))
                .find(|e| e.feature == FeatureKind::Region);
            assert!(hit.is_some(), "{name}");
        }
        let red_sea = gaz.lookup("red sea").into_iter().map(|id| gaz.entry(id));
        assert!(red_sea.clone().any(|e| e.feature == FeatureKind::Water));
        let sahel = gaz.lookup("sahel").into_iter().map(|id| gaz.place(id));
        let sahel = sahel.into_iter().find(|p| p.feature == FeatureKind::Region);
        assert_eq!(
            sahel.map(|p| p.country),
            Some(String::new()),
            "spans countries"
        );
    }

    #[test]
    fn arabic_article_variants_are_weaker_matches() {
        let gaz = gazetteer();
        let al_bab = gaz
            .lookup_matches("al bab")
            .into_iter()
            .find(|m| gaz.entry(m.id).geonameid == Some(174018));
        assert!(matches!(
            al_bab.map(|m| m.kind),
            Some(MatchKind::Name | MatchKind::Alternate)
        ));
        // "Bab" is itself a GeoNames alternate of Al Bab; "Mawsil" is not.
        let mawsil = gaz
            .lookup_matches("mawsil")
            .into_iter()
            .find(|m| gaz.entry(m.id).geonameid == Some(99072));
        assert_eq!(mawsil.map(|m| m.kind), Some(MatchKind::ArticleStripped));
        assert_eq!(strip_arabic_article("al bab"), Some("bab"));
        assert_eq!(strip_arabic_article("el fasher"), Some("fasher"));
        assert_eq!(strip_arabic_article("al"), None);
        assert_eq!(strip_arabic_article("alep"), None);
    }

    #[test]
    fn has_longer_finds_multi_token_names() {
        let gaz = gazetteer();
        assert!(gaz.has_longer("deir"));
        assert!(gaz.has_longer("deir ez"));
        assert!(gaz.has_longer("deir ez zor"), "Deir ez-Zor Governorate");
        assert!(!gaz.has_longer("maiduguri"));
        assert!(!gaz.has_longer("zzqxj"));
    }

    #[test]
    fn the_automaton_walk_agrees_with_the_range_query() {
        let gaz = gazetteer();
        let mut prefixes: Vec<String> = ["", "deir", "deir ez", "al", "new", "zzqxj", "tal afar"]
            .into_iter()
            .map(String::from)
            .collect();
        // Every word-boundary prefix of a sample of real keys, and each
        // with its last character dropped (mid-word: no space follows).
        let Some(names) = &gaz.names else {
            panic!("the name automaton is built in");
        };
        let mut stream = names.keys();
        let mut n = 0;
        while let Some(key) = fst::Streamer::next(&mut stream) {
            n += 1;
            if n % 97 != 0 {
                continue;
            }
            let key = String::from_utf8_lossy(key).into_owned();
            for (i, _) in key.match_indices(' ') {
                prefixes.push(key[..i].to_string());
                let mut cut = key[..i].to_string();
                cut.pop();
                prefixes.push(cut);
            }
            prefixes.push(key);
        }
        assert!(prefixes.len() > 1000, "{} prefixes", prefixes.len());
        for p in &prefixes {
            assert_eq!(gaz.continues(p), gaz.continues_by_range(p), "{p:?}");
        }
    }

    #[test]
    fn lookups_miss_cleanly() {
        let gaz = gazetteer();
        assert!(gaz.lookup("").is_empty());
        assert!(gaz.lookup("qqqzzzxxx").is_empty());
        assert!(gaz.get(u32::MAX).is_none());
        assert!(gaz.try_place(u32::MAX).is_none());
    }

    #[test]
    fn geonameid_index_round_trips() {
        let gaz = gazetteer();
        let id = gaz.by_geonameid(99072);
        assert_eq!(id.map(|id| gaz.entry(id).name), Some("Mosul"));
        assert_eq!(gaz.by_geonameid(0), None);
    }

    #[test]
    fn entries_are_well_formed() {
        let gaz = gazetteer();
        assert!(gaz.len() > 280_000);
        for id in (0..gaz.len()).step_by(97) {
            let entry = gaz.entry(id as EntryId);
            assert!(!entry.name.is_empty(), "{entry:?}");
            assert!((-90.0..=90.0).contains(&entry.lat), "{entry:?}");
            assert!((-180.0..=180.0).contains(&entry.lon), "{entry:?}");
        }
    }
}
