import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";

const siteUrl = inject("siteUrl");

const browser = useBrowser();

/** The live heap in the readout, e.g. "t = 6.0 s · live heap 52 MiB" → 52. */
async function liveHeap(page: Page): Promise<number> {
  const text = (await page.locator("replay-cell .heap-readout").textContent()) ?? "";
  const m = /(\d+) MiB/.exec(text);
  expect(m, text).not.toBeNull();
  return Number(m?.[1]);
}

/** The last forced GC's live heap of a recording, read from its gctrace by the test's own regex. */
function lastForcedLiveMB(program: string): number {
  const lines = readFileSync(`traces/${program}/go1.27.3/stderr.log`, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("gc ") && l.endsWith("(forced)") && !l.includes("goroutine leaks"));
  const m = /->(\d+) MB, /.exec(lines.at(-1) ?? "");
  return Number(m?.[1]);
}

async function openReplay(hash = "", lang: "en/" | "" = "en/"): Promise<WatchedPage> {
  const w = await watchedPage(browser(), siteUrl);
  await w.page.goto(`${siteUrl}${lang}${hash}`);
  await w.page.locator("replay-cell").scrollIntoViewIfNeeded();
  await w.page.locator("replay-cell[data-ready]").waitFor();
  return w;
}

describe("the replay", () => {
  it("replaces the static figure once it runs, and keeps it without JavaScript", async () => {
    const w = await openReplay();
    expect(await w.page.locator("replay-cell .replay-static").isVisible()).toBe(false);
    await expectClean(w);
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`);
    expect(await page.locator("replay-cell .replay-static svg").first().isVisible()).toBe(true);
    expect(await page.locator("replay-cell .replay-ui").isVisible()).toBe(false);
    await context.close();
  });

  it("loads its code only when the cell comes near the viewport", async () => {
    const w = await watchedPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    w.page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname.split("/").at(-1) ?? "");
    });
    await w.page.goto(`${siteUrl}en/`);
    await w.page.waitForLoadState("networkidle");
    const before = [...scripts];
    expect(await w.page.locator("replay-cell[data-ready]").count()).toBe(0);
    await w.page.locator("replay-cell").scrollIntoViewIfNeeded();
    await w.page.locator("replay-cell[data-ready]").waitFor();
    const loaded = scripts.filter((s) => !before.includes(s));
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatch(/^lazy\./);
    await expectClean(w);
  });

  it("shows about 50 MiB live at the end for the leak, and a few MiB for each fix", async () => {
    const w = await openReplay();
    const { page } = w;
    await page.locator("replay-cell .player-scrub input").focus();
    await page.keyboard.press("End");
    const leak = await liveHeap(page);
    expect(leak).toBe(lastForcedLiveMB("leak"));
    expect(leak).toBeGreaterThanOrEqual(50);
    for (const [key, program] of [
      ["timeout", "fix-timeout"],
      ["close", "fix-close"],
      ["context", "fix-context"],
    ] as const) {
      await page.click(`replay-cell .variant-button[data-variant="${key}"]`);
      expect(await page.getAttribute(`replay-cell .variant-button[data-variant="${key}"]`, "aria-pressed")).toBe(
        "true",
      );
      const fixed = await liveHeap(page);
      expect(fixed, key).toBe(lastForcedLiveMB(program));
      expect(fixed, key).toBeLessThan(5);
    }
    await expectClean(w);
  });

  it("moves every widget together when scrubbed", async () => {
    const w = await openReplay("#variant=timeout&t=1");
    const { page } = w;
    const snapshot = async (): Promise<string[]> =>
      Promise.all(
        [".heap-readout", ".lanes-counts", ".code-readout", ".player-time", ".gc-chips .past:last-of-type"].map(
          async (s) =>
            (await page.locator(`replay-cell ${s}`).count()) > 0
              ? ((await page.locator(`replay-cell ${s}`).last().textContent()) ?? "")
              : "",
        ),
      );
    const visibleLogLines = (): Promise<number> => page.locator("replay-cell .log-lines li:not([hidden])").count();
    const before = await snapshot();
    const logBefore = await visibleLogLines();
    expect(before[2]).toContain("line 16");
    await page.locator("replay-cell .player-scrub input").fill("4");
    const after = await snapshot();
    expect(after[0]).toContain("t = 4.0 s");
    expect(after[1]).toContain("4.0 s");
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).not.toBe(before[2]); // the collectors have returned: nobody waits at line 16
    expect(after[3]).toBe("4.00 s");
    expect(await visibleLogLines()).toBeGreaterThan(logBefore);
    expect(Number(await page.locator("replay-cell tr[data-status='4'] .count-user").textContent())).toBe(1); // main, sleeping
    await expectClean(w);
  });

  it("works from the keyboard alone: variants, play and pause, steps, Home and End", async () => {
    const w = await openReplay();
    const { page } = w;
    await page.locator('replay-cell .variant-button[data-variant="leak"]').focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-variant"))).toBe("timeout");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="timeout"]', "aria-pressed")).toBe("true");
    const time = async (): Promise<number> =>
      Number(((await page.locator("replay-cell .player-time").textContent()) ?? "").split(" ")[0]);
    await page.locator("replay-cell .player-scrub input").fill("2");
    await page.locator("replay-cell .player-next").focus();
    await page.keyboard.press("Enter");
    const next = await time();
    expect(next).toBeGreaterThan(2);
    expect(next).toBeLessThan(3.1); // a GC or a collector giving up comes before then
    await page.locator("replay-cell .player-prev").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    expect(await time()).toBeLessThan(2);
    await page.locator("replay-cell .player-scrub input").focus();
    await page.keyboard.press("End");
    expect(await page.locator("replay-cell .player-time").textContent()).toMatch(/^6\.\d\d s$/);
    await page.keyboard.press("Home");
    expect(await page.locator("replay-cell .player-time").textContent()).toBe("0.00 s");
    await page.keyboard.press("Space");
    await expect.poll(async () => page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("true");
    await page.waitForTimeout(400);
    await page.keyboard.press("Space");
    expect(await time()).toBeGreaterThan(0.1);
    expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("false");
    // A GC chip moves the clock to its GC.
    await page.locator("replay-cell .gc-chip").nth(3).focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("replay-cell .gc-detail").textContent()).toContain("GC 4");
    await expectClean(w);
  });

  it("round-trips its state through the URL hash, and ignores nonsense", async () => {
    const w = await openReplay("#variant=close&t=3.2");
    const { page } = w;
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="close"]', "aria-pressed")).toBe("true");
    expect(await page.locator("replay-cell .player-time").textContent()).toBe("3.20 s");
    await page.click('replay-cell .variant-button[data-variant="context"]');
    await page.locator("replay-cell .player-scrub input").fill("1.5");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#variant=context&t=1.5");
    expect(await page.getAttribute("replay-cell", "data-hash")).toBe("variant=context&t=1.5");
    await page.reload();
    await page.locator("replay-cell").scrollIntoViewIfNeeded();
    await page.locator("replay-cell[data-ready]").waitFor();
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="context"]', "aria-pressed")).toBe("true");
    expect(await page.locator("replay-cell .player-time").textContent()).toBe("1.50 s");
    await expectClean(w);
    for (const junk of [
      "#variant=nope&t=abc",
      "#t=-5",
      "#t=1e9&variant=",
      "#%E0%A4%A",
      "#variant=leak&t=Infinity&theme=dark",
    ]) {
      const j = await openReplay(junk);
      expect(await j.page.getAttribute('replay-cell .variant-button[data-variant="leak"]', "aria-pressed"), junk).toBe(
        "true",
      );
      expect(await j.page.locator("replay-cell .player-time").textContent(), junk).toBe("0.00 s");
      await expectClean(j);
    }
  });

  it("says in the page's language when no goroutine is known yet, and counts them once the trace has started", async () => {
    const w = await openReplay("#t=0", "");
    const { page } = w;
    expect(await page.locator("replay-cell .player-time").textContent()).toBe("0.00 秒");
    expect(await page.locator("replay-cell .lanes-counts").textContent()).toBe(
      "0.0 秒 · 执行跟踪尚未开始，还不知道有哪些 goroutine",
    );
    expect(await page.locator('replay-cell tr[data-status="4"] .count-all').textContent()).toBe("–");
    await page.locator("replay-cell .player-scrub input").fill("3");
    expect(await page.locator("replay-cell .player-time").textContent()).toBe("3.00 秒");
    expect(await page.locator("replay-cell .lanes-counts").textContent()).toMatch(
      /^3\.0 秒 · 程序的 goroutine: waiting \d+/,
    );
    expect(Number(await page.locator('replay-cell tr[data-status="4"] .count-all').textContent())).toBeGreaterThan(5);
    await expectClean(w);
  });

  it("decodes a log line in place and links a G line's status to the explorer", async () => {
    const w = await openReplay("#variant=leak&t=3");
    const { page } = w;
    const gLine = page.locator("replay-cell .log-lines li:not([hidden]) .log-line", { hasText: "chan receive" }).last();
    await gLine.click();
    const decode = page.locator("replay-cell .log-decode").first();
    expect(await decode.textContent()).toContain("waitReason");
    await decode.locator("a").click();
    expect(await page.evaluate(() => location.hash)).toBe("#replay-status-4");
    await expectClean(w);
  });
});
