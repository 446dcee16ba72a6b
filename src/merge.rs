//! Merge stage: one event per real event; disagreements become findings.
//!
//! Mentions are clustered greedily, best-specified first (day-dated mentions, then
//! coarser dates, then undated ones), so that a vague mention ("last met in February
//! in Saudi Arabia") joins an event that a precise one already established. A mention
//! joins the cluster with the highest affinity among those it is compatible with:
//! same kind family, dates that can describe the same day, places that can be the
//! same place, and positive evidence (a shared participant, or the same place and
//! date). Candidates come from an index by participant, city and month, so merging
//! stays near-linear in the number of mentions. Mentions linked by anaphora within a
//! document are one event, and every mention of the start of a war is merged by the
//! countries involved, whatever its date: that is how a wrong year shows up as a
//! conflict rather than as a second war.
//!
//! An undated mention takes its day from the event it joins, so it joins a dated
//! event only when it is plainly of it: within a year of its article's publication,
//! naming no leader of a country the event does not involve, and, from an article
//! with no publication date, naming people of the event's sides (otherwise it stays
//! undated rather than be given an invented day).
//!
//! Mentions linked by anaphora join a cluster together, on the evidence of any one
//! of them, unless one contradicts it. Two kind families can report one event: a
//! visit and the meeting held on its day, and an agreement and the talks, call or
//! statement of its date. A "summit" of exactly two leaders is their meeting; a
//! gathering of three or more on a summit's day is the summit.
//!
//! An event's date is the date given by the most documents, refined to the finest
//! date within it; on a tie, the one its source gives nearest to its own
//! publication (a mistyped year lies far from its article). Its status is the one
//! reported by the latest source (by publication date), with two exceptions: a plan
//! told after the event's day had passed is stale, and a source that names the
//! event without words of its fate does not undo an earlier call-off (a cancelled
//! event keeps its date, so the date having passed proves nothing). Its place is
//! the most specific one. Sources that disagree produce findings. One article does
//! not say of one event both that it took place and that it did not: such reports
//! are two events.

use crate::dates::{PartialDate, Precision};
use crate::entities::{Place, PlaceKind};
use crate::events::{places_compatible, EventKind, EventMention, Status};
use crate::timeline::{
    DocumentInfo, Event, EventDate, Finding, FindingKind, Participant, PlaceInfo, Severity, SourceRef,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Union-find over mention indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut j = i;
        while self.0[j] != r {
            let next = self.0[j];
            self.0[j] = r;
            j = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// What a growing cluster knows, to compare mentions against.
#[derive(Default)]
struct Cluster {
    members: Vec<usize>,
    rounds: BTreeSet<u32>,
    /// Days given by mentions that report the event as held.
    held_days: Vec<PartialDate>,
    statuses: BTreeSet<Status>,
    /// Kind families of its mentions: one, or a pair that report one event two ways
    /// (a visit and the meeting it was for; talks and the agreement they reached).
    families: BTreeSet<u8>,
    participants: BTreeSet<String>,
    /// Countries its named people represent.
    countries: BTreeSet<String>,
    /// How many of its mentions' named people have no known country.
    members_without_country: usize,
    dates: Vec<PartialDate>,
    places: Vec<Place>,
    documents: BTreeSet<String>,
    parties: BTreeSet<String>,
    kinds: BTreeSet<EventKind>,
    /// Whether its own mentions already disagree on the date (a mistyped day in one
    /// of them): a new mention then only has to agree with one of them.
    conflicted: bool,
    /// Days its non-bilateral mentions report as held (see [`held_range`]).
    held_range_days: BTreeSet<chrono::NaiveDate>,
    /// First and last days of the multi-day mentions.
    spans: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Days of its mentions that report it as anything but held (a plan, a call-off).
    unheld_days: Vec<PartialDate>,
    /// Days of its mentions that report it held, in words or by their date.
    reported_days: Vec<PartialDate>,
    /// Statuses its mentions state in words, by document.
    told: BTreeSet<(String, Status)>,
}

impl Cluster {
    fn add(&mut self, i: usize, m: &EventMention) {
        self.members.push(i);
        self.families.insert(m.kind.family());
        self.participants.extend(m.participants.iter().filter(|p| p.role.as_deref() != Some(crate::events::GROUP_ROLE)).map(|p| p.name.clone()));
        self.countries.extend(named(m).filter_map(|p| p.country.clone()));
        self.members_without_country += named(m).filter(|p| p.country.is_none()).count();
        if let Some(d) = m.date {
            // Days of one multi-day event are not a disagreement.
            self.conflicted |= self.dates.iter().any(|e| !e.compatible(&d) && (e.first() - d.first()).num_days().abs() > MULTI_DAY_GAP);
            self.dates.push(d);
        }
        // A multi-day event covers each of its days: "the summit runs from Sunday to
        // Tuesday" and "left the summit on Monday" are one summit.
        if let (Some(d), Some(e)) = (m.date.filter(|d| d.precision() == Precision::Day), m.end)
            && e.last() > d.first() {
                self.spans.push((d.first(), e.last()));
            }
        self.places.extend(m.place.clone());
        self.held_range_days.extend(held_day(m.kind, m.status, m.date));
        self.documents.insert(m.document.clone());
        self.parties.extend(m.parties.iter().cloned());
        self.kinds.insert(m.kind);
        self.rounds.extend(m.round);
        self.statuses.insert(m.status);
        let day = m.date.filter(|d| d.precision() == Precision::Day);
        if matches!(m.status, Status::Held | Status::Unknown) {
            self.reported_days.extend(day);
        } else {
            self.unheld_days.extend(day);
        }
        if m.status_explicit {
            self.told.insert((m.document.clone(), m.status));
        }
        if m.status == Status::Held && m.status_explicit {
            self.held_days.extend(m.date.filter(|d| d.precision() == Precision::Day));
        }
    }
}

/// How far a held meeting may be from the day it was expected on and still be the
/// same meeting moved: rounds of talks a week apart are separate events.
const RESCHEDULE_DAYS: i64 = 3;

/// A meeting expected on one day that took place on another close to it: a planned
/// mention and a held one, both to the day, at most [`RESCHEDULE_DAYS`] apart.
fn rescheduled(m: &EventMention, c: &Cluster) -> bool {
    let Some(d) = m.date.filter(|d| d.precision() == Precision::Day) else { return false };
    let near = |e: &PartialDate| e.precision() == Precision::Day && (e.first() - d.first()).num_days().abs() <= RESCHEDULE_DAYS;
    match m.status {
        Status::Held if m.status_explicit => c.dates.iter().all(|e| e.compatible(&d) || near(e)) && c.held_days.iter().all(|e| *e == d),
        Status::Planned | Status::Postponed => c.dates.iter().all(|e| e.compatible(&d) || near(e)) && !c.held_days.is_empty(),
        _ => false,
    }
}

/// A day given with another year than the cluster's days, month and day equal: the
/// signature of a mistyped year.
fn same_day_other_year(m: &EventMention, c: &Cluster) -> bool {
    use chrono::Datelike;
    let Some(d) = m.date.filter(|d| d.precision() == Precision::Day) else { return false };
    let (day, month, year) = (d.first().day(), d.first().month(), d.first().year());
    let days: Vec<&PartialDate> = c.dates.iter().filter(|e| e.precision() == Precision::Day).collect();
    !days.is_empty()
        && days.iter().all(|e| {
            let f = e.first();
            f.day() == day && f.month() == month && f.year() != year && (f.year() - year).abs() <= 2
        })
}

/// Days of one event held over several: a report of the same event "on Monday" and
/// "into Tuesday night", neither a plan, at most two days from the cluster's days.
fn consecutive_days(m: &EventMention, c: &Cluster) -> bool {
    let Some(d) = m.date.filter(|d| d.precision() == Precision::Day) else { return false };
    let near = |e: &PartialDate| e.precision() == Precision::Day && (e.first() - d.first()).num_days().abs() <= 2;
    // A summit runs over days: its preview ("opens on Sunday") and a report of its
    // second day are one summit, planned or held.
    if multilateral(m.kind) && c.kinds.iter().any(|k| multilateral(*k)) {
        return c.dates.iter().all(near);
    }
    let held = |s: Status| matches!(s, Status::Held | Status::Unknown);
    // One-to-one meetings take a day: Modi–Putin on Tuesday and Modi–Xi on Wednesday
    // are two meetings, not one over two days.
    !bilateral(m.kind)
        && c.kinds.iter().all(|k| !bilateral(*k))
        && held(m.status)
        // A preview of a day it was then reported held on is no plan for another day.
        && c.unheld_days.iter().all(|d| c.reported_days.contains(d))
        && c.dates.iter().all(|e| e.precision() == Precision::Day && (e.first() - d.first()).num_days().abs() <= 2)
}

/// Kinds named between several people that meet one to one: two such events with
/// no participant in common on the same day are two meetings, not one.
fn bilateral(kind: EventKind) -> bool {
    matches!(kind, EventKind::Meeting | EventKind::Call | EventKind::Visit)
}

fn multilateral(kind: EventKind) -> bool {
    matches!(kind, EventKind::Summit | EventKind::Conference)
}

/// Whether a date falls within one of the cluster's multi-day spans.
/// Talks reported held on two days a little apart ran between them: "began on
/// Monday", "joined the talks on Wednesday" make Tuesday one of their days too.
fn held_range(days: impl Iterator<Item = chrono::NaiveDate>) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let (mut lo, mut hi) = (None::<chrono::NaiveDate>, None::<chrono::NaiveDate>);
    for d in days {
        lo = Some(lo.map_or(d, |l| l.min(d)));
        hi = Some(hi.map_or(d, |h| h.max(d)));
    }
    lo.zip(hi).filter(|(l, h)| (1..=MULTI_DAY_GAP).contains(&(*h - *l).num_days()))
}

/// The longest run of days a cluster of talks or a summit may span on the strength
/// of reports of its days alone.
const MULTI_DAY_GAP: i64 = 3;

/// Whether a mention of `kind` with `status`, to the day, counts towards [`held_range`].
fn held_day(kind: EventKind, status: Status, date: Option<PartialDate>) -> Option<chrono::NaiveDate> {
    date.filter(|d| d.precision() == Precision::Day && !bilateral(kind) && status == Status::Held).map(|d| d.first())
}

/// Whether a date falls within one of the cluster's multi-day spans, given or implied
/// by the days it was reported held on.
fn within_spans(d: &PartialDate, c: &Cluster) -> bool {
    let implied = held_range(c.held_range_days.iter().copied());
    c.spans.iter().chain(implied.as_ref()).any(|(from, to)| *from <= d.first() && d.last() <= *to)
}

/// What one mention says about joining a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Affinity {
    /// It cannot be the same event: another kind, date, place, round or pair of people.
    Incompatible,
    /// Nothing contradicts it, but nothing shows it is the same event either.
    Unproven,
    /// The same event, this strongly.
    Score(i32),
}

