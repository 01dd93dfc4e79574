import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./browser.ts";
import { builtPages } from "./pages.ts";

interface PageBudget {
  jsGzipBytes: number;
  dataGzipBytes: number;
  transferGzipBytes: number;
}

const budgets = JSON.parse(readFileSync("budgets.json", "utf8")) as { pages: Record<string, PageBudget> };
const siteUrl = inject("siteUrl");
const distDir = inject("distDir");
const pages = builtPages(distDir);

const browser = useBrowser();

/** Gzip size of a built file, as a host that compresses would send it. */
function gzipBytes(path: string): number {
  return gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
}

describe("page weight budgets (budgets.json)", () => {
  it.each(pages)("/%s stays within its JavaScript and transfer budgets", async (page) => {
    const budget = budgets.pages[page] ?? budgets.pages["default"];
    expect(budget).toBeDefined();
    if (!budget) return;
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const loaded: string[] = [];
    tab.on("requestfinished", (req) => loaded.push(req.url()));
    await tab.goto(`${siteUrl}${page}`, { waitUntil: "networkidle" });
    // Scroll through the page so lazily loaded widgets count too.
    await tab.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await tab.waitForLoadState("networkidle");
    await context.close();

    let js = 0;
    let data = 0;
    let total = 0;
    for (const url of new Set(loaded)) {
      const path = decodeURIComponent(new URL(url).pathname.slice(new URL(siteUrl).pathname.length));
      const size = gzipBytes(path === "" || path.endsWith("/") ? `${path}index.html` : path);
      total += size;
      if (/^replay\/data\.[0-9a-f]+\.js$/.test(path)) data += size;
      // The page's own markup, moved out of it until its widget runs (build/defer-markup.ts): not code.
      else if (path.endsWith(".js") && !path.startsWith("deferred/")) js += size;
    }
    // Inline scripts count as JavaScript as well.
    const html = readFileSync(join(distDir, page, "index.html"), "utf8");
    const inline = [...html.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1] ?? "")
      .join("\n");
    js += inline.length > 0 ? gzipSync(inline, { level: 9 }).length : 0;
    console.log(
      `budget /${page}: JS ${(js / 1024).toFixed(1)} KB of ${(budget.jsGzipBytes / 1024).toFixed(0)} KB, replay data ${(data / 1024).toFixed(1)} KB of ${(budget.dataGzipBytes / 1024).toFixed(0)} KB, transfer ${(total / 1024).toFixed(1)} KB of ${(budget.transferGzipBytes / 1024).toFixed(0)} KB (gzip, ${String(new Set(loaded).size)} requests)`,
    );
    expect(js).toBeLessThanOrEqual(budget.jsGzipBytes);
    expect(data).toBeLessThanOrEqual(budget.dataGzipBytes);
    expect(total).toBeLessThanOrEqual(budget.transferGzipBytes);
  });
});
