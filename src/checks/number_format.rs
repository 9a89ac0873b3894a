//! The same number written in two formats, or decimals with both `.` and `,`, in one document.
//!
//! ## What it does
//! Flags a figure written in a different format than the same figure elsewhere in the
//! document (`2.000` here, `2000` there), and decimals that use the other language's mark
//! (`22.4` in a German text that writes `13,5` elsewhere).
//!
//! ## Why is this bad?
//! Readers compare figures by their shape. Two spellings of one number look like two
//! numbers, and a decimal mark in the other language's convention can be misread by a factor
//! of a thousand (`1.234` is 1234 in German and 1.234 in English).
//!
//! ## Example
//! ```text
//! Es sind nur 2.000 H800. … mit lediglich 2000 H800-GPUs trainiert.
//! ```
//! Use one format throughout, here the first one:
//! ```text
//! Es sind nur 2.000 H800. … mit lediglich 2.000 H800-GPUs trainiert.
//! ```
//!
//! ## Fix safety
//! Rewriting the later spelling in the first one's format is safe: the value does not change.

use std::collections::HashMap;

use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind, WrittenNumber};
use crate::diagnostics::{Applicability, Finding, Fix, Related};
use crate::language::Language;
use crate::number::{Separator, format_number};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    match context.document {
        Some(state) => {
            let mut state = state.borrow_mut();
            same_number_two_formats(context, &mut state.first_of_value, findings);
            mixed_decimal_marks(context, state.native_decimal, findings);
        }
        None => {
            same_number_two_formats(context, &mut FirstOfValue::default(), findings);
            // The whole document is here: its first decimal in the document's own style.
            let native = context
                .claims
                .iter()
                .find_map(|claim| claim.written.filter(is_native_decimal));
            mixed_decimal_marks(context, native, findings);
        }
    }
}

/// A decimal written in the document language's style (`13,5` in German).
pub(crate) fn is_native_decimal(written: &WrittenNumber) -> bool {
    written.decimal.is_some() && !written.foreign_style
}

/// A decimal written in the other language's style (`22.4` in German).
pub(crate) fn is_foreign_decimal(written: &WrittenNumber) -> bool {
    written.decimal.is_some() && written.foreign_style
}

/// The first spelling of each whole number seen so far, by value (`f64::to_bits`). A
/// number-dense document has hundreds of thousands: each is kept in 16 bytes.
pub(crate) type FirstOfValue = HashMap<u64, FirstSpelling, foldhash::fast::RandomState>;

/// Where a whole number is first written, and how it is grouped.
#[derive(Clone, Copy)]
pub(crate) struct FirstSpelling {
    start: usize,
    len: u32,
    grouping: Option<Separator>,
}

impl FirstSpelling {
    fn of(written: &WrittenNumber) -> FirstSpelling {
        FirstSpelling {
            start: written.span.start,
            len: u32::try_from(written.span.end - written.span.start).unwrap_or(u32::MAX),
            grouping: written.grouping,
        }
    }

    fn span(&self) -> crate::text::Span {
        crate::text::Span::new(self.start, self.start + self.len as usize)
    }
}

/// Whole numbers of at least 1000 in a digit format: `2000`, `2.000`, `2,000`, `2 000`.
fn integers(claims: &[Claim]) -> impl Iterator<Item = WrittenNumber> {
    claims.iter().filter_map(|claim| {
        let written = claim.written?;
        let whole = written.literal_value.fract() == 0.0 && written.decimal.is_none();
        (claim.kind != ClaimKind::Date && whole && written.literal_value >= 1000.0)
            .then_some(written)
    })
}

fn same_number_two_formats(
    context: &CheckContext,
    first_of_value: &mut FirstOfValue,
    findings: &mut Vec<Finding>,
) {
    for written in integers(context.claims) {
        let key = written.literal_value.to_bits();
        let Some(first) = first_of_value.get(&key).copied() else {
            first_of_value.insert(key, FirstSpelling::of(&written));
            continue;
        };
        if first.grouping == written.grouping {
            continue;
        }
        let here = &context.text[written.span.start..written.span.end];
        let first_span = first.span();
        let there = &context.text[first_span.start..first_span.end];
        let mut found = finding(
            "FL002",
            written.span,
            format!("`{here}` is written as `{there}` elsewhere in this document"),
        );
        found.note =
            Some("Use one format for the same number, so that readers see one figure.".to_owned());
        found.related.push(Related {
            span: first_span,
            message: format!("`{there}` is written here"),
        });
        let digits = format!("{}", written.literal_value as u64);
        let replacement = match first.grouping {
            None => digits,
            Some(separator) => group(&digits, separator),
        };
        found.fix = Some(Fix {
            title: format!("Write `{replacement}`"),
            span: written.span,
            replacement,
            applicability: Applicability::Safe,
        });
        findings.push(found);
    }
}

fn group(digits: &str, separator: Separator) -> String {
    let mut out = String::new();
    crate::number::push_grouped(&mut out, digits, separator.as_char());
    out
}

/// Flags the decimals in the other language's style; `native` is the document's first decimal
/// in its own style, wherever it is.
fn mixed_decimal_marks(
    context: &CheckContext,
    native: Option<WrittenNumber>,
    findings: &mut Vec<Finding>,
) {
    let Some(language) = context.language else {
        return;
    };
    let foreign = context
        .claims
        .iter()
        .filter_map(|claim| claim.written.filter(is_foreign_decimal));
    for written in foreign {
        let here = &context.text[written.span.start..written.span.end];
        let (integer, fraction) = split_decimal(here);
        let intended = format_number(&integer, &fraction, language);
        let language_name = match language {
            Language::English => "English",
            Language::German => "German",
        };
        let mut found = finding(
            "FL002",
            written.span,
            format!("`{here}` uses the other language's decimal mark in {language_name} text"),
        );
        found.note = Some(format!("In {language_name} this is written `{intended}`."));
        if let Some(other) = native {
            let there = &context.text[other.span.start..other.span.end];
            found.related.push(Related {
                span: other.span,
                message: format!("`{there}` uses the {language_name} mark"),
            });
        } else {
            found.severity = crate::diagnostics::Severity::Info;
        }
        found.fix = Some(Fix {
            title: format!("Write `{intended}`"),
            span: written.span,
            replacement: intended,
            applicability: Applicability::Safe,
        });
        findings.push(found);
    }
}

/// Splits a written decimal at its last `.` or `,`; grouping separators are dropped.
fn split_decimal(written: &str) -> (String, String) {
    let at = written.rfind(['.', ',']).unwrap_or(written.len());
    let integer: String = written[..at].chars().filter(char::is_ascii_digit).collect();
    let fraction: String = written
        .get(at + 1..)
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    (integer, fraction)
}
