import { describe, expect, it } from "vitest";
import { downsampleMinMax, MinMaxSeries, StrideSample, type XY } from "../../../src/lib/lab/downsample.ts";

const series = (n: number, f: (i: number) => number): XY[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe("downsampleMinMax", () => {
  it("returns short series unchanged", () => {
    const s = series(10, (i) => i * i);
    expect(downsampleMinMax(s, 5)).toEqual(s);
  });

  it("keeps a one-point spike in a long flat series", () => {
    const s = series(100_000, (i) => (i === 73_421 ? 500 : 1));
    const out = downsampleMinMax(s, 100);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).toContainEqual({ x: 73_421, y: 500 });
  });

  it("keeps each bucket's low and high in x order", () => {
    const s = series(1000, (i) => Math.sin(i / 7) * 100);
    const out = downsampleMinMax(s, 50);
    for (let i = 1; i < out.length; i++) expect(out[i]?.x).toBeGreaterThan(out[i - 1]?.x ?? Infinity);
    expect(Math.max(...out.map((p) => p.y))).toBe(Math.max(...s.map((p) => p.y)));
    expect(Math.min(...out.map((p) => p.y))).toBe(Math.min(...s.map((p) => p.y)));
  });
});

describe("MinMaxSeries", () => {
  it("keeps everything while under capacity", () => {
    const m = new MinMaxSeries(100);
    for (const p of series(50, (i) => i % 3)) m.push(p.x, p.y);
    expect(m.points()).toEqual(series(50, (i) => i % 3));
  });

  it("stays bounded and keeps the global peak and trough of a million points", () => {
    const m = new MinMaxSeries(300);
    for (let i = 0; i < 1_000_000; i++) m.push(i, i === 654_321 ? 1e6 : i === 12_345 ? -5 : (i * 7919) % 100);
    const out = m.points();
    expect(out.length).toBeLessThanOrEqual(2 * 300 + 2);
    expect(out).toContainEqual({ x: 654_321, y: 1e6 });
    expect(out).toContainEqual({ x: 12_345, y: -5 });
    for (let i = 1; i < out.length; i++) expect(out[i]?.x).toBeGreaterThanOrEqual(out[i - 1]?.x ?? Infinity);
    expect(m.length).toBe(1_000_000);
  });
});

describe("StrideSample", () => {
  it("keeps an even sample, never more than its capacity", () => {
    const s = new StrideSample<number>(10);
    for (let i = 0; i < 1000; i++) s.push(i);
    const items = s.items();
    expect(items.length).toBeLessThan(10);
    expect(items[0]).toBe(0);
    const gaps = new Set(items.slice(1).map((v, i) => v - (items[i] ?? NaN)));
    expect(gaps.size).toBe(1);
    expect(s.seen).toBe(1000);
  });
});
