//! Reads the claims of one block: numbers with their bounds, scale words, ranges, units,
//! currencies, percent signs, dates and durations.
//!
//! The extractor walks the tokens once. At a number (digits or a number word) it looks back
//! for bounds, hedges and currency signs, and forward for scale words, ranges, percent words,
//! multipliers, units and currencies; whatever it takes becomes part of the claim's span.
//! `context` then finds subjects, periods and sentences.

use crate::claims::context::{self, Sentences};
use crate::claims::tokens::{Lowered, Token, TokenKind, scan_number, scan_word, tokenize};
use crate::claims::{
    Bound, Claim, ClaimKind, ClaimValue, Date, NumberProblem, NumberProblemKind, WrittenNumber,
};
use crate::document::BlockKind;
use crate::language::Language;
use crate::lexicon::{self, Hedge, LowerWord, PercentWord, with_lower};
use crate::number::{self, NotANumber, parse_literal, times_power_of_ten};
use crate::text::{ByteMasks, Span};
use crate::units::{UNITS, UnitKind};

/// Reusable buffers for extraction, so that a document allocates them once.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    sentences: Sentences,
    /// Column headers read before, with what they say: the tables of a document mostly
    /// share their headers.
    columns: Vec<(Box<str>, Option<Language>, Option<ColumnUnit>)>,
    /// The tokens' texts (`Reader::texts`), kept between blocks for their allocation only.
    texts: Vec<&'static str>,
    /// The first and last token of each claim of the block (`Reader::ranges`).
    ranges: Vec<(usize, usize)>,
}

/// Extracts the claims of one block of masked prose starting at document offset `base`, in
/// the document's `language` or, when the block's own words clearly are, the other one.
pub(crate) fn extract_block(
    block: &str,
    base: usize,
    kind: BlockKind,
    language: Option<Language>,
    scratch: &mut Scratch,
    claims: &mut Vec<Claim>,
    problems: &mut Vec<NumberProblem>,
) {
    // The words of a block are its tokens' words: a block the raw-text filter passes over
    // holds no claim, and is not even tokenized.
    if !may_hold_claims(block) && !testing::read_in_full() {
        return;
    }
    // A paragraph in the other language (a quote) is read in it; only one that may hold a
    // claim is looked at, and not a table cell or heading, too short to tell.
    let language = match kind {
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Line => {
            crate::language::of_paragraph(block, language)
        }
        BlockKind::Heading | BlockKind::TableCell => language,
    };
    read_block(
        block,
        base,
        kind,
        language,
        scratch,
        claims,
        problems,
        Then::Annotate,
    );
}

/// What `read_block` does after reading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Finds the claims' subjects and periods (`context::annotate`).
    Annotate,
    Stop,
}

/// The claims of a block as the grammar reads them, with their subjects and periods when
/// `then` says so.
#[allow(clippy::too_many_arguments)]
fn read_block(
    block: &str,
    base: usize,
    kind: BlockKind,
    language: Option<Language>,
    scratch: &mut Scratch,
    claims: &mut Vec<Claim>,
    problems: &mut Vec<NumberProblem>,
    then: Then,
) {
    tokenize(block, &mut scratch.tokens);
    scratch.sentences.split(block, &scratch.tokens);
    let (tokens, sentences) = (&scratch.tokens, &scratch.sentences);
    // Each token's text is sliced once: the grammar looks at most tokens many times.
    let mut texts: Vec<&str> = std::mem::take(&mut scratch.texts);
    texts.extend(tokens.iter().map(|token| token.text(block)));
    let lowered = Lowered::new(block, tokens);
    // The block's claims go straight into `claims`: a block of a million figures is not
    // held twice.
    let first = claims.len();
    let mut ranges = std::mem::take(&mut scratch.ranges);
    ranges.clear();
    let mut reader = Reader {
        block,
        tokens,
        texts: &texts,
        ranges: &mut ranges,
        lowered: &lowered,
        base,
        kind,
        language,
        sentences,
        claims,
        first,
        problems,
        yen: None,
    };
    reader.run();
    if then == Then::Annotate {
        context::annotate(
            block,
            tokens,
            &lowered,
            base,
            sentences,
            &mut claims[first..],
            &ranges,
        );
    }
    scratch.ranges = ranges;
    texts.clear();
    // The same allocation, emptied, outlives the block.
    scratch.texts = texts.into_iter().map(|_| "").collect();
}

/// What a table's column header says of the bare figures below it: "GPUs" (a count of
/// GPUs), "Days" (a duration), "Cost (USD)", "Revenue ($M)", "Memory (GB)", "Share (%)".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ColumnUnit {
    kind: ClaimKind,
    unit: Option<&'static str>,
    /// The power of ten the header's scale or prefix gives each figure ("$M": 6, "GB": 9).
    exponent: i32,
}

/// Reads a column header as the words after a figure: the part in brackets first ("Cost
/// (USD)", "Memory (GB)"), then the whole header ("GPUs", "Days", "Tokens").
pub(crate) fn read_column_header(
    header: &str,
    language: Option<Language>,
    scratch: &mut Scratch,
) -> Option<ColumnUnit> {
    if let Some((_, _, unit)) = scratch
        .columns
        .iter()
        .find(|(known, read_as, _)| **known == *header && *read_as == language)
    {
        return *unit;
    }
    let unit = read_column_header_afresh(header, language, scratch);
    // A few hundred headers at most are remembered.
    if scratch.columns.len() >= 256 {
        scratch.columns.clear();
    }
    scratch.columns.push((header.into(), language, unit));
    unit
}

fn read_column_header_afresh(
    header: &str,
    language: Option<Language>,
    scratch: &mut Scratch,
) -> Option<ColumnUnit> {
    let bracketed = header
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside.trim());
    let mut claims = Vec::new();
    let mut problems = Vec::new();
    // A header of one or two letters names a variable ("W", "B"), not a unit.
    let whole = header.trim();
    let whole = (whole.chars().count() > 2).then_some(whole);
    for words in bracketed.into_iter().chain(whole) {
        // Written after a figure ("1 GB", "1 %"), or a sign before it and a scale after
        // ("$M", "€ Mio." read as "$1M", "€1 Mio.").
        let sign = words
            .chars()
            .next()
            .filter(|&c| crate::lexicon::currency_symbol(c.encode_utf8(&mut [0; 4])).is_some());
        let text = match sign {
            Some(sign) => format!("{sign}1{}", &words[sign.len_utf8()..]),
            None => format!("1 {words}"),
        };
        claims.clear();
        read_block(
            &text,
            0,
            BlockKind::TableCell,
            language,
            scratch,
            &mut claims,
            &mut problems,
            Then::Stop,
        );
        let [claim] = claims.as_slice() else {
            continue;
        };
        let Some(value) = claim.value.number() else {
            continue;
        };
        let exponent = value.log10().round() as i32;
        let says_something =
            claim.unit.is_some() || claim.kind != ClaimKind::Count || exponent != 0;
        if claim.span.start == 0
            && claim.span.end == text.len()
            && times_power_of_ten(1.0, exponent) == value
            && says_something
            && matches!(
                claim.kind,
                ClaimKind::Count
                    | ClaimKind::Money
                    | ClaimKind::Quantity
                    | ClaimKind::Percent
                    | ClaimKind::Duration
            )
        {
            return Some(ColumnUnit {
                kind: claim.kind,
                unit: claim.unit,
                exponent,
            });
        }
    }
    None
}

/// Gives the bare counts of a table cell (`claims`) what their column header says.
pub(crate) fn apply_column_unit(claims: &mut [Claim], column: ColumnUnit) {
    for claim in claims {
        let ClaimValue::Number(value) = claim.value else {
            continue;
        };
        if claim.kind != ClaimKind::Count || claim.unit.is_some() || claim.unit_carried {
            continue;
        }
        claim.kind = column.kind;
        claim.unit = column.unit;
        claim.value = ClaimValue::Number(times_power_of_ten(value, column.exponent));
        claim.high = claim
            .high
            .map(|high| times_power_of_ten(high, column.exponent));
        claim.unit_carried = true;
    }
}

/// Lets the tests of the raw-text filter read blocks without it, to see what it passes over.
pub(crate) mod testing {
    #[cfg(test)]
    thread_local! {
        static READ_IN_FULL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Whether blocks are read even where the raw-text filter would pass over them.
    #[cfg(test)]
    pub(crate) fn read_in_full() -> bool {
        READ_IN_FULL.with(std::cell::Cell::get)
    }

    #[cfg(not(test))]
    pub(crate) const fn read_in_full() -> bool {
        false
    }

    /// Runs `read` with every block read in full, on this thread.
    #[cfg(test)]
    pub(crate) fn reading_in_full<T>(read: impl FnOnce() -> T) -> T {
        READ_IN_FULL.with(|flag| flag.set(true));
        let result = read();
        READ_IN_FULL.with(|flag| flag.set(false));
        result
    }
}

/// Whether a chunk of a plain-text document, read as raw text before any parsing (or a block
/// of prose, before tokenizing), may hold a claim: it has a digit that may start a number
/// (`has_figure`), a vulgar fraction (`½`), or a word that reads as a number, scale, fraction
/// or multiplier word or a German ordinal (a month makes a claim only beside digits). `false`
/// is certain, so the chunk need not be parsed at all.
///
/// This holds because the prose of a chunk is a part of its raw text with everything else
/// blanked out: blanking never joins words, and every construct that is blanked (code,
/// HTML, link destinations, autolinks) ends in punctuation, so each word of the prose is a
/// word of the raw text, scanned by the same `scan_word`.
pub(crate) fn may_hold_claims(text: &str) -> bool {
    may_hold(text, RawText::Prose)
}

/// `may_hold_claims` for a chunk of a plain-text document, which also passes over the numbers
/// of list items at the start of a line (`numbers_a_line`).
pub(crate) fn plain_text_may_hold_claims(text: &str) -> bool {
    may_hold(text, RawText::PlainText)
}

/// `may_hold_claims` for a chunk of raw Markdown, which also passes over the digits of inline
/// code spans where it can tell them without parsing (`CodeSpans`), and over the numbers of
/// list items and headings at the start of a line (`numbers_a_line`).
pub(crate) fn markdown_may_hold_claims(text: &str) -> bool {
    // What follows an HTML comment block is read as a chunk of its own: a block starts there.
    let mut text = text;
    while let Some(end) = comment_block_end(text) {
        text = &text[end..];
    }
    if html_block_only(text) {
        return false;
    }
    may_hold(
        text,
        RawText::Markdown {
            code: CodeSpans::new(text.as_bytes()),
        },
    )
}

/// What the raw-text filter reads: what it may pass over besides the digits inside words, in
/// URLs and after `#` depends on it.
enum RawText<'a> {
    /// A block of masked prose.
    Prose,
    /// A chunk of a plain-text document: its prose as written, in lines and paragraphs.
    PlainText,
    /// A chunk of raw Markdown, with its inline code spans.
    Markdown { code: CodeSpans<'a> },
}

fn may_hold(text: &str, raw: RawText) -> bool {
    let bytes = text.as_bytes();
    if has_figure(text, raw) {
        return true;
    }
    // The text is read 64 bytes at a time: a mask of the bytes where a word may start is
    // built without a branch, and only those bytes are looked at.
    // The last, shorter window is read as if padded with zeros, which start no word.
    let windows = bytes.len().div_ceil(64);
    let mut after_letter = false;
    // The last word looked up: no word starts inside it (`reads_as_claim_word`).
    let mut word = Span::new(0, 0);
    let mut next = ByteMasks::of(bytes, 0);
    for index in 0..windows {
        let ByteMasks { letters, leads, .. } = next;
        next = if index + 1 < windows {
            ByteMasks::of(bytes, index + 1)
        } else {
            ByteMasks::default()
        };
        // An ASCII letter starts a word unless it follows one; every character beyond ASCII
        // is looked at, for it may start a word, follow a dash or quote, or be a fraction.
        let before_letter = letters << 1 | u64::from(after_letter);
        after_letter = letters >> 63 != 0;
        let starts = letters & !before_letter;
        // Most words start with three ASCII letters: their first three letters alone rule
        // out nearly all of them, without a call.
        let three_letters =
            starts & (letters >> 1 | next.letters << 63) & (letters >> 2 | next.letters << 62);
        let mut threes = three_letters;
        while threes != 0 {
            let at = index * 64 + threes.trailing_zeros() as usize;
            threes &= threes - 1;
            let Some(&[first, second, third]) = bytes.get(at..at + 3) else {
                continue;
            };
            let head = [first | 0x20, second | 0x20, third | 0x20];
            // The fourth letter rules out the commonest words the three let through ("and",
            // "for", "this"), again without a call.
            if lexicon::number_word_prefix(head)
                && !joined_to_word(bytes, at)
                && lexicon::may_read_as_number_word(&text[at..])
                && reads_as_claim_word(text, at, &mut word)
            {
                return true;
            }
        }
        let mut others = (starts & !three_letters) | leads;
        while others != 0 {
            let at = index * 64 + others.trailing_zeros() as usize;
            others &= others - 1;
            let may_hold = if bytes[at] < 0x80 {
                // Most of these are words of one or two letters: ruled out without a call.
                // Then the first four letters may rule the word out.
                !too_short(bytes, at)
                    && !joined_to_word(bytes, at)
                    && lexicon::may_read_as_number_word(&text[at..])
                    && reads_as_claim_word(text, at, &mut word)
            } else {
                beyond_ascii_may_hold_claim(text, at, &mut word)
            };
            if may_hold {
                return true;
            }
        }
    }
    false
}

/// Whether the first byte of a character beyond ASCII at `at` may start a claim: a vulgar
/// fraction, or a letter that starts a word reading as a number word (`reads_as_claim_word`).
fn beyond_ascii_may_hold_claim(text: &str, at: usize, word: &mut Span) -> bool {
    let Some(ch) = text[at..].chars().next() else {
        return false;
    };
    if vulgar_fraction(ch.encode_utf8(&mut [0; 4])).is_some() {
        return true;
    }
    // A letter after a letter is inside a word (`scan_word` goes on over letters), judged
    // with that word where it starts: a run of letters without spaces ("中文字符") is looked up
    // once, not once per letter.
    let after_letter = text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    if !ch.is_alphabetic() || after_letter || joined_to_word(text.as_bytes(), at) {
        return false;
    }
    reads_as_claim_word(text, at, word)
}

/// Whether the letter at `at` follows a `-` or `'` that follows an ASCII letter: `scan_word`
/// joins it to the word before ("non-zero", "one's"), and the reader sees only that word,
/// judged where it starts. (A letter is always part of a word token; digits before the
/// joiner may end a number token instead: "5-zero" is read as three tokens.)
#[inline]
fn joined_to_word(bytes: &[u8], at: usize) -> bool {
    at >= 2 && matches!(bytes[at - 1], b'-' | b'\'') && bytes[at - 2].is_ascii_alphabetic()
}

/// Whether the word starting at `at` reads as a number, scale, fraction or multiplier word or
/// a German ordinal, looked up in full (the callers rule most words out before).
///
/// `word` is the word looked up last, and becomes this one: a letter inside it is no word's
/// start, so it is passed over. (`scan_word` goes forward one character at a time, deciding
/// by that character and the next: from wherever it starts inside a word token, it ends where
/// the token ends.) So a byte is scanned at most twice (the filter looks at the words of three
/// letters in a window of 64 bytes before the others), however the words join up ("a’a’a’…",
/// "中文字符").
fn reads_as_claim_word(text: &str, at: usize, word: &mut Span) -> bool {
    if word.start < at && at < word.end {
        return false;
    }
    let end = scan_word(text, at);
    *word = Span::new(at, end);
    let word = &text[at..end];
    let mut buffer = [0u8; 48];
    word.len() >= 3
        && lexicon::lowercase_into(word, &mut buffer)
            .is_some_and(|lower| lexicon::may_start_claim(word, lower))
}

/// Whether the word of ASCII letters that starts at `at` has only one or two letters and ends
/// there (as `scan_word` sees it: at an ASCII byte that neither continues nor joins a word, or
/// the end of the text): too short to count.
#[inline]
fn too_short(bytes: &[u8], at: usize) -> bool {
    let ends = |next: Option<&u8>| {
        next.is_none_or(|&next| {
            next < 0x80 && !next.is_ascii_alphanumeric() && next != b'-' && next != b'\''
        })
    };
    ends(bytes.get(at + 1))
        || bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) && ends(bytes.get(at + 2))
}

