//! Unit tests of the tagger on sentences written for them.

use super::*;
use crate::text::split_sentences;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn run(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag(text, &split_sentences(text), dct)
}

/// (text of the span, value) pairs.
fn tags(text: &str, dct: Option<NaiveDate>) -> Vec<(String, String)> {
    run(text, dct).into_iter().map(|t| (t.span.slice(text).to_string(), t.value)).collect()
}

fn one(text: &str, dct: Option<NaiveDate>) -> Timex {
    let v = run(text, dct);
    assert_eq!(v.len(), 1, "expected one timex in {text:?}, got {:?}", tags(text, dct));
    v.into_iter().next().expect("one")
}

fn value(text: &str, dct: NaiveDate) -> String {
    one(text, Some(dct)).value
}

// Publication date used below: Wednesday 19 February 2025.
fn pub_date() -> NaiveDate {
    d(2025, 2, 19)
}

#[test]
fn absolute_dates() {
    let p = Some(pub_date());
    assert_eq!(tags("Troops crossed the border on Feb. 24, 2022, at dawn.", p), vec![("Feb. 24, 2022".into(), "2022-02-24".into())]);
    assert_eq!(value("The ministers met on 18 February 2025 in Riyadh.", pub_date()), "2025-02-18");
    assert_eq!(value("Delegations will gather on June 2.", pub_date()), "2025-06-02");
    assert_eq!(value("The decree is dated 2025-03-11.", pub_date()), "2025-03-11");
    assert_eq!(value("The ceasefire collapsed in 2022.", pub_date()), "2022");
    assert_eq!(value("Envoys were busy in February 2025.", pub_date()), "2025-02");
    assert_eq!(value("The memo from 3/11/2025 leaked.", pub_date()), "2025-03-11");
}

#[test]
fn month_without_year_follows_tense() {
    // past tense: the latest such month not after publication
    assert_eq!(value("They met in February.", pub_date()), "2025-02");
    assert_eq!(value("They talked in October.", pub_date()), "2024-10");
    // future: the next one
    assert_eq!(value("They will meet in October.", pub_date()), "2025-10");
    // year boundary: an article of 10 January 2025
    assert_eq!(value("The envoys met in December.", d(2025, 1, 10)), "2024-12");
    assert_eq!(value("The summit is planned for next January.", d(2024, 12, 5)), "2025-01");
    let t = one("They met in February.", Some(pub_date()));
    assert_eq!(t.anchor, PartialDate::month(2025, 2));
}

#[test]
fn weekdays_follow_tense() {
    // Wednesday 19 February 2025
    assert_eq!(value("Rubio met Lavrov on Tuesday.", pub_date()), "2025-02-18");
    assert_eq!(value("The two sides met on Monday in Riyadh.", pub_date()), "2025-02-17");
    assert_eq!(value("The talks are set to take place on Friday.", pub_date()), "2025-02-21");
    assert_eq!(value("The ministers will meet on Friday.", pub_date()), "2025-02-21");
    assert_eq!(value("A call is expected to happen on Monday.", pub_date()), "2025-02-24");
    assert_eq!(value("A meeting is scheduled for Thursday.", pub_date()), "2025-02-20");
    // the publication day counts in both directions
    assert_eq!(value("The envoys met on Wednesday.", pub_date()), "2025-02-19");
    assert_eq!(value("The envoys will meet on Wednesday.", pub_date()), "2025-02-19");
    assert_eq!(value("They met last Friday.", pub_date()), "2025-02-14");
    assert_eq!(value("They meet next Friday.", pub_date()), "2025-02-28");
    assert_eq!(value("The court upheld Tuesday's ruling, lawyers said.", pub_date()), "2025-02-18");
}

