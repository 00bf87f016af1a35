//! Throughput and eyeballing tool for the text stage.
//!
//! `cargo run --release -p sitrep-text --example text_bench -- bench FILE.jsonl [ROUNDS]`
//! times each function over the `text` fields of a JSON Lines file and prints MB/s.
//! `... -- dump FILE.jsonl` prints every quantity and date found, per document;
//! `... -- sentences FILE.jsonl` prints one sentence per line.
use chrono::NaiveDate;
use sitrep_model::Span;
use sitrep_text::{dates, numbers, sentences};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = match (args.get(1), args.get(2)) {
        (Some(m), Some(p)) => (m.as_str(), p.as_str()),
        _ => return Err("usage: text_bench bench|dump|sentences FILE.jsonl [ROUNDS]".into()),
    };
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(20);
    let docs = load(path)?;
    match mode {
        "bench" => bench(&docs, rounds),
        "dump" => dump(&docs),
        "sentences" => {
            for (i, d) in docs.iter().enumerate() {
                for s in sentences::split_sentences(&d.text) {
                    let piece = d.text.get(s.start..s.end).unwrap_or("");
                    println!("{i}\t{}", piece.replace('\n', "\\n"));
                }
            }
        }
        _ => return Err(format!("unknown mode {mode}").into()),
    }
    Ok(())
}

struct Doc {
    text: String,
    published: Option<NaiveDate>,
}

fn load(path: &str) -> Result<Vec<Doc>, Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        let published = v["published"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        docs.push(Doc { text, published });
    }
    Ok(docs)
}

fn bench(docs: &[Doc], rounds: usize) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let anchor = NaiveDate::from_ymd_opt(2019, 10, 24);
    let mut sink = 0usize;
    let mut time = |name: &str, f: &dyn Fn(&Doc) -> usize| {
        let start = Instant::now();
        for _ in 0..rounds {
            for d in docs {
                sink += f(d);
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "{name:<22} {:>8.1} MB/s  {:>9.0} docs/s  ({} docs, {:.2} MB x {rounds})",
            mb / secs,
            (docs.len() * rounds) as f64 / secs,
            docs.len(),
            bytes as f64 / 1e6
        );
    };
    let whole = |d: &Doc| Span::new(0, d.text.len());
    time("split_sentences", &|d| {
        sentences::split_sentences(&d.text).len()
    });
    time("find_quantities", &|d| {
        numbers::find_quantities(&d.text, whole(d)).len()
    });
    time("find_dates", &|d| {
        dates::find_dates(&d.text, whole(d), d.published.or(anchor)).len()
    });
    time("quantities_and_dates", &|d| {
        let (q, m) = sitrep_text::quantities_and_dates(&d.text, whole(d), d.published.or(anchor));
        q.len() + m.len()
    });
    println!("(checksum {sink})");
}

fn dump(docs: &[Doc]) {
    for (i, d) in docs.iter().enumerate() {
        let whole = Span::new(0, d.text.len());
        let slice = |s: Span| d.text.get(s.start..s.end).unwrap_or("");
        for q in numbers::find_quantities(&d.text, whole) {
            let after = d.text.get(q.span.end..).unwrap_or("");
            let after: String = after.chars().take(20).collect();
            println!(
                "{i}\tQ\t{}\t{}\t{:?}\t{:?}\t|{}",
                slice(q.span),
                q.value,
                q.high,
                q.hedge,
                after.replace('\n', " ")
            );
        }
        for m in dates::find_dates(
            &d.text,
            whole,
            d.published.or(NaiveDate::from_ymd_opt(2018, 3, 15)),
        ) {
            println!("{i}\tD\t{}\t{:?}", slice(m.span), m);
        }
    }
}
