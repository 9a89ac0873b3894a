//! The HTML claims report rendered by headless Chromium: tables, chart bars, escaping, no network.
//!
//! Each test renders a report, writes it to a temporary file, lets Chromium load it
//! (`--dump-dom`) and checks the DOM the browser built: the claims table with its rows, the
//! money chart with a total bar per money claim and per-year bars, the severity charts, and
//! that document text never becomes markup. Chromium must be installed (Debian:
//! `apt-get update && apt-get install -y chromium`); without it the tests fail and say so.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "tests read the shared fixture and write the page for the browser"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use factlint::claims::Date;
use factlint::html_report::{ReportDocument, ReportOptions, render};
use factlint::{Analysis, DocumentFormat, Options, analyze};

const ENGLISH: &str = "\
# Money for AI

The Stargate project plans to invest $500 billion over four years. The Bank of China will
provide at least 1 trillion yuan over the next five years. DeepSeek says it trained V3 on
2,048 H800 GPUs for $5.6 million, and it charges only 3 % of OpenAI's price.

On January 27, 2025, Nvidia lost nearly $600 billion of market value.
";

const GERMAN: &str = "\
Die Bank of China stellt in den nächsten fünf Jahren 1 Billion Yuan für KI bereit.
Die EU will 200 Milliarden Euro mobilisieren. Das Modell kostete 5,6 Millionen Dollar.
";

/// Text that would be markup if it were not escaped, around real claims.
const HOSTILE: &str = "\
<script>document.title = 'owned'</script> The budget is $5 million <img src=x onerror=alert(1)>.
A \"quoted\" & <b>bold</b> claim: 12 % of 2,000 GPUs.
";

fn options() -> Options {
    Options {
        reporting_currency: Some("USD".to_owned()),
        today: Some(Date {
            year: 2025,
            month: Some(2),
            day: Some(1),
        }),
        ..Options::default()
    }
}

fn shared_fixture() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/deepseek-r1-de.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "this test reads the shared fixture {}, which is missing ({error}); \
             check out the shared folder beside the repository",
            path.display()
        )
    })
}

/// The Chromium binary, or a failure that says how to install it.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        let found = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|folder| folder.join(name))
                .find(|candidate| candidate.is_file())
        });
        if let Some(found) = found {
            return found;
        }
    }
    panic!(
        "the HTML report tests render the page in headless Chromium, which is not installed; \
         install it with `apt-get update && apt-get install -y chromium` (Debian) and run the \
         tests again"
    );
}

/// Runs Chromium on a fresh profile with no network features, killing it after a minute.
fn run_chromium(page: &Path, extra: &[String], profile: &Path) -> String {
    let mut command = Command::new(chromium());
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command.args(extra);
    command.arg(format!("file://{}", page.display()));
    command.stdout(Stdio::piped()).stderr(Stdio::null());
    let mut child = command
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start Chromium: {error}"));
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut stdout = stdout;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).map(|_| text)
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "Chromium did not finish within 60 seconds on {}",
                    page.display()
                );
            }
        }
    }
    reader
        .join()
        .expect("the reader thread")
        .unwrap_or_else(|error| panic!("cannot read Chromium's output: {error}"))
}

/// Writes the page to a temporary folder and returns the DOM Chromium built from it.
fn dump_dom(html: &str) -> String {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let page = folder.path().join("report.html");
    std::fs::write(&page, html).expect("the page is written");
    let profile = folder.path().join("profile");
    let dom = run_chromium(&page, &["--dump-dom".to_owned()], &profile);
    assert!(
        dom.contains("</html>"),
        "Chromium dumped no DOM for {}: {dom:.500}",
        page.display()
    );
    dom
}

