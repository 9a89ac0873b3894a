//! The translation check: pairs the claims of a document and its translation, reports drift.
//!
//! `compare` takes two analysed documents, in any mix of English and German, and aligns their
//! claims: first a sequence alignment (dynamic programming over both claim lists, scoring each
//! candidate pair by kind, normalised value, unit, bound and position), then a second pass
//! that pairs what local reordering left over ("$500 billion over four years" becomes "über
//! vier Jahre 500 Milliarden Dollar"). Every pair is then compared: a value that changed beyond
//! rounding, a scale word rendered as its false friend (English "billion" as German "Billion",
//! a 1000× error), a bound that changed ("at least" → "etwa"), a changed unit or currency, a
//! changed kind (percentage points → percent). Claims without a partner are missing in, or
//! added by, the translation. Messages say what differs and what the translation should say.
//!
//! Like the rest of the core this does no I/O and never panics on input.

use serde::Serialize;
use serde_json::{Value, json};

use crate::checks::support;
use crate::claims::{Bound, Claim, ClaimKind, ClaimValue};
use crate::engine::Analysis;
use crate::language::Language;
use crate::report::{claim_value, position};
use crate::text::LineIndex;

/// The result of comparing a document with its translation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Claims that correspond, ordered by the original's claims.
    pub pairs: Vec<Pair>,
    /// What differs, in the order of the original document.
    pub drifts: Vec<Drift>,
}

/// Two corresponding claims: indices into the original's and the translation's `claims`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub original: usize,
    pub translation: usize,
}

/// One difference between the original and the translation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drift {
    pub kind: DriftKind,
    /// The original's claim (an index into its `claims`), absent for `Added`.
    pub original: Option<usize>,
    /// The translation's claim, absent for `Missing`.
    pub translation: Option<usize>,
    /// What differs and what the translation should say.
    pub message: String,
}

/// What kind of difference a drift is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DriftKind {
    /// A claim of the original has no counterpart in the translation.
    Missing,
    /// A claim appears only in the translation.
    Added,
    /// The value changed beyond rounding.
    Value,
    /// The value changed by a factor of 1000 where a scale word is involved: a scale word
    /// rendered as its false friend in the other language.
    Scale,
    /// The bound or hedge changed ("at least" → "about", "about" dropped).
    Bound,
    /// The unit or currency changed.
    Unit,
    /// The kind of figure changed (percentage points → percent, money → a bare number).
    Kind,
}

impl DriftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DriftKind::Missing => "missing",
            DriftKind::Added => "added",
            DriftKind::Value => "value",
            DriftKind::Scale => "scale",
            DriftKind::Bound => "bound",
            DriftKind::Unit => "unit",
            DriftKind::Kind => "kind",
        }
    }
}

impl Comparison {
    /// Whether the translation states the same figures as the original: no drift at all.
    pub fn agrees(&self) -> bool {
        self.drifts.is_empty()
    }

    /// The comparison as JSON, for `factlint diff --format json`: both documents (name,
    /// language, number of claims), every pair and every drift with the claims involved in the
    /// public claim shape (`report::claim_value`: text, spans, 1-based lines and columns) plus
    /// their index. Each side is `(name, text, analysis)`.
    pub fn to_json(
        &self,
        original: (&str, &str, &Analysis),
        translation: (&str, &str, &Analysis),
    ) -> Value {
        let original_index = LineIndex::new(original.1);
        let translation_index = LineIndex::new(translation.1);
        let side = |document: (&str, &str, &Analysis), index: &LineIndex, at: Option<usize>| {
            let (name, text, analysis) = document;
            match at.and_then(|at| analysis.claims.get(at).map(|claim| (at, claim))) {
                None => Value::Null,
                Some((at, claim)) => {
                    let mut value = claim_value(claim, name, text, index);
                    if let Value::Object(map) = &mut value {
                        map.insert("index".into(), json!(at));
                    }
                    value
                }
            }
        };
        let document = |document: (&str, &str, &Analysis)| {
            json!({
                "file": document.0,
                "language": document.2.language.map(Language::code),
                "claims": document.2.claims.len(),
            })
        };
        json!({
            "original": document(original),
            "translation": document(translation),
            "agrees": self.agrees(),
            "pairs": self.pairs.iter().map(|pair| json!({
                "original": side(original, &original_index, Some(pair.original)),
                "translation": side(translation, &translation_index, Some(pair.translation)),
            })).collect::<Vec<_>>(),
            "drifts": self.drifts.iter().map(|drift| json!({
                "kind": drift.kind,
                "message": drift.message,
                "original": side(original, &original_index, drift.original),
                "translation": side(translation, &translation_index, drift.translation),
            })).collect::<Vec<_>>(),
        })
    }
}

