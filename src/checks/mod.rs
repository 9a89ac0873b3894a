//! The checks and their codes, registered in one place.
//!
//! Each check is one file whose `//!` doc comment is its documentation: `factlint explain`
//! and the README's code table are generated from that text, so it is never written twice.
//! Codes are public API (configuration and suppressions name them): never renumber one.

mod ambiguous_currency;
mod ambiguous_number;
mod consistency;
mod conversions;
mod cross_language_scale;
mod derived;
mod fact_agreement;
mod malformed_number;
mod number_format;
mod parts;
mod percent_points;
mod relations;
pub(crate) mod support;
mod unknown_language;

pub(crate) use unknown_language::unknown_language;

use crate::claims::{Claim, NumberProblem};
use crate::diagnostics::{Finding, Severity};
use crate::engine::Options;
use crate::language::Language;
use crate::rules::{DocumentMentions, RuleSet};
use crate::text::Span;

/// What every check sees: the document, what the extractor read from it, and the rules.
pub struct CheckContext<'a> {
    pub text: &'a str,
    pub language: Option<Language>,
    pub claims: &'a [Claim],
    /// The block (paragraph) of each claim, parallel to `claims`.
    pub claim_blocks: &'a [Span],
    pub number_problems: &'a [NumberProblem],
    pub rules: &'a RuleSet,
    pub options: &'a Options,
    /// The date currency rates are taken at: the latest full date the document mentions (not
    /// after today), else today. Read only to convert money claims: `check_in_chunks` looks
    /// for it only once a chunk holds one.
    pub rate_date: Option<crate::claims::Date>,
    pub(crate) mentions: &'a Mentions<'a>,
    /// Hints are neither computed nor reported (`Options::skip_hints`, in a document without
    /// suppression comments).
    pub skip_hints: bool,
    /// For a document read a chunk at a time: what the document-scoped checks keep of the
    /// chunks before, `claims` being the next chunk's. `None` when `claims` are all of them.
    pub document: Option<&'a std::cell::RefCell<DocumentState>>,
}

/// The names and context words of the rules found in the blocks that hold the claims: only
/// the fact check asks, and only for a claim some fact fits, so they may be looked for on
/// the first question. Names and context words are looked for apart: a claim that only a
/// fact about a named entity fits needs to know whether any name is there, and a text of
/// figures that names none never needs its context words.
pub(crate) enum Mentions<'a> {
    Found(&'a DocumentMentions),
    OnFirstUse {
        /// Holds the entity names only.
        entities: std::cell::OnceCell<DocumentMentions>,
        /// Holds the context words only.
        context: std::cell::OnceCell<DocumentMentions>,
        find: &'a dyn Fn(crate::rules::Wanted) -> DocumentMentions,
    },
}

impl Mentions<'_> {
    /// The mentions with their entity names (context words only if found before).
    pub(crate) fn entities(&self) -> &DocumentMentions {
        match self {
            Mentions::Found(found) => found,
            Mentions::OnFirstUse { entities, find, .. } => {
                entities.get_or_init(|| find(crate::rules::Wanted::Entities))
            }
        }
    }

    /// The mentions with their context words (entity names only if found before).
    pub(crate) fn context(&self) -> &DocumentMentions {
        match self {
            Mentions::Found(found) => found,
            Mentions::OnFirstUse { context, find, .. } => {
                context.get_or_init(|| find(crate::rules::Wanted::Context))
            }
        }
    }
}

/// What the document-scoped checks keep between the chunks of a document read a chunk at a
/// time (`engine::check_in_chunks`): digests of the figures seen, not the claims.
#[derive(Default)]
pub struct DocumentState {
    first_of_value: number_format::FirstOfValue,
    figures: consistency::Figures,
    /// The document's first decimal in its own style, wherever it is: the reader looks ahead
    /// for it before a chunk with a decimal in the other style is checked.
    native_decimal: Option<crate::claims::WrittenNumber>,
}

impl DocumentState {
    /// Records the document's first decimal in its own style.
    pub fn set_native_decimal(&mut self, written: Option<crate::claims::WrittenNumber>) {
        self.native_decimal = written;
    }
}

pub(crate) use number_format::{foreign_decimal, native_decimal};

