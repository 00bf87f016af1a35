//! Extracts the main text of every `*.html.gz` page in a directory and prints
//! `{"id": ..., "text": ...}` lines: a quick look at what the extractor keeps.
//! Usage: cargo run -p sitrep-ingest --example extract_html -- DIR

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: extract_html DIR")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(id) = name.strip_suffix(".html.gz") else {
            continue;
        };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        let page = sitrep_ingest::html::read_page(&sitrep_ingest::html::decode(&bytes));
        println!("{}", serde_json::json!({"id": id, "text": page.text}));
    }
    Ok(())
}
