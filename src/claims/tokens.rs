//! Splits one block of masked prose into words, numbers and punctuation.
//!
//! A hand-written scanner, because this is the hot path: it looks at each byte once, decodes
//! UTF-8 only for non-ASCII bytes, and drops URLs, e-mail addresses, handles and hashtags as it
//! meets them. Digits that follow a letter belong to the word (`H800`, `R1`, `GPT-4`).

use std::cell::{Cell, OnceCell};

use crate::lexicon::LowerWord;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    /// Digits, possibly joined by separators: `2.000`, `22,4`, `50 000`.
    Number,
    /// One character that is neither a letter, a digit nor a space.
    Punct,
    /// Something that is not prose stood here (a code span, an image); claims do not cross it.
    Boundary,
}

/// A token: offsets are relative to the block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    /// Whitespace stands between this token and the one before.
    pub space_before: bool,
}

impl Token {
    #[inline]
    pub fn text(self, block: &str) -> &str {
        &block[self.start as usize..self.end as usize]
    }
}

/// The words of one block lowercased, on the grammar's demand. Prose asks for a few words
/// around each figure; a block dense with figures asks for the same words again and again
/// ("eins zwei drei …" has each word lowercased by a dozen rules). Once the requests
/// outnumber a sixteenth of the block's tokens (and `TABLE_AFTER`), the block's words are
/// lowercased once, into one table, and later requests read it.
pub(crate) struct Lowered<'a> {
    block: &'a str,
    tokens: &'a [Token],
    requests: Cell<usize>,
    table: OnceCell<LowerTable>,
}

/// How many words a block lowercases one at a time, at least, before it lowercases all of
/// them.
const TABLE_AFTER: usize = 256;

/// Every word of a block lowercased, one after another in `text`.
struct LowerTable {
    text: String,
    /// For each token, its lowercase in `text`; `TOO_LONG` for a word longer than any of
    /// the grammar (and for what is no word).
    spans: Vec<(u32, u32)>,
}

const TOO_LONG: (u32, u32) = (u32::MAX, u32::MAX);

impl<'a> Lowered<'a> {
    pub fn new(block: &'a str, tokens: &'a [Token]) -> Lowered<'a> {
        Lowered {
            block,
            tokens,
            requests: Cell::new(0),
            table: OnceCell::new(),
        }
    }

    /// Token `i`, a word, lowercased; `None` when it is longer than any word of the grammar
    /// (as `LowerWord::new`).
    #[inline]
    pub fn word(&self, i: usize) -> Option<LowerWord<'_>> {
        match self.table.get() {
            Some(table) => table.get(i),
            None => self.word_before_table(i),
        }
    }

    #[inline(never)]
    fn word_before_table(&self, i: usize) -> Option<LowerWord<'_>> {
        let requests = self.requests.get() + 1;
        self.requests.set(requests);
        if requests < TABLE_AFTER.max(self.tokens.len() / 16) {
            return LowerWord::new(self.tokens[i].text(self.block));
        }
        self.table
            .get_or_init(|| LowerTable::new(self.block, self.tokens))
            .get(i)
    }
}

impl LowerTable {
    fn new(block: &str, tokens: &[Token]) -> LowerTable {
        let mut text = String::new();
        let spans = tokens
            .iter()
            .map(|token| {
                let lower = (token.kind == TokenKind::Word)
                    .then(|| LowerWord::new(token.text(block)))
                    .flatten();
                match lower {
                    Some(lower) => {
                        let start = text.len() as u32;
                        text.push_str(&lower);
                        (start, text.len() as u32)
                    }
                    None => TOO_LONG,
                }
            })
            .collect();
        LowerTable { text, spans }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<LowerWord<'_>> {
        let (start, end) = *self.spans.get(i)?;
        if (start, end) == TOO_LONG {
            return None;
        }
        self.text
            .get(start as usize..end as usize)
            .map(LowerWord::lowercase_already)
    }
}

