//! A realistic timeline for the render tests, written for them: three dated
//! articles and one undated note, events at every precision and status, a range,
//! an undated event, findings of several kinds, and annotated document views.
#![allow(dead_code)]

use summitry::dates::Precision;
use summitry::render::{Annotation, AnnotationKind, DocumentView, SiteData};
use summitry::timeline::*;

/// Byte span of the `n`th occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    (start, start + needle.len())
}

pub struct Doc {
    pub info: DocumentInfo,
    pub text: String,
    pub annotations: Vec<Annotation>,
}

impl Doc {
    fn new(id: &str, title: Option<&str>, source: Option<&str>, url: Option<&str>, published: Option<&str>, text: &str) -> Doc {
        Doc {
            info: DocumentInfo {
                id: id.into(),
                path: id.split('#').next().unwrap_or(id).into(),
                title: title.map(Into::into),
                source: source.map(Into::into),
                url: url.map(Into::into),
                author: None,
                published: published.map(Into::into),
            },
            text: text.into(),
            annotations: Vec::new(),
        }
    }
    pub fn annotate(&mut self, needle: &str, kind: AnnotationKind, event: Option<&str>) {
        let (start, end) = find(&self.text, needle);
        self.annotations.push(Annotation { start, end, kind, event: event.map(Into::into) });
    }
    /// A source for `event` quoting `sentence`, with `date` its date expression.
    pub fn source(&self, sentence: &str, date: Option<&str>, status: Status) -> SourceRef {
        let (start, end) = find(&self.text, sentence);
        let (date_start, date_end) = match date {
            Some(d) => {
                let (s, e) = find(sentence, d);
                (Some(start + s), Some(start + e))
            }
            None => (None, None),
        };
        SourceRef {
            document: self.info.id.clone(),
            quote: sentence.into(),
            start,
            end,
            date_start,
            date_end,
            status,
            published: self.info.published.clone(),
        }
    }
}

pub fn person(name: &str, role: Option<&str>, country: Option<&str>) -> Participant {
    Participant { name: name.into(), role: role.map(Into::into), country: country.map(Into::into) }
}

pub fn place(name: &str, city: Option<&str>, country: Option<&str>) -> PlaceInfo {
    PlaceInfo { name: name.into(), city: city.map(Into::into), country: country.map(Into::into) }
}

pub fn date(value: &str, precision: Precision, end: Option<&str>) -> EventDate {
    EventDate { value: value.into(), precision, end: end.map(Into::into) }
}

pub fn event(id: &str, kind: EventKind, title: &str, date: Option<EventDate>, status: Status, place: Option<PlaceInfo>, participants: Vec<Participant>, sources: Vec<SourceRef>) -> Event {
    Event { id: id.into(), kind, title: title.into(), date, status, place, participants, sources }
}

const RIYADH: &str = "US and Russian delegations sit down in Riyadh\n\n\
Secretary of State Marco Rubio and Foreign Minister Sergey Lavrov met in Riyadh on Tuesday, 18 February 2025, for more than four hours.\n\n\
The talks came days after the Munich Security Conference, held from 14 to 16 February, where European leaders voiced alarm.\n\n\
Officials said a deal on shipping had been dropped for 2025 after objections from Kyiv.";

const KL_PREVIEW: &str = "Rubio and Lavrov are set to meet in Kuala Lumpur on Thursday, on the sidelines of the ASEAN foreign ministers' meeting.\n\nA visit by the Ukrainian delegation planned for July has been postponed, aides said.";

const KL_REPORT: &str = "Rubio and Lavrov met in Kuala Lumpur on 10 July for about fifty minutes.\n\nIt was their second meeting this year.";

const NOTE: &str = "Undated notes from a briefing.\n\nDelegations from Russia and Ukraine held prisoner-exchange talks in Istanbul in the week of 12 May.\n\nZelenskyy spoke with Trump by phone, an adviser said, without saying when.";

pub struct Fixture {
    pub docs: Vec<Doc>,
    pub timeline: Timeline,
}

