//! `check_in_chunks`, which `factlint check` runs, reports exactly what a `Session` over the
//! same text reports: the same findings, in the same order, with the same content; and
//! `claims_in_chunks`, which `factlint claims` runs, reads the same claims. It reads
//! one chunk at a time, so this holds only if the document-scoped checks' digests, the date
//! currency rates are taken at and the look-ahead for the document's own decimal style are
//! right.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::path::{Path, PathBuf};

use factlint::claims::Date;
use factlint::rules::{RuleSet, RuleSetBuilder};
use factlint::{DocumentFormat, Finding, Options, Session, check_in_chunks, claims_in_chunks};
use proptest::prelude::*;

fn today() -> Option<Date> {
    Some(Date {
        year: 2026,
        month: Some(11),
        day: Some(29),
    })
}

fn options(skip_hints: bool) -> Options {
    Options {
        today: today(),
        fact_max_age_days: Some(730),
        skip_hints,
        ..Options::default()
    }
}

fn session_findings(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    rules: &RuleSet,
) -> Vec<Finding> {
    let session = Session::new(text.to_owned(), format, options.clone(), rules);
    session.findings().into_iter().cloned().collect()
}

fn chunked_findings(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    rules: &RuleSet,
) -> Vec<Finding> {
    let mut found = Vec::new();
    let outline = check_in_chunks(text, format, options, rules, &mut |finding| {
        found.push(finding);
        std::ops::ControlFlow::Continue(())
    });
    let session = Session::new(text.to_owned(), format, options.clone(), rules);
    assert_eq!(outline.claims, session.claims().len(), "claim count");
    assert_eq!(outline.language, session.language(), "language");
    found
}

/// Asserts that both readings agree, for hints shown and skipped; returns the findings with
/// hints.
fn assert_same(name: &str, text: &str, format: DocumentFormat, rules: &RuleSet) -> Vec<Finding> {
    assert_same_with(name, text, format, rules, false)
}

/// `assert_same`, with suppression comments required to give a reason or not.
fn assert_same_with(
    name: &str,
    text: &str,
    format: DocumentFormat,
    rules: &RuleSet,
    require_suppression_reason: bool,
) -> Vec<Finding> {
    let mut with_hints = Vec::new();
    for skip_hints in [false, true] {
        let options = Options {
            require_suppression_reason,
            ..options(skip_hints)
        };
        let expected = session_findings(text, format, &options, rules);
        let found = chunked_findings(text, format, &options, rules);
        // Compared as written out: an explanation may hold NaN ("cannot be compared"), which
        // is not equal to itself.
        let same = |a: &Finding, b: &Finding| format!("{a:?}") == format!("{b:?}");
        if found.len() != expected.len() || !found.iter().zip(&expected).all(|(a, b)| same(a, b)) {
            let first = found
                .iter()
                .zip(&expected)
                .position(|(a, b)| !same(a, b))
                .unwrap_or(found.len().min(expected.len()));
            panic!(
                "{name} (skip_hints {skip_hints}): {} findings in chunks, {} in a session; first difference at {first}:\nin chunks: {:#?}\nsession: {:#?}",
                found.len(),
                expected.len(),
                found.get(first),
                expected.get(first)
            );
        }
        if !skip_hints {
            with_hints = found;
        }
    }
    assert_same_claims(name, text, format);
    with_hints
}

