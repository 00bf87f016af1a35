//! What the source map costs: times, on every `*.html.gz` page of a
//! directory, parsing and extraction alone (`Html::parse_document`,
//! `main_text`, `page_meta`) against `read_page` (the nesting scan, parsing,
//! extraction and the map), interleaved over several rounds so that a busy
//! machine slows both alike; and how much of the text the map covers.
//! Usage: cargo run --release -p sitrep-ingest --example source_map_cost -- DIR [ROUNDS]

use sitrep_ingest::html;
use std::io::Read;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: source_map_cost DIR [ROUNDS]")?;
    let rounds: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.to_string_lossy().ends_with(".html.gz") {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
            pages.push(html::decode(&bytes));
        }
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let (mut without, mut with) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let started = Instant::now();
        for page in &pages {
            let document = scraper::Html::parse_document(page);
            std::hint::black_box((html::main_text(&document), html::page_meta(&document)));
        }
        without = without.min(started.elapsed().as_secs_f64());
        let started = Instant::now();
        for page in &pages {
            std::hint::black_box(html::read_page(page));
        }
        with = with.min(started.elapsed().as_secs_f64());
    }
    let (mut text_bytes, mut mapped, mut segments) = (0, 0, 0);
    for page in &pages {
        let read = html::read_page(page);
        text_bytes += read.text.len();
        mapped += read.source_map.mapped_text_bytes();
        segments += read.source_map.len();
    }
    let n = pages.len() as f64;
    println!(
        "{} pages, {:.1} MB; best of {rounds} rounds, one thread",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!("parse + extract:        {:.0} pages/s", n / without);
    println!(
        "read_page (with map):   {:.0} pages/s ({:+.1}% time)",
        n / with,
        (with / without - 1.0) * 100.0
    );
    println!(
        "text mapped: {:.1}% of {} bytes, {segments} segments ({:.1} bytes of map per text byte)",
        mapped as f64 * 100.0 / text_bytes.max(1) as f64,
        text_bytes,
        (segments * 20) as f64 / text_bytes.max(1) as f64
    );
    Ok(())
}
