//! The incremental fuser.
//!
//! Reports are linked pairwise ([`compare`]): a link is a pair that passes
//! the hard gates and scores at least `min_score`. Clusters are then formed
//! inside each connected component of the link graph, Kruskal-style: links
//! in descending score (ties in report-key order) join two clusters only when
//! the clusters share no document and *every* cross pair passes the gates
//! (complete linkage on the gates, so a chain of day-apart reports cannot
//! glue together two incidents a week apart).
//!
//! That makes the clusters a function of the set of reports, not of the
//! order they arrive in: links are symmetric, components do not depend on
//! order, and the clustering of a component is deterministic. When a new
//! report arrives only its component is re-clustered. One exception: a
//! component larger than [`MAX_RECLUSTER`] (a city with an incident every
//! day for months) is re-clustered only around the new report, where order
//! can matter.

use crate::compare::{compare, max_window_days, passes_gates, report_key, FuseConfig, MergeReason};
use crate::fused::{build, FusedEvent, MergeRecord};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use sitrep_model::{Event, EventType};
use sitrep_text::normalize::fold;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Components up to this many reports are re-clustered whole.
pub const MAX_RECLUSTER: usize = 400;

/// What adding a report did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum Decision {
    /// The report stands alone (for now).
    Created {
        fused_id: String,
        /// Fused ids that no longer exist after this report re-shaped its
        /// component (rare; see the module docs).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replaced: Vec<String>,
    },
    /// The report joined an incident: the strongest link to a member.
    Joined {
        fused_id: String,
        linked_to: String,
        score: f64,
        reasons: Vec<MergeReason>,
        /// Fused ids that no longer exist: merged into this one, or
        /// renamed because the new report has the lowest key.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replaced: Vec<String>,
    },
    /// A report with this (doc_id, event_id) was already added; ignored.
    Duplicate { fused_id: String },
}

impl Decision {
    pub fn fused_id(&self) -> &str {
        match self {
            Decision::Created { fused_id, .. }
            | Decision::Joined { fused_id, .. }
            | Decision::Duplicate { fused_id } => fused_id,
        }
    }
}

#[derive(Debug, Clone)]
struct Edge {
    other: usize,
    score: f64,
    reasons: Vec<MergeReason>,
}

#[derive(Debug, Clone, Default)]
struct Cluster {
    members: Vec<usize>,
    merges: Vec<MergeRecord>,
}

/// Candidate index key: event type, country (folded; "" when unknown) and
/// the week the date falls in.
type BucketKey = (EventType, String, i64);

/// Fuses reports as they arrive. See the module docs for the algorithm.
#[derive(Debug, Default)]
pub struct Fuser {
    config: FuseConfig,
    reports: Vec<Event>,
    by_key: HashMap<(String, String), usize>,
    edges: Vec<Vec<Edge>>,
    index: HashMap<BucketKey, Vec<usize>>,
    countries: BTreeSet<String>,
    /// report index → fused id of its cluster.
    cluster_of: Vec<String>,
    clusters: BTreeMap<String, Cluster>,
}

impl Fuser {
    pub fn new(config: FuseConfig) -> Self {
        Fuser {
            config,
            ..Default::default()
        }
    }

    pub fn config(&self) -> &FuseConfig {
        &self.config
    }

    /// Number of reports added.
    pub fn report_count(&self) -> usize {
        self.reports.len()
    }

    /// Number of fused events.
    pub fn cluster_count(&self) -> usize {
        self.clusters.len()
    }

    /// Adds one report and says where it went.
    pub fn add(&mut self, event: Event) -> Decision {
        let key = (event.doc_id.clone(), event.event_id.clone());
        if let Some(&existing) = self.by_key.get(&key) {
            return Decision::Duplicate {
                fused_id: self.cluster_of[existing].clone(),
            };
        }
        let idx = self.reports.len();
        let candidates = self.candidates(&event);
        self.reports.push(event);
        self.edges.push(Vec::new());
        self.by_key.insert(key, idx);
        self.cluster_of.push(String::new());
        for other in candidates {
            if let Ok(link) = compare(&self.reports[idx], &self.reports[other], &self.config) {
                self.edges[other].push(Edge {
                    other: idx,
                    score: link.score,
                    reasons: link.reasons.clone(),
                });
                self.edges[idx].push(Edge {
                    other,
                    score: link.score,
                    reasons: link.reasons,
                });
            }
        }
        self.insert_into_index(idx);

        let scope = self.recluster_scope(idx);
        let old_ids: BTreeSet<String> = scope
            .iter()
            .filter(|&&r| r != idx)
            .map(|&r| self.cluster_of[r].clone())
            .collect();
        for id in &old_ids {
            self.clusters.remove(id);
        }
        let new_clusters = self.cluster(&scope);
        let mut new_ids = BTreeSet::new();
        for cluster in new_clusters {
            let id = self.fused_id_for(&cluster.members);
            for &m in &cluster.members {
                self.cluster_of[m] = id.clone();
            }
            new_ids.insert(id.clone());
            self.clusters.insert(id, cluster);
        }
        let replaced: Vec<String> = old_ids.difference(&new_ids).cloned().collect();
        self.decision_for(idx, replaced)
    }

