//! End-to-end test in a real editor: headless Neovim runs `factlint lsp` on a Markdown file.
//!
//! The document has wide characters (ä, ü, €, an emoji, CJK, „“) before its figures, so a
//! column counted in the wrong unit shows. Neovim 0.7 (Debian 12's `neovim` package) offers no
//! position encodings, so the server answers in UTF-16; `vim.diagnostic` then holds byte
//! columns, which Neovim converts itself. A newer Neovim may negotiate UTF-8 or UTF-32: the
//! protocol columns are then expected in that unit, and the byte columns stay the same.
//!
//! The Lua script uses only APIs that exist in Neovim 0.7 (`vim.lsp.start_client`,
//! `vim.lsp.buf_attach_client`, `vim.lsp.buf_request_sync`, `vim.diagnostic.get`), waits a
//! bounded time for diagnostics, asks for a hover on the sourced H800 claim, writes what it
//! saw as JSON and quits. The test kills Neovim if it has not quit in time.
//!
//! Run it with `cargo test --test nvim_e2e`; it needs `nvim` on PATH
//! (`apt-get install -y neovim`) and fails, saying so, without it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "the test writes the document and the script, and reads the result"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The document Neovim opens. The server is told to read it as German, so `2.000` is two
/// thousand and `22, 4 %` is a malformed 22,4 %.
const DOCUMENT: &str = "# Trainingskosten\n\
\n\
Für Käse (5 € 😀 日本) stieg der Anteil auf 22, 4 % im Jahr.\n\
\n\
DeepSeek zufolge wurde sein Modell „V3“ auf nur 2.000 H800-GPUs trainiert.\n";

/// One expected diagnostic: its code, LSP severity, 0-based line, the text it covers, and
/// where that text starts on its line in UTF-8 bytes and in UTF-16 code units.
struct Expected {
    code: &'static str,
    severity: u64,
    line: usize,
    text: &'static str,
    byte_column: usize,
    utf16_column: usize,
}

/// The diagnostics, by position. Before `22, 4` stand ü, ä and € (1, 1 and 2 bytes more than
/// characters), 😀 (3 bytes more, and 1 UTF-16 unit more) and 日本 (2 bytes more each): 41
/// characters are 52 bytes and 42 UTF-16 units. Before `nur` stand „ and “ (2 bytes more each):
/// 44 characters are 48 bytes and 44 UTF-16 units.
const EXPECTED: [Expected; 3] = [
    Expected {
        code: "FL140",
        severity: 4,
        line: 2,
        text: "5 €",
        byte_column: 12,
        utf16_column: 10,
    },
    Expected {
        code: "FL001",
        severity: 2,
        line: 2,
        text: "22, 4",
        byte_column: 52,
        utf16_column: 42,
    },
    Expected {
        code: "FL100",
        severity: 3,
        line: 4,
        text: "nur 2.000 H800-GPUs",
        byte_column: 48,
        utf16_column: 44,
    },
];

/// How long Neovim may take in all; the script's own waits are shorter (20 s for
/// diagnostics, 10 s for the hover).
const NVIM_TIMEOUT: Duration = Duration::from_secs(60);

/// The script Neovim runs. It reads its paths from the environment and always writes a
/// result, with the errors it met, before it quits.
const SCRIPT: &str = r#"
local bin = os.getenv("FACTLINT_E2E_BIN")
local doc = os.getenv("FACTLINT_E2E_DOC")
local out = os.getenv("FACTLINT_E2E_OUT")
local result = { errors = {}, published = {} }

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(doc))
  local bufnr = vim.api.nvim_get_current_buf()
  -- The client sends the filetype as the languageId; the server checks `markdown`.
  vim.bo[bufnr].filetype = "markdown"
  local client_id = vim.lsp.start_client({
    name = "factlint",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(doc, ":h"),
    init_options = { factlint = { language = "de", factMaxAgeDays = 100000 } },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, params, ctx, config)
        table.insert(result.published, params)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  if not client_id then
    table.insert(result.errors, "vim.lsp.start_client returned nil")
    return
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local diagnosed = vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  if not diagnosed then
    table.insert(result.errors, "no diagnostics within 20 s")
  end
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  result.position_encoding = client.server_capabilities and client.server_capabilities.positionEncoding
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(result.diagnostics, {
      code = diagnostic.code or lsp.code,
      severity = diagnostic.severity,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_lnum = diagnostic.end_lnum,
      end_col = diagnostic.end_col,
      message = diagnostic.message,
    })
  end
  -- Hover on the H800 claim: the cursor goes on `2.000` (a byte column), and Neovim turns
  -- it into a protocol position in the negotiated encoding.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for row, line in ipairs(lines) do
    local column = line:find("2.000 H800", 1, true)
    if column then
      vim.api.nvim_win_set_cursor(0, { row, column - 1 })
      break
    end
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  result.hover_position = params.position
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 10000)
  local response = responses and responses[client_id]
  result.hover = response and response.result
  if not result.hover then
    table.insert(result.errors, "no hover: " .. vim.inspect(responses))
  end
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  table.insert(result.errors, tostring(err))
end
local file = assert(io.open(out, "w"))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd("qall!")
"#;

