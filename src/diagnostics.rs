//! Findings: what factlint reports about a document, with severity, span, message and fix.

use serde::Serialize;

use crate::text::Span;

/// How serious a finding is. Ordered: `Hint < Info < Warning < Error`.
///
/// Hints (conversions, scale words spelled out) are context rather than problems: JSON and the
/// editor show them, the human output only with `--show-hints`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "hint" => Some(Severity::Hint),
            "info" | "information" | "note" => Some(Severity::Info),
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

/// A fact-check verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agrees,
    Disagrees,
    Unverifiable,
}

/// A claim (or other figure) that went into a computation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExplainedInput {
    /// The name it has in the formula (`money`, `gpus`, `claim`).
    pub name: String,
    /// As written in the document, or a description for a value from the rules.
    pub text: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub value: f64,
    pub unit: Option<String>,
}

/// A value with its unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
}

/// The reference fact a claim was compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    pub fact: String,
    pub statement: String,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub per: Option<String>,
    pub as_of: Option<String>,
}

/// A source, as cited in a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Citation {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub accessed: Option<String>,
    pub quote: Option<String>,
}

/// How a finding was reached: the inputs, the formula, the result and the sources. The CLI,
/// JSON and hover notes render from this; a finding without a computation or a source says
/// why in `why`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    pub inputs: Vec<ExplainedInput>,
    /// The formula with names: `money ÷ gpus`.
    pub formula: Option<String>,
    /// The formula with values: `5,000,000 USD ÷ 2,000 = 2,500 USD`.
    pub computation: Option<String>,
    pub result: Option<Quantity>,
    pub reference: Option<Reference>,
    pub sources: Vec<Citation>,
    pub why: Option<String>,
}

impl Finding {
    /// Moves the offsets at or after `at` by `delta` bytes (after an edit at `at`).
    pub fn shift_after(&mut self, at: usize, delta: isize) {
        let span = |span: &mut Span| {
            if span.start >= at {
                span.start = span.start.saturating_add_signed(delta);
                span.end = span.end.saturating_add_signed(delta);
            }
        };
        span(&mut self.span);
        for related in &mut self.related {
            span(&mut related.span);
        }
        if let Some(fix) = &mut self.fix {
            span(&mut fix.span);
        }
        if let Some(explanation) = &mut self.explanation {
            for input in &mut explanation.inputs {
                if input.start.is_some_and(|start| start >= at) {
                    input.start = input.start.map(|start| start.saturating_add_signed(delta));
                    input.end = input.end.map(|end| end.saturating_add_signed(delta));
                }
            }
        }
    }

    /// Moves every offset by `delta` bytes (after an edit earlier in the document).
    pub fn shift(&mut self, delta: isize) {
        let span = |span: &mut Span| {
            span.start = span.start.saturating_add_signed(delta);
            span.end = span.end.saturating_add_signed(delta);
        };
        span(&mut self.span);
        for related in &mut self.related {
            span(&mut related.span);
        }
        if let Some(fix) = &mut self.fix {
            span(&mut fix.span);
        }
        if let Some(explanation) = &mut self.explanation {
            for input in &mut explanation.inputs {
                input.start = input.start.map(|start| start.saturating_add_signed(delta));
                input.end = input.end.map(|end| end.saturating_add_signed(delta));
            }
        }
    }
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
    pub note: Option<std::borrow::Cow<'static, str>>,
    pub related: Vec<Related>,
    pub fix: Option<Box<Fix>>,
    /// For findings about a reference fact.
    pub verdict: Option<Verdict>,
    /// The id of the fact or derived check involved.
    pub rule: Option<String>,
    pub explanation: Option<Box<Explanation>>,
}
