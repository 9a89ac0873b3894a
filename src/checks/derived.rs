//! Derived quantities: what the figures of a sentence imply together, from the checks in the
//! rule files.
//!
//! ## What it does
//! Each `[[check]]` in a rule file binds claims of the same sentence (or paragraph) to names
//! by kind and unit, computes its steps (`per_gpu = money / gpus`), and compares the first
//! result with a sourced fact or an expected range. Money is computed in the currency the
//! text states when all its amounts share one and nothing is compared in money, and converted
//! to the reporting currency otherwise; durations to the unit the check asks for. The bundled
//! checks derive the cost per GPU (against the purchase price and the hourly rental rate of a
//! GPU), amounts per year over a stated number of years, and GPU hours and their rental cost.
//! An amount stated for each item ("$15,000 each", "$30,000 per GPU", "pro Stück") is not divided again, and a
//! duration that is the period of another figure ("supply would double over the next two
//! years") is not taken for the time the GPUs of the sentence ran.
//!
//! FL150 reports the derived figure with its arithmetic; FL151 flags a derived figure outside
//! the sourced or expected range. FL152 flags a figure the text states for the result itself
//! ("16,384 GPUs for 54 days, or about 2.1 million GPU hours": a claim in the scope, bound
//! to no input, in the first step's unit) that its inputs cannot give: the result is computed
//! at the ends of every input's rounding, and no value the stated figure allows (its rounding,
//! "about" as ±10 %, bounds) lies in between. A money result is compared only when its step
//! says what it is per (`per = "year"`) and the sentence states an amount per the same ("$500
//! billion over four years means $200 billion a year"), unless the sentence says that amount
//! holds for part of the time ("at first", "zunächst"); any other amount in the sentence is
//! rarely the amount per GPU or per year.
//!
//! ## Why is this bad?
//! Figures that are each plausible can be impossible together: $5 million for 2,000 GPUs is
//! $2,500 per GPU, a tenth of what one GPU costs to buy. The arithmetic shows what a claim
//! really says.
//!
//! ## Example
//! ```text
//! It was trained on 2,000 H800 GPUs for $5 million.
//! ```
//! info: Cost per GPU: $5 million ÷ 2,000 H800 GPUs = 2,500 USD per GPU, below the purchase
//! price of one GPU (25,000–40,000 USD); it buys 1,250 GPU hours at 2 USD per GPU hour.
//!
//! ## Fix safety
//! No fix: the writer decides what the figures should say.

use std::collections::HashMap;

use crate::checks::support::{self, citations, fact_quantity, figure, money_in};
use crate::checks::{CheckContext, finding};
use crate::claims::{Bound, Claim, ClaimKind};
use crate::diagnostics::{Explanation, Finding, Quantity, Severity};
use crate::rules::expr::Expr;
use crate::rules::{DerivedCheck, Fact, Input, Scope};
use crate::text::Span;
use crate::units::UNITS;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    if context.rules.checks.is_empty() || context.claims.is_empty() {
        return;
    }
    // The kinds of claim at hand: a check with an input no claim can fit binds nowhere, and
    // a wall of figures need not be searched for it group by group.
    let kinds = context
        .claims
        .iter()
        .fold(0, |kinds, claim| kinds | input_kinds(claim));
    for derived in &context.rules.checks {
        if derived
            .inputs
            .iter()
            .any(|input| kinds & 1 << input.kind as u32 == 0)
        {
            continue;
        }
        // Whether the check compares in money is the same for every scope.
        let compares_money = derived.expected.is_some()
            || fact_ids(derived).iter().any(|id| {
                context
                    .rules
                    .fact(id)
                    .is_some_and(|fact| fact.kind == ClaimKind::Money)
            });
        let mut start = 0;
        while start < context.claims.len() {
            let scope = scope_of(context, derived.scope, start);
            let mut end = start;
            while end < context.claims.len() && scope_of(context, derived.scope, end) == scope {
                end += 1;
            }
            if let Some(found) = evaluate(context, derived, compares_money, start..end, findings) {
                findings.push(found);
            }
            start = end;
        }
    }
}

fn scope_of(context: &CheckContext, scope: Scope, at: usize) -> Span {
    match scope {
        // A table's row is the sentence of its figures.
        Scope::Sentence => context.claims[at]
            .row
            .unwrap_or(context.claims[at].sentence),
        Scope::Paragraph => context
            .claim_blocks
            .get(at)
            .copied()
            .unwrap_or(context.claims[at].sentence),
    }
}

