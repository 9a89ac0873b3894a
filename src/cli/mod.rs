//! The command line: arguments, input files, and the output formats.
//!
//! This is an adapter. It reads files, the terminal and the environment, calls the core
//! (`factlint::analyze`) once per document, and renders the result. Errors here are for people:
//! each says which file and what to do, and one bad file never stops the others.

mod analyze;
mod fix;
mod inputs;
mod output;
mod progress;
mod report;
mod rules;
mod select;
mod show_config;
mod translate;

use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use factlint::config::FailOn;
use factlint::rules::RuleSet;
use factlint::{Analysis, Language, Severity};

pub(crate) use analyze::Checked;
use analyze::{DEFAULT_FACT_MAX_AGE_DAYS, Overrides, analyze_all};
use inputs::InputError;
use output::{Emitter, Totals};
use select::Partition;

/// A fact-check linter for numbers in English and German prose.
///
/// factlint finds every numeric claim in Markdown and plain text (values, scale words such as
/// "Milliarden" or "bn", bounds such as "at least" or "bis zu", ranges, units, currencies,
/// dates and durations) and flags figures that are malformed, inconsistent or ambiguous.
///
/// Configuration: the nearest factlint.toml (or .factlint.toml) above each document applies;
/// `factlint config PATH` shows what applies to a path and where each value comes from.
#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    about,
    long_about,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check documents and report findings.
    ///
    /// Exit status: 0 when nothing is at or above --fail-on, 1 when something is (with --diff:
    /// when a fix would change a file), 2 when an input could not be read or an argument is
    /// wrong.
    Check {
        /// Files, directories (walked honouring .gitignore) or `-` for standard input.
        /// Directories yield *.md, *.markdown and *.txt files. Default: the current directory.
        paths: Vec<String>,
        /// Output format: human (rustc-style snippets), json (an array of findings), jsonl (one
        /// finding per line; outputs of partitions merge by concatenation), sarif (SARIF 2.1.0
        /// for GitHub code scanning), github (GitHub Actions annotations), rdjson (reviewdog).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit with status 1 when a finding at or above this severity is reported. Default:
        /// `fail_on` of the configuration, else warning.
        #[arg(long, value_enum, value_name = "SEVERITY")]
        fail_on: Option<FailOnArg>,
        /// Also show hints (currency conversions, scale words spelled out) in human, github and
        /// rdjson output; json, jsonl and sarif always have them.
        #[arg(long)]
        show_hints: bool,
        /// Apply the safe fixes (those that change only how a number is written) to the files,
        /// then report what is left. Suggestions are never applied. A file changed on disk
        /// while it was checked is not written.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print a unified diff of what --fix would change, and write nothing.
        #[arg(long)]
        diff: bool,
        #[command(flatten)]
        selection: Selection,
        #[command(flatten)]
        common: Common,
    },
    /// List every numeric claim: the worksheet a fact-checker fills in.
    Claims {
        /// Files, directories or `-` for standard input. Default: the current directory.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
        #[command(flatten)]
        selection: Selection,
        #[command(flatten)]
        common: Common,
    },
    /// Compare a document with its translation: every figure must say the same.
    ///
    /// Pairs the claims of both documents (English and German in either direction) and
    /// reports what drifted: a changed value, a scale word rendered as its false friend, a
    /// changed bound, unit or kind, and figures missing in or added by the translation.
    /// Exit status: 0 when they agree, 1 when they disagree, 2 on errors.
    Diff {
        /// The original document.
        original: String,
        /// Its translation.
        translation: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Use this configuration file instead of the nearest factlint.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<String>,
        /// The date facts' ages are counted to (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<factlint::claims::Date>,
    },
    /// Write the claims report: one self-contained HTML page with every claim, its status
    /// against the reference facts, and charts.
    Report {
        /// Files or directories to report on.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Where to write the HTML page (never one of the inputs; written atomically).
        #[arg(long, short, value_name = "FILE")]
        output: String,
        /// The page's title. Default: "factlint claims report".
        #[arg(long)]
        title: Option<String>,
        /// The currency money is shown in (ISO 4217). Default: reporting_currency of the
        /// configuration of the first document, else USD.
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Show the configuration that applies to a path and where each value comes from.
    Config {
        /// A document or folder. Default: the current directory.
        path: Option<String>,
        /// Use this configuration file instead of the nearest factlint.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<String>,
        /// A language given on the command line (shown as coming from the flag).
        #[arg(long, value_parser = parse_language)]
        lang: Option<Language>,
        /// A --fail-on given on the command line (shown as coming from the flag).
        #[arg(long, value_enum, value_name = "SEVERITY")]
        fail_on: Option<FailOnArg>,
    },
    /// Explain a finding code (`factlint explain FL001`), or list all codes.
    Explain {
        /// A code such as FL001, or its name such as malformed-number.
        code: Option<String>,
    },
    /// Print a shell completion script: `factlint completions bash > ~/.local/share/bash-completion/completions/factlint`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run the language server on standard input and output (for editors).
    Lsp,
    /// Rule files: validate them, list what they hold, print their JSON Schema.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// Validate rule files (with the bundled packs, so references between them resolve).
    ///
    /// Without files: the bundled packs and the rule files named by the configuration that
    /// applies to the current directory. Exit status 1 when a problem is found.
    Check {
        /// Rule files (TOML).
        files: Vec<String>,
        /// Use this configuration file instead of the nearest factlint.toml.
        #[arg(long, value_name = "PATH")]
        config: Option<String>,
    },
    /// List the packs, facts, rates and checks in force.
    List {
        /// Also read these rule files.
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
    },
    /// Print the JSON Schema of rule files, for TOML editors.
    Schema,
}

