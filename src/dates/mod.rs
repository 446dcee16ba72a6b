//! Dates stage: find time expressions and normalize them against the publication date.
//!
//! [`tag`] is the one temporal tagger of summitry: the timeline and the
//! `summitry timex` subcommand both call it. Each [`Timex`] carries its TimeML
//! value (`2025-02-18`, `2025-W20`, `P3D`, `PAST_REF`, `XXXX-02`) and, when the
//! value is a calendar period the text and publication date pin down, that period
//! as a typed [`PartialDate`]. A calendar expression that cannot be anchored
//! (no publication date, no year) keeps `anchor: None` and is reported by later
//! stages; nothing here invents a year or a day.
//!
//! How it works, and why:
//! - [`lexicon`]: one pass tokenizes the text and looks short words up in a hash map
//!   loaded from `data/dates_lexicon.tsv`. No regex runs per sentence, so tagging runs at
//!   tens of MB/s (`cargo run --release --example bench_timex`).
//! - [`grammar`]: rules run only at tokens that can start an expression and keep the
//!   longest match; a match is a meaning relative to anchors still unknown.
//! - [`resolve`]: calendar arithmetic against the publication date (deictic words) or the
//!   narrative date, the last day the text named ("the following day", "two days later",
//!   "that day", "the same day", "the next morning"). A reference to a day already named
//!   stays unresolved when the text named none: borrowing the publication date would date
//!   an event on a day no source gave.
//!   A bare weekday, a month or day without year, a quarter take their direction from the
//!   tense of the sentence (the nearest cue word: "met", "will", "is expected to", "said"
//!   right next to the date); see `resolve`'s doc for the rules. The publication day
//!   itself counts in both directions ("on Friday" in a Friday story is that day).
//! - Periods `PartialDate` cannot express exactly use `anchor` and `end`: a quarter is its
//!   first and last month, a season three months, a decade ten years, "the last two weeks"
//!   two ISO weeks, and a weekend (value `2025-W08-WE`) its Saturday and Sunday as days.
//! - Spans follow TimeML: prepositions out, determiners and modifiers that belong to the
//!   expression in ("the third quarter", "late July" with `mod` END).
//! - Measured on TempEval-3 (`scripts/tempeval_report.sh`) and on the Duckling corpus
//!   (`tests/duckling.rs`, with the deliberate differences in
//!   `data/duckling_known_differences.tsv`).

pub mod grammar;
pub mod holidays;
pub mod lexicon;
pub mod resolve;
pub mod timex_io;
pub mod value;

use crate::text::{Sentence, Span, sentence_at};
use chrono::NaiveDate;
use lexicon::{Kind, Tok};
use resolve::{Ctx, Tense};
use std::cell::RefCell;
pub use value::{PartialDate, Precision};

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A time expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte span of the expression in the text.
    pub span: Span,
    pub kind: TimexType,
    /// TimeML value: `2025-02-18`, `2025-W20`, `2025-SU`, `199`, `P4.5H`, `PAST_REF`, `XXXX-02-18`.
    pub value: String,
    /// TimeML `mod`: `START`, `MID`, `END`, `APPROX`, ...
    pub modifier: Option<&'static str>,
    /// The calendar period the expression denotes, when it is one and it is anchored.
    pub anchor: Option<PartialDate>,
    /// The last period of a range ("14–16 February" gives anchor 14 Feb, end 16 Feb).
    pub end: Option<PartialDate>,
    /// True for a calendar expression the text could not anchor (no year and no
    /// publication date): a date a reviewer must pin down.
    pub unresolved: bool,
    /// True when the expression modifies a noun: attributively ("the 2022 negotiations")
    /// or as a possessive ("last month's Geneva truce", "Tuesday's meeting", also with
    /// `’s`). It dates that noun, not the clause's event.
    pub adjectival: bool,
    /// True when the expression follows "since" ("their first meeting since 2019",
    /// "since February", "since early 2019"). The value stays the TimeML DATE of the
    /// starting point, but it bounds a state that lasts until now: it does not date the
    /// clause's event. False everywhere else.
    pub since: bool,
}

