#!/usr/bin/env node
// Writes tests/fixtures/live/: what the committed live module (traces/live/<go>/) prints when it
// runs, here in Node with the toolchain's own wasm_exec.js, as the browser's worker runs it. One
// file per run and stream; the unit tests of src/lib/live read them.
//   node scripts/live-fixtures.mjs
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInThisContext } from "node:vm";
import { gunzipSync } from "node:zlib";

const version = readdirSync("traces/live").sort().at(-1);
const dir = join("traces/live", version);
runInThisContext(readFileSync(join(dir, "wasm_exec.js"), "utf8"));
const wasm = await WebAssembly.compile(gunzipSync(readFileSync(join(dir, "live.wasm.gz"))));
const out = "tests/fixtures/live";
mkdirSync(out, { recursive: true });

/** Runs the module once with these flags; resolves with what each stream received. */
async function run(args) {
  const text = { 1: "", 2: "" };
  const decoder = new TextDecoder();
  globalThis.fs.writeSync = (fd, buf) => {
    text[fd] += decoder.decode(buf);
    return buf.length;
  };
  const go = new globalThis.Go();
  go.argv = ["live", ...args];
  go.env = { GODEBUG: "gctrace=1" };
  let code = -1;
  go.exit = (c) => {
    code = c;
    // The program's timers outlive it in wasm_exec.js; the browser's worker clears them too.
    for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
    go._scheduledTimeouts.clear();
  };
  await go.run(await WebAssembly.instantiate(wasm, go.importObject));
  return { stdout: text[1], stderr: text[2], code };
}

// Each run in a Node of its own: the oom run caps WebAssembly memory at 128 MiB (V8's
// --wasm-max-mem-pages, 64 KiB pages), so that 10 × 30 MiB cannot fit and the runtime says so.
const RUNS = {
  leak: { args: ["-goroutines=3", "-buffer=10", "-fix=none", "-gcs=2"], node: [] },
  close: { args: ["-goroutines=3", "-buffer=10", "-fix=close", "-after=1s", "-gcs=2"], node: [] },
  oom: { args: ["-goroutines=10", "-buffer=30", "-fix=none", "-gcs=1"], node: ["--wasm-max-mem-pages=2048"] },
};
const one = process.argv[2];
if (one !== undefined) {
  const r = await run(RUNS[one].args);
  writeFileSync(join(out, `${one}-stdout.txt`), r.stdout);
  writeFileSync(join(out, `${one}-stderr.txt`), r.stderr);
  console.log(`${one}: ${version} live ${RUNS[one].args.join(" ")}, exit code ${r.code}`);
} else {
  for (const [name, { node }] of Object.entries(RUNS)) {
    const child = spawnSync(process.execPath, [...node, process.argv[1], name], { stdio: "inherit" });
    if (child.status !== 0) throw new Error(`${name}: node exited with ${child.status}`);
  }
  writeFileSync(
    join(out, "README.md"),
    `# Live module fixtures

What the committed live module (\`traces/live/${version}/live.wasm.gz\`, built from
\`recorder/programs/live/main.go\`) printed when \`node scripts/live-fixtures.mjs\` ran it in Node
with the same Go's \`wasm_exec.js\` and \`GODEBUG=gctrace=1\`, each run in a Node of its own.
Nothing was edited.

| files | flags | Node flags |
| --- | --- | --- |
${Object.entries(RUNS)
  .map(
    ([name, r]) => `| \`${name}-stdout.txt\`, \`${name}-stderr.txt\` | \`${r.args.join(" ")}\` | ${r.node.join(" ")} |`,
  )
  .join("\n")}
`,
  );
}
