//! ACLED's event taxonomy: 6 event types, 25 sub-event types, 4 disorder types.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// One of ACLED's six event types, in precedence order (highest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    /// Violent interaction between two organised armed groups.
    Battles,
    /// Non-violent public demonstrations.
    Protests,
    /// Violent or destructive demonstrations and mobs.
    Riots,
    /// Weapons that act at range: bombs, shelling, air strikes.
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    /// Organised armed groups harming unarmed non-combatants.
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    /// Non-violent, politically significant developments.
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    /// Every event type, in precedence order.
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::Protests,
        EventType::Riots,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::StrategicDevelopments,
    ];

    /// ACLED's label for this type.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// The sub-event types of this type, in precedence order.
    pub fn sub_event_types(self) -> impl Iterator<Item = SubEventType> {
        SubEventType::ALL.into_iter().filter(move |sub| sub.event_type() == self)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventType {
    type Err = Error;
    fn from_str(text: &str) -> Result<Self, Error> {
        let wanted = text.trim();
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| Error::Unknown { kind: "event type", value: text.to_string() })
    }
}

/// One of ACLED's 25 sub-event types.
///
/// The variants are declared in ACLED's precedence order, so `Ord` ranks them:
/// a smaller value wins when several tactics occur in one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum SubEventType {
    /// State forces retake a location by armed interaction.
    GovernmentRegainsTerritory,
    /// A non-state actor captures and holds territory by armed interaction.
    NonStateActorOvertakesTerritory,
    /// Organised armed groups fight without a change of control.
    ArmedClash,
    /// Peaceful protesters met with lethal force or serious injury.
    ExcessiveForceAgainstProtesters,
    /// Protesters dispersed or suppressed without serious injury.
    ProtestWithIntervention,
    /// Demonstrators neither violent nor met with force.
    PeacefulProtest,
    /// Demonstrators engage in violence or destruction.
    ViolentDemonstration,
    /// Mobs attack people or property outside a demonstration.
    MobViolence,
    /// Use of Schedule 1 chemical agents.
    ChemicalWeapon,
    /// Air-to-ground attacks, including drones and helicopters.
    AirDroneStrike,
    /// A suicide bombing absent an armed clash.
    SuicideBomb,
    /// Artillery, mortars, rockets and missiles.
    ShellingArtilleryMissileAttack,
    /// Remotely or victim-activated explosives.
    RemoteExplosiveLandmineIed,
    /// Hand-thrown explosives.
    Grenade,
    /// Violence of a sexual nature against civilians.
    SexualViolence,
    /// Civilians targeted with violence.
    Attack,
    /// Abduction or forced disappearance with no further violence.
    AbductionForcedDisappearance,
    /// Agreements between actors: ceasefires, releases, surrenders.
    Agreement,
    /// Politically significant arrests by state forces.
    Arrests,
    /// New groups, mergers, defections, troop movements.
    ChangeToGroupActivity,
    /// A prevented explosion or a seized weapons cache.
    DisruptedWeaponsUse,
    /// An armed group sets up a base.
    HeadquartersOrBaseEstablished,
    /// Looting, seizure or destruction of property outside other violence.
    LootingPropertyDestruction,
    /// Control of a place taken without fighting.
    NonViolentTransferOfTerritory,
    /// Any other significant development.
    Other,
}

impl SubEventType {
    /// Every sub-event type, in precedence order (highest first).
    pub const ALL: [SubEventType; 25] = [
        SubEventType::GovernmentRegainsTerritory,
        SubEventType::NonStateActorOvertakesTerritory,
        SubEventType::ArmedClash,
        SubEventType::ExcessiveForceAgainstProtesters,
        SubEventType::ProtestWithIntervention,
        SubEventType::PeacefulProtest,
        SubEventType::ViolentDemonstration,
        SubEventType::MobViolence,
        SubEventType::ChemicalWeapon,
        SubEventType::AirDroneStrike,
        SubEventType::SuicideBomb,
        SubEventType::ShellingArtilleryMissileAttack,
        SubEventType::RemoteExplosiveLandmineIed,
        SubEventType::Grenade,
        SubEventType::SexualViolence,
        SubEventType::Attack,
        SubEventType::AbductionForcedDisappearance,
        SubEventType::Agreement,
        SubEventType::Arrests,
        SubEventType::ChangeToGroupActivity,
        SubEventType::DisruptedWeaponsUse,
        SubEventType::HeadquartersOrBaseEstablished,
        SubEventType::LootingPropertyDestruction,
        SubEventType::NonViolentTransferOfTerritory,
        SubEventType::Other,
    ];

