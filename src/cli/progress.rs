//! A progress line on standard error for long runs: shown only when standard error is a
//! terminal, the run is not `--quiet`, and it has lasted more than a second.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            done: AtomicUsize::new(0),
            finished: AtomicBool::new(false),
            total,
        }
    }

    /// One more document checked.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Runs `work`, drawing the progress line beside it when `enabled` and standard error is a
    /// terminal. The line is erased when the work is done, so it never mixes with the output.
    pub fn run<T: Send>(&self, enabled: bool, work: impl FnOnce() -> T + Send) -> T {
        if !enabled || !std::io::stderr().is_terminal() {
            return work();
        }
        std::thread::scope(|scope| {
            let drawer = scope.spawn(|| self.draw());
            let result = work();
            self.finished.store(true, Ordering::Release);
            drawer.thread().unpark();
            let _ = drawer.join();
            result
        })
    }

    fn draw(&self) {
        let started = Instant::now();
        let mut shown = false;
        while !self.finished.load(Ordering::Acquire) {
            std::thread::park_timeout(REDRAW);
            if started.elapsed() < QUIET_PERIOD || self.finished.load(Ordering::Acquire) {
                continue;
            }
            let done = self.done.load(Ordering::Relaxed);
            let width = 30;
            let filled = (done * width).checked_div(self.total).unwrap_or(width);
            let bar: String = "#".repeat(filled) + &"-".repeat(width - filled.min(width));
            let mut stderr = std::io::stderr().lock();
            let _ = write!(
                stderr,
                "\r\x1b[2Kchecking [{bar}] {done}/{} documents",
                self.total
            );
            let _ = stderr.flush();
            shown = true;
        }
        if shown {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        }
    }
}
