//! Event dates for people and for other tools, always at their real precision.
//!
//! The contract stores a date as its ISO value plus a precision; every output
//! (page, JSON-LD, TimelineJS, iCalendar, CSV) goes through [`Shown`], so "Feb 2025"
//! is never displayed as "1 Feb 2025" anywhere. A value that does not parse is shown
//! as it is and treated as undated by the calendar exports.

use super::html::Markup;
use crate::dates::Precision;
use crate::timeline::EventDate;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

pub fn month_abbr(month: u32) -> &'static str {
    MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?")
}
pub fn month_name(month: u32) -> &'static str {
    MONTHS_LONG.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?")
}

/// A parsed event date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Day { start: NaiveDate, end: Option<NaiveDate> },
    Week { year: i32, week: u32, monday: NaiveDate },
    Month { year: i32, month: u32 },
    Year { year: i32 },
}

/// Parse `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

impl Shown {
    pub fn parse(date: &EventDate) -> Option<Shown> {
        let v = date.value.trim();
        match date.precision {
            Precision::Day => {
                let start = parse_day(v)?;
                let end = date.end.as_deref().and_then(parse_day).filter(|e| *e > start);
                Some(Shown::Day { start, end })
            }
            Precision::Week => {
                let (y, w) = v.split_once("-W")?;
                let (year, week) = (y.parse().ok()?, w.parse().ok()?);
                let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                Some(Shown::Week { year, week, monday })
            }
            Precision::Month => {
                let (y, m) = v.split_once('-')?;
                let (year, month) = (y.parse().ok()?, m.parse().ok()?);
                NaiveDate::from_ymd_opt(year, month, 1)?;
                Some(Shown::Month { year, month })
            }
            Precision::Year => {
                let year = v.parse().ok()?;
                NaiveDate::from_ymd_opt(year, 1, 1)?;
                Some(Shown::Year { year })
            }
        }
    }

    /// The calendar year and month the timeline files the event under (a week goes
    /// by its Monday; a year-precision date has no month).
    pub fn year_month(&self) -> (i32, Option<u32>) {
        match *self {
            Shown::Day { start, .. } => (start.year(), Some(start.month())),
            Shown::Week { monday, .. } => (monday.year(), Some(monday.month())),
            Shown::Month { year, month } => (year, Some(month)),
            Shown::Year { year } => (year, None),
        }
    }

    /// Human text at the real precision: "18 Feb 2025", "14–16 Feb 2025",
    /// "week 20, 2025", "Feb 2025", "2025".
    pub fn text(&self) -> String {
        match *self {
            Shown::Day { start, end: None } => day_text(start),
            Shown::Day { start, end: Some(end) } => {
                let (a, b) = range_parts(start, end);
                format!("{a}–{b}")
            }
            Shown::Week { year, week, .. } => format!("week {week}, {year}"),
            Shown::Month { year, month } => format!("{} {year}", month_abbr(month)),
            Shown::Year { year } => format!("{year}"),
        }
    }

    /// `<time datetime>` elements for the date (two for a range).
    pub fn markup(&self) -> Markup {
        match *self {
            Shown::Day { start, end: Some(end) } => {
                let (a, b) = range_parts(start, end);
                let mut m = Markup::element("time", &[("datetime", &start.format("%Y-%m-%d").to_string())], &Markup::text(&a));
                m.push_text("–");
                m.push(&Markup::element("time", &[("datetime", &end.format("%Y-%m-%d").to_string())], &Markup::text(&b)));
                m
            }
            _ => Markup::element("time", &[("datetime", &self.iso())], &Markup::text(&self.text())),
        }
    }

    /// The ISO 8601 value at its precision (`2025-02-18`, `2025-W20`, `2025-02`, `2025`).
    pub fn iso(&self) -> String {
        match *self {
            Shown::Day { start, .. } => start.format("%Y-%m-%d").to_string(),
            Shown::Week { year, week, .. } => format!("{year:04}-W{week:02}"),
            Shown::Month { year, month } => format!("{year:04}-{month:02}"),
            Shown::Year { year } => format!("{year:04}"),
        }
    }

    /// The last day, for a multi-day event.
    pub fn end_day(&self) -> Option<NaiveDate> {
        match *self {
            Shown::Day { end, .. } => end,
            _ => None,
        }
    }

