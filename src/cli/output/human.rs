//! Human output of `check`: rustc-style snippets with line:column and a label under the span.

use std::io::{self, Write};

use factlint::Severity;
use factlint::diagnostics::{Applicability, Finding};
use factlint::text::LineIndex;

use super::{DocumentView, Emitter, Totals, plural, position};
use crate::cli::inputs::InputError;

/// How many characters of a long line are shown around the span.
const CONTEXT_CHARS: usize = 40;

struct Style {
    color: bool,
}

impl Style {
    fn paint<'a>(&self, code: &'a str, text: &'a str) -> Painted<'a> {
        Painted {
            code: self.color.then_some(code),
            text,
        }
    }

    /// Pushes `text`, in the colour of SGR `code` when colour is on.
    fn put(&self, out: &mut String, code: Option<&str>, text: &str) {
        match code.filter(|_| self.color) {
            Some(code) => {
                out.push_str("\x1b[");
                out.push_str(code);
                out.push('m');
                out.push_str(text);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(text),
        }
    }

    /// The SGR code to write, when colour is on.
    fn code<'a>(&self, code: &'a str) -> Option<&'a str> {
        self.color.then_some(code)
    }

    fn severity(&self, severity: Severity) -> Painted<'static> {
        match severity {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Info => self.paint("1;36", "info"),
            Severity::Hint => self.paint("1;32", "hint"),
        }
    }
}

/// Text written in a colour (an SGR `code`), or as it is: formatted straight into the output.
struct Painted<'a> {
    code: Option<&'a str>,
    text: &'a str,
}

impl std::fmt::Display for Painted<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(code) => write!(formatter, "\x1b[{code}m{}\x1b[0m", self.text),
            None => formatter.write_str(self.text),
        }
    }
}

/// `check --format human`: each finding as a snippet, then a summary line (unless `quiet`).
pub(crate) struct HumanEmitter {
    style: Style,
    quiet: bool,
    /// A finding is composed here and written at once: the output of many findings costs no
    /// allocation per line.
    scratch: String,
}

impl HumanEmitter {
    pub fn new(color: bool, quiet: bool) -> HumanEmitter {
        HumanEmitter {
            style: Style { color },
            quiet,
            scratch: String::new(),
        }
    }
}

impl Emitter for HumanEmitter {
    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        self.scratch.clear();
        compose_finding(
            &mut self.scratch,
            &self.style,
            finding,
            document.name,
            document.text,
            document.index,
        );
        out.write_all(self.scratch.as_bytes())
    }

    fn end(
        &mut self,
        out: &mut dyn Write,
        totals: &Totals,
        errors: &[InputError],
    ) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let style = &self.style;
        let total = totals.shown_total();
        if !errors.is_empty() {
            writeln!(
                out,
                "{}: {} in {}; {} read; {} could not be read (see the errors above)",
                style.paint("1;31", "incomplete"),
                plural(total, "finding"),
                plural(totals.files, "file"),
                plural(totals.claims, "claim"),
                plural(errors.len(), "input"),
            )
        } else if total == 0 {
            writeln!(
                out,
                "{} no findings in {}; {} read",
                style.paint("1;32", "ok:"),
                plural(totals.files, "file"),
                plural(totals.claims, "claim")
            )
        } else {
            writeln!(
                out,
                "{}: {} ({} error, {} warning, {} info) in {} of {}; {} read",
                style.paint("1", "summary"),
                plural(total, "finding"),
                totals.shown[Severity::Error as usize],
                totals.shown[Severity::Warning as usize],
                totals.shown[Severity::Info as usize],
                totals.files_with_shown,
                plural(totals.files, "file"),
                plural(totals.claims, "claim"),
            )
        }
    }
}

