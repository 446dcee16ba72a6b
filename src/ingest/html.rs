//! HTML pages: the article's main text and its metadata.
//!
//! Main text is found the way reader modes find it (the idea of Arc90's
//! Readability, implemented here from scratch): every paragraph-like block
//! scores points for its length and commas, the points flow to its parent and,
//! less, to further ancestors, and the ancestor with the best score (scaled down
//! by its share of link text) is the article. `nav`, `aside`, `footer` and
//! `figcaption` never count, nor (on the first try) boxes whose class or id
//! names furniture: comments, sidebars, captions, cookie notices, ads. Siblings
//! that score well or read as prose join it. Inside it, lists, tables and boxes
//! that look like furniture (mostly links, forms, more list items than
//! paragraphs, small share bars) are dropped. When that leaves too little text,
//! the page is tried again with the filters relaxed and the longest result is
//! kept. Scripts, styles, forms' controls, `noscript` and hidden elements
//! (`hidden`, `aria-hidden`, `display: none`) never reach the arena.
//!
//! The page is parsed once with `scraper` (html5ever, which also decodes
//! entities) and copied into a small arena of nodes, so every pass is a linear
//! walk over vectors: no recursion (deeply nested input cannot overflow the
//! stack) and no DOM mutation. The class/id words that mark furniture or content
//! are data (`data/html_classes.txt`).
//!
//! Output: one paragraph per block (headings, list items and table cells too),
//! which the shared boilerplate filter then cleans. The page's `<h1>` comes
//! first when it is the article's title, even if it stood outside the article.
//!
//! Metadata, first found wins: the publication date from JSON-LD
//! `datePublished` (any object of an `…Article`/`BlogPosting`/`Report` type,
//! also in `@graph`; sites keep it right more often than the meta tag, which
//! some fill with the last update), `article:published_time`, other common date
//! meta tags, `itemprop="datePublished"`, `<time datetime>`; the title from
//! `og:title`, JSON-LD `headline`, `<title>` (a " | Site" suffix naming the site
//! is cut); the site from `og:site_name` or the JSON-LD publisher; the URL from
//! the canonical link or `og:url`; the author from author meta tags or JSON-LD.

use super::FileMeta;
use super::plain::normalize_space;
use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Extract metadata and main-text paragraphs from an HTML page.
pub(crate) fn extract(source: &str) -> (FileMeta, Vec<String>) {
    let html = Html::parse_document(source);
    let (dom, tags) = Dom::build(&html);
    drop(html);
    let h1 = tags.h1.clone();
    let meta = tags.into_meta();
    let mut paragraphs = main_text(&dom);
    // The headline usually sits in a page header that extraction leaves out;
    // later stages read it as the first line, as in the other formats.
    if let (Some(h1), Some(title)) = (h1, meta.title.as_deref())
        && h1.eq_ignore_ascii_case(title) && !paragraphs.iter().take(5).any(|p| p.eq_ignore_ascii_case(title)) && !paragraphs.is_empty() {
            paragraphs.insert(0, h1);
        }
    (meta, paragraphs)
}

// ---------------------------------------------------------------------------
// Class / id lexicon

#[derive(Default)]
struct ClassLexicon {
    unlikely: Vec<Pattern>,
    small: Vec<Pattern>,
    keep: Vec<Pattern>,
    negative: Vec<Pattern>,
    positive: Vec<Pattern>,
}

enum Pattern {
    Exact(String),
    Prefix(String),
    Suffix(String),
    Contains(String),
}

impl Pattern {
    fn parse(p: &str) -> Pattern {
        match (p.strip_prefix('*'), p.strip_suffix('*')) {
            (Some(_), Some(_)) => Pattern::Contains(p.trim_matches('*').to_string()),
            (None, Some(w)) => Pattern::Prefix(w.to_string()),
            (Some(w), None) => Pattern::Suffix(w.to_string()),
            (None, None) => Pattern::Exact(p.to_string()),
        }
    }
    fn matches(&self, token: &str) -> bool {
        match self {
            Pattern::Exact(w) => token == w,
            Pattern::Prefix(w) => token.starts_with(w.as_str()),
            Pattern::Suffix(w) => token.ends_with(w.as_str()),
            Pattern::Contains(w) => token.contains(w.as_str()),
        }
    }
}

const CLASS_LEXICON_TEXT: &str = include_str!("../../data/html_classes.txt");

fn parse_class_lexicon(text: &str) -> Result<ClassLexicon, String> {
    let mut lex = ClassLexicon::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, pat)) = line.split_once('\t') else {
            return Err(format!("data/html_classes.txt:{}: expected <kind><TAB><pattern>", i + 1));
        };
        let pat = pat.trim();
        if pat.trim_matches('*').is_empty() || !pat.trim_matches('*').chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return Err(format!("data/html_classes.txt:{}: pattern must be lower-case letters or digits with optional `*`", i + 1));
        }
        let list = match kind {
            "unlikely" => &mut lex.unlikely,
            "small" => &mut lex.small,
            "keep" => &mut lex.keep,
            "negative" => &mut lex.negative,
            "positive" => &mut lex.positive,
            other => return Err(format!("data/html_classes.txt:{}: unknown kind {other:?}", i + 1)),
        };
        list.push(Pattern::parse(pat));
    }
    Ok(lex)
}

static CLASSES: LazyLock<ClassLexicon> = LazyLock::new(|| parse_class_lexicon(CLASS_LEXICON_TEXT).unwrap_or_default());

