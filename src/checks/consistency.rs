//! The same quantity stated twice in one document with different values.
//!
//! ## What it does
//! Compares claims about the same subject with the same kind and unit (and the same period,
//! if any) in different sentences. When their values differ beyond what rounding explains
//! ("2,000" and "2,048" are compatible, "2,000" and "2,500" are not), it flags the later one
//! and links the earlier one. Counts of a plain noun without a unit count many different
//! things in one text ("two functions", "four functions"), and percentages many shares: figures
//! without a unit (money has its currency) are compared only when the larger is at most half
//! again the smaller, as a figure stated twice would be. The cells of
//! a table are not compared: its rows are different records. Nor are widths in bits
//! (`32-bit platforms`, `64-bit platforms`), which name kinds of types and machines; counts
//! with decimals and no unit (`1.36`, a version; `9.6`, a score), which count nothing; and
//! shares of a whole (`39 % of respondents`, `3 % des BIP`), of which a text gives many, each
//! of something else; nor parts of a whole their sentence names first ("Of the 1,200
//! employees, 900 employees work in research", "1,200 employees, of whom 900 …"), which count
//! another quantity than the whole; nor figures a change reached ("revenue rose to $80
//! million", "der Umsatz stieg auf 90 Millionen Euro"), which make a series over time.
//!
//! ## Why is this bad?
//! Readers notice two figures for one thing and trust neither. Usually one of them is a
//! typo, an outdated number, or a different quantity that needs its own name.
//!
//! ## Example
//! ```text
//! The model has 671 billion parameters. … With its 617 billion parameters, it is large.
//! ```
//!
//! ## Fix safety
//! No fix: only the writer knows which figure is right.

use crate::checks::support::in_table_row;
use crate::checks::{CheckContext, finding};
use std::collections::HashMap;

use crate::claims::{Bound, Claim, ClaimKind, PeriodKind};
use crate::diagnostics::{Explanation, Finding, Related};
use crate::text::Span;

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    match context.document {
        Some(state) => feed(context, &mut state.borrow_mut().figures, findings),
        None => feed(context, &mut Figures::default(), findings),
    }
}

/// The quantities stated so far, for a document read a chunk at a time.
#[derive(Default)]
pub(crate) struct Figures {
    groups: HashMap<QuantityKey, Group, foldhash::fast::RandomState>,
}

