//! Checking a document a chunk at a time, for a run that reports findings and keeps nothing
//! else (`factlint check`).
//!
//! A `Session` holds every claim of a document, about 180 bytes each: a number-dense text
//! holds more in claims than it weighs. `check_in_chunks` reads one chunk, checks it, hands
//! its findings over in document order and forgets its claims; the document-scoped checks
//! keep digests of the figures seen (`checks::DocumentState`). The findings are those of a
//! session over the same text, in the same order. Two things a chunk's checks may need come
//! from the whole document, and are looked for ahead only when a chunk needs them:
//! - the date currency rates are taken at (the latest full date the text mentions), once a
//!   chunk holds a money claim (only conversions of money read it): the chunks after it whose
//!   raw text may hold a full date are read, until no later date could change which rates
//!   apply;
//! - the first decimal in the document's own style, which a decimal in the other style is
//!   compared with, when such a decimal comes before any.
//!
//! What is read ahead is kept for the main pass, up to a few thousand claims.
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
    Claim, ClaimKind, Date, NumberProblem, Scratch, WrittenNumber, may_hold_claims,
    may_hold_full_date,
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
        how: ReadAs {
            format,
            lines_are_paragraphs,
            language,
        },
        holds: vec![None; spans.len()],
        spans,
        ahead: Vec::new(),
        ahead_claims: 0,
        scratch: Scratch::default(),
        buffer: String::new(),
    };

    let state = RefCell::new(DocumentState::default());
    // The latest full date (not after today) of the chunks read so far, and the date rates
    // are taken at, once a money claim needs it.
    let mut latest_date: Option<Date> = None;
    let mut rate_date: Option<Option<Date>> = None;
    let mut native_known = false;
    let mut read = Read::default();
    let mut found = Vec::new();
    let mut claims = 0;
    for at in 0..reader.spans.len() {
        if !reader.holds(at) {
            continue;
        }
        reader.read_or_take(at, &mut read);
        claims += read.claims.len();
        if read.claims.is_empty() && read.problems.is_empty() {
            continue;
        }
        latest_date = later(latest_date, latest_full_date(&read.claims, options.today));
        if rate_date.is_none()
            && read
                .claims
                .iter()
                .any(|claim| claim.kind == ClaimKind::Money)
        {
            rate_date = Some(reader.rate_date(at + 1, latest_date, options.today, rules));
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
            // Only conversions of money claims read it, and a chunk with none may come before
            // it is known.
            rate_date: rate_date.flatten(),
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

/// The later of two dates.
fn later(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) if date_key(b) > date_key(a) => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
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

/// How many claims of chunks read ahead (for the rate date or the decimal style) are kept
/// for the main pass: in most documents all of them, in number-dense ones a few chunks' worth.
const CLAIMS_KEPT_AHEAD: usize = 4096;

/// Reads the chunks of one document.
struct Reader<'a> {
    text: &'a str,
    spans: Vec<Span>,
    how: ReadAs,
    /// Per chunk, once known: whether it may hold claims (the raw-text filter; the first
    /// chunk, which may hold front matter, always).
    holds: Vec<Option<bool>>,
    /// Chunks read ahead, by index, kept for the main pass.
    ahead: Vec<(usize, Read)>,
    ahead_claims: usize,
    scratch: Scratch,
    buffer: String,
}

impl Reader<'_> {
    fn holds(&mut self, at: usize) -> bool {
        *self.holds[at].get_or_insert_with(|| {
            let span = self.spans[at];
            at == 0 || may_hold_claims(&self.text[span.start..span.end])
        })
    }

    fn read(&mut self, at: usize, into: &mut Read) {
        into.clear();
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

    /// Reads chunk `at` into `into`, or hands over what was read of it ahead.
    fn read_or_take(&mut self, at: usize, into: &mut Read) {
        match self.ahead.iter().position(|(chunk, _)| *chunk == at) {
            Some(found) => {
                let (_, read) = self.ahead.swap_remove(found);
                self.ahead_claims -= read.claims.len();
                *into = read;
            }
            None => self.read(at, into),
        }
    }

    /// Reads chunk `at` ahead of the main pass, keeping what it read while there is room.
    fn read_ahead<'s>(&'s mut self, at: usize, scratch: &'s mut Read) -> &'s Read {
        if let Some(kept) = self.ahead.iter().position(|(chunk, _)| *chunk == at) {
            return &self.ahead[kept].1;
        }
        let mut read = std::mem::take(scratch);
        self.read(at, &mut read);
        if self.ahead_claims + read.claims.len() <= CLAIMS_KEPT_AHEAD {
            self.ahead_claims += read.claims.len();
            self.ahead.push((at, read));
            return &self.ahead.last().expect("just pushed").1;
        }
        *scratch = read;
        scratch
    }

    /// The date currency rates are taken at, as `Session` finds it: the latest full date not
    /// after `today`, else `today`. `latest` is that of the chunks before `from`. Reading
    /// stops once no rate is dated between the latest date found and `today`: a later date
    /// would select the same rates. Only chunks whose raw text may hold a full date are read.
    fn rate_date(
        &mut self,
        from: usize,
        mut latest: Option<Date>,
        today: Option<Date>,
        rules: &RuleSet,
    ) -> Option<Date> {
        let mut scratch = Read::default();
        for at in from..self.spans.len() {
            if !rules.rate_dated_between(latest, today) {
                break;
            }
            let span = self.spans[at];
            if !self.holds(at) || !may_hold_full_date(&self.text[span.start..span.end]) {
                continue;
            }
            let read = self.read_ahead(at, &mut scratch);
            latest = later(latest, latest_full_date(&read.claims, today));
        }
        latest.or(today)
    }

    /// The first decimal in the document's own style in the chunks from `from` on.
    fn first_native_decimal(&mut self, from: usize) -> Option<WrittenNumber> {
        let mut scratch = Read::default();
        for at in from..self.spans.len() {
            if !self.holds(at) {
                continue;
            }
            let read = self.read_ahead(at, &mut scratch);
            if let Some(found) = read.claims.iter().find_map(native_decimal) {
                return Some(found);
            }
        }
        None
    }
}
