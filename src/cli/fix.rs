//! `check --fix` and `check --diff`: applying safe fixes, and writing files atomically without
//! overwriting a change made since the file was read.

use std::io::{self, Write};
use std::path::Path;

use factlint::diagnostics::{Applicability, Finding};

/// The text with every safe fix applied. Suggestions are never applied; a fix that overlaps
/// one already applied is left for the next run. Returns the new text and how many fixes
/// went in.
pub(crate) fn apply_safe_fixes(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut fixes: Vec<_> = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref())
        .filter(|fix| fix.applicability == Applicability::Safe)
        .filter(|fix| {
            fix.span.start <= fix.span.end
                && fix.span.end <= text.len()
                && text.is_char_boundary(fix.span.start)
                && text.is_char_boundary(fix.span.end)
        })
        .collect();
    fixes.sort_by_key(|fix| (fix.span.start, fix.span.end));
    let mut fixed = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = 0;
    for fix in fixes {
        if fix.span.start < copied {
            continue;
        }
        fixed.push_str(&text[copied..fix.span.start]);
        fixed.push_str(&fix.replacement);
        copied = fix.span.end;
        applied += 1;
    }
    fixed.push_str(&text[copied..]);
    (fixed, applied)
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub(crate) enum WriteError {
    /// The file changed after factlint read it; writing would lose that change.
    Changed,
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => write!(
                formatter,
                "changed on disk while factlint was checking it; not fixed (run `factlint check --fix` again)"
            ),
            WriteError::Io(error) => write!(formatter, "cannot write the fixed file: {error}"),
        }
    }
}

/// Replaces the file at `path`, which held `original` when it was read, with `fixed`: the new
/// text goes to a temporary file in the same folder, gets the file's permissions, and is
/// renamed over it, so a reader sees the old or the new file and never half of one. Right
/// before the rename the file is read again; if it no longer holds `original`, nothing is
/// written and the answer is `WriteError::Changed`.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are written"
)]
pub(crate) fn write_atomically(path: &Path, original: &str, fixed: &str) -> Result<(), WriteError> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)
        .map_err(WriteError::Io)?
        .permissions();
    let mut temporary = tempfile::Builder::new()
        .prefix(".factlint-fix-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(WriteError::Io)?;
    temporary
        .write_all(fixed.as_bytes())
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(WriteError::Io)?;
    std::fs::set_permissions(temporary.path(), permissions).map_err(WriteError::Io)?;
    let current = std::fs::read(path).map_err(WriteError::Io)?;
    if current != original.as_bytes() {
        return Err(WriteError::Changed);
    }
    temporary
        .persist(path)
        .map(|_| ())
        .map_err(|error| WriteError::Io(error.error))
}

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so
/// the file is never seen half-written. An existing file keeps its permissions.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are written"
)]
pub(crate) fn write_file_atomically(path: &Path, content: &str) -> io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(content.as_bytes())?;
    temporary.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(path) {
        std::fs::set_permissions(temporary.path(), metadata.permissions())?;
    }
    temporary
        .persist(path)
        .map(|_| ())
        .map_err(|error| error.error)
}

/// A unified diff of `original` → `fixed` under the name `name` (`--- a/name`, `+++ b/name`).
pub(crate) fn unified_diff(name: &str, original: &str, fixed: &str) -> String {
    similar::TextDiff::from_lines(original, fixed)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "the tests write and read the files they fix"
)]
mod tests {
    use super::*;
    use factlint::diagnostics::Fix;
    use factlint::{Severity, Span};

    fn finding(start: usize, end: usize, replacement: &str, safe: bool) -> Finding {
        Finding {
            code: "FL001",
            severity: Severity::Warning,
            span: Span::new(start, end),
            message: String::new(),
            note: None,
            related: Vec::new(),
            fix: Some(Box::new(Fix {
                title: String::new(),
                span: Span::new(start, end),
                replacement: replacement.to_owned(),
                applicability: if safe {
                    Applicability::Safe
                } else {
                    Applicability::Suggestion
                },
            })),
            verdict: None,
            rule: None,
            explanation: None,
        }
    }

    #[test]
    fn only_safe_fixes_are_applied_and_overlaps_wait() {
        let text = "Die Kosten lagen bei 22, 4 % und 5 %.";
        let findings = [
            finding(21, 26, "22,4", true),
            finding(22, 26, "X", true),
            finding(33, 36, "5 Prozentpunkte", false),
        ];
        let (fixed, applied) = apply_safe_fixes(text, &findings);
        assert_eq!(fixed, "Die Kosten lagen bei 22,4 % und 5 %.");
        assert_eq!(applied, 1);
    }

    #[test]
    fn writes_atomically_and_keeps_permissions() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.md");
        std::fs::write(&path, "22, 4 %\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, "22, 4 %\n", "22,4 %\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "22,4 %\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let leftovers: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("a.md")]);
    }

    #[test]
    fn refuses_to_overwrite_a_file_changed_since_it_was_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.md");
        std::fs::write(&path, "22, 4 %\n").unwrap();
        let original = std::fs::read_to_string(&path).unwrap();
        // Someone edits the file after factlint read it.
        std::fs::write(&path, "22, 4 % and a new sentence\n").unwrap();
        let result = write_atomically(&path, &original, "22,4 %\n");
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "22, 4 % and a new sentence\n"
        );
        let count = std::fs::read_dir(folder.path()).unwrap().count();
        assert_eq!(count, 1, "the temporary file is removed");
    }

    #[test]
    fn diffs_name_the_file() {
        let diff = unified_diff("a.md", "x\n22, 4 %\n", "x\n22,4 %\n");
        assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n@@"), "{diff}");
        assert!(diff.contains("-22, 4 %\n+22,4 %\n"), "{diff}");
    }
}
