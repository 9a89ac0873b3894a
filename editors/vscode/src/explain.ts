// The `factlint:` URI scheme of the diagnostics' code links (`factlint:explain/FL001`): which
// code a URI names, and the arguments that explain it. This module does not import `vscode`,
// so it is unit-tested in plain Node.

import { execFile } from "node:child_process";

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

/**
 * The documentation a `factlint:` URI path names, from `COMMAND explain TARGET`, or a short
 * Markdown text that says why there is none.
 */
export function explainContent(command: string | undefined, uriPath: string, timeoutMs = 10000): Promise<string> {
  const target = explainTarget(uriPath);
  if (target === undefined) {
    return Promise.resolve(explainFailure(uriPath, "factlint documents codes at `factlint:explain/CODE`."));
  }
  if (command === undefined) {
    return Promise.resolve(explainFailure(uriPath, "No factlint binary was found; see the factlint output."));
  }
  return new Promise((resolve) => {
    execFile(command, explainArguments(target), { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      resolve(error ? explainFailure(uriPath, (stderr || error.message).trim()) : stdout);
    });
  });
}
