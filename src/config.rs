//! `factlint.toml`: the project configuration, found by walking up from each document.
//!
//! This is adapter code (it reads files), shared by the CLI and the language server; the core
//! never calls it.
//!
//! The nearest `factlint.toml` (or `.factlint.toml`) above a document applies to it, or the
//! file named by `--config` applies to all. Unknown keys and bad values are errors that name
//! the file, line and column, and say what to write instead.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::Language;
use crate::diagnostics::Severity;
use crate::engine::Options;
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
    "include",
    "exclude",
    "severity",
    "fail_on",
    "require_suppression_reason",
];

/// The lowest severity that makes a run fail, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    At(Severity),
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        match text.trim().to_ascii_lowercase().as_str() {
            "never" => Some(FailOn::Never),
            "hint" => Some(FailOn::At(Severity::Hint)),
            "info" => Some(FailOn::At(Severity::Info)),
            "warning" => Some(FailOn::At(Severity::Warning)),
            "error" => Some(FailOn::At(Severity::Error)),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::At(severity) => severity.as_str(),
            FailOn::Never => "never",
        }
    }

    /// Whether a finding of `severity` makes the run fail.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::At(threshold) => severity >= threshold,
            FailOn::Never => false,
        }
    }
}

/// A parsed configuration file.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// The folder `include`, `exclude` and `rules` are relative to.
    pub root: PathBuf,
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
    /// Globs of the documents to check when walking folders (empty: all of them).
    pub include: Vec<String>,
    /// Globs of the documents never to check.
    pub exclude: Vec<String>,
    /// Severity per code or name; `None` turns the code off.
    pub severity: Vec<(String, Option<Severity>)>,
    /// The lowest severity that makes the run fail.
    pub fail_on: Option<FailOn>,
    /// Suppression comments must give a reason (FL901).
    pub require_suppression_reason: Option<bool>,
    /// The rule set for documents under this configuration (bundled packs plus `rules`).
    pub rule_set: Option<Arc<RuleSet>>,
    /// The 1-based line each key was set on (`severity.FL001` for an entry of `[severity]`).
    pub lines: BTreeMap<String, u32>,
    include_set: Option<GlobSet>,
    exclude_set: Option<GlobSet>,
}

impl Config {
    /// Copies what this configuration decides into the options of a document. Options the
    /// caller already set (a command-line flag, an editor setting) are kept.
    pub fn apply(&self, options: &mut Options) {
        options.project_language = options.project_language.or(self.language);
        if options.reporting_currency.is_none() {
            options.reporting_currency = self.reporting_currency.clone();
        }
        if options.fact_max_age_days.is_none() {
            options.fact_max_age_days = self.fact_max_age_days;
        }
        if options.severity.is_empty() {
            options.severity = self.severity.clone();
        }
        if let Some(required) = self.require_suppression_reason {
            options.require_suppression_reason |= required;
        }
    }

