//! The same number written in two formats, or decimals with both `.` and `,`, in one document.
//!
//! ## What it does
//! Flags a figure written in a different format than the same figure elsewhere in the
//! document (`2.000` here, `2000` there), and decimals that use the other language's mark
//! (`22.4` in a German text that writes `13,5` elsewhere). Tuples of numbers in brackets
//! (`k_(4,12)`, `{-1,1}`) hold no decimals and are left alone.
//!
//! ## Why is this bad?
//! Readers compare figures by their shape. Two spellings of one number look like two
//! numbers, and a decimal mark in the other language's convention can be misread by a factor
//! of a thousand (`1.234` is 1234 in German and 1.234 in English).
//!
//! ## Example
//! ```text
//! Es sind nur 2.000 H800. … mit lediglich 2000 H800-GPUs trainiert.
//! ```
//! Use one format throughout, here the first one:
//! ```text
//! Es sind nur 2.000 H800. … mit lediglich 2.000 H800-GPUs trainiert.
//! ```
//!
//! ## Fix safety
//! Rewriting the later spelling in the first one's format is safe: the value does not change.

use std::borrow::Cow;

use crate::checks::{CheckContext, finding};
use crate::claims::{Claim, ClaimKind, WrittenNumber};
use crate::diagnostics::{Applicability, Finding, Fix, Related};
use crate::language::Language;
use crate::number::{Separator, format_number};
use crate::text::Span;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    match context.document {
        Some(state) => {
            let mut state = state.borrow_mut();
            same_number_two_formats(context, &mut state.first_of_value, findings);
            mixed_decimal_marks(context, state.native_decimal, findings);
        }
        None => {
            same_number_two_formats(context, &mut FirstOfValue::default(), findings);
            // The whole document is here: its first decimal in the document's own style.
            let native = context
                .claims
                .iter()
                .find_map(|claim| native_decimal(claim, context.language));
            mixed_decimal_marks(context, native, findings);
        }
    }
}

/// The decimal `claim` writes in the style of `language`, the document's (`13,5` in German),
/// when the claim was read in that language (not in a quote in the other one).
pub(crate) fn native_decimal(claim: &Claim, language: Option<Language>) -> Option<WrittenNumber> {
    claim.written.filter(|written| {
        claim.language == language && written.decimal.is_some() && !written.foreign_style
    })
}

/// The decimal `claim` writes in the other language's style (`22.4` in German), when the claim
/// was read in the document's `language`.
pub(crate) fn foreign_decimal(claim: &Claim, language: Option<Language>) -> Option<WrittenNumber> {
    claim.written.filter(|written| {
        claim.language == language && written.decimal.is_some() && written.foreign_style
    })
}

/// The first spelling of each whole number seen so far. A number-dense document has hundreds
/// of thousands, so each is kept in 12 bytes: where it is written, how it is grouped, and 32
/// bits of the hash of its digits. The digits are read back from the text to compare: two
/// spellings are of the same number when their digits, without separators and leading zeros,
/// are the same. The table grows without reading the text again, from the kept hash bits.
///
/// Two spellings of one number differ only when their groupings do, so while every number
/// has come in one grouping, none can be told apart from an earlier one: they are kept in a
/// list, in order, and go into the table when a second grouping comes. A long text of
/// figures in one style (the usual case) never waits on a table larger than the cache.
#[derive(Default)]
pub(crate) struct FirstOfValue {
    /// The one grouping of all spellings so far, once there is one.
    style: Option<Option<Separator>>,
    /// A second grouping has come: the spellings are in `table`, no longer in `pending`.
    mixed: bool,
    pending: Vec<FirstSpelling>,
    table: hashbrown::HashTable<(FirstSpelling, u32)>,
    hasher: foldhash::fast::FixedState,
}

