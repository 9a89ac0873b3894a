//! In-process protocol tests: a client and the server over an in-memory duplex, speaking real
//! JSON-RPC with `Content-Length` framing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test and benchmark harness code: a failed setup step fails the run"
)]
#![allow(
    clippy::disallowed_methods,
    reason = "tests write rule files for the server to read"
)]

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};

use factlint::claims::Date;

struct Client {
    writer: WriteHalf<DuplexStream>,
    reader: BufReader<ReadHalf<DuplexStream>>,
    next_id: i64,
    notifications: VecDeque<Value>,
}

const TIMEOUT: Duration = Duration::from_secs(30);

impl Client {
    async fn start() -> Client {
        let (client_io, server_io) = tokio::io::duplex(1 << 22);
        let (server_read, server_write) = tokio::io::split(server_io);
        tokio::spawn(factlint::lsp::serve(
            server_read,
            server_write,
            Date {
                year: 2026,
                month: Some(11),
                day: Some(29),
            },
        ));
        let (read, write) = tokio::io::split(client_io);
        Client {
            writer: write,
            reader: BufReader::new(read),
            next_id: 1,
            notifications: VecDeque::new(),
        }
    }

    async fn send_raw(&mut self, body: &str) {
        let message = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer.write_all(message.as_bytes()).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    async fn send(&mut self, value: Value) {
        self.send_raw(&value.to_string()).await;
    }

    async fn receive(&mut self) -> Value {
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(TIMEOUT, self.reader.read_line(&mut line))
                .await
                .expect("the server answers in time")
                .unwrap();
            assert!(read > 0, "the server closed the connection");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Sends a request and returns its response, keeping notifications and answering the
    /// server's own requests.
    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        loop {
            let message = self.receive().await;
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.handle(message).await;
        }
    }

    async fn handle(&mut self, message: Value) {
        if message.get("method").is_some() && message.get("id").is_some() {
            // A request from the server (client/registerCapability, …): accept it.
            let id = message["id"].clone();
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }))
                .await;
        } else if message.get("method").is_some() {
            self.notifications.push_back(message);
        }
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    async fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let response = self.request("initialize", json!({ "processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options })).await;
        self.notify("initialized", json!({})).await;
        response
    }

    /// Waits for `publishDiagnostics` for `uri` at `version`.
    async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            if let Some(at) = self.notifications.iter().position(|message| {
                message["method"] == "textDocument/publishDiagnostics"
                    && message["params"]["uri"] == uri
                    && message["params"]["version"] == version
            }) {
                let message = self.notifications.remove(at).unwrap();
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            let message = self.receive().await;
            self.handle(message).await;
        }
    }

    async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } })).await;
    }
}

const GERMAN: &str = "Der Konzern hat 2.000 Grafikkarten; im Vorjahr waren es 2000 Grafikkarten.\nDie Auslastung lag bei 22, 4 % im Schnitt, und das ist viel.\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
        .collect()
}

fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

