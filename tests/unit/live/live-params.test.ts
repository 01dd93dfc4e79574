import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AFTER_SECONDS,
  clampParams,
  formatCommand,
  liveCommand,
  LIVE_LIMITS,
  RECORDED_PARAMS,
} from "../../../src/lib/live/live-params.ts";

const input = (goroutines: string, bufferMiB: string, fix = "none", gogc = "") => ({
  goroutines,
  bufferMiB,
  fix,
  gogc,
});

describe("clampParams", () => {
  it("keeps values within range as they are, with no note", () => {
    expect(clampParams(input("3", "10", "close"))).toEqual({
      params: { goroutines: 3, bufferMiB: 10, fix: "close", gogc: null },
      notes: [],
    });
  });

  it("clamps each field to its range and says so", () => {
    const { params, notes } = clampParams(input("0", "80", "timeout", "5"));
    expect(params).toEqual({ goroutines: 1, bufferMiB: 50, fix: "timeout", gogc: 10 });
    expect(notes.map((n) => [n.field, n.reason, n.asked, n.used])).toEqual([
      ["goroutines", "below-min", "0", 1],
      ["bufferMiB", "above-max", "80", 50],
      ["gogc", "below-min", "5", 10],
    ]);
  });

  it("lowers the buffer until goroutines × buffer fits the tab", () => {
    const { params, notes } = clampParams(input("20", "50"));
    expect(params.goroutines * params.bufferMiB).toBeLessThanOrEqual(LIVE_LIMITS.totalMiB);
    expect(params).toMatchObject({ goroutines: 20, bufferMiB: 25 });
    expect(notes).toEqual([{ field: "bufferMiB", reason: "total-cap", asked: "50", used: 25 }]);
  });

  it("falls back to the recorded programs' values for text that is no number, and to leak for an unknown fix", () => {
    const { params, notes } = clampParams(input("many", "", "bogus"));
    expect(params).toEqual({ ...RECORDED_PARAMS, fix: "none" });
    expect(notes.map((n) => n.reason)).toEqual(["not-a-number", "not-a-number"]);
  });
});

describe("liveCommand", () => {
  it("passes the flags of recorder/programs/live/main.go and GODEBUG=gctrace=1", () => {
    const c = liveCommand({ goroutines: 3, bufferMiB: 10, fix: "timeout", gogc: 50 });
    expect(formatCommand(c)).toBe(
      "GODEBUG=gctrace=1 GOGC=50 ./live -goroutines=3 -buffer=10 -fix=timeout -after=2.5s -gcs=6",
    );
    const source = readFileSync("recorder/programs/live/main.go", "utf8");
    // Every flag the widget passes is one the program defines (flag.Int("goroutines", …)).
    const defined = [...source.matchAll(/flag\.\w+\("(\w+)"/g)].map((m) => m[1]);
    expect(c.argv.slice(1).map((a) => /^-(\w+)=/.exec(a)?.[1])).toEqual(defined);
  });

  it("waits as long as the recorded fixes did", () => {
    expect(readFileSync("recorder/programs/fix-timeout/main.go", "utf8")).toContain(
      `time.After(${String(AFTER_SECONDS.timeout * 1000)} * time.Millisecond)`,
    );
    expect(readFileSync("recorder/programs/fix-context/main.go", "utf8")).toContain(
      `context.WithTimeout(context.Background(), ${String(AFTER_SECONDS.context)}*time.Second)`,
    );
  });
});
