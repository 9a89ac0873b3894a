// Tests the rendering of the `factlint/claims` answer, on the real output of
// `factlint claims --format json` for test/fixtures/claims.md.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { type Claim, escapeCell, formatValue, parseClaims, renderClaims, renderClaimsJson, renderClaimsMarkdown } from "../src/claims";

const fixture = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "test", "fixtures", "claims.json"), "utf8")) as unknown;

describe("claims → Markdown table", () => {
  it("renders one row per claim, with ranges, bounds, only, subject, period and per", () => {
    const markdown = renderClaimsMarkdown(parseClaims(fixture), "claims.md");
    assert.equal(
      markdown,
      [
        "<!-- factlint-disable-file -->",
        "# Claims in claims.md",
        "",
        "5 claims.",
        "",
        "| line:col | text | kind | value | bound | unit | subject | period |",
        "|---|---|---|---|---|---|---|---|",
        "| 3:43 | `nur 2.000 H800-GPUs` | count | 2,000 | “only” | H800 | H800 GPUs |  |",
        "| 3:78 | `etwa 5 Millionen Dollar` | money | 5,000,000 | about | USD |  |  |",
        "| 5:26 | `zwischen 10 und 20 Mrd. Euro` | money | 10,000,000,000–20,000,000,000 | range | EUR |  |  |",
        "| 5:77 | `22, 4 %` | percent | 22.4 |  |  |  | im Jahr |",
        "| 7:28 | `30 Cent` | money | 0.3 |  | EUR je Kilowattstunde |  |  |",
        "",
      ].join("\n"),
    );
  });

  it("starts with the directive that keeps factlint from checking the table", () => {
    assert.match(renderClaimsMarkdown([], "empty.md"), /^<!-- factlint-disable-file -->\n/);
  });

  it("says so when there are no claims", () => {
    assert.equal(
      renderClaimsMarkdown([], "empty.md"),
      "<!-- factlint-disable-file -->\n# Claims in empty.md\n\nfactlint found no numeric claims in this document.\n",
    );
  });

  it("keeps pipes, line breaks and backticks from breaking the table", () => {
    const claim: Claim = {
      start: 0,
      end: 5,
      line: 1,
      column: 1,
      text: "`5|6`\nx",
      kind: "percentage_points",
      value: 5,
      bound: "at_least",
      unit: null,
      subject: { text: "a | b" },
    };
    const row = renderClaimsMarkdown([claim], "a|b.md").split("\n").find((line) => line.startsWith("| 1:1"));
    assert.equal(row, "| 1:1 | `` `5\\|6` x `` | percentage points | 5 | at least |  | a \\| b |  |");
    assert.match(renderClaimsMarkdown([claim], "a|b.md"), /^# Claims in a\\\|b\.md$/m);
  });

  it("shows dates as written by the server and carried units as such", () => {
    assert.equal(formatValue({ start: 0, end: 4, line: 1, column: 1, text: "2025", kind: "date", value: "2025-01" }), "2025-01");
    const carried = renderClaimsMarkdown(
      [{ start: 0, end: 6, line: 2, column: 3, text: "30.000", kind: "count", value: 30000, unit: "H100", unit_carried: true }],
      "x.md",
    );
    assert.match(carried, /\| 2:3 \| `30\.000` \| count \| 30,000 \|  \| H100 \(carried\) \|  \|  \|/);
  });

  it("escapes cells", () => {
    assert.equal(escapeCell("a|b\r\nc"), "a\\|b c");
  });
});

describe("claims → JSON", () => {
  it("is the server's answer, pretty-printed", () => {
    const claims = parseClaims(fixture);
    assert.deepEqual(JSON.parse(renderClaimsJson(claims)), fixture);
    assert.equal(renderClaims(claims, "x.md", "json"), renderClaimsJson(claims));
    assert.equal(renderClaims(claims, "x.md", "markdown"), renderClaimsMarkdown(claims, "x.md"));
  });
});

describe("parseClaims", () => {
  it("rejects answers that are not claims", () => {
    assert.throws(() => parseClaims(null), /not an array/);
    assert.throws(() => parseClaims({}), /not an array/);
    assert.throws(() => parseClaims([{ text: "5" }]), /malformed claim at index 0/);
    assert.deepEqual(parseClaims([]), []);
  });
});
