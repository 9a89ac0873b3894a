//! The context of claims: sentences, subjects and periods.
//!
//! Sentences are split on `.`, `!`, `?` and `…` before a capital, a digit or a quote, except
//! after abbreviations ("ca.", "Mio.", "z. B.") and in German ordinal dates ("26. Januar").
//! Subjects come from the unit (`2.000 H800` is about H800 GPUs), from the noun phrase after
//! the figure ("1/50 der Schulungskosten", "$5 million for training"), or from the nearest
//! name before it ("NVIDIA … verlor 13 %"). Periods come from a duration in the same sentence
//! ("in den nächsten fünf Jahren"), a rate ("per year", "pro Jahr") or a year ("in 2024").

use crate::claims::tokens::{Lowered, Token, TokenKind};
use crate::claims::{Claim, ClaimKind, ClaimValue, Per, Period, PeriodKind, Subject};
use crate::language::Language;
use crate::lexicon::{self, Lower, LowerWord};
use crate::text::Span;
use crate::units::UNITS;

/// Sentence membership of the tokens of one block.
#[derive(Default)]
pub(crate) struct Sentences {
    /// The sentence number of each token.
    of_token: Vec<u32>,
    /// The first and last token of each sentence.
    ranges: Vec<(usize, usize)>,
}

impl Sentences {
    /// Splits the tokens of `block` into sentences, in these buffers (emptied first).
    pub fn split(&mut self, block: &str, tokens: &[Token]) {
        let Sentences { of_token, ranges } = self;
        of_token.clear();
        ranges.clear();
        of_token.reserve(tokens.len());
        let mut start = 0;
        for (i, token) in tokens.iter().enumerate() {
            of_token.push(ranges.len() as u32);
            if token.kind == TokenKind::Punct && ends_sentence(block, tokens, i) {
                ranges.push((start, i));
                start = i + 1;
            }
        }
        if start < tokens.len() {
            ranges.push((start, tokens.len() - 1));
        }
    }

    pub fn of(&self, token: usize) -> u32 {
        self.of_token.get(token).copied().unwrap_or(u32::MAX)
    }

    pub fn starts_sentence(&self, token: usize) -> bool {
        token == 0 || self.of(token) != self.of(token - 1)
    }

    /// The first and last token of the sentence holding `token`.
    pub fn range_of(&self, token: usize) -> (usize, usize) {
        self.ranges
            .get(self.of(token) as usize)
            .copied()
            .unwrap_or((token, token))
    }

    /// The span of the sentence holding `token`, in document offsets.
    pub fn span_of(&self, token: usize, tokens: &[Token], base: usize) -> Span {
        let (first, last) = self.range_of(token);
        Span::new(
            base + tokens[first].start as usize,
            base + tokens[last].end as usize,
        )
    }
}

fn ends_sentence(block: &str, tokens: &[Token], i: usize) -> bool {
    let text = tokens[i].text(block);
    if !matches!(text, "." | "!" | "?" | "…") {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    // Closing quotes and brackets belong to the sentence they close. A missing space after a
    // figure ("verlor 13 %.Im krassen Gegensatz") still ends the sentence when a capitalised
    // word follows: no abbreviation ends in `%` or a digit.
    if !next.space_before {
        let after_figure = i > 0 && {
            let previous = tokens[i - 1];
            previous.kind == TokenKind::Number || matches!(previous.text(block), "%" | "‰")
        };
        let word_follows = next.kind == TokenKind::Word
            && next.text(block).chars().count() >= 2
            && next.text(block).starts_with(|c: char| c.is_uppercase());
        return text == "." && after_figure && word_follows;
    }
    let next_text = next.text(block);
    let next_starts_sentence = next_text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            next_text,
            "\"" | "„" | "“" | "»" | "«" | "'" | "(" | "–" | "—"
        );
    if !next_starts_sentence {
        return false;
    }
    if text != "." || i == 0 {
        return true;
    }
    let previous = tokens[i - 1];
    if previous.end != tokens[i].start {
        return true;
    }
    let previous_text = previous.text(block);
    match previous.kind {
        // "26. Januar 2025": a German ordinal day before a month; "im 2. Quartal": an
        // ordinal after an article (`lexicon::leads_german_ordinal`).
        TokenKind::Number => {
            // A month is no longer than a word `LowerWord` holds.
            let before_month = previous_text.len() <= 2
                && LowerWord::new(next_text).is_some_and(|lower| lexicon::month(&lower).is_some());
            let after_article = previous_text.len() <= 3
                && i >= 2
                && tokens[i - 2].kind == TokenKind::Word
                && LowerWord::new(tokens[i - 2].text(block))
                    .is_some_and(|lower| lexicon::leads_german_ordinal(&lower));
            !(before_month || after_article)
        }
        // "Series A. Over the next five years": a capital letter before a word that starts
        // sentences is no initial ("John F. Kennedy").
        TokenKind::Word => {
            // A letter glued to a figure is its scale or unit, not an initial: "$100m. By".
            let glued_to_figure = i > 1 && {
                let figure = tokens[i - 2];
                figure.kind == TokenKind::Number && figure.end == previous.start
            };
            !is_abbreviation(previous_text)
                || glued_to_figure && previous_text.chars().count() == 1
                || previous_text.len() == 1
                    && previous_text.starts_with(|c: char| c.is_ascii_uppercase())
                    && LowerWord::new(next_text)
                        .is_some_and(|lower| lexicon::is_function_word(&lower))
        }
        _ => true,
    }
}

fn is_abbreviation(word: &str) -> bool {
    if word.chars().count() == 1 {
        // Initials and "z. B.", "u. a.", "e. g.".
        return true;
    }
    // No abbreviation is longer than a word `LowerWord` holds.
    LowerWord::new(word).is_some_and(|lower| {
        matches!(
            lower.as_str(),
            "ca" | "mio"
                | "mrd"
                | "tsd"
                | "bzw"
                | "dr"
                | "nr"
                | "vs"
                | "etc"
                | "approx"
                | "jan"
                | "feb"
                | "mär"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "okt"
                | "oct"
                | "nov"
                | "dez"
                | "dec"
                | "mr"
                | "mrs"
                | "ms"
                | "prof"
                | "inc"
                | "co"
                | "corp"
                | "ltd"
                | "no"
                | "fig"
                | "vol"
                | "abb"
                | "bd"
                | "pp"
                | "st"
                | "usw"
                | "evtl"
                | "ggf"
                | "inkl"
                | "zzgl"
                | "bspw"
                | "vgl"
                | "sog"
                | "jh"
                | "jhd"
                | "mind"
                | "max"
                | "min"
                | "est"
                | "gen"
                | "u.s"
                | "e.g"
                | "i.e"
        )
    })
}