/// Pairs the claims of `original` and `translation` and reports what drifted.
///
/// The texts must be the ones the analyses were made from (spans index into them). The two
/// documents may be in the same language or in English and German either way round.
pub fn compare(
    original: &str,
    original_analysis: &Analysis,
    translation: &str,
    translation_analysis: &Analysis,
) -> Comparison {
    let left = Side::new(original, original_analysis);
    let right = Side::new(translation, translation_analysis);
    let pairs = align(&left, &right);

    let mut keyed: Vec<(f64, Drift)> = Vec::new();
    let mut paired_left = vec![false; left.claims.len()];
    let mut paired_right = vec![false; right.claims.len()];
    for pair in &pairs {
        paired_left[pair.original] = true;
        paired_right[pair.translation] = true;
        for drift in pair_drifts(&left, &right, *pair) {
            keyed.push((pair.original as f64, drift));
        }
    }
    for (at, claim) in left.claims.iter().enumerate() {
        if !paired_left[at] {
            let message = format!(
                "`{}` (line {}) has no counterpart in the translation: {} is missing there; \
                 translate it as {}",
                left.written(claim),
                left.line(claim),
                describe(claim),
                should_be(
                    claim,
                    right.language.unwrap_or(left.language_of(claim).other())
                ),
            );
            keyed.push((
                at as f64,
                Drift {
                    kind: DriftKind::Missing,
                    original: Some(at),
                    translation: None,
                    message,
                },
            ));
        }
    }
    for (at, claim) in right.claims.iter().enumerate() {
        if !paired_right[at] {
            // Sort it after the original claim paired with the nearest translation claim before it.
            let key = pairs
                .iter()
                .filter(|pair| pair.translation < at)
                .max_by_key(|pair| pair.translation)
                .map_or(-0.5, |pair| pair.original as f64 + 0.5);
            let message = format!(
                "`{}` (line {}) appears only in the translation: the original states no {}; \
                 remove it or check the original",
                right.written(claim),
                right.line(claim),
                describe(claim),
            );
            keyed.push((
                key,
                Drift {
                    kind: DriftKind::Added,
                    original: None,
                    translation: Some(at),
                    message,
                },
            ));
        }
    }
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    Comparison {
        pairs,
        drifts: keyed.into_iter().map(|(_, drift)| drift).collect(),
    }
}

/// One document with what the alignment needs.
struct Side<'a> {
    text: &'a str,
    claims: &'a [Claim],
    language: Option<Language>,
    index: LineIndex,
    /// Half the unit of the last digit written, per claim.
    roundings: Vec<f64>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, analysis: &'a Analysis) -> Side<'a> {
        let mut side = Side {
            text,
            claims: &analysis.claims,
            language: analysis.language,
            index: LineIndex::new(text),
            roundings: Vec::new(),
        };
        side.roundings = side
            .claims
            .iter()
            .map(|claim| side.rounding(claim))
            .collect();
        side
    }

    /// The claim as written, with line breaks and runs of spaces as one space.
    fn written(&self, claim: &Claim) -> String {
        self.text
            .get(claim.span.start..claim.span.end)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn line(&self, claim: &Claim) -> u32 {
        position(&self.index, self.text, claim.span.start).line
    }

    /// Where the claim stands, as a share of the document (0 at the start, 1 at the end).
    fn relative(&self, claim: &Claim) -> f64 {
        claim.span.start as f64 / self.text.len().max(1) as f64
    }

    fn language_of(&self, claim: &Claim) -> Language {
        claim
            .language
            .or(self.language)
            .unwrap_or(Language::English)
    }

    /// Half the unit of the last digit written (0 when the claim's offsets do not fit the text).
    fn rounding(&self, claim: &Claim) -> f64 {
        let inside = |span: crate::text::Span| self.text.get(span.start..span.end).is_some();
        if inside(claim.span) && claim.written.is_none_or(|written| inside(written.span)) {
            support::rounding(claim, self.text)
        } else {
            0.0
        }
    }
}

