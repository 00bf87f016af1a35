//! `sitrep eval fusion`: how well reports of one incident are fused.
//!
//! Gold is JSON Lines, one report a line: a sitrep `Event` with one extra
//! field, `cluster`, naming the incident it reports (see
//! `data/fusion/README.md`). The reports go through [`sitrep_fuse::Fuser`]
//! in file order; the predicted clusters are scored against the gold ones:
//!
//! - pairwise: every pair of reports put together is a predicted merge;
//!   precision and recall over the gold pairs (the usual entity-resolution
//!   measure, harsh on large clusters);
//! - B-cubed (Bagga & Baldwin 1998): per-report precision and recall of its
//!   cluster, averaged over reports;
//! - cluster counts and exactly recovered incidents;
//! - whether the reverse file order gives the same clusters.

use crate::geo::EvalError;
use serde::{Deserialize, Serialize};
use sitrep_fuse::{FuseConfig, Fuser};
use sitrep_model::Event;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Error lists keep at most this many pairs.
const MAX_LISTED: usize = 25;

#[derive(Debug, Deserialize)]
struct LabelledReport {
    cluster: String,
    #[serde(flatten)]
    event: Event,
}

/// Precision, recall and F1.
#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Two reports the fuser got wrong, by event id, with their gold clusters.
#[derive(Debug, Serialize, Clone)]
pub struct PairError {
    pub a: String,
    pub b: String,
    pub gold_a: String,
    pub gold_b: String,
}

#[derive(Debug, Serialize, Default)]
pub struct Report {
    pub reports: usize,
    pub gold_clusters: usize,
    pub predicted_clusters: usize,
    /// Gold incidents whose reports form exactly one predicted cluster.
    pub exact_clusters: usize,
    pub gold_pairs: usize,
    pub predicted_pairs: usize,
    pub correct_pairs: usize,
    pub pairwise: Prf,
    pub bcubed: Prf,
    /// Same clusters when the file is read backwards.
    pub order_independent: bool,
    /// Pairs merged that gold keeps apart (first few).
    pub false_merges: Vec<PairError>,
    /// Pairs of one incident left apart (first few).
    pub missed_merges: Vec<PairError>,
}

impl Report {
    pub fn table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "reports {}  gold incidents {}  predicted clusters {}  exact {}\n",
            self.reports, self.gold_clusters, self.predicted_clusters, self.exact_clusters
        ));
        out.push_str("measure     precision  recall    F1\n");
        for (name, m) in [("pairwise", self.pairwise), ("B-cubed", self.bcubed)] {
            out.push_str(&format!(
                "{name:<11} {:>9.3}  {:>6.3}  {:>5.3}\n",
                m.precision, m.recall, m.f1
            ));
        }
        out.push_str(&format!(
            "pairs: gold {}  predicted {}  correct {}\n",
            self.gold_pairs, self.predicted_pairs, self.correct_pairs
        ));
        out.push_str(&format!(
            "order independent (reversed input): {}\n",
            if self.order_independent { "yes" } else { "NO" }
        ));
        for (title, list) in [
            ("false merges", &self.false_merges),
            ("missed merges", &self.missed_merges),
        ] {
            if !list.is_empty() {
                out.push_str(&format!("{title}:\n"));
                for e in list {
                    out.push_str(&format!(
                        "  {} [{}] ~ {} [{}]\n",
                        e.a, e.gold_a, e.b, e.gold_b
                    ));
                }
            }
        }
        out
    }
}

/// Scores the fuser with its default configuration.
pub fn evaluate(path: &Path) -> Result<Report, EvalError> {
    evaluate_with(path, FuseConfig::default())
}

pub fn evaluate_with(path: &Path, config: FuseConfig) -> Result<Report, EvalError> {
    let labelled = read_reports(path)?;
    let gold: Vec<String> = labelled.iter().map(|r| r.cluster.clone()).collect();
    let events: Vec<Event> = labelled.into_iter().map(|r| r.event).collect();
    let forward = predict(events.iter().cloned(), &config);
    let backward = predict(events.iter().rev().cloned(), &config);
    let predicted = cluster_labels(&events, &forward);
    let mut report = score(&events, &gold, &predicted);
    report.order_independent = canonical(&forward) == canonical(&backward);
    Ok(report)
}

fn read_reports(path: &Path) -> Result<Vec<LabelledReport>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|source| EvalError::BadRecord {
                path: path.display().to_string(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

type Clusters = Vec<Vec<(String, String)>>;

fn predict(events: impl Iterator<Item = Event>, config: &FuseConfig) -> Clusters {
    let mut fuser = Fuser::new(config.clone());
    for e in events {
        fuser.add(e);
    }
    fuser.clusters()
}

fn canonical(clusters: &Clusters) -> BTreeSet<BTreeSet<(String, String)>> {
    clusters
        .iter()
        .map(|c| c.iter().cloned().collect())
        .collect()
}

/// Predicted cluster number per report, in file order. A report the fuser
/// saw as a duplicate of another keeps that one's cluster.
fn cluster_labels(events: &[Event], clusters: &Clusters) -> Vec<usize> {
    let mut of: HashMap<(String, String), usize> = HashMap::new();
    for (n, c) in clusters.iter().enumerate() {
        for key in c {
            of.insert(key.clone(), n);
        }
    }
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            of.get(&(e.doc_id.clone(), e.event_id.clone()))
                .copied()
                .unwrap_or(clusters.len() + i)
        })
        .collect()
}

