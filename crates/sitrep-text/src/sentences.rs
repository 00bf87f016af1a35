//! Sentence splitting.
use sitrep_model::Span;

/// Sentence spans (byte offsets) covering `text`, whitespace trimmed.
pub fn split_sentences(text: &str) -> Vec<Span> {
    // Placeholder: one sentence per line until the real splitter lands.
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Span::new(s, s + t.len()));
        }
        start += line.len();
    }
    out
}
