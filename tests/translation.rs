//! The translation check on the fixture pairs in `tests/translation/`: which drift, which claim.
//!
//! Each folder is one case: `original.<lang>.md`, `translation.<lang>.md` and `expected.txt`,
//! whose lines are `kind | claim in the original | claim in the translation | words` with `-`
//! for no claim. `kind` is a drift kind or `pair` (the two claims must be paired). The drifts
//! listed must be exactly the drifts found, each at the claims named by their text, and each
//! message must contain the words (separated by ` ; `). Adding a case means adding a folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::path::{Path, PathBuf};

use factlint::translation::{Comparison, DriftKind, compare};
use factlint::{Analysis, DocumentFormat, Language, Options, analyze};

struct Document {
    text: String,
    analysis: Analysis,
}

impl Document {
    /// The claim's text with runs of white space collapsed, as `expected.txt` writes it.
    fn claim_text(&self, index: usize) -> String {
        let span = self.analysis.claims[index].span;
        self.text[span.start..span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn find(&self, text: &str) -> Option<usize> {
        (0..self.analysis.claims.len()).find(|&index| self.claim_text(index) == text)
    }
}

/// Reads `<folder>/<stem>.<lang>.md` and analyses it in the language its name says.
fn document(folder: &Path, stem: &str) -> Document {
    let entry = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(&format!("{stem}.")) && name.ends_with(".md"))
        })
        .unwrap_or_else(|| panic!("{} has no {stem}.<lang>.md", folder.display()));
    let name = entry
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    let language = Language::parse(name.split('.').nth(1).unwrap_or_default());
    let text = std::fs::read_to_string(&entry)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", entry.display()));
    let options = Options {
        language,
        ..Options::default()
    };
    let analysis = analyze(&text, DocumentFormat::Markdown, &options);
    Document { text, analysis }
}

fn kind_of(name: &str) -> Option<DriftKind> {
    Some(match name {
        "missing" => DriftKind::Missing,
        "added" => DriftKind::Added,
        "value" => DriftKind::Value,
        "scale" => DriftKind::Scale,
        "bound" => DriftKind::Bound,
        "unit" => DriftKind::Unit,
        "kind" => DriftKind::Kind,
        _ => return None,
    })
}

/// Everything the comparison found, as readable lines for failure messages.
fn describe(comparison: &Comparison, original: &Document, translation: &Document) -> String {
    let text = |document: &Document, index: Option<usize>| {
        index.map_or_else(|| "-".to_owned(), |index| document.claim_text(index))
    };
    let mut lines = Vec::new();
    for pair in &comparison.pairs {
        lines.push(format!(
            "pair | {} | {}",
            original.claim_text(pair.original),
            translation.claim_text(pair.translation)
        ));
    }
    for drift in &comparison.drifts {
        lines.push(format!(
            "{} | {} | {} | {}",
            drift.kind.as_str(),
            text(original, drift.original),
            text(translation, drift.translation),
            drift.message
        ));
    }
    lines.join("\n")
}

fn check_case(folder: &Path) -> Vec<String> {
    let original = document(folder, "original");
    let translation = document(folder, "translation");
    let comparison = compare(
        &original.text,
        &original.analysis,
        &translation.text,
        &translation.analysis,
    );
    let expected_path = folder.join("expected.txt");
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", expected_path.display()));
    let case = folder
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut problems = Vec::new();
    let mut expected_drifts = 0;
    for line in expected.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert!(
            fields.len() >= 3,
            "{case}: bad line in expected.txt: {line}"
        );
        let locate = |document: &Document, text: &str| -> Result<Option<usize>, String> {
            if text == "-" {
                return Ok(None);
            }
            document.find(text).map(Some).ok_or_else(|| {
                let known: Vec<String> = (0..document.analysis.claims.len())
                    .map(|index| format!("`{}`", document.claim_text(index)))
                    .collect();
                format!(
                    "{case}: no claim `{text}` (expected.txt: {line}); the claims are {}",
                    known.join(", ")
                )
            })
        };
        let (left, right) = match (
            locate(&original, fields[1]),
            locate(&translation, fields[2]),
        ) {
            (Ok(left), Ok(right)) => (left, right),
            (left, right) => {
                problems.extend(left.err());
                problems.extend(right.err());
                continue;
            }
        };
        if fields[0] == "pair" {
            let paired = comparison
                .pairs
                .iter()
                .any(|pair| Some(pair.original) == left && Some(pair.translation) == right);
            if !paired {
                problems.push(format!("{case}: not paired: {line}"));
            }
            continue;
        }
        let kind = kind_of(fields[0])
            .unwrap_or_else(|| panic!("{case}: unknown drift kind `{}`", fields[0]));
        expected_drifts += 1;
        let Some(drift) = comparison.drifts.iter().find(|drift| {
            drift.kind == kind && drift.original == left && drift.translation == right
        }) else {
            problems.push(format!("{case}: drift not found: {line}"));
            continue;
        };
        let words = fields.get(3).copied().unwrap_or_default();
        for word in words
            .split(" ; ")
            .map(str::trim)
            .filter(|word| !word.is_empty())
        {
            if !drift.message.contains(word) {
                problems.push(format!(
                    "{case}: the message of `{line}` lacks `{word}`: {}",
                    drift.message
                ));
            }
        }
    }
    if comparison.drifts.len() != expected_drifts {
        problems.push(format!(
            "{case}: {} drifts found, {expected_drifts} expected",
            comparison.drifts.len()
        ));
    }
    if expected_drifts == 0 && !comparison.agrees() {
        problems.push(format!("{case}: a faithful translation does not agree"));
    }
    if !problems.is_empty() {
        problems.push(format!(
            "{case}: what the comparison found:\n{}",
            describe(&comparison, &original, &translation)
        ));
    }
    problems
}

