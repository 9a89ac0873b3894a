//! `factlint diff ORIGINAL TRANSLATION`: do a document and its translation state the same
//! figures? The comparison is the core's (`factlint::translation`); this reads the two files
//! and renders the drifts.

use std::io::Write;
use std::process::ExitCode;

use factlint::config::ConfigResolver;
use factlint::rules::RuleSet;
use factlint::text::LineIndex;
use factlint::translation::Comparison;
use factlint::{Analysis, Options};

use super::inputs::{self, Input, Source};
use super::output::position;

/// Reads, analyzes and compares the two documents; exit status 0 when they agree, 1 when they
/// do not, 2 when one cannot be read or the configuration is broken.
pub(crate) fn run(
    original: &str,
    translation: &str,
    json: bool,
    config: Option<&str>,
    today: factlint::claims::Date,
) -> ExitCode {
    let mut resolver = ConfigResolver::new(config);
    let mut documents = Vec::new();
    let mut failed = false;
    for path in [original, translation] {
        let source = Source::File {
            path: path.to_owned(),
            walked: false,
            bytes: None,
        };
        match inputs::read(source) {
            Ok(input) => {
                let config = resolver.for_document(path);
                let mut options = Options {
                    today: Some(today),
                    ..Options::default()
                };
                if let Some(config) = &config {
                    config.apply(&mut options);
                }
                let rules = config.and_then(|config| config.rule_set.clone());
                let analysis = factlint::analyze_with_rules(
                    &input.text,
                    input.format,
                    &options,
                    rules.as_deref().unwrap_or_else(|| RuleSet::bundled()),
                );
                documents.push((input, analysis));
            }
            Err(error) => {
                eprintln!("factlint: error: {}: {}", error.path, error.message);
                failed = true;
            }
        }
    }
    for error in &resolver.errors {
        eprintln!("factlint: error: {}: {}", error.path, error.message);
        failed = true;
    }
    let Ok(
        [
            (original, original_analysis),
            (translated, translated_analysis),
        ],
    ) = <[_; 2]>::try_from(documents)
    else {
        return ExitCode::from(2);
    };
    if failed {
        return ExitCode::from(2);
    }
    let comparison = factlint::translation::compare(
        &original.text,
        &original_analysis,
        &translated.text,
        &translated_analysis,
    );
    let mut out = std::io::stdout().lock();
    let written = if json {
        let value = comparison.to_json(
            (&original.name, &original.text, &original_analysis),
            (&translated.name, &translated.text, &translated_analysis),
        );
        serde_json::to_writer_pretty(&mut out, &value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_human(
            &mut out,
            &comparison,
            (&original, &original_analysis),
            (&translated, &translated_analysis),
        )
    };
    let _ = written.and_then(|()| out.flush());
    ExitCode::from(u8::from(!comparison.agrees()))
}

fn write_human(
    out: &mut impl Write,
    comparison: &Comparison,
    original: (&Input, &Analysis),
    translation: (&Input, &Analysis),
) -> std::io::Result<()> {
    let original_index = LineIndex::new(&original.0.text);
    let translation_index = LineIndex::new(&translation.0.text);
    for drift in &comparison.drifts {
        writeln!(out, "drift[{}]: {}", drift.kind.as_str(), drift.message)?;
        write_side(
            out,
            "original   ",
            original,
            &original_index,
            drift.original,
        )?;
        write_side(
            out,
            "translation",
            translation,
            &translation_index,
            drift.translation,
        )?;
        writeln!(out)?;
    }
    let pairs = comparison.pairs.len();
    if comparison.agrees() {
        writeln!(
            out,
            "agrees: {pairs} figure{} paired, none drifted ({} → {})",
            if pairs == 1 { "" } else { "s" },
            original.0.name,
            translation.0.name
        )
    } else {
        let drifts = comparison.drifts.len();
        writeln!(
            out,
            "disagrees: {drifts} drift{} in {pairs} paired figure{} ({} → {})",
            if drifts == 1 { "" } else { "s" },
            if pairs == 1 { "" } else { "s" },
            original.0.name,
            translation.0.name
        )
    }
}

fn write_side(
    out: &mut impl Write,
    label: &str,
    (input, analysis): (&Input, &Analysis),
    index: &LineIndex,
    claim: Option<usize>,
) -> std::io::Result<()> {
    match claim.and_then(|at| analysis.claims.get(at)) {
        Some(claim) => {
            let at = position(index, &input.text, claim.span.start);
            writeln!(
                out,
                "  {label} {}:{}:{}: `{}`",
                input.name,
                at.line,
                at.column,
                &input.text[claim.span.start..claim.span.end].replace(['\n', '\r'], " ")
            )
        }
        None => writeln!(out, "  {label} {}: (none)", input.name),
    }
}