impl FirstOfValue {
    /// The first spelling of the number written at `written`, after recording `written` as
    /// that spelling when it is the first. While every spelling has the same grouping, the
    /// answer is `None`: no earlier spelling differs from this one.
    fn first(&mut self, text: &str, written: &WrittenNumber) -> Option<FirstSpelling> {
        if !self.mixed {
            match self.style {
                Some(style) if style != written.grouping => {
                    self.mixed = true;
                    for spelling in std::mem::take(&mut self.pending) {
                        self.first_in_table(text, spelling.text(text), Some(spelling));
                    }
                }
                _ => {
                    self.style = Some(written.grouping);
                    self.pending.extend(FirstSpelling::of(written));
                    return None;
                }
            }
        }
        let here = &text[written.span.start..written.span.end];
        self.first_in_table(text, here, FirstSpelling::of(written))
    }

    /// The first spelling in the table of the number written `here`, after adding `spelling`
    /// (of `here`) when it is the first. A spelling that does not fit the digest (beyond 4 GiB,
    /// or 512 MiB long) is not remembered; no document factlint reads comes near either.
    fn first_in_table(
        &mut self,
        text: &str,
        here: &str,
        spelling: Option<FirstSpelling>,
    ) -> Option<FirstSpelling> {
        let kept = (hash_digits(&self.hasher, here) >> 32) as u32;
        if let Some((first, _)) = self.table.find(table_hash(kept), |&(first, bits)| {
            bits == kept && same_digits(first.text(text), here)
        }) {
            return Some(*first);
        }
        if let Some(spelling) = spelling {
            self.table
                .insert_unique(table_hash(kept), (spelling, kept), |&(_, bits)| {
                    table_hash(bits)
                });
        }
        None
    }
}

/// The table's hash of the kept 32 bits: spread over 64, as the table takes its bucket from
/// the low bits and a tag from the high ones.
fn table_hash(kept: u32) -> u64 {
    u64::from(kept).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The significant digits of a written whole number: no separators, no leading zeros.
fn digits(written: &str) -> impl Iterator<Item = u8> + '_ {
    written
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&digit| digit == b'0')
}

fn hash_digits(hasher: &foldhash::fast::FixedState, written: &str) -> u64 {
    use std::hash::BuildHasher;
    // The digits folded into a word (the value itself up to 19 digits), then mixed.
    let folded = digits(written).fold(0u64, |folded, digit| {
        folded
            .wrapping_mul(10)
            .wrapping_add(u64::from(digit - b'0'))
    });
    hasher.hash_one(folded)
}

fn same_digits(a: &str, b: &str) -> bool {
    digits(a).eq(digits(b))
}

/// Where a whole number is first written (as offsets that fit 32 bits) and how it is grouped
/// (in the top bits of its length).
#[derive(Clone, Copy)]
pub(crate) struct FirstSpelling {
    start: u32,
    len_and_grouping: u32,
}

const GROUPING_SHIFT: u32 = 29;
const LEN_MASK: u32 = (1 << GROUPING_SHIFT) - 1;

impl FirstSpelling {
    fn of(written: &WrittenNumber) -> Option<FirstSpelling> {
        let start = u32::try_from(written.span.start).ok()?;
        let len = u32::try_from(written.span.end - written.span.start)
            .ok()
            .filter(|&len| len <= LEN_MASK)?;
        let grouping = match written.grouping {
            None => 0,
            Some(Separator::Dot) => 1,
            Some(Separator::Comma) => 2,
            Some(Separator::Space) => 3,
            Some(Separator::Apostrophe) => 4,
        };
        Some(FirstSpelling {
            start,
            len_and_grouping: len | (grouping << GROUPING_SHIFT),
        })
    }

    fn grouping(self) -> Option<Separator> {
        match self.len_and_grouping >> GROUPING_SHIFT {
            1 => Some(Separator::Dot),
            2 => Some(Separator::Comma),
            3 => Some(Separator::Space),
            4 => Some(Separator::Apostrophe),
            _ => None,
        }
    }