/// A group of mentions already known to be one event (linked by anaphora) joins a
/// cluster when none of them contradicts it and at least one gives evidence: "the
/// talks" that follow a dated, placed report add nothing but must not block it.
///
/// An undated mention most likely reports an event of the days before its article
/// appeared ("the meeting collapsed", "the visit"): among clusters it fits, those
/// dated near its publication score higher.
fn group_affinity(group: &[usize], mentions: &[EventMention], published: &[Option<chrono::NaiveDate>], c: &Cluster) -> Option<i32> {
    let mut best = None;
    // Undated mentions take their day from the event they join, so they must be of
    // that event: see [`undated_fits`].
    let undated = group.iter().all(|&i| mentions[i].date.is_none());
    if undated && !undated_fits(group.iter().map(|&i| (&mentions[i], published.get(i).copied().flatten())), c) {
        return None;
    }
    // A round named by number is that round whatever the tense of the sentences
    // linked to it ("the second round ...", "where the second round would be held").
    let same_round = group.iter().any(|&i| mentions[i].round.is_some_and(|r| c.rounds.contains(&r)));
    for &i in group {
        // An undated plan ("the two leaders will meet in Ankara") is of an event still
        // to come when it was written, not of one whose days had already passed.
        let m = &mentions[i];
        let later_plan = m.date.is_none() && m.status_explicit && m.status == Status::Planned && !same_round;
        if later_plan && published.get(i).copied().flatten().is_some_and(|p| !c.dates.is_empty() && c.dates.iter().all(|d| d.last() < p)) {
            return None;
        }
        match affinity(&mentions[i], c) {
            Affinity::Incompatible => return None,
            Affinity::Unproven => {}
            Affinity::Score(s) => {
                let near = match (mentions[i].date, published.get(i).copied().flatten()) {
                    (None, Some(p)) => c
                        .dates
                        .iter()
                        .filter(|d| d.precision() <= Precision::Month)
                        .map(|d| if d.first() <= p && p <= d.last() { 0 } else { (d.first() - p).num_days().abs().min((d.last() - p).num_days().abs()) })
                        .min()
                        .map_or(0, |days| if days <= 7 { 2 } else { i32::from(days <= 31) }),
                    _ => 0,
                };
                best = best.max(Some(s + near));
            }
        }
    }
    best
}

/// How far from its article's publication an undated mention may report an event:
/// "the summit", "their meeting" name events of the year around it, not of three
/// years before.
const UNDATED_WINDOW_DAYS: i64 = 366;

/// Whether undated mentions (one, or several linked by anaphora) may be of a dated
/// event: the event lies within [`UNDATED_WINDOW_DAYS`] of their article's
/// publication; and when their article has no publication date, one of them names
/// people of the event's sides (two of its people, or people of its countries only)
/// and none names anyone of another country, for nothing else ties them to that day
/// rather than to another meeting in the same city.
fn undated_fits<'a>(group: impl Iterator<Item = (&'a EventMention, Option<chrono::NaiveDate>)>, c: &Cluster) -> bool {
    if c.dates.is_empty() {
        return true;
    }
    let near = |p: chrono::NaiveDate| {
        c.dates.iter().any(|d| (d.first() <= p && p <= d.last()) || (d.first() - p).num_days().abs().min((d.last() - p).num_days().abs()) <= UNDATED_WINDOW_DAYS)
    };
    let mut named_sides = false;
    let mut unanchored = false;
    for (m, published) in group {
        match published {
            Some(p) if !near(p) => return false,
            Some(_) => {}
            None => {
                if foreigner(m, c) {
                    return false;
                }
                unanchored = true;
                let shared = named(m).filter(|p| c.participants.contains(&p.name)).count();
                named_sides |= shared >= 2 || named(m).next().is_some() && !stranger(m, c);
            }
        }
    }
    !unanchored || named_sides
}

/// Whether people (by their countries) are all of one country, known for each.
fn one_side<'a>(countries: impl Iterator<Item = Option<&'a str>>) -> bool {
    let mut first: Option<&str> = None;
    for k in countries {
        match (k, first) {
            (None, _) => return false,
            (Some(k), None) => first = Some(k),
            (Some(k), Some(f)) if k != f => return false,
            _ => {}
        }
    }
    first.is_some()
}

/// Named people, groups ("European leaders") left out.
fn named(m: &EventMention) -> impl Iterator<Item = &crate::entities::Person> {
    m.participants.iter().filter(|p| p.role.as_deref() != Some(crate::events::GROUP_ROLE))
}

/// Whether someone named by `m` is a third party to the cluster's event: not among
/// its people, and from none of the countries it names as taking part. Two articles
/// naming each side's delegates ("the American team", "China's Li Chenggang") name
/// one meeting; Modi–Putin and Modi–Xi are two.
fn stranger(m: &EventMention, c: &Cluster) -> bool {
    named(m).any(|p| {
        !c.participants.contains(&p.name) && p.country.as_ref().is_none_or(|k| !c.parties.contains(k) && !c.countries.contains(k))
    })
}

/// Whether someone named by `m` is of a country known to take no part in the
/// cluster's event (a person of unknown country is not evidence either way).
fn foreigner(m: &EventMention, c: &Cluster) -> bool {
    named(m).any(|p| {
        !c.participants.contains(&p.name) && p.country.as_ref().is_some_and(|k| !c.parties.contains(k) && !c.countries.contains(k))
    })
}

/// Whether, of an agreement and the call or talks that reached it, one names only
/// people and sides of the other's sides, and names its side in words: "India and
/// Pakistan agreed on Saturday to stop firing" and "Saturday's hotline call of
/// Pakistan's military operations chief". A report naming a person only ("Tuesday's
/// call", with one of its people) proves nothing by itself.
fn one_side_within(m: &EventMention, c: &Cluster) -> bool {
    let m_within = named(m).next().is_some()
        && !m.parties.is_empty()
        && named(m).all(|p| p.country.as_ref().is_some_and(|k| c.parties.contains(k)))
        && m.parties.iter().all(|p| c.parties.contains(p));
    let c_within = !c.countries.is_empty()
        && !c.parties.is_empty()
        && c.members_without_country == 0
        && c.countries.iter().all(|k| m.parties.contains(k))
        && c.parties.iter().all(|p| m.parties.contains(p));
    m_within || c_within
}

/// Whether the kind families of `m` and `c` may describe one event. The same family
/// always may; a visit and a meeting on its day, or an agreement and the talks, call
/// or statement that produced it, are checked further in [`affinity`].
fn families_pair(m: EventKind, c: &Cluster) -> bool {
    let f = m.family();
    let pair = |a: u8, b: u8| {
        let (visit, in_person, agreement) = (EventKind::Visit.family(), EventKind::Meeting.family(), EventKind::Agreement.family());
        let told = [in_person, EventKind::Call.family(), EventKind::Statement.family()];
        a == b
            || (a == visit && b == in_person || a == in_person && b == visit)
            || (a == agreement && told.contains(&b) || b == agreement && told.contains(&a))
    };
    c.families.is_empty() || c.families.iter().all(|&g| pair(f, g))
}

