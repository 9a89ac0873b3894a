//! Compiles every `rules/*.toml` file into the binary: writes the list that
//! `src/rules/mod.rs` includes, so adding a pack needs no code change.

#![allow(
    clippy::disallowed_methods,
    reason = "a build script reads the rules folder and writes to OUT_DIR"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a build script fails the build by panicking, with the message cargo shows"
)]

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let rules = Path::new(&root).join("rules");
    println!("cargo::rerun-if-changed=rules");
    let mut files: Vec<String> = std::fs::read_dir(&rules)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for name in &files {
        let path = rules.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            format!("rules/{name}"),
            path.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("bundled_rules.rs"), out).expect("OUT_DIR is writable");
}
