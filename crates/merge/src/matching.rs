//! Whether two extractions describe the same incident.

use tocsin_model::{Actor, EventType, Extraction, Field, GeoPrecision, Inter, Place};

/// Knobs of the incident test.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchConfig {
    /// Extra days allowed between two dates on top of their time precision.
    pub date_slack_days: i64,
    /// How far apart two town-level (or "near") places may be and still be one place;
    /// the extra kilometres allowed on top of the geo precision when one is region-level.
    pub distance_slack_km: f64,
}

impl Default for MatchConfig {
    fn default() -> MatchConfig {
        MatchConfig { date_slack_days: 0, distance_slack_km: 2.0 }
    }
}

/// The outcome of comparing two extractions, with the reason when they differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// One incident.
    Same,
    /// Different incidents, and why.
    Different(&'static str),
}

/// Whether `a` and `b` describe the same incident.
///
/// ACLED's unit is one actor pair, one place, one day. Two extractions match when
/// their dates agree within the looser time precision, their places are one coded
/// location (the same point, or the same name within 50 km; a region-level place
/// covers its province's towns within 100 km), their event types are compatible (an "attack" in one report may be
/// a "clash" in another) and their actors do not contradict each other. Symmetric.
pub fn same_incident(a: &Extraction, b: &Extraction, config: &MatchConfig) -> Verdict {
    if a.report_id == b.report_id {
        // Events read from one report were already separated by extraction.
        return Verdict::Different("same report");
    }
    let (Some(date_a), Some(date_b)) = (&a.date, &b.date) else {
        return Verdict::Different("date unknown");
    };
    let window =
        date_a.value.precision.uncertainty_days().max(date_b.value.precision.uncertainty_days())
            + config.date_slack_days;
    if (date_a.value.date - date_b.value.date).num_days().abs() > window {
        return Verdict::Different("different days");
    }
    // A place no words of the report state (a report naming none, coded to the country of
    // its actors or of the desk) is not known to be anyone else's place.
    fn stated(place: &Option<Field<Place>>) -> Option<&Field<Place>> {
        place.as_ref().filter(|place| place.span.is_some())
    }
    let (Some(place_a), Some(place_b)) = (stated(&a.place), stated(&b.place)) else {
        return Verdict::Different("place unknown");
    };
    if !places_agree(&place_a.value, &place_b.value, config) {
        return Verdict::Different("different places");
    }
    if !types_compatible(a.event_type(), b.event_type()) {
        return Verdict::Different("incompatible event types");
    }
    if !actors_compatible(a, b) {
        return Verdict::Different("different actors");
    }
    Verdict::Same
}

fn places_agree(a: &Place, b: &Place, config: &MatchConfig) -> bool {
    if a.country_code != b.country_code {
        return false;
    }
    let coarse = a.geo_precision == GeoPrecision::Region || b.geo_precision == GeoPrecision::Region;
    if coarse {
        // A region-level place is a province's centroid: within 100 km lie other towns'
        // incidents, so both must at least name the same province.
        let same_admin1 = match (&a.admin1, &b.admin1) {
            (Some(x), Some(y)) => normalise(x) == normalise(y),
            _ => false,
        };
        if !same_admin1 {
            return false;
        }
    }
    let km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude);
    let (name_a, name_b) = (normalise(&a.location), normalise(&b.location));
    // One name geocoded to two points (two gazetteer entries) is one place when they are
    // not far apart; a name that normalises to nothing says nothing.
    if !name_a.is_empty() && name_a == name_b && km <= SAME_NAME_KM {
        return true;
    }
    if coarse {
        let radius = a.geo_precision.uncertainty_km().max(b.geo_precision.uncertainty_km())
            + config.distance_slack_km;
        return km <= radius;
    }
    // Villages the gazetteer lacks are coded, under their own names, to their district's
    // seat (precision 2): two of them share a point yet are two places, unless their names
    // are spellings of one. The district itself (`Kpendjal`) may hold either.
    let village = |p: &Place, name: &str| {
        p.geo_precision == GeoPrecision::Near
            && [&p.admin1, &p.admin2].into_iter().flatten().all(|unit| normalise(unit) != name)
    };
    if village(a, &name_a)
        && village(b, &name_b)
        && strsim::normalized_levenshtein(&name_a, &name_b) < SAME_SPELLING
    {
        return false;
    }
    // ACLED's unit is one coded location: an incident "near X" is coded at X, so two
    // town-level or "near" places are one only at one point (up to the slack). Allowing
    // each side's uncertainty radius chained distinct incidents 20 km apart into one
    // event on ACLED's dev notes.
    km <= config.distance_slack_km
}

