//! `factlint rules check|list|schema`: rule files for the people who write them.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use factlint::rules::{FactValue, RuleProblem, RuleSet, RuleSetBuilder, rule_file_schema};

use super::{ClaimsFormat, RulesCommand};
use factlint::config;

pub(crate) fn run(command: RulesCommand) -> ExitCode {
    match command {
        RulesCommand::Check { files, config } => check(&files, config.as_deref()),
        RulesCommand::List { files, format } => list(&files, format),
        RulesCommand::Schema => {
            let schema = serde_json::to_string_pretty(&rule_file_schema()).unwrap_or_default();
            println!("{schema}");
            ExitCode::SUCCESS
        }
    }
}

/// The bundled packs plus `files`; unreadable files become problems.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are read"
)]
fn build(files: &[String]) -> (RuleSet, Vec<RuleProblem>, usize) {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    let mut problems = Vec::new();
    let mut unreadable = 0;
    for file in files {
        match std::fs::read_to_string(file) {
            Ok(text) => builder.add_file(file, &text, false),
            Err(error) => {
                unreadable += 1;
                problems.push(RuleProblem {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read this rule file: {error}"),
                    hint: None,
                });
            }
        }
    }
    let (rules, mut found) = builder.build();
    problems.append(&mut found);
    (rules, problems, unreadable)
}

fn check(files: &[String], config_path: Option<&str>) -> ExitCode {
    let mut files = files.to_vec();
    if files.is_empty() {
        let mut resolver = config::ConfigResolver::new(config_path);
        if let Some(found) = resolver.for_document("factlint-rules-check") {
            files.extend(found.rules.iter().map(|path| config::relative(path)));
        }
        for error in &resolver.errors {
            eprintln!("factlint: error: {}: {}", error.path, error.message);
        }
    }
    let (rules, problems, unreadable) = build(&files);
    let mut out = std::io::stdout().lock();
    for problem in &problems {
        let hint = problem
            .hint
            .as_deref()
            .map(|hint| format!("\n  = help: {hint}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}:{}:{}: error: {}{hint}",
            problem.file, problem.line, problem.column, problem.message
        );
    }
    let checked = if files.is_empty() {
        "the bundled packs".to_owned()
    } else {
        format!("{} and the bundled packs", files.join(", "))
    };
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "ok: {checked}: {} packs, {} sources, {} entities, {} facts, {} rates, {} checks",
            rules.packs.len(),
            rules.sources.len(),
            rules.entities.len(),
            rules.facts.len(),
            rules.rates.len(),
            rules.checks.len()
        );
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(
            out,
            "{} problem{} in {checked}; the entries with problems are skipped, the rest is used",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        ExitCode::from(if unreadable > 0 { 2 } else { 1 })
    }
}

fn list(files: &[String], format: ClaimsFormat) -> ExitCode {
    let (rules, problems, _) = build(files);
    for problem in &problems {
        eprintln!("factlint: error: {problem}");
    }
    let mut out = std::io::stdout().lock();
    let value = |fact: &factlint::rules::Fact| match fact.value {
        FactValue::Single(value) => format!("{value}"),
        FactValue::Range { min, max } => format!("{min}–{max}"),
    };
    match format {
        ClaimsFormat::Json => {
            let facts: Vec<serde_json::Value> = rules
                .facts
                .iter()
                .map(|fact| {
                    serde_json::json!({
                        "id": fact.id,
                        "statement": fact.statement,
                        "subject": fact.subject,
                        "kind": fact.kind.as_str(),
                        "value": fact.value.single(),
                        "min": matches!(fact.value, FactValue::Range { .. }).then(|| fact.value.low()),
                        "max": matches!(fact.value, FactValue::Range { .. }).then(|| fact.value.high()),
                        "unit": fact.unit,
                        "per": fact.per,
                        "as_of": fact.as_of.map(|date| date.iso()),
                        "sources": fact.sources,
                        "file": fact.origin.file,
                        "line": fact.origin.line,
                    })
                })
                .collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&serde_json::json!({ "packs": rules.packs, "sources": rules.sources, "facts": facts })).unwrap_or_default());
        }
        ClaimsFormat::Table | ClaimsFormat::Csv => {
            let separator = if format == ClaimsFormat::Csv {
                ","
            } else {
                "  "
            };
            let _ = writeln!(
                out,
                "{}",
                ["id", "kind", "value", "unit", "as_of", "source"].join(separator)
            );
            for fact in &rules.facts {
                let row = [
                    fact.id.clone(),
                    fact.kind.as_str().to_owned(),
                    value(fact),
                    fact.unit.clone().unwrap_or_default(),
                    fact.as_of.map(|date| date.iso()).unwrap_or_default(),
                    fact.sources.join(" "),
                ];
                let _ = writeln!(out, "{}", row.join(separator));
            }
            if format == ClaimsFormat::Table {
                let packs: Vec<String> = rules
                    .packs
                    .iter()
                    .map(|pack| format!("{} ({})", pack.id, Path::new(&pack.file).display()))
                    .collect();
                let _ = writeln!(
                    out,
                    "\n{} facts, {} rates, {} checks from {}",
                    rules.facts.len(),
                    rules.rates.len(),
                    rules.checks.len(),
                    packs.join(", ")
                );
            }
        }
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
