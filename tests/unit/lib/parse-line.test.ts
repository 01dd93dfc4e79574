import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LogParser, parseLog } from "../../../src/lib/parse/log-parser.ts";
import { parseLine } from "../../../src/lib/parse/parse-line.ts";
import { parseScavLine } from "../../../src/lib/parse/parse-scavtrace.ts";
import { formatGctraceLine } from "../../../src/lib/parse/parse-gctrace.ts";
import { coveredLines, fixture, lineCount, oneTo } from "./fixtures.ts";

const ctx = { schedTMs: null };

describe("parseLine classifies every kind of line", () => {
  it("GC forced, then a scav line, then its gc line without (forced) (Go 1.26 sample)", () => {
    const records = parseLog(
      "GC forced\n" +
        "scav 2880 KiB work (bg), 0 KiB work (eager), 4928 KiB now, 2% util\n" +
        "gc 6 @121.079s 0%: 0.74+0.41+0.005 ms clock, 1.4+0/0.33/0.16+0.010 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n",
    );
    expect(records.map((r) => r.kind)).toEqual(["gc-forced", "scav", "gc"]);
    expect(records[2]).toMatchObject({ n: 6, t: 121.079, forced: false });
  });

  it("real idle runs print GC forced before the 2-minute GC", () => {
    for (const v of ["1.19", "1.26", "1.27"]) {
      const records = parseLog(fixture(`go${v}-idle-gc-forced.txt`));
      const i = records.findIndex((r) => r.kind === "gc-forced");
      const next = records.slice(i + 1).find((r) => r.kind === "gc");
      expect(next).toMatchObject({ forced: false });
      expect(next?.kind === "gc" && next.t).toBeGreaterThan(120);
    }
  });

  it("pacer lines are other with source pacer; program output is other with source program", () => {
    expect(parseLine("pacer: assist ratio=0.9038899739583334 (scan 0 MB in 3->4 MB) workers=0+0.25", 1, ctx)).toEqual({
      kind: "other",
      line: 1,
      text: "pacer: assist ratio=0.9038899739583334 (scan 0 MB in 3->4 MB) workers=0+0.25",
      source: "pacer",
    });
    expect(parseLine("request 0: gave up waiting", 2, ctx)).toEqual({
      kind: "other",
      line: 2,
      text: "request 0: gave up waiting",
      source: "program",
    });
  });

  it("a blank line is other with empty text", () => {
    expect(parseLine("", 5, ctx)).toEqual({ kind: "other", line: 5, text: "", source: "program" });
  });

  it("a trailing CR is not part of the line", () => {
    expect(parseLine("GC forced\r", 1, ctx)).toEqual({ kind: "gc-forced", line: 1 });
  });

  it.each([
    ["gc goroutines: 6", "malformed gctrace line"],
    ["SCHED 109ms: gomaxprocs=2 idleprocs=2 thr", "malformed schedtrace"],
    ["  M3: p=nil curg=", "malformed scheddetail M line"],
    ["  P0: status=1 schedtick=0", "malformed scheddetail P line"],
    ["  G7: status=4(chan receive) m=nil lockedm=nilgoroutines: 3", "malformed scheddetail G line"],
    ["scav 0 KiB work (bg), 0 KiB", "malformed scavtrace line"],
    ["GC forcedgoroutines: 3", "GC forced"],
    [" ms clock, goroutines: 3", "torn gctrace"],
    [" MB stacks, goroutines: 3", "torn gctrace"],
    [
      "4 @0.156s 0%: 0.037+0.34+0.003 ms clock, 0.075+0/0.16/0.13+0.007 ms cpu, 5->5->3 MB, 7 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
      "torn gctrace",
    ],
    ['{"level":"info"}gc 118 @917.797s 9%: 82', "starts in the middle"],
    ["ELF\u0000\u0001", "binary data"],
    ["caf\uFFFD latte", "binary data"],
  ])("%j is an error (%s)", (text, message) => {
    const r = parseLine(text, 9, ctx);
    expect(r.kind).toBe("error");
    expect(r.kind === "error" && r.message).toContain(message);
    expect(r).toMatchObject({ line: 9, text });
  });

  it.each([
    ["gc goroutines: 6", "malformed-gctrace"],
    ["SCHED 109ms: gomaxprocs=2 idleprocs=2 thr", "malformed-sched"],
    ["  P0: status=1 schedtick=0", "malformed-p"],
    ["  M3: p=nil curg=", "malformed-m"],
    ["  G7: status=4(chan receive) m=nil lockedm=nilgoroutines: 3", "malformed-g"],
    ["scav 0 KiB work (bg), 0 KiB", "malformed-scavtrace"],
    ["GC forcedgoroutines: 3", "malformed-gc-forced"],
    ['{"level":"info"}gc 118 @917.797s 9%: 82', "torn-line"],
    [" MB stacks, goroutines: 3", "torn-piece"],
    ["gc 1 @0.01s 0%: \u0000", "binary-data"],
    ["pacer: caf\uFFFD", "binary-data"],
  ])("%j has the reason code %s", (text, reason) => {
    expect(parseLine(text, 3, ctx)).toMatchObject({ kind: "error", reason });
  });

  it("a line cut for its length is a line-too-long error that says how much was cut", () => {
    const parser = new LogParser(10);
    const [record] = parser.push("gc 1 @0.000s 0%: a line far too long\n");
    expect(record).toMatchObject({ kind: "error", line: 1, reason: "line-too-long", text: "gc 1 @0.00" });
    expect(record?.kind === "error" && record.message).toMatch(/^line too long: 26 characters/);
  });

  it("program output that merely looks similar stays other", () => {
    for (const text of [
      "gcloud: done",
      "SCHEDULED 3 jobs",
      "  Processing item 4",
      "scavenger hunt",
      "GC is fine",
      "  Got 3 results",
    ]) {
      expect(parseLine(text, 1, ctx).kind).toBe("other");
    }
  });

  it("the torn fixtures: the gctrace line is put back together, the program's text between its pieces is other", () => {
    for (const name of ["go1.19-torn-gctrace.txt", "go1.26-torn-gctrace.txt"]) {
      const text = fixture(name);
      // Independently of the parser: without the program's lines, the runtime's pieces meet again.
      const whole = text
        .replace(/goroutines: \d+\n/g, "")
        .split("\n")
        .find((l) => l.startsWith("gc "));
      const records = parseLog(text);
      const gcs = records.filter((r) => r.kind === "gc");
      expect(gcs).toHaveLength(1);
      expect(formatGctraceLine(gcs[0]!)).toBe(whole);
      expect(records.filter((r) => r.kind === "error")).toEqual([]);
      const programLines = text.match(/goroutines: \d+/g) ?? [];
      expect(records.filter((r) => r.kind === "other" && /^goroutines: \d+$/.test(r.text))).toHaveLength(
        programLines.length,
      );
      // The note names every line that held a piece: each line with text before the program's,
      // the first line, and the runtime's own newline (the blank line after the last piece).
      const lines = text.split("\n");
      const pieceLines = lines.flatMap((l, i) =>
        /^.+goroutines: \d+$/.test(l) && !l.startsWith("goroutines") ? [i + 1] : [],
      );
      const first = lines.findIndex((l) => l.startsWith("gc ")) + 1;
      const blank = lines.findIndex((l, i) => i > first && l === "") + 1;
      const note = records.find((r) => r.kind === "note");
      expect(note).toMatchObject({ reason: "joined", line: first, lines: [...new Set([first, ...pieceLines, blank])] });
    }
  });
});

