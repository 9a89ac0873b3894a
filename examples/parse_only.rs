//! The speed baseline for the benchmarks: walk and read Markdown files, parse them with
//! pulldown-cmark and iterate every event, doing nothing else.
//!
//! It uses the parser options of `src/document.rs` and walks directories as `factlint check`
//! does (the `ignore` crate, honouring `.gitignore` without requiring git, skipping hidden
//! files, reading `*.md`, `*.markdown` and `*.txt`), on one thread. Plain-text files are
//! parsed as Markdown too: the baseline is the parser, not factlint's format rules.
//!
//! ```text
//! cargo build --release --example parse_only
//! target/release/examples/parse_only bench-data/full
//! ```
//!
//! It prints one line to standard error: files, bytes, events and a checksum of the event
//! offsets, so that the work cannot be optimized away and two runs can be compared.

use std::path::Path;
use std::process::ExitCode;

use pulldown_cmark::{Options, Parser};

/// File name endings read when walking a directory (the same list as `factlint check`).
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: parse_only PATH...");
        return ExitCode::from(2);
    }
    let mut totals = Totals::default();
    for path in &paths {
        if Path::new(path).is_dir() {
            for entry in ignore::WalkBuilder::new(path)
                .require_git(false)
                .build()
                .flatten()
            {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|extension| extension.to_str())
                    .is_some_and(|extension| {
                        EXTENSIONS
                            .iter()
                            .any(|wanted| extension.eq_ignore_ascii_case(wanted))
                    });
                if is_file && wanted {
                    parse_file(entry.path(), &mut totals);
                }
            }
        } else {
            parse_file(Path::new(path), &mut totals);
        }
    }
    eprintln!(
        "parse_only: {} files, {} bytes, {} events, checksum {}, {} unreadable",
        totals.files, totals.bytes, totals.events, totals.checksum, totals.unreadable
    );
    ExitCode::SUCCESS
}

/// What the walk has seen so far.
#[derive(Default)]
struct Totals {
    files: u64,
    bytes: u64,
    events: u64,
    checksum: u64,
    unreadable: u64,
}

/// Reads one file as UTF-8 and iterates all its events with their source ranges.
#[expect(
    clippy::disallowed_methods,
    reason = "the baseline reads the files it parses, as the CLI does"
)]
fn parse_file(path: &Path, totals: &mut Totals) {
    let Ok(text) = std::fs::read_to_string(path) else {
        totals.unreadable += 1;
        return;
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        totals.events += 1;
        totals.checksum = totals
            .checksum
            .wrapping_mul(31)
            .wrapping_add((range.start ^ range.end) as u64);
        std::hint::black_box(&event);
    }
    totals.files += 1;
    totals.bytes += text.len() as u64;
}
