//! Writes generated benchmark inputs to standard output; `scripts/bench/run.sh` compiles it with
//! plain `rustc` (it has no dependencies) and calls it once per file.
//!
//! ```text
//! generate articles en|de BYTES      number-dense Markdown articles, about BYTES long
//! generate pathological NAME BYTES   one pathological input (see `generate list`)
//! generate list                      the pathological inputs, one `NAME<TAB>description` a line
//! ```

#[path = "../../benches/support/generate.rs"]
mod generate;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = match args.as_slice() {
        ["articles", language, bytes] => {
            let language = match *language {
                "en" => generate::Language::English,
                "de" => generate::Language::German,
                _ => return usage(),
            };
            let Ok(bytes) = bytes.parse() else {
                return usage();
            };
            generate::articles(language, generate::SEED, bytes)
        }
        ["pathological", name, bytes] => {
            let Ok(bytes) = bytes.parse() else {
                return usage();
            };
            let Some(text) = generate::pathological(name, bytes) else {
                return usage();
            };
            text
        }
        ["list"] => generate::PATHOLOGICAL
            .iter()
            .map(|(name, what)| format!("{name}\t{what}\n"))
            .collect(),
        _ => return usage(),
    };
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: generate articles en|de BYTES | generate pathological NAME BYTES | generate list"
    );
    ExitCode::from(2)
}
