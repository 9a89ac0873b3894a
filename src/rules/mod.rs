//! Rule files: sourced reference facts, entities with their names in both languages, dated
//! currency rates, and derived checks with formulas.
//!
//! Rule files are TOML, written for people who are not programmers (see `rules/README.md`).
//! The packs in `rules/` are compiled into the binary; users add files of their own, which
//! extend the bundled packs and override entries with the same id. A broken file never stops a
//! run: every problem is reported with file, line and column, the broken entry is skipped, and
//! the rest is used.

pub mod expr;
mod load;
mod matcher;
mod schema;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::claims::{ClaimKind, Date};
use crate::diagnostics::Severity;

pub use load::{RuleProblem, RuleSetBuilder};
pub(crate) use load::{edit_distance, unknown_field};
pub use matcher::DocumentMentions;
pub(crate) use matcher::{Mentions, Wanted};
pub use schema::rule_file_schema;

/// Where an entry came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The file name (`rules/ai-compute.toml` for bundled packs).
    pub file: String,
    /// 1-based line of the entry's header.
    pub line: u32,
}

/// A rule pack: one file.
#[derive(Clone, Debug, Serialize)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub description: String,
    pub file: String,
    pub bundled: bool,
}

/// Where a figure comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    #[serde(serialize_with = "serialize_date")]
    pub published: Option<Date>,
    #[serde(serialize_with = "serialize_date")]
    pub accessed: Option<Date>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Something facts are about, with the names it goes by in English and German.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub origin: Origin,
}

/// A fact's value: one figure or a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FactValue {
    Single(f64),
    Range { min: f64, max: f64 },
}

impl FactValue {
    pub fn low(self) -> f64 {
        match self {
            FactValue::Single(value) => value,
            FactValue::Range { min, .. } => min,
        }
    }

    pub fn high(self) -> f64 {
        match self {
            FactValue::Single(value) => value,
            FactValue::Range { max, .. } => max,
        }
    }

    pub fn single(self) -> Option<f64> {
        match self {
            FactValue::Single(value) => Some(value),
            FactValue::Range { .. } => None,
        }
    }
}

/// How far a claim may be from a fact and still agree, before rounding is considered.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tolerance {
    pub relative: f64,
    pub absolute: f64,
}

/// A sourced reference figure.
#[derive(Clone, Debug)]
pub struct Fact {
    pub id: String,
    pub statement: String,
    /// Entity ids.
    pub subject: Option<String>,
    pub attribute: String,
    pub kind: ClaimKind,
    pub value: FactValue,
    /// ISO 4217 for money, a unit name otherwise.
    pub unit: Option<String>,
    /// For prices: what one unit of the value buys (`gpu_hour`, `million_tokens`).
    pub per: Option<String>,
    pub tolerance: Tolerance,
    pub as_of: Option<Date>,
    /// Words that must be near a claim for it to be about this fact, lowercased.
    pub context: Vec<String>,
    /// Words that, near a claim, mean it is about something else (a pre-market figure is not
    /// the closing one), lowercased.
    pub unless: Vec<String>,
    pub sources: Vec<String>,
    pub quote: Option<String>,
    pub severity: Severity,
    /// A fact computed from other facts (`fact("a") / fact("b") * 100`).
    pub formula: Option<(String, expr::Expr)>,
    pub origin: Origin,
}

/// A dated exchange rate: 1 `from` = `value` `to`.
#[derive(Clone, Debug)]
pub struct Rate {
    pub from: String,
    pub to: String,
    pub value: f64,
    pub date: Date,
    pub source: Option<String>,
    pub origin: Origin,
}

/// How far apart a derived check's inputs may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Sentence,
    Paragraph,
}

/// A claim a derived check binds to a variable.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub kind: ClaimKind,
    /// Units the claim may have; `accelerator` stands for any accelerator model, `any` for
    /// any unit, an empty list for none required.
    pub units: Vec<String>,
    /// For durations: the unit the value is converted to (`hour`, `year`).
    pub convert_to: Option<String>,
    /// Words (lowercase) that, next to a claim, say it is something else: "revenue" before
    /// an amount is no money spent (`$5.2 billion` in "revenue rose to $5.2 billion").
    pub unless: Vec<String>,
}

