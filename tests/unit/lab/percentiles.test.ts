import { describe, expect, it } from "vitest";
import { nearestRank, NumberList, percentiles } from "../../../src/lib/lab/percentiles.ts";

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 50)).toBe(50);
    expect(nearestRank(sorted, 99)).toBe(99);
    expect(nearestRank(sorted, 100)).toBe(100);
    expect(nearestRank(Float64Array.of(3), 50)).toBe(3);
  });

  it("sorts numerically, not as text", () => {
    expect(percentiles(Float64Array.of(10, 9, 0.5, 100, 2))).toEqual({ count: 5, p50: 9, p99: 100, max: 100 });
  });

  it("is null without values", () => {
    expect(percentiles(new Float64Array(0))).toBeNull();
  });

  it("grows a NumberList past its first block", () => {
    const l = new NumberList();
    for (let i = 0; i < 5000; i++) l.push(i / 2);
    expect(l.length).toBe(5000);
    expect(l.toArray()[4999]).toBe(2499.5);
  });
});