/// Which of the documents found a run checks.
#[derive(clap::Args, Debug)]
struct Selection {
    /// Check only files changed since this git revision (committed, staged or not) and
    /// untracked files that are not ignored. Default: every file.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Check only part K of N: the files whose path hashes (FNV-1a) to K, for splitting a job
    /// across parallel CI runners. The parts of N are disjoint and together cover every file.
    /// Default: every file.
    #[arg(long, value_name = "hash:K/N", value_parser = Partition::parse)]
    partition: Option<Partition>,
}

#[derive(clap::Args, Debug)]
struct Common {
    /// The documents' language, overriding front matter, configuration and detection: en or
    /// de. Default: front matter, then `language` of the configuration, then detection.
    #[arg(long, value_parser = parse_language)]
    lang: Option<Language>,
    /// Use this configuration file for every document instead of the nearest factlint.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<String>,
    /// The date facts' ages are counted to (YYYY-MM-DD; default: today), for reproducible runs.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<factlint::claims::Date>,
    /// When to colour the output: auto colours only on a terminal and without NO_COLOR.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The name (and so the format: .txt is plain text) of a document read from `-`.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// Print nothing but the findings or claims: no summary line, no progress.
    #[arg(long, short)]
    quiet: bool,
    /// Number of threads. Default: one per core.
    #[arg(long, short = 'j')]
    threads: Option<usize>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
    Jsonl,
    Sarif,
    Github,
    Rdjson,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum ClaimsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum DiffFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum FailOnArg {
    Hint,
    Info,
    Warning,
    Error,
    Never,
}

impl FailOnArg {
    fn threshold(self) -> FailOn {
        match self {
            FailOnArg::Hint => FailOn::At(Severity::Hint),
            FailOnArg::Info => FailOn::At(Severity::Info),
            FailOnArg::Warning => FailOn::At(Severity::Warning),
            FailOnArg::Error => FailOn::At(Severity::Error),
            FailOnArg::Never => FailOn::Never,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_date(text: &str) -> Result<factlint::claims::Date, String> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let parsed = match parts.as_slice() {
        [year, month, day] => year
            .parse()
            .ok()
            .zip(month.parse().ok())
            .zip(day.parse().ok()),
        _ => None,
    };
    match parsed {
        Some(((year, month), day)) if (1..=12).contains(&month) && (1..=31).contains(&day) => {
            Ok(factlint::claims::Date {
                year,
                month: Some(month),
                day: Some(day),
            })
        }
        _ => Err(format!(
            "`{text}` is not a date; write YYYY-MM-DD, e.g. 2025-01-27"
        )),
    }
}

/// Today's date in UTC, from the system clock.
fn today() -> factlint::claims::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    factlint::claims::Date {
        year,
        month: Some(month),
        day: Some(day),
    }
}

fn parse_language(text: &str) -> Result<Language, String> {
    Language::parse(text).ok_or_else(|| format!("unknown language `{text}`; use `en` or `de`"))
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check {
            paths,
            format,
            fail_on,
            show_hints,
            fix,
            diff,
            selection,
            common,
        } => check(
            paths,
            CheckSettings {
                format,
                fail_on: fail_on.map(FailOnArg::threshold),
                show_hints,
                fix,
                diff,
            },
            &selection,
            &common,
        ),
        Command::Claims {
            paths,
            format,
            selection,
            common,
        } => claims(paths, format, &selection, &common),
        Command::Diff {
            original,
            translation,
            format,
            config,
            today: date,
        } => translate::run(
            &original,
            &translation,
            format == DiffFormat::Json,
            config.as_deref(),
            date.unwrap_or_else(today),
        ),
        Command::Report {
            paths,
            output,
            title,
            currency,
            common,
        } => report::run(paths, &output, title, currency, &common),
        Command::Config {
            path,
            config,
            lang,
            fail_on,
        } => show_config::run(
            path.as_deref().unwrap_or("."),
            config.as_deref(),
            lang,
            fail_on.map(FailOnArg::threshold),
        ),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "factlint", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Rules { command } => rules::run(command),
        Command::Lsp => match factlint::lsp::run_stdio(today()) {
            Ok(clean) => ExitCode::from(u8::from(!clean)),
            Err(error) => {
                eprintln!("factlint: error: cannot start the language server: {error}");
                ExitCode::from(2)
            }
        },
    }
}

fn report_errors(errors: &[InputError]) {
    let stderr = std::io::stderr();
    let mut stderr = stderr.lock();
    for error in errors {
        let _ = writeln!(stderr, "factlint: error: {}: {}", error.path, error.message);
    }
}

#[expect(clippy::disallowed_methods, reason = "the CLI adapter reads NO_COLOR")]
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The options of `factlint check` beyond the documents.
struct CheckSettings {
    format: CheckFormat,
    fail_on: Option<FailOn>,
    show_hints: bool,
    fix: bool,
    diff: bool,
}

fn check(
    paths: Vec<String>,
    settings: CheckSettings,
    selection: &Selection,
    common: &Common,
) -> ExitCode {
    let overrides = Overrides {
        fail_on: settings.fail_on,
        drop_claims: true,
        chunked: !(settings.fix || settings.diff),
        defer_large: !(settings.fix || settings.diff),
        // Formats that leave hints out need not compute them.
        skip_hints: !settings.show_hints
            && matches!(
                settings.format,
                CheckFormat::Human | CheckFormat::Github | CheckFormat::Rdjson
            ),
        // They show no explanation without a computation or a source either.
        skip_plain_explanations: matches!(
            settings.format,
            CheckFormat::Human | CheckFormat::Github | CheckFormat::Rdjson
        ),
        ..Overrides::default()
    };
    if settings.fix || settings.diff {
        return check_all_at_once(paths, &settings, selection, common, &overrides);
    }
    let (jobs, mut errors) = match analyze::plan(paths, selection, common, &overrides) {
        Ok(planned) => planned,
        Err(code) => return code,
    };
    let mut emitter = emitter(&settings, common);
    let mut totals = Totals::new(settings.show_hints);
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut written = emitter.begin(&mut out);
    // Output goes out in pieces of whole findings, between two draws of the progress line.
    let mut document_output = Vec::new();
    analyze::analyze_in_order(jobs, common, &overrides, |result, progress| {
        match result {
            Ok(done) => {
                failed |= write_document(
                    emitter.as_mut(),
                    &done,
                    &mut totals,
                    &mut document_output,
                    &mut written,
                    &mut |piece| write_piece(&mut out, progress, piece),
                );
            }
            Err(error) => errors.push(error),
        }
        if written.is_ok() {
            analyze::Wanted::Everything
        } else {
            analyze::Wanted::Errors
        }
    });
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    // The errors go to standard error after the documents' output and before the summary,
    // which refers to them as "above".
    let written = written.and_then(|()| out.flush());
    report_errors(&errors);
    let written = written
        .and_then(|()| emitter.end(&mut out, &totals, &errors))
        .and_then(|()| out.flush());
    exit_status(written, &errors, failed)
}

/// `check --fix` and `check --diff`, which need every document before they write anything.
fn check_all_at_once(
    paths: Vec<String>,
    settings: &CheckSettings,
    selection: &Selection,
    common: &Common,
    overrides: &Overrides,
) -> ExitCode {
    let (mut checked, mut errors) = match analyze_all(paths, selection, common, overrides) {
        Ok(done) => done,
        Err(code) => return code,
    };
    if settings.diff {
        return print_diffs(&checked, &errors);
    }
    apply_fixes(&mut checked, &mut errors, common.quiet);
    report_errors(&errors);
    let mut emitter = emitter(settings, common);
    let mut totals = Totals::new(settings.show_hints);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut written = emitter.begin(&mut out);
    let mut document_output = Vec::new();
    let mut failed = false;
    for done in &checked {
        failed |= write_document(
            emitter.as_mut(),
            done,
            &mut totals,
            &mut document_output,
            &mut written,
            &mut |piece| out.write_all(piece),
        );
    }
    let written = written
        .and_then(|()| emitter.end(&mut out, &totals, &errors))
        .and_then(|()| out.flush());
    exit_status(written, &errors, failed)
}

/// Writes a piece of output between two draws of the progress line.
fn write_piece(
    out: &mut impl Write,
    progress: &progress::Progress,
    piece: &[u8],
) -> std::io::Result<()> {
    progress.suspend(|| {
        out.write_all(piece)?;
        if progress.shares_screen() {
            out.flush()?;
        }
        Ok(())
    })
}

/// How many bytes of a document's output are gathered before they are written.
const OUTPUT_PIECE: usize = 64 << 10;

/// Writes the findings of one document through `emitter` and counts them in `totals`; a
/// deferred document is checked here, as its findings are written. The output is gathered in
/// `buffer` and handed to `flush` in pieces of whole findings; once writing fails, `written`
/// keeps the error and the findings are only counted. Returns whether a finding fails the run.
fn write_document(
    emitter: &mut dyn Emitter,
    done: &Checked,
    totals: &mut Totals,
    buffer: &mut Vec<u8>,
    written: &mut std::io::Result<()>,
    flush: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> bool {
    let mut pieces = DocumentOutput {
        done,
        index: None,
        buffer,
        written,
        flush,
    };
    let mut any_shown = false;
    let mut failed = false;
    let mut write = |finding: &factlint::Finding| {
        let shown = totals.add_finding(finding);
        any_shown |= shown;
        failed |= done.fail_on.fails(finding.severity);
        if shown || emitter.carries_hidden_findings() {
            pieces.write(|out, document| emitter.finding(out, document, finding));
        }
    };
    let claims = if done.deferred {
        done.check_in_chunks(&mut |finding| {
            write(&finding);
            ControlFlow::Continue(())
        })
    } else {
        done.analysis.findings.iter().for_each(&mut write);
        done.claim_count
    };
    pieces.finish();
    totals.add_document(claims, any_shown);
    failed
}

/// The output of one document, gathered in pieces of whole items (findings or claims) and
/// handed to `flush` whenever it holds `OUTPUT_PIECE` bytes, and at the end; once writing
/// fails, `written` keeps the error and nothing more is written.
struct DocumentOutput<'a> {
    done: &'a Checked,
    /// Built on the first item: a document without any needs none.
    index: Option<factlint::LineIndex>,
    buffer: &'a mut Vec<u8>,
    written: &'a mut std::io::Result<()>,
    flush: &'a mut dyn FnMut(&[u8]) -> std::io::Result<()>,
}

impl DocumentOutput<'_> {
    /// Writes one item with `write`.
    fn write(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>, &output::DocumentView) -> std::io::Result<()>,
    ) {
        if self.written.is_err() {
            return;
        }
        let text = &self.done.input.text;
        let index = self
            .index
            .get_or_insert_with(|| factlint::LineIndex::new(text));
        let document = output::DocumentView {
            name: &self.done.input.name,
            text,
            index,
        };
        *self.written = write(self.buffer, &document);
        if self.written.is_ok() && self.buffer.len() >= OUTPUT_PIECE {
            *self.written = (self.flush)(self.buffer);
            self.buffer.clear();
        }
    }

    /// Hands over what is left.
    fn finish(self) {
        if self.written.is_ok() && !self.buffer.is_empty() {
            *self.written = (self.flush)(self.buffer);
        }
        self.buffer.clear();
    }
}