/// How strongly `m` belongs to `c`.
fn affinity(m: &EventMention, c: &Cluster) -> Affinity {
    use Affinity::{Incompatible, Unproven};
    if !families_pair(m.kind, c) {
        return Incompatible;
    }
    let cross_family = !c.families.contains(&m.kind.family());
    // One article does not say of one event both that it took place and that it did
    // not ("the meeting with Trump did not take place"; "he did meet Carney").
    let denied = match m.status {
        Status::Held => Some(Status::Cancelled),
        Status::Cancelled => Some(Status::Held),
        _ => None,
    };
    if m.status_explicit && denied.is_some_and(|s| c.told.contains(&(m.document.clone(), s))) {
        return Incompatible;
    }
    if m.round.is_some_and(|r| !c.rounds.is_empty() && !c.rounds.contains(&r)) {
        return Incompatible;
    }
    // A summit is often just "the meeting" or "the leaders met", named with its host
    // only, on one of its days: that is the summit, not a meeting on its sidelines
    // (which names the two people who met). A gathering of three or more named
    // people on its day (a dinner for the leaders) is the summit too.
    let names: BTreeSet<&str> = named(m).map(|p| p.name.as_str()).collect();
    // Two people of one side ("will see Xi and then Li for the summit") are not a
    // meeting on its sidelines, which is between two sides.
    let gathering = |n: usize, one_side: bool| n <= 1 || n >= 3 || one_side;
    let m_one_side = one_side(named(m).map(|p| p.country.as_deref()));
    let c_one_side = c.countries.len() == 1 && c.members_without_country == 0;
    let meeting_into_summit = !multilateral(m.kind) && gathering(names.len(), m_one_side) && c.kinds.iter().any(|k| multilateral(*k));
    let summit_into_meeting = multilateral(m.kind) && c.kinds.iter().all(|k| !multilateral(*k)) && gathering(c.participants.len(), c_one_side);
    // A "summit" of two leaders is their meeting: the same two people, no one else.
    // A gathering over several days ("runs from Tuesday to Thursday") is no such
    // summit, whoever its reports happen to name; and it takes a summit on one side
    // and a meeting on the other: two meetings of one pair on two days are two.
    let two_leaders = names.len() == 2
        && names.iter().all(|n| c.participants.contains(*n))
        && c.participants.len() == 2
        && c.spans.is_empty()
        && m.end.is_none()
        && multilateral(m.kind) != c.kinds.iter().any(|k| multilateral(*k));
    let summit_day = (meeting_into_summit || summit_into_meeting || two_leaders)
        && m.date.is_some_and(|d| {
            d.precision() == Precision::Day
                && c.dates.iter().all(|e| e.compatible(&d) || (e.precision() == Precision::Day && (e.first() - d.first()).num_days().abs() <= 1))
        });
    let mut moved = false;
    let mut adjacent = false;
    let dates_agree = m.date.is_none_or(|d| {
        c.dates.iter().all(|e| e.compatible(&d))
            || !cross_family && c.conflicted && c.dates.iter().any(|e| e.precision() == Precision::Day && e.compatible(&d))
    });
    if let Some(d) = m.date
        && !dates_agree
        && !within_spans(&d, c)
        && !m.date.zip(m.end).is_some_and(|(s, e)| c.dates.iter().all(|x| s.first() <= x.first() && x.last() <= e.last())) {
            if cross_family {
                return Incompatible;
            } else if summit_day || same_day_other_year(m, c) {
                // checked below: the same city or a shared person
            } else if consecutive_days(m, c) {
                adjacent = true;
            } else if rescheduled(m, c) {
                moved = true;
            } else {
                return Incompatible;
            }
        }
    let shared = named(m).filter(|p| c.participants.contains(&p.name)).count() as i32;
    // The gazetteer cannot tell which region a city lies in; the same two people
    // meeting on the same date in a region and in a city of its country ("in Alaska",
    // "in Anchorage") are one meeting. Other reports placed that way ("the meeting",
    // told of the same base) only join with such a report.
    let region_city = |p: &Place, q: &Place| {
        let region = |a: &Place, b: &Place| a.kind == PlaceKind::Region && !matches!(b.kind, PlaceKind::Country | PlaceKind::Region);
        (region(p, q) || region(q, p)) && p.country.is_some() && p.country == q.country
    };
    let same_pair_same_day = shared >= 2 && m.date.is_some() && dates_agree && !c.dates.is_empty();
    let mut region_only = false;
    if let Some(p) = &m.place {
        for q in c.places.iter().filter(|q| !places_compatible(p, q)) {
            if !region_city(p, q) {
                return Incompatible;
            }
            region_only |= !same_pair_same_day;
        }
    }
    let both_people = !names.is_empty() && !c.participants.is_empty();
    let one_to_one = bilateral(m.kind) && c.kinds.iter().all(|k| bilateral(*k));
    if shared == 0 && both_people && one_to_one && stranger(m, c) {
        return Incompatible;
    }
    // A recall to the month ("last met in Rome in April") joins a dated event only
    // when it names its people: two of them, or one and no stranger (Trump and
    // Zelensky in Rome are not Iran's talks in Rome that Trump was said to follow).
    let vague = m.date.is_some_and(|d| d.precision() != Precision::Day) && c.dates.iter().any(|d| d.precision() == Precision::Day);
    if vague && both_people && shared < 2 && stranger(m, c) {
        return Incompatible;
    }
    // An undated mention takes its day from the event it joins: a pair of whom one
    // is of a country that event does not involve ("Trump's Oval Office meeting with
    // the South African president") is not the Oval Office meeting with Canada's.
    if m.date.is_none() && names.len() == 2 && shared < 2 && !c.participants.is_empty() && !c.dates.is_empty() && foreigner(m, c) {
        return Incompatible;
    }
    // A summit and a meeting held on its sidelines are two events: only merge the two
    // sorts on the same city and day.
    let mixed = multilateral(m.kind) != c.kinds.iter().any(|k| multilateral(*k));
    let same_city = m.place.as_ref().is_some_and(|p| {
        p.kind != PlaceKind::Country && c.places.iter().any(|q| q.kind != PlaceKind::Country && places_compatible(p, q))
    });
    let same_place = m.place.as_ref().is_some_and(|p| c.places.iter().any(|q| places_compatible(p, q)));
    let same_day = m.date.is_some_and(|d| d.precision() == Precision::Day && (c.dates.contains(&d) || within_spans(&d, c)));
    let same_doc = c.documents.contains(&m.document);
    // Two reports of a summit on one of its days, naming the same organization (the
    // G7, NATO), one of them with no place: the same summit.
    let same_forum = multilateral(m.kind)
        && c.kinds.iter().any(|k| multilateral(*k))
        && same_day
        && (m.place.is_none() || c.places.is_empty())
        && m.parties.iter().any(|p| c.parties.contains(p) && crate::entities::country_named(p).is_none());
    let dated_both = m.date.is_some() && !c.dates.is_empty();
    let shared_parties = m.parties.iter().filter(|p| c.parties.contains(*p)).count() as i32;
    if cross_family {
        // A visit is one with the meeting it was for: the same day, the same city,
        // someone in common. An agreement is one with the talks, call or statement
        // that reached it: the same date (not merely a day of a longer round, which
        // may end in a deal of its own), and someone in common or, in one article,
        // the same two sides.
        let visit = m.kind == EventKind::Visit || c.kinds.contains(&EventKind::Visit);
        let tied = if visit {
            same_day && (same_city || m.place.is_none() || c.places.is_empty()) && shared > 0 && m.end.is_none() && c.spans.is_empty()
        } else {
            dated_both && dates_agree && (shared > 0 || same_doc && shared_parties > 1 || same_day && one_side_within(m, c))
        };
        // A report of the same date naming no third party ("Tuesday's call", with
        // one of its people) proves nothing by itself but may join with the report
        // it is linked to.
        let silent = !visit && dated_both && dates_agree && !stranger(m, c);
        if !tied {
            return if m.date.is_none() || silent { Unproven } else { Incompatible };
        }
    }
    // Otherwise a summit and a meeting are two events, even on one day in one city:
    // the meeting names the two people who met on its sidelines.
    // A "summit" of two leaders is their meeting, whatever the dates say of it.
    if mixed && !summit_day && !(two_leaders && same_city && dates_agree) {
        // An undated "summit" linked to a dated report of the meeting says nothing.
        return if m.date.is_none() { Unproven } else { Incompatible };
    }
    // One shared person is weak evidence on its own (a president takes part in
    // many events): it needs the place or a date to agree as well.
    let people_evidence = shared > 1 || shared == 1 && (same_place || dated_both || m.place.is_none() && m.date.is_none());
    let evidence = people_evidence || (same_place && dated_both) || (same_day && (shared_parties > 1 || shared_parties > 0 && same_place)) || (same_city && m.kind == c.kinds.iter().next().copied().unwrap_or(m.kind) && m.date.is_none());
    let evidence = evidence || summit_day && (same_city || shared > 0) || same_forum;
    // An agreement and a call or talks of its sides that day (see [`one_side_within`]).
    let evidence = evidence || cross_family && !multilateral(m.kind) && same_day && one_side_within(m, c);
    // The same numbered round of talks between the same sides ("the second round of
    // Iran-US talks", told with one of its negotiators) is that round.
    // Told to the day ("the next round will take place on Saturday"), with a side in
    // common or none named, it needs no people.
    let any_side = shared_parties > 0 || m.parties.is_empty() || c.parties.is_empty();
    let evidence = evidence || m.round.is_some_and(|r| c.rounds.contains(&r)) && (shared > 0 || shared_parties > 1 || same_day && any_side);
    // In one article, talks of the same kind on one of their days, somewhere not
    // contradicted, are the talks it reports ("the talks open on Tuesday").
    let evidence = evidence || same_doc && same_day && !one_to_one && c.kinds.contains(&m.kind) && (m.place.is_none() || c.places.is_empty());
    // A year mistyped ("May 16, 2024" for 2025): one event, and a date conflict to review.
    if same_day_other_year(m, c) && !summit_day && !(shared >= 2 || shared >= 1 && same_city) {
        return Incompatible;
    }
    if summit_day && !(same_city || shared > 0) {
        return Incompatible;
    }
    // Talks in one city on the next day between people of the same sides (each
    // side's delegates named by different reports) are the same talks.
    let same_sides = both_people && !stranger(m, c);
    if moved && !(shared > 0 && (same_place || shared > 1)) || adjacent && !(same_city && (shared > 0 || shared_parties > 0 || same_sides) || same_forum) {
        return Incompatible;
    }
    if !evidence || region_only {
        return Unproven;
    }
    let mut score = 3 * shared + shared_parties;
    score += if same_city { 3 } else if same_place { 1 } else { 0 };
    score += if same_day { 3 } else if dated_both { 1 } else { 0 };
    score += if same_doc { 2 } else { 0 };
    // A report of the summit belongs with the summit before the deal it reached.
    score += if cross_family { 0 } else { 4 };
    Affinity::Score(score)
}

/// Sort key that puts the best-specified mentions first.
fn specificity(m: &EventMention) -> (u8, Option<chrono::NaiveDate>) {
    let rank = match m.date.map(|d| d.precision()) {
        Some(Precision::Day) => 0,
        Some(Precision::Week) => 1,
        Some(Precision::Month) => 2,
        Some(Precision::Year) => 3,
        None => 4,
    };
    (rank, m.date.map(|d| d.first()))
}

/// Group mentions that describe the same real event into events, in chronological order.
pub fn merge(mentions: Vec<EventMention>, documents: &[DocumentInfo]) -> (Vec<Event>, Vec<Finding>) {
    let published: HashMap<&str, Option<&str>> =
        documents.iter().map(|d| (d.id.as_str(), d.published.as_deref())).collect();
    let n = mentions.len();
    let mut sets = Sets((0..n).collect());
    let pub_days: Vec<Option<chrono::NaiveDate>> = mentions
        .iter()
        .map(|m| published.get(m.document.as_str()).copied().flatten().and_then(|p| chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok()))
        .collect();

    // Anaphora: antecedent indices are local to each document's run of mentions.
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end < n && mentions[end].document == mentions[start].document {
            end += 1;
        }
        for i in start..end {
            if let Some(a) = mentions[i].antecedent
                && start + a < end {
                    sets.union(i, start + a);
                }
        }
        start = end;
    }

    // Onsets of war: one per set of countries.
    let onsets: Vec<usize> = (0..n).filter(|&i| mentions[i].onset).collect();
    for (x, &i) in onsets.iter().enumerate() {
        for &j in &onsets[x + 1..] {
            if mentions[i].parties.iter().any(|p| mentions[j].parties.contains(p)) {
                sets.union(i, j);
            }
        }
    }

    // Greedy clustering of the rest, best-specified first, over groups already joined.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = sets.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut order: Vec<&Vec<usize>> = groups.values().collect();
    order.sort_by_key(|g| g.iter().map(|&i| (specificity(&mentions[i]), i)).min());
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for group in order {
        let onset = group.iter().any(|&i| mentions[i].onset);
        let mut best: Option<(i32, usize)> = None;
        if !onset {
            let mut candidates: BTreeSet<usize> = BTreeSet::new();
            for &i in group {
                for key in keys(&mentions[i]) {
                    candidates.extend(by_key.get(&key).into_iter().flatten().copied());
                }
            }
            for c in candidates {
                if clusters[c].members.iter().any(|&k| mentions[k].onset) {
                    continue;
                }
                if let Some(score) = group_affinity(group, &mentions, &pub_days, &clusters[c])
                    && best.is_none_or(|(b, _)| score > b) {
                        best = Some((score, c));
                    }
            }
        }
        let c = match best {
            Some((_, c)) => c,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        for &i in group {
            clusters[c].add(i, &mentions[i]);
            for key in keys(&mentions[i]) {
                let list = by_key.entry(key).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
    }

    // Second pass: a cluster formed before the days that join it to another were
    // known (a preview of the middle day of talks, seen before the report of their
    // last day) joins it now, on the same terms, in a fixed order. Only days strictly
    // inside such a run are looked at again, so this stays a narrow repair.
    let mut alive = vec![true; clusters.len()];
    for ci in 0..clusters.len() {
        let members = clusters[ci].members.clone();
        if clusters[ci].members.iter().any(|&k| mentions[k].onset) {
            continue;
        }
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for &i in &members {
            for key in keys(&mentions[i]) {
                candidates.extend(by_key.get(&key).into_iter().flatten().copied().filter(|&cj| cj < ci && alive[cj]));
            }
        }
        let mut best: Option<(i32, usize)> = None;
        for cj in candidates {
            if clusters[cj].members.iter().any(|&k| mentions[k].onset) {
                continue;
            }
            // Only what the first pass could not know: a day within the run of days
            // the other cluster was later reported held on.
            let implied = held_range(clusters[cj].held_range_days.iter().copied());
            let inside = |i: &usize| {
                mentions[*i].date.is_some_and(|d| d.precision() == Precision::Day && implied.is_some_and(|(lo, hi)| lo < d.first() && d.first() < hi))
            };
            if !members.iter().any(inside) {
                continue;
            }
            if let Some(score) = group_affinity(&members, &mentions, &pub_days, &clusters[cj])
                && best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, cj));
                }
        }
        if let Some((_, cj)) = best {
            alive[ci] = false;
            clusters[ci].members.clear();
            for &i in &members {
                clusters[cj].add(i, &mentions[i]);
                for key in keys(&mentions[i]) {
                    let list = by_key.entry(key).or_default();
                    if !list.contains(&cj) {
                        list.push(cj);
                    }
                }
            }
        }
    }
    let clusters: Vec<Cluster> = clusters.into_iter().zip(alive).filter_map(|(c, a)| a.then_some(c)).collect();

    let mut built: Vec<(Option<PartialDate>, Event, Vec<Finding>)> = clusters
        .iter()
        .filter(|c| specific_enough(c, &mentions))
        .map(|c| build_event(c, &mentions, &published))
        .collect();
    // Chronological, undated last; ties by title then sources for a total order.
    built.sort_by(|a, b| {
        (a.0.is_none(), a.0.map(|d| d.first()), a.0.map(|d| d.precision()), &a.1.title, &a.1.sources[..].first().map(|s| (&s.document, s.start)))
            .cmp(&(b.0.is_none(), b.0.map(|d| d.first()), b.0.map(|d| d.precision()), &b.1.title, &b.1.sources[..].first().map(|s| (&s.document, s.start))))
    });
    let mut events = Vec::with_capacity(built.len());
    let mut findings = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (_, mut event, mut event_findings) in built {
        event.id = unique_id(&event, &mut seen);
        for f in &mut event_findings {
            f.events = vec![event.id.clone()];
        }
        findings.extend(event_findings);
        events.push(event);
    }
    for d in documents.iter().filter(|d| d.published.is_none()) {
        findings.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::MissingPublished,
            message: format!("{} has no publication date: its relative dates cannot be resolved", d.id),
            events: events.iter().filter(|e| e.sources.iter().any(|s| s.document == d.id)).map(|e| e.id.clone()).collect(),
            documents: vec![d.id.clone()],
        });
    }
    for e in &events {
        if e.date.is_none() {
            findings.push(Finding {
                severity: Severity::Info,
                kind: FindingKind::Undated,
                message: format!("{}: no source pins down a date", e.title),
                events: vec![e.id.clone()],
                documents: doc_ids(e),
            });
        }
        if e.place.is_none() && e.kind != EventKind::Military && e.kind != EventKind::Call {
            findings.push(Finding {
                severity: Severity::Info,
                kind: FindingKind::MissingPlace,
                message: format!("{}: no source names a place", e.title),
                events: vec![e.id.clone()],
                documents: doc_ids(e),
            });
        }
    }
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)).then(a.events.cmp(&b.events)).then(a.message.cmp(&b.message)));
    (events, findings)
}

