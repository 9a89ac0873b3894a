//! Data-driven fixture tests: every document under `tests/fixtures/` states, in comments
//! under its lines, the claims and findings factlint must report, at which span.
//!
//! An annotation line stands under the line it describes. Its carets mark the exact span (in
//! characters, at the same columns as the line above), followed by what is expected there:
//!
//! ```text
//! The cluster had about 2,000 GPUs.
//! <!--            ^^^^^^^^^^^^^^^^ claim count 2000 unit=gpu bound=approx -->
//! ```
//!
//! `claim KIND VALUE [key=value …]` expects a claim (keys: unit, bound, high, scale, subject,
//! period, only; `_` stands for a space in subject, period and scale); `FL001 [text]` expects a finding of
//! that code whose message or note contains the text. Annotations are exhaustive: every claim and
//! every finding in the document must be annotated. Annotation lines are blanked out before
//! analysis, so offsets stay those of the file. The claims are also pinned in an insta
//! snapshot per fixture (`cargo insta review` after a deliberate change).
//!
//! Documents under `fixtures/en/` and `fixtures/de/` test the number grammar and run without
//! reference facts; documents under `fixtures/checks/` run with the bundled rule packs plus
//! `fixtures/checks/rules.toml`, on a fixed date (2026-11-29). Hints (FL140–FL142) need no
//! annotation, but are checked where annotated.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::fmt::Write;
use std::path::Path;

use factlint::claims::ClaimValue;
use factlint::claims::Date;
use factlint::report::claim_value;
use factlint::rules::{RuleSet, RuleSetBuilder};
use factlint::text::LineIndex;
use factlint::{DocumentFormat, Options, Severity, analyze_with_rules};

#[derive(Debug)]
struct Expectation {
    line: usize,
    start: usize,
    end: usize,
    what: String,
}

/// Splits a fixture into the text to analyze (annotation lines blanked) and expectations.
fn parse_fixture(source: &str) -> (String, Vec<Expectation>) {
    let mut text = String::with_capacity(source.len());
    let mut expectations = Vec::new();
    let mut target: Option<(usize, &str)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let is_annotation =
            trimmed.starts_with("<!--") && trimmed.ends_with("-->") && trimmed.contains('^');
        if is_annotation {
            let (line_start, target_text) = target.expect("an annotation needs a line above it");
            let caret_column = content.chars().position(|c| c == '^').unwrap_or(0);
            let caret_count = content
                .chars()
                .skip(caret_column)
                .take_while(|&c| c == '^')
                .count();
            let to_byte = |column: usize| {
                target_text
                    .char_indices()
                    .nth(column)
                    .map_or(target_text.len(), |(at, _)| at)
            };
            let what: String = content.chars().skip(caret_column + caret_count).collect();
            let what = what.trim().trim_end_matches("-->").trim().to_owned();
            expectations.push(Expectation {
                line: source[..line_start].lines().count() + 1,
                start: line_start + to_byte(caret_column),
                end: line_start + to_byte(caret_column + caret_count),
                what,
            });
            // Blank the line but keep its byte length: every character becomes as many
            // spaces as it had bytes.
            for c in line.chars() {
                if c == '\n' || c == '\r' {
                    text.push(c);
                } else {
                    text.extend(std::iter::repeat_n(' ', c.len_utf8()));
                }
            }
        } else {
            target = Some((offset, content));
            text.push_str(line);
        }
        offset += line.len();
    }
    assert_eq!(text.len(), source.len(), "blanking must keep offsets");
    (text, expectations)
}

fn describe_claim(claim: &factlint::Claim, text: &str) -> String {
    let value = match claim.value {
        ClaimValue::Number(value) => format_number(value),
        ClaimValue::Date(date) => date.iso(),
    };
    let mut out = format!("claim {} {}", claim.kind.as_str(), value);
    if let Some(unit) = &claim.unit {
        write!(out, " unit={unit}").unwrap();
    }
    if claim.bound != factlint::Bound::Exact {
        write!(out, " bound={}", claim.bound.as_str()).unwrap();
    }
    if let Some(high) = claim.high {
        write!(out, " high={}", format_number(high)).unwrap();
    }
    let _ = text;
    out
}

