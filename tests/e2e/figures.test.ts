import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";

const siteUrl = inject("siteUrl");
const browser = useBrowser();

/** Each figure's box and the chart shown in it: which variant, and both heights in px. */
function charts() {
  return [...document.querySelectorAll(".cell-figure .figure-box")].map((box) => {
    const shown = [...box.querySelectorAll("svg")].find((s) => s.getBoundingClientRect().height > 0);
    const b = box.getBoundingClientRect();
    const c = shown?.getBoundingClientRect();
    return {
      variant: shown?.parentElement?.className ?? "none",
      box: Math.round(b.height),
      chart: Math.round(c?.height ?? 0),
      /** The height the chart was drawn at (its SVG's height attribute). */
      drawn: Number(shown?.getAttribute("height") ?? 0),
      /** How far the chart's middle is from the box's, in px. */
      offCentre: c ? Math.round(Math.abs(c.top + c.bottom - b.top - b.bottom) / 2) : -1,
    };
  });
}

/**
 * The page carries each figure's chart drawn for phones; the one drawn for wide screens comes with
 * the page's deferred markup, once the window is wider than 600 px (src/client/figures/wide-charts.ts).
 */
describe("the figures' charts, by width", () => {
  it("a phone gets the narrow chart, and the page never loads the wide one", async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`, { waitUntil: "load" });
    const shown = await page.evaluate(charts);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const c of shown) expect(c.variant).toBe("figure-narrow");
    expect(await page.locator(".cell-figure .figure-wide").count()).toBe(0);
    await context.close();
  });

  it("a wide window gets the wide chart back, filling the box the narrow one stood in", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`, { waitUntil: "load" });
    await page.locator(".cell-figure .figure-wide svg").first().waitFor();
    const shown = await page.evaluate(charts);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const c of shown) {
      expect(c.variant).toBe("figure-wide");
      expect(Math.abs(c.box - c.chart)).toBeLessThanOrEqual(1);
    }
    await context.close();
  });

  it("turned from a phone's width to a wide one, the wide charts come", async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`, { waitUntil: "load" });
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.locator(".cell-figure .figure-wide svg").first().waitFor();
    for (const c of await page.evaluate(charts)) expect(c.variant).toBe("figure-wide");
    await context.close();
  });

  it("without JavaScript a wide window shows the narrow chart, whole, in the middle of the wide one's box, at most a quarter larger than drawn", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`, { waitUntil: "load" });
    const shown = await page.evaluate(charts);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const c of shown) {
      expect(c.variant).toBe("figure-narrow");
      expect(c.box).toBeGreaterThan(200);
      expect(c.chart).toBeLessThanOrEqual(c.box);
      // Its text was drawn for a phone: grown by more than a quarter, it would outsize the prose.
      expect(c.chart).toBeLessThanOrEqual(Math.ceil(c.drawn * 1.25));
      expect(c.chart).toBeGreaterThanOrEqual(Math.min(c.box, c.drawn) - 1);
      expect(c.offCentre).toBeLessThanOrEqual(1);
    }
    await context.close();
  });
});
