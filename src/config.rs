//! `factlint.toml`: the project configuration, found by walking up from each document.
//!
//! This is adapter code (it reads files), shared by the CLI and the language server; the core
//! never calls it.
//!
//! The nearest `factlint.toml` (or `.factlint.toml`) above a document applies to it, or the
//! file named by `--config` applies to all. Unknown keys and bad values are errors that name
//! the file, line and column, and say what to write instead.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::Language;
use crate::rules::{RuleProblem, RuleSet, RuleSetBuilder};
use crate::text::{ColumnUnit, LineIndex};

/// File names looked for in each directory, in order.
const FILE_NAMES: &[&str] = &["factlint.toml", ".factlint.toml"];

/// Every key a configuration file may hold.
const KEYS: &[&str] = &[
    "language",
    "reporting_currency",
    "fact_max_age_days",
    "rules",
    "disable",
];

/// A parsed configuration file.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// The language of documents that do not state theirs in front matter.
    pub language: Option<Language>,
    /// ISO 4217 code money is converted to.
    pub reporting_currency: Option<String>,
    /// Facts older than this many days are flagged as possibly outdated.
    pub fact_max_age_days: Option<u32>,
    /// Extra rule files, relative to the configuration file's folder.
    pub rules: Vec<PathBuf>,
    /// Bundled packs or single entries (facts, checks, entities) turned off, by id.
    pub disable: Vec<String>,
    /// The rule set for documents under this configuration (bundled packs plus `rules`).
    pub rule_set: Option<Arc<RuleSet>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<toml::Spanned<String>>,
    reporting_currency: Option<toml::Spanned<String>>,
    fact_max_age_days: Option<u32>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    disable: Vec<String>,
}

/// A configuration file that could not be used.
pub struct ConfigError {
    /// `file:line:col`, for people.
    pub path: String,
    pub file: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: String,
}

impl ConfigError {
    fn new(file: &str, line: u32, column: u32, message: String) -> ConfigError {
        ConfigError {
            path: format!("{file}:{line}:{column}"),
            file: file.to_owned(),
            line,
            column,
            message,
        }
    }
}

/// Finds and caches the configuration of each directory.
pub struct ConfigResolver {
    explicit: Option<Arc<Config>>,
    by_directory: HashMap<PathBuf, Option<Arc<Config>>>,
    pub errors: Vec<ConfigError>,
}

impl ConfigResolver {
    /// With `--config PATH`, that file applies to every document.
    pub fn new(explicit: Option<&str>) -> ConfigResolver {
        let mut resolver = ConfigResolver {
            explicit: None,
            by_directory: HashMap::new(),
            errors: Vec::new(),
        };
        if let Some(path) = explicit {
            match load(Path::new(path)) {
                Ok(config) => resolver.explicit = Some(resolver.with_rules(config)),
                Err(error) => resolver.errors.push(error),
            }
        }
        resolver
    }

    fn with_rules(&mut self, mut config: Config) -> Arc<Config> {
        let (rules, problems) = rule_set(&config);
        config.rule_set = rules;
        for problem in problems {
            let hint = problem
                .hint
                .map(|hint| format!(" ({hint})"))
                .unwrap_or_default();
            self.errors.push(ConfigError::new(
                &problem.file,
                problem.line,
                problem.column,
                format!("{}{hint}", problem.message),
            ));
        }
        Arc::new(config)
    }

    /// The configuration that applies to the document at `path` (`None`: defaults).
    pub fn for_document(&mut self, path: &str) -> Option<Arc<Config>> {
        if let Some(explicit) = &self.explicit {
            return Some(explicit.clone());
        }
        let absolute = std::path::absolute(path).ok()?;
        let directory = absolute.parent()?.to_path_buf();
        self.for_directory(&directory)
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "the CLI adapter is where files are read"
    )]
    fn for_directory(&mut self, directory: &Path) -> Option<Arc<Config>> {
        if let Some(found) = self.by_directory.get(directory) {
            return found.clone();
        }
        let mut found = None;
        for name in FILE_NAMES {
            let candidate = directory.join(name);
            if std::fs::metadata(&candidate).is_ok_and(|metadata| metadata.is_file()) {
                match load(&candidate) {
                    Ok(config) => found = Some(self.with_rules(config)),
                    Err(error) => self.errors.push(error),
                }
                break;
            }
        }
        if found.is_none()
            && let Some(parent) = directory.parent()
        {
            found = self.for_directory(parent);
        }
        self.by_directory
            .insert(directory.to_path_buf(), found.clone());
        found
    }
}

