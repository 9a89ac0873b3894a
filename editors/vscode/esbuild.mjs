// Bundles the extension into dist/extension.js (`vscode` stays external: the editor provides
// it), or, with --tests, each test/*.test.ts into out/test/ for node's test runner.
// --production minifies and leaves out source maps.

import * as esbuild from "esbuild";
import { readdirSync, rmSync } from "node:fs";

const production = process.argv.includes("--production");
const tests = process.argv.includes("--tests");

const common = {
  bundle: true,
  platform: "node",
  // VS Code 1.82 runs extensions on Node 18.
  target: "node18",
  format: "cjs",
  external: ["vscode"],
  logLevel: "warning",
};

if (tests) {
  await esbuild.build({
    ...common,
    entryPoints: readdirSync("test")
      .filter((name) => name.endsWith(".test.ts"))
      .map((name) => `test/${name}`),
    outdir: "out/test",
    sourcemap: "inline",
  });
} else {
  rmSync("dist", { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    minify: production,
    sourcemap: !production,
  });
}
