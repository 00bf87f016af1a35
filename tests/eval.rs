//! End-to-end tests of `sitrep eval geo` and `sitrep eval events` on small
//! gold files written here (our own sentences, real places): the scores,
//! `--json`, and the `--errors` dump for error analysis.

mod common;
use common::*;

/// Two documents: one toponym found and resolved, one toponym ("Zorgland")
/// no gazetteer has, and one place the gold leaves out (Mosul).
fn geo_gold() -> String {
    let a = "Heavy rain flooded Nairobi on Monday.";
    let b = "Officials in Zorgland said the convoy had left Mosul.";
    let nairobi = a.find("Nairobi").unwrap();
    let zorgland = b.find("Zorgland").unwrap();
    jsonl_text(&[
        serde_json::json!({"id": "g-1", "text": a, "toponyms": [
            {"start": nairobi, "end": nairobi + 7, "phrase": "Nairobi", "lat": -1.283, "lon": 36.817}
        ]}),
        serde_json::json!({"id": "g-2", "text": b, "toponyms": [
            {"start": zorgland, "end": zorgland + 8, "phrase": "Zorgland", "lat": 10.0, "lon": 10.0}
        ]}),
    ])
}

/// Gold records, one a line.
fn jsonl_text(records: &[serde_json::Value]) -> String {
    records.iter().map(|v| v.to_string() + "\n").collect()
}

/// The `--errors` file: its text (for failure messages) and its rows.
fn read_jsonl(path: &std::path::Path) -> (String, Vec<serde_json::Value>) {
    let dump = std::fs::read_to_string(path).expect("errors file");
    let rows = dump
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (dump, rows)
}

#[test]
fn eval_geo_scores_and_writes_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(dir.path(), "geo.jsonl", geo_gold().as_bytes());
    let errors = dir.path().join("errors.jsonl");
    let out = sitrep(&[
        "eval",
        "geo",
        &gold,
        "--json",
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    assert_eq!(report["documents"], 2);
    assert_eq!(report["gold_toponyms"], 2);
    assert_eq!(report["recall"], 0.5, "{report}");
    assert_eq!(report["accuracy_161km"], 1.0, "{report}");
    // The dump goes to the file, not into the report.
    assert!(report.get("errors").is_none(), "{report}");
    let (dump, rows) = read_jsonl(&errors);
    assert!(
        rows.iter()
            .any(|r| r["kind"] == "missed" && r["text"] == "Zorgland"),
        "{dump}"
    );
    assert!(
        rows.iter()
            .any(|r| r["kind"] == "spurious" && r["text"] == "Mosul"),
        "{dump}"
    );
}

#[test]
fn eval_events_scores_and_writes_the_documents_that_missed() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        // Right on every measure the gold states.
        serde_json::json!({"id": "e-2", "published": "2019-05-15",
            "text": "Gunmen killed six villagers in an attack on Kadagi village near Bama in Borno state on Tuesday.",
            "gold": {"event_date": "2019-05-14", "event_type": "Violence against civilians",
                     "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Nigeria)",
                     "country": "Nigeria", "latitude": 11.52, "longitude": 13.69, "fatalities": 6}}),
        // The gold says five died; the text says three.
        serde_json::json!({"id": "e-3", "published": "2019-05-15",
            "text": "Police shot dead three protesters in Kano on Tuesday.",
            "gold": {"event_date": "2019-05-14", "event_type": "Protests",
                     "actor1": "Police Forces of Nigeria", "country": "Nigeria",
                     "latitude": 12.0, "longitude": 8.52, "fatalities": 5}}),
    ];
    let gold = write(dir.path(), "events.jsonl", jsonl_text(&lines).as_bytes());
    let errors = dir.path().join("misses.jsonl");
    let out = sitrep(&[
        "eval",
        "events",
        &gold,
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("all (2 documents)"), "{table}");
    assert!(table.contains("fatalities"), "{table}");
    let (dump, rows) = read_jsonl(&errors);
    let miss = rows
        .iter()
        .find(|r| r["doc_id"] == "e-3")
        .unwrap_or_else(|| panic!("e-3 should have missed on fatalities: {dump}"));
    assert_eq!(miss["gold_fatalities"], "5");
    assert_eq!(miss["predicted_fatalities"], 3);
    assert!(
        miss["failed"]
            .as_array()
            .is_some_and(|f| f.iter().any(|x| x == "fatalities")),
        "{miss}"
    );
    assert!(
        rows.iter().all(|r| r["doc_id"] != "e-2"),
        "e-2 is right and should not be listed: {dump}"
    );
}

#[test]
fn eval_on_a_missing_gold_file_is_a_clear_error() {
    let out = sitrep(&["eval", "geo", "/nonexistent/gold.jsonl"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("/nonexistent/gold.jsonl"),
        "{}",
        stderr(&out)
    );
}