/// Tag every time expression in `text`, sorted by position, not overlapping.
/// `dct` is the document creation (publication) date, the anchor for relative expressions.
pub fn tag(text: &str, sentences: &[Sentence], dct: Option<NaiveDate>) -> Vec<Timex> {
    thread_local! {
        static TOKENS: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
    }
    TOKENS.with(|cell| {
        let mut toks = cell.borrow_mut();
        lexicon::tokenize(text, &mut toks);
        tag_tokens(text, &toks, sentences, dct)
    })
}

/// The tense the tagger reads for the expression at `span` (the nearest cue in its
/// sentence), for later stages that weigh it against other evidence: `Unknown` means
/// the tagger placed a weekday or year-less date by default, not by the text, and a
/// reading that is not `firm` is a guess other evidence may overrule.
pub fn tense_at(text: &str, sentences: &[Sentence], span: Span) -> resolve::Reading {
    // Only the sentence is read, so a call costs its length, not the document's.
    let base = sentence_at(sentences, span.start()).and_then(|si| sentences.get(si)).map_or(0, |s| s.span.start());
    let end = sentence_at(sentences, span.start()).and_then(|si| sentences.get(si)).map_or(text.len(), |s| s.span.end());
    let Some(sentence) = text.get(base..end) else { return resolve::Reading { tense: Tense::Unknown, present_perfect: false, firm: false } };
    let mut toks = Vec::new();
    lexicon::tokenize(sentence, &mut toks);
    let first = toks.partition_point(|t| (t.s as usize) < span.start().saturating_sub(base));
    let last = toks.partition_point(|t| (t.s as usize) < span.end().saturating_sub(base));
    resolve::tense_detail(sentence, &toks, 0..toks.len(), first..last, first)
}

/// Prepositions before an expression that make it adverbial ("in 2022 talks resumed").
fn adverbial_before(g: &grammar::Grammar, i: usize) -> bool {
    i.checked_sub(1).and_then(|p| g.e(p)).and_then(|e| e.word).is_some_and(|w| {
        matches!(w, "in" | "on" | "since" | "by" | "during" | "until" | "from" | "of" | "through" | "before" | "after" | "at" | "for" | "to" | "between" | "and")
    })
}

