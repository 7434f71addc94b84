//! An actor as ACLED names it: canonical name plus actor type.

use serde::{Deserialize, Serialize};

use crate::Inter;

/// A named actor: the canonical ACLED-style name and its inter code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name, e.g. `JNIM: Group for Support of Islam and Muslims`.
    pub name: String,
    /// The actor's type.
    pub inter: Inter,
}

impl Actor {
    /// An actor with the given name and type.
    pub fn new(name: impl Into<String>, inter: Inter) -> Actor {
        Actor { name: name.into(), inter }
    }
}
