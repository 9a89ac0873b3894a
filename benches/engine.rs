//! Criterion benchmarks of `factlint::analyze`: real Markdown, number-dense English and German
//! text, and small pathological inputs, each reported as throughput in bytes per second.
//!
//! ```text
//! cargo bench --bench engine                  # everything, a few minutes on 2 cores
//! cargo bench --bench engine -- number-dense  # one group
//! ```
//!
//! The real Markdown comes from the benchmark corpus unpacked into `bench-data/full` (see
//! BENCHMARKS.md; `scripts/bench/run.sh` unpacks it). Without it that group is skipped with a
//! message and the generated groups still run. `FACTLINT_BENCH_DATA` points elsewhere.
//! Whole-process figures (the CLI, memory, pulldown-cmark as the baseline) are measured by
//! `scripts/bench/run.sh`, not here.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use factlint::{DocumentFormat, Options, analyze};

/// Bytes of each generated article collection.
const GENERATED_BYTES: usize = 500_000;
/// Bytes of each pathological input: small, because some of them are slow.
const PATHOLOGICAL_BYTES: usize = 50_000;
/// Every this-many-th corpus file goes into the sample (the same sample as `run.sh`).
const CORPUS_STRIDE: usize = 10;

criterion_group! {
    name = benches;
    // Flat sampling and few samples: some inputs take seconds per iteration, and the whole run
    // should stay within a few minutes on 2 cores.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = corpus_sample, number_dense, pathological
}
criterion_main!(benches);

/// Every tenth file of the real corpus, each analyzed as its own document.
fn corpus_sample(criterion: &mut Criterion) {
    let corpus = bench_data().join("full");
    let documents = corpus_documents(&corpus);
    if documents.is_empty() {
        eprintln!(
            "engine bench: no corpus at {}; skipping the corpus-sample group. \
             Unpack it with `tar -xJf ../shared/corpus/prose-md.tar.xz -C bench-data` \
             (or run scripts/bench/run.sh) to include it.",
            corpus.display()
        );
        return;
    }
    let bytes: usize = documents.iter().map(String::len).sum();
    let mut group = criterion.benchmark_group("corpus-sample");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{} files", documents.len()), |bencher| {
        bencher.iter(|| {
            for document in &documents {
                black_box(analyze(
                    black_box(document),
                    DocumentFormat::Markdown,
                    &Options::default(),
                ));
            }
        });
    });
    group.finish();
}

/// Generated English and German articles full of figures, one document each.
fn number_dense(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("number-dense");
    group.sampling_mode(SamplingMode::Flat);
    for (name, language) in [
        ("en", generate::Language::English),
        ("de", generate::Language::German),
    ] {
        let text = generate::articles(language, generate::SEED, GENERATED_BYTES);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                analyze(
                    black_box(&text),
                    DocumentFormat::Markdown,
                    &Options::default(),
                )
            });
        });
    }
    group.finish();
}

/// The pathological inputs of `scripts/bench/run.sh`, cut to 50 kB so that they run often:
/// a regression to quadratic time shows as a throughput far below the other groups.
fn pathological(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("pathological");
    group.sampling_mode(SamplingMode::Flat);
    for (name, _) in generate::PATHOLOGICAL {
        let Some(mut text) = generate::pathological(name, PATHOLOGICAL_BYTES) else {
            continue;
        };
        // Some generators overshoot (the 100,000-numbers line is always 1.1 MB): cut them down.
        let mut end = text.len().min(PATHOLOGICAL_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |bencher| {
            bencher.iter(|| {
                analyze(
                    black_box(&text),
                    DocumentFormat::Markdown,
                    &Options::default(),
                )
            });
        });
    }
    group.finish();
}

/// Where the unpacked corpus and generated inputs live.
#[expect(
    clippy::disallowed_methods,
    reason = "a benchmark harness, not the core: it may read its environment"
)]
fn bench_data() -> PathBuf {
    std::env::var_os("FACTLINT_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-data"))
}

/// The `*.md` files under `root` (hidden entries skipped) in byte order of their paths, every
/// `CORPUS_STRIDE`-th one read as UTF-8; empty when `root` does not exist.
#[expect(
    clippy::disallowed_methods,
    reason = "a benchmark harness, not the core: it reads its inputs"
)]
fn corpus_documents(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    collect_markdown(root, &mut files);
    // Byte order of the whole path, as `LC_ALL=C sort` in run.sh (not component order).
    files.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    files
        .iter()
        .step_by(CORPUS_STRIDE)
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}

fn collect_markdown(directory: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_markdown(&path, files),
            Ok(kind)
                if kind.is_file()
                    && path.extension().is_some_and(|extension| extension == "md") =>
            {
                files.push(path)
            }
            _ => {}
        }
    }
}
