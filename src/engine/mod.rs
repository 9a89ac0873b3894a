//! The entry point of the core: text in, claims and findings out, and kept up to date as the
//! text is edited.
//!
//! A document is split into chunks, runs of paragraphs between blank lines outside code
//! fences (`document::split_chunks`). Each chunk is parsed and read on its own, and the checks
//! that look at sentences and paragraphs run per chunk; the checks that compare figures across
//! the whole document run over all claims. A `Session` keeps this per-chunk state, so an edit
//! re-reads only the chunks it touches; `analyze` is a session opened and read once, so the
//! CLI and an editor see the same result for the same text; `check_in_chunks` (`chunked.rs`)
//! gives a session's findings while holding one chunk's claims at a time, for a run that
//! wants nothing else. Nothing here does I/O or panics on any input.

mod chunked;

use std::ops::Range;

pub use chunked::{Outline, check_in_chunks, claims_in_chunks};

use crate::checks::{self, CheckContext, CheckScope};
use crate::claims::{
    Claim, ClaimValue, Date, NumberProblem, Scratch, extract_block, markdown_may_hold_claims,
    may_hold_full_date, plain_text_may_hold_claims,
};
use crate::diagnostics::Finding;
use crate::document::{
    ChunkContext, Document, DocumentFormat, front_matter_end, leading_code, lines_are_paragraphs,
    read_prose_lines, split_chunks,
};
use crate::language::{self, Language};
use crate::rules::{DocumentMentions, RuleSet, Wanted, date_key};
use crate::text::Span;

/// What the caller decides about a document.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The language, when the caller knows it (CLI flag or editor setting). It wins over
    /// front matter, configuration and detection.
    pub language: Option<Language>,
    /// The project's language (configuration): used when the document's front matter does not
    /// name one, instead of detection.
    pub project_language: Option<Language>,
    /// The currency money claims are converted to (ISO 4217); `USD` when unset.
    pub reporting_currency: Option<String>,
    /// Facts older than this many days get "may be outdated" (needs `today`).
    pub fact_max_age_days: Option<u32>,
    /// Today's date, for the age of facts. The core has no clock: the caller passes it.
    pub today: Option<Date>,
    /// Severity per code (`FL001`) or name (`malformed-number`); `None` turns a code off.
    pub severity: Vec<(String, Option<crate::diagnostics::Severity>)>,
    /// Suppression comments must give a reason (`-- source: …`); FL901 flags those that do not.
    pub require_suppression_reason: bool,
    /// Hints are neither computed nor reported, for a run that shows none: money-dense text
    /// has a conversion note on every amount. A document with suppression comments gets its
    /// hints all the same, so that FL900 (a suppression that suppresses nothing) stays exact.
    pub skip_hints: bool,
    /// Findings about how a figure is written (which involve no computation and no source)
    /// carry no explanation, for a run whose output shows only computations and sources:
    /// otherwise each carries its claim and says why nothing was computed, which took a sixth
    /// of the time of a run with 100,000 such findings.
    pub skip_plain_explanations: bool,
}

impl Options {
    pub fn reporting_currency(&self) -> &str {
        self.reporting_currency
            .as_deref()
            .filter(|code| !code.is_empty())
            .unwrap_or("USD")
    }
}

/// Where the document's language came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageSource {
    Option,
    FrontMatter,
    Project,
    Detected,
    Unknown,
}

/// Everything factlint learned about one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub language: Option<Language>,
    pub language_source: LanguageSource,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

/// Analyzes one document with the bundled rules.
pub fn analyze(text: &str, format: DocumentFormat, options: &Options) -> Analysis {
    analyze_with_rules(text, format, options, RuleSet::bundled())
}

/// Analyzes one document with the given rules.
pub fn analyze_with_rules(
    text: &str,
    format: DocumentFormat,
    options: &Options,
    rules: &RuleSet,
) -> Analysis {
    Session::new(text.to_owned(), format, options.clone(), rules).analysis()
}

/// One chunk's share of the document's state. Offsets are the document's.
#[derive(Debug)]
struct Chunk {
    span: Span,
    /// Its claims (and their blocks) in `Session::claims`.
    claims: Range<usize>,
    /// Its number problems in `Session::problems`.
    problems: Range<usize>,
    mentions: DocumentMentions,
    /// Where the chunk's claims and number problems are cut into parts checked apart (the
    /// pieces of a block longer than `PIECE_BYTES`): offsets into `claims` and `problems`,
    /// from the chunk's first; empty for a chunk checked whole.
    cuts: Vec<(usize, usize)>,
    /// The findings of the chunk-scoped checks.
    findings: Vec<Finding>,
}

/// A document kept analyzed while it is edited.
pub struct Session {
    text: String,
    format: DocumentFormat,
    options: Options,
    language: Option<Language>,
    language_source: LanguageSource,
    lines_are_paragraphs: bool,
    /// How many leading chunks language detection read.
    sample_chunks: usize,
    /// A front matter language factlint cannot use, and FL902 for it.
    unknown_language: Option<(String, Span)>,
    language_findings: Vec<Finding>,
    rate_date: Option<Date>,
    chunks: Vec<Chunk>,
    claims: Vec<Claim>,
    claim_blocks: Vec<Span>,
    problems: Vec<NumberProblem>,
    document_findings: Vec<Finding>,
    /// The document's suppression comments, and the findings about them (unused, no reason).
    directives: Vec<crate::suppress::Directive>,
    suppression_findings: Vec<Finding>,
    scratch: Scratch,
    buffer: String,
}

