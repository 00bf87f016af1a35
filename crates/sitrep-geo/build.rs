//! Compiles the committed gazetteer (`data/gazetteer/`) into the tables that
//! `src/gazetteer.rs` embeds with `include_bytes!`:
//!
//! - `gazetteer_names.fst`: an `fst::Map` from folded name to a postings range
//!   (`offset << 32 | count`);
//! - `gazetteer_postings.bin`: little-endian `u32`s, each an entry id with the
//!   match kind in the top two bits (0 preferred name, 1 alternate name,
//!   2 alternate with a leading Arabic article stripped, 3 spelling variant:
//!   a name of several words indexed once more with doubled consonants
//!   single and inner Arabic articles written "al", or
//!   the consonant skeleton of an admin area's or a town's name under a key
//!   that starts with `\u{1}`; see `src/spelling.rs`);
//! - `gazetteer_entries.bin`: one 32-byte record per entry (layout in
//!   [`write_entry`]), ids in file order: countries, hand-listed regions,
//!   admin-1 areas, admin-2 areas, populated places, continents;
//! - `gazetteer_strings.bin`: the entries' display names back to back; entry
//!   `i`'s name ends where entry `i + 1`'s starts.
//!
//! Folding must be byte-for-byte the one the geoparser applies to text, so the
//! build script compiles `sitrep-text`'s own `normalize.rs` (it depends only on
//! `unicode-normalization`) instead of keeping a copy that could drift.

use std::borrow::Cow;
use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../sitrep-text/src/normalize.rs"]
mod normalize;

use normalize::fold;

#[allow(dead_code)]
#[path = "src/spelling.rs"]
mod spelling;

use spelling::{canonical_inner_articles, skeleton, spelling_variant, strip_arabic_article};

/// Towns at least this big are also indexed under their skeleton (see
/// `spelling::skeleton`); admin areas always are. Smaller places are too
/// many to tell apart by consonants.
const SKELETON_MIN_POPULATION: u32 = 5_000;

/// Towns this size or larger also get the ta marbuta variant of their
/// alternate names.
const TA_MARBUTA_ALTERNATES_POPULATION: u32 = 50_000;

/// Countries whose place names are transliterated from Arabic, by ISO code.
const ARABIC_SPEAKING: &[[u8; 2]] = &[
    *b"AE", *b"BH", *b"DZ", *b"EG", *b"IQ", *b"JO", *b"KW", *b"LB", *b"LY", *b"MA", *b"MR", *b"OM",
    *b"PS", *b"QA", *b"SA", *b"SD", *b"SY", *b"TN", *b"YE",
];

const KIND_NAME: u32 = 0;
const KIND_ALTERNATE: u32 = 1;
const KIND_ARTICLE_STRIPPED: u32 = 2;
const KIND_SPELLING_VARIANT: u32 = 3;

const FEATURE_COUNTRY: u8 = 0;
const FEATURE_ADMIN1: u8 = 1;
const FEATURE_ADMIN2: u8 = 2;
const FEATURE_PLACE: u8 = 3;
const FEATURE_REGION: u8 = 4;
const FEATURE_OTHER: u8 = 5;
const FEATURE_WATER: u8 = 6;

const NO_ENTRY: u32 = u32::MAX;

struct Entry {
    geonameid: u32,
    name: String,
    alternates: Vec<String>,
    lat: f32,
    lon: f32,
    country_code: [u8; 2],
    feature: u8,
    population: u32,
    admin1: u32,
    admin2: u32,
    /// A town without a recorded population that shares its name with a
    /// district of its province: the district's seat (see [`mark_seats`]).
    district_seat: bool,
}

type BuildResult<T> = Result<T, Box<dyn Error>>;

