//! Near-duplicate articles: the same wire story on forty sites, lightly
//! edited, must not become forty incidents.
//!
//! A document's [`Fingerprint`] is a MinHash signature of its word
//! 3-shingles (lower-cased alphanumeric words): [`HASHES`] minima, one per
//! bin of a single hash (one-permutation MinHash). The share of equal entries between two
//! signatures estimates the Jaccard similarity of the shingle sets; at or
//! above [`MIN_SIMILARITY`] two documents are near-duplicates. The index
//! finds candidates without comparing against every document: signatures
//! are cut into [`BANDS`] bands, and documents sharing a whole band are
//! compared (locality-sensitive hashing).
//!
//! MinHash rather than SimHash: with the few hundred shingles of a news
//! article, a handful of edits (a dateline, a copyright line) moved 64-bit
//! SimHash fingerprints by 6–9 bits, past any threshold that still keeps
//! different stories apart; the Jaccard estimate stays near 0.95.

use std::collections::HashMap;

/// Bins (minima) in a signature.
pub const HASHES: usize = 64;
/// LSH bands; `HASHES / BANDS` rows each. With 16 bands of 4 rows, a pair
/// with Jaccard 0.8 becomes a candidate with probability 1 - (1 - 0.8^4)^16
/// ≈ 0.9997.
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;

/// Estimated Jaccard similarity at or above which two documents are
/// near-duplicates.
pub const MIN_SIMILARITY: f64 = 0.8;

/// Fewer words than this give signatures too unstable to trust.
pub const MIN_WORDS: usize = 25;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(pub [u32; HASHES]);

/// Tag of stored fingerprints: the hashing scheme, so a signature made
/// another way is never compared with one made this way.
const SCHEME: [u8; 4] = *b"OPH1";

/// Whether stored fingerprint bytes were made by another scheme (an
/// earlier version): the document's text must be fingerprinted again for
/// it to be found as an original.
pub fn stale_fingerprint(bytes: &[u8]) -> bool {
    Fingerprint::from_bytes(bytes).is_none()
}

impl Fingerprint {
    /// Estimated Jaccard similarity of the two documents' shingle sets.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let equal = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / HASHES as f64
    }

    fn band_key(&self, band: usize) -> u64 {
        let rows = &self.0[band * ROWS..(band + 1) * ROWS];
        rows.iter().fold(band as u64, |acc, &r| {
            mix(acc.rotate_left(17) ^ u64::from(r))
        })
    }

    /// The scheme tag, then the bins as little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        SCHEME
            .iter()
            .copied()
            .chain(self.0.iter().flat_map(|v| v.to_le_bytes()))
            .collect()
    }

    /// A stored fingerprint, or None for bytes that are not one of this
    /// scheme (such as the untagged 64-function signatures earlier versions
    /// stored; see [`stale_fingerprint`]).
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        let bins = bytes.strip_prefix(SCHEME.as_slice())?;
        if bins.len() != HASHES * 4 {
            return None;
        }
        let mut values = [0u32; HASHES];
        for (v, chunk) in values.iter_mut().zip(bins.chunks_exact(4)) {
            *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Fingerprint(values))
    }
}

