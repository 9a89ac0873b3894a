//! Which documents a run reads, with which settings, and their analysis in name order.
//!
//! `plan` finds and selects the documents and resolves their configuration; `analyze_in_order`
//! reads and analyzes them on the thread pool, a bounded number ahead of the caller (with one
//! thread, one at a time on the calling thread), and hands each result over in name order, so
//! a folder's run holds only a few documents at a time.

use std::collections::{HashMap, VecDeque};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use factlint::config::{Config, ConfigResolver, FailOn};
use factlint::rules::RuleSet;
use factlint::{Analysis, Options, Severity};

use super::inputs::{self, Input, InputError, Source};
use super::progress::Progress;
use super::{Common, Selection, select, today};

/// Facts older than this are flagged as possibly outdated unless the configuration says
/// otherwise: two years.
pub(crate) const DEFAULT_FACT_MAX_AGE_DAYS: u32 = 730;

/// How many documents per thread may be read or analyzed ahead of the one handed over next.
const DOCUMENTS_AHEAD_PER_THREAD: usize = 8;

/// How many bytes of documents per thread may be read or analyzed ahead of the one handed
/// over next (one document always may): a folder of large files holds about one per thread
/// at a time, so memory follows the largest files, not the folder.
const BYTES_AHEAD_PER_THREAD: u64 = 8 << 20;

/// Documents of more than `LARGE_DOCUMENT` bytes with more than `MANY_DIGITS` digits are
/// checked while their findings are written (`Checked::deferred`), on the writing thread, not
/// ahead on the pool: the findings of a number-dense text weigh several times the text, and a
/// document checked ahead holds them all until its turn. Large documents of prose keep being
/// checked in parallel. The only document of a run is checked while it is written too.
const LARGE_DOCUMENT: usize = 1 << 20;
const MANY_DIGITS: usize = 1 << 17;

/// The documents checked ahead on the pool hold at most this many findings (or, read for
/// `claims`, claims) together, about 7 MB (3 MB): a document that would hold more is dropped
/// there and checked again as its output is written, like a deferred one, whatever its
/// digits. Real documents stay far below (the most in the benchmark corpus: 525 findings);
/// a folder of number-dense documents is checked mostly on the writing thread, within its
/// memory limit, instead of in parallel beyond it.
const FINDINGS_HELD_AHEAD: usize = 4096;
const CLAIMS_HELD_AHEAD: usize = 16_384;

/// What the documents checked ahead hold, counted against `FINDINGS_HELD_AHEAD` and
/// `CLAIMS_HELD_AHEAD`.
#[derive(Default)]
struct HeldAhead {
    findings: AtomicUsize,
    claims: AtomicUsize,
}

impl HeldAhead {
    /// Counts one more item against `most`, or breaks when that would pass it.
    fn take(counter: &AtomicUsize, most: usize) -> ControlFlow<()> {
        if counter.fetch_add(1, Ordering::Relaxed) < most {
            ControlFlow::Continue(())
        } else {
            counter.fetch_sub(1, Ordering::Relaxed);
            ControlFlow::Break(())
        }
    }

    /// Gives back what a document held.
    fn release(&self, findings: usize, claims: usize) {
        self.findings.fetch_sub(findings, Ordering::Relaxed);
        self.claims.fetch_sub(claims, Ordering::Relaxed);
    }
}

/// One document read and analyzed, with what it was analyzed with.
pub(crate) struct Checked {
    pub input: Input,
    pub analysis: Analysis,
    /// Only read: the caller reads it with `check_in_chunks` or `claims_in_chunks` as it writes
    /// the output (`analysis` is empty).
    pub deferred: bool,
    /// How many claims were read (kept when the claims themselves are dropped).
    pub claim_count: usize,
    pub options: Arc<Options>,
    pub rules: Option<Arc<RuleSet>>,
    /// The lowest severity that fails the run for this document.
    pub fail_on: FailOn,
}

