//! A progress line on standard error for long runs: shown only when standard error is a
//! terminal, the run is not `--quiet`, and it has lasted more than a second.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a run goes without a progress line.
const QUIET_PERIOD: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const REDRAW: Duration = Duration::from_millis(100);

/// Counts checked documents; `run` draws the line while `work` runs.
pub(crate) struct Progress {
    done: AtomicUsize,
    finished: AtomicBool,
    total: usize,
    /// Whether the line is on the screen; held while it is drawn or erased.
    line: Mutex<bool>,
    /// Whether standard output is a terminal too, so output written during the run would land
    /// on the line.
    shares_screen: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            done: AtomicUsize::new(0),
            finished: AtomicBool::new(false),
            total,
            line: Mutex::new(false),
            shares_screen: std::io::stdout().is_terminal(),
        }
    }

    /// One more document checked.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Runs `work`, drawing the progress line beside it when `enabled` and standard error is a
    /// terminal. The line is erased when the work is done.
    pub fn run<T>(&self, enabled: bool, work: impl FnOnce() -> T) -> T {
        if !enabled || !std::io::stderr().is_terminal() {
            return work();
        }
        std::thread::scope(|scope| {
            let drawer = scope.spawn(|| self.draw());
            // Stops the drawer however `work` ends, so that a panic is not kept waiting.
            let _stop = Stop {
                finished: &self.finished,
                drawer: drawer.thread(),
            };
            work()
        })
    }

    /// Whether output written during the run must go through `suspend`.
    pub fn shares_screen(&self) -> bool {
        self.shares_screen
    }

    /// Runs `write`, which writes to standard output (and flushes it when `shares_screen`),
    /// with the progress line erased when both are on the screen; the line is drawn again at
    /// the next redraw, so that output and line never mix.
    pub fn suspend<T>(&self, write: impl FnOnce() -> T) -> T {
        if !self.shares_screen {
            return write();
        }
        let mut shown = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        if *shown {
            erase();
            *shown = false;
        }
        write()
    }

    fn draw(&self) {
        let started = Instant::now();
        while !self.finished.load(Ordering::Acquire) {
            std::thread::park_timeout(REDRAW);
            if started.elapsed() < QUIET_PERIOD || self.finished.load(Ordering::Acquire) {
                continue;
            }
            let done = self.done.load(Ordering::Relaxed);
            let width = 30;
            let filled = (done * width).checked_div(self.total).unwrap_or(width);
            let bar: String = "#".repeat(filled) + &"-".repeat(width - filled.min(width));
            let mut shown = self.line.lock().unwrap_or_else(PoisonError::into_inner);
            let mut stderr = std::io::stderr().lock();
            let _ = write!(
                stderr,
                "\r\x1b[2Kchecking [{bar}] {done}/{} documents",
                self.total
            );
            let _ = stderr.flush();
            *shown = true;
        }
        let mut shown = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        if *shown {
            erase();
            *shown = false;
        }
    }
}

/// Tells the drawer that the work is over when dropped.
struct Stop<'a> {
    finished: &'a AtomicBool,
    drawer: &'a std::thread::Thread,
}

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::Release);
        self.drawer.unpark();
    }
}

/// Erases the progress line.
fn erase() {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "\r\x1b[2K");
    let _ = stderr.flush();
}