fn any_token(attr: &str, patterns: &[Pattern]) -> bool {
    attr.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).any(|t| patterns.iter().any(|p| p.matches(t)))
}

// ---------------------------------------------------------------------------
// The arena

/// Element and text nodes of the page in document (pre-)order: a node's index
/// is larger than its parent's, so one backward pass aggregates subtrees.
#[derive(Default)]
struct Dom {
    /// Lower-case tag name; empty for text nodes.
    tag: Vec<String>,
    parent: Vec<usize>,
    children: Vec<Vec<usize>>,
    /// Text of text nodes (raw, whitespace not yet collapsed).
    text: Vec<String>,
    /// Lower-cased `class` and `id` attributes.
    class: Vec<String>,
    id: Vec<String>,
    role: Vec<String>,
    /// An `<a>` pointing inside the page (`href="#…"`): counts less as link text.
    hash_link: Vec<bool>,
    /// Collapsed-whitespace length in chars, and commas, of a text node.
    own_len: Vec<usize>,
    own_commas: Vec<usize>,
    body: Option<usize>,
}

const ROOT: usize = 0;

/// Elements whose content is never article text.
fn excluded_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "noscript" | "template" | "title" | "svg" | "iframe" | "object" | "embed" | "canvas"
            | "select" | "button" | "input" | "textarea" | "option" | "video" | "audio" | "map" | "dialog" | "link" | "meta"
    )
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

impl Dom {
    fn push(&mut self, parent: usize, tag: String) -> usize {
        let i = self.tag.len();
        self.tag.push(tag);
        self.parent.push(parent);
        self.children.push(Vec::new());
        self.text.push(String::new());
        self.class.push(String::new());
        self.id.push(String::new());
        self.role.push(String::new());
        self.hash_link.push(false);
        self.own_len.push(0);
        self.own_commas.push(0);
        if let Some(c) = self.children.get_mut(parent)
            && parent != i {
                c.push(i);
            }
        i
    }

    fn len(&self) -> usize {
        self.tag.len()
    }

    fn tag(&self, i: usize) -> &str {
        self.tag.get(i).map_or("", String::as_str)
    }

    fn is_text(&self, i: usize) -> bool {
        self.tag(i).is_empty()
    }

    fn parent(&self, i: usize) -> Option<usize> {
        let p = *self.parent.get(i)?;
        (p != i).then_some(p)
    }

    fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    fn build(html: &Html) -> (Dom, MetaTags) {
        let mut dom = Dom::default();
        let mut tags = MetaTags::default();
        dom.push(ROOT, "#root".to_string());
        let mut stack = vec![ROOT];
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    // Metadata may sit anywhere, even in hidden parts of the page.
                    if let Node::Element(el) = node.value() {
                        tags.observe(&el.name().to_ascii_lowercase(), el, node);
                    }
                    if skipping.is_some() {
                        continue;
                    }
                    let parent = stack.last().copied().unwrap_or(ROOT);
                    match node.value() {
                        Node::Element(el) => {
                            let name = el.name().to_ascii_lowercase();
                            if excluded_tag(&name) || is_hidden(el) {
                                skipping = Some(node.id());
                                continue;
                            }
                            let i = dom.push(parent, name);
                            if let Some(c) = dom.class.get_mut(i) {
                                *c = el.attr("class").unwrap_or("").to_lowercase();
                            }
                            if let Some(c) = dom.id.get_mut(i) {
                                *c = el.attr("id").unwrap_or("").to_lowercase();
                            }
                            if let Some(c) = dom.role.get_mut(i) {
                                *c = el.attr("role").unwrap_or("").trim().to_lowercase();
                            }
                            if let Some(c) = dom.hash_link.get_mut(i) {
                                *c = el.name() == "a" && el.attr("href").is_some_and(|h| h.trim_start().starts_with('#'));
                            }
                            if dom.body.is_none() && el.name() == "body" {
                                dom.body = Some(i);
                            }
                            stack.push(i);
                        }
                        Node::Text(t) => {
                            let i = dom.push(parent, String::new());
                            let s: &str = t;
                            if let Some(l) = dom.own_len.get_mut(i) {
                                *l = collapsed_len(s);
                            }
                            if let Some(c) = dom.own_commas.get_mut(i) {
                                *c = s.chars().filter(|c| matches!(c, ',' | '，' | '،' | '、')).count();
                            }
                            if let Some(slot) = dom.text.get_mut(i) {
                                *slot = s.to_string();
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if node.value().is_element() {
                        stack.pop();
                    }
                }
            }
        }
        (dom, tags)
    }
}

/// Length in chars after collapsing whitespace runs to one space (leading and
/// trailing runs count as one space each, as they would when joined).
fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                n += 1;
            }
            in_space = true;
        } else {
            n += 1;
            in_space = false;
        }
    }
    n
}

// ---------------------------------------------------------------------------
// Main text

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// Below this many characters, an attempt is retried with relaxed filters.
const MIN_TEXT: usize = 500;

fn main_text(dom: &Dom) -> Vec<String> {
    let attempts = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
    ];
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    for flags in attempts {
        let paragraphs = Attempt::new(dom, flags).run();
        let len: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        if len >= MIN_TEXT {
            return paragraphs;
        }
        if len > best_len {
            best_len = len;
            best = paragraphs;
        }
    }
    best
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Tags that break a paragraph when they start or end.
fn is_block(tag: &str) -> bool {
    is_heading(tag)
        || matches!(
            tag,
            "address" | "article" | "aside" | "blockquote" | "caption" | "center" | "dd" | "details" | "div" | "dl" | "dt"
                | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "header" | "hr" | "li" | "main" | "nav" | "ol"
                | "p" | "pre" | "section" | "summary" | "table" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" | "ul"
                | "body" | "html" | "menu" | "legend" | "hgroup"
        )
}

