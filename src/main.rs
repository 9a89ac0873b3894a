//! The `factlint` binary: the command-line adapter around the core library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
