import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, expectClean, fileUrl, useBrowser, watchedPage } from "./browser.ts";
import { chromium } from "playwright-core";

const siteUrl = inject("siteUrl");
const subfolderUrl = inject("subfolderUrl");
const distDir = inject("distDir");

const browser = useBrowser();

/** The module file the build wrote into live/. */
const moduleFile = readdirSync(join(distDir, "live")).find((f) => f.endsWith(".wasm.gz")) ?? "";

/** Sets the knobs as a reader would, by typing and clicking. */
async function setKnobs(page: Page, goroutines: number, buffer: number, fix: string): Promise<void> {
  await page.locator("live-cell").scrollIntoViewIfNeeded();
  await page.fill("live-cell input[name=goroutines]", String(goroutines));
  await page.fill("live-cell input[name=buffer]", String(buffer));
  await page.check(`live-cell input[name=fix][value=${fix}]`);
}

/** Presses Run and waits until the program has ended one way or another. */
async function run(page: Page): Promise<string> {
  await page.click("live-cell .live-run");
  await page.waitForFunction(
    () =>
      ["finished", "failed", "stopped", "unavailable"].includes(
        document.querySelector("live-cell")?.getAttribute("data-state") ?? "",
      ),
    null,
    { timeout: 40_000 },
  );
  return page.getAttribute("live-cell", "data-state").then((s) => s ?? "");
}

/** The live heap (the MB after the second arrow) of each forced gctrace line the log shows. */
async function forcedLiveMB(page: Page): Promise<number[]> {
  const log = await page.locator("live-cell [data-live-log]").innerText();
  return log
    .split("\n")
    .filter((l) => /^gc \d+ @/.test(l) && l.endsWith("(forced)"))
    .map((l) => Number(/\d+->\d+->(\d+) MB/.exec(l)?.[1]));
}

async function openWidget(b: Browser, url: string, allowed: string): Promise<ReturnType<typeof watchedPage>> {
  const w = await watchedPage(b, allowed);
  await w.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspSeen: string[] }).cspSeen = seen;
    addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await w.page.goto(url);
  await w.page.locator("live-cell").scrollIntoViewIfNeeded();
  return w;
}

const cspSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen);

