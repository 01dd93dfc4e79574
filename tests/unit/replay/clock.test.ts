import { describe, expect, it } from "vitest";
import { advance, seek, toggle } from "../../../src/lib/replay/clock.ts";

const clock = { t: 1, playing: true, speed: 2, end: 6 };

describe("the replay clock", () => {
  it("runs at its speed and stops at the end", () => {
    expect(advance(clock, 500).t).toBeCloseTo(2);
    const ended = advance(clock, 10_000);
    expect(ended).toEqual({ ...clock, t: 6, playing: false });
  });

  it("does not move while paused", () => {
    expect(advance({ ...clock, playing: false }, 1000).t).toBe(1);
  });

  it("rewinds when played from the end, and seeks within the recording", () => {
    expect(toggle({ ...clock, t: 6, playing: false })).toEqual({ ...clock, t: 0, playing: true });
    expect(toggle(clock).playing).toBe(false);
    expect(seek(clock, -3).t).toBe(0);
    expect(seek(clock, 99).t).toBe(6);
  });
});
