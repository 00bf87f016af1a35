//! Places: gazetteer entries and their mentions in a document.

use crate::document::Span;
use crate::taxonomy::GeoPrecision;
use serde::{Deserialize, Serialize};

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureKind {
    Country,
    /// First-order administrative division (governorate, province, state).
    Admin1,
    /// Second-order administrative division (district, county, upazila).
    Admin2,
    /// A city, town or village.
    PopulatedPlace,
    /// A named region that is not an administrative unit (Darfur, the Sahel).
    Region,
    /// A point feature: a border crossing, a dam.
    Other,
    /// A sea, a strait, a lake, or a country's stretch of a river: a line
    /// or an area, less exact than the province or town a report also
    /// names.
    Water,
}

/// A resolved place: one gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id where the entry comes from GeoNames.
    pub geonameid: Option<u32>,
    /// Preferred (English) name.
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// Country name as ACLED spells it (e.g. "Democratic Republic of Congo").
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub feature: FeatureKind,
    pub population: u64,
}

impl Place {
    /// Great-circle distance to `other`, in kilometres.
    pub fn km_to(&self, other: &Place) -> f64 {
        haversine_km((self.lat, self.lon), (other.lat, other.lon))
    }
}

/// The Earth's mean radius (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between two (lat, lon) points in degrees, in
/// kilometres: the one distance every stage and the evaluators use.
pub fn haversine_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// How a mention relates the event to the place it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Relation {
    /// "in X", "the town of X": the place itself.
    At,
    /// "near X", "outside X", "on the outskirts of X".
    Near,
    /// "south of X", "north-east of X".
    Direction { direction: String },
    /// "15 km from X".
    Distance { km: f64 },
    /// "near the border with X", "40 km from the Turkish border".
    Border,
    /// "Sgt John Dunbar of Austin, Texas", "Mayor Eric Adams of New York":
    /// where the person just named is from or answers for, which says
    /// nothing of where anything they did or suffered happened.
    Home,
    /// "Russian hackers", "the Syrian government", "Chinese exports": a
    /// demonym or adjective that ties a thing or people to a country. The
    /// country is named, so it is listed among the places (GeoWebNews
    /// annotates these as non-literal modifiers), but it says nothing of
    /// where anything happened: the event coder never reads it.
    Modifier,
}

/// A place named in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The toponym itself ("Tal Afar"), in byte offsets.
    pub span: Span,
    /// The whole relative phrase ("15 km south of Tal Afar"), when there is one.
    pub phrase: Option<Span>,
    pub place: Place,
    pub relation: Relation,
    /// ACLED geo precision this mention supports: 1 a town named as such,
    /// 2 near a town or part of a region, 3 a region's centroid.
    pub precision: GeoPrecision,
    /// 0..1 resolution confidence.
    pub confidence: f32,
}
