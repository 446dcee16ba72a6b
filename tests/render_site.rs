//! End-to-end tests of the static site: pages, links, escaping, determinism.

mod render_common;

use render_common::{fixture, read_tree};
use std::collections::BTreeSet;
use std::path::Path;
use summitry::render::{write_site, DocumentView, SiteData};

fn build(site: &SiteData) -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), site).unwrap();
    let files = read_tree(dir.path());
    (dir, files)
}

fn page<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a str {
    let bytes = &files.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("{path} not written")).1;
    std::str::from_utf8(bytes).unwrap()
}

macro_rules! file_contains {
    ($files:expr, $path:expr, $($needle:expr),+ $(,)?) => {{
        let text = page(&$files, $path);
        $( assert!(text.contains($needle), "{} does not contain {:?}", $path, $needle); )+
    }};
}

/// The `<main>` element of a page: what snapshots compare.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap();
    let end = html.find("</main>").unwrap() + "</main>".len();
    &html[start..end]
}

#[test]
fn writes_every_page_and_export() {
    let (_dir, files) = build(&fixture().site());
    let paths: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for p in [
        "index.html",
        "review.html",
        "assets/style.css",
        "assets/filter.js",
        "events/2025-02-18-meeting-rubio-lavrov.html",
        "events/call-zelenskyy-trump.html",
        "participants/index.html",
        "places/index.html",
        "kinds/index.html",
        "kinds/meeting.html",
        "timeline.json",
        "timeline.jsonl",
        "timeline.timelinejs.json",
        "timeline.ics",
        "timeline.csv",
        ".summitry-manifest",
    ] {
        assert!(paths.contains(p), "{p} missing from {paths:?}");
    }
    // Document ids with `/`, `#` and spaces get safe, distinct file names.
    let docs: Vec<&&str> = paths.iter().filter(|p| p.starts_with("documents/")).collect();
    assert_eq!(docs.len(), 4, "{docs:?}");
    for d in docs {
        let name = d.trim_start_matches("documents/");
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'), "{name}");
    }
}

#[test]
fn index_shows_dates_at_their_precision_grouped_by_year_and_month() {
    let (_dir, files) = build(&fixture().site());
    file_contains!(
        files,
        "index.html",
        r#"<time datetime="2025-02-18">18 Feb 2025</time>"#,
        r#"<time datetime="2025-02-14">14</time>–<time datetime="2025-02-16">16 Feb 2025</time>"#,
        r#"<time datetime="2025-W20">week 20, 2025</time>"#,
        r#"<time datetime="2025-07">Jul 2025</time>"#,
        r#"<time datetime="2025">2025</time>"#,
        "<h3 id=\"m2025-02-h\">February 2025</h3>",
        "<h3 id=\"m2025-h\">2025, month not known</h3>",
        "<h2 id=\"undated-h\">Undated",
        "class=\"card status-postponed\"",
        "class=\"card status-cancelled\"",
        ">Cancelled</span>",
        "2 sources",
        "href=\"events/2025-07-10-meeting-rubio-lavrov.html\"",
        "href=\"participants/marco-rubio.html\"",
        "href=\"kinds/meeting.html\"",
    );
    let index = page(&files, "index.html");
    // Months in order, the year-only event after them, undated last.
    let pos = |s: &str| index.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(pos("February 2025") < pos("May 2025") && pos("May 2025") < pos("July 2025"));
    assert!(pos("July 2025") < pos("month not known") && pos("month not known") < pos("id=\"undated-h\""));
    // The range event sorts before the Riyadh meeting in February.
    assert!(pos("Munich Security Conference") < pos("Rubio and Lavrov meet in Riyadh"));
    insta::assert_snapshot!("index_main", main_of(index));
}

