//! Suppression comments: `<!-- factlint-disable-next-line FL001 -->`,
//! `<!-- factlint-disable FL101 -->` … `<!-- factlint-enable -->`,
//! `<!-- factlint-disable-file -->`. Plain text takes the same directives on a line of their own,
//! with or without the comment markers. A directive without codes covers every code; a reason
//! may follow after `--` (`-- source: https://…`). Front matter may turn codes off for the
//! whole file: `factlint: {disable: [FL001]}` (YAML), `factlint = { disable = ["FL001"] }`
//! (TOML).
//!
//! ## What it does
//! FL900 flags a suppression comment that suppresses nothing (the figure was fixed, or the
//! code is wrong), so stale comments do not pile up. FL901, when the configuration sets
//! `require_suppression_reason = true`, flags a suppression comment without a reason after
//! `--`.
//!
//! ## Why is this bad?
//! A suppression that suppresses nothing hides the next real finding on that line; one
//! without a reason leaves the next editor guessing why a figure was accepted.
//!
//! ## Example
//! ```text
//! <!-- factlint-disable-next-line FL101 -- source: https://example.com/count -->
//! ```
//!
//! ## Fix safety
//! No fix: remove the comment or add the reason.

use crate::diagnostics::Finding;
use crate::document::FrontMatter;
use crate::text::Span;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    NextLine,
    Disable,
    Enable,
    File,
}

/// One suppression directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Codes or names; empty means every code.
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// The directive's own span.
    pub span: Span,
    /// The byte range it covers.
    pub covers: Span,
}

impl Directive {
    /// Whether this directive suppresses `finding`.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        self.kind != DirectiveKind::Enable
            && self.covers.start <= finding.span.start
            && finding.span.start < self.covers.end.max(self.covers.start + 1)
            && self.matches(finding)
    }

    fn matches(&self, finding: &Finding) -> bool {
        self.codes.is_empty()
            || self.codes.iter().any(|code| {
                code.eq_ignore_ascii_case(finding.code)
                    || crate::checks::lookup(code).is_some_and(|known| known.code == finding.code)
            })
    }
}

/// Finds every directive in `text`.
pub fn directives(text: &str) -> Vec<Directive> {
    let mut found: Vec<Directive> = front_matter_directive(text).into_iter().collect();
    let finder = memchr::memmem::Finder::new("factlint-");
    let mut open: Vec<usize> = Vec::new();
    for at in finder.find_iter(text.as_bytes()) {
        let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = text[at..]
            .find('\n')
            .map_or(text.len(), |newline| at + newline);
        let line = text[line_start..line_end].trim_end_matches('\r');
        let trimmed = line.trim();
        let body = trimmed
            .strip_prefix("<!--")
            .map(|rest| rest.trim_end_matches("-->"))
            .unwrap_or(trimmed)
            .trim();
        // Only a directive that is the whole line (or the whole comment) counts.
        if !body.starts_with("factlint-")
            || text[line_start..at]
                .trim()
                .trim_start_matches("<!--")
                .trim()
                != ""
        {
            continue;
        }
        let (directive, reason) = match body.split_once("--") {
            Some((directive, reason)) => (directive.trim(), Some(reason.trim().to_owned())),
            None => (body, None),
        };
        let mut words = directive.split_whitespace();
        let kind = match words.next() {
            Some("factlint-disable-next-line") => DirectiveKind::NextLine,
            Some("factlint-disable") => DirectiveKind::Disable,
            Some("factlint-enable") => DirectiveKind::Enable,
            Some("factlint-disable-file") => DirectiveKind::File,
            _ => continue,
        };
        let codes: Vec<String> = words
            .flat_map(|word| word.split(','))
            .filter(|code| !code.is_empty())
            .map(str::to_owned)
            .collect();
        let span = Span::new(line_start, line_end);
        let covers = match kind {
            DirectiveKind::NextLine => {
                // The next line that is not blank.
                let mut next = (line_end + 1).min(text.len());
                loop {
                    let end = text[next..]
                        .find('\n')
                        .map_or(text.len(), |newline| next + newline);
                    if !text[next..end].trim().is_empty() || end >= text.len() {
                        break Span::new(next, end);
                    }
                    next = end + 1;
                }
            }
            DirectiveKind::Disable => {
                open.push(found.len());
                Span::new(line_end, text.len())
            }
            DirectiveKind::Enable => {
                // Close the open regions it names (or all).
                open.retain(|&index| {
                    let region: &mut Directive = &mut found[index];
                    let closes =
                        codes.is_empty() || region.codes.iter().any(|code| codes.contains(code));
                    if closes {
                        region.covers.end = line_start;
                    }
                    !closes
                });
                Span::new(line_start, line_start)
            }
            DirectiveKind::File => Span::new(0, text.len()),
        };
        found.push(Directive {
            kind,
            codes,
            reason,
            span,
            covers,
        });
    }
    found
}