impl Checked {
    /// Analyzes `text` again with the same options and rules (after fixes were applied).
    pub fn reanalyze(&mut self, text: String) {
        let rules = self.rules.as_deref().unwrap_or_else(|| RuleSet::bundled());
        self.analysis =
            factlint::analyze_with_rules(&text, self.input.format, &self.options, rules);
        self.input.text = text;
    }

    /// Checks the document a chunk at a time, handing each finding to `emit`; returns how
    /// many claims it holds.
    pub fn check_in_chunks(
        &self,
        emit: &mut dyn FnMut(factlint::Finding) -> ControlFlow<()>,
    ) -> usize {
        let rules = self.rules.as_deref().unwrap_or_else(|| RuleSet::bundled());
        factlint::check_in_chunks(
            &self.input.text,
            self.input.format,
            &self.options,
            rules,
            emit,
        )
        .claims
    }

    /// Reads the claims of the document a chunk at a time, handing each to `emit`.
    pub fn claims_in_chunks(&self, emit: &mut dyn FnMut(factlint::Claim) -> ControlFlow<()>) {
        factlint::claims_in_chunks(&self.input.text, self.input.format, &self.options, emit);
    }
}

/// What the command line decides for every document, over the configuration.
#[derive(Default)]
pub(crate) struct Overrides {
    pub fail_on: Option<FailOn>,
    pub reporting_currency: Option<String>,
    /// Keep only the number of claims (`check` needs no more, and claims are most of the
    /// memory a document holds until its output is written).
    pub drop_claims: bool,
    /// The output leaves hints out: unless they fail the run, they need not be computed
    /// (`Options::skip_hints`).
    pub skip_hints: bool,
    /// The output shows explanations only where they hold a computation or a source
    /// (`Options::skip_plain_explanations`).
    pub skip_plain_explanations: bool,
    /// Only findings are wanted, not claims and not fixes: documents are checked a chunk at a
    /// time (`factlint::check_in_chunks`), the large ones only as their output is written.
    pub chunked: bool,
    /// Only claims are wanted (`claims`): documents are read a chunk at a time and not
    /// checked (`factlint::claims_in_chunks`).
    pub claims_only: bool,
    /// With `chunked` or `claims_only`: large digit-heavy documents are only read ahead, and
    /// read for their findings or claims as the output is written (`Checked::deferred`). Not
    /// for an output that needs every document at once.
    pub defer_large: bool,
}

/// A document to read, with the settings it is analyzed with. Documents under the same
/// configuration share their settings.
pub(crate) struct Job {
    source: Source,
    options: Arc<Options>,
    rules: Option<Arc<RuleSet>>,
    fail_on: FailOn,
}

/// What the caller of `analyze_in_order` wants from the documents still to come.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// Read and analyze them.
    Everything,
    /// Only read them, and hand over those that cannot be read (the output is gone, but the
    /// errors and the exit status still count).
    Errors,
}

/// Finds, selects and configures the documents, sorted by name. The errors are those known
/// before reading (missing paths, broken configuration). `Err` is a usage error already
/// reported (exit status 2), such as `--changed-since` outside a git repository.
pub(super) fn plan(
    paths: Vec<String>,
    selection: &Selection,
    common: &Common,
    overrides: &Overrides,
) -> Result<(Vec<Job>, Vec<InputError>), std::process::ExitCode> {
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
                return Err(std::process::ExitCode::from(2));
            }
        },
    };
    let (sources, mut errors) = inputs::collect(&paths, &common.stdin_filename);
    // Configuration is resolved up front, once per directory, so the parallel part reads no
    // settings.
    let mut resolver = ConfigResolver::new(common.config.as_deref());
    let today = common.today.unwrap_or_else(today);
    // The options of each configuration (keyed by its address; `None` without one), built once.
    let mut options_by_config: HashMap<Option<*const Config>, Arc<Options>> = HashMap::new();
    let mut jobs = Vec::with_capacity(sources.len());
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
        if let (Source::File { path, walked, .. }, Some(config)) = (&source, &config) {
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
        let options = options_by_config
            .entry(config.as_ref().map(Arc::as_ptr))
            .or_insert_with(|| {
                Arc::new(document_options(
                    config.as_deref(),
                    common,
                    overrides,
                    today,
                ))
            })
            .clone();
        let fail_on = overrides
            .fail_on
            .or_else(|| config.as_ref().and_then(|config| config.fail_on))
            .unwrap_or(FailOn::At(Severity::Warning));
        let rules = config.and_then(|config| config.rule_set.clone());
        jobs.push(Job {
            source,
            options,
            rules,
            fail_on,
        });
    }
    for error in resolver.errors.drain(..) {
        errors.push(InputError {
            path: error.path,
            message: error.message,
        });
    }
    // A stable sort: a document named twice is read twice, in the order it was named.
    jobs.sort_by(|a, b| a.source.name().cmp(b.source.name()));
    Ok((jobs, errors))
}

