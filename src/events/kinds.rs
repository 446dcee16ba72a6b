//! Events other than meetings: agreements, statements, exchanges of prisoners.
//!
//! News reports these differently from meetings. An agreement is mostly told by a verb
//! ("Israel and Hamas agreed on the first phase", "the two sides agreed to halt fire"),
//! and "agreed to meet" is a plan to meet, not an agreement. An exchange is told by
//! what happens to the people exchanged ("Hamas freed 20 hostages", "prisoners were
//! released"), not by the word "exchange". And these events are often dated by another:
//! "hours after the hostages were freed", "two days after the minister announced an
//! agreement", "Hours later, they signed a declaration"; or not dated at all when
//! leaders sign something at the summit the article reports.

use super::{EventKind, EventMention, Hit, Status, GROUP_ROLE};
use crate::dates::{PartialDate, Precision, TimexType};
use crate::text::Span;
use chrono::Duration;

/// Words after "agreed to" that make it a plan to meet or talk, not an agreement:
/// "agreed to meet", "agreed to hold talks", "agreed to disagree".
const PLAN_VERBS: &[&str] = &[
    "meet", "hold", "talk", "talks", "speak", "visit", "host", "attend", "resume", "continue", "sit", "travel", "negotiate",
    "discuss", "reconvene", "return", "disagree", "consider", "study", "explore", "keep", "work", "come", "go", "send", "call",
];

/// Words before a participle that make it an adjective ("an agreed line") or a denial
/// ("has not agreed").
const NOT_AGREED_BEFORE: &[&str] = &["a", "an", "the", "its", "their", "previously", "mutually", "not", "never", "yet", "nothing", "if"];

/// Whether "agree"/"agreed"/"agrees" at `start..end` reports an agreement reached.
pub(super) fn agreement_verb(text: &str, start: usize, end: usize) -> bool {
    let prev = super::words_before(text, start, 1).pop().unwrap_or_default();
    if NOT_AGREED_BEFORE.contains(&prev.as_str()) || prev.ends_with("n't") {
        return false;
    }
    let rest = text.get(end..).unwrap_or("");
    let words: Vec<String> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    let second = words.get(1).map(String::as_str).unwrap_or("");
    // "agreed with him", "agreed, saying": an opinion, or nothing said of what.
    if rest.trim_start().starts_with([',', '.', ';']) || matches!(first, "with" | "by" | "upon" | "") {
        return false;
    }
    if first == "to" && PLAN_VERBS.contains(&second) {
        return false;
    }
    // "The conversation ... was agreed when": an event arranged, not an agreement.
    if matches!(prev.as_str(), "was" | "were" | "been") {
        let clause_start = text[..start].rfind(['.', ';', '\n']).map_or(0, |i| i + 1);
        let subject = text[clause_start..start].to_ascii_lowercase();
        if subject.split(|c: char| !c.is_alphanumeric()).any(|w| ARRANGED.contains(&w)) {
            return false;
        }
    }
    true
}

/// Events that are arranged ("the meeting was agreed"), not agreements themselves.
const ARRANGED: &[&str] = &["talks", "meeting", "meetings", "conversation", "call", "visit", "summit", "round", "session", "contact"];

/// Verbs that release people held: with a captive near them, an exchange of prisoners.
const RELEASE_VERBS: &[&str] = &[
    "free", "frees", "freed", "freeing", "release", "releases", "released", "releasing", "swapped", "swap", "exchanged",
    "handed over", "hand over", "handed",
];

/// People held for exchange.
const CAPTIVES: &[&str] = &[
    "hostage", "hostages", "prisoner", "prisoners", "detainee", "detainees", "captive", "captives", "pows", "pow",
];

/// How many words around a release verb the captives may stand.
const CAPTIVE_AFTER: usize = 8;
const CAPTIVE_BEFORE: usize = 4;

