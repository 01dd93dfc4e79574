import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { LabAnalysis, MAX_PROBLEM_SAMPLES } from "../../../src/lib/lab/lab-analysis.ts";
import { analyseSource, exportSource } from "../../../src/lib/lab/read-source.ts";
import { csvHeader } from "../../../src/lib/parse/records-csv.ts";
import { fixture, lineCount } from "../lib/fixtures.ts";

function analyse(text: string): ReturnType<LabAnalysis["summary"]> {
  const a = new LabAnalysis();
  a.text(text);
  a.addAll(parseLog(text));
  return a.summary();
}

// Expectations computed from the text with plain regexes, not with the parser.
const GC_LINE = /^gc \d+ @\d+\.\d+s \d+%.*, \d+ P( \(forced\))?$/gm;
function expected(text: string): { cycles: number; forced: number; peakLive: number; pauses: number[] } {
  const lines = [...text.matchAll(GC_LINE)].map((m) => m[0]);
  const live = lines.map((l) => Number(/->(\d+) MB,/.exec(l)?.[1]));
  const pauses = lines.map((l) => {
    const [a, , c] = (/: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock/.exec(l) ?? []).slice(1).map(Number);
    return (a ?? 0) + (c ?? 0);
  });
  return {
    cycles: lines.length,
    forced: lines.filter((l) => l.endsWith("(forced)")).length,
    peakLive: Math.max(...live),
    pauses,
  };
}

describe("LabAnalysis over real logs", () => {
  it.each([
    "go1.19-leak-scheddetail.txt",
    "go1.26-leak-scheddetail.txt",
    "go1.27-leak-scheddetail.txt",
    "go1.19-tick-schedtrace-scav-pacer.txt",
    "go1.27-tick-schedtrace-scav-pacer.txt",
    "go1.27-idle-gc-forced.txt",
  ])("%s: GC cycles, forced ones, peak live heap and pause max", (name) => {
    const text = fixture(name);
    const s = analyse(text);
    const e = expected(text);
    expect(s.lines).toBe(lineCount(text));
    expect(s.gc.cycles).toBe(e.cycles);
    expect(s.gc.forced).toBe(e.forced);
    expect(s.gc.automatic).toBe(e.cycles - e.forced);
    expect(s.gc.peakLiveMB).toBe(e.peakLive);
    expect(s.gc.pauseMs?.max).toBeCloseTo(Math.max(...e.pauses), 9);
    expect(s.gc.pauseMs?.count).toBe(e.cycles);
    expect(s.problems.count).toBe(0);
    expect(s.series.heapLive.length).toBe(e.cycles);
  });

  it("counts goroutines by wait reason at the last scheddetail snapshot", () => {
    const text = fixture("go1.27-leak-scheddetail.txt");
    const s = analyse(text);
    const lastSched = text.lastIndexOf("\nSCHED ");
    const after = text
      .slice(lastSched + 1)
      .split("\n")
      .slice(1);
    const gLines = after.filter((l) => /^ {2}G\d+: /.test(l));
    expect(s.snapshot?.goroutines).toBe(gLines.length);
    const leaked = gLines.filter((l) => l.includes("status=10(chan receive)")).length;
    expect(leaked).toBeGreaterThan(0);
    expect(s.snapshot?.leaked).toBe(leaked);
    expect(s.snapshot?.byCategory).toContainEqual({ category: "leaked: chan receive", count: leaked, live: true });
    expect(s.series.goroutines.length).toBeGreaterThan(0);
  });

  // The fixes' recordings end with the collectors dead (status 6), kept for reuse.
  it.each(["fix-close", "fix-context", "fix-timeout"])(
    "traces/%s/go1.27.3: dead goroutines are counted apart from live ones, and left out of the chart",
    (program) => {
      const text = readFileSync(new URL(`../../../traces/${program}/go1.27.3/stderr.log`, import.meta.url), "utf8");
      const s = analyse(text);
      const last = text
        .slice(text.lastIndexOf("\nSCHED ") + 1)
        .split("\n")
        .slice(1);
      const gLines = last.filter((l) => /^ {2}G\d+: /.test(l));
      const dead = gLines.filter((l) => /status=(?:6|11|4102|4107)\(/.test(l)).length;
      expect(dead).toBeGreaterThan(0);
      expect(s.snapshot?.dead).toBe(dead);
      expect(s.snapshot?.live).toBe(gLines.length - dead);
      expect(s.series.goroutines.map((g) => g.name)).not.toContain("dead");
      expect(s.series.liveGoroutines.at(-1)?.y).toBe(gLines.length - dead);
    },
  );

  it("a torn gctrace line is put back and counted; one that cannot be, is a problem and its GC is named missing", () => {
    const torn = analyse(fixture("go1.26-torn-gctrace.txt"));
    expect(torn.problems.count).toBe(0);
    expect(torn.gc.cycles).toBe(1);
    expect(torn.lineNotes).toMatchObject({ count: 1, joined: 1, missingGcs: 0 });
    expect(torn.lineNotes.samples[0]).toMatchObject({ reason: "joined", line: 5, gc: 1 });
    // tests/fixtures/lab/README.md: lines 4, 5, 6, 7 and 9 are problems; GCs 3 and 4 never get a whole line.
    const text = readFileSync(new URL("../../fixtures/lab/malformed.txt", import.meta.url), "utf8");
    const s = analyse(text);
    expect(s.problems.samples.map((p) => p.line)).toEqual([4, 5, 6, 7, 9]);
    expect(s.gc.cycles).toBe(3);
    expect(s.gc.missing).toBe(2);
    expect(s.lineNotes.samples).toMatchObject([{ reason: "gc-missing", line: 10, missingGcs: [3, 4] }]);
  });

  it("keeps each problem's reason code, which the page translates", () => {
    const s = analyse("gc goroutines: 3\n ms clock, goroutines: 3\nELF\u0000\nEL\u0000F\n");
    expect(s.problems.samples.map((p) => [p.line, p.reason])).toEqual([
      [1, "malformed-gctrace"],
      [2, "torn-piece"],
      [3, "bad-bytes"],
      [4, "binary-data"],
    ]);
  });

  it("caps the problem samples but counts every problem", () => {
    const text = "gc 1 @0.1s torn\n".repeat(250);
    const s = analyse(text);
    expect(s.problems.count).toBe(250);
    expect(s.problems.samples).toHaveLength(MAX_PROBLEM_SAMPLES);
    expect(s.problems.samples[99]?.line).toBe(100);
  });

  it("says so for empty input, program output only, binary data and a line that is too long", () => {
    expect(analyse("").notes).toContain("empty");
    expect(analyse("\n\n").notes).toContain("empty");
    expect(analyse("hello\nworld\n").notes).toEqual(["no-runtime"]);
    expect(analyse("\u0000\u0001ELF\uFFFD\n\uFFFD\uFFFD\n").notes).toContain("binary");
  });

  it("says CRLF only of a text log whose lines end so, not of a binary file with a few CR LF bytes", () => {
    // NULs and invalid UTF-8 on every line, each ended by CR LF.
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => [0x00, 0xff, 0x41, 0x0d, 0x0a][i % 5] ?? 0);
    const binary = analyse(new TextDecoder().decode(bytes));
    expect(binary.notes).toContain("binary");
    expect(binary.clues.map((c) => c.code)).not.toContain("crlf");
    const log = fixture("go1.27-leak-scheddetail.txt");
    expect(analyse(log.replaceAll("\n", "\r\n")).clues.map((c) => c.code)).toContain("crlf");
    expect(analyse(`${log}one line\r\n`).clues.map((c) => c.code)).not.toContain("crlf");
  });
});