/// Reads and analyzes the documents of `jobs` on the thread pool (`-j`), at most a few per
/// thread ahead of the one handed over next (with one thread, on the calling thread, one at
/// a time), and calls `each` with every result in the order of `jobs` on the calling thread. `each` also gets the progress line, to write output
/// without mixing with it. Once `each` returns `Wanted::Errors`, the documents still to come
/// are only read, and only those that cannot be read are handed over.
pub(super) fn analyze_in_order(
    jobs: Vec<Job>,
    common: &Common,
    overrides: &Overrides,
    mut each: impl FnMut(Result<Checked, InputError>, &Progress) -> Wanted,
) {
    let shared = Shared {
        overrides,
        held: HeldAhead::default(),
        progress: Progress::new(jobs.len()),
        analyze: AtomicBool::new(true),
        board: Mutex::new(Board {
            first: 0,
            slots: VecDeque::new(),
            awaited: 0,
            panicked: false,
        }),
        ready: Condvar::new(),
    };
    let pool = match common.threads {
        Some(threads) if threads <= 1 => None,
        threads => rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .ok()
            .filter(|pool| pool.current_num_threads() > 1),
    };
    let Some(pool) = pool else {
        // One thread: nothing runs ahead, so each document is read and checked as it is
        // written, on the calling thread, without handing anything over.
        shared
            .progress
            .run(!common.quiet, || one_at_a_time(jobs, &shared, &mut each));
        return;
    };
    let threads = pool.current_num_threads();
    let ahead = threads * DOCUMENTS_AHEAD_PER_THREAD;
    let bytes_budget = threads as u64 * BYTES_AHEAD_PER_THREAD;
    shared.progress.run(!common.quiet, || {
        pool.in_place_scope(|scope| {
            hand_over_in_order(scope, jobs, ahead, bytes_budget, &shared, &mut each)
        });
    });
}

/// Plans and analyzes every document and returns them all, sorted by name, with every error
/// sorted by path: for the commands that need all documents at once.
pub(super) fn analyze_all(
    paths: Vec<String>,
    selection: &Selection,
    common: &Common,
    overrides: &Overrides,
) -> Result<(Vec<Checked>, Vec<InputError>), std::process::ExitCode> {
    let (jobs, mut errors) = plan(paths, selection, common, overrides)?;
    let mut checked = Vec::new();
    analyze_in_order(jobs, common, overrides, |result, _| {
        match result {
            Ok(done) => checked.push(done),
            Err(error) => errors.push(error),
        }
        Wanted::Everything
    });
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((checked, errors))
}

/// What the tasks of `analyze_in_order` share.
struct Shared<'a> {
    overrides: &'a Overrides,
    held: HeldAhead,
    progress: Progress,
    /// Cleared when the caller wants only errors from now on.
    analyze: AtomicBool,
    board: Mutex<Board>,
    /// Signalled when the documents the caller waits for are done, or a task panicked.
    ready: Condvar,
}

/// A document read (and analyzed, `Some`), or why it could not be read.
type Outcome = Result<Option<Checked>, InputError>;

