//! A relation in a sentence that its own figures contradict: "1/50 of", "N % of", "N times",
//! "up N % from", "compared with B, an N % jump", "X per Y", "from A % to B %, N points".
//!
//! ## What it does
//! Where a sentence states a relation and gives both sides, factlint recomputes it:
//! "A is 1/50 of B", "A is N % of B", "A, N times B" or "N-fold" (also "N times the 2019
//! level of B", "fivefold, from A to B"), "A, up (down) N % from B" or "A, an N % rise on B",
//! and "A for N things, or C per thing" (the thing counted or measured: "400 MWh for $60,000,
//! or $150/MWh", "3 trillion tokens cost $6 million, or $2 per million tokens"), and "from A %
//! to B %, N percentage points" (also "B %, after A % a year earlier, up N points"). Rounding of every figure is allowed for; when no
//! reading of the sentence makes the relation hold, the finding says what the figures give
//! instead (the figures say 1/20 where the text says 1/50).
//!
//! The sides are the two amounts nearest the relation that fit together, within a few words
//! of it, and the sentence must tie them to it: the figure right after "of" for a share, the
//! figure right after "times the" or "more than" (or "from A to B", "A, up from B" before
//! it) for a multiplier, a count of the thing named after "per" for a rate. Figures that merely stand
//! near a relation ("print 13 twice or 42 twice", "120 per account, 64 per slot",
//! "200 × 24,576") are not related by it.
//!
//! ## Why is this bad?
//! A relation is the figure readers remember ("a fiftieth of the cost"). When the figures next
//! to it say something else, one of them is wrong.
//!
//! ## Example
//! ```text
//! Training cost $5 million, about 1/50 of the $100 million a rival spent.
//! ```
//! The figures give 1/20.
//!
//! ## Fix safety
//! No fix: which figure is wrong is for the writer to find out.

use crate::checks::support::{self, claim_interval, figure};
use crate::checks::{CheckContext, finding};
use crate::claims::{Bound, Claim, ClaimKind};
use crate::diagnostics::{Explanation, Finding, Quantity};

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    let mut start = 0;
    while start < context.claims.len() {
        let sentence = context.claims[start].sentence;
        let mut end = start;
        while end < context.claims.len() && context.claims[end].sentence == sentence {
            end += 1;
        }
        // A relation is stated in a sentence with a handful of figures; a sentence with dozens
        // is a list or a table flattened into prose, and pairing its figures would take time
        // quadratic in their number for nothing.
        if end - start <= MAX_FIGURES_IN_A_RELATION {
            let claims: Vec<&Claim> = context.claims[start..end].iter().collect();
            check_sentence(context, &claims, findings);
        }
        start = end;
    }
}

/// Whether the words between a multiplier and the figure after it relate the two ("10 times
/// the 70 watts", "1.5x slower than 1,147"): some words, and not a mere "or" or "and" ("print
/// 13 twice or 42 twice"). A multiplication sign right before a figure is arithmetic
/// ("200 × 24,576").
fn joins_a_multiplier(between: &str) -> bool {
    let mut words = between
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .peekable();
    words.peek().is_some()
        && !words.all(|word| {
            matches!(
                word.to_lowercase().as_str(),
                "or" | "and" | "oder" | "und" | "bis" | "to"
            )
        })
}

/// How far (in bytes) from a relation the amounts it relates may stand.
const RELATION_REACH: usize = 80;

/// The most figures a sentence may hold for its relations to be checked.
const MAX_FIGURES_IN_A_RELATION: usize = 16;

/// An amount: money, a count or a quantity with an exact or approximate value.
fn is_amount(claim: &Claim) -> bool {
    matches!(
        claim.kind,
        ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity
    ) && matches!(claim.bound, Bound::Exact | Bound::Approx)
        && claim.value.number().is_some()
}

fn compatible(a: &Claim, b: &Claim) -> bool {
    a.kind == b.kind && (a.unit == b.unit || a.kind == ClaimKind::Money)
}

/// A claim's value interval, money in the reporting currency.
fn interval(context: &CheckContext, claim: &Claim) -> Option<(f64, f64)> {
    support::value_interval(context, claim)
}

