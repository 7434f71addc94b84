//! Query parameters: the event filter shared by `/api/events`, `/api/stats` and
//! `/api/actors`, checked strictly so that a typo is a 400 rather than a silent no-op.

use chrono::NaiveDate;
use tocsin_model::{EventType, SubEventType};
use tocsin_store::{BBox, EventFilter, Sort};

use crate::error::ApiError;

/// The largest page `/api/events` hands out.
pub const MAX_LIMIT: usize = 1000;

/// The page size when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;

/// The parameters every filtered endpoint understands.
const FILTER_PARAMS: [&str; 15] = [
    "start",
    "end",
    "bbox",
    "country",
    "admin1",
    "admin2",
    "event_type",
    "sub_event_type",
    "actor",
    "with_subgroups",
    "min_fatalities",
    "max_fatalities",
    "q",
    "limit",
    "offset",
];

/// What an event output looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// tocsin's JSON page.
    #[default]
    Json,
    /// A GeoJSON FeatureCollection with ACLED's columns.
    GeoJson,
    /// ACLED's CSV.
    Csv,
}

/// A parsed event query.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// The store filter (limit and offset included).
    pub filter: EventFilter,
    /// Whether `actor` also matches the actor's sub-groups.
    pub with_subgroups: bool,
    /// The output format.
    pub format: OutputFormat,
}

/// Parses the parameters of a filtered endpoint; `extra` names the endpoint's other
/// accepted parameters (`sort`, `format`), which are parsed here too when listed.
pub fn event_query(pairs: &[(String, String)], extra: &[&str]) -> Result<EventQuery, ApiError> {
    let mut query = EventQuery::default();
    query.filter.limit = Some(DEFAULT_LIMIT);
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in pairs {
        let name = name.as_str();
        if !FILTER_PARAMS.contains(&name) && !extra.contains(&name) {
            let mut known: Vec<&str> = FILTER_PARAMS.to_vec();
            known.extend_from_slice(extra);
            return Err(ApiError::bad_request(
                format!("unknown parameter {name:?}"),
                format!("known parameters: {}", known.join(", ")),
            ));
        }
        if seen.contains(&name) {
            return Err(ApiError::bad_request(
                format!("parameter {name:?} is given twice"),
                "give each parameter once",
            ));
        }
        seen.push(name);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let filter = &mut query.filter;
        match name {
            "start" => filter.start = Some(date(name, value)?),
            "end" => filter.end = Some(date(name, value)?),
            "bbox" => filter.bbox = Some(bbox(value)?),
            "country" => filter.country = Some(value.to_owned()),
            "admin1" => filter.admin1 = Some(value.to_owned()),
            "admin2" => filter.admin2 = Some(value.to_owned()),
            "event_type" => {
                filter.event_type = Some(value.parse::<EventType>().map_err(|_| {
                    ApiError::bad_request(
                        format!("unknown event_type {value:?}"),
                        "use one of: Battles, Violence against civilians, Explosions/Remote violence, Protests, Riots, Strategic developments",
                    )
                })?)
            }
            "sub_event_type" => {
                filter.sub_event_type = Some(value.parse::<SubEventType>().map_err(|_| {
                    ApiError::bad_request(
                        format!("unknown sub_event_type {value:?}"),
                        "use an ACLED sub-event type such as \"Armed clash\" or \"Peaceful protest\"",
                    )
                })?)
            }
            "actor" => filter.actor = Some(value.to_owned()),
            "with_subgroups" => query.with_subgroups = boolean(name, value)?,
            "min_fatalities" => filter.min_fatalities = Some(count(name, value)?),
            "max_fatalities" => filter.max_fatalities = Some(count(name, value)?),
            "q" => filter.text = Some(value.to_owned()),
            "limit" => {
                let limit = number(name, value)?;
                if limit > MAX_LIMIT {
                    return Err(ApiError::bad_request(
                        format!("limit {limit} is above the maximum of {MAX_LIMIT}"),
                        "page with offset, or use format=csv/geojson pages of at most 1000",
                    ));
                }
                filter.limit = Some(limit);
            }
            "offset" => filter.offset = number(name, value)?,
            "sort" => {
                filter.sort = value.parse::<Sort>().map_err(|_| {
                    ApiError::bad_request(
                        format!("unknown sort {value:?}"),
                        "use date (newest first), +date (oldest first), fatalities or stored",
                    )
                })?
            }
            "format" => query.format = format(value)?,
            _ => {}
        }
    }
    if let (Some(start), Some(end)) = (query.filter.start, query.filter.end) {
        if start > end {
            return Err(ApiError::bad_request(
                format!("start {start} is after end {end}"),
                "swap start and end",
            ));
        }
    }
    if let (Some(min), Some(max)) = (query.filter.min_fatalities, query.filter.max_fatalities) {
        if min > max {
            return Err(ApiError::bad_request(
                format!("min_fatalities {min} is above max_fatalities {max}"),
                "swap the two bounds",
            ));
        }
    }
    Ok(query)
}