/// Fills in the subject and period of each claim of one block, whose first and last tokens
/// are `claim_ranges`.
pub(crate) fn annotate(
    block: &str,
    tokens: &[Token],
    lowered: &Lowered<'_>,
    base: usize,
    sentences: &Sentences,
    claims: &mut [Claim],
    claim_ranges: &[(usize, usize)],
) {
    let index_of =
        |offset: usize| tokens.partition_point(|token| (token.start as usize) < offset - base);
    debug_assert_eq!(claims.len(), claim_ranges.len());
    let durations: Vec<(usize, usize, f64, &'static str, u32)> = claims
        .iter()
        .zip(claim_ranges)
        .filter(|(claim, _)| claim.kind == ClaimKind::Duration)
        .filter_map(|(claim, &(first, last))| {
            let value = claim.value.number()?;
            let unit = lexicon::time_unit(claim.unit?)?;
            Some((first, last, value, unit, sentences.of(first)))
        })
        .collect();
    let years: Vec<YearAt> = claims
        .iter()
        .zip(claim_ranges)
        .filter_map(|(claim, &(first, last))| match claim.value {
            ClaimValue::Date(date) if date.day.is_none() => Some(YearAt {
                first,
                last: last.max(first),
                year: date.year,
                month: date.month.and_then(|month| u8::try_from(month).ok()),
                sentence: sentences.of(first),
            }),
            _ => None,
        })
        .collect();
    let mut last_word = 0;
    let reader = Context {
        block,
        tokens,
        lowered,
        base,
        words_before: (claims.len() >= DENSE_CLAIMS).then(|| {
            tokens
                .iter()
                .enumerate()
                .map(|(at, token)| {
                    if token.kind == TokenKind::Word {
                        last_word = at as u32 + 1;
                    }
                    last_word
                })
                .collect()
        }),
        period_words: std::cell::OnceCell::new(),
    };
    // In order (as nearly always), the claim a word just before a claim belongs to is one of
    // the last few before it.
    let in_order = claim_ranges.is_sorted_by_key(|&(first, _)| first);
    // The tokens each claim holds, with what it is per once that is found: "3 Dollar je eine
    // Million Ausgabe-Token und 2 Dollar" is about no "Ausgabe-Token". (Copied from
    // `claim_ranges` at the first claim with a per, which most blocks have none of.)
    let mut held: Option<Vec<(usize, usize)>> = None;
    for (at, &(first, last)) in claim_ranges.iter().enumerate() {
        let (before, rest) = claims.split_at_mut(at);
        let claim = &mut rest[0];
        if matches!(claim.kind, ClaimKind::Date | ClaimKind::Duration) {
            continue;
        }
        let last = last.max(first);
        let sentence = sentences.of(first);
        let (sentence_first, sentence_last) = sentences.range_of(first);
        // A run of figures without a word ("$1$1$1…", "1 2 3 …") says no subject, per or
        // period, but for a year among them: it is passed over (a dense block knows where its
        // words are).
        let wordless = reader
            .words_before
            .as_ref()
            .is_some_and(|words_before| words_before[sentence_last] as usize <= sentence_first);
        if wordless
            && years
                .get(years.partition_point(|year| year.sentence < sentence))
                .is_none_or(|year| year.sentence != sentence)
        {
            continue;
        }
        let held_now = held.as_deref().unwrap_or(claim_ranges);
        let claims_before = if in_order {
            ClaimsBefore::InOrder(&held_now[..at])
        } else {
            ClaimsBefore::Any(held_now)
        };
        claim.subject = reader
            .subject_from_unit(claim, first, last)
            .or_else(|| reader.subject_after(last + 1, sentence_last, claim.language))
            .or_else(|| reader.subject_of(first, sentence_first, claim.language, claims_before))
            .or_else(|| reader.subject_before(first, sentence_first, claim.language, claims_before))
            .or_else(|| {
                reader.subject_of_verb(first, last, sentence_first, sentence_last, claim.language)
            })
            .map(Box::new);
        if claim.subject.is_none()
            && let Some((kind, unit)) = elliptic_unit(
                claim,
                before,
                |earlier| sentences.of(claim_ranges[earlier].0),
                sentence,
                |span| {
                    block
                        .get(span.start.checked_sub(base)?..span.end.checked_sub(base)?)
                        .map(str::to_lowercase)
                },
            )
        {
            claim.kind = kind;
            claim.unit = Some(unit);
            claim.unit_carried = true;
        }
        if matches!(
            claim.kind,
            ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity
        ) {
            // Right after the figure, or after the one word it counts: "12 cases per 100,000
            // people", "3 Tore pro Spiel".
            let counted_word = claim.subject.as_ref().is_some_and(|subject| {
                last < sentence_last
                    && subject.start == base + tokens[last + 1].start as usize
                    && subject.end == base + tokens[last + 1].end as usize
            });
            claim.per = reader
                .per_after(last + 1, sentence_last, claim.language)
                .or_else(|| {
                    counted_word
                        .then(|| reader.per_after(last + 2, sentence_last, claim.language))
                        .flatten()
                })
                .or_else(|| reader.per_fronted(sentence_first, first, claim.language))
                .map(Box::new);
            if let Some(per) = &claim.per {
                let per_last = index_of(per.end) - 1;
                if claim_ranges
                    .get(at + 1)
                    .is_none_or(|&(next, _)| next > per_last)
                {
                    let held = held.get_or_insert_with(|| claim_ranges.to_vec());
                    held[at].1 = held[at].1.max(per_last);
                }
            }
        }
        // "$1.6bn a year earlier", "ein Jahr zuvor 1,6 Mrd. Euro": the words right after or
        // right before it.
        let year_earlier = reader
            .year_earlier_after(last + 1, sentence_last)
            .or_else(|| {
                let from = first
                    .checked_sub(3)
                    .filter(|&from| from >= sentence_first)?;
                // (The words end in a word right before the figure.)
                if !reader.is_word(first - 1) {
                    return None;
                }
                [from, from + 1].into_iter().find_map(|from| {
                    reader
                        .year_earlier_after(from, first - 1)
                        .filter(|&(_, to)| to == first - 1)
                })
            });
        claim.period = reader
            .rate_after(last + 1, sentence_last, claim.language)
            .or_else(|| {
                // Durations are in document order, so those of one sentence are adjacent.
                let from = durations.partition_point(|duration| duration.4 < sentence);
                durations[from..]
                    .iter()
                    .take_while(|duration| duration.4 == sentence)
                    .find_map(|&(duration_first, duration_last, value, unit, _)| {
                        let period = reader.span_period(
                            duration_first,
                            duration_last,
                            value,
                            unit,
                            sentence_first,
                        )?;
                        let fronted = period.start == base + tokens[sentence_first].start as usize;
                        reader
                            .same_clause(duration_first, duration_last, first, last, fronted)
                            .then_some(period)
                    })
            })
            .or_else(|| {
                // "$3.7bn in 2024, from $1.6bn a year earlier": the year before the
                // sentence's year (nearest the figure), the same part of it ("in Q3 2024 …
                // a year earlier": Q3 2023); none when the sentence names no year.
                let (from, to) = year_earlier?;
                let from_year = years.partition_point(|year| year.sentence < sentence);
                let year = years[from_year..]
                    .iter()
                    .take_while(|year| year.sentence == sentence)
                    .min_by_key(|year| year.first.abs_diff(first))?;
                let calendar = reader.calendar(year, sentence_first);
                Some(Period {
                    part: calendar.part,
                    ..reader.period(
                        from,
                        to,
                        PeriodKind::Calendar,
                        Some(f64::from(year.year - 1)),
                        Some(calendar.unit),
                    )
                })
            })
            .or_else(|| {
                if year_earlier.is_some() {
                    return None;
                }
                // A year close to the figure, with no other figure between them: "1 trillion
                // dollars by 2030", not "$300 billion this year, three times what they spent
                // in 2022". Of two, the nearer: "1 billion users by 2025 and revenue of $100
                // billion in 2029".
                // Only the years within reach of `near` are looked at: a wall of years and
                // figures in one sentence is not searched whole for each figure.
                // A year (or the part of a year before it: "in the third quarter of 2024")
                // right after another figure is that one's: "$10 million in Q2 2024 and $12
                // million in Q3 2024".
                let from = years.partition_point(|year| year.last + NEAR_TOKENS < first);
                years[from..]
                    .iter()
                    // (A part of a year may stand before its year: "in the third quarter of
                    // fiscal 2024".)
                    .take_while(|year| year.first <= last + NEAR_TOKENS + PART_TOKENS)
                    .filter(|year| year.sentence == sentence)
                    .filter_map(|year| {
                        let calendar = reader.calendar(year, sentence_first);
                        let before = year.last < first;
                        // The end of the period toward the figure.
                        let toward = if before { year.last } else { calendar.first };
                        let fits =
                            // "9 Euro mehr als 2024": the year compared with dates nothing.
                            (calendar.start == 0
                                || !matches!(
                                    reader.lower(calendar.start - 1).as_str(),
                                    "than" | "als" | "wie"
                                ))
                            && near(toward, first, last, claim_ranges)
                            && !(before && ends_claim(calendar.start, claim_ranges))
                            && reader.same_clause(
                                calendar.first,
                                year.last,
                                first,
                                last,
                                before && reader.opens_sentence(calendar.first, sentence_first),
                            )
                            && !reader.verb_clause_between(toward, first);
                        fits.then_some((toward, year, calendar))
                    })
                    .min_by_key(|(toward, _, _)| toward.abs_diff(first).min(toward.abs_diff(last)))
                    .map(|(_, year, calendar)| reader.calendar_period(year, calendar))
            })
            .or_else(|| {
                // A year that opens the sentence is said of the clause after it, however
                // long: "In 2023, revenue is expected to reach $7 million".
                if year_earlier.is_some() {
                    return None;
                }
                let from = years.partition_point(|year| year.sentence < sentence);
                // (The sentence's first year: a look at one entry, not a walk to the end.)
                let year = years.get(from).filter(|year| year.sentence == sentence)?;
                let calendar = reader.calendar(year, sentence_first);
                (year.last < first
                    && reader.opens_sentence(calendar.first, sentence_first)
                    && reader.fronted_governs(year.last, first, last, claim_ranges))
                .then(|| reader.calendar_period(year, calendar))
            })
            .or_else(|| {
                // "last year", "im Vorjahr": said from when the text was written, close to
                // the figure as a year must be.
                if year_earlier.is_some() {
                    return None;
                }
                reader.relative_period_near(
                    first,
                    last,
                    sentence_first,
                    sentence_last,
                    claim_ranges,
                    matches!(claim.kind, ClaimKind::Multiplier | ClaimKind::Fraction),
                )
            })
            .map(Box::new);
    }
    parts_of_fronted_whole(block, base, claims);
    levels_reached(block, base, claims);
    parts_of_following_whole(block, base, claims);
}

/// The level a change reached, right after the change and "to" or "auf" (not the second
/// level of "from 700 to 40"), is about what the change is about and holds when it holds: "Revenue rose 5% to $3 million in the third
/// quarter" (both about revenue, both in the third quarter), "Der Gewinn stieg im dritten
/// Quartal um 5 Prozent auf 3 Millionen Euro".
fn levels_reached(block: &str, base: usize, claims: &mut [Claim]) {
    for at in 1..claims.len() {
        let (before, rest) = claims.split_at_mut(at);
        let (change, level) = (&mut before[at - 1], &mut rest[0]);
        // " to ", " auf ": told on the gap's length first (a wall of figures has none).
        let gap = level.span.start.saturating_sub(change.span.end);
        if !(2..=8).contains(&gap)
            || change.sentence != level.sentence
            || !matches!(
                change.kind,
                ClaimKind::Percent
                    | ClaimKind::PercentagePoints
                    | ClaimKind::Money
                    | ClaimKind::Count
                    | ClaimKind::Quantity
            )
            || matches!(level.kind, ClaimKind::Date | ClaimKind::Duration)
            || change.span.end < base
        {
            continue;
        }
        let between = block
            .get(change.span.end - base..level.span.start.saturating_sub(base))
            .unwrap_or_default();
        if !matches!(between.trim(), "to" | "auf") {
            continue;
        }
        // (Not the old level of "from 700 to 40", "von 19 auf 13 Prozent".)
        let word_before = block
            .get(..change.span.start.saturating_sub(base))
            .unwrap_or_default()
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if ["from", "von"]
            .iter()
            .any(|from| word_before.eq_ignore_ascii_case(from))
        {
            continue;
        }
        if level.subject.is_none() {
            level.subject.clone_from(&change.subject);
        }
        // (When, not how often: "5% to $3 million a year" is no rate of 5%.)
        let when =
            |period: &Period| matches!(period.kind, PeriodKind::Calendar | PeriodKind::Relative);
        match (&change.period, &level.period) {
            (Some(period), None) if when(period) => level.period = Some(period.clone()),
            (None, Some(period)) if when(period) => change.period = Some(period.clone()),
            _ => {}
        }
    }
}

/// A bare count right before the whole it is part of counts what the whole counts: "about
/// 800 of 2,000 respondents", "800 out of the 2,000 GPUs", "etwa 800 von 2.000 Befragten".
fn parts_of_following_whole(block: &str, base: usize, claims: &mut [Claim]) {
    for at in 1..claims.len() {
        let (before, rest) = claims.split_at_mut(at);
        let (part, whole) = (&mut before[at - 1], &rest[0]);
        let bare = part.kind == ClaimKind::Count
            && part.unit.is_none()
            && part.subject.is_none()
            && part.scale_exponent.is_none()
            && !part.unit_carried
            && part.per.is_none();
        if !bare
            || whole.kind != ClaimKind::Count
            || whole.sentence != part.sentence
            || whole.unit.is_none() && whole.subject.is_none()
            || part.span.end < base
        {
            continue;
        }
        let between = block
            .get(part.span.end - base..whole.span.start.saturating_sub(base))
            .unwrap_or_default();
        let between = between.trim();
        if between.len() <= 16
            && matches!(
                between.to_lowercase().as_str(),
                "of" | "of the" | "out of" | "out of the" | "von" | "von den" | "von insgesamt"
            )
        {
            part.unit = whole.unit;
            part.subject.clone_from(&whole.subject);
            part.unit_carried = whole.unit.is_some();
        }
    }
}

/// Whether `before`, the words of a sentence before its first figure, front a whole that the
/// rest of the sentence divides: "Of the 1,200 employees, 300 work in research", "Out of
/// 2,000 respondents, 800 said", "Von den 1.200 Beschäftigten arbeiten 300 in der Forschung".
pub(crate) fn fronts_whole(before: &str) -> bool {
    let before = before.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, '*' | '_'));
    before.len() <= 24
        && matches!(
            before.to_lowercase().as_str(),
            "of the"
                | "of"
                | "out of"
                | "out of the"
                | "of all"
                | "of all the"
                | "of those"
                | "of its"
                | "of their"
                | "among the"
                | "von den"
                | "von"
                | "von insgesamt"
                | "von den insgesamt"
                | "von allen"
                | "unter den"
                | "unter den insgesamt"
        )
}

/// The whole a sentence fronts (see [`fronts_whole`]) names what its bare counts count: "Of
/// the 1,200 employees, 300 work in research and 150 in sales" counts employees three times,
/// and "300 work" is not about "work". A count with a scale, a unit or its own carried unit
/// keeps its own.
fn parts_of_fronted_whole(block: &str, base: usize, claims: &mut [Claim]) {
    let mut at = 0;
    while at < claims.len() {
        let whole = &claims[at];
        let sentence = whole.sentence;
        let fronted = whole.kind == ClaimKind::Count
            && (whole.unit.is_some() || whole.subject.is_some())
            && whole.span.start >= sentence.start
            && sentence.start >= base
            && block
                .get(sentence.start - base..whole.span.start - base)
                .is_some_and(fronts_whole);
        if !fronted {
            at += 1;
            continue;
        }
        let (unit, subject) = (whole.unit, whole.subject.clone());
        let mut next = at + 1;
        while next < claims.len() && claims[next].sentence == sentence {
            let part = &mut claims[next];
            if part.kind == ClaimKind::Count
                && part.unit.is_none()
                && part.scale_exponent.is_none()
                && !part.unit_carried
                && part.per.is_none()
            {
                part.unit = unit;
                part.subject.clone_from(&subject);
                part.unit_carried = unit.is_some();
            }
            next += 1;
        }
        at = next;
    }
}

/// The currency or unit of a bare amount of a scale, named once before it: "476,8 Milliarden
/// Euro, rund 12 Milliarden weniger als im Vorjahr", "50,3 Mrd. Euro, davon 11 Mrd. auf die
/// Bahn", "8 Mrd. Euro für Kitas, also 2 Mrd. pro Jahr", "671 Milliarden Parameter, von denen
/// 37 Milliarden aktiv sind". `claim` is a count with a scale word and nothing it counts (no
/// unit, no subject); the nearest figure with a scale before it, in its sentence or the one
/// before, is money, a count or a quantity of a unit with the same scale; returns its kind and
/// unit. ("1,5 Milliarden Euro für 13 Millionen Nutzer" counts users; "49 Euro; 13 Millionen
/// nutzen es" has no scale to match.)
fn elliptic_unit(
    claim: &Claim,
    before: &[Claim],
    sentence_of: impl Fn(usize) -> u32,
    sentence: u32,
    text_between: impl Fn(Span) -> Option<String>,
) -> Option<(ClaimKind, &'static str)> {
    let exponent = claim.scale_exponent.filter(|&exponent| exponent >= 6)?;
    if claim.kind != ClaimKind::Count || claim.unit.is_some() || claim.unit_carried {
        return None;
    }
    let (_, earlier) = before
        .iter()
        .enumerate()
        .rev()
        .take_while(|&(at, _)| sentence_of(at).saturating_add(1) >= sentence)
        .find(|(_, earlier)| earlier.scale_exponent.is_some())?;
    if earlier.scale_exponent != Some(exponent) {
        return None;
    }
    // Money is named once for several amounts; a count or quantity only for a part of it:
    // "671 Milliarden Parameter, von denen 37 Milliarden aktiv sind", "20 million users, of
    // which 5 million in China" (not "2 Millionen Nutzer. Der Umsatz stieg um 3 Millionen").
    let part_of = || {
        earlier.sentence == claim.sentence
            && text_between(Span::new(earlier.span.end, claim.span.start)).is_some_and(|between| {
                [
                    "davon",
                    "von denen",
                    "darunter",
                    "of which",
                    "of them",
                    "among them",
                    "including",
                ]
                .iter()
                .any(|word| between.contains(word))
            })
    };
    match earlier.kind {
        ClaimKind::Money => earlier.unit.map(|unit| (ClaimKind::Money, unit)),
        ClaimKind::Count | ClaimKind::Quantity if part_of() => {
            earlier.unit.map(|unit| (earlier.kind, unit))
        }
        _ => None,
    }
}

/// A word said with the year that dates a figure: a preposition ("by 2025", "seit 2019") or a
/// word of the calendar ("im Jahr 2025", "fiscal 2024").
fn is_year_word(lower: &str) -> bool {
    matches!(
        lower,
        "by" | "in"
            | "since"
            | "until"
            | "till"
            | "through"
            | "before"
            | "after"
            | "during"
            | "from"
            | "for"
            | "of"
            | "to"
            | "around"
            | "fiscal"
            | "calendar"
            | "year"
            | "fy"
            | "im"
            | "bis"
            | "seit"
            | "ab"
            | "vor"
            | "nach"
            | "für"
            | "zum"
            | "um"
            | "gegen"
            | "jahr"
            | "jahres"
            | "geschäftsjahr"
            | "geschäftsjahres"
            | "ende"
            | "anfang"
            | "mitte"
    )
}