/// A named intermediate result of a derived check.
#[derive(Clone, Debug)]
pub struct Step {
    pub name: String,
    pub formula_text: String,
    pub formula: expr::Expr,
    pub unit: Option<String>,
    /// The unit of time the result is stated per (`year` for an amount a year): an amount the
    /// text states per that unit is compared with it.
    pub per: Option<&'static str>,
}

/// A derived check: bind claims to names, compute, compare.
#[derive(Clone, Debug)]
pub struct DerivedCheck {
    pub id: String,
    pub title: String,
    pub scope: Scope,
    pub inputs: Vec<Input>,
    pub steps: Vec<Step>,
    /// Compare the first step's result with this fact.
    pub compare_fact: Option<String>,
    /// Or with this range.
    pub expected: Option<(f64, f64)>,
    /// A note with `{name}` placeholders for inputs, steps and `{fact:ID}`.
    pub note: Option<String>,
    pub severity: Severity,
    pub origin: Origin,
}

/// Everything the rule files say, resolved and indexed.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub packs: Vec<Pack>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub rates: Vec<Rate>,
    pub checks: Vec<DerivedCheck>,
    source_index: HashMap<String, usize>,
    entity_index: HashMap<String, usize>,
    fact_index: HashMap<String, usize>,
    pub(crate) mentions: Mentions,
    /// For each fact: whether its unit is an accelerator model (it counts GPUs of one model).
    pub(crate) fact_counts_model: Vec<bool>,
    /// The facts a claim may be compared with, by the claim's kind and unit
    /// (`fitting_facts`), built with the rule set.
    fitting: FittingFacts,
}

/// The facts each kind and unit of claim fits (`claim_fits_fact`), in rule order.
#[derive(Debug, Default)]
struct FittingFacts {
    /// How many facts the index was built over: a rule set changed since is looked through
    /// fact by fact.
    facts: usize,
    /// Facts of money with a currency: every amount of money with one fits them.
    money: Vec<usize>,
    /// For other kinds: the claim's kind and unit, and the facts that fit.
    by_kind_and_unit: Vec<(ClaimKind, Option<String>, Vec<usize>)>,
}

/// Whether a claim of `kind` in `unit` may be compared with `fact` (whose unit counts GPUs of
/// one model when `fact_counts_model`): kinds agree (a count and a quantity agree), and so do
/// units, or both are money with a currency, or the claim counts GPUs and the fact one model.
pub(crate) fn claim_fits_fact(
    kind: ClaimKind,
    unit: Option<&str>,
    fact: &Fact,
    fact_counts_model: bool,
) -> bool {
    let kind_fits = kind == fact.kind
        || matches!(
            (kind, fact.kind),
            (ClaimKind::Quantity, ClaimKind::Count) | (ClaimKind::Count, ClaimKind::Quantity)
        );
    let fact_unit = fact.unit.as_deref();
    kind_fits
        && match kind {
            ClaimKind::Money => unit.is_some() && fact_unit.is_some(),
            _ => unit == fact_unit || (fact_counts_model && unit == Some("gpu")),
        }
}

impl FittingFacts {
    fn build(rules: &RuleSet) -> FittingFacts {
        let mut fitting = FittingFacts {
            facts: rules.facts.len(),
            ..FittingFacts::default()
        };
        for (index, fact) in rules.facts.iter().enumerate() {
            let counts_model = rules.fact_counts_model(index);
            let kinds: &[ClaimKind] = match fact.kind {
                ClaimKind::Count | ClaimKind::Quantity => &[ClaimKind::Count, ClaimKind::Quantity],
                _ => std::slice::from_ref(&fact.kind),
            };
            for &kind in kinds {
                if kind == ClaimKind::Money {
                    if fact.unit.is_some() {
                        fitting.money.push(index);
                    }
                    continue;
                }
                let mut units = vec![fact.unit.clone()];
                if counts_model && fact.unit.as_deref() != Some("gpu") {
                    units.push(Some("gpu".to_owned()));
                }
                for unit in units {
                    match fitting
                        .by_kind_and_unit
                        .iter_mut()
                        .find(|(known, known_unit, _)| *known == kind && *known_unit == unit)
                    {
                        Some((_, _, facts)) => facts.push(index),
                        None => fitting.by_kind_and_unit.push((kind, unit, vec![index])),
                    }
                }
            }
        }
        fitting
    }
}

