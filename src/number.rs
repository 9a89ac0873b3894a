//! Reading numeric literals written with locale separators: `2,000` and `2.000`, `22,4` and
//! `22.4`, `50 000`, `1.234,56`.
//!
//! A literal is digits joined by separators, as the tokenizer found it. Whether a separator
//! groups thousands or marks decimals depends on the language: `1.234` is 1234 in German and
//! 1.234 in English, and is ambiguous only where the language is unknown. The value is built as
//! a decimal string and parsed once, so it is the nearest double to what was written.

use crate::language::Language;

/// A separator character inside a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Separator {
    Dot,
    Comma,
    /// A space, thin space, narrow no-break space or no-break space between digit groups.
    Space,
    Apostrophe,
}

impl Separator {
    pub fn from_char(ch: char) -> Option<Separator> {
        Some(match ch {
            '.' => Separator::Dot,
            ',' => Separator::Comma,
            ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => Separator::Space,
            '\'' | '’' => Separator::Apostrophe,
            _ => return None,
        })
    }

    pub fn as_char(self) -> char {
        match self {
            Separator::Dot => '.',
            Separator::Comma => ',',
            Separator::Space => '\u{202F}',
            Separator::Apostrophe => '\'',
        }
    }
}

/// A literal read as a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    pub value: f64,
    /// The thousands separator used, if any.
    pub grouping: Option<Separator>,
    /// The decimal mark used, if any.
    pub decimal: Option<Separator>,
    /// The separators were read in the other language's convention (`22.4` in German text).
    pub foreign_style: bool,
    /// The language is unknown and a single `.` or `,` before three digits could be either.
    pub ambiguous: bool,
}

/// Why a literal is not a plain number.
#[derive(Clone, Debug, PartialEq)]
pub enum NotANumber {
    /// Separators that fit no convention (`1,000.000,5`); `suggestion` is the likely number.
    Malformed {
        reason: &'static str,
        suggestion: Option<String>,
    },
    /// Dotted digits that form a day.month.year date (`5.5.2025`).
    Date { year: i32, month: u32, day: u32 },
    /// Dotted digits that are not a number in either language (`1.2.3`): a version or an
    /// identifier.
    Version,
}

/// Reads a literal such as `2.000`, `1,234.56` or `50 000` in `language`.
pub fn parse_literal(literal: &str, language: Option<Language>) -> Result<Literal, NotANumber> {
    // Most literals are a few digits alone: their value without a look for separators.
    if let Some(value) = small_integer(literal.bytes()) {
        return Ok(Literal {
            value,
            grouping: None,
            decimal: None,
            foreign_style: false,
            ambiguous: false,
        });
    }
    match evenly_grouped(literal, language) {
        Some(read) => Ok(read),
        None => parse_any_literal(literal, language),
    }
}

/// A literal grouped in thousands by one kind of separator (`1.234.567`, `50 000`, `1,234`
/// with a space or apostrophe), read in one pass without splitting it into groups; `None`
/// for every other literal. A pathological literal can hold a million groups.
fn evenly_grouped(literal: &str, language: Option<Language>) -> Option<Literal> {
    let mut separator = None;
    let mut separators = 0usize;
    let mut group = 0usize;
    let mut first_group = 0usize;
    for ch in literal.chars() {
        if ch.is_ascii_digit() {
            group += 1;
            continue;
        }
        let this = Separator::from_char(ch)?;
        let fits = match separator {
            None => {
                first_group = group;
                (1..=3).contains(&group)
            }
            Some(first) => first == this && group == 3,
        };
        if !fits {
            return None;
        }
        separator = Some(this);
        separators += 1;
        group = 0;
    }
    let separator = separator?;
    let foreign_style = match separator {
        Separator::Space | Separator::Apostrophe => false,
        // One dot or comma may be a decimal mark: the general reading decides.
        Separator::Dot | Separator::Comma if separators == 1 => return None,
        Separator::Dot | Separator::Comma => !matches!(
            (separator, language),
            (Separator::Dot, Some(Language::German))
                | (Separator::Comma, Some(Language::English))
                | (_, None)
        ),
    };
    if group != 3 || first_group == 0 {
        return None;
    }
    let value = match small_integer(literal.bytes().filter(u8::is_ascii_digit)) {
        Some(value) => value,
        None => decimal_value(
            &literal
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>(),
            "",
        ),
    };
    Some(Literal {
        value,
        grouping: Some(separator),
        decimal: None,
        foreign_style,
        ambiguous: false,
    })
}

