//! A claim compared with a sourced reference fact from the rule files: agrees or disagrees.
//!
//! ## What it does
//! Finds the facts a claim is about (compatible kind and unit, the fact's subject named in the
//! sentence or paragraph or implied by the unit, and one of its context words in the sentence)
//! and compares the figures. A name in the sentence belongs to the figure nearest it that
//! could state the fact ("$0.14 at launch, versus $15 for o1" compares only the $15), and a
//! name a share is taken of ("a quarter of an H100's price") is the base of that share. Rounding counts: `2000` written as a round number stands for
//! 1,500–2,500 and so agrees with 2,048; "about" widens to at least ±10 %; "at least 500 bn"
//! agrees with any reference of 500 bn or more. Money is converted at the rule files' dated
//! rates when the currencies differ.
//!
//! FL100 notes agreement (with the source), FL101 flags disagreement (with the reference value,
//! the difference, the source and its date), FL102 says why a comparison could not be made. A
//! reference older than the configured age (two years by default) adds "may be outdated".
//!
//! ## Why is this bad?
//! A figure that contradicts the primary source misleads readers, and one that agrees is worth
//! knowing too: the note carries the source a fact-checker would otherwise look up.
//!
//! ## Example
//! ```text
//! DeepSeek says R1 was trained on just 2,000 H800 GPUs.
//! ```
//! agrees as a rounded figure with the 2,048 H800 GPUs of the DeepSeek-V3 technical report.
//!
//! ## Fix safety
//! Replacing a figure with the sourced value is a suggestion, never a safe fix: the writer may
//! mean a different quantity.

use crate::checks::support::{
    self, citations, claim_interval, fact_interval, fact_quantity, money_in, quantity, reference,
};
use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind};
use crate::diagnostics::{Applicability, Explanation, Finding, Fix, Severity, Verdict};
use crate::rules::Fact;
use crate::text::Span;

/// A claim's kind and unit: what decides the facts it may be compared with.
type ClaimKey<'a> = (ClaimKind, Option<&'a str>);

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    if context.rules.facts.is_empty() {
        return;
    }
    // The facts that fit each kind and unit met, and of them those a claim may be about when
    // no name stands near it: a document has few kinds and units, and a number-dense one
    // thousands of claims.
    let mut fitting: Vec<(ClaimKey, std::borrow::Cow<'_, [usize]>, Vec<usize>)> = Vec::new();
    for (at, claim) in context.claims.iter().enumerate() {
        if matches!(claim.kind, ClaimKind::Date | ClaimKind::Duration) {
            continue;
        }
        let block = context
            .claim_blocks
            .get(at)
            .copied()
            .unwrap_or(claim.sentence);
        // The facts whose kind and unit fit, indexed with the rules.
        let key = (claim.kind, claim.unit);
        let known = match fitting.iter().position(|(known, _, _)| *known == key) {
            Some(known) => known,
            None => {
                let all = context.rules.fitting_facts(claim.kind, claim.unit);
                // A fact about an entity no name stands for is not `relevance`'s, unless the
                // claim counts the fact's GPU model.
                let unnamed = all
                    .iter()
                    .copied()
                    .filter(|&index| {
                        let fact = &context.rules.facts[index];
                        fact.subject.is_none()
                            || context.rules.fact_counts_model(index)
                                && claim.unit == fact.unit.as_deref()
                    })
                    .collect();
                fitting.push((key, all, unnamed));
                fitting.len() - 1
            }
        };
        let (_, all, unnamed) = &fitting[known];
        // No fact fits, or every fact that fits is about an entity no name in the chunk stands
        // for (a wall of figures names none).
        if all.is_empty() || unnamed.is_empty() && context.mentions.entities().entities.is_empty() {
            continue;
        }
        // Whether the sentence or the paragraph before it names any entity: asked once per
        // claim, and only when a fact needs it (money fits every money fact).
        let candidates: &[usize] = if unnamed.len() == all.len()
            || context
                .mentions
                .entities()
                .entities_in(claim.sentence.cover(block))
                .next()
                .is_some()
        {
            all
        } else {
            unnamed
        };
        let mut best: Option<(u32, &Fact, Comparison)> = None;
        for &index in candidates {
            let fact = &context.rules.facts[index];
            let unit_is_model = context.rules.fact_counts_model(index);
            let Some(score) = relevance(context, at, block, fact, unit_is_model) else {
                continue;
            };
            let comparison = compare(context, claim, fact);
            let score = score * 2 + u32::from(comparison.verdict == Verdict::Agrees);
            if best
                .as_ref()
                .is_none_or(|(best_score, _, _)| score > *best_score)
            {
                best = Some((score, fact, comparison));
            }
        }
        if let Some((_, fact, comparison)) = best {
            findings.push(report(context, claim, fact, comparison));
        }
    }
}

