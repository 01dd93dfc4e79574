// The lab with what real services print: prefixed and compressed logs, goroutine dumps and leak
// profiles, logs of several runs, two logs compared, and the words for counts in both languages.
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, watchedPage } from "./browser.ts";
import { andWait, expected, loadRecording, openFile, openLab, paste, read, rows, shown } from "./lab-pages.ts";

const siteUrl = inject("siteUrl");
const browser = useBrowser();
const en = `${siteUrl}en/lab/`;

const leak = read("traces/leak/go1.27.3/stderr.log");
const collectors = (t: string) => (t.match(/^main\.collect\.func1\(\)$/gm) ?? []).length;

describe("logs as services keep them", () => {
  it.each([
    ["containerd/CRI", "go1.27-leak-cri.txt", "containerd/CRI (Kubernetes)"],
    ["docker logs -t", "go1.27-leak-docker-t.txt", "docker logs -t"],
    ["Docker json-file", "go1.27-leak-json-file.txt", "Docker json-file"],
    ["journald short", "go1.27-leak-journald-short.txt", "journald, short"],
    ["journald short-iso", "go1.27-leak-journald-short-iso.txt", "journald, short-iso"],
  ])(
    "%s: gzip-compressed and prefixed, it reads as the plain recording, on a time-of-day axis too",
    async (_n, file, words) => {
      const text = read(`tests/fixtures/prefixed/${file}`);
      const w = await watchedPage(browser(), siteUrl);
      const page = await openLab(w, en);
      await openFile(page, "service.log.1", gzipSync(text));
      const s = await shown(page);
      expect(s.cycles).toBe(expected(leak).cycles);
      expect(s.peakLive).toBe(expected(leak).peakLive);
      expect(await page.innerText(".lab-prefix")).toBe(
        `${words}: ${(text.split("\n").length - 1).toLocaleString("en")} lines`,
      );
      expect(await page.isVisible(".lab-axis")).toBe(true);
      await andWait(page, () => page.check("input[name=lab-axis][value=wall]"));
      // The recording started at 10:53:45 UTC (meta.json); the axis says so in the log's own hours.
      expect(await page.locator(".lab-chart[data-chart=heap] svg").textContent()).toContain("10:53");
      await expectClean(w);
    },
  );
});

describe("goroutine dumps and profiles", () => {
  it("groups a dump's goroutines by state and stack, and compares two dumps", async () => {
    const text = read("tests/fixtures/dumps/go1.27-grow-two-dumps.txt");
    const [first = "", second = ""] = text.split("dumps: goroutine dump 2 of 2");
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await openFile(page, "grow.txt", Buffer.from(text));
    // The last dump is shown first; its biggest group is the collectors.
    const last = await rows(page, ".lab-group-table");
    expect(last[0]?.[0]).toBe(String(collectors(second)));
    expect(last[0]?.[1]).toBe(
      "chan receive main.collect.func1 dumps/main.go:39 started by main.collect dumps/main.go:38 in goroutine 1",
    );
    await page.selectOption(".lab-dump-pick select", "1");
    expect((await rows(page, ".lab-group-table"))[0]?.[0]).toBe(String(collectors(first)));
    const changes = await rows(page, ".lab-compare-table");
    expect(changes[0]).toEqual([
      "chan receive main.collect.func1 dumps/main.go:39",
      String(collectors(first)),
      String(collectors(second)),
      `+${collectors(second) - collectors(first)}`,
    ]);
    await expectClean(w);
  });

  it("marks leaked goroutines of the leak profile, in a log with gctrace and dumps", async () => {
    const text = read("tests/fixtures/dumps/go1.27-live-gctrace-dumps.txt");
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await paste(page, text);
    expect((await shown(page)).cycles).toBe(5);
    expect(await page.innerText(".lab-dump-intro")).toContain(
      "goroutine leak profile, 5 goroutines in 1 group, 5 of them leaked",
    );
    expect(await page.locator(".lab-group-table .lab-badge-leaked").count()).toBe(1);
    // Its gc 3 line was torn by the program's own line: put back together and said so.
    expect(await page.getAttribute(".lab-line-note-count", "data-count")).toBe("2");
    await expectClean(w);
  });

  it("a SIGQUIT traceback from Go 1.19, in Chinese: the waits of a minute and what started each goroutine", async () => {
    const text = read("tests/fixtures/dumps/go1.19-sigquit-traceback.txt");
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, `${siteUrl}lab/`);
    await paste(page, text);
    expect(await page.innerText(".lab-dump-intro")).toContain("（起因 “SIGQUIT: quit”）");
    const table = await page.innerText(".lab-group-table");
    expect(table).toContain("1 分钟");
    expect(table).toContain("锁定在线程上");
    await expectClean(w);
  });
});