/// The fingerprint of `text`, or None for texts too short to fingerprint.
///
/// One-permutation MinHash: each shingle is hashed once; the hash's top six
/// bits pick one of the [`HASHES`] bins and its low 32 bits compete for
/// that bin's minimum. Equal bins estimate the Jaccard similarity as the
/// minima of 64 separate hash functions do, at a 64th of the hashing (that
/// loop was 3% of an extract run). Bins no shingle fell into borrow from the
/// next filled bin to their right, offset by the distance (rotation
/// densification), so both documents of a pair fill them alike.
pub fn fingerprint(text: &str) -> Option<Fingerprint> {
    let words = word_hashes(text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut minima = [EMPTY; HASHES];
    let mut filled = [false; HASHES];
    for shingle in words.windows(3) {
        let h = mix(shingle[0] ^ shingle[1].rotate_left(21) ^ shingle[2].rotate_left(42));
        let bin = (h >> (64 - BIN_BITS)) as usize;
        minima[bin] = minima[bin].min(h as u32);
        filled[bin] = true;
    }
    densify(&mut minima, &filled);
    Some(Fingerprint(minima))
}

/// log2 of [`HASHES`].
const BIN_BITS: u32 = HASHES.trailing_zeros();
const EMPTY: u32 = u32::MAX;

/// Fills empty bins from the nearest filled bin to the right (wrapping),
/// plus a per-step offset so a borrowed value never equals its donor's.
fn densify(minima: &mut [u32; HASHES], filled: &[bool; HASHES]) {
    let donors = *minima;
    for bin in 0..HASHES {
        if filled[bin] {
            continue;
        }
        let Some(distance) = (1..HASHES).find(|d| filled[(bin + d) % HASHES]) else {
            return; // nothing filled: nothing to borrow
        };
        let donor = donors[(bin + distance) % HASHES];
        minima[bin] = donor.wrapping_add((distance as u32).wrapping_mul(0x9e37_79b9));
    }
}

/// [`word_hash`] of every word of `text` (maximal runs of letters and
/// digits), hashed as the bytes go by: ASCII byte by byte, other characters
/// decoded. Splitting on a char predicate decoded every byte and was a
/// third of the fingerprint's cost. Stored fingerprints are compared with
/// new ones, so the values must be exactly [`word_hash`]'s (tested).
fn word_hashes(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut word: Option<u64> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word = Some(fnv_feed(word.unwrap_or(FNV_OFFSET), b.to_ascii_lowercase()));
            } else if let Some(h) = word.take() {
                out.push(h);
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let mut h = word.unwrap_or(FNV_OFFSET);
            for lower in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in lower.encode_utf8(&mut buf).as_bytes() {
                    h = fnv_feed(h, b);
                }
            }
            word = Some(h);
        } else if let Some(h) = word.take() {
            out.push(h);
        }
        i += c.len_utf8();
    }
    out.extend(word);
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_feed(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over the lower-cased word (ASCII bytes lower-cased directly, the
/// common case; other characters through Unicode lower-casing): what
/// [`word_hashes`] computes for each word, written out for the tests.
#[cfg(test)]
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        word.bytes()
            .for_each(|b| h = fnv_feed(h, b.to_ascii_lowercase()));
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            c.encode_utf8(&mut buf)
                .bytes()
                .for_each(|b| h = fnv_feed(h, b));
        }
    }
    h
}

/// A finaliser (splitmix64) so hashes spread over all bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fingerprints seen so far, with the id of the first document that had
/// each: later near-duplicates link to it.
#[derive(Default)]
pub struct NearDuplicateIndex {
    bands: Vec<HashMap<u64, Vec<u32>>>,
    entries: Vec<(Fingerprint, String)>,
}

/// The caveat an event of a near-duplicate document carries, naming the
/// document it copies.
pub fn caveat(original: &str) -> String {
    format!("near_duplicate_of:{original}")
}

impl NearDuplicateIndex {
    /// The index of documents stored earlier, from their ids and
    /// fingerprint bytes ([`Fingerprint::to_bytes`]); bytes that are not a
    /// fingerprint are skipped.
    pub fn from_stored(stored: impl IntoIterator<Item = (String, Vec<u8>)>) -> Self {
        let mut index = NearDuplicateIndex::new();
        for (doc_id, bytes) in stored {
            if let Some(fp) = Fingerprint::from_bytes(&bytes) {
                index.insert(fp, doc_id);
            }
        }
        index
    }

