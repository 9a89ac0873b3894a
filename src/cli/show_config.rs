//! `factlint config [PATH]`: the configuration that applies to a path, value by value, with
//! where each value comes from (a default, a line of a configuration file, or a flag).
//!
//! The output is TOML with a comment after each value, so it can be copied into a
//! `factlint.toml`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use factlint::Language;
use factlint::config::{Config, ConfigResolver, FailOn};

use super::DEFAULT_FACT_MAX_AGE_DAYS;

#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter looks at the path it is given"
)]
pub(crate) fn run(
    path: &str,
    explicit: Option<&str>,
    lang: Option<Language>,
    fail_on: Option<FailOn>,
) -> ExitCode {
    let mut resolver = ConfigResolver::new(explicit);
    // The configuration of a folder is the one its documents get.
    let probe = if std::fs::metadata(path).is_ok_and(|metadata| metadata.is_dir()) {
        Path::new(path).join("document.md")
    } else {
        Path::new(path).to_path_buf()
    };
    let config = resolver.for_document(&probe.to_string_lossy());
    if !resolver.errors.is_empty() {
        for error in &resolver.errors {
            eprintln!("factlint: error: {}: {}", error.path, error.message);
        }
        return ExitCode::from(2);
    }
    let mut out = std::io::stdout().lock();
    let _ = write_config(&mut out, path, config.as_deref(), explicit, lang, fail_on);
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn write_config(
    out: &mut impl Write,
    path: &str,
    config: Option<&Config>,
    explicit: Option<&str>,
    lang: Option<Language>,
    fail_on: Option<FailOn>,
) -> std::io::Result<()> {
    let file = config
        .and_then(|config| config.path.as_deref())
        .map(factlint::config::relative);
    writeln!(out, "# The configuration for {path}")?;
    match (&file, explicit) {
        (Some(file), Some(_)) => writeln!(out, "# from {file} (--config)")?,
        (Some(file), None) => writeln!(out, "# from {file} (the nearest configuration file)")?,
        (None, _) => writeln!(out, "# no configuration file applies: defaults")?,
    }
    writeln!(out)?;
    let origin = |key: &str| -> String {
        match (config.and_then(|config| config.lines.get(key)), &file) {
            (Some(line), Some(file)) => format!("{file}:{line}"),
            _ => "default".to_owned(),
        }
    };
    let mut rows: Vec<(String, String)> = Vec::new();
    let language = match (lang, config.and_then(|config| config.language)) {
        (Some(language), _) => (
            format!("language = {}", quote(language.code())),
            "--lang".to_owned(),
        ),
        (None, Some(language)) => (
            format!("language = {}", quote(language.code())),
            origin("language"),
        ),
        (None, None) => (
            "# language (not set)".to_owned(),
            "default: front matter, else detected per document".to_owned(),
        ),
    };
    rows.push(language);
    rows.push((
        format!(
            "reporting_currency = {}",
            quote(
                config
                    .and_then(|config| config.reporting_currency.as_deref())
                    .unwrap_or("USD")
            )
        ),
        origin("reporting_currency"),
    ));
    rows.push((
        format!(
            "fact_max_age_days = {}",
            config
                .and_then(|config| config.fact_max_age_days)
                .unwrap_or(DEFAULT_FACT_MAX_AGE_DAYS)
        ),
        origin("fact_max_age_days"),
    ));
    let rules: Vec<String> = config
        .map(|config| {
            config
                .rules
                .iter()
                .map(|rule| factlint::config::relative(rule))
                .collect()
        })
        .unwrap_or_default();
    rows.push((format!("rules = {}", list(&rules)), origin("rules")));
    let empty = Vec::new();
    rows.push((
        format!(
            "disable = {}",
            list(config.map_or(&empty, |config| &config.disable))
        ),
        origin("disable"),
    ));
    rows.push((
        format!(
            "include = {}",
            list(config.map_or(&empty, |config| &config.include))
        ),
        origin("include"),
    ));
    rows.push((
        format!(
            "exclude = {}",
            list(config.map_or(&empty, |config| &config.exclude))
        ),
        origin("exclude"),
    ));
    let fail_on = match (fail_on, config.and_then(|config| config.fail_on)) {
        (Some(flag), _) => (flag, "--fail-on".to_owned()),
        (None, Some(configured)) => (configured, origin("fail_on")),
        (None, None) => (
            FailOn::At(factlint::Severity::Warning),
            "default".to_owned(),
        ),
    };
    rows.push((
        format!("fail_on = {}", quote(fail_on.0.as_str())),
        fail_on.1,
    ));
    rows.push((
        format!(
            "require_suppression_reason = {}",
            config
                .and_then(|config| config.require_suppression_reason)
                .unwrap_or(false)
        ),
        origin("require_suppression_reason"),
    ));
    write_rows(out, &rows)?;
    writeln!(out, "\n[severity]")?;
    let mut rows = Vec::new();
    for code in factlint::checks::CODES {
        let configured = config.and_then(|config| {
            config
                .severity
                .iter()
                .rev()
                .find(|(key, _)| key == code.code)
        });
        let (value, from) = match configured {
            Some((_, Some(severity))) => (
                severity.as_str(),
                origin(&format!("severity.{}", code.code)),
            ),
            Some((_, None)) => ("off", origin(&format!("severity.{}", code.code))),
            None => (code.default_severity.as_str(), "default".to_owned()),
        };
        rows.push((
            format!("{} = {}", code.code, quote(value)),
            format!("{from} ({})", code.name),
        ));
    }
    write_rows(out, &rows)
}

/// Writes `value  # origin` lines with the comments aligned.
fn write_rows(out: &mut impl Write, rows: &[(String, String)]) -> std::io::Result<()> {
    let width = rows
        .iter()
        .map(|(value, _)| value.chars().count())
        .max()
        .unwrap_or(0);
    for (value, origin) in rows {
        let pad = width - value.chars().count();
        writeln!(out, "{value}{}  # {origin}", " ".repeat(pad))?;
    }
    Ok(())
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| quote(item)).collect();
    format!("[{}]", quoted.join(", "))
}