fn main() -> BuildResult<()> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let data_dir = manifest_dir.join("../../data/gazetteer");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    for file in [
        "countries.tsv",
        "regions.tsv",
        "extra_aliases.tsv",
        "entries.tsv.gz",
    ] {
        println!("cargo:rerun-if-changed={}", data_dir.join(file).display());
    }
    println!(
        "cargo:rerun-if-changed={}",
        manifest_dir
            .join("../sitrep-text/src/normalize.rs")
            .display()
    );
    println!("cargo:rerun-if-changed=src/spelling.rs");
    println!("cargo:rerun-if-changed=build.rs");

    let mut entries = read_countries(&data_dir.join("countries.tsv"))?;
    entries.extend(read_regions(&data_dir.join("regions.tsv"))?);
    let first_geonames_row = u32::try_from(entries.len())?;
    entries.extend(read_geonames_entries(
        &data_dir.join("entries.tsv.gz"),
        first_geonames_row,
    )?);
    add_extra_aliases(&data_dir.join("extra_aliases.tsv"), &mut entries)?;
    mark_seats(&mut entries);

    write_tables(&entries, &out_dir)?;
    Ok(())
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| (n + 1, line.split('\t').collect()))
}

fn country_code(code: &str) -> [u8; 2] {
    match code.as_bytes() {
        [a, b] => [*a, *b],
        _ => *b"  ",
    }
}

fn split_names(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// `iso2 iso3 name lat lon capital geonameid population demonyms aliases isonumeric`
fn read_countries(path: &Path) -> BuildResult<Vec<Entry>> {
    let text = fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (line_no, cols) in data_lines(&text) {
        if cols.len() != 11 {
            return Err(format!("{}:{line_no}: expected 11 columns", path.display()).into());
        }
        out.push(Entry {
            geonameid: cols[6].parse()?,
            name: cols[2].to_string(),
            alternates: split_names(cols[9]),
            lat: cols[3].parse()?,
            lon: cols[4].parse()?,
            country_code: country_code(cols[0]),
            feature: FEATURE_COUNTRY,
            population: saturate(cols[7].parse::<u64>()?),
            admin1: NO_ENTRY,
            admin2: NO_ENTRY,
            district_seat: false,
        });
    }
    Ok(out)
}

/// `name country lat lon feature alternates note` (hand-written)
fn read_regions(path: &Path) -> BuildResult<Vec<Entry>> {
    let text = fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (line_no, cols) in data_lines(&text) {
        if cols.len() < 6 {
            return Err(
                format!("{}:{line_no}: expected at least 6 columns", path.display()).into(),
            );
        }
        let feature = match cols[4] {
            "region" => FEATURE_REGION,
            "other" => FEATURE_OTHER,
            "water" => FEATURE_WATER,
            other => {
                return Err(
                    format!("{}:{line_no}: unknown feature {other:?}", path.display()).into(),
                )
            }
        };
        out.push(Entry {
            geonameid: 0,
            name: cols[0].to_string(),
            alternates: split_names(cols[5]),
            lat: cols[2].parse()?,
            lon: cols[3].parse()?,
            country_code: country_code(cols[1]),
            feature,
            population: 0,
            admin1: NO_ENTRY,
            admin2: NO_ENTRY,
            district_seat: false,
        });
    }
    Ok(out)
}

/// `kind geonameid country lat lon population admin1_row admin2_row name alternates`,
/// written by scripts/build_gazetteer.py; admin rows count from the file's first data line.
fn read_geonames_entries(path: &Path, first_id: u32) -> BuildResult<Vec<Entry>> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_string(&mut text)?;
    let row_ref = |field: &str| -> BuildResult<u32> {
        if field.is_empty() {
            Ok(NO_ENTRY)
        } else {
            Ok(first_id + field.parse::<u32>()?)
        }
    };
    let mut out = Vec::new();
    for (line_no, cols) in data_lines(&text) {
        if cols.len() != 10 {
            return Err(format!("{}:{line_no}: expected 10 columns", path.display()).into());
        }
        let feature = match cols[0] {
            "A1" => FEATURE_ADMIN1,
            "A2" => FEATURE_ADMIN2,
            "P" => FEATURE_PLACE,
            "R" => FEATURE_REGION,
            other => {
                return Err(format!("{}:{line_no}: unknown kind {other:?}", path.display()).into())
            }
        };
        out.push(Entry {
            geonameid: cols[1].parse()?,
            name: cols[8].to_string(),
            alternates: split_names(cols[9]),
            lat: cols[3].parse()?,
            lon: cols[4].parse()?,
            country_code: country_code(cols[2]),
            feature,
            population: saturate(cols[5].parse::<u64>()?),
            admin1: row_ref(cols[6])?,
            admin2: row_ref(cols[7])?,
            district_seat: false,
        });
    }
    Ok(out)
}