/// Release verbs with captives near them ("Hamas freed the last 20 living hostages",
/// "90 prisoners were released", "were handed to the Red Cross"): an exchange.
pub(super) fn release_hits(text: &str) -> Vec<Hit> {
    // One pass over the text for all the verbs, longest first ("handed over").
    static VERBS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(RELEASE_VERBS)
            .ok()
    });
    let mut out: Vec<Hit> = Vec::new();
    let Some(verbs) = VERBS.as_ref() else { return out };
    let lower = text.to_ascii_lowercase();
    for m in verbs.find_iter(text) {
        let Some(verb) = RELEASE_VERBS.get(m.pattern().as_usize()) else { continue };
        {
            let (i, end) = (m.start(), m.end());
            if !super::whole_word(text, i, end) || out.iter().any(|h| h.span.start() <= i && i < h.span.end()) {
                continue;
            }
            let Some(span) = Span::new(text, i, end) else { continue };
            // Words up to the end of the clause after the verb, and back to its start before it.
            let after_text = lower.get(end..).unwrap_or("");
            let after_text = after_text.split(['.', ';', ':', '!', '?']).next().unwrap_or("");
            let after: Vec<&str> = after_text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(CAPTIVE_AFTER).collect();
            let before_text = lower.get(..i).unwrap_or("");
            let before_text = before_text.rsplit(['.', ';', ':', '!', '?', ',']).next().unwrap_or("");
            let before: Vec<&str> = before_text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(CAPTIVE_BEFORE).collect();
            // "talks focused on releasing the hostages": a topic, not an event.
            let topic = verb.ends_with("ing") && before.first().is_some_and(|w| matches!(*w, "for" | "on" | "about" | "of" | "over" | "toward" | "towards" | "to"));
            if topic {
                continue;
            }
            // "the release of", "released a statement": only people make an exchange.
            let captive = after.iter().chain(before.iter()).any(|w| CAPTIVES.contains(w));
            // "were handed to the Red Cross": the way hostages are given back.
            let red_cross = verb.starts_with("hand") && after_text.contains("red cross");
            // A bare "handed" counts only with the Red Cross ("handed over" counts with captives).
            if red_cross || captive && *verb != "handed" {
                out.push(Hit { span, kind: EventKind::Exchange, form: super::Form::Verb });
            }
        }
    }
    out.sort_by_key(|h| h.span.start());
    out
}

/// Phrases before an event that put it on the day of another told in the same
/// sentence: "hours after Hamas freed the hostages", "shortly after arriving".
const SAME_DAY_AFTER: &[&str] = &["hours after", "hours before", "minutes after", "minutes before", "shortly after", "shortly before", "soon after", "moments after"];

/// Phrases opening a sentence that keep the day of the sentence before: "Hours later,".
const SAME_DAY_OPENERS: &[&str] = &[
    "hours later", "minutes later", "later that day", "later the same day", "later in the day", "earlier in the day",
    "earlier that day", "that evening", "that night", "that afternoon", "the same day", "on the same day", "shortly afterwards",
    "shortly after", "moments later",
];

/// The day of mention `i`, following its chain of references back to the first
/// mention that has one.
fn day_of(out: &[EventMention], mut i: usize) -> Option<PartialDate> {
    for _ in 0..=out.len() {
        let m = out.get(i)?;
        if let Some(d) = m.date.filter(|d| d.precision() == Precision::Day) {
            return Some(d);
        }
        match m.antecedent {
            Some(a) if a < i => i = a,
            _ => return None,
        }
    }
    None
}

