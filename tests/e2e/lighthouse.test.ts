import { readFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser.ts";

interface LighthouseBudget {
  pages: string[];
  /** Runs per page; the median one (by performance) is judged. */
  runs: number;
  minScore: number;
  maxLayoutShift: number;
}

const budget = (JSON.parse(readFileSync("budgets.json", "utf8")) as { lighthouse: LighthouseBudget }).lighthouse;
const siteUrl = inject("siteUrl");
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
});
afterAll(() => {
  chrome.kill();
});

describe("Lighthouse, mobile settings", () => {
  it.each(budget.pages)(
    "/%s scores at least the budget in every category, with no layout shift",
    async (path) => {
      // Lighthouse's performance score moves with whatever else the machine is doing; like
      // Lighthouse CI, judge the median of three runs (by performance score).
      const runs = [];
      for (let i = 0; i < budget.runs; i++) {
        const result = await lighthouse(`${siteUrl}${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...categories],
        });
        if (result) runs.push(result.lhr);
      }
      runs.sort((a, b) => (a.categories["performance"]?.score ?? 0) - (b.categories["performance"]?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)];
      expect(lhr, "a Lighthouse report").toBeDefined();
      if (!lhr) return;
      const scores = Object.fromEntries(categories.map((c) => [c, lhr.categories[c]?.score ?? 0]));
      const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
      console.log(
        `lighthouse /${path} (median of ${String(runs.length)}): ${categories.map((c) => `${c} ${String(Math.round((scores[c] ?? 0) * 100))}`).join(", ")}, CLS ${cls.toFixed(3)}`,
      );
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => `${a.id}: ${a.title}`);
      for (const c of categories) {
        expect(scores[c], `${c} (failing audits: ${failing.join("; ")})`).toBeGreaterThanOrEqual(budget.minScore);
      }
      expect(cls).toBeLessThanOrEqual(budget.maxLayoutShift);
    },
    240_000,
  );
});
