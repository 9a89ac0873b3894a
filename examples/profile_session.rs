//! Times the parts of an edit on a 1 MB generated document (a development aid).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "a development aid reads its settings from the environment"
)]

#[path = "../benches/support/generate.rs"]
#[allow(dead_code, reason = "only the article generator is used")]
mod generate;

use std::time::Instant;

use factlint::{DocumentFormat, Options, Session};

fn main() {
    let text = generate::articles(generate::Language::English, generate::SEED, 1 << 20);
    println!(
        "bytes {} blank-line paragraphs {}",
        text.len(),
        text.matches("\n\n").count()
    );
    let rules = factlint::rules::RuleSet::bundled();
    let started = Instant::now();
    let mut session = Session::new(
        text.clone(),
        DocumentFormat::Markdown,
        Options::default(),
        rules,
    );
    println!(
        "open {:?}, claims {}, findings {}",
        started.elapsed(),
        session.claims().len(),
        session.findings().len()
    );
    let middle = text.len() / 2;
    let middle = text[..middle].rfind('\n').unwrap() + 1;
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(5);
    for round in 0..rounds {
        let started = Instant::now();
        session.edit(
            middle..middle,
            &std::env::var("TYPE").unwrap_or_else(|_| "x".to_owned()),
            rules,
        );
        let edit = started.elapsed();
        let started = Instant::now();
        let findings = session.findings().len();
        if round < 5 {
            println!(
                "round {round}: edit {edit:?}, findings() {:?} ({findings})",
                started.elapsed()
            );
        }
        session.edit(middle..middle + 1, "", rules);
    }
}
