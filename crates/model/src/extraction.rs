//! One event as read from one report, with evidence for every field.

use serde::{Deserialize, Serialize};

use crate::{
    interaction, Actor, DisorderType, EventDate, EventType, Field, Place, Span, SubEventType,
};

/// One event read from one report.
///
/// Every field is a [`Field`]: the value, the words that support it and a confidence.
/// Fields ACLED derives (event type, disorder type, inter codes, interaction) are
/// methods, so they can never disagree with the fields they come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The report this event was read from.
    pub report_id: String,
    /// The day of the event; `None` when neither the text nor the dateline gives one.
    pub date: Option<Field<EventDate>>,
    /// The sub-event type (which fixes event type and disorder type).
    pub sub_event_type: Field<SubEventType>,
    /// The main actor.
    pub actor1: Field<Actor>,
    /// Actors beside actor 1.
    pub assoc_actor_1: Vec<Field<Actor>>,
    /// The second actor; the target in violence against civilians.
    pub actor2: Option<Field<Actor>>,
    /// Actors beside actor 2.
    pub assoc_actor_2: Vec<Field<Actor>>,
    /// Whether civilians were the main or only target.
    pub civilian_targeting: Field<bool>,
    /// Where the event happened; `None` when no place could be resolved.
    pub place: Option<Field<Place>>,
    /// Reported deaths by ACLED's conservative rules.
    pub fatalities: Field<u32>,
    /// The words that describe the event as a whole (its trigger sentence).
    pub trigger: Span,
    /// Overall confidence that this event is real and correctly coded, in `[0, 1]`.
    pub confidence: f32,
}

impl Extraction {
    /// The event type, from the sub-event type.
    pub fn event_type(&self) -> EventType {
        self.sub_event_type.value.event_type()
    }

    /// The disorder type, from the sub-event type.
    pub fn disorder_type(&self) -> DisorderType {
        self.sub_event_type.value.disorder_type()
    }

    /// The same event read from a window of a longer text that starts `by` bytes in:
    /// every span moved to the whole text.
    pub fn shift_spans(&mut self, by: usize) {
        if let Some(date) = &mut self.date {
            date.shift(by);
        }
        self.sub_event_type.shift(by);
        self.actor1.shift(by);
        if let Some(actor2) = &mut self.actor2 {
            actor2.shift(by);
        }
        for actor in self.assoc_actor_1.iter_mut().chain(&mut self.assoc_actor_2) {
            actor.shift(by);
        }
        self.civilian_targeting.shift(by);
        if let Some(place) = &mut self.place {
            place.shift(by);
        }
        self.fatalities.shift(by);
        self.trigger = self.trigger.shifted(by);
    }

    /// The interaction code, from the two actors' types.
    pub fn interaction(&self) -> u8 {
        interaction(self.actor1.value.inter, self.actor2.as_ref().map(|a| a.value.inter))
    }
}

/// Something extraction noticed but could not resolve, reported beside the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The report concerned.
    pub report_id: String,
    /// Where in the report, when it is about particular words.
    pub span: Option<Span>,
    /// What happened, lowercase, no final period.
    pub message: String,
}