/// Reads any literal, split into its groups.
fn parse_any_literal(literal: &str, language: Option<Language>) -> Result<Literal, NotANumber> {
    // Most literals have a few groups: they are split on the stack.
    let mut groups: smallvec::SmallVec<[&str; 8]> = smallvec::SmallVec::new();
    let mut separators: smallvec::SmallVec<[Separator; 8]> = smallvec::SmallVec::new();
    let mut start = 0;
    for (i, ch) in literal.char_indices() {
        if ch.is_ascii_digit() {
            continue;
        }
        let separator = Separator::from_char(ch).ok_or(NotANumber::Version)?;
        groups.push(&literal[start..i]);
        separators.push(separator);
        start = i + ch.len_utf8();
    }
    groups.push(&literal[start..]);
    read_groups(literal, &groups, &separators, language)
}

/// Reads a literal split into its groups of digits and the separators between them.
fn read_groups(
    literal: &str,
    groups: &[&str],
    separators: &[Separator],
    language: Option<Language>,
) -> Result<Literal, NotANumber> {
    if groups.iter().any(|group| group.is_empty()) {
        return Err(NotANumber::Version);
    }
    if separators.is_empty() {
        return Ok(plain(literal, None, None, false, false));
    }

    let first = separators[0];
    let all_same = separators.iter().all(|&separator| separator == first);
    let later_groups_are_thousands = groups[1..].iter().all(|group| group.len() == 3);
    let first_group_fits = groups[0].len() <= 3;

    if all_same {
        return match first {
            Separator::Space | Separator::Apostrophe => {
                if first_group_fits && later_groups_are_thousands {
                    Ok(grouped(groups, first, language, false, false))
                } else {
                    Err(NotANumber::Version)
                }
            }
            Separator::Dot | Separator::Comma if separators.len() == 1 => {
                Ok(one_separator(groups, first, language))
            }
            Separator::Dot | Separator::Comma => {
                if first_group_fits && later_groups_are_thousands {
                    let native = matches!(
                        (first, language),
                        (Separator::Dot, Some(Language::German))
                            | (Separator::Comma, Some(Language::English))
                            | (_, None)
                    );
                    Ok(grouped(groups, first, language, !native, false))
                } else if first == Separator::Dot {
                    dotted_date(groups).unwrap_or(Err(NotANumber::Version))
                } else {
                    Err(NotANumber::Version)
                }
            }
        };
    }

    // Mixed separators: all but the last group thousands, the last separator the decimal mark.
    // Not all the same: at least two separators.
    let Some((decimal, grouping_separators)) = separators.split_last() else {
        return Err(NotANumber::Version);
    };
    let Some(&grouping) = grouping_separators.first() else {
        return Err(NotANumber::Version);
    };
    let consistent = grouping_separators
        .iter()
        .all(|&separator| separator == grouping)
        && grouping != *decimal
        && *decimal != Separator::Space
        && *decimal != Separator::Apostrophe;
    let thousands_ok = first_group_fits
        && groups[1..groups.len() - 1]
            .iter()
            .all(|group| group.len() == 3);
    if !consistent || !thousands_ok {
        return Err(NotANumber::Malformed {
            reason: "its separators fit neither the English (1,234.5) nor the German (1.234,5) convention",
            suggestion: suggestion_for_mixed(groups, separators, language),
        });
    }
    let native = match language {
        Some(Language::English) => *decimal == Separator::Dot,
        Some(Language::German) => *decimal == Separator::Comma,
        None => true,
    };
    let fraction = groups[groups.len() - 1];
    Ok(Literal {
        value: value_of_groups(&groups[..groups.len() - 1], fraction),
        grouping: Some(grouping),
        decimal: Some(*decimal),
        foreign_style: !native,
        ambiguous: false,
    })
}

fn plain(
    digits: &str,
    grouping: Option<Separator>,
    decimal: Option<Separator>,
    foreign_style: bool,
    ambiguous: bool,
) -> Literal {
    Literal {
        value: decimal_value(digits, ""),
        grouping,
        decimal,
        foreign_style,
        ambiguous,
    }
}