    /// Whether the document at `path` is checked under this configuration. `exclude` applies to
    /// every document; `include` only to documents found by walking a folder (a file named on
    /// the command line is wanted). Paths outside the configuration's folder are never filtered.
    pub fn selects(&self, path: &Path, walked: bool) -> bool {
        let Ok(relative) = path.strip_prefix(&self.root) else {
            return true;
        };
        let matches_any = |set: &GlobSet| {
            relative
                .ancestors()
                .any(|part| !part.as_os_str().is_empty() && set.is_match(part))
        };
        if self.exclude_set.as_ref().is_some_and(matches_any) {
            return false;
        }
        if walked && let Some(include) = &self.include_set {
            return matches_any(include);
        }
        true
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<toml::Spanned<String>>,
    reporting_currency: Option<toml::Spanned<String>>,
    fact_max_age_days: Option<toml::Spanned<u32>>,
    rules: Option<toml::Spanned<Vec<String>>>,
    disable: Option<toml::Spanned<Vec<String>>>,
    include: Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    exclude: Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    severity: Option<BTreeMap<toml::Spanned<String>, toml::Spanned<String>>>,
    fail_on: Option<toml::Spanned<String>>,
    require_suppression_reason: Option<toml::Spanned<bool>>,
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
    /// The same, by the folder of a document as its path names it (relative or not): the
    /// documents of one folder make the folder absolute once.
    by_named_folder: HashMap<PathBuf, Option<Arc<Config>>>,
    pub errors: Vec<ConfigError>,
}

impl ConfigResolver {
    /// With `--config PATH`, that file applies to every document.
    pub fn new(explicit: Option<&str>) -> ConfigResolver {
        let mut resolver = ConfigResolver {
            explicit: None,
            by_directory: HashMap::new(),
            by_named_folder: HashMap::new(),
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
        let named_folder = Path::new(path).parent();
        if let Some(found) = named_folder.and_then(|folder| self.by_named_folder.get(folder)) {
            return found.clone();
        }
        let absolute = std::path::absolute(path).ok()?;
        let directory = absolute.parent()?.to_path_buf();
        let found = self.for_directory(&directory);
        if let Some(folder) = named_folder {
            self.by_named_folder
                .insert(folder.to_path_buf(), found.clone());
        }
        found
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
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(folder) = absolute.parent() {
            config.root = folder.to_path_buf();
        }
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
pub fn relative(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
        .replace('\\', "/")
}

/// Parses a configuration file's text; errors carry `path:line:col`. `include`, `exclude` and
/// `rules` are relative to the folder of `path`.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let index = LineIndex::new(text);
    let at = |offset: usize, message: String| {
        let position = index.line_col(text, offset, ColumnUnit::Char);
        ConfigError::new(path, position.line + 1, position.col + 1, message)
    };
    let line_of = |offset: usize| index.line_of(offset) + 1;
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let mut message = error.message().trim().to_owned();
        if let Some(unknown) = crate::rules::unknown_field(&message) {
            message = match nearest(&unknown, KEYS.iter().copied()) {
                Some(near) => format!(
                    "unknown key `{unknown}`; did you mean `{near}`? (valid keys: {})",
                    KEYS.join(", ")
                ),
                None => format!("unknown key `{unknown}` (valid keys: {})", KEYS.join(", ")),
            };
        }
        at(offset, message)
    })?;
    let root = Path::new(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut config = Config {
        root: root.clone(),
        ..Config::default()
    };
    if let Some(days) = raw.fact_max_age_days {
        config
            .lines
            .insert("fact_max_age_days".into(), line_of(days.span().start));
        config.fact_max_age_days = Some(days.into_inner());
    }
    if let Some(disable) = raw.disable {
        config
            .lines
            .insert("disable".into(), line_of(disable.span().start));
        config.disable = disable.into_inner();
    }
    if let Some(rules) = raw.rules {
        config
            .lines
            .insert("rules".into(), line_of(rules.span().start));
        config.rules = rules
            .into_inner()
            .iter()
            .map(|rule| root.join(rule))
            .collect();
    }
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
        config
            .lines
            .insert("reporting_currency".into(), line_of(currency.span().start));
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
        config.lines.insert("language".into(), line_of(span.start));
    }
    for (key, globs) in [("include", raw.include), ("exclude", raw.exclude)] {
        let Some(globs) = globs else { continue };
        config.lines.insert(key.into(), line_of(globs.span().start));
        let mut builder = GlobSetBuilder::new();
        let mut patterns = Vec::new();
        for glob in globs.into_inner() {
            let pattern = glob.get_ref().trim().trim_start_matches("./");
            let pattern = pattern.trim_end_matches('/');
            // A pattern without a folder matches at any depth, as in `.gitignore`.
            let anchored = if pattern.contains('/') {
                pattern.trim_start_matches('/').to_owned()
            } else {
                format!("**/{pattern}")
            };
            let compiled = GlobBuilder::new(&anchored)
                .literal_separator(true)
                .build()
                .map_err(|error| {
                    at(
                        glob.span().start,
                        format!(
                            "`{}` is not a valid glob: {}; write for example `{key} = [\"drafts/**\", \"*.txt\"]`",
                            glob.get_ref(),
                            error.kind()
                        ),
                    )
                })?;
            builder.add(compiled);
            patterns.push(glob.into_inner());
        }
        let set = builder.build().map_err(|error| at(0, error.to_string()))?;
        if key == "include" {
            config.include = patterns;
            config.include_set = Some(set);
        } else {
            config.exclude = patterns;
            config.exclude_set = Some(set);
        }
    }
    if let Some(table) = raw.severity {
        for (code, level) in table {
            let Some(known) = crate::checks::lookup(code.get_ref()) else {
                let names = crate::checks::CODES
                    .iter()
                    .flat_map(|code| [code.code, code.name]);
                let hint = match nearest(code.get_ref(), names) {
                    Some(near) => format!("; did you mean `{near}`?"),
                    None => String::new(),
                };
                return Err(at(
                    code.span().start,
                    format!(
                        "unknown code `{}` in [severity]{hint} (`factlint explain` lists the codes)",
                        code.get_ref()
                    ),
                ));
            };
            let value = match level.get_ref().trim().to_ascii_lowercase().as_str() {
                "off" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    at(
                        level.span().start,
                        format!(
                            "`{}` is not a severity; write `off`, `hint`, `info`, `warning` or `error`",
                            level.get_ref()
                        ),
                    )
                })?),
            };
            config.lines.insert(
                format!("severity.{}", known.code),
                line_of(code.span().start),
            );
            config.severity.push((known.code.to_owned(), value));
        }
    }
    if let Some(fail_on) = raw.fail_on {
        config.fail_on = Some(FailOn::parse(fail_on.get_ref()).ok_or_else(|| {
            at(
                fail_on.span().start,
                format!(
                    "`{}` is not a severity; write `fail_on = \"warning\"` (hint, info, warning, error or never)",
                    fail_on.get_ref()
                ),
            )
        })?);
        config
            .lines
            .insert("fail_on".into(), line_of(fail_on.span().start));
    }
    if let Some(required) = raw.require_suppression_reason {
        config.lines.insert(
            "require_suppression_reason".into(),
            line_of(required.span().start),
        );
        config.require_suppression_reason = Some(required.into_inner());
    }
    Ok(config)
}