fn score<L: Ord + Clone>(events: &[Event], gold: &[String], predicted: &[L]) -> Report {
    let n = events.len();
    let mut report = Report {
        reports: n,
        gold_clusters: distinct(gold),
        predicted_clusters: distinct(predicted),
        ..Default::default()
    };
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let same_pred = (0..n).filter(|&j| predicted[j] == predicted[i]);
        let both = same_pred.clone().filter(|&j| gold[j] == gold[i]).count();
        bp += both as f64 / same_pred.count() as f64;
        br += both as f64 / (0..n).filter(|&j| gold[j] == gold[i]).count() as f64;
        for j in i + 1..n {
            let (g, p) = (gold[i] == gold[j], predicted[i] == predicted[j]);
            report.gold_pairs += usize::from(g);
            report.predicted_pairs += usize::from(p);
            report.correct_pairs += usize::from(g && p);
            let list = match (g, p) {
                (false, true) => &mut report.false_merges,
                (true, false) => &mut report.missed_merges,
                _ => continue,
            };
            if list.len() < MAX_LISTED {
                list.push(PairError {
                    a: events[i].event_id.clone(),
                    b: events[j].event_id.clone(),
                    gold_a: gold[i].clone(),
                    gold_b: gold[j].clone(),
                });
            }
        }
    }
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    report.pairwise = Prf::new(
        ratio(report.correct_pairs, report.predicted_pairs),
        ratio(report.correct_pairs, report.gold_pairs),
    );
    if n > 0 {
        report.bcubed = Prf::new(bp / n as f64, br / n as f64);
    }
    report.exact_clusters = exact_clusters(gold, predicted);
    report
}

fn distinct<T: Ord>(labels: &[T]) -> usize {
    labels.iter().collect::<BTreeSet<_>>().len()
}

/// Gold clusters whose members are exactly one predicted cluster.
fn exact_clusters<L: Ord + Clone>(gold: &[String], predicted: &[L]) -> usize {
    let mut gold_members: BTreeMap<&String, BTreeSet<usize>> = BTreeMap::new();
    let mut pred_members: BTreeMap<L, BTreeSet<usize>> = BTreeMap::new();
    for (i, (g, p)) in gold.iter().zip(predicted).enumerate() {
        gold_members.entry(g).or_default().insert(i);
        pred_members.entry(p.clone()).or_default().insert(i);
    }
    let predicted_sets: BTreeSet<&BTreeSet<usize>> = pred_members.values().collect();
    gold_members
        .values()
        .filter(|m| predicted_sets.contains(m))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str) -> Event {
        Event {
            event_id: id.into(),
            doc_id: id.into(),
            ..Default::default()
        }
    }

    #[test]
    fn scores_a_known_partition() {
        // Gold {a,b,c} {d}; predicted {a,b} {c,d}.
        let events: Vec<Event> = ["a", "b", "c", "d"].iter().map(|s| ev(s)).collect();
        let gold: Vec<String> = ["x", "x", "x", "y"].iter().map(|s| s.to_string()).collect();
        let report = score(&events, &gold, &[0, 0, 1, 1]);
        assert_eq!(
            (
                report.gold_pairs,
                report.predicted_pairs,
                report.correct_pairs
            ),
            (3, 2, 1)
        );
        assert!((report.pairwise.precision - 0.5).abs() < 1e-9);
        assert!((report.pairwise.recall - 1.0 / 3.0).abs() < 1e-9);
        // B-cubed precision: a 1, b 1, c 1/2, d 1/2 → 0.75.
        assert!((report.bcubed.precision - 0.75).abs() < 1e-9);
        // B-cubed recall: a 2/3, b 2/3, c 1/3, d 1 → 2/3.
        assert!((report.bcubed.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(report.exact_clusters, 0);
        assert_eq!(report.false_merges.len(), 1);
        assert_eq!(report.missed_merges.len(), 2);
    }

    #[test]
    fn reads_labelled_reports_and_fuses_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        let line = |doc: &str, cluster: &str, day: u32| {
            serde_json::json!({
                "cluster": cluster, "event_id": format!("{doc}#1"), "doc_id": doc,
                "event_date": format!("2024-03-{day:02}"), "time_precision": 1,
                "event_type": "Battles", "country": "Mali", "admin1": "Gao",
                "location": "Gao", "latitude": 16.27, "longitude": -0.04, "geo_precision": 1,
                "notes": "Clashes in Gao", "confidence": 0.5, "evidence": {}
            })
            .to_string()
        };
        let text = [line("a", "x", 3), line("b", "x", 3), line("c", "y", 20)].join("\n");
        std::fs::write(&path, text).unwrap();
        let report = evaluate(&path).unwrap();
        // `cargo test -p sitrep-eval repository_test_set -- --nocapture` shows it.
        println!("{}", report.table());
        assert_eq!(report.reports, 3);
        assert_eq!(report.exact_clusters, 2);
        assert_eq!(report.pairwise.f1, 1.0);
        assert!(report.order_independent);
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        std::fs::write(&path, "{\"cluster\": \"x\"}\n").unwrap();
        assert!(matches!(
            evaluate(&path),
            Err(EvalError::BadRecord { line: 1, .. })
        ));
    }

    /// The shared test set, when run from the repository.
    #[test]
    fn the_repository_test_set_scores_above_a_floor() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/fusion/reports.jsonl");
        let report = evaluate(&path).unwrap();
        // `cargo test -p sitrep-eval repository_test_set -- --nocapture` shows it.
        println!("{}", report.table());
        assert!(report.reports >= 80);
        assert!(report.order_independent);
        assert!(report.pairwise.f1 > 0.8, "{}", report.table());
    }
}
