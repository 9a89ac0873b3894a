//! The real German news text in `../shared/fixtures/deepseek-r1-de.txt`: factlint must read
//! exactly its 19 numeric claims, with their values, and flag the malformed `22, 4 %` and the
//! two spellings of 2000.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::path::PathBuf;

use factlint::claims::ClaimValue;
use factlint::{Bound, ClaimKind, DocumentFormat, Language, Options, analyze};

fn fixture() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/deepseek-r1-de.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "this test reads the shared fixture {}, which is missing ({error}); \
             check out the shared folder beside the repository",
            path.display()
        )
    })
}

/// (text of the span, kind, value, bound, unit)
type Expected = (&'static str, ClaimKind, f64, Bound, Option<&'static str>);

const EXPECTED: &[Expected] = &[
    (
        "etwa 10-fache",
        ClaimKind::Multiplier,
        10.0,
        Bound::Approx,
        None,
    ),
    (
        ">8 Experten",
        ClaimKind::Count,
        8.0,
        Bound::MoreThan,
        Some("expert"),
    ),
    ("etwa 1/50", ClaimKind::Fraction, 0.02, Bound::Approx, None),
    (
        "50.000 H100",
        ClaimKind::Count,
        50000.0,
        Bound::Exact,
        Some("H100"),
    ),
    (
        "30.000",
        ClaimKind::Count,
        30000.0,
        Bound::Exact,
        Some("H100"),
    ),
    (
        "10.000",
        ClaimKind::Count,
        10000.0,
        Bound::Exact,
        Some("H100"),
    ),
    (
        "2.000 H800",
        ClaimKind::Count,
        2000.0,
        Bound::Exact,
        Some("H800"),
    ),
    (
        "5 Millionen Dollar",
        ClaimKind::Money,
        5_000_000.0,
        Bound::Exact,
        Some("USD"),
    ),
    ("22, 4 %", ClaimKind::Percent, 22.4, Bound::Exact, None),
    (
        "2000 H800-GPUs",
        ClaimKind::Count,
        2000.0,
        Bound::Exact,
        Some("H800"),
    ),
    ("3 %", ClaimKind::Percent, 3.0, Bound::Exact, None),
    ("13 %", ClaimKind::Percent, 13.0, Bound::Exact, None),
    (
        "1 Billion Yuan",
        ClaimKind::Money,
        1e12,
        Bound::Exact,
        Some("CNY"),
    ),
    (
        "fünf Jahren",
        ClaimKind::Duration,
        5.0,
        Bound::Exact,
        Some("year"),
    ),
    (
        "nicht weniger als 1 Billion Yuan",
        ClaimKind::Money,
        1e12,
        Bound::AtLeast,
        Some("CNY"),
    ),
    (
        "vier Jahren",
        ClaimKind::Duration,
        4.0,
        Bound::Exact,
        Some("year"),
    ),
    (
        "mindestens 500 Milliarden Dollar",
        ClaimKind::Money,
        5e11,
        Bound::AtLeast,
        Some("USD"),
    ),
];

#[test]
fn reads_exactly_the_nineteen_claims() {
    let text = fixture();
    let analysis = analyze(&text, DocumentFormat::PlainText, &Options::default());
    assert_eq!(analysis.language, Some(Language::German));
    let dates: Vec<_> = analysis
        .claims
        .iter()
        .filter(|claim| claim.kind == ClaimKind::Date)
        .collect();
    assert_eq!(dates.len(), 2, "two dates");
    for date in &dates {
        assert_eq!(&text[date.span.start..date.span.end], "26. Januar 2025");
        match date.value {
            ClaimValue::Date(value) => assert_eq!(value.iso(), "2025-01-26"),
            ClaimValue::Number(_) => panic!("a date has a date value"),
        }
    }
    let others: Vec<_> = analysis
        .claims
        .iter()
        .filter(|claim| claim.kind != ClaimKind::Date)
        .collect();
    let found: Vec<&str> = others
        .iter()
        .map(|claim| &text[claim.span.start..claim.span.end])
        .collect();
    assert_eq!(others.len(), EXPECTED.len(), "claims found: {found:#?}");
    for (claim, (expected_text, kind, value, bound, unit)) in others.iter().zip(EXPECTED) {
        let written = &text[claim.span.start..claim.span.end];
        // A claim's span may include "nur"/"lediglich", which are kept as `only`.
        let core = written
            .trim_start_matches("nur ")
            .trim_start_matches("lediglich ");
        assert_eq!(core, *expected_text, "claims found: {found:#?}");
        assert_eq!(claim.kind, *kind, "{written}");
        let actual = claim.value.number().expect("a number");
        assert!(
            (actual - value).abs() <= 1e-9 * value.abs(),
            "{written}: {actual} != {value}"
        );
        assert_eq!(claim.bound, *bound, "{written}");
        assert_eq!(claim.unit, *unit, "{written}");
    }
}

#[test]
fn the_period_of_the_investments_is_read() {
    let text = fixture();
    let analysis = analyze(&text, DocumentFormat::PlainText, &Options::default());
    let period_of = |needle: &str| {
        let claim = analysis
            .claims
            .iter()
            .find(|claim| &text[claim.span.start..claim.span.end] == needle)
            .unwrap_or_else(|| panic!("no claim `{needle}`"));
        claim
            .period
            .as_ref()
            .map(|period| (period.value, period.unit))
    };
    assert_eq!(
        period_of("nicht weniger als 1 Billion Yuan"),
        Some((Some(5.0), Some("year")))
    );
    assert_eq!(
        period_of("mindestens 500 Milliarden Dollar"),
        Some((Some(4.0), Some("year")))
    );
}

#[test]
fn flags_the_malformed_number_and_the_two_spellings_of_2000() {
    let text = fixture();
    let analysis = analyze(&text, DocumentFormat::PlainText, &Options::default());
    let flagged: Vec<(&str, &str)> = analysis
        .findings
        .iter()
        .map(|finding| (finding.code, &text[finding.span.start..finding.span.end]))
        .collect();
    assert!(flagged.contains(&("FL001", "22, 4")), "{flagged:?}");
    assert!(flagged.contains(&("FL002", "2000")), "{flagged:?}");
    let malformed = analysis
        .findings
        .iter()
        .find(|finding| finding.code == "FL001")
        .unwrap();
    assert!(
        malformed
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("22,4")
    );
    let fix = malformed.fix.as_ref().expect("a fix");
    assert_eq!(fix.replacement, "22,4");
}

#[test]
fn names_links_and_handles_are_not_claims() {
    let text = fixture();
    let analysis = analyze(&text, DocumentFormat::PlainText, &Options::default());
    for claim in &analysis.claims {
        let written = &text[claim.span.start..claim.span.end];
        for name in ["R1", "o1", "t.co", "pmarca", "ArmenAgha", "TeZexTHyby"] {
            assert!(!written.contains(name), "`{written}` is not a claim");
        }
    }
}