/// How many tokens from a claim a year that dates it may stand (`near`).
const NEAR_TOKENS: usize = 6;

/// Whether token `at` lies within `NEAR_TOKENS` of the claim `first..=last` with no other
/// claim starting between them (`claims`: the first and last token of each claim).
fn near(at: usize, first: usize, last: usize, claims: &[(usize, usize)]) -> bool {
    let (from, to) = if at > last { (last, at) } else { (at, first) };
    to - from <= NEAR_TOKENS && !claim_between(from, to, claims)
}

/// Whether a claim starts after token `from` and before token `to`.
fn claim_between(from: usize, to: usize, claims: &[(usize, usize)]) -> bool {
    // The claims are in order: the first start after `from` decides.
    let next = claims.partition_point(|&(start, _)| start <= from);
    claims.get(next).is_some_and(|&(start, _)| start < to)
}

/// How many tokens before a claim its subject is looked for (`Context::subject_before`).
const SUBJECT_WORDS_BEFORE: usize = 12;

/// The token ranges of the claims of a block a word before a claim may lie in.
#[derive(Clone, Copy)]
enum ClaimsBefore<'a> {
    /// Sorted by first token, and all before the claim: the nearest are at the end.
    InOrder(&'a [(usize, usize)]),
    /// All the block's, in the order they came.
    Any(&'a [(usize, usize)]),
}

impl ClaimsBefore<'_> {
    /// Whether token `at` lies inside one of the (disjoint) claim token ranges.
    fn hold(self, at: usize) -> bool {
        let (ranges, next) = match self {
            ClaimsBefore::InOrder(ranges) => (
                ranges,
                ranges
                    .iter()
                    .rposition(|&(first, _)| first <= at)
                    .map_or(0, |last| last + 1),
            ),
            ClaimsBefore::Any(ranges) => {
                (ranges, ranges.partition_point(|&(first, _)| first <= at))
            }
        };
        next > 0 && ranges[next - 1].1 >= at
    }
}

struct Context<'a> {
    block: &'a str,
    tokens: &'a [Token],
    lowered: &'a Lowered<'a>,
    base: usize,
    /// For each token, the nearest word token at or before it, plus one (0: none); only in a
    /// block dense with claims (`DENSE_CLAIMS`), where most tokens before a claim are figures.
    words_before: Option<Vec<u32>>,
    /// Whether a block dense with claims holds a word that a period said from now, or a part
    /// of a year, ends with (`Context::is_period_word`), found when a claim first asks.
    period_words: std::cell::OnceCell<bool>,
}

/// The units a period said from when the text was written is counted in, as the word after
/// "last", "this", "next", "letzten", "diesem" … (or "a" before "ago") names them.
const RELATIVE_UNITS: [(&str, &str); 15] = [
    ("year", "year"),
    ("year's", "year"),
    ("jahr", "year"),
    ("jahres", "year"),
    ("quarter", "quarter"),
    ("quarter's", "quarter"),
    ("quartal", "quarter"),
    ("quartals", "quarter"),
    ("month", "month"),
    ("month's", "month"),
    ("monat", "month"),
    ("monats", "month"),
    ("week", "week"),
    ("week's", "week"),
    ("woche", "week"),
];

/// The German words that are such a period alone, with its units from now and its unit.
const RELATIVE_WORDS: [(&str, f64, &str); 8] = [
    ("vorjahr", -1.0, "year"),
    ("vorjahres", -1.0, "year"),
    ("vorquartal", -1.0, "quarter"),
    ("vorquartals", -1.0, "quarter"),
    ("vormonat", -1.0, "month"),
    ("vormonats", -1.0, "month"),
    ("vorwoche", -1.0, "week"),
    ("heuer", 0.0, "year"),
];

/// A year the block names as a date ("2024"), or a month of one ("März 2024"): its tokens,
/// year, month and sentence.
struct YearAt {
    first: usize,
    last: usize,
    year: i32,
    month: Option<u8>,
    sentence: u32,
}

/// The words that state a year (or month) as a period (`Context::calendar`).
#[derive(Clone, Copy)]
struct CalendarPhrase {
    /// The first token, with the word that says when: "in" of "in the third quarter of 2024".
    start: usize,
    /// The first token of the part of the year named ("the"), or of the date.
    first: usize,
    /// `year`, `half`, `quarter` or `month`.
    unit: &'static str,
    /// Which half, quarter or month.
    part: Option<u8>,
}

/// How many tokens the part of a year before the year may take: "the first half of fiscal
/// year 2024".
const PART_TOKENS: usize = 6;

/// A word between the part of a year and the year that says which kind of year: "the first
/// half of fiscal 2024", "des Geschäftsjahres 2024".
fn names_the_year(lower: &str) -> bool {
    matches!(
        lower,
        "fiscal"
            | "fy"
            | "calendar"
            | "year"
            | "jahres"
            | "geschäftsjahres"
            | "geschäftsjahrs"
            | "kalenderjahres"
    )
}

/// "Q3", "H1": the quarter or half of a year such a code names.
fn part_code(lower: &str) -> Option<(&'static str, u8)> {
    match lower.as_bytes() {
        [b'q', digit @ b'1'..=b'4'] => Some(("quarter", digit - b'0')),
        [b'h', digit @ b'1'..=b'2'] => Some(("half", digit - b'0')),
        _ => None,
    }
}

/// The unit a word names a part of a year in: "quarter", "Quartal", "half", "Halbjahr".
fn part_unit(lower: &str) -> Option<&'static str> {
    match lower {
        "quarter" | "quartal" | "quartals" | "quartales" => Some("quarter"),
        "half" | "halbjahr" | "halbjahres" | "halbjahrs" | "jahreshälfte" => Some("half"),
        _ => None,
    }
}

/// The number an ordinal word up to four says: "third", "dritten".
fn ordinal_number(lower: &str) -> Option<u8> {
    Some(match lower {
        "first" | "erste" | "ersten" | "erstes" => 1,
        "second" | "zweite" | "zweiten" | "zweites" => 2,
        "third" | "dritte" | "dritten" | "drittes" => 3,
        "fourth" | "vierte" | "vierten" | "viertes" => 4,
        _ => return None,
    })
}

/// The words besides the units of `RELATIVE_UNITS` a part of a year ends with
/// (`part_unit`).
const PART_WORDS: [&str; 6] = [
    "quartales",
    "half",
    "halbjahr",
    "halbjahres",
    "halbjahrs",
    "jahreshälfte",
];

/// The months by their full names, English and German, as a period names them alone ("in
/// March", "im Mai").
const MONTH_NAMES: [(&str, u8); 21] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
];

/// The month a capitalised word names in full: "March", "Mai".
fn month_named(word: &str) -> Option<u8> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    MONTH_NAMES
        .iter()
        .find(|&&(name, _)| {
            name.len() == word.len() && name.as_bytes().eq_ignore_ascii_case(word.as_bytes())
        })
        .map(|&(_, month)| month)
}

/// Whether a claim ends at the token right before `at`.
fn ends_claim(at: usize, claims: &[(usize, usize)]) -> bool {
    at.checked_sub(1).is_some_and(|before| {
        let next = claims.partition_point(|&(_, claim_last)| claim_last < before);
        claims
            .get(next)
            .is_some_and(|&(_, claim_last)| claim_last == before)
    })
}

/// A period named in words at tokens `first..=last`: said from when the text was written
/// ("last year", "im Vorjahr": `offset` units from then, kind `relative`), or a part of a
/// year ("in the third quarter", "im März", "in Q3 of 2024": kind `calendar`, `offset` the
/// year when it is stated).
struct RelativePeriod {
    first: usize,
    last: usize,
    kind: PeriodKind,
    offset: Option<f64>,
    unit: &'static str,
    part: Option<u8>,
}

/// How many claims make a block dense enough to index its words (`Context::words_before`).
const DENSE_CLAIMS: usize = 256;

