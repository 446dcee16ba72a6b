//! The grammar: recognizes time expressions over tokens and says what they mean,
//! before any calendar arithmetic.
//!
//! [`Grammar::parse`] is called only at tokens that can start an expression (a
//! lexicon word or a number); it tries the rules at that token and keeps the
//! longest match. A match carries a [`Sem`]: the expression's meaning relative to
//! an anchor still unknown ("the Tuesday before the anchor", "the latest March
//! given the tense"), which `resolve` turns into a TimeML value.
//!
//! Span conventions follow TimeML/TimeBank: prepositions stay out ("on Friday" →
//! "Friday"); determiners and modifiers that are part of the expression stay in
//! ("the third quarter", "the past three months", "late November", "nearly forty
//! years"); a decade keeps its article out ("the 1990s" → "1990s").

use super::lexicon::{Entry, Kind, Tok, Unit};

/// How a year-less calendar expression gets its year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearRef {
    Abs(i32),
    /// Relative to the anchor's year ("last March" is not this: see `Month::rel`).
    Rel(i32),
    /// By the tense of the sentence and closeness to the anchor.
    Tense,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    Day { y: YearRef, m: u32, d: u32, end: Option<(u32, u32)> },
    Month { y: YearRef, m: u32, end: Option<u32>, rel: Option<i32> },
    Year { y: i32, end: Option<i32> },
    DayOfMonth(u32),
    /// `shift`: None a bare weekday (tense decides), Some(-1) "last", Some(0) "this", Some(1) "next".
    Weekday { wd: u32, shift: Option<i32> },
    /// Deictic unit: "today" (Day 0), "last week" (Week -1), "this year" (Year 0).
    Rel { unit: Unit, n: i32 },
    /// "two days ago" (from the publication date), "two days later" (from the narrative date).
    Offset { unit: Unit, n: f64, narrative: bool },
    /// "a year earlier" in a text that talks about a quarter: the same period a year before.
    YearAgoPeriod { narrative: bool },
    Quarter { q: u32, y: YearRef },
    /// A holiday from `data/holidays.tsv` (index), in a year or relative to the anchor.
    /// `shift`: "Thanksgiving three years ago", the holiday in the year that offset reaches.
    Holiday { idx: usize, y: YearRef, rel: Option<i32>, shift: Option<(Unit, i32)> },
    /// "year-end": the last day of the year spoken of.
    YearEnd,
    /// "the 1989 period", "last year's quarter": the quarter the text is about, in that year.
    PeriodOfYear(YearRef),
    /// "the quarter", "the latest quarter": the quarter the text is about.
    ThisQuarter { n: i32 },
    Half { h: u32, y: YearRef },
    Season { s: u32, y: YearRef },
    Decade(i32),
    Century(i32),
    /// "three years from today": the same day that far ahead.
    ExactOffset { unit: Unit, n: f64 },
    /// "3 Fridays from now" (n = 3), "2 Thursdays ago" (n = -2).
    WeekdayCount { wd: u32, n: i32 },
    /// "the week of March 6": the week containing that day.
    WeekOf(Box<Sem>),
    /// "the third Tuesday after Christmas": the `n`th weekday after (n < 0: before) a day.
    WeekdayFrom { wd: u32, n: i32, base: Box<Sem> },
    /// "the day before last Tuesday", "the day after Christmas": the day next to another.
    DayFrom { n: i32, base: Box<Sem> },
    /// "three days after Easter": a duration (value P3D) anchored at the day it reaches.
    DurationFrom { unit: Unit, n: f64, base: Box<Sem> },
    /// "the rest of the week": from the publication day to the end of the period.
    RestOf(Unit),
    /// "the following week", "the previous month": a unit next to the narrative's date.
    NarrativeRel { unit: Unit, n: i32 },
    /// "the 20th of next month": a day of a month given relatively.
    DayOfRelMonth { d: u32, n: i32 },
    /// "the first Tuesday of October", "the last day of March 2014", "the first week of
    /// October": `nth` counts from the start (1, 2, ...) or the end (-1 = last).
    NthOf { nth: i32, what: NthWhat, month: Box<Sem> },
    Duration { unit: Unit, n: Option<f64>, rel: Option<i32> },
    Ref(&'static str),
    Set(String),
    /// A time of day ("6 p.m.", "Tuesday morning"): the day expression and the clock part
    /// (`18:00` or a TimeML part of day `MO`, `AF`, `EV`, `NI`).
    Time { day: Option<Box<Sem>>, clock: String },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NthWhat {
    Weekday(u32),
    Day,
    Week,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<&'static str>,
}

pub struct Grammar<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

enum Qty {
    N(f64),
    Vague,
}

fn m(end: usize, sem: Sem) -> Option<(usize, Sem)> {
    Some((end, sem))
}

impl<'a> Grammar<'a> {
    pub fn e(&self, i: usize) -> Option<&'static Entry> {
        self.t.get(i).and_then(Tok::entry)
    }
    fn w(&self, i: usize, s: &str) -> bool {
        self.e(i).is_some_and(|e| e.word == Some(s))
    }
    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }
    /// Token i is glued to the one before it (no white space).
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }
    fn num(&self, i: usize) -> Option<(u64, u8)> {
        match self.t.get(i)?.kind {
            Kind::Num { v, nd, comma: false } => Some((v, nd)),
            _ => None,
        }
    }
    fn tok_text(&self, i: usize) -> &'a str {
        self.t.get(i).and_then(|t| self.text.get(t.s as usize..t.e as usize)).unwrap_or("")
    }
    fn lower_is(&self, i: usize, s: &str) -> bool {
        self.tok_text(i).eq_ignore_ascii_case(s)
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    fn is_unknown_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| matches!(t.kind, Kind::Word(_)) && t.entry().is_none())
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let e = self.e(i)?;
        e.unit.map(|u| (u, e.unit_plural))
    }
    fn skip_dot(&self, i: usize) -> usize {
        if self.p(i, '.') && self.glued(i) { i + 1 } else { i }
    }

    /// A day of the month at i: "24", "24th", "twenty-fourth" (words only up to "thirty-first").
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        match self.t.get(i)?.kind {
            Kind::Num { v, nd, comma: false } if (1..=31).contains(&v) && nd <= 2 => Some((i + 1, v as u32)),
            Kind::Ord(v) if (1..=31).contains(&v) => Some((i + 1, v)),
            _ => {
                let e = self.e(i)?;
                if e.ordinal > 0 {
                    return Some((i + 1, e.ordinal as u32));
                }
                if e.tens && (e.number == Some(20) || e.number == Some(30)) && self.p(i + 1, '-') {
                    let o = self.e(i + 2)?.ordinal as u32;
                    if (1..=9).contains(&o) {
                        let d = e.number.unwrap_or(0) + o;
                        return (d <= 31).then_some((i + 3, d));
                    }
                }
                None
            }
        }
    }

    /// A four-digit year (or "'98") at i.
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((v, 4)) = self.num(i)
            && (1000..=2199).contains(&v) && !(self.p(i + 1, '%')) {
                return Some((i + 1, v as i32));
            }
        if self.p(i, '\'')
            && let Some((v, 2)) = self.num(i + 1)
                && self.glued(i + 1) {
                    return Some((i + 2, if v < 40 { 2000 + v as i32 } else { 1900 + v as i32 }));
                }
        None
    }

    /// A quantity: digits (with a decimal part), number words, "a", "a couple of", vague words.
    fn qty(&self, i: usize) -> Option<(usize, Qty)> {
        let t = self.t.get(i)?;
        match t.kind {
            Kind::Num { v, comma, .. } => {
                // "2 1/2 years"
                if let (Some((a, _)), Some((b, _))) = (self.num(i + 1), self.num(i + 3))
                    && self.p(i + 2, '/') && self.glued(i + 2) && self.glued(i + 3) && b > a && b <= 10 && !self.glued(i + 1) {
                        return Some((i + 4, Qty::N(v as f64 + a as f64 / b as f64)));
                    }
                if self.p(i + 1, '.') && self.glued(i + 1) && self.glued(i + 2)
                    && let Some((f, nd)) = self.num(i + 2) {
                        let frac = f as f64 / 10f64.powi(nd as i32);
                        return Some((i + 3, Qty::N(v as f64 + frac)));
                    }
                let _ = comma;
                Some((i + 1, Qty::N(v as f64)))
            }
            _ => {
                let e = self.e(i)?;
                if e.article {
                    // "a couple of", "a few", "a dozen", "a hundred"
                    if let Some(n) = self.e(i + 1) {
                        if self.lower_is(i + 1, "couple") {
                            let j = if self.w(i + 2, "of") { i + 3 } else { i + 2 };
                            return Some((j, Qty::N(2.0)));
                        }
                        if self.lower_is(i + 1, "few") {
                            return Some((i + 2, Qty::Vague));
                        }
                        if n.hundred {
                            return Some((i + 2, Qty::N(100.0)));
                        }
                        if self.lower_is(i + 1, "dozen") {
                            return Some((i + 2, Qty::N(12.0)));
                        }
                    }
                    return Some((i + 1, Qty::N(1.0)));
                }
                if e.vague_number {
                    let j = if self.w(i + 1, "of") && self.lower_is(i, "couple") { i + 2 } else { i + 1 };
                    if self.lower_is(i, "couple") {
                        return Some((j, Qty::N(2.0)));
                    }
                    return Some((j, Qty::Vague));
                }
                let mut n = e.number? as f64;
                let mut j = i + 1;
                if e.tens {
                    let k = if self.p(j, '-') && self.glued(j) { j + 1 } else { j };
                    if let Some(o) = self.e(k).and_then(|e| if e.tens { None } else { e.number })
                        && (1..=9).contains(&o) {
                            n += o as f64;
                            j = k + 1;
                        }
                }
                if self.e(j).is_some_and(|e| e.hundred) {
                    n *= 100.0;
                    j += 1;
                }
                Some((j, Qty::N(n)))
            }
        }
    }

    /// Quantity + unit: "three years", "4.5 hours", "30-day", "a decade". Returns the end,
    /// the unit and the amount (None for vague amounts: "several years").
    fn qty_unit(&self, i: usize) -> Option<(usize, Unit, Option<f64>)> {
        let (j, q) = self.qty(i)?;
        let k = if self.p(j, '-') && self.glued(j) && self.glued(j + 1) { j + 1 } else { j };
        let (u, plural) = self.unit(k)?;
        // "60 Minutes", "48 Hours": a title, not a duration.
        if self.cap(k) && !self.cap(i) && matches!(self.t.get(i).map(|t| t.kind), Some(Kind::Num { .. })) {
            return None;
        }
        // "the 1988 quarter" is a period of 1988, not 1988 quarters.
        if u == Unit::Quarter && matches!(self.t.get(i).map(|t| t.kind), Some(Kind::Num { nd: 4, .. })) {
            return None;
        }
        // "a second time" is an ordinal; "three-quarters of" a fraction.
        if self.e(i).is_some_and(|e| e.article) && self.lower_is(k, "second") {
            return None;
        }
        if u == Unit::Quarter && self.w(k + 1, "of") {
            return None;
        }
        // "a 6-year-old boy": an age, not a duration.
        if self.w(k + 1, "old") || self.p(k + 1, '-') && self.w(k + 2, "old") {
            return None;
        }
        let n = match q {
            Qty::N(n) => Some(n),
            Qty::Vague => None,
        };
        // "one years" is fine to accept; "a days" is not a duration.
        if plural && self.e(i).is_some_and(|e| e.article) && n == Some(1.0) {
            return None;
        }
        // "a half" and "1 and a half" are not handled: keep integers and decimals.
        let mut end = k + 1;
        // "a minute and a half", "two and a half years" are rare: skip. "-long": "decades-long"
        if self.p(end, '-') && self.glued(end) && self.lower_is(end + 1, "long") {
            end += 2;
        }
        Some((end, u, n))
    }

    /// Is the word at i a month name (taking care of "May" the verb and "march" the noun)?
    fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let e = self.e(i)?;
        if e.month == 0 {
            return None;
        }
        let mo = e.month as u32;
        let j = if e.month_abbr { self.skip_dot(i + 1) } else { i + 1 };
        let lower = !self.cap(i);
        let followed_by_date = self.day_num(j).is_some() || self.year_at(j).is_some() || self.year_at(j + 1).is_some() && self.p(j, ',');
        if e.month_abbr {
            // "Jan", "Dec." are no words, but "mar" can be: need capital or dot or a date.
            let in_numeric = i > 0 && self.glued(i) && (self.p(i - 1, '-') || self.p(i - 1, '/')) && self.glued(i + 1) && (self.p(i + 1, '-') || self.p(i + 1, '/'));
            // "18th Dec", "18 Dec", "the 18th of Dec": a day before it makes it a date
            let day_before = |p: usize| matches!(self.t.get(p).map(|t| t.kind), Some(Kind::Ord(_) | Kind::Num { nd: 1 | 2, comma: false, .. }));
            let after_day = i.checked_sub(1).is_some_and(|p| day_before(p) || self.w(p, "of") && p.checked_sub(1).is_some_and(day_before));
            if !followed_by_date && !(self.p(i + 1, '.') && self.glued(i + 1)) && !in_numeric && !after_day {
                return None;
            }
            return Some((j, mo));
        }
        let prev = i.checked_sub(1);
        let prev_e = prev.and_then(|p| self.e(p));
        let prev_is = |s: &[&str]| prev_e.and_then(|e| e.word).is_some_and(|w| s.contains(&w));
        let prev_dateish = prev_is(&["in", "since", "until", "through", "from", "of", "by", "during", "before", "after", "to", "between", "and", "on", "till", "thru", "for"])
            || prev_e.is_some_and(|e| e.rel.is_some() || e.edge.is_some())
            || prev.is_some_and(|p| self.p(p, '-') && self.glued(i));
        if mo == 5 {
            // May: the month only when written as a name and in a date context.
            if lower && !followed_by_date {
                return None;
            }
            if !followed_by_date && !prev_dateish {
                return None;
            }
            // "may be", "May I": a verb after it means the modal.
            if !followed_by_date && self.is_unknown_word(j) && !self.cap(j) && !self.p(j, ',') {
                // "in May the talks...": keep when a preposition came first.
                if !prev_dateish {
                    return None;
                }
            }
        } else if mo == 3 {
            // march the noun/verb: "a march on", "to march", lower case.
            if lower && !followed_by_date && !prev_dateish {
                return None;
            }
            if prev.is_some_and(|p| self.e(p).is_some_and(|e| e.article) || self.lower_is(p, "to") || self.w(p, "the") && !self.cap(i)) {
                return None;
            }
            // "the March for Life", "a March of the Mothers": an event's name
            if !followed_by_date && (self.w(j, "for") || self.w(j, "of") || self.w(j, "on") || self.lower_is(j, "against")) && self.cap(j + 1) {
                return None;
            }
        } else if lower && !followed_by_date && !prev_dateish {
            // "august body" is rare; month names in lower case are fine for the others.
        }
        Some((j, mo))
    }

    /// Weekday name at i (checks the abbreviations that are also English words).
    fn weekday_at(&self, i: usize) -> Option<(usize, u32)> {
        let e = self.e(i)?;
        if e.weekday == 0 || e.weekday_form == 1 {
            return None;
        }
        let wd = e.weekday as u32;
        match e.weekday_form {
            0 => Some((i + 1, wd)),
            2 => {
                if !self.cap(i) && !self.p(i + 1, '.') {
                    // "thu", "fri" alone in lower case: still a weekday (no other sense)
                }
                Some((self.skip_dot(i + 1), wd))
            }
            _ => {
                // Sat, Sun, Wed, Mon: only as "Sat." / "Sat," followed by a date.
                let j = self.skip_dot(i + 1);
                let jj = if self.p(j, ',') { j + 1 } else { j };
                if self.cap(i) && (j > i + 1 && self.month_at(jj).is_some() || self.month_at(jj).is_some() || self.day_num(jj).is_some() && self.month_at(jj + 1).is_some()) {
                    Some((j, wd))
                } else {
                    None
                }
            }
        }
    }

    /// A date written with numbers: 2025-03-11, 3/3/2015, 10/31/74, 2/2013, 2014-10, 2/15.
    fn numeric_date(&self, i: usize) -> Option<(usize, Sem)> {
        let (a, na) = self.num(i)?;
        let _ = self.tok_text(i);
        let sep = match self.t.get(i + 1)?.kind {
            Kind::Punct(c @ ('-' | '/' | '.')) if self.glued(i + 1) && self.glued(i + 2) => c,
            _ => return None,
        };
        let (b, nb) = self.num(i + 2)?;
        let third = if self.p(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4) { self.num(i + 4) } else { None };
        // Something glued after the date (another separator + digits) means a phone number or a code.
        let after = if third.is_some() { i + 5 } else { i + 3 };
        if self.glued(after) && (self.num(after).is_some() || self.p(after, '-') || self.p(after, '/') || self.p(after, ':'))
            || (self.glued(after) && self.p(after, '.') && self.num(after + 1).is_some())
        {
            return None;
        }
        if i > 0 && self.glued(i) && (self.p(i - 1, '-') || self.p(i - 1, '/') || self.p(i - 1, '.') || self.p(i - 1, '$') || self.p(i - 1, '+')) {
            return None;
        }
        // "2 1/2": a fraction after a whole number.
        if third.is_none() && i > 0 && self.num(i - 1).is_some() {
            return None;
        }
        match third {
            Some((c, nc)) => {
                if na == 4 && sep != '.' {
                    // ISO year-month-day
                    let (mo, d) = (b as u32, c as u32);
                    (valid_md(mo, d) && nb <= 2 && nc <= 2).then_some((i + 5, Sem::Day { y: YearRef::Abs(a as i32), m: mo, d, end: None }))
                } else if na <= 2 && nb <= 2 && (nc == 4 || nc == 2) {
                    // US month/day/year (news in English; day/month/year when the first is > 12)
                    let y = if nc == 2 { if c < 40 { 2000 + c as i32 } else { 1900 + c as i32 } } else { c as i32 };
                    let (mo, d) = if a > 12 { (b as u32, a as u32) } else { (a as u32, b as u32) };
                    valid_md(mo, d).then_some((i + 5, Sem::Day { y: YearRef::Abs(y), m: mo, d, end: None }))
                } else {
                    None
                }
            }
            None => {
                if sep == '.' {
                    return None;
                }
                if na == 4 && nb == 2 && (1..=12).contains(&b) && sep == '-' {
                    return Some((i + 3, Sem::Month { y: YearRef::Abs(a as i32), m: b as u32, end: None, rel: None }));
                }
                if na == 4 && nb <= 2 && (1..=12).contains(&b) && sep == '/' {
                    return Some((i + 3, Sem::Month { y: YearRef::Abs(a as i32), m: b as u32, end: None, rel: None }));
                }
                if na <= 2 && nb == 4 && (1..=12).contains(&a) && sep == '/' {
                    return Some((i + 3, Sem::Month { y: YearRef::Abs(b as i32), m: a as u32, end: None, rel: None }));
                }
                // "2/15" needs a date context ("on 2/15"): alone it is mostly a fraction.
                let prep = i == 0 || i.checked_sub(1).is_some_and(|p| matches!(self.e(p).and_then(|e| e.word), Some("on" | "since" | "by" | "until" | "from" | "before" | "after" | "through" | "till")));
                if prep && na <= 2 && nb <= 2 && sep == '/' && valid_md(a as u32, b as u32) {
                    return Some((i + 3, Sem::Day { y: YearRef::Tense, m: a as u32, d: b as u32, end: None }));
                }
                None
            }
        }
    }

    /// Month-first dates: "Feb. 24, 2024", "June 2", "February 2025", "July 13-15", "March".
    fn month_first(&self, i: usize) -> Option<(usize, Sem)> {
        let (j, mo) = self.month_at(i)?;
        // "March 3 2015", "March 3rd, 2015", "June 2"
        let jd = if self.w(j, "the") { j + 1 } else { j };
        if let Some((k, d)) = self.day_num(jd) {
            // a 4-digit number is a year, not a day; "May 1,000" is not a date.
            if valid_md(mo, d) && !self.p(k, '%') && !(self.p(k, ',') && self.num(k + 1).is_some_and(|(_, n)| n == 3) && self.glued(k + 1)) {
                // range "July 13-15", "July 13 to 15", "July 13 - July 15"
                let (k, end) = self.day_range_tail(k, mo).filter(|&(_, em, ed)| !self.w(k, "and") || em == mo && ed > d).map_or((k, None), |(k2, em, ed)| (k2, Some((em, ed))));
                let (k, y) = self.year_tail(k);
                return m(k, Sem::Day { y, m: mo, d, end });
            }
        }
        // "February 2025", "February of 2025", "Feb. '98"
        let jy = if self.w(j, "of") || self.p(j, ',') { j + 1 } else { j };
        if let Some((k, y)) = self.year_at(jy) {
            return m(k, Sem::Month { y: YearRef::Abs(y), m: mo, end: None, rel: None });
        }
        // "March after next": the second March ahead
        if self.lower_is(j, "after") && self.lower_is(j + 1, "next") {
            return m(j + 2, Sem::Month { y: YearRef::Tense, m: mo, end: None, rel: Some(2) });
        }
        // "March in a year", "June in two years" (the clause ends there)
        if self.w(j, "in")
            && let Some((k, Unit::Year, Some(n))) = self.qty_unit(j + 1)
                && n.fract() == 0.0 && n > 0.0 && n < 100.0 && self.t.get(k).is_none_or(|t| matches!(t.kind, Kind::Punct(_))) {
                    return m(k, Sem::Month { y: YearRef::Rel(n as i32), m: mo, end: None, rel: None });
                }
        // "June last year", "January this year"
        if let Some(n) = self.e(j).and_then(|e| e.rel)
            && self.unit(j + 1).is_some_and(|(u, p)| u == Unit::Year && !p) && !self.lower_is(j, "past") {
                return m(j + 2, Sem::Month { y: YearRef::Rel(n as i32), m: mo, end: None, rel: None });
            }
        m(j, Sem::Month { y: YearRef::Tense, m: mo, end: None, rel: None })
    }

    /// After a day: "-15", " to 15", " - July 15", "to the 15th", " and 11" ("May 10 and 11").
    fn day_range_tail(&self, k: usize, mo: u32) -> Option<(usize, u32, u32)> {
        if self.w(k, "and") {
            return self.coordinated_day(k + 1, mo);
        }
        let separator = self.p(k, '-') || self.w(k, "to") || self.w(k, "through") || self.w(k, "until") || self.w(k, "till") || self.lower_is(k, "thru");
        if !separator {
            return None;
        }
        let sep_end = k + 1;
        let s = if self.w(sep_end, "the") { sep_end + 1 } else { sep_end };
        if let Some((k2, mo2)) = self.month_at(s) {
            let (k3, d2) = self.day_num(k2)?;
            return valid_md(mo2, d2).then_some((k3, mo2, d2));
        }
        let (k2, d2) = self.day_num(s)?;
        // "13-15" but not a year ("1990-91" is handled elsewhere)
        if let Some((_, nd)) = self.num(s)
            && nd > 2 {
                return None;
            }
        valid_md(mo, d2).then_some((k2, mo, d2))
    }

    /// The second of two coordinated days after "and" ("May 10 and 11", "June 9 and the
    /// 10th"): a later day of the same month, written as digits or an ordinal, not followed
    /// by a noun it would count ("May 10 and 11 people", "May 10 and 11 days later").
    fn coordinated_day(&self, s: usize, mo: u32) -> Option<(usize, u32, u32)> {
        let s = if self.w(s, "the") { s + 1 } else { s };
        if !matches!(self.t.get(s)?.kind, Kind::Num { nd: 1 | 2, comma: false, .. } | Kind::Ord(_)) {
            return None;
        }
        let (k, d2) = self.day_num(s)?;
        let counts_a_noun = self.unit(k).is_some() || self.is_unknown_word(k) && !self.cap(k) || self.p(k, '%');
        (!counts_a_noun && valid_md(mo, d2)).then_some((k, mo, d2))
    }

    /// An optional ", 2024" / " 2024" after a day and month.
    fn year_tail(&self, k: usize) -> (usize, YearRef) {
        if self.p(k, ',')
            && let Some((k2, y)) = self.year_at(k + 1) {
                return (k2, YearRef::Abs(y));
            }
        if let Some((k2, y)) = self.year_at(k) {
            return (k2, YearRef::Abs(y));
        }
        if self.w(k, "of")
            && let Some((k2, y)) = self.year_at(k + 1) {
                return (k2, YearRef::Abs(y));
            }
        (k, YearRef::Tense)
    }

    /// Day-first dates: "18 February 2025", "the 15th of February", "14-16 February", "on the 5th".
    fn day_first(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.w(i, "the");
        let i0 = if the { i + 1 } else { i };
        let (j, d) = self.day_num(i0)?;
        // bare "first", "second" words need "the" or a month right after.
        let word_ordinal = self.e(i0).is_some_and(|e| e.ordinal > 0);
        // range: "14-16 February", "13 to 15 July", "from the 13th to the 15th of July";
        // coordinated days are one range too: "on 18 and 19 November", "between 14 and 16
        // February" (anchor the first day, end the last).
        let mut range_end: Option<(usize, u32)> = None;
        let mut jm = j;
        if self.p(j, '-') || self.w(j, "to") || self.w(j, "through") || self.lower_is(j, "thru") || self.w(j, "and") {
            let s = if self.w(j + 1, "the") { j + 2 } else { j + 1 };
            if let Some((k, d2)) = self.day_num(s) {
                let k2 = if self.w(k, "of") { k + 1 } else { k };
                if self.month_at(k2).is_some() && d2 > d {
                    range_end = Some((k, d2));
                    jm = k;
                }
            }
        }
        // "the 20th of next month", "20th day of the current month"
        {
            let mut k = j;
            if self.lower_is(k, "day") {
                k += 1;
            }
            if self.w(k, "of") {
                k += 1;
                if self.w(k, "the") {
                    k += 1;
                }
                if let Some(n) = self.e(k).and_then(|e| e.rel)
                    && self.unit(k + 1).is_some_and(|(u, p)| u == Unit::Month && !p) && range_end.is_none() {
                        return m(k + 2, Sem::DayOfRelMonth { d, n: n as i32 });
                    }
            }
        }
        // "31-Oct-74", "31/Oct/1974"
        if range_end.is_none() && (self.p(j, '-') || self.p(j, '/')) && self.glued(j) && self.glued(j + 1)
            && let Some((k, mo)) = self.month_at(j + 1)
                && (self.p(k, '-') || self.p(k, '/')) && self.glued(k) && self.glued(k + 1)
                    && let Some((yv, nd)) = self.num(k + 1) {
                        let y = match nd {
                            4 => Some(yv as i32),
                            2 => Some(if yv < 40 { 2000 + yv as i32 } else { 1900 + yv as i32 }),
                            _ => None,
                        };
                        if let Some(y) = y.filter(|_| valid_md(mo, d)) {
                            return m(k + 2, Sem::Day { y: YearRef::Abs(y), m: mo, d, end: None });
                        }
                    }
        let jm2 = if self.w(jm, "of") || self.w(jm, "day") && self.w(jm + 1, "of") { if self.w(jm, "of") { jm + 1 } else { jm + 2 } } else { jm };
        if let Some((k, mo)) = self.month_at(jm2) {
            if !valid_md(mo, d) {
                return None;
            }
            let (k, y) = self.year_tail(k);
            let end = range_end.map(|(_, d2)| (mo, d2));
            return m(k, Sem::Day { y, m: mo, d, end });
        }
        // "the 15th", "the first" (of a month given by context)
        if the && !word_ordinal && matches!(self.t.get(i0).map(|t| t.kind), Some(Kind::Ord(_))) {
            // "the 20th century" is a century
            if self.e(j).is_some_and(|e| e.unit.is_some()) {
                return None;
            }
            let prep = i.checked_sub(1).is_some_and(|p| matches!(self.e(p).and_then(|e| e.word), Some("on" | "by" | "until" | "till" | "since" | "from" | "before" | "after" | "to" | "through")));
            let ends = self.t.get(j).is_none_or(|t| matches!(t.kind, Kind::Punct('.' | ',' | ';' | ')')));
            // "the 11th Circuit", "the 82nd Airborne": part of a name
            if !prep && !ends || self.cap(j) && self.is_unknown_word(j) {
                return None;
            }
            return m(j, Sem::DayOfMonth(d));
        }
        // "on the first": an ordinal word after "on the"
        if the && word_ordinal && i.checked_sub(1).is_some_and(|p| self.w(p, "on")) && self.t.get(j).is_none_or(|t| matches!(t.kind, Kind::Punct(_))) {
            return m(j, Sem::DayOfMonth(d));
        }
        None
    }

    /// A weekday with what may follow: "Tuesday, Feb. 18", "Tuesday morning", "Friday after next".
    fn weekday_first(&self, i: usize) -> Option<(usize, Sem)> {
        let (j, wd) = self.weekday_at(i)?;
        let k = if self.p(j, ',') { j + 1 } else { j };
        // "Tuesday, Feb. 18" / "Tuesday 18 February": the date decides; the span covers both.
        if let Some((k2, sem)) = self.month_first(k).or_else(|| self.day_first(k))
            && matches!(sem, Sem::Day { .. }) {
                return m(k2, sem);
            }
        // "Tuesday the 19th", "Tuesday 19th"
        {
            let k = if self.w(j, "the") { j + 1 } else { j };
            if let Some(Kind::Ord(d)) = self.t.get(k).map(|t| t.kind)
                && (1..=31).contains(&d) && self.month_at(k + 1).is_none() {
                    return m(k + 1, Sem::DayOfMonth(d));
                }
        }
        // "Sunday Times", "Sunday Telegraph": a newspaper, not a day.
        if self.cap(j) && self.w(j, "paper") {
            return None;
        }
        let wsem = Sem::Weekday { wd, shift: None };
        // "Friday after next", "Wednesday of next week", "Wednesday next week", "Sunday last week"
        if self.lower_is(j, "after") && self.e(j + 1).is_some_and(|e| e.rel == Some(1)) && self.unit(j + 2).is_none() {
            return m(j + 2, Sem::Weekday { wd, shift: Some(2) });
        }
        let jw = if self.w(j, "of") || self.w(j, "from") { j + 1 } else { j };
        if let Some(n) = self.e(jw).and_then(|e| e.rel)
            && self.unit(jw + 1).is_some_and(|(u, _)| u == Unit::Week) && !self.lower_is(jw, "past") {
                return m(jw + 2, Sem::Weekday { wd, shift: Some(10 + n as i32) });
            }
        // "Wednesday's ruling": a possessive names something that has happened.
        if self.p(j, '\'') && self.lower_is(j + 1, "s") {
            return m(j, Sem::Weekday { wd, shift: Some(-10) });
        }
        // "Tuesday morning", "Friday night": a part of the day (TimeML `TMO`, `TNI`).
        if let Some(pod) = self.e(j).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
            return m(j + 1, Sem::Time { day: Some(Box::new(wsem)), clock: pod.to_string() });
        }
        m(j, wsem)
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1998",
    /// "the fiscal first quarter", "the first half", "Q1 2025", "the quarter".
    fn quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        if self.w(j, "the") {
            j += 1;
        }
        let mut year: YearRef = YearRef::Tense;
        // "this year's third quarter", "last year's"
        if let Some(n) = self.e(j).and_then(|e| e.rel)
            && self.unit(j + 1).is_some_and(|(u, p)| u == Unit::Year && !p) && self.p(j + 2, '\'') && self.lower_is(j + 3, "s") {
                year = YearRef::Rel(n as i32);
                j += 4;
            }
        // "the 1989 period", "the 1988 quarter", "last year's quarter", "the corresponding
        // period last year": the quarter the text is about, in that year.
        {
            let (k, y) = match self.year_at(j) {
                Some((k, y)) => (k, Some(YearRef::Abs(y))),
                None => (j, (year != YearRef::Tense).then_some(year)),
            };
            let k2 = if self.lower_is(k, "comparable") || self.lower_is(k, "corresponding") || self.lower_is(k, "same") { k + 1 } else { k };
            if self.unit(k2).is_some_and(|(u, p)| u == Unit::Quarter && !p) || self.lower_is(k2, "period") {
                if let Some(y) = y {
                    return m(k2 + 1, Sem::PeriodOfYear(y));
                }
                if k2 > k && self.w(i, "the")
                    && let Some(n) = self.e(k2 + 1).and_then(|e| e.rel)
                        && n == -1 && self.lower_is(k2 + 2, "year") {
                            return m(k2 + 3, Sem::PeriodOfYear(YearRef::Rel(-1)));
                        }
            }
        }
        if self.w(j, "fiscal") || self.w(j, "calendar") || self.w(j, "financial") {
            j += 1;
        }
        if let Some((k, y)) = self.year_at(j)
            && (self.e(k).is_some_and(|e| e.ordinal > 0) || self.w(k, "fiscal")) {
                year = YearRef::Abs(y);
                j = k;
                if self.w(j, "fiscal") {
                    j += 1;
                }
            }
        let default_entry = Entry::default();
        let e = self.e(j).unwrap_or(&default_entry);
        let latest = e.word == Some("latest");
        let last_half = self.lower_is(j, "last") && self.lower_is(j + 1, "half");
        let (ord, mut k) = if last_half {
            (Some(2), j + 1)
        } else if e.ordinal > 0 {
            (Some(e.ordinal as u32), j + 1)
        } else if let Some(Kind::Ord(o)) = self.t.get(j).map(|t| t.kind) {
            (Some(o), j + 1)
        } else if e.word == Some("latest") || e.rel == Some(0) && self.lower_is(j, "current") || self.w(j, "same") {
            (None, j + 1)
        } else if e.word == Some("yearago") {
            // "the year-ago quarter", "the year-earlier period"
            let k = j + 1;
            let k = if self.e(k).is_some_and(|e| e.ordinal > 0) { k + 1 } else { k };
            if self.unit(k).is_some_and(|(u, p)| u == Unit::Quarter && !p) || self.lower_is(k, "period") {
                return m(k + 1, Sem::YearAgoPeriod { narrative: true });
            }
            return None;
        } else if e.unit == Some(Unit::Quarter) && !e.unit_plural && self.w(i, "the") {
            (None, j)
        } else {
            return None;
        };
        // ordinals: "first-quarter", "3rd qtr"
        if self.p(k, '-') && self.glued(k) {
            k += 1;
        }
        if self.w(k, "fiscal") {
            k += 1;
        }
        let is_half = self.lower_is(k, "half");
        let is_q = self.unit(k).is_some_and(|(u, p)| u == Unit::Quarter && !p);
        let is_period = ord.is_none() && self.lower_is(k, "period") && self.w(i, "the");
        if !is_half && !is_q && !is_period {
            return None;
        }
        if ord.is_none() && is_half {
            return None;
        }
        let mut end = k + 1;
        // "of 1998", "1998", "of fiscal 1998", "of this year", "of next year"
        let (jj, _) = (if self.w(end, "of") { end + 1 } else { end }, ());
        let jj2 = if self.w(jj, "fiscal") { jj + 1 } else { jj };
        if let Some((k2, y)) = self.year_at(jj2) {
            year = YearRef::Abs(y);
            end = k2;
        } else if self.w(end, "of") {
            if let Some(n) = self.e(jj).and_then(|e| e.rel) {
                if self.unit(jj + 1).is_some_and(|(u, _)| u == Unit::Year) {
                    year = YearRef::Rel(n as i32);
                    end = jj + 2;
                }
            } else if self.w(jj, "the") && self.lower_is(jj + 1, "year") {
                end = jj + 2;
            }
        }
        match ord {
            Some(q) if is_half && (1..=2).contains(&q) => m(end, Sem::Half { h: q, y: year }),
            Some(q) if is_q && (1..=4).contains(&q) => m(end, Sem::Quarter { q, y: year }),
            // "the quarter a year ago/earlier": the same quarter of the previous year
            None if self.e(end).is_some_and(|e| e.article) && self.lower_is(end + 1, "year") && (self.lower_is(end + 2, "ago") || self.lower_is(end + 2, "earlier")) => {
                m(end + 3, Sem::YearAgoPeriod { narrative: false })
            }
            None if latest => m(end, Sem::ThisQuarter { n: -1 }),
            None => m(end, Sem::ThisQuarter { n: 0 }),
            _ => None,
        }
    }

    /// "Q1 2025", "2018Q4"
    fn q_code(&self, i: usize) -> Option<(usize, Sem)> {
        if self.lower_is(i, "q") && self.glued(i + 1) {
            let (q, nd) = self.num(i + 1)?;
            if nd == 1 && (1..=4).contains(&q) {
                let (k, y) = self.year_at(i + 2).map_or((i + 2, YearRef::Tense), |(k, y)| (k, YearRef::Abs(y)));
                return m(k, Sem::Quarter { q: q as u32, y });
            }
        }
        None
    }

    /// Relative expressions built on a relative word: "last week", "next Friday", "this summer",
    /// "the following day", "the past three months", "last November".
    fn relative(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.w(i, "the");
        let j = if the { i + 1 } else { i };
        let e = self.e(j)?;
        let n = e.rel? as i32;
        let word = self.tok_text(j).to_ascii_lowercase();
        // "This Week" after a quote or a possessive: a programme's title
        if self.cap(j) && self.cap(j + 1) && j > 0 && (self.p(j - 1, '"') || self.lower_is(j - 1, "s") || self.p(j - 1, '`')) {
            return None;
        }
        let k = j + 1;
        // "the past three months", "the next two weeks", "last 2 years"
        if let Some((k2, u, q)) = self.qty_unit(k)
            && (self.unit(k2 - 1).is_some_and(|(_, p)| p) || q.is_none()) {
                let dir = if n == 0 { -1 } else { n };
                return m(k2, Sem::Duration { unit: u, n: q, rel: Some(dir) });
            }
        // "last night"
        if n == -1 && !the && self.lower_is(k, "night") {
            return m(k + 1, Sem::Time { day: Some(Box::new(Sem::Rel { unit: Unit::Day, n: -1 })), clock: "NI".into() });
        }
        if let Some((u, plural)) = self.unit(k) {
            if plural {
                // "in coming weeks": a span of vague length ahead; "the past years" stays out
                if !the && (word == "coming" || word == "upcoming") {
                    return m(k + 1, Sem::Duration { unit: u, n: None, rel: None });
                }
                return None;
            }
            if the && word == "past" {
                // "the past year": TimeBank dates it to the previous year
                if u == Unit::Year {
                    return m(k + 1, Sem::Rel { unit: Unit::Year, n: -1 });
                }
                // "the past month", "the past decade": the span just ended, a duration
                if matches!(u, Unit::Month | Unit::Week | Unit::Decade | Unit::Day) {
                    return m(k + 1, Sem::Duration { unit: u, n: Some(1.0), rel: Some(-1) });
                }
            }
            if the && n == 0 {
                return None; // "the current year" is handled as "current year" by the caller with "the"
            }
            if the && (word == "following" || word == "next" || word == "previous" || word == "preceding" || word == "prior") {
                // narrative: "the following day", "the previous week"
                if u == Unit::Weekend {
                    return m(k + 1, Sem::Offset { unit: Unit::Weekend, n: n as f64, narrative: true });
                }
                return m(k + 1, Sem::NarrativeRel { unit: u, n });
            }
            if word == "past" && u == Unit::Day {
                return None;
            }
            if u == Unit::Weekend {
                return m(k + 1, Sem::Rel { unit: Unit::Weekend, n });
            }
            if matches!(u, Unit::Quarter) && n == 0 && word == "current" {
                return m(k + 1, Sem::Rel { unit: Unit::Quarter, n: 0 });
            }
            if u == Unit::Day {
                return None;
            }
            // "last week's Sunday", "next week's Friday": that weekday of that week
            if u == Unit::Week && self.p(k + 1, '\'') && self.lower_is(k + 2, "s")
                && let Some((k2, wd)) = self.weekday_at(k + 3) {
                    return m(k2, Sem::Weekday { wd, shift: Some(10 + n) });
                }
            return m(k + 1, Sem::Rel { unit: u, n });
        }
        if word == "past" || word == "present" {
            return None;
        }
        // "the next morning", "the following evening", "the previous night": a part of the
        // day next to the narrative's day
        if the && matches!(word.as_str(), "following" | "next" | "previous" | "preceding")
            && let Some(pod) = self.e(k).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
                return m(k + 1, Sem::Time { day: Some(Box::new(Sem::NarrativeRel { unit: Unit::Day, n })), clock: pod.to_string() });
            }
        // "next Friday", "last Tuesday", "this Monday"
        if let Some((k2, wd)) = self.weekday_at(k) {
            if the {
                return None;
            }
            return m(k2, Sem::Weekday { wd, shift: Some(n) });
        }
        // "last November", "next March", "this September"
        if let Some((k2, mo)) = self.month_at(k) {
            if the || self.day_num(k2).is_some() {
                return None;
            }
            return m(k2, Sem::Month { y: YearRef::Tense, m: mo, end: None, rel: Some(n) });
        }
        // "this summer", "last fall"
        if let Some(s) = self.e(k).map(|e| e.season).filter(|s| *s > 0) {
            if the {
                return None;
            }
            return m(k + 1, Sem::Season { s: s as u32, y: YearRef::Rel(n) });
        }
        // "this morning", "this afternoon"
        if n == 0 && !the && word == "this"
            && let Some(pod) = self.e(k).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
                return m(k + 1, Sem::Time { day: Some(Box::new(Sem::Rel { unit: Unit::Day, n: 0 })), clock: pod.to_string() });
            }
        None
    }

    fn season(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.w(i, "the");
        let j = if the { i + 1 } else { i };
        let s = self.e(j)?.season as u32;
        if s == 0 {
            return None;
        }
        // "summer 2024", "the spring of 2024"
        let k = if self.w(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some((k2, y)) = self.year_at(k) {
            return m(k2, Sem::Season { s, y: YearRef::Abs(y) });
        }
        // "fall" is mostly the verb or noun: only with a year or a date word before it.
        if s == 3 && self.lower_is(j, "fall") {
            let prev_ok = i.checked_sub(1).is_some_and(|p| self.e(p).is_some_and(|e| e.edge.is_some() || e.word == Some("in") || e.word == Some("this") || e.word == Some("during") || e.word == Some("by") || e.word == Some("until")));
            if !prev_ok || self.w(j + 1, "of") || self.w(j + 1, "in") {
                return None;
            }
        }
        if self.w(j + 1, "of") {
            return None;
        }
        m(j + 1, Sem::Season { s, y: YearRef::Tense })
    }

    /// Durations and offsets: "three years", "30-day", "two days ago", "a year earlier",
    /// "two days later", "the nine months", "the first nine months".
    fn duration(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.w(i, "the");
        let mut j = if the { i + 1 } else { i };
        if the && self.e(j).is_some_and(|e| e.ordinal == 1) && self.qty(j + 1).is_some() && self.e(j + 1).is_some_and(|e| e.number.is_some()) {
            j += 1; // "the first nine months"
        }
        if the && self.e(j).is_some_and(|e| e.article) {
            return None;
        }
        // "3 Fridays from now", "2 Thursdays ago"
        if !the
            && let Some((k, Qty::N(n))) = self.qty(j)
                && let Some(wd) = self.e(k).filter(|e| e.weekday_form == 1).map(|e| e.weekday as u32) {
                    let n = n as i32;
                    if self.w(k + 1, "from") && self.lower_is(k + 2, "now") {
                        return m(k + 3, Sem::WeekdayCount { wd, n });
                    }
                    if self.lower_is(k + 1, "ago") || self.lower_is(k + 1, "back") {
                        return m(k + 2, Sem::WeekdayCount { wd, n: -n });
                    }
                }
        let (k, u, q) = self.qty_unit(j)?;
        // a number glued to something ("1,000-year") or money ("$30 a day") stays as is
        if let Some(Kind::Num { comma: true, .. }) = self.t.get(j).map(|t| t.kind) {
            return None;
        }
        let k = if self.w(k, "or") && self.w(k + 1, "so") && (self.lower_is(k + 2, "ago") || self.e(k + 2).is_some_and(|e| e.earlier_later.is_some())) { k + 2 } else { k };
        if !the {
            // offsets: "two days ago", "a year earlier", "three weeks later", "2 years from now"
            if let Some(dir) = self.e(k).and_then(|e| match e.word {
                Some("-") if self.lower_is(k, "ago") => Some(-1),
                Some("+") if self.lower_is(k, "hence") => Some(1),
                _ => e.earlier_later.map(|x| x as i32),
            }) {
                let earlier_later = self.e(k).is_some_and(|e| e.earlier_later.is_some());
                if let Some(n) = q {
                    if u == Unit::Year && n == 1.0 && earlier_later || u == Unit::Year && n == 1.0 && self.lower_is(k, "ago") {
                        return m(k + 1, Sem::YearAgoPeriod { narrative: earlier_later });
                    }
                    return m(k + 1, Sem::Offset { unit: u, n: n * dir as f64, narrative: earlier_later });
                }
                if self.lower_is(k, "ago") {
                    return m(k + 1, Sem::Ref("PAST_REF"));
                }
            }
            if self.w(k, "from") && (self.lower_is(k + 1, "now") || self.lower_is(k + 1, "today"))
                && let Some(n) = q {
                    return m(k + 2, Sem::ExactOffset { unit: u, n });
                }
            // "a year" after an amount is a rate: "$5 a year", "twice a week"
            if self.e(j).is_some_and(|e| e.article) && k == j + 2 && j > 0 {
                let prev = j - 1;
                let money = matches!(self.t.get(prev).map(|t| t.kind), Some(Kind::Num { .. }))
                    || self.lower_is(prev, "million") || self.lower_is(prev, "billion") || self.lower_is(prev, "times")
                    || self.lower_is(prev, "twice") || self.lower_is(prev, "once") || self.lower_is(prev, "percent") || self.lower_is(prev, "dollars") || self.lower_is(prev, "cents");
                // "$2 million a year", "700 seats a week": a rate, which TimeBank leaves
                // untagged; "twice a week" is a set.
                if money {
                    if self.lower_is(prev, "twice") || self.lower_is(prev, "once") || self.lower_is(prev, "times") {
                        return m(k, Sem::Set(format!("P1{}", unit_code(u))));
                    }
                    return None;
                }
            }
        }
        // "three days after Easter", "two weeks before the 4 May vote": the duration keeps its
        // TimeML span; the day it reaches is its anchor.
        if !the && (self.lower_is(k, "after") || self.lower_is(k, "before"))
            && let (Some(n), true) = (q, matches!(u, Unit::Day | Unit::Week))
                && n.fract() == 0.0 && n > 0.0
                    && let Some(base) = self.parse_core(k + 1)
                        && matches!(base.sem, Sem::Day { .. } | Sem::Holiday { .. }) {
                            let dir = if self.lower_is(k, "after") { 1.0 } else { -1.0 };
                            return m(k, Sem::DurationFrom { unit: u, n: n * dir, base: Box::new(base.sem) });
                        }
        m(k, Sem::Duration { unit: u, n: q, rel: None })
    }

    /// Clock times: "6 p.m.", "10:30 am", "noon", "18:00", with an optional day after them.
    fn clock(&self, i: usize) -> Option<(usize, String)> {
        if let Some(pod) = self.e(i).and_then(|e| e.part_of_day).filter(|p| p.len() > 2) {
            return Some((i + 1, pod.to_string()));
        }
        let (h, nd) = self.num(i)?;
        if nd > 2 || h > 24 {
            return None;
        }
        let mut k = i + 1;
        let mut mi = 0u64;
        let mut has_min = false;
        if self.p(k, ':') && self.glued(k) && self.glued(k + 1) {
            let (v, n2) = self.num(k + 1)?;
            if n2 != 2 || v > 59 {
                return None;
            }
            mi = v;
            has_min = true;
            k += 2;
        }
        // a.m. / p.m. / am / pm
        let (k2, pm) = if self.lower_is(k, "a") && self.p(k + 1, '.') && self.lower_is(k + 2, "m") {
            (self.skip_dot(k + 3), Some(false))
        } else if self.lower_is(k, "p") && self.p(k + 1, '.') && self.lower_is(k + 2, "m") {
            (self.skip_dot(k + 3), Some(true))
        } else if self.lower_is(k, "am") && (self.glued(k) || !self.cap(k)) {
            (k + 1, Some(false))
        } else if self.lower_is(k, "pm") {
            (k + 1, Some(true))
        } else {
            (k, None)
        };
        let h = match pm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            Some(_) => h,
            None if has_min && h <= 23 => h,
            None => return None,
        };
        if pm.is_some() && h > 23 {
            return None;
        }
        let mut end = k2;
        if self.w(end, "local") && self.w(end + 1, "time") {
            end += 2;
        }
        // "5 p.m. EST", "4 a.m. EDT": a zone abbreviation belongs to the time
        if matches!(self.tok_text(end), "EST" | "EDT" | "CST" | "CDT" | "MST" | "MDT" | "PST" | "PDT" | "GMT" | "UTC" | "BST" | "CET" | "CEST" | "EET" | "MSK") {
            end += 1;
            if self.p(end, ',') && (self.month_at(end + 1).is_some() || self.weekday_at(end + 1).is_some()) {
                end += 1;
            }
        }
        Some((end, format!("{h:02}:{mi:02}")))
    }

    fn time(&self, i: usize) -> Option<(usize, Sem)> {
        let (k, clock) = self.clock(i)?;
        // "10 p.m. Wednesday", "noon Thursday", "6 p.m. on Friday"
        let kk = if self.w(k, "on") { k + 1 } else { k };
        if let Some((k2, sem)) = self.weekday_first(kk).or_else(|| self.deictic(kk)).or_else(|| self.month_first(kk))
            && matches!(sem, Sem::Weekday { .. } | Sem::Rel { .. } | Sem::Day { .. }) {
                return m(k2, Sem::Time { day: Some(Box::new(sem)), clock });
            }
        m(k, Sem::Time { day: None, clock })
    }

    fn deictic(&self, i: usize) -> Option<(usize, Sem)> {
        let e = self.e(i)?;
        let n = e.deictic? as i32;
        if self.lower_is(i, "tonight") {
            return m(i + 1, Sem::Time { day: Some(Box::new(Sem::Rel { unit: Unit::Day, n: 0 })), clock: "NI".into() });
        }
        let day = Sem::Rel { unit: Unit::Day, n };
        if let Some(pod) = self.e(i + 1).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
            return m(i + 2, Sem::Time { day: Some(Box::new(day)), clock: pod.to_string() });
        }
        m(i + 1, day)
    }

    /// "the day before yesterday", "the day after tomorrow", "the day before", "the next day".
    fn the_day(&self, i: usize) -> Option<(usize, Sem)> {
        // "the night before", "the morning after": a part of the day next to the narrative's
        // day, when nothing follows that it could be before or after ("the night before the
        // vote" is left alone).
        if let Some(pod) = self.e(i + 1).and_then(|e| e.part_of_day).filter(|p| p.len() == 2 && self.w(i, "the")) {
            let dir = if self.w(i + 2, "-") { -1.0 } else if self.w(i + 2, "+") { 1.0 } else { return None };
            if self.t.get(i + 3).is_none_or(|t| matches!(t.kind, Kind::Punct(_)) || self.w(i + 3, "and") || t.entry().is_none() && !t.cap) {
                return m(i + 3, Sem::Time { day: Some(Box::new(Sem::Offset { unit: Unit::Day, n: dir, narrative: true })), clock: pod.to_string() });
            }
            return None;
        }
        if !(self.w(i, "the") && self.lower_is(i + 1, "day")) {
            return None;
        }
        let dir = if self.w(i + 2, "-") { -1 } else if self.w(i + 2, "+") { 1 } else { return None };
        if let Some(n) = self.e(i + 3).and_then(|e| e.deictic) {
            return m(i + 4, Sem::Rel { unit: Unit::Day, n: n as i32 + dir });
        }
        // "the day before last Tuesday", "the day after Christmas", "the day before 4 May"
        if let Some(base) = self.parse_core(i + 3)
            && matches!(base.sem, Sem::Day { end: None, .. } | Sem::Weekday { .. } | Sem::Holiday { .. }) {
                return m(base.end, Sem::DayFrom { n: dir, base: Box::new(base.sem) });
            }
        // "the day before" with nothing after: relative to the narrative.
        if self.t.get(i + 3).is_none_or(|t| matches!(t.kind, Kind::Punct(_)) || t.entry().is_none_or(|e| e.word.is_none() || e.word == Some("the"))) {
            return m(i + 3, Sem::Offset { unit: Unit::Day, n: dir as f64, narrative: true });
        }
        None
    }

    fn year_or_decade(&self, i: usize) -> Option<(usize, Sem)> {
        // "fiscal 1989", "fiscal '98"
        if self.w(i, "fiscal") {
            let (k, y) = self.year_at(i + 1)?;
            return m(k, Sem::Year { y, end: None });
        }
        if let Some(Kind::NumS { v, nd }) = self.t.get(i).map(|t| t.kind) {
            let d = if nd == 4 && (1000..2200).contains(&v) && v % 10 == 0 {
                v as i32 / 10
            } else if nd == 2 && v % 10 == 0 && i > 0 && self.p(i - 1, '\'') {
                (if v < 40 { 200 } else { 190 }) + v as i32 / 10
            } else {
                return None;
            };
            return m(i + 1, Sem::Decade(d));
        }
        if self.p(i, '\'')
            && let Some(Kind::NumS { v, nd: 2 }) = self.t.get(i + 1).map(|t| t.kind)
                && v % 10 == 0 && self.glued(i + 1) {
                    return m(i + 2, Sem::Decade((if v < 40 { 200 } else { 190 }) + v as i32 / 10));
                }
        // "the 20th century", "the nineteenth century"
        let (j, c) = match self.t.get(i).map(|t| t.kind) {
            Some(Kind::Ord(c)) => (i + 1, c),
            _ => (i + 1, self.e(i).map_or(0, |e| e.ordinal as u32)),
        };
        if c > 0 && c <= 30 && self.unit(j).is_some_and(|(u, p)| u == Unit::Century && !p) {
            return m(j + 1, Sem::Century(c as i32 - 1));
        }
        let (v, nd) = self.num(i)?;
        if nd != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        // year ranges: "1990-91", "1990-1991"
        if self.p(i + 1, '-') && self.glued(i + 1) && self.glued(i + 2) {
            if let Some((v2, nd2)) = self.num(i + 2) {
                let end = if nd2 == 2 { (v / 100) * 100 + v2 } else { v2 };
                if (nd2 == 2 || nd2 == 4) && end > v && end - v <= 50 {
                    return m(i + 3, Sem::Year { y: v as i32, end: Some(end as i32) });
                }
            }
            return None;
        }
        if !self.plausible_year(i, v) {
            return None;
        }
        // "2014 BC", "2014 B.C.", "500 BCE": astronomical year 1 - n (TimeML value BC2014)
        let bc_end = if self.lower_is(i + 1, "bc") || self.lower_is(i + 1, "bce") {
            Some(i + 2)
        } else if self.lower_is(i + 1, "b") && self.p(i + 2, '.') && self.glued(i + 2) && self.lower_is(i + 3, "c") && self.glued(i + 3) {
            Some(self.skip_dot(i + 4))
        } else {
            None
        };
        if let Some(e) = bc_end {
            return m(e, Sem::Year { y: 1 - v as i32, end: None });
        }
        m(i + 1, Sem::Year { y: v as i32, end: None })
    }

    /// Is the four-digit number at i a year? Not a count ("2000 troops", "about 1500"),
    /// not part of a code, phone number, score or amount.
    fn plausible_year(&self, i: usize, v: u64) -> bool {
        let prefixed = i >= 2 && self.p(i - 1, '-') && (self.lower_is(i - 2, "mid") || self.lower_is(i - 2, "pre") || self.lower_is(i - 2, "post"));
        if !prefixed && i > 0 && self.glued(i) && (self.p(i - 1, '$') || self.p(i - 1, '-') || self.p(i - 1, '/') || self.p(i - 1, '.') || self.p(i - 1, ':') || self.p(i - 1, '#') || self.p(i - 1, '+')) {
            return false;
        }
        if self.glued(i + 1) && (self.p(i + 1, '-') || self.p(i + 1, '/') || self.p(i + 1, ':') || self.p(i + 1, '%')) {
            return false;
        }
        if self.glued(i + 1) && self.p(i + 1, '.') && self.num(i + 2).is_some() {
            return false;
        }
        let prev = |k: usize| i.checked_sub(k);
        if let Some(p) = prev(1) {
            if self.e(p).is_some_and(|e| e.approx.is_some() && e.word != Some("in")) || self.lower_is(p, "than") || self.lower_is(p, "least") || self.lower_is(p, "number") || self.lower_is(p, "no") || self.lower_is(p, "article") || self.lower_is(p, "room") || self.lower_is(p, "flight") || self.lower_is(p, "route") || self.lower_is(p, "resolution") || self.lower_is(p, "page") {
                return false;
            }
            // "ABC 2000", "Windows 2000": a name with a number
            let pw = self.tok_text(p);
            if self.is_unknown_word(p) && pw.len() > 1 && pw.chars().all(|c| c.is_ascii_uppercase()) {
                return false;
            }
        }
        if let Some(e) = self.e(i + 1)
            && e.unit.is_some() && !self.p(i + 2, '\'') {
                // "1500 years", "2000 hours": a count of units
                return false;
            }
        if self.lower_is(i + 1, "percent") || self.lower_is(i + 1, "per") || self.lower_is(i + 1, "people") || self.lower_is(i + 1, "troops") || self.lower_is(i + 1, "soldiers") || self.lower_is(i + 1, "dollars") || self.lower_is(i + 1, "shares") || self.lower_is(i + 1, "points") || self.lower_is(i + 1, "km") || self.lower_is(i + 1, "miles") || self.lower_is(i + 1, "kilometers") || self.lower_is(i + 1, "metres") || self.lower_is(i + 1, "meters") || self.lower_is(i + 1, "feet") || self.lower_is(i + 1, "tons") || self.lower_is(i + 1, "members") || self.lower_is(i + 1, "residents") || self.lower_is(i + 1, "cases") {
            return false;
        }
        // Numbers near 1000-1799 are rarely years in news without a cue.
        if v < 1800 {
            return i.checked_sub(1).is_some_and(|p| self.w(p, "in") || self.w(p, "since") || self.w(p, "of") || self.w(p, "until") || self.w(p, "from"));
        }
        true
    }

    /// "now", "recently", "the future", "the past", "in recent years".
    fn reference(&self, i: usize) -> Option<(usize, Sem)> {
        let the = self.w(i, "the");
        let j = if the { i + 1 } else { i };
        if the && (self.lower_is(j, "past") || self.lower_is(j, "present")) {
            if self.is_unknown_word(j + 1) && !self.cap(j + 1) || self.e(j + 1).is_some_and(|e| e.unit.is_some() || e.number.is_some() || e.vague_number) {
                return None;
            }
            return m(j + 1, Sem::Ref(if self.lower_is(j, "past") { "PAST_REF" } else { "PRESENT_REF" }));
        }
        let e = self.e(j)?;
        let r = e.reference?;
        if the && r != "FUTURE_REF" {
            return None;
        }
        let low = self.tok_text(j).to_ascii_lowercase();
        if low == "future" && !the {
            // "future" alone is an adjective ("future talks"): only "the future", "in future"
            if !i.checked_sub(1).is_some_and(|p| self.w(p, "in")) {
                return None;
            }
        }
        if low == "future" && the {
            // "the future of Ukraine" is not a time
            if self.w(j + 1, "of") {
                return None;
            }
        }
        if low == "recent" {
            // "recent years/months/weeks/days": vague past
            // TimeBank: "recent years" a vague past, "recent months/weeks/days" a vague span
            if let Some((u, true)) = self.unit(j + 1) {
                if matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
                    return m(j + 2, Sem::Ref("PAST_REF"));
                }
                return m(j + 2, Sem::Duration { unit: u, n: None, rel: None });
            }
            return None;
        }
        if low == "now" && self.w(j + 1, "that") {
            // "now that" is a conjunction, still a present reference in TimeML
        }
        m(j + 1, Sem::Ref(r))
    }

    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        let e = self.e(i)?;
        if let Some(v) = e.set_adverb {
            // "a daily newspaper", "its quarterly dividend": adjectives, not time expressions.
            let determiner = i.checked_sub(1).is_some_and(|p| self.e(p).is_some_and(|e| e.article || matches!(e.word, Some("the" | "poss"))) || self.lower_is(p, "s"));
            if determiner && self.is_unknown_word(i + 1) && !self.cap(i + 1) {
                return None;
            }
            return m(i + 1, Sem::Set(v.to_string()));
        }
        if e.word == Some("every") || e.word == Some("each") || e.word == Some("per") {
            let mut j = i + 1;
            let mut n = 1u32;
            if self.lower_is(j, "other") {
                n = 2;
                j += 1;
            } else if let Some((k, Qty::N(q))) = self.qty(j)
                && self.unit(k).is_some_and(|(_, p)| p) {
                    n = q as u32;
                    j = k;
                }
            if let Some((u, _)) = self.unit(j) {
                return m(j + 1, Sem::Set(format!("P{n}{}", unit_code(u))));
            }
            if let Some((k, wd)) = self.weekday_at(j) {
                return m(k, Sem::Set(format!("XXXX-WXX-{wd}")));
            }
            if let Some(e) = self.e(j) {
                if e.weekday > 0 && e.weekday_form == 1 {
                    return m(j + 1, Sem::Set(format!("XXXX-WXX-{}", e.weekday)));
                }
                if let Some(pod) = e.part_of_day.filter(|p| p.len() == 2) {
                    return m(j + 1, Sem::Set(format!("XXXX-XX-XXT{pod}")));
                }
            }
            return None;
        }
        None
    }

    /// Try every rule at token i; return the longest match with its prefix modifiers.
    pub fn parse(&self, i: usize) -> Option<Match> {
        // Business shorthand, upper case only ("boy" is a word): EOM, BOM, EOY, BOY.
        let start = if self.w(i, "the") { i + 1 } else { i };
        if let Some((unit, edge)) = match self.tok_text(start) {
            "EOM" => Some((Unit::Month, "END")),
            "BOM" => Some((Unit::Month, "START")),
            "EOY" => Some((Unit::Year, "END")),
            "BOY" => Some((Unit::Year, "START")),
            _ => None,
        } {
            return Some(Match { start: i, end: start + 1, sem: Sem::Rel { unit, n: 0 }, modifier: Some(edge) });
        }
        // Modifier prefixes: "early", "mid-", "late", "the end of", "earlier this", "about".
        if let Some(e) = self.e(i) {
            if let Some(edge) = e.edge {
                let low = self.tok_text(i);
                let is_adj = low.eq_ignore_ascii_case("early") || low.eq_ignore_ascii_case("mid") || low.eq_ignore_ascii_case("late");
                if is_adj {
                    let j = if self.p(i + 1, '-') && self.glued(i + 1) { i + 2 } else { i + 1 };
                    // "mid-afternoon yesterday", "late Friday night" handled below; "early morning"
                    if let Some(pod) = self.e(j).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
                        let day = self.deictic(j + 1).or_else(|| self.weekday_first(j + 1)).filter(|(_, s)| matches!(s, Sem::Rel { .. } | Sem::Weekday { .. }));
                        let (end, day) = match day {
                            Some((e, s)) => (e, Some(Box::new(s))),
                            None => (j + 1, None),
                        };
                        return Some(Match { start: i, end, sem: Sem::Time { day, clock: pod.to_string() }, modifier: Some(edge) });
                    }
                    // "late yesterday", "early next year", "mid-March", "late 1990s", "the late 1970s"
                    if let Some(mut inner) = self.parse_core(j)
                        && modifiable(&inner.sem) {
                            inner.start = i;
                            inner.modifier = Some(edge);
                            return Some(inner);
                        }
                }
            }
            if e.word == Some("the") || e.edge.is_some() {
                // "the end of 1990", "the beginning of the year", "end of the month"
                let j = if e.word == Some("the") { i + 1 } else { i };
                if let Some(edge) = self.e(j).and_then(|e| e.edge)
                    && !self.lower_is(j, "early") && !self.lower_is(j, "late") && !self.lower_is(j, "mid") && self.w(j + 1, "of") {
                        let k = j + 2;
                        let inner = if self.w(k, "the") && self.unit(k + 1).is_some_and(|(u, p)| !p && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Decade | Unit::Century)) {
                            self.unit(k + 1).map(|(u, _)| Match { start: k, end: k + 2, sem: Sem::Rel { unit: u, n: 0 }, modifier: None })
                        } else if self.unit(k).is_some_and(|(u, p)| !p && matches!(u, Unit::Year | Unit::Month | Unit::Week)) {
                            self.unit(k).map(|(u, _)| Match { start: k, end: k + 1, sem: Sem::Rel { unit: u, n: 0 }, modifier: None })
                        } else if self.e(k).is_some_and(|e| e.approx.is_some()) {
                            // "the beginning of around next week"
                            self.parse_core(k + 1).map(|mut m| {
                                m.start = k;
                                m
                            })
                        } else {
                            self.parse_core(k)
                        };
                        if let Some(mut inner) = inner
                            && modifiable(&inner.sem) {
                                inner.start = i;
                                inner.modifier = Some(edge);
                                return Some(inner);
                            }
                    }
            }
            if e.earlier_later.is_some() && self.w(i + 1, "in") && self.w(i + 2, "the")
                && let Some(inner) = self.parse_core(i + 2)
                    && matches!(inner.sem, Sem::Offset { narrative: true, .. }) {
                        return Some(Match { start: i, end: inner.end, sem: inner.sem, modifier: None });
                    }
            if let Some(dir) = e.earlier_later {
                // "earlier this month", "later this year"
                if let Some(inner) = self.parse_core(i + 1) {
                    if let Sem::Rel { unit, n: 0 } = inner.sem
                        && matches!(unit, Unit::Year | Unit::Month | Unit::Week) && self.lower_is(i + 1, "this") {
                            let _ = dir;
                            return Some(Match { start: i, end: inner.end, sem: inner.sem, modifier: None });
                        }
                    if let Sem::Offset { n, narrative: true, .. } = inner.sem
                        && n == 0.0 && self.w(i + 1, "that") {
                            return Some(Match { start: i, end: inner.end, sem: inner.sem, modifier: None });
                        }
                }
            }
            if let Some(a) = e.approx
                && let Some(mut inner) = self.parse_core(i + 1) {
                    let calendar_ok = a == "APPROX" && !self.lower_is(i, "some") && matches!(inner.sem, Sem::Rel { .. } | Sem::Weekday { shift: Some(-1..=2), .. });
                    if calendar_ok || matches!(inner.sem, Sem::Duration { .. } | Sem::Offset { .. }) {
                        inner.start = i;
                        inner.modifier = Some(a);
                        return Some(inner);
                    }
                }
            // "more than", "less than", "at least", "up to"
            let two = if (self.lower_is(i, "more") || self.lower_is(i, "less")) && self.w(i + 1, "than") {
                Some(if self.lower_is(i, "more") { "MORE_THAN" } else { "LESS_THAN" })
            } else if self.lower_is(i, "up") && self.w(i + 1, "to") {
                Some("EQUAL_OR_LESS")
            } else {
                None
            };
            if let Some(a) = two
                && let Some(mut inner) = self.parse_core(i + 2)
                    && matches!(inner.sem, Sem::Duration { .. } | Sem::Offset { .. }) {
                        inner.start = i;
                        inner.modifier = Some(a);
                        return Some(inner);
                    }
        }
        if self.lower_is(i, "at") && self.lower_is(i + 1, "least")
            && let Some(mut inner) = self.parse_core(i + 2)
                && matches!(inner.sem, Sem::Duration { .. }) {
                    inner.start = i;
                    inner.modifier = Some("EQUAL_OR_MORE");
                    return Some(inner);
                }
        self.parse_core(i)
    }

    fn parse_core(&self, i: usize) -> Option<Match> {
        let t = self.t.get(i)?;
        let mut best: Option<(usize, Sem)> = None;
        let mut consider = |c: Option<(usize, Sem)>| {
            if let Some((end, sem)) = c
                && end > i && best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, sem));
                }
        };
        match t.kind {
            Kind::Num { .. } => {
                // "18q4": a two-digit year and a quarter, written together
                if let (Some((y, 2)), true) = (self.num(i), self.lower_is(i + 1, "q") && self.glued(i + 1) && self.glued(i + 2))
                    && let Some((q, 1)) = self.num(i + 2).filter(|(q, _)| (1..=4).contains(q))
                        && !(self.glued(i + 3) && self.t.get(i + 3).is_some_and(|t| matches!(t.kind, Kind::Num { .. } | Kind::Word(_)))) {
                            consider(m(i + 3, Sem::Quarter { q: q as u32, y: YearRef::Abs(2000 + y as i32) }));
                        }
                consider(self.numeric_date(i));
                consider(self.day_first(i));
                consider(self.time(i));
                consider(self.duration(i));
                consider(self.year_or_decade(i));
                if let Some((k, y)) = self.year_at(i) {
                    // "2018Q4"
                    if self.lower_is(k, "q") && self.glued(k)
                        && let Some((q, 1)) = self.num(k + 1)
                            && (1..=4).contains(&q) && self.glued(k + 1) {
                                consider(m(k + 2, Sem::Quarter { q: q as u32, y: YearRef::Abs(y) }));
                            }
                }
            }
            Kind::Ord(_) => {
                consider(self.nth_of(i));
                consider(self.day_first(i));
                consider(self.year_or_decade(i));
                consider(self.quarter(i));
            }
            Kind::NumS { .. } => consider(self.year_or_decade(i)),
            Kind::Punct('\'') => {
                consider(self.year_or_decade(i));
            }
            Kind::Punct(_) => return None,
            Kind::Word(_) => {
                let e = t.entry();
                if e.is_none() {
                    consider(self.q_code(i));
                } else if let Some(e) = e {
                    if e.month > 0 {
                        consider(self.month_first(i));
                    }
                    if e.weekday > 0 {
                        consider(self.weekday_first(i));
                    }
                    if e.word == Some("the") {
                        consider(self.day_first(i));
                        consider(self.quarter(i));
                        consider(self.relative(i));
                        consider(self.season(i));
                        consider(self.duration(i));
                        consider(self.the_day(i));
                        consider(self.reference(i));
                        consider(self.rest_of(i));
                        if let Some(x) = self.parse_core_the(i) {
                            consider(Some(x));
                        }
                    }
                    if e.word == Some("the") || e.ordinal > 0 || self.lower_is(i, "last") {
                        consider(self.nth_of(i));
                    }
                    if e.ordinal > 0 {
                        consider(self.day_first(i));
                        consider(self.quarter(i));
                        consider(self.year_or_decade(i));
                    }
                    // "the current crisis": TimeBank tags the adjective as the present
                    if self.lower_is(i, "current") && self.is_unknown_word(i + 1) && !self.cap(i + 1) {
                        consider(m(i + 1, Sem::Ref("PRESENT_REF")));
                    }
                    if e.rel.is_some() {
                        consider(self.relative(i));
                        consider(self.quarter(i));
                    }
                    if e.season > 0 {
                        consider(self.season(i));
                    }
                    if e.number.is_some() || e.article || e.vague_number {
                        consider(self.duration(i));
                    }
                    if e.deictic.is_some() {
                        consider(self.deictic(i));
                    }
                    if e.reference.is_some() {
                        consider(self.reference(i));
                    }
                    if e.set_adverb.is_some() || matches!(e.word, Some("every" | "each" | "per")) {
                        consider(self.set(i));
                    }
                    if e.part_of_day.is_some() {
                        consider(self.time(i));
                    }
                    if e.word == Some("fiscal") {
                        consider(self.year_or_decade(i));
                        consider(self.quarter(i));
                    }
                    if e.number.is_some() {
                        let ctx = i.checked_sub(1).is_some_and(|p| matches!(self.e(p).and_then(|e| e.word), Some("in" | "by" | "since" | "until" | "of")));
                        if let Some((k, y)) = self.spoken_year(i, ctx) {
                            consider(m(k, Sem::Year { y, end: None }));
                        }
                    }
                    if e.word == Some("rest") {
                        consider(self.rest_of(i));
                    }
                    if e.word == Some("that") {
                        consider(self.that_period(i));
                    }
                    if e.holiday || e.rel.is_some() && self.e(i + 1).is_some_and(|e| e.holiday) {
                        consider(self.holiday(i));
                    }
                    if e.word == Some("yearend") {
                        consider(m(i + 1, Sem::YearEnd));
                    }
                    if e.word == Some("yearago") {
                        consider(m(i + 1, Sem::YearAgoPeriod { narrative: true }));
                    }
                    if e.unit.is_some() && e.unit_plural {
                        // bare plural after "for", "in", "within", "over": "for years"
                        let prev_ok = i.checked_sub(1).is_some_and(|p| matches!(self.e(p).and_then(|e| e.word), Some("for" | "in" | "over")) || self.lower_is(p, "within"));
                        let unit = e.unit;
                        if prev_ok && !self.w(i + 1, "of") && !self.w(i + 1, "-") && !self.w(i + 1, "+")
                            && let Some(u) = unit.filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade | Unit::Hour)) {
                                consider(m(i + 1, Sem::Duration { unit: u, n: None, rel: None }));
                            }
                    }
                    if e.word == Some("q") {
                        consider(self.q_code(i));
                    }
                    if self.lower_is(i, "q") {
                        consider(self.q_code(i));
                    }
                }
            }
        }
        best.map(|(end, sem)| Match { start: i, end, sem, modifier: None })
    }

    /// A year said in words: "nineteen ninety-six", "two thousand and one" (the latter only
    /// where a year is expected, since "two thousand" is also a count).
    fn spoken_year(&self, i: usize, year_context: bool) -> Option<(usize, i32)> {
        let e = self.e(i)?;
        let n = e.number?;
        if e.tens {
            return None;
        }
        if (11..=20).contains(&n) {
            let t = self.e(i + 1)?;
            if !t.tens {
                return None;
            }
            let mut y = n * 100 + t.number?;
            let mut k = i + 2;
            let kk = if self.p(k, '-') && self.glued(k) { k + 1 } else { k };
            if let Some(o) = self.e(kk).and_then(|e| if e.tens { None } else { e.number })
                && (1..=9).contains(&o) {
                    y += o;
                    k = kk + 1;
                }
            return Some((k, y as i32));
        }
        if n == 2 && year_context && self.e(i + 1).is_some_and(|e| e.thousand) {
            let mut k = i + 2;
            let kk = if self.w(k, "and") { k + 1 } else { k };
            let mut y = 2000;
            if let Some(o) = self.e(kk).and_then(|e| if e.tens { None } else { e.number })
                && (1..=19).contains(&o) {
                    y += o as i32;
                    k = kk + 1;
                }
            return Some((k, y));
        }
        None
    }

    /// "the first Tuesday of October", "last day of October 2015", "the second week of May".
    fn nth_of(&self, i: usize) -> Option<(usize, Sem)> {
        let j = if self.w(i, "the") { i + 1 } else { i };
        let mut nth: i32 = match self.t.get(j)?.kind {
            Kind::Ord(o) if (1..=5).contains(&o) => o as i32,
            _ => {
                let e = self.e(j)?;
                if e.ordinal > 0 && e.ordinal <= 5 {
                    e.ordinal as i32
                } else if self.lower_is(j, "last") {
                    -1
                } else {
                    return None;
                }
            }
        };
        let mut k = j + 1;
        // "the fifth last day of May", "2nd last week of October"
        if nth > 0 && self.lower_is(k, "last") {
            nth = -nth;
            k += 1;
        }
        let what = if let Some((_, wd)) = self.weekday_at(k) {
            NthWhat::Weekday(wd)
        } else if self.lower_is(k, "day") {
            NthWhat::Day
        } else if self.lower_is(k, "week") {
            NthWhat::Week
        } else {
            return None;
        };
        let k2 = if matches!(what, NthWhat::Weekday(_)) { self.weekday_at(k).map_or(k + 1, |(e, _)| e) } else { k + 1 };
        // "the third Tuesday after Christmas", "the second Monday before the vote date"
        if let (NthWhat::Weekday(wd), true) = (what, nth > 0 && (self.lower_is(k2, "after") || self.lower_is(k2, "before"))) {
            let base = self.parse_core(k2 + 1)?;
            if !matches!(base.sem, Sem::Day { .. } | Sem::Holiday { .. }) {
                return None;
            }
            let n = if self.lower_is(k2, "after") { nth } else { -nth };
            return m(base.end, Sem::WeekdayFrom { wd, n, base: Box::new(base.sem) });
        }
        if !(self.w(k2, "of") || self.w(k2, "in")) {
            return None;
        }
        let s = k2 + 1;
        let (end, month) = if self.w(s, "the") && (self.lower_is(s + 1, "month") || self.lower_is(s + 1, "year")) {
            (s + 2, Sem::Rel { unit: if self.lower_is(s + 1, "year") { Unit::Year } else { Unit::Month }, n: 0 })
        } else if let Some(n) = self.e(s).and_then(|e| e.rel) {
            let Some((u, false)) = self.unit(s + 1) else { return None };
            if !matches!(u, Unit::Month | Unit::Year) {
                return None;
            }
            (s + 2, Sem::Rel { unit: u, n: n as i32 })
        } else if let Some((e, y)) = self.year_at(s) {
            // "the last week of 2018", "the first Monday of 2019"
            (e, Sem::Year { y, end: None })
        } else {
            let (e, sem) = self.month_first(s)?;
            if !matches!(sem, Sem::Month { .. }) {
                return None;
            }
            (e, sem)
        };
        m(end, Sem::NthOf { nth, what, month: Box::new(month) })
    }

    /// "Thanksgiving", "last Christmas", "Easter 2024", "Election Day", "MLK Jr. Day of last
    /// year", "Thanksgiving three years ago".
    fn holiday(&self, i: usize) -> Option<(usize, Sem)> {
        let (rel, j) = match self.e(i).and_then(|e| e.rel) {
            Some(n) if self.e(i + 1).is_some_and(|e| e.holiday) => (Some(n as i32), i + 1),
            _ => (None, i),
        };
        if !self.e(j).is_some_and(|e| e.holiday) {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (idx, h) in super::holidays::HOLIDAYS.iter().enumerate() {
            let mut k = j;
            let mut ok = true;
            for w in &h.words {
                while k > j && (self.p(k, '\'') && w == "s" || self.p(k, '.') && self.glued(k)) {
                    k += 1;
                }
                if !self.lower_is(k, w) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            // names whose words are ordinary English need a capital (or a year after them)
            if ok && h.cap && !self.cap(j) && self.year_at(k).is_none() {
                ok = false;
            }
            if ok && best.is_none_or(|(e, _)| k > e) {
                best = Some((k, idx));
            }
        }
        let (k, idx) = best?;
        // "Thanksgiving 2013", "Easter Sunday two thousand ten", "Easter of next year"
        let of_rel = if self.w(k, "of") { self.e(k + 1).and_then(|e| e.rel).filter(|_| self.lower_is(k + 2, "year")) } else { None };
        let (k, y) = if let Some((k2, y)) = self.year_at(k).or_else(|| self.spoken_year(k, true)) {
            (k2, YearRef::Abs(y))
        } else if let Some(n) = of_rel {
            (k + 3, YearRef::Rel(n as i32))
        } else if self.w(k, "of") && self.lower_is(k + 1, "this") && self.lower_is(k + 2, "year") {
            (k + 3, YearRef::Rel(0))
        } else {
            (k, YearRef::Tense)
        };
        // "Thanksgiving in three years", "Easter two years ago": the holiday of the year the
        // offset reaches.
        if y == YearRef::Tense && rel.is_none() {
            let at = if self.w(k, "in") { self.qty_unit(k + 1).map(|(e, u, q)| (e, u, q, 1)) } else { None }.or_else(|| {
                let (e, u, q) = self.qty_unit(k)?;
                if self.lower_is(e, "ago") {
                    Some((e + 1, u, q, -1))
                } else if self.w(e, "from") && self.lower_is(e + 1, "now") {
                    Some((e + 2, u, q, 1))
                } else {
                    None
                }
            });
            if let Some((e, u, Some(n), dir)) = at
                && n.fract() == 0.0 && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                    return m(e, Sem::Holiday { idx, y, rel, shift: Some((u, dir * n as i32)) });
                }
        }
        m(k, Sem::Holiday { idx, y, rel, shift: None })
    }

    /// "that year", "that same day", "earlier that day": the narrative's period.
    fn that_period(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.w(i, "that") {
            return None;
        }
        let j = if self.w(i + 1, "same") { i + 2 } else { i + 1 };
        // "that evening", "that same morning": a part of the day the story is telling
        if let Some(pod) = self.e(j).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
            return m(j + 1, Sem::Time { day: Some(Box::new(Sem::Offset { unit: Unit::Day, n: 0.0, narrative: true })), clock: pod.to_string() });
        }
        let (u, plural) = self.unit(j)?;
        if u == Unit::Quarter && !plural {
            // "that quarter": the last quarter named, whichever year
            return m(j + 1, Sem::ThisQuarter { n: 2 });
        }
        if plural || !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        m(j + 1, Sem::Offset { unit: u, n: 0.0, narrative: true })
    }

    /// "the rest of the week/month/year": from the publication day to the period's end.
    fn rest_of(&self, i: usize) -> Option<(usize, Sem)> {
        let j = if self.w(i, "the") { i + 1 } else { i };
        if !(self.lower_is(j, "rest") && self.w(j + 1, "of") && (self.w(j + 2, "the") || self.lower_is(j + 2, "this"))) {
            return None;
        }
        match self.unit(j + 3) {
            Some((u @ (Unit::Week | Unit::Month | Unit::Year), false)) => m(j + 4, Sem::RestOf(u)),
            _ => None,
        }
    }

    /// "the weekend", "the year", "the week", "the month", "the current year", "the 1990s" (article out).
    fn parse_core_the(&self, i: usize) -> Option<(usize, Sem)> {
        let j = i + 1;
        // "the same day", "the same evening", "the same year": the narrative's period
        if self.w(j, "same") {
            if let Some(pod) = self.e(j + 1).and_then(|e| e.part_of_day).filter(|p| p.len() == 2) {
                return m(j + 2, Sem::Time { day: Some(Box::new(Sem::Offset { unit: Unit::Day, n: 0.0, narrative: true })), clock: pod.to_string() });
            }
            return match self.unit(j + 1) {
                Some((u @ (Unit::Day | Unit::Month | Unit::Year), false)) => m(j + 2, Sem::Offset { unit: u, n: 0.0, narrative: true }),
                _ => None,
            };
        }
        if let Some(d) = self.e(j).map(|e| e.decade).filter(|d| *d > 0) {
            return m(j + 1, Sem::Decade(d));
        }
        // "later in the day", "earlier in the day": the day the story is telling
        if self.lower_is(j, "day") && i >= 2 && self.w(i - 1, "in") && self.e(i - 2).is_some_and(|e| e.earlier_later.is_some()) {
            return m(j + 1, Sem::Offset { unit: Unit::Day, n: 0.0, narrative: true });
        }
        // "earlier in the year", "later in the month" (the span starts at "earlier")
        if let (Some((u, false)), Some(_)) = (self.unit(j), i.checked_sub(2))
            && matches!(u, Unit::Year | Unit::Month | Unit::Week) && self.w(i - 1, "in") && self.e(i - 2).is_some_and(|e| e.earlier_later.is_some()) {
                return m(j + 1, Sem::Offset { unit: u, n: 0.0, narrative: true });
            }
        // "the near future", "the near term", "the short term", "the long term"
        if (self.lower_is(j, "near") || self.lower_is(j, "short") || self.lower_is(j, "long")) && (self.lower_is(j + 1, "future") || self.lower_is(j + 1, "term")) {
            return m(j + 2, Sem::Ref("FUTURE_REF"));
        }
        // "the week after next", "the month after next"
        if let Some((u, false)) = self.unit(j)
            && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Weekend) && self.lower_is(j + 1, "after") && self.lower_is(j + 2, "next") {
                return m(j + 3, Sem::Rel { unit: u, n: 2 });
            }
        // "the year 2000", "the year two thousand"
        if self.lower_is(j, "year")
            && let Some((k, y)) = self.year_at(j + 1).or_else(|| self.spoken_year(j + 1, true)) {
                return m(k, Sem::Year { y, end: None });
            }
        // "the week of March 6"
        if self.lower_is(j, "week") && self.w(j + 1, "of")
            && let Some((k, sem)) = self.month_first(j + 2).or_else(|| self.day_first(j + 2))
                && matches!(sem, Sem::Day { .. }) {
                    return m(k, Sem::WeekOf(Box::new(sem)));
                }
        if self.lower_is(j, "current") {
            if let Some((u, false)) = self.unit(j + 1) {
                if u == Unit::Quarter {
                    return m(j + 2, Sem::Rel { unit: Unit::Quarter, n: 0 });
                }
                if matches!(u, Unit::Year | Unit::Month | Unit::Week) {
                    return m(j + 2, Sem::Rel { unit: u, n: 0 });
                }
            }
            if self.w(j + 1, "fiscal") && self.unit(j + 2).is_some_and(|(u, p)| u == Unit::Year && !p) {
                return m(j + 3, Sem::Rel { unit: Unit::Year, n: 0 });
            }
        }
        // "the fiscal year", "the full year"
        let j = if (self.w(j, "fiscal") || self.lower_is(j, "full")) && self.lower_is(j + 1, "year") { j + 1 } else { j };
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        // "for the year", "in the year": a span of a year (TimeML DURATION)
        if u == Unit::Year && j == i + 1 && i.checked_sub(1).is_some_and(|p| self.w(p, "for") || self.w(p, "in")) && !self.w(j + 1, "of") && !self.p(j + 1, '\'') {
            return m(j + 1, Sem::Duration { unit: Unit::Year, n: Some(1.0), rel: None });
        }
        match u {
            Unit::Weekend => m(j + 1, Sem::Rel { unit: Unit::Weekend, n: 0 }),
            Unit::Year | Unit::Month | Unit::Week if !self.w(j + 1, "of") && !self.p(j + 1, '\'') && !self.w(j + 1, "-") && !self.w(j + 1, "+") => {
                m(j + 1, Sem::Rel { unit: u, n: 0 })
            }
            _ => None,
        }
    }
}

/// Expressions that "early", "late", "the end of" can modify.
fn modifiable(s: &Sem) -> bool {
    matches!(
        s,
        Sem::Month { .. } | Sem::Year { .. } | Sem::Rel { .. } | Sem::NarrativeRel { .. } | Sem::Decade(_) | Sem::Century(_) | Sem::Quarter { .. } | Sem::Season { .. } | Sem::Weekday { .. } | Sem::Half { .. }
    )
}

pub fn valid_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize]
}

pub fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week | Unit::Fortnight => "W",
        Unit::Weekend => "WE",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => "Y",
    }
}