fn compose_finding(
    out: &mut String,
    style: &Style,
    finding: &Finding,
    name: &str,
    text: &str,
    index: &LineIndex,
) {
    // Writing to a `String` cannot fail. The lines every finding has are pushed piece by
    // piece, without the formatting machinery: 100,000 findings are a lot of lines.
    use std::fmt::Write as _;
    let start = position(index, text, finding.span.start);
    let severity = style.severity(finding.severity);
    style.put(out, severity.code, severity.text);
    match style.code("1") {
        Some(bold) => {
            let _ = write!(out, "\x1b[{bold}m[{}]\x1b[0m", finding.code);
        }
        None => {
            out.push('[');
            out.push_str(finding.code);
            out.push(']');
        }
    }
    out.push_str(": ");
    style.put(out, Some("1"), &finding.message);
    out.push('\n');
    let gutter = digits(start.line);
    let pad = |out: &mut String| push_repeated(out, ' ', gutter);
    pad(out);
    style.put(out, Some("1;34"), "-->");
    out.push(' ');
    push_location(out, name, &start);
    out.push('\n');
    let line_number = start.line - 1;
    let line = index.line_text(text, line_number);
    let line_start = index.line_start(line_number).unwrap_or(0);
    let span_start = finding
        .span
        .start
        .saturating_sub(line_start)
        .min(line.len());
    let span_end = (finding.span.end.saturating_sub(line_start))
        .min(line.len())
        .max(span_start);
    pad(out);
    out.push(' ');
    style.put(out, Some("1;34"), "|");
    out.push('\n');
    match style.code("1;34") {
        Some(code) => {
            let _ = write!(out, "\x1b[{code}m{}\x1b[0m", start.line);
        }
        None => push_number(out, start.line),
    }
    out.push(' ');
    style.put(out, Some("1;34"), "|");
    out.push(' ');
    let (marker_offset, marker_width) = window(out, line, span_start, span_end);
    out.push('\n');
    let marker_color = match finding.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
        Severity::Hint => "1;32",
    };
    pad(out);
    out.push(' ');
    style.put(out, Some("1;34"), "|");
    out.push(' ');
    if let Some(code) = style.code(marker_color) {
        let _ = write!(out, "\x1b[{code}m");
    }
    push_repeated(out, ' ', marker_offset);
    push_repeated(out, '^', marker_width.max(1));
    if style.color {
        out.push_str("\x1b[0m");
    }
    out.push('\n');
    let line_with = |out: &mut String, label: &str| {
        pad(out);
        out.push(' ');
        style.put(out, Some("1;34"), "=");
        out.push(' ');
        style.put(out, Some("1"), label);
        out.push_str(": ");
    };
    for related in &finding.related {
        let at = position(index, text, related.span.start);
        line_with(out, "see");
        push_location(out, name, &at);
        out.push_str(": ");
        out.push_str(&related.message);
        out.push('\n');
    }
    if let Some(note) = &finding.note {
        line_with(out, "note");
        out.push_str(note);
        out.push('\n');
    }
    if let Some(explanation) = &finding.explanation {
        if let Some(computation) = &explanation.computation {
            line_with(out, "computed");
            let _ = writeln!(out, "{computation}");
        }
        for source in &explanation.sources {
            line_with(out, "source");
            out.push_str(&source.title);
            let details: Vec<&str> = [source.publisher.as_deref(), source.published.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !details.is_empty() {
                let _ = write!(out, " ({})", details.join(", "));
            }
            if let Some(url) = &source.url {
                let _ = write!(out, " <{url}>");
            }
            out.push('\n');
        }
    }
    if let Some(fix) = &finding.fix {
        let safety = match fix.applicability {
            Applicability::Safe => "safe fix",
            Applicability::Suggestion => "suggestion",
        };
        line_with(out, "help");
        out.push_str(&fix.title);
        out.push_str(" (");
        out.push_str(safety);
        out.push_str(")\n");
    }
    out.push('\n');
}

/// Pushes `name:line:column`.
fn push_location(out: &mut String, name: &str, at: &factlint::report::Position) {
    out.push_str(name);
    out.push(':');
    push_number(out, at.line);
    out.push(':');
    push_number(out, at.column);
}

