//! Prints how long the embedded gazetteer takes to initialise and to answer
//! lookups: `cargo run --release -p sitrep-geo --example gazetteer_load`.

use std::time::Instant;

use sitrep_geo::gazetteer::gazetteer;
use sitrep_text::normalize::fold;

fn main() {
    let start = Instant::now();
    let gaz = gazetteer();
    let init = start.elapsed();
    let first = Instant::now();
    let hits = gaz.lookup("mosul").len();
    let first_lookup = first.elapsed();
    let start = Instant::now();
    let countries = sitrep_geo::countries::all().len();
    let countries_init = start.elapsed();

    let names = [
        "Tal Afar",
        "Deir ez-Zor",
        "Kharkiv",
        "Palmyra",
        "Baquba",
        "Maiduguri",
        "Baidoa",
        "Idlib",
        "Mosul",
        "Aleppo",
        "Springfield",
        "Lagos",
        "New York",
        "Gaza Strip",
    ];
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let rounds = 20_000;
    let start = Instant::now();
    let mut total = 0usize;
    for _ in 0..rounds {
        for f in &folded {
            total += gaz.lookup(f).len();
            total += usize::from(gaz.has_longer(f));
        }
    }
    let per_query = start.elapsed() / (rounds * names.len() as u32 * 2);
    let start = Instant::now();
    let _ = gaz.by_geonameid(99072);
    let geonameid_index = start.elapsed();

    println!("entries: {}, folded names: {}", gaz.len(), gaz.name_count());
    println!("gazetteer() init: {init:?}; first lookup (mosul, {hits} hits): {first_lookup:?}");
    println!("countries::all() init ({countries} countries): {countries_init:?}");
    println!("mean lookup/has_longer: {per_query:?} ({total} hits)");
    println!("by_geonameid index build: {geonameid_index:?}");
}