    fn decision_for(&self, idx: usize, replaced: Vec<String>) -> Decision {
        let fused_id = self.cluster_of[idx].clone();
        let members = self
            .clusters
            .get(&fused_id)
            .map(|c| c.members.clone())
            .unwrap_or_default();
        let best = self.edges[idx]
            .iter()
            .filter(|e| members.contains(&e.other))
            .max_by(|a, b| {
                a.score.total_cmp(&b.score).then_with(|| {
                    report_key(&self.reports[b.other]).cmp(&report_key(&self.reports[a.other]))
                })
            });
        match best {
            Some(edge) => Decision::Joined {
                fused_id,
                linked_to: self.reports[edge.other].event_id.clone(),
                score: edge.score,
                reasons: edge.reasons.clone(),
                replaced,
            },
            None => Decision::Created { fused_id, replaced },
        }
    }

    /// The fused id of a cluster: "F-" and the event id of its member with
    /// the lowest report key, so it depends on the members only.
    fn fused_id_for(&self, members: &[usize]) -> String {
        let lowest = members
            .iter()
            .map(|&m| report_key(&self.reports[m]))
            .min()
            .unwrap_or(("", ""));
        format!("F-{}", lowest.0)
    }

    fn bucket_keys(&self, event: &Event, reach_days: i64) -> Vec<BucketKey> {
        let (Some(event_type), Some(date)) = (event.event_type, event.event_date) else {
            return Vec::new();
        };
        let day = i64::from(date.num_days_from_ce());
        let country = country_key(event);
        let countries: Vec<String> = if country.is_empty() {
            // No country: it may match a report from any country.
            std::iter::once(String::new())
                .chain(self.countries.iter().cloned())
                .collect()
        } else {
            vec![country, String::new()]
        };
        let weeks = (day - reach_days).div_euclid(7)..=(day + reach_days).div_euclid(7);
        countries
            .into_iter()
            .flat_map(|c| weeks.clone().map(move |w| (event_type, c.clone(), w)))
            .collect()
    }