/// How well two claims correspond, and how.
#[derive(Clone, Copy, Debug)]
struct Similarity {
    score: f64,
    /// Same figure (within rounding) or the same figure with a false-friend scale word: safe
    /// to pair even out of order.
    strong: bool,
}

/// How far apart (as a share of the documents) two claims may stand and still be paired when
/// their values differ, or out of order.
const NEAR: f64 = 0.15;

/// Claims are compared as kinds that can stand for the same figure.
fn kinds_compatible(a: ClaimKind, b: ClaimKind) -> bool {
    use ClaimKind::*;
    a == b
        || matches!(
            (a, b),
            (Count, Quantity)
                | (Quantity, Count)
                | (Percent, PercentagePoints)
                | (PercentagePoints, Percent)
                | (Percent, Fraction)
                | (Fraction, Percent)
                | (Money, Count)
                | (Count, Money)
                | (Money, Quantity)
                | (Quantity, Money)
        )
}

/// Kinds that are the same figure: a count of GPUs may be read as a count or a quantity.
fn kinds_same(a: ClaimKind, b: ClaimKind) -> bool {
    use ClaimKind::*;
    a == b || matches!((a, b), (Count, Quantity) | (Quantity, Count))
}

/// A number on a common scale: fractions as percent, so `1/50` meets `2 %`.
fn comparable(kind: ClaimKind, value: f64) -> f64 {
    if kind == ClaimKind::Fraction {
        value * 100.0
    } else {
        value
    }
}

/// Whether the translation's figure `b` is the original's `a`, or `a` rounded as `b` is
/// written: a translation may round ("2,048" → "rund 2.000") but not add digits the original
/// does not have ("1500" → "1501"). The rounding counts up to 5 % of the value, so
/// "1.4 trillion" → "1 Billion" is a change.
fn same_number(a: f64, b: f64, rounding_b: f64) -> bool {
    let magnitude = a.abs().max(b.abs());
    let tolerance = rounding_b.min(0.05 * magnitude) + 1e-9 * magnitude;
    (a - b).abs() <= tolerance
}

/// The comparison of two claims' values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueMatch {
    Same,
    /// The translation is 1000× (or 1/1000 of) the original and a scale word is involved.
    Scale,
    Different,
}

fn value_match(left: &Side, i: usize, right: &Side, j: usize) -> ValueMatch {
    let (a, b) = (&left.claims[i], &right.claims[j]);
    match (a.value, b.value) {
        (ClaimValue::Date(x), ClaimValue::Date(y)) => {
            if x == y {
                ValueMatch::Same
            } else {
                ValueMatch::Different
            }
        }
        (ClaimValue::Number(x), ClaimValue::Number(y)) => {
            let (x, y) = (comparable(a.kind, x), comparable(b.kind, y));
            let ry = comparable(b.kind, right.roundings[j]);
            let highs_agree = match (a.high, b.high) {
                (None, None) => true,
                (Some(p), Some(q)) => same_number(comparable(a.kind, p), comparable(b.kind, q), ry),
                _ => false,
            };
            if same_number(x, y, ry) && highs_agree {
                return ValueMatch::Same;
            }
            let scale_word = a.scale_exponent.is_some() || b.scale_exponent.is_some();
            let thousandfold = x != 0.0 && {
                let ratio = y / x;
                (ratio / 1000.0 - 1.0).abs() < 1e-6 || (ratio * 1000.0 - 1.0).abs() < 1e-6
            };
            if scale_word && thousandfold {
                ValueMatch::Scale
            } else {
                ValueMatch::Different
            }
        }
        _ => ValueMatch::Different,
    }
}

/// Scores a candidate pair, or `None` when the two claims cannot be the same figure.
fn similarity(left: &Side, i: usize, right: &Side, j: usize) -> Option<Similarity> {
    let (a, b) = (&left.claims[i], &right.claims[j]);
    let dates = (a.kind == ClaimKind::Date, b.kind == ClaimKind::Date);
    if dates.0 != dates.1 || !kinds_compatible(a.kind, b.kind) {
        return None;
    }
    let distance = (left.relative(a) - right.relative(b)).abs();
    let nearness = (1.0 - distance / (2.0 * NEAR)).max(0.0);
    let unit_same = a.unit == b.unit;
    let bound_same = a.bound == b.bound;
    let same_kind = kinds_same(a.kind, b.kind);
    let values = value_match(left, i, right, j);
    let base = match (same_kind, values) {
        (true, ValueMatch::Same) => 6.0,
        (true, ValueMatch::Scale) => 5.0,
        (false, ValueMatch::Same) => 3.0,
        // A different value is the same figure only nearby, of the same kind and unit.
        (true, ValueMatch::Different) if unit_same && distance <= NEAR => 1.0,
        _ => return None,
    };
    let score =
        base + if unit_same { 1.0 } else { 0.0 } + if bound_same { 0.5 } else { 0.0 } + nearness;
    Some(Similarity {
        score,
        strong: values != ValueMatch::Different,
    })
}

