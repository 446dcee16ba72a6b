//! Resolution: turns a grammar match into a TimeML value and a calendar anchor.
//!
//! Relative expressions are resolved against two anchors: the publication date
//! (deictic words: "yesterday", "last week", a bare weekday) and the narrative date,
//! the last day the text itself named ("the following day", "two days later").
//!
//! Year-less and weekday expressions take their direction from the tense of their
//! sentence ([`Tense`]): past ("met on Tuesday") gives the latest such day on or
//! before the publication date, future or planned ("will meet on Friday", "is
//! scheduled for Friday") the earliest on or after it. In both directions the
//! publication day itself counts: a story dated Friday that says "on Friday" means
//! that day whichever the tense. With no cue at all a bare weekday is read as past
//! (news reports what happened) and a day or month without year takes the year that
//! puts it closest to the publication date.

use super::grammar::{NthWhat, Sem, YearRef, unit_code};
use super::lexicon::{Kind, Tok, Unit};
use super::value::PartialDate;
use super::TimexType;
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// The state carried along a document while resolving.
#[derive(Default)]
pub struct Ctx {
    pub dct: Option<NaiveDate>,
    /// The last day the text named (for "the following day", "two days later").
    pub narrative: Option<NaiveDate>,
    /// The last quarter the text named (for "the quarter", "a year earlier").
    pub quarter: Option<(i32, u32)>,
    /// The last month the text named (for "the 5th").
    pub month: Option<(i32, u32)>,
    /// The last quarter the text named, year-ago comparisons included (for "that quarter").
    pub any_quarter: Option<(i32, u32)>,
    /// The last year the text named (for "that year").
    pub year: Option<i32>,
}

pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub anchor: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub unresolved: bool,
}

impl Resolved {
    fn date(value: String, anchor: Option<PartialDate>) -> Resolved {
        let unresolved = anchor.is_none();
        Resolved { kind: TimexType::Date, value, anchor, end: None, unresolved }
    }
    fn with_end(mut self, end: Option<PartialDate>) -> Resolved {
        self.end = end;
        self
    }
}

/// The tense around token `at` within the sentence tokens `range`: the nearest tense cue wins.
pub fn tense(text: &str, toks: &[Tok], range: std::ops::Range<usize>, skip: std::ops::Range<usize>, at: usize) -> Tense {
    tense_detail(text, toks, range, skip, at).tense
}

/// What [`tense_detail`] read, beyond the tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub tense: Tense,
    /// The cue is a present perfect ("has named", "have been invited"): a past that
    /// tells of the present, so it does not place a day it governs ("has named a team
    /// for Monday's session" may look ahead).
    pub present_perfect: bool,
    /// The cue is a finite verb or modal before the expression ("would begin on
    /// Sunday", "met on Sunday") or a preposition that fixes it ("since", "until"): not
    /// an infinitive, nor a verb after the expression that may belong to another clause.
    pub firm: bool,
}