#[tokio::test]
async fn open_publishes_versioned_diagnostics_with_codes_and_links() {
    let mut client = Client::start().await;
    let response = client.initialize(json!({}), json!(null)).await;
    assert_eq!(
        response["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(
        response["result"]["capabilities"]["textDocumentSync"]["change"],
        2
    );
    client.open("file:///tmp/a.txt", "plaintext", GERMAN).await;
    let diagnostics = client.diagnostics("file:///tmp/a.txt", 1).await;
    let malformed = find(&diagnostics, "FL001");
    assert_eq!(
        malformed["range"],
        json!({ "start": { "line": 1, "character": 23 }, "end": { "line": 1, "character": 28 } })
    );
    assert_eq!(malformed["source"], "factlint");
    assert_eq!(
        malformed["codeDescription"]["href"],
        "factlint:explain/FL001"
    );
    let format = find(&diagnostics, "FL002");
    assert_eq!(
        format["relatedInformation"][0]["location"]["range"]["start"],
        json!({ "line": 0, "character": 16 })
    );
}

#[tokio::test]
async fn positions_are_utf16_by_default_and_utf8_when_offered() {
    let text = "ä ß € „“ 😀 中文 lag bei 22, 4 % im Schnitt, und das ist nicht viel.\r\nZweite Zeile\rmit 23, 5 % und das ist auch nicht viel.\n";
    let line = text.split("\r\n").next().unwrap();
    let byte_column = line.find("22, 4").unwrap();
    let utf16_column: usize = line[..byte_column].chars().map(char::len_utf16).sum();
    for (capabilities, expected) in [
        (json!({}), utf16_column),
        (
            json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
            byte_column,
        ),
    ] {
        let mut client = Client::start().await;
        client
            .initialize(capabilities, json!({ "language": "de" }))
            .await;
        client.open("file:///tmp/p.txt", "plaintext", text).await;
        let diagnostics = client.diagnostics("file:///tmp/p.txt", 1).await;
        let ranges: Vec<&Value> = diagnostics
            .iter()
            .filter(|diagnostic| diagnostic["code"] == "FL001")
            .map(|diagnostic| &diagnostic["range"])
            .collect();
        assert_eq!(
            ranges[0]["start"],
            json!({ "line": 0, "character": expected }),
            "{ranges:?}"
        );
        // `\r` alone ends a line too.
        assert_eq!(ranges[1]["start"]["line"], 2, "{ranges:?}");
        assert_eq!(ranges[1]["start"]["character"], 4, "{ranges:?}");
    }
}

#[tokio::test]
async fn hover_shows_value_conversion_check_and_source() {
    let mut client = Client::start().await;
    client.initialize(json!({}), json!(null)).await;
    let text = "DeepSeek says its V3 model was trained on just 2,000 H800 GPUs for $5.6 million.\n\nThe plan: 1 trillion yuan over five years.\n\nPower sold at €78/MWh.\n";
    client.open("file:///tmp/h.md", "markdown", text).await;
    client.diagnostics("file:///tmp/h.md", 1).await;
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/h.md" }, "position": { "line": 0, "character": 50 } })).await;
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("2,000 H800 GPUs"), "{value}");
    assert!(value.contains("agrees"), "{value}");
    assert!(value.contains("arxiv.org/abs/2412.19437"), "{value}");
    assert!(
        value.contains("2,800 USD"),
        "the cost per GPU is computed: {value}"
    );
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/h.md" }, "position": { "line": 2, "character": 12 } })).await;
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("trillion"), "{value}");
    assert!(
        value.contains("USD"),
        "converted to the reporting currency: {value}"
    );
    assert!(value.contains("Period: over five years"), "{value}");
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/h.md" }, "position": { "line": 4, "character": 15 } })).await;
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("Per: MWh"), "{value}");
    let nothing = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/h.md" }, "position": { "line": 0, "character": 2 } })).await;
    assert_eq!(nothing["result"], Value::Null);
}

