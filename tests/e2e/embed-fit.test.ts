// The snippets as a teacher pastes them: copied from /embed/ (as the browser built them for this
// copy), put into a course page of another origin that runs no script of ours, at a phone's
// column, a course page's column and a wide one. Every frame must hold its content: the page no
// taller than the frame, every control inside it, a single widget whole; and with JavaScript off,
// each widget's own static form.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";
import { EMBEDS, type EmbedId } from "../../src/server/embeds.ts";
import { en } from "../../src/i18n/en.ts";

const siteUrl = inject("siteUrl");
const subfolderUrl = inject("subfolderUrl");
const COLUMNS = [328, 608, 1024] as const;

const browser = useBrowser();
let host: RunningServer;
let hostDir: string;
/** Each embed's snippet, exactly as /embed/ offers it (a copy served under a subfolder). */
const snippets = new Map<EmbedId, string>();

beforeAll(async () => {
  const page = await browser().newPage();
  await page.goto(`${subfolderUrl}en/embed/`);
  for (const e of EMBEDS) {
    const code = page.locator(`section[aria-labelledby="embed-entry-${e.id}"] textarea.embed-code`);
    await page.waitForFunction(
      (id) =>
        document
          .querySelector<HTMLTextAreaElement>(`section[aria-labelledby="embed-entry-${id}"] textarea`)
          ?.value.startsWith('<iframe src="http'),
      e.id,
    );
    snippets.set(e.id, await code.inputValue());
  }
  await page.close();
  hostDir = mkdtempSync(join(tmpdir(), "bf-fit-"));
  // A course page: a column of the given width, each snippet pasted as given under a heading.
  const course = (width: number): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course: Go concurrency</title><link rel="icon" href="data:,">
<style>body { margin: 0 auto; padding: 0 8px; width: ${String(width)}px; font-family: serif; }</style></head>
<body><h1>Week 3: goroutine leaks</h1>
${EMBEDS.map((e) => `<h2>${e.id}</h2>\n<div data-embed="${e.id}">${snippets.get(e.id) ?? ""}</div>`).join("\n")}
</body></html>`;
  for (const width of COLUMNS) writeFileSync(join(hostDir, `course-${String(width)}.html`), course(width));
  host = await startServer(hostDir, "/");
});

afterAll(async () => {
  await host.close();
  rmSync(hostDir, { recursive: true, force: true });
});

/**
 * Where each kind of embed keeps its parts: the element its page is ready with, the controls a
 * script shows, and the box that holds what it shows without one. The live widget is no replay:
 * it loads its code only when the reader reaches for it, so its page is laid out as it comes.
 */
const PARTS = (id: EmbedId): { ready: string; scripted: string; fallbackBox: string } =>
  id === "live"
    ? { ready: "live-cell", scripted: ".live-controls", fallbackBox: ".live-ui" }
    : { ready: "replay-cell[data-ready]", scripted: ".replay-ui", fallbackBox: ".replay-static" };

/** Scrolls an embed's iframe into view (its loading is lazy) and returns its loaded frame. */
async function frameOf(page: Page, id: EmbedId): Promise<Frame> {
  const handle = await page.waitForSelector(`[data-embed="${id}"] iframe`);
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${id}: no frame`);
  await frame.waitForLoadState("load");
  return frame;
}

/** What a reader of the frame can see and reach: its size, its page's, its controls' places. */
interface FrameView {
  width: number;
  height: number;
  pageHeight: number;
  /** Controls (buttons, slider, menu) whose box lies outside the frame. */
  outside: string[];
  /** How far the widgets' box scrolls (0: all of it shows). */
  widgetsOverflow: number;
}

const view = (frame: Frame): Promise<FrameView> =>
  frame.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("button, input, select, summary, a")].filter(
      (el) => el.getClientRects().length > 0 && !el.closest(".replay-widgets, .replay-static, .live-results"),
    );
    const outside = controls
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < -1 || r.bottom > innerHeight + 1 || r.left < -1 || r.right > innerWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}"`);
    const box = document.querySelector(".replay-widgets, .live-results");
    return {
      width: innerWidth,
      height: innerHeight,
      pageHeight: document.documentElement.scrollHeight,
      outside,
      widgetsOverflow: box ? box.scrollHeight - box.clientHeight : -1,
    };
  });

