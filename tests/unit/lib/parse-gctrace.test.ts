import { describe, expect, it } from "vitest";
import { formatGctraceLine, parseGctraceLine } from "../../../src/lib/parse/parse-gctrace.ts";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import type { GcRecord } from "../../../src/lib/parse/trace-records.ts";
import { fixture } from "./fixtures.ts";

const gcs = (name: string) => parseLog(fixture(name)).filter((r): r is GcRecord => r.kind === "gc");

describe("parseGctraceLine", () => {
  it("reads every field of a Go 1.19 forced GC line", () => {
    const line =
      "gc 4 @0.305s 0%: 0.077+0.21+0.002 ms clock, 0.15+0/0.062/0.11+0.005 ms cpu, 50->50->50 MB, 80 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)";
    expect(parseGctraceLine(line, 60)).toEqual({
      kind: "gc",
      line: 60,
      n: 4,
      t: 0.305,
      cpuPercent: 0,
      clockMs: [0.077, 0.21, 0.002],
      cpuMs: [0.15, 0, 0.062, 0.11, 0.005],
      heapMB: [50, 50, 50],
      goalMB: 80,
      stacksMB: 0,
      globalsMB: 0,
      procs: 2,
      forced: true,
      leakCheck: false,
    });
  });

  it("recognises the Go 1.26+ leak-check marker together with (forced)", () => {
    const r = parseGctraceLine(
      "gc 5 @0.460s 0% (checking for goroutine leaks): 0.16+0.36+0.002 ms clock, 0.32+0/0.13/0.12+0.004 ms cpu, 50->50->50 MB, 100 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)",
      1,
    );
    expect(r?.leakCheck).toBe(true);
    expect(r?.forced).toBe(true);
    expect(r?.cpuPercent).toBe(0);
  });

  it("accepts the pre-1.18 format without stacks and globals (as null)", () => {
    const r = parseGctraceLine(
      "gc 12 @3.104s 2%: 0.021+1.5+0.040 ms clock, 0.085+0.10/1.2/2.9+0.16 ms cpu, 4->4->2 MB, 5 MB goal, 4 P",
      3,
    );
    expect(r).toMatchObject({
      n: 12,
      t: 3.104,
      heapMB: [4, 4, 2],
      goalMB: 5,
      stacksMB: null,
      globalsMB: null,
      procs: 4,
    });
  });

  it("keeps whole-ms values of long phases (fmtNSAsMS prints >= 10 ms without decimals)", () => {
    const r = parseGctraceLine(
      "gc 1 @0.415s 5%: 4.1+108+0.091 ms clock, 8.2+0.19/58/0+0.18 ms cpu, 67->72->24 MB, 70 MB goal, 0 MB stacks, 1 MB globals, 2 P",
      1,
    );
    expect(r?.clockMs).toEqual([4.1, 108, 0.091]);
    expect(r?.globalsMB).toBe(1);
  });

  it.each([
    ["a torn start", "gc goroutines: 3"],
    ["a cut-off line", "gc 14 @0.021s 8%: 0.060+2.7+0.003 ms clock, 0.12+0.068"],
    ["a JSON log glued on", 'gc 118 @917.797s 9%: 82{"level":"info","msg":"request"}'],
    [
      "the Go 1.5 five-phase format",
      "gc 86 @11.635s 20%: 1.0+2.0+0+120+3.0 ms clock, 4.0+0+12/10/7.0+12 ms cpu, 40->41->20 MB, 41 MB goal, 4 P",
    ],
    [
      "a trailing space",
      "gc 1 @0.000s 12%: 0.18+0.17+0.006 ms clock, 0.36+0.086/0.076/0+0.012 ms cpu, 10->10->10 MB, 10 MB goal, 0 MB stacks, 0 MB globals, 2 P ",
    ],
  ])("rejects %s", (_name, line) => {
    expect(parseGctraceLine(line, 1)).toBeNull();
  });
});

describe("gctrace in real runs", () => {
  it.each([
    ["go1.19-leak-scheddetail.txt", 5],
    ["go1.26-leak-scheddetail.txt", 5],
    ["go1.27-leak-scheddetail.txt", 6],
  ])("%s: %i GCs, the forced ones with ~50 MB live", (name, count) => {
    const list = gcs(name);
    expect(list.map((g) => g.n)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const forced = list.filter((g) => g.forced);
    expect(forced.length).toBeGreaterThanOrEqual(2);
    for (const g of forced) expect(g.heapMB[2]).toBe(50);
    expect(list.filter((g) => !g.forced).every((g) => g.heapMB[2] < 50)).toBe(true);
  });

  it("only the Go 1.27 run's leak-profile GC checks for leaks", () => {
    expect(
      gcs("go1.27-leak-scheddetail.txt")
        .filter((g) => g.leakCheck)
        .map((g) => g.n),
    ).toEqual([5]);
    expect(gcs("go1.26-leak-scheddetail.txt").some((g) => g.leakCheck)).toBe(false);
    expect(gcs("go1.19-leak-scheddetail.txt").some((g) => g.leakCheck)).toBe(false);
  });

  it("GC times increase through a run", () => {
    for (const name of [
      "go1.19-tick-schedtrace-scav-pacer.txt",
      "go1.26-tick-schedtrace-scav-pacer.txt",
      "go1.27-tick-schedtrace-scav-pacer.txt",
    ]) {
      const ts = gcs(name).map((g) => g.t);
      expect(ts.length).toBeGreaterThan(10);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    }
  });

  it("every real gc line formats back to exactly its text", () => {
    for (const name of [
      "go1.19-leak-scheddetail.txt",
      "go1.26-tick-schedtrace-scav-pacer.txt",
      "go1.27-leak-scheddetail.txt",
      "go1.19-idle-gc-forced.txt",
    ]) {
      const lines = fixture(name).split("\n");
      for (const g of gcs(name)) expect(formatGctraceLine(g)).toBe(lines[g.line - 1]);
    }
  });
});
