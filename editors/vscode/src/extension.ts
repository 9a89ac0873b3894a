// The VS Code extension: starts `factlint lsp` for Markdown and plain text, passes the
// `factlint.*` settings on, and adds the commands and the `factlint:` documentation scheme.
// The logic that needs no editor lives in the modules it imports, which have unit tests.

import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

import { type ClaimsFormat, parseClaims, renderClaims } from "./claims";
import { EXPLAIN_SCHEME, explainContent } from "./explain";
import { candidates, describe, probeBinary, resolveServer } from "./serverPath";
import {
  RESTART_SETTING_KEYS,
  checkedLanguageIds,
  didChangeConfigurationParams,
  documentSelector,
  serverSettings,
} from "./settings";

let client: LanguageClient | undefined;
let serverCommand: string | undefined;
let output: vscode.OutputChannel;
/** Serialises starts and stops, so that two quick restarts cannot run two servers. */
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("factlint");
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("factlint.restartServer", () => queue(() => restart(context))),
    vscode.commands.registerCommand("factlint.showClaims", (format?: ClaimsFormat) => showClaims(format)),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, new ExplainProvider()),
    vscode.workspace.onDidOpenTextDocument(showExplainAsMarkdown),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTING_KEYS.some((key) => event.affectsConfiguration(`factlint.${key}`))) {
        void queue(() => restart(context));
      }
    }),
  );

  void queue(() => start(context));
}

export function deactivate(): Thenable<void> | undefined {
  return queue(stop);
}

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function readSettings() {
  return serverSettings(vscode.workspace.getConfiguration("factlint"));
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration("factlint");
  const list = candidates({
    setting: configuration.get<string>("server.path"),
    extensionPath: context.extensionPath,
    platform: process.platform,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homeDir: os.homedir(),
    pathVariable: process.env.PATH,
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  });
  const resolution = await resolveServer(list, (command) => probeBinary(command));
  for (const { candidate, error } of resolution.rejected) {
    output.appendLine(`Skipped ${describe(candidate)} (${candidate.command}): ${error}`);
  }
  if (!resolution.ok) {
    serverCommand = undefined;
    output.appendLine(resolution.message);
    void vscode.window.showErrorMessage(resolution.message, "Open Settings", "Show Output").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "factlint.server.path");
      } else if (choice === "Show Output") {
        output.show();
      }
    });
    return;
  }
  if (resolution.rejected.some(({ candidate }) => candidate.source === "setting")) {
    void vscode.window.showWarningMessage(
      `factlint: the factlint.server.path setting does not name a working binary; using ${describe({ source: resolution.source, command: resolution.command })} (${resolution.command}) instead.`,
    );
  }
  serverCommand = resolution.command;
  output.appendLine(`Using factlint ${resolution.version} from ${describe({ source: resolution.source, command: resolution.command })}: ${resolution.command}`);

  const settings = readSettings();
  const serverOptions: ServerOptions = {
    command: resolution.command,
    args: ["lsp"],
    options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings),
    initializationOptions: () => readSettings(),
    outputChannel: output,
    synchronize: { configurationSection: "factlint" },
    middleware: {
      workspace: {
        // The server gets the same cleaned-up object as at initialisation, not the raw section.
        didChangeConfiguration: async () => {
          await client?.sendNotification(
            DidChangeConfigurationNotification.type,
            didChangeConfigurationParams(readSettings()),
          );
        },
      },
    },
  };
  const languageClient = new LanguageClient("factlint", "factlint", serverOptions, clientOptions);
  client = languageClient;
  try {
    await languageClient.start();
  } catch (error) {
    client = undefined;
    const message = `factlint: the language server (${resolution.command} lsp) did not start: ${errorText(error)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop(5000);
    } catch (error) {
      output.appendLine(`Stopping the server failed: ${errorText(error)}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.appendLine("Restarting the language server.");
  await stop();
  await start(context);
}

async function showClaims(format: ClaimsFormat = "markdown"): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage("factlint: open a Markdown or plain-text document first.");
    return;
  }
  const document = editor.document;
  if (!checkedLanguageIds(readSettings()).includes(document.languageId)) {
    void vscode.window.showInformationMessage(
      `factlint: this document's language is ${document.languageId}; factlint checks Markdown and plain text (and the languages in factlint.languageIds).`,
    );
    return;
  }
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage("factlint: the language server is not running; see the factlint output.");
    return;
  }
  try {
    const answer = await client.sendRequest("factlint/claims", {
      uri: client.code2ProtocolConverter.asUri(document.uri),
    });
    const claims = parseClaims(answer);
    const name = vscode.workspace.asRelativePath(document.uri, false);
    const shown = await vscode.workspace.openTextDocument({
      language: format === "json" ? "json" : "markdown",
      content: renderClaims(claims, name, format),
    });
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  } catch (error) {
    void vscode.window.showErrorMessage(`factlint: could not get the claims: ${errorText(error)}`);
  }
}

/** Serves `factlint:explain/FL001` with the output of `factlint explain FL001`. */
class ExplainProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return explainContent(serverCommand, uri.path);
  }
}

/** Code documentation is Markdown; the URI has no extension to say so. */
function showExplainAsMarkdown(document: vscode.TextDocument): void {
  if (document.uri.scheme === EXPLAIN_SCHEME && document.languageId !== "markdown") {
    void vscode.languages.setTextDocumentLanguage(document, "markdown");
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
