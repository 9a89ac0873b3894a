//! Conversions between the core and the protocol, in one place (`to_proto`/`from_proto`):
//! byte offsets ⇄ positions in the negotiated encoding, findings → diagnostics.

use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};

use crate::diagnostics::{Finding, Severity};
use crate::text::{ColumnUnit, LineCol, LineIndex, Span};

/// How columns are counted on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    fn unit(self) -> ColumnUnit {
        match self {
            Encoding::Utf8 => ColumnUnit::Utf8,
            Encoding::Utf16 => ColumnUnit::Utf16,
        }
    }
}

/// A text with its line index, for conversions.
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: LineIndex,
    pub encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
            encoding,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.line_col(self.text, offset, self.encoding.unit());
        Position::new(at.line, at.col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; positions past a line's end or the text's end are
    /// clamped, never an error.
    pub fn offset(&self, position: Position) -> usize {
        self.index.offset(
            self.text,
            LineCol {
                line: position.line,
                col: position.character,
            },
            self.encoding.unit(),
        )
    }

    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        Span::new(start, end)
    }
}

/// Where the documentation of a code lives: a `factlint:` URI that the editor integrations
/// open with `factlint explain CODE`.
pub fn code_uri(code: &str) -> Option<Uri> {
    format!("factlint:explain/{code}").parse().ok()
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// A finding as a diagnostic; `data` carries the finding's index for code actions.
pub fn diagnostic(
    finding: &Finding,
    lines: &Lines,
    uri: &Uri,
    severity_override: Option<Severity>,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(related.span)),
            message: related.message.clone(),
        })
        .collect();
    let mut message = finding.message.clone();
    if let Some(note) = &finding.note {
        message.push('\n');
        message.push_str(note);
    }
    Diagnostic {
        range: lines.range(finding.span),
        severity: Some(severity(severity_override.unwrap_or(finding.severity))),
        code: Some(NumberOrString::String(finding.code.to_owned())),
        code_description: code_uri(finding.code).map(|href| CodeDescription { href }),
        source: Some("factlint".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        // The protocol's tags (unnecessary, deprecated) describe code, not prose; none fits.
        tags: None,
        data: None,
    }
}