/// [`tense`], with how firmly the text gives it.
pub fn tense_detail(text: &str, toks: &[Tok], range: std::ops::Range<usize>, skip: std::ops::Range<usize>, at: usize) -> Reading {
    let mut best: Option<(usize, Tense)> = None;
    let mut best_present_perfect = false;
    let mut best_firm = false;
    // The best cue is a past perfect ("had filed", "had not called"): a deadline before it
    // ("by Wednesday", "until Thursday") is then already past.
    let mut best_perfect = false;
    // An infinitive ("to meet") is a weak cue: "to" also starts "shot to death".
    let mut weak = false;
    // A conjunction after the expression ("met on Tuesday and will meet again") starts
    // another clause: its verbs count less than the expression's own.
    let mut clause_break = false;
    // The nearest finite cue before the expression ("needed … on Monday"): an infinitive
    // after the expression in the same clause is then its purpose ("needed an hour on
    // Monday to exchange proposals"), not a look ahead.
    let mut firm_before: Option<(usize, Tense)> = None;
    let mut best_is_purpose = false;
    for i in range {
        if skip.contains(&i) {
            continue;
        }
        let Some(t) = toks.get(i) else { break };
        if i > at && !clause_break {
            clause_break = t.kind == Kind::Punct(';')
                || matches!(t.kind, Kind::Word(_)) && text.get(t.s as usize..t.e as usize).is_some_and(|w| ["and", "but", "while", "whereas"].iter().any(|c| w.eq_ignore_ascii_case(c)));
        }
        let cue = match t.kind {
            Kind::Word(_) => match t.entry() {
                Some(e) if e.cue == -2 => {
                    // "said Friday", "told reporters on Friday": a reporting verb dates what
                    // follows it closely, not the reported clause further on.
                    if (i < at && at - i > 8) || (i > at && i - at > 3) {
                        continue;
                    }
                    Tense::Past
                }
                Some(e) if e.cue == 2 => {
                    let next_is = |s: &str| toks.get(i + 1).and_then(|n| text.get(n.s as usize..n.e as usize)).is_some_and(|w| w.eq_ignore_ascii_case(s));
                    if next_is("to") || next_is("for") || next_is("until") || next_is("till") { Tense::Future } else { continue }
                }
                Some(e) if e.cue != 0 => {
                    // "will be signed", "to be held": a passive infinitive looks ahead
                    let after_be = i.checked_sub(1).and_then(|p| toks.get(p)).and_then(|p| text.get(p.s as usize..p.e as usize)).is_some_and(|w| w.eq_ignore_ascii_case("be"));
                    if e.cue > 0 || after_be { Tense::Future } else { Tense::Past }
                }
                Some(_) => continue,
                None => {
                    let w = text.get(t.s as usize..t.e as usize).unwrap_or("");
                    // "face to face", "back to back": a word repeated around "to" is an
                    // idiom, not an infinitive.
                    let idiom = |w: &str| i.checked_sub(2).and_then(|p| toks.get(p)).and_then(|p| text.get(p.s as usize..p.e as usize)).is_some_and(|p| p.eq_ignore_ascii_case(w));
                    let prev_is = |s: &str| i.checked_sub(1).and_then(|p| toks.get(p)).and_then(|p| text.get(p.s as usize..p.e as usize)).is_some_and(|p| p.eq_ignore_ascii_case(s));
                    if w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !t.cap {
                        // "to be published": a passive infinitive looks ahead
                        if prev_is("be") {
                            Tense::Future
                        } else if prev_is("is") || prev_is("are") {
                            // "is closed until Wednesday": a state now, no tense of its own.
                            continue;
                        } else {
                            Tense::Past
                        }
                    } else if !t.cap && prev_is("to") && w.len() > 2 && !w.ends_with("ing") && !idiom(w) {
                        // "to acquire", "to meet": an infinitive names what is still to come
                        weak = true;
                        Tense::Future
                    } else {
                        continue;
                    }
                }
            },
            _ => continue,
        };
        // Verbs usually come before their time adverbial: a cue after it counts a bit less.
        let d = if i > at { i.abs_diff(at) + 1 + if clause_break { 4 } else { 0 } } else { i.abs_diff(at) } + if weak { 1 } else { 0 };
        let firm = i < at && !weak;
        if firm {
            firm_before = Some((d, cue));
        }
        let purpose = weak && i > at && !clause_break && firm_before.is_some();
        weak = false;
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cue));
            best_is_purpose = purpose;
            let word_at = |k: Option<usize>| k.and_then(|k| toks.get(k)).and_then(|t| text.get(t.s as usize..t.e as usize)).unwrap_or("");
            best_perfect = cue == Tense::Past
                && (word_at(i.checked_sub(1)).eq_ignore_ascii_case("had")
                    || word_at(i.checked_sub(1)).eq_ignore_ascii_case("not") && word_at(i.checked_sub(2)).eq_ignore_ascii_case("had"));
            let has = |w: &str| ["has", "have", "ve"].iter().any(|h| w.eq_ignore_ascii_case(h));
            best_firm = firm;
            best_present_perfect = cue == Tense::Past
                && (has(word_at(i.checked_sub(1)))
                    || word_at(i.checked_sub(1)).eq_ignore_ascii_case("been") && has(word_at(i.checked_sub(2))));
        }
    }
    // A deadline ("until March", "through January", "by Jan. 14") looks ahead unless a
    // past cue sits right next to the expression.
    let deadline = at.checked_sub(1).and_then(|p| toks.get(p)).and_then(|t| text.get(t.s as usize..t.e as usize)).is_some_and(|w| {
        ["until", "through", "till", "by"].iter().any(|d| w.eq_ignore_ascii_case(d))
    });
    if deadline && !best_perfect && best.is_none_or(|(d, t)| t != Tense::Past || d > 2) {
        return Reading { tense: Tense::Future, present_perfect: false, firm: true };
    }
    // "since Jan. 13": the start of a state that holds now, so a point in the past.
    let since = at.checked_sub(1).and_then(|p| toks.get(p)).and_then(|t| text.get(t.s as usize..t.e as usize)).is_some_and(|w| w.eq_ignore_ascii_case("since"));
    if since {
        return Reading { tense: Tense::Past, present_perfect: false, firm: true };
    }
    if best_is_purpose && let Some((_, t)) = firm_before {
        return Reading { tense: t, present_perfect: false, firm: true };
    }
    Reading { tense: best.map_or(Tense::Unknown, |(_, t)| t), present_perfect: best_present_perfect, firm: best_firm }
}

fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The year of month/day (m, d) given the tense: past → latest not after `dct`,
/// future → earliest not before, unknown → closest.
fn year_for(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> i32 {
    let y0 = dct.year();
    let cand = |y: i32| NaiveDate::from_ymd_opt(y, m, d.min(28).max(1)).map(|x| if d > 28 { NaiveDate::from_ymd_opt(y, m, d).unwrap_or(x) } else { x });
    let key = (m, d);
    let now = (dct.month(), dct.day());
    let days = |y: i32| cand(y).map_or(i64::MAX, |c| (c - dct).num_days().abs());
    match tense {
        // The tense decides, unless it would put the day most of a year away while the
        // other reading is within three months ("ruled on Wednesday that he must leave
        // by Jan. 14" in a story of 7 January).
        Tense::Past => {
            let y = if key <= now { y0 } else { y0 - 1 };
            if days(y) > 270 && days(y + 1) <= 75 { y + 1 } else { y }
        }
        Tense::Future => {
            let y = if key >= now { y0 } else { y0 + 1 };
            if days(y) > 300 && days(y - 1) <= 31 { y - 1 } else { y }
        }
        Tense::Unknown => {
            let mut best = y0;
            let mut best_d = i64::MAX;
            for y in [y0, y0 - 1, y0 + 1] {
                if let Some(c) = cand(y) {
                    let dd = (c - dct).num_days().abs();
                    if dd < best_d {
                        best_d = dd;
                        best = y;
                    }
                }
            }
            best
        }
    }
}

fn weekday_on_or_before(dct: NaiveDate, wd: u32) -> NaiveDate {
    let cur = dct.weekday().number_from_monday();
    let back = (cur + 7 - wd) % 7;
    dct - Duration::days(back as i64)
}
fn weekday_on_or_after(dct: NaiveDate, wd: u32) -> NaiveDate {
    let cur = dct.weekday().number_from_monday();
    let fwd = (wd + 7 - cur) % 7;
    dct + Duration::days(fwd as i64)
}
fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn num_str(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e12 { format!("{}", n as i64) } else { format!("{n}") }
}

fn day_value(d: NaiveDate) -> (String, Option<PartialDate>) {
    let p = PartialDate::day(d);
    (p.iso(), Some(p))
}

fn quarter_value(y: i32, q: u32) -> Resolved {
    let first = PartialDate::month(y, (q - 1) * 3 + 1);
    let last = PartialDate::month(y, q * 3);
    Resolved::date(format!("{y:04}-Q{q}"), first).with_end(last)
}

/// Resolve `sem`. `tense` is called only when the expression needs it.
pub fn resolve(sem: &Sem, ctx: &Ctx, tense: &mut dyn FnMut() -> Tense) -> Resolved {
    let dct = ctx.dct;
    match sem {
        Sem::Day { y, m, d, end } => {
            let year = match (*y, dct) {
                (YearRef::Abs(y), _) => Some(y),
                (YearRef::Rel(n), Some(dct)) => Some(dct.year() + n),
                (YearRef::Tense, Some(dct)) => Some(year_for(dct, *m, *d, tense())),
                _ => None,
            };
            match year.and_then(|y| PartialDate::ymd(y, *m, *d)) {
                Some(p) => {
                    let end = end.and_then(|(m2, d2)| {
                        let y2 = year.map(|y| if m2 < *m { y + 1 } else { y })?;
                        PartialDate::ymd(y2, m2, d2)
                    });
                    Resolved::date(p.iso(), Some(p)).with_end(end)
                }
                None => Resolved::date(format!("XXXX-{m:02}-{d:02}"), None),
            }
        }
        Sem::Month { y, m, end: _, rel } => {
            let year = match (*y, dct, rel) {
                (YearRef::Abs(y), _, _) => Some(y),
                (_, Some(dct), Some(n)) => {
                    let m0 = dct.month();
                    Some(match n {
                        -1 => if *m < m0 { dct.year() } else { dct.year() - 1 },
                        1 => if *m > m0 { dct.year() } else { dct.year() + 1 },
                        // "March after next"
                        2 => if *m > m0 { dct.year() + 1 } else { dct.year() + 2 },
                        _ => dct.year(),
                    })
                }
                (YearRef::Rel(n), Some(dct), None) => Some(dct.year() + n),
                (YearRef::Tense, Some(dct), None) => {
                    let t = tense();
                    let m0 = dct.month();
                    Some(match t {
                        Tense::Future => if *m >= m0 { dct.year() } else { dct.year() + 1 },
                        Tense::Past => if *m <= m0 { dct.year() } else { dct.year() - 1 },
                        // closest: within six months either way
                        Tense::Unknown => {
                            let diff = *m as i32 - m0 as i32;
                            if diff >= 6 { dct.year() - 1 } else if diff < -6 { dct.year() + 1 } else { dct.year() }
                        }
                    })
                }
                _ => None,
            };
            match year.and_then(|y| PartialDate::month(y, *m)) {
                Some(p) => Resolved::date(p.iso(), Some(p)),
                None => Resolved::date(format!("XXXX-{m:02}"), None),
            }
        }
        Sem::Year { y, end } => {
            let p = PartialDate::year(*y);
            let value = if *y <= 0 { format!("BC{:04}", 1 - *y) } else { format!("{y:04}") };
            let mut r = Resolved::date(value, p);
            r.end = end.and_then(PartialDate::year);
            r
        }
        Sem::DayOfMonth(d) => {
            let Some(dct) = dct else { return Resolved::date(format!("XXXX-XX-{d:02}"), None) };
            let (y, m) = match ctx.month {
                Some(ym) => ym,
                None => {
                    let t = tense();
                    let (y0, m0) = (dct.year(), dct.month());
                    match t {
                        Tense::Future if *d < dct.day() => add_months(y0, m0, 1),
                        Tense::Past if *d > dct.day() => add_months(y0, m0, -1),
                        _ => (y0, m0),
                    }
                }
            };
            match PartialDate::ymd(y, m, *d) {
                Some(p) => Resolved::date(p.iso(), Some(p)),
                None => Resolved::date(format!("XXXX-XX-{d:02}"), None),
            }
        }
        Sem::Weekday { wd, shift } => {
            let Some(dct) = dct else { return Resolved::date(format!("XXXX-WXX-{wd}"), None) };
            let day = match shift {
                None => match tense() {
                    Tense::Future => weekday_on_or_after(dct, *wd),
                    _ => weekday_on_or_before(dct, *wd),
                },
                Some(-1) => weekday_on_or_before(dct - Duration::days(1), *wd),
                Some(-10) => weekday_on_or_before(dct, *wd),
                Some(0) => weekday_on_or_after(dct, *wd),
                Some(1) => monday_of(dct) + Duration::days(7 + *wd as i64 - 1),
                Some(2) => weekday_on_or_after(dct + Duration::days(1), *wd) + Duration::days(7),
                Some(s) => monday_of(dct) + Duration::days(7 * (*s as i64 - 10) + *wd as i64 - 1),
            };
            let (v, a) = day_value(day);
            Resolved::date(v, a)
        }
        Sem::Rel { unit, n } => {
            let Some(dct) = dct else {
                let v = match unit {
                    Unit::Day => "XXXX-XX-XX".to_string(),
                    Unit::Week => "XXXX-WXX".into(),
                    Unit::Weekend => "XXXX-WXX-WE".into(),
                    Unit::Month => "XXXX-XX".into(),
                    _ => "XXXX".into(),
                };
                return Resolved::date(v, None);
            };
            rel_unit(dct, *unit, *n, tense)
        }
        Sem::Offset { unit, n, narrative } => {
            // "that day", "the day before", "a day earlier" refer to a day the story named;
            // with none named they stay unresolved rather than borrow the publication date.
            let mut base = match (*narrative, *unit) {
                (true, Unit::Day) => ctx.narrative,
                (true, _) => ctx.narrative.or(dct),
                (false, _) => dct,
            };
            if *narrative && *unit == Unit::Year
                && let Some(y) = ctx.year {
                    base = NaiveDate::from_ymd_opt(y, 7, 1).or(base);
                }
            offset(base, *unit, *n)
        }
        Sem::YearAgoPeriod { narrative } => {
            if let Some((y, q)) = ctx.quarter {
                return quarter_value(y - 1, q);
            }
            let base = if *narrative { ctx.narrative.or(dct) } else { dct };
            match base {
                Some(b) => Resolved::date(format!("{:04}", b.year() - 1), PartialDate::year(b.year() - 1)),
                None => Resolved::date("XXXX".into(), None),
            }
        }
        Sem::Quarter { q, y } => {
            let year = match (*y, dct) {
                (YearRef::Abs(y), _) => Some(y),
                (YearRef::Rel(n), Some(d)) => Some(d.year() + n),
                (YearRef::Tense, Some(d)) => {
                    // News speaks of quarters reported or under way: this year's, or last
                    // year's when this year's has not begun and the sentence is not future.
                    let q0 = (d.month() - 1) / 3 + 1;
                    Some(if *q <= q0 || tense() == Tense::Future { d.year() } else { d.year() - 1 })
                }
                _ => None,
            };
            match year {
                Some(y) => quarter_value(y, *q),
                None => Resolved::date(format!("XXXX-Q{q}"), None),
            }
        }
        Sem::Holiday { idx, y, rel, shift } => {
            let Some(h) = super::holidays::HOLIDAYS.get(*idx) else { return Resolved::date("XXXX-XX-XX".into(), None) };
            let in_year = |y: i32| h.rule.date_in(y);
            let day = match (*y, dct, rel) {
                (YearRef::Abs(y), _, _) => in_year(y),
                (_, Some(d), _) if shift.is_some() => {
                    let (u, n) = shift.unwrap_or((Unit::Day, 0));
                    let at = match u {
                        Unit::Year => d.year() + n,
                        Unit::Month => add_months(d.year(), d.month(), n).0,
                        Unit::Week => (d + Duration::weeks(n as i64)).year(),
                        _ => (d + Duration::days(n as i64)).year(),
                    };
                    in_year(at)
                }
                (YearRef::Rel(n), Some(d), _) => in_year(d.year() + n),
                (_, Some(d), Some(n)) => {
                    let this = in_year(d.year());
                    match (n, this) {
                        (-1, Some(t)) if t < d => Some(t),
                        (-1, _) => in_year(d.year() - 1),
                        (1, Some(t)) if t > d => Some(t),
                        (1, _) => in_year(d.year() + 1),
                        // "this Christmas": the coming one, or today's
                        (0, Some(t)) if t < d => in_year(d.year() + 1),
                        _ => this,
                    }
                }
                (_, Some(d), None) => {
                    let this = in_year(d.year());
                    match (tense(), this) {
                        (Tense::Past, Some(t)) if t > d => in_year(d.year() - 1),
                        (Tense::Future, Some(t)) if t < d => in_year(d.year() + 1),
                        (Tense::Unknown, Some(t)) => {
                            let alt = if t > d { in_year(d.year() - 1) } else { in_year(d.year() + 1) };
                            match alt {
                                Some(a) if (a - d).num_days().abs() < (t - d).num_days().abs() => Some(a),
                                _ => Some(t),
                            }
                        }
                        _ => this,
                    }
                }
                _ => None,
            };
            match day {
                Some(x) => {
                    let (v, a) = day_value(x);
                    let end = (h.days > 1).then(|| PartialDate::day(x + Duration::days(h.days - 1)));
                    Resolved::date(v, a).with_end(end)
                }
                None => Resolved::date("XXXX-XX-XX".into(), None),
            }
        }
        Sem::YearEnd => match dct {
            Some(d) => {
                let y = if d.month() < 12 && tense() == Tense::Past { d.year() - 1 } else { d.year() };
                let (v, a) = day_value(NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(d));
                Resolved::date(v, a)
            }
            None => Resolved::date("XXXX-12-31".into(), None),
        },
        Sem::PeriodOfYear(y) => {
            let year = match (*y, dct) {
                (YearRef::Abs(y), _) => Some(y),
                (YearRef::Rel(n), Some(d)) => Some(d.year() + n),
                _ => None,
            };
            match (year, ctx.quarter) {
                (Some(y), Some((_, q))) => quarter_value(y, q),
                (Some(y), None) => Resolved::date(format!("{y:04}"), PartialDate::year(y)),
                (None, _) => Resolved::date("XXXX".into(), None),
            }
        }
        Sem::ThisQuarter { n } => {
            // "the quarter": the one the text is about; "the latest quarter": the last one completed.
            if let (Some((y, q)), 0) = (ctx.quarter, n) {
                return quarter_value(y, q);
            }
            // "the latest quarter": the last one completed before publication, whatever
            // quarter the text named before (a quarter under way is not yet reported).
            if let (Some(d), -1) = (dct, n) {
                let (y, m) = add_months(d.year(), d.month(), -3);
                return quarter_value(y, (m - 1) / 3 + 1);
            }
            if let Some((y, q)) = ctx.any_quarter.filter(|_| *n == 2).or(ctx.quarter) {
                return quarter_value(y, q);
            }
            if let (Some(d), -1) = (dct, n) {
                let (y, m) = add_months(d.year(), d.month(), -3);
                return quarter_value(y, (m - 1) / 3 + 1);
            }
            match dct {
                Some(d) => {
                    let (y, m) = add_months(d.year(), d.month(), 3 * n);
                    let (y, m) = if tense() == Tense::Future { (y, m) } else { add_months(y, m, -3) };
                    quarter_value(y, (m - 1) / 3 + 1)
                }
                None => Resolved::date("XXXX-QX".into(), None),
            }
        }
        Sem::Half { h, y } => {
            let year = match (*y, dct) {
                (YearRef::Abs(y), _) => Some(y),
                (YearRef::Rel(n), Some(d)) => Some(d.year() + n),
                (YearRef::Tense, Some(d)) => {
                    let h0 = if d.month() <= 6 { 1 } else { 2 };
                    Some(match tense() {
                        Tense::Future => if *h >= h0 { d.year() } else { d.year() + 1 },
                        _ => if *h <= h0 { d.year() } else { d.year() - 1 },
                    })
                }
                _ => None,
            };
            match year {
                Some(y) => Resolved::date(format!("{y:04}-H{h}"), PartialDate::month(y, (h - 1) * 6 + 1)).with_end(PartialDate::month(y, h * 6)),
                None => Resolved::date(format!("XXXX-H{h}"), None),
            }
        }
        Sem::Season { s, y } => {
            let code = ["SP", "SU", "FA", "WI"][(*s as usize).clamp(1, 4) - 1];
            let start_month = [3u32, 6, 9, 12][(*s as usize).clamp(1, 4) - 1];
            let year = match (*y, dct) {
                (YearRef::Abs(y), _) => Some(y),
                (YearRef::Rel(n), Some(d)) => Some(d.year() + n),
                (YearRef::Tense, Some(d)) => Some(match tense() {
                    Tense::Future => if start_month + 2 >= d.month() { d.year() } else { d.year() + 1 },
                    _ => if start_month <= d.month() { d.year() } else { d.year() - 1 },
                }),
                _ => None,
            };
            match year {
                Some(y) => {
                    let (ey, em) = add_months(y, start_month, 2);
                    Resolved::date(format!("{y:04}-{code}"), PartialDate::month(y, start_month)).with_end(PartialDate::month(ey, em))
                }
                None => Resolved::date(format!("XXXX-{code}"), None),
            }
        }
        Sem::WeekOf(inner) => {
            let r = resolve(inner, ctx, tense);
            match r.anchor.and_then(|a| a.as_day()) {
                Some(d) => {
                    let w = PartialDate::week_of(d);
                    Resolved::date(w.iso(), Some(w))
                }
                None => Resolved::date("XXXX-WXX".into(), None),
            }
        }
        Sem::WeekdayFrom { wd, n, base } => {
            let r = resolve(base, ctx, tense);
            match r.anchor.and_then(|a| a.as_day()) {
                Some(b) => {
                    let day = if *n > 0 {
                        weekday_on_or_after(b + Duration::days(1), *wd) + Duration::weeks(*n as i64 - 1)
                    } else {
                        weekday_on_or_before(b - Duration::days(1), *wd) + Duration::weeks(*n as i64 + 1)
                    };
                    let (v, a) = day_value(day);
                    Resolved::date(v, a)
                }
                None => Resolved::date(format!("XXXX-WXX-{wd}"), None),
            }
        }
        Sem::DayFrom { n, base } => {
            let r = resolve(base, ctx, tense);
            match r.anchor.and_then(|a| a.as_day()) {
                Some(b) => {
                    let (v, a) = day_value(b + Duration::days(*n as i64));
                    Resolved::date(v, a)
                }
                None => Resolved::date("XXXX-XX-XX".into(), None),
            }
        }
        Sem::DurationFrom { unit, n, base } => {
            let r = resolve(base, ctx, tense);
            let days = if *unit == Unit::Week { 7.0 * n } else { *n };
            let anchor = r.anchor.and_then(|a| a.as_day()).map(|b| PartialDate::day(b + Duration::days(days.round() as i64)));
            Resolved { kind: TimexType::Duration, value: duration_value(*unit, Some(n.abs())), anchor, end: None, unresolved: false }
        }
        Sem::RestOf(unit) => {
            let Some(d) = dct else { return Resolved::date("XXXX".into(), None) };
            let (value, last) = match unit {
                Unit::Week => (PartialDate::week_of(d).iso(), PartialDate::week_of(d).last()),
                Unit::Month => (format!("{:04}-{:02}", d.year(), d.month()), PartialDate::month(d.year(), d.month()).map_or(d, |m| m.last())),
                _ => (format!("{:04}", d.year()), NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)),
            };
            Resolved::date(value, Some(PartialDate::day(d))).with_end(Some(PartialDate::day(last)))
        }
        Sem::ExactOffset { unit, n } => {
            let Some(b) = dct else { return Resolved::date("XXXX-XX-XX".into(), None) };
            let k = n.round() as i32;
            let day = match unit {
                Unit::Day => Some(b + Duration::days(k as i64)),
                Unit::Week => Some(b + Duration::weeks(k as i64)),
                Unit::Month => {
                    let (y, m) = add_months(b.year(), b.month(), k);
                    NaiveDate::from_ymd_opt(y, m, b.day()).or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
                }
                Unit::Year => NaiveDate::from_ymd_opt(b.year() + k, b.month(), b.day()).or_else(|| NaiveDate::from_ymd_opt(b.year() + k, b.month(), 28)),
                _ => None,
            };
            match day {
                Some(d) => {
                    let (v, a) = day_value(d);
                    Resolved::date(v, a)
                }
                None => offset(dct, *unit, *n),
            }
        }
        Sem::WeekdayCount { wd, n } => {
            let Some(b) = dct else { return Resolved::date(format!("XXXX-WXX-{wd}"), None) };
            let day = if *n > 0 {
                weekday_on_or_after(b + Duration::days(1), *wd) + Duration::weeks(*n as i64 - 1)
            } else {
                weekday_on_or_before(b - Duration::days(1), *wd) + Duration::weeks(*n as i64 + 1)
            };
            let (v, a) = day_value(day);
            Resolved::date(v, a)
        }
        Sem::NarrativeRel { unit: Unit::Month, n } if ctx.month.is_some() => {
            let (y, m) = ctx.month.unwrap_or((0, 1));
            let (y, m) = add_months(y, m, *n);
            Resolved::date(format!("{y:04}-{m:02}"), PartialDate::month(y, m))
        }
        Sem::NarrativeRel { unit, n } => match if *unit == Unit::Day { ctx.narrative } else { ctx.narrative.or(dct) } {
            Some(base) => rel_unit(base, *unit, *n, tense),
            None => Resolved::date("XXXX-XX-XX".into(), None),
        },
        Sem::DayOfRelMonth { d, n } => match dct {
            Some(base) => {
                let (y, m) = add_months(base.year(), base.month(), *n);
                match PartialDate::ymd(y, m, *d) {
                    Some(p) => Resolved::date(p.iso(), Some(p)),
                    None => Resolved::date(format!("XXXX-XX-{d:02}"), None),
                }
            }
            None => Resolved::date(format!("XXXX-XX-{d:02}"), None),
        },
        Sem::NthOf { nth, what, month } => {
            let r = resolve(month, ctx, tense);
            let Some(a) = r.anchor.filter(|a| matches!(a.precision(), super::value::Precision::Month | super::value::Precision::Year)) else {
                return Resolved::date("XXXX-XX-XX".into(), None);
            };
            let (first, last) = (a.first(), a.last());
            let day = match what {
                NthWhat::Day => {
                    if *nth > 0 { first + Duration::days(*nth as i64 - 1) } else { last + Duration::days(*nth as i64 + 1) }
                }
                NthWhat::Weekday(wd) => {
                    if *nth > 0 {
                        weekday_on_or_after(first, *wd) + Duration::weeks(*nth as i64 - 1)
                    } else {
                        weekday_on_or_before(last, *wd) + Duration::weeks(*nth as i64 + 1)
                    }
                }
                NthWhat::Week => {
                    // weeks are those starting (Monday) inside the month
                    let w = if *nth > 0 {
                        weekday_on_or_after(first, 1) + Duration::weeks(*nth as i64 - 1)
                    } else {
                        let sunday_in = if last.weekday() == chrono::Weekday::Sun { last } else { monday_of(last) - Duration::days(1) };
                        monday_of(sunday_in) + Duration::weeks(*nth as i64 + 1)
                    };
                    let p = PartialDate::week_of(w);
                    return Resolved::date(p.iso(), Some(p));
                }
            };
            if day < first || day > last {
                return Resolved::date("XXXX-XX-XX".into(), None);
            }
            let (v, a) = day_value(day);
            Resolved::date(v, a)
        }
        Sem::Decade(d) => Resolved::date(format!("{d:03}"), PartialDate::year(d * 10)).with_end(PartialDate::year(d * 10 + 9)),
        Sem::Century(c) => Resolved::date(format!("{c:02}"), PartialDate::year(c * 100)).with_end(PartialDate::year(c * 100 + 99)),
        Sem::Duration { unit, n, rel } => {
            let value = duration_value(*unit, *n);
            let mut r = Resolved { kind: TimexType::Duration, value, anchor: None, end: None, unresolved: false };
            // "the past three months", "the next two weeks": also the period they cover.
            if let (Some(dir), Some(n), Some(dct)) = (rel, n, dct) {
                let k = n.round() as i32;
                if (n.fract() == 0.0) && k > 0 {
                    let (a, b) = match unit {
                        Unit::Day if *dir < 0 => (dct - Duration::days(k as i64), dct - Duration::days(1)),
                        Unit::Day => (dct + Duration::days(1), dct + Duration::days(k as i64)),
                        Unit::Week if *dir < 0 => (monday_of(dct) - Duration::weeks(k as i64), monday_of(dct) - Duration::weeks(1)),
                        Unit::Week => (monday_of(dct) + Duration::weeks(1), monday_of(dct) + Duration::weeks(k as i64)),
                        Unit::Month => {
                            let (y1, m1) = add_months(dct.year(), dct.month(), if *dir < 0 { -k } else { 1 });
                            let (y2, m2) = add_months(dct.year(), dct.month(), if *dir < 0 { -1 } else { k });
                            r.anchor = PartialDate::month(y1, m1);
                            r.end = PartialDate::month(y2, m2);
                            return r;
                        }
                        Unit::Year => {
                            let (y1, y2) = if *dir < 0 { (dct.year() - k, dct.year() - 1) } else { (dct.year() + 1, dct.year() + k) };
                            r.anchor = PartialDate::year(y1);
                            r.end = PartialDate::year(y2);
                            return r;
                        }
                        _ => return r,
                    };
                    if matches!(unit, Unit::Week) {
                        r.anchor = Some(PartialDate::week_of(a));
                        r.end = Some(PartialDate::week_of(b));
                    } else {
                        r.anchor = Some(PartialDate::day(a));
                        r.end = Some(PartialDate::day(b));
                    }
                }
            }
            r
        }
        Sem::Ref(v) => Resolved { kind: TimexType::Date, value: v.to_string(), anchor: None, end: None, unresolved: false },
        Sem::Set(v) => Resolved { kind: TimexType::Set, value: v.clone(), anchor: None, end: None, unresolved: false },
        Sem::Time { day, clock } => {
            let d = match day {
                Some(s) => resolve(s, ctx, tense),
                // a bare clock time is on the day the story is telling
                None => match ctx.narrative.or(dct) {
                    Some(d) => {
                        let (v, a) = day_value(d);
                        Resolved::date(v, a)
                    }
                    None => Resolved::date("XXXX-XX-XX".into(), None),
                },
            };
            let mut r = d;
            r.kind = TimexType::Time;
            r.value = format!("{}T{clock}", r.value);
            r
        }
    }
}

