//! Helpers for the end-to-end tests: run the real `sitrep` binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn sitrep(args: &[&str]) -> Output {
    sitrep_with_stdin(args, None)
}

pub fn sitrep_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn sitrep");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait for sitrep")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parses JSON Lines output.
pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write test input");
    path.display().to_string()
}

/// Checks that every filled field has evidence, and that every text
/// evidence span's character offsets select exactly its `text` in `doc_text`.
pub fn assert_evidence_is_exact(event: &serde_json::Value, doc_text: &str) {
    let chars: Vec<char> = doc_text.chars().collect();
    let evidence = event["evidence"].as_object().expect("evidence object");
    for field in sitrep_model::Fields::EVIDENCED {
        if !event[field].is_null() {
            assert!(
                evidence.contains_key(field),
                "field {field} = {} has no evidence in {event}",
                event[field]
            );
        }
    }
    for (field, ev) in evidence {
        if ev.get("origin").and_then(|o| o.as_str()) == Some("published") {
            continue;
        }
        let start = ev["start"]
            .as_u64()
            .unwrap_or_else(|| panic!("{field}: no start")) as usize;
        let end = ev["end"]
            .as_u64()
            .unwrap_or_else(|| panic!("{field}: no end")) as usize;
        assert!(
            start <= end && end <= chars.len(),
            "{field}: span {start}..{end} out of range"
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(
            slice,
            ev["text"].as_str().unwrap_or_default(),
            "{field}: evidence text does not match its span"
        );
    }
}
