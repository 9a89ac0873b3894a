//! factlint: a fact-check linter for numbers in English and German prose.
//!
//! The library is the pure core: it reads text that the caller hands it and returns claims and
//! findings. It does no I/O, spawns no threads and knows no protocol; the `factlint` binary
//! (`src/cli`) is the adapter that reads files, settings and arguments.

// The JSON Schema of rule files is one large `json!` literal.
#![recursion_limit = "256"]

pub mod checks;
pub mod claims;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod engine;
pub mod html_report;
pub mod language;
pub mod lexicon;
pub mod lsp;
pub mod number;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod translation;
pub mod units;

pub use claims::{Bound, Claim, ClaimKind, ClaimValue};
pub use diagnostics::{Finding, Severity};
pub use document::{Document, DocumentFormat};
pub use engine::{
    Analysis, Options, Outline, Session, analyze, analyze_with_rules, check_in_chunks,
    claims_in_chunks,
};
pub use language::Language;
pub use text::{LineCol, LineIndex, Span};
