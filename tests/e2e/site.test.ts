import { describe, expect, inject, it } from "vitest";
import { expectClean, fileUrl, useBrowser, watchedPage } from "./browser.ts";

const siteUrl = inject("siteUrl");
const subfolderUrl = inject("subfolderUrl");
const distDir = inject("distDir");

const browser = useBrowser();

describe("both languages", () => {
  it("serves Chinese at the root and English at /en/, each with its own lang", async () => {
    const w = await watchedPage(browser(), siteUrl);
    await w.page.goto(siteUrl);
    expect(await w.page.getAttribute("html", "lang")).toBe("zh-Hans");
    expect(await w.page.textContent("h1")).toContain("goroutine");
    expect(await w.page.locator("main h2").count()).toBeGreaterThanOrEqual(7);
    await w.page.goto(`${siteUrl}en/`);
    expect(await w.page.getAttribute("html", "lang")).toBe("en");
    expect(await w.page.textContent("h1")).toContain("Blocked forever");
    await expectClean(w);
  });

  it("switches language by keyboard and keeps the reader's place", async () => {
    const w = await watchedPage(browser(), siteUrl);
    await w.page.goto(`${siteUrl}#gctrace`);
    const link = w.page.locator(".lang-switch");
    await link.focus();
    await w.page.keyboard.press("Enter");
    await w.page.waitForURL(/\/en\/#gctrace$/);
    expect(await w.page.getAttribute("html", "lang")).toBe("en");
    await w.page.locator(".lang-switch").focus();
    await w.page.keyboard.press("Enter");
    await w.page.waitForURL((url) => url.pathname === new URL(siteUrl).pathname);
    expect(await w.page.getAttribute("html", "lang")).toBe("zh-Hans");
    await expectClean(w);
  });

  it("reaches the skip link first and lands on the content", async () => {
    const w = await watchedPage(browser(), siteUrl);
    await w.page.goto(`${siteUrl}en/`);
    await w.page.keyboard.press("Tab");
    const focused = await w.page.evaluate(() => document.activeElement?.textContent.trim() ?? "");
    expect(focused).toBe("Skip to content");
    await w.page.keyboard.press("Enter");
    expect(await w.page.evaluate(() => location.hash)).toBe("#content");
    await expectClean(w);
  });
});

describe("theme", () => {
  it("follows the system until the reader chooses", async () => {
    const w = await watchedPage(browser(), siteUrl, { colorScheme: "dark" });
    await w.page.goto(`${siteUrl}en/`);
    const button = w.page.locator("theme-toggle button");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    const bg = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(21, 23, 26)");
    await expectClean(w);
  });

  it("toggles by keyboard, remembers the choice, and applies it before the first paint", async () => {
    const w = await watchedPage(browser(), siteUrl, { colorScheme: "light" });
    // Record the theme at the moment <body> is parsed, before any deferred script has run.
    await w.page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if ((document.body as HTMLElement | null) !== null) {
          (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? "";
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await w.page.goto(siteUrl);
    const button = w.page.locator("theme-toggle button");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await button.focus();
    await w.page.keyboard.press("Space");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    expect(await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 23, 26)");
    await w.page.goto(`${siteUrl}en/`);
    expect(await w.page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe("dark");
    await w.page.locator("theme-toggle button").focus();
    await w.page.keyboard.press("Enter");
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await expectClean(w);
  });
});

describe("portable build", () => {
  it("works under a subfolder of another site", async () => {
    const w = await watchedPage(browser(), subfolderUrl);
    await w.page.goto(subfolderUrl);
    expect(await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(253, 252, 250)");
    await w.page.click(".lang-switch");
    await w.page.waitForURL(`${subfolderUrl}en/`);
    await w.page.click(".lang-switch");
    await w.page.waitForURL(subfolderUrl);
    await expectClean(w);
  });

  it("works when opened from disk (file://), links and scripts included", async () => {
    const w = await watchedPage(browser(), fileUrl(distDir));
    await w.page.goto(fileUrl(`${distDir}/index.html`));
    expect(await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(253, 252, 250)");
    await w.page.click(".lang-switch");
    await w.page.waitForURL(fileUrl(`${distDir}/en/index.html`));
    expect(await w.page.textContent("h1")).toContain("Blocked forever");
    // The theme toggle is a script: it must run from disk too.
    await w.page.click("theme-toggle button");
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await expectClean(w);
  });
});
