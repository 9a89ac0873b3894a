//! `factlint.toml`: the project configuration, found by walking up from each document.
//!
//! The nearest `factlint.toml` (or `.factlint.toml`) above a document applies to it, or the
//! file named by `--config` applies to all. Unknown keys and bad values are errors that name
//! the file, line and column, and say what to write instead.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use factlint::Language;
use factlint::text::{ColumnUnit, LineIndex};

/// File names looked for in each directory, in order.
const FILE_NAMES: &[&str] = &["factlint.toml", ".factlint.toml"];

/// Every key a configuration file may hold.
const KEYS: &[&str] = &["language"];

/// A parsed configuration file.
#[derive(Debug, Default)]
pub(crate) struct Config {
    pub path: Option<PathBuf>,
    /// The language of documents that do not state theirs in front matter.
    pub language: Option<Language>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<toml::Spanned<String>>,
}

/// A configuration file that could not be used.
pub(crate) struct ConfigError {
    pub path: String,
    pub message: String,
}

/// Finds and caches the configuration of each directory.
pub(crate) struct ConfigResolver {
    explicit: Option<Arc<Config>>,
    by_directory: HashMap<PathBuf, Option<Arc<Config>>>,
    pub errors: Vec<ConfigError>,
}

impl ConfigResolver {
    /// With `--config PATH`, that file applies to every document.
    pub fn new(explicit: Option<&str>) -> ConfigResolver {
        let mut resolver = ConfigResolver { explicit: None, by_directory: HashMap::new(), errors: Vec::new() };
        if let Some(path) = explicit {
            match load(Path::new(path)) {
                Ok(config) => resolver.explicit = Some(Arc::new(config)),
                Err(error) => resolver.errors.push(error),
            }
        }
        resolver
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

    #[expect(clippy::disallowed_methods, reason = "the CLI adapter is where files are read")]
    fn for_directory(&mut self, directory: &Path) -> Option<Arc<Config>> {
        if let Some(found) = self.by_directory.get(directory) {
            return found.clone();
        }
        let mut found = None;
        for name in FILE_NAMES {
            let candidate = directory.join(name);
            if std::fs::metadata(&candidate).is_ok_and(|metadata| metadata.is_file()) {
                match load(&candidate) {
                    Ok(config) => found = Some(Arc::new(config)),
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
        self.by_directory.insert(directory.to_path_buf(), found.clone());
        found
    }
}

#[expect(clippy::disallowed_methods, reason = "the CLI adapter is where files are read")]
fn load(path: &Path) -> Result<Config, ConfigError> {
    // Name the file relative to the working directory when it is below it.
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
        .replace('\\', "/");
    let text = std::fs::read_to_string(path)
        .map_err(|error| ConfigError { path: shown.clone(), message: format!("cannot read the configuration: {error}") })?;
    parse(&text, &shown).map(|mut config| {
        config.path = Some(path.to_path_buf());
        config
    })
}

/// Parses a configuration file's text; errors carry `path:line:col`.
pub(crate) fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let index = LineIndex::new(text);
    let at = |offset: usize| {
        let position = index.line_col(text, offset, ColumnUnit::Char);
        format!("{path}:{}:{}", position.line + 1, position.col + 1)
    };
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let location = error.span().map_or_else(|| path.to_owned(), |span| at(span.start));
        let mut message = error.message().trim().to_owned();
        if let Some(unknown) = unknown_key(&message) {
            message = match nearest_key(&unknown) {
                Some(near) => format!("unknown key `{unknown}`; did you mean `{near}`? (valid keys: {})", KEYS.join(", ")),
                None => format!("unknown key `{unknown}` (valid keys: {})", KEYS.join(", ")),
            };
        }
        ConfigError { path: location, message }
    })?;
    let mut config = Config::default();
    if let Some(language) = raw.language {
        let span = language.span();
        config.language = Some(Language::parse(language.get_ref()).ok_or_else(|| ConfigError {
            path: at(span.start),
            message: format!("unknown language `{}`; write `language = \"en\"` or `language = \"de\"`", language.get_ref()),
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
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
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
        let error = parse("\nlanguge = \"de\"\n", "factlint.toml").err().unwrap();
        assert_eq!(error.path, "factlint.toml:2:1");
        assert!(error.message.contains("did you mean `language`"), "{}", error.message);
    }

    #[test]
    fn bad_values_name_the_place() {
        let error = parse("language = \"fr\"\n", "factlint.toml").err().unwrap();
        assert_eq!(error.path, "factlint.toml:1:12");
        assert!(error.message.contains("unknown language `fr`"));
    }
}
