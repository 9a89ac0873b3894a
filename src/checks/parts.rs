//! Parts that add up to more than their whole: shares over 100 %, parts over a stated total.
//!
//! ## What it does
//! In a sentence that divides something into shares ("account for", "Anteil", "davon"), adds
//! up the percentages and flags a sum over 100 % (after rounding); the first figure of a
//! change ("from 60 to 80 percent", "von 60 auf 80 Prozent") is the share as it was, and is
//! not added. Sentences that say how shares changed ("rose", "stieg") are left alone. Where a
//! total is stated ("in total", "insgesamt") and parts of the same kind and unit follow ("of
//! which", "davon", "including"), or an amount is made a total by "of which", "of whom",
//! "davon" or "von denen" right after it ("$3.7 billion this year, of which …", "1,200
//! employees, of whom …", parts in its sentence), it flags parts
//! whose sum exceeds the total. So too for a whole the sentence fronts ("Of the 1,200
//! employees, 900 work in research and 400 in sales", "Von den 1.200 Beschäftigten arbeiten
//! 900 in der Forschung …"): the later figures of its sentence that count the same are its
//! parts.
//!
//! ## Why is this bad?
//! Parts cannot exceed their whole; one of the figures is wrong or belongs to another whole.
//!
//! ## Example
//! ```text
//! Of the revenue, data centres account for 60 %, gaming for 35 % and cars for 12 %.
//! ```
//! The shares add up to 107 %.
//!
//! ## Fix safety
//! No fix.

use crate::checks::support::{self, claim_interval, figure, window};
use crate::checks::{CheckContext, finding};
use crate::claims::{Bound, Claim, ClaimKind};
use crate::diagnostics::Finding;

/// How far after a total its "of which" may stand, and its parts after that, in bytes.
const CUE_WINDOW: usize = 200;
const PARTS_WINDOW: usize = 400;

const SHARE_CUES: &[&str] = &[
    "account for",
    "accounted for",
    "share",
    "of which",
    "split",
    "anteil",
    "davon",
    "entfallen",
    "entfielen",
    "machen",
    "make up",
    "made up",
];
const CHANGE_CUES: &[&str] = &[
    "rose",
    "grew",
    "increase",
    "fell",
    "up ",
    "down ",
    "gestiegen",
    "stieg",
    "sank",
    "gesunken",
    "wachstum",
    "zuwachs",
    "rückgang",
    "gegenüber",
    "compared",
    "year-on-year",
    "growth",
    " rise",
    " climb",
    "decline",
    " drop",
    "steigen",
    "steigt",
    "sinken",
    "sinkt",
    " wachsen",
    "wächst",
    "zulegen",
    "erhöh",
    "verdoppel",
];
const TOTAL_CUES: &[&str] = &[
    "in total",
    "total of",
    "overall",
    "altogether",
    "insgesamt",
    "gesamt",
    "in summe",
    "zusammen",
];
/// The cues that make the amount right before them a total: "$3.7 billion this year, of which
/// …", "1,200 employees, of whom …", "1,9 Milliarden Fahrgäste, davon …", "1.200
/// Beschäftigte, von denen …". (Not "including" or "darunter": a list of some among many may
/// overlap.)
const OF_WHICH_CUES: &[&str] = &["of which", "of whom", "davon", "wovon", "von denen"];
const PART_CUES: &[&str] = &[
    "of which",
    "of whom",
    "von denen",
    "including",
    "among them",
    "davon",
    "darunter",
    "wovon",
];

pub(crate) fn check(context: &CheckContext, findings: &mut Vec<Finding>) {
    let mut start = 0;
    while start < context.claims.len() {
        let sentence = context.claims[start].sentence;
        let mut end = start;
        while end < context.claims.len() && context.claims[end].sentence == sentence {
            end += 1;
        }
        // The cues are looked for only where a check may find something: two shares in the
        // sentence, or a claim after one of its claims in the same block (a part).
        let shares_here = context.claims[start..end]
            .iter()
            .filter(|claim| is_share(claim))
            .nth(1)
            .is_some();
        let blocks = &context.claim_blocks;
        let parts_may_follow =
            end - start >= 2 || blocks.get(end).is_some() && blocks.get(end) == blocks.get(end - 1);
        if !shares_here && !parts_may_follow {
            start = end;
            continue;
        }
        let cues = cues_in(&context.text[sentence.start..sentence.end]);
        if shares_here && cues & SHARE != 0 && cues & CHANGE == 0 {
            shares(context, &context.claims[start..end], findings);
        }
        // "in total" and its kin must stand in the sentence before any total does, or "of
        // which" after it.
        if parts_may_follow && cues & (TOTAL | OF_WHICH) != 0 {
            parts_of_total(context, start, end, findings);
        }
        if end - start >= 2 {
            parts_of_fronted_whole(context, start, end, findings);
        }
        start = end;
    }
}