/// Blocks that keep a div from being a paragraph of its own.
fn is_structural_block(tag: &str) -> bool {
    matches!(tag, "blockquote" | "dl" | "div" | "ol" | "p" | "pre" | "table" | "ul" | "section" | "article" | "form" | "figure" | "header" | "footer" | "aside" | "nav" | "main")
        || is_heading(tag)
}

/// Subtree sums over the nodes still alive in an attempt.
#[derive(Clone, Copy, Default)]
struct Agg {
    text: usize,
    link: f64,
    commas: usize,
    p: usize,
    li: usize,
    img: usize,
    heading: usize,
    list_text: usize,
    has_block: bool,
    rows: usize,
}

struct Attempt<'a> {
    dom: &'a Dom,
    flags: Flags,
    dead: Vec<bool>,
    agg: Vec<Agg>,
    score: Vec<f64>,
    scored: Vec<bool>,
    /// Inside a `p`, `pre`, `td`, `li` or a leaf box (already scored as a paragraph).
    in_paragraph: Vec<bool>,
    in_figure: Vec<bool>,
}

impl<'a> Attempt<'a> {
    fn new(dom: &'a Dom, flags: Flags) -> Attempt<'a> {
        let n = dom.len();
        let mut dead = vec![false; n];
        let mut in_table_or_code = vec![false; n];
        for i in 1..n {
            let p = dom.parent(i).unwrap_or(ROOT);
            let parent_dead = dead.get(p).copied().unwrap_or(false);
            let ptag = dom.tag(p);
            let protected = in_table_or_code.get(p).copied().unwrap_or(false) || matches!(ptag, "table" | "code" | "pre");
            if let Some(slot) = in_table_or_code.get_mut(i) {
                *slot = protected;
            }
            if parent_dead {
                if let Some(d) = dead.get_mut(i) {
                    *d = true;
                }
                continue;
            }
            if dom.is_text(i) {
                continue;
            }
            let tag = dom.tag(i);
            let mut remove = matches!(tag, "nav" | "aside" | "footer" | "figcaption");
            if flags.strip_unlikely && !remove && !matches!(tag, "html" | "body" | "a" | "article" | "main") && !protected {
                let class = dom.class.get(i).map_or("", String::as_str);
                let id = dom.id.get(i).map_or("", String::as_str);
                let role = dom.role.get(i).map_or("", String::as_str);
                let lex = &*CLASSES;
                let unlikely = (any_token(class, &lex.unlikely) || any_token(id, &lex.unlikely))
                    && !(any_token(class, &lex.keep) || any_token(id, &lex.keep));
                let bad_role = matches!(role, "menu" | "menubar" | "complementary" | "navigation" | "alert" | "alertdialog" | "dialog" | "banner" | "contentinfo");
                remove = unlikely || bad_role;
            }
            if remove
                && let Some(d) = dead.get_mut(i) {
                    *d = true;
                }
        }
        let mut attempt = Attempt {
            dom,
            flags,
            dead,
            agg: vec![Agg::default(); n],
            score: vec![0.0; n],
            scored: vec![false; n],
            in_paragraph: vec![false; n],
            in_figure: vec![false; n],
        };
        attempt.aggregate();
        attempt.context();
        attempt
    }

    /// Pre-order flags that depend on ancestors, so no check walks up the tree.
    fn context(&mut self) {
        let dom = self.dom;
        for i in 1..dom.len() {
            let Some(p) = dom.parent(i) else { continue };
            let ptag = dom.tag(p);
            let parent_in_para = self.in_paragraph.get(p).copied().unwrap_or(false);
            let in_para = if matches!(ptag, "p" | "pre" | "td" | "li") || self.is_leaf_box(p) {
                true
            } else if is_block(ptag) {
                false
            } else {
                parent_in_para
            };
            let in_fig = ptag == "figure" || self.in_figure.get(p).copied().unwrap_or(false);
            if let Some(slot) = self.in_paragraph.get_mut(i) {
                *slot = in_para;
            }
            if let Some(slot) = self.in_figure.get_mut(i) {
                *slot = in_fig || dom.tag(i) == "figure";
            }
        }
    }

    /// A box with no blocks inside reads as one paragraph.
    fn is_leaf_box(&self, i: usize) -> bool {
        matches!(self.dom.tag(i), "div" | "section" | "article" | "center" | "font" | "span") && !self.agg(i).has_block
    }

    fn alive(&self, i: usize) -> bool {
        !self.dead.get(i).copied().unwrap_or(true)
    }

    fn agg(&self, i: usize) -> Agg {
        self.agg.get(i).copied().unwrap_or_default()
    }

    fn aggregate(&mut self) {
        let dom = self.dom;
        for i in (0..dom.len()).rev() {
            if !self.alive(i) {
                continue;
            }
            let tag = dom.tag(i);
            let mut a = self.agg(i);
            if dom.is_text(i) {
                a.text = dom.own_len.get(i).copied().unwrap_or(0);
                a.commas = dom.own_commas.get(i).copied().unwrap_or(0);
            } else {
                match tag {
                    "a" => a.link = a.text as f64 * if dom.hash_link.get(i).copied().unwrap_or(false) { 0.3 } else { 1.0 },
                    "p" => a.p += 1,
                    "li" => a.li += 1,
                    "img" | "picture" => a.img += 1,
                    "ul" | "ol" => a.list_text = a.text,
                    "tr" => a.rows += 1,
                    _ if is_heading(tag) => a.heading = a.text,
                    _ => {}
                }
            }
            if let Some(slot) = self.agg.get_mut(i) {
                *slot = a;
            }
            let Some(p) = dom.parent(i) else { continue };
            if let Some(pa) = self.agg.get_mut(p) {
                pa.text += a.text;
                pa.link += a.link;
                pa.commas += a.commas;
                pa.p += a.p;
                pa.li += a.li;
                pa.img += a.img;
                pa.heading += a.heading;
                pa.list_text += a.list_text;
                pa.rows += a.rows;
                pa.has_block |= a.has_block || is_structural_block(tag);
            }
        }
    }

    fn link_density(&self, i: usize) -> f64 {
        let a = self.agg(i);
        if a.text == 0 { 0.0 } else { (a.link / a.text as f64).min(1.0) }
    }

    fn class_weight(&self, i: usize) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let lex = &*CLASSES;
        let mut w = 0.0;
        for attr in [self.dom.class.get(i), self.dom.id.get(i)].into_iter().flatten() {
            if attr.is_empty() {
                continue;
            }
            if any_token(attr, &lex.negative) {
                w -= 25.0;
            }
            if any_token(attr, &lex.positive) {
                w += 25.0;
            }
        }
        w
    }

