//! Escaping and marked-up text: the only place where HTML is built by hand.
//!
//! Templates escape every value through askama. Some fragments (a quote with its
//! date and names highlighted, a document's annotated paragraphs, `<time>` elements,
//! JSON-LD) need markup inside user text; those are built here as [`Markup`], whose
//! only constructors escape every piece of user text first. Templates print a
//! `Markup` with `|safe`, and only fields whose name ends in `_html` hold one (a test
//! checks the templates for that), so user text can never reach the page unescaped.

use std::fmt::{self, Write as _};

/// A piece of HTML whose user text is already escaped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    /// Escaped plain text.
    pub fn text(s: &str) -> Markup {
        Markup(escape(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub(crate) fn push(&mut self, other: &Markup) {
        self.0.push_str(&other.0);
    }
    pub(crate) fn push_text(&mut self, s: &str) {
        escape_into(&mut self.0, s);
    }
    pub(crate) fn push_trusted(&mut self, s: &'static str) {
        self.0.push_str(s);
    }
    /// An element with escaped attribute values and escaped or marked-up content.
    pub(crate) fn element(tag: &'static str, attrs: &[(&'static str, &str)], content: &Markup) -> Markup {
        let mut m = Markup::open(tag, attrs);
        m.push(content);
        let _ = write!(m.0, "</{tag}>");
        m
    }
    pub(crate) fn open(tag: &'static str, attrs: &[(&'static str, &str)]) -> Markup {
        let mut s = String::new();
        let _ = write!(s, "<{tag}");
        for (name, value) in attrs {
            let _ = write!(s, " {name}=\"");
            escape_into(&mut s, value);
            s.push('"');
        }
        s.push('>');
        Markup(s)
    }
}

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// HTML-escape text for element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The URL, when it may be linked: an absolute http or https URL without spaces or
/// control characters. Anything else (`javascript:`, `data:`, relative paths) is shown
/// as text only.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let rest = ["http://", "https://"]
        .iter()
        .find(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
        .and_then(|scheme| url.get(scheme.len()..));
    let has_host = rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'));
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (has_host && clean).then_some(url)
}

/// Serialize a value as JSON that is safe inside `<script type="application/ld+json">`:
/// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (legal JSON string escapes), so
/// no `</script>` or `<!--` can appear in the element.
pub fn script_json(value: &serde_json::Value) -> Markup {
    let raw = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Markup(out)
}

/// One span to mark in a piece of text, with byte offsets into that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkSpan {
    pub start: usize,
    pub end: usize,
    /// CSS class, also telling the kind (`a-date`, `a-person`, …).
    pub class: &'static str,
    /// Human name of the kind, for the `title` tooltip.
    pub label: &'static str,
    /// Link target (a relative URL of this site), when the span belongs to an event.
    pub href: Option<String>,
}

/// Mark `spans` in `text[range]`, escaping every piece of text.
///
/// Spans are clipped to the range; spans that do not fall on char boundaries, are
/// empty or lie outside are skipped. Nested spans nest; a span that crosses the one
/// around it is clipped to that one's end, so the elements always nest properly. A
/// link inside a link is rendered as a plain mark (HTML forbids nested `<a>`).
pub fn mark(text: &str, range: std::ops::Range<usize>, spans: &[MarkSpan]) -> Markup {
    let (lo, hi) = (range.start, range.end.min(text.len()));
    if lo > hi || !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
        return Markup::default();
    }
    let mut sorted: Vec<&MarkSpan> = spans
        .iter()
        .filter(|s| s.start < s.end && s.end > lo && s.start < hi)
        .filter(|s| text.is_char_boundary(s.start.clamp(lo, hi)) && text.is_char_boundary(s.end.clamp(lo, hi)))
        .collect();
    // Outer spans first: by start, then longest.
    sorted.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.class.cmp(b.class)));

    let mut out = Markup::default();
    // Open elements: (end offset, closing tag, is a link).
    let mut stack: Vec<(usize, &'static str, bool)> = Vec::new();
    let mut cursor = lo;
    let emit = |out: &mut Markup, from: usize, to: usize| {
        if let Some(s) = text.get(from..to) {
            out.push_text(s);
        }
    };
    for span in sorted {
        let start = span.start.max(lo);
        // Close every open element that ends before this span starts.
        while let Some(&(end, close, _)) = stack.last() {
            if end <= start {
                emit(&mut out, cursor, end);
                cursor = end;
                out.push_trusted(close);
                stack.pop();
            } else {
                break;
            }
        }
        let limit = stack.last().map_or(hi, |&(end, _, _)| end);
        let end = span.end.min(limit);
        if start < cursor || end <= start {
            continue;
        }
        emit(&mut out, cursor, start);
        cursor = start;
        let in_link = stack.iter().any(|&(_, _, link)| link);
        match (&span.href, in_link) {
            (Some(href), false) => {
                out.push(&Markup::open("a", &[("class", span.class), ("href", href), ("title", span.label)]));
                stack.push((end, "</a>", true));
            }
            _ => {
                out.push(&Markup::open("mark", &[("class", span.class), ("title", span.label)]));
                stack.push((end, "</mark>", false));
            }
        }
    }
    while let Some((end, close, _)) = stack.pop() {
        emit(&mut out, cursor, end);
        cursor = end;
        out.push_trusted(close);
    }
    emit(&mut out, cursor, hi);
    out
}