/// Which of the cue lists a sentence holds a cue of: bits of `SHARE`, `CHANGE`, `TOTAL`,
/// `OF_WHICH`.
const SHARE: u8 = 1;
const CHANGE: u8 = 2;
const TOTAL: u8 = 4;
const OF_WHICH: u8 = 8;
const ALL_CUES: u8 = SHARE | CHANGE | TOTAL | OF_WHICH;

/// The cues of `SHARE_CUES`, `CHANGE_CUES`, `TOTAL_CUES` and `OF_WHICH_CUES` found in
/// `sentence`, in any case:
/// every cue is looked for in one pass, overlapping ones too, without lowercasing the
/// sentence first (a cue with `ü` is looked for with `Ü` too).
fn cues_in(sentence: &str) -> u8 {
    static CUES: std::sync::LazyLock<(Option<aho_corasick::AhoCorasick>, Vec<u8>)> =
        std::sync::LazyLock::new(|| {
            let mut cues: Vec<(String, u8)> = Vec::new();
            for (list, bit) in [
                (SHARE_CUES, SHARE),
                (CHANGE_CUES, CHANGE),
                (TOTAL_CUES, TOTAL),
                (OF_WHICH_CUES, OF_WHICH),
            ] {
                for &cue in list {
                    let capital = cue.replace('ü', "Ü");
                    for cue in [cue.to_owned(), capital] {
                        match cues.iter_mut().find(|(known, _)| *known == cue) {
                            Some((_, bits)) => *bits |= bit,
                            None => cues.push((cue, bit)),
                        }
                    }
                }
            }
            let automaton = crate::lexicon::any_case_words(cues.iter().map(|(cue, _)| cue));
            (automaton, cues.into_iter().map(|(_, bits)| bits).collect())
        });
    let (Some(automaton), bits) = &*CUES else {
        return 0;
    };
    let mut found = 0;
    for hit in automaton.find_overlapping_iter(sentence) {
        found |= bits[hit.pattern().as_usize()];
        if found == ALL_CUES {
            break;
        }
    }
    found
}

/// Whether `claim` stands between "from" and "to" ("von" and "auf").
fn low_end_of_change(text: &str, claim: &Claim) -> bool {
    let word_before = support::word_before(text, claim.span.start);
    let (word_after, _) = support::word_after(text, claim.span.end);
    matches!(
        (word_before.as_str(), word_after.as_str()),
        ("from", "to") | ("von", "auf")
    )
}

/// A percentage that counts towards a sum of shares: stated, or as a lower bound.
fn is_share(claim: &Claim) -> bool {
    claim.kind == ClaimKind::Percent
        && matches!(
            claim.bound,
            Bound::Exact | Bound::Approx | Bound::AtLeast | Bound::MoreThan
        )
}

fn shares(context: &CheckContext, claims: &[Claim], findings: &mut Vec<Finding>) {
    // The low end of a change ("von 60 auf 80 Prozent", "from 60 to 80 percent") is the
    // share as it was, not a part of the whole beside the one it became.
    let percents: Vec<&Claim> = claims
        .iter()
        .filter(|claim| is_share(claim) && !low_end_of_change(context.text, claim))
        .collect();
    if percents.len() < 2 {
        return;
    }
    let lowest: f64 = percents
        .iter()
        .map(|claim| {
            claim_interval(
                claim,
                context.text,
                claim.value.number().unwrap_or_default(),
                None,
            )
            .0
        })
        .sum();
    let stated: f64 = percents
        .iter()
        .filter_map(|claim| claim.value.number())
        .sum();
    if lowest <= 100.0 {
        return;
    }
    let last = percents[percents.len() - 1];
    let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
    let listed: Vec<String> = percents.iter().map(|claim| written(claim)).collect();
    let mut found = finding(
        "FL130",
        last.span,
        format!(
            "the shares add up to {} %: {}",
            figure(stated),
            listed.join(" + ")
        ),
    );
    found.note = Some("Shares of one whole cannot exceed 100 %. Check each figure, or whether they belong to different wholes.".into());
    for claim in &percents[..percents.len() - 1] {
        found
            .related
            .push(support::related(context.text, claim, "one share"));
    }
    found.explanation = support::own_arithmetic(
        "sum of the shares",
        format!("{} = {} %", listed.join(" + "), figure(stated)),
        stated,
        Some("percent"),
    );
    findings.push(found);
}

