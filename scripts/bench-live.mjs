#!/usr/bin/env node
// Live widget benchmark: what pressing Run costs a reader of the built article (dist/), in
// Chromium. For each run it prints the bytes downloaded from Run to the program's end (the sizes
// on the wire, as the test server compresses like a host), the time from Run to the first gctrace
// line in the log, and the tab's memory two ways: how much the resident size of the browser's
// renderer processes (the page's, where the run's worker lives, and Chromium's spare ones) grew
// over its value before Run, sampled every 100 ms; and how far the Go program's WebAssembly
// memory grew (reserved, zeroed pages count only once they are touched). Runs: the
// first (download, compile), a second (module kept), a 50 MiB and a 500 MiB leak, each of the
// last two in a fresh browser so that its memory is its own. Build first (npm run build).
/* global document, window, MutationObserver -- used inside page.evaluate, in the browser */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.ts";
import { reportFigure } from "./bench/results.mjs";

const dist = resolve("dist");
if (!existsSync(resolve(dist, "en/index.html"))) {
  console.error("bench-live: dist/ is missing; run npm run build first");
  process.exit(2);
}

const server = await startServer(dist, "/");
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });

/** Resident memory of the browser's renderer processes, in bytes (Linux /proc). */
async function rendererRss(cdp) {
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  let total = 0;
  for (const p of processInfo.filter((p) => p.type === "renderer")) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // The process ended between the two reads.
    }
  }
  return total;
}

/** Sets the knobs, presses Run, and measures until the program ends. */
async function measuredRun(page, cdp, knobs) {
  await page.fill("live-cell input[name=goroutines]", String(knobs.goroutines));
  await page.fill("live-cell input[name=buffer]", String(knobs.buffer));
  await page.check(`live-cell input[name=fix][value=${knobs.fix}]`);
  await page.waitForSelector("live-cell[data-ready]");
  let bytes = 0;
  const count = async (req) => {
    const sizes = await req.sizes().catch(() => null);
    // A response served from the cache has no sizes (-1).
    if (sizes) bytes += Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
  };
  page.on("requestfinished", count);
  const before = await rendererRss(cdp);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rendererRss(cdp));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  // The clock starts in the page, at the click, and stops at the first gctrace line the log shows.
  await page.evaluate(() => {
    const log = document.querySelector("live-cell [data-live-log]");
    window.benchFirstGc = new Promise((done) => {
      const observer = new MutationObserver(() => {
        if ([...log.children].some((l) => l.textContent.startsWith("gc "))) {
          observer.disconnect();
          done(performance.now());
        }
      });
      observer.observe(log, { childList: true });
    });
    window.benchRunAt = performance.now();
    document.querySelector("live-cell .live-run").click();
  });
  const firstGcMs = await page.evaluate(async () => (await window.benchFirstGc) - window.benchRunAt);
  await page.waitForFunction(
    () => ["finished", "failed"].includes(document.querySelector("live-cell")?.getAttribute("data-state") ?? ""),
    null,
    { timeout: 60_000 },
  );
  sampling = false;
  await sampler;
  page.off("requestfinished", count);
  const state = await page.getAttribute("live-cell", "data-state");
  const wasm = Number(await page.getAttribute("live-cell", "data-memory-bytes"));
  return { state, bytes, firstGcMs, before, peak, wasm };
}

const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;
const print = (label, r) => {
  // The live widget's figures have no aim of their own (issue 15 asks that they be measured).
  reportFigure({
    group: "Live",
    figure: `${label}: downloaded / first gctrace line / renderers' memory peak / WebAssembly memory`,
    aim: null,
    value: `${r.state}, ${MB(r.bytes)} / ${r.firstGcMs.toFixed(0)} ms / +${MB(r.peak - r.before)} / ${MB(r.wasm)}`,
    met: null,
  });
  console.log(
    `bench-live: ${label.padEnd(28)} ${r.state}, downloaded ${MB(r.bytes).padStart(8)}, ` +
      `first gctrace line ${r.firstGcMs.toFixed(0).padStart(5)} ms after Run, ` +
      `renderers' resident memory +${MB(r.peak - r.before)} at the peak (${MB(r.before)} before), ` +
      `WebAssembly memory ${MB(r.wasm)}`,
  );
};

async function session(runs) {
  const browser = await launch();
  const cdp = await browser.newBrowserCDPSession();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}en/#live`);
  await page.locator("live-cell").scrollIntoViewIfNeeded();
  for (const [label, knobs] of runs) print(label, await measuredRun(page, cdp, knobs));
  await browser.close();
}

try {
  await session([
    ["first run, 3 × 10 MiB", { goroutines: 3, buffer: 10, fix: "none" }],
    ["second run, 3 × 10 MiB", { goroutines: 3, buffer: 10, fix: "none" }],
  ]);
  await session([["50 MiB leak, 5 × 10 MiB", { goroutines: 5, buffer: 10, fix: "none" }]]);
  await session([["500 MiB leak, 20 × 25 MiB", { goroutines: 20, buffer: 25, fix: "none" }]]);
} finally {
  await server.close();
}
