//! The two languages factlint reads, and detection of a document's language from its prose.

use serde::Serialize;

use crate::text::ByteMasks;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    /// The other of the two.
    pub fn other(self) -> Language {
        match self {
            Language::English => Language::German,
            Language::German => Language::English,
        }
    }

    /// Parses `en`, `de`, `english`, `german`, `deutsch` (any case), and language tags whose
    /// primary language is one of them (`en-GB`, `de_CH`, `en-Latn-US`).
    pub fn parse(name: &str) -> Option<Language> {
        let mut parts = name.trim().split(['-', '_']);
        let primary = parts.next()?.to_ascii_lowercase();
        let tagged = parts.clone().next().is_some();
        // A tag's subtags are letters and digits: `en-` or `de-?` is no tag.
        if !parts
            .all(|subtag| !subtag.is_empty() && subtag.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return None;
        }
        match primary.as_str() {
            "en" | "eng" => Some(Language::English),
            "de" | "deu" | "ger" => Some(Language::German),
            "english" | "englisch" if !tagged => Some(Language::English),
            "german" | "deutsch" if !tagged => Some(Language::German),
            _ => None,
        }
    }
}

/// How many bytes of prose detection looks at. A sample is enough and keeps detection cheap
/// on large documents.
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// After this many function words, a clear majority (four to one) decides; reading on would
/// change nothing.
const ENOUGH_WORDS: u32 = 50;

/// Detects the language of a piece of prose by counting frequent function words.
///
/// Returns `None` when the text has too few function words to tell.
pub fn detect(prose: &str) -> Option<Language> {
    let mut detector = Detector::default();
    detector.read(prose);
    detector.language()
}

/// Language detection fed piece by piece (the prose segments of a document), without
/// copying them into one sample. Pieces are read as if separated by a space.
#[derive(Debug, Default)]
pub struct Detector {
    english: u32,
    german: u32,
    bytes: usize,
}

impl Detector {
    /// Reads a piece of prose. Returns `true` once the detector has read enough: the sample
    /// is full or a clear majority has been seen.
    pub fn read(&mut self, prose: &str) -> bool {
        if self.done() {
            return true;
        }
        let sample = truncate_at_char_boundary(prose, SAMPLE_BYTES - self.bytes);
        // The pieces count as if joined by a space.
        self.bytes += sample.len() + 1;
        self.count(sample, Detector::decided);
        self.done()
    }

    /// Counts the function words of `sample` until `enough` says the counts so far are.
    fn count(&mut self, sample: &str, enough: impl Fn(&Detector) -> bool) {
        // Words are runs of ASCII letters and non-ASCII bytes (so "für" and "ß" stay whole);
        // only short ones can be function words. Bytes, not characters: no decoding.
        for_each_short_word(sample.as_bytes(), 6, |word| {
            if !word.is_ascii() {
                // Umlauts and ß only occur in German among the two.
                if word.windows(2).any(|pair| {
                    matches!(pair, [0xC3, 0xA4 | 0xB6 | 0xBC | 0x9F | 0x84 | 0x96 | 0x9C])
                }) {
                    self.german += 1;
                }
                return false;
            }
            // A word of ASCII letters as one number, lowercased: looked up among the function
            // words in a hash table, not compared with each.
            if word.len() > FUNCTION_WORD_LETTERS {
                return false;
            }
            match function_word(word_key(word)) {
                Some(Language::English) => self.english += 1,
                Some(Language::German) => self.german += 1,
                None => return false,
            }
            enough(self)
        });
    }

    /// The function words of `language` counted so far, and those of the other.
    fn counts(&self, language: Language) -> (u32, u32) {
        match language {
            Language::English => (self.english, self.german),
            Language::German => (self.german, self.english),
        }
    }

    fn decided(&self) -> bool {
        self.english + self.german >= ENOUGH_WORDS
            && (self.english > 4 * self.german || self.german > 4 * self.english)
    }

    fn done(&self) -> bool {
        self.bytes >= SAMPLE_BYTES || self.decided()
    }

    /// The language of what was read, or `None` when it had too few function words to tell.
    pub fn language(&self) -> Option<Language> {
        let (english, german) = (self.english, self.german);
        if english + german < 3 {
            return None;
        }
        if german * 2 > english * 3 {
            Some(Language::German)
        } else if english * 2 > german * 3 {
            Some(Language::English)
        } else if german > english {
            Some(Language::German)
        } else {
            Some(Language::English)
        }
    }
}

/// How many bytes of a paragraph `of_paragraph` looks at.
const PARAGRAPH_SAMPLE: usize = 1024;

