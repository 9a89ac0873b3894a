//! The claims report: one self-contained HTML page of claims, verdicts, sources and charts.
//!
//! `render` turns analysed documents into a page a fact-checker can open offline: a summary,
//! then per document the claims as a table (text, kind, normalised value, money in the
//! reporting currency, status against the reference facts with the fact id, source links), a
//! chart of the money claims on one logarithmic axis in the reporting currency (the total, and
//! per year where a `per-year` derived figure exists), a chart of the findings by severity and
//! the findings themselves. The page loads nothing: styles are inline, charts are inline SVG,
//! there is no script, and the only URLs are the sources' links in the table cells. All text
//! from documents, rules and findings is escaped.
//!
//! Money is converted with the results the engine already computed: an FL140 finding's
//! `explanation.result` (analyse with `Options { reporting_currency, today, .. }` so that the
//! rates apply), or the value itself when it is already in the reporting currency.
//!
//! Stable hooks for tests and styling, with `N` the 1-based number of the document:
//! `section#document-N.document`, `table#claims-N.claims` with `tr.claim` rows,
//! `svg#money-N.chart.money` with `rect.bar.total` and `rect.bar.per-year`,
//! `svg#severity-N.chart.severity` and `svg#severity-all.chart.severity` with
//! `rect.bar.severity-<name>`, `table#findings-N.findings`, `table#summary-table`.

use std::fmt::Write as _;

use crate::claims::{Claim, ClaimKind, ClaimValue};
use crate::diagnostics::{Citation, Finding, Severity, Verdict};
use crate::engine::Analysis;
use crate::report::position;
use crate::text::LineIndex;

/// One analysed document to report on.
#[derive(Clone, Copy, Debug)]
pub struct ReportDocument<'a> {
    /// The name shown for it (usually its path).
    pub name: &'a str,
    /// The text the analysis was made from.
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// What the caller decides about the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The page's title and heading.
    pub title: String,
    /// The ISO 4217 code money is shown in; it must be the one the documents were analysed
    /// with (`Options::reporting_currency`), since the conversions come from their findings.
    pub reporting_currency: String,
    /// When the report was made, as the caller writes it (the core has no clock).
    pub generated: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            title: "factlint claims report".to_owned(),
            reporting_currency: "USD".to_owned(),
            generated: None,
        }
    }
}

/// Renders the report as one HTML page.
pub fn render(documents: &[ReportDocument<'_>], options: &ReportOptions) -> String {
    let currency = if options.reporting_currency.trim().is_empty() {
        "USD"
    } else {
        options.reporting_currency.trim()
    };
    let reports: Vec<DocumentReport> = documents
        .iter()
        .map(|document| DocumentReport::new(document, currency))
        .collect();

    let mut page = String::with_capacity(16 * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(page, "<title>{}</title>", escape(&options.title));
    let _ = writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(page, "<header>\n<h1>{}</h1>", escape(&options.title));
    let _ = write!(
        page,
        "<p class=\"meta\">{} document{}, money in <strong>{}</strong>",
        documents.len(),
        if documents.len() == 1 { "" } else { "s" },
        escape(currency)
    );
    if let Some(generated) = &options.generated {
        let _ = write!(page, ", generated {}", escape(generated));
    }
    page.push_str(".</p>\n</header>\n<main>\n");
    summary(&mut page, &reports);
    for (number, report) in reports.iter().enumerate() {
        document_section(&mut page, number + 1, report, currency);
    }
    page.push_str(
        "</main>\n<footer><p>Made by factlint. Values are normalised to base units; \
         money is converted at the dated rates named in each conversion hint.</p></footer>\n\
         </body>\n</html>\n",
    );
    page
}

/// What the page shows about one claim.
struct ClaimRow<'a> {
    claim: &'a Claim,
    text: String,
    line: u32,
    column: u32,
    /// In the reporting currency, for money.
    converted: Option<f64>,
    /// Per year in the reporting currency, and over how many years.
    per_year: Option<(f64, Option<f64>)>,
    /// Verdicts against reference facts: (verdict, fact id, message).
    statuses: Vec<(Verdict, Option<String>, String)>,
    sources: Vec<&'a Citation>,
}

/// One document, read for the page.
struct DocumentReport<'a> {
    name: &'a str,
    text: &'a str,
    analysis: &'a Analysis,
    index: LineIndex,
    rows: Vec<ClaimRow<'a>>,
}