impl Context<'_> {
    /// The nearest word token at or before token `at`, not before token `from`.
    fn word_between(&self, from: usize, at: usize) -> Option<usize> {
        match &self.words_before {
            Some(words_before) => (words_before[at] as usize)
                .checked_sub(1)
                .filter(|&word| word >= from),
            None => (from..=at).rev().find(|&i| self.is_word(i)),
        }
    }

    fn text(&self, i: usize) -> &str {
        self.tokens[i].text(self.block)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|token| token.kind == TokenKind::Word)
    }

    /// Token `i` lowercased if it is a word, else empty.
    #[inline]
    fn lower(&self, i: usize) -> Lower<'_> {
        if !self.is_word(i) {
            return Lower::Stack(LowerWord::default());
        }
        match self.lowered.word(i) {
            Some(lower) => Lower::Stack(lower),
            None => Lower::Heap(self.text(i).to_lowercase()),
        }
    }

    fn subject(&self, first: usize, last: usize, text: String) -> Subject {
        Subject {
            text,
            start: self.base + self.tokens[first].start as usize,
            end: self.base + self.tokens[last].end as usize,
        }
    }

    /// `2.000 H800` is about H800 GPUs; `>8 Experten` is about the experts.
    fn subject_from_unit(&self, claim: &Claim, first: usize, last: usize) -> Option<Subject> {
        let unit = claim.unit?;
        // (An ISO currency code never names a GPU model.)
        if claim.kind != ClaimKind::Money
            && let Some(model) = UNITS.accelerator(unit)
        {
            let at = lexicon::with_lower(model.name, |model_name| {
                (first..=last)
                    .rev()
                    .find(|&i| self.is_word(i) && self.lower(i).contains(model_name))
            })?;
            return Some(self.subject(at, last, format!("{} GPUs", model.name)));
        }
        if claim.kind != ClaimKind::Count || claim.unit_carried {
            return None;
        }
        // The words of the unit at the end of the span, back to the number or scale word.
        let mut start = last + 1;
        while start > first && self.is_word(start - 1) {
            let lower = self.lower(start - 1);
            let text = self.text(start - 1);
            if lexicon::scale_word(text, &lower, claim.language).is_some()
                || lexicon::number_word(&lower).is_some()
            {
                break;
            }
            start -= 1;
        }
        if start > last {
            return None;
        }
        // "128K-token": the unit after the scale in one compound.
        if start == last
            && let Some((head, tail)) = self.text(last).split_once('-')
            && lexicon::with_lower(head, |lower| {
                lexicon::scale_word(head, lower, claim.language).is_some()
            })
        {
            return Some(Subject {
                text: tail.to_owned(),
                start: self.base + self.tokens[last].start as usize + head.len() + 1,
                end: self.base + self.tokens[last].end as usize,
            });
        }
        Some(
            self.subject(
                start,
                last,
                self.block[self.tokens[start].start as usize..self.tokens[last].end as usize]
                    .to_owned(),
            ),
        )
    }

    /// The noun phrase after the figure: "of the training cost", "der Schulungskosten",
    /// "für das Training", "Speichereffizienz".
    fn subject_after(
        &self,
        from: usize,
        sentence_last: usize,
        language: Option<Language>,
    ) -> Option<Subject> {
        if from > sentence_last || !self.is_word(from) {
            return None;
        }
        let first = self.lower(from);
        // "$50 every 6 months", "50 Euro pro Kopf": how often or per what, no subject.
        if matches!(first.as_str(), "every" | "alle" | "per" | "pro" | "je") {
            return None;
        }
        let mut i = from;
        let introduced = matches!(
            first.as_str(),
            "of" | "for"
                | "on"
                | "in"
                | "der"
                | "des"
                | "für"
                | "an"
                | "von"
                | "im"
                | "am"
                | "zum"
                | "zur"
        );
        if introduced {
            i += 1;
        }
        // Skip determiners and possessives.
        while i <= sentence_last && self.is_word(i) && is_determiner(&self.lower(i)) {
            i += 1;
        }
        if language == Some(Language::German) {
            return self.german_noun(i, sentence_last);
        }
        if i > sentence_last || !self.is_word(i) {
            return None;
        }
        // "€170 to €300 in Germany": a name after "in" says where, not what ("$30bn in
        // revenue", "$500 billion in AI infrastructure" say what).
        if introduced
            && self.lower(from).as_str() == "in"
            && self.text(i).starts_with(|c: char| c.is_uppercase())
            && !self.noun_follows_name(i)
        {
            return None;
        }
        let start = i;
        let mut end = i;
        while end <= sentence_last && self.is_word(end) && end - start < 3 {
            let lower = self.lower(end);
            if lexicon::is_function_word(&lower) || lexicon::hedge_like(&lower) {
                break;
            }
            // A verb form after the noun ends the phrase: "companies signed", "users churned",
            // "budget goes".
            if is_common_verb(&lower)
                || end > start && (lower.ends_with("ed") || lower.ends_with("ing"))
            {
                break;
            }
            end += 1;
            // A plural noun ends the phrase: "engineers across", "fund managers".
            if is_plural(&lower) {
                break;
            }
        }
        if end == start {
            return None;
        }
        let last = end - 1;
        // "on Monday", "this year", "in the same quarter", "in the first half" say when, not
        // what.
        if (start..=last)
            .any(|k| is_time_word(&self.lower(k)) || self.year_part_ending(k, start).is_some())
        {
            return None;
        }
        let text = self.block[self.tokens[start].start as usize..self.tokens[last].end as usize]
            .to_owned();
        // A lone participle ("500 PFLOPS sustained") is a verb, not what the figure counts.
        if end - start == 1 && (text.ends_with("ed") || text.ends_with("ing")) {
            return None;
        }
        // A lone lowercase word right after the figure ("13 % less") is seldom its subject
        // unless a preposition introduced it.
        if !introduced
            && end - start == 1
            && !text.starts_with(|c: char| c.is_uppercase())
            && text.len() < 4
        {
            return None;
        }
        Some(self.subject(start, last, text))
    }

    /// Whether an English name at token `i` qualifies the lowercase noun after it ("AI
    /// infrastructure", "US sales"): a noun phrase, not a place.
    fn noun_follows_name(&self, i: usize) -> bool {
        self.is_word(i + 1) && {
            let next = self.lower(i + 1);
            self.text(i + 1).starts_with(|c: char| c.is_lowercase())
                && !lexicon::is_function_word(&next)
                && !is_determiner(&next)
                && !is_common_verb(&next)
                && !next.ends_with("ed")
        }
    }

    /// A German subject is one capitalised noun (compounds are one word), after at most two
    /// lowercase adjectives: "neue Fabriken", "der Summe westlicher Modelle" → "Summe". Verbs
    /// such as "investieren" or "zukommen" are lowercase and never taken.
    fn german_noun(&self, from: usize, sentence_last: usize) -> Option<Subject> {
        let mut i = from;
        let mut adjectives = 0;
        while i <= sentence_last && self.is_word(i) {
            let text = self.text(i);
            let lower = self.lower(i);
            if lexicon::is_function_word(&lower) || lexicon::hedge_like(&lower) {
                return None;
            }
            if text.starts_with(|c: char| c.is_uppercase()) {
                return (!is_time_word(&lower)).then(|| self.subject(i, i, text.to_owned()));
            }
            adjectives += 1;
            if adjectives > 2 {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The nearest name before the figure in its sentence: a word with two capitals
    /// ("NVIDIA", "DeepSeek", "OpenAI") or a capitalised word that does not start the sentence.
    ///
    /// In German every noun is capitalised, so only names with two capitals count there.
    fn subject_before(
        &self,
        before: usize,
        sentence_first: usize,
        language: Option<Language>,
        claims_before: ClaimsBefore,
    ) -> Option<Subject> {
        // The words among the tokens before the claim, nearest first: a wall of figures has
        // none to look at.
        let from = sentence_first.max(before.saturating_sub(SUBJECT_WORDS_BEFORE));
        let mut next = before
            .checked_sub(1)
            .and_then(|at| self.word_between(from, at));
        std::iter::from_fn(|| {
            let at = next?;
            next = at.checked_sub(1).and_then(|at| self.word_between(from, at));
            Some(at)
        })
        // A name before "while" or "whereas" belongs to the other clause: "Coal fell below 10%,
        // while gas lost 3 percentage points".
        .take_while(|&i| {
            !matches!(
                self.lower(i).as_str(),
                "while" | "whereas" | "während" | "wohingegen"
            )
        })
        .find(|&i| {
            self.is_word(i) && {
                let text = self.text(i);
                let capitals = if text.is_ascii() {
                    text.bytes().filter(u8::is_ascii_uppercase).count()
                } else {
                    text.chars().filter(|c| c.is_uppercase()).count()
                };
                if capitals == 0
                    || claims_before.hold(i)
                    || i > 0
                        && !self.tokens[i].space_before
                        && self.tokens[i - 1].kind == TokenKind::Number
                {
                    // No name, or part of a figure ("1M", "4K-Monitor").
                    return false;
                }
                let lower = self.lower(i);
                // One capital: an English name that is no nationality ("Chinese",
                // "American"); at the sentence start, only a word that is no plural,
                // gerund or sentence adverb ("Nvidia", not "Shares", "Training" or
                // "However").
                let english_name = language == Some(Language::English)
                    && capitals == 1
                    && (i > sentence_first
                        || !is_plural(&lower)
                            && !is_sentence_adverb(&lower)
                            && !lower.ends_with("ing"))
                    && text.starts_with(|c: char| c.is_uppercase())
                    && !["ese", "ian", "ish", "ean", "can"]
                        .iter()
                        .any(|suffix| lower.ends_with(suffix));
                let name = capitals >= 2 && text.chars().count() >= 2 || english_name;
                // "in Germany the same pen costs", "in the US, about $16,000", "in den USA":
                // a name after "in" says where.
                let place = i > sentence_first
                    && (self.lower(i - 1).as_str() == "in"
                        || i >= sentence_first + 2
                            && matches!(self.lower(i - 1).as_str(), "the" | "den" | "der")
                            && self.lower(i - 2).as_str() == "in")
                    && !(language == Some(Language::English) && self.noun_follows_name(i));
                name && !place
                    && lexicon::currency_word(&lower).is_none()
                    && UNITS.lookup(text).is_none()
                    && !is_time_word(&lower)
                    && !lexicon::is_function_word(&lower)
            }
        })
        .map(|i| {
            // An English sentence that opens with a noun phrase: "Gross margin widened",
            // "Cloud revenue grew", "Nvidia shares fell".
            let next = i + 1;
            let phrase = language == Some(Language::English)
                && i == sentence_first
                && next < before
                && self.is_word(next)
                && self.text(next).starts_with(|c: char| c.is_lowercase())
                && {
                    let lower = self.lower(next);
                    !lexicon::is_function_word(&lower)
                        && !is_common_verb(&lower)
                        && !lower.ends_with("ed")
                        && !lower.ends_with("ing")
                };
            let last = if phrase { next } else { i };
            let text = self.block[self.tokens[i].start as usize..self.tokens[last].end as usize]
                .to_owned();
            self.subject(i, last, text)
        })
    }

    /// The noun an amount is of: "revenue of $35.1 billion", "a net profit of $19.3 billion",
    /// "fourth-quarter revenue of about $37.5 billion", "einen Umsatz von 12 Millionen Euro",
    /// "Investitionen in Höhe von 5 Milliarden Euro". Not a word that says how the amount is
    /// taken ("a total of", "an increase of", "ein Plus von"), nor "one of", "stieg von".
    fn subject_of(
        &self,
        first: usize,
        sentence_first: usize,
        language: Option<Language>,
        claims_before: ClaimsBefore,
    ) -> Option<Subject> {
        let of = first.checked_sub(1).filter(|&of| of > sentence_first)?;
        // (Told without lowercasing: most words before a figure are no "of".)
        if !self.is_word(of)
            || !matches!(
                self.text(of).as_bytes(),
                [b'o' | b'O', b'f' | b'F'] | [b'v' | b'V', b'o', b'n']
            )
        {
            return None;
        }
        let preposition = self.lower(of);
        let mut noun = of - 1;
        match preposition.as_str() {
            "of" if language != Some(Language::German) => {}
            "von" if language != Some(Language::English) => {
                // "in Höhe von"
                if noun >= sentence_first + 2
                    && self.lower(noun).as_str() == "höhe"
                    && self.lower(noun - 1).as_str() == "in"
                {
                    noun -= 2;
                }
            }
            _ => return None,
        }
        if !self.is_word(noun) || claims_before.hold(noun) {
            return None;
        }
        let text = self.text(noun);
        let lower = self.lower(noun);
        let german = preposition.as_str() == "von";
        let noun_like = text.chars().count() >= 3
            && (!german || text.starts_with(char::is_uppercase))
            && names_a_thing(&lower)
            && !takes_an_amount(&lower)
            && lexicon::currency_word(&lower).is_none()
            && UNITS.lookup(text).is_none()
            && (german
                || !(lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly"))
                || matches!(
                    lower.as_str(),
                    "funding" | "spending" | "financing" | "pricing"
                ));
        if !noun_like {
            return None;
        }
        // One word that qualifies it: "net profit", "fourth-quarter revenue"; a noun that
        // says too little alone needs one ("the gas cost of 25000", not "a size of 626
        // bytes", "a limit of 24KB": a text has many).
        let generic = is_generic_noun(&lower);
        let start = noun
            .checked_sub(1)
            .filter(|&before| {
                before >= sentence_first && self.is_word(before) && !claims_before.hold(before) && {
                    let written = self.text(before);
                    let before = self.lower(before);
                    let content = generic
                        && !german
                        && written.starts_with(char::is_lowercase)
                        && names_a_thing(&before)
                        && !before.ends_with("ed")
                        && !before.ends_with("ly");
                    content
                        || matches!(
                            before.as_str(),
                            "net"
                                | "gross"
                                | "annual"
                                | "quarterly"
                                | "monthly"
                                | "operating"
                                | "adjusted"
                                | "global"
                                | "cloud"
                        )
                        || before.contains('-')
                            && !lexicon::is_function_word(&before)
                            && before.chars().all(|c| c.is_alphabetic() || c == '-')
                }
            })
            .unwrap_or(noun);
        if generic && start == noun {
            return None;
        }
        let text = self.block[self.tokens[start].start as usize..self.tokens[noun].end as usize]
            .to_owned();
        Some(self.subject(start, noun, text))
    }

    /// The first token of a phrase that says when and ends at token `at`: "im Geschäftsjahr
    /// 2024", "for the third quarter", "in the first half of 2024", "im 2. Quartal", "in
    /// March"; at most eight tokens, opened by "in", "im", "for", "during", "für" or "seit".
    #[inline(always)]
    fn when_phrase_ending(&self, at: usize, sentence_first: usize) -> Option<usize> {
        // Such a phrase ends in a year or a word of time ("quarter", "Jahr", "März"): most
        // tokens before a figure are told without lowercasing.
        let token = self.tokens.get(at)?;
        if !(token.kind == TokenKind::Number && token.end - token.start == 4
            || self.is_period_word(at))
        {
            return None;
        }
        self.when_phrase_from(at, sentence_first)
    }

    /// `when_phrase_ending` for a token that may end such a phrase.
    fn when_phrase_from(&self, at: usize, sentence_first: usize) -> Option<usize> {
        let mut timed = false;
        let mut i = at;
        loop {
            // A year ("im Geschäftsjahr 2024") after a word, or an ordinal ("im 2. Quartal"):
            // a run of figures says no when.
            let year_or_ordinal = |i: usize| {
                if i == at {
                    self.text(i).len() == 4 && i > sentence_first && self.is_word(i - 1)
                } else {
                    self.text(i).len() <= 2 && self.text(i + 1) == "."
                }
            };
            match self.tokens.get(i)?.kind {
                TokenKind::Number if year_or_ordinal(i) => timed = true,
                TokenKind::Punct if i != at && matches!(self.text(i), "." | "/") => {}
                TokenKind::Word => {
                    let lower = self.lower(i);
                    if timed
                        && i < at
                        && matches!(
                            lower.as_str(),
                            "in" | "im" | "for" | "during" | "für" | "seit"
                        )
                    {
                        return Some(i);
                    }
                    if is_time_word(&lower) || self.year_part_ending(i, i).is_some() {
                        timed = true;
                    } else if ordinal_number(&lower).is_none()
                        && !matches!(
                            lower.as_str(),
                            "the"
                                | "this"
                                | "last"
                                | "next"
                                | "of"
                                | "der"
                                | "dem"
                                | "des"
                                | "fiscal"
                                | "fy"
                                | "calendar"
                                | "geschäftsjahr"
                                | "geschäftsjahres"
                                | "berichtsjahr"
                                | "vergangenen"
                                | "letzten"
                                | "laufenden"
                                | "diesem"
                                | "dieses"
                                | "half"
                        )
                    {
                        return None;
                    }
                }
                _ => return None,
            }
            if i == sentence_first || at - i >= 8 {
                return None;
            }
            i -= 1;
        }
    }

    /// What a figure right after a verb of amount or change is about: the noun phrase the
    /// verb says it of. "Revenue rose to $80 million", "The company said its revenue grew by
    /// $5 billion", "Der Umsatz stieg auf 80 Millionen Euro", and, with the verb first,
    /// "2024 stieg der Umsatz auf 80 Millionen Euro". The phrase is one to three words that
    /// are no function words, after the sentence's start, a determiner or a reporting word
    /// ("said", "that", "dass"), with no figure in it, and the head it is the genitive of
    /// ("the cost of training", "der Umsatz des Konzerns"). What says when may stand between
    /// the verb and the figure or the phrase and the verb ("Der Umsatz lag im Geschäftsjahr
    /// 2024 bei …", "Revenue for the third quarter was …").
    fn subject_of_verb(
        &self,
        first: usize,
        last: usize,
        sentence_first: usize,
        sentence_last: usize,
        language: Option<Language>,
    ) -> Option<Subject> {
        let mut at = first.checked_sub(1).filter(|&at| at >= sentence_first)?;
        let after_preposition = self.is_word(at) && is_amount_preposition(&self.lower(at));
        if after_preposition {
            at = at.checked_sub(1).filter(|&at| at >= sentence_first)?;
        }
        // "Der Umsatz lag im Geschäftsjahr 2024 bei …", "Der Umsatz stieg 2024 um …": the
        // verb before what says when.
        let year = self.tokens[at].kind == TokenKind::Number
            && self.tokens[at].end - self.tokens[at].start == 4;
        if let Some(when) = self
            .when_phrase_ending(at, sentence_first)
            .or_else(|| year.then_some(at))
            && when > sentence_first
            && is_amount_verb(&self.lower(when - 1))
        {
            at = when - 1;
        }
        if !self.is_word(at) {
            return None;
        }
        let content = |i: usize| {
            self.is_word(i) && {
                let lower = self.lower(i);
                !lexicon::is_function_word(&lower)
                    && !is_determiner(&lower)
                    && !is_amount_verb(&lower)
                    && !is_reporting_word(&lower)
                    // (An English adverb: "a block actually is".)
                    && (language == Some(Language::German) || !lower.ends_with("ly"))
            }
        };
        let verb = self.lower(at);
        // The verb's first word: itself, or the auxiliary before its infinitive ("will reach",
        // "is expected to reach").
        let verb_first = if is_amount_verb(&verb) {
            Some(at)
        } else if language == Some(Language::English) && is_amount_infinitive(&verb) {
            self.auxiliary_before(at, sentence_first)
        } else {
            None
        };
        let (phrase_first, phrase_last) = if let Some(verb_first) = verb_first {
            // The phrase before the verb, nearest word last, and before what says when:
            // "Revenue for the third quarter was …".
            let mut last = verb_first
                .checked_sub(1)
                .filter(|&last| last >= sentence_first)?;
            if let Some(when) = self.when_phrase_ending(last, sentence_first)
                && when > sentence_first
            {
                last = when - 1;
            }
            let mut phrase_first = last;
            while phrase_first > sentence_first
                && last - phrase_first < 2
                && content(phrase_first - 1)
            {
                phrase_first -= 1;
            }
            if !content(last) || !(phrase_first..=last).all(content) {
                return None;
            }
            // After the sentence's start, a determiner, a reporting word, a word that opens a
            // second clause ("… and costs were $3 million"), or the comma that closes a short
            // opening phrase ("Last year, revenue was …", "In 2023, revenue rose to …").
            let opens = |first: usize| {
                first == sentence_first
                    || {
                        let before = self.lower(first - 1);
                        self.is_word(first - 1)
                            && (is_determiner(&before)
                                || is_reporting_word(&before)
                                || matches!(
                                    before.as_str(),
                                    "and" | "but" | "while" | "whereas" | "und" | "aber"
                                ) && first - 1 > sentence_first
                                    && self.ends_amount(first - 2))
                    }
                    || first >= sentence_first + 2
                        && self.text(first - 1) == ","
                        && (first - 1 - sentence_first <= 4
                            && (sentence_first..first - 1).all(|i| {
                                self.is_word(i) || self.tokens[i].kind == TokenKind::Number
                            })
                            // "In the third quarter of fiscal 2025, revenue was …"
                            || self.when_phrase_ending(first - 2, sentence_first)
                                == Some(sentence_first))
            };
            // A head the phrase is the genitive of: "Der Umsatz des Konzerns", "the revenue of
            // the group", "the cost of training".
            let link = phrase_first
                .checked_sub(1)
                .filter(|&link| link > sentence_first);
            let head = link.and_then(|link| {
                let head = match self.lower(link).as_str() {
                    "des" | "der" | "of" => link - 1,
                    "the" if self.lower(link - 1).as_str() == "of" => link.checked_sub(2)?,
                    _ => return None,
                };
                (head >= sentence_first && content(head) && opens(head)).then_some(head)
            });
            match head {
                // (Its noun may be a unit: "Die Zahl der Nutzer betrug 2.000".)
                Some(head) => {
                    let text = self.block
                        [self.tokens[head].start as usize..self.tokens[last].end as usize]
                        .to_owned();
                    return Some(self.subject(head, last, text));
                }
                None if opens(phrase_first) => (phrase_first, last),
                None => return None,
            }
        } else if language == Some(Language::German) {
            // The verb first: "stieg der Umsatz auf …" (an article, then the noun); or last,
            // after the figure: "dass der Umsatz um 3 Prozent sank", "Der Umsatz soll auf 7
            // Millionen Euro steigen".
            let verb_last = after_preposition
                && last < sentence_last
                && self.is_word(last + 1)
                && is_german_final_verb(&self.lower(last + 1));
            let mut noun = at;
            if verb_last && is_german_auxiliary(&self.lower(noun)) {
                noun = noun.checked_sub(1).filter(|&noun| noun >= sentence_first)?;
            }
            let article = noun
                .checked_sub(1)
                .filter(|&article| article >= sentence_first)?;
            let noun_text = self.text(noun);
            let verb_first =
                || article > sentence_first && is_amount_verb(&self.lower(article - 1));
            if !noun_text.starts_with(|c: char| c.is_uppercase())
                || !content(noun)
                || !lexicon::is_german_article(&self.lower(article))
                || !(verb_last || verb_first())
            {
                return None;
            }
            (noun, noun)
        } else {
            return None;
        };
        let lower = self.lower(phrase_last);
        if lexicon::currency_word(&lower).is_some()
            || UNITS.lookup(self.text(phrase_last)).is_some()
            || is_time_word(&lower)
        {
            return None;
        }
        let text = self.block
            [self.tokens[phrase_first].start as usize..self.tokens[phrase_last].end as usize]
            .to_owned();
        Some(self.subject(phrase_first, phrase_last, text))
    }

    /// Whether token `at` ends an amount or a clause: a figure, a scale, currency, percent or
    /// unit word, or punctuation ("$4 million and costs were …", not "Revenue and profit
    /// rose …", where the two nouns share the verb).
    fn ends_amount(&self, at: usize) -> bool {
        if !self.is_word(at) {
            return true;
        }
        let text = self.text(at);
        let lower = self.lower(at);
        lexicon::scale_word(text, &lower, None).is_some()
            || lexicon::currency_word(&lower).is_some()
            || lexicon::percent_word(&lower).is_some()
            || UNITS.lookup(text).is_some()
    }

    /// The first token of the auxiliary before the English infinitive at `at`: "will" or
    /// "could" ("will reach"), or "is expected to", "are set to", "was likely to".
    fn auxiliary_before(&self, at: usize, sentence_first: usize) -> Option<usize> {
        let word = |i: usize| (i >= sentence_first && self.is_word(i)).then(|| self.lower(i));
        let before = at.checked_sub(1)?;
        let auxiliary = word(before)?;
        if matches!(
            auxiliary.as_str(),
            "will" | "would" | "could" | "may" | "might" | "should" | "can"
        ) {
            return Some(before);
        }
        let be = before.checked_sub(2)?;
        (auxiliary.as_str() == "to"
            && word(before - 1).is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "expected" | "set" | "likely" | "projected" | "forecast" | "poised" | "due"
                )
            })
            && word(be).is_some_and(|word| matches!(word.as_str(), "is" | "are" | "was" | "were")))
        .then_some(be)
    }

    /// "per year", "a year", "pro Jahr", "jährlich", "annually", "/year".
    fn rate_after(
        &self,
        from: usize,
        sentence_last: usize,
        language: Option<Language>,
    ) -> Option<Period> {
        if from > sentence_last {
            return None;
        }
        let first = self.lower(from);
        if let Some(unit) = match first.as_str() {
            "annually" | "yearly" | "jährlich" | "jährliche" | "jährlichen" => Some("year"),
            "monthly" | "monatlich" | "monatliche" | "monatlichen" => Some("month"),
            "daily" | "täglich" | "tägliche" => Some("day"),
            "hourly" | "stündlich" => Some("hour"),
            _ => None,
        } {
            return Some(self.period(from, from, PeriodKind::Rate, None, Some(unit)));
        }
        let second = from + 1;
        if second > sentence_last {
            return None;
        }
        let per = matches!(
            first.as_str(),
            "per" | "a" | "an" | "pro" | "each" | "every" | "im" | "je"
        ) || self.text(from) == "/";
        // "a year ago", "a year earlier" say when, not how often.
        let ago = matches!(
            self.lower(second + 1).as_str(),
            "ago" | "earlier" | "before" | "prior" | "zuvor" | "früher" | "davor"
        );
        if per
            && !ago
            && let Some(unit) = lexicon::time_unit(&self.lower(second))
        {
            return Some(self.period(from, second, PeriodKind::Rate, None, Some(unit)));
        }
        // "per 30 days", "every two weeks", "alle zwei Wochen": so many units at a time.
        let every =
            per && first.as_str() != "a" && first.as_str() != "an" || first.as_str() == "alle";
        if every && second < sentence_last {
            let count = if self.tokens[second].kind == TokenKind::Number {
                crate::number::parse_literal(self.text(second), language)
                    .ok()
                    .map(|literal| literal.value)
            } else {
                lexicon::number_word(&self.lower(second))
                    .filter(|word| !word.article_like)
                    .map(|word| word.value)
            };
            if let Some(count) = count.filter(|&count| count > 0.0)
                && let Some(unit) = lexicon::time_unit(&self.lower(second + 1))
            {
                return Some(self.period(
                    from,
                    second + 1,
                    PeriodKind::Rate,
                    Some(count),
                    Some(unit),
                ));
            }
        }
        None
    }

    /// What the amounts of a sentence starting at token `sentence_first` are said per when
    /// the sentence starts with it, before the figure at token `first`: "Per user, the service
    /// costs $20 a month", "Pro Nutzer kostet der Dienst 20 Euro im Monat". Not a source ("Per
    /// Reuters, …": in English the thing is lowercase, and a comma ends it) and not "je mehr";
    /// only for the figures of the clause it opens.
    fn per_fronted(
        &self,
        sentence_first: usize,
        first: usize,
        language: Option<Language>,
    ) -> Option<Per> {
        // Most sentences start with none of the words: ruled out by the first letter, and
        // without lowercasing.
        if first < sentence_first + 3
            || !self.is_word(sentence_first)
            || !matches!(
                self.text(sentence_first).as_bytes().first(),
                Some(b'p' | b'P' | b'j' | b'J')
            )
            || !matches!(self.lower(sentence_first).as_str(), "per" | "pro" | "je")
        {
            return None;
        }
        let thing = self.text(sentence_first + 1);
        let capital = thing.chars().next().is_some_and(char::is_uppercase);
        let english = language != Some(Language::German);
        if english == capital {
            return None;
        }
        // A German noun is one word, and the verb follows it ("Je Kopf gibt der Staat …").
        let last = if english {
            first - 1
        } else {
            sentence_first + 1
        };
        let per = self.per_after(sentence_first, last, language)?;
        // The words that say it end before the figure, at a comma in English.
        let end = self.tokens[..first]
            .partition_point(|token| (self.base + token.end as usize) <= per.end);
        let ends_at_comma = self.text(end) == ",";
        // And it is said only of the figures of the clause it opens.
        (end < first
            && (ends_at_comma || !english)
            && self.same_clause(sentence_first, end - 1, first, first, true))
        .then_some(per)
    }

    /// What an amount at tokens `..from` is said per, other than a time: "per GPU", "pro
    /// Kopf", "per active user", "per million tokens", "/MWh" (glued), and "a gallon" for a
    /// unit of the table.
    fn per_after(
        &self,
        from: usize,
        sentence_last: usize,
        language: Option<Language>,
    ) -> Option<Per> {
        let mut thing = from + 1;
        if thing > sentence_last
            || !(self.is_word(thing) || self.tokens[thing].kind == TokenKind::Number)
        {
            return None;
        }
        // Most figures are followed by none of the words: ruled out by the first letter, and
        // without lowercasing.
        let word = self.text(from);
        if !matches!(
            word.as_bytes().first(),
            Some(b'/' | b'a' | b'A' | b'p' | b'P' | b'j' | b'J')
        ) || !["/", "a", "an", "per", "pro", "je"]
            .iter()
            .any(|per| word.eq_ignore_ascii_case(per))
        {
            return None;
        }
        let first = self.lower(from);
        let slash = self.text(from) == "/"
            && !self.tokens[from].space_before
            && !self.tokens[thing].space_before;
        let article = matches!(first.as_str(), "a" | "an");
        // (German "per" says how: "per E-Mail", "per Kopfball".)
        let per = match first.as_str() {
            "per" => language != Some(Language::German),
            "pro" | "je" => true,
            _ => false,
        };
        if !(slash || article || per) {
            return None;
        }
        // "per million tokens", "per 1M tokens", "pro 100.000 Einwohner": so many of the
        // thing.
        let mut size = 1.0;
        if !slash
            && !article
            && self.tokens[thing].kind == TokenKind::Number
            && let Ok(literal) = crate::number::parse_literal(self.text(thing), language)
            && literal.value > 0.0
        {
            size = literal.value;
            thing += 1;
            if thing > sentence_last || !self.is_word(thing) {
                return None;
            }
            // A scale glued to the digits ("1M", "100k") or after them ("1 million").
            if let Some(scale) = lexicon::scale_word(self.text(thing), &self.lower(thing), language)
                .filter(|scale| !scale.attached_only || !self.tokens[thing].space_before)
                && thing < sentence_last
                && self.is_word(thing + 1)
            {
                size *= 10f64.powi(scale.exponent);
                thing += 1;
            }
        }
        // Spelled out: "per one thousand views", "per hundred thousand people", "je eine
        // Million Ausgabe-Token", "pro zehn Einwohner"; not "per zero byte" (a byte that is
        // zero).
        if !slash
            && !article
            && size == 1.0
            && thing < sentence_last
            && self.is_word(thing)
            && let Some(word) =
                lexicon::number_word(&self.lower(thing)).filter(|word| word.value >= 1.0)
        {
            let mut value = word.value;
            let mut next = thing + 1;
            if next < sentence_last && matches!(self.lower(next).as_str(), "hundred" | "hundert") {
                value *= 100.0;
                next += 1;
            }
            if next < sentence_last
                && self.is_word(next)
                && let Some(scale) =
                    lexicon::scale_word(self.text(next), &self.lower(next), language)
                        .filter(|scale| !scale.attached_only)
            {
                value *= 10f64.powi(scale.exponent);
                next += 1;
            }
            // "per one user" is per user; an article counts only before a scale.
            if (!word.article_like || next > thing + 1)
                && next <= sentence_last
                && self.is_word(next)
            {
                size = value;
                thing = next;
            }
        }
        if !slash
            && size == 1.0
            && self.is_word(thing)
            && thing < sentence_last
            && self.is_word(thing + 1)
            && let Some(scale) = lexicon::scale_word(self.text(thing), &self.lower(thing), language)
                .filter(|scale| !scale.attached_only)
        {
            size = 10f64.powi(scale.exponent);
            thing += 1;
        }
        let lower = self.lower(thing);
        if is_time_word(&lower)
            || lexicon::is_function_word(&lower)
            || matches!(
                lower.as_str(),
                "cent" | "centum" | "mille" | "se" | "annum" | "min" | "sec" | "s" | "h" | "ms"
            )
        {
            return None;
        }
        // The longest run of words the unit table names: "per square foot", "per kWh".
        let unit_at = |at: usize| {
            (1..=UNITS.max_words.min(3)).rev().find_map(|length| {
                let last = at + length - 1;
                if last > sentence_last || !(at..=last).all(|i| self.is_word(i)) {
                    return None;
                }
                let words: Vec<&str> = (at..=last).map(|i| self.text(i)).collect();
                // A compound names its last part: "Eingabe-Token", "output-token".
                UNITS
                    .lookup(&words.join(" "))
                    .or_else(|| {
                        let (_, tail) = words.last()?.rsplit_once('-')?;
                        (length == 1 && !tail.is_empty())
                            .then(|| UNITS.lookup(tail))
                            .flatten()
                    })
                    .map(|unit| (unit, last))
            })
        };
        let (last, unit) = match unit_at(thing) {
            Some((unit, last)) => (last, Some(unit)),
            // After "a", only a unit or a share: "$20 a share".
            None if article => {
                if !matches!(lower.as_str(), "share" | "head" | "person") {
                    return None;
                }
                (thing, None)
            }
            // After a slash, only a unit: "/MWh", not "/ios".
            None if slash => return None,
            // A noun phrase after "per", "pro", "je": "per household", "pro Kopf", "per
            // active user" (up to three words, lowercase after the first; the last may be a
            // unit).
            None => {
                let is_noun = |i: usize| {
                    let text = self.text(i);
                    text.chars().count() >= 2 && text.chars().all(char::is_alphabetic)
                };
                if !is_noun(thing) {
                    return None;
                }
                let mut last = thing;
                while last < sentence_last
                    && last < thing + 2
                    && self.is_word(last + 1)
                    && self.tokens[last + 1].space_before
                    && is_noun(last + 1)
                    && self
                        .text(last + 1)
                        .starts_with(|c: char| c.is_ascii_lowercase())
                    && !ends_per_phrase(&self.lower(last + 1))
                {
                    last += 1;
                }
                match unit_at(last).filter(|&(_, unit_last)| unit_last == last) {
                    Some((unit, _)) => (last, Some(unit)),
                    None => (last, None),
                }
            }
        };
        let (start, end) = (
            self.tokens[from].start as usize,
            self.tokens[last].end as usize,
        );
        let noun_start = self.tokens[from + 1].start as usize;
        Some(Per {
            text: self.block[start..end].to_owned(),
            start: self.base + start,
            end: self.base + end,
            noun: self.block[noun_start..end].to_owned(),
            unit: unit.as_ref().map(|unit| unit.name),
            size: unit.map_or(size, |unit| size * 10f64.powi(unit.exponent)),
        })
    }

    /// The words right after a figure that date it a year before another: "a year earlier",
    /// "the year before", "the previous year", "ein Jahr zuvor", "im Vorjahr" (first and
    /// last token).
    fn year_earlier_after(&self, from: usize, sentence_last: usize) -> Option<(usize, usize)> {
        // Most figures are followed by none of the first words: ruled out without lowercasing.
        if from > sentence_last
            || !self.is_word(from)
            || !["a", "the", "ein", "im"]
                .iter()
                .any(|word| self.text(from).eq_ignore_ascii_case(word))
        {
            return None;
        }
        let word = |i: usize| {
            if i <= sentence_last {
                self.lower(i)
            } else {
                Lower::Stack(LowerWord::default())
            }
        };
        let (first, second) = (word(from), word(from + 1));
        if matches!((first.as_str(), second.as_str()), ("im", "vorjahr")) {
            return Some((from, from + 1));
        }
        let third = word(from + 2);
        let earlier = matches!(
            (first.as_str(), second.as_str(), third.as_str()),
            ("a" | "the", "year", "earlier" | "before")
                | ("the", "previous" | "prior", "year")
                | ("ein" | "im", "jahr", "zuvor" | "davor" | "früher")
        );
        earlier.then_some((from, from + 2))
    }

    /// The period said from when the text was written nearest the claim at `first..=last`
    /// in its clause, with no other figure between: "revenue was $5 million last year",
    /// "Im vergangenen Jahr lag der Umsatz bei 5 Millionen Euro".
    fn relative_period_near(
        &self,
        first: usize,
        last: usize,
        sentence_first: usize,
        sentence_last: usize,
        claim_ranges: &[(usize, usize)],
        of_is_base: bool,
    ) -> Option<Period> {
        // A block dense with figures is looked at once for a unit of one, when a claim first
        // asks (each of its words lies in the reach of several figures); another, only near
        // each figure.
        let dense = self.words_before.is_some();
        if dense
            && !*self
                .period_words
                .get_or_init(|| (0..self.tokens.len()).any(|at| self.is_period_word(at)))
        {
            return None;
        }
        // Those that end within reach before or after it, and one that opens the sentence
        // (a figure in a wall of figures has no word near it).
        let reach = (
            sentence_first.max(first.saturating_sub(NEAR_TOKENS + 2)),
            sentence_last.min(last + NEAR_TOKENS + 2),
        );
        let opens = sentence_first < first
            && self
                .word_between(sentence_first, (sentence_first + 3).min(first - 1))
                .is_some();
        if !opens && self.word_between(reach.0, reach.1).is_none() {
            return None;
        }
        let before = first
            .checked_sub(1)
            .filter(|&to| to >= sentence_first)
            .map(|to| {
                (
                    sentence_first.max(first.saturating_sub(NEAR_TOKENS + 2)),
                    to,
                )
            });
        let after =
            (last < sentence_last).then(|| (last + 1, sentence_last.min(last + NEAR_TOKENS + 2)));
        let opening = opens.then(|| (sentence_first, (sentence_first + 3).min(first - 1)));
        let fits = |relative: &RelativePeriod| {
            let (at, end) = (relative.first, relative.last);
            if at < sentence_first || end > sentence_last || at <= last && end >= first {
                return false;
            }
            let (start, fronted) = self.with_preposition(at, sentence_first);
            if self.compared_with(start, of_is_base, at > last) {
                return false;
            }
            // One that opens the sentence is said of the clause after it, however long:
            // "This year, revenue is expected to reach $7 million".
            if fronted && end < first {
                return self.fronted_governs(end, first, last, claim_ranges);
            }
            let toward = if at > last { at } else { end };
            // Right after another figure, it is that one's: "just under 25% last year and
            // 17.5% in 2017".
            let of_another = at < first && ends_claim(start, claim_ranges);
            !of_another
                && near(toward, first, last, claim_ranges)
                && self.same_clause(start, end, first, last, false)
                && !self.verb_clause_between(toward, if at > last { last } else { first })
        };
        let mut best: Option<(usize, RelativePeriod)> = None;
        for (from, to) in [before, after, opening].into_iter().flatten() {
            self.relative_periods_in(from, to, sentence_first, |relative| {
                let distance = relative
                    .first
                    .abs_diff(last)
                    .min(relative.last.abs_diff(first));
                // Of two as near, the earlier (found first, but for the window after).
                if best.as_ref().is_none_or(|(nearest, found)| {
                    distance < *nearest || distance == *nearest && relative.first < found.first
                }) && fits(&relative)
                {
                    best = Some((distance, relative));
                }
            });
        }
        let (_, relative) = best?;
        let (start, _) = self.with_preposition(relative.first, sentence_first);
        Some(Period {
            part: relative.part,
            ..self.period(
                start,
                relative.last,
                relative.kind,
                relative.offset,
                Some(relative.unit),
            )
        })
    }

    /// Calls `found` with each period said from when the text was written that ends in
    /// tokens `from..=to`, found from the word that names the unit ("year", "Jahr",
    /// "Vorjahr", "ago"; `RELATIVE_UNITS`, `RELATIVE_WORDS`) without lowercasing: only words are visited
    /// (in a wall of figures, none).
    fn relative_periods_in(
        &self,
        from: usize,
        to: usize,
        sentence_first: usize,
        mut found: impl FnMut(RelativePeriod),
    ) {
        let mut next = self.word_between(from, to.min(self.tokens.len().saturating_sub(1)));
        while let Some(at) = next {
            next = at
                .checked_sub(1)
                .and_then(|before| self.word_between(from, before));
            if !self.is_period_word(at) {
                continue;
            }
            if let Some(relative) = [at, at.wrapping_sub(1), at.wrapping_sub(2)]
                .into_iter()
                .filter(|&first| first <= at)
                .find_map(|first| {
                    self.relative_period_at(first)
                        .filter(|relative| relative.last == at)
                })
                .or_else(|| self.part_period_ending(at, sentence_first))
            {
                found(relative);
            }
        }
    }

    /// Whether token `at` is a word of `RELATIVE_UNITS`, `RELATIVE_WORDS`, told without lowercasing:
    /// most words are passed over on their length and first letter.
    #[inline(always)]
    fn is_period_word(&self, at: usize) -> bool {
        let token = self.tokens[at];
        token.kind == TokenKind::Word
            && (2..=15).contains(&(token.end - token.start))
            && self.is_period_word_of(token)
    }

    fn is_period_word_of(&self, token: Token) -> bool {
        let word = &self.block.as_bytes()[token.start as usize..token.end as usize];
        let is =
            |name: &str| name.len() == word.len() && name.as_bytes().eq_ignore_ascii_case(word);
        // Each list is looked at only for words of its first letters and lengths: most words
        // are passed over on those alone.
        let first = word[0] | 0x20;
        match word.len() {
            // "Q3", "H1"
            2 => matches!(first, b'q' | b'h') && matches!(word[1], b'1'..=b'4'),
            length => {
                (length <= 11
                    && matches!(first, b'y' | b'j' | b'm' | b'q' | b'w' | b'a' | b'v' | b'h')
                    && (is("ago")
                        || RELATIVE_UNITS.iter().any(|&(name, _)| is(name))
                        || RELATIVE_WORDS.iter().any(|&(name, _, _)| is(name))))
                    || matches!(first, b'q' | b'h' | b'j')
                        && PART_WORDS.iter().any(|&name| is(name))
                    || length <= 9
                        && word[0].is_ascii_uppercase()
                        && matches!(first, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
                        && MONTH_NAMES.iter().any(|&(name, _)| is(name))
                    || word.ends_with(b"-quarter")
                    || word.ends_with(b"-half")
            }
        }
    }

    /// The first token of the period phrase at `at` with the preposition (and German article)
    /// before it ("im Vorjahr", "in diesem Jahr", "für das nächste Jahr"), and whether the
    /// phrase opens the sentence.
    fn with_preposition(&self, at: usize, sentence_first: usize) -> (usize, bool) {
        let word_before = |at: usize, words: &[&str]| {
            at > sentence_first
                && self.is_word(at - 1)
                && words.contains(&self.lower(at - 1).as_str())
        };
        const PREPOSITIONS: &[&str] = &["in", "im", "during", "for", "für"];
        let start = if word_before(at, PREPOSITIONS) {
            at - 1
        } else if word_before(at, &["das", "dem"]) && word_before(at - 1, PREPOSITIONS) {
            at - 2
        } else {
            at
        };
        (start, start == sentence_first)
    }

    /// Whether the period phrase starting at token `start` is what a figure is compared with,
    /// not when it holds: "5 % mehr als im Vorjahr", "higher than last year", "compared with
    /// last year", after the figure "up 94% from a year ago" (before it, "up from last year's
    /// 8.9%" is that figure's), and, when `of_is_base` (a multiple or share), "das 18-Fache
    /// des Vorjahres" (but "Ende des Vorjahres"; "up from 48.8% of last year" holds then).
    fn compared_with(&self, start: usize, of_is_base: bool, after_figure: bool) -> bool {
        let Some(before) = start.checked_sub(1).filter(|&before| self.is_word(before)) else {
            return false;
        };
        let word_before = |at: usize| {
            at.checked_sub(1)
                .filter(|&at| self.is_word(at))
                .map(|at| self.lower(at))
        };
        match self.lower(before).as_str() {
            "than" | "als" | "wie" | "gegenüber" | "zum" | "vs" | "versus" => true,
            "from" => after_figure,
            "des" | "of" if of_is_base => !word_before(before).is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "ende" | "anfang" | "mitte" | "end" | "start" | "beginning" | "middle"
                )
            }),
            "with" | "to" => word_before(before).is_some_and(|word| word.as_str() == "compared"),
            _ => false,
        }
    }

    /// A period said from now that starts at token `at`: "last year", "this quarter's", "a
    /// year ago", "letzten Monat", "vergangenen Jahres", "im Vorjahr" (not "the last year",
    /// a span, nor "in den letzten Jahren").
    fn relative_period_at(&self, at: usize) -> Option<RelativePeriod> {
        if !self.is_word(at) {
            return None;
        }
        let first = self.lower(at);
        if let Some(&(_, offset, unit)) = RELATIVE_WORDS
            .iter()
            .find(|&&(name, _, _)| name == first.as_str())
        {
            return Some(RelativePeriod {
                first: at,
                last: at,
                kind: PeriodKind::Relative,
                offset: Some(offset),
                unit,
                part: None,
            });
        }
        let offset = match first.as_str() {
            "last" | "letztes" | "letzten" | "letzte" | "vergangenes" | "vergangenen"
            | "vergangene" | "voriges" | "vorigen" | "vorige" => -1.0,
            "this" | "dieses" | "diesem" | "diesen" | "diese" | "laufenden" | "laufendes" => 0.0,
            "next" | "nächstes" | "nächsten" | "nächste" | "kommendes" | "kommenden"
            | "kommende" => 1.0,
            // "a year ago"
            "a" if self.is_word(at + 2) && self.lower(at + 2).as_str() == "ago" => -1.0,
            _ => return None,
        };
        // "the last year" and "the next five years" are spans.
        if first.as_str() == "last"
            && at > 0
            && self.is_word(at - 1)
            && self.lower(at - 1).as_str() == "the"
        {
            return None;
        }
        if !self.is_word(at + 1) {
            return None;
        }
        let named = self.lower(at + 1);
        let &(_, unit) = RELATIVE_UNITS
            .iter()
            .find(|&&(name, _)| name == named.as_str())?;
        Some(RelativePeriod {
            first: at,
            last: if first.as_str() == "a" {
                at + 2
            } else {
                at + 1
            },
            kind: PeriodKind::Relative,
            offset: Some(offset),
            unit,
            part: None,
        })
    }

    /// A part of a year named by words that end at token `at` (its unit or month), with the
    /// year after it when one follows: "the third quarter (of 2024)", "Q3", "im ersten
    /// Halbjahr", "in der zweiten Jahreshälfte", "in March", "im Mai" (a month only after the
    /// word that says when, and not before a year: "im März 2024" is a date, read with the
    /// years).
    fn part_period_ending(&self, at: usize, sentence_first: usize) -> Option<RelativePeriod> {
        let (first, unit, part) = match month_named(self.text(at)) {
            Some(month) => {
                let after_preposition = at > sentence_first
                    && self.is_word(at - 1)
                    && matches!(
                        self.lower(at - 1).as_str(),
                        "in" | "im" | "during" | "for" | "für"
                    );
                if !after_preposition
                    || self
                        .tokens
                        .get(at + 1)
                        .is_some_and(|token| token.kind == TokenKind::Number)
                {
                    return None;
                }
                (at, "month", month)
            }
            None => self.year_part_ending(at, sentence_first)?,
        };
        // "the first half of the book" is no part of a year.
        if unit == "half"
            && self.is_word(at + 1)
            && self.lower(at + 1).as_str() == "of"
            && !(self
                .tokens
                .get(at + 2)
                .is_some_and(|token| token.kind == TokenKind::Number)
                || matches!(
                    self.lower(at + 2).as_str(),
                    "this" | "last" | "next" | "fiscal" | "fy" | "calendar"
                )
                || self.lower(at + 2).as_str() == "the"
                    && matches!(
                        self.lower(at + 3).as_str(),
                        "year" | "fiscal" | "financial" | "calendar"
                    ))
        {
            return None;
        }
        let year = (unit != "month")
            .then(|| self.year_after_part(at))
            .flatten();
        Some(RelativePeriod {
            first,
            last: year.map_or(at, |(last, _)| last),
            kind: PeriodKind::Calendar,
            offset: year.map(|(_, year)| f64::from(year)),
            unit,
            part: Some(part),
        })
    }

    /// The year after the part of a year that ends at token `at`: "of 2024", "of fiscal
    /// 2024", "2024", "/2024", "des Jahres 2024": its token and value.
    fn year_after_part(&self, at: usize) -> Option<(usize, i32)> {
        let mut next = at + 1;
        if self.is_word(next) && matches!(self.lower(next).as_str(), "of" | "des")
            || self.tokens.get(next).is_some_and(|token| {
                token.kind == TokenKind::Punct && !token.space_before && self.text(next) == "/"
            })
        {
            next += 1;
        }
        for _ in 0..2 {
            if self.is_word(next) && names_the_year(&self.lower(next)) {
                next += 1;
            }
        }
        let token = self.tokens.get(next)?;
        let text = self.text(next);
        (token.kind == TokenKind::Number && text.len() == 4)
            .then(|| text.parse::<i32>().ok())
            .flatten()
            .filter(|year| (1800..=2199).contains(year))
            .map(|year| (next, year))
    }

    /// How a year of the block (or a month of one) states a period: with the part of the
    /// year before it ("the third quarter of 2024", "im ersten Halbjahr 2024", "Q3 2024")
    /// and the word that says when ("by 2025", "im Jahr 2025", "in the third quarter of
    /// 2024"), not a noun the year qualifies ("der Bundeshaushalt 2025"). ("Der Staat nahm
    /// 2023 …": a verb before the year is not said with it.)
    fn calendar(&self, year: &YearAt, sentence_first: usize) -> CalendarPhrase {
        let (first, unit, part) = match year.month {
            Some(month) => (year.first, "month", Some(month)),
            None => match self.year_part_before(year.first, sentence_first) {
                Some((first, unit, part)) => (first, unit, Some(part)),
                None => (year.first, "year", None),
            },
        };
        // Up to two: "im Jahr 2024", "in fiscal 2024", "im Geschäftsjahr 2024".
        let mut start = first;
        for _ in 0..2 {
            if start > sentence_first
                && self.is_word(start - 1)
                && is_year_word(&self.lower(start - 1))
            {
                start -= 1;
            }
        }
        CalendarPhrase {
            start,
            first,
            unit,
            part,
        }
    }

    /// The period of `year` as `calendar` states it.
    fn calendar_period(&self, year: &YearAt, calendar: CalendarPhrase) -> Period {
        Period {
            part: calendar.part,
            ..self.period(
                calendar.start,
                year.last,
                PeriodKind::Calendar,
                Some(f64::from(year.year)),
                Some(calendar.unit),
            )
        }
    }

    /// The part of a year named before the year at token `at`, as `year_part_ending` gives
    /// it: "the third quarter of 2024", "the first half of fiscal 2024", "im dritten Quartal
    /// 2024", "im ersten Halbjahr des Geschäftsjahres 2024", "Q3 2024", "Q3/2024".
    fn year_part_before(
        &self,
        at: usize,
        sentence_first: usize,
    ) -> Option<(usize, &'static str, u8)> {
        let mut end = at;
        // "fiscal 2024", "fiscal year 2024", "des Geschäftsjahres 2024"
        for _ in 0..2 {
            if end > sentence_first && self.is_word(end - 1) && names_the_year(&self.lower(end - 1))
            {
                end -= 1;
            }
        }
        if end > sentence_first
            && (self.is_word(end - 1) && matches!(self.lower(end - 1).as_str(), "of" | "des")
                || self.text(end - 1) == "/")
        {
            end -= 1;
        }
        let last = end.checked_sub(1).filter(|&last| last >= sentence_first)?;
        self.year_part_ending(last, sentence_first)
    }

    /// The half or quarter of a year that the words ending at token `last` name, as its
    /// first token (with the article before it), unit and number: "the third quarter",
    /// "third-quarter", "Q3", "H1", "the first half", "(im) dritten Quartal", "3. Quartal",
    /// "(im) ersten Halbjahr", "(in) der zweiten Jahreshälfte".
    fn year_part_ending(
        &self,
        last: usize,
        sentence_first: usize,
    ) -> Option<(usize, &'static str, u8)> {
        if !self.is_word(last) {
            return None;
        }
        let word = self.lower(last);
        let (first, unit, part) = if let Some((unit, part)) = part_code(word.as_str()) {
            (last, unit, part)
        } else if let Some((ordinal, unit)) = word.as_str().split_once('-') {
            // "third-quarter", "first-half"
            (last, part_unit(unit)?, ordinal_number(ordinal)?)
        } else {
            let unit = part_unit(word.as_str())?;
            if last > sentence_first && self.is_word(last - 1) {
                (last - 1, unit, ordinal_number(&self.lower(last - 1))?)
            } else if last >= sentence_first + 2
                && self.text(last - 1) == "."
                && self.tokens[last - 2].kind == TokenKind::Number
            {
                // "im 3. Quartal"
                (last - 2, unit, self.text(last - 2).parse().ok()?)
            } else {
                return None;
            }
        };
        let parts = if unit == "quarter" { 4 } else { 2 };
        if !(1..=parts).contains(&part) {
            return None;
        }
        let first = if first > sentence_first
            && self.is_word(first - 1)
            && matches!(
                self.lower(first - 1).as_str(),
                "the" | "der" | "dem" | "des"
            ) {
            first - 1
        } else {
            first
        };
        Some((first, unit, part))
    }

    /// Whether a period that opens the sentence and ends at token `end` is said of the claim
    /// at `first..=last`: in the clause the comma after it opens ("In 2023, the conference
    /// drew 1,500 people"), with no other figure or verb of its own between them.
    fn fronted_governs(
        &self,
        end: usize,
        first: usize,
        last: usize,
        claim_ranges: &[(usize, usize)],
    ) -> bool {
        end < first
            && self.same_clause(end, end, first, last, true)
            && !claim_between(end, first, claim_ranges)
            && !self.verb_clause_between(end, first)
    }

    /// Whether the year at token `at` opens its sentence, alone or after the word that says
    /// when (and at most two words before that): "2024", "In 2024", "Im Jahr 2024", "Early in
    /// 2024". A period there is said of the clause after it; "Financial Cryptography 2015"
    /// and "The 2000–2500" open with no period.
    fn opens_sentence(&self, at: usize, sentence_first: usize) -> bool {
        at == sentence_first
            || at > sentence_first
                && at - sentence_first <= 3
                && (sentence_first..at).all(|i| self.is_word(i))
                && is_year_word(&self.lower(at - 1))
    }

    /// Whether no clause boundary (`,`, `;`, `:`, a dash) separates the period at
    /// `period_first..=period_last` from the claim at `first..=last`: "invest up to $500
    /// billion over the next four years, with $100 billion to be deployed immediately" gives
    /// the period to the first figure only. A fronted period ("Over the next five years, the
    /// group will invest …") reaches across the comma that closes it.
    fn same_clause(
        &self,
        period_first: usize,
        period_last: usize,
        first: usize,
        last: usize,
        fronted: bool,
    ) -> bool {
        let (from, to) = if period_last < first {
            (period_last + 1, first)
        } else {
            (last + 1, period_first)
        };
        let mut separators = (from..to).filter(|&i| {
            self.tokens[i].kind == TokenKind::Punct
                && matches!(self.text(i), "," | ";" | ":" | "–" | "—")
        });
        match separators.next() {
            None => true,
            Some(at) => fronted && at == period_last + 1 && separators.next().is_none(),
        }
    }

    /// Whether "and" or "but" before a verb stands between token `a` and token `b`: the
    /// year of "employs 2,300 people and was founded in 2009" dates the founding, not the
    /// staff. (A span is said of both verbs: "ran a survey for 1 week and got 134 responses".)
    fn verb_clause_between(&self, a: usize, b: usize) -> bool {
        let (from, to) = if a < b { (a, b) } else { (b, a) };
        (from + 1..to).any(|i| {
            matches!(self.lower(i).as_str(), "and" | "but" | "und" | "aber")
                && i + 1 < to
                && is_clause_verb(&self.lower(i + 1))
        })
    }

    /// "in den nächsten fünf Jahren", "over four years", "within 5 years".
    fn span_period(
        &self,
        first: usize,
        last: usize,
        value: f64,
        unit: &'static str,
        sentence_first: usize,
    ) -> Option<Period> {
        let mut from = first;
        let mut introduced = false;
        while from > sentence_first && self.is_word(from - 1) && first - from < 4 {
            let lower = self.lower(from - 1);
            let introduces = matches!(
                lower.as_str(),
                "over"
                    | "in"
                    | "within"
                    | "during"
                    | "for"
                    | "next"
                    | "coming"
                    | "the"
                    | "past"
                    | "last"
                    | "nächsten"
                    | "kommenden"
                    | "den"
                    | "die"
                    | "über"
                    | "innerhalb"
                    | "binnen"
                    | "letzten"
                    | "vergangenen"
                    | "von"
                    | "of"
            );
            if !introduces {
                break;
            }
            introduced = true;
            from -= 1;
        }
        // A relative pronoun or article before the preposition is not part of the period:
        // "die in den vergangenen zwei Jahren", "that over the next five years".
        while from < first
            && matches!(
                self.lower(from).as_str(),
                "die" | "der" | "das" | "den" | "the"
            )
            && matches!(
                self.lower(from + 1).as_str(),
                "in" | "over"
                    | "within"
                    | "during"
                    | "for"
                    | "über"
                    | "innerhalb"
                    | "binnen"
                    | "von"
            )
        {
            from += 1;
        }
        introduced.then(|| self.period(from, last, PeriodKind::Span, Some(value), Some(unit)))
    }

    fn period(
        &self,
        first: usize,
        last: usize,
        kind: PeriodKind,
        value: Option<f64>,
        unit: Option<&'static str>,
    ) -> Period {
        Period {
            text: self.block[self.tokens[first].start as usize..self.tokens[last].end as usize]
                .to_owned(),
            start: self.base + self.tokens[first].start as usize,
            end: self.base + self.tokens[last].end as usize,
            kind,
            value,
            unit,
            part: None,
        }
    }
}