/// Asserts that `claims_in_chunks` reads the claims of a session, in order.
fn assert_same_claims(name: &str, text: &str, format: DocumentFormat) {
    let options = options(false);
    let mut claims = Vec::new();
    let outline = claims_in_chunks(text, format, &options, &mut |claim| {
        claims.push(claim);
        std::ops::ControlFlow::Continue(())
    });
    let session = Session::new(text.to_owned(), format, options, RuleSet::bundled());
    assert_eq!(outline.claims, claims.len(), "{name}");
    assert_eq!(claims.len(), session.claims().len(), "{name}: claim count");
    for (read, expected) in claims.iter().zip(session.claims()) {
        assert_eq!(format!("{read:?}"), format!("{expected:?}"), "{name}");
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_rules() -> RuleSet {
    let text = std::fs::read_to_string(root().join("tests/fixtures/checks/rules.toml")).unwrap();
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.add_file("tests/fixtures/checks/rules.toml", &text, false);
    builder.build().0
}

fn documents_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(documents_under(&path));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "md" || extension == "txt")
        {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_fixture_and_example_gets_the_findings_of_a_session() {
    let rules = fixture_rules();
    let mut documents = documents_under(&root().join("tests/fixtures"));
    documents.extend(documents_under(&root().join("examples")));
    assert!(documents.len() > 20, "{documents:?}");
    for path in &documents {
        let text = std::fs::read_to_string(path).unwrap();
        let format = DocumentFormat::from_path(&path.to_string_lossy());
        assert_same(&path.to_string_lossy(), &text, format, &rules);
        assert_same(&path.to_string_lossy(), &text, format, RuleSet::bundled());
    }
    // All of them as one document: figures repeated far apart, both languages' decimals.
    let joined: String = documents
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap() + "\n\n")
        .collect();
    let findings = assert_same("all fixtures", &joined, DocumentFormat::Markdown, &rules);
    assert!(
        findings.iter().any(|finding| finding.code == "FL110"),
        "the joined fixtures state figures twice"
    );
}

/// `Options::skip_plain_explanations` leaves out only the explanations that hold neither a
/// computation nor a source (what the human output would not show); the findings, their
/// order and every other explanation stay as they are.
#[test]
fn plain_explanations_are_skipped_and_nothing_else() {
    let rules = fixture_rules();
    let mut documents = documents_under(&root().join("tests/fixtures"));
    documents.extend(documents_under(&root().join("examples")));
    let (mut skipped, mut kept) = (0, 0);
    for path in &documents {
        let text = std::fs::read_to_string(path).unwrap();
        let format = DocumentFormat::from_path(&path.to_string_lossy());
        let skipping = Options {
            skip_plain_explanations: true,
            ..options(false)
        };
        let full = chunked_findings(&text, format, &options(false), &rules);
        let lean = chunked_findings(&text, format, &skipping, &rules);
        assert_eq!(full.len(), lean.len(), "{}", path.display());
        for (mut with, without) in full.into_iter().zip(lean) {
            let explanation = with.explanation.take().expect("every finding is explained");
            match &without.explanation {
                Some(kept_explanation) => {
                    assert_eq!(format!("{kept_explanation:?}"), format!("{explanation:?}"));
                    kept += 1;
                }
                None => {
                    assert!(
                        explanation.computation.is_none() && explanation.sources.is_empty(),
                        "{}: {explanation:?} was left out",
                        path.display()
                    );
                    skipped += 1;
                }
            }
            let without = Finding {
                explanation: None,
                ..without
            };
            assert_eq!(format!("{with:?}"), format!("{without:?}"));
        }
    }
    assert!(skipped > 10 && kept > 10, "skipped {skipped}, kept {kept}");
}

#[test]
fn the_german_news_text_gets_the_findings_of_a_session() {
    let path = root().join("../shared/fixtures/deepseek-r1-de.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "the shared fixture {} is needed for this test: {error}",
            path.display()
        )
    });
    let findings = assert_same(
        "deepseek-r1-de.txt",
        &text,
        DocumentFormat::PlainText,
        RuleSet::bundled(),
    );
    assert!(findings.iter().any(|finding| finding.code == "FL002"));
}

/// The note of the first currency conversion hint, which names the rate used.
fn conversion_note(findings: &[Finding]) -> &str {
    findings
        .iter()
        .find(|finding| finding.code == "FL140")
        .expect("a conversion hint")
        .note
        .as_deref()
        .unwrap_or_default()
}

