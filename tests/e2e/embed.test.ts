import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fileUrl, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";
import { EMBEDS } from "../../src/server/embeds.ts";

const siteUrl = inject("siteUrl");
const subfolderUrl = inject("subfolderUrl");
const distDir = inject("distDir");

const WIDGETS = EMBEDS.map((e) => e.id);
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
  // The replay loads its code when it comes into view, as a reader scrolls to it; the frames above
  // it may have grown it out of view (the top-level viewport clips a frame's own).
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe#${id} has no frame`);
  await frame.waitForLoadState("load");
  return frame;
}

const iframeHeight = (page: Page, id: string): Promise<number> =>
  page.$eval(`iframe#${id}`, (f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
// The page fits itself to its frame; what it needs is its height laid out without a limit.
const contentHeight = (frame: Frame): Promise<number> =>
  frame.evaluate(() => {
    document.documentElement.classList.add("embed-natural");
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    document.documentElement.classList.remove("embed-natural");
    return height;
  });

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
      if (widget === "live") {
        expect(await w.page.locator("live-cell").count()).toBe(1);
        expect(await w.page.locator("replay-cell").count()).toBe(0);
      } else {
        const cell = w.page.locator("replay-cell");
        expect(await cell.count()).toBe(1);
        const widgets = (await cell.getAttribute("data-widgets")) ?? "";
        expect(widgets.split(" ")).toContain(widget === "replay" ? "heap" : widget);
        if (widget === "replay") expect(widgets.split(" ").length).toBeGreaterThan(1);
      }
      expect(await w.page.locator(".site-header, .site-footer, theme-toggle").count()).toBe(0);
      const back = w.page.locator(".embed-credit a[target=_top]");
      expect(await back.count()).toBe(1);
      const backUrl = new URL((await back.getAttribute("href")) ?? "", w.page.url());
      expect(backUrl.pathname).toBe(new URL(`${siteUrl}${lang}`).pathname);
      // A build without SITE_URL knows no public address: no oEmbed discovery, no oembed.json.
      expect(await w.page.locator('link[rel=alternate][type="application/json+oembed"]').count()).toBe(0);
      expect(existsSync(join(distDir, lang, "embed", widget, "oembed.json"))).toBe(false);
      await expectClean(w);
    },
  );

  it("names no placeholder host anywhere in a build without SITE_URL", () => {
    const files = readdirSync(distDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const named = files
      .map((e) => join(e.parentPath, e.name))
      .filter(
        (f) => /\.(?:html|js|json|css|txt|xml)$/.test(f) && readFileSync(f, "utf8").includes("blocked-forever.example"),
      );
    expect(named).toEqual([]);
    const html = readFileSync(join(distDir, "en", "index.html"), "utf8");
    expect(html).not.toMatch(/<link rel="?alternate"? hreflang=/);
    // No metadata and no resource names an absolute address (links out to Go's sources may).
    expect(html.match(/<(?:link|script|img|iframe)\b[^>]*\s(?:href|src)="?https?:[^"\s>]*/g) ?? []).toEqual([]);
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
    expect(await waitForFit(w.page, frame, "heap")).toBeGreaterThan(START_HEIGHT);
    // The whole cell, from a subfolder of a third origin, in the dark theme: a reader opens a
    // group of goroutines, and the frame grows with it; closing it gives the height back.
    const replay = await frameOf(w.page, "replay");
    await replay.waitForSelector("replay-cell[data-ready] .lane-group button");
    const first = await waitForFit(w.page, replay, "replay");
    expect(first).toBeGreaterThan(START_HEIGHT);
    expect(await replay.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
    await replay.click(".lane-group button");
    expect(await waitForFit(w.page, replay, "replay")).toBeGreaterThan(first + 30);
    await replay.click(".lane-group button");
    expect(Math.abs((await waitForFit(w.page, replay, "replay")) - first)).toBeLessThanOrEqual(1);
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
    // The replay's code has run (it puts back the markup deferred/ held, and draws), so that what
    // follows can only change the page if a junk message did.
    await frame.waitForSelector("replay-cell[data-ready]", { state: "attached" });
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
    // On the index every panel is open from the start.
    expect(await control.locator("details").getAttribute("open")).not.toBeNull();
    const code = control.locator("textarea");
    // The snippet is built for this address when the control starts.
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
    await code.focus();
    await w.page.keyboard.press("Tab"); // the copy button
    expect(await w.page.evaluate(() => document.activeElement?.matches(".embed-copy"))).toBe(true);
    await w.page.keyboard.press("Enter");
    await w.page.waitForFunction(() => document.querySelector("embed-button [role=status]")?.textContent !== "");
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`src="${subfolderUrl}en/embed/heap/#variant=timeout&amp;t=2.5"`);
    expect(await code.inputValue()).toBe(copied);
    await expectClean(w);
  });

  it("still shows a snippet without JavaScript, with no dead copy button, and says what to put in src", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}embed/`);
    const control = page.locator("embed-button").first();
    // Without SITE_URL the page cannot know its own address: the snippet has the path, and a note.
    expect(await control.locator("textarea").inputValue()).toMatch(/^<iframe src="\/embed\/heap\/" /);
    expect(await control.locator(".embed-no-js").isVisible()).toBe(true);
    expect(await control.locator(".embed-copy").isVisible()).toBe(false);
    await context.close();
  });

  it("says when to add the host script, with this copy's address", async () => {
    const w = await watchedPage(browser(), subfolderUrl);
    await w.page.goto(`${subfolderUrl}en/`);
    const control = w.page.locator(".replay-region > embed-button");
    await control.locator("summary").click();
    expect(await control.locator(".embed-host-note").innerText()).toMatch(/Moodle[\s\S]*Canvas/);
    expect(await control.locator(".embed-host-code").innerText()).toBe(
      `<script src="${subfolderUrl}embed-host.js" defer></script>`,
    );
    await w.page.goto(`${subfolderUrl}en/embed/`);
    // The page's script writes this copy's address over the "…" once it runs, after the first paint.
    await expect.poll(() => w.page.locator(".embed-host-code").innerText()).toContain(`${subfolderUrl}embed-host.js`);
    await expectClean(w);
  });

  it("when its panel cannot load, says so and links the embed index, and loads it the next time it is opened", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const { page } = w;
    let refuse = true;
    // The embed panels' deferred markup: refused once, as on a dropped connection.
    let slow = false;
    await page.route("**/deferred/*.js", async (route) => {
      if (slow) await new Promise((r) => setTimeout(r, 1000));
      if (!refuse) return route.continue();
      const body = await (await route.fetch()).text();
      if (body.includes("embed-code")) return route.abort();
      return route.fulfill({ body, contentType: "text/javascript" });
    });
    await page.goto(`${siteUrl}en/`);
    const control = page.locator(".replay-region > embed-button");
    await control.locator("summary").click();
    const unloaded = control.locator(".embed-unloaded");
    await unloaded.waitFor();
    expect(await unloaded.innerText()).toMatch(/could not be loaded[\s\S]*Embed a widget/);
    expect(await unloaded.locator("a").getAttribute("href")).toMatch(/embed\/$/);
    refuse = false;
    slow = true;
    await control.locator("summary").click();
    await control.locator("summary").click();
    // On a slow link it says it is coming.
    await control.locator(".embed-loading").waitFor();
    expect(await control.locator(".embed-panel").getAttribute("aria-busy")).toBe("true");
    expect(await unloaded.isVisible()).toBe(false);
    await control.locator("textarea").waitFor();
    expect(await control.locator("textarea").inputValue()).toContain(`src="${siteUrl}en/embed/replay/`);
    expect(await unloaded.isVisible()).toBe(false);
    expect(await control.locator(".embed-loading").isVisible()).toBe(false);
    await w.close();
  });

  it("from a file on this computer, says it cannot be embedded elsewhere and how to host the folder", async () => {
    const w = await watchedPage(browser(), fileUrl(distDir));
    await w.page.goto(fileUrl(join(distDir, "en", "index.html")));
    const control = w.page.locator(".replay-region > embed-button");
    await control.locator("summary").click();
    // The article's panel comes back as the reader reaches for the control (deferred markup).
    const note = control.locator(".embed-file-note");
    await note.waitFor();
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toMatch(/file on this computer.*web server/);
    expect(await control.locator("textarea").isVisible()).toBe(false);
    await expectClean(w);
  });
});

