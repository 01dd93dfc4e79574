import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

/** Where Chromium or Chrome lives; CHROMIUM_PATH overrides the Debian default. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a Chromium on a machine without a network (also given to Lighthouse's Chrome). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium; file:// pages may read the files beside them, as the offline site needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, "--allow-file-access-from-files"],
  });
}

/**
 * One Chromium for the calling test file: launched before its tests, closed after them. Returns a
 * getter, since the browser exists only once the tests run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error("useBrowser: the browser is only there while tests run");
    return browser;
  };
}

/** A page plus what it did that a test should notice: console errors, failed and outside requests. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  outsideRequests: string[];
  close: () => Promise<void>;
}

/**
 * Opens a page in a new context that records console errors, page errors, responses of 400 and
 * over, failed requests, and any request that leaves `allowedPrefix` (the local site or folder).
 */
export async function watchedPage(
  browser: Browser,
  allowedPrefix: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const outsideRequests: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(allowedPrefix) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      outsideRequests.push(url);
    }
  });
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText ?? "";
    // A request cut short by the page's own navigation (a reload, a link) did not fail.
    if (error !== "net::ERR_ABORTED") failedRequests.push(`${req.url()} ${error}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.url()} ${String(res.status())}`);
  });
  return { page, consoleErrors, failedRequests, outsideRequests, close: () => context.close() };
}

/**
 * Every page a test opens must end clean: no console error, no failed request or 400+ response,
 * nothing fetched from outside the site's folder. Closes the page.
 */
export async function expectClean(w: WatchedPage): Promise<void> {
  expect(w.consoleErrors, "console errors").toEqual([]);
  expect(w.failedRequests, "failed requests").toEqual([]);
  expect(w.outsideRequests, "requests outside the site's folder").toEqual([]);
  await w.close();
}

/** The origin-and-folder prefix a page may load from: the site's own URL, or its folder on disk. */
export function fileUrl(path: string): string {
  return `file://${path}`;
}

/**
 * Waits until the page's own scripts have loaded and done their first work, as a reader's page
 * has a moment after it shows. The page asks for them after its first paint (build/late-scripts.ts);
 * on a busy machine that comes after the network has been quiet for 500 ms, Playwright's
 * "networkidle", which is therefore no sign that they are in. At a desktop width their first work
 * includes putting back the wide charts (src/client/figures/wide-charts.ts), one more request.
 */
export async function pageScriptsIn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const scripts = [...document.body.querySelectorAll<HTMLScriptElement>("script[src]")];
    const loaded = scripts.every((s) => performance.getEntriesByName(s.src).length > 0);
    const wide = matchMedia("(width > 600px)").matches;
    return scripts.length > 0 && loaded && !(wide && document.querySelector("template[data-deferred-group=wide]"));
  });
}