/// Pairs the claims in three passes: a sequence alignment of the claims that are clearly the
/// same figure (same value within rounding, or a false-friend scale word); then those of them
/// that changed places (German word order) and stand near each other; then a sequence
/// alignment of what is left, where a nearby claim of the same kind and unit with another value
/// is taken as the same figure, changed.
fn align(left: &Side, right: &Side) -> Vec<Pair> {
    let (n, m) = (left.claims.len(), right.claims.len());
    let all_left: Vec<usize> = (0..n).collect();
    let all_right: Vec<usize> = (0..m).collect();
    let mut pairs = sequence_alignment(left, &all_left, right, &all_right, true);

    let mut paired_left = vec![false; n];
    let mut paired_right = vec![false; m];
    for pair in &pairs {
        paired_left[pair.original] = true;
        paired_right[pair.translation] = true;
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in left.claims.iter().enumerate() {
        if paired_left[i] {
            continue;
        }
        // Claims are in document order, so those near `a` are one run of the translation's.
        let at = left.relative(a);
        let first = right
            .claims
            .partition_point(|b| right.relative(b) < at - NEAR);
        for (j, b) in right.claims.iter().enumerate().skip(first) {
            if right.relative(b) > at + NEAR {
                break;
            }
            if paired_right[j] {
                continue;
            }
            if let Some(similar) = similarity(left, i, right, j)
                && similar.strong
            {
                candidates.push((similar.score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if !paired_left[i] && !paired_right[j] {
            paired_left[i] = true;
            paired_right[j] = true;
            pairs.push(Pair {
                original: i,
                translation: j,
            });
        }
    }

    let rest_left: Vec<usize> = (0..n).filter(|&i| !paired_left[i]).collect();
    let rest_right: Vec<usize> = (0..m).filter(|&j| !paired_right[j]).collect();
    pairs.extend(sequence_alignment(
        left,
        &rest_left,
        right,
        &rest_right,
        false,
    ));
    pairs.sort_by_key(|pair| (pair.original, pair.translation));
    pairs
}

/// Above this many cells the alignment looks only at a band around the diagonal.
const FULL_ALIGNMENT_CELLS: usize = 4_000_000;

/// The best order-keeping pairing of the claims `rows` of the original with the claims
/// `columns` of the translation (dynamic programming over both lists), using only strong
/// pairs when `strong_only`. Long documents are aligned within a band around the diagonal
/// (a claim is looked for among the translation's claims at about the same share of the
/// document), so time and memory stay linear in practice.
fn sequence_alignment(
    left: &Side,
    rows: &[usize],
    right: &Side,
    columns: &[usize],
    strong_only: bool,
) -> Vec<Pair> {
    let (n, m) = (rows.len(), columns.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let half_width = if (n + 1).saturating_mul(m + 1) <= FULL_ALIGNMENT_CELLS {
        m
    } else {
        (m / 20).max(256).max(m.div_ceil(n) * 2)
    };
    // Row i covers columns lo(i)..=hi(i); both never decrease, and neighbouring rows overlap.
    let center = |i: usize| i * m / n;
    let lo = |i: usize| center(i).saturating_sub(half_width);
    let hi = |i: usize| (center(i) + half_width).min(m);
    let offsets: Vec<usize> = (0..=n)
        .scan(0, |next, i| {
            let start = *next;
            *next += hi(i) - lo(i) + 1;
            Some(start)
        })
        .collect();
    let cells = offsets[n] + hi(n) - lo(n) + 1;
    // best[cell]: the best total score aligning the first i rows and j columns.
    let mut best = vec![f64::NEG_INFINITY; cells];
    // 0: skip the row, 1: skip the column, 2: pair them.
    let mut step = vec![0u8; cells];
    let cell = |i: usize, j: usize| -> Option<usize> {
        (lo(i) <= j && j <= hi(i)).then(|| offsets[i] + j - lo(i))
    };
    for j in lo(0)..=hi(0) {
        best[offsets[0] + j] = 0.0;
        step[offsets[0] + j] = 1;
    }
    for i in 1..=n {
        for j in lo(i)..=hi(i) {
            let here = offsets[i] + j - lo(i);
            let up = cell(i - 1, j).map_or(f64::NEG_INFINITY, |at| best[at]);
            let back = if j > lo(i) {
                best[here - 1]
            } else {
                f64::NEG_INFINITY
            };
            let (mut score, mut choice) = if up >= back { (up, 0) } else { (back, 1) };
            if j > 0
                && let Some(diagonal) = cell(i - 1, j - 1).map(|at| best[at])
                && diagonal.is_finite()
                && let Some(similar) = similarity(left, rows[i - 1], right, columns[j - 1])
                    .filter(|similar| similar.strong || !strong_only)
            {
                let paired = diagonal + similar.score;
                if paired >= score {
                    score = paired;
                    choice = 2;
                }
            }
            best[here] = score;
            step[here] = choice;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let Some(here) = cell(i, j) else {
            break;
        };
        match step[here] {
            2 => {
                pairs.push(Pair {
                    original: rows[i - 1],
                    translation: columns[j - 1],
                });
                i -= 1;
                j -= 1;
            }
            1 => j -= 1,
            _ => i -= 1,
        }
    }
    pairs.reverse();
    pairs
}

/// Every difference between two paired claims.
fn pair_drifts(left: &Side, right: &Side, pair: Pair) -> Vec<Drift> {
    let a = &left.claims[pair.original];
    let b = &right.claims[pair.translation];
    let (from, to) = (left.written(a), right.written(b));
    let target = right.language_of(b);
    let source_language = left.language_of(a);
    let mut drifts = Vec::new();
    let mut push = |kind, message: String| {
        drifts.push(Drift {
            kind,
            original: Some(pair.original),
            translation: Some(pair.translation),
            message,
        });
    };

    if !kinds_same(a.kind, b.kind)
        && !matches!(
            (a.kind, b.kind),
            (ClaimKind::Fraction, ClaimKind::Percent) | (ClaimKind::Percent, ClaimKind::Fraction)
        )
    {
        push(
            DriftKind::Kind,
            format!(
                "`{to}` is {} but the original `{from}` is {}; write {}",
                kind_name(b.kind, b.unit),
                kind_name(a.kind, a.unit),
                should_be(a, target),
            ),
        );
    }

    match value_match(left, pair.original, right, pair.translation) {
        ValueMatch::Same => {}
        ValueMatch::Scale => push(
            DriftKind::Scale,
            scale_message(a, &from, source_language, b, &to, target),
        ),
        ValueMatch::Different => push(
            DriftKind::Value,
            format!(
                "`{to}` is {} but the original `{from}` is {}; write {}",
                plain_value(b),
                plain_value(a),
                should_be(a, target),
            ),
        ),
    }

    if a.bound != b.bound {
        push(
            DriftKind::Bound,
            format!(
                "`{to}` is {} but the original `{from}` is {}; write {}",
                bound_name(b.bound),
                bound_name(a.bound),
                bound_phrase(a.bound, target).map_or_else(
                    || "the figure without a hedge".to_owned(),
                    |phrase| format!("`{phrase} …`"),
                ),
            ),
        );
    }

    if let (Some(x), Some(y)) = (a.unit, b.unit)
        && x != y
    {
        let message = if a.kind == ClaimKind::Money && b.kind == ClaimKind::Money {
            format!(
                "`{to}` is in {y} but the original `{from}` is in {x}: the currency changed; \
                 write {}",
                should_be(a, target),
            )
        } else {
            format!(
                "`{to}` counts {} but the original `{from}` counts {}: the unit changed; write {}",
                support::unit_name(y, 2.0),
                support::unit_name(x, 2.0),
                should_be(a, target),
            )
        };
        push(DriftKind::Unit, message);
    }
    drifts
}

/// The 1000× message: what each scale word means and what the translation should say.
fn scale_message(
    a: &Claim,
    from: &str,
    source_language: Language,
    b: &Claim,
    to: &str,
    target: Language,
) -> String {
    let meaning = |claim: &Claim, language: Language| -> String {
        let value = claim.value.number().unwrap_or_default();
        match (claim.scale.as_deref(), claim.scale_exponent) {
            (Some(word), Some(exponent)) => {
                let other = language.other();
                format!(
                    "{}: {} `{word}` means 10^{exponent} ({} `{}`)",
                    power_text(value),
                    language_name(language),
                    language_name(other),
                    scale_word_for(exponent, value / 10f64.powi(exponent), other),
                )
            }
            _ => power_text(value),
        }
    };
    format!(
        "`{to}` is 1000 times {} the original `{from}`: `{to}` is {}, but `{from}` is {}; write {}",
        if b.value.number().unwrap_or_default().abs() > a.value.number().unwrap_or_default().abs() {
            "more than"
        } else {
            "less than"
        },
        meaning(b, target),
        meaning(a, source_language),
        should_be(a, target),
    )
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::English => "English",
        Language::German => "German",
    }
}

/// A value as mantissa × 10^exponent: `500 × 10^9`.
fn power_text(value: f64) -> String {
    if value.abs() < 1e6 {
        return support::figure(value);
    }
    let exponent = ((value.abs().log10() + 1e-9).floor() as i32 / 3) * 3;
    format!(
        "{} × 10^{exponent}",
        crate::number::format_trimmed(value / 10f64.powi(exponent), 3, Language::English)
    )
}

/// The scale word for a power of ten in a language, singular when `count` is one.
fn scale_word_for(exponent: i32, count: f64, language: Language) -> &'static str {
    let one = (count - 1.0).abs() < 1e-9;
    match (language, exponent, one) {
        (Language::English, 3, _) => "thousand",
        (Language::English, 6, _) => "million",
        (Language::English, 9, _) => "billion",
        (Language::English, 12, _) => "trillion",
        (Language::English, 15, _) => "quadrillion",
        (Language::German, 3, _) => "Tausend",
        (Language::German, 6, true) => "Million",
        (Language::German, 6, false) => "Millionen",
        (Language::German, 9, true) => "Milliarde",
        (Language::German, 9, false) => "Milliarden",
        (Language::German, 12, true) => "Billion",
        (Language::German, 12, false) => "Billionen",
        (Language::German, 15, true) => "Billiarde",
        (Language::German, 15, false) => "Billiarden",
        _ => "",
    }
}

/// A figure written in a language: `500 Milliarden`, `5.6 million`, `2.048`.
fn figure_in(value: f64, language: Language) -> String {
    let magnitude = value.abs();
    for exponent in [12, 9, 6] {
        let unit = 10f64.powi(exponent);
        if magnitude >= unit {
            let count = value / unit;
            return format!(
                "{} {}",
                crate::number::format_trimmed(count, 3, language),
                scale_word_for(exponent, count, language)
            );
        }
    }
    let decimals = if magnitude >= 100.0 {
        0
    } else if magnitude >= 1.0 {
        2
    } else {
        4
    };
    crate::number::format_trimmed(value, decimals, language)
}

/// What the translation should say for the original's claim, in the translation's language.
fn should_be(claim: &Claim, language: Language) -> String {
    let number = |value: f64| figure_in(value, language);
    let hedge = bound_phrase(claim.bound, language)
        .map(|phrase| format!("{phrase} "))
        .unwrap_or_default();
    let body = match claim.value {
        ClaimValue::Date(date) => date_in(date, language),
        ClaimValue::Number(value) => {
            let figure = match claim.high {
                Some(high) => format!("{}–{}", number(value), number(high)),
                None => number(value),
            };
            match (claim.kind, claim.unit, language) {
                (ClaimKind::Percent, _, _) => format!("{figure} %"),
                (ClaimKind::PercentagePoints, _, Language::English) => {
                    format!("{figure} percentage points")
                }
                (ClaimKind::PercentagePoints, _, Language::German) => {
                    format!("{figure} Prozentpunkte")
                }
                (ClaimKind::Multiplier, _, _) => format!("{figure}×"),
                (ClaimKind::Fraction, _, _) => {
                    if value > 0.0 && (1.0 / value - (1.0 / value).round()).abs() < 1e-9 {
                        format!("1/{}", (1.0 / value).round())
                    } else {
                        figure
                    }
                }
                (_, Some(unit), Language::German)
                    if crate::units::UNITS.accelerator(unit).is_some() =>
                {
                    format!("{figure} {unit}-GPUs")
                }
                (_, Some(unit), Language::English)
                    if crate::units::UNITS.accelerator(unit).is_some() =>
                {
                    format!("{figure} {unit} GPUs")
                }
                (_, Some(unit), Language::German) => format!("{figure} {}", german_unit(unit)),
                (_, Some(unit), Language::English) => {
                    format!("{figure} {}", support::unit_name(unit, value))
                }
                (_, None, _) => figure,
            }
        }
    };
    format!("`{hedge}{body}`")
}

/// A date as the language writes it: `27. Januar 2025`, `January 27, 2025`, `2025`.
fn date_in(date: crate::claims::Date, language: Language) -> String {
    const ENGLISH: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const GERMAN: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let month = date
        .month
        .and_then(|month| usize::try_from(month).ok()?.checked_sub(1))
        .filter(|&month| month < 12);
    match (month, date.day, language) {
        (Some(month), Some(day), Language::English) => {
            format!("{} {day}, {}", ENGLISH[month], date.year)
        }
        (Some(month), Some(day), Language::German) => {
            format!("{day}. {} {}", GERMAN[month], date.year)
        }
        (Some(month), None, Language::English) => format!("{} {}", ENGLISH[month], date.year),
        (Some(month), None, Language::German) => format!("{} {}", GERMAN[month], date.year),
        _ => date.year.to_string(),
    }
}

fn german_unit(unit: &str) -> String {
    match unit {
        "year" => "Jahre",
        "month" => "Monate",
        "week" => "Wochen",
        "day" => "Tage",
        "hour" => "Stunden",
        "gpu" => "GPUs",
        "gpu_hour" => "GPU-Stunden",
        "token" => "Token",
        "parameter" => "Parameter",
        "expert" => "Experten",
        other => return support::unit_name(other, 2.0),
    }
    .to_owned()
}

/// A claim's value for messages: `500 billion USD`, `2025-01-27`, `13 %`, `2,048 H800 GPUs`.
fn plain_value(claim: &Claim) -> String {
    match claim.value {
        ClaimValue::Date(date) => date.iso(),
        ClaimValue::Number(value) => {
            let unit = claim.unit;
            match claim.high {
                Some(high) => format!(
                    "{}–{}",
                    support::figure(value),
                    support::quantity(high, unit, claim.kind)
                ),
                None => support::quantity(value, unit, claim.kind),
            }
        }
    }
}

/// A claim described for missing and added claims: `500 billion USD (an amount of money)`.
fn describe(claim: &Claim) -> String {
    format!(
        "{} ({})",
        plain_value(claim),
        kind_name(claim.kind, claim.unit)
    )
}

fn kind_name(kind: ClaimKind, unit: Option<&str>) -> String {
    match kind {
        ClaimKind::Count | ClaimKind::Quantity => match unit {
            Some(unit) => format!("a count of {}", support::unit_name(unit, 2.0)),
            None => "a bare number".to_owned(),
        },
        ClaimKind::Money => format!("an amount of money ({})", unit.unwrap_or("no currency")),
        ClaimKind::Percent => "a percentage".to_owned(),
        ClaimKind::PercentagePoints => "a difference in percentage points".to_owned(),
        ClaimKind::Fraction => "a fraction".to_owned(),
        ClaimKind::Multiplier => "a multiplier".to_owned(),
        ClaimKind::Date => "a date".to_owned(),
        ClaimKind::Duration => "a duration".to_owned(),
    }
}

fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::Approx => "approximate",
        Bound::AtLeast => "a lower bound (at least)",
        Bound::MoreThan => "a lower bound (more than)",
        Bound::AtMost => "an upper bound (at most)",
        Bound::LessThan => "an upper bound (less than)",
        Bound::Range => "a range",
    }
}

/// The usual words for a bound in a language; `None` for an exact figure or a range.
fn bound_phrase(bound: Bound, language: Language) -> Option<&'static str> {
    match (bound, language) {
        (Bound::Approx, Language::English) => Some("about"),
        (Bound::Approx, Language::German) => Some("etwa"),
        (Bound::AtLeast, Language::English) => Some("at least"),
        (Bound::AtLeast, Language::German) => Some("mindestens"),
        (Bound::MoreThan, Language::English) => Some("more than"),
        (Bound::MoreThan, Language::German) => Some("mehr als"),
        (Bound::AtMost, Language::English) => Some("at most"),
        (Bound::AtMost, Language::German) => Some("höchstens"),
        (Bound::LessThan, Language::English) => Some("less than"),
        (Bound::LessThan, Language::German) => Some("weniger als"),
        (Bound::Exact | Bound::Range, _) => None,
    }
}