fn doc_ids(e: &Event) -> Vec<String> {
    let set: BTreeSet<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
    set.into_iter().map(str::to_string).collect()
}

/// Whether all its sources together say who or where: "talks" between unnamed sides
/// in no named city are a reference to diplomacy, not an event a reader can place.
/// Exchanges (of prisoners: nobody is named) and the start of a war are kept on
/// their parties.
fn specific_enough(c: &Cluster, mentions: &[EventMention]) -> bool {
    let people = c.members.iter().any(|&i| {
        mentions[i].participants.iter().any(|p| p.role.as_deref() != Some(crate::events::GROUP_ROLE))
    });
    let city = c.places.iter().any(|p| p.kind != PlaceKind::Country);
    let named_kind = c.kinds.iter().any(|k| matches!(k, EventKind::Exchange | EventKind::Military | EventKind::Summit | EventKind::Conference));
    people || city || (named_kind && !c.parties.is_empty())
}

/// Blocking keys: a cluster is only compared with mentions sharing one of these.
fn keys(m: &EventMention) -> Vec<String> {
    let mut k: Vec<String> = m
        .participants
        .iter()
        .filter(|p| p.role.as_deref() != Some(crate::events::GROUP_ROLE))
        .map(|p| format!("p:{}", p.name))
        .collect();
    if let Some(p) = &m.place {
        k.push(format!("c:{}", p.city.as_deref().or(p.country.as_deref()).unwrap_or(&p.name)));
        if let Some(country) = &p.country {
            k.push(format!("c:{country}"));
        }
    }
    if let Some(d) = m.date {
        k.push(format!("y:{}", d.year_of()));
    }
    k.extend(m.parties.iter().map(|p| format!("p:{p}")));
    k
}

/// A date one source gives: the day (or month...), its last day for a multi-day
/// event, the document, and how many days the date lies from its publication.
#[derive(Clone, Copy)]
struct Given<'a> {
    date: PartialDate,
    end: Option<PartialDate>,
    document: &'a str,
    distance: i64,
}

/// Pick the date most documents agree with, then refine it to the finest date
/// within it that most agree with ("in June" and "on 15 June" give 15 June). On a
/// tie, the date given closest to its own article's publication wins: a report
/// written on the day ("on Friday") is a better witness than a recollection a
/// year later, and a mistyped year lies far from the article that carries it.
fn choose_date(dates: &[Given]) -> Option<(PartialDate, Option<PartialDate>)> {
    let support = |d: &PartialDate| dates.iter().filter(|g| g.date.compatible(d)).map(|g| g.document).collect::<BTreeSet<_>>().len();
    let key = |g: &Given| {
        let closest = dates.iter().filter(|h| h.date == g.date).map(|h| h.distance).min().unwrap_or(g.distance);
        (support(&g.date), std::cmp::Reverse(g.date.precision()), std::cmp::Reverse(closest), std::cmp::Reverse(g.date.first()))
    };
    let best = dates.iter().max_by_key(|g| key(g))?;
    let refined = dates
        .iter()
        .filter(|g| g.date.precision() < best.date.precision() && best.date.contains(&g.date))
        .max_by_key(|g| key(g));
    refined.or(Some(best)).map(|g| (g.date, g.end))
}

/// Which status one article's reports of one event settle on when they differ: a
/// call-off, then that it took place (put off, then held on a new day, it is held),
/// then a delay, then a plan.
fn within_report(s: Status) -> u8 {
    match s {
        Status::Cancelled => 4,
        Status::Held => 3,
        Status::Postponed => 2,
        Status::Planned => 1,
        Status::Unknown => 0,
    }
}

/// Whether a status told in an article published on `published` (ISO) is a plan
/// for an event whose last day, `last`, had already passed.
fn stale_at(published: &str, status: Status, last: Option<&str>) -> bool {
    status == Status::Planned && last.is_some_and(|l| l < published.get(..10).unwrap_or(published))
}

/// The event a cluster describes, with its date for ordering and the findings it raises
/// (their `events` are filled in once ids are assigned).
fn build_event<'a>(
    c: &Cluster,
    mentions: &'a [EventMention],
    published: &HashMap<&str, Option<&str>>,
) -> (Option<PartialDate>, Event, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut members: Vec<&'a EventMention> = c.members.iter().map(|&i| &mentions[i]).collect();
    let pub_of = |m: &EventMention| published.get(m.document.as_str()).copied().flatten().unwrap_or("");
    members.sort_by(|a, b| (pub_of(a), &a.document, a.sentence).cmp(&(pub_of(b), &b.document, b.sentence)));

    // Kind: the most frequent, the most telling on a tie.
    let mut counts: BTreeMap<EventKind, usize> = BTreeMap::new();
    for m in &members {
        *counts.entry(m.kind).or_default() += 1;
    }
    let kind = counts
        .iter()
        .max_by_key(|(k, n)| (**n, k.specificity(), std::cmp::Reverse(**k)))
        .map(|(k, _)| *k)
        .unwrap_or(EventKind::Other);

    // Date.
    // A day reported as held wins over the days it was expected on.
    let given = |m: &'a EventMention| -> Option<Given<'a>> {
        let p = pub_of(m);
        let p = chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok();
        m.date.map(|date| Given {
            date,
            end: m.end,
            document: m.document.as_str(),
            distance: p.map_or(i64::MAX, |p| (date.first() - p).num_days().abs().min((date.last() - p).num_days().abs())),
        })
    };
    let dated: Vec<Given> = members.iter().filter_map(|m| given(m)).collect();
    let held: Vec<Given> = members
        .iter()
        .filter(|m| m.status == Status::Held && m.status_explicit)
        .filter_map(|m| given(m).filter(|g| g.date.precision() == Precision::Day))
        .collect();
    // A day previewed within the days the event was held on is one of its days, not
    // a day it was expected on.
    let ran = held_range(members.iter().filter_map(|m| held_day(m.kind, m.status, m.date)));
    let expected = members.iter().any(|m| {
        matches!(m.status, Status::Planned | Status::Postponed)
            && m.date.is_some_and(|d| d.precision() == Precision::Day && !ran.is_some_and(|(lo, hi)| lo <= d.first() && d.first() <= hi))
    });
    let chosen = if expected { choose_date(&held).or_else(|| choose_date(&dated)) } else { choose_date(&dated) };
    // Held on consecutive days ("began on Monday", "ran into Tuesday night"): one
    // event from the first day to the last.
    // Coarser dates that agree with every day ("in June") do not stand in the way.
    let days: Vec<PartialDate> = dated.iter().map(|g| g.date).filter(|d| d.precision() == Precision::Day).collect();
    let span_days = !bilateral(kind)
        && dated.iter().all(|g| g.date.precision() == Precision::Day || days.iter().all(|d| g.date.compatible(d)))
        && days.len() > 1
        && (!expected || multilateral(kind))
        && days.iter().map(|d| d.first()).max().zip(days.iter().map(|d| d.first()).min()).is_some_and(|(hi, lo)| (hi - lo).num_days() <= 3);
    let chosen = if span_days {
        // The last day is the latest day or end given ("from Sunday to Tuesday").
        let lo = days.iter().min().copied();
        let ends = dated.iter().filter(|g| g.date.precision() == Precision::Day).filter_map(|g| g.end);
        let hi = days.iter().copied().chain(ends).max_by_key(|d| d.last());
        lo.map(|lo| (lo, hi.filter(|h| h.last() > lo.last())))
    } else {
        chosen
    };
    let mut conflicts: Vec<&EventMention> = Vec::new();
    let mut moved: Vec<&EventMention> = Vec::new();
    if let Some((d, end)) = chosen {
        let range = end.map_or(d, |e| e);
        let within = |e: &PartialDate| e.first() >= d.first() && e.last() <= range.last();
        for m in members.iter().copied().filter(|m| m.date.is_some_and(|e| !e.compatible(&d) && !within(&e))) {
            let near = m.date.is_some_and(|e| e.precision() == Precision::Day && (e.first() - d.first()).num_days().abs() <= RESCHEDULE_DAYS);
            if near && !held.is_empty() && m.status != Status::Held {
                moved.push(m);
            } else {
                conflicts.push(m);
            }
        }
    }

    // Status: what the latest source says. A source that names no status says
    // "held" when the event's date lies before its publication, "planned" when after.
    // Within one source, an explicit word wins over that inference, and a
    // cancellation over a plan.
    let effective = |m: &EventMention| -> (bool, Status) {
        if m.status_explicit {
            return (true, m.status);
        }
        let p = pub_of(m);
        let inferred = match chosen {
            Some((d, end)) if !p.is_empty() => {
                let last = end.map_or(d.last(), |e| e.last()).format("%Y-%m-%d").to_string();
                let first = d.first().format("%Y-%m-%d").to_string();
                // Reported on its own day with no word of a plan: under way or done.
                if last.as_str() < p || (first.as_str() <= p && m.status == Status::Unknown) {
                    Status::Held
                } else if first.as_str() > p {
                    Status::Planned
                } else {
                    m.status
                }
            }
            _ => m.status,
        };
        (false, inferred)
    };
    // A plan told after the event's day has passed ("he is due to meet him in
    // Ankara", "the talks had been expected on Thursday") is not news of this
    // event: the writer knew whether it took place. It gives way to what any source
    // says happened (held, called off, put off), whatever their order.
    let last_day = chosen.map(|(d, end)| end.map_or(d.last(), |e| e.last()).format("%Y-%m-%d").to_string());
    // A cancelled or postponed event keeps its planned date, so a later source that
    // merely names it on that date says nothing of whether it took place: only words
    // override a call-off.
    let called_off = members.iter().any(|m| m.status_explicit && matches!(m.status, Status::Cancelled | Status::Postponed));
    let status = members
        .iter()
        .map(|m| (pub_of(m), effective(m)))
        .filter(|(_, (_, s))| *s != Status::Unknown)
        .max_by_key(|(p, (explicit, s))| (!stale_at(p, *s, last_day.as_deref()), *explicit || !called_off, *p, *explicit, within_report(*s)))
        .map(|(_, (_, s))| s)
        .unwrap_or(Status::Unknown);

    // Place: the most specific, the most named on a tie.
    let rank = |p: &Place| match p.kind {
        PlaceKind::Venue => 0,
        PlaceKind::City => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    };
    let mut place_counts: BTreeMap<(u8, &str), (usize, &Place)> = BTreeMap::new();
    for p in members.iter().filter_map(|m| m.place.as_ref()) {
        place_counts.entry((rank(p), p.name.as_str())).or_insert((0, p)).0 += 1;
    }
    let place = place_counts
        .iter()
        .min_by_key(|((r, name), (n, _))| (*r, std::cmp::Reverse(*n), *name))
        .map(|(_, (_, p))| *p);
    let place_info = place.map(|p| {
        let country = p.country.clone().or_else(|| {
            members.iter().filter_map(|m| m.place.as_ref()).find(|q| q.country.is_some()).and_then(|q| q.country.clone())
        });
        PlaceInfo { name: p.name.clone(), city: p.city.clone(), country }
    });

    // Participants: by how many mentions name them, then by name.
    let mut people: BTreeMap<&str, (usize, &crate::entities::Person)> = BTreeMap::new();
    for p in members.iter().flat_map(|m| m.participants.iter()) {
        people.entry(p.name.as_str()).or_insert((0, p)).0 += 1;
    }
    let mut participants: Vec<(usize, &crate::entities::Person)> = people.into_values().collect();
    participants.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
    // Groups stand in for people only while no source names the people.
    let is_group = |p: &crate::entities::Person| p.role.as_deref() == Some(crate::events::GROUP_ROLE);
    if participants.iter().any(|(_, p)| !is_group(p)) {
        participants.retain(|(_, p)| !is_group(p));
    }
    let participants: Vec<Participant> = participants
        .into_iter()
        .map(|(_, p)| Participant { name: p.name.clone(), role: p.role.clone(), country: p.country.clone() })
        .collect();

    let mut sources: Vec<SourceRef> = Vec::new();
    for m in &members {
        if sources.iter().any(|s| s.document == m.document && s.start == m.sentence.start()) {
            continue;
        }
        sources.push(SourceRef {
            document: m.document.clone(),
            quote: String::new(),
            start: m.sentence.start(),
            end: m.sentence.end(),
            date_start: m.date_span.map(|s| s.start()),
            date_end: m.date_span.map(|s| s.end()),
            status: effective(m).1,
            published: Some(pub_of(m).to_string()).filter(|p| !p.is_empty()),
        });
    }

    let date = chosen.map(|(d, end)| EventDate {
        value: d.iso(),
        precision: d.precision(),
        end: end.filter(|e| e.first() > d.first()).and_then(|e| e.as_day()).map(|e| e.format("%Y-%m-%d").to_string()),
    });
    let title = title(kind, &participants, place_info.as_ref(), c);
    let event = Event { id: String::new(), kind, title, date, status, place: place_info, participants, sources };

    if !conflicts.is_empty()
        && let Some((d, _)) = chosen {
            let mut docs: BTreeSet<String> = conflicts.iter().map(|m| m.document.clone()).collect();
            let conflict_docs = docs.len();
            let agreeing: BTreeSet<&str> = members.iter().filter(|m| m.date.is_some_and(|e| e.compatible(&d))).map(|m| m.document.as_str()).collect();
            let docs_for_chosen = agreeing.len();
            docs.extend(agreeing.into_iter().map(str::to_string));
            let others: BTreeSet<String> = conflicts
                .iter()
                .filter_map(|m| m.date.map(|e| format!("{} ({})", e.iso(), m.document)))
                .collect();
            findings.push(Finding {
                severity: Severity::Warning,
                kind: FindingKind::DateConflict,
                message: format!(
                    "{}: sources disagree on the date: {} is given by {}, but also {}",
                    event.title,
                    d.iso(),
                    if docs_for_chosen > conflict_docs { "most" } else { "the source nearest its publication" },
                    others.into_iter().collect::<Vec<_>>().join(", ")
                ),
                events: Vec::new(),
                documents: docs.into_iter().collect(),
            });
        }
    if let (Some((d, _)), false) = (chosen, moved.is_empty()) {
        let expected: BTreeSet<String> = moved.iter().filter_map(|m| m.date.map(|e| e.iso())).collect();
        let mut docs: BTreeSet<String> = moved.iter().map(|m| m.document.clone()).collect();
        docs.extend(members.iter().filter(|m| m.date == Some(d)).map(|m| m.document.clone()));
        findings.push(Finding {
            severity: Severity::Info,
            kind: FindingKind::Rescheduled,
            message: format!(
                "{}: expected on {}, took place on {}",
                event.title,
                expected.into_iter().collect::<Vec<_>>().join(", "),
                d.iso()
            ),
            events: Vec::new(),
            documents: docs.into_iter().collect(),
        });
    }
    for m in members.iter().filter(|m| m.unresolved_date.is_some()) {
        findings.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::UnresolvedDate,
            message: format!(
                "{}: \"{}\" cannot be pinned to the calendar",
                event.title,
                m.unresolved_date.as_deref().unwrap_or_default()
            ),
            events: Vec::new(),
            documents: vec![m.document.clone()],
        });
    }
    (chosen.map(|(d, _)| d), event, findings)
}