/// The relation a claim states, as a factor range: A = factor × B.
fn relation_factor(context: &CheckContext, claim: &Claim) -> Option<(f64, f64, &'static str)> {
    if claim.high.is_some() || !matches!(claim.bound, Bound::Exact | Bound::Approx) {
        return None;
    }
    let (low, high) = claim_interval(claim, context.text, claim.value.number()?, None);
    // A percentage states a relation when "of" and its kin follow: asked only of one.
    let of = || {
        let after = context.text[claim.span.end..]
            .chars()
            .take(24)
            .collect::<String>()
            .to_lowercase();
        let after = after.trim_start();
        ["of", "der", "des", "dessen", "von", "the"]
            .iter()
            .any(|word| after.starts_with(word))
    };
    match claim.kind {
        ClaimKind::Fraction => Some((low, high, "fraction")),
        ClaimKind::Percent if of() => Some((low / 100.0, high / 100.0, "percent")),
        // "1x" labels a unit of something, not a relation.
        ClaimKind::Multiplier if claim.value.number()? > 1.0 => Some((low, high, "multiplier")),
        _ => None,
    }
}

fn check_sentence(context: &CheckContext, claims: &[&Claim], findings: &mut Vec<Finding>) {
    for relation in claims {
        let Some((factor_low, factor_high, form)) = relation_factor(context, relation) else {
            continue;
        };
        // The two amounts nearest the relation that fit together, each close to it: the
        // nearest amount, then the nearest one that fits it. A figure further off in a long
        // sentence is about something else.
        let distance = |claim: &Claim| {
            if claim.span.start >= relation.span.end {
                claim.span.start - relation.span.end
            } else {
                relation.span.start.saturating_sub(claim.span.end)
            }
        };
        let mut amounts: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|claim| is_amount(claim) && distance(claim) <= RELATION_REACH)
            .collect();
        amounts.sort_by_key(|claim| distance(claim));
        let Some((&a, rest)) = amounts.split_first() else {
            continue;
        };
        let Some(&b) = rest.iter().find(|b| compatible(a, b)) else {
            continue;
        };
        // In the order of the text.
        let (a, b) = if a.span.start <= b.span.start {
            (a, b)
        } else {
            (b, a)
        };
        // "N % of B", "1/50 of the B", "10 times the B", "1.5x slower than B": the other
        // side is the figure right after the relation. A share of something the sentence
        // gives no figure for ("79 % of cold items") relates nothing; nor does "twice" or
        // "2x" beside figures of something else ("print 13 twice or 42 twice").
        // (A year between them is no figure of its own: "three times the 2019 level of €39".)
        // A comparison reaches a little further: "fünfmal so viel wie beim Vorgänger mit
        // 32.000 Token".
        let reach = |between: &str| match form {
            "multiplier"
                if [" wie ", " as ", " than ", " als "]
                    .iter()
                    .any(|word| between.contains(word)) =>
            {
                40
            }
            "multiplier" => 24,
            _ => 16,
        };
        let other_side_follows = [a, b].iter().any(|claim| {
            claim.span.start >= relation.span.end
                && context
                    .text
                    .get(relation.span.end..claim.span.start)
                    .is_some_and(|between| {
                        between.len() <= reach(between)
                            && !between.contains(['.', ';', ':', '(', ')'])
                            && (!between.contains(|c: char| c.is_ascii_digit())
                                || only_dates_between(
                                    context.text,
                                    claims,
                                    relation.span.end,
                                    claim.span.start,
                                ))
                            && (form != "multiplier" || joins_a_multiplier(between))
                    })
        });
        // "fast verfünffacht: von 3,9 auf 37,4 Milliarden", "a fivefold rise, from 2 to 11
        // GW": the change right before its two ends.
        let pair_follows = form == "multiplier"
            && a.span.start >= relation.span.end
            && context
                .text
                .get(relation.span.end..a.span.start)
                .is_some_and(|between| {
                    let words: Vec<String> = between
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|word| !word.is_empty())
                        .map(str::to_lowercase)
                        .collect();
                    between.len() <= 16
                        && matches!(words.as_slice(), [last] | [_, last] if last == "from" || last == "von")
                })
            && context
                .text
                .get(a.span.end..b.span.start)
                .is_some_and(|between| {
                    let between = between.to_lowercase();
                    between.len() <= 12 && [" to ", " auf ", " bis "].iter().any(|joint| between.contains(joint))
                });
        // "from 6 structs to 53, a 9x increase", "11 GW, up from 4.5 GW, about 2.5 times as
        // much": both sides before it, joined by "to" or a comparison.
        let from_to = form == "multiplier"
            && b.span.end <= relation.span.start
            && context
                .text
                .get(a.span.end..b.span.start)
                .is_some_and(|between| {
                    let between = between.to_lowercase();
                    [" to ", " auf ", " bis ", "→", "->"]
                        .iter()
                        .chain(&COMPARED_WITH)
                        .any(|joint| between.contains(joint))
                });
        if !other_side_follows && !from_to && !pair_follows {
            continue;
        }
        let (Some((a_low, a_high)), Some((b_low, b_high))) =
            (interval(context, a), interval(context, b))
        else {
            continue;
        };
        if b_high <= 0.0 || a_high <= 0.0 {
            continue;
        }
        // Either amount may be the part; a multiplier may read either way.
        let holds = |part: (f64, f64), whole: (f64, f64)| {
            let ratio_low = part.0 / whole.1;
            let ratio_high = part.1 / whole.0;
            ratio_low <= factor_high * 1.05 && factor_low * 0.95 <= ratio_high
        };
        let a_over_b = holds((a_low, a_high), (b_low, b_high));
        let b_over_a = holds((b_low, b_high), (a_low, a_high));
        if a_over_b || b_over_a {
            continue;
        }
        let (a_value, b_value) = ((a_low + a_high) / 2.0, (b_low + b_high) / 2.0);
        let (small, large) = if a_value <= b_value {
            (a_value, b_value)
        } else {
            (b_value, a_value)
        };
        let stated = relation.value.number().unwrap_or_default();
        let (says, actual) = match form {
            "multiplier" => (
                format!("{}×", figure(stated)),
                format!("{}×", figure(large / small)),
            ),
            "percent" => (
                format!("{} %", figure(stated)),
                format!("{} %", figure(small / large * 100.0)),
            ),
            _ => (fraction_text(stated), fraction_text(small / large)),
        };
        let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
        let mut found = finding(
            "FL120",
            relation.span,
            format!(
                "the figures say {actual} where the text says {says}: `{}` and `{}`",
                written(a),
                written(b)
            ),
        );
        found
            .related
            .push(support::related(context.text, a, "one side"));
        found
            .related
            .push(support::related(context.text, b, "the other side"));
        found.explanation = Some(Box::new(Explanation {
            inputs: vec![
                support::input("relation", relation, context.text, stated, None),
                support::input("a", a, context.text, a_value, a.unit),
                support::input("b", b, context.text, b_value, b.unit),
            ],
            formula: Some(if form == "multiplier" {
                "larger ÷ smaller".to_owned()
            } else {
                "smaller ÷ larger".to_owned()
            }),
            computation: Some(format!(
                "{} ÷ {} = {}",
                figure(if form == "multiplier" { large } else { small }),
                figure(if form == "multiplier" { small } else { large }),
                actual
            )),
            result: Some(Quantity {
                value: if form == "multiplier" {
                    large / small
                } else {
                    small / large
                },
                unit: None,
            }),
            why: Some("all figures come from this sentence; no source is involved".to_owned()),
            ..Explanation::default()
        }));
        findings.push(found);
    }
    change_from(context, claims, findings);
    change_after_pair(context, claims, findings);
    per_unit(context, claims, findings);
    points_change(context, claims, findings);
}

