//! The coding of one incident from all its sources, by ACLED's rules.

use std::cmp::Ordering;

use tocsin_model::{Actor, Extraction, Field};

use crate::matching::normalise;

/// The coding of one incident from the extractions of all its sources.
///
/// * sub-event type, actors and civilian targeting come from the *lead* source: the one
///   with the highest-ranked sub-event type (codebook 4.1), then the highest confidence;
/// * date and place are the most precise any source gives (then the most confident);
/// * fatalities are the lowest figure any source states (codebook 8: conflicting
///   reports give the lowest); a source that does not mention deaths does not count
///   as a report of zero;
/// * associated actors are united across sources, without the two main actors.
///
/// The result does not depend on the order of `sources`. Returns `None` for no sources.
pub fn combine(sources: &[Extraction]) -> Option<Extraction> {
    let mut ordered: Vec<&Extraction> = sources.iter().collect();
    ordered.sort_by(|a, b| a.report_id.cmp(&b.report_id).then(a.trigger.cmp(&b.trigger)));
    let lead = *ordered.iter().min_by(|a, b| {
        a.sub_event_type
            .value
            .cmp(&b.sub_event_type.value)
            .then(descending(a.confidence, b.confidence))
    })?;

    let date = ordered
        .iter()
        .filter_map(|e| e.date.as_ref())
        .min_by(|a, b| {
            a.value.precision.cmp(&b.value.precision).then(descending(a.confidence, b.confidence))
        })
        .cloned();
    let place = ordered
        .iter()
        .filter_map(|e| e.place.as_ref())
        .min_by(|a, b| {
            a.value
                .geo_precision
                .cmp(&b.value.geo_precision)
                .then(descending(a.confidence, b.confidence))
        })
        .cloned();
    let fatalities = ordered
        .iter()
        .map(|e| &e.fatalities)
        .filter(|f| f.span.is_some())
        .min_by_key(|f| f.value)
        .cloned()
        .unwrap_or_else(|| lead.fatalities.clone());

    let main_names: Vec<String> = std::iter::once(&lead.actor1)
        .chain(lead.actor2.as_ref())
        .map(|f| normalise(&f.value.name))
        .collect();
    let assoc_actor_1 =
        united(ordered.iter().map(|e| &e.assoc_actor_1), &lead.actor1.value, &main_names);
    let assoc_actor_2 = match &lead.actor2 {
        Some(actor2) => {
            united(ordered.iter().map(|e| &e.assoc_actor_2), &actor2.value, &main_names)
        }
        None => Vec::new(),
    };

    // Independent reports of one incident raise confidence (noisy-or), never past 0.99.
    let doubt: f32 = ordered.iter().map(|e| 1.0 - e.confidence.clamp(0.0, 1.0)).product();
    Some(Extraction {
        report_id: lead.report_id.clone(),
        date,
        sub_event_type: lead.sub_event_type.clone(),
        actor1: lead.actor1.clone(),
        assoc_actor_1,
        actor2: lead.actor2.clone(),
        assoc_actor_2,
        civilian_targeting: lead.civilian_targeting.clone(),
        place,
        fatalities,
        trigger: lead.trigger,
        confidence: (1.0 - doubt).min(0.99),
    })
}

/// The lowest and highest fatality figures the sources state, when they disagree.
///
/// ACLED codes the lowest and notes the dispute; this is what the note reports.
pub fn fatality_range(sources: &[Extraction]) -> Option<(u32, u32)> {
    let stated = sources.iter().filter(|e| e.fatalities.span.is_some()).map(|e| e.fatalities.value);
    let (low, high) = stated.fold(None, |range: Option<(u32, u32)>, n| match range {
        None => Some((n, n)),
        Some((low, high)) => Some((low.min(n), high.max(n))),
    })?;
    (low != high).then_some((low, high))
}

/// Associated actors of one side from every source, without repeats and without the
/// main actors; the first reading of each name (in report order) is kept.
fn united<'a>(
    sides: impl Iterator<Item = &'a Vec<Field<Actor>>>,
    main: &Actor,
    main_names: &[String],
) -> Vec<Field<Actor>> {
    let mut seen: Vec<String> = main_names.to_vec();
    seen.push(normalise(&main.name));
    let mut out = Vec::new();
    for actor in sides.flatten() {
        let key = normalise(&actor.value.name);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(actor.clone());
        }
    }
    out
}