    /// The first and the last day of the period.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Shown::Day { start, end } => (start, end.unwrap_or(start)),
            Shown::Week { monday, .. } => (monday, monday + Duration::days(6)),
            Shown::Month { year, month } => {
                let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
                let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
                (first, next.map_or(first, |n| n - Duration::days(1)))
            }
            Shown::Year { year } => (
                NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
                NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
            ),
        }
    }
}

fn day_text(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d.month()), d.year())
}

/// The two sides of a day range, sharing what they can: "14" / "16 Feb 2025",
/// "28 Feb" / "2 Mar 2025", "30 Dec 2024" / "2 Jan 2025".
fn range_parts(start: NaiveDate, end: NaiveDate) -> (String, String) {
    let b = day_text(end);
    let a = if start.year() != end.year() {
        day_text(start)
    } else if start.month() != end.month() {
        format!("{} {}", start.day(), month_abbr(start.month()))
    } else {
        format!("{}", start.day())
    };
    (a, b)
}

/// Display text of an optional date: the date, or "Date unknown".
pub fn date_text(date: Option<&EventDate>) -> String {
    match date {
        None => "Date unknown".to_string(),
        Some(d) => Shown::parse(d).map_or_else(|| d.value.clone(), |s| s.text()),
    }
}

/// `<time>` markup of an optional date (plain text when it does not parse).
pub fn date_markup(date: Option<&EventDate>) -> Markup {
    match date {
        None => Markup::text("Date unknown"),
        Some(d) => Shown::parse(d).map_or_else(|| Markup::text(&d.value), |s| s.markup()),
    }
}

/// A `YYYY-MM-DD` publication date as `<time>` ("18 Feb 2025"), or the raw text.
pub fn published_markup(published: &str) -> Markup {
    match parse_day(published) {
        Some(d) => Markup::element("time", &[("datetime", &d.format("%Y-%m-%d").to_string())], &Markup::text(&day_text(d))),
        None => Markup::text(published),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: &str, precision: Precision, end: Option<&str>) -> EventDate {
        EventDate { value: value.into(), precision, end: end.map(str::to_string) }
    }

    #[test]
    fn text_at_real_precision() {
        assert_eq!(date_text(Some(&d("2025-02-18", Precision::Day, None))), "18 Feb 2025");
        assert_eq!(date_text(Some(&d("2025-02", Precision::Month, None))), "Feb 2025");
        assert_eq!(date_text(Some(&d("2025-W20", Precision::Week, None))), "week 20, 2025");
        assert_eq!(date_text(Some(&d("2025", Precision::Year, None))), "2025");
        assert_eq!(date_text(Some(&d("2025-02-14", Precision::Day, Some("2025-02-16")))), "14–16 Feb 2025");
        assert_eq!(date_text(Some(&d("2025-02-28", Precision::Day, Some("2025-03-02")))), "28 Feb–2 Mar 2025");
        assert_eq!(date_text(Some(&d("2024-12-30", Precision::Day, Some("2025-01-02")))), "30 Dec 2024–2 Jan 2025");
        // An end before the start is ignored rather than shown backwards.
        assert_eq!(date_text(Some(&d("2025-02-14", Precision::Day, Some("2025-02-10")))), "14 Feb 2025");
        assert_eq!(date_text(Some(&d("2025-02-30", Precision::Day, None))), "2025-02-30");
        assert_eq!(date_text(None), "Date unknown");
    }

    #[test]
    fn time_elements() {
        let m = date_markup(Some(&d("2025-W20", Precision::Week, None)));
        assert_eq!(m.as_str(), "<time datetime=\"2025-W20\">week 20, 2025</time>");
        let m = date_markup(Some(&d("2025-02-14", Precision::Day, Some("2025-02-16"))));
        assert_eq!(m.as_str(), "<time datetime=\"2025-02-14\">14</time>–<time datetime=\"2025-02-16\">16 Feb 2025</time>");
        let m = date_markup(Some(&d("<b>", Precision::Year, None)));
        assert_eq!(m.as_str(), "&lt;b&gt;");
    }

    #[test]
    fn bounds_and_grouping() {
        let w = Shown::parse(&d("2025-W01", Precision::Week, None)).unwrap();
        assert_eq!(w.year_month(), (2024, Some(12)));
        let m = Shown::parse(&d("2024-02", Precision::Month, None)).unwrap();
        assert_eq!(m.bounds().1, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(Shown::parse(&d("2025", Precision::Year, None)).unwrap().year_month(), (2025, None));
    }
}
