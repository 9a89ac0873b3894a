//! Helpers the fact checks share: how precisely a claim was written, intervals, money
//! conversion, citations and number formatting for messages.

use crate::claims::{Bound, Claim, ClaimKind, Date};
use crate::diagnostics::{Citation, ExplainedInput, Explanation, Quantity, Reference};
use crate::rules::{Fact, FactValue, RuleSet};

/// Half the unit of the last digit written: 2000 → 500, 2048 → 0.5, 22.4 → 0.05,
/// "5 Millionen" → 500,000. Round numbers of four digits or more are taken as rounded at
/// their last non-zero digit; shorter ones ("20 %", "120 million") as exact in their last digit.
pub(crate) fn rounding(claim: &Claim, text: &str) -> f64 {
    let scale = 10f64.powi(claim.scale_exponent.unwrap_or(0));
    let Some(written) = claim.written else {
        return match claim.kind {
            ClaimKind::Fraction | ClaimKind::Multiplier => 0.0,
            _ => 0.5 * scale,
        };
    };
    let literal = &text[written.span.start..written.span.end];
    let half = if written.decimal.is_some() {
        let decimals = literal.rsplit(['.', ',']).next().map_or(0, |fraction| {
            fraction.chars().filter(char::is_ascii_digit).count()
        });
        0.5 * 10f64.powi(-(decimals as i32))
    } else {
        // Counted in place: a literal may be megabytes of digits.
        let digits = literal.bytes().filter(u8::is_ascii_digit).count();
        let trailing_zeros = literal
            .bytes()
            .rev()
            .filter(u8::is_ascii_digit)
            .take_while(|&digit| digit == b'0')
            .count();
        let zeros = if digits >= 4 { trailing_zeros } else { 0 };
        if trailing_zeros == digits {
            0.5
        } else {
            0.5 * 10f64.powi(zeros as i32)
        }
    };
    half * scale
}

/// The values a claim allows, as a closed interval (infinite ends for bounds). `value` and
/// `high` may be converted (money in another currency); the rounding is converted with them.
/// Rounding is capped at a quarter of the value: a figure such as "1 trillion" is taken as
/// 0.75–1.25 trillion rather than 0.5–1.5.
pub(crate) fn claim_interval(
    claim: &Claim,
    text: &str,
    value: f64,
    high: Option<f64>,
) -> (f64, f64) {
    let original = claim.value.number().unwrap_or(value);
    let factor = if original != 0.0 {
        value / original
    } else {
        1.0
    };
    let half = (rounding(claim, text) * factor.abs())
        .min(0.25 * value.abs())
        .max(0.0);
    match claim.bound {
        Bound::Exact => (value - half, value + half),
        Bound::Approx => {
            let width = half.max(0.1 * value.abs());
            (value - width, value + width)
        }
        Bound::AtLeast | Bound::MoreThan => (value - half, f64::INFINITY),
        Bound::AtMost | Bound::LessThan => (f64::NEG_INFINITY, value + half),
        Bound::Range => (value - half, high.unwrap_or(value) + half),
    }
}

/// The values a claim allows (see `claim_interval`), money converted to the reporting
/// currency at the document's rate date.
pub(crate) fn value_interval(
    context: &crate::checks::CheckContext,
    claim: &Claim,
) -> Option<(f64, f64)> {
    value_interval_in(context, claim, context.options.reporting_currency())
}

/// `value_interval` with money in `currency`.
pub(crate) fn value_interval_in(
    context: &crate::checks::CheckContext,
    claim: &Claim,
    currency: &str,
) -> Option<(f64, f64)> {
    let (value, high) = amount_in(context, claim, currency)?;
    Some(claim_interval(claim, context.text, value, high))
}

/// A claim's value and high end, money in `currency` at the document's rate date.
pub(crate) fn amount_in(
    context: &crate::checks::CheckContext,
    claim: &Claim,
    currency: &str,
) -> Option<(f64, Option<f64>)> {
    if claim.kind == ClaimKind::Money {
        let (value, high, _) = money_in(claim, currency, context.rules, context.rate_date)?;
        Some((value, high))
    } else {
        Some((claim.value.number()?, claim.high))
    }
}

/// The values a fact allows, widened by its tolerance.
pub(crate) fn fact_interval(fact: &Fact) -> (f64, f64) {
    let (low, high) = (fact.value.low(), fact.value.high());
    let widen = |value: f64| (fact.tolerance.relative * value.abs()).max(fact.tolerance.absolute);
    (low - widen(low), high + widen(high))
}