/// Whether a word ends the noun phrase after "per" ("per active user"): a function or time
/// word, an adverb, a participle, "plus", "each".
fn ends_per_phrase(lower: &str) -> bool {
    lexicon::is_function_word(lower)
        || is_time_word(lower)
        || matches!(
            lower,
            "per"
                | "last"
                | "this"
                | "next"
                | "each"
                | "every"
                | "than"
                | "plus"
                | "minus"
                | "minimum"
                | "maximum"
                | "instead"
                | "via"
                | "regardless"
                | "alone"
                | "only"
        )
        || lower.ends_with("ly")
        || (lower.ends_with("ed") && lower.len() > 4)
}

/// Words that say when rather than what: weekdays, months, units of time, "quarter".
fn is_time_word(lower: &str) -> bool {
    lexicon::time_unit(lower).is_some()
        || lexicon::month(lower).is_some()
        // "Q3", "Halbjahr", "third-quarter" (not "half": "half precision")
        || part_code(lower).is_some()
        || part_unit(lower).is_some_and(|_| lower != "half")
        || lower
            .split_once('-')
            .is_some_and(|(ordinal, unit)| {
                ordinal_number(ordinal).is_some() && part_unit(unit).is_some()
            })
        || lexicon::is_weekday(lower)
        || matches!(
            lower,
            "today"
                | "yesterday"
                | "tomorrow"
                | "heute"
                | "gestern"
                | "morgen"
                | "quarter"
                | "quarters"
                | "quartal"
                | "quartals"
                | "vorjahr"
                | "vorjahres"
                | "session"
                | "sitzung"
                | "handelstag"
                | "fiscal"
                | "financial"
                | "weekend"
                | "wochenende"
                | "time"
        )
}

