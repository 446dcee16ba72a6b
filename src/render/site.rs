//! The static site: view models, askama templates, and writing the files.
//!
//! Pages are computed as `(path, bytes)` pairs first (in parallel with rayon, then
//! sorted by path), and only then written, so a template error leaves no half-built
//! site and the output does not depend on thread scheduling.
//!
//! Every href is built as `root + Links::…` by the code here (never in the
//! templates), so one function decides where each page lives. Pages:
//! `index.html` (the timeline, or a list of years when large: see
//! [`PAGINATE_ABOVE`]), `years/<year>.html`, `events/<slug>.html`,
//! `documents/<slug>.html`, `review.html`, `participants/`, `places/`, `kinds/`
//! (an `index.html` and a page per term), `assets/`, and the exports.

use super::datefmt::{self, Shown};
use super::html::{self, MarkSpan, Markup};
use super::links::{root_of, Links, SlugMap};
use super::{capitalize, export, jsonld, kind_name, status_label, status_name, AnnotationKind, DocumentView, Format, RenderError, SiteData};
use crate::timeline::{DocumentInfo, Event, Finding, FindingKind, Severity, SourceRef};
use askama::Template;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Above this many events the timeline is split into one page per year and
/// `index.html` lists the years.
///
/// Why 500: a card is about 1 KB of HTML, so 500 events make a page of roughly
/// half a megabyte, which a phone loads and scrolls smoothly and the optional
/// filter script searches instantly; a few thousand cards make multi-megabyte
/// pages that are slow on phones and unwieldy to scroll. Real chronologies of one
/// conflict rarely exceed a few hundred events a year, so a year page stays near
/// or below that size, and the year is the unit readers already navigate by.
pub const PAGINATE_ABOVE: usize = 500;

const STYLE_CSS: &str = include_str!("assets/style.css");
const FILTER_JS: &str = include_str!("assets/filter.js");
const MANIFEST: &str = ".summitry-manifest";

// ---------------------------------------------------------------------------
// View models

/// A link with its text.
#[derive(Clone, Debug)]
pub struct Link {
    pub href: String,
    pub text: String,
}

pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

/// What every page shares: the header, navigation and footer.
pub struct Layout {
    pub site_title: String,
    pub page_title: String,
    pub home_href: String,
    pub css_href: String,
    pub js_href: Option<String>,
    pub nav: Vec<NavItem>,
    pub downloads: Vec<Link>,
}

/// One event in a list.
pub struct Card {
    pub href: String,
    pub title: String,
    pub date_html: Markup,
    pub kind: String,
    pub kind_label: String,
    pub kind_href: String,
    pub status: String,
    pub status_label: &'static str,
    pub place: Option<Link>,
    pub participants: Vec<Link>,
    pub sources: usize,
    /// The source documents, each once.
    pub source_links: Vec<Link>,
    /// Lowercased text the filter script searches.
    pub search: String,
    /// Heading level of the event title in this list.
    pub h: u8,
}

pub struct MonthGroup {
    pub label: String,
    pub anchor: String,
    pub cards: Vec<Card>,
}

pub struct YearGroup {
    pub label: String,
    pub anchor: String,
    pub count: usize,
    pub months: Vec<MonthGroup>,
}

pub struct FilterOption {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "timeline.html")]
pub struct TimelinePage {
    pub layout: Layout,
    pub heading: String,
    pub intro: String,
    pub years: Vec<YearGroup>,
    pub undated: Vec<Card>,
    /// Paginated index: links to the year pages instead of the events.
    pub year_links: Vec<(Link, usize)>,
    pub undated_link: Option<(Link, usize)>,
    pub kinds: Vec<FilterOption>,
    pub statuses: Vec<FilterOption>,
    pub total: usize,
}

pub struct SourceView {
    pub number: usize,
    pub document: Link,
    pub outlet: Option<String>,
    pub published_html: Option<Markup>,
    pub url: Option<String>,
    /// A URL that may not be linked, shown as text.
    pub url_text: Option<String>,
    pub status: String,
    pub status_label: &'static str,
    pub quote_html: Markup,
}

pub struct HistoryRow {
    pub published_html: Markup,
    pub document: Link,
    pub status: String,
    pub status_label: &'static str,
    pub changed: bool,
}

pub struct FindingView {
    pub severity: String,
    pub severity_label: String,
    pub kind_label: String,
    pub message: String,
    pub events: Vec<Link>,
    pub documents: Vec<Link>,
}

