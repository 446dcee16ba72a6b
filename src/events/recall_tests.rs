//! Tests of the mechanisms that find more events (schedules in the present tense,
//! tours, titled gatherings), on sentences of our own about real meetings.

use super::tests::{day, doc, person, place, run, span_of};
use super::*;

fn titled(text: &str, needle: &str, name: &str, role: &str, country: &str) -> EntityMention {
    EntityMention {
        span: span_of(text, needle, 0),
        entity: Entity::Person(Person { name: name.into(), role: Some(role.into()), country: Some(country.into()) }),
    }
}

#[test]
fn a_weekday_of_a_timetable_lies_ahead_and_an_interim_president_is_not_the_president() {
    // Macron received Syria's interim president at the Elysee on 7 May 2025; the
    // dates stage read the present-tense "flies on Friday" as the Friday gone.
    let t = "French President Emmanuel Macron received Syria's interim president, Ahmed al-Sharaa, at the Elysee on Wednesday. The president flies to Lisbon on Friday.";
    let d = doc(t, Some("2025-05-07"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2025-05-07"), day(t, "on Friday", "2025-05-02")],
        vec![
            titled(t, "Emmanuel Macron", "Emmanuel Macron", "President", "France"),
            titled(t, "Ahmed al-Sharaa", "Ahmed al-Sharaa", "President", "Syria"),
            place(t, "Lisbon", PlaceKind::City, Some("Lisbon"), "Portugal"),
        ],
    );
    let trip = m.iter().find(|e| e.kind == EventKind::Visit).unwrap_or_else(|| panic!("no visit in {m:#?}"));
    assert_eq!(trip.date.map(|d| d.iso()).as_deref(), Some("2025-05-09"));
    assert_eq!(trip.status, Status::Planned);
    assert!(trip.participants.iter().any(|p| p.name == "Emmanuel Macron"), "{trip:#?}");
    assert!(!trip.participants.iter().any(|p| p.name == "Ahmed al-Sharaa"), "{trip:#?}");
}

#[test]
fn a_plan_in_a_relative_clause_is_not_the_trips() {
    // Zelensky flew from Brussels to London, where Starmer received him, 19 Dec 2024
    // (our own sentence about a real trip).
    let t = "Zelensky flew on to London, where the prime minister is due to receive him at Downing Street on Thursday.";
    let d = doc(t, Some("2024-12-19"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2024-12-19")],
        vec![person(t, "Zelensky", "Volodymyr Zelensky", "Ukraine"), place(t, "London", PlaceKind::City, Some("London"), "United Kingdom")],
    );
    let trip = m.iter().find(|e| e.kind == EventKind::Visit).unwrap_or_else(|| panic!("no visit in {m:#?}"));
    assert_eq!(trip.status, Status::Held, "{trip:#?}");
}

#[test]
fn a_visit_to_a_country_goes_to_the_city_its_sentence_names() {
    // Modi visited Vienna on 9-10 July 2024; our own sentence.
    let t = "Next, Modi travels on Tuesday to Vienna, the first visit to Austria by an Indian leader in decades.";
    let d = doc(t, Some("2024-07-08"));
    let m = run(
        &d,
        vec![day(t, "on Tuesday", "2024-07-09")],
        vec![
            person(t, "Modi", "Narendra Modi", "India"),
            place(t, "Vienna", PlaceKind::City, Some("Vienna"), "Austria"),
            place(t, "Austria", PlaceKind::Country, None, "Austria"),
        ],
    );
    let trip = m.iter().find(|e| e.kind == EventKind::Visit).unwrap_or_else(|| panic!("no visit in {m:#?}"));
    assert_eq!(trip.place.as_ref().map(|p| p.name.as_str()), Some("Vienna"), "{trip:#?}");
}

#[test]
fn a_part_of_the_day_keeps_the_day_the_story_is_telling() {
    // Blinken met Sisi in Cairo on 10 June 2024 and flew to Israel that evening.
    let t = "Antony Blinken met Egyptian President Abdel Fattah al-Sisi in Cairo on Monday morning. He landed in Tel Aviv in the evening.";
    let d = doc(t, Some("2024-06-11"));
    let m = run(
        &d,
        vec![day(t, "on Monday morning", "2024-06-10")],
        vec![
            person(t, "Antony Blinken", "Antony Blinken", "United States"),
            person(t, "Abdel Fattah al-Sisi", "Abdel Fattah al-Sisi", "Egypt"),
            place(t, "Cairo", PlaceKind::City, Some("Cairo"), "Egypt"),
            place(t, "Tel Aviv", PlaceKind::City, Some("Tel Aviv"), "Israel"),
        ],
    );
    let trip = m.iter().find(|e| e.kind == EventKind::Visit).unwrap_or_else(|| panic!("no visit in {m:#?}"));
    assert_eq!(trip.date.map(|d| d.iso()).as_deref(), Some("2024-06-10"), "{trip:#?}");
}

#[test]
fn the_first_visit_in_apposition_is_the_event_just_told() {
    // Modi met Tusk in Warsaw on 22 August 2024; our own sentences.
    let t = "Modi later asked Zelensky to visit India. On the way he stopped in Warsaw, where he held talks with Donald Tusk on Thursday, the first visit by an Indian premier to Poland in 45 years.";
    let d = doc(t, Some("2024-08-23"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2024-08-22")],
        vec![
            person(t, "Modi", "Narendra Modi", "India"),
            person(t, "Zelensky", "Volodymyr Zelensky", "Ukraine"),
            place(t, "India", PlaceKind::Country, None, "India"),
            place(t, "Warsaw", PlaceKind::City, Some("Warsaw"), "Poland"),
            person(t, "Donald Tusk", "Donald Tusk", "Poland"),
            place(t, "Poland", PlaceKind::Country, None, "Poland"),
        ],
    );
    let first = m.iter().find(|e| e.trigger.slice(t) == "visit" && e.sentence.slice(t).contains("Warsaw")).unwrap_or_else(|| panic!("no apposed visit in {m:#?}"));
    assert_ne!(first.place.as_ref().map(|p| p.name.as_str()), Some("India"), "{first:#?}");
}

#[test]
fn then_goes_on_from_the_day_of_the_sentence_before() {
    // Biden met Xi at Woodside on 15 November 2023, then attended the APEC leaders'
    // dinner in San Francisco; our own sentences.
    let t = "Joe Biden met Xi Jinping at Woodside on Wednesday. President Biden then sat down with Pacific leaders at a dinner in San Francisco. Xi then held talks with business leaders.";
    let d = doc(t, Some("2023-11-16"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2023-11-15")],
        vec![
            person(t, "Joe Biden", "Joe Biden", "United States"),
            person(t, "Xi Jinping", "Xi Jinping", "China"),
            person(t, "President Biden", "Joe Biden", "United States"),
            person(t, "Xi then", "Xi Jinping", "China"),
            place(t, "Woodside", PlaceKind::City, Some("Woodside"), "United States"),
            place(t, "San Francisco", PlaceKind::City, Some("San Francisco"), "United States"),
        ],
    );
    let dinner = m.iter().find(|e| e.sentence.slice(t).contains("then")).unwrap_or_else(|| panic!("nothing after 'then' in {m:#?}"));
    assert_eq!(dinner.date.map(|d| d.iso()).as_deref(), Some("2023-11-15"), "{dinner:#?}");
    assert_eq!(dinner.place.as_ref().map(|p| p.name.as_str()), Some("San Francisco"), "{dinner:#?}");
    // An event with no place of its own is where the story was.
    let talks = m.iter().find(|e| e.kind == EventKind::Talks).unwrap_or_else(|| panic!("no talks in {m:#?}"));
    assert_eq!(talks.place.as_ref().map(|p| p.name.as_str()), Some("San Francisco"), "{talks:#?}");
}

#[test]
fn a_passive_reception_is_a_meeting_and_hours_later_keeps_the_day() {
    // Armenia's and Azerbaijan's foreign ministers initialled their peace text in
    // Washington on 8 August 2025; our own sentences.
    let t = "The two ministers signed the declaration at the State Department on Friday. Hours later the two ministers were received by Donald Trump in the Oval Office.";
    let d = doc(t, Some("2025-08-09"));
    let m = run(
        &d,
        vec![day(t, "on Friday", "2025-08-08")],
        vec![person(t, "Donald Trump", "Donald Trump", "United States"), place(t, "Oval Office", PlaceKind::Venue, Some("Washington"), "United States")],
    );
    let reception = m.iter().find(|e| e.kind == EventKind::Meeting).unwrap_or_else(|| panic!("no meeting in {m:#?}"));
    assert_eq!(reception.date.map(|d| d.iso()).as_deref(), Some("2025-08-08"), "{reception:#?}");
}

#[test]
fn a_meal_together_is_a_meeting_of_the_pair_that_opens_the_clause() {
    // Modi and Xi met in Kazan in October 2024; our own sentences.
    let t = "Narendra Modi met Xi Jinping in Kazan on Wednesday. The two leaders had last talked at length in August 2023, in a short and informal exchange over dinner in Johannesburg.";
    let d = doc(t, Some("2024-10-24"));
    let m = run(
        &d,
        vec![day(t, "on Wednesday", "2024-10-23"), Timex { anchor: PartialDate::month(2023, 8), value: "2023-08".into(), ..day(t, "in August 2023", "2023-08-01") }],
        vec![
            person(t, "Narendra Modi", "Narendra Modi", "India"),
            person(t, "Xi Jinping", "Xi Jinping", "China"),
            place(t, "Kazan", PlaceKind::City, Some("Kazan"), "Russia"),
            place(t, "Johannesburg", PlaceKind::City, Some("Johannesburg"), "South Africa"),
        ],
    );
    let dinner = m.iter().find(|e| e.trigger.slice(t) == "over dinner").unwrap_or_else(|| panic!("no dinner in {m:#?}"));
    assert_eq!(dinner.kind, EventKind::Meeting);
    assert!(dinner.participants.iter().any(|p| p.name == "Xi Jinping"), "{dinner:#?}");
}

#[test]
fn the_last_day_is_the_last_day_the_story_named() {
    // The EU and China closed their summit in Beijing on 24 July 2025; our own sentences.
    let t = "The two sides wrapped up their summit in Beijing on Thursday. Ursula von der Leyen and Li Qiang issued a joint statement on climate on the last day.";
    let d = doc(t, Some("2025-07-25"));
    let m = run(
        &d,
        vec![day(t, "on Thursday", "2025-07-24")],
        vec![
            place(t, "Beijing", PlaceKind::City, Some("Beijing"), "China"),
            person(t, "Ursula von der Leyen", "Ursula von der Leyen", "European Union"),
            person(t, "Li Qiang", "Li Qiang", "China"),
        ],
    );
    let statement = m.iter().find(|e| e.kind == EventKind::Statement).unwrap_or_else(|| panic!("no statement in {m:#?}"));
    assert_eq!(statement.date.map(|d| d.iso()).as_deref(), Some("2025-07-24"), "{statement:#?}");
    assert_eq!(statement.place.as_ref().map(|p| p.name.as_str()), Some("Beijing"), "{statement:#?}");
}
