//! Command-line filters to the store's event filter.

use std::path::Path;

use anyhow::{anyhow, bail, Result};
use tocsin_model::{EventType, SubEventType};
use tocsin_store::EventFilter;

use crate::args::Filters;

/// The store's filter for the command-line filters; `--with-subgroups` reads the actor
/// knowledge base with the analyst's learned actors in `actors_dir`.
pub fn event_filter(filters: &Filters, actors_dir: Option<&Path>) -> Result<EventFilter> {
    if let (Some(from), Some(to)) = (filters.from, filters.to) {
        if from > to {
            bail!("--from {from} is after --to {to}");
        }
    }
    let mut filter = EventFilter {
        start: filters.from,
        end: filters.to,
        country: non_empty(&filters.country),
        admin1: non_empty(&filters.admin1),
        actor: non_empty(&filters.actor),
        text: non_empty(&filters.search),
        limit: filters.limit,
        ..EventFilter::default()
    };
    if filters.with_subgroups {
        if let Some(actor) = filter.actor.take() {
            let book = tocsin_actors::ActorBook::load(actors_dir)?;
            filter.actors = book.family(&actor);
            if filter.actors.is_empty() {
                bail!(
                    "{actor:?} is not in the actor knowledge base, so its sub-groups are unknown: \
                     give its canonical name, an alias or an acronym (JNIM, GSIM, ISWAP...), \
                     or drop --with-subgroups to match names containing it"
                );
            }
        }
    }
    if let Some(wanted) = non_empty(&filters.event_type) {
        if let Ok(event_type) = wanted.parse::<EventType>() {
            filter.event_type = Some(event_type);
        } else if let Ok(sub_event_type) = wanted.parse::<SubEventType>() {
            filter.sub_event_type = Some(sub_event_type);
        } else {
            return Err(anyhow!(
                "unknown event type {wanted:?}: use one of {} or a sub-event type such as \"Armed clash\"",
                EventType::ALL.iter().map(|t| format!("\"{}\"", t.as_str())).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    Ok(filter)
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|value| !value.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters() -> Filters {
        Filters {
            from: None,
            to: None,
            country: None,
            admin1: None,
            event_type: None,
            actor: None,
            with_subgroups: false,
            search: None,
            limit: None,
        }
    }

    fn check_type(wanted: &str, event_type: Option<EventType>, sub: Option<SubEventType>) {
        let filter =
            event_filter(&Filters { event_type: Some(wanted.to_owned()), ..filters() }, None)
                .expect(wanted);
        assert_eq!((filter.event_type, filter.sub_event_type), (event_type, sub), "{wanted}");
    }

    #[test]
    fn types_and_sub_event_types() {
        check_type("Battles", Some(EventType::Battles), None);
        check_type("battles", Some(EventType::Battles), None);
        check_type("Armed clash", None, Some(SubEventType::ArmedClash));
        check_type("  ", None, None);
        assert!(event_filter(&Filters { event_type: Some("Picnic".into()), ..filters() }, None)
            .is_err());
    }

    #[test]
    fn sub_groups_come_from_the_knowledge_base() {
        let jnim = Filters { actor: Some("GSIM".into()), with_subgroups: true, ..filters() };
        let filter = event_filter(&jnim, None).expect("GSIM is an alias of JNIM");
        assert_eq!(filter.actor, None);
        assert!(filter.actors.len() > 1, "JNIM has sub-groups: {:?}", filter.actors);
        assert!(filter.actors.iter().any(|name| name.starts_with("JNIM")), "{:?}", filter.actors);
        let unknown = Filters { actor: Some("Nobody".into()), with_subgroups: true, ..filters() };
        assert!(event_filter(&unknown, None).is_err());
        let plain =
            event_filter(&Filters { actor: Some("JNIM".into()), ..filters() }, None).expect("ok");
        assert_eq!((plain.actor.as_deref(), plain.actors.len()), (Some("JNIM"), 0));
    }

    #[test]
    fn dates_must_be_in_order() {
        let day = |text: &str| text.parse::<chrono::NaiveDate>().ok();
        let ok = Filters { from: day("2024-07-01"), to: day("2024-07-31"), ..filters() };
        assert!(event_filter(&ok, None).is_ok());
        let reversed = Filters { from: day("2024-08-01"), to: day("2024-07-31"), ..filters() };
        assert!(event_filter(&reversed, None).is_err());
    }
}