    fn span(self) -> crate::text::Span {
        let start = self.start as usize;
        crate::text::Span::new(start, start + (self.len_and_grouping & LEN_MASK) as usize)
    }

    fn text(self, text: &str) -> &str {
        let span = self.span();
        text.get(span.start..span.end).unwrap_or_default()
    }
}

/// Whole numbers of at least 1000 in a digit format: `2000`, `2.000`, `2,000`, `2 000`; in
/// the document's language (`language`): a quote in the other one writes its own way.
fn integers(claims: &[Claim], language: Option<Language>) -> impl Iterator<Item = WrittenNumber> {
    claims.iter().filter_map(move |claim| {
        if claim.language != language {
            return None;
        }
        let written = claim.written?;
        let whole = written.literal_value.fract() == 0.0 && written.decimal.is_none();
        (claim.kind != ClaimKind::Date && whole && written.literal_value >= 1000.0)
            .then_some(written)
    })
}

/// Whether the digits at `span` stand between brackets, glued to them, as a tuple of numbers
/// does (`k_(4,12)`, `{-1,1}`, `max(16,64)`): no decimal in either language.
fn in_tuple(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches('-');
    before.ends_with(['(', '[', '{']) || text[span.end..].starts_with([')', ']', '}'])
}

fn same_number_two_formats(
    context: &CheckContext,
    first_of_value: &mut FirstOfValue,
    findings: &mut Vec<Finding>,
) {
    for written in integers(context.claims, context.language) {
        let Some(first) = first_of_value.first(context.text, &written) else {
            continue;
        };
        if first.grouping() == written.grouping {
            continue;
        }
        let here = &context.text[written.span.start..written.span.end];
        let first_span = first.span();
        let there = &context.text[first_span.start..first_span.end];
        let mut found = finding(
            "FL002",
            written.span,
            format!("`{here}` is written as `{there}` elsewhere in this document"),
        );
        found.note =
            Some("Use one format for the same number, so that readers see one figure.".into());
        found.related.push(Related {
            span: first_span,
            message: format!("`{there}` is written here"),
        });
        let digits = format!("{}", written.literal_value as u64);
        let replacement = match first.grouping() {
            None => digits,
            Some(separator) => group(&digits, separator),
        };
        found.fix = Some(Box::new(Fix {
            title: format!("Write `{replacement}`"),
            span: written.span,
            replacement,
            applicability: Applicability::Safe,
        }));
        findings.push(found);
    }
}

fn group(digits: &str, separator: Separator) -> String {
    let mut out = String::new();
    crate::number::push_grouped(&mut out, digits, separator.as_char());
    out
}

/// Flags the decimals in the other language's style; `native` is the document's first decimal
/// in its own style, wherever it is.
fn mixed_decimal_marks(
    context: &CheckContext,
    native: Option<WrittenNumber>,
    findings: &mut Vec<Finding>,
) {
    let Some(language) = context.language else {
        return;
    };
    let foreign = context
        .claims
        .iter()
        .filter_map(|claim| foreign_decimal(claim, Some(language)))
        .filter(|written| !in_tuple(context.text, written.span));
    let language_name = match language {
        Language::English => "English",
        Language::German => "German",
    };
    // Every finding points at the same decimal in the document's own style.
    let related = native.map(|other| {
        let there = &context.text[other.span.start..other.span.end];
        Related {
            span: other.span,
            message: format!("`{there}` uses the {language_name} mark"),
        }
    });
    for written in foreign {
        let here = &context.text[written.span.start..written.span.end];
        let (integer, fraction) = split_decimal(here);
        let intended = format_number(&integer, &fraction, language);
        let mut found = finding(
            "FL002",
            written.span,
            // Joined without the formatting machinery: a text of figures may have thousands.
            [
                "`",
                here,
                "` uses the other language's decimal mark in ",
                language_name,
                " text",
            ]
            .concat(),
        );
        found.note = Some(
            ["In ", language_name, " this is written `", &intended, "`."]
                .concat()
                .into(),
        );
        if let Some(related) = &related {
            found.related.push(related.clone());
        } else {
            found.severity = crate::diagnostics::Severity::Info;
        }
        found.fix = Some(Box::new(Fix {
            title: ["Write `", &intended, "`"].concat(),
            span: written.span,
            replacement: intended,
            applicability: Applicability::Safe,
        }));
        findings.push(found);
    }
}

