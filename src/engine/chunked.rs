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
//! What is read ahead is kept for the main pass, up to a few thousand claims. A chunk with a
//! block longer than `PIECE_BYTES` is checked a piece at a time, as a session checks it, and
//! never kept whole.
//!
//! Suppression comments are applied as the findings come (`suppress::Suppressor`): a finding
//! waits only while a comment before it may still suppress one to come, so that FL900 (a
//! comment that suppresses nothing) lands in its place.

use std::cell::RefCell;
use std::ops::ControlFlow;

use super::{
    LanguageSource, Options, PIECE_BYTES, ReadAs, ReadInto, Settled, chunk_spans, latest_full_date,
    may_be_read, mentions_in, read_chunk, settle_language,
};
use crate::checks::{self, CheckContext, CheckScope, DocumentState};
use crate::claims::{
    Claim, ClaimKind, Date, NumberProblem, Scratch, WrittenNumber, may_hold_full_date,
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
/// the content) `Session::findings` gives for the same text. Stops early when `emit` breaks.
pub fn check_in_chunks(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    rules: &RuleSet,
    emit: &mut dyn FnMut(Finding) -> ControlFlow<()>,
) -> Outline {
    // Suppression comments are applied as the findings come; a document with any gets its
    // hints all the same, as a session gives them (see `Options::skip_hints`).
    let mut suppressor = crate::suppress::Suppressor::new(text, options);
    let skip_hints = options.skip_hints && suppressor.is_none();
    let mut suppressed = |finding: Finding| match suppressor.as_mut() {
        Some(suppressor) => suppressor.push(finding, emit),
        None => emit(finding),
    };
    let (spans, how, settled) = prepare(text, format, options);
    let (language, language_source) = (how.language, settled.source);
    let mut ahead = Ahead {
        text,
        holds: vec![None; spans.len()],
        spans,
        kept: Vec::new(),
        kept_claims: 0,
        reader: Reader::new(text, how),
    };
    let mut pass = Pass {
        text,
        language,
        options,
        rules,
        state: RefCell::new(DocumentState::default()),
        latest_date: None,
        rate_date: None,
        native_known: false,
        found: Vec::new(),
        claims: 0,
        emit: &mut suppressed,
        stopped: false,
        skip_hints,
    };
    // FL902 is about the front matter, before any figure.
    for finding in settled.findings(options) {
        if !pass.stopped && (pass.emit)(finding).is_break() {
            pass.stopped = true;
        }
    }
    // The raw-text filter runs over every chunk first, in one tight loop.
    for at in 0..ahead.spans.len() {
        ahead.holds(at);
    }
    let mut reader = Reader::new(text, how);
    let mut read = Owned::default();
    for at in 0..ahead.spans.len() {
        if pass.stopped {
            break;
        }
        if !ahead.holds(at) {
            continue;
        }
        if let Some(kept) = ahead.take(at) {
            pass.check(&kept, at, false, &mut ahead);
            continue;
        }
        let span = ahead.spans[at];
        let mut cut = false;
        reader.read(span, at == 0, false, &mut read, &mut |part| {
            cut = true;
            pass.check_part(part, at, &mut ahead);
        });
        pass.check(&read, at, cut, &mut ahead);
    }
    let (claims, stopped) = (pass.claims, pass.stopped);
    if let Some(suppressor) = &mut suppressor
        && !stopped
    {
        // Whether the output broke off is the caller's to know.
        let _ = suppressor.finish(emit);
    }
    Outline {
        language,
        language_source,
        claims,
    }
}

/// Reads the claims of `text` a chunk at a time and hands each to `emit`, in document order:
/// the claims of `Session::claims` for the same text, without checking them. Stops early when
/// `emit` breaks.
pub fn claims_in_chunks(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    emit: &mut dyn FnMut(Claim) -> ControlFlow<()>,
) -> Outline {
    let (spans, how, settled) = prepare(text, format, options);
    let (language, language_source) = (how.language, settled.source);
    let mut reader = Reader::new(text, how);
    let mut read = Owned::default();
    let mut claims = 0;
    let mut stopped = false;
    let mut hand_over = |claims_read: &mut Vec<Claim>, stopped: &mut bool| {
        claims += claims_read.len();
        for claim in claims_read.drain(..) {
            if !*stopped && emit(claim).is_break() {
                *stopped = true;
            }
        }
    };
    for (at, &span) in spans.iter().enumerate() {
        if stopped {
            break;
        }
        if !may_be_read(text, span, at == 0, how.format) {
            continue;
        }
        reader.read(span, at == 0, false, &mut read, &mut |part| {
            hand_over(part.claims, &mut stopped);
            part.blocks.clear();
            part.problems.clear();
        });
        hand_over(&mut read.claims, &mut stopped);
    }
    Outline {
        language,
        language_source,
        claims,
    }
}

/// The chunks of `text`, how they are read (the language settled as a session settles it),
/// and where the language came from.
fn prepare(text: &str, format: DocumentFormat, options: &Options) -> (Vec<Span>, ReadAs, Settled) {
    let lines_are_paragraphs = format == DocumentFormat::PlainText && lines_are_paragraphs(text);
    let spans = chunk_spans(text, format);
    let settled = settle_language(text, &spans, format, lines_are_paragraphs, options);
    let how = ReadAs {
        format,
        lines_are_paragraphs,
        language: settled.language,
        dates_only: false,
    };
    (spans, how, settled)
}

/// The main pass: checks what is read, part by part, and hands the findings over.
struct Pass<'a, 'e> {
    text: &'a str,
    language: Option<Language>,
    options: &'a Options,
    rules: &'a RuleSet,
    state: RefCell<DocumentState>,
    /// The latest full date (not after today) of the claims read so far.
    latest_date: Option<Date>,
    /// The date rates are taken at, once a money claim needs it.
    rate_date: Option<Option<Date>>,
    /// Whether the document's first decimal in its own style is known (`state` has it).
    native_known: bool,
    found: Vec<Finding>,
    claims: usize,
    emit: &'e mut dyn FnMut(Finding) -> ControlFlow<()>,
    /// `emit` broke: nothing more is checked.
    stopped: bool,
    /// `Options::skip_hints`, unless the document has suppression comments.
    skip_hints: bool,
}

impl Pass<'_, '_> {
    /// Checks the part of chunk `at` read so far, and forgets it.
    fn check_part(&mut self, part: &mut ReadInto, at: usize, ahead: &mut Ahead) {
        let owned = Owned::take(part);
        self.check(&owned, at, true, ahead);
        let Owned {
            mut claims,
            mut blocks,
            mut problems,
        } = owned;
        claims.clear();
        blocks.clear();
        problems.clear();
        (*part.claims, *part.blocks, *part.problems) = (claims, blocks, problems);
    }

    /// Checks `read`, all of chunk `at` or the part after its last cut (`cut`).
    fn check(&mut self, read: &Owned, at: usize, cut: bool, ahead: &mut Ahead) {
        self.claims += read.claims.len();
        if self.stopped {
            return;
        }
        if read.claims.is_empty() && read.problems.is_empty() {
            return;
        }
        let today = self.options.today;
        self.latest_date = later(self.latest_date, latest_full_date(&read.claims, today));
        // What is still to be read starts at the next chunk, or, in a chunk read in parts, at
        // this one (read again for what its later parts hold).
        let rest = if cut { at } else { at + 1 };
        if self.rate_date.is_none()
            && read
                .claims
                .iter()
                .any(|claim| claim.kind == ClaimKind::Money)
        {
            self.rate_date = Some(ahead.rate_date(rest, self.latest_date, today, self.rules));
        }
        if !self.native_known {
            let language = self.language;
            let here = read
                .claims
                .iter()
                .find_map(|claim| checks::native_decimal(claim, language));
            let foreign = |claim: &Claim| checks::foreign_decimal(claim, language).is_some();
            if here.is_some() || read.claims.iter().any(foreign) {
                let first = here.or_else(|| ahead.first_native_decimal(rest, language));
                self.state.borrow_mut().set_native_decimal(first);
                self.native_known = true;
            }
        }
        let span = ahead.spans[at];
        let (text, rules) = (self.text, self.rules);
        let find = |wanted| mentions_in(text, span, &read.blocks, rules, wanted);
        let mentions = checks::Mentions::OnFirstUse {
            entities: std::cell::OnceCell::new(),
            context: std::cell::OnceCell::new(),
            find: &find,
        };
        let context = CheckContext {
            text: self.text,
            language: self.language,
            claims: &read.claims,
            claim_blocks: &read.blocks,
            number_problems: &read.problems,
            rules: self.rules,
            options: self.options,
            // Only conversions of money claims read it, and a part with none may come before
            // it is known.
            rate_date: self.rate_date.flatten(),
            mentions: &mentions,
            skip_hints: self.skip_hints,
            document: Some(&self.state),
        };
        checks::run_into(&context, CheckScope::Chunk, &mut self.found);
        checks::run_into(&context, CheckScope::Document, &mut self.found);
        self.found.sort_by(|a: &Finding, b: &Finding| {
            a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code))
        });
        for finding in self.found.drain(..) {
            if !self.stopped && (self.emit)(finding).is_break() {
                self.stopped = true;
            }
        }
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

/// The claims of a chunk (or part of one), with their blocks, and its number problems.
#[derive(Default)]
struct Owned {
    claims: Vec<Claim>,
    blocks: Vec<Span>,
    problems: Vec<NumberProblem>,
}

impl Owned {
    /// Takes what `read` holds, leaving it empty.
    fn take(read: &mut ReadInto) -> Owned {
        Owned {
            claims: std::mem::take(read.claims),
            blocks: std::mem::take(read.blocks),
            problems: std::mem::take(read.problems),
        }
    }

    fn clear(&mut self) {
        self.claims.clear();
        self.blocks.clear();
        self.problems.clear();
    }

    fn read_into(&mut self) -> ReadInto<'_> {
        ReadInto {
            claims: &mut self.claims,
            blocks: &mut self.blocks,
            problems: &mut self.problems,
        }
    }
}