/// A claim bound to an input, with its value in the unit the check computes in.
struct Bound_<'a> {
    claim: &'a Claim,
    value: f64,
    unit: Option<String>,
}

fn evaluate(
    context: &CheckContext,
    derived: &DerivedCheck,
    compares_money: bool,
    claims: std::ops::Range<usize>,
    findings: &mut Vec<Finding>,
) -> Option<Finding> {
    let currency = working_currency(context, compares_money, claims.clone());
    let mut bound: Vec<(&Input, Bound_)> = Vec::new();
    let mut used = vec![false; claims.len()];
    for input in &derived.inputs {
        let (offset, claim, value, unit) =
            claims.clone().enumerate().find_map(|(offset, at)| {
                let claim = &context.claims[at];
                if used[offset]
                    || !fits(input, claim)
                    || per_item(context.text, claim)
                    || said_otherwise(context, at, &input.unless)
                {
                    return None;
                }
                let (value, unit) = value_of(context, input, claim, &currency)?;
                Some((offset, claim, value, unit))
            })?;
        used[offset] = true;
        bound.push((input, Bound_ { claim, value, unit }));
    }
    // A duration that is the period of a figure the check leaves out belongs to that figure:
    // in "shipped 13,000 GPUs …, adding that supply would double over the next two years",
    // no GPU ran for two years.
    let period_of_another = |duration: &Claim| {
        claims.clone().enumerate().any(|(offset, at)| {
            let other = &context.claims[at];
            !used[offset]
                && other.period.as_ref().is_some_and(|period| {
                    period.start <= duration.span.start && duration.span.end <= period.end
                })
        })
    };
    if bound
        .iter()
        .any(|(_, bound)| bound.claim.kind == ClaimKind::Duration && period_of_another(bound.claim))
    {
        return None;
    }
    let mut values: HashMap<&str, f64> = bound
        .iter()
        .map(|(input, bound)| (input.name.as_str(), bound.value))
        .collect();
    let fact_value = |id: &str| {
        context
            .rules
            .fact(id)
            .and_then(|fact| fact_in(context, fact, &currency))
            .and_then(|(low, high)| (low == high).then_some(low))
    };
    let mut results: Vec<(&str, f64, Option<String>)> = Vec::new();
    for step in &derived.steps {
        let value = step
            .formula
            .eval(&|name| values.get(name).copied(), &fact_value)
            .ok()?;
        values.insert(step.name.as_str(), value);
        let unit = step.unit.as_deref().map(|unit| {
            if unit == "currency" {
                currency.clone()
            } else {
                unit.to_owned()
            }
        });
        results.push((step.name.as_str(), value, unit));
    }
    let (_, result, result_unit) = results.first().cloned()?;
    if let Some(disagrees) = stated_result(
        context,
        derived,
        claims.clone(),
        &used,
        &bound,
        &fact_value,
        (result, result_unit.as_deref()),
        &currency,
    ) {
        findings.push(disagrees);
    }

    // Compare the first result with a fact or an expected range.
    let compare_fact = derived
        .compare_fact
        .as_deref()
        .and_then(|id| context.rules.fact(id));
    let expected = match (compare_fact, derived.expected) {
        (Some(fact), _) => fact_in(context, fact, &currency),
        (None, Some(range)) => Some(range),
        (None, None) => None,
    };
    let outside = expected.is_some_and(|(low, high)| result < low || result > high);

    let show = |expr: &Expr| -> String {
        match expr {
            Expr::Variable(name) => {
                if let Some((_, bound)) = bound.iter().find(|(input, _)| input.name == *name) {
                    shown_value(bound.value, bound.unit.as_deref())
                } else if let Some((_, value, unit)) =
                    results.iter().find(|(step, _, _)| step == name)
                {
                    shown_value(*value, unit.as_deref())
                } else {
                    name.clone()
                }
            }
            // A money fact enters the formula in the reporting currency; show it so.
            Expr::Fact(id) => match context.rules.fact(id) {
                Some(fact)
                    if fact.kind == ClaimKind::Money
                        && fact.unit.as_deref() != Some(currency.as_str()) =>
                {
                    match fact_in(context, fact, &currency) {
                        Some((low, high)) if low == high => {
                            let per = fact
                                .per
                                .as_deref()
                                .map(|per| format!(" per {}", support::unit_name(per, 1.0)))
                                .unwrap_or_default();
                            format!("{} {currency}{per}", figure(low))
                        }
                        _ => fact_quantity(fact),
                    }
                }
                Some(fact) => fact_quantity(fact),
                None => id.clone(),
            },
            Expr::Number(value) => figure(*value),
            _ => String::new(),
        }
    };
    let computation: Vec<String> = derived
        .steps
        .iter()
        .zip(&results)
        .map(|(step, (_, value, unit))| {
            format!(
                "{} = {} = {}",
                step.name,
                step.formula.render(&show),
                shown_value(*value, unit.as_deref())
            )
        })
        .collect();
    let formula: Vec<String> = derived
        .steps
        .iter()
        .map(|step| format!("{} = {}", step.name, step.formula_text))
        .collect();

    let (first_input, first) = &bound[0];
    let _ = first_input;
    let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
    let bounds_note = bound
        .iter()
        .filter(|(_, bound)| !matches!(bound.claim.bound, Bound::Exact | Bound::Approx))
        .map(|(_, bound)| {
            format!(
                "`{}` is a bound, so the result is one too",
                written(bound.claim)
            )
        })
        .next();
    let first_result = shown_value(result, result_unit.as_deref());
    let inputs_text: Vec<String> = bound
        .iter()
        .map(|(_, bound)| format!("`{}`", written(bound.claim)))
        .collect();
    let mut message = format!(
        "{}: {} ⇒ {first_result}",
        derived.title,
        inputs_text.join(", ")
    );
    if let (Some((low, high)), true) = (expected, outside) {
        let what = compare_fact.map_or_else(
            || format!("the expected {}–{}", figure(low), figure(high)),
            |fact| {
                format!(
                    "{} ({})",
                    fact_quantity(fact),
                    fact.attribute.replace('-', " ")
                )
            },
        );
        message.push_str(&format!(
            ", {} {what}",
            if result < low { "below" } else { "above" }
        ));
    }
    let mut found = finding(
        if outside { "FL151" } else { "FL150" },
        first.claim.span,
        message,
    );
    found.severity = if outside {
        derived.severity
    } else {
        Severity::Info
    };
    let mut note = derived
        .note
        .as_deref()
        .map(|template| render_note(context, template, &bound, &results))
        .unwrap_or_default();
    if let Some(bounds_note) = bounds_note {
        note.push_str(&format!(" Note: {bounds_note}."));
    }
    found.note = (!note.trim().is_empty()).then(|| note.trim().to_owned().into());
    for (_, other) in bound.iter().skip(1) {
        found
            .related
            .push(support::related(context.text, other.claim, "an input"));
    }
    let mut sources = Vec::new();
    for id in &fact_ids(derived) {
        if let Some(fact) = context.rules.fact(id) {
            for citation in citations(fact, context.rules) {
                if !sources
                    .iter()
                    .any(|known: &crate::diagnostics::Citation| known.id == citation.id)
                {
                    sources.push(citation);
                }
            }
        }
    }
    found.explanation = Some(Box::new(Explanation {
        inputs: explained_inputs(context, &bound),
        formula: Some(formula.join("; ")),
        computation: Some(computation.join("; ")),
        result: Some(Quantity {
            value: result,
            unit: result_unit,
        }),
        reference: compare_fact.map(support::reference),
        why: sources.is_empty().then(|| {
            "pure arithmetic on the document's own figures; no source is involved".to_owned()
        }),
        sources,
    }));
    found.rule = Some(derived.id.clone());
    Some(found)
}

