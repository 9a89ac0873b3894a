//! A change between two percentages stated in percent where percentage points are meant.
//!
//! ## What it does
//! Where a sentence gives both ends of a change ("from 10 % to 15 %", "von 10 % auf 15 %",
//! "62,5 % der Züge …, nach 64 % im Vorjahr", "15 %, up from 10 %") and then the change in
//! percent, factlint recomputes it. If the stated change equals the
//! difference in points but not the relative change, it flags the figure.
//!
//! ## Why is this bad?
//! From 10 % to 15 % is a rise of 5 percentage points, or of 50 percent. "An increase of 5 %"
//! says something else: 10 % × 1.05 = 10.5 %. Readers take the wrong figure away.
//!
//! ## Example
//! ```text
//! The share rose from 10 % to 15 %, an increase of 5 %.
//! ```
//! Use instead:
//! ```text
//! The share rose from 10 % to 15 %, an increase of 5 percentage points (50 %).
//! ```
//!
//! ## Fix safety
//! A suggestion only: whether points or percent are meant is the writer's call.

use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind};
use crate::diagnostics::{Applicability, Finding, Fix};
use crate::language::Language;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    let percents: Vec<&Claim> = context
        .claims
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Percent)
        .collect();
    for window in 0..percents.len() {
        let from = percents[window];
        let Some(&to) = percents.get(window + 1) else {
            break;
        };
        if from.sentence != to.sentence {
            continue;
        }
        let Some(order) = change_order(context.text, from, to) else {
            continue;
        };
        let (Some(a), Some(b)) = (from.value.number(), to.value.number()) else {
            continue;
        };
        // "62,5 % …, nach 64 %": the later figure is the earlier state.
        let (a, b) = match order {
            Order::Forward => (a, b),
            Order::Backward => (b, a),
        };
        let points = (b - a).abs();
        let relative = if a != 0.0 {
            (b - a).abs() / a.abs() * 100.0
        } else {
            f64::NAN
        };
        for &stated in percents[window + 2..].iter().take(2) {
            if stated.sentence != from.sentence && stated.sentence.start > to.sentence.end + 200 {
                break;
            }
            let Some(value) = stated.value.number() else {
                continue;
            };
            let value = value.abs();
            if close(value, points) && !close(value, relative) {
                let written = &context.text[stated.span.start..stated.span.end];
                let points_word = match stated.language {
                    Some(Language::German) => "Prozentpunkte",
                    _ => "percentage points",
                };
                let mut found = finding(
                    "FL004",
                    stated.span,
                    format!(
                        "`{written}` looks like percentage points: from {} % to {} % is {} {points_word}, or {} %",
                        fmt(a),
                        fmt(b),
                        fmt(points),
                        fmt(relative)
                    ),
                );
                found.note = Some(
                    format!(
                        "{} − {} = {} points; ({} − {}) ÷ {} × 100 = {} %.",
                        fmt(b),
                        fmt(a),
                        fmt(points),
                        fmt(b),
                        fmt(a),
                        fmt(a),
                        fmt(relative)
                    )
                    .into(),
                );
                let figure = &context.text[stated.span.start..stated.span.end];
                let digits_end = figure
                    .find(|c: char| c == '%' || c.is_alphabetic())
                    .unwrap_or(figure.len());
                let number = figure[..digits_end].trim_end();
                found.fix = Some(Box::new(Fix {
                    title: format!("Write `{number} {points_word}`"),
                    span: stated.span,
                    replacement: format!("{number} {points_word}"),
                    applicability: Applicability::Suggestion,
                }));
                findings.push(found);
            }
        }
    }
}

/// Which of two percentages of a change is the earlier state.
pub(crate) enum Order {
    /// "from A to B", "von A auf B", "A → B".
    Forward,
    /// "B this year, after A", "B …, nach A im Vorjahr", "B, up from A".
    Backward,
}

/// Whether the words between two percentages make them the ends of a change, and in which
/// order.
pub(crate) fn change_order(text: &str, from: &Claim, to: &Claim) -> Option<Order> {
    if to.span.start < from.span.end {
        return None;
    }
    let between = text[from.span.end..to.span.start].trim();
    if ["to", "auf", "→", "->", "bis auf"]
        .iter()
        .any(|word| between.eq_ignore_ascii_case(word))
    {
        return Some(Order::Forward);
    }
    // A few words of the clause, then the word that names the earlier state.
    if between.len() > 60 || between.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let between = between.to_lowercase();
    [
        ", after",
        ", nach",
        "up from",
        "down from",
        "compared with",
        "gegenüber",
    ]
    .iter()
    .any(|joint| between.ends_with(joint))
    .then_some(Order::Backward)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + 0.005 * b.abs().max(a.abs())
}

fn fmt(value: f64) -> String {
    crate::checks::cross_language_scale::trim_number((value * 100.0).round() / 100.0)
}