fn descending(a: f32, b: f32) -> Ordering {
    b.partial_cmp(&a).unwrap_or(Ordering::Equal)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::NaiveDate;
    use tocsin_model::{EventDate, GeoPrecision, Inter, Place, Span, SubEventType, TimePrecision};

    /// A compact description of a test extraction.
    #[derive(Debug, Clone)]
    pub(crate) struct Spec {
        pub report: &'static str,
        pub sub: SubEventType,
        pub actor1: (&'static str, Inter),
        pub actor2: Option<(&'static str, Inter)>,
        pub assoc1: Vec<&'static str>,
        pub day: u32,
        pub week: bool,
        pub location: (&'static str, f64, f64),
        pub near: bool,
        pub fatalities: Option<u32>,
        pub confidence: f32,
    }

    impl Default for Spec {
        fn default() -> Spec {
            Spec {
                report: "r1",
                sub: SubEventType::ArmedClash,
                actor1: ("JNIM: Group for Support of Islam and Muslims", Inter::Rebel),
                actor2: Some(("Military Forces of Togo (2005-)", Inter::StateForces)),
                assoc1: Vec::new(),
                day: 20,
                week: false,
                location: ("Kpinkankandi", 10.9932, 0.6315),
                near: false,
                fatalities: Some(8),
                confidence: 0.8,
            }
        }
    }

    pub(crate) fn extraction(spec: Spec) -> Extraction {
        let span = Span::new(0, 4);
        let actor = |(name, inter): (&str, Inter)| Field::found(Actor::new(name, inter), span, 0.9);
        let precision = if spec.week { TimePrecision::Week } else { TimePrecision::Day };
        let date = NaiveDate::from_ymd_opt(2024, 7, spec.day).expect("test dates are valid");
        let (location, latitude, longitude) = spec.location;
        Extraction {
            report_id: spec.report.to_string(),
            date: Some(Field::found(EventDate { date, precision }, span, 0.9)),
            sub_event_type: Field::found(spec.sub, span, 0.9),
            actor1: actor(spec.actor1),
            assoc_actor_1: spec.assoc1.iter().map(|name| actor((name, Inter::Rebel))).collect(),
            actor2: spec.actor2.map(actor),
            assoc_actor_2: Vec::new(),
            civilian_targeting: Field::inferred(spec.sub.always_targets_civilians(), 0.9),
            place: Some(Field::found(
                Place {
                    country: "Togo".into(),
                    country_code: "TG".into(),
                    admin1: Some("Savanes".into()),
                    admin2: Some("Kpendjal".into()),
                    admin3: None,
                    location: location.into(),
                    latitude,
                    longitude,
                    geo_precision: if spec.near { GeoPrecision::Near } else { GeoPrecision::Town },
                    border_distance_km: None,
                    coordinates_of: None,
                },
                span,
                0.8,
            )),
            fatalities: match spec.fatalities {
                Some(n) => Field::found(n, span, 0.9),
                None => Field::inferred(0, 0.5),
            },
            trigger: span,
            confidence: spec.confidence,
        }
    }

    fn combined(specs: Vec<Spec>) -> Extraction {
        let sources: Vec<Extraction> = specs.into_iter().map(extraction).collect();
        let forward = combine(&sources).expect("sources are not empty");
        let mut reversed = sources.clone();
        reversed.reverse();
        assert_eq!(combine(&reversed).as_ref(), Some(&forward), "order must not matter");
        forward
    }

    #[test]
    fn lowest_stated_fatalities_win_and_silence_is_not_zero() {
        let merged = combined(vec![
            Spec { fatalities: Some(12), ..Spec::default() },
            Spec { report: "r2", fatalities: Some(8), ..Spec::default() },
            Spec { report: "r3", fatalities: None, ..Spec::default() },
        ]);
        assert_eq!(merged.fatalities.value, 8);
        let sources: Vec<Extraction> = [12, 8]
            .iter()
            .zip(["a", "b"])
            .map(|(n, r)| extraction(Spec { report: r, fatalities: Some(*n), ..Spec::default() }))
            .collect();
        assert_eq!(fatality_range(&sources), Some((8, 12)));
        assert_eq!(fatality_range(&sources[..1]), None);
    }

    #[test]
    fn highest_ranked_type_leads_and_most_precise_place_wins() {
        let merged = combined(vec![
            Spec { sub: SubEventType::ShellingArtilleryMissileAttack, ..Spec::default() },
            Spec { report: "r2", near: true, ..Spec::default() },
        ]);
        assert_eq!(merged.sub_event_type.value, SubEventType::ArmedClash);
        assert_eq!(merged.report_id, "r2");
        let place = merged.place.expect("a place");
        assert_eq!(place.value.geo_precision, GeoPrecision::Town);
    }

    #[test]
    fn associated_actors_are_united_without_the_main_pair() {
        let merged = combined(vec![
            Spec { assoc1: vec!["Ansaroul Islam"], ..Spec::default() },
            Spec {
                report: "r2",
                assoc1: vec!["Ansaroul Islam", "JNIM: Group for Support of Islam and Muslims"],
                ..Spec::default()
            },
        ]);
        let names: Vec<&str> = merged.assoc_actor_1.iter().map(|f| f.value.name.as_str()).collect();
        assert_eq!(names, vec!["Ansaroul Islam"]);
    }

    #[test]
    fn more_sources_raise_confidence() {
        let merged = combined(vec![Spec::default(), Spec { report: "r2", ..Spec::default() }]);
        assert!(merged.confidence > 0.8 && merged.confidence <= 0.99, "{}", merged.confidence);
    }
}
