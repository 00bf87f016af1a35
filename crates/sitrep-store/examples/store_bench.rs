//! Times the store alone: documents and their already-encoded events
//! written as `extract` writes them (batches of 512 in one transaction),
//! with no analysis in the way.
//!
//! ```sh
//! sitrep extract --no-store --format jsonl docs.jsonl > events.jsonl
//! cargo run --release -p sitrep-store --example store_bench -- docs.jsonl events.jsonl /tmp/bench.db
//! ```
//!
//! `docs.jsonl` is `{"id", "text"}` per line (the benchmark's text corpus);
//! `events.jsonl` the events `extract` coded from it.

use sitrep_model::{Document, Event};
use sitrep_store::{encode_events, DocumentExtras, Store};
use std::collections::HashMap;
use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [docs_path, events_path, db_path] = args.as_slice() else {
        eprintln!("usage: store_bench DOCS.jsonl EVENTS.jsonl DB");
        std::process::exit(2);
    };
    let mut events: HashMap<String, Vec<Event>> = HashMap::new();
    for line in std::io::BufReader::new(std::fs::File::open(events_path)?).lines() {
        let event: Event = serde_json::from_str(&line?)?;
        events.entry(event.doc_id.clone()).or_default().push(event);
    }
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(docs_path)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let doc_events = events.remove(&id).unwrap_or_default();
        let encoded = encode_events(&doc_events)?;
        docs.push((Document::new(id, text), doc_events, encoded));
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{db_path}{suffix}"));
    }
    let mut store = Store::open(std::path::Path::new(db_path))?;
    let run = store.begin_run("bench", &[])?;
    let extras = DocumentExtras::default();
    let n_events: usize = docs.iter().map(|d| d.1.len()).sum();
    let started = Instant::now();
    for (i, (doc, evs, enc)) in docs.iter().enumerate() {
        if i % 512 == 0 {
            store.commit_batch()?;
            store.begin_batch()?;
        }
        store.put_encoded(run, doc, evs, enc, &extras)?;
    }
    store.commit_batch()?;
    let secs = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(db_path)?.len();
    println!(
        "{} documents, {} events in {:.2} s: {:.0} documents/s, {:.1} us/event; database {:.0} MB",
        docs.len(),
        n_events,
        secs,
        docs.len() as f64 / secs,
        secs * 1e6 / n_events.max(1) as f64,
        size as f64 / 1e6
    );
    Ok(())
}