#[test]
fn relative_expressions() {
    let p = pub_date();
    assert_eq!(value("Officials spoke yesterday.", p), "2025-02-18");
    assert_eq!(value("Negotiators arrive tomorrow.", p), "2025-02-20");
    assert_eq!(value("The envoy travelled last week.", p), "2025-W07");
    assert_eq!(value("Talks resumed earlier this month.", p), "2025-02");
    assert_eq!(value("A vote may come next year.", p), "2026");
    // TimeBank: "recent months" is a span of vague length, "recent years" the vague past
    let t = one("The foreign ministers spoke in recent months.", Some(p));
    assert_eq!((t.kind, t.value.as_str(), t.anchor), (TimexType::Duration, "PXM", None));
    assert_eq!(value("Ties have frayed in recent years.", p), "PAST_REF");
    assert_eq!(value("Leaders are now ready to talk.", p), "PRESENT_REF");
    let t = one("A summit is planned this weekend.", Some(p));
    assert_eq!(t.value, "2025-W08-WE");
    assert_eq!(t.anchor, PartialDate::ymd(2025, 2, 22));
    assert_eq!(t.end, PartialDate::ymd(2025, 2, 23));
}

#[test]
fn narrative_anchor() {
    let text = "The envoys met on 3 March 2025 in Jeddah. The following day, they issued a statement. Two days later the talks resumed.";
    let v = tags(text, Some(pub_date()));
    assert_eq!(v[1], ("The following day".into(), "2025-03-04".into()));
    // the narrative moves on: two days after the following day
    assert_eq!(v[2], ("Two days later".into(), "2025-03-06".into()));
}

#[test]
fn durations_quarters_decades_sets() {
    let p = pub_date();
    assert_eq!(one("The siege lasted three years.", Some(p)).value, "P3Y");
    assert_eq!(one("The meeting lasted 4.5 hours.", Some(p)).value, "PT4.5H");
    assert_eq!(one("They agreed a 30-day truce.", Some(p)).kind, TimexType::Duration);
    assert_eq!(value("Profits fell in the third quarter of 2024.", p), "2024-Q3");
    assert_eq!(value("Exports fell in the 1990s.", p), "199");
    assert_eq!(value("Envoys met this summer.", p), "2025-SU");
    let t = one("The envoys meet every week.", Some(p));
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "P1W"));
    let t = one("Talks resume in late July.", Some(p));
    assert_eq!((t.value.as_str(), t.modifier), ("2025-07", Some("END")));
    assert_eq!(value("The talks lasted until 6 p.m. local time.", p), "2025-02-19T18:00");
}

#[test]
fn ranges_have_both_ends() {
    let t = one("The conference runs 14-16 February 2025.", Some(pub_date()));
    assert_eq!(t.anchor, PartialDate::ymd(2025, 2, 14));
    assert_eq!(t.end, PartialDate::ymd(2025, 2, 16));
    let v = run("Talks ran from Monday to Wednesday.", Some(pub_date()));
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].anchor, PartialDate::ymd(2025, 2, 17));
    assert_eq!(v[0].end, PartialDate::ymd(2025, 2, 19));
}

#[test]
fn no_publication_date_leaves_dates_unresolved() {
    let t = one("They met on 18 February.", None);
    assert_eq!(t.value, "XXXX-02-18");
    assert!(t.unresolved && t.anchor.is_none());
    let t = one("They met on Tuesday.", None);
    assert!(t.unresolved && t.anchor.is_none());
    // a full date needs no publication date
    let t = one("They met on 18 February 2025.", None);
    assert!(!t.unresolved);
    assert_eq!(t.anchor, PartialDate::ymd(2025, 2, 18));
}

#[test]
fn non_dates_stay_non_dates() {
    let p = Some(pub_date());
    for text in [
        "The ministers may meet again.",
        "May I ask a question?",
        "Thousands joined a march on the capital.",
        "He wrote for the Sunday Times.",
        "Over 1,000 prisoners were exchanged.",
        "Article 5 of the treaty applies.",
        "Call 555-1234 for details.",
        "The match ended 2-1.",
        "Turnout was 25%.",
        "Prices rose 1/8 of a point.",
        "a 6-year-old boy",
    ] {
        assert!(run(text, p).is_empty(), "{text:?} gave {:?}", tags(text, p));
    }
}