/// FL152 when the scope states the first step's result itself (a claim in its unit bound to
/// no input) and no stated figure fits what the inputs give at the ends of their rounding.
#[allow(
    clippy::too_many_arguments,
    reason = "the parts of one evaluation, passed apart to keep them borrowed"
)]
fn stated_result(
    context: &CheckContext,
    derived: &DerivedCheck,
    claims: std::ops::Range<usize>,
    used: &[bool],
    bound: &[(&Input, Bound_)],
    fact_value: &dyn Fn(&str) -> Option<f64>,
    (result, unit): (f64, Option<&str>),
    currency: &str,
) -> Option<Finding> {
    let unit = unit?;
    // An amount is compared only when the step says what it is per and the text states an
    // amount per the same ("$500 billion over four years means $200 billion a year").
    let per = derived.steps.first()?.per;
    let stated_for = |claim: &&Claim| {
        if unit == currency {
            claim.kind == ClaimKind::Money
                && claim.period.as_ref().is_some_and(|period| {
                    period.kind == crate::claims::PeriodKind::Rate
                        && per.is_some()
                        && period.unit == per
                })
                // "$100 billion a year at first" is not the average.
                && {
                    let sentence =
                        context.text[claim.sentence.start..claim.sentence.end].to_lowercase();
                    !PARTIAL.iter().any(|word| sentence.contains(word))
                }
        } else {
            claim.kind != ClaimKind::Money && claim.unit == Some(unit)
        }
    };
    let stated: Vec<&Claim> = claims
        .zip(used)
        .filter(|&(_, used)| !used)
        .map(|(at, _)| &context.claims[at])
        .filter(stated_for)
        .collect();
    if stated.is_empty() || bound.len() > 8 {
        return None;
    }
    // Every input's interval, in the unit the check computes in.
    let intervals: Vec<(f64, f64)> = bound
        .iter()
        .map(|(_, bound)| {
            let original = bound.claim.value.number().unwrap_or(bound.value);
            let factor = if original != 0.0 {
                bound.value / original
            } else {
                1.0
            };
            support::claim_interval(
                bound.claim,
                context.text,
                bound.value,
                bound.claim.high.map(|high| high * factor),
            )
        })
        .collect();
    if intervals
        .iter()
        .any(|(low, high)| !low.is_finite() || !high.is_finite())
    {
        return None;
    }
    // The result at every corner of the inputs' intervals.
    let step = derived.steps.first()?;
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for corner in 0..1u32 << bound.len() {
        let values: HashMap<&str, f64> = bound
            .iter()
            .zip(&intervals)
            .enumerate()
            .map(|(at, ((input, _), &(low, high)))| {
                let value = if corner & 1 << at == 0 { low } else { high };
                (input.name.as_str(), value)
            })
            .collect();
        let value = step
            .formula
            .eval(&|name| values.get(name).copied(), fact_value)
            .ok()
            .filter(|value| value.is_finite())?;
        low = low.min(value);
        high = high.max(value);
    }
    // "$200 billion every two years" is compared per year: halved.
    let units = |claim: &Claim| {
        claim
            .period
            .as_ref()
            .filter(|period| period.kind == crate::claims::PeriodKind::Rate)
            .and_then(|period| period.value)
            .unwrap_or(1.0)
    };
    let fits = |claim: &&Claim| {
        support::value_interval_in(context, claim, currency).is_some_and(
            |(stated_low, stated_high)| {
                let units = units(claim);
                stated_low / units <= high && low <= stated_high / units
            },
        )
    };
    if stated.iter().any(fits) {
        return None;
    }
    let claim = stated[0];
    let written = |claim: &Claim| &context.text[claim.span.start..claim.span.end];
    let inputs: Vec<String> = bound
        .iter()
        .map(|(_, bound)| format!("`{}`", written(bound.claim)))
        .collect();
    let mut found = finding(
        "FL152",
        claim.span,
        format!(
            "`{}` disagrees with the figures beside it: {} ⇒ {}",
            written(claim),
            inputs.join(", "),
            shown_value(result, Some(unit))
        ),
    );
    let per_one = match (units(claim), &claim.period, claim.value.number()) {
        (units, Some(period), Some(value)) if units != 1.0 => format!(
            "`{}` {} is {} per {}. ",
            written(claim),
            period.text,
            shown_value(value / units, Some(unit)),
            period.unit.unwrap_or_default(),
        ),
        _ => String::new(),
    };
    found.note = Some(
        format!(
            "{per_one}{}: {} = {}; with every input anywhere within its rounding, between {} and \
         {}. One of the figures is wrong, or they are about different things.",
            derived.title,
            step.formula_text,
            shown_value(result, Some(unit)),
            shown_value(low, Some(unit)),
            shown_value(high, Some(unit)),
        )
        .into(),
    );
    for (_, bound) in bound {
        found
            .related
            .push(support::related(context.text, bound.claim, "an input"));
    }
    found.explanation = Some(Box::new(Explanation {
        inputs: explained_inputs(context, bound)
            .into_iter()
            .chain(
                claim
                    .value
                    .number()
                    .map(|value| support::input("stated", claim, context.text, value, claim.unit)),
            )
            .collect(),
        formula: Some(format!("{} = {}", step.name, step.formula_text)),
        computation: Some(format!(
            "{} = {} (from {} to {} within the inputs' rounding)",
            step.name,
            shown_value(result, Some(unit)),
            shown_value(low, Some(unit)),
            shown_value(high, Some(unit)),
        )),
        result: Some(Quantity {
            value: result,
            unit: Some(unit.to_owned()),
        }),
        why: Some(
            "pure arithmetic on the document's own figures; no source is involved".to_owned(),
        ),
        ..Default::default()
    }));
    found.severity = Severity::Warning;
    found.rule = Some(derived.id.clone());
    Some(found)
}