/// A registered code.
pub struct Code {
    /// `FL001`.
    pub code: &'static str,
    /// `malformed-number`: a name to read aloud and to use in configuration.
    pub name: &'static str,
    pub default_severity: Severity,
    /// The check, or `None` for a code another code's check reports (FL101 comes from FL100's
    /// check, FL141 from FL140's); such codes follow their check's code in `CODES`.
    run: Option<fn(&CheckContext, &mut Vec<Finding>)>,
    /// Whether the check looks at one chunk (paragraphs between blank lines) or the whole
    /// document; chunk checks are re-run only for the chunks an edit touches.
    scope: CheckScope,
    source: &'static str,
    /// For a code that shares its check file with others: its own one-line summary.
    own_summary: Option<&'static str>,
}

impl Code {
    /// The documentation: the `//!` comment of the check's source file, as Markdown.
    pub fn documentation(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
        }
        doc
    }

    /// The first paragraph of the documentation on one line, or the code's own summary.
    pub fn summary(&self) -> String {
        if let Some(summary) = self.own_summary {
            return summary.to_owned();
        }
        let doc = self.documentation();
        let first: Vec<&str> = doc
            .lines()
            .take_while(|line| !line.trim().is_empty())
            .map(str::trim)
            .collect();
        first.join(" ")
    }
}

/// Every code, in order.
pub static CODES: &[Code] = &[
    Code {
        code: "FL001",
        name: "malformed-number",
        default_severity: Severity::Warning,
        run: Some(malformed_number::check),
        scope: CheckScope::Chunk,
        source: include_str!("malformed_number.rs"),
        own_summary: None,
    },
    Code {
        code: "FL002",
        name: "inconsistent-number-format",
        default_severity: Severity::Warning,
        run: Some(number_format::check),
        scope: CheckScope::Document,
        source: include_str!("number_format.rs"),
        own_summary: None,
    },
    Code {
        code: "FL003",
        name: "cross-language-scale-word",
        default_severity: Severity::Warning,
        run: Some(cross_language_scale::check),
        scope: CheckScope::Chunk,
        source: include_str!("cross_language_scale.rs"),
        own_summary: None,
    },
    Code {
        code: "FL004",
        name: "percent-for-percentage-points",
        default_severity: Severity::Warning,
        run: Some(percent_points::check),
        scope: CheckScope::Chunk,
        source: include_str!("percent_points.rs"),
        own_summary: None,
    },
    Code {
        code: "FL005",
        name: "ambiguous-number",
        default_severity: Severity::Info,
        run: Some(ambiguous_number::check),
        scope: CheckScope::Chunk,
        source: include_str!("ambiguous_number.rs"),
        own_summary: None,
    },
    Code {
        code: "FL006",
        name: "ambiguous-currency",
        default_severity: Severity::Info,
        run: Some(ambiguous_currency::check),
        scope: CheckScope::Chunk,
        source: include_str!("ambiguous_currency.rs"),
        own_summary: None,
    },
    Code {
        code: "FL100",
        name: "fact-agrees",
        default_severity: Severity::Info,
        run: Some(fact_agreement::check),
        scope: CheckScope::Chunk,
        source: include_str!("fact_agreement.rs"),
        own_summary: Some(
            "A claim agrees with a sourced reference fact from the rule files (with the source).",
        ),
    },
    Code {
        code: "FL101",
        name: "fact-disagrees",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("fact_agreement.rs"),
        own_summary: Some("A claim disagrees with a sourced reference fact from the rule files."),
    },
    Code {
        code: "FL102",
        name: "fact-unverifiable",
        default_severity: Severity::Info,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("fact_agreement.rs"),
        own_summary: Some(
            "A claim seems to be about a reference fact but cannot be compared (and why).",
        ),
    },
    Code {
        code: "FL110",
        name: "inconsistent-figures",
        default_severity: Severity::Warning,
        run: Some(consistency::check),
        scope: CheckScope::Document,
        source: include_str!("consistency.rs"),
        own_summary: None,
    },
    Code {
        code: "FL120",
        name: "relation-mismatch",
        default_severity: Severity::Warning,
        run: Some(relations::check),
        scope: CheckScope::Chunk,
        source: include_str!("relations.rs"),
        own_summary: None,
    },
    Code {
        code: "FL130",
        name: "parts-exceed-whole",
        default_severity: Severity::Warning,
        run: Some(parts::check),
        scope: CheckScope::Chunk,
        source: include_str!("parts.rs"),
        own_summary: None,
    },
    Code {
        code: "FL140",
        name: "money-conversion",
        default_severity: Severity::Hint,
        run: Some(conversions::check),
        scope: CheckScope::Chunk,
        source: include_str!("conversions.rs"),
        own_summary: Some(
            "A money claim in the reporting currency, at a dated rate from the rule files.",
        ),
    },
    Code {
        code: "FL141",
        name: "scale-in-other-language",
        default_severity: Severity::Hint,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("conversions.rs"),
        own_summary: Some("A large scale word spelled out in both languages' scales."),
    },
    Code {
        code: "FL142",
        name: "percent-as-factor",
        default_severity: Severity::Hint,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("conversions.rs"),
        own_summary: Some("A percentage of something, or a reduction, restated as a factor."),
    },
    Code {
        code: "FL150",
        name: "derived-figure",
        default_severity: Severity::Info,
        run: Some(derived::check),
        scope: CheckScope::Chunk,
        source: include_str!("derived.rs"),
        own_summary: Some(
            "A figure derived from the claims of a sentence by a rule-file check, with its arithmetic.",
        ),
    },
    Code {
        code: "FL151",
        name: "implausible-derived-figure",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("derived.rs"),
        own_summary: Some("A derived figure outside the sourced or expected range."),
    },
    Code {
        code: "FL152",
        name: "derived-figure-disagrees",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Chunk,
        source: include_str!("derived.rs"),
        own_summary: Some(
            "A figure stated for what other figures of its sentence compute, which they cannot give.",
        ),
    },
    Code {
        code: "FL900",
        name: "unused-suppression",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Document,
        source: include_str!("../suppress.rs"),
        own_summary: Some("A suppression comment that suppresses nothing."),
    },
    Code {
        code: "FL901",
        name: "suppression-without-reason",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Document,
        source: include_str!("../suppress.rs"),
        own_summary: Some(
            "A suppression comment without a reason, where the configuration requires one.",
        ),
    },
    Code {
        code: "FL902",
        name: "unknown-language",
        default_severity: Severity::Warning,
        run: None,
        scope: CheckScope::Document,
        source: include_str!("unknown_language.rs"),
        own_summary: None,
    },
];