/// Reads the chunks of one document with buffers of its own.
struct Reader<'a> {
    text: &'a str,
    how: ReadAs,
    scratch: Scratch,
    buffer: String,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, how: ReadAs) -> Reader<'a> {
        Reader {
            text,
            how,
            scratch: Scratch::default(),
            buffer: String::new(),
        }
    }

    /// Reads the chunk at `span` into `into` (emptied first), `cut` after each piece of a
    /// long block but the last; with `dates_only`, only what may hold a full date.
    fn read(
        &mut self,
        span: Span,
        first: bool,
        dates_only: bool,
        into: &mut Owned,
        cut: &mut dyn FnMut(&mut ReadInto),
    ) {
        into.clear();
        let how = ReadAs {
            dates_only,
            ..self.how
        };
        read_chunk(
            self.text,
            span,
            first,
            how,
            &mut self.scratch,
            &mut self.buffer,
            into.read_into(),
            cut,
        );
    }
}

/// How many claims of chunks read ahead (for the rate date or the decimal style) are kept
/// for the main pass: in most documents all of them, in number-dense ones a few chunks' worth.
const CLAIMS_KEPT_AHEAD: usize = 4096;

/// Reads the chunks of a document ahead of the main pass.
struct Ahead<'a> {
    text: &'a str,
    spans: Vec<Span>,
    /// Per chunk, once known: whether it may hold claims (the raw-text filter; the first
    /// chunk, which may hold front matter, always).
    holds: Vec<Option<bool>>,
    /// Chunks read whole, by index, kept for the main pass.
    kept: Vec<(usize, Owned)>,
    kept_claims: usize,
    reader: Reader<'a>,
}

