import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, pageScriptsIn, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import { count, openReplay as openAt, scrub, text, timeAxis } from "./replay-page.ts";

const siteUrl = inject("siteUrl");
const distDir = inject("distDir");

const browser = useBrowser();

/** The live heap in the readout, e.g. "live heap 52 MiB (gctrace, GC 4)" → 52. */
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
    .filter((l) => l.startsWith("gc ") && l.endsWith("(forced)"));
  const m = /->(\d+) MB, /.exec(lines.at(-1) ?? "");
  return Number(m?.[1]);
}

const openReplay = (hash = "", lang: "en/" | "" = "en/", width = 1280): Promise<WatchedPage> =>
  openAt(browser(), siteUrl, hash, lang, width);

describe("the replay", () => {
  it("without JavaScript, tells the story in key frames; with it, replaces them", async () => {
    const w = await openReplay();
    expect(await w.page.locator("replay-cell .replay-static").isVisible()).toBe(false);
    await expectClean(w);
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`);
    const leak = page.locator('replay-cell .key-frame-set[data-variant="leak"]');
    expect(await leak.isVisible()).toBe(true);
    expect(await leak.locator(".key-frame").count()).toBe(4);
    expect(await leak.locator(".key-frame").last().textContent()).toContain(
      "5 of 5 collectors hold their 10 MiB buffers",
    );
    expect(
      await page.locator('replay-cell .key-frame-set[data-variant="timeout"] .key-frame').last().textContent(),
    ).toContain("0 of 5 collectors");
    // The other fixes' frames print only when chosen in the running replay: the page leaves them out.
    expect(await page.locator('replay-cell .key-frame-set[data-variant="close"]').count()).toBe(0);
    expect(await page.locator("replay-cell .replay-ui").isVisible()).toBe(false);
    // Static copies of the mechanism illustrate part 1 (the leak) and part 5 (each fix).
    expect(
      await page
        .locator('#leak ~ figure[data-mechanism="leak"], section:has(#leak) figure[data-mechanism="leak"]')
        .count(),
    ).toBe(1);
    expect(await page.locator('section:has(#leak) figure[data-mechanism="leak"] figcaption').textContent()).toContain(
      "5 of 5 collectors hold their 10 MiB buffers; 50 MiB reachable",
    );
    for (const fix of ["timeout", "close", "context"]) {
      const figure = page.locator(`section:has(#fix) figure[data-mechanism="${fix}"]`);
      expect(await figure.locator("svg").isVisible(), fix).toBe(true);
      expect(await figure.locator("figcaption").textContent(), fix).toContain("0 of 5 collectors hold");
    }
    await context.close();
  });

  it("puts back the markup the page leaves out once the page is up, and loads its code and data only when the cell comes near the viewport", async () => {
    // The page itself carries only what shows before the replay starts, on a phone: the first
    // program's layers and labels, not its wide drawing or its listing (build/defer-markup.ts).
    const html = readFileSync(`${distDir}/en/index.html`, "utf8");
    const cell = html.slice(html.indexOf("<replay-cell"), html.indexOf("</replay-cell>"));
    expect(cell.match(/class="?heap-layer\b/g)).toHaveLength(1);
    expect(cell.match(/class="?annotation-set\b/g)).toHaveLength(1);
    expect(cell).not.toContain("only-close");
    expect(cell).toMatch(/key-frame-set[^>]*data-variant="?leak/);
    expect(cell).not.toMatch(/key-frame-set[^>]*data-variant="?close/);
    expect(cell).toMatch(/<pre [^>]*><template data-deferred/);
    const w = await watchedPage(browser(), siteUrl, { viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    w.page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname.split("/").slice(-2).join("/"));
    });
    await w.page.goto(`${siteUrl}en/`);
    await pageScriptsIn(w.page);
    // Soon after the page is up, far from the replay, the left-out markup is back (the browser is idle).
    await w.page.waitForFunction(
      () => !document.querySelector("replay-cell [data-deferred]:not([data-deferred-group])"),
    );
    const before = [...scripts];
    expect(await w.page.locator("replay-cell[data-ready]").count()).toBe(0);
    expect(before.filter((s) => /^(?:replay\/|_astro\/lazy\.)/.test(s))).toEqual([]);
    expect(await w.page.locator("replay-cell .heap-layer").count()).toBe(4);
    // The heap chart's, the labels', the code's layers and the mechanism's parts of every program.
    for (const layer of [".heap-layer", ".code-layer", ".annotation-set"]) {
      const variants = await w.page
        .locator(`replay-cell ${layer}`)
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-variant")));
      expect(variants, layer).toEqual(["leak", "timeout", "close", "context"]);
    }
    // For close: what main holds, and each of the five collectors' fields and the edge from main's
    // feeds to its channel, each in its place.
    expect(await w.page.locator("replay-cell .mechanism-svg .only-close").count()).toBe(1 + 5 * 2);
    expect(await w.page.locator("replay-cell .heap-axes .figure-wide svg").isVisible()).toBe(true);
    await w.page.locator("replay-cell").scrollIntoViewIfNeeded();
    await w.page.locator("replay-cell[data-ready]").waitFor();
    const loaded = scripts.filter((s) => !before.includes(s)).sort();
    expect(loaded, loaded.join(" ")).toHaveLength(2);
    expect(loaded[0]).toMatch(/^_astro\/lazy\./);
    expect(loaded[1]).toMatch(/^replay\/data\.[0-9a-f]+\.js$/);
    // The Embed controls' panels come when the reader reaches for them.
    expect(await w.page.locator("replay-cell [data-deferred][data-deferred-group=embed]").count()).toBeGreaterThan(0);
    await expectClean(w);
  });

  it("opens a link with a replay state at the replay, in that state", async () => {
    const w = await watchedPage(browser(), siteUrl, { viewport: { width: 1280, height: 900 } });
    await w.page.goto(`${siteUrl}en/#variant=timeout&t=2.5`);
    await w.page.locator("replay-cell[data-ready]").waitFor();
    await expect
      .poll(() => w.page.locator("replay-cell").evaluate((e) => Math.round(e.getBoundingClientRect().top)))
      .toBeLessThan(100);
    expect(await w.page.getAttribute('replay-cell .variant-button[data-variant="timeout"]', "aria-pressed")).toBe(
      "true",
    );
    expect(await text(w.page, ".player-time")).toBe("2.50 s");
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

  it("the last frame: the leak's five collectors still blocked, leaked by the runtime's word; each fix's gone as _Gdead; the end round-trips through the hash", async () => {
    const w = await openReplay("#variant=leak");
    const { page } = w;
    await page.locator("replay-cell .player-scrub input").focus();
    await page.keyboard.press("End");
    const labels = await page.locator('replay-cell .lane[data-role="collector"] .lane-state').allTextContents();
    expect(labels).toEqual(Array(5).fill("leaked (chan receive)"));
    expect(await count(page, 10, "user")).toBe("5");
    expect(await text(page, "[data-mechanism-alt]")).toContain(
      "5 of 5 collectors hold their 10 MiB buffers; 50 MiB reachable",
    );
    expect(await text(page, "[data-step-caption]")).toContain("5 collectors still blocked");
    const hash = await page.evaluate(() => location.hash);
    const time = await text(page, ".player-time");
    // The figure's text alternative names the moment the player shows.
    expect(await text(page, "[data-mechanism-alt]")).toMatch(new RegExp(`^At ${time.replace(/\s*s$/, "")} s: `));
    await page.click('replay-cell .variant-button[data-variant="close"]');
    expect(await page.locator('replay-cell .lane[data-role="collector"] .lane-state').allTextContents()).toEqual(
      Array(5).fill(expect.stringMatching(/^returned at 2\.\d\d s$/) as string),
    );
    expect(await count(page, 6, "user")).toBe("5");
    expect(await count(page, 10, "user")).toBe("0");
    await page.goto(`${siteUrl}en/${hash}`);
    await page.locator("replay-cell[data-ready]").waitFor();
    expect(await text(page, ".player-time")).toBe(time);
    await expectClean(w);
  });

  it("one time axis: the heap cursor, the lanes cursor and the revealed curve stand at the same x, at phone and desktop widths", async () => {
    for (const width of [375, 1280]) {
      const w = await openReplay("#variant=timeout", "en/", width);
      const { page } = w;
      for (const t of [0, 1, 2.5, 4, 6]) {
        await scrub(page, t);
        const xs = await timeAxis(page);
        expect(xs.cursors, `t=${String(t)} at ${String(width)} px`).toHaveLength(2);
        const [heap = 0, lanes = 0] = xs.cursors;
        expect(Math.abs(heap - lanes), `t=${String(t)} at ${String(width)} px`).toBeLessThan(1);
        expect(Math.abs(heap - xs.clip), `t=${String(t)} at ${String(width)} px`).toBeLessThan(1.5);
      }
      // A collector's bar ends where the cursor stands at the moment it returned.
      await scrub(page, 2.5);
      const edge = await page.evaluate(() => {
        const bar = document.querySelector('replay-cell .lane[data-role="collector"] .lane-span.returned');
        return bar?.getBoundingClientRect().left ?? 0;
      });
      const cursor = await page
        .locator("replay-cell .lanes [data-replay-cursor]")
        .evaluate((c) => c.getBoundingClientRect().left + 1);
      expect(Math.abs(edge - cursor), `at ${String(width)} px`).toBeLessThan(3);
      await expectClean(w);
    }
  });

  it("every panel describes the same moment, and the code readout follows a switch of program", async () => {
    const w = await openReplay("#variant=leak&t=3.5");
    const { page } = w;
    expect(await text(page, ".code-readout")).toMatch(/^5 of the program's goroutines wait at line 15: b, ok := <-in/);
    expect(await liveHeap(page)).toBeGreaterThanOrEqual(50);
    expect(await text(page, "[data-mechanism-alt]")).toMatch(/^At 3\.50 s: 5 of 5 collectors/);
    expect(await count(page, 4, "user")).toBe("6");
    await page.click('replay-cell .variant-button[data-variant="timeout"]');
    // Main sleeps at this moment in both programs: its row says so after the switch too.
    const lanes = await page.locator("replay-cell .lane .lane-state").allTextContents();
    expect(lanes[0]).toBe("waiting (sleep)");
    expect(lanes.every((l) => l !== "")).toBe(true);
    // From one fix to another: the collectors returned in both, at different times.
    await page.click('replay-cell .variant-button[data-variant="close"]');
    expect(await page.locator('replay-cell .lane[data-role="collector"] .lane-state').first().textContent()).toMatch(
      /^returned at 2\.0\d s$/,
    );
    await page.click('replay-cell .variant-button[data-variant="timeout"]');
    expect(await text(page, ".code-readout")).not.toContain("line 15");
    expect(await text(page, ".code-readout")).not.toContain("line 16");
    // The line the readout names comes into sight in the code panel's box (main sleeps at line
    // 40), scrolled there once the frame is drawn.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const layer = [...document.querySelectorAll<HTMLElement>("replay-cell .code-layer")].find((l) => !l.hidden);
          const line = layer?.querySelector(".blocks")?.getBoundingClientRect();
          const box = layer?.querySelector("pre")?.getBoundingClientRect();
          return line && box ? line.top >= box.top && line.bottom <= box.bottom : null;
        }),
      )
      .toBe(true);
    expect(await liveHeap(page)).toBeLessThan(5);
    expect(await text(page, "[data-mechanism-alt]")).toMatch(/^At 3\.50 s: 0 of 5 collectors/);
    expect(await text(page, "[data-mechanism-alt]")).toContain("5 returned; their buffers are freed");
    expect(await count(page, 6, "user")).toBe("5");
    expect(await page.locator('replay-cell .lane[data-role="collector"] .lane-state').first().textContent()).toMatch(
      /^returned at 2\.5\d s$/,
    );
    // The status table counts the SCHED block the log marks.
    const marked = await page.locator("replay-cell .log-lines li.in-snapshot .log-line").allTextContents();
    expect(marked.filter((l) => l.includes("status=6()"))).toHaveLength(5);
    await expectClean(w);
  });

  it("keeps the leak as a labelled baseline under a fix, and the fix shown before in grey", async () => {
    const w = await openReplay("#variant=leak&t=3");
    const { page } = w;
    expect(await page.locator("replay-cell .legend-baseline").isVisible()).toBe(false);
    await page.click('replay-cell .variant-button[data-variant="timeout"]');
    expect(await page.locator('replay-cell .heap-layer.baseline[data-variant="leak"]').isVisible()).toBe(true);
    expect(await text(page, ".legend-now")).toBe("time.After (now)");
    expect(await text(page, ".legend-baseline")).toBe("leak (baseline)");
    await page.click('replay-cell .variant-button[data-variant="context"]');
    expect(await page.locator('replay-cell .heap-layer.baseline[data-variant="leak"]').isVisible()).toBe(true);
    expect(await page.locator('replay-cell .heap-layer.before[data-variant="timeout"]').isVisible()).toBe(true);
    expect(await text(page, ".legend-before")).toBe("time.After (shown before)");
    expect(await text(page, ".legend-now")).toBe("context (now)");
    await page.click('replay-cell .variant-button[data-variant="leak"]');
    expect(await page.locator("replay-cell .legend-baseline").isVisible()).toBe(false);
    expect(await page.locator("replay-cell .heap-layer.before").count()).toBe(0);
    await expectClean(w);
  });

  it("Next walks the recorded story with a caption for each event; the arrow keys still scrub finely", async () => {
    const w = await openReplay("#variant=timeout&t=0");
    const { page } = w;
    const captions: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.click("replay-cell .player-next");
      captions.push(await text(page, "[data-step-caption]"));
    }
    expect(new Set(captions).size).toBe(6);
    expect(captions[0]).toMatch(/^5 collectors have started/);
    expect(captions.some((c) => c.startsWith("The timers fire"))).toBe(true);
    expect(captions.some((c) => c.includes("frees 50 MB"))).toBe(true);
    await page.click("replay-cell .player-prev");
    expect(await text(page, "[data-step-caption]")).toBe(captions[4]);
    await scrub(page, 1);
    await page.locator("replay-cell .player-scrub input").focus();
    await page.keyboard.press("ArrowRight");
    expect(await text(page, ".player-time")).toBe("1.01 s");
    expect(await page.getAttribute("replay-cell .player-scrub input", "aria-valuetext")).toBe("1.01 s");
    await expectClean(w);
  });

  it("labels the heap chart's events in place, none overlapping another on a phone", async () => {
    for (const key of ["leak", "timeout", "close", "context"]) {
      const w = await openReplay(`#variant=${key}`, "en/", 375);
      const boxes = await w.page.evaluate(() =>
        [...document.querySelectorAll(".annotation-set:not([hidden]) [data-annotation]")].map((e) => {
          const r = e.getBoundingClientRect();
          return {
            kind: e.getAttribute("data-annotation"),
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
          };
        }),
      );
      expect(boxes.map((b) => b.kind)).toContain("start");
      expect(boxes.map((b) => b.kind)).toContain("leak-check");
      if (key !== "leak") expect(boxes.map((b) => b.kind)).toContain("return");
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b) continue;
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${String(a.kind)} and ${String(b.kind)} overlap (${key})`).toBe(true);
        }
      const cell = await w.page.locator("replay-cell").evaluate((e) => e.getBoundingClientRect());
      for (const b of boxes) expect(b.left >= cell.left && b.right <= cell.right, String(b.kind)).toBe(true);
      await expectClean(w);
    }
  });

  it("round-trips its state through the URL hash, and ignores nonsense", async () => {
    const w = await openReplay("#variant=close&t=3.2");
    const { page } = w;
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="close"]', "aria-pressed")).toBe("true");
    expect(await text(page, ".player-time")).toBe("3.20 s");
    await page.click('replay-cell .variant-button[data-variant="context"]');
    await scrub(page, 1.5);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#variant=context&t=1.5");
    expect(await page.getAttribute("replay-cell", "data-hash")).toBe("variant=context&t=1.5");
    await page.reload();
    await page.locator("replay-cell[data-ready]").waitFor();
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="context"]', "aria-pressed")).toBe("true");
    expect(await text(page, ".player-time")).toBe("1.50 s");
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
      expect(await text(j.page, ".player-time"), junk).toBe("0.00 s");
      await expectClean(j);
    }
  });

  it("prints key frames (the leak beside the chosen fix), no controls, and the log and the code whole", async () => {
    const w = await openReplay("#variant=close&t=3");
    const { page } = w;
    await page.emulateMedia({ media: "print" });
    expect(await page.locator('replay-cell .key-frame-set[data-variant="leak"]').isVisible()).toBe(true);
    expect(await page.locator('replay-cell .key-frame-set[data-variant="close"]').isVisible()).toBe(true);
    expect(await page.locator('replay-cell .key-frame-set[data-variant="timeout"]').isVisible()).toBe(false);
    for (const hidden of [".replay-player", ".replay-variants", ".heap-plot", "embed-button"])
      expect(await page.locator(`replay-cell ${hidden}`).first().isVisible(), hidden).toBe(false);
    const log = await page.locator("replay-cell .log-scroll").evaluate((e) => [e.scrollHeight, e.clientHeight]);
    expect(log[0]).toBeLessThanOrEqual((log[1] ?? 0) + 1);
    const code = await page
      .locator('replay-cell .code-layer[data-variant="close"] pre')
      .evaluate((e) => [e.scrollHeight, e.clientHeight]);
    expect(code[0]).toBeLessThanOrEqual((code[1] ?? 0) + 1);
    await expectClean(w);
  });

  it("keeps its height when it starts: the first frame's readouts are in the page already", async () => {
    for (const width of [375, 1280]) {
      const context = await browser().newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${siteUrl}en/`);
      await pageScriptsIn(page);
      const height = () => page.locator("replay-cell").evaluate((e) => Math.round(e.getBoundingClientRect().height));
      const before = await height();
      await page.locator("replay-cell").scrollIntoViewIfNeeded();
      await page.locator("replay-cell[data-ready]").waitFor();
      expect(await height(), `at ${String(width)} px`).toBe(before);
      await context.close();
    }
  });

  it("decodes a log line in place and links a G line's status to the explorer", async () => {
    const w = await openReplay("#variant=leak&t=3");
    const { page } = w;
    const gLine = page.locator("replay-cell .log-lines .log-line:visible", { hasText: "chan receive" }).last();
    await gLine.click();
    const decode = page.locator("replay-cell .log-decode").first();
    expect(await decode.textContent()).toContain("waitReason");
    await decode.locator("a").click();
    expect(await page.evaluate(() => location.hash)).toBe("#replay-status-4");
    await expectClean(w);
  });
});
