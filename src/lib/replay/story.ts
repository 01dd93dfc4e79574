import { lastIndexAtOrBefore } from "../search.ts";
import type { FixKind, ReplayVariant } from "./replay-data.ts";

/**
 * A moment of the story the replay's Previous/Next step through, with the numbers its one-sentence
 * caption quotes. Every time and number comes from the recording: goroutine starts and exits from
 * the execution trace, GC cycles from gctrace, the leaked status from scheddetail, the leak count
 * from the goroutine leak profile.
 */
export type StoryEvent =
  | {
      /** The collectors have started, each with its buffer. */
      kind: "start";
      t: number;
      collectors: number;
      bufferMiB: number;
    }
  | {
      /** A GC cycle ended; `freed` is how much less live heap it left than the cycle before. */
      kind: "gc";
      t: number;
      n: number;
      live: number;
      freed: number;
      forced: boolean;
      /** How many collectors (and so buffers) were still there when it ended. */
      holding: number;
    }
  | {
      /** Collectors left their wait and returned, within 50 ms of each other. */
      kind: "return";
      t: number;
      count: number;
      fix: FixKind;
      /** The wait reason they left (the trace's: "select", "chan receive"). */
      reason: string;
    }
  | {
      /** The leak-check GC (the probe's goroutine leak profile) ended. */
      kind: "leak-check";
      t: number;
      n: number;
      live: number;
      leaked: number;
    }
  | {
      /** scheddetail printed collectors with status 10, _Gleaked. */
      kind: "marked-leaked";
      t: number;
      count: number;
    }
  | {
      /** The recording ends. */
      kind: "end";
      t: number;
      /** Collectors that never returned. */
      blocked: number;
    };

/** Exits closer than this (ticks, 50 ms) are one event: the timers of one batch, one close loop. */
const TOGETHER = 500;

/** The story of a recording, in time order. */
export function storyEvents(v: Omit<ReplayVariant, "story">): StoryEvent[] {
  const events: StoryEvent[] = [];
  const collectors = v.goroutines.filter((g) => g.role === "collector");
  const started = Math.max(0, ...collectors.map((g) => g.start));
  if (collectors.length > 0) {
    events.push({ kind: "start", t: started, collectors: collectors.length, bufferMiB: v.bufferMiB });
  }

  const exits = collectors
    .filter((g): g is typeof g & { exit: number } => g.exit !== null)
    .sort((a, b) => a.exit - b.exit);
  for (let i = 0; i < exits.length;) {
    const first = exits[i];
    if (first === undefined) break;
    let j = i;
    while (j + 1 < exits.length && (exits[j + 1]?.exit ?? Infinity) - first.exit <= TOGETHER) j++;
    // The wait they left: the last waiting span before the exit.
    const lastWait = first.spans.filter((s) => s.from < first.exit && s.reason >= 0).at(-1);
    events.push({
      kind: "return",
      t: first.exit,
      count: j - i + 1,
      fix: v.fix,
      reason: lastWait ? (v.reasons[lastWait.reason] ?? "") : "",
    });
    i = j + 1;
  }

  let previousLive: number | null = null;
  for (const gc of v.gcs) {
    // The collectors whose buffers this GC had to keep: those still there when it ended.
    const holding = collectors.filter((g) => g.start <= gc.end && (g.exit === null || g.exit > gc.end)).length;
    if (gc.leakCheck) {
      events.push({ kind: "leak-check", t: gc.end, n: gc.n, live: gc.live, leaked: v.leakProfileTotal ?? 0 });
    } else {
      const freed = previousLive === null ? 0 : Math.max(0, previousLive - gc.live);
      events.push({ kind: "gc", t: gc.end, n: gc.n, live: gc.live, freed, forced: gc.forced, holding });
    }
    previousLive = gc.live;
  }

  const leakedSnapshot = v.snapshots.find((s) => (s.user[10] ?? 0) > 0);
  if (leakedSnapshot) events.push({ kind: "marked-leaked", t: leakedSnapshot.t, count: leakedSnapshot.user[10] ?? 0 });

  events.push({ kind: "end", t: v.end, blocked: collectors.filter((g) => g.exit === null).length });
  // Stable: at one tick, the order above (start, returns, GCs, …) is the story's order.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i)
    .map(({ e }) => e);
}

/** Index of the last story event at or before a tick (-1: before the first). */
export function storyIndexAt(story: readonly StoryEvent[], tick: number): number {
  return lastIndexAtOrBefore(story, tick, (e) => e.t);
}

/** The tick of the next story event after `tick` (the end if none), or of the previous one before it (0 if none). */
export function neighbourEvent(story: readonly StoryEvent[], tick: number, direction: 1 | -1, end: number): number {
  if (direction === 1) return story.find((e) => e.t > tick)?.t ?? end;
  for (let i = story.length - 1; i >= 0; i--) {
    const t = story[i]?.t;
    if (t !== undefined && t < tick) return t;
  }
  return 0;
}
