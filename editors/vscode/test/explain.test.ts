// Tests the `factlint:explain/CODE` URIs and the documents they show, with a small script
// standing in for the factlint binary.

import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";

import { explainArguments, explainContent, explainFailure, explainTarget } from "../src/explain";

describe("factlint: URIs", () => {
  it("name a code or a code's name", () => {
    assert.equal(explainTarget("explain/FL001"), "FL001");
    assert.equal(explainTarget("/explain/FL101"), "FL101");
    assert.equal(explainTarget("explain/malformed-number"), "malformed-number");
    assert.equal(explainTarget("explain/FL001.md"), "FL001");
  });

  it("name nothing else, and never an option", () => {
    assert.equal(explainTarget("explain/"), undefined);
    assert.equal(explainTarget("explain/--help"), undefined);
    assert.equal(explainTarget("explain/FL001/x"), undefined);
    assert.equal(explainTarget("claims/FL001"), undefined);
    assert.equal(explainTarget("explain/FL 001"), undefined);
  });

  it("run `factlint explain CODE`", () => {
    assert.deepEqual(explainArguments("FL001"), ["explain", "FL001"]);
  });

  it("say why when there is no documentation", () => {
    assert.equal(explainFailure("explain/X", "unknown code"), "# factlint: no documentation for `explain/X`\n\nunknown code\n");
  });
});

describe("the documentation shown", { skip: process.platform === "win32" ? "uses a shell script" : false }, () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "factlint-explain-"));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const binary = path.join(folder, "factlint");
  writeFileSync(
    binary,
    '#!/bin/sh\nif [ "$1" = explain ] && [ "$2" = FL001 ]; then printf "# FL001 malformed-number\\n"; exit 0; fi\n' +
      'echo "factlint: error: unknown code \\`$2\\`" >&2; exit 2\n',
  );
  chmodSync(binary, 0o755);

  it("is the output of `factlint explain CODE`", async () => {
    assert.equal(await explainContent(binary, "explain/FL001"), "# FL001 malformed-number\n");
  });

  it("carries the binary's error for an unknown code", async () => {
    assert.equal(
      await explainContent(binary, "explain/FL999"),
      "# factlint: no documentation for `explain/FL999`\n\nfactlint: error: unknown code `FL999`\n",
    );
  });

  it("says why when there is no binary or no code", async () => {
    assert.match(await explainContent(undefined, "explain/FL001"), /No factlint binary was found/);
    assert.match(await explainContent(binary, "other/FL001"), /documents codes at `factlint:explain\/CODE`/);
  });
});