#[test]
fn rates_are_taken_at_a_date_the_text_gives_after_the_amount() {
    // The amount comes first; the date that selects the rate comes chunks later.
    let text = "The fund spent €5 million on chips.\n\nNothing else happened.\n\n\
                Published on 27 January 2025.\n";
    let findings = assert_same(
        "rate date",
        text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    let note = conversion_note(&findings);
    assert!(
        note.contains("1.053") && note.contains("2025-01-27"),
        "{note}"
    );
}

#[test]
fn a_decimal_in_the_other_style_is_compared_with_the_first_one_in_the_own_style_further_on() {
    let text = "Der Anteil liegt bei 22.4 Prozent.\n\nDann folgt ein Absatz.\n\n\
                Später waren es 13,5 Prozent.\n";
    let findings = assert_same(
        "decimal look-ahead",
        text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    let mixed = findings
        .iter()
        .find(|finding| finding.code == "FL002")
        .expect("a mixed decimal mark finding");
    assert_eq!(mixed.related.len(), 1, "{mixed:#?}");
    assert_eq!(
        &text[mixed.related[0].span.start..mixed.related[0].span.end],
        "13,5"
    );
}

#[test]
fn an_unknown_front_matter_language_comes_first_and_may_be_suppressed() {
    let text = "---\nlang: fr\n---\n\nEs sind 2.000 GPUs.\n\nMit 2000 GPUs trainiert.\n";
    let findings = assert_same(
        "front matter",
        text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    assert_eq!(findings[0].code, "FL902");
    assert_eq!(&text[findings[0].span.start..findings[0].span.end], "fr");
    assert!(findings.iter().any(|finding| finding.code == "FL002"));
    let suppressed = text.replace("lang: fr\n", "lang: fr\nfactlint: {disable: [FL902]}\n");
    let findings = assert_same(
        "suppressed",
        &suppressed,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    assert!(findings.iter().all(|finding| finding.code != "FL902"));
    // Plain text has no front matter.
    let findings = assert_same("plain", text, DocumentFormat::PlainText, RuleSet::bundled());
    assert!(findings.iter().all(|finding| finding.code != "FL902"));
    // TOML front matter (Hugo, Zola) the same.
    let toml = text.replace("---\nlang: fr\n---", "+++\nlang = \"fr\"\n+++");
    let findings = assert_same("toml", &toml, DocumentFormat::Markdown, RuleSet::bundled());
    assert_eq!(findings[0].code, "FL902");
    assert_eq!(
        &toml[findings[0].span.start..findings[0].span.end],
        "\"fr\""
    );
}

#[test]
fn suppression_comments_are_honoured() {
    let text = "Es sind 2.000 GPUs.\n\n<!-- factlint-disable-next-line FL002 -->\nMit 2000 GPUs trainiert.\n\n\
                <!-- factlint-disable-next-line FL001 -->\nNichts hier.\n";
    let findings = assert_same(
        "suppressions",
        text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    assert!(findings.iter().all(|finding| finding.code != "FL002"));
    assert!(findings.iter().any(|finding| finding.code == "FL900"));
}

/// A paragraph far longer than a piece (64 KiB): read and checked a piece at a time, as a
/// session checks it. The date that selects the rates and the first decimal in the German
/// style come pieces after the figures that need them.
#[test]
fn a_paragraph_longer_than_a_piece_is_checked_as_a_session_checks_it() {
    let mut text =
        String::from("Die Firma zahlte 5 Millionen Euro. Der Anteil lag bei 22.4 Prozent. ");
    for at in 0..6_000 {
        text.push_str(&format!(
            "Im Werk {at} arbeiten {} Leute. ",
            1_000 + at % 50
        ));
    }
    text.push_str("Der Anteil lag bei 13,5 Prozent. Stand: 27. Januar 2025. Die Firma beschäftigt 2000 Leute.");
    for at in 0..3_000 {
        text.push_str(&format!(
            "Im Werk {at} arbeiten {} Leute. ",
            2_000 + at % 70
        ));
    }
    text.push('\n');
    assert!(text.len() > 3 * 64 * 1024);
    let findings = assert_same(
        "long paragraph",
        &text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    let note = conversion_note(&findings);
    assert!(
        note.contains("2025-01-27"),
        "the rate of the date pieces later: {note}"
    );
    let mixed = findings
        .iter()
        .find(|finding| finding.code == "FL002" && finding.message.contains("22.4"))
        .expect("the decimal in the other style");
    assert_eq!(
        mixed
            .related
            .first()
            .map(|related| &text[related.span.start..related.span.end]),
        Some("13,5")
    );
    assert!(findings.iter().any(|finding| finding.code == "FL110"));
}

/// A line of figures far longer than a chunk is read in chunks cut where no figure is parted
/// from its words; a sentence cut there is one sentence still, so a cut never makes two
/// figures of one sentence contradict each other.
#[test]
fn a_wall_of_figures_is_cut_without_parting_figures() {
    // On one line, and over many lines of one paragraph.
    for (name, text) in [
        (
            "wall of figures",
            "12 % mehr, 3,5 Mio. € Umsatz und $88.8 billion ",
        ),
        (
            "wall of figures over lines",
            "12 % mehr, 3,5 Mio. € Umsatz\nund $88.8 billion ",
        ),
    ] {
        let text = text.repeat(6_000) + "\n";
        let session = Session::new(
            text.clone(),
            DocumentFormat::Markdown,
            Options::default(),
            RuleSet::bundled(),
        );
        assert_eq!(session.claims().len(), 18_000, "{name}");
        for claim in session.claims() {
            let written = &text[claim.span.start..claim.span.end];
            assert!(
                ["12 %", "3,5 Mio. €", "$88.8 billion"].contains(&written),
                "{name}: {written}"
            );
        }
        assert_same(name, &text, DocumentFormat::Markdown, RuleSet::bundled());
    }

    let words =
        "eins zwei drei hundert tausend Millionen Milliarden fünfundzwanzig und einhalb Dutzend ";
    // The first cut falls after `drei`, before `hundert tausend`.
    let text = "Umsatz ".repeat(7) + &words.repeat(2_500) + "\n";
    let findings = assert_same(
        "wall of number words",
        &text,
        DocumentFormat::Markdown,
        RuleSet::bundled(),
    );
    assert!(
        findings.iter().all(|finding| finding.code != "FL110"),
        "{:?}",
        findings.first()
    );
}

/// A paragraph of figures: amounts, shares, counts about a few subjects, dates, decimals in
/// both styles, in English or German.
fn sentence() -> impl Strategy<Value = String> {
    let figure = 1u32..3000;
    prop_oneof![
        (figure.clone(), 0u32..10)
            .prop_map(|(n, d)| format!("The company employed {n}.{d} thousand people.")),
        figure
            .clone()
            .prop_map(|n| format!("The project cost €{n} million.")),
        figure
            .clone()
            .prop_map(|n| format!("The project cost ${n} million.")),
        figure
            .clone()
            .prop_map(|n| format!("Training used {n} H800 GPUs.")),
        figure.clone().prop_map(|n| format!(
            "Training used {},{:03} H800 GPUs.",
            n / 10 + 1,
            n % 1000
        )),
        figure.clone().prop_map(|n| format!(
            "Training used {}{:03} H800 GPUs.",
            n / 10 + 1,
            n % 1000
        )),
        (1u32..28, 1u32..13, 2020u32..2027)
            .prop_map(|(d, m, y)| format!("On {y}-{m:02}-{d:02} the report came out.")),
        (1u32..28, 2020u32..2027).prop_map(|(d, y)| format!("Published on {d} January {y}.")),
        (0u32..100, 0u32..10).prop_map(|(a, b)| format!("The share rose to {a}.{b} percent.")),
        (0u32..100, 0u32..10).prop_map(|(a, b)| format!("Der Anteil stieg auf {a},{b} Prozent.")),
        figure
            .clone()
            .prop_map(|n| format!("Die Kosten lagen bei {n} Millionen Euro.")),
        figure.prop_map(|n| format!("Es wurden {}.{:03} H100 gekauft.", n / 10 + 1, n % 1000)),
        Just("Officials declined to comment.".to_owned()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::collection::vec(sentence(), 1..4), prop::bool::ANY),
        1..12,
    )
    .prop_map(|paragraphs| {
        let mut text = String::new();
        for (sentences, blank_line) in paragraphs {
            text.push_str(&sentences.join(" "));
            text.push_str(if blank_line { "\n\n" } else { "\n" });
        }
        text
    })
}

/// A suppression comment of any kind, for any code or none, with a reason or without.
fn directive(markdown: bool) -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        Just("disable-next-line"),
        Just("disable"),
        Just("enable"),
        Just("disable-file"),
    ];
    let codes = prop_oneof![
        Just(""),
        Just(" FL002"),
        Just(" FL110"),
        Just(" FL140 FL141"),
        Just(" inconsistent-figures"),
        Just(" FL001"),
    ];
    let reason = prop_oneof![Just(""), Just(" -- source: report")];
    (kind, codes, reason).prop_map(move |(kind, codes, reason)| {
        if markdown {
            format!("<!-- factlint-{kind}{codes}{reason} -->")
        } else {
            format!("factlint-{kind}{codes}{reason}")
        }
    })
}

/// Paragraphs of figures with suppression comments on lines of their own between them.
fn document_with_directives(markdown: bool) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(sentence(), 1..4),
            prop::option::of(directive(markdown)),
            prop::bool::ANY,
        ),
        1..10,
    )
    .prop_map(|paragraphs| {
        let mut text = String::new();
        for (sentences, directive, blank_line) in paragraphs {
            if let Some(directive) = directive {
                text.push_str(&directive);
                text.push('\n');
            }
            text.push_str(&sentences.join(" "));
            text.push_str(if blank_line { "\n\n" } else { "\n" });
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn suppression_comments_anywhere_give_what_a_session_gives(
        markdown in any::<bool>(),
        text in document_with_directives(true),
        plain in document_with_directives(false),
        require_reason in any::<bool>(),
    ) {
        let (text, format) = if markdown {
            (text, DocumentFormat::Markdown)
        } else {
            (plain, DocumentFormat::PlainText)
        };
        assert_same_with("directives", &text, format, RuleSet::bundled(), require_reason);
    }

    #[test]
    fn arbitrary_text_gets_the_findings_of_a_session(text in "\\PC{0,300}", markdown in any::<bool>()) {
        let format = if markdown { DocumentFormat::Markdown } else { DocumentFormat::PlainText };
        assert_same("arbitrary", &text, format, RuleSet::bundled());
    }

    #[test]
    fn any_document_gets_the_findings_of_a_session(text in document()) {
        assert_same("generated", &text, DocumentFormat::Markdown, RuleSet::bundled());
        assert_same("generated, plain", &text, DocumentFormat::PlainText, RuleSet::bundled());
    }
}