#[test]
fn adjectival_years_are_flagged() {
    let t = one("Critics recalled the 2022 negotiations.", Some(pub_date()));
    assert_eq!(t.value, "2022");
    assert!(t.adjectival);
    let t = one("The negotiations took place in 2022.", Some(pub_date()));
    assert!(!t.adjectival);
}

#[test]
fn spans_are_on_char_boundaries_for_any_input() {
    let texts = ["Erdoğan met Zelenskyy on 3 März — “Friday”, 2025…", "\u{feff}12/\u{2013}31", "'9", "’90s 1990s Q", "mid-", "the"];
    for t in texts {
        for x in run(t, Some(pub_date())) {
            assert!(t.is_char_boundary(x.span.start()) && t.is_char_boundary(x.span.end()));
        }
    }
}

#[test]
fn invariants_on_generated_text() {
    // Deterministic pseudo-random text from date-like fragments: no panic, spans sorted,
    // not overlapping, on character boundaries, and the same output twice.
    let pieces = [
        "on", "Tuesday", "Feb.", "24", ",", "2024", "the", "third", "quarter", "last", "week", "-", "/", "'", "90s",
        "ago", "two", "days", "later", "early", "mid", "May", "may", "march", "Q", "3", "1/2", "p.m.", "’", "ğ", "—",
        "of", "year", "s", "10:30", "next", "Friday", "night", "every", "EOY", "Christmas", "New", "Year", "Day", ".",
        "1,000", "4.5", "hours", "century", "20th", "fiscal", "1989", "period", "that", "quarter", "between", "and",
    ];
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..25 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let p = pieces[(seed % pieces.len() as u64) as usize];
            text.push_str(p);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        for dct in [None, Some(pub_date())] {
            let a = run(&text, dct);
            let b = run(&text, dct);
            assert_eq!(a, b);
            for w in a.windows(2) {
                assert!(w[0].span.end() <= w[1].span.start(), "overlap in {text:?}");
            }
            for t in &a {
                assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
                assert!(!t.span.is_empty());
            }
        }
    }
}

#[test]
fn holidays_of_the_western_and_orthodox_calendars() {
    let p = d(2025, 11, 20);
    assert_eq!(value("Leaders will meet again on Christmas Eve.", p), "2025-12-24");
    assert_eq!(value("The truce is due to start on new year's day.", p), "2026-01-01");
    assert_eq!(value("Pilgrims gathered for Orthodox Easter 2018.", p), "2018-04-08");
    assert_eq!(value("Markets close on Good Friday.", p), "2026-04-03");
    assert_eq!(value("The envoy spoke on Martin Luther King Jr. Day of last year.", p), "2024-01-15");
    assert_eq!(value("Thanksgiving two years ago was quiet in the capital.", p), "2023-11-23");
    // a period: Lent 2025 ran from Ash Wednesday (5 March) to Holy Saturday (19 April)
    let t = one("The fast of Lent 2025 was observed by the delegation.", Some(p));
    assert_eq!((t.anchor, t.end), (PartialDate::ymd(2025, 3, 5), PartialDate::ymd(2025, 4, 19)));
    // ordinary English stays untagged
    assert!(tags("Traders had a good friday on the exchange.", Some(p)).iter().all(|(s, _)| s == "friday"));
    assert!(run("The bank lent money to the government.", Some(p)).is_empty());
    assert!(run("The king's day began with prayers.", Some(p)).is_empty());
}

#[test]
fn constructions_counted_from_another_period() {
    let p = pub_date(); // Wednesday 19 February 2025
    assert_eq!(value("The next round will be held in March after next.", p), "2026-03");
    assert_eq!(value("The envoys will return the week after next.", p), "2025-W10");
    assert_eq!(value("He spoke to reporters about last week's Sunday rally.", p), "2025-02-16");
    // the last week that ends inside the year: 22-28 December 2025
    assert_eq!(value("Ministers will gather in the last week of the year.", p), "2025-W52");
    assert_eq!(value("Delegates met in the third last week of 2018.", p), "2018-W50");
    assert_eq!(value("The vote falls on the third Tuesday after Christmas 2024.", p), "2025-01-14");
    assert_eq!(value("Results are expected in 25q3.", p), "2025-Q3");
    let t = one("The talks will continue for the rest of the week.", Some(p));
    assert_eq!((t.value.as_str(), t.anchor, t.end), ("2025-W08", PartialDate::ymd(2025, 2, 19), PartialDate::ymd(2025, 2, 23)));
    assert_eq!(value("The city was founded in 2014 B.C. by settlers.", p), "BC2014");
}

