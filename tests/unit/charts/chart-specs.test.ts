import { describe, expect, it } from "vitest";
import { CHARTED_STATES, goroutineSeries } from "../../../src/lib/charts/goroutine-series.ts";
import { heapChartOptions } from "../../../src/lib/charts/heap-chart.ts";
import { dropRepeats, heapSeries } from "../../../src/lib/charts/heap-series.ts";
import { stateAt } from "../../../src/lib/recording/recording-at.ts";
import { loadRecording } from "../../../src/server/traces.ts";

describe("heap series and chart spec", () => {
  it("the leak's curve is a staircase that never comes down: about 50 MiB live after the collectors start", () => {
    const s = heapSeries("leak", loadRecording("leak"));
    const live = s.points.map((p) => p.liveMiB);
    expect(Math.max(...live)).toBeGreaterThan(50);
    const firstBig = live.findIndex((m) => m >= 50);
    expect(live.slice(firstBig).every((m) => m >= 50)).toBe(true);
  });

  it("dropRepeats keeps the changes and the last point, so the step line is unchanged", () => {
    const pts = [
      { t: 0, liveMiB: 0, goalMiB: 4 },
      { t: 1, liveMiB: 0, goalMiB: 4 },
      { t: 2, liveMiB: 50, goalMiB: 100 },
      { t: 3, liveMiB: 50, goalMiB: 100 },
      { t: 4, liveMiB: 50, goalMiB: 100 },
    ];
    expect(dropRepeats(pts).map((p) => p.t)).toEqual([0, 2, 4]);
  });

  it("charts given one extent share their axes, whatever their own data reach", () => {
    const labels = { time: "s", heap: "MiB" };
    const size = { width: 720, height: 260 };
    const leak = heapChartOptions([heapSeries("a", loadRecording("leak"))], size, labels, { end: 7, top: 60 });
    const fix = heapChartOptions([heapSeries("b", loadRecording("fix-close"))], size, labels, { end: 7, top: 60 });
    expect(leak.x?.domain).toEqual([0, 7]);
    expect(fix.x?.domain).toEqual(leak.x?.domain);
    expect(fix.y?.domain).toEqual(leak.y?.domain);
  });
});

describe("goroutine series", () => {
  it("stacks the program's goroutines by state as stateAt counts them at every SCHED snapshot, as a step curve", () => {
    const rec = loadRecording("leak");
    const data = goroutineSeries("leak", rec);
    const times = [...new Set(data.map((d) => d.t))];
    // Only the snapshots where a count changed are kept (and the first and last): far fewer points.
    expect(times[0]).toBe(rec.snapshots[0]?.t);
    expect(times.at(-1)).toBe(rec.snapshots.at(-1)?.t);
    expect(times.length).toBeLessThan(rec.snapshots.length / 3);
    for (const snapshot of rec.snapshots) {
      // Drawn step-after, the curve at each snapshot is the last kept point at or before it.
      const kept = times.filter((t) => t <= snapshot.t).at(-1);
      const at = data.filter((d) => d.t === kept);
      const counts = stateAt(rec, snapshot.t).userCounts;
      expect(at.map((d) => d.count)).toEqual(CHARTED_STATES.map((s) => counts[s]));
      // Each state sits on the one below it.
      at.forEach((d, i) => {
        expect(d.y1).toBe(i === 0 ? 0 : at[i - 1]?.y2);
        expect(d.y2 - d.y1).toBe(d.count);
      });
    }
  });
});
