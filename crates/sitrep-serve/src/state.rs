//! Control and leadership timelines (`/api/control`, `/api/leaders`), built
//! per request by `sitrep-state` from the stored events and documents.
//!
//! Nothing is cached: each request re-reads the territorial events (an
//! indexed-free scan of `events`, cheap next to the JSON it returns) and the
//! documents that mention a leadership role, so answers follow the database
//! as `sitrep extract` adds to it.

use crate::api::ApiError;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use sitrep_model::SubEventType;
use sitrep_state::{
    leader_losses, LeaderLoss, LeadershipLedger, PlaceTimeline, TerritoryLedger, ROLE_WORDS,
};
use std::sync::Arc;

/// Longest place or group name accepted.
const MAX_NAME_LEN: usize = 200;

/// The sub-event types in which `actor1` takes the location.
const TERRITORIAL: [SubEventType; 3] = [
    SubEventType::GovernmentRegainsTerritory,
    SubEventType::NonStateActorOvertakesTerritory,
    SubEventType::NonViolentTransferOfTerritory,
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlQuery {
    place: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadersQuery {
    group: Option<String>,
}

/// The trimmed name, `None` when blank; too long is a 400.
fn name_param(name: &'static str, value: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(value) = value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    if value.chars().count() > MAX_NAME_LEN {
        return Err(ApiError::BadRequest(format!(
            "{name}: longer than {MAX_NAME_LEN} characters"
        )));
    }
    Ok(Some(value))
}

#[derive(Serialize)]
pub struct ControlResponse {
    /// The place asked for, or null for every place.
    place: Option<String>,
    /// One timeline per distinct place (a name can be several places), the
    /// most recently changed first.
    timelines: Vec<PlaceTimeline>,
}

/// `GET /api/control?place=`: who took which place when, from territorial events.
pub async fn control(
    State(state): State<Arc<AppState>>,
    query: Result<Query<ControlQuery>, QueryRejection>,
) -> Result<Json<ControlResponse>, ApiError> {
    let place = name_param("place", query?.0.place)?;
    let events = state
        .with_store(|store| {
            let types = TERRITORIAL.map(SubEventType::as_str);
            store.events_with_sub_types(&types)
        })
        .await?;
    let ledger = TerritoryLedger::from_events(&events);
    let mut timelines: Vec<PlaceTimeline> = match &place {
        Some(name) => ledger.places_named(name).into_iter().cloned().collect(),
        None => ledger.places.into_values().collect(),
    };
    timelines.sort_by(|a, b| {
        let last = |t: &PlaceTimeline| t.changes.last().map(|c| c.date);
        last(b)
            .cmp(&last(a))
            .then_with(|| a.location.cmp(&b.location))
    });
    Ok(Json(ControlResponse { place, timelines }))
}

#[derive(Serialize)]
pub struct GroupLosses {
    /// Null when the sentence named no group the coder could tie to an actor.
    group: Option<String>,
    /// By date, then leader.
    losses: Vec<LeaderLoss>,
}

#[derive(Serialize)]
pub struct LeadersResponse {
    /// The group asked for, or null for every group.
    group: Option<String>,
    /// Groups with the most losses first.
    groups: Vec<GroupLosses>,
}

/// `GET /api/leaders?group=`: leaders killed, captured or surrendered, per group.
pub async fn leaders(
    State(state): State<Arc<AppState>>,
    query: Result<Query<LeadersQuery>, QueryRejection>,
) -> Result<Json<LeadersResponse>, ApiError> {
    let group = name_param("group", query?.0.group)?;
    let ledger = state
        .with_store(|store| {
            let mut ledger = LeadershipLedger::new();
            // A document without a role word cannot yield a loss: only
            // those with one are read.
            for doc_id in store.document_ids_containing_any(&ROLE_WORDS)? {
                let Some(doc) = store.document(&doc_id)? else {
                    continue;
                };
                let events = store.events_of_document(&doc_id)?;
                for loss in leader_losses(&doc, &events) {
                    ledger.add(loss);
                }
            }
            Ok(ledger)
        })
        .await?;
    let mut groups: Vec<GroupLosses> = ledger
        .groups
        .into_iter()
        .filter(|(name, _)| match &group {
            // Case-insensitive: the UI passes names back as users type them.
            Some(wanted) => name.to_lowercase() == wanted.to_lowercase(),
            None => true,
        })
        .map(|(name, losses)| GroupLosses {
            group: (!name.is_empty()).then_some(name),
            losses,
        })
        .collect();
    groups.sort_by(|a, b| {
        b.losses
            .len()
            .cmp(&a.losses.len())
            .then_with(|| a.group.cmp(&b.group))
    });
    Ok(Json(LeadersResponse { group, groups }))
}