/// "von 1,1 Prozent auf 3,2 Prozent, ein Plus von 2,5 Prozentpunkten": the change in points
/// is the difference of the two percentages (`percent_points::change_order` says which is
/// the earlier), within their rounding.
fn points_change(context: &CheckContext, claims: &[&Claim], findings: &mut Vec<Finding>) {
    use crate::checks::percent_points::{Order, change_order};
    for (at, pair) in claims.windows(2).enumerate() {
        let (from, to) = (pair[0], pair[1]);
        if from.kind != ClaimKind::Percent || to.kind != ClaimKind::Percent {
            continue;
        }
        let Some(order) = change_order(context.text, from, to) else {
            continue;
        };
        // The change is the next figure, in points.
        let Some(&stated) = claims.get(at + 2) else {
            continue;
        };
        if stated.kind != ClaimKind::PercentagePoints
            || stated.high.is_some()
            || !matches!(stated.bound, Bound::Exact | Bound::Approx)
        {
            continue;
        }
        let (earlier, later) = match order {
            Order::Forward => (from, to),
            Order::Backward => (to, from),
        };
        let interval = |claim: &Claim| {
            let value = claim.value.number()?;
            if claim.high.is_some() || !matches!(claim.bound, Bound::Exact | Bound::Approx) {
                return None;
            }
            Some((value, claim_interval(claim, context.text, value, None)))
        };
        let (Some((a, (a_low, a_high))), Some((b, (b_low, b_high))), Some((_, (s_low, s_high)))) =
            (interval(earlier), interval(later), interval(stated))
        else {
            continue;
        };
        // The difference's interval, as a size: "a fall of 2 points" is 2.
        let (low, high) = if b >= a {
            ((b_low - a_high).max(0.0), b_high - a_low)
        } else {
            ((a_low - b_high).max(0.0), a_high - b_low)
        };
        let (s_low, s_high) = (s_low.abs().min(s_high.abs()), s_low.abs().max(s_high.abs()));
        if s_low <= high + 1e-9 && low <= s_high + 1e-9 {
            continue;
        }
        let points = (b - a).abs();
        let written = |claim: &Claim| &context.text[claim.span.start..claim.span.end];
        let mut found = finding(
            "FL120",
            stated.span,
            format!(
                "from `{}` to `{}` is {} percentage points, not `{}`",
                written(earlier),
                written(later),
                figure(points),
                written(stated)
            ),
        );
        found.related.push(support::related(
            context.text,
            earlier,
            "the earlier figure",
        ));
        found
            .related
            .push(support::related(context.text, later, "the later figure"));
        found.explanation = support::own_arithmetic(
            "later − earlier",
            format!("{} − {} = {} points", figure(b), figure(a), figure(b - a)),
            points,
            Some("percentage points"),
        );
        findings.push(found);
    }
}

