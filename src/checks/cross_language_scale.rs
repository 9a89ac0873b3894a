//! A scale word that means a different number in the other language: `Billion`, `billion`.
//!
//! ## What it does
//! Flags German `Billion`/`Billiarde` in English text and English `billion` in German text,
//! and notes every `Billion` next to a currency with what it is in the other language's scale.
//!
//! ## Why is this bad?
//! German uses the long scale: `Milliarde` is 10^9, `Billion` is 10^12 and `Billiarde` 10^15.
//! English uses the short scale: `billion` is 10^9, `trillion` 10^12. A translation that keeps
//! the word changes the amount a thousandfold, and readers of either language misread it.
//!
//! ## Example
//! ```text
//! China will invest 1 Billion Yuan in AI.
//! ```
//! If the source is German, write:
//! ```text
//! China will invest 1 trillion yuan in AI.
//! ```
//!
//! ## Fix safety
//! No automatic fix: which scale the writer meant needs a person and the source.

use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind};
use crate::diagnostics::Finding;
use crate::language::Language;
use crate::lexicon::{CrossLanguageScale, LowerWord, scale_word};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    for claim in context.claims {
        let Some(written) = claim.scale.as_deref() else {
            continue;
        };
        let Some(lower) = LowerWord::new(written) else {
            // No scale word is that long.
            continue;
        };
        let Some(scale) = scale_word(written, &lower, claim.language) else {
            continue;
        };
        let Some(cross) = scale.cross_language else {
            continue;
        };
        let span = scale_span(context.text, claim, written);
        let base = claim.value.number().unwrap_or_default() / 10f64.powi(scale.exponent);
        let figure = trim_number(base);
        // A claim is read in its paragraph's language (a German quote in an English text).
        match (claim.language, cross) {
            (Some(Language::German), CrossLanguageScale::ShortScale)
                if lower.starts_with("billion") && written.starts_with('b') =>
            {
                // Joined without the formatting machinery: a text of figures may have thousands.
                let mut found = finding(
                    "FL003",
                    span,
                    [
                        "English `",
                        written,
                        "` in German text: in German, ",
                        &figure,
                        " ",
                        written,
                        " is ",
                        &figure,
                        " Milliarde(n) (10^9)",
                    ]
                    .concat(),
                );
                found.note = Some(
                    [
                        "German `Billion` is 10^12. If 10^9 is meant, write `",
                        &figure,
                        " Milliarden`; if 10^12, write `",
                        &figure,
                        " Billionen`.",
                    ]
                    .concat()
                    .into(),
                );
                findings.push(found);
            }
            (Some(Language::English) | None, CrossLanguageScale::LongScale) => {
                let english = match scale.exponent {
                    12 => "trillion",
                    15 => "quadrillion",
                    18 => "quintillion",
                    _ => "",
                };
                let mut found = finding(
                    "FL003",
                    span,
                    format!(
                        "German `{written}` in English text: {figure} {written} (German) is {figure} {english} (10^{})",
                        scale.exponent
                    ),
                );
                found.note = Some(format!(
                    "factlint read this as 10^{}. If the English billion (10^9) is meant, write `billion` in lower case.",
                    scale.exponent
                ).into());
                findings.push(found);
            }
            (Some(Language::English), CrossLanguageScale::ShortScale)
                if written.starts_with('B') && !at_sentence_start(context.text, span.start) =>
            {
                let mut found = finding(
                    "FL003",
                    span,
                    format!(
                        "`{written}` capitalised mid-sentence may be the German Billion (10^12), not the English billion (10^9)"
                    ),
                );
                found.note = Some(format!(
                    "factlint read {figure} {written} as {figure} × 10^9. A German source's `Billion` is 10^12: check the original."
                ).into());
                findings.push(found);
            }
            (Some(Language::German), CrossLanguageScale::LongScale)
                if claim.kind == ClaimKind::Money && scale.exponent == 12 =>
            {
                let mut found = finding(
                    "FL003",
                    span,
                    format!(
                        "{figure} {written} (German) = {figure} trillion (English) = {figure} × 10^12"
                    ),
                );
                found.severity = crate::diagnostics::Severity::Info;
                found.note = Some("German `Billion` is the English trillion; English `billion` is German `Milliarde`. Keep this in mind when translating or comparing sources.".into());
                findings.push(found);
            }
            _ => {}
        }
    }
}

fn scale_span(text: &str, claim: &Claim, written: &str) -> crate::text::Span {
    let inside = &text[claim.span.start..claim.span.end];
    match inside.find(written) {
        Some(at) => {
            crate::text::Span::new(claim.span.start + at, claim.span.start + at + written.len())
        }
        None => claim.span,
    }
}

fn at_sentence_start(text: &str, offset: usize) -> bool {
    let before = text[..offset].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
}

/// `1`, `1.5`, `500`: the figure before the scale word, without trailing zeros.
pub(crate) fn trim_number(value: f64) -> String {
    // Whole numbers, as most figures before a scale word are, need no formatting machinery.
    if value.fract() == 0.0 && value.abs() < 1e15 && (value != 0.0 || value.is_sign_positive()) {
        return (value as i64).to_string();
    }
    // Below 10^8 a double is within 10^-8 of its shortest decimal, so one of six places or
    // fewer is what rounding to six places gives; the shortest form costs a fraction of it.
    if value.abs() < 1e8 {
        let shortest = value.to_string();
        let places = shortest.find('.').map_or(0, |dot| shortest.len() - dot - 1);
        if places <= 6 {
            return shortest;
        }
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::trim_number;

    #[test]
    fn trim_number_of_whole_numbers_is_what_formatting_gives() {
        let formatted = |value: f64| {
            let text = format!("{value:.6}");
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        for value in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            5.0,
            500.0,
            1_000.0,
            2_048.0,
            -75.0,
            1e12,
            999_999_999_999_999.0,
            1e15,
            1e20,
            1.5,
            0.25,
            -2.5,
            22.4,
            656.6,
            0.1,
            1e-7,
            0.000_000_5,
            1.000_000_5,
            123_456.789,
            99_999_999.5,
            100_000_000.5,
            1.0 / 3.0,
            -0.001,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(trim_number(value), formatted(value), "{value}");
        }
        // Figures with a few decimals, as texts write them, and some that have many.
        for n in -20_000..20_000 {
            let n = f64::from(n);
            for value in [
                n / 10.0,
                n / 100.0,
                n * 1.37,
                n / 7.0,
                n * 4_321.123_4,
                n / 3e6,
            ] {
                assert_eq!(trim_number(value), formatted(value), "{value}");
            }
        }
        assert_eq!(trim_number(1.5), "1.5");
        assert_eq!(trim_number(500.0), "500");
    }
}