fn grouped(
    groups: &[&str],
    separator: Separator,
    _language: Option<Language>,
    foreign_style: bool,
    ambiguous: bool,
) -> Literal {
    Literal {
        value: value_of_groups(groups, ""),
        grouping: Some(separator),
        decimal: None,
        foreign_style,
        ambiguous,
    }
}

/// `2.000`, `22,4`, `1.234`: one dot or comma.
fn one_separator(groups: &[&str], separator: Separator, language: Option<Language>) -> Literal {
    let (integer, fraction) = (groups[0], groups[1]);
    let could_group = fraction.len() == 3 && integer.len() <= 3 && integer != "0";
    let as_decimal = |foreign_style, ambiguous| Literal {
        value: decimal_value(integer, fraction),
        grouping: None,
        decimal: Some(separator),
        foreign_style,
        ambiguous,
    };
    let as_grouping = |foreign_style| grouped(groups, separator, language, foreign_style, false);
    match (separator, language) {
        (Separator::Dot, Some(Language::German)) if could_group => as_grouping(false),
        (Separator::Comma, Some(Language::English)) if could_group => as_grouping(false),
        (Separator::Dot, Some(Language::English)) => as_decimal(false, false),
        (Separator::Comma, Some(Language::German)) => as_decimal(false, false),
        // A decimal in the other language's convention: `22.4` in German, `22,4` in English.
        (Separator::Dot, Some(Language::German)) | (Separator::Comma, Some(Language::English)) => {
            as_decimal(true, false)
        }
        // Language unknown: `1.234` and `1,234` could be either; read the dot as a decimal
        // mark and the comma as grouping, as most text on the web does, and say so.
        (Separator::Dot, None) => as_decimal(false, could_group),
        (Separator::Comma, None) if could_group => {
            let mut literal = as_grouping(false);
            literal.ambiguous = true;
            literal
        }
        (Separator::Comma, None) => as_decimal(false, false),
        (Separator::Space | Separator::Apostrophe, _) => as_grouping(false),
    }
}

fn dotted_date(groups: &[&str]) -> Option<Result<Literal, NotANumber>> {
    if groups.len() != 3 || groups[0].len() > 2 || groups[1].len() > 2 || groups[2].len() != 4 {
        return None;
    }
    let day: u32 = groups[0].parse().ok()?;
    let month: u32 = groups[1].parse().ok()?;
    let year: i32 = groups[2].parse().ok()?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    Some(Err(NotANumber::Date { year, month, day }))
}

fn suggestion_for_mixed(
    groups: &[&str],
    separators: &[Separator],
    language: Option<Language>,
) -> Option<String> {
    // Take the last dot or comma as the decimal mark and drop every other separator, then
    // write the number in the document's convention.
    let last_mark = separators
        .iter()
        .rposition(|&separator| matches!(separator, Separator::Dot | Separator::Comma))?;
    let integer: String = groups[..=last_mark].concat();
    let fraction = groups[last_mark + 1..].concat();
    Some(format_number(
        &integer,
        &fraction,
        language.unwrap_or(Language::English),
    ))
}

