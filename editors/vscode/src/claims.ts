// Renders the answer of the server's `factlint/claims` request (the JSON of
// `factlint claims --format json`) as a Markdown table or as JSON. This module does not import
// `vscode`, so it is unit-tested in plain Node.

/** One claim as the server sends it; fields may be added, never removed. */
export interface Claim {
  file?: string;
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
  kind: string;
  value: number | string | null;
  high?: number | null;
  bound?: string;
  only?: boolean;
  unit?: string | null;
  unit_carried?: boolean;
  scale?: string | null;
  subject?: { text: string } | null;
  period?: { text: string } | null;
  per?: { text: string } | null;
  language?: string | null;
}

/** The formats the `factlint.showClaims` command can show. */
export type ClaimsFormat = "markdown" | "json";

/** Bounds as a reader says them. */
const BOUNDS: Record<string, string> = {
  exact: "",
  approx: "about",
  at_least: "at least",
  more_than: "more than",
  at_most: "at most",
  less_than: "less than",
  range: "range",
};

/**
 * A Markdown document with one table row per claim. It starts with a directive that keeps
 * factlint from checking the table itself when it is opened as an unsaved Markdown document.
 */
export function renderClaimsMarkdown(claims: Claim[], documentName: string): string {
  const lines = [
    "<!-- factlint-disable-file -->",
    `# Claims in ${escapeCell(documentName)}`,
    "",
  ];
  if (claims.length === 0) {
    lines.push("factlint found no numeric claims in this document.", "");
    return lines.join("\n");
  }
  lines.push(
    `${claims.length} ${claims.length === 1 ? "claim" : "claims"}.`,
    "",
    "| line:col | text | kind | value | bound | unit | subject | period |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const claim of claims) {
    const cells = [
      `${claim.line}:${claim.column}`,
      code(claim.text),
      claim.kind.replace(/_/g, " "),
      formatValue(claim),
      formatBound(claim),
      formatUnit(claim),
      claim.subject?.text ?? "",
      claim.period?.text ?? "",
    ];
    lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
  }
  lines.push("");
  return lines.join("\n");
}

/** The unit, with what the amount is per ("USD per GPU", "EUR/MWh") and whether it was carried over. */
function formatUnit(claim: Claim): string {
  const per = claim.per?.text ?? "";
  const unit = claim.unit ?? "";
  const joined = per === "" ? unit : per.startsWith("/") || unit === "" ? `${unit}${per}` : `${unit} ${per}`;
  return `${joined}${claim.unit && claim.unit_carried ? " (carried)" : ""}`;
}

/** The claims as pretty-printed JSON, as `factlint claims --format json` prints them. */
export function renderClaimsJson(claims: Claim[]): string {
  return `${JSON.stringify(claims, null, 2)}\n`;
}

/** Renders in the given format. */
export function renderClaims(claims: Claim[], documentName: string, format: ClaimsFormat): string {
  return format === "json" ? renderClaimsJson(claims) : renderClaimsMarkdown(claims, documentName);
}

/** Checks the shape of the server's answer, so that a wrong answer gets a clear error. */
export function parseClaims(answer: unknown): Claim[] {
  if (!Array.isArray(answer)) {
    throw new Error(`factlint/claims answered ${typeof answer}, not an array of claims`);
  }
  for (const [index, claim] of answer.entries()) {
    if (
      claim === null ||
      typeof claim !== "object" ||
      typeof claim.text !== "string" ||
      typeof claim.kind !== "string" ||
      typeof claim.line !== "number" ||
      typeof claim.column !== "number"
    ) {
      throw new Error(`factlint/claims answered a malformed claim at index ${index}`);
    }
  }
  return answer as Claim[];
}

/** A value with its range end; numbers in full, as the server computed them. */
export function formatValue(claim: Claim): string {
  if (claim.value === null || claim.value === undefined) {
    return "";
  }
  const value = typeof claim.value === "number" ? formatNumber(claim.value) : String(claim.value);
  if (typeof claim.high === "number") {
    return `${value}–${formatNumber(claim.high)}`;
  }
  return value;
}

function formatBound(claim: Claim): string {
  const bound = BOUNDS[claim.bound ?? "exact"] ?? (claim.bound ?? "").replace(/_/g, " ");
  return [bound, claim.only ? "“only”" : ""].filter((part) => part !== "").join(", ");
}

/** Formats a number with English digit grouping and up to six decimals. */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 6, useGrouping: true });
}

/** Wraps text in a code span that survives backticks inside it. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Makes text safe inside a table cell: no line breaks, pipes escaped. */
export function escapeCell(text: string): string {
  return text.replace(/\r?\n|\r/g, " ").replace(/\|/g, "\\|");
}
