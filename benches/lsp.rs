//! Whole-process latency of `factlint lsp`: the real binary over stdio, driven like an editor.
//!
//! Measures `initialize`, the first diagnostics of a 1 MB Markdown document, the time from a
//! keystroke-sized `didChange` to the `publishDiagnostics` of that version (p50, p99), hover
//! round trips (p50, p99), and resident memory with ten 1 MB documents open. Run with
//! `cargo bench --bench lsp`; it prints a Markdown table for BENCHMARKS.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark drives a process and reads /proc"
)]

#[path = "support/generate.rs"]
#[allow(dead_code, reason = "the generator serves other benchmarks too")]
mod generate;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

struct Server {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the factlint binary starts");
        let input = child.stdin.take().expect("stdin");
        let output = child.stdout.take().expect("stdout");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if let Ok(value) = serde_json::from_slice(&body)
                    && sender.send(value).is_err()
                {
                    return;
                }
            }
        });
        Server {
            child,
            input,
            messages,
            next_id: 1,
        }
    }

    fn send(&mut self, value: &Value) {
        let body = value.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|message| {
            message.get("id") == Some(&json!(id)) && message.get("method").is_none()
        })
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers");
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                continue;
            }
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        self.wait(|message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == version
        })
    }

    fn resident_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn percentile(samples: &mut [Duration], percent: f64) -> Duration {
    samples.sort();
    let at = ((samples.len() as f64 - 1.0) * percent / 100.0).round() as usize;
    samples[at.min(samples.len() - 1)]
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn document(seed: u64) -> String {
    let mut text = generate::articles(generate::Language::English, seed, 1 << 20);
    text.truncate(text.floor_char_boundary(1 << 20));
    text
}

/// About 1 MB of real Markdown from the benchmark corpus (`scripts/bench/run.sh` unpacks it
/// into `bench-data/full`), if it is there.
fn corpus_document() -> Option<String> {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-data/full/rust-lang+rfcs");
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    let mut stack = vec![folder];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|extension| extension == "md") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut text = String::new();
    for path in paths {
        if let Ok(part) = std::fs::read_to_string(&path) {
            text.push_str(&part);
            text.push_str("\n\n");
        }
        if text.len() >= 1 << 20 {
            break;
        }
    }
    text.truncate(text.floor_char_boundary(1 << 20));
    (text.len() >= 1 << 19).then_some(text)
}

/// A prose line near the middle of `text`, and the UTF-16 column after its first space.
fn typing_position(text: &str) -> (u32, u32) {
    let lines: Vec<&str> = text.split('\n').collect();
    let middle = lines.len() / 2;
    for (index, line) in lines.iter().enumerate().skip(middle) {
        if let Some(space) = line.find(' ')
            && line.len() > 20
            && !line.trim_start().starts_with(['`', '|', '#', '<'])
        {
            return (
                index as u32,
                line[..space + 1].encode_utf16().count() as u32,
            );
        }
    }
    (middle as u32, 0)
}

