#!/usr/bin/env node
// Entry point of the blocked-forever CLI. The CLI is TypeScript run by Node's type stripping,
// which is on by default from Node 22.18 / 23.6. Older supported Nodes (engines: >=22.12) have it
// behind --experimental-strip-types, so this file, plain JS, re-runs itself with that flag.
import { spawn } from "node:child_process";
import module from "node:module";
import { fileURLToPath } from "node:url";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`blocked-forever: needs Node 22.12 or newer, this is ${process.version}\n`);
  process.exit(2);
}
if (!process.features.typescript) {
  if (process.env.BLOCKED_FOREVER_REEXEC === "1") {
    process.stderr.write(`blocked-forever: Node ${process.version} cannot run TypeScript; use Node 22.12 or newer\n`);
    process.exit(2);
  }
  const child = spawn(
    process.execPath,
    [
      "--experimental-strip-types",
      "--disable-warning=ExperimentalWarning",
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, BLOCKED_FOREVER_REEXEC: "1" } },
  );
  child.on("exit", (code, signal) => {
    if (signal !== null) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  // Node's compile cache (in the temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off) keeps
  // the CLI's modules with their types stripped and compiled, which otherwise takes some 100 ms of
  // every run's start (0.15 s of CPU against 0.04 s here, for a run that reads nothing).
  module.enableCompileCache?.();
  const { main } = await import("../src/cli/main.ts");
  // main() reports a failed write to stdout itself (one line, exit 2); this catches one that
  // comes after it has returned, so it never ends in a stack trace either.
  const { WriteFailed, writeFailureLine } = await import("../src/cli/output.ts");
  process.stdout.on("error", (e) => {
    if (process.exitCode === 2) return;
    process.stderr.write(writeFailureLine(new WriteFailed(e)));
    process.exit(2);
  });
  process.exitCode = await main(process.argv.slice(2), process);
}