#[test]
fn event_page_has_quotes_history_findings_and_json_ld() {
    let (_dir, files) = build(&fixture().site());
    let path = "events/2025-07-10-meeting-rubio-lavrov.html";
    file_contains!(
        files,
        path,
        // Date expression highlighted from date_start/date_end.
        r#"<mark class="a-date" title="date">on Thursday</mark>"#,
        r#"<mark class="a-date" title="date">on 10 July</mark>"#,
        // Names highlighted from the document's annotations.
        r#"<mark class="a-person" title="person">Rubio</mark>"#,
        r#"<mark class="a-place" title="place">Kuala Lumpur</mark>"#,
        // Publication date and original link (http kept, ftp shown as text only).
        r#"published <time datetime="2025-07-09">9 Jul 2025</time>"#,
        r#"<a href="http://feed.example.net/kl" rel="noopener noreferrer nofollow">original article</a>"#,
        "<code>ftp://files.example.net/kl</code>",
        // Status history: planned first, then held.
        "Status history",
        r#"<tr class="changed">"#,
        "\"eventStatus\": \"https://schema.org/EventScheduled\"",
        "\"startDate\": \"2025-07-10\"",
        "\"@type\": \"Place\"",
        "\"isBasedOn\": [",
    );
    let html = page(&files, path);
    assert!(html.find("Planned").unwrap() < html.rfind("(changed)").unwrap());
    assert!(!html.contains("href=\"ftp:"));
    insta::assert_snapshot!("event_kl_main", main_of(html));

    let visit = page(&files, "events/2025-07-visit-ukraine.html");
    assert!(visit.contains("https://schema.org/EventPostponed"), "postponed beats rescheduled");
    assert!(visit.contains("\"startDate\": \"2025-07\""));
    assert!(visit.contains("The visit was expected in July"), "related finding shown");
    let munich = page(&files, "events/2025-02-14-conference-munich.html");
    assert!(munich.contains("\"endDate\": \"2025-02-16\""));
    let call = page(&files, "events/call-zelenskyy-trump.html");
    assert!(!call.contains("startDate") && !call.contains("eventStatus"), "no invented date or status");
    assert!(call.contains("\"@type\": \"Person\"") && call.contains("\"name\": \"Volodymyr Zelenskyy\""));
}

#[test]
fn json_ld_parses_with_the_expected_fields() {
    let (_dir, files) = build(&fixture().site());
    let html = page(&files, "events/2025-02-18-meeting-rubio-lavrov.html");
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let v: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(v["@type"], "Event");
    assert_eq!(v["name"], "Rubio and Lavrov meet in Riyadh");
    assert_eq!(v["location"]["address"]["addressCountry"], "Saudi Arabia");
    assert_eq!(v["attendee"][1]["name"], "Sergey Lavrov");
    assert_eq!(v["isBasedOn"][0], "https://example.org/world/riyadh-talks?utm=1&x=2");
}

#[test]
fn document_page_marks_nested_spans_and_links_events() {
    let (_dir, files) = build(&fixture().site());
    let doc = files.iter().map(|(p, _)| p.as_str()).find(|p| *p == "documents/feeds-july-jsonl-2.html").expect("jsonl doc page");
    let html = page(&files, doc);
    // The trigger links to its event and nests the place and the date inside.
    assert!(html.contains(
        r#"<a class="a-trigger" href="../events/2025-07-10-meeting-rubio-lavrov.html" title="event">meet in <mark class="a-place" title="place">Kuala Lumpur</mark> <a"#
    ) || html.contains(
        r#"<a class="a-trigger" href="../events/2025-07-10-meeting-rubio-lavrov.html" title="event">meet in <mark class="a-place" title="place">Kuala Lumpur</mark> <mark class="a-date" title="date">on Thursday</mark></a>"#
    ), "{html}");
    // Two paragraphs from the blank line.
    let text = &html[html.find("<div class=\"text\">").unwrap()..];
    let text = &text[..text.find("</div>").unwrap()];
    assert_eq!(text.matches("<p>").count(), 2);
    assert!(html.contains("<mark class=\"a-org\" title=\"organization\">ASEAN</mark>"));
    // Without a title, the undated note is named by its id, and says it has no date.
    let note = files.iter().map(|(p, _)| p.as_str()).find(|p| *p == "documents/notes-briefing-md.html").unwrap();
    file_contains!(files, note, "<h1>notes/briefing.md</h1>", "<dd>Not known</dd>", "has no publication date");
}

#[test]
fn review_page_groups_findings_by_kind_and_severity() {
    let (_dir, files) = build(&fixture().site());
    file_contains!(files, "review.html", "<h2 id=\"date_conflict-h\">Date conflicts", "<h3>Warning</h3>", "<h3>Error</h3>", "href=\"events/2025-agreement-shipping.html\"", "href=\"documents/wire-2025-02-18-riyadh-txt.html\"");
    insta::assert_snapshot!("review_main", main_of(page(&files, "review.html")));
}

#[test]
fn taxonomy_pages_list_the_events_of_each_term() {
    let (_dir, files) = build(&fixture().site());
    let rubio = files.iter().map(|(p, _)| p.as_str()).find(|p| *p == "participants/marco-rubio.html").unwrap();
    let html = page(&files, rubio);
    assert!(html.contains("Secretary of State, United States"));
    assert_eq!(html.matches("<li class=\"card").count(), 2);
    file_contains!(files, "kinds/index.html", ">Meeting</a> <span class=\"count\">2 events</span>");
    file_contains!(files, "places/index.html", ">Kuala Lumpur</a>");
    // Every event page links to its kind, place and participants.
    file_contains!(files, "events/2025-02-18-meeting-rubio-lavrov.html", "href=\"../kinds/meeting.html\"", "href=\"../places/riyadh.html\"", "href=\"../participants/sergey-lavrov.html\"");
}

fn hrefs(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].replace("&amp;", "&")).collect()
}

