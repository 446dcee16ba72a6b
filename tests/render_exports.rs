//! Exports (JSON Lines, TimelineJS, iCalendar, CSV, JSON Schema) and the escaping
//! of hostile article text in every page and export.

mod render_common;

use render_common::{fixture, read_tree};
use summitry::render::{export, schema, write_site, Format};
use summitry::timeline::*;

#[test]
fn jsonl_is_one_event_per_line() {
    let f = fixture();
    let text = export(Format::Jsonl, &f.timeline).text;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), f.timeline.events.len());
    for (line, e) in lines.iter().zip(&f.timeline.events) {
        let back: Event = serde_json::from_str(line).unwrap();
        assert_eq!(&back, e);
    }
    insta::assert_snapshot!("jsonl", text);
}

#[test]
fn timelinejs_slides_carry_only_the_known_date_parts() {
    let f = fixture();
    let out = export(Format::Timelinejs, &f.timeline);
    assert_eq!(out.left_out, 1, "the undated call");
    let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 6);
    let by_id = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap_or_else(|| panic!("{id}"));
    let munich = by_id("2025-02-14-conference-munich");
    assert_eq!(munich["start_date"], serde_json::json!({"year": "2025", "month": "2", "day": "14"}));
    assert_eq!(munich["end_date"], serde_json::json!({"year": "2025", "month": "2", "day": "16"}));
    assert_eq!(munich["display_date"], "14–16 Feb 2025");
    assert_eq!(munich["group"], "conference");
    assert_eq!(by_id("2025-07-visit-ukraine")["start_date"], serde_json::json!({"year": "2025", "month": "7"}));
    assert_eq!(by_id("2025-agreement-shipping")["start_date"], serde_json::json!({"year": "2025"}));
    let week = by_id("2025-w20-talks-istanbul");
    assert_eq!(week["start_date"], serde_json::json!({"year": "2025", "month": "5"}));
    assert_eq!(week["display_date"], "week 20, 2025");
    let riyadh = by_id("2025-02-18-meeting-rubio-lavrov");
    assert!(riyadh["text"]["text"].as_str().unwrap().contains("<a href=\"https://example.org/world/riyadh-talks?utm=1&amp;x=2\""));
    insta::assert_snapshot!("timelinejs", out.text);
}

/// Unfold RFC 5545 content lines.
fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
}

#[test]
fn ics_is_rfc5545_with_all_day_events_for_day_precision_only() {
    let f = fixture();
    let out = export(Format::Ics, &f.timeline);
    assert_eq!(out.left_out, 4, "week, month, year and undated events are left out");
    assert!(out.note.unwrap().contains('4'));
    let text = &out.text;
    // Every line ends in CRLF and is at most 75 octets.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let lines = unfold(text);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
    for expected in [
        "UID:2025-02-14-conference-munich@summitry",
        "DTSTART;VALUE=DATE:20250214",
        "DTEND;VALUE=DATE:20250217",
        "DTSTART;VALUE=DATE:20250710",
        "DTEND;VALUE=DATE:20250711",
        "DTSTAMP:20250711T000000Z",
        "STATUS:CONFIRMED",
        "LOCATION:Kuala Lumpur\\, Malaysia",
        "SUMMARY:Rubio and Lavrov meet in Riyadh",
    ] {
        assert!(lines.iter().any(|l| l == expected), "no line {expected:?}");
    }
    let desc = lines.iter().find(|l| l.starts_with("DESCRIPTION:") && l.contains("Kuala Lumpur")).unwrap();
    assert!(desc.contains("\\nSources:\\n- Rubio and Lavrov to meet in Kuala Lumpur (2025-07-09) http://feed.example.net/kl: "));
    assert!(!desc.contains("ftp://"), "non-http URLs stay out");
    insta::assert_snapshot!("ics", text.replace("\r\n", "␍\n"));
}

#[test]
fn ics_statuses() {
    let mut f = fixture();
    for (e, s) in f.timeline.events.iter_mut().zip([Status::Planned, Status::Cancelled, Status::Held, Status::Held, Status::Postponed]) {
        e.status = s;
    }
    let lines = unfold(&export(Format::Ics, &f.timeline).text);
    let statuses: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("STATUS:")).collect();
    assert_eq!(statuses, ["TENTATIVE", "CANCELLED", "TENTATIVE"]);
}

#[test]
fn csv_has_a_header_and_one_quoted_row_per_event() {
    let f = fixture();
    let text = export(Format::Csv, &f.timeline).text;
    assert!(text.starts_with("id,date,precision,end,kind,status,title,place,city,country,participants,sources,documents,first_quote\r\n"));
    assert_eq!(text.matches("\r\n").count(), f.timeline.events.len() + 1);
    assert!(text.contains("2025-02-14-conference-munich,2025-02-14,day,2025-02-16,conference,held,Munich Security Conference,Munich,Munich,Germany,,1,wire/2025-02-18-riyadh.txt,\"The talks came days after the Munich Security Conference, held from 14 to 16 February, where European leaders voiced alarm.\"\r\n"));
    assert!(text.contains(",Marco Rubio; Sergey Lavrov,2,feeds/july.jsonl#2; html/kl report.html,"));
    insta::assert_snapshot!("csv", text.replace("\r\n", "␍\n"));
}