/// `factlint: {disable: [FL001, FL002]}` or the same as nested YAML in YAML front matter;
/// `factlint = { disable = ["FL001"] }` or a `[factlint]` table with `disable = [...]` in
/// TOML front matter.
fn front_matter_directive(text: &str) -> Option<Directive> {
    let (kind, content, _) = FrontMatter::block(text)?;
    let opening = content.start;
    let front = &text[content.start..content.end];
    let start_of_key = match kind {
        FrontMatter::Yaml => front.find("factlint:")?,
        FrontMatter::Toml => front
            .find("[factlint]")
            .or_else(|| front.find("factlint ="))
            .or_else(|| front.find("factlint="))?,
    };
    let block = &front[start_of_key..];
    let disable_at = block.find("disable")?;
    let after = &block[disable_at + "disable".len()..];
    let codes: Vec<String> = if let Some(open) = after.find('[') {
        let close = after[open..].find(']')? + open;
        after[open + 1..close]
            .split(',')
            .map(|code| code.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|code| !code.is_empty())
            .collect()
    } else {
        after
            .lines()
            .skip(1)
            .map(str::trim)
            .take_while(|line| line.starts_with('-'))
            .map(|line| {
                line.trim_start_matches('-')
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_owned()
            })
            .collect()
    };
    let line_start = opening + start_of_key;
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |newline| line_start + newline);
    Some(Directive {
        kind: DirectiveKind::File,
        codes,
        reason: Some("front matter".to_owned()),
        span: Span::new(line_start, line_end),
        covers: Span::new(0, text.len()),
    })
}

/// The findings about directives: FL900 for those that suppress nothing among `findings`,
/// FL901 for those without a reason when the options require one.
pub fn findings(
    directives: &[Directive],
    findings: &[&Finding],
    options: &crate::engine::Options,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for directive in directives {
        let used = findings.iter().any(|finding| directive.suppresses(finding));
        out.extend(directive_findings(directive, used, options));
    }
    out
}

/// FL900 when `directive` suppressed nothing (`!used`), FL901 when it gives no reason and the
/// options require one.
fn directive_findings(
    directive: &Directive,
    used: bool,
    options: &crate::engine::Options,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if directive.kind == DirectiveKind::Enable {
        return out;
    }
    let codes = if directive.codes.is_empty() {
        "every code".to_owned()
    } else {
        directive.codes.join(", ")
    };
    if !used {
        let mut found = crate::checks::finding(
            "FL900",
            directive.span,
            format!("this suppression of {codes} suppresses nothing"),
        );
        found.note = Some("Remove it, or check the code it names.".into());
        out.push(found);
    }
    if options.require_suppression_reason
        && directive
            .reason
            .as_deref()
            .is_none_or(|reason| reason.trim().is_empty())
    {
        let mut found = crate::checks::finding(
            "FL901",
            directive.span,
            format!("this suppression of {codes} gives no reason"),
        );
        found.note = Some(
            "Add one after `--`, e.g. `-- source: https://…`; the configuration requires it."
                .into(),
        );
        out.push(found);
    }
    crate::checks::apply_severity(&options.severity, &mut out);
    out
}

/// Applies the suppression comments of a text to its findings as they come, in document order
/// (by start, then code), and puts FL900 and FL901 in their place among them: what
/// `Session::findings` gives, without holding the findings. A finding is held back only while
/// a directive before it may still be used by findings to come (a directive for the whole
/// file that nothing has used yet holds back everything after it).
pub struct Suppressor<'o> {
    /// In order of their own spans.
    directives: Vec<Directive>,
    used: Vec<bool>,
    /// The first directive whose findings are not handed on yet.
    next: usize,
    /// Findings no directive suppresses, waiting for the directives before them.
    waiting: std::collections::VecDeque<Finding>,
    /// Where the last finding given starts: none to come starts before.
    reached: usize,
    options: &'o crate::engine::Options,
}