    fn init_candidate(&mut self, i: usize) {
        if self.scored.get(i).copied().unwrap_or(true) {
            return;
        }
        let base = match self.dom.tag(i) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            t if is_heading(t) || t == "th" => -5.0,
            _ => 0.0,
        };
        let w = self.class_weight(i);
        if let Some(s) = self.score.get_mut(i) {
            *s = base + w;
        }
        if let Some(s) = self.scored.get_mut(i) {
            *s = true;
        }
    }

    /// Give a paragraph's points to `first` (full), its parent (half) and up to
    /// three more ancestors (less with each level).
    fn credit(&mut self, first: usize, points: f64) {
        let mut node = Some(first);
        let mut level = 0;
        while level < 5 {
            let Some(mut i) = node else { break };
            // A div that only wraps one paragraph is the paragraph: look past it.
            while self.is_p_wrapper(i) {
                match self.dom.parent(i) {
                    Some(p) => i = p,
                    None => break,
                }
            }
            let tag = self.dom.tag(i);
            if i == ROOT || tag == "html" || tag == "#root" {
                break;
            }
            self.init_candidate(i);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            if let Some(s) = self.score.get_mut(i) {
                *s += points / divider;
            }
            node = self.dom.parent(i);
            level += 1;
        }
    }

    /// A `div` whose only content is one `p` (and whitespace), with few links.
    fn is_p_wrapper(&self, i: usize) -> bool {
        if self.dom.tag(i) != "div" || self.link_density(i) >= 0.25 {
            return false;
        }
        let mut elements = self.dom.children(i).iter().filter(|&&c| self.alive(c) && (!self.dom.is_text(c) || self.agg(c).text > 1));
        matches!((elements.next(), elements.next()), (Some(&c), None) if self.dom.tag(c) == "p")
    }

    /// Reads as a paragraph of its own: a `p`, or a box with no blocks inside.
    fn is_paragraph_like(&self, i: usize) -> bool {
        self.dom.tag(i) == "p" || self.is_leaf_box(i)
    }

    fn paragraph_points(text: usize, commas: usize) -> f64 {
        1.0 + commas as f64 + (text / 100).min(3) as f64
    }

    fn score_paragraphs(&mut self) {
        let dom = self.dom;
        for i in 1..dom.len() {
            if !self.alive(i) || dom.is_text(i) {
                continue;
            }
            let tag = dom.tag(i);
            let a = self.agg(i);
            let leaf_box = self.is_leaf_box(i);
            if matches!(tag, "p" | "pre" | "td") || (leaf_box && !self.in_paragraph.get(i).copied().unwrap_or(false)) {
                if a.text >= 25
                    && let Some(p) = dom.parent(i) {
                        self.credit(p, Self::paragraph_points(a.text, a.commas));
                    }
            } else if matches!(tag, "div" | "section" | "article") && a.has_block {
                // Loose text between the blocks of a box is a paragraph of that box.
                let (mut text, mut commas) = (0, 0);
                for &c in dom.children(i) {
                    let ca = self.agg(c);
                    if self.alive(c) && (dom.is_text(c) || (!is_block(dom.tag(c)) && !ca.has_block)) {
                        text += ca.text;
                        commas += ca.commas;
                    }
                }
                if text >= 25 {
                    self.credit(i, Self::paragraph_points(text, commas));
                }
            }
        }
    }

    fn final_score(&self, i: usize) -> f64 {
        self.score.get(i).copied().unwrap_or(0.0) * (1.0 - self.link_density(i))
    }

    fn ancestors(&self, mut node: usize) -> std::collections::HashSet<usize> {
        let mut set = std::collections::HashSet::new();
        while let Some(p) = self.dom.parent(node) {
            set.insert(p);
            node = p;
        }
        set
    }

    fn run(mut self) -> Vec<String> {
        self.score_paragraphs();
        let dom = self.dom;
        let body = dom.body.unwrap_or(ROOT);
        let mut candidates: Vec<(f64, usize)> =
            (0..dom.len()).filter(|&i| self.scored.get(i).copied().unwrap_or(false)).map(|i| (self.final_score(i), i)).collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let Some(&(top_score, top0)) = candidates.first() else {
            return self.render(&[body]);
        };
        if top0 == body || dom.tag(top0) == "html" {
            return self.render(&[body]);
        }
        let mut top = top0;
        // Several near-equal candidates under one ancestor: the ancestor is the article.
        let rivals: Vec<usize> = candidates.iter().skip(1).take(4).filter(|(s, _)| *s >= 0.75 * top_score).map(|&(_, i)| i).collect();
        if rivals.len() >= 3 {
            let ancestors: Vec<std::collections::HashSet<usize>> = rivals.iter().map(|&r| self.ancestors(r)).collect();
            let mut node = dom.parent(top);
            while let Some(p) = node {
                if p == body || p == ROOT {
                    break;
                }
                if ancestors.iter().filter(|set| set.contains(&p)).count() >= 3 {
                    top = p;
                    break;
                }
                node = dom.parent(p);
            }
        }
        self.init_candidate(top);
        // Climb while the parent scores better (the article is split into parts).
        let mut last = self.final_score(top);
        let threshold = last / 3.0;
        let mut node = dom.parent(top);
        while let Some(p) = node {
            if p == body || p == ROOT {
                break;
            }
            if !self.scored.get(p).copied().unwrap_or(false) {
                node = dom.parent(p);
                continue;
            }
            let s = self.final_score(p);
            if s < threshold {
                break;
            }
            if s > last {
                top = p;
                break;
            }
            last = s;
            node = dom.parent(p);
        }
        // An only child stands for its parent.
        while let Some(p) = dom.parent(top) {
            if p == body || p == ROOT {
                break;
            }
            let element_children = dom.children(p).iter().filter(|&&c| self.alive(c) && !dom.is_text(c)).count();
            if element_children != 1 {
                break;
            }
            top = p;
        }
        self.init_candidate(top);
        let top_final = self.final_score(top);
        let mut parts = Vec::new();
        match dom.parent(top) {
            Some(parent) if parent != ROOT => {
                let threshold = (top_final * 0.2).max(10.0);
                let top_class = dom.class.get(top).map_or("", String::as_str);
                for &s in dom.children(parent) {
                    if !self.alive(s) || dom.is_text(s) {
                        continue;
                    }
                    if s == top {
                        parts.push(s);
                        continue;
                    }
                    let mut bonus = 0.0;
                    let class = dom.class.get(s).map_or("", String::as_str);
                    if !top_class.is_empty() && class == top_class {
                        bonus = top_final * 0.2;
                    }
                    let scored = self.scored.get(s).copied().unwrap_or(false);
                    let same_class_prose = bonus > 0.0 && self.agg(s).text >= 140 && self.link_density(s) < 0.25;
                    if (scored && self.final_score(s) + bonus >= threshold) || same_class_prose {
                        parts.push(s);
                    } else if self.is_paragraph_like(s) || self.is_p_wrapper(s) {
                        let a = self.agg(s);
                        let ld = self.link_density(s);
                        let text = self.text_of(s);
                        if (a.text > 80 && ld < 0.25) || (a.text > 0 && a.text <= 80 && ld == 0.0 && (text.contains(". ") || text.ends_with('.'))) {
                            parts.push(s);
                        }
                    }
                }
            }
            _ => parts.push(top),
        }
        self.render(&parts)
    }

    /// Plain text of a subtree (collapsed whitespace), for small checks.
    fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if !self.alive(n) {
                continue;
            }
            if self.dom.is_text(n) {
                out.push_str(self.dom.text.get(n).map_or("", String::as_str));
            } else {
                stack.extend(self.dom.children(n).iter().rev());
            }
        }
        normalize_space(&out)
    }

    /// A table that holds data rather than layout.
    fn is_data_table(&self, i: usize) -> bool {
        if self.dom.role.get(i).is_some_and(|r| r == "presentation") {
            return false;
        }
        let mut stack: Vec<usize> = self.dom.children(i).to_vec();
        let (mut max_cols, mut nested) = (0usize, false);
        while let Some(n) = stack.pop() {
            match self.dom.tag(n) {
                "th" | "caption" | "thead" | "tfoot" | "colgroup" => return true,
                "table" => nested = true,
                "tr" => {
                    let cols = self.dom.children(n).iter().filter(|&&c| matches!(self.dom.tag(c), "td" | "th")).count();
                    max_cols = max_cols.max(cols);
                }
                _ => {}
            }
            if self.dom.tag(n) != "table" {
                stack.extend_from_slice(self.dom.children(n));
            }
        }
        if nested {
            return false;
        }
        let rows = self.agg(i).rows;
        rows >= 10 || max_cols > 4 || rows * max_cols > 10
    }

    /// Furniture inside the article: boxes of links, forms, image galleries.
    fn drop_in_article(&self, i: usize) -> bool {
        let dom = self.dom;
        let tag = dom.tag(i);
        let a = self.agg(i);
        if tag == "header" && self.link_density(i) > 0.33 {
            return true;
        }
        if is_heading(tag) && self.class_weight(i) < 0.0 {
            return true;
        }
        if a.text < MIN_TEXT {
            let lex = &*CLASSES;
            if [dom.class.get(i), dom.id.get(i)].into_iter().flatten().any(|attr| any_token(attr, &lex.small)) {
                return true;
            }
        }
        if !self.flags.clean_conditionally || !matches!(tag, "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section" | "header") {
            return false;
        }
        if tag == "table" && self.is_data_table(i) {
            return false;
        }
        let weight = self.class_weight(i);
        let score = if self.scored.get(i).copied().unwrap_or(false) { self.score.get(i).copied().unwrap_or(0.0) } else { 0.0 };
        if weight + score < 0.0 {
            return true;
        }
        if a.commas >= 10 {
            return false;
        }
        let is_list = matches!(tag, "ul" | "ol") || (a.text > 0 && a.list_text as f64 / a.text as f64 > 0.9);
        let p = a.p as f64;
        let img = a.img as f64;
        let li = a.li as f64 - 100.0;
        let ld = self.link_density(i);
        let heading_density = if a.text == 0 { 0.0 } else { a.heading as f64 / a.text as f64 };
        (a.img > 1 && p / img < 0.5 && !self.in_figure.get(i).copied().unwrap_or(false))
            || (!is_list && li > p)
            || (!is_list && heading_density < 0.9 && a.text < 25 && (a.img == 0 || a.img > 2) && ld > 0.0)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
    }

    /// Paragraphs of the chosen subtrees.
    fn render(&self, parts: &[usize]) -> Vec<String> {
        let mut out = Vec::new();
        let mut line = String::new();
        let dom = self.dom;
        enum Step {
            Open(usize),
            Close(usize),
        }
        for &part in parts {
            let mut stack = vec![Step::Open(part)];
            let mut pre_depth = 0usize;
            let mut after_br = false;
            while let Some(step) = stack.pop() {
                match step {
                    Step::Open(i) => {
                        if !self.alive(i) {
                            continue;
                        }
                        if dom.is_text(i) {
                            let t = dom.text.get(i).map_or("", String::as_str);
                            if !t.trim().is_empty() {
                                after_br = false;
                            }
                            if pre_depth > 0 {
                                let mut pieces = t.split('\n');
                                if let Some(first) = pieces.next() {
                                    line.push_str(first);
                                }
                                for piece in pieces {
                                    flush(&mut line, &mut out);
                                    line.push_str(piece);
                                }
                            } else {
                                line.push_str(t);
                            }
                            continue;
                        }
                        if i != part && self.drop_in_article(i) {
                            continue;
                        }
                        let tag = dom.tag(i);
                        if tag == "br" {
                            // One break is a line break inside the paragraph;
                            // two in a row (whitespace between) end it.
                            if after_br {
                                flush(&mut line, &mut out);
                            } else {
                                line.push('\n');
                            }
                            after_br = !after_br;
                            continue;
                        }
                        if is_block(tag) {
                            flush(&mut line, &mut out);
                            after_br = false;
                        }
                        if tag == "pre" {
                            pre_depth += 1;
                        }
                        stack.push(Step::Close(i));
                        stack.extend(dom.children(i).iter().rev().map(|&c| Step::Open(c)));
                    }
                    Step::Close(i) => {
                        let tag = dom.tag(i);
                        if tag == "pre" {
                            pre_depth = pre_depth.saturating_sub(1);
                        }
                        if is_block(tag) {
                            flush(&mut line, &mut out);
                            after_br = false;
                        }
                    }
                }
            }
            flush(&mut line, &mut out);
        }
        out
    }
}

