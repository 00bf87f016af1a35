//! `sitrep demo`: the whole pipeline over the example articles compiled into
//! the binary, stored in the database, printed as a table.

use crate::batch::Summary;
use anyhow::{Context, Result};
use sitrep_ingest::{read_bytes, IngestOptions};
use sitrep_model::Event;
use sitrep_pipeline::Pipeline;
use sitrep_store::Store;
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

pub fn run(db: &Path) -> Result<Summary> {
    let pipeline = Pipeline::new();
    let mut store =
        Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let names: Vec<String> = EXAMPLES.iter().map(|(n, _)| n.to_string()).collect();
    let run_id = store.begin_run("demo", &names)?;
    let mut summary = Summary::default();
    let mut all_events = Vec::new();
    for (name, bytes) in EXAMPLES {
        for item in read_bytes(name, bytes, &IngestOptions::default()) {
            match item {
                Ok(doc) => {
                    let analysis = pipeline.analyse(&doc);
                    store.put_document(run_id, &doc, &analysis.events)?;
                    summary.documents += 1;
                    summary.events += analysis.events.len();
                    all_events.extend(analysis.events);
                }
                Err(failure) => {
                    summary.failures += 1;
                    eprintln!("sitrep: {failure}");
                }
            }
        }
    }
    store.finish_run(run_id, summary.documents, summary.events, summary.failures)?;
    all_events.sort_by(|a, b| {
        a.event_date
            .cmp(&b.event_date)
            .then_with(|| a.event_id.cmp(&b.event_id))
    });
    print!("{}", table(&all_events));
    println!(
        "\n{} articles, {} events, stored in {}",
        summary.documents,
        summary.events,
        db.display()
    );
    Ok(summary)
}

/// A fixed-width table of the events, one line each.
pub fn table(events: &[Event]) -> String {
    let headers = [
        "date",
        "type / sub-type",
        "actor1",
        "actor2",
        "location",
        "deaths",
    ];
    let rows: Vec<[String; 6]> = events
        .iter()
        .map(|e| {
            [
                e.event_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "?".into()),
                match (e.event_type, e.sub_event_type) {
                    (Some(t), Some(s)) => format!("{t} / {s}"),
                    (Some(t), None) => t.to_string(),
                    _ => "?".into(),
                },
                e.actor1.clone().unwrap_or_default(),
                e.actor2.clone().unwrap_or_default(),
                match (&e.location, &e.country) {
                    (Some(l), Some(c)) => format!("{l}, {c}"),
                    (Some(l), None) => l.clone(),
                    (None, Some(c)) => c.clone(),
                    _ => String::new(),
                },
                e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    const MAX: usize = 44;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count().min(MAX));
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (cell, w) in cells.iter().zip(&widths) {
            let mut c: String = cell.chars().take(*w).collect();
            if cell.chars().count() > *w {
                c.pop();
                c.push('…');
            }
            s.push_str(&format!("{c:<w$}  ", w = *w));
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&headers.map(String::from));
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}