pub fn fixture() -> Fixture {
    use AnnotationKind::*;
    let mut riyadh = Doc::new(
        "wire/2025-02-18-riyadh.txt",
        Some("US and Russian delegations sit down in Riyadh"),
        Some("Example Wire"),
        Some("https://example.org/world/riyadh-talks?utm=1&x=2"),
        Some("2025-02-18"),
        RIYADH,
    );
    let mut preview = Doc::new("feeds/july.jsonl#2", Some("Rubio and Lavrov to meet in Kuala Lumpur"), Some("Feed Daily"), Some("http://feed.example.net/kl"), Some("2025-07-09"), KL_PREVIEW);
    let mut report = Doc::new("html/kl report.html", Some("Rubio and Lavrov meet on ASEAN sidelines"), None, Some("ftp://files.example.net/kl"), Some("2025-07-11"), KL_REPORT);
    let mut note = Doc::new("notes/briefing.md", None, None, None, None, NOTE);

    let s_riyadh = "Secretary of State Marco Rubio and Foreign Minister Sergey Lavrov met in Riyadh on Tuesday, 18 February 2025, for more than four hours.";
    let s_munich = "The talks came days after the Munich Security Conference, held from 14 to 16 February, where European leaders voiced alarm.";
    let s_deal = "Officials said a deal on shipping had been dropped for 2025 after objections from Kyiv.";
    let s_kl1 = "Rubio and Lavrov are set to meet in Kuala Lumpur on Thursday, on the sidelines of the ASEAN foreign ministers' meeting.";
    let s_visit = "A visit by the Ukrainian delegation planned for July has been postponed, aides said.";
    let s_kl2 = "Rubio and Lavrov met in Kuala Lumpur on 10 July for about fifty minutes.";
    let s_ist = "Delegations from Russia and Ukraine held prisoner-exchange talks in Istanbul in the week of 12 May.";
    let s_call = "Zelenskyy spoke with Trump by phone, an adviser said, without saying when.";

    let e_riyadh = "2025-02-18-meeting-rubio-lavrov";
    let e_munich = "2025-02-14-conference-munich";
    let e_ist = "2025-w20-talks-istanbul";
    let e_visit = "2025-07-visit-ukraine";
    let e_kl = "2025-07-10-meeting-rubio-lavrov";
    let e_deal = "2025-agreement-shipping";
    let e_call = "call-zelenskyy-trump";

    riyadh.annotate("Marco Rubio", Person, None);
    riyadh.annotate("Sergey Lavrov", Person, None);
    riyadh.annotate("met", Trigger, Some(e_riyadh));
    riyadh.annotate("Riyadh on", Place, None);
    riyadh.annotate("on Tuesday, 18 February 2025", Date, Some(e_riyadh));
    riyadh.annotate("Munich Security Conference", Trigger, Some(e_munich));
    riyadh.annotate("from 14 to 16 February", Date, Some(e_munich));
    riyadh.annotate("2025 after", Date, None);
    riyadh.annotate("Kyiv", Place, None);
    // "Riyadh on" was a deliberately sloppy span; trim it to the name.
    if let Some(a) = riyadh.annotations.iter_mut().find(|a| a.kind == Place && a.end - a.start == 9) {
        a.end -= 3;
    }
    if let Some(a) = riyadh.annotations.iter_mut().find(|a| a.kind == Date && a.end - a.start == 10) {
        a.end -= 6;
    }
    preview.annotate("Rubio", Person, None);
    preview.annotate("Lavrov", Person, None);
    preview.annotate("Kuala Lumpur", Place, None);
    preview.annotate("on Thursday", Date, Some(e_kl));
    preview.annotate("ASEAN", Organization, None);
    // An event sentence that contains a date: nesting.
    preview.annotate("meet in Kuala Lumpur on Thursday", Trigger, Some(e_kl));
    preview.annotate("visit", Trigger, Some(e_visit));
    preview.annotate("July", Date, Some(e_visit));
    report.annotate("Rubio", Person, None);
    report.annotate("Lavrov", Person, None);
    report.annotate("met", Trigger, Some(e_kl));
    report.annotate("Kuala Lumpur", Place, None);
    report.annotate("on 10 July", Date, Some(e_kl));
    note.annotate("Istanbul", Place, None);
    note.annotate("talks", Trigger, Some(e_ist));
    note.annotate("the week of 12 May", Date, Some(e_ist));
    note.annotate("Zelenskyy", Person, None);
    note.annotate("Trump", Person, None);
    note.annotate("spoke", Trigger, Some(e_call));
    for d in [&mut riyadh, &mut preview, &mut report, &mut note] {
        d.annotations.sort();
    }

    let rubio = person("Marco Rubio", Some("Secretary of State"), Some("United States"));
    let lavrov = person("Sergey Lavrov", Some("Foreign Minister"), Some("Russia"));
    let kl = place("Kuala Lumpur", Some("Kuala Lumpur"), Some("Malaysia"));
    let events = vec![
        event(e_munich, EventKind::Conference, "Munich Security Conference", Some(date("2025-02-14", Precision::Day, Some("2025-02-16"))), Status::Held, Some(place("Munich", Some("Munich"), Some("Germany"))), vec![], vec![riyadh.source(s_munich, Some("from 14 to 16 February"), Status::Held)]),
        event(e_riyadh, EventKind::Meeting, "Rubio and Lavrov meet in Riyadh", Some(date("2025-02-18", Precision::Day, None)), Status::Held, Some(place("Riyadh", Some("Riyadh"), Some("Saudi Arabia"))), vec![rubio.clone(), lavrov.clone()], vec![riyadh.source(s_riyadh, Some("on Tuesday, 18 February 2025"), Status::Held)]),
        event(e_ist, EventKind::Talks, "Russia–Ukraine talks in Istanbul", Some(date("2025-W20", Precision::Week, None)), Status::Held, Some(place("Istanbul", Some("Istanbul"), Some("Türkiye"))), vec![], vec![note.source(s_ist, Some("the week of 12 May"), Status::Held)]),
        event(e_visit, EventKind::Visit, "Ukrainian delegation visit", Some(date("2025-07", Precision::Month, None)), Status::Postponed, None, vec![], vec![preview.source(s_visit, Some("July"), Status::Postponed)]),
        event(e_kl, EventKind::Meeting, "Rubio and Lavrov meet in Kuala Lumpur", Some(date("2025-07-10", Precision::Day, None)), Status::Held, Some(kl), vec![rubio, lavrov], vec![preview.source(s_kl1, Some("on Thursday"), Status::Planned), report.source(s_kl2, Some("on 10 July"), Status::Held)]),
        event(e_deal, EventKind::Agreement, "Shipping deal", Some(date("2025", Precision::Year, None)), Status::Cancelled, None, vec![], vec![riyadh.source(s_deal, Some("2025"), Status::Cancelled)]),
        event(e_call, EventKind::Call, "Zelenskyy–Trump call", None, Status::Unknown, None, vec![person("Volodymyr Zelenskyy", Some("President"), Some("Ukraine")), person("Donald Trump", Some("President"), Some("United States"))], vec![note.source(s_call, None, Status::Unknown)]),
    ];
    let findings = vec![
        Finding { severity: Severity::Warning, kind: FindingKind::DateConflict, message: "Sources disagree on the year of the shipping deal.".into(), events: vec![e_deal.into()], documents: vec![riyadh.info.id.clone(), note.info.id.clone()] },
        Finding { severity: Severity::Info, kind: FindingKind::MissingPublished, message: "notes/briefing.md has no publication date; its relative dates stay unresolved.".into(), events: vec![], documents: vec![note.info.id.clone()] },
        Finding { severity: Severity::Info, kind: FindingKind::MissingPlace, message: "The Zelenskyy–Trump call has no place.".into(), events: vec![e_call.into()], documents: vec![note.info.id.clone()] },
        Finding { severity: Severity::Warning, kind: FindingKind::Rescheduled, message: "The visit was expected in July and is now postponed.".into(), events: vec![e_visit.into()], documents: vec![preview.info.id.clone()] },
        Finding { severity: Severity::Error, kind: FindingKind::UnresolvedDate, message: "\"without saying when\" cannot be placed on the calendar.".into(), events: vec![e_call.into()], documents: vec![note.info.id.clone()] },
    ];
    let docs = vec![preview, report, note, riyadh];
    let mut infos: Vec<DocumentInfo> = docs.iter().map(|d| d.info.clone()).collect();
    infos.sort_by(|a, b| a.id.cmp(&b.id));
    Fixture { timeline: Timeline { schema_version: SCHEMA_VERSION, documents: infos, events, findings }, docs }
}

impl Fixture {
    pub fn site(&self) -> SiteData {
        SiteData {
            title: "Diplomacy 2025".into(),
            timeline: self.timeline.clone(),
            documents: self.docs.iter().map(|d| DocumentView { id: d.info.id.clone(), text: d.text.clone(), annotations: d.annotations.clone() }).collect(),
        }
    }
}

/// Every file under `dir`, as (path relative to `dir` with `/`, bytes), sorted.
pub fn read_tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}