    pub fn new() -> Self {
        NearDuplicateIndex {
            bands: vec![HashMap::new(); BANDS],
            entries: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The earliest indexed document (other than `doc_id` itself) whose
    /// estimated similarity to `fp` is at least [`MIN_SIMILARITY`].
    pub fn find(&self, fp: &Fingerprint, doc_id: &str) -> Option<&str> {
        let mut best: Option<u32> = None;
        for (band, table) in self.bands.iter().enumerate() {
            let Some(candidates) = table.get(&fp.band_key(band)) else {
                continue;
            };
            for &i in candidates {
                let (other, id) = &self.entries[i as usize];
                if best.is_none_or(|b| i < b)
                    && id != doc_id
                    && other.similarity(fp) >= MIN_SIMILARITY
                {
                    best = Some(i);
                }
            }
        }
        best.map(|i| self.entries[i as usize].1.as_str())
    }

    pub fn insert(&mut self, fp: Fingerprint, doc_id: impl Into<String>) {
        let i = self.entries.len() as u32;
        for (band, table) in self.bands.iter_mut().enumerate() {
            table.entry(fp.band_key(band)).or_default().push(i);
        }
        self.entries.push((fp, doc_id.into()));
    }

    /// Links `doc_id` to an earlier near-duplicate, or indexes it as a new
    /// original. Returns the original's id for a duplicate.
    pub fn check_and_insert(&mut self, fp: Fingerprint, doc_id: &str) -> Option<String> {
        if let Some(original) = self.find(&fp, doc_id) {
            return Some(original.to_string());
        }
        self.insert(fp, doc_id);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story of ordinary length (syndicated copy is whole articles).
    const WIRE: &str = "MAIDUGURI, Nigeria (Reuters) - Boko Haram fighters attacked a military base in \
        Monguno in Borno state on Sunday night, killing nine soldiers, including two officers, the army \
        said on Monday. Troops repelled the assault after a two-hour gun battle, an army spokesman said, \
        adding that several insurgents were killed. Residents said the fighters arrived on motorcycles \
        and set fire to vehicles before withdrawing towards Lake Chad.\n\n\
        The attack was the third on a military position in the area this month. Monguno hosts tens of \
        thousands of people displaced by the insurgency, and aid agencies run several camps in the town. \
        A humanitarian worker, who asked not to be named because she was not authorised to speak to the \
        media, said gunfire could be heard for hours and that families fled into the bush.\n\n\
        Boko Haram and its offshoot, Islamic State West Africa Province, have killed tens of thousands of \
        people in north-east Nigeria since 2009 and forced more than two million from their homes. The \
        army says it has weakened the groups, but attacks on bases and convoys continue, and the rainy \
        season makes roads around Lake Chad hard to patrol.\n\n\
        The governor of Borno state condemned the attack and urged residents to cooperate with the security \
        forces. He said the state would help the families of the soldiers who died, and called on the \
        federal government to send more troops and equipment to the region before the planting season.";

    #[test]
    fn syndicated_copy_with_light_edits_is_a_near_duplicate() {
        let edited = WIRE
            .replace("(Reuters) - ", "— ")
            .replace("an army spokesman said", "a spokesman said")
            + " Copyright 2024 Daily Example.";
        let a = fingerprint(WIRE).unwrap();
        let b = fingerprint(&edited).unwrap();
        assert!(
            a.similarity(&b) >= MIN_SIMILARITY,
            "similarity {}",
            a.similarity(&b)
        );
        let mut index = NearDuplicateIndex::new();
        assert_eq!(index.check_and_insert(a, "reuters-1"), None);
        assert_eq!(
            index.check_and_insert(b, "daily-7").as_deref(),
            Some("reuters-1")
        );
    }

    #[test]
    fn a_different_story_about_the_same_place_is_not() {
        let other = "MAIDUGURI, Nigeria - Floods swept through parts of Maiduguri in Borno state on \
            Sunday night after days of heavy rain, destroying hundreds of homes and forcing thousands of \
            families to seek shelter in schools, emergency officials said on Monday. Aid agencies warned \
            of cholera outbreaks in camps for displaced people across the north-east.";
        let a = fingerprint(WIRE).unwrap();
        let b = fingerprint(other).unwrap();
        assert!(a.similarity(&b) < 0.2, "similarity {}", a.similarity(&b));
        let mut index = NearDuplicateIndex::new();
        index.insert(a, "wire");
        assert_eq!(index.find(&b, "floods"), None);
    }

    #[test]
    fn a_document_is_never_its_own_duplicate_and_short_texts_are_not_fingerprinted() {
        let fp = fingerprint(WIRE).unwrap();
        assert_eq!(Fingerprint::from_bytes(&fp.to_bytes()), Some(fp.clone()));
        let mut index = NearDuplicateIndex::new();
        index.insert(fp.clone(), "wire");
        assert_eq!(index.find(&fp, "wire"), None);
        // Rebuilt from what a store keeps: the same answers.
        let stored = NearDuplicateIndex::from_stored([
            ("wire".to_string(), fp.to_bytes()),
            ("junk".to_string(), vec![1, 2, 3]),
        ]);
        assert_eq!(stored.find(&fp, "copy"), Some("wire"));
        assert_eq!(fingerprint("Clashes in Gao killed three."), None);
    }

    #[test]
    fn fingerprints_of_another_scheme_are_stale_not_compared() {
        let fp = fingerprint(WIRE).unwrap();
        assert!(!stale_fingerprint(&fp.to_bytes()));
        // The untagged 64-function signature earlier versions stored.
        let old: Vec<u8> = fp.0.iter().flat_map(|v| v.to_le_bytes()).collect();
        assert!(stale_fingerprint(&old));
        assert_eq!(Fingerprint::from_bytes(&old), None);
        let index = NearDuplicateIndex::from_stored([("old".to_string(), old)]);
        assert!(index.is_empty());
    }

    #[test]
    fn short_texts_fill_every_bin_alike() {
        // 30 words: 28 shingles for 64 bins, most filled by densification.
        let short = "Gunmen attacked a police post in Dikwa on Sunday, killing two officers \
            and wounding three others before fleeing towards the border, a police \
            spokesman said in Maiduguri.";
        let a = fingerprint(short).unwrap();
        assert!(a.0.iter().all(|&v| v != EMPTY));
        assert_eq!(fingerprint(short), Some(a.clone()));
        let edited = short.replace("a police spokesman", "the police spokesman");
        let b = fingerprint(&edited).unwrap();
        assert!(a.similarity(&b) >= 0.6, "similarity {}", a.similarity(&b));
        let other = "Floods destroyed hundreds of homes in Maiduguri after days of heavy rain, \
            officials said, and aid agencies warned of cholera in the camps for displaced \
            families across the north-east of the country this week.";
        let c = fingerprint(other).unwrap();
        assert!(a.similarity(&c) < 0.2, "similarity {}", a.similarity(&c));
    }

    #[test]
    fn case_is_folded_for_ascii_and_other_scripts_alike() {
        assert_eq!(word_hash("ALEPPO"), word_hash("aleppo"));
        assert_eq!(word_hash("ÇATALCA"), word_hash("çatalca"));
        assert_ne!(word_hash("Idlib"), word_hash("Idleb"));
    }

    /// The signature's estimate follows the true Jaccard similarity of the
    /// shingle sets: the hash functions are independent enough.
    #[test]
    fn similarity_estimates_jaccard() {
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        for keep in [100usize, 200, 300, 360] {
            // Texts share words[..keep]; the rest differ.
            let a = words.join(" ");
            let b: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, w)| if i < keep { w.clone() } else { format!("x{i}") })
                .collect();
            let shingles = |ws: &[String]| -> std::collections::HashSet<String> {
                ws.windows(3).map(|w| w.join(" ")).collect()
            };
            let sa = shingles(&words);
            let sb = shingles(&b);
            let jaccard = sa.intersection(&sb).count() as f64 / sa.union(&sb).count() as f64;
            let estimate = fingerprint(&a)
                .unwrap()
                .similarity(&fingerprint(&b.join(" ")).unwrap());
            // 64 functions: standard error about 0.06.
            assert!(
                (estimate - jaccard).abs() < 0.2,
                "keep {keep}: estimate {estimate}, jaccard {jaccard}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn word_hashes_are_the_split_words_hashed(text in "[a-zA-Z0-9 ,.'\\-éÇİẞ—\u{a0}\u{660}\u{4e00}]{0,60}") {
            let split: Vec<u64> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(word_hash)
                .collect();
            proptest::prop_assert_eq!(word_hashes(&text), split);
        }

        #[test]
        fn index_agrees_with_brute_force(docs in proptest::collection::vec(proptest::collection::vec(0u8..12, 30..60), 1..12)) {
            // small vocabularies make many near-duplicates
            let texts: Vec<String> = docs.iter().map(|d| d.iter().map(|w| format!("w{w}")).collect::<Vec<_>>().join(" ")).collect();
            let fps: Vec<Fingerprint> = texts.iter().map(|t| fingerprint(t).unwrap()).collect();
            let mut index = NearDuplicateIndex::new();
            for (i, fp) in fps.iter().enumerate().skip(1) {
                index.insert(fp.clone(), format!("d{i}"));
            }
            let probe = &fps[0];
            let found = index.find(probe, "d0").map(str::to_string);
            if let Some(id) = &found {
                let i: usize = id[1..].parse().unwrap();
                proptest::prop_assert!(fps[i].similarity(probe) >= MIN_SIMILARITY);
            }
            // LSH may miss a pair only when no band matches; a pair this
            // similar shares a band with overwhelming probability.
            if fps.iter().skip(1).any(|fp| fp.similarity(probe) >= 0.95) {
                proptest::prop_assert!(found.is_some());
            }
        }
    }
}
