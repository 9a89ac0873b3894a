//! The two languages factlint reads, and detection of a document's language from its prose.

use serde::Serialize;

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

    /// Parses `en`, `de`, `english`, `german`, `deutsch` (any case).
    pub fn parse(name: &str) -> Option<Language> {
        match name.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" | "en-us" | "en-gb" | "englisch" => Some(Language::English),
            "de" | "deu" | "ger" | "german" | "deutsch" | "de-de" | "de-at" | "de-ch" => {
                Some(Language::German)
            }
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
        // Words are runs of ASCII letters and non-ASCII bytes (so "für" and "ß" stay whole);
        // only short ones can be function words. Bytes, not characters: no decoding.
        let bytes = sample.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !(bytes[at].is_ascii_alphabetic() || bytes[at] >= 0x80) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && (bytes[at].is_ascii_alphabetic() || bytes[at] >= 0x80) {
                at += 1;
            }
            let word = &bytes[start..at];
            if word.len() > 6 {
                continue;
            }
            if !word.is_ascii() {
                // Umlauts and ß only occur in German among the two.
                if word.windows(2).any(|pair| {
                    matches!(pair, [0xC3, 0xA4 | 0xB6 | 0xBC | 0x9F | 0x84 | 0x96 | 0x9C])
                }) {
                    self.german += 1;
                }
                continue;
            }
            let mut buffer = [0u8; 6];
            for (slot, byte) in buffer.iter_mut().zip(word) {
                *slot = byte.to_ascii_lowercase();
            }
            match &buffer[..word.len()] {
                b"the" | b"and" | b"of" | b"to" | b"is" | b"that" | b"for" | b"with" | b"are"
                | b"was" | b"this" | b"it" | b"on" | b"by" | b"from" | b"have" | b"has" | b"be"
                | b"which" | b"were" | b"its" | b"than" | b"but" | b"not" | b"or" | b"you"
                | b"we" | b"they" | b"will" | b"can" => self.english += 1,
                b"der" | b"die" | b"das" | b"und" | b"ist" | b"nicht" | b"mit" | b"den"
                | b"dem" | b"des" | b"ein" | b"eine" | b"einen" | b"zu" | b"von" | b"auf"
                | b"sich" | b"auch" | b"im" | b"sind" | b"wird" | b"wurde" | b"nur" | b"oder"
                | b"aber" | b"wie" | b"bei" | b"nach" | b"einer" | b"dass" | b"wir" | b"sie"
                | b"es" | b"hat" | b"haben" | b"zum" | b"zur" | b"vom" => self.german += 1,
                _ => continue,
            }
            if self.decided() {
                break;
            }
        }
        self.done()
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
}
