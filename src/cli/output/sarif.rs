//! `check --format sarif`: SARIF 2.1.0, as GitHub code scanning and other viewers read it.
//!
//! One run; the driver lists every code as a rule, with its documentation as help (there is
//! no documentation site, so no `helpUri`). Regions are 1-based, columns in UTF-16 code units
//! as SARIF requires (`columnKind` says so). Unreadable inputs become tool notifications.

use std::io::{self, Seek, SeekFrom, Write};

use serde_json::{Value, json};

use factlint::Severity;
use factlint::diagnostics::{Applicability, Finding};
use factlint::text::{ColumnUnit, LineIndex, Span};

use super::{DocumentView, Emitter, Totals};
use crate::cli::inputs::InputError;

/// The schema URI written into the log.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// How many bytes of results the SARIF emitter keeps in memory before it moves them to a
/// temporary file.
const RESULTS_IN_MEMORY: usize = 1 << 20;

/// `check --format sarif`. The log names the inputs that could not be read before its
/// results, and those are known only when every document has been read: the results wait,
/// serialized, in a spool (memory, then a temporary file) until the end.
pub(crate) struct SarifEmitter {
    results: Spool,
    /// Whether a result has been written (the next one needs a comma).
    any: bool,
}

impl SarifEmitter {
    pub fn new() -> SarifEmitter {
        SarifEmitter {
            results: Spool::Memory(Vec::new()),
            any: false,
        }
    }
}

impl Emitter for SarifEmitter {
    fn carries_hidden_findings(&self) -> bool {
        true
    }

    fn finding(
        &mut self,
        _: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        let document = Document {
            uri: uri(document.name),
            text: document.text,
            index: document.index,
        };
        if self.any {
            self.results.write_all(b",")?;
        }
        self.any = true;
        serde_json::to_writer(&mut self.results, &result(finding, &document))?;
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, _: &Totals, errors: &[InputError]) -> io::Result<()> {
        let rules: Vec<Value> = factlint::checks::CODES.iter().map(rule).collect();
        let tool = json!({
            "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        });
        let notifications: Vec<Value> = errors
            .iter()
            .map(|error| {
                json!({
                    "level": "error",
                    "message": { "text": format!("{}: {}", error.path, error.message) },
                })
            })
            .collect();
        let invocations = json!([{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        // The log is one run; written piece by piece, it is the same JSON as one value.
        out.write_all(b"{\"$schema\":")?;
        serde_json::to_writer(&mut *out, SCHEMA)?;
        out.write_all(b",\"version\":\"2.1.0\",\"runs\":[{\"tool\":")?;
        serde_json::to_writer(&mut *out, &tool)?;
        out.write_all(b",\"invocations\":")?;
        serde_json::to_writer(&mut *out, &invocations)?;
        out.write_all(b",\"columnKind\":\"utf16CodeUnits\",\"results\":[")?;
        std::mem::replace(&mut self.results, Spool::Memory(Vec::new())).copy_to(out)?;
        out.write_all(b"]}]}\n")
    }
}

/// Bytes kept in memory up to `RESULTS_IN_MEMORY`, then in an anonymous temporary file
/// (removed by the system when closed). When no temporary file can be made, they stay in
/// memory.
enum Spool {
    Memory(Vec<u8>),
    File(io::BufWriter<std::fs::File>),
    /// No temporary file could be made: memory, however large.
    MemoryOnly(Vec<u8>),
}

impl Spool {
    /// Writes everything spooled to `out`.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Spool::Memory(bytes) | Spool::MemoryOnly(bytes) => out.write_all(&bytes),
            Spool::File(file) => {
                let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.seek(SeekFrom::Start(0))?;
                io::copy(&mut file, out)?;
                Ok(())
            }
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Spool::Memory(bytes) = self
            && bytes.len() + buf.len() > RESULTS_IN_MEMORY
        {
            let bytes = std::mem::take(bytes);
            *self = match tempfile::tempfile() {
                Ok(file) => {
                    let mut file = io::BufWriter::new(file);
                    file.write_all(&bytes)?;
                    Spool::File(file)
                }
                Err(_) => Spool::MemoryOnly(bytes),
            };
        }
        match self {
            Spool::Memory(bytes) | Spool::MemoryOnly(bytes) => {
                bytes.extend_from_slice(buf);
                Ok(buf.len())
            }
            Spool::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spool::Memory(_) | Spool::MemoryOnly(_) => Ok(()),
            Spool::File(file) => file.flush(),
        }
    }
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
    fn the_spool_gives_back_what_was_written_beyond_its_memory() {
        let mut spool = Spool::Memory(Vec::new());
        let mut expected = Vec::new();
        for i in 0..100_000u32 {
            let piece = format!("{{\"result\":{i}}},");
            spool.write_all(piece.as_bytes()).unwrap();
            expected.extend_from_slice(piece.as_bytes());
        }
        assert!(expected.len() > RESULTS_IN_MEMORY);
        assert!(!matches!(spool, Spool::Memory(_)));
        let mut copied = Vec::new();
        spool.copy_to(&mut copied).unwrap();
        assert_eq!(copied, expected);
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