#[test]
fn a_duration_from_a_day() {
    let p = pub_date();
    // the duration keeps its TimeML span and value; the day it reaches is its anchor
    let v = run("The ceasefire began three days after Easter 2024.", Some(p));
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].value.as_str(), v[0].kind, v[0].anchor), ("P3D", TimexType::Duration, PartialDate::ymd(2024, 4, 3)));
    assert_eq!(v[1].value, "2024-03-31");
    // a day and a duration: the day gets the end of that many days
    for text in ["Inspectors will stay from 3 March for ten days.", "Inspectors will stay for ten days from 3 March."] {
        let v = run(text, Some(p));
        let day = v.iter().find(|t| t.kind == TimexType::Date).expect("a date");
        assert_eq!((day.anchor, day.end), (PartialDate::ymd(2025, 3, 3), PartialDate::ymd(2025, 3, 12)), "{text}");
    }
}

/// What the timeline relies on: cancelled and postponed events, weekends, months
/// without a year, parts of months and years. Publication date Wednesday 12 March 2025.
#[test]
fn news_critical_readings() {
    let p = d(2025, 3, 12);
    // "on Tuesday" dates the cancellation, which is reported as done: the past Tuesday
    assert_eq!(value("The minister canceled a planned trip to Kyiv on Tuesday.", p), "2025-03-11");
    assert_eq!(value("The envoy cancelled a planned visit to Beijing on Monday, officials said.", p), "2025-03-10");
    // "scheduled for Friday" dates the planned event: the coming Friday
    assert_eq!(value("The summit scheduled for Friday was called off.", p), "2025-03-14");
    assert_eq!(value("The summit, scheduled for Friday, was called off.", p), "2025-03-14");
    assert_eq!(value("The vote was postponed until Friday.", p), "2025-03-14");
    assert_eq!(value("The visit was postponed to Monday.", p), "2025-03-17");
    // "this weekend" in a future sentence: the coming weekend, Saturday and Sunday
    let t = one("Leaders will meet this weekend in Riyadh.", Some(p));
    assert_eq!((t.value.as_str(), t.anchor, t.end), ("2025-W11-WE", PartialDate::ymd(2025, 3, 15), PartialDate::ymd(2025, 3, 16)));
    assert_eq!(value("Talks are expected to resume this weekend.", p), "2025-W11-WE");
    // past tense: the latest such month; "last met in April" is last year's April
    assert_eq!(value("The two leaders last met in February.", p), "2025-02");
    assert_eq!(value("The two leaders last met in April.", p), "2024-04");
    // a month with no year and no tense cue: September, six months off, is last year's
    assert_eq!(value("A meeting in New York in September produced no deal.", p), "2024-09");
    assert_eq!(value("Leaders gathered in New York in September.", p), "2024-09");
    // parts of months and years carry TimeML mod
    let t = one("Talks will resume in mid-April.", Some(p));
    assert_eq!((t.value.as_str(), t.modifier), ("2025-04", Some("MID")));
    let t = one("The deal will be signed in late July.", Some(p));
    assert_eq!((t.value.as_str(), t.modifier), ("2025-07", Some("END")));
    let t = one("The crisis began in early 2025.", Some(p));
    assert_eq!((t.value.as_str(), t.modifier), ("2025", Some("START")));
    let t = one("Elections are due in early 2026.", Some(p));
    assert_eq!((t.value.as_str(), t.modifier), ("2026", Some("START")));
}