#[tokio::test]
async fn code_actions_offer_fixes_and_suppressions() {
    let mut client = Client::start().await;
    client.initialize(json!({}), json!(null)).await;
    client.open("file:///tmp/c.txt", "plaintext", GERMAN).await;
    let diagnostics = client.diagnostics("file:///tmp/c.txt", 1).await;
    let malformed = find(&diagnostics, "FL001").clone();
    let actions = client
        .request("textDocument/codeAction", json!({ "textDocument": { "uri": "file:///tmp/c.txt" }, "range": malformed["range"], "context": { "diagnostics": [malformed] } }))
        .await;
    let actions = actions["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|action| action["title"].as_str().unwrap())
        .collect();
    let fix = actions
        .iter()
        .find(|action| action["title"] == "Write `22,4`")
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(
        fix["edit"]["changes"]["file:///tmp/c.txt"][0]["newText"],
        "22,4"
    );
    assert!(
        titles.contains(&"Suppress FL001 on this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Suppress FL001 in this file"),
        "{titles:?}"
    );

    // Applying the suppression removes the finding.
    let suppress = actions
        .iter()
        .find(|action| action["title"] == "Suppress FL001 on this line")
        .unwrap();
    let edit = &suppress["edit"]["changes"]["file:///tmp/c.txt"][0];
    client
        .notify("textDocument/didChange", json!({ "textDocument": { "uri": "file:///tmp/c.txt", "version": 2 }, "contentChanges": [{ "range": edit["range"], "text": edit["newText"] }] }))
        .await;
    let diagnostics = client.diagnostics("file:///tmp/c.txt", 2).await;
    assert!(
        !codes(&diagnostics).contains(&"FL001".to_owned()),
        "{diagnostics:#?}"
    );
}

/// A tiny deterministic generator, so the test needs no extra crate.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_rapid_edits_end_where_a_fresh_open_ends() {
    let mut client = Client::start().await;
    client.initialize(json!({}), json!(null)).await;
    let mut text = String::from(
        "# Report\n\nDeepSeek trained V3 on 2,048 H800 GPUs for $5.6 million.\n\nDer Umsatz stieg um 22, 4 % auf 1 Billion Yuan.\n",
    );
    client.open("file:///tmp/r.md", "markdown", &text).await;
    let pieces = [
        "5",
        " ",
        "\n",
        "\n\n",
        "%",
        "2.000 H800",
        " Mio. Euro",
        "ä",
        "😀",
        "from 10 % to 15 %, up 5 %",
        "`",
        "```\n",
        ",",
        "1/50",
    ];
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut version = 1;
    for _ in 0..400 {
        version += 1;
        // Positions in UTF-16, as the client counts them.
        let lines: Vec<&str> = text.split('\n').collect();
        let line = random.below(lines.len());
        let units: Vec<u16> = lines[line].encode_utf16().collect();
        let mut start = random.below(units.len() + 1);
        // Never split a surrogate pair.
        while start > 0 && start < units.len() && (0xDC00..0xE000).contains(&units[start]) {
            start -= 1;
        }
        let delete = if random.below(3) == 0 {
            random.below(4).min(units.len() - start)
        } else {
            0
        };
        let mut end = start + delete;
        while end < units.len() && (0xDC00..0xE000).contains(&units[end]) {
            end += 1;
        }
        let insert = if delete > 0 && random.below(2) == 0 {
            ""
        } else {
            pieces[random.below(pieces.len())]
        };
        // Apply locally in bytes.
        let line_start: usize = lines[..line].iter().map(|line| line.len() + 1).sum();
        let byte = |unit: usize| line_start + String::from_utf16_lossy(&units[..unit]).len();
        let (from, to) = (byte(start), byte(end));
        text.replace_range(from..to, insert);
        client
            .notify(
                "textDocument/didChange",
                json!({
                    "textDocument": { "uri": "file:///tmp/r.md", "version": version },
                    "contentChanges": [{ "range": { "start": { "line": line, "character": start }, "end": { "line": line, "character": end } }, "text": insert }]
                }),
            )
            .await;
    }
    let incremental = client.diagnostics("file:///tmp/r.md", version).await;
    client.open("file:///tmp/fresh.md", "markdown", &text).await;
    let fresh = client.diagnostics("file:///tmp/fresh.md", 1).await;
    let strip = |diagnostics: &[Value]| -> Vec<Value> {
        diagnostics
            .iter()
            .map(|diagnostic| {
                let mut diagnostic = diagnostic.clone();
                if let Some(related) = diagnostic["relatedInformation"].as_array_mut() {
                    for info in related {
                        info["location"]["uri"] = json!("");
                    }
                }
                diagnostic
            })
            .collect()
    };
    assert_eq!(strip(&incremental), strip(&fresh), "text:\n{text}");
    // And the server's text is the client's text: hovering the end of the document works.
    let last_line = text.split('\n').count() - 1;
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/r.md" }, "position": { "line": last_line, "character": 0 } })).await;
    assert!(hover.get("error").is_none());
}

#[tokio::test]
async fn configuration_changes_apply_without_a_restart() {
    let mut client = Client::start().await;
    client
        .initialize(
            json!({}),
            json!({ "factlint": { "severity": { "FL002": "error" } } }),
        )
        .await;
    client.open("file:///tmp/s.txt", "plaintext", GERMAN).await;
    let diagnostics = client.diagnostics("file:///tmp/s.txt", 1).await;
    assert_eq!(find(&diagnostics, "FL002")["severity"], 1);
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "factlint": { "severity": { "FL001": "off" } } } }),
        )
        .await;
    // The document is read again; its diagnostics come with the same version.
    let diagnostics = client.diagnostics("file:///tmp/s.txt", 1).await;
    assert!(
        !codes(&diagnostics).contains(&"FL001".to_owned()),
        "{diagnostics:#?}"
    );
    assert_eq!(find(&diagnostics, "FL002")["severity"], 2);
}