/// Whether every digit between two offsets of a sentence belongs to a date among its claims.
fn only_dates_between(text: &str, claims: &[&Claim], from: usize, to: usize) -> bool {
    let in_a_date = |at: usize| {
        claims.iter().any(|claim| {
            claim.kind == ClaimKind::Date && claim.span.start <= at && at < claim.span.end
        })
    };
    text.get(from..to).is_some_and(|between| {
        between
            .char_indices()
            .all(|(at, c)| !c.is_ascii_digit() || in_a_date(from + at))
    })
}

/// "1/20" for 0.05, "2/3" for 0.667: the simplest fraction within 1 %.
fn fraction_text(value: f64) -> String {
    if value <= 0.0 {
        return figure(value);
    }
    for denominator in 1..=1000u32 {
        let numerator = (value * f64::from(denominator)).round();
        if numerator >= 1.0 && ((numerator / f64::from(denominator)) - value).abs() <= 0.01 * value
        {
            return format!("{}/{denominator}", numerator as u32);
        }
    }
    figure(value)
}

/// "A, up 10 % from B" / "A, ein Plus von 10 % gegenüber B".
fn change_from(context: &CheckContext, claims: &[&Claim], findings: &mut Vec<Finding>) {
    for change in claims.iter().filter(|claim| {
        claim.kind == ClaimKind::Percent && matches!(claim.bound, Bound::Exact | Bound::Approx)
    }) {
        let before = support::window(
            context.text,
            change
                .span
                .start
                .saturating_sub(40)
                .max(change.sentence.start),
            change.span.start,
        )
        .to_lowercase();
        let tail = before
            .chars()
            .rev()
            .take(30)
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>();
        let up = [
            "up ",
            "rose ",
            "increase of ",
            "grew ",
            "gained ",
            "plus ",
            "gestiegen um ",
            "stieg um ",
            "ein plus von ",
            "zuwachs von ",
        ]
        .iter()
        .any(|word| tail.contains(word));
        let down = [
            "down ",
            "fell ",
            "decrease of ",
            "dropped ",
            "lost ",
            "minus ",
            "gesunken um ",
            "sank um ",
            "ein minus von ",
            "rückgang von ",
        ]
        .iter()
        .any(|word| tail.contains(word));
        let after = support::window(
            context.text,
            change.span.end,
            (change.span.end + 40).min(change.sentence.end),
        )
        .to_lowercase();
        // "a 4 % rise on the 63 GW": the change named after the figure.
        let (named, after) = match change_noun(&after) {
            Some((up, rest)) => (Some(up), rest),
            None => (None, after.as_str()),
        };
        let up = match named {
            Some(named) if up == down => named,
            _ if up == down => continue,
            _ => up,
        };
        let from = ["from", "on", "over", "gegenüber", "von", "vs"]
            .iter()
            .any(|word| after.trim_start().starts_with(word));
        if !from {
            continue;
        }
        let amounts: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|claim| is_amount(claim))
            .collect();
        let Some(new) = amounts
            .iter()
            .rev()
            .find(|claim| claim.span.end <= change.span.start)
            .copied()
        else {
            continue;
        };
        let Some(old) = amounts
            .iter()
            .find(|claim| claim.span.start >= change.span.end && compatible(claim, new))
            .copied()
        else {
            continue;
        };
        // The figure changed from follows "from" in the same clause: not "up 94% from a
        // year ago, and a net profit of $19.3 billion".
        let between = support::window(context.text, change.span.end, old.span.start);
        if between.len() > 40 || between.contains([',', ';']) {
            continue;
        }
        if let Some(found) = changed_by(context, change, old, new, up) {
            findings.push(found);
        }
    }
}

