import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";

const siteUrl = inject("siteUrl");
const browser = useBrowser();

/**
 * Parts of the page that it has not laid out yet (content-visibility) stand in at a guessed
 * height; a wrong guess makes the page grow or shrink while the reader scrolls, and the scroll bar
 * jumps under them. Scrolled to the end, the page must be as tall as it said it was at first.
 */
describe("the article's height", () => {
  for (const lang of ["", "en/"]) {
    for (const width of [375, 1280]) {
      it(`/${lang} at ${String(width)} px stays as tall as first laid out, scrolled to the end`, async () => {
        const context = await browser().newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${siteUrl}${lang}`, { waitUntil: "load" });
        const { first, heights } = await page.evaluate(async () => {
          const height = () => document.documentElement.scrollHeight;
          const first = height();
          const heights: number[] = [];
          for (let y = 0; y < height(); y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
            heights.push(height());
          }
          return { first, heights };
        });
        await context.close();
        const furthest = Math.max(...heights.map((h) => Math.abs(h - first)));
        // Within 2%: a placeholder's guess may miss by a line or two, not by a screen.
        expect(
          furthest / first,
          `first ${String(first)} px, then while scrolling: ${heights.join(" ")}`,
        ).toBeLessThanOrEqual(0.02);
      });
    }
  }
});
