//! Actors: the knowledge base of canonical actor names and their recognition.
//!
//! This crate owns the shipped actor dictionary (canonical ACLED-style names, inter
//! codes, aliases in English and French, families, state forces by regime period),
//! recognises actor mentions in text and assigns ACLED's roles (actor 1, actor 2,
//! associated actors). It knows nothing of places or dates beyond what it is given.
#![warn(missing_docs)]

use chrono::NaiveDate;
use tocsin_model::{Actor, Field, Language, Span, SubEventType};

/// An error loading actor data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The actor data is unreadable.
    #[error("actor data: {0}")]
    Data(String),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The actor knowledge base.
#[derive(Debug, Default)]
pub struct ActorBook {}

/// What an event needs to know to assign roles.
#[derive(Debug, Clone, Copy)]
pub struct RoleContext<'a> {
    /// The whole report text.
    pub text: &'a str,
    /// The words describing this event.
    pub focus: Span,
    /// The report's language.
    pub language: Language,
    /// The event's sub-event type.
    pub sub_event_type: SubEventType,
    /// The event's date, for regime-period names of state forces.
    pub date: Option<NaiveDate>,
    /// ISO alpha-2 code of the event's country, when known.
    pub country_code: Option<&'a str>,
}

/// The actors of one event in ACLED's roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Roles {
    /// The main actor.
    pub actor1: Field<Actor>,
    /// Actors beside actor 1.
    pub assoc_actor_1: Vec<Field<Actor>>,
    /// The second actor, the target in violence against civilians.
    pub actor2: Option<Field<Actor>>,
    /// Actors beside actor 2.
    pub assoc_actor_2: Vec<Field<Actor>>,
}

impl ActorBook {
    /// The actor knowledge base that ships inside tocsin.
    pub fn load_default() -> Result<ActorBook> {
        Ok(ActorBook {})
    }

    /// The actors of the event described in `context`, in ACLED's roles.
    pub fn roles(&self, context: &RoleContext<'_>) -> Option<Roles> {
        let _ = context;
        None
    }
}