fn cases() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/translation");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", root.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}

#[test]
fn every_fixture_pair_has_exactly_its_expected_drifts() {
    let folders = cases();
    assert!(folders.len() >= 9, "the fixture folders are missing");
    let problems: Vec<String> = folders
        .iter()
        .flat_map(|folder| check_case(folder))
        .collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_drift_kind_has_a_fixture() {
    let mut seen = Vec::new();
    for folder in cases() {
        let expected = std::fs::read_to_string(folder.join("expected.txt")).unwrap_or_default();
        for line in expected.lines().filter(|line| !line.starts_with('#')) {
            if let Some(kind) = line
                .split(" | ")
                .next()
                .and_then(|name| kind_of(name.trim()))
            {
                seen.push(kind);
            }
        }
    }
    for kind in [
        DriftKind::Missing,
        DriftKind::Added,
        DriftKind::Value,
        DriftKind::Scale,
        DriftKind::Bound,
        DriftKind::Unit,
        DriftKind::Kind,
    ] {
        assert!(seen.contains(&kind), "no fixture covers {kind:?}");
    }
}

#[test]
fn a_document_compared_with_itself_agrees() {
    for folder in cases() {
        let original = document(&folder, "original");
        let comparison = compare(
            &original.text,
            &original.analysis,
            &original.text,
            &original.analysis,
        );
        assert!(
            comparison.agrees(),
            "{}: {:?}",
            folder.display(),
            comparison.drifts
        );
        assert_eq!(comparison.pairs.len(), original.analysis.claims.len());
    }
}

#[test]
fn faithful_translations_agree_in_both_directions() {
    for name in ["faithful-en-de", "faithful-de-en"] {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/translation")
            .join(name);
        let original = document(&folder, "original");
        let translation = document(&folder, "translation");
        let comparison = compare(
            &translation.text,
            &translation.analysis,
            &original.text,
            &original.analysis,
        );
        assert!(
            comparison.agrees(),
            "{name} read backwards:\n{}",
            describe(&comparison, &translation, &original)
        );
        assert_eq!(comparison.pairs.len(), original.analysis.claims.len());
    }
}

#[test]
fn json_names_both_sides_with_spans_lines_and_columns() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/translation/scale-en-de");
    let original = document(&folder, "original");
    let translation = document(&folder, "translation");
    let comparison = compare(
        &original.text,
        &original.analysis,
        &translation.text,
        &translation.analysis,
    );
    let json = comparison.to_json(
        ("original.en.md", &original.text, &original.analysis),
        (
            "translation.de.md",
            &translation.text,
            &translation.analysis,
        ),
    );
    assert_eq!(json["agrees"], false);
    assert_eq!(json["original"]["file"], "original.en.md");
    assert_eq!(json["translation"]["language"], "de");
    let drift = json["drifts"]
        .as_array()
        .and_then(|drifts| drifts.iter().find(|drift| drift["kind"] == "scale"))
        .unwrap_or_else(|| panic!("no scale drift in {json:#}"));
    assert_eq!(drift["original"]["text"], "$500 billion");
    assert_eq!(drift["translation"]["text"], "500 Billionen Dollar");
    let start = translation.text.find("500 Billionen Dollar").unwrap();
    assert_eq!(drift["translation"]["start"], start);
    assert_eq!(
        drift["translation"]["end"],
        start + "500 Billionen Dollar".len()
    );
    assert_eq!(drift["translation"]["line"], 3);
    // "Das Projekt Stargate will über vier Jahre " is 42 characters (ü is one).
    assert_eq!(drift["translation"]["column"], 43);
    assert_eq!(drift["original"]["line"], 3);
    assert!(drift["translation"]["index"].is_u64());
    assert!(drift["message"].as_str().unwrap().contains("Milliarden"));
    // A drift without a translation side has `null` there.
    assert!(
        json["pairs"]
            .as_array()
            .is_some_and(|pairs| !pairs.is_empty())
    );
}