fn flush(line: &mut String, out: &mut Vec<String>) {
    let p = normalize_space(line);
    line.clear();
    if !p.is_empty() {
        out.push(p);
    }
}

// ---------------------------------------------------------------------------
// Metadata

#[derive(Default)]
struct MetaTags {
    /// `name` / `property` / `itemprop` (lower case) → first `content`.
    meta: HashMap<String, String>,
    title: Option<String>,
    canonical: Option<String>,
    json_ld: Vec<String>,
    /// `datetime` of `<time>` elements: (marked as publication, value).
    times: Vec<(bool, String)>,
    itemprop_published: Option<String>,
    /// Text of the first `<h1>`.
    h1: Option<String>,
}

impl MetaTags {
    fn observe(&mut self, name: &str, el: &scraper::node::Element, node: ego_tree::NodeRef<'_, Node>) {
        match name {
            "meta" => {
                let Some(content) = el.attr("content") else { return };
                let content = content.trim();
                if content.is_empty() {
                    return;
                }
                for attr in ["property", "name", "itemprop"] {
                    for key in el.attr(attr).unwrap_or("").split_whitespace() {
                        self.meta.entry(key.to_lowercase()).or_insert_with(|| content.to_string());
                    }
                }
            }
            "title" if self.title.is_none() && !node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg")) => {
                let t = normalize_space(&node_text(node));
                if !t.is_empty() {
                    self.title = Some(t);
                }
            }
            "h1" if self.h1.is_none() => {
                let t = normalize_space(&node_text(node));
                if !t.is_empty() {
                    self.h1 = Some(t);
                }
            }
            "link" if self.canonical.is_none() => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical")
                    && let Some(h) = el.attr("href").map(str::trim).filter(|h| !h.is_empty()) {
                        self.canonical = Some(h.to_string());
                    }
            }
            "script"
                if el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                    self.json_ld.push(node_text(node));
                }
            _ => {}
        }
        if name == "time"
            && let Some(dt) = el.attr("datetime") {
                let marked = el.attr("pubdate").is_some() || el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                self.times.push((marked, dt.to_string()));
            }
        if name != "meta" && self.itemprop_published.is_none() && el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            && let Some(v) = el.attr("content").or_else(|| el.attr("datetime")) {
                self.itemprop_published = Some(v.to_string());
            }
    }

    fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.meta.get(*k).map(String::as_str).filter(|v| !v.is_empty()))
    }

    fn into_meta(self) -> FileMeta {
        let ld = LdInfo::from_scripts(&self.json_ld);
        let published = ld
            .published
            .as_deref()
            .and_then(lenient_date)
            .or_else(|| self.get(&["article:published_time", "og:article:published_time", "article:published", "og:published_time"]).and_then(lenient_date))
            .or_else(|| self.get(DATE_META).and_then(lenient_date))
            .or_else(|| self.itemprop_published.as_deref().and_then(lenient_date))
            .or_else(|| self.get(&["parsely-page"]).and_then(parsely_page_date))
            .or_else(|| self.times.iter().find(|(m, _)| *m).and_then(|(_, v)| lenient_date(v)))
            .or_else(|| self.times.first().and_then(|(_, v)| lenient_date(v)));
        let source = self
            .get(&["og:site_name", "application-name", "publisher", "dc.publisher"])
            .map(normalize_space)
            .or(ld.publisher.clone());
        let raw_title = self
            .get(&["og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"])
            .map(normalize_space)
            .or(ld.headline.clone())
            .or(self.title.clone());
        let title = raw_title.map(|t| strip_site(&t, source.as_deref()));
        let url = self.canonical.clone().or_else(|| self.get(&["og:url", "twitter:url"]).map(str::to_string)).or(ld.url.clone());
        let author = self
            .get(&["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"])
            .filter(|a| !a.starts_with("http") && !a.starts_with('@'))
            .map(|a| normalize_space(a.trim_start_matches("By ").trim_start_matches("by ")))
            .or(ld.author.clone());
        FileMeta { title: title.filter(|t| !t.is_empty()), published, source, url, author }
    }
}