fn amount(context: &CheckContext, claim: &Claim) -> Option<(f64, f64)> {
    if !matches!(
        claim.kind,
        ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity
    ) {
        return None;
    }
    crate::checks::support::value_interval(context, claim)
}

/// A total in one sentence, parts after "of which"/"davon" in it or the next one; or an
/// amount with "of which"/"davon" right after it, parts in its sentence.
fn parts_of_total(context: &CheckContext, start: usize, end: usize, findings: &mut Vec<Finding>) {
    for at in start..end {
        let total = &context.claims[at];
        if !matches!(
            total.bound,
            Bound::Exact | Bound::Approx | Bound::AtMost | Bound::LessThan
        ) {
            continue;
        }
        // "in total" and its kin stand next to the total.
        let near = window(
            context.text,
            total
                .span
                .start
                .saturating_sub(40)
                .max(total.sentence.start),
            (total.span.end + 16).min(total.sentence.end),
        )
        .to_lowercase();
        let of_which = !TOTAL_CUES.iter().any(|cue| near.contains(cue));
        if of_which && !of_which_follows(context, at) {
            continue;
        }
        let Some((_, total_high)) = amount(context, total) else {
            continue;
        };
        // Parts: claims after the total, in this sentence or the next, after a part cue.
        let block = context.claim_blocks.get(at).copied();
        let cue_at = window(
            context.text,
            total.span.end,
            (total.span.end + CUE_WINDOW).min(block.map_or(usize::MAX, |block| block.end)),
        )
        .to_lowercase();
        let Some(cue) = PART_CUES.iter().filter_map(|cue| cue_at.find(cue)).min() else {
            continue;
        };
        let cue_offset = total.span.end + cue;
        // Parts stand in the total's paragraph, soon after the cue.
        let parts: Vec<&Claim> = context.claims[at + 1..]
            .iter()
            .zip(&context.claim_blocks[(at + 1).min(context.claim_blocks.len())..])
            .take_while(|(claim, claim_block)| {
                Some(**claim_block) == block
                    && claim.span.start <= cue_offset + PARTS_WINDOW
                    && (!of_which || claim.sentence == total.sentence)
            })
            .map(|(claim, _)| claim)
            .filter(|claim| {
                claim.span.start > cue_offset
                    && claim.kind == total.kind
                    && (claim.unit == total.unit
                        || claim.kind == ClaimKind::Money
                        // "230.000 Beschäftigte, davon 120.000 im Betrieb".
                        || claim.kind == ClaimKind::Count && claim.unit.is_none())
            })
            .collect();
        report_parts(context, total, total_high, &parts, findings);
    }
}

/// A whole fronted by its sentence ("Of the 1,200 employees, 900 work in research and 400 in
/// sales", "Von den 1.200 Beschäftigten arbeiten 900 in der Forschung"): the claims after it
/// in the sentence that count the same unit, or the same thing, are its parts.
fn parts_of_fronted_whole(
    context: &CheckContext,
    start: usize,
    end: usize,
    findings: &mut Vec<Finding>,
) {
    let whole = &context.claims[start];
    let fronted = matches!(
        whole.bound,
        Bound::Exact | Bound::Approx | Bound::AtMost | Bound::LessThan
    ) && context
        .text
        .get(whole.sentence.start..whole.span.start)
        .is_some_and(crate::claims::fronts_whole);
    if !fronted {
        return;
    }
    let Some((_, total_high)) = amount(context, whole) else {
        return;
    };
    let same_thing = |claim: &Claim| match (claim.unit, whole.unit) {
        (Some(unit), Some(whole_unit)) => unit == whole_unit,
        _ => claim
            .subject
            .as_ref()
            .zip(whole.subject.as_ref())
            .is_some_and(|(subject, whole_subject)| {
                subject.text.eq_ignore_ascii_case(&whole_subject.text)
            }),
    };
    let parts: Vec<&Claim> = context.claims[start + 1..end]
        .iter()
        .filter(|claim| claim.kind == whole.kind && same_thing(claim))
        .collect();
    report_parts(context, whole, total_high, &parts, findings);
}