/// Pushes `number` in decimal.
fn push_number(out: &mut String, number: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// How many digits `number` has in decimal.
fn digits(number: u32) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Pushes `count` times the ASCII character `ch`.
fn push_repeated(out: &mut String, ch: char, count: usize) {
    debug_assert!(ch.is_ascii());
    const SPACES: &str = "                                                                ";
    const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";
    let run = match ch {
        ' ' => SPACES,
        '^' => CARETS,
        _ => "",
    };
    if count <= run.len() && !run.is_empty() {
        out.push_str(&run[..count]);
    } else {
        out.extend(std::iter::repeat_n(ch, count));
    }
}

/// The part of `line` to show around bytes `start..end`: the text, and where (in characters)
/// and how wide the marker goes. Long lines are cut with `…` on either side. Only the shown
/// part of the line is walked, so many findings on one long line cost linear time.
fn window(out: &mut String, line: &str, start: usize, end: usize) -> (usize, usize) {
    let (from, to, offset, span_chars) = window_bounds(line, start, end);
    let mut offset = offset;
    if from > 0 {
        out.push('…');
        offset += 1;
    }
    // A tab is shown as one space, so that the marker stays under the span.
    let shown = &line[from..to];
    let mut rest = shown;
    while let Some(tab) = memchr::memchr(b'\t', rest.as_bytes()) {
        out.push_str(&rest[..tab]);
        out.push(' ');
        rest = &rest[tab + 1..];
    }
    out.push_str(rest);
    if to < line.len() {
        out.push('…');
    }
    (offset, span_chars)
}

/// Where the window around bytes `start..end` of `line` begins and ends (bytes), and where
/// (in characters from its beginning) and how wide the marker goes.
fn window_bounds(line: &str, start: usize, end: usize) -> (usize, usize, usize, usize) {
    // Characters are counted by their first bytes, without decoding them: `CONTEXT_CHARS`
    // of them back from the span and on from its end. A run of bytes holds at most as many
    // characters as bytes, so each step counts a run as long as the characters still wanted.
    let bytes = line.as_bytes();
    let count_chars = |run: &[u8]| run.iter().filter(|&&byte| (byte as i8) >= -0x40).count();
    let (mut from, mut offset) = (start, 0);
    while offset < CONTEXT_CHARS && from > 0 {
        let low = from.saturating_sub(CONTEXT_CHARS - offset);
        offset += count_chars(&bytes[low..from]);
        from = low;
    }
    // A step that reached the count took a character in each of its bytes: `from` begins
    // one. Forward, the last step may end inside a character; the window ends where the
    // next one begins.
    let (mut to, mut taken) = (end, 0);
    while taken < CONTEXT_CHARS && to < bytes.len() {
        let high = (to + CONTEXT_CHARS - taken).min(bytes.len());
        taken += count_chars(&bytes[to..high]);
        to = high;
    }
    while !line.is_char_boundary(to) {
        to += 1;
    }
    let span_chars = line[start..end].chars().count();
    (from, to, offset, span_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window as it is defined: count every character of the line.
    fn window_by_counting(line: &str, start: usize, end: usize) -> (String, usize, usize) {
        let chars_before = line[..start].chars().count();
        let span_chars = line[start..end].chars().count();
        let skip = chars_before.saturating_sub(CONTEXT_CHARS);
        let take = CONTEXT_CHARS.min(chars_before) + span_chars + CONTEXT_CHARS;
        let total = line.chars().count();
        let mut shown = String::new();
        let mut offset = chars_before - skip;
        if skip > 0 {
            shown.push('…');
            offset += 1;
        }
        shown.extend(
            line.chars()
                .skip(skip)
                .take(take)
                .map(|c| if c == '\t' { ' ' } else { c }),
        );
        if skip + take < total {
            shown.push('…');
        }
        (shown, offset, span_chars)
    }

    #[test]
    fn the_window_walks_only_what_it_shows() {
        let wide = "ä\t€ 2.000 GPUs ".repeat(12) + "😀 5 %";
        // ASCII around most spans, and characters of more bytes at the window's edges.
        let mostly_ascii =
            "ä".to_owned() + &"x\t2,000 GPUs ".repeat(8) + "😀 5 %" + &"y".repeat(45);
        for line in [wide, mostly_ascii] {
            the_window_is_what_counting_shows(&line);
        }
    }

    fn the_window_is_what_counting_shows(line: &str) {
        let boundaries: Vec<usize> = (0..=line.len())
            .filter(|&at| line.is_char_boundary(at))
            .collect();
        for (i, &start) in boundaries.iter().enumerate() {
            for &end in boundaries[i..].iter().take(6) {
                let mut shown = String::new();
                let (offset, width) = window(&mut shown, line, start, end);
                assert_eq!(
                    (shown, offset, width),
                    window_by_counting(line, start, end),
                    "{start}..{end}"
                );
            }
        }
    }
}