/// Tokenizes `block` into `tokens` (cleared first).
pub(crate) fn tokenize(block: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = block.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    let mut space_before = true;
    // Where the current whitespace-delimited chunk began, and the first token in it.
    let mut chunk_start = 0;
    let mut chunk_first_token = 0;
    while i < len {
        let byte = bytes[i];
        if byte.is_ascii_whitespace() {
            i += 1;
            space_before = true;
            chunk_start = i;
            chunk_first_token = tokens.len();
            continue;
        }
        if space_before {
            chunk_start = i;
            chunk_first_token = tokens.len();
        }
        if byte == 0x1F {
            tokens.push(Token {
                kind: TokenKind::Boundary,
                start: i as u32,
                end: i as u32 + 1,
                space_before: true,
            });
            i += 1;
            space_before = true;
            chunk_start = i;
            chunk_first_token = tokens.len();
            continue;
        }
        if byte.is_ascii_digit() {
            let end = scan_number(bytes, i);
            tokens.push(Token {
                kind: TokenKind::Number,
                start: i as u32,
                end: end as u32,
                space_before,
            });
            i = end;
            space_before = false;
            continue;
        }
        if byte.is_ascii_alphabetic() {
            let end = scan_word(block, i);
            tokens.push(Token {
                kind: TokenKind::Word,
                start: i as u32,
                end: end as u32,
                space_before,
            });
            i = end;
            space_before = false;
            continue;
        }
        if byte < 0x80 {
            // ASCII punctuation; some of it starts things that are not prose.
            let skip = match byte {
                b':' if bytes[i..].starts_with(b"://") => true,
                b'@' => bytes
                    .get(i + 1)
                    .is_some_and(|next| next.is_ascii_alphanumeric() || *next == b'_'),
                b'#' => i == chunk_start && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric),
                b'/' => looks_like_domain(&bytes[chunk_start..i]),
                _ => false,
            };
            if skip {
                tokens.truncate(chunk_first_token);
                i = skip_chunk(bytes, i);
                space_before = true;
                continue;
            }
            tokens.push(Token {
                kind: TokenKind::Punct,
                start: i as u32,
                end: i as u32 + 1,
                space_before,
            });
            i += 1;
            space_before = false;
            continue;
        }
        // Non-ASCII: decode one character.
        let ch = block[i..].chars().next().unwrap_or(' ');
        let width = ch.len_utf8();
        // Dashes, quotes and currency signs (`–`, `„`, `€`) are common and never letters or
        // spaces: the Unicode tables are not asked about them.
        let symbol = matches!(ch, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{20A0}'..='\u{20CF}');
        if !symbol && ch.is_whitespace() {
            i += width;
            space_before = true;
            chunk_start = i;
            chunk_first_token = tokens.len();
        } else if !symbol && ch.is_alphabetic() {
            let end = scan_word(block, i);
            tokens.push(Token {
                kind: TokenKind::Word,
                start: i as u32,
                end: end as u32,
                space_before,
            });
            i = end;
            space_before = false;
        } else {
            tokens.push(Token {
                kind: TokenKind::Punct,
                start: i as u32,
                end: (i + width) as u32,
                space_before,
            });
            i += width;
            space_before = false;
        }
    }
}

/// Separators that may stand between digit groups of one number without a space.
fn is_inline_separator(byte: u8) -> bool {
    matches!(byte, b'.' | b',' | b'\'')
}

fn digit_run(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    end
}

/// The end of the number starting at `start`.
pub(crate) fn scan_number(bytes: &[u8], start: usize) -> usize {
    let mut end = digit_run(bytes, start);
    let first_group = end - start;
    let mut grouped_by_space = true;
    let mut groups = 1;
    loop {
        if end >= bytes.len() {
            return end;
        }
        let byte = bytes[end];
        if is_inline_separator(byte) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digit_run(bytes, end + 1);
            grouped_by_space = false;
            groups += 1;
            continue;
        }
        // Spaces group digits in threes: `50 000`, `50 000` (thin or no-break spaces).
        let space_width = match byte {
            b' ' => 1,
            0xC2 if bytes.get(end + 1) == Some(&0xA0) => 2,
            0xE2 if matches!(
                bytes.get(end + 1..end + 3),
                Some([0x80, 0x89]) | Some([0x80, 0xAF])
            ) =>
            {
                3
            }
            _ => 0,
        };
        if space_width > 0 && grouped_by_space && first_group <= 3 {
            let group_start = end + space_width;
            let group_end = digit_run(bytes, group_start);
            let followed_by_digit_separator = group_end < bytes.len()
                && is_inline_separator(bytes[group_end])
                && bytes.get(group_end + 1).is_some_and(u8::is_ascii_digit)
                && bytes[group_end] != b',';
            if group_end - group_start == 3
                && !followed_by_digit_separator
                && (byte != b' ' || groups < 6)
            {
                end = group_end;
                groups += 1;
                continue;
            }
        }
        return end;
    }
}