/// What a check looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckScope {
    /// A chunk: claims whose sentences and paragraphs are all inside it.
    Chunk,
    /// The whole document (the same figure written twice, far apart).
    Document,
}

/// Looks a code up by its code (`FL001`, any case) or its name (`malformed-number`).
pub fn lookup(code_or_name: &str) -> Option<&'static Code> {
    let wanted = code_or_name.trim();
    // A code as `CODES` writes it, as the checks pass it, is found by the first comparison
    // that can find it: a run of 100,000 findings asks 100,000 times.
    CODES.iter().find(|code| code.code == wanted).or_else(|| {
        CODES.iter().find(|code| {
            code.code.eq_ignore_ascii_case(wanted) || code.name.eq_ignore_ascii_case(wanted)
        })
    })
}

/// Runs every check.
pub fn run_all(context: &CheckContext) -> Vec<Finding> {
    let mut findings = Vec::new();
    run_into(context, CheckScope::Chunk, &mut findings);
    run_into(context, CheckScope::Document, &mut findings);
    findings
}

/// Runs the checks of one scope.
pub fn run(context: &CheckContext, scope: CheckScope) -> Vec<Finding> {
    let mut findings = Vec::new();
    run_into(context, scope, &mut findings);
    findings
}

/// Runs the checks of one scope, adding their findings to `all` (what it holds is left as it
/// is): a caller that checks a long text part by part keeps one buffer for all of them.
pub fn run_into(context: &CheckContext, scope: CheckScope, all: &mut Vec<Finding>) {
    let before = all.len();
    run_checks(context, scope, all);
    finish_findings(context, &mut all[before..]);
    apply_severity_from(&context.options.severity, all, before);
    if context.skip_hints {
        retain_from(all, before, |finding| finding.severity != Severity::Hint);
    }
}

/// Keeps the findings from index `from` on for which `keep` holds (and may change them); those
/// before `from` stay as they are.
fn retain_from(
    findings: &mut Vec<Finding>,
    from: usize,
    mut keep: impl FnMut(&mut Finding) -> bool,
) {
    let mut at = 0;
    findings.retain_mut(|finding| {
        at += 1;
        at <= from || keep(finding)
    });
}

