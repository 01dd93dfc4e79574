import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, fileUrl, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import { builtPages } from "./pages.ts";

const siteUrl = inject("siteUrl");
const distDir = inject("distDir");
const pages = builtPages(distDir);

const browser = useBrowser();

/** The policy of a built page, from its <meta http-equiv> (the build drops quotes a value does not need). */
function policyOf(html: string): string {
  return /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)">/.exec(html)?.[1] ?? "";
}

/** A page that records CSP violations (events and console reports) from before its first byte. */
async function cspWatchedPage(base: string): Promise<WatchedPage & { violations: () => Promise<string[]> }> {
  const w = await watchedPage(browser(), base);
  const reports: string[] = [];
  w.page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) reports.push(msg.text());
  });
  await w.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspSeen: string[] }).cspSeen = seen;
    window.addEventListener(
      "securitypolicyviolation",
      (e) => {
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${String(e.lineNumber)})`,
        );
      },
      true,
    );
  });
  const violations = async (): Promise<string[]> => [
    ...reports,
    ...(await w.page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen)),
  ];
  return { ...w, violations };
}

async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  await page.waitForTimeout(200);
}

async function expectNoViolations(w: Awaited<ReturnType<typeof cspWatchedPage>>): Promise<void> {
  expect(await w.violations(), "CSP violations").toEqual([]);
  await expectClean(w);
}

describe("Content-Security-Policy in the built pages", () => {
  it.each(pages)("/%s declares one policy before any script, with a hash for each inline script", (page) => {
    const html = readFileSync(join(distDir, page, "index.html"), "utf8");
    const metas = html.match(/http-equiv="?Content-Security-Policy/g) ?? [];
    expect(metas).toHaveLength(1);
    const policy = policyOf(html);
    const firstScript = html.search(/<script/);
    expect(html.indexOf(policy)).toBeLessThan(firstScript === -1 ? Infinity : firstScript);
    const directives = new Map(
      policy.split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    const scriptSrc = directives.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directives.get("img-src")).toEqual(["'self'", "data:"]);
    expect(directives.get("worker-src")).toEqual(["blob:"]);
    // Every script the browser would run inline has its hash in the policy.
    for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? "";
      if (/\ssrc=/.test(attrs) || /type="(?!module")[^"]*"/.test(attrs)) continue;
      const hash = `'sha256-${createHash("sha256")
        .update(m[2] ?? "")
        .digest("base64")}'`;
      expect(scriptSrc).toContain(hash);
    }
  });

  it("is enforced: a script injected into a page does not run and is reported", async () => {
    const w = await cspWatchedPage(siteUrl);
    await w.page.goto(`${siteUrl}en/embed/heap/`);
    const ran = await w.page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.injected = true;";
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await w.violations()).join("\n")).toMatch(/script-src/);
    await w.close();
  });
});

describe("no violations in the browser", () => {
  it.each(pages)("/%s runs without a CSP violation", async (page) => {
    const w = await cspWatchedPage(siteUrl);
    await w.page.goto(`${siteUrl}${page}`);
    await scrollThrough(w.page);
    await expectNoViolations(w);
  });

  it.each([
    ["over http", `${siteUrl}en/lab/`, siteUrl],
    ["from file://", fileUrl(join(distDir, "en", "lab", "index.html")), fileUrl(distDir)],
  ])("the lab parses a log in its worker %s without a CSP violation", async (_how, url, base) => {
    const w = await cspWatchedPage(base);
    await w.page.goto(url);
    await w.page.waitForSelector("go-log-lab[data-ready]");
    await w.page.fill(".lab-paste", readFileSync("tests/fixtures/logs/go1.27-leak-scheddetail.txt", "utf8"));
    await w.page.click(".lab-parse-paste");
    await w.page.waitForFunction(() => {
      const lab = document.querySelector("go-log-lab");
      return lab?.getAttribute("data-state") === "drawn" && !lab.hasAttribute("aria-busy");
    });
    expect(await w.page.isHidden(".lab-fallback"), "parsed in a worker").toBe(true);
    expect(await w.page.locator(".lab-chart svg").count()).toBeGreaterThan(0);
    await expectNoViolations(w);
  });

  it.each(["index.html", "en/index.html", "embed/replay/index.html", "en/embed/index.html"])(
    "%s opened from disk runs without a CSP violation",
    async (page) => {
      const w = await cspWatchedPage(fileUrl(distDir));
      await w.page.goto(fileUrl(join(distDir, page)));
      await scrollThrough(w.page);
      await expectNoViolations(w);
    },
  );
});
