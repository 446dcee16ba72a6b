//! File names and relative URLs of the site: one mapping from ids to pages.
//!
//! Document ids hold `/` and `#` (`news/a.jsonl#3`), participant names hold spaces
//! and non-ASCII letters, so none can be used as a file name directly. [`SlugMap`]
//! turns a set of keys into file-name-safe slugs that are
//! - deterministic: they depend only on the key set, never on order or threads;
//! - readable: a key whose slug no other key shares keeps it (`Marco Rubio` →
//!   `marco-rubio`, `news/a.txt` → `news-a-txt`);
//! - collision-free: keys that share a slug get the slug plus a short hash of the key
//!   (except one that *is* that slug exactly), and a number after that in the
//!   practically impossible case of a hash collision; so a page name only changes
//!   when a new key with the same slug appears.
//!
//! [`Links`] is the only place that knows where a page lives; every href in the site
//! is `root + Links::…`, where `root` is `""` or `"../"` for the page being written,
//! so the site works from `file://` and under any subpath.

use std::collections::{BTreeMap, BTreeSet};

const MAX_SLUG: usize = 60;
/// Slugs that name other pages of a folder.
const RESERVED: [&str; 1] = ["index"];

/// Lowercase ASCII letters and digits, every other run of characters as one `-`.
pub fn slugify(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if out.len() >= MAX_SLUG {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The plain Latin letter of an accented one, so that "Guterres, António" gives
/// `antonio-guterres` rather than `ant-nio-guterres`.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'Ç' | 'Č' => 'C',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Í' | 'Î' | 'İ' => 'I',
        'Ñ' => 'N',
        'Ó' | 'Ô' | 'Ö' | 'Ø' => 'O',
        'Š' | 'Ş' => 'S',
        'Ú' | 'Ü' => 'U',
        'Ž' => 'Z',
        c => c,
    }
}

/// 32-bit FNV-1a of the key, as 8 hex digits: short, stable across platforms and
/// Rust versions (unlike `std`'s hasher).
pub fn short_hash(key: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Keys to file-name-safe slugs, unique within the map.
#[derive(Clone, Debug, Default)]
pub struct SlugMap {
    slugs: BTreeMap<String, String>,
}

impl SlugMap {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> SlugMap {
        let keys: BTreeSet<&str> = keys.into_iter().collect();
        let mut by_base: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for &k in &keys {
            by_base.entry(slugify(k)).or_default().push(k);
        }
        let mut slugs = BTreeMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        // A key keeps its readable slug when no other key shares it, or when it is
        // that slug exactly.
        for (base, group) in &by_base {
            if base.is_empty() || RESERVED.contains(&base.as_str()) {
                continue;
            }
            let keeper = match group.as_slice() {
                [only] => Some(*only),
                _ => group.iter().copied().find(|k| *k == base.as_str()),
            };
            if let Some(k) = keeper {
                taken.insert(base.clone());
                slugs.insert(k.to_string(), base.clone());
            }
        }
        for (base, group) in &by_base {
            for &k in group {
                if slugs.contains_key(k) {
                    continue;
                }
                let stem = if base.is_empty() { "x".to_string() } else { base.clone() };
                let mut slug = format!("{stem}-{}", short_hash(k));
                let mut n = 2;
                while taken.contains(&slug) {
                    slug = format!("{stem}-{}-{n}", short_hash(k));
                    n += 1;
                }
                taken.insert(slug.clone());
                slugs.insert(k.to_string(), slug);
            }
        }
        SlugMap { slugs }
    }

    /// The slug of a key of the map; a key not in the map gets the slug it would
    /// have alone (callers only ask for keys they put in).
    pub fn get(&self, key: &str) -> String {
        self.slugs.get(key).cloned().unwrap_or_else(|| {
            let base = slugify(key);
            if base == key { base } else { format!("{}-{}", if base.is_empty() { "x" } else { &base }, short_hash(key)) }
        })
    }
}

/// Where every page of the site lives, relative to the site root.
#[derive(Clone, Debug, Default)]
pub struct Links {
    pub events: SlugMap,
    pub documents: SlugMap,
    pub participants: SlugMap,
    pub places: SlugMap,
}

impl Links {
    pub fn index() -> String {
        "index.html".to_string()
    }
    pub fn review() -> String {
        "review.html".to_string()
    }
    pub fn stylesheet() -> String {
        "assets/style.css".to_string()
    }
    pub fn script() -> String {
        "assets/filter.js".to_string()
    }
    pub fn year(year: i32) -> String {
        format!("years/{year}.html")
    }
    pub fn undated() -> String {
        "years/undated.html".to_string()
    }
    pub fn event(&self, id: &str) -> String {
        format!("events/{}.html", self.events.get(id))
    }
    pub fn document(&self, id: &str) -> String {
        format!("documents/{}.html", self.documents.get(id))
    }
    pub fn participant(&self, name: &str) -> String {
        format!("participants/{}.html", self.participants.get(name))
    }
    pub fn place(&self, name: &str) -> String {
        format!("places/{}.html", self.places.get(name))
    }
    /// `kind` is the contract's lowercase kind name, already a clean slug.
    pub fn kind(kind: &str) -> String {
        format!("kinds/{}.html", slugify(kind))
    }
    pub fn participants_index() -> String {
        "participants/index.html".to_string()
    }
    pub fn places_index() -> String {
        "places/index.html".to_string()
    }
    pub fn kinds_index() -> String {
        "kinds/index.html".to_string()
    }
}

/// The prefix that leads from a page at `path` (relative to the root) back to the root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_is_file_name_safe() {
        assert_eq!(slugify("news/a.jsonl#3"), "news-a-jsonl-3");
        assert_eq!(slugify("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slugify("António Guterres"), "antonio-guterres");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("<script>"), "script");
        assert_eq!(slugify("Ω"), "");
        assert!(slugify(&"a".repeat(500)).len() <= MAX_SLUG);
    }

    #[test]
    fn unique_keys_keep_their_slug_and_colliding_ones_get_a_hash() {
        let m = SlugMap::new(["2025-07-10-meeting-rubio-lavrov", "news/a.txt", "news-a-txt", "News/A.txt", "Ω", "index", "Marco Rubio"]);
        assert_eq!(m.get("2025-07-10-meeting-rubio-lavrov"), "2025-07-10-meeting-rubio-lavrov");
        assert_eq!(m.get("Marco Rubio"), "marco-rubio");
        assert_eq!(m.get("news-a-txt"), "news-a-txt");
        let a = m.get("news/a.txt");
        let b = m.get("News/A.txt");
        assert!(a.starts_with("news-a-txt-") && b.starts_with("news-a-txt-") && a != b);
        assert_eq!(m.get("Ω"), format!("x-{}", short_hash("Ω")));
        assert_ne!(m.get("index"), "index", "must not overwrite a taxonomy index page");
    }

    #[test]
    fn slugs_do_not_depend_on_order_or_on_other_keys() {
        let a = SlugMap::new(["b/c", "a#1", "z", "Q/r"]);
        let b = SlugMap::new(["z", "a#1", "b/c", "another/one", "Q/r", "q-r"]);
        for k in ["b/c", "a#1", "z"] {
            assert_eq!(a.get(k), b.get(k));
        }
        assert_eq!(a.get("Q/r"), "q-r");
        assert_eq!(b.get("q-r"), "q-r");
        assert_ne!(b.get("Q/r"), "q-r");
    }

    #[test]
    fn roots() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("events/x.html"), "../");
    }
}
