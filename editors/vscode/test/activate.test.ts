// Tests the extension's glue with a stand-in for the `vscode` module: what `activate`
// registers, the error when no binary works, and that the restart command and a change of
// `factlint.server.path` look for the binary again. No VS Code is downloaded or run.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";

type Listener = (event: unknown) => unknown;

const recorded = {
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  providers: new Map<string, { provideTextDocumentContent(uri: { path: string }): Promise<string> }>(),
  configurationListeners: [] as Listener[],
  errors: [] as string[],
  informations: [] as string[],
  output: [] as string[],
};

const settings: Record<string, unknown> = { "server.path": "/nonexistent/factlint" };

/** A value for any member the tests do not care about: callable, constructible, and inert. */
function inert(): unknown {
  const target = function () {
    return inert();
  };
  return new Proxy(target, {
    get: (_, key) => (key === "then" ? undefined : key === "dispose" ? () => undefined : inert()),
    construct: () => ({ dispose: () => undefined }),
  });
}

function withFallback<T extends object>(members: T): T {
  return new Proxy(members, {
    get: (object, key) => (key in object ? (object as Record<PropertyKey, unknown>)[key] : inert()),
  });
}

const disposable = { dispose: () => undefined };

const vscode = withFallback({
  ViewColumn: { Beside: -2 },
  window: withFallback({
    createOutputChannel: () => ({ appendLine: (line: string) => recorded.output.push(line), show: () => undefined, dispose: () => undefined }),
    showErrorMessage: (message: string) => {
      recorded.errors.push(message);
      return Promise.resolve(undefined);
    },
    showWarningMessage: () => Promise.resolve(undefined),
    showInformationMessage: (message: string) => {
      recorded.informations.push(message);
      return Promise.resolve(undefined);
    },
    activeTextEditor: undefined,
  }),
  commands: withFallback({
    registerCommand: (name: string, callback: (...args: unknown[]) => unknown) => {
      recorded.commands.set(name, callback);
      return disposable;
    },
  }),
  workspace: withFallback({
    registerTextDocumentContentProvider: (
      scheme: string,
      provider: { provideTextDocumentContent(uri: { path: string }): Promise<string> },
    ) => {
      recorded.providers.set(scheme, provider);
      return disposable;
    },
    onDidOpenTextDocument: () => disposable,
    onDidChangeConfiguration: (listener: Listener) => {
      recorded.configurationListeners.push(listener);
      return disposable;
    },
    getConfiguration: () => ({ get: (key: string) => settings[key] }),
    workspaceFolders: undefined,
  }),
  languages: withFallback({}),
});

// The bundled extension requires `vscode` at run time; hand it the stand-in.
const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleWithLoad._load;
moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
  return request === "vscode" ? vscode : load.call(this, request, ...rest);
};

const extension = require("../src/extension") as typeof import("../src/extension");

/** Lets the extension's queued start and restarts run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 50; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("activate", () => {
  const extensionPath = mkdtempSync(path.join(os.tmpdir(), "factlint-extension-"));
  const emptyPath = mkdtempSync(path.join(os.tmpdir(), "factlint-path-"));
  const savedPath = process.env.PATH;
  process.env.PATH = emptyPath;
  after(() => {
    process.env.PATH = savedPath;
    rmSync(extensionPath, { recursive: true, force: true });
    rmSync(emptyPath, { recursive: true, force: true });
  });
  const context = { subscriptions: [] as unknown[], extensionPath };

  it("registers both commands, the documentation scheme and a settings listener", async () => {
    extension.activate(context as never);
    await settle();
    assert.deepEqual([...recorded.commands.keys()].sort(), ["factlint.restartServer", "factlint.showClaims"]);
    assert.deepEqual([...recorded.providers.keys()], ["factlint"]);
    assert.equal(recorded.configurationListeners.length, 1);
    assert.ok(context.subscriptions.length >= 6);
  });

  it("says which binaries it tried when none works", () => {
    assert.equal(recorded.errors.length, 1);
    const error = recorded.errors[0];
    assert.match(error, /^factlint: no working factlint binary was found\./);
    assert.ok(error.includes("the factlint.server.path setting (/nonexistent/factlint): not found"), error);
    assert.ok(error.includes(`the bundled binary (${path.join(extensionPath, "bin", "factlint")}): not found`), error);
    assert.ok(error.includes("factlint on PATH (factlint): not found"), error);
    assert.ok(error.includes("set `factlint.server.path`"), error);
    assert.ok(recorded.output.includes(error));
  });

  it("shows why code documentation is missing without a binary", async () => {
    const provider = recorded.providers.get("factlint");
    assert.ok(provider);
    assert.match(await provider.provideTextDocumentContent({ path: "explain/FL001" }), /No factlint binary was found/);
  });

  it("asks for a document before showing claims", async () => {
    await recorded.commands.get("factlint.showClaims")?.();
    assert.deepEqual(recorded.informations, ["factlint: open a Markdown or plain-text document first."]);
  });

  it("looks for the binary again on restart and when factlint.server.path changes", async () => {
    await recorded.commands.get("factlint.restartServer")?.();
    await settle();
    assert.equal(recorded.errors.length, 2);
    const listener = recorded.configurationListeners[0];
    listener({ affectsConfiguration: (section: string) => section === "factlint.inlayHints" });
    await settle();
    assert.equal(recorded.errors.length, 2, "a setting the server takes on the fly needs no restart");
    listener({ affectsConfiguration: (section: string) => section === "factlint.server.path" });
    await settle();
    assert.equal(recorded.errors.length, 3);
  });

  it("deactivates cleanly without a server", async () => {
    await extension.deactivate();
  });
});