impl<'o> Suppressor<'o> {
    /// `None` when `text` has no directive.
    pub fn new(text: &str, options: &'o crate::engine::Options) -> Option<Suppressor<'o>> {
        let mut directives = directives(text);
        if directives.is_empty() {
            return None;
        }
        directives.sort_by_key(|directive| directive.span.start);
        Some(Suppressor {
            used: vec![false; directives.len()],
            directives,
            next: 0,
            waiting: std::collections::VecDeque::new(),
            reached: 0,
            options,
        })
    }

    /// Takes the next finding (in document order) and hands on what is settled.
    pub fn push(
        &mut self,
        finding: Finding,
        emit: &mut dyn FnMut(Finding) -> std::ops::ControlFlow<()>,
    ) -> std::ops::ControlFlow<()> {
        self.reached = self.reached.max(finding.span.start);
        let mut suppressed = false;
        for (directive, used) in self.directives.iter().zip(&mut self.used) {
            if directive.suppresses(&finding) {
                *used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            self.waiting.push_back(finding);
        }
        self.hand_on(false, emit)
    }

    /// Hands on everything left: no finding is to come.
    pub fn finish(
        &mut self,
        emit: &mut dyn FnMut(Finding) -> std::ops::ControlFlow<()>,
    ) -> std::ops::ControlFlow<()> {
        self.hand_on(true, emit)
    }

    fn hand_on(
        &mut self,
        finished: bool,
        emit: &mut dyn FnMut(Finding) -> std::ops::ControlFlow<()>,
    ) -> std::ops::ControlFlow<()> {
        loop {
            let directive = self.directives.get(self.next);
            let directive_first = match (directive, self.waiting.front()) {
                (None, None) => return std::ops::ControlFlow::Continue(()),
                (None, Some(_)) => false,
                (Some(_), None) => true,
                // Its own findings (FL900, FL901) sort after any other code at the same start.
                (Some(directive), Some(finding)) => directive.span.start < finding.span.start,
            };
            if !directive_first {
                if let Some(finding) = self.waiting.pop_front() {
                    emit(finding)?;
                }
                continue;
            }
            let Some(directive) = directive else {
                return std::ops::ControlFlow::Continue(());
            };
            // Settled once used, or once findings have passed what it covers; handed on once
            // no finding to come can sort before its own.
            let used = self.used[self.next];
            let covered_end = directive.covers.end.max(directive.covers.start + 1);
            let settled = finished
                || (used || covered_end <= self.reached) && directive.span.start < self.reached;
            if !settled {
                return std::ops::ControlFlow::Continue(());
            }
            for found in directive_findings(directive, used, self.options) {
                emit(found)?;
            }
            self.next += 1;
        }
    }
}

/// Drops suppressed findings; returns the directives that suppressed nothing.
pub fn apply(text: &str, findings: &mut Vec<Finding>) -> Vec<Directive> {
    let directives = directives(text);
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    findings.retain(|finding| {
        let mut suppressed = false;
        for (at, directive) in directives.iter().enumerate() {
            if directive.suppresses(finding) {
                used[at] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    directives
        .into_iter()
        .zip(used)
        .filter(|(directive, used)| !used && directive.kind != DirectiveKind::Enable)
        .map(|(directive, _)| directive)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter_turns_codes_off() {
        for text in [
            "+++\ntitle = \"x\"\nfactlint = { disable = [\"FL002\", \"FL110\"] }\n+++\n\nText.\n",
            "+++\r\ntitle = \"x\"\r\n[factlint]\r\ndisable = [\"FL002\", \"FL110\"]\r\n+++\r\n\r\nText.\r\n",
        ] {
            let found = directives(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(found[0].codes, ["FL002", "FL110"]);
            assert!(
                text[found[0].span.start..found[0].span.end].starts_with("factlint =")
                    || text[found[0].span.start..found[0].span.end].starts_with("[factlint]")
            );
        }
        // Not closed: no front matter, no directive.
        assert!(directives("+++\nfactlint = { disable = [\"FL002\"] }\n\nText.\n").is_empty());
    }
    use crate::{DocumentFormat, Options, analyze};

    fn codes(text: &str) -> Vec<(&'static str, String)> {
        let analysis = analyze(text, DocumentFormat::Markdown, &Options::default());
        analysis
            .findings
            .iter()
            .filter(|finding| finding.severity > crate::Severity::Hint)
            .map(|finding| {
                (
                    finding.code,
                    text[finding.span.start..finding.span.end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn every_form_suppresses() {
        let plain = "Die Kosten sind um 22, 4 % gestiegen, und das ist viel.\n\nDie Preise sind um 23, 5 % gestiegen, und das ist viel.\n";
        assert_eq!(codes(plain).len(), 2);
        let next_line = "<!-- factlint-disable-next-line FL001 -- checked by hand -->\nDie Kosten sind um 22, 4 % gestiegen, und das ist viel.\n\nDie Preise sind um 23, 5 % gestiegen, und das ist viel.\n";
        assert_eq!(codes(next_line), vec![("FL001", "23, 5".to_owned())]);
        let region = "<!-- factlint-disable malformed-number -->\nDie Kosten sind um 22, 4 % gestiegen, und das ist viel.\n<!-- factlint-enable -->\n\nDie Preise sind um 23, 5 % gestiegen, und das ist viel.\n";
        assert_eq!(codes(region), vec![("FL001", "23, 5".to_owned())]);
        let file = "<!-- factlint-disable-file -->\nDie Kosten sind um 22, 4 % gestiegen, und das ist viel.\n\nDie Preise sind um 23, 5 % gestiegen, und das ist viel.\n";
        assert!(codes(file).is_empty());
        let other_code = "<!-- factlint-disable-next-line FL002 -->\nDie Kosten sind um 22, 4 % gestiegen, und das ist viel.\n";
        let found = codes(other_code);
        assert_eq!(
            found.iter().map(|(code, _)| *code).collect::<Vec<_>>(),
            vec!["FL900", "FL001"],
            "{found:?}"
        );
    }

    #[test]
    fn unused_directives_are_returned() {
        let text = "<!-- factlint-disable-next-line FL002 -->\nNothing to see: 5 apples.\n";
        let mut findings = analyze(text, DocumentFormat::Markdown, &Options::default()).findings;
        let unused = apply(text, &mut findings);
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].codes, vec!["FL002".to_owned()]);
        assert_eq!(
            &text[unused[0].span.start..unused[0].span.end],
            "<!-- factlint-disable-next-line FL002 -->"
        );
    }
}
