//! `check --format rdjson`: reviewdog's Diagnostic Format (rdjson), for `reviewdog -f=rdjson`.
//!
//! Lines and columns are 1-based; columns count UTF-8 bytes, as the format defines them. Every
//! fix becomes a suggestion, which reviewdog offers as a suggested change for a person to
//! accept (safe fixes and suggestions alike).

use std::io::{self, Write};

use serde_json::{Value, json};

use factlint::Severity;
use factlint::text::{ColumnUnit, LineIndex, Span};

use crate::cli::Checked;

pub(crate) fn write_rdjson(
    out: &mut impl Write,
    checked: &[Checked],
    show_hints: bool,
) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for done in checked {
        let text = &done.input.text;
        let index = LineIndex::new(text);
        let path = crate::cli::select::normalise(&done.input.name);
        for finding in &done.analysis.findings {
            if finding.severity == Severity::Hint && !show_hints {
                continue;
            }
            let mut message = finding.message.clone();
            if let Some(note) = &finding.note {
                message.push('\n');
                message.push_str(note);
            }
            let mut diagnostic = json!({
                "message": message,
                "location": {
                    "path": path,
                    "range": range(text, &index, finding.span),
                },
                "severity": severity(finding.severity),
                "source": { "name": "factlint" },
                "code": { "value": finding.code },
            });
            if let Some(fix) = &finding.fix {
                diagnostic["suggestions"] = json!([{
                    "range": range(text, &index, fix.span),
                    "text": fix.replacement,
                }]);
            }
            diagnostics.push(diagnostic);
        }
    }
    let log = json!({
        "source": { "name": "factlint" },
        "diagnostics": diagnostics,
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info | Severity::Hint => "INFO",
    }
}

fn range(text: &str, index: &LineIndex, span: Span) -> Value {
    let start = index.line_col(text, span.start, ColumnUnit::Utf8);
    let end = index.line_col(text, span.end, ColumnUnit::Utf8);
    json!({
        "start": { "line": start.line + 1, "column": start.col + 1 },
        "end": { "line": end.line + 1, "column": end.col + 1 },
    })
}