/// `geonameid alias note` (hand-written): spellings common in news that
/// GeoNames lacks.
fn add_extra_aliases(path: &Path, entries: &mut [Entry]) -> BuildResult<()> {
    let text = fs::read_to_string(path)?;
    let by_geonameid: HashMap<u32, usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.geonameid != 0)
        .map(|(i, e)| (e.geonameid, i))
        .collect();
    for (line_no, cols) in data_lines(&text) {
        if cols.len() < 2 {
            return Err(
                format!("{}:{line_no}: expected geonameid and alias", path.display()).into(),
            );
        }
        let id: u32 = cols[0].parse()?;
        let Some(&index) = by_geonameid.get(&id) else {
            return Err(format!("{}:{line_no}: unknown geonameid {id}", path.display()).into());
        };
        entries[index].alternates.push(cols[1].to_string());
    }
    Ok(())
}

/// Marks the towns GeoNames lists without a population that share their
/// name with a district of their province ("Ariha" in Ariha district,
/// "Ras al Ayn" beside Ras al-Ayn district): districts are named after
/// their seats, so these are towns, not the hamlets an unknown population
/// usually means. The resolver ranks them as towns of some size
/// (`SEAT_POPULATION` in `src/gazetteer.rs`); the population itself stays 0.
fn mark_seats(entries: &mut [Entry]) {
    let district_name = |name: &str| {
        let folded = fold(name);
        match folded.strip_suffix(" district") {
            Some(stem) => stem.to_string(),
            None => folded,
        }
    };
    let districts: std::collections::HashSet<([u8; 2], u32, String)> = entries
        .iter()
        .filter(|e| e.feature == FEATURE_ADMIN2)
        .map(|e| (e.country_code, e.admin1, district_name(&e.name)))
        .collect();
    for e in entries.iter_mut() {
        if e.feature == FEATURE_PLACE && e.population == 0 && e.admin1 != NO_ENTRY {
            e.district_seat = districts.contains(&(e.country_code, e.admin1, fold(&e.name)));
        }
    }
}