/// The emitter of the format `check` writes.
fn emitter(settings: &CheckSettings, common: &Common) -> Box<dyn Emitter> {
    match settings.format {
        CheckFormat::Human => Box::new(output::human::HumanEmitter::new(
            use_color(common.color),
            common.quiet,
        )),
        CheckFormat::Json => Box::new(output::json::JsonEmitter::default()),
        CheckFormat::Jsonl => Box::new(output::json::JsonLinesEmitter),
        CheckFormat::Sarif => Box::new(output::sarif::SarifEmitter::new()),
        CheckFormat::Github => Box::new(output::github::GithubEmitter),
        CheckFormat::Rdjson => Box::new(output::rdjson::RdjsonEmitter::new()),
    }
}

/// The exit status of `check`: 2 when an input could not be read, else 1 when a finding
/// fails the run. When the output could not be written, only the inputs count.
fn exit_status(written: std::io::Result<()>, errors: &[InputError], failed: bool) -> ExitCode {
    if let Err(error) = written {
        // A closed pipe (`factlint check | head`) is not an error worth a message.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factlint: error: cannot write the output: {error}");
        }
        return ExitCode::from(if errors.is_empty() { 0 } else { 2 });
    }
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    ExitCode::from(u8::from(failed))
}

/// `check --diff`: the unified diff of every file the safe fixes would change. Exit status 1
/// when there is one, 2 when an input could not be read.
fn print_diffs(checked: &[Checked], errors: &[InputError]) -> ExitCode {
    report_errors(errors);
    let mut out = std::io::stdout().lock();
    let mut changes = false;
    for done in checked {
        let (fixed, applied, _) = fixed_text(done);
        if applied > 0 && fixed != done.input.text {
            changes = true;
            let diff = fix::unified_diff(&done.input.name, &done.input.text, &fixed);
            if write!(out, "{diff}").is_err() {
                break;
            }
        }
    }
    ExitCode::from(if !errors.is_empty() {
        2
    } else {
        u8::from(changes)
    })
}