impl Session {
    /// Reads a whole document.
    pub fn new(text: String, format: DocumentFormat, options: Options, rules: &RuleSet) -> Session {
        let directives = crate::suppress::directives(&text);
        let mut session = Session {
            text,
            format,
            options,
            language: None,
            language_source: LanguageSource::Unknown,
            lines_are_paragraphs: false,
            sample_chunks: 0,
            unknown_language: None,
            language_findings: Vec::new(),
            rate_date: None,
            chunks: Vec::new(),
            claims: Vec::new(),
            claim_blocks: Vec::new(),
            problems: Vec::new(),
            document_findings: Vec::new(),
            directives,
            suppression_findings: Vec::new(),
            scratch: Scratch::default(),
            buffer: String::new(),
        };
        session.rebuild(rules);
        session
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn format(&self) -> DocumentFormat {
        self.format
    }

    pub fn language(&self) -> Option<Language> {
        self.language
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The claims, in document order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Every finding that no suppression comment covers, in document order.
    pub fn findings(&self) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self
            .chunks
            .iter()
            .flat_map(|chunk| &chunk.findings)
            .chain(&self.document_findings)
            .chain(&self.language_findings)
            .collect();
        if !self.directives.is_empty() {
            all.retain(|finding| {
                !self
                    .directives
                    .iter()
                    .any(|directive| directive.suppresses(finding))
            });
        }
        all.extend(&self.suppression_findings);
        all.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
        all
    }

    /// Reports the suppression comments (read with the text) that suppress nothing (and, when
    /// the options ask for it, those without a reason).
    fn update_suppressions(&mut self) {
        self.suppression_findings.clear();
        if self.directives.is_empty() {
            return;
        }
        let all: Vec<&Finding> = self
            .chunks
            .iter()
            .flat_map(|chunk| &chunk.findings)
            .chain(&self.document_findings)
            .chain(&self.language_findings)
            .collect();
        self.suppression_findings =
            crate::suppress::findings(&self.directives, &all, &self.options);
    }

    /// The whole result, owned.
    pub fn analysis(&self) -> Analysis {
        Analysis {
            language: self.language,
            language_source: self.language_source,
            claims: self.claims.clone(),
            findings: self.findings().into_iter().cloned().collect(),
        }
    }

    /// The text and the whole result, moved out of the session without copying.
    pub fn into_parts(mut self) -> (String, Analysis) {
        let directives = std::mem::take(&mut self.directives);
        let mut findings: Vec<Finding> = self
            .chunks
            .drain(..)
            .flat_map(|chunk| chunk.findings)
            .chain(self.document_findings.drain(..))
            .chain(self.language_findings.drain(..))
            .filter(|finding| {
                !directives
                    .iter()
                    .any(|directive| directive.suppresses(finding))
            })
            .collect();
        findings.append(&mut self.suppression_findings);
        findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
        let analysis = Analysis {
            language: self.language,
            language_source: self.language_source,
            claims: std::mem::take(&mut self.claims),
            findings,
        };
        (std::mem::take(&mut self.text), analysis)
    }

    /// Changes the options (and re-reads everything).
    pub fn set_options(&mut self, options: Options, rules: &RuleSet) {
        self.options = options;
        self.rebuild(rules);
    }

    /// Re-runs the checks after the rules changed; the claims stay.
    pub fn recheck(&mut self, rules: &RuleSet) {
        for at in 0..self.chunks.len() {
            self.chunks[at].mentions =
                self.mentions_of(self.chunks[at].span, self.chunks[at].claims.clone(), rules);
            self.chunks[at].findings = self.chunk_findings(at, rules);
        }
        self.document_findings = self.document_level_findings(rules);
        self.update_suppressions();
    }

    /// Replaces `range` (byte offsets, clamped to the text and to character boundaries) with
    /// `replacement` and brings the analysis up to date, re-reading only the chunks touched.
    pub fn edit(&mut self, range: Range<usize>, replacement: &str, rules: &RuleSet) {
        let start = floor_boundary(&self.text, range.start.min(self.text.len()));
        let end = floor_boundary(&self.text, range.end.clamp(start, self.text.len()));
        let delta = replacement.len() as isize - (end - start) as isize;
        self.text.replace_range(start..end, replacement);
        // Read once per text, before the checks: whether hints are computed depends on them
        // (see `Options::skip_hints`).
        self.directives = crate::suppress::directives(&self.text);

        // Document-wide properties that, when they change, change everything.
        if self.format == DocumentFormat::PlainText
            && lines_are_paragraphs(&self.text) != self.lines_are_paragraphs
        {
            return self.rebuild(rules);
        }
        if self.chunks.is_empty() {
            return self.rebuild(rules);
        }

        // The chunks the edit touches, in old offsets: the one before the edit's start (an edit
        // at a chunk's start may join it to the one before) to the one holding its end.
        let mut first = self.chunk_at(start.saturating_sub(1));
        // Where a long paragraph was cut depends on a little of what follows the cut (see
        // `split_chunks`): a chunk that starts at a cut is split again from the one before.
        if first > 0 && crate::document::starts_at_cut(&self.text, self.chunks[first].span.start) {
            first -= 1;
        }
        let last = self.chunk_at(end);
        let resplit_from = self.chunks[first].span.start;
        let edit_end_new = start + replacement.len();
        // Old chunk starts after `last`, in new offsets: where the new split may rejoin.
        let old_starts: Vec<usize> = self.chunks[last + 1..]
            .iter()
            .map(|chunk| chunk.span.start.saturating_add_signed(delta))
            .collect();
        let mut new_spans = Vec::new();
        let mut span_start = resplit_from;
        let mut rejoined_at: Option<usize> = None;
        split_chunks(&self.text, resplit_from, self.format, |boundary| {
            if boundary >= edit_end_new
                && let Ok(at) = old_starts.binary_search(&boundary)
            {
                rejoined_at = Some(at);
                new_spans.push(Span::new(span_start, boundary));
                return false;
            }
            new_spans.push(Span::new(span_start, boundary));
            span_start = boundary;
            true
        });
        // Old chunks replaced: `first ..= replaced_last`.
        let replaced_last = match rejoined_at {
            Some(at) => last + at,
            None => {
                new_spans.push(Span::new(span_start, self.text.len()));
                self.chunks.len() - 1
            }
        };

        // Read the new chunks.
        let claims_from = self.chunks[first].claims.start;
        let claims_to = self.chunks[replaced_last].claims.end;
        let problems_from = self.chunks[first].problems.start;
        let problems_to = self.chunks[replaced_last].problems.end;
        let mut claims = Vec::new();
        let mut blocks = Vec::new();
        let mut problems = Vec::new();
        let mut chunks = Vec::with_capacity(new_spans.len());
        for span in new_spans {
            let claims_start = claims_from + claims.len();
            let problems_start = problems_from + problems.len();
            let mut cuts = Vec::new();
            self.read_chunk(
                span,
                span.start == 0,
                &mut claims,
                &mut blocks,
                &mut problems,
                &mut cuts,
            );
            chunks.push(Chunk {
                span,
                claims: claims_start..claims_from + claims.len(),
                problems: problems_start..problems_from + problems.len(),
                mentions: DocumentMentions::default(),
                cuts,
                findings: Vec::new(),
            });
        }
        let claims_added = claims.len() as isize - (claims_to - claims_from) as isize;
        let problems_added = problems.len() as isize - (problems_to - problems_from) as isize;
        // The document-scoped checks see only claims: when the re-read chunks hold the same
        // claims as before (the common keystroke, typed between figures), their findings stay
        // and only move.
        let old_text_end = end;
        let old_claims = &self.claims[claims_from..claims_to];
        // Which neighbours share a sentence must not change either (FL110 compares only
        // claims of different sentences).
        let same_sentences = |claims: &[Claim]| {
            claims
                .windows(2)
                .map(|pair| pair[0].sentence == pair[1].sentence)
                .collect::<Vec<_>>()
        };
        let same_claims = claims.len() == claims_to - claims_from
            && same_sentences(old_claims) == same_sentences(&claims)
            && old_claims.iter().zip(&claims).all(|(old, new)| {
                let old_delta = if old.span.start >= old_text_end {
                    delta
                } else {
                    0
                };
                same_claim(
                    old,
                    old_delta,
                    &old_text_before(&self.text, old, start, end, replacement),
                    new,
                    &self.text,
                )
            });
        self.claims.splice(claims_from..claims_to, claims);
        self.claim_blocks.splice(claims_from..claims_to, blocks);
        self.problems.splice(problems_from..problems_to, problems);
        let added_chunks = chunks.len();
        self.chunks.splice(first..=replaced_last, chunks);

        // Move everything after the edit.
        let after = first + added_chunks;
        let claims_after = self.chunks.get(after).map_or(self.claims.len(), |chunk| {
            chunk.claims.start.saturating_add_signed(claims_added)
        });
        for claim in &mut self.claims[claims_after..] {
            claim.shift(delta);
        }
        for block in &mut self.claim_blocks[claims_after..] {
            block.start = block.start.saturating_add_signed(delta);
            block.end = block.end.saturating_add_signed(delta);
        }
        let problems_after = self.chunks.get(after).map_or(self.problems.len(), |chunk| {
            chunk.problems.start.saturating_add_signed(problems_added)
        });
        for problem in &mut self.problems[problems_after..] {
            problem.shift(delta);
        }
        for chunk in &mut self.chunks[after..] {
            chunk.span.start = chunk.span.start.saturating_add_signed(delta);
            chunk.span.end = chunk.span.end.saturating_add_signed(delta);
            chunk.claims = chunk.claims.start.saturating_add_signed(claims_added)
                ..chunk.claims.end.saturating_add_signed(claims_added);
            chunk.problems = chunk.problems.start.saturating_add_signed(problems_added)
                ..chunk.problems.end.saturating_add_signed(problems_added);
            chunk.mentions.shift(delta);
            for finding in &mut chunk.findings {
                finding.shift(delta);
            }
        }

        // The language may have changed with the front matter or the detection sample.
        if first == 0 || first < self.sample_chunks {
            let settled = self.settle_language();
            if settled.language != self.language
                || settled.source != self.language_source
                || settled.unknown != self.unknown_language
            {
                return self.rebuild(rules);
            }
            self.sample_chunks = settled.sample_chunks;
        }
        let rate_date = self.document_date();
        if rate_date != self.rate_date {
            self.rate_date = rate_date;
            for at in first..after {
                self.chunks[at].mentions =
                    self.mentions_of(self.chunks[at].span, self.chunks[at].claims.clone(), rules);
            }
            self.recheck_findings(rules);
            return;
        }
        for at in first..after {
            self.chunks[at].mentions =
                self.mentions_of(self.chunks[at].span, self.chunks[at].claims.clone(), rules);
            self.chunks[at].findings = self.chunk_findings(at, rules);
        }
        if same_claims {
            for finding in &mut self.document_findings {
                finding.shift_after(start, delta);
            }
        } else {
            self.document_findings = self.document_level_findings(rules);
        }
        self.update_suppressions();
    }

    /// Reads everything again.
    fn rebuild(&mut self, rules: &RuleSet) {
        self.lines_are_paragraphs =
            self.format == DocumentFormat::PlainText && lines_are_paragraphs(&self.text);
        let spans = chunk_spans(&self.text, self.format);
        self.chunks = spans
            .iter()
            .map(|&span| Chunk {
                span,
                claims: 0..0,
                problems: 0..0,
                mentions: DocumentMentions::default(),
                cuts: Vec::new(),
                findings: Vec::new(),
            })
            .collect();
        let settled = self.settle_language();
        self.language = settled.language;
        self.language_source = settled.source;
        self.sample_chunks = settled.sample_chunks;
        self.language_findings = settled.findings(&self.options);
        self.unknown_language = settled.unknown;
        let mut claims = Vec::new();
        let mut blocks = Vec::new();
        let mut problems = Vec::new();
        for (at, span) in spans.into_iter().enumerate() {
            let claims_start = claims.len();
            let problems_start = problems.len();
            let mut cuts = Vec::new();
            self.read_chunk(
                span,
                at == 0,
                &mut claims,
                &mut blocks,
                &mut problems,
                &mut cuts,
            );
            let chunk = &mut self.chunks[at];
            chunk.claims = claims_start..claims.len();
            chunk.problems = problems_start..problems.len();
            chunk.cuts = cuts;
        }
        self.claims = claims;
        self.claim_blocks = blocks;
        self.problems = problems;
        self.rate_date = self.document_date();
        for at in 0..self.chunks.len() {
            self.chunks[at].mentions =
                self.mentions_of(self.chunks[at].span, self.chunks[at].claims.clone(), rules);
        }
        self.recheck_findings(rules);
    }

    fn recheck_findings(&mut self, rules: &RuleSet) {
        for at in 0..self.chunks.len() {
            self.chunks[at].findings = self.chunk_findings(at, rules);
        }
        self.document_findings = self.document_level_findings(rules);
        self.update_suppressions();
    }

    /// The language by precedence: option, front matter, project, detection.
    fn settle_language(&self) -> Settled {
        let spans: Vec<Span> = self.chunks.iter().map(|chunk| chunk.span).collect();
        settle_language(
            &self.text,
            &spans,
            self.format,
            self.lines_are_paragraphs,
            &self.options,
        )
    }

    /// Parses and reads one chunk, appending its claims and noting in `cuts` where they are
    /// cut into parts checked apart (offsets from the chunk's first claim and problem).
    fn read_chunk(
        &mut self,
        span: Span,
        first: bool,
        claims: &mut Vec<Claim>,
        blocks: &mut Vec<Span>,
        problems: &mut Vec<NumberProblem>,
        cuts: &mut Vec<(usize, usize)>,
    ) {
        if !may_be_read(&self.text, span, first, self.format) {
            return;
        }
        let (claims_start, problems_start) = (claims.len(), problems.len());
        let how = ReadAs {
            format: self.format,
            lines_are_paragraphs: self.lines_are_paragraphs,
            language: self.language,
            dates_only: false,
        };
        read_chunk(
            &self.text,
            span,
            first,
            how,
            &mut self.scratch,
            &mut self.buffer,
            ReadInto {
                claims,
                blocks,
                problems,
            },
            &mut |read| {
                cuts.push((
                    read.claims.len() - claims_start,
                    read.problems.len() - problems_start,
                ));
            },
        );
    }

    /// The mentions in the blocks of prose that hold the chunk's claims (the fact checks look
    /// for names and context words only in a claim's own paragraph).
    fn mentions_of(&self, span: Span, claims: Range<usize>, rules: &RuleSet) -> DocumentMentions {
        mentions_in(
            &self.text,
            span,
            &self.claim_blocks[claims],
            rules,
            Wanted::Both,
        )
    }

    /// The latest full date the document mentions (not after today): currency rates are taken
    /// at it. Without one, today.
    fn document_date(&self) -> Option<Date> {
        latest_full_date(&self.claims, self.options.today).or(self.options.today)
    }

    fn context<'a>(
        &'a self,
        claims: Range<usize>,
        problems: Range<usize>,
        mentions: &'a checks::Mentions<'a>,
        rules: &'a RuleSet,
    ) -> CheckContext<'a> {
        CheckContext {
            text: &self.text,
            language: self.language,
            claims: &self.claims[claims.clone()],
            claim_blocks: &self.claim_blocks[claims],
            number_problems: &self.problems[problems],
            rules,
            options: &self.options,
            rate_date: self.rate_date,
            mentions,
            skip_hints: self.options.skip_hints && self.directives.is_empty(),
            document: None,
        }
    }

    fn chunk_findings(&self, at: usize, rules: &RuleSet) -> Vec<Finding> {
        let chunk = &self.chunks[at];
        let mut findings = Vec::new();
        let (mut claims_from, mut problems_from) = (chunk.claims.start, chunk.problems.start);
        let ends = chunk
            .cuts
            .iter()
            .map(|&(claims, problems)| {
                (chunk.claims.start + claims, chunk.problems.start + problems)
            })
            .chain([(chunk.claims.end, chunk.problems.end)]);
        for (claims_to, problems_to) in ends {
            if claims_from < claims_to || problems_from < problems_to {
                checks::run_into(
                    &self.context(
                        claims_from..claims_to,
                        problems_from..problems_to,
                        &checks::Mentions::Found(&chunk.mentions),
                        rules,
                    ),
                    CheckScope::Chunk,
                    &mut findings,
                );
            }
            (claims_from, problems_from) = (claims_to, problems_to);
        }
        findings
    }

    fn document_level_findings(&self, rules: &RuleSet) -> Vec<Finding> {
        let none = DocumentMentions::default();
        let none = checks::Mentions::Found(&none);
        checks::run(
            &self.context(0..self.claims.len(), 0..self.problems.len(), &none, rules),
            CheckScope::Document,
        )
    }

    /// The chunk holding `offset` (the last one for offsets at the end).
    fn chunk_at(&self, offset: usize) -> usize {
        self.chunks
            .partition_point(|chunk| chunk.span.start <= offset)
            .saturating_sub(1)
            .min(self.chunks.len().saturating_sub(1))
    }
}