    fn candidates(&self, event: &Event) -> Vec<usize> {
        let reach = max_window_days(&self.config);
        let mut out: Vec<usize> = self
            .bucket_keys(event, reach)
            .iter()
            .filter_map(|k| self.index.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn insert_into_index(&mut self, idx: usize) {
        let event = &self.reports[idx];
        let country = country_key(event);
        if let Some(key) = self
            .bucket_keys(event, 0)
            .into_iter()
            .find(|k| k.1 == country)
        {
            self.index.entry(key).or_default().push(idx);
        }
        if !country.is_empty() {
            self.countries.insert(country);
        }
    }

    /// The reports to re-cluster: the new report's whole component, or, when
    /// that is too large, the new report and the clusters of its links.
    fn recluster_scope(&self, idx: usize) -> Vec<usize> {
        let mut seen = BTreeSet::from([idx]);
        let mut stack = vec![idx];
        while let Some(r) = stack.pop() {
            for e in &self.edges[r] {
                if seen.insert(e.other) {
                    stack.push(e.other);
                }
            }
            if seen.len() > MAX_RECLUSTER {
                return self.local_scope(idx);
            }
        }
        seen.into_iter().collect()
    }

    fn local_scope(&self, idx: usize) -> Vec<usize> {
        let mut scope = BTreeSet::from([idx]);
        for e in &self.edges[idx] {
            if let Some(c) = self.clusters.get(&self.cluster_of[e.other]) {
                scope.extend(c.members.iter().copied());
            }
        }
        scope.into_iter().collect()
    }

    /// Kruskal with cannot-link (same document) and complete linkage on the
    /// gates, over the links inside `scope`.
    fn cluster(&self, scope: &[usize]) -> Vec<Cluster> {
        let in_scope: BTreeSet<usize> = scope.iter().copied().collect();
        let mut links: Vec<(usize, usize, &Edge)> = Vec::new();
        for &u in scope {
            for e in &self.edges[u] {
                let (ku, kv) = (
                    report_key(&self.reports[u]),
                    report_key(&self.reports[e.other]),
                );
                if in_scope.contains(&e.other) && ku < kv {
                    links.push((u, e.other, e));
                }
            }
        }
        let key = |r: usize| report_key(&self.reports[r]);
        links.sort_by(|a, b| {
            b.2.score
                .total_cmp(&a.2.score)
                .then_with(|| (key(a.0), key(a.1)).cmp(&(key(b.0), key(b.1))))
        });

        // slot per report; clusters by slot.
        let mut slot: HashMap<usize, usize> =
            scope.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let mut clusters: Vec<Cluster> = scope
            .iter()
            .map(|&r| Cluster {
                members: vec![r],
                merges: Vec::new(),
            })
            .collect();
        for (u, v, edge) in links {
            let (Some(&su), Some(&sv)) = (slot.get(&u), slot.get(&v)) else {
                continue;
            };
            if su == sv || !self.can_merge(&clusters[su].members, &clusters[sv].members) {
                continue;
            }
            let moved = std::mem::take(&mut clusters[sv]);
            for &m in &moved.members {
                slot.insert(m, su);
            }
            let target = &mut clusters[su];
            target.members.extend(moved.members);
            target.merges.extend(moved.merges);
            // The report with the higher key is recorded as the one joining.
            target.merges.push(MergeRecord {
                event_id: self.reports[v].event_id.clone(),
                doc_id: self.reports[v].doc_id.clone(),
                linked_to: self.reports[u].event_id.clone(),
                score: edge.score,
                reasons: edge.reasons.clone(),
            });
        }
        clusters.retain(|c| !c.members.is_empty());
        for c in &mut clusters {
            c.members.sort_by(|&a, &b| key(a).cmp(&key(b)));
        }
        clusters
    }

    fn can_merge(&self, a: &[usize], b: &[usize]) -> bool {
        a.iter().all(|&x| {
            b.iter()
                .all(|&y| passes_gates(&self.reports[x], &self.reports[y], &self.config))
        })
    }

    /// The fused id of the cluster holding a report.
    pub fn fused_id_of(&self, doc_id: &str, event_id: &str) -> Option<&str> {
        self.by_key
            .get(&(doc_id.to_string(), event_id.to_string()))
            .map(|&i| self.cluster_of[i].as_str())
    }

    /// One fused event by id.
    pub fn fused(&self, fused_id: &str) -> Option<FusedEvent> {
        let c = self.clusters.get(fused_id)?;
        let members: Vec<&Event> = c.members.iter().map(|&m| &self.reports[m]).collect();
        build(fused_id.to_string(), &members, c.merges.clone())
    }

    /// All fused events, by fused id.
    pub fn fused_events(&self) -> Vec<FusedEvent> {
        self.clusters
            .keys()
            .filter_map(|id| self.fused(id))
            .collect()
    }

    /// The clusters as sorted lists of (doc_id, event_id): for evaluation
    /// and order-independence checks.
    pub fn clusters(&self) -> Vec<Vec<(String, String)>> {
        self.clusters
            .values()
            .map(|c| {
                c.members
                    .iter()
                    .map(|&m| {
                        (
                            self.reports[m].doc_id.clone(),
                            self.reports[m].event_id.clone(),
                        )
                    })
                    .collect()
            })
            .collect()
    }
}

/// Index by country name only: a report with only an ISO code goes to the
/// "" bucket, which every lookup also searches.
fn country_key(e: &Event) -> String {
    e.country.as_deref().map(fold).unwrap_or_default()
}

/// Fuses a batch of reports with the given configuration.
pub fn fuse_all(events: impl IntoIterator<Item = Event>, config: FuseConfig) -> Vec<FusedEvent> {
    let mut fuser = Fuser::new(config);
    for e in events {
        fuser.add(e);
    }
    fuser.fused_events()
}