#[derive(Template)]
#[template(path = "event.html")]
pub struct EventPage {
    pub layout: Layout,
    pub title: String,
    pub date_html: Markup,
    pub kind_label: String,
    pub kind_href: String,
    pub status: String,
    pub status_label: &'static str,
    pub place: Option<Link>,
    pub place_detail: Option<String>,
    pub participants: Vec<(Link, Option<String>)>,
    pub sources: Vec<SourceView>,
    pub history: Vec<HistoryRow>,
    pub findings: Vec<FindingView>,
    pub jsonld_html: Markup,
}

pub struct LegendItem {
    pub class: &'static str,
    pub label: &'static str,
}

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage {
    pub layout: Layout,
    pub title: String,
    pub id: String,
    pub path: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published_html: Option<Markup>,
    pub url: Option<String>,
    pub url_text: Option<String>,
    pub legend: Vec<LegendItem>,
    pub paragraphs: Vec<Markup>,
    pub events: Vec<Card>,
    pub findings: Vec<FindingView>,
}

pub struct SeverityGroup {
    pub label: String,
    pub severity: String,
    pub findings: Vec<FindingView>,
}

pub struct KindGroup {
    pub label: String,
    pub anchor: String,
    pub count: usize,
    pub severities: Vec<SeverityGroup>,
}

#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    pub layout: Layout,
    pub groups: Vec<KindGroup>,
    pub total: usize,
}

#[derive(Template)]
#[template(path = "term.html")]
pub struct TermPage {
    pub layout: Layout,
    pub heading: String,
    pub taxonomy: Link,
    pub details: Vec<String>,
    pub cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "terms.html")]
pub struct TermIndexPage {
    pub layout: Layout,
    pub heading: String,
    pub terms: Vec<(Link, usize)>,
}

// ---------------------------------------------------------------------------
// Building

/// Look-ups shared by every page.
struct Ctx<'a> {
    site: &'a SiteData,
    links: Links,
    docs: BTreeMap<&'a str, &'a DocumentInfo>,
    views: BTreeMap<&'a str, &'a DocumentView>,
    findings_by_event: BTreeMap<&'a str, Vec<&'a Finding>>,
    findings_by_document: BTreeMap<&'a str, Vec<&'a Finding>>,
    rescheduled: BTreeSet<&'a str>,
    events_by_id: BTreeMap<&'a str, &'a Event>,
    events_by_document: BTreeMap<&'a str, Vec<&'a Event>>,
    paginated: bool,
}