/// Date events by their relation to another event of the same or the previous
/// sentence: "hours after X", "Hours later, Y", "two days after Z". Only a mention
/// without a day of its own is dated this way; a mention so dated is kept.
pub(super) fn relative_days(a: &super::Analysis<'_>, out: &mut [EventMention], keep: &mut [bool]) {
    let text = a.doc.text.as_str();
    for k in 0..out.len() {
        if out[k].date.is_some_and(|d| d.precision() == Precision::Day) || out[k].onset || out[k].antecedent.is_some() {
            continue;
        }
        let trigger = out[k].trigger;
        let sentence = out[k].sentence;
        let lead = text.get(sentence.start()..trigger.start()).unwrap_or("").to_ascii_lowercase();
        let governing_before = |out: &[EventMention]| {
            (0..k).rev().find(|&j| out[j].sentence == sentence && out[j].trigger.end() <= trigger.start())
        };
        let mut found: Option<PartialDate> = None;
        // "N days after <event>": the governing event's day less N.
        let offset = a.timexes.iter().filter(|t| t.kind == TimexType::Duration && sentence.contains(t.span) && t.span.end() <= trigger.start()).find_map(|t| {
            let between = text.get(t.span.end()..trigger.start())?.to_ascii_lowercase();
            let sign = if between.trim_start().starts_with("after ") {
                -1
            } else if between.trim_start().starts_with("before ") {
                1
            } else {
                return None;
            };
            let gap = between.trim_start().split_once(' ').map_or("", |(_, r)| r);
            let days: i64 = t.value.strip_prefix('P')?.strip_suffix('D')?.parse().ok()?;
            (gap.split_whitespace().count() <= 8 && (1..=14).contains(&days)).then_some((sign * days, t.span.end()))
        });
        let tail = lead.trim_end();
        let same_day = SAME_DAY_AFTER.iter().any(|p| {
            tail.rfind(p).is_some_and(|at| lead.get(at + p.len()..).is_some_and(|gap| gap.split_whitespace().count() <= 6))
        });
        if offset.is_some() || same_day {
            if let Some(j) = governing_before(out)
                && let Some(d) = day_of(out, j).and_then(|d| d.as_day()) {
                    // "The meeting came two days after X was announced": the governing
                    // event comes first and X lies N days before it. "Two days after X,
                    // Y ...": X is inside the "after" phrase and Y lies N days after it.
                    let shift = match offset {
                        Some((n, after_duration)) if out[j].trigger.start() >= after_duration => -n,
                        Some((n, _)) => n,
                        None => 0,
                    };
                    found = Some(PartialDate::day(d + Duration::days(shift)));
                }
        } else if SAME_DAY_OPENERS.iter().any(|p| lead.trim_start().starts_with(p) && lead.trim_start()[p.len()..].starts_with([',', ' ']))
            || told_within_the_day(text, sentence, a, k, out)
        {
            // The last event of the sentences before with a day.
            found = (0..k).rev().filter(|&j| out[j].sentence.end() <= sentence.start()).find_map(|j| day_of(out, j));
        } else if let Some(d) = last_day_of_the_event_before(text, sentence, a, k, out) {
            found = Some(d);
            // The last day of a gathering is spent where the gathering is.
            let gathering = (0..k)
                .rev()
                .filter(|&j| out[j].sentence.end() <= sentence.start() && matches!(out[j].kind, EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Conference))
                .find_map(|j| out[j].place.clone());
            if out[k].place.is_none() {
                out[k].place = gathering;
            }
        } else if then_of_the_sentence_before(sentence, &lead, a) {
            // Only the sentence just before: "then" runs on from the event it tells.
            let before = crate::text::sentence_at(a.sentences, sentence.start()).and_then(|i| i.checked_sub(1)).and_then(|i| a.sentences.get(i)).map(|s| s.span);
            let from = (0..k).rev().filter(|&j| Some(out[j].sentence) == before).find(|&j| day_of(out, j).is_some());
            found = from.and_then(|j| day_of(out, j));
            // "Trump met Sharaa in Riyadh on Wednesday ... Trump then sat down with the
            // Gulf leaders at a summit": where the story was, unless the event travels.
            let place = from.and_then(|j| out[j].place.clone());
            if out[k].place.is_none() && out[k].kind != EventKind::Visit && out[k].kind != EventKind::Call {
                out[k].place = place;
            }
        }
        if let (Some(d), Some(dct)) = (found, a.doc.published) {
            let m = &mut out[k];
            m.date = Some(d);
            m.end = None;
            m.date_span = None;
            if !m.status_explicit {
                let day = d.first();
                m.status = if day < dct { Status::Held } else if day > dct { Status::Planned } else { m.status };
            }
            let actors = !m.participants.is_empty() || !m.parties.is_empty();
            if let Some(kk) = keep.get_mut(k) {
                *kk = *kk || actors;
            }
        } else if let Some(d) = found {
            out[k].date = Some(d);
        }
    }
}

