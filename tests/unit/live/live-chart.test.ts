import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { liveChartGeometry, liveExtent, niceTicks } from "../../../src/lib/live/live-chart.ts";
import { RECORDED_PARAMS } from "../../../src/lib/live/live-params.ts";
import type { LiveHeapPoint } from "../../../src/lib/live/live-output.ts";

const frame = { width: 360, height: 220, marginTop: 20, marginRight: 12, marginBottom: 38, marginLeft: 44 };
const point = (t: number, liveMiB: number, goalMiB: number, forced = true): LiveHeapPoint => ({
  t,
  liveMiB,
  goalMiB,
  forced,
  leakCheck: false,
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten from 0 up to the top, as Plot's axes do", () => {
    // The recorded chart's y axis, 360 × 220 with a top of 105 MiB (tests/snapshots/heap-leak-fix-timeout-360.svg).
    expect(niceTicks(105, 162 / 35)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1050, 202 / 35)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(7, 7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(niceTicks(0, 5)).toEqual([0]);
  });
});

describe("liveChartGeometry", () => {
  it("draws each GC's values as a step that holds until the next, and the last one until now", () => {
    const g = liveChartGeometry([point(1, 30, 60), point(2, 0, 4)], frame, { end: 7, top: 60 }, 3);
    // x: 44 + t/7 × 304; y: 182 − MiB/63 × 162.
    expect(g.live).toBe("M87.43,104.86H130.86V182H174.29");
    expect(g.goal).toBe("M87.43,27.71H130.86V171.71H174.29");
    expect(g.gcs.map((d) => [Math.round(d.x), Math.round(d.y), d.forced])).toEqual([
      [87, 105, true],
      [131, 182, true],
    ]);
    expect(g.yTicks.map((t) => t.label)).toEqual(["0", "10", "20", "30", "40", "50", "60"]);
    expect(g.xTicks.at(-1)).toEqual({ at: 348, label: "7" });
  });

  it("draws nothing before the first gctrace line", () => {
    const g = liveChartGeometry([], frame, { end: 7, top: 100 }, 0.5);
    expect([g.live, g.goal, g.gcs]).toEqual(["", "", []]);
  });
});

describe("liveExtent", () => {
  it("holds the planned run and the expected heap, and grows past them only for what was printed", () => {
    expect(liveExtent([], 7, 100)).toEqual({ end: 7, top: 100 });
    expect(liveExtent([point(7.4, 30, 120)], 7, 100)).toEqual({ end: 7.4, top: 120 });
  });
});

describe("RECORDED_PARAMS", () => {
  it("are the recorded programs' own numbers: five collectors of 10 MiB", () => {
    for (const program of ["leak", "fix-timeout", "fix-close", "fix-context"]) {
      const source = readFileSync(`recorder/programs/${program}/main.go`, "utf8");
      expect(source).toContain(`for i := 0; i < ${String(RECORDED_PARAMS.goroutines)}; i++ {`);
      expect(source).toContain(`make([]byte, 0, ${String(RECORDED_PARAMS.bufferMiB)}<<20)`);
    }
  });
});
