//! Tidy checks: the README's code table is generated from the checks' documentation, and
//! every source file says what it is for.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "tidy checks read the repository's files"
)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn codes_table() -> String {
    let mut table = String::from("| code | name | default | what it flags |\n|---|---|---|---|\n");
    for code in factlint::checks::CODES {
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            code.code,
            code.name,
            code.default_severity.as_str(),
            code.summary()
        ));
    }
    table
}

#[test]
fn readme_lists_every_code() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start_marker = "<!-- codes:start";
    let end_marker = "<!-- codes:end -->";
    let start = readme
        .find(start_marker)
        .expect("README has a codes:start marker");
    let table_start = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme
        .find(end_marker)
        .expect("README has a codes:end marker");
    let expected = codes_table();
    if readme[table_start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{}{}", &readme[..table_start], expected, &readme[end..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "README.md's code table is out of date; run `UPDATE_README=1 cargo test --test tidy`.\nExpected:\n{expected}"
            );
        }
    }
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_source_file_opens_with_a_doc_line() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        let dir = root().join(dir);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
    }
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if !text.starts_with("//!") {
            missing.push(file.strip_prefix(root()).unwrap().display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "files without a `//!` first line: {missing:?}"
    );
}

#[test]
fn every_code_is_explained_with_an_example() {
    for code in factlint::checks::CODES {
        let doc = code.documentation();
        assert!(doc.contains("```"), "{} has no example", code.code);
        assert!(
            doc.contains("## Fix safety"),
            "{} does not say whether its fix is safe",
            code.code
        );
    }
}

#[test]
fn the_core_knows_no_adapter() {
    // The adapters may do I/O and speak the protocol; nothing else may.
    let adapters = [
        "src/cli",
        "src/lsp",
        "src/config.rs",
        "src/main.rs",
        "src/lib.rs",
    ];
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut offenders = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if adapters.iter().any(|adapter| relative.starts_with(adapter)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for forbidden in [
            "tokio",
            "tower_lsp",
            "crate::lsp",
            "crate::config",
            "std::fs",
            "std::env",
            "std::process",
            "std::net",
            "std::thread",
        ] {
            if text.contains(forbidden) {
                offenders.push(format!("{relative} uses {forbidden}"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the core must stay pure: {offenders:#?}"
    );
}