fn tag_tokens(text: &str, toks: &[Tok], sentences: &[Sentence], dct: Option<NaiveDate>) -> Vec<Timex> {
    let g = grammar::Grammar { text, t: toks };
    let mut out: Vec<Timex> = Vec::new();
    let mut ctx = Ctx { dct, ..Ctx::default() };
    let mut i = 0usize;
    while i < toks.len() {
        let trigger = match toks[i].kind {
            Kind::Word(id) => id != lexicon::NO_ENTRY || matches!(text.as_bytes().get(toks[i].s as usize), Some(b'q' | b'Q')),
            Kind::Punct(c) => c == '\'',
            _ => true,
        };
        if !trigger {
            i += 1;
            continue;
        }
        let Some(mt) = g.parse(i) else {
            i += 1;
            continue;
        };
        let (Some(first), Some(last)) = (toks.get(mt.start), toks.get(mt.end.saturating_sub(1))) else {
            i += 1;
            continue;
        };
        let (bs, be) = (first.s as usize, last.e as usize);
        // Token boundaries are character boundaries by construction (the tokenizer steps
        // whole characters), so the span needs no re-check.
        debug_assert!(Span::new(text, bs, be).is_some());
        let span = Span::from_range_unchecked(bs, be);
        let start_tok = mt.start;
        let end_tok = mt.end;
        let mut tense_fn = || -> Tense {
            let range = match sentence_at(sentences, bs) {
                Some(si) => {
                    let s = sentences[si].span;
                    toks.partition_point(|t| (t.s as usize) < s.start())..toks.partition_point(|t| (t.s as usize) < s.end())
                }
                None => start_tok.saturating_sub(12)..(end_tok + 12).min(toks.len()),
            };
            resolve::tense(text, toks, range, start_tok..end_tok, start_tok)
        };
        let mut r = resolve::resolve(&mt.sem, &ctx, &mut tense_fn);
        if matches!(mt.sem, grammar::Sem::Weekday { shift: None | Some(-10), .. }) {
            let sentence_toks = || match sentence_at(sentences, bs) {
                Some(si) => {
                    let s = sentences[si].span;
                    toks.partition_point(|t| (t.s as usize) < s.start())..toks.partition_point(|t| (t.s as usize) < s.end())
                }
                None => start_tok.saturating_sub(12)..(end_tok + 12).min(toks.len()),
            };
            weekday_in_story(text, &out, span, &ctx, &mut r, || resolve::tense_detail(text, toks, sentence_toks(), start_tok..end_tok, start_tok));
        }
        // Adjectival: "the 2022 negotiations", "third-quarter profit".
        let next_noun = toks.get(end_tok).is_some_and(|t| {
            matches!(t.kind, Kind::Word(_)) && !t.cap && t.entry().is_none() && t.gap
                || (t.kind == Kind::Punct('-') && !t.gap && toks.get(end_tok + 1).is_some_and(|u| matches!(u.kind, Kind::Word(_)) && u.entry().is_none()))
        });
        let adjectival = next_noun
            && matches!(r.kind, TimexType::Date)
            && r.anchor.is_some()
            && !adverbial_before(&g, start_tok)
            // A day modifies a noun only after a determiner: "the 7 October attack", not
            // "on 7 October talks resumed" or "Monday talks".
            && (!matches!(mt.sem, grammar::Sem::Day { .. } | grammar::Sem::Weekday { .. } | grammar::Sem::DayFrom { .. } | grammar::Sem::Rel { unit: lexicon::Unit::Day, .. })
                || matches!(mt.sem, grammar::Sem::Day { .. })
                    && [start_tok.checked_sub(1), Some(start_tok)].into_iter().flatten().any(|p| g.e(p).and_then(|e| e.word) == Some("the")));
        // Possessive: "last month's truce", "Tuesday's meeting", "yesterday’s talks" (the
        // tokenizer reads ’ as '). It names the noun's date; a day named so still moves the
        // narrative ("Tuesday's meeting ... The next day"), so only the flag changes.
        let possessive = matches!(r.kind, TimexType::Date | TimexType::Time)
            && toks.get(end_tok).is_some_and(|t| t.kind == Kind::Punct('\'') && !t.gap)
            && toks.get(end_tok + 1).is_some_and(|t| !t.gap && text.get(t.s as usize..t.e as usize).is_some_and(|w| w.eq_ignore_ascii_case("s")))
            && toks.get(end_tok + 2).is_none_or(|t| t.gap);
        let since = start_tok.checked_sub(1).and_then(|p| g.e(p)).and_then(|e| e.word) == Some("since");
        // Narrative state for later expressions.
        if let Some(a) = r.anchor {
            if !adjectival {
                match a.precision() {
                    Precision::Day => {
                        ctx.narrative = Some(a.first());
                        ctx.month = Some((a.first().year(), a.first().month()));
                    }
                    Precision::Month if r.value.len() == 7 => {
                        ctx.month = Some((a.year_of(), a.first().month()));
                    }
                    _ => {}
                }
            }
            if !adjectival && matches!(a.precision(), Precision::Day | Precision::Month | Precision::Year) && r.end.is_none() {
                ctx.year = Some(a.year_of());
            }
            if r.value.len() == 7 && r.value.as_bytes().get(5) == Some(&b'Q') {
                ctx.any_quarter = Some((a.year_of(), (a.first().month() - 1) / 3 + 1));
            }
            // The quarter a text reports on: comparisons ("a year earlier") refer to it,
            // never to a quarter still ahead.
            if matches!(mt.sem, grammar::Sem::Quarter { .. } | grammar::Sem::ThisQuarter { .. }) && dct.is_none_or(|d| a.first() <= d) {
                let q = (a.first().month() - 1) / 3 + 1;
                ctx.quarter = Some((a.year_of(), q));
            }
        }
        out.push(Timex {
            span,
            kind: r.kind,
            value: r.value,
            modifier: mt.modifier,
            anchor: r.anchor,
            end: r.end,
            unresolved: r.unresolved,
            adjectival: adjectival || possessive,
            since,
        });
        i = mt.end.max(i + 1);
    }
    link_ranges(text, &mut out);
    out
}

