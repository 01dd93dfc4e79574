// The SCORM package in an LMS: its SCO pages run inside a page that provides the SCORM 1.2 API,
// here scorm-again's implementation of the LMS side, as Moodle or Canvas would serve it (the
// package unpacked on the LMS's own origin, the SCO in a frame of the LMS's player page).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, watchedPage } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";
import { zipScorm } from "../../scripts/package.mjs";

const distDir = inject("distDir");
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

const browser = useBrowser();
let lms: RunningServer;
let lmsDir: string;
let entries: string[];

// The LMS's player: the API on its window, every call it receives noted in window.calls, and the
// SCO in a frame (the "launch" query names its page).
const PLAYER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  API.on("LMSInitialize", () => calls.push("LMSInitialize"));
  API.on("LMSSetValue.cmi.*", (element, value) => calls.push(element + "=" + value));
  API.on("LMSCommit", () => calls.push("LMSCommit"));
  API.on("LMSFinish", () => calls.push("LMSFinish"));
</script></head>
<body><iframe id="sco" title="activity" style="width:1000px;height:900px;border:0"></iframe>
<script>document.getElementById("sco").src = new URLSearchParams(location.search).get("launch");</script>
</body></html>`;

beforeAll(async () => {
  lmsDir = mkdtempSync(join(tmpdir(), "bf-lms-"));
  const zip = unzipSync(await zipScorm(distDir, version));
  entries = Object.keys(zip);
  for (const [name, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(lmsDir, "package", name)), { recursive: true });
    writeFileSync(join(lmsDir, "package", name), bytes);
  }
  copyFileSync("node_modules/scorm-again/dist/scorm12.min.js", join(lmsDir, "scorm12.min.js"));
  writeFileSync(join(lmsDir, "player.html"), PLAYER);
  lms = await startServer(lmsDir, "/");
});

afterAll(async () => {
  await lms.close();
  rmSync(lmsDir, { recursive: true, force: true });
});

const calls = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { calls: string[] }).calls);

async function launch(page: Page, href: string): Promise<Frame> {
  await page.goto(`${lms.url}player.html?launch=${encodeURIComponent(`package/${href}`)}`);
  const handle = await page.waitForSelector("iframe#sco");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("no SCO frame");
  await frame.waitForLoadState("load");
  return frame;
}

describe("the SCORM package", () => {
  it("holds imsmanifest.xml at its root, the site and the SCO script", () => {
    expect(entries).toContain("imsmanifest.xml");
    expect(entries).toContain("index.html");
    expect(entries).toContain("en/embed/heap/index.html");
    expect(entries).toContain("scorm/sco.js");
    const manifest = readFileSync(join(lmsDir, "package", "imsmanifest.xml"), "utf8");
    for (const href of [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1] ?? "")) {
      expect(entries, href).toContain(href.replaceAll("&amp;", "&"));
    }
  });

  it("a widget's SCO initializes, reports completed once the replay is played to its end, and finishes on leaving", async () => {
    const w = await watchedPage(browser(), lms.url);
    const sco = await launch(w.page, "en/embed/heap/index.html");
    await w.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes("LMSInitialize"));
    expect(await calls(w.page)).toEqual(["LMSInitialize", "cmi.core.lesson_status=incomplete", "LMSCommit"]);
    // The reader plays the replay, fast, to its end.
    await sco.waitForSelector("replay-cell[data-ready]", { state: "attached" });
    await sco.selectOption(".player-speed select", "8");
    await sco.click(".player-play");
    await w.page.waitForFunction(
      () => (window as unknown as { calls: string[] }).calls.includes("cmi.core.lesson_status=completed"),
      undefined,
      { timeout: 15_000 },
    );
    expect(
      await w.page.evaluate(
        () => (window as unknown as { API: { cmi: { core: { lesson_status: string } } } }).API.cmi.core.lesson_status,
      ),
    ).toBe("completed");
    // Leaving the activity (the LMS shows another page in its frame) closes the session.
    await w.page.$eval("iframe#sco", (f) => {
      (f as HTMLIFrameElement).src = "about:blank";
    });
    await w.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes("LMSFinish"));
    const seen = await calls(w.page);
    expect(seen.filter((c) => c.startsWith("cmi.core.session_time="))).toHaveLength(1);
    expect(seen.at(-1)).toBe("LMSFinish");
    expect(seen.filter((c) => c === "LMSInitialize")).toHaveLength(1);
    await expectClean(w);
  });

  it("the article's SCO is completed when the reader reaches its end, and not before", async () => {
    const w = await watchedPage(browser(), lms.url);
    const sco = await launch(w.page, "en/index.html");
    await w.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes("LMSCommit"));
    await sco.waitForTimeout(300);
    expect(await calls(w.page)).not.toContain("cmi.core.lesson_status=completed");
    await sco.locator(".site-footer").scrollIntoViewIfNeeded();
    await w.page.waitForFunction(() =>
      (window as unknown as { calls: string[] }).calls.includes("cmi.core.lesson_status=completed"),
    );
    await expectClean(w);
  });

  it("the live widget's SCO is completed once the reader's own run has finished, and not before", async () => {
    const w = await watchedPage(browser(), lms.url);
    const sco = await launch(w.page, "en/embed/live/index.html");
    await w.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes("LMSCommit"));
    await sco.waitForTimeout(300);
    // The whole page shows in the frame, its last line too: that alone is no completion.
    expect(await calls(w.page)).not.toContain("cmi.core.lesson_status=completed");
    await sco.fill("live-cell input[name=goroutines]", "2");
    await sco.fill("live-cell input[name=buffer]", "2");
    await sco.click("live-cell .live-run");
    await sco.waitForSelector("live-cell[data-state=running]", { state: "attached", timeout: 30_000 });
    expect(await calls(w.page)).not.toContain("cmi.core.lesson_status=completed");
    await w.page.waitForFunction(
      () => (window as unknown as { calls: string[] }).calls.includes("cmi.core.lesson_status=completed"),
      undefined,
      { timeout: 60_000 },
    );
    expect(await sco.getAttribute("live-cell", "data-state")).toBe("finished");
    await expectClean(w);
  });

  it("works as a plain page where there is no LMS", async () => {
    const w = await watchedPage(browser(), lms.url);
    await w.page.goto(`${lms.url}package/en/embed/heap/index.html`);
    await w.page.waitForSelector("replay-cell[data-ready]", { state: "attached" });
    await w.page.click(".player-play");
    await w.page.waitForFunction(() => document.querySelector(".player-time")?.textContent.trim() !== "0.00 s");
    expect(await w.page.evaluate(() => "API" in window)).toBe(false);
    await expectClean(w);
  });
});