/// How a document's language was settled.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Settled {
    pub(crate) language: Option<Language>,
    pub(crate) source: LanguageSource,
    /// How many leading chunks detection read.
    pub(crate) sample_chunks: usize,
    /// A front matter language value that names no language factlint reads, and its span.
    pub(crate) unknown: Option<(String, Span)>,
}

impl Settled {
    /// FL902 for an unknown front matter language, at the configured severity (none when
    /// the code is off).
    pub(crate) fn findings(&self, options: &Options) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .unknown
            .iter()
            .map(|(value, span)| checks::unknown_language(value, *span, self.language, self.source))
            .collect();
        checks::apply_severity(&options.severity, &mut findings);
        findings
    }
}

/// The language by precedence: option, front matter, project, detection from the raw prose
/// lines of the first chunks.
fn settle_language(
    text: &str,
    chunks: &[Span],
    format: DocumentFormat,
    lines_are_paragraphs: bool,
    options: &Options,
) -> Settled {
    // Only the first chunk can hold front matter, and only when the document opens with a
    // `---` or `+++` line: a long first chunk without is not parsed twice. Its language is read even
    // when an option overrides it, so that a value factlint cannot use is reported.
    let (front_matter, unknown) = match chunks.first() {
        Some(first)
            if format == DocumentFormat::Markdown
                && crate::document::FrontMatter::opening(text).is_some() =>
        {
            let document = Document::parse_chunk(
                &text[first.start..first.end],
                format,
                ChunkContext {
                    first: true,
                    lines_are_paragraphs,
                },
            );
            (
                document.front_matter_language,
                document.unknown_front_matter_language,
            )
        }
        _ => (None, None),
    };
    let settled = |language, source, sample_chunks| Settled {
        language,
        source,
        sample_chunks,
        unknown: unknown.clone(),
    };
    if let Some(language) = options.language {
        return settled(Some(language), LanguageSource::Option, 0);
    }
    if let Some(language) = front_matter {
        return settled(Some(language), LanguageSource::FrontMatter, 1);
    }
    if let Some(language) = options.project_language {
        return settled(Some(language), LanguageSource::Project, 1);
    }
    // Detection reads the raw lines that may be prose, so it parses nothing.
    let mut detector = language::Detector::default();
    let mut used = chunks.len();
    for (at, span) in chunks.iter().enumerate() {
        if read_prose_lines(&text[span.start..span.end], format, at == 0, |line| {
            detector.read(line)
        }) {
            used = at + 1;
            break;
        }
    }
    match detector.language() {
        Some(language) => settled(Some(language), LanguageSource::Detected, used),
        None => settled(None, LanguageSource::Unknown, used),
    }
}

/// The chunks of a document: runs of paragraphs between blank lines outside code fences.
fn chunk_spans(text: &str, format: DocumentFormat) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    split_chunks(text, 0, format, |boundary| {
        spans.push(Span::new(start, boundary));
        start = boundary;
        true
    });
    spans.push(Span::new(start, text.len()));
    spans
}

/// Whether the chunk at `span` is worth reading: it may hold a claim (the raw-text filter,
/// over what follows the code it opens with, or the front matter the first chunk opens
/// with). Front matter is read by `settle_language`.
fn may_be_read(text: &str, span: Span, first: bool, format: DocumentFormat) -> bool {
    let mut from = prose_from(text, span, first, format);
    if first && format == DocumentFormat::Markdown {
        from += front_matter_end(&text[from..span.end]).unwrap_or(0);
    }
    chunk_may_hold_claims(&text[from..span.end], format)
}

/// The raw-text filter for a chunk of a document in `format`.
fn chunk_may_hold_claims(chunk: &str, format: DocumentFormat) -> bool {
    match format {
        DocumentFormat::Markdown => markdown_may_hold_claims(chunk),
        DocumentFormat::PlainText => plain_text_may_hold_claims(chunk),
    }
}

/// Where the part of the chunk at `span` that may hold prose starts: after the fenced code
/// blocks a Markdown chunk opens with (`document::leading_code`).
fn prose_from(text: &str, span: Span, first: bool, format: DocumentFormat) -> usize {
    if first || format != DocumentFormat::Markdown {
        return span.start;
    }
    span.start + leading_code(&text[span.start..span.end])
}

/// How the chunks of a document are read.
#[derive(Clone, Copy)]
struct ReadAs {
    format: DocumentFormat,
    lines_are_paragraphs: bool,
    language: Option<Language>,
    /// Only the blocks (or pieces) whose prose may hold a full date are read: for the date
    /// currency rates are taken at.
    dates_only: bool,
}

/// Where the claims of chunks are read to: claims, the block (or piece) of each, and the
/// number problems.
struct ReadInto<'a> {
    claims: &'a mut Vec<Claim>,
    blocks: &'a mut Vec<Span>,
    problems: &'a mut Vec<NumberProblem>,
}

/// A block of prose longer than this is read in pieces of about this many bytes (see
/// `piece_end` for the cut): claims do not cross a piece, and the chunk-scoped checks see each
/// piece as a paragraph of its own, checked apart from the rest of the chunk. No paragraph
/// written for people is that long; a wall of figures, generated or pasted, is, and read whole
/// it would hold all its claims and tokens at once. The claims of a piece this long (about
/// 3,000 of a wall of figures) stay in the processor's cache while every check passes over
/// them: 5 MB of figures are checked in 0.37 s, where pieces of 64 KiB took 0.52.
const PIECE_BYTES: usize = 16 << 10;

/// How far past `PIECE_BYTES` a cut is looked for after a word that no figure reaches across.
const PIECE_CUT_REACH: usize = 1 << 10;

/// Where the piece of `prose` that starts at `from` ends: after the first word past
/// `PIECE_BYTES` that cannot belong with the next one in a claim (`tied_to_next`: "Umsatz",
/// not "Mio." or "12"), so that no figure is parted from its words; in a run of figures
/// without such a word nearby, at the first white space. A word that runs on past the reach
/// ("$1$1$1…") is cut inside, before a dollar sign or a mark that ends a clause, where no
/// figure goes on.
fn piece_end(prose: &str, from: usize) -> usize {
    if prose.len() - from <= PIECE_BYTES {
        return prose.len();
    }
    let bytes = prose.as_bytes();
    let start = from + PIECE_BYTES;
    let reach = (start + PIECE_CUT_REACH).min(bytes.len());
    let first_space = bytes[start..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map(|at| start + at);
    if first_space.is_none_or(|space| space >= reach)
        && let Some(inside) = bytes[start..reach]
            .iter()
            .position(|&byte| crate::document::cut_inside_word_before(byte))
    {
        return start + inside;
    }
    let Some(first_space) = first_space else {
        return prose.len();
    };
    let mut word_start = bytes[..first_space]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(from, |at| at + 1);
    let mut at = first_space;
    while at < reach {
        if bytes[at].is_ascii_whitespace() {
            let word = prose.get(word_start..at).unwrap_or_default();
            if !word.is_empty() && !crate::document::tied_to_next(word) {
                return at + 1;
            }
            word_start = at + 1;
        }
        at += 1;
    }
    first_space + 1
}

/// Parses and reads the chunk at `span` of `text` into `read`. (Its front matter is read by
/// `settle_language`.) `cut` is called with what was read so far after each piece of a long block but
/// the last (see `PIECE_BYTES`): the claims before and after are checked apart. The raw-text
/// filter is the caller's.
#[allow(
    clippy::too_many_arguments,
    reason = "the buffers are threaded through to be reused"
)]
fn read_chunk(
    text: &str,
    span: Span,
    first: bool,
    how: ReadAs,
    scratch: &mut Scratch,
    buffer: &mut String,
    mut read: ReadInto,
    cut: &mut dyn FnMut(&mut ReadInto),
) {
    // What a chunk opens with that is code need not be parsed: the rest parses the same.
    let span = Span::new(prose_from(text, span, first, how.format), span.end);
    let document = Document::parse_chunk(
        &text[span.start..span.end],
        how.format,
        ChunkContext {
            first,
            lines_are_paragraphs: how.lines_are_paragraphs,
        },
    );
    extract_document(&document, span.start, how, scratch, buffer, &mut read, cut);
}

