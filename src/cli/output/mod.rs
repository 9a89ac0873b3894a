//! Output formats of `factlint check` and `factlint claims`.
//!
//! Each format of `check` is an `Emitter`: it writes what comes before the first document,
//! then each finding as it is handed over (documents in name order), then the end with the
//! run's totals, so a folder's run never holds more than a few documents. `claims` writes JSON and
//! CSV a claim at a time the same way; its table takes all documents at once (the columns fit
//! the widest cell).

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod rdjson;
pub(crate) mod sarif;
pub(crate) mod table;

use std::io::{self, Write};

use factlint::Severity;
use factlint::diagnostics::Finding;
use factlint::text::LineIndex;

use crate::cli::inputs::InputError;

pub(crate) use factlint::report::position;

/// Writes one format of `check`, a document at a time.
pub(crate) trait Emitter {
    /// Writes what comes before the first document.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Whether the format carries the findings the run does not show (hints without
    /// `--show-hints`, see `Totals`): the machine formats do, for their readers to filter;
    /// the others are handed only the findings shown.
    fn carries_hidden_findings(&self) -> bool {
        false
    }

    /// Writes one finding of `document`. Findings come in document order, documents in name
    /// order; a document's findings may come while it is still being checked.
    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()>;

    /// Writes what comes after the last document: summaries, and the inputs that could not be
    /// read (`errors`, sorted by path).
    fn end(
        &mut self,
        out: &mut dyn Write,
        totals: &Totals,
        errors: &[InputError],
    ) -> io::Result<()>;
}

/// The document a finding is in: its name, its text and the index that places offsets in it.
pub(crate) struct DocumentView<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub index: &'a LineIndex,
}

/// What a run of `check` counted, for the summary lines. Findings count as the human and
/// GitHub formats show them: hints only with `--show-hints`.
pub(crate) struct Totals {
    show_hints: bool,
    /// Documents read.
    pub files: usize,
    /// Claims read in them.
    pub claims: usize,
    /// Findings shown, by severity (indexed by `Severity as usize`).
    pub shown: [usize; 4],
    /// Documents with at least one finding shown.
    pub files_with_shown: usize,
}

impl Totals {
    pub fn new(show_hints: bool) -> Totals {
        Totals {
            show_hints,
            files: 0,
            claims: 0,
            shown: [0; 4],
            files_with_shown: 0,
        }
    }

    /// Counts one finding; returns whether it is shown.
    pub fn add_finding(&mut self, finding: &Finding) -> bool {
        let shown = self.shows(finding.severity);
        if shown {
            self.shown[finding.severity as usize] += 1;
        }
        shown
    }

    /// Counts one document, once its findings are counted.
    pub fn add_document(&mut self, claims: usize, any_shown: bool) {
        self.files += 1;
        self.claims += claims;
        if any_shown {
            self.files_with_shown += 1;
        }
    }

    /// All findings shown.
    pub fn shown_total(&self) -> usize {
        self.shown.iter().sum()
    }

    /// Whether findings of `severity` are shown: hints only when asked (`--show-hints`).
    fn shows(&self, severity: Severity) -> bool {
        self.show_hints || severity > Severity::Hint
    }
}

/// `1 file`, `2 files`.
pub(crate) fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// A pretty JSON array written an item at a time, `depth` levels deep, exactly as
/// `serde_json::to_writer_pretty` writes the whole array there.
pub(crate) struct PrettyArray {
    depth: usize,
    /// Whether the array has been opened by a first item.
    opened: bool,
}

impl PrettyArray {
    pub fn new(depth: usize) -> PrettyArray {
        PrettyArray {
            depth,
            opened: false,
        }
    }

    pub fn push(&mut self, out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
        out.write_all(if self.opened { b"," } else { b"[" })?;
        self.opened = true;
        out.write_all(b"\n")?;
        for _ in 0..=self.depth {
            out.write_all(b"  ")?;
        }
        write_pretty_nested(out, value, self.depth + 1)
    }

    /// Closes the array (`[]` when it has no item).
    pub fn close(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.opened {
            return out.write_all(b"[]");
        }
        out.write_all(b"\n")?;
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        out.write_all(b"]")
    }
}

/// Writes `value` as pretty JSON nested `depth` levels deep (two spaces a level), exactly as
/// `serde_json::to_writer_pretty` writes it inside the arrays and objects around it.
pub(crate) fn write_pretty_nested(
    out: &mut dyn Write,
    value: &impl serde::Serialize,
    depth: usize,
) -> io::Result<()> {
    let mut nested = Nested { out, depth };
    serde_json::to_writer_pretty(&mut nested, value)?;
    Ok(())
}

/// Indents every line after the first by `depth` levels. Pretty JSON breaks lines only
/// between tokens (line breaks inside strings are escaped), so this only moves tokens right.
struct Nested<'a> {
    out: &'a mut dyn Write,
    depth: usize,
}

impl Write for Nested<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut lines = buf.split(|&byte| byte == b'\n');
        if let Some(first) = lines.next() {
            self.out.write_all(first)?;
        }
        for line in lines {
            self.out.write_all(b"\n")?;
            for _ in 0..self.depth {
                self.out.write_all(b"  ")?;
            }
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A number for people: integers without a fraction, others with up to six decimals.
pub(crate) fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e17 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_pretty_json_is_what_the_whole_value_would_have_been() {
        let item = serde_json::json!({
            "message": "two\nlines, a [bracket] and {brace}",
            "list": [1, {"a": []}],
            "empty": {},
        });
        let whole = serde_json::json!({ "outer": { "items": [item.clone(), item.clone()] } });
        let expected = serde_json::to_string_pretty(&whole).unwrap();
        let mut written = Vec::new();
        written.extend_from_slice(b"{\n  \"outer\": {\n    \"items\": [\n      ");
        write_pretty_nested(&mut written, &item, 3).unwrap();
        written.extend_from_slice(b",\n      ");
        write_pretty_nested(&mut written, &item, 3).unwrap();
        written.extend_from_slice(b"\n    ]\n  }\n}");
        assert_eq!(String::from_utf8(written).unwrap(), expected);
    }
}
