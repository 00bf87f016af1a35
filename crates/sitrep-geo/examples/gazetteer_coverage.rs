//! Gazetteer coverage on geoparsing gold (GeoWebNews / GeoVirus JSON Lines):
//! for each gold toponym, whether its folded text is indexed, and whether some
//! entry under that name lies within 161 km of the gold point (the usual
//! "accuracy@161km" ceiling a resolver could reach with this gazetteer).
//!
//! Event gold (`data/events/*.jsonl`) works too: its `gold.location`,
//! `gold.latitude` and `gold.longitude` stand in for one toponym per event.
//!
//! `cargo run --release -p sitrep-geo --example gazetteer_coverage -- FILE.jsonl...`

use std::collections::BTreeMap;
use std::io::BufRead;

use sitrep_geo::gazetteer::{gazetteer, strip_arabic_article};
use sitrep_text::normalize::fold;

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

/// (surface text, lat, lon) of each gold toponym in a document.
fn toponyms_of(doc: &serde_json::Value, text: &[char]) -> Vec<(String, f64, f64)> {
    if let Some(gold) = doc.get("gold") {
        // UCDP writes "Aleppo town", "Maar Tahroma/Maarat Hurmah village".
        let location = gold["location"].as_str().unwrap_or("");
        let location = location.split('/').next().unwrap_or("").trim();
        let location = [
            "town",
            "village",
            "city",
            "suburb",
            "area",
            "hill",
            "mountain",
            "camp",
            "district",
            "neighbourhood",
            "region",
        ]
        .iter()
        .find_map(|w| location.strip_suffix(w).map(str::trim))
        .unwrap_or(location);
        return match (gold["latitude"].as_f64(), gold["longitude"].as_f64()) {
            (Some(lat), Some(lon)) if !location.is_empty() => {
                vec![(location.to_string(), lat, lon)]
            }
            _ => Vec::new(),
        };
    }
    let mut out = Vec::new();
    for t in doc["toponyms"].as_array().into_iter().flatten() {
        let kind = t["type"].as_str().unwrap_or("Literal");
        if matches!(kind, "Demonym" | "Homonym" | "Non_Toponym") {
            continue;
        }
        let (Some(s), Some(e)) = (t["start"].as_u64(), t["end"].as_u64()) else {
            continue;
        };
        let (Some(lat), Some(lon)) = (t["lat"].as_f64(), t["lon"].as_f64()) else {
            continue;
        };
        let surface: String = text
            .get(s as usize..e as usize)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        out.push((surface, lat, lon));
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gaz = gazetteer();
    for path in std::env::args().skip(1) {
        let (mut total, mut indexed, mut near) = (0usize, 0usize, 0usize);
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        let mut far: BTreeMap<String, usize> = BTreeMap::new();
        for line in std::io::BufReader::new(std::fs::File::open(&path)?).lines() {
            let doc: serde_json::Value = serde_json::from_str(&line?)?;
            let text: Vec<char> = doc["text"].as_str().unwrap_or("").chars().collect();
            let toponyms = toponyms_of(&doc, &text);
            for (surface, lat, lon) in toponyms {
                let mut folded = fold(&surface);
                if let Some(rest) = folded.strip_prefix("the ") {
                    folded = rest.to_string();
                }
                total += 1;
                let mut hits = gaz.lookup(&folded);
                if hits.is_empty() {
                    if let Some(rest) = strip_arabic_article(&folded) {
                        hits = gaz.lookup(rest);
                    }
                }
                if hits.is_empty() {
                    *missing.entry(surface).or_default() += 1;
                    continue;
                }
                indexed += 1;
                let best = hits
                    .iter()
                    .map(|&id| {
                        let e = gaz.entry(id);
                        km(lat, lon, e.lat, e.lon)
                    })
                    .fold(f64::INFINITY, f64::min);
                if best <= 161.0 {
                    near += 1;
                } else {
                    *far.entry(surface).or_default() += 1;
                }
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
        println!(
            "{path}: {total} toponyms, indexed {indexed} ({:.1}%), some entry within 161 km {near} ({:.1}%)",
            pct(indexed),
            pct(near)
        );
        let mut top: Vec<_> = missing.into_iter().collect();
        top.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        let shown: Vec<String> = top
            .iter()
            .take(40)
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        println!("  most frequent missing: {}", shown.join(", "));
        let mut top: Vec<_> = far.into_iter().collect();
        top.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        let shown: Vec<String> = top
            .iter()
            .take(25)
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        println!("  most frequent far: {}", shown.join(", "));
    }
    Ok(())
}