fn rel_unit(dct: NaiveDate, unit: Unit, n: i32, tense: &mut dyn FnMut() -> Tense) -> Resolved {
    match unit {
        Unit::Day => {
            let (v, a) = day_value(dct + Duration::days(n as i64));
            Resolved::date(v, a)
        }
        Unit::Week | Unit::Fortnight => {
            let p = PartialDate::week_of(dct + Duration::weeks(n as i64));
            Resolved::date(p.iso(), Some(p))
        }
        Unit::Weekend => {
            let mut week = n as i64;
            // "this weekend" said in the past tense early in the week: the one just gone.
            if n == 0 && dct.weekday().number_from_monday() <= 4 && tense() == Tense::Past {
                week = -1;
            }
            let sat = monday_of(dct) + Duration::weeks(week) + Duration::days(5);
            let w = PartialDate::week_of(sat);
            Resolved::date(format!("{}-WE", w.iso()), Some(PartialDate::day(sat))).with_end(Some(PartialDate::day(sat + Duration::days(1))))
        }
        Unit::Month => {
            let (y, m) = add_months(dct.year(), dct.month(), n);
            let p = PartialDate::month(y, m);
            Resolved::date(format!("{y:04}-{m:02}"), p)
        }
        Unit::Quarter => {
            let (y, m) = add_months(dct.year(), dct.month(), 3 * n);
            quarter_value(y, (m - 1) / 3 + 1)
        }
        Unit::Year => {
            let y = dct.year() + n;
            Resolved::date(format!("{y:04}"), PartialDate::year(y))
        }
        Unit::Decade => {
            let d = dct.year().div_euclid(10) + n;
            Resolved::date(format!("{d:03}"), PartialDate::year(d * 10)).with_end(PartialDate::year(d * 10 + 9))
        }
        Unit::Century => {
            let c = dct.year().div_euclid(100) + n;
            Resolved::date(format!("{c:02}"), PartialDate::year(c * 100)).with_end(PartialDate::year(c * 100 + 99))
        }
        _ => Resolved::date("PRESENT_REF".into(), None),
    }
}