/// Reads the claims of `context` (the next ones of the document, in order) into `figures`.
fn feed(context: &CheckContext, figures: &mut Figures, findings: &mut Vec<Finding>) {
    let interval = |claim: &Claim| crate::checks::support::value_interval(context, claim);
    // Group the claims by quantity (kind, unit, subject, period); within a group, a claim
    // contradicts an earlier sentence's claim when their intervals do not meet. Keeping the
    // lowest high end and the highest low end of earlier sentences finds that in one pass.
    // Whether the sentence at hand stands in a table row, asked once per sentence.
    let mut table_row: Option<(Span, bool)> = None;
    // The sentence of the claim before, where its first figure starts, and (once asked)
    // whether that figure is a whole the sentence divides ("Of the 1,200 employees, 900 work
    // in research").
    let mut first_figure: Option<(Span, usize, Option<bool>)> = None;
    for claim in context.claims {
        if first_figure.is_none_or(|(sentence, _, _)| sentence != claim.sentence) {
            first_figure = Some((claim.sentence, claim.span.start, None));
        }
        // A later figure of a sentence that fronts a whole (the whole itself is stated).
        let mut in_divided = || match &mut first_figure {
            Some((sentence, first, fronts)) if *first < claim.span.start => *fronts
                .get_or_insert_with(|| {
                    context
                        .text
                        .get(sentence.start..*first)
                        .is_some_and(crate::claims::fronts_whole)
                }),
            _ => false,
        };
        let comparable = matches!(
            claim.kind,
            ClaimKind::Count | ClaimKind::Money | ClaimKind::Quantity | ClaimKind::Percent
        ) && matches!(claim.bound, Bound::Exact | Bound::Approx)
            && claim.subject.is_some()
            && !is_width(claim)
            && !counts_nothing(claim)
            && !is_share_of_whole(context.text, claim)
            && !in_divided()
            && !is_part(context.text, claim)
            && !after_change(context.text, claim)
            && !match table_row {
                Some((sentence, in_row)) if sentence == claim.sentence => in_row,
                _ => {
                    let in_row = in_table_row(context.text, claim.sentence.start);
                    table_row = Some((claim.sentence, in_row));
                    in_row
                }
            };
        if !comparable {
            continue;
        }
        let Some((low, high)) = interval(claim) else {
            continue;
        };
        // A rate per so many of a unit is compared per one of it: "30 Cent je
        // Kilowattstunde" is 300 EUR per MWh.
        let size = claim.per.as_ref().map_or(1.0, |per| per.size);
        let (low, high) = (low / size, high / size);
        let group = figures.groups.entry(key(claim)).or_default();
        if group
            .sentence
            .is_none_or(|sentence| !continues(context.text, sentence, claim.sentence))
        {
            // Claims of the sentence just finished become "earlier".
            if let Some((high, stated)) = group.pending_lowest_high.take() {
                keep(&mut group.lowest_high, high, lower, || stated);
            }
            if let Some((low, stated)) = group.pending_highest_low.take() {
                keep(&mut group.highest_low, low, higher, || stated);
            }
            // The pending figures are new and fit (`Group::will_keep`).
            for figure in group.pending_figures.drain(..) {
                let at = group
                    .earlier_figures
                    .partition_point(|(earlier, _)| earlier.value < figure.0.value);
                group.earlier_figures.insert(at, figure);
            }
        }
        group.sentence = Some(claim.sentence);
        if claim.unit.is_none() && claim.kind != ClaimKind::Money || subject_is_unit(claim) {
            // A figure without a unit, or one whose subject is only its unit ("24,000 GPUs"
            // and "two GPUs" count GPUs, not the same GPUs), is compared only with close ones
            // (see `CLOSE`): the earlier figures are kept sorted, and those within reach
            // looked at.
            let value = claim.value.number().unwrap_or_default();
            if value <= 0.0 {
                continue;
            }
            let from = group
                .earlier_figures
                .partition_point(|(earlier, _)| earlier.value < value / CLOSE);
            let contradicted = group.earlier_figures[from..]
                .iter()
                .take_while(|(earlier, _)| earlier.value <= value * CLOSE)
                .find(|(_, (earlier_low, earlier_high))| {
                    low > *earlier_high || high < *earlier_low
                });
            if let Some((earlier, _)) = contradicted {
                findings.push(report(context, earlier, claim));
            }
            let figure = (Stated::of(claim), (low, high));
            if group.will_keep(&figure) {
                group.pending_figures.push(figure);
            }
            continue;
        }
        let contradicted = match (&group.lowest_high, &group.highest_low) {
            (Some((earlier_high, earlier)), _) if low > *earlier_high => Some(earlier),
            (_, Some((earlier_low, earlier))) if high < *earlier_low => Some(earlier),
            _ => None,
        };
        if let Some(earlier) = contradicted {
            findings.push(report(context, earlier, claim));
        }
        // Of the current sentence's claims only the lowest high end and the highest low end
        // (the first of each) can matter later.
        keep(&mut group.pending_lowest_high, high, lower, || {
            Stated::of(claim)
        });
        keep(&mut group.pending_highest_low, low, higher, || {
            Stated::of(claim)
        });
    }
}

/// Whether what `claim` is about is only its own unit ("24,000 GPUs", "2.000 H800"): a kind of
/// thing, not one quantity of it.
fn subject_is_unit(claim: &Claim) -> bool {
    claim.unit.is_some()
        && claim.subject.as_ref().is_some_and(|subject| {
            claim.span.start <= subject.start && subject.end <= claim.span.end
        })
}

/// How far apart two figures without a unit may be and still be one figure stated twice
/// ("2,000 employees" and "2,500 employees", "fell 17 %" and "fell 13 %"), not two things
/// counted or measured ("two functions" and "four functions", "81 % of users" and "5 % of
/// them"): the larger at most half again the smaller.
const CLOSE: f64 = 1.5;

/// How many different earlier figures without a unit a group keeps: a long list of figures
/// of one noun is a list, not restatements.
const KEPT_FIGURES: usize = 64;

/// Whether `claim` is a count with decimals and neither unit nor scale word: it counts nothing
/// (`1.36` is a version, `9.6` a score), and two of them name no one quantity.
fn counts_nothing(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Count
        && claim.unit.is_none()
        && claim.scale.is_none()
        && claim
            .value
            .number()
            .is_some_and(|value| value.fract() != 0.0)
}

/// Whether `claim` is a share of a whole (`39 % of respondents`, `3 % des BIP`): a text gives
/// many shares of one whole, each of something else.
fn is_share_of_whole(text: &str, claim: &Claim) -> bool {
    claim.kind == ClaimKind::Percent
        && text
            .get(claim.span.end..)
            .and_then(|after| after.split_whitespace().next())
            .is_some_and(|word| matches!(word, "of" | "der" | "des" | "aller"))
}

