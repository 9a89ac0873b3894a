//! Byte spans and the line index that converts UTF-8 byte offsets to lines and columns.
//!
//! Inside factlint every position is a UTF-8 byte offset into the original text. Lines and
//! columns exist only at the edge (CLI output, LSP, SARIF) and are computed here, once per
//! document, in time proportional to the number of lines.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets, `start..end`, into a document's original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A 0-based line and a 0-based column counted in the unit the caller asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// The unit a column is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (the LSP default and what SARIF requires).
    Utf16,
    /// Unicode scalar values (what a person counts; used in human output).
    Char,
}

/// Line starts of one text. `\n`, `\r\n` and a lone `\r` all end a line, as in LSP.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// Columns of a long line at every `CHECKPOINT` bytes: a column on it is counted from
    /// the checkpoint before it, or from the column asked for last when that lies between,
    /// so the columns of many findings on one long line cost linear time in whatever order
    /// they are asked for, and little more than their distance in document order.
    checkpoints: std::cell::RefCell<Option<Checkpoints>>,
}

/// The checkpoints of one long line.
#[derive(Clone, Debug)]
struct Checkpoints {
    unit: ColumnUnit,
    line: u32,
    /// (offset, column) every `CHECKPOINT` bytes, the line's start first.
    points: Vec<(usize, u32)>,
    /// The (offset, column) asked for last.
    last: (usize, u32),
}

/// Lines longer than this get checkpoints (see `LineIndex::checkpoints`), this far apart.
const CHECKPOINT: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + pos;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                i = at + 2;
            } else {
                i = at + 1;
            }
            line_starts.push(i);
        }
        LineIndex {
            line_starts,
            len: text.len(),
            checkpoints: std::cell::RefCell::new(None),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Where the 0-based `line` ends: the start of the next line, or the end of the text.
    fn line_end(&self, line: u32) -> usize {
        self.line_starts
            .get(line as usize + 1)
            .copied()
            .unwrap_or(self.len)
    }

    /// The byte offset where 0-based `line` starts, or `None` past the last line.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts.get(line as usize).copied()
    }

    /// The 0-based line holding `offset` (offsets past the end are clamped).
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        (self.line_starts.partition_point(|&start| start <= offset) - 1) as u32
    }

    /// The 0-based line and column of `offset`, the column counted in `unit`.
    ///
    /// An offset inside a multi-byte character is moved back to that character's start.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line as usize];
        let width = |piece: &str| match unit {
            ColumnUnit::Utf8 => piece.len(),
            ColumnUnit::Utf16 => piece.chars().map(char::len_utf16).sum(),
            ColumnUnit::Char => piece.chars().count(),
        };
        let line_end = text.len().min(self.line_end(line));
        let col = if unit == ColumnUnit::Utf8 || line_end - start <= CHECKPOINT {
            width(&text[start..offset])
        } else {
            let mut cache = self.checkpoints.borrow_mut();
            let cached = cache
                .as_ref()
                .is_some_and(|cached| cached.unit == unit && cached.line == line);
            if !cached {
                let mut points = vec![(start, 0u32)];
                let mut at = start;
                let mut col = 0;
                while at + CHECKPOINT < line_end {
                    let mut next = at + CHECKPOINT;
                    while !text.is_char_boundary(next) {
                        next += 1;
                    }
                    col += width(&text[at..next]) as u32;
                    points.push((next, col));
                    at = next;
                }
                *cache = Some(Checkpoints {
                    unit,
                    line,
                    points,
                    last: (start, 0),
                });
            }
            match &mut *cache {
                Some(Checkpoints { points, last, .. }) => {
                    // Any known column before the offset will do; the nearest costs least.
                    let from = if last.0 <= offset && offset - last.0 <= CHECKPOINT {
                        *last
                    } else {
                        let point =
                            points[points.partition_point(|&(at, _)| at <= offset).max(1) - 1];
                        if (point.0..=offset).contains(&last.0) {
                            *last
                        } else {
                            point
                        }
                    };
                    let col = from.1 as usize + width(&text[from.0..offset]);
                    *last = (offset, col as u32);
                    col
                }
                None => width(&text[start..offset]),
            }
        };
        LineCol {
            line,
            col: col as u32,
        }
    }

    /// The byte offset of a 0-based line and column counted in `unit`.
    ///
    /// Columns past the end of the line are clamped to the line's end (before its line break);
    /// lines past the end of the text are clamped to the text's end. Never panics.
    pub fn offset(&self, text: &str, pos: LineCol, unit: ColumnUnit) -> usize {
        let Some(&start) = self.line_starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self.line_end_without_break(text, pos.line as usize);
        let line = &text[start..end];
        let mut counted = 0u32;
        for (i, ch) in line.char_indices() {
            if counted >= pos.col {
                return start + i;
            }
            counted += match unit {
                ColumnUnit::Utf8 => ch.len_utf8() as u32,
                ColumnUnit::Utf16 => ch.len_utf16() as u32,
                ColumnUnit::Char => 1,
            };
            if counted > pos.col {
                // The column points inside a character: keep the character's start.
                return start + i;
            }
        }
        end
    }

    fn line_end_without_break(&self, text: &str, line: usize) -> usize {
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        let bytes = text.as_bytes();
        let mut end = end;
        if end > self.line_starts[line] && end <= bytes.len() && line + 1 < self.line_starts.len() {
            if bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > self.line_starts[line] && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        end
    }

    /// The text of the 0-based line holding `offset`, without its line break.
    pub fn line_text<'a>(&self, text: &'a str, line: u32) -> &'a str {
        let line = (line as usize).min(self.line_starts.len() - 1);
        let start = self.line_starts[line];
        let end = self.line_end_without_break(text, line);
        &text[start..end]
    }
}