/// How often `--fix` applies fixes to the same text before it writes the file.
const FIX_PASSES: usize = 4;

/// The text of a document with its safe fixes applied, how many were applied, and the
/// analysis of the fixed text. Fixes that overlapped one already applied get their turn in the
/// next pass, up to `FIX_PASSES`.
fn fixed_text(done: &Checked) -> (String, usize, Option<Analysis>) {
    let mut fixed = done.input.text.clone();
    let mut applied = 0;
    let mut analysis: Option<Analysis> = None;
    for _ in 0..FIX_PASSES {
        let findings = analysis
            .as_ref()
            .map_or(&done.analysis.findings, |analysis| &analysis.findings);
        let (next, count) = fix::apply_safe_fixes(&fixed, findings);
        if count == 0 || next == fixed {
            break;
        }
        applied += count;
        let rules = done.rules.as_deref().unwrap_or_else(|| RuleSet::bundled());
        analysis = Some(factlint::analyze_with_rules(
            &next,
            done.input.format,
            &done.options,
            rules,
        ));
        fixed = next;
    }
    (fixed, applied, analysis)
}

/// `check --fix`: writes the safe fixes of every file, then analyzes the fixed text again so
/// that what is reported is what is left. A file that cannot be written becomes an error.
fn apply_fixes(checked: &mut [Checked], errors: &mut Vec<InputError>, quiet: bool) {
    let mut fixed_findings = 0;
    let mut fixed_files = 0;
    for done in checked.iter_mut() {
        let (fixed, applied, analysis) = fixed_text(done);
        if applied == 0 || fixed == done.input.text {
            continue;
        }
        if done.input.stdin {
            errors.push(InputError {
                path: done.input.name.clone(),
                message: "standard input cannot be fixed in place; use --diff to see the fixes"
                    .to_owned(),
            });
            continue;
        }
        match fix::write_atomically(Path::new(&done.input.name), &done.input.text, &fixed) {
            Ok(()) => {
                fixed_findings += applied;
                fixed_files += 1;
                done.input.text = fixed;
                if let Some(analysis) = analysis {
                    done.analysis = analysis;
                }
            }
            Err(error) => errors.push(InputError {
                path: done.input.name.clone(),
                message: error.to_string(),
            }),
        }
    }
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    if !quiet && fixed_files > 0 {
        eprintln!(
            "factlint: fixed {fixed_findings} finding{} in {fixed_files} file{}",
            if fixed_findings == 1 { "" } else { "s" },
            if fixed_files == 1 { "" } else { "s" },
        );
    }
}

