//! The tagger's lexicon and tokenizer.
//!
//! Every word the grammar knows lives in `data/dates_lexicon.tsv` (word, class,
//! argument), loaded once into a hash map. The tokenizer makes one pass over the
//! text and looks each short ASCII word up in that map, so the grammar never runs a
//! regular expression: it only walks tokens around the few that carry a lexicon
//! entry or a number. That single pass is what makes the tagger fast (tens of MB/s).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Calendar and clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }
}

/// Everything the lexicon says about one word (a word may belong to several classes:
/// "second" is an ordinal and a unit, "last" a relative word and a past-tense cue).
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub month: u8,
    pub month_abbr: bool,
    pub weekday: u8,
    /// 0 full name, 1 plural ("Mondays"), 2 abbreviation that is no English word ("Thu"),
    /// 3 abbreviation that is also a word ("Sat", "Sun", "Wed", "Mon").
    pub weekday_form: u8,
    pub season: u8,
    pub unit: Option<Unit>,
    pub unit_plural: bool,
    /// Cardinal number words ("two", "twenty", "dozen"); `tens` for twenty..ninety.
    pub number: Option<u32>,
    pub tens: bool,
    pub hundred: bool,
    pub thousand: bool,
    pub article: bool,
    pub vague_number: bool,
    pub ordinal: u8,
    pub rel: Option<i8>,
    pub deictic: Option<i8>,
    pub reference: Option<&'static str>,
    pub part_of_day: Option<&'static str>,
    pub edge: Option<&'static str>,
    pub earlier_later: Option<i8>,
    pub approx: Option<&'static str>,
    pub word: Option<&'static str>,
    pub set_adverb: Option<&'static str>,
    /// +1 a future or planned-event cue ("will", "scheduled"), -1 a past cue ("met"),
    /// -2 a reporting verb ("said"), a past cue only for the time right next to it;
    /// +2 a future cue only before "to" or "for" ("set to", "planned for", "expected to").
    pub cue: i8,
    /// "nineties" → 199.
    pub decade: i32,
    /// First word of a holiday name in `data/holidays.tsv`.
    pub holiday: bool,
}

/// A lexicon problem, naming the line of the data file.
#[derive(Debug, thiserror::Error)]
#[error("data/dates_lexicon.tsv line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

const LEXICON_TSV: &str = include_str!("../../data/dates_lexicon.tsv");

/// FNV-1a: the lexicon keys are short ASCII words, for which it beats SipHash severalfold.
#[derive(Default)]
pub struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

pub struct Lexicon {
    pub map: HashMap<&'static [u8], u16, BuildHasherDefault<Fnv>>,
    pub entries: Vec<Entry>,
    pub max_len: usize,
}