/// The mentions in the blocks of prose (`blocks`, one per claim, in order) that hold a
/// chunk's claims: the fact checks look for names and context words only in a claim's own
/// paragraph.
fn mentions_in(
    text: &str,
    span: Span,
    blocks: &[Span],
    rules: &RuleSet,
    wanted: Wanted,
) -> DocumentMentions {
    let mut found = DocumentMentions::default();
    let mut last_block: Option<Span> = None;
    for &block in blocks {
        if last_block == Some(block) {
            continue;
        }
        last_block = Some(block);
        let block = Span::new(block.start.max(span.start), block.end.min(span.end));
        if block.start < block.end {
            found.append(DocumentMentions::scan_range(
                &rules.mentions,
                text,
                block,
                wanted,
            ));
        }
    }
    found
}

/// The latest full date among `claims` that is not after `today`.
fn latest_full_date(claims: &[Claim], today: Option<Date>) -> Option<Date> {
    let today = today.map(date_key);
    claims
        .iter()
        .filter_map(|claim| match claim.value {
            ClaimValue::Date(date) if date.day.is_some() => Some(date),
            _ => None,
        })
        .filter(|date| today.is_none_or(|today| date_key(*date) <= today))
        .max_by_key(|date| date_key(*date))
}

/// Reads the claims of a parsed chunk that starts at document offset `base`, a long block a
/// piece at a time (`cut` after each piece but the last).
fn extract_document(
    document: &Document,
    base: usize,
    how: ReadAs,
    scratch: &mut Scratch,
    buffer: &mut String,
    read: &mut ReadInto,
    cut: &mut dyn FnMut(&mut ReadInto),
) {
    for block in &document.blocks {
        let column = block.header.and_then(|header| {
            crate::claims::read_column_header(
                &document.text[header.start..header.end],
                how.language,
                scratch,
            )
        });
        let first_claim = read.claims.len();
        let prose = match document.plain_block(block) {
            Some(prose) => prose,
            None => {
                document.masked_block(block, buffer);
                buffer.as_str()
            }
        };
        let start = base + block.span.start;
        let mut from = 0;
        loop {
            let to = piece_end(prose, from);
            if !how.dates_only || may_hold_full_date(&prose[from..to]) {
                extract_block(
                    &prose[from..to],
                    start + from,
                    block.kind,
                    how.language,
                    scratch,
                    read.claims,
                    read.problems,
                );
            }
            let end = if to == prose.len() {
                base + block.span.end
            } else {
                start + to
            };
            if let Some(column) = column {
                crate::claims::apply_column_unit(&mut read.claims[first_claim..], column);
            }
            if let Some(row) = block.row {
                let row = Span::new(base + row.start, base + row.end);
                for claim in &mut read.claims[first_claim..] {
                    claim.row = Some(row);
                }
            }
            read.blocks
                .resize(read.claims.len(), Span::new(start + from, end));
            if to == prose.len() {
                break;
            }
            cut(read);
            from = to;
        }
    }
}

/// The text a claim had before the edit that replaced `start..end` by `replacement`.
fn old_text_before(
    text_after: &str,
    old: &Claim,
    start: usize,
    end: usize,
    replacement: &str,
) -> String {
    // Rebuild the old text of the claim's span from the new text: parts before the edit are
    // unchanged, parts after it moved by the length difference, and the edit itself is undone.
    let delta = replacement.len() as isize - (end - start) as isize;
    let span = old.span;
    if span.end <= start {
        return text_after
            .get(span.start..span.end)
            .unwrap_or_default()
            .to_owned();
    }
    if span.start >= end {
        let moved = span.start.saturating_add_signed(delta)..span.end.saturating_add_signed(delta);
        return text_after.get(moved).unwrap_or_default().to_owned();
    }
    // The edit falls inside the claim: its text changed.
    String::from("\u{0}changed")
}