/// How far apart two places of the same name may be geocoded and still be one place.
const SAME_NAME_KM: f64 = 50.0;

/// How alike two place names must be (normalised Levenshtein) to be spellings of one
/// (`Kpankankandi`, `Kpinkankandi`).
const SAME_SPELLING: f64 = 0.75;

/// Event types two reports of one incident may plausibly disagree on.
fn types_compatible(a: EventType, b: EventType) -> bool {
    use EventType::*;
    let family = |t: EventType| match t {
        Battles | ExplosionsRemoteViolence | ViolenceAgainstCivilians => 0,
        Protests | Riots => 1,
        StrategicDevelopments => 2,
    };
    a == b || family(a) == family(b)
}

/// Whether the actors of two readings can be the same pair.
///
/// Every actor of one reading must have a counterpart in the other, on either side: the
/// same name, or a generic actor of a compatible kind (an "unidentified armed group" in
/// one outlet is often a named group in another).
fn actors_compatible(a: &Extraction, b: &Extraction) -> bool {
    let sides = |e: &Extraction| -> Vec<Actor> {
        std::iter::once(e.actor1.value.clone())
            .chain(e.actor2.as_ref().map(|f| f.value.clone()))
            .collect()
    };
    let (sides_a, sides_b) = (sides(a), sides(b));
    let everyone = |e: &Extraction| -> Vec<Actor> {
        let mut all = sides(e);
        all.extend(e.assoc_actor_1.iter().chain(&e.assoc_actor_2).map(|f| f.value.clone()));
        all
    };
    let (all_a, all_b) = (everyone(a), everyone(b));
    sides_a.iter().all(|actor| all_b.iter().any(|other| actors_match(actor, other)))
        && sides_b.iter().all(|actor| all_a.iter().any(|other| actors_match(actor, other)))
}

fn actors_match(a: &Actor, b: &Actor) -> bool {
    if normalise(&a.name) == normalise(&b.name) {
        return true;
    }
    // A generic armed actor stands for any non-state armed group; generic civilians,
    // protesters and rioters only for their own kind, which equal names already cover.
    let non_state = |inter: Inter| {
        matches!(
            inter,
            Inter::Rebel | Inter::PoliticalMilitia | Inter::IdentityMilitia | Inter::External
        )
    };
    (is_generic_armed(a) && non_state(b.inter)) || (is_generic_armed(b) && non_state(a.inter))
}

fn is_generic_armed(actor: &Actor) -> bool {
    let name = normalise(&actor.name);
    name.starts_with("unidentified armed group")
        || name.starts_with("unidentified communal militia")
}

/// Casefolded, accent-free, with year ranges and punctuation dropped.
pub(crate) fn normalise(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut words = Vec::new();
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        words.push(word);
    }
    words.join(" ")
}

