//! The public JSON shape of claims and findings, shared by the CLI and the tests.
//!
//! This is a public interface (documented in the README): add fields, never rename or remove
//! one. Lines and columns are 1-based; columns count Unicode characters.

use serde_json::{Map, Value, json};

use crate::claims::{Claim, ClaimValue};
use crate::diagnostics::Finding;
use crate::text::{ColumnUnit, LineIndex};

/// 1-based line and column (in characters) of a byte offset.
pub struct Position {
    pub line: u32,
    pub column: u32,
}

pub fn position(index: &LineIndex, text: &str, offset: usize) -> Position {
    let at = index.line_col(text, offset, ColumnUnit::Char);
    Position {
        line: at.line + 1,
        column: at.col + 1,
    }
}

/// A number as JSON: integral values as integers, others as floats.
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

pub fn claim_value(claim: &Claim, name: &str, text: &str, index: &LineIndex) -> Value {
    let at = position(index, text, claim.span.start);
    let mut object = Map::new();
    object.insert("file".into(), json!(name));
    object.insert("start".into(), json!(claim.span.start));
    object.insert("end".into(), json!(claim.span.end));
    object.insert("line".into(), json!(at.line));
    object.insert("column".into(), json!(at.column));
    object.insert(
        "text".into(),
        json!(&text[claim.span.start..claim.span.end]),
    );
    object.insert("kind".into(), json!(claim.kind.as_str()));
    object.insert(
        "value".into(),
        match claim.value {
            ClaimValue::Number(value) => number(value),
            ClaimValue::Date(date) => json!(date.iso()),
        },
    );
    object.insert("high".into(), claim.high.map_or(Value::Null, number));
    object.insert("bound".into(), json!(claim.bound.as_str()));
    object.insert("only".into(), json!(claim.only));
    object.insert("unit".into(), json!(claim.unit));
    object.insert("unit_carried".into(), json!(claim.unit_carried));
    object.insert("scale".into(), json!(claim.scale));
    object.insert("subject".into(), json!(claim.subject));
    object.insert(
        "period".into(),
        match &claim.period {
            None => Value::Null,
            Some(period) => json!({
                "text": period.text,
                "start": period.start,
                "end": period.end,
                "kind": period.kind,
                "value": period.value.map(number),
                "unit": period.unit,
                "part": period.part,
            }),
        },
    );
    object.insert(
        "per".into(),
        match &claim.per {
            None => Value::Null,
            Some(per) => json!({
                "text": per.text,
                "start": per.start,
                "end": per.end,
                "noun": per.noun,
                "unit": per.unit,
                "size": number(per.size),
            }),
        },
    );
    object.insert(
        "sentence".into(),
        json!({ "start": claim.sentence.start, "end": claim.sentence.end }),
    );
    object.insert(
        "language".into(),
        json!(claim.language.map(|language| language.code())),
    );
    Value::Object(object)
}

/// Integral floats as integers, so `2500.0` prints as `2500`.
fn normalise_numbers(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(float) = number.as_f64()
                && number.is_f64()
            {
                *value = self::number(float);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalise_numbers),
        Value::Object(map) => map.values_mut().for_each(normalise_numbers),
        _ => {}
    }
}

pub fn finding_value(finding: &Finding, name: &str, text: &str, index: &LineIndex) -> Value {
    let start = position(index, text, finding.span.start);
    let end = position(index, text, finding.span.end);
    let name_of_code = crate::checks::lookup(finding.code).map(|code| code.name);
    let related: Vec<Value> = finding
        .related
        .iter()
        .map(|related| {
            let at = position(index, text, related.span.start);
            json!({
                "file": name,
                "start": related.span.start,
                "end": related.span.end,
                "line": at.line,
                "column": at.column,
                "message": related.message,
            })
        })
        .collect();
    json!({
        "file": name,
        "code": finding.code,
        "name": name_of_code,
        "severity": finding.severity,
        "message": finding.message,
        "note": finding.note,
        "start": finding.span.start,
        "end": finding.span.end,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "text": &text[finding.span.start..finding.span.end],
        "related": related,
        "fix": finding.fix.as_ref().map(|fix| json!({
            "title": fix.title,
            "start": fix.span.start,
            "end": fix.span.end,
            "replacement": fix.replacement,
            "applicability": fix.applicability,
        })),
        "verdict": finding.verdict,
        "fact": finding.verdict.and(finding.rule.clone()),
        "rule": finding.rule,
        "explanation": finding.explanation.as_deref().map(|explanation| {
            let mut value = serde_json::to_value(explanation).unwrap_or(Value::Null);
            normalise_numbers(&mut value);
            value
        }),
    })
}