/// The inputs of an explanation: each bound claim with the value the check computed with.
fn explained_inputs(
    context: &CheckContext,
    bound: &[(&Input, Bound_)],
) -> Vec<crate::diagnostics::ExplainedInput> {
    bound
        .iter()
        .map(|(input, bound)| {
            support::input(
                &input.name,
                bound.claim,
                context.text,
                bound.value,
                bound.unit.as_deref(),
            )
        })
        .collect()
}

/// The currency a check computes in: the one currency of the scope's amounts when the check
/// compares with no money fact and no `expected` range ("8 Mrd. Euro über vier Jahre" is 2
/// billion euros a year, not its value in dollars), the reporting currency otherwise (the
/// range is in it, and so is every fact once converted).
fn working_currency(
    context: &CheckContext,
    compares_money: bool,
    claims: std::ops::Range<usize>,
) -> String {
    let reporting = context.options.reporting_currency();
    if compares_money {
        return reporting.to_owned();
    }
    let mut currencies = context.claims[claims]
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Money)
        .filter_map(|claim| claim.unit);
    match currencies.next() {
        Some(first) if currencies.all(|other| other == first) => first.to_owned(),
        _ => reporting.to_owned(),
    }
}

/// The facts a check's steps and comparison use, in order, without repeats in a row.
fn fact_ids(derived: &DerivedCheck) -> Vec<String> {
    let mut ids = Vec::new();
    for step in &derived.steps {
        step.formula.facts(&mut ids);
    }
    ids.extend(derived.compare_fact.iter().cloned());
    ids.dedup();
    ids
}