/// Whether `claim` is a part of a whole named before it in its sentence ("1,200 employees, of
/// whom 900 work in research", "davon 900 in der Forschung"): another quantity than the whole,
/// and than the same part elsewhere.
fn is_part(text: &str, claim: &Claim) -> bool {
    // The cue stands within a few words of the figure: the words before it are looked at from
    // the figure back, as bytes (the cues are ASCII), not the sentence lowercased for each.
    let from = claim
        .span
        .start
        .saturating_sub(PART_CUE_REACH)
        .max(claim.sentence.start);
    let before = crate::checks::support::window(text, from, claim.span.start);
    let is = |word: &[u8], cue: &str| word.eq_ignore_ascii_case(cue.as_bytes());
    let mut next: &[u8] = &[];
    for word in before
        .as_bytes()
        .rsplit(|byte| !byte.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if is(word, "davon") || is(word, "darunter") || is(word, "wovon") {
            return true;
        }
        let pair = |first: &str, second: &[&str]| {
            is(word, first) && second.iter().any(|second| is(next, second))
        };
        if pair("of", &["which", "whom", "them"])
            || pair("among", &["them"])
            || pair("von", &["ihnen", "denen"])
            || pair("unter", &["ihnen"])
        {
            return true;
        }
        next = word;
    }
    false
}

/// Whether `claim` is what a change reached or came to: "rose to $80 million", "stieg auf
/// 90 Millionen Euro", "fell by 3 %". Two of them are a series, not one quantity stated twice.
fn after_change(text: &str, claim: &Claim) -> bool {
    let start = claim.span.start.max(claim.sentence.start);
    let word = crate::checks::support::word_before(text, start);
    let verb = if matches!(word.as_str(), "to" | "by" | "auf" | "um") {
        let before = text[..start].trim_end();
        // (The prepositions are ASCII: their lowercase is as long as they are.)
        crate::checks::support::word_before(text, before.len() - word.len())
    } else {
        word
    };
    crate::lexicon::is_change_verb(&verb)
}

/// How far before a part its cue may stand, in bytes: "of whom, by the company's count, 900".
const PART_CUE_REACH: usize = 80;

/// Whether `claim` is a width in bits (`32-bit platforms`, `a 256-bit value`, `112 bits of
/// mantissa`): it names a kind of type or machine, and two of them in a text are different
/// kinds, not one quantity stated twice.
fn is_width(claim: &Claim) -> bool {
    claim.unit == Some("bit")
}

/// Puts `value` (stated by `stated`) in `slot` when the slot is empty or `value` is `better`
/// than what it holds: the first of equal extremes stays.
fn keep(
    slot: &mut Option<(f64, Stated)>,
    value: f64,
    better: fn(f64, f64) -> bool,
    stated: impl FnOnce() -> Stated,
) {
    if slot.as_ref().is_none_or(|(kept, _)| better(value, *kept)) {
        *slot = Some((value, stated()));
    }
}

fn lower(a: f64, b: f64) -> bool {
    a < b
}

fn higher(a: f64, b: f64) -> bool {
    a > b
}

/// Whether the sentence `next` is the same as `sentence` or continues it: a long line is read
/// in chunks (and a long block in pieces) cut at white space, and a sentence cut there is one
/// sentence still. Sentences of one block are parted by a full stop, blocks by more than
/// spaces.
fn continues(text: &str, sentence: Span, next: Span) -> bool {
    if sentence == next {
        return true;
    }
    // Closing quotes and brackets belong to the sentence they close.
    let ended = text[..sentence.end]
        .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', '›', '‹', ')', ']'])
        .ends_with(['.', '!', '?', '…']);
    !ended
        && sentence.end < next.start
        && text
            .get(sentence.end..next.start)
            .is_some_and(|between| between.bytes().all(|byte| byte == b' ' || byte == b'\t'))
}

/// What makes two claims about the same quantity.
#[derive(Clone, PartialEq, Eq, Hash)]
struct QuantityKey {
    kind: ClaimKind,
    unit: Option<String>,
    subject: String,
    period: Option<PeriodKey>,
    /// What the amount is per: its unit (its size is divided out), or its noun lowercased;
    /// and what kind of it the noun says ("input" and "output" tokens are priced apart).
    per: Option<(Option<&'static str>, String, Option<&'static str>)>,
}