/// How close (in bytes) a context word must stand to count double.
const NEAR: usize = 40;

/// How strongly a claim is about a fact that fits it (`RuleSet::fitting_facts`), or `None`
/// when it is not.
fn relevance(
    context: &CheckContext,
    at: usize,
    block: crate::text::Span,
    fact: &Fact,
    fact_unit_is_model: bool,
) -> Option<u32> {
    let claim = &context.claims[at];
    let claim_unit = claim.unit;
    let fact_unit = fact.unit.as_deref();
    // Prices per unit need their unit named near the claim; a plain amount is not a price.
    if fact.per.is_some() && claim.period.is_some() {
        return None;
    }
    let mut score = 0;
    let entity_here = |span: crate::text::Span| {
        fact.subject.as_deref().is_some_and(|subject| {
            context
                .mentions
                .entities()
                .entities_in(span)
                .any(|(_, entity)| context.rules.entities[*entity].id == subject)
        })
    };
    // An earlier sentence of the paragraph may name the subject, unless the claim's own
    // sentence names another one.
    let sentence_names_another = context
        .mentions
        .entities()
        .entities_in(claim.sentence)
        .next()
        .is_some();
    if named_for(context, at, fact) {
        score += 3;
    } else if (!sentence_names_another
        && entity_here(crate::text::Span::new(
            block.start,
            claim.sentence.start.max(block.start),
        )))
        || (fact_unit_is_model && claim_unit == fact_unit)
    {
        // Named earlier in the paragraph, or counted in the fact's GPU model.
        score += 1;
    } else if fact.subject.is_some() {
        return None;
    }
    if context
        .mentions
        .context()
        .context_in(claim.sentence)
        .any(|(_, word)| fact.unless.contains(word))
    {
        return None;
    }
    if !fact.context.is_empty() {
        // A context word next to the claim says more than one at the other end of the
        // sentence ("input price … $0.55, output price … $2.19").
        let mut words = 0;
        for (at, _) in context
            .mentions
            .context()
            .context_in(claim.sentence)
            .filter(|(_, word)| fact.context.contains(word))
        {
            let distance = if at.end <= claim.span.start {
                claim.span.start - at.end
            } else {
                at.start.saturating_sub(claim.span.end)
            };
            words += if distance <= NEAR { 2 } else { 1 };
        }
        if words == 0 {
            return None;
        }
        score += words;
    }
    Some(score)
}