fn saturate(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn write_tables(entries: &[Entry], out_dir: &Path) -> BuildResult<()> {
    // (folded name, posting) pairs; a posting is id | kind << 30.
    let mut keyed: Vec<(String, u32)> = Vec::with_capacity(entries.len() * 3);
    for (id, entry) in entries.iter().enumerate() {
        let id = u32::try_from(id)?;
        if id >= 1 << 30 {
            return Err("too many gazetteer entries for 30-bit ids".into());
        }
        let names = std::iter::once((&entry.name, KIND_NAME))
            .chain(entry.alternates.iter().map(|a| (a, KIND_ALTERNATE)));
        let skeletal = match entry.feature {
            FEATURE_ADMIN1 | FEATURE_ADMIN2 => true,
            FEATURE_PLACE => entry.population >= SKELETON_MIN_POPULATION,
            _ => false,
        };
        for (name, kind) in names {
            let folded = fold(name);
            if folded.is_empty() {
                continue;
            }
            if skeletal {
                let bare = strip_arabic_article(&folded).unwrap_or(&folded);
                if let Some(key) = skeleton(&canonical_inner_articles(bare)) {
                    keyed.push((key, id | KIND_SPELLING_VARIANT << 30));
                }
            }
            if let Some(rest) = strip_arabic_article(&folded) {
                keyed.push((rest.to_string(), id | KIND_ARTICLE_STRIPPED << 30));
            }
            // Arabic names end in a ta marbuta that English copy writes or
            // not: GeoNames' "Shabwah", the news's "Shabwa". Indexed as an
            // alternate name, not a spelling variant: the text's spelling
            // is as much this name as any namesake's ("Sha Bwa" in Myanmar
            // is also "Shabwa"), and context decides between them.
            // Provinces, and towns of some size (districts share their
            // names with their seats); alternate names only for towns of
            // 50,000 or more ("Al Tabaqah" for Tabqa), whose namesakes matter
            // less: a small town's alternates hold rarer transliterations
            // (Nefta's "Naftah" would be NAFTA).
            let ta_marbuta = entry.feature == FEATURE_ADMIN1
                || (entry.feature == FEATURE_PLACE
                    && (entry.population >= TA_MARBUTA_ALTERNATES_POPULATION
                        || (kind == KIND_NAME && entry.population >= SKELETON_MIN_POPULATION)));
            if ta_marbuta && ARABIC_SPEAKING.contains(&entry.country_code) {
                if let Some(bare) = folded.strip_suffix("ah").filter(|b| b.len() >= 3) {
                    let variant = format!("{bare}a");
                    if let Some(rest) = strip_arabic_article(&variant) {
                        keyed.push((rest.to_string(), id | KIND_ARTICLE_STRIPPED << 30));
                    }
                    keyed.push((variant, id | KIND_ALTERNATE << 30));
                }
            }
            // Only names of several words: single words with a consonant
            // more or less are too often given names and surnames ("Colin",
            // "Collin County").
            if folded.contains(' ') {
                if let Cow::Owned(variant) = spelling_variant(&folded) {
                    if let Some(rest) = strip_arabic_article(&variant) {
                        keyed.push((rest.to_string(), id | KIND_SPELLING_VARIANT << 30));
                    }
                    keyed.push((variant, id | KIND_SPELLING_VARIANT << 30));
                }
            }
            keyed.push((folded, id | kind << 30));
        }
    }
    // Sorting by (key, posting) puts the strongest kind of each id first.
    keyed.sort_unstable();

    let mut builder = fst::MapBuilder::memory();
    let mut postings: Vec<u8> = Vec::new();
    let mut start = 0;
    while start < keyed.len() {
        let key = &keyed[start].0;
        let mut end = start;
        let mut ids: Vec<u32> = Vec::new();
        while end < keyed.len() && &keyed[end].0 == key {
            ids.push(keyed[end].1);
            end += 1;
        }
        // Keep one posting per id, the strongest; order by kind, then id.
        ids.sort_unstable_by_key(|p| (p & ((1 << 30) - 1), p >> 30));
        ids.dedup_by_key(|p| *p & ((1 << 30) - 1));
        ids.sort_unstable_by_key(|p| (p >> 30, p & ((1 << 30) - 1)));
        let offset = u64::try_from(postings.len() / 4)?;
        let count = u64::try_from(ids.len())?;
        for p in &ids {
            postings.extend_from_slice(&p.to_le_bytes());
        }
        builder.insert(key.as_bytes(), offset << 32 | count)?;
        start = end;
    }
    fs::write(out_dir.join("gazetteer_names.fst"), builder.into_inner()?)?;
    fs::write(out_dir.join("gazetteer_postings.bin"), &postings)?;

    let mut table = Vec::with_capacity(entries.len() * 32);
    let mut strings = String::new();
    for entry in entries {
        write_entry(&mut table, entry, u32::try_from(strings.len())?);
        strings.push_str(&entry.name);
    }
    fs::write(out_dir.join("gazetteer_entries.bin"), &table)?;
    fs::write(out_dir.join("gazetteer_strings.bin"), strings.as_bytes())?;
    Ok(())
}

/// Record layout, little-endian, 32 bytes:
/// `geonameid u32 | lat f32 | lon f32 | population u32 | name offset u32 |
/// admin1 id u32 | admin2 id u32 | country code [u8; 2] | feature u8 |
/// flags u8` (bit 0: a district seat without a recorded population).
fn write_entry(table: &mut Vec<u8>, entry: &Entry, name_offset: u32) {
    table.extend_from_slice(&entry.geonameid.to_le_bytes());
    table.extend_from_slice(&entry.lat.to_le_bytes());
    table.extend_from_slice(&entry.lon.to_le_bytes());
    table.extend_from_slice(&entry.population.to_le_bytes());
    table.extend_from_slice(&name_offset.to_le_bytes());
    table.extend_from_slice(&entry.admin1.to_le_bytes());
    table.extend_from_slice(&entry.admin2.to_le_bytes());
    table.extend_from_slice(&entry.country_code);
    table.push(entry.feature);
    table.push(u8::from(entry.district_seat));
}
