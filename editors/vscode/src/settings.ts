// Maps the `factlint.*` settings of VS Code to the server's settings object (see
// src/lsp/settings.rs in the factlint repository). The same object is sent as
// `initializationOptions` and, under a `factlint` key, in `workspace/didChangeConfiguration`.
// This module does not import `vscode`, so it is unit-tested in plain Node.

/** The part of `vscode.WorkspaceConfiguration` this module reads. */
export interface ConfigurationReader {
  get<T>(section: string): T | undefined;
}

/** The server's settings, with camelCase keys as the server reads them. */
export interface ServerSettings {
  language?: "en" | "de";
  reportingCurrency?: string;
  severity?: Record<string, string>;
  disable?: string[];
  rules?: string[];
  inlayHints?: boolean;
  diagnosticMode?: "auto" | "push" | "pull";
  factMaxAgeDays?: number;
  languageIds?: string[];
}

/** The settings keys (below `factlint.`) that are passed on to the server. */
export const SERVER_SETTING_KEYS = [
  "language",
  "reportingCurrency",
  "severity",
  "disable",
  "rules",
  "inlayHints",
  "diagnosticMode",
  "factMaxAgeDays",
  "languageIds",
] as const;

/**
 * The settings keys (below `factlint.`) whose change needs a new server: the binary, and what
 * is fixed at `initialize` (the diagnostic mode and which documents the client sends).
 */
export const RESTART_SETTING_KEYS = ["server.path", "diagnosticMode", "languageIds"] as const;

const SEVERITIES = new Set(["off", "none", "hint", "info", "information", "warning", "error"]);

/**
 * Reads the `factlint` configuration section into the server's settings. Empty and invalid
 * values are left out, so the server falls back to `factlint.toml` and its defaults rather
 * than rejecting the whole object.
 */
export function serverSettings(config: ConfigurationReader): ServerSettings {
  const settings: ServerSettings = {};
  const language = text(config.get("language"))?.toLowerCase();
  if (language === "en" || language === "de") {
    settings.language = language;
  }
  const currency = text(config.get("reportingCurrency"))?.toUpperCase();
  if (currency !== undefined && /^[A-Z]{3}$/.test(currency)) {
    settings.reportingCurrency = currency;
  }
  const severity = config.get<unknown>("severity");
  if (severity !== null && typeof severity === "object" && !Array.isArray(severity)) {
    const entries = Object.entries(severity as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([code, level]) => [code.trim(), level.trim().toLowerCase()] as [string, string])
      .filter(([code, level]) => code !== "" && SEVERITIES.has(level));
    if (entries.length > 0) {
      settings.severity = Object.fromEntries(entries);
    }
  }
  const disable = strings(config.get("disable"));
  if (disable.length > 0) {
    settings.disable = disable;
  }
  const rules = strings(config.get("rules"));
  if (rules.length > 0) {
    settings.rules = rules;
  }
  settings.inlayHints = config.get("inlayHints") === true;
  const mode = text(config.get("diagnosticMode"))?.toLowerCase();
  if (mode === "auto" || mode === "push" || mode === "pull") {
    settings.diagnosticMode = mode;
  }
  const age = config.get<unknown>("factMaxAgeDays");
  if (typeof age === "number" && Number.isInteger(age) && age >= 0 && age <= 0xffffffff) {
    settings.factMaxAgeDays = age;
  }
  const languageIds = strings(config.get("languageIds"));
  if (languageIds.length > 0) {
    settings.languageIds = languageIds;
  }
  return settings;
}

/** The payload of `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams(settings: ServerSettings): { settings: { factlint: ServerSettings } } {
  return { settings: { factlint: settings } };
}

/** The language ids the client sends to the server: Markdown, plain text and the extra ones. */
export function checkedLanguageIds(settings: ServerSettings): string[] {
  const ids = ["markdown", "plaintext", ...(settings.languageIds ?? [])];
  return [...new Set(ids)];
}

/**
 * The client's document selector: checked languages in files and unsaved documents. Virtual
 * documents (such as `factlint:` code docs and diff views) are not checked.
 */
export function documentSelector(settings: ServerSettings): { scheme: string; language: string }[] {
  return checkedLanguageIds(settings).flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter((item) => item !== "");
}
