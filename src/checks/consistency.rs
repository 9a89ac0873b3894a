//! The same quantity stated twice in one document with different values.
//!
//! ## What it does
//! Compares claims about the same subject with the same kind and unit (and the same period,
//! if any) in different sentences. When their values differ beyond what rounding explains
//! ("2,000" and "2,048" are compatible, "2,000" and "3,000" are not), it flags the later one
//! and links the earlier one.
//!
//! ## Why is this bad?
//! Readers notice two figures for one thing and trust neither. Usually one of them is a
//! typo, an outdated number, or a different quantity that needs its own name.
//!
//! ## Example
//! ```text
//! The model has 671 billion parameters. … With its 617 billion parameters, it is large.
//! ```
//!
//! ## Fix safety
//! No fix: only the writer knows which figure is right.

use crate::checks::support::{claim_interval, money_in};
use crate::checks::{CheckContext, finding};
use crate::claims::{Bound, Claim, ClaimKind};
use crate::diagnostics::{Explanation, Finding, Related};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    let comparable: Vec<&Claim> = context
        .claims
        .iter()
        .filter(|claim| {
            matches!(
                claim.kind,
                ClaimKind::Count | ClaimKind::Money | ClaimKind::Quantity | ClaimKind::Percent
            ) && matches!(claim.bound, Bound::Exact | Bound::Approx)
                && claim.subject.is_some()
                && claim.value.number().is_some()
        })
        .collect();
    let mut flagged = vec![false; comparable.len()];
    for later in 1..comparable.len() {
        for earlier in 0..later {
            if flagged[later] {
                break;
            }
            let (a, b) = (comparable[earlier], comparable[later]);
            if a.sentence == b.sentence || !same_quantity(a, b) {
                continue;
            }
            let currency = context.options.reporting_currency();
            let value = |claim: &Claim| -> Option<(f64, f64)> {
                let (value, high) = if claim.kind == ClaimKind::Money {
                    let (value, high, _) =
                        money_in(claim, currency, context.rules, context.rate_date)?;
                    (value, high)
                } else {
                    (claim.value.number()?, claim.high)
                };
                Some(claim_interval(claim, context.text, value, high))
            };
            let (Some((a_low, a_high)), Some((b_low, b_high))) = (value(a), value(b)) else {
                continue;
            };
            if a_low <= b_high && b_low <= a_high {
                continue;
            }
            flagged[later] = true;
            let written = |claim: &Claim| &context.text[claim.span.start..claim.span.end];
            let subject = b
                .subject
                .as_ref()
                .map(|subject| subject.text.as_str())
                .unwrap_or_default();
            let mut found = finding(
                "FL110",
                b.span,
                format!(
                    "`{}` contradicts `{}` earlier in this document, both about {subject}",
                    written(b),
                    written(a)
                ),
            );
            found.note = Some("The two figures differ by more than rounding explains. Use one figure, or say how the two quantities differ.".to_owned());
            found.related.push(Related {
                span: a.span,
                message: format!("`{}` is stated here", written(a)),
            });
            found.explanation = Some(Box::new(Explanation {
                inputs: vec![
                    crate::checks::support::input(
                        "first",
                        a,
                        context.text,
                        a.value.number().unwrap_or_default(),
                        a.unit.clone(),
                    ),
                    crate::checks::support::input(
                        "second",
                        b,
                        context.text,
                        b.value.number().unwrap_or_default(),
                        b.unit.clone(),
                    ),
                ],
                why: Some("both figures come from this document; no source is involved".to_owned()),
                ..Explanation::default()
            }));
            findings.push(found);
        }
    }
}

/// Same kind, unit, subject and period.
fn same_quantity(a: &Claim, b: &Claim) -> bool {
    let subject = |claim: &Claim| {
        claim
            .subject
            .as_ref()
            .map(|subject| subject.text.to_lowercase())
    };
    let period = |claim: &Claim| {
        claim
            .period
            .as_ref()
            .map(|period| (period.kind, period.value.map(f64::to_bits), period.unit))
    };
    let units_match =
        a.unit == b.unit || (a.kind == ClaimKind::Money && b.kind == ClaimKind::Money);
    a.kind == b.kind && units_match && subject(a) == subject(b) && period(a) == period(b)
}