/// The places of `first` and `second` in window `index` (bytes `64 * index ..`) of `bytes`,
/// one bit per byte as in `ByteMasks`, the last window read as if padded with zeros.
pub(crate) fn two_byte_masks(bytes: &[u8], index: usize, first: u8, second: u8) -> (u64, u64) {
    with_window(bytes, index, |window| {
        two_byte_masks_of_window(window, first, second)
    })
}

/// Runs `read` on window `index` (bytes `64 * index ..`) of `bytes`, the last one padded with
/// zeros: what both kinds of masks are built from.
fn with_window<T>(bytes: &[u8], index: usize, read: impl FnOnce(&[u8; 64]) -> T) -> T {
    let start = index * 64;
    let part = &bytes[start..bytes.len().min(start + 64)];
    match <&[u8; 64]>::try_from(part) {
        Ok(window) => read(window),
        Err(_) => {
            let mut window = [0u8; 64];
            window[..part.len()].copy_from_slice(part);
            read(&window)
        }
    }
}

fn two_byte_masks_of_window(window: &[u8; 64], first: u8, second: u8) -> (u64, u64) {
    use wide::u8x16;
    let (mut firsts, mut seconds) = (0, 0);
    for (at, sixteen) in window.chunks_exact(16).enumerate() {
        let mut lanes = [0; 16];
        lanes.copy_from_slice(sixteen);
        let lanes = u8x16::new(lanes);
        let shift = at * 16;
        firsts |= u64::from(lanes.simd_eq(u8x16::splat(first)).to_bitmask()) << shift;
        seconds |= u64::from(lanes.simd_eq(u8x16::splat(second)).to_bitmask()) << shift;
    }
    (firsts, seconds)
}

/// The lines of `text[from..]`, each with its line break (`\n`; a lone `\r` ends no line
/// here), found 64 bytes at a time: a mask of the line feeds of each window is built once,
/// where a search per line costs a call for lines of a few dozen bytes. Each line also tells
/// whether it holds `marked`, a byte its reader would otherwise search it for.
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// Where the next line starts.
    at: usize,
    /// The window the masks are of, and the line feeds and `marked` bytes in it from `at` on.
    window: usize,
    feeds: u64,
    marks: u64,
    marked: u8,
}

/// A line of `Lines`.
pub(crate) struct Line<'a> {
    /// Where the line starts.
    pub at: usize,
    /// The line with its line break.
    pub text: &'a str,
    /// Whether the line holds the byte its `Lines` marks.
    pub marked: bool,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, from: usize, marked: u8) -> Lines<'a> {
        let mut lines = Lines {
            text,
            at: from,
            window: from / 64,
            feeds: 0,
            marks: 0,
            marked,
        };
        if from < text.len() {
            let (feeds, marks) = two_byte_masks(text.as_bytes(), lines.window, b'\n', marked);
            let from_here = u64::MAX << (from % 64);
            (lines.feeds, lines.marks) = (feeds & from_here, marks & from_here);
        }
        lines
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let length = self.text.len();
        if self.at >= length {
            return None;
        }
        let start = self.at;
        let mut marked = false;
        loop {
            if self.feeds != 0 {
                let feed = self.feeds.trailing_zeros();
                // The bits up to and with the line feed belong to this line.
                let through = u64::MAX >> (63 - feed);
                marked |= self.marks & through != 0;
                self.marks &= !through;
                self.feeds &= self.feeds - 1;
                self.at = self.window * 64 + feed as usize + 1;
                break;
            }
            marked |= self.marks != 0;
            self.window += 1;
            if self.window * 64 >= length {
                self.at = length;
                break;
            }
            (self.feeds, self.marks) =
                two_byte_masks(self.text.as_bytes(), self.window, b'\n', self.marked);
        }
        Some(Line {
            at: start,
            text: &self.text[start..self.at],
            marked,
        })
    }
}

