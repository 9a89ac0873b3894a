//! `claims --format table` (for people) and `--format csv` (for spreadsheets).

use std::io::{self, Write};

use factlint::claims::{Claim, ClaimValue};
use factlint::text::LineIndex;

use super::{DocumentView, format_value, position};
use crate::cli::Checked;

const HEADER: [&str; 11] = [
    "location", "text", "kind", "value", "high", "bound", "unit", "scale", "subject", "period",
    "per",
];

fn row(claim: &Claim, name: &str, text: &str, index: &LineIndex) -> [String; 11] {
    let at = position(index, text, claim.span.start);
    let value = match claim.value {
        ClaimValue::Number(value) => format_value(value),
        ClaimValue::Date(date) => date.iso(),
    };
    let mut bound = claim.bound.as_str().to_owned();
    if claim.only {
        bound.push_str(" (only)");
    }
    [
        format!("{name}:{}:{}", at.line, at.column),
        text[claim.span.start..claim.span.end].replace(['\n', '\r'], " "),
        claim.kind.as_str().to_owned(),
        value,
        claim.high.map(format_value).unwrap_or_default(),
        bound,
        claim.unit.unwrap_or_default().to_owned(),
        claim.scale.clone().unwrap_or_default(),
        claim
            .subject
            .as_ref()
            .map(|subject| subject.text.clone())
            .unwrap_or_default(),
        claim
            .period
            .as_ref()
            .map(|period| period.text.clone())
            .unwrap_or_default(),
        claim
            .per
            .as_ref()
            .map(|per| per.text.clone())
            .unwrap_or_default(),
    ]
}

pub(crate) fn write_table(
    out: &mut impl Write,
    checked: &[Checked],
    quiet: bool,
) -> io::Result<()> {
    let mut rows: Vec<[String; 11]> = Vec::new();
    for done in checked {
        let index = LineIndex::new(&done.input.text);
        for claim in &done.analysis.claims {
            rows.push(row(claim, &done.input.name, &done.input.text, &index));
        }
    }
    let header = HEADER.map(str::to_owned);
    let mut widths = [0usize; 11];
    for line in std::iter::once(&header).chain(rows.iter()) {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count().min(40));
        }
    }
    for line in std::iter::once(&header).chain(rows.iter()) {
        let mut first = true;
        let mut text = String::new();
        for (width, cell) in widths.iter().zip(line) {
            if !first {
                text.push_str("  ");
            }
            first = false;
            let shown: String = if cell.chars().count() > 40 {
                cell.chars().take(39).chain(['…']).collect()
            } else {
                cell.clone()
            };
            text.push_str(&shown);
            text.extend(std::iter::repeat_n(
                ' ',
                width.saturating_sub(shown.chars().count()),
            ));
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    if !quiet {
        writeln!(
            out,
            "\n{} claims in {} file{}",
            rows.len(),
            checked.len(),
            if checked.len() == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

/// `claims --format csv`: the header line.
pub(crate) fn write_csv_header(out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "file,line,column,start,end,text,kind,value,high,bound,only,unit,scale,subject,period,language,per"
    )
}

/// `claims --format csv`: the line of one claim.
pub(crate) fn write_csv_row(
    out: &mut dyn Write,
    document: &DocumentView,
    claim: &Claim,
) -> io::Result<()> {
    let at = position(document.index, document.text, claim.span.start);
    let cells = row(claim, document.name, document.text, document.index);
    let fields = [
        document.name.to_owned(),
        at.line.to_string(),
        at.column.to_string(),
        claim.span.start.to_string(),
        claim.span.end.to_string(),
        cells[1].clone(),
        cells[2].clone(),
        cells[3].clone(),
        cells[4].clone(),
        claim.bound.as_str().to_owned(),
        claim.only.to_string(),
        cells[6].clone(),
        cells[7].clone(),
        cells[8].clone(),
        cells[9].clone(),
        claim
            .language
            .map(|language| language.code())
            .unwrap_or_default()
            .to_owned(),
        // Columns are added at the end: a spreadsheet's formulas keep their columns.
        cells[10].clone(),
    ];
    let line: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
    writeln!(out, "{}", line.join(","))
}

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180); a leading `=`,
/// `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
fn csv_field(field: &str) -> String {
    let guarded = if field.starts_with(['=', '+', '@'])
        || (field.starts_with('-') && !field[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
