//! Runs the leader-loss patterns over a JSON Lines file of documents
//! (`{"id", "text", "published"?}` a line) and prints what they find.
//!
//! ```sh
//! cargo run -p sitrep-state --example leaders_jsonl -- docs.jsonl
//! ```

use sitrep_model::Document;
use sitrep_state::leader_losses;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: leaders_jsonl FILE")?;
    let text = std::fs::read_to_string(path)?;
    let (mut docs, mut found) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let mut doc = Document::new(
            v["id"].as_str().unwrap_or_default(),
            v["text"].as_str().unwrap_or_default(),
        );
        doc.published = v["published"].as_str().and_then(|d| d.parse().ok());
        docs += 1;
        for loss in leader_losses(&doc, &[]) {
            found += 1;
            println!(
                "{}\t{:?}\t{}\t{}\t{:?}\t{}",
                doc.id,
                loss.outcome,
                loss.leader,
                loss.role,
                loss.group,
                loss.evidence
                    .get("sentence")
                    .map_or("", |e| e.text.as_str())
            );
        }
    }
    eprintln!("{docs} documents, {found} leader losses");
    Ok(())
}
