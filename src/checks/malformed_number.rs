//! A number whose separators are broken: `22, 4 %`, `1,000.000,5`, `5.5.2025 Euro`.
//!
//! ## What it does
//! Flags numbers that no reader can take at face value: a space after the decimal mark
//! (`22, 4 %` in German, `22. 4 %` in English), separators that fit neither the English
//! (`1,234.5`) nor the German (`1.234,5`) convention, a dotted date used as an amount, and a
//! range of days that ends before it starts (`October 27-18, 2016`).
//!
//! ## Why is this bad?
//! A reader, a translator or a search for the figure sees two numbers, or the wrong one.
//! `22, 4 %` reads as "22, and 4 %"; the writer meant 22.4 %.
//!
//! ## Example
//! ```text
//! Meine Rechnung ergibt 22, 4 % MFU.
//! ```
//! Use instead:
//! ```text
//! Meine Rechnung ergibt 22,4 % MFU.
//! ```
//!
//! ## Fix safety
//! Removing the space after the decimal mark is a safe fix: the digits stay as written.
//! Separators that fit no convention get a suggestion only, since the intended number is a
//! guess.

use crate::checks::{CheckContext, finding};
use crate::claims::NumberProblemKind;
use crate::diagnostics::{Applicability, Finding, Fix};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    for problem in context.number_problems {
        let written = &context.text[problem.span.start..problem.span.end];
        let mut found = match &problem.kind {
            NumberProblemKind::SpaceAfterDecimalMark { intended } => {
                let mut found = finding(
                    "FL001",
                    problem.span,
                    format!(
                        "`{written}` has a space after the decimal mark; it reads as two numbers"
                    ),
                );
                found.note = Some(format!("The figure meant is most likely {intended}.").into());
                found.fix = Some(Box::new(Fix {
                    title: format!("Write `{intended}`"),
                    span: problem.span,
                    replacement: intended.clone(),
                    applicability: Applicability::Safe,
                }));
                found
            }
            NumberProblemKind::Malformed { reason, suggestion } => {
                let mut found = finding(
                    "FL001",
                    problem.span,
                    format!("`{written}` is not a well-formed number: {reason}"),
                );
                if let Some(suggestion) = suggestion {
                    found.note = Some(format!("Did you mean {suggestion}?").into());
                    found.fix = Some(Box::new(Fix {
                        title: format!("Write `{suggestion}`"),
                        span: problem.span,
                        replacement: suggestion.clone(),
                        applicability: Applicability::Suggestion,
                    }));
                }
                found
            }
            NumberProblemKind::BackwardDays => {
                let mut found = finding(
                    "FL001",
                    problem.span,
                    format!("`{written}` ends before it starts"),
                );
                found.note =
                    Some("Check the days: the second day of a range comes after the first.".into());
                found
            }
            NumberProblemKind::DateAsNumber => {
                let mut found = finding(
                    "FL001",
                    problem.span,
                    format!("`{written}` is written like a date but used as an amount"),
                );
                found.note =
                    Some("Check the figure; an amount has at most one decimal mark.".into());
                found
            }
        };
        found.related.clear();
        findings.push(found);
    }
}