/// `value` with at most `decimals` decimals, trailing zeros dropped, grouped and with the
/// decimal mark of `language`: `2,500`, `5.6`, `1.234,5`.
pub fn format_trimmed(value: f64, decimals: usize, language: Language) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (integer, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, mark) = match language {
        Language::English => (',', '.'),
        Language::German => ('.', ','),
    };
    let mut out = String::from(sign);
    push_grouped(&mut out, integer, group);
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// Writes digits in a language's convention: `1,234.5` or `1.234,5`.
pub fn format_number(integer: &str, fraction: &str, language: Language) -> String {
    let (group, mark) = match language {
        Language::English => (',', '.'),
        Language::German => ('.', ','),
    };
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let mut out = String::with_capacity(integer.len() + fraction.len() + 4);
    // German style guides group only from five digits on (`2000`, `20.000`); English from four.
    let group_from = match language {
        Language::English => 4,
        Language::German => 5,
    };
    if integer.len() >= group_from {
        push_grouped(&mut out, integer, group);
    } else {
        out.push_str(integer);
    }
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// Appends `digits` to `out` with `separator` between groups of three from the right:
/// `2048` → `2,048`.
pub fn push_grouped(out: &mut String, digits: &str, separator: char) {
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
}

/// `value × 10^exponent`, as near to the decimal product as a double gets: `1.1` (the double
/// nearest 1.1) times 10^18 is 1.1e18 exactly, where `1.1 * 1e18` is 128 above it. A value
/// with a short decimal form `m / 10^d` (m below 2^53) is scaled as `m × 10^(exponent − d)`:
/// both factors are exact doubles, so the product is rounded once.
pub fn times_power_of_ten(value: f64, exponent: i32) -> f64 {
    const EXACT_POWERS: i32 = 22;
    if exponent > 0 && value.is_finite() {
        for digits in 0..=exponent.min(15) {
            let power = 10f64.powi(digits);
            let mantissa = (value * power).round();
            if mantissa.abs() < 9_007_199_254_740_992.0 && mantissa / power == value {
                if exponent - digits <= EXACT_POWERS {
                    return mantissa * 10f64.powi(exponent - digits);
                }
                break;
            }
        }
    }
    value * 10f64.powi(exponent)
}

/// The nearest double to `integer.fraction`, both strings of ASCII digits.
pub fn decimal_value(integer: &str, fraction: &str) -> f64 {
    value_of_groups(&[integer], fraction)
}

/// The value of the integer part written in `groups` (their digits in order) and the
/// fraction `fraction` (digits, perhaps none). Up to 15 digits in all it is computed
/// without text: the digits make an integer below 2^53, exact as a double, and a division
/// by an exact power of ten rounds once, as parsing the decimal rounds it.
fn value_of_groups(groups: &[&str], fraction: &str) -> f64 {
    let digits = groups.iter().map(|group| group.len()).sum::<usize>() + fraction.len();
    if digits <= 15 && groups.first().is_some_and(|first| !first.is_empty()) {
        let bytes = groups.iter().flat_map(|group| group.bytes());
        if let Some(whole) = small_integer(bytes.chain(fraction.bytes())) {
            return whole / EXACT_POWERS_OF_TEN[fraction.len()];
        }
    }
    let integer = groups.concat();
    let text = if fraction.is_empty() {
        integer
    } else {
        format!("{integer}.{fraction}")
    };
    text.parse().unwrap_or(f64::NAN)
}

/// The powers of ten a double holds exactly (up to 10^22; 15 are needed).
const EXACT_POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The integer that `digits` (ASCII digits only, at most 15, at least one) write, as a
/// double; `None` for anything else.
fn small_integer(digits: impl Iterator<Item = u8>) -> Option<f64> {
    let mut value: u64 = 0;
    let mut count = 0;
    for byte in digits {
        if !byte.is_ascii_digit() || count == 15 {
            return None;
        }
        value = value * 10 + u64::from(byte - b'0');
        count += 1;
    }
    (count > 0).then_some(value as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A literal of digits alone reads as the general reading reads it.
    #[test]
    fn digits_alone_read_as_the_general_reading_reads_them() {
        let mut literals: Vec<String> = (0..100_000).map(|value: u32| value.to_string()).collect();
        literals.extend(
            [
                "0",
                "00",
                "007",
                "0000",
                "999999999999999",
                "1000000000000000",
            ]
            .map(String::from),
        );
        literals.extend((1..=17).map(|length| "9".repeat(length)));
        literals.extend((1..=17).map(|length| format!("0{}", "1".repeat(length))));
        for literal in &literals {
            for language in [None, Some(Language::English), Some(Language::German)] {
                let fast = parse_literal(literal, language);
                let general = evenly_grouped(literal, language)
                    .map_or_else(|| parse_any_literal(literal, language), Ok);
                assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{literal}");
            }
        }
    }

    /// Values computed from digits equal the values parsed from the decimal's text, whatever
    /// the number of digits on either side of the mark (leading and trailing zeros too).
    #[test]
    fn values_from_digits_equal_parsed_values() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut digits = |count: usize| -> String {
            (0..count)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    char::from(b'0' + (state % 10) as u8)
                })
                .collect()
        };
        for integer_digits in 1..=17 {
            for fraction_digits in 0..=17 {
                for _ in 0..40 {
                    let (integer, fraction) = (digits(integer_digits), digits(fraction_digits));
                    let text = if fraction.is_empty() {
                        integer.clone()
                    } else {
                        format!("{integer}.{fraction}")
                    };
                    let parsed: f64 = text.parse().unwrap();
                    assert_eq!(decimal_value(&integer, &fraction), parsed, "{text}");
                    let (head, tail) = integer.split_at(integer.len() / 2);
                    assert_eq!(value_of_groups(&[head, tail], &fraction), parsed, "{text}");
                }
            }
        }
        assert_eq!(decimal_value("0", "5"), 0.5);
        assert!(decimal_value("", "").is_nan());
    }

    /// Scaling gives the double nearest the decimal product, as parsing the product does.
    #[test]
    fn scaling_by_powers_of_ten_is_rounded_once() {
        for (literal, exponent) in [
            ("1.1", 18),
            ("35.1", 9),
            ("0.35", 12),
            ("263.3", 6),
            ("2.788", 6),
            ("15.6", 12),
            ("1.2", 18),
            ("5", 9),
            ("123456.789", 15),
        ] {
            let value: f64 = literal.parse().unwrap();
            let expected: f64 = format!("{literal}e{exponent}").parse().unwrap();
            assert_eq!(
                times_power_of_ten(value, exponent),
                expected,
                "{literal}e{exponent}"
            );
        }
        assert_eq!(times_power_of_ten(1.5, 0), 1.5);
        assert_eq!(times_power_of_ten(2.5, -1), 0.25);
        assert!(times_power_of_ten(f64::NAN, 3).is_nan());
    }

    /// The one-pass reading of evenly grouped literals gives what the general one gives.
    #[test]
    fn evenly_grouped_literals_read_as_the_general_reading_does() {
        let literals = [
            "1.234",
            "1.234.567",
            "12.345.678.901",
            "1,234,567",
            "1 234 567",
            "1\u{202F}234",
            "1'234'567",
            "1’234",
            "1.234,5",
            "1,234.5",
            "12.34",
            "1.2.3",
            "1.23.456",
            "1234.567.890",
            "0.000.001",
            "1.234.56",
            "123 45",
            "1 234.567",
            "5.5.2025",
            "999,999,999,999",
            "1.000.000.000.000.000",
        ];
        for literal in literals {
            for language in [None, Some(Language::English), Some(Language::German)] {
                assert_eq!(
                    parse_literal(literal, language),
                    parse_any_literal(literal, language),
                    "{literal} {language:?}"
                );
            }
        }
        let long = format!("1{}", ".000".repeat(100_000));
        let read = parse_literal(&long, Some(Language::German)).unwrap();
        assert_eq!(read.grouping, Some(Separator::Dot));
        assert!(read.value.is_infinite() || read.value > 1e300);
    }
    use Language::{English, German};

    fn value(literal: &str, language: Option<Language>) -> f64 {
        parse_literal(literal, language).unwrap().value
    }

    #[test]
    fn separators_follow_the_language() {
        assert_eq!(value("2,000", Some(English)), 2000.0);
        assert_eq!(value("2.000", Some(German)), 2000.0);
        assert_eq!(value("22,4", Some(German)), 22.4);
        assert_eq!(value("22.4", Some(English)), 22.4);
        assert_eq!(value("1.234", Some(English)), 1.234);
        assert_eq!(value("1.234", Some(German)), 1234.0);
        assert_eq!(value("50\u{202F}000", Some(German)), 50000.0);
        assert_eq!(value("1.234.567,89", Some(German)), 1234567.89);
        assert_eq!(value("1,234,567.89", Some(English)), 1234567.89);
    }

    #[test]
    fn ambiguity_only_without_language() {
        assert!(parse_literal("1.234", None).unwrap().ambiguous);
        assert!(!parse_literal("1.234", Some(German)).unwrap().ambiguous);
        assert!(parse_literal("22.4", Some(German)).unwrap().foreign_style);
    }

    #[test]
    fn malformed_dates_and_versions() {
        assert!(matches!(
            parse_literal("1,000.000,5", Some(English)),
            Err(NotANumber::Malformed { .. })
        ));
        assert_eq!(
            parse_literal("5.5.2025", Some(German)),
            Err(NotANumber::Date {
                year: 2025,
                month: 5,
                day: 5
            })
        );
        assert_eq!(
            parse_literal("1.2.3", Some(English)),
            Err(NotANumber::Version)
        );
    }

    #[test]
    fn formatting_follows_style_guides() {
        assert_eq!(format_number("2000", "", German), "2000");
        assert_eq!(format_number("50000", "", German), "50.000");
        assert_eq!(format_number("2000", "", English), "2,000");
        assert_eq!(format_number("22", "4", German), "22,4");
    }
}