/// Flags `parts` whose lowest sum exceeds `total` (at most `total_high`).
fn report_parts(
    context: &CheckContext,
    total: &Claim,
    total_high: f64,
    parts: &[&Claim],
    findings: &mut Vec<Finding>,
) {
    if parts.is_empty() {
        return;
    }
    let lowest: f64 = parts
        .iter()
        .filter_map(|claim| amount(context, claim).map(|(low, _)| low))
        .sum();
    if lowest <= total_high {
        return;
    }
    let written = |claim: &Claim| context.text[claim.span.start..claim.span.end].to_owned();
    let listed: Vec<String> = parts.iter().map(|claim| written(claim)).collect();
    let sum: f64 = parts
        .iter()
        .filter_map(|claim| amount(context, claim).map(|(low, high)| (low + high) / 2.0))
        .sum();
    let mut found = finding(
        "FL130",
        parts[parts.len() - 1].span,
        format!(
            "the parts ({}) add up to more than the total `{}`",
            listed.join(" + "),
            written(total)
        ),
    );
    found
        .related
        .push(support::related(context.text, total, "the total"));
    found.explanation = support::own_arithmetic(
        "sum of the parts ≤ total",
        format!(
            "{} = {} > {}",
            listed.join(" + "),
            figure(sum),
            written(total)
        ),
        sum,
        total.unit,
    );
    findings.push(found);
}

/// Whether "of which", "davon" or "wovon" follows claim `at` within a few words, after a
/// comma or dash and no other figure but a year: "$3.7 billion this year, of which",
/// "1,9 Milliarden Fahrgäste, davon". ("Two of which deserve attention" takes two of them.)
fn of_which_follows(context: &CheckContext, at: usize) -> bool {
    let total = &context.claims[at];
    let end = (total.span.end + 32).min(total.sentence.end);
    let after = window(context.text, total.span.end, end).to_lowercase();
    let Some(cue) = OF_WHICH_CUES.iter().filter_map(|cue| after.find(cue)).min() else {
        return false;
    };
    if !after[..cue].contains([',', '–', '—', '(']) {
        return false;
    }
    let cue_offset = total.span.end + cue;
    context.claims[at + 1..]
        .iter()
        .take_while(|claim| claim.span.start < cue_offset)
        .all(|claim| claim.kind == ClaimKind::Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_in_any_case() {
        for sentence in [
            "Der Rückgang lag bei 3 %.",
            "DER RÜCKGANG LAG BEI 3 %.",
            "gegenüber dem Vorjahr",
            "GEGENÜBER DEM VORJAHR",
            "Sales ROSE by 5 %.",
        ] {
            assert_eq!(cues_in(sentence) & CHANGE, CHANGE, "{sentence}");
        }
        assert_eq!(cues_in("Of Which 40 % went to Europe."), SHARE | OF_WHICH);
        assert_eq!(cues_in("Nothing here."), 0);
    }

    /// The words around a share are read whatever marks stand next to them.
    #[test]
    fn the_low_end_of_a_change_is_found_beside_any_mark() {
        let analysis = |text: &str| {
            crate::engine::analyze(
                text,
                crate::document::DocumentFormat::Markdown,
                &crate::engine::Options::default(),
            )
        };
        for (text, low_end) in [
            ("Der Anteil geht von 60 auf 80 Prozent.", true),
            ("The share goes from 60 to 80 percent.", true),
            ("Der Anteil lag bei 60 % und —70 % der Rest.", false),
            ("The share was ½60 % and €70 % and «von»80 %.", false),
        ] {
            let found = analysis(text);
            let lows: Vec<bool> = found
                .claims
                .iter()
                .map(|claim| low_end_of_change(text, claim))
                .collect();
            assert_eq!(lows.first().copied(), Some(low_end), "{text}: {lows:?}");
        }
    }
}
