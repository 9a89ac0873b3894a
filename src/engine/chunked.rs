//! Checking a document a chunk at a time, for a run that reports findings and keeps nothing
//! else (`factlint check`).
//!
//! A `Session` holds every claim of a document, about 180 bytes each: a number-dense text
//! holds more in claims than it weighs. `check_in_chunks` reads one chunk, checks it, hands
//! its findings over in document order and forgets its claims; the document-scoped checks
//! keep digests of the figures seen (`checks::DocumentState`). The findings are those of a
//! session over the same text, in the same order. Two things a chunk's checks need come from
//! the whole document, and are found before them:
//! - the date currency rates are taken at (the latest full date the text mentions): a first
//!   pass reads only the chunks whose raw text may hold a full date, and stops as soon as no
//!   later date could change which rates apply;
//! - the first decimal in the document's own style, which a decimal in the other style is
//!   compared with: looked for ahead only when such a decimal comes before any.
//!
//! A document with suppression comments is checked by a session: whether a comment
//! suppresses anything is known only after the last finding.

use std::cell::RefCell;

use super::{
    LanguageSource, Options, ReadAs, Session, chunk_spans, latest_full_date, mentions_in,
    read_chunk, settle_language,
};
use crate::checks::{self, CheckContext, CheckScope, DocumentState};
use crate::claims::{
    Claim, Date, NumberProblem, Scratch, WrittenNumber, may_hold_claims, may_hold_full_date,
};
use crate::diagnostics::Finding;
use crate::document::{DocumentFormat, lines_are_paragraphs};
use crate::language::Language;
use crate::rules::{RuleSet, date_key};
use crate::text::Span;

/// What `check_in_chunks` learned about a document besides its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outline {
    pub language: Option<Language>,
    pub language_source: LanguageSource,
    /// How many claims the document holds.
    pub claims: usize,
}

/// Checks `text` a chunk at a time and hands every finding to `emit`, in the order (and with
/// the content) `Session::findings` gives for the same text.
pub fn check_in_chunks(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    rules: &RuleSet,
    emit: &mut dyn FnMut(Finding),
) -> Outline {
    if !crate::suppress::directives(text).is_empty() {
        let session = Session::new(text.to_owned(), format, options.clone(), rules);
        for finding in session.findings() {
            emit(finding.clone());
        }
        return Outline {
            language: session.language,
            language_source: session.language_source,
            claims: session.claims.len(),
        };
    }
    let lines_are_paragraphs = format == DocumentFormat::PlainText && lines_are_paragraphs(text);
    let spans = chunk_spans(text, format);
    let (language, language_source, _) =
        settle_language(text, &spans, format, lines_are_paragraphs, options);
    let mut reader = Reader {
        text,
        spans,
        how: ReadAs {
            format,
            lines_are_paragraphs,
            language,
        },
        holds: Vec::new(),
        scratch: Scratch::default(),
        buffer: String::new(),
    };
    let rate_date = reader.rate_date(options.today, rules);

    let state = RefCell::new(DocumentState::default());
    let mut native_known = false;
    let mut read = Read::default();
    let mut found = Vec::new();
    let mut claims = 0;
    for at in 0..reader.spans.len() {
        if !reader.holds[at] {
            continue;
        }
        read.clear();
        reader.read(at, &mut read);
        claims += read.claims.len();
        if read.claims.is_empty() && read.problems.is_empty() {
            continue;
        }
        if !native_known {
            let here = read.claims.iter().find_map(native_decimal);
            if here.is_some() || read.claims.iter().any(checks::is_foreign_decimal) {
                let first = here.or_else(|| reader.first_native_decimal(at + 1));
                state.borrow_mut().set_native_decimal(first);
                native_known = true;
            }
        }
        let span = reader.spans[at];
        let mentions = mentions_in(text, span, &read.blocks, rules);
        let context = CheckContext {
            text,
            language,
            claims: &read.claims,
            claim_blocks: &read.blocks,
            number_problems: &read.problems,
            rules,
            options,
            rate_date,
            mentions: &mentions,
            skip_hints: options.skip_hints,
            document: Some(&state),
        };
        found.extend(checks::run(&context, CheckScope::Chunk));
        found.extend(checks::run(&context, CheckScope::Document));
        found.sort_by(|a: &Finding, b: &Finding| {
            a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code))
        });
        for finding in found.drain(..) {
            emit(finding);
        }
    }
    Outline {
        language,
        language_source,
        claims,
    }
}

fn native_decimal(claim: &Claim) -> Option<WrittenNumber> {
    claim.written.filter(|_| checks::is_native_decimal(claim))
}

/// The claims of one chunk, with their blocks, and its number problems.
#[derive(Default)]
struct Read {
    claims: Vec<Claim>,
    blocks: Vec<Span>,
    problems: Vec<NumberProblem>,
}

impl Read {
    fn clear(&mut self) {
        self.claims.clear();
        self.blocks.clear();
        self.problems.clear();
    }
}

/// Reads the chunks of one document.
struct Reader<'a> {
    text: &'a str,
    spans: Vec<Span>,
    how: ReadAs,
    /// Per chunk: whether it may hold claims (the raw-text filter; the first chunk, which may
    /// hold front matter, always). Filled by `rate_date`.
    holds: Vec<bool>,
    scratch: Scratch,
    buffer: String,
}

impl Reader<'_> {
    fn read(&mut self, at: usize, into: &mut Read) {
        read_chunk(
            self.text,
            self.spans[at],
            at == 0,
            self.how,
            &mut self.scratch,
            &mut self.buffer,
            &mut into.claims,
            &mut into.blocks,
            &mut into.problems,
        );
    }

    /// Runs the raw-text filter over every chunk, and finds the date currency rates are taken
    /// at, as `Session` does: the latest full date not after `today`, else `today`. Reading
    /// stops once no rate is dated between the latest date found and `today`: a later date
    /// would select the same rates.
    fn rate_date(&mut self, today: Option<Date>, rules: &RuleSet) -> Option<Date> {
        let mut latest: Option<Date> = None;
        let mut settled = !rules.rate_dated_between(None, today);
        let mut read = Read::default();
        self.holds = Vec::with_capacity(self.spans.len());
        for at in 0..self.spans.len() {
            let span = self.spans[at];
            let raw = &self.text[span.start..span.end];
            let holds = at == 0 || may_hold_claims(raw);
            self.holds.push(holds);
            if settled || !holds || !may_hold_full_date(raw) {
                continue;
            }
            read.clear();
            self.read(at, &mut read);
            let Some(date) = latest_full_date(&read.claims, today) else {
                continue;
            };
            if latest.is_none_or(|latest| date_key(date) > date_key(latest)) {
                latest = Some(date);
                settled = !rules.rate_dated_between(latest, today);
            }
        }
        latest.or(today)
    }

    /// The first decimal in the document's own style in the chunks from `from` on.
    fn first_native_decimal(&mut self, from: usize) -> Option<WrittenNumber> {
        let mut read = Read::default();
        for at in from..self.spans.len() {
            if !self.holds[at] {
                continue;
            }
            read.clear();
            self.read(at, &mut read);
            if let Some(found) = read.claims.iter().find_map(native_decimal) {
                return Some(found);
            }
        }
        None
    }
}
