//! Reading rule files into a `RuleSet`, with every problem located by file, line and column.
//!
//! A file is read in two passes. The first takes the file apart into entries (`[[fact]]`,
//! `[[source]]`, …) and reports TOML syntax errors. The second reads each entry on its own, so
//! one broken entry is reported and skipped while the rest of the file is used. References
//! between entries (a fact's source, a check's facts) are resolved last, across all files.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::expr;
use super::{
    DerivedCheck, Entity, Fact, FactValue, Input, Origin, Pack, Rate, RuleSet, Scope, Source, Step,
    Tolerance,
};
use crate::claims::{ClaimKind, Date};
use crate::diagnostics::Severity;
use crate::text::{ColumnUnit, LineIndex};
use crate::units::UNITS;

/// A problem in a rule file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleProblem {
    pub file: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

use serde::Serialize;

impl std::fmt::Display for RuleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Collects rule files and builds a `RuleSet`.
#[derive(Default)]
pub struct RuleSetBuilder {
    files: Vec<FileEntries>,
    problems: Vec<RuleProblem>,
    disabled: Vec<String>,
}

/// The entries of one file, read but not yet resolved.
struct FileEntries {
    pack: Pack,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    facts: Vec<(Fact, Located)>,
    rates: Vec<(Rate, Located)>,
    checks: Vec<(DerivedCheck, Located)>,
}

/// Where an entry's keys are, for problems found after reading.
#[derive(Clone)]
struct Located {
    file: String,
    keys: HashMap<String, (u32, u32)>,
    header: (u32, u32),
    /// The entry's lines: 1-based line number and text.
    lines: Vec<(u32, String)>,
}

impl Located {
    fn at(&self, key: &str) -> (u32, u32) {
        self.keys.get(key).copied().unwrap_or(self.header)
    }
}