/// The documents started and not yet handed over.
struct Board {
    /// The index of the document in the first slot.
    first: usize,
    /// One slot per document started, filled when it is done.
    slots: VecDeque<Option<Outcome>>,
    /// How many of the first slots the caller waits for; 0 when it does not wait.
    awaited: usize,
    /// A task panicked: the caller stops waiting.
    panicked: bool,
}

impl Board {
    fn awaited_are_done(&self) -> bool {
        self.slots.iter().take(self.awaited).all(Option::is_some)
    }
}

/// Spawns the tasks of `jobs` on `scope`, never more than `ahead` documents (nor more than
/// `bytes_budget` bytes) past the next one to hand over, and hands their results to `each` in order, waking for half a window at a time.
/// Returns early when a task panicked (the scope then carries the panic on).
fn hand_over_in_order<'scope>(
    scope: &rayon::Scope<'scope>,
    jobs: Vec<Job>,
    ahead: usize,
    bytes_budget: u64,
    shared: &'scope Shared<'scope>,
    each: &mut dyn FnMut(Result<Checked, InputError>, &Progress) -> Wanted,
) {
    let total = jobs.len();
    let batch = (ahead / 2).max(1);
    let sizes: Vec<u64> = jobs.iter().map(|job| job.source.bytes()).collect();
    let mut jobs = jobs.into_iter().enumerate();
    let mut next = 0;
    let mut spawned = 0;
    let mut wanted = Wanted::Everything;
    let mut done = Vec::new();
    while next < total {
        let to_start = how_many_to_start(&sizes, next, spawned, ahead, bytes_budget);
        if to_start > 0 {
            lock(&shared.board)
                .slots
                .extend(std::iter::repeat_with(|| None).take(to_start));
        }
        for (index, job) in jobs.by_ref().take(to_start) {
            spawned += 1;
            scope.spawn(move |_| {
                // Should the task panic, the caller stops waiting and the scope carries the
                // panic on.
                let mut unfinished = Unfinished {
                    shared,
                    delivered: false,
                };
                let outcome = run(
                    job,
                    shared.overrides,
                    shared.analyze.load(Ordering::Relaxed),
                    total == 1,
                    &shared.held,
                );
                shared.progress.tick();
                let mut board = lock(&shared.board);
                let slot = index - board.first;
                board.slots[slot] = Some(outcome);
                unfinished.delivered = true;
                if board.awaited > 0 && board.awaited_are_done() {
                    shared.ready.notify_one();
                }
            });
        }
        {
            let mut board = lock(&shared.board);
            board.awaited = batch.min(spawned - next);
            while !board.panicked && !board.awaited_are_done() {
                board = shared
                    .ready
                    .wait(board)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if board.panicked {
                return;
            }
            board.awaited = 0;
            let count = board.slots.iter().take_while(|slot| slot.is_some()).count();
            board.first += count;
            done.extend(board.slots.drain(..count).flatten());
        }
        next += done.len();
        for outcome in done.drain(..) {
            // What a document checked ahead held is given back once it is handed over.
            if shared.overrides.defer_large
                && let Ok(Some(checked)) = &outcome
            {
                shared.held.release(
                    checked.analysis.findings.len(),
                    checked.analysis.claims.len(),
                );
            }
            hand_over(outcome, &mut wanted, each, &shared.progress);
            if wanted == Wanted::Errors {
                shared.analyze.store(false, Ordering::Relaxed);
            }
        }
    }
}

/// Hands a document's outcome to `each` if the caller still wants it (once it wants only
/// errors, only those), and notes when it stops wanting more than errors.
fn hand_over(
    outcome: Outcome,
    wanted: &mut Wanted,
    each: &mut dyn FnMut(Result<Checked, InputError>, &Progress) -> Wanted,
    progress: &Progress,
) {
    let result = match outcome {
        Ok(Some(checked)) if *wanted == Wanted::Everything => Ok(checked),
        Ok(_) => return,
        Err(error) => Err(error),
    };
    if each(result, progress) == Wanted::Errors {
        *wanted = Wanted::Errors;
    }
}

/// Reads and analyzes the documents of `jobs` one after the other on the calling thread, and
/// hands each to `each` as it is done. Every document is checked as its output is written
/// (as the only document of a run is), so none holds its findings.
fn one_at_a_time(
    jobs: Vec<Job>,
    shared: &Shared<'_>,
    each: &mut dyn FnMut(Result<Checked, InputError>, &Progress) -> Wanted,
) {
    let mut wanted = Wanted::Everything;
    for job in jobs {
        let outcome = run(
            job,
            shared.overrides,
            wanted == Wanted::Everything,
            true,
            &shared.held,
        );
        shared.progress.tick();
        hand_over(outcome, &mut wanted, each, &shared.progress);
    }
}

/// How many documents to start after the first `spawned` of those sized `sizes`, when the
/// first `next` have been handed over: at most `ahead` and `budget` bytes past `next`, and
/// always one when none is under way.
fn how_many_to_start(
    sizes: &[u64],
    next: usize,
    spawned: usize,
    ahead: usize,
    budget: u64,
) -> usize {
    let mut bytes: u64 = sizes[next..spawned].iter().sum();
    let mut count = 0;
    while let Some(&size) = sizes.get(spawned + count) {
        let under_way = spawned + count - next;
        if under_way >= ahead || (under_way > 0 && bytes + size > budget) {
            break;
        }
        bytes += size;
        count += 1;
    }
    count
}

/// Marks the board when a task ends without delivering its document (it panicked).
struct Unfinished<'a> {
    shared: &'a Shared<'a>,
    delivered: bool,
}

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if !self.delivered {
            lock(&self.shared.board).panicked = true;
            self.shared.ready.notify_one();
        }
    }
}

