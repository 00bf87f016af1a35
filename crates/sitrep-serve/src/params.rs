//! Query-string parameters → a validated [`EventFilter`]. Every value is
//! checked here so a bad request gets a 400 that names the parameter.

use chrono::NaiveDate;
use serde::Deserialize;
use sitrep_model::EventType;
use sitrep_store::EventFilter;

/// Page size when the request gives none.
pub const DEFAULT_LIMIT: usize = 500;
/// Largest page a request may ask for.
pub const MAX_LIMIT: usize = 5000;
/// Longest country or actor text accepted (a filter, not a document).
const MAX_TEXT_LEN: usize = 200;

/// The raw strings, as sent. Empty values count as absent, so an HTML form
/// with blank fields sends a valid query. Unknown names are refused: a typo
/// like `?contry=` must not silently return everything.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventQuery {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    country: Option<String>,
    actor: Option<String>,
    bbox: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// What a parameter was wrong with.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ParamError {
    #[error("{name}: {value:?} is not a YYYY-MM-DD date")]
    Date { name: &'static str, value: String },
    #[error("from ({from}) is after to ({to})")]
    DateOrder { from: NaiveDate, to: NaiveDate },
    #[error("type: {0:?} is not an ACLED event type")]
    EventType(String),
    #[error("{name}: longer than {MAX_TEXT_LEN} characters")]
    TooLong { name: &'static str },
    #[error("bbox: {0:?} must be min_lon,min_lat,max_lon,max_lat with -180..180 longitudes, -90..90 latitudes, mins not above maxes")]
    Bbox(String),
    #[error("limit: {0:?} must be a whole number from 1 to {MAX_LIMIT}")]
    Limit(String),
    #[error("offset: {0:?} must be a whole number, 0 or more")]
    Offset(String),
    #[error("{0} is not accepted here")]
    NotHere(&'static str),
}

impl EventQuery {
    /// The filter with its page (limit and offset always set).
    pub fn page_filter(self) -> Result<EventFilter, ParamError> {
        let limit = match present(&self.limit) {
            None => DEFAULT_LIMIT,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => return Err(ParamError::Limit(raw.to_string())),
            },
        };
        let offset = match present(&self.offset) {
            None => 0,
            Some(raw) => raw
                .parse::<usize>()
                .map_err(|_| ParamError::Offset(raw.to_string()))?,
        };
        let mut filter = self.conditions()?;
        filter.limit = Some(limit);
        filter.offset = offset;
        Ok(filter)
    }

    /// The filter for aggregates, which have no pages.
    pub fn whole_filter(self) -> Result<EventFilter, ParamError> {
        if present(&self.limit).is_some() {
            return Err(ParamError::NotHere("limit"));
        }
        if present(&self.offset).is_some() {
            return Err(ParamError::NotHere("offset"));
        }
        self.conditions()
    }

    fn conditions(&self) -> Result<EventFilter, ParamError> {
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(ParamError::DateOrder { from, to });
            }
        }
        // Canonical spelling: the store compares types exactly.
        let event_type = match present(&self.event_type) {
            None => None,
            Some(raw) => Some(
                EventType::parse(raw)
                    .map_err(|_| ParamError::EventType(raw.to_string()))?
                    .as_str()
                    .to_string(),
            ),
        };
        Ok(EventFilter {
            from,
            to,
            event_type,
            country: text("country", &self.country)?,
            actor: text("actor", &self.actor)?,
            bbox: match present(&self.bbox) {
                None => None,
                Some(raw) => Some(bbox(raw)?),
            },
            limit: None,
            offset: 0,
        })
    }
}

/// The trimmed value, or `None` when absent or blank.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn date(name: &'static str, value: &Option<String>) -> Result<Option<NaiveDate>, ParamError> {
    present(value)
        .map(|raw| {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| ParamError::Date {
                name,
                value: raw.to_string(),
            })
        })
        .transpose()
}

fn text(name: &'static str, value: &Option<String>) -> Result<Option<String>, ParamError> {
    match present(value) {
        Some(raw) if raw.chars().count() > MAX_TEXT_LEN => Err(ParamError::TooLong { name }),
        other => Ok(other.map(str::to_string)),
    }
}

