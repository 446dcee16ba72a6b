//! Unit tests of event extraction on hand-made analyses: the text is real prose we
//! wrote; the dates and entities an upstream stage would find are given by hand, so
//! these tests pin the events stage alone.

use super::*;
use crate::text::split_sentences;
use chrono::NaiveDate;

pub(super) fn doc(text: &str, published: Option<&str>) -> Document {
    Document {
        id: "t.txt".into(),
        path: "t.txt".into(),
        title: None,
        source: None,
        url: None,
        author: None,
        published: published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
        text: text.into(),
    }
}

pub(super) fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} not in text")).0;
    Span::new(text, start, start + needle.len()).unwrap()
}

pub(super) fn day(text: &str, needle: &str, ymd: &str) -> Timex {
    let d = NaiveDate::parse_from_str(ymd, "%Y-%m-%d").unwrap();
    Timex {
        span: span_of(text, needle, 0),
        kind: TimexType::Date,
        value: ymd.into(),
        modifier: None,
        anchor: Some(PartialDate::day(d)),
        end: None,
        unresolved: false,
        adjectival: false,
        since: false,
    }
}

fn year(text: &str, needle: &str, y: i32) -> Timex {
    Timex { anchor: PartialDate::year(y), value: y.to_string(), ..day(text, needle, "2000-01-01") }
}

pub(super) fn person(text: &str, needle: &str, name: &str, country: &str) -> EntityMention {
    EntityMention {
        span: span_of(text, needle, 0),
        entity: Entity::Person(Person { name: name.into(), role: None, country: Some(country.into()) }),
    }
}

pub(super) fn place(text: &str, needle: &str, kind: PlaceKind, city: Option<&str>, country: &str) -> EntityMention {
    EntityMention {
        span: span_of(text, needle, 0),
        entity: Entity::Place(Place { name: needle.into(), kind, city: city.map(Into::into), country: Some(country.into()) }),
    }
}

pub(super) fn run(d: &Document, timexes: Vec<Timex>, mut entities: Vec<EntityMention>) -> Vec<EventMention> {
    entities.sort_by_key(|e| e.span);
    let sentences = split_sentences(&d.text);
    extract(&Analysis { doc: d, sentences: &sentences, timexes: &timexes, entities: &entities, groups: &[] })
}

#[test]
fn meeting_with_people_place_and_date() {
    let t = "The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fisheries.";
    let d = doc(t, Some("2024-03-06"));
    let m = run(&d, vec![day(t, "on Monday", "2024-03-04")], vec![place(t, "Oslo", PlaceKind::City, Some("Oslo"), "Norway")]);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].kind, EventKind::Meeting);
    assert_eq!(m[0].status, Status::Held);
    assert_eq!(m[0].date.unwrap().iso(), "2024-03-04");
    assert_eq!(m[0].place.as_ref().unwrap().city.as_deref(), Some("Oslo"));
}

#[test]
fn hypothetical_meetings_are_not_events() {
    let t = "Nothing will move until the two presidents meet in person, the envoy said in Vienna.";
    let d = doc(t, Some("2024-03-06"));
    let m = run(&d, vec![], vec![place(t, "Vienna", PlaceKind::City, Some("Vienna"), "Austria")]);
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn cancelled_trip_keeps_its_date() {
    let t = "Kaja Kallas cancelled a planned trip to Washington on Wednesday.";
    let d = doc(t, Some("2025-02-27"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2025-02-26")],
        vec![person(t, "Kaja Kallas", "Kaja Kallas", "European Union"), place(t, "Washington", PlaceKind::City, Some("Washington"), "United States")],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].status), (EventKind::Visit, Status::Cancelled));
    assert_eq!(m[0].date.unwrap().iso(), "2025-02-26");
}

#[test]
fn general_references_are_not_events() {
    let t = "Both sides want to restart peace talks in Geneva.";
    let d = doc(t, Some("2025-02-27"));
    let m = run(&d, vec![], vec![place(t, "Geneva", PlaceKind::City, Some("Geneva"), "Switzerland")]);
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn dates_go_to_the_nearest_trigger() {
    let t = "The delegation called the Doha talks a sequel to the failed negotiations held after the invasion in 2019.";
    let d = doc(t, Some("2025-02-27"));
    let m = run(&d, vec![year(t, "2019", 2019)], vec![place(t, "Doha", PlaceKind::City, Some("Doha"), "Qatar")]);
    let talks = m.iter().find(|m| m.place.is_some()).expect("the Doha talks");
    assert_eq!(talks.date, None, "{m:#?}");
    let onset = m.iter().find(|m| m.onset);
    // No country is named as a party, so the onset is not kept; the year went to it, not to the talks.
    assert!(onset.is_none());
}

#[test]
fn anaphora_shares_the_place() {
    let t = "The two ministers met in Indonesia on Thursday. The talks were held on the margins of a regional forum in Jakarta.";
    let d = doc(t, Some("2025-07-11"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-07-10")],
        vec![
            place(t, "Indonesia", PlaceKind::Country, None, "Indonesia"),
            place(t, "Jakarta", PlaceKind::City, Some("Jakarta"), "Indonesia"),
        ],
    );
    assert_eq!(m.len(), 2, "{m:#?}");
    assert_eq!(m[1].antecedent, Some(0));
    assert_eq!(m[0].place.as_ref().unwrap().city.as_deref(), Some("Jakarta"));
    // Dates are not copied to the anaphor (merging unites the two).
    assert_eq!(m[1].date, None);
}

#[test]
fn planned_event_moves_a_past_tense_weekday_forward() {
    // Published on a Thursday; the dates stage read "on Friday" in a past-tense sentence
    // as the Friday before. The document presents the Cairo talks as upcoming.
    let t = "Talks in Cairo are scheduled to begin soon. The minister earlier hinted at joining the Cairo talks on Friday.";
    let d = doc(t, Some("2024-05-16"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2024-05-10")],
        vec![place(t, "Cairo", PlaceKind::City, Some("Cairo"), "Egypt"), EntityMention {
            span: span_of(t, "Cairo", 1),
            entity: Entity::Place(Place { name: "Cairo".into(), kind: PlaceKind::City, city: Some("Cairo".into()), country: Some("Egypt".into()) }),
        }],
    );
    let dated = m.iter().find(|m| m.date.is_some()).expect("a dated mention");
    assert_eq!(dated.date.unwrap().iso(), "2024-05-17", "{m:#?}");
    assert_eq!(dated.status, Status::Planned);
}

#[test]
fn onset_needs_a_party_and_is_held() {
    let t = "The war started in 2014, when Russian forces entered Crimea.";
    let d = doc(t, Some("2025-02-27"));
    let ents = vec![EntityMention { span: span_of(t, "Russian", 0), entity: Entity::Nationality("Russia".into()) }];
    let m = run(&d, vec![year(t, "2014", 2014)], ents);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(m[0].onset);
    assert_eq!(m[0].date.unwrap().iso(), "2014");
    assert_eq!(m[0].parties, vec!["Russia".to_string()]);
}

#[test]
fn appeals_are_not_calls() {
    let hits = find_triggers("He renewed his call for a ceasefire and calls on allies. A phone call followed.");
    let calls: Vec<_> = hits.iter().filter(|h| h.kind == EventKind::Call).collect();
    assert_eq!(calls.len(), 1);
}

#[test]
fn clauses_split_at_while() {
    let t = "While the ministers talked in Riga, the president was in Tallinn with his advisers.";
    let s = split_sentences(t);
    let c: Vec<_> = clauses(t, s[0].span).iter().map(|c| c.slice(t).trim().to_string()).collect();
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c[0].contains("Riga") && c[1].contains("Tallinn"));
}

#[test]
fn sidelines_lend_their_place() {
    let t = "The two ministers met in Indonesia on Thursday. The talks took place on the sidelines of the regional foreign ministers' meeting in Jakarta.";
    let d = doc(t, Some("2025-07-11"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-07-10")],
        vec![
            place(t, "Indonesia", PlaceKind::Country, None, "Indonesia"),
            place(t, "Jakarta", PlaceKind::City, Some("Jakarta"), "Indonesia"),
        ],
    );
    assert_eq!(m[0].place.as_ref().and_then(|p| p.city.as_deref()), Some("Jakarta"), "{m:#?}");
    let conference = m.iter().find(|m| m.kind == EventKind::Conference).expect("the ministers' meeting");
    assert_eq!(conference.date.map(|d| d.iso()).as_deref(), Some("2025-07-10"));
}

#[test]
fn rounds_are_numbered() {
    let t = "The second round of talks in Vienna ended on Friday.";
    let d = doc(t, Some("2024-05-20"));
    let m = run(&d, vec![day(t, "on Friday", "2024-05-17")], vec![place(t, "Vienna", PlaceKind::City, Some("Vienna"), "Austria")]);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].round, Some(2));
    assert_eq!(m[0].status, Status::Held);
}

#[test]
fn groups_take_part_with_their_members() {
    use crate::entities::{Group, GroupMention};
    let t = "European leaders met in Paris on Monday to discuss security guarantees.";
    let d = doc(t, Some("2025-02-18"));
    let sentences = split_sentences(t);
    let timexes = vec![day(t, "on Monday", "2025-02-17")];
    let entities = vec![place(t, "Paris", PlaceKind::City, Some("Paris"), "France")];
    let groups = vec![GroupMention {
        span: span_of(t, "European leaders", 0),
        group: Group { name: "European leaders".into(), country: None, org: Some("European Union".into()), size: None, members: Vec::new() },
    }];
    let m = extract(&Analysis { doc: &d, sentences: &sentences, timexes: &timexes, entities: &entities, groups: &groups });
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].participants[0].name, "European leaders");
    assert_eq!(m[0].participants[0].role.as_deref(), Some(GROUP_ROLE));
}

