//! `check --format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request's changed lines.
//!
//! Errors are `::error`, warnings `::warning`, infos (and hints, with `--show-hints`)
//! `::notice`. GitHub shows only a few annotations of each kind per step, so a summary line
//! with the full count ends the output.

use std::io::{self, Write};

use factlint::Severity;
use factlint::diagnostics::Finding;
use factlint::text::LineIndex;

use super::{DocumentView, Emitter, Totals, plural, position};
use crate::cli::inputs::InputError;

/// `check --format github`: an annotation per finding, then the summary line.
pub(crate) struct GithubEmitter;

impl Emitter for GithubEmitter {
    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        writeln!(
            out,
            "{}",
            annotation(finding, document.name, document.text, document.index)
        )
    }

    fn end(
        &mut self,
        out: &mut dyn Write,
        totals: &Totals,
        errors: &[InputError],
    ) -> io::Result<()> {
        let counts = &totals.shown;
        let total = totals.shown_total();
        let mut summary = format!(
            "factlint: {} ({}, {}, {}) in {}",
            plural(total, "finding"),
            plural(counts[Severity::Error as usize], "error"),
            plural(counts[Severity::Warning as usize], "warning"),
            plural(
                counts[Severity::Info as usize] + counts[Severity::Hint as usize],
                "notice"
            ),
            plural(totals.files, "file"),
        );
        if !errors.is_empty() {
            summary.push_str(&format!(
                "; {} could not be read",
                plural(errors.len(), "input")
            ));
        }
        if total > 10 {
            summary.push_str(
                "; GitHub shows only the first annotations of each kind, the log above has them all",
            );
        }
        writeln!(out, "{summary}")
    }
}

/// One workflow command for a finding.
fn annotation(finding: &Finding, name: &str, text: &str, index: &LineIndex) -> String {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    };
    let start = position(index, text, finding.span.start);
    let end = position(index, text, finding.span.end);
    let title = format!(
        "{} {}",
        finding.code,
        factlint::checks::lookup(finding.code).map_or("", |code| code.name)
    );
    let mut message = finding.message.clone();
    if let Some(note) = &finding.note {
        message.push('\n');
        message.push_str(note);
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&crate::cli::select::normalise(name)),
        start.line,
        start.column,
        end.line,
        end.column,
        escape_property(title.trim_end()),
        escape_data(&message),
    )
}

/// Escapes the message of a workflow command: `%`, carriage return and line feed.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command: as data, plus `:` and `,`.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks() {
        assert_eq!(
            escape_data("13 % of 100%\r\nnext: a, b"),
            "13 %25 of 100%25%0D%0Anext: a, b"
        );
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(
            escape_property("docs/a:b,c%.md\n"),
            "docs/a%3Ab%2Cc%25.md%0A"
        );
    }

    #[test]
    fn an_annotation_names_file_line_column_and_title() {
        let text = "x\nDie Kosten: 22, 4 %\n";
        let index = LineIndex::new(text);
        let start = text.find("22").unwrap();
        let finding = Finding {
            code: "FL001",
            severity: Severity::Warning,
            span: factlint::Span::new(start, start + 5),
            message: "`22, 4` has a space, after the mark: 100%".to_owned(),
            note: Some("Write 22,4.".into()),
            related: Vec::new(),
            fix: None,
            verdict: None,
            rule: None,
            explanation: None,
        };
        assert_eq!(
            annotation(&finding, "./docs/a, b.md", text, &index),
            "::warning file=docs/a%2C b.md,line=2,col=13,endLine=2,endColumn=18,title=FL001 malformed-number::`22, 4` has a space, after the mark: 100%25%0AWrite 22,4."
        );
    }
}