/// The bundled rule packs: every `rules/*.toml` file, compiled in.
pub static BUNDLED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));

static BUNDLED: LazyLock<RuleSet> = LazyLock::new(|| {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    let (rules, _problems) = builder.build();
    rules
});

impl RuleSet {
    /// The indices of the facts a claim of `kind` in `unit` may be compared with
    /// (`claim_fits_fact`), in rule order: looked up in the index built with the rule set, or
    /// found fact by fact when the facts changed since.
    pub(crate) fn fitting_facts(
        &self,
        kind: ClaimKind,
        unit: Option<&str>,
    ) -> std::borrow::Cow<'_, [usize]> {
        let index = &self.fitting;
        if index.facts != self.facts.len() {
            return (0..self.facts.len())
                .filter(|&at| {
                    claim_fits_fact(kind, unit, &self.facts[at], self.fact_counts_model(at))
                })
                .collect::<Vec<_>>()
                .into();
        }
        let facts: &[usize] = match kind {
            ClaimKind::Money if unit.is_some() => &index.money,
            ClaimKind::Money => &[],
            _ => index
                .by_kind_and_unit
                .iter()
                .find(|(known, known_unit, _)| *known == kind && known_unit.as_deref() == unit)
                .map_or(&[], |(_, _, facts)| facts.as_slice()),
        };
        facts.into()
    }

    /// Whether fact `index` counts GPUs of one model (its unit is an accelerator model).
    pub(crate) fn fact_counts_model(&self, index: usize) -> bool {
        match self.fact_counts_model.get(index) {
            Some(counts) => *counts,
            None => self.facts.get(index).is_some_and(|fact| {
                fact.unit
                    .as_deref()
                    .is_some_and(|unit| crate::units::UNITS.accelerator(unit).is_some())
            }),
        }
    }

    /// The bundled packs (their problems are checked by a test, so none are expected).
    pub fn bundled() -> &'static RuleSet {
        &BUNDLED
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&at| &self.sources[at])
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index.get(id).map(|&at| &self.entities[at])
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.fact_index.get(id).map(|&at| &self.facts[at])
    }

    /// The value of a fact as a single number (derived facts are computed; ranges have none).
    pub fn fact_value(&self, id: &str) -> Option<f64> {
        let fact = self.fact(id)?;
        fact.value.single()
    }

    /// Whether a rate is dated after `after` and on or before `until` (`None`: no bound).
    /// `rate` gives the same answer for any two dates with no rate dated between them.
    pub fn rate_dated_between(&self, after: Option<Date>, until: Option<Date>) -> bool {
        self.rates.iter().any(|rate| {
            let key = date_key(rate.date);
            after.is_none_or(|after| key > date_key(after))
                && until.is_none_or(|until| key <= date_key(until))
        })
    }

    /// The rate from `from` to `to` on or before `date` (the latest such; without a date the
    /// latest of all), going through USD when there is no direct rate.
    pub fn rate(&self, from: &str, to: &str, date: Option<Date>) -> Option<RateUsed> {
        if from == to {
            return None;
        }
        let direct = |from: &str, to: &str| -> Option<(f64, &Rate)> {
            let candidates = self.rates.iter().filter_map(|rate| {
                if rate.from == from && rate.to == to {
                    Some((rate.value, rate))
                } else if rate.from == to && rate.to == from && rate.value != 0.0 {
                    Some((1.0 / rate.value, rate))
                } else {
                    None
                }
            });
            let mut best: Option<(f64, &Rate)> = None;
            for (value, rate) in candidates {
                let usable = date.is_none_or(|date| date_key(rate.date) <= date_key(date));
                let better =
                    best.is_none_or(|(_, current)| date_key(rate.date) > date_key(current.date));
                if usable && better {
                    best = Some((value, rate));
                }
            }
            if best.is_none() {
                // No rate on or before the date: take the earliest one after it.
                best = self
                    .rates
                    .iter()
                    .filter(|rate| {
                        (rate.from == from && rate.to == to) || (rate.from == to && rate.to == from)
                    })
                    .min_by_key(|rate| date_key(rate.date))
                    .map(|rate| {
                        (
                            if rate.from == from {
                                rate.value
                            } else {
                                1.0 / rate.value
                            },
                            rate,
                        )
                    });
            }
            best
        };
        if let Some((value, rate)) = direct(from, to) {
            return Some(RateUsed {
                value,
                rates: vec![rate.clone()],
            });
        }
        let (first, first_rate) = direct(from, "USD")?;
        let (second, second_rate) = direct("USD", to)?;
        Some(RateUsed {
            value: first * second,
            rates: vec![first_rate.clone(), second_rate.clone()],
        })
    }
}