/// A period's kind, value (as bits), unit and part: "in Q2 2024" and "in Q3 2024" are two
/// quantities.
type PeriodKey = (PeriodKind, Option<u64>, Option<&'static str>, Option<u8>);

fn key(claim: &Claim) -> QuantityKey {
    QuantityKey {
        kind: claim.kind,
        // Money in any currency is one quantity (compared after conversion).
        unit: if claim.kind == ClaimKind::Money {
            None
        } else {
            claim.unit.map(str::to_owned)
        },
        subject: claim
            .subject
            .as_ref()
            .map(|subject| subject.text.to_lowercase())
            .unwrap_or_default(),
        period: claim.period.as_ref().map(|period| {
            (
                period.kind,
                period.value.map(f64::to_bits),
                period.unit,
                period.part,
            )
        }),
        per: claim.per.as_ref().map(|per| {
            (
                per.unit,
                if per.unit.is_some() {
                    String::new()
                } else {
                    per.noun.to_lowercase()
                },
                per.noun
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .find_map(|word| {
                        crate::lexicon::with_lower(word, crate::lexicon::rate_qualifier)
                    }),
            )
        }),
    }
}

#[derive(Default)]
struct Group {
    sentence: Option<crate::text::Span>,
    /// Of the claims of the current sentence, not yet "earlier": the lowest high end and the
    /// highest low end.
    pending_lowest_high: Option<(f64, Stated)>,
    pending_highest_low: Option<(f64, Stated)>,
    lowest_high: Option<(f64, Stated)>,
    highest_low: Option<(f64, Stated)>,
    /// Figures without a unit, of the current sentence and (sorted by value) of earlier ones,
    /// with their intervals.
    pending_figures: Vec<(Stated, (f64, f64))>,
    earlier_figures: Vec<(Stated, (f64, f64))>,
}

impl Group {
    /// Whether `figure`, of the current sentence, is one the group will keep as earlier once
    /// the sentence ends: one not known yet (the first of equal figures is the one a
    /// contradiction names), while fewer than `KEPT_FIGURES` are kept. Only those are held
    /// as pending: a sentence that never ends (a wall of figures read in pieces) holds no
    /// more than that.
    fn will_keep(&self, figure: &(Stated, (f64, f64))) -> bool {
        let same = |(stated, interval): &(Stated, (f64, f64))| {
            stated.value == figure.0.value && *interval == figure.1
        };
        let at = self
            .earlier_figures
            .partition_point(|(earlier, _)| earlier.value < figure.0.value);
        let known = self.earlier_figures[at..]
            .iter()
            .take_while(|(earlier, _)| earlier.value == figure.0.value)
            .any(same)
            || self.pending_figures.iter().any(same);
        !known && self.earlier_figures.len() + self.pending_figures.len() < KEPT_FIGURES
    }
}

/// What a finding needs of an earlier claim, kept after the claim itself is gone.
#[derive(Clone)]
struct Stated {
    span: Span,
    value: f64,
    unit: Option<String>,
    /// What the figure is per (`Per::text`) and how many of its unit that is.
    per: Option<(String, f64)>,
}

impl Stated {
    fn of(claim: &Claim) -> Stated {
        Stated {
            span: claim.span,
            value: claim.value.number().unwrap_or_default(),
            unit: claim.unit.map(str::to_owned),
            per: claim.per.as_ref().map(|per| (per.text.clone(), per.size)),
        }
    }
}

fn report(context: &CheckContext, a: &Stated, b: &Claim) -> Finding {
    let written = |span: Span| &context.text[span.start..span.end];
    let subject = b
        .subject
        .as_ref()
        .map(|subject| subject.text.as_str())
        .unwrap_or_default();
    let mut found = finding(
        "FL110",
        b.span,
        format!(
            "`{}` contradicts `{}` earlier in this document, both about {subject}",
            written(b.span),
            written(a.span)
        ),
    );
    let mut note = String::new();
    // Rates per different amounts of a unit are compared per the same amount.
    if let (Some((a_per, a_size)), Some(b_per)) = (&a.per, &b.per)
        && *a_size != b_per.size
        && let Some(value) = b.value.number()
    {
        let unit = b.unit.map_or(String::new(), |unit| format!(" {unit}"));
        note = format!(
            "`{}` {} is {}{unit} {a_per}. ",
            written(b.span),
            b_per.text,
            crate::checks::support::figure(value * a_size / b_per.size),
        );
    }
    note.push_str("The two figures differ by more than rounding explains. Use one figure, or say how the two quantities differ.");
    found.note = Some(note.into());
    found.related.push(Related {
        span: a.span,
        message: format!("`{}` is stated here", written(a.span)),
    });
    found.explanation = Some(Box::new(Explanation {
        inputs: vec![
            crate::checks::support::input_at(
                "first",
                a.span,
                context.text,
                a.value,
                a.unit.as_deref(),
            ),
            crate::checks::support::input(
                "second",
                b,
                context.text,
                b.value.number().unwrap_or_default(),
                b.unit,
            ),
        ],
        why: Some("both figures come from this document; no source is involved".to_owned()),
        ..Explanation::default()
    }));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentFormat, Options, analyze};

    fn contradictions(text: &str) -> Vec<&str> {
        analyze(text, DocumentFormat::Markdown, &Options::default())
            .findings
            .iter()
            .filter(|finding| finding.code == "FL110")
            .map(|finding| &text[finding.span.start..finding.span.end])
            .collect()
    }

    /// The rows of a table are records: the same column is not one figure stated twice.
    #[test]
    fn table_rows_are_not_restatements() {
        let prose = "The firm employs 2,000 engineers in Berlin.\n\n";
        let table = "| Site | Engineers |\n|---|---|\n| Munich | 2,100 engineers |\n| Dresden | 2,900 engineers |\n";
        assert!(contradictions(&format!("{prose}{table}")).is_empty());
        // The same figures in prose are.
        let text = format!("{prose}The Dresden site has 2,900 engineers.\n");
        assert_eq!(contradictions(&text), ["2,900"]);
    }

    /// A sentence that never ends (a wall of figures of one noun, read in pieces) holds no
    /// more pending figures than the group may keep; what it keeps, and the contradictions
    /// found after it, are those of holding all of them.
    #[test]
    fn a_sentence_that_never_ends_holds_only_what_it_keeps() {
        let wall: String = (0..3000)
            .map(|n| format!("{} engineers, ", 1000 + (n * 7919) % 5000))
            .collect();
        let text = format!("{wall}and more.\n\nThe firm employs 6001 engineers.\n");
        let analysis = analyze(&text, DocumentFormat::Markdown, &Options::default());
        let claims = &analysis.claims;
        let wall_claims = claims
            .iter()
            .take_while(|claim| claim.span.end < wall.len())
            .count();
        assert!(wall_claims > 2000, "{wall_claims}");
        let rules = crate::rules::RuleSet::bundled();
        let mentions = crate::rules::DocumentMentions::default();
        let mentions = crate::checks::Mentions::Found(&mentions);
        let blocks = vec![crate::text::Span::new(0, text.len()); claims.len()];
        let options = Options::default();
        let context = |claims, claim_blocks| CheckContext {
            text: &text,
            language: analysis.language,
            claims,
            claim_blocks,
            number_problems: &[],
            rules,
            options: &options,
            rate_date: None,
            mentions: &mentions,
            skip_hints: false,
            document: None,
        };
        let (mut figures, mut findings) = (Figures::default(), Vec::new());
        let (wall_blocks, rest_blocks) = blocks.split_at(wall_claims);
        feed(
            &context(&claims[..wall_claims], wall_blocks),
            &mut figures,
            &mut findings,
        );
        let group = figures
            .groups
            .values()
            .next()
            .expect("one group: engineers");
        assert_eq!(figures.groups.len(), 1);
        assert_eq!(group.pending_figures.len(), KEPT_FIGURES);
        // The figures kept are the first 64 different ones, and the sentence after them
        // meets them: 6001 lies within none of their intervals but close to some.
        let first: std::collections::BTreeSet<u64> = claims[..wall_claims]
            .iter()
            .map(|claim| claim.value.number().unwrap_or_default() as u64)
            .scan(std::collections::BTreeSet::new(), |seen, value| {
                seen.insert(value);
                Some(seen.len())
            })
            .zip(&claims[..wall_claims])
            .take_while(|(count, _)| *count <= KEPT_FIGURES)
            .map(|(_, claim)| claim.value.number().unwrap_or_default() as u64)
            .collect();
        let pending: std::collections::BTreeSet<u64> = group
            .pending_figures
            .iter()
            .map(|(stated, _)| stated.value as u64)
            .collect();
        assert_eq!(pending, first);
        let rest = &claims[wall_claims..];
        feed(&context(rest, rest_blocks), &mut figures, &mut findings);
        assert!(
            !findings.is_empty(),
            "6001 engineers contradicts a close figure"
        );
    }

    /// Figures without a unit are compared with the close ones among many earlier figures.
    #[test]
    fn figures_without_a_unit_meet_only_close_ones() {
        let text = "The firm employs 2,000 engineers.\n\nTwo teams of 40 engineers review it.\n\n\
                    Its 2,600 engineers build chips.\n\nAt night 9,000 engineers sleep.\n";
        assert_eq!(contradictions(text), ["2,600"]);
    }
}