/// The language a paragraph of a document in `document` is read in: the other language when
/// its function words say so clearly (a German quote in an English article: "Wir haben 2.000
/// GPUs gekauft", where `2.000` is two thousand), else the document's. At least three function
/// words of the other language are needed, and three times as many as of the document's own
/// plus one, so that a name ("the Bundesamt für Sicherheit in der Informationstechnik") does
/// not turn an English paragraph German. In a document of unknown language, a paragraph with
/// a clear language is read in it.
pub fn of_paragraph(prose: &str, document: Option<Language>) -> Option<Language> {
    let mut detector = Detector::default();
    let sample = truncate_at_char_boundary(prose, PARAGRAPH_SAMPLE);
    // Reading stops once the paragraph starts in the document's language (three of its words
    // and none of the other's) or that language leads with five: the other would need three
    // times as many and more, in a paragraph whose start is the document's.
    detector.count(sample, |detector| match document {
        Some(own) => {
            let (own, other) = detector.counts(own);
            own >= 3 && other == 0 || own >= 5 && own >= other
        }
        None => false,
    });
    let count = |language| detector.counts(language).0;
    let clearly = |language: Language, over: Language| {
        count(language) >= 3 && count(language) >= 3 * (count(over) + 1)
    };
    match document {
        Some(own) => {
            let other = own.other();
            Some(if clearly(other, own) { other } else { own })
        }
        None => [Language::English, Language::German]
            .into_iter()
            .find(|&language| clearly(language, language.other())),
    }
}

/// The function words counted, lowercased.
const ENGLISH_WORDS: [&[u8]; 30] = [
    b"the", b"and", b"of", b"to", b"is", b"that", b"for", b"with", b"are", b"was", b"this", b"it",
    b"on", b"by", b"from", b"have", b"has", b"be", b"which", b"were", b"its", b"than", b"but",
    b"not", b"or", b"you", b"we", b"they", b"will", b"can",
];
const GERMAN_WORDS: [&[u8]; 38] = [
    b"der", b"die", b"das", b"und", b"ist", b"nicht", b"mit", b"den", b"dem", b"des", b"ein",
    b"eine", b"einen", b"zu", b"von", b"auf", b"sich", b"auch", b"im", b"sind", b"wird", b"wurde",
    b"nur", b"oder", b"aber", b"wie", b"bei", b"nach", b"einer", b"dass", b"wir", b"sie", b"es",
    b"hat", b"haben", b"zum", b"zur", b"vom",
];

/// No function word has more letters than this.
const FUNCTION_WORD_LETTERS: usize = 5;

/// The function words by key, in a table of `1 << TABLE_BITS` slots with linear probing, built
/// at build time: the key and its language (`None` in an empty slot, whose key is 0, the key
/// of no word).
static FUNCTION_WORDS: [(u64, Option<Language>); 1 << TABLE_BITS] = function_word_table();
const TABLE_BITS: u32 = 7;

/// The language of the function word with this key, if it is one.
fn function_word(key: u64) -> Option<Language> {
    let mut at = table_slot(key);
    loop {
        match FUNCTION_WORDS[at] {
            (found, language) if found == key => return language,
            (0, _) => return None,
            _ => at = (at + 1) % FUNCTION_WORDS.len(),
        }
    }
}

const fn table_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

const fn function_word_table() -> [(u64, Option<Language>); 1 << TABLE_BITS] {
    let mut table = [(0, None); 1 << TABLE_BITS];
    let mut list = 0;
    while list < 2 {
        let (words, language): (&[&[u8]], Language) = if list == 0 {
            (&ENGLISH_WORDS, Language::English)
        } else {
            (&GERMAN_WORDS, Language::German)
        };
        let mut at = 0;
        while at < words.len() {
            // The build fails on a word too long for a key.
            assert!(words[at].len() <= FUNCTION_WORD_LETTERS);
            let key = word_key(words[at]);
            let mut slot = table_slot(key);
            while table[slot].0 != 0 {
                // The build fails on a word listed twice.
                assert!(table[slot].0 != key);
                slot = (slot + 1) % table.len();
            }
            table[slot] = (key, Some(language));
            at += 1;
        }
        list += 1;
    }
    table
}

/// A word of at most eight ASCII letters, lowercased, as one number: its bytes, the first in
/// the lowest.
const fn word_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut at = 0;
    while at < word.len() {
        key |= ((word[at] | 0x20) as u64) << (8 * at);
        at += 1;
    }
    key
}

