import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countStates, parseGoroutineHeader } from "../../../src/lib/live/goroutine-dump.ts";
import { LiveOutput, liveHeapPoints, type OutputStream } from "../../../src/lib/live/live-output.ts";

/** A run of the live module (tests/fixtures/live, made by scripts/live-fixtures.mjs), fed line by line. */
function readRun(name: string): LiveOutput {
  const out = new LiveOutput();
  for (const stream of ["stderr", "stdout"] as OutputStream[]) {
    const text = readFileSync(new URL(`../../fixtures/live/${name}-${stream}.txt`, import.meta.url), "utf8");
    for (const line of text.split("\n").slice(0, -1)) out.push(stream, line);
  }
  return out;
}

describe("LiveOutput", () => {
  it("reads the leak's gctrace: every forced GC finds the 3 × 10 MiB still live", () => {
    const out = readRun("leak");
    const forced = out.gcs.filter((g) => g.forced);
    expect(forced.map((g) => g.heapMB[2])).toEqual([30, 30, 30]);
    expect(forced.map((g) => g.procs)).toEqual([1, 1, 1]);
    expect(out.gcs.at(-1)?.leakCheck).toBe(true);
    const points = liveHeapPoints(out.gcs);
    expect(points.map((p) => p.liveMiB)).toEqual([30, 30, 30, 30]);
    // A point stands at the end of its cycle: after the start the line gives.
    for (const [i, p] of points.entries()) expect(p.t).toBeGreaterThan(out.gcs[i]!.t);
  });

  it("reads each dump's goroutines and the leak profile's total", () => {
    const out = readRun("leak");
    expect(out.dumps.map((d) => d.moment)).toEqual([
      { kind: "forced-gc", n: 1, of: 2 },
      { kind: "forced-gc", n: 2, of: 2 },
      { kind: "leak-check" },
    ]);
    const first = out.dumps[0]!.goroutines;
    expect(countStates(first.filter((g) => g.program))).toEqual([
      { state: "chan receive", leaked: false, count: 3 },
      { state: "running", leaked: false, count: 1 },
    ]);
    // The event-handling goroutine of js/wasm is the runtime's, not the program's.
    expect(first.filter((g) => !g.program).map((g) => g.state)).toEqual(["waiting"]);
    expect(out.leakProfile?.total).toBe(3);
    expect(out.leakProfile?.stacks[0]?.frames[0]?.func).toBe("main.collect");
    const last = out.dumps[2]!.goroutines.filter((g) => g.program);
    expect(countStates(last)).toEqual([
      { state: "chan receive", leaked: true, count: 3 },
      { state: "running", leaked: false, count: 1 },
    ]);
    expect(out.fatal).toEqual([]);
  });

  it("with close, the live heap falls and nobody is left to leak", () => {
    const out = readRun("close");
    const forced = out.gcs.filter((g) => g.forced).map((g) => g.heapMB[2]);
    expect(forced.at(-1)).toBeLessThan(4);
    expect(out.leakProfile?.total).toBe(0);
    expect(
      out.dumps
        .at(-1)
        ?.goroutines.filter((g) => g.program)
        .map((g) => g.state),
    ).toEqual(["running"]);
  });

  it("keeps the runtime's own words when it runs out of memory, not its stacks", () => {
    const out = readRun("oom");
    expect(out.fatal).toEqual([
      expect.stringMatching(/^runtime: out of memory: cannot allocate 31457280-byte block \(\d+ in use\)$/),
      "fatal error: out of memory",
    ]);
    expect(out.dumps).toEqual([]);
  });
});

describe("parseGoroutineHeader", () => {
  it("reads the state, the leaked mark, and the dying runtime's longer header", () => {
    expect(parseGoroutineHeader("goroutine 7 [chan receive]:")).toEqual({
      id: 7,
      state: "chan receive",
      leaked: false,
    });
    expect(parseGoroutineHeader("goroutine 7 [chan receive (leaked)]:")).toEqual({
      id: 7,
      state: "chan receive",
      leaked: true,
    });
    expect(parseGoroutineHeader("goroutine 9 [select, 2 minutes]:")?.state).toBe("select");
    expect(parseGoroutineHeader("goroutine 1 gp=0x2821c0 m=nil [sleep]:")).toEqual({
      id: 1,
      state: "sleep",
      leaked: false,
    });
    expect(parseGoroutineHeader("main.collect(...)")).toBeNull();
    expect(parseGoroutineHeader("goroutine 7 [chan receive]")).toBeNull();
  });
});
