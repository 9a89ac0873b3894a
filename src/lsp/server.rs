//! The language server: each handler converts parameters, calls the core, converts the result.
//!
//! Document changes are applied to the workspace synchronously, before any `.await`, so that
//! concurrent notifications cannot reorder them. Analysis runs on the blocking pool with no
//! workspace lock held; one analysis loop per document coalesces edits that arrive while it
//! runs, drops stale results, and publishes diagnostics with the version they belong to.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::claims::Date;
use crate::engine::Session;

use super::convert::{Encoding, Lines};
use super::features;
use super::settings::Settings;
use super::workspace::{OpenDocument, Pending, Workspace, apply_pending, format_of, is_rules_file};

/// The analysis slot of a document: its session and the version it reflects.
pub struct Slot {
    pub session: Option<Session>,
    pub version: i32,
}

pub struct Server {
    client: Client,
    workspace: Arc<Mutex<Workspace>>,
    /// Set by `shutdown`, read when the connection ends.
    shut_down: Arc<std::sync::atomic::AtomicBool>,
}

impl Server {
    pub fn new(
        client: Client,
        today: Date,
        shut_down: Arc<std::sync::atomic::AtomicBool>,
    ) -> Server {
        Server {
            client,
            workspace: Arc::new(Mutex::new(Workspace::new(today))),
            shut_down,
        }
    }

    fn workspace(&self) -> MutexGuard<'_, Workspace> {
        lock(&self.workspace)
    }

    /// Starts the analysis loop of a document unless one is running.
    fn schedule(&self, uri: Uri) {
        {
            let mut workspace = self.workspace();
            let Some(document) = workspace.documents.get_mut(&uri) else {
                return;
            };
            if document.analyzing {
                return;
            }
            document.analyzing = true;
        }
        let workspace = self.workspace.clone();
        let client = self.client.clone();
        tokio::spawn(async move { analysis_loop(workspace, client, uri).await });
    }

    /// Runs `job` on the blocking pool with the document's session up to date.
    async fn with_session<T: Send + 'static>(
        &self,
        uri: &Uri,
        job: impl FnOnce(&Session, &Settings, Encoding, &Uri) -> T + Send + 'static,
    ) -> Result<Option<T>> {
        let workspace = self.workspace.clone();
        let uri_owned = uri.clone();
        let result = tokio::task::spawn_blocking(move || {
            let (slot, settings, encoding) = {
                let workspace = lock(&workspace);
                let document = workspace.documents.get(&uri_owned)?;
                (
                    document_slot(document),
                    workspace.settings.clone(),
                    workspace.encoding,
                )
            };
            let mut slot = lock(&slot);
            bring_up_to_date(&workspace, &uri_owned, &mut slot);
            let session = slot.session.as_ref()?;
            Some(std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                || job(session, &settings, encoding, &uri_owned),
            )))
        })
        .await;
        match result {
            Ok(Some(Ok(value))) => {
                // The request may have applied queued edits: make sure they get published.
                self.schedule(uri.clone());
                Ok(Some(value))
            }
            Ok(None) => Ok(None),
            Ok(Some(Err(_))) | Err(_) => {
                self.client.log_message(MessageType::ERROR, format!("factlint: an internal error occurred while answering a request for {}; the server goes on", uri.as_str())).await;
                Err(Error::internal_error())
            }
        }
    }

    /// Re-reads every open document (settings or rules changed) and publishes rule problems.
    async fn reconfigure(&self) {
        let uris: Vec<Uri> = {
            let mut workspace = self.workspace();
            workspace.reload_rules();
            let uris: Vec<Uri> = workspace.documents.keys().cloned().collect();
            for uri in &uris {
                let (options, rules) = workspace.resolve(uri);
                if let Some(document) = workspace.documents.get_mut(uri) {
                    document.rules = rules.clone();
                    document.options = options.clone();
                    // The same version gets new diagnostics.
                    document.published = None;
                    document.pending.push(Pending::Reset {
                        text: document.text.clone(),
                        options,
                        rules,
                    });
                }
            }
            uris
        };
        for uri in uris {
            self.schedule(uri);
        }
        self.publish_rule_problems().await;
    }

    /// Diagnostics in rule and configuration files themselves.
    async fn publish_rule_problems(&self) {
        let problems: Vec<(Uri, Vec<Diagnostic>)> = {
            let workspace = self.workspace();
            workspace
                .rule_problems
                .iter()
                .filter_map(|(path, problems)| {
                    let path = if path.is_absolute() {
                        path.clone()
                    } else {
                        workspace.root.clone().unwrap_or_default().join(path)
                    };
                    let uri = Uri::from_file_path(&path)?;
                    let diagnostics = problems
                        .iter()
                        .map(|problem| Diagnostic {
                            range: Range::new(
                                Position::new(
                                    problem.line.saturating_sub(1),
                                    problem.column.saturating_sub(1),
                                ),
                                Position::new(
                                    problem.line.saturating_sub(1),
                                    problem.column.saturating_sub(1) + 1,
                                ),
                            ),
                            severity: Some(DiagnosticSeverity::ERROR),
                            source: Some("factlint".to_owned()),
                            message: match &problem.hint {
                                Some(hint) => format!("{} ({hint})", problem.message),
                                None => problem.message.clone(),
                            },
                            ..Diagnostic::default()
                        })
                        .collect();
                    Some((uri, diagnostics))
                })
                .collect()
        };
        for (uri, diagnostics) in problems {
            self.client
                .publish_diagnostics(uri, diagnostics, None)
                .await;
        }
    }
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock must not take the server down: the data is still usable.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn document_slot(document: &OpenDocument) -> Arc<Mutex<Slot>> {
    document.slot.clone()
}

