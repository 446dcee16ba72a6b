//! Holidays the tagger can date, from `data/holidays.tsv`.
//!
//! A holiday is a name (a sequence of lower-case words, apostrophes dropped) and a rule
//! that gives its day in any year. News dates meetings mostly by calendar dates, so the
//! list is short: the fixed and US federal holidays news mentions, and the Easter cycle.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// A fixed day, moved by `sat`/`sun` days when it falls on a Saturday/Sunday.
    Fixed { month: u32, day: u32, sat: i64, sun: i64 },
    /// The `n`th (−1: last) `weekday` (1 = Monday) of `month`, plus `offset` days.
    Nth { weekday: u32, month: u32, n: i32, offset: i64 },
    Easter { offset: i64 },
    /// Orthodox Easter (Julian computus, converted to the Gregorian calendar) plus `offset`.
    Orthodox { offset: i64 },
}

#[derive(Clone, Debug)]
pub struct Holiday {
    pub words: Vec<String>,
    pub rule: Rule,
    /// A period of that many days from the rule's day ("Lent"); 1 for a single day.
    pub days: i64,
    /// Only when written with a capital (or followed by a year): the words are also
    /// ordinary English ("a good friday", "the bank lent").
    pub cap: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("data/holidays.tsv line {line}: {message}")]
pub struct HolidayError {
    pub line: usize,
    pub message: String,
}

pub fn parse(tsv: &str) -> Result<Vec<Holiday>, HolidayError> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |m: &str| HolidayError { line: n + 1, message: format!("{m}: {line:?}") };
        let mut cols = line.split('\t');
        let (Some(name), Some(rule)) = (cols.next(), cols.next()) else { return Err(err("expected name<TAB>rule")) };
        let cap = match cols.next() {
            None | Some("") => false,
            Some("cap") => true,
            Some(_) => return Err(err("unknown flag")),
        };
        let f: Vec<&str> = rule.split_whitespace().collect();
        let num = |i: usize| f.get(i).and_then(|x| x.parse::<i64>().ok()).ok_or_else(|| err("bad number"));
        let opt = |i: usize, default: i64| if f.len() > i { num(i) } else { Ok(default) };
        let (rule, days) = match f.first().copied() {
            Some("fixed") => (Rule::Fixed { month: num(1)? as u32, day: num(2)? as u32, sat: opt(3, 0)?, sun: opt(4, 0)? }, 1),
            Some("nth") => (Rule::Nth { weekday: num(1)? as u32, month: num(2)? as u32, n: num(3)? as i32, offset: num(4)? }, 1),
            Some("easter") => (Rule::Easter { offset: num(1)? }, opt(2, 1)?),
            Some("orthodox") => (Rule::Orthodox { offset: num(1)? }, opt(2, 1)?),
            _ => return Err(err("unknown rule")),
        };
        if !(1..=366).contains(&days) {
            return Err(err("period length out of range"));
        }
        let words: Vec<String> = name.split([' ', '\'', '.']).filter(|w| !w.is_empty()).map(str::to_string).collect();
        if words.is_empty() {
            return Err(err("empty name"));
        }
        out.push(Holiday { words, rule, days, cap });
    }
    Ok(out)
}

pub static HOLIDAYS: LazyLock<Vec<Holiday>> =
    LazyLock::new(|| parse(include_str!("../../data/holidays.tsv")).unwrap_or_default());

/// Western Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday: the Julian-calendar computus (Meeus), converted to the
/// Gregorian calendar (13 days in 1900-2099).
fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y.rem_euclid(4), y.rem_euclid(7), y.rem_euclid(19));
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let shift = y.div_euclid(100) - y.div_euclid(400) - 2;
    // the Julian date as a Gregorian date, then moved by the calendars' difference
    NaiveDate::from_ymd_opt(y, month as u32, day as u32).map(|j| j + Duration::days(shift as i64))
}

impl Rule {
    pub fn date_in(&self, y: i32) -> Option<NaiveDate> {
        match *self {
            Rule::Fixed { month, day, sat, sun } => {
                let d = NaiveDate::from_ymd_opt(y, month, day)?;
                Some(match d.weekday() {
                    Weekday::Sat => d + Duration::days(sat),
                    Weekday::Sun => d + Duration::days(sun),
                    _ => d,
                })
            }
            Rule::Nth { weekday, month, n, offset } => {
                let wd = Weekday::try_from((weekday.clamp(1, 7) - 1) as u8).ok()?;
                let d = if n > 0 {
                    NaiveDate::from_weekday_of_month_opt(y, month, wd, n as u8)?
                } else {
                    let next = if month == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, month + 1, 1)? };
                    let last = next - Duration::days(1);
                    let back = (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                    last - Duration::days(back as i64)
                };
                Some(d + Duration::days(offset))
            }
            Rule::Easter { offset } => easter(y).map(|d| d + Duration::days(offset)),
            Rule::Orthodox { offset } => orthodox_easter(y).map(|d| d + Duration::days(offset)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(!HOLIDAYS.is_empty());
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2013), d(2013, 3, 31));
        let thanks = HOLIDAYS.iter().find(|h| h.words == ["thanksgiving"]).map(|h| h.rule);
        assert_eq!(thanks.and_then(|r| r.date_in(2013)), d(2013, 11, 28));
        let election = HOLIDAYS.iter().find(|h| h.words == ["election", "day"]).map(|h| h.rule);
        assert_eq!(election.and_then(|r| r.date_in(1998)), d(1998, 11, 3));
        assert!(parse("x\tnope 1").is_err());
        assert!(parse("x\tfixed 1 1\tbold").is_err());
        // Orthodox Easter: 2018-04-08, 2020-04-19, 2025-04-20 (same day as Western)
        assert_eq!(orthodox_easter(2018), d(2018, 4, 8));
        assert_eq!(orthodox_easter(2020), d(2020, 4, 19));
        assert_eq!(orthodox_easter(2025), d(2025, 4, 20));
        // King's Day moves to Saturday 26 April when the 27th is a Sunday (2014)
        let kd = HOLIDAYS.iter().find(|h| h.words == ["koningsdag"]).map(|h| h.rule);
        assert_eq!(kd.and_then(|r| r.date_in(2014)), d(2014, 4, 26));
        assert_eq!(kd.and_then(|r| r.date_in(2018)), d(2018, 4, 27));
        let lent = HOLIDAYS.iter().find(|h| h.words == ["lent"]);
        assert_eq!(lent.map(|h| h.days), Some(46));
    }

    #[test]
    fn every_first_word_is_a_lexicon_trigger() {
        for h in HOLIDAYS.iter() {
            let first = h.words.first().map(String::as_str).unwrap_or("");
            let e = super::super::lexicon::LEXICON.map.get(first.as_bytes()).and_then(|&i| super::super::lexicon::LEXICON.entries.get(i as usize));
            assert!(e.is_some_and(|e| e.holiday), "data/dates_lexicon.tsv needs `{first}\tholiday\t0` (first word of {:?})", h.words);
        }
    }
}