/// Splits a written decimal at its last `.` or `,`; grouping separators are dropped (the
/// digits are borrowed when there are none).
fn split_decimal(written: &str) -> (Cow<'_, str>, Cow<'_, str>) {
    let at = written.rfind(['.', ',']).unwrap_or(written.len());
    (
        digits_of(&written[..at]),
        digits_of(written.get(at + 1..).unwrap_or_default()),
    )
}

/// The ASCII digits of `part`, borrowed when it has nothing else.
fn digits_of(part: &str) -> Cow<'_, str> {
    if part.bytes().all(|byte| byte.is_ascii_digit()) {
        Cow::Borrowed(part)
    } else {
        Cow::Owned(part.chars().filter(char::is_ascii_digit).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn written(text: &str, start: usize, len: usize, grouping: Option<Separator>) -> WrittenNumber {
        let span = Span::new(start, start + len);
        WrittenNumber {
            span,
            grouping,
            decimal: None,
            foreign_style: false,
            ambiguous: false,
            literal_value: text[span.start..span.end]
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or_default(),
        }
    }

    /// Spellings in one grouping wait in a list; the first of another grouping finds the
    /// earliest of them, as the table would have.
    #[test]
    fn spellings_of_one_grouping_wait_until_another_comes() {
        let text = "5000 7000 7000 7.000 7 000 5000";
        let mut first = FirstOfValue::default();
        let mut at = |start: usize, len: usize, grouping| {
            first
                .first(text, &written(text, start, len, grouping))
                .map(|spelling| spelling.span())
        };
        assert_eq!(at(0, 4, None), None);
        assert_eq!(at(5, 4, None), None);
        assert_eq!(
            at(10, 4, None),
            None,
            "the same grouping: nothing to report"
        );
        assert_eq!(at(15, 5, Some(Separator::Dot)), Some(Span::new(5, 9)));
        assert_eq!(at(21, 5, Some(Separator::Space)), Some(Span::new(5, 9)));
        assert_eq!(at(27, 4, None), Some(Span::new(0, 4)));
    }

    #[test]
    fn the_first_spelling_of_a_number_is_found_by_its_digits() {
        let text =
            "2000 2.000 2 000 20000 012000 12,000 123456789012345678901 123456789012345678902";
        let mut first = FirstOfValue::default();
        let mut at = |start: usize, len: usize, grouping| {
            first
                .first(text, &written(text, start, len, grouping))
                .map(|spelling| (spelling.span(), spelling.grouping()))
        };
        assert_eq!(at(0, 4, None), None);
        let plain = Some((Span::new(0, 4), None));
        assert_eq!(at(5, 5, Some(Separator::Dot)), plain);
        assert_eq!(at(11, 5, Some(Separator::Space)), plain);
        assert_eq!(at(17, 5, None), None, "20000 is another number");
        assert_eq!(at(23, 6, None), None);
        assert_eq!(
            at(30, 6, Some(Separator::Comma)),
            Some((Span::new(23, 29), None)),
            "leading zeros do not count"
        );
        // Numbers past 2^53 are told apart by every digit.
        assert_eq!(at(37, 21, None), None);
        assert_eq!(at(59, 21, None), None);
        assert_eq!(
            at(59, 21, Some(Separator::Dot)),
            Some((Span::new(59, 80), None))
        );
    }
}