impl<'a> DocumentReport<'a> {
    fn new(document: &ReportDocument<'a>, currency: &str) -> DocumentReport<'a> {
        let index = LineIndex::new(document.text);
        let rows = document
            .analysis
            .claims
            .iter()
            .map(|claim| claim_row(document, &index, claim, currency))
            .collect();
        DocumentReport {
            name: document.name,
            text: document.text,
            analysis: document.analysis,
            index,
            rows,
        }
    }

    fn count(&self, severity: Severity) -> usize {
        self.analysis
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    fn verdicts(&self, verdict: Verdict) -> usize {
        self.rows
            .iter()
            .filter(|row| row.statuses.iter().any(|status| status.0 == verdict))
            .count()
    }
}

fn claim_row<'a>(
    document: &ReportDocument<'a>,
    index: &LineIndex,
    claim: &'a Claim,
    currency: &str,
) -> ClaimRow<'a> {
    let text = slice(document.text, claim.span.start, claim.span.end);
    let at = position(
        index,
        document.text,
        claim.span.start.min(document.text.len()),
    );
    let findings: Vec<&'a Finding> = document
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.span == claim.span)
        .collect();
    let value = claim.value.number();
    let converted = match (claim.kind, claim.unit, value) {
        (ClaimKind::Money, Some(unit), Some(value)) if unit == currency => Some(value),
        (ClaimKind::Money, Some(_), Some(_)) => findings
            .iter()
            .filter(|finding| finding.code == "FL140")
            .filter_map(|finding| finding.explanation.as_deref()?.result.as_ref())
            .find(|result| result.unit.as_deref() == Some(currency))
            .map(|result| result.value),
        _ => None,
    };
    let per_year = if claim.kind == ClaimKind::Money {
        findings
            .iter()
            .filter(|finding| {
                matches!(finding.code, "FL150" | "FL151")
                    && finding.rule.as_deref() == Some("per-year")
            })
            .filter_map(|finding| {
                let explanation = finding.explanation.as_deref()?;
                let result = explanation.result.as_ref()?;
                let years = explanation
                    .inputs
                    .iter()
                    .find(|input| input.name == "years")
                    .map(|input| input.value);
                let amount = if result.unit.as_deref() == Some(currency) {
                    Some(result.value)
                } else if result.unit.as_deref() == claim.unit {
                    // In the claim's currency: convert at the rate of the claim's conversion.
                    match (converted, value) {
                        (Some(converted), Some(value)) if value != 0.0 => {
                            Some(result.value * converted / value)
                        }
                        _ => None,
                    }
                } else {
                    None
                };
                amount.map(|amount| (amount, years))
            })
            .next()
    } else {
        None
    };
    let statuses = findings
        .iter()
        .filter_map(|finding| {
            let verdict = finding.verdict?;
            Some((verdict, finding.rule.clone(), finding.message.clone()))
        })
        .collect();
    let mut sources: Vec<&'a Citation> = Vec::new();
    // The facts' sources first, then those of conversions and derived figures.
    let mut ordered = findings.clone();
    ordered.sort_by_key(|finding| finding.verdict.is_none());
    for finding in ordered {
        let Some(explanation) = finding.explanation.as_deref() else {
            continue;
        };
        for citation in &explanation.sources {
            let known = sources.iter().any(|seen| {
                seen.id == citation.id || (seen.url.is_some() && seen.url == citation.url)
            });
            if !known {
                sources.push(citation);
            }
        }
    }
    ClaimRow {
        claim,
        text,
        line: at.line,
        column: at.column,
        converted,
        per_year,
        statuses,
        sources,
    }
}