    /// ACLED's label for this sub-event type.
    pub fn as_str(self) -> &'static str {
        use SubEventType::*;
        match self {
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            ArmedClash => "Armed clash",
            ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            ProtestWithIntervention => "Protest with intervention",
            PeacefulProtest => "Peaceful protest",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            ChemicalWeapon => "Chemical weapon",
            AirDroneStrike => "Air/drone strike",
            SuicideBomb => "Suicide bomb",
            ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
            Grenade => "Grenade",
            SexualViolence => "Sexual violence",
            Attack => "Attack",
            AbductionForcedDisappearance => "Abduction/forced disappearance",
            Agreement => "Agreement",
            Arrests => "Arrests",
            ChangeToGroupActivity => "Change to group/activity",
            DisruptedWeaponsUse => "Disrupted weapons use",
            HeadquartersOrBaseEstablished => "Headquarters or base established",
            LootingPropertyDestruction => "Looting/property destruction",
            NonViolentTransferOfTerritory => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            GovernmentRegainsTerritory | NonStateActorOvertakesTerritory | ArmedClash => {
                EventType::Battles
            }
            ExcessiveForceAgainstProtesters | ProtestWithIntervention | PeacefulProtest => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }

    /// The disorder type, a function of the sub-event type (codebook 1.3).
    pub fn disorder_type(self) -> DisorderType {
        use SubEventType::*;
        match self {
            ExcessiveForceAgainstProtesters => DisorderType::PoliticalViolenceDemonstrations,
            ProtestWithIntervention | PeacefulProtest | ViolentDemonstration => {
                DisorderType::Demonstrations
            }
            _ => match self.event_type() {
                EventType::StrategicDevelopments => DisorderType::StrategicDevelopments,
                _ => DisorderType::PoliticalViolence,
            },
        }
    }

    /// Whether ACLED always codes this sub-event type as civilian targeting.
    pub fn always_targets_civilians(self) -> bool {
        self.event_type() == EventType::ViolenceAgainstCivilians
    }

    /// The higher-ranked of two sub-event types (codebook 4.1).
    pub fn highest(self, other: SubEventType) -> SubEventType {
        self.min(other)
    }
}

impl fmt::Display for SubEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SubEventType {
    type Err = Error;
    fn from_str(text: &str) -> Result<Self, Error> {
        let wanted = text.trim();
        SubEventType::ALL
            .into_iter()
            .find(|sub| sub.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| Error::Unknown { kind: "sub-event type", value: text.to_string() })
    }
}

impl TryFrom<String> for SubEventType {
    type Error = Error;
    fn try_from(text: String) -> Result<Self, Error> {
        text.parse()
    }
}

impl From<SubEventType> for &'static str {
    fn from(sub: SubEventType) -> &'static str {
        sub.as_str()
    }
}

/// ACLED's disorder type, derived from the sub-event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DisorderType {
    /// Political violence.
    #[serde(rename = "Political violence")]
    PoliticalViolence,
    /// Demonstrations.
    Demonstrations,
    /// Excessive force against protesters: both at once.
    #[serde(rename = "Political violence; Demonstrations")]
    PoliticalViolenceDemonstrations,
    /// Strategic developments.
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl DisorderType {
    /// ACLED's label for this disorder type.
    pub fn as_str(self) -> &'static str {
        match self {
            DisorderType::PoliticalViolence => "Political violence",
            DisorderType::Demonstrations => "Demonstrations",
            DisorderType::PoliticalViolenceDemonstrations => "Political violence; Demonstrations",
            DisorderType::StrategicDevelopments => "Strategic developments",
        }
    }
}

impl fmt::Display for DisorderType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_sub_event_types_in_six_types() {
        assert_eq!(SubEventType::ALL.len(), 25);
        let counts: Vec<usize> =
            EventType::ALL.iter().map(|t| t.sub_event_types().count()).collect();
        assert_eq!(counts, vec![3, 3, 2, 6, 3, 8]);
    }

    #[test]
    fn labels_round_trip() {
        for sub in SubEventType::ALL {
            assert_eq!(sub.as_str().parse::<SubEventType>(), Ok(sub));
        }
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
        }
        assert!("Battle-No change of territory".parse::<SubEventType>().is_err());
    }

    #[test]
    fn precedence_follows_the_codebook() {
        assert_eq!(
            SubEventType::ArmedClash.highest(SubEventType::ShellingArtilleryMissileAttack),
            SubEventType::ArmedClash
        );
        assert_eq!(
            SubEventType::AbductionForcedDisappearance.highest(SubEventType::Attack),
            SubEventType::Attack
        );
        assert_eq!(
            SubEventType::AirDroneStrike.highest(SubEventType::ShellingArtilleryMissileAttack),
            SubEventType::AirDroneStrike
        );
    }

    #[test]
    fn disorder_type_by_sub_event_type() {
        use DisorderType::*;
        let check = |sub: SubEventType, want: DisorderType| assert_eq!(sub.disorder_type(), want);
        check(SubEventType::ExcessiveForceAgainstProtesters, PoliticalViolenceDemonstrations);
        check(SubEventType::PeacefulProtest, Demonstrations);
        check(SubEventType::ViolentDemonstration, Demonstrations);
        check(SubEventType::MobViolence, PoliticalViolence);
        check(SubEventType::ArmedClash, PoliticalViolence);
        check(SubEventType::Arrests, StrategicDevelopments);
    }

    #[test]
    fn serde_uses_acled_labels() {
        let json = serde_json::to_string(&SubEventType::AirDroneStrike).unwrap();
        assert_eq!(json, "\"Air/drone strike\"");
        let back: SubEventType = serde_json::from_str(&json).unwrap();
        assert_eq!(back, SubEventType::AirDroneStrike);
    }
}
