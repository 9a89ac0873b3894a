//! The server's state: open documents, settings, and the rules in force for each document.
//!
//! Text changes are applied here synchronously, in the order the client sent them, and queued
//! for the document's `Session`; the analysis applies the queue off the async executor. Rules
//! come from the bundled packs, the nearest `factlint.toml` and the editor settings; a rule
//! file that stops parsing keeps its last good version in force.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::claims::Date;
use crate::config::ConfigResolver;
use crate::document::DocumentFormat;
use crate::engine::{Options, Session};
use crate::rules::{RuleProblem, RuleSet, RuleSetBuilder};

use super::convert::{Encoding, Lines};
use super::settings::Settings;

/// A change not yet applied to a document's session.
#[derive(Clone, Debug)]
pub enum Pending {
    /// Read the whole text again (open, full-text change, new settings or rules).
    Reset {
        text: String,
        options: Options,
        rules: Arc<RuleSet>,
    },
    /// Replace a byte range of the previous text.
    Edit { range: Range<usize>, text: String },
}

/// An open document.
pub struct OpenDocument {
    pub version: i32,
    pub format: DocumentFormat,
    /// The options the document is read with.
    pub options: Options,
    /// The latest text, as the client has it.
    pub text: String,
    /// Changes the session has not seen yet, in order.
    pub pending: Vec<Pending>,
    /// The analysis, behind its own lock so that it runs without holding the workspace.
    pub slot: Arc<Mutex<super::server::Slot>>,
    /// The rules the session uses (to re-run checks on edits).
    pub rules: Arc<RuleSet>,
    /// An analysis task is running or scheduled for this document.
    pub analyzing: bool,
    /// The version whose diagnostics were published last.
    pub published: Option<i32>,
}

/// Everything the server knows.
pub struct Workspace {
    pub settings: Settings,
    pub encoding: Encoding,
    pub root: Option<PathBuf>,
    pub documents: HashMap<Uri, OpenDocument>,
    pub pull_diagnostics: bool,
    pub watch_supported: bool,
    pub today: Date,
    /// Last good text of each rule file, by path.
    last_good: HashMap<PathBuf, String>,
    /// Rule sets by configuration file (None: no configuration).
    rule_sets: HashMap<Option<PathBuf>, (Options, Arc<RuleSet>)>,
    /// Problems of rule and configuration files, by file, for diagnostics in those files.
    pub rule_problems: HashMap<PathBuf, Vec<RuleProblem>>,
}

impl Workspace {
    pub fn new(today: Date) -> Workspace {
        Workspace {
            settings: Settings::default(),
            encoding: Encoding::Utf16,
            root: None,
            documents: HashMap::new(),
            pull_diagnostics: false,
            watch_supported: false,
            today,
            last_good: HashMap::new(),
            rule_sets: HashMap::new(),
            rule_problems: HashMap::new(),
        }
    }

    /// Forgets every rule set (settings or rule files changed); they are rebuilt on demand.
    pub fn reload_rules(&mut self) {
        self.rule_sets.clear();
        self.rule_problems.clear();
    }