/// The outer text of the first element that opens with `opening` (up to its closing tag).
fn element<'a>(dom: &'a str, opening: &str, tag: &str) -> &'a str {
    let start = dom
        .find(opening)
        .unwrap_or_else(|| panic!("the DOM has no `{opening}`"));
    let close = format!("</{tag}>");
    let end = dom[start..]
        .find(&close)
        .map(|end| start + end + close.len())
        .unwrap_or_else(|| panic!("`{opening}` is never closed"));
    &dom[start..end]
}

/// The row of the claims table whose claim is written `text`.
fn row<'a>(table: &'a str, text: &str) -> &'a str {
    let quoted = format!("<q>{}</q>", as_serialised(text));
    table
        .split("<tr class=\"claim ")
        .find(|row| row.contains(&quoted))
        .unwrap_or_else(|| panic!("the claims table has no row for `{text}`"))
}

/// The text a browser shows for HTML-escaped content, as Chromium serialises it.
fn as_serialised(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn claim_texts(text: &str, analysis: &Analysis) -> Vec<String> {
    analysis
        .claims
        .iter()
        .map(|claim| {
            text[claim.span.start..claim.span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Up to 120 bytes before and 80 after an offset, cut at character boundaries.
fn around(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(120);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// The page loads nothing: no tag has a `src`, no stylesheet or script is linked, and every
/// `http://` or `https://` in it is the `href` of a source link inside a table cell.
fn assert_no_external_resources(html: &str) {
    for needle in [
        "<script", "<link", "<iframe", "<object", "<embed", "<img", "@import", "url(",
    ] {
        assert!(
            !html.contains(needle),
            "the page must load nothing, but it contains `{needle}`"
        );
    }
    // Document text is escaped, so every `<` opens a tag.
    for tag in html
        .split('<')
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
    {
        // Attribute names only: drop the quoted values.
        let names: String = tag.split('"').step_by(2).collect();
        assert!(
            !names.contains(" src="),
            "the page must load nothing, but this tag has a `src`: <{tag}>"
        );
    }
    let mut from = 0;
    while let Some(found) = html[from..].find("http") {
        let at = from + found;
        from = at + 4;
        let rest = &html[at..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let context = around(html, at);
        let tag_start = html[..at].rfind('<').unwrap_or(0);
        let tag = &html[tag_start..at];
        assert!(
            tag.starts_with("<a class=\"source\" href=\"") && tag.ends_with("href=\""),
            "a web address outside a source link: …{context}…"
        );
        let cell_open = html[..tag_start].rfind("<td").unwrap_or(0);
        let cell_close = html[..tag_start].rfind("</td>");
        assert!(
            cell_open > 0 && cell_close.is_none_or(|close| close < cell_open),
            "a source link outside a table cell: …{context}…"
        );
    }
}

#[test]
fn report_of_two_documents_renders_tables_and_charts_in_chromium() {
    let options = options();
    let english = analyze(ENGLISH, DocumentFormat::Markdown, &options);
    let german = analyze(GERMAN, DocumentFormat::PlainText, &options);
    let documents = [
        ReportDocument {
            name: "money-en.md",
            text: ENGLISH,
            analysis: &english,
        },
        ReportDocument {
            name: "geld-de.txt",
            text: GERMAN,
            analysis: &german,
        },
    ];
    let html = render(
        &documents,
        &ReportOptions {
            title: "AI money check".to_owned(),
            reporting_currency: "USD".to_owned(),
            generated: Some("2025-02-01".to_owned()),
        },
    );
    assert_no_external_resources(&html);
    let dom = dump_dom(&html);
    assert!(dom.contains("<title>AI money check</title>"));
    assert!(dom.contains("2025-02-01"));

    // The English claims table: one row per claim, each with its text, in order.
    let table = element(&dom, "<table class=\"claims\" id=\"claims-1\">", "table");
    let texts = claim_texts(ENGLISH, &english);
    assert_eq!(table.matches("<tr class=\"claim ").count(), texts.len());
    let mut last = 0;
    for text in &texts {
        let at = table[last..]
            .find(&format!("<q>{}</q>", as_serialised(text)))
            .unwrap_or_else(|| panic!("claims-1 lacks the row for `{text}` (in order)"));
        last += at;
    }
    // Money in the reporting currency: converted yuan, dollars as they are.
    let yuan = row(table, "at least 1 trillion yuan");
    assert!(yuan.contains("at least 1 trillion yuan"), "{yuan}");
    assert!(yuan.contains("1,000,000,000,000 CNY"), "{yuan}");
    assert!(
        yuan.contains(" bn USD"),
        "the yuan are not converted: {yuan}"
    );
    assert!(
        yuan.contains("a year over 5 years"),
        "no per-year figure: {yuan}"
    );
    assert!(yuan.contains("FL100 agrees"), "{yuan}");
    assert!(yuan.contains("bank-of-china.ai-financing"), "{yuan}");
    assert!(
        yuan.contains("<a class=\"source\" href=\"https://"),
        "{yuan}"
    );
    let stargate = row(table, "$500 billion");
    assert!(stargate.contains("500 bn USD"), "{stargate}");
    assert!(
        stargate.contains("125 bn USD a year over 4 years"),
        "{stargate}"
    );
    let years = row(table, "four years");
    assert!(years.contains("no fact"), "{years}");

    // The money chart: a total bar per money claim, a per-year bar for the two with years.
    let chart = element(&dom, "<svg class=\"chart money\" id=\"money-1\"", "svg");
    let money_claims = english
        .claims
        .iter()
        .filter(|claim| claim.kind == factlint::ClaimKind::Money)
        .count();
    assert_eq!(money_claims, 4);
    assert_eq!(
        chart.matches("<rect class=\"bar total\"").count(),
        money_claims
    );
    assert_eq!(chart.matches("<rect class=\"bar per-year\"").count(), 2);
    assert!(chart.contains("$500 billion"));
    assert!(chart.contains("at least 1 trillion yuan"));
    for bar in chart.split("<rect class=\"bar ").skip(1) {
        let width = bar
            .split("width=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|width| width.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("a bar without a width: {bar:.200}"));
        assert!(width > 0.0, "an empty bar: {bar:.200}");
    }

    // The German document: euros are converted too.
    let german_table = element(&dom, "<table class=\"claims\" id=\"claims-2\">", "table");
    assert_eq!(
        german_table.matches("<tr class=\"claim ").count(),
        german.claims.len()
    );
    assert!(german_table.contains("<q>200 Milliarden Euro</q>"));
    let german_chart = element(&dom, "<svg class=\"chart money\" id=\"money-2\"", "svg");
    assert_eq!(german_chart.matches("<rect class=\"bar total\"").count(), 3);
    assert_eq!(
        german_chart.matches("<rect class=\"bar per-year\"").count(),
        1
    );

    // The severity charts: one bar per severity, with the counts of the findings.
    let all = element(
        &dom,
        "<svg class=\"chart severity\" id=\"severity-all\"",
        "svg",
    );
    assert_eq!(all.matches("<rect class=\"bar severity-").count(), 4);
    let hints = english
        .findings
        .iter()
        .chain(&german.findings)
        .filter(|finding| finding.severity == factlint::Severity::Hint)
        .count();
    assert!(hints > 0);
    let hint_bar = element(all, "<rect class=\"bar severity-hint\"", "rect");
    assert!(
        hint_bar.contains(&format!("data-count=\"{hints}\"")),
        "{hint_bar}"
    );
    let first = element(
        &dom,
        "<svg class=\"chart severity\" id=\"severity-1\"",
        "svg",
    );
    assert_eq!(first.matches("<rect class=\"bar severity-").count(), 4);
    let findings = element(
        &dom,
        "<table class=\"findings\" id=\"findings-1\">",
        "table",
    );
    assert_eq!(
        findings.matches("<tr class=\"finding ").count(),
        english.findings.len()
    );
    let summary = element(&dom, "<table id=\"summary-table\">", "table");
    assert!(summary.contains("money-en.md") && summary.contains("geld-de.txt"));
}

#[test]
fn report_of_the_shared_german_article_renders_in_chromium() {
    let text = shared_fixture();
    let options = options();
    let analysis = analyze(&text, DocumentFormat::PlainText, &options);
    let html = render(
        &[ReportDocument {
            name: "deepseek-r1-de.txt",
            text: &text,
            analysis: &analysis,
        }],
        &ReportOptions::default(),
    );
    assert_no_external_resources(&html);
    let dom = dump_dom(&html);
    let table = element(&dom, "<table class=\"claims\" id=\"claims-1\">", "table");
    assert_eq!(table.matches("<tr class=\"claim ").count(), 19);
    for text in [
        "5 Millionen Dollar",
        "lediglich 2000 H800-GPUs",
        "22, 4 %",
        "nicht weniger als 1 Billion Yuan",
        "mindestens 500 Milliarden Dollar",
    ] {
        assert!(
            table.contains(&format!("<q>{text}</q>")),
            "no row for `{text}`"
        );
    }
    let yuan = row(table, "nicht weniger als 1 Billion Yuan");
    assert!(yuan.contains("FL100 agrees"), "{yuan}");
    assert!(yuan.contains("a year over 5 years"), "{yuan}");
    let gpus = row(table, "lediglich 2000 H800-GPUs");
    assert!(gpus.contains("deepseek-v3.training-gpus"), "{gpus}");
    assert!(
        gpus.contains("href=\"https://arxiv.org/abs/2412.19437\""),
        "{gpus}"
    );

    // Four money claims, two of them spread over years.
    let chart = element(&dom, "<svg class=\"chart money\" id=\"money-1\"", "svg");
    assert_eq!(chart.matches("<rect class=\"bar total\"").count(), 4);
    assert_eq!(chart.matches("<rect class=\"bar per-year\"").count(), 2);
    let severity = element(
        &dom,
        "<svg class=\"chart severity\" id=\"severity-1\"",
        "svg",
    );
    let warnings = analysis
        .findings
        .iter()
        .filter(|finding| finding.severity == factlint::Severity::Warning)
        .count();
    assert!(warnings > 0, "the article has warnings (22, 4 %)");
    let warning_bar = element(severity, "<rect class=\"bar severity-warning\"", "rect");
    assert!(
        warning_bar.contains(&format!("data-count=\"{warnings}\"")),
        "{warning_bar}"
    );
}

#[test]
fn document_text_and_names_never_become_markup() {
    let options = options();
    let analysis = analyze(HOSTILE, DocumentFormat::PlainText, &options);
    assert!(!analysis.claims.is_empty());
    let html = render(
        &[ReportDocument {
            name: "<img src=x onerror=alert(2)>.txt",
            text: HOSTILE,
            analysis: &analysis,
        }],
        &ReportOptions {
            title: "</title><script>alert(3)</script>".to_owned(),
            reporting_currency: "USD".to_owned(),
            generated: Some("<b>now</b>".to_owned()),
        },
    );
    assert_no_external_resources(&html);
    let dom = dump_dom(&html);
    for markup in ["<script", "<img", "<b>"] {
        assert!(
            !dom.contains(markup),
            "document text became markup: `{markup}` in the DOM"
        );
    }
    assert!(dom.contains("&lt;img src=x onerror=alert(2)&gt;.txt"));
    assert!(dom.contains("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
    let table = element(&dom, "<table class=\"claims\" id=\"claims-1\">", "table");
    assert!(table.contains("<q>$5 million</q>"), "{table}");
    assert!(table.contains("<q>12 %</q>"), "{table}");
}

#[test]
fn a_report_without_documents_is_a_page_with_an_empty_summary() {
    let html = render(&[], &ReportOptions::default());
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<span class=\"number\">0</span> claims"));
    assert!(html.contains("id=\"severity-all\""));
    assert!(!html.contains("class=\"document\""));
    assert_no_external_resources(&html);
}
