import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeBrowser, launchBrowser } from "./browser.ts";

const siteUrl = inject("siteUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe("with JavaScript disabled", () => {
  it.each([
    ["", "zh-Hans"],
    ["en/", "en"],
  ])("/%s still gives the whole text, styled", async (path, lang) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${path}`);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    const sections = await page.locator("main section h2").allTextContents();
    expect(sections).toHaveLength(7);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(253, 252, 250)");
    // Controls that need a script must not show up as dead buttons.
    expect(await page.locator("theme-toggle button").isVisible()).toBe(false);
    await context.close();
  });
});