#[tokio::test]
async fn rule_files_reload_and_broken_ones_keep_the_last_good_rules() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("ours.toml");
    let good = r#"
[[source]]
id = "our-count"
title = "Our count"
url = "https://example.com/count"

[[fact]]
id = "deepseek-v3.training-gpus"
statement = "By our count, DeepSeek-V3 was trained on 10,000 H800 GPUs."
subject = "deepseek-v3"
kind = "count"
value = 10000
unit = "H800"
context = { en = ["trained"] }
source = "our-count"
"#;
    std::fs::write(&rules, good).unwrap();
    std::fs::write(
        folder.path().join("factlint.toml"),
        "rules = [\"ours.toml\"]\n",
    )
    .unwrap();
    let document = folder.path().join("a.md");
    let uri = format!("file://{}", document.display());
    let rules_uri = format!("file://{}", rules.display());
    let mut client = Client::start().await;
    client
        .initialize(
            json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
            json!(null),
        )
        .await;
    client
        .open(
            &uri,
            "markdown",
            "DeepSeek says its V3 model was trained on just 2,000 H800 GPUs.\n",
        )
        .await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(
        find(&diagnostics, "FL101")["code"],
        "FL101",
        "our fact disagrees: {diagnostics:#?}"
    );

    // Break the file: the last good rules stay, and the rule file gets a diagnostic.
    std::fs::write(&rules, "[[fact]\nid = \"broken").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": rules_uri, "type": 2 }] }),
        )
        .await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert!(
        codes(&diagnostics).contains(&"FL101".to_owned()),
        "{diagnostics:#?}"
    );
    let rule_diagnostics = loop {
        if let Some(at) = client
            .notifications
            .iter()
            .position(|message| message["params"]["uri"] == rules_uri.as_str())
        {
            break client.notifications.remove(at).unwrap();
        }
        let message = client.receive().await;
        client.handle(message).await;
    };
    assert_eq!(
        rule_diagnostics["params"]["diagnostics"][0]["range"]["start"]["line"],
        0
    );
    assert!(
        rule_diagnostics["params"]["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("TOML")
    );

    // Remove our fact: the bundled one (2,048) agrees again.
    std::fs::write(&rules, "").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": rules_uri, "type": 2 }] }),
        )
        .await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert!(
        codes(&diagnostics).contains(&"FL100".to_owned()),
        "{diagnostics:#?}"
    );
}

#[tokio::test]
async fn bad_input_gets_an_error_or_a_warning_never_a_crash() {
    let mut client = Client::start().await;
    client
        .initialize(json!({}), json!({ "inlayHints": "not a boolean" }))
        .await;
    // Malformed JSON and a broken header: dropped with a warning; the server goes on.
    client
        .send_raw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ")
        .await;
    client
        .writer
        .write_all(b"Content-Length: many\r\n\r\n")
        .await
        .unwrap();
    // A valid message that is not JSON-RPC: an error response.
    let response = client
        .request("textDocument/hover", json!({ "no": "fields" }))
        .await;
    assert_eq!(response["error"]["code"], -32602, "{response}");
    // An unknown method.
    let response = client.request("factlint/noSuchMethod", json!({})).await;
    assert_eq!(response["error"]["code"], -32601, "{response}");
    // Requests for a document that is not open.
    let response = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///nowhere.md" }, "position": { "line": 0, "character": 0 } })).await;
    assert_eq!(response["result"], Value::Null);
    // A change before the open.
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": "file:///early.md", "version": 2 }, "contentChanges": [{ "text": "x" }] })).await;
    // Binary garbage and a change far past the end.
    let garbage: String = (0u8..=255)
        .map(char::from)
        .chain("\u{0}\u{FFFF}\u{1F600}".chars())
        .collect();
    client
        .open("file:///tmp/g.txt", "plaintext", &garbage)
        .await;
    client.diagnostics("file:///tmp/g.txt", 1).await;
    client
        .notify("textDocument/didChange", json!({ "textDocument": { "uri": "file:///tmp/g.txt", "version": 2 }, "contentChanges": [{ "range": { "start": { "line": 999, "character": 5 }, "end": { "line": 1000, "character": 0 } }, "text": " 22, 4 % mehr" }] }))
        .await;
    client.diagnostics("file:///tmp/g.txt", 2).await;
    // Positions out of range in a request.
    let response = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///tmp/g.txt" }, "position": { "line": 4000, "character": 4000 } })).await;
    assert!(response.get("error").is_none(), "{response}");
    // A large document.
    let mut large = "Der Umsatz war hoch, und das ist nicht wenig für eine Firma dieser Größe.\n\n"
        .repeat(270_000);
    large.push_str("Am Ende lag die Auslastung bei 22, 4 % im Schnitt.\n");
    assert!(large.len() > 20_000_000);
    client
        .open("file:///tmp/large.txt", "plaintext", &large)
        .await;
    let diagnostics = client.diagnostics("file:///tmp/large.txt", 1).await;
    assert_eq!(codes(&diagnostics), vec!["FL001".to_owned()]);
    // Still answering, and shutting down cleanly.
    let response = client.request("shutdown", json!(null)).await;
    assert!(
        response.get("error").is_none() && response["result"].is_null(),
        "{response}"
    );
    client.notify("exit", json!(null)).await;
}

