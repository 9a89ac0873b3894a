// Tests how the server binary is found: the setting, then the bundled binary, then PATH, each
// checked with `--version`; and the probe itself on small scripts that stand in for factlint.

import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";

import {
  type CandidateInputs,
  type ProbeResult,
  candidates,
  expandSettingPath,
  parseVersion,
  probeBinary,
  resolveServer,
  searchPath,
} from "../src/serverPath";

function inputs(overrides: Partial<CandidateInputs> = {}): CandidateInputs {
  return {
    setting: "",
    extensionPath: "/ext",
    platform: "linux",
    workspaceFolder: "/home/ada/articles",
    homeDir: "/home/ada",
    pathVariable: "/usr/local/bin:/opt/factlint/bin:/usr/bin",
    isFile: (file) => file === "/opt/factlint/bin/factlint" || file === "/usr/bin/factlint",
    ...overrides,
  };
}

describe("candidates", () => {
  it("are the setting, the bundled binary and PATH, in that order", () => {
    assert.deepEqual(candidates(inputs({ setting: "/usr/local/opt/factlint" })), [
      { source: "setting", command: "/usr/local/opt/factlint" },
      { source: "bundled", command: "/ext/bin/factlint" },
      { source: "PATH", command: "/opt/factlint/bin/factlint" },
    ]);
  });

  it("leave out an empty or blank setting", () => {
    for (const setting of ["", "   ", undefined]) {
      assert.deepEqual(
        candidates(inputs({ setting })).map((candidate) => candidate.source),
        ["bundled", "PATH"],
      );
    }
  });

  it("keep the bare name when PATH has no factlint, so the system looks it up", () => {
    assert.equal(candidates(inputs({ pathVariable: undefined })).at(-1)?.command, "factlint");
    assert.equal(candidates(inputs({ isFile: () => false })).at(-1)?.command, "factlint");
  });

  it("use factlint.exe and backslashes on Windows", () => {
    const list = candidates(
      inputs({
        platform: "win32",
        setting: "tools\\factlint.exe",
        extensionPath: "C:\\ext",
        workspaceFolder: "C:\\work",
        pathVariable: "C:\\bin;C:\\cargo\\bin",
        isFile: (file) => file === "C:\\cargo\\bin\\factlint.exe",
      }),
    );
    assert.deepEqual(list, [
      { source: "setting", command: "C:\\work\\tools\\factlint.exe" },
      { source: "bundled", command: "C:\\ext\\bin\\factlint.exe" },
      { source: "PATH", command: "C:\\cargo\\bin\\factlint.exe" },
    ]);
  });
});

describe("the setting's path", () => {
  it("expands ~ and resolves relative paths against the workspace folder", () => {
    assert.equal(expandSettingPath("~/bin/factlint", "/w", "/home/ada", "linux"), "/home/ada/bin/factlint");
    assert.equal(expandSettingPath("~", "/w", "/home/ada", "linux"), "/home/ada");
    assert.equal(expandSettingPath("target/debug/factlint", "/w", "/home/ada", "linux"), "/w/target/debug/factlint");
    assert.equal(expandSettingPath("  /abs/factlint ", "/w", "/home/ada", "linux"), "/abs/factlint");
  });

  it("leaves a bare command name to PATH, and a relative path alone without a workspace", () => {
    assert.equal(expandSettingPath("factlint", "/w", "/home/ada", "linux"), "factlint");
    assert.equal(expandSettingPath("bin/factlint", undefined, "/home/ada", "linux"), "bin/factlint");
  });
});

describe("searchPath", () => {
  it("takes the first folder that has the binary and skips empty entries", () => {
    const isFile = (file: string) => file.endsWith("/b/factlint") || file.endsWith("/c/factlint");
    assert.equal(searchPath("factlint", "::/a:/b:/c", "linux", isFile), "/b/factlint");
    assert.equal(searchPath("factlint", "", "linux", isFile), undefined);
  });
});

