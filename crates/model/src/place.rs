//! A place resolved to ACLED's place hierarchy.

use serde::{Deserialize, Serialize};

use crate::Error;

/// How precisely the location is known (codebook section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum GeoPrecision {
    /// 1: a named town or place with coordinates.
    Town = 1,
    /// 2: near a town, or a small part of a region coded to a representative town.
    Near = 2,
    /// 3: only a larger region, coded to a natural feature or the provincial capital.
    Region = 3,
}

impl GeoPrecision {
    /// The numeric code, 1 to 3.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// A rough radius in km within which the event lies.
    pub fn uncertainty_km(self) -> f64 {
        match self {
            GeoPrecision::Town => 5.0,
            GeoPrecision::Near => 25.0,
            GeoPrecision::Region => 100.0,
        }
    }
}

impl TryFrom<u8> for GeoPrecision {
    type Error = Error;
    fn try_from(code: u8) -> Result<Self, Error> {
        match code {
            1 => Ok(GeoPrecision::Town),
            2 => Ok(GeoPrecision::Near),
            3 => Ok(GeoPrecision::Region),
            _ => Err(Error::Unknown { kind: "geo precision", value: code.to_string() }),
        }
    }
}

impl From<GeoPrecision> for u8 {
    fn from(precision: GeoPrecision) -> u8 {
        precision.code()
    }
}

/// Where an event happened, in ACLED's place fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Country name as ACLED writes it (`Burkina Faso`).
    pub country: String,
    /// ISO 3166-1 alpha-2 code (`BF`).
    pub country_code: String,
    /// First-level administrative unit, when known.
    pub admin1: Option<String>,
    /// Second-level administrative unit, when known.
    pub admin2: Option<String>,
    /// Third-level administrative unit, when known.
    pub admin3: Option<String>,
    /// The named place: the gazetteer's name for the town, feature or district.
    pub location: String,
    /// WGS84 latitude, rounded to 4 decimals.
    pub latitude: f64,
    /// WGS84 longitude, rounded to 4 decimals.
    pub longitude: f64,
    /// How precisely the place is known.
    pub geo_precision: GeoPrecision,
    /// Distance from the point to the nearest international border, in km.
    pub border_distance_km: Option<f64>,
    /// When the gazetteer lacks the named `location`, the known place whose coordinates
    /// (and admin units) stand in for it: an admin hint's seat, the report's known town,
    /// a region's seat or the country's capital. `geo_precision` still says what the
    /// report names (a named village is 1), as the codebook reads it; this says the point
    /// is only as good as that stand-in. `None` when the coordinates are the location's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates_of: Option<String>,
}