/// A claim's value (and high end) in `currency`, with the rate used, when it is money.
pub(crate) fn money_in(
    claim: &Claim,
    currency: &str,
    rules: &RuleSet,
    date: Option<Date>,
) -> Option<(f64, Option<f64>, Option<crate::rules::RateUsed>)> {
    let value = claim.value.number()?;
    let from = claim.unit?;
    if from == currency {
        return Some((value, claim.high, None));
    }
    let rate = rules.rate(from, currency, date)?;
    Some((
        value * rate.value,
        claim.high.map(|high| high * rate.value),
        Some(rate),
    ))
}

pub(crate) fn citations(fact: &Fact, rules: &RuleSet) -> Vec<Citation> {
    fact.sources
        .iter()
        .enumerate()
        .filter_map(|(at, id)| {
            let mut citation = citation_of_source(rules, id)?;
            // The fact's quote is from its first source.
            citation.quote = if at == 0 { fact.quote.clone() } else { None };
            Some(citation)
        })
        .collect()
}

pub(crate) fn citation_of_source(rules: &RuleSet, id: &str) -> Option<Citation> {
    let source = rules.source(id)?;
    Some(Citation {
        id: source.id.clone(),
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        url: source.url.clone(),
        published: source.published.map(|date| date.iso()),
        accessed: source.accessed.map(|date| date.iso()),
        quote: None,
    })
}

pub(crate) fn reference(fact: &Fact) -> Reference {
    let (value, min, max) = match fact.value {
        FactValue::Single(value) => (Some(value), None, None),
        FactValue::Range { min, max } => (None, Some(min), Some(max)),
    };
    Reference {
        fact: fact.id.clone(),
        statement: fact.statement.clone(),
        value,
        min,
        max,
        unit: fact.unit.clone(),
        per: fact.per.clone(),
        as_of: fact.as_of.map(|date| date.iso()),
    }
}

pub(crate) fn input(
    name: &str,
    claim: &Claim,
    text: &str,
    value: f64,
    unit: Option<&str>,
) -> ExplainedInput {
    input_at(name, claim.span, text, value, unit)
}

/// An input of a computation: the figure written at `span`.
pub(crate) fn input_at(
    name: &str,
    span: crate::text::Span,
    text: &str,
    value: f64,
    unit: Option<&str>,
) -> ExplainedInput {
    ExplainedInput {
        name: name.to_owned(),
        text: text[span.start..span.end].to_owned(),
        start: Some(span.start),
        end: Some(span.end),
        value,
        unit: unit.map(str::to_owned),
    }
}

/// The word of letters that ends right before byte `at` of `text` (spaces between), in
/// lowercase: "je" in "für je 15.000 Dollar", "von" in "von 60 auf 80 Prozent". Empty when a
/// mark stands there.
pub(crate) fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    before[before.trim_end_matches(char::is_alphabetic).len()..].to_lowercase()
}

/// The word of letters that `text` starts with from byte `at` (after spaces), in lowercase,
/// and the text after it: "each" in "$15,000 each.".
pub(crate) fn word_after(text: &str, at: usize) -> (String, &str) {
    let rest = text[at..].trim_start();
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    (rest[..end].to_lowercase(), &rest[end..])
}

/// A figure for messages: `2,048`, `5.58 million`, `1 trillion`, `0.02`, `22.4`.
pub(crate) fn figure(value: f64) -> String {
    let magnitude = value.abs();
    let (scaled, word) = if magnitude >= 1e12 {
        (value / 1e12, " trillion")
    } else if magnitude >= 1e9 {
        (value / 1e9, " billion")
    } else if magnitude >= 1e7 {
        (value / 1e6, " million")
    } else {
        (value, "")
    };
    let decimals = if !word.is_empty() {
        3
    } else if magnitude >= 100.0 {
        0
    } else if magnitude >= 1.0 {
        2
    } else {
        4
    };
    format!(
        "{}{word}",
        crate::number::format_trimmed(scaled, decimals, crate::language::Language::English)
    )
}

/// A figure with its unit for messages: `2,500 USD`, `13 %`, `2,048 H800 GPUs`.
pub(crate) fn quantity(value: f64, unit: Option<&str>, kind: ClaimKind) -> String {
    match (kind, unit) {
        (ClaimKind::Percent, _) => format!("{} %", figure(value)),
        (ClaimKind::PercentagePoints, _) => format!("{} percentage points", figure(value)),
        (ClaimKind::Multiplier, _) => format!("{}×", figure(value)),
        (_, Some(unit)) if crate::units::UNITS.accelerator(unit).is_some() => {
            format!("{} {unit} GPUs", figure(value))
        }
        (_, Some(unit)) => format!("{} {}", figure(value), unit_name(unit, value)),
        (_, None) => figure(value),
    }
}

