//! What the server shows: hover notes, code actions and inlay hints, computed from a session.

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Hover, HoverContents, InlayHint,
    InlayHintKind, InlayHintLabel, MarkupContent, MarkupKind, TextEdit, Uri, WorkspaceEdit,
};

use crate::checks::support::{figure, quantity};
use crate::claims::{Claim, ClaimKind, ClaimValue};
use crate::diagnostics::{Applicability, Finding, Severity};
use crate::document::{DocumentFormat, FrontMatter};
use crate::engine::Session;
use crate::text::Span;

use super::convert::{Lines, code_uri, diagnostic};
use super::settings::Settings;

/// The findings a session shows, with the severity the settings give them.
pub fn shown_findings<'a>(
    session: &'a Session,
    settings: &Settings,
) -> Vec<(&'a Finding, Severity)> {
    session
        .findings()
        .into_iter()
        .filter_map(|finding| {
            let name = crate::checks::lookup(finding.code).map(|code| code.name);
            let severity = settings.severity_of(finding.code, name)?;
            Some((finding, severity.unwrap_or(finding.severity)))
        })
        .collect()
}

pub fn diagnostics(
    session: &Session,
    settings: &Settings,
    lines: &Lines,
    uri: &Uri,
) -> Vec<Diagnostic> {
    shown_findings(session, settings)
        .into_iter()
        .map(|(finding, severity)| diagnostic(finding, lines, uri, Some(severity)))
        .collect()
}

/// The claim under `offset`.
pub fn claim_at(session: &Session, offset: usize) -> Option<&Claim> {
    let claims = session.claims();
    let at = claims.partition_point(|claim| claim.span.end < offset);
    claims[at..]
        .iter()
        .take_while(|claim| claim.span.start <= offset)
        .find(|claim| claim.span.start <= offset && offset <= claim.span.end)
}

/// Findings that involve a claim: on its span or computed from it.
fn findings_about<'a>(
    session: &'a Session,
    settings: &Settings,
    claim: &Claim,
) -> Vec<(&'a Finding, Severity)> {
    shown_findings(session, settings)
        .into_iter()
        .filter(|(finding, _)| {
            let overlaps =
                finding.span.start < claim.span.end && claim.span.start < finding.span.end;
            let input = finding.explanation.as_ref().is_some_and(|explanation| {
                explanation.inputs.iter().any(|input| {
                    input.start == Some(claim.span.start) && input.end == Some(claim.span.end)
                })
            });
            overlaps || input
        })
        .collect()
}

/// A hover note for the claim under `offset`: its value, conversions, checks and sources.
pub fn hover(
    session: &Session,
    settings: &Settings,
    lines: &Lines,
    offset: usize,
) -> Option<Hover> {
    let claim = claim_at(session, offset)?;
    let text = session.text();
    let written = &text[claim.span.start..claim.span.end];
    let mut out = String::new();
    let value = match claim.value {
        ClaimValue::Date(date) => date.iso(),
        ClaimValue::Number(value) => {
            let shown = quantity(value, claim.unit, claim.kind);
            match claim.high {
                Some(high) => format!(
                    "{}–{}",
                    figure(value),
                    quantity(high, claim.unit, claim.kind)
                ),
                None => shown,
            }
        }
    };
    out.push_str(&format!(
        "**{}** · {} · {}",
        escape(written),
        claim.kind.as_str().replace('_', " "),
        escape(&value)
    ));
    if claim.bound != crate::claims::Bound::Exact {
        out.push_str(&format!(" ({})", claim.bound.as_str().replace('_', " ")));
    }
    if claim.only {
        out.push_str(" · \"only\"");
    }
    out.push('\n');
    if let (Some(exponent), Some(scale)) = (claim.scale_exponent, claim.scale.as_deref())
        && exponent >= 6
        && let Some(value) = claim.value.number()
    {
        let mantissa = figure(value / 10f64.powi(exponent));
        let (english, german) = match exponent {
            6 => ("million", "Million(en)"),
            9 => ("billion", "Milliarde(n)"),
            12 => ("trillion", "Billion(en)"),
            15 => ("quadrillion", "Billiarde(n)"),
            _ => ("", ""),
        };
        out.push_str(&format!("\n- Scale: {mantissa} {} = {mantissa} × 10^{exponent}: English *{english}*, German *{german}*\n", escape(scale)));
    }
    if let Some(subject) = &claim.subject {
        out.push_str(&format!("- About: {}\n", escape(&subject.text)));
    }
    if let Some(period) = &claim.period {
        out.push_str(&format!("- Period: {}\n", escape(&period.text)));
    }
    if let Some(per) = &claim.per {
        out.push_str(&format!("- Per: {}\n", escape(&per.noun)));
    }
    let related = findings_about(session, settings, claim);
    if related.is_empty() {
        out.push_str("\nNo check flagged this figure: no reference fact in the rules is about it, and the document's other figures do not contradict it.\n");
    }
    for (finding, severity) in related {
        let mark = match severity {
            Severity::Error | Severity::Warning => "⚠",
            Severity::Info if finding.verdict == Some(crate::diagnostics::Verdict::Agrees) => "✔",
            _ => "ℹ",
        };
        let code = match code_uri(finding.code) {
            Some(uri) => format!("[{}]({})", finding.code, uri.as_str()),
            None => finding.code.to_owned(),
        };
        out.push_str(&format!("\n{mark} {} ({code})\n", finding.message));
        if let Some(note) = &finding.note {
            // Notes are factlint's own sentences (with `code` quotes and <links>): kept as
            // Markdown.
            out.push_str(&format!("\n{note}\n"));
        }
        if let Some(explanation) = &finding.explanation {
            if let Some(computation) = &explanation.computation {
                out.push_str(&format!("\n```text\n{computation}\n```\n"));
            }
            for source in &explanation.sources {
                let title = escape(&source.title);
                let date = source
                    .published
                    .as_deref()
                    .map(|date| format!(", {date}"))
                    .unwrap_or_default();
                match &source.url {
                    Some(url) => out.push_str(&format!("- Source: [{title}]({url}){date}\n")),
                    None => out.push_str(&format!("- Source: {title}{date}\n")),
                }
                if let Some(quote) = &source.quote {
                    out.push_str(&format!("  > {}\n", escape(quote)));
                }
            }
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: out,
        }),
        range: Some(lines.range(claim.span)),
    })
}

