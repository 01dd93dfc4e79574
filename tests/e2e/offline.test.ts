import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { expectClean, fileUrl, useBrowser, watchedPage } from "./browser.ts";
import { startServer } from "./server.ts";

const subfolderUrl = inject("subfolderUrl");
const distDir = inject("distDir");
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

const browser = useBrowser();

/** The texts of the replay's live readouts (its <output> elements). */
const readouts = (page: Page): Promise<string> =>
  page.evaluate(() => [...document.querySelectorAll("replay-cell output")].map((o) => o.textContent.trim()).join("|"));

/**
 * The page's replay cell runs: it is there with its picture, its script starts when it comes into
 * view (data-ready), its readouts fill in, and they follow the time in the hash (#t=…).
 */
async function expectReplay(page: Page): Promise<void> {
  const cell = page.locator("replay-cell");
  expect(await cell.count(), "replay cells on the page").toBe(1);
  await cell.scrollIntoViewIfNeeded();
  expect(await cell.locator("svg").count()).toBeGreaterThan(0);
  await page.waitForSelector("replay-cell[data-ready]");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("replay-cell output")].some((o) => o.textContent.trim() !== ""),
  );
  const before = await readouts(page);
  await page.evaluate(() => {
    location.hash = "t=3";
  });
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll("replay-cell output")].map((o) => o.textContent.trim());
    return now.join("|") !== b;
  }, before);
}

/** Pages that each carry one replay cell: two embeds and both articles. */
const PAGES = ["embed/replay/", "en/embed/heap/", "", "en/"];

/** Opens the pages of a copy of the site at `base` (a URL ending in "/"), `index` for file://. */
async function checkCopy(base: string, allowed: string, index: string): Promise<void> {
  for (const path of PAGES) {
    const w = await watchedPage(browser(), allowed);
    await w.page.goto(`${base}${path}${index}`);
    await expectReplay(w.page);
    await expectClean(w);
  }
}

describe("offline and portable", () => {
  it("runs the replay under a subfolder of another site, nothing fetched from elsewhere", async () => {
    await checkCopy(subfolderUrl, subfolderUrl, "");
  });

  it("runs the replay from disk (file://), nothing fetched from outside its folder", async () => {
    await checkCopy(`${fileUrl(distDir)}/`, `${fileUrl(distDir)}/`, "index.html");
  });

  it("follows the embed's link back to the article from file://", async () => {
    const w = await watchedPage(browser(), `${fileUrl(distDir)}/`);
    await w.page.goto(fileUrl(`${distDir}/en/embed/heap/index.html`));
    await w.page.click("a[target=_top]");
    await w.page.waitForURL(`${fileUrl(distDir)}/en/index.html#leak`);
    expect(await w.page.getAttribute("html", "lang")).toBe("en");
    await expectClean(w);
  });
});

describe("npm run package", () => {
  const work = mkdtempSync(join(tmpdir(), "bf-zip-"));
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  const pack = (dir: string): Buffer => {
    mkdirSync(dir, { recursive: true });
    const run = spawnSync(process.execPath, ["scripts/package.mjs"], {
      env: { ...process.env, BF_ZIP_DIR: dir },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(join(dir, `blocked-forever-${version}.zip`));
  };

  it("zips the built site the same way twice, and it unpacks to a site that works", async () => {
    const zip = pack(join(work, "a"));
    expect(pack(join(work, "b")).equals(zip)).toBe(true);
    console.log(`zip: blocked-forever-${version}.zip, ${(zip.length / 1024).toFixed(0)} KB`);

    const unpacked = join(work, "unpacked");
    const entries = Object.keys(unzipSync(new Uint8Array(zip)));
    // One folder, and beside it a note that says which file to open.
    expect(entries.filter((e) => !e.startsWith(`blocked-forever-${version}/`))).toEqual(["README.txt"]);
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
      if (name.endsWith("/")) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    const site = join(unpacked, `blocked-forever-${version}`);
    expect(readFileSync(join(unpacked, "README.txt"), "utf8")).toContain(`blocked-forever-${version}/index.html`);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
        .sort();
    expect(list(site)).toEqual(list(distDir));
    expect(readFileSync(join(site, "index.html")).equals(readFileSync(join(distDir, "index.html")))).toBe(true);

    const server = await startServer(site, "/school/go/");
    try {
      await checkCopy(server.url, server.url, "");
    } finally {
      await server.close();
    }
    await checkCopy(`${fileUrl(site)}/`, `${fileUrl(site)}/`, "index.html");
  });
});
