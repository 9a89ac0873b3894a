//! The command line: arguments, input files, and the output formats.
//!
//! This is an adapter. It reads files, the terminal and the environment, calls the core
//! (`factlint::analyze`) once per document, and renders the result. Errors here are for people:
//! each says which file and what to do, and one bad file never stops the others.

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
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factlint::config::{ConfigResolver, FailOn};
use factlint::rules::RuleSet;
use factlint::{Analysis, Language, Options, Severity};

use inputs::{Input, InputError, Source};
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

/// Facts older than this are flagged as possibly outdated unless the configuration says
/// otherwise: two years.
const DEFAULT_FACT_MAX_AGE_DAYS: u32 = 730;

/// One document read and analyzed, with what it was analyzed with.
pub(crate) struct Checked {
    pub input: Input,
    pub analysis: Analysis,
    /// How many claims were read (kept when the claims themselves are dropped).
    pub claim_count: usize,
    pub options: Options,
    pub rules: Option<Arc<RuleSet>>,
    /// The lowest severity that fails the run for this document.
    pub fail_on: FailOn,
}

impl Checked {
    /// Analyzes `text` again with the same options and rules (after fixes were applied).
    fn reanalyze(&mut self, text: String) {
        let rules = self.rules.as_deref().unwrap_or_else(|| RuleSet::bundled());
        self.analysis =
            factlint::analyze_with_rules(&text, self.input.format, &self.options, rules);
        self.input.text = text;
    }
}

/// What the command line decides for every document, over the configuration.
#[derive(Default)]
struct Overrides {
    fail_on: Option<FailOn>,
    reporting_currency: Option<String>,
    /// Keep only the number of claims (`check` needs no more, and claims are most of the
    /// memory a folder's run holds until its output is written).
    drop_claims: bool,
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

/// Finds, selects, reads and analyzes the documents. `Err` is a usage error already reported
/// (exit status 2), such as `--changed-since` outside a git repository.
fn analyze_all(
    paths: Vec<String>,
    selection: &Selection,
    common: &Common,
    overrides: &Overrides,
) -> Result<(Vec<Checked>, Vec<InputError>), ExitCode> {
    let paths = if paths.is_empty() {
        vec![".".to_owned()]
    } else {
        paths
    };
    let changed = match &selection.changed_since {
        None => None,
        Some(revision) => match select::changed_since(revision) {
            Ok(changed) => Some(changed),
            Err(message) => {
                eprintln!("factlint: error: {message}");
                return Err(ExitCode::from(2));
            }
        },
    };
    let (sources, mut errors) = inputs::collect(&paths, &common.stdin_filename);
    // Configuration is resolved up front, once per directory, so the parallel part reads no
    // settings.
    let mut resolver = ConfigResolver::new(common.config.as_deref());
    let today = common.today.unwrap_or_else(today);
    let mut jobs = Vec::new();
    for source in sources {
        if let (Some(changed), Source::File { path, .. }) = (&changed, &source)
            && !changed.contains(&select::canonical(Path::new(path)))
        {
            continue;
        }
        let config = resolver.for_document(match &source {
            Source::File { path, .. } => path,
            Source::Stdin(_) => "stdin",
        });
        if let (Source::File { path, walked }, Some(config)) = (&source, &config) {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| Path::new(path).into());
            if !config.selects(&absolute, *walked) {
                continue;
            }
        }
        if let Some(partition) = selection.partition
            && !partition.contains(source.name())
        {
            continue;
        }
        let mut options = Options {
            language: common.lang,
            reporting_currency: overrides.reporting_currency.clone(),
            today: Some(today),
            ..Options::default()
        };
        if let Some(config) = &config {
            config.apply(&mut options);
        }
        options.fact_max_age_days = options
            .fact_max_age_days
            .or(Some(DEFAULT_FACT_MAX_AGE_DAYS));
        let fail_on = overrides
            .fail_on
            .or_else(|| config.as_ref().and_then(|config| config.fail_on))
            .unwrap_or(FailOn::At(Severity::Warning));
        let rules = config.and_then(|config| config.rule_set.clone());
        jobs.push((source, options, rules, fail_on));
    }
    for error in resolver.errors.drain(..) {
        errors.push(InputError {
            path: error.path,
            message: error.message,
        });
    }
    let progress = progress::Progress::new(jobs.len());
    let work = || {
        jobs.into_par_iter()
            .map(|(source, options, rules, fail_on)| {
                let result = inputs::read(source).map(|mut input| {
                    // The session takes the text and gives it back: no copy of a large file.
                    let session = factlint::Session::new(
                        std::mem::take(&mut input.text),
                        input.format,
                        options.clone(),
                        rules.as_deref().unwrap_or_else(|| RuleSet::bundled()),
                    );
                    let (text, mut analysis) = session.into_parts();
                    input.text = text;
                    let claim_count = analysis.claims.len();
                    if overrides.drop_claims {
                        analysis.claims = Vec::new();
                        // Every output of `check` reads a document's text only to place its
                        // findings: a document without findings need not keep it.
                        if analysis.findings.is_empty() {
                            input.text = String::new();
                        }
                    }
                    Checked {
                        input,
                        analysis,
                        claim_count,
                        options,
                        rules,
                        fail_on,
                    }
                });
                progress.tick();
                result
            })
            .collect::<Vec<_>>()
    };
    let results = progress.run(!common.quiet, || match common.threads {
        Some(threads) => match rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()
        {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        },
        None => work(),
    });
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(done) => checked.push(done),
            Err(error) => errors.push(error),
        }
    }
    checked.sort_by(|a, b| a.input.name.cmp(&b.input.name));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((checked, errors))
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
        ..Overrides::default()
    };
    let (mut checked, mut errors) = match analyze_all(paths, selection, common, &overrides) {
        Ok(done) => done,
        Err(code) => return code,
    };
    if settings.diff {
        return print_diffs(&checked, &errors);
    }
    if settings.fix {
        apply_fixes(&mut checked, &mut errors, common.quiet);
    }
    report_errors(&errors);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match settings.format {
        CheckFormat::Human => output::human::write_check(
            &mut out,
            &checked,
            errors.len(),
            use_color(common.color),
            common.quiet,
            settings.show_hints,
        ),
        CheckFormat::Json => output::json::write_findings(&mut out, &checked),
        CheckFormat::Jsonl => output::json::write_findings_lines(&mut out, &checked),
        CheckFormat::Sarif => output::sarif::write_sarif(&mut out, &checked, &errors),
        CheckFormat::Github => {
            output::github::write_github(&mut out, &checked, errors.len(), settings.show_hints)
        }
        CheckFormat::Rdjson => {
            output::rdjson::write_rdjson(&mut out, &checked, settings.show_hints)
        }
    };
    if written.and_then(|()| out.flush()).is_err() {
        // A closed pipe (`factlint check | head`) is not an error worth a message.
        return ExitCode::from(if errors.is_empty() { 0 } else { 2 });
    }
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    let failed = checked.iter().any(|done| {
        done.analysis
            .findings
            .iter()
            .any(|finding| done.fail_on.fails(finding.severity))
    });
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
    let (checked, errors) = match analyze_all(paths, selection, common, &Overrides::default()) {
        Ok(done) => done,
        Err(code) => return code,
    };
    report_errors(&errors);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        ClaimsFormat::Table => output::table::write_table(&mut out, &checked, common.quiet),
        ClaimsFormat::Json => output::json::write_claims(&mut out, &checked),
        ClaimsFormat::Csv => output::table::write_csv(&mut out, &checked),
    };
    let _ = written.and_then(|()| out.flush());
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
