//! Calendar values with their precision.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a calendar date the text pins down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

/// A calendar date known to a day, an ISO week, a month or a year.
///
/// Stored as the first day of the period plus its precision. The only ways to build
/// one are the constructors below, which align that first day, so a `PartialDate`
/// can never claim a day it does not know (a month value is always the 1st, a week
/// value always a Monday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    first: NaiveDate,
    precision: Precision,
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> PartialDate {
        PartialDate { first: date, precision: Precision::Day }
    }
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<PartialDate> {
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::day)
    }
    pub fn month(year: i32, month: u32) -> Option<PartialDate> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| PartialDate { first, precision: Precision::Month })
    }
    pub fn year(year: i32) -> Option<PartialDate> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|first| PartialDate { first, precision: Precision::Year })
    }
    /// The ISO week (Monday to Sunday) containing `date`.
    pub fn week_of(date: NaiveDate) -> PartialDate {
        let monday = date - Duration::days(date.weekday().num_days_from_monday() as i64);
        PartialDate { first: monday, precision: Precision::Week }
    }
    pub fn iso_week(year: i32, week: u32) -> Option<PartialDate> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|first| PartialDate { first, precision: Precision::Week })
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }
    /// The first day of the period.
    pub fn first(&self) -> NaiveDate {
        self.first
    }
    /// The last day of the period.
    pub fn last(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.first,
            Precision::Week => self.first + Duration::days(6),
            Precision::Month => {
                let (y, m) = if self.first.month() == 12 { (self.first.year() + 1, 1) } else { (self.first.year(), self.first.month() + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).map_or(self.first, |d| d - Duration::days(1))
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.first.year(), 12, 31).unwrap_or(self.first),
        }
    }
    /// The day itself, when the precision is a day.
    pub fn as_day(&self) -> Option<NaiveDate> {
        (self.precision == Precision::Day).then_some(self.first)
    }
    pub fn year_of(&self) -> i32 {
        self.first.year()
    }
    /// Whether every day of `other` lies within this period.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first <= other.first && other.last() <= self.last()
    }
    /// Whether one of the two periods contains the other: the two values can
    /// describe the same day ("February" and "18 February").
    pub fn compatible(&self, other: &PartialDate) -> bool {
        self.contains(other) || other.contains(self)
    }
    /// ISO 8601 / TimeML form: `2025`, `2025-02`, `2025-W08`, `2025-02-18`.
    pub fn iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.first.format("%Y-%m-%d")),
            Precision::Week => {
                let w = self.first.iso_week();
                write!(f, "{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Month => write!(f, "{}", self.first.format("%Y-%m")),
            Precision::Year => write!(f, "{:04}", self.first.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_bounds() {
        let d = PartialDate::ymd(2025, 2, 18).unwrap();
        assert_eq!(d.iso(), "2025-02-18");
        let m = PartialDate::month(2025, 2).unwrap();
        assert_eq!(m.iso(), "2025-02");
        assert_eq!(m.last(), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
        assert!(m.contains(&d) && m.compatible(&d) && !d.contains(&m));
        let w = PartialDate::week_of(NaiveDate::from_ymd_opt(2025, 5, 16).unwrap());
        assert_eq!(w.iso(), "2025-W20");
        assert_eq!(w.first(), NaiveDate::from_ymd_opt(2025, 5, 12).unwrap());
        assert_eq!(PartialDate::year(2022).unwrap().iso(), "2022");
        assert!(!PartialDate::year(2022).unwrap().compatible(&PartialDate::ymd(2024, 2, 24).unwrap()));
        assert!(PartialDate::month(2025, 13).is_none());
        assert_eq!(PartialDate::month(2024, 12).unwrap().last(), NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
    }
}
