//! `factlint report FILES… -o report.html`: the claims report, one self-contained HTML page
//! rendered by the core (`factlint::html_report`) and written atomically.

use std::path::Path;
use std::process::ExitCode;

use factlint::html_report::{ReportDocument, ReportOptions};

use super::{Common, Overrides, Selection, analyze_all, fix, report_errors, select, today};

pub(crate) fn run(
    paths: Vec<String>,
    output: &str,
    title: Option<String>,
    currency: Option<String>,
    common: &Common,
) -> ExitCode {
    let currency = match currency.map(|code| code.trim().to_ascii_uppercase()) {
        Some(code) if code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_uppercase()) => {
            eprintln!(
                "factlint: error: `{code}` is not an ISO 4217 currency code; write for example `--currency EUR`"
            );
            return ExitCode::from(2);
        }
        other => other,
    };
    let overrides = Overrides {
        reporting_currency: currency,
        ..Overrides::default()
    };
    let selection = Selection {
        changed_since: None,
        partition: None,
    };
    let (mut checked, errors) = match analyze_all(paths, &selection, common, &overrides) {
        Ok(done) => done,
        Err(code) => return code,
    };
    report_errors(&errors);
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    let target = select::canonical(Path::new(output));
    if let Some(input) = checked
        .iter()
        .find(|done| !done.input.stdin && select::canonical(Path::new(&done.input.name)) == target)
    {
        eprintln!(
            "factlint: error: {output}: is one of the documents reported on ({}); name another file with -o",
            input.input.name
        );
        return ExitCode::from(2);
    }
    // Every document must be converted to the same currency: the first one's.
    let currency = checked
        .first()
        .map(|done| done.options.reporting_currency().to_owned())
        .unwrap_or_else(|| "USD".to_owned());
    for done in &mut checked {
        if done.options.reporting_currency() != currency {
            std::sync::Arc::make_mut(&mut done.options).reporting_currency = Some(currency.clone());
            let text = std::mem::take(&mut done.input.text);
            done.reanalyze(text);
        }
    }
    let documents: Vec<ReportDocument> = checked
        .iter()
        .map(|done| ReportDocument {
            name: &done.input.name,
            text: &done.input.text,
            analysis: &done.analysis,
        })
        .collect();
    let date = common.today.unwrap_or_else(today);
    let options = ReportOptions {
        title: title.unwrap_or_else(|| ReportOptions::default().title),
        reporting_currency: currency,
        generated: Some(date.iso()),
    };
    let page = factlint::html_report::render(&documents, &options);
    match fix::write_file_atomically(Path::new(output), &page) {
        Ok(()) => {
            if !common.quiet {
                eprintln!(
                    "factlint: wrote {output} ({} document{})",
                    checked.len(),
                    if checked.len() == 1 { "" } else { "s" }
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("factlint: error: {output}: cannot write the report: {error}");
            ExitCode::from(2)
        }
    }
}