describe("several runs and two logs", () => {
  const fix = read("traces/fix-timeout/go1.27.3/stderr.log");

  it("a log of two runs: both on one axis, or one picked alone", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await openFile(page, "restarts.log", Buffer.from(leak + fix));
    expect(await page.innerText(".lab-runs")).toMatch(/^2 runs: time goes back to 0 at line \d/);
    expect(await page.innerText(".lab-notes")).toContain("this log holds several runs");
    expect((await shown(page)).cycles).toBe(expected(leak).cycles + expected(fix).cycles);
    await andWait(page, async () => {
      await page.selectOption(".lab-run-pick select", "2");
    });
    expect((await shown(page)).cycles).toBe(expected(fix).cycles);
    await expectClean(w);
  });

  it("B is read against A: their figures side by side and their charts on one axis", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    expect(await page.isDisabled("input[name=lab-slot][value=b]")).toBe(true);
    await loadRecording(page, "leak/go1.27.3");
    await page.check("input[name=lab-slot][value=b]");
    await loadRecording(page, "fix-timeout/go1.27.3");
    const figures = await rows(page, ".lab-compare-figures");
    expect(figures.find((r) => r[0] === "GC cycles")).toEqual([
      "GC cycles",
      String(expected(leak).cycles),
      String(expected(fix).cycles),
    ]);
    expect(figures.find((r) => r[0] === "Peak live heap (MiB)")).toEqual([
      "Peak live heap (MiB)",
      String(expected(leak).peakLive),
      String(expected(fix).peakLive),
    ]);
    expect(await page.locator(".lab-compare-charts .lab-chart svg").count()).toBe(4);
    // A is still the log of the summary above.
    expect(await page.innerText(".lab-summary")).toContain("traces/leak/go1.27.3/stderr.log");
    await expectClean(w);
  });
});

describe("words for counts, and dead goroutines apart", () => {
  it("says 1 line, not 1 lines; the footer speaks of the reader's own log", async () => {
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await paste(page, `${leak.split("\n").slice(0, 12).join("\n")}\ngc 9 @1.0s torn\n`);
    expect(await page.innerText(".lab-problem-count")).toBe(
      "1 line could not be read. Every other line counts as usual.",
    );
    expect(await page.innerText(".site-footer")).toContain("comes from the log you gave it");
    await expectClean(w);
  });

  it("a fixed program's dead goroutines are listed apart and not counted as live", async () => {
    const text = read("traces/fix-close/go1.27.3/stderr.log");
    const last = text.slice(text.lastIndexOf("\nSCHED ") + 1).split("\n");
    const g = last.filter((l) => /^ {2}G\d+: /.test(l));
    const dead = g.filter((l) => l.includes("status=6(")).length;
    expect(dead).toBeGreaterThan(0);
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await loadRecording(page, "fix-close/go1.27.3");
    expect(await page.getAttribute(".lab-goroutines", "data-live")).toBe(String(g.length - dead));
    expect(await page.getAttribute(".lab-goroutines", "data-dead")).toBe(String(dead));
    expect(await page.innerText(".lab-snapshot")).toContain(`${dead} more G lines are dead goroutines`);
    expect(await page.locator(".lab-chart[data-chart=goroutines] .lab-legend").innerText()).not.toContain("dead");
    await expectClean(w);
  });

  it("keeps a gctrace line whose last bytes are not text, and says which bytes were left out", async () => {
    const line = leak.split("\n").find((l) => l.startsWith("gc 1 ")) ?? "";
    const w = await watchedPage(browser(), siteUrl);
    const page = await openLab(w, en);
    await openFile(page, "cut.log", Buffer.concat([Buffer.from(line), Buffer.from([0xff, 0xfe, 0x0a])]));
    expect((await shown(page)).cycles).toBe(1);
    expect(await page.innerText(".lab-problem-table")).toContain("were left out; the rest was read");
    await expectClean(w);
  });
});
