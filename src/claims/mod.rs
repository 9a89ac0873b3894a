//! Numeric claims: what a number in prose says, where it stands and what it is about.
//!
//! `extract` turns one block of prose into claims; `tokens` splits the block into words,
//! numbers and punctuation first. A claim keeps exact UTF-8 byte offsets into the original
//! text, its value in base units (whole currency units, percent, decimals for fractions) and
//! how it was written, so that checks can talk about the figure the writer typed.

mod context;
pub(crate) use context::fronts_whole;
mod extract;
pub(crate) mod tokens;

use serde::Serialize;

use crate::language::Language;
use crate::number::Separator;
use crate::text::Span;

#[cfg(test)]
pub(crate) use extract::{BLOCK_TAGS, may_hold_claims, testing};
pub(crate) use extract::{
    Scratch, apply_column_unit, extract_block, markdown_may_hold_claims, may_hold_full_date,
    plain_text_may_hold_claims, read_column_header,
};

/// What kind of figure a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Count,
    Money,
    Percent,
    PercentagePoints,
    Fraction,
    Multiplier,
    Quantity,
    Date,
    Duration,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::PercentagePoints => "percentage_points",
            ClaimKind::Fraction => "fraction",
            ClaimKind::Multiplier => "multiplier",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Date => "date",
            ClaimKind::Duration => "duration",
        }
    }
}

/// How the value relates to the true figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    Approx,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// `value` is the low end and `high` the high end.
    Range,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approx => "approx",
            Bound::AtLeast => "at_least",
            Bound::MoreThan => "more_than",
            Bound::AtMost => "at_most",
            Bound::LessThan => "less_than",
            Bound::Range => "range",
        }
    }
}

/// A calendar date, as precise as it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    /// ISO 8601: `2025-01-26`, `2025-01` or `2025`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{month:02}-{day:02}", self.year),
            (Some(month), None) => format!("{:04}-{month:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A claim's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClaimValue {
    Number(f64),
    Date(Date),
}

impl ClaimValue {
    pub fn number(self) -> Option<f64> {
        match self {
            ClaimValue::Number(value) => Some(value),
            ClaimValue::Date(_) => None,
        }
    }
}

/// The noun phrase or entity a claim is about, with where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subject {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The period a claim covers, when the sentence states one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Period {
    /// The words that state it: "in den nächsten fünf Jahren", "per year", "in 2024".
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `span` (over N units), `rate` (per unit), `calendar` (a year, or a half, quarter or
    /// month of one) or `relative` (a year, quarter, month or week from when the text was
    /// written).
    pub kind: PeriodKind,
    /// For `span`, the number of units; for `rate`, the number of units when it is stated
    /// ("per 30 days", "every two weeks"), else none (one); for `calendar`, the year (none
    /// when only the part is stated: "im dritten Quartal"); for `relative`, the units from now
    /// (-1 for "last year").
    pub value: Option<f64>,
    /// `year`, `month`, `day`, …; for `calendar`, `year`, `half`, `quarter` or `month`.
    pub unit: Option<&'static str>,
    /// For `calendar`, which half, quarter or month of the year `unit` names (3 for "Q3" and
    /// for "im März"); none for a whole year and for the other kinds.
    pub part: Option<u8>,
}

/// What an amount is said per, when that is one of something other than a time: "$2,500
/// per GPU", "€78/MWh", "12 Euro pro Quadratmeter", "$3 a gallon" (a time is the claim's
/// period: "per year").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Per {
    /// The words that say it: "per GPU", "/MWh", "pro Kopf".
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The thing one of which the amount is for, as written: "GPU", "MWh", "Kopf".
    pub noun: String,
    /// Its canonical unit (`gpu`, `watt_hour`), when it names one of the unit table.
    pub unit: Option<&'static str>,
    /// How many of `unit` one of the thing is: 1,000 for "per kWh" (of `watt_hour`), else 1.
    pub size: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Span,
    Rate,
    Calendar,
    /// Said from when the text was written: "last year" (-1 year), "this quarter" (0),
    /// "im Vorjahr" (-1 year), "nächsten Monat" (+1 month).
    Relative,
}