#[test]
fn neovim_shows_diagnostics_and_hover_at_the_right_columns() {
    let nvim = nvim_version_or_fail();
    let folder = tempfile::tempdir().expect("a temporary folder");
    let result = run_neovim(folder.path());
    let context = format!("{nvim}; result: {result:#}");

    assert_eq!(result["errors"], serde_json::json!([]), "{context}");
    // The server answers in the encoding it chose; Neovim 0.7 offers none, so UTF-16.
    let encoding = result["position_encoding"]
        .as_str()
        .unwrap_or("utf-16")
        .to_owned();
    assert_eq!(
        result["offset_encoding"].as_str(),
        Some(encoding.as_str()),
        "Neovim and the server disagree on the position encoding; {context}"
    );
    let document_lines: Vec<&str> = DOCUMENT.lines().collect();

    // What Neovim shows: byte columns in `vim.diagnostic`, whatever the protocol used.
    let mut shown: Vec<(String, u64, u64, u64, u64, u64)> = result["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics; {context}"))
        .iter()
        .map(|diagnostic| {
            (
                diagnostic["code"].as_str().unwrap_or_default().to_owned(),
                diagnostic["severity"].as_u64().unwrap_or_default(),
                diagnostic["lnum"].as_u64().unwrap_or(u64::MAX),
                diagnostic["col"].as_u64().unwrap_or(u64::MAX),
                diagnostic["end_lnum"].as_u64().unwrap_or(u64::MAX),
                diagnostic["end_col"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect();
    shown.sort_by_key(|shown| (shown.2, shown.3));
    let expected_shown: Vec<(String, u64, u64, u64, u64, u64)> = EXPECTED
        .iter()
        .map(|expected| {
            let line = expected.line as u64;
            let start = expected.byte_column as u64;
            let end = (expected.byte_column + expected.text.len()) as u64;
            (
                expected.code.to_owned(),
                expected.severity,
                line,
                start,
                line,
                end,
            )
        })
        .collect();
    assert_eq!(shown, expected_shown, "vim.diagnostic.get; {context}");

    // What the server sent: protocol positions in the negotiated encoding, and a link to the
    // code's documentation.
    let published = result["published"]
        .as_array()
        .and_then(|published| published.last())
        .unwrap_or_else(|| panic!("no publishDiagnostics; {context}"));
    let mut sent: Vec<(String, u64, Value, String)> = published["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("publishDiagnostics without diagnostics; {context}"))
        .iter()
        .map(|diagnostic| {
            (
                diagnostic["code"].as_str().unwrap_or_default().to_owned(),
                diagnostic["severity"].as_u64().unwrap_or_default(),
                diagnostic["range"].clone(),
                diagnostic["codeDescription"]["href"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    sent.sort_by_key(|sent| {
        (
            sent.2["start"]["line"].as_u64(),
            sent.2["start"]["character"].as_u64(),
        )
    });
    let expected_sent: Vec<(String, u64, Value, String)> = EXPECTED
        .iter()
        .map(|expected| {
            let line = document_lines[expected.line];
            check_expectation(line, expected);
            (
                expected.code.to_owned(),
                expected.severity,
                range(
                    expected.line,
                    column(line, expected.byte_column, &encoding),
                    column(line, expected.byte_column + expected.text.len(), &encoding),
                ),
                format!("factlint:explain/{}", expected.code),
            )
        })
        .collect();
    assert_eq!(
        sent, expected_sent,
        "publishDiagnostics ({encoding}); {context}"
    );

    // The hover on `2.000`: Neovim computed the position from the cursor's byte column; the
    // server answers with the claim's range and its source.
    let h800 = &EXPECTED[2];
    let h800_line = document_lines[h800.line];
    let cursor = h800_line.find("2.000").expect("the H800 claim");
    assert_eq!(
        result["hover_position"],
        serde_json::json!({ "line": h800.line, "character": column(h800_line, cursor, &encoding) }),
        "the hover request's position; {context}"
    );
    assert_eq!(
        result["hover"]["range"],
        range(
            h800.line,
            column(h800_line, h800.byte_column, &encoding),
            column(h800_line, h800.byte_column + h800.text.len(), &encoding),
        ),
        "the hover's range; {context}"
    );
    let hover = result["hover"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("the hover has no Markdown contents; {context}"));
    for needle in [
        "nur 2.000 H800-GPUs",
        "agrees",
        "2,048",
        "DeepSeek-V3 Technical Report",
        "https://arxiv.org/abs/2412.19437",
    ] {
        assert!(
            hover.contains(needle),
            "the hover does not mention {needle:?}: {hover}"
        );
    }
}

/// `nvim --version`'s first line, or a failure that says how to install Neovim.
fn nvim_version_or_fail() -> String {
    match Command::new("nvim")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) if output.status.success() => String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("nvim")
            .to_owned(),
        Ok(output) => panic!(
            "`nvim --version` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => panic!(
            "this test needs Neovim 0.7 or newer on PATH, and `nvim` could not be run ({error}). \
             Install it with `apt-get update && apt-get install -y neovim` (Debian, Ubuntu) \
             or your system's package manager, then run `cargo test --test nvim_e2e` again."
        ),
    }
}

/// Writes the document and the script, runs Neovim on them with a time limit, and returns
/// the JSON the script wrote.
fn run_neovim(folder: &Path) -> Value {
    let document = folder.join("article.md");
    let script = folder.join("e2e.lua");
    let output = folder.join("result.json");
    let home = folder.join("home");
    fs::write(&document, DOCUMENT).expect("write the document");
    fs::write(&script, SCRIPT).expect("write the script");
    fs::create_dir_all(&home).expect("create Neovim's home");
    let stdout = fs::File::create(folder.join("nvim.stdout")).expect("create nvim.stdout");
    let stderr = fs::File::create(folder.join("nvim.stderr")).expect("create nvim.stderr");

    let started = Instant::now();
    // The script is run through `pcall`, so a Lua error ends Neovim instead of leaving it
    // waiting for input.
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("-c")
        .arg(
            "lua local ok, error = pcall(dofile, os.getenv('FACTLINT_E2E_SCRIPT')) \
             if not ok then io.stderr:write(tostring(error) .. '\\n') vim.cmd('cquit 3') end",
        )
        .env("FACTLINT_E2E_BIN", env!("CARGO_BIN_EXE_factlint"))
        .env("FACTLINT_E2E_DOC", &document)
        .env("FACTLINT_E2E_OUT", &output)
        .env("FACTLINT_E2E_SCRIPT", &script)
        // Neovim's logs, state and any configuration stay inside the temporary folder.
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .current_dir(folder)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("start nvim");
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for nvim") {
            break status;
        }
        if started.elapsed() > NVIM_TIMEOUT {
            // Killing Neovim closes the server's standard input, which ends the server too.
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "nvim did not quit within {NVIM_TIMEOUT:?}; killed it. {}",
                logs(folder)
            );
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(
        status.success(),
        "nvim exited with {status}. {}",
        logs(folder)
    );
    let text = fs::read_to_string(&output)
        .unwrap_or_else(|error| panic!("no result from the script ({error}). {}", logs(folder)));
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("the result is not JSON ({error}): {text}"))
}

/// Neovim's output and its LSP log, for failure messages.
fn logs(folder: &Path) -> String {
    let read = |path: PathBuf| fs::read_to_string(&path).unwrap_or_default();
    format!(
        "nvim stdout: {:?}; nvim stderr: {:?}; lsp.log: {:?}",
        read(folder.join("nvim.stdout")),
        read(folder.join("nvim.stderr")),
        read(folder.join("home/cache/nvim/lsp.log")),
    )
}

/// A byte column on a line as a protocol column in the given encoding.
fn column(line: &str, byte_column: usize, encoding: &str) -> usize {
    let before = &line[..byte_column];
    match encoding {
        "utf-8" => before.len(),
        "utf-16" => before.encode_utf16().count(),
        "utf-32" => before.chars().count(),
        other => panic!("unknown position encoding {other:?}"),
    }
}

/// An LSP range on one line.
fn range(line: usize, start: usize, end: usize) -> Value {
    serde_json::json!({
        "start": { "line": line, "character": start },
        "end": { "line": line, "character": end },
    })
}

/// Checks that an expectation's columns are those of its text in the document, so that the
/// hand-written numbers above cannot drift from the document.
fn check_expectation(line: &str, expected: &Expected) {
    assert_eq!(
        line.find(expected.text),
        Some(expected.byte_column),
        "{} is not at byte {} of {line:?}",
        expected.text,
        expected.byte_column
    );
    assert_eq!(
        column(line, expected.byte_column, "utf-16"),
        expected.utf16_column,
        "{} is not at UTF-16 column {} of {line:?}",
        expected.text,
        expected.utf16_column
    );
}
