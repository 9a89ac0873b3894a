//! JSON output: findings for `check`, the claim inventory for `claims`. Both are public
//! interfaces documented in the README; add fields, never rename or remove one.

use std::io::{self, Write};

use factlint::Claim;
use factlint::diagnostics::Finding;
use factlint::report::{claim_value, finding_value};

use super::{DocumentView, Emitter, PrettyArray, Totals};
use crate::cli::inputs::InputError;

/// `check --format json`: an array of findings, in file order, then offset order.
pub(crate) struct JsonEmitter {
    findings: PrettyArray,
}

impl Default for JsonEmitter {
    fn default() -> JsonEmitter {
        JsonEmitter {
            findings: PrettyArray::new(0),
        }
    }
}

impl Emitter for JsonEmitter {
    fn carries_hidden_findings(&self) -> bool {
        true
    }

    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        let value = finding_value(finding, document.name, document.text, document.index);
        self.findings.push(out, &value)
    }

    fn end(&mut self, out: &mut dyn Write, _: &Totals, _: &[InputError]) -> io::Result<()> {
        self.findings.close(out)?;
        writeln!(out)
    }
}

/// `check --format jsonl`: one finding per line, the same objects as `json`. Outputs of
/// several runs (partitions of one job) merge by concatenation.
pub(crate) struct JsonLinesEmitter;

impl Emitter for JsonLinesEmitter {
    fn carries_hidden_findings(&self) -> bool {
        true
    }

    fn finding(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        finding: &Finding,
    ) -> io::Result<()> {
        let value = finding_value(finding, document.name, document.text, document.index);
        serde_json::to_writer(&mut *out, &value)?;
        writeln!(out)
    }

    fn end(&mut self, _: &mut dyn Write, _: &Totals, _: &[InputError]) -> io::Result<()> {
        Ok(())
    }
}

/// `claims --format json`: an array of claims, written a claim at a time.
pub(crate) struct ClaimsJson {
    claims: PrettyArray,
}

impl Default for ClaimsJson {
    fn default() -> ClaimsJson {
        ClaimsJson {
            claims: PrettyArray::new(0),
        }
    }
}

impl ClaimsJson {
    pub fn claim(
        &mut self,
        out: &mut dyn Write,
        document: &DocumentView,
        claim: &Claim,
    ) -> io::Result<()> {
        let value = claim_value(claim, document.name, document.text, document.index);
        self.claims.push(out, &value)
    }

    pub fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.claims.close(out)?;
        writeln!(out)
    }
}