/// Date meta tags other than `article:published_time`, most specific first.
const DATE_META: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_date",
    "date_published",
    "datepublished",
    "publication_date",
    "original-publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.available",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "weibo:article:create_at",
    "date",
];

fn node_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// " | Site", " - Site" (and the same as a prefix) cut when `site` names the site.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else { return title.to_string() };
    let site_lower = site.to_lowercase();
    let k = site.chars().count();
    let total = title.chars().count();
    if total <= k {
        return title.to_string();
    }
    let head_end = title.char_indices().nth(k).map_or(title.len(), |(i, _)| i);
    let tail_start = title.char_indices().nth(total - k).map_or(0, |(i, _)| i);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let (Some(tail), Some(rest)) = (title.get(tail_start..), title.get(..tail_start))
            && tail.to_lowercase() == site_lower && rest.ends_with(sep) {
                return rest.trim_end_matches(sep).trim().to_string();
            }
        if let (Some(head), Some(rest)) = (title.get(..head_end), title.get(head_end..))
            && head.to_lowercase() == site_lower && rest.starts_with(sep) {
                return rest.get(sep.len()..).unwrap_or(rest).trim().to_string();
            }
    }
    title.to_string()
}

/// A date from metadata: the strict formats, then a leading ISO date, RFC 2822,
/// `YYYY/MM/DD`, and "March 4, 2025" / "4 March 2025".
fn lenient_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Some(d) = super::parse_published(v) {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    static ISO_PREFIX: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])").expect("static regex"));
    if let Some(c) = ISO_PREFIX.captures(v) {
        let num = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = c.get(1).and_then(|m| m.as_str().parse::<i32>().ok())?;
        return NaiveDate::from_ymd_opt(year, num(2)?, num(3)?);
    }
    let cleaned: String = v.replace(',', " ");
    let cleaned = normalize_space(&cleaned);
    for fmt in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%A %B %d %Y", "%a %b %d %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, fmt) {
            return Some(d);
        }
    }
    None
}