#[test]
fn datelines_give_the_city() {
    assert_eq!(places::report_city("MUSCAT \u{2014} Iran and the United States held a fourth round of talks on Sunday in the capital.").map(|p| p.name), Some("Muscat".to_string()));
    assert_eq!(places::report_city("THE HAGUE - Leaders of the alliance's members will meet on Tuesday and Wednesday for a summit.").map(|p| p.name), Some("The Hague".to_string()));
    assert_eq!(places::report_city("Leaders of the alliance's members will meet on Tuesday and Wednesday for a summit in the city."), None);
}

#[test]
fn institutions_named_by_their_building_are_places() {
    use crate::entities::Organization;
    let t = "Trump received the NATO chief at the White House on Wednesday.";
    let d = doc(t, Some("2025-10-23"));
    let org = EntityMention {
        span: span_of(t, "the White House", 0),
        entity: Entity::Organization(Organization { name: "White House".into(), country: Some("United States".into()) }),
    };
    let m = run(&d, vec![day(t, "on Wednesday", "2025-10-22")], vec![person(t, "Trump", "Donald Trump", "United States"), org]);
    assert_eq!(m.len(), 1, "{m:#?}");
    let place = m[0].place.as_ref().expect("the White House as a place");
    assert_eq!(place.city.as_deref(), Some("Washington"));
}

#[test]
fn called_someone_is_a_call_but_called_something_is_not() {
    let calls = |t: &str| find_triggers(t).iter().filter(|h| h.kind == EventKind::Call).count();
    assert_eq!(calls("The army chief called his Indian counterpart at 15:35."), 1);
    assert_eq!(calls("Macron called Zelensky on Sunday."), 1);
    assert_eq!(calls("Zelensky called the memorandum blackmail."), 0);
    assert_eq!(calls("The minister spoke to reporters after the session."), 0);
}

#[test]
fn the_day_of_saying_does_not_date_the_event() {
    let t = "Chancellor Ina Berg said on Thursday that she would meet the president in Vienna.";
    let d = doc(t, Some("2025-10-17"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-10-16")],
        vec![person(t, "Ina Berg", "Ina Berg", "Germany"), place(t, "Vienna", PlaceKind::City, Some("Vienna"), "Austria")],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].date, None);
    assert_eq!(m[0].status, Status::Planned);
}

