//! The country a document's outlet reports on: "Libya Herald" → Libya,
//! "Vanguard (Lagos)" → Nigeria, "Radio Okapi" → Democratic Republic of
//! Congo. National outlets mostly cover their own country, so when the text
//! names no country at all this is the best remaining evidence of where the
//! event happened (and so of how to name "Protesters (X)").
//!
//! Names come from `data/actors/outlets.tsv` (outlets and dateline cities)
//! and from the country registry (country names, aliases, demonyms,
//! capitals). International outlets ("Agence France Presse", "Xinhua") block
//! the part of the source field they appear in.

use sitrep_geo::countries::{self, Country};
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::actors::{is_acronym, DictionaryError};
use crate::lexicon::{leftmost_longest_valid, word_ends_at, word_starts_at};

const OUTLETS_TSV: &str = include_str!("../../../data/actors/outlets.tsv");

/// What a name in the source field says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Says {
    /// An international outlet: no country from this part of the field.
    International,
    /// A national outlet or dateline city from the table (wins over a
    /// country word in the same part: "Sudans Post" is South Sudanese).
    Outlet(&'static Country),
    /// A country name, demonym or capital ("Zambian Watchdog").
    CountryWord(&'static Country),
}

struct Pattern {
    says: Says,
    case_sensitive: bool,
    text: String,
}

/// The outlet table and the country words, in one automaton.
pub struct OutletTable {
    patterns: Vec<Pattern>,
    automaton: crate::lexicon::Matcher,
}

impl OutletTable {
    /// Parses `outlets.tsv` (see `data/actors/README.md`).
    pub fn parse(tsv: &str) -> Result<Self, DictionaryError> {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut add = |patterns: &mut Vec<Pattern>, name: &str, says: Says| {
            let name = name.trim();
            let case_sensitive = is_acronym(name);
            let key = if case_sensitive {
                name.to_string()
            } else {
                name.to_lowercase()
            };
            if name.is_empty() || !seen.insert(key) {
                return;
            }
            patterns.push(Pattern {
                says,
                case_sensitive,
                text: name.to_string(),
            });
        };
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols = crate::actors::columns("outlets.tsv", i + 1, line, 2)?;
            let says = match cols[0].trim() {
                "-" => Says::International,
                name => Says::Outlet(countries::by_name(name).ok_or_else(|| {
                    DictionaryError::BadCountry {
                        file: "outlets.tsv",
                        line: i + 1,
                        country: name.to_string(),
                    }
                })?),
            };
            for name in cols[1].split('|') {
                add(&mut patterns, name, says);
            }
        }
        for country in countries::all() {
            let says = Says::CountryWord(country);
            let words = std::iter::once(country.name)
                .chain(country.aliases.iter().copied())
                .chain(country.demonyms.iter().copied())
                .chain(std::iter::once(country.capital));
            for word in words {
                add(&mut patterns, word, says);
            }
        }
        let automaton = crate::lexicon::build_automaton(patterns.iter().map(|p| p.text.as_str()))
            .map_err(|e| DictionaryError::Automaton(e.to_string()))?;
        Ok(OutletTable {
            patterns,
            automaton,
        })
    }

    /// What one `;`-separated part of a source field says, if anything.
    fn part_country(&self, part: &str) -> Option<&'static Country> {
        let mut outlet = None;
        let mut word = None;
        let found = leftmost_longest_valid(&self.automaton, part, |pattern, start, end| {
            let p = &self.patterns[pattern];
            let on_boundaries = word_starts_at(part, start) && word_ends_at(part, end);
            let as_written = !p.case_sensitive || part.get(start..end) == Some(p.text.as_str());
            (on_boundaries && as_written).then_some((end, p.says))
        });
        for (_, says) in found {
            match says {
                Says::International => return None,
                Says::Outlet(c) => outlet = outlet.or(Some(c)),
                Says::CountryWord(c) => word = word.or(Some(c)),
            }
        }
        outlet.or(word)
    }

    /// The country the outlet(s) in `source` report on: the first part of
    /// the field that names one ("Xinhua; Radio Dabanga" → Sudan).
    pub fn country(&self, source: &str) -> Option<&'static Country> {
        source
            .split([';', ','])
            .find_map(|part| self.part_country(part))
    }
}

/// The embedded table, parsed once. `None` only if the file is malformed,
/// which the tests rule out.
pub static OUTLETS: LazyLock<Option<OutletTable>> =
    LazyLock::new(|| OutletTable::parse(OUTLETS_TSV).ok());

/// The country `source` reports on, by the embedded table.
pub fn outlet_country(source: &str) -> Option<&'static Country> {
    OUTLETS.as_ref()?.country(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(source: &str) -> Option<&'static str> {
        outlet_country(source).map(|c| c.name)
    }

    #[test]
    fn embedded_table_parses() {
        if let Err(e) = OutletTable::parse(OUTLETS_TSV) {
            panic!("{e}");
        }
    }

    #[test]
    fn country_words_in_outlet_names() {
        assert_eq!(country("Libya Herald"), Some("Libya"));
        assert_eq!(country("Zambian Watchdog"), Some("Zambia"));
        assert_eq!(country("Daily Nation (Kenya)"), Some("Kenya"));
        assert_eq!(country("The Herald (South Africa)"), Some("South Africa"));
    }

    #[test]
    fn dateline_cities_and_capitals() {
        assert_eq!(country("Vanguard (Lagos)"), Some("Nigeria"));
        assert_eq!(country("The Herald (Harare)"), Some("Zimbabwe"));
        assert_eq!(
            country("Le Potentiel (Kinshasa)"),
            Some("Democratic Republic of Congo")
        );
    }

    #[test]
    fn national_outlets_from_the_table() {
        assert_eq!(country("Radio Okapi"), Some("Democratic Republic of Congo"));
        assert_eq!(country("Shabelle Media Network"), Some("Somalia"));
        assert_eq!(country("SOHR"), Some("Syria"));
        // The outlet's own entry wins over the country word inside it.
        assert_eq!(country("Sudan's Post"), Some("South Sudan"));
        assert_eq!(country("Sudan Tribune"), Some("Sudan"));
    }

    #[test]
    fn international_outlets_say_nothing() {
        assert_eq!(country("Agence France Presse"), None);
        assert_eq!(country("Radio France Internationale"), None);
        assert_eq!(country("Xinhua News Agency - French"), None);
        assert_eq!(country("Al Jazeera (Doha)"), None);
        assert_eq!(country("Reuters"), None);
    }

    #[test]
    fn first_part_that_names_a_country_wins() {
        assert_eq!(country("Xinhua; Radio Dabanga"), Some("Sudan"));
        assert_eq!(country("Airwars;SOHR"), Some("Syria"));
        assert_eq!(country("Libya Herald; Libya Observer"), Some("Libya"));
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert_eq!(country("sohr"), None);
        assert_eq!(country("Test Wire"), None);
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(matches!(
            OutletTable::parse("Atlantis\tAtlantis Daily\n"),
            Err(DictionaryError::BadCountry { .. })
        ));
        assert!(matches!(
            OutletTable::parse("Kenya\n"),
            Err(DictionaryError::Columns { .. })
        ));
    }
}