#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are read"
)]
fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = relative(path);
    let text = std::fs::read_to_string(path).map_err(|error| {
        ConfigError::new(
            &shown,
            1,
            1,
            format!("cannot read the configuration: {error}"),
        )
    })?;
    parse(&text, &shown).map(|mut config| {
        config.path = Some(path.to_path_buf());
        config
    })
}

/// Builds the rule set a configuration asks for: the bundled packs, minus what it disables,
/// plus its own rule files. Problems are returned; the rules that could be read are used.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter is where files are read"
)]
pub fn rule_set(config: &Config) -> (Option<Arc<RuleSet>>, Vec<RuleProblem>) {
    if config.rules.is_empty() && config.disable.is_empty() {
        return (None, Vec::new());
    }
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    for id in &config.disable {
        builder.disable(id);
    }
    let mut problems = Vec::new();
    for path in &config.rules {
        let shown = relative(path);
        match std::fs::read_to_string(path) {
            Ok(text) => builder.add_file(&shown, &text, false),
            Err(error) => problems.push(RuleProblem {
                file: shown,
                line: 1,
                column: 1,
                message: format!("cannot read this rule file: {error}"),
                hint: Some("check the `rules` list in the configuration file".to_owned()),
            }),
        }
    }
    let (rules, mut found) = builder.build();
    problems.append(&mut found);
    (Some(Arc::new(rules)), problems)
}

/// A path relative to the working directory when it is below it, with `/` separators.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI adapter knows the working directory"
)]
pub fn relative(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Parses a configuration file's text; errors carry `path:line:col`.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let index = LineIndex::new(text);
    let at = |offset: usize, message: String| {
        let position = index.line_col(text, offset, ColumnUnit::Char);
        ConfigError::new(path, position.line + 1, position.col + 1, message)
    };
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let mut message = error.message().trim().to_owned();
        if let Some(unknown) = unknown_key(&message) {
            message = match nearest_key(&unknown) {
                Some(near) => format!(
                    "unknown key `{unknown}`; did you mean `{near}`? (valid keys: {})",
                    KEYS.join(", ")
                ),
                None => format!("unknown key `{unknown}` (valid keys: {})", KEYS.join(", ")),
            };
        }
        at(offset, message)
    })?;
    let mut config = Config {
        fact_max_age_days: raw.fact_max_age_days,
        disable: raw.disable,
        ..Config::default()
    };
    let folder = Path::new(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    config.rules = raw.rules.iter().map(|rule| folder.join(rule)).collect();
    if let Some(currency) = raw.reporting_currency {
        let code = currency.get_ref().trim().to_ascii_uppercase();
        if code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            return Err(at(
                currency.span().start,
                format!(
                    "`{}` is not an ISO 4217 currency code; write for example `reporting_currency = \"EUR\"`",
                    currency.get_ref()
                ),
            ));
        }
        config.reporting_currency = Some(code);
    }
    if let Some(language) = raw.language {
        let span = language.span();
        config.language = Some(Language::parse(language.get_ref()).ok_or_else(|| {
            at(
                span.start,
                format!(
                    "unknown language `{}`; write `language = \"en\"` or `language = \"de\"`",
                    language.get_ref()
                ),
            )
        })?);
    }
    Ok(config)
}

fn unknown_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// The valid key closest to `wanted` by edit distance, if any is close.
fn nearest_key(wanted: &str) -> Option<&'static str> {
    KEYS.iter()
        .map(|key| (edit_distance(wanted, key), *key))
        .filter(|(distance, key)| *distance <= key.len() / 2 + 1)
        .min()
        .map(|(_, key)| key)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language() {
        let config = parse("language = \"de\"\n", "factlint.toml").ok().unwrap();
        assert_eq!(config.language, Some(Language::German));
    }

    #[test]
    fn unknown_keys_name_the_place_and_the_nearest_key() {
        let error = parse("\nlanguge = \"de\"\n", "factlint.toml")
            .err()
            .unwrap();
        assert_eq!(error.path, "factlint.toml:2:1");
        assert!(
            error.message.contains("did you mean `language`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn bad_values_name_the_place() {
        let error = parse("language = \"fr\"\n", "factlint.toml").err().unwrap();
        assert_eq!(error.path, "factlint.toml:1:12");
        assert!(error.message.contains("unknown language `fr`"));
    }
}
