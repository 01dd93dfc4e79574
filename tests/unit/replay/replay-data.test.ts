import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRecording } from "../../../src/lib/recording/build-recording.ts";
import { replayVariant, toTicks } from "../../../src/lib/replay/replay-data.ts";
import {
  countsAt,
  heapAt,
  logIndexAt,
  neighbourStep,
  stepTicks,
  waitingLinesAt,
} from "../../../src/lib/replay/replay-lookup.ts";

function load(program: string) {
  const dir = `traces/${program}/go1.27.3/`;
  const recording = buildRecording({
    stderr: readFileSync(`${dir}stderr.log`, "utf8"),
    metrics: readFileSync(`${dir}metrics.jsonl`, "utf8"),
    transitions: readFileSync(`${dir}transitions.jsonl`, "utf8"),
    meta: readFileSync(`${dir}meta.json`, "utf8"),
  });
  return replayVariant({ key: program, program, label: program }, recording);
}

describe("replay data from the committed recordings", () => {
  const leak = load("leak");
  const timeout = load("fix-timeout");

  it("keeps lanes ordered, non-overlapping and inside the run", () => {
    for (const v of [leak, timeout]) {
      expect(v.lanes.map((l) => l.owner)).toEqual(
        [...v.lanes.map((l) => l.owner)].sort(
          (a, b) => ["user", "runtime", "probe"].indexOf(a) - ["user", "runtime", "probe"].indexOf(b),
        ),
      );
      for (const lane of v.lanes) {
        lane.spans.forEach((s, i) => {
          expect(s.to).toBeGreaterThan(s.from);
          if (i > 0) expect(s.from).toBeGreaterThanOrEqual(lane.spans[i - 1]!.to);
        });
      }
    }
  });

  it("says the leak holds about 50 MiB and five collectors wait at line 15 at the end", () => {
    const end = leak.end;
    expect(heapAt(leak, end)?.live).toBeGreaterThanOrEqual(50);
    expect(waitingLinesAt(leak, end - 10)).toEqual(new Map([[15, 5]]));
    expect(countsAt(leak, toTicks(3)).user.get("waiting")).toBe(6); // five collectors and main, asleep
  });

  it("says the timeout fix drops the heap and frees its collectors", () => {
    expect(heapAt(timeout, timeout.end)?.live).toBeLessThan(5);
    expect(waitingLinesAt(timeout, toTicks(1)).get(16)).toBe(5);
    expect(waitingLinesAt(timeout, toTicks(4)).size).toBe(0);
  });

  it("reveals log lines in order and steps between events", () => {
    expect(logIndexAt(leak, -1)).toBe(-1);
    expect(logIndexAt(leak, leak.end)).toBe(leak.log.length - 1);
    const steps = stepTicks(leak);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // Each step moves the two-decimal time readout: none is within 0.01 s of the one before.
    expect(steps.slice(1).every((t, i) => t - (steps[i] ?? 0) >= toTicks(0.01))).toBe(true);
    // ... and the forced GCs, a second apart, are each a step of their own.
    for (const g of leak.gcs.filter((x) => x.forced && !x.leakCheck)) expect(steps).toContain(g.t);
    const next = neighbourStep(steps, toTicks(1.5), 1, leak.end);
    expect(next).toBeGreaterThan(toTicks(1.5));
    expect(neighbourStep(steps, next, -1, leak.end)).toBeLessThan(next);
  });
});
