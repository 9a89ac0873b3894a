// Finds the factlint binary: the `factlint.server.path` setting, then the binary bundled in
// the extension's `bin/` folder, then `factlint` on PATH. Each candidate must answer
// `--version` before it is used. This module does not import `vscode`, so it is unit-tested
// in plain Node.

import { execFile } from "node:child_process";
import * as path from "node:path";

/** Where a candidate binary came from, in the order they are tried. */
export type CandidateSource = "setting" | "bundled" | "PATH";

export interface Candidate {
  source: CandidateSource;
  /** An absolute path, or a bare command name when nothing on PATH was found to name. */
  command: string;
}

export interface CandidateInputs {
  /** The `factlint.server.path` setting, possibly empty. */
  setting: string | undefined;
  /** The extension's install folder (`context.extensionPath`). */
  extensionPath: string;
  /** `process.platform`. */
  platform: string;
  /** The first workspace folder's path, for a relative setting. */
  workspaceFolder: string | undefined;
  /** The user's home folder, for a setting that starts with `~`. */
  homeDir: string;
  /** The PATH environment variable. */
  pathVariable: string | undefined;
  /** Whether a file exists and is a file; injected so tests need no file system. */
  isFile: (file: string) => boolean;
}

/** The result of running a candidate with `--version`. */
export type ProbeResult = { ok: true; version: string } | { ok: false; error: string };

export type Probe = (command: string) => Promise<ProbeResult>;

export type Resolution =
  | { ok: true; command: string; source: CandidateSource; version: string; rejected: Rejection[] }
  | { ok: false; message: string; rejected: Rejection[] };

export interface Rejection {
  candidate: Candidate;
  error: string;
}

/** The name of the binary on this platform. */
export function binaryName(platform: string): string {
  return platform === "win32" ? "factlint.exe" : "factlint";
}

/** Expands `~` and makes a relative path absolute against the workspace folder. */
export function expandSettingPath(
  setting: string,
  workspaceFolder: string | undefined,
  homeDir: string,
  platform: string,
): string {
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  let expanded = setting.trim();
  if (expanded === "~") {
    expanded = homeDir;
  } else if (expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = pathApi.join(homeDir, expanded.slice(2));
  }
  if (!pathApi.isAbsolute(expanded) && workspaceFolder !== undefined) {
    // A bare name such as `factlint` stays a name to be looked up on PATH by the system.
    if (expanded.includes("/") || expanded.includes("\\")) {
      expanded = pathApi.join(workspaceFolder, expanded);
    }
  }
  return expanded;
}

/** Looks a binary up on PATH the way a shell would: the first folder that has it wins. */
export function searchPath(
  name: string,
  pathVariable: string | undefined,
  platform: string,
  isFile: (file: string) => boolean,
): string | undefined {
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  const delimiter = platform === "win32" ? ";" : ":";
  for (const folder of (pathVariable ?? "").split(delimiter)) {
    if (folder === "") {
      continue;
    }
    const file = pathApi.join(folder, name);
    if (isFile(file)) {
      return file;
    }
  }
  return undefined;
}

/** The candidates in the order they are tried; an empty setting contributes none. */
export function candidates(inputs: CandidateInputs): Candidate[] {
  const pathApi = inputs.platform === "win32" ? path.win32 : path.posix;
  const name = binaryName(inputs.platform);
  const list: Candidate[] = [];
  const setting = inputs.setting?.trim() ?? "";
  if (setting !== "") {
    list.push({
      source: "setting",
      command: expandSettingPath(setting, inputs.workspaceFolder, inputs.homeDir, inputs.platform),
    });
  }
  list.push({ source: "bundled", command: pathApi.join(inputs.extensionPath, "bin", name) });
  list.push({
    source: "PATH",
    command: searchPath(name, inputs.pathVariable, inputs.platform, inputs.isFile) ?? name,
  });
  return list;
}

/** Tries the candidates in order and takes the first that answers `--version` as factlint. */
export async function resolveServer(list: Candidate[], probe: Probe): Promise<Resolution> {
  const rejected: Rejection[] = [];
  for (const candidate of list) {
    const result = await probe(candidate.command);
    if (result.ok) {
      return { ok: true, command: candidate.command, source: candidate.source, version: result.version, rejected };
    }
    rejected.push({ candidate, error: result.error });
  }
  return { ok: false, message: failureMessage(rejected), rejected };
}

/** Says what was tried, why each failed, and what to do. */
export function failureMessage(rejected: Rejection[]): string {
  const tried = rejected
    .map(({ candidate, error }) => `${describe(candidate)} (${candidate.command}): ${error}`)
    .join("; ");
  return (
    `factlint: no working factlint binary was found. Tried ${tried}. ` +
    "Install it with `cargo install --path .` in the factlint repository (or put it on PATH), " +
    "or set `factlint.server.path` to the binary."
  );
}

/** A short name for where a candidate came from. */
export function describe(candidate: Candidate): string {
  switch (candidate.source) {
    case "setting":
      return "the factlint.server.path setting";
    case "bundled":
      return "the bundled binary";
    case "PATH":
      return "factlint on PATH";
  }
}

/** Reads a `factlint --version` answer: `factlint 0.1.0` gives `0.1.0`. */
export function parseVersion(output: string): string | undefined {
  const match = /^factlint\s+(\d+\.\d+\.\d+\S*)/m.exec(output.trim());
  return match?.[1];
}

/** Runs `COMMAND --version` with a time limit. */
export function probeBinary(command: string, timeoutMs = 5000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(command, ["--version"], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") {
          resolve({ ok: false, error: "not found" });
        } else if (code === "EACCES") {
          resolve({ ok: false, error: "not executable" });
        } else if (error.killed) {
          resolve({ ok: false, error: `no answer to --version within ${timeoutMs} ms` });
        } else {
          resolve({ ok: false, error: `--version failed: ${error.message.split("\n")[0]}` });
        }
        return;
      }
      const version = parseVersion(stdout);
      if (version === undefined) {
        resolve({ ok: false, error: `--version printed ${JSON.stringify(stdout.trim().slice(0, 80))}, not "factlint X.Y.Z"` });
      } else {
        resolve({ ok: true, version });
      }
    });
  });
}