#[test]
fn missing_claims_have_no_translation_side_in_json() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/translation/missing-added");
    let original = document(&folder, "original");
    let translation = document(&folder, "translation");
    let comparison = compare(
        &original.text,
        &original.analysis,
        &translation.text,
        &translation.analysis,
    );
    let json = comparison.to_json(
        ("a.md", &original.text, &original.analysis),
        ("b.md", &translation.text, &translation.analysis),
    );
    let missing = json["drifts"]
        .as_array()
        .and_then(|drifts| drifts.iter().find(|drift| drift["kind"] == "missing"))
        .unwrap_or_else(|| panic!("no missing drift in {json:#}"));
    assert_eq!(missing["original"]["text"], "55 days");
    assert!(missing["translation"].is_null());
}

#[test]
fn long_documents_are_aligned_within_a_band_and_still_find_each_drift() {
    // 2,100 claims a side is more than the full alignment covers (4 million cells).
    let mut english = String::new();
    let mut german = String::new();
    for number in 1..=2100 {
        english.push_str(&format!("In step {number} we used {number} GPUs.\n\n"));
        match number {
            700 => german.push_str("In diesem Schritt nutzten wir keine Grafikkarten.\n\n"),
            1500 => german.push_str("In diesem Schritt nutzten wir 1501 GPUs.\n\n"),
            _ => german.push_str(&format!("In diesem Schritt nutzten wir {number} GPUs.\n\n")),
        }
    }
    let options = |language| Options {
        language: Some(language),
        ..Options::default()
    };
    let original = analyze(
        &english,
        DocumentFormat::Markdown,
        &options(Language::English),
    );
    let translation = analyze(
        &german,
        DocumentFormat::Markdown,
        &options(Language::German),
    );
    let gpus = |text: &str, analysis: &Analysis, at: usize| {
        let span = analysis.claims[at].span;
        text[span.start..span.end].to_owned()
    };
    let comparison = compare(&english, &original, &german, &translation);
    let drifts: Vec<(DriftKind, Option<String>, Option<String>)> = comparison
        .drifts
        .iter()
        .map(|drift| {
            (
                drift.kind,
                drift.original.map(|at| gpus(&english, &original, at)),
                drift.translation.map(|at| gpus(&german, &translation, at)),
            )
        })
        .collect();
    assert_eq!(
        drifts,
        vec![
            (DriftKind::Missing, Some("700 GPUs".to_owned()), None),
            (
                DriftKind::Value,
                Some("1500 GPUs".to_owned()),
                Some("1501 GPUs".to_owned())
            ),
        ]
    );
}

#[test]
fn an_empty_translation_misses_every_claim() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/translation/unit");
    let original = document(&folder, "original");
    let empty = analyze("", DocumentFormat::Markdown, &Options::default());
    let comparison = compare(&original.text, &original.analysis, "", &empty);
    assert!(comparison.pairs.is_empty());
    let missing: Vec<String> = comparison
        .drifts
        .iter()
        .map(|drift| {
            assert_eq!(drift.kind, DriftKind::Missing);
            original.claim_text(drift.original.expect("the original's claim"))
        })
        .collect();
    assert_eq!(missing, ["$5.6 million", "2,048 H800 GPUs", "$100 billion"]);
    let backwards = compare("", &empty, &original.text, &original.analysis);
    assert!(
        backwards
            .drifts
            .iter()
            .all(|drift| drift.kind == DriftKind::Added && drift.original.is_none())
    );
    assert_eq!(backwards.drifts.len(), 3);
}