fn summary(page: &mut String, reports: &[DocumentReport]) {
    page.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    let total =
        |count: &dyn Fn(&DocumentReport) -> usize| -> usize { reports.iter().map(count).sum() };
    let claims = total(&|report| report.rows.len());
    let money = total(&|report| {
        report
            .rows
            .iter()
            .filter(|row| row.claim.kind == ClaimKind::Money)
            .count()
    });
    let agrees = total(&|report| report.verdicts(Verdict::Agrees));
    let disagrees = total(&|report| report.verdicts(Verdict::Disagrees));
    let unverifiable = total(&|report| report.verdicts(Verdict::Unverifiable));
    let _ = writeln!(
        page,
        "<ul class=\"tiles\">\
         <li class=\"tile\" id=\"total-claims\"><span class=\"number\">{claims}</span> claims</li>\
         <li class=\"tile\" id=\"total-money\"><span class=\"number\">{money}</span> money claims</li>\
         <li class=\"tile agrees\" id=\"total-agrees\">\
         <span class=\"number\">{agrees}</span> agree with a fact</li>\
         <li class=\"tile disagrees\" id=\"total-disagrees\">\
         <span class=\"number\">{disagrees}</span> disagree with a fact</li>\
         <li class=\"tile unverifiable\" id=\"total-unverifiable\">\
         <span class=\"number\">{unverifiable}</span> unverifiable</li>\
         </ul>"
    );
    page.push_str(
        "<table id=\"summary-table\">\n<thead><tr><th>document</th><th>language</th>\
         <th class=\"number\">claims</th><th class=\"number\">agree</th>\
         <th class=\"number\">disagree</th><th class=\"number\">unverifiable</th>\
         <th class=\"number\">errors</th><th class=\"number\">warnings</th>\
         <th class=\"number\">infos</th><th class=\"number\">hints</th></tr></thead>\n<tbody>\n",
    );
    for (number, report) in reports.iter().enumerate() {
        let _ = writeln!(
            page,
            "<tr><td><a href=\"#document-{}\">{}</a></td><td>{}</td><td class=\"number\">{}</td>\
             <td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>\
             <td class=\"number\">{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>\
             <td class=\"number\">{}</td></tr>",
            number + 1,
            escape(report.name),
            report
                .analysis
                .language
                .map_or("unknown", |language| language.code()),
            report.rows.len(),
            report.verdicts(Verdict::Agrees),
            report.verdicts(Verdict::Disagrees),
            report.verdicts(Verdict::Unverifiable),
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info),
            report.count(Severity::Hint),
        );
    }
    page.push_str("</tbody>\n</table>\n<h3>Findings by severity, all documents</h3>\n");
    let counts: Vec<(Severity, usize)> = SEVERITIES
        .iter()
        .map(|&severity| (severity, total(&|report| report.count(severity))))
        .collect();
    severity_chart(page, "severity-all", &counts);
    page.push_str("</section>\n");
}

const SEVERITIES: [Severity; 4] = [
    Severity::Error,
    Severity::Warning,
    Severity::Info,
    Severity::Hint,
];

fn document_section(page: &mut String, number: usize, report: &DocumentReport, currency: &str) {
    let _ = writeln!(
        page,
        "<section class=\"document\" id=\"document-{number}\" data-name=\"{}\">\n<h2>{}</h2>",
        escape(report.name),
        escape(report.name)
    );
    let _ = writeln!(
        page,
        "<p class=\"meta\">Language: {}. {} claims, {} findings.</p>",
        report
            .analysis
            .language
            .map_or("unknown", |language| language.code()),
        report.rows.len(),
        report.analysis.findings.len()
    );

    let _ = writeln!(page, "<h3>Claims</h3>");
    claims_table(page, number, report, currency);

    let _ = writeln!(page, "<h3>Money in {}</h3>", escape(currency));
    money_chart(page, number, report, currency);

    let _ = writeln!(page, "<h3>Findings by severity</h3>");
    let counts: Vec<(Severity, usize)> = SEVERITIES
        .iter()
        .map(|&severity| (severity, report.count(severity)))
        .collect();
    severity_chart(page, &format!("severity-{number}"), &counts);

    let _ = writeln!(page, "<h3>Findings</h3>");
    findings_table(page, number, report);
    page.push_str("</section>\n");
}

