//! The view of the gazetteer the geoparser needs, behind a trait so that
//! the recogniser and resolver can be tested with a small fake index.

use sitrep_model::{FeatureKind, Place};
use std::sync::Arc;

pub type EntryId = u32;

/// What the resolver reads about one gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntryInfo<'a> {
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country_code: &'a str,
    /// First-order admin area (name or code; compared only for equality).
    pub admin1: Option<&'a str>,
    pub feature: FeatureKind,
    pub population: u64,
    /// A town without a recorded population that shares its name with a
    /// district of its province (see [`crate::gazetteer::EntryRef`]).
    pub district_seat: bool,
}

pub trait NameIndex {
    /// Entries whose folded name (or alternate name) is exactly `folded`.
    fn lookup(&self, folded: &str) -> Vec<EntryId>;
    /// Whether some name continues `folded_prefix` with another word.
    fn has_longer(&self, folded_prefix: &str) -> bool;
    /// Entries whose name is spelled with other vowels ("Menbej" for
    /// "Manbij"); indexes without skeletons find none.
    fn lookup_by_skeleton(&self, _folded: &str) -> Vec<EntryId> {
        Vec::new()
    }
    fn entry(&self, id: EntryId) -> EntryInfo<'_>;
    /// Population and feature class of an entry: what ranking needs. Indexes
    /// that can read these without building the whole entry override it.
    fn rank(&self, id: EntryId) -> (u64, FeatureKind) {
        let e = self.entry(id);
        (e.population, e.feature)
    }
    fn place(&self, id: EntryId) -> Place;
    /// The country (ISO2) a folded demonym or adjective names ("syrian").
    fn demonym_country(&self, folded: &str) -> Option<&str>;
    /// Whether a folded word can open a demonym of two words ("south" of
    /// "South African"); a pair is looked up only then. Indexes that do not
    /// know say yes.
    fn opens_longer_demonym(&self, _first: &str) -> bool {
        true
    }
    /// The gazetteer entry of a country, by ISO2.
    fn country_entry(&self, iso2: &str) -> Option<EntryId>;
}

/// An index with no names: a geoparser over it finds nothing.
#[derive(Debug, Default)]
pub struct EmptyIndex;

impl NameIndex for EmptyIndex {
    fn lookup(&self, _folded: &str) -> Vec<EntryId> {
        Vec::new()
    }
    fn has_longer(&self, _folded_prefix: &str) -> bool {
        false
    }
    fn entry(&self, _id: EntryId) -> EntryInfo<'_> {
        EntryInfo {
            name: "",
            lat: 0.0,
            lon: 0.0,
            country_code: "",
            admin1: None,
            feature: FeatureKind::Other,
            population: 0,
            district_seat: false,
        }
    }
    fn place(&self, _id: EntryId) -> Place {
        Place {
            geonameid: None,
            name: String::new(),
            lat: 0.0,
            lon: 0.0,
            country_code: String::new(),
            country: String::new(),
            admin1: None,
            admin2: None,
            feature: FeatureKind::Other,
            population: 0,
        }
    }
    fn demonym_country(&self, _folded: &str) -> Option<&str> {
        None
    }
    fn country_entry(&self, _iso2: &str) -> Option<EntryId> {
        None
    }
}

/// An index the geoparser can share across threads.
pub type SharedIndex = Arc<dyn NameIndex + Send + Sync>;

/// The index `Geoparser::new` uses, shared by every geoparser.
pub fn default_index() -> SharedIndex {
    use std::sync::OnceLock;
    static SHARED: OnceLock<SharedIndex> = OnceLock::new();
    SHARED
        .get_or_init(|| Arc::new(crate::gazetteer_index::GazetteerIndex::new()))
        .clone()
}

/// A small in-memory index: for tests, examples and custom gazetteers.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    entries: Vec<MemoryEntry>,
    names: std::collections::HashMap<String, Vec<EntryId>>,
    prefixes: std::collections::HashSet<String>,
    demonyms: std::collections::HashMap<String, String>,
    countries: std::collections::HashMap<String, EntryId>,
}

#[derive(Debug, Clone)]
pub struct MemoryEntry {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country_code: String,
    pub admin1: Option<String>,
    pub feature: FeatureKind,
    pub population: u64,
}

impl MemoryIndex {
    pub fn new() -> Self {
        MemoryIndex::default()
    }

    /// Adds an entry under its name and alternate names (folded here).
    pub fn add(&mut self, entry: MemoryEntry, alternates: &[&str]) -> EntryId {
        let mut names: Vec<&str> = alternates.to_vec();
        let name = entry.name.clone();
        names.push(&name);
        self.add_under(entry, &names)
    }

    /// Adds an entry findable under exactly `names` (folded here).
    pub fn add_under(&mut self, entry: MemoryEntry, names: &[&str]) -> EntryId {
        let id = self.entries.len() as EntryId;
        let mut names: Vec<String> = names
            .iter()
            .map(|a| sitrep_text::normalize::fold(a))
            .collect();
        names.sort();
        names.dedup();
        for name in names {
            let words: Vec<&str> = name.split(' ').collect();
            for n in 1..words.len() {
                self.prefixes.insert(words[..n].join(" "));
            }
            self.names.entry(name).or_default().push(id);
        }
        if entry.feature == FeatureKind::Country {
            self.countries.insert(entry.country_code.clone(), id);
        }
        self.entries.push(entry);
        id
    }

    pub fn add_demonym(&mut self, word: &str, iso2: &str) {
        self.demonyms
            .insert(sitrep_text::normalize::fold(word), iso2.to_string());
    }
}

impl NameIndex for MemoryIndex {
    fn lookup(&self, folded: &str) -> Vec<EntryId> {
        self.names.get(folded).cloned().unwrap_or_default()
    }
    fn has_longer(&self, folded_prefix: &str) -> bool {
        self.prefixes.contains(folded_prefix)
    }
    fn entry(&self, id: EntryId) -> EntryInfo<'_> {
        match self.entries.get(id as usize) {
            Some(e) => EntryInfo {
                name: &e.name,
                lat: e.lat,
                lon: e.lon,
                country_code: &e.country_code,
                admin1: e.admin1.as_deref(),
                feature: e.feature,
                population: e.population,
                district_seat: false,
            },
            None => EmptyIndex.entry(id),
        }
    }
    fn place(&self, id: EntryId) -> Place {
        let Some(e) = self.entries.get(id as usize) else {
            return EmptyIndex.place(id);
        };
        let country = self
            .countries
            .get(&e.country_code)
            .and_then(|&c| self.entries.get(c as usize))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| e.country_code.clone());
        Place {
            geonameid: None,
            name: e.name.clone(),
            lat: e.lat,
            lon: e.lon,
            country_code: e.country_code.clone(),
            country,
            admin1: e.admin1.clone(),
            admin2: None,
            feature: e.feature,
            population: e.population,
        }
    }
    fn demonym_country(&self, folded: &str) -> Option<&str> {
        self.demonyms.get(folded).map(String::as_str)
    }
    fn country_entry(&self, iso2: &str) -> Option<EntryId> {
        self.countries.get(iso2).copied()
    }
}