/// A unit's name for messages, plural unless the value is one: `GPU hours`, `days`, `USD`.
pub(crate) fn unit_name(unit: &str, value: f64) -> String {
    let singular = (value - 1.0).abs() < f64::EPSILON;
    let (one, many) = match unit {
        "gpu" => ("GPU", "GPUs"),
        "gpu_hour" => ("GPU hour", "GPU hours"),
        "million_tokens" => ("million tokens", "million tokens"),
        // Lowercase names are words ("employee", "token", "day"); others are symbols and
        // codes ("USD", "FLOP/s", "H800").
        other
            if other
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte == b'_') =>
        {
            let words = other.replace('_', " ");
            return if singular { words } else { format!("{words}s") };
        }
        other => return other.to_owned(),
    };
    (if singular { one } else { many }).to_owned()
}

/// A fact's value for messages: `2,048 H800 GPUs` or `25,000–40,000 USD per gpu`.
pub(crate) fn fact_quantity(fact: &Fact) -> String {
    let per = fact
        .per
        .as_deref()
        .map(|per| format!(" per {}", unit_name(per, 1.0)))
        .unwrap_or_default();
    match fact.value {
        FactValue::Single(value) => {
            format!("{}{per}", quantity(value, fact.unit.as_deref(), fact.kind))
        }
        FactValue::Range { min, max } => {
            let high = quantity(max, fact.unit.as_deref(), fact.kind);
            format!("{}–{high}{per}", figure(min))
        }
    }
}

/// `text[start..end]` with both ends moved inward to character boundaries and clamped to the
/// text: a bounded window for looking at the words around a claim.
pub(crate) fn window(text: &str, start: usize, end: usize) -> &str {
    let mut start = start.min(text.len());
    let mut end = end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end.max(start)]
}

/// The explanation of arithmetic on the document's own figures: no source is involved.
pub(crate) fn own_arithmetic(
    formula: &str,
    computation: String,
    value: f64,
    unit: Option<&str>,
) -> Option<Box<Explanation>> {
    Some(Box::new(Explanation {
        formula: Some(formula.to_owned()),
        computation: Some(computation),
        result: Some(Quantity {
            value,
            unit: unit.map(str::to_owned),
        }),
        why: Some("all figures come from this document; no source is involved".to_owned()),
        ..Explanation::default()
    }))
}

/// Days between two dates (`later − earlier`).
pub(crate) fn days_between(earlier: Date, later: Date) -> i64 {
    days_from_civil(later) - days_from_civil(earlier)
}

fn days_from_civil(date: Date) -> i64 {
    let (year, month, day) = (
        i64::from(date.year),
        i64::from(date.month.unwrap_or(1)),
        i64::from(date.day.unwrap_or(1)),
    );
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Whether the text at `at` stands in a table row: the rows of a table are records, and the
/// same column differs from row to row by design. A line longer than `TABLE_ROW_BYTES` before
/// `at` is taken for prose, so that a wall of figures on one line is not searched back to its
/// start for every figure.
pub(crate) fn in_table_row(text: &str, at: usize) -> bool {
    let at = at.min(text.len());
    let mut from = at.saturating_sub(TABLE_ROW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(before) = text.get(from..at) else {
        return false;
    };
    match before.rfind('\n') {
        Some(line) => before[line + 1..].trim_start().starts_with('|'),
        None => from == 0 && before.trim_start().starts_with('|'),
    }
}

/// How far back a table row's opening `|` is looked for.
const TABLE_ROW_BYTES: usize = 4096;

/// A related location naming the part a claim plays in a finding: "`2,000 GPUs` is the count".
pub(crate) fn related(text: &str, claim: &Claim, role: &str) -> crate::diagnostics::Related {
    crate::diagnostics::Related {
        span: claim.span,
        message: format!("`{}` is {role}", &text[claim.span.start..claim.span.end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_well() {
        assert_eq!(figure(2048.0), "2,048");
        assert_eq!(figure(5_576_000.0), "5,576,000");
        assert_eq!(figure(137_900_000_000.0), "137.9 billion");
        assert_eq!(figure(1e12), "1 trillion");
        assert_eq!(figure(0.02), "0.02");
        assert_eq!(figure(22.4), "22.4");
        assert_eq!(figure(-3.5), "-3.5");
    }

    #[test]
    fn days_are_counted_across_leap_years() {
        let date = |year, month, day| Date {
            year,
            month: Some(month),
            day: Some(day),
        };
        assert_eq!(days_between(date(2024, 12, 27), date(2026, 11, 29)), 702);
        assert_eq!(days_between(date(2024, 2, 28), date(2024, 3, 1)), 2);
    }
}
