//! `sitrep eval html`: main-content extraction scored on the
//! article-extraction benchmark layout (`ground-truth.json` mapping each id
//! to `{"articleBody": ...}`, and `html/<id>.html.gz`).
//!
//! The metric is the benchmark's own, so figures compare with published
//! ones: tokens are `\w+` runs; per page, 4-token shingles are counted with
//! multiplicity in gold and prediction; precision and recall are averaged
//! over pages (a page with nothing missing and nothing extra scores 1 on
//! both), and F1 is taken from the two means. Accuracy is the share of pages
//! whose token sequence matches gold exactly.

use crate::geo::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

/// Shingle length the benchmark uses.
const SHINGLE: usize = 4;

/// How many of the worst pages the report lists.
const WORST_LISTED: usize = 10;

#[derive(Debug, Serialize, Default)]
pub struct Report {
    pub documents: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    /// Pages whose extracted tokens equal gold's exactly.
    pub accuracy: f64,
    /// Decoding, parsing and extraction on one thread (gzip excluded).
    pub pages_per_second: f64,
    pub megabytes_per_second: f64,
    /// Pages listed in the gold file with no page file (scored as empty).
    pub missing_pages: usize,
    /// The pages with the lowest precision + recall, for error analysis.
    pub worst: Vec<PageScore>,
}

#[derive(Debug, Serialize, Clone)]
pub struct PageScore {
    pub id: String,
    pub precision: f64,
    pub recall: f64,
}

impl Report {
    pub fn table(&self) -> String {
        let mut out = format!(
            "pages:      {}\nF1:         {:.3}\nprecision:  {:.3}\nrecall:     {:.3}\naccuracy:   {:.3}\nspeed:      {:.0} pages/s, {:.1} MB/s (one thread)\n",
            self.documents,
            self.f1,
            self.precision,
            self.recall,
            self.accuracy,
            self.pages_per_second,
            self.megabytes_per_second
        );
        if self.missing_pages > 0 {
            out.push_str(&format!("missing:    {} page files\n", self.missing_pages));
        }
        if !self.worst.is_empty() {
            out.push_str("worst pages (precision recall id):\n");
            for page in &self.worst {
                out.push_str(&format!(
                    "  {:.2} {:.2} {}\n",
                    page.precision, page.recall, page.id
                ));
            }
        }
        out
    }
}

#[derive(Debug, Deserialize)]
struct GoldPage {
    #[serde(rename = "articleBody", default)]
    article_body: String,
}