impl<'a> Ctx<'a> {
    fn new(site: &'a SiteData) -> Ctx<'a> {
        let tl = &site.timeline;
        let doc_ids = tl.documents.iter().map(|d| d.id.as_str()).chain(site.documents.iter().map(|d| d.id.as_str()));
        let participants = tl.events.iter().flat_map(|e| e.participants.iter().map(|p| p.name.as_str()));
        let places = tl.events.iter().filter_map(|e| e.place.as_ref().map(|p| p.name.as_str()));
        let links = Links {
            events: SlugMap::new(tl.events.iter().map(|e| e.id.as_str())),
            documents: SlugMap::new(doc_ids),
            participants: SlugMap::new(participants),
            places: SlugMap::new(places),
        };
        let mut findings_by_event: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        let mut findings_by_document: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        let mut rescheduled = BTreeSet::new();
        for f in &tl.findings {
            for e in &f.events {
                findings_by_event.entry(e.as_str()).or_default().push(f);
                if f.kind == FindingKind::Rescheduled {
                    rescheduled.insert(e.as_str());
                }
            }
            for d in &f.documents {
                findings_by_document.entry(d.as_str()).or_default().push(f);
            }
        }
        let mut events_by_document: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
        for e in &tl.events {
            let docs: BTreeSet<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
            for d in docs {
                events_by_document.entry(d).or_default().push(e);
            }
        }
        Ctx {
            site,
            events_by_id: tl.events.iter().map(|e| (e.id.as_str(), e)).collect(),
            events_by_document,
            links,
            docs: tl.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
            views: site.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
            findings_by_event,
            findings_by_document,
            rescheduled,
            paginated: tl.events.len() > PAGINATE_ABOVE,
        }
    }

    fn layout(&self, path: &str, page_title: &str, current: &'static str, script: bool) -> Layout {
        let root = root_of(path);
        let nav = [
            (Links::index(), "Timeline"),
            (Links::participants_index(), "People"),
            (Links::places_index(), "Places"),
            (Links::kinds_index(), "Kinds"),
            (Links::review(), "Review"),
        ]
        .into_iter()
        .map(|(href, label)| NavItem { current: label == current, href: format!("{root}{href}"), label })
        .collect();
        let downloads = [(Format::Json, "JSON"), (Format::Jsonl, "JSON Lines"), (Format::Csv, "CSV"), (Format::Ics, "iCalendar"), (Format::Timelinejs, "TimelineJS")]
            .into_iter()
            .map(|(f, label)| Link { href: format!("{root}{}", f.file_name()), text: label.to_string() })
            .collect();
        Layout {
            site_title: self.site.title.clone(),
            page_title: page_title.to_string(),
            home_href: format!("{root}{}", Links::index()),
            css_href: format!("{root}{}", Links::stylesheet()),
            js_href: script.then(|| format!("{root}{}", Links::script())),
            nav,
            downloads,
        }
    }

    fn doc_title(&self, id: &str) -> String {
        self.docs.get(id).and_then(|d| d.title.clone()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| id.to_string())
    }

    fn doc_link(&self, root: &str, id: &str) -> Link {
        Link { href: format!("{root}{}", self.links.document(id)), text: self.doc_title(id) }
    }

    fn event_link(&self, root: &str, id: &str) -> Link {
        let text = self.events_by_id.get(id).map_or_else(|| id.to_string(), |e| e.title.clone());
        Link { href: format!("{root}{}", self.links.event(id)), text }
    }

    fn card(&self, root: &str, e: &Event, h: u8) -> Card {
        let kind = kind_name(e.kind);
        let mut search = vec![e.title.clone(), datefmt::date_text(e.date.as_ref())];
        search.extend(e.place.iter().map(|p| p.name.clone()));
        search.extend(e.participants.iter().map(|p| p.name.clone()));
        Card {
            href: format!("{root}{}", self.links.event(&e.id)),
            title: e.title.clone(),
            date_html: datefmt::date_markup(e.date.as_ref()),
            kind_label: capitalize(&kind),
            kind_href: format!("{root}{}", Links::kind(&kind)),
            kind,
            status: status_name(e.status),
            status_label: status_label(e.status),
            place: e.place.as_ref().map(|p| Link { href: format!("{root}{}", self.links.place(&p.name)), text: p.name.clone() }),
            participants: e
                .participants
                .iter()
                .map(|p| Link { href: format!("{root}{}", self.links.participant(&p.name)), text: p.name.clone() })
                .collect(),
            sources: e.sources.len(),
            source_links: {
                let mut seen = BTreeSet::new();
                e.sources.iter().filter(|s| seen.insert(s.document.as_str())).map(|s| self.doc_link(root, &s.document)).collect()
            },
            search: search.join(" ").to_lowercase(),
            h,
        }
    }

    fn finding(&self, root: &str, f: &Finding) -> FindingView {
        let severity = serde_json::to_value(f.severity).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        FindingView {
            severity_label: capitalize(&severity),
            severity,
            kind_label: finding_kind_label(f.kind).to_string(),
            message: f.message.clone(),
            events: f.events.iter().map(|id| self.event_link(root, id)).collect(),
            documents: f.documents.iter().map(|id| self.doc_link(root, id)).collect(),
        }
    }
}

fn finding_kind_label(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::DateConflict => "Date conflicts",
        FindingKind::PlaceConflict => "Place conflicts",
        FindingKind::UnresolvedDate => "Unresolved dates",
        FindingKind::MissingPublished => "Documents without a publication date",
        FindingKind::MissingPlace => "Events without a place",
        FindingKind::Undated => "Undated events",
        FindingKind::Rescheduled => "Rescheduled events",
        FindingKind::StatusConflict => "Status conflicts",
    }
}

fn render<T: Template>(name: &'static str, page: &T) -> Result<String, RenderError> {
    page.render().map_err(|source| RenderError::Template { name, source })
}

/// The timeline grouped by year and month, in the timeline's order within each
/// group, plus the undated events.
fn group_events<'e>(events: &[&'e Event]) -> (BTreeMap<i32, BTreeMap<Option<u32>, Vec<&'e Event>>>, Vec<&'e Event>) {
    let mut years: BTreeMap<i32, BTreeMap<Option<u32>, Vec<&Event>>> = BTreeMap::new();
    let mut undated = Vec::new();
    for &e in events {
        match e.date.as_ref().and_then(Shown::parse) {
            Some(s) => {
                let (y, m) = s.year_month();
                years.entry(y).or_default().entry(m).or_default().push(e);
            }
            None => undated.push(e),
        }
    }
    (years, undated)
}

