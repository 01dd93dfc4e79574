import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, fileUrl, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import {
  andWait,
  expected,
  loadRecording,
  openFile,
  openLab,
  paste,
  read,
  shown,
  waitForSummary,
} from "./lab-pages.ts";

const siteUrl = inject("siteUrl");
const distDir = inject("distDir");

const browser = useBrowser();

const lab = (w: WatchedPage, url = `${siteUrl}en/lab/`): Promise<Page> => openLab(w, url);

describe("the lab reads real logs", () => {
  it.each([
    ["Go 1.19 scheddetail", "tests/fixtures/logs/go1.19-leak-scheddetail.txt", /Go 1\.18 to 1\.20/],
    [
      "Go 1.26 schedtrace, scav, pacer",
      "tests/fixtures/logs/go1.26-tick-schedtrace-scav-pacer.txt",
      /Go 1\.25 or later/,
    ],
    ["Go 1.27 scheddetail with leak check", "tests/fixtures/logs/go1.27-leak-scheddetail.txt", /Go 1\.26 or later/],
    ["Go 1.19 recording", "traces/tick/go1.19.8/stderr.log", /Go 1\.1[89] to 1\.20/],
    ["Go 1.27 recording", "traces/leak/go1.27.3/stderr.log", /Go 1\.26 or later/],
  ])("%s: pasted, it shows the GC cycles, the peak live heap and the Go version", async (_name, path, version) => {
    const text = read(path);
    const e = expected(text);
    expect(e.cycles).toBeGreaterThan(0);
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    await paste(page, text);
    const s = await shown(page);
    expect(s.cycles).toBe(e.cycles);
    expect(s.peakLive).toBe(e.peakLive);
    expect(s.summary).toContain(`${e.cycles} (${e.cycles - e.forced} automatic, ${e.forced} forced)`);
    expect(s.summary).toMatch(version);
    expect(await page.locator(".lab-chart").count()).toBeGreaterThanOrEqual(4);
    expect(await page.isHidden(".lab-fallback"), "parsed in a worker").toBe(true);
    await expectClean(w);
  });

  it("loads each of our recordings and counts goroutines by wait reason at the last snapshot", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w, `${siteUrl}lab/`);
    await page.selectOption(".lab-recording", "leak/go1.27.3");
    await page.click(".lab-load-recording");
    await waitForSummary(page);
    const text = read("traces/leak/go1.27.3/stderr.log");
    const last = text.slice(text.lastIndexOf("\nSCHED ") + 1);
    const gLines = last.split("\n").filter((l) => /^ {2}G\d+: /.test(l));
    const chanReceive = gLines.filter((l) => /status=(?:4|4100)\(chan receive\)/.test(l)).length;
    const rows = await page.locator(".lab-snapshot-table tbody tr").allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, " ").trim())).toContain(`chan receive ${chanReceive}`);
    expect(await shown(page).then((s) => s.cycles)).toBe(expected(text).cycles);
    // Chinese page, Chinese words.
    expect(await page.innerText(".lab-summary")).toContain("存活堆峰值");
    await expectClean(w);
  });
});

describe("bad input", () => {
  it("lists a malformed file's bad lines with their line numbers and keeps the good ones", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    await openFile(page, "malformed.txt", readFileSync("tests/fixtures/lab/malformed.txt"));
    // Worked out by hand from the fixture (tests/fixtures/lab/README.md).
    expect(await page.getAttribute(".lab-problem-count", "data-count")).toBe("5");
    const lines = await page.locator(".lab-problem-table tbody tr td:first-child").allInnerTexts();
    expect(lines).toEqual(["4", "5", "6", "7", "9"]);
    expect(await page.innerText(".lab-problem-table")).toContain("malformed gctrace line");
    expect((await shown(page)).cycles).toBe(3);
    await expectClean(w);
  });

  it("says clearly what is wrong with empty input, program output only, a binary file and one huge line", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    await paste(page, "");
    expect(await page.innerText(".lab-notes")).toContain("The input is empty");
    await paste(page, "hello\nstarting server on :8080\n");
    expect(await page.innerText(".lab-notes")).toContain("No runtime output found");
    const binary = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 256));
    await openFile(page, "a.out", binary);
    expect(await page.innerText(".lab-notes")).toContain("binary file");
    // Playwright sends at most 50 MB as a buffer; a file on disk has no such limit.
    const dir = mkdtempSync(join(tmpdir(), "bf-lab-"));
    const huge = join(dir, "one-line.log");
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, "x"));
    await page.evaluate(() => document.querySelector("go-log-lab")?.removeAttribute("data-state"));
    await page.setInputFiles(".lab-file", huge);
    await waitForSummary(page);
    rmSync(dir, { recursive: true, force: true });
    expect(await page.innerText(".lab-notes")).toContain("longer than 1 MiB");
    expect(await page.innerText(".lab-problem-table")).toContain("line too long");
    await expectClean(w);
  });

  it("reads CRLF line ends and torn lines like LF ones: the torn gctrace line is put back and counted", async () => {
    const text = read("tests/fixtures/logs/go1.26-torn-gctrace.txt");
    // Without the program's lines, the runtime's pieces meet again: one whole gctrace line.
    const whole = expected(text.replace(/goroutines: \d+\n/g, ""));
    expect(whole.cycles).toBe(1);
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    await openFile(page, "torn-crlf.log", Buffer.from(text.replaceAll("\n", "\r\n")));
    const crlf = await shown(page);
    expect(crlf.summary).toContain("CRLF");
    expect(crlf.cycles).toBe(whole.cycles);
    expect(await page.getAttribute(".lab-line-note-count", "data-count")).toBe("1");
    expect(await page.innerText(".lab-line-note-table")).toContain(
      "The gctrace line of GC 1 was torn by the program’s output",
    );
    await paste(page, text);
    expect((await shown(page)).cycles).toBe(whole.cycles);
    expect(await page.innerText(".lab-problems")).toContain("Every line was read.");
    await expectClean(w);
  });
});

