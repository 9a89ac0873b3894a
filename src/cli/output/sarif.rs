//! `check --format sarif`: SARIF 2.1.0, as GitHub code scanning and other viewers read it.
//!
//! One run; the driver lists every code as a rule, with its documentation as help (there is
//! no documentation site, so no `helpUri`). Regions are 1-based, columns in UTF-16 code units
//! as SARIF requires (`columnKind` says so). Unreadable inputs become tool notifications.

use std::io::{self, Write};

use serde_json::{Value, json};

use factlint::Severity;
use factlint::diagnostics::{Applicability, Finding};
use factlint::text::{ColumnUnit, LineIndex, Span};

use crate::cli::Checked;
use crate::cli::inputs::InputError;

/// The schema URI written into the log.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub(crate) fn write_sarif(
    out: &mut impl Write,
    checked: &[Checked],
    errors: &[InputError],
) -> io::Result<()> {
    let rules: Vec<Value> = factlint::checks::CODES.iter().map(rule).collect();
    let mut results = Vec::new();
    for done in checked {
        let index = LineIndex::new(&done.input.text);
        let document = Document {
            uri: uri(&done.input.name),
            text: &done.input.text,
            index: &index,
        };
        for finding in &done.analysis.findings {
            results.push(result(finding, &document));
        }
    }
    let notifications: Vec<Value> = errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", error.path, error.message) },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    serde_json::to_writer(&mut *out, &log)?;
    writeln!(out)
}

/// The SARIF level of a severity: hints and infos are notes.
pub(crate) fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative path as a URI reference: `/` separators, and every byte outside the unreserved
/// set (and `/`) percent-encoded, so spaces and umlauts survive.
pub(crate) fn uri(name: &str) -> String {
    let name = crate::cli::select::normalise(name);
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

struct Document<'a> {
    uri: String,
    text: &'a str,
    index: &'a LineIndex,
}

impl Document<'_> {
    /// A SARIF region: 1-based lines, 1-based UTF-16 columns, `endColumn` after the last
    /// character.
    fn region(&self, span: Span) -> Value {
        let start = self
            .index
            .line_col(self.text, span.start, ColumnUnit::Utf16);
        let end = self.index.line_col(self.text, span.end, ColumnUnit::Utf16);
        json!({
            "startLine": start.line + 1,
            "startColumn": start.col + 1,
            "endLine": end.line + 1,
            "endColumn": end.col + 1,
        })
    }

    fn location(&self, span: Span) -> Value {
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": self.uri },
                "region": self.region(span),
            }
        })
    }
}

fn rule(code: &factlint::checks::Code) -> Value {
    let documentation = code.documentation();
    json!({
        "id": code.code,
        "name": code.name,
        "shortDescription": { "text": code.summary() },
        "fullDescription": { "text": code.summary() },
        "help": { "text": documentation, "markdown": documentation },
        "defaultConfiguration": { "level": level(code.default_severity) },
        "properties": { "tags": ["fact-check"] },
    })
}

fn result(finding: &Finding, document: &Document) -> Value {
    let mut text = finding.message.clone();
    if let Some(note) = &finding.note {
        text.push('\n');
        text.push_str(note);
    }
    let rule_index = factlint::checks::CODES
        .iter()
        .position(|code| code.code == finding.code);
    let mut result = json!({
        "ruleId": finding.code,
        "level": level(finding.severity),
        "message": { "text": text },
        "locations": [document.location(finding.span)],
    });
    if let Some(rule_index) = rule_index {
        result["ruleIndex"] = json!(rule_index);
    }
    if !finding.related.is_empty() {
        result["relatedLocations"] = finding
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                let mut location = document.location(related.span);
                location["id"] = json!(id);
                location["message"] = json!({ "text": related.message });
                location
            })
            .collect();
    }
    if let Some(fix) = &finding.fix
        && fix.applicability == Applicability::Safe
    {
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": document.uri },
                "replacements": [{
                    "deletedRegion": document.region(fix.span),
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_encoded() {
        assert_eq!(uri("./docs\\Bericht 1.md"), "docs/Bericht%201.md");
        assert_eq!(uri("März.md"), "M%C3%A4rz.md");
    }

    #[test]
    fn columns_count_utf16_code_units() {
        // "😀" is two UTF-16 code units, "€" one, and both more than one UTF-8 byte.
        let text = "😀€ 22, 4 %\n";
        let index = LineIndex::new(text);
        let document = Document {
            uri: "a.md".into(),
            text,
            index: &index,
        };
        let start = text.find("22").unwrap();
        let region = document.region(Span::new(start, start + 5));
        assert_eq!(region["startLine"], 1);
        assert_eq!(region["startColumn"], 5);
        assert_eq!(region["endColumn"], 10);
    }
}