/// Markdown-escapes text that comes from the document or the rules.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Quick fixes and suppressions for the findings in `range`.
pub fn code_actions(
    session: &Session,
    settings: &Settings,
    lines: &Lines,
    uri: &Uri,
    range: Span,
) -> Vec<CodeActionOrCommand> {
    let text = session.text();
    let markdown = session.format() == DocumentFormat::Markdown;
    let mut actions = Vec::new();
    for (finding, severity) in shown_findings(session, settings) {
        if finding.span.end < range.start || finding.span.start > range.end {
            continue;
        }
        let diagnostic = diagnostic(finding, lines, uri, Some(severity));
        let edit = |span: Span, new_text: String| {
            let mut changes = std::collections::HashMap::new();
            changes.insert(
                uri.clone(),
                vec![TextEdit::new(lines.range(span), new_text)],
            );
            Some(WorkspaceEdit {
                changes: Some(changes),
                ..WorkspaceEdit::default()
            })
        };
        if let Some(fix) = &finding.fix {
            let safe = fix.applicability == Applicability::Safe;
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    fix.title.clone()
                } else {
                    format!("{} (suggestion: check the source first)", fix.title)
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: edit(fix.span, fix.replacement.clone()),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
        if markdown
            && let Some(url) = finding.explanation.as_ref().and_then(|explanation| {
                explanation
                    .sources
                    .iter()
                    .find_map(|source| source.url.clone())
            })
            && !text[..finding.span.start].ends_with('[')
        {
            let written = &text[finding.span.start..finding.span.end];
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Link this figure to its source".to_owned(),
                kind: Some(CodeActionKind::REFACTOR),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: edit(finding.span, format!("[{written}]({url})")),
                ..CodeAction::default()
            }));
        }
        let line_start = text[..finding.span.start]
            .rfind('\n')
            .map_or(0, |newline| newline + 1);
        let indent: String = text[line_start..]
            .chars()
            .take_while(|ch| *ch == ' ' || *ch == '\t')
            .collect();
        let directive = |kind: &str| {
            if markdown {
                format!("<!-- factlint-{kind} {} -->", finding.code)
            } else {
                format!("factlint-{kind} {}", finding.code)
            }
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Suppress {} on this line", finding.code),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            edit: edit(
                Span::new(line_start, line_start),
                format!("{indent}{}\n", directive("disable-next-line")),
            ),
            ..CodeAction::default()
        }));
        let file_start = front_matter_end(text, markdown);
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Suppress {} in this file", finding.code),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: edit(
                Span::new(file_start, file_start),
                format!("{}\n", directive("disable-file")),
            ),
            ..CodeAction::default()
        }));
    }
    actions
}

/// Where a file-wide directive goes: after the front matter, if any.
fn front_matter_end(text: &str, markdown: bool) -> usize {
    FrontMatter::block(text)
        .filter(|_| markdown)
        .map_or(0, |(_, _, end)| end)
}

/// Inlay hints after the claims in `range`: the normalised value, and money in the reporting
/// currency.
pub fn inlay_hints(session: &Session, lines: &Lines, range: Span) -> Vec<InlayHint> {
    let conversions: Vec<&Finding> = session
        .findings()
        .into_iter()
        .filter(|finding| finding.code == "FL140")
        .collect();
    let mut hints = Vec::new();
    for claim in session.claims() {
        if claim.span.end < range.start || claim.span.start > range.end {
            continue;
        }
        let Some(value) = claim.value.number() else {
            continue;
        };
        let converted = conversions
            .iter()
            .find(|finding| finding.span == claim.span)
            .and_then(|finding| finding.explanation.as_ref()?.result.as_ref());
        let label = match (converted, claim.kind) {
            (Some(result), _) => format!(
                "≈ {}",
                quantity(result.value, result.unit.as_deref(), ClaimKind::Money)
            ),
            (None, ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity)
                if claim.scale.is_some() =>
            {
                format!("= {}", quantity(value, claim.unit, claim.kind))
            }
            (None, ClaimKind::Fraction) => format!("= {} %", figure(value * 100.0)),
            _ => continue,
        };
        hints.push(InlayHint {
            position: lines.position(claim.span.end),
            label: InlayHintLabel::String(label),
            kind: Some(InlayHintKind::TYPE),
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        });
    }
    hints
}
