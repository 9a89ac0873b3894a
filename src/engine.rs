//! The entry point of the core: text in, claims and findings out.
//!
//! `analyze` parses the document, settles its language, extracts the claims block by block
//! and runs every check. It does no I/O and never panics on any input.

use crate::checks::{self, CheckContext};
use crate::claims::{Claim, Date, NumberProblem, extract_block};
use crate::diagnostics::Finding;
use crate::document::{Document, DocumentFormat};
use crate::language::{self, Language};
use crate::rules::RuleSet;
use crate::text::Span;

/// What the caller decides about a document.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The language, when the caller knows it (CLI flag or configuration). Front matter wins
    /// over detection; this wins over both.
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

/// How many bytes of prose language detection reads.
const DETECTION_SAMPLE: usize = 64 * 1024;

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
    let document = Document::parse(text, format);
    let (language, language_source) = match (
        options.language,
        document.front_matter_language,
        options.project_language,
    ) {
        (Some(language), _, _) => (Some(language), LanguageSource::Option),
        (None, Some(language), _) => (Some(language), LanguageSource::FrontMatter),
        (None, None, Some(language)) => (Some(language), LanguageSource::Project),
        (None, None, None) => match language::detect(&document.prose_sample(DETECTION_SAMPLE)) {
            Some(language) => (Some(language), LanguageSource::Detected),
            None => (None, LanguageSource::Unknown),
        },
    };
    let mut claims = Vec::new();
    let mut problems: Vec<NumberProblem> = Vec::new();
    let mut scratch = Default::default();
    let mut buffer = Vec::new();
    let mut claim_blocks: Vec<Span> = Vec::new();
    for block in &document.blocks {
        document.masked_block(block, &mut buffer);
        // The masked buffer holds prose bytes copied on character boundaries and ASCII
        // elsewhere, so it is valid UTF-8; fall back to a lossy copy rather than panic.
        let prose = match std::str::from_utf8(&buffer) {
            Ok(prose) => std::borrow::Cow::Borrowed(prose),
            Err(_) => String::from_utf8_lossy(&buffer),
        };
        extract_block(
            &prose,
            block.span.start,
            block.kind,
            language,
            &mut scratch,
            &mut claims,
            &mut problems,
        );
        claim_blocks.resize(claims.len(), block.span);
    }
    let mentions = if claims.is_empty() {
        Default::default()
    } else {
        rules.mentions.scan(text)
    };
    let today_key = options.today.map(crate::rules::date_key);
    let document_date = claims
        .iter()
        .filter_map(|claim| match claim.value {
            crate::claims::ClaimValue::Date(date) if date.day.is_some() => Some(date),
            _ => None,
        })
        .filter(|date| today_key.is_none_or(|today| crate::rules::date_key(*date) <= today))
        .max_by_key(|date| crate::rules::date_key(*date));
    let context = CheckContext {
        rate_date: document_date.or(options.today),
        text,
        language,
        claims: &claims,
        claim_blocks: &claim_blocks,
        number_problems: &problems,
        rules,
        options,
        mentions: &mentions,
    };
    let mut findings = checks::run_all(&context);
    findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
    Analysis {
        language,
        language_source,
        claims,
        findings,
    }
}
