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
}

impl HumanEmitter {
    pub fn new(color: bool, quiet: bool) -> HumanEmitter {
        HumanEmitter {
            style: Style { color },
            quiet,
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
        write_finding(
            out,
            &self.style,
            finding,
            document.name,
            document.text,
            document.index,
        )
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

fn write_finding(
    out: &mut dyn Write,
    style: &Style,
    finding: &Finding,
    name: &str,
    text: &str,
    index: &LineIndex,
) -> io::Result<()> {
    let start = position(index, text, finding.span.start);
    writeln!(
        out,
        "{}{}: {}",
        style.severity(finding.severity),
        style.paint("1", &format!("[{}]", finding.code)),
        style.paint("1", &finding.message)
    )?;
    let gutter = start.line.to_string().len();
    let pad = " ".repeat(gutter);
    writeln!(
        out,
        "{pad}{} {name}:{}:{}",
        style.paint("1;34", "-->"),
        start.line,
        start.column
    )?;
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
    let (shown, marker_offset, marker_width) = window(line, span_start, span_end);
    writeln!(out, "{pad} {}", style.paint("1;34", "|"))?;
    writeln!(
        out,
        "{} {} {shown}",
        style.paint("1;34", &start.line.to_string()),
        style.paint("1;34", "|")
    )?;
    let marker = format!(
        "{}{}",
        " ".repeat(marker_offset),
        "^".repeat(marker_width.max(1))
    );
    let marker_color = match finding.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
        Severity::Hint => "1;32",
    };
    writeln!(
        out,
        "{pad} {} {}",
        style.paint("1;34", "|"),
        style.paint(marker_color, &marker)
    )?;
    for related in &finding.related {
        let at = position(index, text, related.span.start);
        writeln!(
            out,
            "{pad} {} {}: {name}:{}:{}: {}",
            style.paint("1;34", "="),
            style.paint("1", "see"),
            at.line,
            at.column,
            related.message
        )?;
    }
    if let Some(note) = &finding.note {
        writeln!(
            out,
            "{pad} {} {}: {note}",
            style.paint("1;34", "="),
            style.paint("1", "note")
        )?;
    }
    if let Some(explanation) = &finding.explanation {
        if let Some(computation) = &explanation.computation {
            writeln!(
                out,
                "{pad} {} {}: {computation}",
                style.paint("1;34", "="),
                style.paint("1", "computed")
            )?;
        }
        for source in &explanation.sources {
            let mut cited = source.title.clone();
            let details: Vec<&str> = [source.publisher.as_deref(), source.published.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !details.is_empty() {
                cited.push_str(&format!(" ({})", details.join(", ")));
            }
            if let Some(url) = &source.url {
                cited.push_str(&format!(" <{url}>"));
            }
            writeln!(
                out,
                "{pad} {} {}: {cited}",
                style.paint("1;34", "="),
                style.paint("1", "source")
            )?;
        }
    }
    if let Some(fix) = &finding.fix {
        let safety = match fix.applicability {
            Applicability::Safe => "safe fix",
            Applicability::Suggestion => "suggestion",
        };
        writeln!(
            out,
            "{pad} {} {}: {} ({safety})",
            style.paint("1;34", "="),
            style.paint("1", "help"),
            fix.title
        )?;
    }
    writeln!(out)
}

/// The part of `line` to show around bytes `start..end`: the text, and where (in characters)
/// and how wide the marker goes. Long lines are cut with `…` on either side. Only the shown
/// part of the line is walked, so many findings on one long line cost linear time.
fn window(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let before = &line[..start];
    // The byte where the shown text begins: `CONTEXT_CHARS` characters before the span.
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    let after = &line[end..];
    let to = end
        + after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(at, _)| at);
    let span_chars = line[start..end].chars().count();
    let mut shown = String::new();
    let mut offset = line[from..start].chars().count();
    if from > 0 {
        shown.push('…');
        offset += 1;
    }
    shown.extend(
        line[from..to]
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c }),
    );
    if to < line.len() {
        shown.push('…');
    }
    (shown, offset, span_chars)
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
        let line = "ä\t€ 2.000 GPUs ".repeat(12) + "😀 5 %";
        let boundaries: Vec<usize> = (0..=line.len())
            .filter(|&at| line.is_char_boundary(at))
            .collect();
        for (i, &start) in boundaries.iter().enumerate() {
            for &end in boundaries[i..].iter().take(6) {
                assert_eq!(
                    window(&line, start, end),
                    window_by_counting(&line, start, end),
                    "{start}..{end}"
                );
            }
        }
    }
}