/// "A, compared with B in 2024, a 43 % jump", "A, gegenüber B im Vorjahr, 43 % Zuwachs": two
/// amounts joined by a comparison, the later first, and a change named right after them.
fn change_after_pair(context: &CheckContext, claims: &[&Claim], findings: &mut Vec<Finding>) {
    for change in claims.iter().filter(|claim| {
        claim.kind == ClaimKind::Percent && matches!(claim.bound, Bound::Exact | Bound::Approx)
    }) {
        let after = support::window(
            context.text,
            change.span.end,
            (change.span.end + 20).min(change.sentence.end),
        )
        .to_lowercase();
        let Some((up, _)) = change_noun(&after) else {
            continue;
        };
        let amounts: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|claim| is_amount(claim) && claim.span.end <= change.span.start)
            .collect();
        // The pair nearest the change whose figures a comparison joins.
        let pair = amounts.windows(2).rev().find(|pair| {
            let between =
                support::window(context.text, pair[0].span.end, pair[1].span.start).to_lowercase();
            compatible(pair[0], pair[1])
                && between.len() <= 40
                && COMPARED_WITH.iter().any(|word| between.contains(word))
        });
        let Some([new, old]) = pair else {
            continue;
        };
        if let Some(found) = changed_by(context, change, old, new, up) {
            findings.push(found);
        }
    }
}

/// The noun that names a change at the start of `after` (lowercased text after a percentage:
/// "jump", "Rückgang"), whether it goes up, and the text after it.
fn change_noun(after: &str) -> Option<(bool, &str)> {
    let after = after.trim_start();
    let length = after
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(at, _)| at);
    let up = crate::lexicon::change_noun(&after[..length])?;
    Some((up, &after[length..]))
}

/// What joins a figure to the earlier one it is compared with, lowercased.
const COMPARED_WITH: [&str; 9] = [
    "compared with",
    "compared to",
    "versus",
    " vs",
    "against",
    "up from",
    "down from",
    "gegenüber",
    "im vergleich zu",
];