/// Whether a chunk's raw text may hold a full date (day, month and year): a capitalised month
/// name or abbreviation, or digits joined by the same `-`, `/` or `.` twice (`2025-01-26`,
/// `1/26/2025`, `26.01.2025`; with dots, one or two digits before each). `false` is certain:
/// the reader finds no date with a day in the chunk.
pub(crate) fn may_hold_full_date(text: &str) -> bool {
    const MONTH_LETTERS: usize = 9;
    // The bytes worth a look: the separators of numeric dates and the first letters of months.
    const STOPS: [bool; 256] = {
        let mut stops = [false; 256];
        let mut at = 0;
        let bytes = b"-/.JFMASOND";
        while at < bytes.len() {
            stops[bytes[at] as usize] = true;
            at += 1;
        }
        stops
    };
    let bytes = text.as_bytes();
    // Every full date has a year of four digits.
    let mut run = 0;
    if !bytes.iter().any(|byte| {
        run = if byte.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    }) {
        return false;
    }
    let mut buffer = [0u8; 48];
    let mut from = 0;
    while let Some(skipped) = bytes[from..].iter().position(|&byte| STOPS[byte as usize]) {
        let at = from + skipped;
        from = at + 1;
        let byte = bytes[at];
        match byte {
            b'-' | b'/' | b'.' if at > 0 && bytes[at - 1].is_ascii_digit() => {
                let middle = bytes[at + 1..]
                    .iter()
                    .take_while(|byte| byte.is_ascii_digit())
                    .count();
                let next = at + 1 + middle;
                let joined_again = middle > 0
                    && bytes.get(next) == Some(&byte)
                    && bytes.get(next + 1).is_some_and(u8::is_ascii_digit);
                let short_before = || {
                    bytes[..at]
                        .iter()
                        .rev()
                        .take(3)
                        .take_while(|byte| byte.is_ascii_digit())
                        .count()
                        <= 2
                };
                if joined_again && (byte != b'.' || (middle <= 2 && short_before())) {
                    return true;
                }
            }
            b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D'
                if !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic) =>
            {
                // A month is a word of at most nine letters: look no further than that.
                let (mut end, mut letters) = (at, 0);
                for ch in text[at..].chars().take_while(|ch| ch.is_alphabetic()) {
                    letters += 1;
                    end += ch.len_utf8();
                    if letters > MONTH_LETTERS {
                        break;
                    }
                }
                let is_month = letters <= MONTH_LETTERS
                    && lexicon::lowercase_into(&text[at..end], &mut buffer).is_some_and(|lower| {
                        lexicon::month(lower).is_some()
                            || lexicon::month_abbreviation(lower).is_some()
                    });
                if is_month {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `bytes` has digits that may start a number. Digits that do not:
/// - digits that follow an ASCII letter, or a hyphen or apostrophe after a letter or digit:
///   they are inside a word, as `scan_word` reads it (`H800`, `x86`, `GPT-4`, `mid-2024`), and
///   words with digits are names, not figures (a number word with digits is none either);
/// - digits in a URL (`url_end`);
/// - a number glued by `.`, `_` or `/` to a word ("v1.23", "x86_64", `glued_number_end`);
/// - digits right after `#` ("#123", "C#7"): the reader takes them for a name
///   (`Reader::is_identifier_number`), or skips them with their hashtag;
/// - a mark of one to three digits in parentheses or brackets (`enclosed_mark`);
/// - a number after a reference noun, with no amount word after it ("RFC 2119",
///   `reference_number_end`);
/// - a short version after a name in the middle of a sentence that ends a clause ("before
///   Swift 5,", `version_after_name_end`);
/// - in raw Markdown, digits in an inline code span or an inline link's destination
///   (`link_destination_end`);
/// - in a chunk of either format, the number of a list item or heading (`numbers_a_line`).
fn has_figure(text: &str, mut raw: RawText<'_>) -> bool {
    let bytes = text.as_bytes();
    // Numbers that open a line are told apart only outside tables, whose cells are read
    // otherwise: a chunk with a `|` has none of them (looked for once, when first needed).
    let lines = match raw {
        RawText::Prose => None,
        RawText::PlainText => Some(LineNumbers::PlainText),
        RawText::Markdown { .. } => Some(LineNumbers::Markdown),
    };
    let mut outside_tables = None;
    let mut url_run = UrlRun::default();
    let mut has_links = None;
    let mut items = None;
    let markdown = matches!(raw, RawText::Markdown { .. });
    let mut at = 0;
    while let Some(digit) = next_ascii_digit(bytes, at) {
        let inside_word = match digit.checked_sub(1).map(|before| bytes[before]) {
            Some(before) if before.is_ascii_alphabetic() => true,
            Some(b'-' | b'\'') => digit >= 2 && bytes[digit - 2].is_ascii_alphanumeric(),
            _ => false,
        };
        at = digit + 1;
        if !inside_word {
            let skipped = url_end(bytes, digit, &mut url_run)
                .or_else(|| glued_number_end(bytes, digit))
                .or_else(|| match &mut raw {
                    RawText::Markdown { code } => code.end_of_span_holding(digit).or_else(|| {
                        // Looked for once: a chunk without `](` has no inline link.
                        let links = *has_links
                            .get_or_insert_with(|| memchr::memmem::find(bytes, b"](").is_some());
                        links.then(|| link_destination_end(bytes, digit)).flatten()
                    }),
                    _ => None,
                });
            match skipped {
                // What follows a code span may be a figure: "`x`5".
                Some(end) => {
                    at = end;
                    continue;
                }
                None => {
                    let names = digit > 0 && bytes[digit - 1] == b'#'
                        || enclosed_mark(bytes, digit)
                        || lines.is_some_and(|lines| {
                            (lines == LineNumbers::PlainText
                                || *outside_tables
                                    .get_or_insert_with(|| memchr::memchr(b'|', bytes).is_none()))
                                && numbers_a_line(bytes, digit, lines, &mut items)
                        });
                    if !names {
                        match reference_number_end(text, digit)
                            .or_else(|| version_after_name_end(text, digit, markdown))
                        {
                            Some(end) => {
                                at = end;
                                continue;
                            }
                            None => return true,
                        }
                    }
                }
            }
        }
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
    }
    false
}

/// Where the number at `digit` ends when it is glued by `.`, `_` or `/` to a word before it
/// ("v1.23", "go1.13", "x86_64", "HTTP/1.1", "GPT-4.5"): the reader takes it for a name
/// (`Reader::is_identifier_number`). The word is a run of ASCII letters and digits, maybe
/// joined by `-` or `'`, that starts with a letter after a byte that joins nothing to it (as
/// `scan_word` reads it from there) and is no month; the number is what `scan_number` reads.
fn glued_number_end(bytes: &[u8], digit: usize) -> Option<usize> {
    let glue = digit.checked_sub(1)?;
    if !matches!(bytes[glue], b'.' | b'_' | b'/')
        || glue == 0
        || !bytes[glue - 1].is_ascii_alphanumeric()
    {
        return None;
    }
    // Back over the word to its first byte.
    let mut start = glue - 1;
    while start > 0 {
        let before = bytes[start - 1];
        if before.is_ascii_alphanumeric()
            || matches!(before, b'-' | b'\'')
                && start >= 2
                && bytes[start - 2].is_ascii_alphanumeric()
        {
            start -= 1;
        } else {
            break;
        }
        if glue - start > LINK_BYTES {
            return None;
        }
    }
    let joins = start > 0 && (bytes[start - 1] >= 0x80 || matches!(bytes[start - 1], b'-' | b'\''));
    // A month takes the number for its day or year ("Mai.2024"), in any case.
    let mut buffer = [0u8; 48];
    let month = std::str::from_utf8(&bytes[start..glue])
        .ok()
        .and_then(|word| lexicon::lowercase_into(word, &mut buffer))
        .is_some_and(|lower| {
            lexicon::month(lower).is_some() || lexicon::month_abbreviation(lower).is_some()
        });
    (bytes[start].is_ascii_alphabetic() && !joins && !month).then(|| scan_number(bytes, digit))
}

/// Where the number at `digit` ends when it follows a reference noun and no amount word
/// follows it ("Listing 17", "RFC 2119", "Chapter 21."): the reader takes it for a name
/// (`Reader::is_identifier_number`), as a token of its own (`scan_number`). The raw text
/// shows that only where nothing around the two words may be markup but a link's brackets:
/// the noun is ASCII letters after white space, `(`, `[` or the start, with spaces or tabs
/// before the number; after the number, white space, maybe a `]` and what may follow a link's
/// text (`link_tail_end`), then punctuation that is no amount sign and no markup, a word that
/// is no currency, percent or scale word in either language, or the end.
fn reference_number_end(text: &str, digit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let noun_end = digit
        - bytes[..digit]
            .iter()
            .rev()
            .take_while(|&&byte| byte == b' ' || byte == b'\t')
            .count();
    if noun_end == digit {
        return None;
    }
    let letters = letters_before(bytes, noun_end, 13);
    let noun_start = noun_end - letters;
    if !(1..=12).contains(&letters)
        || noun_start > 0 && !matches!(bytes[noun_start - 1], b' ' | b'\t' | b'\n' | b'(' | b'[')
    {
        return None;
    }
    let noun_chunk = bytes[..noun_start]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |space| space + 1);
    if may_be_skipped(&bytes[noun_chunk..noun_end]) {
        return None;
    }
    let mut buffer = [0u8; 48];
    if !lexicon::lowercase_into(&text[noun_start..noun_end], &mut buffer)
        .is_some_and(lexicon::is_reference_noun)
    {
        return None;
    }
    let end = scan_number(bytes, digit);
    let skip_white = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|byte| byte.is_ascii_whitespace())
            .count()
    };
    let mut next = skip_white(end);
    // A `]` may close a link's text ("[RFC 2119](…) percent"): the parser drops it with the
    // destination or label after it, and the word after those is the number's neighbour.
    if bytes.get(next) == Some(&b']') {
        next = skip_white(link_tail_end(bytes, next + 1)?);
        if bytes.get(next) == Some(&b']') {
            return None;
        }
    }
    // A word after white space must be read as it stands: nothing in its run may make the
    // tokenizer skip the run, which would make what follows it the number's neighbour.
    if next > end && may_be_skipped(&bytes[next..whitespace_run_end(bytes, next)]) {
        return None;
    }
    let amount_free = match bytes.get(next) {
        None => true,
        Some(byte) if byte.is_ascii_alphabetic() => {
            let word = &text[next..scan_word(text, next)];
            !lexicon::with_lower(word, |lower| {
                lexicon::currency_word(lower).is_some()
                    || lexicon::percent_word(lower).is_some()
                    || [None, Some(Language::English), Some(Language::German)]
                        .into_iter()
                        .any(|language| lexicon::scale_word(word, lower, language).is_some())
            })
        }
        Some(byte) => b".,:;()-\"'?/".contains(byte),
    };
    amount_free.then_some(end)
}

/// Where the number at `digit` ends when it is a short version after a name in the middle of
/// a sentence and ends a clause ("works before Swift 5, but", "added in Kubernetes 1.22."):
/// the reader takes it for a name (`Reader::is_model_version`). The raw text shows that only
/// where nothing around it may be markup: a word that ends in a lowercase ASCII letter and
/// one space, or a `(`, that the tokenizer reads as they stand; a capitalised word of ASCII
/// letters that is no word of the grammar (function, hedge, reference, month, weekday,
/// currency, number, scale, time or unit word) and none a claim may start at; one space; one
/// or two digits (maybe a dot and one or two more); then the end of the clause
/// (`clause_ends_at`).
fn version_after_name_end(text: &str, digit: usize, markdown: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    // The number: "5", "15", "1.22".
    let integer = leading(&bytes[digit..], 3, u8::is_ascii_digit);
    let mut end = digit + integer;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let fraction = leading(&bytes[end + 1..], 3, u8::is_ascii_digit);
        if fraction > 2 {
            return None;
        }
        end += 1 + fraction;
    }
    if integer > 2 || !clause_ends_at(bytes, end, markdown) {
        return None;
    }
    // The name, and the word or parenthesis before it, which the tokenizer reads as they
    // stand.
    let name_end = digit.checked_sub(1).filter(|&space| bytes[space] == b' ')?;
    let letters = letters_before(bytes, name_end, 48);
    let name_start = name_end - letters;
    if letters == 0 || !bytes[name_start].is_ascii_uppercase() || name_start < 2 {
        return None;
    }
    let run_before = |end: usize| {
        let start = bytes[..end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |space| space + 1);
        &bytes[start..end]
    };
    let stands = match bytes[name_start - 1] {
        b' ' => {
            bytes[name_start - 2].is_ascii_lowercase()
                && !may_be_skipped(run_before(name_start - 1))
        }
        b'(' => !may_be_skipped(run_before(name_start)),
        _ => false,
    };
    if !stands {
        return None;
    }
    let name = &text[name_start..name_end];
    let mut buffer = [0u8; 48];
    let lower = lexicon::lowercase_into(name, &mut buffer)?;
    // The reader's test in every language (`Reader::is_model_version`), and the words a claim
    // may start at: abbreviated months and what the reader's gates let through.
    let grammar_word = is_grammar_word(
        name,
        lower,
        &[None, Some(Language::English), Some(Language::German)],
    ) || lexicon::month_abbreviation(lower).is_some()
        || lexicon::may_start_claim(name, lower)
        || lexicon::ascii_head(name).is_some_and(|head| {
            lexicon::number_word_prefix(head)
                || lexicon::month_prefix(head)
                || matches!(&head, b"jed" | b"eve")
        });
    (!grammar_word).then_some(end)
}

/// Whether what follows a number at `end` ends its clause with no month after it: `,` `;`
/// `:` `)` `!` `?` or `.` (maybe closing emphasis after it) and white space, then a word that
/// is no month, punctuation that masking never drops, or what ends the block; or, with no
/// punctuation, what ends the block: the end of the text, a blank line, or in raw Markdown a
/// line that opens a bullet list item (which a paragraph never goes on over; in plain text it
/// does).
fn clause_ends_at(bytes: &[u8], end: usize, markdown: bool) -> bool {
    let is_blank = |byte: &u8| *byte == b' ' || *byte == b'\t';
    let punctuated = matches!(
        bytes.get(end),
        Some(b',' | b';' | b':' | b')' | b'!' | b'?' | b'.')
    );
    // Closing emphasis may follow, dropped by the masking or read as punctuation, which the
    // reader does not mind but after a dot (a token glued to the dot makes no version).
    let after = match bytes.get(end) {
        Some(b'.') => end + 1,
        _ if punctuated => {
            end + 1 + leading(&bytes[end + 1..], 3, |&byte| byte == b'*' || byte == b'_')
        }
        _ => end,
    };
    let line_end = after + leading(&bytes[after..], bytes.len(), is_blank);
    match bytes.get(line_end) {
        None => true,
        Some(b'\n') => {
            let next = line_end + 1;
            let indent = leading(&bytes[next..], bytes.len(), is_blank);
            let first = next + indent;
            let bullet = markdown
                && indent <= 3
                && matches!(bytes.get(first), Some(b'*' | b'-' | b'+'))
                && bytes.get(first + 1).is_some_and(is_blank)
                && bytes
                    .get(first + 1 + leading(&bytes[first + 1..], bytes.len(), is_blank))
                    .is_some_and(|byte| !byte.is_ascii_whitespace());
            matches!(bytes.get(first), None | Some(b'\n'))
                || bullet
                || punctuated && word_after_clause(bytes, first)
        }
        Some(_) => punctuated && line_end > after && word_after_clause(bytes, line_end),
    }
}

/// Whether what starts at `at`, after a clause, leaves the number before it a version: a word
/// that is no month (the reader asks the token after the punctuation), or punctuation that the
/// masking of Markdown never drops, so that it is that token.
fn word_after_clause(bytes: &[u8], at: usize) -> bool {
    let letters = leading(&bytes[at..], 3, u8::is_ascii_alphabetic);
    match letters {
        // A digit may start a date ("5, 2. März"); emphasis, links and code may be dropped.
        0 => bytes
            .get(at)
            .is_some_and(|byte| b".,;:!?()\"'-".contains(byte)),
        3 => !lexicon::month_prefix([
            bytes[at].to_ascii_lowercase(),
            bytes[at + 1].to_ascii_lowercase(),
            bytes[at + 2].to_ascii_lowercase(),
        ]),
        _ => bytes.get(at + letters).is_none_or(u8::is_ascii),
    }
}

/// Whether `name` (`lower` lowercased) is a word of the grammar, which names no product
/// before a version: a function, hedge, reference, month, weekday, currency, number, time or
/// unit word, or a scale word in one of `languages`.
fn is_grammar_word(name: &str, lower: &str, languages: &[Option<Language>]) -> bool {
    lexicon::is_function_word(lower)
        || lexicon::hedge_like(lower)
        || lexicon::is_reference_noun(lower)
        || lexicon::month(lower).is_some()
        || lexicon::is_weekday(lower)
        || lexicon::currency_word(lower).is_some()
        || lexicon::number_word(lower).is_some()
        || languages
            .iter()
            .any(|&language| lexicon::scale_word(name, lower, language).is_some())
        || lexicon::time_unit(lower).is_some()
        || UNITS.lookup(name).is_some()
}

/// Where what may follow a link's text at `from` (after its `]`) ends: an inline destination
/// of bytes that cannot end or part it (`(…)`, nothing that would make it something else), a
/// label (`[…]`) or nothing. `None` when it cannot tell.
fn link_tail_end(bytes: &[u8], from: usize) -> Option<usize> {
    let (close, stops): (u8, &[u8]) = match bytes.get(from) {
        Some(b'(') => (b')', b"()<>`\\"),
        Some(b'[') => (b']', b"[]`\\"),
        _ => return Some(from),
    };
    let inside = from + 1;
    let length = bytes[inside..]
        .iter()
        .take(LINK_BYTES)
        .position(|byte| byte.is_ascii_whitespace() || stops.contains(byte))?;
    (bytes[inside + length] == close).then_some(inside + length + 1)
}

/// When the digit at `digit` is in the destination of an inline link in raw Markdown, where
/// the destination ends: `[text](destination)` on one line, the text without brackets, code,
/// HTML, backslashes or table cells and not a footnote's, the `[` not escaped and not after a
/// `]` (a full reference link's label may be taken for the text), the destination without white
/// space, parentheses, angle brackets, backticks or backslashes. The parser takes that for a
/// link, whose destination the document never reads.
fn link_destination_end(bytes: &[u8], digit: usize) -> Option<usize> {
    // No space and no control character (U+001F marks a code span in the masked text)
    // stands in a destination.
    let is_destination =
        |byte: &u8| *byte != b' ' && !byte.is_ascii_control() && !b"()<>`\\".contains(byte);
    let back = bytes[..digit]
        .iter()
        .rev()
        .take(LINK_BYTES)
        .position(|byte| !is_destination(byte))?;
    let open = digit - back - 1;
    if bytes[open] != b'(' || open == 0 || bytes[open - 1] != b']' {
        return None;
    }
    let close_text = open - 1;
    let text_length = bytes[..close_text]
        .iter()
        .rev()
        .take(LINK_BYTES)
        .position(|byte| b"[]`<>\\|\n\r".contains(byte))?;
    let open_text = close_text - text_length - 1;
    if bytes[open_text] != b'['
        || bytes.get(open_text + 1) == Some(&b'^')
        || open_text > 0 && matches!(bytes[open_text - 1], b'\\' | b']')
    {
        return None;
    }
    let forward = bytes[digit..]
        .iter()
        .take(LINK_BYTES)
        .position(|byte| !is_destination(byte))?;
    (bytes[digit + forward] == b')').then_some(digit + forward + 1)
}

/// The longest link destination or label the raw-text filter follows.
const LINK_BYTES: usize = 512;

/// Whether the digits at `digit` are one to three alone in parentheses or brackets, a
/// footnote or citation mark or an enumeration ("(2)", "[12]"): the reader takes them for a
/// name (`Reader::is_identifier_number`), and in Markdown, where the brackets are a link's,
/// the document passes over them (`document::is_citation_mark`) or they are a label, never
/// prose.
fn enclosed_mark(bytes: &[u8], digit: usize) -> bool {
    let close = match digit.checked_sub(1).map(|before| bytes[before]) {
        Some(b'(') => b')',
        Some(b'[') => b']',
        _ => return false,
    };
    let run = leading(&bytes[digit..], 4, u8::is_ascii_digit);
    run <= 3 && bytes.get(digit + run) == Some(&close)
}

/// Whether a chunk of raw Markdown is an HTML block and nothing else: it opens, after up to
/// three spaces, with a tag that starts an HTML block that only a blank line ends (CommonMark's
/// sixth kind: `<div`, `</details>`, `<table>`), and has no blank line before the blank lines
/// it ends with. Raw HTML is never prose. (A lone carriage return, a line break to the parser
/// that this does not look for, leaves the chunk to the filter.)
fn html_block_only(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    let indent = leading(bytes, 4, |&byte| byte == b' ');
    if indent > 3 || bytes.get(indent) != Some(&b'<') || memchr::memchr(b'\r', bytes).is_some() {
        return false;
    }
    let tag = &bytes[indent + 1..];
    let tag = tag.strip_prefix(b"/").unwrap_or(tag);
    let name = leading(tag, 11, u8::is_ascii_alphanumeric);
    let after = &tag[name..];
    let opens_block = BLOCK_TAGS
        .iter()
        .any(|block| block.as_bytes().eq_ignore_ascii_case(&tag[..name]))
        && (after.is_empty()
            || matches!(after[0], b' ' | b'\t' | b'\n' | b'>')
            || after.starts_with(b"/>"));
    if !opens_block {
        return false;
    }
    // The block ends at the first blank line; only blank lines may follow it.
    let blank = |line: &str| {
        line.bytes()
            .all(|byte| matches!(byte, b' ' | b'\t' | b'\n'))
    };
    let mut lines = chunk.split_inclusive('\n');
    lines.any(blank);
    lines.all(blank)
}

/// Where the HTML comment block (CommonMark's second kind) a chunk of raw Markdown opens with
/// ends: after the line that holds `-->` (looked for from the `!`, so that `<!-->` ends it too:
/// the earliest end the parser may find), or with the chunk. `None` when the chunk opens with
/// no `<!--` after up to three spaces, or holds a carriage return.
fn comment_block_end(chunk: &str) -> Option<usize> {
    let bytes = chunk.as_bytes();
    let indent = leading(bytes, 4, |&byte| byte == b' ');
    if indent > 3 || !bytes[indent..].starts_with(b"<!--") || memchr::memchr(b'\r', bytes).is_some()
    {
        return None;
    }
    let Some(close) = memchr::memmem::find(&bytes[indent + 2..], b"-->") else {
        return Some(bytes.len());
    };
    let close = indent + 2 + close;
    Some(memchr::memchr(b'\n', &bytes[close..]).map_or(bytes.len(), |end| close + end + 1))
}

/// The tags that start an HTML block ended by a blank line, as CommonMark and the parser list
/// them.
pub(crate) const BLOCK_TAGS: [&str; 62] = [
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// How many of the first `limit` bytes of `bytes` are of a `class`, counted from the first.
fn leading(bytes: &[u8], limit: usize, class: impl Fn(&u8) -> bool) -> usize {
    bytes
        .iter()
        .take(limit)
        .take_while(|byte| class(byte))
        .count()
}

/// How many ASCII letters end `bytes[..end]`, counted up to `limit`.
fn letters_before(bytes: &[u8], end: usize, limit: usize) -> usize {
    bytes[..end]
        .iter()
        .rev()
        .take(limit)
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count()
}

/// Where the run of bytes without ASCII white space that starts at `from` ends.
fn whitespace_run_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len(), |space| from + space)
}

/// Whether the tokenizer may skip a run of bytes between white space, with the tokens read
/// in it, as part of a URL, handle, hashtag or domain (`tokens::tokenize`): it holds `:`,
/// `@`, `/` or `#`.
fn may_be_skipped(run: &[u8]) -> bool {
    run.iter()
        .any(|byte| matches!(byte, b':' | b'@' | b'/' | b'#'))
}

/// How the numbers that open a line are written in a chunk's format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineNumbers {
    PlainText,
    /// Also after the `#` marks of a heading.
    Markdown,
}