describe("the embed index", () => {
  it.each(["", "en/"])("is linked from the article's and the lab's footers (/%s)", async (lang) => {
    const w = await watchedPage(browser(), siteUrl);
    for (const page of ["", "lab/"]) {
      await w.page.goto(`${siteUrl}${lang}${page}`);
      await w.page.click(`.site-footer a[href$="embed/"]`);
      await w.page.waitForURL(`${siteUrl}${lang}embed/`);
    }
    await expectClean(w);
  });

  it("shows a small static preview and the snippet of every embed", async () => {
    const w = await watchedPage(browser(), siteUrl);
    await w.page.goto(`${siteUrl}en/embed/`);
    for (const e of EMBEDS) {
      const entry = w.page.locator(`section[aria-labelledby="embed-entry-${e.id}"]`);
      const preview = entry.locator(".embed-preview");
      const box = await preview.boundingBox();
      expect(box?.height, e.id).toBeGreaterThan(60);
      expect(box?.height, e.id).toBeLessThanOrEqual(16 * 16 + 2);
      expect(await preview.locator("svg, pre, table").count(), e.id).toBeGreaterThan(0);
      expect(await preview.getAttribute("inert"), e.id).not.toBeNull();
      // The page's script writes this copy's address into each snippet once it runs, after the
      // first paint (build/late-scripts.ts).
      await expect.poll(() => entry.locator("textarea").inputValue()).toContain(`src="${siteUrl}en/embed/${e.id}/"`);
    }
    const ids = await w.page.$$eval("[id]", (els) => els.map((el) => el.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    await expectClean(w);
  });
});