/// Words that say an amount per year holds for part of the time only.
const PARTIAL: [&str; 10] = [
    "at first",
    "initially",
    "first year",
    "starting",
    "rising",
    "zunächst",
    "anfangs",
    "ersten jahr",
    "zu beginn",
    "steigend",
];

/// Whether an amount is stated for each item, not for all of them: "$15,000 each", "$2
/// apiece", "$30,000 per GPU", "15.000 Dollar pro Stück", "für je 15.000 Dollar". Divided
/// by the number of items it would say nothing. ("$2 per hour" is a rate, a period the
/// claim holds.)
fn per_item(text: &str, claim: &Claim) -> bool {
    if claim.kind != ClaimKind::Money {
        return false;
    }
    let word_before = support::word_before(text, claim.span.start);
    let (first, rest) = support::word_after(text, claim.span.end);
    if word_before == "je" || matches!(first.as_str(), "each" | "apiece") {
        return true;
    }
    let (second, _) = support::word_after(rest, 0);
    match first.as_str() {
        "a" => second == "piece",
        "das" => second == "stück",
        "per" | "pro" | "je" => !second.is_empty() && crate::lexicon::time_unit(&second).is_none(),
        _ => false,
    }
}

/// How far before and after a claim (in bytes, within its sentence and not past another
/// claim) an input's `unless` words are looked for.
const UNLESS_BEFORE: usize = 48;
const UNLESS_AFTER: usize = 24;

/// Whether one of `words` (lowercase) starts a word next to the claim at `at`: "revenue rose
/// to $5.2 billion", "1,5 Milliarden Euro umgesetzt".
fn said_otherwise(context: &CheckContext, at: usize, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let claims = context.claims;
    let claim = &claims[at];
    let in_sentence = |other: &Claim| other.sentence == claim.sentence;
    let mut from = claim
        .sentence
        .start
        .max(claim.span.start.saturating_sub(UNLESS_BEFORE));
    if let Some(before) = at.checked_sub(1).map(|before| &claims[before])
        && in_sentence(before)
        && before.span.end <= claim.span.start
    {
        from = from.max(before.span.end);
    }
    let mut to = claim.sentence.end.min(claim.span.end + UNLESS_AFTER);
    if let Some(after) = claims.get(at + 1)
        && in_sentence(after)
        && after.span.start >= claim.span.end
    {
        to = to.min(after.span.start);
    }
    let text = context.text;
    let near = |from: usize, to: usize| {
        let (mut from, mut to) = (from.min(to), to);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        text.get(from..to.max(from)).unwrap_or_default()
    };
    [near(from, claim.span.start), near(claim.span.end, to)]
        .iter()
        .any(|window| {
            let lower = window.to_lowercase();
            words
                .iter()
                .any(|word| crate::lexicon::starts_a_word(&lower, word))
        })
}

