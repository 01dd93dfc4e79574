import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";
import { builtPages } from "./pages.ts";

const siteUrl = inject("siteUrl");
const pages = builtPages(inject("distDir"));

const browser = useBrowser();

describe.each(["light", "dark"] as const)("axe, %s theme", (colorScheme) => {
  it.each(pages)("/%s has no accessibility violations", async (path) => {
    const context = await browser().newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${path}`);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(summary).toEqual([]);
    await context.close();
  });
});