/// Tense rules added for TempEval-3 (general, written on my own sentences).
#[test]
fn tense_signals() {
    let p = d(2025, 3, 12);
    // a reporting verb a few words back dates the day, whatever the quote says of later
    assert_eq!(value("\"We will get there,\" the minister told reporters in the Oval Office on Monday.", p), "2025-03-10");
    // "since" starts a state that holds now: a past point even in a future sentence
    assert_eq!(value("Inspectors will stay, as they have since Jan. 20.", p), "2025-01-20");
    // a past perfect before a deadline word: the deadline is already past
    assert_eq!(value("All members had filed their reports by Monday.", p), "2025-03-10");
    // a passive infinitive looks ahead even when its participle is a past cue
    assert_eq!(value("The accord will be signed in July.", p), "2025-07");
    // a verb after a conjunction belongs to another clause
    assert_eq!(tags("Ministers met in Jeddah on Tuesday and will meet again in mid-April.", Some(p))[0].1, "2025-03-11");
    // an infinitive after the day, with a past verb before it, is the purpose of that
    // past act, not a look ahead (published Wednesday 12 March 2025)
    assert_eq!(value("The two delegations gathered quietly in the Jeddah hotel on Tuesday to compare drafts.", p), "2025-03-11");
    assert_eq!(value("The envoys will travel to Jeddah on Tuesday to compare drafts.", p), "2025-03-18");
    // "a decade ago": the year ten years back
    assert_eq!(value("The treaty was signed a decade ago.", p), "2015");
    // "the latest quarter": the last one completed before publication
    let text = "Exports rose in the first quarter. Sales in the latest quarter fell.";
    assert_eq!(tags(text, Some(d(2025, 5, 6))).last().map(|(_, v)| v.clone()), Some("2025-Q1".to_string()));
    assert_eq!(tags("Sales in the latest quarter fell, the company said.", Some(d(2025, 11, 6))), vec![("the latest quarter".to_string(), "2025-Q3".to_string())]);
}

/// Coordinated days are one range: the first day is the anchor, the last the end, and the
/// span covers both numbers. Publication date Friday 21 November 2025.
#[test]
fn coordinated_days_are_ranges() {
    let p = Some(d(2025, 11, 21));
    for (text, span, a, b) in [
        ("The envoys met on 18 and 19 November in Geneva.", "18 and 19 November", (2025, 11, 18), (2025, 11, 19)),
        ("Talks were held on May 10 and 11 in Doha.", "May 10 and 11", (2025, 5, 10), (2025, 5, 11)),
        ("Ministers gathered on 9 and 10 June.", "9 and 10 June", (2025, 6, 9), (2025, 6, 10)),
        ("The summit ran between 14 and 16 February.", "14 and 16 February", (2025, 2, 14), (2025, 2, 16)),
        ("Delegations met from 23 to 25 March.", "23 to 25 March", (2025, 3, 23), (2025, 3, 25)),
        ("Leaders met on the 4th and 5th of September 2024.", "the 4th and 5th of September 2024", (2024, 9, 4), (2024, 9, 5)),
        ("Talks are set for June 9 and 10, 2026.", "June 9 and 10, 2026", (2026, 6, 9), (2026, 6, 10)),
    ] {
        let t = one(text, p);
        assert_eq!(t.span.slice(text), span, "{text}");
        assert_eq!((t.anchor, t.end), (PartialDate::ymd(a.0, a.1, a.2), PartialDate::ymd(b.0, b.1, b.2)), "{text}");
        assert_eq!(t.value, format!("{:04}-{:02}-{:02}", a.0, a.1, a.2), "{text}");
    }
    // a count after "and" is not a second day; nor is a day of another month
    let v = run("Fighting on May 10 and 11 soldiers were killed.", p);
    assert_eq!((v.len(), v[0].end), (1, None));
    assert_eq!(v[0].anchor, PartialDate::ymd(2025, 5, 10));
    let v = run("They met on May 10 and June 11.", p);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].end, None);
    // a decreasing pair is no range
    assert!(run("They met on May 10 and 9 others.", p).iter().all(|t| t.end.is_none()));
}