/// Parse the lexicon text. Fails on an unknown class or a bad argument.
pub fn parse_lexicon(tsv: &'static str) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon { map: HashMap::default(), entries: Vec::new(), max_len: 0 };
    for (n, line) in tsv.lines().enumerate() {
        let line_no = n + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(class), Some(arg)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(LexiconError { line: line_no, message: "expected word, class and argument".into() });
        };
        let err = |m: &str| LexiconError { line: line_no, message: format!("{m}: {line:?}") };
        let num = || arg.parse::<i64>().map_err(|_| err("argument is not a number"));
        let idx = match lex.map.get(word.as_bytes()) {
            Some(&i) => i as usize,
            None => {
                lex.entries.push(Entry::default());
                let i = lex.entries.len() - 1;
                lex.map.insert(word.as_bytes(), i as u16);
                lex.max_len = lex.max_len.max(word.len());
                i
            }
        };
        let e = &mut lex.entries[idx];
        match class {
            "month" | "month_abbr" => {
                e.month = num()? as u8;
                e.month_abbr = class == "month_abbr";
            }
            "weekday" | "weekdays" | "weekday_abbr" | "weekday_abbr_word" => {
                e.weekday = num()? as u8;
                e.weekday_form = match class {
                    "weekday" => 0,
                    "weekdays" => 1,
                    "weekday_abbr" => 2,
                    _ => 3,
                };
            }
            "season" => e.season = num()? as u8,
            "unit" | "units" => {
                e.unit = Some(Unit::parse(arg).ok_or_else(|| err("unknown unit"))?);
                e.unit_plural = class == "units";
            }
            "number" => e.number = Some(num()? as u32),
            "tens" => {
                e.number = Some(num()? as u32);
                e.tens = true;
            }
            "hundred" => e.hundred = true,
            "thousand" => e.thousand = true,
            "article" => e.article = true,
            "vague_number" => e.vague_number = true,
            "ordinal" => e.ordinal = num()? as u8,
            "rel" => e.rel = Some(num()? as i8),
            "deictic" => e.deictic = Some(num()? as i8),
            "ref" => e.reference = Some(arg),
            "partofday" => e.part_of_day = Some(arg),
            "edge" => e.edge = Some(arg),
            "earlier_later" => e.earlier_later = Some(if arg == "-" { -1 } else { 1 }),
            "approx" => e.approx = Some(arg),
            "word" => e.word = Some(arg),
            "set_adverb" => e.set_adverb = Some(arg),
            "cue_future" => e.cue = 1,
            "cue_past" => e.cue = -1,
            "cue_report" => e.cue = -2,
            "cue_future_to" => e.cue = 2,
            "holiday" => e.holiday = true,
            "decade_word" => e.decade = num()? as i32,
            _ => return Err(err("unknown class")),
        }
    }
    Ok(lex)
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The lexicon is compiled into the binary and checked by a unit test, so a failure
    // here is a build defect, not an input error; fall back to an empty lexicon.
    parse_lexicon(LEXICON_TSV).unwrap_or_else(|_| Lexicon { map: HashMap::default(), entries: Vec::new(), max_len: 0 })
});

pub const NO_ENTRY: u16 = u16::MAX;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A word, with its lexicon entry or [`NO_ENTRY`].
    Word(u16),
    /// Digits: value, number of digits, whether written with thousands separators.
    Num { v: u64, nd: u8, comma: bool },
    /// "5th", "23rd".
    Ord(u32),
    /// "1990s", "90s".
    NumS { v: u32, nd: u8 },
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub s: u32,
    pub e: u32,
    /// White space before the token.
    pub gap: bool,
    /// First letter upper case.
    pub cap: bool,
    pub kind: Kind,
}

impl Tok {
    pub fn entry(&self) -> Option<&'static Entry> {
        match self.kind {
            Kind::Word(i) if i != NO_ENTRY => LEXICON.entries.get(i as usize),
            _ => None,
        }
    }
}