describe("analyseSource", () => {
  it("gives the same summary for a Blob read in small slices as for the text", async () => {
    const text = fixture("go1.19-leak-scheddetail.txt").replaceAll("\n", "\r\n");
    const fromText = await analyseSource({ kind: "text", text });
    const fromBlob = await analyseSource({ kind: "blob", blob: new Blob([text]) }, { chunkSize: 777 });
    expect(fromBlob).toEqual(fromText);
    expect(fromText.clues.map((c) => c.code)).toContain("crlf");
  });

  it("reports progress and stops when cancelled", async () => {
    const text = fixture("go1.27-leak-scheddetail.txt");
    const seen: number[] = [];
    await expect(
      analyseSource(
        { kind: "text", text },
        { chunkSize: 1000, onProgress: (p) => seen.push(p.done), cancelled: () => seen.length >= 3 },
      ),
    ).rejects.toThrow("cancelled");
    expect(seen).toEqual([1000, 2000, 3000]);
  });

  it("ends its progress with the summary's count of lines, a last line without a newline included", async () => {
    const lines: number[] = [];
    const summary = await analyseSource(
      { kind: "text", text: "hello\nGC forced\nno newline at the end" },
      { onProgress: (p) => lines.push(p.lines) },
    );
    expect(summary.lines).toBe(3);
    expect(lines.at(-1)).toBe(3);
  });

  it("cuts a single 3 MB line and says so", async () => {
    const s = await analyseSource({ kind: "blob", blob: new Blob(["x".repeat(3 << 20)]) });
    expect(s.notes).toContain("long-line");
    expect(s.problems.samples[0]?.message).toMatch(/^line too long/);
  });
});

describe("exportSource", () => {
  it("writes the CLI's JSON Lines and CSV", async () => {
    const text = fixture("go1.26-torn-gctrace.txt");
    const records = parseLog(text);
    const jsonl = await (
      await exportSource({ kind: "blob", blob: new Blob([text]) }, "jsonl", { chunkSize: 500 })
    ).text();
    expect(jsonl).toBe(records.map((r) => JSON.stringify(r) + "\n").join(""));
    const csv = await (await exportSource({ kind: "text", text }, "csv")).text();
    expect(csv.startsWith(csvHeader())).toBe(true);
    expect(csv.split("\r\n").length - 2).toBe(records.length);
  });
});