/// The kinds of input a claim may be bound to, one bit per `ClaimKind`: its own, and a count
/// for a quantity of GPUs.
fn input_kinds(claim: &Claim) -> u32 {
    let own = 1 << claim.kind as u32;
    if claim.kind == ClaimKind::Quantity && claim.unit == Some("gpu") {
        own | 1 << ClaimKind::Count as u32
    } else {
        own
    }
}

/// Whether a claim fits an input's kind and units.
fn fits(input: &Input, claim: &Claim) -> bool {
    let kind_fits = input_kinds(claim) & 1 << input.kind as u32 != 0;
    if !kind_fits || claim.value.number().is_none() {
        return false;
    }
    if input.units.is_empty() || input.units.iter().any(|unit| unit == "any") {
        return true;
    }
    let unit = claim.unit;
    input.units.iter().any(|wanted| match wanted.as_str() {
        "accelerator" => unit.is_some_and(|unit| UNITS.accelerator(unit).is_some()),
        wanted => {
            unit == Some(wanted)
                || (input.kind == ClaimKind::Duration && input.convert_to.is_some())
        }
    })
}

/// The value a claim contributes: money in the working currency, durations converted.
fn value_of(
    context: &CheckContext,
    input: &Input,
    claim: &Claim,
    currency: &str,
) -> Option<(f64, Option<String>)> {
    match claim.kind {
        ClaimKind::Money => money_in(claim, currency, context.rules, context.rate_date)
            .map(|(value, _, _)| (value, Some(currency.to_owned()))),
        ClaimKind::Duration => {
            let value = claim.value.number()?;
            let from = claim.unit?;
            match &input.convert_to {
                Some(to) => Some((value * hours(from)? / hours(to)?, Some(to.clone()))),
                None => Some((value, Some(from.to_owned()))),
            }
        }
        _ => Some((claim.value.number()?, claim.unit.map(str::to_owned))),
    }
}

/// A fact's value (or range) in the reporting currency when it is money.
fn fact_in(context: &CheckContext, fact: &Fact, currency: &str) -> Option<(f64, f64)> {
    let (low, high) = (fact.value.low(), fact.value.high());
    match (&fact.kind, fact.unit.as_deref()) {
        (ClaimKind::Money, Some(unit)) if unit != currency => {
            let rate = context.rules.rate(unit, currency, fact.as_of)?;
            Some((low * rate.value, high * rate.value))
        }
        _ => Some((low, high)),
    }
}

/// Hours in one of a time unit.
fn hours(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0 / 3600.0,
        "minute" => 1.0 / 60.0,
        "hour" => 1.0,
        "day" => 24.0,
        "week" => 168.0,
        "month" => 730.5,
        "year" => 8766.0,
        "decade" => 87_660.0,
        _ => return None,
    })
}

fn shown_value(value: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if UNITS.accelerator(unit).is_some() => format!("{} {unit} GPUs", figure(value)),
        Some(unit) => format!("{} {}", figure(value), support::unit_name(unit, value)),
        None => figure(value),
    }
}

/// Fills `{name}` with an input's text or a step's value, and `{fact:ID}` with a fact.
fn render_note(
    context: &CheckContext,
    template: &str,
    bound: &[(&Input, Bound_)],
    results: &[(&str, f64, Option<String>)],
) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &rest[open + 1..open + close];
        let replacement = if let Some(id) = name.strip_prefix("fact:") {
            context.rules.fact(id).map(fact_quantity)
        } else if let Some((_, bound)) = bound.iter().find(|(input, _)| input.name == name) {
            Some(format!(
                "`{}`",
                &context.text[bound.claim.span.start..bound.claim.span.end]
            ))
        } else {
            results
                .iter()
                .find(|(step, _, _)| *step == name)
                .map(|(_, value, unit)| shown_value(*value, unit.as_deref()))
        };
        out.push_str(&replacement.unwrap_or_else(|| format!("{{{name}}}")));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}