/// Leaders who sign a document in a report on a summit they attend sign it there: an
/// agreement or statement with no date of its own, whose people are among the
/// summit's, takes the summit's day and place. "The four leaders signed a declaration
/// as guarantors" in a report on the summit of that day.
pub(super) fn signed_at_summit(out: &mut [EventMention], keep: &mut [bool]) {
    let is_person = |p: &crate::entities::Person| p.role.as_deref() != Some(GROUP_ROLE);
    let summits: Vec<(PartialDate, Option<PartialDate>, Option<crate::entities::Place>, Vec<String>)> = out
        .iter()
        .filter(|m| matches!(m.kind, EventKind::Summit | EventKind::Conference) && m.status != Status::Planned)
        .filter_map(|m| {
            let d = m.date.filter(|d| d.precision() == Precision::Day)?;
            Some((d, m.end, m.place.clone(), m.participants.iter().filter(|p| is_person(p)).map(|p| p.name.clone()).collect()))
        })
        .collect();
    for (k, m) in out.iter_mut().enumerate() {
        if !matches!(m.kind, EventKind::Agreement | EventKind::Statement) || m.date.is_some() || m.unresolved_date.is_some() || m.status == Status::Planned {
            continue;
        }
        let people: Vec<&str> = m.participants.iter().filter(|p| is_person(p)).map(|p| p.name.as_str()).collect();
        if people.len() < 2 {
            continue;
        }
        let shared = |names: &Vec<String>| people.iter().filter(|p| names.iter().any(|n| n == *p)).count();
        // One summit the signers attend: two at once leave the day unknown.
        let attended: Vec<_> = summits.iter().filter(|(.., names)| shared(names) >= 2).collect();
        let one = attended.windows(2).all(|w| w[0].0 == w[1].0);
        if let (Some((d, _, place, _)), true) = (attended.first(), one) {
            m.date = Some(*d);
            if m.place.is_none() {
                m.place = place.clone();
            }
            if let Some(kk) = keep.get_mut(k) {
                *kk = true;
            }
        }
    }
}

/// What an agreement is about is not an event of its own: in "agreed to a ceasefire
/// and an exchange of hostages for prisoners" the exchange is a term of the deal, to
/// be reported when it happens. Drops agreement and statement nouns in the object of
/// an agreement verb (up to the end of its clause, within a few words): they name the
/// agreement itself.
pub(super) fn drop_agreed_objects(text: &str, hits: &mut Vec<Hit>) {
    let verbs: Vec<Span> = hits
        .iter()
        .filter(|h| h.kind == EventKind::Agreement && h.form == super::Form::Verb && is_agree(h.span.slice(text)))
        .map(|h| h.span)
        .collect();
    // "signed a joint declaration": the document names the event the signing is.
    let documents: Vec<Span> = hits
        .iter()
        .filter(|h| h.form == super::Form::Noun && matches!(h.kind, EventKind::Agreement | EventKind::Statement))
        .map(|h| h.span)
        .collect();
    hits.retain(|h| {
        let signing = h.kind == EventKind::Agreement && h.form == super::Form::Verb && h.span.slice(text).to_ascii_lowercase().starts_with("sign");
        !(signing
            && documents.iter().any(|d| {
                d.start() >= h.span.end()
                    && text.get(h.span.end()..d.start()).is_some_and(|between| !between.contains([',', ';', '.', ':']) && between.split_whitespace().count() <= 5)
            }))
    });
    hits.retain(|h| {
        // An exchange agreed on is still to come: kept, and undated by the agreement
        // (see `agreed_terms`).
        if h.form != super::Form::Noun || !matches!(h.kind, EventKind::Agreement | EventKind::Statement) {
            return true;
        }
        !verbs.iter().any(|v| {
            v.end() <= h.span.start()
                && text.get(v.end()..h.span.start()).is_some_and(|between| {
                    between.len() <= 80 && !between.contains([',', ';', '.', ':']) && between.split_whitespace().count() <= 10
                })
        })
    });
}

