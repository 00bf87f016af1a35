//! [`NameIndex`] over the embedded gazetteer, plus the continents, oceans,
//! seas, large islands and world regions news names ("Europe", "the
//! Atlantic", "Java") wherever the gazetteer has no region of that name.

use crate::countries;
use crate::gazetteer::{gazetteer, Gazetteer};
use crate::index::{EntryId, EntryInfo, MemoryEntry, MemoryIndex, NameIndex};
use crate::lexicon::FastMap;
use sitrep_model::{FeatureKind, Place};
use sitrep_text::normalize::fold;
use std::sync::RwLock;

/// Ids at and above this are world regions, numbered from here.
const WORLD_REGION_BASE: EntryId = 1 << 31;

/// Continents, oceans and seas, and world regions: name, approximate centre
/// (GeoNames' continent and ocean centroids where it has one), alternates.
const WORLD_REGIONS: &[(&str, f64, f64, &[&str])] = &[
    ("Africa", 7.19, 21.09, &[]),
    ("Asia", 29.84, 89.30, &[]),
    ("Europe", 48.69, 9.14, &[]),
    ("North America", 46.07, -100.55, &[]),
    ("South America", -14.60, -57.66, &[]),
    ("Oceania", -18.31, 138.52, &["Australasia"]),
    ("Antarctica", -78.16, 16.41, &[]),
    ("Middle East", 29.3, 42.5, &["Mideast", "Near East"]),
    ("Latin America", -4.0, -62.0, &[]),
    ("Americas", 19.0, -90.0, &["the Americas"]),
    ("Central America", 12.8, -85.6, &[]),
    ("Caribbean", 15.0, -73.0, &["West Indies"]),
    (
        "Southeast Asia",
        8.0,
        110.0,
        &["South-East Asia", "South East Asia"],
    ),
    ("South Asia", 22.0, 79.0, &[]),
    ("East Asia", 35.0, 115.0, &[]),
    ("Central Asia", 43.0, 65.0, &[]),
    ("North Africa", 27.0, 14.0, &[]),
    ("West Africa", 12.0, -2.0, &[]),
    ("East Africa", 0.0, 37.0, &[]),
    ("Southern Africa", -24.0, 25.0, &[]),
    ("Central Africa", 3.0, 20.0, &[]),
    ("Horn of Africa", 8.0, 45.0, &[]),
    ("Sub-Saharan Africa", 2.0, 20.0, &[]),
    ("Western Europe", 48.0, 4.0, &[]),
    ("Eastern Europe", 50.0, 28.0, &[]),
    ("Balkans", 43.0, 21.0, &["Balkan Peninsula"]),
    ("Scandinavia", 63.0, 15.0, &[]),
    ("Caucasus", 42.0, 45.0, &[]),
    ("Atlantic", 10.0, -25.0, &["Atlantic Ocean"]),
    ("Pacific", 0.0, -160.0, &["Pacific Ocean"]),
    ("Indian Ocean", -10.0, 75.0, &[]),
    ("Arctic", 78.0, 0.0, &["Arctic Ocean"]),
    ("Mediterranean", 35.0, 18.0, &["Mediterranean Sea"]),
    ("Red Sea", 20.0, 38.5, &[]),
    ("Black Sea", 43.4, 34.0, &[]),
    ("Caspian Sea", 42.0, 50.5, &[]),
    ("Persian Gulf", 27.0, 51.0, &["Arabian Gulf"]),
    ("Gulf of Aden", 12.5, 48.0, &[]),
    ("South China Sea", 12.0, 114.0, &[]),
    ("Korean Peninsula", 37.5, 127.5, &[]),
    ("Arabian Peninsula", 23.0, 46.0, &[]),
    ("Baltic Sea", 58.0, 20.0, &[]),
    ("North Sea", 56.0, 3.0, &[]),
    ("Aegean Sea", 39.0, 25.0, &[]),
    ("Adriatic Sea", 43.0, 15.0, &[]),
    ("Arabian Sea", 15.0, 65.0, &[]),
    ("Caribbean Sea", 15.0, -75.0, &[]),
    ("Gulf of Mexico", 25.0, -90.0, &[]),
    ("Bay of Bengal", 15.0, 88.0, &[]),
    ("Sea of Japan", 40.0, 135.0, &["East Sea"]),
    ("East China Sea", 29.0, 125.0, &[]),
    // The most populous islands that are not countries or provinces.
    ("Java", -7.5, 110.0, &[]),
    ("Sumatra", 0.0, 102.0, &["Sumatera"]),
    ("Borneo", 1.0, 114.0, &[]),
    ("Sulawesi", -2.0, 121.0, &["Celebes"]),
    ("Luzon", 16.0, 121.0, &[]),
    ("Mindanao", 8.0, 125.0, &[]),
    ("Honshu", 36.0, 138.0, &[]),
    ("Sicily", 37.5, 14.0, &[]),
    ("Sardinia", 40.0, 9.0, &[]),
    ("Crete", 35.2, 24.9, &[]),
];