/// Whether the digits at `digit` number a list item or heading, so that the reader never sees
/// them or takes them for a name (`Reader::is_identifier_number`): one to three digits, `.` or
/// `)`, a space or tab and a word of ASCII letters that is no month ("2. Results"; "1. Januar"
/// is a date), where they open
/// - a line of plain text, after any white space: the reader takes them for a name;
/// - in Markdown, outside tables, a list item that nothing may hold in a paragraph: after up
///   to three spaces, the number 1 (a list that starts at 1 may interrupt a paragraph), any
///   number on the chunk's first line (no paragraph is open there), or any number on the line
///   right after such an item with the same indent and delimiter (the item's own lines are
///   indented further, so this is the next item of its list). The parser takes the number for
///   the item's marker, whatever follows it on the line ("2. **Bold**", "3. `code`"; not
///   nothing: an empty item interrupts no paragraph). Any other number in a line of its own
///   may go on the line before in a paragraph: "Items:\n3. An item" holds the figure 3, and
///   so does "1. A\n   2. B";
/// - in Markdown, a heading, after its `#` marks: the reader takes the heading's first number
///   for a name.
///
/// `items` holds the last list item found so: where its line ends, its indent and delimiter.
fn numbers_a_line(
    bytes: &[u8],
    digit: usize,
    lines: LineNumbers,
    items: &mut Option<ListItem>,
) -> bool {
    // What may stand before the number on its line: white space and a heading's marks, read
    // back only as far as they go, so that a long line is not read again at each number.
    let line_start = digit
        - bytes[..digit]
            .iter()
            .rev()
            .take_while(|&&byte| matches!(byte, b' ' | b'\t' | b'#'))
            .count();
    if line_start > 0 && bytes[line_start - 1] != b'\n' {
        return false;
    }
    let before = &bytes[line_start..digit];
    let run = leading(&bytes[digit..], 4, u8::is_ascii_digit);
    let word = digit + run + 2;
    let delimiter = bytes.get(digit + run).copied().unwrap_or(0);
    if run > 3
        || !matches!(delimiter, b'.' | b')')
        || !matches!(bytes.get(digit + run + 1), Some(b' ' | b'\t'))
    {
        return false;
    }
    // A list item in Markdown: its indent and delimiter.
    let mut item = None;
    let opens_line = match lines {
        LineNumbers::PlainText => before.iter().all(|&byte| byte == b' ' || byte == b'\t'),
        LineNumbers::Markdown => {
            let indent = leading(before, before.len(), |&byte| byte == b' ');
            let marks = leading(&before[indent..], before.len(), |&byte| byte == b'#');
            let rest = &before[indent + marks..];
            indent <= 3
                && if marks == 0 {
                    let starts_at_one = run == 1 && bytes[digit] == b'1';
                    let mut next_item = false;
                    if let Some(item) = *items
                        && item.indent == indent
                        && item.delimiter == delimiter
                    {
                        next_item = item.end == line_start
                            || item.paragraph && continues_paragraph(&bytes[item.end..line_start]);
                        // A line between that goes on with no paragraph stands between the
                        // item and every later number too: it is read once.
                        if !next_item {
                            *items = None;
                        }
                    }
                    item = Some((indent, delimiter));
                    rest.is_empty() && (line_start == 0 || starts_at_one || next_item)
                } else {
                    marks <= 6
                        && !rest.is_empty()
                        && rest.iter().all(|&byte| byte == b' ' || byte == b'\t')
                }
        }
    };
    if !opens_line {
        return false;
    }
    // A list item's marker is the parser's, whatever follows it on its line, as long as
    // something does (an empty item interrupts no paragraph). Otherwise the next word:
    // ASCII letters, no month, in a run the tokenizer reads as it stands. Every month and
    // abbreviation has three letters or more, and a word shorter than that ends at an ASCII
    // byte.
    let content = word - 1 + leading(&bytes[word - 1..], 5, |&byte| byte == b' ' || byte == b'\t');
    let marker = item.is_some()
        && bytes
            .get(content)
            .is_some_and(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
    if !marker && may_be_skipped(&bytes[word..whitespace_run_end(bytes, word)]) {
        return false;
    }
    let letters = leading(&bytes[word..], 3, u8::is_ascii_alphabetic);
    let names = marker
        || match letters {
            0 => false,
            3 => !lexicon::month_prefix([
                bytes[word].to_ascii_lowercase(),
                bytes[word + 1].to_ascii_lowercase(),
                bytes[word + 2].to_ascii_lowercase(),
            ]),
            _ => bytes.get(word + letters).is_none_or(u8::is_ascii),
        };
    if names && let Some((indent, delimiter)) = item {
        let line_end = memchr::memchr(b'\n', &bytes[digit..])
            .map_or(bytes.len(), |newline| digit + newline + 1);
        *items = Some(ListItem {
            end: line_end,
            indent,
            delimiter,
            // One to four spaces (no tab, whose width depends on the column), then a letter:
            // the item opens with a paragraph.
            paragraph: content - (word - 1) <= 4
                && bytes[word - 1..content].iter().all(|&byte| byte == b' ')
                && bytes.get(content).is_some_and(u8::is_ascii_alphabetic),
        });
    }
    names
}

/// A list item that `numbers_a_line` found: where its first line ends, its indent and
/// delimiter, and whether it opens with a paragraph.
#[derive(Clone, Copy)]
struct ListItem {
    end: usize,
    indent: usize,
    delimiter: u8,
    paragraph: bool,
}

/// Whether every line of `lines` (whole lines) goes on the paragraph before it: its first
/// byte after spaces and tabs is an ASCII letter, which opens no block of its own. Lines after
/// a list item's paragraph that go on with it keep the item open, indented or not (lazily):
/// the next number with the item's indent and delimiter is the next item of its list.
fn continues_paragraph(lines: &[u8]) -> bool {
    memchr::memchr(b'\r', lines).is_none()
        && lines.split_inclusive(|&byte| byte == b'\n').all(|line| {
            line.iter()
                .find(|&&byte| byte != b' ' && byte != b'\t')
                .is_some_and(u8::is_ascii_alphabetic)
        })
}

/// The bytes a URL goes on with, as far as the raw-text filter follows one: ASCII letters and
/// digits and the punctuation of paths and queries that is no Markdown markup (no `_`, `*`,
/// `~`, `` ` ``, brackets, parentheses, angle brackets, quotes or backslash), so that neither
/// parsing nor masking can part it.
const URL_BYTES: [bool; 256] = {
    let mut url = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        url[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let punctuation = b"./-?=%#+:,;!$@&";
    let mut at = 0;
    while at < punctuation.len() {
        url[punctuation[at] as usize] = true;
        at += 1;
    }
    url
};

/// When the digit at `digit` belongs to a URL, where the URL (as `URL_BYTES` follow it) ends:
/// a `://` comes before it with nothing in between but `URL_BYTES`. The tokenizer drops
/// everything from a `://` to the next white space, and the masking of Markdown blanks none
/// of these bytes, so no claim starts there.
///
/// `run` remembers the run of `URL_BYTES` the last digit asked about stood in: where it
/// starts, how far it was read, and whether a `://` stands in it so far. A later digit in the
/// same run reads only what came since, so a long run read digit by digit is read once.
fn url_end(bytes: &[u8], digit: usize, run: &mut UrlRun) -> Option<usize> {
    let is_url = |byte: &u8| URL_BYTES[*byte as usize];
    let same_run = run.read <= digit && bytes[run.read..digit].iter().all(is_url) && run.read > 0;
    if !same_run {
        run.start = bytes[..digit]
            .iter()
            .rposition(|byte| !is_url(byte))
            .map_or(0, |before| before + 1);
        run.scheme = false;
        run.read = run.start;
    }
    if !run.scheme {
        // A `://` may straddle what was read and what is new.
        let from = run.read.saturating_sub(2).max(run.start);
        run.scheme = memchr::memmem::find(&bytes[from..digit], b"://").is_some();
    }
    run.read = digit;
    if !run.scheme {
        return None;
    }
    Some(
        bytes[digit..]
            .iter()
            .position(|&byte| !URL_BYTES[byte as usize])
            .map_or(bytes.len(), |end| digit + end),
    )
}

/// What `url_end` remembers of the run of URL bytes it read last.
#[derive(Default)]
struct UrlRun {
    start: usize,
    /// Read up to here (0: nothing read yet).
    read: usize,
    scheme: bool,
}

/// The inline code spans of a chunk of raw Markdown, found in document order as far as they
/// can be told without parsing, for `has_figure` to pass over their digits.
///
/// A backtick run opens a code span that ends at the next run of the same length (CommonMark);
/// this follows that rule only while each span ends on the line it opens on, and only in a
/// chunk without anything that may take a backtick out of the running or part a line in two:
/// `<` (raw HTML, autolinks), `\` (escapes), `|` (table cells), `](` and `]:` (link
/// destinations). Then every block of the chunk, a run of whole lines, pairs its runs as the
/// whole chunk pairs them. At the first run not closed on its own line it stops for good: what
/// follows may be prose to the parser.
struct CodeSpans<'a> {
    bytes: &'a [u8],
    /// Whether the chunk is one this can read, once asked.
    readable: Option<bool>,
    /// Where the next run is looked for.
    from: usize,
    /// The latest code span found (from its opening run to the end of its closing run).
    span: Option<(usize, usize)>,
    stopped: bool,
}

impl<'a> CodeSpans<'a> {
    fn new(bytes: &'a [u8]) -> CodeSpans<'a> {
        CodeSpans {
            bytes,
            readable: None,
            from: 0,
            span: None,
            stopped: false,
        }
    }

    /// The end of the code span that surely holds the byte at `at`; `at` grows from call to
    /// call.
    fn end_of_span_holding(&mut self, at: usize) -> Option<usize> {
        let bytes = self.bytes;
        let readable = *self.readable.get_or_insert_with(|| {
            memchr::memchr3(b'<', b'\\', b'|', bytes).is_none()
                && memchr::memchr_iter(b']', bytes)
                    .all(|close| !matches!(bytes.get(close + 1), Some(b'(' | b':')))
        });
        if !readable {
            return None;
        }
        loop {
            if let Some((start, end)) = self.span {
                if at < start {
                    return None;
                }
                if at < end {
                    return Some(end);
                }
            }
            if self.stopped {
                return None;
            }
            self.span = self.next_span();
            self.stopped = self.span.is_none();
        }
    }

    /// The next code span, if it closes on the line it opens on.
    fn next_span(&mut self) -> Option<(usize, usize)> {
        let bytes = self.bytes;
        let open = self.from + memchr::memchr(b'`', &bytes[self.from..])?;
        let length = backtick_run(bytes, open);
        let mut at = open + length;
        loop {
            match *bytes.get(at)? {
                b'\n' | b'\r' => return None,
                b'`' => {
                    let run = backtick_run(bytes, at);
                    if run == length {
                        self.from = at + run;
                        return Some((open, at + run));
                    }
                    at += run;
                }
                _ => at += 1,
            }
        }
    }
}

/// How many backticks follow each other from `at`.
fn backtick_run(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|&&byte| byte == b'`').count()
}

/// Where the first ASCII digit at or after `from` stands; sixteen bytes compared at a time.
fn next_ascii_digit(bytes: &[u8], from: usize) -> Option<usize> {
    use wide::u8x16;
    let rest = bytes.get(from..)?;
    let mut sixteens = rest.chunks_exact(16);
    for (index, sixteen) in (&mut sixteens).enumerate() {
        let mut lanes = [0; 16];
        lanes.copy_from_slice(sixteen);
        let digits = (u8x16::new(lanes) - u8x16::splat(b'0'))
            .simd_lt(u8x16::splat(10))
            .to_bitmask();
        if digits != 0 {
            return Some(from + index * 16 + digits.trailing_zeros() as usize);
        }
    }
    let tail = rest.len() - sixteens.remainder().len();
    sixteens
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|at| from + tail + at)
}

struct Reader<'a, 'p> {
    block: &'a str,
    tokens: &'a [Token],
    /// The text of each token.
    texts: &'p [&'a str],
    /// The first and last token of each claim of this block, as `claims[first..]`.
    ranges: &'p mut Vec<(usize, usize)>,
    lowered: &'p Lowered<'a>,
    base: usize,
    kind: BlockKind,
    language: Option<Language>,
    sentences: &'a Sentences,
    /// Every claim of the chunk so far; those of this block start at `first`.
    claims: &'p mut Vec<Claim>,
    first: usize,
    problems: &'p mut Vec<NumberProblem>,
    /// The currency `¥` stands for in the sentence last asked about (`resolve_yen`): the
    /// sentence is read once, however many amounts in yen or yuan it holds.
    yen: Option<(Span, Option<&'static str>)>,
}

/// A claim being built; token indices are inclusive.
#[derive(Clone, Debug)]
struct Draft {
    first: usize,
    last: usize,
    value: f64,
    high: Option<f64>,
    bound: Bound,
    only: bool,
    kind: Option<ClaimKind>,
    unit: Option<&'static str>,
    /// The power of ten the unit's prefix gave the value (9 for `GB`).
    unit_exponent: i32,
    unit_carried: bool,
    currency: Option<&'static str>,
    scale: Option<(String, i32)>,
    written: Option<WrittenNumber>,
    date: Option<Date>,
}

impl Draft {
    fn new(first: usize, last: usize, value: f64) -> Draft {
        Draft {
            first,
            last,
            value,
            high: None,
            bound: Bound::Exact,
            only: false,
            kind: None,
            unit: None,
            unit_exponent: 0,
            unit_carried: false,
            currency: None,
            scale: None,
            written: None,
            date: None,
        }
    }
}

