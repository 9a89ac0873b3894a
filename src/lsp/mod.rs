//! `factlint lsp`: the language server over stdio (tower-lsp-server on tokio).
//!
//! This module is an adapter: it is the only place that knows the protocol, and the core never
//! calls it. It lives in the library so that protocol tests can drive it in-process.

mod convert;
mod features;
mod server;
mod settings;
mod workspace;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::{ClientSocket, LspService, Server as Transport};

use crate::claims::Date;

pub use server::Server;
pub use settings::Settings;

/// The service and its client socket, for running over any transport (tests use an
/// in-memory duplex).
pub fn service(today: Date) -> (LspService<Server>, ClientSocket) {
    service_with(today, Arc::new(AtomicBool::new(false)))
}

fn service_with(today: Date, shut_down: Arc<AtomicBool>) -> (LspService<Server>, ClientSocket) {
    LspService::build(move |client| Server::new(client, today, shut_down.clone()))
        .custom_method("factlint/claims", server::claims_request)
        .finish()
}

/// Serves the protocol on standard input and output until the client exits. Returns whether
/// the client asked for `shutdown` before `exit` (the protocol's exit status is 1 otherwise).
pub fn run_stdio(today: Date) -> std::io::Result<bool> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), today));
    // Reading standard input blocks a pool thread until the client closes the pipe; after
    // `exit`, do not wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    Ok(clean)
}

/// Serves the protocol on any pair of streams until the client exits.
///
/// Incoming messages pass a filter first: a frame whose body is not JSON, or whose header is
/// broken, is dropped with a warning on standard error, because the transport underneath
/// would otherwise stop reading after the first malformed message.
pub async fn serve<R, W>(input: R, output: W, today: Date) -> bool
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let shut_down = Arc::new(AtomicBool::new(false));
    let (service, socket) = service_with(today, shut_down.clone());
    let (filtered, transport_input) = tokio::io::duplex(1 << 20);
    tokio::spawn(filter_messages(input, filtered));
    Transport::new(transport_input, output, socket)
        .serve(service)
        .await;
    shut_down.load(Ordering::SeqCst)
}

/// Copies well-formed messages from `input` to `output`.
async fn filter_messages<R: AsyncRead + Unpin, W: AsyncWrite + Unpin>(input: R, mut output: W) {
    let mut input = BufReader::new(input);
    loop {
        let mut length: Option<usize> = None;
        let mut header_ok = true;
        loop {
            let mut line = String::new();
            match input.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                if length.is_some() || !header_ok {
                    break;
                }
                continue;
            }
            match line.split_once(':') {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    match value.trim().parse() {
                        Ok(value) => length = Some(value),
                        Err(_) => header_ok = false,
                    }
                }
                Some(_) => {}
                None => header_ok = false,
            }
        }
        let Some(length) = length.filter(|_| header_ok) else {
            eprintln!("factlint lsp: warning: ignored a message with a broken header");
            continue;
        };
        if length > 512 * 1024 * 1024 {
            eprintln!("factlint lsp: warning: ignored a message of {length} bytes");
            return;
        }
        let mut body = vec![0; length];
        if input.read_exact(&mut body).await.is_err() {
            return;
        }
        if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_err() {
            eprintln!("factlint lsp: warning: ignored a message that is not JSON ({length} bytes)");
            continue;
        }
        let header = format!("Content-Length: {length}\r\n\r\n");
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
            || output.flush().await.is_err()
        {
            return;
        }
    }
}