/// Byte ranges of the paragraphs of `text`: runs of lines separated by blank lines,
/// trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..last_end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            last_end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..last_end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, class: &'static str, href: Option<&str>) -> MarkSpan {
        MarkSpan { start, end, class, label: class, href: href.map(str::to_string) }
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        let m = Markup::element("b", &[("title", "\"><script>")], &Markup::text("<i>"));
        assert_eq!(m.as_str(), "<b title=\"&quot;&gt;&lt;script&gt;\">&lt;i&gt;</b>");
    }

    #[test]
    fn only_http_urls_are_linkable() {
        assert_eq!(safe_url("https://example.org/a?b=1"), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url(" HTTP://example.org "), Some("HTTP://example.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("JavaScript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,<script>"), None);
        assert_eq!(safe_url("https://exa mple.org"), None);
        assert_eq!(safe_url("//example.org"), None);
        assert_eq!(safe_url("https://"), None);
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script> & <!--"});
        let s = script_json(&v);
        assert!(!s.as_str().contains('<') && !s.as_str().contains('>') && !s.as_str().contains('&'));
        let back: serde_json::Value = serde_json::from_str(s.as_str()).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn marks_nested_spans_and_escapes() {
        let text = "Talks <b> on 18 Feb in Riyadh.";
        let spans = [span(0, 5, "a-trigger", Some("e.html")), span(13, 19, "a-date", None), span(10, 30, "s", None)];
        let m = mark(text, 0..text.len(), &spans);
        assert_eq!(
            m.as_str(),
            "<a class=\"a-trigger\" href=\"e.html\" title=\"a-trigger\">Talks</a> &lt;b&gt; <mark class=\"s\" title=\"s\">on <mark class=\"a-date\" title=\"a-date\">18 Feb</mark> in Riyadh.</mark>"
        );
    }

    #[test]
    fn crossing_and_invalid_spans_never_break_nesting() {
        let text = "Kyiv – Zelenskyy";
        let spans = [
            span(0, 8, "outer", None),
            span(2, 12, "crossing", None),
            span(5, 6, "inside-a-dash", None), // not a char boundary: skipped
            span(40, 50, "outside", None),
            span(3, 3, "empty", None),
        ];
        let m = mark(text, 0..text.len(), &spans);
        assert_eq!(
            m.as_str(),
            "<mark class=\"outer\" title=\"outer\">Ky<mark class=\"crossing\" title=\"crossing\">iv –</mark></mark> Zelenskyy"
        );
    }

    #[test]
    fn links_do_not_nest() {
        let text = "abcdef";
        let m = mark(text, 0..6, &[span(0, 6, "x", Some("a.html")), span(1, 3, "y", Some("b.html"))]);
        assert_eq!(m.as_str().matches("<a ").count(), 1);
        assert!(m.as_str().contains("<mark class=\"y\""));
    }

    #[test]
    fn marks_within_a_range_with_clipping() {
        let text = "One. Two three. Four.";
        let m = mark(text, 5..15, &[span(0, 8, "a", None), span(9, 20, "b", None)]);
        assert_eq!(m.as_str(), "<mark class=\"a\" title=\"a\">Two</mark> <mark class=\"b\" title=\"b\">three.</mark>");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "  First line\nsecond line\n\n \n\nThird.\r\n\r\nFourth";
        let p: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["First line\nsecond line", "Third.", "Fourth"]);
        assert!(paragraphs("").is_empty());
    }
}
