//! A front matter `lang:` (or `language:`) that names no language factlint reads.
//!
//! ## What it does
//! Flags the value of a top-level `lang:` or `language:` key in a Markdown document's front
//! matter when it is neither English nor German (`en`, `de`, `english`, `deutsch`, or a tag
//! such as `en-GB` or `de_CH`). The document is still read: in the language given on the
//! command line or in the configuration when there is one, else in the language detected
//! from its prose, and the message says which.
//!
//! ## Why is this bad?
//! The language decides what a figure means: `1.234` is 1234 in German and 1.234 in English,
//! a German `Billion` is an English trillion. A key factlint cannot use is silently replaced
//! by a guess; a typo (`lang: dee`) would read a German article as English without a word.
//!
//! ## Example
//! ```text
//! ---
//! lang: fr
//! ---
//! ```
//! Use instead, for an article factlint should read as German:
//! ```text
//! ---
//! lang: de
//! ---
//! ```
//!
//! ## Fix safety
//! No automatic fix: only the writer knows the language meant. For a document in a language
//! factlint does not read, turn the code off for the file in its front matter
//! (`factlint: {disable: [FL902]}`).

use crate::checks::finding;
use crate::diagnostics::Finding;
use crate::engine::LanguageSource;
use crate::language::Language;
use crate::text::Span;

/// The finding for a front matter language value `value` at `span`, given the language the
/// document is read in and where that came from.
pub(crate) fn unknown_language(
    value: &str,
    span: Span,
    language: Option<Language>,
    source: LanguageSource,
) -> Finding {
    let shown: String = value.chars().take(40).collect();
    let mut found = finding(
        "FL902",
        span,
        format!("`{shown}` in the front matter names no language factlint reads"),
    );
    let read_as = match (language, source) {
        (Some(language), LanguageSource::Option) => {
            format!(
                "it is read as {} (the command line's choice)",
                name(language)
            )
        }
        (Some(language), LanguageSource::Project) => {
            format!(
                "it is read as {} (the configuration's language)",
                name(language)
            )
        }
        (Some(language), _) => format!("it is read as {}, detected from its prose", name(language)),
        (None, _) => {
            "its language could not be detected, so figures such as `1.234` stay ambiguous"
                .to_owned()
        }
    };
    found.note = Some(
        format!(
            "factlint reads English and German (`lang: en`, `lang: de`); this document's key is \
         not used: {read_as}."
        )
        .into(),
    );
    found
}

fn name(language: Language) -> &'static str {
    match language {
        Language::English => "English",
        Language::German => "German",
    }
}