/// The embedded gazetteer with the world regions on top.
pub struct GazetteerIndex {
    gazetteer: &'static Gazetteer,
    world: MemoryIndex,
    /// Answers already given, shared by every document and thread: news
    /// names the same places over and over, and an fst walk costs far more
    /// than a hash probe (name lookups were a sixth of the analysis).
    lookups: Memo<Vec<EntryId>>,
    longer: Memo<bool>,
}

/// A bounded, thread-safe memo from folded names to answers. When full it
/// starts again empty: the common names come back within a few documents,
/// and memory stays bounded whatever the input.
struct Memo<V> {
    map: RwLock<FastMap<Box<str>, V>>,
}

/// Names kept per memo (about 10 MB at most for lookups).
const MEMO_CAPACITY: usize = 1 << 17;

impl<V: Clone> Memo<V> {
    fn new() -> Self {
        Memo {
            map: RwLock::new(FastMap::default()),
        }
    }

    fn get_or(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        if let Ok(map) = self.map.read() {
            if let Some(v) = map.get(key) {
                return v.clone();
            }
        }
        let value = compute();
        if let Ok(mut map) = self.map.write() {
            if map.len() >= MEMO_CAPACITY {
                map.clear();
            }
            map.insert(key.into(), value.clone());
        }
        value
    }
}

impl Default for GazetteerIndex {
    fn default() -> Self {
        GazetteerIndex::new()
    }
}

impl GazetteerIndex {
    pub fn new() -> Self {
        let gazetteer = gazetteer();
        // Only the names the gazetteer does not already give a region.
        let known_region = |name: &str| {
            gazetteer
                .lookup(&fold(name))
                .into_iter()
                .any(|id| gazetteer.entry(id).feature == FeatureKind::Region)
        };
        let mut world = MemoryIndex::new();
        for (name, lat, lon, alternates) in WORLD_REGIONS {
            let names: Vec<&str> = std::iter::once(*name)
                .chain(alternates.iter().copied())
                .filter(|n| !known_region(n))
                .collect();
            if names.is_empty() {
                continue;
            }
            world.add_under(
                MemoryEntry {
                    name: name.to_string(),
                    lat: *lat,
                    lon: *lon,
                    country_code: String::new(),
                    admin1: None,
                    feature: FeatureKind::Region,
                    // Enough to outrank a village of the same name.
                    population: 100_000_000,
                },
                &names,
            );
        }
        GazetteerIndex {
            gazetteer,
            world,
            lookups: Memo::new(),
            longer: Memo::new(),
        }
    }
}

impl NameIndex for GazetteerIndex {
    fn lookup(&self, folded: &str) -> Vec<EntryId> {
        self.lookups.get_or(folded, || {
            let mut ids = self.gazetteer.lookup(folded);
            ids.extend(
                self.world
                    .lookup(folded)
                    .into_iter()
                    .map(|id| id + WORLD_REGION_BASE),
            );
            ids
        })
    }

    fn lookup_by_skeleton(&self, folded: &str) -> Vec<EntryId> {
        self.gazetteer.lookup_by_skeleton(folded)
    }

    fn has_longer(&self, folded_prefix: &str) -> bool {
        self.longer.get_or(folded_prefix, || {
            self.gazetteer.has_longer(folded_prefix) || self.world.has_longer(folded_prefix)
        })
    }

    fn entry(&self, id: EntryId) -> EntryInfo<'_> {
        if id >= WORLD_REGION_BASE {
            return self.world.entry(id - WORLD_REGION_BASE);
        }
        let e = self.gazetteer.entry(id);
        EntryInfo {
            name: e.name,
            lat: e.lat,
            lon: e.lon,
            country_code: e.country_code,
            admin1: e.admin1,
            feature: e.feature,
            population: e.population,
            district_seat: e.district_seat,
        }
    }

    fn rank(&self, id: EntryId) -> (u64, FeatureKind) {
        if id >= WORLD_REGION_BASE {
            let e = self.world.entry(id - WORLD_REGION_BASE);
            return (e.population, e.feature);
        }
        self.gazetteer.rank(id).unwrap_or((0, FeatureKind::Other))
    }

    fn place(&self, id: EntryId) -> Place {
        if id >= WORLD_REGION_BASE {
            return self.world.place(id - WORLD_REGION_BASE);
        }
        self.gazetteer.place(id)
    }

    fn demonym_country(&self, folded: &str) -> Option<&str> {
        countries::by_demonym(folded).map(|c| c.iso2)
    }

    fn opens_longer_demonym(&self, first: &str) -> bool {
        countries::opens_longer_demonym(first)
    }

    fn country_entry(&self, iso2: &str) -> Option<EntryId> {
        let country = countries::by_iso2(iso2)?;
        self.gazetteer
            .lookup(&fold(country.name))
            .into_iter()
            .find(|&id| {
                let e = self.gazetteer.entry(id);
                e.feature == FeatureKind::Country && e.country_code == country.iso2
            })
    }
}