/// A conversion rate as used, with the dated rates it was computed from.
#[derive(Clone, Debug)]
pub struct RateUsed {
    pub value: f64,
    pub rates: Vec<Rate>,
}

pub fn date_key(date: Date) -> (i32, u32, u32) {
    (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

fn serialize_date<S: serde::Serializer>(
    date: &Option<Date>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&date.iso()),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_packs_load_without_problems() {
        let mut builder = RuleSetBuilder::default();
        builder.add_bundled();
        let (rules, problems) = builder.build();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(!rules.packs.is_empty());
    }

    /// The facts indexed for a kind and unit of claim are those a look at every fact finds,
    /// in rule order; a rule set whose facts changed after it was built is looked through.
    #[test]
    fn the_fitting_index_finds_what_a_look_at_every_fact_finds() {
        let mut builder = RuleSetBuilder::default();
        builder.add_bundled();
        let (mut rules, _) = builder.build();
        let every_fact = |rules: &RuleSet, kind, unit| -> Vec<usize> {
            (0..rules.facts.len())
                .filter(|&at| {
                    claim_fits_fact(kind, unit, &rules.facts[at], rules.fact_counts_model(at))
                })
                .collect()
        };
        let kinds = [
            ClaimKind::Count,
            ClaimKind::Money,
            ClaimKind::Percent,
            ClaimKind::PercentagePoints,
            ClaimKind::Fraction,
            ClaimKind::Multiplier,
            ClaimKind::Quantity,
            ClaimKind::Date,
            ClaimKind::Duration,
        ];
        let mut units: Vec<Option<String>> =
            rules.facts.iter().map(|fact| fact.unit.clone()).collect();
        units.extend([
            None,
            Some("gpu".into()),
            Some("USD".into()),
            Some("no such unit".into()),
        ]);
        let mut fitting_some = 0;
        for kind in kinds {
            for unit in &units {
                let expected = every_fact(&rules, kind, unit.as_deref());
                fitting_some += usize::from(!expected.is_empty());
                assert_eq!(
                    rules.fitting_facts(kind, unit.as_deref()).as_ref(),
                    expected.as_slice(),
                    "{kind:?} {unit:?}"
                );
            }
        }
        assert!(fitting_some > 5, "the bundled facts fit some claims");
        // A fact of GPUs of one model fits a count of GPUs.
        let gpus = rules.fitting_facts(ClaimKind::Count, Some("gpu"));
        assert!(gpus.iter().any(|&at| rules.fact_counts_model(at)));
        let added = rules.facts[gpus[0]].clone();
        rules.facts.push(added);
        let last = rules.facts.len() - 1;
        assert!(
            rules
                .fitting_facts(ClaimKind::Count, Some("gpu"))
                .contains(&last)
        );
    }
}