/// FL120 when `new` is not `old` changed by `change` (up or down), within every figure's
/// rounding.
fn changed_by(
    context: &CheckContext,
    change: &Claim,
    old: &Claim,
    new: &Claim,
    up: bool,
) -> Option<Finding> {
    let (Some((new_low, new_high)), Some((old_low, old_high))) =
        (interval(context, new), interval(context, old))
    else {
        return None;
    };
    let (p_low, p_high) = claim_interval(
        change,
        context.text,
        change.value.number().unwrap_or_default(),
        None,
    );
    let sign = if up { 1.0 } else { -1.0 };
    let expected_low = old_low * (1.0 + sign * if up { p_low } else { p_high } / 100.0);
    let expected_high = old_high * (1.0 + sign * if up { p_high } else { p_low } / 100.0);
    if new_low <= expected_high * 1.01 && expected_low * 0.99 <= new_high {
        return None;
    }
    let (new_value, old_value) = ((new_low + new_high) / 2.0, (old_low + old_high) / 2.0);
    let actual = (new_value - old_value) / old_value * 100.0;
    let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
    let mut found = finding(
        "FL120",
        change.span,
        format!(
            "from `{}` to `{}` is {}{} %, not {} {}",
            written(old),
            written(new),
            if actual > 0.0 { "+" } else { "" },
            figure(actual),
            if up { "up" } else { "down" },
            written(change)
        ),
    );
    found
        .related
        .push(support::related(context.text, old, "the earlier figure"));
    found
        .related
        .push(support::related(context.text, new, "the later figure"));
    found.explanation = support::own_arithmetic(
        "(new − old) ÷ old × 100",
        format!(
            "({} − {}) ÷ {} × 100 = {} %",
            figure(new_value),
            figure(old_value),
            figure(old_value),
            figure(actual)
        ),
        actual,
        Some("percent"),
    );
    Some(found)
}

/// What says that an amount is a rate of no thing named, lowercased: "$66 million each",
/// "20 Euro das Stück" (a thing named is the claim's `per`: "$2,500 per GPU").
const RATE_WORDS: [&str; 3] = ["each", "a piece", "das stück"];

/// The words that may join a rate to the total and count it divides ("or", "that is", "also",
/// "at"), lowercased; any other word between them says the rate is of something else.
const RATE_JOINTS: [&str; 27] = [
    "or", "oder", "also", "that", "is", "i", "e", "d", "h", "so", "which", "means", "meaning",
    "at", "bei", "zu", "for", "für", "works", "out", "to", "and", "und", "thus", "damit", "macht",
    "makes",
];