/// Calls `word` with each word of `bytes` (a run of ASCII letters and bytes beyond ASCII) of
/// at most `longest` bytes, in order, until it returns `true`. Word starts are found 64 bytes
/// at a time from bit masks (`ByteMasks`); longer words are passed over without a look.
fn for_each_short_word(bytes: &[u8], longest: u32, mut word: impl FnMut(&[u8]) -> bool) {
    let windows = bytes.len().div_ceil(64);
    let in_word = |masks: ByteMasks| masks.letters | masks.high;
    let mut current = ByteMasks::of(bytes, 0);
    let mut after_word = false;
    for index in 0..windows {
        let next = if index + 1 < windows {
            ByteMasks::of(bytes, index + 1)
        } else {
            ByteMasks::default()
        };
        let here = in_word(current);
        // This window and the next: a word's end is found up to 64 bytes past its start.
        let view = u128::from(here) | u128::from(in_word(next)) << 64;
        let mut starts = here & !(here << 1 | u64::from(after_word));
        after_word = here >> 63 != 0;
        while starts != 0 {
            let offset = starts.trailing_zeros();
            starts &= starts - 1;
            let length = (!(view >> offset)).trailing_zeros();
            if length <= longest {
                let at = index * 64 + offset as usize;
                if word(&bytes[at..at + length as usize]) {
                    return;
                }
            }
        }
        current = next;
    }
}

fn truncate_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_language_tags_parse() {
        for name in [
            "en",
            "EN",
            "english",
            "en-GB",
            "en_US",
            "en-Latn-US",
            " eng ",
        ] {
            assert_eq!(Language::parse(name), Some(Language::English), "{name}");
        }
        for name in ["de", "Deutsch", "german", "de-CH", "de_AT", "ger"] {
            assert_eq!(Language::parse(name), Some(Language::German), "{name}");
        }
        for name in ["fr", "", "en-", "de-?", "english-GB", "dee", "e", "en--US"] {
            assert_eq!(Language::parse(name), None, "{name}");
        }
    }

    /// The table finds every function word with its language, in any case, and no other word.
    #[test]
    fn the_function_word_table_holds_every_word() {
        for (words, language) in [
            (&ENGLISH_WORDS[..], Language::English),
            (&GERMAN_WORDS[..], Language::German),
        ] {
            for word in words {
                assert_eq!(function_word(word_key(word)), Some(language), "{word:?}");
                let upper = word.to_ascii_uppercase();
                assert_eq!(function_word(word_key(&upper)), Some(language), "{upper:?}");
            }
        }
        for word in [&b"them"[..], b"a", b"ein\x00", b"zwei", b"ther", b"dies"] {
            assert_eq!(function_word(word_key(word)), None, "{word:?}");
        }
    }

    #[test]
    fn a_paragraph_is_read_in_the_other_language_only_when_it_clearly_is() {
        use Language::{English, German};
        let quote = "„Wir haben im vergangenen Jahr 2.000 GPUs ausgeliefert und 1,5 Milliarden \
                     Euro umgesetzt“, sagte der Vorstand.";
        assert_eq!(of_paragraph(quote, Some(English)), Some(German));
        assert_eq!(of_paragraph(quote, Some(German)), Some(German));
        assert_eq!(of_paragraph(quote, None), Some(German));
        // A German name in an English sentence, and a sentence too short to tell.
        let named = "The Bundesamt für Sicherheit in der Informationstechnik said that 2,000 \
                     servers were hit.";
        assert_eq!(of_paragraph(named, Some(English)), Some(English));
        assert_eq!(
            of_paragraph("Umsatz: 2.000 Euro", Some(English)),
            Some(English)
        );
        assert_eq!(of_paragraph("Umsatz: 2.000 Euro", None), None);
        let english = "It said that the 2,000 GPUs were bought for the lab and that they run.";
        assert_eq!(of_paragraph(english, Some(German)), Some(English));
    }

    #[test]
    fn detects_both_languages() {
        assert_eq!(
            detect(
                "Die Bank of China plant, in den nächsten fünf Jahren zu investieren, und das ist viel."
            ),
            Some(Language::German)
        );
        assert_eq!(
            detect("The company said that it has trained the model with 2,000 GPUs for the test."),
            Some(Language::English)
        );
        assert_eq!(detect("2,000 GPUs"), None);
    }

    /// Short words are found wherever they fall against the 64-byte windows, in order, and
    /// longer ones are passed over.
    #[test]
    fn short_words_are_found_across_windows() {
        for offset in 0..70 {
            let text = format!("{}die Länge of extraordinarily über x", " ".repeat(offset));
            let mut words = Vec::new();
            for_each_short_word(text.as_bytes(), 6, |word| {
                words.push(String::from_utf8(word.to_vec()).unwrap());
                false
            });
            assert_eq!(words, ["die", "Länge", "of", "über", "x"], "{offset}");
            let mut seen = 0;
            for_each_short_word(text.as_bytes(), 6, |_| {
                seen += 1;
                seen == 2
            });
            assert_eq!(seen, 2, "stops when told");
        }
        // A word that runs on over two windows is one long word.
        let long = "a".repeat(130);
        for_each_short_word(long.as_bytes(), 6, |word| panic!("{word:?}"));
    }
}
