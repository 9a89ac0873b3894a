//! Findings: what factlint reports about a document, with severity, span, message and fix.

use serde::Serialize;

use crate::text::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "info" | "information" | "note" | "hint" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" | "err" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Changes only how a number is written, never its value (`22, 4 %` → `22,4 %`).
    Safe,
    /// Changes what the text says; a person must decide.
    Suggestion,
}

/// A replacement that resolves a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub title: String,
    #[serde(flatten)]
    pub span: Span,
    pub replacement: String,
    pub applicability: Applicability,
}

/// Another place that a finding refers to (the other spelling of the same number).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    #[serde(flatten)]
    pub span: Span,
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The stable code, e.g. `FL001`.
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Why, and what to do; may name a source or show the arithmetic.
    pub note: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}