/// A bare weekday read against the days the story has just named, before it moves the
/// narrative:
/// - one that closes a range ("from Sunday to Tuesday") comes after the day that opens
///   it, whatever the tense read for it alone;
/// - one that names the weekday of a day still ahead the text just named ("the summit
///   runs from Sunday to Tuesday ... guests have been invited for Tuesday's sessions")
///   is that day, unless its own clause is in a simple past ("on Monday, drones struck").
///   A possessive ("Tuesday's sessions") is read so too. A present perfect ("has named a team for
///   Monday's session") tells of now, so it places nothing.
fn weekday_in_story(text: &str, out: &[Timex], span: Span, ctx: &Ctx, r: &mut resolve::Resolved, tense: impl FnOnce() -> resolve::Reading) {
    let Some(day) = r.anchor.and_then(|a| a.as_day()) else { return };
    let moved = if let Some(prev) = out.last()
        && let Some(x) = prev.anchor.and_then(|a| a.as_day())
        && matches!(text.get(prev.span.end()..span.start()).unwrap_or("").trim().to_ascii_lowercase().as_str(), "-" | "\u{2013}" | "to" | "through" | "until" | "till" | "thru")
        && day <= x
        && (x - day).num_days() < 7
    {
        day + chrono::Duration::days(7)
    } else if let (Some(n), Some(dct)) = (ctx.narrative, ctx.dct)
        && n > dct
        && (n - dct).num_days() < 7
        && (n - day).num_days() == 7
        && matches!(tense(), resolve::Reading { tense: Tense::Unknown | Tense::Future, .. } | resolve::Reading { tense: Tense::Past, present_perfect: true, .. })
    {
        n
    } else {
        return;
    };
    r.anchor = Some(PartialDate::day(moved));
    r.value = moved.format("%Y-%m-%d").to_string();
}

/// A whole number of days in a duration value (`P10D`, `P2W`).
fn duration_days(v: &str) -> Option<i64> {
    let body = v.strip_prefix('P')?;
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    let days = match unit {
        "D" => n,
        "W" => 7 * n,
        _ => return None,
    };
    (1..=366).contains(&days).then_some(days)
}

/// "from Monday to Wednesday", "between 1990 and 1995": the first expression gets the
/// second's period as its end. Both stay separate expressions (TimeML marks two).
/// A day and a duration ("18 December for ten days", "for ten days from 18 December")
/// give the day an end: the last day of that many days.
fn link_ranges(text: &str, out: &mut [Timex]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let between = text.get(a.span.end()..b.span.start()).unwrap_or("").trim().to_ascii_lowercase();
        let (date, dur) = match between.as_str() {
            "for" => (k - 1, k),
            "from" | "starting" | "beginning" | "starting on" | "beginning on" | "from the" => (k, k - 1),
            _ => (usize::MAX, usize::MAX),
        };
        if let (Some(d), Some(u)) = (out.get(date), out.get(dur)) {
            let days = (u.kind == TimexType::Duration && u.anchor.is_none()).then(|| duration_days(&u.value)).flatten();
            if let (Some(n), Some(day), TimexType::Date, None) = (days, d.anchor.and_then(|a| a.as_day()), d.kind, d.end) {
                out[date].end = Some(PartialDate::day(day + chrono::Duration::days(n - 1)));
            }
            continue;
        }
        if !matches!(between.as_str(), "-" | "\u{2013}" | "to" | "through" | "until" | "till" | "and" | "thru") {
            continue;
        }
        if between == "and" {
            let before = text.get(..a.span.start()).unwrap_or("").trim_end().to_ascii_lowercase();
            if !before.ends_with("between") {
                continue;
            }
        }
        if let (Some(x), Some(y)) = (a.anchor, b.anchor)
            && x.precision() == y.precision() && a.end.is_none() && y.first() > x.first() {
                out[k - 1].end = Some(y);
            }
    }
}

use chrono::Datelike;

#[cfg(test)]
mod tests;
