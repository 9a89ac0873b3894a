//! A number whose meaning depends on the language, in a document whose language is unknown.
//!
//! ## What it does
//! Flags `1.234` and `1,234` when factlint cannot tell whether the document is English or
//! German: the same digits are 1234 in one language and 1.234 in the other.
//!
//! ## Why is this bad?
//! A thousandfold difference hangs on a convention the reader has to guess.
//!
//! ## Example
//! ```text
//! Kosten: 1.234 USD
//! ```
//! Tell factlint the language (`--lang de`, `lang: de` in the front matter, or `language` in
//! `factlint.toml`), or write the number unambiguously (`1234`).
//!
//! ## Fix safety
//! No automatic fix: only the writer knows which number is meant.

use crate::checks::{CheckContext, finding};
use crate::diagnostics::Finding;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    if context.language.is_some() {
        return;
    }
    for claim in context.claims {
        let Some(written) = claim.written.filter(|written| written.ambiguous) else {
            continue;
        };
        let here = &context.text[written.span.start..written.span.end];
        // `1.234` is 1234 in German and 1.234 in English; `1,234` is 1.234 in German and 1234
        // in English.
        let digits: String = here.chars().filter(char::is_ascii_digit).collect();
        let decimal = here.replace(',', ".");
        let (german, english) = if here.contains(',') {
            (decimal, digits)
        } else {
            (digits, here.to_owned())
        };
        let mut found = finding(
            "FL005",
            written.span,
            format!(
                "`{here}` is {german} in German and {english} in English, and the document's language is unknown"
            ),
        );
        found.note =
            Some("Set the language with --lang, front matter `lang:`, or the config file.".into());
        findings.push(found);
    }
}
