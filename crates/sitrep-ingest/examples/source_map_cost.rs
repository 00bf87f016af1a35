//! What the source map costs: times, on every `*.html.gz` page of a
//! directory, parsing and extraction alone (`Html::parse_document`,
//! `main_text`, `page_meta`) against `read_page` (the nesting scan, parsing,
//! extraction and the map), interleaved over several rounds so that a busy
//! machine slows both alike; how much of the text the map covers; and, for
//! every word and paragraph it locates, that the page there reads the same.
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
    let (mut words, mut words_located, mut paragraphs, mut paragraphs_located) = (0, 0, 0, 0);
    let mut mismatches = 0;
    for page in &pages {
        let read = html::read_page(page);
        text_bytes += read.text.len();
        mapped += read.source_map.mapped_text_bytes();
        segments += read.source_map.len();
        let base = read.text.as_ptr() as usize;
        let span = |s: &str| {
            let start = s.as_ptr() as usize - base;
            sitrep_model::Span::new(start, start + s.len())
        };
        let mut check = |text: &str| {
            let Some(source) = read.source_map.locate(span(text)) else {
                return false;
            };
            let slice = page.get(source.start..source.end).unwrap_or("\u{0}");
            if visible(slice) != squeeze(text) {
                mismatches += 1;
                eprintln!("MISMATCH {text:?} -> {slice:?}");
            }
            true
        };
        for word in read.text.split_whitespace() {
            words += 1;
            words_located += usize::from(check(word));
        }
        for paragraph in read.text.split("\n\n").filter(|p| !p.is_empty()) {
            paragraphs += 1;
            paragraphs_located += usize::from(check(paragraph));
        }
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
    println!(
        "located: {words_located} of {words} words ({:.2}%), {paragraphs_located} of {paragraphs} paragraphs ({:.2}%)",
        words_located as f64 * 100.0 / words.max(1) as f64,
        paragraphs_located as f64 * 100.0 / paragraphs.max(1) as f64
    );
    println!("located spans whose page text reads differently: {mismatches}");
    Ok(())
}

/// Non-space characters a reader sees in a stretch of page, parsed on its
/// own by html5ever (scripts and styles left out): the check that a
/// located span really holds the text.
fn visible(fragment: &str) -> String {
    let parsed = scraper::Html::parse_fragment(fragment);
    let mut out = String::new();
    for node in parsed.tree.nodes() {
        if let scraper::Node::Text(text) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !hidden {
                out.extend(text.chars().filter(|c| !c.is_whitespace()));
            }
        }
    }
    out
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