/// A verb that opens a clause after "and" or "und": "and was founded", "und wurde".
fn is_clause_verb(lower: &str) -> bool {
    is_common_verb(lower)
        || lexicon::is_german_finite_verb(lower)
        || matches!(
            lower,
            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would" | "said"
        )
}

/// Frequent English verbs in the third person, which look like plural nouns, and in the past
/// tense.
fn is_common_verb(lower: &str) -> bool {
    matches!(
        lower,
        "goes"
            | "comes"
            | "sits"
            | "says"
            | "makes"
            | "takes"
            | "gets"
            | "remains"
            | "stays"
            | "runs"
            | "uses"
            | "needs"
            | "pays"
            | "costs"
            | "grows"
            | "falls"
            | "rises"
            | "seems"
            | "means"
            | "shows"
            | "expects"
            | "plans"
            | "holds"
            | "works"
            | "looks"
            | "helps"
            | "leads"
            | "owns"
            | "wants"
            | "gives"
            | "keeps"
            | "sells"
            | "buys"
            | "spends"
            | "earns"
            | "puts"
            | "sees"
            | "does"
            | "flows"
            | "lies"
            | "stands"
            | "went"
            | "came"
            | "rose"
            | "fell"
            | "grew"
            | "spent"
            | "made"
            | "took"
            | "paid"
            | "left"
            | "became"
            | "remained"
            | "gave"
            | "sold"
            | "bought"
            | "lost"
            | "won"
            | "raised"
            | "put"
            | "saw"
            | "got"
            | "led"
            | "kept"
            | "held"
            | "ran"
            | "said"
            | "told"
            | "reported"
    )
}

