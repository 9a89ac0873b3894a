//! The fact checks on the real German news text in `../shared/fixtures/deepseek-r1-de.txt`:
//! each acceptance point, read from the public JSON of the findings (verdict, fact id, byte
//! span, and an explanation with inputs, formula and source).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::path::PathBuf;

use factlint::claims::Date;
use factlint::report::finding_value;
use factlint::text::LineIndex;
use factlint::{DocumentFormat, Options, analyze};
use serde_json::Value;

fn findings() -> (String, Vec<Value>) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/deepseek-r1-de.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "this test reads the shared fixture {}, which is missing ({error})",
            path.display()
        )
    });
    let options = Options {
        today: Some(Date {
            year: 2026,
            month: Some(11),
            day: Some(29),
        }),
        fact_max_age_days: Some(730),
        ..Options::default()
    };
    let analysis = analyze(&text, DocumentFormat::PlainText, &options);
    let index = LineIndex::new(&text);
    let values = analysis
        .findings
        .iter()
        .map(|finding| finding_value(finding, "deepseek-r1-de.txt", &text, &index))
        .collect();
    (text, values)
}

/// The findings of `code` whose span text is `text`.
fn at<'a>(values: &'a [Value], code: &str, text: &str) -> Vec<&'a Value> {
    values
        .iter()
        .filter(|value| value["code"] == code && value["text"] == text)
        .collect()
}

fn sources(value: &Value) -> Vec<String> {
    value["explanation"]["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|source| source["url"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_gpu_counts_agree_with_the_v3_report_as_rounded_figures() {
    let (text, values) = findings();
    for written in ["nur 2.000 H800", "lediglich 2000 H800-GPUs"] {
        let found = at(&values, "FL100", written);
        assert_eq!(found.len(), 1, "{written}: {values:#?}");
        let finding = found[0];
        assert_eq!(finding["verdict"], "agrees");
        assert_eq!(finding["fact"], "deepseek-v3.training-gpus");
        assert!(finding["message"].as_str().unwrap().contains("rounded"));
        assert_eq!(finding["explanation"]["reference"]["value"], 2048);
        assert!(
            sources(finding)
                .iter()
                .any(|url| url.contains("2412.19437")),
            "{finding:#}"
        );
        let (start, end) = (
            finding["start"].as_u64().unwrap() as usize,
            finding["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], written);
    }
}

#[test]
fn five_million_dollars_for_two_thousand_gpus_is_computed_per_gpu() {
    let (_, values) = findings();
    let finding = values
        .iter()
        .find(|value| value["rule"] == "cost-per-gpu")
        .unwrap_or_else(|| panic!("no cost-per-gpu finding: {values:#?}"));
    let explanation = &finding["explanation"];
    assert_eq!(explanation["result"]["value"], 2500);
    assert_eq!(explanation["result"]["unit"], "USD");
    let inputs: Vec<&str> = explanation["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| input["text"].as_str().unwrap())
        .collect();
    assert!(inputs.contains(&"5 Millionen Dollar"), "{inputs:?}");
    assert!(
        inputs.iter().any(|input| input.contains("2.000 H800")),
        "{inputs:?}"
    );
    assert!(
        explanation["formula"]
            .as_str()
            .unwrap()
            .contains("money / gpus")
    );
    let computation = explanation["computation"].as_str().unwrap();
    assert!(
        computation.contains("5,000,000 USD ÷ 2,000 H800 GPUs = 2,500 USD"),
        "{computation}"
    );
    // Against the purchase price and the hourly rental rate.
    assert_eq!(explanation["reference"]["fact"], "h100-sxm.purchase-price");
    assert!(computation.contains("1,250 GPU hours"), "{computation}");
    assert!(!sources(finding).is_empty());
}

#[test]
fn one_trillion_yuan_is_converted_at_a_dated_rate() {
    let (_, values) = findings();
    let found = at(&values, "FL140", "1 Billion Yuan");
    assert_eq!(found.len(), 1, "{values:#?}");
    let explanation = &found[0]["explanation"];
    let result = explanation["result"]["value"].as_f64().unwrap();
    assert!((1.3e11..1.5e11).contains(&result), "{result}");
    assert_eq!(explanation["result"]["unit"], "USD");
    assert!(
        found[0]["note"].as_str().unwrap().contains("2025-01"),
        "the rate of the article's time: {}",
        found[0]["note"]
    );
    assert!(!explanation["sources"].as_array().unwrap().is_empty());
}

#[test]
fn investments_over_years_are_derived_per_year() {
    let (_, values) = findings();
    let per_year: Vec<&Value> = values
        .iter()
        .filter(|value| value["rule"] == "per-year")
        .collect();
    let texts: Vec<&str> = per_year
        .iter()
        .map(|value| value["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"nicht weniger als 1 Billion Yuan"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"mindestens 500 Milliarden Dollar"),
        "{texts:?}"
    );
    // Each is computed in the currency the text states (the conversion is FL140's).
    for value in &per_year {
        let result = &value["explanation"]["result"];
        let amount = (
            result["value"].as_f64().unwrap(),
            result["unit"].as_str().unwrap(),
        );
        match value["text"].as_str().unwrap() {
            "mindestens 500 Milliarden Dollar" => assert_eq!(amount, (125e9, "USD")),
            _ => assert_eq!(amount, (200e9, "CNY")),
        }
    }
}

#[test]
fn three_percent_is_related_to_the_api_prices() {
    let (_, values) = findings();
    let found: Vec<&Value> = values
        .iter()
        .filter(|value| value["text"] == "nur 3 %" && value["verdict"].is_string())
        .collect();
    assert_eq!(found.len(), 1, "{values:#?}");
    assert!(found[0]["fact"].as_str().unwrap().contains("share-of-o1"));
    assert!(
        found[0]["explanation"]["formula"]
            .as_str()
            .unwrap()
            .contains("openai-o1")
    );
    assert!(sources(found[0]).len() >= 2, "both price sources are cited");
}

#[test]
fn the_thirteen_percent_drop_is_compared_with_that_day() {
    let (_, values) = findings();
    let found: Vec<&Value> = values
        .iter()
        .filter(|value| value["text"] == "13 %" && value["verdict"].is_string())
        .collect();
    assert_eq!(found.len(), 1, "{values:#?}");
    assert!(
        found[0]["fact"].as_str().unwrap().starts_with("nvidia."),
        "{:#}",
        found[0]
    );
    assert!(
        found[0]["explanation"]["reference"]["as_of"]
            .as_str()
            .unwrap()
            .starts_with("2025-01-27")
    );
}

#[test]
fn a_missing_space_after_a_figure_still_ends_the_sentence() {
    // "… 13 %.Im krassen Gegensatz dazu wird China 1 Billion Yuan …": the yuan are not about
    // NVIDIA's market value, which the sentence before names.
    let (_, values) = findings();
    let first_yuan: Vec<&Value> = values
        .iter()
        .filter(|value| value["text"] == "1 Billion Yuan" && value["verdict"].is_string())
        .collect();
    assert!(first_yuan.is_empty(), "{first_yuan:#?}");
}