/// The name to show in a short list: the last word, or the whole name when that
/// is a regnal number or suffix ("Charles III", "Martin Luther King Jr.").
fn surname(name: &str) -> String {
    if let Some(short) = crate::entities::short_name(name) {
        return short; // "Xi" for Xi Jinping: the name news uses alone
    }
    let last = name.rsplit(' ').next().unwrap_or(name);
    let suffix = matches!(last.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV" | "V" | "VI" | "XIV" | "XVI");
    if suffix { name.to_string() } else { last.to_string() }
}

fn title(kind: EventKind, people: &[Participant], place: Option<&PlaceInfo>, c: &Cluster) -> String {
    let noun = match kind {
        EventKind::Meeting => "Meeting",
        EventKind::Talks => "Talks",
        EventKind::Summit => "Summit",
        EventKind::Conference => "Conference",
        EventKind::Call => "Call",
        EventKind::Visit => "Visit",
        EventKind::Statement => "Statement",
        EventKind::Agreement => "Agreement",
        EventKind::Exchange => "Exchange",
        EventKind::Military => "Start of the war",
        EventKind::Other => "Event",
    };
    let who = match people.len() {
        0 if kind == EventKind::Military || people.is_empty() => {
            let parties: Vec<&str> = c.parties.iter().map(String::as_str).collect();
            if parties.is_empty() { String::new() } else { format!(" ({})", parties.join(", ")) }
        }
        1 => format!(" of {}", people[0].name),
        2 => format!(" of {} and {}", people[0].name, people[1].name),
        _ => {
            let names: Vec<String> = people.iter().take(3).map(|p| surname(&p.name)).collect();
            let more = if people.len() > 3 { format!(" and {} more", people.len() - 3) } else { String::new() };
            format!(" of {}{}", names.join(", "), more)
        }
    };
    let at = place.map(|p| format!(" in {}", p.city.as_deref().unwrap_or(&p.name))).unwrap_or_default();
    format!("{noun}{who}{at}")
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A stable id from date, kind and names (`2025-07-10-meeting-rubio-lavrov-kuala-lumpur`),
/// numbered when two events would share one.
fn unique_id(e: &Event, seen: &mut BTreeMap<String, usize>) -> String {
    let date = e.date.as_ref().map(|d| d.value.clone()).unwrap_or_else(|| "undated".into());
    let mut who: Vec<String> = e.participants.iter().take(2).map(|p| slug(&surname(&p.name))).collect();
    if let Some(p) = &e.place {
        who.push(slug(p.city.as_deref().unwrap_or(&p.name)));
    }
    let base = slug(&format!("{date} {} {}", e.kind.as_str(), who.join(" ")));
    let n = seen.entry(base.clone()).or_default();
    *n += 1;
    if *n == 1 { base } else { format!("{base}-{n}") }
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::entities::Person;
    use crate::text::Span;

    pub fn person(name: &str) -> Person {
        Person { name: name.into(), role: None, country: None }
    }

    pub fn place(name: &str, city: Option<&str>, country: &str) -> Place {
        let kind = if city.is_some() { PlaceKind::City } else { PlaceKind::Country };
        Place { name: name.into(), kind, city: city.map(Into::into), country: Some(country.into()) }
    }

    pub fn mention(doc: &str, at: usize, kind: EventKind, people: &[&str], place: Option<Place>, date: Option<PartialDate>, status: Status) -> EventMention {
        let text = " ".repeat(1000);
        EventMention {
            document: doc.into(),
            kind,
            status,
            status_explicit: true,
            participants: people.iter().map(|p| person(p)).collect(),
            parties: Vec::new(),
            place,
            date,
            end: None,
            sentence: Span::new(&text, at, at + 10).unwrap(),
            trigger: Span::new(&text, at, at + 3).unwrap(),
            date_span: None,
            unresolved_date: None,
            onset: false,
            antecedent: None,
            round: None,
        }
    }

    pub fn docs(list: &[(&str, &str)]) -> Vec<DocumentInfo> {
        list.iter()
            .map(|(id, p)| DocumentInfo {
                id: id.to_string(),
                path: id.to_string(),
                title: None,
                source: None,
                url: None,
                author: None,
                published: Some(p.to_string()),
            })
            .collect()
    }

}

#[cfg(test)]
mod tests {
    use super::tests_support::*;
    use super::*;

    #[test]
    fn merges_across_articles_and_keeps_separate_meetings_apart() {
        let d = docs(&[("a", "2024-03-06"), ("b", "2024-07-12"), ("c", "2024-07-11")]);
        let mentions = vec![
            // a: the March meeting in Brazil, to the day.
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], Some(place("Brazil", None, "Brazil")), PartialDate::ymd(2024, 3, 5), Status::Held),
            // b: the July meeting in Lima, by weekday; and a recall of March.
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], Some(place("Lima", Some("Lima"), "Peru")), PartialDate::ymd(2024, 7, 11), Status::Held),
            mention("b", 50, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], Some(place("Brazil", None, "Brazil")), PartialDate::month(2024, 3), Status::Held),
            // c: the July meeting named by its city only, as talks.
            mention("c", 0, EventKind::Talks, &["Li Wei"], Some(place("Lima", Some("Lima"), "Peru")), None, Status::Unknown),
        ];
        let (events, _) = merge(mentions, &d);
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2024-03-05");
        assert_eq!(events[0].sources.len(), 2);
        assert_eq!(events[1].date.as_ref().unwrap().value, "2024-07-11");
        assert_eq!(events[1].place.as_ref().unwrap().city.as_deref(), Some("Lima"));
        // One source says meeting, one talks: the more telling kind wins the tie.
        assert_eq!(events[1].kind, EventKind::Talks);
        let docs1: BTreeSet<&str> = events[1].sources.iter().map(|s| s.document.as_str()).collect();
        assert_eq!(docs1, BTreeSet::from(["b", "c"]));
    }

    #[test]
    fn bilateral_meetings_with_different_people_stay_apart() {
        let d = docs(&[("a", "2024-03-06")]);
        let lima = || Some(place("Lima", Some("Lima"), "Peru"));
        let day = PartialDate::ymd(2024, 3, 5);
        let mentions = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], lima(), day, Status::Held),
            mention("a", 20, EventKind::Meeting, &["Joe Bloggs", "Kim Lee"], lima(), day, Status::Held),
        ];
        assert_eq!(merge(mentions, &d).0.len(), 2);
    }

    #[test]
    fn latest_source_sets_status_and_conflicting_dates_are_findings() {
        let d = docs(&[("a", "2024-03-01"), ("b", "2024-03-09"), ("c", "2024-03-10")]);
        let geneva = || Some(place("Geneva", Some("Geneva"), "Switzerland"));
        let mentions = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz"], geneva(), PartialDate::ymd(2024, 3, 8), Status::Planned),
            mention("b", 0, EventKind::Talks, &["Ana Ruiz"], geneva(), PartialDate::ymd(2024, 3, 8), Status::Held),
            mention("c", 0, EventKind::Talks, &["Ana Ruiz"], geneva(), PartialDate::month(2024, 3), Status::Held),
        ];
        let (events, findings) = merge(mentions, &d);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].status, Status::Held);
        assert!(findings.iter().all(|f| f.kind != FindingKind::DateConflict));

        let onset = |doc: &str, date| {
            let mut m = mention(doc, 0, EventKind::Military, &[], None, date, Status::Held);
            m.onset = true;
            m.parties = vec!["Ruritania".into()];
            m
        };
        let mentions = vec![onset("a", PartialDate::year(2019)), onset("b", PartialDate::year(2019)), onset("c", PartialDate::ymd(2021, 2, 3))];
        let (events, findings) = merge(mentions, &d);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2019");
        let conflict = findings.iter().find(|f| f.kind == FindingKind::DateConflict).expect("a date conflict");
        assert_eq!(conflict.events, vec![events[0].id.clone()]);
        assert_eq!(conflict.documents, vec!["a", "b", "c"]);
        assert!(conflict.message.contains("2021-02-03"));
    }

    #[test]
    fn output_does_not_depend_on_mention_order() {
        let d = docs(&[("a", "2024-03-06"), ("b", "2024-07-12")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], Some(place("Brazil", None, "Brazil")), PartialDate::ymd(2024, 3, 5), Status::Held),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], Some(place("Lima", Some("Lima"), "Peru")), PartialDate::ymd(2024, 7, 11), Status::Held),
            mention("b", 50, EventKind::Meeting, &["Ana Ruiz"], None, None, Status::Held),
        ];
        let forward = merge(ms.clone(), &d);
        let mut rev = ms;
        rev.reverse();
        // The pipeline always hands mentions over sorted by document; sort like it does.
        rev.sort_by(|a, b| (&a.document, a.sentence).cmp(&(&b.document, b.sentence)));
        assert_eq!(forward, merge(rev, &d));
    }
}