/// How the digits of a claim were written, for the format checks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WrittenNumber {
    /// The digits and separators, without sign, scale or unit.
    pub span: Span,
    pub grouping: Option<Separator>,
    pub decimal: Option<Separator>,
    /// Separators in the other language's convention.
    pub foreign_style: bool,
    /// A single `.` or `,` before three digits in a document of unknown language.
    pub ambiguous: bool,
    /// The literal's value before scale words (2000 for `2.000`).
    pub literal_value: f64,
}

/// A numeric claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// From the first word of the claim (a bound such as "mindestens", a currency sign) to
    /// its last (the unit).
    pub span: Span,
    pub kind: ClaimKind,
    pub value: ClaimValue,
    /// The high end of a range.
    pub high: Option<f64>,
    pub bound: Bound,
    /// Written with "only", "just", "nur", "lediglich".
    pub only: bool,
    /// ISO 4217 code for money, a canonical unit name otherwise.
    pub unit: Option<&'static str>,
    /// The unit was carried over from another figure: an earlier one in a list ("50.000 H100,
    /// 30.000"), the high end of a change ("von 3,9 auf 37,4 Milliarden Euro"), a table's column
    /// header, or an amount of the same scale before it ("476,8 Milliarden Euro, rund 12
    /// Milliarden weniger").
    pub unit_carried: bool,
    /// The scale word as written ("Millionen", "bn", "M").
    pub scale: Option<String>,
    /// The power of ten the scale word stands for.
    pub scale_exponent: Option<i32>,
    pub subject: Option<Box<Subject>>,
    pub period: Option<Box<Period>>,
    /// What the amount is per, other than a time ("per GPU", "/MWh").
    pub per: Option<Box<Per>>,
    pub sentence: Span,
    /// For a figure in a table's body, its row: the derived checks read the figures of a
    /// row together, as those of a sentence.
    pub row: Option<Span>,
    pub language: Option<Language>,
    /// How the main figure was written, when it was written in digits.
    pub written: Option<WrittenNumber>,
}

impl Claim {
    /// Moves every offset by `delta` bytes (after an edit earlier in the document).
    pub fn shift(&mut self, delta: isize) {
        let by = |offset: &mut usize| *offset = offset.saturating_add_signed(delta);
        by(&mut self.span.start);
        by(&mut self.span.end);
        by(&mut self.sentence.start);
        by(&mut self.sentence.end);
        if let Some(row) = &mut self.row {
            by(&mut row.start);
            by(&mut row.end);
        }
        if let Some(subject) = &mut self.subject {
            by(&mut subject.start);
            by(&mut subject.end);
        }
        if let Some(period) = &mut self.period {
            by(&mut period.start);
            by(&mut period.end);
        }
        if let Some(per) = &mut self.per {
            by(&mut per.start);
            by(&mut per.end);
        }
        if let Some(written) = &mut self.written {
            by(&mut written.span.start);
            by(&mut written.span.end);
        }
    }
}

impl NumberProblem {
    pub fn shift(&mut self, delta: isize) {
        self.span.start = self.span.start.saturating_add_signed(delta);
        self.span.end = self.span.end.saturating_add_signed(delta);
    }
}

/// A problem the extractor found while reading a number (a malformed literal), for the checks.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberProblem {
    pub span: Span,
    pub kind: NumberProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NumberProblemKind {
    /// `22, 4 %`: a space after the decimal mark; `intended` is the number meant.
    SpaceAfterDecimalMark { intended: String },
    /// Separators that fit no convention.
    Malformed {
        reason: &'static str,
        suggestion: Option<String>,
    },
    /// A dotted date used as an amount (`5.5.2025 Euro`).
    DateAsNumber,
    /// A range of days that ends before it starts (`October 27-18, 2016`).
    BackwardDays,
}
