//! Commands over the database: export, fuse, control, runs, diff. Each
//! opens an existing database (read commands never create one). Also the
//! near-duplicate index of stored documents, which `extract` and `watch`
//! both load.

use crate::EventFormat;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::Path;

/// `sitrep export`: stored events through the same writers as `extract`.
pub fn export(
    db: &Path,
    format: EventFormat,
    out: Option<&Path>,
    filter: sitrep_store::EventFilter,
) -> Result<()> {
    let store = open_existing(db)?;
    let events = store.query_events(&filter)?;
    let mut writer =
        sitrep_export::EventWriter::new(format.into(), crate::event_sink(format, out)?)?;
    writer.write(&events)?;
    Ok(writer.finish()?)
}

/// The near-duplicate index of every stored document, in the order they
/// were stored. Fingerprints an earlier version made under another scheme
/// are made again from the stored text and saved (once per database), so
/// its documents are still found as originals.
pub fn near_duplicate_index(
    store: &sitrep_store::Store,
) -> Result<sitrep_dedup::NearDuplicateIndex> {
    let mut stored = store.fingerprints()?;
    let stale: Vec<usize> = (0..stored.len())
        .filter(|&i| sitrep_dedup::stale_fingerprint(&stored[i].1))
        .collect();
    if !stale.is_empty() {
        store.begin_batch()?;
        for &i in &stale {
            let doc_id = &stored[i].0;
            let text = store.document_text(doc_id)?.unwrap_or_default();
            let fresh = sitrep_dedup::fingerprint(&text).map(|fp| fp.to_bytes());
            store
                .set_fingerprint(doc_id, fresh.as_deref())
                .with_context(|| format!("refreshing the fingerprint of {doc_id}"))?;
            stored[i].1 = fresh.unwrap_or_default();
        }
        store.commit_batch()?;
    }
    Ok(sitrep_dedup::NearDuplicateIndex::from_stored(stored))
}

/// Opens a database that must already exist (read commands never create one).
pub fn open_existing(db: &Path) -> Result<sitrep_store::Store> {
    if !db.exists() {
        anyhow::bail!(
            "no database at {} (run `sitrep extract` or `sitrep demo` first)",
            db.display()
        );
    }
    sitrep_store::Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// `sitrep control`: one JSON line per answer, each change with its event
/// and evidence.
pub fn control(
    db: &Path,
    place: Option<&str>,
    on: Option<NaiveDate>,
    between: Option<(NaiveDate, NaiveDate)>,
) -> Result<()> {
    use sitrep_model::SubEventType as S;
    let store = open_existing(db)?;
    let territorial = [
        S::GovernmentRegainsTerritory,
        S::NonStateActorOvertakesTerritory,
        S::NonViolentTransferOfTerritory,
    ]
    .map(S::as_str);
    let events = store.events_with_sub_types(&territorial)?;
    let ledger = sitrep_state::TerritoryLedger::from_events(&events);
    let timelines: Vec<&sitrep_state::PlaceTimeline> = match place {
        Some(name) => ledger.places_named(name),
        None => ledger.places.values().collect(),
    };
    let print = |v: serde_json::Value| println!("{v}");
    if let Some((from, to)) = between {
        for (timeline, change) in ledger.changes_between(from, to) {
            if timelines.iter().any(|t| t.key == timeline.key) {
                print(
                    serde_json::json!({"location": timeline.location, "country": timeline.country, "change": change}),
                );
            }
        }
    } else if let Some(date) = on {
        for t in &timelines {
            let held = ledger.who_held(&t.key, date);
            print(
                serde_json::json!({"location": t.location, "country": t.country, "on": date, "held_by": held.map(|c| &c.controller), "since": held}),
            );
        }
    } else {
        for t in &timelines {
            print(serde_json::to_value(t)?);
        }
    }
    Ok(())
}

/// `sitrep fuse`: fused events as JSON Lines, most-reported first.
pub fn fuse(db: &Path, filter: sitrep_store::EventFilter) -> Result<()> {
    use std::io::Write;
    let store = open_existing(db)?;
    let events = store.query_events(&filter)?;
    let mut fused = sitrep_fuse::fuse_all(events, sitrep_fuse::FuseConfig::default());
    fused.sort_by(|a, b| {
        b.source_count
            .cmp(&a.source_count)
            .then_with(|| a.fused_id.cmp(&b.fused_id))
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for f in &fused {
        serde_json::to_writer(&mut out, f)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// `sitrep runs`: one line per recorded run.
pub fn runs(db: &Path) -> Result<()> {
    let store = open_existing(db)?;
    println!(
        "{:>4}  {:<20}  {:<8}  {:<7}  {:>9}  {:>7}  {:>7}  inputs",
        "run", "started", "version", "command", "documents", "events", "failed"
    );
    for r in store.runs()? {
        println!(
            "{:>4}  {:<20}  {:<8}  {:<7}  {:>9}  {:>7}  {:>7}  {}",
            r.run_id,
            r.started_at,
            r.version,
            r.command,
            r.documents,
            r.events,
            r.failures,
            r.inputs
        );
    }
    Ok(())
}

/// `sitrep diff A B`: events added, removed and changed between two runs.
pub fn diff(db: &Path, run_a: i64, run_b: i64, json: bool) -> Result<()> {
    let store = open_existing(db)?;
    let known: Vec<i64> = store.runs()?.iter().map(|r| r.run_id).collect();
    for run in [run_a, run_b] {
        if !known.contains(&run) {
            anyhow::bail!("no run {run} in {} (see `sitrep runs`)", db.display());
        }
    }
    let diff = store.diff_runs(run_a, run_b)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&diff)?);
        return Ok(());
    }
    println!(
        "run {run_a} -> run {run_b}: {} documents in both ({} only in {run_a}, {} only in {run_b})",
        diff.documents_in_both, diff.documents_only_in_a, diff.documents_only_in_b
    );
    println!(
        "events: {} added, {} removed, {} changed, {} unchanged",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len(),
        diff.unchanged
    );
    for (label, ids) in [
        ("+", &diff.added),
        ("-", &diff.removed),
        ("~", &diff.changed),
    ] {
        for id in ids {
            println!("{label} {id}");
        }
    }
    Ok(())
}