/// Split `text` into tokens (words, numbers, punctuation), one pass, no allocation per token.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let lex = &*LEXICON;
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    let mut gap = true;
    let mut buf = [0u8; 32];
    while i < n {
        let c = b[i];
        if c.is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphabetic() || c >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic) {
            let mut ascii = true;
            while i < n {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 {
                    match text.get(i..).and_then(|r| r.chars().next()) {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let len = i - start;
            let mut id = NO_ENTRY;
            if ascii && len <= lex.max_len && len <= buf.len() {
                for (k, byte) in b[start..i].iter().enumerate() {
                    buf[k] = byte.to_ascii_lowercase();
                }
                // "year-end", "year-ago": try the hyphenated compound first.
                if i + 1 < n && b[i] == b'-' && b[i + 1].is_ascii_alphabetic() {
                    let mut j = i + 1;
                    while j < n && b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let l2 = j - start;
                    if l2 <= lex.max_len && l2 <= buf.len() {
                        let mut buf2 = buf;
                        for (k, byte) in b[start..j].iter().enumerate() {
                            buf2[k] = byte.to_ascii_lowercase();
                        }
                        if let Some(&e) = lex.map.get(&buf2[..l2]) {
                            out.push(Tok { s: start as u32, e: j as u32, gap, cap: c.is_ascii_uppercase(), kind: Kind::Word(e) });
                            gap = false;
                            i = j;
                            continue;
                        }
                    }
                }
                if let Some(&e) = lex.map.get(&buf[..len]) {
                    id = e;
                }
            }
            let cap = c.is_ascii_uppercase() || !c.is_ascii() && text[start..].chars().next().is_some_and(char::is_uppercase);
            out.push(Tok { s: start as u32, e: i as u32, gap, cap, kind: Kind::Word(id) });
        } else if c.is_ascii_digit() {
            let mut v: u64 = 0;
            let mut nd: u32 = 0;
            let mut comma = false;
            loop {
                while i < n && b[i].is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add((b[i] - b'0') as u64);
                    nd += 1;
                    i += 1;
                }
                // Thousands separator: ",ddd" not followed by another digit.
                if i + 3 < n && b[i] == b',' && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() && b[i + 3].is_ascii_digit()
                    && (i + 4 >= n || !b[i + 4].is_ascii_digit())
                {
                    comma = true;
                    i += 1;
                    continue;
                }
                break;
            }
            // Suffixes glued to the digits: 5th, 1990s.
            let rest = &b[i..];
            let suffix = |s: &[u8]| {
                rest.len() >= s.len()
                    && rest[..s.len()].eq_ignore_ascii_case(s)
                    && rest.get(s.len()).is_none_or(|x| !x.is_ascii_alphanumeric())
            };
            if !comma && (suffix(b"st") || suffix(b"nd") || suffix(b"rd") || suffix(b"th")) {
                i += 2;
                out.push(Tok { s: start as u32, e: i as u32, gap, cap: false, kind: Kind::Ord(v.min(u32::MAX as u64) as u32) });
            } else if !comma && suffix(b"s") && (nd == 2 || nd == 4) {
                i += 1;
                out.push(Tok { s: start as u32, e: i as u32, gap, cap: false, kind: Kind::NumS { v: v as u32, nd: nd as u8 } });
            } else {
                out.push(Tok { s: start as u32, e: i as u32, gap, cap: false, kind: Kind::Num { v, nd: nd.min(255) as u8, comma } });
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8().max(1);
            if ch.is_whitespace() {
                gap = true;
                continue;
            }
            let ch = match ch {
                '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                '\u{2019}' | '\u{2018}' => '\'',
                c => c,
            };
            out.push(Tok { s: start as u32, e: i as u32, gap, cap: false, kind: Kind::Punct(ch) });
        }
        gap = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_without_errors() {
        let lex = parse_lexicon(LEXICON_TSV).expect("lexicon parses");
        let e = &lex.entries[lex.map[&b"february"[..]] as usize];
        assert_eq!(e.month, 2);
        let e = &lex.entries[lex.map[&b"second"[..]] as usize];
        assert_eq!((e.ordinal, e.unit), (2, Some(Unit::Second)));
    }

    #[test]
    fn bad_lexicon_line_is_named() {
        let e = parse_lexicon("# c\nfoo\tnonsense\t1\n").err().expect("error");
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("line 2"));
    }

    #[test]
    fn tokens() {
        let mut v = Vec::new();
        let t = "On Feb. 24th, 1,000 troops left in the 1990s\u{2013}year-end Erdoğan";
        tokenize(t, &mut v);
        let kinds: Vec<String> = v.iter().map(|t| format!("{:?}", t.kind)).collect();
        assert!(matches!(v[1].kind, Kind::Word(i) if i != NO_ENTRY));
        assert!(v[1].cap);
        assert_eq!(v[2].kind, Kind::Punct('.'));
        assert_eq!(v[3].kind, Kind::Ord(24), "{kinds:?}");
        assert_eq!(v[5].kind, Kind::Num { v: 1000, nd: 4, comma: true });
        assert_eq!(v[10].kind, Kind::NumS { v: 1990, nd: 4 });
        assert_eq!(v[11].kind, Kind::Punct('-'));
        assert_eq!(&t[v[12].s as usize..v[12].e as usize], "year-end");
        assert_eq!(&t[v[13].s as usize..v[13].e as usize], "Erdoğan");
    }
}