impl<'a> Reader<'a, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let next = match self.tokens[i].kind {
                TokenKind::Number => self.at_number(i),
                TokenKind::Word => self.at_word(i),
                TokenKind::Punct => self.at_punct(i),
                TokenKind::Boundary => None,
            };
            i = next.map_or(i + 1, |after| after.max(i + 1));
        }
    }

    // ---- token helpers -------------------------------------------------------------------

    fn text(&self, i: usize) -> &'a str {
        self.texts[i]
    }

    fn is(&self, i: usize, kind: TokenKind) -> bool {
        self.tokens.get(i).is_some_and(|token| token.kind == kind)
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        self.is(i, TokenKind::Punct).then(|| self.text(i))
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.is(i, TokenKind::Word).then(|| self.text(i))
    }

    /// Token `i` lowercased, if it is a word short enough to be one of the grammar.
    #[inline(always)]
    fn lower(&self, i: usize) -> Option<LowerWord<'_>> {
        self.word(i)?;
        self.lowered.word(i)
    }

    /// Whether token `i` (a figure) follows "per" or "pro", or "je" right after an amount
    /// ("3 Dollar je eine Million Token"; "je" before an amount says "each": "je 5 Euro").
    fn after_per(&self, i: usize) -> bool {
        let Some(previous) = i.checked_sub(1) else {
            return false;
        };
        match self.word(previous) {
            Some(word) if word.eq_ignore_ascii_case("per") || word.eq_ignore_ascii_case("pro") => {
                true
            }
            Some(word) if word.eq_ignore_ascii_case("je") => {
                previous > 0 && self.claim_ends_at(previous - 1)
            }
            _ => false,
        }
    }

    /// Whether token `i` (a figure) says how often an amount right before it comes, with
    /// "every" or "alle" before it and a time unit after it ("$20 every two weeks", "50 Euro
    /// alle 5 Jahre": the period of the amount's rate, not a duration). "Renews every 12
    /// months" states a figure of its own, and "alle 200 Mitarbeiter" an amount.
    fn every_so_many(&self, i: usize) -> bool {
        i > 1
            && self.word(i - 1).is_some_and(|word| {
                word.eq_ignore_ascii_case("every") || word.eq_ignore_ascii_case("alle")
            })
            && self
                .lower(i + 1)
                .is_some_and(|unit| lexicon::time_unit(&unit).is_some())
            && self.claim_ends_at(i - 2)
    }

    /// Whether the block's last claim so far ends with token `i`.
    fn claim_ends_at(&self, i: usize) -> bool {
        let end = self.base + self.tokens[i].end as usize;
        self.claims[self.first..]
            .last()
            .is_some_and(|claim| claim.span.end == end)
    }

    /// Token `i` exists and no space separates it from the token before.
    fn attached(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|token| !token.space_before)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentences.of(a) == self.sentences.of(b)
    }

    // ---- entry points --------------------------------------------------------------------

    fn at_number(&mut self, i: usize) -> Option<usize> {
        if self.is_identifier_number(i) {
            return self.skip_identifier(i);
        }
        if let Some(after) = self.try_date_from_number(i) {
            return Some(after);
        }
        let literal_text = self.text(i);
        let literal = match parse_literal(literal_text, self.language) {
            Ok(literal) => literal,
            Err(NotANumber::Version) => return Some(i + 1),
            Err(NotANumber::Date { year, month, day }) => {
                let followed_by_amount = self.amount_word_follows(i + 1);
                if followed_by_amount {
                    self.problem(i, i, NumberProblemKind::DateAsNumber);
                    return Some(i + 2);
                }
                let mut draft = Draft::new(i, i, 0.0);
                draft.kind = Some(ClaimKind::Date);
                draft.date = Some(Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                });
                self.finish(&mut draft);
                return Some(i + 1);
            }
            Err(NotANumber::Malformed { reason, suggestion }) => {
                self.problem(i, i, NumberProblemKind::Malformed { reason, suggestion });
                return Some(i + 1);
            }
        };
        let mut draft = Draft::new(i, i, literal.value);
        draft.written = Some(WrittenNumber {
            span: self.span(i, i),
            grouping: literal.grouping,
            decimal: literal.decimal,
            foreign_style: literal.foreign_style,
            ambiguous: literal.ambiguous,
            literal_value: literal.value,
        });
        // `22, 4 %`: a space after the decimal mark.
        if let Some(after) = self.space_after_decimal_mark(i, &mut draft) {
            return Some(after);
        }
        // Fractions `1/50` and `1 in 5`.
        if self.punct(i + 1) == Some("/")
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.is(i + 2, TokenKind::Number)
        {
            if self.punct(i + 3) == Some("/") && self.attached(i + 3) {
                // Three parts: a date, handled by `try_date_from_number`, or an identifier.
                return Some(i + 5);
            }
            let denominator = parse_literal(self.text(i + 2), self.language).ok()?.value;
            // "24/7" and "50/50" are no fractions of a whole.
            if denominator == 0.0 || literal.decimal.is_some() || literal.value >= denominator {
                return Some(i + 3);
            }
            draft.last = i + 2;
            draft.value = literal.value / denominator;
            draft.kind = Some(ClaimKind::Fraction);
            draft.written = None;
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        // "1 in 5", "9 out of 10".
        if literal.grouping.is_none()
            && literal.decimal.is_none()
            && let Some((denominator, last)) = self.ratio_after(i + 1, literal.value)
        {
            draft.last = last;
            draft.value = literal.value / denominator;
            draft.kind = Some(ClaimKind::Fraction);
            draft.written = None;
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        // Powers of ten: "10^25", "3.8 × 10^25", "3.8e25", "10²⁵".
        if let Some((value, last)) = self.read_exponent(i, literal.value) {
            draft.value = value;
            draft.last = last;
            draft.written = None;
        }
        // Mixed numbers and vulgar fractions: `1½`.
        if let Some(fraction) = self
            .punct(i + 1)
            .filter(|_| self.attached(i + 1))
            .and_then(vulgar_fraction)
        {
            draft.value += fraction;
            draft.last = i + 1;
            draft.written = None;
        }
        self.look_back(&mut draft);
        self.complete_numeric(&mut draft)
    }

    /// A power of ten after the literal at `i`, whose value is `mantissa`: the value and the
    /// last token of "10^25", "3.8 × 10^25", "3.8e25" or "10²⁵".
    fn read_exponent(&self, i: usize, mantissa: f64) -> Option<(f64, usize)> {
        // "3.8e25": the tokenizer reads `e25` as a word glued to the digits.
        if self.attached(i + 1)
            && let Some(exponent) = self.word(i + 1).and_then(exponent_word)
        {
            return Some((times_power_of_ten(mantissa, exponent), i + 1));
        }
        let power_of_ten = |at: usize| -> Option<(i32, usize)> {
            if self.text(at) != "10" || !self.attached(at + 1) {
                return None;
            }
            if self.punct(at + 1) == Some("^")
                && self.attached(at + 2)
                && self.is(at + 2, TokenKind::Number)
            {
                let exponent = self
                    .text(at + 2)
                    .parse()
                    .ok()
                    .filter(|exponent: &i32| *exponent <= 99)?;
                return Some((exponent, at + 2));
            }
            // Superscript digits, one token each.
            let mut exponent = 0;
            let mut last = at;
            while self.attached(last + 1)
                && let Some(digit) = self.punct(last + 1).and_then(superscript_digit)
            {
                exponent = exponent * 10 + digit;
                last += 1;
            }
            (last > at && exponent <= 99).then_some((exponent, last))
        };
        if self.text(i) == "10"
            && let Some((exponent, last)) = power_of_ten(i)
        {
            return Some((times_power_of_ten(1.0, exponent), last));
        }
        if matches!(self.punct(i + 1), Some("×" | "x" | "·" | "*"))
            && self.is(i + 2, TokenKind::Number)
            && let Some((exponent, last)) = power_of_ten(i + 2)
        {
            return Some((times_power_of_ten(mantissa, exponent), last));
        }
        None
    }

    fn at_word(&mut self, i: usize) -> Option<usize> {
        let text = self.text(i);
        // Every claim that starts at a word starts at a month (capitalised), a number,
        // fraction or multiplier word, or "every"/"jeder": most words, capitalised or not,
        // are passed over on their first three letters.
        // (A word whose first three bytes are not ASCII letters is looked at.)
        if let Some(head) = lexicon::ascii_head(text) {
            let may_start = lexicon::number_word_prefix(head)
                || text.as_bytes()[0].is_ascii_uppercase() && lexicon::month_prefix(head)
                || matches!(&head, b"jed" | b"eve");
            if !may_start {
                return None;
            }
        } else if text.len() <= 2 && !lexicon::short_word_may_start_claim(text) {
            // Of the words of one or two ASCII letters or digits ("of", "in", "Q3"), only the
            // articles "a" and "an" start claims ("a third", "a million").
            return None;
        }
        let lower = LowerWord::new(text)?;
        if let Some(after) = self.try_date_from_month(i) {
            return Some(after);
        }
        // "null" and "elf" are German numbers, and English words ("returns null").
        if matches!(lower.as_str(), "null" | "elf") && self.language != Some(Language::German) {
            return None;
        }
        if self.is_english_name(i) {
            return None;
        }
        // "two double values", "a double win": after a number or an article, "double" and
        // "triple" are adjectives, not multiples.
        let adjective = matches!(lower.as_str(), "double" | "triple" | "quadruple")
            && i > 0
            && (self.is(i - 1, TokenKind::Number)
                || self.lower(i - 1).is_some_and(|before| {
                    matches!(before.as_str(), "a" | "an") || lexicon::number_word(&before).is_some()
                }));
        if !adjective && let Some(value) = lexicon::multiplier_word(&lower, self.language) {
            let mut draft = Draft::new(i, i, value);
            draft.kind = Some(ClaimKind::Multiplier);
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        if let Some(stem) = lower.strip_suffix("mal")
            && let Some(word) =
                lexicon::number_word(stem).filter(|word| !word.article_like && word.value >= 2.0)
        {
            // `zehnmal` ten times.
            let mut draft = Draft::new(i, i, word.value);
            draft.kind = Some(ClaimKind::Multiplier);
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        // "half", "die Hälfte"
        // "jeder zehnte Deutsche", "every fifth user": one in so many, but not "every second"
        // on its own.
        if matches!(
            lower.as_str(),
            "jeder" | "jede" | "jedes" | "jedem" | "jeden" | "every"
        ) && (lower != "every" || self.noun_at(i + 2))
            && let Some(next) = self.lower(i + 1)
            && let Some(denominator) = if lower == "every" {
                lexicon::fraction_denominator(&next).or((next == "second").then_some(2))
            } else {
                lexicon::german_ordinal(&next)
            }
        {
            let mut draft = Draft::new(i, i + 1, 1.0 / f64::from(denominator));
            draft.kind = Some(ClaimKind::Fraction);
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        // "half a million", "eine halbe Milliarde".
        let scale_at = match lower.as_str() {
            "half" if matches!(self.lower(i + 1).as_deref(), Some("a" | "an")) => Some(i + 2),
            "halbe" | "halben" => Some(i + 1),
            _ => None,
        };
        if let Some(at) = scale_at
            && let Some(scale_word) = self.word(at)
            && with_lower(scale_word, |lower| {
                lexicon::scale_word(scale_word, lower, self.language)
            })
            .is_some_and(|scale| !scale.attached_only)
        {
            let first = if i > 0
                && matches!(
                    self.lower(i - 1).as_deref(),
                    Some("eine" | "einer" | "einen" | "einem")
                ) {
                i - 1
            } else {
                i
            };
            let mut draft = Draft::new(first, at - 1, 0.5);
            self.look_back(&mut draft);
            return self.complete_numeric(&mut draft);
        }
        if matches!(lower.as_str(), "half" | "hälfte") {
            // "the second half of 2024", "die andere Hälfte": a part of a year or of a
            // whole, not a share.
            let which_half = i > 0
                && self.lower(i - 1).is_some_and(|before| {
                    matches!(
                        before.as_str(),
                        "first"
                            | "second"
                            | "other"
                            | "latter"
                            | "former"
                            | "back"
                            | "front"
                            | "top"
                            | "bottom"
                            | "upper"
                            | "lower"
                            | "erste"
                            | "ersten"
                            | "zweite"
                            | "zweiten"
                            | "andere"
                            | "anderen"
                            | "letzte"
                            | "letzten"
                            | "vordere"
                            | "vorderen"
                            | "hintere"
                            | "hinteren"
                            | "obere"
                            | "oberen"
                            | "untere"
                            | "unteren"
                    )
                });
            // "and half had no plans", "fell by half": half of those just named.
            let half_alone = lower == "half"
                && (i > 0 && self.lower(i - 1).as_deref() == Some("by")
                    || self
                        .lower(i + 1)
                        .is_some_and(|next| lexicon::is_verb_after_share(&next))
                        // Not "the receiver half is": half of a thing just named.
                        && (i == 0 || self.word(i - 1).is_none() || !self.noun_at(i - 1)));
            if which_half {
                return None;
            }
            if lower == "half"
                && (self.lower(i + 1).as_deref() == Some("of")
                    || self.lower(i + 1).as_deref() == Some("the"))
                || lower == "hälfte"
                || half_alone
            {
                let first = if i > 0
                    && matches!(
                        self.lower(i - 1).as_deref(),
                        Some("a" | "one" | "die" | "der" | "zur" | "eine")
                    ) {
                    i - 1
                } else {
                    i
                };
                let mut draft = Draft::new(first, i, 0.5);
                draft.kind = Some(ClaimKind::Fraction);
                self.look_back(&mut draft);
                return Some(self.finish(&mut draft));
            }
            return None;
        }
        let Some(number_word) = lexicon::number_word(&lower) else {
            return self.number_compound(i, &lower);
        };
        // "0,2 Cent pro tausend Token", "$3 per one thousand words": how many the amount is
        // per (the claim's `per`), not an amount of its own, as with digits.
        if self.after_per(i) || self.every_so_many(i) {
            return None;
        }
        // German number words are lowercase; a capitalised one mid-sentence is a noun ("Elf").
        if self.language == Some(Language::German)
            && text.starts_with(|c: char| c.is_uppercase())
            && !self.sentences.starts_sentence(i)
            && !number_word.article_like
        {
            return None;
        }
        // "a third", and "A third" where a sentence starts (elsewhere "A" names a series, a
        // grade or a plan).
        if text.len() == 1 && text != "a" && !(text == "A" && self.sentences.starts_sentence(i)) {
            return None;
        }
        let next_lower = self.lower(i + 1);
        if number_word.article_like {
            // "a million", "eine Milliarde", "a third", "ein Drittel", "one in five".
            let next_word = self.word(i + 1)?;
            let next_lower = next_lower?;
            // "a million", "eine Mio.", but not "a Mn" (manganese) or "a bn": an abbreviation
            // of two letters counts only after digits.
            let is_scale = next_word.len() >= 3
                && lexicon::scale_word(next_word, &next_lower, self.language)
                    .is_some_and(|scale| !scale.attached_only);
            let is_fraction = lexicon::fraction_denominator(&next_lower).is_some()
                && !matches!(
                    next_lower.as_str(),
                    "second" | "fourth" | "quarter" | "half"
                )
                && !(matches!(lower.as_str(), "a" | "an")
                    && lexicon::is_english_ordinal(&next_lower)
                    && !self.fraction_goes_on(i + 2))
                || (next_lower == "quarter" && self.lower(i + 2).as_deref() == Some("of"))
                || next_lower == "half" && lower != "a" && lower != "an";
            let is_hundred = matches!(
                next_lower.as_str(),
                "hundred" | "dozen" | "hundert" | "dutzend"
            );
            let is_one_in = lower == "one" && self.ratio_after(i + 1, 1.0).is_some();
            if !(is_scale || is_fraction || is_hundred || is_one_in) {
                return None;
            }
        } else if matches!(lower.as_str(), "hundred") {
            return None;
        }
        let mut draft = Draft::new(i, i, number_word.value);
        // "twenty five", "one hundred", "zwei Drittel".
        let mut j = i + 1;
        if let Some(unit) = self
            .number_word_value(j)
            .filter(|value| *value >= 1.0 && *value <= 9.0)
            && draft.value >= 20.0
            && draft.value < 100.0
            && draft.value % 10.0 == 0.0
        {
            draft.value += unit;
            draft.last = j;
            j += 1;
        }
        if matches!(self.lower(j).as_deref(), Some("hundred" | "hundert")) {
            draft.value *= 100.0;
            draft.last = j;
            j += 1;
        }
        // "a dozen", "zwei Dutzend".
        if matches!(self.lower(j).as_deref(), Some("dozen" | "dutzend")) {
            draft.value *= 12.0;
            draft.last = j;
            j += 1;
        }
        if let Some(denominator) = self
            .lower(j)
            .as_deref()
            .and_then(lexicon::fraction_denominator)
            && self.lower(j).as_deref() != Some("second")
        {
            draft.value /= f64::from(denominator);
            draft.last = j;
            draft.kind = Some(ClaimKind::Fraction);
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        if let Some((denominator, last)) = self.ratio_after(j, draft.value) {
            draft.value /= denominator;
            draft.last = last;
            draft.kind = Some(ClaimKind::Fraction);
            self.look_back(&mut draft);
            return Some(self.finish(&mut draft));
        }
        self.look_back(&mut draft);
        self.complete_numeric(&mut draft)
    }

    /// "in five", "out of ten", "von zehn" after a count smaller than the whole: the
    /// denominator and the last token of "one in five", "9 out of 10", "drei von vier".
    fn ratio_after(&self, j: usize, numerator: f64) -> Option<(f64, usize)> {
        let at = match self.lower(j).as_deref() {
            Some("in") => j + 1,
            Some("out") if self.lower(j + 1).as_deref() == Some("of") => j + 2,
            Some("von") if self.language == Some(Language::German) => j + 1,
            _ => return None,
        };
        let denominator = if self.is(at, TokenKind::Number) {
            let text = self.text(at);
            if text.len() > 4 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
                return None;
            }
            text.parse().ok()?
        } else {
            self.number_word_value(at)?
        };
        // "von zehn bis zwanzig" is a range; "1 in 2024" a date; "5 in 1,000 million" a scale.
        let after = self.lower(at + 1);
        if numerator >= denominator
            || denominator > 1000.0
            || matches!(after.as_deref(), Some("bis" | "to"))
            || self.word(at + 1).is_some_and(|word| {
                lexicon::scale_word(word, after.as_deref().unwrap_or_default(), self.language)
                    .is_some()
            })
        {
            return None;
        }
        Some((denominator, at))
    }

    /// A number word joined to what it counts by a hyphen: "five-year", "ten-fold",
    /// "two-thirds".
    fn number_compound(&mut self, i: usize, lower: &str) -> Option<usize> {
        let (head, tail) = lower.split_once('-')?;
        let number = lexicon::number_word(head)?;
        let mut draft = Draft::new(i, i, number.value);
        if let Some(unit) = lexicon::time_unit(tail).filter(|_| !number.article_like) {
            draft.kind = Some(ClaimKind::Duration);
            draft.unit = Some(unit);
        } else if lexicon::multiplier_suffix(tail) && !number.article_like {
            draft.kind = Some(ClaimKind::Multiplier);
        } else if let Some(denominator) = lexicon::fraction_denominator(tail) {
            draft.value /= f64::from(denominator);
            draft.kind = Some(ClaimKind::Fraction);
        } else {
            return None;
        }
        self.look_back(&mut draft);
        Some(self.finish(&mut draft))
    }

    fn at_punct(&mut self, i: usize) -> Option<usize> {
        let fraction = vulgar_fraction(self.text(i))?;
        let mut draft = Draft::new(i, i, fraction);
        draft.kind = Some(ClaimKind::Fraction);
        self.look_back(&mut draft);
        Some(self.finish(&mut draft))
    }

    /// Whether token `i`, after "a third" (or another English ordinal), reads it as a share:
    /// "a third of", "by a third.", "a third more", "a third said"; not before a noun it
    /// numbers: "a third method", "a third party". Nothing after, punctuation, a number, "of",
    /// a comparative, a verb or an adverb of the few that follow a share.
    fn fraction_goes_on(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return true;
        };
        match token.kind {
            TokenKind::Word => self
                .lower(i)
                .is_some_and(|lower| lexicon::follows_a_share(&lower)),
            TokenKind::Number | TokenKind::Punct | TokenKind::Boundary => true,
        }
    }

    /// Whether the word at `i` is capitalised inside an English sentence between lowercase
    /// words, as a name is: "the Double type", "The Double type holds", "uses Five Guys
    /// burgers" (not "Revenue Doubled in 2024", a title, where a function word follows).
    fn is_english_name(&self, i: usize) -> bool {
        let starts_lowercase = |word: &str| word.starts_with(|c: char| c.is_lowercase());
        self.language == Some(Language::English)
            && self.text(i).starts_with(|c: char| c.is_uppercase())
            && i > 0
            && !self.sentences.starts_sentence(i)
            && self.word(i - 1).is_some_and(|before| {
                starts_lowercase(before) || self.sentences.starts_sentence(i - 1)
            })
            && self.word(i + 1).is_some_and(|after| {
                starts_lowercase(after)
                    && self.tokens[i + 1].space_before
                    && self
                        .lower(i + 1)
                        .is_none_or(|lower| !lexicon::is_function_word(&lower))
            })
    }

    fn number_word_value(&self, i: usize) -> Option<f64> {
        let lower = self.lower(i)?;
        lexicon::number_word(&lower)
            .filter(|word| !word.article_like)
            .map(|word| word.value)
    }

    // ---- not claims ----------------------------------------------------------------------

    /// Numbers that name things rather than state amounts: "Section 3", "EIP-1559",
    /// "v1.2", list and heading numbers, times of day, ordinals.
    fn is_identifier_number(&self, i: usize) -> bool {
        let token = self.tokens[i];
        // After a reference noun: "Section 3", "Seite 12", "Nr. 5".
        if i > 0 {
            let previous = i - 1;
            // "the enterprise tier 12,000 EUR" is an amount all the same. "The top 10" ranks,
            // "the top 1%" and "the top 5 GPUs" state amounts.
            if let Some(lower) = self.lower(previous)
                && (lexicon::is_reference_noun(&lower)
                    || lower.as_str() == "top" && self.unit_at(i + 1).is_none())
                && !self.amount_word_follows(i + 1)
            {
                return true;
            }
            // "$0.60 per 1M output tokens", "12 Fälle pro 100.000 Einwohner": what an amount
            // is per (the claim's `per`), not an amount of its own.
            if self.after_per(i) || self.every_so_many(i) {
                return true;
            }
            if previous > 0
                && self.punct(previous) == Some(".")
                && self.attached(previous)
                && let Some(lower) = self.lower(previous - 1)
                && lexicon::is_reference_noun(&format!("{lower}."))
            {
                return true;
            }
            if self.in_reference_list(i) || self.is_tuple(i) {
                return true;
            }
            if self.names_a_model(i) || self.is_score(i) {
                return true;
            }
            // Glued to a word by `-`, `.`, `_` or `/`: "GPT-4", "v1.2", "x_1".
            if !token.space_before
                && matches!(
                    self.punct(previous),
                    Some("-" | "." | "_" | "/" | "#" | "№" | "§" | "v" | "+")
                )
                && (previous == 0
                    || self.attached(previous)
                    || matches!(self.punct(previous), Some("#" | "№" | "§")))
                && (previous == 0
                    || !matches!(self.tokens[previous - 1].kind, TokenKind::Number)
                    || self.punct(previous) != Some("-"))
            {
                if matches!(self.punct(previous), Some("#" | "№" | "§")) {
                    return true;
                }
                if previous > 0 && self.is(previous - 1, TokenKind::Word) {
                    return true;
                }
                // "C++14".
                if self.punct(previous) == Some("+")
                    && previous > 1
                    && self.punct(previous - 1) == Some("+")
                    && self.is(previous - 2, TokenKind::Word)
                {
                    return true;
                }
            }
        }
        // "10:30", "16:9".
        if self.punct(i + 1) == Some(":")
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.is(i + 2, TokenKind::Number)
        {
            return true;
        }
        if self.language == Some(Language::German) && self.is_german_ordinal(i) {
            return true;
        }
        // Heading and list numbers: "3. Results", "1) First", also at the start of a line of
        // plain text.
        if matches!(self.punct(i + 1), Some("." | ")"))
            && self.attached(i + 1)
            && (i == 0 || self.starts_line(i))
            && matches!(
                self.kind,
                BlockKind::Heading | BlockKind::Line | BlockKind::ListItem | BlockKind::Paragraph
            )
            && self.tokens.get(i + 2).is_some_and(|next| next.space_before)
            && self
                .lower(i + 2)
                .is_none_or(|word| lexicon::month(&word).is_none())
            && self.text(i).len() <= 3
        {
            return true;
        }
        // Numbered sections: "## 3.1 Results", but not a year ("## 2018 Annual Report").
        if i == 0
            && self.kind == BlockKind::Heading
            && self
                .text(i)
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.')
            && !(self.text(i).len() == 4
                && self
                    .text(i)
                    .parse::<i32>()
                    .is_ok_and(|year| (1950..=2100).contains(&year)))
            && self.is(i + 1, TokenKind::Word)
            && self.tokens[i + 1].space_before
            && self
                .word(i + 1)
                .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()))
        {
            return true;
        }
        // Footnote and citation marks, enumerations: "last year.[1]", "the client (1) that".
        if i > 0
            && self.text(i).len() <= 3
            && self.attached(i)
            && self.attached(i + 1)
            && matches!(
                (self.punct(i - 1), self.punct(i + 1)),
                (Some("["), Some("]")) | (Some("("), Some(")"))
            )
        {
            return true;
        }
        // The short end of a span of years: "2024-25", "2024/25".
        if i > 1
            && self.text(i).len() == 2
            && self.attached(i)
            && matches!(self.punct(i - 1), Some("-" | "–" | "/"))
            && self.attached(i - 1)
            && self.is(i - 2, TokenKind::Number)
            && self.text(i - 2).len() == 4
            && self.text(i - 2).starts_with(['1', '2'])
        {
            return true;
        }
        // A Markdown footnote reference the parser did not resolve: "[^1]".
        if i > 1
            && self.attached(i)
            && self.punct(i - 1) == Some("^")
            && self.punct(i - 2) == Some("[")
            && self.punct(i + 1) == Some("]")
        {
            return true;
        }
        if self.is_model_size(i)
            || self.is_model_version(i)
            || self.is_release_number(i)
            || self.is_version_series(i)
            || self.is_index_name(i)
            || self.is_time_of_day(i)
        {
            return true;
        }
        // Decades: "the 1990s".
        if self.attached(i + 1) && self.word(i + 1) == Some("s") && self.text(i).len() == 4 {
            return true;
        }
        // Digits glued to letters that are no known suffix: "3D", "5G", "1080p"; the
        // resolutions "4K", "8k" (one digit: "2.7K" or "32K" is thousands). Money or a
        // counted noun makes them an amount ("$4K", "4k users").
        if self.attached(i + 1)
            && let Some(word) = self.word(i + 1)
        {
            let resolution = matches!(word, "K" | "k")
                && self.text(i).len() == 1
                && !self.currency_after(i + 2)
                && !self.counted_after(i + 2)
                && !(i > 0
                    && self
                        .punct(i - 1)
                        .is_some_and(|punct| lexicon::currency_symbol(punct).is_some()));
            return resolution || !self.is_known_attached_word(word);
        }
        false
    }

    /// A model size: "70B", "7b", unless money or a counted unit makes the `B` a scale
    /// ("$5B", "671B parameters").
    fn is_model_size(&self, i: usize) -> bool {
        self.attached(i + 1)
            && matches!(self.word(i + 1), Some("B" | "b"))
            && !(i > 0
                && self
                    .punct(i - 1)
                    .is_some_and(|punct| lexicon::currency_symbol(punct).is_some()))
            && !self.currency_after(i + 2)
            && !self.counted_after(i + 2)
    }

    /// A version after a product name: "Llama 3.1", "Claude 3 Opus", "Gemini 2.5 Pro",
    /// "Llama 3 70B". The number is short, the word before is a capitalised name that is no
    /// word of the number grammar, and nothing after it makes it an amount.
    fn is_model_version(&self, i: usize) -> bool {
        let text = self.text(i);
        let (integer, fraction) = match text.bytes().position(|byte| byte == b'.') {
            Some(dot) => (&text[..dot], &text[dot + 1..]),
            None => (text, ""),
        };
        let short = !integer.is_empty()
            && integer.len() <= 2
            && fraction.len() <= 2
            && text
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.');
        if !short || i == 0 || !self.tokens[i].space_before {
            return false;
        }
        let Some(name) = self.word(i - 1) else {
            return false;
        };
        let mut buffer = [0u8; 48];
        let Some(lower) = lexicon::lowercase_into(name, &mut buffer) else {
            return false;
        };
        // A name is capitalised, or has a capital inside ("macOS", "iOS", "npm" has none).
        let named = name.starts_with(|c: char| c.is_uppercase()) || capital_inside(name);
        if !named || is_grammar_word(name, lower, &[self.language]) {
            return false;
        }
        // A capitalised word opening the sentence may be any word ("Today 40 engineers …"):
        // only a decimal or a name with two capitals ("OpenAI", "GPT") reads as a version.
        let capitals = name.chars().filter(|c| c.is_uppercase()).count();
        if self.sentences.starts_sentence(i - 1) && fraction.is_empty() && capitals < 2 {
            return false;
        }
        let next = i + 1;
        // Punctuation glued to the version ends it ("Llama 3.1, Qwen 2.5"); a word or
        // number glued to it makes something else ("3D", "2.5x").
        if self.amount_word_follows(next)
            || self.unit_follows(next)
            || self.attached(next) && !self.is(next, TokenKind::Punct)
        {
            return false;
        }
        match self.tokens.get(next).map(|token| token.kind) {
            None | Some(TokenKind::Boundary) => true,
            // "Llama 3.1, Qwen 2.5." but not "26. Januar" or "3.000".
            Some(TokenKind::Punct) => {
                matches!(
                    self.punct(next),
                    Some("," | "." | ";" | ":" | ")" | "]" | "!" | "?")
                ) && !(self.punct(next) == Some(".")
                    && self
                        .tokens
                        .get(next + 1)
                        .is_some_and(|after| !after.space_before))
                    && self.month_at(next + 1).is_none()
            }
            // "Llama 3 70B".
            Some(TokenKind::Number) => self.is_model_size(next),
            Some(TokenKind::Word) => {
                let following = self.text(next);
                let mut buffer = [0u8; 48];
                let following_lower =
                    lexicon::lowercase_into(following, &mut buffer).unwrap_or_default();
                let capitalised = following.starts_with(|c: char| c.is_uppercase());
                // In English a bare figure after a name and before a verb is a version
                // ("Rust 1.85 shipped", "Llama 3 beats"); German capitalises every noun, so
                // "China 100 Fabriken" stays a count.
                lexicon::is_function_word(following_lower) && !capitalised
                    || is_model_tier(following_lower)
                    || self.language == Some(Language::English)
                        && !lexicon::multiplier_suffix(following_lower)
            }
        }
    }

    /// Numbers joined by commas that no English grouping explains, glued into brackets in an
    /// English text: a tuple or an index ("k_(4,12)", "{-1,1}", "max(16,64)"), no decimal.
    /// "(1,000)" is a figure in brackets.
    fn is_tuple(&self, i: usize) -> bool {
        let text = self.text(i);
        if self.language != Some(Language::English) || !text.as_bytes().contains(&b',') {
            return false;
        }
        let mut parts = text.split(',');
        let _ = parts.next();
        let ungrouped = parts.any(|part| part.len() != 3);
        // "101,489.08" is an English figure: only digits and commas make a tuple.
        let digits_and_commas = text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b',');
        if !digits_and_commas || !ungrouped {
            return false;
        }
        let opens = |k: usize| matches!(self.punct(k), Some("(" | "[" | "{"));
        let closes = |k: usize| matches!(self.punct(k), Some(")" | "]" | "}"));
        let first = if i > 0 && self.punct(i - 1) == Some("-") && self.attached(i) {
            i - 1
        } else {
            i
        };
        let glued_open = first > 0 && self.attached(first) && opens(first - 1);
        let glued_close = self.attached(i + 1) && closes(i + 1);
        glued_open || glued_close
    }

    /// A number in a list that a reference noun opens: "EIPs 1153, 4788 and 6780",
    /// "Chapters 6 and 19", "Seiten 4, 5 und 9". Looks back over at most 16 items.
    fn in_reference_list(&self, i: usize) -> bool {
        // Where the separator before token `at` starts (",", a conjunction, or ", and"), if
        // one stands there. Most numbers follow none: ruled out before anything else.
        let separator_before = |at: usize| {
            let mut before = at;
            if before > 0
                && self
                    .lower(before - 1)
                    .is_some_and(|word| matches!(word.as_str(), "and" | "or" | "und" | "oder"))
            {
                before -= 1;
            }
            if before > 0 && self.punct(before - 1) == Some(",") {
                before -= 1;
            }
            (before != at && before > 0).then_some(before)
        };
        let Some(mut before) = separator_before(i) else {
            return false;
        };
        // Only plain numbers, before no noun that they may count ("Table 1, 2,000 rows",
        // "version 56 and 3 additional elements" hold figures): the list ends in punctuation,
        // a function word or a name.
        let plain = |at: usize| self.text(at).bytes().all(|byte| byte.is_ascii_digit());
        let ends_list = self.word(i + 1).is_none_or(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                || with_lower(word, lexicon::is_function_word)
        });
        if !plain(i) || !ends_list {
            return false;
        }
        for _ in 0..16 {
            let at = before - 1;
            if !self.is(at, TokenKind::Number) || !plain(at) {
                return false;
            }
            if at > 0
                && self
                    .lower(at - 1)
                    .is_some_and(|word| lexicon::is_reference_noun(&word))
            {
                return true;
            }
            match separator_before(at) {
                Some(next) => before = next,
                None => return false,
            }
        }
        false
    }

    /// A German ordinal after an article or a preposition joined with one: "im 2. Quartal",
    /// "auf dem 3. Platz", "zum 5. Mal" (not "stieg auf 5. Danach …", a sentence's end; nor
    /// "am 3. Mai", a date).
    #[inline(never)]
    fn is_german_ordinal(&self, i: usize) -> bool {
        i > 0
            && self.text(i).len() <= 3
            && self.punct(i + 1) == Some(".")
            && self.attached(i + 1)
            && self.tokens.get(i + 2).is_some_and(|next| {
                next.space_before
                    && next.kind == TokenKind::Word
                    && next.text(self.block).starts_with(char::is_uppercase)
            })
            && self
                .lower(i + 2)
                .is_some_and(|word| lexicon::month(&word).is_none())
            && self
                .lower(i - 1)
                .is_some_and(|word| lexicon::leads_german_ordinal(&word))
    }

    /// A series of versions, its later parts a placeholder: "Prometheus 3.x", "1.N releases",
    /// "2.x.y".
    fn is_version_series(&self, i: usize) -> bool {
        self.punct(i + 1) == Some(".")
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self
                .word(i + 2)
                .is_some_and(|word| matches!(word, "x" | "X" | "N" | "n" | "y" | "Y"))
    }

    /// A version before a word that says so: "the 1.56 release", "1.0 stable", "0.3 beta";
    /// or after a release stage or step and a preposition: "beta in 1.31", "removed in
    /// 1.22", "update from 1.82".
    fn is_release_number(&self, i: usize) -> bool {
        let text = self.text(i);
        if !text.as_bytes().contains(&b'.') || text.len() > 5 {
            return false;
        }
        let after_stage = i >= 2
            && self.lower(i - 1).is_some_and(|word| {
                matches!(word.as_str(), "in" | "from" | "since" | "to" | "until")
            })
            && self.lower(i - 2).is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "alpha"
                        | "beta"
                        | "ga"
                        | "stable"
                        | "released"
                        | "shipped"
                        | "introduced"
                        | "added"
                        | "removed"
                        | "deprecated"
                        | "promoted"
                        | "graduated"
                        | "stabilized"
                        | "stabilised"
                        | "update"
                        | "updated"
                        | "upgrade"
                        | "upgraded"
                        | "upgrades"
                        | "downgrade"
                        | "downgraded"
                        | "landed"
                        | "enabled"
                        | "disabled"
                )
            })
            && !self.amount_word_follows(i + 1)
            && !self.unit_follows(i + 1);
        after_stage
            || self.lower(i + 1).is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "release"
                        | "releases"
                        | "version"
                        | "beta"
                        | "nightly"
                        | "stable"
                        | "cycle"
                        | "update"
                        | "branch"
                        | "series"
                        | "line"
                        | "preview"
                        | "patch"
                        | "milestone"
                )
            })
    }

    /// A stock index: "S&P 500", "FTSE 100", "DAX 40", unless an amount follows ("the
    /// Nasdaq 100 fell 3 %" has one claim, "the DAX 2,5 %" another).
    fn is_index_name(&self, i: usize) -> bool {
        if i == 0 || !self.tokens[i].space_before || self.amount_word_follows(i + 1) {
            return false;
        }
        let text = self.text(i);
        if text.len() > 4 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
            return false;
        }
        let s_and_p = self.word(i - 1) == Some("P")
            && i >= 3
            && self.punct(i - 2) == Some("&")
            && self.word(i - 3) == Some("S");
        s_and_p
            || self.word(i - 1).is_some_and(|word| {
                word.starts_with(|c: char| c.is_uppercase())
                    && with_lower(word, lexicon::is_stock_index)
            })
    }

    /// "10 Uhr", "3 pm", "10 a.m.": a time of day.
    fn is_time_of_day(&self, i: usize) -> bool {
        let text = self.text(i);
        if text.len() > 2 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
            return false;
        }
        match self.lower(i + 1).as_deref() {
            Some("uhr" | "pm") => true,
            Some("am") => self.language == Some(Language::English),
            Some("a" | "p") => {
                self.punct(i + 2) == Some(".") && self.lower(i + 3).as_deref() == Some("m")
            }
            _ => false,
        }
    }

    /// Whether token `i` is the first on its line.
    fn starts_line(&self, i: usize) -> bool {
        let start = self.tokens[i].start as usize;
        let before = if i == 0 {
            0
        } else {
            self.tokens[i - 1].end as usize
        };
        self.block.as_bytes()[before..start].contains(&b'\n')
    }

    fn is_known_attached_word(&self, word: &str) -> bool {
        // "$300bn-plus": a scale word with "-plus".
        let word = word.strip_suffix("-plus").unwrap_or(word);
        if exponent_word(word).is_some() {
            return true;
        }
        // "128K-token": a scale opening a compound with a unit (`read_scaled_compound`).
        if self.scaled_compound(word).is_some() {
            return true;
        }
        with_lower(word, |lower| {
            lexicon::scale_word(word, lower, self.language).is_some()
                || lexicon::multiplier_suffix(lower)
                || lexicon::is_ordinal_suffix(lower)
                || lexicon::percent_word(lower).is_some()
                || lexicon::currency_word(lower).is_some()
                || lexicon::time_unit(lower).is_some()
                || UNITS.lookup(word).is_some()
                || lower.strip_suffix("fach").is_some_and(str::is_empty)
                || matches!(word, "h" | "s" | "ms" | "min" | "d" | "y")
                || matches!(lower, "mal" | "fache" | "fachen")
        })
    }

    fn skip_identifier(&self, i: usize) -> Option<usize> {
        // Skip the glued tail too: "3D", "10:30".
        let mut j = i + 1;
        while j < self.tokens.len()
            && self.attached(j)
            && !matches!(self.punct(j), Some("," | ";" | ")" | "("))
        {
            if self.punct(j) == Some(".")
                && self.tokens.get(j + 1).is_none_or(|next| next.space_before)
            {
                break;
            }
            j += 1;
        }
        Some(j)
    }

    /// An English name and a plain number, within a sentence: "the Boeing 737", "Windows
    /// 11", "the Fortune 500". (Not a month, a weekday or a currency code, not a year ("Summer
    /// 2027", "RustConf 2021" stay dates), and not a figure with a unit, scale or percent
    /// after it or a word glued to it ("Max 30M"); in German every noun is capitalised.)
    fn names_a_model(&self, i: usize) -> bool {
        if self.language != Some(Language::English) || i == 0 {
            return false;
        }
        let previous = i - 1;
        let Some(name) = self.word(previous) else {
            return false;
        };
        let literal = self.text(i);
        name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.len() >= 2
            && self.tokens[i].space_before
            && !self.sentences.starts_sentence(previous)
            && literal.bytes().all(|byte| byte.is_ascii_digit())
            && literal.len() <= 4
            && !(literal.len() == 4 && (literal.starts_with("19") || literal.starts_with("20")))
            && !(self.attached(i + 1) && self.is(i + 1, TokenKind::Word))
            && with_lower(name, |lower| {
                lexicon::month(lower).is_none()
                    && lexicon::month_abbreviation(lower).is_none()
                    && !lexicon::is_weekday(lower)
                    && lexicon::currency_word(lower).is_none()
                    && !lexicon::is_function_word(lower)
                    && !lexicon::hedge_like(lower)
                    && !lexicon::is_period_word(lower)
            })
            && !self.amount_word_follows(i + 1)
            && self.unit_at(i + 1).is_none()
            && !matches!(self.punct(i + 1), Some("%" | "-" | "–" | "/" | ":"))
    }

    /// The two numbers of a score: "a 3-2 win", "ein 2:1-Sieg" is left to the time rule.
    fn is_score(&self, i: usize) -> bool {
        let is_result = |at: usize| {
            self.lower(at).is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "win" | "victory" | "defeat" | "loss" | "draw" | "lead" | "scoreline"
                )
            })
        };
        let joined = |first: usize| {
            self.is(first, TokenKind::Number)
                && matches!(self.punct(first + 1), Some("-" | "–"))
                && self.attached(first + 1)
                && self.attached(first + 2)
                && self.is(first + 2, TokenKind::Number)
                && self.text(first).len() <= 2
                && self.text(first + 2).len() <= 2
                && is_result(first + 3)
        };
        joined(i) || i >= 2 && joined(i - 2)
    }

    fn amount_word_follows(&self, i: usize) -> bool {
        if let Some(punct) = self.punct(i) {
            return punct == "%" || lexicon::currency_symbol(punct).is_some();
        }
        self.lower(i).is_some_and(|lower| {
            lexicon::currency_word(&lower).is_some()
                || lexicon::percent_word(&lower).is_some()
                || lexicon::scale_word(self.text(i), &lower, self.language)
                    .is_some_and(|scale| !scale.attached_only)
        })
    }

    // ---- malformed -----------------------------------------------------------------------

    /// `22, 4 %` in German or `22. 4 %` in English: a space after the decimal mark.
    fn space_after_decimal_mark(&mut self, i: usize, draft: &mut Draft) -> Option<usize> {
        let mark = match self.language {
            Some(Language::German) => ",",
            Some(Language::English) => ".",
            None => return None,
        };
        let integer = self.text(i);
        if self.punct(i + 1) != Some(mark)
            || !self.attached(i + 1)
            || !self.is(i + 2, TokenKind::Number)
            || self.attached(i + 2)
            || integer.len() > 3
            || !integer.bytes().all(|byte| byte.is_ascii_digit())
        {
            return None;
        }
        let fraction = self.text(i + 2);
        if fraction.len() > 2 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        // Only where what follows makes it an amount: a percent sign, a unit or a currency.
        if !self.amount_word_follows(i + 3) {
            return None;
        }
        let language = self.language.unwrap_or(Language::English);
        let intended = number::format_number(integer, fraction, language);
        self.problem(
            i,
            i + 2,
            NumberProblemKind::SpaceAfterDecimalMark { intended },
        );
        draft.value = number::decimal_value(integer, fraction);
        draft.last = i + 2;
        if let Some(written) = &mut draft.written {
            written.span = self.span(i, i + 2);
            written.literal_value = draft.value;
            written.decimal = None;
        }
        self.look_back(draft);
        self.complete_numeric(draft)
    }

    fn problem(&mut self, first: usize, last: usize, kind: NumberProblemKind) {
        let span = self.span(first, last);
        self.problems.push(NumberProblem { span, kind });
    }

    // ---- dates ---------------------------------------------------------------------------

    fn try_date_from_number(&mut self, i: usize) -> Option<usize> {
        let text = self.text(i);
        let digits_only = text.bytes().all(|byte| byte.is_ascii_digit());
        if !digits_only {
            return None;
        }
        // `2025-01-26`, `2025/01/26`
        if text.len() == 4
            && matches!(self.punct(i + 1), Some("-" | "/"))
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.is(i + 2, TokenKind::Number)
            && self.punct(i + 3) == self.punct(i + 1)
            && self.attached(i + 3)
            && self.attached(i + 4)
            && self.is(i + 4, TokenKind::Number)
        {
            let year = text.parse().ok()?;
            let month: u32 = self.text(i + 2).parse().ok()?;
            let day: u32 = self.text(i + 4).parse().ok()?;
            if (1..=12).contains(&month) && (1..=31).contains(&day) {
                return Some(self.date(
                    i,
                    i + 4,
                    Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
            return Some(i + 5);
        }
        // `1/26/2025` (English month first) or `26/1/2025` (day first, where the month would be
        // impossible otherwise).
        if text.len() <= 2
            && self.punct(i + 1) == Some("/")
            && self.attached(i + 2)
            && self.punct(i + 3) == Some("/")
            && self.attached(i + 4)
            && self.is(i + 4, TokenKind::Number)
            && self.text(i + 4).len() == 4
        {
            let first: u32 = text.parse().ok()?;
            let second: u32 = self.text(i + 2).parse().ok()?;
            let year = self.text(i + 4).parse().ok()?;
            let (month, day) = if first > 12 || self.language == Some(Language::German) {
                (second, first)
            } else {
                (first, second)
            };
            if (1..=12).contains(&month) && (1..=31).contains(&day) {
                return Some(self.date(
                    i,
                    i + 4,
                    Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
            return Some(i + 5);
        }
        // `26. Januar 2025`, `26 January 2025`, `26. Januar`.
        if text.len() <= 2 {
            let day: u32 = text.parse().ok()?;
            let month_at = if self.punct(i + 1) == Some(".") && self.attached(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(month) = self.month_at(month_at)
                && (1..=31).contains(&day)
            {
                let mut last = self.month_end(month_at);
                let mut year = None;
                if self.is(last + 1, TokenKind::Number) && self.text(last + 1).len() == 4 {
                    year = self.text(last + 1).parse().ok();
                    last += 1;
                }
                let Some(year) = year else {
                    // A day and month without a year is still a date, but has no ISO form
                    // without a year; it is not reported.
                    return Some(last + 1);
                };
                return Some(self.date(
                    i,
                    last,
                    Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
        }
        // A year after a temporal word: "in 2024", "seit 2019", "im Jahr 2025".
        if text.len() == 4 && !self.attached(i + 1)
            || text.len() == 4 && self.punct(i + 1).is_some()
        {
            let year: i32 = text.parse().ok()?;
            // A block that opens with a year before a name: "2018 Rust Survey results" (the
            // text of a link), "2025 Annual Report".
            let opens_title = i == 0
                && self.language == Some(Language::English)
                && (1950..=2100).contains(&year)
                && self.name_follows(i)
                && !self.amount_word_follows(i + 1)
                && !self.unit_follows(i + 1);
            if opens_title {
                return Some(self.date(
                    i,
                    i,
                    Date {
                        year,
                        month: None,
                        day: None,
                    },
                ));
            }
            if (1800..=2100).contains(&year)
                && (i > 0 || self.year_before_verb(i, year))
                && !self.amount_word_follows(i + 1)
                && !self.unit_follows(i + 1)
            {
                let previous = match i.checked_sub(1) {
                    Some(before) => self.lower(before).unwrap_or_default(),
                    // The block opens with a year before its verb ("2024 stieg der Umsatz").
                    None => {
                        return Some(self.date(
                            i,
                            i,
                            Date {
                                year,
                                month: None,
                                day: None,
                            },
                        ));
                    }
                };
                let temporal = matches!(
                    previous.as_str(),
                    "in" | "im"
                        | "since"
                        | "seit"
                        | "until"
                        | "till"
                        | "by"
                        | "from"
                        | "ab"
                        | "jahr"
                        | "jahres"
                        | "year"
                        | "fy"
                        | "during"
                        | "während"
                        | "anfang"
                        | "ende"
                        | "mitte"
                        | "early"
                        | "late"
                        | "mid"
                        | "end"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                        | "winter"
                        | "frühjahr"
                        | "sommer"
                        | "herbst"
                        | "of"
                        | "vor"
                        | "nach"
                        | "before"
                        | "after"
                        | "um"
                        | "around"
                        | "circa"
                        | "bis"
                ) || self.month_at(i - 1).is_some()
                    || lexicon::is_period_word(&previous)
                    || self
                        .lower(i + 1)
                        .is_some_and(|next| matches!(next.as_str(), "fiscal" | "financial"))
                    || self.language == Some(Language::German) && self.participle_follows(i + 1)
                    || self.attributive_year(i, year)
                    || self.year_in_list(i)
                    || self.year_before_verb(i, year)
                    || self.year_closing_clause(i, year, &previous)
                    || self.years_between(i, &previous)
                    // "2025-26", "2024/25": a span of years.
                    || self.attached(i + 1)
                        && matches!(self.punct(i + 1), Some("-" | "–" | "/"))
                        && self.attached(i + 2)
                        && self.is(i + 2, TokenKind::Number)
                        && self.text(i + 2).len() == 2
                    || previous == "for"
                    || previous == "für"
                        && !self
                            .word(i + 1)
                            .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()));
                if temporal {
                    return Some(self.date(
                        i,
                        i,
                        Date {
                            year,
                            month: None,
                            day: None,
                        },
                    ));
                }
            }
        }
        None
    }

    fn try_date_from_month(&mut self, i: usize) -> Option<usize> {
        // Month names that are also common words must be capitalised: "May", "March".
        let month = self.month_at(i)?;
        let mut j = self.month_end(i) + 1;
        // `January 26, 2025`
        if self.is(j, TokenKind::Number) && self.text(j).len() <= 2 {
            let day: u32 = self.text(j).parse().ok()?;
            let mut k = j + 1;
            if self.punct(k) == Some(",") {
                k += 1;
            }
            if self.is(k, TokenKind::Number) && self.text(k).len() == 4 && (1..=31).contains(&day) {
                let year = self.text(k).parse().ok()?;
                return Some(self.date(
                    i,
                    k,
                    Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
            // "March 3 to March 21, 2024", "March 3–21, 2024": the first day takes the year
            // of the second.
            if (1..=31).contains(&day)
                && let Some(after) = self.date_range_end(k, month, day, i, j)
            {
                return Some(after);
            }
            // "Jan. 26" without a year has no ISO form; the day is no count either, unless
            // an amount follows ("in May 5 million users").
            if (1..=31).contains(&day)
                && !self.amount_word_follows(j + 1)
                && !self.unit_follows(j + 1)
                && self.word(j + 1).is_none_or(|word| {
                    with_lower(word, |lower| {
                        lexicon::scale_word(word, lower, self.language)
                    })
                    .is_none()
                })
            {
                return Some(j + 1);
            }
            return None;
        }
        // `Jan. 2025`, `Januar 2025`
        if self.punct(j) == Some(",") {
            j += 1;
        }
        if self.is(j, TokenKind::Number)
            && self.text(j).len() == 4
            && self.text(j).bytes().all(|b| b.is_ascii_digit())
        {
            let year = self.text(j).parse().ok()?;
            return Some(self.date(
                i,
                j,
                Date {
                    year,
                    month: Some(month),
                    day: None,
                },
            ));
        }
        None
    }

    /// An English year used as an attribute: "the 2019 survey", "its 2025 budget", "the 2020
    /// Rust Survey", "CES 2025", "RustConf 2025". English groups counts from 1,000 on, so a bare four-digit
    /// number in this position is a year. In German, a year after a noun: "der Haushalt
    /// 2025 sieht", "die Agenda 2030" (a German count comes before its noun).
    fn attributive_year(&self, i: usize, year: i32) -> bool {
        if !(1950..=2100).contains(&year) {
            return false;
        }
        // A currency before the number makes it an amount: "USD 2000", "EUR 2000".
        let after_currency = self.word(i - 1).is_some_and(|word| {
            lexicon::currency_symbol(word).is_some()
                || with_lower(word, |lower| lexicon::currency_word(lower).is_some())
        });
        if after_currency {
            return false;
        }
        // After a capitalised noun ("CES 2025", "der Haushalt 2025"), where the year closes
        // the noun phrase: a function word (English) or a lowercase word (German) follows.
        let after_name = self.word(i - 1).is_some_and(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                && self.noun_at(i - 1)
                && !self.sentences.starts_sentence(i - 1)
        });
        let closes = |closing: &dyn Fn(&str) -> bool| {
            self.tokens.get(i + 1).is_none_or(|next| {
                next.kind != TokenKind::Word || self.word(i + 1).is_some_and(closing)
            })
        };
        if self.language == Some(Language::German) {
            return after_name && closes(&|word| word.starts_with(|c: char| c.is_lowercase()));
        }
        if self.language != Some(Language::English) {
            return false;
        }
        let after_determiner = self.lower(i - 1).is_some_and(|word| {
            matches!(
                word.as_str(),
                "the" | "its" | "their" | "our" | "this" | "that" | "his" | "her"
            )
        });
        let before_name = self.name_follows(i);
        let after_name = after_name && closes(&|word| with_lower(word, lexicon::is_function_word));
        // After a name with a capital inside ("RustConf 2025 took place", "KubeCon EU 2019"),
        // even one opening the sentence: the edition of an event or a product.
        let after_event_name = self.word(i - 1).is_some_and(|word| {
            word.starts_with(|c: char| c.is_ascii_uppercase())
                && capital_inside(word)
                && word.chars().all(|c| c.is_ascii_alphabetic())
        });
        let edition = self.lower(i + 1).is_some_and(|word| {
            matches!(
                word.as_str(),
                "edition"
                    | "editions"
                    | "survey"
                    | "roadmap"
                    | "budget"
                    | "release"
                    // Nouns a count above 1950 could not go with in the singular, and plurals
                    // said of a year: "expects 2025 revenue", "below 2019 levels".
                    | "revenue"
                    | "revenues"
                    | "sales"
                    | "earnings"
                    | "guidance"
                    | "outlook"
                    | "forecast"
                    | "target"
                    | "goal"
                    | "filing"
                    | "report"
                    | "election"
                    | "season"
                    | "census"
                    | "capex"
                    | "spending"
                    | "profit"
                    | "income"
                    | "growth"
                    | "peak"
                    | "levels"
                    | "figures"
                    | "deadline"
                    | "estimate"
                    | "plan"
                    | "campaign"
            )
        });
        after_determiner || before_name || after_name || after_event_name || edition
    }

    /// The first of two years between which something happened: "between 2015 and 2023",
    /// "zwischen 2015 und 2023" (the second is read as a year in a list). Two figures of
    /// that size with a unit after the second are an amount ("between 2000 and 3000 euros").
    fn years_between(&self, i: usize, previous: &str) -> bool {
        let is_year = |at: usize| {
            self.is(at, TokenKind::Number)
                && self.text(at).len() == 4
                && self
                    .text(at)
                    .parse::<i32>()
                    .is_ok_and(|year| (1800..=2100).contains(&year))
        };
        matches!(previous, "between" | "zwischen")
            && self
                .lower(i + 1)
                .is_some_and(|word| matches!(word.as_str(), "and" | "und"))
            && is_year(i + 2)
            && !self.amount_word_follows(i + 3)
            && !self.unit_follows(i + 3)
    }

    /// Whether a capitalised word that is no month follows token `i`: a name a year before
    /// it qualifies ("the 2020 Rust Survey").
    fn name_follows(&self, i: usize) -> bool {
        self.word(i + 1).is_some_and(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                && with_lower(word, |lower| lexicon::month(lower).is_none())
        })
    }

    /// A year opening a clause before its verb: "2024 stieg der Umsatz", ", 2023 waren es
    /// erst 15 Prozent", "2024 was a record year". (An English count from 1,000 on is grouped,
    /// and a count before a verb takes a plural one: "2000 were evacuated" stays a count.)
    fn year_before_verb(&self, i: usize, year: i32) -> bool {
        if !(1950..=2100).contains(&year) {
            return false;
        }
        let opens_clause = self.sentences.starts_sentence(i);
        match self.language {
            Some(Language::German) => {
                (opens_clause || i > 0 && matches!(self.punct(i - 1), Some("," | ";")))
                    && self
                        .lower(i + 1)
                        .is_some_and(|word| lexicon::is_german_finite_verb(&word))
            }
            Some(Language::English) => {
                opens_clause
                    && self
                        .lower(i + 1)
                        .is_some_and(|word| lexicon::is_english_verb_after_year(&word))
            }
            None => false,
        }
    }

    /// A year that closes a clause after a German verb or after a comparison, with nothing
    /// after it to count: "weitere Tranchen folgen 2028.", "kam 2024 zu spät", "kam 2024
    /// jeder dritte Zug", "9 Euro mehr als 2024", "higher than 2019." (`2000 Menschen`,
    /// "mehr als 2000 neue Stellen" and "more than 2000 people" stay counts.)
    fn year_closing_clause(&self, i: usize, year: i32, previous: &str) -> bool {
        if !(1950..=2100).contains(&year) {
            return false;
        }
        let closes = self.tokens.get(i + 1).is_none_or(|next| match next.kind {
            TokenKind::Boundary => true,
            TokenKind::Punct => matches!(
                self.text(i + 1),
                "." | "," | ";" | ":" | "!" | "?" | ")" | "–" | "—"
            ),
            TokenKind::Word | TokenKind::Number => false,
        });
        let german = self.language == Some(Language::German);
        if matches!(previous, "than" | "als" | "wie") {
            return closes;
        }
        // After a German verb the clause may go on with an adverb or a particle. (A lowercase
        // word in `-te` before a year is a verb in the past: "verkaufte 2024 erstmals",
        // "meldete 2024 einen Rekord"; "zählte 2000 Mitglieder" counts.)
        german
            && (lexicon::is_german_finite_verb(previous)
                || previous.len() >= 5 && previous.ends_with("te"))
            && (closes
                || self.lower(i + 1).is_some_and(|next| {
                    self.word(i + 1)
                        .is_some_and(|word| word.starts_with(|c: char| c.is_lowercase()))
                        && (lexicon::is_german_clause_particle(&next)
                            || lexicon::is_german_article(&next)
                            || matches!(next.as_str(), "jeder" | "jede" | "jedes" | "jeden"))
                }))
    }

    /// A year in a list after a year: "the 2015, 2018 and 2021 editions", "2026–2028".
    fn year_in_list(&self, i: usize) -> bool {
        let Some(previous) = self.claims[self.first..].last() else {
            return false;
        };
        let ClaimValue::Date(date) = previous.value else {
            return false;
        };
        if date.month.is_some() || i < 2 {
            return false;
        }
        let connector = i - 1;
        let connects = matches!(self.punct(connector), Some("," | "-" | "–"))
            || self.lower(connector).is_some_and(|word| {
                matches!(word.as_str(), "and" | "or" | "und" | "oder" | "bis" | "to")
            });
        let start = if connects && self.punct(connector - 1) == Some(",") {
            connector - 1
        } else {
            connector
        };
        connects
            && start.checked_sub(1).is_some_and(|before| {
                previous.span.end - self.base == self.tokens[before].end as usize
            })
    }

    /// "wurden 2024 verschärft": a German participle closing the clause after a year.
    fn participle_follows(&self, j: usize) -> bool {
        let Some(word) = self.word(j) else {
            return false;
        };
        let closes = self
            .tokens
            .get(j + 1)
            .is_none_or(|next| next.kind != TokenKind::Word);
        closes
            && word.starts_with(|c: char| c.is_lowercase())
            && (word.ends_with('t') || word.starts_with("ge") && word.ends_with("en"))
    }

    /// The end of a range of days whose first day (`month` `day`, tokens `first..=day_at`)
    /// has no year, at token `k`: "to March 21, 2024", "–21, 2024", "through April 2, 2024".
    /// Reads both days as dates (the first with the second's year) and returns the token after
    /// the year.
    fn date_range_end(
        &mut self,
        k: usize,
        month: u32,
        day: u32,
        first: usize,
        day_at: usize,
    ) -> Option<usize> {
        let connector = matches!(self.punct(k), Some("–" | "—" | "-"))
            || self
                .lower(k)
                .is_some_and(|word| matches!(word.as_str(), "to" | "through" | "until" | "till"));
        if !connector || self.language == Some(Language::German) {
            return None;
        }
        // The second day, with or without its month.
        let mut at = k + 1;
        let mut end_month = month;
        if let Some(named) = self.month_at(at) {
            end_month = named;
            at = self.month_end(at) + 1;
        }
        if !self.is(at, TokenKind::Number) || self.text(at).len() > 2 {
            return None;
        }
        let end_day: u32 = self.text(at).parse().ok()?;
        let mut year_at = at + 1;
        if self.punct(year_at) == Some(",") {
            year_at += 1;
        }
        if !(1..=31).contains(&end_day)
            || !self.is(year_at, TokenKind::Number)
            || self.text(year_at).len() != 4
        {
            return None;
        }
        let year: i32 = self.text(year_at).parse().ok()?;
        // "December 28 to January 3, 2025" crosses into the year given.
        let first_year = if end_month < month { year - 1 } else { year };
        self.date(
            first,
            day_at,
            Date {
                year: first_year,
                month: Some(month),
                day: Some(day),
            },
        );
        // The second date starts at its month, or at its day.
        let second_first = if end_month == month && self.month_at(k + 1).is_none() {
            at
        } else {
            k + 1
        };
        if end_month == month && end_day < day {
            self.problem(first, year_at, NumberProblemKind::BackwardDays);
        }
        Some(self.date(
            second_first,
            year_at,
            Date {
                year,
                month: Some(end_month),
                day: Some(end_day),
            },
        ))
    }

    /// The month named at token `i`: "Januar", "Jan.", "Dez.". Month names are capitalised
    /// ("May", "März"), which also keeps "may" and "march" out.
    fn month_at(&self, i: usize) -> Option<u32> {
        let text = self.word(i)?;
        if !text.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let lower = LowerWord::new(text)?;
        let with_dot = self.punct(i + 1) == Some(".") && self.attached(i + 1);
        lexicon::month(&lower).or_else(|| {
            with_dot
                .then(|| lexicon::month_abbreviation(&lower))
                .flatten()
        })
    }

    /// The last token of a month name (its abbreviation dot included).
    fn month_end(&self, i: usize) -> usize {
        if self.punct(i + 1) == Some(".")
            && self.attached(i + 1)
            && self.word(i).is_some_and(|word| word.len() <= 4)
        {
            i + 1
        } else {
            i
        }
    }

    fn date(&mut self, first: usize, last: usize, date: Date) -> usize {
        let mut draft = Draft::new(first, last, 0.0);
        draft.kind = Some(ClaimKind::Date);
        draft.date = Some(date);
        self.finish(&mut draft)
    }

    // ---- bounds, hedges, currency signs before the number --------------------------------

    fn look_back(&self, draft: &mut Draft) {
        let mut j = draft.first;
        // Tokens up to the end of the previous claim belong to it: "2024€ ½" gives the euro
        // sign to 2024, not to the half.
        let floor = self.claimed_until(j);
        // Sign: "-3 %", "−3 %", "+5 %".
        if j > floor
            && self.attached(j)
            && matches!(self.punct(j - 1), Some("-" | "−" | "+"))
            && (j - 1 == 0 || self.tokens[j - 1].space_before)
        {
            if matches!(self.punct(j - 1), Some("-" | "−")) {
                draft.value = -draft.value;
            }
            j -= 1;
            draft.first = j;
        } else if j > floor
            && self.lower(j - 1).as_deref() == Some("minus")
            // "plus/minus 5 %", "plus or minus 2%" are a tolerance, not a sign.
            && !(j >= 3 && self.lower(j - 3).as_deref() == Some("plus"))
        {
            // "minus 3 Prozent".
            draft.value = -draft.value;
            j -= 1;
            draft.first = j;
        }
        // Currency before the number: "$5", "US$ 5", "€ 1,5", "USD 5".
        if j > floor {
            if let Some(symbol) = self.punct(j - 1)
                && let Some(code) = lexicon::currency_symbol(symbol)
            {
                draft.currency = Some(code);
                j -= 1;
                if j > floor
                    && self.attached(j)
                    && matches!(
                        self.word(j - 1),
                        Some("US" | "CN" | "JP" | "A" | "C" | "HK" | "S")
                    )
                {
                    let prefix = self.text(j - 1);
                    draft.currency =
                        lexicon::currency_symbol(&format!("{prefix}{symbol}")).or(draft.currency);
                    j -= 1;
                }
                draft.first = j;
            } else if let Some(word) = self.word(j - 1)
                && word.len() == 3
                && word.bytes().all(|byte| byte.is_ascii_uppercase())
                && let Some(code) = with_lower(word, lexicon::currency_word)
            {
                draft.currency = Some(code);
                j -= 1;
                draft.first = j;
            }
        }
        // Bound symbols: ">8", "≥ 500", "~2,000", ">= 3".
        if j > floor
            && let Some(symbol) = self.punct(j - 1)
        {
            let two = if j > floor + 1 && self.attached(j - 1) {
                self.punct(j - 2).map(|first| format!("{first}{symbol}"))
            } else {
                None
            };
            if let Some(bound) = two.as_deref().and_then(lexicon::bound_symbol) {
                draft.bound = bound;
                j -= 2;
                draft.first = j;
            } else if let Some(bound) = lexicon::bound_symbol(symbol) {
                draft.bound = bound;
                j -= 1;
                draft.first = j;
            }
        }
        // Words: "mindestens", "nicht weniger als", "more than", "nur", "only about".
        let mut rounds = 0;
        while j > floor && rounds < 2 {
            rounds += 1;
            let Some((length, hedge)) = self
                .hedge_before(j)
                .filter(|(length, _)| j - length >= floor)
            else {
                break;
            };
            // "eine Umfrage unter 603 Unternehmen": among, not fewer than.
            if hedge == Hedge::Bound(Bound::LessThan)
                && length == 1
                && j >= floor + 2
                && self
                    .lower(j - 2)
                    .is_some_and(|word| lexicon::is_survey_noun(&word))
            {
                break;
            }
            match hedge {
                Hedge::Only => draft.only = true,
                Hedge::Bound(bound) => {
                    if draft.bound == Bound::Exact {
                        draft.bound = bound;
                    }
                }
            }
            j -= length;
            draft.first = j;
        }
    }

    /// The index of the first token after the previous claim of this block, found from token
    /// `from` backwards: a few tokens are walked (claims in a number-dense text stand close),
    /// then the tokens before are searched (in prose the gap is long).
    fn claimed_until(&self, from: usize) -> usize {
        self.claims[self.first..].last().map_or(0, |claim| {
            let end = claim.span.end.saturating_sub(self.base);
            let starts_before_end = |at: usize| (self.tokens[at].start as usize) < end;
            let search = |before: usize| {
                self.tokens[..before].partition_point(|token| (token.start as usize) < end)
            };
            let mut at = from.min(self.tokens.len());
            if at < self.tokens.len() && starts_before_end(at) {
                // The previous claim reaches past `from` (not expected).
                return search(self.tokens.len());
            }
            for _ in 0..8 {
                if at == 0 || starts_before_end(at - 1) {
                    return at;
                }
                at -= 1;
            }
            search(at)
        })
    }

    /// The hedge phrase that ends right before token `j`: its length in tokens and meaning.
    fn hedge_before(&self, j: usize) -> Option<(usize, Hedge)> {
        let dot_at = |offset: usize| offset < j && self.punct(j - 1 - offset) == Some(".");
        // Every phrase ends in a word right before `j`, or in a word and its dot: most
        // figures follow neither, and are done with here.
        let last = if j > 0 { self.lower(j - 1) } else { None };
        match &last {
            Some(word) if !lexicon::ends_hedge_phrase(word) => return None,
            None if !dot_at(0) => return None,
            _ => {}
        }
        // The four tokens before `j`, lowercased once: index 0 is token `j - 1`.
        let mut before: [Option<LowerWord>; 4] = [last, None, None, None];
        for (offset, slot) in before.iter_mut().enumerate().skip(1) {
            if offset < j {
                *slot = self.lower(j - 1 - offset);
            }
        }
        'phrases: for (words, hedge) in lexicon::HEDGE_PHRASES {
            let mut offset = 0;
            for expected in words.iter().rev() {
                // "ca." and "approx." are a word and a dot.
                let stem = match expected.strip_suffix('.') {
                    Some(stem) => {
                        if !dot_at(offset) {
                            continue 'phrases;
                        }
                        offset += 1;
                        stem
                    }
                    None => expected,
                };
                if before.get(offset).copied().flatten().as_deref() != Some(stem) {
                    continue 'phrases;
                }
                offset += 1;
                if !self.same_sentence(j - offset, j) {
                    continue 'phrases;
                }
            }
            // "ein Auftrag über 500 Mio. €" is an order of that amount, not of more.
            if *words == ["über"]
                && j >= 2
                && self.word(j - 2).is_some_and(|noun| {
                    noun.starts_with(|c: char| c.is_uppercase())
                        && with_lower(noun, lexicon::is_german_amount_noun)
                })
            {
                return None;
            }
            return Some((offset, *hedge));
        }
        None
    }

    // ---- after the number ----------------------------------------------------------------

    /// Scale, range, percent, multiplier, currency and unit after the number.
    fn complete_numeric(&mut self, draft: &mut Draft) -> Option<usize> {
        let mut j = draft.last + 1;
        // Ordinals: "2nd", "3rd".
        if self.attached(j)
            && let Some(word) = self.word(j)
            && with_lower(word, lexicon::is_ordinal_suffix)
        {
            return Some(j + 1);
        }
        j = self.read_scale(draft, j);
        // A range: "10–20", "10 to 20", "zwischen 10 und 20", "10.000 bis 20.000".
        j = self.read_range(draft, j);
        j = self.read_suffix(draft, j);
        // "80% to 95%", "5 % bis 10 %": a range whose ends both carry the sign. Without it
        // at the high end there is no range: "rose 15% to $3.3 billion".
        if draft.kind == Some(ClaimKind::Percent) && draft.high.is_none() {
            let mut range = draft.clone();
            let after_high = self.read_range(&mut range, j);
            if after_high != j
                && (matches!(self.punct(after_high), Some("%" | "％"))
                    || self
                        .lower(after_high)
                        .is_some_and(|word| lexicon::percent_word(&word).is_some()))
            {
                *draft = range;
                draft.last = after_high;
                j = after_high + 1;
            }
        }
        self.carry_from_high_end(draft, j);
        if draft.kind == Some(ClaimKind::Duration) && self.is_period_over(draft) {
            // "invest €20bn over four years": the period of the amount, not a bound.
            draft.bound = Bound::Exact;
            draft.first += 1;
        }
        // A bare figure in a list after a figure with a unit takes that unit:
        // "50.000 H100, 30.000 oder 10.000".
        if draft.kind.is_none()
            && draft.unit.is_none()
            && draft.currency.is_none()
            && draft.scale.is_none()
        {
            self.carry_unit(draft);
        }
        // Between and von … bis without an end are no ranges; keep going.
        let _ = j;
        Some(self.finish(draft))
    }

    /// "over four years", "über fünf Jahre" next to an amount in the same sentence states the
    /// period the amount covers; alone ("took over five years") it is a bound.
    fn is_period_over(&self, draft: &Draft) -> bool {
        if draft.bound != Bound::MoreThan
            || !matches!(self.lower(draft.first).as_deref(), Some("over" | "über"))
        {
            return false;
        }
        let sentence = self.sentences.of(draft.first);
        let amount_before = self.claims[self.first..].iter().rev().any(|claim| {
            claim.sentence == self.sentences.span_of(draft.first, self.tokens, self.base)
                && matches!(claim.kind, ClaimKind::Money | ClaimKind::Percent)
        });
        let amount_after = (draft.last + 1..self.tokens.len())
            .take_while(|&k| self.sentences.of(k) == sentence)
            .any(|k| self.is_currency_at(k) || self.punct(k) == Some("%"));
        amount_before || amount_after
    }

    fn is_currency_at(&self, k: usize) -> bool {
        match self.tokens[k].kind {
            TokenKind::Punct => lexicon::currency_symbol(self.text(k)).is_some(),
            TokenKind::Word => {
                let mut buffer = [0u8; 48];
                lexicon::lowercase_into(self.text(k), &mut buffer)
                    .is_some_and(|lower| lexicon::currency_word(lower).is_some() && lower.len() > 3)
                    || self.text(k).len() == 3
                        && self.text(k).bytes().all(|byte| byte.is_ascii_uppercase())
                        && lexicon::currency_word(&self.text(k).to_ascii_lowercase()).is_some()
            }
            _ => false,
        }
    }

    fn read_scale(&self, draft: &mut Draft, j: usize) -> usize {
        let Some(word) = self.word(j) else { return j };
        // "$300bn-plus": more than the figure.
        let plus = word.ends_with("-plus");
        let word = word.strip_suffix("-plus").unwrap_or(word);
        let Some(lower) = LowerWord::new(word) else {
            return j;
        };
        // "Mio.", "Mrd.", "Tsd.", "Bio.": the abbreviation dot belongs to the scale word.
        let abbreviation = matches!(lower.as_str(), "tsd" | "mio" | "mrd" | "mia" | "bio")
            && self.punct(j + 1) == Some(".")
            && self.attached(j + 1);
        let scale = if lower == "bio" {
            abbreviation
                .then(|| lexicon::scale_word(word, "bio.", self.language))
                .flatten()
        } else {
            lexicon::scale_word(word, &lower, self.language)
        };
        let Some(scale) = scale else {
            return self.read_scaled_compound(draft, j, word);
        };
        let last = if abbreviation { j + 1 } else { j };
        let attached = self.attached(j);
        // `k` glued to a figure is a thousand ("2.7K stars", "130k users"), except on a single
        // digit ("4K", "8k" are resolutions).
        let thousands = lower.as_str() == "k"
            && attached
            && j > 0
            && self.is(j - 1, TokenKind::Number)
            && (self.text(j - 1).len() > 1 || draft.value >= 10.0);
        // A capital `M` glued to a figure is a million ("5.6M", "1M gas"); a small `m` may be
        // metres.
        let millions = word == "M" && attached && j > 0 && self.is(j - 1, TokenKind::Number);
        if scale.attached_only
            && !thousands
            && !millions
            && !(attached
                && (draft.currency.is_some()
                    || self.currency_after(last + 1)
                    || self.counted_after(last + 1)))
        {
            return j;
        }
        if !attached && word.len() == 1 {
            return j;
        }
        if plus && draft.bound == Bound::Exact {
            draft.bound = Bound::MoreThan;
        }
        draft.value = times_power_of_ten(draft.value, scale.exponent);
        let written = if plus { word } else { self.span_text(j, last) };
        draft.scale = Some((written.to_owned(), scale.exponent));
        draft.last = last;
        last + 1
    }

    /// A scale glued to the figure that opens a compound with a unit: "a 128K-token context",
    /// "a 70B-parameter model", "ein 5M-Token-Fenster". Returns the token after it, or `j`.
    fn read_scaled_compound(&self, draft: &mut Draft, j: usize, word: &str) -> usize {
        let glued = self.attached(j) && j > 0 && self.is(j - 1, TokenKind::Number);
        let Some((head, exponent, unit)) = self.scaled_compound(word).filter(|_| glued) else {
            return j;
        };
        // (A resolution is no unit of the table: "4K-Monitor" stays apart, "a 4K-token reply"
        // counts tokens.)
        draft.value = times_power_of_ten(draft.value, exponent);
        draft.scale = Some((head.to_owned(), exponent));
        self.apply_unit(draft, unit, j);
        j + 1
    }

    /// The scale, its power of ten and the unit of a compound "128K-token" (`K`, 3, token);
    /// a small `m`, `b` or `t` may be a metre, a bit or a tonne ("128b-bit").
    fn scaled_compound<'w>(
        &self,
        word: &'w str,
    ) -> Option<(&'w str, i32, crate::units::UnitMatch)> {
        let (head, tail) = word.split_once('-')?;
        if tail.is_empty() || matches!(head, "m" | "b" | "t") {
            return None;
        }
        let exponent = with_lower(head, |lower| {
            lexicon::scale_word(head, lower, self.language).map(|scale| scale.exponent)
        })?;
        Some((head, exponent, UNITS.lookup(tail)?))
    }

    fn currency_after(&self, j: usize) -> bool {
        self.lower(j)
            .is_some_and(|word| lexicon::currency_word(&word).is_some())
            || self
                .punct(j)
                .is_some_and(|punct| lexicon::currency_symbol(punct).is_some())
    }

    /// Whether a counted unit follows: "671B parameters", "14.8T tokens".
    /// Whether token `j` names what is counted: a counted unit ("users", "GPUs") or a plural
    /// of people or things ("1.5m people", "2m jobs"; not "1.8m tall", "the 100m sprint").
    fn counted_after(&self, j: usize) -> bool {
        self.word(j).is_some_and(|word| {
            UNITS.lookup(word).is_some() || with_lower(word, lexicon::is_counted_plural)
        })
    }

    fn read_range(&self, draft: &mut Draft, j: usize) -> usize {
        let connector = if let Some(punct) = self.punct(j) {
            if matches!(punct, "–" | "—" | "-" | "‒") {
                Some((j, punct == "-"))
            } else {
                None
            }
        } else {
            match self.lower(j).as_deref() {
                Some("to" | "bis" | "and" | "und") => Some((j, false)),
                _ => None,
            }
        };
        let Some((at, hyphen)) = connector else {
            return j;
        };
        let opener = self.range_opener(draft.first);
        let word = self.lower(at);
        match word.as_deref() {
            // "and"/"und" make a range only after "between"/"zwischen".
            Some("and" | "und") if !matches!(opener.as_deref(), Some("between" | "zwischen")) => {
                return j;
            }
            // "from 10 % to 15 %" is a change, not a range; "von 10 bis 20" is a range.
            Some("to") if opener.as_deref() == Some("from") => return j,
            _ => {}
        }
        if hyphen && (!self.attached(at) || !self.attached(at + 1)) {
            return j;
        }
        let Some((high_draft, after_high)) = self.high_end(at) else {
            return j;
        };
        let mut high = high_draft.value;
        // The low end takes the high end's scale ("5 to 7 million"), once the two make a
        // range.
        let mut low = (draft.value, None);
        if let Some((written, exponent)) = &high_draft.scale {
            if draft.scale.is_none() {
                low = (
                    times_power_of_ten(draft.value, *exponent),
                    Some((written.clone(), *exponent)),
                );
            }
        } else if let Some((_, exponent)) = &draft.scale {
            high = times_power_of_ten(high, *exponent);
        }
        if high <= low.0 {
            return j;
        }
        draft.value = low.0;
        if let Some(scale) = low.1 {
            draft.scale = Some(scale);
        }
        if let Some(opener_index) = draft.first.checked_sub(1)
            && opener.is_some()
            && matches!(
                self.lower(opener_index).as_deref(),
                Some("between" | "zwischen" | "von" | "from")
            )
        {
            draft.first = opener_index;
        }
        draft.high = Some(high);
        draft.bound = Bound::Range;
        draft.last = after_high - 1;
        after_high
    }

    /// The high end of a range or change whose connector ("to", "bis", "–") is at `at`: its
    /// number (after a currency sign: "$5–$10") or number word, with its scale; and the token
    /// after them.
    fn high_end(&self, at: usize) -> Option<(Draft, usize)> {
        let mut k = at + 1;
        // "von gut 19 auf unter 13 Prozent": a hedge on the high end.
        k += self.hedge_at(k);
        if self
            .punct(k)
            .is_some_and(|punct| lexicon::currency_symbol(punct).is_some())
        {
            k += 1;
        }
        let value = if self.is(k, TokenKind::Number) {
            parse_literal(self.text(k), self.language)
                .ok()
                .map(|literal| literal.value)
        } else {
            self.number_word_value(k)
        }?;
        let mut high = Draft::new(k, k, value);
        let after = self.read_scale(&mut high, k + 1);
        Some((high, after))
    }

    /// The length in tokens of the hedge phrase that starts at token `k` ("unter", "more
    /// than"), 0 if none does. (Phrases are listed longest first; those with a dot are not
    /// looked for.)
    fn hedge_at(&self, k: usize) -> usize {
        if !self.lower(k).is_some_and(|word| lexicon::hedge_like(&word)) {
            return 0;
        }
        lexicon::HEDGE_PHRASES
            .iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(offset, expected)| self.lower(k + offset).as_deref() == Some(*expected))
            })
            .map_or(0, |(words, _)| words.len())
    }

    /// The low end of a change takes what the high end states and it leaves out: "from 5 to
    /// 7 billion" (5 billion), "von 5 auf 7 Milliarden", "from 10 to 15 percent" (10 %), "from
    /// 500 to 700 million euros" (500 million euros). `j` is the token after the low end. The
    /// scale is taken only where the low end, so scaled, lies near the high end ("from 1,500
    /// to 2 million" stays 1,500); so is a unit ("from 5 to 7 GB", "von 5 auf 7 Jahre").
    fn carry_from_high_end(&mut self, draft: &mut Draft, j: usize) {
        if draft.high.is_some() || draft.unit.is_some() {
            return;
        }
        // Most figures are no low end: the connector is asked first, without lowercasing.
        let opener = match self.word(j) {
            Some(word) if word.eq_ignore_ascii_case("to") => "from",
            Some(word) if word.eq_ignore_ascii_case("auf") => "von",
            _ => return,
        };
        if self.range_opener(draft.first).as_deref() != Some(opener) {
            return;
        }
        let Some((mut high, after)) = self.high_end(j) else {
            return;
        };
        self.read_suffix(&mut high, after);
        if draft.scale.is_none()
            && let Some((written, exponent)) = &high.scale
        {
            let low = times_power_of_ten(draft.value, *exponent);
            if low * 100.0 >= high.value && low <= high.value * 10.0 {
                draft.value = low;
                draft.scale = Some((written.clone(), *exponent));
            }
        }
        if draft.kind.is_none() && draft.currency.is_none() {
            if matches!(
                high.kind,
                Some(ClaimKind::Percent | ClaimKind::PercentagePoints)
            ) {
                draft.kind = high.kind;
                draft.unit_carried = true;
            } else if high.currency.is_some() {
                draft.currency = high.currency;
                draft.unit_carried = true;
            } else if high.unit.is_some()
                && matches!(
                    high.kind,
                    Some(ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Duration)
                )
            {
                draft.value = times_power_of_ten(draft.value, high.unit_exponent);
                draft.unit = high.unit;
                draft.kind = high.kind;
                draft.unit_carried = true;
            }
        }
    }

    /// Whether token `j` and those after say "to 4.2%" or "auf 6,0 Prozent".
    fn leads_to_percent(&self, j: usize) -> bool {
        matches!(self.lower(j).as_deref(), Some("to" | "auf"))
            && self.is(j + 1, TokenKind::Number)
            && (matches!(self.punct(j + 2), Some("%" | "％"))
                || self.lower(j + 2).is_some_and(|word| {
                    lexicon::percent_word(&word) == Some(PercentWord::Percent)
                        || (word.as_str() == "per" && self.lower(j + 3).as_deref() == Some("cent"))
                }))
    }

    /// Whether the figure at token `first` is named as the change of the percentage just
    /// before it: "from 5.3% to 4.1%, a drop of 1.2 points", "3,2 Prozent, nach 1,1 Prozent
    /// – ein Plus von 2,1 Punkten" (not "the index rose 3% to 1,200 points").
    fn names_percent_change(&self, first: usize) -> bool {
        let Some(before) = first.checked_sub(2) else {
            return false;
        };
        let joined = matches!(
            self.lower(first - 1).as_deref(),
            Some("of" | "by" | "von" | "um")
        ) && self
            .lower(before)
            .is_some_and(|noun| lexicon::change_noun(&noun).is_some());
        joined
            && self.claims.last().is_some_and(|percent| {
                percent.kind == ClaimKind::Percent
                    && percent.span.end <= self.base + self.tokens[before].start as usize
                    && self.base + self.tokens[before].start as usize - percent.span.end <= 40
            })
    }

    /// The word that opens a range before the claim: "between", "zwischen", "from", "von".
    fn range_opener(&self, first: usize) -> Option<LowerWord<'_>> {
        let previous = first.checked_sub(1)?;
        self.lower(previous)
            .filter(|word| matches!(word.as_str(), "between" | "zwischen" | "from" | "von"))
    }

    /// Percent, multiplier, currency, unit, time unit.
    fn read_suffix(&mut self, draft: &mut Draft, j: usize) -> usize {
        // Percent sign and percent words.
        if let Some(punct) = self.punct(j) {
            match punct {
                "%" | "％" => {
                    // "%-Punkte" and "% points".
                    if self.punct(j + 1) == Some("-")
                        && self.attached(j + 1)
                        && self
                            .lower(j + 2)
                            .is_some_and(|word| word.starts_with("punkt"))
                    {
                        draft.kind = Some(ClaimKind::PercentagePoints);
                        draft.last = j + 2;
                        return j + 3;
                    }
                    if self.lower(j + 1).is_some_and(|word| {
                        matches!(word.as_str(), "points" | "punkte" | "punkten")
                    }) {
                        draft.kind = Some(ClaimKind::PercentagePoints);
                        draft.last = j + 1;
                        return j + 2;
                    }
                    draft.kind = Some(ClaimKind::Percent);
                    draft.last = j;
                    return j + 1;
                }
                "‰" => {
                    draft.kind = Some(ClaimKind::Percent);
                    draft.value /= 10.0;
                    draft.last = j;
                    return j + 1;
                }
                "×" | "x" => {
                    draft.kind = Some(ClaimKind::Multiplier);
                    draft.last = j;
                    return j + 1;
                }
                "-" | "‑" if self.attached(j) && self.attached(j + 1) => {
                    if let Some(lower) = self.lower(j + 1) {
                        // "8-Stunden-Schichten", "8-GPU-Server": the first part of the compound.
                        let head = lower.split('-').next().unwrap_or(&lower);
                        if lexicon::multiplier_suffix(&lower) {
                            draft.kind = Some(ClaimKind::Multiplier);
                            draft.last = j + 1;
                            return j + 2;
                        }
                        // "ein 500-Milliarden-Dollar-Projekt", "a 500-billion-dollar plan":
                        // scale and currency inside a compound.
                        if self.read_compound_amount(draft, j + 1) {
                            return j + 2;
                        }
                        // "a 25-basis-point cut", "a 2-percentage-point rise", "a 10-percent
                        // stake".
                        let percent = match lower.as_str() {
                            "basis-point" | "basis-points" => {
                                Some(PercentWord::Points { factor: 0.01 })
                            }
                            "percentage-point" | "percentage-points" => {
                                Some(PercentWord::Points { factor: 1.0 })
                            }
                            "per-cent" => Some(PercentWord::Percent),
                            _ => lexicon::percent_word(head),
                        };
                        if let Some(percent) = percent {
                            match percent {
                                PercentWord::Percent => draft.kind = Some(ClaimKind::Percent),
                                PercentWord::Points { factor } => {
                                    draft.kind = Some(ClaimKind::PercentagePoints);
                                    draft.value *= factor;
                                }
                            }
                            draft.last = j + 1;
                            return j + 2;
                        }
                        if let Some(unit) = lexicon::time_unit(head) {
                            // "8-hour", "8-Stunden-Schichten".
                            draft.kind = Some(ClaimKind::Duration);
                            draft.unit = Some(unit);
                            draft.last = j + 1;
                            return j + 2;
                        }
                        if let Some((unit, last)) = self.unit_at(j + 1) {
                            self.apply_unit(draft, unit, last);
                            return last + 1;
                        }
                        let written_head = self.text(j + 1).split('-').next().unwrap_or_default();
                        if let Some(unit) =
                            UNITS.lookup(written_head).filter(|unit| !unit.accelerator)
                        {
                            self.apply_unit(draft, unit, j + 1);
                            return j + 2;
                        }
                    }
                }
                _ => {
                    if let Some(code) = lexicon::currency_symbol(punct)
                        && draft.currency.is_none()
                    {
                        draft.currency = Some(code);
                        draft.last = j;
                        return j + 1;
                    }
                }
            }
            return j;
        }
        let Some(word) = self.word(j) else { return j };
        let Some(lower) = LowerWord::new(word) else {
            return j;
        };
        if let Some(percent) = lexicon::percent_word(&lower) {
            match percent {
                PercentWord::Percent => draft.kind = Some(ClaimKind::Percent),
                PercentWord::Points { factor } => {
                    draft.kind = Some(ClaimKind::PercentagePoints);
                    draft.value *= factor;
                    if let Some(high) = &mut draft.high {
                        *high *= factor;
                    }
                }
            }
            draft.last = if self.punct(j + 1) == Some(".") && lower == "pp" && self.attached(j + 1)
            {
                j + 1
            } else {
                j
            };
            return draft.last + 1;
        }
        match (lower.as_str(), self.lower(j + 1).as_deref()) {
            ("per", Some("cent")) => {
                draft.kind = Some(ClaimKind::Percent);
                draft.last = j + 1;
                return j + 2;
            }
            ("percentage", Some("points" | "point")) | ("basis", Some("points" | "point")) => {
                draft.kind = Some(ClaimKind::PercentagePoints);
                if lower == "basis" {
                    draft.value *= 0.01;
                }
                draft.last = j + 1;
                return j + 2;
            }
            _ => {}
        }
        // "rose 0.3 points to 4.2%", "stieg um 0,3 Punkte auf 6,0 Prozent": points that lead
        // to a percentage are percentage points. (An index's points lead to a level.)
        if matches!(
            lower.as_str(),
            "point" | "points" | "punkt" | "punkte" | "punkten"
        ) && (self.leads_to_percent(j + 1) || self.names_percent_change(draft.first))
        {
            draft.kind = Some(ClaimKind::PercentagePoints);
            draft.last = j;
            return j + 1;
        }
        if lexicon::multiplier_suffix(&lower)
            && (self.attached(j) || matches!(lower.as_str(), "times" | "mal"))
        {
            draft.kind = Some(ClaimKind::Multiplier);
            draft.last = j;
            return j + 1;
        }
        // "1,8 Billionen US$".
        if word == "US" && self.punct(j + 1) == Some("$") && self.attached(j + 1) {
            draft.currency.get_or_insert("USD");
            draft.last = j + 1;
            return j + 2;
        }
        // "40 cents per kWh", "30 Cent pro Kilowattstunde", "3 Dollar je Million Token, also
        // 0,3 Cent je tausend": hundredths of the currency of the amount before in the
        // paragraph, else of the euro in German and the dollar in English.
        if matches!(lower.as_str(), "cent" | "cents")
            && draft.currency.is_none()
            && draft.scale.is_none()
            && draft.kind.is_none()
        {
            draft.value = times_power_of_ten(draft.value, -2);
            draft.high = draft.high.map(|high| times_power_of_ten(high, -2));
            draft.currency = Some(
                self.claims[self.first..]
                    .iter()
                    .rev()
                    .find(|claim| claim.kind == ClaimKind::Money)
                    .and_then(|claim| claim.unit)
                    .unwrap_or(if self.language == Some(Language::German) {
                        "EUR"
                    } else {
                        "USD"
                    }),
            );
            draft.last = j;
            return j + 1;
        }
        // Three-letter currency words are ISO codes only in capitals ("won" is a verb), except
        // the yen.
        if let Some(code) = lexicon::currency_word(&lower)
            && (lower.len() > 3
                || lower == "yen"
                || word.bytes().all(|byte| byte.is_ascii_uppercase()))
        {
            // "¥5 billion yuan": the word settles what the sign left open.
            if draft.currency.is_none_or(|currency| currency == "¥") {
                draft.currency = Some(code);
            }
            draft.last = j;
            return j + 1;
        }
        if let Some(unit) = lexicon::time_unit(&lower) {
            draft.kind = Some(ClaimKind::Duration);
            draft.unit = Some(unit);
            draft.last = j;
            return j + 1;
        }
        // Units: "H800-GPUs", "Nvidia H100 GPUs", "GPU hours", "TB".
        let mut k = j;
        if matches!(lower.as_str(), "nvidia" | "amd") && self.is(j + 1, TokenKind::Word) {
            k = j + 1;
        }
        if let Some((unit, last)) = self.unit_at(k) {
            self.apply_unit(draft, unit, last);
            return last + 1;
        }
        // One modifier before a counted unit: "50,000 Hopper-class GPUs", "2 shared experts".
        if self.noun_at(j)
            && UNITS.lookup(word).is_none()
            && let Some((unit, last)) = self.unit_at(j + 1)
            && unit.kind == UnitKind::Count
            && self.tokens[j + 1].space_before
        {
            self.apply_unit(draft, unit, last);
            return last + 1;
        }
        j
    }

    /// Reads a scale word and a currency at the start of the compound word at `k`
    /// ("Milliarden-Dollar-Projekt", "billion-dollar"); true when it took any.
    fn read_compound_amount(&self, draft: &mut Draft, k: usize) -> bool {
        let Some(word) = self.word(k) else {
            return false;
        };
        let mut parts = word.split('-').peekable();
        let mut taken = false;
        if let Some(first) = parts.peek()
            && let Some(lower) = LowerWord::new(first)
            && let Some(scale) = lexicon::scale_word(first, &lower, self.language)
                .filter(|scale| !scale.attached_only)
            && draft.scale.is_none()
        {
            draft.value = times_power_of_ten(draft.value, scale.exponent);
            if let Some(high) = &mut draft.high {
                *high = times_power_of_ten(*high, scale.exponent);
            }
            draft.scale = Some(((*first).to_owned(), scale.exponent));
            parts.next();
            taken = true;
        }
        if let Some(next) = parts.peek()
            && let Some(lower) = LowerWord::new(next)
            && let Some(code) = lexicon::currency_word(&lower).filter(|_| lower.len() > 3)
        {
            draft.currency.get_or_insert(code);
            taken = true;
        }
        if taken {
            draft.last = k;
        }
        taken
    }

    fn unit_follows(&self, j: usize) -> bool {
        self.lower(j)
            .is_some_and(|lower| lexicon::time_unit(&lower).is_some() || self.unit_at(j).is_some())
    }

    /// The unit at token `k`, longest match first, and its last token.
    fn unit_at(&self, k: usize) -> Option<(crate::units::UnitMatch, usize)> {
        let word = self.word(k)?;
        // "FLOP/s", "B/s", "TB/s" are a word, a slash and an "s".
        if self.punct(k + 1) == Some("/") && self.attached(k + 1) && self.word(k + 2) == Some("s") {
            let written = format!("{word}/s");
            if let Some(unit) = UNITS.lookup(&written) {
                return Some((unit, k + 2));
            }
        }
        // Hyphenated compounds: "H800-GPUs", "Nvidia-H800-GPUs", "B200-Chips", "Hopper-GPUs".
        if word.contains('-') {
            let mut parts = word.split('-').peekable();
            if parts.peek().is_some_and(|part| is_vendor(part)) {
                parts.next();
            }
            let model = parts.next().unwrap_or_default();
            let rest: Vec<&str> = parts.collect();
            if let Some(unit) = UNITS.accelerator(model) {
                if rest.iter().all(|part| is_gpu_word(part)) {
                    return Some((unit, k));
                }
                // "H800-GPU-Stunden": the hours are the unit.
                if let Some(hours) = UNITS
                    .lookup(&rest.join("-"))
                    .filter(|hours| !hours.accelerator)
                {
                    return Some((hours, k));
                }
            }
            if let Some(last) = rest.last()
                && let Some(unit) = UNITS.lookup(last).filter(|unit| unit.name == "gpu")
            {
                return Some((unit, k));
            }
        }
        let starts_longer = self
            .lower(k)
            .is_some_and(|lower| UNITS.may_start_longer(&lower));
        for length in (1..=UNITS.max_words).rev() {
            if length > 1 && !starts_longer {
                continue;
            }
            let last = k + length - 1;
            if (k..=last).any(|index| {
                !(self.is(index, TokenKind::Word) || index > k && self.punct(index) == Some("/"))
            }) {
                continue;
            }
            // The words as the unit table spells them: one space where they stand apart. The
            // text itself when it is written so (no copy), else a copy.
            let (start, end) = (
                self.tokens[k].start as usize,
                self.tokens[last].end as usize,
            );
            let as_written = (k + 1..=last).all(|index| {
                let gap = self.tokens[index - 1].end as usize..self.tokens[index].start as usize;
                gap.len() == usize::from(self.tokens[index].space_before)
                    && (gap.is_empty() || &self.block[gap] == " ")
            });
            let copy;
            let written = if as_written {
                &self.block[start..end]
            } else {
                let mut words = String::new();
                for index in k..=last {
                    if index > k && self.tokens[index].space_before {
                        words.push(' ');
                    }
                    words.push_str(self.text(index));
                }
                copy = words;
                copy.as_str()
            };
            if let Some(unit) = UNITS.lookup(written) {
                if unit.accelerator {
                    // "2.788 million H800 GPU hours": the hours are the unit.
                    if let Some((hours, hours_last)) = self.unit_at(last + 1)
                        && !hours.accelerator
                        && hours.name != "gpu"
                    {
                        return Some((hours, hours_last));
                    }
                    // "2.6 million H100 hours": GPU hours of that model.
                    if self.word(last + 1).is_some_and(|word| {
                        matches!(
                            word.to_ascii_lowercase().as_str(),
                            "hours" | "hour" | "stunden" | "stunde"
                        )
                    }) && let Some(hours) = UNITS.lookup("GPU hours")
                    {
                        return Some((hours, last + 1));
                    }
                    // A model followed by "GPUs" or "chips": the whole phrase is the unit.
                    if self.word(last + 1).is_some_and(is_gpu_word) {
                        return Some((unit, last + 1));
                    }
                }
                return Some((unit, last));
            }
        }
        // A bare symbol after a space: "1,000 W", "80 B". Glued to the digits, `B` is a scale
        // or a model size ("70B").
        if self.tokens[k].space_before
            && let Some(unit) = UNITS.symbol(word)
        {
            return Some((unit, k));
        }
        None
    }

    fn apply_unit(&self, draft: &mut Draft, unit: crate::units::UnitMatch, last: usize) {
        draft.value = times_power_of_ten(draft.value, unit.exponent);
        if let Some(high) = &mut draft.high {
            *high = times_power_of_ten(*high, unit.exponent);
        }
        draft.unit = Some(unit.name);
        draft.unit_exponent = unit.exponent;
        draft.kind = Some(match unit.kind {
            UnitKind::Count => ClaimKind::Count,
            UnitKind::Quantity => ClaimKind::Quantity,
        });
        draft.last = last;
    }

    fn carry_unit(&self, draft: &mut Draft) {
        let Some(previous) = self.claims[self.first..].last() else {
            return;
        };
        if previous.unit.is_none()
            || !matches!(previous.kind, ClaimKind::Count | ClaimKind::Quantity)
        {
            return;
        }
        let first = draft.first;
        if first == 0 {
            return;
        }
        // A hedge or bound makes the figure a claim of its own ("about 2,000 GPUs and more than
        // 500 servers"), and so does a noun after it ("2.000 Server").
        if draft.bound != Bound::Exact || draft.only || self.noun_at(draft.last + 1) {
            return;
        }
        let connector = first - 1;
        let connects = matches!(self.punct(connector), Some("," | "/"))
            || matches!(
                self.lower(connector).as_deref(),
                Some("or" | "oder" | "and" | "und" | "bis" | "to")
            );
        let previous_end = previous.span.end - self.base;
        if !connects
            || self.tokens[connector].start as usize != self.next_token_start(previous_end)
            || !self.same_sentence(connector, first)
        {
            return;
        }
        draft.unit = previous.unit;
        draft.unit_carried = true;
        draft.kind = Some(previous.kind);
    }

    /// Whether token `i` is a word that names something (a noun or an adjective before one),
    /// not a conjunction, verb or other function word.
    fn noun_at(&self, i: usize) -> bool {
        let Some(word) = self.word(i) else {
            return false;
        };
        let mut buffer = [0u8; 48];
        let Some(lower) = lexicon::lowercase_into(word, &mut buffer) else {
            return true;
        };
        !lexicon::is_function_word(lower) && !lexicon::hedge_like(lower)
    }

    fn next_token_start(&self, offset: usize) -> usize {
        let index = self
            .tokens
            .partition_point(|token| (token.start as usize) < offset);
        self.tokens
            .get(index)
            .map_or(usize::MAX, |token| token.start as usize)
    }

    // ---- finishing -----------------------------------------------------------------------

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.base + self.tokens[first].start as usize,
            self.base + self.tokens[last].end as usize,
        )
    }

    fn span_text(&self, first: usize, last: usize) -> &'a str {
        &self.block[self.tokens[first].start as usize..self.tokens[last].end as usize]
    }

    /// Turns a draft into a claim and returns the index after its last token.
    fn finish(&mut self, draft: &mut Draft) -> usize {
        // "fast das 18-Fache", "mehr als das Doppelte": a hedge before the article of a
        // multiple. (In English the article makes the multiple a figure of its own: "much less
        // than the 2x for Ethash".)
        if draft.kind == Some(ClaimKind::Multiplier)
            && draft.bound == Bound::Exact
            && draft.first >= 2
            && matches!(
                self.lower(draft.first - 1).as_deref(),
                Some("das" | "dem" | "beim" | "zum")
            )
            && let Some((length, Hedge::Bound(bound))) = self.hedge_before(draft.first - 1)
            && draft.first - 1 - length >= self.claimed_until(draft.first)
        {
            draft.bound = bound;
            draft.first -= 1 + length;
        }
        let mut kind = draft.kind.unwrap_or(ClaimKind::Count);
        let mut unit = draft.unit;
        if let Some(code) = draft.currency {
            if matches!(kind, ClaimKind::Count | ClaimKind::Quantity) {
                kind = ClaimKind::Money;
            }
            unit = if code == "¥" {
                self.resolve_yen(draft.first)
            } else {
                Some(code)
            };
        }
        let value = match draft.date {
            Some(date) => ClaimValue::Date(date),
            None => ClaimValue::Number(draft.value),
        };
        // A claim lies inside its sentence, even where it reaches past a sentence end the
        // splitter saw ("about 22. 4 %" read as one malformed figure).
        let mut sentence = self.sentences.span_of(draft.first, self.tokens, self.base);
        if self.sentences.of(draft.last) != self.sentences.of(draft.first) {
            sentence.end = sentence.end.max(
                self.sentences
                    .span_of(draft.last, self.tokens, self.base)
                    .end,
            );
        }
        self.ranges.push((draft.first, draft.last));
        self.claims.push(Claim {
            span: self.span(draft.first, draft.last),
            kind,
            value,
            high: draft.high,
            bound: draft.bound,
            only: draft.only,
            unit,
            unit_carried: draft.unit_carried,
            scale_exponent: draft.scale.as_ref().map(|(_, exponent)| *exponent),
            scale: draft.scale.take().map(|(written, _)| written),
            subject: None,
            period: None,
            per: None,
            sentence,
            row: None,
            language: self.language,
            written: draft.written,
        });
        draft.last + 1
    }

    /// `¥` is the sign of both the yuan and the yen; the sentence decides.
    fn resolve_yen(&mut self, at: usize) -> Option<&'static str> {
        let sentence = self.sentences.span_of(at, self.tokens, 0);
        if let Some((known, currency)) = self.yen
            && known == sentence
        {
            return currency;
        }
        let currency = self.yen_in(sentence);
        self.yen = Some((sentence, currency));
        currency
    }

    /// The currency the words of `sentence` give `¥`, found in any case without lowercasing
    /// the sentence: each list is looked for on its own, so that a word of one that overlaps
    /// a word of the other (`CNYen`) is found all the same.
    fn yen_in(&self, sentence: Span) -> Option<&'static str> {
        type Words = std::sync::LazyLock<Option<aho_corasick::AhoCorasick>>;
        static CHINESE: Words = Words::new(|| {
            lexicon::any_case_words(["yuan", "china", "chines", "rmb", "renminbi", "cny"])
        });
        static JAPANESE: Words = Words::new(|| lexicon::any_case_words(["yen", "japan", "jpy"]));
        let text = &self.block[sentence.start..sentence.end];
        let found = |words: &Words| words.as_ref().is_some_and(|words| words.is_match(text));
        let (chinese, japanese) = (found(&CHINESE), found(&JAPANESE));
        match (chinese, japanese) {
            (true, false) => Some("CNY"),
            (false, true) => Some("JPY"),
            _ => None,
        }
    }
}