describe("a snippet pasted as given into a course page on another origin, with no script of ours", () => {
  it("is one iframe of this copy's embed page, with a fixed height", () => {
    for (const e of EMBEDS) {
      expect(snippets.get(e.id)).toMatch(
        new RegExp(
          `^<iframe src="${subfolderUrl}en/embed/${e.id}/" title="[^"]+" width="100%" height="${String(e.height)}" loading="lazy" style="border:0"></iframe>$`,
        ),
      );
    }
  });

  it.each(COLUMNS)("holds every frame's content in a %i px column", async (width) => {
    const context = await browser().newContext({ viewport: { width: width + 16, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.url}course-${String(width)}.html`);
    for (const e of EMBEDS) {
      const frame = await frameOf(page, e.id);
      await frame.waitForSelector(PARTS(e.id).ready, { state: "attached" });
      await frame.waitForTimeout(100);
      const v = await view(frame);
      const label = `${e.id} at ${String(width)} px`;
      expect(v.height, `${label}: the frame keeps the snippet's height`).toBe(e.height);
      expect(v.width, label).toBeGreaterThan(width - 20);
      expect(v.pageHeight, `${label}: the page is no taller than its frame`).toBeLessThanOrEqual(v.height);
      expect(v.outside, `${label}: controls outside the frame`).toEqual([]);
      // One widget shows whole; the whole cell scrolls inside its frame, under its controls.
      // (The live widget: its knobs and Run button above, what a run shows scrolling under them.)
      if (e.widgets.length === 1) expect(v.widgetsOverflow, `${label}: the widget is cut`).toBeLessThanOrEqual(1);
      else expect(v.widgetsOverflow, label).toBeGreaterThan(0);
      if (e.id === "live") {
        const run = await frame.locator(".live-run").boundingBox();
        expect(run && run.y + run.height, `${label}: Run is inside the frame`).toBeLessThanOrEqual(v.height);
      }
    }
    await context.close();
  });

  it("fits the heap chart to a short frame, and its labels stay over its time axis", async () => {
    const context = await browser().newContext({ viewport: { width: 1040, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${host.url}course-1024.html`);
    const frame = await frameOf(page, "heap");
    await frame.waitForSelector("replay-cell[data-ready]", { state: "attached" });
    const sizes = await frame.evaluate(() => {
      const box = (s: string): DOMRect | undefined => document.querySelector(s)?.getBoundingClientRect();
      return { plot: box(".heap-plot"), labels: box(".annotations"), widgets: box(".replay-widgets") };
    });
    // At 1024 px the chart would be 370 px tall at full width: it is narrower, centred, whole.
    expect(sizes.plot?.width).toBeLessThan((sizes.widgets?.width ?? 0) - 50);
    expect(sizes.plot?.bottom).toBeLessThanOrEqual(sizes.widgets?.bottom ?? 0);
    expect(sizes.labels?.left).toBeCloseTo(sizes.plot?.left ?? -1, 0);
    expect(sizes.labels?.width).toBeCloseTo(sizes.plot?.width ?? -1, 0);
    await context.close();
  });

  it("keeps the log at a height of its own, whatever the frame's", async () => {
    const heights: number[] = [];
    for (const frameHeight of [680, 1200]) {
      const context = await browser().newContext({ viewport: { width: 640, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${host.url}course-608.html`);
      await page.$eval(
        '[data-embed="log"] iframe',
        (f, h) => ((f as HTMLIFrameElement).height = String(h)),
        frameHeight,
      );
      const frame = await frameOf(page, "log");
      heights.push(await frame.$eval(".log-scroll", (el) => el.getBoundingClientRect().height));
      await context.close();
    }
    expect(heights[0]).toBeGreaterThan(200);
    expect(heights[1]).toBe(heights[0]);
  });
});

/** What each embed shows without JavaScript: its own static form, named by its caption. */
const FALLBACK: Record<EmbedId, { selector: string; caption: string }> = {
  heap: { selector: ".replay-static .cell-figure svg >> visible=true", caption: en.replay.fallback.heap },
  goroutines: { selector: ".replay-static .cell-figure svg >> visible=true", caption: en.replay.fallback.goroutines },
  mechanism: { selector: ".replay-static .mechanism-svg", caption: en.replay.fallback.mechanismLeak },
  log: { selector: ".replay-static-log pre", caption: en.replay.fallback.log },
  statuses: { selector: ".replay-static-statuses table", caption: en.embed.fallback.statuses.split(":")[0] ?? "" },
  replay: { selector: ".replay-static .key-frame-set", caption: en.replay.staticNote },
  live: { selector: ".live-recorded svg >> visible=true", caption: en.live.noScript },
};

describe("the same course page with JavaScript off", () => {
  it.each([328, 1024] as const)("shows each widget's own static form in its frame at %i px", async (width) => {
    const context = await browser().newContext({
      viewport: { width: width + 16, height: 900 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${host.url}course-${String(width)}.html`);
    for (const e of EMBEDS) {
      const frame = await frameOf(page, e.id);
      const expected = FALLBACK[e.id];
      const label = `${e.id} at ${String(width)} px`;
      expect(await frame.locator(PARTS(e.id).scripted).isVisible(), label).toBe(false);
      const art = frame.locator(expected.selector).first();
      expect(await art.isVisible(), `${label}: ${expected.selector}`).toBe(true);
      const top = (await art.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
      expect(top, `${label}: the fallback starts inside the frame`).toBeLessThan(e.height / 2);
      expect(await frame.locator(PARTS(e.id).fallbackBox).innerText(), label).toContain(expected.caption);
      const v = await view(frame);
      expect(v.pageHeight, `${label}: the page is no taller than its frame`).toBeLessThanOrEqual(v.height);
      expect(v.outside, label).toEqual([]);
    }
    // Each fallback is the widget's own: none shows another widget's static form.
    for (const e of EMBEDS) {
      const text = await (await frameOf(page, e.id)).locator(PARTS(e.id).fallbackBox).innerText();
      for (const other of EMBEDS.filter((o) => o.id !== e.id)) {
        expect(text, `${e.id} shows ${other.id}'s fallback`).not.toContain(FALLBACK[other.id].caption);
      }
    }
    await context.close();
  });

  it("gives the statuses embed the leak's last scheddetail counts, with ids apart from the live table's", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/embed/statuses/`);
    const rows = page.locator(".replay-static-statuses tbody tr");
    expect(await rows.count()).toBe(12);
    // Status 10 (_Gleaked): the five collectors the leak check found, in the program's and in all.
    expect(await rows.nth(10).innerText()).toMatch(/^10\s+_Gleaked\s+5\s+5$/);
    const ids = await page.$$eval("[id]", (els) => els.map((el) => el.id));
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });
});