fn run_checks(context: &CheckContext, scope: CheckScope, findings: &mut Vec<Finding>) {
    let wanted = |code: &Code| match effective_severity(&context.options.severity, code) {
        None => false,
        Some(Severity::Hint) => !context.skip_hints,
        Some(_) => true,
    };
    for (at, code) in CODES.iter().enumerate() {
        let Some(check) = code.run.filter(|_| code.scope == scope) else {
            continue;
        };
        // A check runs when one of the codes it reports is wanted: not turned off, and not
        // a hint in a run that shows none.
        let reported = std::iter::once(code).chain(
            CODES[at + 1..]
                .iter()
                .take_while(|later| later.run.is_none()),
        );
        if reported.clone().any(wanted) {
            check(context, findings);
        }
    }
}

/// What every new finding gets: an explanation, the configured severity, one-line notes.
fn finish_findings(context: &CheckContext, findings: &mut [Finding]) {
    // Every finding carries an explanation; the checks of how figures are written have no
    // computation and no source, and say so (unless the output shows no such explanation,
    // `Options::skip_plain_explanations`).
    if !context.options.skip_plain_explanations {
        for finding in findings.iter_mut() {
            if finding.explanation.is_none() {
                // Claims are in document order and do not overlap: the one that may hold the
                // finding is the last one starting at or before it.
                let at = context
                    .claims
                    .partition_point(|claim| claim.span.start <= finding.span.start);
                let claim = at
                    .checked_sub(1)
                    .map(|at| &context.claims[at])
                    .filter(|claim| finding.span.end <= claim.span.end);
                finding.explanation = Some(Box::new(crate::diagnostics::Explanation {
                    inputs: claim
                        .and_then(|claim| Some(support::input("claim", claim, context.text, claim.value.number()?, claim.unit)))
                        .into_iter()
                        .collect(),
                    why: Some("this finding is about how the figure is written; no computation or source is involved".to_owned()),
                    ..Default::default()
                }));
            }
        }
    }
    // Notes and related messages are one line each, as messages are: a figure quoted from a
    // wrapped paragraph keeps its words, not its line break.
    // A note written out in the code (borrowed) quotes nothing.
    for finding in findings.iter_mut() {
        if let Some(note @ std::borrow::Cow::Owned(_)) = &mut finding.note
            && let Some(line) = one_line(note)
        {
            *note = line.into();
        }
        for related in &mut finding.related {
            if let Some(line) = one_line(&related.message) {
                related.message = line;
            }
        }
    }
}

/// `text` on one line, when it holds a line break: its words joined by single spaces.
fn one_line(text: &str) -> Option<String> {
    memchr::memchr2(b'\n', b'\r', text.as_bytes())
        .map(|_| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The severity `code` is reported at under the configured `severity` settings; `None` when
/// it is turned off.
fn effective_severity(severity: &[(String, Option<Severity>)], code: &Code) -> Option<Severity> {
    setting(severity, code.code, Some(code.name))
        .map_or(Some(code.default_severity), |(_, level)| *level)
}

/// The last setting for a code (its code in any case, or its name).
fn setting<'s>(
    severity: &'s [(String, Option<Severity>)],
    code: &str,
    name: Option<&str>,
) -> Option<&'s (String, Option<Severity>)> {
    severity
        .iter()
        .rev()
        .find(|(key, _)| key.eq_ignore_ascii_case(code) || Some(key.as_str()) == name)
}

/// Applies configured severities: a code (or its name) set to `None` is dropped.
pub fn apply_severity(severity: &[(String, Option<Severity>)], findings: &mut Vec<Finding>) {
    apply_severity_from(severity, findings, 0);
}

/// [`apply_severity`] to the findings from index `from` on.
fn apply_severity_from(
    severity: &[(String, Option<Severity>)],
    findings: &mut Vec<Finding>,
    from: usize,
) {
    if severity.is_empty() {
        return;
    }
    retain_from(findings, from, |finding| {
        let name = lookup(finding.code).map(|code| code.name);
        match setting(severity, finding.code, name) {
            None => true,
            Some((_, None)) => false,
            Some((_, Some(level))) => {
                finding.severity = *level;
                true
            }
        }
    });
}