/// "$5 million for 2,000 GPUs, or $2,500 per GPU"; "400 MWh for $60,000, or $150/MWh".
fn per_unit(context: &CheckContext, claims: &[&Claim], findings: &mut Vec<Finding>) {
    for rate in claims.iter().filter(|claim| is_amount(claim)) {
        let per = rate.per.as_deref();
        if per.is_none() {
            let window = support::window(
                context.text,
                rate.span.end,
                (rate.span.end + 24).min(rate.sentence.end),
            );
            // Most amounts are no rate: the first letter after one, in ASCII lowercase (no
            // other character lowercases to an ASCII letter a rate word starts with), rules
            // them out before anything is lowercased.
            if !window.trim_start().chars().next().is_some_and(|first| {
                RATE_WORDS
                    .iter()
                    .any(|word| word.starts_with(first.to_ascii_lowercase()))
            }) {
                continue;
            }
            let after = window.to_lowercase();
            if !RATE_WORDS
                .iter()
                .any(|word| after.trim_start().starts_with(word))
            {
                continue;
            }
        }
        let Some(total) = claims.iter().find(|claim| {
            claim.span != rate.span
                && is_amount(claim)
                && compatible(claim, rate)
                && claim.per.is_none()
                && claim.span.end <= rate.span.start
        }) else {
            continue;
        };
        // "per GPU", "pro Kopf", "/MWh": the thing the rate is per names the count ("2,000
        // GPUs", "400 MWh") by its unit or its first letters. ("each", "a piece" name
        // nothing: "from 10 investors, or $66 million each".)
        let names = |claim: &Claim| {
            let Some(per) = per else { return true };
            if per.unit.is_some() && claim.unit == per.unit {
                return true;
            }
            let stem: String = per
                .noun
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .chars()
                .take(4)
                .collect::<String>()
                .to_lowercase();
            let named = |name: &str| {
                let name = name.to_lowercase();
                name.starts_with(&stem) || name.contains(&format!(" {stem}"))
            };
            claim.kind == ClaimKind::Count
                && (claim.unit.is_some_and(named)
                    || claim
                        .subject
                        .as_ref()
                        .is_some_and(|subject| named(&subject.text)))
        };
        let Some(count) = claims.iter().find(|claim| {
            matches!(claim.kind, ClaimKind::Count | ClaimKind::Quantity)
                && claim.per.is_none()
                && claim.span != total.span
                && claim.span != rate.span
                && is_amount(claim)
                && names(claim)
        }) else {
            continue;
        };
        // The rate is said of the same total: "…, or $2,500 per GPU", "— $2,500 per GPU",
        // not "…, im Bundesschnitt sind es 5.000 Euro pro Quadratmeter".
        // (What the count counts, written after it, is passed over: "10 investors, or".)
        let counted_end = count
            .subject
            .as_ref()
            .filter(|subject| subject.start >= count.span.end)
            .map_or(count.span.end, |subject| subject.end);
        let joined = context
            .text
            .get(total.span.end.max(counted_end)..rate.span.start)
            .is_some_and(|between| {
                between
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|word| !word.is_empty())
                    .all(|word| RATE_JOINTS.contains(&word.to_lowercase().as_str()))
            });
        if !joined {
            continue;
        }
        // Money in the currency of the total and the rate when they share one, in the
        // reporting currency otherwise.
        let currency = match (total.unit, rate.unit) {
            (Some(total_unit), Some(rate_unit))
                if total.kind == ClaimKind::Money && total_unit == rate_unit =>
            {
                total_unit
            }
            _ => context.options.reporting_currency(),
        };
        let in_currency = |claim: &Claim| -> Option<(f64, f64, f64)> {
            let (value, high) = support::amount_in(context, claim, currency)?;
            let (low, high) = claim_interval(claim, context.text, value, high);
            Some((low, high, value))
        };
        let (Some((t_low, t_high, t)), Some((c_low, c_high, c)), Some((r_low, r_high, _))) =
            (in_currency(total), in_currency(count), in_currency(rate))
        else {
            continue;
        };
        // A count in the things the rate is per: 400 MWh is 400 of "per MWh" (400,000,000
        // watt hours), 3 trillion tokens 3 million of "per million tokens".
        let size = per.map_or(1.0, |per| per.size);
        let (c_low, c_high, c) = (c_low / size, c_high / size, c / size);
        if c_low <= 0.0 || c == 0.0 {
            continue;
        }
        let (expected_low, expected_high) = (t_low / c_high, t_high / c_low);
        if r_low <= expected_high * 1.01 && expected_low * 0.99 <= r_high {
            continue;
        }
        let unit = if rate.kind == ClaimKind::Money {
            format!(" {currency}")
        } else {
            String::new()
        };
        let per_text = per.map_or(String::new(), |per| {
            if per.text.starts_with('/') {
                per.text.clone()
            } else {
                format!(" {}", per.text)
            }
        });
        let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
        let mut found = finding(
            "FL120",
            rate.span,
            format!(
                "`{}` ÷ `{}` = {}{unit}{per_text}, not `{}`",
                written(total),
                written(count),
                figure(t / c),
                written(rate)
            ),
        );
        found
            .related
            .push(support::related(context.text, total, "the total"));
        found
            .related
            .push(support::related(context.text, count, "the count"));
        found.explanation = support::own_arithmetic(
            "total ÷ count",
            format!(
                "{}{unit} ÷ {} = {}{unit}",
                figure(t),
                figure(c),
                figure(t / c)
            ),
            t / c,
            if rate.kind == ClaimKind::Money {
                Some(currency)
            } else {
                rate.unit
            },
        );
        findings.push(found);
    }
}
