//! Context for figures: money in the reporting currency, large scale words in the other
//! language's scale, and percentages as factors.
//!
//! ## What it does
//! Adds a hint to every money claim in another currency with its value in the reporting
//! currency (USD unless configured), at the latest dated rate in the rule files, naming the
//! rate, its date and its source (FL140). Spells out large scale words in both languages'
//! scales: "500 Milliarden (de) = 500 billion (en) = 5 × 10^11" (FL141). Restates a percentage
//! of something, or a reduction, as a factor: "3 % of it" = 1/33; "93.3 % less" = 14.9× smaller
//! (FL142); a share above half gets no factor ("81 % of it" is no useful 1/1.23), a reduction
//! below half only what remains ("10 % less" = 90 % of the original).
//!
//! ## Why is this bad?
//! Nothing is wrong: these are the conversions a reader or fact-checker does in their head,
//! and gets wrong when the scale words of two languages meet.
//!
//! ## Example
//! ```text
//! Die Bank of China stellt 1 Billion Yuan bereit.
//! ```
//! hint: 1 trillion CNY ≈ 137.3 billion USD at 0.1373 USD per CNY (2025-01-27, ECB).
//!
//! ## Fix safety
//! No fix: these are notes, not problems.

use crate::checks::support::{self, citation_of_source, figure, quantity};
use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind};
use crate::diagnostics::{Explanation, Finding, Quantity};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    for claim in context.claims {
        match claim.kind {
            ClaimKind::Money => money(context, claim, findings),
            ClaimKind::Percent => percent_as_factor(context, claim, findings),
            _ => {}
        }
        scale_words(context, claim, findings);
    }
}