/// The end of the word starting at `start`: letters, digits, and `-` or `'` between them.
pub(crate) fn scan_word(block: &str, start: usize) -> usize {
    let bytes = block.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if byte == b'-' || byte == b'\'' {
            // Joins two word characters: `H800-GPUs`, `R1-KI-Modells`, `DeepSeek's`.
            if let Some(next) = block[i + 1..].chars().next()
                && next.is_alphanumeric()
            {
                i += 1;
                continue;
            }
            return i;
        }
        if byte >= 0x80 {
            let ch = block[i..].chars().next().unwrap_or(' ');
            // A superscript two or three after a letter is a unit's power: `m²`, `km³`.
            if ch.is_alphabetic()
                || ch == '\u{AD}'
                || (matches!(ch, '²' | '³') && i > start && bytes[i - 1].is_ascii_alphabetic())
            {
                i += ch.len_utf8();
                continue;
            }
            if ch == '’'
                && let Some(next) = block[i + ch.len_utf8()..].chars().next()
                && next.is_alphabetic()
            {
                i += ch.len_utf8();
                continue;
            }
        }
        return i;
    }
    i
}

/// A chunk such as `pic.twitter.com` or `example.org`: letters, a dot, letters.
fn looks_like_domain(chunk: &[u8]) -> bool {
    chunk.windows(3).any(|window| {
        window[0].is_ascii_alphanumeric() && window[1] == b'.' && window[2].is_ascii_alphabetic()
    }) || chunk.starts_with(b"www")
}

fn skip_chunk(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != 0x1F {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(block: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(block, &mut tokens);
        tokens
            .iter()
            .map(|token| token.text(block).to_owned())
            .collect()
    }

    #[test]
    fn numbers_words_and_names() {
        assert_eq!(texts("2.000 H800-GPUs"), ["2.000", "H800-GPUs"]);
        assert_eq!(texts("22, 4 %"), ["22", ",", "4", "%"]);
        assert_eq!(
            texts("50 000 und 10\u{202F}000"),
            ["50 000", "und", "10\u{202F}000"]
        );
        assert_eq!(
            texts("$5M, 10-fache"),
            ["$", "5", "M", ",", "10", "-", "fache"]
        );
        assert_eq!(texts("fünf Jahren"), ["fünf", "Jahren"]);
        assert_eq!(texts("In 2024 300 people"), ["In", "2024", "300", "people"]);
    }

    #[test]
    fn urls_handles_and_hashtags_are_dropped() {
        assert_eq!(
            texts("MFU https://t.co/HD3 pic.twitter.com/TeZ x"),
            ["MFU", "x"]
        );
        assert_eq!(
            texts("– Marc (@pmarca) , 26."),
            ["–", "Marc", ",", "26", "."]
        );
        assert_eq!(texts("see #123 and a@b.test now"), ["see", "and", "now"]);
    }

    #[test]
    fn lowered_words_read_the_same_from_the_table() {
        let long = "Donaudampfschifffahrtsgesellschaftskapitänsmützenhalter";
        let block = format!("Fünf MILLIONEN Euro, İstanbul ẞ {long} 3 über ÄRA. ").repeat(40);
        let mut tokens = Vec::new();
        tokenize(&block, &mut tokens);
        let lowered = Lowered::new(&block, &tokens);
        let words: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens[i].kind == TokenKind::Word)
            .collect();
        // Asked often enough, the block is lowercased into the table; every answer, before
        // and after, is what `LowerWord::new` says.
        for round in 0..4 {
            for &i in &words {
                let expected = LowerWord::new(tokens[i].text(&block));
                assert_eq!(
                    lowered.word(i).as_deref(),
                    expected.as_deref(),
                    "round {round}, token {i}"
                );
            }
        }
        assert!(lowered.table.get().is_some(), "the table was never made");
    }
}