/// Verbs that state an amount or its change right before the figure: "rose to", "was",
/// "stieg auf", "betrug".
fn is_amount_verb(lower: &str) -> bool {
    lexicon::is_change_verb(lower)
        || matches!(
            lower,
            "totaled"
                | "totalled"
                | "amounted"
                | "stood"
                | "was"
                | "were"
                | "is"
                | "are"
                | "betrug"
                | "beträgt"
                | "lag"
                | "liegt"
                | "war"
                | "ist"
        )
}

/// German verbs of amount that close a clause after the figure: "um 3 Prozent sank", "auf 7
/// Millionen Euro steigen", "um 5 % gestiegen".
fn is_german_final_verb(lower: &str) -> bool {
    lexicon::is_change_verb(lower)
        || matches!(
            lower,
            "steigen"
                | "sinken"
                | "fallen"
                | "wachsen"
                | "klettern"
                | "stiegen"
                | "sanken"
                | "fielen"
                | "wuchsen"
                | "gestiegen"
                | "gesunken"
                | "gefallen"
                | "gewachsen"
                | "geklettert"
                | "zulegen"
                | "zulegte"
                | "zugelegt"
                | "erhöht"
                | "gesenkt"
                | "belaufen"
                | "beläuft"
                | "belief"
                | "liegen"
                | "lag"
                | "liegt"
                | "lagen"
        )
}

