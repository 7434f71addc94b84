//! [`IncidentMerge`]: the store's merge seam wired to `tocsin_merge`.
//!
//! For each new extraction the store looks up candidate events through its indexes (a
//! date window from the time precision, a bounding box from the geo precision, the
//! country), so the millionth report costs about what the first did. An extraction
//! joins the candidate with the most sources that `tocsin_merge::same_incident` says
//! are the same incident (single link, as `tocsin_merge::cluster` groups a batch); when
//! it matches several events it bridges them into one, so the grouping does not depend on
//! the order reports arrive in. The event is recoded from all its sources with `tocsin_merge::combine`, which does
//! not depend on their order.

use chrono::Duration;
use tocsin_merge::{combine, same_incident, MatchConfig, Verdict};
use tocsin_model::{Event, Extraction};
use tocsin_store::{BBox, EventFilter, Merge, Placement};

/// The widest time uncertainty any stored source can have (month precision), in days.
const WIDEST_DAYS: i64 = 16;

/// The widest geo uncertainty any stored source can have (region precision), in km,
/// plus room for the event's point having moved to a more precise source's place.
const WIDEST_KM: f64 = 125.0;

/// At most this many candidates are judged per extraction.
const MAX_CANDIDATES: usize = 200;

/// The merge policy ingestion uses by default: reports of one incident become one event.
#[derive(Debug, Clone, Default)]
pub struct IncidentMerge {
    /// The knobs of `tocsin_merge::same_incident`.
    pub config: MatchConfig,
}

impl IncidentMerge {
    /// The policy with the default [`MatchConfig`].
    pub fn new() -> IncidentMerge {
        IncidentMerge::default()
    }

    /// How many of `event`'s sources describe the same incident as `extraction`; 0 when
    /// the event's coding (its most precise date and place, its lead actors) does not, so
    /// that imprecise sources cannot chain distinct incidents (a week-precision date
    /// bridging two days, ...).
    fn matching_sources(&self, extraction: &Extraction, event: &Event) -> usize {
        let mut coding = event.coding.clone();
        // The coding carries its lead report's id; judged as the event, not as that report.
        coding.report_id.clear();
        if same_incident(extraction, &coding, &self.config) != Verdict::Same {
            return 0;
        }
        event
            .sources
            .iter()
            .filter(|source| same_incident(extraction, source, &self.config) == Verdict::Same)
            .count()
    }
}

impl Merge for IncidentMerge {
    fn candidates(&self, extraction: &Extraction) -> Option<EventFilter> {
        // same_incident needs both a date and a place.
        let date = &extraction.date.as_ref()?.value;
        let place = &extraction.place.as_ref()?.value;
        if !(place.latitude.is_finite() && place.longitude.is_finite()) {
            return None;
        }
        let days = date.precision.uncertainty_days() + WIDEST_DAYS + self.config.date_slack_days;
        let km = place.geo_precision.uncertainty_km()
            + WIDEST_KM
            + self.config.distance_slack_km.max(0.0);
        let dlat = km / 111.0;
        let cos = place.latitude.to_radians().cos().abs().max(0.05);
        let dlon = (km / (111.0 * cos)).min(180.0);
        let wrap = |lon: f64| {
            if lon > 180.0 {
                lon - 360.0
            } else if lon < -180.0 {
                lon + 360.0
            } else {
                lon
            }
        };
        let bbox = BBox {
            west: wrap(place.longitude - dlon),
            south: (place.latitude - dlat).max(-90.0),
            east: wrap(place.longitude + dlon),
            north: (place.latitude + dlat).min(90.0),
        };
        Some(EventFilter {
            start: date.date.checked_sub_signed(Duration::days(days)),
            end: date.date.checked_add_signed(Duration::days(days)),
            country: Some(place.country_code.clone()).filter(|code| !code.trim().is_empty()),
            bbox: Some(bbox),
            limit: Some(MAX_CANDIDATES),
            ..EventFilter::default()
        })
    }

    fn place(&mut self, extraction: &Extraction, candidates: &[Event]) -> Placement {
        // The candidate with the most matching sources keeps its ID; ties go to the
        // oldest event (lowest number), so the choice does not depend on candidate order.
        let mut matched: Vec<(usize, &Event)> = candidates
            .iter()
            .map(|event| (self.matching_sources(extraction, event), event))
            .filter(|(n, _)| *n > 0)
            .collect();
        matched.sort_by(|(n_a, a), (n_b, b)| {
            n_b.cmp(n_a).then_with(|| id_order(&a.id).cmp(&id_order(&b.id)))
        });
        let Some(((_, event), others)) = matched.split_first() else { return Placement::New };
        // Every matched event is the same incident (single link, as `cluster` groups).
        let mut sources: Vec<Extraction> =
            matched.iter().flat_map(|(_, event)| event.sources.iter().cloned()).collect();
        sources.push(extraction.clone());
        let Some(coding) = combine(&sources) else { return Placement::New };
        let (event_id, coding) = (event.id.clone(), Box::new(coding));
        if others.is_empty() {
            Placement::Join { event_id, coding }
        } else {
            let absorbed = others.iter().map(|(_, other)| other.id.clone()).collect();
            Placement::Bridge { event_id, absorbed, coding }
        }
    }

    fn recode(&self, sources: &[Extraction]) -> Option<Extraction> {
        combine(sources)
    }
}

/// An event ID's order: prefix, then number (so `TGO9` comes before `TGO10`).
fn id_order(id: &str) -> (&str, u64) {
    let split = id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len());
    let (prefix, number) = id.split_at(split);
    (prefix, number.parse().unwrap_or(u64::MAX))
}