impl Ahead<'_> {
    fn holds(&mut self, at: usize) -> bool {
        *self.holds[at].get_or_insert_with(|| {
            let span = self.spans[at];
            may_be_read(self.text, span, at == 0, self.reader.how.format)
        })
    }

    /// What was read of chunk `at` ahead, if it was kept.
    fn take(&mut self, at: usize) -> Option<Owned> {
        let found = self.kept.iter().position(|(chunk, _)| *chunk == at)?;
        let (_, read) = self.kept.swap_remove(found);
        self.kept_claims -= read.claims.len();
        Some(read)
    }

    /// Reads chunk `at` and hands `look` each part of it, kept or read (a chunk short enough
    /// never to be cut is kept whole while there is room); stops when `look` returns `true`,
    /// and returns whether it did. With `dates_only`, only what may hold a full date is read.
    fn look_into(
        &mut self,
        at: usize,
        dates_only: bool,
        look: &mut dyn FnMut(&Owned) -> bool,
    ) -> bool {
        if let Some((_, kept)) = self.kept.iter().find(|(chunk, _)| *chunk == at) {
            return look(kept);
        }
        let span = self.spans[at];
        let mut read = Owned::default();
        // A long chunk may be read in parts: each is looked at as it comes, and none is kept.
        let long = span.end - span.start > PIECE_BYTES;
        let mut done = false;
        self.reader
            .read(span, at == 0, dates_only, &mut read, &mut |part| {
                if !done {
                    done = look(&Owned::take(part));
                }
            });
        if done {
            return true;
        }
        let done = look(&read);
        if !long && !dates_only && self.kept_claims + read.claims.len() <= CLAIMS_KEPT_AHEAD {
            self.kept_claims += read.claims.len();
            self.kept.push((at, read));
        }
        done
    }

    /// The date currency rates are taken at, as `Session` finds it: the latest full date not
    /// after `today`, else `today`. `latest` is that of what was read before chunk `from`.
    /// Reading stops once no rate is dated between the latest date found and `today`: a later
    /// date would select the same rates. Only chunks whose raw text may hold a full date are
    /// read.
    fn rate_date(
        &mut self,
        from: usize,
        mut latest: Option<Date>,
        today: Option<Date>,
        rules: &RuleSet,
    ) -> Option<Date> {
        for at in from..self.spans.len() {
            if !rules.rate_dated_between(latest, today) {
                break;
            }
            let span = self.spans[at];
            if !self.holds(at) || !may_hold_full_date(&self.text[span.start..span.end]) {
                continue;
            }
            // A long chunk is read only where it may hold a date.
            let dates_only = span.end - span.start > PIECE_BYTES;
            self.look_into(at, dates_only, &mut |read| {
                latest = later(latest, latest_full_date(&read.claims, today));
                false
            });
        }
        latest.or(today)
    }

    /// The first decimal in the document's own style in the chunks from `from` on.
    fn first_native_decimal(
        &mut self,
        from: usize,
        language: Option<Language>,
    ) -> Option<WrittenNumber> {
        let mut found = None;
        for at in from..self.spans.len() {
            if !self.holds(at) {
                continue;
            }
            let done = self.look_into(at, false, &mut |read| {
                found = read
                    .claims
                    .iter()
                    .find_map(|claim| checks::native_decimal(claim, language));
                found.is_some()
            });
            if done {
                break;
            }
        }
        found
    }
}