/// A `YYYY-MM-DD` day.
fn date(name: &str, value: &str) -> Result<NaiveDate, ApiError> {
    let well_formed = value.len() == 10 && value.as_bytes().get(4) == Some(&b'-');
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(day) if well_formed => Ok(day),
        _ => Err(ApiError::bad_request(
            format!("{name} {value:?} is not a date"),
            "write dates as YYYY-MM-DD, e.g. 2024-05-01",
        )),
    }
}

/// `minlon,minlat,maxlon,maxlat` in WGS84 degrees.
fn bbox(value: &str) -> Result<BBox, ApiError> {
    let hint = "bbox=minlon,minlat,maxlon,maxlat in degrees, e.g. bbox=-1,6,2,11.5";
    let parsed: BBox = value
        .parse()
        .map_err(|_| ApiError::bad_request(format!("bbox {value:?} is not four numbers"), hint))?;
    let finite =
        [parsed.west, parsed.south, parsed.east, parsed.north].iter().all(|n| n.is_finite());
    let in_range = (-180.0..=180.0).contains(&parsed.west)
        && (-180.0..=180.0).contains(&parsed.east)
        && (-90.0..=90.0).contains(&parsed.south)
        && (-90.0..=90.0).contains(&parsed.north);
    if !finite || !in_range {
        return Err(ApiError::bad_request(format!("bbox {value:?} is out of range"), hint));
    }
    if parsed.south > parsed.north {
        return Err(ApiError::bad_request(
            format!("bbox {value:?} has its southern edge north of its northern edge"),
            hint,
        ));
    }
    Ok(parsed)
}

fn number(name: &str, value: &str) -> Result<usize, ApiError> {
    value.parse::<usize>().map_err(|_| {
        ApiError::bad_request(
            format!("{name} {value:?} is not a whole number"),
            format!("{name} takes a number such as 0, 10 or 100"),
        )
    })
}

fn count(name: &str, value: &str) -> Result<u32, ApiError> {
    value.parse::<u32>().map_err(|_| {
        ApiError::bad_request(
            format!("{name} {value:?} is not a whole number"),
            format!("{name} takes a number of deaths such as 0 or 10"),
        )
    })
}

fn boolean(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(ApiError::bad_request(
            format!("{name} {value:?} is not true or false"),
            format!("{name}=true or {name}=false"),
        )),
    }
}

fn format(value: &str) -> Result<OutputFormat, ApiError> {
    match value.to_ascii_lowercase().as_str() {
        "json" => Ok(OutputFormat::Json),
        "geojson" => Ok(OutputFormat::GeoJson),
        "csv" | "acled-csv" => Ok(OutputFormat::Csv),
        _ => Err(ApiError::bad_request(
            format!("unknown format {value:?}"),
            "format=json, geojson or csv",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect()
    }

    /// Parses `query` and returns the error message, or `ok`.
    fn check(query: &str, expected: &str) {
        let got = match event_query(&pairs(query), &["sort", "format"]) {
            Ok(_) => "ok".to_owned(),
            Err(error) => error.error,
        };
        assert!(got.contains(expected), "{query}: got {got:?}, expected {expected:?}");
    }

    #[test]
    fn good_queries() {
        check("", "ok");
        check("start=2024-01-01&end=2024-12-31", "ok");
        check("bbox=-1,6,2,11.5", "ok");
        check("bbox=170,-20,-170,10", "ok");
        check("limit=1000&offset=5&sort=fatalities&format=csv", "ok");
        check("actor=JNIM&with_subgroups=true", "ok");
        check("event_type=Battles&sub_event_type=Armed%20clash".replace("%20", " ").as_str(), "ok");
        check("country=", "ok");
    }

    #[test]
    fn bad_dates() {
        check("start=2024-13-01", "not a date");
        check("start=yesterday", "not a date");
        check("end=2024-1-1", "not a date");
        check("end=+2024-01-01", "not a date");
        check("start=2024-05-02&end=2024-05-01", "after end");
    }

    #[test]
    fn bad_boxes() {
        check("bbox=1,2,3", "not four numbers");
        check("bbox=a,b,c,d", "not four numbers");
        check("bbox=0,10,1,5", "southern edge");
        check("bbox=0,0,1,95", "out of range");
        check("bbox=NaN,0,1,5", "out of range");
    }

    #[test]
    fn bad_numbers_and_names() {
        check("limit=1001", "above the maximum");
        check("limit=-1", "not a whole number");
        check("offset=x", "not a whole number");
        check("min_fatalities=5&max_fatalities=2", "above max_fatalities");
        check("event_type=War", "unknown event_type");
        check("sub_event_type=Fight", "unknown sub_event_type");
        check("sort=random", "unknown sort");
        check("format=xml", "unknown format");
        check("with_subgroups=maybe", "not true or false");
        check("colour=red", "unknown parameter");
        check("limit=1&limit=2", "given twice");
    }

    #[test]
    fn extra_parameters_are_per_endpoint() {
        let error = event_query(&pairs("sort=date"), &[]).err().map(|e| e.error);
        assert_eq!(error.as_deref(), Some("unknown parameter \"sort\""));
    }
}