describe("scav lines in all three formats", () => {
  it("old (Go 1.15-era) with generation", () => {
    expect(parseScavLine("scav 14 1024 KiB work, 2048 KiB total, 87% util", 1)).toMatchObject({
      form: "old",
      gen: 14,
      workKiB: 1024,
      retainedKiB: 2048,
      utilPercent: 87,
      eagerKiB: null,
    });
  });
  it("Go 1.19, plain, forced and controller reset", () => {
    expect(parseScavLine("scav 0 KiB work, 3544 KiB total, 99% util", 1)).toMatchObject({
      form: "1.19",
      workKiB: 0,
      retainedKiB: 3544,
      forced: false,
      controllerReset: false,
    });
    expect(parseScavLine("scav 3344 KiB work, 7552 KiB total, 100% util (forced)", 1)).toMatchObject({ forced: true });
    expect(parseScavLine("scav 64 KiB work, 7552 KiB total, 40% util [controller reset]", 1)).toMatchObject({
      controllerReset: true,
      forced: false,
    });
  });
  it("Go 1.21+: bg and eager work, now", () => {
    expect(
      parseScavLine("scav 0 KiB work (bg), 1640 KiB work (eager), 7496 KiB now, 93% util (forced)", 1),
    ).toMatchObject({
      form: "1.21+",
      workKiB: 0,
      eagerKiB: 1640,
      retainedKiB: 7496,
      utilPercent: 93,
      forced: true,
    });
  });
  it("real runs: 1.19 form on Go 1.19, 1.21+ form on 1.26/1.27, and one forced line after FreeOSMemory", () => {
    for (const [v, form] of [
      ["1.19", "1.19"],
      ["1.26", "1.21+"],
      ["1.27", "1.21+"],
    ]) {
      const scavs = parseLog(fixture(`go${v}-tick-schedtrace-scav-pacer.txt`)).filter((r) => r.kind === "scav");
      expect(scavs.length).toBeGreaterThan(5);
      expect(scavs.every((s) => s.form === form)).toBe(true);
      expect(scavs.filter((s) => s.forced)).toHaveLength(1);
    }
  });
});

describe("every fixture line is accounted for", () => {
  const names = readdirSync(new URL("../../fixtures/logs/", import.meta.url)).filter(
    (n) => n.startsWith("go") && n.endsWith(".txt") && !n.includes("profile"),
  );
  it.each(names)("%s: every line has a record or is named by one, in line order, no errors", (name) => {
    const text = fixture(name);
    const records = parseLog(text);
    expect(coveredLines(records)).toEqual(oneTo(lineCount(text)));
    const order = records.map((r) => r.line);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(records.filter((r) => r.kind === "error")).toEqual([]);
  });

  it("CRLF input gives the same records as LF input", () => {
    const lf = fixture("go1.26-leak-scheddetail.txt");
    expect(parseLog(lf.replaceAll("\n", "\r\n"))).toEqual(parseLog(lf));
  });

  it("feeding a log in tiny chunks gives the same records as all at once", () => {
    const text = fixture("go1.19-leak-scheddetail.txt").replaceAll("\n", "\r\n");
    const parser = new LogParser();
    const records = [];
    for (let i = 0; i < text.length; i += 7) records.push(...parser.push(text.slice(i, i + 7)));
    records.push(...parser.end());
    expect(records).toEqual(parseLog(text));
  });
});
