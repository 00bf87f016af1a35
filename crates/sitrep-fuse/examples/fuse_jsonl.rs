//! Fuses a JSON Lines file of sitrep events and prints counts and speed.
//!
//! ```sh
//! cargo run --release -p sitrep-fuse --example fuse_jsonl -- events.jsonl [--json] [--repeat N]
//! ```
//! `--json` prints every fused event as one JSON line instead of the counts.
//! `--min-score X`, `--slack DAYS` and `--two-towns F` override those settings.
//! `--repeat N` feeds the file N times, each copy shifted by 400 days with
//! fresh ids (a scaling check: the time per report should stay flat).

use sitrep_fuse::{Decision, FuseConfig, Fuser};
use sitrep_model::Event;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: fuse_jsonl FILE [--json] [--repeat N]")?;
    let json = args.iter().any(|a| a == "--json");
    let repeat: i64 = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(1);
    let flag = |name: &str| -> Option<f64> {
        let i = args.iter().position(|a| a == name)?;
        args.get(i + 1)?.parse().ok()
    };
    let mut config = FuseConfig::default();
    if let Some(v) = flag("--min-score") {
        config.min_score = v;
    }
    if let Some(v) = flag("--slack") {
        config.date_slack_days = v as i64;
    }
    if let Some(v) = flag("--two-towns") {
        config.two_towns_factor = v;
    }
    let text = std::fs::read_to_string(path)?;
    let mut events = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        events.push(serde_json::from_str::<Event>(line)?);
    }
    let mut all = Vec::with_capacity(events.len() * repeat as usize);
    for copy in 0..repeat {
        for e in &events {
            let mut e = e.clone();
            if copy > 0 {
                e.event_id = format!("{}~{copy}", e.event_id);
                e.doc_id = format!("{}~{copy}", e.doc_id);
                e.event_date = e.event_date.map(|d| d + chrono::Duration::days(400 * copy));
            }
            all.push(e);
        }
    }
    let n = all.len();
    let start = Instant::now();
    let mut fuser = Fuser::new(config);
    let mut joined = 0;
    for e in all {
        if matches!(fuser.add(e), Decision::Joined { .. }) {
            joined += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    if json {
        for f in fuser.fused_events() {
            println!("{}", serde_json::to_string(&f)?);
        }
        return Ok(());
    }
    let clusters = fuser.clusters();
    let merged_pairs: usize = clusters.iter().map(|c| c.len() * (c.len() - 1) / 2).sum();
    let in_multi: usize = clusters.iter().filter(|c| c.len() > 1).map(Vec::len).sum();
    println!(
        "reports {n}  fused events {}  joins {joined}  merged pairs {merged_pairs}  reports in multi-report clusters {in_multi}",
        clusters.len()
    );
    println!("{:.0} reports/s ({secs:.3} s)", n as f64 / secs.max(1e-9));
    Ok(())
}