/// A value of an annotation, `null` when absent.
fn or_null(value: Option<String>) -> String {
    value.unwrap_or_else(|| "null".into())
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e17 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Whether `claim` satisfies the expectation text `claim KIND VALUE key=value…`.
fn claim_matches(claim: &factlint::Claim, what: &str) -> Result<(), String> {
    let mut words = what.split_whitespace();
    words.next();
    let kind = words.next().ok_or("missing kind")?;
    if claim.kind.as_str() != kind {
        return Err(format!("kind is {}, expected {kind}", claim.kind.as_str()));
    }
    let value = words.next().ok_or("missing value")?;
    match claim.value {
        ClaimValue::Number(actual) => {
            let expected: f64 = value
                .parse()
                .map_err(|_| format!("bad expected value {value}"))?;
            if (actual - expected).abs() > 1e-9 * expected.abs().max(1.0) {
                return Err(format!(
                    "value is {}, expected {value}",
                    format_number(actual)
                ));
            }
        }
        ClaimValue::Date(date) => {
            if date.iso() != value {
                return Err(format!("date is {}, expected {value}", date.iso()));
            }
        }
    }
    for pair in words {
        let (key, expected) = pair
            .split_once('=')
            .ok_or(format!("expected key=value, found {pair}"))?;
        // `_` stands for a space in the free-text values only; bounds and units keep theirs.
        let expected = if matches!(key, "subject" | "period" | "scale" | "per") {
            expected.replace('_', " ")
        } else {
            expected.to_owned()
        };
        let actual = match key {
            "unit" => claim.unit.unwrap_or("null").to_owned(),
            "bound" => claim.bound.as_str().to_owned(),
            "high" => claim
                .high
                .map(format_number)
                .unwrap_or_else(|| "null".into()),
            "scale" => or_null(claim.scale.clone()),
            "subject" => or_null(claim.subject.as_ref().map(|subject| subject.text.clone())),
            "period" => or_null(claim.period.as_ref().map(|period| period.text.clone())),
            "per" => or_null(claim.per.as_ref().map(|per| per.text.clone())),
            "per_unit" => or_null(
                claim
                    .per
                    .as_ref()
                    .and_then(|per| per.unit)
                    .map(str::to_owned),
            ),
            "per_size" => or_null(claim.per.as_ref().map(|per| format_number(per.size))),
            "only" => claim.only.to_string(),
            "carried" => claim.unit_carried.to_string(),
            other => return Err(format!("unknown key {other}")),
        };
        if actual != expected {
            return Err(format!("{key} is {actual:?}, expected {expected:?}"));
        }
    }
    Ok(())
}

fn check_fixture(path: &Path) {
    let source = std::fs::read_to_string(path).unwrap();
    let (text, expectations) = parse_fixture(&source);
    let name = path.to_string_lossy().replace('\\', "/");
    let format = DocumentFormat::from_path(&name);
    let with_rules = name.contains("/checks/");
    let rules = if with_rules {
        check_rules()
    } else {
        RuleSet::default()
    };
    let options = Options {
        today: Some(Date {
            year: 2026,
            month: Some(11),
            day: Some(29),
        }),
        fact_max_age_days: Some(730),
        ..Options::default()
    };
    let analysis = analyze_with_rules(&text, format, &options, &rules);
    let index = LineIndex::new(&text);
    let line_of = |offset: usize| index.line_of(offset) as usize + 1;
    let mut errors = Vec::new();
    let mut claim_used = vec![false; analysis.claims.len()];
    let mut finding_used = vec![false; analysis.findings.len()];
    for expectation in &expectations {
        let spanned = &text[expectation.start..expectation.end];
        if expectation.what.starts_with("claim ") {
            let found = analysis.claims.iter().enumerate().find(|(_, claim)| {
                claim.span.start == expectation.start && claim.span.end == expectation.end
            });
            match found {
                Some((at, claim)) => {
                    claim_used[at] = true;
                    if let Err(why) = claim_matches(claim, &expectation.what) {
                        errors.push(format!("line {}: `{spanned}`: {why}", expectation.line));
                    }
                }
                None => {
                    let near: Vec<String> = analysis
                        .claims
                        .iter()
                        .filter(|claim| line_of(claim.span.start) == line_of(expectation.start))
                        .map(|claim| format!("`{}`", &text[claim.span.start..claim.span.end]))
                        .collect();
                    errors.push(format!(
                        "line {}: expected a claim at `{spanned}` ({}); on that line factlint found: {}",
                        expectation.line,
                        expectation.what,
                        if near.is_empty() { "nothing".to_owned() } else { near.join(", ") }
                    ));
                }
            }
        } else {
            let (code, message) = expectation
                .what
                .split_once([' ', ':'])
                .unwrap_or((&expectation.what, ""));
            let message = message.trim_start_matches(':').trim();
            let found = analysis.findings.iter().enumerate().find(|(_, finding)| {
                finding.code == code
                    && finding.span.start == expectation.start
                    && finding.span.end == expectation.end
            });
            match found {
                Some((at, finding)) => {
                    finding_used[at] = true;
                    if !finding.message.contains(message)
                        && !finding
                            .note
                            .as_deref()
                            .unwrap_or_default()
                            .contains(message)
                    {
                        errors.push(format!(
                            "line {}: {code} message {:?} (note {:?}) lacks {message:?}",
                            expectation.line, finding.message, finding.note
                        ));
                    }
                }
                None => errors.push(format!(
                    "line {}: expected {code} at `{spanned}`",
                    expectation.line
                )),
            }
        }
    }
    for (claim, used) in analysis.claims.iter().zip(&claim_used) {
        if !used {
            errors.push(format!(
                "line {}: unexpected claim `{}`: {}",
                line_of(claim.span.start),
                &text[claim.span.start..claim.span.end],
                describe_claim(claim, &text)
            ));
        }
    }
    for (finding, used) in analysis.findings.iter().zip(&finding_used) {
        if !used && finding.severity > Severity::Hint {
            errors.push(format!(
                "line {}: unexpected {} at `{}`: {}",
                line_of(finding.span.start),
                finding.code,
                &text[finding.span.start..finding.span.end],
                finding.message
            ));
        }
    }
    assert!(errors.is_empty(), "{name}:\n  {}", errors.join("\n  "));

    let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    let claims: Vec<_> = analysis
        .claims
        .iter()
        .map(|claim| claim_value(claim, &file_name, &text, &index))
        .collect();
    insta::assert_json_snapshot!(claims);
    if with_rules {
        // The check fixtures also pin every finding, hints and explanations included.
        let findings: Vec<_> = analysis
            .findings
            .iter()
            .map(|finding| factlint::report::finding_value(finding, &file_name, &text, &index))
            .collect();
        insta::assert_json_snapshot!("findings", findings);
    }
}

/// The bundled packs plus the fixtures' own rule file, which must load without problems.
fn check_rules() -> RuleSet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks/rules.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.add_file("tests/fixtures/checks/rules.toml", &text, false);
    let (rules, problems) = builder.build();
    assert!(problems.is_empty(), "{problems:#?}");
    rules
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/**/*.{md,txt}", |path| {
        check_fixture(path);
    });
}

#[test]
fn annotations_keep_offsets() {
    let source = "Kosten: 5 € für „Ä“.\n<!--    ^^^ claim money 5 unit=EUR -->\n";
    let (text, expectations) = parse_fixture(source);
    assert_eq!(text.len(), source.len());
    assert_eq!(&text[expectations[0].start..expectations[0].end], "5 €");
}
