//! Command tests: each `tests/cmd/*.toml` runs the real binary and pins its output and exit
//! code. After a deliberate change, `TRYCMD=overwrite cargo test --test cli` rewrites the
//! expected output; review the diff before committing.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
