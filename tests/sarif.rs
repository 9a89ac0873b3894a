//! `factlint check --format sarif` against the official SARIF 2.1.0 schema (vendored in
//! `tests/sarif/`), and the details GitHub code scanning relies on: rules for every code,
//! relative forward-slash URIs, 1-based UTF-16 columns, no `helpUri`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the test writes the documents it checks"
)]

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json"),
    )
    .expect("the vendored schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("the vendored schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Runs `factlint check --format sarif ARGS` in `folder`; the exit code and the parsed log.
fn sarif(folder: &Path, args: &[&str]) -> (i32, Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "sarif", "--today", "2025-06-01"])
        .args(args)
        .current_dir(folder)
        .output()
        .expect("factlint runs");
    let log = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (output.status.code().unwrap_or(-1), log)
}

fn documents() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(folder.path().join("Berichte 2025")).unwrap();
    // An emoji (two UTF-16 code units, four UTF-8 bytes) and „“ before the broken number.
    std::fs::write(
        folder.path().join("Berichte 2025/märz.md"),
        "# März\n\n😀 „Kosten“ lagen bei 22, 4 % der Summe.\n",
    )
    .unwrap();
    std::fs::write(
        folder.path().join("gpus.txt"),
        "Das Rechenzentrum hat 2.000 Grafikkarten; im Vorjahr waren es 2000 Grafikkarten.\n",
    )
    .unwrap();
    folder
}

#[test]
fn the_output_is_valid_sarif_2_1_0() {
    let folder = documents();
    let (status, log) = sarif(folder.path(), &["."]);
    assert_eq!(status, 1);
    let validator = schema_validator();
    assert_eq!(errors(&validator, &log), Vec::<String>::new());
}

#[test]
fn an_unreadable_input_is_a_notification_and_still_valid() {
    let folder = documents();
    let (status, log) = sarif(folder.path(), &["gpus.txt", "missing.md"]);
    assert_eq!(status, 2);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["message"]["text"],
        "missing.md: no such file or directory"
    );
    assert_eq!(errors(&schema_validator(), &log), Vec::<String>::new());
}

#[test]
fn the_validator_rejects_a_broken_log() {
    // Guards the test above: a level SARIF does not know and a 0-based column must fail.
    let folder = documents();
    let (_, mut log) = sarif(folder.path(), &["."]);
    log["runs"][0]["results"][0]["level"] = json!("hint");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        json!(0);
    assert_eq!(errors(&schema_validator(), &log).len(), 2);
}

#[test]
fn every_code_is_a_rule_with_its_documentation_and_no_help_uri() {
    let folder = documents();
    let (_, log) = sarif(folder.path(), &["."]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver.get("informationUri").is_none());
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules
        .iter()
        .map(|rule| rule["id"].as_str().unwrap())
        .collect();
    let codes: Vec<&str> = factlint::checks::CODES
        .iter()
        .map(|code| code.code)
        .collect();
    assert_eq!(ids, codes);
    for (rule, code) in rules.iter().zip(factlint::checks::CODES) {
        assert_eq!(rule["name"], code.name);
        assert_eq!(rule["help"]["markdown"], code.documentation());
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert!(rule.get("helpUri").is_none());
    }
}

#[test]
fn results_point_at_the_span_in_utf16_columns_with_relative_uris() {
    let folder = documents();
    let (_, log) = sarif(folder.path(), &["."]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let malformed = results
        .iter()
        .find(|result| result["ruleId"] == "FL001")
        .expect("FL001 is reported");
    assert_eq!(malformed["level"], "warning");
    let location = &malformed["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "Berichte%202025/m%C3%A4rz.md"
    );
    // "😀 „Kosten“ lagen bei " is 2 + 1 + 1 + 6 + 1 + 11 = 22 UTF-16 code units.
    assert_eq!(
        location["region"],
        json!({ "startLine": 3, "startColumn": 23, "endLine": 3, "endColumn": 28 })
    );
    let fix = &malformed["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "22,4");

    let inconsistent = results
        .iter()
        .find(|result| result["ruleId"] == "FL002")
        .expect("FL002 is reported");
    assert_eq!(
        inconsistent["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "gpus.txt"
    );
    let related = &inconsistent["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["region"]["startColumn"], 23);
    assert_eq!(related["message"]["text"], "`2.000` is written here");
}

#[test]
fn hints_are_notes() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("umsatz.md"),
        "Der Konzern meldete am 3. März 2025 einen Umsatz von 1,2 Mrd. Euro.\n",
    )
    .unwrap();
    let (status, log) = sarif(folder.path(), &["umsatz.md"]);
    assert_eq!(status, 0);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let conversion = results
        .iter()
        .find(|result| result["ruleId"] == "FL140")
        .expect("the conversion hint is reported");
    assert_eq!(conversion["level"], "note");
}