describe("while parsing", () => {
  it("shows progress, can be cancelled, and keeps the previous results", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    const text = read("tests/fixtures/logs/go1.27-leak-scheddetail.txt");
    await paste(page, text);
    // A 150 MB file made in the page, so the test does not send it through the driver.
    await page.evaluate(() => {
      const line = "  G19: status=4(chan receive) m=nil lockedm=nil\n".repeat(20000);
      const file = new File(
        Array.from({ length: 150 }, () => line),
        "big.log",
      );
      const input = document.querySelector<HTMLInputElement>(".lab-file");
      if (input === null) throw new Error("the lab has no .lab-file input");
      const dt = new DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      input.dispatchEvent(new Event("change"));
    });
    await page.waitForFunction(() => (document.querySelector<HTMLProgressElement>(".lab-progress")?.value ?? 0) > 0);
    expect(await page.isVisible(".lab-progress")).toBe(true);
    await page.click(".lab-cancel");
    await page.waitForFunction(() => !document.querySelector("go-log-lab")?.hasAttribute("aria-busy"));
    expect(await page.innerText(".lab-status-text")).toContain("Cancelled");
    expect((await shown(page)).cycles).toBe(expected(text).cycles);
    expect(await page.innerText(".lab-summary")).toContain("pasted text");
    await expectClean(w);
  });

  it("exports the records as JSON Lines and CSV in the CLI's schema", async () => {
    const text = read("tests/fixtures/logs/go1.19-leak-scheddetail.txt");
    const w = await watchedPage(browser(), siteUrl);
    const page = await lab(w);
    await paste(page, text);
    const [jsonl] = await Promise.all([page.waitForEvent("download"), page.click(".lab-export button[value=jsonl]")]);
    expect(jsonl.suggestedFilename()).toBe("pasted.jsonl");
    const records = read(await jsonl.path())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { kind: string; line: number });
    expect(records).toHaveLength(text.trimEnd().split("\n").length);
    expect(records.filter((r) => r.kind === "gc")).toHaveLength(expected(text).cycles);
    expect(records.map((r) => r.line)).toEqual(records.map((_, i) => i + 1));
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click(".lab-export button[value=csv]")]);
    const rows = read(await csv.path()).split("\r\n");
    expect(rows[0]).toMatch(/^kind,line,n,t,cpuPercent,/);
    expect(rows.filter((r) => r.startsWith("gc,"))).toHaveLength(expected(text).cycles);
    await expectClean(w);
  });
});

describe("accessibility with results on the page", () => {
  it.each(["light", "dark"] as const)("has no axe violations in the %s theme", async (colorScheme) => {
    const context = await browser().newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}lab/`);
    await page.waitForSelector("go-log-lab[data-ready]");
    await openFile(page, "malformed.txt", readFileSync("tests/fixtures/lab/malformed.txt"));
    await paste(page, read("traces/leak/go1.27.3/stderr.log"));
    // Dumps, a leak profile, notes on torn lines, a time-of-day axis, and a second log compared.
    await openFile(page, "live.log", gzipSync(readFileSync("tests/fixtures/dumps/go1.27-live-gctrace-dumps.txt")));
    await page.check("input[name=lab-slot][value=b]");
    await loadRecording(page, "fix-timeout/go1.27.3");
    await page.check("input[name=lab-slot][value=a]");
    await openFile(page, "cri.log", readFileSync("tests/fixtures/prefixed/go1.27-leak-cri.txt"));
    await andWait(page, () => page.check("input[name=lab-axis][value=wall]"));
    expect(await page.locator(".lab-dumps, .lab-compare-section:not([hidden]), .lab-axis:not([hidden])").count()).toBe(
      3,
    );
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });
});

describe("from file://", () => {
  it("parses a paste in a worker from dist/lab/index.html opened from disk", async () => {
    const prefix = fileUrl(distDir);
    const w = await watchedPage(browser(), prefix);
    const page = await lab(w, fileUrl(join(distDir, "lab", "index.html")));
    const text = read("tests/fixtures/logs/go1.27-leak-scheddetail.txt");
    await paste(page, text);
    expect((await shown(page)).cycles).toBe(expected(text).cycles);
    expect(await page.isHidden(".lab-fallback"), "parsed in a worker").toBe(true);
    expect(await page.locator(".lab-chart svg").count()).toBeGreaterThanOrEqual(4);
    await expectClean(w);
  });
});
