//! Actor types (inter codes 1-8) and the interaction code rule.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Error;

/// ACLED's actor type, the "inter code" (codebook section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Inter {
    /// 1: military and police forces of a state.
    StateForces = 1,
    /// 2: groups seeking to overthrow the regime or secede.
    Rebel = 2,
    /// 3: political militias; the default for unidentified armed groups.
    PoliticalMilitia = 3,
    /// 4: identity (communal) militias.
    IdentityMilitia = 4,
    /// 5: rioters.
    Rioters = 5,
    /// 6: protesters.
    Protesters = 6,
    /// 7: civilians.
    Civilians = 7,
    /// 8: external and other forces.
    External = 8,
}

impl Inter {
    /// Every inter code in order.
    pub const ALL: [Inter; 8] = [
        Inter::StateForces,
        Inter::Rebel,
        Inter::PoliticalMilitia,
        Inter::IdentityMilitia,
        Inter::Rioters,
        Inter::Protesters,
        Inter::Civilians,
        Inter::External,
    ];

    /// The numeric code, 1 to 8.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// ACLED's label for the actor type.
    pub fn label(self) -> &'static str {
        match self {
            Inter::StateForces => "State forces",
            Inter::Rebel => "Rebel group",
            Inter::PoliticalMilitia => "Political militia",
            Inter::IdentityMilitia => "Identity militia",
            Inter::Rioters => "Rioters",
            Inter::Protesters => "Protesters",
            Inter::Civilians => "Civilians",
            Inter::External => "External/Other forces",
        }
    }

    /// Whether actors of this type are organised armed groups (codes 1-4 and 8).
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            Inter::StateForces
                | Inter::Rebel
                | Inter::PoliticalMilitia
                | Inter::IdentityMilitia
                | Inter::External
        )
    }
}

impl TryFrom<u8> for Inter {
    type Error = Error;
    fn try_from(code: u8) -> Result<Self, Error> {
        Inter::ALL
            .into_iter()
            .find(|inter| inter.code() == code)
            .ok_or_else(|| Error::Unknown { kind: "inter code", value: code.to_string() })
    }
}

impl From<Inter> for u8 {
    fn from(inter: Inter) -> u8 {
        inter.code()
    }
}

impl fmt::Display for Inter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

/// The interaction code of an event, from its two actors' types.
///
/// Order-independent: `10 × min + max` for two actors, `10 × inter1` for one.
pub fn interaction(inter1: Inter, inter2: Option<Inter>) -> u8 {
    match inter2 {
        None => 10 * inter1.code(),
        Some(inter2) => {
            let (low, high) = if inter1 <= inter2 { (inter1, inter2) } else { (inter2, inter1) };
            10 * low.code() + high.code()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_rule() {
        assert_eq!(interaction(Inter::Rebel, Some(Inter::StateForces)), 12);
        assert_eq!(interaction(Inter::StateForces, Some(Inter::Rebel)), 12);
        assert_eq!(interaction(Inter::Rebel, Some(Inter::Civilians)), 27);
        assert_eq!(interaction(Inter::Protesters, None), 60);
        assert_eq!(interaction(Inter::External, Some(Inter::External)), 88);
    }

    #[test]
    fn codes_round_trip_and_reject_unknown() {
        for inter in Inter::ALL {
            assert_eq!(Inter::try_from(inter.code()), Ok(inter));
        }
        assert!(Inter::try_from(0).is_err());
        assert!(Inter::try_from(9).is_err());
    }
}
