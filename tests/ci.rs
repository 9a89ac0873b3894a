//! Command tests for factlint in CI and on the desk that need a scratch folder: `--fix` on
//! copies, `--changed-since` in a throwaway git repository, `--partition`, nested
//! configurations with `include` and `exclude`, and `factlint report`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the tests lay out the files and repositories they run factlint on"
)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn factlint(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(folder)
        .env("NO_COLOR", "1")
        .output()
        .expect("factlint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(folder: &Path, name: &str, text: &str) {
    let path = folder.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files named in `--format jsonl` output.
fn files_in(output: &Output) -> BTreeSet<String> {
    stdout(output)
        .lines()
        .map(|line| {
            let finding: serde_json::Value = serde_json::from_str(line).expect("one JSON per line");
            finding["file"].as_str().unwrap().to_owned()
        })
        .collect()
}

const BROKEN: &str = "Die Kosten lagen bei 22, 4 % der Summe.\n";

#[test]
fn fix_applies_safe_fixes_only_and_reports_what_is_left() {
    let folder = tempfile::tempdir().unwrap();
    let text = "Die Auslastung lag bei 22, 4 %.\n\nDie Quote stieg von 10 % auf 15 %, ein Anstieg um 5 %.\n";
    write(folder.path(), "a.md", text);
    let output = factlint(
        folder.path(),
        &["check", "--fix", "--today", "2025-06-01", "a.md"],
    );
    let fixed = std::fs::read_to_string(folder.path().join("a.md")).unwrap();
    // The safe fix (the stray space) is applied; the suggestion (percentage points) is not.
    assert_eq!(
        fixed,
        "Die Auslastung lag bei 22,4 %.\n\nDie Quote stieg von 10 % auf 15 %, ein Anstieg um 5 %.\n"
    );
    assert!(
        stderr(&output).contains("fixed 1 finding in 1 file"),
        "{}",
        stderr(&output)
    );
    assert!(!stdout(&output).contains("FL001"), "{}", stdout(&output));
    assert!(stdout(&output).contains("FL004"), "{}", stdout(&output));
    assert_eq!(output.status.code(), Some(1));
    let entries = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left behind");
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", BROKEN);
    let output = factlint(folder.path(), &["check", "--diff", "a.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-Die Kosten lagen bei 22, 4 % der Summe.\n+Die Kosten lagen bei 22,4 % der Summe.\n"
    );
    assert_eq!(
        std::fs::read_to_string(folder.path().join("a.md")).unwrap(),
        BROKEN
    );
}

#[test]
fn fix_refuses_standard_input() {
    let folder = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--fix", "-"])
        .current_dir(folder.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BROKEN.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("standard input cannot be fixed in place"));
}

fn git(folder: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=factlint",
            "-c",
            "user.email=factlint@example.com",
        ])
        .args(args)
        .current_dir(folder)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {}", stderr(&status));
}

#[test]
fn changed_since_checks_changed_and_untracked_files_only() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    git(root, &["init", "-q", "-b", "main"]);
    write(root, "old.md", BROKEN);
    write(root, "edited.md", "Nichts.\n");
    write(root, "docs/staged.md", "Nichts.\n");
    write(root, "deleted.md", BROKEN);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    write(root, "edited.md", BROKEN);
    write(root, "docs/staged.md", BROKEN);
    git(root, &["add", "docs/staged.md"]);
    write(root, "new.md", BROKEN);
    write(root, "ignored.md", BROKEN);
    write(root, ".gitignore", "ignored.md\n");
    std::fs::remove_file(root.join("deleted.md")).unwrap();

    let output = factlint(
        root,
        &["check", "--format", "jsonl", "--changed-since", "HEAD", "."],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let expected: BTreeSet<String> = ["docs/staged.md", "edited.md", "new.md"]
        .map(String::from)
        .into();
    assert_eq!(files_in(&output), expected);

    // From a subfolder, git's paths (relative to the top) still match.
    let output = factlint(
        &root.join("docs"),
        &["check", "--format", "jsonl", "--changed-since", "HEAD", "."],
    );
    assert_eq!(files_in(&output), ["staged.md".to_owned()].into());

    let output = factlint(root, &["check", "--changed-since", "nope", "."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`nope` is not a revision"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn changed_since_outside_a_repository_is_a_clear_error() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", BROKEN);
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--changed-since", "HEAD", "."])
        .current_dir(folder.path())
        .env("GIT_CEILING_DIRECTORIES", folder.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--changed-since needs a git repository"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn partitions_are_disjoint_and_cover_every_file() {
    let folder = tempfile::tempdir().unwrap();
    let mut all = BTreeSet::new();
    for i in 0..24 {
        let name = format!("teil-{i}/artikel {i}.md");
        write(folder.path(), &name, BROKEN);
        all.insert(name);
    }
    let whole = factlint(folder.path(), &["check", "--format", "jsonl", "."]);
    assert_eq!(files_in(&whole), all);
    let mut union = BTreeSet::new();
    let mut concatenated = String::new();
    for part in 1..=3 {
        let partition = format!("hash:{part}/3");
        let output = factlint(
            folder.path(),
            &["check", "--format", "jsonl", "--partition", &partition, "."],
        );
        let files = files_in(&output);
        assert!(union.is_disjoint(&files), "part {part} overlaps");
        assert!(!files.is_empty(), "part {part} is empty");
        union.extend(files);
        concatenated.push_str(&stdout(&output));
        // The same part is the same files on every run.
        let again = factlint(
            folder.path(),
            &["check", "--format", "jsonl", "--partition", &partition, "."],
        );
        assert_eq!(stdout(&again), stdout(&output));
    }
    assert_eq!(union, all);
    // Concatenated jsonl outputs hold the same findings as one whole run.
    let mut merged: Vec<&str> = concatenated.lines().collect();
    let whole_text = stdout(&whole);
    let mut whole_lines: Vec<&str> = whole_text.lines().collect();
    merged.sort_unstable();
    whole_lines.sort_unstable();
    assert_eq!(merged, whole_lines);
}

#[test]
fn the_order_is_the_same_whatever_the_number_of_threads() {
    let folder = tempfile::tempdir().unwrap();
    for i in 0..12 {
        write(folder.path(), &format!("d{i}.md"), BROKEN);
    }
    let one = factlint(
        folder.path(),
        &["check", "--format", "json", "-j", "1", "."],
    );
    let four = factlint(
        folder.path(),
        &["check", "--format", "json", "-j", "4", "."],
    );
    assert_eq!(stdout(&one), stdout(&four));
}

/// Documents are handed to the output as they are done, a few at a time: whatever the number
/// of threads, every format lists the files by name, each whole, and the unreadable one is
/// reported in the same place.
#[test]
fn many_documents_come_out_in_name_order_in_every_format() {
    let folder = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..50 {
        let name = if i % 3 == 0 {
            format!("sub/doc{i}.md")
        } else {
            format!("doc{i}.md")
        };
        // The documents first in name order are the longest, so later ones finish first.
        let filler = "Ein Absatz ohne jede Zahl, und der bleibt auch so.\n\n".repeat((50 - i) * 40);
        write(
            folder.path(),
            &name,
            &format!("# Part {i}\n\n{filler}Die Kosten lagen bei {i}, 4 % der Summe.\n"),
        );
        names.push(name);
    }
    std::fs::write(folder.path().join("doc25b.md"), b"binary\0content").unwrap();
    names.sort();
    for format in ["human", "json", "jsonl", "sarif", "github", "rdjson"] {
        let args = ["check", "--today", "2025-06-01", "--format", format, "-j"];
        let one = factlint(folder.path(), &[&args[..], &["1", "."]].concat());
        let two = factlint(folder.path(), &[&args[..], &["2", "."]].concat());
        assert_eq!(stdout(&one), stdout(&two), "--format {format}");
        assert_eq!(stderr(&one), stderr(&two), "--format {format}");
        assert_eq!(one.status.code(), Some(2), "--format {format}");
        assert_eq!(two.status.code(), Some(2), "--format {format}");
        assert_eq!(
            stderr(&one),
            "factlint: error: doc25b.md: looks like a binary file (a NUL byte at offset 6); skipped\n"
        );
    }
    // The files in the order the findings name them, one finding per file.
    let human = stdout(&factlint(folder.path(), &["check", "-j", "2", "."]));
    let in_human: Vec<&str> = human
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|place| place.split(':').next().unwrap())
        .collect();
    assert_eq!(in_human, names);
    assert!(
        human.ends_with(
            "incomplete: 50 findings in 50 files; 50 claims read; 1 input could not be read (see the errors above)\n"
        ),
        "{human}"
    );
    let json = factlint(
        folder.path(),
        &["check", "--format", "json", "-j", "2", "."],
    );
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    // Every file has a warning and a hint (shown in the formats for machines).
    let mut in_json: Vec<&str> = findings
        .iter()
        .map(|finding| finding["file"].as_str().unwrap())
        .collect();
    in_json.dedup();
    assert_eq!(in_json, names);
    let sarif = factlint(
        folder.path(),
        &["check", "--format", "sarif", "-j", "2", "."],
    );
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let run = &log["runs"][0];
    let mut in_sarif: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    in_sarif.dedup();
    assert_eq!(in_sarif, names);
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
        "doc25b.md: looks like a binary file (a NUL byte at offset 6); skipped"
    );
}

#[test]
fn nested_configurations_the_nearest_wins_with_its_globs() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(
        root,
        "factlint.toml",
        "exclude = [\"archive/**\"]\ninclude = [\"*.md\"]\n\n[severity]\nFL001 = \"error\"\n",
    );
    write(root, "a.md", BROKEN);
    write(root, "a.txt", BROKEN);
    write(root, "archive/old.md", BROKEN);
    write(
        root,
        "team/factlint.toml",
        "[severity]\nmalformed-number = \"off\"\n",
    );
    write(root, "team/b.md", BROKEN);
    write(root, "team/b.txt", BROKEN);

    let output = factlint(root, &["check", "--format", "jsonl", "."]);
    let findings: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|finding| finding["severity"] != "hint")
        .collect();
    let seen: Vec<(String, String, String)> = findings
        .iter()
        .map(|finding| {
            (
                finding["file"].as_str().unwrap().to_owned(),
                finding["code"].as_str().unwrap().to_owned(),
                finding["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // a.txt is outside `include`, archive/ is excluded, and team/ has its own configuration,
    // which turns FL001 off (the nearest configuration wins; it does not inherit).
    assert_eq!(
        seen,
        vec![("a.md".to_owned(), "FL001".to_owned(), "error".to_owned())]
    );

    // A file named on the command line is checked even outside `include`, never when excluded.
    let output = factlint(
        root,
        &["check", "--format", "jsonl", "a.txt", "archive/old.md"],
    );
    assert_eq!(files_in(&output), ["a.txt".to_owned()].into());

    let shown = factlint(root, &["config", "team/b.md"]);
    let line = stdout(&shown)
        .lines()
        .find(|line| line.starts_with("FL001 = "))
        .map(str::to_owned);
    let line = line.expect("FL001 is listed");
    assert!(line.starts_with("FL001 = \"off\" "), "{line}");
    assert!(
        line.ends_with("# team/factlint.toml:2 (malformed-number)"),
        "{line}"
    );
}

#[test]
fn a_bad_glob_is_reported_with_its_place() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "factlint.toml", "exclude = [\"drafts/[\"]\n");
    write(folder.path(), "a.md", BROKEN);
    let output = factlint(folder.path(), &["check", "a.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("factlint.toml:1:12: `drafts/[` is not a valid glob"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn report_writes_the_page_and_never_overwrites_an_input() {
    let folder = tempfile::tempdir().unwrap();
    write(
        folder.path(),
        "bericht.md",
        "Der Konzern meldete am 3. März 2025 einen Umsatz von 1,2 Mrd. Euro.\n",
    );
    let output = factlint(
        folder.path(),
        &[
            "report",
            "--today",
            "2025-06-01",
            "--currency",
            "eur",
            "bericht.md",
            "-o",
            "out/report.html",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "the folder out/ does not exist"
    );
    std::fs::create_dir(folder.path().join("out")).unwrap();
    let output = factlint(
        folder.path(),
        &[
            "report",
            "--today",
            "2025-06-01",
            "--title",
            "Prüfbericht",
            "bericht.md",
            "-o",
            "out/report.html",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = std::fs::read_to_string(folder.path().join("out/report.html")).unwrap();
    assert!(page.contains("Prüfbericht"));
    assert!(page.contains("1,2 Mrd. Euro"));

    let output = factlint(folder.path(), &["report", "bericht.md", "-o", "bericht.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is one of the documents reported on"));
    assert!(
        std::fs::read_to_string(folder.path().join("bericht.md"))
            .unwrap()
            .starts_with("Der Konzern")
    );
}

#[test]
fn completions_are_generated_for_the_common_shells() {
    let folder = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let output = factlint(folder.path(), &["completions", shell]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains("changed-since"), "{shell}");
    }
}

/// A run that shows no hints does not compute them, and nothing it reports changes: the same
/// warnings, the same summary, hints when they fail the run, and FL900 exact beside a
/// suppression that names a hint.
#[test]
fn hints_left_out_change_nothing_that_is_reported() {
    let folder = tempfile::tempdir().unwrap();
    // `3,5 Mio. €` gets a conversion hint (FL140); `2.000` and `2000` a format warning.
    let text = "Die Firma zahlte 3,5 Mio. € für 2.000 GPUs.\n\nSpäter waren es 2000 GPUs.\n";
    write(folder.path(), "a.md", text);
    let shown = factlint(folder.path(), &["check", "--show-hints", "a.md"]);
    let hidden = factlint(folder.path(), &["check", "a.md"]);
    assert!(stdout(&shown).contains("FL140"), "{}", stdout(&shown));
    assert!(!stdout(&hidden).contains("FL140"));
    let warnings = |output: &Output| -> Vec<String> {
        stdout(output)
            .lines()
            .filter(|line| line.starts_with("warning"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(warnings(&shown), warnings(&hidden));
    assert!(!warnings(&hidden).is_empty());
    assert_eq!(hidden.status.code(), Some(1));
    // Hints that fail the run are computed.
    write(folder.path(), "b.md", "Sie zahlte 3,5 Mio. €.\n");
    let quiet = factlint(folder.path(), &["check", "--format", "github", "b.md"]);
    let failing = factlint(
        folder.path(),
        &["check", "--fail-on", "hint", "--format", "github", "b.md"],
    );
    assert_eq!(quiet.status.code(), Some(0), "{}", stdout(&quiet));
    assert_eq!(failing.status.code(), Some(1), "{}", stdout(&failing));
    // A suppression of the hint is used, not reported as unused (FL900).
    write(
        folder.path(),
        "c.md",
        "<!-- factlint-disable-next-line FL140 -->\nSie zahlte 3,5 Mio. €.\n",
    );
    let suppressed = factlint(folder.path(), &["check", "c.md"]);
    assert!(
        !stdout(&suppressed).contains("FL900"),
        "{}",
        stdout(&suppressed)
    );
    assert_eq!(suppressed.status.code(), Some(0), "{}", stdout(&suppressed));
    write(
        folder.path(),
        "d.md",
        "<!-- factlint-disable-next-line FL140 -->\nSie zahlte viel.\n",
    );
    let unused = factlint(folder.path(), &["check", "d.md"]);
    assert!(stdout(&unused).contains("FL900"), "{}", stdout(&unused));
}

/// A large document with many digits is checked while its findings are written, on the
/// writing thread: its findings are those of a session over its text, in their place among
/// the other documents', in every format, and the summary counts them.
#[test]
fn a_large_document_full_of_digits_is_checked_as_it_is_written() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", BROKEN);
    write(folder.path(), "c.md", BROKEN);
    // Over a MiB with over 131,072 digits, most of them in a code block (read cheaply), and
    // figures before and after it that contradict each other.
    let digits = "0123456789 ".repeat(100);
    let mut big = String::from(
        "# Bericht\n\nDie Firma beschäftigt 2.000 Leute. Der Anteil liegt bei 22.4 Prozent.\n\n```text\n",
    );
    for _ in 0..1_200 {
        big.push_str(&digits);
        big.push('\n');
    }
    big.push_str("```\n\nDie Firma beschäftigt 2000 Leute und zahlt 5 Millionen Euro.\n\n");
    big.push_str("Später waren es 13,5 Prozent. Die Firma beschäftigt 2.600 Leute.\n");
    assert!(big.len() > 1 << 20);
    write(folder.path(), "b.md", &big);

    let options = factlint::Options {
        today: Some(factlint::claims::Date {
            year: 2025,
            month: Some(6),
            day: Some(1),
        }),
        fact_max_age_days: Some(730),
        ..factlint::Options::default()
    };
    let session = factlint::Session::new(
        big.clone(),
        factlint::DocumentFormat::Markdown,
        options,
        factlint::rules::RuleSet::bundled(),
    );
    let expected: Vec<(String, usize, usize, String)> = session
        .findings()
        .into_iter()
        .map(|finding| {
            (
                finding.code.to_owned(),
                finding.span.start,
                finding.span.end,
                finding.message.clone(),
            )
        })
        .collect();
    assert!(expected.len() >= 4, "{expected:#?}");

    for threads in ["1", "2"] {
        let json = factlint(
            folder.path(),
            &[
                "check",
                "--today",
                "2025-06-01",
                "--format",
                "json",
                "-j",
                threads,
                ".",
            ],
        );
        let findings: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
        let files: Vec<&str> = findings
            .iter()
            .map(|finding| finding["file"].as_str().unwrap())
            .collect();
        let first_b = files.iter().position(|file| *file == "b.md").unwrap();
        assert!(files[..first_b].iter().all(|file| *file == "a.md"));
        assert!(
            files[first_b + expected.len()..]
                .iter()
                .all(|file| *file == "c.md")
        );
        let in_b: Vec<(String, usize, usize, String)> = findings
            .iter()
            .filter(|finding| finding["file"] == "b.md")
            .map(|finding| {
                (
                    finding["code"].as_str().unwrap().to_owned(),
                    finding["start"].as_u64().unwrap() as usize,
                    finding["end"].as_u64().unwrap() as usize,
                    finding["message"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(in_b, expected, "-j {threads}");
    }
    // The claims of the large document, read as they are written, are a session's.
    let claims = factlint(folder.path(), &["claims", "--format", "json", "b.md"]);
    let claims: Vec<serde_json::Value> = serde_json::from_slice(&claims.stdout).unwrap();
    let spans: Vec<(u64, u64)> = claims
        .iter()
        .map(|claim| {
            (
                claim["start"].as_u64().unwrap(),
                claim["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected_spans: Vec<(u64, u64)> = session
        .claims()
        .iter()
        .map(|claim| (claim.span.start as u64, claim.span.end as u64))
        .collect();
    assert_eq!(spans, expected_spans);
    // The table collects them all, the large document's included.
    let table = stdout(&factlint(folder.path(), &["claims", "a.md", "b.md"]));
    let rows = table
        .lines()
        .filter(|line| line.starts_with("b.md:"))
        .count();
    assert_eq!(rows, expected_spans.len(), "{table}");

    let all = factlint(
        folder.path(),
        &[
            "check",
            "--today",
            "2025-06-01",
            "--format",
            "jsonl",
            "-j",
            "2",
            ".",
        ],
    );
    let shown = stdout(&all).lines().count();
    let small = factlint::Session::new(
        BROKEN.to_owned(),
        factlint::DocumentFormat::Markdown,
        factlint::Options::default(),
        factlint::rules::RuleSet::bundled(),
    );
    let claims = session.claims().len() + 2 * small.claims().len();
    let human = stdout(&factlint(
        folder.path(),
        &[
            "check",
            "--today",
            "2025-06-01",
            "--show-hints",
            "-j",
            "2",
            ".",
        ],
    ));
    assert!(
        human.ends_with(&format!(") in 3 of 3 files; {claims} claims read\n"))
            && human.contains(&format!("summary: {shown} findings")),
        "{human}"
    );
}

/// Documents with more findings, or claims, than the documents checked ahead may hold
/// together (small ones, with few digits) are dropped there and checked again as their
/// output is written: nothing of them is lost, and each stays in its place among the others.
#[test]
fn documents_with_thousands_of_findings_lose_none_of_them() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "a.md", BROKEN);
    write(folder.path(), "c.md", BROKEN);
    // One over both limits alone (4,096 findings, 16,384 claims), two over them together.
    let mut expected = Vec::new();
    for (name, paragraphs) in [("b1.md", 5_000), ("b2.md", 2_500), ("b3.md", 2_500)] {
        let mut text = String::new();
        for at in 0..paragraphs {
            let gpus = if at % 2 == 0 { 5 } else { 7 };
            text.push_str(&format!(
                "Die Firma betreibt {gpus} GPUs. Sie zählt 1, 2, 3 und 4.\n\n"
            ));
        }
        assert!(text.len() < 1 << 20);
        write(folder.path(), name, &text);
        let session = factlint::Session::new(
            text,
            factlint::DocumentFormat::Markdown,
            factlint::Options::default(),
            factlint::rules::RuleSet::bundled(),
        );
        let findings: Vec<(usize, String)> = session
            .findings()
            .into_iter()
            .map(|finding| (finding.span.start, finding.message.clone()))
            .collect();
        expected.push((name, findings, session.claims().len()));
    }
    assert!(expected[0].1.len() > 4_096 && expected[0].2 > 16_384);
    assert!(expected[1].1.len() + expected[2].1.len() > 4_096);

    for threads in ["1", "2"] {
        let json = factlint(
            folder.path(),
            &["check", "--format", "json", "-j", threads, "."],
        );
        let findings: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
        let files: Vec<&str> = findings
            .iter()
            .map(|finding| finding["file"].as_str().unwrap())
            .collect();
        assert!(files.is_sorted(), "-j {threads}");
        assert_eq!(files.first(), Some(&"a.md"));
        assert_eq!(files.last(), Some(&"c.md"));
        let claims = stdout(&factlint(
            folder.path(),
            &["claims", "--format", "csv", "-j", threads, "."],
        ));
        for (name, expected_findings, expected_claims) in &expected {
            let found: Vec<(usize, String)> = findings
                .iter()
                .filter(|finding| finding["file"] == *name)
                .map(|finding| {
                    (
                        finding["start"].as_u64().unwrap() as usize,
                        finding["message"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            assert_eq!(&found, expected_findings, "{name}, -j {threads}");
            let rows = claims
                .lines()
                .filter(|line| line.starts_with(&format!("{name},")))
                .count();
            assert_eq!(rows, *expected_claims, "{name}, -j {threads}");
        }
    }
}