fn money(context: &CheckContext, claim: &Claim, findings: &mut Vec<Finding>) {
    let target = context.options.reporting_currency();
    let (Some(from), Some(value)) = (claim.unit, claim.value.number()) else {
        return;
    };
    if from == target {
        return;
    }
    let Some(rate) = context.rules.rate(from, target, context.rate_date) else {
        return;
    };
    let converted = value * rate.value;
    let written = &context.text[claim.span.start..claim.span.end];
    let dated: Vec<String> = rate
        .rates
        .iter()
        .map(|used| {
            let source = used
                .source
                .as_deref()
                .and_then(|id| context.rules.source(id))
                .map(|source| source.title.clone());
            format!(
                "1 {} = {} {} on {}{}",
                used.from,
                used.value,
                used.to,
                used.date.iso(),
                source
                    .map(|title| format!(" ({title})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    let high = claim
        .high
        .map(|high| format!("–{}", figure(high * rate.value)))
        .unwrap_or_default();
    let mut found = finding(
        "FL140",
        claim.span,
        format!(
            "`{written}` ≈ {}{high} {target} at {} {target} per {from}",
            figure(converted),
            round_rate(rate.value)
        ),
    );
    found.note = Some(format!("Rate: {}.", dated.join("; ")).into());
    found.explanation = Some(Box::new(Explanation {
        inputs: vec![support::input(
            "amount",
            claim,
            context.text,
            value,
            Some(from),
        )],
        formula: Some("amount × rate".to_owned()),
        computation: Some(format!(
            "{} × {} = {}",
            quantity(value, Some(from), claim.kind),
            round_rate(rate.value),
            quantity(converted, Some(target), claim.kind)
        )),
        result: Some(Quantity {
            value: converted,
            unit: Some(target.to_owned()),
        }),
        sources: rate
            .rates
            .iter()
            .filter_map(|used| citation_of_source(context.rules, used.source.as_deref()?))
            .collect(),
        ..Explanation::default()
    }));
    findings.push(found);
}

fn round_rate(rate: f64) -> String {
    let text = format!("{rate:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Scale words of 10^9 and above, spelled out in both languages (German `Billion` words are
/// already covered by the cross-language check).
fn scale_words(_context: &CheckContext, claim: &Claim, findings: &mut Vec<Finding>) {
    let (Some(exponent), Some(written_scale), Some(value)) = (
        claim.scale_exponent,
        claim.scale.as_deref(),
        claim.value.number(),
    ) else {
        return;
    };
    if exponent < 9 || written_scale.to_lowercase().starts_with("billi") {
        return;
    }
    let mantissa = figure(value / 10f64.powi(exponent));
    let one = (value / 10f64.powi(exponent) - 1.0).abs() < f64::EPSILON;
    let (english, german) = match (exponent, one) {
        (9, true) => ("billion", "Milliarde"),
        (9, false) => ("billion", "Milliarden"),
        (12, true) => ("trillion", "Billion"),
        (12, false) => ("trillion", "Billionen"),
        (15, true) => ("quadrillion", "Billiarde"),
        (15, false) => ("quadrillion", "Billiarden"),
        _ => return,
    };
    let span = claim.span;
    let mut found = finding(
        "FL141",
        span,
        format!(
            "{mantissa} {written_scale} = {mantissa} × 10^{exponent}: in English {mantissa} {english}, in German {mantissa} {german}"
        ),
    );
    found.explanation = Some(Box::new(Explanation {
        why: Some("a restatement of the scale word; no source needed".to_owned()),
        ..Explanation::default()
    }));
    findings.push(found);
}

/// "3 % of …" = 1/33; "93.3 % less" = 14.9× smaller.
fn percent_as_factor(context: &CheckContext, claim: &Claim, findings: &mut Vec<Finding>) {
    let Some(value) = claim.value.number() else {
        return;
    };
    if !(0.0 < value && value < 100.0) || claim.high.is_some() {
        return;
    }
    let after = context.text[claim.span.end..]
        .chars()
        .take(40)
        .collect::<String>()
        .to_lowercase();
    let before = context.text[..claim.span.start]
        .chars()
        .rev()
        .take(40)
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let less = [
        "less",
        "lower",
        "fewer",
        "cheaper",
        "smaller",
        "weniger",
        "niedriger",
        "günstiger",
        "kleiner",
        "billiger",
    ]
    .iter()
    .any(|word| after.trim_start().starts_with(word))
        || [
            "reduc",
            "cut",
            "senk",
            "sank",
            "fell by",
            "dropped by",
            "reduziert",
            "gesenkt",
        ]
        .iter()
        .any(|word| before.contains(word));
    let of = ["of ", "der ", "des ", "dessen", "von "]
        .iter()
        .any(|word| after.trim_start().starts_with(word));
    let written = &context.text[claim.span.start..claim.span.end];
    // A factor is worth stating from 2 on: "81 % of it" is no useful "1/1.23 of it", and
    // "99.9 % of it" would read "1/1".
    let message = if less {
        let factor = 100.0 / (100.0 - value);
        if factor >= 2.0 {
            format!(
                "`{written}` less = {} % of the original = 1/{} ({}× smaller)",
                figure(100.0 - value),
                figure(factor),
                figure(factor)
            )
        } else {
            format!(
                "`{written}` less = {} % of the original",
                figure(100.0 - value)
            )
        }
    } else if of && value <= 50.0 {
        format!(
            "`{written}` of something = 1/{} of it",
            figure(100.0 / value)
        )
    } else {
        return;
    };
    let mut found = finding("FL142", claim.span, message);
    found.explanation = Some(Box::new(Explanation {
        inputs: vec![support::input("percent", claim, context.text, value, None)],
        formula: Some(if less {
            "100 ÷ (100 − percent)".to_owned()
        } else {
            "100 ÷ percent".to_owned()
        }),
        why: Some("a restatement; no source needed".to_owned()),
        ..Explanation::default()
    }));
    findings.push(found);
}

#[cfg(test)]
mod tests {
    use crate::{DocumentFormat, Options, analyze};

    fn factors(text: &str) -> Vec<String> {
        analyze(text, DocumentFormat::Markdown, &Options::default())
            .findings
            .iter()
            .filter(|finding| finding.code == "FL142")
            .map(|finding| finding.message.clone())
            .collect()
    }

    /// A share or a reduction is restated as a factor from 2 on; below, a reduction says what
    /// remains and a share says nothing.
    #[test]
    fn percentages_become_factors_from_two_on() {
        assert_eq!(
            factors("It uses 3 % of the budget.\n\nIt is 93.3 % less.\n"),
            [
                "`3 %` of something = 1/33.33 of it",
                "`93.3 %` less = 6.7 % of the original = 1/14.93 (14.93× smaller)",
            ]
        );
        assert_eq!(
            factors("It uses 50 % of the budget.\n"),
            ["`50 %` of something = 1/2 of it"]
        );
        assert_eq!(
            factors("It costs 10 % less.\n"),
            ["`10 %` less = 90 % of the original"]
        );
        assert!(factors("It serves 81 % of users and 99.9 % of requests.\n").is_empty());
    }
}