/// Whether the claim at `at` is the figure its sentence names the fact's subject for. A
/// name belongs to the figure nearest it of those that could state the fact ("$0.14 on
/// launch, versus $15 for o1": o1's is the $15), and a name that a share or multiple is taken
/// of is the base of that comparison ("$12,000 apiece, about a quarter of an H100's price"
/// is no H100 price).
fn named_for(context: &CheckContext, at: usize, fact: &Fact) -> bool {
    let Some(subject) = fact.subject.as_deref() else {
        return false;
    };
    let claims = context.claims;
    let claim = &claims[at];
    // The other figures of the sentence (a sentence's claims stand together, in order).
    let same_sentence = |other: &&Claim| other.sentence == claim.sentence;
    let first = at - claims[..at].iter().rev().take_while(same_sentence).count();
    let end = at + 1 + claims[at + 1..].iter().take_while(same_sentence).count();
    let neighbours = || claims[first..at].iter().chain(&claims[at + 1..end]);
    let gap = |a: Span, b: Span| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    context
        .mentions
        .entities()
        .entities_in(claim.sentence)
        .filter(|(_, entity)| context.rules.entities[*entity].id == subject)
        .any(|&(mention, _)| {
            let base_of_comparison = neighbours().any(|other| {
                matches!(other.kind, ClaimKind::Fraction | ClaimKind::Multiplier)
                    && other.span.end <= mention.start
                    && mention.start - other.span.end <= BASE_GAP
            });
            let distance = gap(claim.span, mention);
            let nearer_rival = neighbours().any(|other| {
                other.kind == claim.kind
                    && other.unit == claim.unit
                    && is_rate(context.text, other) == is_rate(context.text, claim)
                    && gap(other.span, mention) < distance
            });
            !base_of_comparison && !nearer_rival
        })
}

/// A figure stated per something: "$2 per GPU hour", "$15,000 each", "58 Euro im Monat".
fn is_rate(text: &str, claim: &Claim) -> bool {
    claim
        .period
        .as_ref()
        .is_some_and(|period| period.kind == crate::claims::PeriodKind::Rate)
        || matches!(
            support::word_after(text, claim.span.end).0.as_str(),
            "per" | "pro" | "je" | "each" | "apiece"
        )
}

/// How far (in bytes) after a share or multiple a name may stand to be what it is taken of:
/// "a quarter of an H100's price", "ein Drittel der H100".
const BASE_GAP: usize = 8;

struct Comparison {
    verdict: Verdict,
    /// The claim's value in the fact's unit (money converted).
    value: f64,
    /// Why a comparison was not possible.
    why: Option<String>,
    rate: Option<crate::rules::RateUsed>,
    rounded: bool,
}

fn compare(context: &CheckContext, claim: &Claim, fact: &Fact) -> Comparison {
    let unverifiable = |why: String| Comparison {
        verdict: Verdict::Unverifiable,
        value: f64::NAN,
        why: Some(why),
        rate: None,
        rounded: false,
    };
    let (value, high, rate) = if claim.kind == ClaimKind::Money {
        let currency = fact.unit.as_deref().unwrap_or("USD");
        match money_in(claim, currency, context.rules, fact.as_of) {
            Some(converted) => converted,
            None => {
                return unverifiable(format!(
                    "no rate from {} to {currency} in the rule files",
                    claim.unit.unwrap_or("this currency")
                ));
            }
        }
    } else {
        match claim.value.number() {
            Some(value) => (value, claim.high, None),
            None => return unverifiable("the claim has no numeric value".to_owned()),
        }
    };
    let (claim_low, claim_high) = claim_interval(claim, context.text, value, high);
    let (fact_low, fact_high) = fact_interval(fact);
    let agrees = claim_low <= fact_high && fact_low <= claim_high;
    let exactly = (fact.value.low()..=fact.value.high()).contains(&value);
    Comparison {
        verdict: if agrees {
            Verdict::Agrees
        } else {
            Verdict::Disagrees
        },
        value,
        why: None,
        rate,
        rounded: agrees && !exactly && claim.bound == crate::claims::Bound::Exact,
    }
}