describe("resolveServer", () => {
  const list = candidates(inputs({ setting: "/broken/factlint" }));

  it("takes the first candidate that answers --version, and reports the ones skipped", async () => {
    const asked: string[] = [];
    const answers: Record<string, ProbeResult> = {
      "/broken/factlint": { ok: false, error: "not found" },
      "/ext/bin/factlint": { ok: false, error: "not found" },
      "/opt/factlint/bin/factlint": { ok: true, version: "0.1.0" },
    };
    const resolution = await resolveServer(list, async (command) => {
      asked.push(command);
      return answers[command] ?? { ok: false, error: "unexpected" };
    });
    assert.deepEqual(asked, ["/broken/factlint", "/ext/bin/factlint", "/opt/factlint/bin/factlint"]);
    assert.equal(resolution.ok, true);
    assert.ok(resolution.ok);
    assert.equal(resolution.command, "/opt/factlint/bin/factlint");
    assert.equal(resolution.source, "PATH");
    assert.equal(resolution.version, "0.1.0");
    assert.deepEqual(
      resolution.rejected.map(({ candidate }) => candidate.source),
      ["setting", "bundled"],
    );
  });

  it("stops at the setting when it works", async () => {
    const asked: string[] = [];
    const resolution = await resolveServer(list, async (command) => {
      asked.push(command);
      return { ok: true, version: "0.2.0" };
    });
    assert.deepEqual(asked, ["/broken/factlint"]);
    assert.ok(resolution.ok && resolution.source === "setting");
  });

  it("says what it tried and what to do when nothing works", async () => {
    const resolution = await resolveServer(list, async (command) => ({
      ok: false,
      error: command.includes("broken") ? "not executable" : "not found",
    }));
    assert.ok(!resolution.ok);
    assert.equal(
      resolution.message,
      "factlint: no working factlint binary was found. Tried the factlint.server.path setting (/broken/factlint): not executable; " +
        "the bundled binary (/ext/bin/factlint): not found; factlint on PATH (/opt/factlint/bin/factlint): not found. " +
        "Install it with `cargo install --path .` in the factlint repository (or put it on PATH), or set `factlint.server.path` to the binary.",
    );
  });
});

describe("parseVersion", () => {
  it("reads `factlint X.Y.Z`", () => {
    assert.equal(parseVersion("factlint 0.1.0\n"), "0.1.0");
    assert.equal(parseVersion("factlint 1.2.3-beta.1"), "1.2.3-beta.1");
    assert.equal(parseVersion("ripgrep 14.1.0"), undefined);
    assert.equal(parseVersion(""), undefined);
  });
});

describe("probeBinary", { skip: process.platform === "win32" ? "uses shell scripts" : false }, () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "factlint-vscode-"));
  after(() => rmSync(folder, { recursive: true, force: true }));

  function script(name: string, body: string, executable = true): string {
    const file = path.join(folder, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, executable ? 0o755 : 0o644);
    return file;
  }

  it("accepts a binary that answers `factlint X.Y.Z`", async () => {
    assert.deepEqual(await probeBinary(script("good", 'echo "factlint 0.1.0"')), { ok: true, version: "0.1.0" });
  });

  it("rejects a missing file, a file that cannot run, another program and a failing one", async () => {
    assert.deepEqual(await probeBinary(path.join(folder, "missing")), { ok: false, error: "not found" });
    assert.deepEqual(await probeBinary(script("plain", "echo factlint 0.1.0", false)), { ok: false, error: "not executable" });
    assert.deepEqual(await probeBinary(script("other", 'echo "ripgrep 14.1.0"')), {
      ok: false,
      error: '--version printed "ripgrep 14.1.0", not "factlint X.Y.Z"',
    });
    const failing = await probeBinary(script("failing", "exit 3"));
    assert.ok(!failing.ok && failing.error.startsWith("--version failed: "));
  });

  it("gives up on a binary that does not answer in time", async () => {
    assert.deepEqual(await probeBinary(script("hangs", "exec sleep 10"), 300), {
      ok: false,
      error: "no answer to --version within 300 ms",
    });
  });
});