/// "that day", "the same day", "that evening", "the next morning", "the day before",
/// "a day earlier": the last day the story named, or a day next to it; never the
/// publication date when the story named none.
#[test]
fn references_to_a_day_already_named() {
    let p = Some(d(2025, 11, 21));
    let named = |s: &str| format!("The envoys met in Cairo on 3 November. {s}");
    for (s, span, kind, want) in [
        ("That day, they also visited a camp.", "That day", TimexType::Date, "2025-11-03"),
        ("A truce was declared the same day.", "the same day", TimexType::Date, "2025-11-03"),
        ("That same day, rockets fell.", "That same day", TimexType::Date, "2025-11-03"),
        ("That evening they dined with the king.", "That evening", TimexType::Time, "2025-11-03TEV"),
        ("They were back at work that morning.", "that morning", TimexType::Time, "2025-11-03TMO"),
        ("The next morning they flew home.", "The next morning", TimexType::Time, "2025-11-04TMO"),
        ("They left the following evening.", "the following evening", TimexType::Time, "2025-11-04TEV"),
        ("The day before, aides had arrived.", "The day before", TimexType::Date, "2025-11-02"),
        ("The night before, aides had arrived.", "The night before", TimexType::Time, "2025-11-02TNI"),
        ("A day earlier, the envoy had called.", "A day earlier", TimexType::Date, "2025-11-02"),
        ("A day later, the talks resumed.", "A day later", TimexType::Date, "2025-11-04"),
    ] {
        let text = named(s);
        let v = run(&text, p);
        assert_eq!(v.len(), 2, "{text}: {:?}", tags(&text, p));
        assert_eq!((v[1].span.slice(&text), v[1].kind, v[1].value.as_str()), (span, kind, want), "{text}");
        assert!(!v[1].unresolved);
    }
    // no day named before: unresolved, not the publication date
    for text in ["That day, nobody spoke.", "The same day, rockets fell.", "That evening they dined.", "The next morning they left.", "The day before, aides had arrived.", "A day earlier, the envoy had called."] {
        for t in run(text, p) {
            assert!(t.unresolved && t.anchor.is_none(), "{text}: {:?}", tags(text, p));
        }
    }
    // "the night before the vote" names another event: left alone
    assert!(run("Aides met the night before the vote.", p).is_empty());
}

/// "the three-day summit, which opened on Tuesday": the length is a TimeML duration, the
/// opening day a date; "the war's five years" is a length, not a calendar date.
#[test]
fn multi_day_descriptions() {
    let p = Some(d(2025, 11, 21));
    let text = "The three-day summit, which opened on Tuesday, ended with a two-day delay.";
    let v = run(text, p);
    let kinds: Vec<_> = v.iter().map(|t| (t.kind, t.value.as_str(), t.anchor)).collect();
    assert_eq!(
        kinds,
        vec![(TimexType::Duration, "P3D", None), (TimexType::Date, "2025-11-18", PartialDate::ymd(2025, 11, 18)), (TimexType::Duration, "P2D", None)]
    );
    assert!(v[0].span.slice(text).ends_with("three-day") && v[2].span.slice(text) == "two-day");
    let t = one("The war's five years have drained the country.", p);
    assert_eq!((t.kind, t.value.as_str(), t.anchor, t.end), (TimexType::Duration, "P5Y", None, None));
}

/// "since 2019" stays a TimeML DATE, flagged `since` so it does not date the event.
#[test]
fn since_is_flagged() {
    let p = Some(d(2025, 11, 21));
    let t = one("It was their first meeting since 2019.", p);
    assert_eq!((t.value.as_str(), t.kind, t.since), ("2019", TimexType::Date, true));
    let t = one("Prices have risen since February.", p);
    assert_eq!((t.value.as_str(), t.since), ("2025-02", true));
    let t = one("Since early 2019, the border has been closed.", p);
    assert_eq!((t.value.as_str(), t.modifier, t.since), ("2019", Some("START"), true));
    let t = one("Talks have stalled since last month.", p);
    assert_eq!((t.value.as_str(), t.since), ("2025-10", true));
    for text in ["They met in 2019.", "They met on Tuesday.", "The talks began in February.", "The accord of 2019 holds."] {
        assert!(!one(text, p).since, "{text}");
    }
}