fn report(context: &CheckContext, claim: &Claim, fact: &Fact, comparison: Comparison) -> Finding {
    let written = &context.text[claim.span.start..claim.span.end];
    let sources = citations(fact, context.rules);
    let source_name = sources
        .first()
        .map(|source| match &source.published {
            Some(date) => format!("{}, {date}", source.title),
            None => source.title.clone(),
        })
        .unwrap_or_else(|| "derived from other facts".to_owned());
    let reference_text = fact_quantity(fact);
    let mut explanation = Explanation {
        inputs: vec![support::input(
            "claim",
            claim,
            context.text,
            comparison.value,
            fact.unit.as_deref(),
        )],
        reference: Some(reference(fact)),
        sources,
        ..Explanation::default()
    };
    if let Some(rate) = &comparison.rate {
        let original = claim.value.number().unwrap_or_default();
        explanation.formula = Some("claim × rate".to_owned());
        explanation.computation = Some(format!(
            "{} × {} = {}",
            quantity(original, claim.unit, claim.kind),
            rate.value,
            quantity(comparison.value, fact.unit.as_deref(), fact.kind)
        ));
    }
    if let Some((_, formula)) = &fact.formula {
        explanation.formula = Some(format!(
            "reference = {}",
            formula.render(&|expr| match expr {
                crate::rules::expr::Expr::Fact(id) => id.clone(),
                crate::rules::expr::Expr::Number(value) => support::figure(*value),
                crate::rules::expr::Expr::Variable(name) => name.clone(),
                _ => String::new(),
            })
        ));
    }
    let mut found = match comparison.verdict {
        Verdict::Agrees => {
            let how = if comparison.rounded {
                " as a rounded figure"
            } else {
                ""
            };
            let mut found = finding(
                "FL100",
                claim.span,
                format!(
                    "`{written}` agrees{how} with {reference_text}: {} ({source_name})",
                    fact.statement
                ),
            );
            found.severity = Severity::Info;
            found
        }
        Verdict::Disagrees => {
            let nearest = fact
                .value
                .low()
                .max(fact.value.high().min(comparison.value));
            let difference = comparison.value - nearest;
            let relative = if nearest != 0.0 {
                difference / nearest.abs() * 100.0
            } else {
                f64::NAN
            };
            let sign = |value: f64| if value > 0.0 { "+" } else { "" };
            let delta = match fact.kind {
                ClaimKind::Percent | ClaimKind::PercentagePoints => {
                    format!(
                        "{}{} points, {}{} %",
                        sign(difference),
                        support::figure(difference),
                        sign(relative),
                        support::figure(relative)
                    )
                }
                _ => format!(
                    "{}{}, {}{} %",
                    sign(difference),
                    quantity(difference, fact.unit.as_deref(), fact.kind),
                    sign(relative),
                    support::figure(relative)
                ),
            };
            let mut found = finding(
                "FL101",
                claim.span,
                format!(
                    "`{written}` disagrees with {reference_text} ({delta}): {} ({source_name})",
                    fact.statement
                ),
            );
            found.severity = fact.severity;
            if let FactValue::Single(value) = fact.value
                && claim.kind != ClaimKind::Money
            {
                let number = support::figure(value);
                found.fix = Some(Box::new(Fix {
                    title: format!("Use the sourced figure {number}"),
                    span: claim.written.map_or(claim.span, |written| written.span),
                    replacement: number,
                    applicability: Applicability::Suggestion,
                }));
            }
            found
        }
        Verdict::Unverifiable => {
            let why = comparison.why.clone().unwrap_or_default();
            explanation.why = Some(why.clone());
            let mut found = finding(
                "FL102",
                claim.span,
                format!(
                    "`{written}` may be about {}, but cannot be compared: {why}",
                    fact.statement
                ),
            );
            found.severity = Severity::Info;
            found
        }
    };
    found.note = Some(
        (match &explanation
            .sources
            .first()
            .and_then(|source| source.url.clone())
        {
            Some(url) => format!("Source: {source_name} <{url}>."),
            None => format!("Source: {source_name}."),
        })
        .into(),
    );
    if let (Some(as_of), Some(today), Some(max_age)) = (
        fact.as_of,
        context.options.today,
        context.options.fact_max_age_days,
    ) {
        let age = support::days_between(as_of, today);
        if age > i64::from(max_age) {
            let note = found.note.take().unwrap_or_default();
            found.note = Some(
                format!(
                    "{note} The reference is from {}, {age} days ago; it may be outdated.",
                    as_of.iso()
                )
                .into(),
            );
        }
    }
    found.verdict = Some(comparison.verdict);
    found.rule = Some(fact.id.clone());
    found.explanation = Some(Box::new(explanation));
    found
}

use crate::rules::FactValue;
