//! Prints the ancestors (tag, class, id) of the first text node containing a
//! phrase: for seeing why the extractor kept or dropped a passage.
//! Usage: cargo run -p sitrep-ingest --example html_ancestors -- PAGE.html PHRASE

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(phrase)) = (args.next(), args.next()) else {
        return Err("usage: html_ancestors PAGE.html PHRASE".into());
    };
    let html = sitrep_ingest::html::decode(&std::fs::read(path)?);
    let document = scraper::Html::parse_document(&html);
    if phrase == "--blocks" {
        print!("{}", sitrep_ingest::html::explain(&document));
        return Ok(());
    }
    for node in document.tree.root().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_script = node
            .parent()
            .and_then(|p| {
                p.value()
                    .as_element()
                    .map(|e| matches!(e.name(), "script" | "style"))
            })
            .unwrap_or(false);
        if in_script || !text.contains(phrase.as_str()) {
            continue;
        }
        for ancestor in node.ancestors() {
            if let Some(e) = ancestor.value().as_element() {
                let attrs: Vec<String> = e
                    .attrs()
                    .filter(|(k, _)| {
                        matches!(
                            *k,
                            "class" | "id" | "style" | "hidden" | "aria-hidden" | "itemprop"
                        )
                    })
                    .map(|(k, v)| format!("{k}={v:?}"))
                    .collect();
                println!("{} {}", e.name(), attrs.join(" "));
            }
        }
        break;
    }
    Ok(())
}