#[cfg(test)]
mod more_tests {
    use super::tests_support::*;
    use super::*;

    #[test]
    fn a_meeting_that_slipped_a_day_is_one_event_with_a_finding() {
        let d = docs(&[("a", "2025-04-10"), ("b", "2025-04-12")]);
        let muscat = || Some(place("Muscat", Some("Muscat"), "Oman"));
        let mentions = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], muscat(), PartialDate::ymd(2025, 4, 10), Status::Planned),
            mention("b", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], muscat(), PartialDate::ymd(2025, 4, 11), Status::Held),
        ];
        let (events, findings) = merge(mentions, &d);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2025-04-11");
        assert_eq!(events[0].status, Status::Held);
        assert!(findings.iter().any(|f| f.kind == FindingKind::Rescheduled && f.events == vec![events[0].id.clone()]), "{findings:#?}");
        assert!(findings.iter().all(|f| f.kind != FindingKind::DateConflict));
    }

    #[test]
    fn rounds_stay_apart() {
        let d = docs(&[("a", "2025-06-10")]);
        let city = || Some(place("Istanbul", Some("Istanbul"), "Turkey"));
        let mut first = mention("a", 0, EventKind::Talks, &["Ana Ruiz"], city(), PartialDate::month(2025, 5), Status::Held);
        first.round = Some(1);
        let mut second = mention("a", 30, EventKind::Talks, &["Ana Ruiz"], city(), PartialDate::month(2025, 5), Status::Held);
        second.round = Some(2);
        assert_eq!(merge(vec![first, second], &d).0.len(), 2);
    }

    #[test]
    fn talks_reported_on_consecutive_days_span_them() {
        let d = docs(&[("a", "2025-06-11")]);
        let london = || Some(place("London", Some("London"), "United Kingdom"));
        let mentions = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz"], london(), PartialDate::ymd(2025, 6, 9), Status::Held),
            mention("a", 40, EventKind::Talks, &["Ana Ruiz", "Li Wei"], london(), PartialDate::ymd(2025, 6, 10), Status::Held),
        ];
        let (events, findings) = merge(mentions, &d);
        assert_eq!(events.len(), 1, "{events:#?}");
        let date = events[0].date.as_ref().unwrap();
        assert_eq!((date.value.as_str(), date.end.as_deref()), ("2025-06-09", Some("2025-06-10")));
        assert!(findings.iter().all(|f| f.kind != FindingKind::DateConflict), "{findings:#?}");
    }

    #[test]
    fn one_to_one_meetings_on_consecutive_days_stay_apart() {
        let d = docs(&[("a", "2024-10-25")]);
        let kazan = || Some(place("Kazan", Some("Kazan"), "Russia"));
        let mentions = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], kazan(), PartialDate::ymd(2024, 10, 22), Status::Held),
            mention("a", 40, EventKind::Meeting, &["Ana Ruiz", "Joe Bloggs"], kazan(), PartialDate::ymd(2024, 10, 23), Status::Held),
        ];
        assert_eq!(merge(mentions, &d).0.len(), 2);
    }

    #[test]
    fn a_summit_previewed_and_reported_on_its_second_day_is_one_summit() {
        let d = docs(&[("a", "2025-06-14"), ("b", "2025-06-17")]);
        let city = || Some(place("Banff", Some("Banff"), "Canada"));
        let mentions = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz"], city(), PartialDate::ymd(2025, 6, 15), Status::Planned),
            mention("b", 0, EventKind::Summit, &["Ana Ruiz", "Li Wei"], city(), PartialDate::ymd(2025, 6, 16), Status::Held),
        ];
        let (events, findings) = merge(mentions, &d);
        assert_eq!(events.len(), 1, "{events:#?}");
        let date = events[0].date.as_ref().unwrap();
        assert_eq!((date.value.as_str(), date.end.as_deref()), ("2025-06-15", Some("2025-06-16")));
        assert_eq!(events[0].status, Status::Held);
        assert!(findings.iter().all(|f| f.kind != FindingKind::DateConflict), "{findings:#?}");
    }
}

#[cfg(test)]
mod rule_tests {
    use super::tests_support::*;
    use super::*;

    fn one(d: &[DocumentInfo], ms: Vec<EventMention>) -> (Vec<Event>, Vec<Finding>) {
        let (events, findings) = merge(ms.clone(), d);
        let mut rev = ms;
        rev.reverse();
        rev.sort_by(|a, b| (&a.document, a.sentence).cmp(&(&b.document, b.sentence)));
        assert_eq!((events.clone(), findings.clone()), merge(rev, d), "order changed the output");
        (events, findings)
    }

    fn city(name: &str, country: &str) -> Option<Place> {
        Some(place(name, Some(name), country))
    }

    #[test]
    fn a_recall_to_the_month_needs_its_people_to_join_a_dated_event() {
        let d = docs(&[("a", "2025-04-20"), ("b", "2025-06-25")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], city("Lucca", "Italy"), PartialDate::ymd(2025, 4, 19), Status::Held),
            // Ruiz met someone else in Lucca that month: not the talks.
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Lucca", "Italy"), PartialDate::month(2025, 4), Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 2);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], city("Lucca", "Italy"), PartialDate::ymd(2025, 4, 19), Status::Held),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], city("Lucca", "Italy"), PartialDate::month(2025, 4), Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 1);
    }

