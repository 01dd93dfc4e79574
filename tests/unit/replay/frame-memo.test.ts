import { describe, expect, it } from "vitest";
import { frameAt, frameMemo, type ReplayFrame } from "../../../src/lib/replay/frame.ts";
import { toTicks, type ReplayVariant } from "../../../src/lib/replay/replay-data.ts";
import { fixReplayVariants } from "../../../src/server/replay.ts";

// The replay cell asks frameAt for a frame on every animation frame with one memo; the views skip
// their work when the frame's parts are the objects they saw last. These tests hold the memo to
// giving the frames a fresh computation gives, whichever way and however far the clock moves.

const variants = fixReplayVariants();

/** Ticks as a reader visits them: playing at 60 frames a second, then scrubbing back and jumping. */
function visits(v: ReplayVariant): number[] {
  const ticks: number[] = [];
  for (let t = 0; toTicks(t) <= v.end; t += 1 / 60) ticks.push(toTicks(t));
  for (let t = v.end; t >= 0; t -= 37) ticks.push(t);
  let seed = 7;
  for (let i = 0; i < 400; i++) {
    seed = (seed * 48271) % 2147483647;
    ticks.push(seed % (v.end + 1));
  }
  // Exactly at every recorded change, and one tick before it: where a window starts and ends.
  for (const g of v.goroutines)
    for (const x of [g.start, g.exit, g.freed, ...g.spans.map((s) => s.from)])
      if (x !== null) ticks.push(x - 1, x, x + 1);
  for (const w of v.waits) ticks.push(w.from - 1, w.from, w.to - 1, w.to);
  return ticks;
}

describe("frameAt with a memo", () => {
  it("gives the same frame as a fresh computation at every tick a reader can reach, forwards, backwards and by jumps", () => {
    for (const v of variants) {
      const memo = frameMemo();
      for (const tick of visits(v))
        expect(frameAt(v, tick, memo), `${v.key} at tick ${tick}`).toEqual(frameAt(v, tick));
    }
  });

  it("keeps the goroutines, counts, collectors and wait lines as the same objects between most frames of a run", () => {
    for (const v of variants) {
      const memo = frameMemo();
      let recomputed = 0;
      let frames = 0;
      let last: ReplayFrame | null = null;
      for (let t = 0; toTicks(t) <= v.end; t += 1 / 60, frames++) {
        const f = frameAt(v, toTicks(t), memo);
        if (last !== null && f.goroutines !== last.goroutines) recomputed++;
        else if (last !== null) expect(f.collectors).toBe(last.collectors);
        last = f;
      }
      // A recording's goroutines change state a few dozen times in six seconds, against 377 frames.
      expect(recomputed, `${v.key}: ${String(recomputed)} of ${String(frames)} frames recomputed`).toBeLessThan(
        frames / 4,
      );
    }
  });

  it("starts afresh for another program", () => {
    const [a, b] = variants;
    if (!a || !b) throw new Error("two recorded programs expected");
    const memo = frameMemo();
    const tick = toTicks(3);
    frameAt(a, tick, memo);
    expect(frameAt(b, tick, memo)).toEqual(frameAt(b, tick));
  });
});