/// Whether two claims say the same, offsets aside (the document-scoped checks would not tell
/// them apart): value, kind, unit, bound, subject, period and written text.
fn same_claim(
    old: &Claim,
    old_delta: isize,
    old_text: &str,
    new: &Claim,
    text_after: &str,
) -> bool {
    let new_text = text_after
        .get(new.span.start..new.span.end)
        .unwrap_or_default();
    old_text == new_text
        && old.span.start.saturating_add_signed(old_delta) == new.span.start
        && old.kind == new.kind
        && old.value == new.value
        && old.high == new.high
        && old.bound == new.bound
        && old.only == new.only
        && old.unit == new.unit
        && old.scale == new.scale
        && old.subject.as_ref().map(|subject| &subject.text)
            == new.subject.as_ref().map(|subject| &subject.text)
        && old.period.as_ref().map(|period| {
            (
                &period.text,
                period.kind,
                period.value.map(f64::to_bits),
                period.unit,
                period.part,
            )
        }) == new.period.as_ref().map(|period| {
            (
                &period.text,
                period.kind,
                period.value.map(f64::to_bits),
                period.unit,
                period.part,
            )
        })
        && old.written.map(|written| {
            (
                written.grouping,
                written.decimal,
                written.foreign_style,
                written.ambiguous,
            )
        }) == new.written.map(|written| {
            (
                written.grouping,
                written.decimal,
                written.foreign_style,
                written.ambiguous,
            )
        })
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{ClaimKind, may_hold_claims};
    use crate::diagnostics::Severity;
    use proptest::prelude::*;

    /// The claims of a chunk read in full, without the raw-text filter.
    fn claims_read_in_full(text: &str, format: DocumentFormat) -> Vec<Claim> {
        crate::claims::testing::reading_in_full(|| claims_of_chunk(text, format))
    }

    fn claims_of_chunk(text: &str, format: DocumentFormat) -> Vec<Claim> {
        claims_and_problems_of_chunk(text, format).0
    }

    /// The claims and number problems of a chunk read in all three ways a language may be
    /// settled.
    fn claims_and_problems_of_chunk(
        text: &str,
        format: DocumentFormat,
    ) -> (Vec<Claim>, Vec<NumberProblem>) {
        claims_and_problems_of(text, format, false)
    }

    /// `claims_and_problems_of_chunk` for a chunk that opens the document (`first`), where
    /// front matter may stand.
    fn claims_and_problems_of(
        text: &str,
        format: DocumentFormat,
        first: bool,
    ) -> (Vec<Claim>, Vec<NumberProblem>) {
        let document = Document::parse_chunk(
            text,
            format,
            ChunkContext {
                first,
                lines_are_paragraphs: false,
            },
        );
        let (mut claims, mut blocks, mut problems) = (Vec::new(), Vec::new(), Vec::new());
        for language in [None, Some(Language::English), Some(Language::German)] {
            let how = ReadAs {
                format,
                lines_are_paragraphs: false,
                language,
                dates_only: false,
            };
            extract_document(
                &document,
                0,
                how,
                &mut Scratch::default(),
                &mut String::new(),
                &mut ReadInto {
                    claims: &mut claims,
                    blocks: &mut blocks,
                    problems: &mut problems,
                },
                &mut |_| {},
            );
        }
        (claims, problems)
    }

    fn markup_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Zäöü ]{0,8}",
            prop::sample::select(vec![
                "three",
                "Fünf",
                "half",
                "tenfold",
                "million",
                "March",
                "zehnte",
                "a third",
                "twenty-five",
                "H800",
                "GPT-4",
                "x86",
                "mid-2024",
                "Q3",
                "rock'n'5",
                "7",
                "2024",
                "½",
                "dozen",
                "`",
                "``",
                "*",
                "**",
                "_",
                "~~",
                "[",
                "]",
                "(",
                ")",
                "](https://x.test/",
                "<b>",
                "</b>",
                "<!--",
                "-->",
                "&amp;",
                "&#51;",
                "\\",
                "-",
                "'",
                "!",
                "<",
                ">",
                "https://",
                "@",
                "#",
                "|",
                "\n",
                " ",
                "\u{a0}",
                "\u{1f}",
                "1. ",
                "2) ",
                "## ",
                "Listing ",
                "RFC 2119",
                "[RFC 2119]",
                "](0075-a.md)",
                " percent",
                "in Swift 5",
                "(Swift 5.1)",
                ", *",
                "\n- ",
                " Swift ",
                "1.22",
                ",",
                ".",
                "1.  ",
                "   more\n",
                "lazy\n",
                " EUR",
                " Mio.",
                "Mai",
                "<div>",
                "</p>",
                "/",
                "://",
                "non-",
                "zero",
                "one-",
                "a-",
                "an-",
                "ein-",
                "off",
                "cost",
                "year",
                "fold",
                "Jahre",
                "third",
                "'two",
                "中文",
                "é",
                "’",
                "\u{ad}",
            ])
            .prop_map(str::to_owned),
        ]
    }

    /// Fences, what may follow them on their lines, and prose with claims.
    fn fenced_fragment() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "```",
            "````",
            "~~~",
            "`",
            "~",
            " ",
            "   ",
            "    ",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "rust",
            "It cost 5 million dollars.",
            "> ",
            "- ",
            "1. ",
            "<div>",
            "<!--",
            "-->",
            "# ",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        /// The fenced code a chunk opens with holds no claim, and the rest parsed on its own
        /// reads as it reads in the whole chunk.
        #[test]
        fn code_a_chunk_opens_with_changes_no_claim(
            parts in proptest::collection::vec(fenced_fragment(), 0..16),
        ) {
            let text = parts.concat();
            let code = leading_code(&text);
            let whole = claims_read_in_full(&text, DocumentFormat::Markdown);
            let rest = claims_read_in_full(&text[code..], DocumentFormat::Markdown);
            let spans = |claims: &[Claim], shift: usize| -> Vec<(usize, usize, String)> {
                claims
                    .iter()
                    .map(|claim| (claim.span.start + shift, claim.span.end + shift, format!("{:?}", claim.value)))
                    .collect()
            };
            prop_assert_eq!(spans(&whole, 0), spans(&rest, code), "{:?} from {}", text, code);
        }
    }

    #[test]
    fn fences_a_chunk_opens_with_are_code() {
        let cases = [
            ("```\n5 %\n```\nIt cost 5 %.", 12),
            ("```rust\n5 %\n```\n~~~\n7\n~~~\nIt cost 5 %.", 26),
            ("   ````\n```\n````  \nrest", 19),
            ("```\nnever closed 5 %\n", 21),
            ("``` info with ` tick\n5 %\n```\n", 0),
            ("    ```\n5 %\n```\n", 0),
            ("```\n5 %\n``\n```\r\nrest", 16),
            ("```\r5 %\r```\rIt cost 5 %.", 0),
            ("It cost 5 %.\n```\n5\n```\n", 0),
            ("~~~\n```\n~~~\nrest", 12),
            ("```\n5\n    ```\nrest", 18),
        ];
        for (text, code) in cases {
            assert_eq!(leading_code(text), code, "{text:?}");
        }
    }

    /// Pieces of words with digits in them and what joins or parts them.
    fn digits_in_words() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a", "Zb", "ü", "-", "'", "’", " ", "\n", "7", "2024", "H800", "_", ".", ",", "$", "%",
            "(", "`", "x", "e", "/", "v1", "*", "\\", "#", "https://",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        /// Digits the raw-text filter takes for part of a word start no claim.
        #[test]
        fn digits_inside_words_start_no_claim(
            parts in proptest::collection::vec(digits_in_words(), 0..12),
            markdown in any::<bool>(),
        ) {
            passed_over_holds_nothing(&parts.concat(), markdown)?;
        }

        /// Digits the raw-text filter takes for part of a URL or an inline code span start no
        /// claim.
        #[test]
        fn digits_in_urls_and_code_spans_start_no_claim(
            parts in proptest::collection::vec(link_and_code_fragment(), 0..10),
            markdown in any::<bool>(),
        ) {
            passed_over_holds_nothing(&parts.concat(), markdown)?;
        }

        /// A chunk the raw-text filter passes over holds no claim when read in full: the
        /// filter may only save work, never lose a claim.
        #[test]
        fn chunks_passed_over_hold_no_claims(
            parts in proptest::collection::vec(markup_fragment(), 0..24),
            markdown in any::<bool>(),
        ) {
            passed_over_holds_nothing(&parts.concat(), markdown)?;
        }
    }

    /// When the raw-text filter passes over `text`, reading it in full finds no claim.
    fn passed_over_holds_nothing(text: &str, markdown: bool) -> Result<(), TestCaseError> {
        let format = if markdown {
            DocumentFormat::Markdown
        } else {
            DocumentFormat::PlainText
        };
        if !chunk_may_hold_claims(text, format) {
            let (claims, problems) = crate::claims::testing::reading_in_full(|| {
                claims_and_problems_of_chunk(text, format)
            });
            prop_assert!(claims.is_empty(), "{text:?}: {claims:?}");
            prop_assert!(problems.is_empty(), "{text:?}: {problems:?}");
        }
        Ok(())
    }

    /// URLs and inline code spans with digits in them (the only digits), and what may stand
    /// around them in a line of Markdown.
    fn link_and_code_fragment() -> impl Strategy<Value = String> {
        let select = |items: &[&'static str]| prop::sample::select(items.to_vec());
        let tail = select(&[
            "a", "7", "2024", "/", ".", "-", "?", "=", "&", "%", "#", ":", ",", ";", "!", "@", "_",
            "*", "~", ")", "(", "]", "`", "'", "\"", "<", ">", "\\", " ", "\n",
        ]);
        let inside = select(&[
            "a", "7", " ", "`", "``", "\n", "\r", "|", "<", "\\", "](", "]:",
        ]);
        let around = select(&[
            " ",
            "\n",
            "\r\n",
            "\n\n",
            "[",
            "]",
            "](",
            "]:",
            "(",
            ")",
            "<",
            ">",
            "\\",
            "|",
            "_",
            "*",
            "~",
            "a",
            "> ",
            "- ",
            "# ",
            "    ",
            "```\n",
            "~~~\n",
            "<a title=\"",
            "\">",
            "<!--",
            "-->",
        ]);
        prop_oneof![
            (
                select(&["https://x.test/", "http://a.b:8080/", "://"]),
                prop::collection::vec(tail, 0..6)
            )
                .prop_map(|(start, tail)| format!("{start}{}", tail.concat())),
            (
                select(&["`", "``"]),
                prop::collection::vec(inside, 0..5),
                select(&["`", "``", ""])
            )
                .prop_map(|(open, inside, close)| format!("{open}{}{close}", inside.concat())),
            around.prop_map(str::to_owned),
        ]
    }

    fn date_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{1,4}",
            "[a-zA-Zäöü]{0,6}",
            prop::sample::select(vec![
                "January", "Januar", "Jan.", "Jän.", "Feb", "Febr.", "März", "Mär.", "Mrz.", "May",
                "Mai", "june", "Sept.", "Okt.", "Dez.", "December", "MMay", "Dezember", "-", "/",
                ".", ",", ", ", " ", "\n", "\n\n", "am ", "on ", "the ", "`", "2025", "26", "1",
                "01", "12",
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest! {
        /// A text the full-date filter rules out holds no date with a day when read in full
        /// in either language: the first pass of `check_in_chunks` may skip it.
        #[test]
        fn texts_without_a_possible_full_date_hold_none(
            parts in proptest::collection::vec(date_fragment(), 0..16),
        ) {
            let text = parts.concat();
            if !crate::claims::may_hold_full_date(&text) {
                let claims = claims_read_in_full(&text, DocumentFormat::Markdown);
                prop_assert!(latest_full_date(&claims, None).is_none(), "{text:?}");
            }
        }
    }

    #[test]
    fn long_blocks_are_read_in_pieces_cut_at_white_space() {
        // Two pieces: one of `PIECE_BYTES` and a bit, and the rest.
        let figures = PIECE_BYTES * 14 / 30;
        let prose = "12 ".repeat(figures);
        let end = piece_end(&prose, 0);
        assert!(
            end > PIECE_BYTES && prose.as_bytes()[end - 1] == b' ',
            "{end}"
        );
        assert_eq!(piece_end(&prose, end), prose.len());
        // A piece ends after a word no figure reaches across, not inside "3,5 Mio. €".
        let wall = "12 % mehr, 3,5 Mio. € Umsatz und $88.8 billion ".repeat(PIECE_BYTES / 20);
        let wall_end = piece_end(&wall, 0);
        assert!(wall_end > PIECE_BYTES && wall[..wall_end].ends_with("Umsatz "));
        let run = "7".repeat(PIECE_BYTES * 2);
        assert_eq!(piece_end(&run, 0), run.len(), "no white space: one piece");
        // A word of amounts is cut inside, before a dollar sign.
        let word = "$1".repeat(PIECE_BYTES * 2);
        let mut from = 0;
        while from < word.len() {
            let to = piece_end(&word, from);
            assert!(word[from..].starts_with("$1") && to > from, "{from}");
            assert!(to == word.len() || (PIECE_BYTES..PIECE_BYTES + 2).contains(&(to - from)));
            from = to;
        }

        let session = Session::new(
            prose.clone(),
            DocumentFormat::Markdown,
            Options::default(),
            RuleSet::bundled(),
        );
        assert_eq!(session.claims.len(), figures);
        let cut = end / 3;
        assert_eq!(session.chunks[0].cuts, vec![(cut, 0)]);
        assert_eq!(session.claim_blocks[cut - 1], Span::new(0, end));
        assert_eq!(session.claim_blocks[cut], Span::new(end, prose.len() - 1));
        assert!(
            session
                .claims
                .iter()
                .all(|claim| claim.span.end <= end || claim.span.start >= end)
        );
    }

    #[test]
    fn the_full_date_filter_knows_every_written_form() {
        use crate::claims::may_hold_full_date;
        for text in [
            "am 26. Januar 2025",
            "on January 26, 2025",
            "on 2025-01-26",
            "on 2025/01/26",
            "on 1/26/2025",
            "am 26.01.2025",
            "Stand: 5.5.2025",
            "im Dez. 2024",
        ] {
            assert!(may_hold_full_date(text), "{text}");
            let claims = claims_read_in_full(text, DocumentFormat::Markdown);
            if !text.contains("Dez.") {
                assert!(latest_full_date(&claims, None).is_some(), "{text}");
            }
        }
        for text in [
            "2.000.000 Einwohner",
            "in 2025, 3 of 4",
            "version 1.2",
            "the market may grow",
            "DECEMBERISH 2025",
        ] {
            assert!(!may_hold_full_date(text), "{text}");
        }
    }

    #[test]
    fn the_raw_text_filter_passes_over_prose_without_figures() {
        assert!(!may_hold_claims(
            "The server and the client talk over a socket."
        ));
        assert!(may_hold_claims("It took three days."));
        // Words of one or two letters are passed over whole, unless a hyphen joins more on.
        assert!(!may_hold_claims("It is up to me, as we go."));
        // A compound is judged whole, as the tokenizer reads it: after "a" or "one" only a
        // fraction counts; a number word joined on after a letter is no word of its own.
        assert!(!may_hold_claims("It is a-priori so, a one-off."));
        assert!(may_hold_claims("It is a-third of it."));
        assert!(may_hold_claims("It is a one-third share."));
        assert!(!may_hold_claims("It is non-zero and it's non-null."));
        assert!(may_hold_claims("It is non- zero."));
        assert!(may_hold_claims("It is a dozen."));
        assert!(may_hold_claims("Costs rose by 5 %."));
        assert!(may_hold_claims("Only ½ of it."));
        // A month makes a claim only with a day or a year, in digits.
        assert!(!may_hold_claims("im März und im May"));
        assert!(may_hold_claims("im März 2025"));
        let claims =
            claims_read_in_full("Only ½ of the budget was spent.", DocumentFormat::Markdown);
        assert!(!claims.is_empty(), "a vulgar fraction alone is a claim");
    }

    #[test]
    fn the_raw_text_filter_passes_over_digits_in_urls_and_code_spans() {
        use DocumentFormat::{Markdown, PlainText};
        let cases = [
            // Digits after `://` belong to the URL, in either format.
            (
                "See https://example.org/issues/27733 for more.",
                Markdown,
                false,
            ),
            (
                "See https://example.org/issues/27733 for more.",
                PlainText,
                false,
            ),
            ("See <https://example.org/2024/05/report>.", Markdown, false),
            (
                "[the report](https://example.org/2024/05/report) says so",
                Markdown,
                false,
            ),
            ("http://a.test/x?id=7&n=3;v=2#5", PlainText, false),
            // A URL ends where its bytes end: what follows may be a figure.
            ("See https://example.org/a 5 million users.", Markdown, true),
            (
                "See (https://example.org/a)5 million users.",
                Markdown,
                true,
            ),
            ("[a](https://example.org/a)5 million users.", Markdown, true),
            ("https://example.org/_5_", Markdown, true),
            ("https://example.org/*5*", Markdown, true),
            // No URL, but a number glued to a word by `/` is a name.
            ("See https//example.org/5", Markdown, false),
            ("See https//example.org/ 5", Markdown, true),
            ("5 https://example.org/", Markdown, true),
            // Inline code spans in Markdown; in plain text backticks are text.
            ("Set `retries = 5` and `timeout: 30`.", Markdown, false),
            ("Set `retries = 5` and `timeout: 30`.", PlainText, true),
            ("Set ``a ` 5`` here.", Markdown, false),
            ("A list:\n- `5`\n- `7`\n", Markdown, false),
            ("`5`7 %", Markdown, true),
            ("`x` 5 million `y`", Markdown, true),
            // Where a span may end on another line, or something may take a backtick out of
            // the running, the filter does not guess.
            ("`a\nb` 5 `c`", Markdown, true),
            ("`a` `b\n5 `c`", Markdown, true),
            ("`a`\r5 `c`", Markdown, true),
            ("<b title=\"`\">5 % `x`", Markdown, true),
            ("\\`a` `5`", Markdown, true),
            ("| `a | 5` |", Markdown, true),
            ("[a](b`) 5 `c`", Markdown, true),
            // Numbers the reader takes for names, or the parser for markers.
            ("See #123 and C#7, or #5 more.", Markdown, false),
            (
                "As (2) says, and [12] and [3](https://x.test/).",
                Markdown,
                false,
            ),
            ("As [1234] says.", Markdown, true),
            (
                "See Listing 17 and RFC 2119. In Chapter 21: more.",
                Markdown,
                false,
            ),
            ("(Listing 5) and Step 3.", PlainText, false),
            ("Listing 5 EUR", Markdown, true),
            ("Seite 5 Mio. Leser", Markdown, true),
            ("Listing 5 billion", Markdown, true),
            ("Listing 5 %", Markdown, true),
            ("Listing 5 `x`", Markdown, true),
            ("foo-Listing 5", Markdown, true),
            ("*Listing* 5", Markdown, true),
            // A reference in a link's text, the link's destination or label dropped: what
            // follows them is the number's neighbour.
            (
                "As [RFC 2119](https://www.rfc-editor.org/rfc/rfc2119) says.",
                Markdown,
                false,
            ),
            ("As [RFC 1214] and [RFC 3139][rfc]) say.", Markdown, false),
            (
                "See [the RFC 2119](https://x.test/) percent of it.",
                Markdown,
                true,
            ),
            (
                "See [RFC 2119](https://x.test/)percent of it.",
                Markdown,
                true,
            ),
            ("See [RFC 2119] percent of it.", Markdown, true),
            ("See [RFC 2119 ][x] EUR", Markdown, true),
            ("See [RFC 2119](a b) x", Markdown, true),
            ("See [RFC 2119](x)] EUR", Markdown, true),
            // Digits in the destination of an inline link.
            (
                "Read [the proposal](0075-import-test.md) and [this](#story-1).",
                Markdown,
                false,
            ),
            ("Read [x][y](50-cats.md) now.", Markdown, true),
            ("Read \\[x](50-cats.md) now.", Markdown, true),
            ("Read [^x](50-cats.md) now.", Markdown, true),
            ("Read [a `b](50-cats.md)` now.", Markdown, true),
            ("Read [a\nb](50-cats.md) now.", Markdown, true),
            ("Read [a](50 cats.md) now.", Markdown, true),
            ("Read [a](<50-cats.md>) now.", Markdown, true),
            ("Read [a](50-cats.md now.", Markdown, true),
            ("Read ](50-cats.md) now.", Markdown, true),
            ("Read [a](50-cats.md) now.", PlainText, true),
            // A number glued to a word by `.`, `_` or `/`.
            (
                "Since v1.23 and go1.13, on x86_64, over HTTP/1.1 with GPT-4.5 and v4.3.24.",
                Markdown,
                false,
            ),
            ("Since v1.23 and go1.13.", PlainText, false),
            ("Since 1.23 and 5/7.", Markdown, true),
            ("Since 4-v1.23", Markdown, true),
            ("Since -v1.23", Markdown, true),
            ("Since äv1.23", Markdown, true),
            ("Since v1. 23", Markdown, true),
            ("Since v1\\.23", Markdown, true),
            ("Im Mai.2024 und mai_2024", PlainText, true),
            ("Im Mai.2024", Markdown, true),
            ("In sept/2024", Markdown, true),
            // A short version after a name, mid-sentence, that ends a clause.
            (
                "It works before Swift 5, but not in Swift 6; see since Rust 1.30.",
                Markdown,
                false,
            ),
            ("It was added in Kubernetes 1.22\n\nMore.", Markdown, false),
            ("It was added in Kubernetes 1.22", PlainText, false),
            ("It was added in Kubernetes 1.22\nmore", Markdown, true),
            ("It works in Swift 5 mode.", Markdown, true),
            ("Swift 5, but not after.", Markdown, true),
            ("It works. Swift 5, but not after.", Markdown, true),
            ("It works in Swift 5, 2. März", Markdown, true),
            ("It works in Swift 5, Mai 2024", Markdown, true),
            ("It works in Swift 5,5 mode.", Markdown, true),
            ("It works in Swift 5.1.2, later.", Markdown, true),
            ("It works in Swift 123, later.", Markdown, true),
            ("It works in Swift 5.123, later.", Markdown, true),
            ("It works in Euro 5, later.", Markdown, true),
            ("It works in March 5, later.", Markdown, true),
            ("It works in Thirty 5, later.", Markdown, true),
            ("It works in *Swift* 5, later.", Markdown, true),
            ("It works in  Swift 5, later.", Markdown, true),
            ("It works a/b Swift 5, later.", Markdown, true),
            ("It works in Swift 5,later.", Markdown, true),
            // Masking may drop what stands between the clause's end and the next word.
            ("It works in Swift 5, *Mai* und Juni.", Markdown, true),
            ("It works in Swift 5, [Mai](x) und Juni.", Markdown, true),
            ("It works in Swift 5, `x` Mai und Juni.", Markdown, true),
            ("It works in Swift 5, (see) more.", Markdown, false),
            // After a parenthesis, before closing emphasis, before a new list item.
            (
                "* Status: **Implemented (Swift 6.0)**\n* Implementation: here\n",
                Markdown,
                false,
            ),
            ("Done (Swift 5.1)\n- next\n", Markdown, false),
            ("in Swift 5\n- next\n", Markdown, false),
            ("in Swift 5\n- next\n", PlainText, true),
            ("Done (Swift 5.1)\n    - next\n", Markdown, false),
            ("Done (Swift 5.1)\n    *Mai*\n", Markdown, true),
            ("Done (Swift 5.1)\n-next\n", Markdown, false),
            ("Done (Swift 5.1)**\nMai 2024\n", Markdown, true),
            ("Done (Swift 5.1)**x\n", Markdown, true),
            ("in Swift 5.*", PlainText, true),
            ("in Swift 5.**\n\n", Markdown, true),
            ("Done http://a(Swift 5.1)\n\n", Markdown, true),
            ("Done (Swift 5.1)\r\n- next\n", Markdown, true),
            // What the tokenizer may skip as part of a URL, handle or domain is no neighbour.
            ("Listing 5 x@y EUR", Markdown, true),
            ("Listing 5 ://x EUR", Markdown, true),
            ("a(Listing 5 EUR", Markdown, true),
            ("http://a(Listing 5 EUR", Markdown, true),
            ("1. A](https://x.test/", PlainText, true),
            ("1. Install it\n1) Run it", Markdown, false),
            ("2. Install it", Markdown, false),
            ("## 2. Results\n### 10) Scope", Markdown, false),
            ("## 2. Results", PlainText, true),
            ("Items:\n2. An item\n   4. Another", PlainText, false),
            // In a paragraph, only a list that starts at 1 may begin: "2." goes on the line
            // before, as does a line indented by four spaces.
            ("Items:\n2. An item", Markdown, true),
            ("1. foo\n   2. bar", Markdown, true),
            // The next item of a list: the line right after an item, with its indent and
            // delimiter.
            ("1. Install it\n2. Run it\n3. Stop it", Markdown, false),
            ("a Mn atom, a bn, a tn", PlainText, false),
            ("Steps:\n  1. Install it\n  2. Run it", Markdown, false),
            ("1. Install it\n2) Run it", Markdown, true),
            ("1. Install it\n 2. Run it", Markdown, true),
            // Lines that go on with an item's paragraph, indented or not, keep the item open:
            // the next number is its list's next item. A line that may open a block of its
            // own does not.
            ("1. Install it\n   more\n2. Run it", Markdown, false),
            ("1. Install it\nlazily\n   more\n2. Run it", Markdown, false),
            ("1. Install it\n   - more\n2. Run it", Markdown, true),
            (
                "1. Install it\n   ```\n   x\n   ```\nfoo\n2. Run it",
                Markdown,
                true,
            ),
            ("1.      code\nmore\n2. Run it", Markdown, true),
            ("1.\t\tcode\nmore\n2. Run it", Markdown, true),
            ("1. Install it\nmore\n2) Run it", Markdown, true),
            ("1. Install it\nmore\r2. Run it", Markdown, true),
            ("1. Install it\n\nmore\n2. Run it", Markdown, true),
            // The marker's content may follow after up to four spaces.
            ("1.  Disable it", Markdown, false),
            ("1.  \n2. x", Markdown, true),
            ("1. Install it\n2. Jan 2025", Markdown, true),
            ("Steps:\n2. Install it\n3. Run it", Markdown, true),
            ("Items:\n    1. An item", Markdown, true),
            // The parser takes "1." for the item's marker: "Mai" alone is no date.
            ("1. Mai kam", Markdown, false),
            ("1. Ma\u{308}rz", Markdown, false),
            ("1. Mai kam", PlainText, true),
            ("1.5 Install", Markdown, true),
            ("| 1. foo | bar |", Markdown, true),
            ("1. foo\n\n| a | b |", Markdown, true),
            // A chunk that is an HTML block and nothing else.
            (
                "<div>\nWe have 5 million users.\n</div>\n\n",
                Markdown,
                false,
            ),
            (
                "  <details>\n<summary>1 update</summary>\n",
                Markdown,
                false,
            ),
            ("<div>\n\nWe have 5 million users.", Markdown, true),
            ("<span>\nWe have 5 million users.", Markdown, true),
            ("    <div>\nWe have 5 million users.", Markdown, true),
            ("<div>\rWe have 5 million users.", Markdown, true),
            ("[a]: b` 5 `c`", Markdown, true),
            // A list item's marker, whatever follows it.
            ("4. **Premature** use\n5. `x` y\n", Markdown, false),
            ("Steps:\n1. **Run** it\n2. [Stop](#stop)\n", Markdown, false),
            ("Steps:\n2. **Run** it\n", Markdown, true),
            ("1. A\n2. \n3. 5 %\n", Markdown, true),
            // A word is looked up where it starts, and what lies inside it is passed over,
            // whichever order the filter meets them in.
            ("Fünf`threeA", PlainText, true),
            ("threeA Fünf", Markdown, true),
            ("中文的字符没有空格", Markdown, false),
            ("中文 drei", Markdown, true),
            ("é-é-fünf", Markdown, false),
            ("é- fünf", Markdown, true),
        ];
        for (text, format, holds) in cases {
            assert_eq!(
                chunk_may_hold_claims(text, format),
                holds,
                "{text:?} as {format:?}"
            );
            if !holds {
                let claims =
                    crate::claims::testing::reading_in_full(|| claims_of_chunk(text, format));
                assert!(claims.is_empty(), "{text:?}: {claims:?}");
            }
        }
    }

    /// The filter reads the first chunk after the front matter the parser finds there, and
    /// the whole chunk where the parser finds none.
    #[test]
    fn the_filter_passes_over_front_matter_as_the_parser_does() {
        let first_chunk_holds = |text: &str| {
            let holds = may_be_read(
                text,
                Span::new(0, text.len()),
                true,
                DocumentFormat::Markdown,
            );
            let (claims, problems) = crate::claims::testing::reading_in_full(|| {
                claims_and_problems_of(text, DocumentFormat::Markdown, true)
            });
            if !holds {
                assert!(
                    claims.is_empty() && problems.is_empty(),
                    "{text:?}: {claims:?}"
                );
            }
            holds
        };
        for text in [
            "---\ntitle: 5 million users\n---\n",
            "---  \ntitle: 5 million\nyear: 2024\n...\n# Heading\n",
            "+++\ntitle = \"5 million\"\n+++   \nNo figures here.\n",
            "---\ntitle: 5\n\n2 million\n---",
        ] {
            assert!(!first_chunk_holds(text), "{text:?}");
        }
        for text in [
            // Front matter the parser does not take: a thematic break, a setext heading.
            "---\n\ntitle: 5 million\n---\n",
            "----\ntitle: 5 million\n----\n",
            "---\n---\n5 million\n",
            "+++\ntitle: 5 million\n...\n",
            "---\ntitle: 5 million\n---x\n",
            "---\ntitle: 5 million\n ---\n",
            "---\r\ntitle: x\r\n---\r\n5 million\r\n",
            // Figures after it.
            "---\ntitle: x\n---\nWe have 5 million users.\n",
            "---\ntitle: x\n--- \n1. Costs rose by 5 %.\n",
        ] {
            assert!(first_chunk_holds(text), "{text:?}");
        }
        for text in [
            "---\n\ntitle: 5 million\n---\n",
            "----\ntitle: 5 million\n----\n",
            "---\ntitle: 5 million\n ---\n",
            "---\ntitle: x\n---\nWe have 5 million users.\n",
        ] {
            let claims = claims_and_problems_of(text, DocumentFormat::Markdown, true).0;
            assert!(!claims.is_empty(), "{text:?}");
        }
    }

    /// Every tag the raw-text filter takes to open an HTML block that only a blank line ends
    /// opens one for the parser: nothing in the block is read, as written or in capitals.
    #[test]
    fn html_blocks_the_filter_passes_over_are_html_to_the_parser() {
        for tag in crate::claims::BLOCK_TAGS {
            let upper = tag.to_uppercase();
            for text in [
                format!("<{tag}>\nWe have 5 million users.\n"),
                format!("</{upper}>\nWe have 5 million users.\n"),
                format!("   <{tag} class=\"x\">\n- 12 % of 3 million\n\n\n"),
                format!("<{tag}/>\n\u{bd} of 5 million\n"),
            ] {
                assert_passed_over_reading_nothing(&text);
            }
        }
    }

    /// The raw-text filter passes over a Markdown chunk, and reading it in full finds nothing.
    fn assert_passed_over_reading_nothing(text: &str) {
        assert!(
            !chunk_may_hold_claims(text, DocumentFormat::Markdown),
            "{text:?}"
        );
        let claims = claims_read_in_full(text, DocumentFormat::Markdown);
        assert!(claims.is_empty(), "{text:?}: {claims:?}");
    }

    /// A chunk that is one HTML comment, whatever it holds, is passed over; what follows the
    /// comment's last line is read as a chunk of its own.
    #[test]
    fn comment_blocks_the_filter_passes_over_are_html_to_the_parser() {
        for text in [
            "<!--\nWe have 5 million users.\n\nAnd 12 % more.\n-->\n\n",
            "   <!-- 5 million --> and 7 million more\n",
            "<!-->\n",
            "<!--->\n",
            "<!-- 5 million users\n",
            "<!--\n- 5 %\n\n1. 2024\n\n  -->  \n\n\n",
            "<!-- toc -->\n1. Costs\n2. Risks\n",
            "<!-- a -->\n <!-- 5 % -->\n<div>\n5 million\n",
            "<!-- a -->\n## 3. Costs\n",
        ] {
            assert_passed_over_reading_nothing(text);
        }
        for text in [
            "<!-- note -->\nWe have 5 million users.\n",
            "<!-->\n5 million\n",
            "    <!-- 5 million -->\n",
            "<!- 5 million -->\n",
            "<!--\r5 million -->\r5 million\n",
            "<!-- a -->\n    5 million\n",
            "<!-- a -->\nCosts:\n2. 5 million\n",
        ] {
            assert!(
                chunk_may_hold_claims(text, DocumentFormat::Markdown),
                "{text:?}"
            );
        }
    }

    fn same(session: &Session, rules: &RuleSet) {
        let fresh = Session::new(
            session.text().to_owned(),
            session.format,
            session.options.clone(),
            rules,
        );
        let incremental = session.analysis();
        let fresh = fresh.analysis();
        assert_eq!(
            incremental.claims,
            fresh.claims,
            "claims differ for {:?}",
            session.text()
        );
        assert_eq!(
            incremental.findings,
            fresh.findings,
            "findings differ for {:?}",
            session.text()
        );
    }

    #[test]
    fn edits_give_what_a_fresh_read_gives() {
        let rules = RuleSet::bundled();
        let text = "# Costs\n\nDeepSeek trained V3 on 2,048 H800 GPUs for $5.6 million.\n\nThe lab has 2000 GPUs.\n\n```\n5 %\n```\n\nChina pledged 1 trillion yuan over five years.\n";
        let mut session = Session::new(
            text.to_owned(),
            DocumentFormat::Markdown,
            Options::default(),
            rules,
        );
        same(&session, rules);
        let edits: &[(&str, &str)] = &[
            ("2,048", "2,000"),
            ("\n\nThe lab", " The lab"),
            ("```\n5 %", "5 %"),
            ("1 trillion", "1 Billion"),
            ("# Costs\n\n", ""),
            (
                "million.",
                "million.\n\nA new paragraph with 3 % and 4 %.\n\n```\nopen fence",
            ),
        ];
        for (old, new) in edits {
            let at = session.text().find(old).expect("edit target");
            session.edit(at..at + old.len(), new, rules);
            same(&session, rules);
        }
        // Typing character by character, then deleting everything.
        for ch in "\n\nNvidia verlor 13 %.".chars() {
            let end = session.text().len();
            session.edit(end..end, &ch.to_string(), rules);
            same(&session, rules);
        }
        let end = session.text().len();
        session.edit(0..end, "", rules);
        same(&session, rules);
        assert!(session.claims().is_empty());
    }

    /// FL902 follows the front matter as it is edited: a new unknown value, a known one, the
    /// front matter gone; and it is reported at the configured severity, or not at all.
    /// A bare figure in a table takes what its column header says: a unit, a currency, a
    /// scale; a header of a letter or two (a variable) says nothing.
    #[test]
    fn table_cells_take_their_column_header() {
        let text = "| Model | GPUs | Days | Cost ($M) | Memory (GB) | W |\n\
                    |---|---|---|---|---|---|\n\
                    | Ours | 2,048 | 57 | 5.6 | 80 | 12 |\n\
                    | Rival | 25,000 | 90 | 100 | 141 | 7 |\n\n\
                    The model used 2,048 of them.\n";
        let analysis = analyze(text, DocumentFormat::Markdown, &Options::default());
        let read: Vec<(&str, ClaimKind, Option<&str>, Option<f64>)> = analysis
            .claims
            .iter()
            .map(|claim| {
                (
                    &text[claim.span.start..claim.span.end],
                    claim.kind,
                    claim.unit,
                    claim.value.number(),
                )
            })
            .collect();
        let row = |gpus, days, cost: f64, memory: f64, w| {
            [
                (gpus, ClaimKind::Count, Some("gpu"), None),
                (days, ClaimKind::Duration, Some("day"), None),
                ("", ClaimKind::Money, Some("USD"), Some(cost)),
                ("", ClaimKind::Quantity, Some("byte"), Some(memory)),
                (w, ClaimKind::Count, None, None),
            ]
        };
        let expected: Vec<_> = row("2,048", "57", 5.6e6, 80e9, "12")
            .into_iter()
            .chain(row("25,000", "90", 100e6, 141e9, "7"))
            .chain([("2,048", ClaimKind::Count, None, None)])
            .collect();
        assert_eq!(read.len(), expected.len(), "{read:?}");
        for (got, want) in read.iter().zip(&expected) {
            assert!(want.0.is_empty() || got.0 == want.0, "{got:?} {want:?}");
            assert_eq!((got.1, got.2), (want.1, want.2), "{got:?}");
            if let Some(value) = want.3 {
                assert_eq!(got.3, Some(value), "{got:?}");
            }
        }
        // The figures of a row are read together, as a sentence's: GPU hours and the cost
        // per GPU of each row.
        let derived: Vec<&str> = analysis
            .findings
            .iter()
            .filter(|finding| matches!(finding.code, "FL150" | "FL151"))
            .map(|finding| finding.message.as_str())
            .collect();
        for expected in [
            "`2,048`, `57` ⇒ 2,801,664 GPU hours",
            "`2,048`, `5.6` ⇒ 2,734 USD",
            "`25,000`, `90` ⇒ 54 million GPU hours",
        ] {
            assert!(
                derived.iter().any(|message| message.contains(expected)),
                "{expected} in {derived:?}"
            );
        }
    }

    /// A figure wrapped over two lines is quoted on one in every note and related message,
    /// as in messages.
    #[test]
    fn figures_wrapped_over_lines_are_quoted_on_one() {
        let text = "The lab trained it on 2,000 GPUs for $5\nmillion.\n";
        let analysis = analyze(text, DocumentFormat::Markdown, &Options::default());
        let derived = analysis
            .findings
            .iter()
            .find(|finding| finding.code == "FL151");
        let note = derived.and_then(|finding| finding.note.as_deref());
        assert!(
            note.is_some_and(|note| note.contains("`$5 million`")),
            "{note:?}"
        );
        let related: Vec<&str> = analysis
            .findings
            .iter()
            .flat_map(|finding| &finding.related)
            .map(|related| related.message.as_str())
            .collect();
        assert!(related.contains(&"`$5 million` is an input"), "{related:?}");
        for finding in &analysis.findings {
            let lines = [
                finding.message.as_str(),
                finding.note.as_deref().unwrap_or(""),
            ];
            for line in lines.into_iter().chain(related.iter().copied()) {
                assert!(!line.contains(['\n', '\r']), "{line:?}");
            }
        }
    }

    #[test]
    fn an_unknown_front_matter_language_is_reported_as_it_is_edited() {
        let rules = RuleSet::bundled();
        let text =
            "---\nlang: fr\n---\n\nDie Firma meldet 2.000 GPUs und der Umsatz stieg um 5 %.\n";
        let mut session = Session::new(
            text.to_owned(),
            DocumentFormat::Markdown,
            Options::default(),
            rules,
        );
        let unknown = |session: &Session| -> Vec<(String, String)> {
            session
                .findings()
                .into_iter()
                .filter(|finding| finding.code == "FL902")
                .map(|finding| {
                    let span = &session.text()[finding.span.start..finding.span.end];
                    (
                        span.to_owned(),
                        finding.note.clone().unwrap_or_default().into_owned(),
                    )
                })
                .collect()
        };
        let found = unknown(&session);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "fr");
        assert!(
            found[0].1.contains("read as German, detected"),
            "{}",
            found[0].1
        );
        for (old, new, expected) in [
            ("fr", "fx", Some("fx")),
            ("fx", "de", None),
            ("de", "dee", Some("dee")),
            ("lang: dee", "title: x\nlang: dee", Some("dee")),
            ("---\ntitle", "---\ntitel", Some("dee")),
            ("---\ntitel: x\nlang: dee\n---\n", "", None),
        ] {
            let at = session.text().find(old).expect("edit target");
            session.edit(at..at + old.len(), new, rules);
            same(&session, rules);
            let found = unknown(&session);
            assert_eq!(
                found.first().map(|(span, _)| span.as_str()),
                expected,
                "{:?}",
                session.text()
            );
        }
        assert_eq!(session.language(), Some(Language::German));

        let options = |level: Option<Severity>| Options {
            severity: vec![("unknown-language".to_owned(), level)],
            ..Options::default()
        };
        let mut session = Session::new(
            text.to_owned(),
            DocumentFormat::Markdown,
            options(None),
            rules,
        );
        assert!(unknown(&session).is_empty());
        session.set_options(options(Some(Severity::Error)), rules);
        let errors: Vec<Severity> = session
            .findings()
            .into_iter()
            .filter(|finding| finding.code == "FL902")
            .map(|finding| finding.severity)
            .collect();
        assert_eq!(errors, [Severity::Error]);
    }

    #[test]
    fn edits_of_a_long_line_give_what_a_fresh_read_gives() {
        let rules = RuleSet::bundled();
        let text = "Die Firma meldet 2.000 GPUs und 5 Mio. Euro Umsatz. ".repeat(3_000) + "\n";
        let mut session = Session::new(text, DocumentFormat::Markdown, Options::default(), rules);
        assert!(session.chunks.len() > 2, "the line is read in chunks");
        // Edits at, just before and just after a cut, including ones that make the piece after
        // it start with a list marker or a link reference definition, or end the line.
        let edits: &[(isize, usize, &str)] = &[
            (0, 0, "5. "),
            (0, 3, ""),
            (0, 0, "[a]: /u "),
            (0, 8, ""),
            (2, 0, "x"),
            (-1, 1, " 5"),
            (1, 0, "`"),
            (-1, 1, "\n"),
            (-2, 0, "\n\n"),
        ];
        for &(offset, len, replacement) in edits {
            let cut = session.chunks[session.chunks.len() / 2].span.start;
            let at = cut.saturating_add_signed(offset);
            session.edit(at..at + len, replacement, rules);
            same(&session, rules);
        }
        // A paragraph of many lines, cut at line starts and inside lines.
        let text = "[12 % [3,5 Mio. € [[12 % [3,5 Mio. € [[\n".repeat(6_000);
        let mut session = Session::new(text, DocumentFormat::Markdown, Options::default(), rules);
        for (offset, replacement) in [(1, "a]:"), (0, "- "), (3, "\n\n"), (-1, "x")] {
            let cut = session.chunks[session.chunks.len() / 2].span.start;
            let at = cut.saturating_add_signed(offset);
            session.edit(at..at, replacement, rules);
            same(&session, rules);
        }
        // A list item cut inside its first line only.
        let text = format!(
            "- {}\n  {}",
            "[12 % [3,5 Mio. € [[".repeat(8_000),
            "Der Umsatz stieg um 5 %.\n  ".repeat(3_000)
        );
        let mut session = Session::new(text, DocumentFormat::Markdown, Options::default(), rules);
        assert!(session.chunks.len() > 2);
        for (offset, replacement) in [(1, "x"), (2, "\n\n- "), (0, "\n")] {
            let cut = session.chunks[session.chunks.len() / 2].span.start;
            let at = cut.saturating_add_signed(offset);
            session.edit(at..at, replacement, rules);
            same(&session, rules);
        }
        // Whether a piece may start with figures or a bracket depends on what follows them: an
        // edit after the cut can make them a list marker or a link reference definition.
        for text in ["12 Umsatz 7 [b] ", "12 Umsatz [b] 7 "] {
            let text = text.repeat(8_000);
            let mut session =
                Session::new(text, DocumentFormat::Markdown, Options::default(), rules);
            for _ in 0..3 {
                let cut = session.chunks[1].span.start;
                let rest = &session.text()[cut..];
                let (at, mark) = if rest.starts_with('[') {
                    (rest.find(']').expect("a label") + 1, ":")
                } else {
                    (rest.bytes().take_while(u8::is_ascii_digit).count(), ".")
                };
                assert!(
                    at > 0,
                    "the piece starts with figures or a bracket: {rest:.10}"
                );
                session.edit(cut + at..cut + at, mark, rules);
                same(&session, rules);
            }
        }
    }

    #[test]
    fn out_of_range_edits_are_clamped() {
        let rules = RuleSet::bundled();
        let mut session = Session::new(
            "ä 5 %".to_owned(),
            DocumentFormat::PlainText,
            Options::default(),
            rules,
        );
        session.edit(1..99, "x", rules);
        assert_eq!(session.text(), "x");
        session.edit(50..60, "7 %", rules);
        assert_eq!(session.text(), "x7 %");
        same(&session, rules);
    }
}