#[test]
fn json_schema_is_generated_from_the_types_and_matches_the_output() {
    let s: serde_json::Value = serde_json::from_str(&schema::timeline_schema()).unwrap();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let event = &s["$defs"]["Event"]["properties"];
    for field in ["id", "kind", "title", "date", "status", "place", "participants", "sources"] {
        assert!(event.get(field).is_some(), "Event.{field} missing from the schema");
    }
    // Every key the JSON export writes is described by the schema.
    let json: serde_json::Value = serde_json::from_str(&export(Format::Json, &fixture().timeline).text).unwrap();
    for key in json.as_object().unwrap().keys() {
        assert!(s["properties"].get(key).is_some(), "{key}");
    }
    for key in json["events"][0]["sources"][0].as_object().unwrap().keys() {
        assert!(s["$defs"]["SourceRef"]["properties"].get(key).is_some(), "SourceRef.{key}");
    }
}

#[test]
fn format_names_parse() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>(), Ok(f));
    }
    assert!("xml".parse::<Format>().is_err());
}

const XSS: &str = "<script>alert(1)</script>";

/// A fixture where every piece of article text is hostile.
fn hostile() -> summitry::render::SiteData {
    let mut f = fixture();
    for d in &mut f.docs {
        d.info.title = Some(format!("{XSS}<img src=x onerror=alert(2)> title"));
        d.info.url = Some("javascript:alert(1)".into());
        d.info.source = Some("\"><svg onload=alert(3)>".into());
        d.info.author = Some("<iframe src=javascript:alert(4)>".into());
    }
    for d in &mut f.timeline.documents {
        d.title = Some(format!("{XSS}<img src=x onerror=alert(2)> title"));
        d.url = Some(" JavaScript:alert(1)".into());
        d.source = Some("\"><svg onload=alert(3)>".into());
    }
    for e in &mut f.timeline.events {
        e.title = format!("{XSS} & </script><!-- {}", e.title);
        for p in &mut e.participants {
            p.name = format!("{XSS}{}", p.name);
            p.role = Some("<b onmouseover=alert(5)>role</b>".into());
        }
        if let Some(p) = &mut e.place {
            p.name = "Riyadh\"><script>alert(6)</script>".into();
        }
        for s in &mut e.sources {
            s.quote = format!("{XSS} {}", s.quote);
        }
    }
    for finding in &mut f.timeline.findings {
        finding.message = format!("{XSS} {}", finding.message);
    }
    let mut site = f.site();
    for v in &mut site.documents {
        v.text = format!("{XSS}\n\n{}", v.text);
        // The spans moved with the text: keep them honest.
        for a in &mut v.annotations {
            a.start += XSS.len() + 2;
            a.end += XSS.len() + 2;
        }
    }
    site.title = format!("{XSS} site");
    site
}

#[test]
fn hostile_article_text_is_harmless_in_every_page_and_export() {
    let site = hostile();
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &site).unwrap();
    let files = read_tree(dir.path());
    let mut pages = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let lower = text.to_lowercase();
        if path.ends_with(".html") {
            pages += 1;
            // The only script elements are the JSON-LD block and the filter script.
            let mut rest = lower.as_str();
            while let Some(i) = rest.find("<script") {
                let tag = &rest[i..i + rest[i..].find('>').unwrap_or(rest.len() - i)];
                assert!(tag == "<script type=\"application/ld+json\"" || tag.starts_with("<script src=\"") && tag.ends_with("assets/filter.js\" defer"), "{path}: {tag}");
                rest = &rest[i + 7..];
            }
            for bad in ["<img", "<svg", "<iframe", "<b onmouseover", "href=\"javascript", "href=\" javascript", "src=\"javascript"] {
                assert!(!lower.contains(bad), "{path} contains {bad}");
            }
            assert!(text.contains("&lt;script&gt;alert(1)") || text.contains("&#60;script&#62;alert(1)"), "{path}: the text is shown escaped");
            assert!(!lower.contains("<script>alert"), "{path}");
            // JSON-LD cannot be closed early.
            if let Some(i) = text.find("<script type=\"application/ld+json\">") {
                let body = &text[i + 35..];
                let body = &body[..body.find("</script>").unwrap()];
                assert!(!body.contains('<') && !body.contains('>'), "{path}: raw angle bracket in JSON-LD");
                let v: serde_json::Value = serde_json::from_str(body).unwrap();
                assert!(v["name"].as_str().unwrap().starts_with(XSS), "JSON-LD keeps the text as data");
                assert!(v.get("isBasedOn").is_none(), "javascript: URLs are not sources");
            }
        }
    }
    assert!(pages > 15);
    let get = |name: &str| String::from_utf8(files.iter().find(|(p, _)| p == name).unwrap().1.clone()).unwrap();
    // TimelineJS renders headline and text as HTML: both must be escaped.
    let tl: serde_json::Value = serde_json::from_str(&get("timeline.timelinejs.json")).unwrap();
    for e in tl["events"].as_array().unwrap() {
        for field in [&e["text"]["headline"], &e["text"]["text"]] {
            let s = field.as_str().unwrap().to_lowercase();
            assert!(!s.contains("<script") && !s.contains("<img") && !s.contains("<svg") && !s.contains("javascript:alert(1)\""), "{s}");
        }
        assert!(!e["text"]["text"].as_str().unwrap().contains("href=\"javascript"));
    }
    // iCalendar: no javascript: URL, text escaped as TEXT values.
    let ics = get("timeline.ics");
    assert!(!ics.to_lowercase().contains("url:javascript"));
    assert!(!ics.to_lowercase().contains("javascript:alert(1) "), "URL not offered as a source link");
    // CSV: plain text, no cell that a spreadsheet would run as a formula.
    let csv = get("timeline.csv");
    for cell in csv.split([',', '\n']) {
        let c = cell.trim_start_matches('"');
        assert!(!c.starts_with('=') && !c.starts_with('+') && !c.starts_with('@'), "{cell}");
    }
    // JSON keeps the data as data.
    let json: Timeline = serde_json::from_str(&get("timeline.json")).unwrap();
    assert!(json.events[0].title.starts_with(XSS));
}