/// min_lon,min_lat,max_lon,max_lat. A box across the antimeridian (min_lon
/// above max_lon) is refused rather than misread: ask for two boxes.
fn bbox(raw: &str) -> Result<(f64, f64, f64, f64), ParamError> {
    let bad = || ParamError::Bbox(raw.to_string());
    let numbers: Vec<f64> = raw
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
        return Err(bad());
    };
    let lon_ok = |v: f64| (-180.0..=180.0).contains(&v);
    let lat_ok = |v: f64| (-90.0..=90.0).contains(&v);
    if lon_ok(min_lon)
        && lon_ok(max_lon)
        && lat_ok(min_lat)
        && lat_ok(max_lat)
        && min_lon <= max_lon
        && min_lat <= max_lat
    {
        Ok((min_lon, min_lat, max_lon, max_lat))
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> EventQuery {
        let encoded = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        serde_urlencoded_like(&encoded)
    }

    /// The same deserialisation axum's `Query` does.
    fn serde_urlencoded_like(qs: &str) -> EventQuery {
        let uri: axum::http::Uri = format!("/x?{qs}").parse().unwrap();
        axum::extract::Query::<EventQuery>::try_from_uri(&uri)
            .unwrap()
            .0
    }

    #[test]
    fn defaults_give_the_first_page() {
        let f = EventQuery::default().page_filter().unwrap();
        assert_eq!(f.limit, Some(DEFAULT_LIMIT));
        assert_eq!(f.offset, 0);
        assert!(f.event_type.is_none() && f.bbox.is_none());
    }

    #[test]
    fn blank_values_are_absent() {
        let f = query(&[("from", ""), ("type", ""), ("country", "%20")])
            .page_filter()
            .unwrap();
        assert!(f.from.is_none() && f.event_type.is_none() && f.country.is_none());
    }

    #[test]
    fn event_type_is_canonicalised() {
        let f = query(&[("type", "explosions/remote%20violence")])
            .page_filter()
            .unwrap();
        assert_eq!(f.event_type.as_deref(), Some("Explosions/Remote violence"));
        assert_eq!(
            query(&[("type", "Skirmish")]).page_filter().unwrap_err(),
            ParamError::EventType("Skirmish".into())
        );
    }

    #[test]
    fn dates_must_parse_and_be_in_order() {
        assert!(matches!(
            query(&[("from", "2024-13-01")]).page_filter(),
            Err(ParamError::Date { name: "from", .. })
        ));
        assert!(matches!(
            query(&[("from", "2024-03-02"), ("to", "2024-03-01")]).page_filter(),
            Err(ParamError::DateOrder { .. })
        ));
        let f = query(&[("from", "2024-03-01"), ("to", "2024-03-01")])
            .page_filter()
            .unwrap();
        assert_eq!(f.from, f.to);
    }

    #[test]
    fn limit_and_offset_bounds() {
        for bad in ["0", "5001", "-1", "ten", "1.5"] {
            assert!(matches!(
                query(&[("limit", bad)]).page_filter(),
                Err(ParamError::Limit(_))
            ));
        }
        assert_eq!(
            query(&[("limit", "5000")]).page_filter().unwrap().limit,
            Some(5000)
        );
        assert!(matches!(
            query(&[("offset", "-3")]).page_filter(),
            Err(ParamError::Offset(_))
        ));
        assert_eq!(
            query(&[("limit", "10")]).whole_filter().unwrap_err(),
            ParamError::NotHere("limit")
        );
    }

    #[test]
    fn bbox_rules() {
        let f = query(&[("bbox", "21.8,8.6,38.6,22.2")])
            .page_filter()
            .unwrap();
        assert_eq!(f.bbox, Some((21.8, 8.6, 38.6, 22.2)));
        for bad in [
            "1,2,3",
            "1,2,3,4,5",
            "a,b,c,d",
            "170,0,-170,10",
            "0,10,10,0",
            "-181,0,0,10",
            "0,-91,10,10",
            "NaN,0,1,1",
        ] {
            assert!(
                matches!(
                    query(&[("bbox", bad)]).page_filter(),
                    Err(ParamError::Bbox(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn overlong_text_is_refused() {
        let long = "a".repeat(MAX_TEXT_LEN + 1);
        assert_eq!(
            query(&[("actor", &long)]).page_filter().unwrap_err(),
            ParamError::TooLong { name: "actor" }
        );
    }
}