/// Types `character` at one place and deletes it again, `strokes` times; each latency.
fn typing(
    server: &mut Server,
    uri: &str,
    version: &mut i64,
    text: &str,
    character: &str,
    strokes: usize,
) -> Vec<Duration> {
    let (line, column) = typing_position(text);
    let mut latencies = Vec::new();
    for stroke in 0..strokes {
        *version += 1;
        let change = if stroke % 2 == 0 {
            json!({ "range": { "start": { "line": line, "character": column }, "end": { "line": line, "character": column } }, "text": character })
        } else {
            json!({ "range": { "start": { "line": line, "character": column }, "end": { "line": line, "character": column + 1 } }, "text": "" })
        };
        let started = Instant::now();
        server.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": *version }, "contentChanges": [change] }));
        server.diagnostics(uri, *version);
        latencies.push(started.elapsed());
    }
    latencies
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (like `cargo test --benches`) runs quickly.
    let quick = !std::env::args().any(|argument| argument == "--bench");
    let keystrokes = if quick { 20 } else { 400 };
    let hovers = if quick { 20 } else { 400 };

    // initialize, on fresh processes.
    let mut initialize = Vec::new();
    for _ in 0..if quick { 2 } else { 10 } {
        let mut server = Server::start();
        let started = Instant::now();
        server.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {} }),
        );
        initialize.push(started.elapsed());
    }

    let mut server = Server::start();
    server.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    server.notify("initialized", json!({}));
    let mut documents: Vec<(&str, String)> = Vec::new();
    if let Some(corpus) = corpus_document() {
        documents.push(("real Markdown (RFCs)", corpus));
    }
    documents.push(("generated, number-dense", document(generate::SEED)));
    let mut rows = Vec::new();
    for (index, (label, text)) in documents.iter().enumerate() {
        let uri = format!("file:///bench/typing{index}.md");
        let started = Instant::now();
        server.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
        let first = server.diagnostics(&uri, 1);
        let open = started.elapsed();
        let count = first["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        let mut version = 1;
        let mut letters = typing(&mut server, &uri, &mut version, text, "e", keystrokes);
        let mut digits = typing(&mut server, &uri, &mut version, text, "7", keystrokes);
        rows.push(format!(
            "| {label}: first diagnostics ({} KB, {count} diagnostics) | {} | — |",
            text.len() / 1024,
            ms(open)
        ));
        rows.push(format!("| {label}: letter typed → publishDiagnostics p50 / p99 ({keystrokes} edits) | {} / {} | ≤ 2 ms / ≤ 10 ms |", ms(percentile(&mut letters, 50.0)), ms(percentile(&mut letters, 99.0))));
        rows.push(format!("| {label}: digit typed → publishDiagnostics p50 / p99 ({keystrokes} edits) | {} / {} | ≤ 2 ms / ≤ 10 ms |", ms(percentile(&mut digits, 50.0)), ms(percentile(&mut digits, 99.0))));
        let claims = server.request("factlint/claims", json!({ "uri": uri }));
        let positions: Vec<(u64, u64)> = claims["result"]
            .as_array()
            .map(|claims| {
                claims
                    .iter()
                    .map(|claim| {
                        (
                            claim["line"].as_u64().unwrap_or(1) - 1,
                            claim["column"].as_u64().unwrap_or(1) - 1,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut times = Vec::new();
        for at in 0..hovers {
            let (line, character) = positions
                .get(at * 7 % positions.len().max(1))
                .copied()
                .unwrap_or((0, 0));
            let started = Instant::now();
            server.request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }));
            times.push(started.elapsed());
        }
        rows.push(format!(
            "| {label}: hover round trip p50 / p99 ({hovers} hovers) | {} / {} | p99 ≤ 2 ms |",
            ms(percentile(&mut times, 50.0)),
            ms(percentile(&mut times, 99.0))
        ));
        server.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    // Ten 1 MB documents open, on a fresh server per kind of document.
    drop(server);
    for (label, text) in &documents {
        let mut server = Server::start();
        server.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {} }),
        );
        for index in 0..10u64 {
            let uri = format!("file:///bench/doc{index}.md");
            server.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
            server.diagnostics(&uri, 1);
        }
        rows.push(format!(
            "| {label}: resident memory with ten 1 MB documents open | {:.1} MB | ≤ 60 MB |",
            server.resident_kib() as f64 / 1024.0
        ));
    }

    let mut initialize_sorted = initialize.clone();
    println!("| measure | value | target |");
    println!("|---|---|---|");
    println!(
        "| `initialize` round trip (median of {}) | {} (max {}) | ≤ 20 ms |",
        initialize.len(),
        ms(percentile(&mut initialize_sorted, 50.0)),
        ms(percentile(&mut initialize, 100.0))
    );
    for row in rows {
        println!("{row}");
    }
}