fn claims_table(page: &mut String, number: usize, report: &DocumentReport, currency: &str) {
    let _ = writeln!(
        page,
        "<table class=\"claims\" id=\"claims-{number}\">\n<thead><tr><th>line</th><th>claim</th>\
         <th>kind</th><th class=\"number\">value</th><th class=\"number\">in {}</th>\
         <th>status</th><th>sources</th></tr></thead>\n<tbody>",
        escape(currency)
    );
    if report.rows.is_empty() {
        page.push_str("<tr class=\"empty\"><td colspan=\"7\">No claims.</td></tr>\n");
    }
    for (row_number, row) in report.rows.iter().enumerate() {
        let claim = row.claim;
        let _ = write!(
            page,
            "<tr class=\"claim kind-{kind}\" id=\"claim-{number}-{row}\" data-kind=\"{kind}\">\
             <td class=\"position\">{line}:{column}</td><td class=\"text\"><q>{text}</q>",
            kind = claim.kind.as_str(),
            row = row_number + 1,
            line = row.line,
            column = row.column,
            text = escape(&row.text),
        );
        if let Some(subject) = &claim.subject {
            let _ = write!(
                page,
                "<span class=\"subject\">about {}</span>",
                escape(&subject.text)
            );
        }
        let _ = write!(
            page,
            "</td><td class=\"kind\">{}</td><td class=\"number value\">{}</td>",
            claim.kind.as_str().replace('_', " "),
            escape(&normalised(claim))
        );
        match row.converted {
            Some(converted) => {
                let _ = write!(
                    page,
                    "<td class=\"number converted\">{}",
                    escape(&money(converted, currency))
                );
                if let Some((per_year, years)) = row.per_year {
                    let _ = write!(
                        page,
                        "<span class=\"per-year\">{} a year{}</span>",
                        escape(&money(per_year, currency)),
                        years
                            .map(|years| format!(" over {}", plain(years)))
                            .map(|text| escape(&text))
                            .unwrap_or_default()
                    );
                }
                page.push_str("</td>");
            }
            None if claim.kind == ClaimKind::Money => {
                page.push_str(
                    "<td class=\"number converted missing\" \
                     title=\"no rate for this currency and date\">–</td>",
                );
            }
            None => page.push_str("<td class=\"number converted\"></td>"),
        }
        page.push_str("<td class=\"verdicts\">");
        if row.statuses.is_empty() {
            page.push_str("<span class=\"status none\">no fact</span>");
        }
        for (verdict, fact, message) in &row.statuses {
            let (class, code) = match verdict {
                Verdict::Agrees => ("agrees", "FL100"),
                Verdict::Disagrees => ("disagrees", "FL101"),
                Verdict::Unverifiable => ("unverifiable", "FL102"),
            };
            let _ = write!(
                page,
                "<span class=\"status {class}\" title=\"{}\">{code} {class}</span>",
                escape(message)
            );
            if let Some(fact) = fact {
                let _ = write!(page, "<code class=\"fact\">{}</code>", escape(fact));
            }
        }
        page.push_str("</td><td class=\"sources\">");
        for citation in &row.sources {
            let title = shorten(&citation.title, 60);
            match citation.url.as_deref().filter(|url| is_web_url(url)) {
                Some(url) => {
                    let _ = write!(
                        page,
                        "<a class=\"source\" href=\"{}\" title=\"{}\" rel=\"noreferrer\">{}</a>",
                        escape(url),
                        escape(&citation.title),
                        escape(&title)
                    );
                }
                None => {
                    let _ = write!(
                        page,
                        "<span class=\"source\" title=\"{}\">{}</span>",
                        escape(&citation.title),
                        escape(&title)
                    );
                }
            }
        }
        page.push_str("</td></tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Horizontal bars on a logarithmic axis: the total of each money claim, and below it the
/// amount per year where the document says over how many years.
fn money_chart(page: &mut String, number: usize, report: &DocumentReport, currency: &str) {
    let bars: Vec<&ClaimRow> = report
        .rows
        .iter()
        .filter(|row| row.converted.is_some_and(chartable))
        .collect();
    let skipped = report
        .rows
        .iter()
        .filter(|row| row.claim.kind == ClaimKind::Money)
        .count()
        - bars.len();
    if bars.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"empty\" id=\"money-{number}\">No money claims to chart{}.</p>",
            if skipped > 0 {
                format!(
                    " ({skipped} without a rate to {}; analyse with a date so that rates apply)",
                    escape(currency)
                )
            } else {
                String::new()
            }
        );
        return;
    }
    let values: Vec<f64> = bars
        .iter()
        .flat_map(|row| {
            std::iter::once(row.converted.unwrap_or(1.0)).chain(row.per_year.map(|(v, _)| v))
        })
        .filter(|value| chartable(*value))
        .collect();
    let low = values
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .log10()
        .floor();
    let high = values
        .iter()
        .copied()
        .fold(0.0, f64::max)
        .log10()
        .ceil()
        .max(low + 1.0);
    let (label_width, bar_width, value_width) = (300.0, 460.0, 240.0);
    let width = label_width + bar_width + value_width;
    let row_height = |row: &&ClaimRow| if row.per_year.is_some() { 44.0 } else { 28.0 };
    let top = 28.0;
    let height = top + bars.iter().map(row_height).sum::<f64>() + 8.0;
    let x = |value: f64| label_width + (value.log10() - low) / (high - low) * bar_width;
    let _ = writeln!(
        page,
        "<svg class=\"chart money\" id=\"money-{number}\" viewBox=\"0 0 {width} {height}\" \
         width=\"100%\" role=\"img\" aria-label=\"Money claims in {cur}, logarithmic scale\">",
        cur = escape(currency)
    );
    let _ = writeln!(
        page,
        "<title>Money claims in {}, logarithmic scale</title>",
        escape(currency)
    );
    // Grid lines at every power of ten, labelled on top.
    let mut exponent = low;
    while exponent <= high + 1e-9 {
        let at = x(10f64.powf(exponent));
        let _ = writeln!(
            page,
            "<line class=\"grid\" x1=\"{at:.1}\" y1=\"{}\" x2=\"{at:.1}\" y2=\"{:.1}\"/>\
             <text class=\"axis\" x=\"{at:.1}\" y=\"14\" text-anchor=\"middle\">{}</text>",
            top - 6.0,
            height - 4.0,
            escape(&compact(10f64.powf(exponent)))
        );
        exponent += 1.0;
    }
    let mut y = top;
    for row in &bars {
        let total = row.converted.unwrap_or(1.0);
        let label = shorten(&row.text, 42);
        let _ = writeln!(
            page,
            "<g class=\"money-claim\" data-claim=\"{}\">\
             <text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}<title>{}</title></text>\
             <rect class=\"bar total\" x=\"{label_width}\" y=\"{:.1}\" \
             width=\"{:.1}\" height=\"16\" data-value=\"{}\"><title>{}</title></rect>\
             <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            escape(&row.text),
            label_width - 8.0,
            y + 12.5,
            escape(&label),
            escape(&row.text),
            y,
            (x(total) - label_width).max(1.0),
            total,
            escape(&format!("{}: {}", row.text, money(total, currency))),
            x(total) + 6.0,
            y + 12.5,
            escape(&total_label(row, total, currency)),
        );
        if let Some((per_year, years)) = row.per_year.filter(|(value, _)| chartable(*value)) {
            let years = years.map(|years| format!(" over {}", plain(years)));
            let text = format!(
                "{} a year{}",
                money(per_year, currency),
                years.unwrap_or_default()
            );
            let _ = writeln!(
                page,
                "<rect class=\"bar per-year\" x=\"{label_width}\" y=\"{:.1}\" \
             width=\"{:.1}\" height=\"10\" data-value=\"{}\"><title>{}</title></rect>\
                 <text class=\"value per-year\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                y + 19.0,
                (x(per_year) - label_width).max(1.0),
                per_year,
                escape(&text),
                x(per_year) + 6.0,
                y + 28.0,
                escape(&text),
            );
        }
        page.push_str("</g>\n");
        y += row_height(row);
    }
    page.push_str("</svg>\n");
    let _ = writeln!(
        page,
        "<p class=\"legend\"><span class=\"key total\"></span> total \
         <span class=\"key per-year\"></span> per year (where the sentence says over how many years); \
         logarithmic axis, each grid line ten times the one before.{}</p>",
        if skipped > 0 {
            format!(
                " {skipped} money claim{} without a rate to {} not shown.",
                if skipped == 1 { "" } else { "s" },
                escape(currency)
            )
        } else {
            String::new()
        }
    );
}

/// Whether a value can stand on a logarithmic axis.
fn chartable(value: f64) -> bool {
    value > 0.0 && value.is_finite()
}

/// The label of a total bar: the converted amount, and the amount as written when it was in
/// another currency (`137.3 bn USD (1 tn CNY)`).
fn total_label(row: &ClaimRow, total: f64, currency: &str) -> String {
    match (row.claim.unit, row.claim.value.number()) {
        (Some(unit), Some(value)) if unit != currency => {
            format!("{} ({})", money(total, currency), money(value, unit))
        }
        _ => money(total, currency),
    }
}

fn severity_chart(page: &mut String, id: &str, counts: &[(Severity, usize)]) {
    let most = counts.iter().map(|count| count.1).max().unwrap_or(0).max(1);
    let (label_width, bar_width) = (90.0, 420.0);
    let height = 8.0 + counts.len() as f64 * 26.0;
    let _ = writeln!(
        page,
        "<svg class=\"chart severity\" id=\"{}\" viewBox=\"0 0 {} {height}\" width=\"100%\" \
         role=\"img\" aria-label=\"Findings by severity\">\
         <title>Findings by severity</title>",
        escape(id),
        label_width + bar_width + 60.0
    );
    for (row, (severity, count)) in counts.iter().enumerate() {
        let y = 4.0 + row as f64 * 26.0;
        let width = if *count == 0 {
            0.0
        } else {
            (*count as f64 / most as f64 * bar_width).max(2.0)
        };
        let _ = writeln!(
            page,
            "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{name}</text>\
             <rect class=\"bar severity-{name}\" x=\"{label_width}\" y=\"{y:.1}\" \
             width=\"{width:.1}\" height=\"18\" data-count=\"{count}\"><title>{count} {name}</title></rect>\
             <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{count}</text>",
            label_width - 8.0,
            y + 13.5,
            label_width + width + 6.0,
            y + 13.5,
            name = severity.as_str(),
        );
    }
    page.push_str("</svg>\n");
}

fn findings_table(page: &mut String, number: usize, report: &DocumentReport) {
    let _ = writeln!(
        page,
        "<table class=\"findings\" id=\"findings-{number}\">\n<thead><tr><th>line</th>\
         <th>code</th><th>severity</th><th>text</th><th>message</th></tr></thead>\n<tbody>"
    );
    if report.analysis.findings.is_empty() {
        page.push_str("<tr class=\"empty\"><td colspan=\"5\">No findings.</td></tr>\n");
    }
    for finding in &report.analysis.findings {
        let at = position(
            &report.index,
            report.text,
            finding.span.start.min(report.text.len()),
        );
        let _ = write!(
            page,
            "<tr class=\"finding severity-{severity}\"><td class=\"position\">{}:{}</td>\
             <td><code>{}</code></td><td><span class=\"severity {severity}\">{severity}</span></td>\
             <td class=\"text\"><q>{}</q></td><td>{}",
            at.line,
            at.column,
            escape(finding.code),
            escape(&slice(report.text, finding.span.start, finding.span.end)),
            escape(&finding.message),
            severity = finding.severity.as_str(),
        );
        if let Some(note) = &finding.note {
            let _ = write!(page, "<span class=\"note\">{}</span>", linkify(note));
        }
        page.push_str("</td></tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Escapes a note and turns the web addresses in it (`<https://…>`) into source links that
/// show the host.
fn linkify(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    loop {
        let found = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min();
        let Some(start) = found else {
            out.push_str(&escape(rest));
            return out;
        };
        let length = rest[start..]
            .find(|ch: char| ch.is_whitespace() || matches!(ch, '<' | '>' | '"' | '\''))
            .unwrap_or(rest.len() - start);
        let url = rest[start..start + length].trim_end_matches(['.', ',', ';', ')']);
        let before = &rest[..start];
        let before = before.strip_suffix('<').unwrap_or(before);
        out.push_str(&escape(before));
        let host = url
            .split("://")
            .nth(1)
            .and_then(|after| after.split('/').next())
            .unwrap_or(url);
        let _ = write!(
            out,
            "<a class=\"source\" href=\"{}\" rel=\"noreferrer\">{}</a>",
            escape(url),
            escape(host)
        );
        rest = &rest[start + url.len()..];
        rest = rest.strip_prefix('>').unwrap_or(rest);
    }
}

/// Only plain web links become links; anything else (`javascript:`, `data:`) stays text.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The text of a span, with runs of white space as one space; empty when the span does not fit.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.get(start..end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `limit` characters, with an ellipsis when cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A claim's normalised value: `5,600,000 USD`, `2025-01-27`, `3 %`, `0.02`, `10×`.
fn normalised(claim: &Claim) -> String {
    match claim.value {
        ClaimValue::Date(date) => date.iso(),
        ClaimValue::Number(value) => {
            let number = |value: f64| grouped(value);
            let figure = match claim.high {
                Some(high) => format!("{}–{}", number(value), number(high)),
                None => number(value),
            };
            match (claim.kind, claim.unit) {
                (ClaimKind::Percent, _) => format!("{figure} %"),
                (ClaimKind::PercentagePoints, _) => format!("{figure} pp"),
                (ClaimKind::Multiplier, _) => format!("{figure}×"),
                (ClaimKind::Money, Some(unit)) => format!("{figure} {unit}"),
                (_, Some(unit)) => format!(
                    "{figure} {}",
                    crate::checks::support::unit_name(unit, claim.high.unwrap_or(value))
                ),
                (_, None) => figure,
            }
        }
    }
}

/// A number with thousands separators and at most four decimals: `5,600,000`, `0.02`.
fn grouped(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (integer, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    crate::number::push_grouped(&mut out, integer, ',');
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A short figure for charts and money: `137.3 bn`, `5.6 M`, `2,500`, `1 tn`.
fn compact(value: f64) -> String {
    let magnitude = value.abs();
    let (scaled, word) = if magnitude >= 1e12 {
        (value / 1e12, " tn")
    } else if magnitude >= 1e9 {
        (value / 1e9, " bn")
    } else if magnitude >= 1e6 {
        (value / 1e6, " M")
    } else {
        return grouped((value * 100.0).round() / 100.0);
    };
    let text = format!("{scaled:.1}");
    format!("{}{word}", text.trim_end_matches(".0"))
}

fn money(value: f64, currency: &str) -> String {
    format!("{} {currency}", compact(value))
}

/// A plain count of years: `5 years`, `1 year`, `2.5 years`.
fn plain(years: f64) -> String {
    if (years - 1.0).abs() < 1e-9 {
        "1 year".to_owned()
    } else {
        format!("{} years", grouped(years))
    }
}

/// The page's styles: readable tables, coloured statuses and chart bars, print-friendly.
const STYLE: &str = "
:root { --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; --zebra: #f6f8fa;
  --agrees: #1a7f37; --disagrees: #c62828; --unverifiable: #9a6700;
  --error: #b71c1c; --warning: #e36209; --info: #0969da; --hint: #8c959f;
  --total: #3b6fb6; --per-year: #7fb0e8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 32px 0 6px; padding-top: 8px; border-top: 3px solid var(--ink); }
h3 { font-size: 16px; margin: 22px 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.meta { color: var(--muted); margin: 4px 0 14px; }
footer { color: var(--muted); font-size: 13px; margin-top: 40px; padding-bottom: 24px; border-top: 1px solid var(--line); }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 12px 0 18px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; color: var(--muted); }
.tile .number { display: block; font-size: 26px; font-weight: 600; color: var(--ink); }
.tile.agrees .number { color: var(--agrees); } .tile.disagrees .number { color: var(--disagrees); }
.tile.unverifiable .number { color: var(--unverifiable); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--zebra); }
td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.position { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
td.text q { quotes: none; font-weight: 600; }
td.kind { white-space: nowrap; color: var(--muted); }
.subject, .per-year, .note { display: block; color: var(--muted); font-size: 12.5px; font-weight: normal; }
td.converted.missing { color: var(--hint); }
.status { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12.5px; font-weight: 600;
  white-space: nowrap; margin: 0 4px 2px 0; }
.status.agrees { background: #dafbe1; color: var(--agrees); }
.status.disagrees { background: #ffebe9; color: var(--disagrees); }
.status.unverifiable { background: #fff8c5; color: var(--unverifiable); }
.status.none { color: var(--hint); font-weight: normal; padding: 0; }
code.fact { display: block; font-size: 12px; color: var(--muted); word-break: break-all; }
td.sources { min-width: 170px; max-width: 260px; }
a.source, span.source { display: block; font-size: 12.5px; overflow-wrap: anywhere; }
.note a.source { display: inline; font-size: inherit; }
a { color: #0550ae; }
.severity { font-weight: 600; } .severity.error { color: var(--error); } .severity.warning { color: var(--warning); }
.severity.info { color: var(--info); } .severity.hint { color: var(--hint); }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; font-size: 12px; }
svg.chart.severity { max-width: 620px; }
svg .label { fill: var(--ink); } svg .value { fill: var(--muted); } svg .axis { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .bar.total { fill: var(--total); } svg .bar.per-year { fill: var(--per-year); }
svg .bar.severity-error { fill: var(--error); } svg .bar.severity-warning { fill: var(--warning); }
svg .bar.severity-info { fill: var(--info); } svg .bar.severity-hint { fill: var(--hint); }
.legend { color: var(--muted); font-size: 13px; }
.key { display: inline-block; width: 14px; height: 10px; margin: 0 2px 0 8px; vertical-align: baseline; }
.key.total { background: var(--total); } .key.per-year { background: var(--per-year); }
.empty { color: var(--muted); font-style: italic; }
@media print { h2 { break-before: page; } a { color: inherit; } }
";