/// The candidate closest to `wanted` by edit distance (ignoring case), if any is close.
fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = wanted.to_ascii_lowercase();
    candidates
        .map(|candidate| {
            (
                crate::rules::edit_distance(&wanted, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= candidate.len() / 2 + 1)
        .min()
        .map(|(_, candidate)| candidate)
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
    fn severities_fail_on_and_reasons_are_read_with_their_lines() {
        let text = "fail_on = \"error\"\nrequire_suppression_reason = true\n\n[severity]\nFL005 = \"off\"\nmalformed-number = \"error\"\n";
        let config = parse(text, "factlint.toml").ok().unwrap();
        assert_eq!(config.fail_on, Some(FailOn::At(Severity::Error)));
        assert_eq!(config.require_suppression_reason, Some(true));
        assert_eq!(
            config.severity,
            vec![
                ("FL005".to_owned(), None),
                ("FL001".to_owned(), Some(Severity::Error)),
            ]
        );
        assert_eq!(config.lines.get("fail_on"), Some(&1));
        assert_eq!(config.lines.get("severity.FL001"), Some(&6));
        let mut options = Options::default();
        config.apply(&mut options);
        assert!(options.require_suppression_reason);
        assert_eq!(options.severity, config.severity);
    }

    #[test]
    fn bad_severities_name_the_place_and_the_nearest_code() {
        let error = parse("[severity]\nFL001 = \"loud\"\n", "factlint.toml")
            .err()
            .unwrap();
        assert_eq!(error.path, "factlint.toml:2:9");
        assert!(
            error.message.contains("`loud` is not a severity"),
            "{}",
            error.message
        );
        let error = parse("[severity]\nFL01 = \"off\"\n", "factlint.toml")
            .err()
            .unwrap();
        assert_eq!(error.path, "factlint.toml:2:1");
        assert!(
            error.message.contains("did you mean `FL001`?"),
            "{}",
            error.message
        );
        let error = parse("fail_on = \"sometimes\"\n", "factlint.toml")
            .err()
            .unwrap();
        assert_eq!(error.path, "factlint.toml:1:11");
    }

    #[test]
    fn include_and_exclude_are_relative_to_the_configuration() {
        let mut config = parse(
            "include = [\"docs/**\", \"*.md\"]\nexclude = [\"drafts\", \"docs/private/*.md\"]\n",
            "factlint.toml",
        )
        .ok()
        .unwrap();
        config.root = PathBuf::from("/project");
        let selects = |path: &str, walked| config.selects(Path::new(path), walked);
        assert!(selects("/project/docs/a.txt", true));
        assert!(selects("/project/notes/b.md", true));
        assert!(!selects("/project/notes/b.txt", true));
        // A file named on the command line is wanted even outside `include`…
        assert!(selects("/project/notes/b.txt", false));
        // …but never when excluded; a folder name excludes everything below it, at any depth.
        assert!(!selects("/project/drafts/c.md", false));
        assert!(!selects("/project/notes/drafts/c.md", true));
        assert!(!selects("/project/docs/private/d.md", true));
        assert!(selects("/project/docs/private/deeper/d.md", true));
        // Outside the configuration's folder nothing is filtered.
        assert!(selects("/elsewhere/drafts/e.md", true));
    }

    #[test]
    fn bad_values_name_the_place() {
        let error = parse("language = \"fr\"\n", "factlint.toml").err().unwrap();
        assert_eq!(error.path, "factlint.toml:1:12");
        assert!(error.message.contains("unknown language `fr`"));
    }
}
