import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const siteUrl = inject("siteUrl");
const subfolderUrl = inject("subfolderUrl");
const distDir = inject("distDir");

const WIDGETS = ["heap", "goroutines", "log", "statuses", "replay"] as const;
const START_HEIGHT = 150;

let host: RunningServer;
let hostDir: string;

// A course page on another origin, as a teacher would write it: our iframes, the optional host
// script, and a third-party iframe that tries to use our message to resize itself.
function coursePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course: Go concurrency</title><link rel="icon" href="data:,">
<script src="embed-host.js" defer></script></head>
<body><h1>Week 3</h1>
<iframe id="heap" src="${siteUrl}en/embed/heap/" title="heap" width="100%" height="${String(START_HEIGHT)}" style="border:0"></iframe>
<iframe id="replay" src="${subfolderUrl}embed/replay/#theme=dark" title="replay" width="100%" height="${String(START_HEIGHT)}" style="border:0"></iframe>
<iframe id="other" src="other.html" title="other" width="100%" height="${String(START_HEIGHT)}" style="border:0"></iframe>
</body></html>`;
}

const OTHER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>other</title><link rel="icon" href="data:,"></head><body>
<script>parent.postMessage({ type: "blocked-forever:height", height: 42 }, "*");</script></body></html>`;

const browser = useBrowser();
beforeAll(async () => {
  hostDir = mkdtempSync(join(tmpdir(), "bf-course-"));
  copyFileSync(join(distDir, "embed-host.js"), join(hostDir, "embed-host.js"));
  writeFileSync(join(hostDir, "course.html"), coursePage());
  writeFileSync(join(hostDir, "other.html"), OTHER);
  writeFileSync(
    join(hostDir, "late.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title><link rel="icon" href="data:,"></head>
<body><iframe id="late" src="${siteUrl}en/embed/statuses/" title="late" height="${String(START_HEIGHT)}" style="border:0"></iframe></body></html>`,
  );
  host = await startServer(hostDir, "/");
});
afterAll(async () => {
  await host.close();
  rmSync(hostDir, { recursive: true, force: true });
});

async function expectClean(w: WatchedPage): Promise<void> {
  expect(w.consoleErrors, "console errors").toEqual([]);
  expect(w.failedRequests, "failed requests").toEqual([]);
  await w.close();
}

/** The frame showing an iframe of the host page. */
async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe#${id} has no frame`);
  await frame.waitForLoadState("load");
  return frame;
}

const iframeHeight = (page: Page, id: string): Promise<number> =>
  page.$eval(`iframe#${id}`, (f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
const contentHeight = (frame: Frame): Promise<number> =>
  frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

/** Waits until the iframe is as tall as its content (within a pixel). */
async function waitForFit(page: Page, frame: Frame, id: string): Promise<number> {
  let last = { iframe: 0, content: -1 };
  for (let i = 0; i < 100; i += 1) {
    last = { iframe: await iframeHeight(page, id), content: await contentHeight(frame) };
    if (Math.abs(last.iframe - last.content) <= 1) return last.iframe;
    await page.waitForTimeout(50);
  }
  throw new Error(`iframe#${id} is ${String(last.iframe)} px, its content ${String(last.content)} px`);
}

describe("embed pages", () => {
  it.each(WIDGETS.flatMap((w) => [["", w] as const, ["en/", w] as const]))(
    "/%sembed/%s/ shows the widget, a title and a link back, without site chrome",
    async (lang, widget) => {
      const w = await watchedPage(browser(), siteUrl);
      await w.page.goto(`${siteUrl}${lang}embed/${widget}/`);
      expect(await w.page.getAttribute("html", "lang")).toBe(lang === "" ? "zh-Hans" : "en");
      expect((await w.page.textContent("h1"))?.trim()).not.toBe("");
      const cell = w.page.locator("replay-cell");
      expect(await cell.count()).toBe(1);
      const widgets = (await cell.getAttribute("data-widgets")) ?? "";
      expect(widgets.split(" ")).toContain(widget === "replay" ? "heap" : widget);
      if (widget === "replay") expect(widgets.split(" ").length).toBeGreaterThan(1);
      expect(await w.page.locator(".site-header, .site-footer, theme-toggle").count()).toBe(0);
      const back = w.page.locator("a[target=_top]");
      expect(await back.count()).toBe(1);
      const backUrl = new URL((await back.getAttribute("href")) ?? "", w.page.url());
      expect(backUrl.pathname).toBe(new URL(`${siteUrl}${lang}`).pathname);
      // oEmbed discovery: an absolute URL on the public site, and the file is there in the build.
      const oembed = w.page.locator('link[rel=alternate][type="application/json+oembed"]');
      const href = (await oembed.getAttribute("href")) ?? "";
      expect(href).toMatch(new RegExp(`^https?://[^/]+/${lang}embed/${widget}/oembed\\.json$`));
      const json = JSON.parse(readFileSync(join(distDir, lang, "embed", widget, "oembed.json"), "utf8")) as Record<
        string,
        unknown
      >;
      expect(json).toMatchObject({ version: "1.0", type: "rich" });
      expect(typeof json["provider_name"]).toBe("string");
      expect(json["title"]).toBe(await oembed.getAttribute("title").then((t) => t?.split(" · ")[0]));
      expect(typeof json["width"]).toBe("number");
      expect(typeof json["height"]).toBe("number");
      const iframe = String(json["html"]);
      expect(iframe).toContain(`src="${href.replace(/oembed\.json$/, "")}"`);
      expect(iframe).toMatch(/ title="[^"]+" width="100%" height="\d+" loading="lazy"/);
      await expectClean(w);
    },
  );

  it("shows the static figure without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/embed/heap/`);
    expect(await page.locator("replay-cell svg").first().isVisible()).toBe(true);
    expect(await page.locator("replay-cell figure figcaption").count()).toBeGreaterThan(0);
    await context.close();
  });

  it.each([
    ["light", "", "rgb(253, 252, 250)"],
    ["dark", "", "rgb(21, 23, 26)"],
    ["dark", "#theme=light", "rgb(253, 252, 250)"],
    ["light", "#theme=dark", "rgb(21, 23, 26)"],
    ["light", "#variant=leak&theme=dark&t=1", "rgb(21, 23, 26)"],
  ] as const)("follows the host's %s scheme unless the hash says otherwise ('%s')", async (colorScheme, hash, bg) => {
    const context = await browser().newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/embed/heap/${hash}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
    await context.close();
  });
});

describe("an embed inside a course page on another origin", () => {
  it("takes the height of its content, and follows it when it changes", async () => {
    const w = await watchedPage(browser(), "http://127.0.0.1");
    await w.page.goto(`${host.url}course.html`);
    const frame = await frameOf(w.page, "heap");
    const first = await waitForFit(w.page, frame, "heap");
    expect(first).toBeGreaterThan(START_HEIGHT);
    // The content grows (as when a reader opens the data table): the frame follows.
    await frame.evaluate(() => {
      const block = document.createElement("div");
      block.className = "grown";
      block.style.height = "300px";
      document.querySelector("main")?.append(block);
    });
    expect(await waitForFit(w.page, frame, "heap")).toBeGreaterThanOrEqual(first + 299);
    await frame.evaluate(() => document.querySelector(".grown")?.remove());
    expect(Math.abs((await waitForFit(w.page, frame, "heap")) - first)).toBeLessThanOrEqual(1);
    // The second embed is served from a subfolder of a third origin, in the dark theme.
    const replay = await frameOf(w.page, "replay");
    await waitForFit(w.page, replay, "replay");
    expect(await replay.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
    await expectClean(w);
  });

  it("posts its height in our form, Embedly's and Canvas's", async () => {
    const w = await watchedPage(browser(), "http://127.0.0.1");
    await w.page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      window.addEventListener("message", (e) => seen.push(e.data));
    });
    await w.page.goto(`${host.url}course.html`);
    const frame = await frameOf(w.page, "heap");
    const height = await waitForFit(w.page, frame, "heap");
    const seen = await w.page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
    expect(seen).toContainEqual({ type: "blocked-forever:height", height });
    const strings = seen.filter((m): m is string => typeof m === "string").map((m) => JSON.parse(m) as unknown);
    expect(strings).toContainEqual({ src: `${siteUrl}en/embed/heap/`, context: "iframe.resize", height });
    expect(strings).toContainEqual({ subject: "lti.frameResize", height });
    await expectClean(w);
  });

  it("ignores junk messages, both ways", async () => {
    const w = await watchedPage(browser(), "http://127.0.0.1");
    await w.page.goto(`${host.url}course.html`);
    const frame = await frameOf(w.page, "heap");
    const height = await waitForFit(w.page, frame, "heap");
    const before = await frame.evaluate(() => ({ url: location.href, html: document.body.innerHTML.length }));
    // Junk posted into the embed: it must neither act nor throw.
    await w.page.evaluate(() => {
      const target = (document.getElementById("heap") as HTMLIFrameElement).contentWindow;
      const junk: unknown[] = [
        "hello",
        "{not json",
        JSON.stringify({ subject: "lti.frameResize", height: 5 }),
        null,
        42,
        [1, 2],
        { type: "blocked-forever:height", height: 5 },
        { type: "blocked-forever:request-height", extra: "<img src=x onerror=alert(1)>" },
        { type: { toString: null } },
        { theme: "dark", hash: "#t=3" },
      ];
      for (const data of junk) target?.postMessage(data, "*");
    });
    // Junk posted to the host by the embed (bad heights) and by a frame that is not ours.
    await frame.evaluate(() => {
      for (const height of [-5, 0, Number.NaN, 1e9, "900", null]) {
        parent.postMessage({ type: "blocked-forever:height", height }, "*");
      }
    });
    const other = await frameOf(w.page, "other");
    await other.evaluate(() => {
      parent.postMessage({ type: "blocked-forever:height", height: 42 }, "*");
    });
    await w.page.waitForTimeout(300);
    expect(await iframeHeight(w.page, "heap")).toBeCloseTo(height, 0);
    expect(await iframeHeight(w.page, "other")).toBe(START_HEIGHT);
    const after = await frame.evaluate(() => ({ url: location.href, html: document.body.innerHTML.length }));
    expect(after).toEqual(before);
    expect(await frame.evaluate(() => document.documentElement.dataset["theme"])).toBeUndefined();
    await expectClean(w);
  });

  it("is sized by a host script that starts after the frame has loaded", async () => {
    const w = await watchedPage(browser(), "http://127.0.0.1");
    await w.page.goto(`${host.url}late.html`);
    const frame = await frameOf(w.page, "late");
    // The frame has told its height to a page that did not listen yet.
    await w.page.waitForTimeout(200);
    expect(await iframeHeight(w.page, "late")).toBe(START_HEIGHT);
    await w.page.addScriptTag({ url: "embed-host.js" });
    expect(await waitForFit(w.page, frame, "late")).toBeGreaterThan(START_HEIGHT);
    await expectClean(w);
  });
});

describe("the Embed control", () => {
  it("reveals a snippet for this copy of the site, carrying the cell's state, and copies it", async () => {
    const w = await watchedPage(browser(), subfolderUrl, { permissions: ["clipboard-read", "clipboard-write"] });
    await w.page.goto(`${subfolderUrl}en/embed/`);
    const control = w.page.locator("embed-button").first();
    const summary = control.locator("summary");
    await summary.focus();
    await w.page.keyboard.press("Enter");
    expect(await control.locator("details").getAttribute("open")).not.toBeNull();
    const code = control.locator("textarea");
    // The snippet is rebuilt for this address when the disclosure opens.
    await w.page.waitForFunction(
      (url) => document.querySelector<HTMLTextAreaElement>("embed-button textarea")?.value.includes(url),
      subfolderUrl,
    );
    const snippet = await code.inputValue();
    expect(snippet).toMatch(
      new RegExp(
        `^<iframe src="${subfolderUrl}en/embed/heap/" title="[^"]+" width="100%" height="\\d+" loading="lazy" style="border:0"></iframe>$`,
      ),
    );
    // Point the control at a replay cell with some state (on the article it is the cell it sits on).
    await w.page.evaluate(() => {
      const cell = document.createElement("div");
      cell.id = "some-cell";
      cell.dataset["hash"] = "variant=timeout&t=2.5";
      document.body.append(cell);
      const button = document.querySelector("embed-button");
      if (button instanceof HTMLElement) button.dataset["for"] = "some-cell";
    });
    await w.page.keyboard.press("Tab"); // the text area
    await w.page.keyboard.press("Tab"); // the copy button
    expect(await w.page.evaluate(() => document.activeElement?.className)).toBe("embed-copy");
    await w.page.keyboard.press("Enter");
    await w.page.waitForFunction(() => document.querySelector("embed-button [role=status]")?.textContent !== "");
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`src="${subfolderUrl}en/embed/heap/#variant=timeout&amp;t=2.5"`);
    expect(await code.inputValue()).toBe(copied);
    await expectClean(w);
  });

  it("still shows a snippet without JavaScript, with no dead copy button", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}embed/`);
    const control = page.locator("embed-button").first();
    await control.locator("summary").click();
    expect(await control.locator("textarea").inputValue()).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/heap\/"/);
    expect(await control.locator(".embed-copy").isVisible()).toBe(false);
    await context.close();
  });
});