/// What the bytes of one 64-byte window of a text are, one bit per byte, the first byte in
/// the lowest bit: the scanners that look only at word starts build these without a branch.
#[derive(Clone, Copy, Default)]
pub(crate) struct ByteMasks {
    /// ASCII letters.
    pub letters: u64,
    /// Bytes beyond ASCII.
    pub high: u64,
    /// The first bytes of characters beyond ASCII.
    pub leads: u64,
}

impl ByteMasks {
    /// The masks of window `index` (bytes `64 * index ..`) of `bytes`, the last one read as if
    /// padded with zeros.
    pub fn of(bytes: &[u8], index: usize) -> ByteMasks {
        with_window(bytes, index, ByteMasks::of_window)
    }

    pub fn of_window(window: &[u8; 64]) -> ByteMasks {
        use wide::u8x16;
        // Sixteen bytes at a time, compared all at once: two to three times faster than
        // eight bytes at a time in a `u64` (`of_window_by_words`, which the tests compare).
        let mut masks = ByteMasks::default();
        for (at, sixteen) in window.chunks_exact(16).enumerate() {
            let mut bytes = [0; 16];
            bytes.copy_from_slice(sixteen);
            let bytes = u8x16::new(bytes);
            // Lowercased, an ASCII letter lies in `a..=z`; no byte beyond ASCII does.
            let letter = (bytes | u8x16::splat(0x20)) - u8x16::splat(b'a');
            let letter = letter.simd_lt(u8x16::splat(26));
            let lead = bytes.simd_ge(u8x16::splat(0xC0));
            let shift = at * 16;
            masks.letters |= u64::from(letter.to_bitmask()) << shift;
            masks.high |= u64::from(bytes.to_bitmask()) << shift;
            masks.leads |= u64::from(lead.to_bitmask()) << shift;
        }
        masks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masks as defined, eight bytes at a time in a `u64`.
    fn of_window_by_words(window: &[u8; 64]) -> ByteMasks {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        // Gathers the high bit of each of the eight bytes into the eight lowest bits.
        let gather = |bits: u64| ((bits & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        let mut masks = ByteMasks::default();
        for (at, eight) in window.chunks_exact(8).enumerate() {
            let word = u64::from_le_bytes(eight.try_into().unwrap());
            let lower = (word & LOW) | 0x2020_2020_2020_2020;
            let from_a = lower + 0x1f1f_1f1f_1f1f_1f1f;
            let past_z = lower + 0x0505_0505_0505_0505;
            let letter = from_a & !past_z & !word & HIGH;
            let lead = word & (word << 1) & HIGH;
            masks.letters |= gather(letter) << (at * 8);
            masks.high |= gather(word) << (at * 8);
            masks.leads |= gather(lead) << (at * 8);
        }
        masks
    }

    /// Every byte value at every place of a window, and windows of mixed text.
    #[test]
    fn byte_masks_match_their_definition() {
        let mut windows = Vec::new();
        for byte in 0..=255u8 {
            for place in [0, 7, 8, 15, 16, 33, 63] {
                let mut window = [b'a'; 64];
                window[place] = byte;
                windows.push(window);
            }
        }
        let text =
            "Größe 2.000 H800-GPUs, ¥853456 and 5 Mio. € — `code` @[]^_`{|}~AZaz\u{7f}".repeat(4);
        for start in 0..64 {
            let mut window = [0; 64];
            window.copy_from_slice(&text.as_bytes()[start..start + 64]);
            windows.push(window);
        }
        for window in &windows {
            let (fast, defined) = (ByteMasks::of_window(window), of_window_by_words(window));
            assert_eq!(
                (fast.letters, fast.high, fast.leads),
                (defined.letters, defined.high, defined.leads),
                "{window:?}"
            );
            for (at, &byte) in window.iter().enumerate() {
                assert_eq!(fast.letters >> at & 1 == 1, byte.is_ascii_alphabetic());
                assert_eq!(fast.high >> at & 1 == 1, byte >= 0x80);
                assert_eq!(fast.leads >> at & 1 == 1, byte >= 0xC0);
            }
        }
    }

    /// `Lines` gives the lines `split_inclusive` gives, from any start, and marks those
    /// holding the marked byte: lines of every length across window edges.
    #[test]
    fn lines_by_windows_match_split_inclusive() {
        let mut texts = vec![
            String::new(),
            "\n".to_owned(),
            "<".to_owned(),
            "a".repeat(64),
        ];
        let mut line = String::new();
        for length in 0..140 {
            line.push(if length % 37 == 5 { '<' } else { 'x' });
            texts.push(format!("{line}\n{line}<\n\n{line}"));
            texts.push(format!("ä{line}\r\n\n<\n{line}\n"));
        }
        for text in &texts {
            for from in (0..=text.len()).filter(|&from| text.is_char_boundary(from)) {
                let expected: Vec<(usize, &str, bool)> = text[from..]
                    .split_inclusive('\n')
                    .scan(from, |at, line| {
                        let start = *at;
                        *at += line.len();
                        Some((start, line, line.contains('<')))
                    })
                    .collect();
                let found: Vec<(usize, &str, bool)> = Lines::new(text, from, b'<')
                    .map(|line| (line.at, line.text, line.marked))
                    .collect();
                assert_eq!(found, expected, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn line_ends_of_every_kind() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_of(text.find('d').unwrap()), 3);
        assert_eq!(index.line_text(text, 1), "b");
        assert_eq!(index.line_text(text, 2), "c");
    }

    #[test]
    fn utf16_and_utf8_columns_round_trip_after_wide_characters() {
        let text = "ä ß € „“ 😀 中文 2.000 GPUs\nnext";
        let index = LineIndex::new(text);
        let offset = text.find("2.000").unwrap();
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
            let pos = index.line_col(text, offset, unit);
            assert_eq!(index.offset(text, pos, unit), offset, "{unit:?}");
        }
        let utf16 = index.line_col(text, offset, ColumnUnit::Utf16);
        // ä ß € „ “ are one unit each, the emoji two, the CJK characters one each.
        assert_eq!(utf16.col, "ä ß € „“ ".chars().count() as u32 + 2 + 1 + 3);
        assert_eq!(index.line_col(text, offset, ColumnUnit::Char).col, 14);
    }

    /// Columns asked for in any order (the cache counts on from the last one, forwards or
    /// backwards) equal those a fresh index gives.
    #[test]
    fn columns_in_any_order_equal_fresh_ones() {
        let short = "ä 1 😀 22\nx 中 3 € 4\r\n\r5 6 ß 7 ü 8 9".to_owned();
        // Long lines get checkpoints; multi-byte characters straddle them.
        let long = format!("{}\n{}", "ä 1 😀 22 中".repeat(300), "€ 4 ".repeat(700));
        for text in [short.as_str(), long.as_str()] {
            let offsets: Vec<usize> = (0..=text.len() + 2)
                .filter(|&offset| offset > text.len() || text.is_char_boundary(offset))
                .collect();
            let index = LineIndex::new(text);
            let every = if text.len() > 1000 { 13 } else { 1 };
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
                for step in [1, 7, 389] {
                    for at in (0..offsets.len()).step_by(every) {
                        let offset = offsets[(at * step + at / 2) % offsets.len()];
                        let end = offset.min(text.len());
                        if text[..end].ends_with('\r') && text[end..].starts_with('\n') {
                            // Inside a CRLF line end: the line before, tested elsewhere.
                            continue;
                        }
                        let line_start = text[..end].rfind(['\n', '\r']).map_or(0, |at| at + 1);
                        let prefix = &text[line_start..end];
                        let expected = match unit {
                            ColumnUnit::Utf8 => prefix.len(),
                            ColumnUnit::Utf16 => prefix.encode_utf16().count(),
                            ColumnUnit::Char => prefix.chars().count(),
                        };
                        let col = index.line_col(text, offset, unit).col as usize;
                        assert_eq!(col, expected, "{unit:?} {offset}");
                    }
                }
            }
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "abc\r\ndef";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 99 }, ColumnUnit::Utf16),
            3
        );
        assert_eq!(
            index.offset(text, LineCol { line: 9, col: 0 }, ColumnUnit::Utf16),
            8
        );
        assert_eq!(
            index.line_col(text, 999, ColumnUnit::Utf8),
            LineCol { line: 1, col: 3 }
        );
    }
}
