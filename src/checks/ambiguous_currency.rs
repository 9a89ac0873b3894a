//! A `¥` amount whose currency the sentence does not settle: Chinese yuan or Japanese yen.
//!
//! ## What it does
//! Flags amounts written with `¥` when neither the yuan (China, RMB, CNY) nor the yen (Japan,
//! JPY) is named in the same sentence.
//!
//! ## Why is this bad?
//! One yuan is worth about twenty yen. Conversions and comparisons need the currency.
//!
//! ## Example
//! ```text
//! The project costs ¥500 million.
//! ```
//! Use instead:
//! ```text
//! The project costs 500 million yuan (CNY).
//! ```
//!
//! ## Fix safety
//! No automatic fix.

use crate::checks::{CheckContext, finding};
use crate::claims::ClaimKind;
use crate::diagnostics::Finding;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    for claim in context.claims {
        if claim.kind != ClaimKind::Money || claim.unit.is_some() {
            continue;
        }
        let text = &context.text[claim.span.start..claim.span.end];
        if !text.contains(['¥', '￥']) {
            continue;
        }
        // Composed without the formatting machinery: money-dense text has one per amount.
        const SAYS: &str = "`: `¥` is the sign of both the yuan (CNY) and the yen (JPY)";
        let mut message = String::with_capacity(1 + text.len() + SAYS.len());
        message.push('`');
        message.push_str(text);
        message.push_str(SAYS);
        let mut found = finding("FL006", claim.span, message);
        found.note = Some("Name the currency (yuan/CNY or yen/JPY) in the sentence.".into());
        findings.push(found);
    }
}
