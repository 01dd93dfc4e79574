import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";

const siteUrl = inject("siteUrl");

const browser = useBrowser();

describe("with JavaScript disabled", () => {
  it.each([
    ["", "zh-Hans"],
    ["en/", "en"],
  ])("/%s still gives the whole text, styled", async (path, lang) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${path}`);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    // Every part of the chapter, the methods part last, is there as text.
    const parts = await page.locator("main section.part h2").evaluateAll((hs) => hs.map((h) => h.id));
    expect(parts).toHaveLength(9);
    expect(parts.at(-1)).toBe("methods");
    // The static figures are there as pictures, each with its words and its data table.
    const figures = page.locator(".cell-figure");
    expect(await figures.count()).toBeGreaterThanOrEqual(6);
    // The chart drawn for phones, the one the page carries (the wide one needs the script).
    expect(await page.locator(".cell-figure .figure-narrow svg").first().isVisible()).toBe(true);
    expect(await page.locator(".cell-figure table").count()).toBe(await figures.count());
    // Glossary terms are plain links to their notes.
    expect(await page.locator("#glossary").count()).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(253, 252, 250)");
    // Controls that need a script must not show up as dead buttons.
    expect(await page.locator("theme-toggle button").isVisible()).toBe(false);
    expect(await page.locator("live-cell .live-run").isVisible()).toBe(false);
    expect(await page.locator("live-cell .live-recorded[data-fix=none] svg").first().isVisible()).toBe(true);
    await context.close();
  });
});