fn claims(
    paths: Vec<String>,
    format: ClaimsFormat,
    selection: &Selection,
    common: &Common,
) -> ExitCode {
    let overrides = Overrides {
        claims_only: true,
        // The table's columns fit the widest cell: it needs every claim first.
        defer_large: format != ClaimsFormat::Table,
        ..Overrides::default()
    };
    if format == ClaimsFormat::Table {
        let (checked, errors) = match analyze_all(paths, selection, common, &overrides) {
            Ok(done) => done,
            Err(code) => return code,
        };
        report_errors(&errors);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let _ =
            output::table::write_table(&mut out, &checked, common.quiet).and_then(|()| out.flush());
        return ExitCode::from(if errors.is_empty() { 0 } else { 2 });
    }
    // JSON and CSV are written a claim at a time, documents in name order.
    let (jobs, mut errors) = match analyze::plan(paths, selection, common, &overrides) {
        Ok(planned) => planned,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut json = output::json::ClaimsJson::default();
    let mut written = match format {
        ClaimsFormat::Csv => output::table::write_csv_header(&mut out),
        _ => Ok(()),
    };
    let mut buffer = Vec::new();
    analyze::analyze_in_order(jobs, common, &overrides, |result, progress| {
        let done = match result {
            Ok(done) => done,
            Err(error) => {
                errors.push(error);
                return analyze::Wanted::Everything;
            }
        };
        let mut flush = |piece: &[u8]| write_piece(&mut out, progress, piece);
        let mut pieces = DocumentOutput {
            done: &done,
            index: None,
            buffer: &mut buffer,
            written: &mut written,
            flush: &mut flush,
        };
        let mut write = |claim: &factlint::Claim| {
            pieces.write(|out, document| match format {
                ClaimsFormat::Csv => output::table::write_csv_row(out, document, claim),
                _ => json.claim(out, document, claim),
            });
        };
        if done.deferred {
            done.claims_in_chunks(&mut |claim| {
                write(&claim);
                ControlFlow::Continue(())
            });
        } else {
            done.analysis.claims.iter().for_each(&mut write);
        }
        pieces.finish();
        if written.is_ok() {
            analyze::Wanted::Everything
        } else {
            analyze::Wanted::Errors
        }
    });
    if format == ClaimsFormat::Json {
        written = written.and_then(|()| json.end(&mut out));
    }
    let _ = written.and_then(|()| out.flush());
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    report_errors(&errors);
    ExitCode::from(if errors.is_empty() { 0 } else { 2 })
}

fn explain(code: Option<&str>) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match code {
        None => {
            for code in factlint::checks::CODES {
                let _ = writeln!(
                    out,
                    "{}  {:<32} {:<8} {}",
                    code.code,
                    code.name,
                    code.default_severity.as_str(),
                    code.summary()
                );
            }
            ExitCode::SUCCESS
        }
        Some(wanted) => match factlint::checks::lookup(wanted) {
            Some(code) => {
                let _ = writeln!(out, "# {} {}\n", code.code, code.name);
                let _ = writeln!(
                    out,
                    "Default severity: {}\n",
                    code.default_severity.as_str()
                );
                let _ = write!(out, "{}", code.documentation());
                ExitCode::SUCCESS
            }
            None => {
                let known: Vec<&str> = factlint::checks::CODES
                    .iter()
                    .map(|code| code.code)
                    .collect();
                eprintln!(
                    "factlint: error: unknown code `{wanted}`; known codes: {}",
                    known.join(", ")
                );
                ExitCode::from(2)
            }
        },
    }
}
