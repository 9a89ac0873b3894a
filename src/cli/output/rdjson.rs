//! `check --format rdjson`: reviewdog's Diagnostic Format (rdjson), for `reviewdog -f=rdjson`.
//!
//! Lines and columns are 1-based; columns count UTF-8 bytes, as the format defines them. Every
//! fix becomes a suggestion, which reviewdog offers as a suggested change for a person to
//! accept (safe fixes and suggestions alike).

use std::io::{self, Write};

use serde_json::{Value, json};

use factlint::Severity;
use factlint::text::{ColumnUnit, LineIndex, Span};

use factlint::diagnostics::Finding;

use super::{DocumentView, Emitter, PrettyArray, Totals, write_pretty_nested};
use crate::cli::inputs::InputError;

/// `check --format rdjson`: one diagnostic result, its diagnostics written as documents come.
pub(crate) struct RdjsonEmitter {
    diagnostics: PrettyArray,
}

impl RdjsonEmitter {
    pub fn new() -> RdjsonEmitter {
        RdjsonEmitter {
            diagnostics: PrettyArray::new(1),
        }
    }
}

impl Emitter for RdjsonEmitter {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"source\": ")?;
        write_pretty_nested(out, &json!({ "name": "factlint" }), 1)?;
        out.write_all(b",\n  \"diagnostics\": ")
    }

    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        let (text, index) = (document.text, document.index);
        let mut message = finding.message.clone();
        if let Some(note) = &finding.note {
            message.push('\n');
            message.push_str(note);
        }
        let mut diagnostic = json!({
            "message": message,
            "location": {
                "path": crate::cli::select::normalise(document.name),
                "range": range(text, index, finding.span),
            },
            "severity": severity(finding.severity),
            "source": { "name": "factlint" },
            "code": { "value": finding.code },
        });
        if let Some(fix) = &finding.fix {
            diagnostic["suggestions"] = json!([{
                "range": range(text, index, fix.span),
                "text": fix.replacement,
            }]);
        }
        self.diagnostics.push(out, &diagnostic)
    }

    fn end(&mut self, out: &mut dyn Write, _: &Totals, _: &[InputError]) -> io::Result<()> {
        self.diagnostics.close(out)?;
        out.write_all(b"\n}\n")
    }
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
