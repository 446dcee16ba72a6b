//! No text makes the per-document stages panic: random mixes of news words, dates,
//! names, punctuation and multi-byte characters go through sentences, dates,
//! entities and events, and their spans must slice the text they came from.

use summitry::ingest::Document;

/// xorshift64*: a small deterministic generator, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "met", "talks", "the", "summit", "in", "Istanbul", "Kyiv", "on", "Friday", "Feb.", "24,", "2024", "last", "week",
    "Rubio", "Lavrov", "Sergei", "President", "Erdoğan", "Zelenskyy", "will", "meet", "cancelled", "postponed", "trip",
    "to", "Saudi", "capital", "the", "White", "House", "NATO", "leaders", "—", "–", "\u{201c}", "\u{201d}", "’s", ".", ",",
    ";", "\n", "\n\n", "18–19", "November", "and", "since", "by", "2035", "phone", "call", "called", "his", "counterpart",
    "é", "ß", "日本", "🙂", "\u{200b}", "-", "(", ")", "KUALA", "LUMPUR", "sidelines", "of", "round", "second", "that",
    "day", "Mr.", "U.S.", "3.5", "hours", "1,000", "prisoners", "exchange", "declaration", "adopted", "Thursday's",
];

#[test]
fn random_text_never_panics_and_spans_slice_their_text() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut all_mentions = Vec::new();
    let mut infos = Vec::new();
    for round in 0..600 {
        let words = 1 + (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(rng.pick(PIECES));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let published = if round % 5 == 0 { None } else { chrono::NaiveDate::from_ymd_opt(2025, 1 + (round % 12) as u32, 1 + (round % 28) as u32) };
        let doc = Document {
            id: format!("r{round}"),
            path: format!("r{round}"),
            title: None,
            source: None,
            url: None,
            author: None,
            published,
            text: text.clone(),
        };
        let analyzed = summitry::pipeline::analyze(doc);
        for m in &analyzed.mentions {
            assert!(text.get(m.sentence.start()..m.sentence.end()).is_some(), "round {round}: bad sentence span in {text:?}");
            assert!(text.get(m.trigger.start()..m.trigger.end()).is_some(), "round {round}: bad trigger span");
        }
        for a in &analyzed.annotations {
            assert!(text.get(a.start..a.end).is_some(), "round {round}: bad annotation span {a:?} in {text:?}");
        }
        infos.push(summitry::timeline::DocumentInfo {
            id: analyzed.doc.id.clone(),
            path: analyzed.doc.path.clone(),
            title: None,
            source: None,
            url: None,
            author: None,
            published: analyzed.doc.published.map(|d| d.to_string()),
        });
        all_mentions.extend(analyzed.mentions);
    }
    // Merging all of them at once must not panic either, and keeps its order contract.
    let (events, _) = summitry::merge::merge(all_mentions, &infos);
    let dated: Vec<&str> = events.iter().filter_map(|e| e.date.as_ref()).map(|d| d.value.as_str()).collect();
    let undated_before_dated = events.windows(2).any(|w| w[0].date.is_none() && w[1].date.is_some());
    assert!(!undated_before_dated, "undated events must come last");
    assert!(!dated.is_empty(), "the random text should still yield some dated events");
}