#[test]
fn battles_markets_and_sanctions_are_not_diplomatic_events() {
    let t = "Russian forces captured two villages near Pokrovsk on Thursday. Oil prices fell in London on Monday. \
             The council imposed new sanctions on Moscow banks on Friday.";
    let d = doc(t, Some("2025-05-17"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-05-15"), day(t, "on Monday", "2025-05-12"), day(t, "on Friday", "2025-05-16")],
        vec![place(t, "London", PlaceKind::City, Some("London"), "United Kingdom")],
    );
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn a_preview_and_a_report_give_planned_then_held() {
    let preview = "Trade envoys are set to meet in Oslo on Friday.";
    let report = "Trade envoys met in Oslo on Friday and agreed to talk again.";
    let p = run(&doc(preview, Some("2025-03-12")), vec![day(preview, "on Friday", "2025-03-14")], vec![place(preview, "Oslo", PlaceKind::City, Some("Oslo"), "Norway")]);
    let r = run(&doc(report, Some("2025-03-15")), vec![day(report, "on Friday", "2025-03-14")], vec![place(report, "Oslo", PlaceKind::City, Some("Oslo"), "Norway")]);
    // No named person: the mentions are kept on their place and day; merging decides.
    assert_eq!(p.first().map(|m| m.status), Some(Status::Planned), "{p:#?}");
    assert_eq!(r.first().map(|m| m.status), Some(Status::Held), "{r:#?}");
}

#[test]
fn a_place_that_names_the_topic_is_not_the_venue() {
    let t = "Mediators presented the Gaza ceasefire deal in Doha on Wednesday.";
    let d = doc(t, Some("2025-01-16"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2025-01-15")],
        vec![place(t, "Gaza", PlaceKind::City, Some("Gaza"), "Palestine"), place(t, "Doha", PlaceKind::City, Some("Doha"), "Qatar")],
    );
    assert_eq!(m.first().and_then(|m| m.place.as_ref()).map(|p| p.name.as_str()), Some("Doha"), "{m:#?}");
}

#[test]
fn meetings_during_a_summit_are_held_where_it_is() {
    let t = "Leaders opened the regional summit in Tianjin on Sunday. The two premiers met on Sunday and agreed to reopen flights.";
    let d = doc(t, Some("2025-09-01"));
    let timexes = vec![
        day(t, "on Sunday", "2025-08-31"),
        Timex { span: span_of(t, "on Sunday", 1), ..day(t, "on Sunday", "2025-08-31") },
    ];
    let m = run(
        &d,
        timexes,
        vec![
            place(t, "Tianjin", PlaceKind::City, Some("Tianjin"), "China"),
            person(t, "premiers", "Ana Ruiz", "Chile"),
        ],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
    assert_eq!(meeting.place.as_ref().and_then(|p| p.city.as_deref()), Some("Tianjin"), "{m:#?}");
}

#[test]
fn a_declaration_adopted_during_a_summit_is_the_summits() {
    let t = "President Ana Ruiz closed the regional summit in Lima on Monday. The leaders' declaration, adopted on Sunday, called for open trade.";
    let d = doc(t, Some("2025-07-08"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-07-07"), day(t, "on Sunday", "2025-07-06")],
        vec![person(t, "Ana Ruiz", "Ana Ruiz", "Peru"), place(t, "Lima", PlaceKind::City, Some("Lima"), "Peru")],
    );
    let statement = m.iter().find(|m| m.kind == EventKind::Statement).expect("the declaration");
    assert_eq!(statement.place.as_ref().and_then(|p| p.city.as_deref()), Some("Lima"), "{m:#?}");
    assert_eq!(statement.participants.first().map(|p| p.name.as_str()), Some("Ana Ruiz"));
}

fn time_of_day(text: &str, needle: &str, ymd: &str) -> Timex {
    Timex { kind: TimexType::Time, ..day(text, needle, ymd) }
}

#[test]
fn a_named_day_with_its_time_dates_the_event_but_a_bare_clock_does_not() {
    let t = "Talks between the envoys were under way in Lisbon on Sunday afternoon. Guterres met the envoys at 10 a.m. in Porto.";
    let d = doc(t, Some("2024-09-15"));
    let m = run(
        &d,
        vec![time_of_day(t, "Sunday afternoon", "2024-09-15"), time_of_day(t, "10 a.m.", "2024-09-15")],
        vec![
            place(t, "Lisbon", PlaceKind::City, Some("Lisbon"), "Portugal"),
            place(t, "Porto", PlaceKind::City, Some("Porto"), "Portugal"),
            person(t, "Guterres", "António Guterres", "Portugal"),
        ],
    );
    let lisbon = m.iter().find(|m| m.place.as_ref().is_some_and(|p| p.name == "Lisbon")).expect("Lisbon talks");
    assert_eq!(lisbon.date.map(|d| d.iso()).as_deref(), Some("2024-09-15"));
    let porto: Vec<_> = m.iter().filter(|m| m.place.as_ref().is_some_and(|p| p.name == "Porto")).collect();
    assert!(!porto.is_empty() && porto.iter().all(|m| m.date.is_none()), "{m:#?}");
}

#[test]
fn a_possessive_place_is_an_owner_not_a_venue() {
    let t = "The envoys met in Bern on Friday. Beijing said it agreed to the meeting at Washington's request.";
    let d = doc(t, Some("2024-05-10"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2024-05-10")],
        vec![
            place(t, "Bern", PlaceKind::City, Some("Bern"), "Switzerland"),
            place(t, "Washington", PlaceKind::City, Some("Washington"), "United States"),
        ],
    );
    assert!(m.iter().all(|m| m.place.as_ref().is_none_or(|p| p.name == "Bern")), "{m:#?}");
}

#[test]
fn the_nearest_place_wins_among_equals() {
    let t = "In Cairo, officials said that two days of negotiations in Doha ended on Friday with a bridging proposal.";
    let d = doc(t, Some("2024-08-16"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2024-08-16")],
        vec![
            place(t, "Doha", PlaceKind::City, Some("Doha"), "Qatar"),
            place(t, "Cairo", PlaceKind::City, Some("Cairo"), "Egypt"),
        ],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].place.as_ref().map(|p| p.name.as_str()), Some("Doha"));
}

#[test]
fn a_wish_governs_the_first_event_after_it_only() {
    let t = "Three foreign ministers called for a new round in a joint statement on 2 March.";
    let d = doc(t, Some("2024-08-16"));
    let m = run(&d, vec![day(t, "on 2 March", "2024-03-02")], vec![person(t, "ministers", "Ministers", "Qatar")]);
    let statement = m.iter().find(|m| m.kind == EventKind::Statement).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(statement.date.map(|d| d.iso()).as_deref(), Some("2024-03-02"));
}

#[test]
fn a_definite_event_takes_the_status_of_its_own_predicate() {
    let t = "Envoys met in Doha on Thursday and Friday. The talks that began on Thursday were serious, the mediators said.";
    let d = doc(t, Some("2024-08-16"));
    let m = run(
        &d,
        vec![day(t, "on Thursday and Friday", "2024-08-15"), day(t, "on Thursday", "2024-08-15")],
        vec![place(t, "Doha", PlaceKind::City, Some("Doha"), "Qatar")],
    );
    let talks = m.iter().find(|m| m.kind == EventKind::Talks).unwrap_or_else(|| panic!("{m:#?}"));
    assert!(talks.status_explicit && talks.status == Status::Held, "{talks:#?}");
}

#[test]
fn a_round_named_in_passing_does_not_number_the_next_event() {
    let t = "Since the first round in Istanbul, the talks have produced prisoner swaps. Delegations met for a third time in Istanbul on Wednesday.";
    let d = doc(t, Some("2025-07-24"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2025-07-23")],
        vec![place(t, "Istanbul", PlaceKind::City, Some("Istanbul"), "Turkey")],
    );
    let talks = m.iter().find(|m| m.trigger.slice(t) == "talks");
    assert!(talks.is_none_or(|m| m.round.is_none()), "{m:#?}");
    let met = m.iter().find(|m| m.trigger.slice(t) == "met").unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(met.round, Some(3));
}

#[test]
fn a_plan_told_in_the_past_keeps_its_day() {
    let t = "Negotiators met in Istanbul on Friday. The talks had been expected on Thursday but slipped by a day.";
    let d = doc(t, Some("2025-05-16"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2025-05-16"), day(t, "on Thursday", "2025-05-15")],
        vec![place(t, "Istanbul", PlaceKind::City, Some("Istanbul"), "Turkey")],
    );
    let talks = m.iter().find(|m| m.kind == EventKind::Talks).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(talks.status, Status::Planned);
    assert_eq!(talks.date.map(|d| d.iso()).as_deref(), Some("2025-05-15"));
}

#[test]
fn an_ordinal_round_is_not_a_reference_to_another_round() {
    let t = "Negotiators met in Istanbul for the third round on Wednesday. The second round, on June 2, produced memorandums.";
    let d = doc(t, Some("2025-07-24"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2025-07-23"), day(t, "on June 2", "2025-06-02")],
        vec![place(t, "Istanbul", PlaceKind::City, Some("Istanbul"), "Turkey")],
    );
    let second = m.iter().find(|m| m.round == Some(2)).unwrap_or_else(|| panic!("{m:#?}"));
    assert!(second.antecedent.is_none(), "{m:#?}");
}

#[test]
fn a_noun_in_apposition_is_the_same_event() {
    let t = "Biden and Xi last met in Woodside in November, a summit that eased tensions.";
    let d = doc(t, Some("2024-03-01"));
    let nov = Timex { anchor: PartialDate::month(2023, 11), value: "2023-11".into(), ..day(t, "in November", "2000-01-01") };
    let m = run(
        &d,
        vec![nov],
        vec![
            person(t, "Biden", "Joe Biden", "United States"),
            person(t, "Xi", "Xi Jinping", "China"),
            place(t, "Woodside", PlaceKind::City, Some("Woodside"), "United States"),
        ],
    );
    let summit = m.iter().find(|m| m.kind == EventKind::Summit).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(summit.participants.len(), 2, "{summit:#?}");
    assert_eq!(summit.date.map(|d| d.iso()).as_deref(), Some("2023-11"));
}

#[test]
fn the_two_leaders_are_the_pair_named_before() {
    let t = "Macron met Scholz in Paris on Monday. The two leaders last met in Berlin in May.";
    let d = doc(t, Some("2024-06-04"));
    let may = Timex { anchor: PartialDate::month(2024, 5), value: "2024-05".into(), ..day(t, "in May", "2000-01-01") };
    let m = run(
        &d,
        vec![day(t, "on Monday", "2024-06-03"), may],
        vec![
            person(t, "Macron", "Emmanuel Macron", "France"),
            person(t, "Scholz", "Olaf Scholz", "Germany"),
            place(t, "Paris", PlaceKind::City, Some("Paris"), "France"),
            place(t, "Berlin", PlaceKind::City, Some("Berlin"), "Germany"),
        ],
    );
    let berlin = m.iter().find(|m| m.place.as_ref().is_some_and(|p| p.name == "Berlin")).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(berlin.participants.len(), 2, "{berlin:#?}");
}

#[test]
fn a_meeting_on_the_sidelines_of_no_named_gathering_is_at_the_reported_summit() {
    let t = "EU leaders ended a one-day summit in Brussels on Thursday. On the sidelines, Meloni met Tusk for an hour.";
    let d = doc(t, Some("2024-06-28"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2024-06-27")],
        vec![
            place(t, "Brussels", PlaceKind::City, Some("Brussels"), "Belgium"),
            person(t, "Meloni", "Giorgia Meloni", "Italy"),
            person(t, "Tusk", "Donald Tusk", "Poland"),
        ],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.place.as_ref().map(|p| p.name.as_str()), Some("Brussels"));
    assert_eq!(meeting.date.map(|d| d.iso()).as_deref(), Some("2024-06-27"));
}

#[test]
fn a_wish_does_not_reach_an_event_in_a_phrase_of_its_own() {
    let t = "Leaders gave Biden the pledge he wanted at a summit in Vilnius on Tuesday.";
    let d = doc(t, Some("2023-07-12"));
    let m = run(&d, vec![day(t, "on Tuesday", "2023-07-11")], vec![place(t, "Vilnius", PlaceKind::City, Some("Vilnius"), "Lithuania")]);
    assert!(m.iter().any(|m| m.kind == EventKind::Summit), "{m:#?}");
}

#[test]
fn a_length_before_the_name_gives_the_last_day_or_the_first() {
    let t = "Leaders gathered in Apulia on Thursday for a three-day summit. In Astana the two-day talks ended on Friday.";
    let d = doc(t, Some("2024-06-16"));
    let mut timexes = vec![day(t, "on Thursday", "2024-06-13"), day(t, "on Friday", "2024-06-14")];
    for (needle, v) in [("three-day", "P3D"), ("two-day", "P2D")] {
        timexes.push(Timex { kind: TimexType::Duration, value: v.into(), anchor: None, ..day(t, needle, "2000-01-01") });
    }
    timexes.sort_by_key(|t| t.span);
    let m = run(
        &d,
        timexes,
        vec![
            place(t, "Apulia", PlaceKind::City, Some("Apulia"), "Italy"),
            place(t, "Astana", PlaceKind::City, Some("Astana"), "Kazakhstan"),
        ],
    );
    let summit = m.iter().find(|m| m.kind == EventKind::Summit).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!((summit.date.map(|d| d.iso()), summit.end.map(|d| d.iso())), (Some("2024-06-13".into()), Some("2024-06-15".into())));
    let talks = m.iter().find(|m| m.kind == EventKind::Talks).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!((talks.date.map(|d| d.iso()), talks.end.map(|d| d.iso())), (Some("2024-06-13".into()), Some("2024-06-14".into())));
}

#[test]
fn a_visit_on_a_summit_day_is_part_of_the_summit() {
    let t = "Leaders met at the summit in Apulia on Friday. Biden opened his visit on Friday by praising the hosts.";
    let d = doc(t, Some("2024-06-15"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2024-06-14"), Timex { span: span_of(t, "on Friday", 1), ..day(t, "on Friday", "2024-06-14") }],
        vec![place(t, "Apulia", PlaceKind::City, Some("Apulia"), "Italy"), person(t, "Biden", "Joe Biden", "United States")],
    );
    assert!(m.iter().all(|m| m.kind != EventKind::Visit), "{m:#?}");
    // The visit became a mention of the summit's day.
    assert!(m.iter().filter(|m| m.kind == EventKind::Summit).count() >= 2, "{m:#?}");
}

#[test]
fn a_region_and_a_city_are_not_one_place() {
    let alaska = Place { name: "Alaska".into(), kind: PlaceKind::Region, city: None, country: Some("United States".into()) };
    let miami = Place { name: "Miami".into(), kind: PlaceKind::City, city: Some("Miami".into()), country: Some("United States".into()) };
    let us = Place { name: "United States".into(), kind: PlaceKind::Country, city: None, country: Some("United States".into()) };
    assert!(!places_compatible(&alaska, &miami));
    assert!(places_compatible(&alaska, &us));
    assert!(places_compatible(&miami, &us));
}

#[test]
fn a_list_of_people_opened_near_the_event_names_them_all() {
    let t = "An emergency meeting at the Elysee on Monday brought together German Chancellor Olaf Scholz, Polish Prime Minister Donald Tusk, Dutch Prime Minister Mark Rutte and Danish Prime Minister Mette Frederiksen.";
    let d = doc(t, Some("2025-02-18"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-02-17")],
        vec![
            person(t, "Olaf Scholz", "Olaf Scholz", "Germany"),
            person(t, "Donald Tusk", "Donald Tusk", "Poland"),
            person(t, "Mark Rutte", "Mark Rutte", "Netherlands"),
            person(t, "Mette Frederiksen", "Mette Frederiksen", "Denmark"),
        ],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].participants.len(), 4, "{:#?}", m[0].participants);
}

#[test]
fn returning_flying_and_telephoning_are_events() {
    let t = "Scholz returned to Kyiv on Monday. Midway through the dinner, Biden left to telephone Xi.";
    let d = doc(t, Some("2024-12-03"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2024-12-02")],
        vec![
            person(t, "Scholz", "Olaf Scholz", "Germany"),
            place(t, "Kyiv", PlaceKind::City, Some("Kyiv"), "Ukraine"),
            person(t, "Biden", "Joe Biden", "United States"),
            person(t, "Xi", "Xi Jinping", "China"),
        ],
    );
    assert!(m.iter().any(|m| m.kind == EventKind::Visit && m.place.as_ref().is_some_and(|p| p.name == "Kyiv")), "{m:#?}");
    let triggers: Vec<&str> = find_triggers(t).iter().map(|h| h.span.slice(t)).collect();
    assert!(triggers.contains(&"telephone"), "{triggers:?}");
}

#[test]
fn a_denied_place_is_not_the_venue() {
    let t = "The next round would take place on Saturday, though the venue might not be Geneva.";
    let d = doc(t, Some("2025-04-14"));
    let m = run(&d, vec![day(t, "on Saturday", "2025-04-19")], vec![place(t, "Geneva", PlaceKind::City, Some("Geneva"), "Switzerland")]);
    assert!(!m.is_empty() && m.iter().all(|m| m.place.is_none()), "{m:#?}");
}

#[test]
fn hosting_an_event_is_that_event() {
    let t = "On Tuesday Ramaphosa hosted the first summit between the AU and the EU, attended by Charles Michel.";
    let d = doc(t, Some("2025-05-28"));
    let m = run(
        &d,
        vec![day(t, "On Tuesday", "2025-05-27")],
        vec![person(t, "Ramaphosa", "Cyril Ramaphosa", "South Africa"), person(t, "Charles Michel", "Charles Michel", "Belgium")],
    );
    let summit = m.iter().find(|m| m.kind == EventKind::Summit).unwrap_or_else(|| panic!("{m:#?}"));
    assert!(summit.antecedent.is_some(), "{m:#?}");
    assert_eq!(summit.participants.len(), 2, "{summit:#?}");
}

#[test]
fn a_reference_that_brings_its_own_people_is_a_new_event() {
    let t = "Leaders closed the summit in Lima on Sunday. On Monday the summit between Peru and Chile, attended by Gabriel Boric, opened in Lima.";
    let d = doc(t, Some("2024-11-18"));
    let m = run(
        &d,
        vec![day(t, "on Sunday", "2024-11-17"), day(t, "On Monday", "2024-11-18")],
        vec![
            place(t, "Lima", PlaceKind::City, Some("Lima"), "Peru"),
            person(t, "Gabriel Boric", "Gabriel Boric", "Chile"),
            Entity::Place(Place { name: "Lima".into(), kind: PlaceKind::City, city: Some("Lima".into()), country: Some("Peru".into()) })
                .pipe_at(t, "Lima", 1),
        ],
    );
    let second = m.iter().find(|m| m.participants.iter().any(|p| p.name == "Gabriel Boric")).unwrap_or_else(|| panic!("{m:#?}"));
    assert!(second.antecedent.is_none(), "{m:#?}");
}

trait PipeAt {
    fn pipe_at(self, text: &str, needle: &str, nth: usize) -> EntityMention;
}

impl PipeAt for Entity {
    fn pipe_at(self, text: &str, needle: &str, nth: usize) -> EntityMention {
        EntityMention { span: span_of(text, needle, nth), entity: self }
    }
}

// --- Events of other kinds: agreements, statements, exchanges, calls ---

fn duration(text: &str, needle: &str, days: u32) -> Timex {
    Timex { kind: TimexType::Duration, value: format!("P{days}D"), anchor: None, ..day(text, needle, "2000-01-01") }
}

#[test]
fn agreed_reports_an_agreement_dated_by_its_announcement() {
    // Armenia and Azerbaijan finished the text of their peace treaty in March 2025.
    let t = "Armenia and Azerbaijan have agreed on the text of a peace treaty, the Armenian foreign ministry announced late on Thursday.";
    let d = doc(t, Some("2025-03-14"));
    let m = run(
        &d,
        vec![day(t, "Thursday", "2025-03-13")],
        vec![place(t, "Armenia", PlaceKind::Country, None, "Armenia"), place(t, "Azerbaijan", PlaceKind::Country, None, "Azerbaijan")],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].status), (EventKind::Agreement, Status::Held));
    assert_eq!(m[0].date.unwrap().iso(), "2025-03-13");
}

#[test]
fn agreeing_to_meet_is_a_plan_not_an_agreement() {
    // In their call of 16 October 2025 Trump and Putin agreed to meet in Budapest.
    let t = "Donald Trump and Vladimir Putin agreed on Thursday to meet in Budapest.";
    let d = doc(t, Some("2025-10-17"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-10-16")],
        vec![
            person(t, "Donald Trump", "Donald Trump", "United States"),
            person(t, "Vladimir Putin", "Vladimir Putin", "Russia"),
            place(t, "Budapest", PlaceKind::City, Some("Budapest"), "Hungary"),
        ],
    );
    assert!(m.iter().all(|m| m.kind != EventKind::Agreement), "{m:#?}");
    assert!(m.iter().any(|m| m.kind == EventKind::Meeting), "{m:#?}");
    // "an agreed line" is an adjective, "agreed with" an opinion.
    let t = "Troops will withdraw to an agreed line, and the minister agreed with the envoy on Monday.";
    let d = doc(t, Some("2025-10-17"));
    let m = run(&d, vec![day(t, "on Monday", "2025-10-13")], vec![]);
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn freeing_captives_is_an_exchange_but_releasing_figures_is_not() {
    // On 8 February 2025 Hamas freed three hostages and Israel 183 prisoners.
    let t = "Hamas released three Israeli hostages on Saturday, and Israel freed 183 Palestinian prisoners.";
    let d = doc(t, Some("2025-02-09"));
    let m = run(
        &d,
        vec![day(t, "on Saturday", "2025-02-08")],
        vec![place(t, "Israel", PlaceKind::Country, None, "Israel")],
    );
    let exchange = m.iter().find(|m| m.kind == EventKind::Exchange).expect("an exchange");
    assert_eq!((exchange.date.unwrap().iso().as_str(), exchange.status), ("2025-02-08", Status::Held));
    let t = "The central bank of Israel released its quarterly figures on Saturday.";
    let d = doc(t, Some("2025-02-09"));
    let m = run(&d, vec![day(t, "on Saturday", "2025-02-08")], vec![place(t, "Israel", PlaceKind::Country, None, "Israel")]);
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn an_exchange_agreed_on_is_planned_and_not_dated_by_the_agreement() {
    // Russia and Ukraine agreed an exchange of prisoners in Istanbul on 2 June 2025.
    let t = "Russia and Ukraine agreed to an exchange of prisoners of war, the Turkish foreign minister announced on Monday.";
    let d = doc(t, Some("2025-06-03"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-06-02")],
        vec![place(t, "Russia", PlaceKind::Country, None, "Russia"), place(t, "Ukraine", PlaceKind::Country, None, "Ukraine")],
    );
    let agreement = m.iter().find(|m| m.kind == EventKind::Agreement).expect("the agreement");
    assert_eq!(agreement.date.unwrap().iso(), "2025-06-02");
    assert!(m.iter().filter(|m| m.kind == EventKind::Exchange).all(|e| e.date.is_none() && e.status == Status::Planned), "{m:#?}");
}

#[test]
fn hours_later_and_days_after_date_by_the_event_told_with_them() {
    // Biden and Putin met in Geneva on 16 June 2021 and issued a joint statement that day.
    let t = "Joe Biden and Vladimir Putin met in Geneva on Wednesday. Hours later, Biden and Putin issued a joint statement on strategic stability.";
    let d = doc(t, Some("2021-06-17"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2021-06-16")],
        vec![
            person(t, "Joe Biden", "Joe Biden", "United States"),
            person(t, "Vladimir Putin", "Vladimir Putin", "Russia"),
            place(t, "Geneva", PlaceKind::City, Some("Geneva"), "Switzerland"),
            EntityMention { span: span_of(t, "Biden", 1), entity: Entity::Person(Person { name: "Joe Biden".into(), role: None, country: Some("United States".into()) }) },
            EntityMention { span: span_of(t, "Putin", 1), entity: Entity::Person(Person { name: "Vladimir Putin".into(), role: None, country: Some("Russia".into()) }) },
        ],
    );
    let statement = m.iter().find(|m| m.kind == EventKind::Statement).expect("the statement");
    assert_eq!(statement.date.unwrap().iso(), "2021-06-16");
    // India and China announced their patrolling agreement on 21 October 2024, two days
    // before Modi and Xi met in Kazan.
    let t = "Narendra Modi met Xi Jinping in Kazan on Wednesday, two days after Vikram Misri announced an agreement on border patrolling.";
    let d = doc(t, Some("2024-10-24"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2024-10-23"), duration(t, "two days", 2)],
        vec![
            person(t, "Narendra Modi", "Narendra Modi", "India"),
            person(t, "Xi Jinping", "Xi Jinping", "China"),
            place(t, "Kazan", PlaceKind::City, Some("Kazan"), "Russia"),
            person(t, "Vikram Misri", "Vikram Misri", "India"),
        ],
    );
    let agreement = m.iter().find(|m| m.kind == EventKind::Agreement).expect("the agreement");
    assert_eq!(agreement.date.unwrap().iso(), "2024-10-21");
}

#[test]
fn a_date_in_a_clause_about_fighting_is_the_fightings() {
    let t = "The two prime ministers signed an accord extending the truce that ended the border fighting in July.";
    let d = doc(t, Some("2025-10-27"));
    let m = run(&d, vec![Timex { anchor: PartialDate::month(2025, 7), value: "2025-07".into(), ..day(t, "July", "2000-01-01") }], vec![]);
    assert!(m.iter().all(|m| m.date.is_none()), "{m:#?}");
}

#[test]
fn leaders_who_sign_in_a_summit_report_sign_at_the_summit() {
    // Leaders signed the Gaza declaration at the Sharm el-Sheikh summit, 13 October 2025.
    let t = "Leaders gathered in Sharm el-Sheikh on Monday for a summit hosted by Abdel Fattah al-Sisi and Donald Trump. Sisi and Trump signed a document as guarantors of the truce.";
    let d = doc(t, Some("2025-10-13"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-10-13")],
        vec![
            place(t, "Sharm el-Sheikh", PlaceKind::City, Some("Sharm el-Sheikh"), "Egypt"),
            person(t, "Abdel Fattah al-Sisi", "Abdel Fattah al-Sisi", "Egypt"),
            person(t, "Donald Trump", "Donald Trump", "United States"),
            EntityMention { span: span_of(t, "Sisi", 1), entity: Entity::Person(Person { name: "Abdel Fattah al-Sisi".into(), role: None, country: Some("Egypt".into()) }) },
            EntityMention { span: span_of(t, "Trump", 1), entity: Entity::Person(Person { name: "Donald Trump".into(), role: None, country: Some("United States".into()) }) },
        ],
    );
    let signing = m.iter().find(|m| m.kind == EventKind::Agreement).unwrap_or_else(|| panic!("the signing: {m:#?}"));
    assert_eq!(signing.date.unwrap().iso(), "2025-10-13");
    assert_eq!(signing.place.as_ref().and_then(|p| p.city.as_deref()), Some("Sharm el-Sheikh"));
}

#[test]
fn what_two_leaders_agree_at_their_meeting_is_its_outcome() {
    // Biden and Xi met in Lima on 16 November 2024 and agreed on human control of nuclear weapons.
    let t = "Joe Biden and Xi Jinping met in Lima on Saturday and agreed that humans should control nuclear weapons.";
    let d = doc(t, Some("2024-11-17"));
    let m = run(
        &d,
        vec![day(t, "on Saturday", "2024-11-16")],
        vec![
            person(t, "Joe Biden", "Joe Biden", "United States"),
            person(t, "Xi Jinping", "Xi Jinping", "China"),
            place(t, "Lima", PlaceKind::City, Some("Lima"), "Peru"),
        ],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].date.unwrap().iso().as_str()), (EventKind::Meeting, "2024-11-16"));
}

#[test]
fn signing_a_declaration_is_one_event_and_hotline_talks_are_calls() {
    let t = "Nikol Pashinyan and Ilham Aliyev signed a joint declaration in Washington on Friday.";
    let d = doc(t, Some("2025-08-09"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2025-08-08")],
        vec![
            person(t, "Nikol Pashinyan", "Nikol Pashinyan", "Armenia"),
            person(t, "Ilham Aliyev", "Ilham Aliyev", "Azerbaijan"),
            place(t, "Washington", PlaceKind::City, Some("Washington"), "United States"),
        ],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].status), (EventKind::Statement, Status::Held));
    // Published on a Saturday, "spoke ... by phone on Friday evening" is held, the day before.
    let t = "Keir Starmer spoke with Emmanuel Macron by phone on Friday evening, and the army chiefs of both sides spoke by hotline on Friday.";
    let d = doc(t, Some("2025-03-01"));
    let m = run(
        &d,
        vec![day(t, "on Friday evening", "2025-02-28"), day(t, "on Friday.", "2025-02-28")],
        vec![person(t, "Keir Starmer", "Keir Starmer", "United Kingdom"), person(t, "Emmanuel Macron", "Emmanuel Macron", "France")],
    );
    assert!(m.iter().all(|m| m.kind == EventKind::Call && m.status == Status::Held), "{m:#?}");
    assert_eq!(m.len(), 2, "{m:#?}");
}

#[test]
fn a_call_held_on_a_weekday_evening_is_in_the_past() {
    // Starmer phoned Trump on the evening of Friday 28 February 2025; the article is of
    // Saturday, and the weekday read forward would fall a week later.
    let t = "Keir Starmer spoke to Donald Trump by phone on Friday evening.";
    let d = doc(t, Some("2025-03-01"));
    let m = run(
        &d,
        vec![day(t, "on Friday evening", "2025-03-07")],
        vec![person(t, "Keir Starmer", "Keir Starmer", "United Kingdom"), person(t, "Donald Trump", "Donald Trump", "United States")],
    );
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].status, m[0].date.unwrap().iso().as_str()), (EventKind::Call, Status::Held, "2025-02-28"));
}

#[test]
fn a_participle_after_a_comma_continues_the_event_before_it() {
    let t = "Lula and Ramaphosa held their first formal talks in two years on Sunday, meeting on the sidelines of the summit in Rio.";
    let d = doc(t, Some("2025-07-07"));
    let m = run(
        &d,
        vec![day(t, "on Sunday", "2025-07-06")],
        vec![
            person(t, "Lula", "Luiz Inácio Lula da Silva", "Brazil"),
            person(t, "Ramaphosa", "Cyril Ramaphosa", "South Africa"),
            place(t, "Rio", PlaceKind::City, Some("Rio de Janeiro"), "Brazil"),
        ],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.participants.len(), 2, "{meeting:#?}");
}

#[test]
fn a_reference_keeps_its_subject_but_not_the_subject_of_a_later_verb() {
    let t = "Modi and Xi met in Kazan on Wednesday. The meeting came two days after Vikram Misri announced a border deal.";
    let d = doc(t, Some("2024-10-23"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2024-10-23")],
        vec![
            person(t, "Modi", "Narendra Modi", "India"),
            person(t, "Xi", "Xi Jinping", "China"),
            place(t, "Kazan", PlaceKind::City, Some("Kazan"), "Russia"),
            person(t, "Vikram Misri", "Vikram Misri", "India"),
        ],
    );
    let met = m.iter().find(|m| m.trigger.slice(t) == "met").unwrap_or_else(|| panic!("{m:#?}"));
    assert!(met.participants.iter().all(|p| p.name != "Vikram Misri"), "{met:#?}");
}

#[test]
fn he_or_she_opening_a_clause_is_the_person_named_last() {
    let t = "For Olaf Scholz it was a first trip to Beijing. He met Xi Jinping in Beijing on Tuesday.";
    let d = doc(t, Some("2024-04-17"));
    let m = run(
        &d,
        vec![day(t, "on Tuesday", "2024-04-16")],
        vec![
            person(t, "Olaf Scholz", "Olaf Scholz", "Germany"),
            person(t, "Xi Jinping", "Xi Jinping", "China"),
            Entity::Place(Place { name: "Beijing".into(), kind: PlaceKind::City, city: Some("Beijing".into()), country: Some("China".into()) })
                .pipe_at(t, "Beijing", 1),
        ],
    );
    let met = m.iter().find(|m| m.trigger.slice(t) == "met").unwrap_or_else(|| panic!("{m:#?}"));
    assert!(met.participants.iter().any(|p| p.name == "Olaf Scholz"), "{met:#?}");
}

#[test]
fn the_two_leaders_are_the_pair_the_article_is_about() {
    let t = "Biden and Xi met in Woodside on Wednesday. Biden and Xi spoke by phone in April. Biden is open to a three-way call with Lula. The two leaders last met in Bali in November.";
    let d = doc(t, Some("2023-11-16"));
    let nov = Timex { anchor: PartialDate::month(2022, 11), value: "2022-11".into(), ..day(t, "in November", "2000-01-01") };
    let apr = Timex { anchor: PartialDate::month(2023, 4), value: "2023-04".into(), ..day(t, "in April", "2000-01-01") };
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2023-11-15"), apr, nov],
        vec![
            person(t, "Biden", "Joe Biden", "United States"),
            person(t, "Xi", "Xi Jinping", "China"),
            place(t, "Woodside", PlaceKind::City, Some("Woodside"), "United States"),
            Entity::Person(Person { name: "Joe Biden".into(), role: None, country: Some("United States".into()) }).pipe_at(t, "Biden", 1),
            Entity::Person(Person { name: "Xi Jinping".into(), role: None, country: Some("China".into()) }).pipe_at(t, "Xi", 1),
            Entity::Person(Person { name: "Joe Biden".into(), role: None, country: Some("United States".into()) }).pipe_at(t, "Biden", 2),
            person(t, "Lula", "Luiz Inácio Lula da Silva", "Brazil"),
            place(t, "Bali", PlaceKind::City, Some("Bali"), "Indonesia"),
        ],
    );
    let bali = m.iter().find(|m| m.place.as_ref().is_some_and(|p| p.name == "Bali")).unwrap_or_else(|| panic!("{m:#?}"));
    let names: Vec<&str> = bali.participants.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Xi Jinping") && !names.contains(&"Luiz Inácio Lula da Silva"), "{names:?}");
}

#[test]
fn a_summit_named_for_another_organization_is_another_event() {
    let t = "NATO leaders ended their summit in Vilnius on Wednesday. A planned meeting at the G7 summit in Hiroshima fell through.";
    let d = doc(t, Some("2023-07-12"));
    let org = |needle: &str, name: &str| EntityMention {
        span: span_of(t, needle, 0),
        entity: Entity::Organization(crate::entities::Organization { name: name.into(), country: None }),
    };
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2023-07-12")],
        vec![
            org("NATO", "NATO"),
            place(t, "Vilnius", PlaceKind::City, Some("Vilnius"), "Lithuania"),
            org("G7", "G7"),
            place(t, "Hiroshima", PlaceKind::City, Some("Hiroshima"), "Japan"),
        ],
    );
    let first = m.iter().find(|m| m.place.as_ref().is_some_and(|p| p.name == "Vilnius")).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(first.place.as_ref().map(|p| p.name.as_str()), Some("Vilnius"));
    assert!(m.iter().filter(|m| m.kind == EventKind::Summit).all(|m| m.antecedent.is_none()), "{m:#?}");
}

#[test]
fn a_weekday_the_sentence_places_ahead_is_not_moved_by_a_past_event_elsewhere() {
    // US-Iran talks in Oman on Saturday 12 April 2025, announced on Wednesday 9 April.
    // The other talks in Oman the article recalls were held; the sentence's "would
    // begin" places Saturday ahead, and that reading stands.
    let t = "Iran and the United States held indirect talks in Oman in 2023. Steve Witkoff told reporters the new talks would begin in Oman on Saturday.";
    let d = doc(t, Some("2025-04-09"));
    let m = run(
        &d,
        vec![year(t, "in 2023", 2023), day(t, "on Saturday", "2025-04-12")],
        vec![
            place(t, "Oman", PlaceKind::Country, None, "Oman"),
            person(t, "Steve Witkoff", "Steve Witkoff", "United States"),
            EntityMention { span: span_of(t, "Oman", 1), entity: Entity::Place(Place { name: "Oman".into(), kind: PlaceKind::Country, city: None, country: Some("Oman".into()) }) },
        ],
    );
    let new = m.iter().find(|m| m.date_span.is_some_and(|s| s.slice(t) == "on Saturday")).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(new.date.map(|d| d.iso()).as_deref(), Some("2025-04-12"), "{m:#?}");
}

#[test]
fn a_day_counted_from_a_moved_weekday_moves_with_it() {
    // As in `planned_event_moves_a_past_tense_weekday_forward`: the Cairo talks on Friday
    // are ahead, so "the next day" counted from that Friday is the Saturday after it.
    let t = "Talks in Cairo are scheduled to begin soon. The minister earlier hinted at joining the Cairo talks on Friday. He is expected to meet Abdel Fattah al-Sisi the next day.";
    let d = doc(t, Some("2024-05-16"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2024-05-10"), day(t, "the next day", "2024-05-11")],
        vec![
            place(t, "Cairo", PlaceKind::City, Some("Cairo"), "Egypt"),
            EntityMention {
                span: span_of(t, "Cairo", 1),
                entity: Entity::Place(Place { name: "Cairo".into(), kind: PlaceKind::City, city: Some("Cairo".into()), country: Some("Egypt".into()) }),
            },
            person(t, "Abdel Fattah al-Sisi", "Abdel Fattah al-Sisi", "Egypt"),
        ],
    );
    let next = m.iter().find(|m| m.date_span.is_some_and(|s| s.slice(t) == "the next day")).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(next.date.map(|d| d.iso()).as_deref(), Some("2024-05-18"), "{m:#?}");
    assert_eq!(next.status, Status::Planned);
}

#[test]
fn talks_that_ran_into_a_night_or_ended_after_some_days_span_those_days() {
    // About 40 countries met in Jeddah on Ukraine on 5-6 August 2023.
    let t = "Officials from about 40 countries held two days of talks on Ukraine in Jeddah that ran late into Sunday night.";
    let d = doc(t, Some("2023-08-09"));
    let mut timexes = vec![duration(t, "two days", 2), time_of_day(t, "Sunday night", "2023-08-06")];
    timexes.sort_by_key(|t| t.span);
    let m = run(&d, timexes, vec![place(t, "Jeddah", PlaceKind::City, Some("Jeddah"), "Saudi Arabia")]);
    let talks = m.iter().find(|m| m.kind == EventKind::Talks).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!((talks.date.map(|d| d.iso()), talks.end.map(|d| d.iso())), (Some("2023-08-05".into()), Some("2023-08-06".into())), "{m:#?}");
    // Gaza ceasefire talks in Doha on 15-16 August 2024.
    let t = "Negotiators met in Doha on Thursday for talks that ended after two days.";
    let d = doc(t, Some("2024-08-17"));
    let m = run(&d, vec![day(t, "on Thursday", "2024-08-15"), duration(t, "two days", 2)], vec![place(t, "Doha", PlaceKind::City, Some("Doha"), "Qatar")]);
    let dated = m.iter().find(|m| m.date.is_some()).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!((dated.date.map(|d| d.iso()), dated.end.map(|d| d.iso())), (Some("2024-08-15".into()), Some("2024-08-16".into())), "{m:#?}");
    // An offset is no length: "two days after" the agreement.
    let t = "Narendra Modi met Xi Jinping in Kazan on Wednesday, two days after the patrolling agreement.";
    let d = doc(t, Some("2024-10-24"));
    let m = run(&d, vec![day(t, "on Wednesday", "2024-10-23"), duration(t, "two days", 2)], vec![place(t, "Kazan", PlaceKind::City, Some("Kazan"), "Russia")]);
    assert!(m.iter().all(|m| m.end.is_none()), "{m:#?}");
}

#[test]
fn sitting_beside_someone_is_meeting_them() {
    let t = "Biden spoke to reporters in the Oval Office on Tuesday, sitting beside NATO chief Jens Stoltenberg.";
    let d = doc(t, Some("2024-06-19"));
    let m = run(
        &d,
        vec![day(t, "on Tuesday", "2024-06-18")],
        vec![person(t, "Biden", "Joe Biden", "United States"), person(t, "Jens Stoltenberg", "Jens Stoltenberg", "Norway")],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.participants.len(), 2, "{meeting:#?}");
    assert_eq!(meeting.date.map(|d| d.iso()).as_deref(), Some("2024-06-18"));
}

#[test]
fn the_president_is_not_the_vice_president() {
    let t = "Vice President Kamala Harris spoke in Paris. The president flew to Hanoi on Sunday.";
    let d = doc(t, Some("2023-09-11"));
    let m = run(
        &d,
        vec![day(t, "on Sunday", "2023-09-10")],
        vec![
            EntityMention {
                span: span_of(t, "Kamala Harris", 0),
                entity: Entity::Person(Person { name: "Kamala Harris".into(), role: Some("Vice President".into()), country: Some("United States".into()) }),
            },
            place(t, "Paris", PlaceKind::City, Some("Paris"), "France"),
            place(t, "Hanoi", PlaceKind::City, Some("Hanoi"), "Vietnam"),
        ],
    );
    assert!(m.iter().all(|m| m.participants.iter().all(|p| p.name != "Kamala Harris") || m.place.as_ref().is_some_and(|p| p.name == "Paris")), "{m:#?}");
}

#[test]
fn two_days_after_one_event_another_comes_two_days_later() {
    let t = "Two days after the summit in Rome on 2 June, Lavrov met Fidan in Ankara.";
    let d = doc(t, Some("2025-06-10"));
    let mut timexes = vec![day(t, "on 2 June", "2025-06-02")];
    timexes.push(Timex { kind: TimexType::Duration, value: "P2D".into(), anchor: None, ..day(t, "Two days", "2000-01-01") });
    timexes.sort_by_key(|t| t.span);
    let m = run(
        &d,
        timexes,
        vec![
            place(t, "Rome", PlaceKind::City, Some("Rome"), "Italy"),
            person(t, "Lavrov", "Sergei Lavrov", "Russia"),
            person(t, "Fidan", "Hakan Fidan", "Turkey"),
            place(t, "Ankara", PlaceKind::City, Some("Ankara"), "Turkey"),
        ],
    );
    let met = m.iter().find(|m| m.trigger.slice(t) == "met").unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(met.date.map(|d| d.iso()).as_deref(), Some("2025-06-04"), "{m:#?}");
}

#[test]
fn every_reference_row_is_a_pair_or_a_title() {
    let rows: Vec<&str> = include_str!("../../data/events/references.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let kind = row.split_once('\t').map(|(_, k)| k.trim());
        assert!(matches!(kind, Some("pair" | "title")), "bad row {row:?}");
    }
}

#[test]
fn a_meeting_no_longer_needed_is_called_off() {
    let t = "Aides to Aleksandar Vucic said on Friday that a meeting of the Serbian and Kosovo negotiators in Brussels was no longer needed.";
    let d = doc(t, Some("2023-09-15"));
    let m = run(
        &d,
        vec![],
        vec![place(t, "Brussels", PlaceKind::City, Some("Brussels"), "Belgium"), person(t, "Aleksandar Vucic", "Aleksandar Vucic", "Serbia")],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.status, Status::Cancelled, "{m:#?}");
}

#[test]
fn a_call_expected_is_a_planned_call_but_a_speech_is_not() {
    let t = "Scholz is expected to speak with Xi Jinping on Tuesday, his office said. Scholz then rose to speak to Parliament on Wednesday.";
    let d = doc(t, Some("2024-04-12"));
    let m = run(
        &d,
        vec![day(t, "on Tuesday", "2024-04-16"), day(t, "on Wednesday", "2024-04-17")],
        vec![person(t, "Scholz", "Olaf Scholz", "Germany"), person(t, "Xi Jinping", "Xi Jinping", "China")],
    );
    let calls: Vec<_> = m.iter().filter(|m| m.kind == EventKind::Call).collect();
    assert_eq!(calls.len(), 1, "{m:#?}");
    assert_eq!(calls[0].status, Status::Planned);
    assert_eq!(calls[0].date.unwrap().iso(), "2024-04-16");
}

#[test]
fn a_swap_announced_for_the_same_day_is_planned() {
    let t = "Officials in Baku and Yerevan said the two countries would swap detainees on Wednesday.";
    let d = doc(t, Some("2024-01-17"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2024-01-17")],
        vec![place(t, "Baku", PlaceKind::City, Some("Baku"), "Azerbaijan"), place(t, "Yerevan", PlaceKind::City, Some("Yerevan"), "Armenia")],
    );
    let swap = m.iter().find(|m| m.kind == EventKind::Exchange).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(swap.status, Status::Planned);
}

#[test]
fn a_meeting_inside_a_summit_takes_its_month_and_place() {
    let t = "A planned meeting at the ASEAN summit in Laos earlier this month fell through when Biden stayed home.";
    let d = doc(t, Some("2024-10-25"));
    let month = Timex { anchor: PartialDate::month(2024, 10), value: "2024-10".into(), ..day(t, "earlier this month", "2024-10-01") };
    let m = run(
        &d,
        vec![month],
        vec![place(t, "Laos", PlaceKind::Country, None, "Laos"), person(t, "Biden", "Joe Biden", "United States")],
    );
    let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.status, Status::Cancelled);
    assert_eq!(meeting.date.map(|d| d.iso()).as_deref(), Some("2024-10"));
    assert_eq!(meeting.place.as_ref().map(|p| p.name.as_str()), Some("Laos"));
}

#[test]
fn a_visit_to_a_country_is_there() {
    let t = "Modi made a state visit to Russia on July 8, 2024.";
    let d = doc(t, Some("2024-07-10"));
    let m = run(&d, vec![day(t, "on July 8, 2024", "2024-07-08")], vec![place(t, "Russia", PlaceKind::Country, None, "Russia"), person(t, "Modi", "Narendra Modi", "India")]);
    let visit = m.iter().find(|m| m.kind == EventKind::Visit).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(visit.place.as_ref().map(|p| p.name.as_str()), Some("Russia"));
}

/// A name that opens a paragraph is the subject of its own sentence, not an object of
/// the last words of the paragraph before ("... by the end of March." then "Name, who
/// attended ..."), which would drop it from the event.
#[test]
fn a_paragraph_opening_name_is_not_governed_by_the_paragraph_before() {
    let t = "Officials hope to finish the text by the end of March.\n\nWillem-Alexander, who attended a summit of Benelux leaders in Luxembourg on Monday, said little.";
    let d = doc(t, Some("2025-03-04"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-03-03")],
        vec![
            person(t, "Willem-Alexander", "Willem-Alexander", "Netherlands"),
            place(t, "Luxembourg", PlaceKind::City, Some("Luxembourg"), "Luxembourg"),
        ],
    );
    let summit = m.iter().find(|m| m.kind == EventKind::Summit).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(summit.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Willem-Alexander"]);
}

/// A dated verb of saying dates a call its speaker reports in the past simple (the
/// usual way a call becomes known), and not one he will have or had had before.
#[test]
fn a_call_reported_in_the_past_takes_the_day_it_was_told() {
    let t = "Anthony Albanese said on Tuesday that he had a warm phone call with Xi Jinping about trade.";
    let d = doc(t, Some("2024-06-19"));
    let people = |t: &str| vec![person(t, "Anthony Albanese", "Anthony Albanese", "Australia"), person(t, "Xi Jinping", "Xi Jinping", "China")];
    let m = run(&d, vec![day(t, "on Tuesday", "2024-06-18")], people(t));
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!((m[0].kind, m[0].status), (EventKind::Call, Status::Held));
    assert_eq!(m[0].date.map(|d| d.iso()).as_deref(), Some("2024-06-18"));

    for t in [
        "Anthony Albanese said on Tuesday that he would have a phone call with Xi Jinping about trade.",
        "Anthony Albanese said on Tuesday that he had held a phone call with Xi Jinping about trade.",
    ] {
        let d = doc(t, Some("2024-06-19"));
        let m = run(&d, vec![day(t, "on Tuesday", "2024-06-18")], people(t));
        assert!(m.iter().all(|m| m.date.is_none()), "{t}: {m:#?}");
    }
}

/// "by phone" after a verb of talking to someone is a call; after an interview it is not.
#[test]
fn talking_by_phone_is_a_call() {
    for (t, call) in [
        ("Olaf Scholz had spoken to Vladimir Putin by phone on Friday for the first time in two years.", true),
        ("Scholz and Putin speak by phone for the first time since 2022", true),
        ("Olaf Scholz spoke to reporters by phone from Berlin on Friday.", false),
        ("Olaf Scholz could not be reached by phone on Friday.", false),
    ] {
        assert_eq!(find_triggers(t).iter().any(|h| h.kind == EventKind::Call), call, "{t}");
    }
}

#[test]
fn an_invitation_to_visit_is_a_plan_not_a_visit() {
    // After their talks in Tokyo, the Japanese prime minister asked the Indian prime
    // minister to come to Japan again (an invitation: no date, nothing held yet).
    let t = "Prime Minister Aiko Sato invited Ravi Menon to visit Japan.";
    let d = doc(t, Some("2025-08-30"));
    let m = run(
        &d,
        vec![],
        vec![
            person(t, "Aiko Sato", "Aiko Sato", "Japan"),
            person(t, "Ravi Menon", "Ravi Menon", "India"),
            place(t, "Japan", PlaceKind::Country, None, "Japan"),
        ],
    );
    let visit = m.iter().find(|m| m.kind == EventKind::Visit).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(visit.status, Status::Planned);
    assert!(visit.status_explicit);
    assert_eq!(visit.date, None);
}

#[test]
fn a_past_visit_does_not_refer_back_to_an_invitation() {
    let t = "Aiko Sato invited Ravi Menon to visit Japan. On the way Menon had held talks with the Thai leaders on Tuesday, the first visit by an Indian premier in a decade.";
    let d = doc(t, Some("2025-08-29"));
    let m = run(
        &d,
        vec![day(t, "on Tuesday", "2025-08-26")],
        vec![
            person(t, "Aiko Sato", "Aiko Sato", "Japan"),
            person(t, "Ravi Menon", "Ravi Menon", "India"),
            place(t, "Japan", PlaceKind::Country, None, "Japan"),
        ],
    );
    let past = m.iter().find(|m| m.kind == EventKind::Visit && m.date.is_some()).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(past.status, Status::Held);
    assert_eq!(past.antecedent, None, "{m:#?}");
}

#[test]
fn the_next_round_follows_the_last_numbered_round() {
    let t = "Serbia and Kosovo held a first round of talks in Brussels on Monday. The envoy said the next round would take place on Friday.";
    let d = doc(t, Some("2025-03-11"));
    let m = run(
        &d,
        vec![day(t, "on Monday", "2025-03-10"), day(t, "on Friday", "2025-03-14")],
        vec![place(t, "Brussels", PlaceKind::City, Some("Brussels"), "Belgium")],
    );
    let rounds: Vec<(Option<u32>, Option<String>)> = m.iter().map(|m| (m.round, m.date.map(|d| d.iso()))).collect();
    assert!(rounds.contains(&(Some(1), Some("2025-03-10".into()))), "{m:#?}");
    assert!(rounds.contains(&(Some(2), Some("2025-03-14".into()))), "{m:#?}");
}

#[test]
fn a_plan_of_another_action_after_the_event_word_is_not_the_events() {
    // On the day: the meeting is under way; the plan is the adoption.
    let t = "ASEAN foreign ministers meeting in Manila on Tuesday welcomed the truce and were expected to adopt a joint statement on the sea.";
    let d = doc(t, Some("2025-07-08"));
    let m = run(&d, vec![day(t, "on Tuesday", "2025-07-08")], vec![place(t, "Manila", PlaceKind::City, Some("Manila"), "Philippines")]);
    let meeting = m.iter().find(|m| matches!(m.kind, EventKind::Meeting | EventKind::Conference)).unwrap_or_else(|| panic!("{m:#?}"));
    assert_ne!(meeting.status, Status::Planned, "{m:#?}");
    // A plan of the event's own course is still its plan.
    let t = "ASEAN foreign ministers meeting in Manila are expected to begin on Thursday.";
    let d = doc(t, Some("2025-07-08"));
    let m = run(&d, vec![day(t, "on Thursday", "2025-07-10")], vec![place(t, "Manila", PlaceKind::City, Some("Manila"), "Philippines")]);
    let meeting = m.iter().find(|m| matches!(m.kind, EventKind::Meeting | EventKind::Conference)).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.status, Status::Planned, "{m:#?}");
}

#[test]
fn an_invitation_does_not_make_a_past_meeting_a_plan() {
    let t = "Ravi Menon, who was invited by Aiko Sato, met her in Osaka on Friday.";
    let d = doc(t, Some("2025-09-06"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2025-09-05")],
        vec![
            person(t, "Ravi Menon", "Ravi Menon", "India"),
            person(t, "Aiko Sato", "Aiko Sato", "Japan"),
            place(t, "Osaka", PlaceKind::City, Some("Osaka"), "Japan"),
        ],
    );
    let met = m.iter().find(|m| m.kind == EventKind::Meeting).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(met.status, Status::Held, "{m:#?}");
}

#[test]
fn a_plan_of_the_agenda_right_after_the_event_word_is_still_the_events() {
    let t = "Ana Ruiz and Bo Chen, meeting in Lisbon, are expected to sign a fisheries pact.";
    let d = doc(t, Some("2025-09-06"));
    let m = run(
        &d,
        vec![],
        vec![
            person(t, "Ana Ruiz", "Ana Ruiz", "Spain"),
            person(t, "Bo Chen", "Bo Chen", "China"),
            place(t, "Lisbon", PlaceKind::City, Some("Lisbon"), "Portugal"),
        ],
    );
    let meeting = m.iter().find(|m| matches!(m.kind, EventKind::Meeting | EventKind::Conference)).unwrap_or_else(|| panic!("{m:#?}"));
    assert_eq!(meeting.status, Status::Planned, "{m:#?}");
}
