//! Rule files: the bundled packs load cleanly, the documented example is valid, broken files
//! are reported with file, line and column (snapshots), and user files override and disable
//! bundled entries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::path::Path;

use factlint::claims::Date;
use factlint::diagnostics::Verdict;
use factlint::rules::{RuleSet, RuleSetBuilder};
use factlint::{DocumentFormat, Options, analyze_with_rules};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn with_file(name: &str, text: &str) -> (RuleSet, Vec<factlint::rules::RuleProblem>) {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.add_file(name, text, false);
    builder.build()
}

#[test]
fn bundled_packs_load_without_problems() {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    let (rules, problems) = builder.build();
    assert!(problems.is_empty(), "{problems:#?}");
    for id in [
        "deepseek-v3.training-gpus",
        "h100-sxm.purchase-price",
        "stargate.planned-investment",
        "bank-of-china.ai-financing",
    ] {
        assert!(rules.fact(id).is_some(), "bundled fact {id} is missing");
    }
    for fact in &rules.facts {
        assert!(!fact.sources.is_empty(), "{} has no source", fact.id);
        for source in &fact.sources {
            assert!(
                rules
                    .source(source)
                    .is_some_and(|source| source.url.is_some()),
                "{}: source {source} has no URL",
                fact.id
            );
        }
    }
    assert!(
        rules
            .rate(
                "CNY",
                "USD",
                Some(Date {
                    year: 2025,
                    month: Some(1),
                    day: Some(27)
                })
            )
            .is_some()
    );
}

#[test]
fn the_documented_example_is_valid() {
    let readme = std::fs::read_to_string(root().join("rules/README.md")).unwrap();
    let start = readme
        .find("# facts/our-facts.toml")
        .expect("the README's example");
    let end = start + readme[start..].find("```").unwrap();
    let (rules, problems) = with_file("README example", &readme[start..end]);
    assert!(problems.is_empty(), "{problems:#?}");
    let derived = rules.fact("example-corp.revenue-per-employee").unwrap();
    assert!((derived.value.low() - 4_200_000_000.0 / 11_500.0).abs() < 1e-6);
    assert_eq!(
        rules
            .checks
            .iter()
            .filter(|check| check.id == "revenue-per-employee")
            .count(),
        1
    );
}

#[test]
fn broken_files_are_reported_with_their_place() {
    insta::glob!("rules/*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = format!(
            "tests/rules/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let (_, problems) = with_file(&name, &text);
        let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(!rendered.is_empty(), "{name} should have problems");
        insta::assert_snapshot!(rendered.join("\n"));
    });
}

#[test]
fn a_broken_entry_does_not_take_the_file_down() {
    let text = std::fs::read_to_string(root().join("tests/rules/bad-values.toml")).unwrap();
    let (rules, problems) = with_file("bad-values.toml", &text);
    assert!(problems.len() >= 4);
    // The bundled packs and the file's good entries are still there.
    assert!(rules.fact("deepseek-v3.training-gpus").is_some());
    assert!(rules.source("report").is_some());
}

const SENTENCE: &str = "DeepSeek says its model was trained on just 2,000 H800 GPUs.\n";

fn verdict_for(rules: &RuleSet) -> Option<(Verdict, String)> {
    let analysis = analyze_with_rules(
        SENTENCE,
        DocumentFormat::Markdown,
        &Options::default(),
        rules,
    );
    analysis
        .findings
        .iter()
        .find_map(|finding| Some((finding.verdict?, finding.rule.clone()?)))
}

#[test]
fn a_user_file_overrides_a_bundled_fact() {
    assert_eq!(
        verdict_for(RuleSet::bundled()),
        Some((Verdict::Agrees, "deepseek-v3.training-gpus".to_owned()))
    );
    let (rules, problems) = with_file(
        "ours.toml",
        r#"
[[source]]
id = "our-count"
title = "Our own count"
url = "https://example.com/count"

[[fact]]
id = "deepseek-v3.training-gpus"
statement = "Our count: DeepSeek-V3 was trained on 10,000 H800 GPUs."
subject = "deepseek-v3"
kind = "count"
value = 10000
unit = "H800"
context = { en = ["trained"] }
source = "our-count"
"#,
    );
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        rules.fact("deepseek-v3.training-gpus").unwrap().value.low(),
        10000.0
    );
    assert_eq!(
        verdict_for(&rules),
        Some((Verdict::Disagrees, "deepseek-v3.training-gpus".to_owned()))
    );
}

#[test]
fn packs_and_entries_can_be_disabled() {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.disable("deepseek-v3.training-gpus");
    let (rules, _) = builder.build();
    assert!(rules.fact("deepseek-v3.training-gpus").is_none());
    assert_ne!(
        verdict_for(&rules).map(|(_, id)| id),
        Some("deepseek-v3.training-gpus".to_owned())
    );

    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.disable("markets");
    let (rules, _) = builder.build();
    assert!(rules.fact("stargate.planned-investment").is_none());
    assert!(rules.fact("deepseek-v3.training-gpus").is_some());
}