/// `<meta name="parsely-page" content='{"pub_date": "…"}'>`.
fn parsely_page_date(content: &str) -> Option<NaiveDate> {
    let v: Value = serde_json::from_str(content).ok()?;
    v.get("pub_date").and_then(Value::as_str).and_then(lenient_date)
}

/// What the JSON-LD blocks say about the article.
#[derive(Default)]
struct LdInfo {
    published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

impl LdInfo {
    fn from_scripts(scripts: &[String]) -> LdInfo {
        let mut objects: Vec<serde_json::Map<String, Value>> = Vec::new();
        for s in scripts {
            // Wrappers such as `<![CDATA[ … ]]>` or `<!-- … -->`: keep from the first
            // bracket to the last.
            let s = s.replace("<![CDATA[", " ").replace("]]>", " ");
            let start = s.find(['{', '[']).unwrap_or(0);
            let end = s.rfind(['}', ']']).map_or(s.len(), |e| e + 1);
            let s = s.get(start..end).unwrap_or("");
            if let Ok(v) = serde_json::from_str::<Value>(s) {
                collect_objects(v, &mut objects);
            }
        }
        let is_article = |o: &serde_json::Map<String, Value>| {
            let types: Vec<&str> = match o.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            types.iter().any(|t| t.ends_with("Article") || matches!(*t, "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting" | "WebPage" | "ItemPage"))
        };
        // Prefer an article type; a WebPage only when no article says more.
        let mut ranked: Vec<&serde_json::Map<String, Value>> = objects.iter().filter(|o| is_article(o)).collect();
        ranked.sort_by_key(|o| match o.get("@type").and_then(Value::as_str) {
            Some("WebPage" | "ItemPage") => 1,
            _ => 0,
        });
        ranked.extend(objects.iter().filter(|o| !is_article(o) && o.contains_key("datePublished")));
        let mut info = LdInfo::default();
        for o in ranked {
            let s = |k: &str| o.get(k).and_then(Value::as_str).map(normalize_space).filter(|v| !v.is_empty());
            info.published = info.published.take().or_else(|| s("datePublished"));
            info.headline = info.headline.take().or_else(|| s("headline"));
            info.url = info.url.take().or_else(|| s("url"));
            info.publisher = info.publisher.take().or_else(|| o.get("publisher").and_then(name_of));
            info.author = info.author.take().or_else(|| o.get("author").and_then(name_of));
        }
        info
    }
}

/// Objects of a JSON-LD value: top level, arrays and `@graph`, not deeper.
fn collect_objects(v: Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    let mut pending = vec![v];
    while let Some(v) = pending.pop() {
        match v {
            Value::Array(a) => pending.extend(a.into_iter().rev()),
            Value::Object(mut o) => {
                if let Some(g) = o.remove("@graph") {
                    pending.push(g);
                }
                out.push(o);
            }
            _ => {}
        }
        if out.len() > 200 {
            break;
        }
    }
}

/// A person or organization's name: a string, `{"name": …}`, or a list of those.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(normalize_space(s)).filter(|s| !s.is_empty() && !s.starts_with("http")),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(normalize_space).filter(|s| !s.is_empty()),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_lexicon_is_well_formed() {
        let lex = parse_class_lexicon(CLASS_LEXICON_TEXT).unwrap();
        assert!(!lex.unlikely.is_empty() && !lex.keep.is_empty() && !lex.negative.is_empty() && !lex.positive.is_empty());
        assert!(parse_class_lexicon("unlikely\tBad-Word").is_err());
        assert!(parse_class_lexicon("sideways\tx").is_err());
        assert!(any_token("post-comments", &lex.unlikely));
        assert!(!any_token("story-body", &lex.unlikely));
        assert!(any_token("story-body", &lex.positive));
    }

    #[test]
    fn strips_site_suffix() {
        assert_eq!(strip_site("Envoys meet | Example News", Some("Example News")), "Envoys meet");
        assert_eq!(strip_site("Envoys meet - example news", Some("Example News")), "Envoys meet");
        assert_eq!(strip_site("Example News: Envoys meet", Some("Example News")), "Example News: Envoys meet");
        assert_eq!(strip_site("Example News | Envoys meet", Some("Example News")), "Envoys meet");
        assert_eq!(strip_site("Envoys meet | Other", Some("Example News")), "Envoys meet | Other");
    }

    #[test]
    fn lenient_dates() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 4);
        for v in ["2025-03-04T10:00:00.000Z", "Tue, 04 Mar 2025 10:00:00 +0000", "2025/03/04", "March 4, 2025", "4 March 2025", "2025-03-04 10:00:00 PST"] {
            assert_eq!(lenient_date(v), d, "{v}");
        }
        assert_eq!(lenient_date("yesterday"), None);
    }

    #[test]
    fn metadata_sources() {
        let page = r#"<html><head><title>Envoys meet again | Example Times</title>
            <meta property="og:site_name" content="Example Times">
            <link rel="canonical" href="https://example.org/envoys">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","datePublished":"2025-03-04T22:30:00-05:00","author":[{"@type":"Person","name":"A. Writer"}]}]}</script>
            </head><body><article><p>The envoys met again on Monday, and they said the talks went well, with more to come.</p></article></body></html>"#;
        let (m, _) = extract(page);
        assert_eq!(m.title.as_deref(), Some("Envoys meet again"));
        assert_eq!(m.source.as_deref(), Some("Example Times"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/envoys"));
        assert_eq!(m.author.as_deref(), Some("A. Writer"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2025, 3, 4));
        let (m, _) = extract(r#"<p>Text <time datetime="2024-12-31">last year</time></p><meta name="sailthru.date" content="2025-01-02 10:00:00">"#);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2025, 1, 2));
        let (m, _) = extract(r#"<p>Text <time datetime="2024-12-31">last year</time></p>"#);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 12, 31));
    }

    #[test]
    fn paragraphs_from_blocks_and_double_breaks() {
        let page = "<html><body><article><h1>Envoys Meet</h1><div>The envoys met in Bern<br>\n on Friday, officials said, after a long delay.<br> <br>They will meet again in June, the ministry said, and again in July.</div>\
            <pre>line one\nline two</pre><ul><li>First item of the list, which is long enough to count.</li></ul></article></body></html>";
        let (_, paragraphs) = extract(page);
        assert_eq!(
            paragraphs,
            [
                "Envoys Meet",
                "The envoys met in Bern on Friday, officials said, after a long delay.",
                "They will meet again in June, the ministry said, and again in July.",
                "line one",
                "line two",
                "First item of the list, which is long enough to count.",
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}<p>deep text, with a comma, and more words to score it well enough</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let (_, paragraphs) = extract(&page);
        assert!(paragraphs.iter().any(|p| p.contains("deep text")));
    }
}
