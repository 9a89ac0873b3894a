//! The command line: arguments, input files, and the output formats.
//!
//! This is an adapter. It reads files, the terminal and the environment, calls the core
//! (`factlint::analyze`) once per document, and renders the result. Errors here are for people:
//! each says which file and what to do, and one bad file never stops the others.

mod inputs;
mod output;
mod rules;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factlint::{Analysis, Language, Options, Severity};

use inputs::{Input, InputError};

/// A fact-check linter for numbers in English and German prose.
///
/// factlint finds every numeric claim in Markdown and plain text (values, scale words such as
/// "Milliarden" or "bn", bounds such as "at least" or "bis zu", ranges, units, currencies,
/// dates and durations) and flags figures that are malformed, inconsistent or ambiguous.
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
    /// Exit status: 0 when nothing is at or above --fail-on, 1 when something is, 2 when an
    /// input could not be read or an argument is wrong.
    Check {
        /// Files, directories (walked honouring .gitignore) or `-` for standard input.
        /// Directories yield *.md, *.markdown and *.txt files. Default: the current directory.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit with status 1 when a finding at or above this severity is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Also show hints (currency conversions, scale words spelled out) in human output.
        #[arg(long)]
        show_hints: bool,
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
        common: Common,
    },
    /// Explain a finding code (`factlint explain FL001`), or list all codes.
    Explain {
        /// A code such as FL001, or its name such as malformed-number.
        code: Option<String>,
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

#[derive(clap::Args, Debug)]
struct Common {
    /// The documents' language, overriding front matter, configuration and detection: en or de.
    #[arg(long, value_parser = parse_language)]
    lang: Option<Language>,
    /// Use this configuration file for every document instead of the nearest factlint.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<String>,
    /// The date facts' ages are counted to (YYYY-MM-DD; default: today), for reproducible runs.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<factlint::claims::Date>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The name (and so the format: .txt is plain text) of a document read from `-`.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// Print nothing but the findings or claims (no summary line).
    #[arg(long, short)]
    quiet: bool,
    /// Number of threads (default: one per core).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum ClaimsFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Hint,
    Info,
    Warning,
    Error,
    Never,
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

/// One document read and analyzed.
pub(crate) struct Checked {
    pub input: Input,
    pub analysis: Analysis,
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
            common,
        } => check(paths, format, fail_on, show_hints, &common),
        Command::Claims {
            paths,
            format,
            common,
        } => claims(paths, format, &common),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Rules { command } => rules::run(command),
        Command::Lsp => match factlint::lsp::run_stdio(today()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("factlint: error: cannot start the language server: {error}");
                ExitCode::from(2)
            }
        },
    }
}

fn analyze_all(paths: Vec<String>, common: &Common) -> (Vec<Checked>, Vec<InputError>) {
    let paths = if paths.is_empty() {
        vec![".".to_owned()]
    } else {
        paths
    };
    let (sources, mut errors) = inputs::collect(&paths, &common.stdin_filename);
    // Configuration is resolved up front, once per directory, so the parallel part reads no
    // settings.
    let mut resolver = factlint::config::ConfigResolver::new(common.config.as_deref());
    let today = common.today.unwrap_or_else(today);
    let jobs: Vec<(
        inputs::Source,
        Options,
        Option<std::sync::Arc<factlint::rules::RuleSet>>,
    )> = sources
        .into_iter()
        .map(|source| {
            let config = match &source {
                inputs::Source::File(path) => resolver.for_document(path),
                inputs::Source::Stdin(_) => resolver.for_document("stdin"),
            };
            let options = Options {
                language: common.lang,
                project_language: config.as_ref().and_then(|config| config.language),
                reporting_currency: config
                    .as_ref()
                    .and_then(|config| config.reporting_currency.clone()),
                fact_max_age_days: Some(
                    config
                        .as_ref()
                        .and_then(|config| config.fact_max_age_days)
                        .unwrap_or(DEFAULT_FACT_MAX_AGE_DAYS),
                ),
                today: Some(today),
                ..Options::default()
            };
            let rules = config.and_then(|config| config.rule_set.clone());
            (source, options, rules)
        })
        .collect();
    for error in resolver.errors.drain(..) {
        errors.push(InputError {
            path: error.path,
            message: error.message,
        });
    }
    let work = || {
        jobs.into_par_iter()
            .map(|(source, options, rules)| match inputs::read(source) {
                Ok(input) => {
                    let rules = rules
                        .as_deref()
                        .unwrap_or_else(|| factlint::rules::RuleSet::bundled());
                    let analysis =
                        factlint::analyze_with_rules(&input.text, input.format, &options, rules);
                    Ok(Checked { input, analysis })
                }
                Err(error) => Err(error),
            })
            .collect::<Vec<_>>()
    };
    let results = match common.threads {
        Some(threads) => match rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()
        {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        },
        None => work(),
    };
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(done) => checked.push(done),
            Err(error) => errors.push(error),
        }
    }
    checked.sort_by(|a, b| a.input.name.cmp(&b.input.name));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    (checked, errors)
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

fn check(
    paths: Vec<String>,
    format: CheckFormat,
    fail_on: FailOn,
    show_hints: bool,
    common: &Common,
) -> ExitCode {
    let (checked, errors) = analyze_all(paths, common);
    report_errors(&errors);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        CheckFormat::Human => output::human::write_check(
            &mut out,
            &checked,
            errors.len(),
            use_color(common.color),
            common.quiet,
            show_hints,
        ),
        CheckFormat::Json => output::json::write_findings(&mut out, &checked),
    };
    if written.and_then(|()| out.flush()).is_err() {
        // A closed pipe (`factlint check | head`) is not an error worth a message.
        return ExitCode::from(if errors.is_empty() { 0 } else { 2 });
    }
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    let threshold = match fail_on {
        FailOn::Hint => Some(Severity::Hint),
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|threshold| {
        checked.iter().any(|done| {
            done.analysis
                .findings
                .iter()
                .any(|finding| finding.severity >= threshold)
        })
    });
    ExitCode::from(u8::from(failed))
}

fn claims(paths: Vec<String>, format: ClaimsFormat, common: &Common) -> ExitCode {
    let (checked, errors) = analyze_all(paths, common);
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