/// Builds a finding of `code` with the code's default severity.
pub(crate) fn finding(code: &'static str, span: crate::text::Span, message: String) -> Finding {
    let severity = lookup(code).map_or(Severity::Warning, |code| code.default_severity);
    // A message is one line: figures quoted from a wrapped paragraph keep their words, not
    // their line breaks.
    let message = one_line(&message).unwrap_or(message);
    Finding {
        code,
        severity,
        span,
        message,
        note: None,
        related: Vec::new(),
        fix: None,
        verdict: None,
        rule: None,
        explanation: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocumentFormat;
    use crate::engine::{Options, analyze};

    /// Names and context words are each looked for once, and only when asked for.
    #[test]
    fn mentions_are_looked_for_apart_and_once() {
        use crate::rules::Wanted;
        let asked = std::cell::RefCell::new(Vec::new());
        let find = |wanted: Wanted| {
            asked.borrow_mut().push(wanted);
            crate::rules::DocumentMentions::default()
        };
        let mentions = Mentions::OnFirstUse {
            entities: std::cell::OnceCell::new(),
            context: std::cell::OnceCell::new(),
            find: &find,
        };
        assert!(asked.borrow().is_empty());
        mentions.entities();
        mentions.entities();
        assert_eq!(*asked.borrow(), [Wanted::Entities]);
        mentions.context();
        mentions.context();
        assert_eq!(*asked.borrow(), [Wanted::Entities, Wanted::Context]);
    }

    /// Findings already in the buffer are left as they are: the severities configured, the
    /// codes turned off and the hints left out apply to the new ones alone.
    #[test]
    fn run_into_settles_only_the_findings_it_adds() {
        let text = "Der Umsatz stieg auf 1 Billion Dollar, 2000 oder 2.000 Euro.\n";
        let options = Options {
            severity: vec![
                ("FL002".into(), Some(Severity::Info)),
                ("FL003".into(), None),
            ],
            ..Options::default()
        };
        let analysis = analyze(text, DocumentFormat::Markdown, &Options::default());
        let unset: Vec<_> = analysis
            .findings
            .iter()
            .map(|finding| finding.code)
            .collect();
        assert!(
            unset.contains(&"FL002") && unset.contains(&"FL003"),
            "{unset:?}"
        );
        let blocks = vec![crate::text::Span::new(0, text.len()); analysis.claims.len()];
        let none = crate::rules::DocumentMentions::default();
        let mentions = Mentions::Found(&none);
        let context = CheckContext {
            text,
            language: analysis.language,
            claims: &analysis.claims,
            claim_blocks: &blocks,
            number_problems: &[],
            rules: crate::rules::RuleSet::bundled(),
            options: &options,
            rate_date: None,
            mentions: &mentions,
            skip_hints: true,
            document: None,
        };
        let earlier = |code: &'static str, severity| Finding {
            severity,
            ..finding(code, crate::text::Span::new(0, 3), "earlier".into())
        };
        let mut all = vec![
            earlier("FL003", Severity::Warning),
            earlier("FL002", Severity::Error),
            earlier("FL004", Severity::Hint),
        ];
        run_into(&context, CheckScope::Chunk, &mut all);
        run_into(&context, CheckScope::Document, &mut all);
        let codes: Vec<_> = all
            .iter()
            .map(|finding| (finding.code, finding.severity, finding.message.as_str()))
            .collect();
        assert_eq!(
            codes[..3],
            [
                ("FL003", Severity::Warning, "earlier"),
                ("FL002", Severity::Error, "earlier"),
                ("FL004", Severity::Hint, "earlier"),
            ]
        );
        let added: Vec<_> = codes[3..]
            .iter()
            .map(|(code, severity, _)| (*code, *severity))
            .collect();
        assert!(added.contains(&("FL002", Severity::Info)), "{added:?}");
        assert!(!added.iter().any(|(code, _)| *code == "FL003"), "{added:?}");
        assert!(all[3..].iter().all(|finding| finding.explanation.is_some()));
    }

    #[test]
    fn codes_are_unique_ordered_and_documented() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for code in CODES {
            let doc = code.documentation();
            assert!(
                doc.contains("## What it does"),
                "{} lacks 'What it does'",
                code.code
            );
            assert!(doc.contains("## Why"), "{} lacks 'Why'", code.code);
            assert!(doc.contains("## Example"), "{} lacks 'Example'", code.code);
            assert!(!code.summary().is_empty());
        }
    }
}
