//! ACLED's taxonomy: 6 event types, 25 sub-event types (exact spellings),
//! actor type codes 1–8, interaction codes and the precision codes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TaxonomyError {
    #[error("unknown ACLED event type {0:?}")]
    UnknownEventType(String),
    #[error("unknown ACLED sub-event type {0:?}")]
    UnknownSubEventType(String),
    #[error("actor type code must be 1-8, got {0}")]
    BadActorType(u8),
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $err:ident, { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// ACLED's exact spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Result<Self, TaxonomyError> {
                let t = s.trim();
                $(if t.eq_ignore_ascii_case($text) { return Ok($name::$variant); })+
                Err(TaxonomyError::$err(s.to_string()))
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.as_str()) }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

string_enum!(
    /// ACLED's six event types.
    EventType, UnknownEventType, {
    Battles => "Battles",
    ExplosionsRemoteViolence => "Explosions/Remote violence",
    ViolenceAgainstCivilians => "Violence against civilians",
    Protests => "Protests",
    Riots => "Riots",
    StrategicDevelopments => "Strategic developments",
});

string_enum!(
    /// ACLED's 25 sub-event types.
    SubEventType, UnknownSubEventType, {
    ArmedClash => "Armed clash",
    GovernmentRegainsTerritory => "Government regains territory",
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
    ChemicalWeapon => "Chemical weapon",
    AirDroneStrike => "Air/drone strike",
    SuicideBomb => "Suicide bomb",
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
    Grenade => "Grenade",
    SexualViolence => "Sexual violence",
    Attack => "Attack",
    AbductionForcedDisappearance => "Abduction/forced disappearance",
    PeacefulProtest => "Peaceful protest",
    ProtestWithIntervention => "Protest with intervention",
    ExcessiveForceAgainstProtesters => "Excessive force against protesters",
    ViolentDemonstration => "Violent demonstration",
    MobViolence => "Mob violence",
    Agreement => "Agreement",
    Arrests => "Arrests",
    ChangeToGroupActivity => "Change to group/activity",
    DisruptedWeaponsUse => "Disrupted weapons use",
    HeadquartersOrBaseEstablished => "Headquarters or base established",
    LootingPropertyDestruction => "Looting/property destruction",
    NonViolentTransferOfTerritory => "Non-violent transfer of territory",
    Other => "Other",
});

impl SubEventType {
    /// The event type each sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
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
}

impl EventType {
    pub fn sub_types(self) -> impl Iterator<Item = SubEventType> {
        SubEventType::ALL
            .iter()
            .copied()
            .filter(move |s| s.event_type() == self)
    }
}

/// ACLED actor type ("inter") codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorType {
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOtherForces = 8,
}

impl ActorType {
    pub fn code(self) -> u8 {
        self as u8
    }
    pub fn from_code(code: u8) -> Result<Self, TaxonomyError> {
        use ActorType::*;
        Ok(match code {
            1 => StateForces,
            2 => RebelGroup,
            3 => PoliticalMilitia,
            4 => IdentityMilitia,
            5 => Rioters,
            6 => Protesters,
            7 => Civilians,
            8 => ExternalOtherForces,
            other => return Err(TaxonomyError::BadActorType(other)),
        })
    }
    pub fn label(self) -> &'static str {
        use ActorType::*;
        match self {
            StateForces => "State Forces",
            RebelGroup => "Rebel Groups",
            PoliticalMilitia => "Political Militias",
            IdentityMilitia => "Identity Militias",
            Rioters => "Rioters",
            Protesters => "Protesters",
            Civilians => "Civilians",
            ExternalOtherForces => "External/Other Forces",
        }
    }

    /// ACLED's two-digit interaction code: the two actor codes, lower first;
    /// an event with one actor gets `X0` (e.g. 60 for protesters alone).
    pub fn interaction(a: Option<ActorType>, b: Option<ActorType>) -> Option<u8> {
        match (a, b) {
            (Some(a), Some(b)) => {
                let (lo, hi) = if a.code() <= b.code() {
                    (a.code(), b.code())
                } else {
                    (b.code(), a.code())
                };
                Some(lo * 10 + hi)
            }
            (Some(x), None) | (None, Some(x)) => Some(x.code() * 10),
            (None, None) => None,
        }
    }
}

impl Serialize for ActorType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.code())
    }
}
impl<'de> Deserialize<'de> for ActorType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ActorType::from_code(u8::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// ACLED `time_precision`: how exactly the text dates the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimePrecision {
    Day = 1,
    Week = 2,
    Month = 3,
}

/// ACLED `geo_precision`: 1 the town itself, 2 near a town or part of a
/// region, 3 only the region (its centroid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GeoPrecision {
    Town = 1,
    NearTown = 2,
    Region = 3,
}

macro_rules! code_serde {
    ($name:ident, { $($v:ident = $c:literal),+ }) => {
        impl $name {
            pub fn code(self) -> u8 { self as u8 }
            pub fn from_code(c: u8) -> Option<Self> { match c { $($c => Some($name::$v),)+ _ => None } }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_u8(self.code()) }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let c = u8::deserialize(d)?;
                $name::from_code(c).ok_or_else(|| serde::de::Error::custom(format!("bad {} code {c}", stringify!($name))))
            }
        }
    };
}
code_serde!(TimePrecision, { Day = 1, Week = 2, Month = 3 });
code_serde!(GeoPrecision, { Town = 1, NearTown = 2, Region = 3 });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_types_twenty_five_sub_types() {
        assert_eq!(EventType::ALL.len(), 6);
        assert_eq!(SubEventType::ALL.len(), 25);
        let per_type: Vec<usize> = EventType::ALL
            .iter()
            .map(|t| t.sub_types().count())
            .collect();
        assert_eq!(per_type, vec![3, 6, 3, 3, 2, 8]);
    }

    #[test]
    fn exact_spellings_round_trip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::parse(s.as_str()).unwrap(), *s);
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(serde_json::from_str::<SubEventType>(&json).unwrap(), *s);
        }
        assert_eq!(
            SubEventType::RemoteExplosiveLandmineIed.as_str(),
            "Remote explosive/landmine/IED"
        );
        assert_eq!(
            EventType::ExplosionsRemoteViolence.as_str(),
            "Explosions/Remote violence"
        );
        assert!(EventType::parse("Remote violence").is_err());
    }

    #[test]
    fn interaction_codes() {
        use ActorType::*;
        assert_eq!(
            ActorType::interaction(Some(Civilians), Some(StateForces)),
            Some(17)
        );
        assert_eq!(ActorType::interaction(Some(Protesters), None), Some(60));
        assert_eq!(
            ActorType::interaction(Some(RebelGroup), Some(RebelGroup)),
            Some(22)
        );
        assert_eq!(ActorType::interaction(None, None), None);
        assert!(ActorType::from_code(9).is_err());
    }
}