#[tokio::test]
async fn inlay_hints_and_the_claims_request() {
    let mut client = Client::start().await;
    client
        .initialize(json!({}), json!({ "inlayHints": true }))
        .await;
    client.open("file:///tmp/i.md", "markdown", "Die Bank von China will in den nächsten Jahren 1 Billion Yuan in den Sektor investieren, und das ist nicht wenig.\n").await;
    client.diagnostics("file:///tmp/i.md", 1).await;
    let hints = client
        .request("textDocument/inlayHint", json!({ "textDocument": { "uri": "file:///tmp/i.md" }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } } }))
        .await;
    let label = hints["result"][0]["label"].as_str().unwrap();
    assert!(label.starts_with("≈ ") && label.ends_with("USD"), "{label}");
    let claims = client
        .request("factlint/claims", json!({ "uri": "file:///tmp/i.md" }))
        .await;
    assert_eq!(claims["result"][0]["text"], "1 Billion Yuan");
    assert_eq!(claims["result"][0]["value"], 1_000_000_000_000i64);
}

/// The real binary exits on `exit` even while its standard input stays open: with status 0
/// after `shutdown`, 1 without.
#[test]
fn the_binary_exits_on_exit_with_the_right_status() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let frame = |value: Value| {
        let body = value.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    for (shutdown, expected) in [(true, 0), (false, 1)] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let mut output = child.stdout.take().unwrap();
        // Read the server's output on a thread; report each answered request id.
        let (answered, answers) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut buffer = [0u8; 4096];
            let mut reported = 0;
            while let Ok(read) = output.read(&mut buffer) {
                if read == 0 {
                    return;
                }
                seen.extend_from_slice(&buffer[..read]);
                let text = String::from_utf8_lossy(&seen);
                for id in reported + 1..=2 {
                    if text.contains(&format!("\"id\":{id}")) {
                        reported = id;
                        let _ = answered.send(id);
                    }
                }
            }
        });
        // Like a real client, wait for each answer before the next request.
        let send = |input: &mut std::process::ChildStdin, value: Value| {
            input.write_all(frame(value).as_bytes()).unwrap();
            input.flush().unwrap();
        };
        send(
            &mut input,
            json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
        );
        assert_eq!(
            answers
                .recv_timeout(Duration::from_secs(20))
                .expect("initialize is answered"),
            1
        );
        send(
            &mut input,
            json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        );
        if shutdown {
            send(
                &mut input,
                json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }),
            );
            assert_eq!(
                answers
                    .recv_timeout(Duration::from_secs(20))
                    .expect("shutdown is answered"),
                2
            );
        }
        send(&mut input, json!({ "jsonrpc": "2.0", "method": "exit" }));
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!("the server did not exit within 20 s of `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(input);
        assert_eq!(status.code(), Some(expected), "shutdown first: {shutdown}");
    }
}