/// German auxiliaries between a subject and the figure of a verb that closes the clause: "Der
/// Umsatz soll auf …", "die Kosten sind um … gestiegen".
fn is_german_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "soll"
            | "sollen"
            | "wird"
            | "werden"
            | "dürfte"
            | "dürften"
            | "könnte"
            | "könnten"
            | "ist"
            | "sind"
            | "war"
            | "waren"
            | "hat"
            | "haben"
            | "will"
            | "wollen"
            | "muss"
    )
}

/// English verbs of amount in the infinitive, after an auxiliary: "will reach", "is expected
/// to rise to".
fn is_amount_infinitive(lower: &str) -> bool {
    matches!(
        lower,
        "reach"
            | "rise"
            | "fall"
            | "grow"
            | "total"
            | "be"
            | "hit"
            | "exceed"
            | "top"
            | "climb"
            | "increase"
            | "decrease"
            | "decline"
            | "drop"
            | "double"
            | "amount"
    )
}

/// What stands between a verb of amount and its figure: "rose to", "fell by", "stood at",
/// "stieg auf", "sank um", "lag bei".
fn is_amount_preposition(lower: &str) -> bool {
    matches!(lower, "to" | "by" | "at" | "auf" | "um" | "bei")
}

/// Whether a word may name what an amount is of, or qualify it: no function word, determiner,
/// hedge, word of time, verb of amount or common verb (`Context::subject_of`).
fn names_a_thing(lower: &str) -> bool {
    !lexicon::is_function_word(lower)
        && !is_determiner(lower)
        && !lexicon::hedge_like(lower)
        && !is_time_word(lower)
        && !is_amount_verb(lower)
        && !is_common_verb(lower)
}

/// Nouns that name a measure of anything, too little to tell one quantity from another
/// alone: "a size of 626 bytes", "a limit of 24KB", "a cost of 3".
fn is_generic_noun(lower: &str) -> bool {
    matches!(
        lower,
        "size"
            | "sizes"
            | "limit"
            | "limits"
            | "length"
            | "cost"
            | "costs"
            | "price"
            | "rate"
            | "fee"
            | "capacity"
            | "depth"
            | "width"
            | "height"
            | "weight"
            | "volume"
            | "level"
            | "threshold"
            | "cap"
            | "key"
            | "target"
            | "constant"
            | "base"
            | "exponent"
            | "quantity"
            | "unit"
            | "error"
            | "chance"
            | "probability"
            | "score"
            | "speed"
            | "distance"
            | "margin"
            | "ratio"
            | "budget"
    )
}

/// Nouns that say how an amount is taken or how it changed, not what it is of: "a total of",
/// "an increase of", "ein Plus von", "one of", "the first of".
fn takes_an_amount(lower: &str) -> bool {
    matches!(
        lower,
        "total"
            | "sum"
            | "maximum"
            | "minimum"
            | "average"
            | "median"
            | "mean"
            | "increase"
            | "decrease"
            | "rise"
            | "fall"
            | "drop"
            | "decline"
            | "growth"
            | "gain"
            | "jump"
            | "surge"
            | "cut"
            | "reduction"
            | "range"
            | "value"
            | "amount"
            | "figure"
            | "number"
            | "tally"
            | "count"
            | "estimate"
            | "peak"
            | "high"
            | "low"
            | "record"
            | "one"
            | "out"
            | "because"
            | "instead"
            | "ahead"
            | "kind"
            | "type"
            | "lot"
            | "lots"
            | "couple"
            | "series"
            | "set"
            | "group"
            | "list"
            | "batch"
            | "first"
            | "second"
            | "third"
            | "last"
            | "version"
            | "another"
            | "other"
            | "each"
            | "every"
            | "both"
            | "all"
            | "any"
            | "some"
            | "most"
            | "none"
            | "many"
            | "several"
            | "few"
            | "half"
            | "part"
            | "parts"
            | "portion"
            | "majority"
            | "minority"
            | "rest"
            | "remainder"
            | "percentage"
            | "proportion"
            | "power"
            | "multiple"
            | "factor"
            | "factors"
            | "order"
            | "excess"
            | "fraction"
            | "result"
            | "plus"
            | "minus"
            | "anstieg"
            | "rückgang"
            | "zuwachs"
            | "wachstum"
            | "steigerung"
            | "erhöhung"
            | "senkung"
            | "summe"
            | "gesamtsumme"
            | "betrag"
            | "wert"
            | "höhe"
            | "spanne"
            | "bereich"
            | "größenordnung"
            | "durchschnitt"
            | "maximal"
            | "weg"
            | "abstand"
    )
}

/// Words after which a clause states what was said: "said revenue rose", "dass der Umsatz".
fn is_reporting_word(lower: &str) -> bool {
    matches!(
        lower,
        "said" | "says" | "reported" | "reports" | "that" | "dass" | "sagte" | "meldete"
    )
}

/// Words that open English sentences without naming anything: "However", "Meanwhile".
fn is_sentence_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "however"
            | "thus"
            | "hence"
            | "therefore"
            | "instead"
            | "finally"
            | "then"
            | "meanwhile"
            | "overall"
            | "still"
            | "yet"
            | "also"
            | "now"
            | "today"
            | "yesterday"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "separately"
            | "together"
            | "even"
            | "again"
            | "so"
            | "here"
            | "there"
            | "recently"
            | "currently"
            | "previously"
            | "altogether"
            | "analysts"
            | "investors"
            | "shares"
            | "revenue"
            | "sales"
            | "profit"
            | "only"
            | "about"
            | "around"
            | "some"
            | "nearly"
            | "roughly"
            | "almost"
            | "according"
    )
}

/// An English plural: "engineers", "companies", but not "gas", "this", "class", "bonus", nor
/// a possessive ("the EU's electricity").
fn is_plural(lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("'s")
        && !lower.ends_with("’s")
}

fn is_determiner(lower: &str) -> bool {
    lexicon::is_german_article(lower)
        || matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
                | "all"
                | "seinen"
                | "seine"
                | "seiner"
                | "seinem"
                | "ihre"
                | "ihren"
                | "ihrer"
                | "ihrem"
                | "unsere"
                | "diese"
                | "dieser"
                | "diesen"
                | "jeweils"
        )
}
