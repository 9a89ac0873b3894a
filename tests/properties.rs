//! Property tests: numbers formatted in a language's convention read back to the same value,
//! in isolation and inside a sentence, and no input of any shape makes the core panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
use factlint::number::{format_number, parse_literal};
use factlint::{DocumentFormat, Language, Options, analyze};
use proptest::prelude::*;

fn language() -> impl Strategy<Value = Language> {
    prop_oneof![Just(Language::English), Just(Language::German)]
}

/// An integer part and up to three decimals, as digit strings.
fn digits() -> impl Strategy<Value = (u64, String)> {
    (0u64..1_000_000_000_000, proptest::option::of("[0-9]{1,3}"))
        .prop_map(|(integer, fraction)| (integer, fraction.unwrap_or_default()))
}

fn expected_value(integer: u64, fraction: &str) -> f64 {
    if fraction.is_empty() {
        integer as f64
    } else {
        format!("{integer}.{fraction}").parse().unwrap()
    }
}

proptest! {
    #[test]
    fn formatted_numbers_parse_back((integer, fraction) in digits(), language in language()) {
        let written = format_number(&integer.to_string(), &fraction, language);
        let literal = parse_literal(&written, Some(language)).unwrap();
        prop_assert_eq!(literal.value, expected_value(integer, &fraction), "{}", written);
        prop_assert!(!literal.foreign_style, "{} read as foreign style", written);
    }

    #[test]
    fn numbers_in_sentences_are_read_with_their_currency((integer, fraction) in digits(), language in language()) {
        let written = format_number(&integer.to_string(), &fraction, language);
        let text = match language {
            Language::English => format!("The company said the project cost {written} dollars in total.\n"),
            Language::German => format!("Das Unternehmen sagte, das Projekt habe {written} Dollar gekostet.\n"),
        };
        let analysis = analyze(&text, DocumentFormat::PlainText, &Options { language: Some(language), ..Options::default() });
        prop_assert_eq!(analysis.claims.len(), 1, "{}", text);
        let claim = &analysis.claims[0];
        prop_assert_eq!(&text[claim.span.start..claim.span.end], format!("{written} {}", if language == Language::English { "dollars" } else { "Dollar" }));
        prop_assert_eq!(claim.unit, Some("USD"));
        prop_assert_eq!(claim.value.number(), Some(expected_value(integer, &fraction)));
    }

    #[test]
    fn thin_space_grouping_parses_back(integer in 1_000u64..1_000_000_000_000, language in language()) {
        let digits = integer.to_string();
        let mut written = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                written.push('\u{2009}');
            }
            written.push(digit);
        }
        prop_assert_eq!(parse_literal(&written, Some(language)).unwrap().value, integer as f64);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}", markdown in any::<bool>()) {
        let format = if markdown { DocumentFormat::Markdown } else { DocumentFormat::PlainText };
        let analysis = analyze(&text, format, &Options::default());
        for claim in &analysis.claims {
            prop_assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
            prop_assert!(claim.span.start < claim.span.end && claim.span.end <= text.len());
        }
        for finding in &analysis.findings {
            prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
        }
    }

    #[test]
    fn number_dense_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        "[0-9]{1,7}", Just(".".to_owned()), Just(",".to_owned()), Just(" ".to_owned()), Just("%".to_owned()),
        Just("Mio.".to_owned()), Just("billion".to_owned()), Just("$".to_owned()), Just("€".to_owned()),
        Just("-".to_owned()), Just("/".to_owned()), Just("bis".to_owned()), Just("between".to_owned()),
        Just("and".to_owned()), Just("26. Januar".to_owned()), Just("H100".to_owned()), Just("\n".to_owned()),
        Just("`".to_owned()), Just("**".to_owned()), Just("mindestens".to_owned()), Just("½".to_owned()),
    ], 0..60), markdown in any::<bool>(), language in proptest::option::of(language())) {
        let text: String = parts.concat();
        let format = if markdown { DocumentFormat::Markdown } else { DocumentFormat::PlainText };
        let analysis = analyze(&text, format, &Options { language, ..Options::default() });
        for claim in &analysis.claims {
            prop_assert!(claim.span.end <= text.len() && text.is_char_boundary(claim.span.start));
        }
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zäö ]{0,12}",
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("```\n".to_owned()),
        Just("<!-- ".to_owned()),
        Just(" -->".to_owned()),
        Just("---\nlang: de\n---\n".to_owned()),
        Just("2.000 H800 ".to_owned()),
        Just("2000 GPUs ".to_owned()),
        Just("5 Millionen Dollar ".to_owned()),
        Just("about $5.6 million ".to_owned()),
        Just("1 Billion Yuan ".to_owned()),
        Just("in den nächsten fünf Jahren ".to_owned()),
        Just("22, 4 % ".to_owned()),
        Just("from 10 % to 15 %, up 5 % ".to_owned()),
        Just("DeepSeek trained ".to_owned()),
        Just("26. Januar 2025 ".to_owned()),
        Just("# Heading 3\n".to_owned()),
        Just("- item 1/50\n".to_owned()),
        Just("| 80 GB | 3 % |\n".to_owned()),
        // A list item's later paragraphs and lists, indented after blank lines.
        Just("- ".to_owned()),
        Just("    ".to_owned()),
        Just("\n\n    5 % of users\n".to_owned()),
        Just("\n\n  1. costs $3 million\n".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of edits leaves a session with exactly what a fresh read of the final text
    /// gives: the claims and the findings, offsets included.
    #[test]
    fn incremental_edits_equal_a_fresh_read(
        base in proptest::collection::vec(fragment(), 0..12),
        edits in proptest::collection::vec((0.0f64..=1.0, 0usize..20, fragment()), 1..12),
        markdown in any::<bool>(),
    ) {
        let rules = factlint::rules::RuleSet::bundled();
        let format = if markdown { DocumentFormat::Markdown } else { DocumentFormat::PlainText };
        let options = Options::default();
        let mut session = factlint::Session::new(base.concat(), format, options.clone(), rules);
        for (position, remove, insert) in edits {
            let text = session.text();
            let mut start = (position * text.len() as f64) as usize;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + remove).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            session.edit(start..end, &insert, rules);
        }
        let fresh = factlint::analyze_with_rules(session.text(), format, &options, rules);
        let incremental = session.analysis();
        prop_assert_eq!(&incremental.claims, &fresh.claims, "text: {:?}", session.text());
        prop_assert_eq!(&incremental.findings, &fresh.findings, "text: {:?}", session.text());
    }
}