/// Great-circle distance in km.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = (lat2 - lat1).to_radians();
    let dlambda = (lon2 - lon1).to_radians();
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::combine::tests::{extraction, Spec};
    use tocsin_model::SubEventType;

    fn check(a: Spec, b: Spec, want: Verdict) {
        let (a, b) = (extraction(a), extraction(b));
        let config = MatchConfig::default();
        assert_eq!(same_incident(&a, &b, &config), want, "a→b");
        assert_eq!(same_incident(&b, &a, &config), want, "b→a (symmetry)");
    }

    #[test]
    fn same_pair_place_and_day_match() {
        check(Spec::default(), Spec { report: "r2", ..Spec::default() }, Verdict::Same);
    }

    #[test]
    fn attack_and_clash_may_be_one_incident() {
        let b = Spec { report: "r2", sub: SubEventType::AirDroneStrike, ..Spec::default() };
        check(Spec::default(), b, Verdict::Same);
    }

    #[test]
    fn unidentified_group_matches_a_named_group() {
        let b = Spec {
            report: "r2",
            actor1: ("Unidentified Armed Group (Togo)", Inter::PoliticalMilitia),
            ..Spec::default()
        };
        check(Spec::default(), b, Verdict::Same);
    }

    #[test]
    fn a_place_no_words_state_is_no_shared_place() {
        let mut b = extraction(Spec { report: "r2", ..Spec::default() });
        let a = extraction(Spec::default());
        assert_eq!(same_incident(&a, &b, &MatchConfig::default()), Verdict::Same);
        if let Some(place) = &mut b.place {
            place.span = None;
        }
        for (x, y) in [(&a, &b), (&b, &a)] {
            let verdict = same_incident(x, y, &MatchConfig::default());
            assert_eq!(verdict, Verdict::Different("place unknown"));
        }
    }

    #[test]
    fn a_day_apart_stays_apart_at_day_precision() {
        let b = Spec { report: "r2", day: 21, ..Spec::default() };
        check(Spec::default(), b, Verdict::Different("different days"));
    }

    #[test]
    fn a_week_precision_date_spans_neighbouring_days() {
        let b = Spec { report: "r2", day: 22, week: true, ..Spec::default() };
        check(Spec::default(), b, Verdict::Same);
    }

    #[test]
    fn far_apart_towns_stay_apart() {
        let b = Spec { report: "r2", location: ("Dapaong", 10.8622, 0.2076), ..Spec::default() };
        check(Spec::default(), b, Verdict::Different("different places"));
    }

    #[test]
    fn different_target_in_the_same_place_stays_apart() {
        let b = Spec {
            report: "r2",
            sub: SubEventType::AbductionForcedDisappearance,
            actor1: ("Unidentified Armed Group (Togo)", Inter::PoliticalMilitia),
            actor2: Some(("Civilians (Togo)", Inter::Civilians)),
            ..Spec::default()
        };
        check(Spec::default(), b, Verdict::Different("different actors"));
    }

    #[test]
    fn protest_and_battle_stay_apart() {
        let b = Spec {
            report: "r2",
            sub: SubEventType::PeacefulProtest,
            actor1: ("Protesters (Togo)", Inter::Protesters),
            actor2: None,
            ..Spec::default()
        };
        check(Spec::default(), b, Verdict::Different("incompatible event types"));
    }

    #[test]
    fn events_of_one_report_never_merge() {
        check(Spec::default(), Spec::default(), Verdict::Different("same report"));
    }

    #[test]
    fn region_level_places_need_the_same_province() {
        let mut a = extraction(Spec::default());
        let mut b =
            extraction(Spec { report: "r2", location: ("Savanes", 10.6, 0.5), ..Spec::default() });
        let config = MatchConfig::default();
        if let Some(place) = &mut b.place {
            place.value.geo_precision = GeoPrecision::Region;
        }
        assert_eq!(same_incident(&a, &b, &config), Verdict::Same);
        if let Some(place) = &mut a.place {
            place.value.admin1 = Some("Kara".into());
        }
        assert_eq!(same_incident(&a, &b, &config), Verdict::Different("different places"));
        assert_eq!(same_incident(&b, &a, &config), Verdict::Different("different places"));
    }

    #[test]
    fn two_unknown_villages_at_one_seat_are_two_places() {
        // Both coded to their district's seat under their own names, at precision 2.
        let seat = ("Qqorvenbougou", 10.8622, 0.2076);
        let a = || Spec { near: true, location: seat, ..Spec::default() };
        let b = Spec { report: "r2", location: ("Zzyzxgou", seat.1, seat.2), ..a() };
        check(a(), b, Verdict::Different("different places"));
        // Two spellings of one village are one place.
        let c = Spec { report: "r2", location: ("Qqorvenbugu", seat.1, seat.2), ..a() };
        check(a(), c, Verdict::Same);
    }

    #[test]
    fn near_places_twenty_km_apart_are_two_locations() {
        // "Near Kpinkankandi" and "near Mandouri": each is coded at its own town.
        let a = Spec { near: true, ..Spec::default() };
        let b = Spec {
            report: "r2",
            near: true,
            location: ("Mandouri", 10.85, 0.80),
            ..Spec::default()
        };
        check(a, b, Verdict::Different("different places"));
    }

    #[test]
    fn nameless_places_are_compared_by_distance() {
        let a = Spec { location: ("12", 10.99, 0.63), ..Spec::default() };
        let b = Spec { report: "r2", location: ("7", 10.30, 0.63), ..Spec::default() };
        check(a, b, Verdict::Different("different places"));
    }

    #[test]
    fn one_name_geocoded_far_apart_is_two_places() {
        let b = Spec { report: "r2", location: ("Kpinkankandi", 10.0, 0.63), ..Spec::default() };
        check(Spec::default(), b, Verdict::Different("different places"));
        let b = Spec { report: "r2", location: ("Kpinkankandi", 10.9, 0.60), ..Spec::default() };
        check(Spec::default(), b, Verdict::Same);
    }

    #[test]
    fn normalise_drops_years_accents_and_punctuation() {
        assert_eq!(normalise("Military Forces of Togo (2005-)"), "military forces of togo");
        assert_eq!(normalise("Côte d'Ivoire"), "cote d ivoire");
    }
}
