//! The server's settings, from `initializationOptions` and `workspace/didChangeConfiguration`.

use std::collections::HashMap;

use serde::Deserialize;

use crate::diagnostics::Severity;
use crate::language::Language;

/// Editor settings. Every key is optional; the project's `factlint.toml` fills in what the
/// editor does not say.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// `en` or `de`: overrides front matter, configuration and detection.
    pub language: Option<String>,
    /// ISO 4217 code money is converted to.
    pub reporting_currency: Option<String>,
    /// Per code: `off`, `hint`, `info`, `warning` or `error`.
    pub severity: HashMap<String, String>,
    /// Bundled packs or entries to turn off, by id.
    pub disable: Vec<String>,
    /// Extra rule files (absolute, or relative to the workspace folder).
    pub rules: Vec<String>,
    /// Show the normalised value after claims.
    pub inlay_hints: bool,
    /// `auto` (pull when the client supports it), `push` or `pull`.
    pub diagnostic_mode: Option<String>,
    /// Facts older than this many days are flagged as possibly outdated.
    pub fact_max_age_days: Option<u32>,
    /// Language ids to check besides `markdown` and `plaintext`.
    pub language_ids: Vec<String>,
}

impl Settings {
    /// Reads settings from a JSON value: either the settings object or `{ "factlint": {…} }`.
    /// Unknown keys are ignored; a value of the wrong type makes the whole object default, and
    /// the error is returned for logging.
    pub fn from_json(value: &serde_json::Value) -> (Settings, Option<String>) {
        let value = value.get("factlint").unwrap_or(value);
        if value.is_null() {
            return (Settings::default(), None);
        }
        match Settings::deserialize(value) {
            Ok(settings) => (settings, None),
            Err(error) => (
                Settings::default(),
                Some(format!("factlint settings ignored: {error}")),
            ),
        }
    }

    pub fn language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::parse)
    }

    /// The severity a code is shown with: `None` for off, `Some(None)` for its own.
    pub fn severity_of(&self, code: &str, name: Option<&str>) -> Option<Option<Severity>> {
        let setting = self
            .severity
            .get(code)
            .or_else(|| name.and_then(|name| self.severity.get(name)));
        match setting.map(|value| value.trim().to_ascii_lowercase()) {
            None => Some(None),
            Some(value) if value == "off" || value == "none" => None,
            Some(value) => Some(Severity::parse(&value)),
        }
    }

    pub fn checks_language_id(&self, language_id: &str) -> bool {
        matches!(language_id, "markdown" | "plaintext" | "text" | "mdx")
            || self.language_ids.iter().any(|id| id == language_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_or_flat_and_bad_values() {
        let (settings, error) = Settings::from_json(
            &serde_json::json!({ "factlint": { "language": "de", "inlayHints": true } }),
        );
        assert_eq!(settings.language(), Some(Language::German));
        assert!(settings.inlay_hints && error.is_none());
        let (settings, error) = Settings::from_json(&serde_json::json!({ "inlayHints": "yes" }));
        assert_eq!(settings, Settings::default());
        assert!(error.is_some());
        let (settings, _) = Settings::from_json(
            &serde_json::json!({ "severity": { "FL100": "off", "fact-disagrees": "error" } }),
        );
        assert_eq!(settings.severity_of("FL100", Some("fact-agrees")), None);
        assert_eq!(
            settings.severity_of("FL101", Some("fact-disagrees")),
            Some(Some(Severity::Error))
        );
        assert_eq!(settings.severity_of("FL001", None), Some(None));
    }
}
