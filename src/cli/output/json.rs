//! JSON output: findings for `check`, the claim inventory for `claims`. Both are public
//! interfaces documented in the README; add fields, never rename or remove one.

use std::io::{self, Write};

use factlint::report::{claim_value, finding_value};
use factlint::text::LineIndex;

use crate::cli::Checked;

/// `check --format json`: an array of findings, in file order, then offset order.
pub(crate) fn write_findings(out: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    let mut all = Vec::new();
    for done in checked {
        let index = LineIndex::new(&done.input.text);
        for finding in &done.analysis.findings {
            all.push(finding_value(
                finding,
                &done.input.name,
                &done.input.text,
                &index,
            ));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

/// `check --format jsonl`: one finding per line, the same objects as `json`. Outputs of
/// several runs (partitions of one job) merge by concatenation.
pub(crate) fn write_findings_lines(out: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    for done in checked {
        let index = LineIndex::new(&done.input.text);
        for finding in &done.analysis.findings {
            let value = finding_value(finding, &done.input.name, &done.input.text, &index);
            serde_json::to_writer(&mut *out, &value)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `claims --format json`: an array of claims.
pub(crate) fn write_claims(out: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    let mut all = Vec::new();
    for done in checked {
        let index = LineIndex::new(&done.input.text);
        for claim in &done.analysis.claims {
            all.push(claim_value(
                claim,
                &done.input.name,
                &done.input.text,
                &index,
            ));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}
