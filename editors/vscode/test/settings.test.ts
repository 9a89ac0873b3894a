// Tests the mapping of the `factlint.*` settings to the server's settings, and that the
// manifest contributes exactly the settings the server reads.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  type ConfigurationReader,
  RESTART_SETTING_KEYS,
  SERVER_SETTING_KEYS,
  checkedLanguageIds,
  didChangeConfigurationParams,
  documentSelector,
  serverSettings,
} from "../src/settings";

interface Manifest {
  activationEvents: string[];
  main: string;
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
  };
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as Manifest;
const properties = manifest.contributes.configuration.properties;

/** A configuration reader over `factlint.*` values, falling back to the manifest's defaults. */
function reader(values: Record<string, unknown>): ConfigurationReader {
  return {
    get<T>(section: string): T | undefined {
      if (section in values) {
        return values[section] as T;
      }
      return properties[`factlint.${section}`]?.default as T | undefined;
    },
  };
}

describe("settings → server settings", () => {
  it("send only the defaults that matter when nothing is set", () => {
    assert.deepEqual(serverSettings(reader({})), { inlayHints: false, diagnosticMode: "auto" });
  });

  it("pass every setting on with the server's names", () => {
    assert.deepEqual(
      serverSettings(
        reader({
          language: "de",
          reportingCurrency: "eur",
          severity: { FL100: "off", "fact-disagrees": "Error" },
          disable: ["markets", " deepseek-v3.cluster "],
          rules: ["facts/ours.toml"],
          inlayHints: true,
          diagnosticMode: "push",
          factMaxAgeDays: 365,
          languageIds: ["asciidoc"],
          "server.path": "/opt/factlint",
        }),
      ),
      {
        language: "de",
        reportingCurrency: "EUR",
        severity: { FL100: "off", "fact-disagrees": "error" },
        disable: ["markets", "deepseek-v3.cluster"],
        rules: ["facts/ours.toml"],
        inlayHints: true,
        diagnosticMode: "push",
        factMaxAgeDays: 365,
        languageIds: ["asciidoc"],
      },
    );
  });

  it("leave out empty and invalid values, so the server falls back instead of rejecting all", () => {
    assert.deepEqual(
      serverSettings(
        reader({
          language: "fr",
          reportingCurrency: "euro",
          severity: { FL100: 3, FL101: "loud", "": "error", FL001: "hint" },
          disable: "markets",
          rules: [1, "", "x.toml"],
          inlayHints: "yes",
          diagnosticMode: "sometimes",
          factMaxAgeDays: -1,
          languageIds: null,
        }),
      ),
      { severity: { FL001: "hint" }, rules: ["x.toml"], inlayHints: false },
    );
    assert.equal(serverSettings(reader({ factMaxAgeDays: 1.5 })).factMaxAgeDays, undefined);
    assert.equal(serverSettings(reader({ language: null, reportingCurrency: "" })).language, undefined);
  });

  it("are sent under a `factlint` key on change", () => {
    assert.deepEqual(didChangeConfigurationParams({ language: "en" }), { settings: { factlint: { language: "en" } } });
  });

  it("decide which documents are sent to the server", () => {
    assert.deepEqual(checkedLanguageIds({}), ["markdown", "plaintext"]);
    assert.deepEqual(checkedLanguageIds({ languageIds: ["asciidoc", "markdown"] }), ["markdown", "plaintext", "asciidoc"]);
    assert.deepEqual(documentSelector({}), [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "plaintext" },
    ]);
  });
});

describe("the manifest", () => {
  it("contributes exactly the server's settings, the binary's path and the trace level", () => {
    const contributed = Object.keys(properties).sort();
    const expected = [...SERVER_SETTING_KEYS, "server.path", "trace.server"].map((key) => `factlint.${key}`).sort();
    assert.deepEqual(contributed, expected);
    for (const key of RESTART_SETTING_KEYS) {
      assert.ok(`factlint.${key}` in properties, key);
    }
  });

  it("activates on Markdown and plain text and contributes both commands", () => {
    assert.deepEqual(manifest.activationEvents, ["onLanguage:markdown", "onLanguage:plaintext"]);
    assert.deepEqual(
      manifest.contributes.commands.map((command) => command.command),
      ["factlint.restartServer", "factlint.showClaims"],
    );
    assert.equal(manifest.main, "./dist/extension.js");
  });

  it("pins vscode-languageclient 9 and vsce 3", () => {
    assert.match(manifest.dependencies["vscode-languageclient"], /^\^9\./);
    assert.match(manifest.devDependencies["@vscode/vsce"], /^~3\./);
  });
});