describe("the live program, run for real in the page", () => {
  it("leaks 3 × 10 MiB over http: the forced GCs find about 30 MB live again and again, and the runtime calls the collectors leaked", async () => {
    const w = await openWidget(browser(), `${siteUrl}en/#live`, siteUrl);
    const { page } = w;
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    // Scrolled to, the widget loads nothing; its script comes when the reader reaches for it,
    // the module only on Run; the button says what Run will download.
    await page.waitForTimeout(500);
    expect(fetched.filter((p) => p.startsWith("/live/"))).toEqual([]);
    const label = (await page.textContent("live-cell .live-run")) ?? "";
    const mb = Number(/downloads (\d+\.\d) MB/.exec(label)?.[1]);
    expect(Math.abs(mb - statSync(join(distDir, "live", moduleFile)).size / 1e6)).toBeLessThan(0.1);

    await setKnobs(page, 3, 10, "none");
    await page.waitForSelector("live-cell[data-ready]");
    expect(fetched.filter((p) => p.startsWith("/live/"))).toEqual([expect.stringMatching(/^\/live\/app\.\w+\.js$/)]);
    expect(await run(page)).toBe("finished");
    const live = await forcedLiveMB(page);
    // Six forced GCs and the leak check, each finding the three buffers.
    expect(live).toHaveLength(7);
    for (const mbLive of live) expect(mbLive).toBeGreaterThanOrEqual(29);
    for (const mbLive of live) expect(mbLive).toBeLessThanOrEqual(32);
    expect(await page.locator("live-cell [data-live-log]").innerText()).toContain(" 1 P (forced)");
    expect(await page.locator("live-cell .live-chart path.heap-live").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("live-cell .live-states tbody tr").count()).toBe(7);
    expect(await page.locator("live-cell .live-states tbody tr").last().innerText()).toContain(
      "chan receive (leaked) 3",
    );
    expect(await page.textContent("live-cell .live-profile")).toContain("total 3");
    expect(await page.textContent("live-cell .live-status")).toContain("exit code 0");
    // The recorded run beside it is the leak's, and says it ran with 2 Ps.
    const recorded = page.locator("live-cell .live-recorded:not([hidden])");
    expect(await recorded.count()).toBe(1);
    expect(await recorded.locator("figcaption").innerText()).toMatch(
      /traces\/leak\s+go1\.27\.3 · linux\/amd64 · GOMAXPROCS=2 · 5 × 10 MiB/,
    );
    // The run's worker is gone once the program has ended.
    await expect.poll(() => page.workers().length).toBe(0);

    // A second run reuses the module: nothing is downloaded again, and the button says so.
    expect((await page.textContent("live-cell .live-run"))?.trim()).toBe("Run");
    await setKnobs(page, 3, 10, "close");
    expect(await run(page)).toBe("finished");
    const closed = await forcedLiveMB(page);
    expect(closed.at(-1)).toBeLessThan(5);
    expect(await page.textContent("live-cell .live-profile")).toContain("total 0");
    expect(await page.locator("live-cell .live-recorded:not([hidden]) figcaption").innerText()).toContain(
      "traces/fix-close\n",
    );
    expect(fetched.filter((p) => p.endsWith(".wasm.gz"))).toEqual([`/live/${moduleFile}`]);
    expect(await cspSeen(page)).toEqual([]);
    await expectClean(w);
  });

  it("runs from disk (file://): the module comes as a script from the page's folder, and the heap falls with close", async () => {
    const base = `${fileUrl(distDir)}/`;
    const w = await openWidget(browser(), `${base}index.html#live`, base);
    const { page } = w;
    expect(await page.textContent("live-cell .live-run")).toMatch(/读取 \d+\.\d MB/);
    await setKnobs(page, 3, 10, "none");
    expect(await run(page)).toBe("finished");
    const live = await forcedLiveMB(page);
    expect(live.length).toBeGreaterThanOrEqual(6);
    for (const mbLive of live) expect(mbLive).toBeGreaterThanOrEqual(29);
    await setKnobs(page, 3, 10, "close");
    expect(await run(page)).toBe("finished");
    expect((await forcedLiveMB(page)).at(-1)).toBeLessThan(5);
    expect(await cspSeen(page)).toEqual([]);
    await expectClean(w);
  });

  it("under a subfolder, by keyboard: Enter runs it, Stop ends the worker at once, a changed knob stops the run", async () => {
    const w = await openWidget(browser(), `${subfolderUrl}en/embed/live/`, subfolderUrl);
    const { page } = w;
    await page.focus("live-cell input[name=goroutines]");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("live-cell [data-live-log]")?.textContent.includes("gc "));
    await expect.poll(() => page.workers().length).toBe(1);
    await page.focus("live-cell .live-stop");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("live-cell", "data-state")).toBe("stopped");
    await expect.poll(() => page.workers().length).toBe(0);
    expect(await page.textContent("live-cell .live-status")).toMatch(/^Stopped at \d+\.\d s\.$/);
    // Focus does not fall off the page when Stop is disabled.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("live-run"))).toBe(true);
    const lines = await page.locator("live-cell .live-line").count();
    await page.waitForTimeout(1500);
    expect(await page.locator("live-cell .live-line").count()).toBe(lines);

    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("live-cell")?.getAttribute("data-state") === "running");
    await page.check("live-cell input[name=fix][value=context]");
    expect(await page.getAttribute("live-cell", "data-state")).toBe("stopped");
    expect(await page.textContent("live-cell .live-status")).toContain("the knobs changed");
    await expect.poll(() => page.workers().length).toBe(0);
    await expectClean(w);
  });

  it("clamps what it cannot run, and says so", async () => {
    const w = await openWidget(browser(), `${siteUrl}en/embed/live/`, siteUrl);
    const { page } = w;
    await page.fill("live-cell input[name=goroutines]", "25");
    await page.fill("live-cell input[name=buffer]", "50");
    await page.press("live-cell input[name=buffer]", "Tab");
    await page.waitForSelector("live-cell[data-ready]");
    expect(await page.inputValue("live-cell input[name=goroutines]")).toBe("20");
    expect(await page.inputValue("live-cell input[name=buffer]")).toBe("25");
    const notes = await page.locator("live-cell .live-notes").innerText();
    expect(notes).toContain("Goroutines: 25 is above the most allowed; using 20.");
    expect(notes).toContain("20 × 50 MiB would be 1000 MiB");
    expect(await page.textContent("live-cell .live-command")).toContain("-goroutines=20 -buffer=25");
    await expectClean(w);
  });

  it.each([
    ["missing", 404, "could not be loaded"],
    ["corrupt", 200, "damaged"],
  ])("a %s module says so and offers the recorded run", async (_what, status, words) => {
    const w = await openWidget(browser(), `${siteUrl}en/#live`, siteUrl);
    const { page } = w;
    await page.route(`**/live/${moduleFile}`, (route) =>
      route.fulfill({ status, contentType: "application/gzip", body: Buffer.from("not a module") }),
    );
    // Run pressed at once, before the widget's script is there: it is kept and done.
    expect(await run(page)).toBe("unavailable");
    expect(await page.textContent("live-cell .live-status")).toContain(words);
    expect(await page.locator("live-cell .live-error").isVisible()).toBe(true);
    expect(await page.getAttribute("live-cell .live-error a", "href")).toBe("#schedtrace");
    expect(await page.locator("live-cell .live-recorded:not([hidden]) svg").first().isVisible()).toBe(true);
    // The failed attempt is not kept: with the file back, Run tries again.
    await page.unroute(`**/live/${moduleFile}`);
    await page.check("live-cell input[name=fix][value=close]");
    expect(await run(page)).toBe("finished");
    // The 404 was ours, and so is the console's note of it.
    for (const list of [w.failedRequests, w.consoleErrors]) {
      list.splice(0, list.length, ...list.filter((e) => !e.includes(moduleFile) && !e.includes("404")));
    }
    await expectClean(w);
  });
});

describe("a run that exhausts memory", () => {
  it("ends with the runtime's own message, and the page stays alive", async () => {
    // A browser whose WebAssembly memories may not pass 256 MiB: 10 × 30 MiB cannot fit.
    const small = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, "--js-flags=--wasm-max-mem-pages=4096"],
    });
    try {
      const w = await openWidget(small, `${siteUrl}en/embed/live/`, siteUrl);
      const { page } = w;
      await setKnobs(page, 10, 30, "none");
      expect(await run(page)).toBe("failed");
      const status = (await page.textContent("live-cell .live-status")) ?? "";
      expect(status).toMatch(
        /^The program died after \d+\.\d s: runtime: out of memory: cannot allocate \d+-byte block/,
      );
      expect(status).toContain("fatal error: out of memory");
      expect(await page.locator("live-cell .live-line.fatal").count()).toBe(2);
      await expect.poll(() => page.workers().length).toBe(0);
      // Still a working page: a small run afterwards goes through.
      await setKnobs(page, 2, 5, "close");
      expect(await run(page)).toBe("finished");
      await expectClean(w);
    } finally {
      await small.close();
    }
  });
});