/// Whether `word` has a capital after its first letter: a name ("macOS", "RustConf", "EU").
fn capital_inside(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// A tier after a model version: "Claude 3 Opus", "Gemini 2.5 Pro".
fn is_model_tier(lower: &str) -> bool {
    matches!(
        lower,
        "pro"
            | "ultra"
            | "flash"
            | "nano"
            | "mini"
            | "max"
            | "plus"
            | "turbo"
            | "opus"
            | "sonnet"
            | "haiku"
            | "instruct"
            | "chat"
            | "vision"
            | "lite"
            | "preview"
    )
}

/// The exponent of a glued `e25` or `E9` ("3.8e25").
fn exponent_word(word: &str) -> Option<i32> {
    let digits = word.strip_prefix(['e', 'E'])?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The value of a superscript digit.
fn superscript_digit(text: &str) -> Option<i32> {
    Some(match text {
        "⁰" => 0,
        "¹" => 1,
        "²" => 2,
        "³" => 3,
        "⁴" => 4,
        "⁵" => 5,
        "⁶" => 6,
        "⁷" => 7,
        "⁸" => 8,
        "⁹" => 9,
        _ => return None,
    })
}

/// A vendor name that may precede a model: "Nvidia-H800-GPUs".
fn is_vendor(word: &str) -> bool {
    ["nvidia", "amd", "intel"]
        .iter()
        .any(|vendor| word.eq_ignore_ascii_case(vendor))
}

/// A word that names GPUs after a model name: "H800 GPUs", "B200-Chips".
fn is_gpu_word(word: &str) -> bool {
    ["chips", "chip", "karten", "cards"]
        .iter()
        .any(|gpu| word.eq_ignore_ascii_case(gpu))
        || UNITS.lookup(word).is_some_and(|unit| unit.name == "gpu")
}

/// The value of a vulgar fraction character.
fn vulgar_fraction(text: &str) -> Option<f64> {
    Some(match text {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅛" => 0.125,
        "⅒" => 0.1,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::language::Language;
    use crate::{DocumentFormat, Options, analyze};

    /// A URL's end found with what the last digit's search remembered is the one a fresh
    /// search finds, for every digit in turn, across runs and schemes.
    #[test]
    fn url_ends_remembered_are_found_afresh() {
        let pieces = ["#1", "://", "a", "5", " ", "/", ":", "x.y", "(", "7:", "//"];
        for seed in 0..4000u32 {
            let mut text = String::new();
            let mut state = seed;
            for _ in 0..12 {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(state >> 16) as usize % pieces.len()]);
            }
            let bytes = text.as_bytes();
            let mut remembered = super::UrlRun::default();
            for digit in (0..bytes.len()).filter(|&at| bytes[at].is_ascii_digit()) {
                assert_eq!(
                    super::url_end(bytes, digit, &mut remembered),
                    super::url_end(bytes, digit, &mut super::UrlRun::default()),
                    "{text:?} at {digit}"
                );
            }
        }
    }

    /// The digit search finds what a byte-by-byte search finds, from every start, with the
    /// digit at every place of a sixteen-byte lane and in the tail, beside every other byte.
    #[test]
    fn the_digit_search_finds_the_first_digit() {
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 47, 70] {
            for place in 0..=length {
                for other in (0..=255u8)
                    .step_by(7)
                    .chain([b'/', b':', b'0' - 1, b'9' + 1])
                {
                    let mut bytes = vec![other; length];
                    for digit in [b'0', b'9'] {
                        if place < length {
                            bytes[place] = digit;
                        }
                        for from in [0, 1, place.saturating_sub(1), place, length] {
                            let expected = bytes
                                .get(from..)
                                .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
                                .map(|at| from + at);
                            assert_eq!(
                                super::next_ascii_digit(&bytes, from),
                                expected,
                                "{bytes:?} from {from}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// `¥` is read as yen or yuan by its own sentence, whichever sentence of the paragraph
    /// came before (the currency of the last sentence asked about is remembered), its words
    /// in any case.
    #[test]
    fn yen_is_resolved_by_its_own_sentence() {
        let text = "In JAPAN it cost ¥5 and ¥6. In China it cost ¥7, or ¥8 in YUAN. \
                    It cost ¥9. In Tokyo, the Yen bought ¥10. It cost ¥11 CNYen.";
        let analysis = analyze(text, DocumentFormat::PlainText, &Options::default());
        let units: Vec<Option<&str>> = analysis.claims.iter().map(|claim| claim.unit).collect();
        assert_eq!(
            units,
            [
                Some("JPY"),
                Some("JPY"),
                Some("CNY"),
                Some("CNY"),
                None,
                Some("JPY"),
                // Both currencies named (`CNY` and `Yen` overlap): undecided.
                None
            ]
        );
    }

    /// Claims come in order, never overlap and lie inside their sentence, whatever the text.
    #[test]
    fn claims_are_ordered_disjoint_and_inside_their_sentence() {
        let texts = [
            "between 26. 14 Mrd",
            "2024€½ years",
            "five to 2025$Dutzend",
            "3.1 $ 2024 five-year",
            "about 22. 4 % MFU and 10^25 FLOP, 3.8e25 FLOP or $300bn-plus.",
            "Laut Umfrage unter 603 Firmen, 2023 waren es 15 %.",
        ];
        for language in [Some(Language::English), Some(Language::German), None] {
            for text in texts {
                let options = Options {
                    language,
                    ..Options::default()
                };
                let analysis = analyze(text, DocumentFormat::PlainText, &options);
                let mut previous_end = 0;
                for claim in &analysis.claims {
                    assert!(
                        claim.span.start >= previous_end,
                        "{text:?}: overlapping claims"
                    );
                    assert!(
                        claim.sentence.start <= claim.span.start
                            && claim.span.end <= claim.sentence.end,
                        "{text:?}: claim outside its sentence"
                    );
                    previous_end = claim.span.end;
                }
            }
        }
    }

    /// The masks of the raw-text filter mark what a byte-by-byte reading marks.
    #[test]
    fn letter_and_lead_masks_match_the_bytes() {
        let text = "Ab-z@[`{ ~Zy\u{7f}äöü ½ — “fünf” 3.5 ßx\ttail of the window, and more text ok";
        let mut window = [0u8; 64];
        window.copy_from_slice(&text.as_bytes()[..64]);
        let masks = crate::text::ByteMasks::of_window(&window);
        for (at, byte) in window.iter().enumerate() {
            assert_eq!(
                masks.letters >> at & 1 == 1,
                byte.is_ascii_alphabetic(),
                "{at}"
            );
            assert_eq!(masks.high >> at & 1 == 1, *byte >= 0x80, "{at}");
            assert_eq!(masks.leads >> at & 1 == 1, *byte >= 0xc0, "{at}");
        }
    }

    /// Words and fractions are found wherever they fall against the 64-byte windows.
    #[test]
    fn the_raw_text_filter_reads_across_windows() {
        use super::may_hold_claims;
        for offset in 0..70 {
            let pad = " ".repeat(offset);
            assert!(may_hold_claims(&format!("{pad}three things")), "{offset}");
            assert!(may_hold_claims(&format!("{pad}x½ things")), "{offset}");
            assert!(may_hold_claims(&format!("{pad}—fünf")), "{offset}");
            assert!(may_hold_claims(&format!("{pad}Straße—Hälfte")), "{offset}");
            // A word that goes on over a window's end is one word.
            let letters = "q".repeat(offset.max(1));
            assert!(
                !may_hold_claims(&format!("{letters}three things")),
                "{offset}"
            );
            assert!(may_hold_claims(&format!("{letters} three")), "{offset}");
        }
    }
    /// Claims that start at words whose first three letters are no number word's: articles,
    /// "halbe", "…mal", months and "every"/"jeder" get past the word gate.
    #[test]
    fn claims_that_start_at_words_the_gate_lets_through() {
        let cases = [
            (
                Language::German,
                "Er kam elfmal zu spät, 2024 sogar dreimal.",
                "elfmal",
            ),
            (
                Language::German,
                "Es kostete eine halbe Milliarde Euro.",
                "halbe Milliarde Euro",
            ),
            (
                Language::German,
                "Sie zahlten ein Drittel der Kosten.",
                "ein Drittel",
            ),
            (
                Language::German,
                "Jeder zehnte Deutsche war dabei.",
                "Jeder zehnte",
            ),
            (Language::English, "One in five users left.", "One in five"),
            (
                Language::English,
                "It cost one million dollars.",
                "one million dollars",
            ),
            (Language::English, "Every fifth user left.", "Every fifth"),
            (
                Language::English,
                "It shipped on March 3, 2025.",
                "March 3, 2025",
            ),
        ];
        for (language, text, wanted) in cases {
            let options = Options {
                language: Some(language),
                ..Options::default()
            };
            let analysis = analyze(text, DocumentFormat::PlainText, &options);
            assert!(
                analysis
                    .claims
                    .iter()
                    .any(|claim| text[claim.span.start..claim.span.end].contains(wanted)),
                "{text:?}: no claim with {wanted:?} in {:?}",
                analysis
                    .claims
                    .iter()
                    .map(|claim| &text[claim.span.start..claim.span.end])
                    .collect::<Vec<_>>()
            );
        }
    }

    /// A year that opens a block before its verb dates the figures after it; a count before a
    /// plural verb, or one with its noun, stays a count.
    #[test]
    fn a_year_opening_a_block_before_its_verb_is_a_date() {
        let read = |text: &str, language| {
            let options = Options {
                language: Some(language),
                ..Options::default()
            };
            let analysis = analyze(text, DocumentFormat::PlainText, &options);
            analysis
                .claims
                .iter()
                .map(|claim| {
                    let period = claim
                        .period
                        .as_ref()
                        .map(|period| &text[period.start..period.end]);
                    (claim.kind, period.map(str::to_owned))
                })
                .collect::<Vec<_>>()
        };
        use crate::claims::ClaimKind::{Count, Date, Money};
        let year = |period: &str| Some(period.to_owned());
        assert_eq!(
            read(
                "2024 stieg der Umsatz auf 5 Millionen Euro.",
                Language::German
            ),
            [(Date, None), (Money, year("2024"))]
        );
        assert_eq!(
            read(
                "2024 was a record year; 2000 were evacuated.",
                Language::English
            ),
            [(Date, None), (Count, None)]
        );
        assert_eq!(
            read(
                "2000 Menschen kamen, 2023 waren es 1.500.",
                Language::German
            ),
            [(Count, None), (Date, None), (Count, year("2023"))]
        );
    }

    /// A wall of figures is passed over for subjects, pers and periods only where its
    /// sentence holds no word: a year said before it still dates the figure after it.
    #[test]
    fn a_wall_of_figures_keeps_the_year_said_before_it() {
        let wall = |opening: &str| {
            let text = format!("{opening}{}", " 5 %".repeat(400));
            let analysis = analyze(&text, DocumentFormat::PlainText, &Options::default());
            analysis
                .claims
                .iter()
                .filter(|claim| claim.kind == crate::claims::ClaimKind::Percent)
                .map(|claim| {
                    claim
                        .period
                        .as_ref()
                        .map(|period| text[period.start..period.end].to_owned())
                })
                .collect::<Vec<_>>()
        };
        let dated = wall("In 2024,");
        assert_eq!(dated.len(), 400);
        assert_eq!(dated[0].as_deref(), Some("In 2024"));
        assert!(dated[1..].iter().all(Option::is_none));
        let undated = wall("");
        assert_eq!(undated.len(), 400);
        assert!(undated.iter().all(Option::is_none));
    }
}