/// Whether "sign"/"signs" is the verb of a signing: "expected to sign the deal", "signs
/// the accord", but not "a sign of", "sign up", "signs that".
pub(super) fn signing_verb(text: &str, start: usize, end: usize) -> bool {
    let prev = super::words_before(text, start, 1).pop().unwrap_or_default();
    let next = super::next_word(text, end);
    let determiner = matches!(prev.as_str(), "a" | "an" | "the" | "no" | "any" | "every" | "first" | "clear" | "positive" | "good" | "this" | "that" | "some");
    !determiner && !matches!(next.as_str(), "up" | "of" | "in" | "that" | "language" | "off" | "")
}

/// Whether a trigger is the verb "agree" in one of its forms.
pub(super) fn is_agree(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "agree" | "agreed" | "agrees")
}

/// Verbs that make an agreement known: the day of the saying is the agreement's.
const ANNOUNCING: &[&str] = &["announced", "announces", "announce", "said", "says", "confirmed", "confirms", "declared", "unveiled", "told"];

/// Time words between a speech verb and its date: "announced late on Wednesday".
const TIME_FILLERS: &[&str] = &["late", "early", "on", "in", "at", "overnight", "last", "this"];

/// The index of the agreement a date after an announcing verb belongs to: "X and Y
/// agreed ..., Z announced on Wednesday", "Z announced on Wednesday that X and Y had
/// agreed", "Z announced an agreement on Monday". Only an agreement reached (the verb
/// "agree", or a signing) or one named as the object of the announcement.
pub(super) fn announced_agreement(text: &str, date: Span, hits: &[&Hit]) -> Option<usize> {
    if !after_announcing(text, date) {
        return None;
    }
    // "said on Sunday that a deal was close": only a verb reports one reached.
    let reached = |h: &Hit| h.kind == EventKind::Agreement && h.form == super::Form::Verb;
    hits.iter()
        .enumerate()
        .filter(|(_, h)| reached(h))
        .min_by_key(|(_, h)| super::distance(h.span, date))
        .map(|(i, _)| i)
}

/// Nouns of fighting: a relative clause about one keeps its date for itself.
const FIGHTING: &[&str] = &["clash", "clashes", "fighting", "war", "strikes", "attack", "attacks", "shelling", "offensive", "battle", "hostilities", "conflict"];

/// Whether `date` stands in a relative clause, between the trigger and it, that tells
/// of fighting: "the border, where a deadly clash in 2020 froze relations".
pub(super) fn dates_fighting(text: &str, trigger: Span, date: Span) -> bool {
    if trigger.end() > date.start() {
        return false;
    }
    let Some(between) = text.get(trigger.end()..date.start()) else { return false };
    let lower = between.to_ascii_lowercase();
    let Some(rel) = [", where ", " that ", " which ", ", when ", " who "].iter().filter_map(|r| lower.rfind(r)).max() else {
        return false;
    };
    lower[rel..].split(|c: char| !c.is_alphanumeric()).any(|w| FIGHTING.contains(&w))
}

