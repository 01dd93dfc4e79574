// The portable build on a small fixture site: tests/fixtures/portable/in goes through the same two
// steps as astro:build:done (make-portable, then the CSP), and must give exactly the expected
// files: the pages are the input pages with the rewrites listed below, the scripts, styles and
// pictures are the files of tests/fixtures/portable/out. To accept a change to those on purpose:
// UPDATE_SNAPSHOTS=1 (not under CI), then read the diff of out/ before committing it.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { addContentSecurityPolicy } from "../../../build/csp.ts";
import { makePortable } from "../../../build/make-portable.ts";

const fixtures = fileURLToPath(new URL("../../fixtures/portable/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "bf-portable-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// What the two steps do to each page, stated here rather than kept as a second copy of the page:
// links and assets made relative to the page's folder, module scripts turned into classic ones
// (the inline one bundled in place), the modulepreload hint dropped and the CSP added, with the
// hashes of the page's inline scripts. Each `from` stands once in its input page.
const csp = (scriptSrc: string): string =>
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${scriptSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; manifest-src 'self'; base-uri 'none'; form-action 'none'">`;
const charset = '<meta charset="utf-8" />';
const PAGE_REWRITES: Record<string, [from: string, to: string][]> = {
  "index.html": [
    [
      charset,
      `${charset}\n    ${csp("'self' 'sha256-8xTKyXvrMGs/pd5RMQ+eaw9pnOgtp4fWG/N+8N+H8rs=' 'sha256-WZRJfWvsnNCPcxzZwvyhovnZGqhZaC+8gPGPRbx6wTk='")}`,
    ],
    ['<link rel="modulepreload" href="/_astro/dep.js" />', ""],
    ['href="/_astro/site.css"', 'href="./_astro/site.css"'],
    ['href="/favicon.svg"', 'href="./favicon.svg"'],
    ['href="/en/"', 'href="./en/"'],
    ['href="/#part-3"', 'href="./#part-3"'],
    [
      'src="/img/heap.png" srcset="/img/heap.png 1x, /img/heap@2x.png 2x"',
      'src="./img/heap.png" srcset="./img/heap.png 1x, ./img/heap@2x.png 2x"',
    ],
    ["url(/img/heap.png)", "url(./img/heap.png)"],
    ['<script type="module" src="/_astro/main.js">', '<script defer src="./_astro/classic.09c79355a0.js">'],
    [
      '<script type="module">import { greet } from "/_astro/dep.js"; greet("inline");</script>',
      '<script>(()=>{const run=()=>{(()=>{function e(t){document.body.dataset.greeted=t}e("inline");})();\n};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",run):run()})();</script>',
    ],
  ],
  "en/index.html": [
    [charset, `${charset}\n    ${csp("'self'")}`],
    ['href="/_astro/site.css"', 'href="../_astro/site.css"'],
    ['href="/"', 'href="../"'],
    ['href="/en/#part-3"', 'href="./#part-3"'],
    ['<script type="module" src="/_astro/main.js">', '<script defer src="../_astro/classic.09c79355a0.js">'],
  ],
};

/** The expected page: the input page with its rewrites, each of which must find its text once. */
function expectedPage(page: string): string {
  let html = readFileSync(join(fixtures, "in", page), "utf8");
  for (const [from, to] of PAGE_REWRITES[page] ?? []) {
    expect(html.split(from).length - 1, `${page}: ${from}`).toBe(1);
    html = html.replace(from, () => to);
  }
  return html;
}

const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();

describe("portable build, golden files", () => {
  it("rewrites the fixture site into exactly the expected files", async () => {
    const site = join(work, "site");
    cpSync(join(fixtures, "in"), site, { recursive: true });
    const report = await makePortable(site);
    const csp = await addContentSecurityPolicy(site);
    expect(report).toEqual({ pages: 2, scripts: 2, urls: expect.any(Number) as number });
    expect(csp.blocked).toEqual([]);

    const pages = Object.keys(PAGE_REWRITES).sort();
    expect(list(join(fixtures, "in")).filter((f) => f.endsWith(".html"))).toEqual(pages);
    const expected = join(fixtures, "out");
    if (process.env["UPDATE_SNAPSHOTS"] === "1" && process.env["CI"] !== "true") {
      rmSync(expected, { recursive: true, force: true });
      cpSync(site, expected, { recursive: true, filter: (from) => !from.endsWith(".html") });
    }
    expect(existsSync(expected), "tests/fixtures/portable/out is missing (UPDATE_SNAPSHOTS=1, not under CI)").toBe(
      true,
    );
    expect(list(site)).toEqual([...list(expected), ...pages].sort());
    for (const page of pages) {
      expect(readFileSync(join(site, page), "utf8"), page).toBe(expectedPage(page));
    }
    for (const file of list(expected)) {
      expect(readFileSync(join(site, file), "utf8"), file).toBe(readFileSync(join(expected, file), "utf8"));
    }
  });
});
