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
  /** The article pages, judged on performance compressed and as an uncompressing host sends them. */
  articles: { pages: string[]; minPerformance: number; minPerformanceUncompressed: number };
}

const budget = (JSON.parse(readFileSync("budgets.json", "utf8")) as { lighthouse: LighthouseBudget }).lighthouse;
const siteUrl = inject("siteUrl");
const plainUrl = inject("plainUrl");
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

/**
 * Lighthouse's mobile run of one address, the median of budget.runs (by performance score: it moves
 * with whatever else the machine is doing; Lighthouse CI judges the median too). Logs its scores.
 */
async function medianRun(url: string, what: string) {
  const runs = [];
  for (let i = 0; i < budget.runs; i++) {
    const result = await lighthouse(url, {
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
  if (!lhr) throw new Error(`no Lighthouse report for ${url}`);
  const scores = Object.fromEntries(categories.map((c) => [c, lhr.categories[c]?.score ?? 0]));
  const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
  const ms = (id: string) => `${((lhr.audits[id]?.numericValue ?? Number.NaN) / 1000).toFixed(1)} s`;
  console.log(
    `lighthouse ${what} (median of ${String(runs.length)}): ${categories.map((c) => `${c} ${String(Math.round((scores[c] ?? 0) * 100))}`).join(", ")}, FCP ${ms("first-contentful-paint")}, LCP ${ms("largest-contentful-paint")}, CLS ${cls.toFixed(3)}`,
  );
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => `${a.id}: ${a.title}`);
  return { scores, cls, failing };
}

describe("Lighthouse, mobile settings", () => {
  it.each(budget.pages)(
    "/%s scores at least the budget in every category, with no layout shift",
    async (path) => {
      const { scores, cls, failing } = await medianRun(`${siteUrl}${path}`, `/${path}`);
      for (const c of categories) {
        expect(scores[c], `${c} (failing audits: ${failing.join("; ")})`).toBeGreaterThanOrEqual(budget.minScore);
      }
      if (budget.articles.pages.includes(path)) {
        expect(scores["performance"]).toBeGreaterThanOrEqual(budget.articles.minPerformance);
      }
      expect(cls).toBeLessThanOrEqual(budget.maxLayoutShift);
    },
    240_000,
  );

  it.each(budget.articles.pages)(
    "/%s stays fast from a host that does not compress (Python's http.server)",
    async (path) => {
      const { scores, cls } = await medianRun(`${plainUrl}${path}`, `/${path} uncompressed`);
      expect(scores["performance"]).toBeGreaterThanOrEqual(budget.articles.minPerformanceUncompressed);
      expect(cls).toBeLessThanOrEqual(budget.maxLayoutShift);
    },
    240_000,
  );
});