    /// The options and rules for a document at `uri`.
    pub fn resolve(&mut self, uri: &Uri) -> (Options, Arc<RuleSet>) {
        let path = uri
            .to_file_path()
            .map(|path| path.into_owned())
            .or_else(|| self.root.as_ref().map(|root| root.join("untitled")));
        let mut resolver = ConfigResolver::new(None);
        let config = path
            .as_deref()
            .and_then(|path| resolver.for_document(&path.to_string_lossy()));
        for error in resolver.errors {
            self.rule_problems
                .entry(PathBuf::from(&error.file))
                .or_default()
                .push(RuleProblem {
                    file: error.file.clone(),
                    line: error.line,
                    column: error.column,
                    message: error.message.clone(),
                    hint: None,
                });
        }
        let key = config.as_ref().and_then(|config| config.path.clone());
        if let Some((options, rules)) = self.rule_sets.get(&key) {
            return (options.clone(), rules.clone());
        }
        let mut options = Options {
            language: self.settings.language(),
            project_language: config.as_ref().and_then(|config| config.language),
            reporting_currency: self.settings.reporting_currency.clone().or_else(|| {
                config
                    .as_ref()
                    .and_then(|config| config.reporting_currency.clone())
            }),
            fact_max_age_days: self
                .settings
                .fact_max_age_days
                .or_else(|| config.as_ref().and_then(|config| config.fact_max_age_days))
                .or(Some(730)),
            today: Some(self.today),
            ..Options::default()
        };
        // The project's `[severity]` and suppression policy apply in the editor too.
        if let Some(config) = &config {
            config.apply(&mut options);
        }
        if options
            .reporting_currency
            .as_deref()
            .is_some_and(|code| code.len() != 3)
        {
            options.reporting_currency = None;
        }
        let mut files: Vec<PathBuf> = config
            .as_ref()
            .map(|config| config.rules.clone())
            .unwrap_or_default();
        for rule in &self.settings.rules {
            let path = PathBuf::from(rule);
            files.push(if path.is_absolute() {
                path
            } else {
                self.root.clone().unwrap_or_default().join(path)
            });
        }
        let mut disabled: Vec<String> = config
            .as_ref()
            .map(|config| config.disable.clone())
            .unwrap_or_default();
        disabled.extend(self.settings.disable.iter().cloned());
        let rules = Arc::new(self.build_rules(&files, &disabled));
        self.rule_sets.insert(key, (options.clone(), rules.clone()));
        (options, rules)
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "the language server reads the rule files it watches"
    )]
    fn build_rules(&mut self, files: &[PathBuf], disabled: &[String]) -> RuleSet {
        if files.is_empty() && disabled.is_empty() {
            return clone_bundled();
        }
        let mut builder = RuleSetBuilder::default();
        builder.add_bundled();
        for id in disabled {
            builder.disable(id);
        }
        let mut extra = Vec::new();
        for path in files {
            let name = path.display().to_string();
            let text = match std::fs::read_to_string(path) {
                Ok(text) if toml::from_str::<toml::Table>(&text).is_ok() => {
                    self.last_good.insert(path.clone(), text.clone());
                    text
                }
                Ok(text) => {
                    // Report the broken version, use the last good one.
                    let mut probe = RuleSetBuilder::default();
                    probe.add_file(&name, &text, false);
                    let (_, problems) = probe.build();
                    extra.extend(problems);
                    match self.last_good.get(path) {
                        Some(good) => good.clone(),
                        None => continue,
                    }
                }
                Err(error) => {
                    extra.push(RuleProblem {
                        file: name,
                        line: 1,
                        column: 1,
                        message: format!("cannot read this rule file: {error}"),
                        hint: None,
                    });
                    continue;
                }
            };
            builder.add_file(&name, &text, false);
        }
        let (rules, problems) = builder.build();
        for problem in problems.into_iter().chain(extra) {
            self.rule_problems
                .entry(PathBuf::from(&problem.file))
                .or_default()
                .push(problem);
        }
        rules
    }
}

/// The bundled rules as an owned set (the LSP keeps rule sets in `Arc`s).
fn clone_bundled() -> RuleSet {
    let mut builder = RuleSetBuilder::default();
    builder.add_bundled();
    builder.build().0
}

impl OpenDocument {
    /// Applies LSP content changes to the text, in order, and queues them for the session.
    /// Returns a warning for changes that had to be clamped.
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> Option<String> {
        let mut warning = None;
        for change in changes {
            match change.range {
                None => {
                    self.text = change.text;
                    self.pending.push(Pending::Reset {
                        text: self.text.clone(),
                        options: self.options.clone(),
                        rules: self.rules.clone(),
                    });
                }
                Some(range) => {
                    let lines = Lines::new(&self.text, encoding);
                    let span = lines.span(range);
                    let back = lines.range(span);
                    if back != range {
                        warning = Some(format!(
                            "a change's range {range:?} lies outside the document; it was clamped to {back:?}"
                        ));
                    }
                    self.text.replace_range(span.start..span.end, &change.text);
                    self.pending.push(Pending::Edit {
                        range: span.start..span.end,
                        text: change.text,
                    });
                }
            }
        }
        warning
    }
}

/// Applies queued changes to a session (creating it on the first reset).
pub fn apply_pending(
    session: &mut Option<Session>,
    pending: Vec<Pending>,
    format: DocumentFormat,
    rules: &RuleSet,
) {
    for change in pending {
        match change {
            Pending::Reset {
                text,
                options,
                rules,
            } => *session = Some(Session::new(text, format, options, &rules)),
            Pending::Edit { range, text } => {
                if let Some(session) = session {
                    session.edit(range, &text, rules);
                }
            }
        }
    }
}

/// The format of a document from its language id and path.
pub fn format_of(language_id: &str, uri: &Uri) -> DocumentFormat {
    if language_id == "plaintext" || language_id == "text" {
        return DocumentFormat::PlainText;
    }
    if language_id == "markdown" || language_id == "mdx" {
        return DocumentFormat::Markdown;
    }
    DocumentFormat::from_path(uri.as_str())
}

/// Whether a changed file is configuration or rules (and so triggers a reload).
pub fn is_rules_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "toml")
}