fn lock(board: &Mutex<Board>) -> MutexGuard<'_, Board> {
    board.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The options of the documents under `config` (or under none).
fn document_options(
    config: Option<&Config>,
    common: &Common,
    overrides: &Overrides,
    today: factlint::claims::Date,
) -> Options {
    let mut options = Options {
        language: common.lang,
        reporting_currency: overrides.reporting_currency.clone(),
        today: Some(today),
        ..Options::default()
    };
    if let Some(config) = config {
        config.apply(&mut options);
    }
    options.fact_max_age_days = options
        .fact_max_age_days
        .or(Some(DEFAULT_FACT_MAX_AGE_DAYS));
    let fail_on = overrides
        .fail_on
        .or_else(|| config.and_then(|config| config.fail_on))
        .unwrap_or(FailOn::At(Severity::Warning));
    options.skip_hints = overrides.skip_hints && !fail_on.fails(Severity::Hint);
    options.skip_plain_explanations = overrides.skip_plain_explanations;
    options
}

/// Reads one document and, when `analyze`, analyzes it; `None` for a document only read.
/// `alone`: it is the only document of the run.
fn run(
    job: Job,
    overrides: &Overrides,
    analyze: bool,
    alone: bool,
    held: &HeldAhead,
) -> Result<Option<Checked>, InputError> {
    let Job {
        source,
        options,
        rules,
        fail_on,
    } = job;
    let mut input = inputs::read(source)?;
    if !analyze {
        return Ok(None);
    }
    if overrides.chunked || overrides.claims_only {
        // A document checked alone gains nothing from being checked ahead.
        let deferred = overrides.defer_large
            && (alone
                || input.text.len() > LARGE_DOCUMENT
                    && input.text.bytes().filter(u8::is_ascii_digit).count() > MANY_DIGITS);
        let mut checked = Checked {
            input,
            analysis: Analysis {
                language: None,
                language_source: factlint::engine::LanguageSource::Unknown,
                claims: Vec::new(),
                findings: Vec::new(),
            },
            deferred,
            claim_count: 0,
            options,
            rules,
            fail_on,
        };
        if !deferred {
            let (mut claims, mut findings) = (Vec::new(), Vec::new());
            let take = |counter: &AtomicUsize, most: usize| {
                if overrides.defer_large {
                    HeldAhead::take(counter, most)
                } else {
                    ControlFlow::Continue(())
                }
            };
            let mut over = false;
            if overrides.claims_only {
                checked.claims_in_chunks(&mut |claim| {
                    take(&held.claims, CLAIMS_HELD_AHEAD).map_break(|()| over = true)?;
                    claims.push(claim);
                    ControlFlow::Continue(())
                });
                checked.claim_count = claims.len();
            } else {
                checked.claim_count = checked.check_in_chunks(&mut |finding| {
                    take(&held.findings, FINDINGS_HELD_AHEAD).map_break(|()| over = true)?;
                    findings.push(finding);
                    ControlFlow::Continue(())
                });
                // A document without findings need not keep its text.
                if findings.is_empty() {
                    checked.input.text = String::new();
                }
            }
            if over {
                checked.deferred = true;
                held.release(findings.len(), claims.len());
                (claims, findings) = (Vec::new(), Vec::new());
            }
            (checked.analysis.claims, checked.analysis.findings) = (claims, findings);
        }
        return Ok(Some(checked));
    }
    // The session takes the text and gives it back: no copy of a large file.
    let session = factlint::Session::new(
        std::mem::take(&mut input.text),
        input.format,
        Options::clone(&options),
        rules.as_deref().unwrap_or_else(|| RuleSet::bundled()),
    );
    let (text, mut analysis) = session.into_parts();
    input.text = text;
    let claim_count = analysis.claims.len();
    if overrides.drop_claims {
        analysis.claims = Vec::new();
        // Every output of `check` reads a document's text only to place its findings: a
        // document without findings need not keep it.
        if analysis.findings.is_empty() {
            input.text = String::new();
        }
    }
    Ok(Some(Checked {
        input,
        analysis,
        deferred: false,
        claim_count,
        options,
        rules,
        fail_on,
    }))
}