const TOP_LEVEL: &[&str] = &[
    "pack",
    "source",
    "entity",
    "fact",
    "rate",
    "check",
    "unit",
    "accelerator",
];
const SOURCE_KEYS: &[&str] = &["id", "title", "publisher", "url", "published", "accessed"];
const ENTITY_KEYS: &[&str] = &["id", "name", "aliases"];
const FACT_KEYS: &[&str] = &[
    "id",
    "statement",
    "subject",
    "attribute",
    "kind",
    "value",
    "min",
    "max",
    "unit",
    "per",
    "tolerance",
    "as_of",
    "context",
    "unless",
    "source",
    "sources",
    "quote",
    "severity",
    "formula",
];
const RATE_KEYS: &[&str] = &["from", "to", "value", "date", "source"];
const CHECK_KEYS: &[&str] = &[
    "id", "title", "scope", "inputs", "steps", "compare", "expected", "note", "severity",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    id: String,
    title: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    publisher: Option<String>,
    url: Option<String>,
    published: Option<toml::Value>,
    accessed: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTolerance {
    #[serde(default)]
    relative: f64,
    #[serde(default)]
    absolute: f64,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawContext {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    de: Vec<String>,
}

impl RawContext {
    /// The words of both languages, lowercased, sorted, each once.
    fn words(self) -> Vec<String> {
        let mut words: Vec<String> = self
            .en
            .into_iter()
            .chain(self.de)
            .map(|word| word.to_lowercase())
            .collect();
        words.sort();
        words.dedup();
        words
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: String,
    statement: String,
    subject: Option<String>,
    attribute: Option<String>,
    kind: String,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Option<String>,
    per: Option<String>,
    tolerance: Option<RawTolerance>,
    as_of: Option<toml::Value>,
    #[serde(default)]
    context: RawContext,
    #[serde(default)]
    unless: RawContext,
    source: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    quote: Option<String>,
    severity: Option<String>,
    formula: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    from: String,
    to: String,
    value: f64,
    date: toml::Value,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    kind: String,
    #[serde(default)]
    unit: Option<StringOrList>,
    convert_to: Option<String>,
    #[serde(default)]
    unless: RawContext,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrList {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    name: String,
    formula: String,
    unit: Option<String>,
    per: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpected {
    min: f64,
    max: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    title: String,
    scope: Option<String>,
    inputs: toml::Table,
    steps: Vec<RawStep>,
    compare: Option<String>,
    expected: Option<RawExpected>,
    note: Option<String>,
    severity: Option<String>,
}

impl RuleSetBuilder {
    /// Adds every bundled pack.
    pub fn add_bundled(&mut self) {
        for (name, text) in super::BUNDLED_FILES {
            self.add_file(name, text, true);
        }
    }

    /// Turns off a pack (by its id) or an entry (by its id).
    pub fn disable(&mut self, id: &str) {
        self.disabled.push(id.to_owned());
    }

    /// Reads one rule file. Problems are kept for `build`; what could be read is used.
    pub fn add_file(&mut self, file: &str, text: &str, bundled: bool) {
        let index = LineIndex::new(text);
        let position = |offset: usize| {
            let at = index.line_col(text, offset, ColumnUnit::Char);
            (at.line + 1, at.col + 1)
        };
        let table: toml::Table = match toml::from_str(text) {
            Ok(table) => table,
            Err(error) => {
                let (line, column) = error.span().map_or((1, 1), |span| position(span.start));
                self.problems.push(RuleProblem {
                    file: file.to_owned(),
                    line,
                    column,
                    message: format!("not valid TOML: {}", error.message().trim()),
                    hint: Some("the whole file was skipped; fix the syntax and check again with `factlint rules check`".to_owned()),
                });
                return;
            }
        };
        let headers = entry_headers(text);
        let mut entries = FileEntries {
            pack: Pack {
                id: file.to_owned(),
                title: file.to_owned(),
                description: String::new(),
                file: file.to_owned(),
                bundled,
            },
            sources: Vec::new(),
            entities: Vec::new(),
            facts: Vec::new(),
            rates: Vec::new(),
            checks: Vec::new(),
        };
        for (key, value) in &table {
            if !TOP_LEVEL.contains(&key.as_str()) {
                let (line, column) = find_key(text, 0, text.len(), key).map_or((1, 1), position);
                self.problems.push(problem(
                    file,
                    line,
                    column,
                    format!("unknown table `{key}`"),
                    nearest(key, TOP_LEVEL),
                ));
                continue;
            }
            match key.as_str() {
                "pack" => {
                    let region = headers.region("pack", 0, text.len());
                    let located = locate(file, text, region, &position);
                    if let Some(raw) = self.entry::<RawPack>(
                        value,
                        &located,
                        text,
                        region,
                        &position,
                        &["id", "title", "description"],
                    ) {
                        entries.pack.id = raw.id;
                        entries.pack.title = raw.title;
                        entries.pack.description = raw.description;
                    }
                }
                "unit" | "accelerator" => {
                    if !bundled {
                        let region = headers.region(key, 0, text.len());
                        let (line, column) = position(region.0);
                        self.problems.push(problem(
                            file,
                            line,
                            column,
                            format!("`[[{key}]]` entries are read only from the bundled rules/units.toml"),
                            None,
                        ));
                    }
                }
                _ => {
                    let Some(items) = value.as_array() else {
                        let (line, column) =
                            find_key(text, 0, text.len(), key).map_or((1, 1), position);
                        self.problems.push(problem(
                            file,
                            line,
                            column,
                            format!("`{key}` must be a list of tables: write `[[{key}]]`"),
                            None,
                        ));
                        continue;
                    };
                    for (nth, item) in items.iter().enumerate() {
                        let region = headers.nth_region(key, nth, text.len());
                        let located = locate(file, text, region, &position);
                        let origin = Origin {
                            file: file.to_owned(),
                            line: located.header.0,
                        };
                        match key.as_str() {
                            "source" => {
                                if let Some(raw) = self.entry::<RawSource>(
                                    item,
                                    &located,
                                    text,
                                    region,
                                    &position,
                                    SOURCE_KEYS,
                                ) {
                                    entries.sources.push(Source {
                                        id: raw.id,
                                        title: raw.title,
                                        publisher: raw.publisher,
                                        url: raw.url,
                                        published: raw.published.and_then(date_of),
                                        accessed: raw.accessed.and_then(date_of),
                                        origin,
                                    });
                                }
                            }
                            "entity" => {
                                if let Some(raw) = self.entry::<RawEntity>(
                                    item,
                                    &located,
                                    text,
                                    region,
                                    &position,
                                    ENTITY_KEYS,
                                ) {
                                    let mut aliases = raw.aliases;
                                    if !aliases.contains(&raw.name) {
                                        aliases.push(raw.name.clone());
                                    }
                                    entries.entities.push(Entity {
                                        id: raw.id,
                                        name: raw.name,
                                        aliases,
                                        origin,
                                    });
                                }
                            }
                            "fact" => {
                                if let Some(raw) = self.entry::<RawFact>(
                                    item, &located, text, region, &position, FACT_KEYS,
                                ) && let Some(fact) = self.fact(raw, &located, origin)
                                {
                                    entries.facts.push((fact, located));
                                }
                            }
                            "rate" => {
                                if let Some(raw) = self.entry::<RawRate>(
                                    item, &located, text, region, &position, RATE_KEYS,
                                ) {
                                    match date_of(raw.date) {
                                        Some(date) => entries.rates.push((
                                            Rate {
                                                from: raw.from.to_ascii_uppercase(),
                                                to: raw.to.to_ascii_uppercase(),
                                                value: raw.value,
                                                date,
                                                source: raw.source,
                                                origin,
                                            },
                                            located,
                                        )),
                                        None => self.at(
                                            &located,
                                            "date",
                                            "a rate's date must be a date such as 2025-01-27"
                                                .to_owned(),
                                            None,
                                        ),
                                    }
                                }
                            }
                            "check" => {
                                if let Some(raw) = self.entry::<RawCheck>(
                                    item, &located, text, region, &position, CHECK_KEYS,
                                ) && let Some(check) = self.check(raw, &located, origin)
                                {
                                    entries.checks.push((check, located));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        self.files.push(entries);
    }

    /// Reads one entry, reporting a problem (at the offending key where it can be found).
    fn entry<T: DeserializeOwned>(
        &mut self,
        value: &toml::Value,
        located: &Located,
        text: &str,
        region: (usize, usize),
        position: &dyn Fn(usize) -> (u32, u32),
        keys: &[&str],
    ) -> Option<T> {
        match T::deserialize(value.clone()) {
            Ok(entry) => Some(entry),
            Err(error) => {
                let message = error.message().trim().to_owned();
                if let Some(unknown) = unknown_field(&message) {
                    let (line, column) = find_key(text, region.0, region.1, &unknown)
                        .map_or(located.header, position);
                    self.problems.push(problem(
                        &located.file,
                        line,
                        column,
                        format!("unknown key `{unknown}`"),
                        nearest(&unknown, keys),
                    ));
                } else if let Some(missing) = missing_field(&message) {
                    self.problems.push(problem(
                        &located.file,
                        located.header.0,
                        located.header.1,
                        format!("this entry lacks `{missing}`"),
                        Some(format!("add `{missing} = …`")),
                    ));
                } else {
                    // Type errors do not name their key; find the first key whose value alone
                    // fails, to point at it.
                    let (line, column) = value
                        .as_table()
                        .and_then(|table| table.keys().find(|key| culprit::<T>(table, key)))
                        .map_or(located.header, |key| located.at(key));
                    self.problems
                        .push(problem(&located.file, line, column, message, None));
                }
                None
            }
        }
    }

    /// An entry's `severity` (warning when absent); a problem and `None` when unknown.
    fn severity(&mut self, written: Option<&str>, located: &Located) -> Option<Severity> {
        match written.map(Severity::parse) {
            None => Some(Severity::Warning),
            Some(Some(severity)) => Some(severity),
            Some(None) => {
                self.at(
                    located,
                    "severity",
                    "unknown severity".to_owned(),
                    Some("one of: info, warning, error".to_owned()),
                );
                None
            }
        }
    }

    fn at(&mut self, located: &Located, key: &str, message: String, hint: Option<String>) {
        let (line, column) = located.at(key);
        self.problems
            .push(problem(&located.file, line, column, message, hint));
    }

    fn fact(&mut self, raw: RawFact, located: &Located, origin: Origin) -> Option<Fact> {
        let Some(kind) = parse_kind(&raw.kind) else {
            self.at(
                located,
                "kind",
                format!("unknown kind `{}`", raw.kind),
                Some(format!("one of: {}", KINDS.join(", "))),
            );
            return None;
        };
        let formula = match &raw.formula {
            None => None,
            Some(text) => match expr::parse(text) {
                Ok(parsed) => Some((text.clone(), parsed)),
                Err(error) => {
                    let (line, column) = find_in_region(
                        located,
                        &text[..text.find(['"', '\\']).unwrap_or(text.len())],
                    )
                    .unwrap_or(located.at("formula"));
                    self.problems.push(problem(
                        &located.file,
                        line,
                        column + error.column as u32,
                        format!("formula: {}", error.message),
                        None,
                    ));
                    return None;
                }
            },
        };
        let value = match (raw.value, raw.min, raw.max, &formula) {
            (Some(value), None, None, _) => FactValue::Single(value),
            (None, Some(min), Some(max), _) if min <= max => FactValue::Range { min, max },
            (None, Some(_), Some(_), _) => {
                self.at(
                    located,
                    "min",
                    "`min` is larger than `max`".to_owned(),
                    None,
                );
                return None;
            }
            // Derived facts get their value when the rule set is resolved.
            (None, None, None, Some(_)) => FactValue::Single(f64::NAN),
            _ => {
                self.at(
                    located,
                    "value",
                    "a fact needs `value = …`, or both `min = …` and `max = …`, or a `formula`"
                        .to_owned(),
                    None,
                );
                return None;
            }
        };
        let unit = raw.unit.map(|unit| normalise_unit(&unit, kind));
        if let Some(unit) = &unit
            && !unit_exists(unit, kind)
        {
            self.at(
                located,
                "unit",
                format!("unknown unit `{unit}`"),
                Some(unit_hint(kind, unit)),
            );
            return None;
        }
        let severity = self.severity(raw.severity.as_deref(), located)?;
        let mut sources = raw.sources;
        if let Some(source) = raw.source {
            sources.insert(0, source);
        }
        let tolerance = raw
            .tolerance
            .map_or_else(Tolerance::default, |raw| Tolerance {
                relative: raw.relative,
                absolute: raw.absolute,
            });
        let context = raw.context.words();
        let unless = raw.unless.words();
        let attribute = raw
            .attribute
            .unwrap_or_else(|| raw.id.rsplit('.').next().unwrap_or_default().to_owned());
        Some(Fact {
            id: raw.id,
            statement: raw.statement,
            subject: raw.subject,
            attribute,
            kind,
            value,
            unit,
            per: raw.per,
            tolerance,
            as_of: raw.as_of.and_then(date_of),
            context,
            unless,
            sources,
            quote: raw.quote,
            severity,
            formula,
            origin,
        })
    }

    fn check(&mut self, raw: RawCheck, located: &Located, origin: Origin) -> Option<DerivedCheck> {
        let scope = match raw.scope.as_deref() {
            None | Some("sentence") => Scope::Sentence,
            Some("paragraph") => Scope::Paragraph,
            Some(other) => {
                self.at(
                    located,
                    "scope",
                    format!("unknown scope `{other}`"),
                    Some("`sentence` or `paragraph`".to_owned()),
                );
                return None;
            }
        };
        let mut inputs = Vec::new();
        for (name, value) in &raw.inputs {
            let input: RawInput = match RawInput::deserialize(value.clone()) {
                Ok(input) => input,
                Err(error) => {
                    self.at(
                        located,
                        "inputs",
                        format!("input `{name}`: {}", error.message().trim()),
                        Some("write `name = { kind = \"money\" }`".to_owned()),
                    );
                    return None;
                }
            };
            let Some(kind) = parse_kind(&input.kind) else {
                self.at(
                    located,
                    "inputs",
                    format!("input `{name}`: unknown kind `{}`", input.kind),
                    Some(format!("one of: {}", KINDS.join(", "))),
                );
                return None;
            };
            let units = match input.unit {
                None => Vec::new(),
                Some(StringOrList::One(unit)) => vec![unit],
                Some(StringOrList::Many(units)) => units,
            };
            for unit in &units {
                if unit != "accelerator" && unit != "any" && !unit_exists(unit, kind) {
                    self.at(
                        located,
                        "inputs",
                        format!("input `{name}`: unknown unit `{unit}`"),
                        Some(unit_hint(kind, unit)),
                    );
                    return None;
                }
            }
            inputs.push(Input {
                name: name.clone(),
                kind,
                units,
                convert_to: input.convert_to,
                unless: input.unless.words(),
            });
        }
        let mut steps: Vec<Step> = Vec::new();
        for raw_step in raw.steps {
            let formula = match expr::parse(&raw_step.formula) {
                Ok(formula) => formula,
                Err(error) => {
                    let (line, column) =
                        find_in_region(located, &raw_step.formula).unwrap_or(located.at("steps"));
                    self.problems.push(problem(
                        &located.file,
                        line,
                        column + error.column as u32,
                        format!("formula of step `{}`: {}", raw_step.name, error.message),
                        None,
                    ));
                    return None;
                }
            };
            let mut variables = Vec::new();
            formula.variables(&mut variables);
            for variable in variables {
                let known = inputs.iter().any(|input| input.name == variable)
                    || steps.iter().any(|step| step.name == variable);
                if !known {
                    let (line, column) =
                        find_in_region(located, &raw_step.formula).unwrap_or(located.at("steps"));
                    let names: Vec<&str> = inputs
                        .iter()
                        .map(|input| input.name.as_str())
                        .chain(steps.iter().map(|step| step.name.as_str()))
                        .collect();
                    self.problems.push(problem(
                        &located.file,
                        line,
                        column + raw_step.formula.find(&variable).unwrap_or(0) as u32,
                        format!("formula of step `{}` uses `{variable}`, which is no input or earlier step", raw_step.name),
                        nearest(&variable, &names),
                    ));
                    return None;
                }
            }
            let per = match raw_step.per.as_deref() {
                None => None,
                Some(per) => match crate::lexicon::with_lower(per, crate::lexicon::time_unit) {
                    Some(per) => Some(per),
                    None => {
                        let (line, column) =
                            find_in_region(located, per).unwrap_or(located.at("steps"));
                        self.problems.push(problem(
                            &located.file,
                            line,
                            column,
                            format!(
                                "step `{}`: `per = \"{per}\"` is no unit of time",
                                raw_step.name
                            ),
                            Some("use year, month, week, day or hour".to_owned()),
                        ));
                        return None;
                    }
                },
            };
            steps.push(Step {
                name: raw_step.name,
                formula_text: raw_step.formula,
                formula,
                unit: raw_step.unit,
                per,
            });
        }
        if steps.is_empty() {
            self.at(
                located,
                "steps",
                "a check needs at least one step".to_owned(),
                None,
            );
            return None;
        }
        let severity = self.severity(raw.severity.as_deref(), located)?;
        Some(DerivedCheck {
            id: raw.id,
            title: raw.title,
            scope,
            inputs,
            steps,
            compare_fact: raw.compare,
            expected: raw.expected.map(|expected| (expected.min, expected.max)),
            note: raw.note,
            severity,
            origin,
        })
    }

    /// Resolves references across all files and builds the rule set. Later files override
    /// entries of earlier ones with the same id.
    pub fn build(mut self) -> (RuleSet, Vec<RuleProblem>) {
        let mut rules = RuleSet::default();
        let disabled = std::mem::take(&mut self.disabled);
        let mut fact_locations: Vec<Located> = Vec::new();
        let mut check_locations: Vec<Located> = Vec::new();
        let mut rate_locations: Vec<Located> = Vec::new();
        for file in std::mem::take(&mut self.files) {
            if disabled.contains(&file.pack.id) {
                continue;
            }
            rules.packs.push(file.pack);
            for source in file.sources {
                upsert(&mut rules.sources, source, |entry| &entry.id);
            }
            for entity in file.entities {
                if !disabled.contains(&entity.id) {
                    upsert(&mut rules.entities, entity, |entry| &entry.id);
                }
            }
            for (fact, located) in file.facts {
                if disabled.contains(&fact.id) {
                    continue;
                }
                upsert_located(
                    &mut rules.facts,
                    &mut fact_locations,
                    fact,
                    located,
                    |entry| &entry.id,
                );
            }
            for (rate, located) in file.rates {
                rules.rates.push(rate);
                rate_locations.push(located);
            }
            for (check, located) in file.checks {
                if disabled.contains(&check.id) {
                    continue;
                }
                upsert_located(
                    &mut rules.checks,
                    &mut check_locations,
                    check,
                    located,
                    |entry| &entry.id,
                );
            }
        }
        rules.source_index = rules
            .sources
            .iter()
            .enumerate()
            .map(|(at, source)| (source.id.clone(), at))
            .collect();
        rules.entity_index = rules
            .entities
            .iter()
            .enumerate()
            .map(|(at, entity)| (entity.id.clone(), at))
            .collect();

        // References from facts.
        let source_ids: Vec<&str> = rules
            .sources
            .iter()
            .map(|source| source.id.as_str())
            .collect();
        let entity_ids: Vec<&str> = rules
            .entities
            .iter()
            .map(|entity| entity.id.as_str())
            .collect();
        let mut keep = vec![true; rules.facts.len()];
        for (at, fact) in rules.facts.iter().enumerate() {
            let located = &fact_locations[at];
            for source in &fact.sources {
                if !rules.source_index.contains_key(source) {
                    self.at(
                        located,
                        "source",
                        format!(
                            "fact `{}` names the source `{source}`, which no rule file defines",
                            fact.id
                        ),
                        nearest(source, &source_ids),
                    );
                    keep[at] = false;
                }
            }
            if fact.sources.is_empty() && fact.formula.is_none() {
                let (line, column) = located.header;
                self.problems.push(problem(
                    &located.file,
                    line,
                    column,
                    format!("fact `{}` has no source", fact.id),
                    Some("add `source = \"…\"` naming a [[source]] entry".to_owned()),
                ));
                keep[at] = false;
            }
            if let Some(subject) = &fact.subject
                && !rules.entity_index.contains_key(subject)
            {
                self.at(
                    located,
                    "subject",
                    format!(
                        "fact `{}` is about `{subject}`, which no rule file defines as an entity",
                        fact.id
                    ),
                    nearest(subject, &entity_ids),
                );
                keep[at] = false;
            }
        }
        let mut kept = keep.iter();
        rules.facts.retain(|_| *kept.next().unwrap_or(&true));
        let mut kept = keep.iter();
        fact_locations.retain(|_| *kept.next().unwrap_or(&true));
        rules.fact_index = rules
            .facts
            .iter()
            .enumerate()
            .map(|(at, fact)| (fact.id.clone(), at))
            .collect();

        // Derived facts may use facts of any file and other derived facts: compute until nothing
        // changes, then report what could not be computed.
        let mut progress = true;
        while progress {
            progress = false;
            for at in 0..rules.facts.len() {
                let Some((_, formula)) = rules.facts[at].formula.clone() else {
                    continue;
                };
                if rules.facts[at].value.low().is_finite() {
                    continue;
                }
                if let Ok(value) = formula.eval(&|_| None, &|id| {
                    rules.fact_value(id).filter(|value| value.is_finite())
                }) {
                    rules.facts[at].value = FactValue::Single(value);
                    progress = true;
                }
            }
        }
        #[expect(
            clippy::needless_range_loop,
            reason = "the loop reads other facts while it writes this one"
        )]
        for at in 0..rules.facts.len() {
            let Some((_, formula)) = rules.facts[at].formula.clone() else {
                continue;
            };
            let mut used = Vec::new();
            formula.facts(&mut used);
            let value = if rules.facts[at].value.low().is_finite() {
                Ok(rules.facts[at].value.low())
            } else {
                formula.eval(&|_| None, &|id| {
                    rules.fact_value(id).filter(|value| value.is_finite())
                })
            };
            match value {
                Ok(value) => {
                    rules.facts[at].value = FactValue::Single(value);
                    for id in used {
                        let sources = rules
                            .fact(&id)
                            .map(|fact| fact.sources.clone())
                            .unwrap_or_default();
                        for source in sources {
                            if !rules.facts[at].sources.contains(&source) {
                                rules.facts[at].sources.push(source);
                            }
                        }
                    }
                }
                Err(error) => {
                    let located = &fact_locations[at];
                    self.at(
                        located,
                        "formula",
                        format!("fact `{}`: {}", rules.facts[at].id, error.message),
                        Some(
                            "a formula may use only facts defined before it, with single values"
                                .to_owned(),
                        ),
                    );
                }
            }
        }
        let fact_ids: Vec<String> = rules.facts.iter().map(|fact| fact.id.clone()).collect();
        let fact_id_refs: Vec<&str> = fact_ids.iter().map(String::as_str).collect();
        rules.facts.retain(|fact| fact.value.low().is_finite());
        rules.fact_index = rules
            .facts
            .iter()
            .enumerate()
            .map(|(at, fact)| (fact.id.clone(), at))
            .collect();

        for (at, rate) in rules.rates.iter().enumerate() {
            if let Some(source) = &rate.source
                && !rules.source_index.contains_key(source)
            {
                let located = &rate_locations[at];
                self.at(
                    located,
                    "source",
                    format!("rate names the source `{source}`, which no rule file defines"),
                    nearest(source, &source_ids),
                );
            }
        }
        let mut keep_checks = vec![true; rules.checks.len()];
        for (at, check) in rules.checks.iter().enumerate() {
            let located = &check_locations[at];
            let mut used = Vec::new();
            for step in &check.steps {
                step.formula.facts(&mut used);
            }
            used.extend(check.compare_fact.iter().cloned());
            for id in used {
                if rules.fact(&id).is_none() {
                    let (line, column) = find_in_region(located, &id).unwrap_or(located.header);
                    self.problems.push(problem(
                        &located.file,
                        line,
                        column,
                        format!(
                            "check `{}` uses the fact `{id}`, which no rule file defines",
                            check.id
                        ),
                        nearest(&id, &fact_id_refs),
                    ));
                    keep_checks[at] = false;
                }
            }
        }
        let mut kept = keep_checks.iter();
        rules.checks.retain(|_| *kept.next().unwrap_or(&true));
        self.problems
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        rules.mentions = super::Mentions::build(&rules.entities, &rules.facts);
        rules.fact_counts_model = Vec::new();
        rules.fact_counts_model = (0..rules.facts.len())
            .map(|index| rules.fact_counts_model(index))
            .collect();
        rules.fitting = super::FittingFacts::build(&rules);
        (rules, self.problems)
    }
}

/// Whether removing `key` from `table` cures its deserialization error: then `key` holds the
/// value of the wrong type.
fn culprit<T: DeserializeOwned>(table: &toml::Table, key: &str) -> bool {
    let mut without = table.clone();
    without.remove(key);
    match T::deserialize(toml::Value::Table(without)) {
        Ok(_) => true,
        Err(error) => missing_field(error.message()).as_deref() == Some(key),
    }
}

/// The kinds a rule entry may name (`kind = "money"`), as the JSON Schema lists them too.
pub(super) const KINDS: &[&str] = &[
    "count",
    "money",
    "percent",
    "percentage_points",
    "fraction",
    "multiplier",
    "quantity",
    "date",
    "duration",
];

fn parse_kind(kind: &str) -> Option<ClaimKind> {
    Some(match kind {
        "count" => ClaimKind::Count,
        "money" => ClaimKind::Money,
        "percent" => ClaimKind::Percent,
        "percentage_points" => ClaimKind::PercentagePoints,
        "fraction" => ClaimKind::Fraction,
        "multiplier" => ClaimKind::Multiplier,
        "quantity" => ClaimKind::Quantity,
        "date" => ClaimKind::Date,
        "duration" => ClaimKind::Duration,
        _ => return None,
    })
}

fn normalise_unit(unit: &str, kind: ClaimKind) -> String {
    if kind == ClaimKind::Money {
        unit.to_ascii_uppercase()
    } else {
        unit.to_owned()
    }
}

/// Whether `unit` names a unit factlint knows for `kind`.
pub(crate) fn unit_exists(unit: &str, kind: ClaimKind) -> bool {
    match kind {
        ClaimKind::Money => unit.len() == 3 && unit.bytes().all(|byte| byte.is_ascii_uppercase()),
        ClaimKind::Duration => crate::lexicon::time_unit(unit).is_some(),
        _ => UNITS.is_canonical(unit),
    }
}

fn unit_hint(kind: ClaimKind, unit: &str) -> String {
    match kind {
        ClaimKind::Money => "money takes an ISO 4217 code such as USD, EUR, CNY".to_owned(),
        ClaimKind::Duration => "one of: year, month, week, day, hour, minute, second".to_owned(),
        _ => {
            let names = UNITS.canonical_names();
            let near = nearest(unit, &names)
                .map(|near| format!("{near} "))
                .unwrap_or_default();
            format!("{near}rules/units.toml lists the units")
        }
    }
}

/// A date written as a TOML date (`2025-01-27`) or a string holding one.
fn date_of(value: toml::Value) -> Option<Date> {
    match value {
        toml::Value::Datetime(datetime) => {
            let date = datetime.date?;
            Some(Date {
                year: i32::from(date.year),
                month: Some(u32::from(date.month)),
                day: Some(u32::from(date.day)),
            })
        }
        toml::Value::String(text) => {
            let mut parts = text.trim().split('-');
            let year = parts.next()?.parse().ok()?;
            let month: u32 = parts.next()?.parse().ok()?;
            let day: u32 = parts.next()?.parse().ok()?;
            ((1..=12).contains(&month) && (1..=31).contains(&day) && parts.next().is_none())
                .then_some(Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                })
        }
        _ => None,
    }
}

/// `upsert` for entries that keep their place in the file alongside.
fn upsert_located<T>(
    list: &mut Vec<T>,
    places: &mut Vec<Located>,
    item: T,
    place: Located,
    id: impl Fn(&T) -> &String,
) {
    match list.iter().position(|existing| id(existing) == id(&item)) {
        Some(at) => {
            list[at] = item;
            places[at] = place;
        }
        None => {
            list.push(item);
            places.push(place);
        }
    }
}

fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &String) {
    match list.iter().position(|existing| id(existing) == id(&item)) {
        Some(at) => list[at] = item,
        None => list.push(item),
    }
}

fn problem(
    file: &str,
    line: u32,
    column: u32,
    message: String,
    hint: Option<String>,
) -> RuleProblem {
    RuleProblem {
        file: file.to_owned(),
        line,
        column,
        message,
        hint,
    }
}

/// The field serde names in an "unknown field `x`" message.
pub(crate) fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// "did you mean `x`?" for the valid name closest to `wanted`.
pub(crate) fn nearest(wanted: &str, valid: &[&str]) -> Option<String> {
    valid
        .iter()
        .map(|name| (edit_distance(wanted, name), *name))
        .filter(|(distance, name)| {
            *distance <= name.chars().count().max(wanted.chars().count()) / 2
        })
        .min()
        .map(|(_, name)| format!("did you mean `{name}`?"))
}

/// The Levenshtein distance between two strings, in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            current.push(
                (previous[j] + usize::from(ca != *cb))
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// The headers of array-of-tables entries (`[[fact]]`) and tables (`[pack]`), in order.
struct Headers {
    list: Vec<(String, usize)>,
}

fn entry_headers(text: &str) -> Headers {
    let mut list = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            let name = trimmed
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .trim();
            let indent = line.len() - trimmed.len();
            list.push((name.to_owned(), offset + indent));
        }
        offset += line.len();
    }
    Headers { list }
}

impl Headers {
    /// The byte range from the header of `name` to the next top-level header.
    fn region(&self, name: &str, from: usize, end: usize) -> (usize, usize) {
        self.nth_region(name, 0, end).max((from, from))
    }

    fn nth_region(&self, name: &str, nth: usize, end: usize) -> (usize, usize) {
        let mut seen = 0;
        for (at, (header, start)) in self.list.iter().enumerate() {
            if header == name {
                if seen == nth {
                    let next = self.list[at + 1..]
                        .iter()
                        .find(|(other, _)| !other.starts_with(&format!("{name}.")))
                        .map_or(end, |(_, start)| *start);
                    return (*start, next);
                }
                seen += 1;
            }
        }
        (0, end)
    }
}

fn locate(
    file: &str,
    text: &str,
    region: (usize, usize),
    position: &dyn Fn(usize) -> (u32, u32),
) -> Located {
    let mut keys = HashMap::new();
    let mut lines = Vec::new();
    let mut offset = region.0;
    for line in text[region.0..region.1].split_inclusive('\n') {
        lines.push((
            position(offset).0,
            line.trim_end_matches(['\n', '\r']).to_owned(),
        ));
        let trimmed = line.trim_start();
        if let Some((key, _)) = trimmed.split_once('=') {
            let key = key.trim().trim_matches('"');
            if !key.is_empty() && !key.starts_with('#') && !keys.contains_key(key) {
                keys.insert(
                    key.to_owned(),
                    position(offset + line.len() - trimmed.len()),
                );
            }
        }
        offset += line.len();
    }
    Located {
        file: file.to_owned(),
        keys,
        header: position(region.0),
        lines,
    }
}

fn find_key(text: &str, start: usize, end: usize, key: &str) -> Option<usize> {
    let mut offset = start;
    for line in text[start..end.min(text.len())].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with(['=', ']'])
        {
            return Some(offset + line.len() - trimmed.len());
        }
        if trimmed.starts_with("[[") && trimmed.trim_start_matches('[').starts_with(key) {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// The 1-based line and column where `needle` first stands in the entry.
fn find_in_region(located: &Located, needle: &str) -> Option<(u32, u32)> {
    located.lines.iter().find_map(|(line, text)| {
        let at = text.find(needle)?;
        Some((*line, text[..at].chars().count() as u32 + 1))
    })
}