    #[test]
    fn a_mistyped_year_loses_to_the_day_reported_as_it_happened() {
        let d = docs(&[("a", "2025-05-16"), ("b", "2025-06-03")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], city("Izmir", "Turkey"), PartialDate::ymd(2025, 5, 16), Status::Held),
            mention("b", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], city("Izmir", "Turkey"), PartialDate::ymd(2024, 5, 16), Status::Held),
        ];
        let (events, findings) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].date.as_ref().unwrap().value, "2025-05-16");
        let conflict = findings.iter().find(|f| f.kind == FindingKind::DateConflict).expect("a date conflict");
        assert!(conflict.message.contains("2024-05-16"), "{conflict:?}");
    }

    #[test]
    fn a_visit_and_the_meeting_on_its_day_are_one_event() {
        let d = docs(&[("a", "2025-03-01"), ("b", "2025-03-06")]);
        let ms = vec![
            mention("a", 0, EventKind::Visit, &["Ana Ruiz"], city("Lima", "Peru"), PartialDate::ymd(2025, 2, 28), Status::Held),
            mention("a", 40, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], None, PartialDate::ymd(2025, 2, 28), Status::Held),
            // A week later the two meet again: another event.
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], None, PartialDate::ymd(2025, 3, 5), Status::Held),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 2, "{events:#?}");
        assert_eq!(events[0].sources.len(), 2);
    }

    #[test]
    fn an_agreement_joins_the_talks_of_its_date_but_not_a_deal_ending_longer_talks() {
        let d = docs(&[("a", "2025-07-10"), ("b", "2025-08-09")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Li Wei"], city("Muscat", "Oman"), PartialDate::month(2025, 3), Status::Held),
            mention("b", 0, EventKind::Agreement, &["Li Wei", "Bo Chen"], None, PartialDate::month(2025, 3), Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 1);

        let d = docs(&[("a", "2025-10-06"), ("b", "2025-10-09")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz"], city("Aqaba", "Jordan"), PartialDate::ymd(2025, 10, 6), Status::Held),
            mention("b", 0, EventKind::Talks, &["Ana Ruiz"], city("Aqaba", "Jordan"), PartialDate::ymd(2025, 10, 8), Status::Held),
            mention("b", 40, EventKind::Agreement, &["Ana Ruiz"], city("Aqaba", "Jordan"), PartialDate::ymd(2025, 10, 8), Status::Held),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 2, "{events:#?}");
    }

    #[test]
    fn two_meetings_of_one_pair_on_two_days_stay_two() {
        let d = docs(&[("a", "2025-03-01"), ("b", "2025-03-02")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], None, PartialDate::ymd(2025, 2, 28), Status::Held),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], None, PartialDate::ymd(2025, 3, 1), Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 2);
    }

    #[test]
    fn a_summit_of_two_leaders_is_their_meeting_but_a_sideline_meeting_is_not() {
        let d = docs(&[("a", "2025-08-09"), ("b", "2025-08-16")]);
        // A country and a city in it can be one place (a region and a city cannot: see
        // events::places_compatible).
        let region = Some(Place { name: "Canada".into(), kind: PlaceKind::Country, city: None, country: Some("Canada".into()) });
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Li Wei"], region, PartialDate::ymd(2025, 8, 15), Status::Planned),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], city("Whitehorse", "Canada"), PartialDate::ymd(2025, 8, 15), Status::Held),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);

        let d = docs(&[("a", "2024-10-23")]);
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz"], city("Kazan", "Russia"), PartialDate::ymd(2024, 10, 22), Status::Held),
            mention("a", 40, EventKind::Meeting, &["Ana Ruiz", "Li Wei"], city("Kazan", "Russia"), PartialDate::ymd(2024, 10, 22), Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 2);
    }

    #[test]
    fn a_dinner_for_the_leaders_is_the_summit_a_pair_meeting_is_not() {
        let d = docs(&[("a", "2025-06-25")]);
        let hague = || city("Utrecht", "Netherlands");
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 25), Status::Held),
            mention("a", 40, EventKind::Meeting, &["Bo Chen", "Li Wei", "Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 24), Status::Held),
            mention("a", 80, EventKind::Meeting, &["Li Wei", "Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 25), Status::Held),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 2, "{events:#?}");
        let summit = events.iter().find(|e| e.kind == EventKind::Summit).expect("the summit");
        assert_eq!(summit.sources.len(), 2);
    }

    #[test]
    fn a_linked_mention_without_evidence_does_not_block_its_group() {
        let d = docs(&[("a", "2025-06-15"), ("b", "2025-06-17")]);
        let mut opens = mention("a", 0, EventKind::Summit, &["Ana Ruiz"], city("Banff", "Canada"), PartialDate::ymd(2025, 6, 15), Status::Held);
        opens.end = PartialDate::ymd(2025, 6, 17);
        opens.parties = vec!["G7".into()];
        let mut left = mention("b", 0, EventKind::Summit, &["Li Wei"], None, PartialDate::ymd(2025, 6, 16), Status::Held);
        left.parties = vec!["G7".into()];
        let mut again = mention("b", 40, EventKind::Summit, &["Li Wei"], None, PartialDate::ymd(2025, 6, 16), Status::Held);
        again.parties = vec!["Ruritania".into()];
        again.antecedent = Some(0);
        let (events, _) = one(&d, vec![opens, left, again]);
        assert_eq!(events.len(), 1, "{events:#?}");
    }

    #[test]
    fn each_sides_delegates_named_by_different_articles_are_one_meeting() {
        let d = docs(&[("a", "2025-06-07"), ("b", "2025-06-10")]);
        let london = || city("London", "United Kingdom");
        let mut planned = mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], london(), PartialDate::ymd(2025, 6, 9), Status::Planned);
        planned.parties = vec!["Peru".into(), "China".into()];
        let mut held = mention("b", 0, EventKind::Meeting, &["Li Wei"], london(), PartialDate::ymd(2025, 6, 9), Status::Held);
        held.participants[0].country = Some("China".into());
        let (events, _) = one(&d, vec![planned.clone(), held.clone()]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        // A third country's delegate is another meeting.
        held.participants[0].country = Some("Chile".into());
        assert_eq!(one(&d, vec![planned, held]).0.len(), 2);
    }

    #[test]
    fn a_preview_of_a_middle_day_joins_talks_held_around_it() {
        let d = docs(&[("a", "2025-10-06"), ("b", "2025-10-09")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz"], city("Aqaba", "Jordan"), PartialDate::ymd(2025, 10, 6), Status::Held),
            mention("a", 40, EventKind::Talks, &["Bo Chen"], None, PartialDate::ymd(2025, 10, 7), Status::Planned),
            mention("b", 0, EventKind::Talks, &["Ana Ruiz"], city("Aqaba", "Jordan"), PartialDate::ymd(2025, 10, 8), Status::Held),
        ];
        let (events, findings) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        let date = events[0].date.as_ref().unwrap();
        assert_eq!((date.value.as_str(), date.end.as_deref()), ("2025-10-06", Some("2025-10-08")));
        assert!(findings.iter().all(|f| f.kind != FindingKind::DateConflict && f.kind != FindingKind::Rescheduled), "{findings:#?}");
    }

    #[test]
    fn a_plan_told_after_the_day_gives_way_to_what_happened() {
        let d = docs(&[("a", "2025-02-17"), ("b", "2025-02-18"), ("c", "2025-05-14")]);
        let ankara = || city("Ankara", "Turkey");
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Planned),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Held),
            // Months later, "the meeting had been expected on 18 February": stale.
            mention("c", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Planned),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        // A plan alone, even told late, is still what the sources say.
        let ms = vec![mention("c", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Planned)];
        assert_eq!(one(&d, ms).0[0].status, Status::Planned);
        // A later cancellation still beats an earlier report that it was held.
        let ms = vec![
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Held),
            mention("c", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], ankara(), PartialDate::ymd(2025, 2, 18), Status::Cancelled),
        ];
        assert_eq!(one(&d, ms).0[0].status, Status::Cancelled);
    }

    #[test]
    fn one_article_saying_a_meeting_did_and_did_not_happen_tells_of_two() {
        let d = docs(&[("a", "2025-06-17")]);
        let day = PartialDate::ymd(2025, 6, 17);
        let ms = vec![
            // "The meeting with Chen planned for Tuesday did not take place."
            mention("a", 0, EventKind::Meeting, &["Bo Chen"], None, day, Status::Cancelled),
            // "Chen did meet Ruiz on Tuesday morning."
            mention("a", 40, EventKind::Meeting, &["Bo Chen", "Ana Ruiz"], None, day, Status::Held),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 2, "{events:#?}");
        let mut statuses: Vec<Status> = events.iter().map(|e| e.status).collect();
        statuses.sort_by_key(|s| s.weight());
        assert_eq!(statuses, vec![Status::Held, Status::Cancelled]);
        // In two articles, a report that it was held and a later one that it was
        // called off are one event.
        let d = docs(&[("a", "2025-06-16"), ("b", "2025-06-18")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Bo Chen", "Ana Ruiz"], None, day, Status::Held),
            mention("b", 0, EventKind::Meeting, &["Bo Chen", "Ana Ruiz"], None, day, Status::Cancelled),
        ];
        assert_eq!(one(&d, ms).0.len(), 1);
    }

    #[test]
    fn an_undated_meeting_of_two_leaders_is_their_summit_in_that_city() {
        let d = docs(&[("a", "2025-10-16"), ("b", "2025-10-21"), ("c", "2025-10-23")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), None, Status::Planned),
            mention("b", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), PartialDate::month(2025, 10), Status::Postponed),
            mention("c", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), None, Status::Cancelled),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Cancelled);
        // Somewhere else, or with a third leader, it is another event.
        let ms = vec![
            mention("b", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), PartialDate::month(2025, 10), Status::Postponed),
            mention("c", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Linz", "Austria"), None, Status::Cancelled),
        ];
        assert_eq!(one(&d, ms).0.len(), 2);
    }

    #[test]
    fn a_report_of_a_summit_joins_the_summit_before_the_deal_it_reached() {
        let d = docs(&[("a", "2025-06-23"), ("b", "2025-06-25")]);
        let hague = || city("Delft", "Netherlands");
        let mut second_day = mention("a", 40, EventKind::Summit, &["Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 25), Status::Planned);
        second_day.antecedent = Some(0);
        let ms = vec![
            // "Leaders will meet in Delft on Tuesday and Wednesday for a summit."
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 24), Status::Planned),
            second_day,
            // "Leaders agreed on Wednesday ... at a short summit in Delft."
            mention("b", 0, EventKind::Agreement, &["Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 25), Status::Held),
            mention("b", 1, EventKind::Summit, &["Ana Ruiz"], hague(), PartialDate::ymd(2025, 6, 25), Status::Held),
        ];
        let (events, _) = one(&d, ms);
        let summits: Vec<&Event> = events.iter().filter(|e| e.kind != EventKind::Agreement).collect();
        assert_eq!(summits.len(), 1, "{events:#?}");
        assert_eq!(summits[0].status, Status::Held);
        assert_eq!(summits[0].sources.len(), 3);
    }

    #[test]
    fn a_report_naming_no_third_party_joins_with_the_report_it_is_linked_to() {
        let d = docs(&[("a", "2025-03-19"), ("b", "2025-03-22")]);
        let day = PartialDate::ymd(2025, 3, 18);
        let mut agreed = mention("a", 0, EventKind::Agreement, &["Bo Chen"], None, day, Status::Held);
        agreed.parties = vec!["Ruritania".into(), "Freedonia".into()];
        let mut again = mention("b", 40, EventKind::Call, &[], None, day, Status::Held);
        again.participants = vec![crate::entities::Person { name: "Ana Ruiz".into(), role: None, country: Some("Freedonia".into()) }];
        again.antecedent = Some(0);
        let ms = vec![
            agreed,
            // "the moratorium Chen agreed in Tuesday's call", then "Tuesday's call"
            // told with Ruiz, whose side took part.
            mention("b", 0, EventKind::Call, &["Bo Chen", "Cy Diaz"], None, day, Status::Held),
            again,
        ];
        let (events, _) = one(&d, ms.clone());
        assert_eq!(events.len(), 1, "{events:#?}");
        // Alone, the report naming only Ruiz proves nothing.
        let lone = vec![ms[0].clone(), { let mut m = ms[2].clone(); m.antecedent = None; m }];
        assert_eq!(one(&d, lone).0.len(), 2);
    }

    #[test]
    fn the_same_two_people_in_a_region_and_a_city_of_its_country_meet_once() {
        let d = docs(&[("a", "2025-08-09"), ("b", "2025-08-16")]);
        let region = || Some(Place { name: "Yukon".into(), kind: PlaceKind::Region, city: None, country: Some("Canada".into()) });
        let base = || Some(Place { name: "Camp Nord".into(), kind: PlaceKind::Venue, city: Some("Whitehorse".into()), country: Some("Canada".into()) });
        let day = PartialDate::ymd(2025, 8, 15);
        let mut linked = mention("b", 40, EventKind::Meeting, &["Ana Ruiz"], base(), None, Status::Unknown);
        linked.antecedent = Some(0);
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], region(), day, Status::Planned),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], base(), day, Status::Held),
            linked,
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        // One of them meeting someone else there that day is another meeting.
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], region(), day, Status::Planned),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Cy Diaz"], base(), day, Status::Held),
        ];
        assert_eq!(one(&d, ms).0.len(), 2);
    }

    #[test]
    fn talks_previewed_for_a_day_and_reported_into_the_next_by_the_other_side_are_one() {
        let d = docs(&[("a", "2025-06-07"), ("b", "2025-06-11")]);
        let person = |name: &str, country: &str| crate::entities::Person { name: name.into(), role: None, country: Some(country.into()) };
        let mut preview = mention("a", 0, EventKind::Talks, &[], city("Leeds", "United Kingdom"), PartialDate::ymd(2025, 6, 9), Status::Planned);
        preview.participants = vec![person("Ana Ruiz", "Ruritania"), person("Bo Chen", "Freedonia")];
        let mut began = mention("b", 0, EventKind::Talks, &[], city("Leeds", "United Kingdom"), PartialDate::ymd(2025, 6, 9), Status::Held);
        began.participants = vec![person("Bo Chen", "Freedonia")];
        let mut ran = mention("b", 40, EventKind::Talks, &[], city("Leeds", "United Kingdom"), PartialDate::ymd(2025, 6, 10), Status::Held);
        ran.status_explicit = false;
        ran.participants = vec![person("Cy Diaz", "Ruritania"), person("Di Evans", "Freedonia")];
        let (events, _) = one(&d, vec![preview.clone(), began.clone(), ran.clone()]);
        assert_eq!(events.len(), 1, "{events:#?}");
        let date = events[0].date.as_ref().unwrap();
        assert_eq!((date.value.as_str(), date.end.as_deref()), ("2025-06-09", Some("2025-06-10")));
        // Someone from a third country is other talks.
        ran.participants.push(person("Ed Fox", "Elbonia"));
        assert_eq!(one(&d, vec![preview, began, ran]).0.len(), 2);
    }

    #[test]
    fn a_later_mention_without_words_of_its_fate_does_not_undo_a_call_off() {
        let d = docs(&[("a", "2025-10-16"), ("b", "2025-10-22"), ("c", "2025-11-03")]);
        let day = PartialDate::ymd(2025, 10, 30);
        let mut recalled = mention("c", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), day, Status::Unknown);
        recalled.status_explicit = false;
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), day, Status::Planned),
            mention("b", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), day, Status::Cancelled),
            // "the Graz summit of 30 October": past by then, but no word that it took place.
            recalled.clone(),
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Cancelled);
        // Without the call-off, the date alone says it was held.
        let ms = vec![mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Graz", "Austria"), day, Status::Planned), recalled];
        assert_eq!(one(&d, ms).0[0].status, Status::Held);
    }

    #[test]
    fn talks_of_two_leaders_at_a_summit_over_several_days_are_their_own_event() {
        let d = docs(&[("a", "2024-10-23")]);
        let kazan = || city("Omsk", "Russia");
        let mut summit = mention("a", 0, EventKind::Summit, &["Bo Chen"], kazan(), PartialDate::ymd(2024, 10, 22), Status::Held);
        summit.end = PartialDate::ymd(2024, 10, 24);
        // "... shortly after arriving in Omsk", read as the summit with both names.
        let mut arriving = mention("a", 80, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], kazan(), PartialDate::ymd(2024, 10, 22), Status::Held);
        arriving.antecedent = Some(0);
        let ms = vec![
            summit,
            mention("a", 40, EventKind::Talks, &["Ana Ruiz", "Bo Chen"], kazan(), PartialDate::ymd(2024, 10, 22), Status::Held),
            arriving,
        ];
        let (events, _) = one(&d, ms);
        assert_eq!(events.len(), 2, "{events:#?}");
        assert!(events.iter().any(|e| e.kind == EventKind::Talks && e.sources.len() == 1));
    }

    #[test]
    fn talks_put_off_and_held_later_in_one_report_are_held() {
        let d = docs(&[("a", "2025-05-13"), ("b", "2025-05-17")]);
        let ms = vec![
            mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Bo Chen"], city("Izmir", "Turkey"), PartialDate::ymd(2025, 5, 15), Status::Planned),
            // "The talks, put off from Thursday, took place on Friday."
            mention("b", 0, EventKind::Talks, &["Ana Ruiz", "Bo Chen"], city("Izmir", "Turkey"), PartialDate::ymd(2025, 5, 15), Status::Postponed),
            mention("b", 40, EventKind::Talks, &["Ana Ruiz", "Bo Chen"], city("Izmir", "Turkey"), PartialDate::ymd(2025, 5, 16), Status::Held),
        ];
        let (events, findings) = one(&d, ms);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        assert_eq!(events[0].date.as_ref().unwrap().value, "2025-05-16");
        assert!(findings.iter().any(|f| f.kind == FindingKind::Rescheduled), "{findings:#?}");
    }

    #[test]
    fn an_undated_plan_is_not_of_an_event_already_past() {
        let d = docs(&[("a", "2025-02-18"), ("b", "2025-05-14")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Ankara", "Turkey"), PartialDate::ymd(2025, 2, 18), Status::Held),
            // Months later: "Ruiz is due to meet Chen in Ankara first."
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Ankara", "Turkey"), None, Status::Planned),
        ];
        let (events, _) = one(&d, ms.clone());
        assert_eq!(events.len(), 2, "{events:#?}");
        // Told before the day, the plan is of that meeting.
        let d = docs(&[("a", "2025-02-18"), ("b", "2025-02-16")]);
        assert_eq!(one(&d, ms).0.len(), 1);
    }
    #[test]
    fn an_undated_mention_does_not_join_an_event_years_from_its_article() {
        // "Albanese and Li met in Canberra" in a 2024 article is not the 2021 meeting
        // of the same two in Canberra, but may be the one of that year.
        let d = docs(&[("a", "2021-06-02"), ("b", "2024-06-18")]);
        let ms = vec![
            mention("a", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Canberra", "Australia"), PartialDate::ymd(2021, 6, 1), Status::Held),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Canberra", "Australia"), None, Status::Held),
        ];
        let (events, _) = one(&d, ms.clone());
        assert_eq!(events.len(), 2, "{events:#?}");
        assert!(events.iter().any(|e| e.date.is_none()));
        let d = docs(&[("a", "2021-06-02"), ("b", "2021-06-20")]);
        assert_eq!(one(&d, ms).0.len(), 1);
        // Nor is it their 2021 summit in that city, which it would join the same year.
        let ms = vec![
            mention("a", 0, EventKind::Summit, &["Ana Ruiz", "Bo Chen"], city("Canberra", "Australia"), PartialDate::month(2021, 6), Status::Held),
            mention("b", 0, EventKind::Meeting, &["Ana Ruiz", "Bo Chen"], city("Canberra", "Australia"), None, Status::Held),
        ];
        assert_eq!(one(&d, ms.clone()).0.len(), 1);
        let d = docs(&[("a", "2021-06-02"), ("b", "2024-06-18")]);
        assert_eq!(one(&d, ms).0.len(), 2);
    }

    #[test]
    fn an_undated_pair_with_one_foreign_leader_is_another_meeting_in_that_room() {
        // "Trump's Oval Office meeting with Ramaphosa" is not the Oval Office meeting
        // with Canada's prime minister reported to the day elsewhere.
        let d = docs(&[("a", "2025-05-06"), ("b", "2025-05-22")]);
        let who = |name: &str, country: &str| crate::entities::Person { name: name.into(), role: None, country: Some(country.into()) };
        let office = || Some(Place { name: "Oval Office".into(), kind: PlaceKind::Venue, city: Some("Washington".into()), country: Some("United States".into()) });
        let mut dated = mention("a", 0, EventKind::Meeting, &[], office(), PartialDate::ymd(2025, 5, 6), Status::Held);
        dated.participants = vec![who("Ana Ruiz", "United States"), who("Bo Chen", "Canada")];
        let mut other = mention("b", 0, EventKind::Meeting, &[], office(), None, Status::Held);
        other.participants = vec![who("Ana Ruiz", "United States"), who("Cy Diaz", "South Africa")];
        let (events, _) = one(&d, vec![dated.clone(), other.clone()]);
        assert_eq!(events.len(), 2, "{events:#?}");
        // The same pair, undated, is that meeting.
        other.participants = vec![who("Ana Ruiz", "United States"), who("Bo Chen", "Canada")];
        assert_eq!(one(&d, vec![dated, other]).0.len(), 1);
    }

    #[test]
    fn an_article_without_a_date_gives_no_day_unless_it_names_the_events_sides() {
        let mut d = docs(&[("a", "2024-07-10"), ("b", "2000-01-01")]);
        d[1].published = None;
        let who = |name: &str, country: &str| crate::entities::Person { name: name.into(), role: None, country: Some(country.into()) };
        let mut dated = mention("a", 0, EventKind::Meeting, &[], city("Ottawa", "Canada"), PartialDate::ymd(2024, 7, 9), Status::Held);
        dated.participants = vec![who("Ana Ruiz", "Canada"), who("Bo Chen", "Mexico")];
        dated.parties = vec!["Canada".into(), "Mexico".into()];
        // "The foreign ministers of four countries met in Ottawa on Tuesday": no one
        // named, so nothing ties it to the dated meeting in that city.
        let mut ministers = mention("b", 0, EventKind::Meeting, &[], city("Ottawa", "Canada"), None, Status::Held);
        ministers.parties = vec!["Canada".into(), "Chile".into(), "Peru".into()];
        let (events, _) = one(&d, vec![dated.clone(), ministers]);
        assert_eq!(events.len(), 2, "{events:#?}");
        assert!(events.iter().any(|e| e.date.is_none()));
        // Naming one of its people and nobody of another side, it is that meeting.
        let mut recalled = mention("b", 0, EventKind::Meeting, &[], city("Ottawa", "Canada"), None, Status::Held);
        recalled.participants = vec![who("Bo Chen", "Mexico")];
        assert_eq!(one(&d, vec![dated, recalled]).0.len(), 1);
    }
    #[test]
    fn two_people_of_one_side_on_a_summits_day_are_the_summit() {
        // "EU leaders will see the Korean president and then his prime minister in
        // Seoul on Thursday for the summit"; "the EU-Korea summit opened in Seoul".
        let d = docs(&[("a", "2025-09-08"), ("b", "2025-09-11")]);
        let who = |name: &str, country: &str| crate::entities::Person { name: name.into(), role: None, country: Some(country.into()) };
        let day = PartialDate::ymd(2025, 9, 11);
        let mut seen = mention("a", 0, EventKind::Meeting, &[], city("Seoul", "South Korea"), day, Status::Planned);
        seen.participants = vec![who("Min Park", "South Korea"), who("Jun Kim", "South Korea")];
        let mut summit = mention("b", 0, EventKind::Summit, &[], city("Seoul", "South Korea"), day, Status::Held);
        summit.participants = vec![who("Min Park", "South Korea")];
        let (events, _) = one(&d, vec![seen.clone(), summit.clone()]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        // Two leaders of two countries meeting that day are a meeting on its sidelines.
        seen.participants = vec![who("Min Park", "South Korea"), who("Aya Mori", "Japan")];
        assert_eq!(one(&d, vec![seen, summit]).0.len(), 2);
    }
    #[test]
    fn a_headline_naming_the_round_joins_that_round_whatever_its_tense() {
        // "Third round of Armenia-Azerbaijan border talks in Tbilisi ends" (headline,
        // undated), "the negotiators wrapped up the third round on Saturday", and
        // "there had been doubts about where the third round would be held".
        let d = docs(&[("a", "2025-03-16")]);
        let tbilisi = || city("Tbilisi", "Georgia");
        let mut headline = mention("a", 0, EventKind::Talks, &["Ana Ruiz", "Bo Chen"], tbilisi(), None, Status::Unknown);
        headline.status_explicit = false;
        headline.round = Some(3);
        let mut report = mention("a", 40, EventKind::Talks, &["Ana Ruiz"], None, PartialDate::ymd(2025, 3, 15), Status::Held);
        report.round = Some(3);
        let mut doubts = mention("a", 80, EventKind::Talks, &[], tbilisi(), None, Status::Planned);
        doubts.round = Some(3);
        doubts.antecedent = Some(0);
        let ms = vec![headline, report, doubts];
        let (events, _) = one(&d, ms.clone());
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].place.as_ref().map(|p| p.name.as_str()), Some("Tbilisi"));
        assert_eq!(events[0].status, Status::Held);
        // Another round of talks is another event.
        let mut other = ms;
        other[0].round = Some(4);
        other[2].round = Some(4);
        assert_eq!(one(&d, other).0.len(), 2);
    }
    #[test]
    fn a_preview_of_the_next_round_to_the_day_joins_that_round() {
        // "The next round will take place on Saturday" (round 2 by the article's count,
        // no one named), then "the second round ended in Tbilisi on Saturday".
        let d = docs(&[("a", "2025-03-10"), ("b", "2025-03-16")]);
        let mut preview = mention("a", 0, EventKind::Talks, &[], None, PartialDate::ymd(2025, 3, 15), Status::Planned);
        preview.round = Some(2);
        let mut held = mention("b", 0, EventKind::Talks, &["Ana Ruiz"], city("Tbilisi", "Georgia"), PartialDate::ymd(2025, 3, 15), Status::Held);
        held.round = Some(2);
        held.parties = vec!["Armenia".into(), "Azerbaijan".into()];
        let (events, _) = one(&d, vec![preview.clone(), held.clone()]);
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].status, Status::Held);
        assert_eq!(events[0].sources.len(), 2);
        // Round 2 of talks between other sides that day is another event.
        preview.parties = vec!["Serbia".into(), "Kosovo".into()];
        preview.participants = vec![crate::entities::Person { name: "Vuk Lazic".into(), role: None, country: Some("Serbia".into()) }];
        assert_eq!(one(&d, vec![preview, held]).0.len(), 2);
    }
    #[test]
    fn an_agreement_and_a_call_of_one_of_its_sides_that_day_are_one() {
        // "Thailand and Cambodia agreed on Monday to an immediate ceasefire"; "the
        // ceasefire was agreed in Monday's call of Cambodia's defence minister".
        let d = docs(&[("a", "2025-07-28"), ("b", "2025-07-30")]);
        let who = |name: &str, country: &str| crate::entities::Person { name: name.into(), role: None, country: Some(country.into()) };
        let day = PartialDate::ymd(2025, 7, 28);
        let mut agreed = mention("a", 0, EventKind::Agreement, &[], None, day, Status::Held);
        agreed.participants = vec![who("Ana Ruiz", "United States")];
        agreed.parties = vec!["Thailand".into(), "Cambodia".into()];
        let mut call = mention("b", 0, EventKind::Call, &[], None, day, Status::Held);
        call.participants = vec![who("Sok Chea", "Cambodia")];
        call.parties = vec!["Cambodia".into()];
        let (events, _) = one(&d, vec![agreed.clone(), call.clone()]);
        assert_eq!(events.len(), 1, "{events:#?}");
        // A call of a third country's minister that day is another event.
        call.participants.push(who("Lee Tan", "Singapore"));
        call.parties.push("Singapore".into());
        assert_eq!(one(&d, vec![agreed, call]).0.len(), 2);
    }
}
