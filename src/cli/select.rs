//! Choosing which documents a run checks: `--changed-since REV` (through `git`) and
//! `--partition hash:K/N` (a stable hash of each path, so parallel CI jobs split the work).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `--partition hash:K/N`: this run checks the documents whose path hashes to part K of N.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Partition {
    /// 1-based.
    pub part: u64,
    pub parts: u64,
}

impl Partition {
    /// Parses `hash:K/N` with 1 ≤ K ≤ N.
    pub fn parse(text: &str) -> Result<Partition, String> {
        let usage = "write `hash:K/N` with 1 ≤ K ≤ N, e.g. `--partition hash:2/4` for the second of four parts";
        let Some(rest) = text.trim().strip_prefix("hash:") else {
            return Err(format!("`{text}` is not a partition; {usage}"));
        };
        let Some((part, parts)) = rest.split_once('/') else {
            return Err(format!("`{text}` is not a partition; {usage}"));
        };
        match (part.trim().parse::<u64>(), parts.trim().parse::<u64>()) {
            (Ok(part), Ok(parts)) if parts >= 1 && (1..=parts).contains(&part) => {
                Ok(Partition { part, parts })
            }
            (Ok(part), Ok(parts)) => Err(format!("part {part} of {parts} does not exist; {usage}")),
            _ => Err(format!("`{text}` is not a partition; {usage}")),
        }
    }

    /// Whether the document named `name` belongs to this part. The name is normalised (forward
    /// slashes, no leading `./`) so that every run of the same command splits the same way.
    pub fn contains(self, name: &str) -> bool {
        fnv1a(normalise(name).as_bytes()) % self.parts == self.part - 1
    }
}

/// A path with `/` separators and without a leading `./`, as the partition hashes it.
pub(crate) fn normalise(name: &str) -> String {
    let mut text = name.replace('\\', "/");
    while let Some(rest) = text.strip_prefix("./") {
        text = rest.to_owned();
    }
    text
}

/// 64-bit FNV-1a: small, stable across platforms and releases.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The files changed since `revision` (committed, staged or not) plus untracked files that
/// are not ignored, as absolute paths. Deleted files are left out.
pub(crate) fn changed_since(revision: &str) -> Result<HashSet<PathBuf>, String> {
    let toplevel = git(&["rev-parse", "--show-toplevel"])
        .map_err(|error| format!("--changed-since needs a git repository: {error}"))?;
    let toplevel = PathBuf::from(toplevel.trim_end_matches(['\n', '\r']));
    let commit = format!("{revision}^{{commit}}");
    if git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &commit,
    ])
    .is_err()
    {
        return Err(format!(
            "--changed-since: `{revision}` is not a revision of this repository; name a commit, branch or tag (e.g. `origin/main`, `HEAD~1`)"
        ));
    }
    let mut changed = HashSet::new();
    let diff = git(&[
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--diff-filter=d",
        revision,
        "--",
    ])
    .map_err(|error| format!("--changed-since: {error}"))?;
    let untracked = git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "--full-name",
        "-z",
        "--",
        ":/",
    ])
    .map_err(|error| format!("--changed-since: {error}"))?;
    for name in diff.split('\0').chain(untracked.split('\0')) {
        if !name.is_empty() {
            changed.insert(canonical(&toplevel.join(name)));
        }
    }
    Ok(changed)
}

/// A path made absolute with symbolic links resolved where it exists, so paths from git and
/// from the command line compare equal.
pub(crate) fn canonical(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Runs `git` with `args` in the working directory; its standard output, or why it failed.
fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git ({error}); is git installed?"))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(if message.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            message
        });
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a path that is not UTF-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_parse_and_reject_bad_values() {
        assert_eq!(
            Partition::parse("hash:2/4"),
            Ok(Partition { part: 2, parts: 4 })
        );
        for bad in [
            "hash:0/4", "hash:5/4", "hash:1/0", "2/4", "hash:a/b", "hash:1",
        ] {
            assert!(Partition::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_name_falls_in_exactly_one_part() {
        let names: Vec<String> = (0..200).map(|i| format!("docs/{i}/artikel-ä.md")).collect();
        for parts in 1..=5 {
            for name in &names {
                let owners = (1..=parts)
                    .filter(|&part| Partition { part, parts }.contains(name))
                    .count();
                assert_eq!(owners, 1, "{name} in {parts} parts");
            }
        }
    }

    #[test]
    fn the_hash_ignores_how_the_path_was_written() {
        let partition = Partition { part: 1, parts: 7 };
        assert_eq!(
            partition.contains("./docs/a.md"),
            partition.contains("docs/a.md")
        );
        assert_eq!(
            partition.contains("docs\\a.md"),
            partition.contains("docs/a.md")
        );
        // FNV-1a of the empty input and of "a" (published test vectors).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