fn year_groups(ctx: &Ctx<'_>, root: &str, years: &BTreeMap<i32, BTreeMap<Option<u32>, Vec<&Event>>>) -> Vec<YearGroup> {
    years
        .iter()
        .map(|(&year, months)| {
            // Months in order; events known only to the year come after them.
            let mut ordered: Vec<(&Option<u32>, &Vec<&Event>)> = months.iter().filter(|(m, _)| m.is_some()).collect();
            ordered.extend(months.iter().filter(|(m, _)| m.is_none()));
            YearGroup {
                label: year.to_string(),
                anchor: format!("y{year}"),
                count: months.values().map(Vec::len).sum(),
                months: ordered
                    .into_iter()
                    .map(|(m, evs)| MonthGroup {
                        label: match m {
                            Some(m) => format!("{} {year}", datefmt::month_name(*m)),
                            None => format!("{year}, month not known"),
                        },
                        anchor: match m {
                            Some(m) => format!("m{year}-{m:02}"),
                            None => format!("m{year}"),
                        },
                        cards: evs.iter().map(|e| ctx.card(root, e, 4)).collect(),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn filter_options(events: &[&Event]) -> (Vec<FilterOption>, Vec<FilterOption>) {
    let kinds: BTreeSet<String> = events.iter().map(|e| kind_name(e.kind)).collect();
    let statuses: BTreeSet<_> = events.iter().map(|e| e.status).collect();
    (
        kinds.into_iter().map(|k| FilterOption { label: capitalize(&k), value: k }).collect(),
        statuses.into_iter().map(|s| FilterOption { value: status_name(s), label: status_label(s).to_string() }).collect(),
    )
}

fn timeline_pages(ctx: &Ctx<'_>) -> Result<Vec<(String, String)>, RenderError> {
    let all: Vec<&Event> = ctx.site.timeline.events.iter().collect();
    let (years, undated) = group_events(&all);
    let mut pages = Vec::new();
    let n = all.len();
    let intro = format!(
        "{n} event{} from {} source document{}.",
        if n == 1 { "" } else { "s" },
        ctx.site.timeline.documents.len(),
        if ctx.site.timeline.documents.len() == 1 { "" } else { "s" }
    );
    if !ctx.paginated {
        let path = Links::index();
        let root = root_of(&path);
        let (kinds, statuses) = filter_options(&all);
        let page = TimelinePage {
            layout: ctx.layout(&path, "Timeline", "Timeline", true),
            heading: ctx.site.title.clone(),
            intro,
            years: year_groups(ctx, &root, &years),
            undated: undated.iter().map(|e| ctx.card(&root, e, 3)).collect(),
            year_links: Vec::new(),
            undated_link: None,
            kinds,
            statuses,
            total: n,
        };
        pages.push((path, render("timeline.html", &page)?));
        return Ok(pages);
    }
    // Paginated: the index lists the years; one page per year, one for the undated.
    let index = Links::index();
    let iroot = root_of(&index);
    let year_links = years
        .iter()
        .map(|(y, m)| (Link { href: format!("{iroot}{}", Links::year(*y)), text: y.to_string() }, m.values().map(Vec::len).sum()))
        .collect();
    let undated_link = (!undated.is_empty()).then(|| (Link { href: format!("{iroot}{}", Links::undated()), text: "Undated".to_string() }, undated.len()));
    let page = TimelinePage {
        layout: ctx.layout(&index, "Timeline", "Timeline", false),
        heading: ctx.site.title.clone(),
        intro,
        years: Vec::new(),
        undated: Vec::new(),
        year_links,
        undated_link,
        kinds: Vec::new(),
        statuses: Vec::new(),
        total: n,
    };
    pages.push((index, render("timeline.html", &page)?));
    let year_pages: Vec<Result<(String, String), RenderError>> = years
        .par_iter()
        .map(|(&year, months)| {
            let path = Links::year(year);
            let root = root_of(&path);
            let one: BTreeMap<i32, BTreeMap<Option<u32>, Vec<&Event>>> = [(year, months.clone())].into_iter().collect();
            let evs: Vec<&Event> = months.values().flatten().copied().collect();
            let (kinds, statuses) = filter_options(&evs);
            let page = TimelinePage {
                layout: ctx.layout(&path, &year.to_string(), "Timeline", true),
                heading: format!("{} — {year}", ctx.site.title),
                intro: format!("{} event{} in {year}.", evs.len(), if evs.len() == 1 { "" } else { "s" }),
                years: year_groups(ctx, &root, &one),
                undated: Vec::new(),
                year_links: Vec::new(),
                undated_link: None,
                kinds,
                statuses,
                total: evs.len(),
            };
            Ok((path, render("timeline.html", &page)?))
        })
        .collect();
    for p in year_pages {
        pages.push(p?);
    }
    if !undated.is_empty() {
        let path = Links::undated();
        let root = root_of(&path);
        let (kinds, statuses) = filter_options(&undated);
        let page = TimelinePage {
            layout: ctx.layout(&path, "Undated events", "Timeline", true),
            heading: format!("{} — undated events", ctx.site.title),
            intro: format!("{} event{} without a date.", undated.len(), if undated.len() == 1 { "" } else { "s" }),
            years: Vec::new(),
            undated: undated.iter().map(|e| ctx.card(&root, e, 3)).collect(),
            year_links: Vec::new(),
            undated_link: None,
            kinds,
            statuses,
            total: undated.len(),
        };
        pages.push((path, render("timeline.html", &page)?));
    }
    Ok(pages)
}

fn annotation_class(kind: AnnotationKind) -> (&'static str, &'static str) {
    match kind {
        AnnotationKind::Date => ("a-date", "date"),
        AnnotationKind::Person => ("a-person", "person"),
        AnnotationKind::Place => ("a-place", "place"),
        AnnotationKind::Organization => ("a-org", "organization"),
        AnnotationKind::Trigger => ("a-trigger", "event"),
    }
}

/// A source's quote with its date expression and the names in it marked.
///
/// Offsets in the contract are into the document's cleaned text; the quote is
/// marked at `offset - src.start`. Names come from the document's annotations when
/// the document's text at `start..end` is the quote, so offsets agree.
fn quote_markup(ctx: &Ctx<'_>, src: &SourceRef) -> Markup {
    let quote = &src.quote;
    let mut spans = Vec::new();
    if let (Some(ds), Some(de)) = (src.date_start, src.date_end)
        && let (Some(s), Some(e)) = (ds.checked_sub(src.start), de.checked_sub(src.start)) {
            spans.push(MarkSpan { start: s, end: e, class: "a-date", label: "date", href: None });
        }
    if let Some(view) = ctx.views.get(src.document.as_str())
        && view.text.get(src.start..src.end) == Some(quote.as_str()) {
            for a in &view.annotations {
                if a.start >= src.start && a.end <= src.end && matches!(a.kind, AnnotationKind::Person | AnnotationKind::Place | AnnotationKind::Organization) {
                    let (class, label) = annotation_class(a.kind);
                    spans.push(MarkSpan { start: a.start - src.start, end: a.end - src.start, class, label, href: None });
                }
            }
        }
    html::mark(quote, 0..quote.len(), &spans)
}

fn url_parts(url: Option<&str>) -> (Option<String>, Option<String>) {
    match url {
        None => (None, None),
        Some(u) => match html::safe_url(u) {
            Some(ok) => (Some(ok.to_string()), None),
            None if u.trim().is_empty() => (None, None),
            None => (None, Some(u.to_string())),
        },
    }
}

fn event_page(ctx: &Ctx<'_>, e: &Event) -> Result<(String, String), RenderError> {
    let path = ctx.links.event(&e.id);
    let root = root_of(&path);
    let kind = kind_name(e.kind);
    let sources = e
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let doc = ctx.docs.get(s.document.as_str());
            let (url, url_text) = url_parts(doc.and_then(|d| d.url.as_deref()));
            let published = s.published.as_deref().or(doc.and_then(|d| d.published.as_deref()));
            SourceView {
                number: i + 1,
                document: ctx.doc_link(&root, &s.document),
                outlet: doc.and_then(|d| d.source.clone()),
                published_html: published.map(datefmt::published_markup),
                url,
                url_text,
                status: status_name(s.status),
                status_label: status_label(s.status),
                quote_html: quote_markup(ctx, s),
            }
        })
        .collect();
    // Status history: by publication date (unknown last), then document id.
    let mut by_date: Vec<&SourceRef> = e.sources.iter().collect();
    by_date.sort_by(|a, b| {
        let key = |s: &SourceRef| (s.published.is_none(), s.published.clone(), s.document.clone(), s.start);
        key(a).cmp(&key(b))
    });
    // One row per document: what it says, a cancellation or a report over a plan
    // when one article says both.
    let mut per_document: Vec<&SourceRef> = Vec::new();
    for s in by_date {
        match per_document.iter_mut().find(|d| d.document == s.document) {
            Some(d) if s.status.weight() > d.status.weight() => *d = s,
            Some(_) => {}
            None => per_document.push(s),
        }
    }
    let documents = per_document.len();
    let mut history: Vec<HistoryRow> = Vec::new();
    let mut previous = None;
    for s in per_document {
        history.push(HistoryRow {
            published_html: s.published.as_deref().map_or_else(|| Markup::text("Date unknown"), datefmt::published_markup),
            document: ctx.doc_link(&root, &s.document),
            status: status_name(s.status),
            status_label: status_label(s.status),
            changed: previous.is_some_and(|p| p != s.status),
        });
        previous = Some(s.status);
    }
    let findings = ctx.findings_by_event.get(e.id.as_str()).map_or_else(Vec::new, |fs| fs.iter().map(|f| ctx.finding(&root, f)).collect());
    let place_detail = e.place.as_ref().and_then(|p| {
        let parts: Vec<&str> = [p.city.as_deref(), p.country.as_deref()].into_iter().flatten().filter(|s| *s != p.name).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let page = EventPage {
        layout: ctx.layout(&path, &e.title, "", false),
        title: e.title.clone(),
        date_html: datefmt::date_markup(e.date.as_ref()),
        kind_label: capitalize(&kind),
        kind_href: format!("{root}{}", Links::kind(&kind)),
        status: status_name(e.status),
        status_label: status_label(e.status),
        place: e.place.as_ref().map(|p| Link { href: format!("{root}{}", ctx.links.place(&p.name)), text: p.name.clone() }),
        place_detail,
        participants: e
            .participants
            .iter()
            .map(|p| {
                let detail: Vec<&str> = [p.role.as_deref(), p.country.as_deref()].into_iter().flatten().collect();
                (
                    Link { href: format!("{root}{}", ctx.links.participant(&p.name)), text: p.name.clone() },
                    (!detail.is_empty()).then(|| detail.join(", ")),
                )
            })
            .collect(),
        sources,
        history: if documents > 1 { history } else { Vec::new() },
        findings,
        jsonld_html: jsonld::event_jsonld(e, &ctx.docs, ctx.rescheduled.contains(e.id.as_str())),
    };
    Ok((path, render("event.html", &page)?))
}

fn document_page(ctx: &Ctx<'_>, id: &str) -> Result<(String, String), RenderError> {
    let path = ctx.links.document(id);
    let root = root_of(&path);
    let info = ctx.docs.get(id);
    let view = ctx.views.get(id);
    let paragraphs = match view {
        None => Vec::new(),
        Some(v) => {
            let spans: Vec<MarkSpan> = v
                .annotations
                .iter()
                .map(|a| {
                    let (class, label) = annotation_class(a.kind);
                    let href = a.event.as_deref().filter(|e| ctx.events_by_id.contains_key(e)).map(|e| format!("{root}{}", ctx.links.event(e)));
                    MarkSpan { start: a.start, end: a.end, class, label, href }
                })
                .collect();
            html::paragraphs(&v.text).into_iter().map(|r| html::mark(&v.text, r, &spans)).collect()
        }
    };
    let present: BTreeSet<AnnotationKind> = view.map(|v| v.annotations.iter().map(|a| a.kind).collect()).unwrap_or_default();
    let legend = present
        .into_iter()
        .map(|k| {
            let (class, label) = annotation_class(k);
            LegendItem { class, label }
        })
        .collect();
    let events: Vec<Card> = ctx.events_by_document.get(id).map_or_else(Vec::new, |evs| evs.iter().map(|e| ctx.card(&root, e, 3)).collect());
    let (url, url_text) = url_parts(info.and_then(|d| d.url.as_deref()));
    let findings = ctx.findings_by_document.get(id).map_or_else(Vec::new, |fs| fs.iter().map(|f| ctx.finding(&root, f)).collect());
    let page = DocumentPage {
        layout: ctx.layout(&path, &ctx.doc_title(id), "", false),
        title: ctx.doc_title(id),
        id: id.to_string(),
        path: info.map(|d| d.path.clone()).unwrap_or_default(),
        outlet: info.and_then(|d| d.source.clone()),
        author: info.and_then(|d| d.author.clone()),
        published_html: info.and_then(|d| d.published.as_deref()).map(datefmt::published_markup),
        url,
        url_text,
        legend,
        paragraphs,
        events,
        findings,
    };
    Ok((path, render("document.html", &page)?))
}

fn review_page(ctx: &Ctx<'_>) -> Result<(String, String), RenderError> {
    let path = Links::review();
    let root = root_of(&path);
    let mut groups: BTreeMap<FindingKind, BTreeMap<std::cmp::Reverse<Severity>, Vec<&Finding>>> = BTreeMap::new();
    for f in &ctx.site.timeline.findings {
        groups.entry(f.kind).or_default().entry(std::cmp::Reverse(f.severity)).or_default().push(f);
    }
    let groups = groups
        .into_iter()
        .map(|(kind, sevs)| {
            let name = serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            KindGroup {
                label: finding_kind_label(kind).to_string(),
                anchor: name,
                count: sevs.values().map(Vec::len).sum(),
                severities: sevs
                    .into_iter()
                    .map(|(_, fs)| {
                        let views: Vec<FindingView> = fs.iter().map(|f| ctx.finding(&root, f)).collect();
                        let severity = views.first().map(|v| v.severity.clone()).unwrap_or_default();
                        SeverityGroup { label: capitalize(&severity), severity, findings: views }
                    })
                    .collect(),
            }
        })
        .collect();
    let page = ReviewPage { layout: ctx.layout(&path, "Review", "Review", false), groups, total: ctx.site.timeline.findings.len() };
    Ok((path, render("review.html", &page)?))
}

/// Participants, places and kinds: an index page and a page per term.
fn taxonomy_pages(ctx: &Ctx<'_>) -> Result<Vec<(String, String)>, RenderError> {
    let events = &ctx.site.timeline.events;
    let mut people: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    let mut places: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    let mut kinds: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    for e in events {
        let mut seen = BTreeSet::new();
        for p in &e.participants {
            if seen.insert(p.name.as_str()) {
                people.entry(p.name.as_str()).or_default().push(e);
            }
        }
        if let Some(p) = &e.place {
            places.entry(p.name.as_str()).or_default().push(e);
        }
        kinds.entry(kind_name(e.kind)).or_default().push(e);
    }
    let mut pages = Vec::new();
    struct Tax<'t> {
        index: String,
        heading: &'static str,
        nav: &'static str,
        terms: Vec<(String, String, Vec<String>, &'t Vec<&'t Event>)>,
    }
    let person_details = |name: &str| -> Vec<String> {
        let mut d = BTreeSet::new();
        for e in events {
            for p in e.participants.iter().filter(|p| p.name == name) {
                let parts: Vec<&str> = [p.role.as_deref(), p.country.as_deref()].into_iter().flatten().collect();
                if !parts.is_empty() {
                    d.insert(parts.join(", "));
                }
            }
        }
        d.into_iter().collect()
    };
    let place_details = |name: &str| -> Vec<String> {
        let mut d = BTreeSet::new();
        for e in events {
            if let Some(p) = e.place.as_ref().filter(|p| p.name == name) {
                let parts: Vec<&str> = [p.city.as_deref(), p.country.as_deref()].into_iter().flatten().collect();
                if !parts.is_empty() {
                    d.insert(parts.join(", "));
                }
            }
        }
        d.into_iter().collect()
    };
    let taxes = [
        Tax {
            index: Links::participants_index(),
            heading: "People",
            nav: "People",
            terms: people.iter().map(|(n, evs)| (n.to_string(), ctx.links.participant(n), person_details(n), evs)).collect(),
        },
        Tax {
            index: Links::places_index(),
            heading: "Places",
            nav: "Places",
            terms: places.iter().map(|(n, evs)| (n.to_string(), ctx.links.place(n), place_details(n), evs)).collect(),
        },
        Tax {
            index: Links::kinds_index(),
            heading: "Kinds of event",
            nav: "Kinds",
            terms: kinds.iter().map(|(k, evs)| (capitalize(k), Links::kind(k), Vec::new(), evs)).collect(),
        },
    ];
    for tax in &taxes {
        let iroot = root_of(&tax.index);
        let index = TermIndexPage {
            layout: ctx.layout(&tax.index, tax.heading, tax.nav, false),
            heading: tax.heading.to_string(),
            terms: tax.terms.iter().map(|(name, path, _, evs)| (Link { href: format!("{iroot}{path}"), text: name.clone() }, evs.len())).collect(),
        };
        pages.push((tax.index.clone(), render("terms.html", &index)?));
        let rendered: Vec<Result<(String, String), RenderError>> = tax
            .terms
            .par_iter()
            .map(|(name, path, details, evs)| {
                let root = root_of(path);
                let page = TermPage {
                    layout: ctx.layout(path, name, tax.nav, false),
                    heading: name.clone(),
                    taxonomy: Link { href: format!("{root}{}", tax.index), text: tax.heading.to_string() },
                    details: details.clone(),
                    cards: evs.iter().map(|e| ctx.card(&root, e, 2)).collect(),
                };
                Ok((path.clone(), render("term.html", &page)?))
            })
            .collect();
        for r in rendered {
            pages.push(r?);
        }
    }
    Ok(pages)
}

/// Every file of the site as `(relative path, contents)`, sorted by path.
pub fn pages(site: &SiteData) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let ctx = Ctx::new(site);
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(timeline_pages(&ctx)?);
    let events: Vec<Result<(String, String), RenderError>> = site.timeline.events.par_iter().map(|e| event_page(&ctx, e)).collect();
    for e in events {
        out.push(e?);
    }
    let doc_ids: BTreeSet<&str> = site.timeline.documents.iter().map(|d| d.id.as_str()).chain(site.documents.iter().map(|d| d.id.as_str())).collect();
    let docs: Vec<Result<(String, String), RenderError>> = doc_ids.par_iter().map(|id| document_page(&ctx, id)).collect();
    for d in docs {
        out.push(d?);
    }
    out.push(review_page(&ctx)?);
    out.extend(taxonomy_pages(&ctx)?);
    out.push((Links::stylesheet(), STYLE_CSS.to_string()));
    out.push((Links::script(), FILTER_JS.to_string()));
    for f in Format::ALL {
        out.push((f.file_name().to_string(), export(f, &site.timeline).text));
    }
    let mut out: Vec<(String, Vec<u8>)> = out.into_iter().map(|(p, s)| (p, s.into_bytes())).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

/// Whether a manifest entry is a plain relative path inside the output directory.
fn is_inside(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.starts_with('/')
        && !rel.contains('\\')
        && !rel.contains(':')
        && rel.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

pub(crate) fn write(out_dir: &Path, site: &SiteData) -> Result<(), RenderError> {
    let files = pages(site)?;
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| RenderError::Io { path, source }
    };
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let written: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    // Remove what the previous build wrote and this one does not.
    if let Ok(old) = std::fs::read_to_string(out_dir.join(MANIFEST)) {
        for rel in old.lines().filter(|l| is_inside(l) && !written.contains(l)) {
            let _ = std::fs::remove_file(out_dir.join(rel));
        }
    }
    let mut dirs = BTreeSet::new();
    for (rel, _) in &files {
        if let Some(parent) = Path::new(rel).parent() {
            dirs.insert(out_dir.join(parent));
        }
    }
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(io(d))?;
    }
    let results: Vec<Result<(), RenderError>> = files
        .par_iter()
        .map(|(rel, bytes)| {
            let path = out_dir.join(rel);
            std::fs::write(&path, bytes).map_err(io(&path))
        })
        .collect();
    for r in results {
        r?;
    }
    let mut manifest = String::new();
    for rel in &written {
        manifest.push_str(rel);
        manifest.push('\n');
    }
    let mpath = out_dir.join(MANIFEST);
    std::fs::write(&mpath, manifest).map_err(io(&mpath))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_paths_stay_inside() {
        assert!(is_inside("events/a.html"));
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "C:\\x", "./a"] {
            assert!(!is_inside(bad), "{bad}");
        }
    }

    /// The templates only ever print `|safe` on `Markup` fields, which by
    /// convention (and by construction in html.rs) end in `_html`.
    #[test]
    fn templates_mark_only_markup_as_safe() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let re = regex::Regex::new(r"\{\{\s*([^}|]*?)\s*\|\s*safe").unwrap();
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap().chain(std::fs::read_dir(dir.join("partials")).unwrap()) {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                for c in re.captures_iter(&text) {
                    checked += 1;
                    assert!(c[1].ends_with("_html"), "{}: `{}|safe` is not a Markup field", path.display(), &c[1]);
                }
            }
        }
        assert!(checked > 0);
    }
}