/// What two sides agree at a meeting or in a call is its outcome, reported with it, not
/// an event of its own: "Xi and Biden met in Lima and agreed to ...". An agreement
/// verb in the sentence of a meeting, talks or call of the same day that share a person
/// or a party is dropped. (A summit's declaration is an event of its own.)
pub(super) fn outcomes_of_meetings(out: &mut [EventMention], keep: &mut [bool], text: &str) {
    for k in 0..out.len() {
        if out[k].kind != EventKind::Agreement || !is_agree(out[k].trigger.slice(text)) {
            continue;
        }
        let m = &out[k];
        let outcome = out.iter().enumerate().any(|(j, o)| {
            // In another sentence, only with a person in common: "Putin agreed on
            // Tuesday to halt strikes ... after a call with Trump".
            let same_sentence = o.sentence == m.sentence;
            let person = o.participants.iter().any(|p| p.role.as_deref() != Some(GROUP_ROLE) && m.participants.iter().any(|q| q.name == p.name));
            // Every side of the agreement is at the meeting: "NATO leaders agreed" is
            // not the outcome of a bilateral meeting on the margins.
            let sides = m.parties.iter().all(|p| o.parties.contains(p) || o.participants.iter().any(|q| q.country.as_ref() == Some(p)));
            j != k
                && (same_sentence || person && sides && o.date.is_some() && m.date.is_some())
                && matches!(o.kind, EventKind::Meeting | EventKind::Talks | EventKind::Call)
                // "agreed ..., Z announced on Wednesday, after three days of talks":
                // an agreement announced on a day its talks are not dated by is news
                // of its own; "agreed on Thursday ..., after talks in Busan" is not.
                && match (o.date, m.date) {
                    (Some(a), Some(b)) => a.compatible(&b),
                    (None, Some(_)) => !m.date_span.is_some_and(|d| after_announcing(text, d)),
                    _ => true,
                }
                && (o.participants.iter().any(|p| m.participants.iter().any(|q| q.name == p.name))
                    || o.parties.iter().any(|p| m.parties.contains(p)))
        });
        if outcome && let Some(kk) = keep.get_mut(k) {
            *kk = false;
        }
    }
}

