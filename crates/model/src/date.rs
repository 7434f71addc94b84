//! An event's date with ACLED's time precision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Error;

/// How precisely the date is known (codebook section 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum TimePrecision {
    /// 1: the source gives the day.
    Day = 1,
    /// 2: only a week or similar span; coded to its middle.
    Week = 2,
    /// 3: only the month; coded to its middle (or first/last day).
    Month = 3,
}

impl TimePrecision {
    /// The numeric code, 1 to 3.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// How many days either side of the coded date the event may lie.
    pub fn uncertainty_days(self) -> i64 {
        match self {
            TimePrecision::Day => 0,
            TimePrecision::Week => 4,
            TimePrecision::Month => 16,
        }
    }
}

impl TryFrom<u8> for TimePrecision {
    type Error = Error;
    fn try_from(code: u8) -> Result<Self, Error> {
        match code {
            1 => Ok(TimePrecision::Day),
            2 => Ok(TimePrecision::Week),
            3 => Ok(TimePrecision::Month),
            _ => Err(Error::Unknown { kind: "time precision", value: code.to_string() }),
        }
    }
}

impl From<TimePrecision> for u8 {
    fn from(precision: TimePrecision) -> u8 {
        precision.code()
    }
}

/// The day an event is coded to, with how precisely it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    /// The coded day (the middle of the span when the precision is coarser than a day).
    pub date: NaiveDate,
    /// How precisely the day is known.
    pub precision: TimePrecision,
}