/// Applies the queued changes of a document to its session. The caller holds the slot lock,
/// so changes are applied in order; the workspace lock is held only to take them.
fn bring_up_to_date(workspace: &Mutex<Workspace>, uri: &Uri, slot: &mut Slot) {
    let (pending, version, format, rules) = {
        let mut workspace = lock(workspace);
        let Some(document) = workspace.documents.get_mut(uri) else {
            return;
        };
        (
            std::mem::take(&mut document.pending),
            document.version,
            document.format,
            document.rules.clone(),
        )
    };
    if !pending.is_empty() {
        apply_pending(&mut slot.session, pending, format, &rules);
        slot.version = version;
    }
}

/// The analysis loop of one document: applies queued changes, computes diagnostics, publishes
/// them if they are still current, and repeats while changes keep coming.
async fn analysis_loop(workspace: Arc<Mutex<Workspace>>, client: Client, uri: Uri) {
    loop {
        let job_workspace = workspace.clone();
        let job_uri = uri.clone();
        let result = tokio::task::spawn_blocking(move || {
            let (slot, settings, encoding) = {
                let workspace = lock(&job_workspace);
                let document = workspace.documents.get(&job_uri)?;
                (
                    document_slot(document),
                    workspace.settings.clone(),
                    workspace.encoding,
                )
            };
            let mut slot = lock(&slot);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                bring_up_to_date(&job_workspace, &job_uri, &mut slot);
                let session = slot.session.as_ref()?;
                let lines = Lines::new(session.text(), encoding);
                Some((
                    slot.version,
                    features::diagnostics(session, &settings, &lines, &job_uri),
                ))
            }))
            .ok()
            .flatten()
        })
        .await;
        let publish = match result {
            Ok(Some((version, diagnostics))) => {
                let mut workspace = lock(&workspace);
                let pull = workspace.pull_diagnostics;
                match workspace.documents.get_mut(&uri) {
                    // Newer changes are queued: this result is stale; the next round publishes.
                    Some(document)
                        if document.pending.is_empty()
                            && document.version == version
                            && document.published != Some(version)
                            && !pull =>
                    {
                        document.published = Some(version);
                        Some((version, diagnostics))
                    }
                    _ => None,
                }
            }
            Ok(None) => None,
            Err(_) => {
                client
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "factlint: analysing {} failed; the server goes on",
                            uri.as_str()
                        ),
                    )
                    .await;
                None
            }
        };
        if let Some((version, diagnostics)) = publish {
            client
                .publish_diagnostics(uri.clone(), diagnostics, Some(version))
                .await;
        }
        let mut workspace = lock(&workspace);
        match workspace.documents.get_mut(&uri) {
            Some(document) if !document.pending.is_empty() => continue,
            Some(document) => {
                document.analyzing = false;
                return;
            }
            None => return,
        }
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let pull_supported = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|text| text.diagnostic.is_some());
        let watch_supported = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watched| watched.dynamic_registration)
            .unwrap_or(false);
        let (settings, warning) = Settings::from_json(
            params
                .initialization_options
                .as_ref()
                .unwrap_or(&Value::Null),
        );
        let pull = match settings.diagnostic_mode.as_deref() {
            Some("pull") => true,
            Some("push") => false,
            _ => pull_supported,
        };
        {
            let mut workspace = self.workspace();
            workspace.encoding = if utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            };
            workspace.pull_diagnostics = pull;
            workspace.root = params
                .workspace_folders
                .as_ref()
                .and_then(|folders| folders.first())
                .and_then(|folder| folder.uri.to_file_path().map(|path| path.into_owned()));
            workspace.settings = settings;
            workspace.watch_supported = watch_supported;
        }
        if let Some(warning) = warning {
            self.client.log_message(MessageType::WARNING, warning).await;
        }
        Ok(InitializeResult {
            offset_encoding: None,
            server_info: Some(ServerInfo {
                name: "factlint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: None,
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR,
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("factlint".to_owned()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..DiagnosticOptions::default()
                    })
                }),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let watch = self.workspace().watch_supported;
        if watch {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.toml".to_owned()),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "factlint-rules".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(options).ok(),
            };
            if self
                .client
                .register_capability(vec![registration])
                .await
                .is_err()
            {
                self.client.log_message(MessageType::WARNING, "factlint: the editor did not accept watching rule files; restart the server after changing them").await;
            }
        }
        self.client
            .log_message(MessageType::INFO, "factlint language server ready")
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down
            .store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let checked = {
            let mut workspace = self.workspace();
            if !workspace.settings.checks_language_id(&document.language_id) {
                false
            } else {
                let (options, rules) = workspace.resolve(&document.uri);
                let format = format_of(&document.language_id, &document.uri);
                workspace.documents.insert(
                    document.uri.clone(),
                    OpenDocument {
                        version: document.version,
                        format,
                        options: options.clone(),
                        text: document.text.clone(),
                        pending: vec![Pending::Reset {
                            text: document.text,
                            options,
                            rules: rules.clone(),
                        }],
                        slot: Arc::new(Mutex::new(Slot {
                            session: None,
                            version: document.version,
                        })),
                        rules,
                        analyzing: false,
                        published: None,
                    },
                );
                true
            }
        };
        if checked {
            self.schedule(document.uri);
            self.publish_rule_problems().await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let warning = {
            let mut workspace = self.workspace();
            let encoding = workspace.encoding;
            match workspace.documents.get_mut(&uri) {
                None => Some(format!(
                    "factlint: a change to {}, which is not open, was ignored (didChange before didOpen)",
                    uri.as_str()
                )),
                Some(document) => {
                    let mut warning = None;
                    if params.text_document.version <= document.version {
                        warning = Some(format!(
                            "factlint: version {} of {} arrived after version {}; applied in arrival order",
                            params.text_document.version,
                            uri.as_str(),
                            document.version
                        ));
                    }
                    document.version = params.text_document.version;
                    let clamped = document.apply_changes(params.content_changes, encoding);
                    warning.or(clamped)
                }
            }
        };
        if let Some(warning) = warning {
            self.client.log_message(MessageType::WARNING, warning).await;
        }
        self.schedule(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let (removed, pull) = {
            let mut workspace = self.workspace();
            (
                workspace
                    .documents
                    .remove(&params.text_document.uri)
                    .is_some(),
                workspace.pull_diagnostics,
            )
        };
        if removed && !pull {
            self.client
                .publish_diagnostics(params.text_document.uri, Vec::new(), None)
                .await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let (settings, warning) = Settings::from_json(&params.settings);
        self.workspace().settings = settings;
        if let Some(warning) = warning {
            self.client.log_message(MessageType::WARNING, warning).await;
        }
        self.reconfigure().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let relevant = params.changes.iter().any(|change| {
            change
                .uri
                .to_file_path()
                .is_some_and(|path| is_rules_file(&path))
        });
        if relevant {
            self.reconfigure().await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let uri = params.text_document_position_params.text_document.uri;
        Ok(self
            .with_session(&uri, move |session, settings, encoding, _| {
                let lines = Lines::new(session.text(), encoding);
                features::hover(session, settings, &lines, lines.offset(position))
            })
            .await?
            .flatten())
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        self.with_session(
            &params.text_document.uri,
            move |session, settings, encoding, uri| {
                let lines = Lines::new(session.text(), encoding);
                features::code_actions(session, settings, &lines, uri, lines.span(range))
            },
        )
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        if !self.workspace().settings.inlay_hints {
            return Ok(Some(Vec::new()));
        }
        let range = params.range;
        self.with_session(&params.text_document.uri, move |session, _, encoding, _| {
            let lines = Lines::new(session.text(), encoding);
            features::inlay_hints(session, &lines, lines.span(range))
        })
        .await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = self
            .with_session(&uri, move |session, settings, encoding, uri| {
                let lines = Lines::new(session.text(), encoding);
                features::diagnostics(session, settings, &lines, uri)
            })
            .await?
            .unwrap_or_default();
        let version = self
            .workspace()
            .documents
            .get(&uri)
            .map(|document| document.version);
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: version.map(|version| version.to_string()),
                    items,
                },
            }),
        ))
    }
}

/// `factlint/claims`: the claims of a document as the JSON of `factlint claims --format json`.
pub async fn claims_request(server: &Server, params: TextDocumentIdentifier) -> Result<Value> {
    let uri = params.uri.clone();
    let claims = server
        .with_session(&params.uri, move |session, _, _, _| {
            let index = crate::text::LineIndex::new(session.text());
            let name = uri.as_str().to_owned();
            session
                .claims()
                .iter()
                .map(|claim| crate::report::claim_value(claim, &name, session.text(), &index))
                .collect::<Vec<_>>()
        })
        .await?
        .ok_or_else(|| Error::invalid_params("the document is not open"))?;
    Ok(Value::Array(claims))
}