/// Whether a date follows a verb that makes something known: "announced late on
/// Wednesday", "said on Tuesday".
pub(super) fn after_announcing(text: &str, date: Span) -> bool {
    for w in super::words_before(text, date.start(), 4).iter().rev() {
        if ANNOUNCING.contains(&w.as_str()) {
            return true;
        }
        if !TIME_FILLERS.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

/// "negotiators wrapped up talks in Rome on Saturday and agreed that ...": a date
/// between an event and the agreement that ends it dates the event; the agreement is
/// its outcome. Returns the index of the event before the date to give it to.
pub(super) fn date_before_agreeing(text: &str, date: Span, nearest: usize, hits: &[&Hit]) -> Option<usize> {
    let agreeing = hits.get(nearest).filter(|h| h.kind == EventKind::Agreement && is_agree(h.span.slice(text)))?;
    if date.end() > agreeing.span.start() || after_announcing(text, date) {
        return None;
    }
    hits.iter()
        .enumerate()
        .filter(|(_, h)| h.span.end() <= date.start() && matches!(h.kind, EventKind::Meeting | EventKind::Talks | EventKind::Call | EventKind::Summit | EventKind::Conference))
        .max_by_key(|(_, h)| h.span.start())
        .map(|(i, _)| i)
}

/// The people of an exchange are those exchanged or those who free them, not the
/// leaders of another event its sentence tells first ("leaders gathered for a summit,
/// hours after Hamas freed the hostages").
pub(super) fn exchange_people(out: &mut [EventMention]) {
    for k in 0..out.len() {
        if out[k].kind != EventKind::Exchange {
            continue;
        }
        let others: Vec<String> = out
            .iter()
            .filter(|o| o.sentence == out[k].sentence && o.kind != EventKind::Exchange && o.trigger.end() <= out[k].trigger.start())
            .flat_map(|o| o.participants.iter().map(|p| p.name.clone()))
            .collect();
        out[k].participants.retain(|p| !others.contains(&p.name));
    }
}

/// An exchange agreed on ("agreed to a ceasefire and an exchange of hostages, the
/// mediator announced on Wednesday") is planned, and the day of the agreement is not
/// its day.
pub(super) fn agreed_terms(text: &str, out: &mut [EventMention]) {
    for k in 0..out.len() {
        if out[k].kind != EventKind::Exchange {
            continue;
        }
        let (sentence, trigger) = (out[k].sentence, out[k].trigger);
        let agreed = out.iter().any(|o| {
            o.sentence == sentence
                && o.kind == EventKind::Agreement
                && is_agree(o.trigger.slice(text))
                && o.trigger.end() <= trigger.start()
                && text.get(o.trigger.end()..trigger.start()).is_some_and(|b| !b.contains([',', ';', '.', ':']) && b.split_whitespace().count() <= 10)
        });
        if agreed {
            let m = &mut out[k];
            m.date = None;
            m.end = None;
            m.date_span = None;
            m.status = Status::Planned;
            m.status_explicit = true;
        }
    }
}

/// "NATO leaders agreed in The Hague on Wednesday to raise spending, ending a summit":
/// the date the agreement took is also the day of the summit its sentence names, when
/// that summit has none of its own.
pub(super) fn summit_of_agreement(text: &str, out: &mut [EventMention], keep: &mut [bool]) {
    for k in 0..out.len() {
        if !matches!(out[k].kind, EventKind::Summit | EventKind::Conference) || out[k].date.is_some() || out[k].unresolved_date.is_some() {
            continue;
        }
        let sentence = out[k].sentence;
        let agreed = out.iter().find(|o| {
            o.sentence == sentence
                && matches!(o.kind, EventKind::Agreement | EventKind::Statement)
                && is_agree(o.trigger.slice(text))
                && o.date.is_some_and(|d| d.precision() == Precision::Day)
        });
        if let Some((date, place)) = agreed.map(|o| (o.date, o.place.clone())) {
            out[k].date = date;
            if out[k].place.is_none() {
                out[k].place = place;
            }
            if let Some(kk) = keep.get_mut(k) {
                *kk = true;
            }
        }
    }
}

/// Whether the text introduces a person by a qualified form of `title` ("Syria's
/// interim president, Ahmed al-Sharaa", "former president X"): "the president" later
/// in the story is someone else, whatever role the gazetteer gives that person.
pub(super) fn qualified_title(text: &str, name: Span, title: &str) -> bool {
    let from = super::char_floor(text, name.start().saturating_sub(60));
    let Some(lead) = text.get(from..name.start()) else { return false };
    let lead = lead.to_ascii_lowercase();
    let words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    // The title must be among the last few words, right before the name or its comma.
    let n = words.len();
    let Some(k) = words.iter().rposition(|w| *w == title).filter(|k| n - k <= 2) else { return false };
    k.checked_sub(1).and_then(|i| words.get(i)).is_some_and(|q| matches!(*q, "interim" | "acting" | "former" | "vice" | "deputy" | "transitional" | "caretaker"))
}

/// Whether a cue after an event word stands in a relative clause of its own: in
/// "flew on to London, where the prime minister is due to receive him", "due to" tells
/// of the reception, not of the flight.
pub(super) fn in_relative_clause_after(text: &str, trigger: Span, cue: Span) -> bool {
    let Some(between) = text.get(trigger.end()..cue.start()).filter(|_| cue.start() >= trigger.end()) else { return false };
    let lower = between.to_ascii_lowercase();
    [", where ", ", which ", ", who ", ", whom "].iter().any(|r| lower.contains(r))
}

/// Parts of a day named without the day: "where Air Force One landed in the
/// afternoon", "hosted a state dinner in the evening".
const PART_OF_DAY: &[&str] = &["in the morning", "in the afternoon", "in the evening", "later in the day", "that afternoon", "that evening", "that morning"];

/// Whether visit `k` is placed only by a part of the day ("landed in the afternoon")
/// in a sentence that names no day: the story is still telling the day it named last.
/// A meeting told beside it ("received him at the palace") is part of that visit, so
/// it is left to the visit rather than made an event of its own day.
fn told_within_the_day(text: &str, sentence: Span, a: &super::Analysis<'_>, k: usize, out: &[EventMention]) -> bool {
    let Some(s) = text.get(sentence.start()..sentence.end()) else { return false };
    let lower = s.to_ascii_lowercase();
    let dated = a.timexes.iter().any(|t| sentence.contains(t.span) && t.anchor.is_some() && t.kind == TimexType::Date);
    // Only an arrival: meetings told in the same breath are parts of the visit.
    let own = out.get(k).is_none_or(|m| m.date.is_some() || m.kind != EventKind::Visit);
    !dated && !own && PART_OF_DAY.iter().any(|p| lower.contains(p))
}

/// Whether a definite event noun stands in apposition after another event word of its
/// clause, introduced by an ordinal or "maiden": "held talks with Tusk on Thursday, the
/// first visit by an Indian premier to Poland".
pub(super) fn characterizes_event_before(text: &str, clause: Span, trigger: Span, hits: &[&Hit]) -> bool {
    let from = super::char_floor(text, trigger.start().saturating_sub(16));
    let lead = text.get(from..trigger.start()).unwrap_or("").to_ascii_lowercase();
    let apposed = lead.ends_with(", the first ") || lead.ends_with(", the maiden ");
    let event_before = hits.iter().any(|h| h.span.end() <= trigger.start() && h.span.start() >= clause.start());
    apposed && event_before
}

/// Whether a sentence that names no day goes on from the one before by "then": "Trump
/// then sat down with the Gulf leaders", "Then, the two ...": the event it tells follows
/// on the day the sentence before told.
fn then_of_the_sentence_before(sentence: Span, lead: &str, a: &super::Analysis<'_>) -> bool {
    let dated = a.timexes.iter().any(|t| sentence.contains(t.span) && t.anchor.is_some());
    let words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).take(4).collect();
    let then = words.first() == Some(&"then") || words.iter().skip(1).take(3).any(|w| *w == "then");
    !dated && then
}

/// Whether a participle stands in a passive with its auxiliary: "the two ministers were
/// received by Trump" is a meeting; "the summit, hosted by Anwar" is not another event.
pub(super) fn passive(text: &str, start: usize) -> bool {
    super::words_before(text, start, 1).first().is_some_and(|w| matches!(w.as_str(), "was" | "were" | "is" | "are" | "been" | "be"))
}


/// Phrases that name the last day of the gathering the story tells, without its date.
const LAST_DAY: &[&str] = &["on the last day", "on the final day", "on the closing day", "on its last day", "on its final day"];

/// "signed a joint statement on the last day": the last day of the event told before,
/// when it has one ("a four-day meeting" that ran to Thursday), else the last day the
/// text named before the sentence ("agreed on Thursday, at the close of a four-day
/// meeting").
fn last_day_of_the_event_before(text: &str, sentence: Span, a: &super::Analysis<'_>, k: usize, out: &[EventMention]) -> Option<PartialDate> {
    let lower = text.get(sentence.start()..sentence.end())?.to_ascii_lowercase();
    if !LAST_DAY.iter().any(|p| lower.contains(p)) || out.get(k)?.date.is_some() {
        return None;
    }
    let span_end = (0..k).rev().filter(|&j| out[j].sentence.end() <= sentence.start()).find_map(|j| out[j].end.filter(|e| e.precision() == Precision::Day));
    span_end.or_else(|| {
        a.timexes
            .iter()
            .rev()
            .filter(|t| t.span.end() <= sentence.start() && t.kind == TimexType::Date)
            .find_map(|t| t.anchor.filter(|d| d.precision() == Precision::Day))
    })
}