/// Possessive date modifiers modify a noun: `adjectival`, with 's or ’s.
#[test]
fn possessives_are_adjectival() {
    let p = Some(d(2025, 11, 21));
    for (text, v) in [
        ("Last month's Geneva truce collapsed.", "2025-10"),
        ("Tuesday's meeting went well.", "2025-11-18"),
        ("Yesterday’s talks failed.", "2025-11-20"),
        ("The talks recalled 2019's accord.", "2019"),
        ("Critics recalled the 2022 negotiations.", "2022"),
    ] {
        let t = one(text, p);
        assert_eq!(t.value, v, "{text}");
        assert!(t.adjectival, "{text}");
    }
    for text in ["The truce collapsed last month.", "They met on Tuesday.", "The accord was signed in 2019."] {
        assert!(!one(text, p).adjectival, "{text}");
    }
    // a possessive day still anchors what the story tells next
    let v = tags("Tuesday's meeting went well. The next day, talks resumed.", p);
    assert_eq!(v[1], ("The next day".to_string(), "2025-11-19".to_string()));
}

/// "the day before last Tuesday", "the day after Christmas": a day next to another date.
#[test]
fn the_day_next_to_a_date() {
    let p = Some(d(2025, 11, 21)); // a Friday
    let t = one("Envoys met the day before last Tuesday's hearing.", p);
    assert_eq!((t.value.as_str(), t.anchor), ("2025-11-17", PartialDate::ymd(2025, 11, 17)));
    assert_eq!(value("Talks resume the day after Christmas.", d(2025, 11, 21)), "2025-12-26");
    assert_eq!(value("The envoy arrived the day before 4 November 2024.", d(2025, 11, 21)), "2024-11-03");
}

#[test]
fn weekday_naming_a_day_the_story_just_placed_ahead() {
    // NATO summit in Vilnius, Tuesday 11 to Wednesday 12 July 2023; a story of its first day.
    let tue = d(2023, 7, 11);
    let text = "The summit runs from Tuesday to Wednesday in Vilnius. Zelensky has been invited for Wednesday's session of the NATO-Ukraine Council, and is due to sit with the allies that day.";
    let v = tags(text, Some(tue));
    assert_eq!(v.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(), ["2023-07-11", "2023-07-12", "2023-07-12", "2023-07-12"], "{v:?}");
    // Istanbul talks expected on Thursday 15 May 2025; a story of Wednesday 14 May.
    let wed = d(2025, 5, 14);
    let v = tags("Talks are due to open in Istanbul on Thursday. Moscow has named Vladimir Medinsky to lead its team at Thursday's session.", Some(wed));
    assert_eq!(v[1].1, "2025-05-15", "{v:?}");
    // A simple past keeps the day gone, even with that weekday just named ahead.
    let v = tags("Talks are due to open in Istanbul on Thursday. On Thursday, drones struck Kharkiv.", Some(wed));
    assert_eq!((v[0].1.as_str(), v[1].1.as_str()), ("2025-05-15", "2025-05-08"), "{v:?}");
    // With no day ahead named, a possessive weekday is the one gone.
    assert_eq!(value("Officials have praised Monday's session.", wed), "2025-05-12");
}

#[test]
fn earlier_in_the_week_is_a_week_not_a_day() {
    // Rubio visited Costa Rica on 3-4 February 2025; a story of Thursday 6 February.
    let t = one("Rubio visited Costa Rica earlier in the week.", Some(d(2025, 2, 6)));
    assert_eq!(t.value, "2025-W06");
    assert_eq!(t.anchor.map(|a| a.precision()), Some(Precision::Week));
    assert_eq!(value("Rubio was in Panama earlier that week.", d(2025, 2, 6)), "2025-W06");
}
