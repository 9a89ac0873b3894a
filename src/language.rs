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
const SAMPLE_BYTES: usize = 64 * 1024;

/// Detects the language of a piece of prose by counting frequent function words.
///
/// Returns `None` when the text has too few function words to tell.
pub fn detect(prose: &str) -> Option<Language> {
    let mut english = 0u32;
    let mut german = 0u32;
    let sample = truncate_at_char_boundary(prose, SAMPLE_BYTES);
    // Words are runs of ASCII letters and non-ASCII bytes (so "für" and "ß" stay whole); only
    // short ones can be function words. Bytes, not characters: no decoding.
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
            if word
                .windows(2)
                .any(|pair| matches!(pair, [0xC3, 0xA4 | 0xB6 | 0xBC | 0x9F | 0x84 | 0x96 | 0x9C]))
            {
                german += 1;
            }
            continue;
        }
        let mut buffer = [0u8; 8];
        for (slot, byte) in buffer.iter_mut().zip(word) {
            *slot = byte.to_ascii_lowercase();
        }
        let Ok(lower) = std::str::from_utf8(&buffer[..word.len()]) else {
            continue;
        };
        match lower {
            "the" | "and" | "of" | "to" | "is" | "that" | "for" | "with" | "are" | "was"
            | "this" | "it" | "on" | "by" | "from" | "have" | "has" | "be" | "which" | "were"
            | "its" | "than" | "but" | "not" | "or" | "you" | "we" | "they" | "will" | "can" => {
                english += 1
            }
            "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "den" | "dem" | "des"
            | "ein" | "eine" | "einen" | "zu" | "von" | "auf" | "sich" | "auch" | "im" | "sind"
            | "wird" | "wurde" | "nur" | "oder" | "aber" | "wie" | "bei" | "nach" | "einer"
            | "dass" | "wir" | "sie" | "es" | "hat" | "haben" | "zum" | "zur" | "vom" => {
                german += 1
            }
            _ => {}
        }
        // A clear majority of many words decides; reading on changes nothing.
        if english + german >= 400 && (english > 4 * german || german > 4 * english) {
            break;
        }
    }
    let total = english + german;
    if total < 3 {
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