#[cfg(test)]
mod tests {
    use super::{HeldAhead, how_many_to_start};
    use std::ops::ControlFlow;
    use std::sync::atomic::Ordering;

    #[test]
    fn what_is_held_ahead_stops_at_the_limit_and_is_given_back() {
        let held = HeldAhead::default();
        for _ in 0..3 {
            assert_eq!(
                HeldAhead::take(&held.findings, 3),
                ControlFlow::Continue(())
            );
        }
        assert_eq!(HeldAhead::take(&held.findings, 3), ControlFlow::Break(()));
        assert_eq!(
            held.findings.load(Ordering::Relaxed),
            3,
            "a refused item is not counted"
        );
        held.release(2, 0);
        assert_eq!(
            HeldAhead::take(&held.findings, 3),
            ControlFlow::Continue(())
        );
        assert_eq!(held.findings.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn documents_are_started_within_the_count_and_the_bytes() {
        // Small documents: the count decides.
        assert_eq!(how_many_to_start(&[10; 100], 0, 0, 16, 1_000), 16);
        assert_eq!(how_many_to_start(&[10; 100], 20, 30, 16, 1_000), 6);
        assert_eq!(how_many_to_start(&[10; 20], 10, 10, 16, 1_000), 10);
        // Large documents: the bytes decide, and one always starts when none is under way.
        assert_eq!(how_many_to_start(&[600, 600, 600], 0, 0, 16, 1_000), 1);
        assert_eq!(how_many_to_start(&[600, 600, 600], 0, 1, 16, 1_000), 0);
        assert_eq!(how_many_to_start(&[5_000, 10, 10], 0, 0, 16, 1_000), 1);
        assert_eq!(how_many_to_start(&[5_000, 10, 10], 1, 1, 16, 1_000), 2);
        assert_eq!(how_many_to_start(&[300, 300, 300, 300], 0, 0, 16, 1_000), 3);
        assert_eq!(how_many_to_start(&[], 0, 0, 16, 1_000), 0);
    }
}