fn offset(base: Option<NaiveDate>, unit: Unit, n: f64) -> Resolved {
    let Some(b) = base else {
        let v = match unit {
            Unit::Day | Unit::Week => "XXXX-XX-XX",
            Unit::Month => "XXXX-XX",
            _ => "XXXX",
        };
        return Resolved::date(v.into(), None);
    };
    let k = n.round() as i64;
    match unit {
        Unit::Day => {
            let (v, a) = day_value(b + Duration::days(k));
            Resolved::date(v, a)
        }
        // "that week", "earlier in the week": the week itself, no day in it.
        Unit::Week if k == 0 => {
            let w = PartialDate::week_of(b);
            Resolved::date(w.iso(), Some(w))
        }
        Unit::Week | Unit::Fortnight => {
            let days = if unit == Unit::Fortnight { 14 } else { 7 };
            let (v, a) = day_value(b + Duration::days(k * days));
            Resolved::date(v, a)
        }
        Unit::Weekend => {
            let sat = monday_of(b) + Duration::weeks(k) + Duration::days(5);
            let w = PartialDate::week_of(sat);
            Resolved::date(format!("{}-WE", w.iso()), Some(PartialDate::day(sat))).with_end(Some(PartialDate::day(sat + Duration::days(1))))
        }
        Unit::Month => {
            let (y, m) = add_months(b.year(), b.month(), k as i32);
            Resolved::date(format!("{y:04}-{m:02}"), PartialDate::month(y, m))
        }
        Unit::Quarter => {
            let (y, m) = add_months(b.year(), b.month(), 3 * k as i32);
            quarter_value(y, (m - 1) / 3 + 1)
        }
        Unit::Year => {
            let y = b.year() + k as i32;
            Resolved::date(format!("{y:04}"), PartialDate::year(y))
        }
        // "a decade ago": the year ten years back (TimeBank), not the decade
        Unit::Decade => {
            let y = b.year() + 10 * k as i32;
            Resolved::date(format!("{y:04}"), PartialDate::year(y))
        }
        Unit::Century | Unit::Millennium => {
            let y = b.year() + 100 * k as i32;
            Resolved::date(format!("{:02}", y.div_euclid(100)), None)
        }
        Unit::Hour | Unit::Minute | Unit::Second => {
            Resolved { kind: TimexType::Duration, value: duration_value(unit, Some(n.abs())), anchor: None, end: None, unresolved: false }
        }
    }
}

pub fn duration_value(unit: Unit, n: Option<f64>) -> String {
    let time = matches!(unit, Unit::Hour | Unit::Minute | Unit::Second);
    let (mult, code) = match unit {
        Unit::Decade => (10.0, "Y"),
        Unit::Century => (100.0, "Y"),
        Unit::Millennium => (1000.0, "Y"),
        Unit::Quarter => (1.0, "Q"),
        Unit::Fortnight => (2.0, "W"),
        Unit::Weekend => (2.0, "D"),
        u => (1.0, unit_code(u)),
    };
    let amount = match n {
        Some(n) => num_str(n * mult),
        None => "X".to_string(),
    };
    if time { format!("PT{amount}{code}") } else { format!("P{amount}{code}") }
}
