import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

/** Where Chromium or Chrome lives; CHROMIUM_PATH overrides the Debian default. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let userDataDir = "";

/** Launches headless Chromium with flags that work on a machine without a network. */
export async function launchBrowser(): Promise<Browser> {
  userDataDir = mkdtempSync(join(tmpdir(), "bf-chromium-"));
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--allow-file-access-from-files",
    ],
  });
}

/** Closes the browser and removes its profile folder. */
export async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
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

/** The origin-and-folder prefix a page may load from: the site's own URL, or its folder on disk. */
export function fileUrl(path: string): string {
  return `file://${path}`;
}