pub fn evaluate(dir: &Path) -> Result<Report, EvalError> {
    let gold_path = dir.join("ground-truth.json");
    let gold_bytes = std::fs::read(&gold_path).map_err(|source| io_error(&gold_path, source))?;
    let gold: BTreeMap<String, GoldPage> = serde_json::from_slice(&gold_bytes).map_err(|e| {
        io_error(
            &gold_path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })?;
    let mut scores = Vec::with_capacity(gold.len());
    let mut exact = 0usize;
    let mut missing = 0usize;
    let mut html_bytes = 0usize;
    let mut extract_seconds = 0.0;
    for (id, page) in &gold {
        let predicted = match read_page(dir, id) {
            Some(bytes) => {
                html_bytes += bytes.len();
                let started = Instant::now();
                let text =
                    sitrep_ingest::html::read_page(&sitrep_ingest::html::decode(&bytes)).text;
                extract_seconds += started.elapsed().as_secs_f64();
                text
            }
            None => {
                missing += 1;
                String::new()
            }
        };
        let gold_tokens = tokens(&page.article_body);
        let predicted_tokens = tokens(&predicted);
        exact += usize::from(gold_tokens == predicted_tokens);
        let (precision, recall) = shingle_scores(&gold_tokens, &predicted_tokens);
        scores.push(PageScore {
            id: id.clone(),
            precision,
            recall,
        });
    }
    Ok(report(scores, exact, missing, html_bytes, extract_seconds))
}

fn report(
    scores: Vec<PageScore>,
    exact: usize,
    missing: usize,
    html_bytes: usize,
    seconds: f64,
) -> Report {
    let n = scores.len().max(1) as f64;
    let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let pages = scores.len() - missing;
    let mut worst = scores.clone();
    worst.sort_by(|a, b| {
        (a.precision + a.recall)
            .total_cmp(&(b.precision + b.recall))
            .then_with(|| a.id.cmp(&b.id))
    });
    worst.truncate(WORST_LISTED);
    Report {
        documents: scores.len(),
        f1,
        precision,
        recall,
        accuracy: exact as f64 / n,
        pages_per_second: if seconds > 0.0 {
            pages as f64 / seconds
        } else {
            0.0
        },
        megabytes_per_second: if seconds > 0.0 {
            html_bytes as f64 / 1e6 / seconds
        } else {
            0.0
        },
        missing_pages: missing,
        worst,
    }
}

fn io_error(path: &Path, source: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The page's HTML, decompressed; None when its file is absent or unreadable.
fn read_page(dir: &Path, id: &str) -> Option<Vec<u8>> {
    let file = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).ok()?;
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// `\w+` runs: letters, digits, marks and underscore.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Precision and recall of one page over 4-token shingles with
/// multiplicity. Normalising TP+FP+FN to 1 does not change the two ratios,
/// so they are taken from the counts directly.
fn shingle_scores(gold: &[&str], predicted: &[&str]) -> (f64, f64) {
    let gold_counts = shingle_counts(gold);
    let predicted_counts = shingle_counts(predicted);
    let mut true_positive = 0usize;
    let mut false_positive = 0usize;
    for (shingle, &count) in &predicted_counts {
        let in_gold = gold_counts.get(shingle).copied().unwrap_or(0);
        true_positive += count.min(in_gold);
        false_positive += count.saturating_sub(in_gold);
    }
    let false_negative: usize = gold_counts
        .iter()
        .map(|(shingle, &count)| {
            count.saturating_sub(predicted_counts.get(shingle).copied().unwrap_or(0))
        })
        .sum();
    let precision = ratio(true_positive, false_positive, false_negative);
    let recall = ratio(true_positive, false_negative, false_positive);
    (precision, recall)
}

/// tp / (tp + miss); 1 when the page has nothing to miss and nothing the
/// other side got wrong, 0 when there is nothing right.
fn ratio(true_positive: usize, miss: usize, other: usize) -> f64 {
    if true_positive + miss == 0 {
        if other == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        true_positive as f64 / (true_positive + miss) as f64
    }
}

fn shingle_counts<'t, 's>(tokens: &'t [&'s str]) -> HashMap<&'t [&'s str], usize> {
    let mut counts = HashMap::new();
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("Al-Shabaab's attack: 3 dead, Baidoa."),
            vec!["Al", "Shabaab", "s", "attack", "3", "dead", "Baidoa"]
        );
        assert_eq!(tokens("Кривий Ріг"), vec!["Кривий", "Ріг"]);
    }

    #[test]
    fn identical_text_scores_one() {
        let t = tokens("Two people were killed in a mortar attack on Baidoa on Sunday.");
        assert_eq!(shingle_scores(&t, &t), (1.0, 1.0));
    }

    #[test]
    fn extra_and_missing_text_lower_precision_and_recall() {
        let gold = tokens("one two three four five six");
        // Gold has 3 shingles; the prediction has the first 2 plus 2 extra.
        let predicted = tokens("one two three four five share this now");
        let (p, r) = shingle_scores(&gold, &predicted);
        assert!((p - 2.0 / 5.0).abs() < 1e-9, "{p}");
        assert!((r - 2.0 / 3.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn shingles_count_with_multiplicity() {
        let gold = tokens("a b c d a b c d");
        let predicted = tokens("a b c d");
        let (p, r) = shingle_scores(&gold, &predicted);
        assert_eq!(p, 1.0);
        assert!((r - 1.0 / 5.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn empty_against_empty_scores_one_and_empty_against_text_zero() {
        assert_eq!(shingle_scores(&[], &[]), (1.0, 1.0));
        let gold = tokens("one two three four five");
        assert_eq!(shingle_scores(&gold, &[]), (0.0, 0.0));
    }

    #[test]
    fn f1_comes_from_the_means() {
        let scores = vec![
            PageScore {
                id: "a".into(),
                precision: 1.0,
                recall: 0.5,
            },
            PageScore {
                id: "b".into(),
                precision: 0.5,
                recall: 1.0,
            },
        ];
        let r = report(scores, 1, 0, 2_000_000, 1.0);
        assert_eq!(r.precision, 0.75);
        assert_eq!(r.recall, 0.75);
        assert!((r.f1 - 0.75).abs() < 1e-12);
        assert_eq!(r.accuracy, 0.5);
        assert_eq!(r.pages_per_second, 2.0);
        assert_eq!(r.megabytes_per_second, 2.0);
    }

    #[test]
    fn scores_a_benchmark_directory() {
        let dir = tempfile::tempdir().unwrap();
        let body = "Gunmen attacked a police checkpoint near Maiduguri on Tuesday, killing three officers, the army said.";
        let gold =
            serde_json::json!({"p1": {"articleBody": body, "url": "https://example.org/p1"}});
        std::fs::write(dir.path().join("ground-truth.json"), gold.to_string()).unwrap();
        std::fs::create_dir(dir.path().join("html")).unwrap();
        let page = format!("<html><body><nav><a href='/'>Home</a></nav><article><p>{body}</p></article></body></html>");
        let file = std::fs::File::create(dir.path().join("html/p1.html.gz")).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        std::io::Write::write_all(&mut gz, page.as_bytes()).unwrap();
        gz.finish().unwrap();
        let r = evaluate(dir.path()).unwrap();
        assert_eq!(r.documents, 1);
        assert_eq!(r.f1, 1.0);
        assert_eq!(r.accuracy, 1.0);
    }

    #[test]
    fn missing_directory_is_an_error() {
        assert!(evaluate(Path::new("/nonexistent/sitrep-bench")).is_err());
    }
}