/// Every relative link of every page resolves to a written file.
#[test]
fn every_relative_link_resolves() {
    let (dir, files) = build(&fixture().site());
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).unwrap();
        let base = Path::new(path).parent().unwrap();
        for href in hrefs(html) {
            if href.starts_with("http://") || href.starts_with("https://") || href.starts_with('#') {
                continue;
            }
            assert!(!href.starts_with('/') && !href.contains(':'), "{path}: non-relative link {href}");
            let target = href.split('#').next().unwrap();
            let resolved = dir.path().join(base).join(target);
            assert!(resolved.is_file(), "{path}: broken link {href}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn two_builds_are_byte_identical_whatever_the_order_of_documents() {
    let f = fixture();
    let (_a, first) = build(&f.site());
    let mut shuffled = f.site();
    shuffled.documents.reverse();
    let (_b, second) = build(&shuffled);
    assert_eq!(first.len(), second.len());
    for ((pa, a), (pb, b)) in first.iter().zip(&second) {
        assert_eq!(pa, pb);
        assert!(a == b, "{pa} differs between builds");
    }
}

#[test]
fn rebuild_removes_its_own_stale_pages_only() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep-me.txt"), "not ours").unwrap();
    write_site(dir.path(), &f.site()).unwrap();
    let stale = dir.path().join("events/call-zelenskyy-trump.html");
    assert!(stale.is_file());
    let mut smaller = f.site();
    smaller.timeline.events.retain(|e| e.id != "call-zelenskyy-trump");
    write_site(dir.path(), &smaller).unwrap();
    assert!(!stale.exists(), "stale event page left behind");
    assert!(dir.path().join("keep-me.txt").is_file(), "a file we did not write was removed");
}

#[test]
fn large_timelines_are_paginated_by_year() {
    let f = fixture();
    let mut site = f.site();
    let template = site.timeline.events[1].clone();
    site.timeline.events.clear();
    for i in 0..(summitry::render::site::PAGINATE_ABOVE + 10) {
        let mut e = template.clone();
        let year = 2020 + (i % 3) as i32;
        e.id = format!("{year}-e{i:04}");
        e.date = Some(render_common::date(&format!("{year}-03-{:02}", 1 + i % 28), summitry::dates::Precision::Day, None));
        site.timeline.events.push(e);
    }
    let mut undated = template;
    undated.id = "undated-one".into();
    undated.date = None;
    site.timeline.events.push(undated);
    site.timeline.findings.clear();
    let (_dir, files) = build(&site);
    file_contains!(files, "index.html", "href=\"years/2020.html\"", "href=\"years/2022.html\"", "href=\"years/undated.html\"");
    assert!(!page(&files, "index.html").contains("<li class=\"card"));
    let y = page(&files, "years/2021.html");
    assert_eq!(y.matches("<li class=\"card").count(), 170);
    assert!(y.contains("href=\"../events/2021-e0001.html\"") && y.contains("href=\"../assets/style.css\""));
    assert_eq!(page(&files, "years/undated.html").matches("<li class=\"card").count(), 1);
}

#[test]
fn works_without_documents_or_events() {
    let site = SiteData {
        title: "Empty".into(),
        timeline: summitry::timeline::Timeline { schema_version: 1, documents: vec![], events: vec![], findings: vec![] },
        documents: Vec::<DocumentView>::new(),
    };
    let (_dir, files) = build(&site);
    file_contains!(files, "index.html", "No events yet.");
    file_contains!(files, "review.html", "Nothing to review.");
}

#[test]
fn pages_have_landmarks_and_ordered_headings() {
    let (_dir, files) = build(&fixture().site());
    let re = regex::Regex::new(r"<h([1-6])[ >]").unwrap();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).unwrap();
        for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer", "<html lang=\"en\">", "name=\"viewport\""] {
            assert!(html.contains(landmark), "{path}: no {landmark}");
        }
        let levels: Vec<u32> = re.captures_iter(html).map(|c| c[1].parse().unwrap()).collect();
        assert_eq!(levels.first(), Some(&1), "{path}: first heading is not h1");
        assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{path}: more than one h1");
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "{path}: heading jumps from h{} to h{}", w[0], w[1]);
        }
        assert!(!html.contains("http://") || !html.contains("<link rel=\"stylesheet\" href=\"http"), "{path}: external stylesheet");
    }
}

/// Writes the fixture site to `$SUMMITRY_FIXTURE_SITE`, for looking at it in a
/// browser: `SUMMITRY_FIXTURE_SITE=/tmp/site cargo test --test render_site -- --ignored`.
#[test]
#[ignore]
fn write_fixture_site_for_a_browser() {
    let Some(dir) = std::env::var_os("SUMMITRY_FIXTURE_SITE") else { return };
    write_site(Path::new(&dir), &fixture().site()).unwrap();
}
