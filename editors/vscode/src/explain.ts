// The `factlint:` URI scheme of the diagnostics' code links (`factlint:explain/FL001`): which
// code a URI names, and the arguments that explain it. This module does not import `vscode`,
// so it is unit-tested in plain Node.

/** The URI scheme of factlint's code documentation. */
export const EXPLAIN_SCHEME = "factlint";

/**
 * The code or name a `factlint:` URI path names: `explain/FL001` gives `FL001`,
 * `explain/malformed-number` gives `malformed-number`; anything else gives `undefined`.
 */
export function explainTarget(uriPath: string): string | undefined {
  const match = /^\/?explain\/([A-Za-z0-9][A-Za-z0-9_-]*)(?:\.md)?$/.exec(uriPath);
  return match?.[1];
}

/** The arguments of the command that prints a code's documentation. */
export function explainArguments(target: string): string[] {
  return ["explain", target];
}

/** What the document shows when the documentation cannot be had. */
export function explainFailure(uriPath: string, reason: string): string {
  return `# factlint: no documentation for \`${uriPath}\`\n\n${reason}\n`;
}
